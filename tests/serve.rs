//! `summit serve`: the SPARQL endpoint, checked from outside our code — curl for the
//! protocol, content negotiation, errors and limits; SPARQLWrapper (Python) for the
//! who-met-whom table; headless Chromium for the query page.
//!
//! Each test starts the built binary on a free loopback port over its own store. curl,
//! python3 with SPARQLWrapper and chromium are tools outside our code: a test that needs
//! one skips with a message when it is missing, except in CI (`SUMMIT_CI` set), where it
//! fails (`.ci/run` and `scripts/bootstrap` install them).

mod common;
use common::{Server, load, run, store_with, summit};

use serde_json::Value;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

fn missing(what: &str) {
    if std::env::var_os("SUMMIT_CI").is_some() {
        panic!("{what} is required in CI (SUMMIT_CI is set): see .ci/run and scripts/bootstrap");
    }
    eprintln!("skipped: {what} is not available");
}

/// `summit query FILE --format FORMAT` on a store, from the command line.
fn cli_query(store: &Path, file: &str, format: &str) -> String {
    let (code, out, err) = run(&mut summit(&["query", file, "--store", store.to_str().unwrap(), "--format", format]));
    assert_eq!(code, 0, "{file}: {err}");
    out
}

fn have_curl() -> bool {
    let ok = Command::new("curl").arg("--version").stdout(Stdio::null()).status().is_ok_and(|s| s.success());
    if !ok {
        missing("curl");
    }
    ok
}

/// What curl got: status, headers (lower-case names), body.
struct Got {
    status: u16,
    headers: String,
    body: String,
}

impl Got {
    fn header(&self, name: &str) -> Option<String> {
        self.headers.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }
}

/// Runs curl with these arguments (plus `-sS`, a generous time limit, and files for the
/// headers and body).
fn curl(args: &[&str]) -> Got {
    let dir = tempfile::tempdir().unwrap();
    let (h, b) = (dir.path().join("h"), dir.path().join("b"));
    let o = Command::new("curl")
        .current_dir(common::repo())
        .args(["-sS", "--max-time", "120", "-D", h.to_str().unwrap(), "-o", b.to_str().unwrap(), "-w", "%{http_code}"])
        .args(args)
        .output()
        .expect("curl runs");
    let status = String::from_utf8_lossy(&o.stdout).trim().parse().unwrap_or_else(|_| panic!("curl {args:?}: {}", String::from_utf8_lossy(&o.stderr)));
    Got {
        status,
        headers: std::fs::read_to_string(&h).unwrap_or_default(),
        body: String::from_utf8_lossy(&std::fs::read(&b).unwrap_or_default()).into_owned(),
    }
}

fn read(path: &str) -> String {
    std::fs::read_to_string(common::repo().join(path)).unwrap()
}

