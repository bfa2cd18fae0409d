//! Checks a careful reader makes: declared counts against what is listed,
//! numbering of projects.

use crate::context::Context;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::Plan;
use crate::plan::ListDraft;
use crate::source::Span;

/// What the numbering check reads of the drafts, kept apart so that the
/// drafts can be dropped as their projects are built.
pub struct Numbering {
    /// Whether numbers restart in each category.
    restarts: bool,
    /// Each draft's list and place, parallel to the projects.
    places: Vec<(u32, Span)>,
}

impl Numbering {
    /// The numbering of `projects`.
    pub fn of(projects: &[crate::plan::ProjectDraft]) -> Numbering {
        Numbering {
            restarts: crate::assemble::numbering_restarts(projects),
            places: projects.iter().map(|d| (d.list, d.span)).collect(),
        }
    }
}

/// Compare each category's "（N 项）" and the notice's total with the list.
pub fn check_counts(ctx: &mut Context, plan: &Plan, draft: &ListDraft, numbering: &Numbering) {
    // Projects per category, counted once (not once per category).
    let mut per_category: std::collections::HashMap<u32, usize> = Default::default();
    for p in &plan.projects {
        if let Some(c) = p.category {
            *per_category.entry(c).or_default() += 1;
        }
    }
    for (c, cd) in plan.categories.iter().zip(&draft.categories) {
        let Some(declared) = c.declared_count else {
            continue;
        };
        let projects = per_category.get(&c.number).copied().unwrap_or(0);
        let listed = if projects == 0 {
            plan.untasked.len()
        } else {
            projects
        };
        if listed != declared as usize {
            let what = if projects == 0 {
                "untasked items"
            } else {
                "projects"
            };
            ctx.sink.report(
                Code::CountMismatch,
                cd.span,
                format!(
                    "category {} “{}” declares {declared} items, found {listed} {what}",
                    chinese_number(c.number),
                    c.name
                ),
            );
        }
    }
    check_numbering(ctx, plan, numbering);
    check_total(ctx, plan);
}

fn check_numbering(ctx: &mut Context, plan: &Plan, numbering: &Numbering) {
    // Numbers that restart in each category are a list, not duplicates.
    let restarts = numbering.restarts;
    let mut seen = std::collections::BTreeMap::new();
    for (p, &(list, span)) in plan.projects.iter().zip(&numbering.places) {
        let identity = (list, restarts.then_some(p.category).flatten(), p.number);
        if let Some(first) = seen.insert(identity, span) {
            ctx.sink.push(
                Diagnostic::new(
                    Code::NumberingDuplicate,
                    span,
                    format!(
                        "expected a new project number, found project {} again",
                        p.number
                    ),
                )
                .with_label(first, format!("project {} first", p.number)),
            );
        }
    }
}

/// The notice's total ("50项民生实事") against projects plus untasked
/// items, or projects alone. When they differ, look for the categories the total leaves out
/// (a 市级 or 省级 group counted apart) and say so.
fn check_total(ctx: &mut Context, plan: &Plan) {
    let Some(total) = plan.declared_total else {
        return;
    };
    let listed = plan.projects.len() + plan.untasked.len();
    // The total counts the untasked items (瑶海区: 35 tasks and 15 without a
    // local task make its 50) or only the tasks ("实施11项", then 4 more
    // that the county has no task in).
    if listed == total as usize || plan.projects.len() == total as usize {
        return;
    }
    let span = total_span(ctx, total).unwrap_or_default();
    let count_of = |n: u32| {
        plan.projects
            .iter()
            .filter(|p| p.category == Some(n))
            .count()
    };
    let apart: Vec<&crate::model::Category> = plan
        .categories
        .iter()
        .filter(|c| {
            ["市级", "省级", "国家级", "上级"]
                .iter()
                .any(|w| c.name.contains(w))
        })
        .filter(|c| count_of(c.number) > 0)
        .collect();
    let apart_count: usize = apart.iter().map(|c| count_of(c.number)).sum();
    let mut message = format!(
        "the notice announces {total} projects, the list has {} projects and {} untasked items ({listed})",
        plan.projects.len(),
        plan.untasked.len()
    );
    let explained = !apart.is_empty() && listed - apart_count.min(listed) == total as usize;
    if explained {
        let own: Vec<u32> = plan
            .categories
            .iter()
            .filter(|c| count_of(c.number) > 0 && !apart.iter().any(|a| a.number == c.number))
            .map(|c| c.number)
            .collect();
        let own_projects = plan.projects.len() - apart_count;
        message.push_str(&format!(
            ": the {total} are the {own_projects} projects of categories {} and the {} untasked items; {} counted apart",
            ranges(&own),
            plan.untasked.len(),
            apart
                .iter()
                .map(|c| format!(
                    "category {} (“{}”, {} projects) is",
                    chinese_number(c.number),
                    c.name,
                    count_of(c.number)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let mut d = Diagnostic::new(Code::CountMismatch, span, message);
    if explained {
        d.severity = Severity::Info;
    }
    ctx.sink.push(d);
}

fn total_span(ctx: &Context, total: u32) -> Option<Span> {
    let needle = format!("{total}项");
    (0..ctx.blocks.len()).find_map(|i| {
        let line = ctx.line(i)?;
        let at = line.as_str().find(&needle)?;
        Some(line.text.span_of(at..at + needle.len()))
    })
}

/// "一–十" for consecutive runs, joined with "、".
fn ranges(numbers: &[u32]) -> String {
    let mut parts = Vec::new();
    let mut k = 0;
    while k < numbers.len() {
        let start = numbers[k];
        let mut end = start;
        while k + 1 < numbers.len() && numbers[k + 1] == end + 1 {
            k += 1;
            end = numbers[k];
        }
        parts.push(if start == end {
            chinese_number(start)
        } else {
            format!("{}–{}", chinese_number(start), chinese_number(end))
        });
        k += 1;
    }
    parts.join("、")
}

/// 1 → 一, 12 → 十二, 37 → 三十七 (for messages).
pub fn chinese_number(n: u32) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if n > 10 {
                DIGITS[(n % 10) as usize]
            } else {
                ""
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if n % 10 > 0 {
                DIGITS[(n % 10) as usize]
            } else {
                ""
            }
        ),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_ranges_read_as_the_notice_writes_them() {
        assert_eq!(ranges(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), "一–十");
        assert_eq!(ranges(&[1, 3, 4]), "一、三–四");
        assert_eq!(chinese_number(37), "三十七");
    }
}
