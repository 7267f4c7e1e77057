//! The SPARQL endpoint (`summit serve`): the store over HTTP.
//!
//! Input: HTTP requests (SPARQL 1.1 Protocol queries and updates, Graph Store HTTP
//! Protocol requests on `/store`). Output: SPARQL results (JSON, XML, CSV, TSV) and RDF
//! graphs (Turtle, N-Triples, N-Quads, RDF/XML, JSON-LD), chosen by the `Accept` header
//! or a `format=` parameter; a query page at `/`; `/health`.
//!
//! **Invariants**: read-only unless started with `--allow-update` (then the store is
//! opened for writing and `summit load` on it is refused); every query runs on a worker
//! thread of its own with a cancellation token that fires at the timeout, and its client
//! is answered 503 by then even when Oxigraph does not notice the token (the worker then
//! runs on until the evaluation ends), so a runaway query never holds up other clients; every answer is materialised under a row cap and
//! serialised under a byte cap before a status is sent, so a client gets a whole answer
//! or a clear error, never half a body. The default graph is the union of all document
//! graphs, as in `summit query`. Only `store` opens Oxigraph.
//!
//! A read-only server opens the store the way `summit query` does, which sees the store
//! as it was when opened; it checks the store directory at most once a second and reopens
//! it when a load has changed it, so new documents show up about a second after a load
//! commits them (queries already running finish on the view they started with).

use crate::error::{Error, ErrorKind, Result};
use crate::store::{Answer, CancellationToken, EndpointDataset, EndpointFailure, Store};
use oxhttp::model::header::{ACCEPT, ALLOW, CONTENT_LENGTH, CONTENT_TYPE, HOST, ORIGIN};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, Quad, Term, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use std::io::{Read, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime};

mod graph_store;

/// The query page, embedded in the binary (no CDN, no external fetch).
const PAGE: &str = include_str!("serve/index.html");

/// What the page loads, embedded too and served under `/assets/`: its own script and style,
/// and YASGUI's bundle with its licences (vendored by `scripts/vendor-yasgui`).
const ASSETS: [(&str, &str, &str); 7] = [
    ("page.js", "text/javascript; charset=utf-8", include_str!("serve/page.js")),
    ("page.css", "text/css; charset=utf-8", include_str!("serve/page.css")),
    ("yasgui.min.js", "text/javascript; charset=utf-8", include_str!("serve/assets/yasgui.min.js")),
    ("yasgui.min.css", "text/css; charset=utf-8", include_str!("serve/assets/yasgui.min.css")),
    ("LICENSE", "text/plain; charset=utf-8", include_str!("serve/assets/LICENSE")),
    ("THIRD-PARTY-LICENSES.txt", "text/plain; charset=utf-8", include_str!("serve/assets/THIRD-PARTY-LICENSES.txt")),
    ("VERSION", "text/plain; charset=utf-8", include_str!("serve/assets/VERSION")),
];

/// The page's content security policy: scripts and styles from this server only (styles
/// also inline: YASGUI sets element styles), requests to this server only.
const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The shipped queries, offered on the page.
const EXAMPLES: [(&str, &str); 7] = [
    ("who-met-whom", include_str!("../queries/who-met-whom.rq")),
    ("meetings", include_str!("../queries/meetings.rq")),
    ("person-meetings", include_str!("../queries/person-meetings.rq")),
    ("meetings-by-place", include_str!("../queries/meetings-by-place.rq")),
    ("attendees", include_str!("../queries/attendees.rq")),
    ("roles-on-date", include_str!("../queries/roles-on-date.rq")),
    ("organizations-with-meetings", include_str!("../queries/organizations-with-meetings.rq")),
];

/// How often a read-only server looks for changes a load made to the store.
const REFRESH_EVERY: Duration = Duration::from_secs(1);

/// What the server was started with.
#[derive(Debug, Clone)]
pub struct Config {
    pub store: PathBuf,
    pub bind: SocketAddr,
    pub allow_update: bool,
    pub timeout: Duration,
    pub max_rows: usize,
    pub max_result_bytes: usize,
    pub max_request_bytes: usize,
    pub max_connections: usize,
}

