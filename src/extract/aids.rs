//! Reading aids: the pinyin some pages set in brackets after each character
//! (會(huì)見(jiàn)), taken out before the page is read.
//!
//! Input: a document and the lexicon's `pinyin-tone-vowels`. Output: none when the text
//! holds no reading aid (the common case: one pass over the text, no copy), else the
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

/// `doc` without its reading aids, or `None` when it has none.
pub(super) fn strip(doc: &Document, vowels: &CharSet) -> Option<Document> {
    if !doc.text.chars().any(|c| vowels.contains(c)) {
        return None;
    }
    let chars: Vec<char> = doc.text.chars().collect();
    let mut keep = vec![true; chars.len()];
    let mut any = false;
    let mut i = 1;
    while i < chars.len() {
        if matches!(chars[i], '(' | '（')
            && is_han(chars[i - 1])
            && let Some(close) = aid_close(&chars, i, vowels)
        {
            keep[i..=close].fill(false);
            any = true;
            i = close + 1;
            continue;
        }
        i += 1;
    }
    if !any {
        return None;
    }
    let mut text = String::with_capacity(doc.text.len());
    let mut map = Vec::with_capacity(chars.len());
    for (k, &c) in chars.iter().enumerate() {
        if keep[k] {
            text.push(c);
            map.push(match &doc.map {
                Some(m) => m[k],
                None => (k as u32, k as u32 + 1),
            });
        }
    }
    Some(Document { text, map: Some(map), ..doc.clone() })
}

/// Where the reading aid opening at `open` closes: one to six lower-case Latin letters,
/// one of them a tone-marked vowel, spaces around them allowed (會(huì )談), then a
/// closing bracket.
fn aid_close(chars: &[char], open: usize, vowels: &CharSet) -> Option<usize> {
    let mut toned = false;
    let mut letters = 0;
    for j in (open + 1..chars.len()).take(MAX_SYLLABLE + 3) {
        let c = chars[j];
        if matches!(c, ')' | '）') {
            return (letters > 0 && toned).then_some(j);
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
    fn leaves_glosses_and_plain_text_alone() {
        assert!(strip(&Document::plain("d", "-", "林文達(Anders Lind)會見陳志明"), &vowels()).is_none());
        assert!(strip(&Document::plain("d", "-", "林文達會見陳志明(Xinhua)"), &vowels()).is_none());
        // A toned word after a Latin word is no reading aid.
        assert!(strip(&Document::plain("d", "-", "Café (séance) opened"), &vowels()).is_none());
    }
}
