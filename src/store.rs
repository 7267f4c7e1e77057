//! The store: the only module that knows the Oxigraph store.
//!
//! Input: per-document quads from [`crate::rdf`], SPARQL text. Output: a persistent
//! RocksDB-backed graph store on disk, query results.
//!
//! **Invariants**: each document lives in its own named graph, replaced in one
//! transaction (clear, insert, commit), so a load interrupted at any point leaves every
//! document either as it was or wholly new, never half-written. Queries see the union
//! of all document graphs as their default graph, and open the store read-only, so they
//! run while another process loads. Values from users are bound, never pasted into query
//! text.
//!
//! **Invariant (the meetings view)**: the graph [`rdf::MEETINGS_GRAPH`] holds exactly the
//! union of what the document graphs say about their meetings ([`rdf::meetings_view_quads`]),
//! kept so by every write here, in the same commit as the document graphs it follows
//! (bulk loads add the view's quads to the same atomic ingestion; replacements and
//! removals take out, in the same transaction, each view triple no other graph still
//! says). Each write touches only the meetings its documents report. A store opened for
//! writing without the view's version marker gets its view built from its document
//! graphs ([`Store::rebuild_meetings_view`]).

use crate::error::{Error, ErrorKind, Result};
use crate::rdf;
use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedNodeRef, Quad, Term, Variable};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use spargebra::algebra::GraphPattern;
use spargebra::term::GroundTerm;
use std::path::{Path, PathBuf};

/// An open store.
pub struct Store {
    inner: oxigraph::store::Store,
    path: PathBuf,
}

/// What a query returned, materialised.
pub enum Answer {
    Solutions { variables: Vec<String>, rows: Vec<Vec<Option<Term>>> },
    Boolean(bool),
    Graph(Vec<oxigraph::model::Triple>),
}

fn storage_error(path: &Path, e: impl std::fmt::Display) -> Error {
    let msg = e.to_string();
    let lower = msg.to_lowercase();
    let message = if lower.contains("lock") {
        format!("the store is in use by another process (locked); wait for it to finish or use another --store ({msg})")
    } else {
        format!("store error: {msg}")
    };
    Error::new(ErrorKind::Io, message).at_path(path.display().to_string())
}

/// The on-disk store in `dir` (RocksDB).
#[cfg(feature = "rocksdb")]
fn open_dir(dir: &Path, read_only: bool) -> Result<oxigraph::store::Store> {
    let r = if read_only { oxigraph::store::Store::open_read_only(dir) } else { oxigraph::store::Store::open(dir) };
    r.map_err(|e| storage_error(dir, e))
}

/// Without the `rocksdb` feature there is no on-disk store, only [`Store::in_memory`].
#[cfg(not(feature = "rocksdb"))]
fn open_dir(dir: &Path, _read_only: bool) -> Result<oxigraph::store::Store> {
    Err(Error::new(ErrorKind::Usage, "this summit was built without the `rocksdb` feature: no on-disk store")
        .at_path(dir.display().to_string()))
}

