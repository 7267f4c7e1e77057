//! The benchmark corpus: reproducible corpora of any size, and the answer they must give.
//!
//! Input: the repository's own articles (`examples/`, `tests/fixtures/news`) and the seed
//! articles when present (read where they lie, never copied). Output: a JSONL corpus of
//! copies of those articles with fresh ids and varied fallback dates, in three variants
//! ([`Variant`]: Chinese, English, mixed), and the counts of events, entities and quads
//! summit must produce on it, known before summit runs on it.
//!
//! **How the answer is known**: every (article, date) pair, a [`Template`], is read by
//! summit's own reader and extracted once; a copy differs from its template only by its
//! id, which no count depends on, so the corpus's counts are the sums over its copies'
//! templates. `summit-bench` (src/bin/summit-bench.rs) times summit against these counts,
//! so a fast wrong answer fails; `tests/bench.rs` checks the answer at about 1 MB.

use crate::error::{Error, Result};
use crate::extract::{Options, Pipeline};
use crate::gazetteer::Gazetteer;
use crate::normalise::{is_han, normalise};
use crate::read::{self, Input, ReadOptions};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Which articles a corpus mixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// Articles mostly in Chinese (Simplified or Traditional).
    Zh,
    /// Articles mostly in English.
    En,
    /// All of them.
    Mixed,
}

impl Variant {
    pub fn name(self) -> &'static str {
        match self {
            Variant::Zh => "zh",
            Variant::En => "en",
            Variant::Mixed => "mixed",
        }
    }

    pub fn parse(s: &str) -> Option<Variant> {
        [Variant::Zh, Variant::En, Variant::Mixed].into_iter().find(|v| v.name() == s)
    }
}

/// One article with one fallback date, and what summit makes of it.
#[derive(Debug, Clone)]
pub struct Template {
    /// The JSONL record without its id.
    pub text: String,
    pub date: Option<String>,
    pub url: Option<String>,
    pub chinese: bool,
    pub events: usize,
    pub entities: usize,
    pub quads: usize,
}

/// A generated corpus and the answer summit must give on it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corpus {
    pub path: PathBuf,
    pub docs: usize,
    /// Size of the JSONL file.
    pub file_bytes: usize,
    /// Sum of the documents' text sizes (UTF-8): the figure throughput is measured on.
    pub text_bytes: usize,
    pub events: usize,
    pub entities: usize,
    pub quads: usize,
}

/// The articles the corpus is made of: every readable document under `examples/` and
/// `tests/fixtures/news` in `repo`, and under `seeds` when given and present.
pub fn source_documents(repo: &Path, seeds: Option<&Path>) -> Vec<crate::Document> {
    let mut paths = vec![repo.join("examples").display().to_string(), repo.join("tests/fixtures/news").display().to_string()];
    if let Some(s) = seeds.filter(|s| s.is_dir()) {
        paths.push(s.display().to_string());
    }
    let (inputs, _) = read::expand(&paths);
    let mut docs = Vec::new();
    for i in &inputs {
        read::read_input(i, ReadOptions::default(), &mut |r| {
            if let Ok(d) = r
                && !d.text.trim().is_empty()
            {
                docs.push(d);
            }
        });
    }
    docs
}

fn record(id: &str, text: &str, date: Option<&str>, url: Option<&str>) -> String {
    let mut m = serde_json::Map::new();
    m.insert("id".into(), id.into());
    m.insert("text".into(), text.into());
    if let Some(d) = date {
        m.insert("date".into(), d.into());
    }
    if let Some(u) = url {
        m.insert("url".into(), u.into());
    }
    serde_json::Value::Object(m).to_string()
}