impl Config {
    /// A query timeout of `secs` seconds: a number above 0, else a usage error naming
    /// `--timeout`.
    pub fn timeout(secs: f64) -> Result<Duration> {
        if !(secs.is_finite() && secs > 0.0) {
            return Err(Error::new(ErrorKind::Usage, format!("--timeout {secs}: give a number of seconds above 0")));
        }
        Ok(Duration::from_secs_f64(secs))
    }
}

/// A server listening: what it serves (for the binary to announce) and the server.
pub struct Serving {
    config: Config,
    quads: Result<usize>,
    listening: oxhttp::ListeningServer,
}

impl Serving {
    /// The line `summit serve` prints once it listens.
    pub fn banner(&self) -> String {
        let config = &self.config;
        format!(
            "summit: serving {} ({} quads, {}) at http://{}/ (SPARQL endpoint /query{}); Ctrl-C stops",
            config.store.display(),
            self.quads.as_ref().map(|n| n.to_string()).unwrap_or_else(|_| "?".into()),
            if config.allow_update { "updates allowed" } else { "read-only" },
            config.bind,
            if config.allow_update { ", /update, graph store /store" } else { "" },
        )
    }

    /// A warning when the address is reachable from other machines.
    pub fn warning(&self) -> Option<String> {
        let config = &self.config;
        (!config.bind.ip().is_loopback()).then(|| {
            format!(
                "summit: warning: listening on {} — anyone who can reach this address can query{}; summit has no authentication or TLS (put a reverse proxy in front)",
                config.bind,
                if config.allow_update { " and CHANGE the store" } else { " the store" }
            )
        })
    }

    /// Serves until killed.
    pub fn wait(self) -> Result<()> {
        self.listening.join().map_err(|e| Error::new(ErrorKind::Io, e.to_string()))
    }
}

/// `summit serve`: opens the store and listens (the binary announces it and waits).
pub fn start(config: Config) -> Result<Serving> {
    let state = Arc::new(State::open(config.clone())?);
    let quads = state.quads();
    let handler_state = Arc::clone(&state);
    let server = oxhttp::Server::new(move |req| handler_state.handle(req))
        .bind(config.bind)
        .with_global_timeout(config.timeout.max(Duration::from_secs(30)) + Duration::from_secs(30))
        .with_max_concurrent_connections(config.max_connections.max(1))
        .with_server_name(concat!("summit/", env!("CARGO_PKG_VERSION")))
        .map_err(|e| Error::new(ErrorKind::Usage, e.to_string()))?;
    let listening = server
        .spawn()
        .map_err(|e| Error::new(ErrorKind::Io, format!("cannot listen on {}: {e}", config.bind)))?;
    Ok(Serving { config, quads, listening })
}

/// A snapshot of the store directory: names, sizes and times of its files. A load
/// changes it (the write-ahead log grows, files come and go).
type Signature = Vec<(std::ffi::OsString, u64, Option<SystemTime>)>;

