//! Pair abbreviations: a meeting named by the first characters of its two people
//! (川习会 for Trump and Xi, 習拜會, 特金会, 萧习会), as Chinese news writes summits.
//!
//! Input: the page's person mentions (listed people with every Chinese form of their
//! name, open-world Han and transliterated names). Output: one person mention per
//! character, `pattern:zh-pair-abbreviation`, which the rule shape `abbreviation` reads
//! as the meeting's two participants.
//!
//! **Invariant**: a character stands for a person only when exactly one person the page
//! names elsewhere in full begins a Chinese name with it (for a dotted transliteration,
//! its last part: 唐纳德·特朗普 → 特), the two characters stand for two different people,
//! no mention covers either, and what follows 会 leaves it a word of its own
//! (`zh-abbreviation-breaks`: not 会长, 会员). Nothing is guessed from a list alone.

use super::*;
use std::collections::BTreeMap;

impl<'a> Page<'a> {
    /// `pattern:zh-pair-abbreviation`: see the module header.
    #[inline(never)]
    pub(super) fn find_pair_abbreviations(&mut self) {
        if !self.has_han || !self.norm.contains(&'会') {
            return;
        }
        // The initial of each person the page names → who (None: more than one).
        let mut initials: BTreeMap<char, Option<EntityKey>> = BTreeMap::new();
        let g = &self.p.gazetteer;
        let mut add = |c: char, k: &EntityKey| {
            if !is_han(c) {
                return;
            }
            initials
                .entry(c)
                .and_modify(|v| {
                    if v.as_ref().is_some_and(|o| o != k) {
                        *v = None;
                    }
                })
                .or_insert_with(|| Some(k.clone()));
        };
        let initial = |name: &str| normalise(name.rsplit(['·', '•', '‧']).next().unwrap_or(name)).chars().next();
        for m in self.mentions.iter() {
            let Mk::Ent(k, EntityType::Person) = &m.kind else { continue };
            if m.end - m.start < 2 {
                continue;
            }
            match k {
                EntityKey::Known(i) => {
                    let e = g.entry(*i);
                    for name in e.zh_hans.iter().chain(&e.zh_hant).chain(&e.aliases).chain(&e.short) {
                        if let Some(c) = initial(name) {
                            add(c, k);
                        }
                    }
                }
                // 萧习 read as a name right before 会 is what is being read here.
                EntityKey::Open(..) if m.end - m.start == 2 && self.norm.get(m.end) == Some(&'会') => {}
                EntityKey::Open(_, name) => {
                    if let Some(c) = initial(name) {
                        add(c, k);
                    }
                }
                // A role-holder has no name to abbreviate.
                EntityKey::Holder(..) => {}
            }
        }
        let n = self.norm.len();
        let mut found: Vec<(usize, EntityKey, EntityKey)> = Vec::new();
        for i in 2..n {
            if self.norm[i] != '会' || (i + 1 < n && self.p.lists.zh_abbreviation_breaks.contains(self.norm[i + 1])) {
                continue;
            }
            let (x, y) = (self.norm[i - 2], self.norm[i - 1]);
            let (Some(Some(a)), Some(Some(b))) = (initials.get(&x), initials.get(&y)) else { continue };
            // 萧习会: a name of no list read over the two initials (萧习, a surname and a
            // character) gives way to them.
            let open_name = self.mentions.starting(i - 2).is_some_and(|m| m.end == i && matches!(m.kind, Mk::Ent(EntityKey::Open(..), EntityType::Person)));
            if a == b || (self.mentions.overlaps(i - 2, i) && !open_name) {
                continue;
            }
            found.push((i - 2, a.clone(), b.clone()));
        }
        self.drop_names_over_initials(&found.iter().map(|f| f.0).collect::<Vec<_>>());
        let mut ends = Vec::new();
        for (s, a, b) in found {
            if self.push(s, s + 1, Mk::Ent(a, EntityType::Person), "pattern:zh-pair-abbreviation")
                && self.push(s + 1, s + 2, Mk::Ent(b, EntityType::Person), "pattern:zh-pair-abbreviation")
            {
                ends.push(s + 2);
            }
        }
        self.sort_mentions();
        // The 会 right after a pair joins the triggers the meeting rules read.
        let hits: Vec<TriggerHit<'a>> = std::mem::take(&mut self.abbreviation_triggers).into_iter().filter(|t| ends.binary_search(&t.start).is_ok()).collect();
        if !hits.is_empty() {
            let mut all: Vec<TriggerHit<'a>> = self.triggers.iter().cloned().chain(hits).collect();
            all.sort_by_key(|t| t.start);
            *self.triggers = all.into();
        }
    }
}

