//! Matching: gazetteer names and open-world names in normalised text.
//!
//! Input: the normalised text (see [`crate::normalise`]) as chars, and the text as read
//! (for case-sensitive acronyms and English capitalisation). Output: [`Hit`]s with
//! char offsets.
//!
//! One Aho-Corasick automaton holds every gazetteer name (leftmost-longest). A hit
//! must stand on word boundaries in Latin script, and a Chinese hit must not sit inside
//! a longer `·`-joined name (拜登 inside 亨特·拜登). All-capitals names (SCO, UN, G20)
//! match only in capitals.
//!
//! **Invariant**: hits never overlap and are sorted by start.

use crate::gazetteer::{EntityType, Gazetteer};
use crate::normalise::{is_han, normalise};
use aho_corasick::{AhoCorasick, Input, MatchKind};
use crate::lexicon::{CharSet, Lexicon};
use std::collections::{HashMap, HashSet};

/// What a matched name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A full name of the entry (index into `Gazetteer::entries`).
    Name(usize),
    /// A short form, to be confirmed against the document.
    Short(usize),
    /// An English demonym of a country ("Russian"); not a place mention by itself.
    Demonym(usize),
}

impl Target {
    pub fn entry(self) -> usize {
        match self {
            Target::Name(i) | Target::Short(i) | Target::Demonym(i) => i,
        }
    }
}

/// A name found in the text: char offsets and every entry the name may stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'m> {
    pub start: usize,
    pub end: usize,
    /// Borrowed from the automaton's pattern table: no copy per hit.
    pub targets: &'m [Target],
}

struct Pattern {
    targets: Vec<Target>,
    /// For all-capitals names: the exact form (width-folded) the text must show.
    exact: Option<Vec<char>>,
}

/// The compiled gazetteer automaton.
pub struct Matcher {
    ac: AhoCorasick,
    patterns: Vec<Pattern>,
}

fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.iter().all(|c| c.is_uppercase()) && letters.len() <= 6
}

impl Matcher {
    /// Builds the automaton over every name of every entry.
    pub fn new(g: &Gazetteer) -> Matcher {
        let mut by_name: HashMap<(String, Option<String>), Vec<Target>> = HashMap::new();
        let mut order: Vec<(String, Option<String>)> = Vec::new();
        let mut add = |name: &str, t: Target| {
            let norm = normalise(name.trim());
            if norm.is_empty() {
                return;
            }
            let exact = is_acronym(name).then(|| name.trim().chars().map(crate::normalise::fold_width).collect::<String>());
            let key = (norm, exact);
            let v = by_name.entry(key.clone()).or_insert_with(|| {
                order.push(key);
                Vec::new()
            });
            if !v.contains(&t) {
                v.push(t);
            }
        };
        for (i, e) in g.entries.iter().enumerate() {
            for n in e.full_names() {
                add(n, Target::Name(i));
                // A two-character Chinese name padded to the width of three (李　鹏), as
                // newspapers set it.
                let cs: Vec<char> = n.chars().collect();
                if e.etype == EntityType::Person && cs.len() == 2 && cs.iter().all(|&c| is_han(c)) {
                    add(&format!("{} {}", cs[0], cs[1]), Target::Name(i));
                }
            }
            for n in &e.short {
                add(n, Target::Short(i));
            }
            for n in &e.demonyms {
                add(n, Target::Demonym(i));
            }
        }
        let mut patterns = Vec::with_capacity(order.len());
        let mut strings = Vec::with_capacity(order.len());
        for key in order {
            let mut targets = by_name.remove(&key).unwrap_or_default();
            // Full names before short forms before demonyms; then by file order.
            targets.sort_by_key(|t| match t {
                Target::Name(i) => (0, *i),
                Target::Short(i) => (1, *i),
                Target::Demonym(i) => (2, *i),
            });
            strings.push(key.0);
            patterns.push(Pattern { targets, exact: key.1.map(|s| s.chars().collect()) });
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&strings)
            .expect("gazetteer automaton");
        Matcher { ac, patterns }
    }

