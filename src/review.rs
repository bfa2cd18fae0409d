//! The review form: a [`Notice`] as a few lines of text a person can check
//! against the notice in minutes.
//!
//! One line per element, in reading order: the source, each field of the
//! document frame, each category with its projects under it (number, line,
//! lead units, targets written as `≥ 80 %`, measures counted), the untasked
//! items, the attachments' copies, and each diagnostic as
//! `line:column severity[code] message` (its other places and help
//! indented under it). Long texts (a project's, a
//! section's, the preamble) are shown by their length in characters and
//! their beginning, `[57] 促进重点群体稳定就业…`: the length changes when a
//! line is joined to the wrong element or text goes missing, and keeps the
//! form short enough to read in a review.
//!
//! It is what the corpus snapshots hold (`tests/suite/corpus.rs`) and what
//! `minsheng parse --format review` prints: the canonical JSON is the
//! contract, this is for eyes.

use std::fmt::Write as _;

use crate::model::{Category, Notice, Project, Quantity, Subcategory};

/// How many characters of a long text are shown before "…".
const LEAD: usize = 16;

/// The review form of a notice, ending with a newline.
///
/// ```
/// let notice = minsheng::parse("附件 1\n\n一、促进就业（1 项）\n\n（1）新增城镇就业 1.15 万人左右。（牵头单位：区人社局）\n");
/// let review = minsheng::review::render(&notice);
/// assert!(review.contains("  (1) L5 新增城镇就业1.15万人左右。 | lead 区人社局 | ≈ 11500 人"));
/// ```
pub fn render(notice: &Notice) -> String {
    let mut out = String::new();
    source(&mut out, notice);
    document(&mut out, notice);
    plan(&mut out, notice);
    attachments(&mut out, notice);
    diagnostics(&mut out, notice);
    out
}

fn source(out: &mut String, notice: &Notice) {
    let s = &notice.source;
    let _ = writeln!(
        out,
        "source {} · {} · {} · {} bytes · {} lines",
        s.name.as_deref().unwrap_or("-"),
        s.format,
        s.encoding,
        s.bytes,
        s.lines
    );
}

fn document(out: &mut String, notice: &Notice) {
    let d = &notice.document;
    if let Some(number) = &d.doc_number {
        let _ = writeln!(
            out,
            "doc_number {} ({} · {} · {})",
            number.text, number.agency, number.year, number.serial
        );
    }
    field(out, "title", d.title.as_deref());
    if !d.addressees.is_empty() {
        let _ = writeln!(out, "addressees {}", d.addressees.join(" | "));
    }
    if let Some(preamble) = &d.preamble {
        let _ = writeln!(out, "preamble {}", abridged(preamble));
    }
    for section in &d.sections {
        let _ = writeln!(
            out,
            "section {} L{} {} · {}",
            section.number,
            section.line,
            section.heading,
            abridged(&section.text)
        );
    }
    for note in &d.attachment_list {
        let _ = writeln!(out, "attachment_note {} {}", note.number, note.title);
    }
    field(out, "issuer", d.issuer.as_deref());
    field(out, "date", d.date.as_deref());
    for note in &d.notes {
        let _ = writeln!(out, "note {}", abridged(note));
    }
    for line in &d.colophon {
        let _ = writeln!(out, "colophon {}", abridged(line));
    }
}

fn plan(out: &mut String, notice: &Notice) {
    let plan = &notice.plan;
    let _ = writeln!(
        out,
        "plan region {} · year {} · declared {} · {} categories · {} projects",
        plan.region.as_deref().unwrap_or("-"),
        plan.year.map_or("-".to_owned(), |y| y.to_string()),
        plan.declared_total
            .map_or("-".to_owned(), |n| n.to_string()),
        plan.categories.len(),
        plan.projects.len()
    );
    // Projects without a category first (a list with no categories, or
    // items before the first category heading), then each category's.
    for project in plan.projects.iter().filter(|p| p.category.is_none()) {
        project_line(out, project);
    }
    for category in &plan.categories {
        category_line(out, category);
        let mut group = None;
        for project in plan
            .projects
            .iter()
            .filter(|p| p.category == Some(category.number))
        {
            if project.subcategory != group {
                group = project.subcategory;
                let sub = category
                    .subcategories
                    .iter()
                    .find(|s| Some(s.number) == group);
                if let Some(sub) = sub {
                    subcategory_line(out, sub);
                }
            }
            project_line(out, project);
        }
    }
    for item in &plan.untasked {
        let _ = writeln!(out, "untasked {item}");
    }
}

