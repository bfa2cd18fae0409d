//! The plan: categories, projects with their units, measures, untasked items.
//!
//! A project list is read from a run of lines through its [`outline`]: the
//! project level is the level whose items carry lead-unit clauses (in the
//! same line or on the lines after it), categories are the level above it,
//! measures the level below. The same mechanism reads the seed's 附件 1
//! (一、 > （1）), its 附件 2 (一、 > （一） > 1.), and a body that lists
//! （一） categories and 1. projects with 责任单位 lines. Tables (flattened
//! or HTML) are read by their header names ([`crate::table::ColumnRole`]).

use crate::context::Context;
use crate::diagnostic::{quote, Code};
use crate::layout::{Block, Table};
use crate::lex::{self, MarkerStyle};
use crate::mapped::MappedText;
use crate::outline::{self, Outline};
use crate::source::Span;
use crate::table::{column_role, ColumnRole};
use crate::units::{self, Role};

/// A category as read.
#[derive(Debug, Clone)]
pub struct CategoryDraft {
    /// Its number.
    pub number: u32,
    /// Its name.
    pub name: String,
    /// Its declared count.
    pub declared_count: Option<u32>,
    /// Its heading.
    pub span: Span,
    /// Units its heading names for all its projects ("一、教育提升工程（6项）
    /// （牵头单位：市教育局）"); given to those that name none.
    pub units: Vec<NamesDraft>,
    /// Its groups, where the list has a level between categories and
    /// projects.
    pub subcategories: Vec<SubcategoryDraft>,
}

/// A group of projects within a category, as read.
#[derive(Debug, Clone)]
pub struct SubcategoryDraft {
    /// Its number.
    pub number: u32,
    /// Its name.
    pub name: String,
    /// Its declared count.
    pub declared_count: Option<u32>,
    /// Its heading.
    pub span: Span,
}

/// A labelled list of names as read.
#[derive(Debug, Clone)]
pub struct NamesDraft {
    /// Role from the label.
    pub role: Role,
    /// The names.
    pub names: Vec<MappedText>,
}

/// A measure as read.
#[derive(Debug, Clone)]
pub struct MeasureDraft {
    /// Its number.
    pub number: u32,
    /// Its text.
    pub text: MappedText,
}

/// A project as read.
#[derive(Debug, Clone)]
pub struct ProjectDraft {
    /// Its number.
    pub number: u32,
    /// Its category's number.
    pub category: Option<u32>,
    /// Its subcategory's number within the category.
    pub subcategory: Option<u32>,
    /// A name apart from the text (table 项目名称).
    pub name: Option<MappedText>,
    /// Its text without marker and clauses.
    pub text: MappedText,
    /// Its units and leaders.
    pub units: Vec<NamesDraft>,
    /// Its measures.
    pub measures: Vec<MeasureDraft>,
    /// Where its line starts.
    pub span: Span,
    /// Read from a per-project 实施方案 (一、`<short name>` / （一）目标任务 /
    /// （二）责任分工 / （三）推进措施): `name` is the short name, `text` the
    /// 目标任务, and the project is matched to the list's by order and number.
    pub from_plan: bool,
    /// Not in the project list, only in the measures attachment.
    pub only_in_measures: bool,
    /// Which list of the notice it is in: 0 for the first, 1 for a second
    /// list of other projects (附件2 续建项目清单) numbered from 1 again.
    pub list: u32,
    /// Units named for a group on this project's last line: "以上项目牵头
    ///单位：…" leads every project back to the last one that names its own.
    pub group_units: Vec<NamesDraft>,
    /// Its other labelled facts (a 完成时限 column).
    pub fields: Vec<FieldDraft>,
}

/// A labelled fact of a project, as read.
#[derive(Debug, Clone)]
pub struct FieldDraft {
    /// The label, blanks removed.
    pub label: String,
    /// The text under it.
    pub text: MappedText,
}

/// What one list (an attachment, a body, a table) yields.
#[derive(Debug, Clone, Default)]
pub struct ListDraft {
    /// Categories.
    pub categories: Vec<CategoryDraft>,
    /// Projects.
    pub projects: Vec<ProjectDraft>,
    /// Untasked items.
    pub untasked: Vec<MappedText>,
    /// The heading right above the list, when the list has no attachment
    /// title of its own (a 方案 printed after the signature).
    pub title: Option<String>,
    /// Rows of a project table that are no project: its total rows and
    /// rows with nothing to read, reported so no text goes silently.
    pub skipped_rows: Vec<SkippedRow>,
    /// What was read as the list's frame: a table's header rows.
    pub structure: Vec<Span>,
}

/// A table row the list does not read as a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRow {
    /// Its cells' text, parted by spaces.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: SkippedKind,
}

/// Why a table's text is no project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkippedKind {
    /// A total row (合计, 总计, 小计): the sums of the rows above.
    Total,
    /// A row with neither a 序号 with its task nor a name.
    Row,
    /// Text in a 序号 cell that is not its number (a heading that fell
    /// into the column, "7 三、平安健康").
    InSerial,
    /// Cells past the last of the header's `columns`.
    BeyondHeader {
        /// How many columns the header names.
        columns: usize,
    },
}

impl ListDraft {
    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.projects.is_empty() && self.categories.is_empty()
    }
}

/// Read the project list among `blocks` (indices of unused blocks).
/// With `require_units`, a list whose items carry no unit clause is not a
/// project list (a notice body numbers its sections the same way).
pub fn read_list(ctx: &mut Context, blocks: &[usize], require_units: bool) -> ListDraft {
    let mut draft = ListDraft::default();
    // Tables first: a project table is read by its header.
    for &b in blocks {
        if let Block::Table(t) = &ctx.blocks[b] {
            if let Some(mut tdraft) = read_table(t) {
                ctx.take(b);
                // A table continued in another (cut by a page): its
                // categories number on from the first one's.
                let last = draft.categories.last().map_or(0, |c| c.number);
                if tdraft.categories.first().is_some_and(|c| c.number <= last) {
                    for c in &mut tdraft.categories {
                        c.number += last;
                    }
                    for p in &mut tdraft.projects {
                        p.category = p.category.map(|n| n + last);
                    }
                }
                // Its first rows, before a category of its own, go on in
                // the last category of the table before (a merged 类别
                // cell cut by the page).
                let has_category_column = t.rows.first().is_some_and(|header| {
                    header
                        .iter()
                        .any(|c| column_role(c.text.as_str()) == Some(ColumnRole::Category))
                });
                if has_category_column && last > 0 {
                    for p in tdraft
                        .projects
                        .iter_mut()
                        .take_while(|p| p.category.is_none())
                    {
                        p.category = Some(last);
                    }
                }
                draft.categories.extend(tdraft.categories);
                draft.projects.extend(tdraft.projects);
                draft.untasked.extend(tdraft.untasked);
                report_skipped_rows(ctx, &tdraft.skipped_rows);
                ctx.places.structure.extend(tdraft.structure);
                for &span in &t.residue {
                    let text = ctx.source.slice(span).trim().to_string();
                    ctx.sink.report(
                        Code::UnparsedText,
                        span,
                        format!(
                            "expected a cell of the table's rows, found a line they could not place: {}",
                            quote(&text)
                        ),
                    );
                }
            }
        }
    }
    if !draft.is_empty() {
        return draft;
    }
    let lines: Vec<usize> = blocks
        .iter()
        .copied()
        .filter(|&b| ctx.line(b).is_some() && !ctx.is_used(b))
        .collect();
    let texts: Vec<&str> = lines.iter().map(|&b| ctx.text(b)).collect();
    let outline = outline::build(&texts);
    if let Some(section_level) = section_level(&outline, &texts) {
        read_sectioned(ctx, &lines, &texts, &outline, section_level, &mut draft);
        return draft;
    }
    if let Some(containers) = record_containers(&outline, &texts, require_units) {
        read_records(ctx, &lines, &texts, &outline, containers, &mut draft);
        return draft;
    }
    let Some(project_level) = project_level(&outline, &texts, require_units) else {
        return draft;
    };
    read_outline(ctx, &lines, &texts, &outline, project_level, &mut draft);
    read_untasked_notes(ctx, &lines, &outline, &mut draft);
    if require_units && !draft.projects.is_empty() {
        draft.title = take_list_heading(ctx, &lines, &outline);
    }
    draft
}

/// A heading line right above the first item of a list in the body
/// ("2024年民生实事实施方案"): short, not a sentence, not numbered.
fn take_list_heading(ctx: &mut Context, lines: &[usize], outline: &Outline) -> Option<String> {
    let first = outline.items.first()?.line;
    let &last = outline.preamble.last()?;
    if last + 1 != first || ctx.is_used(lines[last]) {
        return None;
    }
    let text = ctx.text(lines[last]);
    let heading = text.chars().count() <= 40
        && !text.ends_with(['。', '；', '：', '，', '）'])
        && lex::marker(text).is_none()
        && !lex::is_title(text);
    if !heading {
        return None;
    }
    ctx.take_as_structure(lines[last]);
    Some(text.to_string())
}

/// A line that holds a lead-unit clause (on its own or after the text).
fn has_clause(text: &str) -> bool {
    !units::find_clauses(text).is_empty()
}

/// The item's own lines (its line and the unnumbered ones after it) hold a
/// lead-unit clause.
fn names_units(item: &outline::Item, texts: &[&str]) -> bool {
    std::iter::once(item.line)
        .chain(item.continuation.iter().copied())
        .any(|l| has_clause(texts[l]))
}

