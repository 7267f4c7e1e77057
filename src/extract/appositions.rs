//! Appositions in English: a title phrase set off by commas beside a person, and what
//! else may stand between the people of a group and their verb.
//!
//! Input: the page's items, mentions and lists. Output: where an apposition after a
//! person closes (`en_apposition_close`: "Ilse Marr, the foreign minister of Norland,"),
//! where a relative clause closes (`en_relative_close`), whether a title phrase stands
//! before the object's person (`en_title_before_comma`: "met the governor of Norland's
//! central bank, Ilse Marr"), whether a title after "and" or a possessive leads to the
//! next person (`en_and_titled`, `en_owner_of_next`), and, for `build_items`, the titles
//! that are such an apposition and no participant of their own (`drop_apposition_titles`).
//!
//! **Invariant**: an apposition holds no person; its words are a title (after its
//! modifiers) or a counterpart word, the rest words of the lists `en_title_phrase` names;
//! a person who speaks right after it (`en-speech-cues`) is not its holder.

use super::*;

impl<'a> Page<'a> {
    /// "Ilse Marr, the foreign minister, and Anders Vik": where an apposition set off by
    /// commas right after a person ending at `end` closes (its second comma, before
    /// `limit`). It holds no person and at most twelve words: a title (after its
    /// modifiers, `Page::en_modifiers_to_role`) or a counterpart word, the rest lower-case
    /// words of `en-apposition-words`, `en-determiners`, `title-modifiers`, `en-title-words`
    /// or `en-person-nouns` ("his Norland counterpart", "the foreign minister of Norland").
    pub(super) fn en_apposition_close(&self, end: usize, limit: usize) -> Option<usize> {
        if self.norm.get(end) != Some(&',') || !self.norm.get(end + 1).is_some_and(|&c| c == ' ') {
            return None;
        }
        let close = (end + 1..limit.min(end + 120)).find(|&j| self.norm[j] == ',')?;
        if !self.items_in(end + 1, close).is_empty() || self.ns(end + 1, close).split_whitespace().count() > 12 {
            return None;
        }
        self.en_title_phrase(end + 1, close).then_some(close)
    }

    /// "Anders Vik and Ilse Marr, who last met in June, held talks": where a relative
    /// clause opened by a word of `en-relative-pronouns` right after the comma at `end`
    /// closes (its comma, before `limit`, within twenty words).
    pub(super) fn en_relative_close(&self, end: usize, limit: usize) -> Option<usize> {
        if self.norm.get(end) != Some(&',') {
            return None;
        }
        let close = (end + 1..limit.min(end + 160)).find(|&j| self.norm[j] == ',')?;
        let clause = self.ns(end + 1, close);
        let mut words = clause.split_whitespace();
        let first = words.next()?;
        (self.p.lists.en_relative_pronouns.iter().any(|w| w == first) && words.count() < 20).then_some(close)
    }

    /// Whether `lo..hi` is a title phrase: a title (after its modifiers,
    /// `Page::en_modifiers_to_role`) or a counterpart word, the rest lower-case words of
    /// `en-apposition-words`, `en-determiners`, `title-modifiers`, `en-title-words`,
    /// `en-person-nouns` or `en-body-words` ("his Norland counterpart", "the foreign
    /// minister of Norland", "the vice chairman of Norland's ruling party").
    pub(super) fn en_title_phrase(&self, lo: usize, hi: usize) -> bool {
        let lists = &self.p.lists;
        let words = self.gap(lo, hi);
        let counterpart = |w: &str| lists.counterpart_words.iter().any(|c| c == w);
        let headed = self.en_modifiers_to_role(lo).is_some_and(|r| r < hi) || words.split(' ').any(counterpart);
        let glue = |w: &str| {
            lists.en_apposition_words.contains(w)
                || lists.en_determiners.iter().any(|d| d == w)
                || lists.title_modifiers.iter().any(|d| d == w)
                || lists.en_title_words.contains(w)
                || lists.en_person_nouns.contains(w)
                || lists.en_body.iter().any(|b| b == w)
                || counterpart(w)
        };
        headed && words.split(' ').all(|w| w.is_empty() || glue(w))
    }

    /// "met with the vice chairman of Norland's ruling party, Anders Vik": whether the
    /// object opening at `p` (past its openers) is a title phrase (`Page::en_title_phrase`, at most twelve
    /// words) set off by a comma right before the person at `first`, who does not then
    /// speak (`en-speech-cues`: "…, Anders Vik said").
    pub(super) fn en_title_before_comma(&self, mut p: usize, first: usize) -> bool {
        let first_start = self.items[first].start;
        // Past the openers that are no determiner ("with", "today"), outside mentions.
        let lists = &self.p.lists;
        loop {
            while p < first_start && self.chars[p] == ' ' {
                p += 1;
            }
            let e = (p..first_start).find(|&i| matches!(self.chars[i], ' ' | ',')).unwrap_or(first_start);
            let w = self.ns(p, e);
            if e == p || self.covered(p) || !lists.joins.object_openers.contains(w) || lists.en_determiners.iter().any(|d| d == w) {
                break;
            }
            p = e;
        }
        let Some(comma) = (p..first_start).rev().find(|&k| self.chars[k] != ' ') else { return false };
        if self.norm[comma] != ',' || comma == p || self.ns(p, comma).split_whitespace().count() > 12 {
            return false;
        }
        !self.en_speaks_at(self.items[first].end) && self.en_title_phrase(p, comma)
    }

