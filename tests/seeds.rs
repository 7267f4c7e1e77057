//! The seed articles (read from ../shared/seeds, never copied here): exactly the
//! meetings of issue 2, each once, and the entities the pages name.

mod common;

use std::collections::BTreeSet;
use summit::extract::{Event, Extraction};

struct Expected {
    doc: &'static str,
    participants: [&'static str; 2],
    place: Option<&'static str>,
    date: &'static str,
    attendees: &'static [&'static str],
}

const MEETINGS: &[Expected] = &[
    Expected { doc: "000", participants: ["Xi Jinping", "Sergey Lavrov"], place: Some("Great Hall of the People"), date: "2024-04-09", attendees: &["Wang Yi"] },
    Expected { doc: "001", participants: ["Xi Jinping", "Vladimir Putin"], place: Some("Kazan Kremlin"), date: "2024-10-22", attendees: &["Cai Qi", "Wang Yi"] },
    Expected { doc: "002", participants: ["Xi Jinping", "Vladimir Putin"], place: Some("Astana"), date: "2024-07-03", attendees: &["Cai Qi", "Wang Yi"] },
    Expected { doc: "003", participants: ["Xi Jinping", "Mikhail Mishustin"], place: Some("Russian Government House"), date: "2023-03-21", attendees: &["Tatyana Golikova"] },
    Expected { doc: "003", participants: ["Xi Jinping", "Antony Blinken"], place: Some("Great Hall of the People"), date: "2024-04-26", attendees: &[] },
    Expected { doc: "003", participants: ["Xi Jinping", "Joe Biden"], place: Some("San Francisco"), date: "2023", attendees: &[] },
    Expected { doc: "004", participants: ["Wang Yi", "Sergey Lavrov"], place: Some("Johannesburg"), date: "2025-02-20", attendees: &[] },
];

fn set(v: impl IntoIterator<Item = String>) -> BTreeSet<String> {
    v.into_iter().collect()
}

fn describe(e: &Event) -> String {
    format!(
        "{:?} at {:?} on {:?} with {:?}",
        e.participants.iter().map(|r| &r.name).collect::<Vec<_>>(),
        e.place.as_ref().map(|p| &p.name),
        e.date,
        e.attendees.iter().map(|r| &r.name).collect::<Vec<_>>()
    )
}

fn extract_seeds() -> Option<Vec<(summit::Document, Extraction)>> {
    let dir = common::seeds_dir()?;
    let p = common::pipeline();
    let docs = common::read_docs(&dir);
    assert_eq!(docs.len(), 5, "five seed pages");
    Some(docs.into_iter().map(|d| {
        let x = p.extract(&d, &common::options());
        (d, x)
    }).collect())
}

