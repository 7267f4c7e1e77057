//! Meeting slots: the tests the name finders share for where a name may stand (the English
//! ones here; the Chinese slots are `slots_zh`, short references `short_names`), and listed
//! people's mentions widened to the name as written.
//!
//! Input: the page's mentions so far (gazetteer hits, titled names), its triggers and
//! time expressions. Output: answers for the finders (`people`, `open_names`, `roles`,
//! `speakers`): a trigger or time at a position, a title standing for a person rather than
//! qualifying what follows (`office_stands_alone`), an English title's modifiers and its
//! tail before the name (`en_modifiers_to_role`, `en_title_tail`), a one-word English name
//! in a slot (`en_single_name_ok`, read for `pattern:en-slot-name`); and listed people's
//! mentions grown to the whole name the page writes ("Michael R. Pompeo",
//! `widen_known_names`).
//!
//! **Invariant**: a one-word English name passes only when capitalised, no word the lexicon
//! holds as no name (`en-not-single-names`, `en-body-words`), and mid-sentence or, opening
//! a sentence, no common word or a word the page capitalises mid-sentence too; a listed
//! mention grows only by initials, a suffix or the first word of one of the person's
//! listed names, and into no other mention.

use super::*;

/// A mark that ends a Chinese clause (the subject of a trigger is read after it).
pub(super) fn is_clause_mark(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '。' | '!' | '?' | '\n' | '"' | '“' | '”' | '「' | '」' | '(' | ')')
}

impl<'a> Page<'a> {
    /// The time expression starting at `pos` (times are sorted by start).
    pub(super) fn time_starting_at(&self, pos: usize) -> Option<&TimeExpr> {
        let i = self.times.partition_point(|t| t.start < pos);
        self.times.get(i).filter(|t| t.start == pos)
    }

    /// Whether a trigger ends at `pos` (triggers do not overlap: their ends are sorted
    /// like their starts).
    pub(super) fn trigger_ends_at(&self, pos: usize) -> bool {
        let i = self.triggers.partition_point(|t| t.end < pos);
        self.triggers.get(i).is_some_and(|t| t.end == pos)
    }

