//! Meetings: the rule shapes (the engine behind `rules/*.toml`).
//!
//! Input: the page's triggers, sentences and items. Output: candidate meetings (people,
//! rule, sentence, time, place, status) and attendances, handed to `merge`. A rule's
//! shape says where its people stand (src/extract/shapes.rs); blockers cancel the
//! trigger's clause; one candidate per person for a `separately` rule or marker.
//!
//! **Invariant**: a candidate has two distinct people or more and the rule that made it.

use super::*;
use super::shapes::Reading;
use crate::rules::Rule;

impl<'a> Page<'a> {
    #[inline(never)]
    pub(super) fn find_meetings(&self) -> Vec<Meeting> {
        let triggers = self.triggers.clone();
        let mut blockers: Vec<usize> = triggers
            .iter()
            .filter(|t| t.rules.iter().any(|&r| self.p.rules.rules[r].kind == RuleKind::Blocker))
            .map(|t| t.start)
            .collect();
        blockers.sort_unstable();
        let mut candidates = Vec::new();
        let mut attendances: Vec<(Vec<Item>, usize, (usize, usize, usize))> = Vec::new();
        for t in triggers.iter() {
            let Some(sent) = self.sentence_of(t.start) else { continue };
            if !self.active_at(t.start) {
                continue;
            }
            if self.read_trigger(t, sent, &blockers, &mut candidates, &mut attendances) {
                continue;
            }
            // None of the trigger's rules read the sentence: the shorter triggers of other
            // rules it hid (leftmost longest) are tried, the first that reads it wins.
            let (bs, be) = (self.norm_bytes[t.start], self.norm_bytes[t.end]);
            for (hs, he, rules) in self.p.rules.hidden(&self.norm_str, (bs, be), t.rules) {
                let hit = TriggerHit { start: self.char_at_byte(hs), end: self.char_at_byte(he), rules };
                if self.read_trigger(&hit, sent, &blockers, &mut candidates, &mut attendances) {
                    break;
                }
            }
        }
        self.drop_headlines_told_otherwise(&mut candidates, &blockers);
        self.merge(candidates, attendances)
    }

    /// Tries the trigger's rules in order on its sentence (`sent`); the first that reads
    /// it adds its candidates or attendance. Whether one did (a blocked reading counts).
    fn read_trigger(
        &self,
        t: &TriggerHit<'_>,
        sent: (usize, usize, usize),
        blockers: &[usize],
        candidates: &mut Vec<Candidate>,
        attendances: &mut Vec<(Vec<Item>, usize, (usize, usize, usize))>,
    ) -> bool {
        for &ri in t.rules {
            let rule = &self.p.rules.rules[ri];
            // Most 会 are no abbreviation's: skip them before reading the clause.
            if rule.shape == Shape::Abbreviation && self.abbreviation_at(t).is_none() {
                continue;
            }
            let (lo, hi) = match rule.lang {
                Lang::Zh => self.zh_clause_over_titles(t.start, (sent.0, sent.1)),
                Lang::En => (sent.0, sent.1),
            };
            let (block_lo, block_hi) = self.block_window(rule.lang, t, sent, (lo, hi));
            let blocked = blockers.get(blockers.partition_point(|&b| b < block_lo)).is_some_and(|&b| b < block_hi);
            let (left, right, host_known) = match self.read_shape(rule, t, sent, (lo, hi)) {
                Reading::Nothing => continue,
                Reading::Attend(l) => {
                    attendances.push((l.iter().map(|&i| self.items[i].clone()).collect(), ri, sent));
                    return true;
                }
                Reading::People(l, r, host_known, present) => {
                    if !present.is_empty() && !blocked {
                        attendances.push((present.iter().map(|&i| self.items[i].clone()).collect(), ri, sent));
                    }
                    (l, r, host_known)
                }
            };
            if blocked {
                return true;
            }
            let Some(made) = self.candidates(ri, t, sent, lo, (left, right, host_known)) else { return true };
            if !made.is_empty() {
                candidates.extend(made);
                return true;
            }
        }
        false
    }

