//! Titles that stand for several countries' holders, and a country's leader: "U.S. and
//! Russian leaders", "the foreign ministers of Japan and South Korea", 中美元首, 中美两国领导人.
//!
//! Input: the page's mentions after `attach_roles` (titles, countries, demonyms and
//! country abbreviations before titles) and the gazetteer's time-valid roles. Output: the
//! holder a title stands for in one country (`title_holder`), and the items of the other
//! countries a plural English title lists before or after it.
//!
//! **Invariant**: nothing is guessed. A holder comes from the page (a title next to a
//! name) or from the gazetteer on the article's date; a leader (`leader-titles`) is the
//! country's one head of state or head of government then, or, where it has both, the one
//! of them the page names; with none of these the country adds no item. A list is read
//! only in English, only before a plural title, and only of adjectives (demonyms, "U.S."):
//! "talks between Israel and Palestinian leaders" names no Israeli leader.

use super::*;

/// The role kinds (gazetteers/roles.jsonl) of a country's leader.
const LEADER_KINDS: [&str; 2] = ["head-of-state", "head-of-government"];

/// Words between the countries of a list ("U.S. and Russian", "Japan, South Korea and the
/// United States").
fn country_list_gap(gap: &str) -> bool {
    matches!(gap, " and " | ", " | ", and " | " and the " | ", and the ")
}

impl<'a> Page<'a> {
    /// The holder of title `role` (at mention `i`) for `country` on the date at `near`:
    /// as the page or the gazetteer gives it; else, for a head of state or government, the
    /// holder of the one title of that kind there (中国元首: its president); else, for a
    /// title naming a leader (`leader-titles`), the country's leader.
    pub(super) fn title_holder(
        &self,
        i: usize,
        role: usize,
        country: usize,
        near: usize,
    ) -> Option<EntityKey> {
        if let Some(k) = self.person_with_role(role, country, near) {
            return Some(k);
        }
        if self.p.gazetteer.entry(role).kind.as_deref().is_some_and(|k| LEADER_KINDS.contains(&k))
            && let Some(k) = self.holder_of_same_kind(role, country, near)
        {
            return Some(k);
        }
        let m = &self.mentions[i];
        let text = self.ns(m.start, m.end);
        if !self.p.lists.context.leader_titles.iter().any(|w| w.eq_ignore_ascii_case(text)) {
            return None;
        }
        let english_singular = self.chars[m.start].is_ascii_alphabetic() && !self.plural_title(m.start, m.end, role);
        if english_singular || self.in_country_list(i) { self.leader_of(country, near) } else { None }
    }

    /// Whether `k` is a listed person whose listed offices on the date at `near` are known
    /// and none is a head of state's or government's ("两国领导人" after two ministers).
    pub(super) fn known_no_leader(&self, k: &EntityKey, near: usize) -> bool {
        let EntityKey::Known(p) = k else { return false };
        let g = &self.p.gazetteer;
        let Some(date) = self.sections[self.lines[self.line_at(near)].section].anchor else { return false };
        let mut held = g.entry(*p).roles.iter().filter(|r| r.held_on(Some(date))).peekable();
        let leads = |id: &str| g.index_of(EntityType::Role, id).is_some_and(|i| g.entry(i).kind.as_deref().is_some_and(|kd| LEADER_KINDS.contains(&kd)));
        held.peek().is_some() && !held.any(|r| leads(&r.role))
    }

    /// A country's leader on the date at `near`: its one head of state or head of
    /// government, or, where both are known, the one of them the page names.
    fn leader_of(&self, country: usize, near: usize) -> Option<EntityKey> {
        let mut found = self.holders_of_kinds(&LEADER_KINDS, None, country, near);
        if found.len() > 1 {
            found.retain(|k| {
                self.mentions
                    .iter()
                    .any(|m| matches!(&m.kind, Mk::Ent(x, EntityType::Person) if x == k))
            });
        }
        if found.len() == 1 { found.pop() } else { None }
    }

