//! `summit-bench`: summit's speed at corpus scale, with the answer checked.
//!
//! ```sh
//! cargo run --release --bin summit-bench -- --sizes 10,100            # summit alone
//! cargo run --release --bin summit-bench -- --sizes 10,100 --python .venv-bench/bin/python   # and the peers
//! ```
//!
//! For each size (MB of JSONL) and variant (zh, en, mixed) it generates a corpus
//! ([`summit::bench`]), then measures, as child processes of the `summit` binary built
//! beside this one:
//! - `summit extract -j 1` and `-j <cores>` (read, normalise, match, rules, resolve, write
//!   JSONL): MB/s and documents/s of document text, and the child's peak memory (maxrss
//!   from `wait4`); the output's event and entity counts must equal the corpus's answer;
//! - `summit load` into a fresh store (extraction included): quads/s and the store's size
//!   on disk; the documents, meetings and quads it reports must equal the answer;
//! - the floor: a bare Aho-Corasick scan (the same names summit's automaton holds) of the
//!   same texts, in this process;
//! - with `--python`, the peers (benches/peers.py): spaCy's PhraseMatcher on blank
//!   pipelines over the same texts and names, pyoxigraph's bulk loader and rdflib on
//!   the same quads (`summit extract --format nq`), and the ratios summit/peer.
//!
//! Extraction throughput is on CPU time (user + system of the child, from `wait4`), so
//! a shared machine's other work does not count against it; the parallel run and the
//! loads are also given in wall time. Times are medians of `--runs` runs (`--runs-large`
//! above 20 MB; loads run once). A wrong count stops the run with exit code 1: a fast
//! wrong answer is not a result.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;
use summit::bench::{self, Corpus, Variant};

const TODAY: &str = "2026-11-20";

struct Args {
    sizes: Vec<f64>,
    variants: Vec<Variant>,
    runs: usize,
    runs_large: usize,
    dir: PathBuf,
    seeds: Option<PathBuf>,
    python: Option<String>,
    peer_max_mb: f64,
    load_variants: Vec<Variant>,
    jobs: usize,
    /// MB of mixed text read as one document and as 10 KB pages (`--long`).
    long: Option<f64>,
}

fn usage() -> ! {
    eprintln!(
        "usage: summit-bench [--sizes 10,100] [--variants mixed,zh,en] [--runs 3] [--runs-large 1]\n\
         \x20                   [--dir DIR] [--seeds DIR] [--python PYTHON] [--peer-max-mb 10]\n\
         \x20                   [--load-variants mixed] [--jobs N] [--long 30]"
    );
    std::process::exit(2)
}

fn parse_args() -> Args {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut a = Args {
        sizes: vec![10.0, 100.0],
        variants: vec![Variant::Mixed, Variant::Zh, Variant::En],
        runs: 3,
        runs_large: 1,
        dir: std::env::temp_dir().join("summit-bench"),
        seeds: Some(repo.join("../shared/seeds")),
        python: None,
        peer_max_mb: 10.0,
        load_variants: vec![Variant::Mixed],
        jobs: cores,
        long: None,
    };
    let mut it = std::env::args().skip(1);
    let variants = |s: String| s.split(',').map(|v| Variant::parse(v.trim()).unwrap_or_else(|| usage())).collect();
    while let Some(flag) = it.next() {
        let mut val = || it.next().unwrap_or_else(|| usage());
        match flag.as_str() {
            "--sizes" => a.sizes = val().split(',').map(|s| s.trim().parse().unwrap_or_else(|_| usage())).collect(),
            "--variants" => a.variants = variants(val()),
            "--load-variants" => {
                let s = val();
                a.load_variants = if s == "none" { vec![] } else { variants(s) };
            }
            "--runs" => a.runs = val().parse().unwrap_or_else(|_| usage()),
            "--runs-large" => a.runs_large = val().parse().unwrap_or_else(|_| usage()),
            "--dir" => a.dir = PathBuf::from(val()),
            "--seeds" => a.seeds = Some(PathBuf::from(val())),
            "--no-seeds" => a.seeds = None,
            "--python" => a.python = Some(val()),
            "--peer-max-mb" => a.peer_max_mb = val().parse().unwrap_or_else(|_| usage()),
            "--jobs" => a.jobs = val().parse().unwrap_or_else(|_| usage()),
            "--long" => a.long = Some(val().parse().unwrap_or_else(|_| usage())),
            _ => usage(),
        }
    }
    a
}

