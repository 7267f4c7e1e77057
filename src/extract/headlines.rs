//! Headlines: a meeting only a headline reports, which the body tells as a call, called
//! off or denied, is none ("Presidents of Norland and Tallo hold talks" over "… held a
//! telephone conversation").
//!
//! Input: the candidates of stage meetings and the blocker triggers (sorted). Output: the
//! candidates less those read on a headline (one of its section's first four lines, one
//! sentence, short, no full stop) whose people are all named in a sentence of the same
//! section that a blocker stands in, when no other reading of the body names them all.
//!
//! **Invariant**: only headline candidates are dropped; each is compared with its own
//! section's candidates and blocker sentences only (binary searches; a headline is one of
//! a section's first four lines), so work stays linear in the page.

use super::*;

/// A headline is among the first lines of its section and short.
const HEADLINE_LINES: usize = 4;
const HEADLINE_CHARS: usize = 150;

impl<'a> Page<'a> {
    /// Drops the headline candidates whose people a blocker sentence of their section
    /// names, when no other candidate of the section (in text order, so by section) names
    /// them all.
    pub(super) fn drop_headlines_told_otherwise(&self, candidates: &mut Vec<Candidate>, blockers: &[usize]) {
        if blockers.is_empty() || candidates.is_empty() {
            return;
        }
        let headline: Vec<bool> = candidates.iter().map(|c| self.headline(c.sentence)).collect();
        if !headline.contains(&true) {
            return;
        }
        // The people of each blocker sentence (two or more), in text order, so by section.
        let mut blocked: Vec<(usize, usize, Vec<&EntityKey>)> = Vec::new();
        let mut last = None;
        for &b in blockers {
            let Some(sent) = self.sentence_of(b) else { continue };
            if last == Some(sent.0) {
                continue;
            }
            last = Some(sent.0);
            let keys: Vec<&EntityKey> = self.items_in(sent.0, sent.1).into_iter().map(|i| &self.items[i].key).collect();
            if keys.len() >= 2 {
                blocked.push((self.lines[sent.2].section, sent.0, keys));
            }
        }
        let names_all = |c: &Candidate, keys: &mut dyn Iterator<Item = &EntityKey>| {
            let keys: Vec<&EntityKey> = keys.collect();
            c.participants.iter().all(|p| keys.contains(&&p.key))
        };
        let mut drop = vec![false; candidates.len()];
        for (i, c) in candidates.iter().enumerate().filter(|&(i, _)| headline[i]) {
            let from = candidates.partition_point(|o| o.section < c.section);
            let told_in_body = (from..candidates.len())
                .take_while(|&j| candidates[j].section == c.section)
                .any(|j| !headline[j] && names_all(c, &mut candidates[j].participants.iter().map(|p| &p.key)));
            let from = blocked.partition_point(|b| b.0 < c.section);
            let told_otherwise = blocked[from..]
                .iter()
                .take_while(|b| b.0 == c.section)
                .any(|(_, start, keys)| *start != c.sentence.0 && names_all(c, &mut keys.iter().copied()));
            drop[i] = told_otherwise && !told_in_body;
        }
        let mut k = 0;
        candidates.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
    }

    /// Whether the sentence `sent` is a headline: the whole of one of its section's first
    /// lines, short, with no full stop at its end.
    fn headline(&self, sent: (usize, usize)) -> bool {
        let li = self.line_at(sent.0);
        let Some(l) = self.lines.get(li) else { return false };
        let first = self.lines.partition_point(|x| x.section < l.section);
        let text = self.ns(l.start, l.end).trim();
        li.saturating_sub(first) < HEADLINE_LINES
            && text.chars().count() <= HEADLINE_CHARS
            && self.ns(sent.0, sent.1).trim() == text
            && !text.ends_with(['.', '。', '!', '?'])
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::meetings_on;

    #[test]
    fn a_headline_meeting_the_body_tells_as_a_call_is_none() {
        assert!(meetings_on("Anders Vik and Ilse Marr hold talks\n\nAnders Vik and Ilse Marr held a telephone conversation on Monday.", (2024, 5, 3)).is_empty());
    }

    #[test]
    fn a_headline_keeps_its_meeting_when_the_call_names_other_people_or_the_body_tells_it_held() {
        // The call is between others.
        assert_eq!(
            meetings_on("Anders Vik and Ilse Marr hold talks\n\nPer Halvorsen and Lena Varga held a telephone conversation on Monday.", (2024, 5, 3)),
            [["Anders Vik", "Ilse Marr"]]
        );
        // A sentence that is no headline (it ends with a full stop) is never dropped.
        assert_eq!(
            meetings_on("Anders Vik and Ilse Marr held talks in Tallo on Monday.\n\nAnders Vik and Ilse Marr held a telephone conversation on Friday.", (2024, 5, 3)),
            [["Anders Vik", "Ilse Marr"]]
        );
    }
}
