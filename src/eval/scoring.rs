//! Scoring: a document's predictions against its gold → correct, wrong and missed
//! [`Fact`]s and must-not [`Violation`]s; facts → [`Counts`] per kind and per rule.

use super::Kind;
use super::gold::{GoldDoc, GoldMeeting, fold};
use super::predict::{DocPrediction, PredMeeting};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// How a fact stands against the gold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Reported and in the gold.
    Correct,
    /// Reported, not in the gold.
    Wrong,
    /// In the gold, not reported.
    Missed,
}

/// One fact of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub kind: Kind,
    /// What it says: `A + B` for a meeting, `A + B: X` for a participant, attendee,
    /// place or date of the meeting of A and B, the name for an entity.
    pub key: String,
    pub status: Status,
    /// The rules that produced it (empty for a missed fact).
    pub rules: Vec<String>,
    /// Its evidence sentence (none for a missed fact).
    pub evidence: Option<String>,
}

fn label(names: &[String]) -> String {
    let mut v: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
    v.sort();
    v.join(" + ")
}

fn meeting_key(names: &[String], planned: bool) -> String {
    let l = label(names);
    if planned { format!("{l} (planned)") } else { l }
}

fn folded_set(names: &[String]) -> BTreeSet<String> {
    names.iter().map(|n| fold(n)).collect()
}

/// Scores one document's predictions against its gold: every correct, wrong and missed
/// fact, sorted by kind and key.
///
/// Each reported meeting is aligned with at most one gold meeting: the pair sharing
/// the most participants (then the same date, then the same place) first. The
/// participants, attendees, place and date of an aligned meeting are facts about the
/// gold meeting; those of a meeting no gold meeting shares a participant with are all
/// wrong.
pub fn score(gold: &GoldDoc, pred: &DocPrediction) -> Vec<Fact> {
    let mut out = Facts::default();
    let a = align(gold, pred);
    // Gold meetings, with what their aligned prediction says.
    for (gi, g) in gold.meetings.iter().enumerate() {
        match a.p_of_g[gi] {
            None => out.missed_meeting(g),
            Some(pi) => out.aligned_meeting(g, &pred.meetings[pi], a.gsets[gi] == a.psets[pi]),
        }
    }
    // Reported meetings no gold meeting shares a participant with: all wrong.
    for (pi, p) in pred.meetings.iter().enumerate() {
        if a.g_of_p[pi].is_none() {
            out.wrong_meeting(p);
        }
    }
    // Entities, of the kinds annotated.
    for kind in [Kind::Person, Kind::PlaceEntity, Kind::Organization].into_iter().filter(|k| gold.entity_kinds.contains(k)) {
        out.entities(kind, gold.entities.get(&kind).cloned().unwrap_or_default(), pred);
    }
    let mut facts = out.facts;
    facts.sort_by(|a, b| (a.kind, &a.key).cmp(&(b.kind, &b.key)));
    facts
}

/// Which reported meeting goes with which gold meeting.
struct Alignment {
    /// Each gold meeting's participants, folded.
    gsets: Vec<BTreeSet<String>>,
    /// Each reported meeting's participants, folded.
    psets: Vec<BTreeSet<String>>,
    /// The gold meeting of each reported one.
    g_of_p: Vec<Option<usize>>,
    /// The reported meeting of each gold one.
    p_of_g: Vec<Option<usize>>,
}

