//! Output: extraction results as JSON Lines (the contract in ../shared/CONTRACT.md).
//!
//! Input: an [`Extraction`]. Output: one JSON object per line, events first (in the
//! order their first evidence appears), then entities (by type and id). Same input,
//! same bytes.

use crate::extract::{Entity, Event, Extraction, Ref, Span};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

#[derive(Serialize)]
struct RefOut<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    etype: &'a str,
    mention: &'a str,
}

impl<'a> From<&'a Ref> for RefOut<'a> {
    fn from(r: &'a Ref) -> Self {
        RefOut { id: &r.id, name: &r.name, etype: r.etype.as_str(), mention: &r.mention }
    }
}

#[derive(Serialize)]
struct EventOut<'a> {
    kind: &'static str,
    #[serde(rename = "type")]
    etype: &'static str,
    doc: &'a str,
    id: &'a str,
    participants: Vec<RefOut<'a>>,
    attendees: Vec<RefOut<'a>>,
    place: Option<RefOut<'a>>,
    date: Option<&'a str>,
    date_text: Option<&'a str>,
    /// "held", or "planned" for a meeting announced ahead.
    status: &'static str,
    evidence: &'a [Span],
}

#[derive(Serialize)]
struct EntityOut<'a> {
    kind: &'static str,
    doc: &'a str,
    id: &'a str,
    #[serde(rename = "type")]
    etype: &'a str,
    name: &'a str,
    names: &'a BTreeMap<&'static str, String>,
    mentions: &'a [Span],
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Span", 4)?;
        st.serialize_field("start", &self.start)?;
        st.serialize_field("end", &self.end)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("rule", &*self.rule)?;
        st.end()
    }
}

fn write_event<W: Write + ?Sized>(doc: &str, e: &Event, w: &mut W) -> std::io::Result<()> {
    let out = EventOut {
        kind: "event",
        etype: "Meeting",
        doc,
        id: &e.id,
        participants: e.participants.iter().map(RefOut::from).collect(),
        attendees: e.attendees.iter().map(RefOut::from).collect(),
        place: e.place.as_ref().map(RefOut::from),
        date: e.date.as_deref(),
        date_text: e.date_text.as_deref(),
        status: if e.planned { "planned" } else { "held" },
        evidence: &e.evidence,
    };
    serde_json::to_writer(&mut *w, &out)?;
    w.write_all(b"\n")
}

fn write_entity<W: Write + ?Sized>(doc: &str, e: &Entity, w: &mut W) -> std::io::Result<()> {
    let out = EntityOut {
        kind: "entity",
        doc,
        id: &e.id,
        etype: e.etype.as_str(),
        name: &e.name,
        names: &e.names,
        mentions: &e.mentions,
    };
    serde_json::to_writer(&mut *w, &out)?;
    w.write_all(b"\n")
}

/// Writes one document's records as JSON Lines.
/// Generic over the writer so that serde's many small writes into a `Vec<u8>` are
/// inlined, not dynamic calls.
pub fn write_jsonl<W: Write + ?Sized>(x: &Extraction, w: &mut W) -> std::io::Result<()> {
    // Straight into the writer: no String per record.
    for e in &x.events {
        write_event(&x.doc, e, w)?;
    }
    for e in &x.entities {
        write_entity(&x.doc, e, w)?;
    }
    Ok(())
}

/// The meetings of many documents as an aligned, human-readable table.
#[derive(Default)]
pub struct Table {
    rows: Vec<[String; 6]>,
}

impl Table {
    pub fn add(&mut self, x: &Extraction) {
        let names = |v: &[Ref]| v.iter().map(|r| r.name.as_str()).collect::<Vec<_>>().join(", ");
        for e in &x.events {
            let mut rules: Vec<&str> = e.evidence.iter().map(|s| &*s.rule).collect();
            rules.sort();
            rules.dedup();
            let date = e.date.clone().unwrap_or_else(|| "?".into());
            let date = if e.planned { format!("{date} (planned)") } else { date };
            self.rows.push([
                x.doc.clone(),
                date,
                names(&e.participants),
                e.place.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
                names(&e.attendees),
                format!("{} ({} evidence)", rules.join(" "), e.evidence.len()),
            ]);
        }
    }

