//! RDF: an [`Extraction`] as linked data, and its Turtle / N-Triples / N-Quads forms.
//!
//! Input: an extraction. Output: quads in the document's own named graph
//! (`https://w3id.org/summit/doc/<id>`), so loading a document again replaces exactly
//! what it said before. A document graph holds what the document says: its meetings
//! with their evidence spans and rules, the people no list knows with the names it gives
//! them, and one `summit:mentionCount` triple per entity it names (every mention as a
//! span node only with `mentions`, as `extract --mentions` asks).
//!
//! What the gazetteers know (names in three scripts, aliases, roles with their dates, the
//! place hierarchy, Wikidata links) is not the document's: [`gazetteer_graph`] says it
//! once, in its own named graph ([`GAZETTEER_GRAPH`]), which `summit load` writes into a
//! store when it is missing or was made from another pack.
//!
//! The vocabulary (documented in `docs/vocabulary.md`) reuses public ones: schema.org for
//! people, places, organizations, articles, events, names with language tags, location,
//! dates, attendees and the Role pattern; PROV-O for where each fact came from and the
//! rule behind it (a `prov:Plan`); Web Annotation selectors for evidence offsets; OWL
//! `sameAs` to Wikidata for the ids the gazetteer marks as verified. The `summit:`
//! namespace adds only what those lack: `Meeting`, `participant`, `host`, `guest`,
//! `evidence`, `mention`, `mentionCount`, `rule`, `dateText`, `placeKind`, `packVersion`,
//! `viewVersion`.
//!
//! [`meetings_view_quads`] says what a document graph adds to the merged view of meetings
//! ([`MEETINGS_GRAPH`]), which the store keeps; `extract` never writes it.
//!
//! **Invariant**: every IRI is minted from data only (gazetteer ids, percent-encoded
//! names and document ids, dates), so two runs, or two machines, mint the same IRIs;
//! every literal goes through the RDF model, so no text can inject triples.

use crate::extract::{Event, Extraction, Span, slug};
use crate::gazetteer::{BASE_IRI, EntityType, Gazetteer, PlaceKind};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use std::io::Write;

pub const SCHEMA: &str = "https://schema.org/";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const OA: &str = "http://www.w3.org/ns/oa#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const SUMMIT: &str = "https://w3id.org/summit/ns#";
pub const WIKIDATA: &str = "http://www.wikidata.org/entity/";

/// The named graph of what the gazetteers know ([`gazetteer_graph`]).
pub const GAZETTEER_GRAPH: &str = "https://w3id.org/summit/graph/gazetteer";

/// The merged view of meetings ([`meetings_view_quads`]): one node per meeting, said once
/// whatever the number of articles reporting it, with a link to each report.
pub const MEETINGS_GRAPH: &str = "https://w3id.org/summit/graph/meetings";

/// The shape of [`MEETINGS_GRAPH`] this summit writes (`<graph> summit:viewVersion "…"`):
/// a store without it gets its view built from its document graphs when opened for writing.
pub const MEETINGS_VIEW_VERSION: &str = "1";

/// The prefixes Turtle output declares.
pub const PREFIXES: [(&str, &str); 9] = [
    ("schema", SCHEMA),
    ("prov", PROV),
    ("oa", OA),
    ("owl", OWL),
    ("summit", SUMMIT),
    ("wd", WIKIDATA),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("id", BASE_IRI),
];

fn iri(s: &str) -> NamedNode {
    NamedNode::new_unchecked(s)
}

fn ns(base: &str, local: &str) -> NamedNode {
    iri(&format!("{base}{local}"))
}