    /// A listed place right after the person ending at `end`, after "in" or "at".
    fn en_place_after(&self, end: usize) -> Option<(usize, usize, usize)> {
        let at = self.ns(end, (end + 4).min(self.norm.len()));
        if at != " in " && at != " at " {
            return None;
        }
        let m = self.mentions.starting(end + 4)?;
        match m.kind {
            Mk::Ent(EntityKey::Known(i), EntityType::Place) => Some((m.start, m.end, i)),
            _ => None,
        }
    }

    /// Where a blocker counts for a trigger: in English from the last comma before the
    /// trigger ("After a phone call last month, the meeting between …" is a meeting) to the
    /// first after it; in Chinese the clause (`lo..hi`).
    fn block_window(&self, lang: Lang, t: &TriggerHit<'_>, sent: (usize, usize, usize), (lo, hi): (usize, usize)) -> (usize, usize) {
        match lang {
            // "原本要和Y见面，却临时取消": a clause of contrast after the
            // trigger's (`zh-contrast-words`) counts too.
            // "会谈时就两国外长通电话一事进行了沟通": from a topic marker after the trigger
            // (`zh-topic-markers`) on, the words are what was talked about.
            Lang::Zh => {
                let end = self.zh_contrast_clause_end(hi, sent.1);
                let after = self.ns(t.end, end);
                let (markers, light) = &self.p.lists.status.zh_topic;
                // … closed by a light verb (就…进行了讨论), not 就此取消.
                let topic = markers.iter().filter_map(|m| after.find(m.as_str())).min().filter(|&b| light.iter().any(|v| after[b..].contains(v.as_str())));
                (lo, topic.map_or(end, |b| t.end + after[..b].chars().count()))
            }
            Lang::En => {
                // A comma between two people of a list ("talks with French President
                // Emmanuel Macron, German Chancellor Angela Merkel and … were held in a
                // videoconference mode") closes no clause.
                let list_comma = |c: usize| {
                    let k = self.items.partition_point(|it| it.start < c);
                    k > 0
                        && self.items[k - 1].end == c
                        && self.items.get(k).is_some_and(|nx| {
                            nx.start - c <= 60 && self.capitalised_words(c + 1, nx.start)
                        })
                };
                let comma = |from: usize| (from..hi).find(|&i| self.norm[i] == ';' || (self.norm[i] == ',' && !list_comma(i))).unwrap_or(hi);
                let mut end = comma(t.end);
                // "was due to meet Marr on Friday, but the trip was cancelled": a
                // clause of contrast after the comma (`en-contrast-words`) counts too.
                let after = self.ns(end + 1, hi).trim_start();
                if end < hi && self.p.lists.context.en_contrast.iter().any(|w| after.strip_prefix(w.as_str()).is_some_and(|r| r.starts_with(' '))) {
                    end = comma(end + 1);
                }
                let clause_start = |to: usize| (lo..to).rev().find(|&i| matches!(self.norm[i], ',' | ';')).map_or(lo, |i| i + 1);
                let mut start = clause_start(t.start);
                // "called off her trip to Tallo, where she was due to meet Marr": a
                // relative clause (`en-relative-openers`) goes on with the clause before.
                let opens = self.ns(start, t.start).trim_start();
                if start > lo && self.p.lists.context.en_relative_openers.iter().any(|w| opens.strip_prefix(w.as_str()).is_some_and(|r| r.starts_with(' '))) {
                    start = clause_start(start - 1);
                }
                // "Today's phone call followed the meeting between X and Y": a blocker across
                // a word of `en-sequence-words` is the other event's.
                self.en_within_sequence(start, t, end)
            }
        }
    }

    /// `start..end` narrowed to the words after the last word of `en-sequence-words`
    /// before the trigger `t` and before the first one after it.
    fn en_within_sequence(&self, start: usize, t: &TriggerHit<'_>, end: usize) -> (usize, usize) {
        let seq = &self.p.lists.context.en_sequence;
        // Most clauses hold none of the words: no word scan then (one per trigger and rule).
        let clause = self.ns(start, end);
        if !seq.iter().any(|w| clause.contains(w.as_str())) {
            return (start, end);
        }
        let words = |lo: usize, hi: usize| {
            self.en_word_spans(lo, hi).into_iter().flatten().filter(|&(s, e)| seq.iter().any(|w| w.as_str() == self.ns(s, e))).collect::<Vec<_>>()
        };
        let lo = words(start, t.start).last().map_or(start, |w| w.1);
        let hi = words(t.end, end).first().map_or(end, |w| w.0);
        (lo, hi)
    }

