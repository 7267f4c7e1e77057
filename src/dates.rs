//! Dates: finding time expressions in news text and resolving them against the
//! article's date.
//!
//! **Input.** Normalised text (see [`crate::normalise`]): Simplified Chinese,
//! half-width digits and punctuation (`:` `(` `2024`), lowercase Latin. Nothing here
//! folds case or width again, so un-normalised text simply matches less.
//!
//! **Output.**
//! - [`find_time_exprs`]: every time expression in a text, as a [`TimeExpr`] — a char
//!   span plus a [`PartialDate`] saying what the expression states field by field
//!   (`4月9日` → month 4, day 9; `去年` → year offset −1; `on tuesday` → a weekday).
//! - [`resolve`]: combines the partial dates reported for one event and resolves them
//!   against the article's date (the *anchor*) into a [`DateValue`] at the precision
//!   the text supports (a day, a month, a year, or a month-day without a year).
//! - [`publication_date`] and [`dateline`]: the date lines of an article page (`发布时间:
//!   2024-04-10 08:57 | 来源:新华网`) and of a news story (`新华社北京4月9日电`,
//!   `beijing, april 9 (xinhua) --`).
//!
//! **Invariants.**
//! - Every offset is a char (code point) offset into the string the function was given,
//!   and `start < end`; [`find_time_exprs`] returns spans in order and never overlapping
//!   (where candidates overlap, the longest wins).
//! - Nothing here panics, whatever the input: invalid dates (`2月30日`, month 13),
//!   absurd offsets or years all come out as "no date" (`None` / no expression).
//! - Regular expressions are compiled once, on first use.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use regex::{Captures, Regex, RegexSet};

/// What a time expression says, field by field; relative parts are resolved later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub weekday: Option<Weekday>,
    /// 去年 / last year = -1, 今年 / this year = 0, 明年 / next year = 1, 前年 = -2
    pub year_offset: Option<i32>,
    /// 今天 / today = 0, 昨天 / 昨日 / yesterday = -1, 前天 = -2, 明天 / tomorrow = 1
    pub day_offset: Option<i32>,
    /// 上周 / last week = -1, 本周 / this week = 0, 下周 / next week = 1
    pub week_offset: Option<i32>,
    /// 上个月 / last month = -1, 本月 / this month = 0, 下个月 / next month = 1
    pub month_offset: Option<i32>,
}

/// A time expression found in text: char offsets [start, end) and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    pub start: usize,
    pub end: usize,
    pub date: PartialDate,
}

/// A resolved date at the precision the text supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateValue {
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
    MonthDay(u32, u32),
}

impl DateValue {
    /// ISO 8601 form: `"2024-04-09"`, `"2024-04"`, `"2024"`, `"--04-09"`.
    pub fn iso(&self) -> String {
        match *self {
            DateValue::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            DateValue::Month(y, m) => format!("{y:04}-{m:02}"),
            DateValue::Year(y) => format!("{y:04}"),
            DateValue::MonthDay(m, d) => format!("--{m:02}-{d:02}"),
        }
    }
}

// ---------------------------------------------------------------------------
// Shared pattern pieces
// ---------------------------------------------------------------------------

/// Years written with four digits are taken as years only in this range
/// (`5000年` is a span of time, not a year).
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2199;

/// A Chinese-numeral month, 一 … 十二.
const CN_MONTH: &str = "十[一二]?|[一二三四五六七八九]";
/// A Chinese-numeral day, 一 … 三十一.
const CN_DAY: &str = "三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]";
/// What joins the two ends of a range: 26日至28日, 26-28日.
const RANGE_SEP: &str = r"\s*(?:至|到|-|~|—|–)\s*";
/// English month names, with the usual abbreviations. `mar` needs its dot (the verb).
const EN_MONTH: &str = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)(?-u:\b)|(?:jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?:\.|(?-u:\b))|mar\.";
const EN_WEEKDAY: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

fn en_month(s: &str) -> Option<u32> {
    let s = s.trim_end_matches('.');
    let m = match s.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn en_weekday(s: &str) -> Option<Weekday> {
    let w = match s.get(..3)? {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    };
    Some(w)
}

fn cn_weekday(c: char) -> Option<Weekday> {
    Some(match c {
        '一' => Weekday::Mon,
        '二' => Weekday::Tue,
        '三' => Weekday::Wed,
        '四' => Weekday::Thu,
        '五' => Weekday::Fri,
        '六' => Weekday::Sat,
        '日' | '天' => Weekday::Sun,
        _ => return None,
    })
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '两' | '几')
}

/// A small Chinese numeral: 一 … 九十九 (十, 十六, 二十, 二十六).
fn cn_small(s: &str) -> Option<u32> {
    let cs: Vec<char> = s.chars().collect();
    match cs.as_slice() {
        ['十'] => Some(10),
        ['十', b] => Some(10 + cn_digit(*b)?),
        [a, '十'] => Some(cn_digit(*a)? * 10),
        [a, '十', b] => Some(cn_digit(*a)? * 10 + cn_digit(*b)?),
        [a] => cn_digit(*a),
        _ => None,
    }
}

/// A year written digit by digit in Chinese numerals: 二〇二四.
fn cn_year(s: &str) -> Option<i32> {
    s.chars().try_fold(0i32, |acc, c| Some(acc * 10 + cn_digit(c)? as i32))
}

/// A number written with digits, or a small Chinese numeral.
fn number(s: &str) -> Option<u32> {
    if s.bytes().all(|b| b.is_ascii_digit()) { s.parse().ok() } else { cn_small(s) }
}

fn year_number(s: &str) -> Option<i32> {
    let y = if s.bytes().all(|b| b.is_ascii_digit()) { s.parse().ok()? } else { cn_year(s)? };
    YEARS.contains(&y).then_some(y)
}

fn valid_month(m: u32) -> Option<u32> {
    (1..=12).contains(&m).then_some(m)
}

fn valid_day(d: u32) -> Option<u32> {
    (1..=31).contains(&d).then_some(d)
}

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

fn prev_char(text: &str, byte: usize) -> Option<char> {
    text[..byte].chars().next_back()
}

fn next_char(text: &str, byte: usize) -> Option<char> {
    text[byte..].chars().next()
}

/// Calls `f` for each leftmost match of `re` in `text`. When `f` rejects a match, the
/// search resumes one character after the match's start (so a valid match starting
/// inside a rejected one is still found); when it accepts, after the match's end.
fn scan<'t, T>(re: &Regex, text: &'t str, out: &mut Vec<T>, mut f: impl FnMut(&Captures<'t>) -> Option<T>) {
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

// ---------------------------------------------------------------------------
// find_time_exprs
// ---------------------------------------------------------------------------

/// Chinese dates that start with a year: 2024年4月9日, 二〇二四年, 去年12月, 今年5月.
static CN_YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "(?:(?:(?P<yn>\\d{{4}})|(?P<yc>[〇零一二三四五六七八九]{{4}}))年|(?P<yr>今年|去年|明年|前年))\
         (?:{m}(?:{d}|{msuf})?)?",
        m = cn_month_group(),
        d = cn_day_group(),
        msuf = MONTH_SUFFIX,
    ))
    .expect("valid regex")
});

/// Chinese dates that start with a month: 4月9日, 十月二十二日, 5月份, 10月中旬.
static CN_MD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("{m}(?:{d}|{msuf})?", m = cn_month_group(), d = cn_day_group(), msuf = MONTH_SUFFIX))
        .expect("valid regex")
});

