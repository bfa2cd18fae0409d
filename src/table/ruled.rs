//! Tables drawn with rule lines: a grid table as `pandoc -t plain` prints
//! it, or an HTML table as `w3m -dump` (box drawing) or `lynx -dump` prints
//! it.
//!
//! ```text
//! +------+----------------+----------------+
//! | 序号 | 项目名称       | 牵头单位       |
//! +======+================+================+
//! | 一、教育文化（2项）                      |
//! +------+----------------+----------------+
//! | 1    | 新建改扩建中小 | 区住房和城乡建 |
//! |      | 学和幼儿园     | 设局           |
//! +------+----------------+----------------+
//!
//! ┌────┬──────────┬──────────────┐
//! │序号│项目名称  │牵头单位      │
//! ├────┼──────────┼──────────────┤
//! │    │城镇新增就│              │
//! │1   │业        │区人社局      │
//! │    │          │              │
//! └────┴──────────┴──────────────┘
//! ```
//!
//! Input: the physical lines from a table's first line (its top rule, or
//! its first cell line when it has no rules), every line starting and
//! ending with a border at the same display columns (CJK characters are two
//! columns wide). Output: a [`Table`], the header row first, then one row
//! per row of the drawing, and the index of the line after the table.
//!
//! The column edges are where the rule lines have their junctions (`+`,
//! `┬`, `┼` …) and where the cell lines have their bars (`|`, `│`). A row is
//! the cell lines between two rule lines (or blank lines); a cell is its
//! column's pieces over the row's lines, joined (no space between CJK
//! pieces; in a unit column, a line that stops short of its column's width
//! ends a name, so "区教育局" / "区财政局" reads "区教育局、区财政局" but
//! "区住房和城乡建" / "设局" one name). A line with no bar at an edge holds
//! a cell spanning the columns on both sides (a category across the
//! table); a rule drawn under some columns only leaves the cells of the
//! others going on into the next row (a merged cell, copied into the rows
//! it covers, as the HTML reader does). Where no rule parts the rows, a row
//! starts at the line whose 序号 column holds a number (or around it, when
//! the cells are centred in their rows: see `aligned::group_rows`).
//!
//! Rule lines and borders are the table's: its span covers every line
//! from the top rule to the bottom one. The look-ahead is bounded
//! (`MAX_LINES`), and a table is tried only from the first line of a run
//! of framed lines, so reading is linear in the input.

use unicode_width::UnicodeWidthChar;

use super::aligned::{group_rows, RowLine};
use super::{column_role, is_line_header, is_unit_name, serial_number, ColumnRole};
use crate::fold::fold;
use crate::layout::{Cell, Table};
use crate::mapped::MappedText;
use crate::normalize::PhysicalLine;
use crate::source::{SourceText, Span};

/// Most lines a table may take (a bound on the look-ahead).
const MAX_LINES: usize = 4000;

/// Most blank or set-aside lines in a row inside a table.
const MAX_GAP: usize = 3;

/// Most lines a header takes (a bound on the search for its end).
const HEADER_LINES: usize = 8;

/// Most columns a table is read for.
const MAX_COLUMNS: usize = 16;

/// A character of a line and the display columns it takes.
#[derive(Debug, Clone, Copy)]
struct Glyph {
    col: usize,
    width: usize,
    at: usize,
    ch: char,
}

