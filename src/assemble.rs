//! From blocks to the notice: attachments, plan, frame, checks, model.
//!
//! The plan is read from the attachments first (the primary copy of each),
//! then, if they hold no project list, from the body. The first list with
//! projects is the plan; a later list of the same projects (the seed's 附件 2
//! of 推进措施) merges its measures in by project number, and any project
//! whose text differs beyond punctuation is reported. The frame is read last
//! so that body sections do not swallow a project list written in the body.

use crate::attachments::{self, content_key};
use crate::context::Context;
use crate::diagnostic::{quote, Code, Diagnostic};
use crate::document;
use crate::layout::LineKind;
use crate::lex;
use crate::mapped::MappedText;
use crate::model::{
    Attachment, Category, Document, Field, Measure, Plan, Project, Quantity, Subcategory,
};
use crate::places::{self, ProjectPlaces};
use crate::plan::{self, ListDraft, MeasureDraft, NamesDraft, ProjectDraft};
use crate::quantity;
use crate::source::Span;
use crate::units::Role;

/// Read the whole structure, taking blocks from `ctx`.
pub fn structure(ctx: &mut Context) -> (Document, Plan, Vec<Attachment>) {
    let (body, regions) = attachments::split(ctx);
    let (distinct, attachments) = attachments::merge(ctx, &regions);
    let signature = document::read_signature(ctx, body.clone());
    let mut lists: Vec<(Option<String>, ListDraft)> = Vec::new();
    for d in &distinct {
        let region = &regions[d.copies[0]];
        let blocks: Vec<usize> = region.content.clone().collect();
        let list = plan::read_list(ctx, &blocks, false);
        if !list.is_empty() {
            lists.push((Some(d.title.clone()), list));
        }
    }
    drop_candidate_lists(ctx, &mut lists);
    if !lists.iter().any(|(_, l)| !l.projects.is_empty()) {
        let blocks: Vec<usize> = body.clone().collect();
        let mut list = plan::read_list(ctx, &blocks, true);
        if list.is_empty() {
            // A report or a 决议 that announces its 民生实事 and lists them
            // with no units: the passage after the announcement is read as
            // an attachment would be.
            if let Some(passage) = announced_passage(ctx, &blocks) {
                list = plan::read_list(ctx, &passage, false);
            }
        }
        if !list.is_empty() {
            lists.push((list.title.clone(), list));
        }
    }
    let document = document::read_frame(ctx, body, signature);
    report_missing_attachments(ctx, &document, &attachments);
    let plan = merge_lists(ctx, lists, &document);
    (document, plan, attachments)
}

/// An attachment of the candidates voted on (附件1 …候选项目名单) beside
/// one of the projects chosen: kept out of the plan, its span named by one
/// `not-a-project-list` note.
fn drop_candidate_lists(ctx: &mut Context, lists: &mut Vec<(Option<String>, ListDraft)>) {
    let candidates = |title: &Option<String>| title.as_deref().is_some_and(|t| t.contains("候选"));
    let chosen = lists
        .iter()
        .any(|(title, list)| !candidates(title) && !list.projects.is_empty());
    if !chosen {
        return;
    }
    lists.retain(|(title, list)| {
        if !candidates(title) {
            return true;
        }
        let span = list
            .projects
            .iter()
            .map(|p| p.span)
            .chain(list.categories.iter().map(|c| c.span))
            .reduce(Span::cover)
            .unwrap_or_default();
        ctx.sink.report(
            Code::NotAProjectList,
            span,
            format!(
                "expected the projects of the plan, found the {} candidates voted on in {}: kept out of the plan, which is the list of those chosen",
                list.projects.len(),
                quote(title.as_deref().unwrap_or_default())
            ),
        );
        false
    });
}

/// The body's passage that a sentence announcing the 民生实事 opens
/// ("…集中财力办好十方面18件民生实事："): the lines after it, up to the next
/// heading numbered as the section it stands in ("四、加强政府自身建设"), or
/// the end of the body.
fn announced_passage(ctx: &Context, blocks: &[usize]) -> Option<Vec<usize>> {
    let lines: Vec<usize> = blocks
        .iter()
        .copied()
        .filter(|&b| ctx.line(b).is_some() && !ctx.is_used(b))
        .collect();
    let at = lines.iter().position(|&b| {
        let text = ctx.text(b);
        text.ends_with('：') && total_in_text(text).is_some()
    })?;
    // The section heading above the announcement, if any: its numbering
    // style ends the passage.
    let section = lines[..=at]
        .iter()
        .rev()
        .find_map(|&b| lex::marker(ctx.text(b)))
        .map(|m| m.style);
    let passage: Vec<usize> = lines[at + 1..]
        .iter()
        .copied()
        .take_while(|&b| {
            section.is_none_or(|style| lex::marker(ctx.text(b)).is_none_or(|m| m.style != style))
        })
        .collect();
    (!passage.is_empty()).then_some(passage)
}

