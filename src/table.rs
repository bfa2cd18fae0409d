//! Tables: the column vocabulary, and flattened tables rebuilt from text.
//! Tables drawn with rule lines (`ruled`) and laid out with spaces
//! (`aligned`) are read by their own modules.
//!
//! A Word or web table copied as text arrives one cell per line: a header row
//! (序号, 类别, 项目名称, 主要目标任务, 牵头单位, 责任单位), then each row
//! starting with its 序号, the category cell only on a category's first row,
//! and cells that run over several lines. [`read_flattened`] recognises the
//! header, rebuilds the rows, and returns a [`Table`] with the same shape as
//! the HTML reader's, so one mechanism ([`crate::plan`]) maps both to
//! projects by their header names, not by position.

use crate::fold::{fold, fold_str};
use crate::layout::{Cell, Table};
use crate::lex::{self, MarkerStyle};
use crate::mapped::MappedText;
use crate::normalize::PhysicalLine;
use crate::source::SourceText;
use crate::units::Role;

mod aligned;
mod ruled;

/// What a table column holds, from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    /// 序号 / 编号.
    Serial,
    /// 类别 / 领域.
    Category,
    /// 项目名称.
    Name,
    /// 民生实事内容 / 主要目标任务 / 建设内容.
    Content,
    /// A unit or leader column, with the role its label gives.
    Units(Role),
    /// 完成时限 / 时间节点.
    Deadline,
    /// 备注 and anything else.
    Other,
}

/// The role of a column from its header text.
///
/// ```
/// use minsheng::internals::table::{column_role, ColumnRole};
/// use minsheng::internals::units::Role;
/// assert_eq!(column_role("序号"), Some(ColumnRole::Serial));
/// assert_eq!(column_role("牵头 单位"), Some(ColumnRole::Units(Role::Lead)));
/// assert_eq!(column_role("主要目标任务"), Some(ColumnRole::Content));
/// assert_eq!(column_role("区人社局"), None);
/// ```
pub fn column_role(header: &str) -> Option<ColumnRole> {
    let h: String = header
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '|')
        .collect();
    let h = h.as_str();
    // A header cell is a short name; a longer one ("项目名称及年度目标任务")
    // still has no punctuation in it.
    let n = h.chars().count();
    if h.is_empty() || n > 16 || (n > 10 && h.contains(['，', '。', '；', '：', ',', ';', ':']))
    {
        return None;
    }
    Some(match h {
        "序号" | "编号" | "序" => ColumnRole::Serial,
        "类别" | "领域" | "类型" | "分类" | "项目类别" => ColumnRole::Category,
        "项目名称" | "名称" | "项目" | "实事名称" => ColumnRole::Name,
        "备注" => ColumnRole::Other,
        // 事项名称, 工程名称, 民生实事名称.
        _ if h.ends_with("名称") || h == "事项" => ColumnRole::Name,
        // Money columns are not read (资金（万元）, 总投资, 预算金额).
        _ if ["资金", "投资", "金额", "经费", "预算"]
            .iter()
            .any(|w| h.contains(w)) =>
        {
            ColumnRole::Other
        }
        _ if h.contains("时限") || h.contains("时间") || h.contains("节点") => {
            ColumnRole::Deadline
        }
        _ if h.contains("内容")
            || h.contains("目标")
            || h.contains("任务")
            || h.contains("实事") =>
        {
            ColumnRole::Content
        }
        // A label of three characters or more: "牵头" alone is half of a
        // header cell split over two lines ("牵头" / "单位").
        _ if n >= 3 => {
            let (role, _) = crate::units::clause_label(&format!("{h}："))?;
            ColumnRole::Units(role)
        }
        _ => return None,
    })
}

/// If a table starts at `lines[start]` (one drawn with rule lines, one laid
/// out with spaces, or a flattened one whose header starts there), rebuild
/// the table.
/// Returns it and the index of the first line after it. Page furniture
/// inside it stays with the caller, which accounts for it.
///
/// The header tells the shape of the rows: a header on one line (cells
/// separated by TAB or "|", as Word and PDF copies give it) has one row per
/// line; a header one cell per line has rows one cell per line, each cell
/// ended by " |", by a blank line, by a "||||" residue line, or by nothing
/// at all (then the cells are told apart by what they hold).
pub fn read_flattened(
    source: &SourceText,
    lines: &[PhysicalLine],
    start: usize,
    furniture: &[bool],
) -> Option<(Table, usize)> {
    let framed = |(mut table, end): (Table, usize)| {
        (table.frame, table.residue) = unheld_lines(lines, furniture, start..end, &table.rows);
        (table, end)
    };
    if let Some(table) = ruled::read(source, lines, start, furniture) {
        return Some(framed(table));
    }
    if let Some(table) = aligned::read(source, lines, start, furniture) {
        return Some(framed(table));
    }
    let (header, next, separator) = read_header(source, lines, start)?;
    let roles: Vec<ColumnRole> = header
        .iter()
        .map(|c| column_role(c.text.as_str()).unwrap_or(ColumnRole::Other))
        .collect();
    let has = |r: ColumnRole| roles.contains(&r);
    if !(has(ColumnRole::Content) || has(ColumnRole::Name)) {
        return None;
    }
    let read = match separator {
        Some(sep) => read_line_rows(source, lines, next, furniture, &roles, sep),
        None if has(ColumnRole::Serial) => read_cell_rows(source, lines, next, furniture, &roles),
        None => read_fixed_rows(lines, next, furniture, &roles),
    };
    let (mut rows, end) = read;
    if !rows.iter().any(|r| r.kind == RowKind::Project) {
        return None;
    }
    // The table spans every line it read, residue lines included.
    let mut span = lines[start].span();
    if let Some(last) = lines[start..end].iter().rev().find(|l| !l.is_blank()) {
        span = span.cover(last.span());
    }
    let mut table_rows = vec![header];
    table_rows.extend(rows.drain(..).map(|r| r.cells));
    let (frame, residue) = unheld_lines(lines, furniture, start..end, &table_rows);
    Some((
        Table {
            rows: table_rows,
            span,
            frame,
            residue,
        },
        end,
    ))
}

