//! The page's mentions with an index by start, so that the questions every stage asks
//! ("does this span overlap a mention?", "which mention starts or ends here?", "where is
//! the next mention after this offset?") cost O(log n) instead of a scan of all mentions:
//! a long document (a transcript, a book, a file without line ends) stays linear.
//!
//! Input: mentions pushed by the stages, in any order. Output: the same `Vec<M>` the stages
//! read by position (`Deref<Target = [M]>`), sorted when a stage calls `sort`.
//!
//! **Invariant**: mentions never overlap (every push goes through `Mentions::push`, which
//! refuses an overlapping span); `by_start` maps each mention's start to its index in
//! `list`. Anything that moves or removes mentions (`retain`, `sort`, a change of a
//! mention's start or end through `DerefMut`) rebuilds the index before the next push
//! (`sort` and `retain` do it themselves; a caller that edits spans calls `sort`).

use super::M;
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub(super) struct Mentions {
    list: Vec<M>,
    by_start: BTreeMap<usize, usize>,
}

impl Mentions {
    /// Adds `m` unless it is empty or overlaps a mention already there.
    pub(super) fn push(&mut self, m: M) -> bool {
        if m.start >= m.end || self.overlaps(m.start, m.end) {
            return false;
        }
        self.by_start.insert(m.start, self.list.len());
        self.list.push(m);
        true
    }

    /// Whether any mention overlaps `start..end`. Mentions do not overlap each other, so
    /// the one starting last before `end` is the only candidate.
    pub(super) fn overlaps(&self, start: usize, end: usize) -> bool {
        self.by_start.range(..end).next_back().is_some_and(|(_, &i)| self.list[i].end > start)
    }

    /// The mention that starts at `pos`.
    pub(super) fn starting(&self, pos: usize) -> Option<&M> {
        self.by_start.get(&pos).map(|&i| &self.list[i])
    }

    /// The mention that ends at `pos` (the one starting last before it, if it ends there).
    pub(super) fn ending(&self, pos: usize) -> Option<&M> {
        self.by_start.range(..pos).next_back().map(|(_, &i)| &self.list[i]).filter(|m| m.end == pos)
    }

    /// The first mention start strictly inside `start..end`.
    pub(super) fn next_start(&self, start: usize, end: usize) -> Option<usize> {
        if start + 1 >= end {
            return None;
        }
        self.by_start.range(start + 1..end).next().map(|(&s, _)| s)
    }

    /// All mentions, leaving none.
    pub(super) fn take(&mut self) -> Vec<M> {
        self.by_start.clear();
        std::mem::take(&mut self.list)
    }

    /// Replaces all mentions (they must not overlap).
    pub(super) fn replace(&mut self, list: Vec<M>) {
        self.list = list;
        self.reindex();
    }

    pub(super) fn sort(&mut self) {
        self.list.sort_by_key(|m| (m.start, m.end));
        self.reindex();
    }

    pub(super) fn retain(&mut self, keep: impl FnMut(&M) -> bool) {
        self.list.retain(keep);
        self.reindex();
    }

    fn reindex(&mut self) {
        self.by_start.clear();
        for (i, m) in self.list.iter().enumerate() {
            self.by_start.insert(m.start, i);
        }
    }
}

impl std::ops::Deref for Mentions {
    type Target = [M];
    fn deref(&self) -> &[M] {
        &self.list
    }
}

impl<'a> IntoIterator for &'a Mentions {
    type Item = &'a M;
    type IntoIter = std::slice::Iter<'a, M>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl std::ops::DerefMut for Mentions {
    fn deref_mut(&mut self) -> &mut [M] {
        &mut self.list
    }
}

#[cfg(test)]
mod tests {
    use super::super::{M, Mk};
    use super::*;
    use std::sync::Arc;

    fn m(start: usize, end: usize) -> M {
        M { start, end, kind: Mk::Pronoun, rule: Arc::from("test") }
    }

    #[test]
    fn refuses_overlaps_and_answers_by_position() {
        let mut ms = Mentions::default();
        assert!(ms.push(m(10, 14)));
        assert!(ms.push(m(2, 5)));
        assert!(!ms.push(m(4, 6)), "overlaps 2..5");
        assert!(!ms.push(m(13, 20)), "overlaps 10..14");
        assert!(!ms.push(m(0, 30)), "covers both");
        assert!(!ms.push(m(7, 7)), "empty");
        assert!(ms.push(m(5, 10)), "touching is no overlap");
        assert_eq!(ms.starting(10).map(|m| m.end), Some(14));
        assert_eq!(ms.ending(10).map(|m| m.start), Some(5));
        assert!(ms.ending(9).is_none());
        assert_eq!(ms.next_start(2, 12), Some(5));
        assert_eq!(ms.next_start(10, 14), None);
        ms.retain(|m| m.start != 5);
        assert!(ms.starting(5).is_none());
        assert_eq!(ms.starting(10).map(|m| m.end), Some(14), "index follows the retained list");
        ms.sort();
        assert_eq!(ms.iter().map(|m| m.start).collect::<Vec<_>>(), [2, 10]);
        assert_eq!(ms.starting(2).map(|m| m.end), Some(5));
    }
}
