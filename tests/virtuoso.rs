//! `summit load --endpoint` against a real shared store: Virtuoso Open Source (Debian's
//! `virtuoso-opensource`), started here on free loopback ports with a database of its own
//! in a temporary directory and a minimal `virtuoso.ini`, stopped at the end even when a
//! check fails. The examples (and the seeds, when present) pushed over Virtuoso's Graph
//! Store Protocol service must answer every shipped query as the embedded store does
//! (sorted rows), and a second push must replace, not add.
//!
//! Virtuoso is a tool outside our code: the test skips with a message when `virtuoso-t`
//! or `isql-vt` is missing, except in CI (`SUMMIT_CI` set), where it fails (`.ci/run`
//! installs it).

mod common;
use common::{run, summit};

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const TODAY: &str = "2026-11-20";

fn have(program: &str) -> bool {
    Command::new("sh").args(["-c", &format!("command -v {program}")]).stdout(Stdio::null()).status().is_ok_and(|s| s.success())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A Virtuoso server of its own, killed (and its database removed) when dropped.
struct Virtuoso {
    child: Child,
    dir: tempfile::TempDir,
    http: u16,
    sql: u16,
}

impl Virtuoso {
    fn start() -> Option<Virtuoso> {
        for program in ["virtuoso-t", "isql-vt"] {
            if !have(program) {
                if std::env::var_os("SUMMIT_CI").is_some() {
                    panic!("{program} (Virtuoso Open Source) is required in CI (SUMMIT_CI is set): see .ci/run");
                }
                eprintln!("skipped: {program} is not available (Debian: apt-get install virtuoso-opensource)");
                return None;
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let (http, sql) = (free_port(), free_port());
        let db = dir.path();
        // The packaged /etc/virtuoso-opensource-7/virtuoso.ini, cut to what a test needs:
        // every file in the temporary directory, both ports on loopback, a small cache.
        let ini = format!(
            "[Database]\nDatabaseFile = {d}/virtuoso.db\nErrorLogFile = {d}/virtuoso.log\nLockFile = {d}/virtuoso.lck\n\
             TransactionFile = {d}/virtuoso.trx\nxa_persistent_file = {d}/virtuoso.pxa\n\
             [TempDatabase]\nDatabaseFile = {d}/virtuoso-temp.db\nTransactionFile = {d}/virtuoso-temp.trx\n\
             [Parameters]\nServerPort = 127.0.0.1:{sql}\nDisableUnixSocket = 1\nNumberOfBuffers = 10000\nMaxDirtyBuffers = 6000\n\
             DirsAllowed = .\n\
             [HTTPServer]\nServerPort = 127.0.0.1:{http}\nServerThreads = 4\nMaxClientConnections = 4\n\
             [SPARQL]\nResultSetMaxRows = 1000000\nMaxQueryExecutionTime = 120\n",
            d = db.display()
        );
        std::fs::write(db.join("virtuoso.ini"), ini).unwrap();
        let child = Command::new("virtuoso-t")
            .args(["+foreground", "+configfile", "virtuoso.ini"])
            .current_dir(db)
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(db.join("stdout.log")).unwrap())
            .stderr(std::fs::File::create(db.join("stderr.log")).unwrap())
            .spawn()
            .expect("virtuoso-t starts");
        let mut v = Virtuoso { child, dir, http, sql };
        let deadline = Instant::now() + Duration::from_secs(180);
        loop {
            if let Some(status) = v.child.try_wait().unwrap() {
                panic!("virtuoso-t exited ({status}): {}", v.log());
            }
            if ureq::get(format!("http://127.0.0.1:{http}/sparql?query=ASK%7B%7D")).call().is_ok() {
                break;
            }
            assert!(Instant::now() < deadline, "Virtuoso did not answer within 3 minutes: {}", v.log());
            std::thread::sleep(Duration::from_millis(250));
        }
        Some(v)
    }

    fn log(&self) -> String {
        let read = |f: &str| std::fs::read_to_string(self.dir.path().join(f)).unwrap_or_default();
        format!("{}{}{}", read("virtuoso.log"), read("stdout.log"), read("stderr.log"))
    }

    /// SQL as the database administrator (a new database's `dba` password is `dba`).
    fn isql(&self, sql: &str) {
        let (code, out, err) = run(Command::new("isql-vt").args([&format!("127.0.0.1:{}", self.sql), "dba", "dba", &format!("exec={sql}")]));
        assert!(code == 0 && !out.contains("*** Error") && !err.contains("*** Error"), "isql {sql}: {out}{err}");
    }

    /// The Graph Store Protocol service that takes writes without authentication.
    fn graph_store(&self) -> String {
        format!("http://127.0.0.1:{}/sparql-graph-crud", self.http)
    }

    /// A SPARQL query on Virtuoso's /sparql endpoint: the CSV answer's header and rows.
    fn query(&self, sparql: &str) -> (Vec<String>, Vec<Vec<String>>) {
        let mut r = ureq::post(format!("http://127.0.0.1:{}/sparql", self.http))
            .header("Accept", "text/csv")
            .send_form([("query", sparql)])
            .unwrap_or_else(|e| panic!("Virtuoso /sparql: {e}\n{sparql}"));
        csv_rows(&r.body_mut().read_to_string().unwrap())
    }
}

impl Drop for Virtuoso {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A SPARQL CSV answer: its header and rows (Virtuoso quotes strings, summit only when
/// needed; the csv crate reads both to the same values).
fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r.records().map(|rec| rec.unwrap().iter().map(str::to_string).collect()).collect();
    (header, rows)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Quads in summit's graphs (Virtuoso's own system graphs left out).
/// Quads in summit's graphs, but for the embedded store's meetings view (not pushed).
const COUNT: &str = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), \"https://w3id.org/summit/\") && ?g != <https://w3id.org/summit/graph/meetings>) }";

#[test]
fn pushed_to_virtuoso_the_shipped_queries_answer_as_the_embedded_store() {
    let Some(virtuoso) = Virtuoso::start() else { return };
    let repo = common::repo();
    let inputs = common::examples_and_seeds("Virtuoso");
    let dir = tempfile::tempdir().unwrap();
    let embedded = common::embedded_store(dir.path(), &inputs);

    let endpoint = virtuoso.graph_store();
    let push = || {
        let mut args: Vec<&str> = vec!["load", "--endpoint", &endpoint, "--today", TODAY];
        args.extend(inputs.iter().map(String::as_str));
        run(&mut summit(&args))
    };
    // A new database lets the anonymous SPARQL user read, not write: the push stops at the
    // first document with Virtuoso's 403, named.
    let (code, _, err) = push();
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("403") && err.contains("sparql-graph-crud"), "{err}");
    // What a store's administrator does once to let `summit load --endpoint` write there
    // without authentication (a loopback or private store only; /sparql-graph-crud-auth
    // wants HTTP digest authentication, which summit does not speak).
    virtuoso.isql("grant SPARQL_UPDATE to \"SPARQL\";");
    let (code, _, err) = push();
    assert_eq!(code, 0, "{err}\n{}", virtuoso.log());
    assert!(err.contains("pushed"), "{err}");

    let mut queries: Vec<PathBuf> = std::fs::read_dir(repo.join("queries")).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "rq")).collect();
    queries.sort();
    assert!(queries.iter().any(|q| q.ends_with("who-met-whom.rq")));
    for q in &queries {
        let name = q.file_name().unwrap().to_string_lossy();
        let (code, table, err) = run(&mut summit(&["query", s(q), "--store", s(&embedded), "--format", "csv"]));
        assert_eq!(code, 0, "{name}: {err}");
        let (want_header, mut want) = csv_rows(&table);
        // Virtuoso holds the document graphs only (the meetings view is the embedded
        // store's): it answers the same question from them (queries/union/).
        let union = repo.join("queries/union").join(q.file_name().unwrap());
        let (header, mut got) = virtuoso.query(&std::fs::read_to_string(&union).unwrap());
        assert_eq!(header, want_header, "{name}: columns");
        want.sort();
        got.sort();
        assert!(!want.is_empty(), "{name}: the embedded store answers something");
        assert_eq!(got, want, "{name}: Virtuoso's answer differs from the embedded store's");
    }

    // Again: every graph replaced, nothing added; the same count as the embedded store.
    let count = |rows: Vec<Vec<String>>| rows[0][0].parse::<usize>().unwrap();
    let (_, embedded_count) = csv_rows(&run(&mut summit(&["query", "-e", COUNT, "--store", s(&embedded), "--format", "csv"])).1);
    let before = count(virtuoso.query(COUNT).1);
    assert_eq!(before, count(embedded_count), "quads in Virtuoso vs the embedded store");
    let (code, _, err) = push();
    assert_eq!(code, 0, "{err}");
    assert_eq!(count(virtuoso.query(COUNT).1), before, "a second push added quads instead of replacing");

    // A document pushed again after it changed says only what it says now (the same
    // triples pushed twice cannot tell replacing from adding; a changed document can).
    let probe = dir.path().join("probe.jsonl");
    let participants = |text: &str| {
        std::fs::write(&probe, format!("{}\n", serde_json::json!({"id": "virtuoso-probe", "text": text, "date": "2024-05-06"}))).unwrap();
        let (code, _, err) = run(&mut summit(&["load", s(&probe), "--endpoint", &endpoint, "--today", TODAY]));
        assert_eq!(code, 0, "{err}");
        let (_, rows) = virtuoso.query("SELECT DISTINCT ?p WHERE { GRAPH <https://w3id.org/summit/doc/virtuoso-probe> { ?m <https://w3id.org/summit/ns#participant> ?p } } ORDER BY ?p");
        rows.into_iter().map(|r| r[0].rsplit('/').next().unwrap().to_string()).collect::<Vec<_>>()
    };
    assert_eq!(participants("PARIS, May 6 -- Chinese President Xi Jinping met French President Emmanuel Macron in Paris on Monday."), ["emmanuel-macron", "xi-jinping"]);
    assert_eq!(
        participants("BEIJING, May 6 -- Foreign Minister Wang Yi met Russian Foreign Minister Sergey Lavrov in Beijing on Monday."),
        ["sergey-lavrov", "wang-yi"],
        "the document's earlier meeting is gone from its graph"
    );
}
