//! The reader's output: the notice as a sequence of blocks.
//!
//! Both readers (plain text and HTML) produce [`Block`]s: logical lines of
//! text (page-break splits already joined, punctuation folded) and tables
//! (rows of cells). Every block keeps its [`MappedText`] so any piece of it
//! maps back to the original input. Later stages consume blocks and mark them
//! used; whatever is left unused is reported as unparsed text.

use crate::mapped::MappedText;
use crate::source::Span;

/// A logical line: one paragraph, heading, clause or table cell row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The normalized text.
    pub text: MappedText,
    /// What the reader already knows it is.
    pub kind: LineKind,
}

/// What the reader knows about a line before structure is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Notice text.
    Text,
    /// Page furniture: a page number ("— 3 —") or a running header
    /// repeated at page tops. Kept so that it is accounted for.
    Furniture,
    /// A footnote at a page bottom: the rule above it ("————") and its
    /// lines ("① “苏式托育”指…"). Set aside so that the text it interrupts
    /// joins across it, and reported as `footnote`.
    Footnote,
    /// A web page's metadata field ("发文字号：…", "发布日期：…").
    Metadata,
    /// Chrome of the page, forum or mirror site the notice was copied from
    /// (breadcrumbs, buttons, post headers, reader comments, link lists,
    /// spam): not notice text, set aside and reported as `page-chrome`.
    Chrome,
    /// The heading of a web article (the page's `<h1>`).
    ArticleTitle,
}

impl Line {
    /// A text line.
    pub fn text(text: MappedText) -> Line {
        Line {
            text,
            kind: LineKind::Text,
        }
    }

    /// The line's text.
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// Where it is in the input.
    pub fn span(&self) -> Span {
        self.text.span()
    }
}

/// One table cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    /// The cell's text (several physical lines joined).
    pub text: MappedText,
    /// True where the cell is the continuation of a merged cell above
    /// (HTML `rowspan`, or a flattened table's category printed once); its
    /// text is then a copy of the merged cell's.
    pub from_above: bool,
}

/// A table: rows of cells; the first row is usually the header.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// Rows in order; rows may have different lengths.
    pub rows: Vec<Vec<Cell>>,
    /// Where the table is in the input.
    pub span: Span,
    /// Lines of its frame that are in no row: the header printed again at
    /// a page top.
    pub frame: Vec<Span>,
    /// Lines inside it that no row holds: reported, never dropped.
    pub residue: Vec<Span>,
}

impl Table {
    /// A table of these rows over `span`, with no lines outside its rows
    /// (the flattened-text reader finds those).
    pub fn new(rows: Vec<Vec<Cell>>, span: Span) -> Table {
        Table {
            rows,
            span,
            frame: Vec::new(),
            residue: Vec::new(),
        }
    }
}

/// A block of the notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A logical line.
    Line(Line),
    /// A table.
    Table(Table),
}

impl Block {
    /// Where it is in the input.
    pub fn span(&self) -> Span {
        match self {
            Block::Line(l) => l.span(),
            Block::Table(t) => t.span,
        }
    }
}
