//! Held, planned, or neither: what a meeting sentence says of its meeting.
//!
//! Input: a candidate meeting's sentence, clause and trigger. Output: `Some(planned)`,
//! or `None` when the text denies the meeting (不会与…会面) or only asks about,
//! speculates on or is arranging one (是否会与…会面？, "officials are working to
//! arrange a meeting") with no time for it. Speculation with a time ("could meet next
//! month") is a planned meeting, never a held one.
//!
//! **Invariant**: the markers are data (`zh-uncertain`, `zh-denial`, `en-uncertain` in
//! `lexicon/`); only text before the trigger in its clause (Chinese) or sentence
//! (English), the words right after a meeting named by a noun ("a meeting between X and
//! Y could take place"), and a question mark ending the sentence, are read.

use super::*;

impl<'a> Page<'a> {
    /// Whether chars `s..e` are a month's name ("May" is a month before it is "may").
    pub(super) fn month_word(&self, s: usize, e: usize) -> bool {
        let w = self.ns(s, e);
        self.p.lexicon.values("en-months").any(|(m, _)| m == w)
    }

    /// Whether the clause after a trigger ending at `from` (`after`) welcomes a visit to
    /// come: a person, then (past titles and times) a word of `zh-visit-invitations` not
    /// followed by 的 (欢迎卡斯特罗总统访华; not 欢迎来访的日本首相, not 会谈是希尔10月对平壤
    /// 访问时举行的).
    ///
    /// Only when someone speaks before the trigger in its sentence (韩正表示，…欢迎卡斯特罗
    /// 尽早访华): a ceremony's welcome (举行隆重仪式，欢迎克林顿总统访华) is the visit's own.
    fn zh_visit_invited(&self, sent_lo: usize, trig_lo: usize, from: usize, after: &str) -> bool {
        let Some(person) = self.items.get(self.items.partition_point(|it| it.start < from)) else { return false };
        let hi = from + after.chars().count();
        let mut p = person.end;
        if p > hi {
            return false;
        }
        while p < hi && self.covered(p) {
            p += 1;
        }
        if let Some(close) = self.latin_gloss_close(p, hi) {
            p = close + 1;
        }
        // Up to three characters of an adverb between (尽早访华, 年内访华).
        let visit_at = |r: &str| self.p.lists.status.zh_visit_invitations.iter().any(|w| r.strip_prefix(w.as_str()).is_some_and(|r| !r.starts_with('的')));
        let mut invited = (0..=3.min(hi - p)).take_while(|&k| k == 0 || (is_han(self.norm[p + k - 1]) && !self.covered(p + k - 1))).any(|k| visit_at(self.ns(p + k, hi)));
        // 欢迎林文达(Anders Lind)率领议员访问团来访: the visit of the party the person leads.
        let rest = self.ns(p, hi);
        if !invited && self.p.lists.context.party_leaders.iter().any(|w| rest.starts_with(w.as_str())) {
            invited = rest.char_indices().any(|(b, _)| visit_at(&rest[b..]));
        }
        // The speech verbs last: they scan the sentence, the rest a few characters.
        invited && {
            let before = self.ns(sent_lo, trig_lo);
            self.p.lists.speech_pats.iter().any(|(cue, v)| *cue == Cue::ZhVerb && before.contains(v.as_str()))
        }
    }