impl Store {
    /// Opens (creating if needed) the store in `dir` for writing.
    pub fn open(dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir.display().to_string(), &e))?;
        let inner = open_dir(dir, false)?;
        // A bulk load killed before its commit leaves its unfinished files (never part of
        // the store); we hold the lock now, so none belongs to a running load.
        if let Ok(rd) = std::fs::read_dir(dir) {
            for e in rd.flatten() {
                let n = e.file_name();
                let n = n.to_string_lossy();
                if n.starts_with("bulk-") && n.ends_with(".sst") {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        let store = Store { inner, path: dir.to_path_buf() };
        store.ensure_meetings_view()?;
        Ok(store)
    }

    /// Opens an existing store for writing (an error when there is none).
    pub fn open_existing(dir: &Path) -> Result<Store> {
        if !dir.join("CURRENT").exists() {
            return Err(Error::new(ErrorKind::Usage, "no store here: load documents first with `summit load`")
                .at_path(dir.display().to_string()));
        }
        Store::open(dir)
    }

    /// Opens an existing store for reading; works while another process writes.
    pub fn open_read_only(dir: &Path) -> Result<Store> {
        if !dir.join("CURRENT").exists() {
            return Err(Error::new(ErrorKind::Usage, "no store here: load documents first with `summit load`")
                .at_path(dir.display().to_string()));
        }
        // A writer compacting while we read its manifest can delete a file the manifest
        // still names ("No such file or directory"): that store is whole, read it again.
        let mut attempt = 0;
        let inner = loop {
            match open_dir(dir, true) {
                Err(e) if attempt < 5 && e.to_string().contains("No such file or directory") => {
                    attempt += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20 * attempt));
                }
                r => break r?,
            }
        };
        Ok(Store { inner, path: dir.to_path_buf() })
    }

    /// An in-memory store (tests, one-off queries).
    pub fn in_memory() -> Result<Store> {
        let inner = oxigraph::store::Store::new().map_err(|e| storage_error(Path::new(":memory:"), e))?;
        let store = Store { inner, path: PathBuf::from(":memory:") };
        store.ensure_meetings_view()?;
        Ok(store)
    }

    /// Builds the meetings view when a store that holds quads lacks its version marker
    /// (one written before the view existed); else nothing. Returns whether it was built.
    pub fn ensure_meetings_view(&self) -> Result<bool> {
        let err = |e| storage_error(&self.path, e);
        // An empty store gets the marker with its first write (every write adds it).
        if self.inner.is_empty().map_err(err)? || self.inner.contains(&rdf::meetings_view_version_quad()).map_err(err)? {
            return Ok(false);
        }
        self.rebuild_meetings_view()?;
        Ok(true)
    }

    /// Builds the meetings view ([`rdf::MEETINGS_GRAPH`]) anew from the document graphs, in
    /// one transaction: the safety net after writes that went around this module (another
    /// tool writing the RocksDB directory), and the way a store made before the view
    /// gets it. Returns the view's quad count.
    pub fn rebuild_meetings_view(&self) -> Result<usize> {
        let err = |e| storage_error(&self.path, e);
        let mut t = self.inner.start_transaction().map_err(err)?;
        rebuild_view_in(&mut t).map_err(err)?;
        t.commit().map_err(err)?;
        self.graph_len(rdf::MEETINGS_GRAPH)
    }

    /// Replaces a document's graph with `quads`, atomically.
    pub fn replace_graph(&self, graph: &str, quads: &[Quad]) -> Result<()> {
        self.replace_graphs(&[(graph, quads)])
    }

    /// Replaces several documents' graphs in one transaction: after a crash the store
    /// holds all of them new or all of them as they were (one commit instead of one per
    /// document is what makes `summit load` fast). A graph named twice gets the last
    /// quads given for it.
    pub fn replace_graphs(&self, graphs: &[(&str, &[Quad])]) -> Result<()> {
        let mut t = self.inner.start_transaction().map_err(|e| storage_error(&self.path, e))?;
        let mut seen = std::collections::HashSet::new();
        let mut was = Vec::new();
        for (i, (graph, _)) in graphs.iter().enumerate().rev() {
            if !seen.insert(*graph) {
                continue; // a later entry replaces it
            }
            let g = NamedNode::new(*graph).map_err(|e| Error::new(ErrorKind::Usage, format!("graph IRI {graph:?}: {e}")))?;
            was.extend(view_of_graph(&t, g.as_ref()).map_err(|e| storage_error(&self.path, e))?);
            t.clear_graph(GraphNameRef::NamedNode(g.as_ref())).map_err(|e| storage_error(&self.path, e))?;
            t.insert_named_graph(g.as_ref());
            for q in graphs[i].1 {
                debug_assert_eq!(q.graph_name.to_string(), format!("<{graph}>"));
                t.insert(q);
            }
            for q in rdf::meetings_view_quads(graphs[i].1) {
                t.insert(&q);
            }
        }
        retract_from_view(&mut t, was).map_err(|e| storage_error(&self.path, e))?;
        t.insert(&rdf::meetings_view_version_quad());
        t.commit().map_err(|e| storage_error(&self.path, e))
    }

    /// Makes the store hold `quads` as the graph `graph`, unless it holds `marker` (a quad
    /// of that graph saying which version it is) already: then nothing is written. The
    /// graph is replaced in one transaction. Returns whether it was written.
    pub fn ensure_graph(&self, graph: &str, marker: &Quad, quads: &[Quad]) -> Result<bool> {
        if self.inner.contains(marker).map_err(|e| storage_error(&self.path, e))? {
            return Ok(false);
        }
        self.replace_graph(graph, quads)?;
        Ok(true)
    }

    /// Removes named graphs and their triples, all in one transaction; says for each
    /// whether the store held it.
    pub fn remove_graphs(&self, graphs: &[String]) -> Result<Vec<bool>> {
        let mut t = self.inner.start_transaction().map_err(|e| storage_error(&self.path, e))?;
        let mut held = Vec::with_capacity(graphs.len());
        let mut was = Vec::new();
        for graph in graphs {
            let g = NamedNode::new(graph.as_str()).map_err(|e| Error::new(ErrorKind::Usage, format!("graph IRI {graph:?}: {e}")))?;
            let there = t.contains_named_graph(g.as_ref()).map_err(|e| storage_error(&self.path, e))?;
            if there {
                was.extend(view_of_graph(&t, g.as_ref()).map_err(|e| storage_error(&self.path, e))?);
                t.remove_named_graph(g.as_ref()).map_err(|e| storage_error(&self.path, e))?;
            }
            held.push(there);
        }
        retract_from_view(&mut t, was).map_err(|e| storage_error(&self.path, e))?;
        t.insert(&rdf::meetings_view_version_quad());
        t.commit().map_err(|e| storage_error(&self.path, e))?;
        Ok(held)
    }

    /// Whether the store holds a graph of this name.
    pub fn contains_graph(&self, graph: &str) -> Result<bool> {
        let g = NamedNodeRef::new(graph).map_err(|e| Error::new(ErrorKind::Usage, format!("graph IRI {graph:?}: {e}")))?;
        self.inner.contains_named_graph(g).map_err(|e| storage_error(&self.path, e))
    }

    /// Adds graphs the store does not hold yet (check with [`Store::contains_graph`]) with
    /// Oxigraph's bulk loader: sorted files ingested in one atomic step, so after a crash
    /// the store holds all of these documents or none of them, and several times faster
    /// than a transaction. A graph the store already holds would get the union of old and
    /// new quads: use [`Store::replace_graphs`] for those.
    pub fn add_new_graphs(&self, graphs: &[(&str, &[Quad])]) -> Result<()> {
        let mut bulk = self.bulk();
        bulk.add(graphs.iter().flat_map(|(_, q)| q.iter().cloned()))?;
        bulk.commit()
    }

    /// A bulk load of graphs new to the store, as [`Store::add_new_graphs`] but in
    /// several steps: each [`Bulk::add`] sorts its quads into files on a background
    /// thread while the caller goes on; [`Bulk::commit`] ingests them all atomically.
    /// Dropped without a commit, it leaves the store as it was.
    pub fn bulk(&self) -> Bulk<'_> {
        Bulk { loader: self.inner.bulk_loader(), path: &self.path }
    }

    /// How many quads the store holds.
    pub fn len(&self) -> Result<usize> {
        self.inner.len().map_err(|e| storage_error(&self.path, e))
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }

    /// How many quads one graph holds.
    pub fn graph_len(&self, graph: &str) -> Result<usize> {
        let g = NamedNodeRef::new(graph).map_err(|e| Error::new(ErrorKind::Usage, e.to_string()))?;
        Ok(self.inner.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g))).count())
    }

    /// The names of the document graphs.
    pub fn graphs(&self) -> Result<Vec<String>> {
        let mut v = Vec::new();
        for g in self.inner.named_graphs() {
            let g = g.map_err(|e| storage_error(&self.path, e))?;
            v.push(match g {
                oxigraph::model::NamedOrBlankNode::NamedNode(n) => n.into_string(),
                other => other.to_string(),
            });
        }
        v.sort();
        Ok(v)
    }

    /// Runs a SPARQL query; `source` names the query in syntax errors
    /// (`queries/x.rq:3:7: ...`); `bindings` are values for variables.
    pub fn query(&self, sparql: &str, source: &str, bindings: &[(String, Term)]) -> Result<Answer> {
        let mut query =
            spargebra::SparqlParser::new().parse_query(sparql).map_err(|e| syntax_error(source, &e.to_string()))?;
        if !bindings.is_empty() {
            let mut vars = Vec::new();
            let mut row = Vec::new();
            for (name, value) in bindings {
                vars.push(Variable::new(name.as_str()).map_err(|e| Error::new(ErrorKind::Usage, format!("--bind {name}: {e}")))?);
                row.push(Some(match value {
                    Term::NamedNode(n) => GroundTerm::NamedNode(n.clone()),
                    Term::Literal(l) => GroundTerm::Literal(l.clone()),
                    other => return Err(Error::new(ErrorKind::Usage, format!("--bind {name}: cannot bind {other}"))),
                }));
            }
            let values = GraphPattern::Values { variables: vars, bindings: vec![row] };
            match &mut query {
                spargebra::Query::Select { pattern, .. } => bind_values(pattern, values, false),
                spargebra::Query::Construct { pattern, .. }
                | spargebra::Query::Describe { pattern, .. }
                | spargebra::Query::Ask { pattern, .. } => bind_values(pattern, values, true),
            }
        }
        let mut prepared = SparqlEvaluator::new().for_query(query);
        prepared.dataset_mut().set_default_graph_as_union();
        let err = |e: oxigraph::sparql::QueryEvaluationError| Error::new(ErrorKind::Io, format!("query failed: {e}")).at_path(source);
        let results = prepared.on_store(&self.inner).execute().map_err(err)?;
        collect_answer(results, None, err)
    }
}

