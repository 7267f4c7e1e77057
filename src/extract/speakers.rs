//! Speakers, and the listed holders a title and a word name.
//!
//! Input: the page's mentions so far. Output: person mentions of speakers
//! (`pattern:zh-speaker`, `pattern:en-speaker`, `pattern:en-honorific`: a name before a
//! verb of saying, after Mr./Dr.), and the lookups that resolve a title plus a surname or
//! a dotted name's last part to the listed holder of that title on the article's date.
//!
//! **Invariant**: a speaker is taken only where what follows the name is a cue of
//! `en-speech-cues` / `zh-speech-verbs` (data, `lexicon/*/slots.toml`), never by its
//! capital alone.

use super::*;
use super::slots::is_clause_mark;
use crate::matching::NameForm;

impl<'a> Page<'a> {
    /// Speakers and honorifics: a Han name right before a verb of saying (刘振民表示,
    /// 王毅说), after a clause mark, a title or a body's name; an English name of two to
    /// four capitalised words before "said", "told", ", who" ("Petr Pavel said"), or
    /// after Mr./Mrs./Ms./Dr. ("Mr. Pavel").
    #[inline(never)]
    pub(super) fn find_speakers(&mut self) {
        let mut found: Vec<(usize, usize, &'static str)> = Vec::new();
        // Every cue of the three lists in one pass (one automaton, built once).
        let lists = &self.p.lists;
        let hits: Vec<(usize, usize)> = lists.speech_ac.find_iter(&self.norm_str).map(|m| (m.start(), m.pattern().as_usize())).collect();
        self.zh_speaker_names(&hits, &mut found);
        self.en_speaker_names(&hits, &mut found);
        self.en_act_and_age_names(&hits, &mut found);
        self.honorific_names(&hits, &mut found);
        found.sort();
        let mut taken: Vec<(usize, usize, &'static str)> = Vec::new();
        for (s, e, rule) in found {
            if self.mentions.covering(s).is_some() || taken.last().is_some_and(|t| t.1 > s) {
                continue;
            }
            let e = self.clip_to_next_mention(s, e);
            if e > s {
                taken.push((s, e, rule));
            }
        }
        for (s, e, rule) in taken {
            let name = self.ns(s, e).to_string();
            self.push(s, e, Mk::Ent(EntityKey::Open(EntityType::Person, name), EntityType::Person), rule);
        }
        self.sort_mentions();
    }

    /// Han speakers (刘振民表示) and names before a verb of one's own acts (see
    /// `find_speakers`): a name ending at each Chinese cue of `hits`, into `found`.
    fn zh_speaker_names(&self, hits: &[(usize, usize)], found: &mut Vec<(usize, usize, &'static str)>) {
        let lists = &self.p.lists;
        for &(b, pi) in hits.iter().filter(|h| matches!(lists.speech_pats[h.1].0, Cue::ZhVerb | Cue::ZhAction)) {
            {
                // A verb of one's own acts (出战, 砍下): a transliterated name of two to
                // five characters may stand before it too, right after a clause mark.
                let action = lists.speech_pats[pi].0 == Cue::ZhAction;
                let v = self.char_at_byte(b);
                if v < 2 || self.mentions.covering(v - 1).is_some() {
                    continue;
                }
                // The longest name that ends at the verb and starts where a name may.
                let longest = if action { 5 } else { 4 };
                let best = (2..=longest).rev().filter(|&len| len <= v).map(|len| v - len).find(|&s| self.zh_speaker_starts_at(s, v, action));
                if let Some(s) = best {
                    found.push((s, v, if action { "pattern:zh-action-name" } else { "pattern:zh-speaker" }));
                }
            }
        }
    }

    /// Whether a speaker's name (see `zh_speaker_names`) may run from `s` to the cue at
    /// `v`: a Han name, or one whose characters all transliterate after a surname, where
    /// no mention or time is and a name may start.
    fn zh_speaker_starts_at(&self, s: usize, v: usize, action: bool) -> bool {
        // A Han name, or one whose characters all transliterate, after a surname
        // (刘德华: 刘 and 德 are in 刘易斯 and 德克萨斯 too).
        // Before a verb of acts the name is read up to the verb (马尚砍下: the
        // name reader alone would take 砍 as a given name's character).
        let upto = if action { &self.norm[..v] } else { &self.norm[..] };
        self.p.names.zh_name_kind_at(upto, s).is_some_and(|(e, form)| {
            e == v
                && ((form == NameForm::Han && v - s <= 4)
                    || (form == NameForm::Transliterated
                        && v - s <= 3
                        && self.p.names.is_surname(self.norm[s])
                        && !(s > 0 && self.p.names.is_name_dot(&self.norm, s - 1)))
                    || (action
                        && form == NameForm::Transliterated
                        && (s == 0 || is_clause_mark(self.norm[s - 1]))
                        && (s..v).all(|i| self.p.names.is_translit(self.norm[i]))))
        })
            && self.mentions.covering(s).is_none()
            && !self.time_touches(s, v)
            && !self.zh_not_a_name(s, v)
            && (s == 0
                || !is_han(self.norm[s - 1])
                || is_clause_mark(self.norm[s - 1])
                || self.p.lists.zh_with.contains(self.norm[s - 1])
                || self.p.lists.speaker_leads.contains(self.norm[s - 1])
                || self.mentions.covering(s - 1).is_some_and(|m| m.end == s && !matches!(m.kind, Mk::Ent(_, EntityType::Person))))
    }

    /// English speakers ("Petr Pavel said", "Dole, who"): a name before each English
    /// speech cue of `hits`, into `found`.
    fn en_speaker_names(&self, hits: &[(usize, usize)], found: &mut Vec<(usize, usize, &'static str)>) {
        let n = self.norm.len();
        let lists = &self.p.lists;
        for &(b, pi) in hits.iter().filter(|h| lists.speech_pats[h.1].0 == Cue::EnCue) {
            let pat = &lists.speech_pats[pi].1;
            let e = self.char_at_byte(b);
            let after = e + pat.chars().count();
            if after < n && is_word_char(self.norm[after]) {
                continue;
            }
            let Some((s, words)) = self.en_name_before(e) else { continue };
            // One word is a name when the verb is followed by a person's pronoun
            // ("Dole said he would not"): a ministry or a city says "it".
            // So is one word before ", who" ("Dole, who won"): a body or a place is "which".
            let one_ok = words == 1 && ((!pat.starts_with(',') && self.he_or_she_at(after)) || pat == ", who") && self.en_single_speaker_ok(s, e);
            // "Toyota Motor said": a last word that is a common word, with no given name
            // first, is a body's name more often than a surname.
            let body_like = words >= 2 && {
                let first = self.ns(s, (s..e).find(|&i| self.chars[i] == ' ').unwrap_or(e));
                let last = self.ns((s..e).rev().find(|&i| self.chars[i] == ' ').map_or(s, |i| i + 1), e);
                lists.en_common.contains(last) && !self.p.names.is_particle(last) && !lists.en_given.contains(first)
            };
            if (words >= 2 && !body_like) || one_ok {
                found.push((s, e, "pattern:en-speaker"));
            }
        }
    }

    /// Names before a verb of a person's acts, and before an age or a country in
    /// brackets (see `find_speakers`), into `found`.
    fn en_act_and_age_names(&self, hits: &[(usize, usize)], found: &mut Vec<(usize, usize, &'static str)>) {
        let n = self.norm.len();
        let lists = &self.p.lists;
        // "Sanath Jayasuriya hit 76": a verb a person's acts take, after a name whose
        // words are names.
        for &(b, pi) in hits.iter().filter(|h| lists.speech_pats[h.1].0 == Cue::EnAction) {
            let pat = &lists.speech_pats[pi].1;
            let e = self.char_at_byte(b);
            let after = e + pat.chars().count();
            if (after < n && is_word_char(self.norm[after])) || (e > 0 && !self.chars[e - 1].is_alphabetic()) {
                continue;
            }
            if let Some((s, words)) = self.en_name_before(e)
                && words >= 2
                && self.en_open_name_ok(s, e)
            {
                found.push((s, e, "pattern:en-verb-name"));
            }
        }
        // "Anna Berg, 45," (an age) and "Gianni Bugno (Italy)" (a country in brackets, as
        // in results): the capitalised words before are a person's name.
        for (e, k) in self.en_age_or_country_after_names() {
            if let Some((s, words)) = self.en_name_before(e)
                && (words >= 2 || (k == "pattern:en-age" && self.en_single_speaker_ok(s, e)))
            {
                found.push((s, e, k));
            }
        }
    }

    /// Names after an honorific ("Mr. Pavel") of `hits`, into `found`.
    fn honorific_names(&self, hits: &[(usize, usize)], found: &mut Vec<(usize, usize, &'static str)>) {
        let n = self.norm.len();
        let lists = &self.p.lists;
        let honorific_at: std::collections::HashSet<usize> =
            hits.iter().filter(|h| lists.speech_pats[h.1].0 == Cue::Honorific).map(|h| h.0).collect();
        for &(b, pi) in hits.iter().filter(|h| lists.speech_pats[h.1].0 == Cue::Honorific) {
            let pat = &lists.speech_pats[pi].1;
            // "Col. Gen. Aleksandr Fomin": one honorific after another is no name.
            if honorific_at.contains(&(b + pat.len())) {
                continue;
            }
            {
                let i = self.char_at_byte(b);
                if i > 0 && is_word_char(self.norm[i - 1]) {
                    continue;
                }
                let s = i + pat.chars().count();
                if s >= n || !self.chars[s].is_uppercase() || !self.chars[i].is_uppercase() {
                    continue;
                }
                if let Some(e) = self.p.names.en_name_at(&self.chars, s) {
                    found.push((s, e, "pattern:en-honorific"));
                }
            }
        }
    }
}

impl<'a> Page<'a> {
    /// Whether " he " or " she " (`en-subject-pronouns`) stands at char `i`.
    fn he_or_she_at(&self, i: usize) -> bool {
        let rest = self.ns(i.min(self.norm.len()), (i + 6).min(self.norm.len()));
        let Some(rest) = rest.strip_prefix(' ') else { return false };
        self.p.lists.pronouns.en_subject.iter().any(|p| rest.strip_prefix(p.as_str()).is_some_and(|r| r.starts_with([' ', ',']) ))
    }

    /// The capitalised words that end at `e` and read as one English name of one to four
    /// words ("… Police Chief Jarrod Burguan" before " said"): where it starts and how
    /// many words it has. Leading common words that are no given name are dropped, and
    /// none of the words may be a body's word or a word that is no name.
    pub(super) fn en_name_before(&self, e: usize) -> Option<(usize, usize)> {
        let lists = &self.p.lists;
        // Walk back over capitalised words to where the name starts.
        let mut s = e;
        let mut words = 0;
        loop {
            let mut w = s;
            while w > 0 && (self.chars[w - 1].is_alphabetic() || matches!(self.chars[w - 1], '\'' | '’' | '-' | '.')) {
                w -= 1;
            }
            // A word that ends a sentence ("… Tashfeen Malik. Burguan said") is no part
            // of the name: only an initial or an abbreviation keeps its full stop.
            let ends_sentence = words > 0 && s > w + 2 && self.norm[s - 1] == '.' && {
                let word: String = self.norm[w..s - 1].iter().collect();
                !self.p.sentences.is_abbreviation_word(&word)
            };
            if w == s
                || ends_sentence
                || self.mentions.covering(w).is_some()
                || !(self.chars[w].is_uppercase() || (words > 0 && self.p.names.is_particle(&self.ns(w, s).to_string())))
            {
                break;
            }
            s = w;
            words += 1;
            if words == 4 || s < 2 || self.chars[s - 1] != ' ' {
                break;
            }
            s -= 1;
        }
        while s < e && self.chars[s] == ' ' {
            s += 1;
        }
        // Drop leading common words that are no given name ("Police Chief Jarrod
        // Burguan said": Jarrod Burguan), keeping two words at least.
        loop {
            let Some(sp) = (s..e).find(|&i| self.chars[i] == ' ') else { break };
            let first = self.ns(s, sp);
            let rest_words = self.chars[sp + 1..e].iter().filter(|&&c| c == ' ').count() + 1;
            if rest_words < 2 || !lists.en_common.contains(first) || lists.en_given.contains(first) {
                break;
            }
            s = sp + 1;
        }
        // Drop leading words until the rest reads as one name.
        while s < e {
            if self.p.names.en_name_at(&self.chars, s) == Some(e) {
                break;
            }
            match (s..e).find(|&i| self.chars[i] == ' ') {
                Some(sp) => s = sp + 1,
                None => s = e,
            }
        }
        if s >= e || self.mentions.covering(s).is_some() || self.mentions.covering(e - 1).is_some() {
            return None;
        }
        // "Mr. Razali, who …": the honorific's own reading names the person, without it.
        let head = self.ns(s, e);
        if lists.speech_pats.iter().any(|(cue, p)| *cue == Cue::Honorific && head.starts_with(p.as_str())) {
            return None;
        }
        let written: String = self.chars[s..e].iter().collect();
        let words: Vec<&str> = written.split(' ').collect();
        if words.len() > 4 || words.iter().any(|w| lists.en_body.contains(&w.to_lowercase()) || lists.en_not_single_names.contains(&w.to_lowercase())) {
            return None;
        }
        Some((s, words.len()))
    }

    /// Where a name would end before an age (", 45,") or a country in brackets
    /// (" (Italy)"), with the rule each gives.
    fn en_age_or_country_after_names(&self) -> Vec<(usize, &'static str)> {
        let n = self.norm.len();
        let mut out = Vec::new();
        for (i, &c) in self.norm.iter().enumerate() {
            if c == ',' && i > 0 && self.chars[i - 1].is_alphabetic() {
                // ", 45," or ", 45)" : one to three digits, then a comma.
                let mut j = i + 1;
                if self.norm.get(j) != Some(&' ') {
                    continue;
                }
                j += 1;
                let d = j;
                while j < n && self.norm[j].is_ascii_digit() {
                    j += 1;
                }
                if (1..=3).contains(&(j - d)) && self.norm.get(j) == Some(&',') && self.norm[d] != '0' {
                    out.push((i, "pattern:en-age"));
                }
            } else if c == '(' && i > 1 && self.norm[i - 1] == ' ' && self.chars[i - 2].is_alphabetic() {
                // " (Italy)": a country, known to the gazetteer, alone in the brackets.
                if let Some(m) = self.mentions.starting(i + 1)
                    && matches!(m.kind, Mk::Ent(EntityKey::Known(k), EntityType::Place) if self.p.gazetteer.entry(k).place_kind == Some(crate::gazetteer::PlaceKind::Country))
                    && self.norm.get(m.end) == Some(&')')
                {
                    out.push((i - 1, "pattern:en-country-bracket"));
                }
            }
        }
        out
    }

    /// Whether the one capitalised word at `s..e` may be a speaker's surname: longer
    /// than two letters, not all capitals, no common word, month, title or pronoun.
    fn en_single_speaker_ok(&self, s: usize, e: usize) -> bool {
        // "Graham Gooch for England, who scored": after a preposition of place or side, a
        // place or a team.
        let before = self.ns(s.saturating_sub(9), s);
        if before.strip_suffix(' ').and_then(|b| b.rsplit(' ').next()).is_some_and(|w| self.p.lists.en_side_prepositions.iter().any(|p| p == w)) {
            return false;
        }
        let word = self.ns(s, e);
        let lower = word.to_lowercase();
        e - s >= 3
            && self.chars[s + 1..e].iter().any(|c| c.is_lowercase())
            && self.chars[s..e].iter().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
            && !self.p.lists.en_common.contains(word)
            && !self.p.lists.en_common.contains(&lower)
            && !self.p.lists.en_not_single_names.contains(&lower)
            && !self.p.lists.en_function.contains(&lower)
    }

    /// The person who held the title mentioned at `role_at` on the article's date and
    /// whose English name has `word` as its first or last word, when exactly one did.
    /// On a page with no date: "President Park of the Republic of Korea", "Prime
    /// Minister Johnson of UK": the one listed holder of that title for the country
    /// named right after, at any time, whose name has that word.
    pub(super) fn holder_named_of_country(&self, role_at: usize, word: &str, name_end: usize) -> Option<EntityKey> {
        if self.sections[self.lines[self.line_at(role_at)].section].anchor.is_some() {
            return None;
        }
        let m = self.mentions.covering(role_at)?;
        let Mk::Ent(EntityKey::Known(role), EntityType::Role) = m.kind else { return None };
        let rest = self.ns(name_end, (name_end + 8).min(self.norm.len()));
        let skip = if rest.starts_with(" of the ") {
            8
        } else if rest.starts_with(" of ") {
            4
        } else {
            return None;
        };
        let q = self.mentions.starting(name_end + skip)?;
        let Mk::Ent(EntityKey::Known(country), EntityType::Place) = q.kind else { return None };
        let g = &self.p.gazetteer;
        let holders = self.p.role_holders.get(&g.entry(role).id)?.get(&g.entry(country).id)?;
        self.one_named(holders.iter().map(|&(i, _)| i), word)
    }

    pub(super) fn holder_named(&self, role_at: usize, word: &str) -> Option<EntityKey> {
        let m = self.mentions.covering(role_at)?;
        let Mk::Ent(EntityKey::Known(role), EntityType::Role) = m.kind else { return None };
        let g = &self.p.gazetteer;
        let date = self.sections[self.lines[self.line_at(role_at)].section].anchor?;
        let id = &g.entry(role).id;
        let held = |v: &Vec<(usize, usize)>| v.iter().filter(|&&(i, k)| g.entry(i).roles[k].held_on(Some(date))).map(|&(i, _)| i).collect::<Vec<_>>();
        if let Some(k) = self.p.role_holders.get(id).and_then(|by| self.one_named(by.values().flat_map(held), word)) {
            return Some(k);
        }
        // A generic title ("Secretary Clinton", "Secretary Austin"): the one holder on the
        // date, by that name, of a title that has it as a word (secretary-of-state,
        // secretary-of-defense).
        let mut wider: Vec<&String> = self.p.role_holders.keys().filter(|r| *r != id && r.split('-').any(|w| w == id)).collect();
        wider.sort();
        let cands = wider.into_iter().flat_map(|r| self.p.role_holders[r].values().flat_map(held));
        self.one_named(cands, word)
    }

    /// The one listed person holding the title at `role_at` on the article's date whose
    /// dotted Chinese name ends in `name` (美国总统克林顿: 比尔·克林顿).
    pub(super) fn holder_named_zh(&self, role_at: usize, name: &str) -> Option<EntityKey> {
        let cands = self.p.zh_name_tails.get(name)?;
        let m = self.mentions.covering(role_at)?;
        let Mk::Ent(EntityKey::Known(role), EntityType::Role) = m.kind else { return None };
        let g = &self.p.gazetteer;
        let date = self.sections[self.lines[self.line_at(role_at)].section].anchor?;
        let role_id = &g.entry(role).id;
        let mut found = cands.iter().copied().filter(|&i| g.entry(i).roles.iter().any(|r| r.role == *role_id && r.held_on(Some(date))));
        let one = found.next()?;
        found.next().is_none().then_some(EntityKey::Known(one))
    }

    /// The one listed person holding the title of mention `role` (in any country) on
    /// the article's date whose Chinese name, a Han name, starts with `surname` (朱总理
    /// in 1999: 朱镕基).
    pub(super) fn holder_by_surname(&self, role: &M, surname: char) -> Option<EntityKey> {
        self.holder_whose_zh(role, |zh| zh.chars().count() >= 2 && zh.starts_with(surname))
    }

    /// 克强总理: the one listed holder of the title at `role` on the article's date whose
    /// Chinese name of three characters ends with the given name `given`.
    pub(super) fn holder_by_given_name(&self, role: &M, given: &str) -> Option<EntityKey> {
        self.holder_whose_zh(role, |zh| zh.chars().count() == 3 && zh.ends_with(given) && zh.chars().next().is_some_and(|c| self.p.names.is_surname(c)))
    }

    /// The one listed holder of the title at `role` on the article's date whose Chinese
    /// name (not a dotted transliteration) `fits`.
    fn holder_whose_zh(&self, role: &M, fits: impl Fn(&str) -> bool) -> Option<EntityKey> {
        let Mk::Ent(EntityKey::Known(role_entry), EntityType::Role) = role.kind else { return None };
        let g = &self.p.gazetteer;
        let date = self.sections[self.lines[self.line_at(role.start)].section].anchor?;
        // 总理 is a prime minister's title and a premier's (counterpart-roles: the role
        // itself first).
        let roles = self.p.counterpart_roles.get(&role_entry).map(Vec::as_slice).unwrap_or(&[]);
        let found: Vec<usize> = roles
            .iter()
            .filter_map(|&r| self.p.role_holders.get(&g.entry(r).id))
            .flat_map(|by_country| by_country.values())
            .flatten()
            .filter(|&&(i, k)| {
                let e = g.entry(i);
                e.roles[k].held_on(Some(date))
                    && e.zh_hans.as_deref().is_some_and(|zh| !zh.contains('·') && fits(zh))
            })
            .map(|&(i, _)| i)
            .collect();
        only_one(found)
    }

    /// The one listed person among `candidates` whose English name begins or ends with
    /// `word` ("Premier Li", "President Park of …"), if there is exactly one.
    fn one_named(&self, candidates: impl Iterator<Item = usize>, word: &str) -> Option<EntityKey> {
        let g = &self.p.gazetteer;
        let found: Vec<usize> = candidates
            .filter(|&i| {
                let en = &g.entry(i).en;
                en.split(' ').next() == Some(word) || en.rsplit(' ').next() == Some(word)
            })
            .collect();
        only_one(found)
    }
}

/// The one listed entry among `found` (with repeats), if there is exactly one.
fn only_one(mut found: Vec<usize>) -> Option<EntityKey> {
    found.sort_unstable();
    found.dedup();
    match found[..] {
        [one] => Some(EntityKey::Known(one)),
        _ => None,
    }
}