    /// Whether every word from `lo` to `hi` of the text as written is capitalised or
    /// "and" (a list's titles between two people: ", German Chancellor ").
    fn capitalised_words(&self, lo: usize, hi: usize) -> bool {
        self.chars[lo..hi].split(|c| c.is_whitespace()).filter(|w| !w.is_empty()).all(|w| w[0].is_uppercase() || w == ['a', 'n', 'd'])
    }

    /// Whether trigger `t` is a talk verb (`en-talk-triggers`: exchanged views)
    /// in a page that tells of a call (`en-call-words`: phone, call, video) before the end
    /// of its sentence: then the talk was that call's (a readout's "The Secretary and the
    /// Minister also exchanged views…" sentences after "spoke by phone").
    fn en_talk_in_a_call(&self, t: &TriggerHit<'_>, sent_hi: usize) -> bool {
        let lists = &self.p.lists;
        let trig = self.ns(t.start, t.end);
        if !lists.en_talk_triggers.iter().any(|w| trig == w.as_str() || trig.starts_with(&format!("{w} "))) {
            return false;
        }
        // One scan of the page, on first use: work stays linear.
        let first = *self.first_call.get_or_init(|| {
            let n = self.norm.len();
            let mut i = 0;
            while i < n {
                if self.norm[i].is_alphanumeric() && (i == 0 || !self.norm[i - 1].is_alphanumeric()) {
                    let e = (i..n).find(|&k| !self.norm[k].is_alphanumeric()).unwrap_or(n);
                    if lists.en_call_words.contains(self.ns(i, e)) {
                        return Some(e);
                    }
                    i = e;
                } else {
                    i += 1;
                }
            }
            None
        });
        first.is_some_and(|f| f <= sent_hi)
    }

    /// The end of the clause after the one ending at `hi` when it opens with a word of
    /// `zh-contrast-words` (却, 但是), else `hi`.
    fn zh_contrast_clause_end(&self, hi: usize, sent_hi: usize) -> usize {
        if hi + 1 >= sent_hi || self.norm[hi] != ',' {
            return hi;
        }
        let next = self.ns(hi + 1, (hi + 4).min(sent_hi));
        if !self.p.lists.context.zh_contrast.iter().any(|w| next.starts_with(w.as_str())) {
            return hi;
        }
        self.clause(hi + 1, (hi + 1, sent_hi)).1
    }