/// A bare Chinese day: 26日, 9号, 二十六日, 26日至28日, 26-28日.
static CN_D: LazyLock<Regex> = LazyLock::new(|| Regex::new(&cn_day_group()).expect("valid regex"));

/// A range of years: 2022-2023年, 2022年至2023年 (the first year is meant).
static CN_YEAR_RANGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?P<yn>\\d{{4}})年?{RANGE_SEP}\\d{{4}}年")).expect("valid regex"));

/// A Chinese weekday: 周二, 星期二, 礼拜天.
static CN_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?:星期|礼拜)(?P<a>[一二三四五六日天])|周(?P<b>[一二三四五六日])").expect("valid regex")
});

/// Chinese relative days: 今天, 昨天, 昨晚 ...
static CN_REL_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("今天|今日|今晨|今早|今晚|昨天|昨日|昨晚|昨夜|前天|明天|明日|明晚").expect("valid regex"));

/// Chinese relative weeks and months: 上周, 本周, 下周, 上个月, 本月, 下个月.
static CN_REL_PERIOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("(?P<w>上|本|这|下)个?(?:周|星期|礼拜)|(?P<m>上|本|这|下)个?月").expect("valid regex"));

/// English relative weeks and months: last week, later this month, next month.
static EN_REL_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:(?:later|earlier|late|early)\s+)?(?P<q>last|this|next)\s+(?P<u>week|month)(?-u:\b)").expect("valid regex")
});

/// Numeric dates: 2024-04-10, 2024/4/10, 2024.04.10.
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<y>\d{4})(?P<s1>[-/.])(?P<m>\d{1,2})(?P<s2>[-/.])(?P<d>\d{1,2})").expect("valid regex")
});

/// English month first: april 9, oct. 22, 2024, in may, mid-april, april 2024,
/// tuesday, april 9.
static EN_MD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:(?P<pre>in|since|until|till|by|during|from|through|throughout|before|after)\s+)?(?:(?P<qual>early|late|mid|last|this|next)(?:\s+|-))?(?:(?P<wd>{EN_WEEKDAY}),?\s+)?(?P<mon>{EN_MONTH})(?:\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:\s*(?:-|–|—|to|through)\s*\d{{1,2}}(?:st|nd|rd|th)?(?-u:\b))?)?(?:,?\s+(?P<year>\d{{4}})(?-u:\b))?"
    ))
    .expect("valid regex")
});

/// English day first: 22 october 2024, 9th of april, tuesday, 9 april.
static EN_DM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:(?P<wd>{EN_WEEKDAY}),?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<mon>{EN_MONTH})(?:,?\s+(?P<year>\d{{4}})(?-u:\b))?"
    ))
    .expect("valid regex")
});

/// English weekdays: tuesday, last tuesday, tues., wed.
static EN_WEEKDAY_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:last\s+)?(?P<wd>{EN_WEEKDAY})(?-u:\b)|(?-u:\b)(?P<ab>mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\."
    ))
    .expect("valid regex")
});

/// English relative expressions: yesterday, last year, this morning ...
static EN_REL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:(?P<day>yesterday|today|tomorrow|tonight)|(?P<yr>last|this|next)\s+year|(?P<dby>the\s+day\s+before\s+yesterday)|(?P<dat>the\s+day\s+after\s+tomorrow)|this\s+(?:morning|afternoon|evening)|(?P<ln>last\s+night))(?-u:\b)",
    )
    .expect("valid regex")
});

/// English years after a preposition: in 2023, since 2019, mid-2024.
static EN_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:in|since|during|until|throughout|early|late|mid)(?:\s+|-)(?P<year>\d{4})(?-u:\b)")
        .expect("valid regex")
});

/// What may precede a time expression and belongs to it.
static PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:当地时间|北京时间|(?-u:\b)local\s+time|(?-u:\b)on)[\s,]*$").expect("valid regex"));
/// A weekday right after a date: 4月9日(星期二), 9日周二.
static SUFFIX_CN_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\((?:星期|周|礼拜)(?P<a>[一二三四五六日天])\)|(?:星期|周|礼拜)(?P<b>[一二三四五六日天]))")
        .expect("valid regex")
});
/// A part of the day after a day: 下午, 晚, morning.
static SUFFIX_PART_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:上午|下午|中午|晚间|晚上|傍晚|凌晨|早上|早晨|清晨|夜间|深夜|晚|早|夜)(?:\d{1,2}(?:[点时](?:\d{1,2}分|半)?|:\d{2}))?|\d{1,2}(?:[点时](?:\d{1,2}分|半)?)|\s+(?:morning|afternoon|evening|night)(?-u:\b))")
        .expect("valid regex")
});

/// A clock time standing alone (下午3点, 9时30分): the day the text is about.
static CN_CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:上午|下午|中午|晚上|傍晚|凌晨|早上)?\d{1,2}(?:时\d{1,2}分|时许|点半|点\d{1,2}分|点)").expect("valid regex")
});

fn cn_clock(caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    // Not a count (3点意见, 5点共识) nor part of a longer number.
    if !number_boundary_ok(text, m.start()) {
        return None;
    }
    let after = &text[m.end()..];
    if after.starts_with(|c: char| "意共建看主要原举措内".contains(c)) {
        return None;
    }
    Some((m.start(), m.end(), PartialDate { day_offset: Some(0), ..PartialDate::default() }))
}
/// A time zone note after the expression: (当地时间).
static SUFFIX_ZONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\((?:当地时间|北京时间|local time)\)").expect("valid regex"));
/// English words that precede a weekday and make it a future one (next tuesday).
static EN_FUTURE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?:next|coming|following)\s+$").expect("valid regex"));
/// A unit after "may 2" / "march 10" that makes the number a quantity, not a day.
static EN_UNIT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:%|(?:percent|per\s+cent|percentage|points?|million|billion|trillion|thousand|hundred|dozen|times|miles?|kilometers?|kilometres?|km|meters?|metres?|people|persons|years?|months?|weeks?|days?|hours?|minutes?|seconds?|tons?|tonnes?|dollars?|yuan)(?-u:\b))",
    )
    .expect("valid regex")
});
/// `on` right before a weekday abbreviation (on sat.).
static EN_ON_BEFORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)on\s+$").expect("valid regex"));

const MONTH_SUFFIX: &str = "(?P<msuf>份|间|初|上旬|中旬|下旬|底|末)";

fn cn_month_group() -> String {
    format!("(?:(?P<mn>\\d{{1,2}})|(?P<mc>{CN_MONTH}))月")
}

/// A day with 日/号, or a range of days whose second end carries 日/号.
fn cn_day_group() -> String {
    let end = format!("(?:(?:\\d{{1,2}}|{CN_MONTH})月)?(?:\\d{{1,2}}|{CN_DAY})[日号]");
    format!("(?:(?P<dn>\\d{{1,2}})|(?P<dc>{CN_DAY}))(?:(?P<dsuf>[日号])(?:{RANGE_SEP}{end})?|{RANGE_SEP}{end})")
}

/// A candidate: byte span and value.
type Cand = (usize, usize, PartialDate);

