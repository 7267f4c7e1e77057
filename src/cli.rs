//! Command-line arguments (clap types live here, on the binary's side, and nowhere else;
//! the library takes its own types: `serve::Config`, `output::QueryFormat`).

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(name = "summit", version, about = "News articles (English, Simplified and Traditional Chinese) to a knowledge graph of people, places, organizations and meetings, every fact with its evidence.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract entities and meetings and print them.
    #[command(after_help = "Example:\n  summit extract examples/ -o out.jsonl\n  summit extract examples/ --format table\n  cat docs.jsonl | summit extract - --date 2024-04-10")]
    Extract(ExtractArgs),
    /// Extract and load into the persistent store, one named graph per document
    /// (loading a document again replaces what it said before).
    #[command(after_help = "Example:\n  summit load examples/\n  summit load ../news/2024/ --store /data/summit-store\n  summit load shards/*.nq                                 # N-Quads from `extract --format nq`\n  summit load spark-out/                                  # every .nq and .nq.gz under it\n  summit load examples/ --endpoint http://127.0.0.1:7878/store")]
    Load(LoadArgs),
    /// Remove documents from the store: each document's graph, in one transaction.
    #[command(after_help = "Example:\n  summit remove en-beijing zh-hans-paris\n  summit remove --store /data/summit-store 2024-04-09-xinhua-0001")]
    Remove(RemoveArgs),
    /// Build the merged view of meetings (the graph https://w3id.org/summit/graph/meetings)
    /// anew from the document graphs, in one transaction. `load`, `remove` and `serve`'s
    /// writes keep it up to date; this is for a store written by another tool.
    #[command(after_help = "Example:\n  summit rebuild-view\n  summit rebuild-view --store /data/summit-store")]
    RebuildView(RebuildViewArgs),
    /// Run a SPARQL 1.1 query over the store (all documents' graphs as the default graph).
    #[command(after_help = "Example:\n  summit query queries/who-met-whom.rq\n  summit query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?m a <https://w3id.org/summit/ns#Meeting> }' --format csv\n  summit query queries/person-meetings.rq --bind name='Xi Jinping'")]
    Query(QueryArgs),
    /// Check the rules: run every rule's examples and counter-examples.
    #[command(after_help = "Example:\n  summit check-rules --rules rules/")]
    CheckRules(DataArgs),
    /// Grow the gazetteers: build entries from a Wikidata Query Service result.
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),
    /// The rule regression suite: score the rules on the gold articles (tests/gold),
    /// per fact kind and per rule, against the committed baseline.
    #[command(after_help = "Run it from the repository root (gold document paths are relative to it).\nExits 1 when a figure drops below the baseline or a must-not fact comes out.\n\nExample:\n  summit eval\n  summit eval --rules my-rules/ --verbose\n  summit eval --update-baseline")]
    Eval(EvalArgs),
    /// Export the who-met-whom network: GraphML, GEXF (with dates, for Gephi's timeline),
    /// Cytoscape.js JSON, an SVG picture or a self-contained HTML page.
    #[command(after_help = "People are nodes (label, label_zh, type, roles); two people who met share one edge with\n`weight` (distinct meetings, planned ones left out) and `dates` (ISO dates joined by ';').\n\nExample:\n  summit export graphml -o graphs/network.graphml\n  summit export gexf --from 2024-01-01 --to 2024-12-31 -o 2024.gexf\n  summit export svg --person 'Xi Jinping' -o xi.svg\n  summit export html --with-places --with-orgs -o network.html")]
    Export(ExportArgs),
    /// Serve the store over HTTP: a SPARQL 1.1 endpoint (query; update and the graph store
    /// protocol with --allow-update), a query page at /, /health. Loopback only by default.
    #[command(after_help = "Results by content negotiation (Accept, or format=json|xml|csv|tsv|turtle|nt): SPARQL JSON,\nXML, CSV, TSV; graphs as Turtle, N-Triples, N-Quads, RDF/XML, JSON-LD. The default graph\nis the union of all documents' graphs, as in `summit query`. Errors: 400 bad query (with\nline:column), 403 update on a read-only server, 413 too large, 503 timeout.\n\nExample:\n  summit serve\n  summit serve --store /data/summit-store --bind 127.0.0.1:8080 --timeout 10\n  curl -H 'Accept: text/csv' --data-urlencode query@queries/who-met-whom.rq http://127.0.0.1:7878/query\n  summit serve --allow-update   # then: curl -X PUT -H 'Content-Type: text/turtle' --data-binary @doc.ttl 'http://127.0.0.1:7878/store?graph=IRI'")]
    Serve(ServeArgs),
}