/// A query's results as an [`Answer`]; `err` turns an evaluation error into the caller's.
/// With `max_rows` `Some((max, too_many))`, a row (triple) beyond the first `max` fails
/// with `too_many(max)`.
fn collect_answer<E>(
    results: QueryResults,
    max_rows: Option<(usize, &dyn Fn(usize) -> E)>,
    err: impl Fn(oxigraph::sparql::QueryEvaluationError) -> E,
) -> std::result::Result<Answer, E> {
    let full = |len: usize| match max_rows {
        Some((max, too_many)) if len == max => Err(too_many(max)),
        _ => Ok(()),
    };
    Ok(match results {
        QueryResults::Boolean(b) => Answer::Boolean(b),
        QueryResults::Solutions(sol) => {
            let variables: Vec<Variable> = sol.variables().to_vec();
            let mut rows = Vec::new();
            for s in sol {
                let s = s.map_err(&err)?;
                full(rows.len())?;
                rows.push(variables.iter().map(|v| s.get(v).cloned()).collect());
            }
            Answer::Solutions { variables: variables.iter().map(|v| v.as_str().to_string()).collect(), rows }
        }
        QueryResults::Graph(triples) => {
            let mut v = Vec::new();
            for t in triples {
                let t = t.map_err(&err)?;
                full(v.len())?;
                v.push(t);
            }
            Answer::Graph(v)
        }
    })
}

