//! English meeting shapes: the fronted and noun shapes (`en-fronted`, `en-noun`), and the
//! English subject the subject-object shape reads.
//!
//! Input: a trigger of an English rule, its sentence and clause, the page's items and
//! mentions. Output: a `Reading` for `read_shape`: the people on each side and those
//! present beside them ("X, accompanied by Y, met Z": Y, `en-aside-openers`); a meeting
//! noun's partner after its marker a few words on (`en-noun-gap-stops` end the search;
//! `en-inclusion-words`: ", including with Putin"), else two people joined by a hyphen
//! before it ("the Trump-Putin meeting"), the pair before a lead (`en-noun-pair-leads`:
//! "during a meeting"), the one told and the teller (`en-address-verbs`), or everyone
//! named before a joint possessive (`en-joint-possessives`: "their talks"); and whether
//! the person left of a trigger only speaks of the one who met ("his CIA director met
//! Kim").
//!
//! **Invariant**: it only reads the page (no mention, item or candidate is added; the
//! candidates are made in `meetings`), and a `Reading::Nothing` lets the trigger's next
//! rule try.

use super::*;
use super::shapes::Reading;
use crate::rules::Rule;

impl<'a> Page<'a> {
    /// `TRIGGER Y, X …`: the object up to the clause's comma; the subject left of the
    /// trigger, else the first people after the comma.
    pub(super) fn read_fronted(&self, rule: &Rule, t: &TriggerHit<'_>, (lo, hi): (usize, usize)) -> Reading {
        // The object up to the clause's comma; the subject left of the trigger,
        // else the first people after the comma.
        let mut comma = (t.end..hi).find(|&i| self.norm[i] == ',').unwrap_or(hi);
        // "After meeting with the foreign minister, Ilse Marr, on Monday, Vik …": the
        // object's name set off after its title phrase closes the clause at its own comma.
        if rule.lang == Lang::En
            && let Some(&first) = self.items_in(comma + 1, hi).first()
            && self.norm.get(self.items[first].end) == Some(&',')
            && self.en_title_before_comma(t.end, first)
        {
            comma = self.items[first].end;
        }
        let r = self.right_group(t.end, comma);
        // "X met Ilse Marr before meeting with Per Holm": X, not the earlier verb's object.
        let mut l = match rule.lang {
            Lang::En => self.en_coordinated_subject(t.start, lo).unwrap_or_else(|| self.left_group(t.start, lo)),
            Lang::Zh => self.left_group(t.start, lo),
        };
        // "Vik met Katz on Wednesday, a day after meeting Mustafa": a clause of its
        // own after a comma speaks of the sentence's subject, not of the last
        // person named.
        if rule.lang == Lang::En
            && let Some(&last) = l.last()
            && self.norm[self.items[last].end..t.start].contains(&',')
        {
            let all = self.items_in(lo, t.start);
            if all.first().is_some_and(|&f| f != l[0]) {
                l = self.run_on(all);
            }
        }
        // "X and Y discussed trade during their meeting", "After their talks, X and
        // Y …": a joint possessive in the trigger names no one after it; the
        // meeting is of everyone named before it, else of the group after the comma.
        let joins = &self.p.lists.joins;
        let trigger = self.ns(t.start, t.end);
        let joint = trigger.split(' ').any(|w| joins.joint_possessives.iter().any(|p| p == w));
        // "Following talks yesterday in Tallo with X, Y said …" reads its object;
        // "X and Y said after talks in Geneva that …" (`en-fronted-nouns`) is of the pair.
        let bare_noun = trigger.rsplit(' ').next().is_some_and(|w| joins.fronted_nouns.iter().any(|n| n == w));
        if r.is_empty() && (joint || bare_noun) {
            let before = self.items_in(lo, t.start);
            if before.len() >= 2 {
                return Reading::at_least_two(before);
            }
            if comma < hi {
                return Reading::at_least_two(self.right_group(comma + 1, hi));
            }
        }
        if l.is_empty() && comma < hi {
            l = self.right_group(comma + 1, hi);
        }
        if l.is_empty() || r.is_empty() {
            return Reading::Nothing;
        }
        Reading::People(l, r, false, Vec::new())
    }

