//! Pronouns and phrases for people named before: who "he", 他, "the couple" and "the
//! two leaders" stand for (read by `roles::build_items`).
//!
//! Input: the items built so far (people in text order), the page's sentences, triggers
//! and lists (`en-subject-pronouns`, `en-object-pronouns`, `zh-pronouns`,
//! `zh-object-pronouns`, `zh-pronoun-own-words`, `en-couple-phrases`, `pair-phrases`).
//! Output: the key each pronoun or phrase stands for, or none.
//!
//! **Invariant**: work per pronoun is bounded (the sentence, the one before, a few
//! items back).

use super::*;

impl<'a> Page<'a> {
    /// The last two people named side by side before the couple phrase at `m` ("King X
    /// and Queen Y"): their keys, when they are two and a couple join stands between.
    pub(super) fn couple_keys(&self, m: &M, items: &[Item]) -> Option<(EntityKey, EntityKey)> {
        let mut people: Vec<&Item> = items.iter().rev().filter(|it: &&Item| it.end <= m.start).take(2).collect();
        people.reverse();
        if let [a, b] = people[..] {
            let between: String = self.gap(a.end, b.start);
            if a.key != b.key && self.p.lists.joins.couple.iter().any(|w| *w == between) {
                return Some((a.key.clone(), b.key.clone()));
            }
        }
        None
    }

    /// Who a pronoun at mention `m` stands for (see `build_items`): its sentence's
    /// subject, for an object someone named before the sentence, the previous sentence's
    /// opening subject, else the last person named.
    pub(super) fn pronoun_key(&self, m: &M, items: &[Item], last_person: Option<&EntityKey>) -> Option<EntityKey> {
        // English "he" in a sentence that named someone first ("Orban met Xi,
        // days after he met Putin") is that first person, the sentence's subject.
        let latin = self.chars[m.start].is_ascii_alphabetic();
        // "I", "we": the speaker of the transcript's turn, or the person heading the text.
        if latin && self.p.lists.pronouns.en_speaker.iter().any(|p| *p == self.ns(m.start, m.end)) {
            return self.speaker_at(m.start, items);
        }
        let sentence_start = self.sentence_start(m.start);
        // Items so far are in text order: those of this sentence are one run.
        let first = items.partition_point(|it: &Item| it.start < sentence_start);
        let subject = latin
            .then(|| {
                items[first..]
                    .iter()
                    .take_while(|it| it.start <= m.start)
                    .find(|it| it.end <= m.start)
                    .map(|it| it.key.clone())
            })
            .flatten();
        // English "him" is never its own sentence's subject: the last person
        // named before the sentence ("Wang arrived. Sullivan met him").
        let object = latin && self.p.lists.pronouns.en_object.iter().any(|p| *p == self.ns(m.start, m.end));
        // Chinese 他 right after a "with" marker or a meeting verb (李强同他举行会谈,
        // 会见了他) is the object: someone named before the sentence.
        let zh_object = !latin && m.start > 0 && self.p.lists.pronouns.zh_object.contains(self.norm[m.start]) && {
            let k = self.triggers.partition_point(|t| t.end < m.start);
            self.p.lists.zh_with.contains(self.norm[m.start - 1]) || self.triggers.get(k).is_some_and(|t| t.end == m.start)
        };
        // 谢列兹尼奥夫和他率领的代表团, 会见了X和他的夫人: 他 right after a person and a join,
        // before a word of `zh-pronoun-own-words`, is that person again: no one new.
        if !latin && m.start > 1 && self.p.lists.zh_with.contains(self.norm[m.start - 1]) && items.last().is_some_and(|it| it.end + 1 == m.start) {
            let after = self.ns(m.end, (m.end + 4).min(self.norm.len()));
            if self.p.lists.pronouns.zh_own.iter().any(|w| after.starts_with(w.as_str())) {
                return None;
            }
        }
        if !latin && let Some(key) = self.zh_pronoun_key(m, items, sentence_start, zh_object) {
            return Some(key);
        }
        let object = object || (zh_object && items[..first].last().is_some());
        let before_sentence = items[..first].last().map(|it| it.key.clone());
        // English "he" before anyone of its sentence, outside quotes, is the
        // previous sentence's subject when that sentence opens with a person
        // ("Mr. Bush arrived and met King Abdullah. He is meeting Sharon": Bush);
        // else the last person named.
        let quoted = self.norm[sentence_start..m.start].iter().filter(|&&c| matches!(c, '"' | '“' | '”')).count() % 2 == 1;
        let topic = (latin && subject.is_none() && !object && !quoted)
            .then(|| self.opening_subject(&items[..first], sentence_start))
            .flatten();
        if object { before_sentence } else { subject.or(topic).or_else(|| last_person.cloned()) }
    }