/// A token that stops a running query (the SPARQL endpoint's timeout).
pub use oxigraph::sparql::CancellationToken;

/// How an endpoint query or update failed ([`Store::query_for_endpoint`]).
#[derive(Debug)]
pub enum EndpointFailure {
    /// The text is not SPARQL: `source:line:column: message`.
    Syntax(Error),
    /// The cancellation token fired (the timeout).
    Cancelled,
    /// More than the allowed number of rows (or triples).
    TooManyRows(usize),
    /// Anything else (evaluation or storage error).
    Failed(Error),
}

/// The dataset a SPARQL protocol request names (`default-graph-uri`, `named-graph-uri`);
/// both empty: the query's own FROM clauses, else the union of all graphs as the default
/// graph, as `summit query` does.
#[derive(Debug, Default, Clone)]
pub struct EndpointDataset {
    pub default_graphs: Vec<String>,
    pub named_graphs: Vec<String>,
}

fn iri(s: &str) -> std::result::Result<NamedNode, EndpointFailure> {
    NamedNode::new(s).map_err(|e| EndpointFailure::Syntax(Error::new(ErrorKind::Usage, format!("graph IRI {s:?}: {e}"))))
}

/// For the SPARQL endpoint (`summit serve`): queries with a timeout, a cap on rows, the
/// protocol's dataset; updates; whole named graphs (the Graph Store Protocol).
impl Store {
    /// The store directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs a query until `cancel` fires or more than `max_rows` rows (triples) come.
    /// The default graph is the union of all graphs unless the query (FROM) or `dataset`
    /// says otherwise. SERVICE reaches nothing outside (Oxigraph is built without its HTTP
    /// client).
    pub fn query_for_endpoint(
        &self,
        sparql: &str,
        dataset: &EndpointDataset,
        cancel: &CancellationToken,
        max_rows: usize,
    ) -> std::result::Result<Answer, EndpointFailure> {
        let query = spargebra::SparqlParser::new()
            .parse_query(sparql)
            .map_err(|e| EndpointFailure::Syntax(syntax_error("query", &e.to_string())))?;
        let mut prepared = SparqlEvaluator::new()
            .with_cancellation_token(cancel.clone())
            .for_query(query);
        if !dataset.default_graphs.is_empty() || !dataset.named_graphs.is_empty() {
            let d = prepared.dataset_mut();
            let defaults = dataset.default_graphs.iter().map(|g| iri(g).map(Into::into)).collect::<std::result::Result<_, _>>()?;
            d.set_default_graph(defaults);
            if !dataset.named_graphs.is_empty() {
                let named = dataset.named_graphs.iter().map(|g| iri(g).map(Into::into)).collect::<std::result::Result<_, _>>()?;
                d.set_available_named_graphs(named);
            }
        } else if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        let err = |e: oxigraph::sparql::QueryEvaluationError| match e {
            oxigraph::sparql::QueryEvaluationError::Cancelled => EndpointFailure::Cancelled,
            e if cancel.is_cancelled() => {
                let _ = e;
                EndpointFailure::Cancelled
            }
            e => EndpointFailure::Failed(Error::new(ErrorKind::Io, format!("query failed: {e}"))),
        };
        let results = prepared.on_store(&self.inner).execute().map_err(err)?;
        collect_answer(results, Some((max_rows, &EndpointFailure::TooManyRows)), err)
    }

