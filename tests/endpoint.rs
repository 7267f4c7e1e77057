//! `summit load --endpoint URL`: documents pushed to a shared triple store with the SPARQL
//! 1.1 Graph Store HTTP Protocol, here `summit serve --allow-update` on a free loopback
//! port. The endpoint's answer to who-met-whom over HTTP must be the embedded store's; a
//! reload must replace, not add; failures name the document and the HTTP status.

mod common;
use common::{Server, run, summit};

use std::path::Path;

const TODAY: &str = "2026-11-20";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// What these tests ask a server over HTTP.
impl Server {
    /// A SPARQL query over HTTP (`POST /query`, `application/sparql-query`), as CSV.
    fn query(&self, sparql: &str) -> String {
        let mut r = ureq::post(self.url("/query"))
            .header("Content-Type", "application/sparql-query")
            .header("Accept", "text/csv")
            .send(sparql)
            .unwrap_or_else(|e| panic!("POST /query: {e}"));
        assert_eq!(r.status().as_u16(), 200);
        r.body_mut().read_to_string().unwrap()
    }

    fn quads(&self) -> usize {
        let mut r = ureq::get(self.url("/health")).call().unwrap();
        let v: serde_json::Value = serde_json::from_str(&r.body_mut().read_to_string().unwrap()).unwrap();
        v["quads"].as_u64().unwrap() as usize
    }
}

const COUNT: &str = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