/// The lines among a table's that no cell holds, page furniture and blanks
/// aside: those that name columns only are its header printed again at a
/// page top (its frame); any other is residue the rows could not place.
fn unheld_lines(
    lines: &[PhysicalLine],
    furniture: &[bool],
    range: std::ops::Range<usize>,
    rows: &[Vec<Cell>],
) -> (Vec<crate::source::Span>, Vec<crate::source::Span>) {
    let mut held: Vec<crate::source::Span> =
        rows.iter().flatten().flat_map(|c| c.text.runs()).collect();
    held.sort_unstable_by_key(|s| s.start);
    let in_a_cell = |line: crate::source::Span| {
        let k = held.partition_point(|s| s.end <= line.start);
        held.get(k).is_some_and(|s| s.start < line.end)
    };
    let header: Vec<String> = rows
        .first()
        .into_iter()
        .flatten()
        .map(|c| c.text.as_str().trim())
        .filter(|h| !h.is_empty())
        .map(fold_str)
        .collect();
    let names_columns = |l: &PhysicalLine| {
        // Split before folding: the fold removes blanks between ideographs.
        let names = || {
            l.as_str()
                .split(|c: char| c.is_whitespace() || c == '|' || c == ',')
                .filter(|w| !w.is_empty())
                .map(fold_str)
        };
        names().next().is_some()
            && (names().all(|w| column_role(&w).is_some()) || names().eq(header.iter().cloned()))
    };
    let (mut frame, mut residue) = (Vec::new(), Vec::new());
    for k in range {
        let l = &lines[k];
        let line_is_markup = l
            .as_str()
            .chars()
            .all(|c| c.is_whitespace() || "|-+=:".contains(c));
        if l.is_blank() || furniture.get(k).copied().unwrap_or(false) || line_is_markup {
            continue;
        }
        if in_a_cell(l.span()) {
            continue;
        }
        if names_columns(l) {
            frame.push(l.span());
        } else {
            residue.push(l.span());
        }
    }
    (frame, residue)
}

/// Rows one cell per line with no 序号 to start them (a PDF table with
/// 项目名称 / 主要建设内容 / 牵头单位 / 配合单位 only): each row is the next as
/// many lines as the header has cells. Read only while every row holds
/// what its columns say (unit names in the unit columns); the header
/// repeated at a page top is skipped.
fn read_fixed_rows(
    lines: &[PhysicalLine],
    from: usize,
    furniture: &[bool],
    roles: &[ColumnRole],
) -> (Vec<Row>, usize) {
    let n = roles.len();
    let content_lines = |mut i: usize| -> Vec<usize> {
        let mut found = Vec::new();
        while i < lines.len() && found.len() < n {
            if !(lines[i].is_blank() || furniture[i] || is_residue(lines[i].as_str())) {
                found.push(i);
            }
            i += 1;
        }
        found
    };
    let mut rows = Vec::new();
    let mut i = from;
    let mut end = from;
    loop {
        let group = content_lines(i);
        if group.len() < n {
            break;
        }
        let texts: Vec<String> = group.iter().map(|&k| fold_str(lines[k].as_str())).collect();
        if texts.iter().all(|t| column_role(t).is_some()) {
            // The header again, after a page break.
            i = group[n - 1] + 1;
            end = i;
            continue;
        }
        let fits = roles.iter().zip(&texts).all(|(role, text)| match role {
            ColumnRole::Units(_) => split_unit_names(text).all(is_unit_name),
            ColumnRole::Content | ColumnRole::Name => {
                !text.is_empty() && column_role(text).is_none() && lex::marker(text).is_none()
            }
            _ => true,
        });
        if !fits {
            break;
        }
        rows.push(Row {
            kind: RowKind::Project,
            cells: group.iter().map(|&k| cell_of(&[&lines[k]])).collect(),
        });
        i = group[n - 1] + 1;
        end = i;
    }
    (rows, end)
}

/// The names of a unit cell: split on 、 and ，.
fn split_unit_names(text: &str) -> impl Iterator<Item = &str> {
    text.split(['、', '，', ',']).filter(|t| !t.is_empty())
}

/// What a rebuilt row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowKind {
    /// A project (or its continuation).
    Project,
    /// A category printed across the table: one cell.
    Category,
}

struct Row {
    kind: RowKind,
    cells: Vec<Cell>,
}

