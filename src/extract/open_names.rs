//! Open-world names outside titles: counterparts, bylines, repeats of names already read,
//! pronouns and couples (English names in meeting slots are `slots_en`).
//!
//! Input: the page's mentions so far and its triggers. Output: more mentions
//! (`pattern:en-counterpart`, `pattern:zh-byline`, `pattern:name-repeat`,
//! `pattern:pronoun`, `pattern:couple`).
//!
//! **Invariant**: a new mention never overlaps one already there (a byline name replaces
//! what it overlaps, a person excepted).

use super::*;

impl<'a> Page<'a> {
    /// "his Singaporean counterpart Ng Eng Hen", "his counterparts from Egypt and
    /// Jordan, Badr Abdelatty and Ayman Safadi": the names after counterpart(s).
    #[inline(never)]
    pub(super) fn find_counterparts(&mut self) {
        let n = self.chars.len();
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (bi, _) in self.norm_str.match_indices("counterpart") {
            let mut i = self.char_at_byte(bi) + "counterpart".len();
            if i < n && self.norm[i] == 's' {
                i += 1;
            }
            if i >= n || (self.norm[i] != ' ' && self.norm[i] != ',') {
                continue;
            }
            // Skip "from/of X and Y," up to a comma, within a few words.
            let rest = self.ns(i, (i + 60).min(n));
            if rest.starts_with(" from ") || rest.starts_with(" of ") {
                match rest.find(',') {
                    Some(c) if rest[..c].split(' ').count() <= 8 => i += rest[..c].chars().count() + 1,
                    _ => continue,
                }
            } else if rest.starts_with(',') {
                i += 1;
            }
            loop {
                while i < n && self.norm[i] == ' ' {
                    i += 1;
                }
                if i >= n || !self.chars[i].is_uppercase() {
                    break;
                }
                let Some(e) = self.p.names.en_name_at(&self.chars, i) else { break };
                found.push((i, e));
                let after = self.ns(e, (e + 6).min(n));
                if after.starts_with(" and ") {
                    i = e + 5;
                } else if after.starts_with(", and ") {
                    i = e + 6;
                } else if after.starts_with(", ") {
                    i = e + 2;
                } else {
                    break;
                }
            }
        }
        for (s, e) in found {
            if self.mentions.overlaps(s, e) {
                continue;
            }
            let name = self.ns(s, e);
            if name.split(' ').count() >= 2 {
                self.push(s, e, Mk::Ent(EntityKey::Open(EntityType::Person, name.to_string()), EntityType::Person), "pattern:en-counterpart");
            }
        }
        self.sort_mentions();
    }