/// A size in bytes: `1048576`, `512K`, `64M`, `1G`.
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().last() {
        Some((i, c)) if c.eq_ignore_ascii_case(&'k') => (&t[..i], 1usize << 10),
        Some((i, c)) if c.eq_ignore_ascii_case(&'m') => (&t[..i], 1usize << 20),
        Some((i, c)) if c.eq_ignore_ascii_case(&'g') => (&t[..i], 1usize << 30),
        _ => (t, 1),
    };
    num.trim()
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(mult))
        .ok_or_else(|| format!("{s:?} is not a size: give bytes, or a number with K, M or G"))
}

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// The store directory.
    #[arg(long, default_value = DEFAULT_STORE, value_name = "DIR")]
    pub store: PathBuf,
    /// Address and port to listen on. The default answers this machine only; to expose the
    /// endpoint give e.g. 0.0.0.0:7878, ideally behind a reverse proxy (no TLS or auth here).
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDR:PORT")]
    pub bind: std::net::SocketAddr,
    /// Accept SPARQL updates and graph store writes (PUT/POST/DELETE /store?graph=IRI); the
    /// store is then opened for writing, so `summit load` on it is refused while the server runs.
    #[arg(long)]
    pub allow_update: bool,
    /// Stop a query after this many seconds (503).
    #[arg(long, default_value_t = 30.0, value_name = "SECS")]
    pub timeout: f64,
    /// Refuse answers with more rows (or triples) than this (413).
    #[arg(long, default_value_t = 100_000, value_name = "N")]
    pub max_rows: usize,
    /// Refuse answers larger than this many bytes (413).
    #[arg(long, default_value = "64M", value_parser = parse_size, value_name = "BYTES")]
    pub max_result_bytes: usize,
    /// Refuse requests (query text, uploaded graph) larger than this (413).
    #[arg(long, default_value = "16M", value_parser = parse_size, value_name = "BYTES")]
    pub max_request_bytes: usize,
    /// Connections served at once (one thread each); more wait for a free one.
    #[arg(long, default_value_t = 64, value_name = "N")]
    pub max_connections: usize,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// GraphML (networkx, Gephi, yEd, Cytoscape).
    Graphml,
    /// GEXF 1.3 with a spell per meeting day (Gephi's timeline).
    Gexf,
    /// Cytoscape.js elements JSON, with positions (layout `preset`).
    Json,
    /// An SVG picture: force-directed layout, names in English and Chinese.
    Svg,
    /// A self-contained HTML page (no network access): the picture with zoom, hover, search.
    Html,
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// Output format.
    #[arg(value_enum, value_name = "FORMAT")]
    pub format: ExportFormat,
    /// The store directory.
    #[arg(long, default_value = DEFAULT_STORE, value_name = "DIR")]
    pub store: PathBuf,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also organizations mentioned beside meetings, as nodes joined to the people who met.
    #[arg(long)]
    pub with_orgs: bool,
    /// Also the places of meetings, as nodes joined to the people who met there.
    #[arg(long)]
    pub with_places: bool,
    /// Only meetings on or after this day (month- or year-dated ones when wholly inside).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// Only meetings on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    /// Centre on a person (name in English or Chinese, or IRI): them, the people they
    /// met and the meetings among those. Repeat for several.
    #[arg(long, value_name = "NAME_OR_IRI")]
    pub person: Vec<String>,
}

