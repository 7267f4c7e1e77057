//! Shapes: where a rule's people stand around its trigger.
//!
//! Input: a trigger, its rule and the clause or sentence the rule reads. Output: a
//! [`Reading`]: nothing (the trigger's next rule is tried), people present (attend), or
//! the people on each side and whether the text says who received whom. One reader per
//! shape: subject-object, with, pair, between, abbreviation (川习会), remarks (a
//! transcript's headline), attend; fronted and noun are read in `meetings_en`.
//!
//! **Invariant**: a reading names items only (indices into the page's `items`), each side
//! in text order; a shape reads nothing outside the bounds it is given but the sentence's
//! own clause before (a pair before the comma) and a transcript's lines.

use super::*;
use crate::rules::Rule;

/// What a rule's shape reads around its trigger.
pub(super) enum Reading {
    /// Not this rule's shape here: the trigger's next rule is tried.
    Nothing,
    /// People present (an attendance rule): the trigger's last rule.
    Attend(Vec<usize>),
    /// The people on each side, whether the text says who received whom, and people
    /// present beside them ("X, accompanied by Y, met Z": Y).
    People(Vec<usize>, Vec<usize>, bool, Vec<usize>),
}

impl Reading {
    /// Two people or more on one side, none on the other; else nothing.
    pub(super) fn at_least_two(people: Vec<usize>) -> Reading {
        if people.len() < 2 { Reading::Nothing } else { Reading::People(people, Vec::new(), false, Vec::new()) }
    }
}

impl<'a> Page<'a> {
    /// Where the people of a rule's shape stand around its trigger (`lo..hi`: the clause
    /// or sentence the rule reads).
    pub(super) fn read_shape(&self, rule: &Rule, t: &TriggerHit<'_>, sent: (usize, usize, usize), (lo, hi): (usize, usize)) -> Reading {
        match rule.shape {
            Shape::Block => Reading::Nothing,
            Shape::SubjectObject => self.read_subject_object(rule, t, sent, (lo, hi)),
            Shape::With => self.read_with(rule, t, sent, (lo, hi)),
            Shape::Pair => self.read_pair(t, lo),
            Shape::Fronted => self.read_fronted(rule, t, (lo, hi)),
            Shape::Noun => self.read_noun(rule, t, sent, (lo, hi)),
            Shape::Between => Reading::at_least_two(self.right_group(t.end, hi)),
            Shape::Abbreviation => match self.abbreviation_at(t) {
                Some(pair) => Reading::People(pair, Vec::new(), false, Vec::new()),
                None => Reading::Nothing,
            },
            Shape::Remarks => Reading::at_least_two(self.remarks_people(sent.2)),
            Shape::Attend => self.read_attend(t, (lo, hi)),
        }
    }

    /// `X 与 Y 会谈`, `X 同 Y 会见`: the people before the with-marker and those after it;
    /// with no marker, the people before the trigger (a pair, 外长雷纳与韩正会见).
    fn read_with(&self, rule: &Rule, t: &TriggerHit<'_>, sent: (usize, usize, usize), (lo, hi): (usize, usize)) -> Reading {
        match self.with_marker(lo, t.start, &rule.markers) {
            Some((ms, me)) => {
                let mut r = self.right_group(me, t.start);
                let mut l = self.subject(ms, lo, sent.0);
                // 安华将于3月31日与习近平及4月1日与李强会面: the people before this marker
                // follow an earlier one; the subject before that one meets them all.
                if rule.lang == Lang::Zh
                    && rule.markers.is_empty()
                    && let Some(&f) = l.first()
                    && let Some((ms0, _)) = self.with_marker(lo, self.items[f].end, &rule.markers).filter(|&(m0, _)| m0 < self.items[f].start)
                {
                    let l0 = self.subject(ms0, lo, sent.0);
                    if !l0.is_empty() {
                        r = l.into_iter().chain(r).collect();
                        l = l0;
                    }
                }
                // 林文达出席陈志明举行的招待会，并同陈志明进行交谈: a subject from the clause before
                // who is the one met here stands in that clause's object; the subject is
                // further back.
                if rule.lang == Lang::Zh
                    && let [only] = l[..]
                    && self.items[only].start < lo
                    && r.iter().any(|&j| self.items[j].key == self.items[only].key)
                {
                    let s0 = self.items[only].start;
                    let further = self.subject(s0, s0, sent.0);
                    if !further.is_empty() {
                        l = further;
                    }
                }
                if l.is_empty() && rule.lang == Lang::Zh {
                    l = self.zh_fronted_subject(hi, sent.1);
                }
                if l.is_empty() || r.is_empty() {
                    return Reading::Nothing;
                }
                Reading::People(l, r, false, Vec::new())
            }
            // 柯庆施、陈丕显会见了代表团 under a rule of its own markers (获, 受到, 为): no
            // marker and words after the verb, no reading; the people before the verb
            // are its hosts, not a pair (外长雷纳与韩正会见。 is one).
            None if !rule.markers.is_empty() && self.ns(t.end, hi).chars().any(|c| c.is_alphanumeric()) => Reading::Nothing,
            None => {
                // 同多位商界人士会面，包括A、B、C等: a group met after a with-marker, its
                // people named in the clause after.
                if rule.lang == Lang::Zh && rule.markers.is_empty() {
                    let included = self.zh_included_after(t.end, sent.1);
                    let lists = &self.p.lists;
                    let marker = (lo..t.start).rev().find(|&i| lists.zh_with.contains(self.norm[i]) && !lists.zh_weak_with.contains(self.norm[i]) && !self.covered(i));
                    if let (false, Some(m)) = (included.is_empty(), marker) {
                        let l = self.subject(m, lo, sent.0);
                        if !l.is_empty() {
                            return Reading::People(l, included, false, Vec::new());
                        }
                    }
                }
                let l = self.left_group(t.start, lo);
                if l.is_empty() && rule.lang == Lang::Zh {
                    return Reading::at_least_two(self.zh_pair_before_comma(lo, sent));
                }
                // 林文达，陈志明，王建国与考察团成员座谈: a with-marker after the group
                // brings in people it does not name; the group is one side, no pair.
                let lists = &self.p.lists;
                if let Some(&last) = l.last()
                    && (self.items[last].end..t.start).any(|i| lists.zh_with.contains(self.norm[i]) && !lists.zh_weak_with.contains(self.norm[i]) && !self.covered(i))
                {
                    return Reading::Nothing;
                }
                Reading::at_least_two(l)
            }
        }
    }