/// A finished child: wall seconds, CPU seconds (user + system, all its threads), peak
/// resident memory (MB), exit code, stderr.
struct Run {
    secs: f64,
    cpu: f64,
    maxrss_mb: f64,
    code: i32,
    stderr: String,
}

/// Runs a command to its end and measures it, through a fresh copy of this binary
/// (`--spawn`): Linux counts the memory of the process that spawns a child in the
/// child's maxrss, so the spawner must be small, not this process with its corpora.
fn measure(cmd: &mut Command, dir: &Path) -> Run {
    let err_path = dir.join("stderr.txt");
    let start = Instant::now();
    let mut via = Command::new(std::env::current_exe().expect("own path"));
    via.arg("--spawn").arg(cmd.get_program()).args(cmd.get_args()).stderr(std::fs::File::create(&err_path).expect("stderr file"));
    let out = via.output().expect("spawner runs");
    let secs = start.elapsed().as_secs_f64();
    let text = String::from_utf8_lossy(&out.stdout);
    let f: Vec<f64> = text.split_whitespace().filter_map(|x| x.parse().ok()).collect();
    assert_eq!(f.len(), 3, "spawner said {text:?}");
    Run { secs, cpu: f[1], maxrss_mb: f[0] / 1024.0, code: f[2] as i32, stderr: std::fs::read_to_string(&err_path).unwrap_or_default() }
}

/// `--spawn PROGRAM ARGS...`: runs it (stderr inherited, stdout discarded) and prints its
/// maxrss in KB, CPU seconds and exit code.
fn spawn_and_report(args: &[String]) -> ! {
    let mut cmd = Command::new(&args[0]);
    cmd.args(&args[1..]);
    let r = measure_here(&mut cmd);
    println!("{} {} {}", r.maxrss_mb * 1024.0, r.cpu, r.code);
    std::process::exit(0)
}

fn measure_here(cmd: &mut Command) -> Run {
    let start = Instant::now();
    let child = cmd.stdout(Stdio::null()).spawn().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: plain syscall on our own child; `usage` is a valid out-pointer.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let secs = start.elapsed().as_secs_f64();
    assert_eq!(r, pid, "wait4 failed");
    let code = if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { -1 };
    std::mem::forget(child); // already reaped
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Run {
        secs,
        cpu: tv(usage.ru_utime) + tv(usage.ru_stime),
        maxrss_mb: usage.ru_maxrss as f64 / 1024.0,
        code,
        stderr: String::new(),
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = v.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 }
}

fn dir_size(p: &Path) -> u64 {
    let Ok(rd) = std::fs::read_dir(p) else { return 0 };
    rd.filter_map(|e| e.ok())
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

fn fail(msg: String) -> ! {
    eprintln!("summit-bench: WRONG ANSWER: {msg}");
    std::process::exit(1)
}

#[derive(Default, Clone)]
struct Extract {
    secs: f64,
    cpu: f64,
    maxrss_mb: f64,
}

/// `summit extract` on the corpus, `runs` times; every run's answer is checked.
fn extract(summit: &Path, c: &Corpus, jobs: usize, runs: usize, dir: &Path) -> Extract {
    let out = dir.join("out.jsonl");
    let (mut secs, mut mem, mut cpu) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let r = measure(
            Command::new(summit)
                .args(["extract", "--today", TODAY, "-j", &jobs.to_string(), "-o"])
                .arg(&out)
                .arg(&c.path),
            dir,
        );
        if r.code != 0 {
            fail(format!("summit extract exited {}: {}", r.code, r.stderr));
        }
        let (ev, en) = bench::count_jsonl(&out).unwrap_or_else(|e| fail(e.to_string()));
        bench::check(c, ev, en).unwrap_or_else(|m| fail(m));
        secs.push(r.secs);
        cpu.push(r.cpu);
        mem.push(r.maxrss_mb);
    }
    let _ = std::fs::remove_file(&out);
    Extract { secs: median(secs), cpu: median(cpu), maxrss_mb: median(mem) }
}