/// A vertical rule: a cell's side.
fn is_bar(c: char) -> bool {
    matches!(c, '|' | '│' | '┃' | '║' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏')
}

/// A horizontal rule's stroke.
fn is_stroke(c: char) -> bool {
    matches!(
        c,
        '-' | '=' | ':' | '─' | '━' | '═' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍'
    )
}

/// Where rules meet: `+` and the box-drawing corners, tees and crosses.
fn is_junction(c: char) -> bool {
    c == '+' || (('\u{2500}'..='\u{257f}').contains(&c) && !is_bar(c) && !is_stroke(c))
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\t' | '\u{a0}')
}

fn char_width(c: char) -> usize {
    match c {
        '\t' => 4,
        _ => c.width().unwrap_or(0),
    }
}

/// The characters of `line` with their display columns, counted from the
/// start of the physical line (its indent included).
fn glyphs(source: &SourceText, line: &PhysicalLine) -> Vec<Glyph> {
    let mut col = super::aligned::indent_width(source, line);
    let mut out = Vec::with_capacity(line.as_str().chars().count());
    for (at, ch) in line.as_str().char_indices() {
        let width = char_width(ch);
        out.push(Glyph { col, width, at, ch });
        col += width;
    }
    out
}

/// The borders of a framed line: the display columns of its first and
/// last characters, both bars or junctions.
fn frame(glyphs: &[Glyph]) -> Option<(usize, usize)> {
    let (first, last) = (glyphs.first()?, glyphs.last()?);
    let side = |c: char| is_bar(c) || is_junction(c);
    (glyphs.len() >= 3 && side(first.ch) && side(last.ch)).then_some((first.col, last.col))
}

/// Whether `line` may be framed (its first and last characters bars or
/// junctions, three characters at least): asked before its glyphs are
/// built, which take 32 bytes a character (a line of 100,000 "（" took
/// 9.6 MB when every line was measured).
fn may_be_framed(line: &str) -> bool {
    let side = |c: char| is_bar(c) || is_junction(c);
    let mut chars = line.chars();
    matches!(
        (chars.next(), chars.next_back(), chars.next()),
        (Some(first), Some(last), Some(_)) if side(first) && side(last)
    )
}

/// A line of rules only (strokes, junctions and bars; no space, no text).
fn is_rule_only(glyphs: &[Glyph]) -> bool {
    glyphs.iter().any(|g| is_stroke(g.ch))
        && glyphs
            .iter()
            .all(|g| is_stroke(g.ch) || is_junction(g.ch) || is_bar(g.ch))
}

/// The text of a segment of a line: its bytes in the line's text, and the
/// display column where it ends.
#[derive(Debug, Clone)]
struct Piece {
    bytes: std::ops::Range<usize>,
    end_col: usize,
}

/// A part of a line between two bars standing at column edges, over the
/// columns `from..to`.
#[derive(Debug, Clone)]
struct Segment {
    from: usize,
    to: usize,
    /// `None`: a rule drawn under (or over) these columns.
    text: Option<Option<Piece>>,
}

/// A line of the table, cut at the edges where it has a bar.
struct TableLine {
    /// Index into the physical lines.
    index: usize,
    /// A blank line stands between it and the table line before.
    after_blank: bool,
    segments: Vec<Segment>,
}

impl TableLine {
    fn has_rule(&self) -> bool {
        self.segments.iter().any(|s| s.text.is_none())
    }

    /// The edges it has a bar at.
    fn pattern(&self) -> Vec<(usize, usize)> {
        self.segments.iter().map(|s| (s.from, s.to)).collect()
    }

    /// The text of the one-column segment of column `col`.
    fn piece_in<'a>(&self, line: &'a PhysicalLine, col: usize) -> Option<&'a str> {
        let seg = self
            .segments
            .iter()
            .find(|s| s.from == col && s.to == col + 1)?;
        let piece = seg.text.as_ref()?.as_ref()?;
        line.as_str().get(piece.bytes.clone())
    }
}

/// Cut a line at the edges where it has a bar or a junction.
fn segments(glyphs: &[Glyph], edges: &[usize]) -> Vec<Segment> {
    let at_edge = |e: usize| {
        glyphs
            .binary_search_by_key(&e, |g| g.col)
            .ok()
            .filter(|&k| is_bar(glyphs[k].ch) || is_junction(glyphs[k].ch))
    };
    let open: Vec<(usize, usize)> = edges
        .iter()
        .enumerate()
        .filter_map(|(k, &e)| at_edge(e).map(|g| (k, g)))
        .collect();
    open.windows(2)
        .map(|w| {
            let ((from, a), (to, b)) = (w[0], w[1]);
            let inside = &glyphs[a + 1..b];
            let ruled = !inside.is_empty()
                && inside.iter().any(|g| is_stroke(g.ch))
                && inside.iter().all(|g| is_stroke(g.ch) || is_junction(g.ch));
            let text = if ruled {
                None
            } else {
                let mut shown = inside.iter().filter(|g| !is_space(g.ch));
                let first = shown.next();
                let last = shown.next_back().or(first);
                Some(first.zip(last).map(|(f, l)| Piece {
                    bytes: f.at..l.at + l.ch.len_utf8(),
                    end_col: l.col + l.width,
                }))
            };
            Segment { from, to, text }
        })
        .collect()
}

