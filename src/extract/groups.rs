//! Groups: the people on each side of a trigger.
//!
//! Input: the page's items, mentions and times. Output: the items left of a position
//! (`left_group`, `subject` with Chinese zero anaphora) and right of it (`right_group`),
//! joined by `list-joins`; what may stand between a verb and its people
//! (`object-openers`), the `with` marker of a Chinese clause (`zh-with-markers`).
//!
//! **Invariant**: the people of a group are joined pairwise (`joined`, read in
//! src/extract/gaps.rs), and a group never reaches past the bounds it is given.

use super::*;

impl<'a> Page<'a> {
    /// Items inside `lo..hi`, in text order (items are sorted by start: a binary search,
    /// then only the items starting in the range).
    pub(super) fn items_in(&self, lo: usize, hi: usize) -> Vec<usize> {
        let first = self.items.partition_point(|it| it.start < lo);
        (first..self.items.len()).take_while(|&i| self.items[i].start <= hi).filter(|&i| self.items[i].end <= hi).collect()
    }

    /// People just left of `before` (nearest first found, then extended over list
    /// separators), in text order. `lo` bounds the search.
    pub(super) fn left_group(&self, before: usize, lo: usize) -> Vec<usize> {
        let cands = self.items_in(lo, before);
        let Some(&last) = cands.last() else { return Vec::new() };
        let mut group = vec![last];
        let mut k = cands.len() - 1;
        while k > 0 {
            let (prev, cur) = (cands[k - 1], group[0]);
            if self.joined(self.items[prev].end, self.items[cur].start) {
                group.insert(0, prev);
                k -= 1;
            } else {
                break;
            }
        }
        group
    }

    /// People just right of `after`: the first must follow with nothing but titles,
    /// places and particles between; then extended over list separators.
    pub(super) fn right_group(&self, after: usize, hi: usize) -> Vec<usize> {
        let cands = self.items_in(after, hi);
        let Some(&first) = cands.first() else { return Vec::new() };
        let g = self.gap(after, self.items[first].start);
        let han = (after..self.items[first].start).any(|i| is_han(self.norm[i]));
        let modifier = han && self.zh_object_modifiers_before(after, self.items[first].start);
        // "received a delegation of provincial officials led by Vice Governor X": X.
        // "met Chinese delegation headed by X": the article may be missing.
        // "… led by the Energy & Mining Minister of Norland X": after
        // "by", only the words that join a title's (capitalised words and mentions are
        // out of the gap already), or a counterpart's ("led by his Tallo equivalent X").
        let lists = &self.p.lists;
        let title_glue = |w: &str| {
            lists.en_determiners.iter().any(|d| d == w)
                || lists.en_apposition_words.contains(w)
                || lists.joins.list.contains(w)
                || lists.counterpart_words.iter().chain(&lists.counterpart_possessives).any(|c| c == w)
                || !w.chars().any(char::is_alphanumeric)
        };
        // After a lead verb and "by" (`en-delegation-lead-verbs`: led, headed).
        let by_end = lists.context.leads.iter().filter_map(|v| g.find(&format!("{v} by")).map(|k| k + v.len() + 3)).min();
        let led_by = (g.starts_with("a ") || g.starts_with("an ") || g.starts_with("the ") || g.starts_with("delegation "))
            && g.contains("delegation")
            && by_end.is_some_and(|k| g[k..].split(' ').all(|w| w.is_empty() || title_glue(w)))
            && g.split(' ').count() <= 12;
        // `object-openers`: "met today with", "met in Berlin with" (the time and place are
        // mentions, their words stay), "met with Norway's foreign minister" (the country is
        // a mention, its possessive stays).
        // "met opposition leader Raila Odinga": words that modify the object's title.
        // "met on Sunday with Angolan rebel leader Jonas Savimbi": past the openers first.
        // The title runs into the person ("senior Vietnamese leaders to advance … announced
        // by President Obama": the leaders are the object, no one named). Between them,
        // titles and ranks only ("intelligence chief, Lieutenant General", "commander in
        // chief"): two lower-case words at most.
        let first_start = self.items[first].start;
        let runs_into_first = |r: usize| self.mentions.starting(r).is_none_or(|m| m.end <= first_start && self.gap(m.end, first_start).split_whitespace().count() <= 2);
        let title_modifiers = !han
            && [after, self.en_past_openers(after, first_start, false), self.en_past_openers(after, first_start, true)]
                .into_iter()
                .any(|p| self.en_modifiers_to_role(p).is_some_and(|r| r < first_start && runs_into_first(r)));
        let opener_ok = modifier
            || led_by
            || title_modifiers
            || (!han && self.en_title_before_comma(after, first))
            || (!han && self.en_adjunct_before_comma(after, first_start))
            || g.split(' ').all(|w| {
                let w = w.trim_end_matches(',');
                // A number ("met for 90 minutes with").
                w.is_empty() || w.chars().all(|c| c.is_ascii_digit()) || self.p.lists.joins.object_openers.contains(w)
            });
        // "met with the foreign minister of Norland, Anders Vik said": the one after the
        // comma speaks; no one is the object.
        let speaks_after_comma = !han && (after..first_start).rev().find(|&k| self.chars[k] != ' ').is_some_and(|k| self.norm[k] == ',') && self.en_speaks_at(self.items[first].end);
        if !opener_ok || speaks_after_comma {
            return Vec::new();
        }
        // "met with Sharon's advisor Dov Weissglas": the possessor is no participant.
        let mut cands = cands;
        if !han && cands.len() > 1 && self.en_owner_of_next(self.items[cands[0]].end, self.items[cands[1]].start) {
            cands.remove(0);
        }
        // 与王建国的夫人陈志明: nor is the owner of a kin noun (`zh-kin-nouns`) before the
        // next person.
        if han && cands.len() > 1 && self.items[cands[0]].end <= self.items[cands[1]].start {
            let gap = self.ns(self.items[cands[0]].end, self.items[cands[1]].start);
            // 同王建国(的)特使陈志明: nor one whose envoy or representative the next person is
            // (`zh-represented-after`).
            if self.p.lists.kin_nouns.find(gap).is_some_and(|m| m.start() == 0) || self.p.lists.context.zh_represented.iter().any(|w| gap.starts_with(w.as_str())) {
                cands.remove(0);
            }
        }
        self.run_on(cands)
    }