    /// Finds every gazetteer name in `norm` (the normalised text); `orig` is the text
    /// as read, char for char, for the capitals check; `chars` is `norm`'s chars.
    pub fn find(&self, norm: &str, chars: &[char], orig: &[char]) -> Vec<Hit<'_>> {
        // Char offsets counted forward from the previous match (matches come in order).
        let (mut at_byte, mut at_char) = (0usize, 0usize);
        let mut hits = Vec::new();
        let mut pos = 0;
        while pos < norm.len() {
            let Some(m) = self.ac.find(Input::new(norm).span(pos..norm.len())) else { break };
            at_char += norm[at_byte..m.start()].chars().count();
            at_byte = m.start();
            let (s, e) = (at_char, at_char + norm[m.start()..m.end()].chars().count());
            let pat = &self.patterns[m.pattern().as_usize()];
            let exact_ok = pat.exact.as_ref().is_none_or(|x| {
                orig.get(s..e).is_some_and(|o| o.iter().map(|&c| crate::normalise::fold_width(c)).eq(x.iter().copied()))
            });
            if exact_ok && boundaries_ok(chars, s, e) {
                hits.push(Hit { start: s, end: e, targets: &pat.targets });
                pos = m.end();
            } else {
                // Retry one character further on: a shorter name may start here.
                pos = m.start() + chars[s].len_utf8();
            }
        }
        hits
    }
}

/// Latin-script word characters: a name must not start or end inside a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

fn boundaries_ok(chars: &[char], s: usize, e: usize) -> bool {
    let first = chars[s];
    let last = chars[e - 1];
    if is_word_char(first) && s > 0 && is_word_char(chars[s - 1]) {
        return false;
    }
    if is_word_char(last) && e < chars.len() && is_word_char(chars[e]) {
        return false;
    }
    // Inside a longer ·-joined name: 亨特·拜登 is not 拜登.
    if is_han(first) && s >= 2 && chars[s - 1] == '·' && is_han(chars[s - 2]) {
        return false;
    }
    if is_han(last) && e + 1 < chars.len() && chars[e] == '·' && is_han(chars[e + 1]) {
        return false;
    }
    true
}

/// Characters Chinese uses to transliterate foreign names (Xinhua's table, the common part).
/// The form of an open-world Chinese name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameForm {
    /// Transliterated (拉夫罗夫, 克里斯·赛德曼).
    Transliterated,
    /// Surname and given name (刘振民).
    Han,
    /// Two to five characters before a clear end (Japanese, Korean, rare surnames).
    Other,
}

/// The name reader's word lists (`lexicon/zh/names.toml`, `lexicon/en/names.toml`),
/// compiled for lookups per character.
#[derive(Debug, Clone)]
pub struct Names {
    translit: CharSet,
    surnames: CharSet,
    compound_surnames: HashSet<(char, char)>,
    stop_chars: CharSet,
    /// First character → second characters of the two-character stop words.
    stop_words: HashMap<char, Vec<char>>,
    /// `zh-not-name-stop-words`: words that begin with a stop word yet end no name.
    not_stop_words: Vec<Vec<char>>,
    /// `zh-spouse-words` (夫妇, 夫人).
    spouse_words: Vec<Vec<char>>,
    /// `zh-list-ends`: 一行, 等 (words after a list of names).
    list_ends: Vec<Vec<char>>,
    clear_end: CharSet,
    /// The one-character words of `zh-fronted-clause-ends` (后, 时, 前): no fourth
    /// character of a name (陈志明后，).
    clause_ends: CharSet,
    not_initial: CharSet,
    en_stop: HashSet<String>,
    en_particles: HashSet<String>,
    /// `en-abbreviations` (mr, gen, maj): their full stop ends no name.
    en_abbreviations: HashSet<String>,
    /// `ja-surnames` (志位, 不破), longest first, and their first characters.
    ja_surnames: Vec<Vec<char>>,
    ja_initials: CharSet,
    /// `ja-given-initials` (和).
    ja_given_initials: CharSet,
    ja_given_finals: CharSet,
}

fn pairs(words: &[String]) -> impl Iterator<Item = (char, char)> + '_ {
    words.iter().filter_map(|w| {
        let mut it = w.chars();
        match (it.next(), it.next()) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => None,
        }
    })
}

