//! Held, planned, or neither, in English: the markers before the trigger in its
//! sentence ("officials are working to arrange", "could", "is due to"), the words after a
//! meeting named by a noun ("a meeting between X and Y could take place"), a journey's
//! purpose to come ("will travel to Tallo for talks"), and where an arrival ends before
//! "ahead of talks".
//!
//! Input: a candidate's sentence and trigger span. Output: marks for `meeting_status`
//! (src/extract/status.rs): denied or uncertain, and whether the meeting is one to come.
//!
//! **Invariant**: markers are words of the lexicon (`en-uncertain`, `en-future`,
//! `en-future-times`, `en-noun-denials`, …), matched as whole words; only the trigger's
//! sentence is read.

use super::*;

impl<'a> Page<'a> {
    /// English words before `trig` in the sentence, lower-cased, capitalised words
    /// (names: "Theresa May") left out.
    pub(super) fn en_words_before(&self, lo: usize, trig: usize) -> Vec<String> {
        self.en_word_spans(lo, trig).into_iter().map(|w| w.map_or_else(String::new, |(s, e)| self.ns(s, e).to_string())).collect()
    }

    /// Where an `en-ahead` marker among the six words before `trig` ends ("arrived in
    /// Tallo on Monday ahead of talks with": after "of"), when one does. Only before the
    /// trigger: a rule's own "ahead of bilateral meeting" (a transcript's headline) is
    /// that day's meeting.
    pub(super) fn en_ahead_end(&self, lo: usize, trig: usize) -> Option<usize> {
        let spans: Vec<(usize, usize)> = self.en_word_spans(lo, trig).into_iter().flatten().collect();
        let spans = &spans[spans.len().saturating_sub(6)..];
        let words: Vec<&str> = spans.iter().map(|&(s, e)| self.ns(s, e)).collect();
        let mut end = None;
        for marker in self.p.lists.context.en_ahead.iter() {
            let m: Vec<&str> = marker.split(' ').collect();
            if let Some(k) = words.windows(m.len()).rposition(|w| w == &m[..]) {
                end = end.max(Some(spans[k + m.len() - 1].1));
            }
        }
        end
    }

    /// The words of `lo..trig`: a name's (or a time's) capitalised word is `None`.
    pub(super) fn en_word_spans(&self, lo: usize, trig: usize) -> Vec<Option<(usize, usize)>> {
        let mut words = Vec::new();
        let mut i = lo;
        while i < trig {
            while i < trig && !self.chars[i].is_alphabetic() {
                i += 1;
            }
            let s = i;
            // A lower-case word goes on over a hyphen ("one-on-one", "run-up"): one word
            // of a window, not three.
            let lower = self.chars.get(s).is_some_and(|c| c.is_lowercase());
            while i < trig
                && (self.chars[i].is_alphabetic() || self.chars[i] == '\'' || (lower && self.chars[i] == '-' && self.chars.get(i + 1).is_some_and(|c| c.is_lowercase())))
            {
                i += 1;
            }
            // A capitalised word counts unless it is part of a name ("Theresa May"):
            // headlines capitalise every word ("China Supports Xi-Zelenskyy Meeting").
            if i > s && (!self.chars[s].is_uppercase() || !(self.mentions.overlaps(s, i) || self.time_touches(s, i) || self.month_word(s, i))) {
                words.push(Some((s, i)));
            } else if i > s {
                words.push(None);
            }
        }
        words
    }

