//! The `summit` binary: parses arguments, runs, prints one error, picks the exit code
//! (0 ok, 1 findings or failed checks, 2 usage or I/O error).

use clap::Parser;
use std::io::{BufWriter, Write};
use std::process::ExitCode;
use cli::{Cli, Command, ExtractArgs, Format, LoadArgs, QueryArgs};
use summit::extract::{Options, Pipeline};
use summit::{Document, Error, ErrorKind};

mod cli;
mod progress;
use progress::Progress;

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
        Command::RebuildView(a) => summit::store::Store::open_existing(&a.store)?.rebuild_meetings_view().map(|n| eprintln!("summit: the meetings view of {} holds {n} quads", a.store.display())).map(|_| 0),
        Command::Serve(a) => serve(a),
        Command::Gazetteer(cli::GazetteerCommand::Import(a)) => gazetteer_import(a),
        Command::Gazetteer(cli::GazetteerCommand::Graph(a)) => gazetteer_graph(a),
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

/// `summit serve`: listens, says where, serves until killed.
fn serve(a: cli::ServeArgs) -> Result<u8, Error> {
    let serving = summit::serve::start(a.config()?)?;
    eprintln!("{}", serving.banner());
    if let Some(w) = serving.warning() {
        eprintln!("{w}");
    }
    serving.wait()?;
    Ok(0)
}

/// Where the gazetteers came from, for messages.
fn gazetteer_label(d: &cli::DataArgs) -> String {
    d.gazetteers.as_ref().map_or_else(|| "the built-in gazetteers".to_string(), |p| p.display().to_string())
}

/// The pack: built in, each part replaced by its directory where one is given.
fn pipeline(d: &cli::DataArgs) -> Result<Pipeline, Error> {
    Pipeline::from_pack(d.gazetteers.as_deref(), d.rules.as_deref(), d.lexicon.as_deref())
}

/// The binary's [`Watch`](summit::load::Watch): bad inputs on standard error, a progress
/// bar while standard error is a terminal.
#[derive(Clone)]
struct Bar(Progress);

impl Bar {
    fn start(total: Option<u64>) -> Bar {
        Bar(Progress::start(total))
    }
}

impl summit::load::Watch for Bar {
    fn bad_input(&self, e: &Error) {
        self.0.note(|| eprintln!("summit: {e}"));
    }
    fn progress(&self, read: u64, done: usize) {
        self.0.update(read, done);
    }
    fn finish(&self) {
        self.0.finish();
    }
}

/// What `--jobs`, `--lossy` and the paths ask the worker pool to read.
fn inputs(a: &cli::InputArgs) -> summit::load::Inputs<'_> {
    summit::load::Inputs { paths: &a.paths, lossy: a.lossy, jobs: a.jobs }
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
        notes(doc, &x);
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
    let bad = summit::load::each_worked(&inputs(&a.input), Bar::start, work, |_, r, last| {
        let (bytes, x) = r?;
        if let Some(x) = x {
            table.add(&x);
            return Ok(());
        }
        out.write_all(&bytes).map_err(io)?;
        written += 1;
        // Out at the end of each chunk: a stream's quads follow its documents as they come.
        if last || written % summit::load::CHUNK_DOCS == 0 {
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

/// Limits the extractor met in a document (a sentence read in pieces), on stderr.
fn notes(doc: &Document, x: &summit::extract::Extraction) {
    for n in &x.notes {
        eprintln!("summit: {}: {n}", doc.source);
    }
}

fn load(a: LoadArgs) -> Result<u8, Error> {
    let nq = summit::graphs::nquads_in(&a.input.paths);
    if a.endpoint.is_some() || !nq.is_empty() {
        return load_graphs(a, nq);
    }
    load_documents(a)
}

/// `load` of documents into the embedded store (the pipeline: [`summit::load`]).
fn load_documents(a: LoadArgs) -> Result<u8, Error> {
    let opts = options(&a.input.date, &a.input.today)?;
    let pipeline = pipeline(&a.input.data)?;
    let store = summit::store::Store::open(&a.store)?;
    ensure_gazetteer_graph(&store, &pipeline.gazetteer)?;
    let n = summit::load::load_documents(&store, &pipeline, &opts, a.input.mentions, &inputs(&a.input), Bar::start)?;
    for (source, note) in &n.notes {
        eprintln!("summit: {source}: {note}");
    }
    eprintln!(
        "summit: loaded {} document(s), {} meeting report(s), {} quads into {} ({} quads in the store)",
        n.documents,
        n.meetings,
        n.quads,
        a.store.display(),
        store.len()?
    );
    Ok(if n.bad == 0 { 0 } else { 2 })
}

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
        notes(doc, &x);
                    (summit::rdf::doc_iri(&x.doc), summit::rdf::quads_with(&x, &pipeline.gazetteer, a.input.mentions))
                };
                bad += summit::load::each_worked(&inputs(&a.input), Bar::start, work, |doc, (graph, q), _| {
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
    let mut batches = store.as_ref().map(summit::load::GraphBatches::new);
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
            match batches.as_mut() {
                Some(b) => b.add(graph, q, path),
                None => Ok(()),
            }
        })?;
        if let Some(b) = batches.as_mut() {
            b.flush(path)?;
        }
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
fn remove(a: cli::RemoveArgs) -> Result<u8, Error> {
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
fn gazetteer_graph(a: cli::GazetteerGraphArgs) -> Result<u8, Error> {
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
    summit::output::write_answer(&answer, a.format.into(), &mut out).map_err(io)?;
    out.flush().map_err(io)?;
    Ok(0)
}

/// `summit gazetteer import FILE`: gazetteer entries from a WDQS result; warnings (items
/// left out, references that resolve to nothing) on stderr; a file is written whole or not
/// at all.
fn gazetteer_import(a: cli::ImportArgs) -> Result<u8, Error> {
    use cli::ImportType as T;
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
fn eval(a: cli::EvalArgs) -> Result<u8, Error> {
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
fn export(a: cli::ExportArgs) -> Result<u8, Error> {
    use cli::ExportFormat;
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
