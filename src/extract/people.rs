//! Mentions: gazetteer hits and the people their titles name.
//!
//! Input: the page and the gazetteer automaton ([`crate::matching`]). Output: the page's
//! mentions (`Page::mentions`), sorted: gazetteer entries (`gazetteer:{file}`, short forms
//! confirmed by a full name), titles split from the place that swallowed them, and
//! open-world people after a title (`title_names`: `pattern:zh-title-name`,
//! `pattern:en-title-name`, `pattern:en-title-apposition`, `pattern:en-title-short`); then
//! the other finders in order (`find_mentions` lists them).
//!
//! **Invariant**: mentions never overlap; every one names the rule or list behind it.

use super::*;

impl<'a> Page<'a> {
    pub(super) fn push(&mut self, start: usize, end: usize, kind: Mk, rule: impl Into<Arc<str>>) -> bool {
        if start >= end || !self.active_at(start) {
            return false;
        }
        self.mentions.push(M { start, end, kind, rule: rule.into() })
    }

    pub(super) fn sort_mentions(&mut self) {
        self.mentions.sort();
    }

    #[inline(never)]
    pub(super) fn find_mentions(&mut self) {
        let hits = self.p.matcher.find(&self.norm_str, &self.norm, &self.chars);
        let (full, shorts, elect) = self.push_gazetteer_hits(hits);
        self.push_short_forms(shorts, &full, &elect);
        // 总统府, 总理府, 首相官邸: a title inside the name of a building is no title; nor
        // is one whose end begins a body's name (委员会, `zh-title-body-words`).
        let building = &self.p.lists.building_after_title;
        let bodies = &self.p.lists.title_body_words;
        let breaks = &self.p.lists.title_body_breaks;
        let (norm, norm_str, bytes) = (&self.norm, &self.norm_str, &self.norm_bytes);
        self.mentions.retain(|m| {
            if !matches!(m.kind, Mk::Ent(_, EntityType::Role)) {
                return true;
            }
            let after = &norm_str[bytes[m.end.min(norm.len())]..];
            let title = &norm_str[bytes[m.start]..bytes[m.end.min(norm.len())]];
            // 副主任委员会见: 委员 then 会见 (`zh-title-body-breaks`), no 委员会.
            let runs_on = bodies.iter().any(|w| w.char_indices().skip(1).any(|(b, _)| title.ends_with(&w[..b]) && after.starts_with(&w[b..])))
                && !breaks.iter().any(|w| after.starts_with(w.as_str()));
            !runs_on && !building.iter().any(|w| after.starts_with(w.as_str()))
        });
        self.sort_mentions();
        self.split_place_titles();
        self.split_body_titles();
        self.drop_cut_names();
        self.widen_known_names();
        self.find_open_people();
        self.find_ja_names();
        self.find_counterparts();
        self.find_slot_names();
        self.find_zh_slot_names();
        self.find_speakers();
        self.find_bylines();
        self.widen_cut_han_names();
        self.find_noun_names();
        self.find_number_names();
        self.find_segmenter_names();
        self.find_sibling_names();
        self.find_dotted_names();
        self.find_given_names();
        self.drop_word_names();
        self.repeat_open_names();
        self.link_short_names();
        self.find_pair_abbreviations();
        self.find_pronouns();
        self.sort_mentions();
        self.find_pair_phrases();
        self.sort_mentions();
        self.find_country_abbreviations();
    }

