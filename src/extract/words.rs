//! A sentence's words beside their look-up keys, so that the rules compare and look
//! up each word in the form the word lists use without lower-casing it again. The
//! keys are made once per article (`Doc::read`); lower-casing at every rule's every
//! look was the largest single cost of the extractor.

use std::ops::{Index, Range, RangeFrom, RangeTo};

use super::lexicon::Key;

/// Words `raw` and their keys (`keys[k]` is `lexicon::lower(raw[k])`), or a run of
/// them. Indexing gives the words as written; `key` gives the look-up form.
#[derive(Clone, Copy)]
pub struct Words<'d, 'a> {
    raw: &'d [&'a str],
    keys: &'d [Key<'a>],
    /// `LEXICON.mask` of each key: the lists the word starts an entry of.
    masks: &'d [u32],
}

impl<'d, 'a> Words<'d, 'a> {
    pub fn new(raw: &'d [&'a str], keys: &'d [Key<'a>], masks: &'d [u32]) -> Self {
        debug_assert!(raw.len() == keys.len() && raw.len() == masks.len());
        Words { raw, keys, masks }
    }

    pub fn len(&self) -> usize {
        self.raw.len()
    }

    /// Word `k` as written.
    pub fn get(&self, k: usize) -> Option<&'d &'a str> {
        self.raw.get(k)
    }

    /// Word `k` in lower case with straight apostrophes.
    pub fn key(&self, k: usize) -> &'d str {
        &self.keys[k]
    }

    /// Whether word `k` starts an entry of the lists `bit` stands for
    /// (`lexicon::starts`).
    pub fn starts(&self, k: usize, bit: u32) -> bool {
        self.masks.get(k).is_some_and(|m| m & bit != 0)
    }

    /// Word `k`'s key, if there is a word `k`.
    pub fn key_at(&self, k: usize) -> Option<&'d str> {
        self.keys.get(k).map(|k| k.as_ref())
    }

    /// The words as written.
    pub fn raw(&self) -> &'d [&'a str] {
        self.raw
    }

    /// A run of the words, with its keys.
    pub fn slice(&self, r: Range<usize>) -> Words<'d, 'a> {
        Words {
            raw: &self.raw[r.clone()],
            keys: &self.keys[r.clone()],
            masks: &self.masks[r],
        }
    }

    /// The words from `k` on.
    pub fn from(&self, k: usize) -> Words<'d, 'a> {
        self.slice(k..self.len())
    }

    /// The look-up form of the whole run: its keys joined by one space.
    pub fn phrase_key(&self) -> String {
        self.keys.join(" ")
    }
}

impl<'a> Index<usize> for Words<'_, 'a> {
    type Output = &'a str;
    fn index(&self, k: usize) -> &&'a str {
        &self.raw[k]
    }
}

impl<'a> Index<Range<usize>> for Words<'_, 'a> {
    type Output = [&'a str];
    fn index(&self, r: Range<usize>) -> &[&'a str] {
        &self.raw[r]
    }
}

impl<'a> Index<RangeFrom<usize>> for Words<'_, 'a> {
    type Output = [&'a str];
    fn index(&self, r: RangeFrom<usize>) -> &[&'a str] {
        &self.raw[r]
    }
}

impl<'a> Index<RangeTo<usize>> for Words<'_, 'a> {
    type Output = [&'a str];
    fn index(&self, r: RangeTo<usize>) -> &[&'a str] {
        &self.raw[r]
    }
}
