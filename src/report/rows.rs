//! The rows of the report's text: what is shown, and where each character
//! of it is in the input.

use crate::layout::{Block, Cell};
use crate::mapped::MappedText;
use crate::model::{Notice, SourceFormat};
use crate::source::SourceText;

/// One row of the shown text.
#[derive(Debug, Clone)]
pub(super) struct Row {
    /// 1-based line of the input where the row starts.
    pub line: u32,
    /// The shown text.
    pub text: String,
    /// Where the row's text is: the first input offset and just past the
    /// last (for a blank line, its start twice).
    pub lo: u32,
    pub hi: u32,
    /// Text a web page's reader skipped.
    pub skipped: bool,
    map: Map,
}

#[derive(Debug, Clone)]
enum Map {
    /// Byte `k` of the text is input byte `base + k`.
    Identity(u32),
    /// Per byte of the text, its input offset (`None`: not from the input,
    /// a cell separator).
    Bytes(Vec<Option<u32>>),
}

impl Row {
    /// Input offset of byte `at` of the row's text.
    pub fn offset(&self, at: usize) -> Option<u32> {
        match &self.map {
            Map::Identity(base) => Some(base + at as u32),
            Map::Bytes(bytes) => bytes.get(at).copied().flatten(),
        }
    }

    fn mapped(pieces: &[(MappedText, Piece)], skipped: bool, source: &SourceText) -> Row {
        let mut text = String::new();
        let mut bytes: Vec<Option<u32>> = Vec::new();
        for (piece, how) in pieces {
            let (shown, mapped): (&str, bool) = match how {
                Piece::Text => (piece.as_str(), true),
                Piece::Separator => (" │ ", false),
                Piece::Ditto => ("〃", false),
            };
            for (at, c) in shown.char_indices() {
                let o = mapped.then(|| piece.original_offset(at) as u32);
                text.push(c);
                bytes.extend(std::iter::repeat_n(o, c.len_utf8()));
            }
        }
        let lo = bytes.iter().flatten().min().copied().unwrap_or(0);
        let hi = bytes.iter().flatten().max().map_or(lo, |&o| {
            let len = source.text.get(o as usize..).and_then(|t| t.chars().next());
            o + len.map_or(1, |c| c.len_utf8() as u32)
        });
        Row {
            line: source.position(lo as usize).line,
            text,
            lo,
            hi,
            skipped,
            map: Map::Bytes(bytes),
        }
    }
}

/// How a piece of a web page's row is shown.
enum Piece {
    Text,
    Separator,
    /// A merged cell's continuation (its text is the cell above's).
    Ditto,
}

/// The rows of a notice's report (see the module doc: a text input's lines,
/// a web page's reader text).
pub(super) fn rows(notice: &Notice, source: &SourceText) -> Vec<Row> {
    if notice.source.format == SourceFormat::Html {
        return page_rows(source);
    }
    let text = source.text.as_str();
    (0..source.lines.line_count())
        .map(|i| {
            let range = source.lines.line_range(text, i);
            Row {
                line: i as u32 + 1,
                text: text[range.clone()].to_string(),
                lo: range.start as u32,
                hi: range.end as u32,
                skipped: false,
                map: Map::Identity(range.start as u32),
            }
        })
        .collect()
}

/// A web page's rows: its reader's lines and table rows, and the stretches
/// of text it skipped, in the order of the HTML source.
fn page_rows(source: &SourceText) -> Vec<Row> {
    let reading = crate::html::read_html(&source.text);
    let mut rows: Vec<Row> = Vec::new();
    for block in &reading.blocks {
        match block {
            Block::Line(l) => {
                rows.push(Row::mapped(&[(l.text.clone(), Piece::Text)], false, source))
            }
            Block::Table(t) => {
                for cells in &t.rows {
                    rows.push(Row::mapped(&table_row(cells), false, source));
                }
            }
        }
    }
    for span in &reading.skipped {
        let text = source.slice(*span);
        if crate::source::is_blank(text) {
            continue;
        }
        let piece = visible_text(text, span.start as usize);
        if !crate::source::is_blank(piece.as_str()) {
            rows.push(Row::mapped(&[(piece, Piece::Text)], true, source));
        }
    }
    rows.retain(|r| !r.text.is_empty());
    rows.sort_by_key(|r| (r.lo, r.hi));
    rows
}

/// The text of a stretch of HTML the reader skipped, as a browser shows
/// it: tags left out (a space where one stood between two words), runs
/// of whitespace as one space, the common entities decoded; each piece
/// maps back to the HTML at `at`.
fn visible_text(html: &str, at: usize) -> MappedText {
    const ENTITIES: [(&str, &str); 6] = [
        ("&nbsp;", " "),
        ("&amp;", "&"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
    ];
    let mut out = MappedText::new();
    let mut space_before = false;
    let mut i = 0;
    let push_space = |out: &mut MappedText, space_before: &mut bool, from: usize, to: usize| {
        if *space_before && !out.is_empty() && !out.as_str().ends_with(' ') {
            out.push_replacement(" ", crate::source::Span::new(from, to));
        }
        *space_before = false;
    };
    while i < html.len() {
        let rest = &html[i..];
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(html.len(), |e| i + e + 1);
            space_before = true;
            i = end;
        } else if let Some((entity, text)) = ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
            if *text == " " {
                space_before = true;
            } else {
                push_space(&mut out, &mut space_before, at + i, at + i);
                out.push_replacement(
                    text,
                    crate::source::Span::new(at + i, at + i + entity.len()),
                );
            }
            i += entity.len();
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                space_before = true;
            } else {
                push_space(&mut out, &mut space_before, at + i, at + i);
                out.push_original(&rest[..c.len_utf8()], at + i);
            }
            i += c.len_utf8();
        }
    }
    out
}

/// A table row as pieces: its cells parted by " │ ".
fn table_row(cells: &[Cell]) -> Vec<(MappedText, Piece)> {
    let mut out = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push((MappedText::new(), Piece::Separator));
        }
        let how = if cell.from_above {
            Piece::Ditto
        } else {
            Piece::Text
        };
        out.push((cell.text.clone(), how));
    }
    out
}

/// The row an input offset is shown in: the last row starting at or before
/// it (rows are in input order).
pub(super) fn row_at(rows: &[Row], offset: u32) -> Option<usize> {
    if rows.is_empty() {
        return None;
    }
    Some(rows.partition_point(|r| r.lo <= offset).saturating_sub(1))
}

/// Rows in input order with the furthest end so far, to find the rows a
/// span touches without looking at every row.
pub(super) struct ByStart {
    max_hi: Vec<u32>,
}

impl ByStart {
    pub fn new(rows: &[Row]) -> ByStart {
        let mut max = 0;
        let max_hi = rows
            .iter()
            .map(|r| {
                max = max.max(r.hi);
                max
            })
            .collect();
        ByStart { max_hi }
    }

    /// The rows whose text may hold a byte of `start..end`.
    pub fn touching<'r>(
        &'r self,
        rows: &'r [Row],
        start: u32,
        end: u32,
    ) -> impl Iterator<Item = usize> + 'r {
        let first = self.max_hi.partition_point(|&hi| hi <= start);
        (first..rows.len())
            .take_while(move |&r| rows[r].lo < end)
            .filter(move |&r| rows[r].hi > start)
    }
}