    /// Runs a SPARQL update (the store must be open for writing), and builds the meetings
    /// view anew in the same transaction (an update may change any graph).
    pub fn update_for_endpoint(&self, sparql: &str, cancel: &CancellationToken) -> std::result::Result<(), EndpointFailure> {
        let update = spargebra::SparqlParser::new()
            .parse_update(sparql)
            .map_err(|e| EndpointFailure::Syntax(syntax_error("update", &e.to_string())))?;
        let failed = |e: String| {
            if cancel.is_cancelled() {
                EndpointFailure::Cancelled
            } else {
                EndpointFailure::Failed(Error::new(ErrorKind::Io, format!("update failed: {e}")))
            }
        };
        // An update may change any graph: the meetings view is built anew in the same
        // transaction, so it never disagrees with the document graphs.
        let mut t = self.inner.start_transaction().map_err(|e| failed(e.to_string()))?;
        SparqlEvaluator::new()
            .with_cancellation_token(cancel.clone())
            .for_update(update)
            .on_transaction(&mut t)
            .execute()
            .map_err(|e| failed(e.to_string()))?;
        rebuild_view_in(&mut t).map_err(|e| failed(e.to_string()))?;
        t.commit().map_err(|e| failed(e.to_string()))
    }

    /// Whether the store holds this named graph.
    pub fn has_graph(&self, graph: &str) -> Result<bool> {
        let g = NamedNodeRef::new(graph).map_err(|e| Error::new(ErrorKind::Usage, format!("graph IRI {graph:?}: {e}")))?;
        self.inner.contains_named_graph(g).map_err(|e| storage_error(&self.path, e))
    }

    /// The triples of one named graph.
    pub fn graph_triples(&self, graph: &str) -> Result<Vec<oxigraph::model::Triple>> {
        let g = NamedNodeRef::new(graph).map_err(|e| Error::new(ErrorKind::Usage, format!("graph IRI {graph:?}: {e}")))?;
        let mut v = Vec::new();
        for q in self.inner.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g))) {
            v.push(oxigraph::model::Triple::from(q.map_err(|e| storage_error(&self.path, e))?));
        }
        Ok(v)
    }

    /// Adds quads to a named graph (creating it), in one transaction.
    pub fn add_to_graph(&self, graph: &str, quads: &[Quad]) -> Result<()> {
        let g = NamedNode::new(graph).map_err(|e| Error::new(ErrorKind::Usage, format!("graph IRI {graph:?}: {e}")))?;
        let mut t = self.inner.start_transaction().map_err(|e| storage_error(&self.path, e))?;
        t.insert_named_graph(g.as_ref());
        for q in quads {
            t.insert(q);
        }
        // The graph's meetings as they are now (their type may have come in an earlier part).
        for q in view_of_graph(&t, g.as_ref()).map_err(|e| storage_error(&self.path, e))? {
            t.insert(&q);
        }
        t.insert(&rdf::meetings_view_version_quad());
        t.commit().map_err(|e| storage_error(&self.path, e))
    }

    /// Removes a named graph and its triples, in one transaction; false when it was absent.
    pub fn remove_graph(&self, graph: &str) -> Result<bool> {
        let g = NamedNode::new(graph).map_err(|e| Error::new(ErrorKind::Usage, format!("graph IRI {graph:?}: {e}")))?;
        let mut t = self.inner.start_transaction().map_err(|e| storage_error(&self.path, e))?;
        let existed = t.contains_named_graph(g.as_ref()).map_err(|e| storage_error(&self.path, e))?;
        if existed {
            let was = view_of_graph(&t, g.as_ref()).map_err(|e| storage_error(&self.path, e))?;
            t.remove_named_graph(g.as_ref()).map_err(|e| storage_error(&self.path, e))?;
            retract_from_view(&mut t, was).map_err(|e| storage_error(&self.path, e))?;
            t.insert(&rdf::meetings_view_version_quad());
            t.commit().map_err(|e| storage_error(&self.path, e))?;
        }
        Ok(existed)
    }
}

