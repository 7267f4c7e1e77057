//! Bytes → documents: the reader (encodings, BOMs, binary sniffing, JSONL lines, HTML
//! detection) and, on every document, the HTML text map and the normaliser.
//!
//! Checks: no panic; every error names its input (`-`); a plain document's text is
//! what was read; every document's map has one
//! entry per char of its text, inside `original`, in source order; a char that is not
//! from a character reference or an inserted line break is the source char; `normalise`
//! keeps the char count.
#![no_main]

use libfuzzer_sys::fuzz_target;
use summit::read::{ReadOptions, read_stream};

fuzz_target!(|data: &[u8]| {
    // The first byte picks lossy or strict decoding; the rest is the input.
    let Some((&flag, bytes)) = data.split_first() else { return };
    let opts = ReadOptions { lossy: flag & 1 == 1 };
    read_stream(bytes, opts, &mut |r| match r {
        Ok(doc) => check_document(&doc),
        Err(e) => assert_eq!(e.path.as_deref(), Some("-"), "{e}"),
    });
    // The HTML scanner on any text, not only on what looks like a page.
    let text = String::from_utf8_lossy(bytes);
    let (visible, map) = summit::html::to_text(&text);
    check_map(&text, &visible, &map);
});

fn check_document(doc: &summit::Document) {
    match &doc.map {
        None => assert_eq!(doc.text, doc.original),
        Some(map) => check_map(&doc.original, &doc.text, map),
    }
    let n = summit::normalise::normalise(&doc.text);
    assert_eq!(n.chars().count(), doc.text.chars().count(), "normalise changed the length of {:?}", doc.text);
}

fn check_map(src: &str, text: &str, map: &[(u32, u32)]) {
    let src: Vec<char> = src.chars().collect();
    let text: Vec<char> = text.chars().collect();
    assert_eq!(map.len(), text.len(), "one map entry per char");
    let mut prev: Option<(u32, u32)> = None;
    for (i, (&c, &(s, e))) in text.iter().zip(map).enumerate() {
        assert!(s < e && e as usize <= src.len(), "entry {i} ({s}, {e}) outside the source of {} chars", src.len());
        if let Some((ps, pe)) = prev {
            assert!((s, e) == (ps, pe) || s >= pe, "entry {i} ({s}, {e}) goes back before ({ps}, {pe})");
        }
        let one = e - s == 1;
        let is_ref = src[s as usize] == '&';
        let is_break = src[s as usize] == '<';
        if one && !is_ref && !is_break {
            assert_eq!(src[s as usize], c, "char {i} is not its source char");
        }
        prev = Some((s, e));
    }
}