impl Names {
    pub fn new(lx: &Lexicon) -> Names {
        let mut stop_words: HashMap<char, Vec<char>> = HashMap::new();
        for (a, b) in pairs(lx.words("zh-name-stop-words")) {
            stop_words.entry(a).or_default().push(b);
        }
        Names {
            translit: lx.chars("zh-translit").clone(),
            surnames: lx.chars("zh-surnames").clone(),
            compound_surnames: pairs(lx.words("zh-compound-surnames")).collect(),
            stop_chars: lx.chars("zh-name-stop-chars").clone(),
            stop_words,
            not_stop_words: lx.words("zh-not-name-stop-words").iter().map(|w| w.chars().collect()).collect(),
            spouse_words: lx.words("zh-spouse-words").iter().map(|w| w.chars().collect()).collect(),
            list_ends: lx.words("zh-list-ends").iter().map(|w| w.chars().collect()).collect(),
            clear_end: lx.chars("zh-name-clear-end").clone(),
            clause_ends: {
                let mut c = CharSet::default();
                lx.words("zh-fronted-clause-ends").iter().filter(|w| w.chars().count() == 1).filter_map(|w| w.chars().next()).for_each(|f| c.insert(f));
                c
            },
            not_initial: lx.chars("zh-not-name-initial").clone(),
            en_stop: lx.words("en-name-stop-words").iter().cloned().collect(),
            en_particles: lx.words("en-name-particles").iter().cloned().collect(),
            en_abbreviations: lx.words("en-abbreviations").iter().cloned().collect(),
            ja_surnames: {
                let mut v: Vec<Vec<char>> = lx.words("ja-surnames").iter().map(|w| w.chars().collect()).collect();
                v.sort_by_key(|w| std::cmp::Reverse(w.len()));
                v
            },
            ja_initials: {
                let mut c = CharSet::default();
                lx.words("ja-surnames").iter().filter_map(|w| w.chars().next()).for_each(|f| c.insert(f));
                c
            },
            ja_given_initials: lx.chars("ja-given-initials").clone(),
            ja_given_finals: lx.chars("ja-given-finals").clone(),
        }
    }

    /// A Japanese name starting at `pos` (normalised chars): a `ja-surnames` surname and a
    /// given name of one to three Han characters, the shortest that a name's end follows
    /// (志位|和夫|一行, 石破|茂|和), else two. Its end; `None` without such a surname.
    pub fn ja_name_at(&self, chars: &[char], pos: usize) -> Option<usize> {
        // Most positions start no listed surname: one set lookup before the list.
        if !chars.get(pos).is_some_and(|&c| self.ja_initials.contains(c)) {
            return None;
        }
        let sur = self.ja_surnames.iter().find(|w| chars.get(pos..pos + w.len()) == Some(&w[..]))?;
        let g = pos + sur.len();
        // 和 opens 和夫 even though it ends Chinese names; 夫 ends 正夫 (but 夫人 is no name).
        let part = |i: usize| {
            i < chars.len()
                && is_han(chars[i])
                && (!self.stops_name(chars, i)
                    || (i == g && self.ja_given_initials.contains(chars[i]))
                    || (i > g && self.ja_given_finals.contains(chars[i]) && !self.after_name_word_at(chars, i)))
        };
        let mut len = 0;
        while len < 3 && part(g + len) {
            len += 1;
            let k = g + len;
            // A given name of one stop character alone (和) is none: read on.
            let final_next = k < chars.len() && self.ja_given_finals.contains(chars[k]) && !self.after_name_word_at(chars, k);
            if (self.ends_name_at(chars, k) || self.clear_end(chars, k)) && !(len == 1 && self.stops_name(chars, g)) && !final_next {
                return Some(k);
            }
        }
        (len >= 2).then_some(g + 2)
    }

    /// An English name particle (von, de, bin), as written (lower case).
    pub fn is_particle(&self, word: &str) -> bool {
        self.en_particles.contains(word)
    }

    /// Whether the character at `i` ends a Chinese name (a stop character or word, a digit, no Han).
    pub fn stops_name(&self, chars: &[char], i: usize) -> bool {
        let c = chars[i];
        if self.stop_chars.contains(c) || c.is_ascii_digit() || !is_han(c) {
            return true;
        }
        self.stop_word_at(chars, i)
    }

    /// Whether a word of `zh-name-stop-words` (会见, 一同) starts at `i`, and no word of
    /// `zh-not-name-stop-words` (明日前: a name, then 日前 "recently").
    fn stop_word_at(&self, chars: &[char], i: usize) -> bool {
        let (Some(c), Some(d)) = (chars.get(i), chars.get(i + 1)) else { return false };
        self.stop_words.get(c).is_some_and(|v| v.contains(d)) && !self.not_stop_words.iter().any(|w| chars.get(i..i + w.len()) == Some(&w[..]))
    }

    /// Whether a word of `zh-spouse-words` (夫妇, 夫人) starts at `i`.
    pub fn spouse_word_at(&self, chars: &[char], i: usize) -> bool {
        self.spouse_words.iter().any(|w| chars.get(i..i + w.len()) == Some(&w[..]))
    }