/// A ruled table whose first line is `lines[start]`: the table and the
/// index of the first line after it.
pub(super) fn read(
    source: &SourceText,
    lines: &[PhysicalLine],
    start: usize,
    aside: &[bool],
) -> Option<(Table, usize)> {
    if !may_be_framed(lines[start].as_str()) {
        return None;
    }
    let first = glyphs(source, &lines[start]);
    let borders = frame(&first)?;
    let framed = |k: usize| {
        may_be_framed(lines[k].as_str()) && frame(&glyphs(source, &lines[k])) == Some(borders)
    };
    // Tried from the first line of its frame only: a line inside a table
    // that could not be read is no table's start either.
    let mut k = start;
    for _ in 0..=MAX_GAP {
        let Some(prev) = k.checked_sub(1) else { break };
        k = prev;
        if lines[k].is_blank() || aside[k] {
            continue;
        }
        if framed(k) {
            return None;
        }
        break;
    }
    // The table's lines: framed lines, with blank or set-aside lines
    // between them.
    let limit = lines.len().min(start + MAX_LINES);
    let mut members: Vec<(usize, bool, Vec<Glyph>)> = vec![(start, false, first)];
    let mut gap = 0usize;
    let mut blank = false;
    let mut k = start + 1;
    while k < limit {
        if lines[k].is_blank() || aside[k] {
            gap += 1;
            blank |= lines[k].is_blank();
            if gap > MAX_GAP {
                break;
            }
        } else {
            if !may_be_framed(lines[k].as_str()) {
                break;
            }
            let g = glyphs(source, &lines[k]);
            if frame(&g) != Some(borders) {
                break;
            }
            members.push((k, blank, g));
            gap = 0;
            blank = false;
        }
        k += 1;
    }
    let end = members.last().map_or(start, |m| m.0) + 1;
    let edges = column_edges(&members, borders)?;
    let n = edges.len() - 1;
    if !(3..=MAX_COLUMNS).contains(&n) {
        return None;
    }
    let table_lines: Vec<TableLine> = members
        .iter()
        .map(|(index, after_blank, g)| TableLine {
            index: *index,
            after_blank: *after_blank,
            segments: segments(g, &edges),
        })
        .collect();
    let (forced, serial_col) = row_starts(lines, &table_lines, n);
    let grid = build_cells(&table_lines, &forced, n);
    if grid.rows.len() < 2 {
        return None;
    }
    // Where each column's text ends when it fills the column.
    let mut limits = vec![0usize; n + 1];
    for l in &table_lines {
        for s in &l.segments {
            if let Some(Some(p)) = &s.text {
                limits[s.to] = limits[s.to].max(p.end_col);
            }
        }
    }
    let cell_text = |id: usize, role: Option<ColumnRole>| {
        let c = &grid.cells[id];
        join_pieces(lines, &table_lines, &c.pieces, &limits, c.to, role)
    };
    let by_row = cells_by_row(&grid);
    let header: Vec<Cell> = row_cells(&grid, 0, &by_row[0], n, &|id| cell_text(id, None));
    if !is_line_header(&header) {
        return None;
    }
    let mut roles: Vec<Option<ColumnRole>> = header
        .iter()
        .map(|c| column_role(c.text.as_str()))
        .collect();
    // A header over two rows (责任单位 over 牵头单位 | 配合单位): the lower
    // row's names.
    let second = row_cells(&grid, 1, &by_row[1], n, &|id| cell_text(id, None));
    let named = |c: &Cell| c.text.is_empty() || column_role(c.text.as_str()).is_some();
    if second.iter().all(named) {
        for (role, c) in roles.iter_mut().zip(&second) {
            *role = column_role(c.text.as_str()).or(*role);
        }
    }
    // Each cell's text, once (a merged cell is copied into its rows).
    let texts: Vec<MappedText> = grid
        .cells
        .iter()
        .enumerate()
        .map(|(id, c)| cell_text(id, roles[c.from].filter(|_| c.row > 0)))
        .collect();
    let mut rows = vec![header];
    for (r, ids) in by_row.iter().enumerate().skip(1) {
        let row = row_cells(&grid, r, ids, n, &|id| texts[id].clone());
        if row.iter().any(|c| !c.text.is_empty()) {
            rows.push(row);
        }
    }
    // A table of projects: some row with a 序号 (or, with no 序号
    // column, some row at all).
    let numbered = |row: &Vec<Cell>| {
        serial_col.is_none_or(|s| {
            row.get(s)
                .is_some_and(|c| !c.from_above && serial_number(c.text.as_str()).is_some())
        })
    };
    if !rows[1..].iter().any(numbered) {
        return None;
    }
    let span = lines[start].span().cover(lines[end - 1].span());
    Some((Table::new(rows, span), end))
}

