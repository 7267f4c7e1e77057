//! Chinese names in meeting slots: names no list knows where, around a Chinese meeting or
//! attendance trigger, only a person can stand.
//!
//! Input: the page's normalised text, its mentions so far (gazetteer hits, titled names),
//! its triggers and time expressions. Output: person mentions with the rule
//! `pattern:zh-slot-name`: a meeting clause's subject (past times and lead words,
//! `zh-clause-lead`; the clause before, after a comma, when its own names no one), the
//! object after a subject-object trigger (past 了 and its modifiers, `zh-object-modifiers`),
//! after a with-marker (`zh-with-markers`), after a person and a list mark
//! (`zh-list-marks`); and, for `groups`, whether a person stands as an object
//! (`zh_object_at`, `zh_verb_object_at`).
//!
//! **Invariant**: a name is taken only where no mention covers its start, cut at the next
//! mention and trigger, and only when what follows it is where a name ends (a time, a
//! trigger, a title, a clear end such as 在, or a word of `zh-after-name`); a Han name is
//! at most three characters unless its surname is compound, and none begins with a word of
//! `zh-not-names`.

use super::*;
use super::slots::is_clause_mark;
use crate::matching::NameForm;

impl<'a> Page<'a> {
    /// Whether a trigger starts at `pos` (triggers are sorted by start).
    pub(super) fn trigger_starts_at(&self, pos: usize) -> bool {
        let i = self.triggers.partition_point(|t| t.start < pos);
        self.triggers.get(i).is_some_and(|t| t.start == pos)
    }

    fn zh_meeting_trigger(&self, t: &TriggerHit<'_>) -> bool {
        t.rules.iter().any(|&r| {
            let rule = &self.p.rules.rules[r];
            rule.lang == Lang::Zh && matches!(rule.kind, RuleKind::Meeting | RuleKind::Attendance)
        })
    }

    /// Past time expressions, white space and lead words (据悉, 随后) from `p` on.
    fn skip_lead(&self, mut p: usize, hi: usize) -> usize {
        loop {
            let before = p;
            while p < hi && self.norm[p].is_whitespace() {
                p += 1;
            }
            if let Some(t) = self.time_starting_at(p).filter(|t| t.end <= hi) {
                p = t.end;
            }
            if let Some(w) = self.p.lists.zh_clause_lead.iter().find(|w| self.ns(p, hi).starts_with(w.as_str())) {
                p += w.chars().count();
            }
            if p == before {
                return p;
            }
        }
    }