    /// Whether a word of `en-speech-cues` follows at `end` (" said").
    pub(super) fn en_speaks_at(&self, end: usize) -> bool {
        self.p.lists.speech_pats.iter().any(|(cue, pat)| {
            matches!(cue, Cue::EnCue) && pat.starts_with(' ') && self.ns(end, (end + pat.chars().count()).min(self.chars.len())) == pat.as_str()
        })
    }

    /// "Slobodan Milosevic and moderate Kosovo Albanian political leader Ibrahim Rugova":
    /// "and" after the person ending at `end`, then the modifiers of the next person's
    /// title or noun of work (`Page::en_modifiers_to_role`), up to that person at `next`.
    pub(super) fn en_and_titled(&self, end: usize, next: usize) -> bool {
        // Most gaps (all Chinese ones) fail on their first characters: no string for them.
        if !matches!(self.norm.get(end), Some(' ' | ',')) {
            return false;
        }
        let after = self.ns(end, next);
        let rest = after.strip_prefix(',').unwrap_or(after);
        let Some(tail) = rest.strip_prefix(" and ") else { return false };
        let at = next - tail.chars().count();
        // Not over a meeting verb ("met Ilse Marr and received Prime Minister Per Holm").
        let k = self.triggers.partition_point(|t| t.start < at);
        if self.triggers.get(k).is_some_and(|t| t.start < next) {
            return false;
        }
        self.en_modifiers_to_role(at).is_some_and(|r| r < next)
    }

    /// Whether the person ending at `end` owns the title or noun of the person starting
    /// at `next`: a possessive, then only a title's words ("Sharon's advisor Dov
    /// Weissglas", "Putin's envoy, Dmitry Kozak").
    pub(super) fn en_owner_of_next(&self, end: usize, next: usize) -> bool {
        let rest = self.ns(end, (end + 3).min(self.norm.len()));
        (rest.starts_with("'s ") || rest.starts_with("’s ")) && self.en_modifiers_to_role(end + 2).is_some_and(|r| r < next)
    }

    /// "Yasser Arafat, the Palestinian president, met …": a title standing for its holder
    /// right after a person named in English, set off by a comma (and a determiner) and
    /// closed by punctuation, is that person's apposition, no participant of its own.
    /// So is one right before a person, when the words up to the comma before that person
    /// are a title phrase (`Page::en_title_phrase`) and the person does not then speak
    /// ("met the governor of Norland's central bank, Ilse Marr, in Tallo").
    pub(super) fn drop_apposition_titles(&self, items: &mut Vec<Item>) {
        let person_at = |pos: usize| self.mentions.starting(pos).is_some_and(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person)));
        let mut keep = vec![true; items.len()];
        for k in 1..items.len() {
            let (a, b) = (&items[k - 1], &items[k]);
            if self.chars[a.start].is_ascii_alphabetic() && !person_at(a.start) && person_at(b.start) && a.end <= b.start {
                let comma = (a.end..b.start).rev().find(|&i| self.chars[i] != ' ');
                if comma.is_some_and(|c| self.norm[c] == ',' && self.en_title_phrase(a.start, c)) && !self.en_speaks_at(b.end) {
                    keep[k - 1] = false;
                }
                continue;
            }
            if !self.chars[b.start].is_ascii_alphabetic() || !person_at(a.start) || b.start <= a.end {
                continue;
            }
            let Some(rest) = self.ns(a.end, b.start).strip_prefix(", ") else { continue };
            let det = rest.strip_suffix(' ').unwrap_or(rest);
            let titled = self.mentions.starting(b.start).is_some_and(|m| matches!(m.kind, Mk::Demonym(_) | Mk::Abbr(_) | Mk::Ent(_, EntityType::Role | EntityType::Place)));
            // Closed right after the title, or after a few lower-case words of its own
            // ("Norway's minister of foreign affairs and international development,").
            let closed = self.norm.get(b.end).is_none_or(|c| matches!(c, ',' | '.' | ';')) || {
                let limit = (b.end + 48).min(self.norm.len());
                (b.end..limit).find(|&i| matches!(self.norm[i], ',' | '.' | ';')).is_some_and(|c| {
                    let words: Vec<&str> = self.ns(b.end, c).split_whitespace().collect();
                    (1..=5).contains(&words.len()) && words.iter().all(|w| w.chars().all(|ch| ch.is_lowercase()))
                })
            };
            if titled && closed && (det.is_empty() || self.p.lists.en_determiners.iter().any(|d| d == det)) {
                keep[k] = false;
            }
        }
        let mut k = 0;
        items.retain(|_| {
            k += 1;
            keep[k - 1]
        });
    }
}