    /// A meeting noun and its partner after the rule's marker; else a pair named right
    /// before it or everyone named with a joint possessive.
    pub(super) fn read_noun(&self, rule: &Rule, t: &TriggerHit<'_>, sent: (usize, usize, usize), (lo, hi): (usize, usize)) -> Reading {
        let r = self.noun_partner_at(t.end, hi, &rule.markers).map(|after| self.right_group(after, hi)).unwrap_or_default();
        let (l, present) = self.en_subject(t.start, lo);
        if !l.is_empty() && !r.is_empty() {
            return Reading::People(l, r, false, present);
        }
        if !r.is_empty() {
            return Reading::Nothing;
        }
        // "the Trump-Putin meeting": two people joined by a hyphen right before it.
        if let Some(pair) = self.hyphen_pair_before(t.start, lo) {
            return Reading::People(pair, Vec::new(), false, Vec::new());
        }
        // A meeting verb earlier in the sentence ("agreed to meet during the NATO summit")
        // has the people: its rule reads them, the noun is only where.
        let k = self.triggers.partition_point(|x| x.start < t.start);
        let verb_before = k > 0 && self.triggers[k - 1].start >= sent.0;
        // "Mattis and Williamson discussed … during a meeting": the pair before it. Not
        // those who only came with someone ("was accompanied by A and B during the
        // meeting", `en-aside-openers`): they were present at a meeting told of earlier.
        let escorts = l.first().is_some_and(|&f| {
            let before = self.ns(sent.0.max(self.items[f].start.saturating_sub(30)), self.items[f].start);
            self.p.lists.en_aside_openers.iter().any(|w| before.contains(w.as_str()))
        });
        if l.len() >= 2 && !verb_before && !escorts && self.noun_lead_before(t.start, lo) {
            return Reading::People(l, Vec::new(), false, Vec::new());
        }
        // "After four hours of meetings May 10, Presidents Clinton and Yeltsin failed…": a
        // fronted noun phrase with no one before it, the pair that opens the main clause.
        if l.is_empty() && !verb_before && self.noun_lead_before(t.start, lo) {
            let pair = self.pair_after_comma(t.end, sent.1);
            if pair.len() >= 2 {
                return Reading::People(pair, Vec::new(), false, Vec::new());
            }
        }
        // "Christopher told Assad during a three-hour meeting": the one told, and the teller.
        if !verb_before
            && self.noun_lead_before(t.start, lo)
            && let Some((a, b)) = self.addressed_pair_before(t.start, lo)
        {
            return Reading::People(vec![a], vec![b], false, Vec::new());
        }
        // "during their talks", "held their first face-to-face meeting" (a wildcard
        // trigger holds the possessive): everyone named earlier in the sentence.
        let own_possessive = || self.ns(t.start, t.end).split(' ').any(|w| self.p.lists.joins.joint_possessives.iter().any(|p| p == w));
        if self.joint_possessive_before(t.start, sent.0) || own_possessive() {
            return Reading::at_least_two(self.items_in(sent.0, t.start));
        }
        Reading::Nothing
    }

    /// "his CIA director met Kim", "Trump's envoy met Kim", "Trump Confirms CIA Chief's
    /// Meeting with Kim": the one who met is no person the page names, but someone the
    /// person left of the trigger (ending at `person_end`) speaks of: a possessive
    /// pronoun before a title between them, or a possessive right before the trigger
    /// that is not the person's own.
    pub(super) fn en_owned_subject(&self, person_end: usize, trig: usize) -> bool {
        if trig <= person_end || trig - person_end > 80 {
            return false;
        }
        let between = self.ns(person_end, trig).trim_end();
        let lower = between.to_lowercase();
        let own = lower.starts_with("'s") || lower.starts_with("’s");
        let owned_meeting = !own && (lower.ends_with("'s") || lower.ends_with("’s"));
        // The title stands right before the verb (an adverb aside: "secretly met").
        // A body's name with its head noun is a title too ("his Central Intelligence
        // Agency chief secretly met").
        let title_end = (person_end..trig).rev().find_map(|i| {
            self.mentions.covering(i).filter(|m| matches!(m.kind, Mk::Ent(_, EntityType::Role | EntityType::Organization))).map(|m| {
                if matches!(m.kind, Mk::Ent(_, EntityType::Organization)) {
                    // Over the head noun: the one word after the body's name.
                    let rest = self.ns(m.end, trig);
                    let head = rest.trim_start().split(' ').next().unwrap_or("");
                    m.end + (rest.len() - rest.trim_start().len()) + head.chars().count()
                } else {
                    m.end
                }
            })
        });
        let title = title_end.is_some_and(|e| {
            let rest: Vec<&str> = self.ns(e, trig).split_whitespace().collect();
            rest.len() <= 1 && rest.iter().all(|w| w.chars().all(char::is_alphabetic))
        });
        let pronoun = lower.split(' ').any(|w| matches!(w, "his" | "her" | "their"));
        owned_meeting || (title && (own || pronoun))
    }

    /// The English subject left of `before` and the people present beside it: the group
    /// before an aside when one stands there (`en_aside`), else the nearest group.
    pub(super) fn en_subject(&self, before: usize, lo: usize) -> (Vec<usize>, Vec<usize>) {
        if let Some(subject) = self.en_coordinated_subject(before, lo) {
            return (subject, Vec::new());
        }
        self.en_aside(before, lo).unwrap_or_else(|| (self.left_group(before, lo), Vec::new()))
    }

