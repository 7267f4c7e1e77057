//! Finding time expressions in a text.
//!
//! **Input.** Normalised text ([`crate::normalise`]) and a [`DateGrammar`].
//!
//! **Output.** [`DateGrammar::find_time_exprs`]: every time expression, as a
//! [`TimeExpr`] — a char span plus a [`PartialDate`] saying what it states field by field
//! (`4月9日` → month 4, day 9; `去年` → year offset −1; `on tuesday` → a weekday).
//!
//! **Invariants.** Spans are char offsets into the text given, `start < end`, in order
//! and never overlapping (where candidates overlap, the longest wins). Each finder's
//! handler reads the words' values from the grammar's tables; a handler that rejects a
//! match lets the search resume one character after its start. Nothing here panics,
//! whatever the input: invalid dates come out as no expression.

use regex::{Captures, Regex};

use super::grammar::DateGrammar;
use super::{PartialDate, TimeExpr, valid_day, valid_month};

/// A candidate: byte span and value.
pub(super) type Cand = (usize, usize, PartialDate);

/// A finder's handler: the candidate a match makes, if it makes one.
pub(super) type Handler = fn(&DateGrammar, &Captures, &str) -> Option<Cand>;

/// Where a match of `re` (which ends in `$`) that ends exactly at `end` starts, looking
/// back a few dozen bytes only. Word boundaries still see the text before the window.
fn ends_with(re: &Regex, text: &str, end: usize) -> Option<usize> {
    const LOOK_BACK: usize = 48;
    let mut window = end.saturating_sub(LOOK_BACK);
    while !text.is_char_boundary(window) {
        window -= 1;
    }
    re.find_at(&text[..end], window).map(|m| m.start())
}

pub(super) fn prev_char(text: &str, byte: usize) -> Option<char> {
    text[..byte].chars().next_back()
}

pub(super) fn next_char(text: &str, byte: usize) -> Option<char> {
    text[byte..].chars().next()
}

/// Whether the match `[start, end)` lies inside an occurrence of one of `words` (a
/// word that holds a date word but is none: 过去年, 明日前).
fn inside(words: &[String], text: &str, start: usize, end: usize) -> bool {
    let m = &text[start..end];
    words.iter().any(|w| {
        w.match_indices(m).any(|(k, _)| start >= k && text.is_char_boundary(start - k) && text[start - k..].starts_with(w.as_str()))
    })
}

/// Calls `f` for each leftmost match of `re` in `text`. When `f` rejects a match, the
/// search resumes one character after the match's start (so a valid match starting
/// inside a rejected one is still found); when it accepts, after the match's end.
pub(super) fn scan<'t, T>(re: &Regex, text: &'t str, out: &mut Vec<T>, mut f: impl FnMut(&Captures<'t>) -> Option<T>) {
    let mut pos = 0;
    while pos < text.len() {
        let Some(caps) = re.captures_at(text, pos) else { break };
        let m = caps.get(0).expect("group 0 always participates");
        match f(&caps) {
            Some(v) if m.end() > m.start() => {
                out.push(v);
                pos = m.end();
            }
            _ => pos = m.start() + next_char(text, m.start()).map_or(1, char::len_utf8),
        }
    }
}

/// Checks the character before a match that starts with a number: a digit (or a
/// Chinese numeral) there means the number is longer than what matched.
fn number_boundary_ok(g: &DateGrammar, text: &str, start: usize) -> bool {
    let first = next_char(text, start);
    match (prev_char(text, start), first) {
        (Some(p), Some(f)) if f.is_ascii_digit() => !p.is_ascii_digit() && p != '.',
        (Some(p), Some(f)) if g.is_cn_numeral(f) => !g.is_cn_numeral(p),
        _ => true,
    }
}

fn cn_clock(g: &DateGrammar, caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    // Not a count (3点意见, 5点共识) nor part of a longer number.
    if !number_boundary_ok(g, text, m.start()) {
        return None;
    }
    if next_char(text, m.end()).is_some_and(|c| g.not_after_clock.contains(c)) {
        return None;
    }
    Some((m.start(), m.end(), PartialDate { day_offset: Some(0), ..PartialDate::default() }))
}