#[test]
fn protocol_negotiation_and_errors_over_curl() {
    if !have_curl() {
        return;
    }
    let (_dir, store) = store_with("examples");
    let s = Server::start(&store, &[]);
    let q = s.url("/query");

    // /health: 200, JSON with the store and its quads.
    let h = curl(&[&s.url("/health")]);
    assert_eq!(h.status, 200, "{}", h.body);
    let health: Value = serde_json::from_str(&h.body).unwrap();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["store"], store.to_str().unwrap());
    let quads = summit::store::Store::open_read_only(&store).unwrap().len().unwrap();
    assert_eq!(health["quads"], quads, "{}", h.body);
    assert_eq!(health["read_only"], true);

    // The same bytes as `summit query` in every W3C format, by GET, form POST and direct POST.
    for (accept, format, media) in [
        ("text/csv", "csv", "text/csv"),
        ("text/tab-separated-values", "tsv", "text/tab-separated-values"),
        ("application/sparql-results+json", "json", "application/sparql-results+json"),
    ] {
        let want = cli_query(&store, "queries/who-met-whom.rq", format);
        let accept_h = format!("Accept: {accept}");
        let by_get = curl(&["-G", "--data-urlencode", "query@queries/who-met-whom.rq", "-H", &accept_h, &q]);
        let by_form = curl(&["--data-urlencode", "query@queries/who-met-whom.rq", "-H", &accept_h, &q]);
        let by_direct = curl(&["-H", "Content-Type: application/sparql-query", "--data-binary", "@queries/who-met-whom.rq", "-H", &accept_h, &s.url("/sparql")]);
        let by_param = curl(&["-G", "--data-urlencode", "query@queries/who-met-whom.rq", "--data-urlencode", &format!("format={format}"), "-H", "Accept: image/png", &q]);
        for (how, got) in [("GET", &by_get), ("form POST", &by_form), ("direct POST", &by_direct), ("format=", &by_param)] {
            assert_eq!(got.status, 200, "{how} {accept}: {}", got.body);
            assert!(got.header("content-type").unwrap_or_default().starts_with(media), "{how}: {}", got.headers);
            assert_eq!(got.body, want, "{how} {accept} differs from `summit query --format {format}`");
        }
    }
    assert!(cli_query(&store, "queries/who-met-whom.rq", "csv").lines().count() > 2, "the examples have meetings");

    // XML results; a browser's Accept header (XML first) and no Accept (JSON).
    let x = curl(&["-G", "--data-urlencode", "query=ASK { ?m a <https://w3id.org/summit/ns#Meeting> }", "-H", "Accept: application/sparql-results+xml", &q]);
    assert_eq!(x.status, 200);
    assert!(x.body.contains("<sparql") && x.body.contains("<boolean>true</boolean>"), "{}", x.body);
    let j = curl(&["-G", "--data-urlencode", "query=ASK { ?m a <https://w3id.org/summit/ns#Meeting> }", "-H", "Accept:", &q]);
    assert_eq!(serde_json::from_str::<Value>(&j.body).unwrap()["boolean"], true, "{}", j.body);

    // Graphs: CONSTRUCT as Turtle and N-Triples (same triples), DESCRIBE.
    let construct = "query=CONSTRUCT { ?m <https://w3id.org/summit/ns#participant> ?p } WHERE { ?m <https://w3id.org/summit/ns#participant> ?p }";
    let ttl = curl(&["--data-urlencode", construct, "-H", "Accept: text/turtle", &q]);
    assert_eq!(ttl.status, 200, "{}", ttl.body);
    assert!(ttl.header("content-type").unwrap().starts_with("text/turtle"), "{}", ttl.headers);
    let nt = curl(&["--data-urlencode", construct, "-H", "Accept: application/n-triples", &q]);
    assert!(nt.header("content-type").unwrap().starts_with("application/n-triples"), "{}", nt.headers);
    use oxigraph::io::{RdfFormat, RdfParser};
    let parse = |f: RdfFormat, s: &str| -> std::collections::BTreeSet<String> {
        RdfParser::from_format(f).for_slice(s.as_bytes()).map(|q| q.unwrap().to_string()).collect()
    };
    let (a, b) = (parse(RdfFormat::Turtle, &ttl.body), parse(RdfFormat::NTriples, &nt.body));
    assert!(!a.is_empty() && a == b, "Turtle and N-Triples answers differ");
    let d = curl(&["--data-urlencode", "query=DESCRIBE <https://w3id.org/summit/person/xi-jinping>", "-H", "Accept: application/n-triples", &q]);
    assert!(d.status == 200 && d.body.contains("<https://w3id.org/summit/person/xi-jinping>"), "{}", d.body);

    // Errors.
    let bad = curl(&["--data-urlencode", "query=SELECT ?x\nWHERE {\n  ?x ?y ?z .\n  FILTR(?x)\n}", &q]);
    assert_eq!(bad.status, 400, "{}", bad.body);
    assert!(bad.body.contains("query:4:") && bad.body.contains("SPARQL syntax error"), "line and column: {}", bad.body);
    let none = curl(&[&q]);
    assert_eq!(none.status, 400, "{}", none.body);
    let png = curl(&["-G", "--data-urlencode", "query=SELECT * WHERE { ?s ?p ?o } LIMIT 1", "-H", "Accept: image/png", &q]);
    assert_eq!(png.status, 406, "{}", png.body);
    for (how, args) in [
        ("form update", vec!["--data-urlencode", "update=CLEAR ALL"]),
        ("direct update", vec!["-H", "Content-Type: application/sparql-update", "--data-binary", "CLEAR ALL"]),
    ] {
        for path in ["/update", "/query"] {
            let mut a = args.clone();
            let u = s.url(path);
            a.push(&u);
            let r = curl(&a);
            assert_eq!(r.status, 403, "{how} {path}: {}", r.body);
            assert!(r.body.contains("read-only") && r.body.contains("--allow-update"), "{}", r.body);
        }
    }
    let put = curl(&["-X", "PUT", "-H", "Content-Type: application/n-triples", "--data-binary", "<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> .", &s.url("/store?graph=http://ex.org/g")]);
    assert_eq!(put.status, 403, "{}", put.body);
    assert_eq!(summit::store::Store::open_read_only(&store).unwrap().len().unwrap(), quads, "nothing was written");
    assert_eq!(curl(&[&s.url("/nothing-here")]).status, 404);
    let rebinding = curl(&["-H", "Host: attacker.example:80", &s.url("/health")]);
    assert_eq!(rebinding.status, 403, "a loopback server answers loopback names only: {}", rebinding.body);

    // The page: embedded, the shipped queries in it, nothing fetched from elsewhere.
    let page = curl(&[&s.url("/")]);
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").unwrap().starts_with("text/html"));
    assert!(page.header("content-security-policy").unwrap().contains("default-src 'none'"), "{}", page.headers);
    assert!(page.body.contains("who-met-whom") && page.body.contains("summit:participant ?person1"), "shipped queries on the page");
    for external in ["src=\"http", "href=\"http", "src=\"//", "@import", "url(http"] {
        assert!(!page.body.contains(external), "the page must not fetch from elsewhere ({external})");
    }
}