/// The column edges: the display columns where a rule line has a junction
/// or a bar, and where two cell lines or more have a bar (one, if the
/// table has one cell line), between the borders.
fn column_edges(
    members: &[(usize, bool, Vec<Glyph>)],
    (left, right): (usize, usize),
) -> Option<Vec<usize>> {
    let mut ruled: std::collections::BTreeSet<usize> = Default::default();
    let mut barred: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut cell_lines = 0usize;
    for (_, _, g) in members {
        if is_rule_only(g) {
            ruled.extend(
                g.iter()
                    .filter(|g| is_junction(g.ch) || is_bar(g.ch))
                    .map(|g| g.col),
            );
        } else {
            cell_lines += 1;
            for g in g.iter().filter(|g| is_bar(g.ch)) {
                *barred.entry(g.col).or_default() += 1;
            }
        }
    }
    let enough = cell_lines.clamp(1, 2);
    ruled.extend(
        barred
            .into_iter()
            .filter(|&(_, v)| v >= enough)
            .map(|(c, _)| c),
    );
    let edges: Vec<usize> = ruled
        .into_iter()
        .filter(|&c| (left..=right).contains(&c))
        .collect();
    (edges.first() == Some(&left) && edges.last() == Some(&right) && edges.len() >= 2)
        .then_some(edges)
}

