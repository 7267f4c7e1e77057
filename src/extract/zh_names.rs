//! Chinese person names no list knows, read by their context: after a noun of work,
//! standing or kin (农民王秀英: `pattern:zh-noun-name`), beside a person in a list or right
//! after one across 和 / 与 (王淑芬、李秀兰: `pattern:zh-list-name`), before 的 and a kin
//! noun (马玉林的父亲: `pattern:zh-kin-name`), after a shirt number (10号朱尼奥, 1-侯森:
//! `pattern:zh-number-name`), Japanese names before a title or 一行 (岛田健明副议长:
//! `pattern:ja-name`).
//!
//! Input: the page's normalised text (Simplified, half width), its mentions so far and
//! its time expressions; the segmenter (`segment`) for the words a name must not be or
//! start. Output: more person mentions, each with the rule that read it.
//!
//! **Invariant**: a name has the shape of a Han name (a surname, then one or two
//! characters) or, after a noun of work or a shirt number, of a transliteration; it
//! overlaps no mention, touches no time expression and begins with no word of
//! `zh-not-names`.

use super::*;
use super::segment::{dictionary_tag, is_name_tag};

impl<'a> Page<'a> {
    /// A Han or transliterated name right after a shirt number (10号朱尼奥, a team sheet's
    /// 1-侯森、3-于洋: digits, then a mark of `zh-number-name-marks`), where a name may end
    /// after it: `pattern:zh-number-name`.
    #[inline(never)]
    pub(super) fn find_number_names(&mut self) {
        if !self.has_han {
            return;
        }
        let names = &self.p.names;
        let marks = &self.p.lists.zh_number_name_marks;
        let n = self.norm.len();
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < n {
            if !self.norm[i].is_ascii_digit() || (i > 0 && self.norm[i - 1].is_ascii_digit()) {
                i += 1;
                continue;
            }
            let mut d = i;
            while d < n && self.norm[d].is_ascii_digit() {
                d += 1;
            }
            // One or two digits: a shirt number, not a year or a score's tail.
            let s = d + 1;
            if d - i > 2 || s >= n || !marks.contains(self.norm[d]) || !is_han(self.norm[s]) {
                i = d;
                continue;
            }
            // The number vouches for the name: a surname and one or two characters up to
            // where a name clearly ends (1-侯森、, 10号张玉宁在), else a transliteration.
            let clear = |e: usize| e >= n || !is_han(self.norm[e]) || names.clear_end(&self.norm, e);
            // The longer reading first (15-高天一、: not 高天), unless its last character
            // stops names (5-于洋在).
            let han = (names.is_surname(self.norm[s]) || names.compound_surname_at(&self.norm, s))
                .then(|| {
                    (s + 2..=s + 3).rev().find(|&e| {
                        e <= n && (s..e).all(|k| is_han(self.norm[k])) && clear(e) && (e == s + 2 || !names.stops_name(&self.norm, s + 2))
                    })
                })
                .flatten();
            let shape = han.or_else(|| match names.zh_name_kind_at(&self.norm, s) {
                Some((e, crate::matching::NameForm::Transliterated)) if e - s >= 2 => Some(e),
                _ => None,
            });
            if let Some(e) = shape.filter(|&e| self.name_may_end(e)) {
                found.push((s, e));
            }
            i = d;
        }
        for (s, e) in found {
            if self.mentions.overlaps(s, e) || self.time_touches(s, e) {
                continue;
            }
            self.push_open_han_name(s, e, "pattern:zh-number-name");
        }
        self.sort_mentions();
    }

    /// A person of no list at chars `s..e` read by `rule`, unless the text there begins
    /// with a word of `zh-not-names`.
    pub(super) fn push_open_han_name(&mut self, s: usize, e: usize, rule: &'static str) {
        let name = self.ns(s, e).to_string();
        if !self.p.lists.zh_not_names.iter().any(|w| name.starts_with(w.as_str())) {
            self.push(s, e, Mk::Ent(EntityKey::Open(EntityType::Person, name), EntityType::Person), rule);
        }
    }

