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
use std::path::Path;

/// Whether a path names an N-Quads file: `.nq`, or `.nq.gz` compressed with gzip (any
/// case).
pub fn is_nquads(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".nq") || lower.ends_with(".nq.gz")
}

/// The N-Quads files among `paths`, in order: a file named as [`is_nquads`] says, and
/// those under a directory (walked as `read::expand` walks one for documents, which
/// leaves N-Quads files out).
pub fn nquads_in(paths: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for p in paths {
        if p != "-" && Path::new(p).is_dir() {
            let (files, _) = crate::read::files_under(Path::new(p), &|f| is_nquads(&f.to_string_lossy()));
            out.extend(files.into_iter().map(|f| f.to_string_lossy().into_owned()));
        } else if is_nquads(p) {
            out.push(p.clone());
        }
    }
    out
}

/// Opens an N-Quads file for [`read_nquads`], decompressing a `.gz` one (several gzip
/// members one after another, as concatenated parts are, read as one stream).
pub fn open(path: &str) -> Result<Box<dyn Read>, Error> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
    let file = std::io::BufReader::with_capacity(256 << 10, file);
    Ok(if path.to_ascii_lowercase().ends_with(".gz") {
        Box::new(std::io::BufReader::with_capacity(256 << 10, flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(file)
    })
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
    fn nquads_files_are_found_by_name_and_under_directories() {
        let dir = std::env::temp_dir().join(format!("summit-nq-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("b")).unwrap();
        for f in ["a.nq", "b/c.NQ.gz", "b/d.jsonl", ".e.nq"] {
            std::fs::write(dir.join(f), "").unwrap();
        }
        let d = dir.to_string_lossy().into_owned();
        let found = nquads_in(&[d.clone(), "x.nq.gz".into(), "y.txt".into(), "-".into()]);
        assert_eq!(found, vec![format!("{d}/a.nq"), format!("{d}/b/c.NQ.gz"), "x.nq.gz".to_string()]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn gzip_members_one_after_another_read_as_one_stream() {
        use std::io::Write;
        let dir = std::env::temp_dir().join(format!("summit-gz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("x.nq.gz");
        let mut bytes = Vec::new();
        for text in ["<urn:s> <urn:p> \"1\" <urn:g1> .\n", "<urn:s> <urn:p> \"2\" <urn:g1> .\n"] {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            gz.write_all(text.as_bytes()).unwrap();
            bytes.extend(gz.finish().unwrap());
        }
        std::fs::write(&path, bytes).unwrap();
        let p = path.to_string_lossy().into_owned();
        let mut n = 0;
        read_nquads(open(&p).unwrap(), &p, &mut |i| {
            n += i.unwrap().1.len();
            Ok(())
        })
        .unwrap();
        assert_eq!(n, 2);
        std::fs::remove_dir_all(&dir).unwrap();
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