    /// "Anders Vik will call on Ilse Marr and meet Per Holm", "… met Ilse Marr before
    /// meeting Per Holm": the people right before `before` across a word of
    /// `en-verb-coordinators` alone (a place of theirs aside: "Per Holm of Norway
    /// as well as receiving") are an earlier meeting verb's object (only words of
    /// `object-openers` between that verb and them); the subject is that verb's.
    fn en_coordinated_subject(&self, before: usize, lo: usize) -> Option<Vec<usize>> {
        let group = self.left_group(before, lo);
        let (&first, &last) = (group.first()?, group.last()?);
        // The coordinator may open the trigger itself ("before meeting with").
        let opening = self.triggers.get(self.triggers.partition_point(|t| t.start < before)).filter(|t| t.start == before).map_or("", |t| {
            let text = self.ns(t.start, t.end);
            text.split(' ').next().unwrap_or("")
        });
        let gap = self.gap(self.items[last].end, before);
        let gap = if gap.trim().is_empty() { opening } else { gap.trim() };
        let gap = gap.strip_prefix("of ").filter(|_| self.mentions.starting(self.items[last].end + 4).is_some()).unwrap_or(gap).trim();
        if !self.p.lists.context.en_verb_coordinators.iter().any(|c| c == gap) {
            return None;
        }
        let start = self.items[first].start;
        let k = self.triggers.partition_point(|t| t.end <= start);
        let t = self.triggers[..k].last().filter(|t| t.start >= lo)?;
        let openers = &self.p.lists.joins.object_openers;
        if !self.gap(t.end, start).split_whitespace().all(|w| openers.contains(w)) {
            return None;
        }
        let subject = self.en_subject(t.start, lo).0;
        (!subject.is_empty()).then_some(subject)
    }

    /// "Lena Vik, accompanied by Ola Holm, met Jon Marr": the people of an aside set off
    /// by commas right before `before` and opened by a word of `en-aside-openers` are
    /// present but not the subject, which is the group before the aside. (subject, aside).
    fn en_aside(&self, before: usize, lo: usize) -> Option<(Vec<usize>, Vec<usize>)> {
        let aside = self.left_group(before, lo);
        let (&first, &last) = (aside.first()?, aside.last()?);
        if self.gap(self.items[last].end, before) != "," {
            return None;
        }
        let comma = (lo..self.items[first].start).rev().find(|&i| self.norm[i] == ',')?;
        let opener = self.gap(comma + 1, self.items[first].start);
        if !self.p.lists.en_aside_openers.contains(&opener) {
            return None;
        }
        let subject = self.left_group(comma, lo);
        (!subject.is_empty()).then_some((subject, aside))
    }

