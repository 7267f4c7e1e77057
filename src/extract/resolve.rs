//! Resolve: one meeting per document, with its time, place and date.
//!
//! Input: candidate meetings and attendances. Output: `Page::meetings`: candidates with
//! the same people (or a subset), status and a compatible day merged, attendees joined to
//! the meeting of their sentence; the time nearest the trigger, else the article's lead
//! time; the most specific place (src/extract/places.rs); a meeting with a delegation
//! joined to the same people's meeting with its leader.
//!
//! **Invariant**: merging is linear in the candidates (an index of participant sets).

use super::*;

impl<'a> Page<'a> {
    pub(super) fn time_for(&self, sent: (usize, usize, usize), ts: usize, te: usize) -> Option<TimeExpr> {
        // English: a time of the trigger's own clause first ("Following their call in
        // April, Biden met Xi in Lima on Saturday": Saturday); a fronted time before the
        // subject ("On Saturday, Biden met Xi") is found below when the clause has none.
        if self.chars.get(ts).is_some_and(char::is_ascii_alphabetic) {
            let clo = (sent.0..ts).rev().find(|&i| matches!(self.norm[i], ',' | ';')).map_or(sent.0, |i| i + 1);
            let chi = (te..sent.1).find(|&i| matches!(self.norm[i], ',' | ';')).unwrap_or(sent.1);
            let clause = self.times_in(clo, chi);
            if let Some(t) = clause.iter().rev().find(|t| t.end <= ts && !self.dateline_time(t)).or_else(|| clause.iter().find(|t| t.start >= te && !self.en_other_event_before(te, t.start))) {
                return Some(t.clone());
            }
        }
        let inside = self.times_in(sent.0, sent.1);
        // Chinese: a time after the trigger is the meeting's only in its own clause (王毅与
        // 拉夫罗夫举行会谈时说，明年…: next year is what he spoke of).
        let after_hi = if self.chars.get(ts).is_some_and(|&c| is_han(c)) {
            (te..sent.1).find(|&i| matches!(self.norm[i], ',' | ';' | '。')).unwrap_or(sent.1)
        } else {
            sent.1
        };
        inside
            .iter()
            .rev()
            .find(|t| t.end <= ts && !self.other_event_time(t) && !self.dateline_time(t))
            .or_else(|| inside.iter().find(|t| t.start >= te && t.end <= after_hi && !self.en_other_event_before(te, t.start) && !self.other_event_time(t)))
            .map(|t| (*t).clone())
    }

    /// Time expressions inside `lo..hi` (times are disjoint and sorted by start).
    pub(super) fn times_in(&self, lo: usize, hi: usize) -> &[TimeExpr] {
        let first = self.times.partition_point(|t| t.start < lo);
        let last = first + self.times[first..].partition_point(|t| t.end <= hi);
        &self.times[first..last]
    }

    /// Whether the sentence starting at `start` tells of its meeting (trigger at `trig`) as
    /// one before the article's news (`earlier-words`): a sentence opening with 此前 or
    /// "Earlier", or "earlier" / "previously" as a word before the trigger. The article's
    /// lead time is then not its time.
    fn told_as_earlier(&self, start: usize, trig: usize) -> bool {
        let before = self.ns(start, trig.max(start));
        let opening = before.trim_start();
        self.p.lists.context.earlier.iter().any(|w| {
            opening.starts_with(w.as_str())
                || (w.is_ascii() && before.split(|c: char| !c.is_alphanumeric()).any(|x| x == w.as_str()))
        })
    }

    /// Whether `pos` (before `hi`, the sentence's end) follows a Chinese verb of saying
    /// (`zh-speech-verbs`) after `from`, the trigger's end: 会谈时表示，明年….
    fn said_after(&self, from: usize, pos: usize, hi: usize) -> bool {
        if pos < from || pos > hi {
            return false;
        }
        let between = self.ns(from, pos);
        self.p.lists.speech_pats.iter().any(|(cue, v)| *cue == super::lists::Cue::ZhVerb && between.contains(v.as_str()))
    }

