//! Progress of long runs: drawn on a terminal (a pseudo-terminal made by `script`),
//! never when standard error is a pipe or a file, where the output stays exactly the
//! errors and the summary line it always was.

mod common;
use common::{run, summit};

use std::process::Command;

/// A JSONL corpus of `n` short English reports (about 200 bytes each).
fn corpus(dir: &std::path::Path, n: usize) -> std::path::PathBuf {
    let path = dir.join("corpus.jsonl");
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!(
            "{{\"id\": \"d{i}\", \"date\": \"2024-05-0{}\", \"text\": \"BEIJING -- Chinese President Xi Jinping met with visiting French President Emmanuel Macron in Beijing on Monday, report {i}.\"}}\n",
            1 + i % 9
        ));
    }
    std::fs::write(&path, s).unwrap();
    path
}

#[test]
fn without_a_terminal_stderr_holds_only_the_errors_and_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 3000);
    let store = dir.path().join("store");
    let missing = dir.path().join("missing.txt");
    let (code, _, err) = run(&mut summit(&["load", input.to_str().unwrap(), missing.to_str().unwrap(), "--store", store.to_str().unwrap(), "--today", "2026-11-20"]));
    assert_eq!(code, 2, "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err:?}");
    assert!(lines[0].starts_with("summit: ") && lines[0].contains("missing.txt"), "{err:?}");
    assert!(lines[1].starts_with("summit: loaded 3000 document(s), "), "{err:?}");
    assert!(!err.contains('\r') && !err.contains('\u{1b}') && !err.contains("ETA"), "{err:?}");
    let (code, out, err) = run(&mut summit(&["extract", input.to_str().unwrap(), "--today", "2026-11-20"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "", "extract writes nothing to a non-terminal stderr");
    assert!(out.lines().count() > 3000);
}

#[test]
fn on_a_terminal_documents_megabytes_rate_and_time_left_are_shown() {
    if Command::new("script").arg("--version").output().is_err() {
        if std::env::var_os("SUMMIT_CI").is_some() {
            panic!("script (util-linux) is required in CI (SUMMIT_CI is set)");
        }
        eprintln!("skipped: script (util-linux) is not available to make a terminal");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 4000);
    let store = dir.path().join("store");
    // `script` runs the command on a pseudo-terminal and copies what it draws.
    let cmd = format!(
        "{} load {} --store {} --today 2026-11-20 -j 1",
        env!("CARGO_BIN_EXE_summit"),
        input.display(),
        store.display()
    );
    let mut c = Command::new("script");
    c.args(["-qec", &cmd, "/dev/null"]).env_remove("SUMMIT_NO_PROGRESS").env("COLUMNS", "160");
    let (code, out, err) = run(&mut c);
    assert_eq!(code, 0, "{out} {err}");
    assert!(out.contains(" documents · ") && out.contains("kB/") && out.contains("ETA") && out.contains("B/s"), "no progress drawn: {out:?}");
    assert!(out.contains("summit: loaded 4000 document(s), "), "the summary line stays: {out:?}");
}