/// Runs of consecutive clause lines among `lines` (a 牵头单位 line and a
/// 责任单位 line under one project are one run).
fn clause_runs(lines: impl Iterator<Item = usize>, texts: &[&str]) -> usize {
    let mut runs = 0;
    let mut inside = false;
    for l in lines {
        let clause = has_clause(texts[l]);
        if clause && !inside {
            runs += 1;
        }
        inside = clause;
    }
    runs
}

/// Where projects are records without numbers (a title line, a paragraph or
/// two, then "责任单位：…"): the runs that hold them. `Some(None)` is the
/// whole list before any numbered item; `Some(Some(level))` the items of
/// `level` whose unnumbered lines hold two or more records each on average,
/// with no deeper level carrying clauses.
fn record_containers(
    outline: &Outline,
    texts: &[&str],
    require_units: bool,
) -> Option<Option<usize>> {
    let runs_of = |item: &outline::Item| clause_runs(item.continuation.iter().copied(), texts);
    // Records have no numbers: numbered lines the outline did not take
    // ("35）" in an excerpt) are not records.
    let numbered = |lines: &[usize]| lines.iter().any(|&l| lex::marker(texts[l]).is_some());
    if numbered(&outline.preamble) || outline.items.iter().any(|it| numbered(&it.continuation)) {
        return None;
    }
    if outline.items.is_empty() {
        let runs = clause_runs(outline.preamble.iter().copied(), texts);
        let needed = if require_units { 3 } else { 2 };
        return (runs >= needed).then_some(None);
    }
    let carries = |level: usize| {
        outline
            .at_level(level)
            .any(|(_, it)| has_clause(texts[it.line]) || runs_of(it) > 0)
    };
    let level = (0..outline.levels.len()).find(|&l| carries(l))?;
    if (level + 1..outline.levels.len()).any(carries) {
        return None;
    }
    let holders: Vec<usize> = outline
        .at_level(level)
        .map(|(_, it)| runs_of(it))
        .filter(|&r| r > 0)
        .collect();
    let total: usize = holders.iter().sum();
    (total >= 2 && total * 10 >= holders.len() * 15).then_some(Some(level))
}

/// Read records delimited by their clause lines. Each record runs from the
/// line after the previous record (or its container's heading) to its last
/// clause line; a short first line of a record of several lines is its name.
fn read_records(
    ctx: &mut Context,
    lines: &[usize],
    texts: &[&str],
    outline: &Outline,
    containers: Option<usize>,
    draft: &mut ListDraft,
) {
    let mut runs: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    match containers {
        None => runs.push((None, outline.preamble.clone())),
        Some(level) => {
            for (index, item) in outline.at_level(level) {
                runs.push((Some(index), item.continuation.clone()));
            }
        }
    }
    let holders = runs
        .iter()
        .filter(|(_, run)| clause_runs(run.iter().copied(), texts) > 0)
        .count();
    let mut number = 0;
    for (container, run) in runs {
        if clause_runs(run.iter().copied(), texts) == 0 {
            continue;
        }
        // The container is a category where it counts its items or where
        // there are several of them.
        let category = container.and_then(|index| {
            let item = &outline.items[index];
            let block = lines[item.line];
            let (name, count) = lex::split_count(&ctx.text(block)[item.marker.len..]);
            if count.is_none() && holders < 2 {
                return None;
            }
            draft.categories.push(CategoryDraft {
                number: item.marker.number,
                name: name.to_string(),
                declared_count: count,
                span: ctx.blocks[block].span(),
                units: Vec::new(),
                subcategories: Vec::new(),
            });
            ctx.take(block);
            Some(item.marker.number)
        });
        let mut pending: Vec<usize> = Vec::new();
        let mut k = 0;
        while k < run.len() {
            let l = run[k];
            if !has_clause(texts[l]) {
                pending.push(l);
                k += 1;
                continue;
            }
            // The record's clause lines: this one and those right after it,
            // with its timetable among them ("责任主体：…" / "责任领导：…" /
            // "完成时限：…"), which ends a record, never starts one.
            let mut clause_lines = vec![l];
            while k + 1 < run.len()
                && (has_clause(texts[run[k + 1]]) && strip_is_empty(texts, run[k + 1])
                    || is_schedule_field(texts[run[k + 1]]))
            {
                k += 1;
                clause_lines.push(run[k]);
            }
            k += 1;
            number += 1;
            draft.projects.push(read_record(
                ctx,
                lines,
                &pending,
                &clause_lines,
                number,
                category,
            ));
            pending.clear();
        }
    }
}

/// A project's timetable on its own line ("完成时限：2025年11月底").
fn is_schedule_field(text: &str) -> bool {
    lex::is_field_line(text)
        && text
            .split_once('：')
            .is_some_and(|(label, _)| plan_section(label) == Some(PlanSection::Schedule))
}

/// True when a line is a clause and nothing else ("责任单位：区教育局").
fn strip_is_empty(texts: &[&str], l: usize) -> bool {
    let clauses = units::find_clauses(texts[l]);
    let covered: usize = clauses.iter().map(|c| c.range.len()).sum();
    texts[l].len() - covered <= "。".len()
}

fn read_record(
    ctx: &mut Context,
    lines: &[usize],
    pending: &[usize],
    clause_lines: &[usize],
    number: u32,
    category: Option<u32>,
) -> ProjectDraft {
    let first = pending
        .first()
        .or(clause_lines.first())
        .copied()
        .unwrap_or(0);
    // A record whose first line is numbered out of the outline's sequence
    // ("35）" in an excerpt) keeps its printed number.
    let printed = lex::marker(ctx.text(lines[first]));
    let number = printed.map_or(number, |m| m.number);
    let mut name = None;
    let mut body = pending;
    if pending.len() >= 2 && printed.is_none() {
        let title = ctx.text(lines[pending[0]]);
        if title.chars().count() <= 30 && !title.ends_with(['。', '；', '，']) {
            name = ctx.line(lines[pending[0]]).map(|l| l.text.clone());
            body = &pending[1..];
        }
    }
    let mut text = MappedText::new();
    let mut units = Vec::new();
    for &l in body.iter().chain(clause_lines) {
        let Some(line) = ctx.line(lines[l]) else {
            continue;
        };
        let skip = match printed {
            Some(m) if l == first => m.len,
            _ => 0,
        };
        let (rest, found) = strip_clauses(&line.text.slice(skip..line.text.len()));
        units.extend(found);
        text.push_mapped(&rest);
    }
    for &l in pending.iter().chain(clause_lines) {
        ctx.take(lines[l]);
    }
    let block = lines[first];
    let text = text.trim();
    let (text, name) = if text.is_empty() {
        (name.unwrap_or_default(), None)
    } else {
        (text, name)
    };
    ProjectDraft {
        number,
        category,
        subcategory: None,
        name,
        text,
        units,
        measures: Vec::new(),
        span: ctx.blocks[block].span(),
        from_plan: false,
        only_in_measures: false,
        list: 0,
        group_units: Vec::new(),
        fields: Vec::new(),
    }
}

/// What a sub-heading of a per-project 实施方案 announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PlanSection {
    /// 目标任务 / 工作目标 / 建设内容: the project's task statement.
    Task,
    /// 责任分工 / 责任单位: its units and leaders.
    Responsibility,
    /// 推进措施 / 工作措施 / 保障措施: its measures.
    Measures,
    /// 完成时限 / 时间安排 and the like: the project's timetable.
    Schedule,
}

/// The section a heading (after its marker) announces, if it is one of the
/// standard parts of an implementation plan.
fn plan_section(heading: &str) -> Option<PlanSection> {
    const SECTIONS: [(&str, PlanSection); 22] = [
        ("目标任务", PlanSection::Task),
        ("工作目标", PlanSection::Task),
        ("主要目标", PlanSection::Task),
        ("任务目标", PlanSection::Task),
        ("建设内容", PlanSection::Task),
        ("实施内容", PlanSection::Task),
        ("项目内容", PlanSection::Task),
        ("项目安排", PlanSection::Task),
        ("主要内容", PlanSection::Task),
        ("责任分工", PlanSection::Responsibility),
        ("责任单位", PlanSection::Responsibility),
        ("职责分工", PlanSection::Responsibility),
        ("组织领导", PlanSection::Responsibility),
        ("推进措施", PlanSection::Measures),
        ("工作措施", PlanSection::Measures),
        ("主要措施", PlanSection::Measures),
        ("具体措施", PlanSection::Measures),
        ("保障措施", PlanSection::Measures),
        ("实施步骤", PlanSection::Measures),
        ("完成时限", PlanSection::Schedule),
        ("时间安排", PlanSection::Schedule),
        ("进度安排", PlanSection::Schedule),
    ];
    let heading = heading.trim_start();
    SECTIONS
        .iter()
        .find(|(word, _)| heading.starts_with(word))
        .map(|&(_, section)| section)
}

/// Where a section heading's own content starts (after "：", or after the
/// section word), if it has any.
fn section_content_start(heading: &str) -> Option<usize> {
    if let Some(colon) = heading.find('：') {
        return Some(colon + '：'.len_utf8());
    }
    let word = heading
        .char_indices()
        .nth(4)
        .map_or(heading.len(), |(i, _)| i);
    (word < heading.len()).then_some(word)
}