/// The table's header: cells one per line (a cell may be split "牵头" /
/// "单位", cells may be separated by blank lines), or one line with cells
/// separated by "|" or TAB (then that separator is returned).
fn read_header(
    source: &SourceText,
    lines: &[PhysicalLine],
    start: usize,
) -> Option<(Vec<Cell>, usize, Option<char>)> {
    let first = lines[start].as_str();
    // Cheap rejection: a header cell is short; only a one-line header is long.
    if first.chars().count() > 12 && !first.contains(['|', '\t', ',']) {
        return None;
    }
    if let Some(sep) = line_separator(first) {
        let cells = split_line(source, &lines[start], sep);
        if is_line_header(&cells) {
            return Some((cells, start + 1, Some(sep)));
        }
        if first.trim_end_matches('|').contains(['|', '\t']) || sep == ',' {
            return None;
        }
    }
    let mut cells = Vec::new();
    let mut i = start;
    // A header has a handful of columns: stop looking after a dozen cells
    // (so a run of lines that all look like header words costs nothing).
    while i < lines.len() && cells.len() < MAX_COLUMNS {
        if lines[i].is_blank() {
            // Blank lines may separate header cells, but not end a header
            // before its third cell.
            i += 1;
            continue;
        }
        let text = lines[i].as_str().trim_end_matches('|').trim();
        if column_role(text).is_some() {
            cells.push(cell_of(&[&lines[i]]));
            i += 1;
        } else if i + 1 < lines.len()
            && !lines[i + 1].is_blank()
            && column_role(&format!("{text}{}", lines[i + 1].as_str())).is_some()
        {
            cells.push(cell_of(&[&lines[i], &lines[i + 1]]));
            i += 2;
        } else {
            break;
        }
    }
    while i > start && lines[i - 1].is_blank() {
        i -= 1;
    }
    // Columns of one kind only ("任务" / "任务" / …) are no header.
    let kinds: std::collections::BTreeSet<String> = cells
        .iter()
        .filter_map(|c| column_role(c.text.as_str()))
        .map(|r| format!("{r:?}"))
        .collect();
    (cells.len() >= 3 && kinds.len() >= 2).then_some((cells, i, None))
}