    /// "TALLO, Oct. 24 -- Prime Minister Anders Vik will meet …", 新华社北京4月9日电: whether
    /// time `t` lies in its line's dateline ([`dates::DateGrammar::dateline`]): the report's
    /// date, not the meeting's (the article's date already says it).
    fn dateline_time(&self, t: &TimeExpr) -> bool {
        let line = &self.lines[self.line_at(t.start)];
        // A dateline opens its line: only its first characters are read (bounded work).
        let head = self.ns(line.start, line.end.min(line.start + 80));
        self.p.dates.dateline(head).is_some_and(|(_, s, e)| line.start + s <= t.start && t.end <= line.start + e)
    }

    /// Whether candidate `c` is told in English by a past form of a meeting verb
    /// (`en-past-meeting-verbs`) with a time of a month alone, no year.
    fn month_told_past(&self, c: &Candidate) -> bool {
        let month_only = c.time.as_ref().is_some_and(|t| t.date.month_alone());
        let (ts, te) = c.trigger;
        let first = self.ns(ts, te).split(|ch: char| !ch.is_ascii_alphabetic()).find(|w| !w.is_empty()).unwrap_or("");
        c.latin && month_only && self.p.lists.context.en_past_verbs.iter().any(|v| v.eq_ignore_ascii_case(first))
    }

