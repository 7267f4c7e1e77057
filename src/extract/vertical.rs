//! Vertical text: one word per line, as tokenised corpora and some PDF extractions give
//! it (Israeli / Foreign / Minister / Anders / Vik / met / …, a blank line between
//! sentences), read as the sentences it holds.
//!
//! Input: a document. Output: none when the text is not vertical (the common case: one
//! pass over its bytes, no copy), else the document with each line end between two words
//! read as a space. A blank line stays a break.
//!
//! **Invariants**: a line end and a space are one character each, so every offset is the
//! same in the text as read and as joined; spans' texts are cut from the text as read (the
//! offset map of [`super::aids::cut_out`], identity when the document has none). A text is
//! read so only when it has at least [`MIN_WORD_LINES`] one-word lines (no space or tab
//! inside, at most [`MAX_WORD`] characters), and they are at least [`WORD_LINE_SHARE`]
//! percent of its non-blank lines and of their bytes: a page of navigation links has many
//! lines of several words, and an article under a menu of one-word links has most of its
//! text in its sentences. The test stops as soon as the lines of several words hold more
//! of the text than a vertical one leaves them, so most pages cost a few lines' look.

use crate::document::Document;

/// The fewest one-word lines that make a text vertical.
const MIN_WORD_LINES: usize = 12;
/// The share of non-blank lines, and of their bytes, in percent, that must be in one-word
/// lines.
const WORD_LINE_SHARE: usize = 85;
/// The longest word of a vertical text's line, in characters.
const MAX_WORD: usize = 40;

/// Whether `line` (without its line end) is one word.
fn one_word(line: &str) -> bool {
    !line.is_empty() && !line.contains([' ', '\t', '\u{3000}']) && line.chars().count() <= MAX_WORD
}

