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
//! The client is `ureq` (HTTP/1.1, keep-alive) with rustls for `https://` URLs
//! (Mozilla's root certificates, built in; or the CA certificates of a PEM file named by
//! `SUMMIT_ENDPOINT_CA`). Credentials come from the environment only, never from the
//! command line (where `ps` shows them to every user): `SUMMIT_ENDPOINT_TOKEN` (sent as
//! `Authorization: Bearer`), or `SUMMIT_ENDPOINT_USER` and `SUMMIT_ENDPOINT_PASSWORD`
//! (HTTP basic). Redirects are not followed, so credentials go to that URL only.

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

/// The environment variables an endpoint's credentials and CA come from.
pub const ENV_TOKEN: &str = "SUMMIT_ENDPOINT_TOKEN";
pub const ENV_USER: &str = "SUMMIT_ENDPOINT_USER";
pub const ENV_PASSWORD: &str = "SUMMIT_ENDPOINT_PASSWORD";
pub const ENV_CA: &str = "SUMMIT_ENDPOINT_CA";

/// How to reach an endpoint: credentials and trusted CA certificates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Access {
    /// The `Authorization` header's value.
    pub authorization: Option<String>,
    /// A PEM file of CA certificates to trust instead of the built-in roots.
    pub ca_file: Option<std::path::PathBuf>,
}

impl Access {
    /// From the environment: [`ENV_TOKEN`] (bearer), else [`ENV_USER`] and
    /// [`ENV_PASSWORD`] (basic; a user without a password, or a password without a user,
    /// is an error), and [`ENV_CA`].
    pub fn from_env() -> Result<Access, Error> {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let authorization = match (var(ENV_TOKEN), var(ENV_USER), var(ENV_PASSWORD)) {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
                return Err(Error::new(ErrorKind::Usage, format!("{ENV_TOKEN} and {ENV_USER}/{ENV_PASSWORD} are both set: give one way to authenticate")));
            }
            (Some(token), None, None) => Some(format!("Bearer {}", token.trim())),
            (None, Some(user), Some(password)) => Some(format!("Basic {}", base64(format!("{user}:{password}").as_bytes()))),
            (None, Some(_), None) | (None, None, Some(_)) => {
                return Err(Error::new(ErrorKind::Usage, format!("HTTP basic authentication needs both {ENV_USER} and {ENV_PASSWORD}")));
            }
            (None, None, None) => None,
        };
        Ok(Access { authorization, ca_file: std::env::var_os(ENV_CA).filter(|v| !v.is_empty()).map(Into::into) })
    }
}

/// A graph store endpoint.
pub struct Endpoint {
    agent: ureq::Agent,
    url: String,
    authorization: Option<String>,
}

impl Endpoint {
    /// Checks the URL (`http://` or `https://`) and prepares a client with credentials
    /// and CA certificates from the environment ([`Access::from_env`]).
    pub fn new(url: &str) -> Result<Endpoint, Error> {
        Endpoint::with(url, Access::from_env()?)
    }