    /// Pushes the gazetteer hits `hits` that are full names or demonyms; returns the
    /// entries named in full and the hits that are short forms only (start, end,
    /// candidate entries), left for `push_short_forms`.
    #[allow(clippy::type_complexity)]
    fn push_gazetteer_hits(&mut self, hits: Vec<crate::matching::Hit<'a>>) -> (BTreeSet<usize>, Vec<(usize, usize, Vec<usize>)>, Vec<(usize, usize)>) {
        let g = &self.p.gazetteer;
        // Full names first, so short forms can be confirmed against them.
        let mut full: BTreeSet<usize> = BTreeSet::new();
        for h in &hits {
            for t in h.targets {
                if let Target::Name(i) = t {
                    full.insert(*i);
                }
            }
        }
        let mut shorts: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        let mut elect: Vec<(usize, usize)> = Vec::new();
        for h in hits {
            let names: Vec<usize> =
                h.targets.iter().filter_map(|t| if let Target::Name(i) = t { Some(*i) } else { None }).collect();
            if let Some(&i) = names.first() {
                let e = g.entry(i);
                // 人民大会堂河北厅: a hall named after a place is no mention of that place.
                if e.etype == EntityType::Place && self.norm.get(h.end).is_some_and(|&c| self.p.lists.zh_hall_suffixes.contains(c)) {
                    continue;
                }
                // "Czech President-elect Petr Pavel": no title held yet (a short name after
                // it is the candidate who held that office some time: `push_short_forms`).
                if e.etype == EntityType::Role && let Some(next) = self.title_not_held(h.end) {
                    elect.push((next, i));
                    continue;
                }
                if e.etype == EntityType::Person && h.end - h.start == 2 && self.after_titled_surname(h.start) {
                    continue;
                }
                let rule = self.p.entry_rules[i].clone();
                self.push(h.start, h.end, Mk::Ent(EntityKey::Known(i), e.etype), rule);
                continue;
            }
            let short: Vec<usize> =
                h.targets.iter().filter_map(|t| if let Target::Short(i) = t { Some(*i) } else { None }).collect();
            if !short.is_empty() {
                shorts.push((h.start, h.end, short));
                continue;
            }
            if let Some(Target::Demonym(i)) = h.targets.first() {
                self.push(h.start, h.end, Mk::Demonym(*i), "gazetteer:demonym");
            }
        }
        (full, shorts, elect)
    }