/// The bytes before a Chinese day that make it a count or ordinal (第3日, 前9日).
fn day_blocked_before(c: char) -> bool {
    matches!(
        c,
        '第' | '每'
            | '数'
            | '多'
            | '近'
            | '前'
            | '后'
            | '头'
            | '首'
            | '逐'
            | '连'
            | '约'
            | '共'
            | '余'
            | '编'
            | '型'
            | '代'
            | '字'
            | '等'
    )
}

/// What after a 号 makes it a number, not a date (1号线, 3号楼).
fn hao_blocked_after(c: char) -> bool {
    "线楼院机令码台车馆门位房舱厅店室站口文种件馆床球员坑井库卫星".contains(c)
}

/// Checks the character before a match that starts with a number: a digit (or a
/// Chinese numeral) there means the number is longer than what matched.
fn number_boundary_ok(text: &str, start: usize) -> bool {
    let first = next_char(text, start);
    match (prev_char(text, start), first) {
        (Some(p), Some(f)) if f.is_ascii_digit() => !p.is_ascii_digit() && p != '.',
        (Some(p), Some(f)) if is_cn_numeral(f) => !is_cn_numeral(p),
        _ => true,
    }
}

/// The month, day and month suffix of a Chinese capture; `None` if invalid.
fn cn_month_day(caps: &Captures, text: &str) -> Option<(Option<u32>, Option<u32>)> {
    let month = match caps.name("mn").or(caps.name("mc")) {
        Some(m) => Some(valid_month(number(m.as_str())?)?),
        None => None,
    };
    let day = match caps.name("dn").or(caps.name("dc")) {
        Some(d) => Some(valid_day(number(d.as_str())?)?),
        None => None,
    };
    let end = caps.get(0)?.end();
    if month.is_some() && day.is_none() && caps.name("msuf").is_none() {
        // A month alone must not be followed by a digit (5月9 without 日 is not a month).
        if next_char(text, end).is_some_and(|c| c.is_ascii_digit() || is_cn_numeral(c)) {
            return None;
        }
    }
    if let Some(s) = caps.name("dsuf")
        && s.as_str() == "号"
        && next_char(text, end).is_some_and(hao_blocked_after)
    {
        return None;
    }
    if day.is_some() && next_char(text, end).is_some_and(|c| matches!(c, '元' | '游' | '内')) {
        return None;
    }
    Some((month, day))
}

fn cn_ymd(caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    if !number_boundary_ok(text, m.start()) {
        return None;
    }
    let mut date = PartialDate::default();
    if let Some(y) = caps.name("yn").or(caps.name("yc")) {
        date.year = Some(year_number(y.as_str())?);
    } else if let Some(r) = caps.name("yr") {
        if r.as_str() == "去年" && prev_char(text, m.start()) == Some('过') {
            return None; // 过去年 ...
        }
        date.year_offset = Some(match r.as_str() {
            "今年" => 0,
            "去年" => -1,
            "明年" => 1,
            _ => -2,
        });
    }
    let (month, day) = cn_month_day(caps, text)?;
    if month.is_none() && next_char(text, m.end()) == Some('代') {
        return None; // 1990年代: a decade
    }
    date.month = month;
    date.day = day;
    Some((m.start(), m.end(), date))
}

fn cn_md(caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    if !number_boundary_ok(text, m.start()) {
        return None;
    }
    let (month, day) = cn_month_day(caps, text)?;
    Some((m.start(), m.end(), PartialDate { month, day, ..PartialDate::default() }))
}

fn cn_d(caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    if !number_boundary_ok(text, m.start()) || prev_char(text, m.start()).is_some_and(day_blocked_before) {
        return None;
    }
    // A bare day in Chinese numerals is taken only from 十 up (一日 is "one day").
    if caps.name("dc").is_some_and(|d| !d.as_str().contains('十')) {
        return None;
    }
    let (_, day) = cn_month_day(caps, text)?;
    Some((m.start(), m.end(), PartialDate { day, ..PartialDate::default() }))
}

fn cn_weekday_expr(caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    // 一周一次, 每周二, 上周二, 下周二: counts, habits and other weeks are not weekdays.
    if prev_char(text, m.start())
        .is_some_and(|c| c.is_ascii_digit() || is_cn_numeral(c) || matches!(c, '每' | '上' | '下' | '前' | '后' | '隔'))
    {
        return None;
    }
    let c = caps.name("a").or(caps.name("b"))?.as_str().chars().next()?;
    Some((m.start(), m.end(), PartialDate { weekday: Some(cn_weekday(c)?), ..PartialDate::default() }))
}

fn cn_rel_period(caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    let q = caps.name("w").or(caps.name("m"))?.as_str();
    let off = match q {
        "上" => -1,
        "下" => 1,
        _ => 0,
    };
    // 上周二 / 下周三 are weekdays of another week: left to the weekday reader.
    if caps.name("w").is_some() && text[m.end()..].starts_with(|c: char| "一二三四五六日天".contains(c)) {
        return None;
    }
    // 本月 must not be read inside 基本月薪 and the like: 本 and 这 need a boundary.
    if matches!(q, "本" | "这") && prev_char(text, m.start()).is_some_and(|c| matches!(c, '基' | '根' | '资' | '成' | '版' | '日')) {
        return None;
    }
    let mut date = PartialDate::default();
    if caps.name("w").is_some() {
        date.week_offset = Some(off);
    } else {
        date.month_offset = Some(off);
    }
    Some((m.start(), m.end(), date))
}

