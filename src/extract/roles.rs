//! People and roles: titles attached to the people next to them, and the items (people
//! as participants) the meeting shapes read.
//!
//! Input: the page's mentions and `groups` (delegations, src/extract/delegations.rs).
//! Output: `roles_at` (who holds which title for which country, as the page says) and
//! `items`: person mentions, pronouns and couples resolved to people, titles without a
//! name (a holder from the gazetteer, or the office itself for `holder-roles`; offices
//! named by their body, src/extract/offices.rs), delegations in place of the people
//! inside them.
//!
//! **Invariant**: `items` are sorted by position; each has an `EntityKey`.

use super::*;

/// The items read so far while `build_items` walks the mentions.
#[derive(Default)]
struct ItemsSoFar {
    items: Vec<Item>,
    last_person: Option<EntityKey>,
    /// Each English title (with the country or body right before it, and without) → the
    /// last person named right after it ("Deputy Secretary Sherman", "UN envoy Martin
    /// Vik"), for "the Deputy Secretary", "the UN envoy" later in the page.
    titled: Titled,
    /// A name of no list glossed by a listed one (马尔科·卢比奥(Marco Rubio)): that person
    /// wherever the page names it again (卢比奥 later, linked to the full name).
    glossed: HashMap<EntityKey, EntityKey>,
    /// Offices no list knows a holder of, and the person the page names holding one
    /// ("his Peruvian counterpart Ilse Marr"), for `name_offices`.
    offices: Vec<((usize, usize), EntityKey)>,
}

/// English titles → the last person named right after them, by (role, the country or
/// body right before the title).
type Titled = HashMap<(usize, Option<usize>), EntityKey>;

impl<'a> Page<'a> {
    /// One-character country abbreviations just before a title (俄总理, 美国务卿), as
    /// mentions: the mention stage's last finder.
    pub(super) fn find_country_abbreviations(&mut self) {
        let mut abbrs = Vec::new();
        for m in &self.mentions {
            if self.is_role(m) && m.start > 0 {
                // 中美两国元首: the abbreviations stand before a word counting them.
                let at = self
                    .p
                    .lists
                    .context
                    .country_counts
                    .iter()
                    .map(|w| w.chars().count())
                    .find(|&n| m.start > n && self.count_gap(m.start - n, m.start) && self.p.abbrs.contains_key(&self.norm[m.start - n - 1]))
                    .map_or(m.start, |n| m.start - n);
                let c = self.norm[at - 1];
                if self.mentions.ending(at).is_some() {
                    continue;
                }
                // 以外长身份出访: a capacity (`zh-capacity-words`), 以 no Israel.
                let after = self.ns(m.end, (m.end + 4).min(self.norm.len()));
                if self.p.lists.context.zh_capacity.iter().any(|w| after.starts_with(w.as_str())) {
                    continue;
                }
                if let Some(&i) = self.p.abbrs.get(&c) {
                    let mut run = vec![(at - 1, at, i)];
                    // 中俄总理, 中日韩外长: more countries' abbreviations before one title (at
                    // most four, each another country).
                    let mut seen = vec![i];
                    let mut p = at - 1;
                    while p > 0 && seen.len() < 4 && self.mentions.ending(p).is_none() {
                        let Some(&j) = self.p.abbrs.get(&self.norm[p - 1]).filter(|j| !seen.contains(j)) else { break };
                        run.push((p - 1, p, j));
                        seen.push(j);
                        p -= 1;
                    }
                    // 双方同意两国元首: the first is the end of a word with the character
                    // before it (同意, the segmenter's dictionary), no country.
                    let in_word = p > 0 && is_han(self.norm[p - 1]) && self.p.segmenter.get().has_word(self.ns(p - 1, p + 1));
                    if !in_word {
                        abbrs.extend(run);
                    }
                }
            }
        }
        for (s, e, i) in abbrs {
            self.push(s, e, Mk::Abbr(i), "gazetteer:abbr");
        }
        self.sort_mentions();
    }