/// The month, day and month suffix of a Chinese capture; `None` if invalid.
fn cn_month_day(g: &DateGrammar, caps: &Captures, text: &str) -> Option<(Option<u32>, Option<u32>)> {
    let month = match caps.name("mn").or(caps.name("mc")) {
        Some(m) => Some(valid_month(g.number(m.as_str())?)?),
        None => None,
    };
    let day = match caps.name("dn").or(caps.name("dp")).or(caps.name("dc")) {
        Some(d) => Some(valid_day(g.number(d.as_str())?)?),
        None => None,
    };
    let end = caps.get(0)?.end();
    if month.is_some() && day.is_none() && caps.name("msuf").is_none() {
        // A month alone must not be followed by a digit (5月9 without 日 is not a month).
        if next_char(text, end).is_some_and(|c| c.is_ascii_digit() || g.is_cn_numeral(c)) {
            return None;
        }
    }
    // 号 after a number is a date only when no noun follows (1号线, 3号楼).
    if let Some(s) = caps.name("dsuf")
        && s.as_str() == "号"
        && next_char(text, end).is_some_and(|c| g.not_after_hao.contains(c))
    {
        return None;
    }
    if day.is_some() && next_char(text, end).is_some_and(|c| g.not_after_day.contains(c)) {
        return None;
    }
    Some((month, day))
}

fn cn_ymd(g: &DateGrammar, caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    if !number_boundary_ok(g, text, m.start()) {
        return None;
    }
    let mut date = PartialDate::default();
    if let Some(y) = caps.name("yn").or(caps.name("yc")) {
        date.year = Some(g.year_number(y.as_str())?);
    } else if let Some(r) = caps.name("yr") {
        if inside(&g.not_rel_years, text, r.start(), r.end()) {
            return None; // 过去年 ...
        }
        date.year_offset = Some(*g.rel_years.get(r.as_str())?);
    }
    let (month, day) = cn_month_day(g, caps, text)?;
    if month.is_none() && next_char(text, m.end()).is_some_and(|c| g.not_after_year.contains(c)) {
        return None; // 1990年代: a decade
    }
    date.month = month;
    date.day = day;
    Some((m.start(), m.end(), date))
}

fn cn_md(g: &DateGrammar, caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    if !number_boundary_ok(g, text, m.start()) {
        return None;
    }
    let (month, day) = cn_month_day(g, caps, text)?;
    Some((m.start(), m.end(), PartialDate { month, day, ..PartialDate::default() }))
}

fn cn_d(g: &DateGrammar, caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    if !number_boundary_ok(g, text, m.start()) || prev_char(text, m.start()).is_some_and(|c| g.not_before_day.contains(c)) {
        return None;
    }
    // A bare day in Chinese numerals is taken only from ten up (一日 is "one day").
    if caps.name("dc").is_some_and(|d| !d.as_str().chars().any(|c| g.tens.contains(c))) {
        return None;
    }
    let (_, day) = cn_month_day(g, caps, text)?;
    Some((m.start(), m.end(), PartialDate { day, ..PartialDate::default() }))
}

fn cn_weekday_expr(g: &DateGrammar, caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    // 一周一次, 每周二, 上周二, 下周二: counts, habits and other weeks are not weekdays.
    if prev_char(text, m.start()).is_some_and(|c| c.is_ascii_digit() || g.is_cn_numeral(c) || g.not_before_weekday.contains(c)) {
        return None;
    }
    if g.not_weekdays.iter().any(|w| w == m.as_str()) {
        return None; // 周天子
    }
    let weekday = g.cn_weekday(caps.name("a")?.as_str())?;
    Some((m.start(), m.end(), PartialDate { weekday: Some(weekday), ..PartialDate::default() }))
}