#[test]
fn pushed_graphs_answer_as_the_embedded_store_and_a_reload_replaces() {
    let repo = common::repo();
    let inputs = common::examples_and_seeds("the endpoint");
    let dir = tempfile::tempdir().unwrap();

    // The embedded store, as `summit load` makes it.
    let embedded = common::embedded_store(dir.path(), &inputs);
    let who = std::fs::read_to_string(repo.join("queries/who-met-whom.rq")).unwrap();
    let (code, table, err) = run(&mut summit(&["query", "queries/who-met-whom.rq", "--store", s(&embedded), "--format", "csv"]));
    assert_eq!(code, 0, "{err}");
    assert!(table.lines().count() > 5, "{table}");
    let (_, count, _) = run(&mut summit(&["query", "-e", COUNT, "--store", s(&embedded), "--format", "csv"]));
    let count: usize = count.lines().nth(1).unwrap().trim().parse().unwrap();

    // The same documents pushed to a server.
    let server = Server::start(&dir.path().join("served"), &["--allow-update"]);
    let endpoint = server.url("/store");
    let push = |extra: &[&str]| {
        let mut args: Vec<&str> = vec!["load", "--endpoint", &endpoint, "--today", TODAY];
        args.extend_from_slice(extra);
        run(&mut summit(&args))
    };
    let input_args: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let (code, _, err) = push(&input_args);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("pushed"), "{err}");
    assert_eq!(server.query(&who), table, "who-met-whom over HTTP differs from summit query");
    assert_eq!(server.quads(), count);

    // Again: every graph replaced, nothing added.
    let (code, _, err) = push(&input_args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(server.quads(), count, "a reload added quads instead of replacing");
    assert_eq!(server.query(&who), table);

    // N-Quads (extract --format nq) push the same graphs.
    let nq = dir.path().join("examples.nq");
    let (code, _, err) = run(&mut summit(&["extract", "--format", "nq", "--today", TODAY, "-o", s(&nq), "examples/"]));
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = push(&[s(&nq)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(server.quads(), count);
    assert_eq!(server.query(&who), table);
}

#[test]
fn failures_name_the_document_and_the_status() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("served"), &["--allow-update"]);
    // A path the server does not serve: 404, at the first document, exit 2.
    let wrong = server.url("/nope");
    let (code, _, err) = run(&mut summit(&["load", "--endpoint", &wrong, "--today", TODAY, "examples/"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("examples/bilingual.html (document bilingual)"), "{err}");
    assert!(err.contains("HTTP 404"), "{err}");
    assert!(err.contains("PUT "), "{err}");
    assert_eq!(server.quads(), 0);

    // A body the store refuses (a graph IRI it rejects) is a 4xx with its message.
    let store = server.url("/store?default");
    let (code, _, err) = run(&mut summit(&["load", "--endpoint", &store, "--today", TODAY, "examples/feed.jsonl"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("HTTP 400"), "{err}");
    assert!(err.contains("document "), "{err}");

    // Nothing listening: the connection error, after the retries.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let closed = format!("http://127.0.0.1:{port}/store");
    let (code, _, err) = run(&mut summit(&["load", "--endpoint", &closed, "--today", TODAY, "examples/en-beijing.txt"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("examples/en-beijing.txt (document en-beijing)"), "{err}");
    assert!(err.contains("tries"), "{err}");

    // Credentials in the URL are refused up front (they would show in `ps`).
    let (code, _, err) = run(&mut summit(&["load", "--endpoint", "https://ana:s3cret@example.org/store", "examples/"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("SUMMIT_ENDPOINT_USER") && !err.contains("s3cret"), "{err}");
}

/// A graph store over HTTPS on a free loopback port, with a self-signed certificate for
/// 127.0.0.1 (written to `ca.pem` in `dir`): answers `201` to every request and records
/// each as (request line, Authorization header).
fn tls_store(dir: &Path) -> (String, std::path::PathBuf, std::sync::Arc<std::sync::Mutex<Vec<(String, Option<String>)>>>) {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::sync::Arc;
    let ck = rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string(), "localhost".to_string()]).unwrap();
    let ca = dir.join("ca.pem");
    std::fs::write(&ca, ck.cert.pem()).unwrap();
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(ck.signing_key.serialize_der().into());
    // ring, as ureq's rustls feature builds it (deprecated only for lacking post-quantum
    // key exchange, which a loopback test does not need).
    #[allow(deprecated)]
    let provider = rustls::crypto::ring::default_provider();
    let config = Arc::new(
        rustls::ServerConfig::builder_with_provider(Arc::new(provider))
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(vec![ck.cert.der().clone()], key)
            .unwrap(),
    );
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("https://{}/store", listener.local_addr().unwrap());
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(conn) = conn else { return };
            let (log, config) = (log.clone(), config.clone());
            std::thread::spawn(move || {
                let tls = rustls::StreamOwned::new(rustls::ServerConnection::new(config).unwrap(), conn);
                let mut r = BufReader::new(tls);
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let (mut len, mut auth) = (0usize, None);
                    loop {
                        let mut h = String::new();
                        if r.read_line(&mut h).unwrap_or(0) == 0 {
                            return;
                        }
                        if h.trim().is_empty() {
                            break;
                        }
                        if let Some((k, v)) = h.split_once(':') {
                            if k.eq_ignore_ascii_case("content-length") {
                                len = v.trim().parse().unwrap();
                            } else if k.eq_ignore_ascii_case("authorization") {
                                auth = Some(v.trim().to_string());
                            }
                        }
                    }
                    let mut body = vec![0; len];
                    if r.read_exact(&mut body).is_err() {
                        return;
                    }
                    log.lock().unwrap().push((line.trim().to_string(), auth));
                    let w = r.get_mut();
                    if w.write_all(b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n").and_then(|_| w.flush()).is_err() {
                        return;
                    }
                }
            });
        }
    });
    (url, ca, seen)
}

#[test]
fn https_with_a_custom_ca_and_credentials_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let (url, ca, seen) = tls_store(dir.path());
    let load = |env: &[(&str, &str)]| {
        let mut c = summit(&["load", "--endpoint", &url, "--today", TODAY, "examples/"]);
        for k in ["SUMMIT_ENDPOINT_TOKEN", "SUMMIT_ENDPOINT_USER", "SUMMIT_ENDPOINT_PASSWORD", "SUMMIT_ENDPOINT_CA"] {
            c.env_remove(k);
        }
        c.envs(env.iter().copied());
        run(&mut c)
    };
    let ca = ca.to_str().unwrap();
    let pushed = |err: &str| -> usize {
        let n = err.split("pushed ").nth(1).and_then(|r| r.split(' ').next()).unwrap_or_else(|| panic!("{err}"));
        n.parse().unwrap()
    };

    // A bearer token.
    let (code, _, err) = load(&[("SUMMIT_ENDPOINT_CA", ca), ("SUMMIT_ENDPOINT_TOKEN", "tok-123")]);
    assert_eq!(code, 0, "{err}");
    let got: Vec<_> = std::mem::take(&mut *seen.lock().unwrap());
    assert!(got.len() >= 5 && got.len() == pushed(&err), "{got:?} {err}");
    for (line, auth) in &got {
        assert!(line.starts_with("PUT /store?graph=https%3A%2F%2Fw3id.org%2Fsummit%2F"), "{line}");
        assert_eq!(auth.as_deref(), Some("Bearer tok-123"), "{line}");
    }

    // HTTP basic.
    let (code, _, err) = load(&[("SUMMIT_ENDPOINT_CA", ca), ("SUMMIT_ENDPOINT_USER", "ana"), ("SUMMIT_ENDPOINT_PASSWORD", "s3cret")]);
    assert_eq!(code, 0, "{err}");
    let got: Vec<_> = std::mem::take(&mut *seen.lock().unwrap());
    assert!(!got.is_empty());
    assert!(got.iter().all(|(_, a)| a.as_deref() == Some("Basic YW5hOnMzY3JldA==")), "{got:?}");

    // Half a basic credential is a usage error before anything is sent.
    let (code, _, err) = load(&[("SUMMIT_ENDPOINT_CA", ca), ("SUMMIT_ENDPOINT_USER", "ana")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("SUMMIT_ENDPOINT_PASSWORD"), "{err}");

    // Without the CA, the self-signed certificate is refused: nothing reaches the store.
    let (code, _, err) = load(&[("SUMMIT_ENDPOINT_TOKEN", "tok-123")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("invalid peer certificate") && err.contains("SUMMIT_ENDPOINT_CA"), "{err}");
    assert!(!err.contains("tries"), "a refused certificate is not tried again: {err}");
    assert!(seen.lock().unwrap().is_empty(), "a request got through an untrusted certificate");
}

#[test]
fn a_missing_input_is_reported_and_the_others_are_pushed() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("served"), &["--allow-update"]);
    let endpoint = server.url("/store");
    let (code, _, err) = run(&mut summit(&["load", "--endpoint", &endpoint, "--today", TODAY, "examples/en-beijing.txt", "examples/no-such-file.txt"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no-such-file.txt"), "{err}");
    let n = server.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/summit/doc/en-beijing> { ?s ?p ?o } }");
    let n: usize = n.lines().nth(1).unwrap().trim().parse().unwrap();
    assert!(n > 0, "the readable document was not pushed");
}

/// A stand-in graph store on a free port: answers `201` to the first `ok` requests and
/// `503 busy: try later` to the rest, and records each request line.
fn fake_store(ok: usize) -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/store", listener.local_addr().unwrap());
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(conn) = conn else { return };
            let log = log.clone();
            std::thread::spawn(move || {
                let mut w = conn.try_clone().unwrap();
                let mut r = BufReader::new(conn);
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let mut len = 0usize;
                    loop {
                        let mut h = String::new();
                        r.read_line(&mut h).unwrap();
                        if h.trim().is_empty() {
                            break;
                        }
                        if let Some((k, v)) = h.split_once(':')
                            && k.eq_ignore_ascii_case("content-length")
                        {
                            len = v.trim().parse().unwrap();
                        }
                    }
                    let mut body = vec![0; len];
                    r.read_exact(&mut body).unwrap();
                    let n = {
                        let mut l = log.lock().unwrap();
                        l.push(line.trim().to_string());
                        l.len()
                    };
                    let answer = if n <= ok {
                        "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n".to_string()
                    } else {
                        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 15\r\n\r\nbusy: try later".to_string()
                    };
                    w.write_all(answer.as_bytes()).unwrap();
                }
            });
        }
    });
    (url, seen)
}