    /// 尹锡悦2022年5月就任后，…首次举行会谈: whether a word of another event
    /// (`zh-other-event-after-time`) stands right after time `t`, which is then that event's.
    /// "welcomed Zelenskyy … on his first visit since Russia invaded in February": a word
    /// of `en-other-event-openers` between the trigger's end and a time after it makes the
    /// time another event's (an entry of several words, "ahead of", as whole words).
    pub(super) fn en_other_event_before(&self, te: usize, start: usize) -> bool {
        // The time's own leading preposition counts ("since January" is one time
        // expression: `en-month-leads`); a lower-case first letter marks one.
        let lead_end = if self.chars.get(start).is_some_and(char::is_ascii_lowercase) {
            (start..self.chars.len()).find(|&i| !self.chars[i].is_ascii_alphabetic()).unwrap_or(self.chars.len())
        } else {
            start
        };
        let between = self.ns(te.min(lead_end), lead_end);
        if !between.is_ascii() {
            return false;
        }
        let words: Vec<&str> = between.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()).collect();
        self.p.lists.context.en_other_event.iter().any(|o| {
            let o: Vec<&str> = o.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()).collect();
            words.windows(o.len()).any(|w| w == &o[..])
        })
    }

    /// A time of another event: before a word of `zh-other-event-after-time` (2022年5月就任后),
    /// after one of `en-other-event-openers` in its own clause (since the war began in
    /// February), or in a relative clause about a person (", who arrived on Monday,").
    fn other_event_time(&self, t: &TimeExpr) -> bool {
        let after = self.ns(t.end, (t.end + 3).min(self.norm.len()));
        if self.p.lists.context.zh_other_event.iter().any(|w| after.starts_with(w.as_str())) {
            return true;
        }
        let lo = self.sentence_of(t.start).map_or(0, |s| s.0);
        let clause_lo = (lo..t.start).rev().find(|&i| matches!(self.norm[i], ',' | ';')).map_or(lo, |i| i + 1);
        // ", who arrived earlier Wednesday,": a relative clause about a person (`en-relative-pronouns`)
        // tells that person's act.
        let opens = self.ns(clause_lo, t.start).trim_start();
        let relative = clause_lo > lo && self.p.lists.en_relative_pronouns.iter().any(|w| opens.strip_prefix(w.as_str()).is_some_and(|r| r.starts_with(' ')));
        self.chars.get(t.start).is_some_and(char::is_ascii_alphanumeric) && (relative || self.en_other_event_before(clause_lo, t.start))
    }

    fn lead_time(&self, section: usize, latin: bool) -> Option<TimeExpr> {
        // Sections follow the text: the section's times are one run of the sorted times.
        let section_of = |t: &TimeExpr| self.lines[self.line_at(t.start)].section;
        let first = self.times.partition_point(|t| section_of(t) < section);
        self.times[first..]
            .iter()
            .take_while(|t| section_of(t) == section)
            .find(|t| {
                let l = &self.lines[self.line_at(t.start)];
                l.active && !l.dated && !self.other_event_time(t) && {
                    let s = self.sentence_of(t.start);
                    s.is_some_and(|s| sentences::script_is_latin(&self.norm[s.0..s.1]) == latin)
                }
            })
            .cloned()
    }

    fn own_day(&self, c: &Candidate) -> Option<DateValue> {
        let t = c.time.as_ref()?;
        let anchor = self.sections[c.section].anchor;
        dates::resolve(&[t.date], anchor, self.opts.today)
    }

    /// The document's meetings: candidates merged ([`meeting_for`]), then attendances
    /// joined to the meeting of their sentence.
    pub(super) fn merge(&self, candidates: Vec<Candidate>, attendances: Vec<(Vec<Item>, usize, (usize, usize, usize))>) -> Vec<Meeting> {
        let (mut meetings, cand_meeting) = self.merge_candidates(candidates);
        self.join_attendances(&mut meetings, &cand_meeting, attendances);
        self.fold_delegation_meetings(meetings)
    }

    /// 林文达会见诺兰商会代表团 atop the page and 林文达会见了陈志明率领的诺兰商会代表团 below:
    /// a meeting whose people are another's but for one delegation (a party of `groups`)
    /// is that meeting when the other names more people, is of the same section, status
    /// and a compatible day, and names the delegation's kind in one of its sentences
    /// (代表团, "delegation"): it joins it. Looked up by the meeting's first person among
    /// 16 meetings at most, so the work stays linear.
    fn fold_delegation_meetings(&self, meetings: Vec<Meeting>) -> Vec<Meeting> {
        let is_group = |it: &Item| matches!(it.key, EntityKey::Open(EntityType::Organization, _));
        let mut by_key: HashMap<&EntityKey, Vec<usize>> = HashMap::new();
        for (i, m) in meetings.iter().enumerate().filter(|(_, m)| !m.participants.iter().any(is_group)) {
            for p in &m.participants {
                by_key.entry(&p.key).or_default().push(i);
            }
        }
        let mut into: Vec<Option<usize>> = vec![None; meetings.len()];
        for (i, m) in meetings.iter().enumerate() {
            let mut groups = m.participants.iter().filter(|p| is_group(p));
            let (Some(group), None) = (groups.next(), groups.next()) else { continue };
            let EntityKey::Open(_, name) = &group.key else { continue };
            let kind = self.delegation_kind(name);
            let rest: Vec<&EntityKey> = m.participants.iter().filter(|p| !is_group(p)).map(|p| &p.key).collect();
            let Some(found) = rest.first().and_then(|k| by_key.get(k)) else { continue };
            let fits = |j: &usize| {
                let b = &meetings[*j];
                b.section == m.section
                    && b.planned == m.planned
                    && days_compatible(b.day, m.day)
                    && b.participants.len() > rest.len()
                    && rest.iter().all(|k| b.participants.iter().any(|p| &p.key == *k))
            };
            let fitting: Vec<usize> = found.iter().take(16).copied().filter(fits).collect();
            let named = fitting.iter().copied().find(|&j| meetings[j].evidence.iter().any(|&(s, e, _)| self.ns(s, e).contains(kind)));
            // 林文达会见诺兰客人 atop the page: guests (`zh-guest-nouns`) are whoever the
            // host met there, when only one meeting of the host's fits.
            let guests = self.p.lists.guest_nouns.iter().any(|g| name.ends_with(g.as_str()));
            into[i] = named.or_else(|| (guests && fitting.len() == 1).then(|| fitting[0]));
        }
        let mut out: Vec<Option<Meeting>> = meetings.into_iter().map(Some).collect();
        for i in 0..out.len() {
            let Some(j) = into[i] else { continue };
            // `j` names no delegation, so it joins nothing itself.
            let Some(a) = out[i].take() else { continue };
            let Some(b) = out[j].as_mut() else { continue };
            b.evidence.extend(a.evidence);
            b.explicit.extend(a.explicit);
            for h in a.hints {
                if !b.hints.contains(&h) {
                    b.hints.push(h);
                }
            }
            b.places.extend(a.places);
            for at in a.attendees {
                if !b.attendees.iter().chain(&b.participants).any(|x| x.key == at.key) {
                    b.attendees.push(at);
                }
            }
            if b.day.is_none() {
                b.day = a.day;
            }
        }
        out.into_iter().flatten().collect()
    }

    /// The word naming a delegation's kind: the suffix of `zh-delegation-suffixes` or
    /// `zh-guest-nouns` its name ends with (代表团), else its last word ("delegation").
    fn delegation_kind<'n>(&'n self, name: &'n str) -> &'n str {
        let lists = &self.p.lists;
        lists
            .delegation_suffixes
            .iter()
            .chain(&lists.guest_nouns)
            .filter(|s| name.ends_with(s.as_str()))
            .max_by_key(|s| s.len())
            .map_or_else(|| name.rsplit(' ').next().unwrap_or(name), |s| s.as_str())
    }

    /// Each candidate joined to its meeting, with its evidence, time (or the lead time
    /// of its section and script as a hint) and place; and, per candidate, its sentence's
    /// start and meeting.
    fn merge_candidates(&self, candidates: Vec<Candidate>) -> (Vec<Meeting>, Vec<(usize, usize, bool)>) {
        use chrono::Datelike;
        let mut meetings: Vec<Meeting> = Vec::new();
        let mut index = MeetingIndex::default();
        // The lead time of each (section, script), found once.
        let mut lead: HashMap<(usize, bool), Option<TimeExpr>> = HashMap::new();
        let mut cand_meeting: Vec<(usize, usize, bool)> = Vec::new(); // sentence start → meeting, Latin script
        for mut c in candidates {
            let day = self.own_day(&c);
            // 将以他去年11月与安华的会晤为基础: a meeting to come by the sentence's future
            // marker, whose own time is a month or more before the article's, was held.
            // Not a time of an earlier clause (林文达曾于2018年访台，此行将晋见陈志明: the
            // visit of 2018 is another).
            let clause = self.clause(c.trigger.0, c.sentence);
            let fixed = c.time.as_ref().is_some_and(|t| fixed_in_time(&t.date) && t.start >= clause.0 && t.end <= clause.1);
            if c.planned && !c.wondered && fixed && self.sections[c.section].anchor.zip(day.as_ref()).is_some_and(|(a, d)| before_month_of(d, a)) {
                c.planned = false;
            }
            // 王毅10月27日至29日访问华盛顿，其间与布林肯会面 in an article of October 24: a meeting
            // told without a future marker but whose own time is after the article's day
            // is still to come.
            // A time counted forward from the article's ("tomorrow", 下周) is to come as well.
            let forward = c.time.as_ref().is_some_and(|t| counted_forward(&t.date));
            // "The two met in Geneva in June", read in May: June of last year
            // (`en-past-meeting-verbs`).
            let day = match day {
                Some(DateValue::Month(y, mo)) if !c.planned && self.month_told_past(&c) && self.sections[c.section].anchor.is_some_and(|a| (y, mo) > (a.year(), a.month())) => {
                    Some(DateValue::Month(y - 1, mo))
                }
                d => d,
            };
            if !c.planned && (forward || self.sections[c.section].anchor.zip(day.as_ref()).is_some_and(|(a, d)| after_day_of(d, a))) {
                c.planned = true;
            }
            let mi = meeting_for(&mut meetings, &mut index, &c, day);
            let m = &mut meetings[mi];
            m.evidence.push((c.sentence.0, c.sentence.1, c.rule));
            if let Some(t) = &c.time {
                m.explicit.push(t.clone());
            } else if !self.told_as_earlier(c.sentence.0, c.trigger.0)
                // "arrived ahead of talks with": the lead's time is the arrival's.
                && !c.ahead
                && let Some(h) = lead.entry((c.section, c.latin)).or_insert_with(|| self.lead_time(c.section, c.latin)).clone()
                // A time of what is said after the meeting in its own sentence (会谈时表示，
                // 明年…) is no hint either.
                && !self.said_after(c.trigger.1, h.start, c.sentence.1)
                && !m.hints.contains(&h)
            {
                m.hints.push(h);
            }
            if let Some(p) = c.place {
                m.places.push(p);
            }
            cand_meeting.push((c.sentence.0, mi, c.latin));
            let _ = c.trigger;
        }
        (meetings, cand_meeting)
    }

    /// Attendance joins the meeting reported in the same sentence, else the nearest before.
    fn join_attendances(&self, meetings: &mut [Meeting], cand_meeting: &[(usize, usize, bool)], attendances: Vec<(Vec<Item>, usize, (usize, usize, usize))>) {
        // Candidates come in text order and sections follow the text: search back from
        // the last candidate at or before the sentence, within its section; one of the
        // attendance's script and of the article's time first (a bilingual page: 蔡奇、
        // 王毅等参加会见 joins the Chinese report's meeting, not the English paragraph's
        // just before it, nor a meeting of months before).
        // A meeting dated a month or more before its section's article is background (普京
        // 感谢习近平今年5月接待他): the attendance list is the news meeting's.
        let background: Vec<bool> = meetings
            .iter()
            .map(|m| self.sections[m.section].anchor.zip(m.day.as_ref()).is_some_and(|(a, d)| before_month_of(d, a)))
            .collect();
        for (people, rule, sent) in attendances {
            let section = self.lines[sent.2].section;
            let latin = self.p.rules.rules[rule].lang == Lang::En;
            let upto = cand_meeting.partition_point(|(s, _, _)| *s <= sent.0);
            let back = || {
                cand_meeting[..upto]
                    .iter()
                    .rev()
                    .map(|&(s, mi, l)| (self.lines[self.line_at(s)].section, mi, l))
                    .take_while(|&(sec, _, _)| sec >= section)
                    // At most 64 candidates back: work per attendance stays bounded.
                    .take(64)
                    .filter(|&(sec, _, _)| sec == section)
            };
            let target = back()
                .find(|&(_, mi, l)| l == latin && !background[mi])
                .or_else(|| back().find(|&(_, _, l)| l == latin))
                .or_else(|| back().next())
                .map(|(_, mi, _)| mi);
            let Some(mi) = target else { continue };
            let m = &mut meetings[mi];
            for p in people {
                if !m.participants.iter().any(|q| q.key == p.key) && !m.attendees.iter().any(|q| q.key == p.key) {
                    m.attendees.push(p);
                }
            }
            m.evidence.push((sent.0, sent.1, rule));
        }
    }
}

