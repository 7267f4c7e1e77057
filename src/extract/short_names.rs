//! Short references to people named before: a later one-word name, a short form or a
//! surname before a title, linked to the person the page names in full.
//!
//! Input: the page's person mentions (listed people, their short forms `…#short`, people
//! of no list) and titles. Output: mentions relinked with the rule `pattern:short-name`
//! ("Ardern" after "Jacinda Ardern", "Assad" after "Hafez al-Assad", 加拉格尔 after
//! 麦克·加拉格尔, 克林顿总统: the holder of that title on the article's date), and new
//! mentions `pattern:zh-surname-title` for a surname right before a title (李总理: the one
//! person of that surname on the page, else the one listed holder of the title).
//!
//! **Invariant**: a reference is linked only when exactly one person fits; else it stays
//! as it was.

use super::*;
use super::slots::is_clause_mark;

impl<'a> Page<'a> {
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
        // 克强总理: a given name right before a title.
        for (s, k) in self.given_name_title_links(&full) {
            self.push(s, s + 2, Mk::Ent(k, EntityType::Person), "pattern:zh-given-name-title");
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
            if let Some(at) = full.iter().position(|(fk, _, _)| fk == k) {
                // "VIK" in an upper-case headline, "Anders Vik" below: an open name's words
                // are those of its longest mention.
                if let EntityKey::Open(_, name) = k
                    && !name.chars().any(is_han)
                {
                    let words: Vec<String> = self.text(m.start, m.end).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
                    if words.len() > full[at].1.len() {
                        full[at].1 = words;
                    }
                }
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
            // 高村外相 after 高村正彦: a name before a title that opens exactly one longer
            // name of the page (a Japanese surname, read alone before a title).
            if self.mentions.starting(m.end).is_some_and(|r| matches!(r.kind, Mk::Ent(_, EntityType::Role))) {
                let written = normalise(name);
                let n = written.chars().count();
                let cands: Vec<&EntityKey> = full
                    .iter()
                    .filter(|(fk, _, zh)| fk != k && n >= 2 && zh.chars().count() > n && !zh.contains('·') && zh.starts_with(written.as_str()))
                    .map(|(fk, _, _)| fk)
                    .collect();
                if let [one] = cands[..] {
                    return Some(one.clone());
                }
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
        let written = self.text(m.start, m.end);
        // "El Dunst" after "Karel El Dunst": a name that opens with a particle
        // (`en-name-particles`, any case) is the last words of exactly one longer name.
        if name.contains(' ') {
            let words: Vec<&str> = written.split(' ').filter(|w| !w.is_empty()).collect();
            if words.len() < 2 || !self.p.names.is_particle(&words[0].to_lowercase()) {
                return None;
            }
            let cands: Vec<&EntityKey> = full
                .iter()
                .filter(|(fk, fw, _)| fk != k && fw.len() > words.len() && fw[fw.len() - words.len()..].iter().zip(&words).all(|(a, b)| a.eq_ignore_ascii_case(b)))
                .map(|(fk, _, _)| fk)
                .collect();
            return if let [one] = cands[..] { Some(one.clone()) } else { None };
        }
        let cands: Vec<&EntityKey> = full
            .iter()
            .filter(|(fk, words, _)| fk != k && words.len() >= 2 && (words[0] == written || words[words.len() - 1] == written))
            .map(|(fk, _, _)| fk)
            .collect();
        if let [one] = cands[..] { Some(one.clone()) } else { None }
    }

    /// The surnames right before a title (李总理, 王外长) and whom each stands for: the
    /// one person of `full` of that surname, else the one listed holder of the title.
    /// 克强总理与梅德韦杰夫举行会谈: two characters no mention covers right before a title, after a
    /// clause mark, a character that ends names or the text's start, that end the
    /// three-character Chinese name (a surname first) of exactly one person the page names in full, else of
    /// the one listed holder of the title on the article's date.
    fn given_name_title_links(&self, full: &[(EntityKey, Vec<String>, String)]) -> Vec<(usize, EntityKey)> {
        let mut found: Vec<(usize, EntityKey)> = Vec::new();
        for r in self.mentions.iter() {
            if !matches!(r.kind, Mk::Ent(_, EntityType::Role)) || r.start < 2 || !is_han(self.norm[r.start]) {
                continue;
            }
            let s = r.start - 2;
            if !(s..r.start).all(|i| is_han(self.norm[i])) || self.mentions.overlaps(s, r.start) {
                continue;
            }
            if s > 0 && is_han(self.norm[s - 1]) && !self.p.names.clear_end(&self.norm, s - 1) && !is_clause_mark(self.norm[s - 1]) {
                continue;
            }
            let given = self.ns(s, r.start);
            // A Chinese name: a surname, then the given name (小布什 is none).
            let han_name = |zh: &str| zh.chars().count() == 3 && zh.ends_with(given) && zh.chars().next().is_some_and(|c| self.p.names.is_surname(c));
            if let Some(k) = one_named_else(full, han_name, || self.holder_by_given_name(r, given)) {
                found.push((s, k));
            }
        }
        found
    }

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
            // 朱总理 on a page that never names him in full: the one listed holder of the
            // title on the article's date whose Chinese name starts so.
            if let Some(k) = one_named_else(full, |zh| zh.chars().count() >= 2 && zh.starts_with(c), || self.holder_by_surname(r, c)) {
                found.push((s, k));
            }
        }
        found
    }
}

/// The one person named in full (`full`) whose Chinese name `fits`; when none does, the
/// `listed` holder; when several do, no one.
fn one_named_else(full: &[(EntityKey, Vec<String>, String)], fits: impl Fn(&str) -> bool, listed: impl FnOnce() -> Option<EntityKey>) -> Option<EntityKey> {
    let cands: Vec<&EntityKey> = full.iter().filter(|(_, _, zh)| fits(zh)).map(|(k, _, _)| k).collect();
    match cands[..] {
        [one] => Some(one.clone()),
        [] => listed(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    fn people(text: &str, date: (i32, u32, u32)) -> Vec<Vec<String>> {
        let x = super::super::tests::extract_on(text, date);
        x.events.iter().map(|e| e.participants.iter().map(|p| p.name.clone()).collect()).collect()
    }

    #[test]
    fn an_upper_case_headline_leaves_surnames_below_linked() {
        // "VIK" is the first mention of Anders Vik: "Vik" below still links to the full name,
        // and the page reports one meeting, not a second one of "Vik" and "Marr".
        let text = "UPDATE WITH VIK'S MEETING WITH MARR\n\nTALLO – Council head Anders Vik on Thursday visited Bergen, a city held by warlord Ilse Marr.\n\nLater, Vik held a meeting with Marr, according to a statement.";
        assert_eq!(people(text, (2021, 2, 17)), [["Anders Vik", "Ilse Marr"]]);
    }

    #[test]
    fn a_given_name_before_a_title_is_its_holder() {
        // The premier on the date whose name ends 克强; no one named in full on the page.
        assert_eq!(people("当天，克强总理在莫斯科与梅德韦杰夫举行会谈。", (2014, 10, 14)), [["Li Keqiang", "Dmitry Medvedev"]]);
        // Inside a word (国务院总理 after 中国): no given name.
        assert_eq!(people("国务院总理李克强在莫斯科与梅德韦杰夫举行会谈。", (2014, 10, 14)), [["Li Keqiang", "Dmitry Medvedev"]]);
        // No holder of the title with that given name: nothing.
        assert!(people("当天，明强总理在莫斯科与梅德韦杰夫举行会谈。", (2014, 10, 14)).iter().all(|p| p.iter().all(|n| n != "Li Keqiang")));
    }
}