    /// `X and Y met`: two people or more right before the trigger.
    fn read_pair(&self, t: &TriggerHit<'_>, lo: usize) -> Reading {
        let l = self.left_group(t.start, lo);
        let Some(end) = l.last().map(|&i| self.items[i].end).filter(|_| l.len() >= 2) else { return Reading::Nothing };
        // "Ilse Marr and Anders Vik, her Norland counterpart, met": past the last one's
        // apposition (or its comma, when the person's item holds the title already).
        // "Anders Vik and Ilse Marr, who last met in June, held talks": past a relative
        // clause (`en-relative-pronouns`) set off by commas.
        let past_apposition = || {
            self.en_apposition_close(end, t.start).or_else(|| self.en_relative_close(end, t.start)).is_some_and(|c| self.trigger_follows(&self.gap(c + 1, t.start)))
                || (self.gap(end, t.start) == "," && self.mentions.ending(end).is_some_and(|m| self.is_role(m)))
        };
        if !self.trigger_follows(&self.gap(end, t.start)) && !past_apposition() {
            return Reading::Nothing;
        }
        Reading::People(l, Vec::new(), false, Vec::new())
    }

    /// People present: before the trigger (`X 在座`), or after it when it opens the list
    /// (`参加会见的有 A、B`).
    fn read_attend(&self, t: &TriggerHit<'_>, (lo, hi): (usize, usize)) -> Reading {
        let l = self.left_group(t.start, lo);
        // "参加会见的有A、B等", "在座的有…": the people present follow the trigger.
        if l.is_empty() && self.p.lists.attend_openers.iter().any(|w| self.ns(t.start, t.end).ends_with(w.as_str())) {
            let r = self.right_group(t.end, hi);
            return if r.is_empty() { Reading::Nothing } else { Reading::Attend(r) };
        }
        let Some(&last) = l.last() else { return Reading::Nothing };
        let g = self.gap(self.items[last].end, t.start);
        if !(g.is_empty() || self.p.lists.joins.attend.contains(&g)) {
            return Reading::Nothing;
        }
        Reading::Attend(l)
    }

    /// `X TRIGGER Y`: the subject left of the trigger, the object right of it.
    pub(super) fn read_subject_object(&self, rule: &Rule, t: &TriggerHit<'_>, sent: (usize, usize, usize), (lo, hi): (usize, usize)) -> Reading {
        let (mut l, present) = match rule.lang {
            Lang::Zh => (self.subject(t.start, lo, sent.0), Vec::new()),
            Lang::En => self.en_subject(t.start, lo),
        };
        if l.is_empty() && rule.lang == Lang::Zh {
            l = self.zh_fronted_subject(hi, sent.1);
        }
        let r = self.right_group(t.end, hi);
        if l.is_empty() || r.is_empty() {
            return Reading::Nothing;
        }
        if rule.lang == Lang::En && self.en_owned_subject(self.items[*l.last().unwrap()].end, t.start) {
            return Reading::Nothing;
        }
        match rule.host {
            Host::Right => Reading::People(r, l, true, present),
            Host::Left => Reading::People(l, r, true, present),
            Host::Unknown => Reading::People(l, r, false, present),
        }
    }