    /// Bylines and photo credits: 记者 郝薇薇 黄河, 新华社记者 鞠鹏 摄, 责任编辑:曹川川.
    #[inline(never)]
    pub(super) fn find_bylines(&mut self) {
        let n = self.norm.len();
        let mut found = Vec::new();
        for key in &self.p.lists.byline_keys {
            if !self.norm_str.contains(key.as_str()) {
                continue;
            }
            let k: Vec<char> = key.chars().collect();
            let mut i = 0;
            while i + k.len() <= n {
                if self.norm[i..i + k.len()] != k[..] {
                    i += 1;
                    continue;
                }
                let mut j = i + k.len();
                while j < n && matches!(self.norm[j], ' ' | ':') {
                    j += 1;
                }
                // 记者李小平报道, 記者林雅麗編譯: a name of two or three characters right
                // before a word that ends a byline (`zh-byline-ends`).
                let ended = [3usize, 2].into_iter().find(|&len| {
                    j + len < n
                        && self.norm[j..j + len].iter().all(|&c| is_han(c) && !self.p.lists.byline_function.contains(c))
                        && self.p.names.is_surname(self.norm[j])
                        && self.p.lists.byline_ends.iter().any(|w| self.ns(j + len, (j + len + 4).min(n)).starts_with(w.as_str()))
                });
                if let Some(len) = ended {
                    found.push((j, j + len));
                    i += k.len();
                    continue;
                }
                loop {
                    let s = j;
                    while j < n && is_han(self.norm[j]) && j - s < 4 {
                        j += 1;
                    }
                    let len = j - s;
                    let after = self.norm.get(j).copied();
                    let photo = after.is_some_and(|c| self.p.lists.photo_marks.contains(c));
                    let ends_ok = matches!(after, None | Some(' ' | ')' | '\n' | '|' | '、' | ',')) || photo;
                    // A byline is strong context: any two or three characters standing alone
                    // there are a name (鞠鹏), as long as none is a function word.
                    let wordlike = self.norm[s..j].iter().any(|&c| self.p.lists.byline_function.contains(c));
                    if !(2..=3).contains(&len) || !ends_ok || wordlike {
                        break;
                    }
                    found.push((s, j));
                    while j < n && matches!(self.norm[j], ' ' | '、') {
                        j += 1;
                    }
                    if photo || after == Some(')') || after == Some('\n') {
                        break;
                    }
                }
                i += k.len();
            }
        }
        // A byline name wins over a gazetteer word that happens to spell it (黄河): every
        // mention other than a person's that overlaps a byline name goes, in one pass (by
        // start, with the furthest end so far: the spans may overlap each other).
        let mut by_start = found.clone();
        by_start.sort_unstable();
        let mut reach = Vec::with_capacity(by_start.len());
        for &(_, e) in &by_start {
            reach.push(reach.last().map_or(e, |&r: &usize| r.max(e)));
        }
        self.mentions.retain(|m| {
            let k = by_start.partition_point(|&(s, _)| s < m.end);
            let overlaps = k > 0 && reach[k - 1] > m.start;
            !(overlaps && !matches!(m.kind, Mk::Ent(_, EntityType::Person)))
        });
        for (s, e) in found {
            let name = self.ns(s, e);
            self.push(s, e, Mk::Ent(EntityKey::Open(EntityType::Person, name.to_string()), EntityType::Person), "pattern:zh-byline");
        }
        self.sort_mentions();
    }

    /// Once a title has introduced a name, its other occurrences are that person too.
    #[inline(never)]
    pub(super) fn repeat_open_names(&mut self) {
        let names = self.repeatable_names();
        let full = self.full_names(&names);
        let names: Vec<&String> = names.iter().collect();
        let occurrences = self.name_occurrences(&names);
        let found_all: Vec<Vec<usize>> = occurrences.iter().map(|v| v.iter().map(|&b| self.char_at_byte(b)).collect()).collect();
        for (name, found) in names.into_iter().zip(found_all) {
            if found.is_empty() {
                continue;
            }
            let full_name = full.get(name.as_str()).map_or(name.as_str(), String::as_str);
            let key = EntityKey::Open(EntityType::Person, full_name.to_string());
            self.push_name_repeats(name, &found, key, "pattern:name-repeat");
        }
        self.repeat_listed_names();
        self.sort_mentions();
    }

