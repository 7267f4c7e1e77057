//! The date grammar compiled from the lexicon's word tables.
//!
//! **Input.** A [`Lexicon`]: the date lists of `lexicon/{zh,en,common}/dates.toml`
//! (weekdays, parts of the day, relative days, month names, numerals, page labels …;
//! index in `lexicon/README.md`).
//!
//! **Output.** A [`DateGrammar`]: the grammar's regular expressions with the tables'
//! words filled in, and the tables as lookups (word → value, character sets), for
//! [`super::find`] and [`super::dateline`].
//!
//! **Invariants.**
//! - The grammar (which pieces combine, and how) is this code; the words are data. What
//!   stays written here is the grammar's own material: the units after numbers (年, 月,
//!   日/号; clock 点, 时, 分, 秒, 半, 许), the classifier 个 (上个月), English ordinal
//!   endings, `week`/`month`/`year` after a relative word, `of`, am/pm, punctuation.
//! - Every word is escaped: a table never adds regex syntax. Alternatives are tried
//!   longest first, so a word that begins another never hides it; a space in an English
//!   word matches any run of white space (except in a bracketed time-zone note, as written).
//! - Built once per [`crate::extract::Pipeline`] (and once for the built-in lexicon,
//!   [`super::default_grammar`]), never per document.

use std::collections::HashMap;

use chrono::Weekday;
use regex::{Regex, RegexSet};

use crate::lexicon::{CharSet, Lexicon};

/// Years written with four digits are taken as years only in this range
/// (`5000年` is a span of time, not a year).
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2199;

/// The date grammar, with its word tables, compiled.
pub struct DateGrammar {
    // -- the tables, as the handlers read them --------------------------------------
    /// Chinese digits 〇 … 九 → 0 … 9.
    pub(super) digits: HashMap<char, u32>,
    /// Chinese numerals worth ten (十).
    pub(super) tens: CharSet,
    /// Every character of a Chinese number: digits, tens and `zh-number-chars`.
    pub(super) numeral_chars: CharSet,
    pub(super) weekday_numbers: HashMap<String, Weekday>,
    pub(super) not_weekdays: Vec<String>,
    pub(super) not_before_weekday: CharSet,
    pub(super) rel_days: HashMap<String, i32>,
    pub(super) not_before_rel_day: CharSet,
    pub(super) not_rel_days: Vec<String>,
    pub(super) rel_years: HashMap<String, i32>,
    pub(super) not_rel_years: Vec<String>,
    pub(super) not_after_year: CharSet,
    pub(super) rel_periods: HashMap<String, i32>,
    pub(super) not_before_this: CharSet,
    pub(super) not_after_clock: CharSet,
    pub(super) not_before_day: CharSet,
    pub(super) not_after_day: CharSet,
    pub(super) not_after_hao: CharSet,
    pub(super) not_after_dateline: CharSet,
    /// Page metadata labels, Chinese and English, longest first.
    pub(super) page_labels: Vec<String>,
    /// English months, full and abbreviated (without a dot) → 1 … 12.
    pub(super) en_months: HashMap<String, u32>,
    /// English weekdays, full and abbreviated → weekday.
    pub(super) en_weekdays: HashMap<String, Weekday>,
    pub(super) en_ambiguous: Vec<String>,
    /// English relative days, their words joined by one space.
    pub(super) en_rel_days: HashMap<String, i32>,
    pub(super) en_relative: HashMap<String, i32>,
    pub(super) en_may_followers: Vec<String>,
    // -- the finders (see `find::finders` for their order) ---------------------------
    pub(super) cn_clock: Regex,
    pub(super) cn_rel_period: Regex,
    pub(super) en_rel_period: Regex,
    pub(super) cn_ymd: Regex,
    pub(super) cn_md: Regex,
    pub(super) cn_d: Regex,
    pub(super) cn_year_range: Regex,
    pub(super) cn_weekday: Regex,
    pub(super) cn_rel_day: Regex,
    pub(super) numeric: Regex,
    pub(super) en_md: Regex,
    pub(super) en_dm: Regex,
    pub(super) en_weekday: Regex,
    pub(super) en_rel: Regex,
    pub(super) en_year: Regex,
    /// All finders in one automaton: one pass says which of them match anywhere in a
    /// text, so the others (most of them, in most documents) are not run at all.
    pub(super) finder_set: RegexSet,
    // -- what widens or vetoes a candidate -------------------------------------------
    /// What may precede a time expression and belongs to it (当地时间, on).
    pub(super) prefix: Regex,
    /// A weekday right after a date: 4月9日(星期二), 9日周二.
    pub(super) suffix_cn_weekday: Regex,
    /// A part of the day after a day: 下午, 晚, morning.
    pub(super) suffix_part_of_day: Regex,
    /// A time zone note after the expression: (当地时间).
    pub(super) suffix_zone: Regex,
    /// Words that precede a weekday and make it a future one (next tuesday).
    pub(super) en_future_before: Regex,
    /// A unit after "may 2" / "march 10" that makes the number a quantity, not a day.
    pub(super) en_unit_after: Regex,
    /// `on` right before a weekday abbreviation (on sat.).
    pub(super) en_on_before: Regex,
    // -- page date lines -------------------------------------------------------------
    /// A full date with a year: numeric, Chinese or English.
    pub(super) full_date: Regex,
    /// A clock time, a time zone or a weekday: what may stand next to a publication date.
    pub(super) meta_token: Regex,
    /// 新华社俄罗斯喀山10月22日电(记者 郝薇薇), 本报北京4月9日讯.
    pub(super) cn_dateline: Regex,
    /// kazan, russia, oct. 22 (xinhua) --; beijing, april 9, 2024 (reuters) -
    pub(super) en_dateline: Regex,
}