/// Entries of the 附件说明 with no attachment of that number in the input.
fn report_missing_attachments(ctx: &mut Context, document: &Document, attachments: &[Attachment]) {
    for note in &document.attachment_list {
        if attachments.iter().any(|a| a.number == note.number) {
            continue;
        }
        let needle = content_key(&note.title);
        let lines = || (0..ctx.blocks.len()).filter_map(|i| ctx.line(i));
        let span = lines()
            .find(|l| content_key(l.as_str()).ends_with(&needle))
            .or_else(|| lines().find(|l| lex::attachment_note(l.as_str()).is_some()))
            .map(|l| l.span())
            .unwrap_or_default();
        ctx.sink.report(
            Code::MissingAttachment,
            span,
            format!(
                "the 附件说明 lists 附件 {} {}, but the input has no 附件 {} marker",
                note.number,
                quote(&note.title),
                note.number
            ),
        );
    }
}

fn merge_lists(
    ctx: &mut Context,
    lists: Vec<(Option<String>, ListDraft)>,
    document: &Document,
) -> Plan {
    let mut main: Option<ListDraft> = None;
    let mut titles: Vec<String> = Vec::new();
    for (title, list) in lists {
        titles.extend(title.clone());
        match main.as_mut() {
            None if !list.projects.is_empty() => main = Some(list),
            // Headings with no project under them: said, not dropped.
            None => report_empty_categories(ctx, &list),
            Some(m) => match second_list(m, &list) {
                SecondList::SameProjects => merge_measures(ctx, m, list),
                SecondList::OtherProjects => append_list(m, list),
                SecondList::OtherText => report_other_text(ctx, title, &list),
            },
        }
    }
    titles.extend(document.title.clone());
    let Some(mut main) = main else {
        let span = ctx.blocks.first().map(|b| b.span()).unwrap_or_default();
        if !ctx.blocks.is_empty() {
            ctx.sink.report(
                Code::NoProjects,
                span,
                "expected a list of livelihood projects (numbered items with 牵头单位 or 责任单位, or a project table), found none",
            );
        }
        return Plan::default();
    };
    plan::report_missing_units(ctx, &main.projects);
    let (region, year, title_total) = plan_facts(&titles);
    // Else a count in a title further in ("民生实事项目清单（10项）") or in
    // a sentence of the body: the preamble, a section, a heading above
    // the list ("一、目标任务 2025年，全市办好15件重点民生实事，具体如下：").
    let declared_total = title_total.or_else(|| {
        titles
            .iter()
            .chain(document.preamble.iter())
            .map(String::as_str)
            .chain(document.sections.iter().map(|s| s.text.as_str()))
            .chain(main.categories.iter().map(|c| c.name.as_str()))
            .find_map(total_in_text)
            // Or a sentence above the list in its attachment ("2024年，我区
            // …安排民生实事项目5大类12项"), which no element takes.
            .or_else(|| {
                (0..ctx.blocks.len())
                    .filter(|&i| !ctx.is_used(i))
                    .filter_map(|i| ctx.line(i).filter(|l| l.kind == LineKind::Text))
                    .find_map(|l| total_in_text(l.as_str()))
            })
    });
    // After the total: the heading may be where the notice says it.
    if let Some(section) = drop_lone_section(&mut main) {
        ctx.places.structure.push(section);
    }
    if says_first_unit_leads(ctx) {
        first_unit_leads(&mut main.projects);
    }
    // Each draft is dropped once its project is built (the drafts and the
    // projects were both whole at the peak); the checks below read only
    // their numbering.
    let numbering = crate::validate::Numbering::of(&main.projects);
    let (projects, project_places): (Vec<Project>, Vec<ProjectPlaces>) =
        std::mem::take(&mut main.projects)
            .into_iter()
            .map(|p| to_project(ctx, &p))
            .unzip();
    ctx.places.projects = project_places;
    ctx.places.categories = main.categories.iter().map(|c| vec![c.span]).collect();
    ctx.places.subcategories = main
        .categories
        .iter()
        .map(|c| c.subcategories.iter().map(|s| s.span).collect())
        .collect();
    ctx.places.untasked = main.untasked.iter().map(places::runs).collect();
    let categories: Vec<Category> = main
        .categories
        .iter()
        .map(|c| Category {
            number: c.number,
            name: c.name.clone(),
            declared_count: c.declared_count,
            line: ctx.line_no(c.span),
            subcategories: c
                .subcategories
                .iter()
                .map(|s| Subcategory {
                    number: s.number,
                    name: s.name.clone(),
                    declared_count: s.declared_count,
                    line: ctx.line_no(s.span),
                })
                .collect(),
        })
        .collect();
    let untasked: Vec<String> = main
        .untasked
        .iter()
        .map(|t| t.as_str().to_string())
        .collect();
    let plan = Plan {
        region,
        year,
        declared_total,
        categories,
        projects,
        untasked,
    };
    crate::validate::check_counts(ctx, &plan, &main, &numbering);
    plan
}

