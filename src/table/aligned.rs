//! Tables laid out with spaces: `pdftotext -layout` prints each table row
//! as lines whose cells stand in columns, a cell that wraps going on in
//! its own column on the lines below (or around) the row's 序号:
//!
//! ```text
//!   序号  项目内容及目标                                  责任单位
//!   一、公共服务
//!   1     新增城镇就业2.5万人，城镇调查失业率控制在4%以   区人力社保局
//!         内。
//! ```
//!
//! The header names the columns; where they stand is read from the rows
//! (a header is often centred over its column): each place where many
//! lines start a piece of text after a gap is a column's left edge. Each
//! piece of a line goes to the column it starts in, and a row's cells are
//! its pieces per column, in line order.
//!
//! Cells are often centred in their rows: the 序号 stands on a row's middle
//! line, and the lines above it hold the wrapped tops of the row's other
//! cells. A merged 类别 cell is centred over its group of rows, wrapped
//! too, and may stand on lines of its own between two rows:
//!
//! ```text
//!   序号  类别  项目名称      目标任务
//!               新建改扩建    新建幼儿园8所，新增学位2160
//!   1           幼儿园        个。
//!         教育
//!   2     事业  改造校舍      改造校舍3.5万平方米。
//!
//!   3           学生资助      资助困难学生3.2万人次。
//! ```
//!
//! Rows are grouped around their 序号 (`group_rows`); the 类别 column is
//! read apart, as labels each covering the rows of its merged cell
//! (`label_groups`): here one category 教育事业 over rows 1 to 3.

use unicode_width::UnicodeWidthChar;

use super::{column_role, ends_table, serial_number, Categories, ColumnRole};
use crate::fold::{fold, fold_str};
use crate::layout::{Cell, Table};
use crate::lex;
use crate::mapped::MappedText;
use crate::normalize::PhysicalLine;
use crate::source::SourceText;

/// Most lines a table may take (a bound on the look-ahead from a header).
const MAX_LINES: usize = 4000;

/// How far after its header a table's first 序号 may stand.
const FIRST_ROW_REACH: usize = 40;

/// How far a piece may start from its column's edge and still be in it.
const SLACK: usize = 2;

/// A piece of a line: its display columns and its bytes in the line's text.
#[derive(Debug, Clone)]
struct Piece {
    col: usize,
    width: usize,
    bytes: std::ops::Range<usize>,
}

/// The display width of the indent the reader trimmed off `line`.
pub(super) fn indent_width(source: &SourceText, line: &PhysicalLine) -> usize {
    let line_start = source.lines.line_start(line.index);
    let text_start = line.span().start as usize;
    source
        .text
        .get(line_start..text_start)
        .unwrap_or("")
        .chars()
        .map(char_width)
        .sum()
}

/// The pieces of `line`: text runs parted by two spaces or more (or by one
/// where the next run starts at one of `edges`), with their display column
/// counted from the start of the physical line.
fn pieces(source: &SourceText, line: &PhysicalLine, edges: &[usize]) -> Vec<Piece> {
    let indent = indent_width(source, line);
    let s = line.as_str();
    let mut out: Vec<Piece> = Vec::new();
    let mut col = indent;
    let mut spaces = 0usize;
    for (i, c) in s.char_indices() {
        if c == ' ' || c == '\u{3000}' || c == '\t' {
            spaces += char_width(c);
            col += char_width(c);
            continue;
        }
        let new_piece = out.is_empty()
            || spaces >= 2
            || (spaces == 1 && edges.iter().any(|&e| e.abs_diff(col) <= 1));
        if new_piece {
            out.push(Piece {
                col,
                width: 0,
                bytes: i..i,
            });
        }
        spaces = 0;
        let w = char_width(c);
        col += w;
        if let Some(p) = out.last_mut() {
            p.bytes.end = i + c.len_utf8();
            p.width = col - p.col;
        }
    }
    out
}

fn char_width(c: char) -> usize {
    match c {
        '\t' => 4,
        _ => c.width().unwrap_or(0),
    }
}

