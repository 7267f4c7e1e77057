//! Chinese person names that neither a list nor a context rule found, proposed by a word
//! segmenter and confirmed by summit's own name shapes.
//!
//! Input: the page's normalised text (Simplified, half width) and its mentions so far.
//! Output: more person mentions with the rule `model:jieba-nr`: a word the segmenter
//! (jieba-rs, MIT, its dictionary and HMM built into the crate: nothing is downloaded)
//! tags as a person name (`nr`), kept only when it has the shape of a Han name (a
//! surname of `zh-surnames` or `zh-compound-surnames`, then one or two characters that
//! may be in a name), no mention or time expression touches it, it is no word of
//! `zh-not-names`, and it stands where the page is active.
//!
//! **Invariants**: the segmenter is deterministic (a fixed dictionary, a fixed HMM, no
//! randomness), so the same text gives the same names; it is built once per pipeline,
//! on the first page with Chinese text; it only adds mentions where none is, so whatever
//! the rules read (titles, slots, lists) wins.

use super::*;
use std::sync::OnceLock;

/// The segmenter, built on first use (its dictionary takes about 0.1 s to load).
pub(super) struct Segmenter(OnceLock<jieba_rs::Jieba>);

impl Segmenter {
    pub(super) fn new() -> Segmenter {
        Segmenter(OnceLock::new())
    }

    pub(super) fn get(&self) -> &jieba_rs::Jieba {
        self.0.get_or_init(jieba_rs::Jieba::new)
    }
}

/// Whether the segmenter tags `word`, one word of a line, as a person's name: by the
/// dictionary's tag for a dictionary word, else its tag model's guess for the word, both
/// read by tagging the word alone; `None` when, alone, the word is cut otherwise (then
/// the line's own tags decide). The same answer as `Jieba::tag` on the whole line.
fn tagged_name(jieba: &jieba_rs::Jieba, word: &str) -> Option<bool> {
    let known = jieba.has_word(word);
    let tags = jieba.tag(word, !known);
    match &tags[..] {
        [one] if one.word == word => Some(is_name_tag(one.tag)),
        _ => None,
    }
}

/// The dictionary's tag of `word`, when the dictionary holds it as one word.
pub(super) fn dictionary_tag<'j>(jieba: &'j jieba_rs::Jieba, word: &'j str) -> Option<&'j str> {
    if !jieba.has_word(word) {
        return None;
    }
    let tags = jieba.tag(word, false);
    match &tags[..] {
        [one] if one.word == word => Some(one.tag),
        _ => None,
    }
}

/// The segmenter's person-name tags.
pub(super) fn is_name_tag(tag: &str) -> bool {
    matches!(tag, "nr" | "nrfg")
}

/// One active line as the segmenter cut it: its words, and its tags (computed once,
/// when a word alone does not tell).
struct Cut<'t> {
    jieba: &'t jieba_rs::Jieba,
    /// Where the line starts (char offset of the page).
    start: usize,
    text: &'t str,
    tags: Vec<jieba_rs::Token<'t>>,
    line_tags: Option<Vec<jieba_rs::Tag<'t>>>,
}

/// The rule that a segmenter name carries.
const RULE: &str = "model:jieba-nr";

impl<'a> Page<'a> {
    /// Person names the segmenter tags, where nothing else was read (see the module header).
    #[inline(never)]
    pub(super) fn find_segmenter_names(&mut self) {
        if !self.has_han {
            return;
        }
        let jieba = self.p.segmenter.get();
        let mut found: Vec<(usize, usize)> = Vec::new();
        for line in &self.lines {
            if !line.active || !self.norm[line.start..line.end].iter().any(|&c| is_han(c)) {
                continue;
            }
            let text = self.ns(line.start, line.end);
            // The segmenter's words; a word's tag is looked up only where a name could
            // start (a surname, two to four characters): tagging every word of the line
            // runs the tag model on every unknown word, which costs more than the cut.
            let mut cut = Cut { jieba, start: line.start, text, tags: jieba.cut(text, true), line_tags: None };
            for k in 0..cut.tags.len() {
                if let Some(name) = self.segmented_name(&mut cut, k) {
                    found.push(name);
                }
            }
        }
        self.push_segmenter_names(found);
    }

