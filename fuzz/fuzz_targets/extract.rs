//! Text → Extraction with the repository's own gazetteers and rules.
//!
//! Checks: no panic; every mention and every piece of evidence lies inside the text
//! as read and its `text` is exactly `original[start..end]` in code points; it names a
//! rule; events have at least two participants; the RDF of the extraction serialises
//! to N-Quads that parse back to the same number of quads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use summit::extract::{Options, Pipeline, Span};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        Pipeline::load(&root.join("gazetteers"), &root.join("rules")).expect("the repository's gazetteers and rules load")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&flag, bytes)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let p = pipeline();
    let opts = Options {
        date: (flag & 1 == 1).then(|| chrono::NaiveDate::from_ymd_opt(2024, 5, 7).unwrap()),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
    };
    // Plain text, and the same bytes read as an HTML page (offsets into the source).
    let mut doc = summit::Document::plain("fuzz doc <x> \"y\"", "-", text);
    if flag & 2 == 2 {
        let (visible, map) = summit::html::to_text(text);
        doc.text = visible;
        doc.map = Some(map);
    }
    let x = p.extract(&doc, &opts);
    let chars: Vec<char> = doc.original.chars().collect();
    let check = |s: &Span| {
        assert!(s.start < s.end && s.end <= chars.len(), "span {}..{} outside {} chars", s.start, s.end, chars.len());
        let got: String = chars[s.start..s.end].iter().collect();
        assert_eq!(got, s.text, "span {}..{}", s.start, s.end);
        assert!(!s.rule.is_empty());
    };
    for e in &x.entities {
        e.mentions.iter().for_each(check);
    }
    for e in &x.events {
        assert!(e.participants.len() >= 2, "a meeting of fewer than two: {:?}", e.participants);
        e.evidence.iter().for_each(check);
    }
    let quads = summit::rdf::quads(&x, &p.gazetteer);
    let mut nq = Vec::new();
    summit::rdf::write(&quads, summit::rdf::Syntax::NQuads, &mut nq).unwrap();
    let back = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
        .for_slice(&nq)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("our N-Quads do not parse: {e}"));
    assert_eq!(back.len(), quads.len(), "N-Quads did not parse back whole");
});