fn en_rel_period(caps: &Captures, _text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    let off = match caps.name("q")?.as_str() {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    let mut date = PartialDate::default();
    if caps.name("u")?.as_str() == "week" {
        date.week_offset = Some(off);
    } else {
        date.month_offset = Some(off);
    }
    Some((m.start(), m.end(), date))
}

fn cn_rel_day(caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    let s = m.as_str();
    if prev_char(text, m.start()).is_some_and(|c| matches!(c, '提' | '光')) {
        return None; // 提前天数, 光明天地
    }
    if s.ends_with('日') && text[m.end()..].starts_with('前') {
        return None; // 赵伟明日前: 日前 (recently) after a name ending in 明
    }
    let off = if s.starts_with('今') {
        0
    } else if s.starts_with('昨') {
        -1
    } else if s.starts_with('前') {
        -2
    } else {
        1
    };
    Some((m.start(), m.end(), PartialDate { day_offset: Some(off), ..PartialDate::default() }))
}

fn numeric(caps: &Captures, text: &str) -> Option<Cand> {
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
    let y = year_number(caps.name("y")?.as_str())?;
    let mo = valid_month(caps.name("m")?.as_str().parse().ok()?)?;
    let d = valid_day(caps.name("d")?.as_str().parse().ok()?)?;
    Some((m.start(), m.end(), PartialDate { year: Some(y), month: Some(mo), day: Some(d), ..PartialDate::default() }))
}

/// A word that may follow the month "may" after this/last/next when it is a month.
fn may_month_follower(rest: &str) -> bool {
    let rest = rest.trim_start();
    let word: String = rest.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    if word.is_empty() {
        return true; // punctuation, a number or the end
    }
    matches!(
        word.as_str(),
        "and"
            | "or"
            | "when"
            | "while"
            | "as"
            | "at"
            | "in"
            | "on"
            | "of"
            | "for"
            | "after"
            | "before"
            | "during"
            | "that"
            | "to"
            | "with"
            | "until"
            | "but"
            | "saw"
            | "marked"
    )
}

fn en_md(caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    let month = en_month(caps.name("mon")?.as_str())?;
    let day = match caps.name("day") {
        Some(d) => Some(valid_day(d.as_str().parse().ok()?)?),
        None => None,
    };
    let year = match caps.name("year") {
        Some(y) => Some(year_number(y.as_str())?),
        None => None,
    };
    if day.is_none() && year.is_none() {
        // A month on its own needs a word that makes it one ("in may", "early april").
        let pre = caps.name("pre").is_some();
        let qual = caps.name("qual").map(|q| q.as_str());
        if !pre && qual.is_none() {
            return None;
        }
        if !pre && month == 5 && matches!(qual, Some("last" | "this" | "next")) && !may_month_follower(&text[m.end()..])
        {
            return None; // "this may be ..."
        }
    }
    if day.is_some() && next_char(text, m.end()).is_some_and(|c| c.is_ascii_digit() || c == ':') {
        return None;
    }
    if day.is_some() && year.is_none() && EN_UNIT_AFTER.is_match(&text[m.end()..]) {
        return None; // "prices may 2 percent", "march 10 miles"
    }
    let weekday = caps.name("wd").and_then(|w| en_weekday(w.as_str()));
    Some((m.start(), m.end(), PartialDate { year, month: Some(month), day, weekday, ..PartialDate::default() }))
}

fn en_dm(caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    let day = valid_day(caps.name("day")?.as_str().parse().ok()?)?;
    if !number_boundary_ok(text, caps.name("day")?.start()) {
        return None;
    }
    let month = en_month(caps.name("mon")?.as_str())?;
    let year = match caps.name("year") {
        Some(y) => Some(year_number(y.as_str())?),
        None => None,
    };
    let weekday = caps.name("wd").and_then(|w| en_weekday(w.as_str()));
    Some((
        m.start(),
        m.end(),
        PartialDate { year, month: Some(month), day: Some(day), weekday, ..PartialDate::default() },
    ))
}

fn en_weekday_expr(caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    if ends_with(&EN_FUTURE_BEFORE, text, m.start()).is_some() {
        return None; // next tuesday
    }
    let wd = if let Some(w) = caps.name("wd") {
        en_weekday(w.as_str())?
    } else {
        let ab = caps.name("ab")?.as_str();
        // "sat." and "sun." end sentences about sitting and the sun; only "on sat." is a day.
        if matches!(ab, "sat" | "sun") && ends_with(&EN_ON_BEFORE, text, m.start()).is_none() {
            return None;
        }
        en_weekday(ab)?
    };
    Some((m.start(), m.end(), PartialDate { weekday: Some(wd), ..PartialDate::default() }))
}

fn en_rel(caps: &Captures, _text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    let mut date = PartialDate::default();
    if let Some(d) = caps.name("day") {
        date.day_offset = Some(match d.as_str() {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        });
    } else if let Some(y) = caps.name("yr") {
        date.year_offset = Some(match y.as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        });
    } else if caps.name("dby").is_some() {
        date.day_offset = Some(-2);
    } else if caps.name("dat").is_some() {
        date.day_offset = Some(2);
    } else if caps.name("ln").is_some() {
        date.day_offset = Some(-1);
    } else {
        date.day_offset = Some(0); // this morning / afternoon / evening
    }
    Some((m.start(), m.end(), date))
}

fn en_year(caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    let mut rest = text[m.end()..].chars();
    if let (Some('-' | '/' | '.' | ','), Some(d)) = (rest.next(), rest.next())
        && d.is_ascii_digit()
    {
        return None; // in 2024-25, in 2024.5, in 2000,000
    }
    let year = year_number(caps.name("year")?.as_str())?;
    Some((m.start(), m.end(), PartialDate { year: Some(year), ..PartialDate::default() }))
}

fn year_range(caps: &Captures, text: &str) -> Option<Cand> {
    let m = caps.get(0)?;
    if !number_boundary_ok(text, m.start()) {
        return None;
    }
    let year = year_number(caps.name("yn")?.as_str())?;
    Some((m.start(), m.end(), PartialDate { year: Some(year), ..PartialDate::default() }))
}

/// Widens a candidate over what belongs to it on either side: 当地时间 / on before,
/// a weekday, a part of the day and a time-zone note after.
fn extend(text: &str, (mut start, mut end, mut date): Cand) -> Cand {
    for _ in 0..3 {
        match ends_with(&PREFIX, text, start) {
            Some(p) if p < start => start = p,
            _ => break,
        }
    }
    if date.day.is_some()
        && date.weekday.is_none()
        && let Some(c) = SUFFIX_CN_WEEKDAY.captures(&text[end..])
        && let Some(w) = c.name("a").or(c.name("b")).and_then(|w| w.as_str().chars().next()).and_then(cn_weekday)
    {
        date.weekday = Some(w);
        end += c.get(0).map_or(0, |m| m.end());
    }
    let day_level = date.day.is_some() || date.weekday.is_some() || date.day_offset.is_some();
    if day_level && let Some(p) = SUFFIX_PART_OF_DAY.find(&text[end..]) {
        end += p.end();
    }
    if let Some(z) = SUFFIX_ZONE.find(&text[end..]) {
        end += z.end();
    }
    (start, end, date)
}

/// Finds time expressions in normalised text, in order, non-overlapping (longest wins).
type Handler = fn(&Captures, &str) -> Option<Cand>;

/// The time-expression finders, in the order their candidates are gathered.
fn finders() -> [(&'static Regex, Handler); 15] {
    [
        (&CN_CLOCK, cn_clock),
        (&CN_REL_PERIOD, cn_rel_period),
        (&EN_REL_PERIOD, en_rel_period),
        (&CN_YMD, cn_ymd),
        (&CN_MD, cn_md),
        (&CN_D, cn_d),
        (&CN_YEAR_RANGE, year_range),
        (&CN_WEEKDAY, cn_weekday_expr),
        (&CN_REL_DAY, cn_rel_day),
        (&NUMERIC, numeric),
        (&EN_MD, en_md),
        (&EN_DM, en_dm),
        (&EN_WEEKDAY_RE, en_weekday_expr),
        (&EN_REL, en_rel),
        (&EN_YEAR, en_year),
    ]
}

/// All finders in one automaton: one pass says which of them match anywhere in a text,
/// so the others (most of them, in most documents) are not run at all.
static FINDER_SET: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(finders().iter().map(|(re, _)| re.as_str())).expect("valid regex set"));

