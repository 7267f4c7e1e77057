//! English person names no list knows, read by their shape: a given name, then
//! capitalised surname words ("Peter Jones said", "Striker Alan Shearer scored").
//!
//! Input: the page's text as written (capitals matter) and its mentions so far.
//! Output: more person mentions with the rule `pattern:en-given-name`: a word of
//! `en-given-names` (many languages' given names in Latin script) that starts a name of
//! two to four words as [`crate::matching::Names::en_name_at`] reads it, where
//! - no mention overlaps it (gazetteer places, bodies and people win);
//! - no word of it is a body's word (`en-body-words`: "George Washington University"), a
//!   place noun (`en-not-person-nouns`: "Victoria Street") or a word that is no name
//!   (`en-not-single-names`: months, titles);
//! - a given name that is also a common word (`en-common-words`: Will, Mark, Rose) is
//!   followed by a surname that is not one ("Mark Brown" is left alone);
//! - the text around it is not all capitals (a headline in capitals has no shape).
//!
//! A name in brackets after a Chinese one (约翰·博尔顿(John Bolton)) names that person: it
//! adds nothing when the Chinese name was read, else the transliteration before the bracket
//! is read as the name (`pattern:zh-bracketed-name`).
//!
//! **Invariant**: it only adds mentions where none is; what the gazetteers and the title
//! rules read wins.

use super::*;

/// The rule that a given-name mention carries.
const RULE: &str = "pattern:en-given-name";

impl<'a> Page<'a> {
    /// People named by a given name and a surname (see the module header).
    #[inline(never)]
    pub(super) fn find_given_names(&mut self) {
        let found = self.given_name_spans();
        let after_noun = self.person_noun_name_spans();
        for (s, e) in after_noun {
            if !self.mentions.overlaps(s, e) && !found.iter().any(|&(fs, fe)| fs < e && s < fe) {
                let name = self.ns(s, e).to_string();
                self.push(s, e, Mk::Ent(EntityKey::Open(EntityType::Person, name), EntityType::Person), "pattern:en-noun-name");
            }
        }
        for (s, e) in found {
            self.push_given_name(s, e);
        }
        self.sort_mentions();
        self.find_context_names();
    }

    /// The spans of names that start with a capitalised word of `en-given-names` (see the
    /// module header), left to right.
    fn given_name_spans(&self) -> Vec<(usize, usize)> {
        let n = self.chars.len();
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < n {
            let c = self.chars[i];
            if !c.is_uppercase() || (i > 0 && is_word_char(self.chars[i - 1])) {
                i += 1;
                continue;
            }
            let mut w = i + 1;
            while w < n && self.chars[w].is_alphabetic() {
                w += 1;
            }
            // The normalised text is the word in lower case, char for char: no string built.
            let word = self.ns(i, w);
            if self.chars[i + 1..w].iter().all(|c| c.is_lowercase())
                && self.p.lists.en_given.contains(word)
                && let Some(e) = self.p.names.en_name_at(&self.chars, i).map(|e| self.cut_at_full_stop(i, self.cut_at_non_latin(i, e)))
                && self.given_name_ok(i, e, word)
            {
                found.push((i, e));
                i = e;
                continue;
            }
            i = w;
        }
        found
    }