struct Load {
    secs: f64,
    cpu: f64,
    store_mb: f64,
    maxrss_mb: f64,
}

/// `summit load` into a fresh store, `runs` times; the counts it reports are checked.
fn load(summit: &Path, c: &Corpus, jobs: usize, runs: usize, dir: &Path) -> Load {
    let store = dir.join("store");
    let (mut secs, mut size, mut mem, mut cpu) = (Vec::new(), 0.0, Vec::new(), Vec::new());
    for _ in 0..runs {
        let _ = std::fs::remove_dir_all(&store);
        let r = measure(
            Command::new(summit)
                .args(["load", "--today", TODAY, "-j", &jobs.to_string(), "--store"])
                .arg(&store)
                .arg(&c.path),
            dir,
        );
        if r.code != 0 {
            fail(format!("summit load exited {}: {}", r.code, r.stderr));
        }
        let want = format!("loaded {} document(s), {} meeting report(s), {} quads", c.docs, c.events, c.quads);
        if !r.stderr.contains(&want) {
            fail(format!("summit load said {:?}, expected {want:?}", r.stderr.trim()));
        }
        secs.push(r.secs);
        cpu.push(r.cpu);
        mem.push(r.maxrss_mb);
        size = dir_size(&store) as f64 / 1e6;
    }
    let _ = std::fs::remove_dir_all(&store);
    Load { secs: median(secs), cpu: median(cpu), store_mb: size, maxrss_mb: median(mem) }
}

/// The floor: one Aho-Corasick automaton over the same names, leftmost-longest as
/// summit's, counting matches over every document's text. Returns (CPU seconds, matches).
fn floor(names: &[String], texts: &[String], runs: usize) -> (f64, usize) {
    let ac = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(names)
        .expect("automaton");
    let mut secs = Vec::new();
    let mut matches = 0;
    for _ in 0..runs.max(3) {
        let t = self_cpu();
        matches = texts.iter().map(|s| ac.find_iter(s.as_str()).count()).sum();
        secs.push(self_cpu() - t);
    }
    (median(secs), matches)
}

/// CPU seconds this process has used (the floor runs on one thread, so this is its time
/// without the other processes of a shared machine).
fn self_cpu() -> f64 {
    // SAFETY: plain syscall with a valid out-pointer.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    tv(u.ru_utime) + tv(u.ru_stime)
}

fn texts_of(c: &Corpus) -> Vec<String> {
    let mut v = Vec::with_capacity(c.docs);
    summit::read::read_input(&summit::read::Input::File(c.path.clone()), Default::default(), &mut |r| {
        v.push(r.expect("corpus reads").original)
    });
    v
}

/// Evidence sentences in a `summit extract` output (every meeting's, summed).
fn evidence_count(path: &Path) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("evidence").and_then(|e| e.as_array()).map(|e| e.len()))
        .sum()
}