    /// English markers around the trigger: `planned` set by a future marker, and whether
    /// the sentence only wonders about the meeting (denials are the blocker rule).
    pub(super) fn en_status_marks(&self, sent: (usize, usize), trig: (usize, usize), question: bool, planned: &mut bool) -> (bool, bool) {
        let lists = &self.p.lists;
        // A quotation that opens the sentence and closes before the trigger is someone's
        // words, not the report's ("\"If we speak …,\" Kuchma said after talks with …").
        let from = self.quote_closing_before(sent.0, trig.0).unwrap_or(sent.0);
        // A clause set before the subject ("In a meeting some doubted would take place,
        // Vik held talks with Marr"): its words are not the meeting's status.
        let from = match (from..trig.0).rev().find(|&i| self.norm[i] == ',') {
            Some(c) if !self.items_in(c, trig.0).is_empty() && self.items_in(from, c).is_empty() => c + 1,
            _ => from,
        };
        let words = self.en_words_before(from, trig.1);
        // Names take no place in the windows ("rules out any bilateral Vik-Marr
        // meeting": two names, still six words).
        let named: Vec<&str> = words.iter().map(String::as_str).filter(|w| !w.is_empty()).collect();
        let near: Vec<&str> = named.iter().rev().take(6).copied().collect::<Vec<_>>().into_iter().rev().collect();
        let near = format!(" {} ", near.join(" "));
        let all = format!(" {} ", words.join(" "));
        // "whether" and "if" count anywhere before the trigger in its clause (not in one a
        // comma closed: "Though Vik has not said whether he met Marr, Holm met with
        // Kim"), the others near it.
        let whether = |w: &str| matches!(w, "whether" | "if");
        let comma = (from..trig.0).rev().find(|&i| self.norm[i] == ',').map_or(from, |i| i + 1);
        let clause = if comma == from { all.clone() } else { format!(" {} ", self.en_words_before(comma, trig.1).join(" ")) };
        let uncertain_before = lists.status.en_uncertain.found_in(&near).any(|w| !whether(w)) || lists.status.en_uncertain.found_in(&clause).any(whether);
        // "will be meeting with", "is to meet": a plan.
        let soon: Vec<&str> = named.iter().rev().take(5).copied().collect::<Vec<_>>().into_iter().rev().collect();
        let soon = format!(" {} ", soon.join(" "));
        // Also right before a long trigger ("will pay a courtesy call on", "this will
        // be their third meeting between").
        // The sentence's words before the trigger, read once for every test below.
        let before = self.en_words_before(sent.0, trig.0);
        let lead: Vec<&str> = before.iter().filter(|w| !w.is_empty()).rev().take(4).map(String::as_str).collect::<Vec<_>>().into_iter().rev().collect();
        let lead = format!(" {} ", lead.join(" "));
        if lists.status.en_future.any_in(&soon) || lists.status.en_future.any_in(&lead) {
            *planned = true;
        }
        // A present-tense verb ("meets") with a time to come after it in the
        // sentence ("next week") or a future marker anywhere before it ("will raise
        // it when he meets"): to come.
        let first = self.ns(trig.0, trig.1).split(' ').next().unwrap_or("");
        if !*planned && lists.status.en_present_meeting.iter().any(|v| v == first) {
            let after = self.en_words_before(trig.1, sent.1);
            let after = format!(" {} ", after.iter().filter(|w| !w.is_empty()).map(String::as_str).collect::<Vec<_>>().join(" "));
            if lists.status.en_future_times.any_in(&after) || lists.status.en_future.any_in(&all) {
                *planned = true;
            }
        }
        if self.en_purpose_to_come(sent, trig, &before) {
            *planned = true;
        }
        // "will also seek to deepen ties … during a meeting with": a meeting phrase opening with
        // a preposition (`en-adjunct-leads`) takes a future auxiliary (`en-adjunct-future`) of
        // its clause before ("agreed to boost ties during talks" stays held); a fronted one, its
        // subject's.
        let adjunct = lists.status.en_adjunct_leads.iter().any(|w| w == first) && lists.status.en_adjunct_future.any_in(&clause);
        if !*planned && (adjunct || self.en_fronted_future(sent, trig, &before)) {
            *planned = true;
        }
        // "was in Tokyo October 25-26 to meet with …": a past journey's purpose is a
        // meeting held, when nothing in the sentence speaks of the future.
        let purpose = self.ns(trig.0, trig.1).starts_with("to ");
        if *planned
            && purpose
            && lists.status.en_past_purpose.any_in(&all)
            && !lists.status.en_future.any_in(&all)
        {
            *planned = false;
        }
        // "did, however, meet": a past auxiliary before the base form, adverbs
        // between.
        let aux = before.iter().rev().filter(|w| !w.is_empty()).find(|w| !lists.en_verb_adverbs.contains(w) || lists.status.en_past_auxiliaries.contains(w));
        if aux.is_some_and(|w| lists.status.en_past_auxiliaries.contains(w)) {
            *planned = false;
        }
        let (denied, after_uncertain) = self.en_noun_marks(sent, trig, &before, planned);
        // "denied on Friday holding talks with": a denial verb right before a gerund.
        let denied = denied || self.en_denial_verb_before(from, trig.0, first.ends_with("ing"));
        (denied, !denied && (question || after_uncertain || uncertain_before))
    }

