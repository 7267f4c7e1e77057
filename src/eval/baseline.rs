//! The baseline: the committed record of what the rules produced per gold document
//! (`tests/gold/baseline.json`), and the comparison of a run with it.

use super::Kind;
use super::gold::GoldDoc;
use super::predict::DocPrediction;
use super::scoring::{Counts, Fact, Status, all_facts, kind_counts, rule_counts, rule_kinds, score};
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A row of figures as the baseline records it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub gold: usize,
    pub found: usize,
    pub correct: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
}

fn round4(x: Option<f64>) -> Option<f64> {
    x.map(|v| (v * 10000.0).round() / 10000.0)
}

impl From<Counts> for Row {
    fn from(c: Counts) -> Row {
        Row { gold: c.gold, found: c.found, correct: c.correct, precision: round4(c.precision()), recall: round4(c.recall()), f1: round4(c.f1()) }
    }
}

/// The figures of a whole run, for readers of the baseline's diff.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    pub kinds: BTreeMap<String, Row>,
    pub rules: BTreeMap<String, Row>,
}

/// What the baseline keeps of one document: its counts per kind (for readers) and
/// what the rules produced (what comparisons are made from).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BaselineDoc {
    pub counts: BTreeMap<String, Counts>,
    #[serde(flatten)]
    pub produced: DocPrediction,
}

/// The committed record of what the rules produced on the gold documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    #[serde(default)]
    pub about: String,
    #[serde(default)]
    pub totals: Totals,
    pub documents: BTreeMap<String, BaselineDoc>,
}

const ABOUT: &str = "Written by `summit eval --update-baseline`: what the rules produced on each gold document and its figures. `summit eval` compares against it and exits 1 when a figure drops.";

impl Baseline {
    /// Reads a baseline; `Ok(None)` when the file does not exist.
    pub fn load(path: &Path) -> Result<Option<Baseline>> {
        let name = path.display().to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(name, &e)),
        };
        serde_json::from_str(&text).map(Some).map_err(|e| Error::parse(name, e.line(), e.to_string()).at_column(e.column()))
    }

    /// The baseline with no sentence of the documents in it: names, rules and figures
    /// only. The real news keep theirs so (`real/baseline.json`): their texts stay in
    /// their own files with source and licence, never copied into a record of output.
    pub fn without_text(mut self) -> Baseline {
        for d in self.documents.values_mut() {
            for m in &mut d.produced.meetings {
                m.evidence.clear();
            }
            for e in &mut d.produced.entities {
                e.evidence.clear();
            }
        }
        self
    }

    /// The baseline as written: pretty JSON, keys sorted, a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a baseline serialises");
        s.push('\n');
        s
    }

    /// Writes the baseline (through a temporary file, so a failed write leaves the old one).
    pub fn write(&self, path: &Path) -> Result<()> {
        let tmp = path.with_extension("json.partial");
        std::fs::write(&tmp, self.to_json()).map_err(|e| Error::io(tmp.display().to_string(), &e))?;
        std::fs::rename(&tmp, path).map_err(|e| Error::io(path.display().to_string(), &e))
    }
}

/// A fact that appeared or disappeared since the baseline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub doc: String,
    /// True: reported now, not in the baseline; false: in the baseline, not now.
    pub gained: bool,
    pub fact: Fact,
}

/// A figure below the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Drop {
    /// `meeting`, `entity:Person`, or `rule zh-receive`.
    pub what: String,
    /// `precision`, `recall` or `f1`.
    pub measure: &'static str,
    pub before: f64,
    pub after: Option<f64>,
}

/// The comparison with the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Documents compared: evaluated now and present in the baseline.
    pub compared: Vec<String>,
    /// Documents evaluated now that the baseline does not have.
    pub new: Vec<String>,
    pub changes: Vec<Change>,
    pub drops: Vec<Drop>,
}

/// The facts reported (not missed) by kind and key.
fn found(fs: &[Fact]) -> BTreeMap<(Kind, String), Fact> {
    fs.iter().filter(|f| f.status != Status::Missed).map(|f| ((f.kind, f.key.clone()), f.clone())).collect()
}