    /// The spans of names right after a lower-case noun of work or standing, or between
    /// commas after it ("Pakistan captain Wasim Akram", "The judge, Lance Ito, ruled").
    fn person_noun_name_spans(&self) -> Vec<(usize, usize)> {
        let n = self.chars.len();
        // A lower-case noun of work or standing right before ("Pakistan captain Wasim Akram").
        let mut after_noun: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < n {
            if !self.chars[i].is_lowercase() || (i > 0 && is_word_char(self.chars[i - 1])) {
                i += 1;
                continue;
            }
            let mut w = i;
            while w < n && (self.chars[w].is_alphabetic() || self.chars[w] == '-') {
                w += 1;
            }
            // Right after the noun, or between commas after it ("The judge, Lance Ito, ruled").
            let comma = w + 2 < n && self.chars[w] == ',' && self.chars[w + 1] == ' ';
            let at = if comma { w + 2 } else { w + 1 };
            if at < n && (comma || self.chars[w] == ' ') && self.chars[at].is_uppercase() && self.p.lists.en_person_nouns.contains(self.ns(i, w))
                && let Some(e) = self.p.names.en_name_at(&self.chars, at).map(|e| self.cut_at_full_stop(at, self.cut_at_non_latin(at, e)))
                && self.noun_name_ok(at, e)
                && (!comma || self.chars.get(e) == Some(&','))
            {
                after_noun.push((at, e));
            }
            i = w.max(i + 1);
        }
        after_noun
    }

    /// Pushes the given name at `s..e` (see `find_given_names`) where no mention is: the
    /// transliteration before the bracket it stands in after a Chinese name, else itself
    /// unless after "in" or "at" as a place.
    fn push_given_name(&mut self, s: usize, e: usize) {
        if self.mentions.overlaps(s, e) {
            return;
        }
        // In brackets right after a name in Chinese (约翰·博尔顿(John Bolton), 安迪·巴尔(Rep.
        // Andy Barr, R-KY)): the same person, named already; an unread
        // transliteration there is the name.
        if let Some(open) = self.bracket_before(s) {
            if self.mentions.ending(open).is_some() {
                return;
            }
            if let Some(zs) = self.translit_before(open) {
                let name = self.ns(zs, open).to_string();
                self.push(zs, open, Mk::Ent(EntityKey::Open(EntityType::Person, name), EntityType::Person), "pattern:zh-bracketed-name");
                return;
            }
        }
        // After "in" or "at" a place is named ("at Roland Garros"), unless it is someone's.
        if self.after_locative(s) && !matches!(self.chars.get(e), Some('\'' | '’')) {
            return;
        }
        let name = self.ns(s, e).to_string();
        self.push(s, e, Mk::Ent(EntityKey::Open(EntityType::Person, name), EntityType::Person), RULE);
    }

    /// Whether the capitalised words at `s..e` read as one person's name where no given
    /// name vouches for it: two to four words; none a body's word, a place noun, a word
    /// that is no name or a common word (a given name first excepted: "Jack Sock"); the
    /// last no initial or particle; not after "in" or "at"; not in a headline.
    pub(super) fn en_open_name_ok(&self, s: usize, e: usize) -> bool {
        let written: String = self.chars[s..e].iter().collect();
        let words: Vec<&str> = written.split(' ').collect();
        if !(2..=4).contains(&words.len()) || self.mentions.overlaps(s, e) {
            return false;
        }
        let lists = &self.p.lists;
        let lower: Vec<String> = words.iter().map(|w| w.trim_end_matches('.').to_lowercase()).collect();
        if lower.iter().any(|w| lists.en_body.contains(w) || lists.en_not_person_nouns.contains(w) || lists.en_not_single_names.contains(w) || lists.en_function.contains(w)) {
            return false;
        }
        let given_first = lists.en_given.contains(&lower[0]);
        let common = |w: &String| w.chars().count() > 1 && lists.en_common.contains(w) && !self.p.names.is_particle(w);
        if lower.iter().enumerate().any(|(k, w)| common(w) && !(k == 0 && given_first)) {
            return false;
        }
        let last = &lower[lower.len() - 1];
        if last.chars().count() < 2 || self.p.names.is_particle(last) {
            return false;
        }
        !self.after_locative(s) && !self.headline_around(s, e)
    }

