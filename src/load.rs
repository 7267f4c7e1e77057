//! Loading: the worker pool behind `summit extract` and `summit load`, and the batching
//! of document graphs into the store.
//!
//! **Input**: paths ([`Inputs`]: files, directories, `-`), a [`Pipeline`], a [`Store`].
//! **Output**: each document's result handed on in input order ([`each_worked`]); for
//! [`load_documents`], the store holding every document's graph and the counts
//! ([`Loaded`]). Bad inputs and progress go to a [`Watch`] the caller gives (the binary
//! prints them; the library never prints).
//!
//! **Invariants**: the same bytes whatever the number of threads (results are handed on
//! in input order); flat memory (a bounded queue, chunks of at most [`CHUNK_DOCS`]
//! documents or [`CHUNK_BYTES`] bytes); a stream is worked on as it arrives; a load
//! killed midway leaves whole documents only (each commit holds all of its documents or
//! none).

use crate::document::Document;
use crate::error::{Error, ErrorKind, Result};
use crate::extract::{Options, Pipeline};
use crate::rdf;
use crate::read::{self, ReadOptions};
use crate::store::Store;
use oxigraph::model::Quad;
use std::sync::atomic::{AtomicU64, Ordering};

/// What to read: paths (files, directories read recursively, `-` for standard input),
/// whether invalid UTF-8 is replaced, and how many threads work (all cores when `None`
/// or 0).
#[derive(Clone, Copy, Debug)]
pub struct Inputs<'a> {
    pub paths: &'a [String],
    pub lossy: bool,
    pub jobs: Option<usize>,
}

/// Told what a run meets, for the caller to show: the binary prints bad inputs on
/// standard error and draws a progress bar. Clones go to the reader thread.
pub trait Watch: Clone + Send + 'static {
    /// A bad input (unreadable, empty, binary, a bad JSONL line): skipped, the run goes on.
    fn bad_input(&self, e: &Error);
    /// `read` bytes of the inputs read so far, `done` documents handed on.
    fn progress(&self, _read: u64, _done: usize) {}
    /// The run is over.
    fn finish(&self) {}
}

/// A [`Watch`] that keeps nothing (bad inputs are still counted in the result).
#[derive(Clone, Copy, Debug, Default)]
pub struct Quiet;

impl Watch for Quiet {
    fn bad_input(&self, _e: &Error) {}
}

/// Reads every input, hands bad ones to `watch` and good documents to `f`. Returns how
/// many inputs were bad; stops at the first error `f` returns.
fn each_document<W: Watch>(
    (inputs, errors): (Vec<read::Input>, Vec<Error>),
    lossy: bool,
    read_bytes: &AtomicU64,
    watch: &W,
    mut f: impl FnMut(Document) -> Result<()>,
) -> Result<usize> {
    for e in &errors {
        watch.bad_input(e);
    }
    let mut bad = errors.len();
    let mut failed: Option<Error> = None;
    for input in &inputs {
        read::read_input_counted(input, ReadOptions { lossy }, read_bytes, &mut |r| {
            if failed.is_some() {
                return;
            }
            match r {
                Ok(doc) => {
                    if let Err(e) = f(doc) {
                        failed = Some(e);
                    }
                }
                Err(e) => {
                    watch.bad_input(&e);
                    bad += 1;
                }
            }
        });
        if let Some(e) = failed.take() {
            return Err(e);
        }
    }
    Ok(bad)
}

/// Documents held in memory at once: a chunk is read, worked on by every thread, then
/// handed on in input order, so memory stays flat however big the corpus is.
pub const CHUNK_DOCS: usize = 2048;
const CHUNK_BYTES: usize = 8 << 20;

/// Documents read ahead of the workers wait in a queue of at most this many documents
/// and [`CHUNK_BYTES`] bytes.
const QUEUE_DOCS: usize = 1024;

/// How much the reader thread has queued, and whether the workers stopped listening.
#[derive(Default)]
struct Gate {
    state: std::sync::Mutex<(usize, bool)>,
    changed: std::sync::Condvar,
}