    /// Titles next to names: the role, and the country before it (俄罗斯/Russian/俄).
    #[inline(never)]
    pub(super) fn attach_roles(&self) -> HashMap<(usize, usize), Vec<usize>> {
        let mut roles_at: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        let adjacent = |a: &M, b: &M, norm: &[char]| a.end <= b.start && norm[a.end..b.start].iter().all(|c| *c == ' ');
        for i in 0..self.mentions.len() {
            if !matches!(self.mentions[i].kind, Mk::Ent(_, EntityType::Person)) {
                continue;
            }
            let mut role = None;
            if i > 0 && self.is_role(&self.mentions[i - 1]) && adjacent(&self.mentions[i - 1], &self.mentions[i], &self.norm) {
                role = Some(i - 1);
            } else if i + 1 < self.mentions.len()
                && self.is_role(&self.mentions[i + 1])
                && self.mentions[i + 1].start == self.mentions[i].end
            {
                role = Some(i + 1);
            }
            if let Some(r) = role {
                let Mk::Ent(EntityKey::Known(role_entry), _) = self.mentions[r].kind else { continue };
                if let Some(country) = self.country_before(r) {
                    roles_at.entry((role_entry, country)).or_default().push(i);
                }
            }
        }
        roles_at
    }

    /// The country named just after title `r` ("minister of Brazil"): the entry and
    /// where its mention ends.
    fn country_after(&self, r: usize) -> Option<(usize, usize)> {
        let q = self.mentions.get(r + 1)?;
        let gap = self.ns(self.mentions[r].end, q.start);
        if !matches!(gap, " of " | " of the ") {
            return None;
        }
        match &q.kind {
            Mk::Ent(EntityKey::Known(i), EntityType::Place) => Some((*i, q.end)),
            _ => None,
        }
    }

    /// The listed body whose office title `r` names: right before it ("the IMF Managing
    /// Director", "NATO's Secretary General") or after "of (the)" ("the President of the
    /// European Commission"); its index and the span of body and title. Not a plural
    /// title.
    fn org_of_title(&self, r: usize) -> Option<(usize, usize, usize)> {
        let m = &self.mentions[r];
        // "NATO defense ministers", "the APEC Finance Ministers Meeting": a plural names the
        // body's gathering, no office holder.
        let latin = self.chars[m.start].is_ascii_alphabetic();
        if self.plural_english_title(r) {
            return None;
        }
        // 国际货币基金组织总裁: in Chinese, right before it, where the gazetteer lists someone
        // who held that office of that body (Chinese writes no plural: 东盟外长 are the
        // members' ministers).
        if let Some(q) = r.checked_sub(1).map(|j| &self.mentions[j])
            && let Mk::Ent(EntityKey::Known(o), EntityType::Organization) = q.kind
            && (if latin { matches!(self.ns(q.end, m.start), " " | "'s " | "’s ") } else { q.end == m.start && self.office_ever_held(r, o) })
        {
            return Some((o, q.start, m.end));
        }
        if !latin {
            return None;
        }
        let q = self.mentions.get(r + 1)?;
        match q.kind {
            Mk::Ent(EntityKey::Known(o), EntityType::Organization) if matches!(self.ns(m.end, q.start), " of " | " of the ") => Some((o, m.start, q.end)),
            _ => None,
        }
    }

    /// Whether the gazetteer lists anyone who held the office of title mention `r` of body
    /// `o` (the pipeline's holders by role and place or body).
    fn office_ever_held(&self, r: usize, o: usize) -> bool {
        let Mk::Ent(EntityKey::Known(role), EntityType::Role) = self.mentions[r].kind else { return false };
        let g = &self.p.gazetteer;
        self.p.role_holders.get(&g.entry(role).id).is_some_and(|by_body| by_body.contains_key(&g.entry(o).id))
    }

    /// The country named just before mention `r` (a place, demonym or abbreviation).
    pub(super) fn country_before(&self, r: usize) -> Option<usize> {
        self.country_before_title(r, false)
    }

    /// [`Page::country_before`], with a word of `zh-former-words` or `en-former-words`
    /// allowed between them when `former` (哈萨克斯坦前总统, "Kazakhstan's former
    /// president"): for a title standing alone only, never for a title's named holder.
    fn country_before_title(&self, r: usize, former: bool) -> Option<usize> {
        if r == 0 {
            return None;
        }
        let q = &self.mentions[r - 1];
        let gap = &self.norm[q.end..self.mentions[r].start];
        // Brazil's central bank governor.
        let possessive = matches!(gap, ['\'' | '’', 's', ' ']) && self.norm[..q.end].last().is_some_and(|c| c.is_alphabetic());
        // 中美两国元首: a word counting the countries after their abbreviations.
        let counted = matches!(q.kind, Mk::Abbr(_)) && self.count_gap(q.end, self.mentions[r].start);
        let former = former && gap.len() <= 12 && {
            let g: String = gap.iter().collect();
            let core = g.trim_start_matches(['\'', '’']).trim_start_matches('s').trim();
            let ctx = &self.p.lists.context;
            !core.is_empty() && (ctx.zh_former.iter().any(|w| w == core) || ctx.en_former.iter().any(|w| w == core))
        };
        if !possessive && !counted && !former && !gap.iter().all(|c| *c == ' ') {
            return None;
        }
        match &q.kind {
            Mk::Demonym(i) | Mk::Abbr(i) => Some(*i),
            Mk::Ent(EntityKey::Known(i), EntityType::Place) => Some(*i),
            _ => None,
        }
    }

