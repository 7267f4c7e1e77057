//! Holders: who holds a title the page names without a name.
//!
//! Input: a title's role entry, a country, a position (its section's article date) and
//! the page's `roles_at`. Output: the holder as the page itself says (a title next to a
//! name, nearest first), else the gazetteer's one holder on the article's date; a title
//! of the same kind (中俄总理: China's premier); the last holder before the date for a
//! former title (`en-former-words`, `zh-former-words`); the person last named who held
//! it ("the former president met …").
//!
//! **Invariant**: the gazetteer names a holder only when exactly one person holds the
//! title on the article's date; an article with no date gets none from it.

use super::*;

impl<'a> Page<'a> {
    /// The one holder, in `country` on the date at `near`, of a title of the same kind as
    /// `role` (中俄总理: China's head of government is its premier, not a prime minister).
    pub(super) fn holder_of_same_kind(&self, role: usize, country: usize, near: usize) -> Option<EntityKey> {
        let kind = self.p.gazetteer.entry(role).kind.as_deref()?;
        let mut found = self.holders_of_kinds(&[kind], Some(role), country, near);
        if found.len() == 1 { found.pop() } else { None }
    }

    /// The different people who hold, in `country` on the date at `near`, a title of one of
    /// `kinds` (other than `except`), as `person_with_role` finds them.
    pub(super) fn holders_of_kinds(&self, kinds: &[&str], except: Option<usize>, country: usize, near: usize) -> Vec<EntityKey> {
        let mut found: Vec<EntityKey> = Vec::new();
        for &r in kinds.iter().filter_map(|k| self.p.roles_by_kind.get(*k)).flatten() {
            if Some(r) != except
                && let Some(k) = self.person_with_role(r, country, near).filter(|k| !found.contains(k))
            {
                found.push(k);
            }
        }
        found
    }