/// A header on one line: three names or more, of two kinds or more with a
/// text column among them; one name we do not know ("资金（万元）") in
/// four is allowed, short and unpunctuated, as a column we do not read.
fn is_line_header(cells: &[Cell]) -> bool {
    let named: Vec<&str> = cells
        .iter()
        .map(|c| c.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    let roles: Vec<ColumnRole> = named.iter().filter_map(|t| column_role(t)).collect();
    let unknown = named.len() - roles.len();
    let kinds: std::collections::BTreeSet<String> =
        roles.iter().map(|r| format!("{r:?}")).collect();
    let unknown_ok = named.iter().all(|t| {
        column_role(t).is_some()
            || (t.chars().count() <= 10 && !t.contains(['，', '。', '；', '：', '、']))
    });
    named.len() >= 3
        && kinds.len() >= 2
        && roles
            .iter()
            .any(|r| matches!(r, ColumnRole::Content | ColumnRole::Name))
        && unknown_ok
        && unknown * 4 <= named.len()
}

/// The most columns a header is read for.
const MAX_COLUMNS: usize = 12;

/// The separator of a one-line row: TAB, "|" between cells, or the ASCII
/// comma of a CSV export (never the full-width "，" of the notice's text).
fn line_separator(line: &str) -> Option<char> {
    if line.contains('\t') {
        return Some('\t');
    }
    let bars = line.trim_end_matches([' ', '|']).matches('|').count();
    if bars >= 1 {
        return Some('|');
    }
    (line.matches(',').count() >= 2).then_some(',')
}

/// The cells of one physical line split at `sep`, empty cells kept (the
/// raw line is used, so leading and trailing empty TAB cells count).
fn split_line(source: &SourceText, line: &PhysicalLine, sep: char) -> Vec<Cell> {
    let range = source.lines.line_range(&source.text, line.index);
    let raw = &source.text[range.clone()];
    let raw = raw.trim_end_matches(['\r', '\n', '\u{c}']);
    let mut cells = Vec::new();
    let mut at = 0;
    for piece in raw.split(sep) {
        let lead = piece.len() - piece.trim_start_matches(crate::source::is_blank_char).len();
        let trimmed = piece.trim_matches(crate::source::is_blank_char);
        let text = MappedText::original(trimmed, range.start + at + lead);
        cells.push(Cell {
            text: fold(&text),
            from_above: false,
        });
        at += piece.len() + sep.len_utf8();
    }
    // "a | b | c |": the empty piece after a closing bar is no cell.
    if sep == '|' && cells.last().is_some_and(|c| c.text.is_empty()) {
        cells.pop();
    }
    cells
}

/// One delimited record from `lines[i]` on, as a spreadsheet exports it
/// (CSV, or TSV from Excel and WPS): cells parted by `sep`; a cell in
/// double quotes may hold the separator, line breaks and doubled quotes
/// (`""护苗""` is `"护苗"`). A unit cell broken over lines is one name a
/// line ("市住建局" / "各区镇" read "市住建局、各区镇"); other cells join.
/// Returns the cells and the index in `lines` of the record's last line.
fn split_record(
    source: &SourceText,
    lines: &[PhysicalLine],
    i: usize,
    sep: char,
    roles: &[ColumnRole],
) -> (Vec<Cell>, usize) {
    let starts_quoted = |k: usize| {
        let raw = &source.text[source.lines.line_range(&source.text, lines[k].index)];
        raw.split(sep)
            .any(|piece| piece.trim_start().starts_with('"'))
    };
    if sep == '|' || !starts_quoted(i) {
        return (split_line(source, &lines[i], sep), i);
    }
    let text = source.text.as_str();
    let start = source.lines.line_range(text, lines[i].index).start;
    let mut cells: Vec<Cell> = Vec::new();
    let mut at = start;
    let mut last_line = lines[i].index;
    loop {
        let column = cells.len();
        let units = matches!(roles.get(column), Some(ColumnRole::Units(_)));
        let mut raw = MappedText::new();
        let lead = text[at..].len() - text[at..].trim_start_matches([' ', '\u{3000}']).len();
        at += lead;
        if text[at..].starts_with('"') {
            let mut seg = at + 1;
            let mut j = at + 1;
            while let Some(c) = text[j..].chars().next() {
                match c {
                    '"' if text[j + 1..].starts_with('"') => {
                        raw.push_mapped(&MappedText::original(&text[seg..j + 1], seg));
                        j += 2;
                        seg = j;
                    }
                    '"' => break,
                    '\n' => {
                        let piece = text[seg..j].trim_end_matches('\r');
                        raw.push_mapped(&MappedText::original(piece, seg));
                        if units && raw.as_str().trim_end().ends_with(UNIT_ENDS) {
                            raw.push_replacement("、", crate::source::Span::point(j));
                        }
                        last_line += 1;
                        j += 1;
                        seg = j;
                    }
                    _ => j += c.len_utf8(),
                }
            }
            raw.push_mapped(&MappedText::original(&text[seg..j], seg));
            at = (j + 1).min(text.len());
            // Anything between the closing quote and the separator is kept.
            let tail_end = text[at..]
                .find([sep, '\n', '\r'])
                .map_or(text.len(), |k| at + k);
            raw.push_mapped(&MappedText::original(&text[at..tail_end], at));
            at = tail_end;
        } else {
            let end = text[at..]
                .find([sep, '\n', '\r'])
                .map_or(text.len(), |k| at + k);
            raw.push_mapped(&MappedText::original(&text[at..end], at));
            at = end;
        }
        cells.push(Cell {
            text: fold(&raw).trim(),
            from_above: false,
        });
        if text[at..].starts_with(sep) {
            at += sep.len_utf8();
        } else {
            break;
        }
    }
    let last = lines[i..]
        .iter()
        .position(|l| l.index >= last_line)
        .map_or(lines.len() - 1, |k| i + k);
    (cells, last)
}

/// Rows one per line (TAB or "|" between cells).
fn read_line_rows(
    source: &SourceText,
    lines: &[PhysicalLine],
    from: usize,
    furniture: &[bool],
    roles: &[ColumnRole],
    sep: char,
) -> (Vec<Row>, usize) {
    let serial_col = roles.iter().position(|r| *r == ColumnRole::Serial);
    let mut rows: Vec<Row> = Vec::new();
    let mut i = from;
    let mut end = from;
    let mut categories = Categories::default();
    while i < lines.len() {
        let line = &lines[i];
        if line.is_blank() || furniture[i] {
            i += 1;
            continue;
        }
        if is_residue(line.as_str()) {
            // A rule under the header or between rows: part of the table.
            i += 1;
            end = i;
            continue;
        }
        let folded = fold_str(line.as_str());
        if !line.as_str().contains(sep) {
            // One cell alone on its line: a category across the table, or
            // the end of the table.
            if next_starts_row(lines, i + 1, furniture) && categories.accepts(&folded) {
                rows.push(category_row(line));
                end = i + 1;
                i += 1;
                continue;
            }
            break;
        }
        let (mut cells, last) = split_record(source, lines, i, sep, roles);
        i = last;
        // A cell wrapped onto the next line: the row is short, and the next
        // line, not a row of its own, holds exactly the cells it lacks (its
        // first piece ends the cell left open).
        while cells.len() < roles.len() && cells.len() > 1 {
            let Some(next) = lines
                .get(i + 1)
                .filter(|l| !l.is_blank() && !furniture[i + 1])
            else {
                break;
            };
            let more = split_line(source, next, sep);
            let starts_row = more
                .first()
                .is_some_and(|c| serial_number(c.text.as_str()).is_some());
            // Cells broken in several columns (a browser's copy of a
            // table) take several lines; never more cells than columns.
            if starts_row || cells.len() + more.len() > roles.len() + 1 {
                break;
            }
            let mut more = more.into_iter();
            if let (Some(open), Some(rest)) = (cells.last_mut(), more.next()) {
                // A unit cell one name a line: "区住建局" / "区财政局" (told
                // by the names: a merged cell may have shifted the columns).
                let last_name = open.text.as_str().rsplit('、').next().unwrap_or("");
                let first_name = rest.text.as_str().split('、').next().unwrap_or("");
                if is_unit_name(last_name) && is_unit_name(first_name) {
                    open.text.push_replacement(
                        "、",
                        crate::source::Span::point(rest.text.span().start as usize),
                    );
                }
                open.text.push_mapped(&rest.text);
            }
            cells.extend(more);
            i += 1;
        }
        // One cell short, with a 类别 column: the category cell spans this
        // row from above (a merged cell the copy printed once).
        if cells.len() + 1 == roles.len()
            && cells
                .first()
                .is_some_and(|c| serial_number(c.text.as_str()).is_some())
        {
            if let Some(k) = roles.iter().position(|r| *r == ColumnRole::Category) {
                cells.insert(
                    k,
                    Cell {
                        text: MappedText::new(),
                        from_above: true,
                    },
                );
            }
        }
        let filled: Vec<&Cell> = cells.iter().filter(|c| !c.text.is_empty()).collect();
        if filled.len() == 1 && categories.accepts(filled[0].text.as_str()) {
            rows.push(Row {
                kind: RowKind::Category,
                cells: vec![filled[0].clone()],
            });
        } else if is_line_header(&cells) {
            // The header again, after a page break: part of the table.
        } else {
            let serial_ok = serial_col
                .and_then(|k| cells.get(k))
                .is_none_or(|c| c.text.is_empty() || serial_number(c.text.as_str()).is_some());
            if !serial_ok {
                break;
            }
            rows.push(Row {
                kind: RowKind::Project,
                cells,
            });
        }
        i += 1;
        end = i;
    }
    (rows, end)
}

/// The numbers of a table's category rows must run 一、二、三…: a heading
/// that does not go on ("二、保障措施" after a table of ten categories)
/// belongs to the text after the table.
#[derive(Default)]
pub struct Categories {
    last: Option<u32>,
}

impl Categories {
    /// Is `text` the table's next category row? Takes it if so.
    pub fn accepts(&mut self, text: &str) -> bool {
        let text = text.trim_end_matches([' ', '|']).trim();
        let Some(m) = lex::marker(text) else {
            return false;
        };
        if !matches!(
            m.style,
            MarkerStyle::ChineseComma | MarkerStyle::ParenChinese
        ) {
            return false;
        }
        let (name, count) = lex::split_count(&text[m.len..]);
        let heading = count.is_some() || (name.chars().count() <= 16 && !name.contains('。'));
        let next = self.last.map_or(1, |n| n + 1);
        if heading && m.number == next {
            self.last = Some(m.number);
            return true;
        }
        false
    }
}

fn category_row(line: &PhysicalLine) -> Row {
    Row {
        kind: RowKind::Category,
        cells: vec![cell_of(&[line])],
    }
}

/// A 序号 cell: "1", "1.", "1、", "（1）".
pub fn serial_number(text: &str) -> Option<u32> {
    let t = fold_str(text);
    let t = t.trim_end_matches('|').trim();
    if let Ok(n) = t.parse::<u32>() {
        return Some(n);
    }
    let m = lex::marker(t)?;
    (m.len == t.len() && !matches!(m.style, MarkerStyle::ChineseComma)).then_some(m.number)
}

/// A run of lines that is one cell, and whether an explicit mark (" |", a
/// blank line, a residue line) ends it.
struct Piece<'a> {
    line: &'a PhysicalLine<'a>,
    closed: bool,
}