/// Lines where a row starts though no rule parts it from the row above
/// (`forced`), and the 序号 column.
///
/// The header is the table's first row: where no rule closes it, it ends
/// before the first line whose 序号 column (named so by the header's text
/// so far, within `HEADER_LINES`) holds a number. Then each run of cell
/// lines that no rule or change of the bars parts, holding two 序号 or
/// more, is cut into rows around them: at each 序号 when the cells stand
/// at the top of their rows, or sharing the lines between them when they
/// are centred (a line opening with "。" or "）" staying with the row
/// above).
fn row_starts(lines: &[PhysicalLine], table: &[TableLine], n: usize) -> (Vec<bool>, Option<usize>) {
    let mut forced = vec![false; table.len()];
    let starts_run = |j: usize| {
        j == 0
            || table[j].after_blank
            || table[j - 1].has_rule()
            || table[j].pattern() != table[j - 1].pattern()
    };
    let runs: Vec<std::ops::Range<usize>> = {
        let mut out: Vec<std::ops::Range<usize>> = Vec::new();
        for (j, line) in table.iter().enumerate() {
            if line.has_rule() {
                continue;
            }
            match out.last_mut() {
                Some(r) if r.end == j && !starts_run(j) => r.end = j + 1,
                _ => out.push(j..j + 1),
            }
        }
        out
    };
    // The header: the first run, down to its first 序号.
    let mut serial_col = None;
    let mut header_end = None;
    if let Some(run) = runs.first() {
        let mut heads = vec![String::new(); n];
        for j in run.clone().take(HEADER_LINES) {
            let line = &lines[table[j].index];
            let serial = (0..n).find(|&c| column_role(&heads[c]) == Some(ColumnRole::Serial));
            if let Some(c) = serial {
                serial_col = Some(c);
                if table[j]
                    .piece_in(line, c)
                    .is_some_and(|t| serial_number(t).is_some())
                {
                    header_end = Some(j);
                    break;
                }
            }
            for s in &table[j].segments {
                if let Some(Some(p)) = &s.text {
                    heads[s.from].push_str(line.as_str().get(p.bytes.clone()).unwrap_or(""));
                }
            }
        }
        if serial_col.is_none() {
            serial_col = (0..n).find(|&c| column_role(&heads[c]) == Some(ColumnRole::Serial));
        }
    }
    if let Some(j) = header_end {
        forced[j] = true;
    }
    let Some(s) = serial_col else {
        return (forced, None);
    };
    for (r, run) in runs.iter().enumerate() {
        let from = match header_end {
            Some(h) if r == 0 => h,
            _ if r == 0 => continue,
            _ => run.start,
        };
        let span: Vec<usize> = (from..run.end).collect();
        let is_serial = |j: usize| {
            table[j]
                .piece_in(&lines[table[j].index], s)
                .is_some_and(|t| serial_number(t).is_some())
        };
        let kinds: Vec<RowLine> = span
            .iter()
            .map(|&j| {
                if is_serial(j) {
                    RowLine::Serial
                } else {
                    RowLine::Text
                }
            })
            .collect();
        if kinds.iter().filter(|k| **k == RowLine::Serial).count() < 2 {
            continue;
        }
        let cells: Vec<u64> = span
            .iter()
            .map(|&j| {
                table[j]
                    .segments
                    .iter()
                    .filter(|seg| seg.from != s && matches!(seg.text, Some(Some(_))))
                    .fold(0u64, |m, seg| m | 1u64 << seg.from.min(63))
            })
            .collect();
        let mut starts = vec![false; span.len()];
        match group_rows(&kinds, &cells) {
            Some(row_of) => {
                for k in 1..span.len() {
                    starts[k] = row_of[k].is_some() && row_of[k] != row_of[k - 1];
                }
            }
            // Lines above the first 序号 go with its row.
            None => {
                let first = kinds.iter().position(|k| *k == RowLine::Serial);
                for (k, kind) in kinds.iter().enumerate() {
                    starts[k] = *kind == RowLine::Serial && Some(k) != first;
                }
            }
        }
        // A line opening with a closing mark ("。", "）") goes on with the
        // cell above it: the row above keeps it.
        for k in 1..span.len() {
            if starts[k] && kinds[k] != RowLine::Serial && continues_above(lines, table, span[k]) {
                starts[k] = false;
                if let Some(next) = starts.get_mut(k + 1) {
                    *next = true;
                }
            }
        }
        for (k, &start) in starts.iter().enumerate() {
            forced[span[k]] |= start;
        }
    }
    (forced, Some(s))
}

/// Does table line `j` go on with the cells of the line above: a piece of
/// it opens with a mark that never starts a text ("。", "，", "、", "）"),
/// under a piece of the same segment?
fn continues_above(lines: &[PhysicalLine], table: &[TableLine], j: usize) -> bool {
    const CLOSING: &str = "。，、；：！？）》」』”’,.;:!?)";
    let Some(above) = j.checked_sub(1).map(|a| &table[a]) else {
        return false;
    };
    let line = &lines[table[j].index];
    table[j].segments.iter().any(|seg| {
        let Some(Some(p)) = &seg.text else {
            return false;
        };
        let opens_closing = line
            .as_str()
            .get(p.bytes.clone())
            .and_then(|t| t.chars().next())
            .is_some_and(|c| CLOSING.contains(c));
        opens_closing
            && above
                .segments
                .iter()
                .any(|a| a.from == seg.from && a.to == seg.to && matches!(a.text, Some(Some(_))))
    })
}

/// A cell of the drawing: the columns it spans, its row (the first it is
/// in), the last table line it takes, and its pieces (table line, piece).
struct GridCell {
    from: usize,
    to: usize,
    row: usize,
    last: usize,
    pieces: Vec<(usize, Piece)>,
}

struct Grid {
    cells: Vec<GridCell>,
    /// Each row's first table line.
    rows: Vec<usize>,
}