#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Directory of gold annotation files (*.toml) and the baseline (baseline.json).
    #[arg(long, default_value = "tests/gold", value_name = "DIR")]
    pub gold: PathBuf,
    /// Rewrite the baseline with this run's results.
    #[arg(long)]
    pub update_baseline: bool,
    /// Also list every fact missed or wrong against the gold.
    #[arg(short, long)]
    pub verbose: bool,
    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line (CONTRACT.md).
    Jsonl,
    /// An aligned table of the meetings, for people.
    Table,
    /// RDF Turtle.
    Ttl,
    /// RDF N-Triples.
    Nt,
    /// RDF N-Quads (one named graph per document).
    Nq,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryFormat {
    /// An aligned table, for people.
    Table,
    /// W3C SPARQL 1.1 Query Results CSV.
    Csv,
    /// W3C SPARQL 1.1 Query Results TSV.
    Tsv,
    /// W3C SPARQL 1.1 Query Results JSON.
    Json,
}

impl From<QueryFormat> for summit::output::QueryFormat {
    fn from(f: QueryFormat) -> Self {
        match f {
            QueryFormat::Table => Self::Table,
            QueryFormat::Csv => Self::Csv,
            QueryFormat::Tsv => Self::Tsv,
            QueryFormat::Json => Self::Json,
        }
    }
}

impl ServeArgs {
    /// The server's configuration (`serve::Config`), the timeout checked.
    pub fn config(&self) -> summit::Result<summit::serve::Config> {
        Ok(summit::serve::Config {
            store: self.store.clone(),
            bind: self.bind,
            allow_update: self.allow_update,
            timeout: summit::serve::Config::timeout(self.timeout)?,
            max_rows: self.max_rows,
            max_result_bytes: self.max_result_bytes,
            max_request_bytes: self.max_request_bytes,
            max_connections: self.max_connections,
        })
    }
}

#[derive(clap::Args, Debug, Clone)]
pub struct DataArgs {
    /// Directory of gazetteer files (*.jsonl) replacing the built-in gazetteers.
    #[arg(long, value_name = "DIR", env = "SUMMIT_GAZETTEERS")]
    pub gazetteers: Option<PathBuf>,
    /// Directory of rule files (*.toml) replacing the built-in rules.
    #[arg(long, value_name = "DIR", env = "SUMMIT_RULES")]
    pub rules: Option<PathBuf>,
    /// Directory of lexicon files (**/*.toml) replacing the built-in lexicon.
    #[arg(long, value_name = "DIR", env = "SUMMIT_LEXICON")]
    pub lexicon: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum GazetteerCommand {
    /// Build gazetteer entries (JSON Lines, gazetteers/README.md) from a Wikidata Query
    /// Service result file: SPARQL JSON results or CSV, as the service returns them.
    #[command(after_help = "Variables: ?item (required), names (?itemLabel or ?en, ?zh_hans, ?zh_hant, ?alias),\npeople's roles (?role or ?position/?positionLabel, ?start, ?end, ?country), places'\n?kind (or ?type) and ?parent, organizations' ?kind and ?parent; details and an example query\nin gazetteers/README.md. Items the gazetteers already list (by Q-id) are left out.\n\nExample:\n  summit gazetteer import query.json --type person -o gazetteers/people-wikidata.jsonl\n  summit gazetteer import cities.csv --type place -o gazetteers/places-wikidata.jsonl")]
    Import(ImportArgs),
    /// Write the gazetteer graph (what the lists know: names, aliases, roles with dates,
    /// places' parents, Wikidata links) as N-Quads: the graph `summit load` keeps once
    /// per store, for another triple store or for scripts/nq-tally.py.
    #[command(after_help = "Example:\n  summit gazetteer graph -o gazetteer.nq\n  summit load gazetteer.nq --endpoint http://127.0.0.1:7878/store")]
    Graph(GazetteerGraphArgs),
}

#[derive(clap::Args, Debug)]
pub struct GazetteerGraphArgs {
    /// Directory of gazetteer files (default: the built-in gazetteers).
    #[arg(long, value_name = "DIR", env = "SUMMIT_GAZETTEERS")]
    pub gazetteers: Option<PathBuf>,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportType {
    /// People (people*.jsonl), with their roles.
    Person,
    /// Places (places*.jsonl).
    Place,
    /// Organizations (organizations*.jsonl).
    Organization,
}

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The WDQS result file (.json: application/sparql-results+json; .csv: text/csv).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// What the items are.
    #[arg(long = "type", value_enum, default_value = "person")]
    pub etype: ImportType,
    /// Write to this file (its name must start with people, places or organizations, as
    /// the type says, for summit to load it) instead of standard output.
    #[arg(short = 'o', long, value_name = "OUT.jsonl")]
    pub output: Option<PathBuf>,
    /// The gazetteers the entries must load with: roles, countries and parents are
    /// resolved in them, and items they already list are left out (default: the built-in
    /// gazetteers).
    #[arg(long, value_name = "DIR", env = "SUMMIT_GAZETTEERS")]
    pub gazetteers: Option<PathBuf>,
}

/// The default store directory.
pub const DEFAULT_STORE: &str = "graphs/store";

#[derive(clap::Args, Debug)]
pub struct LoadArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The store directory (created if missing).
    #[arg(long, default_value = DEFAULT_STORE, value_name = "DIR")]
    pub store: PathBuf,
    /// Push each document's graph to a shared triple store instead, with the SPARQL 1.1
    /// Graph Store HTTP Protocol (PUT URL?graph=IRI, so a reload replaces): the graph
    /// store URL, e.g. http://127.0.0.1:7878/store (`summit serve --allow-update`),
    /// Fuseki's http://HOST:3030/DATASET/data. https:// is checked against built-in
    /// roots, or the PEM file in SUMMIT_ENDPOINT_CA; credentials come from the
    /// environment only: SUMMIT_ENDPOINT_TOKEN (bearer), or SUMMIT_ENDPOINT_USER and
    /// SUMMIT_ENDPOINT_PASSWORD (basic).
    #[arg(long, value_name = "URL", conflicts_with = "store")]
    pub endpoint: Option<String>,
}

