//! Rule checks: every rule's examples must produce what they say, and its
//! counter-examples must produce nothing from that rule.
//!
//! Input: a [`Pipeline`]. Output: every failure at once (not only the first), each
//! naming the rule id, where the rule is defined, and what went wrong.

use crate::document::Document;
use crate::extract::{Event, Options, Pipeline};
use crate::rules::RuleKind;
use chrono::NaiveDate;

/// One rule example that did not come out as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub rule: String,
    pub origin: String,
    pub text: String,
    pub problem: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({}): {}\n    text: {}", self.rule, self.origin, self.problem, self.text)
    }
}

fn names(v: &[crate::extract::Ref]) -> Vec<String> {
    v.iter().map(|r| r.name.clone()).collect()
}

fn same_set(a: &[String], b: &[String]) -> bool {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort();
    b.sort();
    a == b
}

/// Runs every example and counter-example of every rule; today is fixed so that
/// results do not depend on the clock.
pub fn check_rules(p: &Pipeline, today: NaiveDate) -> (usize, Vec<Failure>) {
    let mut failures = Vec::new();
    let mut count = 0;
    for rule in &p.rules.rules {
        let fail = |text: &str, problem: String| Failure {
            rule: rule.id.clone(),
            origin: rule.origin.clone(),
            text: text.to_string(),
            problem,
        };
        for ex in &rule.examples {
            count += 1;
            let date = match ex.article_date.as_deref().map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d")) {
                Some(Ok(d)) => Some(d),
                Some(Err(_)) => {
                    failures.push(fail(&ex.text, "article_date is not YYYY-MM-DD".into()));
                    continue;
                }
                None => None,
            };
            let doc = Document::plain("example", rule.origin.clone(), ex.text.clone());
            let x = p.extract(&doc, &Options { date, today });
            let by_rule: Vec<&Event> = x.events.iter().filter(|e| e.evidence.iter().any(|s| *s.rule == *rule.id)).collect();
            if rule.kind == RuleKind::Blocker {
                if !x.events.is_empty() {
                    failures.push(fail(&ex.text, format!("blocker example still yields {} meeting(s)", x.events.len())));
                }
                continue;
            }
            // Several meetings from one text (分别会见): check the one with these people.
            let wanted = |e: &&&Event| same_set(&names(&e.participants), &ex.participants);
            let Some(ev) = by_rule.iter().find(wanted).or(by_rule.first()) else {
                let got: Vec<String> =
                    x.events.iter().map(|e| format!("{:?} by {:?}", names(&e.participants), e.evidence.iter().map(|s| &s.rule).collect::<Vec<_>>())).collect();
                failures.push(fail(&ex.text, format!("no meeting from this rule (got {got:?})")));
                continue;
            };
            if !ex.participants.is_empty() {
                let got = names(&ev.participants);
                let ok = if rule.host == crate::rules::Host::Unknown { same_set(&got, &ex.participants) } else { got == ex.participants };
                if !ok {
                    failures.push(fail(&ex.text, format!("participants {got:?}, expected {:?}", ex.participants)));
                }
            }
            if !ex.attendees.is_empty() && !same_set(&names(&ev.attendees), &ex.attendees) {
                failures.push(fail(&ex.text, format!("attendees {:?}, expected {:?}", names(&ev.attendees), ex.attendees)));
            }
            if let Some(place) = &ex.place {
                let got = ev.place.as_ref().map(|p| p.name.clone());
                if got.as_deref() != Some(place.as_str()) {
                    failures.push(fail(&ex.text, format!("place {got:?}, expected {place:?}")));
                }
            }
            if let Some(d) = &ex.date
                && ev.date.as_deref() != Some(d.as_str())
            {
                failures.push(fail(&ex.text, format!("date {:?}, expected {d:?}", ev.date)));
            }
        }
        for ce in &rule.counter_examples {
            count += 1;
            let doc = Document::plain("counter-example", rule.origin.clone(), ce.clone());
            let x = p.extract(&doc, &Options { date: NaiveDate::from_ymd_opt(2024, 4, 10), today });
            let hit: Vec<&Event> = x.events.iter().filter(|e| e.evidence.iter().any(|s| *s.rule == *rule.id)).collect();
            if rule.kind == RuleKind::Blocker {
                // A blocker's counter-example is a meeting it must leave alone.
                if x.events.is_empty() {
                    failures.push(fail(ce, "blocker counter-example lost its meeting".into()));
                }
            } else if let Some(ev) = hit.first() {
                failures.push(fail(ce, format!("counter-example yields a meeting of {:?}", names(&ev.participants))));
            }
        }
    }
    (count, failures)
}