pub fn find_time_exprs(text: &str) -> Vec<TimeExpr> {
    let present = FINDER_SET.matches(text);
    let mut cands: Vec<Cand> = Vec::new();
    for (i, (re, handler)) in finders().into_iter().enumerate() {
        if present.matched(i) {
            scan(re, text, &mut cands, |caps| handler(caps, text));
        }
    }
    let mut cands: Vec<(usize, usize, usize, PartialDate)> =
        cands.into_iter().map(|c| extend(text, c)).map(|(s, e, d)| (s, e, text[s..e].chars().count(), d)).collect();
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
    let taken = taken.into_iter().map(|(s, (e, d))| (s, e, d));
    let mut chars = CharCounter::new(text);
    taken.into_iter().map(|(s, e, date)| TimeExpr { start: chars.at(s), end: chars.at(e), date }).collect()
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

fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

// ---------------------------------------------------------------------------
// resolve
// ---------------------------------------------------------------------------

fn add_days(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    d.checked_add_signed(TimeDelta::try_days(i64::from(n))?)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Whether a month-day exists in some year (2月29日 does, 2月30日 does not).
fn month_day_exists(m: u32, d: u32) -> bool {
    ymd(2000, m, d).is_some()
}

/// A month-day without a year: the anchor's year, or the year before if that lands
/// more than 7 days after the anchor (or does not exist that year).
fn infer_month_day(anchor: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
    let limit = add_days(anchor, 7)?;
    match ymd(anchor.year(), m, d) {
        Some(x) if x <= limit => Some(x),
        _ => ymd(anchor.year().checked_sub(1)?, m, d),
    }
}

/// A bare day: the anchor's month, or the month before if that lands more than 7 days
/// after the anchor (or does not exist that month).
fn infer_day(anchor: NaiveDate, d: u32) -> Option<NaiveDate> {
    let limit = add_days(anchor, 7)?;
    match ymd(anchor.year(), anchor.month(), d) {
        Some(x) if x <= limit => Some(x),
        _ => {
            let (y, m) =
                if anchor.month() == 1 { (anchor.year() - 1, 12) } else { (anchor.year(), anchor.month() - 1) };
            ymd(y, m, d)
        }
    }
}

/// A month without a year: the anchor's year, or the year before if the month is more
/// than one month after the anchor's.
fn infer_month_year(anchor: NaiveDate, m: u32) -> i32 {
    if m > anchor.month() + 1 { anchor.year() - 1 } else { anchor.year() }
}

/// The latest `wd` on or before `anchor`.
fn latest_weekday(anchor: NaiveDate, wd: Weekday) -> Option<NaiveDate> {
    let back = (anchor.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
    add_days(anchor, -(back as i32))
}

/// The year a part's year offset names, relative to the anchor.
fn offset_year(anchor: NaiveDate, off: i32) -> Option<i32> {
    anchor.year().checked_add(off)
}

/// Fills the fields `acc` lacks from `p`.
fn fill(acc: PartialDate, p: &PartialDate) -> PartialDate {
    PartialDate {
        year: acc.year.or(p.year),
        month: acc.month.or(p.month),
        day: acc.day.or(p.day),
        weekday: acc.weekday.or(p.weekday),
        year_offset: acc.year_offset.or(p.year_offset),
        day_offset: acc.day_offset.or(p.day_offset),
        week_offset: acc.week_offset.or(p.week_offset),
        month_offset: acc.month_offset.or(p.month_offset),
    }
}

/// Whether the fields of `p` agree with each other (given the anchor, when there is one).
fn consistent(p: &PartialDate, anchor: Option<NaiveDate>) -> bool {
    // "last week" / 本月 stand alone: a day or month from elsewhere does not refine them.
    if (p.week_offset.is_some() || p.month_offset.is_some())
        && (p.day.is_some() || p.month.is_some() || p.weekday.is_some() || p.day_offset.is_some() || p.year.is_some())
    {
        return false;
    }
    if p.month.is_some_and(|m| valid_month(m).is_none()) || p.day.is_some_and(|d| valid_day(d).is_none()) {
        return false;
    }
    if let (Some(m), Some(d)) = (p.month, p.day)
        && !month_day_exists(m, d)
    {
        return false;
    }
    let fits = |date: NaiveDate| {
        p.year.is_none_or(|y| y == date.year())
            && p.month.is_none_or(|m| m == date.month())
            && p.day.is_none_or(|d| d == date.day())
            && p.weekday.is_none_or(|w| w == date.weekday())
    };
    if let (Some(y), Some(m), Some(d)) = (p.year, p.month, p.day) {
        match ymd(y, m, d) {
            Some(date) if fits(date) => {}
            _ => return false,
        }
    }
    let Some(a) = anchor else { return true };
    if let Some(off) = p.year_offset {
        match offset_year(a, off) {
            Some(y) if p.year.is_none_or(|py| py == y) => {}
            _ => return false,
        }
    }
    if let Some(off) = p.day_offset {
        return add_days(a, off)
            .is_some_and(|date| fits(date) && p.year_offset.is_none_or(|yo| offset_year(a, yo) == Some(date.year())));
    }
    match resolve_one(p, anchor, a) {
        Some(DateValue::Day(date)) => fits(date),
        Some(_) => true,
        None => false,
    }
}

/// Resolves one combined partial date.
fn resolve_one(p: &PartialDate, anchor: Option<NaiveDate>, today: NaiveDate) -> Option<DateValue> {
    if let (Some(y), Some(m), Some(d)) = (p.year, p.month, p.day) {
        return ymd(y, m, d).map(DateValue::Day);
    }
    if let Some(a) = anchor {
        if let Some(off) = p.day_offset {
            return add_days(a, off).map(DateValue::Day);
        }
        if let Some(off) = p.month_offset {
            let months = a.year() * 12 + a.month0() as i32 + off;
            return Some(DateValue::Month(months.div_euclid(12), months.rem_euclid(12) as u32 + 1));
        }
        if let Some(off) = p.week_offset {
            // The week (Monday to Sunday) as a month when it lies within one, else its year.
            let monday = add_days(a, -(a.weekday().num_days_from_monday() as i32) + 7 * off)?;
            let sunday = add_days(monday, 6)?;
            return if monday.month() == sunday.month() {
                Some(DateValue::Month(monday.year(), monday.month()))
            } else if monday.year() == sunday.year() {
                Some(DateValue::Year(monday.year()))
            } else {
                None
            };
        }
        let year = match (p.year, p.year_offset) {
            (Some(y), _) => Some(y),
            (None, Some(off)) => Some(offset_year(a, off)?),
            (None, None) => None,
        };
        return match (p.month, p.day) {
            (Some(m), Some(d)) => match year {
                Some(y) => ymd(y, m, d),
                None => infer_month_day(a, m, d),
            }
            .map(DateValue::Day),
            (None, Some(d)) => infer_day(a, d).map(DateValue::Day),
            (Some(m), None) => {
                let m = valid_month(m)?;
                Some(DateValue::Month(year.unwrap_or_else(|| infer_month_year(a, m)), m))
            }
            (None, None) => match (p.weekday, year) {
                (Some(w), _) => latest_weekday(a, w).map(DateValue::Day),
                (None, Some(y)) => Some(DateValue::Year(y)),
                (None, None) => None,
            },
        };
    }
    // No anchor: only what the text states outright.
    match (p.month, p.day) {
        (Some(m), Some(d)) if month_day_exists(m, d) => match p.weekday {
            Some(w) => {
                let last = today.year();
                (last.saturating_sub(28)..=last)
                    .rev()
                    .filter_map(|y| ymd(y, m, d))
                    .find(|date| *date <= today && date.weekday() == w)
                    .map_or(Some(DateValue::MonthDay(m, d)), |date| Some(DateValue::Day(date)))
            }
            None => Some(DateValue::MonthDay(m, d)),
        },
        (Some(m), None) => Some(DateValue::Month(p.year?, valid_month(m)?)),
        (None, None) if p.weekday.is_none() => p.year.map(DateValue::Year),
        _ => None,
    }
}

/// Combines the partial dates reported for one event (strongest first) and resolves
/// them against the article's date (`anchor`) or, without one, against `today`.
///
/// The first part's fields win; later parts fill only the fields still missing, and a
/// later part that would contradict what is already fixed is ignored. See the module
/// tests for the rules by example.
pub fn resolve(parts: &[PartialDate], anchor: Option<NaiveDate>, today: NaiveDate) -> Option<DateValue> {
    let mut acc: Option<PartialDate> = None;
    for p in parts.iter().filter(|p| **p != PartialDate::default()) {
        acc = Some(match acc {
            None => *p,
            Some(a) => {
                let cand = fill(a, p);
                if cand != a && consistent(&cand, anchor) { cand } else { a }
            }
        });
    }
    resolve_one(&acc?, anchor, today)
}

// ---------------------------------------------------------------------------
// publication_date
// ---------------------------------------------------------------------------

/// The longest a publication-date line may be, in chars.
const PUBLICATION_LINE_MAX: usize = 80;
/// The longest value a metadata label may carry (来源:新华网).
const META_VALUE_MAX: usize = 40;

/// A full date with a year: numeric, Chinese or English.
static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<y1>\d{{4}})(?P<s1>[-/.])(?P<m1>\d{{1,2}})(?P<s2>[-/.])(?P<d1>\d{{1,2}})|(?P<y2>\d{{4}})年\s*(?P<m2>\d{{1,2}})月\s*(?P<d2>\d{{1,2}})日|(?-u:\b)(?P<mon3>{EN_MONTH})\s*(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y3>\d{{4}})(?-u:\b)|(?-u:\b)(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon4>{EN_MONTH}),?\s+(?P<y4>\d{{4}})(?-u:\b)"
    ))
    .expect("valid regex")
});