/// What `extract` and `load` read and how: the inputs, dates, decoding, the lists and
/// rules, and how many threads extract.
#[derive(clap::Args, Debug)]
pub struct InputArgs {
    /// Files, directories (read recursively: .txt, .html, .htm, .jsonl) or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// The date text is read against when a document gives none (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Replace invalid UTF-8 with U+FFFD instead of skipping the document.
    #[arg(long)]
    pub lossy: bool,
    /// Today's date, for years inferred without any article date (default: the clock).
    #[arg(long, value_name = "YYYY-MM-DD", hide = true)]
    pub today: Option<String>,
    /// Threads extracting documents (default: all cores; 1: a single thread). The
    /// output is the same bytes whatever the number.
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,
    /// RDF (ttl, nt, nq, load): also every mention of every entity as a span node
    /// (offsets, text, rule), as JSONL always lists them; without it a document graph
    /// counts each entity's mentions in one triple.
    #[arg(long)]
    pub mentions: bool,
    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(clap::Args, Debug)]
pub struct RemoveArgs {
    /// Document ids (a file's name without its extension, or a JSONL line's `id`).
    #[arg(required = true, value_name = "DOC")]
    pub docs: Vec<String>,
    /// The store directory.
    #[arg(long, default_value = DEFAULT_STORE, value_name = "DIR")]
    pub store: PathBuf,
}

#[derive(clap::Args, Debug)]
pub struct RebuildViewArgs {
    /// The store directory.
    #[arg(long, default_value = DEFAULT_STORE, value_name = "DIR")]
    pub store: PathBuf,
}

#[derive(clap::Args, Debug)]
pub struct QueryArgs {
    /// A file holding the query (e.g. queries/who-met-whom.rq).
    #[arg(value_name = "FILE.rq", required_unless_present = "expression", conflicts_with = "expression")]
    pub file: Option<PathBuf>,
    /// The query itself.
    #[arg(short = 'e', long = "expression", value_name = "SPARQL")]
    pub expression: Option<String>,
    /// The store directory.
    #[arg(long, default_value = DEFAULT_STORE, value_name = "DIR")]
    pub store: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueryFormat,
    /// A value for a query variable, bound (never pasted into the query text):
    /// `name=Xi Jinping`, `date=2024-04-09`, `person=https://w3id.org/summit/person/xi-jinping`.
    #[arg(long = "bind", value_name = "VAR=VALUE")]
    pub bind: Vec<String>,
}

#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