fn report_empty_categories(ctx: &mut Context, list: &ListDraft) {
    for c in &list.categories {
        ctx.sink.report(
            Code::UnparsedText,
            c.span,
            format!(
                "expected projects under category {} ({}), found none: not kept",
                c.number,
                quote(&c.name)
            ),
        );
    }
}

/// What a second list is to the first.
enum SecondList {
    /// The same projects again, with their measures (附件2 推进措施).
    SameProjects,
    /// Other projects, with units of their own, numbered from 1 again
    /// (附件2 续建项目清单, 区级 after 市级).
    OtherProjects,
    /// A few numbered parts of something else (a 工作方案's 一、指导思想 …
    /// 四、保障措施).
    OtherText,
}

/// A second list is about the same projects where most of its items read
/// like the projects of their numbers. Where they do not, it lists other
/// projects if most of its items name units, and is other text if it has
/// only a few parts (a list of measures per project has about as many items
/// as the list).
fn second_list(main: &ListDraft, other: &ListDraft) -> SecondList {
    let unlike = other
        .projects
        .iter()
        .filter(|p| !p.from_plan)
        .filter(|p| {
            main.projects
                .iter()
                .filter(|m| m.number == p.number)
                .all(|m| {
                    let (a, b) = (m.text.as_str(), p.text.as_str());
                    let (short, long) = if a.chars().count() <= b.chars().count() {
                        (a, b)
                    } else {
                        (b, a)
                    };
                    similarity(short, long) < 0.25
                })
        })
        .count();
    let n = other.projects.len();
    if n == 0 || unlike * 2 <= n {
        return SecondList::SameProjects;
    }
    let with_units = other
        .projects
        .iter()
        .filter(|p| !p.units.is_empty())
        .count();
    if with_units * 2 > n {
        SecondList::OtherProjects
    } else if n * 2 < main.projects.len() {
        SecondList::OtherText
    } else {
        SecondList::SameProjects
    }
}

/// Another list's projects after the first's, as a list of their own;
/// its categories number on where the first's numbers are taken.
fn append_list(main: &mut ListDraft, mut other: ListDraft) {
    let list = main.projects.iter().map(|p| p.list).max().unwrap_or(0) + 1;
    let last = main.categories.iter().map(|c| c.number).max().unwrap_or(0);
    let offset = if other.categories.iter().any(|c| c.number <= last) {
        last
    } else {
        0
    };
    for c in &mut other.categories {
        c.number += offset;
    }
    for p in &mut other.projects {
        p.category = p.category.map(|n| n + offset);
        p.list = list;
    }
    main.categories.extend(other.categories);
    main.projects.extend(other.projects);
    main.untasked.extend(other.untasked);
}

fn report_other_text(ctx: &mut Context, title: Option<String>, other: &ListDraft) {
    let (Some(first), Some(last)) = (other.projects.first(), other.projects.last()) else {
        return;
    };
    let end = last
        .measures
        .iter()
        .map(|m| m.text.span().end)
        .chain([last.text.span().end, last.span.end])
        .max()
        .unwrap_or(last.span.end);
    // From its first heading ("一、…" over its parts) to its last part's end.
    let start = other
        .categories
        .iter()
        .map(|c| c.span.start)
        .chain([first.span.start])
        .min()
        .unwrap_or(first.span.start);
    let span = Span::new(start as usize, end as usize);
    let parts: Vec<String> = other
        .projects
        .iter()
        .map(|p| p.text.as_str().chars().take(8).collect())
        .collect();
    ctx.sink.report(
        Code::NotAProjectList,
        span,
        format!(
            "expected the projects of the list again{}, found {} parts about something else ({}): kept out of the plan",
            title.map(|t| format!(" in {}", quote(&t))).unwrap_or_default(),
            other.projects.len(),
            parts.join("、")
        ),
    );
}

