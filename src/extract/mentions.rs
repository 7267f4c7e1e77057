//! The page's mentions, kept so that the questions every stage asks ("does this span
//! overlap a mention?", "which mention starts or ends here?", "where is the next mention
//! after this offset?") cost O(log n) instead of a scan of all mentions: a long document
//! (a transcript, a book, a file without line ends) stays linear.
//!
//! Input: mentions pushed by the stages, in any order. Output: the same `Vec<M>` the stages
//! read by position (`Deref<Target = [M]>`), sorted when a stage calls `sort`.
//!
//! **Invariant**: mentions never overlap (every push goes through `Mentions::push`, which
//! refuses an overlapping span). `list[..sorted]` is sorted by start (a binary search
//! answers for it); the mentions pushed since the last sort, `list[sorted..]`, are indexed
//! by start in `tail`. Anything that moves or removes mentions (`retain`, `sort`, a change
//! of a mention's start or end through `DerefMut`) re-establishes this before the next
//! push (`sort` and `retain` do it themselves; a caller that edits spans calls `sort`).

use super::M;
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub(super) struct Mentions {
    list: Vec<M>,
    sorted: usize,
    tail: BTreeMap<usize, usize>,
}

impl Mentions {
    /// Adds `m` unless it is empty or overlaps a mention already there.
    pub(super) fn push(&mut self, m: M) -> bool {
        if m.start >= m.end || self.overlaps(m.start, m.end) {
            return false;
        }
        self.tail.insert(m.start, self.list.len());
        self.list.push(m);
        true
    }

    /// Of the sorted part and of the tail, the mention starting last before `pos`.
    fn last_before(&self, pos: usize) -> Option<&M> {
        let k = self.list[..self.sorted].partition_point(|m| m.start < pos);
        let a = k.checked_sub(1).map(|i| &self.list[i]);
        let b = self.tail.range(..pos).next_back().map(|(_, &i)| &self.list[i]);
        match (a, b) {
            (Some(a), Some(b)) => Some(if b.start > a.start { b } else { a }),
            (a, b) => a.or(b),
        }
    }

    /// Whether any mention overlaps `start..end`. Mentions do not overlap each other, so
    /// the one starting last before `end` is the only candidate.
    pub(super) fn overlaps(&self, start: usize, end: usize) -> bool {
        self.last_before(end).is_some_and(|m| m.end > start)
    }

    /// The mention that starts at `pos`.
    pub(super) fn starting(&self, pos: usize) -> Option<&M> {
        let head = &self.list[..self.sorted];
        let k = head.partition_point(|m| m.start < pos);
        head.get(k).filter(|m| m.start == pos).or_else(|| self.tail.get(&pos).map(|&i| &self.list[i]))
    }

    /// The mention covering char `pos` (the one starting last at or before it, if it
    /// reaches past it).
    pub(super) fn covering(&self, pos: usize) -> Option<&M> {
        self.last_before(pos + 1).filter(|m| m.end > pos)
    }

    /// The mention that ends at `pos` (the one starting last before it, if it ends there).
    pub(super) fn ending(&self, pos: usize) -> Option<&M> {
        self.last_before(pos).filter(|m| m.end == pos)
    }

    /// The first mention start strictly inside `start..end`.
    pub(super) fn next_start(&self, start: usize, end: usize) -> Option<usize> {
        if start + 1 >= end {
            return None;
        }
        let head = &self.list[..self.sorted];
        let a = head.get(head.partition_point(|m| m.start <= start)).map(|m| m.start).filter(|&s| s < end);
        let b = self.tail.range(start + 1..end).next().map(|(&s, _)| s);
        match (a, b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// All mentions, leaving none.
    pub(super) fn take(&mut self) -> Vec<M> {
        self.tail.clear();
        self.sorted = 0;
        std::mem::take(&mut self.list)
    }

    /// Replaces all mentions (they must not overlap), sorted.
    pub(super) fn replace(&mut self, list: Vec<M>) {
        self.list = list;
        self.sort();
    }

    pub(super) fn sort(&mut self) {
        self.list.sort_by_key(|m| (m.start, m.end));
        self.sorted = self.list.len();
        self.tail.clear();
    }

    pub(super) fn retain(&mut self, mut keep: impl FnMut(&M) -> bool) {
        // The sorted part stays sorted; the tail is indexed anew (it is short: what one
        // stage pushed since the last sort).
        let mut kept_sorted = 0;
        let mut i = 0;
        let sorted = self.sorted;
        self.list.retain(|m| {
            let k = keep(m);
            if k && i < sorted {
                kept_sorted += 1;
            }
            i += 1;
            k
        });
        self.sorted = kept_sorted;
        self.tail.clear();
        for (j, m) in self.list.iter().enumerate().skip(self.sorted) {
            self.tail.insert(m.start, j);
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

    #[test]
    fn the_sorted_part_and_the_tail_answer_together() {
        let mut ms = Mentions::default();
        for (s, e) in [(0, 2), (10, 12), (20, 22)] {
            assert!(ms.push(m(s, e)));
        }
        ms.sort();
        // Pushed after the sort: in the tail, between sorted ones.
        assert!(ms.push(m(15, 18)));
        assert!(ms.push(m(4, 6)));
        assert!(!ms.push(m(17, 21)), "overlaps the tail's 15..18 and the sorted 20..22");
        assert!(!ms.push(m(11, 13)), "overlaps the sorted 10..12");
        assert_eq!(ms.ending(18).map(|m| m.start), Some(15));
        assert_eq!(ms.ending(12).map(|m| m.start), Some(10));
        assert!(ms.ending(14).is_none());
        assert_eq!(ms.next_start(3, 30), Some(4));
        assert_eq!(ms.next_start(12, 30), Some(15));
        assert_eq!(ms.next_start(16, 30), Some(20));
        assert_eq!(ms.starting(4).map(|m| m.end), Some(6));
        assert_eq!(ms.covering(16).map(|m| m.start), Some(15), "inside a tail mention");
        assert_eq!(ms.covering(11).map(|m| m.start), Some(10), "inside a sorted one");
        assert!(ms.covering(12).is_none(), "12 is past 10..12");
        assert_eq!(ms.starting(20).map(|m| m.end), Some(22));
        ms.retain(|m| m.start != 10 && m.start != 4);
        assert!(ms.push(m(10, 12)), "free again");
        assert!(ms.push(m(5, 7)), "4..6 gone: 5..7 overlaps nothing");
        ms.sort();
        assert_eq!(ms.iter().map(|m| m.start).collect::<Vec<_>>(), [0, 5, 10, 15, 20]);
    }
}
