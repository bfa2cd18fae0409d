//! Tables: the column vocabulary, and flattened tables rebuilt from text.
//!
//! A Word or web table copied as text arrives one cell per line: a header row
//! (序号, 类别, 项目名称, 主要目标任务, 牵头单位, 责任单位), then each row
//! starting with its 序号, the category cell only on a category's first row,
//! and cells that run over several lines. [`read_flattened`] recognises the
//! header, rebuilds the rows, and returns a [`Table`] with the same shape as
//! the HTML reader's, so one mechanism ([`crate::plan`]) maps both to
//! projects by their header names, not by position.

use crate::fold::fold;
use crate::layout::{Cell, Table};
use crate::lex;
use crate::mapped::MappedText;
use crate::normalize::PhysicalLine;
use crate::units::Role;

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
/// use minsheng::table::{column_role, ColumnRole};
/// use minsheng::units::Role;
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
    if h.is_empty() || h.chars().count() > 10 {
        return None;
    }
    Some(match h {
        "序号" | "编号" | "序" => ColumnRole::Serial,
        "类别" | "领域" | "类型" | "分类" | "项目类别" => ColumnRole::Category,
        "项目名称" | "名称" | "项目" | "实事名称" => ColumnRole::Name,
        "备注" => ColumnRole::Other,
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
        _ => {
            let (role, _) = crate::units::clause_label(&format!("{h}："))?;
            ColumnRole::Units(role)
        }
    })
}

/// If a flattened table's header starts at `lines[start]`, rebuild the table.
/// Returns it, the index of the first line after it, and the indices of
/// furniture lines inside it (which the caller still accounts for).
pub fn read_flattened(
    lines: &[PhysicalLine],
    start: usize,
    furniture: &[bool],
) -> Option<(Table, usize)> {
    let (header, mut i) = read_header(lines, start)?;
    let roles: Vec<ColumnRole> = header
        .iter()
        .map(|c| column_role(c.text.as_str()).unwrap_or(ColumnRole::Other))
        .collect();
    if roles.first() != Some(&ColumnRole::Serial) {
        return None;
    }
    let mut rows = vec![header];
    let mut expected = 1u32;
    let mut span = lines[start].text.span();
    while i < lines.len() {
        if !is_serial(lines[i].as_str(), expected) {
            break;
        }
        let serial = cell_of(&[&lines[i]]);
        let mut j = i + 1;
        let mut body: Vec<&PhysicalLine> = Vec::new();
        while j < lines.len() {
            let l = &lines[j];
            if l.is_blank() || furniture[j] {
                j += 1;
                continue;
            }
            if is_serial(l.as_str(), expected + 1) || ends_table(l.as_str()) {
                break;
            }
            body.push(l);
            j += 1;
        }
        if let Some(last) = body.last() {
            span = span.cover(last.text.span());
        }
        let mut row = vec![serial];
        row.extend(split_row(&body, &roles[1..], rows.last()));
        rows.push(row);
        expected += 1;
        i = j;
    }
    if rows.len() < 2 {
        return None;
    }
    // Trailing blank lines belong to what follows.
    while i > start && lines[i - 1].is_blank() {
        i -= 1;
    }
    Some((Table { rows, span }, i))
}

/// Header cells: one per line (a cell may be split "牵头" / "单位"), or one
/// line with cells separated by "|" or tabs.
fn read_header(lines: &[PhysicalLine], start: usize) -> Option<(Vec<Cell>, usize)> {
    let first = lines[start].as_str();
    // Cheap rejection: a header cell is short; only a one-line header is long.
    if first.chars().count() > 12 && !first.contains(['|', '\t']) {
        return None;
    }
    let separators = first.matches(['|', '\t']).count();
    if separators >= 2 || (separators == 1 && !first.trim_end().ends_with('|')) {
        let cells: Vec<&str> = first
            .split(['|', '\t'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        if cells.len() >= 3 && cells.iter().all(|c| column_role(c).is_some()) {
            let line = &lines[start];
            let mut out = Vec::new();
            for cell in cells {
                let at = line.as_str().find(cell).unwrap_or(0);
                out.push(Cell {
                    text: fold(&line.text.slice(at..at + cell.len())),
                    from_above: false,
                });
            }
            return Some((out, start + 1));
        }
        return None;
    }
    let mut cells = Vec::new();
    let mut i = start;
    while i < lines.len() && !lines[i].is_blank() {
        let text = lines[i].as_str().trim_end_matches('|').trim();
        if column_role(text).is_some() {
            cells.push(cell_of(&[&lines[i]]));
            i += 1;
        } else if i + 1 < lines.len()
            && column_role(&format!("{text}{}", lines[i + 1].as_str())).is_some()
            && column_role(text).is_none()
        {
            cells.push(cell_of(&[&lines[i], &lines[i + 1]]));
            i += 2;
        } else {
            break;
        }
    }
    (cells.len() >= 3).then_some((cells, i))
}

fn is_serial(line: &str, expected: u32) -> bool {
    let t = line.trim_end_matches('|').trim();
    t.parse::<u32>().ok() == Some(expected)
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
        text.push_mapped(&l.text.slice(0..t.len()));
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
    // Merged cells: take the text from the row above.
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
        let source = SourceText::new(text.to_string(), "UTF-8");
        let lines = crate::normalize::physical_lines(&source);
        let furniture = vec![false; lines.len()];
        read_flattened(&lines, 0, &furniture).expect("a table").0
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
