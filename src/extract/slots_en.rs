//! English names in meeting slots: names no list knows where, around an English meeting
//! trigger, only a person can stand.
//!
//! Input: the page's text as written (capitals matter), its mentions so far and its
//! triggers. Output: person mentions with the rule `pattern:en-slot-name`: a name right
//! after a meeting verb ("met with Andrew Bailey") or a lead verb and "by" ("a delegation
//! headed by Lin Wenda", `en-delegation-lead-verbs`), right before one or before a word of
//! `en-verb-adverbs` before one ("Andrew Bailey met", "Vik also met"), or joined by "and"
//! to a person ("Pan Gongsheng and Andrew Bailey"), past the ranks and abbreviated
//! honorifics that open it (`en-ranks`: "Maj. Gen.").
//!
//! **Invariant**: a name is pushed only where no mention overlaps it, of four words at
//! most, none a body's word or a place noun (`en-body-words`, `en-not-person-nouns`); a
//! one-word name only in a subject-object trigger's slot where the lexicon and the page
//! agree it is a name (`en_single_name_ok`), and neither a title's modifier nor the owner
//! before a possessive.

use super::*;

/// The most words, particles aside, of a name read in a slot.
const MAX_NAME_WORDS: usize = 5;

impl<'a> Page<'a> {
    /// English names no list knows, where only a person can stand: right after a
    /// meeting verb ("met with Andrew Bailey"), just before one ("Andrew Bailey met"),
    /// or joined by "and" to a person ("Pan Gongsheng and Andrew Bailey").
    #[inline(never)]
    pub(super) fn find_slot_names(&mut self) {
        let n = self.chars.len();
        let (starts, ends, person_slots) = self.name_slots();
        let mut found: Vec<(usize, usize)> = Vec::new();
        for s in starts {
            if s < n && self.chars[s].is_uppercase() {
                if let Some(e) = self.p.names.en_name_at(&self.chars, s) {
                    found.push((s, e));
                }
            }
        }
        for e in ends {
            if let Some(s) = self.en_slot_name_ending_at(e) {
                found.push((s, e));
            }
        }
        for (s, e) in found {
            self.push_slot_name(s, e, &person_slots);
        }
        self.sort_mentions();
    }

