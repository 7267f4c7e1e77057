//! The SPARQL 1.1 Graph Store HTTP Protocol on `/store?graph=IRI`: one named graph read,
//! replaced, added to or removed.
//!
//! Input: a request on `/store`, its parameters (`graph=IRI`, `format=`) and, for PUT and
//! POST, its body in an RDF syntax its Content-Type names. Output: for GET the graph's
//! triples in the syntax the client accepts (404 when the store has no such graph); PUT
//! replaces the graph with the body's triples, POST adds them (201 when the graph is new,
//! else 204); DELETE removes it (204, or 404).
//!
//! **Invariant**: only one named graph is read or written (the default graph, the union of
//! the documents' graphs, is refused, and a quad syntax may name no other graph); writes
//! pass `check_write` (a server started with `--allow-update`, a browser's write from this
//! host only), a read is capped at `max_rows` like a query's answer, and every write moves
//! the store's version on.

use super::*;

impl State {
    /// The SPARQL 1.1 Graph Store HTTP Protocol on `/store?graph=IRI`.
    pub(super) fn graph_store(&self, req: &mut Request<Body>, params: Vec<(String, String)>) -> Reply {
        let graphs: Vec<&String> = params.iter().filter(|(k, _)| k == "graph").map(|(_, v)| v).collect();
        let default = params.iter().any(|(k, _)| k == "default");
        let graph = match (graphs.as_slice(), default) {
            ([g], false) => NamedNode::new(g.as_str())
                .map_err(|e| fail(StatusCode::BAD_REQUEST, format!("graph={g:?} is not an absolute IRI: {e}")))?,
            ([], true) => {
                return Err(fail(
                    StatusCode::BAD_REQUEST,
                    "summit keeps every document in its own named graph and queries see their union as the default graph: name the graph with ?graph=IRI",
                ));
            }
            ([], false) => return Err(fail(StatusCode::BAD_REQUEST, "name the graph: /store?graph=IRI")),
            _ => return Err(fail(StatusCode::BAD_REQUEST, "name one graph: /store?graph=IRI")),
        };
        let g = graph.as_str();
        let method = req.method().clone();
        if method == Method::GET {
            let accept = Accept::of(req, params.iter().find(|(k, _)| k == "format").map(|(_, v)| v.as_str()))?;
            let opened = self.store();
            let store = &opened.store;
            if !store.has_graph(g).map_err(internal)? {
                return Err(fail(StatusCode::NOT_FOUND, format!("no graph <{g}> in the store")));
            }
            let triples = store.graph_triples(g).map_err(internal)?;
            if triples.len() > self.config.max_rows {
                return Err(self.failure(EndpointFailure::TooManyRows(self.config.max_rows)));
            }
            return self.answer(&Answer::Graph(triples), &accept);
        }
        if method != Method::PUT && method != Method::POST && method != Method::DELETE {
            return Err(fail(StatusCode::METHOD_NOT_ALLOWED, format!("{method} is not a graph store method: use GET, PUT, POST or DELETE")));
        }
        self.check_write(req)?;
        let opened = self.store();
        let store = &opened.store;
        if method == Method::DELETE {
            let existed = store.remove_graph(g).map_err(internal)?;
            self.version.fetch_add(1, Ordering::SeqCst);
            return if existed { Ok(empty(StatusCode::NO_CONTENT)) } else { Err(fail(StatusCode::NOT_FOUND, format!("no graph <{g}> in the store"))) };
        }
        let ctype = content_type(req);
        let format = rdf_format_of(&ctype).ok_or_else(|| {
            fail(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!("Content-Type {ctype:?} is not an RDF syntax summit reads: use text/turtle, application/n-triples, application/n-quads, application/trig, application/rdf+xml or application/ld+json"),
            )
        })?;
        let body = self.read_body(req)?;
        let quads = parse_graph(&body, format, &graph)?;
        let existed = store.has_graph(g).map_err(internal)?;
        if method == Method::PUT {
            store.replace_graph(g, &quads).map_err(internal)?;
        } else {
            store.add_to_graph(g, &quads).map_err(internal)?;
        }
        self.version.fetch_add(1, Ordering::SeqCst);
        Ok(empty(if existed { StatusCode::NO_CONTENT } else { StatusCode::CREATED }))
    }
}

/// Parses a graph sent to `/store`: every triple goes into `graph`; a quad syntax may
/// only name that graph (or none).
fn parse_graph(body: &[u8], format: RdfFormat, graph: &NamedNode) -> std::result::Result<Vec<Quad>, Fail> {
    let parser = RdfParser::from_format(format)
        .with_base_iri(graph.as_str())
        .map_err(|e| fail(StatusCode::BAD_REQUEST, e.to_string()))?
        .with_default_graph(graph.clone());
    let mut quads = Vec::new();
    for q in parser.for_slice(body) {
        let q = q.map_err(|e| fail(StatusCode::BAD_REQUEST, format!("the graph does not parse: {e}")))?;
        if q.graph_name != GraphName::NamedNode(graph.clone()) {
            return Err(fail(StatusCode::BAD_REQUEST, format!("the payload names another graph ({}); PUT or POST one graph's triples to /store?graph=IRI", q.graph_name)));
        }
        quads.push(q);
    }
    Ok(quads)
}