    /// Whether a word that follows names starts at `i`: a spouse word (夫人), a word of
    /// `zh-list-ends` (一行) or of `zh-name-stop-words` (一同): no given name's final there.
    fn after_name_word_at(&self, chars: &[char], i: usize) -> bool {
        self.stop_word_at(chars, i) || self.spouse_word_at(chars, i) || self.list_ends.iter().any(|w| chars.get(i..i + w.len()) == Some(&w[..]))
    }

    pub fn is_translit(&self, c: char) -> bool {
        self.translit.contains(c)
    }

    /// Whether `chars[i]` joins two parts of a transliterated name: a name dot, or a full
    /// stop between transliteration characters (迪米特里.康德拉特耶夫).
    pub fn is_name_dot(&self, chars: &[char], i: usize) -> bool {
        matches!(chars.get(i), Some('·' | '•' | '‧'))
            || (chars.get(i) == Some(&'.') && i > 0 && self.translit.contains(chars[i - 1]) && chars.get(i + 1).is_some_and(|&c| self.translit.contains(c)))
    }

    /// A three-character Han name whose middle character is a stop character (郑在浩,
    /// 李会昌), for where a title stands before it: a surname, the stop character (no stop
    /// word with what follows: not 李会见), one more character, then the name clearly ends.
    pub fn zh_name_over_stop(&self, chars: &[char], pos: usize) -> Option<usize> {
        let (s, mid, last) = (*chars.get(pos)?, *chars.get(pos + 1)?, *chars.get(pos + 2)?);
        let stop_word = self.stop_words.get(&mid).is_some_and(|v| v.contains(&last));
        let ok = self.surnames.contains(s)
            && is_han(mid)
            && self.stop_chars.contains(mid)
            && !stop_word
            && is_han(last)
            && !self.stop_chars.contains(last)
            && (pos + 3 >= chars.len() || !is_han(chars[pos + 3]) || self.stops_name(chars, pos + 3) || self.clear_end(chars, pos + 3));
        ok.then_some(pos + 3)
    }

    /// Whether a Chinese name may end before position `i`.
    pub fn ends_name_at(&self, chars: &[char], i: usize) -> bool {
        i >= chars.len() || self.stops_name(chars, i)
    }

    /// An open-world Chinese name starting at `pos` (normalised chars): its end.
    pub fn zh_name_at(&self, chars: &[char], pos: usize) -> Option<usize> {
        self.zh_name_kind_at(chars, pos).map(|(e, _)| e)
    }

    /// [`Names::zh_name_at`], and which form the name has. A name read up to a dot goes
    /// on over it (马修·米勒, whose 修 the transliteration table lacks).
    pub fn zh_name_kind_at(&self, chars: &[char], pos: usize) -> Option<(usize, NameForm)> {
        let (mut e, form) = self.zh_name_kind_before_dot(chars, pos)?;
        let dot = |i: usize| self.is_name_dot(chars, i);
        let mut dotted = false;
        while dot(e) && e + 1 < chars.len() && is_han(chars[e + 1]) && !self.stops_name(chars, e + 1) && e + 1 - pos < 16 {
            let mut t = e + 1;
            while t < chars.len() && t - e <= 8 && self.translit.contains(chars[t]) {
                t += 1;
            }
            let mut k = e + 1;
            while k < chars.len() && k - e <= 3 && is_han(chars[k]) && !self.stops_name(chars, k) {
                k += 1;
            }
            e = t.max(k);
            dotted = true;
        }
        Some((e, if dotted { NameForm::Transliterated } else { form }))
    }