/// The header: three cells or more on one line, parted by spaces, naming a
/// content or name column and a serial or unit column.
fn header(source: &SourceText, line: &PhysicalLine) -> Option<Vec<(String, ColumnRole)>> {
    let s = line.as_str();
    if !s.contains("  ") && !s.contains('\u{3000}') {
        return None;
    }
    let cells: Vec<(String, ColumnRole)> = pieces(source, line, &[])
        .iter()
        .map(|p| {
            let t = fold_str(&s[p.bytes.clone()]);
            let role = column_role(&t);
            role.map(|r| (t, r))
        })
        .collect::<Option<_>>()?;
    let has = |f: &dyn Fn(ColumnRole) -> bool| cells.iter().any(|(_, r)| f(*r));
    (cells.len() >= 3
        && has(&|r| matches!(r, ColumnRole::Content | ColumnRole::Name))
        && has(&|r| matches!(r, ColumnRole::Serial | ColumnRole::Units(_))))
    .then_some(cells)
}

/// One line of the table, as read on the first pass.
enum Kind {
    Blank,
    Aside,
    Header,
    Category,
    Data,
}

/// A space-aligned table whose header is `lines[start]`: the table and the
/// index of the first line after it.
pub(super) fn read(
    source: &SourceText,
    lines: &[PhysicalLine],
    start: usize,
    aside: &[bool],
) -> Option<(Table, usize)> {
    let head = header(source, &lines[start])?;
    let header_key = fold_str(lines[start].as_str()).replace([' ', '\u{3000}'], "");
    let serial_col = head.iter().position(|(_, r)| *r == ColumnRole::Serial);
    // First pass: the lines the table takes, and what each is.
    let mut kinds: Vec<Kind> = Vec::new();
    let mut categories = Categories::default();
    let mut end = start + 1;
    let limit = lines.len().min(start + 1 + MAX_LINES);
    let mut first_edges: Vec<usize> = Vec::new();
    let mut seen_serial = false;
    while end < limit {
        // A table's first row comes soon after its header.
        if !seen_serial && end - start > FIRST_ROW_REACH {
            return None;
        }
        let line = &lines[end];
        let text = fold_str(line.as_str());
        let kind = if line.is_blank() {
            Kind::Blank
        } else if aside[end] {
            Kind::Aside
        } else if text.replace([' ', '\u{3000}'], "") == header_key {
            // The header twice before any row: the table starts at the
            // second (each line is looked at from one header only).
            if !seen_serial {
                return None;
            }
            Kind::Header
        } else if ends_table(&text) || lex::attachment_marker(&text).is_some() {
            break;
        } else if categories.accepts(&text) {
            Kind::Category
        } else {
            let ps = pieces(source, line, &[]);
            // A paragraph after the table: one long piece from the left.
            let prose = ps.len() == 1
                && ps[0].width > 60
                && first_edges.len() > 1
                && ps[0].col < first_edges[1].saturating_sub(SLACK);
            if prose {
                break;
            }
            if first_edges.is_empty() && ps.len() >= 2 {
                first_edges = ps.iter().map(|p| p.col).collect();
            }
            seen_serial |= ps
                .first()
                .is_some_and(|p| serial_number(&line.as_str()[p.bytes.clone()]).is_some());
            Kind::Data
        };
        kinds.push(kind);
        end += 1;
    }
    // Trailing blank and set-aside lines are not the table's.
    while matches!(kinds.last(), Some(Kind::Blank | Kind::Aside)) {
        kinds.pop();
        end -= 1;
    }
    let data: Vec<usize> = kinds
        .iter()
        .enumerate()
        .filter(|(_, k)| matches!(k, Kind::Data))
        .map(|(k, _)| start + 1 + k)
        .collect();
    let edges = column_edges(source, lines, &data, head.len())?;
    // Second pass: pieces to columns, lines to rows.
    let column_of = |col: usize| edges.iter().rposition(|&e| e <= col + SLACK).unwrap_or(0);
    let mut line_cells: Vec<Option<Vec<Vec<std::ops::Range<usize>>>>> = Vec::new();
    for (k, kind) in kinds.iter().enumerate() {
        let i = start + 1 + k;
        line_cells.push(match kind {
            Kind::Data => {
                let mut cols = vec![Vec::new(); head.len()];
                for p in pieces(source, &lines[i], &edges) {
                    cols[column_of(p.col)].push(p.bytes);
                }
                Some(cols)
            }
            _ => None,
        });
    }
    let category_col = head.iter().position(|(_, r)| *r == ColumnRole::Category);
    let is_serial_line = |k: usize| {
        let (Some(cols), Some(sc)) = (&line_cells[k], serial_col) else {
            return false;
        };
        let line = &lines[start + 1 + k];
        cols[sc].len() == 1 && serial_number(&line.as_str()[cols[sc][0].clone()]).is_some()
    };
    // The columns each line has text in, the merged 类别 cell left out (as
    // a set of bits; columns past the 64th are not told apart).
    let row_cells_of: Vec<u64> = line_cells
        .iter()
        .map(|cols| {
            cols.iter()
                .flatten()
                .enumerate()
                .filter(|(c, ps)| Some(*c) != category_col && !ps.is_empty())
                .fold(0u64, |m, (c, _)| m | 1u64 << c.min(63))
        })
        .collect();
    let row_lines: Vec<RowLine> = kinds
        .iter()
        .enumerate()
        .map(|(k, kind)| match kind {
            Kind::Blank | Kind::Category => RowLine::Parting,
            Kind::Header => RowLine::Break,
            Kind::Aside => RowLine::Aside,
            Kind::Data if is_serial_line(k) => RowLine::Serial,
            Kind::Data if row_cells_of[k] != 0 => RowLine::Text,
            // Only the merged 类别 cell's text: between rows.
            Kind::Data => RowLine::Parting,
        })
        .collect();
    let serials = row_lines.iter().filter(|l| **l == RowLine::Serial).count();
    if serials < 2 && serial_col.is_some() {
        return None;
    }
    let row_of = group_rows(&row_lines, &row_cells_of)?;
    let row_count = row_of.iter().flatten().max().map_or(0, |r| r + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); row_count];
    for (k, r) in row_of.iter().enumerate() {
        if let Some(r) = r {
            members[*r].push(k);
        }
    }
    // The merged 类别 cell: its pieces, one label per run of lines, and the
    // rows each label covers.
    let labels = category_col
        .map(|c| category_labels(lines, start, &line_cells, &row_of, c))
        .unwrap_or_default();
    let extents: Vec<(usize, usize)> = members
        .iter()
        .map(|m| {
            (
                m.first().copied().unwrap_or(0),
                m.last().copied().unwrap_or(0),
            )
        })
        .collect();
    let label_of_row = label_groups(&labels, &extents);
    let mut rows: Vec<Vec<Cell>> = vec![head_cells(lines, start, source, head.len())];
    let mut emitted = vec![false; row_count];
    for (k, kind) in kinds.iter().enumerate() {
        let i = start + 1 + k;
        match (kind, row_of[k]) {
            (Kind::Category, _) => rows.push(vec![Cell {
                text: fold(&lines[i].text()),
                from_above: false,
            }]),
            // The row's lines, once, at its first line.
            (Kind::Data, Some(r)) if !emitted[r] => {
                emitted[r] = true;
                let mut cells = row_cells(lines, start, &line_cells, &members[r], head.len());
                if let Some(c) = category_col {
                    cells[c] = match label_of_row[r] {
                        Some(j) => Cell {
                            text: labels[j].text.clone(),
                            from_above: r > 0 && label_of_row[r - 1] == Some(j),
                        },
                        None => Cell::default(),
                    };
                }
                rows.push(cells);
            }
            _ => {}
        }
    }
    let mut span = lines[start].span();
    if let Some(last) = lines[start..end].iter().rev().find(|l| !l.is_blank()) {
        span = span.cover(last.span());
    }
    Some((Table::new(rows, span), end))
}