    /// 【诺兰日报记者林文达/台北报道】: a person inside a bracket that opens its line and
    /// holds a byline key (`zh-byline-keys`: 记者) before the name is a reporter.
    fn in_byline_bracket(&self, start: usize, end: usize) -> bool {
        let lo = start.saturating_sub(30);
        let Some(open) = (lo..start).rev().find(|&i| matches!(self.norm[i], '【' | '[' | '(' | '〔')) else { return false };
        let line_start = open == 0 || self.norm[..open].iter().rev().take_while(|c| **c != '\n').all(|c| c.is_whitespace());
        let closes = (end..(end + 30).min(self.norm.len())).find(|&i| matches!(self.norm[i], '】' | ']' | ')' | '〕'));
        let inside = self.ns(open + 1, start);
        line_start && closes.is_some() && !inside.contains([']', ')', '】', '〕']) && self.p.lists.byline_keys.iter().any(|k| inside.contains(k.as_str()))
    }

    /// People as participants: person mentions, pronouns resolved to the person named
    /// before them, and titles without a name ("the Russian foreign minister").
    #[inline(never)]
    pub(super) fn build_items(&self) -> Vec<Item> {
        let mut seen = ItemsSoFar::default();
        for (i, m) in self.mentions.iter().enumerate() {
            let items = &mut seen.items;
            let last_person = &mut seen.last_person;
            match &m.kind {
                // A reporter of the byline ((诺兰通讯社记者林文达台北22日电)) takes part in no meeting
                // and is no one a later 他 stands for.
                Mk::Ent(_, EntityType::Person) if &*m.rule == "pattern:zh-byline" || self.in_byline_bracket(m.start, m.end) => {}
                Mk::Ent(k, EntityType::Person) => self.person_item(i, m, k, &mut seen),
                Mk::Pronoun => {
                    if let Some(key) = self.pronoun_key(m, items, last_person.as_ref()) {
                        items.push(Item { start: m.start, end: m.end, key });
                    }
                }
                Mk::Group(n) => {
                    // The last n people of the last sentence naming n or more.
                    let group = self.group_before(items, m.start, *n);
                    // "两国领导人", "the three leaders": not people the gazetteer says all lead
                    // no country on the date (two ministers named before).
                    let phrase = self.ns(m.start, m.end);
                    // 两国元首, "the two presidents": the same (`leader-pair-words`).
                    let ctx = &self.p.lists.context;
                    let leaders = ctx.leader_titles.iter().chain(&ctx.leader_pair_words).any(|w| phrase.contains(w.as_str()));
                    if !(leaders && group.iter().all(|k| self.known_no_leader(k, m.start))) {
                        for key in group {
                            items.push(Item { start: m.start, end: m.end, key });
                        }
                    }
                }
                Mk::Couple => {
                    if let Some((ka, kb)) = self.couple_keys(m, items) {
                        items.push(Item { start: m.start, end: m.end, key: ka });
                        items.push(Item { start: m.start, end: m.end, key: kb });
                    }
                }
                Mk::Demonym(c) | Mk::Ent(EntityKey::Known(c), EntityType::Place) => {
                    // "his Iranian counterpart": the holder of the subject's office there.
                    if let Some((end, key)) = self.counterpart(i, *c, items, last_person.as_ref()) {
                        items.push(Item { start: m.start, end, key });
                    } else if let Some((office, person)) = self.named_counterpart(i, *c, items, last_person.as_ref()) {
                        // "his Peruvian counterpart Ilse Marr": the office she holds.
                        seen.offices.push((office, person));
                    } else if let Some((start, end, role)) = self.body_office(i)
                        && let Some(key) = self.office_key(role, *c, start)
                    {
                        // "the governor of Brazil's central bank".
                        items.push(Item { start, end, key });
                    }
                }
                Mk::Ent(EntityKey::Known(role), EntityType::Role) => {
                    let found = self.title_items(i, m, *role, (&seen.titled, items));
                    items.extend(found);
                }
                _ => {}
            }
        }
        let mut items = seen.items;
        self.add_groups(&mut items);
        items.sort_by_key(|it| (it.start, it.end));
        self.drop_apposition_titles(&mut items);
        self.name_offices(&mut items, seen.offices);
        self.name_group_leaders(&mut items);
        self.resolve_guests(&mut items);
        items
    }