    /// Where an English name may start or end in a slot (see `find_slot_names`): the
    /// starts (after a meeting verb, after a person and " and "), the ends (before a
    /// meeting verb or a verb adverb before one, before " and " and a person), and the
    /// slots of a subject-object trigger among them.
    fn name_slots(&self) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
        let n = self.chars.len();
        let mut starts: Vec<usize> = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        // Slots of a subject-object trigger ("met", "received"): a one-word name may
        // stand there ("met Ardern"); after "talks between" it is more often a firm.
        let mut person_slots: Vec<usize> = Vec::new();
        for t in self.triggers.iter() {
            let english = t.rules.iter().any(|&r| {
                let rule = &self.p.rules.rules[r];
                rule.lang == Lang::En && rule.kind == RuleKind::Meeting
            });
            if !english {
                continue;
            }
            let subject_object = t.rules.iter().any(|&r| self.p.rules.rules[r].shape == Shape::SubjectObject);
            if t.end + 1 < n && self.norm[t.end] == ' ' {
                starts.push(t.end + 1);
                if subject_object {
                    person_slots.push(t.end + 1);
                }
            }
            if t.start >= 2 && self.norm[t.start - 1] == ' ' {
                ends.push(t.start - 1);
                if subject_object {
                    person_slots.push(t.start - 1);
                }
                // "Vik also met …", "Vik later met …": a word of `en-verb-adverbs` between
                // the subject and the verb.
                let ws = (0..t.start - 1).rev().find(|&i| !self.norm[i].is_alphabetic()).map_or(0, |i| i + 1);
                if ws >= 2
                    && self.norm[ws - 1] == ' '
                    && self.p.lists.en_verb_adverbs.iter().any(|w| w.as_str() == self.ns(ws, t.start - 1))
                {
                    ends.push(ws - 1);
                    if subject_object {
                        person_slots.push(ws - 1);
                    }
                }
            }
        }
        // "a delegation headed by Lin Wenda": a name after a lead verb and "by"
        // (`en-delegation-lead-verbs`).
        if self.norm_str.contains(" by ") {
            for v in &self.p.lists.context.leads {
                let pat = format!(" {v} by ");
                for (b, _) in self.norm_str.match_indices(&pat) {
                    starts.push(self.char_at_byte(b) + pat.chars().count());
                }
            }
        }
        for m in &self.mentions {
            if !matches!(m.kind, Mk::Ent(_, EntityType::Person)) {
                continue;
            }
            let after = self.ns(m.end, (m.end + 5).min(n));
            if after == " and " {
                starts.push(m.end + 5);
            }
            let before = self.ns(m.start.saturating_sub(5), m.start);
            if before == " and " {
                ends.push(m.start - 5);
            }
        }
        (starts, ends, person_slots)
    }

    /// Where an English name that ends at `e` starts: back over capitalised words (five
    /// at most) and name particles between them ("Hamid bin Tariq bin Yousef Al
    /// Al-Harbi"), then past leading words until the rest reads as one name that ends at
    /// `e`; `None` when none does.
    fn en_slot_name_ending_at(&self, e: usize) -> Option<usize> {
        // Walk back over capitalised words and name particles to where the name starts.
        let mut s = e;
        let mut words = 0;
        while s > 0 && words < MAX_NAME_WORDS {
            let mut w = s;
            while w > 0 && (self.chars[w - 1].is_alphabetic() || matches!(self.chars[w - 1], '\'' | '’' | '-' | '.')) {
                w -= 1;
            }
            if w == s {
                break;
            }
            let word: String = self.chars[w..s].iter().collect();
            let cap = word.chars().next().is_some_and(char::is_uppercase);
            let particle = self.p.names.is_particle(&word);
            if !(cap || (particle && words > 0)) {
                break;
            }
            s = w;
            words += usize::from(cap);
            if s >= 1 && self.chars[s - 1] == ' ' {
                s -= 1;
            } else {
                break;
            }
        }
        while s < e && self.chars[s] == ' ' {
            s += 1;
        }
        // Drop leading words that are not part of a name (a title matched as a role
        // stays out of the name because a mention covers it).
        while s < e {
            if let Some(ne) = self.p.names.en_name_at(&self.chars, s) {
                if ne == e {
                    return Some(s);
                }
            }
            match (s..e).find(|&i| self.chars[i] == ' ') {
                Some(sp) => s = sp + 1,
                None => break,
            }
        }
        None
    }

    /// Pushes the name at `s..e` found in a slot (see `find_slot_names`) when it reads as a
    /// person's: past leading ranks, no mention over it, no body's or place noun's word,
    /// one word only in a subject-object slot (`person_slots`); and the one-word name
    /// joined to it by "and" before.
    fn push_slot_name(&mut self, s: usize, e: usize, person_slots: &[usize]) {
        // Ranks and honorifics before the name ("Maj. Gen. Bahkodir Kurbanov") are not of it.
        let s = self.skip_ranks(s, e);
        if s >= e || self.mentions.overlaps(s, e) {
            return;
        }
        let name = self.ns(s, e);
        let written: String = self.chars[s..e].iter().collect();
        let words: Vec<&str> = written.split(' ').collect();
        let capitalised = words.iter().filter(|w| !self.p.names.is_particle(w)).count();
        if capitalised > MAX_NAME_WORDS || words.len() > 2 * MAX_NAME_WORDS || words.iter().any(|w| { let w = w.to_lowercase(); self.p.lists.en_body.contains(&w) || self.p.lists.en_not_person_nouns.contains(&w) }) {
            return;
        }
        // One word ("met Ardern"): a name only in a subject-object slot, and where
        // the lexicon and the page agree.
        if words.len() < 2 && !((person_slots.contains(&s) || person_slots.contains(&e)) && self.en_single_name_ok(s, e)) {
            return;
        }
        // "met Ukrainian army commander in chief Valerii Zaluzhnyi": a modifier of a title.
        if words.len() < 2 && self.en_modifiers_to_role(e).is_some() {
            return;
        }
        let one_word = words.len() < 2;
        // "received North counterpart, Ilse Marr": a word right before a counterpart noun
        // (`en-counterpart-words`) names the counterpart's country, no one.
        if one_word && self.chars.get(e) == Some(&' ') {
            let next: String = self.norm[e + 1..].iter().take_while(|c| c.is_alphabetic()).collect();
            if self.p.lists.counterpart_words.iter().any(|w| *w == next || format!("{w}s") == next) {
                return;
            }
        }
        // "received Norland's Foreign Minister Per Holm": the one word before a
        // possessive owns the participant (a place, mostly); it is none itself.
        if one_word && matches!(self.chars.get(e), Some('\'' | '’')) && self.norm.get(e + 1) == Some(&'s') {
            return;
        }
        self.push(s, e, Mk::Ent(EntityKey::Open(EntityType::Person, name.to_string()), EntityType::Person), "pattern:en-slot-name");
        // "Abbas and Blinken met": the one word joined to a one-word name by "and".
        if let Some((ws, we)) = self.en_single_name_and_before(s).filter(|_| one_word) {
            let name = self.ns(ws, we).to_string();
            self.push(ws, we, Mk::Ent(EntityKey::Open(EntityType::Person, name), EntityType::Person), "pattern:en-slot-name");
        }
    }

    /// Past the ranks and abbreviated honorifics (`en-ranks`, `en-abbreviations` with their
    /// dot: "Maj. Gen.") that open `s..e`.
    fn skip_ranks(&self, mut s: usize, e: usize) -> usize {
        loop {
            let Some(sp) = (s..e).find(|&i| self.norm[i] == ' ') else { return s };
            let word = self.ns(s, sp);
            let rank = self.p.lists.en_ranks.iter().any(|r| r == word)
                || word.strip_suffix('.').is_some_and(|w| self.p.sentences.is_abbreviation_word(w));
            if !rank {
                return s;
            }
            s = sp + 1;
        }
    }
}