#[test]
fn limits_answer_413_for_large_requests_and_answers() {
    if !have_curl() {
        return;
    }
    let (_dir, store) = store_with("examples/feed.jsonl");
    let s = Server::start(&store, &["--max-request-bytes", "2K", "--max-rows", "5", "--max-result-bytes", "800"]);
    let q = s.url("/query");
    let long = format!("query=SELECT * WHERE {{ ?s ?p ?o }} LIMIT 1 # {}", "x".repeat(3000));
    let r = curl(&["--data-urlencode", &long, &q]);
    assert_eq!(r.status, 413, "{}", r.body);
    assert!(r.body.contains("--max-request-bytes"), "{}", r.body);
    let r = curl(&["-G", "--data-urlencode", &long, &q]);
    assert_eq!(r.status, 413, "a long URL too: {}", r.body);
    let r = curl(&["--data-urlencode", "query=SELECT * WHERE { ?s ?p ?o }", &q]);
    assert_eq!(r.status, 413, "{}", r.body);
    assert!(r.body.contains("more than 5 rows") && r.body.contains("--max-rows"), "{}", r.body);
    let r = curl(&["--data-urlencode", "query=SELECT ?p WHERE { ?s ?p ?o } LIMIT 5", &q]);
    assert_eq!(r.status, 200, "five short rows pass: {}", r.body);
    assert!(r.body.len() <= 800);
    // Five rows of three IRIs each: over 800 bytes of JSON.
    let r = curl(&["--data-urlencode", "query=SELECT * WHERE { ?s ?p ?o } LIMIT 5", &q]);
    assert_eq!(r.status, 413, "{}", r.body);
    assert!(r.body.contains("--max-result-bytes"), "{}", r.body);
}

#[test]
fn a_runaway_query_is_stopped_while_other_clients_are_served() {
    if !have_curl() {
        return;
    }
    let (_dir, store) = store_with("examples");
    let s = Server::start(&store, &["--timeout", "3"]);
    let q = s.url("/query");
    let done = Arc::new(AtomicBool::new(false));
    let runaway = {
        let (q, done) = (q.clone(), Arc::clone(&done));
        std::thread::spawn(move || {
            let r = curl(&["--data-urlencode", "query=SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", &q]);
            done.store(true, Ordering::SeqCst);
            r
        })
    };
    std::thread::sleep(Duration::from_millis(500));
    let want = cli_query(&store, "queries/who-met-whom.rq", "csv");
    for _ in 0..5 {
        let r = curl(&["--data-urlencode", "query@queries/who-met-whom.rq", "-H", "Accept: text/csv", &q]);
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body, want);
        assert_eq!(curl(&[&s.url("/health")]).status, 200);
    }
    assert!(!done.load(Ordering::SeqCst), "the other client was served while the runaway query ran");
    let r = runaway.join().unwrap();
    assert_eq!(r.status, 503, "the runaway query is stopped by the timeout: {}", r.body);
    assert!(r.body.contains("timeout") && r.body.contains("3 s"), "{}", r.body);
    // The server is still fine afterwards.
    assert_eq!(curl(&["--data-urlencode", "query@queries/who-met-whom.rq", "-H", "Accept: text/csv", &q]).body, want);
}