    /// Whether only spaces, or a word counting the countries (`country-count-words`:
    /// 中美两国元首), stand between `end` and `start`.
    pub(super) fn count_gap(&self, end: usize, start: usize) -> bool {
        if end > start {
            return false;
        }
        let gap = self.ns(end, start);
        gap.chars().all(|c| c == ' ')
            || self.p.lists.context.country_counts.iter().any(|w| w == gap)
    }

    /// "U.S. and Russian leaders", "the Chinese, Japanese and Korean foreign ministers":
    /// the items of the countries listed before the one right before plural title `i`
    /// (that one is `role_item`'s), in text order.
    pub(super) fn countries_listed_before(&self, i: usize, role: usize) -> Vec<Item> {
        let mut out = Vec::new();
        if !self.plural_english_title(i) || i < 2 || self.country_before(i).is_none() {
            return out;
        }
        let mut j = i - 1;
        while j > 0 {
            let (a, b) = (&self.mentions[j - 1], &self.mentions[j]);
            if !country_list_gap(self.ns(a.end, b.start)) {
                break;
            }
            let Some(country) = self.adjective_country(a) else {
                break;
            };
            out.extend(self.listed_item(i, role, country, a));
            j -= 1;
        }
        out.reverse();
        out
    }

    /// "the foreign ministers of Japan and South Korea": the items of the countries listed
    /// after the first one (`role_item`'s, ending at `first_end`) after plural title `i`.
    pub(super) fn countries_listed_after(
        &self,
        i: usize,
        role: usize,
        first_end: usize,
    ) -> Vec<Item> {
        let mut out = Vec::new();
        if !self.plural_english_title(i) {
            return out;
        }
        let Some(mut j) = (i + 1..self.mentions.len()).find(|&j| self.mentions[j].end == first_end)
        else {
            return out;
        };
        while let Some(b) = self.mentions.get(j + 1) {
            let gap = self.ns(self.mentions[j].end, b.start);
            if !country_list_gap(gap) {
                break;
            }
            let Mk::Ent(EntityKey::Known(country), EntityType::Place) = b.kind else {
                break;
            };
            if self.p.gazetteer.entry(country).place_kind != Some(PlaceKind::Country) {
                break;
            }
            out.extend(self.listed_item(i, role, country, b));
            if gap.starts_with(" and") || gap.starts_with(", and") {
                break;
            }
            j += 1;
        }
        out
    }

    /// 中国和俄罗斯的外长, 中国和俄罗斯两国外长: the mentions of the two or more countries
    /// (at most six) joined by a mark of `zh-list-join-marks` or 、 right before Chinese
    /// title `i`, the last with nothing, 的, or a word of `country-count-words` between it
    /// and the title, no name after the title and no locative before the first; in text
    /// order, empty when there is no such list.
    fn zh_countries_listed_before(&self, i: usize) -> Vec<usize> {
        let ms = &self.mentions;
        if i < 2 || !is_han(self.norm[ms[i].start]) {
            return Vec::new();
        }
        let country = |a: &M| matches!(a.kind, Mk::Ent(EntityKey::Known(c), EntityType::Place) if self.p.gazetteer.entry(c).place_kind == Some(PlaceKind::Country));
        let gap = self.ns(ms[i - 1].end, ms[i].start);
        let gap = gap.strip_suffix('的').unwrap_or(gap);
        if !country(&ms[i - 1]) || !(gap.is_empty() || self.p.lists.context.country_counts.iter().any(|w| w == gap)) {
            return Vec::new();
        }
        let mut found = vec![i - 1];
        let mut j = i - 1;
        while j > 0 && found.len() < 6 {
            let mut g = self.ns(ms[j - 1].end, ms[j].start).chars();
            let joined = matches!((g.next(), g.next()), (Some(c), None) if c == '、' || self.p.lists.list_join_marks.contains(c));
            if !joined || !country(&ms[j - 1]) {
                break;
            }
            found.push(j - 1);
            j -= 1;
        }
        // Not a title with its holder's name after it (与中国外长王毅), nor a list whose first
        // country is a place the clause is in (在老挝与中国外长…: `zh-locatives`).
        let named = ms.get(i + 1).is_some_and(|n| n.start == ms[i].end && matches!(n.kind, Mk::Ent(_, EntityType::Person)));
        let first = ms[found[found.len() - 1]].start;
        let located = self.p.lists.zh_locatives.iter().any(|w| self.ns(first.saturating_sub(w.chars().count()), first) == w.as_str());
        if found.len() < 2 || named || located {
            return Vec::new();
        }
        found.reverse();
        found
    }

