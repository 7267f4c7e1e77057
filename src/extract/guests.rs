//! Guests: a party received under a bare noun (来宾, 外宾, "the foreign guests") whose
//! visitor one of the sentences before names.
//!
//! Input: the page's items (sorted), sentences and triggers. Output: the items with each
//! bare guest noun's party (a group of src/extract/delegations.rs whose name is a word of
//! `zh-guest-nouns` alone) replaced by its visitor, and an English guest phrase right
//! after a meeting verb (`en-guest-phrases`: "met with the foreign guests") added as that
//! visitor. The visitor is the first person of the nearest of the two sentences before
//! that names someone before a visit verb (`visit-verbs`: 访问, 到访, visited, "to visit").
//!
//! **Invariant**: with no such sentence nothing changes: a Chinese guest noun stays a
//! party of its own, an English phrase names no one.

use super::*;

impl<'a> Page<'a> {
    /// Bare guest nouns and English guest phrases as the visitor the sentences before name
    /// (`items` sorted by position, and left so).
    pub(super) fn resolve_guests(&self, items: &mut Vec<Item>) {
        let guests = &self.p.lists.guest_nouns;
        for i in 0..items.len() {
            let bare = matches!(&items[i].key, EntityKey::Open(EntityType::Organization, name) if guests.iter().any(|g| g == name));
            if bare && let Some(key) = self.guest_visitor(items, items[i].start) {
                items[i].key = key;
            }
        }
        let mut added = Vec::new();
        for t in self.triggers.iter() {
            if let Some((s, e)) = self.en_guest_phrase_after(t.end)
                && let Some(key) = self.guest_visitor(items, s)
            {
                added.push(Item { start: s, end: e, key });
            }
        }
        if !added.is_empty() {
            items.extend(added);
            items.sort_by_key(|it| (it.start, it.end));
        }
    }

    /// The span of an `en-guest-phrases` entry right after a meeting verb ending at `end`,
    /// "with" between allowed, when it ends a word.
    fn en_guest_phrase_after(&self, end: usize) -> Option<(usize, usize)> {
        let n = self.norm.len();
        let mut s = end;
        while s < n && self.norm[s] == ' ' {
            s += 1;
        }
        if self.ns(s, (s + 5).min(n)) == "with " {
            s += 5;
        }
        let rest = self.ns(s, (s + 40).min(n));
        let phrase = self.p.lists.context.en_guest_phrases.iter().filter(|p| rest.starts_with(p.as_str())).max_by_key(|p| p.len())?;
        let e = s + phrase.chars().count();
        (e >= n || !self.norm[e].is_alphanumeric()).then_some((s, e))
    }

    /// The visitor of a guest noun at `at`: the first person (a listed or open one) of the
    /// nearest of the two sentences before it that names someone before a visit verb.
    fn guest_visitor(&self, items: &[Item], at: usize) -> Option<EntityKey> {
        let k = self.sentences.partition_point(|x| x.1 <= at);
        let visits = &self.p.lists.context.visit_verbs;
        for j in (k.saturating_sub(2)..k).rev() {
            let (ss, se, _) = self.sentences[j];
            let first = items.partition_point(|it| it.start < ss);
            let Some(it) = items[first..].iter().take_while(|it| it.end <= se).find(|it| matches!(it.key, EntityKey::Known(_) | EntityKey::Open(EntityType::Person, _))) else { continue };
            let after = self.ns(it.end, se);
            let visited = if is_han(self.norm[it.start]) || after.chars().any(is_han) {
                visits.iter().any(|v| v.chars().next().is_some_and(is_han) && after.contains(v.as_str()))
            } else {
                after.split(|c: char| !c.is_alphabetic()).any(|w| visits.iter().any(|v| v == w))
            };
            if visited {
                return Some(it.key.clone());
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::meetings_on;

    #[test]
    fn a_guest_noun_is_the_visitor_of_one_of_the_two_sentences_before() {
        // Two sentences back still names the visitor.
        assert_eq!(meetings_on("诺兰大学校长陈志明一行访问我校。双方举行了座谈。校党委书记林文达会见了来宾。", (2024, 5, 3)), [["林文达", "陈志明"]]);
        // Three sentences back no longer does: the guests stay a party of their own.
        assert_eq!(meetings_on("诺兰大学校长陈志明一行访问我校。双方举行了座谈。参观了实验室。校党委书记林文达会见了来宾。", (2024, 5, 3)), [["林文达", "来宾"]]);
    }

    #[test]
    fn an_english_guest_phrase_with_no_visitor_names_no_one() {
        assert!(meetings_on("Anders Vik spoke at the forum on Monday. Ilse Marr met with the guests.", (2024, 5, 3)).is_empty());
        assert_eq!(
            meetings_on("Professor Anders Vik visited Tallo University on Monday. Ilse Marr met with the guests.", (2024, 5, 3)),
            [["Ilse Marr", "Anders Vik"]]
        );
    }
}