/// The level of a notice's per-project implementation plans: a level (not
/// the outermost) at least two thirds of whose items are plan sections, in
/// at least two parents. Their parents are then the projects.
fn section_level(outline: &Outline, texts: &[&str]) -> Option<usize> {
    (1..outline.levels.len()).find(|&level| {
        let items: Vec<&outline::Item> = outline.at_level(level).map(|(_, it)| it).collect();
        let sections = items
            .iter()
            .filter(|it| plan_section(&texts[it.line][it.marker.len..]).is_some())
            .count();
        let parents: std::collections::BTreeSet<Option<usize>> =
            items.iter().map(|it| it.parent).collect();
        items.len() >= 2 && sections * 3 >= items.len() * 2 && parents.len() >= 2
    })
}

/// Read projects written as implementation plans: each item one level above
/// `section_level` is a project whose heading is its short name, whose
/// sections give its task, units and measures.
fn read_sectioned(
    ctx: &mut Context,
    lines: &[usize],
    texts: &[&str],
    outline: &Outline,
    section_level: usize,
    draft: &mut ListDraft,
) {
    let project_level = section_level - 1;
    let category_level = project_level.checked_sub(1);
    for (index, item) in outline.items.iter().enumerate() {
        if Some(item.level) == category_level {
            read_category(ctx, lines, texts, outline, index, draft);
            continue;
        }
        if item.level != project_level {
            continue;
        }
        let category = category_level
            .and_then(|l| outline.ancestor_at(index, l))
            .map(|c| outline.items[c].marker.number);
        let block = lines[item.line];
        ctx.take(block);
        let heading = ctx.line(block).expect("outline lines are lines");
        let name = heading
            .text
            .slice(item.marker.len..heading.text.len())
            .trim();
        let mut text = MappedText::new();
        let mut units = Vec::new();
        let mut measures = Vec::new();
        let mut fields = Vec::new();
        for child in outline.children(index) {
            let section = &outline.items[child];
            let line = ctx
                .line(lines[section.line])
                .expect("outline lines are lines");
            let Some(kind) = plan_section(&line.as_str()[section.marker.len..]) else {
                continue;
            };
            // "（四）完成时限：2025年12月底前。": the section's own line may
            // carry its content after the colon.
            // or after the section word when a page break glued the next line on.
            let content_start = section_content_start(&line.as_str()[section.marker.len..])
                .map(|c| section.marker.len + c);
            let own = content_start.map(|c| line.text.slice(c..line.text.len()).trim());
            // The heading ("（一）项目安排") frames what the section holds.
            let heading_span = line
                .text
                .span_of(0..content_start.unwrap_or(line.text.len()));
            ctx.places.structure.push(heading_span);
            ctx.take(lines[section.line]);
            // Each piece with the block it comes from (None: the heading's own line).
            let mut pieces: Vec<(Option<usize>, MappedText)> = own
                .into_iter()
                .filter(|t| !t.is_empty())
                .map(|t| (None, t))
                .collect();
            for &l in &section.continuation {
                if let Some(x) = ctx.line(lines[l]) {
                    pieces.push((Some(lines[l]), x.text.clone()));
                }
            }
            match kind {
                PlanSection::Schedule => {
                    // "（四）完成时限：2025年12月底前。": a field of its own.
                    // The label is the heading up to its content ("完成时限："
                    // or the section word a page break glued the next line to).
                    let heading_end = content_start.unwrap_or(line.as_str().len());
                    let heading = &line.as_str()[section.marker.len..heading_end];
                    let label = heading.trim_end_matches(['：', ':']);
                    let mut value = MappedText::new();
                    for (block, piece) in &pieces {
                        if let Some(b) = block {
                            ctx.take(*b);
                        }
                        value.push_mapped(piece);
                    }
                    let value = value.trim();
                    if value.is_empty() {
                        continue;
                    }
                    fields.push(FieldDraft {
                        label: label.chars().filter(|c| !c.is_whitespace()).collect(),
                        text: value,
                    });
                }
                PlanSection::Task => {
                    for (block, piece) in &pieces {
                        if let Some(b) = block {
                            ctx.take(*b);
                        }
                        let (rest, found) = strip_clauses(piece);
                        units.extend(found);
                        text.push_mapped(&rest);
                    }
                }
                PlanSection::Responsibility => {
                    for (block, piece) in &pieces {
                        let (_, found) = strip_clauses(piece);
                        if found.is_empty() {
                            continue; // not a clause: left to be reported
                        }
                        if let Some(b) = block {
                            ctx.take(*b);
                        }
                        units.extend(found);
                    }
                }
                PlanSection::Measures => {
                    measures.extend(measures_of(ctx, lines, outline, &outline.children(child)));
                    if measures.is_empty() {
                        for (block, piece) in pieces {
                            if let Some(b) = block {
                                ctx.take(b);
                            }
                            push_loose_measures(&mut measures, piece);
                        }
                    }
                }
            }
        }
        draft.projects.push(ProjectDraft {
            number: item.marker.number,
            category,
            subcategory: None,
            name: Some(name),
            text: text.trim(),
            units,
            measures,
            span: ctx.blocks[block].span(),
            from_plan: true,
            only_in_measures: false,
            list: 0,
            group_units: Vec::new(),
            fields,
        });
    }
}

/// Measures written as paragraphs: one per paragraph, or the 一是/二是 items
/// inside one.
fn push_loose_measures(measures: &mut Vec<MeasureDraft>, m: MappedText) {
    let items = lex::inline_items(m.as_str());
    if items.is_empty() {
        // One numbered line ("2.严把培训质量…") keeps its number.
        let (number, text) = match lex::marker(m.as_str()) {
            Some(marker) => (marker.number, m.slice(marker.len..m.len()).trim()),
            None => (measures.len() as u32 + 1, m),
        };
        measures.push(MeasureDraft { number, text });
        return;
    }
    for (number, range) in items {
        measures.push(MeasureDraft {
            number,
            text: m.slice(range).trim(),
        });
    }
}

/// The level whose items carry unit clauses; without any clause, the level
/// under a level of counted categories, or the outermost.
fn project_level(outline: &Outline, texts: &[&str], require_units: bool) -> Option<usize> {
    let mut with_units = vec![0usize; outline.levels.len()];
    let sub_levels = sub_item_levels(outline, texts);
    for (index, item) in outline.items.iter().enumerate() {
        // A counted heading over items ("一、教育提升工程（6项）（牵头单位：
        // 市教育局）") is a category, whatever units it names.
        if !outline.children(index).is_empty()
            && is_counted_heading(texts[item.line], item.marker.len)
        {
            continue;
        }
        let has_units = names_units(item, texts);
        // A clause after a project's last sub-item is the project's.
        // So is one after its last measure, where it announces them
        // ("推进措施：" / "1.…" "2.…" / "完成时限：…" / "责任单位：…").
        let level = match item.parent {
            Some(p)
                if (sub_levels.contains(&item.level) || announces_measures(outline, texts, p))
                    && closes_parent(outline, texts, index, p) =>
            {
                outline.items[p].level
            }
            _ => item.level,
        };
        if has_units {
            with_units[level] += 1;
        }
    }
    let best = (0..with_units.len()).max_by_key(|&l| (with_units[l], std::cmp::Reverse(l)));
    match best {
        Some(l) if with_units[l] > 0 => Some(l),
        _ if require_units || outline.levels.is_empty() => None,
        // "一、项目内容" / "二、责任分工" / "三、保障措施": the outer level is
        // the parts of a plan, the items within them its projects.
        _ if outline.levels.len() > 1 && sections_at_top(outline, texts) => Some(1),
        _ => {
            let counted = outline.at_level(0).any(|(_, it)| {
                lex::split_count(&texts[it.line][it.marker.len..])
                    .1
                    .is_some()
            });
            Some(
                if (counted || numbers_run_on(outline, 1)) && outline.levels.len() > 1 {
                    1
                } else {
                    0
                },
            )
        }
    }
}

/// The outermost items are mostly the standard parts of a plan (项目内容,
/// 责任分工, 保障措施), one of them its task.
fn sections_at_top(outline: &Outline, texts: &[&str]) -> bool {
    let sections: Vec<Option<PlanSection>> = outline
        .at_level(0)
        .map(|(_, it)| plan_section(&texts[it.line][it.marker.len..]))
        .collect();
    let known = sections.iter().filter(|s| s.is_some()).count();
    known >= 2 && known * 3 >= sections.len() * 2 && sections.contains(&Some(PlanSection::Task))
}

/// Levels that read as sub-items of the level above: their numbering
/// restarts under each parent ("1.稳岗扩岗促就业" / "（1）…" "（2）…"), while
/// the parents' own numbering runs on, across theirs (projects 1–12 across
/// the categories 一、二、…) or with some of them naming their own units,
/// as a list numbers its projects.
fn sub_item_levels(outline: &Outline, texts: &[&str]) -> Vec<usize> {
    (1..outline.levels.len())
        .filter(|&level| {
            let parent_level = level - 1;
            let restarts = outline.at_level(parent_level).all(|(i, _)| {
                outline
                    .children(i)
                    .first()
                    .is_none_or(|&c| outline.items[c].marker.number == 1)
            });
            let mut previous: Option<u32> = None;
            let runs_on = outline.at_level(parent_level).all(|(_, it)| {
                let ok = previous.is_none_or(|p| it.marker.number == p + 1);
                previous = Some(it.marker.number);
                ok
            });
            let spans_parents = outline
                .at_level(parent_level)
                .filter_map(|(_, it)| it.parent)
                .collect::<std::collections::BTreeSet<_>>()
                .len()
                > 1;
            // Or some parents name their own units: they are projects, as
            // categories never are.
            let own_units = || {
                outline
                    .at_level(parent_level)
                    .any(|(_, it)| names_units(it, texts))
            };
            restarts && runs_on && (spans_parents || own_units())
        })
        .collect()
}