/// Aligns each reported meeting with at most one gold meeting: the pair sharing the most
/// participants (then the same participants, the same date, the same place) first.
fn align(gold: &GoldDoc, pred: &DocPrediction) -> Alignment {
    let gsets: Vec<BTreeSet<String>> = gold.meetings.iter().map(|m| folded_set(&m.participants)).collect();
    let psets: Vec<BTreeSet<String>> = pred.meetings.iter().map(|m| folded_set(&m.participants)).collect();
    let mut pairs = Vec::new();
    for (gi, g) in gold.meetings.iter().enumerate() {
        for (pi, p) in pred.meetings.iter().enumerate() {
            let shared = gsets[gi].intersection(&psets[pi]).count();
            if shared == 0 {
                continue;
            }
            let same_date = g.date.is_some() && g.date == p.date;
            let same_place = g.place.is_some() && g.place.as_deref().map(fold) == p.place.as_deref().map(fold);
            pairs.push(((shared, gsets[gi] == psets[pi], same_date, same_place), gi, pi));
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut g_of_p: Vec<Option<usize>> = vec![None; pred.meetings.len()];
    let mut p_of_g: Vec<Option<usize>> = vec![None; gold.meetings.len()];
    for (_, gi, pi) in pairs {
        if g_of_p[pi].is_none() && p_of_g[gi].is_none() {
            g_of_p[pi] = Some(gi);
            p_of_g[gi] = Some(pi);
        }
    }
    Alignment { gsets, psets, g_of_p, p_of_g }
}

/// The evidence a reported meeting gives for the first of `rules`.
fn evidence_of(m: &PredMeeting, rules: &[String]) -> Option<String> {
    rules.first().and_then(|r| m.evidence.get(r)).cloned()
}

/// The rules a reported meeting's attendees come from: its attendance rules, else its rules.
fn attendee_rules(p: &PredMeeting) -> &[String] {
    if p.attendee_rules.is_empty() { &p.rules } else { &p.attendee_rules }
}

/// The facts of one document, in the order they are found; a key that comes again gets
/// ` #2`, ` #3`, … so that every fact is counted.
#[derive(Default)]
struct Facts {
    facts: Vec<Fact>,
    used: BTreeSet<(Kind, String)>,
}

impl Facts {
    fn push(&mut self, kind: Kind, key: String, status: Status, rules: &[String], evidence: Option<String>) {
        let mut k = key.clone();
        let mut n = 2;
        while !self.used.insert((kind, k.clone())) {
            k = format!("{key} #{n}");
            n += 1;
        }
        self.facts.push(Fact { kind, key: k, status, rules: rules.to_vec(), evidence });
    }

    /// A gold meeting no reported meeting was aligned with: it and its parts missed.
    fn missed_meeting(&mut self, g: &GoldMeeting) {
        let l = label(&g.participants);
        self.push(Kind::Meeting, meeting_key(&g.participants, g.planned), Status::Missed, &[], None);
        for n in &g.participants {
            self.push(Kind::Participant, format!("{l}: {n}"), Status::Missed, &[], None);
        }
        for n in &g.attendees {
            self.push(Kind::Attendee, format!("{l}: {n}"), Status::Missed, &[], None);
        }
        if let Some(x) = &g.place {
            self.push(Kind::Place, format!("{l}: {x}"), Status::Missed, &[], None);
        }
        if let Some(x) = &g.date {
            self.push(Kind::Date, format!("{l}: {x}"), Status::Missed, &[], None);
        }
    }

    /// A gold meeting and the reported meeting aligned with it (`same`: the same
    /// participants); its parts are facts about the gold meeting.
    fn aligned_meeting(&mut self, g: &GoldMeeting, p: &PredMeeting, same: bool) {
        let l = label(&g.participants);
        let gkey = meeting_key(&g.participants, g.planned);
        let ev = evidence_of(p, &p.rules);
        let att_rules = attendee_rules(p);
        let att_ev = evidence_of(p, att_rules);
        if same && g.planned == p.planned {
            self.push(Kind::Meeting, gkey, Status::Correct, &p.rules, ev.clone());
        } else {
            self.push(Kind::Meeting, meeting_key(&p.participants, p.planned), Status::Wrong, &p.rules, ev.clone());
            self.push(Kind::Meeting, gkey, Status::Missed, &[], None);
        }
        self.list(&l, Kind::Participant, &g.participants, &p.participants, &p.rules, &ev);
        self.list(&l, Kind::Attendee, &g.attendees, &p.attendees, att_rules, &att_ev);
        let place_w: Vec<String> = g.place.iter().cloned().collect();
        let place_g: Vec<String> = p.place.iter().cloned().collect();
        self.list(&l, Kind::Place, &place_w, &place_g, &p.rules, &ev);
        let date_w: Vec<String> = g.date.iter().cloned().collect();
        let date_g: Vec<String> = p.date.iter().cloned().collect();
        self.list(&l, Kind::Date, &date_w, &date_g, &p.rules, &ev);
    }

    /// The names `got` against the names wanted, as parts of the meeting labelled `l`.
    fn list(&mut self, l: &str, kind: Kind, want: &[String], got: &[String], rules: &[String], ev: &Option<String>) {
        let w = folded_set(want);
        let gset = folded_set(got);
        for n in got {
            let st = if w.contains(&fold(n)) { Status::Correct } else { Status::Wrong };
            self.push(kind, format!("{l}: {n}"), st, rules, ev.clone());
        }
        for n in want {
            if !gset.contains(&fold(n)) {
                self.push(kind, format!("{l}: {n}"), Status::Missed, &[], None);
            }
        }
    }

    /// A reported meeting no gold meeting shares a participant with: it and its parts wrong.
    fn wrong_meeting(&mut self, p: &PredMeeting) {
        let ev = evidence_of(p, &p.rules);
        self.push(Kind::Meeting, meeting_key(&p.participants, p.planned), Status::Wrong, &p.rules, ev.clone());
        let l = label(&p.participants);
        for n in &p.participants {
            self.push(Kind::Participant, format!("{l}: {n}"), Status::Wrong, &p.rules, ev.clone());
        }
        let att_rules = attendee_rules(p);
        for n in &p.attendees {
            self.push(Kind::Attendee, format!("{l}: {n}"), Status::Wrong, att_rules, evidence_of(p, att_rules));
        }
        if let Some(x) = &p.place {
            self.push(Kind::Place, format!("{l}: {x}"), Status::Wrong, &p.rules, ev.clone());
        }
        if let Some(x) = &p.date {
            self.push(Kind::Date, format!("{l}: {x}"), Status::Wrong, &p.rules, ev.clone());
        }
    }

    /// The entities of `kind` reported against those `want`ed.
    fn entities(&mut self, kind: Kind, want: Vec<String>, pred: &DocPrediction) {
        let w = folded_set(&want);
        let mut got = BTreeSet::new();
        for e in pred.entities.iter().filter(|e| Kind::from_type_name(&e.etype) == Some(kind)) {
            got.insert(fold(&e.name));
            let st = if w.contains(&fold(&e.name)) { Status::Correct } else { Status::Wrong };
            self.push(kind, e.name.clone(), st, &e.rules, Some(e.evidence.clone()).filter(|s| !s.is_empty()));
        }
        for n in &want {
            if !got.contains(&fold(n)) {
                self.push(kind, n.clone(), Status::Missed, &[], None);
            }
        }
    }
}

/// A must-not fact that came out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub doc: String,
    pub kind: Kind,
    /// The must-not fact as written in the gold.
    pub what: String,
    /// What summit reported.
    pub got: String,
    pub rules: Vec<String>,
    pub evidence: Option<String>,
}

pub(super) fn must_not(gold: &GoldDoc, pred: &DocPrediction) -> Vec<Violation> {
    let mut out = Vec::new();
    for m in &gold.must_not_meetings {
        let set = folded_set(m);
        for p in &pred.meetings {
            if set.is_subset(&folded_set(&p.participants)) {
                out.push(Violation {
                    doc: gold.key(),
                    kind: Kind::Meeting,
                    what: label(m),
                    got: meeting_key(&p.participants, p.planned),
                    rules: p.rules.clone(),
                    evidence: p.rules.first().and_then(|r| p.evidence.get(r)).cloned(),
                });
            }
        }
    }
    for (kind, name) in &gold.must_not_entities {
        for e in &pred.entities {
            if Kind::from_type_name(&e.etype) == Some(*kind) && fold(&e.name) == fold(name) {
                out.push(Violation {
                    doc: gold.key(),
                    kind: *kind,
                    what: name.clone(),
                    got: e.name.clone(),
                    rules: e.rules.clone(),
                    evidence: Some(e.evidence.clone()).filter(|s| !s.is_empty()),
                });
            }
        }
    }
    out
}

/// Counts behind precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Facts in the gold.
    pub gold: usize,
    /// Facts reported.
    pub found: usize,
    /// Facts reported and in the gold.
    pub correct: usize,
}

