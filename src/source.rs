//! The original input: decoded text, byte spans into it, and line/column lookup.
//!
//! Every position the crate reports is a [`Span`], a byte range into the
//! *decoded* source text. Line and column (1-based, the column counting
//! characters) are computed only when a position is shown, through
//! [`LineIndex`]. For a GBK or UTF-16 file the decoded text has the same lines
//! and the same characters as the file, so line and column still point at the
//! original file.

use std::ops::Range;

use crate::model::Encoding;

/// A byte range `start..end` into the decoded source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span over `start..end` (an `end` before `start` is `start`).
    ///
    /// Offsets are 32-bit: one above `u32::MAX` (4 GiB) is saturated to
    /// it, never wrapped. The parser refuses inputs that large
    /// (the input stage), so its spans are always exact.
    ///
    /// ```
    /// let s = minsheng::Span::new(3, 9);
    /// assert_eq!(s.len(), 6);
    /// let far = minsheng::Span::new(5 << 32, 6 << 32);
    /// assert_eq!((far.start, far.end), (u32::MAX, u32::MAX));
    /// ```
    pub fn new(start: usize, end: usize) -> Span {
        let clamp = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Span {
            start: clamp(start),
            end: clamp(end.max(start)),
        }
    }

    /// An empty span at `at`.
    pub fn point(at: usize) -> Span {
        Span::new(at, at)
    }

    /// Length in bytes (0 for a span whose fields were set with `end`
    /// before `start`).
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// As a `Range<usize>` for slicing.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters.
    pub column: u32,
}

/// Start offsets of every physical line, for offset → line/column lookups.
///
/// Line breaks are `\n`, `\r\n` and a lone `\r`. A form feed is not a line
/// break (pdftotext puts it at the start of the next page's first line).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    /// Index the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0u32];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        starts.shrink_to_fit();
        LineIndex { starts }
    }

    /// Number of physical lines (a final line without a break counts; an
    /// empty text has one empty line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where 0-based line `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)] as usize
    }

    /// 1-based line and character column of byte `offset` in `text`.
    ///
    /// Never panics: an offset past the end is the end, one inside a
    /// character is that character, and a `text` other than the one
    /// indexed gives a position clamped to it.
    ///
    /// ```
    /// use minsheng::LineIndex;
    /// let text = "附件 1\n（1）促进就业";
    /// let index = LineIndex::new(text);
    /// let at = text.find("促").unwrap();
    /// let p = index.position(text, at);
    /// assert_eq!((p.line, p.column), (2, 4));
    /// ```
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = self
            .starts
            .partition_point(|&s| s as usize <= offset)
            .saturating_sub(1);
        let end = floor_char_boundary(text, offset);
        let start = floor_char_boundary(text, self.line_start(line).min(end));
        let column = text[start..end].chars().count() + 1;
        Position {
            line: line as u32 + 1,
            column: column as u32,
        }
    }

    /// The byte range of 0-based line `line`, without its line break
    /// (clamped to `text`, so it can always slice it when on character
    /// boundaries).
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.line_start(line).min(text.len());
        let next = self
            .starts
            .get(line + 1)
            .map_or(text.len(), |&s| s as usize);
        let mut end = next;
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end.clamp(start, text.len().max(start))
    }
}

/// The largest character boundary of `text` at or below `at`.
pub(crate) fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A character that carries no text: whitespace (incl. U+3000) and the
/// invisible marks left by editors (a stray BOM U+FEFF, zero-width spaces).
/// One definition for the reader, the blank-input check and the accounting.
pub fn is_blank_char(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
        )
}

/// True when `text` has no character that carries text.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(is_blank_char)
}

/// The decoded input with its line index.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The decoded text (BOM removed).
    pub text: String,
    /// The encoding it was decoded from (`UTF-8`, `GB18030`, …).
    pub encoding: Encoding,
    /// Line starts of `text`.
    pub lines: LineIndex,
}

impl SourceText {
    /// Wrap already decoded text.
    pub fn new(text: String, encoding: Encoding) -> SourceText {
        let lines = LineIndex::new(&text);
        SourceText {
            text,
            encoding,
            lines,
        }
    }

    /// 1-based line and column of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.text, offset)
    }

    /// The text under a span (empty if the span is out of bounds or not on
    /// character boundaries).
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// How many items two sequences share at their start, and then at their
/// end (not overlapping the start): what is left between is where they
/// differ.
///
/// ```
/// assert_eq!(minsheng::internals::source::common_ends(&[1, 2, 3, 4], &[1, 9, 4]), (1, 1));
/// ```
pub fn common_ends<T: PartialEq>(a: &[T], b: &[T]) -> (usize, usize) {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (prefix, suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_lone_cr_both_end_lines() {
        let text = "a\r\nb\rc\nd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(&text[index.line_range(text, 0)], "a");
        assert_eq!(&text[index.line_range(text, 1)], "b");
        assert_eq!(&text[index.line_range(text, 3)], "d");
        assert_eq!(index.position(text, text.find('d').unwrap()).line, 4);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "瑶海区 2024 年";
        let index = LineIndex::new(text);
        let p = index.position(text, text.find('2').unwrap());
        assert_eq!((p.line, p.column), (1, 5));
    }

    #[test]
    fn positions_in_a_text_the_index_was_not_made_for_do_not_panic() {
        let index = LineIndex::new("a long first line\nand a second\n");
        let p = index.position("瑶海", 25);
        assert_eq!((p.line, p.column), (1, 3), "the end of the text given");
        assert!(index.position("", 3).column >= 1);
        let r = index.line_range("瑶", 1);
        assert!("瑶".get(r).is_some());
    }

    #[test]
    fn offsets_inside_a_character_round_down() {
        let text = "瑶海";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 4).column, 2);
    }
}