    /// A listed person the page names in full in Latin letters whose list gives no short
    /// form ("Foreign Minister Cho Hyun … Cho said"): the first or last word of the
    /// name as written, alone, is that person, when no other person the page names has that
    /// word in their name, it is no common word, and no capitalised word stands beside it.
    /// (`short_names` relinks one-word people other stages found; this finds the word where
    /// no stage did.)
    fn repeat_listed_names(&mut self) {
        // Each word and the one listed person it may stand for (`None`: a word of some
        // other name, or of no listed person's first or last word).
        let mut words: BTreeMap<String, Option<Option<usize>>> = BTreeMap::new();
        for m in &self.mentions {
            let Mk::Ent(key, EntityType::Person) = &m.kind else { continue };
            let written = self.ns(m.start, m.end);
            if !written.is_ascii() || !written.contains(' ') {
                continue;
            }
            let parts: Vec<&str> = written.split(' ').collect();
            let who = match key {
                EntityKey::Known(i) if self.p.gazetteer.entry(*i).short.is_empty() => Some(*i),
                _ => None,
            };
            for (k, w) in parts.iter().enumerate() {
                // Every word of every other name blocks; only first and last words read.
                let ends = k == 0 || k + 1 == parts.len();
                note_sole(&mut words, w.to_string(), if ends { who } else { None });
            }
        }
        // The normalised text is lower case, as the words are.
        let words: Vec<(String, usize)> = words
            .into_iter()
            .filter_map(|(word, who)| Some((word, who??)))
            .filter(|(word, _)| word.len() >= 3 && word.chars().all(|c| c.is_ascii_alphabetic()) && !self.p.lists.en_common.contains(word))
            .collect();
        if words.is_empty() {
            return;
        }
        // Every word's occurrences in one pass when they are many (a long page naming
        // thousands stays linear).
        let occurrences = self.name_occurrences(&words.iter().map(|(w, _)| w).collect::<Vec<_>>());
        for ((word, i), found) in words.iter().zip(occurrences) {
            // No capitalised word right before or after ("Central Park", "Cho Hyun").
            let found: Vec<usize> = found
                .into_iter()
                .map(|b| self.char_at_byte(b))
                .filter(|&s| {
                    let e = s + word.len();
                    let before = s >= 2 && self.chars[s - 1] == ' ' && self.chars[s - 2].is_alphabetic() && {
                        let ws = (0..s - 1).rev().find(|&j| !self.chars[j].is_alphabetic()).map_or(0, |j| j + 1);
                        self.chars[ws].is_uppercase()
                    };
                    let after = e + 1 < self.chars.len() && self.chars[e] == ' ' && self.chars[e + 1].is_uppercase();
                    !before && !after
                })
                .collect();
            self.push_name_repeats(word, &found, EntityKey::Known(*i), "pattern:listed-name-repeat");
        }
    }

    /// The names whose repeats are the person (see `repeat_open_names`): every open-world
    /// person's name, an English one's surname alone and a dotted Chinese one's last part.
    fn repeatable_names(&self) -> BTreeSet<String> {
        let mut names: BTreeSet<String> = BTreeSet::new();
        for m in &self.mentions {
            if let Mk::Ent(EntityKey::Open(EntityType::Person, n), _) = &m.kind {
                names.insert(n.clone());
                // English: the surname alone ("Scholz said"); a three-letter one when it is
                // no common word ("Roh said", not "May said").
                if n.is_ascii()
                    && let Some(last) = n.split(' ').next_back()
                    && (last.len() >= 4 || last.len() == 3 && last.chars().all(|c| c.is_ascii_alphabetic()) && !self.p.lists.en_common.contains(&last.to_lowercase()))
                    && n.contains(' ')
                {
                    names.insert(last.to_string());
                }
                // Chinese: the last part of a dotted name alone (加拉格尔 after 麦克·加拉格尔).
                if let Some((_, last)) = n.rsplit_once('·')
                    && last.chars().count() >= 2
                    && last.chars().all(is_han)
                {
                    names.insert(last.to_string());
                }
            }
        }
        names
    }