impl Counts {
    /// `correct / found`; none when nothing was reported.
    pub fn precision(&self) -> Option<f64> {
        (self.found > 0).then(|| self.correct as f64 / self.found as f64)
    }
    /// `correct / gold`; none when the gold has none.
    pub fn recall(&self) -> Option<f64> {
        (self.gold > 0).then(|| self.correct as f64 / self.gold as f64)
    }
    /// Harmonic mean of precision and recall (a missing one counts as 0); none when
    /// both are missing.
    pub fn f1(&self) -> Option<f64> {
        let (p, r) = (self.precision(), self.recall());
        if p.is_none() && r.is_none() {
            return None;
        }
        let (p, r) = (p.unwrap_or(0.0), r.unwrap_or(0.0));
        Some(if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) })
    }
    pub(super) fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.found += o.found;
        self.correct += o.correct;
    }
}

pub(super) fn kind_counts(facts: &[Fact]) -> BTreeMap<Kind, Counts> {
    let mut m: BTreeMap<Kind, Counts> = Kind::ALL.iter().map(|k| (*k, Counts::default())).collect();
    for f in facts {
        let c = m.entry(f.kind).or_default();
        match f.status {
            Status::Correct => {
                c.gold += 1;
                c.found += 1;
                c.correct += 1;
            }
            Status::Wrong => c.found += 1,
            Status::Missed => c.gold += 1,
        }
    }
    m
}

/// The kinds each rule produced facts of.
pub(super) fn rule_kinds(facts: &[Fact]) -> BTreeMap<String, BTreeSet<Kind>> {
    let mut m: BTreeMap<String, BTreeSet<Kind>> = BTreeMap::new();
    for f in facts {
        for r in &f.rules {
            m.entry(r.clone()).or_default().insert(f.kind);
        }
    }
    m
}

/// Per rule: found = facts it produced, correct = those in the gold, gold = the gold
/// facts of the kinds it produces (`kinds`), so recall is the share of those it found.
pub(super) fn rule_counts(facts: &[Fact], kinds: &BTreeMap<String, BTreeSet<Kind>>) -> BTreeMap<String, Counts> {
    let totals = kind_counts(facts);
    let mut m: BTreeMap<String, Counts> = BTreeMap::new();
    for (r, ks) in kinds {
        let gold = ks.iter().map(|k| totals.get(k).map_or(0, |c| c.gold)).sum();
        m.insert(r.clone(), Counts { gold, found: 0, correct: 0 });
    }
    for f in facts {
        if f.status == Status::Missed {
            continue;
        }
        for r in &f.rules {
            if let Some(c) = m.get_mut(r) {
                c.found += 1;
                if f.status == Status::Correct {
                    c.correct += 1;
                }
            }
        }
    }
    m
}

pub(super) fn all_facts(docs: &BTreeMap<String, Vec<Fact>>, keys: &[String]) -> Vec<Fact> {
    keys.iter().filter_map(|k| docs.get(k)).flatten().cloned().collect()
}
