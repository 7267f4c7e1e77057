//! Normalisation: the text the matchers read.
//!
//! Input: a document's text. Output: a string with **exactly the same number of
//! characters**, where character *i* is the folded form of character *i* of the input:
//! Traditional Chinese folded to Simplified (OpenCC's phrase and character tables, via
//! `hanconv`), full-width forms to half-width, Latin letters lower-cased, the many
//! name-joining dots (`・`, `‧`, `•`) to `·`.
//!
//! **Invariant**: `normalise(s).chars().count() == s.chars().count()`, so a char offset
//! in the normalised text is the same offset in the original. Where a phrase conversion
//! would change the length, that run falls back to character-by-character conversion.

/// Folds one character's width and dot variants, keeping its case.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{30FB}' | '\u{2027}' | '\u{FF65}' | '\u{2022}' | '\u{2219}' | '\u{22C5}' => '·',
        '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => ' ',
        _ => c,
    }
}

/// Folds one character's width, case and dot variants (not Traditional/Simplified).
pub fn fold_char(c: char) -> char {
    let c = fold_width(c);
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if c.is_uppercase() {
        let mut l = c.to_lowercase();
        if let (Some(x), None) = (l.next(), l.next()) {
            return x;
        }
    }
    c
}

/// True for CJK ideographs (the characters Traditional/Simplified folding applies to),
/// the supplementary planes' Extensions G and H too: folding maps some characters there
/// (繐 to U+30B38).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x323AF | 0x3007)
}

/// Normalises a text; see the module docs for the guarantees.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut run_start: Option<usize> = None; // byte offset of a run of Han chars
    for (i, c) in text.char_indices() {
        if is_han(c) {
            if run_start.is_none() {
                run_start = Some(i);
            }
            continue;
        }
        if let Some(s) = run_start.take() {
            fold_han_run(&text[s..i], &mut out);
        }
        out.push(fold_char(c));
    }
    if let Some(s) = run_start {
        fold_han_run(&text[s..], &mut out);
    }
    out
}

fn fold_han_run(run: &str, out: &mut String) {
    let converted = hanconv::t2s(run);
    if converted.chars().count() == run.chars().count() {
        out.push_str(&converted);
        return;
    }
    // A phrase mapping changed the length: keep offsets by converting char by char.
    let mut buf = [0u8; 4];
    for c in run.chars() {
        let one = hanconv::t2s(c.encode_utf8(&mut buf) as &str);
        let mut it = one.chars();
        match (it.next(), it.next()) {
            (Some(x), None) => out.push(x),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let got = normalise(input);
        assert_eq!(got, expected, "normalise({input:?})");
        assert_eq!(got.chars().count(), input.chars().count(), "char count of {input:?}");
    }

    #[test]
    fn folds_traditional_to_simplified() {
        check("習近平會見俄羅斯外長拉夫羅夫", "习近平会见俄罗斯外长拉夫罗夫");
        check("國家主席習近平在北京人民大會堂", "国家主席习近平在北京人民大会堂");
        check("喀山克里姆林宮", "喀山克里姆林宫");
    }

    #[test]
    fn keeps_names_that_a_character_table_gets_wrong() {
        // 乾 is "dry" (干) in most words but stays 乾 in 乾隆.
        check("乾隆皇帝", "乾隆皇帝");
        check("乾燥", "干燥");
    }

    #[test]
    fn folds_width_case_and_dots() {
        check("ＳＣＯ（上合组织）：２０２４", "sco(上合组织):2024");
        check("安東尼・布林肯", "安东尼·布林肯");
        check("安東尼‧布林肯", "安东尼·布林肯");
        check("Xi Jinping MET Putin", "xi jinping met putin");
        check("\u{3000}A", " a");
    }

    #[test]
    fn keeps_char_count_on_mixed_text() {
        let s = "發佈時間:2024-04-10 | Ünïcode İstanbul ß ﬁ 𠮷野家 ＡＢＣ";
        assert_eq!(normalise(s).chars().count(), s.chars().count());
    }
}