/// The IRI of a document, which is also the name of its graph. One id, one IRI: ASCII
/// letters (case kept), digits and `-._~` stay, every other byte is percent-encoded
/// (`%` too), so two ids never share a graph (`a b`, `a-b` and `A-B` are three
/// documents; a shared graph would make loading one erase the other).
pub fn doc_iri(doc: &str) -> String {
    let mut out = format!("{BASE_IRI}doc/");
    let dots = doc.bytes().all(|b| b == b'.'); // `.` and `..` are not path segments
    for b in doc.bytes() {
        if b.is_ascii_alphanumeric() || (matches!(b, b'-' | b'.' | b'_' | b'~') && !dots) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn rule_iri(rule: &str) -> NamedNode {
    iri(&format!("{BASE_IRI}rule/{}", slug(rule)))
}

/// A literal with a BCP 47 tag; the tags used here are all valid.
fn lang(value: &str, tag: &str) -> Literal {
    Literal::new_language_tagged_literal(value, tag).unwrap_or_else(|_| Literal::new_simple_literal(value))
}

/// An ISO date as summit writes it, typed by its precision.
pub fn date_literal(d: &str) -> Literal {
    let dt = if d.starts_with("--") {
        xsd::G_MONTH_DAY
    } else {
        match d.len() {
            4 => xsd::G_YEAR,
            7 => xsd::G_YEAR_MONTH,
            _ => xsd::DATE,
        }
    };
    Literal::new_typed_literal(d, dt)
}

fn int(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
}

struct Builder {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Builder {
    fn add(&mut self, s: &NamedNode, p: NamedNode, o: impl Into<Term>) {
        self.quads.push(Quad::new(s.clone(), p, o, self.graph.clone()));
    }

    fn add_ref(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.add(s, p.into_owned(), o);
    }

    /// A span of the document: a Web Annotation position + quote selector made by a
    /// rule. (Which document it is in, its IRI and its graph say.)
    fn span(&mut self, doc: &NamedNode, s: &Span) -> NamedNode {
        let node = iri(&format!("{}#char={},{}", doc.as_str(), s.start, s.end));
        self.add_ref(&node, rdf::TYPE, ns(OA, "TextPositionSelector"));
        self.add_ref(&node, rdf::TYPE, ns(OA, "TextQuoteSelector"));
        self.add(&node, ns(OA, "start"), int(s.start));
        self.add(&node, ns(OA, "end"), int(s.end));
        self.add(&node, ns(OA, "exact"), Literal::new_simple_literal(&s.text));
        let rule = rule_iri(&s.rule);
        self.add(&node, ns(SUMMIT, "rule"), rule.clone());
        self.add_ref(&rule, rdf::TYPE, ns(PROV, "Plan"));
        self.add_ref(&rule, rdfs::LABEL, Literal::new_simple_literal(&*s.rule));
        node
    }
}

fn script_tag(name: &str) -> &'static str {
    if name.chars().any(crate::normalise::is_han) {
        // Simplified unless folding changes it.
        if crate::normalise::normalise(name) == name { "zh-Hans" } else { "zh-Hant" }
    } else {
        "en"
    }
}

/// Every quad one document says, in its own graph; sorted, no duplicates. Mentions are
/// counted (`summit:mentionCount`), not described one by one: see [`quads_with`].
pub fn quads(x: &Extraction, g: &Gazetteer) -> Vec<Quad> {
    quads_with(x, g, false)
}

/// [`quads`], and with `mentions` every mention of every entity as a span node
/// (`<entity> summit:mention <doc#char=s,e>`, as JSONL lists them).
pub fn quads_with(x: &Extraction, _g: &Gazetteer, mentions: bool) -> Vec<Quad> {
    let doc = iri(&doc_iri(&x.doc));
    let mut b = Builder { graph: GraphName::NamedNode(doc.clone()), quads: Vec::new() };
    b.add_ref(&doc, rdf::TYPE, ns(SCHEMA, "NewsArticle"));
    b.add(&doc, ns(SCHEMA, "identifier"), Literal::new_simple_literal(&x.doc));
    if let Some(u) = &x.url
        && let Ok(u) = NamedNode::new(u.as_str())
    {
        b.add(&doc, ns(SCHEMA, "url"), u);
    }
    for e in &x.entities {
        let node = iri(&e.id);
        // How many places of the text name it (two rules finding one span are one place).
        let mut at: Vec<(usize, usize)> = e.mentions.iter().map(|m| (m.start, m.end)).collect();
        at.sort_unstable();
        at.dedup();
        b.add(&node, ns(SUMMIT, "mentionCount"), int(at.len()));
        // An entity no list knows is described by the documents that name it; a known
        // one by the gazetteer graph.
        if e.entry.is_none() {
            b.add_ref(&node, rdf::TYPE, ns(SCHEMA, entity_class(e.etype)));
            if e.etype == EntityType::Role {
                b.add_ref(&node, rdf::TYPE, ns(SUMMIT, "Title"));
            }
            if e.names.is_empty() {
                b.add(&node, ns(SCHEMA, "name"), lang(&e.name, script_tag(&e.name)));
            }
            for (tag, name) in &e.names {
                b.add(&node, ns(SCHEMA, "name"), lang(name, tag));
            }
        }
        if mentions {
            for m in &e.mentions {
                let span = b.span(&doc, m);
                b.add(&node, ns(SUMMIT, "mention"), span);
            }
        }
    }
    for ev in &x.events {
        event(&mut b, &doc, ev);
    }
    let mut q = b.quads;
    q.sort_by_cached_key(|x| x.to_string()); // one string per quad, not two per comparison
    q.dedup();
    q
}

fn entity_class(t: EntityType) -> &'static str {
    match t {
        EntityType::Person => "Person",
        EntityType::Organization => "Organization",
        EntityType::Place => "Place",
        EntityType::Role => "DefinedTerm",
    }
}

/// What the gazetteers know, as one named graph ([`GAZETTEER_GRAPH`]): every entry with
/// its names (English, Simplified and Traditional Chinese; aliases as
/// `schema:alternateName`), class, Wikidata link, parent place or organization, and a
/// person's roles with their dates; sorted, no duplicates. One more quad, last,
/// `<graph> summit:packVersion "fnv1a64:…"`, holds a hash of all the others, so that a
/// store can tell whether it holds this pack's graph. Returns (version, quads).
pub fn gazetteer_graph(g: &Gazetteer) -> (String, Vec<Quad>) {
    let graph = iri(GAZETTEER_GRAPH);
    let mut b = Builder { graph: GraphName::NamedNode(graph.clone()), quads: Vec::new() };
    for (i, e) in g.entries.iter().enumerate() {
        let node = iri(&e.iri());
        b.add_ref(&node, rdf::TYPE, ns(SCHEMA, entity_class(e.etype)));
        if e.etype == EntityType::Role {
            b.add_ref(&node, rdf::TYPE, ns(SUMMIT, "Title"));
        }
        b.add(&node, ns(SCHEMA, "name"), lang(&e.en, "en"));
        if let Some(z) = &e.zh_hans {
            b.add(&node, ns(SCHEMA, "name"), lang(z, "zh-Hans"));
        }
        if let Some(z) = &e.zh_hant {
            b.add(&node, ns(SCHEMA, "name"), lang(z, "zh-Hant"));
        }
        for a in e.aliases.iter().chain(&e.abbr) {
            b.add(&node, ns(SCHEMA, "alternateName"), lang(a, script_tag(a)));
        }
        describe_entry(&mut b, g, i, &node);
    }
    let mut q = b.quads;
    q.sort_by_cached_key(|x| x.to_string());
    q.dedup();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325; // FNV-1a, 64 bits, over the N-Quads lines
    for quad in &q {
        for byte in quad.to_string().bytes().chain([b'\n']) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    let version = format!("fnv1a64:{hash:016x}");
    q.push(gazetteer_version_quad(&version));
    (version, q)
}

/// `<GAZETTEER_GRAPH> summit:packVersion "version"` in that graph.
pub fn gazetteer_version_quad(version: &str) -> Quad {
    let graph = iri(GAZETTEER_GRAPH);
    Quad::new(graph.clone(), ns(SUMMIT, "packVersion"), Literal::new_simple_literal(version), GraphName::NamedNode(graph))
}

/// `<MEETINGS_GRAPH> summit:viewVersion "1"` in that graph.
pub fn meetings_view_version_quad() -> Quad {
    let graph = iri(MEETINGS_GRAPH);
    Quad::new(graph.clone(), ns(SUMMIT, "viewVersion"), Literal::new_simple_literal(MEETINGS_VIEW_VERSION), GraphName::NamedNode(graph))
}

/// What document graphs add to the merged view of meetings ([`MEETINGS_GRAPH`]): every
/// quad whose subject is a meeting of its graph (`?m a summit:Meeting` there), moved to
/// the view graph. A meeting's facts (class, name, participants, host, guest, attendees,
/// place, date, status) are the same from every report and so one triple each in the
/// view (a graph is a set); its report links (`prov:wasDerivedFrom <doc>`,
/// `summit:evidence <doc#char=s,e>`) name their document and stay one per report. The
/// evidence spans themselves (offsets, quote, rule) stay in the document's graph. Quads of
/// the view or the gazetteer graph add nothing. Sorted, no duplicates.
pub fn meetings_view_quads<'a>(quads: impl IntoIterator<Item = &'a Quad> + Clone) -> Vec<Quad> {
    let meeting = ns(SUMMIT, "Meeting");
    let skip = |g: &GraphName| matches!(g, GraphName::NamedNode(n) if n.as_str() == MEETINGS_GRAPH || n.as_str() == GAZETTEER_GRAPH);
    let meetings: std::collections::HashSet<(&GraphName, &oxigraph::model::NamedOrBlankNode)> = quads
        .clone()
        .into_iter()
        .filter(|q| q.predicate.as_ref() == rdf::TYPE && q.object == Term::NamedNode(meeting.clone()) && !skip(&q.graph_name))
        .map(|q| (&q.graph_name, &q.subject))
        .collect();
    if meetings.is_empty() {
        return Vec::new();
    }
    let view = GraphName::NamedNode(iri(MEETINGS_GRAPH));
    let mut out: Vec<Quad> = quads
        .into_iter()
        .filter(|q| meetings.contains(&(&q.graph_name, &q.subject)))
        .map(|q| Quad::new(q.subject.clone(), q.predicate.clone(), q.object.clone(), view.clone()))
        .collect();
    out.sort_by_cached_key(|x| x.to_string());
    out.dedup();
    out
}

/// The schema.org class and summit kind of a place.
fn place_class(k: PlaceKind) -> (&'static str, &'static str) {
    match k {
        PlaceKind::Country => ("Country", "country"),
        PlaceKind::Region => ("AdministrativeArea", "region"),
        PlaceKind::City => ("City", "city"),
        PlaceKind::Venue => ("LandmarksOrHistoricalBuildings", "venue"),
    }
}

/// What the gazetteer knows of an entity: Wikidata id, parent place, kind, roles.
fn describe_entry(b: &mut Builder, g: &Gazetteer, i: usize, node: &NamedNode) {
    let e = g.entry(i);
    if let Some(q) = &e.wikidata {
        b.add(node, ns(OWL, "sameAs"), ns(WIKIDATA, q));
    }
    if let Some(k) = e.place_kind {
        let (class, kind) = place_class(k);
        b.add_ref(node, rdf::TYPE, ns(SCHEMA, class));
        b.add(node, ns(SUMMIT, "placeKind"), Literal::new_simple_literal(kind));
    }
    if let Some(p) = &e.parent {
        let t = if e.etype == EntityType::Place { EntityType::Place } else { EntityType::Organization };
        if let Some(pe) = g.get(t, p) {
            let prop = if t == EntityType::Place { "containedInPlace" } else { "parentOrganization" };
            b.add(node, ns(SCHEMA, prop), iri(&pe.iri()));
        }
    }
    // The schema.org Role pattern: person → memberOf → Role → memberOf → country/org.
    for (n, r) in e.roles.iter().enumerate() {
        let role_node = iri(&format!("{}/role/{n}", e.iri()));
        b.add(node, ns(SCHEMA, "memberOf"), role_node.clone());
        b.add_ref(&role_node, rdf::TYPE, ns(SCHEMA, "OrganizationRole"));
        if let Some(re) = g.get(EntityType::Role, &r.role) {
            b.add(&role_node, ns(SCHEMA, "roleName"), lang(&re.en, "en"));
            if let Some(z) = &re.zh_hans {
                b.add(&role_node, ns(SCHEMA, "roleName"), lang(z, "zh-Hans"));
            }
            b.add(&role_node, ns(SUMMIT, "title"), iri(&re.iri()));
        }
        if let Some(of) = &r.of {
            let target = g.get(EntityType::Place, of).or_else(|| g.get(EntityType::Organization, of));
            if let Some(t) = target {
                b.add(&role_node, ns(SCHEMA, "memberOf"), iri(&t.iri()));
            }
        }
        if let Some(f) = r.from {
            b.add(&role_node, ns(SCHEMA, "startDate"), date_literal(&f.to_string()));
        }
        if let Some(t) = r.to {
            b.add(&role_node, ns(SCHEMA, "endDate"), date_literal(&t.to_string()));
        }
    }
}

fn event(b: &mut Builder, doc: &NamedNode, ev: &Event) {
    let m = iri(&ev.id);
    b.add_ref(&m, rdf::TYPE, ns(SUMMIT, "Meeting"));
    b.add_ref(&m, rdf::TYPE, ns(SCHEMA, "Event"));
    let names: Vec<&str> = ev.participants.iter().map(|p| p.name.as_str()).collect();
    b.add(&m, ns(SCHEMA, "name"), lang(&format!("Meeting of {}", names.join(" and ")), "en"));
    for (i, p) in ev.participants.iter().enumerate() {
        let pn = iri(&p.id);
        b.add(&m, ns(SUMMIT, "participant"), pn.clone());
        if ev.host_known {
            b.add(&m, ns(SUMMIT, if i == 0 { "host" } else { "guest" }), pn);
        }
    }
    for a in &ev.attendees {
        b.add(&m, ns(SCHEMA, "attendee"), iri(&a.id));
    }
    if let Some(p) = &ev.place {
        b.add(&m, ns(SCHEMA, "location"), iri(&p.id));
    }
    if let Some(d) = &ev.date {
        b.add(&m, ns(SCHEMA, "startDate"), date_literal(d));
    }
    if let Some(t) = &ev.date_text {
        b.add(&m, ns(SUMMIT, "dateText"), lang(t, script_tag(t)));
    }
    if ev.planned {
        b.add(&m, ns(SCHEMA, "eventStatus"), ns(SCHEMA, "EventScheduled"));
    }
    b.add(&m, ns(PROV, "wasDerivedFrom"), doc.clone());
    for s in &ev.evidence {
        let span = b.span(doc, s);
        b.add(&m, ns(SUMMIT, "evidence"), span);
    }
}

/// The serialisations `extract --format` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Turtle,
    NTriples,
    NQuads,
}