/// What a line of the table is to the grouping of rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RowLine {
    /// A line between rows: blank, a category across the table, or one
    /// holding nothing but the merged 类别 cell's text.
    Parting,
    /// The header again, at a page top: between rows, and the page turned.
    Break,
    /// Page furniture: no row's, parting none (a row cut by the page goes
    /// on across it); between rows, it says the page turned.
    Aside,
    /// A line of a row's cells.
    Text,
    /// A line with the row's 序号.
    Serial,
}

/// A block: lines of rows between parting lines (page furniture inside it
/// skipped), and whether the page turned just before it.
struct Block {
    lines: Vec<usize>,
    after_break: bool,
}

/// The blocks of `line`, in order.
fn blocks(line: &[RowLine]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    let mut turned = false;
    let mut aside_in_block = false;
    for (k, l) in line.iter().enumerate() {
        match l {
            RowLine::Text | RowLine::Serial => {
                aside_in_block = false;
                current
                    .get_or_insert_with(|| Block {
                        lines: Vec::new(),
                        after_break: std::mem::take(&mut turned),
                    })
                    .lines
                    .push(k);
            }
            RowLine::Aside if current.is_some() => aside_in_block = true,
            RowLine::Aside | RowLine::Break | RowLine::Parting => {
                if let Some(b) = current.take() {
                    out.push(b);
                    turned |= std::mem::take(&mut aside_in_block);
                }
                turned |= *l != RowLine::Parting;
            }
        }
    }
    out.extend(current);
    out
}