fn keys(v: &[Item]) -> BTreeSet<EntityKey> {
    v.iter().map(|i| i.key.clone()).collect()
}

/// Whether a time expression fixes its date whatever the tense: a year (2023年11月) or
/// a step back (去年11月, last month), not a month or weekday a plan reads forward.
fn fixed_in_time(p: &dates::PartialDate) -> bool {
    let back = |o: Option<i32>| o.is_some_and(|o| o < 0);
    p.year.is_some() || back(p.year_offset) || back(p.month_offset) || back(p.week_offset) || back(p.day_offset)
}

/// Whether a date is counted forward from the article's (tomorrow, next week, 明年).
fn counted_forward(p: &dates::PartialDate) -> bool {
    let on = |o: Option<i32>| o.is_some_and(|o| o > 0);
    on(p.year_offset) || on(p.month_offset) || on(p.week_offset) || on(p.day_offset)
}

/// Whether a date lies wholly before the month of `anchor` (a day, month or year).
fn before_month_of(d: &DateValue, anchor: chrono::NaiveDate) -> bool {
    use chrono::Datelike;
    let month = (anchor.year(), anchor.month());
    match d {
        DateValue::Day(x) => (x.year(), x.month()) < month,
        DateValue::Month(y, m) => (*y, *m) < month,
        DateValue::Year(y) => *y < anchor.year(),
        DateValue::MonthDay(..) => false,
    }
}