/// Weekday `n` of a table, 1 = Monday … 7 = Sunday (the lexicon checks the range).
fn weekday(n: i32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// A pattern that matches nothing (the alternation of an empty list).
const NOTHING: &str = r"[^\s\S]";

/// One word as a pattern: escaped; `(?-u:\b)` before one that starts with an ASCII
/// letter or digit when `bounded`; spaces as `\s+` when `spaced`.
fn word_re(w: &str, bounded: bool, spaced: bool) -> String {
    let mut p = regex::escape(w);
    if spaced {
        p = p.replace(' ', r"\s+");
    }
    if bounded && w.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        p = format!(r"(?-u:\b){p}");
    }
    p
}

/// The words as one non-capturing alternation, longest first (stable), each through `f`.
fn alt_with<'a>(words: impl IntoIterator<Item = &'a str>, f: impl Fn(&str) -> String) -> String {
    let mut ws: Vec<&str> = Vec::new();
    for w in words {
        if !ws.contains(&w) {
            ws.push(w);
        }
    }
    ws.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    if ws.is_empty() {
        return format!("(?:{NOTHING})");
    }
    format!("(?:{})", ws.iter().map(|w| f(w)).collect::<Vec<_>>().join("|"))
}

/// The words as one alternation, escaped, longest first.
fn alt<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    alt_with(words, |w| regex::escape(w))
}

/// English words as one alternation: a space matches any white space.
fn alt_spaced<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    alt_with(words, |w| word_re(w, false, true))
}

/// A character class of the characters given, in order.
fn class(chars: impl IntoIterator<Item = char>) -> String {
    let inner: String = chars.into_iter().map(|c| regex::escape(&c.to_string())).collect();
    if inner.is_empty() { NOTHING.to_string() } else { format!("[{inner}]") }
}

fn re(pattern: &str) -> Regex {
    // Every word is escaped, so only the grammar's own text could be invalid (tested).
    Regex::new(pattern).unwrap_or_else(|e| panic!("date grammar: {e}"))
}