/// A clock time, a time zone or a weekday: what may stand next to a publication date.
static META_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:\d{{1,2}}[:时]\d{{1,2}}(?:[:分]\d{{1,2}}秒?|分)?(?:\s*(?:am|pm|a\.m\.|p\.m\.)(?-u:\b))?|(?:utc|gmt)?[+-]\d{{1,2}}(?::?\d{{2}})?|(?:utc|gmt|bst|cst|est|edt|et|pt|pst|pdt|cet|cest|jst|kst|msk|hkt|sgt|bjt)(?-u:\b)|北京时间|(?:星期|周|礼拜)[一二三四五六日天]|(?:{EN_WEEKDAY}|mon|tue|wed|thu|fri|sat|sun)(?-u:\b)\.?)"
    ))
    .expect("valid regex")
});

/// Labels of page metadata, longest first where one is a prefix of another.
const META_LABELS: &[&str] = &[
    "发布时间",
    "发布日期",
    "发表时间",
    "发表日期",
    "更新时间",
    "最后更新",
    "最近更新",
    "修改时间",
    "录入时间",
    "责任编辑",
    "浏览次数",
    "点击数",
    "点击量",
    "点击率",
    "浏览量",
    "阅读量",
    "阅读数",
    "分享到",
    "发布",
    "发表",
    "更新",
    "时间",
    "日期",
    "来源",
    "稿源",
    "出处",
    "作者",
    "记者",
    "编辑",
    "责编",
    "编审",
    "审核",
    "校对",
    "点击",
    "浏览",
    "阅读",
    "字号",
    "字体",
    "打印",
    "分享",
    "收藏",
    "评论",
    "关闭",
    "published on",
    "published",
    "posted on",
    "posted",
    "updated on",
    "last updated",
    "updated",
    "last modified",
    "modified",
    "edited by",
    "editor",
    "date",
    "time",
    "sources",
    "source",
    "authors",
    "author",
    "reporter",
    "by",
    "views",
    "reads",
    "comments",
    "share",
    "print",
    "font size",
];

fn is_separator(c: char) -> bool {
    c.is_whitespace() || "|/·•-—–_:,;()[]【】<>~丨、.*+".contains(c)
}

/// The label that starts `s` (an English one must start and end on a word boundary).
fn label_at(s: &str, before: Option<char>) -> Option<usize> {
    META_LABELS.iter().find_map(|l| {
        if !s.starts_with(l) {
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
fn full_date_at(s: &str, pos: usize) -> Option<(NaiveDate, usize)> {
    let caps = FULL_DATE.captures_at(s, pos)?;
    let m = caps.get(0)?;
    (m.start() == pos).then_some(())?;
    Some((full_date_value(&caps)?, m.end()))
}

fn full_date_value(caps: &Captures) -> Option<NaiveDate> {
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let (y, m, d) = if let Some(y) = caps.name("y1") {
        if caps.name("s1")?.as_str() != caps.name("s2")?.as_str() {
            return None;
        }
        (y.as_str(), num("m1")?, num("d1")?)
    } else if let Some(y) = caps.name("y2") {
        (y.as_str(), num("m2")?, num("d2")?)
    } else if let Some(y) = caps.name("y3") {
        (y.as_str(), en_month(caps.name("mon3")?.as_str())?, num("d3")?)
    } else {
        (caps.name("y4")?.as_str(), en_month(caps.name("mon4")?.as_str())?, num("d4")?)
    };
    ymd(year_number(y)?, m, d)
}

/// Whether `s` is nothing but page metadata: labels with short values, times, dates,
/// weekdays and separators.
fn is_metadata(s: &str) -> bool {
    let mut pos = 0;
    while pos < s.len() {
        let rest = &s[pos..];
        let before = prev_char(s, pos);
        if let Some(m) = META_TOKEN.find(rest)
            && !before.is_some_and(|c| c.is_ascii_alphanumeric())
        {
            pos += m.end();
        } else if let Some((_, end)) = full_date_at(s, pos) {
            pos = end;
        } else if let Some(len) = label_at(rest, before) {
            pos += len;
            // The label's value runs to the next bar, label, date or time.
            let mut count = 0;
            while pos < s.len() {
                let rest = &s[pos..];
                let before = prev_char(s, pos);
                if rest.starts_with('|')
                    || label_at(rest, before).is_some()
                    || full_date_at(s, pos).is_some()
                    || (before.is_none_or(|c| !c.is_ascii_alphanumeric())
                        && META_TOKEN.find(rest).is_some_and(|m| m.as_str().contains(':')))
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

/// If this line is a publication-date line of an article page, the date and the char span of the date.
///
/// The line must be short and hold nothing but the date and page metadata (a time,
/// 来源/source, 作者/author/by, 点击, 最后更新/updated, 编辑, separators); a sentence that
/// merely contains a date does not count. The first full date on the line is returned.
pub fn publication_date(line: &str) -> Option<(NaiveDate, usize, usize)> {
    if line.chars().count() > PUBLICATION_LINE_MAX {
        return None;
    }
    // Every form of FULL_DATE holds a `\d`: a line without a numeric character (a
    // superset of \d) has none, and most lines are skipped without running the regex.
    if !line.chars().any(|c| c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric())) {
        return None;
    }
    let mut found = Vec::new();
    scan(&FULL_DATE, line, &mut found, |caps| {
        let m = caps.get(0)?;
        let first = next_char(line, m.start())?;
        if first.is_ascii_digit() && prev_char(line, m.start()).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        if next_char(line, m.end()).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        Some((full_date_value(caps)?, m.start(), m.end()))
    });
    let &(date, start, end) = found.first()?;
    if !is_metadata(&line[..start]) || !is_metadata(&line[end..]) {
        return None;
    }
    Some((date, char_offset(line, start), char_offset(line, end)))
}

// ---------------------------------------------------------------------------
// dateline
// ---------------------------------------------------------------------------

/// 新华社俄罗斯喀山10月22日电(记者 郝薇薇), 中新社约翰内斯堡2月21日电, 本报北京4月9日讯.
static CN_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?P<all>[\p{{Han}}·]{{2,24}}?(?:(?P<y>\d{{4}})年)?(?P<m>\d{{1,2}}|{CN_MONTH})月(?P<d>\d{{1,2}}|{CN_DAY})日(?P<kind>电|讯)(?:\s*\([^()]{{0,60}}\))?)"
    ))
    .expect("valid regex")
});

/// kazan, russia, oct. 22 (xinhua) --; beijing, april 9, 2024 (reuters) -
static EN_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let word = r"[a-z][a-z.'’-]*";
    Regex::new(&format!(
        r"^\s*(?P<all>{word}(?:\s+{word}){{0,3}}(?:,\s*{word}(?:\s+{word}){{0,3}}){{0,3}},\s*(?P<mon>{EN_MONTH})\s*(?P<d>\d{{1,2}})(?-u:\b)(?:,\s*(?P<y>\d{{4}}))?(?P<agency>\s*\([a-z][a-z .&/-]{{0,30}}\))?(?P<dash>\s*(?:--|—|–|-))?)"
    ))
    .expect("valid regex")
});