    /// Past 了 and the modifiers of an object (来访的, 来华进行国事访问的) from `p` on.
    fn skip_object_modifiers(&self, mut p: usize) -> usize {
        let n = self.norm.len();
        if p < n && self.norm[p] == '了' {
            p += 1;
        }
        if let Some(w) = self.p.lists.zh_object_modifiers.iter().find(|w| self.ns(p, n).starts_with(w.as_str())) {
            p += w.chars().count();
        }
        // Places, bodies and titles before the object's name (新西兰议员, 荷兰埃因霍温市).
        let start = p;
        while let Some(m) = self.mentions.covering(p).filter(|m| m.start == p && !matches!(m.kind, Mk::Ent(_, EntityType::Person) | Mk::Pronoun)) {
            p = m.end;
        }
        if p > start {
            return p;
        }
        // A short modifier ending in 的 (来华进行国事访问的), with no mark inside.
        let hi = (p + 14).min(n);
        for i in p..hi {
            let c = self.norm[i];
            if !is_han(c) || self.mentions.covering(i).is_some_and(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person))) {
                break;
            }
            if c == '的' {
                return i + 1;
            }
        }
        p
    }

    /// A candidate name that begins with a word of `zh-not-names` (包括, 商界).
    pub(super) fn zh_not_a_name(&self, s: usize, e: usize) -> bool {
        let t = self.ns(s, e);
        self.p.lists.zh_not_names.iter().any(|w| t.starts_with(w.as_str()))
    }

    /// Whether a Chinese name may end at `e` in a slot: the text or clause ends, a
    /// clear end follows (在, 和, 一行, a digit), a time, a trigger, or a word of
    /// `zh-after-name`.
    pub(super) fn zh_name_ends_well(&self, e: usize) -> bool {
        let n = self.norm.len();
        if e >= n || !is_han(self.norm[e]) || self.p.names.clear_end(&self.norm, e) {
            return true;
        }
        if self.time_starting_at(e).is_some() || self.trigger_starts_at(e) {
            return true;
        }
        if self.mentions.covering(e).is_some_and(|m| m.start == e && matches!(m.kind, Mk::Ent(_, EntityType::Role))) {
            return true;
        }
        // A body's title after the name (塔维拉诺国会主席): a body's name of two characters
        // ending as bodies' names do (`zh-body-ends`: 国会, 议会), then a title (not longer:
        // 塔维拉能源公司总裁 names no 塔维拉).
        if let Some(r) = self.mentions.next_start(e, (e + 3).min(n)).and_then(|r| self.mentions.starting(r)).filter(|r| matches!(r.kind, Mk::Ent(_, EntityType::Role)))
            && r.start == e + 2
            && self.norm[e..r.start].iter().all(|&c| is_han(c))
            && self.p.lists.joins.zh_body_ends.iter().any(|w| self.ns(e, r.start).ends_with(w.as_str()))
        {
            return true;
        }
        let rest = self.ns(e, (e + 4).min(n));
        self.p.lists.zh_after_name.iter().any(|w| rest.starts_with(w.as_str()))
    }

    /// Where a clause `lo..verb` with no one before its verb may find its subject: the
    /// start of the clause before, after a comma (林永乐在瓜地马拉访问期间，将晋见…).
    fn previous_clause_start(&self, lo: usize, verb: usize) -> Option<usize> {
        let person = |i: usize| self.mentions.starting(i).is_some_and(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person)));
        if lo == 0 || self.norm[lo - 1] != ',' || (lo..verb).any(person) {
            return None;
        }
        let mut plo = lo - 1;
        while plo > 0 && !is_clause_mark(self.norm[plo - 1]) && lo - plo < 40 {
            plo -= 1;
        }
        Some(self.skip_lead(plo, lo - 1))
    }

    /// Where a name may start in a Chinese meeting slot (sorted, once each): each clause's
    /// subject, the clause before a clause with no one, after a with-marker, a subject-object
    /// trigger's object, after a person and a list mark; and, of those, the objects.
    fn zh_slot_starts(&self) -> (Vec<usize>, Vec<usize>) {
        let n = self.norm.len();
        let mut starts: Vec<usize> = Vec::new();
        // Where a subject-object trigger's object starts (sorted: triggers are).
        let mut objects: Vec<usize> = Vec::new();
        let triggers = self.triggers.clone();
        for t in triggers.iter() {
            if !self.zh_meeting_trigger(t) || !self.active_at(t.start) {
                continue;
            }
            let mut lo = t.start;
            while lo > 0 && !is_clause_mark(self.norm[lo - 1]) && t.start - lo < 80 {
                lo -= 1;
            }
            starts.push(self.skip_lead(lo, t.start));
            starts.extend(self.previous_clause_start(lo, t.start));
            for i in lo..t.start {
                if self.p.lists.zh_with.contains(self.norm[i]) && self.mentions.covering(i).is_none() {
                    starts.push(self.skip_lead(i + 1, t.start));
                }
            }
            // 诺兰议会外事委员会林文达副主任委员会见: a name of two or three characters between
            // a body's name (`zh-body-ends`) and a title.
            // (The clause is 80 characters at most: a look-up per character.)
            for rs in lo + 2..t.start {
                if !self.mentions.starting(rs).is_some_and(|m| matches!(m.kind, Mk::Ent(_, EntityType::Role))) {
                    continue;
                }
                for p in [rs - 2, rs.saturating_sub(3)].into_iter().filter(|&p| p >= lo) {
                    let before = self.ns(lo, p);
                    if !self.mentions.overlaps(p, rs) && self.p.lists.joins.zh_body_ends.iter().any(|b| b.chars().count() >= 2 && before.ends_with(b.as_str())) {
                        starts.push(p);
                    }
                }
            }
            // The object: only a subject-object trigger has one after it (会见 Y; not 会晤).
            if t.rules.iter().any(|&r| self.p.rules.rules[r].shape == Shape::SubjectObject) {
                let o = self.skip_object_modifiers(t.end);
                starts.push(o);
                objects.push(o);
            }
        }
        // Lists: a person, then 、/和/与/及, then a name (王毅、刘振民).
        for m in &self.mentions {
            if matches!(m.kind, Mk::Ent(_, EntityType::Person)) && m.end + 1 < n && self.p.lists.zh_list_marks.contains(self.norm[m.end]) {
                starts.push(m.end + 1);
            }
        }
        starts.sort_unstable();
        starts.dedup();
        (starts, objects)
    }

    /// Chinese names no list knows where only a person can stand.
    #[inline(never)]
    pub(super) fn find_zh_slot_names(&mut self) {
        let n = self.norm.len();
        let (starts, objects) = self.zh_slot_starts();
        let mut found: Vec<(usize, usize)> = Vec::new();
        for p in starts {
            if p >= n || !is_han(self.norm[p]) || self.mentions.covering(p).is_some() || found.last().is_some_and(|f| f.1 > p) {
                continue;
            }
            // An object over a stop character (会见了华自强一行人: 自), not over a
            // with-marker or a list mark (会见林与王).
            let over_stop = || {
                let mid = *self.norm.get(p + 1)?;
                let marks = self.p.lists.zh_list_marks.contains(mid) || self.p.lists.zh_with.contains(mid);
                // … and a stop ends it (一行, 。), not a word going on (商会代|表团).
                (objects.binary_search(&p).is_ok() && !marks)
                    .then(|| self.p.names.zh_name_over_stop(&self.norm, p))
                    .flatten()
                    .filter(|&e| self.p.names.ends_name_at(&self.norm, e))
                    .map(|e| (e, NameForm::Han))
            };
            let Some((e, form)) = self.p.names.zh_name_kind_at(&self.norm, p).or_else(over_stop) else { continue };
            // A Han name in a slot is a surname and one or two characters (a longer run
            // is more often a phrase: 成果落地).
            if form == NameForm::Other || (form == NameForm::Han && e - p > 3 && !self.p.names.compound_surname_at(&self.norm, p)) {
                continue;
            }
            let e = self.clip_to_trigger(p, self.clip_to_next_mention(p, e));
            if e - p < 2 || !self.zh_name_ends_well(e) || self.zh_not_a_name(p, e) {
                continue;
            }
            // 安东尼·J·布林肯: the first part of a dotted name whose rest no reading took is
            // no name of its own.
            if e < n && self.p.names.is_name_dot(&self.norm, e) {
                continue;
            }
            // 日本文部大臣町村信孝: before a title that a person's name follows, the words
            // qualify the title.
            let titled_next = self.mentions.starting(e).filter(|m| matches!(m.kind, Mk::Ent(_, EntityType::Role))).is_some_and(|r| {
                self.mentions.starting(r.end).is_some_and(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person)))
            });
            if titled_next {
                continue;
            }
            // One transliterated character pair that is a word of its own (巴方, 德国) is
            // no name: two characters of transliteration must stand alone.
            if form == NameForm::Transliterated
                && e - p == 2
                && e < n
                && is_han(self.norm[e])
                && !self.p.names.clear_end(&self.norm, e)
                && !self.trigger_starts_at(e)
            {
                continue;
            }
            found.push((p, e));
        }
        for (s, e) in found {
            let name = self.ns(s, e).to_string();
            self.push(s, e, Mk::Ent(EntityKey::Open(EntityType::Person, name), EntityType::Person), "pattern:zh-slot-name");
        }
        self.sort_mentions();
    }

    /// Whether the person starting at `start` is an object: right after 同/与/和/跟 or a
    /// trigger, titles, places and bodies between (与副总统拜登, 会见美国总统拜登).
    /// A person later in a 、 list after such an object is one too (会见了俄罗斯总统叶利钦、
    /// 总理切尔诺梅尔金), and a title's modifiers (`title-modifiers`: 前主席) stand between
    /// like titles.
    pub(super) fn zh_object_at(&self, start: usize, lo: usize) -> bool {
        self.zh_object_of(start, lo, true)
    }

    /// Whether the person starting at `start` is the object of a trigger (not after
    /// 同/与: 与张德江当年会见梁振英的安排相近 makes 张德江 no object).
    pub(super) fn zh_verb_object_at(&self, start: usize, lo: usize) -> bool {
        self.zh_object_of(start, lo, false)
    }

    fn zh_object_of(&self, start: usize, lo: usize, with: bool) -> bool {
        let mut start = start;
        // At most a few list steps back: each is one earlier person.
        for _ in 0..8 {
            let p = self.zh_before_titles(start, lo);
            let k = self.triggers.partition_point(|t| t.start < p);
            // Before a title, a short word no list knows may qualify it (晋见瓜国总统马多纳多).
            // Before a title, words no list knows may qualify it (晋见瓜国总统马多纳多;
            // 会见诺兰经贸合作召集人、协调部长王建国): up to sixteen Han characters and 、
            // (places and bodies among them, no person).
            let qualified = |t: &TriggerHit<'_>| {
                p < start
                    && t.end < p
                    && p - t.end <= 16
                    && (t.end..p).all(|i| is_han(self.norm[i]) || self.norm[i] == '、')
                    && !self.mentions[self.mentions.partition_point(|m| m.end <= t.end)..].iter().take_while(|m| m.start < p).any(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person)))
            };
            if p > lo
                && ((with && self.p.lists.zh_with.contains(self.norm[p - 1]) && !self.covered(p - 1))
                    || self.triggers[..k].iter().rev().take(4).any(|t| t.end == p || qualified(t)))
            {
                return true;
            }
            // 、 right after an earlier person: that person's answer is this one's.
            if p > lo + 1 && self.norm[p - 1] == '、'
                && let Some(m) = self.mentions.ending(p - 1).filter(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person)))
            {
                start = m.start;
                continue;
            }
            return false;
        }
        false
    }

    /// Where the titles, places, bodies and title modifiers right before `start` begin.
    /// 瑞士联邦主席, 美国联邦储备委员会主席: before a title starting at `p`, a country or
    /// place and up to three characters no list knows qualify it; where the place starts.
    fn zh_country_qualifier(&self, p: usize, lo: usize) -> Option<usize> {
        if !self.mentions.starting(p).is_some_and(|m| self.is_role(m)) {
            return None;
        }
        let k = (1..=3).filter(|&k| p >= lo + k).find(|&k| {
            (p - k..p).all(|i| is_han(self.norm[i]) && !self.covered(i))
                && self.mentions.ending(p - k).is_some_and(|m| matches!(m.kind, Mk::Demonym(_) | Mk::Ent(_, EntityType::Place)))
        })?;
        self.mentions.ending(p - k).map(|m| m.start)
    }

    /// 同韩国国家安保室长金圣翰: before a person at `p`, a title no list knows (up to eight Han
    /// characters no mention or trigger covers) after a country or place: where the place
    /// starts.
    fn zh_unlisted_title_start(&self, p: usize, lo: usize) -> Option<usize> {
        let k = (2..=8).filter(|&k| p >= lo + k).take_while(|&k| is_han(self.norm[p - k]) && !self.covered(p - k)).find(|&k| {
            self.mentions.ending(p - k).is_some_and(|m| matches!(m.kind, Mk::Demonym(_) | Mk::Ent(_, EntityType::Place)))
        })?;
        let q = p - k;
        let t = self.triggers.partition_point(|t| t.end <= q);
        if self.triggers.get(t).is_some_and(|t| t.start < p) {
            return None;
        }
        self.mentions.ending(q).map(|m| m.start)
    }

    fn zh_before_titles(&self, start: usize, lo: usize) -> usize {
        let mut p = start;
        while p > lo {
            match self.mentions.ending(p) {
                Some(m) if !matches!(m.kind, Mk::Ent(_, EntityType::Person) | Mk::Pronoun) => p = m.start,
                _ => {
                    // Title modifiers are short: only the last few characters count.
                    let before = self.ns(p.saturating_sub(4).max(lo), p);
                    match self.p.lists.title_modifiers.iter().find(|w| is_han(w.chars().next().unwrap_or(' ')) && before.ends_with(w.as_str())) {
                        Some(w) if self.mentions.ending(p - w.chars().count()).is_some_and(|m| !matches!(m.kind, Mk::Ent(_, EntityType::Person) | Mk::Pronoun)) => {
                            p -= w.chars().count();
                        }
                        _ => match self.zh_country_qualifier(p, lo).or_else(|| (p == start).then(|| self.zh_unlisted_title_start(p, lo)).flatten()) {
                            Some(q) => p = q,
                            None => break,
                        },
                    }
                }
            }
        }
        p
    }

    /// 同多位商界人士会面，包括汇丰银行行长王冬胜、港务集团总裁陈志明等: the people a clause right
    /// after a trigger opens with a word of `zh-inclusion-words` names (up to its end).
    pub(super) fn zh_included_after(&self, te: usize, hi: usize) -> Vec<usize> {
        let mut p = te;
        while p < hi && matches!(self.norm[p], ',' | ' ') {
            p += 1;
        }
        if p == te || p >= hi {
            return Vec::new();
        }
        let rest = self.ns(p, hi);
        let Some(w) = self.p.lists.context.zh_inclusion.iter().find(|w| rest.starts_with(w.as_str())) else { return Vec::new() };
        let from = p + w.chars().count();
        let end = (from..hi).find(|&i| matches!(self.norm[i], ',' | ';' | '。')).unwrap_or(hi);
        self.right_group(from, end)
    }
}