    /// The bracket opening before the Latin name at `s` ("(John", "(Rep. Andy"): its
    /// position, when only Latin letters, dots and spaces stand between.
    fn bracket_before(&self, s: usize) -> Option<usize> {
        let mut i = s;
        while i > 0 && s - i < 12 && (self.chars[i - 1].is_ascii_alphabetic() || matches!(self.chars[i - 1], '.' | ' ')) {
            i -= 1;
        }
        (i > 1 && matches!(self.norm[i - 1], '(' | '（') && is_han(self.norm[i - 2])).then(|| i - 1)
    }

    /// A transliterated Chinese name ending at `end` (克里斯·赛德曼, 马修·米勒): where it
    /// starts. Characters of `zh-translit` (dots between); before a dot, up to four Han
    /// characters that may be in a name, back to where a mention ends. Two characters
    /// at least, and no mention covers any of it.
    fn translit_before(&self, end: usize) -> Option<usize> {
        let names = &self.p.names;
        let dot = |c: char| matches!(c, '·' | '•' | '‧' | '-' | '－');
        let mut s = end;
        while s > 0 && (names.is_translit(self.norm[s - 1]) || (dot(self.norm[s - 1]) && s < end)) {
            s -= 1;
        }
        if s > 0 && s < end && dot(self.norm[s]) {
            let mut k = s;
            while k > 0 && s - k < 4 && is_han(self.norm[k - 1]) && !names.ends_name_at(&self.norm, k - 1) && self.mentions.ending(k).is_none() {
                k -= 1;
            }
            s = k;
        }
        while s < end && dot(self.norm[s]) {
            s += 1;
        }
        (end - s >= 2 && !self.mentions.overlaps(s, end)).then_some(s)
    }

    /// Whether the word before `s` is a locative (`en-locatives`: in, at).
    fn after_locative(&self, s: usize) -> bool {
        let before = self.ns(s.saturating_sub(6), s);
        let Some(word) = before.strip_suffix(' ').and_then(|b| b.rsplit(' ').next()) else { return false };
        self.p.lists.en_locatives.iter().any(|l| l == word)
    }

    /// A name read on into Chinese ("John Bolton表示"): it ends where Latin letters do.
    pub(super) fn cut_at_non_latin(&self, s: usize, e: usize) -> usize {
        let mut k = (s..e).find(|&i| is_han(self.chars[i])).unwrap_or(e);
        while k > s && self.chars[k - 1] == ' ' {
            k -= 1;
        }
        k
    }

    /// A name read on over a full stop ("Kim Yong Chol. Kim"): it ends at the first
    /// word of two letters or more followed by a dot, but for Jr., Sr. and St.
    pub(super) fn cut_at_full_stop(&self, s: usize, e: usize) -> usize {
        let mut i = s;
        while i < e {
            if self.chars[i] == '.' && i + 1 < e {
                let mut w = i;
                while w > s && self.chars[w - 1].is_alphabetic() {
                    w -= 1;
                }
                let word: String = self.chars[w..i].iter().collect::<String>().to_lowercase();
                if word.chars().count() >= 2 && !matches!(word.as_str(), "jr" | "sr" | "st") {
                    return i;
                }
            }
            i += 1;
        }
        e
    }

