//! Titles split from what swallowed their start: a place or a body matched with the
//! first characters of a title (江苏省委书记, 美国财政部长).
//!
//! Input: the page's gazetteer mentions. Output: the same mentions, a place or body cut
//! back where the title starts, the title as its own mention.
//!
//! **Invariant**: mentions stay sorted and disjoint; each keeps the rule behind it.

use super::*;

impl<'a> Page<'a> {
    /// A body's name that swallowed the start of a title (美国财政部长: the body 美国财政部,
    /// then 长; 美国国防部长): the title wins from where it starts to where it ends, and
    /// what stands before it is read again (美国: a place).
    #[inline(never)]
    pub(super) fn split_body_titles(&mut self) {
        let g = &self.p.gazetteer;
        let mut fixes: Vec<(usize, usize, usize, usize)> = Vec::new(); // body start, role start, role end, role entry
        for m in self.mentions.iter() {
            if !matches!(m.kind, Mk::Ent(EntityKey::Known(_), EntityType::Organization)) || !is_han(self.norm[m.start]) || m.end >= self.norm.len() || !is_han(self.norm[m.end]) {
                continue;
            }
            let from = m.end.saturating_sub(4).max(m.start + 1);
            let to = (m.end + 4).min(self.norm.len());
            let window = self.ns(from, to);
            let best = self
                .p
                .matcher
                .find(&window, &self.norm[from..to], &self.chars[from..to])
                .into_iter()
                .filter(|h| from + h.end > m.end && from + h.start > m.start && from + h.start < m.end && from + h.start + 3 >= m.end)
                .filter_map(|h| {
                    h.targets.iter().find_map(|t| match t {
                        Target::Name(i) if g.entry(*i).etype == EntityType::Role => Some((from + h.start, from + h.end, *i)),
                        _ => None,
                    })
                })
                .min_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
            if let Some((rs, re, role)) = best
                && self.mentions.next_start(m.end, re).is_none()
                && self.mentions.starting(m.end).is_none()
            {
                fixes.push((m.start, rs, re, role));
            }
        }
        if fixes.is_empty() {
            return;
        }
        for &(bs, rs, re, role) in &fixes {
            self.mentions.retain(|o| !(o.start == bs));
            // What stands before the title: a place or a body when the lists know it whole.
            let prefix = self.ns(bs, rs).to_string();
            let hit = self
                .p
                .matcher
                .find(&prefix, &self.norm[bs..rs], &self.chars[bs..rs])
                .into_iter()
                .find(|h| h.start == 0 && bs + h.end == rs)
                .and_then(|h| h.targets.iter().find_map(|t| match t {
                    Target::Name(i) if matches!(g.entry(*i).etype, EntityType::Place | EntityType::Organization) => Some(*i),
                    _ => None,
                }));
            if let Some(i) = hit {
                let rule = self.p.entry_rules[i].clone();
                self.mentions.push(M { start: bs, end: rs, kind: Mk::Ent(EntityKey::Known(i), g.entry(i).etype), rule });
            }
            let rule = self.p.entry_rules[role].clone();
            self.mentions.push(M { start: rs, end: re, kind: Mk::Ent(EntityKey::Known(role), EntityType::Role), rule });
        }
        self.sort_mentions();
    }

    /// A place name that swallowed the first character of a title (江苏省委书记, 台北市長,
    /// 東京都知事): the title wins that character, the place keeps the rest.
    #[inline(never)]
    pub(super) fn split_place_titles(&mut self) {
        let g = &self.p.gazetteer;
        let mut fixes: Vec<(usize, usize, usize, usize)> = Vec::new(); // place index, new end, role end, role entry
        for (k, m) in self.mentions.iter().enumerate() {
            if !matches!(m.kind, Mk::Ent(EntityKey::Known(_), EntityType::Place)) || m.end - m.start < 3 {
                continue;
            }
            if !self.p.lists.place_ends_before_title.contains(self.norm[m.end - 1]) {
                continue;
            }
            let from = m.end - 1;
            let to = (from + 10).min(self.norm.len());
            let window = self.ns(from, to);
            let best = self
                .p
                .matcher
                .find(&window, &self.norm[from..to], &self.chars[from..to])
                .into_iter()
                .filter(|h| h.start == 0 && h.end > 1)
                .filter_map(|h| {
                    h.targets.iter().find_map(|t| match t {
                        Target::Name(i) if g.entry(*i).etype == EntityType::Role => Some((h.end, *i)),
                        _ => None,
                    })
                })
                .max_by_key(|(e, _)| *e);
            if let Some((len, role)) = best {
                fixes.push((k, from, from + len, role));
            }
        }
        if fixes.is_empty() {
            return;
        }
        // Mentions by start (they do not overlap: starts are unique), so that each fix,
        // last first, touches only the mentions where it is.
        let places: Vec<usize> = fixes.iter().map(|f| self.mentions[f.0].start).collect();
        let mut by_start: BTreeMap<usize, M> = self.mentions.take().into_iter().map(|m| (m.start, m)).collect();
        for (&(_, new_end, role_end, role), &place) in fixes.iter().zip(&places).rev() {
            let from = new_end;
            let inside: Vec<usize> = by_start.range(from + 1..role_end).filter(|(_, o)| o.end <= role_end).map(|(&s, _)| s).collect();
            for s in inside {
                by_start.remove(&s);
            }
            if let Some(m) = by_start.get_mut(&place)
                && m.end == new_end + 1
            {
                m.end = new_end;
            }
            let rule = self.p.entry_rules[role].clone();
            by_start.insert(from, M { start: from, end: role_end, kind: Mk::Ent(EntityKey::Known(role), EntityType::Role), rule });
        }
        self.mentions.replace(by_start.into_values().collect());
        self.sort_mentions();
    }
}