    /// The name that the segmenter's word `cut.tags[k]` is or starts, if any: a surname
    /// and a given name cut apart, a name cut together with the function word after
    /// it, or a word tagged a name.
    fn segmented_name(&self, cut: &mut Cut<'_>, k: usize) -> Option<(usize, usize)> {
        let (jieba, start, tags) = (cut.jieba, cut.start, &cut.tags);
        let t = &tags[k];
        let s0 = start + t.start;
        // A name the cut split into its surname and a given name that is a word
        // of its own (王 / 秀英, 赵 / 长河, 李 / 国庆): the surname alone is tagged
        // a name, the given name a name, a place, a time or a proper noun.
        if t.end - t.start == 1
            && self.p.names.is_surname(self.norm[s0])
            && let Some(next) = tags.get(k + 1)
            && (1..=2).contains(&(next.end - next.start))
            && next.start == t.end
            && (t.start..next.end).all(|i| is_han(self.norm[start + i]))
            && dictionary_tag(jieba, t.word).is_some_and(is_name_tag)
            && dictionary_tag(jieba, next.word).is_none_or(|g| matches!(g, "nr" | "nrfg" | "nrt" | "ns" | "nz" | "t"))
        {
            let (s, e) = (s0, start + next.end);
            return (self.name_may_end(e) && self.han_name_shape(s, e)).then_some((s, e));
        }
        // The tag model joins a name and the function word after it (孙颖莎以, 郑钦 /
        // 文以): words no dictionary holds, a stop character last; the name ends
        // before it.
        if self.p.names.is_surname(self.norm[s0]) && !jieba.has_word(t.word) {
            let stop_at = |i: usize| i < self.norm.len() && self.p.names.stops_name(&self.norm, i) && is_han(self.norm[i]);
            let joined = t.end - t.start == 4 && stop_at(s0 + 3);
            let split = t.end - t.start == 2
                && tags.get(k + 1).is_some_and(|next| {
                    next.start == t.end && next.end - next.start == 2 && !jieba.has_word(next.word) && !stop_at(s0 + 2) && stop_at(s0 + 3)
                });
            if (joined || split) && (s0..s0 + 3).all(|i| is_han(self.norm[i])) && self.han_name_shape(s0, s0 + 3) {
                return Some((s0, s0 + 3));
            }
        }
        self.tagged_name_at(cut, k)
    }

    /// The name of `segmented_name`'s last case: the word `tags[k]`, two to four
    /// characters from a surname on, tagged a name alone or by the line's tags, not a
    /// dictionary word of two characters nor a surname and a common word, in the shape
    /// of a Han name (a two-character one takes a third character left alone after it).
    fn tagged_name_at(&self, cut: &mut Cut<'_>, k: usize) -> Option<(usize, usize)> {
        let (jieba, start, text) = (cut.jieba, cut.start, cut.text);
        let tags = &cut.tags;
        let t = &tags[k];
        let s0 = start + t.start;
        if !(2..=4).contains(&(t.end - t.start)) || !(self.p.names.is_surname(self.norm[s0]) || self.p.names.compound_surname_at(&self.norm, s0)) {
            return None;
        }
        let name = match tagged_name(jieba, t.word) {
            Some(name) => name,
            // The word tagged alone is cut otherwise: the line's tags say.
            None => {
                let all = cut.line_tags.get_or_insert_with(|| jieba.tag(text, true));
                all.iter().find(|g| g.start == t.start && g.end == t.end).is_some_and(|g| is_name_tag(g.tag))
            }
        };
        if !name {
            return None;
        }
        let (s, mut e) = (start + t.start, start + t.end);
        // The dictionary's two-character "names" are mostly words (明白, 高峰):
        // a two-character name counts only when the HMM proposed it, and then
        // takes a third character the segmenter left alone where a name may end
        // after it (张蓉湘。: 张蓉 / 湘).
        if e - s == 2 {
            if jieba.has_word(t.word) {
                return None;
            }
            if let Some(next) = tags.get(k + 1)
                && next.end - next.start == 1
                && !self.p.names.ends_name_at(&self.norm, e)
                && self.name_may_end(e + 1)
            {
                e += 1;
            }
        }
        // A dictionary "name" whose given name is a common word of its own is
        // mostly a phrase (高水平: 高 + 水平, a noun); a given name the
        // dictionary knows as a name or a place (秀英, 建国) is no objection.
        if t.end - t.start == 3 && jieba.has_word(t.word) && {
            let given: String = t.word.chars().skip(1).collect();
            let tags = jieba.tag(&given, false);
            tags.len() == 1 && jieba.has_word(&given) && !matches!(tags[0].tag, "nr" | "nrfg" | "nrt" | "ns" | "nz")
        } {
            return None;
        }
        self.han_name_shape(s, e).then_some((s, e))
    }

