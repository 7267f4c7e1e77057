//! Export: the who-met-whom network, from the store to the formats other tools read
//! (GraphML, GEXF, Cytoscape.js JSON) and to a picture of its own (SVG, HTML).
//!
//! Input: an open [`Store`] and a [`Selection`] (a date range, people to centre on,
//! whether to add places and organizations). Output: a [`Network`], a petgraph graph
//! whose nodes are people (and places and organizations) and whose edges join two people
//! who met (a person and the place they met at; a person and an organization mentioned
//! beside their meeting), each edge with its meetings and their dates; then one of the
//! [`Format`]s written to any `Write`.
//!
//! The counts are those of `queries/who-met-whom.rq`: an edge's weight is the number of
//! distinct meetings of the two people, planned meetings left out.
//!
//! **Invariants**: deterministic bytes (nodes sorted by id, edges by their two ends,
//! a fixed-seed layout, no clock); values from users reach SPARQL only as bound
//! variables; every text written into XML or HTML goes through [`xml_text`] or
//! [`xml_attr`], which escape markup and replace what XML 1.0 cannot carry.

//!
//! Where things are: this file holds the model (nodes, links, meetings, the
//! [`Selection`]) and the escaping every format shares; [`network`] reads it from the
//! store; [`graphml`], [`gexf`], [`json`] (Cytoscape.js), [`svg`] and [`html`] write it
//! (the page's script and style are `export/assets/page.{js,css}`).

mod gexf;
mod graphml;
mod html;
mod json;
mod network;
mod svg;

use crate::gazetteer::BASE_IRI;
use chrono::{Datelike, NaiveDate};
use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write;

/// What kind of thing a node is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Kind {
    Person,
    Organization,
    Place,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "Person",
            Kind::Organization => "Organization",
            Kind::Place => "Place",
        }
    }
}

/// What an edge says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    /// Two people met.
    Met,
    /// A person took part in a meeting at a place.
    MetAt,
    /// An organization is mentioned in an article reporting a person's meeting.
    MentionedWith,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Met => "met",
            Relation::MetAt => "met_at",
            Relation::MentionedWith => "mentioned_with",
        }
    }
}

/// A node: a person, place or organization.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The entity's IRI.
    pub iri: String,
    /// The IRI as an XML name token ([`node_id`]), the id in every export.
    pub id: String,
    pub kind: Kind,
    /// The English name (else the name as written).
    pub label: String,
    /// The Chinese name (Simplified, else Traditional).
    pub label_zh: Option<String>,
    /// Roles held, in English: `Secretary of State (United States, 2021-01-26 – 2025-01-20)`.
    pub roles: Vec<String>,
    /// The same roles in Chinese, where the gazetteer names them.
    pub roles_zh: Vec<String>,
}

/// An edge: the meetings behind it and their dates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Link {
    pub relation: Option<Relation>,
    /// Meeting IRIs.
    pub meetings: BTreeSet<String>,
    /// The meetings' dates as summit writes them (`2024-07-03`, `2024-07`, `2024`, `--07-03`).
    pub dates: BTreeSet<String>,
    /// The number of distinct articles reporting these meetings (0 when unknown).
    pub reports: usize,
    /// The URL of the first of those articles (in document IRI order) that has one.
    pub url: Option<String>,
}

impl Link {
    /// The number of distinct meetings.
    pub fn weight(&self) -> usize {
        self.meetings.len()
    }
    fn relation(&self) -> Relation {
        self.relation.unwrap_or(Relation::Met)
    }
    /// Hands `put(key, value)` the attributes GraphML and GEXF give an edge besides its
    /// weight, in their order: dates (when any), relation, meetings, reports (when
    /// known), url (when any).
    fn attributes(&self, mut put: impl FnMut(&str, &str) -> std::io::Result<()>) -> std::io::Result<()> {
        if !self.dates.is_empty() {
            put("dates", &join(&self.dates, ";"))?;
        }
        put("relation", self.relation().as_str())?;
        put("meetings", &join(&self.meetings, " "))?;
        if self.reports > 0 {
            put("reports", &self.reports.to_string())?;
        }
        if let Some(u) = &self.url {
            put("url", u)?;
        }
        Ok(())
    }
}

impl Node {
    /// Hands `put(key, value)` the attributes GraphML and GEXF give a node besides its
    /// label, in their order: label_zh (when known), type, roles and roles_zh (when any), iri.
    fn attributes(&self, mut put: impl FnMut(&str, &str) -> std::io::Result<()>) -> std::io::Result<()> {
        if let Some(z) = &self.label_zh {
            put("label_zh", z)?;
        }
        put("type", self.kind.as_str())?;
        if !self.roles.is_empty() {
            put("roles", &self.roles.join("; "))?;
        }
        if !self.roles_zh.is_empty() {
            put("roles_zh", &self.roles_zh.join("; "))?;
        }
        put("iri", &self.iri)
    }
}