/// The items of `level` are numbered on across the headings above them
/// (一、就业 1. 2. / 二、养老 3. 4.): a list's projects under its
/// categories, not parts of each heading, which would start at 1 again.
fn numbers_run_on(outline: &Outline, level: usize) -> bool {
    let mut previous: Option<u32> = None;
    let mut parents = std::collections::BTreeSet::new();
    let runs_on = outline.at_level(level).all(|(_, it)| {
        let ok = previous.is_none_or(|p| it.marker.number == p + 1);
        previous = Some(it.marker.number);
        parents.insert(it.parent);
        ok
    });
    runs_on && parents.len() > 1 && previous.is_some()
}

/// The heading after its marker declares a count, its clauses aside.
fn is_counted_heading(line: &str, marker_len: usize) -> bool {
    let heading = &line[marker_len..];
    let text = match units::find_clauses(heading).first() {
        Some(clause) => &heading[..clause.range.start],
        None => heading,
    };
    lex::split_count(text.trim_end()).1.is_some()
}

/// The item's own lines hold a measures header ("推进措施：").
fn announces_measures(outline: &Outline, texts: &[&str], index: usize) -> bool {
    outline.items[index]
        .continuation
        .iter()
        .any(|&l| lex::measures_header(texts[l]))
}

/// The lines at the end of the last descendant of `index` that are the
/// project's own, not its last measure's: its clause and field lines
/// ("完成时限：2024年9月", "责任单位：区教育局").
fn closing_lines(outline: &Outline, texts: &[&str], index: usize) -> Vec<usize> {
    let Some(&last) = descendants(outline, index).last() else {
        return Vec::new();
    };
    let continuation = &outline.items[last].continuation;
    let keep = continuation
        .iter()
        .rev()
        .take_while(|&&l| strip_is_empty(texts, l) || lex::is_field_line(texts[l]))
        .count();
    let closing = &continuation[continuation.len() - keep..];
    // Only where a clause is among them.
    if closing.iter().any(|&l| strip_is_empty(texts, l)) {
        closing.to_vec()
    } else {
        Vec::new()
    }
}

/// The item `index` is the last sub-item of `parent` and ends with a line
/// that is a clause and nothing else ("责任主体：区人社局").
fn closes_parent(outline: &Outline, texts: &[&str], index: usize, parent: usize) -> bool {
    let item = &outline.items[index];
    outline.children(parent).last() == Some(&index)
        && item
            .continuation
            .last()
            .is_some_and(|&l| strip_is_empty(texts, l))
}

fn read_outline(
    ctx: &mut Context,
    lines: &[usize],
    texts: &[&str],
    outline: &Outline,
    project_level: usize,
    draft: &mut ListDraft,
) {
    let (category_level, subcategory_level) = group_levels(outline, texts, project_level);
    // Where projects carry clauses, a group none of whose items does is a
    // section of the notice numbered the same way (三、保障措施 with its
    // （一）（二）), not a category of projects.
    // Its own lines carry one, or the lines after its last measure or
    // sub-item do (they are its own, see `closing_lines`).
    let carries = |index: usize| {
        let item = &outline.items[index];
        names_units(item, texts)
            || (item.level == project_level && !closing_lines(outline, texts, index).is_empty())
    };
    let any_carries = outline.at_level(project_level).any(|(i, _)| carries(i));
    let carrying: Vec<bool> = (0..outline.items.len()).map(carries).collect();
    // Numbered parts of a project's task ("（1）…（2）…" then its clause),
    // not its measures.
    let sub_items = sub_item_levels(outline, texts).contains(&(project_level + 1));
    let skipped_groups: std::collections::BTreeSet<usize> = outline
        .items
        .iter()
        .enumerate()
        .filter(|(i, it)| {
            // Or, where none does, a part of a plan that is not its task
            // (二、责任分工, 三、保障措施).
            let other_part = || {
                matches!(
                    plan_section(&ctx.text(lines[it.line])[it.marker.len..]),
                    Some(
                        PlanSection::Responsibility | PlanSection::Measures | PlanSection::Schedule
                    )
                )
            };
            (any_carries || other_part())
                && Some(it.level) == category_level
                && !carrying[*i]
                && !outline.children(*i).iter().any(|&c| {
                    carrying[c]
                        || (Some(outline.items[c].level) == subcategory_level
                            && outline.children(c).iter().any(|&g| carrying[g]))
                })
                && {
                    // A counted heading (十二、…无任务（15项）) is a category,
                    // unless it lists the candidates voted on.
                    let heading = &ctx.text(lines[it.line])[it.marker.len..];
                    (lex::split_count(heading).1.is_none() || is_candidates_heading(heading))
                        && !is_untasked_heading(heading)
                }
        })
        .map(|(i, _)| i)
        .collect();
    for &index in &skipped_groups {
        report_candidates(ctx, lines, outline, index);
    }
    for (index, item) in outline.items.iter().enumerate() {
        if skipped_groups.contains(&index) {
            continue;
        }
        let in_section = category_level
            .and_then(|l| outline.ancestor_at(index, l))
            .is_some_and(|c| skipped_groups.contains(&c));
        if in_section {
            continue;
        }
        let in_category = category_level.and_then(|l| outline.ancestor_at(index, l));
        if Some(item.level) == category_level {
            read_category(ctx, lines, texts, outline, index, draft);
        } else if Some(item.level) == subcategory_level && in_category.is_some() {
            read_subcategory(ctx, lines, outline, index, draft);
        } else if item.level == project_level {
            let category = in_category.map(|c| outline.items[c].marker.number);
            let mut project = read_project(ctx, lines, texts, outline, index, category, sub_items);
            project.subcategory = subcategory_level
                .and_then(|l| outline.ancestor_at(index, l))
                .filter(|&g| outline.ancestor_at(g, category_level.unwrap_or(0)) == in_category)
                .map(|g| outline.items[g].marker.number);
            // "3、实施…行动，由市人社局统筹实施，我区无具体任务。": an item
            // the place has no task in, listed among the projects.
            if project.units.is_empty() && says_untasked(project.text.as_str()) {
                let s = project.text.as_str();
                let end = s.find(['，', '。', '；']).unwrap_or(s.len());
                draft.untasked.push(project.text.slice(0..end).trim());
                // The rest says why: read as the item's frame.
                let reason = project.text.slice(end..s.len());
                ctx.places.structure.extend(crate::places::runs(&reason));
                continue;
            }
            let group = std::mem::take(&mut project.group_units);
            draft.projects.push(project);
            give_group_units(&mut draft.projects, group);
        }
        if item.expected.is_some() && item.level <= project_level + 1 {
            report_gap(ctx, lines, outline, index);
        }
    }
    spread_category_measures(&mut draft.projects);
    // A category's units go to its projects that name none.
    let categories = &draft.categories;
    for p in draft.projects.iter_mut().filter(|p| p.units.is_empty()) {
        if let Some(c) = categories
            .iter()
            .find(|c| Some(c.number) == p.category && !c.units.is_empty())
        {
            p.units = c.units.clone();
        }
    }
    assign_units(ctx, lines, draft);
}

/// Measures printed once per category, after its last project ("4.…" /
/// "推进措施：" / "（1）…" then "二、…"): where in every category of two
/// projects or more only the last has measures, and two categories or more
/// are so, they are the category's, and each of its projects has them.
fn spread_category_measures(projects: &mut [ProjectDraft]) {
    let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
    for (k, p) in projects.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if p.category.is_some() && projects[g.start].category == p.category => {
                g.end = k + 1
            }
            _ => groups.push(k..k + 1),
        }
    }
    let with_measures =
        |g: &std::ops::Range<usize>| projects[g.clone()].iter().any(|p| !p.measures.is_empty());
    let last_only = |g: &std::ops::Range<usize>| {
        let (last, rest) = projects[g.clone()]
            .split_last()
            .expect("groups are not empty");
        !last.measures.is_empty() && rest.iter().all(|p| p.measures.is_empty())
    };
    let multi: Vec<&std::ops::Range<usize>> = groups
        .iter()
        .filter(|g| g.len() >= 2 && projects[g.start].category.is_some() && with_measures(g))
        .collect();
    if multi.len() < 2 || !multi.iter().all(|g| last_only(g)) {
        return;
    }
    for g in multi.into_iter().cloned().collect::<Vec<_>>() {
        let measures = projects[g.end - 1].measures.clone();
        for p in &mut projects[g.start..g.end - 1] {
            p.measures = measures.clone();
        }
    }
}

/// The levels that group the projects: categories, and subcategories where
/// the list has two levels above its projects and the outer one divides
/// them ("一、就业增收（5项）" / "（一）稳岗扩岗（3项）" / "1.…"). The outer
/// level is the categories where it holds the projects in two groups or
/// more and counts them as the inner one does, or the inner one does not
/// count; a lone outer heading ("二、主要任务") is the section the list
/// stands in, and a level that counts over one that does not is the one a
/// reader takes for the categories.
fn group_levels(
    outline: &Outline,
    texts: &[&str],
    project_level: usize,
) -> (Option<usize>, Option<usize>) {
    let Some(inner) = project_level.checked_sub(1) else {
        return (None, None);
    };
    let Some(outer) = inner.checked_sub(1) else {
        return (Some(inner), None);
    };
    let holds_projects = |index: usize| {
        descendants(outline, index)
            .iter()
            .any(|&d| outline.items[d].level == project_level)
    };
    let holders = outline
        .at_level(outer)
        .filter(|&(i, _)| holds_projects(i))
        .count();
    let counts = |level: usize| {
        outline
            .at_level(level)
            .any(|(_, it)| is_counted_heading(texts[it.line], it.marker.len))
    };
    // The inner groups sit under the outer ones, not beside them.
    let nested = outline
        .at_level(inner)
        .all(|(i, _)| outline.ancestor_at(i, outer).is_some());
    if holders >= 2 && nested && (counts(outer) || !counts(inner)) {
        (Some(outer), Some(inner))
    } else {
        (Some(inner), None)
    }
}

