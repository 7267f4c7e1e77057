//! Reading aids: the pinyin some pages set in brackets after each character
//! (會(huì)見(jiàn)), taken out before the page is read.
//!
//! Input: a document and the lexicon's `pinyin-tone-vowels`. Output: none when the text
//! holds no reading aid (the common case: a byte search for brackets, no copy), else the
//! document without them, its offset map carried through, so that every offset the
//! extractor reports still points into the text as read.
//!
//! **Invariant**: only a bracketed run of one to six lower-case Latin letters holding a
//! tone-marked vowel, right after a Han character, is taken out; nothing else changes.

use crate::document::Document;
use crate::lexicon::CharSet;
use crate::normalise::is_han;

/// The longest pinyin syllable (zhuang, shuang) in letters.
const MAX_SYLLABLE: usize = 6;

/// `doc` without its reading aids, or `None` when it has none. Only the brackets are
/// looked at (a byte search), so a text without them costs one fast pass.
pub(super) fn strip(doc: &Document, vowels: &CharSet) -> Option<Document> {
    let text = &doc.text;
    // Byte ranges of the reading aids, in text order.
    let mut cut: Vec<(usize, usize)> = Vec::new();
    for (b, open) in text.match_indices(['(', '（']) {
        if cut.last().is_some_and(|&(_, e)| b < e) || !text[..b].chars().next_back().is_some_and(is_han) {
            continue;
        }
        if let Some(len) = aid_len(&text[b + open.len()..], vowels) {
            cut.push((b, b + open.len() + len));
        }
    }
    if cut.is_empty() {
        return None;
    }
    Some(cut_out(doc, &cut))
}

/// `doc` without the byte ranges `cut` (in text order, not overlapping), its offset map
/// carried through: each character left keeps the span of the text as read it came from.
/// Shared with [`super::segmented`].
pub(super) fn cut_out(doc: &Document, cut: &[(usize, usize)]) -> Document {
    let text = &doc.text;
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    let mut next = cut.iter().peekable();
    for (k, (b, c)) in text.char_indices().enumerate() {
        while next.peek().is_some_and(|&&(_, e)| e <= b) {
            next.next();
        }
        if next.peek().is_some_and(|&&(s, _)| s <= b) {
            continue;
        }
        out.push(c);
        map.push(match &doc.map {
            Some(m) => m[k],
            None => (k as u32, k as u32 + 1),
        });
    }
    Document { text: out, map: Some(map), ..doc.clone() }
}

/// The length in bytes, closing bracket included, of the reading aid whose opening
/// bracket `rest` follows: one to six lower-case Latin letters, one of them a
/// tone-marked vowel, spaces around them allowed (會(huì )談), then a closing bracket.
fn aid_len(rest: &str, vowels: &CharSet) -> Option<usize> {
    let mut toned = false;
    let mut letters = 0;
    for (b, c) in rest.char_indices().take(MAX_SYLLABLE + 3) {
        if matches!(c, ')' | '）') {
            return (letters > 0 && toned).then_some(b + c.len_utf8());
        }
        if c == ' ' {
            continue;
        }
        if letters == MAX_SYLLABLE || !(c.is_ascii_lowercase() || vowels.contains(c)) {
            return None;
        }
        letters += 1;
        toned |= vowels.contains(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vowels() -> CharSet {
        let mut v = CharSet::default();
        "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".chars().for_each(|c| v.insert(c));
        v
    }

    #[test]
    fn takes_out_pinyin_after_han_and_keeps_offsets() {
        let doc = Document::plain("d", "-", "林文達會(huì)見(jiàn)陳志明");
        let out = strip(&doc, &vowels()).expect("aids found");
        assert_eq!(out.text, "林文達會見陳志明");
        // 見 is char 9 of the text as read, 陳 char 16.
        assert_eq!(out.to_original(4, 6), (9, 17));
        let (s, e) = out.to_original(5, 8);
        assert_eq!(out.original_slice(s, e), "陳志明");
        // A space inside the brackets.
        let doc = Document::plain("d", "-", "舉行會(huì )談");
        assert_eq!(strip(&doc, &vowels()).expect("aids found").text, "舉行會談");
    }

    #[test]
    fn carries_an_html_offset_map_through() {
        // Each visible char came from two chars of the page as read (as an HTML page's do).
        let mut doc = Document::plain("d", "-", "會(huì)見陳");
        doc.map = Some((0..doc.text.chars().count() as u32).map(|k| (2 * k, 2 * k + 2)).collect());
        let out = strip(&doc, &vowels()).expect("aids found");
        assert_eq!(out.text, "會見陳");
        // 見 is char 6 of the visible text, chars 12..14 of the page.
        assert_eq!(out.to_original(1, 2), (12, 14));
    }

    #[test]
    fn leaves_glosses_and_plain_text_alone() {
        assert!(strip(&Document::plain("d", "-", "林文達(Anders Lind)會見陳志明"), &vowels()).is_none());
        assert!(strip(&Document::plain("d", "-", "林文達會見陳志明(Xinhua)"), &vowels()).is_none());
        // A toned word after a Latin word is no reading aid.
        assert!(strip(&Document::plain("d", "-", "Café (séance) opened"), &vowels()).is_none());
    }
}
