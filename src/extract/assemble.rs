//! Assemble: the page's mentions and meetings as an [`Extraction`].
//!
//! Input: the page after every stage. Output: entities with every mention (offsets and
//! text of the original), events with references, the most specific place, the date
//! resolved against the article's, evidence spans with their rules.
//!
//! **Invariant**: spans are code points of `Document::original`; output is sorted, so the
//! same input gives the same bytes.

use super::*;

impl<'a> Page<'a> {
    fn span(&self, start: usize, end: usize, rule: &Arc<str>) -> Span {
        let (s, e) = self.doc.to_original(start, end);
        Span { start: s, end: e, text: self.original_text(s, e), rule: rule.clone() }
    }

    /// The original text between two original char offsets.
    fn original_text(&self, s: usize, e: usize) -> String {
        // Slices of chars already split, not `original_slice` (a scan from the start each
        // time: quadratic on a long document).
        let all = if self.doc.map.is_some() { &self.original } else { &self.chars };
        all.get(s..e).map_or_else(|| self.doc.original_slice(s, e), |c| c.iter().collect())
    }

    /// The original text behind a span of the normalised text.
    pub(super) fn text(&self, start: usize, end: usize) -> String {
        let (s, e) = self.doc.to_original(start, end);
        self.original_text(s, e)
    }

    fn entity_id(&self, key: &EntityKey) -> String {
        match key {
            EntityKey::Known(i) => self.p.entry_iris[*i].clone(),
            EntityKey::Open(t, name) => {
                let mut id = String::with_capacity(BASE_IRI.len() + 16 + name.len() * 3);
                id.push_str(BASE_IRI);
                id.push_str(t.segment());
                id.push_str("/name/");
                ids::slug_into(&mut id, name);
                id
            }
            EntityKey::Holder(role, country) => {
                let g = &self.p.gazetteer;
                format!("{BASE_IRI}person/holder/{}--{}", slug(&g.entry(*country).id), slug(&g.entry(*role).id))
            }
        }
    }

