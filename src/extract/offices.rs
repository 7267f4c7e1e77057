//! Offices named without a title mention of their own: "the governor of Brazil's central
//! bank", "the head of the Russian central bank" (a head word, a country and a body:
//! `en-body-heads`, `en-body-roles`), and "the Pope" (an office one person holds in the
//! world: `sole-offices`).
//!
//! Input: the page's mentions (a country or demonym; a title). Output: the participant
//! such a phrase stands for, read by `build_items`: the holder the page or the gazetteer
//! gives for the article's date, else the office itself (`EntityKey::Holder`) when one
//! person holds it at a time (`holder-roles`).
//!
//! **Invariant**: work per mention is bounded (a fixed window of words on each side).

use super::*;

/// The most characters read on each side of the country for a head word and a body.
const WINDOW: usize = 48;

impl<'a> Page<'a> {
    /// "the governor of Brazil's central bank" at country or demonym mention `i`: the
    /// span from the head word to the body's end and the office's role entry.
    pub(super) fn body_office(&self, i: usize) -> Option<(usize, usize, usize)> {
        let m = &self.mentions[i];
        if !self.chars[m.start].is_ascii_alphabetic() {
            return None;
        }
        let lists = &self.p.lists.context;
        // Before: "<head> of " or "<head> of the ".
        let lo = m.start.saturating_sub(WINDOW);
        let before = self.ns(lo, m.start).to_lowercase();
        let rest = before.strip_suffix("of the ").or_else(|| before.strip_suffix("of "))?;
        let head = lists.body_heads.iter().find(|h| {
            rest.strip_suffix(&format!("{h} ")).is_some_and(|b| b.is_empty() || b.ends_with(' '))
        })?;
        let start = m.start - (before.chars().count() - rest.chars().count()) - head.chars().count() - 1;
        // After: "'s <body>" for a country, " <body>" for a demonym.
        let hi = (m.end + WINDOW).min(self.norm.len());
        let after = self.ns(m.end, hi).to_lowercase();
        let after = match m.kind {
            Mk::Demonym(_) => after.strip_prefix(' ')?,
            _ => after.strip_prefix("'s ").or_else(|| after.strip_prefix("’s "))?,
        };
        let (body, role) = lists
            .body_roles
            .iter()
            .filter(|(b, _)| after.strip_prefix(b.as_str()).is_some_and(|r| !r.starts_with(|ch: char| ch.is_alphanumeric())))
            .max_by_key(|(b, _)| b.len())?;
        let role = self.p.gazetteer.index_of(EntityType::Role, role)?;
        let end = self.mentions[i].end + (self.ns(m.end, hi).chars().count() - after.chars().count()) + body.chars().count();
        Some((start, end, role))
    }

    /// The world's one holder of the office at title mention `m` standing alone ("the
    /// Pope"): the body it is held in (`sole-offices`).
    pub(super) fn sole_office(&self, role: usize) -> Option<usize> {
        let id = &self.p.gazetteer.entry(role).id;
        let (_, body) = self.p.lists.context.sole_offices.iter().find(|(r, _)| r == id)?;
        self.p.gazetteer.index_of(EntityType::Place, body).or_else(|| self.p.gazetteer.index_of(EntityType::Organization, body))
    }

    /// The participant an office of country `country` stands for: its holder, else the
    /// office itself when one person holds it at a time.
    pub(super) fn office_key(&self, role: usize, country: usize, near: usize) -> Option<EntityKey> {
        self.person_with_role(role, country, near).or_else(|| {
            self.p.lists.holder_roles.contains(&self.p.gazetteer.entry(role).id).then_some(EntityKey::Holder(role, country))
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::extract_on;

    /// Each meeting's participants as (name, mention as written).
    fn parts(text: &str) -> Vec<Vec<(String, String)>> {
        extract_on(text, (2023, 6, 10)).events.iter().map(|e| e.participants.iter().map(|r| (r.name.clone(), r.mention.clone())).collect()).collect()
    }

    #[test]
    fn an_office_named_by_its_body_spans_head_to_body() {
        let p = parts("Treasury Secretary Janet Yellen met the governor of Brazil's central bank in Washington.");
        assert_eq!(p.len(), 1);
        assert!(p[0].contains(&("Central Bank Governor of Brazil".into(), "governor of Brazil's central bank".into())), "{p:?}");
        let p = parts("Janet Yellen met the head of the Brazilian central bank.");
        assert!(p[0].contains(&("Central Bank Governor of Brazil".into(), "head of the Brazilian central bank".into())), "{p:?}");
        // A body the list does not know, or no head word before "of": no office.
        assert!(parts("Janet Yellen met the head of Brazil's state railways.").is_empty());
        assert!(parts("Janet Yellen met critics of Brazil's central bank.").is_empty());
    }

    #[test]
    fn a_sole_office_alone_is_its_holder_on_the_day() {
        let on = |d| extract_on("The Pope received President Joe Biden at the Vatican.", d).events.iter().flat_map(|e| e.participants.iter().map(|r| r.name.clone())).collect::<Vec<_>>();
        assert!(on((2021, 10, 29)).contains(&"Pope Francis".to_string()));
        assert!(on((2025, 6, 1)).contains(&"Pope Leo XIV".to_string()));
    }
}