/// Merge a second list of the same projects: measures by number, and
/// report texts that differ beyond punctuation and spacing.
///
/// A project's identity is its number, or (category, number) where the
/// numbering restarts in each category. A per-project 实施方案 gives short
/// names of its own: its projects are matched by number, or by order when
/// the two lists are the same length, and reported only when the short name
/// shares little with the listed text.
fn merge_measures(ctx: &mut Context, main: &mut ListDraft, other: ListDraft) {
    let restarts = numbering_restarts(&main.projects);
    let same_length = main.projects.len() == other.projects.len();
    merge_categories(ctx, main, &other.categories);
    merge_untasked(ctx, main, &other.untasked);
    for (order, p) in other.projects.into_iter().enumerate() {
        let by_identity = main.projects.iter().position(|m| {
            m.number == p.number && (!restarts || m.category == p.category || p.category.is_none())
        });
        let by_order = (p.from_plan && same_length).then_some(order);
        let found = if p.from_plan {
            by_order.or(by_identity)
        } else {
            by_identity
        };
        let Some(at) = found else {
            ctx.sink.report(
                Code::OrphanMeasures,
                p.span,
                format!(
                    "expected project {} in the project list, found it only here: {}",
                    p.number,
                    quote(p.text.as_str())
                ),
            );
            // Kept, with its measures and units, where its number puts it.
            let at = main
                .projects
                .iter()
                .rposition(|m| (m.category, m.number) <= (p.category.or(m.category), p.number))
                .map_or(0, |k| k + 1);
            main.projects.insert(
                at,
                ProjectDraft {
                    only_in_measures: true,
                    ..p
                },
            );
            continue;
        };
        let m = &mut main.projects[at];
        if p.from_plan {
            let name = p.name.as_ref().map_or("", |n| n.as_str());
            if similarity(name, m.text.as_str()) < 0.34 {
                ctx.sink.push(
                    Diagnostic::new(
                        Code::TextDiffersBetweenAttachments,
                        p.span,
                        format!(
                            "expected the implementation plan of project {} ({}), found {}: matched by its place in the list",
                            m.number,
                            quote(m.text.as_str()),
                            quote(name)
                        ),
                    )
                    .with_label(m.span, format!("project {} in the list", m.number)),
                );
            }
        } else if content_key(m.text.as_str()) != content_key(p.text.as_str()) {
            let (there, here) = difference(m.text.as_str(), p.text.as_str());
            ctx.sink.push(
                Diagnostic::new(
                    Code::TextDiffersBetweenAttachments,
                    p.span,
                    format!(
                        "project {} reads differently here than in the list: {} there, {} here",
                        p.number,
                        describe(&there),
                        describe(&here)
                    ),
                )
                .with_label(m.span, format!("project {} in the list", m.number)),
            );
        }
        // What it says again is accounted for by the list's project.
        ctx.places.restated.extend(places::runs(&p.text));
        if let Some(name) = &p.name {
            ctx.places.restated.extend(places::runs(name));
        }
        merge_more_measures(ctx, m, p.measures);
        merge_units(ctx, m, p.units, p.span);
        merge_fields(ctx, m, p.fields);
    }
}

/// The other attachment's categories and their groups: the list's again,
/// or named otherwise (said, and the list's names kept).
fn merge_categories(ctx: &mut Context, main: &ListDraft, categories: &[plan::CategoryDraft]) {
    let same = |a: &str, b: &str| content_key(a) == content_key(b);
    for c in categories {
        let ours = main.categories.iter().find(|m| m.number == c.number);
        match ours {
            Some(m) if same(&m.name, &c.name) => ctx.places.restated.push(c.span),
            _ => {
                let there = ours.map_or_else(|| "no such category".to_string(), |m| quote(&m.name));
                ctx.sink.report(
                    Code::Conflict,
                    c.span,
                    format!(
                        "category {} is {} here, {there} in the list: the list's is kept",
                        c.number,
                        quote(&c.name)
                    ),
                );
            }
        }
        // Units its heading names for its projects: the list's again, or said.
        let known = |n: &MappedText| {
            ours.is_some_and(|m| {
                m.units
                    .iter()
                    .flat_map(|u| &u.names)
                    .any(|k| same(k.as_str(), n.as_str()))
            })
        };
        for n in c.units.iter().flat_map(|u| &u.names) {
            if known(n) {
                ctx.places.restated.extend(places::runs(n));
            } else {
                ctx.sink.report(
                    Code::Conflict,
                    n.span(),
                    format!(
                        "category {} names {} for its projects here, not in the list: not kept",
                        c.number,
                        quote(n.as_str())
                    ),
                );
            }
        }
        for g in &c.subcategories {
            let known =
                ours.is_some_and(|m| m.subcategories.iter().any(|s| same(&s.name, &g.name)));
            if known {
                ctx.places.restated.push(g.span);
            } else {
                ctx.sink.report(
                    Code::Conflict,
                    g.span,
                    format!(
                        "{} is a group of category {} here, not in the list: not kept",
                        quote(&g.name),
                        c.number
                    ),
                );
            }
        }
    }
}

/// The other attachment's untasked items: those the list names too are
/// said again; any other is added, and said.
fn merge_untasked(ctx: &mut Context, main: &mut ListDraft, untasked: &[MappedText]) {
    let known: std::collections::BTreeSet<String> = main
        .untasked
        .iter()
        .map(|t| content_key(t.as_str()))
        .collect();
    for item in untasked {
        if known.contains(&content_key(item.as_str())) {
            ctx.places.restated.extend(places::runs(item));
            continue;
        }
        ctx.sink.report(
            Code::Conflict,
            item.span(),
            format!(
                "{} is named untasked here but not in the list: added",
                quote(item.as_str())
            ),
        );
        main.untasked.push(item.clone());
    }
}