/// What after 电 makes it a word (电话, 电贺), not the end of a dateline.
fn dian_blocked_after(c: char) -> bool {
    "话贺唁报视力影子网池动商台信器脑站邮梯车价厂缆线气文码令息".contains(c)
}

/// If this line opens with a news dateline, what it says (and its char span).
///
/// Chinese (`新华社北京4月9日电(记者 ...)`) and English (`beijing, april 9 (xinhua) --`)
/// datelines are recognised; one without a date (`moscow (reuters) -`) gives `None`.
pub fn dateline(line: &str) -> Option<(PartialDate, usize, usize)> {
    if let Some(c) = CN_DATELINE.captures(line) {
        let all = c.name("all")?;
        let kind_end = c.name("kind")?.end();
        if all.end() == kind_end && next_char(line, kind_end).is_some_and(dian_blocked_after) {
            return None;
        }
        let year = match c.name("y") {
            Some(y) => Some(year_number(y.as_str())?),
            None => None,
        };
        let month = valid_month(number(c.name("m")?.as_str())?)?;
        let day = valid_day(number(c.name("d")?.as_str())?)?;
        if !month_day_exists(month, day) {
            return None;
        }
        let date = PartialDate { year, month: Some(month), day: Some(day), ..PartialDate::default() };
        return Some((date, char_offset(line, all.start()), char_offset(line, all.end())));
    }
    let c = EN_DATELINE.captures(line)?;
    if c.name("agency").is_none() && c.name("dash").is_none() {
        return None;
    }
    let all = c.name("all")?;
    let year = match c.name("y") {
        Some(y) => Some(year_number(y.as_str())?),
        None => None,
    };
    let month = en_month(c.name("mon")?.as_str())?;
    let day = valid_day(c.name("d")?.as_str().parse().ok()?)?;
    if !month_day_exists(month, day) {
        return None;
    }
    let date = PartialDate { year, month: Some(month), day: Some(day), ..PartialDate::default() };
    Some((date, char_offset(line, all.start()), char_offset(line, all.end())))
}

