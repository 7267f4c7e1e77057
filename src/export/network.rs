//! Reading the network from the store: SPARQL over the union of the document graphs
//! (user values only as bound variables) → [`Network`] with each meeting's place,
//! attendees and evidence per article, and its people's roles and names.

use super::{Kind, Link, Meeting, Names, Network, Node, Quote, Relation, Report, Selection, labels, node_id};
use crate::error::{Error, ErrorKind, Result};
use crate::store::{Answer, Store};
use oxigraph::model::{Literal, Term};
use std::collections::{BTreeMap, BTreeSet};

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

/// Meetings by IRI: their principals and their (earliest) date.
type Dated = BTreeMap<String, (BTreeSet<String>, Option<String>)>;

/// Roles held, by person IRI, in the gazetteer's order.
type Roles = BTreeMap<String, BTreeMap<(usize, String), RoleFacts>>;

impl Network {
    /// Reads the network from the store.
    pub fn from_store(store: &Store, sel: &Selection) -> Result<Network> {
        if let (Some(f), Some(t)) = (sel.from, sel.to)
            && f > t
        {
            return Err(Error::new(ErrorKind::Usage, format!("--from {f} is after --to {t}")));
        }
        let mut meetings = read_meetings(store, sel)?;
        // Every principal, before `--person` trims the meetings to the people it keeps.
        let principals: BTreeMap<String, BTreeSet<String>> = meetings.iter().map(|(m, (p, _))| (m.clone(), p.clone())).collect();
        let centre = centre_on(store, sel, &mut meetings)?;
        let mut kinds: BTreeMap<String, Kind> = centre.iter().map(|p| (p.clone(), Kind::Person)).collect();
        let mut links = met_links(&meetings, &mut kinds);
        if sel.places {
            extra_links(store, &meetings, (PLACES, "place", Kind::Place, Relation::MetAt), &mut kinds, &mut links)?;
        }
        if sel.organizations {
            extra_links(store, &meetings, (ORGANIZATIONS, "organization", Kind::Organization, Relation::MentionedWith), &mut kinds, &mut links)?;
        }
        let shown = shown_meetings(store, &meetings, &principals)?;
        let mut named: BTreeSet<String> = BTreeSet::new();
        for x in shown.values() {
            named.extend(x.participants.iter().chain(&x.attendees).chain(&x.place).cloned());
        }
        let mut wanted: BTreeSet<String> = kinds.keys().chain(&named).cloned().collect();
        let roles = read_roles(store, &kinds, &mut wanted)?;
        let names = read_names(store, &wanted)?;
        let nodes = kinds.iter().map(|(e, &kind)| node(e, kind, &names, roles.get(e))).collect();
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
}

/// Meetings: principals and date; those with fewer than two principals or outside the
/// selected dates left out.
fn read_meetings(store: &Store, sel: &Selection) -> Result<Dated> {
    let mut meetings = Dated::new();
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
    Ok(meetings)
}

/// Centres on the selected people: them, whom they met, and the meetings among those
/// (`meetings` trimmed to them). Returns the people named by `--person`.
fn centre_on(store: &Store, sel: &Selection, meetings: &mut Dated) -> Result<BTreeSet<String>> {
    let mut centre = BTreeSet::new();
    if sel.people.is_empty() {
        return Ok(centre);
    }
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
    Ok(centre)
}

/// A link standing for one meeting.
fn link(relation: Relation, m: &str, d: &Option<String>) -> Link {
    Link { relation: Some(relation), meetings: BTreeSet::from([m.to_string()]), dates: d.iter().cloned().collect(), ..Default::default() }
}

/// A link between every two principals of every meeting; the principals become people.
fn met_links(meetings: &Dated, kinds: &mut BTreeMap<String, Kind>) -> Vec<(String, String, Link)> {
    let mut links = Vec::new();
    for (m, (people, d)) in meetings {
        for a in people {
            kinds.insert(a.clone(), Kind::Person);
            for b in people.range::<String, _>((std::ops::Bound::Excluded(a), std::ops::Bound::Unbounded)) {
                links.push((a.clone(), b.clone(), link(Relation::Met, m, d)));
            }
        }
    }
    links
}

/// Nodes of another kind (places, organizations) that `query` ties to meetings through
/// its variable `var`, linked to each principal of those meetings.
fn extra_links(
    store: &Store,
    meetings: &Dated,
    (query, var, kind, relation): (&str, &str, Kind, Relation),
    kinds: &mut BTreeMap<String, Kind>,
    links: &mut Vec<(String, String, Link)>,
) -> Result<()> {
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
}

/// What the page shows of each meeting: place, attendees, evidence per article.
fn shown_meetings(store: &Store, meetings: &Dated, principals: &BTreeMap<String, BTreeSet<String>>) -> Result<BTreeMap<String, Meeting>> {
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
    for ((m, _), mut r) in read_reports(store, &shown)? {
        r.evidence.sort();
        shown.get_mut(&m).expect("kept").reports.push(r);
    }
    Ok(shown)
}

/// Each article's report of the `shown` meetings, by (meeting, article).
fn read_reports(store: &Store, shown: &BTreeMap<String, Meeting>) -> Result<BTreeMap<(String, String), Report>> {
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
    Ok(reports)
}

/// The roles the people among `kinds` hold, in the gazetteer's order; the places and
/// organizations they are in are added to `wanted` (whose names are read).
fn read_roles(store: &Store, kinds: &BTreeMap<String, Kind>, wanted: &mut BTreeSet<String>) -> Result<Roles> {
    let mut roles = Roles::new();
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
    Ok(roles)
}

/// Names, by language, of the `wanted` entities (the nodes, the people and places the
/// meetings name, and the places their roles are in).
fn read_names(store: &Store, wanted: &BTreeSet<String>) -> Result<BTreeMap<String, Names>> {
    let mut names: BTreeMap<String, Names> = BTreeMap::new();
    for row in select(store, NAMES, "export: names", &[], &["entity", "name"])? {
        let (Some(e), Some((name, lang))) = (iri(&row[0]), literal(&row[1])) else { continue };
        if wanted.contains(&e) {
            names.entry(e).or_default().entry(lang.to_ascii_lowercase()).or_default().insert(name);
        }
    }
    Ok(names)
}

/// The node of entity `e`, with its labels and the roles it holds.
fn node(e: &str, kind: Kind, names: &BTreeMap<String, Names>, held: Option<&BTreeMap<(usize, String), RoleFacts>>) -> Node {
    let (label, zh) = labels(names.get(e), e);
    Node {
        iri: e.to_string(),
        id: node_id(e),
        kind,
        label,
        label_zh: zh,
        roles: held.map(|h| h.values().filter_map(|f| f.text(&["en"], names)).collect()).unwrap_or_default(),
        roles_zh: held.map(|h| h.values().filter_map(|f| f.text(&["zh-hans", "zh-hant"], names)).collect()).unwrap_or_default(),
    }
}