    /// `Some((planned, wondered))` for a meeting the sentence reports as held or planned
    /// (`wondered`: planned only because a time is given for one it wonders about);
    /// `None` when it denies it or only wonders about it.
    pub(super) fn meeting_status(&self, lang: Lang, sent: (usize, usize), lo: usize, trig: (usize, usize), planned: bool) -> Option<(bool, bool)> {
        let question = self.ns(sent.0, sent.1).trim_end().trim_end_matches(['"', '”', '」', ')']).ends_with('?');
        let mut planned = planned;
        // In Chinese, where the time of an uncertain meeting counts from: its clause, or the
        // clause before whose subject it shares (李强下周可能会到柏林，与朔尔茨举行会谈).
        let mut time_lo = lo;
        let (denied, uncertain) = match lang {
            Lang::Zh => self.zh_status_marks(sent, lo, trig, question, (&mut planned, &mut time_lo)),
            Lang::En => self.en_status_marks(sent, trig, question, &mut planned),
        };
        if denied {
            return None;
        }
        if uncertain {
            // A time for it makes it a plan; otherwise it is no meeting at all. In Chinese
            // the time must be of the meeting's clause (据CNN，11月29日…希望再安排会面: the
            // date is the report's).
            let (tlo, thi) = match lang {
                Lang::Zh => (time_lo, (trig.1..sent.1).find(|&i| matches!(self.norm[i], ',' | ';' | '。')).unwrap_or(sent.1)),
                Lang::En => (sent.0, sent.1),
            };
            let timed = !self.times_in(tlo, thi).is_empty();
            return timed.then_some((true, true));
        }
        // A schedule's line ("11:00 a.m. Secretary Blinken meets with …"): to come.
        if lang == Lang::En && self.opens_with_clock_time(sent.0, trig.0) {
            planned = true;
        }
        Some((planned, false))
    }

    /// Chinese markers around the trigger: `planned` set by a future marker, and whether
    /// the sentence denies the meeting or only wonders about it.
    fn zh_status_marks(&self, sent: (usize, usize), lo: usize, trig: (usize, usize), question: bool, (planned, time_lo): (&mut bool, &mut usize)) -> (bool, bool) {
        let lists = &self.p.lists;
        let before = self.ns(lo, trig.0);
        let after_clause = {
            let mut hi = trig.1;
            while hi < sent.1 && !matches!(self.norm[hi], ',' | ';' | '。') {
                hi += 1;
            }
            self.ns(trig.1, hi)
        };
        // 将 earlier in the sentence governs a later clause (习近平将访美,并与拜登
        // 会谈), unless the clause says it is done (了).
        let done = self.ns(lo, (trig.1 + 1).min(sent.1)).contains('了');
        // Not a clause with a subject and a time of its own after clauses about others (川普
        // 预计月底与习近平见面，韩正21日会见瓦格纳): someone before its with-marker or verb whom
        // the clauses before, which name people, do not name. Without a time it goes on
        // with the plan (林文达将同X会谈，王建国、李明辉分别同他会见). A frame naming no one
        // (根据日程安排，…) governs the sentence.
        let own_subject = lo > sent.0 && !self.times_in(lo, trig.1).is_empty() && {
            let until = (lo..trig.0).find(|&i| lists.zh_with.contains(self.norm[i]) && !self.covered(i)).unwrap_or(trig.0);
            let earlier = self.items_in(sent.0, lo);
            // The subject opens the clause (after its titles and places; up to two
            // characters no list holds may qualify its title: 大陆国家副主席韩正).
            let opens = |start: usize| {
                self.gap(lo, start).is_empty() || (lo + 1..=lo + 2).any(|k| k < start && self.mentions.starting(k).is_some_and(|m| self.is_role(m)) && self.gap(k, start).is_empty())
            };
            let first = self.items_in(lo, until).first().copied().filter(|&i| opens(self.items[i].start));
            !earlier.is_empty() && first.is_some_and(|i| !earlier.iter().any(|&e| self.items[e].key == self.items[i].key))
        };
        if !*planned && lo > sent.0 && !done && !own_subject && self.future_marker(sent.0, lo) {
            *planned = true;
        }
        // A future marker right after a meeting noun (拜登与习近平的会面定于周五举行,
        // 会晤将于明天举行): to come.
        let next = &self.norm[trig.1..sent.1];
        let starts = |w: &Vec<char>| next.starts_with(w);
        if lists.status.zh_future.0.iter().any(starts) && !lists.status.zh_future.1.iter().any(starts) {
            *planned = true;
        }
        // A clause opening with a "with" marker has no subject of its own (他可能很快成行，
        // 与习近平会面): the clause before it, whose subject it shares, may wonder too.
        // So does a clause that opens with the meeting verb (可能访问诺兰，会见陈志明).
        let opens_with_verb = self.norm[lo..trig.0].iter().all(|c| c.is_whitespace());
        // So does one whose with-marker only an adverb or two stand before (如有可能，也会同
        // 陈志明会面): up to three characters, no one named.
        let adverbs_then_with = (lo..trig.0.min(lo + 4)).find(|&i| lists.zh_with.contains(self.norm[i]) && !self.covered(i)).is_some_and(|m| self.items_in(lo, m).is_empty());
        let shared = if lo > sent.0 && (self.norm.get(lo).is_some_and(|&c| lists.zh_with.contains(c)) || opens_with_verb || adverbs_then_with) {
            let from = (sent.0..lo - 1).rev().find(|&i| matches!(self.norm[i], ',' | ';')).map_or(sent.0, |i| i + 1);
            *time_lo = from;
            self.ns(from, lo)
        } else {
            ""
        };
        // A meeting noun (…的会面) called off: 取消习近平与希拉里的会面 (before it in its
        // clause), 原定在巴厘岛举行的会晤，因行程安排被取消 (in the clause it ends).
        let cancelled = trig.0 > 0 && self.norm[trig.0 - 1] == '的' && {
            let next = if self.norm.get(trig.1).is_some_and(|&c| matches!(c, ',' | ';')) {
                let end = (trig.1 + 1..sent.1).find(|&i| matches!(self.norm[i], ',' | ';' | '。')).unwrap_or(sent.1);
                self.ns(trig.1 + 1, end)
            } else {
                ""
            };
            lists.status.zh_cancel.0.iter().any(|w| before.contains(w.as_str())) || lists.status.zh_cancel.1.iter().any(|w| next.contains(w.as_str()))
        };
        // What the talks were about marks nothing (就…进行交流).
        let marked = self.zh_before_topic(before, trig);
        // …外长会晤因故推迟: called off in its own clause after it.
        let cancelled = cancelled || lists.status.zh_cancel.1.iter().any(|w| after_clause.contains(w.as_str()));
        (
            cancelled || lists.status.zh_denial.iter().any(|w| before.contains(w.as_str())),
            // …会晤"是有可能的": an uncertainty said after the meeting, in its clause.
            question
                || after_clause.ends_with('吗')
                || lists.status.zh_uncertain.iter().any(|w| marked.contains(w.as_str()) || shared.contains(w.as_str()))
                || lists.status.zh_uncertain_after.iter().any(|w| after_clause.contains(w.as_str()))
                || self.zh_visit_invited(sent.0, trig.0, trig.1, after_clause),
        )
    }