/// Lines to rows, one row per 序号 line (`None` for lines of no row).
///
/// Rows are blocks of lines between parting lines (blank lines, a category
/// across the table, lines of the merged 类别 cell alone) and between the
/// 序号 lines inside a block. Cells are either top-aligned (the 序号 on a
/// row's first line, its cells wrapping below) or centred (the 序号 on the
/// middle line, the row's first lines holding the wrapped tops of its other
/// cells). They are read as centred when every two 序号 lines are parted,
/// or when a block that starts after a row has ended (after a parting line,
/// not after a page turn) leads into its 序号 with lines that centre it.
/// Then the lines of a block above its first 序号 are that row's, and the
/// lines between two 序号 lines with nothing parting them are shared
/// between the two rows without breaking a cell, each 序号 as near its
/// row's middle as can be (`share_gap`). Read as top-aligned, a row is its
/// 序号 line and the lines down to the next. A block without a 序号 goes on
/// with the row above (a row cut by the page); before the first row, the
/// table is not of this shape.
pub(super) fn group_rows(line: &[RowLine], cells: &[u64]) -> Option<Vec<Option<usize>>> {
    let blocks = blocks(line);
    let serials_of = |b: &Block| -> Vec<usize> {
        (0..b.lines.len())
            .filter(|&i| line[b.lines[i]] == RowLine::Serial)
            .collect()
    };
    let serials: Vec<Vec<usize>> = blocks.iter().map(serials_of).collect();
    let parted = serials.iter().all(|s| s.len() <= 1);
    let leads_centred = blocks.iter().zip(&serials).any(|(b, s)| {
        let Some(&up) = s.first() else {
            return false;
        };
        let down = s.get(1).copied().unwrap_or(b.lines.len()) - up - 1;
        !b.after_break && up > 0 && up <= down + 1
    });
    let centred = parted || leads_centred;
    let mut row_of = vec![None; line.len()];
    let mut rows = 0usize;
    for (b, s) in blocks.iter().zip(&serials) {
        let Some(&first) = s.first() else {
            let r = rows.checked_sub(1)?;
            for &k in &b.lines {
                row_of[k] = Some(r);
            }
            continue;
        };
        // Where the row of the next 序号 starts, in the block.
        let mut row_start = first;
        if first > 0 {
            let lead_row = if centred {
                row_start = 0;
                rows
            } else {
                rows.checked_sub(1)?
            };
            for &k in &b.lines[..first] {
                row_of[k] = Some(lead_row);
            }
        }
        for (n, &at) in s.iter().enumerate() {
            let r = rows;
            rows += 1;
            row_of[b.lines[at]] = Some(r);
            let next = s.get(n + 1).copied();
            let gap = &b.lines[at + 1..next.unwrap_or(b.lines.len())];
            let keep = match next {
                Some(next) if centred => {
                    let lower_end = s.get(n + 2).copied().unwrap_or(b.lines.len());
                    let upper = &b.lines[row_start..=at];
                    share_gap(cells, upper, gap, &b.lines[next..lower_end])
                }
                _ => gap.len(),
            };
            for (g, &k) in gap.iter().enumerate() {
                row_of[k] = Some(if g < keep { r } else { r + 1 });
            }
            row_start = at + 1 + keep;
        }
    }
    Some(row_of)
}

/// How far a centred cell stands from its row's middle, with `above`
/// lines of the row over it and `below` under it, in half lines (times
/// two). A cell of one line in a row of an even number of lines stands on
/// the upper of the two middle lines, as pdftotext prints it, so half a
/// line above the middle (1) is nearer than half a line below it (2).
fn off_middle(above: i64, below: i64) -> u64 {
    let d = below - above;
    2 * d.unsigned_abs() - u64::from(d == 1)
}

/// A count of lines as a signed number (line counts are far below the
/// bound, `MAX_LINES`).
fn signed(x: usize) -> i64 {
    i64::try_from(x).unwrap_or(i64::MAX / 4)
}

