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

use crate::error::{Error, ErrorKind, Result};
use crate::gazetteer::BASE_IRI;
use crate::layout::{self, Placed, Point, Rect, Side};
use crate::store::{Answer, Store};
use chrono::{Datelike, NaiveDate};
use oxigraph::model::{Literal, Term};
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

const PREFIXES: &str = "PREFIX schema: <https://schema.org/>\nPREFIX summit: <https://w3id.org/summit/ns#>\nPREFIX oa: <http://www.w3.org/ns/oa#>\n";

// The default graph is the union of the document graphs, where a triple said by
// several documents comes once per document: every query is DISTINCT, and the ones that
// join several patterns about the same thing match them inside one document's graph, so
// repeated triples never multiply.

/// Meetings and their principals; planned meetings left out, as in who-met-whom.rq.
/// Each pattern is made DISTINCT on its own before the join (as queries/*.rq do): a
/// meeting reported by n articles has each triple n times in the union graph, and joining
/// them directly costs n^3 (5,000 reports of one meeting: over 5 minutes; this way 0.5 s).
const MEETINGS: &str = "SELECT ?meeting ?participant ?date WHERE {
  { SELECT DISTINCT ?meeting WHERE { ?meeting a summit:Meeting } }
  { SELECT DISTINCT ?meeting ?participant WHERE { ?meeting summit:participant ?participant } }
  FILTER NOT EXISTS { ?meeting schema:eventStatus schema:EventScheduled }
  OPTIONAL { SELECT DISTINCT ?meeting ?date WHERE { ?meeting schema:startDate ?date } }
}";

const PLACES: &str = "SELECT ?meeting ?place WHERE {
  { SELECT DISTINCT ?meeting WHERE { ?meeting a summit:Meeting } }
  { SELECT DISTINCT ?meeting ?place WHERE { ?meeting schema:location ?place } }
}";

/// Organizations mentioned in an article that reports the meeting
/// (as queries/organizations-with-meetings.rq).
const ORGANIZATIONS: &str = "SELECT DISTINCT ?meeting ?organization WHERE {
  { SELECT DISTINCT ?meeting ?organization WHERE { GRAPH ?article { ?meeting a summit:Meeting . ?organization summit:mentionCount ?n } } }
  { SELECT DISTINCT ?organization WHERE { ?organization a schema:Organization } }
}";

/// Each article's place for a meeting (the page shows the one most articles give).
const REPORTED_PLACES: &str = "SELECT DISTINCT ?meeting ?place ?article WHERE { GRAPH ?article { ?meeting schema:location ?place } }";

const ATTENDEES: &str = "SELECT DISTINCT ?meeting ?attendee WHERE { ?meeting schema:attendee ?attendee }";

/// The evidence of meetings, per article, with the article's id and URL (docs/vocabulary.md).
const EVIDENCE: &str = "SELECT DISTINCT ?meeting ?article ?id ?url ?start ?end ?exact ?rule WHERE {
  GRAPH ?article {
    ?meeting summit:evidence ?span .
    ?span oa:start ?start ; oa:end ?end ; oa:exact ?exact .
    OPTIONAL { ?span summit:rule ?rule }
    OPTIONAL { ?article schema:identifier ?id }
    OPTIONAL { ?article schema:url ?url }
  }
}";

const NAMES: &str = "SELECT DISTINCT ?entity ?name WHERE { ?entity schema:name ?name }";

/// Roles in the schema.org Role pattern: person → memberOf → role → memberOf → country.
const ROLES: &str = "SELECT DISTINCT ?person ?role ?name ?org ?start ?end WHERE {
  GRAPH ?article {
    ?person a schema:Person ; schema:memberOf ?role .
    ?role a schema:OrganizationRole ; schema:roleName ?name .
    OPTIONAL { ?role schema:memberOf ?org }
    OPTIONAL { ?role schema:startDate ?start }
    OPTIONAL { ?role schema:endDate ?end }
  }
}";

/// A person some article names, by name, in any language, ignoring case; `?name` is
/// bound. (The gazetteer graph describes people no article names too.)
const PERSON_BY_NAME: &str = "SELECT DISTINCT ?person WHERE {
  ?person a schema:Person ; schema:name ?n .
  FILTER (LCASE(STR(?n)) = LCASE(STR(?name)))
  FILTER EXISTS { GRAPH ?article { ?person summit:mentionCount ?mentions } }
}";

/// A person some article names, by IRI; `?person` is bound.
const PERSON_BY_IRI: &str = "SELECT DISTINCT ?person WHERE { ?person a schema:Person FILTER EXISTS { GRAPH ?article { ?person summit:mentionCount ?mentions } } }";

/// Runs a SELECT and returns the `want`ed columns, in that order.
fn select(store: &Store, query: &str, source: &str, bindings: &[(String, Term)], want: &[&str]) -> Result<Vec<Vec<Option<Term>>>> {
    let text = format!("{PREFIXES}{query}");
    match store.query(&text, source, bindings)? {
        Answer::Solutions { variables, rows } => {
            let index: Vec<Option<usize>> = want.iter().map(|w| variables.iter().position(|v| v == w)).collect();
            Ok(rows.into_iter().map(|row| index.iter().map(|i| i.and_then(|i| row[i].clone())).collect()).collect())
        }
        _ => Err(Error::new(ErrorKind::Io, format!("{source}: expected solutions"))),
    }
}

fn iri(t: &Option<Term>) -> Option<String> {
    match t {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_string()),
        _ => None,
    }
}