impl DateGrammar {
    /// Compiles the grammar with the date tables of `lx`.
    pub fn new(lx: &Lexicon) -> DateGrammar {
        let words = |n: &str| lx.words(n).to_vec();
        let chars = |n: &str| lx.chars(n).clone();
        let values = |n: &str| lx.values(n).map(|(w, v)| (w.to_string(), v)).collect::<HashMap<String, i32>>();
        let first_char = |w: &str| w.chars().next();

        // Chinese numerals.
        let zh_digits: Vec<(char, i32)> = lx.values("zh-digits").filter_map(|(w, v)| Some((first_char(w)?, v))).collect();
        let digit_class = |lo: i32, hi: i32| class(zh_digits.iter().filter(|(_, v)| (lo..=hi).contains(v)).map(|&(c, _)| c));
        let ten = alt(lx.values("zh-digits").filter(|&(_, v)| v == 10).map(|(w, _)| w));
        let d19 = digit_class(1, 9);
        let cn_month = format!("{ten}{}?|{d19}", digit_class(1, 2));
        let cn_day = format!("{d3}{ten}{d1}?|{d2}{ten}{d19}?|{ten}{d19}?|{d19}", d1 = digit_class(1, 1), d2 = digit_class(2, 2), d3 = digit_class(3, 3));
        let mut tens = CharSet::default();
        let mut numeral_chars = lx.chars("zh-number-chars").clone();
        let mut digits = HashMap::new();
        for &(c, v) in &zh_digits {
            numeral_chars.insert(c);
            if v == 10 {
                tens.insert(c);
            } else {
                digits.insert(c, v as u32);
            }
        }

        // Chinese pieces.
        let range_sep = format!(r"\s*(?:{}|-|~|—|–)\s*", alt(lx.words("zh-range-words").iter().map(String::as_str)));
        let msuf = format!("(?P<msuf>{})", alt(lx.words("zh-month-suffixes").iter().map(String::as_str)));
        let month_group = format!("(?:(?P<mn>\\d{{1,2}})|(?P<mc>{cn_month}))月");
        let day_end = format!("(?:(?:\\d{{1,2}}|{cn_month})月)?(?:\\d{{1,2}}|{cn_day})[日号]");
        let day_group = format!("(?:(?P<dn>\\d{{1,2}})|(?P<dc>{cn_day}))(?:(?P<dsuf>[日号])(?:{range_sep}{day_end})?|{range_sep}{day_end})");
        let week = alt(lx.words("zh-week-words").iter().map(String::as_str));
        let wd_num = alt(lx.values("zh-weekday-numbers").map(|(w, _)| w));
        let rel_years = alt(lx.values("zh-relative-years").map(|(w, _)| w));
        let rel_periods = alt(lx.values("zh-relative-periods").map(|(w, _)| w));
        let rel_days = alt(lx.values("zh-relative-days").map(|(w, _)| w));
        let zh_parts = alt(lx.words("zh-parts-of-day").iter().map(String::as_str));
        let clock_parts = alt(lx.words("zh-clock-parts-of-day").iter().map(String::as_str));
        let year_digits = digit_class(0, 9);

        // English pieces.
        let en_full = alt(lx.values("en-months").map(|(w, _)| w));
        let abbrs: Vec<&str> = lx.values("en-month-abbreviations").map(|(w, _)| w).collect();
        let mut en_month = vec![format!("{en_full}(?-u:\\b)")];
        if abbrs.iter().any(|a| !a.ends_with('.')) {
            en_month.push(format!(r"{}(?:\.|(?-u:\b))", alt(abbrs.iter().copied().filter(|a| !a.ends_with('.')))));
        }
        if abbrs.iter().any(|a| a.ends_with('.')) {
            en_month.push(alt(abbrs.iter().copied().filter(|a| a.ends_with('.'))));
        }
        let en_month = en_month.join("|");
        let en_wd = alt(lx.values("en-weekdays").map(|(w, _)| w));
        let en_wd3 = alt(lx.values("en-weekdays").map(|(w, _)| w.char_indices().nth(3).map_or(w, |(i, _)| &w[..i])));
        let en_wd_abbr = alt(lx.values("en-weekday-abbreviations").map(|(w, _)| w));
        let en_rel = alt(lx.values("en-relative").map(|(w, _)| w));
        let en_last = alt(lx.values("en-relative").filter(|&(_, v)| v == -1).map(|(w, _)| w));
        let en_rel_days = alt_spaced(lx.values("en-relative-days").map(|(w, _)| w));
        let en_range = alt(lx.words("en-range-words").iter().map(String::as_str));
        let en_parts = alt(lx.words("en-parts-of-day").iter().map(String::as_str));
        let period_parts: Vec<&str> = lx.words("en-period-parts").iter().map(String::as_str).collect();
        let qual = alt(period_parts.iter().copied().chain(lx.values("en-relative").map(|(w, _)| w)));
        let year_leads = alt(lx.words("en-year-leads").iter().map(String::as_str).chain(period_parts.iter().copied()));
        let month_leads = alt(lx.words("en-month-leads").iter().map(String::as_str));
        let period_leads = alt(lx.words("en-period-leads").iter().map(String::as_str));
        let future = alt(lx.words("en-future-weekday-leads").iter().map(String::as_str));
        let day_leads = alt(lx.words("en-day-leads").iter().map(String::as_str));
        let units = alt_spaced(lx.words("en-units").iter().map(String::as_str));
        let time_notes: Vec<&str> = lx.words("zh-time-notes").iter().chain(lx.words("en-time-notes")).map(String::as_str).collect();
        let prefix_words = alt_with(time_notes.iter().copied().chain(lx.words("en-day-leads").iter().map(String::as_str)), |w| word_re(w, true, true));
        let zones = alt_with(lx.words("page-zones").iter().map(String::as_str), |w| {
            let e = regex::escape(w);
            if w.ends_with(|c: char| c.is_ascii_alphanumeric()) { format!(r"{e}(?-u:\b)") } else { e }
        });
        let en_word = r"[a-z][a-z.'’-]*";

        let mut page_labels: Vec<String> = words("zh-page-labels").into_iter().chain(words("en-page-labels")).collect();
        page_labels.sort_by_key(|l| std::cmp::Reverse(l.chars().count()));

        let mut en_months: HashMap<String, u32> = HashMap::new();
        for (w, v) in lx.values("en-months").chain(lx.values("en-month-abbreviations")) {
            en_months.entry(w.trim_end_matches('.').to_string()).or_insert(v as u32);
        }
        let mut en_weekdays: HashMap<String, Weekday> = HashMap::new();
        for (w, v) in lx.values("en-weekdays").chain(lx.values("en-weekday-abbreviations")) {
            en_weekdays.entry(w.to_string()).or_insert(weekday(v));
        }
        let en_rel_days_map = lx.values("en-relative-days").map(|(w, v)| (w.split_whitespace().collect::<Vec<_>>().join(" "), v)).collect();

        let mut g = DateGrammar {
            digits,
            tens,
            numeral_chars,
            weekday_numbers: lx.values("zh-weekday-numbers").map(|(w, v)| (w.to_string(), weekday(v))).collect(),
            not_weekdays: words("zh-not-weekdays"),
            not_before_weekday: chars("zh-not-before-weekday"),
            rel_days: values("zh-relative-days"),
            not_before_rel_day: chars("zh-not-before-relative-day"),
            not_rel_days: words("zh-not-relative-days"),
            rel_years: values("zh-relative-years"),
            not_rel_years: words("zh-not-relative-years"),
            not_after_year: chars("zh-not-after-year"),
            rel_periods: values("zh-relative-periods"),
            not_before_this: chars("zh-not-before-this"),
            not_after_clock: chars("zh-not-after-clock"),
            not_before_day: chars("zh-not-before-day"),
            not_after_day: chars("zh-not-after-day"),
            not_after_hao: chars("zh-not-after-hao"),
            not_after_dateline: chars("zh-not-after-dateline"),
            page_labels,
            en_months,
            en_weekdays,
            en_ambiguous: words("en-ambiguous-abbreviations"),
            en_rel_days: en_rel_days_map,
            en_relative: values("en-relative"),
            en_may_followers: words("en-may-followers"),

            // Chinese dates that start with a year: 2024年4月9日, 二〇二四年, 去年12月.
            cn_ymd: re(&format!(
                "(?:(?:(?P<yn>\\d{{4}})|(?P<yc>{year_digits}{{4}}))年|(?P<yr>{rel_years}))(?:{month_group}(?:{day_group}|{msuf})?)?"
            )),
            // Chinese dates that start with a month: 4月9日, 十月二十二日, 5月份, 10月中旬.
            cn_md: re(&format!("{month_group}(?:{day_group}|{msuf})?")),
            // A bare Chinese day: 26日, 9号, 二十六日, 26日至28日, 26-28日, and Taiwan's
            // 今（20）日 / 昨（19）日 (the day in brackets).
            cn_d: re(&format!("(?:(?:{rel_days}|今)?\\((?P<dp>\\d{{1,2}})\\)日|{day_group})")),
            // A range of years: 2022-2023年, 2022年至2023年 (the first year is meant).
            cn_year_range: re(&format!("(?P<yn>\\d{{4}})年?{range_sep}\\d{{4}}年")),
            // A Chinese weekday: 周二, 星期二, 礼拜天.
            cn_weekday: re(&format!("{week}(?P<a>{wd_num})")),
            // Chinese relative days: 今天, 昨天, 昨晚 ...
            cn_rel_day: re(&rel_days),
            // Chinese relative weeks and months: 上周, 本周, 下周, 上个月, 本月, 下个月.
            cn_rel_period: re(&format!("(?P<w>{rel_periods})个?{week}|(?P<m>{rel_periods})个?月")),
            // English relative weeks and months: last week, later this month, next month.
            en_rel_period: re(&format!(r"(?-u:\b)(?:{period_leads}\s+)?(?P<q>{en_rel})\s+(?P<u>week|month)(?-u:\b)")),
            // Numeric dates: 2024-04-10, 2024/4/10, 2024.04.10.
            numeric: re(r"(?P<y>\d{4})(?P<s1>[-/.])(?P<m>\d{1,2})(?P<s2>[-/.])(?P<d>\d{1,2})"),
            // English month first: april 9, oct. 22, 2024, in may, mid-april, april 2024,
            // tuesday, april 9.
            en_md: re(&format!(
                r"(?-u:\b)(?:(?P<pre>{month_leads})\s+)?(?:(?P<qual>{qual})(?:\s+|-))?(?:(?P<wd>{en_wd}),?\s+)?(?P<mon>{en_month})(?:\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:\s*(?:-|–|—|{en_range})\s*\d{{1,2}}(?:st|nd|rd|th)?(?-u:\b))?)?(?:,?\s+(?P<year>\d{{4}})(?-u:\b))?"
            )),
            // English day first: 22 october 2024, 9th of april, tuesday, 9 april.
            en_dm: re(&format!(
                r"(?-u:\b)(?:(?P<wd>{en_wd}),?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<mon>{en_month})(?:,?\s+(?P<year>\d{{4}})(?-u:\b))?"
            )),
            // English weekdays: tuesday, last tuesday, tues., wed.
            en_weekday: re(&format!(r"(?-u:\b)(?:{en_last}\s+)?(?P<wd>{en_wd})(?-u:\b)|(?-u:\b)(?P<ab>{en_wd_abbr})\.")),
            // English relative expressions: yesterday, last year, this morning ...
            en_rel: re(&format!(r"(?-u:\b)(?:(?P<day>{en_rel_days})|(?P<yr>{en_rel})\s+year)(?-u:\b)")),
            // English years after a preposition: in 2023, since 2019, mid-2024.
            en_year: re(&format!(r"(?-u:\b){year_leads}(?:\s+|-)(?P<year>\d{{4}})(?-u:\b)")),
            // A clock time standing alone (下午3点, 9时30分): the day the text is about.
            cn_clock: re(&format!(r"{clock_parts}?\d{{1,2}}(?:时\d{{1,2}}分|时许|点半|点\d{{1,2}}分|点)")),
            finder_set: RegexSet::empty(),

            prefix: re(&format!(r"{prefix_words}[\s,]*$")),
            suffix_cn_weekday: re(&format!(r"^\s*(?:\({week}(?P<a>{wd_num})\)|{week}(?P<b>{wd_num}))")),
            suffix_part_of_day: re(&format!(
                r"^(?:{zh_parts}(?:\d{{1,2}}(?:[点时](?:\d{{1,2}}分|半)?|:\d{{2}}))?|\d{{1,2}}(?:[点时](?:\d{{1,2}}分|半)?)|\s+{en_parts}(?-u:\b))"
            )),
            suffix_zone: re(&format!(r"^\s*\({}\)", alt(time_notes.iter().copied()))),
            en_future_before: re(&format!(r"(?-u:\b){future}\s+$")),
            en_unit_after: re(&format!(r"^\s*(?:%|{units}(?-u:\b))")),
            en_on_before: re(&format!(r"(?-u:\b){day_leads}\s+$")),

            full_date: re(&format!(
                r"(?P<y1>\d{{4}})(?P<s1>[-/.])(?P<m1>\d{{1,2}})(?P<s2>[-/.])(?P<d1>\d{{1,2}})|(?P<y2>\d{{4}})年\s*(?P<m2>\d{{1,2}})月\s*(?P<d2>\d{{1,2}})日|(?-u:\b)(?P<mon3>{en_month})\s*(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y3>\d{{4}})(?-u:\b)|(?-u:\b)(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon4>{en_month}),?\s+(?P<y4>\d{{4}})(?-u:\b)"
            )),
            meta_token: re(&format!(
                r"^(?:\d{{1,2}}[:时]\d{{1,2}}(?:[:分]\d{{1,2}}秒?|分)?(?:\s*(?:am|pm|a\.m\.|p\.m\.)(?-u:\b))?|(?:utc|gmt)?[+-]\d{{1,2}}(?::?\d{{2}})?|{zones}|{week}{wd_num}|(?:{en_wd}|{en_wd3})(?-u:\b)\.?)"
            )),
            cn_dateline: re(&format!(
                r"^\s*(?P<all>[\p{{Han}}·]{{2,24}}?(?:(?P<y>\d{{4}})年)?(?P<m>\d{{1,2}}|{cn_month})月(?P<d>\d{{1,2}}|{cn_day})日(?P<kind>{marks})(?:\s*\([^()]{{0,60}}\))?)",
                marks = alt(lx.words("zh-dateline-marks").iter().map(String::as_str)),
            )),
            en_dateline: re(&format!(
                r"^\s*(?P<all>{w}(?:\s+{w}){{0,3}}(?:,\s*{w}(?:\s+{w}){{0,3}}){{0,3}},\s*(?P<mon>{en_month})\s*(?P<d>\d{{1,2}})(?-u:\b)(?:,\s*(?P<y>\d{{4}}))?(?P<agency>\s*\([a-z][a-z .&/-]{{0,30}}\))?(?P<dash>\s*(?:--|—|–|-))?)",
                w = en_word,
            )),
        };
        g.finder_set = RegexSet::new(g.finders().iter().map(|(re, _)| re.as_str())).unwrap_or_else(|e| panic!("date grammar: {e}"));
        g
    }

