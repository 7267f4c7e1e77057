//! Sentences: the one sentence splitter, used by the extractor (every active line of a
//! page) and by `summit eval` (the sentence around an entity's first mention).
//!
//! Input: normalised characters ([`crate::normalise`]) and a range of them that no
//! sentence crosses (a line). Output: the sentences in it, in text order, as char ranges.
//!
//! **Invariant**: a sentence ends after `。`, `!`, `?` or `;` (full-width forms are
//! normalised to these), or after a full stop followed by a space or the range's end
//! that is no abbreviation's: not after a single letter ("J. Smith", "U.S."), a word of
//! `en-abbreviations` ("Maj.", "Sept.") or a dot right after a dot. Closing quotes and
//! brackets stay with their sentence; the next one starts at its first character that is
//! not white space; a range of white space only is no sentence.

use super::*;
use crate::lexicon::Lexicon;
use std::collections::HashSet;

/// The sentence splitter, with its abbreviations (`en-abbreviations`).
#[derive(Debug, Clone)]
pub struct Splitter {
    abbreviations: HashSet<String>,
}

impl Splitter {
    pub fn new(lx: &Lexicon) -> Splitter {
        Splitter { abbreviations: lx.words("en-abbreviations").iter().cloned().collect() }
    }

    /// A word of `en-abbreviations` (lower case, without its dot).
    pub fn is_abbreviation_word(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    /// The sentences of `norm[start..end]`, each as `(start, end)`.
    pub fn split(&self, norm: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut s = start;
        let mut i = start;
        while i < end {
            let c = norm[i];
            let mut stop = None;
            if matches!(c, '。' | '!' | '?' | ';') {
                stop = Some(i + 1);
            } else if c == '.' && (i + 1 == end || norm[i + 1] == ' ') && !self.is_abbreviation(norm, s, i) {
                stop = Some(i + 1);
            }
            if let Some(mut e) = stop {
                // Closing quotes and brackets stay with their sentence.
                while e < end && matches!(norm[e], '"' | '”' | '’' | '」' | ')' | '\'') {
                    e += 1;
                }
                if norm[s..e].iter().any(|c| !c.is_whitespace()) {
                    out.push((s, e));
                }
                // The next sentence starts at its first character, not at the space.
                s = e;
                while s < end && norm[s].is_whitespace() {
                    s += 1;
                }
                i = s;
                continue;
            }
            i += 1;
        }
        if norm[s..end].iter().any(|c| !c.is_whitespace()) {
            out.push((s, end));
        }
        out
    }

    /// Whether the full stop at `dot` ends an abbreviation: a single letter, a listed
    /// word, or a dot after a dot ("U.S.").
    fn is_abbreviation(&self, norm: &[char], sentence_start: usize, dot: usize) -> bool {
        let mut b = dot;
        while b > sentence_start && norm[b - 1].is_alphanumeric() {
            b -= 1;
        }
        let word = &norm[b..dot];
        let single_letter = word.len() == 1 && word[0].is_alphabetic();
        single_letter || self.abbreviations.contains(&word.iter().collect::<String>()) || (b > 0 && norm[b - 1] == '.')
    }
}

/// Whether a text is mostly Latin letters (more than twice as many as Han characters).
pub(super) fn script_is_latin(chars: &[char]) -> bool {
    let han = chars.iter().filter(|c| is_han(**c)).count();
    let latin = chars.iter().filter(|c| c.is_ascii_alphabetic()).count();
    latin > han * 2
}

impl<'a> Page<'a> {
    #[inline(never)]
    pub(super) fn find_times(&self) -> Vec<TimeExpr> {
        let mut out = Vec::new();
        for l in &self.lines {
            if !l.active || l.dated {
                continue;
            }
            let s = self.ns(l.start, l.end);
            for mut t in self.p.dates.find_time_exprs(&s) {
                t.start += l.start;
                t.end += l.start;
                out.push(t);
            }
        }
        out
    }

