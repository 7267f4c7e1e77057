//! Shared helpers for the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use summit::extract::{Options, Pipeline};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The repository's own gazetteers and rules.
pub fn pipeline() -> Pipeline {
    Pipeline::load(&repo().join("gazetteers"), &repo().join("rules")).expect("repo gazetteers and rules load")
}

/// A fixed "today" so that results never depend on the clock.
pub fn options() -> Options {
    Options { date: None, today: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap() }
}

/// `../shared/seeds` (or `$SUMMIT_SEEDS`), when present.
pub fn seeds_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("SUMMIT_SEEDS").map(PathBuf::from).unwrap_or_else(|| repo().join("../shared/seeds"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: the seed articles are not at {} (set SUMMIT_SEEDS to run these tests)", dir.display());
        None
    }
}

/// Reads every document under a path with summit's own reader.
pub fn read_docs(path: &Path) -> Vec<summit::Document> {
    let (inputs, errs) = summit::read::expand(&[path.display().to_string()]);
    assert!(errs.is_empty(), "{errs:?}");
    let mut docs = Vec::new();
    for i in &inputs {
        summit::read::read_input(i, Default::default(), &mut |r| docs.push(r.expect("readable")));
    }
    docs
}

/// Checks the offset invariant of a whole extraction: every span's text is exactly the
/// original between its code-point offsets.
pub fn check_spans(doc: &summit::Document, x: &summit::extract::Extraction) {
    let chars: Vec<char> = doc.original.chars().collect();
    let check = |s: &summit::extract::Span| {
        assert!(s.start < s.end && s.end <= chars.len(), "{}: span {}..{} out of range", doc.id, s.start, s.end);
        let got: String = chars[s.start..s.end].iter().collect();
        assert_eq!(got, s.text, "{}: span {}..{}", doc.id, s.start, s.end);
        assert!(!s.rule.is_empty(), "{}: span without a rule", doc.id);
    };
    for e in &x.entities {
        assert!(!e.mentions.is_empty());
        e.mentions.iter().for_each(check);
    }
    for e in &x.events {
        assert!(!e.evidence.is_empty());
        e.evidence.iter().for_each(check);
    }
}

/// The summit binary, run from the repository root.
pub fn summit(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_summit"));
    c.current_dir(repo()).args(args);
    c
}

/// Runs a command to its end: (exit code, stdout, stderr).
pub fn run(c: &mut Command) -> (i32, String, String) {
    let o = c.output().expect("runs");
    (o.status.code().unwrap_or(-1), String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}