    fn zh_name_kind_before_dot(&self, chars: &[char], pos: usize) -> Option<(usize, NameForm)> {
        let n = chars.len();
        // A stop character that is also a transliteration one starts a name before a
        // dot or hyphen (让-路易·米西卡: 让 is "let" elsewhere).
        let dotted_start = pos + 2 < n && self.translit.contains(chars[pos]) && matches!(chars[pos + 1], '·' | '-') && self.translit.contains(chars[pos + 2]);
        if pos >= n || (self.stops_name(chars, pos) && !dotted_start) {
            return None;
        }
        // Transliteration run, dots allowed between parts.
        let mut e = pos;
        let mut foreign = false;
        loop {
            while e < n
                && (self.translit.contains(chars[e])
                    || (matches!(chars[e], '·' | '-' | '.') && e > pos && e + 1 < n && self.translit.contains(chars[e + 1])))
            {
                // A stop character ends the run unless more transliteration follows, or it
                // closes a run of two or more before no Han character (侯赛因。: not 因为).
                let next = chars.get(e + 1).copied().unwrap_or(' ');
                let closes = e >= pos + 2 && self.translit.contains(chars[e]) && !is_han(next);
                if e > pos && !matches!(chars[e], '·' | '-' | '.') && self.stops_name(chars, e) && !self.translit.contains(next) && !closes {
                    break;
                }
                e += 1;
            }
            // One character the table lacks inside a part that runs on in transliteration
            // to a name's dot (纳文钱德拉·拉姆古兰: 钱) is part of the name.
            if !foreign && e > pos + 1 && e < n && is_han(chars[e]) && !self.stops_name(chars, e) {
                let mut k = e + 1;
                while k < n && k - e <= 6 && self.translit.contains(chars[k]) {
                    k += 1;
                }
                if k > e + 1 && k + 1 < n && chars[k] == '·' && self.translit.contains(chars[k + 1]) {
                    foreign = true;
                    e = k;
                    continue;
                }
            }
            break;
        }
        // A last part of one character after a dot goes on over characters the table
        // lacks, to three, where a name ends (坎平·赛宋平: not 坎平·赛).
        if let Some(d) = (pos..e).rev().find(|&i| chars[i] == '·').filter(|&d| d > pos && e == d + 2) {
            let mut k = e;
            while k < n && k - d <= 3 && is_han(chars[k]) && !self.stops_name(chars, k) {
                k += 1;
            }
            if k > e && (k >= n || self.stops_name(chars, k) || self.clear_end(chars, k)) {
                e = k;
            }
        }
        // A dotted name goes on after the dot even with characters the table lacks
        // (努尔·白克力).
        while e > pos && e + 1 < n && chars[e] == '·' && is_han(chars[e + 1]) && !self.stops_name(chars, e + 1) {
            let mut k = e + 1;
            while k < n && k - e <= 3 && is_han(chars[k]) && !self.stops_name(chars, k) {
                k += 1;
            }
            // … and on over transliteration characters (坎康·占塔维苏: not 占塔维).
            while k < n && k - e <= 8 && self.translit.contains(chars[k]) && (!self.stops_name(chars, k) || !chars.get(k + 1).is_some_and(|&c| is_han(c))) {
                k += 1;
            }
            e = k;
        }
        // 夫妇 (a couple) and 夫人 (Madame) follow names: their 夫 is not part of the name.
        if e > pos + 2 && self.spouse_word_at(chars, e - 1) {
            e -= 1;
        }
        let translit_len = e - pos;
        let has_dot = chars[pos..e].iter().any(|c| matches!(c, '·' | '-' | '.'));
        if has_dot || translit_len >= 3 {
            // A native name that covers more is preferred only when the run is short.
            // A dotted name may run to 24 characters (胡安·卡洛斯·巴雷拉·罗德里格斯: 15).
            return Some((e.min(pos + if has_dot { 24 } else { 12 }), NameForm::Transliterated));
        }
        let native = self.native_name_at(chars, pos);
        // A native name must not swallow the first character of the word after a
        // transliterated one (罗萨举行: 罗萨, not 罗萨举).
        if let Some(ne) = native {
            if translit_len == 2 && ne == pos + 3 && self.stops_name(chars, pos + 2) {
                return Some((e, NameForm::Transliterated));
            }
            // A four-character name that ends where names end (吉村洋文一行), or whose
            // fourth character is a transliteration one before a word that ends names
            // (古铁雷斯举行); not one whose fourth character ends a clause (陈志明后，).
            let ends_after = |k: usize| self.clear_end(chars, k) || (self.translit.contains(chars[k - 1]) && self.stops_name(chars, k));
            if ne == pos + 3 && ne + 1 < n && !self.stops_name(chars, ne) && !self.clause_ends.contains(chars[ne]) && ends_after(ne + 1) {
                return Some((ne + 1, NameForm::Han));
            }
            return Some((ne, NameForm::Han));
        }
        if translit_len >= 2 {
            return Some((e, NameForm::Transliterated));
        }
        // Any other name (Japanese, Korean, rare surnames): two to five Han characters
        // followed by a clear end of a name.
        if self.not_initial.contains(chars[pos]) {
            return None;
        }
        let mut k = pos;
        while k < n && k - pos < 5 && !self.stops_name(chars, k) {
            k += 1;
        }
        let len = k - pos;
        (len >= 2 && len <= 5 && self.clear_end(chars, k)).then_some((k, NameForm::Other))
    }

    /// Whether a name may end before `k`: the text ends, or a clear end follows.
    pub fn clear_end(&self, chars: &[char], k: usize) -> bool {
        k >= chars.len() || self.clear_end.contains(chars[k]) || chars[k].is_ascii_digit()
    }