    /// Pushes the segmenter's names `found` (see `find_segmenter_names`): a two-character
    /// one taking the third character it has elsewhere on the page, each where no mention
    /// or time is and no place noun follows.
    fn push_segmenter_names(&mut self, mut found: Vec<(usize, usize)>) {
        // A two-character name that the segmenter read elsewhere on the page with a third
        // character, followed here by that character, is that name (黎智 / 黎智英).
        let threes: std::collections::HashSet<String> =
            found.iter().filter(|(s, e)| e - s == 3).map(|&(s, e)| self.ns(s, e).to_string()).collect();
        for (s, e) in found.iter_mut() {
            if *e - *s == 2 && *e < self.norm.len() && threes.contains(self.ns(*s, *e + 1)) {
                *e += 1;
            }
        }
        found.sort_unstable();
        found.dedup();
        // 蔡川通话, 川习会谈: two characters that each begin the name of a different person
        // the page names in full (蔡英文, 川普) abbreviate the pair, no one's name.
        let mut initials: std::collections::BTreeMap<char, Option<&EntityKey>> = std::collections::BTreeMap::new();
        if found.iter().any(|(s, e)| e - s == 2) {
            for m in self.mentions.iter() {
                if let Mk::Ent(k, EntityType::Person) = &m.kind
                    && m.end - m.start >= 2
                    && self.norm[m.start..m.end].iter().all(|&c| is_han(c))
                {
                    initials.entry(self.norm[m.start]).and_modify(|v| if v.is_some_and(|o| o != k) { *v = None }).or_insert(Some(k));
                }
            }
        }
        let pair_initials = |s: usize| {
            let (a, b) = (initials.get(&self.norm[s]).copied().flatten(), initials.get(&self.norm[s + 1]).copied().flatten());
            a.zip(b).is_some_and(|(a, b)| a != b)
        };
        let pairs: Vec<bool> = found.iter().map(|&(s, e)| e - s == 2 && pair_initials(s)).collect();
        for ((s, e), pair) in found.into_iter().zip(pairs) {
            if pair || self.mentions.overlaps(s, e) || self.time_touches(s, e) {
                continue;
            }
            let after = self.ns(e, (e + 4).min(self.norm.len()));
            if self.p.lists.place_nouns.iter().any(|w| after.starts_with(w.as_str())) {
                continue;
            }
            self.push_open_han_name(s, e, RULE);
        }
        self.sort_mentions();
    }

    /// Drops the Han names no list knows that are common words: a name read by the
    /// open readers (`pattern:zh-*`, `model:jieba-nr`) whose text the segmenter's
    /// dictionary holds as one word with a tag of no name, place or proper noun
    /// (记者同志, 记者表示, 应该说, 与申花的比赛, 首长列席: 同志, 表示, 应该, 比赛, 列席),
    /// or, but after a title, that starts with neither a surname nor a transliteration
    /// (记者还纳闷).
    #[inline(never)]
    pub(super) fn drop_word_names(&mut self) {
        if !self.has_han {
            return;
        }
        let jieba = self.p.segmenter.get();
        let names = &self.p.names;
        let (norm, norm_str, bytes) = (&self.norm, &self.norm_str, &self.norm_bytes);
        self.mentions.retain(|m| {
            let open = matches!(&m.kind, Mk::Ent(EntityKey::Open(..), EntityType::Person));
            if !open || !(m.rule.starts_with("pattern:zh-") || m.rule.starts_with("model:jieba")) {
                return true;
            }
            let chars = &norm[m.start..m.end];
            if !(2..=3).contains(&chars.len()) || !chars.iter().all(|&c| is_han(c)) {
                return true;
            }
            let word = &norm_str[bytes[m.start]..bytes[m.end]];
            let tag = dictionary_tag(jieba, word);
            let common = tag.is_some_and(|t| !matches!(t, "nr" | "nrfg" | "nrt" | "ns" | "nz" | "nt"));
            // After a title (皇后雅子, 省委书记信长星) the title vouches for the shape, and
            // for a transliteration that the dictionary also holds as a noun (外长利维; not
            // the verb of 首长列席).
            let titled = m.rule.as_ref() == "pattern:zh-title-name";
            let translit = chars.iter().all(|&c| names.is_translit(c));
            let shaped = titled || names.is_surname(chars[0]) || names.compound_surname_at(norm, m.start) || translit;
            (!common || (titled && translit && tag == Some("n"))) && shaped
        });
        self.sort_mentions();
    }