    /// An office no list knows a holder of whose holder the page names after a counterpart
    /// noun ("his Peruvian counterpart Ilse Marr"): that person wherever else the office
    /// takes part ("the Chilean and Peruvian foreign ministers met"). An office the page
    /// gives to two people stays the office. (A title right before a name is that
    /// person's already, `role_item`; the counterpart noun needs the sentence's subject,
    /// so it is read with the items, not in `attach_roles`.)
    fn name_offices(&self, items: &mut [Item], counterparts: Vec<((usize, usize), EntityKey)>) {
        let mut named: BTreeMap<(usize, usize), Option<EntityKey>> = BTreeMap::new();
        for (office, person) in counterparts {
            note_sole(&mut named, office, person);
        }
        for it in items.iter_mut() {
            if let EntityKey::Holder(role, c) = it.key
                && let Some(Some(person)) = named.get(&(role, c))
            {
                it.key = person.clone();
            }
        }
    }

    /// A person mention as an item: its name, or the listed person a bracketed gloss right
    /// after the person before names (黄英贤(Penny Wong): no item of its own); an English
    /// title right before it remembered for "the Deputy Secretary" later.
    fn person_item(&self, i: usize, m: &M, k: &EntityKey, seen: &mut ItemsSoFar) {
        // "Trump administration officials", 普京政府官员: the name qualifies what follows.
        if self.qualifies_what_follows(m.end) {
            return;
        }
        let relinked;
        let k = match seen.glossed.get(k) {
            Some(known) => {
                relinked = known.clone();
                &relinked
            }
            None => k,
        };
        // 黄英贤(Penny Wong): a name glossed in brackets right after a person is
        // that person, no item of its own (a listed gloss names an open one).
        if let Some(prev) = seen.items.last_mut()
            && self.latin_gloss_close(prev.end, self.norm.len()).is_some_and(|close| m.start > prev.end && m.end <= close)
        {
            if matches!(prev.key, EntityKey::Open(..)) && matches!(k, EntityKey::Known(_)) {
                seen.glossed.insert(prev.key.clone(), k.clone());
                prev.key = k.clone();
                seen.last_person = Some(k.clone());
            }
            return;
        }
        seen.items.push(Item { start: m.start, end: m.end, key: k.clone() });
        seen.last_person = Some(k.clone());
        if let Some(Mk::Ent(EntityKey::Known(role), EntityType::Role)) = i.checked_sub(1).map(|j| &self.mentions[j].kind) {
            let r = &self.mentions[i - 1];
            if self.chars[r.start].is_ascii_alphabetic() && self.norm[r.end..m.start].iter().all(|c| *c == ' ') {
                seen.titled.insert((*role, None), k.clone());
                if let Some(q) = self.title_qualifier(i - 1) {
                    seen.titled.insert((*role, Some(q)), k.clone());
                }
            }
        }
    }