/// A subcategory heading ("（一）稳岗扩岗（3项）"): to the category it is in,
/// the last one read.
fn read_subcategory(
    ctx: &mut Context,
    lines: &[usize],
    outline: &Outline,
    index: usize,
    draft: &mut ListDraft,
) {
    let item = &outline.items[index];
    let block = lines[item.line];
    let Some(category) = draft.categories.last_mut() else {
        return;
    };
    let heading = &ctx.text(block)[item.marker.len..];
    let (name, count) = lex::split_count(heading);
    category.subcategories.push(SubcategoryDraft {
        number: item.marker.number,
        name: name.to_string(),
        declared_count: count,
        span: ctx.blocks[block].span(),
    });
    ctx.take(block);
}

/// A group's units ("以上项目牵头单位：…" after the last of them) go to the
/// last project and those before it in its category that name none.
fn give_group_units(projects: &mut [ProjectDraft], group: Vec<NamesDraft>) {
    let Some(last) = projects.last() else { return };
    if group.is_empty() {
        return;
    }
    let category = last.category;
    let n = projects.len();
    for (k, p) in projects.iter_mut().enumerate().rev() {
        if p.category != category || (k + 1 < n && !p.units.is_empty()) {
            break;
        }
        p.units.extend(group.iter().cloned());
    }
}

/// The heading of such a table: "…责任分工表", "项目序号—牵头单位".
fn is_assignment_heading(line: &str) -> bool {
    line.ends_with("分工表")
        || (line.starts_with("项目序号")
            && units::clause_label(&format!(
                "{}：",
                line.trim_start_matches("项目序号")
                    .trim_start_matches(['—', '－', '-', '–'])
            ))
            .is_some())
}

/// Units given by number in a table after the list ("1—区民政局"): to the
/// projects of those numbers that name none. Its heading says their role
/// (牵头单位: they lead).
fn assign_units(ctx: &mut Context, lines: &[usize], draft: &mut ListDraft) {
    let mut role = Role::Responsible;
    for &b in lines {
        if ctx.is_used(b) {
            continue;
        }
        let Some(line) = ctx.line(b) else { continue };
        let text = line.as_str();
        if is_assignment_heading(text) {
            if text.contains("牵头") {
                role = Role::Lead;
            }
            continue;
        }
        // "二、责任分工第1项由…": after a section heading the paragraph
        // joined to it.
        let at = lex::marker(text)
            .filter(|m| plan_section(&text[m.len..]) == Some(PlanSection::Responsibility))
            .and_then(|m| section_content_start(&text[m.len..]).map(|c| m.len + c))
            .unwrap_or(0);
        let assignments = units::assignments(&text[at..]);
        if !assignments.is_empty() {
            let body = line.text.slice(at..line.text.len());
            give_assignments(draft, &body, assignments);
            ctx.take(b);
            continue;
        }
        let Some((number, units)) = units::numbered_units(text) else {
            continue;
        };
        let Some(project) = draft
            .projects
            .iter_mut()
            .find(|p| p.number == number && p.units.is_empty())
        else {
            continue;
        };
        let at = text.len() - units.len();
        let names = split_unit_cell(units)
            .into_iter()
            .map(|r| line.text.slice(at + r.start..at + r.end))
            .collect();
        project.units.push(NamesDraft { role, names });
        ctx.take(b);
    }
}

/// "第2、3项由市卫生健康局牵头负责，市妇联配合": the lists to the projects
/// of those numbers that name none.
fn give_assignments(draft: &mut ListDraft, line: &MappedText, assignments: Vec<units::Assignment>) {
    for a in assignments {
        let names: Vec<NamesDraft> = a
            .lists
            .iter()
            .map(|l| NamesDraft {
                role: l.role,
                names: l.names.iter().map(|r| line.slice(r.clone())).collect(),
            })
            .collect();
        for p in draft
            .projects
            .iter_mut()
            .filter(|p| a.numbers.contains(&p.number) && p.units.is_empty())
        {
            p.units = names.clone();
        }
    }
}

fn report_gap(ctx: &mut Context, lines: &[usize], outline: &Outline, index: usize) {
    let item = &outline.items[index];
    let Some(expected) = item.expected else {
        return;
    };
    let block = lines[item.line];
    let span = ctx.blocks[block].span();
    let owner = item
        .parent
        .map(|p| {
            let parent = &outline.items[p];
            format!(
                " under {}",
                marker_text(ctx.text(lines[parent.line]), parent.marker.len)
            )
        })
        .unwrap_or_default();
    let missing = if expected + 1 == item.marker.number {
        format!("number {expected} is missing")
    } else {
        format!("numbers {expected}–{} are missing", item.marker.number - 1)
    };
    ctx.sink.report(
        Code::NumberingGap,
        span,
        format!(
            "expected item {expected}{owner}, found {}: {missing}",
            marker_text(ctx.text(block), item.marker.len),
        ),
    );
}

fn marker_text(text: &str, len: usize) -> String {
    text.get(..len).unwrap_or(text).to_string()
}

fn read_category(
    ctx: &mut Context,
    lines: &[usize],
    texts: &[&str],
    outline: &Outline,
    index: usize,
    draft: &mut ListDraft,
) {
    let item = &outline.items[index];
    let block = lines[item.line];
    let has_projects = !outline.children(index).is_empty();
    // A clause on the heading, or on a line of its own under it, names the
    // units of the category's projects.
    let (heading_text, mut units) = match ctx.line(block) {
        Some(l) => strip_clauses(&l.text.slice(item.marker.len..l.text.len())),
        None => (MappedText::new(), Vec::new()),
    };
    // "（一）就业增收。" (a heading as a report's paragraph starts): the
    // full stop ends the heading, it is not the name's.
    let heading = heading_text.as_str().trim_end_matches('。');
    let (name, count) = lex::split_count(heading);
    let continuation: Vec<usize> = item.continuation.iter().map(|&l| lines[l]).collect();
    let untasked = !has_projects && is_untasked_heading(name);
    // "四、我县无具体任务的项目分别为：A、B。": the list on the heading's line.
    let (name, listed_here) = match name.find('：') {
        Some(colon) if untasked => {
            let head = &name[..colon];
            (head.strip_suffix("分别为").unwrap_or(head), true)
        }
        _ => (name, false),
    };
    if !has_projects && count.is_none() && !untasked {
        return; // a numbered paragraph, not a category
    }
    ctx.take(block);
    let clause_lines: Vec<usize> = item
        .continuation
        .iter()
        .copied()
        .take_while(|&l| strip_is_empty(texts, l))
        .collect();
    for l in clause_lines {
        if let Some(line) = ctx.line(lines[l]) {
            units.extend(strip_clauses(&line.text).1);
        }
        ctx.take(lines[l]);
    }
    draft.categories.push(CategoryDraft {
        number: item.marker.number,
        name: name.to_string(),
        declared_count: count,
        span: ctx.blocks[block].span(),
        units,
        subcategories: Vec::new(),
    });
    if untasked {
        if listed_here {
            let line = &ctx.blocks[block];
            if let Block::Line(l) = line {
                let text = l.text.slice(item.marker.len..l.text.as_str().len());
                draft
                    .untasked
                    .extend(untasked_items(&text, &mut ctx.places.structure));
            }
        }
        for b in continuation {
            if let Some(line) = ctx.line(b) {
                draft
                    .untasked
                    .extend(untasked_items(&line.text, &mut ctx.places.structure));
                ctx.take(b);
            }
        }
    }
}

/// A heading of the items the place has no task in: "瑶海区无任务",
/// "我县无具体任务的项目", "不涉及", "不承担任务".
/// A note after the list that names the items the place has no task in
/// ("注：省民生实事中“A”“B”2项，我县无任务。"): its quoted names are the
/// untasked items, and the note is taken. Other notes are the document's.
fn read_untasked_notes(
    ctx: &mut Context,
    lines: &[usize],
    outline: &Outline,
    draft: &mut ListDraft,
) {
    for &l in &outline.notes {
        let Some(line) = ctx.line(lines[l]) else {
            continue;
        };
        if !says_untasked(line.as_str()) {
            continue;
        }
        let quoted = quoted_names(&line.text);
        if quoted.is_empty() {
            continue;
        }
        draft.untasked.extend(quoted);
        ctx.take(lines[l]);
    }
}

/// The texts in “…” quotes.
fn quoted_names(text: &MappedText) -> Vec<MappedText> {
    let s = text.as_str();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = s[at..].find('“') {
        let start = at + open + '“'.len_utf8();
        let Some(close) = s[start..].find('”') else {
            break;
        };
        if close > 0 {
            out.push(text.slice(start..start + close));
        }
        at = start + close + '”'.len_utf8();
    }
    out
}

