//! The report: everything `summit eval` found, as a value ([`Report`]) and as the text
//! the binary prints ([`Report::render`]); the library never prints or picks an exit code.

use super::baseline::{Baseline, Comparison};
use super::scoring::{Counts, Fact, Status, Violation};
use super::{BASELINE_FILE, Kind, REAL_DIR};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Everything `summit eval` reports.
#[derive(Debug, Clone)]
pub struct Report {
    /// Documents evaluated.
    pub documents: Vec<String>,
    /// Documents skipped, with the reason (their file is absent).
    pub skipped: Vec<(String, String)>,
    pub kinds: BTreeMap<Kind, Counts>,
    pub rules: BTreeMap<String, Counts>,
    /// Every fact of every evaluated document, by document.
    pub facts: BTreeMap<String, Vec<Fact>>,
    pub must_not: Vec<Violation>,
    /// None when there is no baseline file.
    pub comparison: Option<Comparison>,
    /// The baseline this run would write (documents skipped now keep their old entry).
    pub new_baseline: Baseline,
    /// The real news of [`REAL_DIR`], scored against their own baseline: reported,
    /// never failing the run (none when the gold has no such documents).
    pub real: Option<Box<Report>>,
}

impl Report {
    /// True when a figure dropped below the baseline or a must-not fact came out.
    pub fn failed(&self) -> bool {
        !self.must_not.is_empty() || self.comparison.as_ref().is_some_and(|c| !c.drops.is_empty())
    }
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"))
}

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Correct => "correct",
        Status::Wrong => "wrong",
        Status::Missed => "missed",
    }
}

fn counts_table(out: &mut String, head: &str, rows: &[(String, Counts)]) {
    let w = rows.iter().map(|(n, _)| n.chars().count()).max().unwrap_or(0).max(head.len());
    let _ = writeln!(out, "{head:<w$}  {:>5}  {:>5}  {:>7}  {:>9}  {:>6}  {:>5}", "gold", "found", "correct", "precision", "recall", "f1");
    for (name, c) in rows {
        let _ = writeln!(
            out,
            "{name:<w$}  {:>5}  {:>5}  {:>7}  {:>9}  {:>6}  {:>5}",
            c.gold,
            c.found,
            c.correct,
            pct(c.precision()),
            pct(c.recall()),
            pct(c.f1())
        );
    }
}

impl Report {
    /// The report as text: the per-kind and per-rule tables, the comparison with the
    /// baseline, must-not facts; with `verbose`, every missed and wrong fact too.
    /// `updating`: the run rewrites the baseline, so drops are reported but not failed.
    pub fn render(&self, baseline_name: &str, verbose: bool, updating: bool) -> String {
        let mut o = String::new();
        let _ = writeln!(o, "summit eval: {} document(s) evaluated, {} skipped", self.documents.len(), self.skipped.len());
        self.render_body(&mut o, baseline_name, verbose);
        if let Some(r) = &self.real {
            let name = Path::new(baseline_name).parent().unwrap_or(Path::new("")).join(REAL_DIR).join(BASELINE_FILE);
            let _ = writeln!(o, "\n== real news, not written by us ({REAL_DIR}/): reported, never failing the run ==");
            let _ = writeln!(o, "real news: {} document(s) evaluated, {} skipped", r.documents.len(), r.skipped.len());
            r.render_body(&mut o, &name.display().to_string(), verbose);
            let _ = writeln!(o, "== end of real news ==");
        }
        let verdict = match (updating, self.failed()) {
            (true, _) if !self.must_not.is_empty() => format!("result: FAILED (a must-not fact came out); baseline rewritten: {baseline_name}"),
            (true, _) => format!("result: ok; baseline rewritten: {baseline_name}"),
            (false, true) => "result: FAILED (a figure dropped below the baseline or a must-not fact came out)".to_string(),
            (false, false) => "result: ok".to_string(),
        };
        let _ = writeln!(o, "{verdict}");
        o
    }

    /// The tables, the facts (`verbose`), the comparison and the must-not facts.
    fn render_body(&self, o: &mut String, baseline_name: &str, verbose: bool) {
        for (d, why) in &self.skipped {
            let _ = writeln!(o, "  {d}: {why}");
        }
        let _ = writeln!(o);
        let mut rows: Vec<(String, Counts)> = Kind::ALL.iter().map(|k| (k.as_str().to_string(), self.kinds[k])).collect();
        let mut all = Counts::default();
        for (_, c) in &rows {
            all.add(*c);
        }
        rows.push(("all".to_string(), all));
        counts_table(o, "kind", &rows);
        let _ = writeln!(o);
        let rows: Vec<(String, Counts)> = self.rules.iter().map(|(r, c)| (r.clone(), *c)).collect();
        counts_table(o, "rule", &rows);
        let _ = writeln!(o, "(a rule's gold: the gold facts of the kinds it produces)");
        if verbose {
            let _ = writeln!(o, "\nagainst the gold:");
            for (doc, fs) in &self.facts {
                for f in fs.iter().filter(|f| f.status != Status::Correct) {
                    let _ = writeln!(o, "  {:<6}  {:<19}  {}  [{}]{}", status_word(f.status), f.kind.as_str(), f.key, doc, if f.rules.is_empty() { String::new() } else { format!(" rule {}", f.rules.join(", ")) });
                    if let Some(e) = &f.evidence {
                        let _ = writeln!(o, "          evidence: {e}");
                    }
                }
            }
        }
        let _ = writeln!(o);
        match &self.comparison {
            None => {
                let _ = writeln!(o, "no baseline at {baseline_name} (write one with --update-baseline)");
            }
            Some(c) => {
                let _ = writeln!(o, "against the baseline {baseline_name}: {} document(s) compared", c.compared.len());
                for d in &c.new {
                    let _ = writeln!(o, "  {d}: not in the baseline yet");
                }
                if c.changes.is_empty() {
                    let _ = writeln!(o, "  no fact gained or lost");
                }
                for ch in &c.changes {
                    let verb = if ch.gained { "gained" } else { "lost" };
                    let f = &ch.fact;
                    let _ = writeln!(o, "  {verb} {} {} {:?}", status_word(f.status), f.kind.as_str(), f.key);
                    let _ = writeln!(o, "      document: {}", ch.doc);
                    let _ = writeln!(o, "      rule: {}", if f.rules.is_empty() { "-".to_string() } else { f.rules.join(", ") });
                    if let Some(e) = &f.evidence {
                        let _ = writeln!(o, "      evidence: {e}");
                    }
                }
                if !c.drops.is_empty() {
                    let _ = writeln!(o, "figures below the baseline:");
                    for d in &c.drops {
                        let _ = writeln!(o, "  {} {}: {} -> {}", d.what, d.measure, pct(Some(d.before)), pct(d.after));
                    }
                }
            }
        }
        if !self.must_not.is_empty() {
            let _ = writeln!(o, "must-not facts reported:");
            for v in &self.must_not {
                let _ = writeln!(o, "  {} {:?} (reported as {:?}) in {}", v.kind.as_str(), v.what, v.got, v.doc);
                let _ = writeln!(o, "      rule: {}", v.rules.join(", "));
                if let Some(e) = &v.evidence {
                    let _ = writeln!(o, "      evidence: {e}");
                }
            }
        }
    }

    /// True when the run fails: a figure dropped below the baseline (unless `updating`
    /// it) or a must-not fact came out. (The binary turns this into exit code 1.)
    pub fn fails(&self, updating: bool) -> bool {
        if updating { !self.must_not.is_empty() } else { self.failed() }
    }
}