/// The other attachment's measures: all of them where the list has none;
/// where it has some, those it lacks are added and said.
fn merge_more_measures(ctx: &mut Context, m: &mut ProjectDraft, measures: Vec<MeasureDraft>) {
    if m.measures.is_empty() {
        m.measures = measures;
        return;
    }
    let known: std::collections::BTreeSet<String> = m
        .measures
        .iter()
        .map(|x| content_key(x.text.as_str()))
        .collect();
    let (again, more): (Vec<MeasureDraft>, Vec<MeasureDraft>) = measures
        .into_iter()
        .partition(|x| known.contains(&content_key(x.text.as_str())));
    for x in &again {
        ctx.places.restated.extend(places::runs(&x.text));
    }
    if let Some(first) = more.first() {
        ctx.sink.push(
            Diagnostic::new(
                Code::Conflict,
                first.text.span(),
                format!(
                    "project {} has {} measures in the list; {} more here, added: {}",
                    m.number,
                    m.measures.len(),
                    more.len(),
                    quote(first.text.as_str())
                ),
            )
            .with_label(m.span, format!("project {} in the list", m.number)),
        );
        m.measures.extend(more);
    }
}

/// The other attachment's fields: one the list lacks is added; one it
/// gives otherwise is said, and the list's is kept.
fn merge_fields(ctx: &mut Context, m: &mut ProjectDraft, fields: Vec<plan::FieldDraft>) {
    for f in fields {
        match m.fields.iter().find(|x| x.label == f.label) {
            None => m.fields.push(f),
            Some(x) if content_key(x.text.as_str()) == content_key(f.text.as_str()) => {
                ctx.places.restated.extend(places::runs(&f.text));
            }
            Some(x) => {
                let (ours, span) = (x.text.as_str().to_string(), x.text.span());
                ctx.sink.push(
                    Diagnostic::new(
                        Code::Conflict,
                        f.text.span(),
                        format!(
                            "project {} has {} {} in the list, {} here: the list's is kept",
                            m.number,
                            f.label,
                            quote(&ours),
                            quote(f.text.as_str())
                        ),
                    )
                    .with_label(span, format!("project {} in the list", m.number)),
                );
            }
        }
    }
}

/// The other attachment's units: all of them where the list names none.
/// Where it names some, its lead units are kept and different ones said;
/// supporting units and leaders only the other names are added, and said.
fn merge_units(ctx: &mut Context, m: &mut ProjectDraft, units: Vec<NamesDraft>, span: Span) {
    if m.units.is_empty() {
        m.units = units;
        return;
    }
    let names = |lists: &[NamesDraft], leads: bool| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for l in lists {
            if matches!(l.role, Role::Lead | Role::Responsible) == leads {
                for n in &l.names {
                    if !out.iter().any(|o| o == n.as_str()) {
                        out.push(n.as_str().to_string());
                    }
                }
            }
        }
        out
    };
    let (ours, theirs) = (names(&m.units, true), names(&units, true));
    if !theirs.is_empty() && theirs.iter().any(|t| !ours.contains(t)) {
        ctx.sink.push(
            Diagnostic::new(
                Code::Conflict,
                span,
                format!(
                    "project {} has lead units {} in the list, {} here: the list's are kept",
                    m.number,
                    quote(&ours.join("、")),
                    quote(&theirs.join("、"))
                ),
            )
            .with_label(m.span, format!("project {} in the list", m.number)),
        );
    }
    let known = names(&m.units, false);
    let mut added = Vec::new();
    for list in units {
        if matches!(list.role, Role::Lead | Role::Responsible) {
            // The list's are kept; a different one is said above.
            for n in &list.names {
                ctx.places.restated.extend(places::runs(n));
            }
            continue;
        }
        let (again, new): (Vec<MappedText>, Vec<MappedText>) = list
            .names
            .into_iter()
            .partition(|n| known.iter().any(|k| k == n.as_str()));
        for n in &again {
            ctx.places.restated.extend(places::runs(n));
        }
        if !new.is_empty() {
            added.extend(new.iter().map(|n| n.as_str().to_string()));
            m.units.push(NamesDraft {
                role: list.role,
                names: new,
            });
        }
    }
    if !added.is_empty() {
        ctx.sink.push(
            Diagnostic::new(
                Code::Conflict,
                span,
                format!(
                    "project {} names {} only here, not in the list: added",
                    m.number,
                    quote(&added.join("、"))
                ),
            )
            .with_label(m.span, format!("project {} in the list", m.number)),
        );
    }
}