    /// The items of [`Page::zh_countries_listed_before`] title `i` (of role `role`).
    pub(super) fn zh_listed_items(&self, i: usize, role: usize) -> Vec<Item> {
        self.zh_countries_listed_before(i)
            .into_iter()
            .filter_map(|j| {
                let m = &self.mentions[j];
                let Mk::Ent(EntityKey::Known(c), _) = m.kind else { return None };
                self.listed_item(i, role, c, m)
            })
            .collect()
    }

    /// The item of one listed country, at its mention `m`: its holder of title `role` (at
    /// mention `i`), or the office itself as `role_item` has it.
    fn listed_item(&self, i: usize, role: usize, country: usize, m: &M) -> Option<Item> {
        let key = self.title_holder(i, role, country, m.start).or_else(|| {
            self.p
                .lists
                .holder_roles
                .contains(&self.p.gazetteer.entry(role).id)
                .then_some(EntityKey::Holder(role, country))
        })?;
        Some(Item { start: m.start, end: m.end, key })
    }

    /// Whether title mention `i` is English and plural ("leaders", "foreign ministers").
    pub(super) fn plural_english_title(&self, i: usize) -> bool {
        let m = &self.mentions[i];
        matches!(m.kind, Mk::Ent(EntityKey::Known(role), EntityType::Role) if self.plural_title(m.start, m.end, role))
    }

    /// Whether the English title `start..end` of role entry `role` is a plural: it ends in
    /// "s" and without it is a name of the role ("Foreign Ministers"; not "Minister for
    /// Foreign Affairs").
    pub(super) fn plural_title(&self, start: usize, end: usize, role: usize) -> bool {
        if end <= start
            || !self.chars[start].is_ascii_alphabetic()
            || self.norm[end - 1].to_ascii_lowercase() != 's'
        {
            return false;
        }
        let one = self.ns(start, end - 1);
        let e = self.p.gazetteer.entry(role);
        std::iter::once(&e.en)
            .chain(&e.aliases)
            .any(|n| n.eq_ignore_ascii_case(one))
    }

    /// Whether title mention `i` names the holders of several countries: after two
    /// country abbreviations (中美领导人, 中美两国领导人), after a list of English adjectives
    /// ("U.S. and Russian leaders"), or before a list of countries ("the leaders of Japan
    /// and South Korea"). A country's leader is read only so, or as the English singular
    /// ("the North Korean leader"): 越南领导人 may be several people.
    fn in_country_list(&self, i: usize) -> bool {
        let ms = &self.mentions;
        let abbrs = i >= 2
            && matches!(ms[i - 1].kind, Mk::Abbr(_))
            && matches!(ms[i - 2].kind, Mk::Abbr(_))
            && ms[i - 2].end == ms[i - 1].start;
        let joined = |a: &M, b: &M| country_list_gap(self.ns(a.end, b.start));
        let before = self.plural_english_title(i)
            && i >= 2
            && joined(&ms[i - 2], &ms[i - 1])
            && self.adjective_country(&ms[i - 2]).is_some();
        let after = self.plural_english_title(i)
            && i + 2 < ms.len()
            && matches!(self.ns(ms[i].end, ms[i + 1].start), " of " | " of the ")
            && matches!(
                ms[i + 1].kind,
                Mk::Ent(EntityKey::Known(_), EntityType::Place)
            )
            && country_list_gap(self.ns(ms[i + 1].end, ms[i + 2].start))
            && matches!(
                ms[i + 2].kind,
                Mk::Ent(EntityKey::Known(_), EntityType::Place)
            );
        abbrs || before || after
    }

