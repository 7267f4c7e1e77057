//! Pushing document graphs to a shared triple store with the SPARQL 1.1 Graph Store HTTP
//! Protocol, as `summit load --endpoint URL` does.
//!
//! **Input**: the endpoint's graph store URL (`http://host:port/store` for `summit serve
//! --allow-update`; Fuseki `/DATASET/data`, GraphDB `/repositories/REPO/rdf-graphs/service`,
//! Oxigraph `/store`, Virtuoso `/sparql-graph-crud`), a graph IRI and its quads.
//! **Output**: the graph sent as N-Triples with `PUT URL?graph=IRI` (replacing what the
//! store held in that graph, so a document pushed again replaces what it said before) or
//! `POST` (adding to it); the HTTP status, or an error naming the method, the URL, the
//! status and the start of the answer.
//!
//! **Invariant**: a connection failure or a 5xx answer is retried with backoff (0.5 s,
//! 1 s, 2 s), then fails; any other non-2xx answer fails at once. Nothing is sent for a
//! graph after its request failed, and graphs sent before stay sent.
//!
//! The client is `ureq` without TLS (plain HTTP/1.1, keep-alive): a store on another
//! machine is reached through `http://` or a TLS-terminating tunnel.

use crate::error::{Error, ErrorKind};
use oxigraph::model::Quad;
use std::io::Read;
use std::time::Duration;

/// How long one request may take, start to end.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(300);
/// Waits before the retries of a request that failed to connect or got a 5xx answer.
const BACKOFF: [Duration; 3] = [Duration::from_millis(500), Duration::from_secs(1), Duration::from_secs(2)];
/// How much of an error answer goes into the error message.
const EXCERPT_CHARS: usize = 300;

/// What to do with the graph on the endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Replace the graph (create it when absent).
    Put,
    /// Add to the graph (create it when absent).
    Post,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::Put => "PUT",
            Method::Post => "POST",
        }
    }
}

/// A graph store endpoint.
pub struct Endpoint {
    agent: ureq::Agent,
    url: String,
}

impl Endpoint {
    /// Checks the URL (`http://...`; `https` is not built in) and prepares a client.
    pub fn new(url: &str) -> Result<Endpoint, Error> {
        let lower = url.to_ascii_lowercase();
        if lower.starts_with("https://") {
            return Err(Error::new(
                ErrorKind::Usage,
                format!("--endpoint {url}: summit speaks plain HTTP only; reach the store through http:// (on its machine, or via a TLS-terminating tunnel)"),
            ));
        }
        if !lower.starts_with("http://") || url.len() <= "http://".len() {
            return Err(Error::new(ErrorKind::Usage, format!("--endpoint {url:?}: expected the graph store URL, e.g. http://127.0.0.1:7878/store")));
        }
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(REQUEST_TIMEOUT))
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(concat!("summit/", env!("CARGO_PKG_VERSION")))
            .build();
        Ok(Endpoint { agent: config.into(), url: url.to_string() })
    }

    /// The URL addressing one graph: `URL?graph=IRI` (or `&graph=` when the URL has a query).
    pub fn graph_url(&self, graph: &str) -> String {
        let sep = if self.url.contains('?') { '&' } else { '?' };
        format!("{}{sep}graph={}", self.url, percent_encode(graph))
    }

    /// Sends a graph's triples (the quads' graph names are dropped: the URL names the
    /// graph). Returns the 2xx status.
    pub fn send(&self, method: Method, graph: &str, quads: &[Quad]) -> Result<u16, Error> {
        let mut body = Vec::with_capacity(quads.len() * 160);
        crate::rdf::write(quads, crate::rdf::Syntax::NTriples, &mut body).map_err(|e| Error::new(ErrorKind::Io, e.to_string()))?;
        let url = self.graph_url(graph);
        let what = format!("{} {url}", method.as_str());
        let mut attempt = 0;
        loop {
            let request = match method {
                Method::Put => self.agent.put(&url),
                Method::Post => self.agent.post(&url),
            };
            let result = request.header("Content-Type", "application/n-triples").send(&body[..]);
            let retry = match result {
                Ok(mut response) => {
                    let status = response.status().as_u16();
                    if (200..300).contains(&status) {
                        return Ok(status);
                    }
                    let excerpt = excerpt(response.body_mut().as_reader());
                    let reason = response.status().canonical_reason().unwrap_or("");
                    let failure = Error::new(ErrorKind::Io, format!("{what}: HTTP {status} {reason}: {excerpt}"));
                    if status < 500 {
                        return Err(failure);
                    }
                    failure
                }
                Err(e) => {
                    let failure = Error::new(ErrorKind::Io, format!("{what}: {e}"));
                    if !matches!(e, ureq::Error::Io(_) | ureq::Error::ConnectionFailed) {
                        return Err(failure);
                    }
                    failure
                }
            };
            let Some(wait) = BACKOFF.get(attempt) else {
                let tries = BACKOFF.len() + 1;
                return Err(Error { message: format!("{} (after {tries} tries)", retry.message), ..retry });
            };
            std::thread::sleep(*wait);
            attempt += 1;
        }
    }
}

/// The start of an answer's body, on one line.
fn excerpt(reader: impl Read) -> String {
    let mut bytes = Vec::new();
    let _ = reader.take(4 * EXCERPT_CHARS as u64).read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes);
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.is_empty() {
        return "(empty answer)".to_string();
    }
    let mut out: String = one_line.chars().take(EXCERPT_CHARS).collect();
    if out.len() < one_line.len() {
        out.push_str("...");
    }
    out
}

/// Percent-encodes everything but RFC 3986 unreserved characters, for a query value.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_urls_encode_the_iri() {
        let e = Endpoint::new("http://127.0.0.1:7878/store").unwrap();
        assert_eq!(
            e.graph_url("https://w3id.org/summit/doc/a%20b?x=1#y"),
            "http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fsummit%2Fdoc%2Fa%2520b%3Fx%3D1%23y"
        );
        let e = Endpoint::new("http://h/ds/data?x=1").unwrap();
        assert!(e.graph_url("urn:a").starts_with("http://h/ds/data?x=1&graph=urn%3Aa"));
    }

    #[test]
    fn only_plain_http_urls() {
        assert!(Endpoint::new("https://example.org/store").is_err());
        assert!(Endpoint::new("ftp://example.org/store").is_err());
        assert!(Endpoint::new("http://").is_err());
    }

    #[test]
    fn excerpts_are_one_short_line() {
        assert_eq!(excerpt(&b"no graph\n  here"[..]), "no graph here");
        assert_eq!(excerpt(&b""[..]), "(empty answer)");
        let long = "x".repeat(1000);
        assert_eq!(excerpt(long.as_bytes()).chars().count(), EXCERPT_CHARS + 3);
    }
}