    /// "黄循财和习近平,星期五在出席峰会期间会晤": a clause of its own naming two people
    /// or more and little else (titles aside), right before the comma that opens the
    /// trigger's clause at `lo` with the meeting's time: they are its people.
    pub(super) fn zh_pair_before_comma(&self, lo: usize, sent: (usize, usize, usize)) -> Vec<usize> {
        if lo < sent.0 + 2 || self.norm[lo - 1] != ',' {
            return Vec::new();
        }
        let (plo, _) = self.clause(lo - 2, (sent.0, sent.1));
        let group = self.left_group(lo - 1, plo);
        let Some(&last) = group.last() else { return Vec::new() };
        let ends_clause = self.items[last].end == lo - 1;
        let k = self.triggers.partition_point(|t| t.start < plo);
        let no_trigger = self.triggers.get(k).is_none_or(|t| t.start >= lo);
        // The trigger's clause opens with the meeting's time (星期五, 今天).
        let start = (lo..sent.1).find(|&i| !self.norm[i].is_whitespace()).unwrap_or(lo);
        let timed = self.time_starting_at(start).is_some();
        // Before the people, titles and a few words of their own only (我国总理兼财政部长).
        let lead = self.gap(plo, self.items[group[0]].start).chars().count() <= 6;
        if ends_clause && no_trigger && timed && lead {
            return group;
        }
        // 李鹏和马哈蒂尔检阅了仪仗队，然后举行了会谈: a clause opening with a word of
        // sequence (`zh-sequence-openers`) goes on with the people who open the clause before.
        let sequel = self.p.lists.context.zh_sequence.iter().any(|w| self.ns(start, (start + 3).min(sent.1)).starts_with(w.as_str()));
        let cands = self.items_in(plo, lo - 1);
        match cands.first() {
            Some(&first) if sequel && no_trigger && self.items[first].start - plo <= 12 => {
                let group = self.run_on(cands);
                if group.len() >= 2 { group } else { Vec::new() }
            }
            _ => Vec::new(),
        }
    }

    /// The two items of a pair abbreviation (`pattern:zh-pair-abbreviation`: 川 and 习 in
    /// 川习会) that end right at the trigger's 会 (its first character, or its second in
    /// 拜会: 习拜会), in text order.
    pub(super) fn abbreviation_at(&self, t: &TriggerHit<'_>) -> Option<Vec<usize>> {
        let at = (t.start..t.end).find(|&i| self.norm[i] == '会')?;
        let abbreviation = |m: &M| m.rule.as_ref() == "pattern:zh-pair-abbreviation";
        let second = self.mentions.ending(at).filter(|m| abbreviation(m))?;
        let first = self.mentions.ending(second.start).filter(|m| abbreviation(m))?;
        let item = |start: usize| {
            let i = self.items.partition_point(|it| it.start < start);
            (i < self.items.len() && self.items[i].start == start).then_some(i)
        };
        Some(vec![item(first.start)?, item(second.start)?])
    }

    /// A transcript's headline ("Remarks With X Before Their Meeting", "Remarks by X and
    /// Y Before Bilateral Meeting"): the people it names and, when it names only one, the
    /// speaker: the first other person standing at the start of a line below it, alone
    /// (a byline) or as a speaker's label ("SECRETARY KERRY:", "President Obama. I …"),
    /// with nothing but capitalised titles before. Only a headline counts: one of the
    /// page's first lines, short.
    pub(super) fn remarks_people(&self, line: usize) -> Vec<usize> {
        const HEADLINE_LINES: usize = 4;
        const HEADLINE_CHARS: usize = 200;
        const SPEAKER_LINES: usize = 12;
        let Some(l) = self.lines.get(line) else { return Vec::new() };
        if line >= HEADLINE_LINES || l.end - l.start > HEADLINE_CHARS {
            return Vec::new();
        }
        let mut people = self.items_in(l.start, l.end);
        if people.len() != 1 {
            return people;
        }
        for next in self.lines.iter().skip(line + 1).take(SPEAKER_LINES) {
            let Some(&first) = self.items_in(next.start, next.end).first() else { continue };
            let it = &self.items[first];
            let before: String = self.chars[next.start..it.start].iter().collect();
            let titles = before.chars().count() <= 40
                && before.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase));
            let after = self.chars[it.end..next.end].iter().find(|c| !c.is_whitespace()).copied();
            let label = matches!(after, None | Some(':') | Some('.'));
            if titles && label && self.items[people[0]].key != it.key {
                people.push(first);
                break;
            }
        }
        people
    }
}
