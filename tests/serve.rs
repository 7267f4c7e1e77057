//! `summit serve`: the SPARQL endpoint, checked from outside our code — curl for the
//! protocol, content negotiation, errors and limits; SPARQLWrapper (Python) for the
//! who-met-whom table; headless Chromium for the query page (YASGUI, vendored, offline;
//! the recent meetings with their evidence).
//!
//! Each test starts the built binary on a free loopback port over its own store. curl,
//! python3 with SPARQLWrapper and chromium are tools outside our code: a test that needs
//! one skips with a message when it is missing, except in CI (`SUMMIT_CI` set), where it
//! fails (`.ci/run` and `scripts/bootstrap` install them).

mod chrome;
mod common;
use chrome::{Browser, chromium};
use common::{Server, load, run, store_with, summit};

use serde_json::Value;
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
    // Its files: YASGUI's bundle (vendored, with its licences) and the page's own, from this server.
    for (path, ctype, inside) in [
        ("/assets/yasgui.min.js", "text/javascript", "Yasgui"),
        ("/assets/yasgui.min.css", "text/css", ".yasqe"),
        ("/assets/page.js", "text/javascript", "lov.linkeddata.es"),
        ("/assets/page.css", "text/css", "#meetings"),
        ("/assets/THIRD-PARTY-LICENSES.txt", "text/plain", "codemirror@"),
        ("/assets/VERSION", "text/plain", "@zazuko/yasgui@4."),
    ] {
        let r = curl(&[&s.url(path)]);
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        assert!(r.header("content-type").unwrap().starts_with(ctype), "{path}: {}", r.headers);
        assert!(r.body.contains(inside), "{path} holds {inside:?}");
        assert!(!r.body.contains("sourceMappingURL"), "{path}: no source map to ask for");
    }
    let r = curl(&["-X", "POST", &s.url("/assets/page.js")]);
    assert_eq!((r.status, r.header("allow").as_deref()), (405, Some("GET, HEAD")), "{}", r.body);
    let r = curl(&[&s.url("/assets/nothing.js")]);
    assert_eq!(r.status, 404);
    assert!(r.body.contains("/assets/yasgui.min.js"), "the 404 names the files there are: {}", r.body);
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

/// Percent-encodes everything but unreserved characters.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

/// The rows of the YASR result table on the page, each as its cells' text.
const TABLE_ROWS: &str = "Array.from(document.querySelectorAll('#yasgui .tabPanel.active .yasr table.dataTable tbody tr')).map(function (tr) { return Array.from(tr.querySelectorAll('td')).map(function (td) { return td.innerText.trim(); }); })";

/// A row of `cli_table` as the page shows it: the row number first, then each value.
fn shown(row: &Value) -> Vec<String> {
    row.as_array().unwrap().iter().map(|c| c.as_str().unwrap_or("").to_string()).collect()
}

/// Every request the page made went to this server (or was inline data): no CDN, no
/// prefix.cc or LOV, no fonts from elsewhere; and the browser reported no error (a
/// refused script or style would be one).
fn offline(b: &Browser, s: &Server) {
    let requests = b.requests();
    assert!(requests.iter().any(|u| u.ends_with("/assets/yasgui.min.js")), "{requests:?}");
    for u in &requests {
        assert!(u.starts_with(&s.url("/")) || u.starts_with("data:"), "a request left the server: {u} (all: {requests:?})");
    }
    assert_eq!(b.errors(), Vec::<String>::new(), "errors in the page");
}