    /// Who "I" or "we" at `pos` is (`en-speaker-pronouns`): the person of the turn label
    /// ("SECRETARY KERRY:", "Mr. Campbell:") that opens this line or one of the 60 before it
    /// in its section; else, outside quotes, the person whose name alone is the section's
    /// first line that holds text (a transcript's or statement's heading).
    fn speaker_at(&self, pos: usize, items: &[Item]) -> Option<EntityKey> {
        let line = self.line_at(pos);
        let section = self.lines[line].section;
        let lo = line.saturating_sub(60);
        for l in (lo..=line).rev() {
            let ln = &self.lines[l];
            if ln.section != section {
                break;
            }
            if let Some((end, key)) = self.turn_label(ln.start, ln.end, items)
                && (l < line || end <= pos)
            {
                return Some(key);
            }
        }
        let start = self.sentence_start(pos);
        if self.norm[start..pos].iter().filter(|&&c| matches!(c, '"' | '“' | '”')).count() % 2 == 1 {
            return None;
        }
        // The section's first line that holds text (lines run in section order).
        let opening = self.lines.partition_point(|l| l.section < section);
        let first = (opening..=line).find(|&l| self.chars[self.lines[l].start..self.lines[l].end].iter().any(|c| !c.is_whitespace()))?;
        let ln = &self.lines[first];
        let text = self.ns(ln.start, ln.end);
        let lead = text.len() - text.trim_start().len();
        let s = ln.start + text[..lead].chars().count();
        let e = s + text.trim().chars().count();
        let k = items.partition_point(|it| it.start < s);
        items.get(k).filter(|it| it.start == s && it.end == e && first != line).map(|it| it.key.clone())
    }

    /// A turn label opening the line `start..end`: a person named within its first 40
    /// characters, at most four words after the line's start, then a colon. Where the
    /// label ends, and who.
    fn turn_label(&self, start: usize, end: usize, items: &[Item]) -> Option<(usize, EntityKey)> {
        let k = items.partition_point(|it| it.start < start);
        let it = items.get(k).filter(|it| it.end < end && it.start < start + 40)?;
        let before = self.ns(start, it.start);
        if before.split_whitespace().count() > 4 || before.contains([':', '.', ',']) && !before.trim_end().ends_with('.') {
            return None;
        }
        (self.norm.get(it.end) == Some(&':')).then(|| (it.end + 1, it.key.clone()))
    }

    /// Who Chinese 他/她 at `m` stands for, when the clause and sentence say: as an object
    /// (`object`: after a "with" marker or a meeting verb), the last person named before
    /// its clause (林芳正外相访华，秦刚将同他举行会谈); as a subject, its sentence's subject
    /// named before it (布林肯昨日与秦刚会晤，而今日他与习近平会面), else the previous
    /// sentence's (李显龙将与习近平会面。他也将与王沪宁会面). `None`: `pronoun_key` decides.
    fn zh_pronoun_key(&self, m: &M, items: &[Item], sentence_start: usize, object: bool) -> Option<EntityKey> {
        if object {
            let clause = (sentence_start..m.start).rev().find(|&i| matches!(self.norm[i], ',' | ';' | ':')).map_or(sentence_start, |i| i + 1);
            return items[..items.partition_point(|it| it.end <= clause)].last().map(|it| it.key.clone());
        }
        if let Some(key) = self.zh_subject(items, sentence_start, m.start) {
            return Some(key);
        }
        let prev = self.sentence_before(sentence_start)?;
        self.zh_subject(items, prev.0, prev.1)
    }