    /// `before` (a clause up to its meeting word at `trig`) without a topic closed before the word
    /// (王建国与林文达就港口建设进行交流: from 就 on, `zh-topic-markers`, when a light verb,
    /// `zh-light-verbs`, ends it): what the talks were about marks nothing of their status.
    fn zh_before_topic<'b>(&self, before: &'b str, trig: (usize, usize)) -> &'b str {
        let (markers, light) = &self.p.lists.status.zh_topic;
        // The light verb ends the clause before the word, or opens the trigger (进行交流).
        let word = self.ns(trig.0, trig.1);
        if !light.iter().any(|v| before.ends_with(v.as_str()) || word.starts_with(v.as_str())) {
            return before;
        }
        markers.iter().filter_map(|m| before.rfind(m.as_str())).max().map_or(before, |at| &before[..at])
    }

    /// Whether the text at `s` (before `limit`) opens with a clock time: hours, optional
    /// minutes, then a.m./p.m. ("11:00 a.m.", "9 AM:").
    fn opens_with_clock_time(&self, s: usize, limit: usize) -> bool {
        let c = |i: usize| if i < limit { self.norm[i] } else { '\0' };
        let mut i = s;
        while c(i) == ' ' {
            i += 1;
        }
        let h = i;
        while c(i).is_ascii_digit() {
            i += 1;
        }
        if i == h || i - h > 2 {
            return false;
        }
        if c(i) == ':' {
            let m = i + 1;
            i = m;
            while c(i).is_ascii_digit() {
                i += 1;
            }
            if i - m != 2 {
                return false;
            }
        }
        while c(i) == ' ' {
            i += 1;
        }
        matches!(c(i), 'a' | 'p') && (c(i + 1) == 'm' || (c(i + 1) == '.' && c(i + 2) == 'm'))
    }

    /// A word of `zh-future-markers` before a Chinese trigger in its clause: the meeting
    /// is planned (布林肯将与内塔尼亚胡会面), not yet held, unless a word of
    /// `zh-not-future-markers` in the clause holds that marker (上将 is a rank).
    pub(super) fn future_marker(&self, lo: usize, trig: usize) -> bool {
        // A space between Han characters parts headlines run together (…将双边关系升级 总理
        // 林文达与陈志明举行会谈): a marker before it is another line's.
        let lo = (lo + 1..trig.saturating_sub(1)).rev().find(|&i| self.norm[i] == ' ' && is_han(self.norm[i - 1]) && is_han(self.norm[i + 1])).map_or(lo, |i| i + 1);
        let s = &self.norm[lo..trig];
        let lists = &self.p.lists;
        // The first character first: most positions start no marker (no slice compared).
        let at = |w: &[char], i: usize| s.get(i) == w.first() && s.get(i..i + w.len()) == Some(w);
        // 为即将访问中国的旧金山市长李孟贤饯行: a marker followed by 的 and a person before
        // the trigger modifies that person, not the meeting; not when a preposition that
        // brings in the person stands between (李强会在人民大会堂为到访的朔尔茨举行欢迎宴会:
        // 会在 is the meeting's).
        let relative = |i: usize| {
            (lo + i..trig).find(|&d| self.norm[d] == '的').is_some_and(|d| {
                let k = self.items.partition_point(|it| it.start <= d);
                self.items.get(k).is_some_and(|it| it.start < trig) && !self.norm[lo + i..d].iter().any(|&c| lists.zh_with.contains(c) || lists.zh_person_prepositions.contains(c))
            })
        };
        (0..s.len()).any(|i| {
            lists.status.zh_future.0.iter().any(|m| {
                at(m, i)
                    && !lists.status.zh_future.1.iter().any(|x| {
                        (0..x.len()).any(|k| k <= i && i - k + x.len() >= i + m.len() && at(x, i - k))
                    })
                    && !relative(i)
            })
        })
    }

    /// Whether position `pos` of the text lies inside an occurrence of one of `words`.
    pub(super) fn within_word(&self, words: &[Vec<char>], pos: usize) -> bool {
        words.iter().any(|w| (0..w.len()).any(|k| k <= pos && self.norm.get(pos - k) == w.first() && self.norm.get(pos - k..pos - k + w.len()) == Some(&w[..])))
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::extract_on;

    #[test]
    fn a_schedule_line_is_a_meeting_to_come() {
        let status = |text: &str| extract_on(text, (2024, 4, 10)).events.first().map(|e| if e.planned { "planned" } else { "held" });
        for line in [
            "11:00 a.m. Secretary Antony Blinken meets with Foreign Minister Wang Yi at the Department of State.",
            "9 AM Secretary Antony Blinken meets with Foreign Minister Wang Yi.",
        ] {
            assert_eq!(status(line), Some("planned"), "{line}");
        }
        // A time elsewhere, or none: a report of a meeting held.
        assert_eq!(status("Secretary Antony Blinken met with Foreign Minister Wang Yi at 11:00 a.m."), Some("held"));
        assert_eq!(status("2024 Secretary Antony Blinken meets with Foreign Minister Wang Yi."), Some("held"));
    }

    #[test]
    fn a_quotation_that_opens_the_sentence_sets_no_status_of_the_report() {
        let status = |text: &str| extract_on(text, (2024, 4, 10)).events.first().map(|e| if e.planned { "planned" } else { "held" });
        let quoted = "\"If we speak plainly, nothing was agreed,\" Anders Vik said after talks with President Ilse Marr.";
        assert_eq!(status(quoted), Some("held"));
        // Outside a quotation, "if" still makes it a meeting only wondered about.
        assert_eq!(status("Reporters asked if Anders Vik would hold talks with President Ilse Marr."), None);
    }
}