/// A literal's value and language tag ("" when it has none).
fn literal(t: &Option<Term>) -> Option<(String, String)> {
    match t {
        Some(Term::Literal(l)) => Some((l.value().to_string(), l.language().unwrap_or("").to_string())),
        _ => None,
    }
}

/// The people a `--person` value names: an IRI (`https://...` or `<...>`) or a name.
fn resolve_person(store: &Store, who: &str) -> Result<BTreeSet<String>> {
    let (query, binding) = match crate::store::parse_binding(who) {
        Term::NamedNode(n) => (PERSON_BY_IRI, ("person".to_string(), Term::NamedNode(n))),
        _ => (PERSON_BY_NAME, ("name".to_string(), Literal::new_simple_literal(who.trim()).into())),
    };
    let rows = select(store, query, "export --person", &[binding], &["person"])?;
    Ok(rows.iter().filter_map(|r| iri(&r[0])).collect())
}

/// Names by lowercased language tag ("" for none).
pub type Names = BTreeMap<String, BTreeSet<String>>;

/// What the store says of one role held.
#[derive(Default)]
struct RoleFacts {
    names: Names,
    /// The country or organization the role is in.
    org: Option<String>,
    start: Option<String>,
    end: Option<String>,
}

impl RoleFacts {
    /// `Role (Country, start – end)` in the first of `langs` the role is named in.
    fn text(&self, langs: &[&str], names: &BTreeMap<String, Names>) -> Option<String> {
        let pick = |m: &Names| langs.iter().find_map(|l| m.get(*l).and_then(|s| s.iter().next().cloned()));
        let name = pick(&self.names)?;
        let mut detail = Vec::new();
        let org = self.org.as_ref().and_then(|o| names.get(o));
        if let Some(of) = org.and_then(|m| pick(m).or_else(|| m.get("en").and_then(|s| s.iter().next().cloned()))) {
            detail.push(of);
        }
        match (&self.start, &self.end) {
            (Some(s), Some(e)) => detail.push(format!("{s} – {e}")),
            (Some(s), None) => detail.push(format!("{s} –")),
            (None, Some(e)) => detail.push(format!("– {e}")),
            (None, None) => {}
        }
        Some(if detail.is_empty() { name } else { format!("{name} ({})", detail.join(", ")) })
    }
}

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

    /// Reads the network from the store.
    pub fn from_store(store: &Store, sel: &Selection) -> Result<Network> {
        if let (Some(f), Some(t)) = (sel.from, sel.to)
            && f > t
        {
            return Err(Error::new(ErrorKind::Usage, format!("--from {f} is after --to {t}")));
        }
        // Meetings: principals and date.
        let mut meetings: BTreeMap<String, (BTreeSet<String>, Option<String>)> = BTreeMap::new();
        for row in select(store, MEETINGS, "export: meetings", &[], &["meeting", "participant", "date"])? {
            let (Some(m), Some(p)) = (iri(&row[0]), iri(&row[1])) else { continue };
            let e = meetings.entry(m).or_default();
            e.0.insert(p);
            if let Some((d, _)) = literal(&row[2])
                && e.1.as_ref().is_none_or(|old| d < *old)
            {
                e.1 = Some(d);
            }
        }
        meetings.retain(|_, (people, date)| people.len() >= 2 && sel.keeps(date.as_deref()));
        // Every principal, before `--person` trims the meetings to the people it keeps.
        let principals: BTreeMap<String, BTreeSet<String>> = meetings.iter().map(|(m, (p, _))| (m.clone(), p.clone())).collect();
        // Centre on people: them, whom they met, and the meetings among those.
        let mut centre = BTreeSet::new();
        if !sel.people.is_empty() {
            for who in &sel.people {
                let found = resolve_person(store, who)?;
                if found.is_empty() {
                    return Err(Error::new(
                        ErrorKind::Usage,
                        format!("--person {who:?}: no person of that name or IRI in the store (give the full name, e.g. 'Xi Jinping' or '习近平', or the IRI)"),
                    ));
                }
                centre.extend(found);
            }
            let mut keep = centre.clone();
            for (people, _) in meetings.values() {
                if people.iter().any(|p| centre.contains(p)) {
                    keep.extend(people.iter().cloned());
                }
            }
            for (people, _) in meetings.values_mut() {
                people.retain(|p| keep.contains(p));
            }
            meetings.retain(|_, (people, _)| people.len() >= 2);
        }
        let mut kinds: BTreeMap<String, Kind> = centre.iter().map(|p| (p.clone(), Kind::Person)).collect();
        let mut links: Vec<(String, String, Link)> = Vec::new();
        let link = |relation, m: &str, d: &Option<String>| Link {
            relation: Some(relation),
            meetings: BTreeSet::from([m.to_string()]),
            dates: d.iter().cloned().collect(),
            ..Default::default()
        };
        for (m, (people, d)) in &meetings {
            for a in people {
                kinds.insert(a.clone(), Kind::Person);
                for b in people.range::<String, _>((std::ops::Bound::Excluded(a), std::ops::Bound::Unbounded)) {
                    links.push((a.clone(), b.clone(), link(Relation::Met, m, d)));
                }
            }
        }
        let mut extra = |query: &str, var: &str, kind: Kind, relation: Relation| -> Result<()> {
            for row in select(store, query, &format!("export: {var}"), &[], &["meeting", var])? {
                let (Some(m), Some(x)) = (iri(&row[0]), iri(&row[1])) else { continue };
                let Some((people, d)) = meetings.get(&m) else { continue };
                if kinds.get(&x).is_some_and(|k| *k != kind) {
                    continue;
                }
                kinds.insert(x.clone(), kind);
                for p in people {
                    links.push((p.clone(), x.clone(), link(relation, &m, d)));
                }
            }
            Ok(())
        };
        if sel.places {
            extra(PLACES, "place", Kind::Place, Relation::MetAt)?;
        }
        if sel.organizations {
            extra(ORGANIZATIONS, "organization", Kind::Organization, Relation::MentionedWith)?;
        }
        // What the page shows of each meeting: place, attendees, evidence per article.
        let mut shown: BTreeMap<String, Meeting> = meetings
            .iter()
            .map(|(m, (_, date))| (m.clone(), Meeting { date: date.clone(), participants: principals[m].clone(), ..Default::default() }))
            .collect();
        let mut reported: BTreeMap<(String, String), usize> = BTreeMap::new();
        for row in select(store, REPORTED_PLACES, "export: places reported", &[], &["meeting", "place"])? {
            let (Some(m), Some(p)) = (iri(&row[0]), iri(&row[1])) else { continue };
            if shown.contains_key(&m) {
                *reported.entry((m, p)).or_default() += 1;
            }
        }
        // In place order, so that only more reports replace a place: the least IRI wins a tie.
        let mut most: BTreeMap<String, usize> = BTreeMap::new();
        for ((m, p), n) in reported {
            let best = most.entry(m.clone()).or_default();
            if n > *best {
                *best = n;
                shown.get_mut(&m).expect("kept").place = Some(p);
            }
        }
        for row in select(store, ATTENDEES, "export: attendees", &[], &["meeting", "attendee"])? {
            let (Some(m), Some(a)) = (iri(&row[0]), iri(&row[1])) else { continue };
            if let Some(x) = shown.get_mut(&m) {
                x.attendees.insert(a);
            }
        }
        let mut reports: BTreeMap<(String, String), Report> = BTreeMap::new();
        for row in select(store, EVIDENCE, "export: evidence", &[], &["meeting", "article", "id", "url", "start", "end", "exact", "rule"])? {
            let (Some(m), Some(doc)) = (iri(&row[0]), iri(&row[1])) else { continue };
            if !shown.contains_key(&m) {
                continue;
            }
            let number = |t: &Option<Term>| literal(t).and_then(|(v, _)| v.parse::<usize>().ok()).unwrap_or(0);
            let r = reports.entry((m, doc.clone())).or_insert_with(|| Report { doc: doc.clone(), id: doc.clone(), ..Default::default() });
            if let Some((id, _)) = literal(&row[2]) {
                r.id = id;
            }
            if r.url.is_none() {
                r.url = iri(&row[3]).or_else(|| literal(&row[3]).map(|x| x.0));
            }
            let rule = iri(&row[7]).map(|r| r.rsplit('/').next().unwrap_or_default().to_string()).unwrap_or_default();
            let quote = Quote { start: number(&row[4]), end: number(&row[5]), text: literal(&row[6]).map(|x| x.0).unwrap_or_default(), rule };
            if !r.evidence.contains(&quote) {
                r.evidence.push(quote);
            }
        }
        for ((m, _), mut r) in reports {
            r.evidence.sort();
            shown.get_mut(&m).expect("kept").reports.push(r);
        }
        let mut named: BTreeSet<String> = BTreeSet::new();
        for x in shown.values() {
            named.extend(x.participants.iter().chain(&x.attendees).chain(&x.place).cloned());
        }
        // Roles, in the gazetteer's order.
        let mut roles: BTreeMap<String, BTreeMap<(usize, String), RoleFacts>> = BTreeMap::new();
        let mut wanted: BTreeSet<String> = kinds.keys().chain(&named).cloned().collect();
        for row in select(store, ROLES, "export: roles", &[], &["person", "role", "name", "org", "start", "end"])? {
            let (Some(p), Some(r)) = (iri(&row[0]), iri(&row[1])) else { continue };
            if kinds.get(&p) != Some(&Kind::Person) {
                continue;
            }
            let n = r.rsplit('/').next().and_then(|s| s.parse().ok()).unwrap_or(usize::MAX);
            let f = roles.entry(p).or_default().entry((n, r)).or_default();
            if let Some((name, lang)) = literal(&row[2]) {
                f.names.entry(lang.to_ascii_lowercase()).or_default().insert(name);
            }
            if let Some(org) = iri(&row[3]) {
                wanted.insert(org.clone());
                f.org = Some(match f.org.take() {
                    Some(o) if o < org => o,
                    _ => org,
                });
            }
            f.start = f.start.take().or_else(|| literal(&row[4]).map(|x| x.0));
            f.end = f.end.take().or_else(|| literal(&row[5]).map(|x| x.0));
        }
        // Names, by language: of the nodes and of the places their roles are in.
        let mut names: BTreeMap<String, Names> = BTreeMap::new();
        for row in select(store, NAMES, "export: names", &[], &["entity", "name"])? {
            let (Some(e), Some((name, lang))) = (iri(&row[0]), literal(&row[1])) else { continue };
            if wanted.contains(&e) {
                names.entry(e).or_default().entry(lang.to_ascii_lowercase()).or_default().insert(name);
            }
        }
        let nodes = kinds
            .iter()
            .map(|(e, &kind)| {
                let (label, zh) = labels(names.get(e), e);
                let held = roles.get(e);
                Node {
                    iri: e.clone(),
                    id: node_id(e),
                    kind,
                    label,
                    label_zh: zh,
                    roles: held.map(|h| h.values().filter_map(|f| f.text(&["en"], &names)).collect()).unwrap_or_default(),
                    roles_zh: held.map(|h| h.values().filter_map(|f| f.text(&["zh-hans", "zh-hant"], &names)).collect()).unwrap_or_default(),
                }
            })
            .collect();
        let mut net = Network::new(nodes, links, sel.describe());
        for link in net.graph.edge_weights_mut() {
            let mut docs: BTreeMap<&str, Option<&str>> = BTreeMap::new();
            for r in link.meetings.iter().filter_map(|m| shown.get(m)).flat_map(|x| &x.reports) {
                let url = docs.entry(&r.doc).or_default();
                *url = url.or(r.url.as_deref());
            }
            link.reports = docs.len();
            link.url = docs.values().find_map(|u| u.map(str::to_string));
        }
        net.names = names.into_iter().filter(|(e, _)| named.contains(e)).collect();
        net.meetings = shown;
        Ok(net)
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

    fn write_graphml(&self, w: &mut dyn Write) -> std::io::Result<()> {
        writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            w,
            r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
        )?;
        let mut desc = "summit: who met whom. Nodes are people (and places and organizations); an edge joins two people who met, weighted by their distinct meetings (planned ones left out).".to_string();
        if !self.caption.is_empty() {
            desc = format!("{desc} Selection: {}.", self.caption);
        }
        writeln!(w, "  <desc>{}</desc>", xml_text(&desc))?;
        for (id, domain, ty) in [
            ("label", "node", "string"),
            ("label_zh", "node", "string"),
            ("type", "node", "string"),
            ("roles", "node", "string"),
            ("roles_zh", "node", "string"),
            ("iri", "node", "string"),
            ("weight", "edge", "int"),
            ("dates", "edge", "string"),
            ("relation", "edge", "string"),
            ("meetings", "edge", "string"),
            ("reports", "edge", "int"),
            ("url", "edge", "string"),
        ] {
            writeln!(w, r#"  <key id="{id}" for="{domain}" attr.name="{id}" attr.type="{ty}"/>"#)?;
        }
        writeln!(w, r#"  <graph id="who-met-whom" edgedefault="undirected">"#)?;
        for n in self.nodes() {
            writeln!(w, r#"    <node id="{}">"#, xml_attr(&n.id))?;
            let mut data = |key: &str, value: &str| writeln!(w, r#"      <data key="{key}">{}</data>"#, xml_text(value));
            data("label", &n.label)?;
            n.attributes(data)?;
            writeln!(w, "    </node>")?;
        }
        for (_, a, b, l) in self.edges() {
            writeln!(w, r#"    <edge source="{}" target="{}">"#, xml_attr(&a.id), xml_attr(&b.id))?;
            writeln!(w, r#"      <data key="weight">{}</data>"#, l.weight())?;
            l.attributes(|key, value| writeln!(w, r#"      <data key="{key}">{}</data>"#, xml_text(value)))?;
            writeln!(w, "    </edge>")?;
        }
        writeln!(w, "  </graph>")?;
        writeln!(w, "</graphml>")
    }

    fn write_gexf(&self, w: &mut dyn Write) -> std::io::Result<()> {
        let d = self.drawing(false);
        writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            w,
            r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
        )?;
        writeln!(w, "  <meta>")?;
        writeln!(w, "    <creator>summit</creator>")?;
        let mut desc = format!("Who met whom: {}. An edge has one spell per meeting day (a month or year when that is all the article gives); a node starts at its first meeting.", self.summary());
        if !self.caption.is_empty() {
            desc = format!("{desc} Selection: {}.", self.caption);
        }
        writeln!(w, "    <description>{}</description>", xml_text(&desc))?;
        writeln!(w, "  </meta>")?;
        writeln!(w, r#"  <graph defaultedgetype="undirected" mode="dynamic" timeformat="date" timerepresentation="interval">"#)?;
        writeln!(w, r#"    <attributes class="node" mode="static">"#)?;
        for id in ["label_zh", "type", "roles", "roles_zh", "iri"] {
            writeln!(w, r#"      <attribute id="{id}" title="{id}" type="string"/>"#)?;
        }
        writeln!(w, "    </attributes>")?;
        writeln!(w, r#"    <attributes class="edge" mode="static">"#)?;
        for (id, ty) in [("dates", "string"), ("relation", "string"), ("meetings", "string"), ("reports", "integer"), ("url", "string")] {
            writeln!(w, r#"      <attribute id="{id}" title="{id}" type="{ty}"/>"#)?;
        }
        writeln!(w, "    </attributes>")?;
        // Each edge's spells; a node starts at its first spell, unless one of its edges
        // is undated (then it is there all along).
        let spells: Vec<Vec<(NaiveDate, NaiveDate)>> = self.graph.edge_weights().map(|l| l.dates.iter().filter_map(|d| date_span(d)).collect()).collect();
        writeln!(w, "    <nodes>")?;
        for (i, n) in self.graph.node_indices().zip(self.nodes()) {
            let mut start: Option<NaiveDate> = None;
            let mut timeless = false;
            for e in self.graph.edges(i) {
                match spells[e.id().index()].iter().map(|s| s.0).min() {
                    Some(s) => start = Some(start.map_or(s, |x| x.min(s))),
                    None => timeless = true,
                }
            }
            let start = if timeless { String::new() } else { start.map(|s| format!(r#" start="{s}""#)).unwrap_or_default() };
            writeln!(w, r#"      <node id="{}" label="{}"{start}>"#, xml_attr(&n.id), xml_attr(&n.label))?;
            writeln!(w, "        <attvalues>")?;
            n.attributes(|key, value| writeln!(w, r#"          <attvalue for="{key}" value="{}"/>"#, xml_attr(value)))?;
            writeln!(w, "        </attvalues>")?;
            let (r, g, b) = colour(n.kind);
            let p = d.pos[i.index()];
            writeln!(w, r#"        <viz:color r="{r}" g="{g}" b="{b}"/>"#)?;
            // Gephi's y axis points up.
            writeln!(w, r#"        <viz:position x="{}" y="{}" z="0.0"/>"#, num(p.x), num(d.height - p.y))?;
            writeln!(w, r#"        <viz:size value="{}"/>"#, num(d.radius[i.index()]))?;
            writeln!(w, "      </node>")?;
        }
        writeln!(w, "    </nodes>")?;
        writeln!(w, "    <edges>")?;
        for (i, a, b, l) in self.edges() {
            writeln!(w, r#"      <edge id="e{i}" source="{}" target="{}" weight="{}">"#, xml_attr(&a.id), xml_attr(&b.id), l.weight())?;
            writeln!(w, "        <attvalues>")?;
            l.attributes(|key, value| writeln!(w, r#"          <attvalue for="{key}" value="{}"/>"#, xml_attr(value)))?;
            writeln!(w, "        </attvalues>")?;
            if !spells[i].is_empty() {
                writeln!(w, "        <spells>")?;
                for (s, e) in &spells[i] {
                    writeln!(w, r#"          <spell start="{s}" end="{e}"/>"#)?;
                }
                writeln!(w, "        </spells>")?;
            }
            writeln!(w, "      </edge>")?;
        }
        writeln!(w, "    </edges>")?;
        writeln!(w, "  </graph>")?;
        writeln!(w, "</gexf>")
    }

    fn write_json(&self, w: &mut dyn Write) -> std::io::Result<()> {
        #[derive(Serialize)]
        struct Doc<'a> {
            data: DocData,
            elements: Elements<'a>,
        }
        #[derive(Serialize)]
        struct DocData {
            generator: &'static str,
            format: &'static str,
            summary: String,
            #[serde(skip_serializing_if = "String::is_empty")]
            selection: String,
        }
        #[derive(Serialize)]
        struct Elements<'a> {
            nodes: Vec<CyNode<'a>>,
            edges: Vec<CyEdge<'a>>,
        }
        #[derive(Serialize)]
        struct CyNode<'a> {
            data: NodeData<'a>,
            position: Pos,
        }
        #[derive(Serialize)]
        struct NodeData<'a> {
            id: &'a str,
            label: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            label_zh: Option<&'a str>,
            #[serde(rename = "type")]
            kind: &'static str,
            roles: &'a [String],
            roles_zh: &'a [String],
            degree: usize,
            size: f64,
            iri: &'a str,
        }
        #[derive(Serialize)]
        struct Pos {
            x: f64,
            y: f64,
        }
        #[derive(Serialize)]
        struct CyEdge<'a> {
            data: EdgeData<'a>,
        }
        #[derive(Serialize)]
        struct EdgeData<'a> {
            id: String,
            source: &'a str,
            target: &'a str,
            relation: &'static str,
            weight: usize,
            dates: Vec<&'a str>,
            meetings: Vec<&'a str>,
            reports: usize,
            #[serde(skip_serializing_if = "Option::is_none")]
            url: Option<&'a str>,
        }
        let d = self.drawing(false);
        let degrees = self.degrees();
        let nodes = self
            .nodes()
            .enumerate()
            .map(|(i, n)| CyNode {
                data: NodeData {
                    id: &n.id,
                    label: &n.label,
                    label_zh: n.label_zh.as_deref(),
                    kind: n.kind.as_str(),
                    roles: &n.roles,
                    roles_zh: &n.roles_zh,
                    degree: degrees[i],
                    size: round1(d.radius[i] * 2.0),
                    iri: &n.iri,
                },
                position: Pos { x: round1(d.pos[i].x), y: round1(d.pos[i].y) },
            })
            .collect();
        let edges = self
            .edges()
            .map(|(i, a, b, l)| CyEdge {
                data: EdgeData {
                    id: format!("e{i}"),
                    source: &a.id,
                    target: &b.id,
                    relation: l.relation().as_str(),
                    weight: l.weight(),
                    dates: l.dates.iter().map(String::as_str).collect(),
                    meetings: l.meetings.iter().map(String::as_str).collect(),
                    reports: l.reports,
                    url: l.url.as_deref(),
                },
            })
            .collect();
        let doc = Doc {
            data: DocData {
                generator: "summit",
                format: "Cytoscape.js elements JSON: cytoscape({ elements: doc.elements, layout: { name: 'preset' } }) or cy.json(doc)",
                summary: self.summary(),
                selection: self.caption.clone(),
            },
            elements: Elements { nodes, edges },
        };
        serde_json::to_writer_pretty(&mut *w, &doc).map_err(std::io::Error::other)?;
        writeln!(w)
    }

    /// Lays the network out: canvas, node positions and radii, label places and sizes.
    fn drawing(&self, all_labels: bool) -> Drawing {
        let n = self.graph.node_count();
        let degrees = self.degrees();
        let max_degree = degrees.iter().copied().max().unwrap_or(0).max(1) as f64;
        let radius: Vec<f64> = self
            .nodes()
            .zip(&degrees)
            .map(|(node, &d)| match node.kind {
                Kind::Person => 5.0 + 2.2 * (d as f64).sqrt(),
                _ => 4.0 + 1.6 * (d as f64).sqrt(),
            })
            .collect();
        let (width, height) = layout::canvas_for(n);
        let (header, footer) = (58.0, 34.0);
        let frame = Rect { x: 28.0, y: header + 14.0, w: width - 56.0, h: height - header - footer - 28.0 };
        let edges: Vec<(usize, usize, f64)> =
            self.graph.edge_references().map(|e| (e.source().index(), e.target().index(), e.weight().weight() as f64)).collect();
        let seeds: Vec<u64> = self.nodes().map(|n| layout::seed(&n.id)).collect();
        // Bigger type for the better-connected.
        let font: Vec<f64> = degrees.iter().map(|&d| round1(12.0 + 5.0 * (d as f64 / max_degree))).collect();
        let lines: Vec<(String, Option<String>)> = self
            .nodes()
            .map(|n| {
                let en = display(&n.label);
                let zh = n.label_zh.as_deref().map(display).filter(|z| !z.is_empty() && *z != en);
                (en, zh)
            })
            .collect();
        let size: Vec<(f64, f64)> = lines
            .iter()
            .zip(&font)
            .map(|((en, zh), &f)| {
                let w = layout::text_width(en, f).max(zh.as_deref().map_or(0.0, |z| layout::text_width(z, f)));
                let h = f * 1.2 + zh.as_ref().map_or(0.0, |_| f * 1.25);
                (w.ceil(), h.ceil())
            })
            .collect();
        let strength: Vec<usize> = self.graph.node_indices().map(|i| self.graph.edges(i).map(|e| e.weight().weight()).sum()).collect();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            let person = |i: usize| self.graph[NodeIndex::new(i)].kind == Kind::Person;
            person(b).cmp(&person(a)).then(degrees[b].cmp(&degrees[a])).then(strength[b].cmp(&strength[a])).then(a.cmp(&b))
        });
        let budget = if n <= 100 { n } else { 100 + (n - 100) / 8 };
        // Room beside the most important nodes for their labels: a quarter of them, at
        // least 8, at most 100.
        let reserve: Vec<(usize, f64, f64)> = order.iter().take((n / 4).clamp(8, 100).min(budget)).map(|&i| (i, size[i].0, size[i].1)).collect();
        let pos = layout::positions(n, &edges, &seeds, &radius, frame, &reserve);
        let page = Rect { x: 4.0, y: header, w: width - 8.0, h: height - header - footer };
        let mut labels: Vec<Option<(Placed, bool)>> = vec![None; n];
        let ends: Vec<(usize, usize)> = edges.iter().map(|e| (e.0, e.1)).collect();
        for p in layout::place_labels(&pos, &radius, &size, &ends, &order, budget, page) {
            labels[p.node] = Some((p, true));
        }
        if all_labels {
            // Hidden labels for the page to show on hover: at the right of their node.
            for i in 0..n {
                if labels[i].is_none() {
                    let (w, h) = size[i];
                    let rect = Rect { x: pos[i].x + radius[i] + 3.0, y: pos[i].y - h / 2.0, w, h };
                    labels[i] = Some((Placed { node: i, rect, side: Side::Right }, false));
                }
            }
        }
        Drawing { width, height, pos, radius, font, lines, labels, degrees }
    }

    /// The picture, as SVG. `interactive` (for the HTML page) adds ids for the script
    /// and a hidden label on every unlabelled node.
    pub fn svg(&self, interactive: bool) -> String {
        let d = self.drawing(interactive);
        let mut s = String::new();
        let (w, h) = (d.width, d.height);
        let _ = writeln!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{}">"#,
            xml_attr(FONTS)
        );
        let summary = self.summary();
        let _ = writeln!(s, "<title>Who met whom: {}</title>", xml_text(&summary));
        let _ = writeln!(s, r##"<rect width="{w}" height="{h}" fill="#ffffff"/>"##);
        let _ = writeln!(s, r##"<text x="28" y="30" font-size="20" font-weight="bold" fill="#1d2433">Who met whom</text>"##);
        let sub = if self.caption.is_empty() { summary.clone() } else { format!("{summary} · {}", self.caption) };
        let _ = writeln!(s, r##"<text x="28" y="50" font-size="13" fill="#4a5468">{}</text>"##, xml_text(&display(&sub)));
        if self.graph.node_count() == 0 {
            let _ = writeln!(s, r##"<text x="{}" y="{}" font-size="16" fill="#4a5468" text-anchor="middle">No meetings in this selection.</text>"##, w / 2.0, h / 2.0);
        }
        // Edges: lighter first, so the heavy ones are drawn on top.
        let mut edges: Vec<(usize, usize, usize, &Link)> = self.ends().enumerate().map(|(i, (a, b, l))| (i, a, b, l)).collect();
        edges.sort_by_key(|e| (e.3.weight(), e.0));
        // Fainter lines when there are many.
        let opacity = (0.75 - self.graph.edge_count() as f64 / 3000.0).clamp(0.4, 0.75);
        let _ = writeln!(s, r#"<g id="edges" stroke-linecap="round" fill="none" stroke-opacity="{opacity:.2}">"#);
        for (ei, ai, bi, l) in edges {
            let (a, b) = (&self.graph[NodeIndex::new(ai)], &self.graph[NodeIndex::new(bi)]);
            let (p, q) = (d.pos[ai], d.pos[bi]);
            let width = edge_width(l.weight());
            let (stroke, dash) = match l.relation() {
                Relation::Met => ("#6b7a90", ""),
                Relation::MetAt => ("#58a27c", r#" stroke-dasharray="4 3""#),
                Relation::MentionedWith => ("#d89b5b", r#" stroke-dasharray="2 3""#),
            };
            let title = edge_title(a, b, l);
            let ids = if interactive { format!(r#" data-a="{ai}" data-b="{bi}" data-e="{ei}""#) } else { String::new() };
            let _ = writeln!(
                s,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="{}"{dash}{ids}><title>{}</title></line>"#,
                num(p.x),
                num(p.y),
                num(q.x),
                num(q.y),
                num(width),
                xml_text(&title)
            );
        }
        let _ = writeln!(s, "</g>");
        // Nodes: the best connected last, on top.
        let mut order: Vec<usize> = (0..self.graph.node_count()).collect();
        order.sort_by_key(|&i| (d.degrees[i], i));
        let _ = writeln!(s, r##"<g id="nodes" stroke="#ffffff" stroke-width="1.5">"##);
        for &i in &order {
            let n = &self.graph[NodeIndex::new(i)];
            let (p, r) = (d.pos[i], d.radius[i]);
            let (cr, cg, cb) = colour(n.kind);
            let fill = format!("#{cr:02x}{cg:02x}{cb:02x}");
            let ids = if interactive { format!(r#" data-i="{i}""#) } else { String::new() };
            let title = xml_text(&node_title(n, d.degrees[i]));
            let _ = match n.kind {
                Kind::Person => writeln!(s, r#"<circle cx="{}" cy="{}" r="{}" fill="{fill}"{ids}><title>{title}</title></circle>"#, num(p.x), num(p.y), num(r)),
                Kind::Place => writeln!(
                    s,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="{fill}"{ids}><title>{title}</title></rect>"#,
                    num(p.x - r * 0.9),
                    num(p.y - r * 0.9),
                    num(r * 1.8),
                    num(r * 1.8)
                ),
                Kind::Organization => writeln!(
                    s,
                    r#"<polygon points="{},{} {},{} {},{} {},{}" fill="{fill}"{ids}><title>{title}</title></polygon>"#,
                    num(p.x),
                    num(p.y - r * 1.1),
                    num(p.x + r * 1.1),
                    num(p.y),
                    num(p.x),
                    num(p.y + r * 1.1),
                    num(p.x - r * 1.1),
                    num(p.y)
                ),
            };
        }
        let _ = writeln!(s, "</g>");
        // Labels: English above Chinese, with a white halo.
        let _ = writeln!(
            s,
            r##"<g id="labels" fill="#1d2433" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke" pointer-events="none">"##
        );
        for (i, placed) in d.labels.iter().enumerate() {
            let Some((pl, shown)) = placed else { continue };
            let (en, zh) = &d.lines[i];
            let f = d.font[i];
            let x = match pl.side.anchor() {
                "start" => pl.rect.x,
                "end" => pl.rect.right(),
                _ => pl.rect.x + pl.rect.w / 2.0,
            };
            let hidden = !shown;
            let attrs = if interactive { format!(r#" data-i="{i}"{}"#, if hidden { r#" visibility="hidden""# } else { "" }) } else { String::new() };
            let _ = write!(s, r#"<g text-anchor="{}"{attrs}>"#, pl.side.anchor());
            let weight = if d.degrees[i] as f64 >= 0.6 * d.max_degree() && d.degrees[i] > 1 { r#" font-weight="bold""# } else { "" };
            let _ = write!(s, r#"<text x="{}" y="{}" font-size="{}"{weight}>{}</text>"#, num(x), num(pl.rect.y + f * 0.95), num(f), xml_text(en));
            if let Some(z) = zh {
                let _ = write!(
                    s,
                    r##"<text x="{}" y="{}" font-size="{}" font-family="{}" fill="#3b4456">{}</text>"##,
                    num(x),
                    num(pl.rect.y + f * 1.2 + f * 0.98),
                    num(f),
                    xml_attr(CJK_FONTS),
                    xml_text(z)
                );
            }
            let _ = writeln!(s, "</g>");
        }
        let _ = writeln!(s, "</g>");
        // The number of meetings on the heavier edges of small networks.
        if self.graph.node_count() <= 60 {
            let mut taken: Vec<Rect> = d.labels.iter().flatten().filter(|(_, shown)| *shown).map(|(p, _)| p.rect).collect();
            let _ = writeln!(
                s,
                r##"<g id="counts" font-size="11" font-weight="bold" fill="#4a5468" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke" text-anchor="middle" pointer-events="none">"##
            );
            for (a, b, l) in self.ends() {
                if l.weight() < 2 {
                    continue;
                }
                let text = format!("{}×", l.weight());
                let (p, q) = (d.pos[a], d.pos[b]);
                let w = layout::text_width(&text, 11.0);
                for t in [0.5, 0.38, 0.62, 0.28, 0.72] {
                    let c = Point { x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t };
                    let rect = Rect { x: c.x - w / 2.0 - 2.0, y: c.y - 8.0, w: w + 4.0, h: 13.0 };
                    if taken.iter().any(|r| r.intersects(&rect)) || d.pos.iter().zip(&d.radius).any(|(&c, &r)| rect.hits_circle(c, r)) {
                        continue;
                    }
                    let _ = writeln!(s, r#"<text x="{}" y="{}">{text}</text>"#, num(c.x), num(c.y + 4.0));
                    taken.push(rect);
                    break;
                }
            }
            let _ = writeln!(s, "</g>");
        }
        // Legend.
        let y = h - 16.0;
        let _ = writeln!(s, r##"<g id="legend" font-size="12" fill="#4a5468">"##);
        let mut x = 28.0;
        let (pr, pg, pb) = colour(Kind::Person);
        let _ = writeln!(s, r##"<circle cx="{}" cy="{}" r="5" fill="#{pr:02x}{pg:02x}{pb:02x}"/><text x="{}" y="{}">person (size: people met)</text>"##, x + 5.0, y - 4.0, x + 14.0, y);
        x += 190.0;
        if self.count(Kind::Place) > 0 {
            let (r, g, b) = colour(Kind::Place);
            let _ = writeln!(s, r##"<rect x="{x}" y="{}" width="9" height="9" fill="#{r:02x}{g:02x}{b:02x}"/><text x="{}" y="{y}">place</text>"##, y - 9.0, x + 14.0);
            x += 64.0;
        }
        if self.count(Kind::Organization) > 0 {
            let (r, g, b) = colour(Kind::Organization);
            let _ = writeln!(
                s,
                r##"<polygon points="{},{} {},{} {},{} {},{}" fill="#{r:02x}{g:02x}{b:02x}"/><text x="{}" y="{y}">organization</text>"##,
                x + 5.0,
                y - 10.0,
                x + 10.0,
                y - 4.0,
                x + 5.0,
                y + 2.0,
                x,
                y - 4.0,
                x + 14.0
            );
            x += 104.0;
        }
        let _ = write!(s, r#"<text x="{}" y="{y}">meetings:</text>"#, num(x));
        x += 68.0;
        for weight in [1, 2, 5] {
            let _ = write!(
                s,
                r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#6b7a90" stroke-width="{}"/><text x="{}" y="{y}">{weight}</text>"##,
                num(x),
                num(y - 4.0),
                num(x + 22.0),
                num(y - 4.0),
                num(edge_width(weight)),
                num(x + 26.0)
            );
            x += 46.0;
        }
        let _ = writeln!(s);
        let _ = writeln!(s, "</g>");
        let _ = writeln!(s, "</svg>");
        s
    }

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
const PAGE_CSS: &str = include_str!("export/assets/page.css");
const PAGE_JS: &str = include_str!("export/assets/page.js");

/// A label and a Chinese name from names by language: English, else Simplified, else
/// Traditional Chinese, else any, else `fallback`.
fn labels(by_lang: Option<&Names>, fallback: &str) -> (String, Option<String>) {
    let first = |lang: &str| by_lang.and_then(|m| m.get(lang)).and_then(|s| s.iter().next().cloned());
    let zh = first("zh-hans").or_else(|| first("zh-hant"));
    let any = || by_lang.and_then(|m| m.values().next()).and_then(|s| s.iter().next().cloned());
    let label = first("en").or_else(|| zh.clone()).or_else(any).unwrap_or_else(|| fallback.to_string());
    (label, zh)
}

/// Where everything goes in a picture.
struct Drawing {
    width: f64,
    height: f64,
    pos: Vec<Point>,
    radius: Vec<f64>,
    font: Vec<f64>,
    lines: Vec<(String, Option<String>)>,
    /// Each node's label and whether it shows (hidden ones are for the page's hover).
    labels: Vec<Option<(Placed, bool)>>,
    degrees: Vec<usize>,
}

impl Drawing {
    fn max_degree(&self) -> f64 {
        self.degrees.iter().copied().max().unwrap_or(0) as f64
    }
}

const FONTS: &str = "DejaVu Sans, Noto Sans, Helvetica Neue, Arial, WenQuanYi Micro Hei, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif";
const CJK_FONTS: &str = "WenQuanYi Micro Hei, Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, SimHei, sans-serif";

fn colour(kind: Kind) -> (u8, u8, u8) {
    match kind {
        Kind::Person => (0x2f, 0x5f, 0xa7),
        Kind::Place => (0x2e, 0x8b, 0x57),
        Kind::Organization => (0xd0, 0x74, 0x1f),
    }
}

fn node_title(n: &Node, degree: usize) -> String {
    let mut t = display(&n.label);
    if let Some(z) = &n.label_zh
        && *z != n.label
    {
        t.push(' ');
        t.push_str(&display(z));
    }
    for r in &n.roles {
        t.push('\n');
        t.push_str(&display(r));
    }
    let what = match n.kind {
        Kind::Person => format!("met {degree} {}", if degree == 1 { "person" } else { "people" }),
        Kind::Place => format!("{degree} {} met here", if degree == 1 { "person" } else { "people" }),
        Kind::Organization => format!("mentioned beside meetings of {degree} {}", if degree == 1 { "person" } else { "people" }),
    };
    t.push('\n');
    t.push_str(&what);
    t
}

fn edge_title(a: &Node, b: &Node, l: &Link) -> String {
    let n = l.weight();
    let what = match l.relation() {
        Relation::Met => "met",
        Relation::MetAt => "at",
        Relation::MentionedWith => "with",
    };
    let mut t = format!("{} {what} {}: {n} {}", display(&a.label), display(&b.label), if n == 1 { "meeting" } else { "meetings" });
    if !l.dates.is_empty() {
        t.push_str(&format!(" ({})", join(&l.dates, ", ")));
    }
    t
}

/// Line width for an edge of `weight` meetings: 1.5 for one, 4 for two, growing with
/// the square root, at most 12.
fn edge_width(weight: usize) -> f64 {
    (1.5 + 2.5 * ((weight.max(1) - 1) as f64).sqrt()).min(12.0)
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