/// Whether a date lies wholly after the day `anchor` (a day, month or year); a day
/// only from the second day after it (a page's date may be a time zone behind its text).
fn after_day_of(d: &DateValue, anchor: chrono::NaiveDate) -> bool {
    use chrono::Datelike;
    match d {
        DateValue::Day(x) => *x > anchor + chrono::Days::new(1),
        DateValue::Month(y, m) => (*y, *m) > (anchor.year(), anchor.month()),
        DateValue::Year(y) => *y > anchor.year(),
        DateValue::MonthDay(..) => false,
    }
}

/// Whether a meeting's day and a candidate's can be the same day.
fn days_compatible(meeting: Option<DateValue>, candidate: Option<DateValue>) -> bool {
    use chrono::Datelike;
    match (meeting, candidate) {
        (Some(DateValue::Day(a)), Some(DateValue::Day(b))) => a == b,
        (Some(DateValue::Year(a)), Some(DateValue::Day(b))) | (Some(DateValue::Day(b)), Some(DateValue::Year(a))) => b.year() == a,
        (Some(DateValue::Year(a)), Some(DateValue::Year(b))) => a == b,
        // 2023年3月 and 2024年4月 are two meetings.
        (Some(DateValue::Month(y, m)), Some(DateValue::Month(z, n))) => (y, m) == (z, n),
        (Some(DateValue::Month(y, m)), Some(DateValue::Day(d))) | (Some(DateValue::Day(d)), Some(DateValue::Month(y, m))) => (d.year(), d.month()) == (y, m),
        (Some(DateValue::Month(y, _)), Some(DateValue::Year(z))) | (Some(DateValue::Year(z)), Some(DateValue::Month(y, _))) => y == z,
        _ => true,
    }
}