/// Rows one cell per line.
/// The header repeated at a page top, one cell per line from `i`: where
/// it ends (two header names or more, blank lines among them).
fn repeated_header_end(lines: &[PhysicalLine], i: usize) -> Option<usize> {
    let is_name = |k: usize| {
        let folded = fold_str(lines[k].as_str());
        column_role(folded.trim_end_matches('|').trim()).is_some()
    };
    if i >= lines.len() || !is_name(i) {
        return None;
    }
    let mut k = i;
    let mut names = 0;
    while k < lines.len() && (lines[k].is_blank() || is_name(k)) {
        names += usize::from(!lines[k].is_blank());
        k += 1;
    }
    (names >= 2).then_some(k)
}

fn read_cell_rows(
    source: &SourceText,
    lines: &[PhysicalLine],
    from: usize,
    furniture: &[bool],
    roles: &[ColumnRole],
) -> (Vec<Row>, usize) {
    let mut rows: Vec<Row> = Vec::new();
    let mut categories = Categories::default();
    let mut expected = 1u32;
    let mut i = from;
    let mut end = from;
    let serial_at = roles
        .iter()
        .position(|r| *r == ColumnRole::Serial)
        .unwrap_or(0);
    // Columns after the serial, in order; a category column before the
    // serial is given by category rows.
    let after: Vec<ColumnRole> = roles[serial_at + 1..].to_vec();
    loop {
        // Skip to the next content line.
        while i < lines.len()
            && (lines[i].is_blank() || furniture[i] || is_residue(lines[i].as_str()))
        {
            i += 1;
        }
        if i >= lines.len() {
            break;
        }
        let text = fold_str(lines[i].as_str());
        let bare = text.trim_end_matches('|').trim().to_string();
        if serial_number(&bare).is_none()
            && next_starts_row(lines, i + 1, furniture)
            && categories.accepts(&bare)
        {
            rows.push(category_row(&lines[i]));
            i += 1;
            end = i;
            continue;
        }
        if let Some(k) = repeated_header_end(lines, i) {
            i = k;
            end = i;
            continue;
        }
        let number = serial_number(&bare);
        let restart = number == Some(1) && rows.last().is_some_and(|r| r.kind == RowKind::Category);
        if number != Some(expected) && !restart {
            break;
        }
        expected = number.unwrap_or(expected) + 1;
        let serial = cell_of(&[&lines[i]]);
        // The row's pieces, up to the next 序号 or category row.
        let mut pieces: Vec<Piece> = Vec::new();
        let mut j = i + 1;
        while j < lines.len() {
            let l = &lines[j];
            if furniture[j] {
                j += 1;
                continue;
            }
            if l.is_blank() || is_residue(l.as_str()) {
                if let Some(p) = pieces.last_mut() {
                    p.closed = true;
                }
                // A lone no-break space is how Word writes an empty cell.
                let raw = &source.text[source.lines.line_range(&source.text, l.index)];
                if l.is_blank() && raw.contains('\u{a0}') && !pieces.is_empty() {
                    pieces.push(Piece {
                        line: l,
                        closed: true,
                    });
                }
                j += 1;
                continue;
            }
            // The header again at a page top, inside a row cut by the page.
            if let Some(k) = repeated_header_end(lines, j) {
                j = k;
                continue;
            }
            let t = fold_str(l.as_str());
            let b = t.trim_end_matches('|').trim();
            if serial_number(b) == Some(expected)
                || ends_table(b)
                || (Categories {
                    last: categories.last,
                })
                .accepts(b)
                || pieces.len() > 3 * after.len().max(1)
                || (lex::marker(b).is_some_and(|m| {
                    matches!(
                        m.style,
                        MarkerStyle::ChineseComma | MarkerStyle::ParenChinese
                    )
                }) && !t.ends_with('|'))
            {
                break;
            }
            pieces.push(Piece {
                line: l,
                closed: t.ends_with('|'),
            });
            j += 1;
        }
        let mut cells = vec![serial];
        let above: Option<Vec<Cell>> = rows
            .iter()
            .rev()
            .find(|r| r.kind == RowKind::Project)
            .map(|r| r.cells[serial_at.min(r.cells.len())..].to_vec());
        cells.extend(assign_cells(&pieces, &after, above.as_ref()));
        // Columns before the serial (a 类别 printed in category rows) stay
        // empty here; put the serial where the header has it.
        let mut positioned: Vec<Cell> = vec![Cell::default(); serial_at];
        positioned.extend(cells);
        rows.push(Row {
            kind: RowKind::Project,
            cells: positioned,
        });
        i = j;
        end = i;
    }
    // Trailing blank lines belong to what follows.
    while end > from && lines[end - 1].is_blank() {
        end -= 1;
    }
    (rows, end)
}