    /// Where a name after an English title ending at `end` would start, when the title
    /// goes on with a word that says it is not held yet: "-elect", " designate",
    /// " nominee" (`en-titles-not-held`).
    fn title_not_held(&self, end: usize) -> Option<usize> {
        if !matches!(self.norm.get(end), Some('-' | ' ')) {
            return None;
        }
        let rest = self.ns(end + 1, (end + 16).min(self.norm.len()));
        let w = self.p.lists.en_titles_not_held.iter().find(|w| rest.strip_prefix(w.as_str()).is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric())))?;
        let after = end + 1 + w.chars().count();
        Some((after..self.norm.len()).find(|&i| self.norm[i] != ' ').unwrap_or(after))
    }

    /// Pushes the short forms `shorts` of listed names (see `push_gazetteer_hits`): the
    /// one entry named in full (`full`) or in office it can be, else an open-world
    /// person when every candidate is a person.
    fn push_short_forms(&mut self, shorts: Vec<(usize, usize, Vec<usize>)>, full: &BTreeSet<usize>, elect: &[(usize, usize)]) {
        let g = &self.p.gazetteer;
        for (s, e, cands) in shorts {
            let mut confirmed: Vec<usize> = cands.iter().copied().filter(|i| full.contains(i)).collect();
            // "President-elect Trump": the one candidate who held that office some time.
            if confirmed.is_empty() && let Some(&(_, role)) = elect.iter().find(|&&(at, _)| at == s) {
                let id = &g.entry(role).id;
                let held: Vec<usize> = cands.iter().copied().filter(|&i| g.entry(i).roles.iter().any(|r| r.role == *id)).collect();
                if held.len() == 1 {
                    confirmed = held;
                }
            }
            // A title right before it decides who it is (美国总统克林顿: the president's holder).
            let titled = self.mentions.ending(s).is_some_and(|m| self.is_role(m));
            let pick = match (confirmed.len(), cands.len()) {
                (1, _) => Some(confirmed[0]),
                (0, 1) => Some(self.named_in_full_ending_with(s, e, full).unwrap_or(cands[0])),
                // Several listed people go by this short form ("Clinton"): the one of them
                // who held a listed office on the article's date, when only one did.
                (0, _) if !titled => self.named_in_full_ending_with(s, e, full).or_else(|| self.one_in_office(s, &cands)),
                _ => None,
            };
            // "Hafez Assad": the short form of a listed name, but another person's.
            // "Novak Djokovic": a listed surname used as another person's given name.
            if self.en_unknown_name_word_before(s) || self.en_unknown_name_word_after(e) {
                continue;
            }
            // 学者科尔曼: a Chinese short form that runs on into more transliteration is
            // part of another name, unless the page names its person in full or a title
            // before it that one of them held says who (斐济总理拉布卡 is not Raab's 拉布).
            let title_fits = titled
                && self.mentions.ending(s).is_some_and(|m| match &m.kind {
                    Mk::Ent(EntityKey::Known(r), EntityType::Role) => {
                        let id = &g.entry(*r).id;
                        cands.iter().any(|&i| g.entry(i).roles.iter().any(|x| x.role == *id))
                    }
                    _ => true,
                });
            if confirmed.is_empty() && !title_fits && self.runs_into_name(s, e) {
                continue;
            }
            if confirmed.is_empty() && self.after_titled_surname(s) {
                continue;
            }
            // 法国奥恩省议会: a short form before a character that ends places' names
            // (`zh-place-ends-before-title`), no title starting there, names a place.
            if confirmed.is_empty()
                && is_han(self.norm[s])
                && self.norm.get(e).is_some_and(|&c| self.p.lists.place_ends_before_title.contains(c))
                && !self.role_hit_at(e)
            {
                continue;
            }
            if let Some(i) = pick {
                let en = g.entry(i);
                let rule = self.p.short_rules[i].clone();
                self.push(s, e, Mk::Ent(EntityKey::Known(i), en.etype), rule);
            } else if cands.iter().all(|&i| g.entry(i).etype == EntityType::Person) && !self.runs_into_name(s, e) && !titled {
                // Still a person, though which one the page does not say.
                let name = self.ns(s, e).to_string();
                self.push(s, e, Mk::Ent(EntityKey::Open(EntityType::Person, name), EntityType::Person), "gazetteer:people#short-ambiguous");
            }
        }
    }

    /// 市委书记夏德仁: whether the Chinese name starting at `s` (a listed two-character one,
    /// 德仁, or a short form) follows a surname right after a title: it is the end of
    /// another person's name, read after the title.
    fn after_titled_surname(&self, s: usize) -> bool {
        s > 0 && is_han(self.norm[s]) && self.p.names.is_surname(self.norm[s - 1]) && self.mentions.ending(s - 1).is_some_and(|m| self.is_role(m))
    }

    /// Whether a title mention starts at `pos` (奥恩省长: 省长 after 奥恩).
    fn role_hit_at(&self, pos: usize) -> bool {
        self.mentions.starting(pos).is_some_and(|m| self.is_role(m))
    }

    /// Whether the Chinese name at `s..e` is part of a longer one: a name dot before it
    /// (劳尔.卡斯特罗) or more transliteration after it (卡特里娜).
    fn runs_into_name(&self, s: usize, e: usize) -> bool {
        let names = &self.p.names;
        let norm = &self.norm;
        if !is_han(norm[s]) {
            return false;
        }
        let dot_before = s > 0 && names.is_name_dot(norm, s - 1);
        let runs_on = e < norm.len() && names.is_translit(norm[e]) && !names.ends_name_at(norm, e);
        dot_before || runs_on
    }

    /// The one of `cands` (listed people) who held a listed office on the date of the
    /// section at `at` (with no date: who took office last), if exactly one did.
    fn one_in_office(&self, at: usize, cands: &[usize]) -> Option<usize> {
        let g = &self.p.gazetteer;
        let Some(date) = self.sections[self.lines[self.line_at(at)].section].anchor else {
            // With no date, the one who took office last (the most recent news of them).
            let latest = |i: usize| g.entry(i).roles.iter().filter_map(|r| r.from).max();
            let best = cands.iter().filter_map(|&i| latest(i)).max()?;
            let mut last = cands.iter().copied().filter(|&i| latest(i) == Some(best));
            let one = last.next()?;
            return last.next().is_none().then_some(one);
        };
        let mut held = cands.iter().copied().filter(|&i| g.entry(i).roles.iter().any(|r| r.held_on(Some(date))));
        let one = held.next()?;
        held.next().is_none().then_some(one)
    }

    /// Another listed person this page names in full whose name ends in the words at
    /// `s..e` ("Hafez al-Assad … Assad": Hafez, though the list's "Assad" is Bashar's).
    fn named_in_full_ending_with(&self, s: usize, e: usize, full: &BTreeSet<usize>) -> Option<usize> {
        let g = &self.p.gazetteer;
        let short = self.ns(s, e);
        let ends = |name: &str| {
            let name = normalise(name);
            name.len() > short.len()
                && name.ends_with(short)
                && name[..name.len() - short.len()].chars().next_back().is_some_and(|c| c == ' ' || c == '-' || c == '·')
        };
        let mut found = full.iter().copied().filter(|&j| {
            let en = g.entry(j);
            en.etype == EntityType::Person && (ends(&en.en) || en.aliases.iter().any(|a| ends(a)))
        });
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// A listed transliterated name that runs on into more transliteration is the start
    /// of a longer, unknown name (拉米 in 拉米雷斯): drop it, the open-world pass reads
    /// the whole name.
    #[inline(never)]
    fn drop_cut_names(&mut self) {
        let norm = &self.norm;
        let names = &self.p.names;
        self.mentions.retain(|m| {
            if !matches!(m.kind, Mk::Ent(EntityKey::Known(_), EntityType::Person)) {
                return true;
            }
            // 宋平 in 坎平·赛宋平: a name's dot before it and transliteration glued to its
            // start make it the end of a longer, unknown name (right after the dot it is
            // the listed person's surname: 谢尔盖·拉夫罗夫).
            let dotted_left = is_han(norm[m.start])
                && (1..=3).any(|k| {
                    m.start >= k + 2
                        && names.is_name_dot(norm, m.start - k - 1)
                        && names.is_translit(norm[m.start - k - 2])
                        && (m.start - k..m.start).all(|i| names.is_translit(norm[i]))
                });
            if dotted_left {
                return false;
            }
            if m.end >= norm.len() {
                return true;
            }
            let name = &norm[m.start..m.end];
            if !name.iter().all(|&c| names.is_translit(c)) {
                return true;
            }
            let couple = names.spouse_word_at(norm, m.end);
            let runs_on = |i: usize| i < norm.len() && names.is_translit(norm[i]) && !names.ends_name_at(norm, i);
            // 克里 in 克里斯·赛德曼: the name runs on to a dot and more.
            let dotted = |i: usize| norm.get(i) == Some(&'·') && runs_on(i + 1);
            // 卡拉斯 in 阿尔卡拉斯: two transliteration characters run into it from the left.
            let runs_in = m.start >= 2 && runs_on(m.start - 1) && runs_on(m.start - 2);
            !((runs_on(m.end) && (runs_on(m.end + 1) || dotted(m.end + 1)) && !couple) || runs_in)
        });
    }

    pub(super) fn is_role(&self, m: &M) -> bool {
        matches!(m.kind, Mk::Ent(_, EntityType::Role))
    }

    pub(super) fn clip_to_next_mention(&self, start: usize, end: usize) -> usize {
        self.mentions.next_start(start, end).unwrap_or(end)
    }

    /// `end`, or the start of the first time expression strictly inside `start..end`
    /// (外长雷纳周一与…: the name ends before 周一).
    pub(super) fn clip_to_time(&self, start: usize, end: usize) -> usize {
        let i = self.times.partition_point(|t| t.start <= start);
        self.times.get(i).filter(|t| t.start < end).map_or(end, |t| t.start)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::extract_on;

    #[test]
    fn a_listed_name_closing_a_dotted_one_is_no_one() {
        // 宋平 (listed) ends the transliterated 坎平·赛宋平.
        let x = extract_on("林文达在塔洛会见了诺兰总统坎平·赛宋平。", (2024, 3, 5));
        let people: Vec<&str> = x.events.iter().flat_map(|e| e.participants.iter().map(|p| p.name.as_str())).collect();
        assert_eq!(people, ["林文达", "坎平·赛宋平"]);
    }
    use super::*;

    fn roles(text: &str) -> Vec<String> {
        let x = extract_on(text, (2025, 1, 13));
        x.entities.iter().filter(|e| e.etype == EntityType::Role).flat_map(|e| e.mentions.iter().map(|m| m.text.clone())).collect()
    }

    #[test]
    fn a_title_running_on_into_a_bodys_name_is_no_title() {
        assert!(roles("林文达出席定期会晤委员会第二次会议。").is_empty());
        assert_eq!(roles("李明辉会见了国际奥委会委员林文达。"), ["委员"]);
        assert!(roles("普京在总统府会见了拉夫罗夫。").is_empty());
    }
}