/// A bulk load in progress: see [`Store::bulk`].
pub struct Bulk<'a> {
    loader: oxigraph::store::BulkLoader<'a>,
    path: &'a Path,
}

impl Bulk<'_> {
    /// Adds graphs the store does not hold yet (nor this load); returns once their quads
    /// are handed to a loading thread (waiting for one when all are busy).
    /// Their meetings go to the meetings view in the same ingestion.
    pub fn add(&mut self, quads: impl IntoIterator<Item = Quad>) -> Result<()> {
        let quads: Vec<Quad> = quads.into_iter().collect();
        let view = rdf::meetings_view_quads(&quads);
        let marker = rdf::meetings_view_version_quad();
        self.loader.load_quads(quads.into_iter().chain(view).chain([marker])).map_err(|e| storage_error(self.path, e))
    }

    /// Ingests everything added, in one atomic step.
    pub fn commit(self) -> Result<()> {
        self.loader.commit().map_err(|e| storage_error(self.path, e))
    }
}

/// The meetings view built anew inside a transaction (see [`Store::rebuild_meetings_view`]).
fn rebuild_view_in(t: &mut oxigraph::store::Transaction<'_>) -> std::result::Result<(), oxigraph::store::StorageError> {
    let view = NamedNode::new_unchecked(rdf::MEETINGS_GRAPH);
    t.clear_graph(GraphNameRef::NamedNode(view.as_ref()))?;
    t.insert_named_graph(view.as_ref());
    let meeting = NamedNode::new_unchecked(format!("{}Meeting", rdf::SUMMIT));
    let reports: Vec<Quad> = t
        .quads_for_pattern(None, Some(oxigraph::model::vocab::rdf::TYPE), Some(meeting.as_ref().into()), None)
        .collect::<std::result::Result<_, _>>()?;
    for r in reports {
        let oxigraph::model::GraphName::NamedNode(g) = &r.graph_name else { continue };
        if g.as_str() == rdf::MEETINGS_GRAPH || g.as_str() == rdf::GAZETTEER_GRAPH {
            continue;
        }
        let facts: Vec<Quad> = t
            .quads_for_pattern(Some(r.subject.as_ref()), None, None, Some(r.graph_name.as_ref()))
            .collect::<std::result::Result<_, _>>()?;
        for q in rdf::meetings_view_quads(&facts) {
            t.insert(&q);
        }
    }
    t.insert(&rdf::meetings_view_version_quad());
    Ok(())
}

/// What a stored graph gives the meetings view (the quads about its meetings, in the view
/// graph); nothing for the view and gazetteer graphs themselves.
fn view_of_graph(t: &oxigraph::store::Transaction<'_>, g: NamedNodeRef<'_>) -> std::result::Result<Vec<Quad>, oxigraph::store::StorageError> {
    if g.as_str() == rdf::MEETINGS_GRAPH || g.as_str() == rdf::GAZETTEER_GRAPH {
        return Ok(Vec::new());
    }
    let graph = GraphNameRef::NamedNode(g);
    let meeting = NamedNode::new_unchecked(format!("{}Meeting", rdf::SUMMIT));
    let mut facts = Vec::new();
    for m in t.quads_for_pattern(None, Some(oxigraph::model::vocab::rdf::TYPE), Some(meeting.as_ref().into()), Some(graph)) {
        let m = m?;
        for q in t.quads_for_pattern(Some(m.subject.as_ref()), None, None, Some(graph)) {
            facts.push(q?);
        }
    }
    Ok(rdf::meetings_view_quads(&facts))
}

