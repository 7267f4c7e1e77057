//! The bundled example articles (examples/): exactly the meetings they report, every
//! rule exercised, nothing from blocked sentences, scripts or related lists.

mod common;

use std::collections::BTreeSet;
use summit::extract::Extraction;
use summit::rules::RuleKind;

fn extract_examples() -> Vec<(summit::Document, Extraction)> {
    let p = common::pipeline();
    let mut opts = common::options();
    opts.today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    common::read_docs(&common::repo().join("examples")).into_iter().map(|d| {
        let x = p.extract(&d, &opts);
        (d, x)
    }).collect()
}

/// doc, date, participants (host first where known), place, attendees
const EXPECTED: &[(&str, &str, &[&str], &str, &[&str])] = &[
    ("bilingual", "2023-04-14", &["Xi Jinping", "Luiz Inácio Lula da Silva"], "Great Hall of the People", &["Cai Qi", "Wang Yi"]),
    ("en-beijing", "2024-12-03", &["Xi Jinping", "António Guterres"], "Great Hall of the People", &["Wang Yi"]),
    ("en-beijing", "2024-12-05", &["António Guterres", "Li Qiang"], "", &[]),
    ("feed-lima", "2024-11-16", &["Xi Jinping", "Joe Biden"], "Lima", &[]),
    ("feed-rio", "2024-11-18", &["Wang Yi", "Sergey Lavrov"], "Rio de Janeiro", &[]),
    ("zh-hans-paris", "2024-05-06", &["Xi Jinping", "Emmanuel Macron"], "Élysée Palace", &["Wang Yi"]),
    ("zh-hant-vientiane", "2024-07-25", &["Wang Yi", "Sergey Lavrov"], "Vientiane", &[]),
    ("zh-hant-vientiane", "2024-07-25", &["Sonexay Siphandone", "Sergey Lavrov"], "Vientiane", &[]),
];

#[test]
fn examples_give_exactly_their_meetings() {
    let all = extract_examples();
    let mut got = Vec::new();
    for (_, x) in &all {
        for e in &x.events {
            got.push((
                x.doc.clone(),
                e.date.clone().unwrap_or_default(),
                e.participants.iter().map(|r| r.name.clone()).collect::<Vec<_>>(),
                e.place.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
                e.attendees.iter().map(|r| r.name.clone()).collect::<BTreeSet<_>>(),
            ));
        }
    }
    let want: Vec<_> = EXPECTED
        .iter()
        .map(|(d, date, p, pl, a)| {
            (d.to_string(), date.to_string(), p.iter().map(|s| s.to_string()).collect::<Vec<_>>(), pl.to_string(), a.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>())
        })
        .collect();
    got.sort();
    let mut want = want;
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn planned_meetings_are_marked() {
    let all = extract_examples();
    let planned: Vec<_> = all.iter().flat_map(|(_, x)| &x.events).filter(|e| e.planned).collect();
    assert_eq!(planned.len(), 1);
    assert_eq!(planned[0].participants[1].name, "Li Qiang");
}

#[test]
fn fixture_articles_exercise_every_rule() {
    let p = common::pipeline();
    // The repo's own articles: the bundled examples and the news fixtures of tests/fixtures/news.
    let mut all = extract_examples();
    for d in common::read_docs(&common::repo().join("tests/fixtures/news")) {
        let x = p.extract(&d, &common::options());
        all.push((d, x));
    }
    let used: BTreeSet<&str> = all.iter().flat_map(|(_, x)| &x.events).flat_map(|e| &e.evidence).map(|s| &*s.rule).collect();
    let missing: Vec<&str> = p
        .rules
        .rules
        .iter()
        .filter(|r| r.kind != RuleKind::Blocker && !used.contains(r.id.as_str()))
        .map(|r| r.id.as_str())
        .collect();
    assert!(missing.is_empty(), "rules no example article exercises: {missing:?}");
}

#[test]
fn blocked_sentences_scripts_and_related_lists_yield_nothing() {
    let all = extract_examples();
    let (_, call) = all.iter().find(|(d, _)| d.id == "feed-call").unwrap();
    assert!(call.events.is_empty(), "a phone call is not a meeting");
    let (d, v) = all.iter().find(|(d, _)| d.id == "zh-hant-vientiane").unwrap();
    let phone = d.original.find("通過電話").unwrap();
    let phone = d.original[..phone].chars().count();
    for e in &v.events {
        assert!(e.evidence.iter().all(|s| !(s.start..s.end).contains(&phone)), "evidence from the phone-call sentence");
    }
    for (d, x) in &all {
        let text = &d.original;
        for marker in ["相关新闻", "你或有興趣的文章", "相关文章", "<script>"] {
            if let Some(b) = text.find(marker) {
                let cut = text[..b].chars().count();
                let end = if marker == "<script>" { text[..text.find("</script>").unwrap()].chars().count() } else { usize::MAX };
                for e in &x.entities {
                    for m in &e.mentions {
                        assert!(!(m.start >= cut && m.start < end), "{}: {} found after {marker}", d.id, m.text);
                    }
                }
            }
        }
    }
}

#[test]
fn example_spans_map_back_to_the_original_text() {
    for (d, x) in extract_examples() {
        common::check_spans(&d, &x);
    }
}
