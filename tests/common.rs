//! Shared helpers for the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
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

/// Who met whom in the seed articles: (name, name, distinct meetings), the names in
/// sorted order, as `queries/who-met-whom.rq` and the exports count them.
pub const SEED_PAIRS: [(&str, &str, u32); 6] = [
        ("Vladimir Putin", "Xi Jinping", 2),
        ("Sergey Lavrov", "Xi Jinping", 1),
        ("Mikhail Mishustin", "Xi Jinping", 1),
        ("Antony Blinken", "Xi Jinping", 1),
        ("Joe Biden", "Xi Jinping", 1),
        ("Sergey Lavrov", "Wang Yi", 1),
];

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

/// `summit load WHAT --store STORE` with the tests' fixed "today"; must succeed.
pub fn load(store: &Path, what: &str) {
    let (code, _, err) = run(&mut summit(&["load", what, "--store", store.to_str().unwrap(), "--today", "2026-11-20"]));
    assert_eq!(code, 0, "{err}");
}

/// The examples and, when present, the seed articles: what the store tests load and
/// push (without the seeds, `who` is checked on the examples only, and says so).
pub fn examples_and_seeds(who: &str) -> Vec<String> {
    let mut inputs = vec!["examples/".to_string()];
    match seeds_dir() {
        Some(seeds) => inputs.push(seeds.display().to_string()),
        None => eprintln!("{who} is checked on the examples only"),
    }
    inputs
}

/// `inputs` loaded into a new store `dir/embedded` with the fixed "today"; must succeed.
pub fn embedded_store(dir: &Path, inputs: &[String]) -> PathBuf {
    let embedded = dir.join("embedded");
    let mut args: Vec<&str> = vec!["load", "--store", embedded.to_str().unwrap(), "--today", "2026-11-20"];
    args.extend(inputs.iter().map(String::as_str));
    let (code, _, err) = run(&mut summit(&args));
    assert_eq!(code, 0, "{err}");
    embedded
}

/// A store loaded with `what` (relative to the repository) in a fresh temporary directory.
pub fn store_with(what: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    load(&store, what);
    (dir, store)
}

/// A running `summit serve` on a free loopback port, killed when dropped.
pub struct Server {
    child: Child,
    base: String,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Server {
    /// `summit serve --store STORE --bind 127.0.0.1:PORT EXTRA...`, once it listens.
    pub fn start(store: &Path, extra: &[&str]) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("serve.log");
        let bind = format!("127.0.0.1:{port}");
        let mut args = vec!["serve", "--store", store.to_str().unwrap(), "--bind", &bind];
        args.extend_from_slice(extra);
        let child = summit(&args).stdout(Stdio::null()).stderr(std::fs::File::create(&log).unwrap()).spawn().expect("summit serve starts");
        let mut server = Server { child, base: format!("http://{bind}"), log, _dir: dir };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = server.child.try_wait().unwrap() {
                panic!("summit serve exited ({status}): {}", server.log());
            }
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            assert!(Instant::now() < deadline, "summit serve did not listen within a minute: {}", server.log());
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// The server's URL for a path (`/query`, `/store`, ...).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// What the server has written to stderr so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