/// The cells: a cell goes on down its columns until a rule is drawn under
/// it, a blank line or a forced row start parts the rows, or the bars
/// change (a cell of other columns starts there).
fn build_cells(table: &[TableLine], forced: &[bool], n: usize) -> Grid {
    let mut grid = Grid {
        cells: Vec::new(),
        rows: Vec::new(),
    };
    let mut open: Vec<Option<usize>> = vec![None; n];
    let close = |open: &mut Vec<Option<usize>>, cells: &[GridCell], from: usize, to: usize| {
        for c in from..to {
            if let Some(id) = open[c] {
                for slot in &mut open[cells[id].from..cells[id].to] {
                    *slot = None;
                }
            }
        }
    };
    for (j, line) in table.iter().enumerate() {
        if line.after_blank || forced[j] {
            open.iter_mut().for_each(|o| *o = None);
        }
        for seg in &line.segments {
            let Some(text) = &seg.text else {
                close(&mut open, &grid.cells, seg.from, seg.to);
                continue;
            };
            let same = open[seg.from].filter(|&id| {
                let c = &grid.cells[id];
                c.from == seg.from && c.to == seg.to
            });
            let id = match same {
                Some(id) => id,
                None => {
                    close(&mut open, &grid.cells, seg.from, seg.to);
                    if grid.rows.last() != Some(&j) {
                        grid.rows.push(j);
                    }
                    grid.cells.push(GridCell {
                        from: seg.from,
                        to: seg.to,
                        row: grid.rows.len() - 1,
                        last: j,
                        pieces: Vec::new(),
                    });
                    let id = grid.cells.len() - 1;
                    for slot in &mut open[seg.from..seg.to] {
                        *slot = Some(id);
                    }
                    id
                }
            };
            let cell = &mut grid.cells[id];
            cell.last = j;
            if let Some(p) = text {
                cell.pieces.push((j, p.clone()));
            }
        }
    }
    grid
}

/// The cells in each row: a cell is in the rows from its first down to
/// the last that starts on or above its last line.
fn cells_by_row(grid: &Grid) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); grid.rows.len()];
    for (id, c) in grid.cells.iter().enumerate() {
        let mut r = c.row;
        while r < grid.rows.len() && grid.rows[r] <= c.last {
            out[r].push(id);
            r += 1;
        }
    }
    out
}

/// Row `r`'s cells (`ids`): a cell in its first column (a copy,
/// `from_above`, in the rows after its first), empty in the other columns
/// it spans.
fn row_cells(
    grid: &Grid,
    r: usize,
    ids: &[usize],
    n: usize,
    text: &dyn Fn(usize) -> MappedText,
) -> Vec<Cell> {
    let mut out = vec![Cell::default(); n];
    for &id in ids {
        let c = &grid.cells[id];
        let from_above = c.row < r;
        out[c.from] = Cell {
            text: text(id),
            from_above,
        };
        for slot in &mut out[c.from + 1..c.to] {
            slot.from_above = from_above;
        }
    }
    out
}

/// A cell's pieces joined in line order: no space between pieces, but
/// between two Latin words (an ASCII letter on both sides: a line wraps
/// Latin text at its spaces; never between digits, a number is not
/// broken); in a unit column, a "、" where a
/// line that stops short of its column's width ends a unit's name and the
/// next starts another (names printed one per line).
fn join_pieces(
    lines: &[PhysicalLine],
    table: &[TableLine],
    pieces: &[(usize, Piece)],
    limits: &[usize],
    to: usize,
    role: Option<ColumnRole>,
) -> MappedText {
    let mut text = MappedText::new();
    let mut prev_fills = true;
    for (j, p) in pieces {
        let line = &lines[table[*j].index];
        let piece = line.text().slice(p.bytes.clone());
        if !text.is_empty() && !piece.is_empty() {
            let at = Span::point(piece.span().start as usize);
            let (before, after) = (text.as_str(), piece.as_str());
            let words = before.ends_with(|c: char| c.is_ascii_alphabetic())
                && after.starts_with(|c: char| c.is_ascii_alphabetic());
            if words {
                text.push_replacement(" ", at);
            } else if !prev_fills
                && matches!(role, Some(ColumnRole::Units(_)))
                && ends_a_name(before, after)
            {
                text.push_replacement("、", at);
            }
        }
        text.push_mapped(&piece);
        prev_fills = p.end_col + 1 >= limits[to];
    }
    fold(&text)
}