/// Does the next content line after `from` start a row (a 序号, alone or as
/// the first cell)? A category row is only one if a project row follows it.
fn next_starts_row(lines: &[PhysicalLine], from: usize, furniture: &[bool]) -> bool {
    let next = (from..lines.len())
        .find(|&k| !lines[k].is_blank() && !furniture[k] && !is_residue(lines[k].as_str()));
    next.is_some_and(|k| {
        let text = lines[k].as_str();
        let first = text.split(['\t', '|']).next().unwrap_or(text);
        serial_number(first).is_some()
    })
}

/// A line left by a table's rules: bars and spaces ("||||"), or a ruled
/// line ("|---|:--:|", "+----+", "───────").
fn is_residue(line: &str) -> bool {
    const RULE: &str = "|-:+=─━│┃┼╋┌┐└┘├┤┬┴═";
    let rules = line
        .chars()
        .filter(|&c| c != '|' && RULE.contains(c))
        .count();
    !line.trim().is_empty()
        && line.chars().all(|c| RULE.contains(c) || c.is_whitespace())
        && (line.contains(['|', '│', '┃']) || rules >= 3)
}

/// Put a row's pieces into the columns `roles`. With explicit cell ends the
/// cells are the runs between them, placed by what they hold; without any,
/// the old rule (unit columns from the right, text from the left) applies.
fn assign_cells(pieces: &[Piece], roles: &[ColumnRole], above: Option<&Vec<Cell>>) -> Vec<Cell> {
    let lines: Vec<&PhysicalLine> = pieces.iter().map(|p| p.line).collect();
    if !pieces.iter().any(|p| p.closed) {
        return split_row(&lines, roles, above);
    }
    let best = align(pieces, roles);
    let mut cells: Vec<Option<Cell>> = vec![None; roles.len()];
    for (col, range) in best {
        let group: Vec<&PhysicalLine> = lines[range].to_vec();
        cells[col] = Some(if matches!(roles[col], ColumnRole::Units(_)) {
            unit_cell_of(&group)
        } else {
            cell_of(&group)
        });
    }
    fill_from_above(cells, roles, above)
}

