//! Resolving partial dates against the article's date.
//!
//! **Input.** The [`PartialDate`]s reported for one event, strongest first; the
//! article's date (the *anchor*), if known; today's date.
//!
//! **Output.** [`resolve`]: one [`DateValue`] at the precision the text supports (a day,
//! a month, a year, or a month-day without a year), or `None`.
//!
//! **Invariants.** The first part's fields win; a later part only fills missing fields
//! and is ignored when it contradicts them. Nothing here panics: absurd offsets or years,
//! invalid dates (`2月30日`, month 13) all resolve to `None`. No word tables: this is
//! arithmetic on the calendar.

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};

use super::{DateValue, PartialDate, month_day_exists, valid_day, valid_month, ymd};

fn add_days(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    d.checked_add_signed(TimeDelta::try_days(i64::from(n))?)
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
    // "last week" / 本月 stand alone: a day or month from elsewhere does not refine them
    // (a week's own weekday does: 上周二).
    if (p.week_offset.is_some() || p.month_offset.is_some())
        && (p.day.is_some()
            || p.month.is_some()
            || (p.weekday.is_some() && p.week_offset.is_none())
            || p.day_offset.is_some()
            || p.year.is_some())
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
            // 上周二: that week's day.
            if let Some(w) = p.weekday {
                return add_days(monday, w.num_days_from_monday() as i32).map(DateValue::Day);
            }
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
                // A week's weekday comes from one expression (上周二), never from two
                // (上星期 … 星期五).
                let week_day_apart = (a.week_offset.is_some() && a.weekday.is_none() && p.weekday.is_some())
                    || (a.weekday.is_some() && a.week_offset.is_none() && p.week_offset.is_some());
                // A part that names another month or year ("in February" … "Dec. 21, 2022")
                // speaks of another time: none of its fields fill this one.
                let differ = |x: Option<i32>, y: Option<i32>| x.is_some() && y.is_some() && x != y;
                let other_time = differ(a.month.map(|m| m as i32), p.month.map(|m| m as i32)) || differ(a.year, p.year);
                let cand = fill(a, p);
                if cand != a && !week_day_apart && !other_time && consistent(&cand, anchor) { cand } else { a }
            }
        });
    }
    resolve_one(&acc?, anchor, today)
}

#[cfg(test)]
mod tests {
    use super::super::find_time_exprs;
    use super::super::testing::{P, check, date, none, p};
    use super::*;
    use chrono::Weekday::*;

    const ANCHOR: &str = "2024-04-10";
    const TODAY: &str = "2026-11-20";

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
        // a part of another month or year fills nothing ("in February" … "Dec. 21, 2022")
        assert_eq!(res(&["2月", "2023年12月21日"], a).as_deref(), Some("2024-02"));
        assert_eq!(res(&["2月", "21日"], a).as_deref(), Some("2024-02-21"));
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
        // A weekday of a relative week is that week's day (anchor 2024-04-10, a Wednesday).
        let a = anchor();
        let wkd = |o: i32, w: Weekday| P(PartialDate { week_offset: Some(o), weekday: Some(w), ..PartialDate::default() });
        assert_eq!(resolve(&[wkd(-1, Weekday::Tue).0], a, date(TODAY)), Some(DateValue::Day(date("2024-04-02"))));
        assert_eq!(resolve(&[wkd(0, Weekday::Mon).0], a, date(TODAY)), Some(DateValue::Day(date("2024-04-08"))));
        assert_eq!(resolve(&[wkd(0, Weekday::Fri).0], a, date(TODAY)), Some(DateValue::Day(date("2024-04-12"))));
        assert_eq!(resolve(&[wkd(1, Weekday::Sun).0], a, date(TODAY)), Some(DateValue::Day(date("2024-04-21"))));
        // ... but a week and a weekday of two expressions do not join.
        let wd = P(PartialDate { weekday: Some(Weekday::Fri), ..PartialDate::default() });
        assert_eq!(resolve(&[wk(-1).0, wd.0], a, date(TODAY)), resolve(&[wk(-1).0], a, date(TODAY)));
        assert_eq!(resolve(&[wd.0, wk(-1).0], a, date(TODAY)), Some(DateValue::Day(date("2024-04-05"))));
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
}