/// True when project numbers repeat under different categories ("1、2、3、"
/// in each): then a project is known by (category, number).
pub fn numbering_restarts(projects: &[ProjectDraft]) -> bool {
    let mut seen = std::collections::BTreeSet::new();
    let mut repeats = false;
    for p in projects {
        if !seen.insert((p.list, p.category, p.number)) {
            return false; // the same (category, number) twice: a duplicate
        }
        repeats |= p.number == 1 && p.category.is_some() && seen.len() > 1;
    }
    repeats
}

/// How much of `short`'s character pairs occur in `long` (0 to 1): a short
/// name "实施城镇老旧小区改造" against the listed text of its project.
fn similarity(short: &str, long: &str) -> f64 {
    let key = |s: &str| content_key(s).chars().collect::<Vec<char>>();
    let (a, b) = (key(short), key(long));
    if a.len() < 2 {
        return 1.0;
    }
    let pairs: std::collections::BTreeSet<(char, char)> =
        b.windows(2).map(|w| (w[0], w[1])).collect();
    let shared = a
        .windows(2)
        .filter(|w| pairs.contains(&(w[0], w[1])))
        .count();
    shared as f64 / (a.len() - 1) as f64
}

/// The differing middles of two texts, after their common start and end.
fn difference(a: &str, b: &str) -> (String, String) {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (prefix, suffix) = crate::source::common_ends(&a, &b);
    (
        a[prefix..a.len() - suffix].iter().collect(),
        b[prefix..b.len() - suffix].iter().collect(),
    )
}

fn describe(part: &str) -> String {
    if part.is_empty() {
        "nothing".to_string()
    } else {
        quote(part)
    }
}

/// Region, year and total from a list or document title: "瑶海区 2024 年 50 项民生实事".
fn plan_facts(titles: &[String]) -> (Option<String>, Option<u32>, Option<u32>) {
    let (mut region, mut year, mut total) = (None, None, None);
    for title in titles {
        let Some(y) = title.find('年') else { continue };
        let before = &title[..y];
        let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if digits != 4 {
            continue;
        }
        let year_start = y - 4;
        year = year.or_else(|| title[year_start..y].parse().ok());
        let after = &title[y + '年'.len_utf8()..];
        // "2024年实施50项", "2025年十件": skip the verb before the number.
        let after = after.trim_start_matches(|c: char| {
            !c.is_ascii_digit() && !"一二三四五六七八九十两".contains(c) && !"民生".contains(c)
        });
        if total.is_none() {
            total = declared_total(after);
        }
        if region.is_none() {
            region = region_of(&title[..year_start])
                .or_else(|| region_after_year(&title[y + '年'.len_utf8()..]));
        }
    }
    (region, year, total)
}

/// "2023年下陆区为民办实事项目": a place named right after the year, where
/// none comes before it. Not 全市, 本区 or 我县 (the notice's own place,
/// unnamed).
fn region_after_year(after: &str) -> Option<String> {
    // "2024年度高淳区…": 年度 is the year's.
    let region = region_of(after.strip_prefix('度').unwrap_or(after))?;
    let unnamed = region.starts_with(['全', '本', '我', '各', '该']);
    let named = region.chars().all(crate::units::is_han);
    (named && !unnamed && region.chars().count() <= 8).then_some(region)
}

/// One heading over every project, with no count, that names the list
/// ("二、主要任务", "二、项目安排"): the section the list stands in, not a
/// category of it; its groups, if it has any, are the categories. Its heading's span, when it is dropped.
fn drop_lone_section(list: &mut ListDraft) -> Option<Span> {
    let [only] = list.categories.as_slice() else {
        return None;
    };
    let all_in_it = list
        .projects
        .iter()
        .all(|p| p.category == Some(only.number));
    // It names the list, not a field of life ("一、教育卫生" is a category).
    let names_the_list = ["任务", "项目", "安排", "实事", "清单", "内容"]
        .iter()
        .any(|w| only.name.contains(w))
        || only.name.contains(['，', '。', '：']);
    if only.declared_count.is_none() && all_in_it && names_the_list && list.projects.len() > 1 {
        let span = only.span;
        // Its groups ("三、重点任务" / "（一）促进就业创业") are the categories.
        let groups = std::mem::take(&mut list.categories[0].subcategories);
        list.categories = groups
            .into_iter()
            .map(|g| plan::CategoryDraft {
                number: g.number,
                name: g.name,
                declared_count: g.declared_count,
                span: g.span,
                units: Vec::new(),
                subcategories: Vec::new(),
            })
            .collect();
        for p in &mut list.projects {
            p.category = p.subcategory.take();
        }
        return Some(span);
    }
    None
}

