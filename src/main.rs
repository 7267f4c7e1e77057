//! The `summit` binary: parses arguments, runs, prints one error, picks the exit code
//! (0 ok, 1 findings or failed checks, 2 usage or I/O error).

use clap::Parser;
use std::io::{BufWriter, Write};
use std::process::ExitCode;
use summit::cli::{Cli, Command, ExtractArgs, Format, LoadArgs, QueryArgs};
use summit::extract::{Options, Pipeline};
use summit::read::{self, ReadOptions};
use summit::{Document, Error, ErrorKind};

mod progress;
use progress::Progress;
use std::sync::atomic::{AtomicU64, Ordering};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if e.kind == ErrorKind::Io && e.message.contains("Broken pipe") {
                return ExitCode::SUCCESS;
            }
            eprintln!("summit: {e}");
            ExitCode::from(2)
        }
    }
}

fn parse_date(s: &str, flag: &str) -> Result<chrono::NaiveDate, Error> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| Error::new(ErrorKind::Usage, format!("{flag} {s:?} is not a date of the form YYYY-MM-DD")))
}

fn options(date: &Option<String>, today: &Option<String>) -> Result<Options, Error> {
    let mut opts = Options::default();
    if let Some(d) = date {
        opts.date = Some(parse_date(d, "--date")?);
    }
    if let Some(d) = today {
        opts.today = parse_date(d, "--today")?;
    }
    Ok(opts)
}

fn io(e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, e.to_string())
}

fn run(cli: Cli) -> Result<u8, Error> {
    match cli.command {
        Command::Eval(a) => eval(a),
        Command::Export(a) => export(a),
        Command::Extract(a) => extract(a),
        Command::Load(a) => load(a),
        Command::Query(a) => query(a),
        Command::Remove(a) => remove(a),
        Command::Serve(a) => summit::serve::run(&a),
        Command::Gazetteer(summit::cli::GazetteerCommand::Import(a)) => gazetteer_import(a),
        Command::Gazetteer(summit::cli::GazetteerCommand::Graph(a)) => gazetteer_graph(a),
        Command::CheckRules(d) => {
            let p = pipeline(&d)?;
            let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
            let (n, mut failures) = summit::check::check_rules(&p, today);
            let (m, lexicon_failures) = summit::check::check_lexicon(&p, today);
            failures.extend(lexicon_failures);
            let n = n + m;
            for f in &failures {
                println!("FAIL {f}");
            }
            println!("{} passed, {} failed", n - failures.len(), failures.len());
            Ok(if failures.is_empty() { 0 } else { 1 })
        }
    }
}

/// Where the gazetteers came from, for messages.
fn gazetteer_label(d: &summit::cli::DataArgs) -> String {
    d.gazetteers.as_ref().map_or_else(|| "the built-in gazetteers".to_string(), |p| p.display().to_string())
}

/// The pack: built in, each part replaced by its directory where one is given.
fn pipeline(d: &summit::cli::DataArgs) -> Result<Pipeline, Error> {
    Pipeline::from_pack(d.gazetteers.as_deref(), d.rules.as_deref(), d.lexicon.as_deref())
}

