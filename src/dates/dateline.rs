//! The date lines of a page: an article page's publication date and a news story's
//! dateline.
//!
//! **Input.** One normalised line and a [`DateGrammar`].
//!
//! **Output.** [`DateGrammar::publication_date`]: the date of a line such as `发布时间:
//! 2024-04-10 08:57 | 来源:新华网`; [`DateGrammar::dateline`]: what a dateline such as
//! `新华社北京4月9日电` or `beijing, april 9 (xinhua) --` says.
//!
//! **Invariants.** Offsets are char offsets into the line; a line that merely contains a
//! date in a sentence is no date line; nothing here panics, and an invalid date
//! (`2月30日`) is no date.

use chrono::NaiveDate;
use regex::Captures;

use super::find::{next_char, prev_char, scan};
use super::grammar::DateGrammar;
use super::{PartialDate, char_offset, month_day_exists, valid_day, valid_month, ymd};

/// The longest a publication-date line may be, in chars.
const PUBLICATION_LINE_MAX: usize = 80;
/// The longest value a metadata label may carry (来源:新华网).
const META_VALUE_MAX: usize = 40;

/// Punctuation that separates page metadata.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || "|/·•-—–_:,;()[]【】<>~丨、.*+".contains(c)
}

impl DateGrammar {
    /// The label that starts `s` (an English one must start and end on a word boundary).
    fn label_at(&self, s: &str, before: Option<char>) -> Option<usize> {
        self.page_labels.iter().find_map(|l| {
            if !s.starts_with(l.as_str()) {
                return None;
            }
            if l.is_ascii() {
                let alnum = |c: char| c.is_ascii_alphanumeric();
                if before.is_some_and(alnum) || s[l.len()..].chars().next().is_some_and(alnum) {
                    return None;
                }
            }
            Some(l.len())
        })
    }

    /// A full date starting exactly at `pos`.
    fn full_date_at(&self, s: &str, pos: usize) -> Option<(NaiveDate, usize)> {
        let caps = self.full_date.captures_at(s, pos)?;
        let m = caps.get(0)?;
        (m.start() == pos).then_some(())?;
        Some((self.full_date_value(&caps)?, m.end()))
    }

    fn full_date_value(&self, caps: &Captures) -> Option<NaiveDate> {
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let (y, m, d) = if let Some(y) = caps.name("y1") {
            if caps.name("s1")?.as_str() != caps.name("s2")?.as_str() {
                return None;
            }
            (y.as_str(), num("m1")?, num("d1")?)
        } else if let Some(y) = caps.name("y2") {
            (y.as_str(), num("m2")?, num("d2")?)
        } else if let Some(y) = caps.name("y3") {
            (y.as_str(), self.en_month(caps.name("mon3")?.as_str())?, num("d3")?)
        } else {
            (caps.name("y4")?.as_str(), self.en_month(caps.name("mon4")?.as_str())?, num("d4")?)
        };
        ymd(self.year_number(y)?, m, d)
    }

    /// Whether `s` is nothing but page metadata: labels with short values, times, dates,
    /// weekdays and separators.
    fn is_metadata(&self, s: &str) -> bool {
        let mut pos = 0;
        while pos < s.len() {
            let rest = &s[pos..];
            let before = prev_char(s, pos);
            if let Some(m) = self.meta_token.find(rest)
                && !before.is_some_and(|c| c.is_ascii_alphanumeric())
            {
                pos += m.end();
            } else if let Some((_, end)) = self.full_date_at(s, pos) {
                pos = end;
            } else if let Some(len) = self.label_at(rest, before) {
                pos += len;
                // The label's value runs to the next bar, label, date or time.
                let mut count = 0;
                while pos < s.len() {
                    let rest = &s[pos..];
                    let before = prev_char(s, pos);
                    if rest.starts_with('|')
                        || self.label_at(rest, before).is_some()
                        || self.full_date_at(s, pos).is_some()
                        || (before.is_none_or(|c| !c.is_ascii_alphanumeric())
                            && self.meta_token.find(rest).is_some_and(|m| m.as_str().contains(':')))
                    {
                        break;
                    }
                    let c = rest.chars().next().unwrap_or(' ');
                    if matches!(c, '。' | '!' | '?') {
                        return false;
                    }
                    count += 1;
                    pos += c.len_utf8();
                }
                if count > META_VALUE_MAX {
                    return false;
                }
            } else if rest.chars().next().is_some_and(is_separator) {
                pos += rest.chars().next().map_or(1, char::len_utf8);
            } else {
                return false;
            }
        }
        true
    }