    /// Whether a word of `en-denial-verbs` stands before a gerund (the trigger's first
    /// word, `gerund`, or the word right before it: "holding talks with") with nothing
    /// between but a time and the words that open it ("denied on Sunday").
    fn en_denial_verb_before(&self, from: usize, trig: usize, gerund: bool) -> bool {
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut i = from;
        while i < trig {
            if self.chars[i].is_whitespace() {
                i += 1;
                continue;
            }
            let s = i;
            while i < trig && !self.chars[i].is_whitespace() {
                i += 1;
            }
            words.push((s, i));
        }
        let gerund_before = words.last().is_some_and(|&(s, e)| self.ns(s, e).ends_with("ing"));
        if gerund_before && !gerund {
            words.pop();
        } else if !gerund {
            return false;
        }
        let verbs = &self.p.lists.status.en_denial_verbs;
        let Some(k) = words.iter().rposition(|&(s, e)| verbs.iter().any(|v| v == self.ns(s, e))) else { return false };
        let timed = |j: usize| words.get(j).is_some_and(|&(s, e)| self.time_touches(s, e));
        (k + 1..words.len()).all(|j| timed(j) || timed(j + 1))
    }

    /// A purpose ("is due in Tallo on Monday for talks with"): whether the six words
    /// before "for" say the journey is under way (`en-journeys-to-come`), or the ten
    /// words before it hold a future marker, and so the meeting is to come.
    pub(super) fn en_purpose_to_come(&self, sent: (usize, usize), trig: (usize, usize), before_trig: &[String]) -> bool {
        let lists = &self.p.lists;
        let (trigger, before) = (self.ns(trig.0, trig.1), self.ns(sent.0, trig.0));
        // "for a meeting with", "for his talks with": a determiner may stand between,
        // and up to two lower-case words after it ("for her first formal talks").
        let whole = before.trim_end();
        let mut before = whole;
        let mut stripped = 0;
        while stripped < 2 {
            match before.rsplit_once(' ') {
                Some((head, last)) if last.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !lists.en_determiners.iter().any(|d| d == last) && !lists.status.en_purpose.iter().any(|p| p == last) => {
                    before = head.trim_end();
                    stripped += 1;
                }
                _ => break,
            }
        }
        // Words stripped so must follow a determiner.
        if stripped > 0 && !lists.en_determiners.iter().any(|d| before.ends_with(&format!(" {d}"))) {
            before = whole;
        }
        let before = lists.en_determiners.iter().find_map(|a| before.strip_suffix(a.as_str()).filter(|b| b.ends_with(' '))).unwrap_or(before).trim_end();
        let purpose = lists.status.en_purpose.iter().any(|w| trigger.strip_prefix(w.as_str()).is_some_and(|r| r.starts_with(' ')) || before.strip_suffix(w.as_str()).is_some_and(|b| b.ends_with(' ')));
        if !purpose {
            return false;
        }
        let mut words: Vec<&str> = before_trig.iter().filter(|w| !w.is_empty()).map(String::as_str).collect();
        // The words before the purpose word ("for"), not those after it.
        if let Some(k) = words.iter().rposition(|w| lists.status.en_purpose.iter().any(|p| p == w)) {
            words.truncate(k);
        }
        let last = |n: usize| format!(" {} ", words[words.len().saturating_sub(n)..].join(" "));
        // "heads to Beijing for talks with": a journey under way, its meeting to come;
        // "will pay a four-day visit to Norland from Friday for talks
        // with": a future marker a little further back.
        lists.status.en_future.any_in(&last(10)) || lists.context.journeys_to_come.any_in(&last(6))
    }