    /// A noun of work, standing or kin (`zh-person-nouns`), then a Han name: 农民王秀英,
    /// 她的儿子刘建军, 村支书赵长河. The name's extent is the name reader's; the segmenter
    /// must not read the surname as the start of another word (儿子高兴地说: 高兴).
    #[inline(never)]
    pub(super) fn find_noun_names(&mut self) {
        if !self.has_han {
            return;
        }
        let names = &self.p.names;
        let mut found: Vec<(usize, usize)> = Vec::new();
        for m in self.p.lists.person_nouns.find_iter(&self.norm_str) {
            let s = self.norm_bytes.partition_point(|&b| b < m.end());
            if s >= self.norm.len() {
                continue;
            }
            // A Han name, or a transliterated one (学生安娜, 维权人士胡佳: its characters
            // may all be transliteration ones, which the segmenter's names may not).
            let han = names.is_surname(self.norm[s]) || names.compound_surname_at(&self.norm, s);
            let (shape, transliterated) = match names.zh_name_kind_at(&self.norm, s) {
                Some((e, crate::matching::NameForm::Han | crate::matching::NameForm::Other)) if han && self.han_name_shape_any(s, e) => (Some(e), false),
                Some((e, crate::matching::NameForm::Transliterated)) if e - s >= 2 => (Some(e), true),
                _ => (None, false),
            };
            let Some(e) = shape.filter(|&e| self.name_may_end(e)) else { continue };
            // A transliteration of three characters or more (选手斯瓦泰克, 外援汉密尔顿,
            // 主教练马丁内斯: its first character may be a surname too) is no word the
            // segmenter would know: its cut says nothing.
            if (!han || transliterated) && e - s >= 3 {
                found.push((s, e));
                continue;
            }
            let jieba = self.p.segmenter.get();
            let window = self.ns(s, (e + 2).min(self.norm.len()));
            let words = jieba.cut(window, true);
            let Some(first) = words.first() else { continue };
            let len = first.end - first.start;
            let ok = if len == 1 {
                true
            } else if len == e - s {
                dictionary_tag(jieba, first.word).is_none_or(is_name_tag)
            } else {
                len < e - s && dictionary_tag(jieba, first.word).is_some_and(is_name_tag)
            };
            if ok {
                found.push((s, e));
            }
        }
        for (s, e) in found {
            if self.mentions.overlaps(s, e) || self.time_touches(s, e) {
                continue;
            }
            self.push_open_han_name(s, e, "pattern:zh-noun-name");
        }
        self.sort_mentions();
    }

    /// Where a Han name of no list may start: the text's start, a character not Han, a
    /// clause mark, or the end of a mention that is no person.
    fn name_may_start(&self, s: usize) -> bool {
        s == 0
            || !is_han(self.norm[s - 1])
            || matches!(self.norm[s - 1], '、' | '。' | ',' | ';' | ':')
            || self.mentions.ending(s).is_some_and(|m| !matches!(m.kind, Mk::Ent(_, EntityType::Person)))
    }

    /// The Han name (surname and one or two characters, no mention, no time) that ends
    /// at `e` and starts where a name may start, the longer first.
    fn han_name_ending_at(&self, e: usize) -> Option<usize> {
        let jieba = self.p.segmenter.get();
        [3usize, 2].into_iter().filter(|&len| len <= e).map(|len| e - len).find(|&s| {
            self.p.names.zh_name_kind_at(&self.norm, s).is_some_and(|(ne, _)| ne == e)
                && self.han_name_shape_any(s, e)
                && self.name_may_start(s)
                && !self.mentions.overlaps(s, e)
                && !self.time_touches(s, e)
                // A word of another kind (高兴的父亲) is no name.
                && dictionary_tag(jieba, self.ns(s, e)).is_none_or(is_name_tag)
        })
    }

    /// Japanese names before a title or a word that ends a list (岛田健明副议长, 佐藤健一郎
    /// 一行: `zh-list-ends`): a listed surname (`ja-surnames`) and a given name that end
    /// right there or before a modifier of the title (`Names::ja_name_at`,
    /// `title-modifiers`), the longest such: `pattern:ja-name`.
    #[inline(never)]
    pub(super) fn find_ja_names(&mut self) {
        if !self.has_han {
            return;
        }
        let mut ends: Vec<usize> = self.mentions.iter().filter(|m| matches!(m.kind, Mk::Ent(_, EntityType::Role)) && is_han(self.norm[m.start])).map(|m| m.start).collect();
        for w in &self.p.lists.zh_list_ends {
            ends.extend(self.norm_str.match_indices(w.as_str()).map(|(b, _)| self.char_at_byte(b)));
        }
        ends.sort_unstable();
        ends.dedup();
        let mut found: Vec<(usize, usize)> = Vec::new();
        for e in ends {
            // The name ends at the title or before a modifier of it (岛田健明|副|议长:
            // `title-modifiers`).
            let ends_here = |k: usize| k == e || (k < e && self.p.lists.title_modifiers.iter().any(|w| w.as_str() == self.ns(k, e)));
            let name = (3..=7.min(e)).rev().map(|len| e - len).find_map(|s| {
                let k = self.p.names.ja_name_at(&self.norm, s)?;
                (ends_here(k) && !self.mentions.overlaps(s, k) && !self.time_touches(s, k) && found.last().is_none_or(|f| f.1 <= s)).then_some((s, k))
            });
            if let Some(f) = name {
                found.push(f);
            }
        }
        for (s, e) in found {
            self.push_open_han_name(s, e, "pattern:ja-name");
        }
        self.sort_mentions();
    }