    /// Whether `c` is a character of a Chinese number.
    pub(super) fn is_cn_numeral(&self, c: char) -> bool {
        self.numeral_chars.contains(c)
    }

    /// A small Chinese numeral: 一 … 九十九 (十, 十六, 二十, 二十六).
    fn cn_small(&self, s: &str) -> Option<u32> {
        let cs: Vec<char> = s.chars().collect();
        let ten = |c: char| self.tens.contains(c);
        let digit = |c: char| self.digits.get(&c).copied();
        match cs.as_slice() {
            [t] if ten(*t) => Some(10),
            [t, b] if ten(*t) => Some(10 + digit(*b)?),
            [a, t] if ten(*t) => Some(digit(*a)? * 10),
            [a, t, b] if ten(*t) => Some(digit(*a)? * 10 + digit(*b)?),
            [a] => digit(*a),
            _ => None,
        }
    }

    /// A year written digit by digit in Chinese numerals: 二〇二四.
    fn cn_year(&self, s: &str) -> Option<i32> {
        s.chars().try_fold(0i32, |acc, c| Some(acc * 10 + *self.digits.get(&c)? as i32))
    }

    /// A number written with digits, or a small Chinese numeral.
    pub(super) fn number(&self, s: &str) -> Option<u32> {
        if s.bytes().all(|b| b.is_ascii_digit()) { s.parse().ok() } else { self.cn_small(s) }
    }

