//! Command-line arguments (clap types live here and nowhere else).

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
    /// Check the rules: run every rule's examples and counter-examples.
    #[command(after_help = "Example:\n  summit check-rules --rules rules/")]
    CheckRules(DataArgs),
    /// The rule regression suite: score the rules on the gold articles (tests/gold),
    /// per fact kind and per rule, against the committed baseline.
    #[command(after_help = "Run it from the repository root (gold document paths are relative to it).\nExits 1 when a figure drops below the baseline or a must-not fact comes out.\n\nExample:\n  summit eval\n  summit eval --rules my-rules/ --verbose\n  summit eval --update-baseline")]
    Eval(EvalArgs),
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
}

#[derive(clap::Args, Debug, Clone)]
pub struct DataArgs {
    /// Directory of gazetteer files.
    #[arg(long, default_value = "gazetteers", value_name = "DIR")]
    pub gazetteers: PathBuf,
    /// Directory of rule files.
    #[arg(long, default_value = "rules", value_name = "DIR")]
    pub rules: PathBuf,
}

#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// Files, directories (read recursively: .txt, .html, .htm, .jsonl) or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The date text is read against when a document gives none (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Replace invalid UTF-8 with U+FFFD instead of skipping the document.
    #[arg(long)]
    pub lossy: bool,
    /// Today's date, for years inferred without any article date (default: the clock).
    #[arg(long, value_name = "YYYY-MM-DD", hide = true)]
    pub today: Option<String>,
    #[command(flatten)]
    pub data: DataArgs,
}