    /// The candidate meetings of rule `ri` at trigger `t` with these people (one per
    /// person on the right for a `separately` rule: 分别会见 A、B), with their time, place
    /// and status; `None` when the text reports no meeting (denied, only wondered about).
    fn candidates(&self, ri: usize, t: &TriggerHit<'_>, sent: (usize, usize, usize), lo: usize, people: (Vec<usize>, Vec<usize>, bool)) -> Option<Vec<Candidate>> {
        let rule = &self.p.rules.rules[ri];
        let (left, right, host_known) = people;
        let (groups, with_each) = self.meeting_groups(rule, t, &left, &right);
        // "arrived on Monday ahead of talks with": Monday is the arrival's, not the
        // meeting's.
        let ahead = if rule.lang == Lang::En { self.en_ahead_end(sent.0, t.start) } else { None };
        let time = self.time_for(ahead.map_or(sent, |a| (a, sent.1, sent.2)), t.start, t.end);
        let place = self.place_for(sent, t.start, t.end);
        // A meeting named by its people's initials (川习会) is one to come, unless its
        // clause says it took place (川习会后, 习拜会结束).
        let abbreviated = rule.shape == Shape::Abbreviation;
        let done = abbreviated && {
            let hi = (t.end..sent.1).find(|&i| matches!(self.norm[i], ',' | ';' | '。' | '?' | '!')).unwrap_or(sent.1);
            let clause = self.ns(t.end, hi);
            self.p.lists.status.zh_abbreviation_done.iter().any(|w| clause.contains(w.as_str()))
        };
        // "arrived in Tallo ahead of talks with": the meeting comes after what the sentence
        // reports.
        // "President Anders Vik Meet President Ilse Marr on Sidelines of Summit": a
        // headline's capitalised base form reports the meeting (a marker before it, "to
        // Meet", "Will Meet", still makes it one to come).
        let headline_base = rule.lang == Lang::En && self.chars[t.start] == 'M' && self.ns(t.start, t.end).split(' ').next() == Some("meet");
        let planned = ((rule.planned && !headline_base) || abbreviated || ahead.is_some() || (rule.lang == Lang::Zh && self.future_marker(lo, t.start))) && !done;
        let (planned, wondered) = self.meeting_status(rule.lang, (sent.0, sent.1), lo, (t.start, t.end), planned)?;
        if rule.lang == Lang::En && (self.en_appeal(t, &left) || self.en_appeal(t, &right)) {
            return None;
        }
        // "They exchanged views" after "spoke by phone": a talk verb names a meeting only
        // where the page tells of no call up to its sentence's end (`en-talk-triggers`,
        // `en-call-words`).
        if rule.lang == Lang::En && self.en_talk_in_a_call(t, sent.1) {
            return None;
        }
        let mut out = Vec::new();
        let mut prev_end = lo;
        for group in groups {
            let mut participants: Vec<Item> = Vec::new();
            for i in group {
                let it = &self.items[i];
                if self.delegation_of_person_before(&participants, it) {
                    continue;
                }
                if !participants.iter().any(|p| p.key == it.key) {
                    participants.push(it.clone());
                }
            }
            if participants.len() < 2 {
                continue;
            }
            // "met King Hussein in Amman and Mubarak in Cairo": each one's own place first;
            // 与A及4月1日与B: each one's own time, the last between the one before and it.
            let own_place = if with_each { participants.last().and_then(|p| self.en_place_after(p.end)) } else { None };
            let own_time = participants.last().filter(|_| with_each && rule.lang == Lang::Zh).and_then(|p| self.time_between(lo.max(prev_end), p.start));
            prev_end = participants.last().map_or(prev_end, |p| p.end);
            let place = own_place.or(place).or_else(|| self.arrival_place_before(sent, &participants));
            out.push(Candidate {
                participants,
                host_known,
                rule: ri,
                sentence: (sent.0, sent.1),
                trigger: (t.start, t.end),
                section: self.lines[sent.2].section,
                latin: sentences::script_is_latin(&self.norm[sent.0..sent.1]),
                time: own_time.or_else(|| time.clone()),
                place,
                planned,
                wondered,
                ahead: ahead.is_some(),
                separately: rule.separately,
            });
        }
        Some(out)
    }