    /// Whether a title ending at `end` stands for a person (巴西央行行长会见…, "the
    /// Russian foreign minister met"), not a qualifier of what follows (美国总统就职典礼,
    /// "the president's visit").
    pub(super) fn office_stands_alone(&self, end: usize) -> bool {
        let n = self.norm.len();
        if end >= n {
            return true;
        }
        let c = self.norm[end];
        if is_han(c) {
            return self.zh_name_ends_well(end);
        }
        let rest = self.ns(end, (end + 3).min(n));
        if rest.starts_with("'s") || rest.starts_with("’s") {
            return false;
        }
        // "Foreign Minister and Alternate Prime Minister Yair Lapid", "Crown Prince of
        // Saudi Arabia Mohammed bin Salman": one title chain ending in a name.
        let i = self.mentions.partition_point(|m| m.start < end);
        let next_person = self.mentions[i..].iter().take(6).find(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person)));
        if let Some(next) = next_person {
            let between: String = self.chars[end..next.start].iter().collect();
            let words: Vec<&str> = between.split_whitespace().collect();
            let chain = |w: &&str| w.starts_with(char::is_uppercase) || matches!(*w, "and" | "of" | "the" | "for" | "&" | "," | "-");
            if words.len() <= 10 && words.iter().all(chain) {
                return false;
            }
        }
        true
    }

    /// Where the modifiers of a title that start at `pos` lead to a person's title: up to
    /// four words, none of them a function word (`en-function-words`) nor a person's, then
    /// a role mention ("opposition leader Raila Odinga", "European mediator Miroslav
    /// Lajcak", "Ukrainian army commander in chief Valerii Zaluzhnyi"), or a noun of work
    /// or standing (`en-person-nouns`) right before the name or its ranks, alone or
    /// between commas ("Burma's powerful intelligence chief, Lieutenant General Khin
    /// Nyunt", "the military government's senior general Than Shwe"). A word or mention
    /// may carry a possessive. The role's or noun's start.
    pub(super) fn en_modifiers_to_role(&self, pos: usize) -> Option<usize> {
        let n = self.chars.len();
        let mut p = pos;
        while p < n && self.chars[p] == ' ' {
            p += 1;
        }
        // A determiner may open the phrase ("his security adviser Monica Juma").
        let first_word_end = (p..n).find(|&i| !self.chars[i].is_alphabetic()).unwrap_or(n);
        if first_word_end < n && self.chars[first_word_end] == ' ' && self.p.lists.en_determiners.contains(&self.ns(p, first_word_end).to_string()) {
            p = first_word_end;
        }
        let possessive = |e: usize| {
            if e + 1 < n && matches!(self.chars[e], '\'' | '’') && self.chars[e + 1] == 's' && (e + 2 == n || self.chars[e + 2] == ' ') {
                e + 2
            } else {
                e
            }
        };
        for _ in 0..=4 {
            while p < n && self.chars[p] == ' ' {
                p += 1;
            }
            if let Some(m) = self.mentions.covering(p).filter(|m| m.start == p) {
                match m.kind {
                    Mk::Ent(_, EntityType::Role) => return Some(p),
                    // A country, body or place is a modifier too ("U.N. envoy", "Hamas leader").
                    Mk::Ent(_, EntityType::Person) | Mk::Pronoun => return None,
                    _ => {
                        p = possessive(m.end);
                        continue;
                    }
                }
            }
            let mut e = p;
            while e < n && (self.chars[e].is_alphabetic() || self.chars[e] == '-') {
                e += 1;
            }
            if e == p || self.p.lists.en_function.contains(&self.ns(p, e).to_string()) {
                return None;
            }
            // "sat down with VOA correspondent X": an interview, no meeting.
            if self.p.lists.en_press_nouns.iter().any(|w| w == self.ns(p, e)) {
                return None;
            }
            if self.chars[p].is_lowercase() && self.p.lists.en_person_nouns.contains(self.ns(p, e)) && self.en_name_follows_noun(e) {
                return Some(p);
            }
            let after = possessive(e);
            if after < n && self.chars[after] != ' ' {
                return None;
            }
            p = after;
        }
        None
    }

    /// Whether a person's name follows the noun ending at `e`: right after it or after a
    /// comma, past capitalised words only (ranks: "chief, Lieutenant General Khin Nyunt").
    fn en_name_follows_noun(&self, e: usize) -> bool {
        let n = self.chars.len();
        let mut p = e;
        if p < n && self.chars[p] == ',' {
            p += 1;
        }
        for _ in 0..4 {
            if p >= n || self.chars[p] != ' ' {
                return false;
            }
            p += 1;
            if self.mentions.covering(p).is_some_and(|m| m.start == p && matches!(m.kind, Mk::Ent(_, EntityType::Person))) {
                return true;
            }
            if !self.chars.get(p).is_some_and(|c| c.is_uppercase()) {
                return false;
            }
            while p < n && !matches!(self.chars[p], ' ' | ',') {
                p += 1;
            }
        }
        false
    }

    /// Whether a capitalised word that no mention covers and that is no common word,
    /// function word or word that is no name follows the Latin word ending at `e` ("Novak
    /// Djokovic" after the short form "Novak").
    pub(super) fn en_unknown_name_word_after(&self, e: usize) -> bool {
        let n = self.chars.len();
        if e == 0 || e + 3 > n || self.chars[e] != ' ' || !self.chars[e - 1].is_ascii_alphabetic() || !self.chars[e + 1].is_uppercase() {
            return false;
        }
        let mut w = e + 1;
        while w < n && (self.chars[w].is_alphabetic() || self.chars[w] == '-') {
            w += 1;
        }
        if w - (e + 1) < 3 || !self.chars[e + 2..w].iter().any(|c| c.is_lowercase()) || self.mentions.overlaps(e + 1, w) {
            return false;
        }
        let lower = self.ns(e + 1, w).to_string();
        let lists = &self.p.lists;
        !(lists.en_common.contains(&lower) || lists.en_function.contains(&lower) || lists.en_not_single_names.contains(&lower))
    }

    /// Whether a capitalised word that no mention covers and no list knows as a common
    /// word, a function word or a title stands right before `s` ("Hafez Assad"): then a
    /// short form of a listed person's name at `s` is part of another person's name.
    pub(super) fn en_unknown_name_word_before(&self, s: usize) -> bool {
        if s < 3 || !matches!(self.chars[s - 1], ' ' | '-') || !self.chars[s].is_ascii_alphabetic() {
            return false;
        }
        let mut e = s - 1;
        // Over a particle joined by a hyphen ("Hafez al-Assad").
        if self.chars[e] == '-' {
            let mut q = e;
            while q > 0 && self.chars[q - 1].is_lowercase() {
                q -= 1;
            }
            if q == e || q < 2 || self.chars[q - 1] != ' ' {
                return false;
            }
            e = q - 1;
        }
        let mut w = e;
        while w > 0 && (self.chars[w - 1].is_alphabetic() || self.chars[w - 1] == '-') {
            w -= 1;
        }
        if e - w < 2 || !self.chars[w].is_uppercase() || (w > 0 && !matches!(self.chars[w - 1], ' ' | '\n' | '"' | '“' | '(')) {
            return false;
        }
        if self.mentions.overlaps(w, e) {
            return false;
        }
        // "President-elect Trump": a capital, a hyphen and a lower-case word is no name's.
        if (w..e).any(|k| self.chars[k] == '-' && self.chars.get(k + 1).is_some_and(|c| c.is_lowercase())) {
            return false;
        }
        let lower = self.ns(w, e).to_string();
        let lists = &self.p.lists;
        !(lists.en_common.contains(&lower) || lists.en_function.contains(&lower) || lists.en_not_single_names.contains(&lower))
    }

    /// A name read from `s` to `e` ends where a rule's trigger starts, two characters in
    /// or later (库克拜访了: 库克, not 库克拜).
    pub(super) fn clip_to_trigger(&self, s: usize, e: usize) -> usize {
        let t = self.triggers.partition_point(|t| t.start < s + 2);
        self.triggers.get(t).filter(|t| t.start < e).map_or(e, |t| t.start)
    }

    /// The one-word name before " and " before `s` ("Abbas and Blinken met"), when the
    /// lexicon and the page agree it is a name ([`Page::en_single_name_ok`]).
    pub(super) fn en_single_name_and_before(&self, s: usize) -> Option<(usize, usize)> {
        if s < 6 || self.ns(s - 5, s) != " and " {
            return None;
        }
        let e = s - 5;
        let mut w = e;
        while w > 0 && (self.chars[w - 1].is_alphabetic() || matches!(self.chars[w - 1], '-' | '\'')) {
            w -= 1;
        }
        let free = w == 0 || matches!(self.chars[w - 1], ' ' | '\n' | '"' | '“' | '(');
        (free && w < e && !self.mentions.overlaps(w, e) && self.en_single_name_ok(w, e)).then_some((w, e))
    }

    /// Whether char `pos` starts a sentence (only white space, quotes or brackets
    /// after the previous sentence's end or the line's start).
    pub(super) fn starts_sentence(&self, pos: usize) -> bool {
        let mut i = pos;
        let mut quoted = false;
        while i > 0 && matches!(self.chars[i - 1], ' ' | '"' | '“' | '\'' | '‘' | '(' | '\t') {
            quoted |= matches!(self.chars[i - 1], '"' | '“' | '‘');
            i -= 1;
        }
        // A quotation opening after a comma (wrote, "Pleased to meet …") opens a sentence.
        i == 0 || matches!(self.chars[i - 1], '.' | '!' | '?' | '\n' | ':' | '—') || (quoted && self.chars[i - 1] == ',')
    }

    /// A one-word English name in a slot: capitalised, not a word the lexicon knows
    /// as no name, and either mid-sentence or seen capitalised mid-sentence elsewhere.
    pub(super) fn en_single_name_ok(&self, s: usize, e: usize) -> bool {
        let word: String = self.chars[s..e].iter().collect();
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 || !word.chars().next().is_some_and(char::is_uppercase) || !word.chars().skip(1).all(|c| c.is_lowercase() || c == '-' || c == '\'') {
            return false;
        }
        let lower = word.to_lowercase();
        if self.p.lists.en_not_single_names.contains(&lower) || self.p.lists.en_body.contains(&lower) {
            return false;
        }
        if !self.starts_sentence(s) {
            return true;
        }
        // Sentence-initial: no common word ("Officials met"), or the same word
        // capitalised mid-sentence elsewhere.
        !self.p.lists.en_common.contains(&lower) || self.mid_sentence_capitals().contains(&word)
    }

    /// Every capitalised word the page shows mid-sentence (built once, on first use).
    fn mid_sentence_capitals(&self) -> &std::collections::HashSet<String> {
        self.mid_caps.get_or_init(|| {
            let mut set = std::collections::HashSet::new();
            let n = self.chars.len();
            let mut i = 0;
            while i < n {
                if self.chars[i].is_uppercase() && (i == 0 || !is_word_char(self.chars[i - 1])) {
                    let mut e = i + 1;
                    while e < n && (self.chars[e].is_alphabetic() || self.chars[e] == '-' || self.chars[e] == '\'') {
                        e += 1;
                    }
                    if !self.starts_sentence(i) {
                        set.insert(self.chars[i..e].iter().collect());
                    }
                    i = e;
                } else {
                    i += 1;
                }
            }
            set
        })
    }
}