/// Three templates per article: its own date (or none), and two other fallback dates.
/// Each is written as a JSONL record to `work/templates.jsonl`, read back with summit's
/// reader and extracted, so its counts are exactly what summit gives on a copy.
pub fn templates(p: &Pipeline, opts: &Options, docs: &[crate::Document], work: &Path) -> Result<Vec<Template>> {
    std::fs::create_dir_all(work).map_err(|e| Error::io(work.display().to_string(), &e))?;
    let path = work.join("templates.jsonl");
    let mut out = String::new();
    let mut partial = Vec::new();
    for (k, d) in docs.iter().enumerate() {
        let own = d.date.map(|x| x.format("%Y-%m-%d").to_string());
        let day = 1 + k % 28;
        for date in [own, Some(format!("2019-05-{day:02}")), Some(format!("2025-09-{day:02}"))] {
            out.push_str(&record("t", &d.original, date.as_deref(), d.url.as_deref()));
            out.push('\n');
            let han = d.text.chars().filter(|&c| is_han(c)).count();
            let latin = d.text.chars().filter(|c| c.is_ascii_alphabetic()).count();
            partial.push(Template {
                text: d.original.clone(),
                date,
                url: d.url.clone(),
                chinese: han * 3 >= latin,
                events: 0,
                entities: 0,
                quads: 0,
            });
        }
    }
    std::fs::write(&path, out).map_err(|e| Error::io(path.display().to_string(), &e))?;
    let mut read_back = Vec::new();
    let mut failed = None;
    read::read_input(&Input::File(path.clone()), ReadOptions::default(), &mut |r| match r {
        Ok(d) => read_back.push(d),
        Err(e) => failed = Some(e),
    });
    if let Some(e) = failed {
        return Err(e);
    }
    assert_eq!(read_back.len(), partial.len(), "every template reads back as one document");
    for (t, d) in partial.iter_mut().zip(&read_back) {
        let x = p.extract(d, opts);
        t.events = x.events.len();
        t.entities = x.entities.len();
        t.quads = crate::rdf::quads(&x, &p.gazetteer).len();
    }
    Ok(partial)
}

/// Writes a corpus of at least `target_bytes` (JSONL file size) to `path`: copies of the
/// variant's templates in a fixed pseudo-random order, ids `<variant>-<n>`. The same
/// arguments give the same bytes.
pub fn generate(templates: &[Template], variant: Variant, target_bytes: usize, path: &Path) -> Result<Corpus> {
    let pool: Vec<&Template> = templates
        .iter()
        .filter(|t| match variant {
            Variant::Zh => t.chinese,
            Variant::En => !t.chinese,
            Variant::Mixed => true,
        })
        .collect();
    if pool.is_empty() {
        return Err(Error::new(crate::ErrorKind::Usage, format!("no {} articles to build a corpus from", variant.name())));
    }
    let file = std::fs::File::create(path).map_err(|e| Error::io(path.display().to_string(), &e))?;
    let mut w = BufWriter::new(file);
    let mut c = Corpus { path: path.to_path_buf(), ..Corpus::default() };
    let mut seed: u64 = 0x5u64 ^ (variant as u64) << 32;
    while c.file_bytes < target_bytes {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let t = pool[((seed >> 33) as usize) % pool.len()];
        let line = record(&format!("{}-{:07}", variant.name(), c.docs), &t.text, t.date.as_deref(), t.url.as_deref());
        w.write_all(line.as_bytes()).and_then(|_| w.write_all(b"\n")).map_err(|e| Error::io(path.display().to_string(), &e))?;
        c.docs += 1;
        c.file_bytes += line.len() + 1;
        c.text_bytes += t.text.len();
        c.events += t.events;
        c.entities += t.entities;
        c.quads += t.quads;
    }
    w.flush().map_err(|e| Error::io(path.display().to_string(), &e))?;
    Ok(c)
}

/// Counts the event and entity records of `summit extract --format jsonl` output.
pub fn count_jsonl(path: &Path) -> Result<(usize, usize)> {
    let f = std::fs::File::open(path).map_err(|e| Error::io(path.display().to_string(), &e))?;
    let (mut events, mut entities) = (0, 0);
    for line in BufReader::with_capacity(1 << 20, f).split(b'\n') {
        let line = line.map_err(|e| Error::io(path.display().to_string(), &e))?;
        if line.starts_with(br#"{"kind":"event""#) {
            events += 1;
        } else if line.starts_with(br#"{"kind":"entity""#) {
            entities += 1;
        }
    }
    Ok((events, entities))
}

/// Checks summit's counts against the corpus's answer; the message says what differs.
pub fn check(c: &Corpus, events: usize, entities: usize) -> std::result::Result<(), String> {
    if (events, entities) == (c.events, c.entities) {
        Ok(())
    } else {
        Err(format!(
            "{}: summit gave {events} events and {entities} entities, the corpus's articles give {} and {}",
            c.path.display(),
            c.events,
            c.entities
        ))
    }
}

/// The strings summit's gazetteer automaton holds: every full name, short form and
/// demonym, normalised, once each, in gazetteer order (for the floor and the peers).
pub fn gazetteer_names(g: &Gazetteer) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut names = Vec::new();
    for e in &g.entries {
        for n in e.full_names().chain(e.short.iter().map(String::as_str)).chain(e.demonyms.iter().map(String::as_str)) {
            let n = normalise(n.trim());
            if !n.is_empty() && seen.insert(n.clone()) {
                names.push(n);
            }
        }
    }
    names
}