/// Issue 19's row: the mixed corpus's text as one document and as pages of about 10 KB
/// (consecutive articles joined), `summit extract -j 1` on each (CPU time, peak memory).
/// The answer checked: both runs succeed and the one document reports at least half the
/// pages' evidence sentences, so that a stage that gave up on a long input cannot pass
/// for a fast one. (Not all of them: one document has one fallback date, and a "related
/// articles" marker silences the rest of its section, where each page starts afresh.)
fn long_document(summit: &Path, templates: &[bench::Template], mb: f64, dir: &Path) -> serde_json::Value {
    let path = dir.join(format!("corpus-long-{mb}mb.jsonl"));
    let c = bench::generate(templates, Variant::Mixed, (mb * 1e6) as usize, &path).unwrap_or_else(|e| fail(e.to_string()));
    let texts = texts_of(&c);
    let _ = std::fs::remove_file(&path);
    let mut pages: Vec<String> = Vec::new();
    let mut page = String::new();
    for t in &texts {
        if !page.is_empty() {
            page.push_str("\n\n");
        }
        page.push_str(t);
        if page.len() >= 10_000 {
            pages.push(std::mem::take(&mut page));
        }
    }
    if !page.is_empty() {
        pages.push(page);
    }
    let whole = pages.join("\n\n");
    let record = |id: String, text: &str| serde_json::json!({"id": id, "text": text}).to_string() + "\n";
    let (pages_path, whole_path) = (dir.join("long-pages.jsonl"), dir.join("long-whole.jsonl"));
    let body: String = pages.iter().enumerate().map(|(i, p)| record(format!("page-{i}"), p)).collect();
    std::fs::write(&pages_path, body).expect("pages file");
    std::fs::write(&whole_path, record("whole".into(), &whole)).expect("whole file");
    let out = dir.join("long-out.jsonl");
    let run = |input: &Path| {
        let r = measure(Command::new(summit).args(["extract", "--today", TODAY, "-j", "1", "-o"]).arg(&out).arg(input), dir);
        if r.code != 0 {
            fail(format!("summit extract {} exited {}: {}", input.display(), r.code, r.stderr));
        }
        (r, evidence_count(&out))
    };
    let (rp, ep) = run(&pages_path);
    let (rw, ew) = run(&whole_path);
    for p in [&pages_path, &whole_path, &out] {
        let _ = std::fs::remove_file(p);
    }
    if (ew as f64) < 0.5 * ep as f64 || ew == 0 {
        fail(format!("one document reported {ew} evidence sentences, its pages {ep}"));
    }
    let bytes = whole.len();
    println!(
        "# long: {:.1} MB of text as one document: {:.2} s CPU ({:.2} MB/s), {:.0} MB peak; as {} pages of ~10 KB: {:.2} s CPU ({:.2} MB/s), {:.0} MB peak; one / pages = {:.2}x; evidence sentences {ew} / {ep}",
        bytes as f64 / 1e6,
        rw.cpu,
        mbps(bytes, rw.cpu),
        rw.maxrss_mb,
        pages.len(),
        rp.cpu,
        mbps(bytes, rp.cpu),
        rp.maxrss_mb,
        rw.cpu / rp.cpu
    );
    serde_json::json!({
        "long_document": {"text_bytes": bytes, "pages": pages.len(),
            "whole": {"cpu": rw.cpu, "secs": rw.secs, "maxrss_mb": rw.maxrss_mb, "evidence": ew},
            "pages_run": {"cpu": rp.cpu, "secs": rp.secs, "maxrss_mb": rp.maxrss_mb, "evidence": ep},
            "ratio_cpu": rw.cpu / rp.cpu}
    })
}

fn mbps(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / 1e6 / secs
}

/// Runs benches/peers.py and returns its JSON answer.
fn peers(python: &str, c: &Corpus, names: &Path, nq: Option<&Path>, runs: usize, dir: &Path) -> serde_json::Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/peers.py");
    let mut cmd = Command::new(python);
    cmd.arg(&script).arg("--corpus").arg(&c.path).arg("--names").arg(names).args(["--runs", &runs.to_string()]);
    if let Some(nq) = nq {
        cmd.arg("--nq").arg(nq).arg("--work").arg(dir.join("peer-stores"));
    }
    let out = cmd.stderr(Stdio::inherit()).output().unwrap_or_else(|e| panic!("{python}: {e}"));
    if !out.status.success() {
        eprintln!("summit-bench: peers.py failed ({}); peers skipped", out.status);
        return serde_json::Value::Null;
    }
    serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null)
}