fn cn_rel_period(g: &DateGrammar, caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    let q = caps.name("w").or(caps.name("m"))?.as_str();
    let off = *g.rel_periods.get(q)?;
    // 本月 must not be read inside 基本月薪 and the like: 本 and 这 need a boundary.
    if off == 0 && prev_char(text, m.start()).is_some_and(|c| g.not_before_this.contains(c)) {
        return None;
    }
    let mut date = PartialDate::default();
    let mut end = m.end();
    if caps.name("w").is_some() {
        date.week_offset = Some(off);
        // 上周二, 本周一, 下周三: a weekday of that week (the longest weekday number).
        let rest = &text[end..];
        let day = g.weekday_numbers.iter().filter(|(n, _)| rest.starts_with(n.as_str())).max_by_key(|(n, _)| n.len());
        if let Some((n, &w)) = day {
            date.weekday = Some(w);
            end += n.len();
        }
    } else {
        date.month_offset = Some(off);
    }
    Some((m.start(), end, date))
}

fn en_rel_period(g: &DateGrammar, caps: &Captures, _text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    let off = *g.en_relative.get(caps.name("q")?.as_str())?;
    let mut date = PartialDate::default();
    if caps.name("u")?.as_str() == "week" {
        date.week_offset = Some(off);
    } else {
        date.month_offset = Some(off);
    }
    Some((m.start(), m.end(), date))
}

fn cn_rel_day(g: &DateGrammar, caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    if prev_char(text, m.start()).is_some_and(|c| g.not_before_rel_day.contains(c)) {
        return None; // 提前天数, 光明天地
    }
    if inside(&g.not_rel_days, text, m.start(), m.end()) {
        return None; // 赵伟明日前: 日前 (recently) after a name ending in 明
    }
    let off = *g.rel_days.get(m.as_str())?;
    Some((m.start(), m.end(), PartialDate { day_offset: Some(off), ..PartialDate::default() }))
}

fn numeric(g: &DateGrammar, caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    if caps.name("s1")?.as_str() != caps.name("s2")?.as_str() {
        return None;
    }
    if prev_char(text, m.start()).is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | '-')) {
        return None;
    }
    let rest = &text[m.end()..];
    let mut after = rest.chars();
    match (after.next(), after.next()) {
        (Some(c), _) if c.is_ascii_digit() => return None,
        (Some('.' | '/' | '-'), Some(d)) if d.is_ascii_digit() => return None,
        _ => {}
    }
    let y = g.year_number(caps.name("y")?.as_str())?;
    let mo = valid_month(caps.name("m")?.as_str().parse().ok()?)?;
    let d = valid_day(caps.name("d")?.as_str().parse().ok()?)?;
    Some((m.start(), m.end(), PartialDate { year: Some(y), month: Some(mo), day: Some(d), ..PartialDate::default() }))
}

/// Whether what follows "this/last/next may" makes may a month (a word of
/// `en-may-followers`, punctuation, a number or the end).
fn may_month_follower(g: &DateGrammar, rest: &str) -> bool {
    let rest = rest.trim_start();
    let word: String = rest.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    word.is_empty() || g.en_may_followers.contains(&word)
}

fn en_md(g: &DateGrammar, caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    let month = g.en_month(caps.name("mon")?.as_str())?;
    let day = match caps.name("day") {
        Some(d) => Some(valid_day(d.as_str().parse().ok()?)?),
        None => None,
    };
    let year = match caps.name("year") {
        Some(y) => Some(g.year_number(y.as_str())?),
        None => None,
    };
    if day.is_none() && year.is_none() {
        // A month on its own needs a word that makes it one ("in may", "early april").
        let pre = caps.name("pre").is_some();
        let qual = caps.name("qual").map(|q| q.as_str());
        if !pre && qual.is_none() {
            return None;
        }
        // "this may be ...": May (month 5, also a verb) after a relative word needs a
        // follower that makes it a month.
        let relative = qual.is_some_and(|q| g.en_relative.contains_key(q));
        if !pre && month == 5 && relative && !may_month_follower(g, &text[m.end()..]) {
            return None;
        }
    }
    if day.is_some() && next_char(text, m.end()).is_some_and(|c| c.is_ascii_digit() || c == ':') {
        return None;
    }
    if day.is_some() && year.is_none() && g.en_unit_after.is_match(&text[m.end()..]) {
        return None; // "prices may 2 percent", "march 10 miles"
    }
    let weekday = caps.name("wd").and_then(|w| g.en_weekday(w.as_str()));
    Some((m.start(), m.end(), PartialDate { year, month: Some(month), day, weekday, ..PartialDate::default() }))
}