    /// A listed two-character Han name that is the start of a longer one (张明 in
    /// 张明华同志): one more character, no stop and no title, after which a name ends,
    /// and the segmenter reads the three as one name. The mention becomes that person,
    /// a name of no list (`model:jieba-nr`).
    #[inline(never)]
    pub(super) fn widen_cut_han_names(&mut self) {
        let names = &self.p.names;
        let n = self.norm.len();
        let mut grow: Vec<usize> = Vec::new();
        for (k, m) in self.mentions.iter().enumerate() {
            let Mk::Ent(EntityKey::Known(_), EntityType::Person) = m.kind else { continue };
            let e = m.end;
            if e - m.start != 2 || e + 1 > n || !names.is_surname(self.norm[m.start]) || !is_han(self.norm[m.start + 1]) {
                continue;
            }
            if names.ends_name_at(&self.norm, e) || self.mentions.starting(e).is_some() || !self.name_may_end(e + 1) || e + 1 >= n {
                continue;
            }
            // The name must end where a name clearly ends: a stop, not merely text's end.
            if !names.ends_name_at(&self.norm, e + 1) || self.mentions.starting(e + 1).is_some_and(|m| !self.is_role(m)) {
                continue;
            }
            let jieba = self.p.segmenter.get();
            let three = self.ns(m.start, e + 1);
            let window = self.ns(m.start, (e + 3).min(n));
            let first = jieba.cut(window, true).into_iter().next();
            if first.is_some_and(|w| w.word == three) && dictionary_tag(jieba, three).is_none_or(is_name_tag) && self.han_name_shape(m.start, e + 1) {
                grow.push(k);
            }
        }
        for k in grow {
            let (s, e) = (self.mentions[k].start, self.mentions[k].end + 1);
            let name = self.ns(s, e).to_string();
            self.mentions[k].end = e;
            self.mentions[k].kind = Mk::Ent(EntityKey::Open(EntityType::Person, name), EntityType::Person);
            self.mentions[k].rule = RULE.into();
        }
        self.sort_mentions();
    }

    /// Whether a name may end before char `i`: the text ends, or a mark, a function
    /// character or a character after which names end follows.
    pub(super) fn name_may_end(&self, i: usize) -> bool {
        i >= self.norm.len() || !is_han(self.norm[i]) || self.p.names.ends_name_at(&self.norm, i) || self.p.names.clear_end(&self.norm, i)
    }

    /// Whether chars `s..e` have the shape of a Han personal name: a surname (one
    /// character, or two of a compound surname), then one or two characters that may
    /// stand in a name; not all transliteration characters (莫雷, 温布顿: a foreign word,
    /// a place as often as a person; the transliterated-name reader decides those).
    pub(super) fn han_name_shape(&self, s: usize, e: usize) -> bool {
        self.han_name_shape_any(s, e) && !(s..e).all(|i| self.p.names.is_translit(self.norm[i]))
    }

    /// [`Page::han_name_shape`], its characters all transliteration ones or not (胡佳).
    pub(super) fn han_name_shape_any(&self, s: usize, e: usize) -> bool {
        let names = &self.p.names;
        let given_from = if names.compound_surname_at(&self.norm, s) {
            s + 2
        } else if names.is_surname(self.norm[s]) {
            s + 1
        } else {
            return false;
        };
        let given = e.saturating_sub(given_from);
        // Part of a dotted foreign name (安东尼·阿尔巴尼斯), or a place (威尔明顿市).
        let dotted = |i: usize| self.norm.get(i).is_some_and(|c| matches!(c, '·' | '•' | '‧' | '-' | '－'));
        (1..=2).contains(&given)
            && (given_from..e).all(|i| !names.ends_name_at(&self.norm[..e], i))
            && !(s > 0 && dotted(s - 1))
            && !dotted(e)
            && !self.p.lists.place_suffixes.contains(self.norm[e - 1])
    }

    /// Whether a time expression overlaps chars `s..e` (times are disjoint and sorted).
    pub(super) fn time_touches(&self, s: usize, e: usize) -> bool {
        let i = self.times.partition_point(|t| t.end <= s);
        self.times.get(i).is_some_and(|t| t.start < e)
    }
}