impl<'a> Page<'a> {
    /// A listed person written with more of their name than the list has ("Michael R.
    /// Pompeo" around the short form "Pompeo", "Lloyd J. Austin III" around "Lloyd J.
    /// Austin"): the mention grows to the whole name when the words added are initials,
    /// a suffix, or begin one of the person's listed names.
    #[inline(never)]
    pub(super) fn widen_known_names(&mut self) {
        let g = &self.p.gazetteer;
        let mut grow: Vec<(usize, usize, usize)> = Vec::new(); // mention index, start, end
        for (k, m) in self.mentions.iter().enumerate() {
            let Mk::Ent(EntityKey::Known(i), EntityType::Person) = m.kind else { continue };
            if !self.chars[m.start].is_ascii_alphabetic() {
                continue;
            }
            // Walk back over up to three capitalised words or initials.
            let mut s = m.start;
            for _ in 0..3 {
                if s < 2 || self.chars[s - 1] != ' ' {
                    break;
                }
                let mut w = s - 1;
                while w > 0 && (self.chars[w - 1].is_alphabetic() || self.chars[w - 1] == '.') {
                    w -= 1;
                }
                if w == s - 1 || !self.chars[w].is_uppercase() || (k > 0 && self.mentions[k - 1].end > w) {
                    break;
                }
                s = w;
            }
            // The whole name from there must read as one name reaching at least this far.
            let start = (s..=m.start).find(|&st| {
                (st == m.start || (st == 0 || self.chars[st - 1] == ' ')) && self.p.names.en_name_at(&self.chars, st).is_some_and(|e| e >= m.end)
            });
            let Some(start) = start else { continue };
            let end = self.p.names.en_name_at(&self.chars, start).unwrap_or(m.end).max(m.end);
            if (start, end) == (m.start, m.end) || self.mentions.get(k + 1).is_some_and(|n| n.start < end) {
                continue;
            }
            let added: Vec<String> = self.chars[start..m.start].iter().collect::<String>().split_whitespace().map(str::to_string).collect();
            let initials = added.iter().all(|w| w.trim_end_matches('.').chars().count() == 1);
            let first = added.first().map(|w| w.trim_end_matches('.').to_string());
            let entry = g.entry(i);
            let begins_a_name = first.is_some_and(|f| entry.full_names().any(|n| n.split(' ').next() == Some(f.as_str())));
            let tail: String = self.chars[m.end..end].iter().collect();
            let suffix_only = tail.split_whitespace().all(|w| matches!(w.trim_end_matches('.'), "Jr" | "Sr" | "II" | "III" | "IV"));
            if (initials || begins_a_name) && suffix_only {
                grow.push((k, start, end));
            }
        }
        for (k, s, e) in grow {
            self.mentions[k].start = s;
            self.mentions[k].end = e;
        }
        self.sort_mentions();
    }
}

