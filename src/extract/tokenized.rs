//! Tokenised English: text that sets a space before each comma, full stop and possessive
//! (Anders Vik held talks with Norway 's foreign minister , Ilse Marr , on Monday .), as
//! wire corpora and tokenised datasets do, read as English is written.
//!
//! Input: a document. Output: none when the text is not tokenised so (the common case: one
//! pass over its bytes, no copy), else the document without the spaces a tokeniser set
//! before `,` `.` `;` `:` `!` `?` `%` and closing brackets, before the clitics `'s` `n't`
//! `'re` `'ve` `'ll` `'d` `'m`, and after opening brackets, its offset map carried
//! through (by [`super::aids::cut_out`], as for reading aids), so that every offset the
//! extractor reports still points into the text as read.
//!
//! **Invariant**: a document is read so only when commas set apart are many (at least
//! [`MIN_SPACED`], with the possessives set apart) and commas written against their word
//! are few (at most one for every [`SPACED_PER_ATTACHED`] set apart): a page with a stray
//! " , " keeps it. Only spaces (not line ends) are taken out; nothing else changes.

use crate::document::Document;

/// The fewest commas and possessives set apart that make a text tokenised.
const MIN_SPACED: usize = 3;
/// At least this many commas set apart for each one written against its word.
const SPACED_PER_ATTACHED: usize = 3;

/// The clitics a tokeniser splits from their word, as they follow the space it set.
const CLITICS: [&str; 14] = ["'s", "’s", "n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"];

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Whether a space run ending before `rest` (the text after it) was set by a tokeniser
/// before a mark or a clitic: the mark or clitic, then a space, a line end or the end
/// (for a full stop or a closing bracket, anything but a letter or digit).
fn closes(rest: &str) -> bool {
    let mut it = rest.chars();
    let Some(c) = it.next() else { return false };
    let after = it.next();
    let free = |a: Option<char>| a.is_none_or(|a| !a.is_alphanumeric());
    match c {
        ',' | ';' | ':' | '!' | '?' | '%' => after.is_none_or(char::is_whitespace),
        '.' | ')' | ']' | '}' => free(after),
        _ => CLITICS.iter().any(|k| rest.strip_prefix(k).is_some_and(|r| free(r.chars().next()))),
    }
}

/// `doc` without the spaces of its tokenisation, or `None` when it is not tokenised.
pub(super) fn join(doc: &Document) -> Option<Document> {
    let text = &doc.text;
    // Most texts hold no " ," at all: one byte scan first, no copy.
    if !text.contains(" ,") {
        return None;
    }
    let (mut spaced, mut attached, mut clitics) = (0, 0, 0);
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b',' && bytes.get(i + 1).is_none_or(|&n| n == b' ' || n == b'\n') && i > 0 {
            if bytes[i - 1] == b' ' {
                spaced += 1;
            } else if bytes[i - 1].is_ascii_alphabetic() {
                attached += 1;
            }
        } else if b == b' ' && (text[i + 1..].starts_with("'s ") || text[i + 1..].starts_with("’s ")) {
            clitics += 1;
        }
    }
    if spaced + clitics < MIN_SPACED || spaced < 2 || spaced < attached * SPACED_PER_ATTACHED {
        return None;
    }
    // The space runs to take out, as byte ranges in text order.
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !(bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
            continue;
        }
        let s = i;
        while i < bytes.len() && is_space(bytes[i] as char) {
            i += 1;
        }
        let before = text[..s].chars().next_back();
        let after_open = before.is_some_and(|c| matches!(c, '(' | '[' | '{' | '$'));
        if before.is_some_and(|c| !c.is_whitespace()) && (after_open || closes(&text[i..])) {
            cut.push((s, i));
        }
    }
    if cut.is_empty() {
        return None;
    }
    Some(super::aids::cut_out(doc, &cut))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKENISED: &str = "The former diplomat Anders Vik held talks with Norway 's intelligence chief , Lieutenant General Ilse Marr , on Monday .\nThe talks ( the first since June ) did n't touch on trade , Vik said .";

    #[test]
    fn takes_out_a_tokenisers_spaces_and_keeps_offsets() {
        let doc = Document::plain("d", "-", TOKENISED);
        let out = join(&doc).expect("tokenised");
        assert_eq!(
            out.text,
            "The former diplomat Anders Vik held talks with Norway's intelligence chief, Lieutenant General Ilse Marr, on Monday.\nThe talks (the first since June) didn't touch on trade, Vik said."
        );
        // "Norway's" is chars 47..55 as joined; as read it runs over "Norway 's".
        let (s, e) = out.to_original(47, 55);
        assert_eq!(TOKENISED.chars().skip(s).take(e - s).collect::<String>(), "Norway 's");
    }

    #[test]
    fn reads_a_tokenised_text_as_english() {
        let x = crate::extract::tests::extract_on(TOKENISED, (2024, 3, 6));
        let people: Vec<Vec<&str>> = x.events.iter().map(|e| e.participants.iter().map(|p| p.name.as_str()).collect()).collect();
        assert_eq!(people, [["Anders Vik", "Ilse Marr"]]);
        // The evidence points into the text as read.
        let ev = &x.events[0].evidence[0];
        let read: String = TOKENISED.chars().skip(ev.start).take(ev.end - ev.start).collect();
        assert!(read.starts_with("The former diplomat") && read.ends_with("on Monday ."), "{read}");
        // Every span's text is exactly its slice of the text as read.
        crate::extract::tests::assert_spans_are_slices(TOKENISED, &x);
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        // Commas against their words, and a stray spaced one.
        let text = "Anders Vik, the minister, met Ilse Marr , and Per Holm, on Monday, in Tallo, Norway.";
        assert!(join(&Document::plain("d", "-", text)).is_none());
        assert!(join(&Document::plain("d", "-", "Anders Vik met Ilse Marr on Monday.")).is_none());
        // A comma between numbers, a full stop inside an abbreviation: no cut.
        assert!(!closes(",5 per cent") && !closes(".5") && closes(". Then") && closes("'s office") && !closes("'solo"));
    }
}