/// How many of the `gap` lines between two centred 序号 lines the upper
/// row keeps. `upper` is the upper row's lines down to its 序号, `lower`
/// the lower row's from its 序号 down to the next 序号 or the block's end,
/// and `cells[k]` the columns line `k` has text in.
///
/// A cell's lines follow one another, so a share that leaves a hole in a
/// cell of either row (text in a column, then none, then text again) is
/// the worse; among the others, the one that puts the two 序号 nearest
/// their rows' middles; on a tie, the upper row keeps more.
fn share_gap(cells: &[u64], upper: &[usize], gap: &[usize], lower: &[usize]) -> usize {
    let m = |k: usize| cells.get(k).copied().unwrap_or(0);
    let ones = |x: u64| u64::from(x.count_ones());
    // The holes in some lines: their cells (runs of lines with text in a
    // column) less the columns they use. The upper row's, as it takes on
    // the gap's lines one by one, for each share.
    let mut upper_holes = Vec::with_capacity(gap.len() + 1);
    let (mut runs, mut used, mut prev) = (0u64, 0u64, 0u64);
    for (n, &k) in upper.iter().chain(gap).enumerate() {
        runs += ones(m(k) & !prev);
        used |= m(k);
        prev = m(k);
        if n + 1 >= upper.len() {
            upper_holes.push(runs - ones(used));
        }
    }
    // The lower row's, as it takes on the gap's lines from the last up:
    // cells counted at their last lines, a line taken on at the top adds
    // one in each column the line under it has no text in.
    let mut lower_holes = vec![0u64; gap.len() + 1];
    let (mut runs, mut used, mut next) = (0u64, 0u64, 0u64);
    for &k in lower.iter().rev() {
        runs += ones(m(k) & !next);
        used |= m(k);
        next = m(k);
    }
    lower_holes[gap.len()] = runs - ones(used);
    for (keep, &k) in gap.iter().enumerate().rev() {
        runs += ones(m(k) & !next);
        used |= m(k);
        next = m(k);
        lower_holes[keep] = runs - ones(used);
    }
    let (above, under) = (
        signed(upper.len().saturating_sub(1)),
        signed(lower.len().saturating_sub(1)),
    );
    (0..=gap.len())
        .rev()
        .min_by_key(|&keep| {
            let holes = upper_holes.get(keep).copied().unwrap_or(0) + lower_holes[keep];
            let rest = signed(gap.len() - keep);
            (
                holes,
                off_middle(above, signed(keep)) + off_middle(rest, under),
            )
        })
        .unwrap_or(gap.len())
}

/// A label of the merged 类别 cell: its text (the pieces of a run of lines
/// in the column, joined), its first and last lines, and the first and
/// last rows its lines are in (none if they are all between rows).
struct Label {
    text: MappedText,
    first: usize,
    last: usize,
    rows: Option<(usize, usize)>,
}

/// The labels in column `col`: a run of consecutive lines with text in the
/// column is one label (a cell wrapped over them), unless the run passes
/// from one row's lines to another's (each row has its own).
fn category_labels(
    lines: &[PhysicalLine],
    start: usize,
    line_cells: &[Option<Vec<Vec<std::ops::Range<usize>>>>],
    row_of: &[Option<usize>],
    col: usize,
) -> Vec<Label> {
    let mut labels: Vec<Label> = Vec::new();
    for (k, cells) in line_cells.iter().enumerate() {
        let Some(pieces) = cells.as_ref().map(|c| &c[col]).filter(|p| !p.is_empty()) else {
            continue;
        };
        let row = row_of[k];
        let goes_on = labels.last().is_some_and(|l| {
            l.last + 1 == k && !matches!((l.rows, row), (Some((_, a)), Some(b)) if a != b)
        });
        if !goes_on {
            labels.push(Label {
                text: MappedText::new(),
                first: k,
                last: k,
                rows: None,
            });
        }
        let Some(label) = labels.last_mut() else {
            continue;
        };
        label.last = k;
        if let Some(r) = row {
            label.rows = Some(label.rows.map_or((r, r), |(a, _)| (a, r)));
        }
        let line = &lines[start + 1 + k];
        for p in pieces {
            label.text.push_mapped(&line.text().slice(p.clone()));
        }
    }
    for label in &mut labels {
        label.text = fold(&label.text);
    }
    labels
}