    /// If this line is a publication-date line of an article page, the date and the char
    /// span of the date.
    ///
    /// The line must be short and hold nothing but the date and page metadata (a time,
    /// 来源/source, 作者/author/by, 点击, 最后更新/updated, 编辑, separators); a sentence that
    /// merely contains a date does not count. The first full date on the line is returned.
    pub fn publication_date(&self, line: &str) -> Option<(NaiveDate, usize, usize)> {
        if line.chars().count() > PUBLICATION_LINE_MAX {
            return None;
        }
        // Every form of the full date holds a `\d`: a line without a numeric character (a
        // superset of \d) has none, and most lines are skipped without running the regex.
        if !line.chars().any(|c| c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric())) {
            return None;
        }
        let mut found = Vec::new();
        scan(&self.full_date, line, &mut found, |caps| {
            let m = caps.get(0)?;
            let first = next_char(line, m.start())?;
            if first.is_ascii_digit() && prev_char(line, m.start()).is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
            if next_char(line, m.end()).is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
            Some((self.full_date_value(caps)?, m.start(), m.end()))
        });
        let &(date, start, end) = found.first()?;
        if !self.is_metadata(&line[..start]) || !self.is_metadata(&line[end..]) {
            return None;
        }
        Some((date, char_offset(line, start), char_offset(line, end)))
    }

    /// The date of a wire story's place-and-date line: a place in capitals, then a full
    /// date and nothing else (`NAIROBI 2021-03-14`, `NEW YORK, Mar. 14, 2021`). `raw` is the
    /// line as written (the capitals are the cue), `line` the same line normalised.
    pub fn place_date_line(&self, raw: &str, line: &str) -> Option<NaiveDate> {
        if line.chars().count() > PUBLICATION_LINE_MAX {
            return None;
        }
        let raw = raw.trim();
        let line = line.trim();
        // The place: one to four words of capitals, up to the first digit or month.
        let place_end = raw.find(|c: char| c.is_ascii_digit())?;
        let place = raw[..place_end].trim_end_matches(|c: char| c == ' ' || c == ',');
        let words: Vec<&str> = place.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        let caps = |w: &&str| w.chars().any(|c| c.is_alphabetic()) && w.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\''));
        let (name, month): (&[&str], Option<&&str>) = match words.last() {
            // "NEW YORK, Mar. 14, 2021": the month word is not of the place.
            Some(w) if !caps(w) => (&words[..words.len() - 1], words.last()),
            _ => (&words[..], None),
        };
        if name.is_empty() || name.len() > 4 || !name.iter().all(caps) {
            return None;
        }
        if month.is_some_and(|m| self.en_month(&m.trim_end_matches('.').to_lowercase()).is_none()) {
            return None;
        }
        // The rest of the normalised line (from the month word, if any) is one full date.
        let place_chars = match month {
            Some(m) => raw[..place_end].rfind(*m).map_or(0, |i| raw[..i].chars().count()),
            None => place.chars().count(),
        };
        let from = line.char_indices().nth(place_chars).map_or(line.len(), |(i, _)| i);
        let rest = line[from..].trim_start_matches([' ', ',']);
        let pos = line.len() - rest.len();
        let (date, end) = self.full_date_at(line, pos)?;
        line[end..].trim().is_empty().then_some(date)
    }

    /// If this line opens with a news dateline, what it says (and its char span).
    ///
    /// Chinese (`新华社北京4月9日电(记者 ...)`) and English (`beijing, april 9 (xinhua) --`)
    /// datelines are recognised; one without a date (`moscow (reuters) -`) gives `None`.
    pub fn dateline(&self, line: &str) -> Option<(PartialDate, usize, usize)> {
        if let Some(c) = self.cn_dateline.captures(line) {
            let all = c.name("all")?;
            let kind_end = c.name("kind")?.end();
            // What after 电 makes it a word (电话, 电贺), not the end of a dateline.
            if all.end() == kind_end && next_char(line, kind_end).is_some_and(|c| self.not_after_dateline.contains(c)) {
                return None;
            }
            let year = match c.name("y") {
                Some(y) => Some(self.year_number(y.as_str())?),
                None => None,
            };
            let month = valid_month(self.number(c.name("m")?.as_str())?)?;
            let day = valid_day(self.number(c.name("d")?.as_str())?)?;
            if !month_day_exists(month, day) {
                return None;
            }
            let date = PartialDate { year, month: Some(month), day: Some(day), ..PartialDate::default() };
            return Some((date, char_offset(line, all.start()), char_offset(line, all.end())));
        }
        let c = self.en_dateline.captures(line)?;
        if c.name("agency").is_none() && c.name("dash").is_none() {
            return None;
        }
        let all = c.name("all")?;
        let year = match c.name("y") {
            Some(y) => Some(self.year_number(y.as_str())?),
            None => None,
        };
        let month = self.en_month(c.name("mon")?.as_str())?;
        let day = valid_day(c.name("d")?.as_str().parse().ok()?)?;
        if !month_day_exists(month, day) {
            return None;
        }
        let date = PartialDate { year, month: Some(month), day: Some(day), ..PartialDate::default() };
        Some((date, char_offset(line, all.start()), char_offset(line, all.end())))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{P, date, p};
    use super::super::{dateline, publication_date};
    use super::*;

    fn pubdate(line: &str) -> Option<(String, String)> {
        publication_date(line).map(|(d, s, e)| (d.to_string(), line.chars().skip(s).take(e - s).collect()))
    }

    #[test]
    fn publication_dates() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("发布时间:2024-04-10 08:57:34 | 来源:新华网 | 作者:", Some(("2024-04-10", "2024-04-10"))),
            ("2025年02月21日 来源: 点击:", Some(("2025-02-21", "2025年02月21日"))),
            ("2023年03月21日 20:00 最后更新:23:33", Some(("2023-03-21", "2023年03月21日"))),
            ("2024-04-26 16:05", Some(("2024-04-26", "2024-04-26"))),
            ("published: 2024-04-10", Some(("2024-04-10", "2024-04-10"))),
            ("updated 2024-04-10 08:57", Some(("2024-04-10", "2024-04-10"))),
            ("april 10, 2024 08:57", Some(("2024-04-10", "april 10, 2024"))),
            ("2024/04/10", Some(("2024-04-10", "2024/04/10"))),
            ("  2024年04月10日 星期三  来源:人民网-人民日报  编辑:张三", Some(("2024-04-10", "2024年04月10日"))),
            ("by john smith | 10 april 2024 | 08:57 gmt", Some(("2024-04-10", "10 april 2024"))),
            ("发布时间:2024-04-10 更新时间:2024-04-11", Some(("2024-04-10", "2024-04-10"))),
            ("国家主席习近平2024年4月9日在北京会见", None),
            ("2024年4月9日,国家主席习近平在北京会见了来访的总统。", None),
            ("on april 10, 2024 the two leaders met in beijing", None),
            ("来源:新华网", None),
            ("2024-02-30 08:00", None),
            ("", None),
        ];
        for (line, want) in cases {
            let want = want.map(|(d, s)| (d.to_string(), s.to_string()));
            assert_eq!(pubdate(line), want, "{line:?}");
        }
        let long = format!("2024-04-10 来源:新华网{}", " ".repeat(80));
        assert_eq!(publication_date(&long), None);
        // offsets are char offsets
        assert_eq!(publication_date("发布时间:2024-04-10"), Some((date("2024-04-10"), 5, 15)));
    }

    fn dl(line: &str) -> Option<(PartialDate, String)> {
        dateline(line).map(|(d, s, e)| (d, line.chars().skip(s).take(e - s).collect()))
    }

    #[test]
    fn datelines() {
        let cases: &[(&str, Option<(P, &str)>)] = &[
            (
                "新华社俄罗斯喀山10月22日电(记者 郝薇薇)当地时间22日下午,",
                Some((p().m(10).d(22), "新华社俄罗斯喀山10月22日电(记者 郝薇薇)")),
            ),
            ("中新社约翰内斯堡2月21日电 中国外长", Some((p().m(2).d(21), "中新社约翰内斯堡2月21日电"))),
            ("新华社北京4月9日电", Some((p().m(4).d(9), "新华社北京4月9日电"))),
            ("  本报北京2024年4月9日讯 记者", Some((p().y(2024).m(4).d(9), "本报北京2024年4月9日讯"))),
            (
                "kazan, russia, oct. 22 (xinhua) -- chinese president xi jinping",
                Some((p().m(10).d(22), "kazan, russia, oct. 22 (xinhua) --")),
            ),
            ("beijing, april 9 (xinhua) -- chinese", Some((p().m(4).d(9), "beijing, april 9 (xinhua) --"))),
            (
                "washington, april 9, 2024 (reuters) - the",
                Some((p().y(2024).m(4).d(9), "washington, april 9, 2024 (reuters) -")),
            ),
            ("moscow (reuters) - russia said", None),
            ("习近平4月9日电贺新任总统", None),
            ("国家主席习近平4月9日在北京会见", None),
            ("in beijing, april 9 was a busy day", None),
            ("新华社北京2月30日电", None),
        ];
        for (line, want) in cases {
            let want = want.map(|(d, s)| (d.0, s.to_string()));
            assert_eq!(dl(line), want, "{line:?}");
        }
        // offsets are char offsets
        assert_eq!(dateline("  新华社北京4月9日电").map(|(_, s, e)| (s, e)), Some((2, 12)));
    }

    #[test]
    fn place_date_lines() {
        let g = DateGrammar::new(&crate::lexicon::Lexicon::from_sources(&crate::pack::lexicon_sources()).unwrap());
        let pd = |raw: &str| g.place_date_line(raw, &crate::normalise::normalise(raw)).map(|d| d.to_string());
        assert_eq!(pd("NAIROBI 2021-03-14"), Some("2021-03-14".into()));
        assert_eq!(pd("VATICAN CITY 2021-03-16"), Some("2021-03-16".into()));
        assert_eq!(pd("NEW YORK, Mar. 14, 2021"), Some("2021-03-14".into()));
        assert_eq!(pd("  WASHINGTON  2021-03-18 "), Some("2021-03-18".into()));
        // Not a place in capitals, or more than a date after it.
        assert_eq!(pd("Nairobi 2021-03-14"), None);
        assert_eq!(pd("NAIROBI 2021-03-14 officials said"), None);
        assert_eq!(pd("THE FIVE COUNTRIES AND OTHERS 2021-03-14"), None);
        assert_eq!(pd("2021-03-14"), None);
    }
}