    /// A role holder's names: English "Central Bank Governor of Brazil", Chinese
    /// 巴西央行行长 (country, then title) in each script the gazetteer has.
    fn holder_names(&self, role: usize, country: usize) -> BTreeMap<&'static str, String> {
        let g = &self.p.gazetteer;
        let (r, c) = (g.entry(role), g.entry(country));
        let mut names = BTreeMap::new();
        names.insert("en", format!("{} of {}", r.en, c.en));
        if let (Some(a), Some(b)) = (&c.zh_hans, &r.zh_hans) {
            names.insert("zh-Hans", format!("{a}{b}"));
        }
        if let (Some(a), Some(b)) = (&c.zh_hant, &r.zh_hant) {
            names.insert("zh-Hant", format!("{a}{b}"));
        }
        names
    }

    fn entity_name(&self, key: &EntityKey, as_written: &str, longest: &HashMap<&EntityKey, (usize, usize)>) -> String {
        match key {
            EntityKey::Known(i) => self.p.gazetteer.entry(*i).en.clone(),
            EntityKey::Holder(r, c) => self.holder_names(*r, *c).remove("en").unwrap_or_default(),
            // As first written on the page: a pronoun or "the royal couple" standing for
            // the person does not rename them.
            // The longest (a short reference linked to it, "Ngoc", does not rename "Ha Kim
            // Ngoc"); the first of equals.
            EntityKey::Open(..) => longest.get(key).map(|&(s, e)| self.open_name(s, e)).unwrap_or_else(|| as_written.to_string()),
        }
    }

    /// An open name as the page writes it, spaced as a name ([`name_spacing`]).
    fn open_name(&self, s: usize, e: usize) -> String {
        name_spacing(&self.text(s, e))
    }

    pub(super) fn etype(&self, key: &EntityKey) -> EntityType {
        match key {
            EntityKey::Known(i) => self.p.gazetteer.entry(*i).etype,
            EntityKey::Open(t, _) => *t,
            EntityKey::Holder(..) => EntityType::Person,
        }
    }

    fn reference(&self, it: &Item, longest: &HashMap<&EntityKey, (usize, usize)>) -> Ref {
        let written = self.text(it.start, it.end);
        Ref { id: self.entity_id(&it.key), name: self.entity_name(&it.key, &written, longest), etype: self.etype(&it.key), mention: written }
    }

    /// Per open-world entity, its longest mention (the first of equals), in one pass.
    fn longest_mentions(&self) -> HashMap<&EntityKey, (usize, usize)> {
        let mut out: HashMap<&EntityKey, (usize, usize)> = HashMap::new();
        for m in &self.mentions {
            if let Mk::Ent(k @ EntityKey::Open(..), _) = &m.kind {
                out.entry(k).and_modify(|b| if m.end - m.start > b.1 - b.0 { *b = (m.start, m.end) }).or_insert((m.start, m.end));
            }
        }
        out
    }

    /// Every entity's mentions as spans of the original, by key: the page's mentions,
    /// offices taking part in a meeting (no holder known), delegations.
    fn entity_mentions(&self) -> BTreeMap<EntityKey, Vec<Span>> {
        let mut by_key: BTreeMap<EntityKey, Vec<Span>> = BTreeMap::new();
        for m in &self.mentions {
            if let Mk::Ent(k, _) = &m.kind {
                by_key.entry(k.clone()).or_default().push(self.span(m.start, m.end, &m.rule));
            }
        }
        // Offices that take part in a meeting (no holder known): their mentions there.
        let holder_rule: Arc<str> = Arc::from("pattern:role-holder");
        for m in &self.meetings {
            for it in m.participants.iter().chain(&m.attendees) {
                if let EntityKey::Holder(..) = it.key {
                    by_key.entry(it.key.clone()).or_default().push(self.span(it.start, it.end, &holder_rule));
                }
            }
        }
        for (s, e, name) in &self.groups {
            let rule = if name.chars().any(is_han) { "pattern:zh-delegation" } else { "pattern:en-delegation" };
            by_key.entry(EntityKey::Open(EntityType::Organization, name.clone())).or_default().push(self.span(*s, *e, &Arc::from(rule)));
        }
        by_key
    }

    /// An entity with its names in each script and its mentions, sorted.
    fn entity(&self, k: EntityKey, mut mentions: Vec<Span>) -> Entity {
        let g = &self.p.gazetteer;
        mentions.sort();
        let mut names = BTreeMap::new();
        let name = match &k {
            EntityKey::Known(i) => {
                let e = g.entry(*i);
                names.insert("en", e.en.clone());
                if let Some(z) = &e.zh_hans {
                    names.insert("zh-Hans", z.clone());
                }
                if let Some(z) = &e.zh_hant {
                    names.insert("zh-Hant", z.clone());
                }
                e.en.clone()
            }
            EntityKey::Holder(r, c) => {
                mentions.dedup();
                names = self.holder_names(*r, *c);
                names.get("en").cloned().unwrap_or_default()
            }
            EntityKey::Open(_, n) => {
                let longest = mentions.iter().max_by_key(|s| s.text.chars().count()).map(|s| s.text.as_str()).unwrap_or_default();
                let written = name_spacing(longest);
                if n.chars().any(is_han) {
                    names.insert("zh-Hans", n.clone());
                    names.insert("zh-Hant", hanconv::s2t(n));
                } else {
                    names.insert("en", written.clone());
                }
                written
            }
        };
        let entry = if let EntityKey::Known(i) = k { Some(i) } else { None };
        Entity { id: self.entity_id(&k), entry, etype: self.etype(&k), name, names, mentions }
    }

    /// A meeting's place: the most specific; a place inside another beats it. A meeting
    /// that names none takes the page's location lines, if it has any.
    fn meeting_place(&self, m: &Meeting) -> Option<Ref> {
        let g = &self.p.gazetteer;
        let mut place: Option<(usize, usize, usize)> = None;
        let location = if m.places.is_empty() { self.location_lines() } else { Vec::new() };
        for &(s, e, i) in m.places.iter().chain(&location) {
            place = match place {
                None => Some((s, e, i)),
                Some(cur) => {
                    let (ki, kc) = (g.entry(i).place_kind, g.entry(cur.2).place_kind);
                    let inside = g.place_within(&g.entry(i).id, &g.entry(cur.2).id) && i != cur.2;
                    if inside || (ki > kc && !g.place_within(&g.entry(cur.2).id, &g.entry(i).id)) { Some((s, e, i)) } else { Some(cur) }
                }
            };
        }
        place.map(|(s, e, i)| Ref { id: g.entry(i).iri(), name: g.entry(i).en.clone(), etype: EntityType::Place, mention: self.text(s, e) })
    }

    /// The places of the page's location lines: among its first few lines (12, of 120
    /// characters at most), those that hold nothing but known places and separators ("Oval Office", "Number 10 Downing
    /// Street" then "London, United Kingdom", "White House - Oval Office"), as a
    /// transcript or readout opens.
    fn location_lines(&self) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        // The first lines only, and short ones: the work stays bounded per meeting.
        for line in self.lines.iter().take(12).filter(|l| l.end > l.start && l.end - l.start <= 120 && self.ns(l.start, l.end).trim() != "").take(6) {
            let first = self.mentions.partition_point(|m| m.start < line.start);
            let ms: Vec<&M> = self.mentions[first..].iter().take_while(|m| m.end <= line.end).collect();
            let places: Vec<(usize, usize, usize)> = ms
                .iter()
                .filter_map(|m| match m.kind {
                    Mk::Ent(EntityKey::Known(i), EntityType::Place) => Some((m.start, m.end, i)),
                    _ => None,
                })
                .collect();
            if places.is_empty() || places.len() != ms.len() {
                continue;
            }
            let only_separators = (line.start..line.end)
                .all(|i| self.mentions.covering(i).is_some() || matches!(self.norm[i], ' ' | ',' | '-' | '—' | '–' | '/' | '|' | '·' | '\t'));
            if only_separators {
                out.extend(places);
            }
        }
        out
    }

    /// A meeting's date and the time expression it was read from: explicit expressions,
    /// most specific first, then the article's lead.
    fn meeting_date(&self, m: &Meeting) -> (Option<DateValue>, Option<String>) {
        use chrono::Datelike;
        let mut parts: Vec<&TimeExpr> = m.explicit.iter().collect();
        parts.sort_by_key(|t| std::cmp::Reverse(specificity(&t.date)));
        let mut pd: Vec<PartialDate> = parts.iter().map(|t| t.date).collect();
        pd.extend(m.hints.iter().map(|h| h.date));
        // A planned meeting's weekday lies ahead of the article, not behind it: read
        // it against the end of the coming week.
        let weekday_only = pd.first().is_some_and(|p| p.weekday.is_some() && p.day.is_none() && p.day_offset.is_none());
        // So is its month and day without a year ("are set to meet on April 27", 将于5月20日
        //会晤): the coming one, unless it fell within the last week (a day is read against
        // the anchor's year or the one before, up to 7 days ahead: 350 days on, the window
        // runs from 7 days back to 357 days ahead of the article).
        let month_day_only = pd.first().is_some_and(|p| p.month.is_some() && p.day.is_some() && p.year.is_none() && p.year_offset.is_none());
        // And a day alone (根据日程安排，胡锦涛8日抵达 read on 30 August is 8 September):
        // 23 days on, the window runs from 7 days back to about a month ahead.
        let day_only = pd.first().is_some_and(|p| p.day.is_some() && p.month.is_none() && p.year.is_none() && p.year_offset.is_none() && p.day_offset.is_none());
        // And a month alone ("may meet in November"): the coming one, or this one (330
        // days on, the window runs from this month to the month before it next year).
        let month_only = pd.first().is_some_and(PartialDate::month_alone);
        let ahead = match (m.planned, weekday_only, month_day_only, day_only, month_only) {
            (true, true, _, _, _) => 6,
            (true, _, true, _, _) => 350,
            (true, _, _, true, _) => 23,
            (true, _, _, _, true) => 330,
            _ => 0,
        };
        let anchor = self.sections[m.section].anchor.map(|a| a + chrono::Days::new(ahead));
        let date = dates::resolve(&pd, anchor, self.opts.today);
        // A held meeting's month alone lies no later than the article's month ("met in
        // June" read in May: `Page::month_told_past`).
        let date = match (date, anchor) {
            (Some(DateValue::Month(y, mo)), Some(a)) if !m.planned && month_only && (y, mo) > (a.year(), a.month()) => Some(DateValue::Month(y - 1, mo)),
            (d, _) => d,
        };
        let date_text = parts.first().copied().or(m.hints.first()).map(|t| self.text(t.start, t.end));
        (date, date_text)
    }

    /// A meeting as reported: its people, place, date, evidence and id.
    fn event(&self, m: &Meeting, longest: &HashMap<&EntityKey, (usize, usize)>) -> Event {
        let participants: Vec<Ref> = m.participants.iter().map(|i| self.reference(i, longest)).collect();
        let attendees: Vec<Ref> = m.attendees.iter().map(|i| self.reference(i, longest)).collect();
        let place = self.meeting_place(m);
        let (date, date_text) = self.meeting_date(m);
        let mut evidence: Vec<Span> = m.evidence.iter().map(|&(s, e, r)| self.span(s, e, &self.p.rule_ids[r])).collect();
        evidence.sort();
        evidence.dedup();
        let mut ids: Vec<String> = participants.iter().map(|r| meeting_key(&r.id)).collect();
        ids.sort();
        let when = match date {
            Some(d) => d.iso(),
            None => format!("undated-{}", slug(&self.doc.id)),
        };
        let id = format!("{BASE_IRI}meeting/{}/{}", ids.join("--"), when);
        Event {
            id,
            participants,
            attendees,
            place,
            date: date.map(|d| d.iso()),
            date_text,
            planned: m.planned,
            host_known: m.host_known,
            evidence,
        }
    }

    #[inline(never)]
    pub(super) fn finish(self) -> Extraction {
        // Entities with every mention.
        let mut entities: Vec<Entity> = self.entity_mentions().into_iter().map(|(k, mentions)| self.entity(k, mentions)).collect();
        entities.sort_by(|a, b| (a.etype.as_str(), &a.id).cmp(&(b.etype.as_str(), &b.id)));
        let longest = self.longest_mentions();
        let mut events: Vec<Event> = self.meetings.iter().map(|m| self.event(m, &longest)).collect();
        events.sort_by(|a, b| a.evidence.first().map(|e| e.start).cmp(&b.evidence.first().map(|e| e.start)).then(a.id.cmp(&b.id)));
        Extraction { doc: self.doc.id.clone(), url: self.doc.url.clone(), events, entities, notes: self.notes }
    }
}