    /// "received on Friday in his office at the ministry in Tallo, Ambassador Ilse Marr": an
    /// adjunct of time or place from `after` to the last comma before the object at
    /// `first` (its mentions and capitalised words aside), opening with a word of
    /// `en-adjunct-openers`, twelve words at most; after the comma capitalised and function
    /// words only (the object's title, "Norland's Ambassador to Tallo").
    fn en_adjunct_before_comma(&self, after: usize, first: usize) -> bool {
        let Some(comma) = (after..first).rev().find(|&k| self.norm[k] == ',') else { return false };
        let titled = self.chars[comma + 1..first]
            .iter()
            .collect::<String>()
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || self.p.lists.en_function.contains(w));
        let adjunct = self.gap(after, comma);
        let words: Vec<&str> = adjunct.split_whitespace().collect();
        titled && words.len() <= 12 && words.first().is_some_and(|w| self.p.lists.context.en_adjunct_openers.iter().any(|o| o == w))
    }

    /// Whether what stands between a Chinese meeting verb at `after` and its object at
    /// `first` are the object's titles, bodies and modifiers (会见来华访问的巴西总统卢拉,
    /// 会见美国财政部长耶伦): within the clause, at most 30 characters no mention covers
    /// (long official titles count by those) and 60 in all; 60 and 90 when a relative
    /// clause ending in 的 stands there (会见了出席…第三次会议暨…活动的会长X). A comma
    /// closing one of the object's titles (会见上海电气集团副总裁,新能源公司董事长金孝龙)
    /// goes on with them.
    fn zh_object_modifiers_before(&self, after: usize, first: usize) -> bool {
        let uncovered = (after..first).filter(|&i| self.mentions.covering(i).is_none()).count();
        let title_comma = |k: usize| self.norm[k] == ',' && self.mentions.ending(k).is_some_and(|m| self.is_role(m));
        let relative = (after..first).any(|k| self.norm[k] == '的');
        let (most_uncovered, most_chars) = if relative { (60, 90) } else { (30, 60) };
        uncovered <= most_uncovered
            && first - after <= most_chars
            && !(after..first).any(|k| matches!(self.norm[k], ',' | ';' | '。' | ':' | '!' | '?') && !title_comma(k))
    }

    /// Where the object's own words begin after `p`: past words of `object-openers`,
    /// numbers, and what mentions and times cover ("on Sunday with", "in Berlin with"),
    /// up to `limit`. With `to_mention`, only times are passed over: a mention ends the
    /// openers ("received here on Monday Chinese Ambassador to Norway X": at "Chinese").
    pub(super) fn en_past_openers(&self, mut p: usize, limit: usize, to_mention: bool) -> usize {
        loop {
            while p < limit && self.chars[p] == ' ' {
                p += 1;
            }
            if p >= limit {
                return p;
            }
            if to_mention && self.mentions.covering(p).is_some() {
                return p;
            }
            if self.covered(p) {
                while p < limit && self.covered(p) {
                    p += 1;
                }
                continue;
            }
            let mut e = p;
            while e < limit && !matches!(self.chars[e], ' ' | ',') {
                e += 1;
            }
            let w = self.ns(p, e);
            if e == p || !(w.chars().all(|c| c.is_ascii_digit()) || self.p.lists.joins.object_openers.contains(w)) {
                return p;
            }
            p = e;
            while p < limit && self.chars[p] == ',' {
                p += 1;
            }
        }
    }

    /// Left group with Chinese zero anaphora: when the clause names nobody, the subject
    /// is the nearest person earlier in the sentence.
    pub(super) fn subject(&self, before: usize, clause_lo: usize, sentence_lo: usize) -> Vec<usize> {
        let g = self.left_group(before, clause_lo);
        // 在秘书长龚明鑫陪同下，拜会…: a person who accompanies (`zh-escort-words`) is no
        // subject.
        // 王毅作为习近平主席的特使…会见了: nor is one represented (`zh-represented-after`
        // after the person, `zh-as-markers` before its title).
        let escort = |i: usize| {
            let (s, e) = (self.items[i].start, self.items[i].end);
            let after = self.ns(e, (e + 4).min(self.norm.len()));
            let ctx = &self.p.lists.context;
            ctx.zh_escort.iter().any(|w| after.starts_with(w.as_str()))
                || self.zh_in_escort_list(s, e)
                || (ctx.zh_represented.iter().any(|w| after.starts_with(w.as_str())) && ctx.zh_as.iter().any(|w| self.ns(s.saturating_sub(12), s).contains(w.as_str())))
        };
        // A Chinese clause whose nearest person is the object of an earlier verb (将晋见瓜国
        // 总统马多纳多及会晤外长摩拉雷斯): the subject is further back.
        let object = g.first().is_some_and(|&f| is_han(self.norm[self.items[f].start]) && (self.zh_verb_object_at(self.items[f].start, sentence_lo) || escort(f)));
        if g.is_empty() && clause_lo == sentence_lo {
            return self.zh_subject_before_semicolon(sentence_lo);
        }
        if !g.is_empty() && !object {
            return g;
        }
        // The nearest person who is no object (与副总统拜登举行会谈,并…与奥巴马会谈: not 拜登),
        // among the last few of the sentence before (a bound: work stays linear).
        let until = if object { self.items[g[0]].start } else { clause_lo };
        let first = self.items.partition_point(|it| it.start < sentence_lo);
        let last = self.items.partition_point(|it| it.start < until);
        let cands: Vec<usize> = (first..last).rev().take(8).filter(|&i| self.items[i].end <= until).collect();
        let subject = cands.iter().find(|&&i| !self.zh_object_at(self.items[i].start, sentence_lo) && !escort(i));
        match subject {
            // 省委书记林文达，省长陈志明，在塔洛与…座谈: a group that closes the clause right before
            // is the subject whole.
            Some(&i) if !object && self.norm[self.items[i].end..clause_lo].iter().all(|&c| matches!(c, ',' | ' ')) => {
                let grp = self.left_group(self.items[i].end, sentence_lo);
                if grp.last() == Some(&i) { grp } else { vec![i] }
            }
            Some(&i) => vec![i],
            // The clause's nearest person is an object and no subject stands before: the
            // subject is someone the page does not name here, not that object.
            None if object => Vec::new(),
            None => cands.iter().find(|&&i| !escort(i)).map(|&i| vec![i]).unwrap_or_default(),
        }
    }

    /// 在秘书长林文达、部长陈志明陪同下: whether the person at `s..e` stands between a 在 and a
    /// word of `zh-escort-words` in one clause (every person of the escorts' list, not
    /// only the last). Looks forty characters each way at most.
    fn zh_in_escort_list(&self, s: usize, e: usize) -> bool {
        let stop = |c: char| matches!(c, ',' | '.' | ';' | '!' | '?' | '，' | '。' | '；' | ':' | '：');
        let n = self.norm.len();
        let ahead = self.ns(e, (e + 40).min(n));
        let Some(k) = self.p.lists.context.zh_escort.iter().filter_map(|w| ahead.find(w.as_str())).min() else { return false };
        if ahead[..k].chars().any(stop) {
            return false;
        }
        let lo = s.saturating_sub(40);
        (lo..s).rev().take_while(|&i| !stop(self.norm[i])).any(|i| self.norm[i] == '在')
    }

    /// 瓦格纳此行13日率团访深圳；20日会见…: a sentence after a semicolon that names no one
    /// before its verb goes on with the person who opens the sentence before (its first
    /// person, with nothing but titles, places and times before it).
    fn zh_subject_before_semicolon(&self, sentence_lo: usize) -> Vec<usize> {
        let Some(p) = (sentence_lo.saturating_sub(3)..sentence_lo).rev().find(|&i| !self.norm[i].is_whitespace()) else { return Vec::new() };
        if self.norm[p] != ';' {
            return Vec::new();
        }
        let Some((s0, _, _)) = self.sentence_of(p) else { return Vec::new() };
        let first = self.items.partition_point(|it| it.start < s0);
        match self.items.get(first) {
            Some(it) if it.end <= p && is_han(self.norm[it.start]) && self.gap(s0, it.start).is_empty() => vec![first],
            _ => Vec::new(),
        }
    }

    /// The subject of a Chinese clause set before it (在同马克龙会谈时，习近平指出…): when
    /// the clause ending at `clause_hi` closes with a word of `zh-fronted-clause-ends` and
    /// a comma, the people who open the next clause (within a few characters: a title or
    /// a time may come first).
    pub(super) fn zh_fronted_subject(&self, clause_hi: usize, sent_hi: usize) -> Vec<usize> {
        if clause_hi + 1 >= sent_hi || self.norm[clause_hi] != ',' {
            return Vec::new();
        }
        let before = self.ns(clause_hi.saturating_sub(4), clause_hi);
        if !self.p.lists.zh_fronted_ends.iter().any(|w| before.ends_with(w.as_str())) {
            return Vec::new();
        }
        let next_lo = clause_hi + 1;
        let (_, next_hi) = self.clause(next_lo, (next_lo, sent_hi));
        let cands = self.items_in(next_lo, next_hi);
        let Some(&first) = cands.first() else { return Vec::new() };
        if self.items[first].start - next_lo > 12 {
            return Vec::new();
        }
        self.run_on(cands)
    }

    /// The first of `cands` (items in text order) and those after it joined to it by
    /// list separators (`list-joins`), up to the first that is not.
    pub(super) fn run_on(&self, cands: Vec<usize>) -> Vec<usize> {
        let mut group: Vec<usize> = Vec::with_capacity(cands.len());
        for next in cands {
            if let Some(&cur) = group.last()
                && (!self.joined(self.items[cur].end, self.items[next].start) || self.speaker_after_comma(cur, next))
            {
                break;
            }
            group.push(next);
        }
        group
    }

    /// "who plans to meet X, Chief Cabinet Secretary Y told reporters": whether the
    /// person at item `next`, set off from item `cur` by a comma, then speaks
    /// (`en-speech-cues`): the speaker, not one more of the list.
    fn speaker_after_comma(&self, cur: usize, next: usize) -> bool {
        let (end, start) = (self.items[cur].end, self.items[next].start);
        start > end && self.chars[start].is_ascii_alphabetic() && self.norm[end..start].contains(&',') && self.en_speaks_at(self.items[next].end)
    }

    /// The nearest 同/与/和/跟 before the trigger that has a person right after it.
    pub(super) fn with_marker(&self, lo: usize, trig: usize, markers: &[String]) -> Option<(usize, usize)> {
        let mut i = trig;
        while i > lo {
            i -= 1;
            if self.covered(i) {
                continue;
            }
            // The rule's own markers (受到), else the lexicon's characters (同/与/和/跟).
            let end = if markers.is_empty() {
                self.p.lists.zh_with.contains(self.norm[i]).then_some(i + 1)
            } else {
                markers.iter().find(|m| self.ns(i, trig).starts_with(m.as_str())).map(|m| i + m.chars().count())
            };
            if let Some(end) = end {
                let r = self.right_group(end, trig);
                if r.is_empty() {
                    continue;
                }
                // 和 also joins a list (与拜登和希拉里共进午餐, `zh-weak-with-markers`): an
                // earlier marker whose people run on over it is the marker.
                let lists = &self.p.lists;
                if markers.is_empty() && lists.zh_weak_with.contains(self.norm[i]) {
                    let strong = (lo..i).rev().find(|&j| {
                        let c = self.norm[j];
                        lists.zh_with.contains(c) && !lists.zh_weak_with.contains(c) && !self.covered(j) && self.right_group(j + 1, trig).contains(&r[0])
                    });
                    if let Some(j) = strong {
                        return Some((j, j + 1));
                    }
                }
                return Some((i, end));
            }
        }
        None
    }

    /// Nothing but words of `pair-before-trigger` ("have", "later") between a pair and its verb.
    pub(super) fn trigger_follows(&self, gap: &str) -> bool {
        gap.split(' ').all(|w| w.is_empty() || self.p.lists.joins.pair_before_trigger.iter().any(|p| p == w))
    }
}