fn en_dm(g: &DateGrammar, caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    let day = valid_day(caps.name("day")?.as_str().parse().ok()?)?;
    if !number_boundary_ok(g, text, caps.name("day")?.start()) {
        return None;
    }
    let month = g.en_month(caps.name("mon")?.as_str())?;
    let year = match caps.name("year") {
        Some(y) => Some(g.year_number(y.as_str())?),
        None => None,
    };
    let weekday = caps.name("wd").and_then(|w| g.en_weekday(w.as_str()));
    Some((m.start(), m.end(), PartialDate { year, month: Some(month), day: Some(day), weekday, ..PartialDate::default() }))
}

fn en_weekday_expr(g: &DateGrammar, caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    if ends_with(&g.en_future_before, text, m.start()).is_some() {
        return None; // next tuesday
    }
    let wd = if let Some(w) = caps.name("wd") {
        g.en_weekday(w.as_str())?
    } else {
        let ab = caps.name("ab")?.as_str();
        // "sat." and "sun." end sentences about sitting and the sun; only "on sat." is a day.
        if g.en_ambiguous.iter().any(|a| a == ab) && ends_with(&g.en_on_before, text, m.start()).is_none() {
            return None;
        }
        g.en_weekday(ab)?
    };
    Some((m.start(), m.end(), PartialDate { weekday: Some(wd), ..PartialDate::default() }))
}

fn en_rel(g: &DateGrammar, caps: &Captures, _text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    let mut date = PartialDate::default();
    if let Some(d) = caps.name("day") {
        let words: Vec<&str> = d.as_str().split_whitespace().collect();
        date.day_offset = Some(*g.en_rel_days.get(&words.join(" "))?);
    } else {
        date.year_offset = Some(*g.en_relative.get(caps.name("yr")?.as_str())?);
    }
    Some((m.start(), m.end(), date))
}

fn en_year(g: &DateGrammar, caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    let mut rest = text[m.end()..].chars();
    if let (Some('-' | '/' | '.' | ','), Some(d)) = (rest.next(), rest.next())
        && d.is_ascii_digit()
    {
        return None; // in 2024-25, in 2024.5, in 2000,000
    }
    let year = g.year_number(caps.name("year")?.as_str())?;
    Some((m.start(), m.end(), PartialDate { year: Some(year), ..PartialDate::default() }))
}

fn year_range(g: &DateGrammar, caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    if !number_boundary_ok(g, text, m.start()) {
        return None;
    }
    let year = g.year_number(caps.name("yn")?.as_str())?;
    Some((m.start(), m.end(), PartialDate { year: Some(year), ..PartialDate::default() }))
}

impl DateGrammar {
    /// The time-expression finders, in the order their candidates are gathered.
    pub(super) fn finders(&self) -> [(&Regex, Handler); 15] {
        [
            (&self.cn_clock, cn_clock),
            (&self.cn_rel_period, cn_rel_period),
            (&self.en_rel_period, en_rel_period),
            (&self.cn_ymd, cn_ymd),
            (&self.cn_md, cn_md),
            (&self.cn_d, cn_d),
            (&self.cn_year_range, year_range),
            (&self.cn_weekday, cn_weekday_expr),
            (&self.cn_rel_day, cn_rel_day),
            (&self.numeric, numeric),
            (&self.en_md, en_md),
            (&self.en_dm, en_dm),
            (&self.en_weekday, en_weekday_expr),
            (&self.en_rel, en_rel),
            (&self.en_year, en_year),
        ]
    }