impl<'a> Page<'a> {
    /// Past the rest of an English title after its matched head, to where the name
    /// starts: "Secretary of State for Defence, John Healey", "Minister of Defense of the
    /// Republic of Iraq Jumaah Saadoon", "Deputy Prime Minister and Minister of Defence
    /// Richard Marles", "Defense Minister Gen. Mohamad Zaki". `re` is where the head ends;
    /// the result is where the text before the name ends (a space follows).
    /// Whether a word of `en-title-words` (all letters) begins at char `i`.
    fn title_word_begins(&self, i: usize) -> bool {
        let n = self.norm.len();
        let mut e = i;
        while e < n && self.norm[e].is_alphabetic() && e - i < 24 {
            e += 1;
            if self.p.lists.en_title_words.contains(self.ns(i, e)) {
                return true;
            }
        }
        false
    }

    pub(super) fn en_title_tail(&self, re: usize) -> usize {
        let n = self.chars.len();
        let lists = &self.p.lists;
        let mut p = re;
        let mut tail = false;
        'outer: loop {
            let rest = self.ns(p, (p + 9).min(n));
            let Some(link) = [" of the ", " for the ", " to the ", " of ", " for ", " to ", " and "].into_iter().find(|l| rest.starts_with(l)) else {
                break;
            };
            let mut q = p + link.chars().count();
            let mut took = false;
            // Mentions (places, bodies, titles) and title words, one after another.
            loop {
                if let Some(m) = self.mentions.covering(q).filter(|m| m.start == q && !matches!(m.kind, Mk::Ent(_, EntityType::Person) | Mk::Pronoun)) {
                    q = m.end;
                } else {
                    let mut e = q;
                    while e < n && (self.chars[e].is_alphabetic() || matches!(self.chars[e], '\'' | '’' | '-')) {
                        e += 1;
                    }
                    if e == q || !self.chars[q].is_uppercase() || !lists.en_title_words.contains(self.ns(q, e)) {
                        break;
                    }
                    q = e;
                }
                took = true;
                let more = self.ns(q, (q + 6).min(n));
                if more.starts_with(" and ") && self.title_word_begins(q + 5) {
                    q += 4;
                } else if !(q + 1 < n && self.chars[q] == ' ' && self.chars[q + 1].is_uppercase() && self.mentions.covering(q + 1).is_some_and(|m| !matches!(m.kind, Mk::Ent(_, EntityType::Person) | Mk::Pronoun))) {
                    // The next capitalised word is a title word or the name itself.
                    if !(q + 1 < n && self.chars[q] == ' ') {
                        break;
                    }
                    let mut e = q + 1;
                    while e < n && self.chars[e].is_alphabetic() {
                        e += 1;
                    }
                    if e == q + 1 || !self.chars[q + 1].is_uppercase() || !lists.en_title_words.contains(self.ns(q + 1, e)) {
                        break;
                    }
                }
                q += 1;
            }
            if !took {
                break 'outer;
            }
            // The loop above stepped onto the space before the next word.
            p = if self.chars.get(q - 1) == Some(&' ') { q - 1 } else { q };
            tail = true;
        }
        // "for Defence, John Healey": the comma of an apposition.
        if tail && self.ns(p, (p + 2).min(n)) == ", " {
            p += 1;
        }
        // Ranks between the title and the name (Gen., Maj. Gen., Dr.).
        loop {
            let rest = self.ns(p, (p + 8).min(n));
            // " {rank} ", read without building a string per rank (hot: every title).
            let after_space = rest.strip_prefix(' ').unwrap_or("");
            match lists.en_ranks.iter().find(|r| after_space.strip_prefix(r.as_str()).is_some_and(|t| t.starts_with(' '))) {
                Some(r) => p += 1 + r.chars().count(),
                None => break,
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Document;
    use crate::extract::{Extraction, Options, Pipeline};

    fn extract(text: &str) -> Extraction {
        let p = Pipeline::from_pack(None, None, None).expect("the built-in pack loads");
        let opts = Options { date: chrono::NaiveDate::from_ymd_opt(2020, 5, 13), today: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap() };
        p.extract(&Document::plain("t", "test", text.to_string()), &opts)
    }

    /// `text` read on 5 May of year `y`.
    fn extract_in(p: &Pipeline, text: &str, y: i32) -> Extraction {
        let opts = Options { date: chrono::NaiveDate::from_ymd_opt(y, 5, 5), today: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap() };
        p.extract(&Document::plain("t", "test", text.to_string()), &opts)
    }

    fn person_mentions(x: &Extraction, name: &str) -> Vec<String> {
        x.entities.iter().filter(|e| e.name == name).flat_map(|e| e.mentions.iter().map(|m| m.text.clone())).collect()
    }

    #[test]
    fn a_short_form_several_listed_people_share_is_the_one_in_office_on_the_date() {
        let p = Pipeline::from_pack(None, None, None).expect("the built-in pack loads");
        let on = |text: &str, y: i32| extract_in(&p, text, y);
        let text = "The report said Clinton would sign the bill.";
        assert_eq!(person_mentions(&on(text, 1998), "Bill Clinton"), ["Clinton"]);
        assert_eq!(person_mentions(&on(text, 2010), "Hillary Clinton"), ["Clinton"]);
        // Neither in office then: a person all the same, of no list.
        assert_eq!(person_mentions(&on(text, 2020), "Clinton"), ["Clinton"]);
        // Inside a longer name (卡特里娜, a storm's): nobody.
        let x = on("在布什总统处理卡特里娜飓风救灾事宜之际，访问推迟了。", 2005);
        assert!(person_mentions(&x, "卡特").is_empty() && person_mentions(&x, "Jimmy Carter").is_empty());
    }

    #[test]
    fn a_title_and_the_last_part_of_its_holders_name_is_that_holder_on_the_date() {
        let p = Pipeline::from_pack(None, None, None).expect("the built-in pack loads");
        let on = |text: &str, y: i32| extract_in(&p, text, y);
        let x = on("国家主席江泽民今天在北京会见了美国总统克林顿。", 1998);
        assert_eq!(person_mentions(&x, "Bill Clinton"), ["克林顿"]);
        // The same name after another title, years later: the other holder.
        let x = on("外交部长杨洁篪今天在北京会见了美国国务卿克林顿。", 2010);
        assert_eq!(person_mentions(&x, "Hillary Clinton"), ["克林顿"]);
        // No holder of that title by that name on the date: a name of its own.
        let x = on("国家主席江泽民今天在北京会见了美国总统克林顿。", 2010);
        assert_eq!(person_mentions(&x, "克林顿"), ["克林顿"]);
    }

    #[test]
    fn a_generic_title_and_a_surname_is_the_holder_of_a_title_with_that_word() {
        let p = Pipeline::from_pack(None, None, None).expect("the built-in pack loads");
        let opts = Options { date: chrono::NaiveDate::from_ymd_opt(2009, 11, 1), today: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap() };
        let x = p.extract(&Document::plain("t", "test", "Secretary Clinton met President Abbas in Ramallah.".to_string()), &opts);
        assert_eq!(person_mentions(&x, "Hillary Clinton"), ["Clinton"]);
        let opts = Options { date: chrono::NaiveDate::from_ymd_opt(1998, 11, 1), ..opts };
        let x = p.extract(&Document::plain("t", "test", "Secretary Clinton met President Abbas in Ramallah.".to_string()), &opts);
        assert!(person_mentions(&x, "Hillary Clinton").is_empty(), "{:?}", x.entities);
    }

    #[test]
    fn a_listed_person_written_with_initials_is_one_mention() {
        let x = extract("Secretary of State Michael R. Pompeo met with Israeli Prime Minister Benjamin Netanyahu in Jerusalem.");
        assert_eq!(person_mentions(&x, "Mike Pompeo"), ["Michael R. Pompeo"]);
        let names: Vec<&str> = x.events[0].participants.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Mike Pompeo", "Benjamin Netanyahu"]);
    }

    #[test]
    fn a_surname_before_a_title_no_full_name_explains_is_that_titles_holder_on_the_date() {
        let p = Pipeline::from_pack(None, None, None).expect("the built-in pack loads");
        let x = extract_in(&p, "晚宴前，朱总理会见了世界银行行长沃尔芬森。", 1999);
        assert_eq!(person_mentions(&x, "Zhu Rongji"), vec!["朱".to_string()]);
        assert_eq!(x.events.len(), 1);
        // In 2010 no premier of that surname held office: no one.
        let x = extract_in(&p, "晚宴前，朱总理会见了世界银行行长沃尔芬森。", 2010);
        assert!(person_mentions(&x, "Zhu Rongji").is_empty());
    }

    #[test]
    fn a_surname_before_a_title_is_the_person_of_that_surname() {
        let x = extract("国务院总理李强会见了德国总理朔尔茨。李总理表示，中方愿同德方合作。");
        assert!(person_mentions(&x, "Li Qiang").contains(&"李".to_string()), "{:?}", x.entities);
    }

    #[test]
    fn a_title_right_after_a_name_names_its_holder_on_the_date() {
        let x = crate::extract::tests::extract_on("克林顿总统今天上午在白宫会见了日本首相桥本龙太郎。", (1998, 5, 10));
        assert_eq!(x.events.len(), 1);
        assert_eq!(x.events[0].participants.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Bill Clinton", "Ryutaro Hashimoto"]);
    }

    #[test]
    fn the_last_part_of_a_dotted_name_is_that_person() {
        let x = extract("蔡英文在纽约会见了美国众议员麦克·加拉格尔。加拉格尔表示支持。");
        let e = x.entities.iter().find(|e| e.name == "麦克·加拉格尔").expect("the full name");
        assert_eq!(e.mentions.len(), 2, "{:?}", e.mentions);
    }

    #[test]
    fn a_given_name_and_surname_both_common_words_are_a_name_mid_sentence_only() {
        let people = |text: &str| -> Vec<String> {
            let x = extract(text);
            x.entities.iter().filter(|e| e.etype == crate::gazetteer::EntityType::Person).map(|e| e.name.clone()).collect()
        };
        assert_eq!(people("By the close Robin Lodge and the captain had added 106 runs."), ["Robin Lodge"]);
        assert!(people("They walked through the Rose Garden on Monday.").is_empty());
        assert!(people("Robin Lodge is a small hotel.").is_empty());
    }

    #[test]
    fn a_chinese_short_form_that_runs_on_into_transliteration_is_another_name() {
        // 科尔 is Helmut Kohl's short form; 科尔曼 is someone else.
        let x = extract_in(&Pipeline::from_pack(None, None, None).expect("the built-in pack loads"), "美国学者科尔曼认为，双方需要对话。", 1995);
        assert!(x.entities.iter().all(|e| e.name != "Helmut Kohl"), "{:?}", x.entities);
        let x = extract_in(&Pipeline::from_pack(None, None, None).expect("the built-in pack loads"), "德国总理科尔会见了法国总统。", 1995);
        assert_eq!(person_mentions(&x, "Helmut Kohl"), ["科尔"]);
    }

    #[test]
    fn a_listed_short_name_after_another_given_name_is_another_person() {
        // The gazetteer's "Assad" is Bashar al-Assad; "Hafez al-Assad" is someone else, and
        // the later "Assad" of this page is Hafez.
        let x = extract("Jimmy Carter met Syrian President Hafez al-Assad in Damascus. Carter, who met Assad for four hours, said there was no breakthrough.");
        assert!(x.entities.iter().all(|e| e.name != "Bashar al-Assad"), "{:?}", x.entities);
        assert_eq!(person_mentions(&x, "Hafez al-Assad"), ["Hafez al-Assad", "Assad"]);
        // Without another given name before it, the short form is still the listed person.
        let x = extract("Vladimir Putin met Assad in Moscow on Tuesday.");
        assert_eq!(person_mentions(&x, "Bashar al-Assad"), ["Assad"]);
    }
}
