//! The HTML page: the picture with zoom, pan, hover and search, the meetings with their
//! evidence as JSON for the page's script (`assets/page.js`, style `assets/page.css`).

use super::{Network, Node, display, labels, xml_text};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// What the page's script reads (format at the top of `assets/page.js`).
#[derive(Serialize)]
struct Data<'a> {
    entities: Vec<Entity>,
    nodes: Vec<usize>,
    edges: Vec<Vec<usize>>,
    meetings: Vec<PageMeeting<'a>>,
}
#[derive(Serialize)]
struct Entity {
    iri: String,
    label: String,
    zh: Option<String>,
    names: Vec<String>,
}
#[derive(Serialize)]
struct PageMeeting<'a> {
    iri: &'a str,
    date: Option<&'a str>,
    place: Option<usize>,
    participants: Vec<usize>,
    attendees: Vec<usize>,
    reports: Vec<PageReport<'a>>,
}
#[derive(Serialize)]
struct PageReport<'a> {
    id: &'a str,
    url: Option<&'a str>,
    evidence: Vec<PageQuote<'a>>,
}
#[derive(Serialize)]
struct PageQuote<'a> {
    text: &'a str,
    rule: &'a str,
}

impl Network {

    /// A self-contained page (no network access): the picture, with zoom (wheel),
    /// pan (drag), a person's meetings highlighted on hover, and a search box; a click
    /// on a line or a person lists those meetings with their evidence in a side panel;
    /// a meetings table (filters, sorting, CSV) and a timeline. Script and style are
    /// `src/export/assets/page.{js,css}`; the meetings are JSON in the page.
    pub fn html(&self) -> String {
        let svg = self.svg(true);
        let summary = self.summary();
        let mut s = String::new();
        s.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        let _ = writeln!(s, "<title>Who met whom · {}</title>", xml_text(&display(&summary)));
        let _ = write!(s, "<style>\n{PAGE_CSS}</style>\n");
        s.push_str("</head>\n<body class=\"tab-network\">\n<header><strong>Who met whom</strong> <span id=\"summary\">");
        s.push_str(&xml_text(&display(&summary)));
        if !self.caption.is_empty() {
            s.push_str(" · ");
            s.push_str(&xml_text(&display(&self.caption)));
        }
        s.push_str("</span> <input id=\"q\" type=\"search\" placeholder=\"Find a person (English or 中文)\" autocomplete=\"off\">");
        s.push_str(" <nav id=\"tabs\"><button type=\"button\" data-tab=\"network\" class=\"on\">Network</button><button type=\"button\" data-tab=\"meetings\">Meetings</button><button type=\"button\" data-tab=\"timeline\">Timeline</button></nav>");
        s.push_str(" <span id=\"info\"></span></header>\n<div id=\"main\">\n<main id=\"view\">\n");
        s.push_str(&svg);
        s.push_str("</main>\n");
        s.push_str(HTML_LISTS);
        s.push_str("</div>\n<aside id=\"panel\"><p class=\"hint\">Click a line to see that pair's meetings, or a person to see theirs: date, place, who was there, and the sentences each article states them in, with the rule that read them and a link to the article.</p></aside>\n");
        s.push_str("<script type=\"application/json\" id=\"summit-data\">");
        s.push_str(&self.page_data());
        s.push_str("</script>\n");
        let _ = write!(s, "<script>\n{PAGE_JS}</script>\n");
        s.push_str("</body>\n</html>\n");
        s
    }

    /// The meetings behind the picture as JSON for the page's script (format at the top
    /// of `assets/page.js`), safe inside a `<script>` element: `<`, `>` and `&` are
    /// written as `\u` escapes.
    fn page_data(&self) -> String {
        let mut iris: BTreeSet<&str> = self.nodes().map(|n| n.iri.as_str()).collect();
        for m in self.meetings.values() {
            iris.extend(m.participants.iter().chain(&m.attendees).chain(&m.place).map(String::as_str));
        }
        let index: BTreeMap<&str, usize> = iris.iter().enumerate().map(|(i, e)| (*e, i)).collect();
        let node_of: BTreeMap<&str, &Node> = self.nodes().map(|n| (n.iri.as_str(), n)).collect();
        let entities = iris
            .iter()
            .map(|e| {
                let by_lang = self.names.get(*e);
                let (label, zh) = match node_of.get(e) {
                    Some(n) => (n.label.clone(), n.label_zh.clone()),
                    None => labels(by_lang, e),
                };
                let names = by_lang.map(|m| m.values().flatten().cloned().collect::<BTreeSet<_>>().into_iter().collect()).unwrap_or_default();
                Entity { iri: e.to_string(), label: display(&label), zh: zh.map(|z| display(&z)), names }
            })
            .collect();
        let order: BTreeMap<&str, usize> = self.meetings.keys().enumerate().map(|(i, m)| (m.as_str(), i)).collect();
        let people = |set: &BTreeSet<String>| set.iter().map(|p| index[p.as_str()]).collect::<Vec<_>>();
        let data = Data {
            entities,
            nodes: self.nodes().map(|n| index[n.iri.as_str()]).collect(),
            edges: self.graph.edge_weights().map(|l| l.meetings.iter().filter_map(|m| order.get(m.as_str()).copied()).collect()).collect(),
            meetings: self
                .meetings
                .iter()
                .map(|(iri, m)| PageMeeting {
                    iri,
                    date: m.date.as_deref(),
                    place: m.place.as_deref().map(|p| index[p]),
                    participants: people(&m.participants),
                    attendees: people(&m.attendees),
                    reports: m
                        .reports
                        .iter()
                        .map(|r| PageReport {
                            id: &r.id,
                            url: r.url.as_deref(),
                            evidence: r.evidence.iter().map(|q| PageQuote { text: &q.text, rule: &q.rule }).collect(),
                        })
                        .collect(),
                })
                .collect(),
        };
        let json = serde_json::to_string(&data).expect("serialisable");
        let mut out = String::with_capacity(json.len());
        for c in json.chars() {
            match c {
                '<' => out.push_str("\\u003c"),
                '>' => out.push_str("\\u003e"),
                '&' => out.push_str("\\u0026"),
                c => out.push(c),
            }
        }
        out
    }
}

/// The page's meetings table and timeline (shown by its tabs).
const HTML_LISTS: &str = r#"<section id="lists">
<div id="filters"><label>Person <input id="f-person" type="search" placeholder="any name, English or 中文" autocomplete="off"></label>
<label>From <input id="f-from" type="date"></label> <label>To <input id="f-to" type="date"></label>
<label>Place <input id="f-place" type="search" placeholder="any name" autocomplete="off"></label>
<span id="count"></span> <button type="button" id="csv">Export CSV</button></div>
<div id="table-wrap"><table id="table"><thead><tr><th data-key="date">Date</th><th data-key="participants">Met</th><th data-key="attendees">Also present</th><th data-key="place">Place</th><th data-key="reports">Articles</th><th data-key="evidence">Evidence</th></tr></thead><tbody></tbody></table></div>
<div id="timeline"></div>
</section>
"#;

/// The page's style and script, kept as files of their own.
const PAGE_CSS: &str = include_str!("assets/page.css");
const PAGE_JS: &str = include_str!("assets/page.js");