    /// The subject of the Chinese sentence from `lo`, named before `hi`: its first person,
    /// when no "with" marker other than a list mark (同, 与, 跟; not 和, which joins lists
    /// and stands in 共和国) and no trigger stands before it.
    fn zh_subject(&self, items: &[Item], lo: usize, hi: usize) -> Option<EntityKey> {
        // 他说："普京将会见李克强。…": a quotation opened in the sentence and still open at
        // its end starts the speaker's words, whose subject is the first person after it
        // (a quotation closed inside the sentence, 称讨论"非常积极", changes nothing).
        let open = (lo..hi).rev().find(|&i| matches!(self.norm[i], '“' | '「' | '『'));
        let lo = match open {
            Some(i) if !self.norm[i..hi].iter().any(|&c| matches!(c, '”' | '」' | '』')) => i + 1,
            _ => lo,
        };
        // (诺兰通讯社记者林文达、陈志明台北22日电)…: a bracket opening the sentence (a byline) holds
        // no subject.
        let lo = if self.norm.get(lo) == Some(&'(') { (lo..hi).find(|&i| self.norm[i] == ')').map_or(lo, |i| i + 1) } else { lo };
        let it = items.get(items.partition_point(|it| it.start < lo)).filter(|it| it.end <= hi)?;
        let lists = &self.p.lists;
        let marker = self.norm[lo..it.start].iter().any(|&c| lists.zh_with.contains(c) && !lists.zh_list_marks.contains(c));
        let trigger = self.triggers.get(self.triggers.partition_point(|t| t.start < lo)).is_some_and(|t| t.start < it.start);
        // 除岸田外，他还…: a person set aside (`zh-except-markers`) is no subject.
        let before = self.ns(lo, it.start);
        let set_aside = lists.context.zh_except.iter().any(|w| before.ends_with(w.as_str()));
        (!marker && !trigger && !set_aside).then(|| it.key.clone())
    }

    /// The person who opens the sentence before the one starting at `start` (only a title
    /// or one capitalised word before it), if any; `items` end before `start`. Sentences
    /// are the page's (one splitter, [`sentences::Splitter`]).
    fn opening_subject(&self, items: &[Item], start: usize) -> Option<EntityKey> {
        let lo = self.sentence_before(start)?.0;
        let k = items.partition_point(|it| it.start < lo);
        let it = items.get(k).filter(|it| it.start < start)?;
        // Nothing but a title, an honorific or a capitalised word or two before it; or a
        // long title of capitalised words and function words only ("Chairman of the State
        // Council of the Russian Federation Anders Vik arrived").
        let words = self.gap(lo, it.start);
        let titled = || {
            let before: String = self.chars[lo..it.start].iter().collect();
            let mut n = 0;
            before.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).all(|w| {
                n += 1;
                n <= 16 && (w.starts_with(char::is_uppercase) || self.p.lists.en_function.contains(&w.to_lowercase()))
            })
        };
        // Or a fronted phrase closed by a comma right before it ("Four days after taking
        // office, Anwar received X. On Dec 8, he received Y": Anwar).
        let fronted = || self.chars[lo].is_ascii_alphabetic() && words.trim_end().ends_with(',') && words.split_whitespace().count() <= 14;
        (words.split_whitespace().count() <= 1 || (self.chars[lo].is_ascii_alphabetic() && titled()) || fronted()).then(|| it.key.clone())
    }

    /// The last `n` different people of the last sentence that names `n` or more,
    /// looking back from `pos` over its own sentence and the three before it (`items`
    /// end before `pos`); nothing when none does.
    pub(super) fn group_before(&self, items: &[Item], pos: usize, n: usize) -> Vec<EntityKey> {
        let mut hi = pos;
        let mut lo = self.sentence_start(pos);
        for _ in 0..4 {
            let k = items.partition_point(|it| it.start < lo);
            let mut two: Vec<EntityKey> = Vec::new();
            for it in items[k..].iter().take_while(|it| it.start < hi).collect::<Vec<_>>().into_iter().rev() {
                if !two.contains(&it.key) {
                    two.push(it.key.clone());
                }
                if two.len() == n {
                    two.reverse();
                    return two;
                }
            }
            let Some(prev) = self.sentence_before(lo) else { break };
            (lo, hi) = (prev.0, prev.1);
        }
        Vec::new()
    }
}