/// Compares a run with the baseline: the baseline's productions, scored against today's
/// gold, over the documents evaluated now and present in the baseline. The kinds of the
/// rules the baseline knows are added to `shown_kinds`.
pub(super) fn compare(
    b: &Baseline,
    gold_by_key: &BTreeMap<String, &GoldDoc>,
    documents: &[String],
    facts: &BTreeMap<String, Vec<Fact>>,
    shown_kinds: &mut BTreeMap<String, BTreeSet<Kind>>,
) -> Comparison {
    let compared: Vec<String> = documents.iter().filter(|k| b.documents.contains_key(*k)).cloned().collect();
    let new: Vec<String> = documents.iter().filter(|k| !b.documents.contains_key(*k)).cloned().collect();
    let mut before_facts: BTreeMap<String, Vec<Fact>> = BTreeMap::new();
    let mut changes = Vec::new();
    for k in &compared {
        let bf = score(gold_by_key[k], &b.documents[k].produced);
        let (before, after) = (found(&bf), found(&facts[k]));
        for (key, f) in &before {
            if !after.contains_key(key) {
                changes.push(Change { doc: k.clone(), gained: false, fact: f.clone() });
            }
        }
        for (key, f) in &after {
            if !before.contains_key(key) {
                changes.push(Change { doc: k.clone(), gained: true, fact: f.clone() });
            }
        }
        before_facts.insert(k.clone(), bf);
    }
    let bf = all_facts(&before_facts, &compared);
    let nf = all_facts(facts, &compared);
    let mut drops = Vec::new();
    let mut check = |what: String, before: Counts, after: Counts| {
        for (measure, b, a) in [
            ("precision", before.precision(), after.precision()),
            ("recall", before.recall(), after.recall()),
            ("f1", before.f1(), after.f1()),
        ] {
            if let Some(b) = b
                && a.unwrap_or(0.0) < b - 1e-9
            {
                drops.push(Drop { what: what.clone(), measure, before: b, after: a });
            }
        }
    };
    let (kb, ka) = (kind_counts(&bf), kind_counts(&nf));
    for k in Kind::ALL {
        check(k.as_str().to_string(), kb[&k], ka[&k]);
    }
    let mut rk = rule_kinds(&bf);
    for (r, ks) in rule_kinds(&nf) {
        rk.entry(r).or_default().extend(ks);
    }
    for (r, ks) in &rk {
        shown_kinds.entry(r.clone()).or_default().extend(ks.iter().copied());
    }
    let (rb, ra) = (rule_counts(&bf, &rk), rule_counts(&nf, &rk));
    for (r, b) in &rb {
        check(format!("rule {r}"), *b, ra.get(r).copied().unwrap_or_default());
    }
    changes.sort_by(|a, b| (&a.doc, a.fact.kind, &a.fact.key, a.gained).cmp(&(&b.doc, b.fact.kind, &b.fact.key, b.gained)));
    Comparison { compared, new, changes, drops }
}

/// The baseline this run would write: what was `produced` now, and for documents
/// skipped now their entry in the old baseline; counts and totals scored against
/// today's gold.
pub(super) fn next(
    gold: &[GoldDoc],
    gold_by_key: &BTreeMap<String, &GoldDoc>,
    produced: &BTreeMap<String, DocPrediction>,
    baseline: Option<&Baseline>,
) -> Baseline {
    let mut bdocs: BTreeMap<String, BaselineDoc> = BTreeMap::new();
    for g in gold {
        let k = g.key();
        let prod = match produced.get(&k) {
            Some(p) => p.clone(),
            None => match baseline.and_then(|b| b.documents.get(&k)) {
                Some(d) => d.produced.clone(),
                None => continue,
            },
        };
        bdocs.insert(k, BaselineDoc { counts: BTreeMap::new(), produced: prod });
    }
    let mut every: Vec<Fact> = Vec::new();
    for (k, d) in bdocs.iter_mut() {
        let fs = score(gold_by_key[k], &d.produced);
        d.counts = kind_counts(&fs).into_iter().map(|(k, c)| (k.as_str().to_string(), c)).collect();
        every.extend(fs);
    }
    let totals = Totals {
        kinds: kind_counts(&every).into_iter().map(|(k, c)| (k.as_str().to_string(), c.into())).collect(),
        rules: rule_counts(&every, &rule_kinds(&every)).into_iter().map(|(r, c)| (r, c.into())).collect(),
    };
    Baseline { about: ABOUT.to_string(), totals, documents: bdocs }
}
