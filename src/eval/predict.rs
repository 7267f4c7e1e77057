//! Predictions: what the rules produced on a gold document, in the form the baseline
//! stores (names, rules, one evidence sentence per rule).

use super::Kind;
use crate::document::Document;
use crate::extract::sentences::Splitter;
use crate::extract::{Extraction, Pipeline};
use crate::rules::RuleKind;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One meeting as summit reported it, with the rules behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredMeeting {
    /// Host first where the rule knows it.
    pub participants: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
    /// Meeting rules in its evidence: they produced the meeting, its participants,
    /// place and date.
    pub rules: Vec<String>,
    /// Attendance rules in its evidence: they produced the attendees.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendee_rules: Vec<String>,
    /// Rule id → the first evidence sentence of that rule (empty in a baseline kept
    /// without text: [`super::Baseline::without_text`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub evidence: BTreeMap<String, String>,
}

/// One entity as summit reported it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredEntity {
    #[serde(rename = "type")]
    pub etype: String,
    pub name: String,
    /// The rules (lists, patterns) of its mentions.
    pub rules: Vec<String>,
    /// The sentence of its first mention (empty in a baseline kept without text).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

/// What summit reported for one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocPrediction {
    #[serde(default)]
    pub meetings: Vec<PredMeeting>,
    #[serde(default)]
    pub entities: Vec<PredEntity>,
}

fn squash(s: &str, max: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > max { s.chars().take(max).collect::<String>() + "…" } else { s }
}

/// The sentence of the original text around `start..end` (code points), as the
/// extractor reads sentences ([`Splitter`], on the normalised text `norm`); tags and line
/// ends bound it too, so HTML gives the text of one element.
fn sentence_around(sp: &Splitter, chars: &[char], norm: &[char], start: usize, end: usize) -> String {
    let end = end.min(chars.len());
    let start = start.min(end);
    let bound = |c: char| matches!(c, '\n' | '<' | '>');
    let mut lo = start;
    while lo > 0 && !bound(norm[lo - 1]) {
        lo -= 1;
    }
    let mut hi = end;
    while hi < norm.len() && !bound(norm[hi]) {
        hi += 1;
    }
    let sentences = sp.split(norm, lo, hi);
    let s = sentences.iter().rev().find(|x| x.0 <= start).map_or(lo, |x| x.0);
    let e = sentences.iter().find(|x| x.1 >= end).map_or(hi, |x| x.1).max(s);
    if e - s > 160 {
        let a = start.saturating_sub(70).max(s);
        let b = (end + 70).min(e);
        let inner: String = chars[a..b].iter().collect();
        return format!("{}{}{}", if a > s { "…" } else { "" }, squash(&inner, 200), if b < e { "…" } else { "" });
    }
    squash(&chars[s..e].iter().collect::<String>(), 200)
}

/// Turns an extraction into the predictions eval scores.
pub fn predictions(p: &Pipeline, doc: &Document, x: &Extraction) -> DocPrediction {
    // Text from outside the repository (../shared/seeds) is never copied into the
    // committed baseline: its evidence is recorded by offsets only.
    let quotable = !doc.source.contains("../") && !doc.source.contains("/shared/seeds/");
    let quote = |text: String, start: usize, end: usize| if quotable { text } else { format!("chars {start}..{end}") };
    let mut meetings = Vec::new();
    for e in &x.events {
        let mut rules = BTreeSet::new();
        let mut attendee_rules = BTreeSet::new();
        let mut evidence = BTreeMap::new();
        for s in &e.evidence {
            let attendance = p.rules.get(&s.rule).is_some_and(|r| r.kind == RuleKind::Attendance);
            if attendance {
                attendee_rules.insert(s.rule.to_string());
            } else {
                rules.insert(s.rule.to_string());
            }
            evidence.entry(s.rule.to_string()).or_insert_with(|| quote(squash(&s.text, 200), s.start, s.end));
        }
        meetings.push(PredMeeting {
            participants: e.participants.iter().map(|r| r.name.clone()).collect(),
            attendees: e.attendees.iter().map(|r| r.name.clone()).collect(),
            place: e.place.as_ref().map(|r| r.name.clone()),
            date: e.date.clone(),
            planned: e.planned,
            rules: rules.into_iter().collect(),
            attendee_rules: attendee_rules.into_iter().collect(),
            evidence,
        });
    }
    meetings.sort_by(|a, b| {
        let key = |m: &PredMeeting| {
            let mut p = m.participants.clone();
            p.sort();
            (p, m.date.clone(), m.planned)
        };
        key(a).cmp(&key(b))
    });
    let chars: Vec<char> = doc.original.chars().collect();
    let norm: Vec<char> = crate::normalise::normalise(&doc.original).chars().collect();
    let mut entities = Vec::new();
    for ent in &x.entities {
        if Kind::from_entity_type(ent.etype).is_none() {
            continue;
        }
        let rules: BTreeSet<String> = ent.mentions.iter().map(|m| m.rule.to_string()).collect();
        let first = ent.mentions.iter().min_by_key(|m| (m.start, m.end));
        entities.push(PredEntity {
            etype: ent.etype.as_str().to_string(),
            name: ent.name.clone(),
            rules: rules.into_iter().collect(),
            evidence: first.map(|m| quote(sentence_around(&p.sentences, &chars, &norm, m.start, m.end), m.start, m.end)).unwrap_or_default(),
        });
    }
    entities.sort_by(|a, b| (Kind::from_type_name(&a.etype), &a.name).cmp(&(Kind::from_type_name(&b.etype), &b.name)));
    DocPrediction { meetings, entities }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_around_a_mention() {
        let lx = crate::lexicon::Lexicon::from_sources(&crate::pack::lexicon_sources()).unwrap();
        let sp = Splitter::new(&lx);
        let around = |text: &str, start: usize, end: usize| {
            let chars: Vec<char> = text.chars().collect();
            let norm: Vec<char> = crate::normalise::normalise(text).chars().collect();
            sentence_around(&sp, &chars, &norm, start, end)
        };
        let text = "首页。王毅参加会见。Then Xi spoke. Done";
        assert_eq!(around(text, 3, 5), "王毅参加会见。");
        let at = text[..text.find("Xi").unwrap()].chars().count();
        assert_eq!(around(text, at, at + 2), "Then Xi spoke.");
        assert_eq!(around("BEIJING, Dec. 3 -- The U.S. President met Xi. Next", 0, 7), "BEIJING, Dec. 3 -- The U.S. President met Xi.");
        assert_eq!(around("<p>Wang Yi met Blinken</p>", 3, 10), "Wang Yi met Blinken");
    }
}
