//! Delegations: a party met as a whole (美国国会议员代表团, "a delegation from X"), or
//! the person leading it where the page names one (由X率领的代表团, "X led a delegation",
//! a bare 代表团 after a meeting verb whose leader a sentence before names leading a
//! party).
//!
//! Input: the page's mentions and triggers. Output: `groups` (sorted, disjoint spans with
//! the delegation's name as written: `pattern:zh-delegation`, `pattern:en-delegation`)
//! and person mentions for bare delegation nouns (`pattern:zh-delegation-leader`).
//!
//! **Invariant**: a delegation led by a person named before it is no group (the person
//! takes part); groups do not overlap.

use super::*;

impl<'a> Page<'a> {
    /// Delegations as participants: a Chinese noun phrase ending in 代表团/考察团/…
    /// (美国国会议员代表团), or an English "delegation from X" / "a U.S. congressional
    /// delegation". Named as written; an open-world Organization.
    #[inline(never)]
    pub(super) fn find_delegations(&self) -> (Vec<(usize, usize, String)>, Vec<(usize, usize, EntityKey)>) {
        let mut found: Vec<(usize, usize, String)> = Vec::new();
        let guests = &self.p.lists.guest_nouns;
        for suf in self.p.lists.delegation_suffixes.iter().chain(guests) {
            if !self.norm_str.contains(suf.as_str()) {
                continue; // the char-by-char scan below finds nothing (hot: every document)
            }
            let k: Vec<char> = suf.chars().collect();
            let guest = guests.contains(suf);
            let mut i = 0;
            while i + k.len() <= self.norm.len() {
                if self.norm[i..i + k.len()] != k[..] {
                    i += 1;
                    continue;
                }
                let e = i + k.len();
                // A guest noun going on into a longer word (领导人, 领导下, 朋友圈) is none.
                let goes_on = guest && e < self.norm.len() && is_han(self.norm[e]) && !self.p.names.stops_name(&self.norm, e) && !self.trigger_starts_at(e);
                if goes_on {
                    i = e;
                    continue;
                }
                // 一些成员国代表团, 不同城市领导: a delegation or guests no one names
                // (`zh-indefinite-quantifiers`, opening it or right before it) are no
                // party of their own.
                let indefinite = |st: usize| {
                    self.p.lists.context.zh_indefinite.iter().any(|w| {
                        let n = w.chars().count();
                        self.ns(st, e).starts_with(w.as_str()) || (st >= n && self.ns(st - n, st) == w.as_str())
                    })
                };
                if let Some(st) = self.zh_delegation_start(i, guest).filter(|&st| !indefinite(st)) {
                    found.push((st, e, self.ns(st, e).to_string()));
                }
                i = e;
            }
        }
        self.en_delegations(&mut found);
        found.sort();
        found.dedup_by(|b, a| b.0 < a.1);
        let leaders = self.find_delegation_leaders(&found);
        (found, leaders)
    }

    /// A bare delegation noun right after a meeting verb (会见了代表团, 会晤访问团) whose
    /// leader a sentence before names leading a party (`zh-party-leader-verbs`: 岸田文雄
    /// 率领代表团访华): that leader, as a mention of the noun
    /// (`pattern:zh-delegation-leader`), for `Page::build` to add to the mentions. `groups`:
    /// the delegations found.
    fn find_delegation_leaders(&self, groups: &[(usize, usize, String)]) -> Vec<(usize, usize, EntityKey)> {
        let mut found: Vec<(usize, usize, EntityKey)> = Vec::new();
        for suf in &self.p.lists.delegation_suffixes {
            if !self.norm_str.contains(suf.as_str()) {
                continue;
            }
            for (b, _) in self.norm_str.match_indices(suf.as_str()) {
                let i = self.char_at_byte(b);
                let e = i + suf.chars().count();
                if !(self.after_meeting_verb(i) || self.before_with_marker(e)) || self.mentions.overlaps(i, e) || groups.get(groups.partition_point(|g| g.1 <= i)).is_some_and(|g| g.0 < e) {
                    continue;
                }
                if let Some(key) = self.party_leader_before(i) {
                    found.push((i, e, key));
                }
            }
        }
        found
    }