/// Takes out of the view each of `was` (view quads some graphs said before this
/// transaction changed them) that no graph but the view says any more. One index probe
/// each: the first other graph found saying it keeps it.
fn retract_from_view(t: &mut oxigraph::store::Transaction<'_>, mut was: Vec<Quad>) -> std::result::Result<(), oxigraph::store::StorageError> {
    was.sort_by_cached_key(|q| q.to_string());
    was.dedup();
    for q in was {
        let mut said = false;
        for other in t.quads_for_pattern(Some(q.subject.as_ref()), Some(q.predicate.as_ref()), Some(q.object.as_ref()), None) {
            let other = other?;
            if matches!(&other.graph_name, oxigraph::model::GraphName::NamedNode(n) if n.as_str() != rdf::MEETINGS_GRAPH) {
                said = true;
                break;
            }
        }
        if !said {
            t.remove(&q);
        }
    }
    Ok(())
}

/// Binds variables the way a prepared statement does: a one-row VALUES block joined at
/// the very start of the query's top-level group (the leftmost operand), so every BIND,
/// FILTER and OPTIONAL after it sees the value (`FILTER(!BOUND(?name) || ...)`,
/// `COALESCE(?date, ...)`). Values are RDF terms, never text pasted into the query.
/// A subquery in that leftmost place is joined with the values as a whole, not entered:
/// inside it a variable it does not project would be bound and the value lost.
/// `below_projection`: the query's own projection is behind (false for a SELECT, whose
/// pattern starts with it; true for the other forms, which have none).
fn bind_values(pattern: &mut GraphPattern, values: GraphPattern, below_projection: bool) {
    match pattern {
        GraphPattern::Project { inner, .. } if !below_projection => bind_values(inner, values, true),
        GraphPattern::Slice { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Group { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::Filter { inner, .. }
        | GraphPattern::Graph { inner, .. } => bind_values(inner, values, below_projection),
        GraphPattern::Join { left, .. }
        | GraphPattern::LeftJoin { left, .. }
        | GraphPattern::Lateral { left, .. }
        | GraphPattern::Minus { left, .. } => bind_values(left, values, below_projection),
        other => {
            let old = std::mem::replace(other, GraphPattern::Bgp { patterns: Vec::new() });
            *other = GraphPattern::Join { left: Box::new(values), right: Box::new(old) };
        }
    }
}

/// A value given on the command line for a query variable: `<iri>` or an `http(s)://`
/// IRI, an ISO date (typed `xsd:date`), an integer, else a plain string.
pub fn parse_binding(value: &str) -> Term {
    let v = value.trim();
    if let Some(inner) = v.strip_prefix('<').and_then(|s| s.strip_suffix('>'))
        && let Ok(n) = NamedNode::new(inner)
    {
        return n.into();
    }
    if (v.starts_with("http://") || v.starts_with("https://"))
        && let Ok(n) = NamedNode::new(v)
    {
        return n.into();
    }
    if chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok() {
        return Literal::new_typed_literal(v, oxigraph::model::vocab::xsd::DATE).into();
    }
    if v.parse::<i64>().is_ok() {
        return Literal::new_typed_literal(v, oxigraph::model::vocab::xsd::INTEGER).into();
    }
    Literal::new_simple_literal(v).into()
}

/// A SPARQL syntax error as `source:line:column: message`.
fn syntax_error(source: &str, msg: &str) -> Error {
    // The parser reports "error at LINE:COLUMN: expected ...".
    if let Some(rest) = msg.strip_prefix("error at ")
        && let Some((pos, detail)) = rest.split_once(": ")
        && let Some((l, c)) = pos.split_once(':')
        && let (Ok(l), Ok(c)) = (l.parse(), c.parse())
    {
        return Error::new(ErrorKind::Parse, format!("SPARQL syntax error: {detail}")).at_path(source).at_line(l).at_column(c);
    }
    Error::new(ErrorKind::Parse, format!("SPARQL syntax error: {msg}")).at_path(source)
}
