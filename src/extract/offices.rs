//! Offices named without a title mention of their own: "the governor of Brazil's central
//! bank", "the head of the Russian central bank" (a head word, a country and a body:
//! `en-body-heads`, `en-body-roles`), "the Pope" (an office one person holds in the
//! world: `sole-offices`), and "his Iranian counterpart" (the subject's office abroad:
//! `counterpart-roles`).
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
        // Before: "<head> of " or "<head> of the " (the normalised text is in lower case).
        let lo = m.start.saturating_sub(WINDOW);
        let before = self.ns(lo, m.start);
        let rest = before.strip_suffix("of the ").or_else(|| before.strip_suffix("of "))?;
        let head = lists.body_heads.iter().find(|h| {
            rest.strip_suffix(' ').and_then(|r| r.strip_suffix(h.as_str())).is_some_and(|b| b.is_empty() || b.ends_with(' '))
        })?;
        let start = m.start - (before.chars().count() - rest.chars().count()) - head.chars().count() - 1;
        // After: "'s <body>" for a country, " <body>" for a demonym.
        let hi = (m.end + WINDOW).min(self.norm.len());
        let window = self.ns(m.end, hi);
        let after = match m.kind {
            Mk::Demonym(_) => window.strip_prefix(' ')?,
            _ => window.strip_prefix("'s ").or_else(|| window.strip_prefix("’s "))?,
        };
        let (body, role) = lists
            .body_roles
            .iter()
            .filter(|(b, _)| after.strip_prefix(b.as_str()).is_some_and(|r| !r.starts_with(|ch: char| ch.is_alphanumeric())))
            .max_by_key(|(b, _)| b.len())?;
        let role = self.p.gazetteer.index_of(EntityType::Role, role)?;
        let end = m.end + (window.chars().count() - after.chars().count()) + body.chars().count();
        Some((start, end, role))
    }

    /// The body office `role` is held in when one person holds it in the world
    /// (`sole-offices`: "the Pope" alone is the holder on the article's date).
    pub(super) fn sole_office(&self, role: usize) -> Option<usize> {
        let id = &self.p.gazetteer.entry(role).id;
        let (_, body) = self.p.lists.context.sole_offices.iter().find(|(r, _)| r == id)?;
        self.p.gazetteer.index_of(EntityType::Place, body).or_else(|| self.p.gazetteer.index_of(EntityType::Organization, body))
    }

    /// "his Iranian counterpart" at country mention `i` (`c` its country) with no name
    /// after it: the holder, on the section's date, of the office the sentence's subject
    /// holds, in that country (`counterpart-roles` maps offices of other names); the
    /// office itself when the subject's title gives it, one person holds it and the
    /// gazetteer knows no holder. The counterpart noun's end and the participant.
    pub(super) fn counterpart(&self, i: usize, c: usize, items: &[Item], last_person: Option<&EntityKey>) -> Option<(usize, EntityKey)> {
        self.counterpart_office(i, c, items, last_person, false)
    }

    /// "his Peruvian counterpart Ilse Marr": the office (no list knows its holder) and
    /// the person the page names right after the counterpart noun.
    pub(super) fn named_counterpart(&self, i: usize, c: usize, items: &[Item], last_person: Option<&EntityKey>) -> Option<((usize, usize), EntityKey)> {
        let end = self.counterpart_noun_end(&self.mentions[i])?;
        let Mk::Ent(person, EntityType::Person) = &self.named_after_counterpart(i, end)?.kind else { return None };
        match self.counterpart_office(i, c, items, last_person, true)? {
            (_, EntityKey::Holder(role, country)) => Some(((role, country), person.clone())),
            _ => None,
        }
    }

    /// [`Page::counterpart`]; with `named`, also where a name follows the noun.
    fn counterpart_office(&self, i: usize, c: usize, items: &[Item], last_person: Option<&EntityKey>, named: bool) -> Option<(usize, EntityKey)> {
        let lists = &self.p.lists;
        let m = &self.mentions[i];
        let end = self.counterpart_noun_end(m)?;
        // A possessive right before the country.
        let before = self.ns(m.start.saturating_sub(5), m.start);
        if !lists.counterpart_possessives.iter().any(|p| {
            before.strip_suffix(' ').and_then(|b| b.strip_suffix(p.as_str())).is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
        }) {
            return None;
        }
        // A name or a title after the noun names the counterpart ("his Czech counterpart,
        // Petr Pavel", "his UK counterpart, Secretary of State for Defence, John Healey").
        if !named && self.named_after_counterpart(i, end).is_some_and(|next| matches!(next.kind, Mk::Ent(_, EntityType::Person | EntityType::Role))) {
            return None;
        }
        // The subject: the first person of the sentence, else the last one named.
        let sentence_start = self.sentence_start(m.start);
        let first = items.partition_point(|it| it.start < sentence_start);
        let subject = items[first..].iter().find(|it| it.end <= m.start).map(|it| &it.key).or(last_person)?;
        let subject_item = items[first..].iter().find(|it| it.end <= m.start && it.key == *subject);
        // The subject's offices: the title right before its name, else the gazetteer's
        // offices of one holder at a time on the date.
        let date = self.sections[self.lines[self.line_at(m.start)].section].anchor;
        let titled = subject_item.and_then(|it| {
            let r = self.mentions.ending(it.start).or_else(|| it.start.checked_sub(1).and_then(|s| self.mentions.ending(s)))?;
            let gap = self.ns(r.end, it.start);
            match r.kind {
                Mk::Ent(EntityKey::Known(role), EntityType::Role) if gap.trim().is_empty() => Some(role),
                _ => None,
            }
        });
        let g = &self.p.gazetteer;
        let offices: Vec<usize> = match (titled, subject) {
            (Some(role), _) => vec![role],
            (None, EntityKey::Known(p)) => g
                .entry(*p)
                .roles
                .iter()
                .filter(|r| r.held_on(date) && date.is_some() && lists.holder_roles.contains(&r.role))
                .filter_map(|r| g.index_of(EntityType::Role, &r.role))
                .collect(),
            // "Chile's foreign minister and his Peruvian counterpart": an office whose
            // holder no list knows.
            (None, EntityKey::Holder(role, _)) => vec![*role],
            _ => return None,
        };
        let mut found: Vec<EntityKey> = Vec::new();
        for office in &offices {
            for &role in self.p.counterpart_roles.get(office).map(Vec::as_slice).unwrap_or(&[]) {
                if let Some(k) = self.person_with_role(role, c, m.start).filter(|k| k != subject)
                    && !found.contains(&k)
                {
                    found.push(k);
                    break;
                }
            }
        }
        match (found.len(), titled) {
            (1, _) => found.pop().map(|k| (end, k)),
            // No holder known, but the page named this counterpart before: that person.
            (0, _) if let Some(k) = self.counterpart_named_before(i, c) => Some((end, k)),
            // No holder known: the office itself, named as the subject's title names it.
            (0, Some(role)) => {
                lists.holder_roles.contains(&g.entry(role).id).then_some((end, EntityKey::Holder(role, c)))
            }
            // … or as the subject's one office on the date gives it ("Liz Truss hosted her
            // Irish counterpart": the prime minister of Ireland).
            (0, None) if offices.len() == 1 => Some((end, EntityKey::Holder(offices[0], c))),
            _ => None,
        }
    }

    /// The person an earlier counterpart phrase of the page's for country `c` named
    /// ("his Iranian counterpart, Hossein Amir-Abdollahian"), looking back over at most
    /// 200 mentions before mention `i` (work stays linear).
    fn counterpart_named_before(&self, i: usize, c: usize) -> Option<EntityKey> {
        (i.saturating_sub(200)..i).rev().find_map(|j| {
            let m = &self.mentions[j];
            if !matches!(m.kind, Mk::Demonym(x) | Mk::Ent(EntityKey::Known(x), EntityType::Place) if x == c) {
                return None;
            }
            match &self.named_after_counterpart(j, self.counterpart_noun_end(m)?)?.kind {
                Mk::Ent(k, EntityType::Person) => Some(k.clone()),
                _ => None,
            }
        })
    }

    /// Where a counterpart noun (`en-counterpart-words`) right after country mention `m`
    /// ends: one space, then the noun as a whole word.
    fn counterpart_noun_end(&self, m: &M) -> Option<usize> {
        let n = self.norm.len();
        if m.end >= n || self.norm[m.end] != ' ' {
            return None;
        }
        let end = (m.end + 1..n).find(|&j| !self.norm[j].is_alphabetic()).unwrap_or(n);
        self.p.lists.counterpart_words.iter().any(|w| *w == self.ns(m.end + 1, end)).then_some(end)
    }

    /// The mention right after the counterpart noun of country mention `i` (ending at
    /// `end`), a space or a comma between: the name or title that names the counterpart.
    /// A person's name may open with up to two capitalised words no list holds ("his
    /// Indian counterpart Shri Manmohan Singh").
    fn named_after_counterpart(&self, i: usize, end: usize) -> Option<&M> {
        let next = self.mentions.get(i + 1).filter(|next| next.start >= end)?;
        if next.start <= end + 2 && self.norm[end..next.start].iter().all(|c| matches!(c, ' ' | ',')) {
            return Some(next);
        }
        let gap = &self.chars[end..next.start];
        let words: Vec<&[char]> = gap.split(|&c| c == ' ').filter(|w| !w.is_empty()).collect();
        let opens_name = matches!(next.kind, Mk::Ent(_, EntityType::Person))
            && gap.len() <= 24
            && gap.first() == Some(&' ')
            && gap.last() == Some(&' ')
            && (1..=2).contains(&words.len())
            && words.iter().all(|w| w[0].is_uppercase() && w.iter().all(|&c| c.is_alphabetic() || c == '.'));
        opens_name.then_some(next)
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