/// The label each row has (by index into `labels`), the rows' lines being
/// `extents` (first and last line of each row).
///
/// A label printed at the top of its merged cell (every label starts on a
/// row's first line) covers its row and the rows down to the next label's.
/// Otherwise labels are centred in their cells: each covers the rows its
/// lines are in, and the rows between two labels' are shared so that each
/// label stands nearest the middle of its rows (the first covering the
/// table's first rows, the last its last ones); a label between two rows
/// covers both.
fn label_groups(labels: &[Label], extents: &[(usize, usize)]) -> Vec<Option<usize>> {
    let mut out = vec![None; extents.len()];
    if labels.is_empty() || extents.is_empty() {
        return out;
    }
    let last_row = extents.len() - 1;
    let at_top = labels
        .iter()
        .all(|l| l.rows.is_some_and(|(r, _)| extents[r].0 == l.first));
    if at_top {
        for (j, l) in labels.iter().enumerate() {
            let from = l.rows.map_or(0, |(r, _)| r);
            let to = labels
                .get(j + 1)
                .and_then(|n| n.rows)
                .map_or(last_row + 1, |(r, _)| r);
            for slot in out.iter_mut().take(to).skip(from) {
                *slot = Some(j);
            }
        }
        return out;
    }
    // The last row ending above a line, the first starting below one.
    let before = |k: usize| extents.partition_point(|e| e.1 < k).checked_sub(1);
    let after = |k: usize| extents.partition_point(|e| e.0 <= k);
    // The first and last rows a label must cover: its own, or the two it
    // stands between.
    let must = |l: &Label| -> (Option<usize>, Option<usize>) {
        match l.rows {
            Some((a, b)) => (Some(a), Some(b)),
            None => (
                before(l.first),
                Some(after(l.last)).filter(|&r| r <= last_row),
            ),
        }
    };
    let mut from = 0usize;
    for (j, l) in labels.iter().enumerate() {
        if from > last_row {
            break;
        }
        let to = match labels.get(j + 1) {
            None => last_row,
            Some(next) => {
                let (own_first, own_last) = must(l);
                let low = own_last.or(own_first).unwrap_or(from).clamp(from, last_row);
                let high = match must(next) {
                    (Some(r), _) | (None, Some(r)) => r.saturating_sub(1),
                    (None, None) => last_row,
                }
                .clamp(low, last_row);
                let top = signed(extents[from].0);
                let (first, last) = (signed(l.first), signed(l.last));
                (low..=high)
                    .rev()
                    .min_by_key(|&r| off_middle(first - top, signed(extents[r].1) - last))
                    .unwrap_or(low)
            }
        };
        for slot in out.iter_mut().take(to + 1).skip(from) {
            *slot = Some(j);
        }
        from = to + 1;
    }
    out
}

/// The header's cells, as written.
fn head_cells(lines: &[PhysicalLine], start: usize, source: &SourceText, n: usize) -> Vec<Cell> {
    let line = &lines[start];
    pieces(source, line, &[])
        .into_iter()
        .take(n)
        .map(|p| Cell {
            text: fold(&line.text().slice(p.bytes)),
            from_above: false,
        })
        .collect()
}

/// One row's cells: each column's pieces in line order.
fn row_cells(
    lines: &[PhysicalLine],
    start: usize,
    line_cells: &[Option<Vec<Vec<std::ops::Range<usize>>>>],
    members: &[usize],
    n: usize,
) -> Vec<Cell> {
    (0..n)
        .map(|c| {
            let mut text = MappedText::new();
            for &k in members {
                let Some(cols) = &line_cells[k] else { continue };
                let line = &lines[start + 1 + k];
                for r in &cols[c] {
                    text.push_mapped(&line.text().slice(r.clone()));
                }
            }
            Cell {
                text: fold(&text),
                from_above: false,
            }
        })
        .collect()
}

/// The columns' left edges: the `n` display columns where the most data
/// lines start a piece (after a gap, or at the line's start), in order;
/// none unless there are `n` such places each used by two lines or more.
fn column_edges(
    source: &SourceText,
    lines: &[PhysicalLine],
    data: &[usize],
    n: usize,
) -> Option<Vec<usize>> {
    let mut votes: std::collections::BTreeMap<usize, usize> = Default::default();
    for &i in data {
        for p in pieces(source, &lines[i], &[]) {
            *votes.entry(p.col).or_default() += 1;
        }
    }
    // Starts within SLACK of each other are one edge (the leftmost).
    let mut clusters: Vec<(usize, usize)> = Vec::new(); // (edge, votes)
    for (&col, &v) in &votes {
        match clusters.last_mut() {
            Some(c) if col - c.0 <= SLACK => c.1 += v,
            _ => clusters.push((col, v)),
        }
    }
    clusters.retain(|c| c.1 >= 2);
    if clusters.len() < n {
        return None;
    }
    let mut strongest: Vec<(usize, usize)> = clusters.clone();
    strongest.sort_by_key(|c| std::cmp::Reverse(c.1));
    strongest.truncate(n);
    let mut edges: Vec<usize> = strongest.into_iter().map(|c| c.0).collect();
    edges.sort_unstable();
    Some(edges)
}