    /// Han names beside a person in a list (王淑芬、李秀兰: `zh-list-sibling-marks`) and
    /// before 的 and a kin noun (马玉林的父亲: `zh-kin-nouns`): people too
    /// (`pattern:zh-list-name`, `pattern:zh-kin-name`), along a list of any length (each
    /// name found is looked at in turn, once).
    #[inline(never)]
    pub(super) fn find_sibling_names(&mut self) {
        if !self.has_han {
            return;
        }
        let n = self.norm.len();
        let marks = &self.p.lists.list_sibling_marks;
        let mut found: Vec<(usize, usize, &'static str)> = Vec::new();
        // Starts already found: a set, so a long list of names stays linear.
        let mut starts: std::collections::HashSet<usize> = std::collections::HashSet::new();
        let mut kin: Vec<usize> = self.p.lists.kin_nouns.find_overlapping_iter(&self.norm_str).map(|m| self.char_at_byte(m.start())).collect();
        kin.sort_unstable();
        kin.dedup();
        for d in kin {
            if let Some(s) = self.han_name_ending_at(d) {
                found.push((s, d, "pattern:zh-kin-name"));
                starts.insert(s);
            }
        }
        // A work list: every person, and every name found, is looked at once on each side.
        let mut queue: Vec<(usize, usize)> = self
            .mentions
            .iter()
            .filter(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person)) && is_han(self.norm[m.start]))
            .map(|m| (m.start, m.end))
            .chain(found.iter().map(|&(s, e, _)| (s, e)))
            .collect();
        let joins = &self.p.lists.list_join_marks;
        while let Some((s, e)) = queue.pop() {
            // After: X、Y, and X和Y (`zh-list-join-marks`, after a person only). The
            // reading, else one character less where a name may end (张玉宁和甘超均远射).
            if e + 1 < n && (marks.contains(self.norm[e]) || joins.contains(self.norm[e])) && self.mentions.starting(e + 1).is_none() {
                let y = e + 1;
                let reading = self.p.names.zh_name_kind_at(&self.norm, y).and_then(|(ye, form)| {
                    let ye = if self.name_may_end(ye) { ye } else if ye == y + 3 && self.name_may_end(ye - 1) { ye - 1 } else { return None };
                    (form == crate::matching::NameForm::Han).then_some(ye)
                });
                if let Some(ye) = reading
                    && self.han_name_shape(y, ye)
                    && !self.mentions.overlaps(y, ye)
                    && !self.time_touches(y, ye)
                    && starts.insert(y)
                {
                    found.push((y, ye, "pattern:zh-list-name"));
                    queue.push((y, ye));
                }
            }
            // After a person and their title: 陈志明总统和林文达副总统, a name of any form
            // between the join and a title of its own.
            if let Some(te) = self.mentions.starting(e).filter(|m| self.is_role(m)).map(|m| m.end)
                && te + 3 < n
                && (marks.contains(self.norm[te]) || joins.contains(self.norm[te]))
                && self.mentions.starting(te + 1).is_none()
                && let Some(ts) = self.mentions.next_start(te + 1, (te + 9).min(n))
                && ts >= te + 3
                && self.mentions.starting(ts).is_some_and(|m| self.is_role(m))
                && self.p.names.zh_name_kind_at(&self.norm, te + 1).is_some_and(|(ye, _)| ye >= ts)
                && self.norm[te + 1..ts].iter().all(|&c| is_han(c) || matches!(c, '·' | '•' | '‧'))
                && starts.insert(te + 1)
            {
                found.push((te + 1, ts, "pattern:zh-list-name"));
                queue.push((te + 1, ts));
            }
            // Before: Y、X.
            if s >= 3
                && marks.contains(self.norm[s - 1])
                && let Some(ys) = self.han_name_ending_at(s - 1)
                && starts.insert(ys)
            {
                found.push((ys, s - 1, "pattern:zh-list-name"));
                queue.push((ys, s - 1));
            }
        }
        found.sort_unstable();
        for (s, e, rule) in found {
            self.push_open_han_name(s, e, rule);
        }
        self.sort_mentions();
    }
}