/// Do `before` and `after` (two lines of a unit cell) part two names: a
/// unit's name ends one and another's starts the next, with no separator
/// between them?
fn ends_a_name(before: &str, after: &str) -> bool {
    const SEPARATORS: [char; 5] = ['、', '，', ',', '；', ';'];
    let last = before.rsplit(SEPARATORS).next().unwrap_or("");
    let next = after.split(SEPARATORS).next().unwrap_or("");
    !before.ends_with(SEPARATORS)
        && after.starts_with(char::is_alphanumeric)
        && is_unit_name(last)
        && is_unit_name(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_at(text: &str, start: usize) -> Option<(Table, usize)> {
        let source = SourceText::new(text.to_string(), crate::model::Encoding::Utf8);
        let lines = crate::normalize::physical_lines(&source);
        let aside = vec![false; lines.len()];
        read(&source, &lines, start, &aside)
    }

    fn texts(row: &[Cell]) -> Vec<&str> {
        row.iter().map(|c| c.text.as_str()).collect()
    }

    const GRID: &str = "\
+----+--------+------------+----------+
|序号|类别    |项目名称    |牵头单位  |
+====+========+============+==========+
|1   |教育    |新建幼儿园  |县教育局  |
+----+        +------------+----------+
|2   |        |改造校舍    |县教育局  |
+----+--------+------------+----------+
|二、社会保障                         |
+----+--------+------------+----------+
";

    #[test]
    fn rows_merged_cells_and_spanning_cells() {
        let (table, end) = read_at(GRID, 0).expect("a table");
        assert_eq!(end, 9, "the bottom rule is the table's");
        assert_eq!(
            texts(&table.rows[0]),
            ["序号", "类别", "项目名称", "牵头单位"]
        );
        assert_eq!(
            texts(&table.rows[1]),
            ["1", "教育", "新建幼儿园", "县教育局"]
        );
        // The merged 类别 cell, copied into the row it goes on in.
        assert_eq!(texts(&table.rows[2]), ["2", "教育", "改造校舍", "县教育局"]);
        assert!(table.rows[2][1].from_above && !table.rows[1][1].from_above);
        // A cell across the table: its text in the first column.
        assert_eq!(texts(&table.rows[3]), ["二、社会保障", "", "", ""]);
        let source = SourceText::new(GRID.to_string(), crate::model::Encoding::Utf8);
        assert_eq!(source.slice(table.span), GRID.trim_end());
    }

    #[test]
    fn a_table_is_read_from_its_first_line_only() {
        assert!(read_at(GRID, 1).is_none());
        assert!(read_at(GRID, 3).is_none());
    }

    #[test]
    fn bars_that_do_not_stand_in_columns_are_no_ruled_table() {
        // A Markdown pipe table whose bars wander: left to the line readers.
        let md = "| 序号 | 项目名称 | 主要内容 | 牵头单位 |\n|---|---|---|---|\n| 1 | 新建幼儿园 | 新建3所。 | 县教育局 |\n";
        assert!(read_at(md, 0).is_none());
    }

    #[test]
    fn a_unit_cell_one_name_a_line_and_a_name_wrapped_at_the_edge() {
        let text = "\
┌──┬────────┬──────────────┐
│序│项目名称│牵头单位      │
│号│        │              │
├──┼────────┼──────────────┤
│1 │新建幼儿│县住房和城乡建│
│  │园      │设局          │
├──┼────────┼──────────────┤
│2 │改造校舍│县教育局      │
│  │        │县财政局      │
└──┴────────┴──────────────┘
";
        let (table, _) = read_at(text, 0).expect("a table");
        assert_eq!(texts(&table.rows[0]), ["序号", "项目名称", "牵头单位"]);
        assert_eq!(
            texts(&table.rows[1]),
            ["1", "新建幼儿园", "县住房和城乡建设局"]
        );
        assert_eq!(
            texts(&table.rows[2]),
            ["2", "改造校舍", "县教育局、县财政局"]
        );
    }
}