    /// Checks the URL and prepares a client with this access.
    pub fn with(url: &str, access: Access) -> Result<Endpoint, Error> {
        let lower = url.to_ascii_lowercase();
        let Some(rest) = lower.strip_prefix("http://").or_else(|| lower.strip_prefix("https://")).filter(|r| !r.is_empty()) else {
            return Err(Error::new(ErrorKind::Usage, format!("--endpoint {url:?}: expected the graph store URL, e.g. http://127.0.0.1:7878/store or https://host/store")));
        };
        if rest.split(['/', '?', '#']).next().is_some_and(|authority| authority.contains('@')) {
            return Err(Error::new(
                ErrorKind::Usage,
                format!("--endpoint: credentials in the URL would be visible to every user of this machine; give them in {ENV_USER} and {ENV_PASSWORD} (or {ENV_TOKEN}) instead"),
            ));
        }
        let mut tls = ureq::tls::TlsConfig::builder();
        if let Some(path) = &access.ca_file {
            let name = path.display().to_string();
            let pem = std::fs::read(path).map_err(|e| Error::io(format!("{name} ({ENV_CA})"), &e))?;
            let certs: Vec<ureq::tls::Certificate<'static>> = ureq::tls::parse_pem(&pem)
                .filter_map(|item| match item {
                    Ok(ureq::tls::PemItem::Certificate(c)) => Some(Ok(c)),
                    Ok(_) => None,
                    Err(e) => Some(Err(e)),
                })
                .collect::<Result<_, _>>()
                .map_err(|e| Error::new(ErrorKind::Usage, format!("{name} ({ENV_CA}): not a PEM file of certificates: {e}")))?;
            if certs.is_empty() {
                return Err(Error::new(ErrorKind::Usage, format!("{name} ({ENV_CA}): no certificate in it (expected PEM: -----BEGIN CERTIFICATE-----)")));
            }
            tls = tls.root_certs(ureq::tls::RootCerts::new_with_certs(&certs));
        }
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(REQUEST_TIMEOUT))
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(concat!("summit/", env!("CARGO_PKG_VERSION")))
            .tls_config(tls.build())
            .build();
        Ok(Endpoint { agent: config.into(), url: url.to_string(), authorization: access.authorization })
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
            let mut request = request.header("Content-Type", "application/n-triples");
            if let Some(a) = &self.authorization {
                request = request.header("Authorization", a);
            }
            let result = request.send(&body[..]);
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
                    // rustls reports a refused certificate (or any TLS failure) as
                    // invalid data: trying again cannot help.
                    let tls = matches!(&e, ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::InvalidData);
                    let hint = if tls && e.to_string().contains("certificate") {
                        format!(" (a store with a private or self-signed certificate: name its CA's PEM file in {ENV_CA})")
                    } else {
                        String::new()
                    };
                    let failure = Error::new(ErrorKind::Io, format!("{what}: {e}{hint}"));
                    if tls || !matches!(e, ureq::Error::Io(_) | ureq::Error::ConnectionFailed) {
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

/// Standard base64 with padding (RFC 4648), for HTTP basic authentication.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
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
    fn http_and_https_urls_without_credentials_in_them() {
        let none = Access::default;
        assert!(Endpoint::with("https://example.org/store", none()).is_ok());
        assert!(Endpoint::with("http://example.org/store", none()).is_ok());
        assert!(Endpoint::with("ftp://example.org/store", none()).is_err());
        assert!(Endpoint::with("http://", none()).is_err());
        let e = Endpoint::with("https://user:secret@example.org/store", none()).err().unwrap();
        assert!(e.message.contains(ENV_USER) && !e.message.contains("secret"), "{e}");
        assert!(Endpoint::with("https://example.org/store?x=a@b", none()).is_ok());
    }

    #[test]
    fn basic_credentials_are_base64() {
        assert_eq!(base64(b"Aladdin:open sesame"), "QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"a"), "YQ==");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"abc"), "YWJj");
    }

    #[test]
    fn a_ca_file_must_hold_certificates() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("ca.pem");
        std::fs::write(&bad, "not a certificate").unwrap();
        let e = Endpoint::with("https://h/store", Access { ca_file: Some(bad), ..Default::default() }).err().unwrap();
        assert!(e.to_string().contains("ca.pem") && e.to_string().contains(ENV_CA), "{e}");
        let e = Endpoint::with("https://h/store", Access { ca_file: Some(dir.path().join("absent.pem")), ..Default::default() }).err().unwrap();
        assert!(e.to_string().contains("absent.pem"), "{e}");
    }

    #[test]
    fn excerpts_are_one_short_line() {
        assert_eq!(excerpt(&b"no graph\n  here"[..]), "no graph here");
        assert_eq!(excerpt(&b""[..]), "(empty answer)");
        let long = "x".repeat(1000);
        assert_eq!(excerpt(long.as_bytes()).chars().count(), EXCERPT_CHARS + 3);
    }
}