    /// Widens a candidate over what belongs to it on either side: 当地时间 / on before,
    /// a weekday, a part of the day and a time-zone note after.
    fn extend(&self, text: &str, (mut start, mut end, mut date): Cand) -> Cand {
        for _ in 0..3 {
            match ends_with(&self.prefix, text, start) {
                Some(p) if p < start => start = p,
                _ => break,
            }
        }
        if date.day.is_some()
            && date.weekday.is_none()
            && let Some(c) = self.suffix_cn_weekday.captures(&text[end..])
            && let Some(w) = c.name("a").or(c.name("b")).and_then(|w| self.cn_weekday(w.as_str()))
        {
            date.weekday = Some(w);
            end += c.get(0).map_or(0, |m| m.end());
        }
        let day_level = date.day.is_some() || date.weekday.is_some() || date.day_offset.is_some();
        if day_level && let Some(p) = self.suffix_part_of_day.find(&text[end..]) {
            end += p.end();
        }
        if let Some(z) = self.suffix_zone.find(&text[end..]) {
            end += z.end();
        }
        (start, end, date)
    }

    /// Finds time expressions in normalised text, in order, non-overlapping (longest wins).
    pub fn find_time_exprs(&self, text: &str) -> Vec<TimeExpr> {
        let present = self.finder_set.matches(text);
        let mut cands: Vec<Cand> = Vec::new();
        for (i, (re, handler)) in self.finders().into_iter().enumerate() {
            if present.matched(i) {
                scan(re, text, &mut cands, |caps| handler(self, caps, text));
            }
        }
        let mut cands: Vec<(usize, usize, usize, PartialDate)> =
            cands.into_iter().map(|c| self.extend(text, c)).map(|(s, e, d)| (s, e, text[s..e].chars().count(), d)).collect();
        // Longest first; among equals, leftmost first.
        cands.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
        // Taken ranges by start: disjoint, so only the last one starting before `e` can
        // overlap `[s, e)` (linear in the candidates, not quadratic, on a huge line).
        let mut taken: std::collections::BTreeMap<usize, (usize, PartialDate)> = std::collections::BTreeMap::new();
        for (s, e, _, d) in cands {
            if s < e && taken.range(..e).next_back().is_none_or(|(_, &(te, _))| te <= s) {
                taken.insert(s, (e, d));
            }
        }
        let mut chars = CharCounter::new(text);
        taken.into_iter().map(|(s, (e, date))| TimeExpr { start: chars.at(s), end: chars.at(e), date }).collect()
    }
}

