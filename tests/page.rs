//! `summit export html` in headless Chromium, driven as a user would: a real mouse click
//! on a line of the picture must list that pair's meetings with the sentences the store
//! holds as their evidence, the rule and the article's link; a click on a person lists
//! theirs; the meetings table filters by a Chinese name, exports CSV, and the timeline
//! draws every dated meeting.
//!
//! Chromium is driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
//! JSON messages ended by NUL on file descriptors 3 and 4), so no client library is
//! needed. It is a tool outside our code: the test skips with a message when it is
//! missing, except in CI (`SUMMIT_CI` set), where it fails. `SUMMIT_SCREENSHOT=FILE.png`
//! keeps a screenshot of the page after the click.

mod chrome;
mod common;
use chrome::{Browser, chromium};
use common::{run, store_with, summit};

use serde_json::{Value, json};
use std::path::Path;

/// A SPARQL SELECT over the store: its rows as JSON objects of values.
fn select(store: &Path, query: &str) -> Vec<Value> {
    let q = format!("PREFIX schema: <https://schema.org/>\nPREFIX summit: <https://w3id.org/summit/ns#>\nPREFIX oa: <http://www.w3.org/ns/oa#>\n{query}");
    let (code, out, err) = run(&mut summit(&["query", "-e", &q, "--store", store.to_str().unwrap(), "--format", "json"]));
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    v["results"]["bindings"].as_array().unwrap().iter().map(|b| json!(b.as_object().unwrap().iter().map(|(k, v)| (k.clone(), v["value"].clone())).collect::<serde_json::Map<_, _>>())).collect()
}

/// Where on the screen the middle of the line between two people is, and whether a
/// click there lands on that line.
const EDGE_POINT: &str = r##"(function (a, b) {
  var d = JSON.parse(document.getElementById("summit-data").textContent);
  var label = function (i) { return d.entities[d.nodes[+i]].label; };
  var line = Array.from(document.querySelectorAll("#edges [data-e]")).find(function (l) {
    var x = label(l.dataset.a), y = label(l.dataset.b);
    return (x === a && y === b) || (x === b && y === a);
  });
  var p = line.ownerSVGElement.createSVGPoint();
  p.x = (+line.getAttribute("x1") + +line.getAttribute("x2")) / 2;
  p.y = (+line.getAttribute("y1") + +line.getAttribute("y2")) / 2;
  var q = p.matrixTransform(line.getScreenCTM());
  var hit = document.elementFromPoint(q.x, q.y);
  return { x: q.x, y: q.y, on: !!hit && hit.classList.contains("hit") && hit.dataset.e === line.dataset.e };
})"##;

const NODE_POINT: &str = r##"(function (a) {
  var d = JSON.parse(document.getElementById("summit-data").textContent);
  var node = Array.from(document.querySelectorAll("#nodes [data-i]")).find(function (n) { return d.entities[d.nodes[+n.dataset.i]].label === a; });
  var r = node.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
})"##;

