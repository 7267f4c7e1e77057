//! Dates: finding time expressions in news text and resolving them against the
//! article's date.
//!
//! **Input.** Normalised text (see [`crate::normalise`]): Simplified Chinese,
//! half-width digits and punctuation (`:` `(` `2024`), lowercase Latin. Nothing here
//! folds case or width again, so un-normalised text simply matches less. The words of
//! the grammar (weekdays, parts of the day, relative days, month names, numerals, page
//! labels) come from the lexicon (`lexicon/*/dates.toml`); the grammar is code.
//!
//! **Output.**
//! - [`DateGrammar`] ([`grammar`]): the grammar compiled with a lexicon's tables, once
//!   per pipeline; [`default_grammar`] is the one of the built-in lexicon.
//! - [`DateGrammar::find_time_exprs`] ([`find`]): every time expression in a text, as a
//!   [`TimeExpr`] — a char span plus a [`PartialDate`] saying what the expression states.
//! - [`resolve`] ([`mod@resolve`]): combines the partial dates reported for one event and
//!   resolves them against the article's date (the *anchor*) into a [`DateValue`].
//! - [`DateGrammar::publication_date`] and [`DateGrammar::dateline`] ([`dateline`]): the
//!   date lines of an article page and of a news story.
//! - The free functions [`find_time_exprs`], [`publication_date`] and [`dateline`] do
//!   the same with the built-in lexicon.
//!
//! **Invariants.**
//! - Every offset is a char (code point) offset into the string the function was given,
//!   and `start < end`; time expressions come in order and never overlap (where
//!   candidates overlap, the longest wins).
//! - Nothing here panics, whatever the input: invalid dates (`2月30日`, month 13),
//!   absurd offsets or years all come out as "no date" (`None` / no expression).
//! - Regular expressions are compiled once per grammar, never per document.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};

pub mod dateline;
pub mod find;
pub mod grammar;
pub mod resolve;

pub use grammar::DateGrammar;
pub use resolve::resolve;

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

impl PartialDate {
    /// A month and nothing else ("in June", 6月): no day, weekday, year or offset.
    pub fn month_alone(&self) -> bool {
        self.month.is_some()
            && self.day.is_none()
            && self.weekday.is_none()
            && self.year.is_none()
            && self.year_offset.is_none()
            && self.day_offset.is_none()
            && self.month_offset.is_none()
            && self.week_offset.is_none()
    }
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

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Whether a month-day exists in some year (2月29日 does, 2月30日 does not).
fn month_day_exists(m: u32, d: u32) -> bool {
    ymd(2000, m, d).is_some()
}

fn valid_month(m: u32) -> Option<u32> {
    (1..=12).contains(&m).then_some(m)
}

fn valid_day(d: u32) -> Option<u32> {
    (1..=31).contains(&d).then_some(d)
}

fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// The grammar of the built-in lexicon ([`crate::pack`]), compiled on first use.
pub fn default_grammar() -> &'static DateGrammar {
    static DEFAULT: LazyLock<DateGrammar> = LazyLock::new(|| {
        let lx = crate::lexicon::Lexicon::from_sources(&crate::pack::lexicon_sources()).expect("the built-in lexicon loads (tested)");
        DateGrammar::new(&lx)
    });
    &DEFAULT
}

/// [`DateGrammar::find_time_exprs`] with the built-in lexicon.
pub fn find_time_exprs(text: &str) -> Vec<TimeExpr> {
    default_grammar().find_time_exprs(text)
}

/// [`DateGrammar::publication_date`] with the built-in lexicon.
pub fn publication_date(line: &str) -> Option<(NaiveDate, usize, usize)> {
    default_grammar().publication_date(line)
}

/// [`DateGrammar::dateline`] with the built-in lexicon.
pub fn dateline(line: &str) -> Option<(PartialDate, usize, usize)> {
    default_grammar().dateline(line)
}

/// What the tests of the submodules share: partial dates built field by field, and
/// checks of what a text holds.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    pub fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    /// A partial date, built field by field.
    #[derive(Clone, Copy, Default)]
    pub struct P(pub PartialDate);

    pub fn p() -> P {
        P::default()
    }

    impl P {
        pub fn y(mut self, y: i32) -> P {
            self.0.year = Some(y);
            self
        }
        pub fn m(mut self, m: u32) -> P {
            self.0.month = Some(m);
            self
        }
        pub fn d(mut self, d: u32) -> P {
            self.0.day = Some(d);
            self
        }
        pub fn wd(mut self, w: Weekday) -> P {
            self.0.weekday = Some(w);
            self
        }
        pub fn yo(mut self, o: i32) -> P {
            self.0.year_offset = Some(o);
            self
        }
        pub fn dof(mut self, o: i32) -> P {
            self.0.day_offset = Some(o);
            self
        }
        pub fn wo(mut self, o: i32) -> P {
            self.0.week_offset = Some(o);
            self
        }
    }

    /// Every expression found in `text`, as (the text it covers, its value).
    pub fn found(text: &str) -> Vec<(String, PartialDate)> {
        find_time_exprs(text)
            .into_iter()
            .map(|e| (text.chars().skip(e.start).take(e.end - e.start).collect(), e.date))
            .collect()
    }

    /// Checks that `text` holds exactly the `expected` expressions, in order.
    pub fn check(text: &str, expected: &[(&str, P)]) {
        let want: Vec<(String, PartialDate)> = expected.iter().map(|(s, d)| (s.to_string(), d.0)).collect();
        assert_eq!(found(text), want, "in {text:?}");
    }

    /// Checks that `text` holds no time expression at all.
    pub fn none(text: &str) {
        assert_eq!(found(text), vec![], "in {text:?}");
    }
}