    /// Whether `pos` comes right after a trigger, or after a trigger and 了 (会见了代表团).
    fn after_meeting_verb(&self, pos: usize) -> bool {
        self.trigger_ends_at(pos) || (pos > 0 && self.norm[pos - 1] == '了' && self.trigger_ends_at(pos - 1))
    }

    /// Whether a with-marker follows the delegation noun ending at `e`, times between
    /// (访问团周五与蔡英文总统会面): the party is a side of the meeting.
    fn before_with_marker(&self, e: usize) -> bool {
        let mut p = e;
        while p < self.norm.len() && (self.norm[p] == ' ' || self.time_starting_at(p).is_some()) {
            p = self.time_starting_at(p).map_or(p + 1, |t| t.end);
        }
        p < self.norm.len() && self.p.lists.zh_with.contains(self.norm[p]) && !self.p.lists.zh_weak_with.contains(self.norm[p])
    }

    /// The last person before `pos` in its sentence and the few before (300 characters
    /// back at most) who is said to lead a party: a word of `zh-party-leader-verbs`
    /// right after the name, its title or its gloss in Latin script (麦考尔(Michael
    /// McCaul)率领…).
    fn party_leader_before(&self, pos: usize) -> Option<EntityKey> {
        let s0 = self.sentence_start(pos);
        let lo = s0.saturating_sub(300);
        let first = self.mentions.partition_point(|m| m.start < lo);
        let last = self.mentions.partition_point(|m| m.start < pos);
        let n = self.norm.len();
        self.mentions[first..last].iter().rev().filter(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person))).take(12).find_map(|m| {
            let mut p = m.end;
            if let Some(r) = self.mentions.starting(p).filter(|r| matches!(r.kind, Mk::Ent(_, EntityType::Role))) {
                p = r.end;
            }
            if let Some(close) = self.latin_gloss_close(p, n) {
                p = close + 1;
            }
            // 叶南德兹总统的率团来访: a 的 may stand before the verb made a noun.
            if p < n && self.norm[p] == '的' {
                p += 1;
            }
            let after = self.ns(p, (p + 4).min(n));
            let leads = self.p.lists.context.party_leaders.iter().any(|w| after.starts_with(w.as_str()));
            match &m.kind {
                Mk::Ent(k, _) if leads => Some(k.clone()),
                _ => None,
            }
        })
    }

    /// Where the Chinese delegation (or a guest's party, `guest`) whose suffix stands at
    /// `i` starts, when it is a party: back over Han characters to a stop, a trigger or
    /// (a guest's) a person; `None` for a guest not met there, a delegation led by
    /// someone named before, or a name too short.
    fn zh_delegation_start(&self, i: usize, guest: bool) -> Option<usize> {
        let stop = "、,。;:!?()\"“”「」《》 \n";
        let lists = &self.p.lists;
        let triggers = &self.triggers;
        let mut st = i;
        // A guest's party is named shortly (日本客人, 香港工商界朋友), never over a
        // person or a title (习近平日前复信美国友人: 美国友人).
        let reach = if guest { 8 } else { 16 };
        while st > 0 && i - st < reach {
            let c = self.norm[st - 1];
            if guest && self.mentions.covering(st - 1).is_some_and(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person | EntityType::Role))) {
                break;
            }
            // 和 joins two parties, except inside 共和国 (北海共和国代表团).
            let republic = self.within_word(&lists.delegation_stops.1, st - 1);
            // Triggers do not overlap: their ends are sorted like their starts.
            let after_trigger = self.trigger_ends_at(st);
            // 将于4月3日率领代表团: a time is no part of the name, nor a lead word.
            let after_lead = lists.context.led_by.iter().any(|w| self.ns(st.saturating_sub(w.chars().count()), st) == w.as_str());
            if !(is_han(c) || c == '·') || ((stop.contains(c) || lists.delegation_stops.0.contains(c)) && !republic) || after_trigger || after_lead || self.time_touches(st - 1, st) {
                break;
            }
            st -= 1;
        }
        // A guest's party starts at the place or body that names it (日前复信美国
        // 友人: 美国友人), else is a short word of no time (外国朋友).
        if guest && st < i {
            let named = (st..i).find(|&j| {
                self.mentions.starting(j).is_some_and(|m| matches!(m.kind, Mk::Ent(_, EntityType::Place | EntityType::Organization) | Mk::Demonym(_) | Mk::Abbr(_)))
            });
            st = match named {
                Some(j) => j,
                None if i - st <= 3 && !self.time_touches(st, i) => st,
                None => i,
            };
        }
        // 由X率领的代表团: the leader is the participant, not the delegation; when a
        // person is named there (由议长率领的访问团: the delegation takes part).
        let before = self.ns(st.saturating_sub(3), st);
        let led_by = &self.p.lists.context.led_by;
        let person_ends = |at: usize| self.mentions.ending(at).is_some_and(|m| matches!(m.kind, Mk::Ent(_, EntityType::Person)));
        // 林文达将于5月6日率领代表团: a person earlier in the clause leads it too, when no
        // meeting verb stands between (韩国瑜今天接见由议长率领的…: the title leads).
        let clause_person_before = |at: usize| {
            // 穆伦(Michael Mullen)率领的: the name stands before its gloss in Latin script.
            let at = match at.checked_sub(1).filter(|&c| self.norm[c] == ')') {
                Some(close) => (close.saturating_sub(40)..close).rev().find(|&o| self.norm[o] == '(').filter(|&o| self.latin_gloss_close(o, at) == Some(close)).unwrap_or(at),
                None => at,
            };
            let lo = (0..at).rev().take(40).take_while(|&k| !stop.contains(self.norm[k]) || self.norm[k] == ' ').last().unwrap_or(at);
            (lo..=at).rev().find(|&k| person_ends(k)).is_some_and(|k| {
                let t = self.triggers.partition_point(|t| t.start < k);
                self.triggers.get(t).is_none_or(|t| t.start >= at)
            })
        };
        let led = led_by.iter().any(|w| before.ends_with(w.as_str()) && clause_person_before(st - w.chars().count()))
            // 欢迎蒋作君率领代表团访港: a person and a lead word inside the phrase.
            || (st + 2..i).any(|j| person_ends(j) && self.mentions.ending(j).is_some_and(|m| m.start >= st) && led_by.iter().any(|w| self.ns(j, i).starts_with(w.as_str())));
        // A guest noun alone right after a meeting verb (会见了外宾) is the party.
        // Guests are a party only where they are met: right after a meeting verb
        // (会见了日本客人, 会见外宾) or a "with" (同日本客人举行会谈).
        let met_at = |v: usize| self.after_meeting_verb(v) || (v > 0 && lists.zh_with.contains(self.norm[v - 1]));
        // … or after a meeting verb and a clause that ends in 的 (会见前来出席仪式的外国政要).
        let met_over_clause = st > 0 && self.norm[st - 1] == '的' && {
            let k = triggers.partition_point(|t| t.end < st.saturating_sub(16));
            triggers[k..].iter().take_while(|t| t.end < st).any(|t| self.norm[t.end..st].iter().all(|&c| is_han(c)))
        };
        if guest && !met_at(st) && !met_at(i) && !met_over_clause {
            return None;
        }
        let alone = i - st < 2 && guest && met_at(i);
        if alone && !led && self.active_at(i) {
            Some(i)
        } else if i - st >= 2 && !led && self.active_at(st) {
            Some(st)
        } else {
            None
        }
    }

    /// English delegations ("a delegation from X", "a U.S. congressional delegation"),
    /// into `found`: a phrase that says whose, not led by someone named after it.
    fn en_delegations(&self, found: &mut Vec<(usize, usize, String)>) {
        static EN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(
                r"\b(?:[Aa]n?|[Tt]he)\s+((?:(?:[A-Z][\w.'’-]*|[a-z]+al|trade|business|government|high-level|senior|youth|media|party|investment|friendship)\s+){0,4}(?:delegation|trade mission|group)(?:\s+(?:from|of)\s+(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+)*[A-Z][\w.'’&-]*)*(?:\s+(?:province|city|state|region|county|prefecture|municipality))?(?:\s+(?:[a-z]+\s+)?(?:officials|entrepreneurs|executives|lawmakers|legislators|business\s+leaders|businesspeople|investors|scholars|experts|journalists|students|mayors|governors|ministers|diplomats|parliamentarians|companies|firms|enterprises))?)?)",
            )
            .expect("delegation pattern")
        });
        // The pattern needs "delegation", "mission" or "group of": skip its slow captures otherwise.
        let maybe = self.norm_str.contains("delegation") || self.norm_str.contains("mission") || self.norm_str.contains("group of");
        let text: String = if maybe { self.chars.iter().collect() } else { String::new() };
        for c in EN.captures_iter(&text) {
            let m = c.get(1).expect("group 1");
            let phrase = m.as_str();
            // Bare "the delegation" says nothing about whose it is.
            if !phrase.contains(" from ") && !phrase.contains(" of ") && !phrase.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            // "a group" is a party only "of" someone ("a group of American business leaders").
            if phrase.split_whitespace().any(|w| w == "group") && !phrase.contains(" of ") {
                continue;
            }
            // "a delegation ... led by X": the leader is the participant.
            let after = &text[m.end()..];
            let tail: String = after.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
            if tail.contains("led by") || tail.contains("headed by") {
                continue;
            }
            // "X and Y led a delegation … for talks with": the leaders are the participants.
            let whole = c.get(0).expect("group 0").start();
            let verb = text[..whole].split_whitespace().next_back().unwrap_or("");
            if self.p.lists.context.leads.iter().any(|w| w == verb) {
                continue;
            }
            let st = text[..m.start()].chars().count();
            let e = st + phrase.chars().count();
            if self.active_at(st) {
                found.push((st, e, self.ns(st, e).to_string()));
            }
        }
    }

    /// 会见了台北市长蒋万安和台北市代表团: a delegation joined to the person named right
    /// before it (`list-joins`) whose title bears the city or region the delegation's name
    /// opens with is that person's delegation: the person stands for it (not a country's:
    /// 美国国务卿布林肯和美国商会代表团 are two parties). So is one whose name opens with
    /// no place or body and that a word of `zh-list-ends` closes (会见了州参议长瓦格纳及
    /// 州议会代表团一行).
    pub(super) fn delegation_of_person_before(&self, participants: &[Item], it: &Item) -> bool {
        let (Some(prev), EntityKey::Open(EntityType::Organization, _)) = (participants.last(), &it.key) else { return false };
        if matches!(prev.key, EntityKey::Open(EntityType::Organization, _)) || prev.end > it.start {
            return false;
        }
        let joined = self.p.lists.joins.list.contains(self.ns(prev.end, it.start).trim());
        if !joined {
            return false;
        }
        let opening = self.mentions.starting(it.start);
        // The party closed by a word of `zh-list-ends` (一行, 等).
        let closed = self.p.lists.zh_list_ends.iter().any(|w| self.ns(it.end, (it.end + w.chars().count()).min(self.norm.len())) == w.as_str() || self.ns(it.start, it.end).ends_with(w.as_str()));
        if opening.is_none() && closed {
            return true;
        }
        let g = &self.p.gazetteer;
        let local = |m: &&M| matches!(m.kind, Mk::Ent(EntityKey::Known(p), EntityType::Place) if g.entry(p).place_kind.is_some_and(|k| k != PlaceKind::Country));
        let Some(place) = opening.filter(local) else { return false };
        self.ns(prev.start.saturating_sub(12), prev.start).contains(self.ns(place.start, place.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delegations_keep_the_republic_in_their_name() {
        let orgs = |text: &str| -> Vec<String> {
            let x = super::super::tests::extract_on(text, (2025, 3, 14));
            x.entities.iter().filter(|e| e.etype == EntityType::Organization && e.entry.is_none()).map(|e| e.name.clone()).collect()
        };
        // 和 inside 共和国 is part of the name; between two parties it still ends it.
        assert_eq!(orgs("习近平14日在北京会见北海共和国总统贝拉莫。北海共和国商务代表团参加会见。"), ["北海共和国商务代表团"]);
        assert_eq!(orgs("习近平14日在北京会见北海共和国总统贝拉莫和南湖商务代表团。"), ["南湖商务代表团"]);
    }
}
