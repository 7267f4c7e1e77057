//! Page structure: a page's lines sorted into articles and zones.
//!
//! Input: the document's normalised text. Output: the page (`Page::build` runs every
//! stage in order) and its `lines` and `sections`: a publication-date line starts an
//! article and dates it; navigation lines (`nav-line-openings`, breadcrumbs) and the
//! lines after a "related articles" heading (`related-markers`) are inactive.
//!
//! **Invariant**: nothing is extracted from an inactive line.

use super::*;

pub(super) fn squeeze(s: &str) -> String {
    s.chars().filter(|&c| squeezed(c)).collect()
}

fn squeezed(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '|' | ':' | '>' | '»' | '-' | '—')
}

/// A 'related articles' heading (`related-markers`, squeezed).
fn is_related_marker(related: &[(String, usize)], norm_line: &str) -> bool {
    // Counted before anything is built: most lines are far longer than any marker.
    if norm_line.chars().filter(|&c| squeezed(c)).nth(16).is_some() {
        return false;
    }
    let sq = squeeze(norm_line);
    let n = sq.chars().count();
    if sq.is_empty() || n > 16 {
        return false;
    }
    related.iter().any(|(m, mn)| sq == *m || (sq.starts_with(m.as_str()) && n <= mn + 4))
}

/// A navigation or sharing line: a short breadcrumb (` > `, `»`), an opening of
/// `nav-line-openings` on a line no longer than its figure, or a "skip to" link.
fn is_nav_line(openings: &[(String, usize)], norm_line: &str) -> bool {
    let t = norm_line.trim();
    let n = t.chars().count();
    (n <= 60 && (t.contains(" > ") || t.contains('»')))
        || t.starts_with("skip to ")
        || openings.iter().any(|(w, max)| n <= *max && t.starts_with(w.as_str()))
}

/// Hard-wrapped English text (old wire copy set at 65 columns): a line break inside a
/// sentence reads as a space, so that the sentence is one. A break is a wrap when the line
/// before is Latin text of 40 characters or more that ends in a comma or a lower-case
/// word, and the line after, of 30 characters or more or ending a sentence, opens with a
/// letter or digit: a lower-case one, or any after a comma or a word of
/// `en-line-wrap-words` ("a summit between\nYeltsin and Clinton").
/// Headlines and navigation (short, or ending in a capitalised word or a full stop) stay
/// lines. One char for one char: offsets are unchanged. Whether a break changed.
fn unwrap_lines(norm: &mut [char], chars: &[char], wrap_words: &std::collections::HashSet<String>) -> bool {
    let mut changed = false;
    let mut line_start = 0;
    for i in 0..norm.len().min(chars.len()) {
        if norm[i] != '\n' {
            continue;
        }
        let line = &chars[line_start..i];
        line_start = i + 1;
        let Some(&next) = chars.get(i + 1) else { break };
        let e = line.iter().rposition(|&c| c != ' ').map_or(0, |k| k + 1);
        let trimmed = &line[..e];
        // The cheap tests first: most lines end in a full stop or are short.
        let Some(&last) = trimmed.last() else { continue };
        if (last != ',' && !last.is_lowercase()) || trimmed.len() < 40 || !next.is_alphanumeric() || trimmed.iter().any(|&c| is_han(c)) {
            continue;
        }
        // The line after is text too: long, or ending a sentence ("oval office" under a
        // headline is a line of its own).
        let next_end = chars[i + 1..].iter().position(|&c| c == '\n').map_or(chars.len(), |k| i + 1 + k);
        let next_line = &chars[i + 1..next_end];
        let text_after = next_line.len() >= 30 || next_line.iter().rev().find(|c| !c.is_whitespace()).is_some_and(|c| matches!(c, '.' | '!' | '?' | '"' | '”'));
        if !text_after {
            continue;
        }
        let wraps = last == ',' || next.is_lowercase() || {
            let word_start = trimmed.iter().rposition(|c| !c.is_alphabetic()).map_or(0, |k| k + 1);
            wrap_words.contains(&trimmed[word_start..].iter().collect::<String>().to_lowercase())
        };
        if wraps {
            norm[i] = ' ';
            changed = true;
        }
    }
    changed
}