/// Which lines go to which column: a monotone assignment of runs of lines to
/// columns (columns may stay empty; a run never crosses an explicit cell
/// end), scored by how well each run fits its column.
fn align(pieces: &[Piece], roles: &[ColumnRole]) -> Vec<(usize, std::ops::Range<usize>)> {
    let n = pieces.len();
    let c = roles.len();
    const NONE: f32 = f32::NEG_INFINITY;
    // best[i][k]: best score with the first i lines placed in columns < k.
    let mut best = vec![vec![NONE; c + 1]; n + 1];
    let mut from: Vec<Vec<Option<(usize, bool)>>> = vec![vec![None; c + 1]; n + 1];
    best[0][0] = 0.0;
    for k in 0..c {
        for i in 0..=n {
            if best[i][k] == NONE {
                continue;
            }
            // Column k left empty.
            let skip = best[i][k]
                - if roles[k] == ColumnRole::Content {
                    1.0
                } else {
                    0.1
                };
            if skip > best[i][k + 1] {
                best[i][k + 1] = skip;
                from[i][k + 1] = Some((i, false));
            }
            // Lines i..j in column k.
            for j in i + 1..=n {
                if j - 1 > i && pieces[j - 2].closed {
                    break; // a run never crosses an explicit end
                }
                let texts: Vec<&str> = pieces[i..j].iter().map(|p| p.line.as_str()).collect();
                let split_soft = j < n && !pieces[j - 1].closed;
                let score = best[i][k] + fit(&texts, roles[k]) - if split_soft { 0.6 } else { 0.0 };
                if score > best[j][k + 1] {
                    best[j][k + 1] = score;
                    from[j][k + 1] = Some((i, true));
                }
            }
        }
    }
    let mut out = Vec::new();
    let (mut i, mut k) = (n, c);
    while k > 0 {
        match from[i][k] {
            Some((start, true)) => {
                out.push((k - 1, start..i));
                i = start;
            }
            Some((start, false)) => i = start,
            None => break,
        }
        k -= 1;
    }
    out.reverse();
    out
}

/// How well lines fit a column (higher is better).
fn fit(lines: &[&str], role: ColumnRole) -> f32 {
    let text: String = lines
        .iter()
        .map(|l| l.trim_end_matches('|').trim())
        .collect();
    let chars = text.chars().count();
    if chars == 0 {
        return 0.4; // an empty cell fits any column
    }
    let prose = text.contains(['。', '；', ';']) || text.chars().any(|c| c.is_ascii_digit());
    match role {
        ColumnRole::Content => 1.0 + if prose || chars > 20 { 1.0 } else { 0.0 },
        ColumnRole::Name => {
            if chars <= 24 && !text.contains('。') {
                1.2
            } else {
                -1.0
            }
        }
        ColumnRole::Units(_) => {
            if lines
                .iter()
                .all(|l| unit_like(l.trim_end_matches('|').trim()))
            {
                if text.ends_with(UNIT_ENDS) {
                    2.0
                } else {
                    0.5
                }
            } else {
                -3.0
            }
        }
        ColumnRole::Deadline => {
            if chars <= 20 && text.contains(['月', '年', '底', '前', '季']) {
                2.0
            } else {
                -2.0
            }
        }
        ColumnRole::Category => {
            if lex::split_count(&fold_str(&text)).1.is_some() {
                2.0
            } else {
                -3.0
            }
        }
        ColumnRole::Serial | ColumnRole::Other => {
            if chars <= 20 {
                0.3
            } else {
                -1.0
            }
        }
    }
}

/// Last characters of a unit's name (局, 委, 办, 政府, 街道, 公司 …).
const UNIT_ENDS: [char; 26] = [
    '局', '委', '办', '会', '院', '室', '心', '司', '府', '镇', '街', '道', '队', '处', '所', '站',
    '馆', '团', '部', '厅', '社', '行', '联', '区', '县', '）',
];

/// A short line that reads as one unit's name: no digits or punctuation,
/// ending as names of organs do (局, 委, 办, 政府, 街道 …).
pub fn is_unit_name(text: &str) -> bool {
    let text = text.trim();
    let n = text.chars().count();
    (2..=20).contains(&n)
        && text.ends_with(UNIT_ENDS)
        && !text.contains(['，', '。', '；', ',', ';', '、'])
        && !text.chars().any(|c| c.is_ascii_digit())
}

/// A unit cell over several lines, one unit per line ("市教育局" /
/// "市卫生健康委员会"): the lines are separate names where a line ends a
/// name; otherwise (a name wrapped mid-word) they join.
fn unit_cell_of(lines: &[&PhysicalLine]) -> Cell {
    let mut text = MappedText::new();
    for (k, l) in lines.iter().enumerate() {
        let t = l.as_str().trim_end_matches('|').trim_end();
        let piece = fold(&l.text().slice(0..t.len()));
        if k > 0 {
            let prev = text.as_str();
            if prev.ends_with(UNIT_ENDS) && !prev.ends_with(['、', '，', ',', '；']) {
                text.push_replacement("、", crate::source::Span::point(l.span().start as usize));
            }
        }
        text.push_mapped(&piece);
    }
    Cell {
        text,
        from_above: false,
    }
}

fn ends_table(line: &str) -> bool {
    ["注：", "注:", "抄送", "附件", "（此件", "(此件"]
        .iter()
        .any(|p| line.starts_with(p))
}

fn cell_of(lines: &[&PhysicalLine]) -> Cell {
    let mut text = MappedText::new();
    for l in lines {
        let t = l.as_str().trim_end_matches('|').trim_end();
        text.push_mapped(&l.text().slice(0..t.len()));
    }
    Cell {
        text: fold(&text),
        from_above: false,
    }
}

/// Lines that look like a list of unit names rather than prose.
fn unit_like(line: &str) -> bool {
    let n = line.chars().count();
    n > 0 && n <= 40 && !line.contains('。') && !line.chars().any(|c| c.is_ascii_digit())
}

fn continues_list(line: &str) -> bool {
    line.ends_with(['、', '，', ','])
}