/// Documents committed together: graphs new to the store go in with the bulk loader (one
/// atomic ingestion per batch), graphs it already holds (or this run loaded before) are
/// replaced in one transaction. Either way a load killed midway leaves whole documents
/// only: each commit holds all of its documents or none.
const LOAD_BATCH_QUADS: usize = 250_000;
/// A transaction holds its writes in memory, indexed: smaller batches for replacements.
const REPLACE_BATCH_QUADS: usize = 50_000;
/// New graphs ingested at once (the bulk loader's files wait on disk until then).
const BULK_COMMIT_QUADS: usize = 2_000_000;

/// Document graphs: (graph IRI, its quads).
pub type Graphs = Vec<(String, Vec<Quad>)>;

/// What [`load_documents`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    /// Documents loaded.
    pub documents: usize,
    /// Meeting reports among them.
    pub meetings: usize,
    /// Quads written.
    pub quads: usize,
    /// Bad inputs skipped.
    pub bad: usize,
    /// What the extractor noted, by the document's source (a sentence read in pieces).
    pub notes: Vec<(String, String)>,
}

/// Extracts the documents of `input` on the worker pool and loads each one's graph into
/// `store`: graphs new to the store by the bulk loader (one atomic ingestion per batch),
/// graphs it already holds (or this run loaded before) replaced in one transaction per
/// batch. `start` makes the [`Watch`] from the inputs' total size (`None` for stdin).
pub fn load_documents<W: Watch>(
    store: &Store,
    pipeline: &Pipeline,
    opts: &Options,
    mentions: bool,
    input: &Inputs,
    start: impl FnOnce(Option<u64>) -> W,
) -> Result<Loaded> {
    let (mut docs, mut quads, mut meetings) = (0usize, 0usize, 0usize);
    let (mut fresh, mut again): (Graphs, Graphs) = (Vec::new(), Vec::new());
    let (mut pending, mut pending_again) = (0usize, 0usize);
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut last_source = String::new();
    fn view(v: &Graphs) -> Vec<(&str, &[Quad])> {
        v.iter().map(|(g, q)| (g.as_str(), q.as_slice())).collect()
    }
    // New graphs go to a bulk load that sorts them on background threads while the
    // next documents are extracted; it is committed (one atomic ingestion) every
    // BULK_COMMIT_QUADS, before any replacement (which may name a graph it holds) and
    // at the end.
    let mut bulk: Option<crate::store::Bulk<'_>> = None;
    let mut in_bulk = 0usize;
    // Returns whether the bulk load was committed: its graphs are then in the store, and
    // `seen` (graphs of this run the store may not show yet) can start afresh, so that
    // it holds one batch's ids, not the whole run's (memory flat over a long load).
    let mut commit = |fresh: &mut Graphs, again: &mut Graphs, source: &str, end: bool| -> Result<bool> {
        let at = |e: Error| Error { path: Some(source.to_string()), ..e };
        if !fresh.is_empty() {
            in_bulk += fresh.iter().map(|(_, q)| q.len()).sum::<usize>();
            bulk.get_or_insert_with(|| store.bulk()).add(fresh.drain(..).flat_map(|(_, q)| q)).map_err(at)?;
        }
        let mut committed = false;
        if (end || !again.is_empty() || in_bulk >= BULK_COMMIT_QUADS)
            && let Some(b) = bulk.take()
        {
            b.commit().map_err(at)?;
            in_bulk = 0;
            committed = true;
        }
        if !again.is_empty() {
            store.replace_graphs(&view(again)).map_err(at)?;
            again.clear();
        }
        Ok(committed)
    };
    let work = |doc: &Document| {
        let x = pipeline.extract(doc, opts);
        let q = rdf::quads_with(&x, &pipeline.gazetteer, mentions);
        (rdf::doc_iri(&x.doc), q, x.events.len(), x.notes)
    };
    let mut notes = Vec::new();
    let bad = each_worked(input, start, work, |doc, (graph, q, events, noted), _| {
        notes.extend(noted.into_iter().map(|n| (doc.source.clone(), n)));
        docs += 1;
        quads += q.len();
        meetings += events;
        pending += q.len();
        if seen.contains(&graph) || store.contains_graph(&graph)? {
            pending_again += q.len();
            again.push((graph, q));
        } else {
            seen.insert(graph.clone());
            fresh.push((graph, q));
        }
        last_source = doc.source;
        if pending >= LOAD_BATCH_QUADS || pending_again >= REPLACE_BATCH_QUADS {
            (pending, pending_again) = (0, 0);
            if commit(&mut fresh, &mut again, &last_source, false)? {
                seen.clear();
            }
        }
        Ok(())
    })?;
    commit(&mut fresh, &mut again, &last_source, true)?;
    Ok(Loaded { documents: docs, meetings, quads, bad, notes })
}

