//! Text built from pieces of the original input, with the way back.
//!
//! Normalization joins lines, folds punctuation width and drops spaces; the
//! HTML reader decodes entities. Each keeps a [`MappedText`]: the new text plus
//! an offset map, so any byte range of the new text maps to a [`Span`] of the
//! original. The map stores an anchor only where the distance between the two
//! offsets changes, so unchanged runs cost nothing.

use crate::source::{floor_char_boundary, Span};

/// A string whose every byte maps back to a byte offset of the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MappedText {
    text: String,
    /// Sorted by `out`; each anchor starts a run that lasts until the next.
    anchors: Vec<Anchor>,
}

/// The start of a run of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    /// Offset in the text.
    out: u32,
    /// Offset in the original.
    orig: u32,
    /// `COPY`: the run is an unchanged copy (byte `out + k` is original
    /// `orig + k`). Else `n`: the run replaces the original `orig..orig + n`
    /// (a `u32`, not an `Option<u32>`: 12 bytes an anchor, not 16, and a
    /// text joined from short lines has one a line).
    replaced: u32,
}

/// The `replaced` of an anchor of an unchanged run.
const COPY: u32 = u32::MAX;

impl Anchor {
    /// `None` for an unchanged run, else the length it replaces.
    fn replaced(&self) -> Option<u32> {
        (self.replaced != COPY).then_some(self.replaced)
    }
}

impl MappedText {
    /// An empty text.
    pub fn new() -> MappedText {
        MappedText::default()
    }

    /// A text that is an unchanged slice of the original starting at `at`.
    ///
    /// ```
    /// use minsheng::internals::mapped::MappedText;
    /// let t = MappedText::original("推进措施", 30);
    /// assert_eq!(t.span_of(3..6).start, 33);
    /// ```
    pub fn original(s: &str, at: usize) -> MappedText {
        let mut t = MappedText::new();
        t.push_original(s, at);
        t
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Append `s`, an unchanged copy of the original at byte `at`.
    pub fn push_original(&mut self, s: &str, at: usize) {
        if s.is_empty() {
            return;
        }
        let out = self.text.len() as u32;
        let contiguous = self.anchors.last().is_some_and(|a| {
            a.replaced().is_none() && (at as u32).checked_sub(a.orig) == Some(out - a.out)
        });
        if !contiguous {
            self.push_anchor(Anchor {
                out,
                orig: at as u32,
                replaced: COPY,
            });
        }
        self.text.push_str(s);
    }

    /// Append `s` as the replacement of the original range `from`.
    pub fn push_replacement(&mut self, s: &str, from: Span) {
        if s.is_empty() {
            return;
        }
        self.push_anchor(Anchor {
            out: self.text.len() as u32,
            orig: from.start,
            replaced: from.end.saturating_sub(from.start).min(COPY - 1),
        });
        self.text.push_str(s);
    }

    /// Append another mapped text.
    pub fn push_mapped(&mut self, other: &MappedText) {
        let base = self.text.len() as u32;
        for (i, a) in other.anchors.iter().enumerate() {
            let run_end = other.run_end(i);
            let moved = Anchor {
                out: base + a.out,
                ..*a
            };
            match a.replaced() {
                None => self.push_original(&other.text[a.out as usize..run_end], a.orig as usize),
                Some(_) => {
                    self.push_anchor(moved);
                    self.text.push_str(&other.text[a.out as usize..run_end]);
                }
            }
        }
    }

    /// Most texts are one unchanged run (a line as read): the first anchor
    /// gets a vector of one, not the four a `push` reserves (64 bytes per
    /// line, a third of the reader's memory on a text of short lines).
    fn push_anchor(&mut self, anchor: Anchor) {
        if self.anchors.capacity() == 0 {
            self.anchors.reserve_exact(1);
        }
        self.anchors.push(anchor);
    }

    fn run_end(&self, i: usize) -> usize {
        self.anchors
            .get(i + 1)
            .map_or(self.text.len(), |a| a.out as usize)
    }

    fn run_at(&self, at: usize) -> Option<usize> {
        let i = self.anchors.partition_point(|a| a.out as usize <= at);
        i.checked_sub(1)
    }

    /// Original offset of byte `at` of this text (the start of what it
    /// replaced, for a replaced run).
    pub fn original_offset(&self, at: usize) -> usize {
        if at >= self.text.len() {
            return self.original_end(self.text.len());
        }
        match self.run_at(at) {
            None => 0,
            Some(i) => {
                let a = self.anchors[i];
                match a.replaced() {
                    None => a.orig.saturating_add(at as u32 - a.out) as usize,
                    Some(_) => a.orig as usize,
                }
            }
        }
    }

    /// Original offset just past byte `at - 1` of this text.
    fn original_end(&self, at: usize) -> usize {
        if at == 0 {
            return self.anchors.first().map_or(0, |a| a.orig as usize);
        }
        match self.run_at(at - 1) {
            None => 0,
            Some(i) => {
                let a = self.anchors[i];
                match a.replaced() {
                    None => a.orig.saturating_add(at as u32 - a.out) as usize,
                    Some(n) => a.orig.saturating_add(n) as usize,
                }
            }
        }
    }

    /// Original span of the byte range `range` of this text.
    pub fn span_of(&self, range: std::ops::Range<usize>) -> Span {
        let start = self.original_offset(range.start);
        if range.end <= range.start {
            return Span::point(start);
        }
        let end = self.original_end(range.end.min(self.text.len()));
        Span::new(start, end.max(start))
    }

    /// The original span of the whole text.
    pub fn span(&self) -> Span {
        self.span_of(0..self.text.len())
    }

    /// A sub-text: the byte range `range` with its map. Never panics: the
    /// range is clamped to the text and its ends inside a character are
    /// moved back to that character's start.
    ///
    /// ```
    /// use minsheng::internals::mapped::MappedText;
    /// let t = MappedText::original("推进措施", 0);
    /// assert_eq!(t.slice(3..6).as_str(), "进");
    /// assert_eq!(t.slice(4..100).as_str(), "进措施");
    /// assert_eq!(t.slice(9..2).as_str(), "");
    /// ```
    pub fn slice(&self, range: std::ops::Range<usize>) -> MappedText {
        let mut out = MappedText::new();
        out.push_slice(self, range);
        out
    }

    /// Append the byte range `range` of `other` with its map: the same as
    /// `push_mapped(&other.slice(range))`, without the intermediate text.
    pub fn push_slice(&mut self, other: &MappedText, range: std::ops::Range<usize>) {
        let end = floor_char_boundary(&other.text, range.end);
        let range = floor_char_boundary(&other.text, range.start)..end;
        if range.start >= end {
            return;
        }
        let Some(first) = other.run_at(range.start) else {
            return;
        };
        for i in first..other.anchors.len() {
            let a = other.anchors[i];
            let run_start = (a.out as usize).max(range.start);
            let run_end = other.run_end(i).min(end);
            if run_start >= run_end {
                break;
            }
            let piece = &other.text[run_start..run_end];
            match a.replaced() {
                None => self.push_original(
                    piece,
                    a.orig.saturating_add(run_start as u32 - a.out) as usize,
                ),
                Some(n) => self.push_replacement(
                    piece,
                    Span::new(a.orig as usize, a.orig.saturating_add(n) as usize),
                ),
            }
        }
    }

    /// The original span of each run of the text, in order: an unchanged
    /// run maps to the bytes it copies, a replaced run to what it replaced.
    pub fn runs(&self) -> impl Iterator<Item = Span> + '_ {
        self.anchors.iter().enumerate().map(|(i, a)| {
            let len = match a.replaced() {
                None => (self.run_end(i) - a.out as usize) as u32,
                Some(n) => n,
            };
            Span::new(a.orig as usize, a.orig.saturating_add(len) as usize)
        })
    }