/// `{"vars": [...], "rows": [[...]]}` from SPARQLWrapper; `None` when python3 or
/// SPARQLWrapper is missing (outside CI).
fn sparqlwrapper(endpoint: &str, query_file: &str) -> Option<Value> {
    let probe = Command::new("python3").args(["-c", "import SPARQLWrapper"]).output();
    match probe {
        Ok(o) if o.status.success() => {}
        Ok(o) => {
            missing(&format!("SPARQLWrapper for python3 ({})", String::from_utf8_lossy(&o.stderr).trim()));
            return None;
        }
        Err(e) => {
            missing(&format!("python3 ({e})"));
            return None;
        }
    }
    let script = common::repo().join("tests/py/serve_client.py");
    let o = Command::new("python3").current_dir(common::repo()).arg(&script).args([endpoint, query_file]).output().unwrap();
    assert!(o.status.success(), "serve_client.py: {}", String::from_utf8_lossy(&o.stderr));
    Some(serde_json::from_slice(&o.stdout).unwrap())
}

/// The same shape from `summit query --format json`.
fn cli_table(store: &Path, query_file: &str) -> Value {
    let json: Value = serde_json::from_str(&cli_query(store, query_file, "json")).unwrap();
    let vars: Vec<String> = json["head"]["vars"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
    let rows: Vec<Value> = json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| Value::Array(vars.iter().map(|v| b.get(v).map(|t| t["value"].clone()).unwrap_or(Value::Null)).collect()))
        .collect();
    serde_json::json!({"vars": vars, "rows": rows})
}

#[test]
fn sparqlwrapper_reads_the_who_met_whom_table_of_the_examples() {
    let (_dir, store) = store_with("examples");
    let s = Server::start(&store, &[]);
    let Some(got) = sparqlwrapper(&s.url("/query"), "queries/who-met-whom.rq") else { return };
    let want = cli_table(&store, "queries/who-met-whom.rq");
    assert_eq!(got, want, "SPARQLWrapper over HTTP vs `summit query`");
    let rows = got["rows"].as_array().unwrap();
    assert!(rows.iter().any(|r| r[1] == "Sergey Lavrov" && r[3] == "Wang Yi"), "{got}");
}

#[test]
fn over_the_seeds_sparqlwrapper_equals_summit_query() {
    let Some(seeds) = common::seeds_dir() else { return };
    let (_dir, store) = store_with(seeds.to_str().unwrap());
    let s = Server::start(&store, &[]);
    for file in ["queries/who-met-whom.rq", "queries/meetings.rq"] {
        let Some(got) = sparqlwrapper(&s.url("/sparql"), file) else { return };
        let want = cli_table(&store, file);
        assert!(!want["rows"].as_array().unwrap().is_empty(), "{file}: the seeds have meetings");
        assert_eq!(got, want, "{file}: SPARQLWrapper over HTTP vs `summit query` on the seeds");
    }
}

fn chromium() -> Option<String> {
    for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
        if Command::new(name).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success()) {
            return Some(name.to_string());
        }
    }
    missing("chromium (headless)");
    None
}

/// Percent-encodes everything but unreserved characters.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