    /// A Han name: surname (one or two characters) and a given name of one or two.
    /// Whether a two-character surname (欧阳) starts at `pos`.
    pub fn compound_surname_at(&self, chars: &[char], pos: usize) -> bool {
        pos + 1 < chars.len() && self.compound_surnames.contains(&(chars[pos], chars[pos + 1]))
    }

    /// Whether `c` is a one-character surname.
    pub fn is_surname(&self, c: char) -> bool {
        self.surnames.contains(c)
    }

    fn native_name_at(&self, chars: &[char], pos: usize) -> Option<usize> {
        let n = chars.len();
        let given_from = if pos + 1 < n && self.compound_surnames.contains(&(chars[pos], chars[pos + 1])) {
            pos + 2
        } else if pos < n && self.surnames.contains(chars[pos]) {
            pos + 1
        } else {
            return None;
        };
        let ok = |i: usize| i < n && !self.stops_name(chars, i);
        if !ok(given_from) {
            return None;
        }
        if ok(given_from + 1) { Some(given_from + 2) } else { Some(given_from + 1) }
    }

    /// An English name starting at `pos` of the text as read: capitalised words,
    /// particles inside, initials and "Jr." with their dot, a regnal number at the end.
    pub fn en_name_at(&self, orig: &[char], pos: usize) -> Option<usize> {
        let n = orig.len();
        let mut i = pos;
        let mut words = 0;
        let mut end = None;
        while i < n && words < 5 {
            // A nickname in quotes inside a name (Karel 'Bear' Dunst): one or two
            // capitalised words closed by the same kind of quote, a space and more of the name.
            if words > 0 && let Some(after) = quoted_nickname_end(orig, i) {
                i = after;
                continue;
            }
            let ws = i;
            while i < n && (orig[i].is_alphabetic() || orig[i] == '\'' || orig[i] == '’' || orig[i] == '-' || orig[i] == '.') {
                i += 1;
            }
            if i == ws {
                break;
            }
            let word: String = orig[ws..i].iter().collect();
            // A possessive ends the name: "Sherman's Meeting" is Sherman's.
            if let Some(stem) = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
                if stem.starts_with(char::is_uppercase) && stem.chars().skip(1).any(char::is_lowercase) {
                    end = Some(ws + stem.chars().count());
                }
                break;
            }
            // "Serena Williams' coach": the plural possessive's mark is no part of the name.
            if let Some(stem) = word.strip_suffix('\'').or_else(|| word.strip_suffix('’'))
                && stem.ends_with('s')
                && stem.starts_with(char::is_uppercase)
                && stem.chars().skip(1).any(char::is_lowercase)
            {
                end = Some(ws + stem.chars().count());
                break;
            }
            let word = word.trim_end_matches('.');
            // al-Assad, el-Sisi: a particle joined to a capitalised name is part of it.
            let joined = word.split_once('-').is_some_and(|(p, rest)| self.is_particle(p) && rest.starts_with(char::is_uppercase));
            let cap = word.chars().next().is_some_and(|c| c.is_uppercase()) || (joined && words > 0);
            let particle = self.is_particle(word);
            // An initial ("Mark T. Esper", "J. Smith"): one capital and its dot, with more of
            // the name after it.
            let initial = word.chars().count() == 1
                && cap
                && orig.get(i - 1) == Some(&'.')
                && orig.get(i) == Some(&' ')
                && orig.get(i + 1).is_some_and(|c| c.is_uppercase());
            if initial {
                words += 1;
            } else if cap
                && word.chars().skip(1).any(|c| c.is_lowercase())
                && !self.en_stop.contains(&word.to_lowercase())
                // "President-elect", "Saudi-led": a capital, a hyphen and a lower-case word
                // open no name (in a name's later words it does: Kim Jong-un).
                && !(words == 0 && !joined && word.split_once('-').is_some_and(|(_, rest)| rest.starts_with(char::is_lowercase)))
            {
                // "Jr." / initials keep their dot; a trailing sentence dot does not belong.
                let dotted = orig[ws..i].last() == Some(&'.');
                let keep_dot = dotted && word.chars().count() <= 2;
                end = Some(if keep_dot { i } else { ws + word.chars().count() });
                words += 1;
                // A full stop after a longer word ends the sentence and the name ("met
                // Gyula Horn. Meciar told …").
                if dotted && !keep_dot && !self.en_abbreviations.contains(&word.to_lowercase()) {
                    break;
                }
            } else if words > 0 && !word.is_empty() && word.len() <= 4 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
                // A regnal number: King Frederik X, Queen Margrethe II.
                end = Some(ws + word.chars().count());
                break;
            } else if !(particle && words > 0) {
                break;
            }
            if i < n && orig[i] == ' ' && i + 1 < n && orig[i + 1] != ' ' {
                i += 1;
            } else {
                break;
            }
        }
        end
    }
}

