//! Open-world people in meeting slots, and short references to people named before.
//!
//! Input: the page's mentions so far (gazetteer hits, titled names), its triggers and
//! time expressions. Output: more person mentions, each with the rule that found it:
//! `pattern:zh-slot-name` (a Chinese name where only a person can stand: a meeting
//! clause's subject, the object after the trigger, after 同/与/和, next to a person in a
//! list), `pattern:en-slot-name` for one-word English names in those slots, and
//! `pattern:short-name` / `pattern:zh-surname-title` for later short references
//! ("Ardern", "Premier Li", 李总理) linked to the full name earlier in the document.
//!
//! **Invariant**: a name is taken in a slot only when what follows it is where a name
//! ends (a time, 在, a trigger, a list mark, punctuation); the lists that say so are
//! data (`lexicon/zh/slots.toml`, `lexicon/en/slots.toml`).

use super::*;
use crate::matching::NameForm;

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

    /// Whether a trigger starts at `pos` (triggers are sorted by start).
    fn trigger_starts_at(&self, pos: usize) -> bool {
        let i = self.triggers.partition_point(|t| t.start < pos);
        self.triggers.get(i).is_some_and(|t| t.start == pos)
    }

    fn zh_meeting_trigger(&self, t: &TriggerHit<'_>) -> bool {
        t.rules.iter().any(|&r| {
            let rule = &self.p.rules.rules[r];
            rule.lang == Lang::Zh && matches!(rule.kind, RuleKind::Meeting | RuleKind::Attendance)
        })
    }

    /// Past time expressions, white space and lead words (据悉, 随后) from `p` on.
    fn skip_lead(&self, mut p: usize, hi: usize) -> usize {
        loop {
            let before = p;
            while p < hi && self.norm[p].is_whitespace() {
                p += 1;
            }
            if let Some(t) = self.time_starting_at(p).filter(|t| t.end <= hi) {
                p = t.end;
            }
            if let Some(w) = self.p.lists.zh_clause_lead.iter().find(|w| self.ns(p, hi).starts_with(w.as_str())) {
                p += w.chars().count();
            }
            if p == before {
                return p;
            }
        }
    }

    /// Past 了 and the modifiers of an object (来访的, 来华进行国事访问的) from `p` on.
    fn skip_object_modifiers(&self, mut p: usize) -> usize {
        let n = self.norm.len();
        if p < n && self.norm[p] == '了' {
            p += 1;
        }
        if let Some(w) = self.p.lists.zh_object_modifiers.iter().find(|w| self.ns(p, n).starts_with(w.as_str())) {
            p += w.chars().count();
        }
        // Places, bodies and titles before the object's name (新西兰议员, 荷兰埃因霍温市).
        let start = p;
        while let Some(m) = self.mentions.covering(p).filter(|m| m.start == p && !matches!(m.kind, Mk::Ent(_, EntityType::Person) | Mk::Pronoun)) {
            p = m.end;
        }
        if p > start {
            return p;
        }
        // A short modifier ending in 的 (来华进行国事访问的), with no mark inside.
        let hi = (p + 14).min(n);
        for i in p..hi {
            let c = self.norm[i];
            if !is_han(c) || self.mentions.covering(i).is_some_and(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person))) {
                break;
            }
            if c == '的' {
                return i + 1;
            }
        }
        p
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

    /// A candidate name that begins with a word of `zh-not-names` (包括, 商界).
    pub(super) fn zh_not_a_name(&self, s: usize, e: usize) -> bool {
        let t = self.ns(s, e);
        self.p.lists.zh_not_names.iter().any(|w| t.starts_with(w.as_str()))
    }

    /// Whether a Chinese name may end at `e` in a slot: the text or clause ends, a
    /// clear end follows (在, 和, 一行, a digit), a time, a trigger, or a word of
    /// `zh-after-name`.
    fn zh_name_ends_well(&self, e: usize) -> bool {
        let n = self.norm.len();
        if e >= n || !is_han(self.norm[e]) || self.p.names.clear_end(&self.norm, e) {
            return true;
        }
        if self.time_starting_at(e).is_some() || self.trigger_starts_at(e) {
            return true;
        }
        if self.mentions.covering(e).is_some_and(|m| m.start == e && matches!(m.kind, Mk::Ent(_, EntityType::Role))) {
            return true;
        }
        let rest = self.ns(e, (e + 4).min(n));
        self.p.lists.zh_after_name.iter().any(|w| rest.starts_with(w.as_str()))
    }

    /// Where a clause `lo..verb` with no one before its verb may find its subject: the
    /// start of the clause before, after a comma (林永乐在瓜地马拉访问期间，将晋见…).
    fn previous_clause_start(&self, lo: usize, verb: usize) -> Option<usize> {
        let person = |i: usize| self.mentions.starting(i).is_some_and(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person)));
        if lo == 0 || self.norm[lo - 1] != ',' || (lo..verb).any(person) {
            return None;
        }
        let mut plo = lo - 1;
        while plo > 0 && !is_clause_mark(self.norm[plo - 1]) && lo - plo < 40 {
            plo -= 1;
        }
        Some(self.skip_lead(plo, lo - 1))
    }

    /// Chinese names no list knows where only a person can stand.
    #[inline(never)]
    pub(super) fn find_zh_slot_names(&mut self) {
        let n = self.norm.len();
        let mut starts: Vec<usize> = Vec::new();
        let triggers = self.triggers.clone();
        for t in triggers.iter() {
            if !self.zh_meeting_trigger(t) || !self.active_at(t.start) {
                continue;
            }
            let mut lo = t.start;
            while lo > 0 && !is_clause_mark(self.norm[lo - 1]) && t.start - lo < 80 {
                lo -= 1;
            }
            starts.push(self.skip_lead(lo, t.start));
            starts.extend(self.previous_clause_start(lo, t.start));
            for i in lo..t.start {
                if self.p.lists.zh_with.contains(self.norm[i]) && self.mentions.covering(i).is_none() {
                    starts.push(self.skip_lead(i + 1, t.start));
                }
            }
            // The object: only a subject-object trigger has one after it (会见 Y; not 会晤).
            if t.rules.iter().any(|&r| self.p.rules.rules[r].shape == Shape::SubjectObject) {
                starts.push(self.skip_object_modifiers(t.end));
            }
        }
        // Lists: a person, then 、/和/与/及, then a name (王毅、刘振民).
        for m in &self.mentions {
            if matches!(m.kind, Mk::Ent(_, EntityType::Person)) && m.end + 1 < n && self.p.lists.zh_list_marks.contains(self.norm[m.end]) {
                starts.push(m.end + 1);
            }
        }
        starts.sort_unstable();
        starts.dedup();
        let mut found: Vec<(usize, usize)> = Vec::new();
        for p in starts {
            if p >= n || !is_han(self.norm[p]) || self.mentions.covering(p).is_some() || found.last().is_some_and(|f| f.1 > p) {
                continue;
            }
            let Some((e, form)) = self.p.names.zh_name_kind_at(&self.norm, p) else { continue };
            // A Han name in a slot is a surname and one or two characters (a longer run
            // is more often a phrase: 成果落地).
            if form == NameForm::Other || (form == NameForm::Han && e - p > 3 && !self.p.names.compound_surname_at(&self.norm, p)) {
                continue;
            }
            let e = self.clip_to_trigger(p, self.clip_to_next_mention(p, e));
            if e - p < 2 || !self.zh_name_ends_well(e) || self.zh_not_a_name(p, e) {
                continue;
            }
            // 日本文部大臣町村信孝: before a title that a person's name follows, the words
            // qualify the title.
            let titled_next = self.mentions.starting(e).filter(|m| matches!(m.kind, Mk::Ent(_, EntityType::Role))).is_some_and(|r| {
                self.mentions.starting(r.end).is_some_and(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person)))
            });
            if titled_next {
                continue;
            }
            // One transliterated character pair that is a word of its own (巴方, 德国) is
            // no name: two characters of transliteration must stand alone.
            if form == NameForm::Transliterated
                && e - p == 2
                && e < n
                && is_han(self.norm[e])
                && !self.p.names.clear_end(&self.norm, e)
                && !self.trigger_starts_at(e)
            {
                continue;
            }
            found.push((p, e));
        }
        for (s, e) in found {
            let name = self.ns(s, e).to_string();
            self.push(s, e, Mk::Ent(EntityKey::Open(EntityType::Person, name), EntityType::Person), "pattern:zh-slot-name");
        }
        self.sort_mentions();
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

    /// Whether the person starting at `start` is an object: right after 同/与/和/跟 or a
    /// trigger, titles, places and bodies between (与副总统拜登, 会见美国总统拜登).
    /// A person later in a 、 list after such an object is one too (会见了俄罗斯总统叶利钦、
    /// 总理切尔诺梅尔金), and a title's modifiers (`title-modifiers`: 前主席) stand between
    /// like titles.
    pub(super) fn zh_object_at(&self, start: usize, lo: usize) -> bool {
        self.zh_object_of(start, lo, true)
    }

    /// Whether the person starting at `start` is the object of a trigger (not after
    /// 同/与: 与张德江当年会见梁振英的安排相近 makes 张德江 no object).
    pub(super) fn zh_verb_object_at(&self, start: usize, lo: usize) -> bool {
        self.zh_object_of(start, lo, false)
    }

    fn zh_object_of(&self, start: usize, lo: usize, with: bool) -> bool {
        let mut start = start;
        // At most a few list steps back: each is one earlier person.
        for _ in 0..8 {
            let p = self.zh_before_titles(start, lo);
            let k = self.triggers.partition_point(|t| t.start < p);
            // Before a title, a short word no list knows may qualify it (晋见瓜国总统马多纳多).
            let qualified = |t: &TriggerHit<'_>| {
                p < start && t.end < p && p - t.end <= 3 && (t.end..p).all(|i| is_han(self.norm[i]) && !self.covered(i))
            };
            if p > lo
                && ((with && self.p.lists.zh_with.contains(self.norm[p - 1]) && !self.covered(p - 1))
                    || self.triggers[..k].iter().rev().take(4).any(|t| t.end == p || qualified(t)))
            {
                return true;
            }
            // 、 right after an earlier person: that person's answer is this one's.
            if p > lo + 1 && self.norm[p - 1] == '、'
                && let Some(m) = self.mentions.ending(p - 1).filter(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person)))
            {
                start = m.start;
                continue;
            }
            return false;
        }
        false
    }

    /// Where the titles, places, bodies and title modifiers right before `start` begin.
    fn zh_before_titles(&self, start: usize, lo: usize) -> usize {
        let mut p = start;
        while p > lo {
            match self.mentions.ending(p) {
                Some(m) if !matches!(m.kind, Mk::Ent(_, EntityType::Person) | Mk::Pronoun) => p = m.start,
                _ => {
                    // Title modifiers are short: only the last few characters count.
                    let before = self.ns(p.saturating_sub(4).max(lo), p);
                    match self.p.lists.title_modifiers.iter().find(|w| is_han(w.chars().next().unwrap_or(' ')) && before.ends_with(w.as_str())) {
                        Some(w) if self.mentions.ending(p - w.chars().count()).is_some_and(|m| !matches!(m.kind, Mk::Ent(_, EntityType::Person) | Mk::Pronoun)) => {
                            p -= w.chars().count();
                        }
                        _ => break,
                    }
                }
            }
        }
        p
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
        while i > 0 && matches!(self.chars[i - 1], ' ' | '"' | '“' | '\'' | '‘' | '(' | '\t') {
            i -= 1;
        }
        i == 0 || matches!(self.chars[i - 1], '.' | '!' | '?' | '\n' | ':' | '—')
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

    /// Later short references linked to the full name earlier in the document: a
    /// one-word English person ("Ardern", "Li" of "Premier Li") whose word is the first
    /// or last word of exactly one other person named on the page takes that person;
    /// a surname before a title (李总理) takes the one person of that surname.
    #[inline(never)]
    pub(super) fn link_short_names(&mut self) {
        let full = self.people_in_full();
        let mut relink: Vec<(usize, EntityKey)> = Vec::new();
        // Listed people named in full (not only by a short form) on the page.
        let named_in_full: std::collections::HashSet<&EntityKey> = self
            .mentions
            .iter()
            .filter(|m| !m.rule.ends_with("#short"))
            .filter_map(|m| if let Mk::Ent(k @ EntityKey::Known(_), EntityType::Person) = &m.kind { Some(k) } else { None })
            .collect();
        for (mi, m) in self.mentions.iter().enumerate() {
            if let Some(k) = self.short_name_link(m, &full, &named_in_full) {
                relink.push((mi, k));
            }
        }
        for (mi, k) in relink {
            self.mentions[mi].kind = Mk::Ent(k, EntityType::Person);
            self.mentions[mi].rule = Arc::from("pattern:short-name");
        }
        // 李总理, 王外长: a surname right before a title.
        for (s, k) in self.surname_title_links(&full) {
            self.push(s, s + 1, Mk::Ent(k, EntityType::Person), "pattern:zh-surname-title");
        }
        self.sort_mentions();
    }

    /// Every person named in full on the page: key, words of its English name, its
    /// Chinese name normalised (see `link_short_names`).
    fn people_in_full(&self) -> Vec<(EntityKey, Vec<String>, String)> {
        let g = &self.p.gazetteer;
        let mut full: Vec<(EntityKey, Vec<String>, String)> = Vec::new();
        for m in &self.mentions {
            let Mk::Ent(k, EntityType::Person) = &m.kind else { continue };
            if full.iter().any(|(fk, _, _)| fk == k) {
                continue;
            }
            let (en, zh) = match k {
                EntityKey::Known(i) => (g.entry(*i).en.clone(), g.entry(*i).zh_hans.clone().unwrap_or_default()),
                EntityKey::Open(_, name) if name.chars().any(is_han) => (String::new(), name.clone()),
                EntityKey::Open(..) => (self.text(m.start, m.end), String::new()),
                EntityKey::Holder(..) => continue,
            };
            let words: Vec<String> = en.split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
            full.push((k.clone(), words, normalise(&zh)));
        }
        full
    }

    /// The person the short reference at mention `m` stands for (see
    /// `link_short_names`), one of the people named in full (`full`) or a listed
    /// holder; `named_in_full`: the listed people the page names in full.
    fn short_name_link(&self, m: &M, full: &[(EntityKey, Vec<String>, String)], named_in_full: &std::collections::HashSet<&EntityKey>) -> Option<EntityKey> {
        // "Assad" after "Hafez al-Assad": the short form of a listed name whose full
        // name the page does not give is the one person of the page it ends.
        if let Mk::Ent(k @ EntityKey::Known(_), EntityType::Person) = &m.kind
            && m.rule.ends_with("#short")
            && !named_in_full.contains(k)
        {
            let written = self.text(m.start, m.end);
            let dashed = format!("-{written}");
            let cands: Vec<&EntityKey> = full
                .iter()
                .filter(|(fk, words, _)| {
                    matches!(fk, EntityKey::Open(..))
                        && words.len() >= 2
                        && words.last().is_some_and(|w| *w == written || w.ends_with(&dashed))
                })
                .map(|(fk, _, _)| fk)
                .collect();
            if let [one] = cands[..] {
                return Some(one.clone());
            }
            return None;
        }
        let Mk::Ent(k @ EntityKey::Open(EntityType::Person, name), _) = &m.kind else { return None };
        if name.chars().any(is_han) {
            // 克林顿总统: a title right after the name says whose, as before it (美国总统
            // 克林顿): the holder on the article's date whose dotted name ends so.
            if let Some(r) = self.mentions.starting(m.end)
                && matches!(r.kind, Mk::Ent(_, EntityType::Role))
                && let Some(k) = self.holder_named_zh(r.start, name)
            {
                return Some(k);
            }
            // 加拉格尔 after 麦克·加拉格尔: the last part of one dotted name on the page.
            if name.contains('·') {
                return None;
            }
            let tail = format!("·{name}");
            let cands: Vec<&EntityKey> = full.iter().filter(|(fk, _, zh)| fk != k && zh.ends_with(&tail)).map(|(fk, _, _)| fk).collect();
            if let [one] = cands[..] {
                return Some(one.clone());
            }
            return None;
        }
        if name.contains(' ') {
            return None;
        }
        let written = self.text(m.start, m.end);
        let cands: Vec<&EntityKey> = full
            .iter()
            .filter(|(fk, words, _)| fk != k && words.len() >= 2 && (words[0] == written || words[words.len() - 1] == written))
            .map(|(fk, _, _)| fk)
            .collect();
        if let [one] = cands[..] { Some(one.clone()) } else { None }
    }

    /// The surnames right before a title (李总理, 王外长) and whom each stands for: the
    /// one person of `full` of that surname, else the one listed holder of the title.
    fn surname_title_links(&self, full: &[(EntityKey, Vec<String>, String)]) -> Vec<(usize, EntityKey)> {
        let mut found: Vec<(usize, EntityKey)> = Vec::new();
        for (ri, r) in self.mentions.iter().enumerate() {
            if !matches!(r.kind, Mk::Ent(_, EntityType::Role)) || r.start == 0 {
                continue;
            }
            let s = r.start - 1;
            let c = self.norm[s];
            if !self.p.names.is_surname(c) || (ri > 0 && self.mentions[ri - 1].end > s) {
                continue;
            }
            if s > 0 && is_han(self.norm[s - 1]) && !self.p.names.clear_end(&self.norm, s - 1) && !is_clause_mark(self.norm[s - 1]) {
                // Inside a word (the 李 of 伯李总理 is no surname); 、 and 在 before it are fine.
                if !self.mentions.covering(s - 1).is_some() {
                    continue;
                }
            }
            let cands: Vec<&EntityKey> = full.iter().filter(|(_, _, zh)| zh.chars().count() >= 2 && zh.starts_with(c)).map(|(k, _, _)| k).collect();
            if let [one] = cands[..] {
                found.push((s, one.clone()));
            } else if cands.is_empty()
                && let Some(k) = self.holder_by_surname(r, c)
            {
                // 朱总理 on a page that never names him in full: the one listed holder of
                // the title on the article's date whose Chinese name starts so.
                found.push((s, k));
            }
        }
        found
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
            match lists.en_ranks.iter().find(|r| rest.starts_with(&format!(" {r} "))) {
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