    /// "The former president met with …" after "Mr Obama visited …": after "the former"
    /// (`en-former-words`), an English title with no country is the last person named
    /// before (among the last 12) whom the gazetteer gives that title at some time; after
    /// "the" alone, a title of its kind on the article's date ("the premier had met …");
    /// so too a Chinese title before an honorific of address (总统先生), among the people
    /// named in an earlier sentence.
    pub(super) fn holder_named_before(&self, m: &M, role: usize, items: &[Item]) -> Option<Item> {
        let before = self.ns(m.start.saturating_sub(24), m.start);
        let before = before.strip_suffix(' ').unwrap_or(before);
        let former = self.p.lists.context.en_former.iter().any(|w| before.strip_suffix(w.as_str()).and_then(|b| b.strip_suffix(' ')).is_some_and(|b| b.ends_with("the")));
        // "Talk of Netanyahu's plans began once the premier had met Weizman": right
        // after "the", the last person named before whom the gazetteer gives a title of the
        // same kind on the article's date.
        // Not inside another's title or body ("Special Envoy of the Secretary-General").
        // (Opening the text, a sentence or a paragraph: "\n\nThe Chairperson was received";
        // a word of `en-anaphor-modifiers` may follow "the": "the visiting minister".)
        let ctx = &self.p.lists.context;
        let core = ctx.en_anaphor_modifiers.iter().find_map(|w| before.strip_suffix(w.as_str()).and_then(|b| b.strip_suffix(' '))).unwrap_or(before);
        let after_the = core.strip_suffix("the").is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace));
        let current = !former && after_the && !core.ends_with(" of the") && !core.ends_with(" for the") && !core.ends_with(" to the");
        // "the former president of the club": someone else's title.
        let of = self.ns(m.end, (m.end + 4).min(self.norm.len())) == " of ";
        let english = (former || current) && !of && self.chars[m.start].is_ascii_alphabetic();
        // 我同总统先生在塔洛会谈: a Chinese title before an honorific of address
        // (`zh-address-honorifics`) is, as "the premier", the last person named before who
        // holds a title of its kind on the article's date.
        let addressed = is_han(self.norm[m.start]) && self.p.lists.context.zh_address.iter().any(|h| self.ns(m.end, (m.end + h.chars().count()).min(self.norm.len())) == h.as_str());
        if !english && !addressed {
            return None;
        }
        let former = former && english;
        let g = &self.p.gazetteer;
        let id = &g.entry(role).id;
        let date = self.sections[self.lines[self.line_at(m.start)].section].anchor;
        let kind = g.entry(role).kind.as_deref();
        let same_kind = |r: &str| kind.is_some() && g.index_of(EntityType::Role, r).is_some_and(|x| g.entry(x).kind.as_deref() == kind);
        let holds = |p: usize| {
            g.entry(p).roles.iter().any(|r| if former { r.role == *id } else { date.is_some() && r.held_on(date) && (r.role == *id || same_kind(&r.role)) })
        };
        // One addressed so is someone else than the speaker: named in an earlier sentence.
        let before_sentence = if addressed && !english { self.sentence_start(m.start) } else { usize::MAX };
        let it = items.iter().rev().filter(|it| it.start < before_sentence).take(12).find(|it| matches!(&it.key, EntityKey::Known(p) if holds(*p)))?;
        Some(Item { start: m.start, end: m.end, key: it.key.clone() })
    }

    /// Whether a word of `en-former-words` stands among the last three words before the
    /// title at `title` (from twelve characters before its country at `start` on), or
    /// one of `zh-former-words` right before the country or between it and the title
    /// (前哈萨克斯坦总统, 哈萨克斯坦前总统).
    pub(super) fn former_title(&self, start: usize, title: usize) -> bool {
        let ctx = &self.p.lists.context;
        if is_han(self.norm[title]) {
            let before = self.ns(start.saturating_sub(1), title);
            return ctx.zh_former.iter().any(|w| before.contains(w.as_str()));
        }
        let before = self.ns(start.saturating_sub(12), title);
        before.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).rev().take(3).any(|w| ctx.en_former.iter().any(|f| f == w))
    }

    /// Who held `role` for `country` last before the article's date at `near` (and
    /// does not hold it on that date), when the gazetteer knows.
    pub(super) fn former_holder(&self, role: usize, country: usize, near: usize) -> Option<EntityKey> {
        let g = &self.p.gazetteer;
        let date = self.sections[self.lines[self.line_at(near)].section].anchor?;
        let terms = self.p.role_holders.get(&g.entry(role).id)?.get(&g.entry(country).id)?;
        let holds_now = |i: usize| terms.iter().any(|&(j, k)| j == i && g.entry(j).roles[k].held_on(Some(date)));
        terms
            .iter()
            .filter_map(|&(i, k)| g.entry(i).roles[k].to.filter(|&t| t < date).map(|t| (t, i)))
            .filter(|&(_, i)| !holds_now(i))
            .max()
            .map(|(_, i)| EntityKey::Known(i))
    }

    /// The person holding a role for a country: first as the page itself says
    /// (a title next to a name), else the gazetteer's holder on the article's date.
    pub(super) fn person_with_role(&self, role: usize, country: usize, near: usize) -> Option<EntityKey> {
        // The nearest such mention (of two as near, the earlier): a binary search.
        if let Some(list) = self.roles_at.get(&(role, country)) {
            let k = list.partition_point(|&mi| self.mentions[mi].start < near);
            let d = |j: usize| self.mentions[list[j]].start.abs_diff(near);
            let j = match (k.checked_sub(1), (k < list.len()).then_some(k)) {
                (Some(a), Some(b)) => if d(b) < d(a) { b } else { a },
                (Some(a), None) => a,
                (None, Some(b)) => b,
                (None, None) => unreachable!("a listed role has a mention"),
            };
            if let Mk::Ent(k, _) = &self.mentions[list[j]].kind {
                return Some(k.clone());
            }
        }
        let g = &self.p.gazetteer;
        let role_id = &g.entry(role).id;
        let country_id = &g.entry(country).id;
        let date = self.sections[self.lines[self.line_at(near)].section].anchor;
        let terms = self.p.role_holders.get(role_id).and_then(|by_country| by_country.get(country_id));
        let mut holders: Vec<usize> =
            terms.into_iter().flatten().filter(|&&(i, k)| g.entry(i).roles[k].held_on(date)).map(|&(i, _)| i).collect();
        holders.dedup();
        (holders.len() == 1 && date.is_some()).then(|| EntityKey::Known(holders[0]))
    }
}