fn main() {
    let argv: Vec<String> = std::env::args().collect();
    if argv.get(1).is_some_and(|a| a == "--spawn") {
        spawn_and_report(&argv[2..]);
    }
    let a = parse_args();
    let exe = std::env::current_exe().expect("own path");
    let summit = exe.with_file_name("summit");
    // `cargo run --bin summit-bench` builds this binary only: bring `summit` up to date.
    if let Some(cargo) = std::env::var_os("CARGO") {
        let ok = Command::new(cargo)
            .args(["build", "--release", "--quiet", "--bin", "summit"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            fail("cargo build --release --bin summit failed".into());
        }
    }
    if !summit.exists() {
        fail(format!("{} is missing: run cargo build --release first", summit.display()));
    }
    std::fs::create_dir_all(&a.dir).expect("work dir");
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pipeline = summit::extract::Pipeline::load(&repo.join("gazetteers"), &repo.join("rules")).unwrap_or_else(|e| fail(e.to_string()));
    let opts = summit::extract::Options { date: None, today: chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap() };
    let seeds = a.seeds.as_deref().filter(|s| s.is_dir());
    let docs = bench::source_documents(&repo, seeds);
    let templates = bench::templates(&pipeline, &opts, &docs, &a.dir).unwrap_or_else(|e| fail(e.to_string()));
    let names = bench::gazetteer_names(&pipeline.gazetteer);
    let names_path = a.dir.join("names.txt");
    std::fs::write(&names_path, names.join("\n") + "\n").expect("names file");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "# summit-bench: {} articles (seeds: {}), {} templates, {} gazetteer names, {} cores, -j {}",
        docs.len(),
        seeds.map_or("absent".to_string(), |s| s.display().to_string()),
        templates.len(),
        names.len(),
        cores,
        a.jobs
    );
    println!(
        "{:<6} {:>5} {:>7} {:>7} | {:>8} {:>8} {:>8} {:>8} {:>6} | {:>8} {:>6} {:>6} | {:>9} {:>8} | peers",
        "var", "MB", "docs", "events", "j1 MB/s", "j1 doc/s", "jN MB/s", "jN doc/s", "MaxMB", "floorMB/s", "%floor", "jN/j1", "load q/s", "store MB"
    );
    let mut results = Vec::new();
    for &size in &a.sizes {
        for &v in &a.variants {
            let runs = if size > 20.0 { a.runs_large } else { a.runs };
            let path = a.dir.join(format!("corpus-{}-{size}mb.jsonl", v.name()));
            let c = bench::generate(&templates, v, (size * 1e6) as usize, &path).unwrap_or_else(|e| fail(e.to_string()));
            let e1 = extract(&summit, &c, 1, runs, &a.dir);
            let en = extract(&summit, &c, a.jobs, runs, &a.dir);
            let texts = texts_of(&c);
            let (fsecs, fmatches) = floor(&names, &texts, runs);
            drop(texts);
            // One load per corpus: at 10 MB it is already 4 million quads (and minutes).
            let ld = a.load_variants.contains(&v).then(|| load(&summit, &c, a.jobs, 1, &a.dir));
            let mut peer = serde_json::Value::Null;
            if let Some(py) = &a.python
                && size <= a.peer_max_mb
            {
                let nq = a.dir.join("corpus.nq");
                let with_nq = ld.is_some();
                if with_nq {
                    let r = measure(Command::new(&summit).args(["extract", "--today", TODAY, "--format", "nq", "-o"]).arg(&nq).arg(&c.path), &a.dir);
                    assert_eq!(r.code, 0, "{}", r.stderr);
                }
                peer = peers(py, &c, &names_path, with_nq.then_some(nq.as_path()), runs, &a.dir);
                let _ = std::fs::remove_file(&nq);
            }
            // Throughput on CPU time (user + system of the child): what a core does, whatever
            // else the machine runs; wall time for the parallel speed-up and the loads.
            let j1 = mbps(c.text_bytes, e1.cpu);
            let j1_wall = mbps(c.text_bytes, e1.secs);
            let jn = mbps(c.text_bytes, en.secs);
            let fl = mbps(c.text_bytes, fsecs);
            let mut peer_txt = String::new();
            let mut ratios = serde_json::Map::new();
            let peer_num = |k: &str, f: &str| peer.get(k).and_then(|p| p.get(f)).and_then(|x| x.as_f64());
            if let Some(s) = peer_num("spacy_phrasematcher", "cpu") {
                let r = s / e1.cpu;
                ratios.insert("extract_j1_over_spacy_phrasematcher_cpu".into(), r.into());
                peer_txt += &format!("j1/spaCy {r:.1}x ");
            }
            if let Some(l) = &ld {
                for (k, label) in [("pyoxigraph_bulk_load", "pyox"), ("rdflib", "rdflib")] {
                    if let (Some(s), Some(cpu)) = (peer_num(k, "secs"), peer_num(k, "cpu")) {
                        let (r, rc) = (s / l.secs, cpu / l.cpu);
                        ratios.insert(format!("load_over_{k}_wall"), r.into());
                        ratios.insert(format!("load_over_{k}_cpu"), rc.into());
                        peer_txt += &format!("load/{label} {r:.2}x wall {rc:.2}x cpu ");
                    }
                }
            }
            println!(
                "{:<6} {:>5} {:>7} {:>7} | {:>8.2} {:>8.0} {:>8.2} {:>8.0} {:>6.0} | {:>9.1} {:>5.1}% {:>6.2} | {:>9} {:>8} | {}",
                v.name(),
                size,
                c.docs,
                c.events,
                j1,
                c.docs as f64 / e1.cpu,
                jn,
                c.docs as f64 / en.secs,
                e1.maxrss_mb.max(en.maxrss_mb),
                fl,
                100.0 * j1 / fl,
                e1.secs / en.secs,
                ld.as_ref().map_or("-".into(), |l| format!("{:.0}", c.quads as f64 / l.secs)),
                ld.as_ref().map_or("-".into(), |l| format!("{:.1}", l.store_mb)),
                peer_txt
            );
            results.push(serde_json::json!({
                "variant": v.name(), "size_mb": size, "runs": runs, "docs": c.docs, "file_bytes": c.file_bytes,
                "text_bytes": c.text_bytes, "events": c.events, "entities": c.entities, "quads": c.quads,
                "extract_j1": {"secs": e1.secs, "cpu": e1.cpu, "mb_per_s_cpu": j1, "mb_per_s_wall": j1_wall, "docs_per_s_cpu": c.docs as f64 / e1.cpu, "maxrss_mb": e1.maxrss_mb},
                "extract_jn": {"jobs": a.jobs, "secs": en.secs, "cpu": en.cpu, "mb_per_s": jn, "docs_per_s": c.docs as f64 / en.secs, "maxrss_mb": en.maxrss_mb},
                "floor_aho_corasick": {"cpu": fsecs, "mb_per_s_cpu": fl, "matches": fmatches},
                "load": ld.as_ref().map(|l| serde_json::json!({"jobs": a.jobs, "secs": l.secs, "cpu": l.cpu, "quads_per_s": c.quads as f64 / l.secs, "store_mb": l.store_mb, "maxrss_mb": l.maxrss_mb})),
                "peers": peer,
                "ratios": ratios,
            }));
            let _ = std::fs::remove_file(&path);
        }
    }
    if let Some(mb) = a.long {
        results.push(long_document(&summit, &templates, mb, &a.dir));
    }
    let json = serde_json::to_string_pretty(&results).unwrap();
    let out = a.dir.join("results.json");
    std::fs::write(&out, json).expect("results");
    println!("# all answers checked; figures in {}", out.display());
}