/// Converts increasing byte offsets to char offsets in one pass.
struct CharCounter<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharCounter<'t> {
    fn new(text: &'t str) -> Self {
        CharCounter { text, byte: 0, chars: 0 }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::super::find_time_exprs;
    use super::super::testing::{check, none, p};
    use chrono::Weekday::*;

    #[test]
    fn chinese_full_dates() {
        check("2024年4月9日", &[("2024年4月9日", p().y(2024).m(4).d(9))]);
        check("2024年04月09日", &[("2024年04月09日", p().y(2024).m(4).d(9))]);
        check("国家主席习近平2024年4月9日在北京会见", &[("2024年4月9日", p().y(2024).m(4).d(9))]);
        check("二〇二四年十月二十二日", &[("二〇二四年十月二十二日", p().y(2024).m(10).d(22))]);
        check("2024年4月9号", &[("2024年4月9号", p().y(2024).m(4).d(9))]);
    }

    #[test]
    fn chinese_month_days() {
        check("4月9日", &[("4月9日", p().m(4).d(9))]);
        check("习近平4月9日下午在人民大会堂", &[("4月9日下午", p().m(4).d(9))]);
        check("当地时间10月22日下午,", &[("当地时间10月22日下午", p().m(10).d(22))]);
        check("当地时间7月3日晚", &[("当地时间7月3日晚", p().m(7).d(3))]);
        check("北京时间 2月20日凌晨", &[("北京时间 2月20日凌晨", p().m(2).d(20))]);
        check("十月二十二日", &[("十月二十二日", p().m(10).d(22))]);
        check("4月9日(星期二)上午", &[("4月9日(星期二)上午", p().m(4).d(9).wd(Tue))]);
        check("10月22日(当地时间)", &[("10月22日(当地时间)", p().m(10).d(22))]);
    }

    #[test]
    fn chinese_bare_days_and_ranges() {
        check("26日下午", &[("26日下午", p().d(26))]);
        check("總統賴清德今(20)日接見", &[("今(20)日", p().d(20))]);
        check("昨(19)日下午", &[("昨(19)日下午", p().d(19))]);
        check("第(2)项", &[]);
        check("习近平9日同他会谈", &[("9日", p().d(9))]);
        check("9号", &[("9号", p().d(9))]);
        check("二十六日", &[("二十六日", p().d(26))]);
        check("峰会26日至28日举行", &[("26日至28日", p().d(26))]);
        check("峰会26-28日举行", &[("26-28日", p().d(26))]);
        check("4月26日至5月2日", &[("4月26日至5月2日", p().m(4).d(26))]);
        check("2024年4月26至28日", &[("2024年4月26至28日", p().y(2024).m(4).d(26))]);
    }

    #[test]
    fn chinese_months_and_years() {
        check("今年5月", &[("今年5月", p().yo(0).m(5))]);
        check("5月份", &[("5月份", p().m(5))]);
        check("5月,双方", &[("5月", p().m(5))]);
        check("10月中旬入冬", &[("10月中旬", p().m(10))]);
        check("去年12月底", &[("去年12月底", p().yo(-1).m(12))]);
        check("去年", &[("去年", p().yo(-1))]);
        check("今年", &[("今年", p().yo(0))]);
        check("明年", &[("明年", p().yo(1))]);
        check("前年", &[("前年", p().yo(-2))]);
        check("2024年", &[("2024年", p().y(2024))]);
        check("二〇二四年", &[("二〇二四年", p().y(2024))]);
        check("去年4月9日", &[("去年4月9日", p().yo(-1).m(4).d(9))]);
    }

    #[test]
    fn chinese_weekdays_and_relative_days() {
        check("周二", &[("周二", p().wd(Tue))]);
        check("星期二", &[("星期二", p().wd(Tue))]);
        check("礼拜二", &[("礼拜二", p().wd(Tue))]);
        check("周日", &[("周日", p().wd(Sun))]);
        check("星期天", &[("星期天", p().wd(Sun))]);
        check("星期日", &[("星期日", p().wd(Sun))]);
        check("礼拜天", &[("礼拜天", p().wd(Sun))]);
        check("本周二", &[("本周二", p().wo(0).wd(Tue))]);
        check("上周二", &[("上周二", p().wo(-1).wd(Tue))]);
        check("下个星期天", &[("下个星期天", p().wo(1).wd(Sun))]);
        check("周二下午", &[("周二下午", p().wd(Tue))]);
        check("今天", &[("今天", p().dof(0))]);
        check("昨天上午", &[("昨天上午", p().dof(-1))]);
        check("昨日", &[("昨日", p().dof(-1))]);
        check("前天", &[("前天", p().dof(-2))]);
        check("明天", &[("明天", p().dof(1))]);
        check("昨晚", &[("昨晚", p().dof(-1))]);
    }

    #[test]
    fn numeric_dates() {
        check("2024-04-10", &[("2024-04-10", p().y(2024).m(4).d(10))]);
        check("2024/4/10", &[("2024/4/10", p().y(2024).m(4).d(10))]);
        check("2024.04.10", &[("2024.04.10", p().y(2024).m(4).d(10))]);
        check("on 2024-04-09 the", &[("on 2024-04-09", p().y(2024).m(4).d(9))]);
    }

    #[test]
    fn english_dates() {
        check("on tuesday", &[("on tuesday", p().wd(Tue))]);
        check("xi met him tuesday.", &[("tuesday", p().wd(Tue))]);
        check("on tues. the", &[("on tues.", p().wd(Tue))]);
        check("wed. talks", &[("wed.", p().wd(Wed))]);
        check("on sat. they", &[("on sat.", p().wd(Sat))]);
        check("on sunday afternoon", &[("on sunday afternoon", p().wd(Sun))]);
        check("oct. 22", &[("oct. 22", p().m(10).d(22))]);
        check("october 22", &[("october 22", p().m(10).d(22))]);
        check("oct 22, 2024", &[("oct 22, 2024", p().y(2024).m(10).d(22))]);
        check("22 october 2024", &[("22 october 2024", p().y(2024).m(10).d(22))]);
        check("on april 9,", &[("on april 9", p().m(4).d(9))]);
        check("april 9th", &[("april 9th", p().m(4).d(9))]);
        check("on tuesday, april 9", &[("on tuesday, april 9", p().m(4).d(9).wd(Tue))]);
        check("may 9", &[("may 9", p().m(5).d(9))]);
        check("in may", &[("in may", p().m(5))]);
        check("since may", &[("since may", p().m(5))]);
        check("in early may", &[("in early may", p().m(5))]);
        check("mid-april", &[("mid-april", p().m(4))]);
        check("last may, the two", &[("last may", p().m(5))]);
        check("april 2024", &[("april 2024", p().y(2024).m(4))]);
        check("last year", &[("last year", p().yo(-1))]);
        check("this year", &[("this year", p().yo(0))]);
        check("next year", &[("next year", p().yo(1))]);
        check("yesterday", &[("yesterday", p().dof(-1))]);
        check("today", &[("today", p().dof(0))]);
        check("tomorrow", &[("tomorrow", p().dof(1))]);
        check("2024-04-09", &[("2024-04-09", p().y(2024).m(4).d(9))]);
        check("in 2023", &[("in 2023", p().y(2023))]);
        check("local time on tuesday", &[("local time on tuesday", p().wd(Tue))]);
        check("the sunday times", &[("sunday", p().wd(Sun))]);
        check("upon tuesday", &[("tuesday", p().wd(Tue))]);
        check("next tuesday and last friday morning", &[("last friday morning", p().wd(Fri))]);
        check("march 10", &[("march 10", p().m(3).d(10))]);
    }

    #[test]
    fn several_expressions_in_order() {
        check(
            "新华社北京4月9日电 国家主席习近平9日下午在人民大会堂会见,双方去年曾会晤。",
            &[("4月9日", p().m(4).d(9)), ("9日下午", p().d(9)), ("去年", p().yo(-1))],
        );
        check(
            "kazan, oct. 22 -- xi met putin on tuesday; they last met in may.",
            &[("oct. 22", p().m(10).d(22)), ("on tuesday", p().wd(Tue)), ("in may", p().m(5))],
        );
    }

    #[test]
    fn offsets_are_char_offsets() {
        let text = "中方表示,习近平4月9日会见";
        let e = find_time_exprs(text);
        assert_eq!(e.len(), 1);
        assert_eq!((e[0].start, e[0].end), (8, 12));
        let text = "é on tuesday";
        let e = find_time_exprs(text);
        assert_eq!((e[0].start, e[0].end), (2, 12));
    }

    #[test]
    fn not_time_expressions() {
        none("75周年");
        none("建交75周年");
        none("80周年");
        none("连续13年");
        none("周年");
        none("周边国家");
        none("一周");
        none("一周一次");
        none("每周二");
        none("1个月");
        none("12个月");
        none("16th");
        none("the 24th summit");
        none("this may be");
        none("they may meet");
        none("next tuesday");
        none("1号线");
        none("第3日");
        none("5日元");
        none("5000年");
        none("1990年代");
        none("过去年份");
        none("13月");
        none("2月30号线");
        none("march on");
        none("prices may 2 percent higher");
        none("they march 10 miles");
        none("upon tuesdays");
        none("2024-13-01");
        none("12024-04-10");
    }

    #[test]
    fn not_full_dates() {
        // A range of years means its first year, never a date.
        check("2022-2023年", &[("2022-2023年", p().y(2022))]);
        check("2022年至2023年", &[("2022年至2023年", p().y(2022))]);
        // 13年 is not a year, 10月 is still a month.
        check("连续13年10月中旬入冬", &[("10月中旬", p().m(10))]);
        // 5月 inside 5月9日 is part of the full match.
        check("5月9日", &[("5月9日", p().m(5).d(9))]);
        // an invalid day is no day
        check("4月32日", &[]);
    }
}