impl<'a> Page<'a> {
    pub(super) fn build(p: &'a Pipeline, doc: &'a Document, opts: &'a Options) -> Page<'a> {
        let chars: Vec<char> = doc.text.chars().collect();
        let mut norm_str = normalise(&doc.text);
        let mut norm: Vec<char> = norm_str.chars().collect();
        if norm_str.contains('\n') && unwrap_lines(&mut norm, &chars, &p.lists.en_wrap_words) {
            norm_str = norm.iter().collect();
        }
        let mut norm_bytes: Vec<usize> = Vec::with_capacity(norm.len() + 1);
        norm_bytes.extend(norm_str.char_indices().map(|(b, _)| b));
        norm_bytes.push(norm_str.len());
        let (abbreviation_triggers, triggers): (Vec<TriggerHit<'_>>, Vec<TriggerHit<'_>>) =
            p.rules
                .triggers_with(&norm_str, |gap| gap.split([' ', ',']).all(|w| !p.lists.joins.wildcard_stops.contains(w)))
                .into_iter().partition(|t| t.rules.iter().all(|&r| p.rules.rules[r].shape == Shape::Abbreviation));
        let mut page = Page {
            p,
            doc,
            opts,
            chars,
            original: if doc.map.is_some() { doc.original.chars().collect() } else { Vec::new() },
            has_han: norm.iter().any(|&c| is_han(c)),
            norm,
            norm_bytes,
            triggers: stage::Growing::new(std::rc::Rc::from(triggers)),
            abbreviation_triggers,
            norm_str,
            lines: stage::Staged::empty("lines"),
            sections: stage::Staged::empty("sections"),
            mentions: stage::Growing::new(mentions::Mentions::default()),
            roles_at: stage::Staged::empty("roles_at"),
            items: stage::Staged::empty("items"),
            groups: stage::Staged::empty("groups"),
            times: stage::Staged::empty("times"),
            sentences: stage::Staged::empty("sentences"),
            meetings: stage::Staged::empty("meetings"),
            mid_caps: std::cell::OnceCell::new(),
            first_call: std::cell::OnceCell::new(),
            notes: Vec::new(),
        };
        let (lines, sections) = page.structure();
        page.lines.set(lines);
        page.sections.set(sections);
        let times = page.find_times();
        page.times.set(times);
        page.find_mentions();
        let (sentences, notes) = page.split_sentences();
        page.sentences.set(sentences);
        page.notes = notes;
        let (groups, leaders) = page.find_delegations();
        page.groups.set(groups);
        for (s, e, key) in leaders {
            page.push(s, e, Mk::Ent(key, EntityType::Person), "pattern:zh-delegation-leader");
        }
        page.sort_mentions();
        page.mentions.freeze();
        page.triggers.freeze();
        let roles_at = page.attach_roles();
        page.roles_at.set(roles_at);
        let items = page.build_items();
        page.items.set(items);
        let meetings = page.find_meetings();
        page.meetings.set(meetings);
        page
    }

    /// The normalised text from char `start` to char `end` (clamped to the text).
    pub(super) fn ns(&self, start: usize, end: usize) -> &str {
        let n = self.norm.len();
        let (s, e) = (start.min(n), end.min(n));
        &self.norm_str[self.norm_bytes[s]..self.norm_bytes[e.max(s)]]
    }

    /// The char offset of a byte offset of `norm_str` (a char boundary).
    pub(super) fn char_at_byte(&self, byte: usize) -> usize {
        self.norm_bytes.partition_point(|&b| b < byte)
    }

    pub(super) fn line_at(&self, pos: usize) -> usize {
        self.lines.partition_point(|l| l.end < pos).min(self.lines.len().saturating_sub(1))
    }

    /// A wire story's `NAIROBI 2021-03-14` line ([`dates::DateGrammar::place_date_line`]).
    fn place_date_line(&self, line: &Line, norm: &str) -> Option<NaiveDate> {
        let first = (line.start..line.end).find(|&i| !self.chars[i].is_whitespace())?;
        if line.end - line.start > 80 || !self.chars[first].is_ascii_uppercase() {
            return None;
        }
        let raw: String = self.chars[line.start..line.end].iter().collect();
        self.p.dates.place_date_line(&raw, norm)
    }

    pub(super) fn active_at(&self, pos: usize) -> bool {
        self.lines.get(self.line_at(pos)).is_some_and(|l| l.active && pos >= l.start && pos <= l.end)
    }

    #[inline(never)]
    fn structure(&self) -> (Vec<Line>, Vec<Section>) {
        let mut lines = Vec::new();
        let mut s = 0;
        for (i, &c) in self.norm.iter().enumerate() {
            if c == '\n' {
                lines.push(Line { start: s, end: i, section: 0, active: true, dated: false });
                s = i + 1;
            }
        }
        lines.push(Line { start: s, end: self.norm.len(), section: 0, active: true, dated: false });
        let fallback = self.doc.date.or(self.opts.date);
        let mut sections = vec![Section { anchor: None }];
        let mut inactive = false;
        let mut section_start = 0usize;
        for i in 0..lines.len() {
            let text = self.ns(lines[i].start, lines[i].end);
            let date = self.p.dates.publication_date(&text).map(|d| d.0).or_else(|| self.place_date_line(&lines[i], &text));
            if let Some(date) = date {
                lines[i].dated = true;
                let cur = sections.len() - 1;
                if sections[cur].anchor.is_none() && !inactive {
                    sections[cur].anchor = Some(date);
                } else {
                    // A second article: it starts at its headline, the short line before.
                    let mut h = i;
                    let mut j = i;
                    while j > section_start + 1 {
                        j -= 1;
                        let t = self.ns(lines[j].start, lines[j].end);
                        if t.trim().is_empty() {
                            continue;
                        }
                        if t.trim().chars().count() <= 80 && !is_related_marker(&self.p.lists.related, t) {
                            h = j;
                        }
                        break;
                    }
                    sections.push(Section { anchor: Some(date) });
                    section_start = h;
                    for l in lines.iter_mut().take(i).skip(h) {
                        l.section = sections.len() - 1;
                        l.active = true;
                    }
                    inactive = false;
                }
            } else if is_related_marker(&self.p.lists.related, text) {
                inactive = true;
            }
            lines[i].section = sections.len() - 1;
            lines[i].active = !inactive && !is_nav_line(&self.p.lists.nav_openings, text) && !is_related_marker(&self.p.lists.related, text);
        }
        for s in &mut sections {
            if s.anchor.is_none() {
                s.anchor = fallback;
            }
        }
        (lines, sections)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hard_wrapped_line_reads_on_and_a_headline_stays_a_line() {
        let lx = Lexicon::from_sources(&crate::pack::lexicon_sources()).unwrap();
        let words = Lists::new(&lx).en_wrap_words;
        let unwrap = |t: &str| {
            let mut n: Vec<char> = normalise(t).chars().collect();
            unwrap_lines(&mut n, &t.chars().collect::<Vec<_>>(), &words);
            n.into_iter().collect::<String>()
        };
        // Ends in a word of the list; the next line is text: one line.
        let t = "The palace said on Monday that a summit between\nAnders Vik and Ilse Marr would take place as scheduled.";
        assert!(!unwrap(t).contains('\n'));
        // A line under a headline that is no text of its own, a short line, a line ending
        // in a full stop or a capitalised word: lines.
        for t in [
            "Remarks by President Anders Vik and Prime Minister Ilse Marr ahead of bilateral meeting\noval office\n5:05 p.m.",
            "Talks between\nAnders Vik and Ilse Marr would take place as scheduled, the palace said.",
            "The palace said on Monday that the talks would take place as scheduled.\nAnders Vik and Ilse Marr met in Tallo.",
            "Anders Vik and Ilse Marr to meet in Tallo next week, says Tallo\nOfficials in Tallo said on Monday the talks were useful.",
        ] {
            assert_eq!(unwrap(t).matches('\n').count(), t.matches('\n').count(), "{t}");
        }
        // The char count stays: offsets hold.
        assert_eq!(unwrap(t).chars().count(), t.chars().count());
    }

    #[test]
    fn related_and_nav_lines() {
        let lx = Lexicon::from_sources(&crate::pack::lexicon_sources()).unwrap();
        let related = Lists::new(&lx).related;
        assert!(is_related_marker(&related, "相关文章"));
        assert!(is_related_marker(&related, "推 荐 阅 读"));
        assert!(is_related_marker(&related, "你 或 有 兴 趣 的 文 章"));
        assert!(!is_related_marker(&related, "相关国家领导人会见了代表团"));
        let nav = Lists::new(&lx).nav_openings;
        assert!(is_nav_line(&nav, "首页 >  头条"));
        assert!(is_nav_line(&nav, "skip to content"));
        assert!(!is_nav_line(&nav, "习近平会见拉夫罗夫"));
    }
}
