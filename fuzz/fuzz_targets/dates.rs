//! The date finder and resolver: text → time expressions → dates.
//!
//! Checks: no panic (no date arithmetic overflow on years like 99999 or offsets at the
//! ends of the calendar); expressions are in order, non-overlapping, inside the text,
//! non-empty; `publication_date` and `dateline` spans lie inside their line; resolving
//! any combination of found parts against any anchor gives a date or nothing, and its
//! ISO form is one of the forms the contract allows.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use summit::dates::{self, DateValue};

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    // Four bytes pick the anchor (any day from year -9999 to 9999, or none).
    let k = u32::from_le_bytes([data[0], data[1], data[2], data[3]]);
    let anchor = (k & 1 == 0).then(|| NaiveDate::from_num_days_from_ce_opt((k >> 1) as i32 % 7_300_000 - 3_650_000)).flatten();
    let Ok(text) = std::str::from_utf8(&data[4..]) else { return };
    let n = text.chars().count();
    let found = dates::find_time_exprs(text);
    let mut last_end = 0;
    for t in &found {
        assert!(t.start < t.end && t.end <= n, "expression {}..{} outside {n} chars", t.start, t.end);
        assert!(t.start >= last_end, "expressions overlap or are out of order");
        last_end = t.end;
    }
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let parts: Vec<_> = found.iter().map(|t| t.date).collect();
    for i in 0..parts.len().min(8) {
        check(dates::resolve(&parts[i..], anchor, today));
        check(dates::resolve(&parts[i..=i], anchor, today));
    }
    for line in text.lines() {
        let m = line.chars().count();
        if let Some((_, s, e)) = dates::publication_date(line) {
            assert!(s <= e && e <= m);
        }
        if let Some((p, s, e)) = dates::dateline(line) {
            assert!(s <= e && e <= m);
            check(dates::resolve(&[p], anchor, today));
        }
    }
});

fn check(d: Option<DateValue>) {
    let Some(d) = d else { return };
    let iso = d.iso();
    let ok = match d {
        DateValue::Day(_) => iso.len() >= 10,
        DateValue::Month(..) => iso.len() >= 7,
        DateValue::Year(_) => iso.len() >= 4,
        DateValue::MonthDay(..) => iso.starts_with("--") && iso.len() == 7,
    };
    assert!(ok, "{d:?} → {iso:?}");
}
