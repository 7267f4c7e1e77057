//! RDF: an [`Extraction`] as linked data, and its Turtle / N-Triples / N-Quads forms.
//!
//! Input: an extraction and the gazetteer (for roles, parents, Wikidata ids).
//! Output: quads in the document's own named graph (`https://w3id.org/summit/doc/<id>`),
//! so loading a document again replaces exactly what it said before.
//!
//! The vocabulary (documented in `docs/vocabulary.md`) reuses public ones: schema.org for
//! people, places, organizations, articles, events, names with language tags, location,
//! dates, attendees and the Role pattern; PROV-O for where each fact came from and the
//! rule behind it (a `prov:Plan`); Web Annotation selectors for evidence offsets; OWL
//! `sameAs` to Wikidata for the ids the gazetteer marks as verified. The `summit:`
//! namespace adds only what those lack: `Meeting`, `participant`, `host`, `guest`,
//! `evidence`, `mention`, `rule`, `dateText`, `placeKind`.
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

    /// A span of the document: a Web Annotation position + quote selector, derived
    /// from the document, made by a rule.
    fn span(&mut self, doc: &NamedNode, s: &Span) -> NamedNode {
        let node = iri(&format!("{}#char={},{}", doc.as_str(), s.start, s.end));
        self.add_ref(&node, rdf::TYPE, ns(OA, "TextPositionSelector"));
        self.add_ref(&node, rdf::TYPE, ns(OA, "TextQuoteSelector"));
        self.add(&node, ns(OA, "start"), int(s.start));
        self.add(&node, ns(OA, "end"), int(s.end));
        self.add(&node, ns(OA, "exact"), Literal::new_simple_literal(&s.text));
        self.add(&node, ns(PROV, "wasDerivedFrom"), doc.clone());
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

/// Every quad one document says, in its own graph; sorted, no duplicates.
pub fn quads(x: &Extraction, g: &Gazetteer) -> Vec<Quad> {
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
        let class = match e.etype {
            EntityType::Person => "Person",
            EntityType::Organization => "Organization",
            EntityType::Place => "Place",
            EntityType::Role => "DefinedTerm",
        };
        b.add_ref(&node, rdf::TYPE, ns(SCHEMA, class));
        if e.etype == EntityType::Role {
            b.add_ref(&node, rdf::TYPE, ns(SUMMIT, "Title"));
        }
        if e.names.is_empty() {
            b.add(&node, ns(SCHEMA, "name"), lang(&e.name, script_tag(&e.name)));
        }
        for (tag, name) in &e.names {
            b.add(&node, ns(SCHEMA, "name"), lang(name, tag));
        }
        if let Some(i) = e.entry {
            describe_entry(&mut b, g, i, &node);
        }
        for m in &e.mentions {
            let span = b.span(&doc, m);
            b.add(&node, ns(SUMMIT, "mention"), span);
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
    // A place's ancestors, so that queries can climb from a venue to its country even
    // when the article names only the venue.
    if e.etype == EntityType::Place {
        let mut cur = e.parent.clone();
        let mut steps = 0;
        while let Some(pid) = cur.take() {
            let Some(pe) = g.get(EntityType::Place, &pid) else { break };
            let pn = iri(&pe.iri());
            b.add_ref(&pn, rdf::TYPE, ns(SCHEMA, "Place"));
            b.add(&pn, ns(SCHEMA, "name"), lang(&pe.en, "en"));
            if let Some(z) = &pe.zh_hans {
                b.add(&pn, ns(SCHEMA, "name"), lang(z, "zh-Hans"));
            }
            if let Some(k) = pe.place_kind {
                b.add_ref(&pn, rdf::TYPE, ns(SCHEMA, place_class(k).0));
                b.add(&pn, ns(SUMMIT, "placeKind"), Literal::new_simple_literal(place_class(k).1));
            }
            if let Some(pp) = pe.parent.as_ref().and_then(|x| g.get(EntityType::Place, x)) {
                b.add(&pn, ns(SCHEMA, "containedInPlace"), iri(&pp.iri()));
            }
            cur = pe.parent.clone();
            steps += 1;
            if steps > 8 {
                break;
            }
        }
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