#[test]
fn seeds_give_exactly_the_expected_meetings() {
    let Some(all) = extract_seeds() else { return };
    let mut problems = Vec::new();
    for (doc, x) in &all {
        let prefix = &doc.id[..3];
        let expected: Vec<&Expected> = MEETINGS.iter().filter(|m| m.doc == prefix).collect();
        for e in &x.events {
            let got = set(e.participants.iter().map(|r| r.name.clone()));
            let want = expected.iter().find(|m| set(m.participants.iter().map(|s| s.to_string())) == got);
            match want {
                None => problems.push(format!("{prefix}: unexpected meeting {}", describe(e))),
                Some(m) => {
                    if e.date.as_deref() != Some(m.date) {
                        problems.push(format!("{prefix}: date {:?}, expected {} in {}", e.date, m.date, describe(e)));
                    }
                    if e.place.as_ref().map(|p| p.name.as_str()) != m.place {
                        problems.push(format!("{prefix}: place {:?}, expected {:?}", e.place.as_ref().map(|p| &p.name), m.place));
                    }
                    let att = set(e.attendees.iter().map(|r| r.name.clone()));
                    if att != set(m.attendees.iter().map(|s| s.to_string())) {
                        problems.push(format!("{prefix}: attendees {att:?}, expected {:?}", m.attendees));
                    }
                    if e.evidence.is_empty() {
                        problems.push(format!("{prefix}: meeting without evidence"));
                    }
                }
            }
        }
        for m in &expected {
            let n = x
                .events
                .iter()
                .filter(|e| set(e.participants.iter().map(|r| r.name.clone())) == set(m.participants.iter().map(|s| s.to_string())))
                .count();
            if n != 1 {
                problems.push(format!("{prefix}: {:?} reported {n} times, expected once", m.participants));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn hosts_come_first_where_the_text_says_who_received_whom() {
    let Some(all) = extract_seeds() else { return };
    let first = |prefix: &str, other: &str| {
        all.iter()
            .filter(|(d, _)| d.id.starts_with(prefix))
            .flat_map(|(_, x)| &x.events)
            .find(|e| e.participants.iter().any(|r| r.name == other))
            .map(|e| e.participants[0].name.clone())
    };
    // 会见: the subject receives the guest.
    assert_eq!(first("000", "Sergey Lavrov").as_deref(), Some("Xi Jinping"));
    assert_eq!(first("004", "Sergey Lavrov").as_deref(), Some("Wang Yi"));
}

#[test]
fn every_span_maps_back_to_the_original_text() {
    let Some(all) = extract_seeds() else { return };
    for (d, x) in &all {
        common::check_spans(d, x);
    }
}

#[test]
fn seeds_name_their_people_places_and_organizations() {
    let Some(all) = extract_seeds() else { return };
    let expected: &[(&str, &str, &[&str])] = &[
        ("000", "Person", &["Xi Jinping", "Sergey Lavrov", "Vladimir Putin", "Wang Yi"]),
        ("000", "Place", &["Beijing", "Great Hall of the People", "Russia", "China"]),
        ("000", "Organization", &["BRICS", "Shanghai Cooperation Organization", "Xinhua News Agency"]),
        ("001", "Person", &["Xi Jinping", "Vladimir Putin", "Cai Qi", "Wang Yi"]),
        ("001", "Place", &["Kazan", "Kazan Kremlin", "Russia", "China"]),
        ("001", "Organization", &["BRICS", "United Nations", "Shanghai Cooperation Organization", "Eurasian Economic Union"]),
        ("002", "Person", &["Xi Jinping", "Vladimir Putin", "Cai Qi", "Wang Yi"]),
        ("002", "Place", &["Astana", "Russia", "China"]),
        ("002", "Organization", &["Shanghai Cooperation Organization", "BRICS"]),
        ("003", "Person", &["Xi Jinping", "Mikhail Mishustin", "Tatyana Golikova", "Antony Blinken", "Joe Biden"]),
        ("003", "Place", &["Moscow", "Russian Government House", "Great Hall of the People", "Beijing", "San Francisco", "United States"]),
        ("003", "Organization", &["Xinhua News Agency", "Associated Press", "Eurasian Economic Union"]),
        ("004", "Person", &["Wang Yi", "Sergey Lavrov", "Vladimir Putin", "Xi Jinping"]),
        ("004", "Place", &["Johannesburg", "South Africa", "Brazil", "Ukraine"]),
        ("004", "Organization", &["G20", "United Nations", "China News Service", "BRICS", "Shanghai Cooperation Organization"]),
    ];
    let mut missing = Vec::new();
    for (prefix, ty, names) in expected {
        let (_, x) = all.iter().find(|(d, _)| d.id.starts_with(prefix)).unwrap();
        for n in *names {
            if !x.entities.iter().any(|e| e.etype.as_str() == *ty && e.name == *n) {
                missing.push(format!("{prefix}: {ty} {n}"));
            }
        }
    }
    assert!(missing.is_empty(), "missing entities:\n{}", missing.join("\n"));
}

#[test]
fn nothing_comes_out_of_related_article_lists() {
    let Some(all) = extract_seeds() else { return };
    let (d, x) = all.iter().find(|(d, _)| d.id.starts_with("004")).unwrap();
    // The related list starts at its marker line; nothing may be reported after it.
    let marker = d.original.chars().collect::<Vec<_>>();
    let text: String = marker.iter().collect();
    let byte = text.find("相关文章").expect("004 has a related-articles list");
    let cut = text[..byte].chars().count();
    for e in &x.entities {
        for m in &e.mentions {
            assert!(m.start < cut, "{} mentioned in the related list: {:?}", e.name, m.text);
        }
    }
}

#[test]
fn extraction_is_deterministic() {
    let Some(a) = extract_seeds() else { return };
    let b = extract_seeds().unwrap();
    for ((_, x), (_, y)) in a.iter().zip(b.iter()) {
        let mut ox = Vec::new();
        let mut oy = Vec::new();
        summit::output::write_jsonl(x, &mut ox).unwrap();
        summit::output::write_jsonl(y, &mut oy).unwrap();
        assert_eq!(ox, oy);
    }
}