/// Writes quads: N-Quads keep the graph; Turtle and N-Triples write the triples.
pub fn write(quads: &[Quad], syntax: Syntax, w: &mut dyn Write) -> std::io::Result<()> {
    let format = match syntax {
        Syntax::Turtle => RdfFormat::Turtle,
        Syntax::NTriples => RdfFormat::NTriples,
        Syntax::NQuads => RdfFormat::NQuads,
    };
    let mut ser = RdfSerializer::from_format(format);
    if syntax == Syntax::Turtle {
        for (p, n) in PREFIXES {
            ser = ser.with_prefix(p, n).map_err(std::io::Error::other)?;
        }
    }
    let mut s = ser.for_writer(w);
    for q in quads {
        if syntax == Syntax::NQuads {
            s.serialize_quad(q)?;
        } else {
            s.serialize_triple(q.as_ref())?;
        }
    }
    s.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Entity, Ref};
    use std::collections::BTreeMap;

    fn person(id: &str, entry: Option<usize>, spans: &[(usize, usize)]) -> Entity {
        let mut names = BTreeMap::new();
        names.insert("en", id.to_string());
        Entity {
            id: format!("{BASE_IRI}person/{id}"),
            entry,
            etype: EntityType::Person,
            name: id.to_string(),
            names,
            mentions: spans.iter().map(|&(start, end)| Span { start, end, text: "x".repeat(end - start), rule: "r".into() }).collect(),
        }
    }

    fn lines(q: &[Quad]) -> Vec<String> {
        q.iter().map(|q| q.to_string()).collect()
    }

    #[test]
    fn a_document_graph_counts_mentions_and_names_only_whom_no_list_knows() {
        let g = Gazetteer::default();
        // A known person (an entry) named at two places, one of them found by two rules;
        // a person no list knows, named once.
        let mut known = person("wang-yi", Some(0), &[(0, 2), (5, 7)]);
        known.mentions.push(Span { start: 5, end: 7, text: "xx".into(), rule: "other".into() });
        let x = Extraction { doc: "d".into(), url: None, events: vec![], entities: vec![known, person("zhao", None, &[(9, 10)])], notes: vec![] };
        let q = lines(&quads(&x, &g));
        let count = |who: &str, n: usize| {
            format!("<{BASE_IRI}person/{who}> <{SUMMIT}mentionCount> \"{n}\"^^<http://www.w3.org/2001/XMLSchema#integer> <{BASE_IRI}doc/d>")
        };
        assert!(q.contains(&count("wang-yi", 2)), "{q:#?}");
        assert!(q.contains(&count("zhao", 1)), "{q:#?}");
        // The known person's names and class are the gazetteer graph's; the other's are here.
        assert!(!q.iter().any(|l| l.starts_with(&format!("<{BASE_IRI}person/wang-yi> <{SCHEMA}name>"))), "{q:#?}");
        assert!(!q.iter().any(|l| l.starts_with(&format!("<{BASE_IRI}person/wang-yi> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"))), "{q:#?}");
        assert!(q.iter().any(|l| l.starts_with(&format!("<{BASE_IRI}person/zhao> <{SCHEMA}name> \"zhao\"@en"))), "{q:#?}");
        assert!(!q.iter().any(|l| l.contains(&format!("<{SUMMIT}mention>")) || l.contains("#char=")), "no span nodes: {q:#?}");
        // With mentions: every span, as before, besides the counts.
        let full = lines(&quads_with(&x, &g, true));
        assert!(full.contains(&count("wang-yi", 2)));
        for span in ["0,2", "5,7", "9,10"] {
            assert!(full.iter().any(|l| l.contains(&format!("<{SUMMIT}mention> <{BASE_IRI}doc/d#char={span}>"))), "{span}: {full:#?}");
        }
        assert!(full.len() > q.len() + 3 * 6);
    }

    #[test]
    fn the_gazetteer_graph_says_every_entry_once_and_its_version_follows_the_pack() {
        let text = r#"{"id": "wang-yi", "en": "Wang Yi", "zh-Hans": "王毅", "zh-Hant": "王毅", "aliases": ["Mr Wang"], "roles": [{"role": "foreign-minister", "of": "china", "from": "2013-03-16"}]}"#;
        let places = r#"{"id": "china", "en": "China", "zh-Hans": "中国", "kind": "country"}
{"id": "beijing", "en": "Beijing", "zh-Hans": "北京", "kind": "city", "parent": "china"}"#;
        let roles = r#"{"id": "foreign-minister", "en": "Foreign Minister", "zh-Hans": "外长"}"#;
        let pack = |people: &str| {
            let mut g = Gazetteer::default();
            g.add_file("people.jsonl", people).unwrap();
            g.add_file("places.jsonl", places).unwrap();
            g.add_file("roles.jsonl", roles).unwrap();
            g.validate().unwrap();
            g
        };
        let (version, q) = gazetteer_graph(&pack(text));
        let l = lines(&q);
        let graph = format!("<{GAZETTEER_GRAPH}>");
        assert!(l.iter().all(|x| x.ends_with(&graph)), "{l:#?}");
        let has = |s: &str| l.iter().any(|x| x.starts_with(s));
        assert!(has(&format!("<{BASE_IRI}person/wang-yi> <{SCHEMA}name> \"王毅\"@zh-hant")), "{l:#?}");
        assert!(has(&format!("<{BASE_IRI}person/wang-yi> <{SCHEMA}alternateName> \"Mr Wang\"@en")), "{l:#?}");
        assert!(has(&format!("<{BASE_IRI}person/wang-yi/role/0> <{SCHEMA}startDate> \"2013-03-16\"")), "{l:#?}");
        assert!(has(&format!("<{BASE_IRI}place/beijing> <{SCHEMA}containedInPlace> <{BASE_IRI}place/china>")), "{l:#?}");
        assert_eq!(q.last(), Some(&gazetteer_version_quad(&version)));
        // Same pack, same graph, same version; another pack, another version.
        assert_eq!(gazetteer_graph(&pack(text)), (version.clone(), q.clone()));
        let (other, _) = gazetteer_graph(&pack(&text.replace("2013-03-16", "2013-03-17")));
        assert_ne!(other, version);
    }

    #[test]
    fn dates_are_typed_by_precision() {
        assert_eq!(date_literal("2024-04-09").datatype(), xsd::DATE);
        assert_eq!(date_literal("2024-04").datatype(), xsd::G_YEAR_MONTH);
        assert_eq!(date_literal("2024").datatype(), xsd::G_YEAR);
        assert_eq!(date_literal("--07-03").datatype(), xsd::G_MONTH_DAY);
    }

    #[test]
    fn hostile_ids_and_text_cannot_break_the_graph() {
        let span = Span { start: 0, end: 5, text: "a\"> <x> .\n".into(), rule: "r <b>".into() };
        let x = Extraction {
            doc: "a doc <with> \"quotes\" {}|^`".into(),
            url: Some("not a url".into()),
            events: vec![Event {
                id: format!("{BASE_IRI}meeting/a--b/2024"),
                participants: vec![
                    Ref { id: format!("{BASE_IRI}person/a"), name: "A".into(), etype: EntityType::Person, mention: "A".into() },
                    Ref { id: format!("{BASE_IRI}person/b"), name: "B".into(), etype: EntityType::Person, mention: "B".into() },
                ],
                attendees: vec![],
                place: None,
                date: Some("2024".into()),
                date_text: Some("去年".into()),
                planned: false,
                host_known: true,
                evidence: vec![span.clone()],
            }],
            entities: vec![Entity {
                id: format!("{BASE_IRI}person/a"),
                entry: None,
                etype: EntityType::Person,
                name: "A \"the\" <b>".into(),
                names: BTreeMap::new(),
                mentions: vec![span],
            }],
            notes: vec![],
        };
        let q = quads(&x, &Gazetteer::default());
        let mut out = Vec::new();
        write(&q, Syntax::NQuads, &mut out).unwrap();
        let back: Vec<_> = oxigraph::io::RdfParser::from_format(RdfFormat::NQuads)
            .for_slice(&out)
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(back.len(), q.len());
        let g = doc_iri(&x.doc);
        assert_eq!(g, "https://w3id.org/summit/doc/a%20doc%20%3Cwith%3E%20%22quotes%22%20%7B%7D%7C%5E%60");
        assert_ne!(doc_iri("a b"), doc_iri("a-b"));
        assert_ne!(doc_iri("A-B"), doc_iri("a-b"));
        assert_eq!(doc_iri(".."), "https://w3id.org/summit/doc/%2E%2E");
        assert_eq!(doc_iri("feed-lima_2.v1"), "https://w3id.org/summit/doc/feed-lima_2.v1");
        assert!(back.iter().all(|b| b.graph_name.to_string() == format!("<{g}>")));
        // The URL was not an IRI: left out, not forced in.
        assert!(!String::from_utf8(out).unwrap().contains("not a url"));
    }
}