    /// The sub-text with leading and trailing whitespace removed.
    pub fn trim(&self) -> MappedText {
        let s = self.text.as_str();
        let start = s.len() - s.trim_start().len();
        let end = s.trim_end().len();
        if start >= end {
            return MappedText::new();
        }
        self.slice(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_lines_map_back_to_both_lines() {
        let original = "行业领域\n\n内工作统筹";
        let mut t = MappedText::original("行业领域", 0);
        let second = original.find("内").unwrap();
        t.push_original("内工作统筹", second);
        assert_eq!(t.as_str(), "行业领域内工作统筹");
        let at = t.as_str().find("内").unwrap();
        assert_eq!(t.original_offset(at), second);
        assert_eq!(t.original_offset(3), 3);
    }

    #[test]
    fn replacements_map_to_what_they_replace() {
        // "(七)" folded to "（七）"
        let mut t = MappedText::new();
        t.push_replacement("（", Span::new(0, 1));
        t.push_original("七", 1);
        t.push_replacement("）", Span::new(4, 5));
        t.push_original("推动", 5);
        assert_eq!(t.as_str(), "（七）推动");
        assert_eq!(t.original_offset(3), 1);
        assert_eq!(t.original_offset(6), 4);
        assert_eq!(t.original_offset(9), 5);
        assert_eq!(t.span_of(3..6), Span::new(1, 4));
    }

    #[test]
    fn slices_keep_their_map() {
        let mut t = MappedText::original("ab", 10);
        t.push_original("cd", 20);
        let s = t.slice(1..3);
        assert_eq!(s.as_str(), "bc");
        assert_eq!(s.original_offset(0), 11);
        assert_eq!(s.original_offset(1), 20);
        assert_eq!(t.trim().as_str(), "abcd");
    }
}