/// The meeting a candidate joins: the first with the same people, or a subset or
/// superset of them (every meeting has two people or more), of the same status (or of
/// any, when the candidate has no day of its own: "这两位领导人的会晤被认为是重大进展"
/// after "特朗普将在下星期与习近平会晤" speaks of the meeting to come; or when both have
/// the same day: a meeting held that day, which the other announced) and a compatible
/// day, which takes the candidate's other people as attendees (and its host, when it
/// knows it); else a new meeting. Its index.
fn meeting_for(meetings: &mut Vec<Meeting>, index: &mut MeetingIndex, c: &Candidate, day: Option<DateValue>) -> usize {
    let ck = keys(&c.participants);
    let found = index.first(&ck, meetings.len(), |mi| {
        let m = &meetings[mi];
        // A meeting announced for the day another report of the page says it was held
        // (welcomed X …; X and Y are to hold talks later that day) is that one.
        let same_day = day.is_some() && m.day == day;
        (m.planned == c.planned || day.is_none() || same_day) && days_compatible(m.day, day) && {
            let mk = keys(&m.participants);
            // "is meeting separately with A and B": each is a meeting of its own, not
            // part of one with both that another sentence tells.
            if c.separately { mk == ck } else { mk.is_subset(&ck) || ck.is_subset(&mk) }
        }
    });
    let Some(mi) = found else {
        index.add(&ck, meetings.len());
        meetings.push(Meeting {
            participants: c.participants.clone(),
            attendees: Vec::new(),
            host_known: c.host_known,
            evidence: Vec::new(),
            explicit: Vec::new(),
            hints: Vec::new(),
            section: c.section,
            day,
            places: Vec::new(),
            planned: c.planned,
        });
        return meetings.len() - 1;
    };
    let m = &mut meetings[mi];
    let mk = keys(&m.participants);
    for p in &c.participants {
        if !mk.contains(&p.key) && !m.attendees.iter().any(|a| a.key == p.key) {
            m.attendees.push(p.clone());
        }
    }
    if !m.host_known && c.host_known && ck == mk {
        m.participants = c.participants.clone();
        m.host_known = true;
    }
    // Held that day: no longer only announced.
    if day.is_some() && m.day == day && !c.planned {
        m.planned = false;
    }
    if m.day.is_none() {
        m.day = day;
    }
    mi
}

/// Meetings by the sets of people they can merge with, so that a candidate finds its
/// meeting by lookups, not by a comparison with every meeting of the document: a meeting
/// is listed under its own key set (found by a candidate whose set contains it) and under
/// each subset of two or more of its keys (found by a candidate whose set it contains).
/// Sets above `MeetingIndex::MAX` keys are few and are compared one by one.
#[derive(Default)]
struct MeetingIndex {
    exact: HashMap<Vec<EntityKey>, Vec<usize>>,
    within: HashMap<Vec<EntityKey>, Vec<usize>>,
    big: Vec<usize>,
}