    /// Whether a word of `person-modifier-heads` follows a name ending at `end`: right
    /// after a Han name (普京政府), after one space or "'s " after a Latin one ("the Trump
    /// administration", "Putin's aides"), as a whole word.
    fn qualifies_what_follows(&self, end: usize) -> bool {
        let n = self.norm.len();
        let heads = &self.p.lists.context.person_modifier_heads;
        if end == 0 || end >= n {
            return false;
        }
        if is_han(self.norm[end - 1]) {
            let after = self.ns(end, (end + 4).min(n));
            return heads.iter().any(|h| after.starts_with(h.as_str()));
        }
        let rest = self.ns(end, (end + 24).min(n));
        let rest = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("’s")).unwrap_or(rest);
        let Some(word) = rest.strip_prefix(' ') else { return false };
        let word = word.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        heads.iter().any(|h| h == word)
    }

    /// The country or body named right before title mention `r`: its country
    /// ([`Self::country_before_title`]: "Norland's foreign minister"), else a listed body
    /// one space before it ("UN envoy").
    fn title_qualifier(&self, r: usize) -> Option<usize> {
        self.country_before_title(r, false).or_else(|| {
            let q = self.mentions.get(r.checked_sub(1)?)?;
            match &q.kind {
                Mk::Ent(EntityKey::Known(c), EntityType::Organization) if self.ns(q.end, self.mentions[r].start) == " " => Some(*c),
                _ => None,
            }
        })
    }

    /// The items a title at mention `i` stands for (`role_item`), with, for 中俄总理, 中日韩外长
    /// and "U.S. and Russian leaders", the other countries' holders of the title before it,
    /// and those of "the foreign ministers of Japan and South Korea" after it.
    fn title_items(&self, i: usize, m: &M, role: usize, seen: (&Titled, &[Item])) -> Vec<Item> {
        // 中国和俄罗斯的外长: each listed country's holder.
        let listed = self.zh_listed_items(i, role);
        if !listed.is_empty() {
            return listed;
        }
        let Some(item) = self.role_item(i, m, role, seen) else { return Vec::new() };
        let mut out = self.abbreviations_before(i, role);
        out.extend(self.countries_listed_before(i, role));
        let after = self.countries_listed_after(i, role, item.end);
        out.push(item);
        out.extend(after);
        out
    }

    /// The delegations (`groups`) as items: each replaces the items inside it
    /// ("美国总统拜登代表团" is the delegation).
    fn add_groups(&self, items: &mut Vec<Item>) {
        // Groups are sorted and disjoint: the one that could hold an item is the last
        // starting at or before it.
        let groups = &self.groups;
        items.retain(|it| {
            let k = groups.partition_point(|g| g.0 <= it.start);
            !(k > 0 && it.end <= groups[k - 1].1)
        });
        for (s, e, name) in groups {
            items.push(Item { start: *s, end: *e, key: EntityKey::Open(EntityType::Organization, name.clone()) });
        }
    }

    /// 中俄总理会晤, 中日韩外长会晤: the holders (or, as in `role_item`, the offices) of
    /// title `role` at mention `i` for the country abbreviations before the one right
    /// before it, in text order.
    fn abbreviations_before(&self, i: usize, role: usize) -> Vec<Item> {
        let mut out = Vec::new();
        let mut j = i.saturating_sub(1);
        if j == 0 || !matches!(self.mentions[j].kind, Mk::Abbr(_)) || !self.count_gap(self.mentions[j].end, self.mentions[i].start) {
            return out;
        }
        while j > 0 {
            let (a, b) = (&self.mentions[j - 1], &self.mentions[j]);
            let Mk::Abbr(country) = a.kind else { break };
            if a.end != b.start {
                break;
            }
            let key = self
                .title_holder(i, role, country, a.start)
                .or_else(|| self.holder_of_same_kind(role, country, a.start))
                .or_else(|| self.p.lists.holder_roles.contains(&self.p.gazetteer.entry(role).id).then_some(EntityKey::Holder(role, country)));
            if let Some(key) = key {
                out.push(Item { start: a.start, end: a.end, key });
            }
            j -= 1;
        }
        out.reverse();
        out
    }

    /// The participant a title at mention `i` (`m`, role entry `role`) stands for when it
    /// stands alone: its holder in the country before or after it, the office itself, or
    /// the person last named with that title ("the Deputy Secretary").
    fn role_item(&self, i: usize, m: &M, role: usize, (titled, items): (&Titled, &[Item])) -> Option<Item> {
        // "Myanmar's President, Thein Sein": an English title in apposition
        // is that person's too.
        // So is one whose tail runs to the person ("Chinese Ambassador to Norway Chen
        // Zhiming": not the holder of a Chinese ambassador's title on the article's date).
        let next_is_person = self.mentions.iter().skip(i + 1).take(8).find(|n| matches!(n.kind, Mk::Ent(_, EntityType::Person))).is_some_and(|n| {
            let gap = &self.norm[m.end..n.start];
            let latin = self.chars[m.start].is_ascii_alphabetic();
            gap.iter().all(|c| *c == ' ')
                || (latin && gap == [',', ' '])
                || (latin
                    && n.start > m.end + 1
                    && n.start - m.end < 80
                    && !self.ns(m.end, n.start).contains(" and ")
                    && self.en_title_tail(m.end) + 1 == n.start)
        });
        // "Ilse Marr, the Minister of Defense of Norland,": a title in apposition after a
        // name is that person's too, no one else ("the two leaders" later are not her and
        // her office).
        let prev_is_person = i > 0
            && matches!(self.mentions[i - 1].kind, Mk::Ent(_, EntityType::Person))
            && (self.mentions[i - 1].end == m.start
                || (self.chars[m.start].is_ascii_alphabetic() && matches!(self.ns(self.mentions[i - 1].end, m.start), ", " | ", the ")));
        // 美国总统国家安全事务助理: the first title qualifies the second.
        let next_is_role = self
            .mentions
            .get(i + 1)
            .is_some_and(|n| self.is_role(n) && self.norm[m.end..n.start].iter().all(|c| *c == ' '));
        if next_is_person || prev_is_person || next_is_role {
            return None;
        }
        // The country before the title (俄罗斯外长, Brazil's central bank
        // governor), else after it ("the foreign minister of Brazil").
        let (country, start, end) = match self.country_before_title(i, true) {
            Some(c) => (c, self.mentions[i - 1].start, m.end),
            // "the Saudi king and crown prince", 沙特国王和王储: a title joined to one
            // with a country shares it.
            None if let Some(c) = self.country_of_joined_title(i) => (c, m.start, m.end),
            // "the Pope": the body of an office one person holds in the world.
            None => match self.country_after(i).or_else(|| self.sole_office(role).map(|b| (b, m.end))) {
                Some((c, e)) => (c, m.start, e),
                None => {
                    // "the Deputy Secretary met …", "the prime minister met …": the
                    // person last named with that title on the page.
                    let the = m.start >= 4 && self.ns(m.start - 4, m.start) == "the ";
                    if let Some(k) = titled.get(&(role, None)).filter(|_| the && self.chars[m.start].is_ascii_alphabetic()) {
                        return Some(Item { start: m.start, end: m.end, key: k.clone() });
                    }
                    // "the UN envoy": the person last named right after "UN envoy".
                    if let Some(q) = self.title_qualifier(i).filter(|_| self.chars[m.start].is_ascii_alphabetic())
                        && let Some(k) = titled.get(&(role, Some(q)))
                    {
                        let qs = self.mentions[i - 1].start;
                        if qs >= 4 && self.ns(qs - 4, qs) == "the " {
                            return Some(Item { start: qs, end: m.end, key: k.clone() });
                        }
                    }
                    // "the IMF Managing Director", "the President of the European
                    // Commission": the office of a body, as of a country.
                    match self.org_of_title(i) {
                        Some(o) => o,
                        None => return self.holder_named_before(m, role, items),
                    }
                }
            },
        };
        // 美国总统科技顾问委员会的专家: a title running on into a body's name qualifies it.
        if is_han(self.norm[m.start]) && self.zh_title_before_body(m.end) {
            return None;
        }
        // "the former Kazakh president", 哈萨克斯坦前总统: the last who held it before the
        // article's date, not today's holder.
        if self.former_title(start, m.start) {
            return self.former_holder(role, country, m.start).map(|k| Item { start, end, key: k });
        }
        // "Norland's foreign minister Per Holm … the Norland foreign minister": the person the
        // page named so.
        if self.chars[m.start].is_ascii_alphabetic()
            && let Some(k) = titled.get(&(role, Some(country)))
        {
            return Some(Item { start, end, key: k.clone() });
        }
        match self.title_holder(i, role, country, m.start) {
            Some(k) => Some(Item { start, end, key: k }),
            // A title that qualifies what follows (美国总统就职典礼, "the
            // president's visit") names no participant.
            None if !self.office_stands_alone(end) => None,
            // No holder known: the office itself takes part, when one person
            // holds it at a time (巴西央行行长, "the Russian foreign minister").
            None if self.p.lists.holder_roles.contains(&self.p.gazetteer.entry(role).id) => Some(Item { start, end, key: EntityKey::Holder(role, country) }),
            None => None,
        }
    }

    /// A delegation whose leader a sentence of the page names after its name ("The
    /// Norland delegation is led by X", `en-delegation-led-by`): that person wherever the
    /// delegation takes part. One pass over the groups and one over the items.
    fn name_group_leaders(&self, items: &mut [Item]) {
        let led_by = &self.p.lists.context.en_led_by;
        if self.groups.is_empty() || !led_by.iter().any(|w| self.norm_str.contains(w.as_str())) {
            return;
        }
        // Wherever the page names each delegation: "The X delegation is led by Y" is read
        // as no party of its own, so the name is searched for (one pass for them all).
        let names: BTreeSet<&String> = self.groups.iter().map(|(_, _, n)| n).collect();
        let names: Vec<&String> = names.into_iter().collect();
        let mut leaders: BTreeMap<&str, Option<EntityKey>> = BTreeMap::new();
        for (name, found) in names.iter().zip(self.name_occurrences(&names)) {
            for b in found {
                let e = self.char_at_byte(b) + name.chars().count();
                let after = self.ns(e, (e + 24).min(self.norm.len()));
                let Some(w) = led_by.iter().find(|w| after.strip_prefix(' ').is_some_and(|a| a.starts_with(w.as_str()))) else { continue };
                // Past the leader's titles ("is led by Deputy Foreign Minister X").
                let mut at = e + 2 + w.chars().count();
                while let Some(r) = self.mentions.starting(at).filter(|m| self.is_role(m)) {
                    at = r.end + usize::from(self.norm.get(r.end) == Some(&' '));
                }
                let Some(Mk::Ent(k, EntityType::Person)) = self.mentions.starting(at).map(|m| &m.kind) else { continue };
                note_sole(&mut leaders, name.as_str(), k.clone());
            }
        }
        for it in items.iter_mut() {
            if let EntityKey::Open(EntityType::Organization, name) = &it.key
                && let Some(Some(k)) = leaders.get(name.as_str())
            {
                it.key = k.clone();
            }
        }
    }

    /// Whether the Han characters right after a title ending at `end` (no person among
    /// them, at most ten) end in a body's name of two characters or more (`zh-body-ends`:
    /// 委员会, 基金会) before 的 or what is no Han character.
    fn zh_title_before_body(&self, end: usize) -> bool {
        let n = self.norm.len();
        let mut k = end;
        while k < n && k < end + 10 && is_han(self.norm[k]) && self.norm[k] != '的' && !self.mentions.starting(k).is_some_and(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person))) {
            k += 1;
            let closes = k >= n || !is_han(self.norm[k]) || self.norm[k] == '的';
            if closes && k > end + 2 {
                let run = self.ns(end, k);
                return self.p.lists.joins.zh_body_ends.iter().any(|b| b.chars().count() >= 2 && run.ends_with(b.as_str()));
            }
        }
        false
    }

    /// The country of the title right before title mention `i` when only a list join
    /// (`list-joins`: and, 和) stands between them ("the Saudi king and crown prince").
    fn country_of_joined_title(&self, i: usize) -> Option<usize> {
        let prev = self.mentions.get(i.checked_sub(1)?)?;
        if !self.is_role(prev) || prev.end > self.mentions[i].start {
            return None;
        }
        let gap = self.ns(prev.end, self.mentions[i].start).trim();
        // Two titles with nothing between (诺兰总统外事助理): the first qualifies
        // the second, which is read so elsewhere.
        if gap.is_empty() || !self.p.lists.joins.list.contains(gap) {
            return None;
        }
        self.country_before(i - 1)
    }

}