fn signature(dir: &Path) -> Signature {
    let mut v: Signature = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| {
                    let md = e.metadata().ok();
                    (e.file_name(), md.as_ref().map_or(0, |m| m.len()), md.and_then(|m| m.modified().ok()))
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

struct Opened {
    store: Store,
    signature: Signature,
}

struct State {
    config: Config,
    current: RwLock<Arc<Opened>>,
    /// When a read-only server last looked at the store directory.
    checked: Mutex<Instant>,
    /// Bumped on every reopen and write; keys the cached quad count.
    version: AtomicU64,
    quads: Mutex<Option<(u64, usize)>>,
}

/// An HTTP error: status and a plain-text message.
struct Fail(StatusCode, String);

type Reply = std::result::Result<Response<Body>, Fail>;

fn fail(status: StatusCode, msg: impl Into<String>) -> Fail {
    Fail(status, msg.into())
}

impl State {
    fn open(config: Config) -> Result<State> {
        let signature = signature(&config.store);
        let store = if config.allow_update { Store::open(&config.store)? } else { Store::open_read_only(&config.store)? };
        Ok(State {
            config,
            current: RwLock::new(Arc::new(Opened { store, signature })),
            checked: Mutex::new(Instant::now()),
            version: AtomicU64::new(0),
            quads: Mutex::new(None),
        })
    }

    /// The store to answer from: a read-only server reopens it when a load changed it.
    fn store(&self) -> Arc<Opened> {
        if !self.config.allow_update
            && let Ok(mut checked) = self.checked.try_lock()
            && checked.elapsed() >= REFRESH_EVERY
        {
            *checked = Instant::now();
            self.refresh(false);
        }
        Arc::clone(&self.current.read().expect("store lock"))
    }

    /// Reopens a read-only store when its directory changed (or always, with `force`).
    fn refresh(&self, force: bool) {
        let now = signature(&self.config.store);
        if !force && now == self.current.read().expect("store lock").signature {
            return;
        }
        match Store::open_read_only(&self.config.store) {
            Ok(store) => {
                *self.current.write().expect("store lock") = Arc::new(Opened { store, signature: now });
                self.version.fetch_add(1, Ordering::SeqCst);
            }
            Err(e) => eprintln!("summit: cannot reopen the store, still serving the previous view: {e}"),
        }
    }

    fn quads(&self) -> Result<usize> {
        let opened = self.store();
        let version = self.version.load(Ordering::SeqCst);
        if let Some((v, n)) = *self.quads.lock().expect("count lock")
            && v == version
        {
            return Ok(n);
        }
        let n = opened.store.len()?;
        *self.quads.lock().expect("count lock") = Some((version, n));
        Ok(n)
    }

    fn handle(&self, req: &mut Request<Body>) -> Response<Body> {
        let reply = self.route(req).unwrap_or_else(|Fail(status, msg)| {
            if status.is_server_error() && status != StatusCode::SERVICE_UNAVAILABLE {
                eprintln!("summit: {} {}: {status}: {msg}", req.method(), req.uri().path());
            }
            let mut r = text(status, format!("{msg}\n"));
            if status == StatusCode::METHOD_NOT_ALLOWED {
                let path = req.uri().path();
                let allow = if path == "/store" {
                    "GET, PUT, POST, DELETE"
                } else if path.starts_with("/assets/") {
                    "GET, HEAD"
                } else {
                    "GET, POST"
                };
                r.headers_mut().insert(ALLOW, allow.parse().expect("header"));
            }
            r
        });
        reply
    }

    fn route(&self, req: &mut Request<Body>) -> Reply {
        self.check_host(req)?;
        let path = req.uri().path().to_string();
        let params = parse_form(req.uri().query().unwrap_or(""));
        if req.uri().query().map_or(0, str::len) > self.config.max_request_bytes {
            return Err(fail(StatusCode::PAYLOAD_TOO_LARGE, too_large_request(self.config.max_request_bytes)));
        }
        match path.as_str() {
            "/" if !params.iter().any(|(k, _)| k == "query" || k == "update") => {
                if req.method() != Method::GET {
                    return Err(fail(StatusCode::METHOD_NOT_ALLOWED, "the page is GET only"));
                }
                Ok(page())
            }
            "/" | "/query" | "/sparql" | "/update" => self.sparql(req, params),
            "/store" => self.graph_store(req, params),
            "/health" => self.health(),
            p if p.starts_with("/assets/") => {
                if req.method() != Method::GET && req.method() != Method::HEAD {
                    return Err(fail(StatusCode::METHOD_NOT_ALLOWED, "the page's files are GET only"));
                }
                asset(&p["/assets/".len()..])
                    .ok_or_else(|| fail(StatusCode::NOT_FOUND, format!("not found: {p} (the page's files are {})", asset_names())))
            }
            _ => Err(fail(
                StatusCode::NOT_FOUND,
                "not found: summit serves / (the query page and its /assets/), /query and /sparql (SPARQL protocol), /update, /store (graph store protocol) and /health",
            )),
        }
    }

    /// A server on a loopback address answers only requests addressed to a loopback
    /// name, so a web page cannot reach it through DNS rebinding.
    fn check_host(&self, req: &Request<Body>) -> std::result::Result<(), Fail> {
        if !self.config.bind.ip().is_loopback() {
            return Ok(());
        }
        let host = req.headers().get(HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
        let name = if let Some(rest) = host.strip_prefix('[') {
            rest.split(']').next().unwrap_or("")
        } else {
            host.rsplit_once(':').map_or(host, |(h, _)| h)
        };
        let ok = name.eq_ignore_ascii_case("localhost")
            || name.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
            || host.is_empty();
        if ok {
            Ok(())
        } else {
            Err(fail(StatusCode::FORBIDDEN, format!("Host {host:?} refused: this server listens on loopback and answers requests for localhost only")))
        }
    }

    /// Writes from a browser must come from this server's own page (no cross-site forms).
    fn check_write(&self, req: &Request<Body>) -> std::result::Result<(), Fail> {
        if !self.config.allow_update {
            return Err(fail(
                StatusCode::FORBIDDEN,
                "updates are refused: this endpoint is read-only (start `summit serve --allow-update` to accept SPARQL updates and graph store writes)",
            ));
        }
        if let Some(origin) = req.headers().get(ORIGIN) {
            let host = req.headers().get(HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
            let origin = origin.to_str().unwrap_or("");
            let origin_host = origin.split_once("://").map_or("", |(_, h)| h);
            if origin_host != host {
                return Err(fail(StatusCode::FORBIDDEN, format!("write refused from origin {origin:?}: writes are accepted from this host only")));
            }
        }
        Ok(())
    }

    fn read_body(&self, req: &mut Request<Body>) -> std::result::Result<Vec<u8>, Fail> {
        let limit = self.config.max_request_bytes;
        let declared = req.headers().get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse::<u64>().ok());
        if declared.is_some_and(|n| n > limit as u64) {
            return Err(fail(StatusCode::PAYLOAD_TOO_LARGE, too_large_request(limit)));
        }
        let mut buf = Vec::new();
        req.body_mut()
            .take(limit as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| fail(StatusCode::BAD_REQUEST, format!("cannot read the request body: {e}")))?;
        if buf.len() > limit {
            return Err(fail(StatusCode::PAYLOAD_TOO_LARGE, too_large_request(limit)));
        }
        Ok(buf)
    }

    /// The SPARQL 1.1 Protocol: query by GET or POST (form or direct), update by POST.
    fn sparql(&self, req: &mut Request<Body>, mut params: Vec<(String, String)>) -> Reply {
        let mut direct_query = None;
        let mut direct_update = None;
        if req.method() == Method::POST {
            let ctype = content_type(req);
            let body = self.read_body(req)?;
            let body = String::from_utf8(body).map_err(|_| fail(StatusCode::BAD_REQUEST, "the request body is not UTF-8"))?;
            match ctype.as_str() {
                "application/x-www-form-urlencoded" => params.extend(parse_form(&body)),
                "application/sparql-query" => direct_query = Some(body),
                "application/sparql-update" => direct_update = Some(body),
                "" => return Err(fail(StatusCode::UNSUPPORTED_MEDIA_TYPE, "a POST needs a Content-Type: application/x-www-form-urlencoded, application/sparql-query or application/sparql-update")),
                other => {
                    return Err(fail(
                        StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        format!("Content-Type {other} is not a SPARQL request: use application/x-www-form-urlencoded, application/sparql-query or application/sparql-update"),
                    ));
                }
            }
        } else if req.method() != Method::GET {
            return Err(fail(StatusCode::METHOD_NOT_ALLOWED, format!("{} is not a SPARQL protocol method: use GET or POST", req.method())));
        }
        let all = |key: &str| params.iter().filter(|(k, _)| k == key).map(|(_, v)| v.clone()).collect::<Vec<_>>();
        let queries = all("query");
        let updates = all("update");
        let dataset = EndpointDataset { default_graphs: all("default-graph-uri"), named_graphs: all("named-graph-uri") };
        let update = match (direct_update, updates.as_slice()) {
            (Some(u), []) => Some(u),
            (None, [u]) => Some(u.clone()),
            (None, []) => None,
            _ => return Err(fail(StatusCode::BAD_REQUEST, "give one update, not several")),
        };
        if let Some(update) = update {
            if direct_query.is_some() || !queries.is_empty() {
                return Err(fail(StatusCode::BAD_REQUEST, "give a query or an update, not both"));
            }
            if req.method() != Method::POST {
                return Err(fail(StatusCode::METHOD_NOT_ALLOWED, "an update is sent with POST"));
            }
            self.check_write(req)?;
            return self.update(&update);
        }
        let query = match (direct_query, queries.as_slice()) {
            (Some(q), []) => q,
            (None, [q]) => q.clone(),
            (None, []) => return Err(fail(StatusCode::BAD_REQUEST, "no query: give ?query=SPARQL (GET), a form field query= or a body of type application/sparql-query (POST)")),
            _ => return Err(fail(StatusCode::BAD_REQUEST, "give one query, not several")),
        };
        let accept = Accept::of(req, params.iter().find(|(k, _)| k == "format").map(|(_, v)| v.as_str()))?;
        self.query(&query, &dataset, &accept)
    }

    /// Runs `f` with a token that fires at the timeout.
    fn with_timeout<T>(&self, f: impl FnOnce(&CancellationToken) -> T) -> T {
        let token = CancellationToken::new();
        let (done, wait) = mpsc::channel::<()>();
        let fire = token.clone();
        let timeout = self.config.timeout;
        std::thread::spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(timeout) {
                fire.cancel();
            }
        });
        let r = f(&token);
        drop(done);
        r
    }

    fn failure(&self, e: EndpointFailure) -> Fail {
        match e {
            EndpointFailure::Syntax(e) => fail(StatusCode::BAD_REQUEST, e.to_string()),
            EndpointFailure::Cancelled => fail(
                StatusCode::SERVICE_UNAVAILABLE,
                format!("query stopped: it ran longer than the timeout ({} s, --timeout); narrow it (LIMIT, more specific patterns)", secs(self.config.timeout)),
            ),
            EndpointFailure::TooManyRows(n) => fail(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the answer is too large: more than {n} rows (--max-rows); add LIMIT or narrow the query"),
            ),
            EndpointFailure::Failed(e) => fail(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        }
    }

    /// Runs a query on a worker thread with a token that fires at the timeout, and
    /// answers `Cancelled` when the worker has not returned shortly after: an evaluation
    /// that Oxigraph does not interrupt (an aggregate over an in-memory cross product
    /// checks no token) keeps its thread until it ends, but its client is answered at the
    /// timeout and the other connections are served meanwhile.
    fn query_in_time(&self, opened: Arc<Opened>, sparql: &str, dataset: &EndpointDataset) -> std::result::Result<Answer, EndpointFailure> {
        let token = CancellationToken::new();
        let (tx, rx) = mpsc::channel();
        let (fire, sparql, dataset, max_rows) = (token.clone(), sparql.to_string(), dataset.clone(), self.config.max_rows);
        std::thread::spawn(move || {
            let _ = tx.send(opened.store.query_for_endpoint(&sparql, &dataset, &fire, max_rows));
        });
        match rx.recv_timeout(self.config.timeout) {
            Ok(answer) => answer,
            Err(_) => {
                token.cancel();
                // A moment for the evaluation to notice the token.
                rx.recv_timeout(Duration::from_secs(2)).unwrap_or(Err(EndpointFailure::Cancelled))
            }
        }
    }

    fn query(&self, sparql: &str, dataset: &EndpointDataset, accept: &Accept) -> Reply {
        let opened = self.store();
        let mut answer = self.query_in_time(Arc::clone(&opened), sparql, dataset);
        if let Err(EndpointFailure::Failed(_)) = answer
            && !self.config.allow_update
            && signature(&self.config.store) != opened.signature
        {
            // A load compacted files away under this view: read again from a fresh one.
            self.refresh(true);
            answer = self.query_in_time(self.store(), sparql, dataset);
        }
        let answer = answer.map_err(|e| self.failure(e))?;
        self.answer(&answer, accept)
    }

    fn answer(&self, answer: &Answer, accept: &Accept) -> Reply {
        let mut out = Capped::new(self.config.max_result_bytes);
        let too_large = || {
            fail(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the answer is too large: more than {} bytes (--max-result-bytes); add LIMIT or narrow the query", self.config.max_result_bytes),
            )
        };
        let written = match answer {
            Answer::Graph(triples) => {
                let format = accept.graph()?;
                let quads: Vec<Quad> = triples.iter().map(|t| t.clone().in_graph(GraphName::DefaultGraph)).collect();
                write_graph(&quads, format, &mut out).map(|_| format.media_type())
            }
            Answer::Boolean(b) => {
                let format = accept.results()?;
                QueryResultsSerializer::from_format(format).serialize_boolean_to_writer(&mut out, *b).map(|_| format.media_type())
            }
            Answer::Solutions { variables, rows } => {
                let format = accept.results()?;
                (|| {
                    let vars: Vec<Variable> = variables.iter().map(|v| Variable::new_unchecked(v.as_str())).collect();
                    let mut s = QueryResultsSerializer::from_format(format).serialize_solutions_to_writer(&mut out, vars.clone())?;
                    for r in rows {
                        s.serialize(vars.iter().zip(r.iter()).filter_map(|(v, t): (&Variable, &Option<Term>)| t.as_ref().map(|t| (v.as_ref(), t.as_ref()))))?;
                    }
                    s.finish().map(|_| ())
                })()
                .map(|_| format.media_type())
            }
        };
        match written {
            Ok(media) => Ok(body_response(StatusCode::OK, media, out.buf)),
            Err(_) if out.over => Err(too_large()),
            Err(e) => Err(fail(StatusCode::INTERNAL_SERVER_ERROR, format!("cannot write the answer: {e}"))),
        }
    }

    fn update(&self, sparql: &str) -> Reply {
        let opened = self.store();
        self.with_timeout(|t| opened.store.update_for_endpoint(sparql, t)).map_err(|e| self.failure(e))?;
        self.version.fetch_add(1, Ordering::SeqCst);
        Ok(empty(StatusCode::NO_CONTENT))
    }

    fn health(&self) -> Reply {
        let quads = self.quads().map_err(internal)?;
        let body = serde_json::json!({
            "status": "ok",
            "store": self.config.store.display().to_string(),
            "quads": quads,
            "read_only": !self.config.allow_update,
            "timeout_s": self.config.timeout.as_secs_f64(),
            "version": env!("CARGO_PKG_VERSION"),
        });
        Ok(body_response(StatusCode::OK, "application/json", format!("{body}\n").into_bytes()))
    }
}

fn internal(e: Error) -> Fail {
    fail(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
}

fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 { format!("{}", s as u64) } else { format!("{s}") }
}

fn too_large_request(limit: usize) -> String {
    format!("the request is too large: more than {limit} bytes (--max-request-bytes)")
}

fn write_graph(quads: &[Quad], format: RdfFormat, w: &mut dyn Write) -> std::io::Result<()> {
    let mut ser = RdfSerializer::from_format(format);
    if format == RdfFormat::Turtle {
        for (p, n) in crate::rdf::PREFIXES {
            ser = ser.with_prefix(p, n).map_err(std::io::Error::other)?;
        }
    }
    let mut s = ser.for_writer(w);
    for q in quads {
        if format.supports_datasets() {
            s.serialize_quad(q)?;
        } else {
            s.serialize_triple(q.as_ref())?;
        }
    }
    s.finish()?;
    Ok(())
}

/// A writer that refuses to grow past a cap.
struct Capped {
    buf: Vec<u8>,
    cap: usize,
    over: bool,
}

impl Capped {
    fn new(cap: usize) -> Capped {
        Capped { buf: Vec::new(), cap, over: false }
    }
}

impl Write for Capped {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if self.buf.len() + data.len() > self.cap {
            self.over = true;
            return Err(std::io::Error::other("answer too large"));
        }
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn content_type(req: &Request<Body>) -> String {
    req.headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
        .unwrap_or_default()
}

fn rdf_format_of(media: &str) -> Option<RdfFormat> {
    Some(match media {
        "text/turtle" | "application/turtle" | "application/x-turtle" => RdfFormat::Turtle,
        "application/n-triples" | "text/plain" => RdfFormat::NTriples,
        "application/n-quads" => RdfFormat::NQuads,
        "application/trig" => RdfFormat::TriG,
        "application/rdf+xml" => RdfFormat::RdfXml,
        "application/ld+json" => RdfFormat::from_media_type("application/ld+json")?,
        _ => return None,
    })
}

/// What the client accepts: a `format=` parameter (a short name or a media type) wins
/// over the `Accept` header; `*/*` or nothing gives JSON results and Turtle graphs.
struct Accept {
    /// (media type, q) in the client's order of preference.
    ranges: Vec<(String, f32)>,
}

const RESULTS: [(&str, QueryResultsFormat); 7] = [
    ("application/sparql-results+json", QueryResultsFormat::Json),
    ("application/json", QueryResultsFormat::Json),
    ("application/sparql-results+xml", QueryResultsFormat::Xml),
    ("application/xml", QueryResultsFormat::Xml),
    ("text/csv", QueryResultsFormat::Csv),
    ("text/tab-separated-values", QueryResultsFormat::Tsv),
    ("text/xml", QueryResultsFormat::Xml),
];

const GRAPHS: [(&str, fn() -> RdfFormat); 10] = [
    ("text/turtle", || RdfFormat::Turtle),
    ("application/turtle", || RdfFormat::Turtle),
    ("application/x-turtle", || RdfFormat::Turtle),
    ("application/n-triples", || RdfFormat::NTriples),
    ("text/plain", || RdfFormat::NTriples),
    ("application/n-quads", || RdfFormat::NQuads),
    ("application/trig", || RdfFormat::TriG),
    ("application/rdf+xml", || RdfFormat::RdfXml),
    ("application/ld+json", || RdfFormat::from_media_type("application/ld+json").expect("JSON-LD")),
    ("application/json", || RdfFormat::from_media_type("application/ld+json").expect("JSON-LD")),
];

impl Accept {
    fn of(req: &Request<Body>, format: Option<&str>) -> std::result::Result<Accept, Fail> {
        if let Some(f) = format {
            let media = match f.trim().to_ascii_lowercase().as_str() {
                "json" | "srj" => "application/sparql-results+json, application/ld+json".to_string(),
                "xml" | "srx" => "application/sparql-results+xml, application/rdf+xml".to_string(),
                "csv" => "text/csv".to_string(),
                "tsv" => "text/tab-separated-values".to_string(),
                "ttl" | "turtle" => "text/turtle".to_string(),
                "nt" | "ntriples" | "n-triples" => "application/n-triples".to_string(),
                "nq" | "nquads" | "n-quads" => "application/n-quads".to_string(),
                "trig" => "application/trig".to_string(),
                "rdfxml" | "rdf-xml" | "rdf" => "application/rdf+xml".to_string(),
                "jsonld" | "json-ld" => "application/ld+json".to_string(),
                m if m.contains('/') => m.to_string(),
                other => {
                    return Err(fail(
                        StatusCode::BAD_REQUEST,
                        format!("format={other:?}: use json, xml, csv, tsv (results) or turtle, nt, nq, trig, rdfxml, jsonld (graphs), or a media type"),
                    ));
                }
            };
            return Ok(Accept::parse(&media));
        }
        Ok(Accept::parse(req.headers().get(ACCEPT).and_then(|v| v.to_str().ok()).unwrap_or("")))
    }

    fn parse(header: &str) -> Accept {
        let mut ranges: Vec<(String, f32)> = header
            .split(',')
            .filter_map(|item| {
                let mut parts = item.split(';');
                let media = parts.next()?.trim().to_ascii_lowercase();
                if media.is_empty() {
                    return None;
                }
                let q = parts
                    .filter_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()))
                    .next()
                    .unwrap_or(1.0);
                Some((media, q))
            })
            .filter(|(_, q)| *q > 0.0)
            .collect();
        if ranges.is_empty() {
            ranges.push(("*/*".into(), 1.0));
        }
        ranges.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
        Accept { ranges }
    }

    fn pick<T: Copy>(&self, table: &[(&str, T)]) -> Option<T> {
        for (media, _) in &self.ranges {
            if media == "*/*" {
                return Some(table[0].1);
            }
            if let Some(kind) = media.strip_suffix("/*") {
                if let Some((_, t)) = table.iter().find(|(m, _)| m.split('/').next() == Some(kind)) {
                    return Some(*t);
                }
                continue;
            }
            if let Some((_, t)) = table.iter().find(|(m, _)| m == media) {
                return Some(*t);
            }
        }
        None
    }

    fn results(&self) -> std::result::Result<QueryResultsFormat, Fail> {
        self.pick(&RESULTS).ok_or_else(|| {
            fail(
                StatusCode::NOT_ACCEPTABLE,
                "SELECT and ASK answers come as application/sparql-results+json, application/sparql-results+xml, text/csv or text/tab-separated-values",
            )
        })
    }

    fn graph(&self) -> std::result::Result<RdfFormat, Fail> {
        self.pick(&GRAPHS).map(|f| f()).ok_or_else(|| {
            fail(
                StatusCode::NOT_ACCEPTABLE,
                "graphs (CONSTRUCT, DESCRIBE, /store) come as text/turtle, application/n-triples, application/n-quads, application/trig, application/rdf+xml or application/ld+json",
            )
        })
    }
}

/// `application/x-www-form-urlencoded` pairs (also a URL's query string).
fn parse_form(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                match u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(v) => {
                        out.push(v);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn text(status: StatusCode, msg: String) -> Response<Body> {
    body_response(status, "text/plain", msg.into_bytes())
}

fn body_response(status: StatusCode, media: &str, body: Vec<u8>) -> Response<Body> {
    let ctype = if media.starts_with("text/") || media.ends_with("json") || media.ends_with("xml") {
        format!("{media}; charset=utf-8")
    } else {
        media.to_string()
    };
    Response::builder()
        .status(status)
        .header(CONTENT_TYPE, ctype)
        .header("vary", "Accept")
        .header("x-content-type-options", "nosniff")
        .body(Body::from(body))
        .expect("response")
}

fn empty(status: StatusCode) -> Response<Body> {
    Response::builder().status(status).body(Body::empty()).expect("response")
}

/// The query page with the shipped queries filled in.
fn page() -> Response<Body> {
    let examples: Vec<serde_json::Value> =
        EXAMPLES.iter().map(|(name, text)| serde_json::json!({"name": name, "query": text})).collect();
    // `</` never appears inside the script: JSON escapes it as `<\/`.
    let json = serde_json::to_string(&examples).expect("json").replace("</", "<\\/");
    let html = PAGE.replace("/*EXAMPLES*/[]", &json);
    Response::builder()
        .status(StatusCode::OK)
        .header(CONTENT_TYPE, "text/html; charset=utf-8")
        .header("content-security-policy", PAGE_CSP)
        .header("x-content-type-options", "nosniff")
        .body(Body::from(html))
        .expect("response")
}

/// One of the page's embedded files, by name.
fn asset(name: &str) -> Option<Response<Body>> {
    let (_, ctype, body) = ASSETS.iter().find(|(n, _, _)| *n == name)?;
    Some(
        Response::builder()
            .status(StatusCode::OK)
            .header(CONTENT_TYPE, *ctype)
            .header("cache-control", "no-cache")
            .header("x-content-type-options", "nosniff")
            .body(Body::from(*body))
            .expect("response"),
    )
}

fn asset_names() -> String {
    ASSETS.iter().map(|(n, _, _)| format!("/assets/{n}")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_timeout_is_a_number_of_seconds_above_zero() {
        assert_eq!(Config::timeout(2.5).expect("valid"), Duration::from_millis(2500));
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            let e = Config::timeout(bad).expect_err("invalid");
            assert!(e.to_string().contains("--timeout"), "{e}");
        }
    }

    #[test]
    fn form_decoding() {
        assert_eq!(
            parse_form("query=SELECT+*+WHERE+%7B%3Fs+%3Fp+%3Fo%7D&format=json&x"),
            vec![("query".into(), "SELECT * WHERE {?s ?p ?o}".into()), ("format".into(), "json".into()), ("x".into(), "".into())]
        );
        assert_eq!(percent_decode("%E7%8E%8B%E6%AF%85"), "王毅");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn negotiation() {
        let a = Accept::parse("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assert_eq!(a.results().ok(), Some(QueryResultsFormat::Xml));
        assert_eq!(a.graph().ok(), Some(RdfFormat::Turtle), "application/xml is not RDF/XML: */* gives Turtle");
        let a = Accept::parse("text/csv;q=0.5, text/tab-separated-values");
        assert_eq!(a.results().ok(), Some(QueryResultsFormat::Tsv));
        assert_eq!(Accept::parse("").results().ok(), Some(QueryResultsFormat::Json));
        assert_eq!(Accept::parse("").graph().ok(), Some(RdfFormat::Turtle));
        assert!(Accept::parse("image/png").results().is_err());
        assert_eq!(Accept::parse("text/*").graph().ok(), Some(RdfFormat::Turtle));
        assert_eq!(Accept::parse("text/*").results().ok(), Some(QueryResultsFormat::Csv));
    }
}