/// A meeting as the HTML page lists it, with what each article says of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meeting {
    /// As summit writes dates (`2024-07-03`, `2024-07`, `2024`, `--07-03`).
    pub date: Option<String>,
    /// The place most of its reports give (the least IRI on a tie), as `queries/meetings.rq`.
    pub place: Option<String>,
    /// The principals' IRIs.
    pub participants: BTreeSet<String>,
    /// Others present.
    pub attendees: BTreeSet<String>,
    /// The articles reporting it, in document IRI order.
    pub reports: Vec<Report>,
}

/// One article's report of a meeting.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// The document's IRI.
    pub doc: String,
    /// The document's id (`schema:identifier`), else its IRI.
    pub id: String,
    pub url: Option<String>,
    /// The evidence, in text order.
    pub evidence: Vec<Quote>,
}

/// A span of an article that states a meeting, and the rule that read it.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub rule: String,
}

/// Which part of the store to export.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Only meetings on or after this day (a meeting dated by month or year only when
    /// its whole month or year is within the range; undated ones are left out).
    pub from: Option<NaiveDate>,
    /// Only meetings on or before this day.
    pub to: Option<NaiveDate>,
    /// Centre on these people (English or Chinese name, or IRI): them, the people they
    /// met, and the meetings among all of those (an ego network).
    pub people: Vec<String>,
    /// Add organizations mentioned beside meetings as nodes.
    pub organizations: bool,
    /// Add the places of meetings as nodes.
    pub places: bool,
}

impl Selection {
    fn keeps(&self, date: Option<&str>) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        match date.and_then(date_span) {
            None => false,
            Some((a, b)) => self.from.is_none_or(|f| a >= f) && self.to.is_none_or(|t| b <= t),
        }
    }

    fn describe(&self) -> String {
        let mut parts = Vec::new();
        match (self.from, self.to) {
            (Some(f), Some(t)) => parts.push(format!("meetings from {f} to {t}")),
            (Some(f), None) => parts.push(format!("meetings from {f}")),
            (None, Some(t)) => parts.push(format!("meetings up to {t}")),
            (None, None) => {}
        }
        if !self.people.is_empty() {
            parts.push(format!("around {}", self.people.join(", ")));
        }
        parts.join(", ")
    }
}

/// The formats [`Network::write`] produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// GraphML (networkx, Gephi, yEd, Cytoscape desktop).
    GraphMl,
    /// GEXF 1.3 with dates (Gephi's timeline), positions, sizes and colours.
    Gexf,
    /// Cytoscape.js JSON: `{"data": ..., "elements": {"nodes": [...], "edges": [...]}}`.
    Json,
    /// An SVG picture.
    Svg,
    /// A self-contained HTML page: the picture with zoom, pan, hover and search.
    Html,
}

/// The days a date as summit writes it covers: one day (`2024-07-03`), a month
/// (`2024-07`) or a year (`2024`); `None` for a day without a year (`--07-03`) or
/// anything else.
pub fn date_span(d: &str) -> Option<(NaiveDate, NaiveDate)> {
    let d = d.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match d.len() {
        10 => NaiveDate::parse_from_str(d, "%Y-%m-%d").ok().map(|x| (x, x)),
        7 if digits(&d[..4]) && &d[4..5] == "-" && digits(&d[5..]) => {
            let first = NaiveDate::from_ymd_opt(d[..4].parse().ok()?, d[5..].parse().ok()?, 1)?;
            let next = if first.month() == 12 {
                NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)?
            };
            Some((first, next.pred_opt()?))
        }
        4 if digits(d) => {
            let y = d.parse().ok()?;
            Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?))
        }
        _ => None,
    }
}

/// A node's id in every export: its IRI as an XML name token, which GraphML requires
/// (`https://w3id.org/summit/person/xi-jinping` → `person:xi-jinping`). The summit base
/// is dropped (other IRIs are kept whole behind `_:`), `/` becomes `:`, ASCII letters,
/// digits, `-` and `.` stay, and every other byte is written `_XX` (hex), so two IRIs
/// never share an id.
pub fn node_id(iri: &str) -> String {
    let (mut out, rest) = match iri.strip_prefix(BASE_IRI) {
        Some(rest) if !rest.is_empty() => (String::new(), rest),
        _ => ("_:".to_string(), iri),
    };
    for b in rest.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' => out.push(b as char),
            b'/' => out.push(':'),
            _ => {
                let _ = write!(out, "_{b:02X}");
            }
        }
    }
    out
}