/// Reads every input, reports bad ones on stderr and hands good documents to `f`.
/// Returns how many inputs were bad; stops at the first error `f` returns.
fn each_document(
    (inputs, errors): (Vec<read::Input>, Vec<Error>),
    lossy: bool,
    read_bytes: &AtomicU64,
    progress: &Progress,
    mut f: impl FnMut(Document) -> Result<(), Error>,
) -> Result<usize, Error> {
    for e in &errors {
        progress.note(|| eprintln!("summit: {e}"));
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
                    progress.note(|| eprintln!("summit: {e}"));
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
const CHUNK_DOCS: usize = 2048;
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

/// Like [`each_document`], but runs `work` on the documents on `jobs` threads (all cores
/// when `None` or 0) and hands `(document, result, last of its chunk)` to `sink` in input
/// order, so the output is the same bytes whatever the number of threads.
///
/// A thread reads documents into a bounded queue; a chunk is whatever the queue holds
/// (up to [`CHUNK_DOCS`] / [`CHUNK_BYTES`]) once a document is there, so a stream (stdin
/// under Spark's `RDD.pipe`, Hadoop Streaming, GNU parallel) is worked on as it arrives,
/// not when it closes, and a fast reader still fills whole chunks for the threads.
fn each_worked<T: Send>(
    input: &summit::cli::InputArgs,
    work: impl Fn(&Document) -> T + Sync,
    mut sink: impl FnMut(Document, T, bool) -> Result<(), Error>,
) -> Result<usize, Error> {
    let jobs = match input.jobs {
        None | Some(0) => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(n) => n,
    };
    let pool = if jobs > 1 {
        Some(rayon::ThreadPoolBuilder::new().num_threads(jobs).build().map_err(|e| Error::new(ErrorKind::Io, e.to_string()))?)
    } else {
        None
    };
    let gate = std::sync::Arc::new(Gate::default());
    // Each document goes with how much of the inputs was read when it was (the progress
    // shown is that of the documents done, not of the reader ahead of them).
    let (tx, rx) = std::sync::mpsc::sync_channel::<(Document, u64)>(QUEUE_DOCS);
    // On a terminal: documents, bytes read of the inputs' total, rate, time left.
    let inputs = read::expand(&input.paths);
    let total = inputs.0.iter().try_fold(0u64, |t, i| match i {
        read::Input::File(p) => Some(t + std::fs::metadata(p).map_or(0, |m| m.len())),
        read::Input::Stdin => None,
    });
    let progress = Progress::start(total);
    let read_bytes = std::sync::Arc::new(AtomicU64::new(0));
    let reader = {
        let (lossy, gate, progress, read_bytes) = (input.lossy, gate.clone(), progress.clone(), read_bytes.clone());
        std::thread::spawn(move || {
            each_document(inputs, lossy, &read_bytes, &progress, |doc| {
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
    };
    let take = |doc: &Document| {
        if let Ok(mut st) = gate.state.lock() {
            st.0 = st.0.saturating_sub(doc.original.len());
            gate.changed.notify_all();
        }
    };
    let mut chunk: Vec<Document> = Vec::new();
    let (mut done, mut read) = (0usize, 0u64);
    let mut consume = || -> Result<(), Error> {
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
            progress.update(read, done);
        }
        Ok(())
    };
    let outcome = consume();
    progress.finish();
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

fn extract(a: ExtractArgs) -> Result<u8, Error> {
    let opts = options(&a.input.date, &a.input.today)?;
    let pipeline = pipeline(&a.input.data)?;
    let tmp = a.output.as_ref().map(|o| o.with_extension("partial"));
    let mut out: Box<dyn Write> = match &tmp {
        Some(t) => Box::new(BufWriter::with_capacity(256 << 10, std::fs::File::create(t).map_err(|e| Error::io(t.display().to_string(), &e))?)),
        None => Box::new(BufWriter::with_capacity(256 << 10, std::io::stdout().lock())),
    };
    let mut table = summit::output::Table::default();
    let mut written = 0usize;
    // Each thread extracts and serialises its documents; the sink writes them in order.
    let work = |doc: &Document| -> Result<(Vec<u8>, Option<summit::extract::Extraction>), Error> {
        let x = pipeline.extract(doc, &opts);
        let mut buf = Vec::with_capacity(doc.text.len() * 4 + 1024);
        let syntax = match a.format {
            Format::Jsonl => {
                summit::output::write_jsonl(&x, &mut buf).map_err(io)?;
                return Ok((buf, None));
            }
            Format::Table => return Ok((buf, Some(x))),
            Format::Ttl => summit::rdf::Syntax::Turtle,
            Format::Nt => summit::rdf::Syntax::NTriples,
            Format::Nq => summit::rdf::Syntax::NQuads,
        };
        summit::rdf::write(&summit::rdf::quads_with(&x, &pipeline.gazetteer, a.input.mentions), syntax, &mut buf).map_err(io)?;
        Ok((buf, None))
    };
    let bad = each_worked(&a.input, work, |_, r, last| {
        let (bytes, x) = r?;
        if let Some(x) = x {
            table.add(&x);
            return Ok(());
        }
        out.write_all(&bytes).map_err(io)?;
        written += 1;
        // Out at the end of each chunk: a stream's quads follow its documents as they come.
        if last || written % CHUNK_DOCS == 0 {
            out.flush().map_err(io)?;
        }
        Ok(())
    })?;
    if a.format == Format::Table {
        table.write(&mut out).map_err(io)?;
    }
    out.flush().map_err(io)?;
    drop(out);
    if let (Some(t), Some(o)) = (&tmp, &a.output) {
        std::fs::rename(t, o).map_err(|e| Error::io(o.display().to_string(), &e))?;
    }
    Ok(if bad == 0 { 0 } else { 2 })
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

type Graphs = Vec<(String, Vec<oxigraph::model::Quad>)>;

fn load(a: LoadArgs) -> Result<u8, Error> {
    let nq = summit::graphs::nquads_in(&a.input.paths);
    if a.endpoint.is_some() || !nq.is_empty() {
        return load_graphs(a, nq);
    }
    load_documents(a)
}

/// `load` of documents into the embedded store.
fn load_documents(a: LoadArgs) -> Result<u8, Error> {
    let opts = options(&a.input.date, &a.input.today)?;
    let pipeline = pipeline(&a.input.data)?;
    let store = summit::store::Store::open(&a.store)?;
    ensure_gazetteer_graph(&store, &pipeline.gazetteer)?;
    let (mut docs, mut quads, mut meetings) = (0usize, 0usize, 0usize);
    let (mut fresh, mut again): (Graphs, Graphs) = (Vec::new(), Vec::new());
    let (mut pending, mut pending_again) = (0usize, 0usize);
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut last_source = String::new();
    fn view(v: &Graphs) -> Vec<(&str, &[oxigraph::model::Quad])> {
        v.iter().map(|(g, q)| (g.as_str(), q.as_slice())).collect()
    }
    // New graphs go to a bulk load that sorts them on background threads while the
    // next documents are extracted; it is committed (one atomic ingestion) every
    // BULK_COMMIT_QUADS, before any replacement (which may name a graph it holds) and
    // at the end.
    let mut bulk: Option<summit::store::Bulk<'_>> = None;
    let mut in_bulk = 0usize;
    let mut commit = |fresh: &mut Graphs, again: &mut Graphs, source: &str, end: bool| -> Result<(), Error> {
        let at = |e: Error| Error { path: Some(source.to_string()), ..e };
        if !fresh.is_empty() {
            in_bulk += fresh.iter().map(|(_, q)| q.len()).sum::<usize>();
            bulk.get_or_insert_with(|| store.bulk()).add(fresh.drain(..).flat_map(|(_, q)| q)).map_err(at)?;
        }
        if (end || !again.is_empty() || in_bulk >= BULK_COMMIT_QUADS)
            && let Some(b) = bulk.take()
        {
            b.commit().map_err(at)?;
            in_bulk = 0;
        }
        if !again.is_empty() {
            store.replace_graphs(&view(again)).map_err(at)?;
            again.clear();
        }
        Ok(())
    };
    let work = |doc: &Document| {
        let x = pipeline.extract(doc, &opts);
        let q = summit::rdf::quads_with(&x, &pipeline.gazetteer, a.input.mentions);
        (summit::rdf::doc_iri(&x.doc), q, x.events.len())
    };
    let bad = each_worked(&a.input, work, |doc, (graph, q, events), _| {
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
            commit(&mut fresh, &mut again, &last_source, false)?;
        }
        Ok(())
    })?;
    commit(&mut fresh, &mut again, &last_source, true)?;
    eprintln!(
        "summit: loaded {docs} document(s), {meetings} meeting report(s), {quads} quads into {} ({} quads in the store)",
        a.store.display(),
        store.len()?
    );
    Ok(if bad == 0 { 0 } else { 2 })
}

/// Quads of `.nq` graphs written to the store in one commit: graphs new to the store go
/// to the bulk loader (big commits are cheap), others are replaced in a transaction
/// (held in memory: smaller).
const NQ_BATCH_QUADS: usize = 500_000;
const NQ_REPLACE_QUADS: usize = 50_000;

/// `load` with `.nq` files among its inputs, or with `--endpoint`. Documents are extracted
/// as `load` does; a `.nq` file (`extract --format nq` output) gives its graphs as they
/// come. Each graph replaces what the store (or endpoint) held for it; a graph met again
/// in the same run (a file that splits it, or repeats it) is added to. To a store, `.nq`
/// graphs are committed in batches (all of a batch or none); to an endpoint, each graph
/// is one `PUT` (`POST` when met again), in input order, and the first failure stops the
/// run (exit 2), naming the document: graphs sent before stay sent.
fn load_graphs(mut a: LoadArgs, nq: Vec<String>) -> Result<u8, Error> {
    use summit::push::{Endpoint, Method};
    // Documents: the paths that are not N-Quads files (directories are walked for both).
    a.input.paths.retain(|p| !summit::graphs::is_nquads(p));
    if !a.input.paths.is_empty() {
        // Directories holding only N-Quads files have no documents to read.
        let (inputs, errors) = summit::read::expand(&a.input.paths);
        if inputs.is_empty() && errors.is_empty() {
            a.input.paths.clear();
        }
    }
    let endpoint = a.endpoint.as_deref().map(Endpoint::new).transpose()?;
    let url = a.endpoint.clone().unwrap_or_default();
    let mut done: std::collections::HashSet<String> = std::collections::HashSet::new();
    let (mut graphs, mut quads, mut bad) = (0usize, 0usize, 0usize);
    let mut gazetteer: Option<(String, Vec<oxigraph::model::Quad>)> = None;
    let store = match &endpoint {
        Some(ep) => {
            let pipeline = pipeline(&a.input.data)?;
            // The gazetteer graph is pushed once, after the documents (below).
            gazetteer = Some((gazetteer_label(&a.input.data), summit::rdf::gazetteer_graph(&pipeline.gazetteer).1));
            if !a.input.paths.is_empty() {
                let opts = options(&a.input.date, &a.input.today)?;
                let work = |doc: &Document| {
                    let x = pipeline.extract(doc, &opts);
                    (summit::rdf::doc_iri(&x.doc), summit::rdf::quads_with(&x, &pipeline.gazetteer, a.input.mentions))
                };
                bad += each_worked(&a.input, work, |doc, (graph, q), _| {
                    let method = if done.insert(graph.clone()) { Method::Put } else { Method::Post };
                    ep.send(method, &graph, &q).map_err(|e| Error { path: Some(format!("{} (document {})", doc.source, doc.id)), ..e })?;
                    graphs += 1;
                    quads += q.len();
                    Ok(())
                })?;
            }
            None
        }
        None => {
            let store_dir = a.store.clone();
            let data = a.input.data.clone();
            let documents = !a.input.paths.is_empty();
            if documents && load_documents(a)? != 0 {
                bad += 1;
            }
            let store = summit::store::Store::open(&store_dir)?;
            if !documents {
                // (load_documents writes it otherwise)
                ensure_gazetteer_graph(&store, &pipeline(&data)?.gazetteer)?;
            }
            Some(store)
        }
    };
    // `.nq` graphs to the store: batches of first-time graphs (bulk-loaded when new to
    // the store, else replaced) and additions to graphs this run wrote before.
    let mut batch: Graphs = Vec::new();
    let (mut batch_quads, mut replace_quads) = (0usize, 0usize);
    let flush = |batch: &mut Graphs, done: &mut std::collections::HashSet<String>, source: &str| -> Result<(), Error> {
        let Some(store) = &store else { return Ok(()) };
        let at = |e: Error| Error { path: Some(source.to_string()), ..e };
        let (mut fresh, mut again, mut more) = (Vec::new(), Vec::new(), Vec::new());
        for (g, q) in batch.iter() {
            if done.contains(g) {
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
        done.extend(batch.drain(..).map(|(g, _)| g));
        Ok(())
    };
    for path in &nq {
        let reader = match summit::graphs::open(path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("summit: {e}");
                bad += 1;
                continue;
            }
        };
        summit::graphs::read_nquads(reader, path, &mut |item| {
            let (graph, q) = match item {
                Ok(x) => x,
                Err(e) => {
                    eprintln!("summit: {e}");
                    bad += 1;
                    return Ok(());
                }
            };
            graphs += 1;
            quads += q.len();
            if let Some(ep) = &endpoint {
                let method = if done.insert(graph.clone()) { Method::Put } else { Method::Post };
                return ep.send(method, &graph, &q).map(|_| ()).map_err(|e| Error { path: Some(format!("{path} (graph {graph})")), ..e });
            }
            if let Some(i) = batch.iter().position(|(g, _)| *g == graph) {
                batch[i].1.extend(q); // the same graph twice in one batch: one entry
            } else {
                batch_quads += q.len();
                if let Some(store) = &store
                    && (done.contains(&graph) || store.contains_graph(&graph)?)
                {
                    replace_quads += q.len();
                }
                batch.push((graph, q));
            }
            if batch_quads >= NQ_BATCH_QUADS || replace_quads >= NQ_REPLACE_QUADS {
                (batch_quads, replace_quads) = (0, 0);
                flush(&mut batch, &mut done, path)?;
            }
            Ok(())
        })?;
        flush(&mut batch, &mut done, path)?;
        (batch_quads, replace_quads) = (0, 0);
    }
    if let (Some(ep), Some((dir, q))) = (&endpoint, &gazetteer) {
        // Once per run, PUT (replacing an older one), unless an .nq file held it.
        let graph = summit::rdf::GAZETTEER_GRAPH;
        if done.insert(graph.to_string()) {
            ep.send(Method::Put, graph, q).map_err(|e| Error { path: Some(format!("{dir} (graph {graph})")), ..e })?;
            graphs += 1;
            quads += q.len();
        }
    }
    match (&endpoint, &store) {
        (Some(_), _) => eprintln!("summit: pushed {graphs} graph(s), {quads} quads to {url}"),
        (None, Some(s)) if !nq.is_empty() => {
            eprintln!("summit: loaded {graphs} graph(s), {quads} quads from {} N-Quads file(s) ({} quads in the store)", nq.len(), s.len()?)
        }
        _ => {}
    }
    Ok(if bad == 0 { 0 } else { 2 })
}

/// `summit remove DOC...`: the documents' graphs go, in one transaction; an id the store
/// does not hold is reported (exit 2), the others are removed.
fn remove(a: summit::cli::RemoveArgs) -> Result<u8, Error> {
    let store = summit::store::Store::open_existing(&a.store)?;
    let mut docs = a.docs.clone();
    docs.sort();
    docs.dedup();
    let graphs: Vec<String> = docs.iter().map(|d| summit::rdf::doc_iri(d)).collect();
    let removed = store.remove_graphs(&graphs)?;
    let mut missing = 0;
    for (doc, gone) in docs.iter().zip(&removed) {
        if !gone {
            eprintln!("summit: {}: no document {doc:?} in the store", a.store.display());
            missing += 1;
        }
    }
    eprintln!("summit: removed {} document(s) from {} ({} quads in the store)", graphs.len() - missing, a.store.display(), store.len()?);
    Ok(if missing == 0 { 0 } else { 2 })
}

/// Writes the gazetteer graph into the store when it lacks it or holds another pack's
/// (one transaction, before any document of the run).
fn ensure_gazetteer_graph(store: &summit::store::Store, g: &summit::gazetteer::Gazetteer) -> Result<(), Error> {
    let (version, quads) = summit::rdf::gazetteer_graph(g);
    store
        .ensure_graph(summit::rdf::GAZETTEER_GRAPH, &summit::rdf::gazetteer_version_quad(&version), &quads)
        .map_err(|e| Error { message: format!("writing the gazetteer graph: {}", e.message), ..e })?;
    Ok(())
}

/// `summit gazetteer graph`: the gazetteer graph as N-Quads; a file is written whole or
/// not at all.
fn gazetteer_graph(a: summit::cli::GazetteerGraphArgs) -> Result<u8, Error> {
    let g = summit::pack::gazetteer(a.gazetteers.as_deref())?;
    let (_, quads) = summit::rdf::gazetteer_graph(&g);
    let mut buf = Vec::new();
    summit::rdf::write(&quads, summit::rdf::Syntax::NQuads, &mut buf).map_err(io)?;
    match &a.output {
        Some(o) => {
            let tmp = o.with_extension("partial");
            std::fs::write(&tmp, &buf).map_err(|e| Error::io(tmp.display().to_string(), &e))?;
            std::fs::rename(&tmp, o).map_err(|e| Error::io(o.display().to_string(), &e))?;
        }
        None => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            out.write_all(&buf).and_then(|_| out.flush()).map_err(io)?;
        }
    }
    Ok(0)
}

fn query(a: QueryArgs) -> Result<u8, Error> {
    let (text, source) = match (&a.file, &a.expression) {
        (Some(f), _) => (std::fs::read_to_string(f).map_err(|e| Error::io(f.display().to_string(), &e))?, f.display().to_string()),
        (None, Some(e)) => (e.clone(), "-e".to_string()),
        (None, None) => return Err(Error::new(ErrorKind::Usage, "give a query file or -e SPARQL")),
    };
    let mut bindings = Vec::new();
    for b in &a.bind {
        let Some((var, value)) = b.split_once('=') else {
            return Err(Error::new(ErrorKind::Usage, format!("--bind {b:?}: expected VAR=VALUE")));
        };
        bindings.push((var.trim().trim_start_matches(['?', '$']).to_string(), summit::store::parse_binding(value)));
    }
    let store = summit::store::Store::open_read_only(&a.store)?;
    let answer = store.query(&text, &source, &bindings)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    summit::output::write_answer(&answer, a.format, &mut out).map_err(io)?;
    out.flush().map_err(io)?;
    Ok(0)
}

/// `summit gazetteer import FILE`: gazetteer entries from a WDQS result; warnings (items
/// left out, references that resolve to nothing) on stderr; a file is written whole or not
/// at all.
fn gazetteer_import(a: summit::cli::ImportArgs) -> Result<u8, Error> {
    use summit::cli::ImportType as T;
    use summit::import::ImportType;
    let t = match a.etype {
        T::Person => ImportType::Person,
        T::Place => ImportType::Place,
        T::Organization => ImportType::Organization,
    };
    if let Some(o) = &a.output {
        let name = o.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !name.starts_with(t.file_prefix()) || !name.ends_with(".jsonl") {
            return Err(Error::new(
                ErrorKind::Usage,
                format!("-o {}: name it {}*.jsonl, or summit will not load it as this type", o.display(), t.file_prefix()),
            ));
        }
    }
    let known = summit::pack::gazetteer(a.gazetteers.as_deref())?;
    let path = a.file.display().to_string();
    let bytes = std::fs::read(&a.file).map_err(|e| Error::io(path.as_str(), &e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::new(ErrorKind::Encoding, "invalid UTF-8").at_path(path.as_str()).at_offset(e.utf8_error().valid_up_to())
    })?;
    let imported = summit::import::import(&path, &text, t, &known)?;
    for w in &imported.warnings {
        eprintln!("summit: warning: {w}");
    }
    let source = a.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or(path.clone());
    let jsonl = imported.to_jsonl(&source);
    match &a.output {
        Some(o) => {
            let tmp = o.with_extension("partial");
            std::fs::write(&tmp, &jsonl).map_err(|e| Error::io(tmp.display().to_string(), &e))?;
            std::fs::rename(&tmp, o).map_err(|e| Error::io(o.display().to_string(), &e))?;
        }
        None => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            out.write_all(jsonl.as_bytes()).and_then(|_| out.flush()).map_err(io)?;
        }
    }
    eprintln!("summit: {} {} entr{} from {path}", imported.entries.len(), t.file_prefix(), if imported.entries.len() == 1 { "y" } else { "ies" });
    Ok(0)
}

/// `summit eval`: gold paths are relative to the current directory (the repository root).
fn eval(a: summit::cli::EvalArgs) -> Result<u8, Error> {
    let p = pipeline(&a.data)?;
    let report = summit::eval::run(&p, &a.gold, std::path::Path::new("."))?;
    for (doc, why) in &report.skipped {
        eprintln!("summit: {doc}: {why}");
    }
    let baseline = a.gold.join(summit::eval::BASELINE_FILE);
    if a.update_baseline {
        report.new_baseline.write(&baseline)?;
        if let Some(real) = &report.real {
            real.new_baseline.write(&summit::eval::real_baseline(&a.gold))?;
        }
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    let to_io = |e: std::io::Error| Error::new(ErrorKind::Io, e.to_string());
    let text = report.render(&baseline.display().to_string(), a.verbose, a.update_baseline);
    out.write_all(text.as_bytes()).and_then(|_| out.flush()).map_err(to_io)?;
    // Exit code 1 when a figure dropped below the baseline or a must-not fact came out.
    Ok(u8::from(report.fails(a.update_baseline)))
}

/// `summit export FORMAT`: the who-met-whom network from the store; a file is written
/// whole or not at all (to `FILE.partial`, then renamed).
fn export(a: summit::cli::ExportArgs) -> Result<u8, Error> {
    use summit::cli::ExportFormat;
    use summit::export::{Format, Network, Selection};
    let selection = Selection {
        from: a.from.as_deref().map(|d| parse_date(d, "--from")).transpose()?,
        to: a.to.as_deref().map(|d| parse_date(d, "--to")).transpose()?,
        people: a.person.clone(),
        organizations: a.with_orgs,
        places: a.with_places,
    };
    let store = summit::store::Store::open_read_only(&a.store)?;
    let network = Network::from_store(&store, &selection)?;
    let format = match a.format {
        ExportFormat::Graphml => Format::GraphMl,
        ExportFormat::Gexf => Format::Gexf,
        ExportFormat::Json => Format::Json,
        ExportFormat::Svg => Format::Svg,
        ExportFormat::Html => Format::Html,
    };
    match &a.output {
        Some(o) => {
            let mut tmp = o.as_os_str().to_owned();
            tmp.push(".partial");
            let tmp = std::path::PathBuf::from(tmp);
            let file = std::fs::File::create(&tmp).map_err(|e| Error::io(tmp.display().to_string(), &e))?;
            let mut out = BufWriter::new(file);
            network.write(format, &mut out).and_then(|_| out.flush()).map_err(|e| Error::io(tmp.display().to_string(), &e))?;
            drop(out);
            std::fs::rename(&tmp, o).map_err(|e| Error::io(o.display().to_string(), &e))?;
        }
        None => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            network.write(format, &mut out).map_err(io)?;
            out.flush().map_err(io)?;
        }
    }
    Ok(0)
}