/// The total a sentence of the body announces: "共实施民生实事项目8项",
/// "第二批民生实事项目8项", "4大类10项" (the 大类 count is no 项), "十件民生
/// 实事": a count of 项 or 件 with 实事 within a few characters around it.
fn total_in_text(text: &str) -> Option<u32> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let near = |from: usize, to: usize| {
        let (a, b) = (from.min(chars.len()), to.min(chars.len()));
        let start = chars.get(a).map_or(text.len(), |c| c.0);
        let end = chars.get(b).map_or(text.len(), |c| c.0);
        text[start..end].contains("实事")
    };
    for (k, &(at, c)) in chars.iter().enumerate() {
        let starts_number = c.is_ascii_digit() || "一二三四五六七八九十两".contains(c);
        // Not the tail of a number, an ordinal (第11项) or a range (1—11项).
        let after_number = k > 0 && {
            let p = chars[k - 1].1;
            p.is_ascii_digit() || "一二三四五六七八九十两第—-～~至到".contains(p)
        };
        if !starts_number || after_number {
            continue;
        }
        let Some(n) = declared_total(&text[at..]) else {
            continue;
        };
        // "15件…候选项目": candidates, of which fewer are chosen.
        let candidates = text[at..]
            .chars()
            .take(12)
            .collect::<String>()
            .contains("候选");
        if candidates || reports_done(&text[at..]) {
            continue;
        }
        // "确定以下10个项目为…民生实事项目": 个项目 names the count itself,
        // so 实事 may stand further on.
        let head: String = text[at..].chars().take(8).collect();
        let reach = if head.contains("个项目") { 18 } else { 10 };
        if near(k.saturating_sub(12), k) || near(k, k + reach) || after_groups(&chars, k) {
            return Some(n);
        }
    }
    None
}

/// The count's clause reports work done ("…票决的十方面20件民生实事全面完成",
/// last year's, in a report that then announces this year's).
fn reports_done(from_count: &str) -> bool {
    const DONE: [&str; 6] = [
        "全面完成",
        "已完成",
        "圆满完成",
        "如期完成",
        "全部完成",
        "顺利完成",
    ];
    // Within its clause, and within 40 characters (asked at every count).
    let clause: String = from_count
        .chars()
        .take(40)
        .take_while(|c| !matches!(c, '。' | '；' | '，'))
        .collect();
    DONE.iter().any(|w| clause.contains(w))
}

/// The count follows a count of the groups it falls into: "共3个方面12项",
/// "5大类12项", "4个领域10项" (the plan's shape, said without 实事).
fn after_groups(chars: &[(usize, char)], k: usize) -> bool {
    let before: String = chars[k.saturating_sub(6)..k]
        .iter()
        .map(|&(_, c)| c)
        .collect();
    let before = before.trim_end_matches('共');
    [
        "个方面",
        "大类",
        "个领域",
        "类",
        "个板块",
        "大领域",
        "个类别",
        "大工程",
        "个专项",
    ]
    .iter()
    .any(|g| {
        before.strip_suffix(g).is_some_and(|head| {
            head.ends_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十两".contains(c))
        })
    })
}

/// "50项…" / "十件…" at the start of `text`: the announced number.
fn declared_total(text: &str) -> Option<u32> {
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    let (n, rest) = if digits.is_empty() {
        let (rest, n) = crate::lex::chinese_int(text).ok()?;
        (n, rest)
    } else {
        (digits.parse().ok()?, &text[digits.len()..])
    };
    (rest.starts_with(['项', '件']) || rest.starts_with("个项目") || rest.starts_with("个民生"))
        .then_some(n)
}

fn region_of(prefix: &str) -> Option<String> {
    let segment = prefix.rsplit("关于").next().unwrap_or(prefix);
    let segment = segment
        .trim_start_matches("印发")
        .trim_start_matches(['《', '“']);
    let end = segment
        .char_indices()
        .find(|&(_, c)| "省市区县旗镇乡".contains(c))
        .map(|(i, c)| i + c.len_utf8())?;
    let region = &segment[..end];
    (region.chars().count() >= 2 && region.chars().count() <= 10).then(|| region.to_string())
}

/// Which of the three name lists a role fills (0 lead, 1 support, 2
/// leaders), given whether the project uses a 牵头 label.
fn target_role(role: Role, lead_label_used: bool) -> u8 {
    match role {
        Role::Lead => 0,
        Role::Responsible if lead_label_used => 1,
        Role::Responsible => 0,
        Role::Support => 1,
        Role::Leader => 2,
    }
}

/// A note that the first unit of each list leads ("注：责任单位中排在首位的
/// 为牵头单位，其余为配合单位"), anywhere in the notice.
fn says_first_unit_leads(ctx: &Context) -> bool {
    const FIRST: [&str; 5] = ["首位", "第一位", "排名第一", "排在第一", "第一个"];
    (0..ctx.blocks.len()).filter_map(|i| ctx.line(i)).any(|l| {
        let t = l.as_str();
        t.contains("为牵头单位") && FIRST.iter().any(|w| t.contains(w))
    })
}