/// "一、2025年区政府民生实事候选项目（15个）": the candidates a 人大 voted
/// on, of which the plan is those chosen.
fn is_candidates_heading(name: &str) -> bool {
    name.contains("候选")
}

/// A group of candidates, beside the list of those chosen: kept out of the
/// plan, its lines taken and named by one `not-a-project-list` note.
fn report_candidates(ctx: &mut Context, lines: &[usize], outline: &Outline, index: usize) {
    let item = &outline.items[index];
    let heading = &ctx.text(lines[item.line])[item.marker.len..];
    if !is_candidates_heading(heading) {
        return;
    }
    let heading = lex::split_count(heading).0.to_string();
    let mut blocks = vec![lines[item.line]];
    blocks.extend(item.continuation.iter().map(|&l| lines[l]));
    let members = descendants(outline, index);
    for &d in &members {
        let it = &outline.items[d];
        blocks.push(lines[it.line]);
        blocks.extend(it.continuation.iter().map(|&l| lines[l]));
    }
    let span = blocks
        .iter()
        .map(|&b| ctx.blocks[b].span())
        .reduce(Span::cover)
        .unwrap_or_default();
    for &b in &blocks {
        ctx.take(b);
    }
    let count = members
        .iter()
        .filter(|&&d| outline.items[d].level == item.level + 1)
        .count();
    ctx.sink.report(
        Code::NotAProjectList,
        span,
        format!(
            "expected the projects of the plan, found the {count} candidates voted on ({}): kept out of the plan, which is the list of those chosen",
            quote(&heading)
        ),
    );
}

fn is_untasked_heading(name: &str) -> bool {
    says_untasked(name)
        || name
            .find('无')
            .is_some_and(|at| name[at..].contains("任务"))
}

/// The words by which an item says the place has no task in it; stricter
/// than a heading's (无…任务), since a project's own text may hold both.
fn says_untasked(text: &str) -> bool {
    ["无具体任务", "无任务", "不涉及", "不承担"]
        .iter()
        .any(|w| text.contains(w))
}

/// "分别为：A、B、…等，共 15 项。" → A, B, …
///
/// The words around the items ("分别为：" before, "等，共15项" after) are
/// the list's frame: their runs go to `frame`.
fn untasked_items(text: &MappedText, frame: &mut Vec<Span>) -> Vec<MappedText> {
    let s = text.as_str();
    let start = s.find('：').map_or(0, |i| i + '：'.len_utf8());
    let mut end = s.len();
    for stop in ["等，共", "，共", "等。", "共"] {
        if let Some(i) = s[start..].rfind(stop) {
            end = start + i;
            break;
        }
    }
    frame.extend(crate::places::runs(&text.slice(0..start)));
    frame.extend(crate::places::runs(&text.slice(end..s.len())));
    let mut items = Vec::new();
    let mut from = start;
    for (i, c) in s[start..end].char_indices() {
        if c == '、' {
            items.push(text.slice(from..start + i).trim());
            from = start + i + c.len_utf8();
        }
    }
    let last = text.slice(from..end).trim();
    let last_len = last.as_str().trim_end_matches('。').len();
    items.push(last.slice(0..last_len));
    items.retain(|t| !t.is_empty());
    items
}

fn read_project(
    ctx: &mut Context,
    lines: &[usize],
    texts: &[&str],
    outline: &Outline,
    index: usize,
    category: Option<u32>,
    sub_items: bool,
) -> ProjectDraft {
    let item = &outline.items[index];
    let block = lines[item.line];
    ctx.take(block);
    let line = ctx.line(block).expect("outline lines are lines");
    let mut text = MappedText::new();
    let mut units = Vec::new();
    let mut in_measures = false;
    let mut loose_measures: Vec<MappedText> = Vec::new();
    let first = line.text.slice(item.marker.len..line.text.len());
    // Each piece with the line it comes from (none for the item's own).
    let mut own_lines: Vec<usize> = item.continuation.clone();
    // Where the item names its units itself, its children come after the
    // clause: they are its measures.
    let names_own_units = names_units(item, texts);
    // What comes before the project's clause is its task, what comes after
    // it its measures: children are sub-items only where the clause is in
    // or after them.
    let clause_in_children = || {
        descendants(outline, index)
            .into_iter()
            .any(|d| names_units(&outline.items[d], texts))
    };
    let sub_items = sub_items && !names_own_units && clause_in_children();
    if !sub_items && !names_own_units {
        // Its clause after its last measure is its own.
        own_lines.extend(closing_lines(outline, texts, index));
    }
    if sub_items {
        // The sub-items' lines, markers and all, are the task's text.
        for d in descendants(outline, index) {
            let sub = &outline.items[d];
            own_lines.push(sub.line);
            own_lines.extend(&sub.continuation);
        }
    }
    let mut pieces = vec![first];
    pieces.extend(
        own_lines
            .iter()
            .filter_map(|&l| ctx.line(lines[l]).map(|x| x.text.clone())),
    );
    // The lead-unit clause closes a project's text: plain lines after it
    // (and before any measures) belong to no project and are left to be
    // reported, not glued on.
    let mut closed = false;
    let mut group_units = Vec::new();
    for (k, piece) in pieces.iter().enumerate() {
        let block = (k > 0).then(|| lines[own_lines[k - 1]]);
        // A table of who leads which project begins after the list: it is
        // not this project's text (read by `assign_units`).
        if k > 0
            && (units::numbered_units(piece.as_str()).is_some()
                || is_assignment_heading(piece.as_str()))
        {
            break;
        }
        if lex::measures_header(piece.as_str()) {
            in_measures = true;
            if let Some(b) = block {
                ctx.take(b);
            }
            continue;
        }
        // "完成时限：2024年8月底" after the clause or the measures: the
        // timetable is part of what the project states (as in a 实施方案).
        if k > 0 && lex::is_field_line(piece.as_str()) {
            let label = piece.as_str().split('：').next().unwrap_or("");
            if plan_section(label) == Some(PlanSection::Schedule) {
                if let Some(b) = block {
                    ctx.take(b);
                }
                text.push_mapped(piece);
                continue;
            }
        }
        // "●…" after the project's clause: a Word bullet, one measure each.
        if k > 0 && closed && lex::bullet_len(piece.as_str()) > 0 {
            in_measures = true;
        }
        // "推进措施：一是…；二是…" on one line.
        let piece = match lex::measures_lead(piece.as_str()) {
            Some(len) => {
                in_measures = true;
                piece.slice(len..piece.len())
            }
            None => piece.clone(),
        };
        // "以上项目牵头单位：…": the units of the group this project closes.
        if k > 0 && is_group_clause(piece.as_str()) {
            let start = piece.as_str().find(['项', '各']).map_or(0, |i| {
                i + piece.as_str()[i..].chars().next().map_or(0, char::len_utf8)
            });
            let (_, found) = strip_clauses(&piece.slice(start..piece.len()));
            if !found.is_empty() {
                if let Some(b) = block {
                    ctx.take(b);
                }
                group_units.extend(found);
                continue;
            }
        }
        let (rest, found, page_number) = strip_clauses_and_page_number(&piece);
        if let Some(span) = page_number {
            ctx.sink.report(
                Code::StrayText,
                span,
                format!(
                    "expected the end of project {} after its lead-unit clause, found a page number glued on: {}",
                    item.marker.number,
                    quote(ctx.source.slice(span).trim())
                ),
            );
        }
        if closed && found.is_empty() && !in_measures {
            continue;
        }
        // "同时，持续抓好…（责任单位：区发改委）。" after a project closed by
        // its clause: a paragraph with units of its own is not this
        // project's; it is left to be reported.
        if closed
            && !in_measures
            && !sub_items
            && !found.is_empty()
            && rest.as_str().chars().nth(12).is_some()
        {
            continue;
        }
        if let Some(b) = block {
            ctx.take(b);
        }
        closed |= !found.is_empty() && !in_measures;
        units.extend(found);
        if in_measures {
            let bullet = lex::bullet_len(rest.as_str());
            let rest = rest.slice(bullet..rest.len());
            if !rest.is_empty() {
                loose_measures.push(rest);
            }
        } else {
            text.push_mapped(&rest);
        }
    }
    // Measures on its own lines first ("推进措施：" / "2.…" where a page
    // lost the "1."), then those the outline nests under it.
    let mut measures = Vec::new();
    for m in loose_measures {
        push_loose_measures(&mut measures, m);
    }
    if !sub_items {
        measures.extend(measures_of(ctx, lines, outline, &outline.children(index)));
    }
    ProjectDraft {
        number: item.marker.number,
        category,
        subcategory: None,
        name: None,
        text: text.trim(),
        units,
        measures,
        span: ctx.blocks[block].span(),
        from_plan: false,
        only_in_measures: false,
        list: 0,
        group_units,
        fields: Vec::new(),
    }
}

/// "以上项目牵头单位：…", "以上各项责任单位：…", "上述项目…": a clause for
/// the projects above.
fn is_group_clause(line: &str) -> bool {
    ["以上项目", "以上各项", "上述项目", "上述各项"]
        .iter()
        .any(|p| line.starts_with(p))
}