#[test]
fn the_query_page_runs_yasgui_offline_in_headless_chromium() {
    let Some(program) = chromium() else { return };
    let (dir, store) = store_with("examples");
    // One meeting reported by four articles: the list quotes three and counts the rest.
    let four = dir.path().join("four.jsonl");
    let text = "BEIJING, Jan. 6 -- Chinese President Xi Jinping met Russian President Vladimir Putin in Beijing on Monday.";
    let lines: String = (1..=4).map(|i| format!("{}\n", serde_json::json!({"id": format!("report-{i}"), "text": text, "date": "2020-01-06"}))).collect();
    std::fs::write(&four, lines).unwrap();
    load(&store, four.to_str().unwrap());
    let s = Server::start(&store, &[]);
    let want = cli_table(&store, "queries/who-met-whom.rq");
    let rows = want["rows"].as_array().unwrap();
    assert!(rows.len() >= 5, "the examples have meetings: {want}");

    // The landing view: the newest meetings with the sentences they were read from.
    let newest = cli_select(
        &store,
        "SELECT ?m ?exact ?rule WHERE { { SELECT ?m (MAX(STR(?d)) AS ?date) WHERE { ?m a summit:Meeting ; schema:startDate ?d } GROUP BY ?m ORDER BY DESC(?date) ?m LIMIT 1 } ?m summit:evidence ?s . ?s oa:exact ?exact ; summit:rule ?rule }",
    );
    assert!(!newest.is_empty());
    let mut b = Browser::open(&program, &s.url("/"));
    b.wait_for("document.getElementById('meetings-status') !== null && document.getElementById('meetings-status').dataset.state !== 'running' && document.getElementById('meetings-status').dataset.state !== 'idle'");
    assert_eq!(b.eval("document.getElementById('meetings-status').dataset.state"), "done", "{}", b.eval("document.getElementById('meetings-status').textContent"));
    let first = b.eval("(function () { var li = document.querySelector('#meetings li.meeting'); return { m: li.dataset.meeting, text: li.innerText }; })()");
    assert_eq!(first["m"], newest[0]["m"], "the newest meeting comes first: {first}");
    let text = first["text"].as_str().unwrap();
    for r in &newest {
        let sentence = r["exact"].as_str().unwrap().trim();
        assert!(text.contains(sentence), "the evidence sentence {sentence:?} under the newest meeting: {text}");
        let rule = r["rule"].as_str().unwrap().rsplit('/').next().unwrap();
        assert!(text.contains(&format!("rule {rule}")), "the rule {rule}: {text}");
    }
    let meetings = cli_select(&store, "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a summit:Meeting }")[0]["n"].as_str().unwrap().parse::<u64>().unwrap();
    assert_eq!(b.eval("document.querySelectorAll('#meetings li.meeting').length"), serde_json::json!(meetings.min(25)), "one card per meeting");
    let reported = b.eval("(function () { var li = Array.from(document.querySelectorAll('#meetings li.meeting')).find(function (l) { return l.querySelector('h2').innerText.indexOf('Vladimir Putin — Xi Jinping') >= 0; }); return { quoted: li.querySelectorAll('ul.evidence li').length, text: li.innerText }; })()");
    assert_eq!(reported["quoted"], serde_json::json!(3), "three articles quoted: {reported}");
    let text = reported["text"].as_str().unwrap();
    assert!(text.contains("reported by 4 articles") && text.contains("and 1 more article(s)") && text.contains("report-3") && !text.contains("report-4"), "{text}");
    let lavrov = b.eval("Array.from(document.querySelectorAll('#meetings li.meeting h2')).map(function (h) { return h.innerText; }).filter(function (t) { return t.indexOf('Sergey Lavrov') >= 0 && t.indexOf('Wang Yi') >= 0; }).length");
    assert!(lavrov.as_u64().unwrap() >= 1, "Lavrov and Wang Yi, named in English");
    if let Some(shot) = std::env::var_os("SUMMIT_SCREENSHOT") {
        b.screenshot(&Path::new(&shot).with_extension("meetings.png"));
    }

    // The editor: YASGUI, the shipped queries as examples, one run to a result table.
    b.eval("document.getElementById('show-query').click()");
    b.wait_for("document.querySelector('#yasgui .yasqe .CodeMirror') !== null");
    let names = b.eval("Array.from(document.querySelectorAll('#examples button')).map(function (b) { return b.dataset.example; })");
    assert_eq!(
        names,
        serde_json::json!(["who-met-whom", "meetings", "person-meetings", "meetings-by-place", "attendees", "roles-on-date", "organizations-with-meetings"]),
        "the shipped queries are offered"
    );
    b.eval("document.querySelector('#examples button[data-example=\"who-met-whom\"]').click()");
    b.wait_for("document.querySelector('#yasgui .tabPanel.active .CodeMirror') !== null");
    let text = b.eval("document.querySelector('#yasgui .tabPanel.active .CodeMirror').CodeMirror.getValue()");
    assert_eq!(text.as_str(), Some(read("queries/who-met-whom.rq").as_str()), "the example is in the editor");
    assert!(b.eval("document.querySelectorAll('#yasgui .tabPanel.active .CodeMirror .cm-keyword').length").as_u64().unwrap() > 3, "syntax highlighting");
    b.eval("document.querySelector('#yasgui .tabPanel.active .yasqe_queryButton').click()");
    b.wait_for("document.getElementById('query-status').dataset.state !== 'idle' && document.getElementById('query-status').dataset.state !== 'running'");
    assert_eq!(b.eval("document.getElementById('query-status').textContent"), serde_json::json!(format!("who-met-whom: {} row(s)", rows.len())));
    b.wait_for(&format!("{TABLE_ROWS}.length === {}", rows.len()));
    let table = b.eval(TABLE_ROWS);
    let headers = b.eval("Array.from(document.querySelectorAll('#yasgui .tabPanel.active .yasr table.dataTable thead th')).map(function (th) { return th.innerText.trim(); })");
    let body: Vec<Vec<String>> = serde_json::from_value(table).unwrap();
    for (i, r) in rows.iter().enumerate() {
        let want_cells = shown(r);
        let got = &body[i];
        assert_eq!(got.len(), want_cells.len() + 1, "row {i}: {got:?} (headers {headers})");
        for (c, w) in got[1..].iter().zip(&want_cells) {
            assert!(c.contains(w.rsplit('/').next().unwrap()), "row {i}: {c:?} shows {w:?}: {got:?}");
        }
    }
    // Sorting: a click on the name1 header orders the rows by it.
    b.eval("Array.from(document.querySelectorAll('#yasgui .tabPanel.active .yasr table.dataTable thead th')).find(function (th) { return th.innerText.trim() === 'name1'; }).click()");
    let sorted: Vec<Vec<String>> = serde_json::from_value(b.eval(TABLE_ROWS)).unwrap();
    let col: Vec<&str> = sorted.iter().map(|r| r[2].as_str()).collect();
    let mut by = col.clone();
    by.sort();
    assert!(col == by || col.iter().rev().copied().collect::<Vec<_>>() == by, "sorted by name1: {col:?}");
    // Downloads: the table's CSV (and the raw response's JSON) from YASR's download button.
    assert_eq!(b.eval("document.querySelector('#yasgui .tabPanel.active .yasr .yasr_downloadIcon') !== null"), serde_json::json!(true), "a download button");
    if let Some(shot) = std::env::var_os("SUMMIT_SCREENSHOT") {
        b.screenshot(Path::new(&shot));
    }
    // Autocompletion stays on this machine: prefixes from the list inside the bundle;
    // classes and properties would ask lov.linkeddata.es, so they are off (`offline` below
    // sees any request or refusal that asking would cause).
    const COMPLETE: &str = "(function (text) { var cm = document.querySelector('#yasgui .tabPanel.active .CodeMirror').CodeMirror; cm.setValue(text); cm.setCursor(cm.lastLine(), cm.getLine(cm.lastLine()).length); cm.focus(); cm.autocomplete(); return true; })";
    b.eval(&format!("{COMPLETE}('PREFIX rd')"));
    b.wait_for("Array.from(document.querySelectorAll('.CodeMirror-hints li')).some(function (li) { return li.textContent.indexOf('rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>') === 0; })");
    for text in ["PREFIX schema: <https://schema.org/>\\nSELECT * WHERE { ?s a schema:Pers", "PREFIX schema: <https://schema.org/>\\nSELECT * WHERE { ?s schema:nam"] {
        b.eval(&format!("{COMPLETE}('{text}')"));
        std::thread::sleep(Duration::from_millis(1500));
    }
    // The landing view's own query, opened in the editor from there, lists its meetings.
    b.eval("document.getElementById('show-meetings').click(); document.getElementById('recent-query').click()");
    b.wait_for("/^recent-meetings: \\d+ row/.test(document.getElementById('query-status').textContent)");
    assert_eq!(b.eval("document.getElementById('query-status').textContent"), serde_json::json!(format!("recent-meetings: {} row(s)", meetings.min(25))));
    offline(&b, &s);
    drop(b);

    // A link with the query in it (#query=..., as the earlier page and YASGUI's share
    // links make them) opens the editor and runs it at once.
    let mut b = Browser::open(&program, &s.url(&format!("/#query={}", encode(&read("queries/meetings.rq")))));
    let n = cli_table(&store, "queries/meetings.rq")["rows"].as_array().unwrap().len();
    b.wait_for("document.getElementById('query-status') !== null && document.getElementById('query-status').dataset.state === 'done'");
    assert_eq!(b.eval("document.getElementById('query-status').textContent"), serde_json::json!(format!("meetings: {n} row(s)")));
    b.wait_for(&format!("{TABLE_ROWS}.length === {}", n.min(50)));
    offline(&b, &s);
}

/// A SPARQL SELECT with `summit query`: its rows as objects of values.
fn cli_select(store: &Path, query: &str) -> Vec<Value> {
    let q = format!("PREFIX schema: <https://schema.org/>\nPREFIX summit: <https://w3id.org/summit/ns#>\nPREFIX oa: <http://www.w3.org/ns/oa#>\n{query}");
    let (code, out, err) = run(&mut summit(&["query", "-e", &q, "--store", store.to_str().unwrap(), "--format", "json"]));
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    v["results"]["bindings"].as_array().unwrap().iter().map(|b| serde_json::json!(b.as_object().unwrap().iter().map(|(k, v)| (k.clone(), v["value"].clone())).collect::<serde_json::Map<_, _>>())).collect()
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