    /// The people of each meeting a reading makes: one meeting with all, or one per person
    /// of the side that names several (a `separately` rule or marker, a plural meeting
    /// noun, a "with" or a place for each); and whether each has a place of its own.
    fn meeting_groups(&self, rule: &Rule, t: &TriggerHit<'_>, left: &[usize], right: &[usize]) -> (Vec<Vec<usize>>, bool) {
        // 分别会见 A、B, 分别同 A、B 举行会谈, 分别拜会 A、B; 习近平、张德江分别会见了李显龙,
        // 李强、秦刚先后与林芳正举行会谈: a separately marker between the two sides (in
        // text order), a meeting with each of the side that names several.
        // "A and B separately called on C" (`en-separately-markers`, as whole words).
        let marked = matches!(rule.shape, Shape::With | Shape::SubjectObject)
            && !left.is_empty()
            && !right.is_empty()
            && {
                let (first, second) = if self.items[left[0]].start <= self.items[right[0]].start { (left, right) } else { (right, left) };
                let between = self.ns(self.items[first[first.len() - 1]].end, self.items[second[0]].start);
                // 与A、B分别进行会谈: after the partners, before the verb, too.
                let after_partners = || {
                    let last = self.items[right[right.len() - 1]].end;
                    rule.shape == Shape::With && last <= t.start && {
                        let before_verb = self.ns(last, t.start);
                        self.p.lists.zh_separately.iter().any(|w| before_verb.contains(w.as_str()))
                    }
                };
                // "met with A and B separately": right after the partners, too.
                let after_objects = || {
                    let last = self.items[right[right.len() - 1]].end;
                    let i = (last..self.norm.len()).find(|&i| !matches!(self.norm[i], ' ' | ',')).unwrap_or(last);
                    let e = (i..self.norm.len()).find(|&k| !self.norm[k].is_alphabetic()).unwrap_or(self.norm.len());
                    last > t.end && i - last <= 2 && self.p.lists.en_separately.iter().any(|m| self.ns(i, e) == m.as_str())
                };
                match rule.lang {
                    Lang::Zh => self.p.lists.zh_separately.iter().any(|w| between.contains(w.as_str())) || after_partners(),
                    Lang::En => between.split(|c: char| !c.is_alphabetic()).any(|w| self.p.lists.en_separately.iter().any(|m| m == w)) || after_objects(),
                }
            };
        // "held several meetings, including with A and B": a plural meeting noun, one
        // meeting with each partner.
        let plural = rule.shape == Shape::Noun && self.ns(t.start, t.end).split(' ').next() == Some("meetings");
        // "is meeting with Sharon and with Abbas": a "with" for each, a meeting with each.
        // "met King Hussein in Amman and Mubarak in Cairo": a place for each, a meeting each.
        // 与习近平及4月1日与李强会面: a with-marker before each, a meeting with each.
        let lists = &self.p.lists;
        let with_each = right.windows(2).any(|w| {
            let (a, b) = (self.items[w[0]].end, self.items[w[1]].start);
            match rule.lang {
                Lang::En => self.gap(a, b).trim().ends_with("and with") || self.en_place_after(a).is_some(),
                Lang::Zh => rule.shape == Shape::With && (a..b).any(|i| lists.zh_with.contains(self.norm[i]) && !lists.zh_weak_with.contains(self.norm[i]) && !self.covered(i)),
            }
        });
        let each = rule.separately && rule.shape == Shape::SubjectObject || marked;
        let groups: Vec<Vec<usize>> = if (each || plural || with_each) && right.len() > 1 {
            right.iter().map(|&r| left.iter().copied().chain(std::iter::once(r)).collect()).collect()
        } else if each && left.len() > 1 && right.len() == 1 {
            left.iter().map(|&l| vec![l, right[0]]).collect()
        } else {
            vec![left.iter().chain(right.iter()).copied().collect()]
        };
        (groups, with_each)
    }