    #[inline(never)]
    /// The sentences of the active lines, and a note for each read in pieces.
    pub(super) fn split_sentences(&self) -> (Vec<(usize, usize, usize)>, Vec<String>) {
        let mut out = Vec::new();
        let mut long = Vec::new();
        for (li, l) in self.lines.iter().enumerate() {
            if !l.active {
                continue;
            }
            for (s, e) in self.p.sentences.split(&self.norm, l.start, l.end) {
                self.push_sentence(&mut out, (s, e, li), &mut long);
            }
        }
        let notes = long.into_iter().map(|(s, e)| {
            let (os, _) = self.doc.to_original(s, e);
            format!(
                "a sentence of {} characters at offset {os} is longer than {MAX_SENTENCE}: read in pieces of at most {MAX_SENTENCE} characters, cut at a comma or space",
                e - s
            )
        });
        (out, notes.collect())
    }

    /// Adds a sentence; one longer than [`MAX_SENTENCE`] characters (a list, a table or a
    /// file without sentence ends) goes in pieces, each cut after the last comma,
    /// semicolon or space in its second half (else at the limit), so that the work per
    /// trigger, which reads its sentence, stays bounded. The long sentence is noted.
    fn push_sentence(&self, out: &mut Vec<(usize, usize, usize)>, (s, e, li): (usize, usize, usize), long: &mut Vec<(usize, usize)>) {
        if e - s <= MAX_SENTENCE {
            out.push((s, e, li));
            return;
        }
        long.push((s, e));
        let mut a = s;
        while e - a > MAX_SENTENCE {
            let hi = a + MAX_SENTENCE;
            let cut = (a + MAX_SENTENCE / 2..hi)
                .rev()
                .find(|&i| matches!(self.norm[i], ',' | ';' | ':' | '、' | ' ' | '\u{3000}'))
                .map_or(hi, |i| i + 1);
            out.push((a, cut, li));
            a = cut;
            while a < e && self.norm[a].is_whitespace() {
                a += 1;
            }
        }
        if a < e {
            out.push((a, e, li));
        }
    }

    pub(super) fn sentence_of(&self, pos: usize) -> Option<(usize, usize, usize)> {
        let i = self.sentences.partition_point(|s| s.1 <= pos);
        self.sentences.get(i).copied().filter(|s| s.0 <= pos)
    }

    /// Where the sentence around `pos` starts (the line's start on an inactive line).
    pub(super) fn sentence_start(&self, pos: usize) -> usize {
        self.sentence_of(pos).map_or_else(|| self.lines.get(self.line_at(pos)).map_or(0, |l| l.start), |s| s.0)
    }

    /// The sentence that ends last at or before `pos`.
    pub(super) fn sentence_before(&self, pos: usize) -> Option<(usize, usize, usize)> {
        let i = self.sentences.partition_point(|s| s.1 <= pos);
        i.checked_sub(1).map(|k| self.sentences[k])
    }

    /// The clause around `pos` for Chinese rules: bounded by commas, semicolons, colons.
    pub(super) fn clause(&self, pos: usize, sentence: (usize, usize)) -> (usize, usize) {
        let is_b = |c: char| matches!(c, ',' | ';' | ':' | '、' | '，');
        let mut lo = pos;
        while lo > sentence.0 && !(is_b(self.norm[lo - 1]) && self.norm[lo - 1] != '、') {
            lo -= 1;
        }
        let mut hi = pos;
        while hi < sentence.1 && !(is_b(self.norm[hi]) && self.norm[hi] != '、') {
            hi += 1;
        }
        (lo, hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let lx = Lexicon::from_sources(&crate::pack::lexicon_sources()).unwrap();
        let norm: Vec<char> = crate::normalise::normalise(text).chars().collect();
        let orig: Vec<char> = text.chars().collect();
        Splitter::new(&lx).split(&norm, 0, norm.len()).into_iter().map(|(s, e)| orig[s..e].iter().collect()).collect()
    }

    #[test]
    fn sentences_end_at_their_marks_not_at_abbreviations() {
        assert_eq!(sentences("王毅参加会见。Then Xi spoke. Done"), ["王毅参加会见。", "Then Xi spoke.", "Done"]);
        assert_eq!(sentences("BEIJING, Dec. 3 -- The U.S. President met Xi. Next"), ["BEIJING, Dec. 3 -- The U.S. President met Xi.", "Next"]);
        assert_eq!(sentences("Maj. Gen. J. Smith said yes.  No!"), ["Maj. Gen. J. Smith said yes.", "No!"]);
        assert_eq!(sentences("他说：“好。”我们走吧"), ["他说：“好。”", "我们走吧"]);
        assert!(sentences("   ").is_empty());
    }
}