#[cfg(test)]
mod tests {
    /// The participants of the first meeting read from `text` on the article's `date`.
    fn first_meeting(text: &str, date: (i32, u32, u32)) -> Vec<String> {
        let x = super::super::tests::extract_on(text, date);
        x.events.first().map(|e| e.participants.iter().map(|p| p.name.clone()).collect()).unwrap_or_default()
    }

    #[test]
    fn a_title_whose_tail_runs_to_a_name_is_that_persons() {
        let meeting = |text: &str| first_meeting(text, (2022, 6, 2));
        // Not the gazetteer's Chinese ambassador on that day (to another country).
        assert_eq!(meeting("Anders Vik received Chinese Ambassador to Norway Chen Zhiming."), ["Anders Vik", "Chen Zhiming"]);
        assert_eq!(meeting("Anders Vik received Norland's Chargé d'Affaires in Tallo Ilse Marr."), ["Anders Vik", "Ilse Marr"]);
        // A tail of "and" before a titled person joins that person, not a title's words.
        let x = super::super::tests::extract_on(
            "Foreign Secretary Anders Vik was in Tallo on Monday. Reporters waited through the talks between the foreign secretary and King Per Holm.",
            (2022, 6, 2),
        );
        let people: Vec<Vec<&str>> = x.events.iter().map(|e| e.participants.iter().map(|p| p.name.as_str()).collect()).collect();
        assert_eq!(people, [["Anders Vik", "Per Holm"]]);
    }