fn specificity(p: &PartialDate) -> u8 {
    // A weekday names a day: it outranks a week ("星期五" over another clause's "上星期").
    (p.year.is_some() as u8) * 4
        + ((p.month.is_some() || p.month_offset.is_some()) as u8) * 2
        + (p.week_offset.is_some() as u8)
        + (p.day.is_some() as u8) * 2
        + (p.weekday.is_some() as u8) * 2
}

/// A name as written, spaced as a name: no space between two Chinese characters (林 文达
/// of a word-segmented text is 林文达), one space for any run of white space elsewhere
/// (Ilse / Marr of a vertical text, a name broken over two lines, is Ilse Marr).
fn name_spacing(written: &str) -> String {
    if !written.chars().any(char::is_whitespace) {
        return written.to_string();
    }
    let chars: Vec<char> = written.trim().chars().collect();
    let mut out = String::with_capacity(written.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_whitespace() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let s = i;
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let han = |c: char| is_han(c) || matches!(c, '·' | '•' | '‧' | '・');
        if !(s > 0 && i < chars.len() && han(chars[s - 1]) && han(chars[i])) {
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    #[test]
    fn names_are_spaced_as_names() {
        assert_eq!(name_spacing("Ilse Marr"), "Ilse Marr");
        assert_eq!(name_spacing("Ilse\nMarr"), "Ilse Marr");
        assert_eq!(name_spacing("Ilse\r\n  Marr"), "Ilse Marr");
        assert_eq!(name_spacing("林 文达"), "林文达");
        assert_eq!(name_spacing("安德斯 · 维克"), "安德斯·维克");
        assert_eq!(name_spacing("林文达"), "林文达");
    }

    fn place_of_first(text: &str) -> Option<String> {
        let x = crate::extract::tests::extract_on(text, (2024, 7, 27));
        x.events.first().and_then(|e| e.place.as_ref()).map(|p| p.name.clone())
    }

    #[test]
    fn a_meeting_with_no_place_takes_the_pages_location_lines() {
        let remarks = "Remarks Prior to a Meeting\nOval Office\n11:44 A.M. EDT\nPrime Minister Anders Vik met President Ilse Marr today.";
        assert_eq!(place_of_first(remarks).as_deref(), Some("Oval Office"));
        // Its own place wins; a line that holds more than places is no location line.
        let own = remarks.replace("today", "at the White House today").replace("\nOval Office\n", "\nCamp David\n");
        assert_eq!(place_of_first(&own).as_deref(), Some("White House"));
        let prose = "Remarks Prior to a Meeting\nHe was at the Oval Office\nPrime Minister Anders Vik met President Ilse Marr today.";
        assert_eq!(place_of_first(prose), None);
    }

    #[test]
    fn a_weekday_outranks_a_week_and_a_full_date_outranks_both() {
        let week = PartialDate { week_offset: Some(-1), ..PartialDate::default() };
        let weekday = PartialDate { weekday: Some(Weekday::Fri), ..PartialDate::default() };
        let week_day = PartialDate { week_offset: Some(-1), weekday: Some(Weekday::Tue), ..PartialDate::default() };
        let month = PartialDate { month: Some(2), ..PartialDate::default() };
        let full = PartialDate { year: Some(2017), month: Some(2), day: Some(17), ..PartialDate::default() };
        assert!(specificity(&weekday) > specificity(&week));
        assert!(specificity(&week_day) > specificity(&weekday));
        assert!(specificity(&full) > specificity(&week_day));
        assert_eq!(specificity(&month), specificity(&weekday));
    }
}