#[test]
fn a_5xx_is_retried_then_stops_the_run_and_earlier_graphs_stay() {
    let (url, seen) = fake_store(1);
    let (code, _, err) = run(&mut summit(&[
        "load", "--endpoint", &url, "--today", TODAY, "-j", "1",
        "examples/en-beijing.txt", "examples/zh-hans-paris.txt", "examples/zh-hant-vientiane.txt",
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("examples/zh-hans-paris.txt (document zh-hans-paris)"), "{err}");
    assert!(err.contains("HTTP 503 Service Unavailable: busy: try later (after 4 tries)"), "{err}");
    let seen = seen.lock().unwrap().clone();
    let graph = |id: &str| format!("PUT /store?graph=https%3A%2F%2Fw3id.org%2Fsummit%2Fdoc%2F{id} HTTP/1.1");
    // The first document once, the second tried four times, the third never.
    let mut expected = vec![graph("en-beijing")];
    expected.extend(std::iter::repeat_n(graph("zh-hans-paris"), 4));
    assert_eq!(seen, expected);
}

#[test]
fn a_run_pushes_the_gazetteer_graph_once_after_the_documents() {
    let (url, seen) = fake_store(100);
    let (code, _, err) = run(&mut summit(&[
        "load", "--endpoint", &url, "--today", TODAY, "-j", "1",
        "examples/en-beijing.txt", "examples/zh-hans-paris.txt", "examples/zh-hant-vientiane.txt",
    ]));
    assert_eq!(code, 0, "{err}");
    let seen = seen.lock().unwrap().clone();
    let put = |graph: &str| format!("PUT /store?graph=https%3A%2F%2Fw3id.org%2Fsummit%2F{graph} HTTP/1.1");
    let expected: Vec<String> =
        ["doc%2Fen-beijing", "doc%2Fzh-hans-paris", "doc%2Fzh-hant-vientiane", "graph%2Fgazetteer"].iter().map(|g| put(g)).collect();
    assert_eq!(seen, expected, "each document once, then the gazetteer graph once");
}