    #[test]
    fn a_bodys_office_is_its_holder_on_the_date_or_an_office_of_its_own() {
        let meeting = |text: &str| first_meeting(text, (2019, 11, 22));
        // Before the title, or after "of the".
        assert_eq!(meeting("Finance Minister Per Holm met the IMF Managing Director in Davos on Wednesday."), ["Per Holm", "Kristalina Georgieva"]);
        assert_eq!(meeting("Prime Minister Per Holm met the President of the European Commission in Davos on Wednesday."), ["Per Holm", "Jean-Claude Juncker"]);
        // No holder listed: the body's office takes part.
        assert_eq!(meeting("Finance Minister Per Holm met the ADB President in Davos on Wednesday."), ["Per Holm", "President of Asian Development Bank"]);
        // In Chinese, where someone held that office of that body.
        assert_eq!(meeting("国务院总理李克强在北京会见了国际货币基金组织总裁。"), ["Li Keqiang", "Kristalina Georgieva"]);
        assert!(meeting("国务委员王毅在万象会见了东盟外长。").is_empty());
        // A plural names the body's gathering, no one.
        assert_eq!(
            meeting("Jim Mattis and Defense Secretary Per Holm discussed the NATO defense ministers conference during a meeting at the Pentagon today."),
            ["Jim Mattis", "Per Holm"]
        );
    }

