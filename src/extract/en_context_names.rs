//! English person names no given-name list vouches for, read by what stands around them:
//! after a country's possessive or a demonym ("Bulgaria's Grigor Dimitrov", "Croatian
//! Borna Coric": `pattern:en-possessive-name`), beside a person across `en-list-joins`
//! ("Roger Federer and Novak Djokovic": `pattern:en-list-name`), before an apposition of
//! work or office ("Ruud Gullit, the Chelsea manager,": `pattern:en-apposition-name`),
//! before a score ("beat Daniil Medvedev 6-4": `pattern:en-score-name`).
//!
//! Input: the page's text as written (capitals matter) and its mentions after the given
//! names (`en_names` runs this last). Output: more person mentions, each with the rule
//! that read it.
//!
//! **Invariant**: a name passes `en_open_name_ok` (its words read as names: no common word
//! but a given name first; not in a headline) and overlaps no mention and no other name
//! read here (of two at one start, the first in order wins).

use super::*;

impl<'a> Page<'a> {
    /// Names no given-name list knows, where what stands around them says a person:
    /// after a country's possessive or a demonym ("Bulgaria's Grigor Dimitrov", "Croatian
    /// Borna Coric": `pattern:en-possessive-name`), beside a person in a list ("Roger
    /// Federer and Novak Djokovic": `pattern:en-list-name`), before an apposition of work
    /// or office ("Ruud Gullit, the Chelsea manager,": `pattern:en-apposition-name`), before a score ("beat Daniil
    /// Medvedev 6-4": `pattern:en-score-name`) and before an arrival ("Mori arrived in":
    /// `pattern:en-arrival-name`). The name must pass [`Page::en_open_name_ok`] (one word
    /// before an arrival, [`Page::en_single_name_ok`]).
    pub(super) fn find_context_names(&mut self) {
        let mut found: Vec<(usize, usize, &'static str)> = Vec::new();
        self.possessive_names(&mut found);
        self.list_names(&mut found);
        self.apposition_names(&mut found);
        self.score_names(&mut found);
        self.arrival_names(&mut found);
        found.sort();
        found.dedup_by_key(|f| f.0);
        let mut last_end = 0;
        for (s, e, rule) in found {
            if s < last_end || self.mentions.overlaps(s, e) {
                continue;
            }
            last_end = e;
            let name = self.ns(s, e).to_string();
            self.push(s, e, Mk::Ent(EntityKey::Open(EntityType::Person, name), EntityType::Person), rule);
        }
        self.sort_mentions();
    }

    /// Names after a country's possessive or a demonym (`pattern:en-possessive-name`).
    fn possessive_names(&self, found: &mut Vec<(usize, usize, &'static str)>) {
        let n = self.chars.len();
        for m in self.mentions.iter() {
            let after = match m.kind {
                // A country's, not a city's ("Jerusalem's Haram al-Sharif" is a place).
                Mk::Ent(EntityKey::Known(k), EntityType::Place) if self.p.gazetteer.entry(k).place_kind == Some(crate::gazetteer::PlaceKind::Country) => {
                    let rest = self.ns(m.end, (m.end + 3).min(n));
                    if rest.starts_with("'s ") || rest.starts_with("’s ") { m.end + 3 } else { continue }
                }
                Mk::Demonym(_) if self.chars.get(m.end) == Some(&' ') => m.end + 1,
                _ => continue,
            };
            if after < n && self.chars[after].is_uppercase()
                && let Some(e) = self.p.names.en_name_at(&self.chars, after).map(|e| self.cut_at_full_stop(after, self.cut_at_non_latin(after, e)))
                && self.en_open_name_ok(after, e)
            {
                found.push((after, e, "pattern:en-possessive-name"));
            }
        }
    }

    /// Names beside a person across `en-list-joins` (`pattern:en-list-name`).
    fn list_names(&self, found: &mut Vec<(usize, usize, &'static str)>) {
        let n = self.chars.len();
        // Beside a person in a list ("Roger Federer and Novak Djokovic", "Novak Djokovic
        // and Roger Federer"): `en-list-joins` between.
        let joins = &self.p.lists.en_list_joins;
        for m in self.mentions.iter().filter(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person)) && self.chars[m.start].is_uppercase()) {
            for j in joins {
                let after = m.end + j.chars().count();
                if after < n && self.ns(m.end, after) == j && self.chars[after].is_uppercase()
                    && let Some(e) = self.p.names.en_name_at(&self.chars, after).map(|e| self.cut_at_full_stop(after, self.cut_at_non_latin(after, e)))
                    && self.en_open_name_ok(after, e)
                {
                    found.push((after, e, "pattern:en-list-name"));
                }
                if m.start > j.chars().count() && self.ns(m.start - j.chars().count(), m.start) == j
                    && let Some((s, words)) = self.en_name_before(m.start - j.chars().count())
                    && words >= 2
                    && self.en_open_name_ok(s, m.start - j.chars().count())
                {
                    found.push((s, m.start - j.chars().count(), "pattern:en-list-name"));
                }
            }
        }
    }

    /// Names before an apposition of work or office (`pattern:en-apposition-name`).
    fn apposition_names(&self, found: &mut Vec<(usize, usize, &'static str)>) {
        let n = self.chars.len();
        // An apposition after the name that names a person's work or office ("Ruud Gullit,
        // the Chelsea manager, said", "Robin Lodge, chairman, said"): up to six words
        // between commas (or a comma and a full stop), the last a noun of `en-person-nouns`
        // or the end of a title; up to twelve when such a head stands within the first six,
        // before a preposition ("X, Union Minister for Coastal Affairs and Fisheries on Monday,").
        for i in 1..n.saturating_sub(2) {
            if self.chars[i] != ',' || self.chars[i + 1] != ' ' || !self.chars[i - 1].is_alphabetic() {
                continue;
            }
            // Only after a capitalised word (most commas follow none: nothing more read).
            let mut v = i;
            while v > 0 && self.chars[v - 1].is_alphabetic() {
                v -= 1;
            }
            if !self.chars[v].is_uppercase() {
                continue;
            }
            let mut j = i + 2;
            let mut words = 0;
            // The head: the word before the first preposition ("a qualifier from Poland",
            // "an analyst at Evolution Securities"), else the last word.
            let (mut head_end, mut prep_seen) = (None, false);
            let mut word_start = j;
            // Past six words only with a head before a preposition (`long_ok` below).
            while j < n && !matches!(self.chars[j], ',' | '.' | ';' | ':' | '(' | '"' | '“' | '\n') && words <= 12 && (words <= 6 || prep_seen) {
                if self.chars[j] == ' ' {
                    if !prep_seen && self.p.lists.en_apposition_preps.iter().any(|p| p == self.ns(word_start, j)) {
                        prep_seen = true;
                        head_end = (words > 0).then(|| word_start - 1);
                    }
                    words += 1;
                    word_start = j + 1;
                }
                j += 1;
            }
            // (Not over a sentence glued to a byline: "X, Abuja The Minister of …": a
            // capitalised determiner, `en-determiners`, after the first word.)
            let glued = || {
                let written: String = self.chars[i + 2..j].iter().collect();
                written.split(' ').skip(1).any(|w| w.starts_with(char::is_uppercase) && self.p.lists.en_determiners.iter().any(|d| *d == w.to_lowercase()))
            };
            let long_ok = head_end.is_some_and(|h| self.ns(i + 2, h).split(' ').count() <= 6);
            if j >= n || (words > 5 && !long_ok) || words > 12 || !matches!(self.chars[j], ',' | '.') || glued() {
                continue;
            }
            let head_end = head_end.unwrap_or(j);
            let mut w = head_end;
            while w > i + 2 && self.chars[w - 1].is_alphabetic() {
                w -= 1;
            }
            let noun = self.p.lists.en_person_nouns.contains(self.ns(w, head_end))
                || self.mentions.ending(head_end).is_some_and(|m| matches!(m.kind, Mk::Ent(_, EntityType::Role)));
            if noun
                && let Some((s, k)) = self.en_name_before(i)
                && k >= 2
                && self.en_open_name_ok(s, i)
            {
                found.push((s, i, "pattern:en-apposition-name"));
            }
        }
    }

    /// Names right before a word of `arrival-words` ("Mori arrived in St. Petersburg":
    /// `pattern:en-arrival-name`): one word passing [`Page::en_single_name_ok`], or more
    /// passing [`Page::en_open_name_ok`].
    fn arrival_names(&self, found: &mut Vec<(usize, usize, &'static str)>) {
        for hit in self.p.lists.context.en_arrival_ac.find_iter(&self.norm_str) {
            let e = self.char_at_byte(hit.start());
            let Some((s, words)) = self.en_name_before(e) else { continue };
            // A listed name (most) is read already: no test of its words.
            let ok = !self.mentions.overlaps(s, e) && if words == 1 { self.en_single_name_ok(s, e) } else { self.en_open_name_ok(s, e) };
            if ok {
                found.push((s, e, "pattern:en-arrival-name"));
            }
        }
    }

    /// Names before a score (`pattern:en-score-name`).
    fn score_names(&self, found: &mut Vec<(usize, usize, &'static str)>) {
        let n = self.chars.len();
        // A score right after: " 6-4", " 7-6 (7)", " 3-1".
        for i in 0..n.saturating_sub(3) {
            if self.chars[i] == ' ' && self.chars[i + 1].is_ascii_digit() && (i == 0 || self.chars[i - 1].is_alphabetic()) {
                let mut j = i + 1;
                while j < n && j - i <= 2 && self.chars[j].is_ascii_digit() {
                    j += 1;
                }
                if !(j + 1 < n && matches!(self.chars[j], '-' | '–') && self.chars[j + 1].is_ascii_digit()) {
                    continue;
                }
                // A possessive before the score ("Grigor Dimitrov's 6-1, 6-4 win") is the name's.
                let e = if i > 2 && self.chars[i - 1] == 's' && matches!(self.chars[i - 2], '\'' | '’') { i - 2 } else { i };
                if let Some((s, words)) = self.en_name_before(e)
                    && words >= 2
                    && self.en_open_name_ok(s, e)
                {
                    found.push((s, e, "pattern:en-score-name"));
                }
            }
        }
    }
}
