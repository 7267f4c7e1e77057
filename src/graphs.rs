//! N-Quads files as document graphs: what `summit load` does with a `.nq` file (the
//! output of `summit extract --format nq`, e.g. the merged output of shards extracted on
//! a cluster).
//!
//! **Input**: an N-Quads stream and its name. **Output**: to a sink, each run of
//! consecutive quads in one named graph as `(graph IRI, quads)`, in order, and an error
//! per bad line (`path:line:column: message`, the line skipped, reading goes on). Quads
//! in the default graph are errors: summit keeps every fact in a document's graph.
//!
//! **Invariant**: a graph's quads are handed on together when they are consecutive, as
//! `extract --format nq` writes a document's; memory holds one graph at a time.

use crate::error::{Error, ErrorKind};
use oxigraph::io::{RdfFormat, RdfParseError, RdfParser};
use oxigraph::model::{GraphName, Quad};
use std::io::Read;

/// Whether a path names an N-Quads file (`.nq`, any case).
pub fn is_nquads(path: &str) -> bool {
    std::path::Path::new(path).extension().is_some_and(|e| e.eq_ignore_ascii_case("nq"))
}

/// One graph's consecutive quads, or an error about one line.
pub type Item = Result<(String, Vec<Quad>), Error>;

/// Reads N-Quads, handing graphs and errors to `sink` in order; stops at the first
/// error `sink` returns (and returns it).
pub fn read_nquads(reader: impl Read, path: &str, sink: &mut dyn FnMut(Item) -> Result<(), Error>) -> Result<(), Error> {
    let mut current: Option<(String, Vec<Quad>)> = None;
    for q in RdfParser::from_format(RdfFormat::NQuads).for_reader(reader) {
        let q = match q {
            Ok(q) => q,
            Err(RdfParseError::Io(e)) => return sink(Err(Error::io(path, &e))),
            Err(RdfParseError::Syntax(e)) => {
                // The location goes into our own `path:line:column:` form.
                let text = e.to_string();
                let message = match text.split_once(": ") {
                    Some((head, rest)) if head.starts_with("Parser error") => rest.to_string(),
                    _ => text,
                };
                let mut err = Error::new(ErrorKind::Parse, message).at_path(path);
                if let Some(at) = e.location() {
                    err = err.at_line(at.start.line as usize + 1).at_column(at.start.column as usize + 1);
                }
                sink(Err(err))?;
                continue;
            }
        };
        let graph = match &q.graph_name {
            GraphName::NamedNode(n) => n.as_str(),
            _ => {
                sink(Err(Error::new(ErrorKind::Parse, format!("a quad outside any named graph, skipped: {q}")).at_path(path)))?;
                continue;
            }
        };
        match &mut current {
            Some((g, quads)) if g == graph => quads.push(q),
            _ => {
                if let Some(done) = current.replace((graph.to_string(), vec![q])) {
                    sink(Ok(done))?;
                }
            }
        }
    }
    if let Some(done) = current {
        sink(Ok(done))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Vec<(String, usize)>, Vec<String>) {
        let (mut graphs, mut errors) = (Vec::new(), Vec::new());
        read_nquads(text.as_bytes(), "x.nq", &mut |i| {
            match i {
                Ok((g, q)) => graphs.push((g, q.len())),
                Err(e) => errors.push(e.to_string()),
            }
            Ok(())
        })
        .unwrap();
        (graphs, errors)
    }

    #[test]
    fn consecutive_quads_of_a_graph_go_together() {
        let text = "<urn:s> <urn:p> \"1\" <urn:g1> .\n<urn:s> <urn:p> \"2\" <urn:g1> .\n<urn:s> <urn:p> \"3\" <urn:g2> .\n<urn:s> <urn:p> \"4\" <urn:g1> .\n";
        let (graphs, errors) = read(text);
        assert_eq!(graphs, vec![("urn:g1".to_string(), 2), ("urn:g2".to_string(), 1), ("urn:g1".to_string(), 1)]);
        assert!(errors.is_empty());
    }

    #[test]
    fn bad_lines_and_default_graph_quads_are_errors_and_reading_goes_on() {
        let text = "<urn:s> <urn:p> \"1\" <urn:g1> .\n<urn:s> <urn:p> .\n<urn:s> <urn:p> \"d\" .\n<urn:s> <urn:p> \"2\" <urn:g1> .\n";
        let (graphs, errors) = read(text);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].starts_with("x.nq:2:"), "{errors:?}");
        assert!(errors[1].contains("outside any named graph"), "{errors:?}");
        assert_eq!(graphs.iter().map(|(_, n)| n).sum::<usize>(), 2, "{graphs:?}");
    }
}