impl Page<'_> {
    /// Names of no list read over two initials starting at `starts` (萧习 in 萧习会) give way
    /// to them.
    fn drop_names_over_initials(&mut self, starts: &[usize]) {
        if starts.is_empty() {
            return;
        }
        self.mentions.retain(|m| !(starts.contains(&m.start) && m.end == m.start + 2 && matches!(m.kind, Mk::Ent(EntityKey::Open(..), EntityType::Person))));
        self.sort_mentions();
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::Extraction;
    use crate::extract::tests::extract_on;

    fn extract(text: &str) -> Extraction {
        extract_on(text, (2018, 5, 13))
    }

    fn meetings(x: &Extraction) -> Vec<(Vec<String>, bool)> {
        x.events.iter().map(|e| (e.participants.iter().map(|r| r.name.clone()).collect(), e.planned)).collect()
    }

    #[test]
    fn two_initials_of_people_the_page_names_before_hui_are_their_meeting() {
        let x = extract("朝鲜领导人金正恩和美国总统特朗普都发表了讲话。特金会将在新加坡举行。");
        assert_eq!(meetings(&x), vec![(vec!["Donald Trump".to_string(), "Kim Jong Un".to_string()], true)]);
        let x = extract("朝鲜领导人金正恩和美国总统特朗普都发表了讲话。特金会结束后，双方发表声明。");
        assert_eq!(meetings(&x), vec![(vec!["Donald Trump".to_string(), "Kim Jong Un".to_string()], false)]);
    }

    #[test]
    fn an_initial_two_people_of_the_page_share_stands_for_no_one() {
        // 金 begins both 金正恩 and 金与正: which of them 特金会 means, the page does not say.
        let x = extract("朝鲜领导人金正恩、其妹金与正和美国总统特朗普都发表了讲话。特金会将在新加坡举行。");
        assert!(meetings(&x).is_empty(), "{:?}", meetings(&x));
    }

    #[test]
    fn a_name_of_no_list_over_two_initials_gives_way_to_them() {
        // 萧 is a surname: 萧习 alone reads as a name; before 会 it is two people's initials.
        let x = extract("台湾前副总统萧万长与中国国家主席习近平都发表了讲话。萧习会将在北京举行。");
        assert_eq!(meetings(&x), vec![(vec!["Vincent Siew".to_string(), "Xi Jinping".to_string()], true)]);
    }

    #[test]
    fn a_model_name_over_two_initials_of_people_the_page_names_is_no_one() {
        // 蔡川通话: Tsai's and Trump's call, not a person 蔡川 (the segmenter's model reads one).
        let x = extract_on("川普当选后，蔡英文总统同他通了电话。蔡川通话之后，北京表示不满。", (2017, 1, 7));
        let names: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(!names.contains(&"蔡川"), "{names:?}");
    }

    #[test]
    fn initials_of_people_the_page_does_not_name_are_no_meeting() {
        let x = extract("美国总统特朗普发表了讲话。特金会将在新加坡举行。");
        assert!(meetings(&x).is_empty(), "{:?}", meetings(&x));
    }
}