/// The measures numbered by `items`. One item alone that enumerates
/// "一是…；二是…；三是…" in its line is those inline items.
fn measures_of(
    ctx: &mut Context,
    lines: &[usize],
    outline: &Outline,
    items: &[usize],
) -> Vec<MeasureDraft> {
    if let [only] = items {
        let item = &outline.items[*only];
        let whole = ctx.text(lines[item.line]);
        if lex::inline_items(whole).len() >= 2 && outline.children(*only).is_empty() {
            let mut measures = Vec::new();
            let text = ctx
                .line(lines[item.line])
                .map(|l| l.text.clone())
                .unwrap_or_default();
            ctx.take(lines[item.line]);
            push_loose_measures(&mut measures, text);
            for &l in &item.continuation {
                ctx.take(lines[l]);
                if let Some(x) = ctx.line(lines[l]) {
                    push_loose_measures(&mut measures, x.text.clone());
                }
            }
            return measures;
        }
    }
    items
        .iter()
        .map(|&i| read_measure(ctx, lines, outline, i))
        .collect()
}

fn read_measure(
    ctx: &mut Context,
    lines: &[usize],
    outline: &Outline,
    index: usize,
) -> MeasureDraft {
    let item = &outline.items[index];
    let block = lines[item.line];
    ctx.take(block);
    let line = ctx.line(block).expect("outline lines are lines");
    let mut text = line.text.slice(item.marker.len..line.text.len());
    // Unnumbered lines and deeper items continue the measure.
    let mut extra: Vec<usize> = item.continuation.clone();
    for d in descendants(outline, index) {
        extra.push(outline.items[d].line);
        extra.extend(outline.items[d].continuation.iter().copied());
    }
    extra.sort_unstable();
    for l in extra {
        // Lines its project took (its clause after the last measure).
        if ctx.is_used(lines[l]) {
            continue;
        }
        ctx.take(lines[l]);
        if let Some(x) = ctx.line(lines[l]) {
            text.push_mapped(&x.text);
        }
    }
    MeasureDraft {
        number: item.marker.number,
        text: text.trim(),
    }
}

fn descendants(outline: &Outline, index: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for c in outline.children(index) {
        out.push(c);
        out.extend(descendants(outline, c));
    }
    out
}

/// Remove unit clauses from a piece of project text; return the rest and
/// the lists found.
fn strip_clauses(piece: &MappedText) -> (MappedText, Vec<NamesDraft>) {
    let (rest, found, _) = strip_clauses_and_page_number(piece);
    (rest, found)
}

/// [`strip_clauses`], also setting aside a page number that PDF extraction
/// glued after the clause ("（牵头单位：省残联）3"); returns its span.
fn strip_clauses_and_page_number(
    piece: &MappedText,
) -> (MappedText, Vec<NamesDraft>, Option<Span>) {
    let s = piece.as_str();
    let clauses = units::find_clauses(s);
    if clauses.is_empty() {
        return (piece.clone(), Vec::new(), None);
    }
    let mut rest = MappedText::new();
    let mut at = 0;
    let mut found = Vec::new();
    for clause in clauses {
        rest.push_mapped(&piece.slice(at..clause.range.start));
        at = clause.range.end;
        // "（牵头单位：…；完成时限：9月底前）": the timetable is the
        // project's, as on a line of its own.
        for field in clause.fields {
            rest.push_mapped(&piece.slice(field));
        }
        for list in clause.lists {
            found.push(NamesDraft {
                role: list.role,
                names: list.names.into_iter().map(|r| piece.slice(r)).collect(),
            });
        }
    }
    let tail = s[at..].trim();
    if !tail.is_empty() && tail.len() <= 3 && tail.bytes().all(|b| b.is_ascii_digit()) {
        return (rest.trim(), found, Some(piece.span_of(at..s.len())));
    }
    rest.push_mapped(&piece.slice(at..s.len()));
    (rest.trim(), found, None)
}

/// Read a project table by its header names.
///
/// Rows are projects by their 序号 (any numbering style); a row holding one
/// heading alone ("一、教育文化（4项）", spanning the table) is a category; a
/// row with neither 序号 nor name continues the project above (a project
/// printed over two rows, a "其中：" sub-row); the header repeated at a page
/// top is skipped. A header over two rows (责任单位 over 牵头单位 | 配合单位)
/// takes the lower row's names.
fn read_table(table: &Table) -> Option<ListDraft> {
    let mut header: Vec<Option<ColumnRole>> = table
        .rows
        .first()?
        .iter()
        .map(|c| column_role(c.text.as_str()))
        .collect();
    let mut body = &table.rows[1..];
    if let Some(second) = body.first() {
        let named = second.iter().filter(|c| !c.text.is_empty()).count();
        if named > 0
            && second
                .iter()
                .all(|c| c.text.is_empty() || column_role(c.text.as_str()).is_some())
        {
            for (k, c) in second.iter().enumerate() {
                if let (Some(role), Some(slot)) = (column_role(c.text.as_str()), header.get_mut(k))
                {
                    *slot = Some(role);
                }
            }
            body = &body[1..];
        }
    }
    let roles = header;
    // The header rows are the table's frame; a field column's label is
    // its lowest header cell.
    let header_rows = table.rows.len() - body.len();
    let mut labels: Vec<String> = vec![String::new(); roles.len()];
    let mut structure = Vec::new();
    for row in &table.rows[..header_rows] {
        for (k, c) in row.iter().enumerate() {
            if c.text.is_empty() {
                continue;
            }
            structure.push(c.text.span());
            if let Some(label) = labels.get_mut(k) {
                *label = c
                    .text
                    .as_str()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
            }
        }
    }
    let has = |r: ColumnRole| roles.contains(&Some(r));
    if !(has(ColumnRole::Content) || has(ColumnRole::Name)) {
        return None;
    }
    // Where two columns claim a role (a title merged into the header's
    // first cell reads as 项目), the one the rows fill is it.
    let mut filled = vec![0usize; roles.len()];
    for row in body {
        for (k, c) in row.iter().enumerate().take(roles.len()) {
            filled[k] += usize::from(!c.text.is_empty());
        }
    }
    let filled_in = |k: usize| filled[k];
    let column = |role: ColumnRole| {
        let mut best: Option<(usize, usize)> = None;
        for (k, r) in roles.iter().enumerate() {
            if *r == Some(role) {
                let n = filled_in(k);
                if best.is_none_or(|(_, m)| n > m) {
                    best = Some((k, n));
                }
            }
        }
        best.map(|(k, _)| k)
    };
    let has_serial_column = has(ColumnRole::Serial);
    // The columns the project is read from; any other (完成时限, 备注, a
    // second column under a header cell that repeats another's) is a field.
    let read_from: Vec<Option<usize>> = [
        ColumnRole::Serial,
        ColumnRole::Category,
        ColumnRole::Name,
        ColumnRole::Content,
    ]
    .into_iter()
    .map(column)
    .collect();
    let is_field: Vec<bool> = roles
        .iter()
        .enumerate()
        .map(|(k, role)| match role {
            Some(ColumnRole::Units(_)) => false,
            Some(
                ColumnRole::Serial | ColumnRole::Category | ColumnRole::Name | ColumnRole::Content,
            ) => !read_from.contains(&Some(k)),
            _ => true,
        })
        .collect();
    structure.extend(&table.frame);
    let mut draft = ListDraft {
        structure,
        ..ListDraft::default()
    };
    let mut serial = 0u32;
    let mut spanning: Option<u32> = None;
    let mut categories = crate::table::Categories::default();
    for row in body {
        let cell = |role: ColumnRole| column(role).and_then(|k| row.get(k));
        let filled: Vec<&crate::layout::Cell> = row.iter().filter(|c| !c.text.is_empty()).collect();
        if filled.is_empty() {
            continue;
        }
        // The header again (a page top).
        if filled
            .iter()
            .all(|c| column_role(c.text.as_str()).is_some())
        {
            draft.structure.extend(filled.iter().map(|c| c.text.span()));
            continue;
        }
        // A category across the table.
        let distinct: std::collections::BTreeSet<&str> =
            filled.iter().map(|c| c.text.as_str()).collect();
        if distinct.len() == 1 && categories.accepts(filled[0].text.as_str()) {
            let text = filled[0].text.as_str().trim_end_matches(['|', ' ']);
            let m = lex::marker(text);
            let (name, count) = lex::split_count(&text[m.map_or(0, |m| m.len)..]);
            let number = m.map_or(draft.categories.len() as u32 + 1, |m| m.number);
            draft.categories.push(CategoryDraft {
                number,
                name: name.to_string(),
                declared_count: count,
                span: filled[0].text.span(),
                units: Vec::new(),
                subcategories: Vec::new(),
            });
            spanning = Some(number);
            continue;
        }
        // Cells past the header's last column (a quote a cell did not
        // close): no column reads them.
        let beyond: Vec<&crate::layout::Cell> = row
            .iter()
            .skip(roles.len())
            .filter(|c| !c.text.is_empty())
            .collect();
        if !beyond.is_empty() {
            draft.skipped_rows.push(skipped_row(
                &beyond,
                SkippedKind::BeyondHeader {
                    columns: roles.len(),
                },
            ));
        }
        let (listed_number, in_serial) = cell(ColumnRole::Serial)
            .filter(|c| !c.text.is_empty())
            .map_or((None, None), |c| read_serial_cell(&c.text));
        let category = cell(ColumnRole::Category)
            .and_then(|c| {
                let text = c.text.as_str();
                if text.is_empty() {
                    return None;
                }
                let (number, name_start) = match lex::marker(text) {
                    Some(m) if m.style == MarkerStyle::ChineseComma => (Some(m.number), m.len),
                    _ => (None, 0),
                };
                let (name, count) = lex::split_count(&text[name_start..]);
                if draft.categories.last().is_none_or(|c| c.name != name) {
                    let number = number.unwrap_or(draft.categories.len() as u32 + 1);
                    draft.categories.push(CategoryDraft {
                        number,
                        name: name.to_string(),
                        declared_count: count,
                        span: c.text.span(),
                        units: Vec::new(),
                        subcategories: Vec::new(),
                    });
                }
                draft.categories.last().map(|c| c.number)
            })
            .or(spanning)
            // An empty 类别 cell is the merged cell of the rows above.
            .or_else(|| {
                column(ColumnRole::Category).and_then(|_| draft.categories.last().map(|c| c.number))
            });
        let name = cell(ColumnRole::Name)
            .map(|c| c.text.clone())
            .filter(|t| !t.is_empty());
        let content = cell(ColumnRole::Content)
            .map(|c| c.text.clone())
            .filter(|t| !t.is_empty());
        let serial_empty = cell(ColumnRole::Serial).is_none_or(|c| c.text.is_empty());
        // "合计" (a merged cell) and the sums of the columns: no project, and
        // not the project above going on.
        if listed_number.is_none() && is_total(filled[0].text.as_str()) {
            draft
                .skipped_rows
                .push(skipped_row(&filled, SkippedKind::Total));
            continue;
        }
        if has_serial_column && listed_number.is_none() {
            let untasked_category = draft
                .categories
                .last()
                .is_some_and(|c| is_untasked_heading(&c.name));
            if untasked_category {
                // A merged cell (colspan) keeps its text in its first column.
                let category_column = column(ColumnRole::Category);
                let listing = row
                    .iter()
                    .enumerate()
                    .find(|(k, c)| Some(*k) != category_column && !c.text.is_empty())
                    .map(|(_, c)| &c.text);
                if let Some(listing) = listing {
                    draft
                        .untasked
                        .extend(untasked_items(listing, &mut draft.structure));
                }
                continue;
            }
            // No 序号 and no name: the project above goes on.
            if serial_empty && name.is_none() {
                if let Some(last) = draft.projects.last_mut() {
                    if let Some(content) = &content {
                        let (text, units) = strip_clauses(content);
                        last.text.push_mapped(&text);
                        last.units.extend(units);
                    }
                    last.units.extend(unit_columns(&roles, row));
                    last.fields.extend(field_columns(&is_field, &labels, row));
                    continue;
                }
            }
        }
        // The 序号 merged over two rows (a project in two sub-rows, each
        // with its own task and units): one project.
        let serial_merged = cell(ColumnRole::Serial).is_some_and(|c| c.from_above);
        if serial_merged
            && listed_number.is_some()
            && listed_number == draft.projects.last().map(|p| p.number)
        {
            if let Some(last) = draft.projects.last_mut() {
                if let Some(content) = content.as_ref().filter(|c| !c.is_empty()) {
                    let (text, units) = strip_clauses(content);
                    if !last.text.as_str().ends_with(['。', '；']) {
                        last.text
                            .push_replacement("；", Span::point(text.span().start as usize));
                    }
                    last.text.push_mapped(&text);
                    last.units.extend(units);
                }
                last.units.extend(unit_columns(&roles, row));
                last.fields.extend(field_columns(&is_field, &labels, row));
                continue;
            }
        }
        let (text, name) = match (content, name) {
            (Some(content), name) => (content, name),
            (None, Some(name)) => (name, None),
            (None, None) => {
                draft
                    .skipped_rows
                    .push(skipped_row(&filled, SkippedKind::Row));
                continue;
            }
        };
        // A project row: what its 序号 cell holds besides the number is
        // no part of it.
        if let Some(rest) = in_serial {
            draft.skipped_rows.push(SkippedRow {
                text: rest.as_str().to_string(),
                span: rest.span(),
                kind: SkippedKind::InSerial,
            });
        }
        let number = listed_number.unwrap_or(serial + 1);
        serial = number;
        let (text, mut units) = strip_clauses(&text);
        units.extend(unit_columns(&roles, row));
        let span = row
            .iter()
            .find(|c| !c.text.is_empty())
            .map_or(table.span, |c| c.text.span());
        draft.projects.push(ProjectDraft {
            number,
            category,
            subcategory: None,
            name,
            text,
            units,
            measures: Vec::new(),
            span,
            from_plan: false,
            only_in_measures: false,
            list: 0,
            group_units: Vec::new(),
            fields: field_columns(&is_field, &labels, row),
        });
    }
    Some(draft)
}

