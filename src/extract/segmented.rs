//! Word-segmented Chinese: text that sets a space between words (国家 主席 江 泽民 今天 在
//! 北京 会见 了 …), as word-segmented corpora and some pages do, read as Chinese is
//! written, without them.
//!
//! Input: a document. Output: none when the text is not segmented so (the common case: one
//! pass counting, no copy), else the document without the spaces between Chinese
//! characters, its offset map carried through (by [`super::aids::cut_out`], as for reading
//! aids), so that every offset the extractor reports still points into the text as read.
//!
//! **Invariant**: a document is read so only when spaces between Chinese characters are
//! many (at least [`MIN_SPACES`], and one for every [`HAN_PER_SPACE`] Han characters or
//! fewer): a headline that sets one space between two clauses (林文达会见陈志明 王建国出席)
//! keeps it. Only runs of spaces (not line ends) with a Chinese character, a full-width
//! mark or a digit on each side (not a digit on both) are taken out; nothing else changes.

use crate::document::Document;
use crate::normalise::is_han;

/// The fewest spaces between Chinese characters that make a text segmented.
const MIN_SPACES: usize = 8;
/// At most this many Han characters per such space (segmented text has about two).
const HAN_PER_SPACE: usize = 5;

/// A character that a segmented text's space may stand beside: Han, a name's dot (安东尼 ·
/// 布林肯), a full-width mark (。，、《》), or, on one side only, an ASCII digit (1998 年).
fn chinese_side(c: char) -> bool {
    is_han(c) || matches!(c, '·' | '•' | '‧' | '・') || ('\u{3000}'..='\u{303f}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}' || c == '\t'
}

/// The char ranges of the runs of spaces to take out, in text order.
fn removable(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 1;
    while i < chars.len() {
        if !is_space(chars[i]) {
            i += 1;
            continue;
        }
        let s = i;
        while i < chars.len() && is_space(chars[i]) {
            i += 1;
        }
        if i == chars.len() {
            break;
        }
        let (a, b) = (chars[s - 1], chars[i]);
        let ok = (chinese_side(a) && (chinese_side(b) || b.is_ascii_digit())) || (a.is_ascii_digit() && chinese_side(b));
        if ok {
            out.push((s, i));
        }
    }
    out
}

/// `doc` without the spaces of its word segmentation, or `None` when it is not segmented.
pub(super) fn join(doc: &Document) -> Option<Document> {
    let text = &doc.text;
    // Most texts hold no Chinese at all (no lead byte of a three- or four-byte character
    // from U+3000 on) or no space: byte tests first, no copy.
    if !text.bytes().any(|b| b >= 0xe3) || !text.bytes().any(|b| b == b' ' || b == b'\t') && !text.contains('\u{3000}') {
        return None;
    }
    // A first count, without a copy: few spaces next to Han characters is the common case.
    let mut han = 0;
    let mut beside = 0;
    let mut prev = ' ';
    for c in text.chars() {
        han += usize::from(is_han(c));
        beside += usize::from(is_space(c) && chinese_side(prev));
        prev = c;
    }
    if beside < MIN_SPACES || beside * HAN_PER_SPACE < han {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let cut = removable(&chars);
    if cut.len() < MIN_SPACES || cut.len() * HAN_PER_SPACE < han {
        return None;
    }
    // Char ranges to byte ranges (a segmented text is rare: one offset table for it).
    let mut offs: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    offs.push(text.len());
    let bytes: Vec<(usize, usize)> = cut.iter().map(|&(s, e)| (offs[s], offs[e])).collect();
    Some(super::aids::cut_out(doc, &bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_a_segmented_text_and_keeps_offsets() {
        let text = "国家 主席 林 文达 今天 在 北京 会见 了 诺兰 总统 陈 志明 。 双方 在 1998 年 签署 了 协议 。 安德斯 · 维克 出席 。";
        let doc = Document::plain("d", "-", text);
        let out = join(&doc).expect("segmented");
        assert_eq!(out.text, "国家主席林文达今天在北京会见了诺兰总统陈志明。双方在1998年签署了协议。安德斯·维克出席。");
        // 陈志明 is chars 19..22 of the text as joined; in the text as read it runs from
        // 陈 (char 30) to 明 (char 33), the space inside it included.
        let (s, e) = out.to_original(19, 22);
        assert_eq!(doc.text.chars().skip(s).take(e - s).collect::<String>(), "陈 志明");
    }

    #[test]
    fn reads_a_segmented_text_as_chinese() {
        let text = "国家 主席 林 文达 今天 在 北京 会见 了 诺兰 总统 陈 志明 。";
        let x = crate::extract::tests::extract_on(text, (1998, 1, 5));
        let people: Vec<Vec<&str>> = x.events.iter().map(|e| e.participants.iter().map(|p| p.name.as_str()).collect()).collect();
        // Names as Chinese writes them; each mention as the text writes it.
        assert_eq!(people, [["林文达", "陈志明"]]);
        assert_eq!(x.events[0].participants[1].mention, "陈 志明");
        // The evidence points into the text as read.
        let ev = &x.events[0].evidence[0];
        assert_eq!(text.chars().skip(ev.start).take(ev.end - ev.start).collect::<String>(), text);
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        // A headline's space between two clauses, and Latin words.
        assert!(join(&Document::plain("d", "-", "林文达会见陈志明 王建国出席\n\n林文达今天在北京会见了陈志明。")).is_none());
        assert!(join(&Document::plain("d", "-", "Anders Vik met Ilse Marr in Tallo on Monday.")).is_none());
        // Spaces between digits stay.
        assert!(removable(&"1 000 人".chars().collect::<Vec<_>>()) == [(5, 6)]);
    }
}