/// Under such a note: a project's 责任单位 list of two or more, where it
/// names no lead otherwise, is its first unit leading and the rest in
/// support.
fn first_unit_leads(projects: &mut [ProjectDraft]) {
    for p in projects {
        if p.units.iter().any(|u| u.role == Role::Lead) {
            continue;
        }
        let Some(k) = p
            .units
            .iter()
            .position(|u| u.role == Role::Responsible && u.names.len() >= 2)
        else {
            continue;
        };
        let mut names = std::mem::take(&mut p.units[k].names);
        let rest = names.split_off(1);
        p.units[k] = NamesDraft {
            role: Role::Lead,
            names,
        };
        p.units.insert(
            k + 1,
            NamesDraft {
                role: Role::Support,
                names: rest,
            },
        );
    }
}

/// "责任单位：区教育局（牵头）、区财政局": where names of a list carry
/// （牵头）, they lead (the mark dropped) and the others of the list support.
fn marked_leads(units: &[NamesDraft]) -> Vec<NamesDraft> {
    const MARK: &str = "（牵头）";
    let mut out = Vec::new();
    for list in units {
        let marked = |n: &MappedText| n.as_str().ends_with(MARK);
        if list.role == Role::Leader || !list.names.iter().any(marked) {
            out.push(list.clone());
            continue;
        }
        let (leads, others): (Vec<&MappedText>, Vec<&MappedText>) =
            list.names.iter().partition(|n| marked(n));
        out.push(NamesDraft {
            role: Role::Lead,
            names: leads
                .into_iter()
                .map(|n| n.slice(0..n.as_str().len() - MARK.len()))
                .collect(),
        });
        out.push(NamesDraft {
            role: Role::Support,
            names: others.into_iter().cloned().collect(),
        });
    }
    out
}

/// The model's project. Its own labels decide what 责任单位 means: beside a
/// 牵头单位 they carry the work out in support; alone they lead.
fn to_project(ctx: &Context, p: &ProjectDraft) -> (Project, ProjectPlaces) {
    let units = marked_leads(&p.units);
    let lead_label_used = units.iter().any(|u| u.role == Role::Lead);
    let mut lead_units = Vec::new();
    let mut support_units = Vec::new();
    let mut leaders = Vec::new();
    let mut places = ProjectPlaces {
        text: places::runs(&p.text),
        name: p.name.as_ref().map(places::runs).unwrap_or_default(),
        measures: p.measures.iter().map(|m| places::runs(&m.text)).collect(),
        ..ProjectPlaces::default()
    };
    let mut seen: std::collections::HashSet<(u8, &str)> = std::collections::HashSet::new();
    for list in &units {
        let (target, target_places) = match list.role {
            Role::Lead => (&mut lead_units, &mut places.lead_units),
            Role::Responsible if lead_label_used => (&mut support_units, &mut places.support_units),
            Role::Responsible => (&mut lead_units, &mut places.lead_units),
            Role::Support => (&mut support_units, &mut places.support_units),
            Role::Leader => (&mut leaders, &mut places.leaders),
        };
        for name in &list.names {
            // Each name once per role; a set, so a list of thousands of
            // names costs no scan per name.
            if seen.insert((target_role(list.role, lead_label_used), name.as_str())) {
                target.push(name.as_str().to_string());
                target_places.push(places::runs(name));
            } else {
                places.restated.extend(places::runs(name));
            }
        }
    }
    let project = Project {
        number: p.number,
        category: p.category,
        subcategory: p.subcategory,
        name: p.name.as_ref().map(|n| n.as_str().to_string()),
        text: p.text.as_str().to_string(),
        lead_units,
        support_units,
        leaders,
        targets: quantities(ctx, &p.text),
        measures: p
            .measures
            .iter()
            .map(|m| Measure {
                number: m.number,
                text: m.text.as_str().to_string(),
                quantities: quantities(ctx, &m.text),
                line: ctx.line_no(m.text.span()),
            })
            .collect(),
        fields: p
            .fields
            .iter()
            .map(|f| Field {
                label: f.label.clone(),
                text: f.text.as_str().to_string(),
            })
            .collect(),
        line: ctx.line_no(p.span),
        only_in_measures: p.only_in_measures,
        span: p.span,
    };
    places.fields = p.fields.iter().map(|f| places::runs(&f.text)).collect();
    (project, places)
}

/// The quantities of a text, positioned in the original input.
pub fn quantities(ctx: &Context, text: &MappedText) -> Vec<Quantity> {
    // By reference: collected in place from `into_iter`, the quantities
    // kept the matches' larger allocation (about 1 KB a project).
    quantity::find_quantities(text.as_str())
        .iter()
        .map(|q| {
            let span = text.span_of(q.range.clone());
            let p = ctx.position(span);
            q.to_quantity(span, p.line, p.column)
        })
        .collect()
}
