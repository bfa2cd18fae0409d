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

/// The pieces of `line`: text runs parted by two spaces or more (or by one
/// where the next run starts at one of `edges`), with their display column
/// counted from the start of the physical line.
fn pieces(source: &SourceText, line: &PhysicalLine, edges: &[usize]) -> Vec<Piece> {
    let line_start = source.lines.line_start(line.index);
    let text_start = line.text.span().start as usize;
    let indent: usize = source
        .text
        .get(line_start..text_start)
        .unwrap_or("")
        .chars()
        .map(char_width)
        .sum();
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
    let is_serial_line = |k: usize| {
        let (Some(cols), Some(sc)) = (&line_cells[k], serial_col) else {
            return false;
        };
        let line = &lines[start + 1 + k];
        cols[sc].len() == 1 && serial_number(&line.as_str()[cols[sc][0].clone()]).is_some()
    };
    let serial_lines: Vec<usize> = (0..kinds.len()).filter(|&k| is_serial_line(k)).collect();
    if serial_lines.len() < 2 && serial_col.is_some() {
        return None;
    }
    // Rows parted by blank lines (a serial centred in its row, lines of
    // the row above it) when a blank line stands between every two serials;
    // else a row is its serial line and the lines up to the next.
    let blank_parted = serial_lines.windows(2).all(|w| {
        (w[0]..w[1]).any(|k| matches!(kinds[k], Kind::Blank | Kind::Header | Kind::Category))
    });
    let mut row_of: Vec<Option<usize>> = vec![None; kinds.len()];
    for (r, &s) in serial_lines.iter().enumerate() {
        row_of[s] = Some(r);
        let mut k = s + 1;
        while k < kinds.len() && matches!(kinds[k], Kind::Data | Kind::Aside) && !is_serial_line(k)
        {
            if matches!(kinds[k], Kind::Data) {
                row_of[k] = Some(r);
            }
            k += 1;
        }
        if blank_parted {
            let mut k = s;
            while k > 0 && matches!(kinds[k - 1], Kind::Data) && row_of[k - 1].is_none() {
                row_of[k - 1] = Some(r);
                k -= 1;
            }
        }
    }
    // A block of lines with no serial goes on with the row above it (a row
    // cut by the page); before the first row, the table is not of this
    // shape.
    let mut last_row = None;
    for k in 0..kinds.len() {
        match (&kinds[k], row_of[k]) {
            (Kind::Data, Some(r)) => last_row = Some(r),
            (Kind::Data, None) => row_of[k] = Some(last_row?),
            _ => {}
        }
    }
    let mut rows: Vec<Vec<Cell>> = vec![head_cells(lines, start, source, head.len())];
    let mut k = 0;
    while k < kinds.len() {
        let i = start + 1 + k;
        match kinds[k] {
            Kind::Category => rows.push(vec![Cell {
                text: fold(&lines[i].text),
                from_above: false,
            }]),
            Kind::Data if serial_lines.contains(&k) || row_of[k].is_some() => {
                let r = row_of[k].unwrap_or(0);
                // The row's lines, once, at its first line.
                if (0..k).any(|j| row_of[j] == Some(r)) {
                    k += 1;
                    continue;
                }
                let members: Vec<usize> =
                    (k..kinds.len()).filter(|&j| row_of[j] == Some(r)).collect();
                rows.push(row_cells(lines, start, &line_cells, &members, head.len()));
            }
            _ => {}
        }
        k += 1;
    }
    let mut span = lines[start].text.span();
    if let Some(last) = lines[start..end].iter().rev().find(|l| !l.is_blank()) {
        span = span.cover(last.text.span());
    }
    Some((Table { rows, span }, end))
}

/// The header's cells, as written.
fn head_cells(lines: &[PhysicalLine], start: usize, source: &SourceText, n: usize) -> Vec<Cell> {
    let line = &lines[start];
    pieces(source, line, &[])
        .into_iter()
        .take(n)
        .map(|p| Cell {
            text: fold(&line.text.slice(p.bytes)),
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
                    text.push_mapped(&line.text.slice(r.clone()));
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