/// A total row's first cell: 合计, 总计, 小计 or 共计 (spaces folded away).
fn is_total(first_cell: &str) -> bool {
    const TOTALS: [&str; 4] = ["合计", "总计", "小计", "共计"];
    let head: String = first_cell
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(2)
        .collect();
    TOTALS.contains(&head.as_str())
}

/// A 序号 cell: its number, and the text in it that is not the number (a
/// heading or a running head the column took: "7三、平安健康",
/// "重庆市江北区人民政府2"), to be reported.
fn read_serial_cell(cell: &MappedText) -> (Option<u32>, Option<MappedText>) {
    let text = cell.as_str();
    if let Some(n) = crate::table::serial_number(text) {
        return (Some(n), None);
    }
    let is_digit = |c: char| c.is_ascii_digit();
    let after_lead = text.trim_start_matches(is_digit);
    let before_tail = text.trim_end_matches(is_digit);
    let (number, rest) = if after_lead.len() < text.len() {
        let rest = after_lead.trim_start_matches(['.', '、', ' ']);
        (
            &text[..text.len() - after_lead.len()],
            text.len() - rest.len()..text.len(),
        )
    } else if before_tail.len() < text.len() {
        (&text[before_tail.len()..], 0..before_tail.len())
    } else {
        ("", 0..text.len())
    };
    let rest = cell.slice(rest).trim();
    // A rule ("────") drawn across the column is the table's lines.
    let words = rest.as_str().chars().any(char::is_alphanumeric);
    (number.parse().ok(), words.then_some(rest))
}

fn skipped_row(filled: &[&crate::layout::Cell], kind: SkippedKind) -> SkippedRow {
    let text: Vec<&str> = filled.iter().map(|c| c.text.as_str()).collect();
    let span = filled
        .iter()
        .map(|c| c.text.span())
        .reduce(|a, b| a.cover(b))
        .unwrap_or_default();
    SkippedRow {
        text: text.join(" "),
        span,
        kind,
    }
}

/// Report the rows of a project table that are no project: a total row is
/// the table's own (info), any other row text the list could not place.
fn report_skipped_rows(ctx: &mut Context, rows: &[SkippedRow]) {
    for row in rows {
        let (code, message) = match row.kind {
            SkippedKind::Total => (
                Code::TableTotal,
                format!(
                    "expected a project row, found the table's total row: {}",
                    quote(&row.text)
                ),
            ),
            SkippedKind::Row => (
                Code::UnparsedText,
                format!(
                    "expected a project row (a 序号 with its task or name), found neither: {}",
                    quote(&row.text)
                ),
            ),
            SkippedKind::BeyondHeader { columns } => (
                Code::UnparsedText,
                format!(
                    "expected at most {} cells in a row, as the header names, found more: {}",
                    columns,
                    quote(&row.text)
                ),
            ),
            SkippedKind::InSerial => (
                Code::UnparsedText,
                format!(
                    "expected only a number in the 序号 cell, found other text in it: {}",
                    quote(&row.text)
                ),
            ),
        };
        ctx.sink.report(code, row.span, message);
    }
}

/// The names in a row's unit and leader columns.
/// A row's cells under the columns that are neither the project's own
/// (序号, 类别, name, content, units): 完成时限, 资金, 备注 and the like,
/// each under its header's label.
fn field_columns(
    is_field: &[bool],
    labels: &[String],
    row: &[crate::layout::Cell],
) -> Vec<FieldDraft> {
    is_field
        .iter()
        .zip(labels)
        .zip(row)
        .filter(|((field, label), c)| **field && !label.is_empty() && !c.text.is_empty())
        .map(|((_, label), c)| FieldDraft {
            label: label.clone(),
            text: c.text.trim(),
        })
        .collect()
}

fn unit_columns(roles: &[Option<ColumnRole>], row: &[crate::layout::Cell]) -> Vec<NamesDraft> {
    let mut units = Vec::new();
    for (k, role) in roles.iter().enumerate() {
        if let (Some(ColumnRole::Units(role)), Some(c)) = (role, row.get(k)) {
            if c.text.is_empty() {
                continue;
            }
            let names = split_unit_cell(c.text.as_str())
                .into_iter()
                .map(|r| c.text.slice(r))
                .collect();
            units.push(NamesDraft { role: *role, names });
        }
    }
    units
}

fn split_unit_cell(s: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '（' => depth += 1,
            '）' => depth = depth.saturating_sub(1),
            '、' | '，' | ',' | '；' | ' ' if depth == 0 => {
                if start < i {
                    out.push(start..i);
                }
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    if start < s.len() {
        out.push(start..s.len());
    }
    out
}

/// Report a list's projects without a lead unit.
pub fn report_missing_units(ctx: &mut Context, projects: &[ProjectDraft]) {
    for p in projects {
        let leads = p
            .units
            .iter()
            .any(|u| matches!(u.role, Role::Lead | Role::Responsible) && !u.names.is_empty());
        if !leads {
            ctx.sink.report(
                Code::MissingLeadUnit,
                p.span,
                format!(
                    "expected a lead unit (牵头单位 or 责任单位) for project {}, found none: {}",
                    p.number,
                    quote(p.text.as_str())
                ),
            );
        }
    }
}