    /// The country of a mention used as an adjective before a title: a demonym
    /// ("Russian"), or a country's abbreviation written with full stops or in capitals
    /// ("U.S.", "UK"); a country's name ("Israel") is a party of its own.
    fn adjective_country(&self, a: &M) -> Option<usize> {
        match a.kind {
            Mk::Demonym(c) => Some(c),
            Mk::Ent(EntityKey::Known(c), EntityType::Place) => {
                let text = self.ns(a.start, a.end);
                let short = text.contains('.')
                    || (text.len() <= 3 && text.chars().all(|c| c.is_ascii_uppercase()));
                (short && self.p.gazetteer.entry(c).place_kind == Some(PlaceKind::Country))
                    .then_some(c)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    fn meetings(text: &str, date: (i32, u32, u32)) -> Vec<Vec<String>> {
        let x = super::super::tests::extract_on(text, date);
        x.events
            .iter()
            .map(|e| e.participants.iter().map(|p| p.name.clone()).collect())
            .collect()
    }

    #[test]
    fn a_plural_title_after_a_list_of_adjectives_is_each_countrys_holder() {
        assert_eq!(
            meetings(
                "The Chinese and Japanese foreign ministers met on the sidelines of the summit.",
                (2018, 6, 29)
            ),
            [["Wang Yi", "Taro Kono"]]
        );
        assert_eq!(
            meetings(
                "Japanese, South Korean and Chinese foreign ministers held a trilateral meeting in Busan.",
                (2018, 6, 29)
            ),
            [["Taro Kono", "Kang Kyung-wha", "Wang Yi"]]
        );
        // A country's name is a party of its own, not an adjective of the title.
        assert!(
            meetings(
                "Talks between Israel and Palestinian leaders resumed in Cairo on Monday.",
                (2018, 6, 29)
            )
            .is_empty()
        );
    }

    #[test]
    fn a_plural_title_before_a_list_of_countries_is_each_countrys_holder() {
        assert_eq!(
            meetings(
                "The defense ministers of the United States, Japan and Australia met in Singapore.",
                (2018, 6, 2)
            ),
            [["Jim Mattis", "Itsunori Onodera", "Marise Payne"]]
        );
    }

    #[test]
    fn a_leader_is_the_one_head_of_state_or_government_or_the_one_the_page_names() {
        // Russia has both a president and a prime minister: the page says which.
        assert!(
            meetings(
                "U.S. and Russian leaders have agreed to meet July 16 in Helsinki.",
                (2018, 6, 29)
            )
            .is_empty()
        );
        assert_eq!(
            meetings(
                "Vladimir Putin spoke on Monday. U.S. and Russian leaders have agreed to meet July 16 in Helsinki.",
                (2018, 6, 29)
            ),
            [["Donald Trump", "Vladimir Putin"]]
        );
        // 越南领导人 may be several people: one country's 领导人 stands for no one.
        assert!(
            meetings(
                "越南总理阮春福发表讲话。克里在河内会见了越南领导人。",
                (2017, 1, 13)
            )
            .is_empty()
        );
    }

    #[test]
    fn head_of_state_abbreviations_are_each_countrys_head_of_state() {
        assert_eq!(
            meetings("中美元首在旧金山举行会晤。", (2023, 11, 16)),
            [["Xi Jinping", "Joe Biden"]]
        );
        assert_eq!(
            meetings("中俄两国元首在莫斯科举行会谈。", (2023, 3, 21)),
            [["Xi Jinping", "Vladimir Putin"]]
        );
        // Without the countries, 两国元首 is the pair named before.
        assert_eq!(
            meetings(
                "习近平同普京通电话。两天后，两国元首在喀山举行会晤。",
                (2024, 10, 20)
            ),
            [["Xi Jinping", "Vladimir Putin"]]
        );
    }
}
