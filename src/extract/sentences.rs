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