/// Runs every example and counter-example of every lexicon list (`lexicon/`): the text
/// is extracted and each field the example gives is checked.
pub fn check_lexicon(p: &Pipeline, today: NaiveDate) -> (usize, Vec<Failure>) {
    let mut failures = Vec::new();
    for le in &p.lexicon.examples {
        let ex = &le.example;
        let what = if le.counter { "counter-example" } else { "example" };
        let fail = |problem: String| Failure {
            rule: format!("lexicon:{}", le.list),
            origin: le.origin.clone(),
            text: ex.text.clone(),
            problem: format!("{what}: {problem}"),
        };
        let date = match ex.article_date.as_deref().map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d")) {
            Some(Ok(d)) => Some(d),
            Some(Err(_)) => {
                failures.push(fail("article_date is not YYYY-MM-DD".into()));
                continue;
            }
            None => None,
        };
        let doc = Document::plain("example", le.origin.clone(), ex.text.clone());
        let x = p.extract(&doc, &Options { date, today });
        let persons: Vec<&str> = x
            .entities
            .iter()
            .filter(|e| e.etype == crate::gazetteer::EntityType::Person)
            .flat_map(|e| e.mentions.iter().map(|m| m.text.as_str()))
            .collect();
        for want in &ex.persons {
            if !persons.contains(&want.as_str()) {
                failures.push(fail(format!("{want:?} is not read as a person (persons: {persons:?})")));
            }
        }
        for not in &ex.not_persons {
            if persons.contains(&not.as_str()) {
                failures.push(fail(format!("{not:?} is read as a person")));
            }
        }
        let places = x.entities.iter().filter(|e| e.etype == crate::gazetteer::EntityType::Place).flat_map(|e| e.mentions.iter().map(|m| m.text.as_str()));
        for not in places.filter(|t| ex.not_places.iter().any(|n| n == t)) {
            failures.push(fail(format!("{not:?} is read as a place")));
        }
        let with = |e: &&Event| ex.meeting.iter().all(|n| e.participants.iter().chain(&e.attendees).any(|r| r.name == *n || r.mention == *n));
        let meeting = x.events.iter().find(with);
        if !ex.meeting.is_empty() && meeting.is_none() {
            let got: Vec<Vec<String>> = x.events.iter().map(|e| names(&e.participants)).collect();
            failures.push(fail(format!("no meeting of {:?} (got {got:?})", ex.meeting)));
        }
        if let Some(e) = meeting.filter(|e| ex.only && e.participants.len() > ex.meeting.len()) {
            failures.push(fail(format!("the meeting of {:?} has more participants: {:?}", ex.meeting, names(&e.participants))));
        }
        if let Some(n) = ex.meetings.filter(|&n| n != x.events.len()) {
            failures.push(fail(format!("{n} meeting(s) expected, got {:?}", x.events.iter().map(|e| names(&e.participants)).collect::<Vec<_>>())));
        }
        match ex.status.as_deref() {
            None => {}
            Some("none") if !x.events.is_empty() => {
                failures.push(fail(format!("expected no meeting, got {:?}", x.events.iter().map(|e| names(&e.participants)).collect::<Vec<_>>())))
            }
            Some("none") => {}
            Some(s @ ("held" | "planned")) => match meeting.or(x.events.first()) {
                None => failures.push(fail(format!("expected a {s} meeting, got none"))),
                Some(e) if e.planned != (s == "planned") => {
                    failures.push(fail(format!("expected a {s} meeting, got a {} one", if e.planned { "planned" } else { "held" })))
                }
                Some(_) => {}
            },
            Some(o) => failures.push(fail(format!("status must be held, planned or none, not {o:?}"))),
        }
        if let Some(place) = &ex.place {
            // `place = "none"`: the meeting must carry no place.
            let got = meeting.and_then(|e| e.place.as_ref()).map(|p| p.name.clone());
            let want = (place != "none").then_some(place.as_str());
            if got.as_deref() != want {
                failures.push(fail(format!("place {got:?}, expected {place:?}")));
            }
        }
        if let Some(d) = &ex.date {
            // `date = "none"`: the meeting must carry no date.
            let got = meeting.and_then(|e| e.date.clone());
            let want = (d != "none").then_some(d.as_str());
            if got.as_deref() != want {
                failures.push(fail(format!("date {got:?}, expected {d:?}")));
            }
        }
    }
    (p.lexicon.examples.len(), failures)
}
