//! Places: where a meeting happened, as its sentence (or the one before) says.
//!
//! Input: the page's place mentions, sentences and triggers. Output: the most specific
//! place of a candidate meeting (`place_for`): after a locative (`zh-locatives`,
//! `en-locatives`, "in the port city of", `en-place-nouns`) or chained to such a place, or
//! a city naming the meeting word ("their Beijing meeting", 赫尔辛基峰会); else where one
//! of its people arrived the sentence before (`arrival_place_before`).
//!
//! **Invariant**: a place is a gazetteer place the text names; a place that is another
//! act's (said there, `en-report-clause-words`; another event's, `en-other-event-openers`)
//! is none of the meeting's.

use super::*;

impl<'a> Page<'a> {
    /// The most specific place said to be where the meeting happened: a place after a
    /// locative word (在, 于, 前往, in, at; also "in the Jordanian port city of X",
    /// `en-place-nouns`), chained to such a place (南非约翰内斯堡), or a city naming the
    /// meeting word right after it ("their Beijing meeting", 赫尔辛基峰会). Not a place
    /// before the trigger with a word of `en-report-clause-words` between ("told reporters
    /// at the White House that talks with X would"), nor one after the trigger past a word
    /// of another event (`en-other-event-openers`: "on the heels of the summit in Brussels").
    pub(super) fn place_for(&self, sent: (usize, usize, usize), trig: usize, trig_end: usize) -> Option<(usize, usize, usize)> {
        let g = &self.p.gazetteer;
        let mut best: Option<(PlaceKind, usize, (usize, usize, usize))> = None;
        // Mentions are sorted and disjoint here: those inside the sentence are one run.
        let first = self.mentions.partition_point(|m| m.start < sent.0);
        let places: Vec<&M> = self.mentions[first..]
            .iter()
            .take_while(|m| m.end <= sent.1)
            .filter(|m| matches!(m.kind, Mk::Ent(EntityKey::Known(_), EntityType::Place)))
            .collect();
        let mut eligible_ends: Vec<usize> = Vec::new();
        for m in places {
            let Mk::Ent(EntityKey::Known(i), _) = m.kind else { continue };
            let before = self.ns(sent.0, m.start);
            let before = before.trim_end();
            let chained = eligible_ends.iter().any(|&e| {
                let between = self.ns(e, m.start);
                matches!(between.trim(), "" | ",")
            });
            let kind = g.entry(i).place_kind.unwrap_or(PlaceKind::Country);
            let lists = &self.p.lists;
            let locative = lists.zh_locatives.iter().any(|w| before.ends_with(w.as_str()))
                // After a space, or opening the sentence ("In Beijing, …").
                || lists.en_locatives.iter().any(|w| before.strip_suffix(w.as_str()).is_some_and(|b| b.is_empty() || b.ends_with(' ')))
                || self.en_place_noun_before(before)
                || (kind >= PlaceKind::City && self.names_meeting_word(m, trig, before));
            // A country before a title is a qualifier, not a place (俄罗斯外长).
            let qualifier = self.mentions.starting(m.end).is_some_and(|o| matches!(o.kind, Mk::Ent(_, EntityType::Role)));
            if !(locative || chained) || qualifier || self.en_place_of_other_act(m, trig, trig_end) {
                continue;
            }
            eligible_ends.push(m.end);
            let dist = m.start.abs_diff(trig);
            let better = match &best {
                None => true,
                Some((k, d, _)) => kind > *k || (kind == *k && dist < *d),
            };
            if better {
                best = Some((kind, dist, (m.start, m.end, i)));
            }
        }
        best.map(|b| b.2)
    }

    /// "in the Jordanian port city of": `before` (the sentence up to a place) ends with a
    /// locative, "the", up to four words and a word of `en-place-nouns`, then "of".
    pub(super) fn en_place_noun_before(&self, before: &str) -> bool {
        let Some(rest) = before.strip_suffix(" of") else { return false };
        let words: Vec<&str> = rest.rsplitn(7, ' ').collect();
        let ctx = &self.p.lists.context;
        if !words.first().is_some_and(|w| ctx.en_place_nouns.iter().any(|n| n == w)) {
            return false;
        }
        // "the" within four words before the noun, a locative right before it.
        let Some(k) = words.iter().take(6).position(|w| *w == "the") else { return false };
        let lead = words[k + 1..].iter().rev().copied().collect::<Vec<_>>().join(" ");
        let lead = lead.trim_end();
        self.p.lists.en_locatives.iter().any(|w| lead.strip_suffix(w.as_str()).is_some_and(|b| b.is_empty() || b.ends_with(' ')))
    }

    /// A city right before the meeting word (赫尔辛基峰会; "their Beijing meeting", "the
    /// Helsinki summit": after a determiner, `en-determiners`, or a possessive): the
    /// meeting's place.
    pub(super) fn names_meeting_word(&self, m: &M, trig: usize, before: &str) -> bool {
        if m.end > trig || m.start == 0 || matches!(self.norm[m.start - 1], '-' | '–') {
            return false;
        }
        match self.ns(m.end, trig) {
            "" => is_han(self.norm[m.start]) && is_han(self.norm[trig.min(self.norm.len() - 1)]),
            " " => {
                let word = before.rsplit(' ').next().unwrap_or("");
                let word = word.to_lowercase();
                self.p.lists.en_determiners.iter().any(|d| *d == word) || word.ends_with("'s") || word.ends_with("’s")
            }
            _ => false,
        }
    }

    /// An English place that is another act's: before the trigger with a word of
    /// `en-report-clause-words` between (said in X that …), or after it past a word of
    /// `en-other-event-openers` ("on the heels of the NATO summit in Brussels").
    pub(super) fn en_place_of_other_act(&self, m: &M, trig: usize, trig_end: usize) -> bool {
        if !self.chars.get(m.start).is_some_and(char::is_ascii_alphabetic) {
            return false;
        }
        if m.end <= trig {
            let between = self.ns(m.end, trig);
            between.split(|c: char| !c.is_ascii_alphabetic()).any(|w| self.p.lists.context.en_report_clause.iter().any(|r| r == w))
        } else {
            m.start >= trig_end && self.en_other_event_before(trig_end, m.start)
        }
    }

    /// For a meeting whose sentence names no place: the place one of its `people`
    /// arrived in (`arrival-words`: 抵达东京, "arrived in Bonn") in the sentence just
    /// before, in the same paragraph or the one before.
    pub(super) fn arrival_place_before(&self, sent: (usize, usize, usize), people: &[Item]) -> Option<(usize, usize, usize)> {
        let prev = self.sentence_before(sent.0)?;
        if prev.1 > sent.0 || !(prev.2 == sent.2 || prev.2 + 1 == sent.2) {
            return None;
        }
        let first = self.mentions.partition_point(|m| m.start < prev.0);
        let in_prev = || self.mentions[first..].iter().take_while(|m| m.end <= prev.1);
        let arrived_here = in_prev().any(|m| matches!(&m.kind, Mk::Ent(k, EntityType::Person) if people.iter().any(|p| &p.key == k)));
        if !arrived_here {
            return None;
        }
        in_prev().find_map(|m| {
            let Mk::Ent(EntityKey::Known(i), EntityType::Place) = m.kind else { return None };
            let before = self.ns(prev.0, m.start);
            let before = before.trim_end();
            let arrival = self.p.lists.context.arrival.iter().any(|w| {
                before.strip_suffix(w.as_str()).is_some_and(|b| b.is_empty() || b.ends_with(' ') || !w.is_ascii())
            });
            arrival.then_some((m.start, m.end, i))
        })
    }
}