fn category_line(out: &mut String, category: &Category) {
    let count = category
        .declared_count
        .map_or(String::new(), |n| format!(" [{n}]"));
    let _ = writeln!(
        out,
        "category {} L{} {}{count}",
        category.number, category.line, category.name
    );
}

fn subcategory_line(out: &mut String, sub: &Subcategory) {
    let count = sub
        .declared_count
        .map_or(String::new(), |n| format!(" [{n}]"));
    let _ = writeln!(
        out,
        " subcategory {} L{} {}{count}",
        sub.number, sub.line, sub.name
    );
}

fn project_line(out: &mut String, project: &Project) {
    let _ = write!(out, "  ({}) L{} ", project.number, project.line);
    if let Some(name) = &project.name {
        let _ = write!(out, "«{name}» ");
    }
    out.push_str(&abridged(&project.text));
    list(out, "lead", &project.lead_units);
    list(out, "support", &project.support_units);
    list(out, "leader", &project.leaders);
    if !project.targets.is_empty() {
        out.push_str(" | ");
        quantities(out, &project.targets);
    }
    if !project.measures.is_empty() {
        let found: usize = project.measures.iter().map(|m| m.quantities.len()).sum();
        let _ = write!(out, " | measures {}", project.measures.len());
        if found > 0 {
            let _ = write!(out, " ({found} quantities)");
        }
    }
    if project.only_in_measures {
        out.push_str(" | only in measures");
    }
    out.push('\n');
}

fn attachments(out: &mut String, notice: &Notice) {
    for attachment in &notice.attachments {
        let copies: Vec<String> = attachment
            .copies
            .iter()
            .map(|c| format!("L{}–L{}", c.start_line, c.end_line))
            .collect();
        let _ = writeln!(
            out,
            "attachment {} {} · {}",
            attachment.number,
            attachment.title,
            copies.join(", ")
        );
    }
}

fn diagnostics(out: &mut String, notice: &Notice) {
    for d in &notice.diagnostics {
        let _ = writeln!(
            out,
            "{}:{} {}[{}] {}",
            d.line,
            d.column,
            d.severity.as_str(),
            d.code,
            d.message
        );
        for label in &d.labels {
            let _ = writeln!(out, "  ↳ {}:{} {}", label.line, label.column, label.message);
        }
        if let Some(help) = &d.help {
            let _ = writeln!(out, "  help: {help}");
        }
    }
}

fn field(out: &mut String, name: &str, value: Option<&str>) {
    if let Some(value) = value {
        let _ = writeln!(out, "{name} {value}");
    }
}

fn list(out: &mut String, label: &str, names: &[String]) {
    if !names.is_empty() {
        let _ = write!(out, " | {label} {}", names.join("、"));
    }
}

fn quantities(out: &mut String, quantities: &[Quantity]) {
    for (i, q) in quantities.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        let _ = write!(out, "{q}");
    }
}

/// A long text as its length and first characters: `[312] 为深入贯彻…`.
fn abridged(text: &str) -> String {
    let chars = text.chars().count();
    if chars <= LEAD {
        return text.to_owned();
    }
    let lead: String = text.chars().take(LEAD).collect();
    format!("[{chars}] {lead}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(project: &str) -> String {
        let notice = crate::parse(&format!("附件 1\n（1）{project}（牵头单位：区民政局）\n"));
        let mut out = String::new();
        quantities(&mut out, &notice.plan.projects[0].targets);
        out
    }

    #[test]
    fn targets_read_as_a_reader_writes_them_down() {
        assert_eq!(
            targets("低保标准不低于277元/月/人，覆盖率达到98%以上。"),
            "≥ 277 元/月/人; ≥ 98 %"
        );
        assert_eq!(
            targets("为3—6岁儿童补助1.8万—2.1万元。"),
            "3–6 岁; 18000–21000 元"
        );
        assert_eq!(
            targets("供电可靠性从99.9844%提高到99.9850%。"),
            "99.9844 → 99.985 %"
        );
    }

    #[test]
    fn long_texts_show_their_length_and_beginning() {
        assert_eq!(abridged("短文本"), "短文本");
        let long = "一二三四五六七八九十".repeat(3);
        assert_eq!(abridged(&long), "[30] 一二三四五六七八九十一二三四五六…");
    }
}
