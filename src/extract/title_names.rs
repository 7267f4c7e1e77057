//! People after a title: the name right after a title mention (俄罗斯外长拉夫罗夫, "Foreign
//! Minister Sergey Lavrov"), or between commas after a title a country or a person owns
//! ("Myanmar's President, Thein Sein,").
//!
//! Input: the page's mentions after the gazetteer pass (titles among them), its times and
//! triggers. Output: person mentions: `pattern:zh-title-name` / `pattern:en-title-name`
//! for a name no list holds there, `pattern:zh-title-short` / `pattern:en-title-short` for
//! the title's listed holder on the article's date named so (美国总统克林顿, "Premier Li"),
//! `pattern:en-title-apposition`.
//!
//! **Invariant**: no name is read after a title that follows a person (普京总统) or where a
//! mention already starts, and a name is cut at the next mention (a Chinese one at a
//! trigger and a time too), so it overlaps none.

use super::*;

impl<'a> Page<'a> {
    /// Title + name: 俄罗斯外长拉夫罗夫, Foreign Minister Sergey Lavrov.
    #[inline(never)]
    pub(super) fn find_open_people(&mut self) {
        let roles: Vec<(usize, usize)> =
            self.mentions.iter().filter(|m| self.is_role(m)).map(|m| (m.start, m.end)).collect();
        // 团长王长春大使, 省长X长春会见: a surname and a city's name right after a title, where
        // a name ends, are a person's name, no place: those cities go first, in one pass.
        let cities: std::collections::HashSet<usize> = roles
            .iter()
            .filter(|&&(_, re)| re + 3 <= self.norm.len() && is_han(self.norm[re]) && self.p.names.is_surname(self.norm[re]))
            .filter(|&&(_, re)| self.mentions.starting(re + 1).is_some_and(|m| matches!(m.kind, Mk::Ent(_, EntityType::Place)) && m.end == re + 3))
            .filter(|&&(_, re)| self.zh_title_name_end(re) == Some(re + 3) && self.zh_name_ends_well(re + 3))
            .map(|&(_, re)| re + 1)
            .collect();
        if !cities.is_empty() {
            self.mentions.retain(|m| !(cities.contains(&m.start) && matches!(m.kind, Mk::Ent(_, EntityType::Place))));
        }
        for (rs, re) in roles {
            // A title right after a person belongs to them (普京总统成功…): no new name.
            let after_person = self.mentions.ending(rs).is_some_and(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person)));
            // 中俄元首敞开心扉: a title in general (`titles-without-names`) names no one.
            let general = self.p.lists.context.titles_without_names.iter().any(|w| w == self.ns(rs, re));
            if re >= self.norm.len() || after_person || general {
                continue;
            }
            // English: where the title's words end ("Secretary of State for Defence,").
            let tail = if is_han(self.norm[re]) { re } else { self.en_title_tail(re) };
            if is_han(self.norm[re]) {
                if self.mentions.starting(re).is_some() {
                    continue;
                }
                self.push_zh_title_name(rs, re);
            } else if let Some((s, e)) = self.en_title_apposition(rs, tail) {
                // "Myanmar's President, Thein Sein," / "his foreign minister, Anna Berg.":
                // a title owned by a country or a person, then the name between commas.
                let name = self.ns(s, e);
                self.push(s, e, Mk::Ent(EntityKey::Open(EntityType::Person, name.to_string()), EntityType::Person), "pattern:en-title-apposition");
            } else if tail < self.norm.len() && self.norm[tail] == ' ' && tail + 1 < self.chars.len() && self.chars[tail + 1].is_uppercase() {
                self.push_en_title_name(rs, tail);
            }
        }
        self.sort_mentions();
    }

    /// Where a Han name right after a title ending at `re` ends, by its shape alone.
    fn zh_title_name_end(&self, re: usize) -> Option<usize> {
        // 韩国驻华大使郑在浩: a name over a stop character, after a title only.
        let zh = self.p.names.zh_name_at(&self.norm, re).or_else(|| self.p.names.zh_name_over_stop(&self.norm, re));
        // 委员长志位和夫一行: a Japanese surname reads the whole name (not 志位).
        let ja = self.p.names.ja_name_at(&self.norm, re);
        match (ja, zh) {
            (Some(j), z) if z.is_none_or(|z| j > z) => Some(j),
            (_, z) => z,
        }
    }

    /// The Han name right after the title at `rs..re` (韩国驻华大使郑在浩, over a stop
    /// character too), pushed as the title's listed holder of that name or an open-world
    /// person (see `find_open_people`).
    fn push_zh_title_name(&mut self, rs: usize, re: usize) {
        let ja = self.p.names.ja_name_at(&self.norm, re);
        if let Some(e) = self.zh_title_name_end(re) {
            let e = self.clip_to_next_mention(re, e);
            let e = self.clip_to_trigger(re, e);
            let e = self.clip_to_time(re, e);
            // 总理年度会晤, 领导人非正式会议: a word after the title, no name. But a
            // three-character name opening with a two-character one (省委书记王国生会见:
            // 王国) is a name when the three are no word of the segmenter's dictionary (or
            // one it tags as a person's name) and end where names end.
            let candidate = self.ns(re, e);
            let jieba = self.p.segmenter.get();
            let dictionary_name = || matches!(jieba.tag(candidate, false).as_slice(), [t] if matches!(t.tag, "nr" | "nrfg" | "nrt"));
            let three = e - re == 3 && (!jieba.has_word(candidate) || dictionary_name()) && self.zh_name_ends_well(e);
            let not_name = self.p.lists.zh_not_names.iter().any(|w| candidate.starts_with(w.as_str()) && !(three && w.chars().count() == 2));
            // 大使原本预定于: four characters or more that the segmenter's dictionary cuts
            // into common words of two characters or more, none a person's name, are no name
            // (unless every one is a transliteration's character, 巴乌西利, one is an
            // honorific after a name, `zh-name-honorifics`: 会长学诚法师, or a Japanese
            // surname opens them: 公使上野麻子).
            let common_words = e - re >= 4 && ja.is_none() && !candidate.chars().all(|c| self.p.names.is_translit(c)) && {
                let tags = jieba.tag(candidate, false);
                let honorific = |w: &str| self.p.lists.joins.zh_name_honorifics.iter().any(|h| h == w);
                // A one-character word between two such (选举中胜出) does not make a name.
                let long = tags.iter().filter(|t| t.word.chars().count() >= 2).count();
                tags.len() >= 2
                    && tags.iter().all(|t| !t.tag.starts_with("nr") && !honorific(t.word) && if t.word.chars().count() >= 2 { jieba.has_word(t.word) } else { long >= 2 && t.word.chars().all(is_han) })
            };
            if e - re >= 2 && !not_name && !common_words {
                // 国王图普五世: a regnal number after the name is part of it
                // (`zh-regnal-numbers`).
                let e = self
                    .p
                    .lists
                    .zh_regnal
                    .iter()
                    .map(|w| (w, e + w.chars().count()))
                    .find(|&(w, end)| self.ns(e, end) == w.as_str() && !self.mentions.overlaps(e, end))
                    .map_or(e, |(_, end)| end);
                let name = self.ns(re, e);
                // 美国总统克林顿: the title's holder on the article's date whose dotted
                // name ends so (比尔·克林顿), when the gazetteer knows one.
                let key = match self.holder_named_zh(rs, name) {
                    Some(k) => k,
                    None => EntityKey::Open(EntityType::Person, name.to_string()),
                };
                let rule = if matches!(key, EntityKey::Known(_)) { "pattern:zh-title-short" } else { "pattern:zh-title-name" };
                self.push(re, e, Mk::Ent(key, EntityType::Person), rule);
            }
        }
    }

    /// The English name after the title at `rs` whose words end at `re` ("Foreign
    /// Minister Sergey Lavrov", "Premier Li"), pushed as the title's listed holder of that
    /// name or an open-world person (see `find_open_people`).
    fn push_en_title_name(&mut self, rs: usize, re: usize) {
        if self.mentions.starting(re + 1).is_some() {
            return;
        }
        let capital_title = self.chars[rs].is_uppercase() || self.capitalised_word_before(rs);
        // "Minister Datuk Seri Per Holm": the name starts after honorifics (`en-honorifics`).
        let mut re = re;
        while let Some(h) = self.p.lists.en_honorifics.iter().find(|h| self.ns(re + 1, (re + 2 + h.len()).min(self.norm.len())).strip_prefix(h.as_str()).is_some_and(|r| r == " ")) {
            re += h.chars().count() + 1;
        }
        if let Some(e) = self.p.names.en_name_at(&self.chars, re + 1) {
            let full = e;
            let mut e = self.clip_to_next_mention(re + 1, e);
            // Cut by a listed name inside it ("Khalid bin Salman"): no name of its own.
            if e < full {
                while e > re + 1 && matches!(self.chars[e - 1], ' ' | '-') {
                    e -= 1;
                }
                let last = self.ns(re + 1, e).rsplit(' ').next().unwrap_or("").to_string();
                if e <= re + 1 || self.p.names.is_particle(&last) || !self.ns(re + 1, e).contains(' ') {
                    return;
                }
            }
            let name = self.ns(re + 1, e);
            // "Minister of Tallo Coastal Affairs": a title's own words end it, no name (a
            // word of `en-title-words` of six letters or more last).
            let last = name.rsplit(' ').next().unwrap_or("").to_lowercase();
            if last.chars().count() >= 6 && self.p.lists.en_title_words.contains(&last) {
                return;
            }
            // "the Deputy Chairman of the State Grand Council": after a title's "of the" tail, a
            // first word that is a common word and no given name (`en-common-words`,
            // `en-given-names`) goes on naming the body ("Minister for Defence Win Bakri
            // Daki" has no "the": a name).
            let first = name.split(' ').next().unwrap_or("").to_lowercase();
            let tailed = [" of the ", " for the "].iter().any(|l| self.ns(rs, re).contains(l));
            let lists = &self.p.lists;
            if tailed && name.contains(' ') && lists.en_common.contains(&first) && !lists.en_given.contains(&first) {
                return;
            }
            // "the Speaker of the Hungarian Parliament": a word of a body's name (`en-body-words`)
            // alone, or anywhere after a title's "of the" tail, names the body.
            if (tailed || !name.contains(' ')) && name.split(' ').any(|w| lists.en_body.contains(&w.to_lowercase())) {
                return;
            }
            // A lower-case title ("prime minister Keir Starmer") needs a full name
            // after it; a capitalised one takes a surname of two letters too
            // ("Premier Li").
            let words = name.split(' ').count();
            // After a plural title ("Defense Ministers Meeting"), names only in full.
            let plural = matches!(self.mentions.starting(rs).map(|m| &m.kind), Some(Mk::Ent(EntityKey::Known(r), EntityType::Role)) if self.plural_title(rs, re, *r));
            let ok = if plural {
                words >= 2
            } else if capital_title {
                name.trim().chars().count() >= 3 || (words == 1 && self.en_single_name_ok(re + 1, e))
            } else {
                words >= 2
            };
            // "Premier Li": the one holder of that title on the article's date
            // whose name has that word, when the gazetteer knows one.
            let holder = if words == 1 {
                let word = self.text(re + 1, e);
                self.holder_named(rs, &word).or_else(|| self.holder_named_of_country(rs, &word, e))
            } else {
                None
            };
            if let Some(k) = holder {
                self.push(re + 1, e, Mk::Ent(k, EntityType::Person), "pattern:en-title-short");
            } else if ok {
                self.push(re + 1, e, Mk::Ent(EntityKey::Open(EntityType::Person, name.to_string()), EntityType::Person), "pattern:en-title-name");
            }
        }
    }

    /// A title in apposition: owned ("Myanmar's President", "his foreign minister"),
    /// then a comma and a name of two words or more that ends at a comma, a full stop or
    /// a semicolon. Also a meeting verb's object "the" + title ("met the Acting President,
    /// Oyelaran Bakare at the villa"), whose name may end before a lower-case word too, and a
    /// subject "The" + title opening a sentence or line, whose name ends at a comma. The
    /// name's span, when no mention covers it yet.
    fn en_title_apposition(&self, rs: usize, tail: usize) -> Option<(usize, usize)> {
        let n = self.chars.len();
        let tail = self.en_named_tail_to_comma(tail).unwrap_or(tail);
        if tail + 2 >= n || self.chars[tail] != ',' || self.chars[tail + 1] != ' ' || !self.chars[tail + 2].is_uppercase() {
            return None;
        }
        if rs < 2 || self.chars[rs - 1] != ' ' {
            return None;
        }
        let word_before = |end: usize| {
            let mut w = end;
            while w > 0 && !self.chars[w - 1].is_whitespace() {
                w -= 1;
            }
            (w, self.chars[w..end].iter().collect::<String>().to_lowercase())
        };
        let (mut w, mut owner) = word_before(rs - 1);
        // "the Acting President": a modifier of the title (`title-modifiers`) between.
        if w > 1 && self.p.lists.title_modifiers.iter().any(|m| *m == owner) {
            (w, owner) = word_before(w - 1);
        }
        let owned = owner.ends_with("'s") || owner.ends_with("’s") || matches!(owner.as_str(), "his" | "her" | "their");
        let object = owner == "the" && w > 1 && {
            let k = self.triggers.partition_point(|t| t.end < w - 1);
            self.triggers.get(k).is_some_and(|t| t.end == w - 1)
        };
        // "The Minister of Coastal Affairs, Oyelaran Bakare, met …": a subject
        // opening its sentence or line with "the" and a title; its name ends at a comma.
        let subject = owner == "the" && {
            let mut k = w;
            while k > 0 && self.chars[k - 1] == ' ' {
                k -= 1;
            }
            k == 0 || matches!(self.chars[k - 1], '\n' | '.' | '!' | '?' | ':' | '"' | '“' | '”' | '—')
        };
        if !owned && !object && !subject {
            return None;
        }
        let s = tail + 2;
        if self.mentions.starting(s).is_some() {
            return None;
        }
        let e = self.p.names.en_name_at(&self.chars, s)?;
        if self.clip_to_next_mention(s, e) < e || self.ns(s, e).split(' ').count() < 2 {
            return None;
        }
        let lower_word_after = object && self.chars.get(e) == Some(&' ') && self.chars.get(e + 1).is_some_and(|c| c.is_lowercase());
        match self.chars.get(e) {
            Some(',') if subject => Some((s, e)),
            _ if subject => None,
            None | Some(',' | '.' | ';') => Some((s, e)),
            _ if lower_word_after => Some((s, e)),
            _ => None,
        }
    }

    /// Where a title's tail of capitalised words ends at a comma, when its last word is a
    /// title's own (`en-title-words`): "Minister of Tallo Coastal Affairs," (no list holds
    /// "Coastal"). `tail` is where the title's known words end.
    fn en_named_tail_to_comma(&self, tail: usize) -> Option<usize> {
        let rest = self.ns(tail, (tail + 80).min(self.norm.len()));
        // After the link ("of", "for"), or where the known part of the tail stopped
        // ("of Tallo| Coastal Affairs").
        let link = [" of ", " for ", " "].into_iter().find(|l| rest.starts_with(l))?;
        let comma = tail + rest.find(',').map(|b| rest[..b].chars().count())?;
        let from = tail + link.chars().count();
        let words: Vec<String> = self.chars[from..comma].iter().collect::<String>().split(' ').map(str::to_string).collect();
        let named = words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) || matches!(w.as_str(), "and" | "of" | "the" | "&"));
        let last = words.last()?.to_lowercase();
        (named && words.len() <= 6 && self.p.lists.en_title_words.contains(&last)).then_some(comma)
    }

    /// "Siemens chairman Jim Snabe", "Tesla CEO": a lower-case title after a name of a
    /// body is still a title.
    fn capitalised_word_before(&self, pos: usize) -> bool {
        if pos < 2 || self.chars[pos - 1] != ' ' {
            return false;
        }
        let mut s = pos - 1;
        while s > 0 && (self.chars[s - 1].is_alphanumeric() || matches!(self.chars[s - 1], '\'' | '’' | '.' | '-')) {
            s -= 1;
        }
        let word: String = self.chars[s..pos - 1].iter().collect();
        word.chars().next().is_some_and(char::is_uppercase) && !matches!(word.as_str(), "The" | "A" | "An" | "His" | "Her" | "Their")
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::extract_on;

    #[test]
    fn a_surname_and_a_citys_name_after_a_title_are_a_person() {
        let x = extract_on("驻诺兰使团团长王长春大使会见诺兰外长陈志明。", (2024, 3, 5));
        let people: Vec<Vec<&str>> = x.events.iter().map(|e| e.participants.iter().map(|p| p.name.as_str()).collect()).collect();
        assert_eq!(people, [["王长春", "陈志明"]]);
        assert!(!x.entities.iter().any(|e| e.name == "Changchun"));
        // The city after a locative stays a place.
        let x = extract_on("省长林文达在长春会见了陈志明。", (2024, 3, 5));
        assert_eq!(x.events[0].place.as_ref().map(|p| p.name.as_str()), Some("Changchun"));
    }
}