    #[test]
    fn a_country_abbreviation_is_no_end_of_a_word() {
        // 同意两国元首: 意 ends 同意, it is no Italy here.
        let x = super::super::tests::extract_on("林文达同陈志明举行会晤，双方同意两国元首常通电话，落实两国元首塔洛会晤的共识。", (2024, 2, 3));
        let people: Vec<&str> = x.events.iter().flat_map(|e| e.participants.iter().map(|p| p.name.as_str())).collect();
        assert!(!people.contains(&"Sergio Mattarella"), "{people:?}");
        // 中美两国元首: the abbreviations open the phrase.
        let x = super::super::tests::extract_on("中美两国元首在旧金山举行会晤。", (2023, 11, 16));
        assert_eq!(x.events.first().map(|e| e.participants.len()), Some(2));
    }

    #[test]
    fn a_counterpart_is_the_holder_of_the_subjects_office_abroad() {
        let meeting = first_meeting;
        // The office from the subject's title, its holder from the gazetteer on the date.
        assert_eq!(meeting("Foreign Minister Wang Yi met his Russian counterpart in Beijing on Friday.", (2024, 4, 10)), ["Wang Yi", "Sergey Lavrov"]);
        // From the gazetteer's offices of the subject, through counterpart-roles.
        assert_eq!(meeting("Antony Blinken met his Chinese counterpart in Beijing on Friday.", (2024, 4, 27)), ["Antony Blinken", "Wang Yi"]);
        // No holder known on the date: the office of that country takes part.
        assert_eq!(
            meeting("Iraqi Foreign Minister Fuad Hussein held talks with his Iranian counterpart in Tehran on Sunday.", (2024, 6, 14)),
            ["Fuad Hussein", "Foreign Minister of Iran"]
        );
        let x = super::super::tests::extract_on("Northland's Foreign Minister Ada Brenn met her Southland counterpart on Friday.", (2024, 4, 10));
        assert!(x.events.is_empty(), "no country, no counterpart: {:?}", x.events);
        // A name after the noun is the counterpart; no office is added, nor with a title
        // between.
        assert_eq!(
            meeting("Secretary of Defense Lloyd J. Austin III met today with his UK counterpart, Secretary of State for Defence, John Healey, in London.", (2024, 9, 20)),
            ["Lloyd Austin", "John Healey"]
        );
        assert_eq!(
            meeting("Polish President Andrzej Duda and his Czech counterpart, Petr Pavel, met in Prague on Monday.", (2024, 4, 10)),
            ["Andrzej Duda", "Petr Pavel"]
        );
        // No title in the sentence and no holder known there (the gazetteer lists no
        // Irish prime minister for 2022): the office, from the subject's one office on
        // the date.
        assert_eq!(meeting("Liz Truss hosted her Irish counterpart on Sunday.", (2022, 9, 19)), ["Liz Truss", "Prime Minister of Ireland"]);
        // Without a possessive, or with a plural, no counterpart is read.
        assert!(meeting("Wang Yi met the Russian counterparts in Beijing on Friday.", (2024, 4, 10)).iter().all(|p| p != "Sergey Lavrov"));
    }
}