fn xml_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'.. => c,
        _ => '\u{FFFD}',
    }
}

/// Text as XML character data: `&`, `<`, `>` escaped, a carriage return kept as `&#13;`,
/// characters XML 1.0 cannot hold at all (most control characters) replaced by U+FFFD.
pub fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match xml_char(c) {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// Text as an XML attribute value (in double or single quotes): as [`xml_text`], and
/// quotes escaped, tabs and line breaks as character references so that attribute
/// normalisation keeps them.
pub fn xml_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match xml_char(c) {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// A name for a picture: whitespace and control characters become single spaces.
fn display(s: &str) -> String {
    let mut out = String::new();
    for w in s.split(|c: char| c.is_whitespace() || c.is_control()) {
        if !w.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// Names by lowercased language tag ("" for none).
pub type Names = BTreeMap<String, BTreeSet<String>>;

/// The network.
pub struct Network {
    /// Nodes in id order, edges in the order of their two ends' ids.
    pub graph: UnGraph<Node, Link>,
    /// What was selected (`meetings from 2024-01-01, around Xi Jinping`), for captions.
    pub caption: String,
    /// The meetings behind the edges, by IRI, with their evidence (empty for a network
    /// not read from a store).
    pub meetings: BTreeMap<String, Meeting>,
    /// The names of the people and places those meetings name, by IRI.
    pub names: BTreeMap<String, Names>,
}

impl Network {
    /// A network from nodes and links (`(iri, iri, link)`); links between the same two
    /// nodes are merged; links naming an unknown node are dropped.
    pub fn new(mut nodes: Vec<Node>, links: Vec<(String, String, Link)>, caption: String) -> Network {
        nodes.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.iri.cmp(&b.iri)));
        nodes.dedup_by(|a, b| a.iri == b.iri);
        let mut graph = UnGraph::with_capacity(nodes.len(), links.len());
        let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
        for n in nodes {
            let iri = n.iri.clone();
            index.insert(iri, graph.add_node(n));
        }
        let mut merged: BTreeMap<(NodeIndex, NodeIndex), Link> = BTreeMap::new();
        for (a, b, link) in links {
            let (Some(&a), Some(&b)) = (index.get(&a), index.get(&b)) else { continue };
            if a == b {
                continue;
            }
            let key = if a < b { (a, b) } else { (b, a) };
            let e = merged.entry(key).or_default();
            e.relation = e.relation.or(link.relation);
            e.meetings.extend(link.meetings);
            e.dates.extend(link.dates);
        }
        for ((a, b), link) in merged {
            graph.add_edge(a, b, link);
        }
        Network { graph, caption, meetings: BTreeMap::new(), names: BTreeMap::new() }
    }


    /// Writes the network in a format.
    pub fn write(&self, format: Format, w: &mut dyn Write) -> std::io::Result<()> {
        match format {
            Format::GraphMl => self.write_graphml(w),
            Format::Gexf => self.write_gexf(w),
            Format::Json => self.write_json(w),
            Format::Svg => w.write_all(self.svg(false).as_bytes()),
            Format::Html => w.write_all(self.html().as_bytes()),
        }
    }

    fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_weights()
    }

    /// Edges as (index, source, target, link), in order.
    fn edges(&self) -> impl Iterator<Item = (usize, &Node, &Node, &Link)> {
        self.graph.edge_references().enumerate().map(|(i, e)| (i, &self.graph[e.source()], &self.graph[e.target()], e.weight()))
    }

    /// Edges as (source index, target index, link), in order.
    fn ends(&self) -> impl Iterator<Item = (usize, usize, &Link)> {
        self.graph.edge_references().map(|e| (e.source().index(), e.target().index(), e.weight()))
    }

    /// How many others each node is joined to.
    pub fn degrees(&self) -> Vec<usize> {
        self.graph.node_indices().map(|i| self.graph.neighbors(i).count()).collect()
    }

    fn count(&self, kind: Kind) -> usize {
        self.nodes().filter(|n| n.kind == kind).count()
    }

    /// `7 people · 6 pairs who met · 8 meetings · 2023 – 2025-02-20`
    pub fn summary(&self) -> String {
        let people = self.count(Kind::Person);
        let mut parts = vec![format!("{people} {}", if people == 1 { "person" } else { "people" })];
        let pairs = self.edges().filter(|e| e.3.relation() == Relation::Met).count();
        parts.push(format!("{pairs} {} who met", if pairs == 1 { "pair" } else { "pairs" }));
        let meetings: BTreeSet<&String> = self.edges().filter(|e| e.3.relation() == Relation::Met).flat_map(|e| &e.3.meetings).collect();
        parts.push(format!("{} {}", meetings.len(), if meetings.len() == 1 { "meeting" } else { "meetings" }));
        for (kind, one, many) in [(Kind::Place, "place", "places"), (Kind::Organization, "organization", "organizations")] {
            let n = self.count(kind);
            if n > 0 {
                parts.push(format!("{n} {}", if n == 1 { one } else { many }));
            }
        }
        let dates: BTreeSet<&String> = self.edges().flat_map(|e| &e.3.dates).filter(|d| !d.starts_with("--")).collect();
        if let (Some(a), Some(b)) = (dates.first(), dates.last()) {
            parts.push(if a == b { a.to_string() } else { format!("{a} – {b}") });
        }
        parts.join(" · ")
    }
}

/// A label and a Chinese name from names by language: English, else Simplified, else
/// Traditional Chinese, else any, else `fallback`.
fn labels(by_lang: Option<&Names>, fallback: &str) -> (String, Option<String>) {
    let first = |lang: &str| by_lang.and_then(|m| m.get(lang)).and_then(|s| s.iter().next().cloned());
    let zh = first("zh-hans").or_else(|| first("zh-hant"));
    let any = || by_lang.and_then(|m| m.values().next()).and_then(|s| s.iter().next().cloned());
    let label = first("en").or_else(|| zh.clone()).or_else(any).unwrap_or_else(|| fallback.to_string());
    (label, zh)
}

fn join(set: &BTreeSet<String>, sep: &str) -> String {
    set.iter().map(String::as_str).collect::<Vec<_>>().join(sep)
}

fn round1(x: f64) -> f64 {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 { 0.0 } else { r }
}

/// A coordinate with one decimal, never `-0.0`.
fn num(x: f64) -> String {
    format!("{:.1}", round1(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(iri: &str, label: &str, zh: Option<&str>) -> Node {
        Node {
            iri: iri.to_string(),
            id: node_id(iri),
            kind: Kind::Person,
            label: label.to_string(),
            label_zh: zh.map(str::to_string),
            roles: vec![],
            roles_zh: vec![],
        }
    }

    fn met(a: &str, b: &str, meetings: &[(&str, &str)]) -> (String, String, Link) {
        (
            a.to_string(),
            b.to_string(),
            Link {
                relation: Some(Relation::Met),
                meetings: meetings.iter().map(|m| m.0.to_string()).collect(),
                dates: meetings.iter().map(|m| m.1.to_string()).collect(),
                ..Default::default()
            },
        )
    }

    #[test]
    fn ids_are_name_tokens_and_distinct() {
        assert_eq!(node_id("https://w3id.org/summit/person/xi-jinping"), "person:xi-jinping");
        assert_eq!(node_id("https://w3id.org/summit/person/name/%E7%8E%8B"), "person:name:_25E7_258E_258B");
        assert_eq!(node_id("http://example.org/a b"), "_:http_3A::example.org:a_20b");
        assert_ne!(node_id("https://w3id.org/summit/https://x"), node_id("https://x"));
        for id in [node_id("https://w3id.org/summit/a_b"), node_id("https://w3id.org/summit/a/b"), node_id("https://w3id.org/summit/a:b")] {
            assert!(id.chars().all(|c| c.is_ascii_alphanumeric() || "-._:".contains(c)), "{id}");
        }
    }

    #[test]
    fn xml_escapes_markup_and_replaces_what_xml_cannot_hold() {
        let nasty = "A & B <C> \"D\" 'E' \u{1}F\u{7}\u{1b}\u{FFFE}\tG\r\n";
        assert_eq!(xml_text(nasty), "A &amp; B &lt;C&gt; \"D\" 'E' \u{FFFD}F\u{FFFD}\u{FFFD}\u{FFFD}\tG&#13;\n");
        assert_eq!(xml_attr(nasty), "A &amp; B &lt;C&gt; &quot;D&quot; &#39;E&#39; \u{FFFD}F\u{FFFD}\u{FFFD}\u{FFFD}&#9;G&#13;&#10;");
        assert_eq!(display(" a\u{1}b\n c "), "a b c");
    }

    #[test]
    fn date_spans_cover_days_months_and_years() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(date_span("2024-07-03"), Some((d("2024-07-03"), d("2024-07-03"))));
        assert_eq!(date_span("2024-02"), Some((d("2024-02-01"), d("2024-02-29"))));
        assert_eq!(date_span("2024-12"), Some((d("2024-12-01"), d("2024-12-31"))));
        assert_eq!(date_span("2023"), Some((d("2023-01-01"), d("2023-12-31"))));
        assert_eq!(date_span("--07-03"), None);
        assert_eq!(date_span("soon"), None);
        let sel = Selection { from: Some(d("2024-07-01")), to: Some(d("2024-07-31")), ..Default::default() };
        assert!(sel.keeps(Some("2024-07-03")) && sel.keeps(Some("2024-07")));
        assert!(!sel.keeps(Some("2024")) && !sel.keeps(None) && !sel.keeps(Some("--07-03")) && !sel.keeps(Some("2024-08-01")));
        assert!(Selection::default().keeps(None));
    }

    fn sample() -> Network {
        let x = "https://w3id.org/summit/person/xi-jinping";
        let p = "https://w3id.org/summit/person/vladimir-putin";
        let l = "https://w3id.org/summit/person/sergey-lavrov";
        Network::new(
            vec![person(x, "Xi Jinping", Some("习近平")), person(p, "Vladimir Putin", Some("普京")), person(l, "Sergey Lavrov", None)],
            vec![
                met(p, x, &[("m1", "2024-07-03")]),
                met(x, p, &[("m2", "2024-10-22")]),
                met(l, x, &[("m3", "2024-04")]),
                met(l, "https://unknown", &[("m4", "2024")]),
            ],
            String::new(),
        )
    }

    #[test]
    fn links_merge_and_nodes_and_edges_come_sorted() {
        let net = sample();
        let ids: Vec<&str> = net.nodes().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["person:sergey-lavrov", "person:vladimir-putin", "person:xi-jinping"]);
        let edges: Vec<(String, String, usize, String)> = net.edges().map(|(_, a, b, l)| (a.id.clone(), b.id.clone(), l.weight(), join(&l.dates, ";"))).collect();
        assert_eq!(
            edges,
            [
                ("person:sergey-lavrov".into(), "person:xi-jinping".into(), 1, "2024-04".into()),
                ("person:vladimir-putin".into(), "person:xi-jinping".into(), 2, "2024-07-03;2024-10-22".into()),
            ]
        );
        assert_eq!(net.summary(), "3 people · 2 pairs who met · 3 meetings · 2024-04 – 2024-10-22");
    }

    #[test]
    fn every_format_is_deterministic() {
        for f in [Format::GraphMl, Format::Gexf, Format::Json, Format::Svg, Format::Html] {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            sample().write(f, &mut a).unwrap();
            sample().write(f, &mut b).unwrap();
            assert_eq!(a, b, "{f:?}");
            assert!(a.len() > 300, "{f:?}");
        }
    }

    #[test]
    fn gexf_has_a_spell_per_meeting_day() {
        let mut out = Vec::new();
        sample().write(Format::Gexf, &mut out).unwrap();
        let g = String::from_utf8(out).unwrap();
        assert!(g.contains(r#"<spell start="2024-07-03" end="2024-07-03"/>"#), "{g}");
        assert!(g.contains(r#"<spell start="2024-10-22" end="2024-10-22"/>"#), "{g}");
        assert!(g.contains(r#"<spell start="2024-04-01" end="2024-04-30"/>"#), "{g}");
        assert!(g.contains(r#"<node id="person:xi-jinping" label="Xi Jinping" start="2024-04-01">"#), "{g}");
    }

    #[test]
    fn hostile_names_stay_inside_their_elements() {
        let a = "https://w3id.org/summit/person/name/a";
        let b = "https://w3id.org/summit/person/name/b";
        let net = Network::new(
            vec![person(a, "</data><script>x</script> & \"q\" 'a' \u{1}", Some("]]> <!-- -->")), person(b, "B", None)],
            vec![met(a, b, &[("m<1>", "2024\"")])],
            "around <x>".into(),
        );
        for f in [Format::GraphMl, Format::Gexf, Format::Svg, Format::Html] {
            let mut out = Vec::new();
            net.write(f, &mut out).unwrap();
            let s = String::from_utf8(out).unwrap();
            assert!(!s.contains("<script>x"), "{f:?}");
            assert!(!s.contains("<!-- -->"), "{f:?}");
            assert!(!s.contains('\u{1}'), "{f:?}");
            assert!(!s.contains("m<1>") && !s.contains("<x>"), "{f:?}");
        }
    }
}
