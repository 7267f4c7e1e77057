//! summit as a map step (issue 10): `summit extract --format nq -` on a JSONL stream, the
//! corpus split into shards in any order, the shards' N-Quads loaded with `summit load`.
//!
//! The union of the shards' outputs must be the graph a single process makes of the whole
//! corpus (same quads, same who-met-whom table), because every IRI comes from the data;
//! and a stream's quads must come out while the stream is still open (Spark's `RDD.pipe`,
//! Hadoop Streaming, GNU parallel). The Spark recipe (`scripts/spark-extract.py`) runs
//! when pyspark and java are there, and must run in CI (`SUMMIT_CI` set).

mod common;
use common::{run, summit};

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

const TODAY: &str = "2026-11-20";

fn ok(c: &mut Command) -> String {
    let (code, out, err) = run(c);
    assert_eq!(code, 0, "{c:?}: {err}");
    out
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The test corpus as JSONL lines, each with its own id: the examples and the news
/// fixtures (a text or HTML file becomes a line with its file stem as id).
fn corpus() -> Vec<String> {
    let repo = common::repo();
    let mut lines = Vec::new();
    for dir in ["examples", "tests/fixtures/news"] {
        let (inputs, errors) = summit::read::expand(&[repo.join(dir).display().to_string()]);
        assert!(errors.is_empty(), "{errors:?}");
        for input in inputs {
            let summit::read::Input::File(path) = input else { unreachable!() };
            let text = std::fs::read_to_string(&path).unwrap();
            if path.extension().is_some_and(|e| e == "jsonl") {
                lines.extend(text.lines().filter(|l| !l.trim().is_empty()).map(str::to_string));
                // Second reports of some meetings (another document, same story), so that
                // shards share meetings: every fourth short report, once more.
                if path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("meetings-")) {
                    for l in text.lines().filter(|l| !l.trim().is_empty()).step_by(4) {
                        let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                        let id = format!("{}-again", v["id"].as_str().unwrap());
                        v["id"] = id.into();
                        lines.push(v.to_string());
                    }
                }
            } else {
                let id = path.file_stem().unwrap().to_str().unwrap();
                lines.push(serde_json::json!({"id": id, "text": text}).to_string());
            }
        }
    }
    let mut ids: Vec<String> = lines.iter().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string()).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "document ids must be unique for shards to agree");
    assert!(n > 100, "{n} documents");
    lines
}

/// A reproducible shuffle (xorshift), so shards see the documents in another order.
fn shuffled(lines: &[String], seed: u64) -> Vec<String> {
    let mut v = lines.to_vec();
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for i in (1..v.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.swap(i, (x % (i as u64 + 1)) as usize);
    }
    v
}

fn write_lines(path: &Path, lines: &[String]) {
    let mut f = std::fs::File::create(path).unwrap();
    for l in lines {
        writeln!(f, "{l}").unwrap();
    }
}