// ---------------------------------------------------------------------------
// tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday::*;

    const ANCHOR: &str = "2024-04-10";
    const TODAY: &str = "2026-11-20";

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    /// A partial date, built field by field.
    #[derive(Clone, Copy, Default)]
    struct P(PartialDate);

    fn p() -> P {
        P::default()
    }

    impl P {
        fn y(mut self, y: i32) -> P {
            self.0.year = Some(y);
            self
        }
        fn m(mut self, m: u32) -> P {
            self.0.month = Some(m);
            self
        }
        fn d(mut self, d: u32) -> P {
            self.0.day = Some(d);
            self
        }
        fn wd(mut self, w: Weekday) -> P {
            self.0.weekday = Some(w);
            self
        }
        fn yo(mut self, o: i32) -> P {
            self.0.year_offset = Some(o);
            self
        }
        fn dof(mut self, o: i32) -> P {
            self.0.day_offset = Some(o);
            self
        }
    }

    /// Every expression found in `text`, as (the text it covers, its value).
    fn found(text: &str) -> Vec<(String, PartialDate)> {
        find_time_exprs(text)
            .into_iter()
            .map(|e| (text.chars().skip(e.start).take(e.end - e.start).collect(), e.date))
            .collect()
    }

    /// Checks that `text` holds exactly the `expected` expressions, in order.
    fn check(text: &str, expected: &[(&str, P)]) {
        let want: Vec<(String, PartialDate)> = expected.iter().map(|(s, d)| (s.to_string(), d.0)).collect();
        assert_eq!(found(text), want, "in {text:?}");
    }

    /// Checks that `text` holds no time expression at all.
    fn none(text: &str) {
        assert_eq!(found(text), vec![], "in {text:?}");
    }

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
        check("本周二", &[("周二", p().wd(Tue))]);
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
        none("上周二");
        none("下周二");
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

    fn anchor() -> Option<NaiveDate> {
        Some(date(ANCHOR))
    }

    /// Resolves the first expression of each text, strongest first.
    fn res(texts: &[&str], anchor: Option<NaiveDate>) -> Option<String> {
        let parts: Vec<PartialDate> = texts
            .iter()
            .map(|t| find_time_exprs(t).first().unwrap_or_else(|| panic!("no expression in {t:?}")).date)
            .collect();
        resolve(&parts, anchor, date(TODAY)).map(|v| v.iso())
    }

    #[test]
    fn resolutions_required() {
        let cases: &[(&[&str], Option<&str>, Option<&str>)] = &[
            (&["4月9日下午"], Some("2024-04-10"), Some("2024-04-09")),
            (&["当地时间10月22日下午"], Some("2024-10-23"), Some("2024-10-22")),
            (&["26日下午"], Some("2024-04-26"), Some("2024-04-26")),
            (&["周二"], Some("2023-03-21"), Some("2023-03-21")),
            (&["on tuesday"], Some("2024-04-10"), Some("2024-04-09")),
            (&["去年"], Some("2024-04-26"), Some("2023")),
            (&["当地时间2月20日"], Some("2025-02-21"), Some("2025-02-20")),
            (&["7月3日", "on wednesday"], None, Some("2024-07-03")),
            (&["7月3日"], None, Some("--07-03")),
            (&["on wednesday"], None, None),
            (&["12月30日"], Some("2025-01-02"), Some("2024-12-30")),
        ];
        for (texts, anchor, want) in cases {
            assert_eq!(res(texts, anchor.map(date)).as_deref(), *want, "{texts:?} at {anchor:?}");
        }
    }

    #[test]
    fn resolutions_more() {
        let no: Option<&str> = None;
        let cases: &[(&[&str], Option<NaiveDate>, Option<&str>)] = &[
            // explicit full dates need no anchor
            (&["2024年4月9日"], None, Some("2024-04-09")),
            (&["oct 22, 2024"], None, Some("2024-10-22")),
            (&["2024年"], None, Some("2024")),
            (&["april 2024"], None, Some("2024-04")),
            // relative days and years
            (&["昨天"], anchor(), Some("2024-04-09")),
            (&["前天"], anchor(), Some("2024-04-08")),
            (&["明天"], anchor(), Some("2024-04-11")),
            (&["yesterday"], Some(date("2024-03-01")), Some("2024-02-29")),
            (&["今年5月"], anchor(), Some("2024-05")),
            (&["last year"], anchor(), Some("2023")),
            (&["去年12月"], anchor(), Some("2023-12")),
            (&["去年4月9日"], anchor(), Some("2023-04-09")),
            // month-days and bare days near the anchor
            (&["4月17日"], anchor(), Some("2024-04-17")),
            (&["4月18日"], anchor(), Some("2023-04-18")),
            (&["17日"], anchor(), Some("2024-04-17")),
            (&["18日"], anchor(), Some("2024-03-18")),
            (&["3日"], Some(date("2024-01-02")), Some("2024-01-03")),
            (&["30日"], Some(date("2024-01-02")), Some("2023-12-30")),
            (&["31日"], Some(date("2024-04-30")), Some("2024-03-31")),
            // month only
            (&["in may"], anchor(), Some("2024-05")),
            (&["in june"], anchor(), Some("2023-06")),
            (&["in may"], Some(date("2024-03-15")), Some("2023-05")),
            (&["12月份"], Some(date("2025-01-02")), Some("2024-12")),
            // weekdays
            (&["星期天"], anchor(), Some("2024-04-07")),
            (&["周三"], anchor(), Some("2024-04-10")),
            // without an anchor, only what the text states
            (&["昨天"], None, no),
            (&["去年"], None, no),
            (&["in may"], None, no),
            (&["26日"], None, no),
            (&["4月9日(星期二)"], None, Some("2024-04-09")),
            // invalid dates
            (&["2月30日"], anchor(), no),
            (&["2月30日"], None, no),
            (&["2月29日"], Some(date("2025-03-01")), Some("2024-02-29")),
            (&["2023年2月29日"], None, no),
        ];
        for (texts, anchor, want) in cases {
            assert_eq!(res(texts, *anchor).as_deref(), *want, "{texts:?} at {anchor:?}");
        }
    }

    #[test]
    fn combining_parts() {
        let a = anchor();
        // later parts fill what is missing
        assert_eq!(res(&["9日", "2023年"], a).as_deref(), Some("2024-04-09"));
        assert_eq!(res(&["4月9日", "2023年"], a).as_deref(), Some("2023-04-09"));
        assert_eq!(res(&["周二", "4月9日"], a).as_deref(), Some("2024-04-09"));
        // a later weekday that does not fit a complete date is ignored
        assert_eq!(res(&["2024年4月9日", "周三"], None).as_deref(), Some("2024-04-09"));
        // ... and a later date that does not fit the weekday
        assert_eq!(res(&["周二", "4月8日"], a).as_deref(), Some("2024-04-09"));
        // a later date that contradicts the day offset is ignored
        assert_eq!(res(&["昨天", "4月3日"], a).as_deref(), Some("2024-04-09"));
        // the first part's fields win
        assert_eq!(res(&["4月9日", "5月3日"], a).as_deref(), Some("2024-04-09"));
        // without an anchor, a later weekday picks the year of a month-day
        let parts = [p().m(7).d(3).0, p().wd(Mon).0];
        assert_eq!(resolve(&parts, None, date(TODAY)), Some(DateValue::Day(date("2023-07-03"))));
        // empty input
        assert_eq!(resolve(&[], a, date(TODAY)), None);
        assert_eq!(resolve(&[PartialDate::default()], a, date(TODAY)), None);
    }

    #[test]
    fn relative_weeks_and_months() {
        let wk = |o: i32| P(PartialDate { week_offset: Some(o), ..PartialDate::default() });
        let mo = |o: i32| P(PartialDate { month_offset: Some(o), ..PartialDate::default() });
        check("上周", &[("上周", wk(-1))]);
        check("本周", &[("本周", wk(0))]);
        check("下个星期", &[("下个星期", wk(1))]);
        check("本月晚些时候", &[("本月", mo(0))]);
        check("上个月", &[("上个月", mo(-1))]);
        check("met last week", &[("last week", wk(-1))]);
        check("later this month", &[("later this month", mo(0))]);
        check("next month", &[("next month", mo(1))]);
        none("基本月薪");
        // Clock times: with a day they widen it, alone they mean the day written about.
        check("9日下午3点", &[("9日下午3点", p().d(9))]);
        check("15日9时30分", &[("15日9时30分", p().d(15))]);
        let today0 = P(PartialDate { day_offset: Some(0), ..PartialDate::default() });
        check("下午3点", &[("下午3点", today0)]);
        check("9时30分", &[("9时30分", P(PartialDate { day_offset: Some(0), ..PartialDate::default() }))]);
        none("双方达成3点共识");
        let at = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let today = at(2026, 11, 20).unwrap();
        let r = |x: P, a| resolve(&[x.0], a, today);
        // Last week of Thursday 30 Nov 2023: 20-26 Nov.
        assert_eq!(r(wk(-1), at(2023, 11, 30)), Some(DateValue::Month(2023, 11)));
        // Last week of Wednesday 6 Mar 2024: 26 Feb - 3 Mar spans two months.
        assert_eq!(r(wk(-1), at(2024, 3, 6)), Some(DateValue::Year(2024)));
        // Last week of Friday 3 Jan 2025: 23-29 Dec 2024.
        assert_eq!(r(wk(-1), at(2025, 1, 3)), Some(DateValue::Month(2024, 12)));
        assert_eq!(r(mo(-1), at(2025, 1, 15)), Some(DateValue::Month(2024, 12)));
        assert_eq!(r(mo(1), at(2025, 12, 15)), Some(DateValue::Month(2026, 1)));
        // A day from elsewhere does not make "last week" a day.
        let day = PartialDate { day: Some(5), ..PartialDate::default() };
        assert_eq!(resolve(&[wk(-1).0, day], at(2023, 11, 30), today), Some(DateValue::Month(2023, 11)));
    }

    #[test]
    fn resolve_never_panics() {
        let extreme = [
            p().y(i32::MAX).m(1).d(1),
            p().yo(i32::MAX),
            p().yo(i32::MIN).m(3),
            p().dof(i32::MAX),
            p().dof(i32::MIN),
            p().m(0).d(0),
            p().m(13),
            p().d(99),
            p().m(2).d(29).wd(Mon),
        ];
        let anchors = [None, Some(NaiveDate::MIN), Some(NaiveDate::MAX), anchor()];
        let mut resolved = 0;
        for a in anchors {
            for x in extreme {
                for y in extreme {
                    resolved += usize::from(resolve(&[x.0, y.0], a, date(TODAY)).is_some());
                }
            }
        }
        // Feb 29 on a Monday exists (2016-02-29); that combination must resolve.
        assert!(resolved > 0);
        assert_eq!(resolve(&[p().m(2).d(29).wd(Mon).0], None, date(TODAY)), Some(DateValue::Day(date("2016-02-29"))));
        assert_eq!(resolve(&[p().dof(i32::MAX).0], anchor(), date(TODAY)), None);
        assert_eq!(resolve(&[p().m(13).0], anchor(), date(TODAY)), None);
    }

    #[test]
    fn iso_forms() {
        assert_eq!(DateValue::Day(date("2024-04-09")).iso(), "2024-04-09");
        assert_eq!(DateValue::Month(2024, 4).iso(), "2024-04");
        assert_eq!(DateValue::Year(2024).iso(), "2024");
        assert_eq!(DateValue::MonthDay(4, 9).iso(), "--04-09");
    }

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
}