/// Quads of `.nq` graphs written to the store in one commit: graphs new to the store go
/// to the bulk loader (big commits are cheap), others are replaced in a transaction
/// (held in memory: smaller).
const NQ_BATCH_QUADS: usize = 500_000;
const NQ_REPLACE_QUADS: usize = 50_000;

/// Document graphs from `.nq` files (`extract --format nq` output) into the store, in
/// batches: each graph replaces what the store held for it (bulk-loaded when new to the
/// store, else replaced in a transaction); a graph met again in the same run (a file
/// that splits it, or repeats it) is added to. A batch is committed whole or not at all.
pub struct GraphBatches<'s> {
    store: &'s Store,
    batch: Graphs,
    batch_quads: usize,
    replace_quads: usize,
    /// Graphs this run wrote.
    done: std::collections::HashSet<String>,
}

impl<'s> GraphBatches<'s> {
    pub fn new(store: &'s Store) -> GraphBatches<'s> {
        GraphBatches { store, batch: Vec::new(), batch_quads: 0, replace_quads: 0, done: Default::default() }
    }

    /// Adds a graph's quads read from `source`; commits the batch when it is full.
    pub fn add(&mut self, graph: String, q: Vec<Quad>, source: &str) -> Result<()> {
        if let Some(i) = self.batch.iter().position(|(g, _)| *g == graph) {
            self.batch[i].1.extend(q); // the same graph twice in one batch: one entry
        } else {
            self.batch_quads += q.len();
            if self.done.contains(&graph) || self.store.contains_graph(&graph)? {
                self.replace_quads += q.len();
            }
            self.batch.push((graph, q));
        }
        if self.batch_quads >= NQ_BATCH_QUADS || self.replace_quads >= NQ_REPLACE_QUADS {
            self.flush(source)?;
        }
        Ok(())
    }

    /// Commits what the batch holds (errors name `source`).
    pub fn flush(&mut self, source: &str) -> Result<()> {
        (self.batch_quads, self.replace_quads) = (0, 0);
        let store = self.store;
        let at = |e: Error| Error { path: Some(source.to_string()), ..e };
        let (mut fresh, mut again, mut more) = (Vec::new(), Vec::new(), Vec::new());
        for (g, q) in self.batch.iter() {
            if self.done.contains(g) {
                more.push((g.as_str(), q.as_slice()));
            } else if store.contains_graph(g).map_err(at)? {
                again.push((g.as_str(), q.as_slice()));
            } else {
                fresh.push((g.as_str(), q.as_slice()));
            }
        }
        if !fresh.is_empty() {
            store.add_new_graphs(&fresh).map_err(at)?;
        }
        if !again.is_empty() {
            store.replace_graphs(&again).map_err(at)?;
        }
        for (g, q) in more {
            store.add_to_graph(g, q).map_err(at)?;
        }
        self.done.extend(self.batch.drain(..).map(|(g, _)| g));
        Ok(())
    }
}

/// Reads the inputs as [`each_document`] does, runs `work` on the documents on
/// `input.jobs` threads (all cores when `None` or 0) and hands `(document, result, last of its chunk)` to `sink` in input
/// order, so the output is the same bytes whatever the number of threads.
///
/// A thread reads documents into a bounded queue; a chunk is whatever the queue holds
/// (up to [`CHUNK_DOCS`] / [`CHUNK_BYTES`]) once a document is there, so a stream (stdin
/// under Spark's `RDD.pipe`, Hadoop Streaming, GNU parallel) is worked on as it arrives,
/// not when it closes, and a fast reader still fills whole chunks for the threads.
pub fn each_worked<T: Send, W: Watch>(
    input: &Inputs,
    start: impl FnOnce(Option<u64>) -> W,
    work: impl Fn(&Document) -> T + Sync,
    mut sink: impl FnMut(Document, T, bool) -> Result<()>,
) -> Result<usize> {
    let pool = pool(input.jobs)?;
    let gate = std::sync::Arc::new(Gate::default());
    // Each document goes with how much of the inputs was read when it was (the progress
    // shown is that of the documents done, not of the reader ahead of them).
    let (tx, rx) = std::sync::mpsc::sync_channel::<(Document, u64)>(QUEUE_DOCS);
    // On a terminal: documents, bytes read of the inputs' total, rate, time left.
    let inputs = read::expand(input.paths);
    let total = inputs.0.iter().try_fold(0u64, |t, i| match i {
        read::Input::File(p) => Some(t + std::fs::metadata(p).map_or(0, |m| m.len())),
        read::Input::Stdin => None,
    });
    let watch = start(total);
    let read_bytes = std::sync::Arc::new(AtomicU64::new(0));
    let reader = spawn_reader(inputs, input.lossy, &gate, &watch, &read_bytes, tx);
    let take = |doc: &Document| {
        if let Ok(mut st) = gate.state.lock() {
            st.0 = st.0.saturating_sub(doc.original.len());
            gate.changed.notify_all();
        }
    };
    let mut chunk: Vec<Document> = Vec::new();
    let (mut done, mut read) = (0usize, 0u64);
    let mut consume = || -> Result<()> {
        while let Ok((first, mark)) = rx.recv() {
            take(&first);
            let mut bytes = first.original.len();
            chunk.push(first);
            read = mark;
            while chunk.len() < CHUNK_DOCS && bytes < CHUNK_BYTES {
                let Ok((doc, mark)) = rx.try_recv() else { break };
                take(&doc);
                bytes += doc.original.len();
                chunk.push(doc);
                read = mark;
            }
            let results: Vec<T> = match &pool {
                Some(pool) => {
                    use rayon::prelude::*;
                    pool.install(|| chunk.par_iter().with_max_len(1).map(&work).collect())
                }
                None => chunk.iter().map(&work).collect(),
            };
            let n = chunk.len();
            for (i, (doc, r)) in chunk.drain(..).zip(results).enumerate() {
                sink(doc, r, i + 1 == n)?;
            }
            done += n;
            watch.progress(read, done);
        }
        Ok(())
    };
    let outcome = consume();
    watch.finish();
    if let Err(e) = outcome {
        // Tell the reader to stop (it may be waiting for room in the queue); a reader
        // blocked on stdin is left behind: the process is about to exit.
        if let Ok(mut st) = gate.state.lock() {
            st.1 = true;
            gate.changed.notify_all();
        }
        drop(rx);
        return Err(e);
    }
    drop(rx);
    reader.join().map_err(|_| Error::new(ErrorKind::Io, "the reader thread panicked"))?
}


/// The threads `jobs` asks for (all cores for `None` or 0): a pool, or none for one.
fn pool(jobs: Option<usize>) -> Result<Option<rayon::ThreadPool>> {
    let jobs = match jobs {
        None | Some(0) => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(n) => n,
    };
    if jobs < 2 {
        return Ok(None);
    }
    rayon::ThreadPoolBuilder::new().num_threads(jobs).build().map(Some).map_err(|e| Error::new(ErrorKind::Io, e.to_string()))
}

/// The reader thread: documents into the queue `tx` while it holds less than
/// [`CHUNK_BYTES`], each with how much of the inputs was read when it was; stops when
/// the workers do (the gate's flag).
fn spawn_reader<W: Watch>(
    inputs: (Vec<read::Input>, Vec<Error>),
    lossy: bool,
    gate: &std::sync::Arc<Gate>,
    watch: &W,
    read_bytes: &std::sync::Arc<AtomicU64>,
    tx: std::sync::mpsc::SyncSender<(Document, u64)>,
) -> std::thread::JoinHandle<Result<usize>> {
    let (gate, watch, read_bytes) = (gate.clone(), watch.clone(), read_bytes.clone());
    std::thread::spawn(move || {
        each_document(inputs, lossy, &read_bytes, &watch, |doc| {
            let stopped = || Error::new(ErrorKind::Io, "stopped");
            let mut st = gate.state.lock().map_err(|_| stopped())?;
            while st.0 >= CHUNK_BYTES && !st.1 {
                st = gate.changed.wait(st).map_err(|_| stopped())?;
            }
            if st.1 {
                return Err(stopped());
            }
            st.0 += doc.original.len();
            drop(st);
            tx.send((doc, read_bytes.load(Ordering::Relaxed))).map_err(|_| stopped())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// A [`Watch`] that keeps what it is told.
    #[derive(Clone, Default)]
    struct Keep {
        bad: Arc<Mutex<Vec<String>>>,
        done: Arc<Mutex<usize>>,
    }

    impl Watch for Keep {
        fn bad_input(&self, e: &Error) {
            self.bad.lock().unwrap().push(e.to_string());
        }
        fn progress(&self, _read: u64, done: usize) {
            *self.done.lock().unwrap() = done;
        }
    }

    /// A folder of `n` short articles (`a000.txt`, …) and one empty file.
    fn corpus(n: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..n {
            let text = format!("Wang Yi met Sergey Lavrov in Beijing on Tuesday. Article {i}.\n");
            std::fs::write(dir.path().join(format!("a{i:03}.txt")), text).unwrap();
        }
        std::fs::write(dir.path().join("empty.txt"), "").unwrap();
        dir
    }

    #[test]
    fn results_come_in_input_order_whatever_the_threads_and_bad_inputs_are_told() {
        let dir = corpus(40);
        let paths = vec![dir.path().display().to_string()];
        let mut runs = Vec::new();
        for jobs in [1, 3] {
            let input = Inputs { paths: &paths, lossy: false, jobs: Some(jobs) };
            let watch = Keep::default();
            let (kept, mut total) = (watch.clone(), None);
            let mut seen = Vec::new();
            let bad = each_worked(
                &input,
                |t| {
                    total = t;
                    watch
                },
                |d: &Document| d.text.len(),
                |d, n, _| {
                    seen.push((d.id, n));
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(bad, 1, "the empty file");
            assert_eq!(kept.bad.lock().unwrap().len(), 1);
            assert!(kept.bad.lock().unwrap()[0].contains("empty.txt"), "{:?}", kept.bad);
            assert_eq!(*kept.done.lock().unwrap(), 40);
            assert!(total.is_some_and(|t| t > 40 * 50), "{total:?}");
            assert_eq!(seen.len(), 40);
            runs.push(seen);
        }
        assert_eq!(runs[0], runs[1]);
        assert_eq!(runs[0][0].0, "a000");
        assert_eq!(runs[0][39].0, "a039");
    }

    #[test]
    fn a_sink_error_stops_the_run() {
        let dir = corpus(10);
        let paths = vec![dir.path().display().to_string()];
        let input = Inputs { paths: &paths, lossy: false, jobs: Some(2) };
        let mut n = 0;
        let e = each_worked(&input, |_| Quiet, |_: &Document| (), |_, _, _| {
            n += 1;
            if n == 3 { Err(Error::new(ErrorKind::Io, "disk full")) } else { Ok(()) }
        })
        .unwrap_err();
        assert_eq!(e.message, "disk full");
        assert_eq!(n, 3);
    }

    #[test]
    fn loading_again_replaces_each_document() {
        let dir = corpus(5);
        let paths = vec![dir.path().display().to_string()];
        let input = Inputs { paths: &paths, lossy: false, jobs: Some(2) };
        let pipeline = Pipeline::from_pack(None, None, None).unwrap();
        let opts = Options::default();
        let store_dir = tempfile::tempdir().unwrap();
        let store = Store::open(store_dir.path()).unwrap();
        let first = load_documents(&store, &pipeline, &opts, false, &input, |_| Quiet).unwrap();
        assert_eq!((first.documents, first.meetings, first.bad), (5, 5, 1));
        assert!(first.quads > 0);
        let len = store.len().unwrap();
        // The documents' graphs, and the meetings view made from them (issue 18).
        let view = store.graph_len(crate::rdf::MEETINGS_GRAPH).unwrap();
        assert!(view > 0, "the view holds the meetings");
        assert_eq!(len, first.quads + view, "one graph per document and the view, nothing else");
        let again = load_documents(&store, &pipeline, &opts, false, &input, |_| Quiet).unwrap();
        assert_eq!(again, first);
        assert_eq!(store.len().unwrap(), len, "replaced, not added to");
    }
}