/// `doc` with the line ends between its words read as spaces, or `None` when it is not
/// vertical.
pub(super) fn join(doc: &Document) -> Option<Document> {
    let text = &doc.text;
    let (mut lines, mut words, mut word_bytes, mut other_bytes) = (0, 0, 0, 0);
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        if one_word(line) {
            words += 1;
            word_bytes += line.len();
        } else {
            other_bytes += line.len();
            // Lines of several words hold more of the whole text than a vertical one
            // leaves them: no need to read on.
            if other_bytes * 100 > text.len() * (100 - WORD_LINE_SHARE) {
                return None;
            }
        }
    }
    if words < MIN_WORD_LINES || words * 100 < lines * WORD_LINE_SHARE || word_bytes * 100 < (word_bytes + other_bytes) * WORD_LINE_SHARE {
        return None;
    }
    // Each line end (and a carriage return before it) between two non-blank lines
    // becomes a space: one character for one, so no offset moves.
    let parts: Vec<&str> = text.split('\n').collect();
    let mut out = String::with_capacity(text.len());
    for (k, part) in parts.iter().enumerate() {
        let (line, cr) = match part.strip_suffix('\r') {
            Some(line) => (line, true),
            None => (*part, false),
        };
        out.push_str(line);
        let Some(next) = parts.get(k + 1) else {
            if cr {
                out.push('\r');
            }
            break;
        };
        let join = !line.trim().is_empty() && !next.trim().is_empty();
        match (cr, join) {
            (true, true) => out.push_str("  "),
            (true, false) => out.push_str("\r\n"),
            (false, true) => out.push(' '),
            (false, false) => out.push('\n'),
        }
    }
    debug_assert_eq!(out.chars().count(), text.chars().count());
    // Spans are cut from the text as read (the contract: a span's text is exactly its
    // slice), line ends and all: the offset map of a cut of nothing says so.
    Some(super::aids::cut_out(&Document { text: out, ..doc.clone() }, &[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const VERTICAL: &str = "Foreign\nMinister\nAnders\nVik\nmet\nPresident\nIlse\nMarr\nin\nTallo\non\nMonday\n.\n\nThe\ntwo\ndiscussed\ntrade\n.\n";

    #[test]
    fn joins_one_word_lines_and_keeps_offsets() {
        let doc = Document::plain("d", "-", VERTICAL);
        let out = join(&doc).expect("vertical");
        assert_eq!(out.text, "Foreign Minister Anders Vik met President Ilse Marr in Tallo on Monday .\n\nThe two discussed trade .\n");
        assert_eq!(out.text.chars().count(), doc.text.chars().count());
        // Windows line ends: the carriage return and the line end become two spaces.
        let crlf = VERTICAL.replace('\n', "\r\n");
        let out = join(&Document::plain("d", "-", crlf.as_str())).expect("vertical");
        assert_eq!(out.text.chars().count(), crlf.chars().count());
        assert!(out.text.starts_with("Foreign  Minister  Anders"));
        assert!(out.text.contains(".\r\n\r\nThe"));
    }

    #[test]
    fn reads_the_meeting_of_a_vertical_text() {
        let x = crate::extract::tests::extract_on(VERTICAL, (2024, 3, 6));
        let people: Vec<Vec<&str>> = x.events.iter().map(|e| e.participants.iter().map(|p| p.name.as_str()).collect()).collect();
        assert_eq!(people, [["Anders Vik", "Ilse Marr"]]);
        // The evidence is exactly its slice of the text as read, line ends and all.
        let ev = &x.events[0].evidence[0];
        assert_eq!(ev.text, "Foreign\nMinister\nAnders\nVik\nmet\nPresident\nIlse\nMarr\nin\nTallo\non\nMonday\n.");
        crate::extract::tests::assert_spans_are_slices(VERTICAL, &x);
    }

    #[test]
    fn names_a_vertical_tokenised_texts_people_with_spaces() {
        // One token per line, as a tokenised corpus gives it: the line ends become spaces,
        // then the tokeniser's spaces go (`tokenized`); names read "Ilse Marr".
        let text = "The\nformer\ndiplomat\nAnders\nVik\nheld\ntalks\nwith\nNorway\n's\nforeign\nminister\n,\nIlse\nMarr\n,\non\nMonday\n.\n\nThe\ntalks\n,\nVik\nsaid\n,\nwent\nwell\n.\n";
        let x = crate::extract::tests::extract_on(text, (2024, 3, 6));
        let people: Vec<Vec<&str>> = x.events.iter().map(|e| e.participants.iter().map(|p| p.name.as_str()).collect()).collect();
        assert_eq!(people, [["Anders Vik", "Ilse Marr"]]);
        // Each mention as the text writes it.
        assert_eq!(x.events[0].participants[1].mention, "Ilse\nMarr");
        // The entity's own name too.
        let names: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Ilse Marr") && !names.iter().any(|n| n.contains('\n')), "{names:?}");
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        // Sentences, one per line.
        let lines = "Anders Vik met Ilse Marr.\n".repeat(20);
        assert!(join(&Document::plain("d", "-", lines.as_str())).is_none());
        // A page of short navigation lines of two words or more, with a few one-word ones.
        let nav = "Home\nWorld News\nLocal Sport\nBusiness\nOpinion Pages\nTravel Deals\n".repeat(5);
        assert!(join(&Document::plain("d", "-", nav.as_str())).is_none());
        // An article under a menu of one-word links.
        let menu = "Home\nNews\nSport\nBusiness\nTravel\nOpinion\nVideo\nAudio\nWeather\nPodcasts\nMarkets\nScience\nHealth\nCulture\n";
        let page = format!("{menu}{menu}Foreign Minister Anders Vik met President Ilse Marr in Tallo on Monday, his office said in a statement.\n");
        assert!(join(&Document::plain("d", "-", page.as_str())).is_none());
        // Too few lines.
        assert!(join(&Document::plain("d", "-", "Vik\nmet\nMarr\n.")).is_none());
    }
}