    /// The last time expression inside `lo..hi`, when one stands there.
    fn time_between(&self, lo: usize, hi: usize) -> Option<TimeExpr> {
        let k = self.times.partition_point(|t| t.end <= hi);
        self.times[..k].last().filter(|t| t.start >= lo).cloned()
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::extract_on;

    fn meetings(text: &str) -> Vec<Vec<String>> {
        let x = extract_on(text, (2024, 7, 27));
        let mut v: Vec<Vec<String>> = x.events.iter().map(|e| e.participants.iter().map(|p| p.name.clone()).collect()).collect();
        v.sort();
        v
    }

    #[test]
    fn an_attendance_joins_the_meeting_of_its_own_script_before_it() {
        let x = extract_on(
            "外交部长王毅3月5日在北京会见俄罗斯外长拉夫罗夫。拉夫罗夫感谢王毅去年10月在昆明热情接待他。\nLavrov thanked Wang Yi for warmly receiving him in Kunming last October.\n马朝旭、孙卫东等参加会见。",
            (2024, 3, 6),
        );
        let today = x.events.iter().find(|e| e.date.as_deref() == Some("2024-03-05")).expect("the meeting of March 5");
        assert!(today.attendees.iter().any(|a| a.name == "Ma Zhaoxu"), "{:?}", x.events.iter().map(|e| (&e.date, &e.attendees)).collect::<Vec<_>>());
    }

    #[test]
    fn a_short_form_running_on_after_a_title_its_people_never_held_is_another_name() {
        // 拉布 is Raab's short form, but Fiji's prime minister is 拉布卡.
        assert_eq!(meetings("习近平在北京会见了斐济总理拉布卡。"), [vec!["Xi Jinping", "拉布卡"]]);
    }

    #[test]
    fn a_name_glossed_by_a_listed_one_is_that_person_when_named_again() {
        // 卢比奥 later links to the full name of no list, which the gloss makes Rubio: one
        // meeting, not a second with a person named 马尔科·卢比奥.
        let m = meetings("美国国务卿马尔科·卢比奥(Marco Rubio)11日在吉隆坡会晤了中国外长王毅。这是卢比奥首次面对面会晤中国外长。");
        assert_eq!(m, [vec!["Marco Rubio", "Wang Yi"]]);
    }

    #[test]
    fn a_title_owned_by_the_person_before_the_verb_is_the_subject_not_that_person() {
        assert!(meetings("President Jon Marr said his defence minister met Prime Minister Anders Vik on Monday.").is_empty());
        assert!(meetings("President Jon Marr's foreign minister met Prime Minister Anders Vik on Monday.").is_empty());
        assert!(meetings("Jon Marr Confirms Defence Minister's Meeting with Anders Vik").is_empty());
        assert!(meetings("President Jon Marr confirmed Wednesday his Central Intelligence Agency chief secretly met with Prime Minister Anders Vik.").is_empty());
        assert_eq!(meetings("President Jon Marr's meeting with Prime Minister Anders Vik went well."), [vec!["Jon Marr", "Anders Vik"]]);
        assert_eq!(meetings("President Jon Marr, on his first visit as president, met Prime Minister Anders Vik."), [vec!["Jon Marr", "Anders Vik"]]);
    }

    #[test]
    fn a_clause_after_a_comma_speaks_of_the_sentence_subject() {
        assert_eq!(
            meetings("Lena Vik met with Foreign Minister Jon Marr in Tallo on Wednesday, a day after meeting Prime Minister Anders Holm."),
            [vec!["Lena Vik", "Anders Holm"], vec!["Lena Vik", "Jon Marr"]]
        );
        assert_eq!(meetings("Lena Vik told reporters after meeting Jon Marr that progress had been made."), [vec!["Lena Vik", "Jon Marr"]]);
        // A fronted meeting noun with no one before it: the pair that opens the main clause.
        assert_eq!(
            meetings("After four hours of talks on Monday, Prime Minister Anders Vik and President Jon Marr failed to agree."),
            [vec!["Anders Vik", "Jon Marr"]]
        );
        assert!(meetings("After four hours of talks on Monday, Prime Minister Anders Vik said nothing had changed.").is_empty());
        // A "with" for each partner: a meeting with each.
        assert_eq!(
            meetings("Lena Vik is meeting with Foreign Minister Jon Marr and with Prime Minister Anders Holm in Tallo."),
            [vec!["Lena Vik", "Anders Holm"], vec!["Lena Vik", "Jon Marr"]]
        );
        assert_eq!(meetings("Lena Vik is meeting with Foreign Minister Jon Marr and Prime Minister Anders Holm in Tallo."), [vec!["Lena Vik", "Jon Marr", "Anders Holm"]]);
    }

    #[test]
    fn a_latin_gloss_in_brackets_after_a_chinese_name_breaks_no_list() {
        assert_eq!(
            meetings("布林肯会见了新西兰外长温斯顿·彼得斯(Winston Peters)和澳大利亚外长黄英贤(Penny Wong)。"),
            [vec!["Antony Blinken", "Winston Peters", "Penny Wong"]]
        );
    }

    #[test]
    fn a_later_undated_reference_to_an_announced_meeting_is_that_meeting() {
        let status = |text: &str| extract_on(text, (2019, 6, 19)).events.iter().map(|e| (e.planned, e.id.clone())).collect::<Vec<_>>();
        let x = status("特朗普星期二确认,他将在下星期和中国国家主席习近平进行会晤。这两位领导人的会晤被认为是重大进展。");
        assert_eq!(x.len(), 1, "{x:?}");
        assert!(x[0].0);
        // Two meetings of the same people on different days stay two.
        let y = status("Anders Vik met Ilse Marr on June 3. Anders Vik will meet Ilse Marr again on June 28.");
        assert_eq!(y.len(), 2, "{y:?}");
    }

    #[test]
    fn a_meeting_announced_for_the_day_another_sentence_says_it_was_held_is_one_held_meeting() {
        let status = |text: &str| extract_on(text, (2022, 12, 21)).events.iter().map(|e| (e.planned, e.date.clone())).collect::<Vec<_>>();
        let x = status("President Anders Vik welcomed President Ilse Marr to Tallo on Wednesday. Vik and Marr are to hold talks at the palace on Wednesday.");
        assert_eq!(x.len(), 1, "{x:?}");
        assert!(!x[0].0, "{x:?}");
        // Announced first, held in a later sentence: one held meeting too.
        let y = status("Vik and Marr are to hold talks at the palace on Wednesday. President Anders Vik welcomed President Ilse Marr to Tallo on Wednesday.");
        assert_eq!(y.len(), 1, "{y:?}");
        assert!(!y[0].0, "{y:?}");
        // Another day stays another meeting.
        let z = status("President Anders Vik welcomed President Ilse Marr to Tallo on Wednesday. Vik and Marr are to hold talks again on Friday.");
        assert_eq!(z.len(), 2, "{z:?}");
    }

    #[test]
    fn a_planned_meetings_month_and_day_is_the_coming_one() {
        let date = |text: &str, on: (i32, u32, u32)| extract_on(text, on).events.iter().map(|e| (e.planned, e.date.clone())).collect::<Vec<_>>();
        let planned = |d: &str| vec![(true, Some(d.to_string()))];
        assert_eq!(date("Anders Vik and Ilse Marr are set to meet on April 27.", (2018, 4, 18)), planned("2018-04-27"));
        assert_eq!(date("Anders Vik will meet Ilse Marr on January 5.", (2018, 12, 20)), planned("2019-01-05"));
        assert_eq!(date("习近平将于5月20日同普京举行会谈。", (2024, 12, 20)), planned("2025-05-20"));
        assert_eq!(date("习近平将于8日同普京举行会谈。", (2024, 8, 30)), planned("2024-09-08"));
        assert_eq!(date("习近平将于30日同普京举行会谈。", (2024, 8, 30)), planned("2024-08-30"));
        // Held: the last one.
        assert_eq!(date("Anders Vik met Ilse Marr on December 28.", (2019, 1, 3)), vec![(false, Some("2018-12-28".to_string()))]);
    }

    #[test]
    fn the_people_of_an_aside_before_the_verb_are_present_not_the_subject() {
        let x = extract_on("Foreign Minister Lena Vik, accompanied by Deputy Minister Ola Holm, met Prime Minister Jon Marr on Monday.", (2024, 7, 27));
        assert_eq!(x.events.len(), 1);
        let names = |v: &[crate::extract::Ref]| v.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&x.events[0].participants), ["Lena Vik", "Jon Marr"]);
        assert_eq!(names(&x.events[0].attendees), ["Ola Holm"]);
    }

    #[test]
    fn separately_before_a_with_marker_makes_one_meeting_each() {
        assert_eq!(
            meetings("王毅在万象分别同泰国外长马里斯、越南副总理裴青山举行会谈。"),
            [vec!["Wang Yi", "Bui Thanh Son"], vec!["Wang Yi", "Maris Sangiampongsa"]]
        );
        // Without it, one meeting of three.
        assert_eq!(meetings("王毅在万象同泰国外长马里斯、越南副总理裴青山举行会谈。"), [vec!["Wang Yi", "Maris Sangiampongsa", "Bui Thanh Son"]]);
        // After the partners, before the verb (与A、B分别进行会谈): one meeting each too.
        assert_eq!(meetings("林文达与诺兰国家副主席陈志明、诺兰省委书记王建国分别进行会谈。"), [vec!["林文达", "王建国"], vec!["林文达", "陈志明"]]);
    }

    #[test]
    fn a_clause_set_before_its_subject_takes_the_next_clauses_people() {
        assert_eq!(meetings("在同马克龙会谈时，习近平指出，中法关系保持稳定发展。"), [vec!["Xi Jinping", "Emmanuel Macron"]]);
        // The next clause opens with no person: nothing.
        assert!(meetings("在同马克龙会谈时，中方表示，习近平将出席峰会。").is_empty());
    }
}