impl MeetingIndex {
    const MAX: usize = 6;

    /// Every subset of two keys or more of `keys` (sorted), in a fixed order.
    fn subsets(keys: &BTreeSet<EntityKey>) -> impl Iterator<Item = Vec<EntityKey>> + '_ {
        let v: Vec<&EntityKey> = keys.iter().collect();
        (1u32..1 << v.len()).filter(|b| b.count_ones() >= 2).map(move |b| {
            v.iter().enumerate().filter(|(i, _)| b & (1 << i) != 0).map(|(_, k)| (*k).clone()).collect()
        })
    }

    fn add(&mut self, keys: &BTreeSet<EntityKey>, meeting: usize) {
        if keys.len() > Self::MAX {
            self.big.push(meeting);
            return;
        }
        self.exact.entry(keys.iter().cloned().collect()).or_default().push(meeting);
        for sub in Self::subsets(keys) {
            self.within.entry(sub).or_default().push(meeting);
        }
    }

    /// The lowest-numbered meeting among those whose keys contain or are contained in
    /// `keys` for which `ok` holds; all `n` meetings are tried when `keys` is too big to
    /// enumerate.
    fn first(&self, keys: &BTreeSet<EntityKey>, n: usize, ok: impl Fn(usize) -> bool) -> Option<usize> {
        if keys.len() > Self::MAX {
            return (0..n).find(|&i| ok(i));
        }
        let own: Vec<EntityKey> = keys.iter().cloned().collect();
        let mut lists: Vec<&Vec<usize>> = Vec::new();
        lists.extend(self.within.get(&own));
        for sub in Self::subsets(keys) {
            lists.extend(self.exact.get(&sub));
        }
        lists.push(&self.big);
        lists.iter().filter_map(|l| l.iter().copied().find(|&i| ok(i))).min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::tests::meetings_on;

    #[test]
    fn meetings_held_separately_stay_apart_from_one_of_all() {
        // The headline names the three; the body says the host met each on his own.
        let text = "Per Holm Meets with Vik, Marr\nPresident Per Holm is meeting with Prime Minister Anders Vik and with Prime Minister Ilse Marr in Tallo. He is meeting separately with Mr. Vik and Mr. Marr.";
        let got = meetings_on(text, (2003, 6, 4));
        assert!(got.contains(&vec!["Per Holm".to_string(), "Anders Vik".to_string()]), "{got:?}");
        assert!(got.contains(&vec!["Per Holm".to_string(), "Ilse Marr".to_string()]), "{got:?}");
    }

    #[test]
    fn a_delegation_met_is_the_meeting_with_its_leader_when_a_sentence_names_both() {
        let headline = "省委书记林文达在塔洛会见诺兰商会代表团。\n22日下午,省委书记林文达在塔洛";
        let led = format!("{headline}会见了诺兰商会会长陈志明率领的诺兰商会代表团。");
        assert_eq!(meetings_on(&led, (2018, 3, 22)), [["林文达", "陈志明"]]);
        // Another meeting of that day, whose sentence names no delegation, stays one.
        let other = format!("{headline}还会见了诺兰商会会长陈志明。");
        assert_eq!(meetings_on(&other, (2018, 3, 22)).len(), 2);
    }

    #[test]
    fn guests_met_atop_the_page_are_the_one_the_host_met_below() {
        let text = "林文达会见诺兰客人\n\n22日下午,总理林文达在塔洛会见诺兰公司董事长陈志明。";
        assert_eq!(meetings_on(text, (2018, 3, 22)), [["林文达", "陈志明"]]);
        // Two meetings below: which the guests were, the page does not say.
        let two = "林文达会见诺兰客人\n\n22日下午,总理林文达在塔洛会见诺兰公司董事长陈志明。林文达还会见了王建国。";
        assert_eq!(meetings_on(two, (2018, 3, 22)).len(), 3);
    }

    #[test]
    fn months_and_days_of_other_months_are_other_meetings() {
        let d = |y, m, day| Some(DateValue::Day(NaiveDate::from_ymd_opt(y, m, day).unwrap()));
        assert!(!days_compatible(Some(DateValue::Month(2023, 3)), Some(DateValue::Month(2024, 4))));
        assert!(days_compatible(Some(DateValue::Month(2024, 4)), d(2024, 4, 9)));
        assert!(!days_compatible(d(2024, 5, 9), Some(DateValue::Month(2024, 4))));
        assert!(days_compatible(Some(DateValue::Year(2024)), Some(DateValue::Month(2024, 4))));
        assert!(!days_compatible(Some(DateValue::Month(2023, 4)), Some(DateValue::Year(2024))));
        assert!(days_compatible(None, Some(DateValue::Month(2024, 4))));
        let x = crate::extract::tests::extract_on("2023年3月，王毅在莫斯科会见了拉夫罗夫。2024年4月，王毅在北京再次会见拉夫罗夫。", (2024, 5, 20));
        let dates: Vec<_> = x.events.iter().map(|e| e.date.clone().unwrap_or_default()).collect();
        assert_eq!(dates, ["2023-03", "2024-04"]);
    }

    #[test]
    fn a_meeting_dated_after_the_article_is_to_come() {
        let planned = |text: &str| -> Vec<bool> { crate::extract::tests::extract_on(text, (2023, 10, 24)).events.iter().map(|e| e.planned).collect() };
        assert_eq!(planned("国务院宣布，外长王毅10月27日至29日访问华盛顿，其间与国务卿布林肯会面。"), [true]);
        assert_eq!(planned("国务院宣布，外长王毅10月20日访问华盛顿，其间与国务卿布林肯会面。"), [false]);
        let d = |y, m, day| DateValue::Day(NaiveDate::from_ymd_opt(y, m, day).unwrap());
        let a = NaiveDate::from_ymd_opt(2023, 10, 24).unwrap();
        assert!(after_day_of(&d(2023, 10, 26), a) && !after_day_of(&d(2023, 10, 25), a) && !after_day_of(&d(2023, 10, 24), a));
        assert!(after_day_of(&DateValue::Month(2023, 11), a) && !after_day_of(&DateValue::Month(2023, 10), a));
        assert!(!after_day_of(&DateValue::MonthDay(10, 26), a));
        // A dateline's date is the report's, not the meeting's; one naming its agency too
        // (the date grammar's datelines).
        let x = crate::extract::tests::extract_on("BERGVIK, March 14 (Tallo Wire) -- Prime Minister Anders Vik met President Ilse Marr on Wednesday.", (2024, 3, 14));
        assert_eq!(x.events.iter().map(|e| e.date.clone()).collect::<Vec<_>>(), [Some("2024-03-13".to_string())]);
        // A dateline's date is the report's, not the meeting's.
        let x = crate::extract::tests::extract_on("TALLO, Oct. 24 -- Prime Minister Anders Vik will meet President Ilse Marr in Bergvik on October 30.", (2025, 10, 24));
        assert_eq!(x.events.iter().map(|e| e.date.clone()).collect::<Vec<_>>(), [Some("2025-10-30".to_string())]);
        // Counted forward from the article: to come, even the next day.
        let x = crate::extract::tests::extract_on("Anders Vik will tomorrow fly to Tallo for two days of talks, which will include his first meeting with Ilse Marr.", (2010, 7, 18));
        assert_eq!(x.events.iter().map(|e| e.planned).collect::<Vec<_>>(), [true]);
    }

    #[test]
    fn a_chinese_time_after_the_meeting_counts_only_in_its_clause() {
        let x = crate::extract::tests::extract_on("王毅与拉夫罗夫举行会谈时说，明年两国将迎来建交75周年。", (2023, 11, 26));
        let got: Vec<_> = x.events.iter().map(|e| (e.planned, e.date.clone())).collect();
        assert_eq!(got, [(false, None)]);
        let x = crate::extract::tests::extract_on("外长王毅和俄罗斯外长拉夫罗夫的会晤于今天下午3时开始。", (2022, 11, 14));
        assert_eq!(x.events.iter().map(|e| e.date.clone()).collect::<Vec<_>>(), [Some("2022-11-14".to_string())]);
    }
}