    pub fn write(&self, w: &mut dyn Write) -> std::io::Result<()> {
        use unicode_width::UnicodeWidthStr;
        let header = ["doc", "date", "participants", "place", "attendees", "rules"].map(String::from);
        let mut widths = [0usize; 6];
        for r in std::iter::once(&header).chain(&self.rows) {
            for (i, c) in r.iter().enumerate() {
                widths[i] = widths[i].max(c.width());
            }
        }
        for r in std::iter::once(&header).chain(&self.rows) {
            let mut line = String::new();
            for (i, c) in r.iter().enumerate() {
                line.push_str(c);
                if i + 1 < r.len() {
                    line.push_str(&" ".repeat(widths[i] - c.width() + 2));
                }
            }
            writeln!(w, "{}", line.trim_end())?;
        }
        writeln!(w, "{} meeting(s)", self.rows.len())
    }
}

/// How `summit query` prints an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryFormat {
    /// An aligned table, for people.
    Table,
    /// W3C SPARQL 1.1 Query Results CSV.
    Csv,
    /// W3C SPARQL 1.1 Query Results TSV.
    Tsv,
    /// W3C SPARQL 1.1 Query Results JSON.
    Json,
}

/// Writes a query's answer: an aligned table for people; the W3C SPARQL results
/// formats (CSV, TSV, JSON) for programs; graphs (CONSTRUCT, DESCRIBE) as Turtle.
pub fn write_answer(a: &crate::store::Answer, format: QueryFormat, w: &mut dyn Write) -> std::io::Result<()> {
    use crate::store::Answer;
    use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
    use oxigraph::model::{Term, Variable};
    let w3c = match format {
        QueryFormat::Table => None,
        QueryFormat::Csv => Some(QueryResultsFormat::Csv),
        QueryFormat::Tsv => Some(QueryResultsFormat::Tsv),
        QueryFormat::Json => Some(QueryResultsFormat::Json),
    };
    match (a, w3c) {
        (Answer::Graph(triples), _) => {
            let quads: Vec<oxigraph::model::Quad> =
                triples.iter().map(|t| t.clone().in_graph(oxigraph::model::GraphName::DefaultGraph)).collect();
            crate::rdf::write(&quads, crate::rdf::Syntax::Turtle, w)
        }
        (Answer::Boolean(b), Some(f)) => {
            QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(w, *b)?;
            Ok(())
        }
        (Answer::Boolean(b), None) => writeln!(w, "{b}"),
        (Answer::Solutions { variables, rows }, Some(f)) => {
            let vars: Vec<Variable> = variables.iter().map(|v| Variable::new_unchecked(v.as_str())).collect();
            let mut s = QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(w, vars.clone())?;
            for r in rows {
                s.serialize(vars.iter().zip(r.iter()).filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), t.as_ref()))))?;
            }
            s.finish()?;
            Ok(())
        }
        (Answer::Solutions { variables, rows }, None) => {
            use unicode_width::UnicodeWidthStr;
            let show = |t: &Option<Term>| match t {
                None => String::new(),
                Some(Term::NamedNode(n)) => n.as_str().to_string(),
                Some(Term::Literal(l)) => l.value().to_string(),
                Some(other) => other.to_string(),
            };
            let cells: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(show).collect()).collect();
            let mut widths: Vec<usize> = variables.iter().map(|v| v.width()).collect();
            for r in &cells {
                for (i, c) in r.iter().enumerate() {
                    widths[i] = widths[i].max(c.width());
                }
            }
            let line = |r: &[String]| {
                let mut s = String::new();
                for (i, c) in r.iter().enumerate() {
                    s.push_str(c);
                    if i + 1 < r.len() {
                        s.push_str(&" ".repeat(widths[i] - c.width() + 2));
                    }
                }
                s.trim_end().to_string()
            };
            writeln!(w, "{}", line(variables))?;
            writeln!(w, "{}", line(&widths.iter().map(|n| "-".repeat(*n)).collect::<Vec<_>>()))?;
            for r in &cells {
                writeln!(w, "{}", line(r))?;
            }
            writeln!(w, "{} row(s)", rows.len())
        }
    }
}