    /// Whether the name `s..e` that starts with the given name `given` stands (see the
    /// module header).
    fn given_name_ok(&self, s: usize, e: usize, given: &str) -> bool {
        let written: String = self.chars[s..e].iter().collect();
        let words: Vec<&str> = written.split(' ').collect();
        if !(2..=4).contains(&words.len()) {
            return false;
        }
        let lists = &self.p.lists;
        let lower: Vec<String> = words.iter().map(|w| w.trim_end_matches('.').to_lowercase()).collect();
        if lower.iter().any(|w| lists.en_body.contains(w) || lists.en_not_person_nouns.contains(w) || lists.en_not_single_names.contains(w)) {
            return false;
        }
        // A common word inside ("Muslim Advocate Mohib Ullah"): a title or a phrase, no name.
        // A given name there is no phrase ("Juan Martin del Potro": a martin is a bird).
        if lower[1..lower.len() - 1].iter().any(|w| w.chars().count() > 1 && lists.en_common.contains(w) && !lists.en_given.contains(w)) {
            return false;
        }
        // The last word carries the name: a surname, not an initial or a particle.
        let last = &lower[lower.len() - 1];
        if last.chars().count() < 2 || self.p.names.is_particle(last) {
            return false;
        }
        // Both words common ("Nick Knight", "Robin Lodge", "the Rose Garden"): a name only
        // mid-sentence and not after an article, where both capitals say it.
        if lists.en_common.contains(given) && lists.en_common.contains(last) {
            // The word right before, in the normalised (lower-case) text.
            let before = self.ns(s.saturating_sub(8), s).trim_end();
            let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            let after_article = s > 0 && self.norm[s - 1] == ' ' && lists.en_determiners.iter().any(|d| d == word);
            if self.starts_sentence(s) || after_article || words.len() != 2 {
                return false;
            }
        }
        // A word that starts places' names right before (`en-place-name-leads`: "the San
        // Antonio Spurs", "Santa Maria"): the name starts there, and is no person's.
        if s > 1 && self.chars[s - 1] == ' ' && self.chars[s - 2].is_alphabetic() && self.mentions.covering(s - 2).is_none() {
            let mut w = s - 1;
            while w > 0 && (self.chars[w - 1].is_alphabetic() || self.chars[w - 1] == '.') {
                w -= 1;
            }
            if self.chars[w].is_uppercase() && lists.en_place_leads.contains(self.ns(w, s - 1)) {
                return false;
            }
        }
        !self.headline_around(s, e)
    }

    /// Whether the name `s..e` after a noun of work or standing stands: two to four
    /// words (or one surname: see below), none a body's word, a place noun or a word
    /// that is no name, the last no initial or particle, not in a headline.
    fn noun_name_ok(&self, s: usize, e: usize) -> bool {
        let written: String = self.chars[s..e].iter().collect();
        let words: Vec<&str> = written.split(' ').collect();
        let lists = &self.p.lists;
        let lower: Vec<String> = words.iter().map(|w| w.trim_end_matches('.').to_lowercase()).collect();
        // One word is a surname ("Bayern coach Guardiola reflects") when it is no common or
        // function word, has three letters or more and no capitalised word follows.
        let one = words.len() == 1 && {
            let w = &lower[0];
            w.chars().count() >= 3
                && self.chars[s + 1..e].iter().all(|c| c.is_lowercase())
                && !lists.en_common.contains(w)
                && !lists.en_function.contains(w)
                && !lists.en_given.contains(w)
                && !(self.chars.get(e) == Some(&' ') && self.chars.get(e + 1).is_some_and(|c| c.is_uppercase()))
                // An abbreviation ("spokesman Capt. Jeff Davis") is no surname.
                && !(self.chars.get(e) == Some(&'.') && self.p.sentences.is_abbreviation_word(w))
        };
        ((2..=4).contains(&words.len()) || one)
            && !lower.iter().any(|w| lists.en_body.contains(w) || lists.en_not_person_nouns.contains(w) || lists.en_not_single_names.contains(w))
            && lower.last().is_some_and(|l| l.chars().count() >= 2 && !self.p.names.is_particle(l))
            && !self.headline_around(s, e)
    }

    /// Whether the text around `s..e` is in capitals (a headline or a shouted line),
    /// where capitals say nothing of names.
    fn headline_around(&self, s: usize, e: usize) -> bool {
        let line = &self.lines[self.line_at(s)];
        let lo = s.saturating_sub(40).max(line.start);
        let hi = (e + 40).min(line.end.max(e));
        let (mut upper, mut letters) = (0, 0);
        for c in self.chars[lo..hi].iter().filter(|c| c.is_alphabetic()) {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        }
        upper * 2 >= letters
    }
}