    /// A year in digits or Chinese numerals, within [`YEARS`].
    pub(super) fn year_number(&self, s: &str) -> Option<i32> {
        let y = if s.bytes().all(|b| b.is_ascii_digit()) { s.parse().ok()? } else { self.cn_year(s)? };
        YEARS.contains(&y).then_some(y)
    }

    /// An English month name or abbreviation (with or without its dot).
    pub(super) fn en_month(&self, s: &str) -> Option<u32> {
        self.en_months.get(s.trim_end_matches('.')).copied()
    }

    /// An English weekday name or abbreviation.
    pub(super) fn en_weekday(&self, s: &str) -> Option<Weekday> {
        self.en_weekdays.get(s).copied()
    }

    /// A weekday number after a Chinese week word (二, 日, 天).
    pub(super) fn cn_weekday(&self, s: &str) -> Option<Weekday> {
        self.weekday_numbers.get(s).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_escaped_and_tried_longest_first() {
        assert_eq!(alt(["a", "a.b", "ab"]), r"(?:a\.b|ab|a)");
        assert_eq!(alt_spaced(["per cent", "percent"]), r"(?:per\s+cent|percent)");
        assert_eq!(word_re("local time", true, true), r"(?-u:\b)local\s+time");
        assert_eq!(word_re("当地时间", true, true), "当地时间");
        assert_eq!(class(['-', '一']), r"[\-一]");
    }

    #[test]
    fn an_empty_list_matches_nothing() {
        let never = re(&alt(std::iter::empty::<&str>()));
        assert!(!never.is_match("") && !never.is_match("anything 今天"));
        assert!(!re(&class(std::iter::empty())).is_match("x"));
    }

    /// The built-in lexicon with one file's text changed.
    fn edited(file: &str, from: &str, to: &str) -> DateGrammar {
        let sources: Vec<(String, String)> = crate::pack::lexicon_sources()
            .into_iter()
            .map(|(p, t)| if p.ends_with(file) { assert!(t.contains(from), "{from}"); let t = t.replacen(from, to, 1); (p, t) } else { (p, t) })
            .collect();
        DateGrammar::new(&Lexicon::from_sources(&sources).expect("edited lexicon loads"))
    }

    #[test]
    fn the_tables_are_what_the_grammar_reads() {
        let dof = |g: &DateGrammar, text: &str| g.find_time_exprs(text).iter().map(|e| (e.start, e.end, e.date.day_offset)).collect::<Vec<_>>();
        assert_eq!(dof(super::super::default_grammar(), "大前天"), vec![(1, 3, Some(-2))]);
        let g = edited("zh/dates.toml", "\"前天 = -2\",", "\"前天 = -2\", \"大前天 = -3\",");
        assert_eq!(dof(&g, "大前天"), vec![(0, 3, Some(-3))]);
        let g = edited("en/dates.toml", "\"yesterday = -1\",", "\"yesterday = -1\", \"the other day = -2\",");
        assert_eq!(dof(&g, "met him the other  day."), vec![(8, 22, Some(-2))]);
        // A weekday number read from the table: 礼拜七 is Sunday once the table says so.
        let g = edited("zh/dates.toml", "\"天 = 7\"", "\"天 = 7\", \"七 = 7\"");
        assert_eq!(g.find_time_exprs("礼拜七").first().and_then(|e| e.date.weekday), Some(Weekday::Sun));
    }

    #[test]
    fn the_built_in_tables_compile() {
        let g = super::super::default_grammar();
        assert_eq!(g.number("二十六"), Some(26));
        assert_eq!(g.number("十"), Some(10));
        assert_eq!(g.year_number("二〇二四"), Some(2024));
        assert_eq!(g.year_number("5000"), None);
        assert_eq!(g.en_month("sept"), Some(9));
        assert_eq!(g.en_month("mar."), Some(3));
        assert_eq!(g.en_weekday("thurs"), Some(Weekday::Thu));
        assert!(g.is_cn_numeral('两') && g.is_cn_numeral('十') && !g.is_cn_numeral('年'));
        // Labels are tried longest first: 发布时间 before 发布.
        let i = |l: &str| g.page_labels.iter().position(|x| x == l);
        assert!(i("发布时间") < i("发布") && i("published on") < i("published"));
    }
}