    /// Shape `noun`: where the partner of a meeting noun starts ("his meeting Tuesday in
    /// Singapore with Kim": after "with"). The marker must come within a few words, with
    /// mentions and times skipped, no person, punctuation or word of `en-noun-gap-stops`
    /// (said, which, was) before it.
    fn noun_partner_at(&self, from: usize, hi: usize, markers: &[String]) -> Option<usize> {
        const MAX_WORDS: usize = 6;
        let mut words = 0;
        let mut i = from;
        while i < hi && words <= MAX_WORDS {
            let c = self.norm[i];
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            if let Some(m) = self.mentions.covering(i).filter(|_| self.covered(i)) {
                i = m.end.max(i + 1);
                continue;
            }
            if self.covered(i) {
                i += 1;
                continue;
            }
            // ", including with Putin": the partners of some of the meetings.
            if c == ','
                && let Some(w) = self.p.lists.en_inclusion_words.iter().find(|w| self.ns(i + 1, (i + 2 + w.len()).min(hi)).trim_start().starts_with(w.as_str()))
            {
                i = (i + 1..hi).find(|&j| !self.norm[j].is_whitespace()).unwrap_or(hi) + w.chars().count();
                continue;
            }
            if !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-' {
                return None;
            }
            if self.items.get(self.items.partition_point(|it| it.start < i)).is_some_and(|it| it.start == i) {
                return None;
            }
            let end = (i..hi).find(|&j| !(self.norm[j].is_alphanumeric() || matches!(self.norm[j], '\'' | '’' | '-'))).unwrap_or(hi);
            let w = self.ns(i, end);
            if markers.iter().any(|m| *m == w) {
                return Some(end);
            }
            // "held talks for the second time with" (`en-noun-gap-phrases`): a phrase that
            // opens with a stop word yet names no other party.
            let rest = self.ns(i, hi);
            if let Some(ph) = self.p.lists.en_noun_gap_phrases.iter().find(|ph| rest.strip_prefix(ph.as_str()).is_some_and(|r| r.starts_with(' '))) {
                i += ph.chars().count();
                words += 1;
                continue;
            }
            if self.p.lists.joins.noun_gap_stops.contains(w) {
                return None;
            }
            words += 1;
            i = end;
        }
        None
    }

    /// "the Trump-Putin meeting", "the Rice-Putin talks": the two people right before the
    /// noun, joined by a hyphen, dash or slash and nothing else.
    fn hyphen_pair_before(&self, at: usize, lo: usize) -> Option<Vec<usize>> {
        let cands = self.items_in(lo, at);
        let [.., a, b] = cands[..] else { return None };
        let (ia, ib) = (&self.items[a], &self.items[b]);
        let joined = ib.start == ia.end + 1 && matches!(self.norm[ia.end], '-' | '–' | '—' | '/');
        let next = self.ns(ib.end, at).trim();
        (joined && ia.key != ib.key && (next.is_empty() || next == "'s" || next == "’s")).then(|| vec![a, b])
    }

    /// "during a meeting", "at the talks": the words of `en-noun-pair-leads` right before
    /// the noun (one or two words), up to two adjectives between ("during a three-hour
    /// meeting", "after a long private meeting").
    fn noun_lead_before(&self, at: usize, lo: usize) -> bool {
        let words: Vec<&str> = self.ns(lo, at).split_whitespace().rev().take(4).collect();
        let leads = &self.p.lists.joins.noun_pair_leads;
        for skip in 0..=2.min(words.len()) {
            if words[..skip].iter().any(|w| self.p.lists.en_function.contains(*w) || !w.chars().all(|c| c.is_alphabetic() || c == '-')) {
                return false;
            }
            let lead = match words[skip..] {
                [w1, w0, ..] => leads.iter().any(|l| *l == format!("{w0} {w1}") || *l == w1),
                [w1] => leads.iter().any(|l| l == w1),
                _ => false,
            };
            if lead {
                return true;
            }
        }
        false
    }

    /// The people who open the clause after the first comma past `from` (within 40
    /// characters of it: titles may come first), joined as a list.
    fn pair_after_comma(&self, from: usize, hi: usize) -> Vec<usize> {
        let Some(comma) = (from..hi.min(from + 60)).find(|&i| self.norm[i] == ',') else { return Vec::new() };
        let cands = self.items_in(comma + 1, hi);
        match cands.first() {
            Some(&f) if self.items[f].start - comma <= 40 => self.run_on(cands),
            _ => Vec::new(),
        }
    }

    /// "Christopher told Assad during a meeting": the last two people before the noun,
    /// the second right after a verb of address (`en-address-verbs`) after the first.
    fn addressed_pair_before(&self, at: usize, lo: usize) -> Option<(usize, usize)> {
        let k = self.items.partition_point(|it| it.start < at);
        if k < 2 {
            return None;
        }
        let (a, b) = (k - 2, k - 1);
        if self.items[a].start < lo || self.items[b].end > at {
            return None;
        }
        let verb = self.gap(self.items[a].end, self.items[b].start);
        self.p.lists.en_address_verbs.iter().any(|v| *v == verb).then_some((a, b))
    }

    /// "their talks", "their first meeting": a word of `en-joint-possessives` right before
    /// the noun, or before up to two words that are no function words.
    fn joint_possessive_before(&self, at: usize, lo: usize) -> bool {
        let lists = &self.p.lists;
        for w in self.ns(lo, at).split_whitespace().rev().take(3) {
            if lists.joins.joint_possessives.iter().any(|p| p == w) {
                return true;
            }
            if lists.en_function.contains(w) || !w.chars().all(|c| c.is_alphabetic() || c == '-') {
                return false;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::meetings_on;

    #[test]
    fn a_second_meeting_verb_after_and_keeps_the_first_verbs_subject() {
        for text in [
            "Anders Vik met Ilse Marr and met Per Holm in Oslo on Monday.",
            "Anders Vik will call on Prime Minister Ilse Marr and meet Per Holm in Oslo on Monday.",
        ] {
            let got = meetings_on(text, (2024, 3, 5));
            let has = |m: &Vec<String>, who: &str| m.iter().any(|p| p == who);
            assert!(got.iter().all(|m| has(m, "Anders Vik") && !(has(m, "Ilse Marr") && has(m, "Per Holm"))), "{text}: {got:?}");
            assert!(got.iter().any(|m| m.iter().any(|p| p == "Per Holm")), "{text}: {got:?}");
        }
        // A list of objects stays one meeting's.
        let got = meetings_on("Anders Vik met Ilse Marr and Per Holm in Oslo on Monday.", (2024, 3, 5));
        assert_eq!(got.len(), 1, "{got:?}");
        // "and" before a title joins no object over a second meeting verb.
        let got = meetings_on("Anders Vik met President Ilse Marr and received Prime Minister Per Holm on Monday.", (2024, 3, 5));
        assert_eq!(got.len(), 2, "{got:?}");
    }
}