#[test]
fn the_page_runs_a_query_in_headless_chromium() {
    let Some(browser) = chromium() else { return };
    let (_dir, store) = store_with("examples");
    let s = Server::start(&store, &[]);
    let query = read("queries/who-met-whom.rq");
    let want = cli_table(&store, "queries/who-met-whom.rq");
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            &format!("--user-data-dir={}", profile.path().display()),
            "--virtual-time-budget=20000",
            "--dump-dom",
            &s.url(&format!("/#query={}", encode(&query))),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut dom = String::new();
    let mut out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        out.read_to_string(&mut s).ok();
        s
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    dom.push_str(&reader.join().unwrap());
    let rows = want["rows"].as_array().unwrap();
    assert!(dom.contains("data-state=\"done\""), "the page ran the query: {}", &dom[dom.len().saturating_sub(3000)..]);
    assert!(dom.contains(&format!(">{} row(s) in ", rows.len())), "row count on the page");
    assert!(dom.contains("<th>person1</th><th>name1</th><th>person2</th><th>name2</th><th>meetings</th>"), "header row");
    for r in rows {
        let cells: String = r.as_array().unwrap().iter().map(|c| format!("<td{}>{}</td>", if c.as_str().is_some_and(|v| v.starts_with("http")) { " title=\"IRI\"" } else { "" }, html_escape(c.as_str().unwrap_or("")))).collect();
        assert!(dom.contains(&format!("<tr>{cells}</tr>")), "row {r} on the page");
    }
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[test]
fn graph_store_protocol_put_get_delete_and_updates() {
    if !have_curl() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let s = Server::start(&store, &["--allow-update"]);
    let h: Value = serde_json::from_str(&curl(&[&s.url("/health")]).body).unwrap();
    assert_eq!((h["quads"].as_u64(), h["read_only"].as_bool()), (Some(0), Some(false)));

    // Push every example document's graph with PUT, as N-Quads (what `load --endpoint` will do).
    let (code, nq, err) = run(&mut summit(&["extract", "examples", "--format", "nq", "--today", "2026-11-20"]));
    assert_eq!(code, 0, "{err}");
    let mut by_graph: std::collections::BTreeMap<String, String> = Default::default();
    for line in nq.lines().filter(|l| !l.trim().is_empty()) {
        let g = line.trim_end().trim_end_matches('.').trim_end().rsplit_once(' ').unwrap().1.trim_matches(['<', '>']).to_string();
        by_graph.entry(g).or_default().push_str(&format!("{line}\n"));
    }
    assert_eq!(by_graph.len(), 7, "one graph per example document");
    // And the gazetteer graph (names, roles, places), which `summit load` writes once.
    let (code, gazetteer, err) = run(&mut summit(&["gazetteer", "graph"]));
    assert_eq!(code, 0, "{err}");
    by_graph.insert(summit::rdf::GAZETTEER_GRAPH.to_string(), gazetteer);
    let files = tempfile::tempdir().unwrap();
    for (i, (g, body)) in by_graph.iter().enumerate() {
        let f = files.path().join(format!("{i}.nq"));
        std::fs::write(&f, body).unwrap();
        let url = s.url(&format!("/store?graph={}", encode(g)));
        let r = curl(&["-X", "PUT", "-H", "Content-Type: application/n-quads", "--data-binary", &format!("@{}", f.display()), &url]);
        assert_eq!(r.status, 201, "{g}: {}", r.body);
        let again = curl(&["-X", "PUT", "-H", "Content-Type: application/n-quads", "--data-binary", &format!("@{}", f.display()), &url]);
        assert_eq!(again.status, 204, "replacing {g}: {}", again.body);
    }
    // The endpoint's who-met-whom equals `summit query` on a store `summit load` made.
    let (_d2, loaded) = store_with("examples");
    let want = cli_query(&loaded, "queries/who-met-whom.rq", "csv");
    let got = curl(&["--data-urlencode", "query@queries/who-met-whom.rq", "-H", "Accept: text/csv", &s.url("/query")]);
    assert_eq!(got.body, want, "graphs pushed with PUT answer like `summit load`");
    // A read-only `summit query` runs beside the server; `summit load` is refused clearly.
    assert_eq!(cli_query(&store, "queries/who-met-whom.rq", "csv"), want);
    let (code, _, err) = run(&mut summit(&["load", "examples/feed.jsonl", "--store", store.to_str().unwrap()]));
    assert_eq!(code, 2, "a load beside a writing server is refused");
    assert!(err.contains("in use"), "{err}");

    // PUT replaces, GET returns exactly the graph, DELETE removes it.
    let g = "https://w3id.org/summit/doc/test-graph";
    let url = s.url(&format!("/store?graph={}", encode(g)));
    let r = curl(&["-X", "PUT", "-H", "Content-Type: text/turtle", "--data-binary", "<a> <http://ex.org/p> \"one\", \"two\" .", &url]);
    assert_eq!(r.status, 201, "{}", r.body);
    let r = curl(&["-X", "PUT", "-H", "Content-Type: text/turtle", "--data-binary", "<a> <http://ex.org/p> \"three\" .", &url]);
    assert_eq!(r.status, 204, "{}", r.body);
    let r = curl(&["-X", "POST", "-H", "Content-Type: application/n-triples", "--data-binary", "<https://w3id.org/summit/doc/a> <http://ex.org/p> \"four\" .", &url]);
    assert_eq!(r.status, 204, "POST adds: {}", r.body);
    let r = curl(&["-H", "Accept: application/n-triples", &url]);
    assert_eq!(r.status, 200);
    let mut lines: Vec<&str> = r.body.lines().collect();
    lines.sort();
    assert_eq!(
        lines,
        ["<https://w3id.org/summit/doc/a> <http://ex.org/p> \"four\" .", "<https://w3id.org/summit/doc/a> <http://ex.org/p> \"three\" ."],
        "PUT replaced the graph (relative IRIs resolve against it), POST added"
    );
    let bad = curl(&["-X", "PUT", "-H", "Content-Type: text/turtle", "--data-binary", "<a> <b> .", &url]);
    assert_eq!(bad.status, 400, "{}", bad.body);
    let other = curl(&["-X", "PUT", "-H", "Content-Type: application/n-quads", "--data-binary", "<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> <http://ex.org/other> .", &url]);
    assert_eq!(other.status, 400, "{}", other.body);
    assert_eq!(curl(&["-X", "PUT", "-H", "Content-Type: image/png", "--data-binary", "x", &url]).status, 415);
    assert_eq!(curl(&["-H", "Accept: application/n-triples", &url]).body.lines().count(), 2, "failed PUTs changed nothing");
    let cross = curl(&["-X", "DELETE", "-H", "Origin: http://attacker.example", &url]);
    assert_eq!(cross.status, 403, "no writes from another site's page: {}", cross.body);
    assert_eq!(curl(&["-X", "DELETE", &url]).status, 204);
    assert_eq!(curl(&[&url]).status, 404);
    assert_eq!(curl(&["-X", "DELETE", &url]).status, 404);
    assert_eq!(curl(&[&s.url("/store?default")]).status, 400);

    // SPARQL update.
    let r = curl(&["--data-urlencode", "update=INSERT DATA { GRAPH <http://ex.org/u> { <http://ex.org/s> <http://ex.org/p> 42 } }", &s.url("/update")]);
    assert_eq!(r.status, 204, "{}", r.body);
    let r = curl(&["-G", "--data-urlencode", "query=SELECT ?o WHERE { <http://ex.org/s> <http://ex.org/p> ?o }", "-H", "Accept: text/csv", &s.url("/query")]);
    assert_eq!(r.body, "o\r\n42\r\n");
    let r = curl(&["-H", "Content-Type: application/sparql-update", "--data-binary", "DROP GRAPH <http://ex.org/u>", &s.url("/update")]);
    assert_eq!(r.status, 204, "{}", r.body);
    let r = curl(&["--data-urlencode", "update=INSERT DATA { <x> }", &s.url("/update")]);
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("update:1:"), "{}", r.body);
}

#[test]
fn a_read_only_server_sees_a_later_load() {
    if !have_curl() {
        return;
    }
    let (_dir, store) = store_with("examples/feed.jsonl");
    let s = Server::start(&store, &[]);
    let count = |s: &Server| -> u64 { serde_json::from_str::<Value>(&curl(&[&s.url("/health")]).body).unwrap()["quads"].as_u64().unwrap() };
    let before = count(&s);
    let graphs_q = "query=SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    let graphs = |s: &Server| curl(&["-G", "--data-urlencode", graphs_q, "-H", "Accept: text/csv", &s.url("/query")]).body;
    let graphs_before = graphs(&s);
    load(&store, "examples/en-beijing.txt");
    let deadline = Instant::now() + Duration::from_secs(30);
    while count(&s) == before {
        assert!(Instant::now() < deadline, "the server never saw the load: {}", s.log());
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(count(&s) > before);
    assert_ne!(graphs(&s), graphs_before, "the new document's graph is queried");
}