#[test]
fn clicking_a_line_shows_the_pairs_meetings_with_their_evidence_in_headless_chromium() {
    let Some(program) = chromium() else { return };
    let (dir, store) = store_with("examples");
    let page = dir.path().join("examples.html");
    let (code, _, err) = run(&mut summit(&["export", "html", "--store", store.to_str().unwrap(), "-o", page.to_str().unwrap()]));
    assert_eq!(code, 0, "{err}");
    // What the store says of the two pairs: the evidence sentences, rules and URLs.
    let evidence = |a: &str, b: &str| {
        select(
            &store,
            &format!(
                "SELECT DISTINCT ?m ?exact ?rule ?url WHERE {{ GRAPH ?g {{ ?m summit:participant <https://w3id.org/summit/person/{a}>, <https://w3id.org/summit/person/{b}> ; summit:evidence ?s . ?s oa:exact ?exact ; summit:rule ?rule OPTIONAL {{ ?g schema:url ?url }} }} }}"
            ),
        )
    };
    let xi_biden = evidence("xi-jinping", "joe-biden");
    let lavrov_wang = evidence("sergey-lavrov", "wang-yi");
    assert!(!xi_biden.is_empty() && !lavrov_wang.is_empty(), "the examples have these meetings");

    let mut b = Browser::open(&program, &format!("file://{}", page.display()));
    b.wait_for("document.body !== null && document.body.dataset.ready === 'yes'");
    assert_eq!(b.eval("document.getElementById('panel').querySelectorAll('.meeting-card').length"), json!(0), "nothing listed before a click");

    for (a, bname, want) in [("Xi Jinping", "Joe Biden", &xi_biden), ("Sergey Lavrov", "Wang Yi", &lavrov_wang)] {
        let at = b.eval(&format!("{EDGE_POINT}({a:?}, {bname:?})"));
        assert_eq!(at["on"], json!(true), "the middle of the {a}–{bname} line is clickable: {at}");
        b.click(at["x"].as_f64().unwrap(), at["y"].as_f64().unwrap());
        let text = b.eval("document.getElementById('panel').innerText").as_str().unwrap().to_string();
        assert!(text.contains(a) && text.contains(bname), "the panel names the pair: {text}");
        let meetings: std::collections::BTreeSet<&str> = want.iter().map(|r| r["m"].as_str().unwrap()).collect();
        assert_eq!(b.eval("document.querySelectorAll('#panel .meeting-card').length"), json!(meetings.len()), "{a}–{bname}: one card per meeting: {text}");
        for r in want.iter() {
            let sentence = r["exact"].as_str().unwrap();
            assert!(text.contains(sentence.trim()), "{a}–{bname}: the evidence sentence {sentence:?} is on the panel: {text}");
            let rule = r["rule"].as_str().unwrap().rsplit('/').next().unwrap();
            assert!(text.lines().any(|l| (l.starts_with("rule: ") || l.starts_with("rules: ")) && l.split([' ', ',']).any(|w| w == rule)), "{a}–{bname}: the rule {rule}: {text}");
            if let Some(url) = r["url"].as_str() {
                let links = b.eval("Array.from(document.querySelectorAll('#panel a.doc')).map(function (a) { return a.href; })");
                assert!(links.as_array().unwrap().iter().any(|l| l == url), "{a}–{bname}: a link to {url}: {links}");
            }
        }
        if a == "Xi Jinping"
            && let Some(shot) = std::env::var_os("SUMMIT_SCREENSHOT")
        {
            b.screenshot(Path::new(&shot));
        }
    }

    // A person: every meeting of theirs.
    let xi = select(&store, "SELECT DISTINCT ?m WHERE { ?m summit:participant <https://w3id.org/summit/person/xi-jinping> FILTER NOT EXISTS { ?m schema:eventStatus schema:EventScheduled } }");
    let at = b.eval(&format!("{NODE_POINT}('Xi Jinping')"));
    b.click(at["x"].as_f64().unwrap(), at["y"].as_f64().unwrap());
    assert_eq!(b.eval("document.querySelectorAll('#panel .meeting-card').length"), json!(xi.len()), "Xi Jinping's meetings on the panel");
    assert!(b.eval("document.querySelector('#panel h2').textContent").as_str().unwrap().starts_with("Xi Jinping"));

    // The table: filtered by a name in Traditional Chinese, sorted, exported as CSV.
    b.eval("document.querySelector('#tabs [data-tab=meetings]').click()");
    let all = b.eval("document.querySelectorAll('#table tbody tr').length").as_u64().unwrap();
    assert!(all as usize >= xi.len() + 2, "every meeting is in the table ({all})");
    b.eval("(function () { var i = document.getElementById('f-person'); i.value = '習近平'; i.dispatchEvent(new Event('input')); })()");
    assert_eq!(b.eval("document.querySelectorAll('#table tbody tr').length"), json!(xi.len()), "filtered by 習近平");
    if let Some(shot) = std::env::var_os("SUMMIT_SCREENSHOT") {
        b.screenshot(&Path::new(&shot).with_extension("table.png"));
    }
    let csv = b.eval("summitPage.csv()").as_str().unwrap().to_string();
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines[0], "date,participants,attendees,place,reports,urls,evidence,rules,meeting");
    assert_eq!(lines.len(), xi.len() + 1, "{csv}");
    assert!(csv.contains("https://example.org/feed/lima"), "{csv}");
    let dates = b.eval("Array.from(document.querySelectorAll('#table tbody tr td:first-child')).map(function (t) { return t.textContent; })");
    let dates: Vec<&str> = dates.as_array().unwrap().iter().map(|d| d.as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "sorted by date");
    b.eval("document.querySelector('#table th[data-key=date]').click()");
    let again = b.eval("document.querySelector('#table tbody tr td:first-child').textContent");
    assert_eq!(again.as_str(), sorted.last().copied(), "a second click sorts the other way");
    b.eval("(function () { var i = document.getElementById('f-from'); i.value = '2024-11-01'; i.dispatchEvent(new Event('input')); })()");
    let later = b.eval("Array.from(document.querySelectorAll('#table tbody tr td:first-child')).map(function (t) { return t.textContent; })");
    assert!(later.as_array().unwrap().iter().all(|d| d.as_str().unwrap() >= "2024-11-01"), "{later}");

    // The timeline: every dated meeting the filters keep is a mark.
    b.eval("(function () { ['f-person', 'f-from'].forEach(function (id) { var i = document.getElementById(id); i.value = ''; i.dispatchEvent(new Event('input')); }); document.querySelector('#tabs [data-tab=timeline]').click(); })()");
    let marks = b.eval("document.querySelectorAll('#timeline .meeting').length").as_u64().unwrap();
    let dated = b.eval("JSON.parse(document.getElementById('summit-data').textContent).meetings.filter(function (m) { return /^\\d{4}/.test(m.date || ''); }).length").as_u64().unwrap();
    assert!(dated > 0 && marks == dated, "{marks} marks for {dated} dated meetings");
    if let Some(shot) = std::env::var_os("SUMMIT_SCREENSHOT") {
        b.screenshot(&Path::new(&shot).with_extension("timeline.png"));
    }
}