/// The position after a quoted nickname and its space at `i` ('Bear' , "Big Bear" ) when
/// a capitalised word follows: one or two capitalised words of letters or hyphens
/// within the quotes.
fn quoted_nickname_end(orig: &[char], i: usize) -> Option<usize> {
    let close = match orig.get(i)? {
        '\'' => '\'',
        '"' => '"',
        '‘' => '’',
        '“' => '”',
        _ => return None,
    };
    let inner_start = i + 1;
    let len = orig[inner_start..].iter().take(25).position(|&c| c == close)?;
    let inner = &orig[inner_start..inner_start + len];
    let words: Vec<&[char]> = inner.split(|&c| c == ' ').collect();
    let ok = !inner.is_empty()
        && words.len() <= 2
        && words.iter().all(|w| w.first().is_some_and(|c| c.is_uppercase()) && w.len() >= 2 && w.iter().all(|&c| c.is_alphabetic() || c == '-'));
    let after = inner_start + len + 1;
    (ok && orig.get(after) == Some(&' ') && orig.get(after + 1).is_some_and(|c| c.is_uppercase())).then_some(after + 1)
}

/// Whether a Gazetteer entry is of a type.
pub fn is_type(g: &Gazetteer, t: Target, ty: EntityType) -> bool {
    g.entry(t.entry()).etype == ty
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        Names::new(&Lexicon::from_sources(&crate::pack::lexicon_sources()).unwrap())
    }

    #[test]
    fn a_japanese_name_runs_to_where_a_name_ends() {
        let n = names();
        let at = |t: &str| {
            let c: Vec<char> = t.chars().collect();
            n.ja_name_at(&c, 0).map(|e| c[..e].iter().collect::<String>())
        };
        assert_eq!(at("志位和夫一行").as_deref(), Some("志位和夫"));
        assert_eq!(at("不破哲三。").as_deref(), Some("不破哲三"));
        assert_eq!(at("桥本龙太郎。").as_deref(), Some("桥本龙太郎"));
        assert_eq!(at("石破茂和朴振").as_deref(), Some("石破茂"));
        // No name's end in sight: a given name of two.
        assert_eq!(at("岸田文雄访问北京").as_deref(), Some("岸田文雄"));
        // No listed surname: none.
        assert_eq!(at("王毅和朴振"), None);
    }

    fn gaz() -> Gazetteer {
        let mut g = Gazetteer::default();
        g.add_file(
            "people.jsonl",
            r#"{"id":"joe-biden","en":"Joe Biden","zh-Hans":"拜登","short":["Biden"]}
{"id":"xi-jinping","en":"Xi Jinping","zh-Hans":"习近平","zh-Hant":"習近平","short":["Xi"]}"#,
        )
        .unwrap();
        g.add_file(
            "organizations.jsonl",
            r#"{"id":"sco","en":"Shanghai Cooperation Organization","zh-Hans":"上海合作组织","aliases":["SCO","上合组织"]}
{"id":"un","en":"United Nations","zh-Hans":"联合国","aliases":["UN"]}"#,
        )
        .unwrap();
        g.add_file("places.jsonl", r#"{"id":"russia","kind":"country","en":"Russia","zh-Hans":"俄罗斯","demonyms":["Russian"]}"#).unwrap();
        g
    }

    fn find(text: &str) -> Vec<(String, Vec<Target>)> {
        let g = gaz();
        let m = Matcher::new(&g);
        let chars: Vec<char> = text.chars().collect();
        let norm = normalise(text);
        let norm_chars: Vec<char> = norm.chars().collect();
        m.find(&norm, &norm_chars, &chars)
            .into_iter()
            .map(|h| (chars[h.start..h.end].iter().collect(), h.targets.to_vec()))
            .collect()
    }

    #[test]
    fn finds_names_in_both_scripts_and_cases() {
        let got = find("習近平會見俄羅斯外長, XI JINPING met Russian officials at the SCO");
        let names: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, ["習近平", "俄羅斯", "XI JINPING", "Russian", "SCO"]);
        assert_eq!(got[3].1, vec![Target::Demonym(2 + 2)]);
    }

    #[test]
    fn latin_names_need_word_boundaries() {
        assert!(find("Xinjiang and Xiamen").is_empty());
        assert_eq!(find("Xi, Biden's guest").len(), 2);
    }

    #[test]
    fn acronyms_match_only_in_capitals() {
        assert!(find("the un-American sco").is_empty());
        assert_eq!(find("the UN and ＳＣＯ").len(), 2);
    }

    #[test]
    fn no_match_inside_a_longer_dotted_name() {
        assert!(find("亨特·拜登").is_empty());
        assert_eq!(find("拜登·").len(), 1);
        assert_eq!(find("总统拜登和").len(), 1);
    }

    #[test]
    fn open_world_chinese_names() {
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        let name = |s: &str| {
            let ch = c(s);
            names().zh_name_at(&ch, 0).map(|e| ch[..e].iter().collect::<String>())
        };
        assert_eq!(name("拉夫罗夫表示").as_deref(), Some("拉夫罗夫"));
        assert_eq!(name("王毅在南非").as_deref(), Some("王毅"));
        assert_eq!(name("马朝旭说").as_deref(), Some("马朝旭"));
        assert_eq!(name("安东尼·布林肯会见").as_deref(), Some("安东尼·布林肯"));
        assert_eq!(name("戈利科娃(左二)").as_deref(), Some("戈利科娃"));
        assert_eq!(name("威廉-亚历山大和").as_deref(), Some("威廉-亚历山大"));
        assert_eq!(name("阿吉亚尔-布兰科夫妇").as_deref(), Some("阿吉亚尔-布兰科"));
        assert_eq!(name("拉夫罗夫表示").as_deref(), Some("拉夫罗夫"));
        assert_eq!(name("在北京").as_deref(), None);
    }

    #[test]
    fn open_world_english_names() {
        let name = |s: &str| {
            let ch: Vec<char> = s.chars().collect();
            names().en_name_at(&ch, 0).map(|e| ch[..e].iter().collect::<String>())
        };
        assert_eq!(name("Sergey Lavrov in Beijing.").as_deref(), Some("Sergey Lavrov"));
        assert_eq!(name("Olaf Scholz.").as_deref(), Some("Olaf Scholz"));
        assert_eq!(name("Ursula von der Leyen said").as_deref(), Some("Ursula von der Leyen"));
        assert_eq!(name("Margrethe on Tuesday").as_deref(), Some("Margrethe"));
        assert_eq!(name("said on Tuesday").as_deref(), None);
        assert_eq!(name("The talks").as_deref(), None);
        assert_eq!(name("Hafez al-Assad met").as_deref(), Some("Hafez al-Assad"));
        assert_eq!(name("Mark T. Esper met").as_deref(), Some("Mark T. Esper"));
        assert_eq!(name("J. Smith said").as_deref(), Some("J. Smith"));
        assert_eq!(name("Gyula Horn. Meciar told reporters").as_deref(), Some("Gyula Horn"));
        let zh = |s: &str| -> Option<String> {
            let c: Vec<char> = s.chars().collect();
            names().zh_name_over_stop(&c, 0).map(|e| c[..e].iter().collect())
        };
        assert_eq!(zh("郑在浩。").as_deref(), Some("郑在浩"));
        assert_eq!(zh("李会昌一行").as_deref(), Some("李会昌"));
        assert_eq!(zh("李会见了").as_deref(), None);
        assert_eq!(zh("李在北京").as_deref(), None);
        assert_eq!(zh("王在会上").as_deref(), None);
        assert_eq!(name("Martin Luther King Jr. said").as_deref(), Some("Martin Luther King Jr."));
        assert_eq!(name("Wendy Sherman's Meeting").as_deref(), Some("Wendy Sherman"));
        assert_eq!(name("Sherman’s Meeting").as_deref(), Some("Sherman"));
        assert_eq!(name("Lloyd J. Austin III met").as_deref(), Some("Lloyd J. Austin III"));
        // A quoted nickname inside the name, not at its end nor before a lower-case word.
        assert_eq!(name("Karel 'Bear' Dunst arrived").as_deref(), Some("Karel 'Bear' Dunst"));
        assert_eq!(name("Karel “Big Bear” Dunst arrived").as_deref(), Some("Karel “Big Bear” Dunst"));
        assert_eq!(name("Karel 'Bear' arrived").as_deref(), Some("Karel"));
        assert_eq!(name("Karel said 'Yes' Dunst").as_deref(), Some("Karel"));
        assert_eq!(name("Washington D. C.").as_deref(), Some("Washington"));
    }
}
