//! The state the structure stages share: the blocks, which of them are
//! taken, the source for positions, and the diagnostics sink.

use crate::diagnostic::{Code, Diagnostics};
use crate::layout::{Block, Line, LineKind};
use crate::places::Places;
use crate::source::{Position, SourceText, Span};

/// Blocks being consumed by the structure stages.
pub struct Context<'a> {
    /// The reader's blocks.
    pub blocks: &'a [Block],
    /// Which blocks an element has taken.
    pub used: Vec<bool>,
    /// The decoded input.
    pub source: &'a SourceText,
    /// Diagnostics so far.
    pub sink: Diagnostics,
    /// Where the elements read so far are (for the report).
    pub places: Places,
    /// The last position asked for (byte offset on a char boundary, 0-based
    /// line, 1-based column): positions are asked for in increasing order
    /// along a line (a project's quantities), so the column is counted on
    /// from there instead of from the line start each time.
    last_position: std::cell::Cell<Option<(usize, usize, u32)>>,
}

impl<'a> Context<'a> {
    /// Start with nothing taken.
    pub fn new(blocks: &'a [Block], source: &'a SourceText, sink: Diagnostics) -> Context<'a> {
        let used = blocks
            .iter()
            .map(|b| {
                // Furniture, chrome and metadata are never a project's text.
                matches!(b, Block::Line(l) if matches!(l.kind, LineKind::Furniture | LineKind::Footnote | LineKind::Chrome | LineKind::Metadata))
            })
            .collect();
        Context {
            blocks,
            used,
            source,
            sink,
            places: Places::default(),
            last_position: std::cell::Cell::new(None),
        }
    }

    /// The text line at block `i`, if it is one.
    pub fn line(&self, i: usize) -> Option<&'a Line> {
        match self.blocks.get(i) {
            Some(Block::Line(l)) => Some(l),
            _ => None,
        }
    }

    /// The text of block `i` if it is a line ("" otherwise).
    pub fn text(&self, i: usize) -> &'a str {
        self.line(i).map_or("", Line::as_str)
    }

    /// Mark block `i` as taken.
    pub fn take(&mut self, i: usize) {
        if let Some(u) = self.used.get_mut(i) {
            *u = true;
        }
    }

    /// Take block `i` as structure: the frame of elements, not one of them
    /// (an attachment's marker and title, the letterhead).
    pub fn take_as_structure(&mut self, i: usize) {
        if let Some(b) = self.blocks.get(i) {
            self.places.structure.push(b.span());
        }
        self.take(i);
    }

    /// True when block `i` is taken.
    pub fn is_used(&self, i: usize) -> bool {
        self.used.get(i).copied().unwrap_or(true)
    }

    /// Line and column of a span's start.
    ///
    /// The same as `source.position`, with the column counted on from the
    /// previous position when that is earlier on the same line (otherwise a
    /// long line's many quantities would each count from the line start).
    pub fn position(&self, span: Span) -> Position {
        let text = self.source.text.as_str();
        let mut end = (span.start as usize).min(text.len());
        let line = self.line_no(span) as usize - 1;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let (from, column) = match self.last_position.get() {
            Some((at, l, column)) if l == line && at <= end => (at, column),
            _ => (self.source.lines.line_start(line), 1),
        };
        let column = column + text[from..end].chars().count() as u32;
        self.last_position.set(Some((end, line, column)));
        Position {
            line: line as u32 + 1,
            column,
        }
    }

    /// 1-based line of a span's start.
    pub fn line_no(&self, span: Span) -> u32 {
        // The line of `position`, without counting characters for the
        // column (that is linear in the line's length).
        let lines = &self.source.lines;
        let offset = (span.start as usize).min(self.source.text.len());
        let (mut lo, mut hi) = (0, lines.line_count());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if lines.line_start(mid) <= offset {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo as u32
    }

    /// Report every block nothing took as unparsed text.
    pub fn report_unused(&mut self) {
        for i in 0..self.blocks.len() {
            if self.used[i] {
                continue;
            }
            let block = &self.blocks[i];
            let text = match block {
                Block::Line(l) => l.as_str().to_string(),
                Block::Table(t) => format!("a table of {} rows", t.rows.len()),
            };
            self.sink.report(
                Code::UnparsedText,
                block.span(),
                format!(
                    "expected a part of the notice, found text that no element takes: {}",
                    crate::diagnostic::quote(&text)
                ),
            );
        }
    }
}
