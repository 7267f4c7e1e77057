//! A stage's output as the page holds it: the typed hand-off between stages.
//!
//! Input: what one stage returns to `Page::build`. Output: read-only access for every
//! later stage.
//!
//! **Invariant**: a [`Staged`] value is set once, by `Page::build`, from its stage's
//! return value, and never changed afterwards (there is no mutable access); reading it
//! before its stage ran panics naming it, so a stage that reads a later stage's output
//! fails in the tests instead of reading an empty list. The mentions are the one output
//! that grows in place ([`Growing`]): their finders read what earlier finders found; once
//! `Page::build` freezes them, changing one panics, so the mention indices later stages
//! keep (`roles_at`, items) stay valid.

use std::ops::{Deref, DerefMut};

pub(super) struct Staged<T> {
    name: &'static str,
    value: Option<T>,
}

impl<T> Staged<T> {
    pub(super) const fn empty(name: &'static str) -> Self {
        Staged { name, value: None }
    }

    /// Hands the stage's output on. Setting twice is a bug in `Page::build`.
    pub(super) fn set(&mut self, value: T) {
        assert!(self.value.is_none(), "{} set twice", self.name);
        self.value = Some(value);
    }
}

impl<T> Deref for Staged<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        match &self.value {
            Some(v) => v,
            None => not_ready(self.name),
        }
    }
}

#[cold]
#[inline(never)]
fn not_ready(name: &str) -> ! {
    panic!("{name} read before the stage that makes it ran")
}

/// The mentions (and the triggers the pair abbreviations add to): grown in place by the
/// mention stage, then frozen.
pub(super) struct Growing<T> {
    value: T,
    frozen: bool,
}

impl<T> Growing<T> {
    pub(super) const fn new(value: T) -> Self {
        Growing { value, frozen: false }
    }

    pub(super) fn freeze(&mut self) {
        self.frozen = true;
    }
}

impl<T> Deref for Growing<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> DerefMut for Growing<T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        if self.frozen {
            frozen();
        }
        &mut self.value
    }
}

#[cold]
#[inline(never)]
fn frozen() -> ! {
    panic!("mentions or triggers changed after the mention stage")
}

/// `for m in &page.mentions`: iterating a stage's output iterates what it holds.
macro_rules! iterate_through {
    ($wrapper:ident) => {
        impl<'b, T> IntoIterator for &'b $wrapper<T>
        where
            &'b T: IntoIterator,
        {
            type Item = <&'b T as IntoIterator>::Item;
            type IntoIter = <&'b T as IntoIterator>::IntoIter;
            fn into_iter(self) -> Self::IntoIter {
                (**self).into_iter()
            }
        }
    };
}

iterate_through!(Staged);
iterate_through!(Growing);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_staged_output_is_set_once_and_read_after() {
        let mut s: Staged<Vec<u8>> = Staged::empty("lines");
        assert!(std::panic::catch_unwind(|| Staged::<Vec<u8>>::empty("lines").len()).is_err());
        s.set(vec![1, 2]);
        assert_eq!(s.len(), 2);
        let twice = std::panic::catch_unwind(move || {
            let mut s = s;
            s.set(vec![3]);
        });
        assert!(twice.is_err());
    }

    #[test]
    fn frozen_mentions_cannot_change() {
        let mut g = Growing::new(vec![1]);
        g.push(2);
        g.freeze();
        assert_eq!(g.len(), 2);
        let changed = std::panic::catch_unwind(move || {
            let mut g = g;
            g.push(3);
        });
        assert!(changed.is_err());
    }
}