/// `summit extract --format nq -` with the shard on stdin, as a map step runs it.
fn extract_stdin(shard: &Path, out: &Path) {
    let input = std::fs::File::open(shard).unwrap();
    let output = std::fs::File::create(out).unwrap();
    let o = summit(&["extract", "--format", "nq", "--today", TODAY, "-j", "2", "-"])
        .stdin(input)
        .stdout(output)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// What a store holds: the who-met-whom and meetings tables, every quad (sorted CSV
/// rows), the number of quads, and of those outside the meetings view (what the N-Quads
/// of `extract` and the gazetteer graph hold: the view is built by `load`).
#[derive(Debug, PartialEq)]
struct Graph {
    who_met_whom: String,
    meetings: String,
    quads: Vec<String>,
    count: usize,
    without_view: usize,
}

fn graph_of(store: &Path) -> Graph {
    let q = |file: &str| ok(&mut summit(&["query", file, "--store", s(store), "--format", "csv"]));
    let dump = ok(&mut summit(&["query", "-e", "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", s(store), "--format", "csv"]));
    let mut quads: Vec<String> = dump.lines().skip(1).map(str::to_string).collect();
    quads.sort();
    let count = ok(&mut summit(&["query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", s(store), "--format", "csv"]));
    let count = count.lines().nth(1).unwrap().trim().parse().unwrap();
    let without_view = quads.iter().filter(|q| !q.starts_with(&format!("{},", summit::rdf::MEETINGS_GRAPH))).count();
    Graph { who_met_whom: q("queries/who-met-whom.rq"), meetings: q("queries/meetings.rq"), quads, count, without_view }
}

/// The single-process graph of the corpus: `summit load corpus.jsonl`.
fn single_process(dir: &Path, lines: &[String]) -> Graph {
    let corpus = dir.join("corpus.jsonl");
    write_lines(&corpus, lines);
    let store = dir.join("single");
    ok(&mut summit(&["load", s(&corpus), "--store", s(&store), "--today", TODAY]));
    graph_of(&store)
}

/// The meeting IRIs an N-Quads file describes.
fn meetings_in(nq: &Path) -> std::collections::BTreeSet<String> {
    let text = std::fs::read_to_string(nq).unwrap();
    text.lines()
        .filter_map(|l| l.strip_prefix("<https://w3id.org/summit/meeting/"))
        .filter_map(|rest| rest.split_once('>').map(|(m, _)| m.to_string()))
        .collect()
}

#[test]
fn shards_in_any_order_union_to_the_single_process_graph() {
    let dir = tempfile::tempdir().unwrap();
    let lines = corpus();
    let single = single_process(dir.path(), &lines);
    assert!(single.who_met_whom.lines().count() > 20, "{}", single.who_met_whom);
    assert_eq!(single.count, single.quads.len());

    for (n, seed) in [(2usize, 1u64), (5, 7)] {
        let order = shuffled(&lines, seed);
        let mut outputs: Vec<PathBuf> = Vec::new();
        for k in 0..n {
            // Shard k: every n-th document of this order, the last shard read backwards.
            let mut shard: Vec<String> = order.iter().skip(k).step_by(n).cloned().collect();
            if k == n - 1 {
                shard.reverse();
            }
            let path = dir.path().join(format!("shard-{n}-{k}.jsonl"));
            write_lines(&path, &shard);
            let out = dir.path().join(format!("shard-{n}-{k}.nq"));
            extract_stdin(&path, &out);
            outputs.push(out);
        }
        // The case that matters: one meeting reported by documents in different shards.
        let per_shard: Vec<_> = outputs.iter().map(|o| meetings_in(o)).collect();
        let shared = per_shard.iter().enumerate().any(|(i, a)| per_shard[i + 1..].iter().any(|b| a.intersection(b).next().is_some()));
        assert!(shared, "{n} shards: no meeting is reported in two shards, so the test shows nothing");

        // Loaded in reverse shard order, into a fresh store.
        let store = dir.path().join(format!("union-{n}"));
        let mut args: Vec<&str> = vec!["load", "--store", s(&store)];
        args.extend(outputs.iter().rev().map(|p| s(p)));
        ok(&mut summit(&args));
        let union = graph_of(&store);
        assert_eq!(union.who_met_whom, single.who_met_whom, "{n} shards: who-met-whom differs");
        assert_eq!(union.meetings, single.meetings, "{n} shards: meetings differ");
        assert_eq!(union.count, single.count, "{n} shards: quad count differs");
        assert!(union.quads == single.quads, "{n} shards: the quads differ");
    }
}

#[test]
fn a_stream_gets_its_quads_before_it_closes() {
    let lines = corpus();
    let docs: Vec<&String> = lines.iter().filter(|l| l.contains("\"en-m0")).take(3).collect();
    assert_eq!(docs.len(), 3);
    let mut child = summit(&["extract", "--format", "nq", "--today", TODAY, "-j", "2", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // A thread reads the quads; the test waits for each document's graph with a watchdog
    // (a summit that waits for the end of its input would otherwise hang the test).
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    let mut got: Vec<String> = Vec::new();
    for doc in &docs {
        let id = serde_json::from_str::<serde_json::Value>(doc).unwrap()["id"].as_str().unwrap().to_string();
        writeln!(stdin, "{doc}").unwrap();
        stdin.flush().unwrap();
        let graph = format!("<https://w3id.org/summit/doc/{id}> .");
        loop {
            let line = rx
                .recv_timeout(Duration::from_secs(120))
                .unwrap_or_else(|_| panic!("no quads of {id} while its input stays open: summit waits for the end of the stream"));
            let done = line.ends_with(&graph);
            got.push(line);
            if done {
                break;
            }
        }
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
    got.extend(rx.iter());
    reader.join().unwrap();
    // The same bytes as the three documents read from a file.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("three.jsonl");
    write_lines(&file, &docs.iter().map(|d| d.to_string()).collect::<Vec<_>>());
    let whole = ok(&mut summit(&["extract", "--format", "nq", "--today", TODAY, s(&file)]));
    assert_eq!(got.join("\n") + "\n", whole);
}

#[test]
fn nquads_files_load_as_documents_do() {
    let dir = tempfile::tempdir().unwrap();
    let nq = dir.path().join("examples.nq");
    ok(&mut summit(&["extract", "examples/", "--format", "nq", "--today", TODAY, "-o", s(&nq)]));
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    ok(&mut summit(&["load", "examples/", "--store", s(&a), "--today", TODAY]));
    ok(&mut summit(&["load", s(&nq), "--store", s(&b)]));
    let first = graph_of(&b);
    assert_eq!(first, graph_of(&a));
    // Again: each graph is replaced, nothing is added.
    ok(&mut summit(&["load", s(&nq), "--store", s(&b)]));
    assert_eq!(graph_of(&b), first);

    // A bad line and a quad outside any document graph are reported and skipped (exit 2);
    // the other graphs load.
    let text = std::fs::read_to_string(&nq).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(3, "<urn:s> <urn:p> .");
    lines.insert(5, "<urn:s> <urn:p> \"no graph\" .");
    let bad = dir.path().join("bad.nq");
    std::fs::write(&bad, lines.join("\n") + "\n").unwrap();
    let c = dir.path().join("c");
    let (code, _, err) = run(&mut summit(&["load", s(&bad), "--store", s(&c)]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&format!("{}:4:", s(&bad))), "{err}");
    assert!(err.contains("outside any named graph"), "{err}");
    assert_eq!(graph_of(&c), first);
}

fn missing(what: &str) {
    if std::env::var_os("SUMMIT_CI").is_some() {
        panic!("{what} is required in CI (SUMMIT_CI is set): see .ci/run");
    }
    eprintln!("skipped: {what} is not available");
}

#[test]
fn spark_pipe_equals_single_process() {
    let java = Command::new("java").arg("-version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success());
    let pyspark = Command::new("python3").args(["-c", "import pyspark"]).stderr(Stdio::null()).status().is_ok_and(|s| s.success());
    if !java || !pyspark {
        return missing(if java { "pyspark (pip install pyspark)" } else { "java (Spark needs Java 17+)" });
    }
    let dir = tempfile::tempdir().unwrap();
    let lines = corpus();
    let single = single_process(dir.path(), &shuffled(&lines, 3));
    let corpus = dir.path().join("spark-corpus.jsonl");
    write_lines(&corpus, &shuffled(&lines, 11));
    // Compressed: the parts are gzip members concatenated into one file.
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = dir.path().join("out/spark.nq.gz");
    let o = Command::new("python3")
        .current_dir(common::repo())
        .args(["scripts/spark-extract.py", s(&corpus), s(&out), "--partitions", "4", "--master", "local[2]", "--today", TODAY])
        .args(["--summit", env!("CARGO_BIN_EXE_summit")])
        .output()
        .unwrap();
    assert!(o.status.success(), "spark-extract.py failed:\n{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read(&out).unwrap()[..2], [0x1f, 0x8b], "not gzip");
    // The directory: `load` finds the .nq.gz under it.
    let store = dir.path().join("spark");
    ok(&mut summit(&["load", s(&dir.path().join("out")), "--store", s(&store)]));
    let spark = graph_of(&store);
    assert_eq!(spark.who_met_whom, single.who_met_whom, "Spark's who-met-whom differs from one process's");
    assert_eq!(spark.count, single.count);
    assert!(spark.quads == single.quads, "Spark's quads differ from one process's");

    // scripts/nq-tally.py, for runs too big to load twice, reads the same table and count
    // off the N-Quads and the gazetteer graph (names of the people the lists know).
    let gazetteer = dir.path().join("gazetteer.nq");
    ok(&mut summit(&["gazetteer", "graph", "-o", s(&gazetteer)]));
    let o = Command::new("python3").current_dir(common::repo()).args(["scripts/nq-tally.py", s(&gazetteer), s(&out)]).output().unwrap();
    assert!(o.status.success(), "nq-tally.py failed:\n{}", String::from_utf8_lossy(&o.stderr));
    let tally = String::from_utf8(o.stdout).unwrap();
    let (counts, table): (Vec<&str>, Vec<&str>) = tally.split_inclusive('\n').partition(|l| l.starts_with('#'));
    assert_eq!(table.concat(), single.who_met_whom, "nq-tally's who-met-whom differs from the query's");
    assert!(counts.contains(&format!("# distinct quads {}\n", single.without_view).as_str()), "{counts:?}");
}