    /// Each name's full form: the first open-world person whose name is it or ends
    /// with it after a space or a dot.
    fn full_names<'n>(&self, names: &'n BTreeSet<String>) -> HashMap<&'n str, String> {
        // One pass over the mentions, every such ending.
        let mut full: HashMap<&str, String> = HashMap::new();
        for m in &self.mentions {
            if let Mk::Ent(EntityKey::Open(EntityType::Person, n), _) = &m.kind {
                let ends = n.char_indices().filter(|&(_, c)| c == ' ' || c == '·').map(|(b, c)| &n[b + c.len_utf8()..]);
                for end in std::iter::once(n.as_str()).chain(ends) {
                    if let Some(name) = names.get(end) {
                        full.entry(name.as_str()).or_insert_with(|| n.clone());
                    }
                }
            }
        }
        full
    }

    /// Per name, the byte offsets of its non-overlapping occurrences in the normalised
    /// text, left to right.
    pub(super) fn name_occurrences(&self, names: &[&String]) -> Vec<Vec<usize>> {
        // A substring search per name when they are few (most documents), else every
        // occurrence of every name in one automaton pass (a long document naming
        // thousands: linear, not names × text).
        let mut occurrences: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
        if names.len() <= 16 {
            for (k, name) in names.iter().enumerate() {
                occurrences[k].extend(self.norm_str.match_indices(name.as_str()).map(|(b, _)| b));
            }
        } else {
            let ac = aho_corasick::AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
                .build(names.iter().map(|n| n.as_str()))
                .expect("names build an automaton");
            for mat in ac.find_overlapping_iter(&self.norm_str) {
                let (k, b) = (mat.pattern().as_usize(), mat.start());
                let len = names[k].len();
                if occurrences[k].last().is_none_or(|&prev| prev + len <= b) {
                    occurrences[k].push(b);
                }
            }
        }
        occurrences
    }

    /// Pushes `name` as the person `full_name` at each char offset of `found` where it
    /// stands as a whole name (no word running on either side, no dotted name's part,
    /// capitalised as English).
    fn push_name_repeats(&mut self, name: &str, found: &[usize], key: EntityKey, rule: &'static str) {
        let pat: Vec<char> = name.chars().collect();
        let n = self.norm.len();
        for &i in found {
            let e = i + pat.len();
            let left_ok = i == 0 || !(is_word_char(self.norm[i - 1]) && is_word_char(pat[0]));
            let right_ok = e == n || !(is_word_char(self.norm[e]) && is_word_char(pat[pat.len() - 1]));
            let dot_ok = !(i >= 2 && self.norm[i - 1] == '·' && is_han(self.norm[i - 2]));
            let cap_ok = !pat[0].is_ascii() || self.chars[i].is_uppercase();
            if left_ok && right_ok && dot_ok && cap_ok {
                self.push(i, e, Mk::Ent(key.clone(), EntityType::Person), rule);
            }
        }
    }

    /// Phrases of `pair-phrases` ("the two leaders", 两国元首, 两人): `Mk::Group(2)` (of
    /// `trio-phrases`, "the three foreign ministers": `Mk::Group(3)`), where
    /// no mention is; an English phrase is whole words.
    #[inline(never)]
    pub(super) fn find_pair_phrases(&mut self) {
        let mut found = Vec::new();
        for hit in self.p.lists.pronouns.pairs.find_iter(&self.norm_str) {
            let s = self.char_at_byte(hit.start());
            let e = self.char_at_byte(hit.end());
            let latin = self.norm[s].is_ascii_alphabetic();
            if latin && ((s > 0 && is_word_char(self.norm[s - 1])) || self.norm.get(e).is_some_and(|&c| is_word_char(c))) {
                continue;
            }
            // 中美两国元首: the countries are named; their title is read as such
            // (`country-count-words`).
            let counted = |w: &String| self.norm_str[hit.start()..].starts_with(w.as_str());
            if s > 0 && self.p.abbrs.contains_key(&self.norm[s - 1]) && self.p.lists.context.country_counts.iter().any(counted) {
                continue;
            }
            found.push((s, e, hit.pattern().as_usize() >= self.p.lists.pronouns.trios_from));
        }
        // "The two met in Finland", "They last met in June": `pair-phrases-before-triggers`
        // stand for the pair only right before a meeting trigger (not "the two countries"),
        // or before up to three words of `pair-before-trigger` before it.
        let ctx = &self.p.lists.context;
        for t in self.triggers.iter() {
            // "They" only before a trigger of meeting in person ("they met", not "they also
            // exchanged views" after a call).
            let in_person = || self.ns(t.start, t.end).split(|c: char| !is_word_char(c)).any(|w| ctx.pair_pronoun_triggers.contains(w));
            let mut end = t.start;
            for _ in 0..4 {
                if end < 2 || self.norm[end - 1] != ' ' {
                    break;
                }
                // The word before (thirty characters at most: work stays linear).
                let Some(ws) = ((end - 1).saturating_sub(30)..end - 1).rev().find(|&i| !is_word_char(self.norm[i])).map(|i| i + 1).or((end <= 31).then_some(0)) else { break };
                let before = self.ns(ws, end - 1);
                let at = |w: &&String| {
                    let n = w.chars().count();
                    (end - 1).checked_sub(n).is_some_and(|s| self.ns(s, end - 1) == w.as_str() && (s == 0 || !is_word_char(self.norm[s - 1])))
                };
                if let Some(w) = ctx.pair_before_triggers.iter().find(at).or_else(|| ctx.pair_pronouns.iter().find(at).filter(|_| in_person())) {
                    let s = end - 1 - w.chars().count();
                    found.push((s, end - 1, false));
                    break;
                }
                if before.is_empty() || !self.p.lists.joins.pair_before_trigger.iter().any(|p| p == before) {
                    break;
                }
                end = ws;
            }
        }
        // A title inside the phrase ("the two presidents", 两国总统) is the phrase's word,
        // not a title of its own.
        if !found.is_empty() {
            let inside = |m: &M| matches!(m.kind, Mk::Ent(_, EntityType::Role)) && found.iter().any(|&(s, e, _)| s <= m.start && m.end <= e);
            self.mentions.retain(|m| !inside(m));
            self.sort_mentions();
        }
        for (s, e, trio) in found {
            if !self.mentions.overlaps(s, e) {
                let (kind, rule) = if trio { (Mk::Group(3), "pattern:trio") } else { (Mk::Group(2), "pattern:pair") };
                self.push(s, e, kind, rule);
            }
        }
    }

    /// Chinese names with a name dot between transliterations (汤姆·胡普斯说, 发言人亚当.埃雷利,
    /// 理查德•霍尔布鲁克) wherever they stand: the dot is the cue. The name runs left from
    /// the dot over transliteration characters and on through the dots to its end
    /// ([`Names::zh_name_kind_at`]); a place (a place suffix after it) is none, and so is
    /// a name cut before more transliteration (圣·彼|得斯堡): before a Han character, its
    /// last part has two characters at least.
    #[inline(never)]
    pub(super) fn find_dotted_names(&mut self) {
        let names = &self.p.names;
        let n = self.norm.len();
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut i = 1;
        while i + 1 < n {
            if !names.is_name_dot(&self.norm, i) || !names.is_translit(self.norm[i - 1]) || !names.is_translit(self.norm[i + 1]) {
                i += 1;
                continue;
            }
            let mut s = i;
            while s > 0 && i - s < 8 && names.is_translit(self.norm[s - 1]) && !(s < i && names.ends_name_at(&self.norm, s - 1) && !names.is_translit(self.norm[s - 1])) {
                s -= 1;
            }
            match names.zh_name_kind_at(&self.norm, s) {
                Some((e, _))
                    if e > i + 1
                        && e - s >= 3
                        && !self.p.lists.place_suffixes.contains(self.norm[e - 1])
                        && !self.norm.get(e).is_some_and(|&c| self.p.lists.place_suffixes.contains(c) || names.is_translit(c))
                        && (self.norm.get(e).is_none_or(|&c| !is_han(c)) || (s..e).rev().take(2).all(|k| is_han(self.norm[k]))) =>
                {
                    found.push((s, e));
                    i = e;
                }
                _ => i += 1,
            }
        }
        for (s, e) in found {
            if self.mentions.overlaps(s, e) || self.time_touches(s, e) {
                continue;
            }
            let name = self.ns(s, e).to_string();
            self.push(s, e, Mk::Ent(EntityKey::Open(EntityType::Person, name), EntityType::Person), "pattern:zh-dotted-name");
        }
        self.sort_mentions();
    }

    #[inline(never)]
    pub(super) fn find_pronouns(&mut self) {
        let n = self.norm.len();
        for i in 0..n {
            let c = self.norm[i];
            let prev = if i > 0 { self.norm[i - 1] } else { ' ' };
            let next = self.norm.get(i + 1).copied().unwrap_or(' ');
            let lists = &self.p.lists;
            let pr = &lists.pronouns;
            let zh = pr.zh.contains(c) && !pr.zh_not_before.contains(prev) && !pr.zh_not_after.contains(next);
            // An English pronoun of `en-subject-pronouns` or `en-object-pronouns`: a whole word.
            let en = if c.is_ascii_lowercase() && (i == 0 || !is_word_char(prev)) {
                let e = (i..n.min(i + 8)).find(|&j| !is_word_char(self.norm[j])).unwrap_or(n.min(i + 8));
                let w = self.ns(i, e);
                let is = |l: &[String]| l.iter().any(|p| p == w);
                // "I" only as a capital letter (a speaker's; "i" is no word of news).
                let speaker = is(&pr.en_speaker) && (w != "i" || self.chars[i] == 'I');
                (e < n.min(i + 8) || e == n) && (is(&pr.en_subject) || is(&pr.en_object) || speaker)
            } else {
                false
            };
            if pr.couples.1.contains(c) && (i == 0 || !is_word_char(prev)) {
                let rest = self.ns(i, (i + 32).min(n));
                let phrases = &self.p.lists.pronouns.couples.0;
                if let Some(phrase) = phrases.iter().find(|p| rest.starts_with(p.as_str()) && !rest[p.len()..].starts_with(|c: char| c.is_alphanumeric())) {
                    let len = phrase.chars().count();
                    self.push(i, i + len, Mk::Couple, "pattern:couple");
                }
            }
            if zh {
                self.push(i, i + 1, Mk::Pronoun, "pattern:pronoun");
            } else if en {
                let len = (i..n).find(|&j| !is_word_char(self.norm[j])).unwrap_or(n) - i;
                self.push(i, i + len, Mk::Pronoun, "pattern:pronoun");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::extract_on;

    fn persons(text: &str) -> Vec<(String, String)> {
        let x = extract_on(text, (2024, 5, 20));
        let mut v: Vec<(String, String)> = x
            .entities
            .iter()
            .filter(|e| e.etype == crate::gazetteer::EntityType::Person)
            .flat_map(|e| e.mentions.iter().map(move |m| (e.name.clone(), m.rule.to_string())))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_three_letter_surname_repeats_its_person_unless_a_common_word() {
        let p = persons("Norland Foreign Minister Lena Vik visited Tallo on Monday. Vik arrived with trade officials.");
        assert_eq!(p.iter().filter(|(n, r)| n == "Lena Vik" && r == "pattern:name-repeat").count(), 1, "{p:?}");
        let p = persons("Prime Minister Jon May visited Tallo. May is a good month for travel.");
        assert!(p.iter().all(|(_, r)| r != "pattern:name-repeat"), "{p:?}");
    }

    #[test]
    fn a_listed_name_with_no_short_form_repeats_by_its_first_or_last_word() {
        // The gazetteer lists Cho Hyun with no short form: "Cho" alone is that person.
        let p = persons("Foreign Minister Cho Hyun arrived in Tallo on Monday. Cho said the talks went well.");
        assert_eq!(p.iter().filter(|(n, r)| n == "Cho Hyun" && r == "pattern:listed-name-repeat").count(), 1, "{p:?}");
        // Not beside another capitalised word, and not when another person shares the word.
        let p = persons("Foreign Minister Cho Hyun arrived on Monday. The Cho Foundation gave a dinner.");
        assert!(p.iter().all(|(_, r)| r != "pattern:listed-name-repeat"), "{p:?}");
        let p = persons("Foreign Minister Cho Hyun met Cho Min-su. Cho spoke first.");
        assert!(p.iter().all(|(_, r)| r != "pattern:listed-name-repeat"), "{p:?}");
    }

    #[test]
    fn a_name_dot_between_transliterations_is_a_person_anywhere() {
        assert_eq!(persons("汤姆·胡普斯说，两国关系正在改善。"), [("汤姆·胡普斯".to_string(), "pattern:zh-dotted-name".to_string())]);
        assert_eq!(persons("据理查德•霍尔布鲁克透露，会谈将在下周举行。"), [("理查德•霍尔布鲁克".to_string(), "pattern:zh-dotted-name".to_string())]);
        // A place suffix after it: a place.
        assert!(persons("他们抵达了圣·彼得斯堡市。").is_empty());
        // A listed transliteration inside a longer one (卡拉斯 in 阿尔卡拉斯) is nobody listed.
        assert!(persons("西班牙球员阿尔卡拉斯赢得了比赛。").iter().all(|(n, _)| n != "Kaja Kallas"));
        // A Latin initial inside: the first part is no name of its own.
        assert_eq!(persons("10月26日,安东尼·J·布林肯国务卿在华盛顿会晤了王毅。").iter().filter(|(n, _)| n == "安东尼").count(), 0);
    }
}