/// Distribute a row's lines (after its 序号) over the columns `roles`.
fn split_row(body: &[&PhysicalLine], roles: &[ColumnRole], above: Option<&Vec<Cell>>) -> Vec<Cell> {
    let mut cells: Vec<Option<Cell>> = vec![None; roles.len()];
    // Explicit cell ends: "… |" on each cell's last line.
    if body.iter().any(|l| l.as_str().ends_with('|')) {
        let mut groups: Vec<Vec<&PhysicalLine>> = vec![Vec::new()];
        for l in body {
            if let Some(g) = groups.last_mut() {
                g.push(*l);
            }
            if l.as_str().ends_with('|') {
                groups.push(Vec::new());
            }
        }
        groups.retain(|g| !g.is_empty());
        let offset = roles.len().saturating_sub(groups.len());
        for (k, g) in groups.iter().enumerate() {
            if let Some(slot) = cells.get_mut(offset + k) {
                *slot = Some(cell_of(g));
            }
        }
    } else {
        let mut end = body.len();
        // Unit columns from the right, each cell a run of lines joined by a
        // trailing 、.
        let mut col = roles.len();
        while col > 0 && matches!(roles[col - 1], ColumnRole::Units(_)) && end > 0 {
            let mut begin = end - 1;
            if !unit_like(body[begin].as_str()) {
                break;
            }
            while begin > 0
                && continues_list(body[begin - 1].as_str())
                && unit_like(body[begin - 1].as_str())
            {
                begin -= 1;
            }
            cells[col - 1] = Some(cell_of(&body[begin..end]));
            end = begin;
            col -= 1;
        }
        // The remaining lines fill the other columns from the left.
        let mut at = 0;
        for (k, role) in roles[..col].iter().enumerate() {
            if at >= end {
                break;
            }
            match role {
                ColumnRole::Category => {
                    let one = body[at].as_str();
                    let two = body
                        .get(at + 1)
                        .filter(|_| at + 1 < end)
                        .map(|l| l.as_str());
                    if lex::split_count(one).1.is_some() {
                        cells[k] = Some(cell_of(&body[at..at + 1]));
                        at += 1;
                    } else if two.is_some_and(|t| lex::declared_count(t).is_some()) {
                        cells[k] = Some(cell_of(&body[at..at + 2]));
                        at += 2;
                    }
                }
                ColumnRole::Content => {
                    let rest_cols = roles[k + 1..col].len();
                    let stop = end.saturating_sub(rest_cols).max(at + 1);
                    cells[k] = Some(cell_of(&body[at..stop]));
                    at = stop;
                }
                _ => {
                    cells[k] = Some(cell_of(&body[at..at + 1]));
                    at += 1;
                }
            }
        }
    }
    fill_from_above(cells, roles, above)
}

/// Merged cells: an empty category cell takes the text from the row above.
fn fill_from_above(
    cells: Vec<Option<Cell>>,
    roles: &[ColumnRole],
    above: Option<&Vec<Cell>>,
) -> Vec<Cell> {
    cells
        .into_iter()
        .enumerate()
        .map(|(k, cell)| match cell {
            Some(c) => c,
            None => {
                let mut c = above
                    .and_then(|row| row.get(k + 1))
                    .filter(|_| roles[k] == ColumnRole::Category)
                    .cloned()
                    .unwrap_or_default();
                c.from_above = !c.text.is_empty();
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceText;

    fn table_of(text: &str) -> Table {
        let source = SourceText::new(text.to_string(), crate::model::Encoding::Utf8);
        let lines = crate::normalize::physical_lines(&source);
        let furniture = vec![false; lines.len()];
        read_flattened(&source, &lines, 0, &furniture)
            .expect("a table")
            .0
    }

    fn texts(row: &[Cell]) -> Vec<&str> {
        row.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn rows_are_rebuilt_and_merged_category_cells_filled() {
        let t = table_of(
            "序号\n类别\n项目名称\n主要目标任务\n牵头单位\n责任单位\n1\n促进就业（2项）\n促进重点群体稳定就业\n新增城镇就业1.15万人左右。\n区人社局\n各街镇、龙岗片区\n2\n实施放心家政行动\n培训家政服务人员6900人次；\n新增家政服务人员3000人。\n区商务局、\n区人社局\n区人社局、各街镇\n",
        );
        assert_eq!(t.rows.len(), 3);
        assert_eq!(
            texts(&t.rows[1]),
            [
                "1",
                "促进就业（2项）",
                "促进重点群体稳定就业",
                "新增城镇就业1.15万人左右。",
                "区人社局",
                "各街镇、龙岗片区"
            ]
        );
        assert_eq!(
            texts(&t.rows[2]),
            [
                "2",
                "促进就业（2项）",
                "实施放心家政行动",
                "培训家政服务人员6900人次；新增家政服务人员3000人。",
                "区商务局、区人社局",
                "区人社局、各街镇"
            ]
        );
        assert!(t.rows[2][1].from_above);
    }

    #[test]
    fn a_category_split_over_two_lines() {
        let t = table_of("序号\n类别\n项目名称\n主要目标任务\n牵头单位\n1\n困难群体救助\n（12项）\n开展困难职工帮扶救助\n不少于45人次。\n区总工会\n");
        assert_eq!(t.rows[1][1].text.as_str(), "困难群体救助（12项）");
    }
}