    /// A meeting named by a noun ("a meeting between X and Y could take place next
    /// month", "talks with Y will be held"): its verb comes after it. Whether a denial
    /// stands right before the noun, names aside ("says no Putin-Zelensky meeting
    /// planned"), and whether the words after it only wonder; `planned` set by a future
    /// marker after it.
    pub(super) fn en_noun_marks(&self, sent: (usize, usize), trig: (usize, usize), before_trig: &[String], planned: &mut bool) -> (bool, bool) {
        let lists = &self.p.lists;
        let trigger = self.ns(trig.0, trig.1);
        // A meeting noun opens the trigger (meeting, talks, talk, summits).
        if !matches!(trigger.split(' ').next(), Some("meeting" | "meetings" | "talk" | "talks" | "summit" | "summits")) {
            return (false, false);
        }
        let last_before = before_trig.iter().rev().find(|w| !w.is_empty());
        // "no Putin-Zelensky meeting", and "a possible meeting": none.
        if last_before.is_some_and(|w| lists.context.noun_denials.contains(w) || lists.context.speculative.contains(w)) {
            return (true, false);
        }
        // "will be meeting with": a verb; what follows its object is no noun's verb.
        if last_before.is_some_and(|w| lists.context.progressive_be.contains(w)) {
            return (false, false);
        }
        let words = self.en_words_before(trig.1, sent.1);
        let next: Vec<&str> = words.iter().filter(|w| !w.is_empty()).take(6).map(String::as_str).collect();
        let next = format!(" {} ", next.join(" "));
        if lists.status.en_future.any_in(&next) {
            *planned = true;
        }
        (false, lists.status.en_uncertain.any_in(&next))
    }

    /// Where the quotation that opens the sentence at `start` closes, when it closes
    /// before `trig` (the character after its closing mark).
    pub(super) fn quote_closing_before(&self, start: usize, trig: usize) -> Option<usize> {
        let open = (start..trig).find(|&i| !self.norm[i].is_whitespace())?;
        let closing = match self.chars[open] {
            '"' => '"',
            '“' => '”',
            _ => return None,
        };
        (open + 1..trig).find(|&i| self.chars[i] == closing).map(|i| i + 1)
    }

    /// "called on Ilse Marr to resign": an appeal (`en-appeal-triggers`) whose object (the
    /// people after the trigger, `people`) is followed by "to" and a verb that is no
    /// visit's purpose (`en-call-purpose-verbs`: brief, discuss) reports no meeting.
    pub(super) fn en_appeal(&self, t: &TriggerHit<'_>, people: &[usize]) -> bool {
        let marks = &self.p.lists.status;
        if !marks.en_appeal_triggers.iter().any(|w| w == self.ns(t.start, t.end)) {
            return false;
        }
        let Some(end) = people.iter().map(|&i| self.items[i].end).filter(|&e| e > t.end).max() else { return false };
        let after = self.ns(end, (end + 30).min(self.norm.len()));
        let Some(rest) = after.strip_prefix(" to ") else { return false };
        let verb = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        !verb.is_empty() && !marks.en_call_purpose.iter().any(|v| v == verb)
    }

    /// "In his talks with Pakistan's president, Pervez Musharraf, Mr. Powell is expected to
    /// …": a meeting fronted before its sentence's subject (a word at most before its
    /// trigger) takes the subject's future: a word of `en-adjunct-future` right after the
    /// first person after the fronted clause's comma (past an apposed name closed by a
    /// comma of its own).
    fn en_fronted_future(&self, sent: (usize, usize), trig: (usize, usize), before_trig: &[String]) -> bool {
        if before_trig.iter().filter(|w| !w.is_empty()).count() > 1 {
            return false;
        }
        let Some(comma) = (trig.1..sent.1).find(|&i| self.norm[i] == ',') else { return false };
        let people = self.items_in(comma + 1, sent.1);
        let Some(&first) = people.first() else { return false };
        let subject = if self.norm.get(self.items[first].end) == Some(&',') { people.get(1).copied() } else { Some(first) };
        let Some(subject) = subject else { return false };
        let end = self.items[subject].end;
        let next: Vec<String> = self.en_words_before(end, sent.1).into_iter().take(4).collect();
        let hay = format!(" {} ", next.join(" "));
        self.p.lists.status.en_adjunct_future.found_in(&hay).any(|w| hay.starts_with(&format!(" {w} ")))
    }
}
