//! What changed from one year's plan to the next: [`diff`].
//!
//! Project numbers do not line up between years, so projects are matched by
//! what they say:
//!
//! - **Text.** A project's text (its short name, where a table gives one,
//!   then its text, without the lead-unit clause) is folded to its letters
//!   (no digits, punctuation or spaces; traditional characters read as
//!   simplified) and compared as a set of character bigrams by the Dice
//!   coefficient: 1 for the same words, 0 for nothing in common. Numbers
//!   are left out because they are what changes from year to year; they
//!   are compared as targets.
//! - **Evidence.** The lead units (Dice of the two lists of names) and the
//!   category (Dice of the two category names) scale the text's similarity:
//!   `score = text × (1 − 0.1 × (1 − units) − 0.1 × (1 − category))`. So the
//!   same text with the same lead units in a category of the same name
//!   scores 1; with other lead units and another category, 0.8. Evidence
//!   never makes a match out of unlike texts. Where one year does not say
//!   (no lead units, no category), it counts as agreeing.
//! - **Assignment.** Pairs are taken best score first, each project at most
//!   once (greedy; why, in `similar::assign`), while the score is at least
//!   the threshold, [`DEFAULT_THRESHOLD`] (0.5). Below it a project is
//!   *added* (new year only) or *dropped* (old year only).
//! - **Splits and merges.** An added project most of whose bigrams (at least
//!   [`PART_OF`], 60 %) are in one old project is reported as split from it;
//!   a dropped project most of whose bigrams are in one new project, as
//!   merged into it (texts of fewer than four bigrams are too short to be a
//!   part of anything).
//! - **Categories** are matched the same way, by the Dice of their names and
//!   by the projects that continue between them:
//!   `score = 0.5 × name + 0.5 × 2·continued / (projects old + projects new)`,
//!   with threshold 0.4. So a category of the same name always continues (0.5),
//!   even if all its projects are new; a renamed one continues when its
//!   projects do.
//!
//! Why 0.5: on the 瑶海区 pair (`corpus/district-2024-table.txt`,
//! `corpus/district-2025-inline.txt`) the 18 continued projects score 0.79
//! to 1, and no other pair scores above 0.19. Over the 185,322 pairs of
//! projects of two different notices of the corpus and trial set, 1 % score
//! above 0.45, and those between 0.3 and 0.55 are mostly projects of the
//! same kind that are not the same project (新建公办幼儿园 and 新建中小学,
//! 新增停车泊位 and 新增充电桩): 0.5 keeps those apart and still takes a
//! project whose wording was partly rewritten.
//!
//! Cost: bigrams are found through an inverted index of the old projects,
//! so each new project is compared only with the few old ones sharing its
//! rarest bigrams (see `similar::candidates`); two lists of 1,000 projects
//! diff in milliseconds (`benches/diff.rs`, PERF.md).
//!
//! ```
//! let old = minsheng::parse("附件 1\n一、社会保障（1 项）\n（1）强化残疾人福利保障，困难残疾人生活补贴不低于277元/月/人。（牵头单位：区民政局）\n");
//! let new = minsheng::parse("附件 1\n一、社会保障（2 项）\n（1）开展困难职工帮扶救助，不少于50人次。（牵头单位：区总工会）\n（2）强化残疾人福利保障，困难残疾人生活补贴不低于290元/月/人。（牵头单位：区民政局）\n");
//! let d = minsheng::diff(&old, &new);
//! let pair = &d.projects.continued[0];
//! assert_eq!((pair.old.number, pair.new.number), (1, 2));
//! assert_eq!(d.projects.added[0].project.number, 1);
//! assert_eq!(pair.targets[0].delta.unwrap().to_string(), "13");
//! ```

mod render;
mod similar;
mod targets;
mod types;
mod words;

use std::borrow::Cow;
use std::collections::BTreeMap;

pub use render::text;
#[cfg(feature = "csv")]
pub use render::{write_csv, CSV_COLUMNS};

use crate::decimal::Decimal;
use crate::model::{Category, Notice, Project};
use similar::{Candidate, Grams};
pub use types::*;

/// The version of the diff's JSON form; bumped on any rename, removal or
/// retyping.
pub const DIFF_VERSION: u32 = 1;

/// Projects scoring at least this are the same project in both years.
pub const DEFAULT_THRESHOLD: f64 = 0.5;

/// Categories scoring at least this are the same category in both years.
pub const CATEGORY_THRESHOLD: f64 = 0.4;

/// Share of a project's bigrams found in one project of the other year
/// that makes it a part split from (or merged into) that project.
pub const PART_OF: f64 = 0.6;

/// A project of fewer bigrams is never reported as a part of another.
const PART_MIN_GRAMS: usize = 4;

/// How much disagreeing lead units lower a project pair's score.
const UNITS_WEIGHT: f64 = 0.1;
/// How much a category of another name lowers a project pair's score.
const CATEGORY_WEIGHT: f64 = 0.1;

/// How to diff.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DiffOptions {
    /// The score at or above which two projects are matched.
    pub threshold: f64,
}

impl Default for DiffOptions {
    fn default() -> DiffOptions {
        DiffOptions {
            threshold: DEFAULT_THRESHOLD,
        }
    }
}

/// What changed from `old`'s plan to `new`'s, with the default threshold.
///
/// ```
/// let old = minsheng::parse("附件 1\n（1）严打电信网络诈骗。（牵头单位：瑶海公安分局）\n（2）新增托位 1196 个。（牵头单位：区卫健委）\n");
/// let new = minsheng::parse("附件 1\n（1）新增托位 1200 个。（牵头单位：区卫健委）\n");
/// let d = minsheng::diff(&old, &new);
/// assert_eq!((d.totals.continued, d.totals.added, d.totals.dropped), (1, 0, 1));
/// assert_eq!(d.projects.dropped[0].project.number, 1);
/// ```
pub fn diff(old: &Notice, new: &Notice) -> PlanDiff {
    diff_with(old, new, &DiffOptions::default())
}

/// What changed from `old`'s plan to `new`'s (see the module doc), with
/// another threshold.
///
/// ```
/// use minsheng::diff::{diff_with, DiffOptions};
/// let old = minsheng::parse("附件 1\n（1）推进充换电基础设施建设，新建公共充电桩190个以上。\n");
/// let new = minsheng::parse("附件 1\n（1）加快充电设施建设，全区新建公共充电桩不少于200个。\n");
/// // Half the words changed: a near miss at 0.5, a match at 0.4.
/// assert_eq!(minsheng::diff(&old, &new).totals.continued, 0);
/// assert_eq!(diff_with(&old, &new, &DiffOptions { threshold: 0.4 }).totals.continued, 1);
/// ```
pub fn diff_with(old: &Notice, new: &Notice, options: &DiffOptions) -> PlanDiff {
    let old_plan = Year::new(old);
    let new_plan = Year::new(new);
    let projects = match_projects(&old_plan, &new_plan, options.threshold);
    let categories = match_categories(&old_plan, &new_plan, &projects.pairs);
    let continued: Vec<ProjectPair> = projects
        .pairs
        .iter()
        .map(|&(score, text, i, j)| pair(&old_plan, &new_plan, &categories, score, text, i, j))
        .collect();
    let added = projects
        .new_only
        .iter()
        .map(|&(j, split_from, nearest)| AddedProject {
            project: new_plan.side(j),
            split_from: split_from.map(|(i, s)| old_plan.link(i, s)),
            nearest: nearest.map(|(i, s)| old_plan.link(i, s)),
        })
        .collect::<Vec<_>>();
    let dropped = projects
        .old_only
        .iter()
        .map(|&(i, merged_into, nearest)| DroppedProject {
            project: old_plan.side(i),
            merged_into: merged_into.map(|(j, s)| new_plan.link(j, s)),
            nearest: nearest.map(|(j, s)| new_plan.link(j, s)),
        })
        .collect::<Vec<_>>();
    let totals = Totals {
        declared_total: OldNew {
            old: old.plan.declared_total,
            new: new.plan.declared_total,
        },
        projects: OldNew {
            old: count(old.plan.projects.len()),
            new: count(new.plan.projects.len()),
        },
        categories: OldNew {
            old: count(old.plan.categories.len()),
            new: count(new.plan.categories.len()),
        },
        untasked: OldNew {
            old: count(old.plan.untasked.len()),
            new: count(new.plan.untasked.len()),
        },
        continued: count(continued.len()),
        changed: count(continued.iter().filter(|p| p.changed).count()),
        added: count(added.len()),
        dropped: count(dropped.len()),
        target_changes: count(continued.iter().map(|p| p.targets.len()).sum()),
    };
    PlanDiff {
        diff_version: DIFF_VERSION,
        threshold: rounded(options.threshold),
        old: side(old),
        new: side(new),
        totals,
        categories: category_diff(&old_plan, &new_plan, &categories),
        projects: ProjectDiff {
            continued,
            added,
            dropped,
        },
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A score as an exact decimal of three places (the JSON has no floats).
fn rounded(score: f64) -> Decimal {
    Decimal::new((score.clamp(0.0, 1.0) * 1000.0).round() as i128, 3)
}

fn side(notice: &Notice) -> Side {
    Side {
        name: notice.source.name.clone(),
        sha256: notice.source.sha256.clone(),
        region: notice.plan.region.clone(),
        year: notice.plan.year,
    }
}

/// One year's plan with what matching needs of it.
struct Year<'n> {
    notice: &'n Notice,
    /// Each project's compared text.
    texts: Vec<Cow<'n, str>>,
    grams: Vec<Grams>,
    /// Each project's category, as an index into `plan.categories`.
    category_of: Vec<Option<usize>>,
    category_grams: Vec<Grams>,
    /// Projects listed under each category.
    category_sizes: Vec<u32>,
}

impl<'n> Year<'n> {
    fn new(notice: &'n Notice) -> Year<'n> {
        let plan = &notice.plan;
        let texts: Vec<Cow<str>> = plan.projects.iter().map(compared_text).collect();
        let grams = texts.iter().map(|t| Grams::of(t)).collect();
        // The first category of each number (numbers are unique in any
        // notice read well; a repeat cannot be told apart anyway).
        let mut by_number: BTreeMap<u32, usize> = BTreeMap::new();
        for (k, c) in plan.categories.iter().enumerate() {
            by_number.entry(c.number).or_insert(k);
        }
        let category_of: Vec<Option<usize>> = plan
            .projects
            .iter()
            .map(|p| p.category.and_then(|n| by_number.get(&n).copied()))
            .collect();
        let mut category_sizes = vec![0u32; plan.categories.len()];
        for k in category_of.iter().flatten() {
            category_sizes[*k] += 1;
        }
        Year {
            notice,
            texts,
            grams,
            category_of,
            category_grams: plan.categories.iter().map(|c| Grams::of(&c.name)).collect(),
            category_sizes,
        }
    }

    fn project(&self, i: usize) -> &'n Project {
        &self.notice.plan.projects[i]
    }

    fn category(&self, k: usize) -> &'n Category {
        &self.notice.plan.categories[k]
    }

    fn side(&self, i: usize) -> ProjectSide {
        let p = self.project(i);
        ProjectSide {
            index: count(i),
            number: p.number,
            category: p.category,
            category_name: self.category_of[i].map(|k| self.category(k).name.clone()),
            text: self.texts[i].to_string(),
            lead_units: p.lead_units.clone(),
            line: p.line,
        }
    }

    fn link(&self, i: usize, score: f64) -> ProjectLink {
        ProjectLink {
            index: count(i),
            number: self.project(i).number,
            score: rounded(score),
        }
    }

    fn category_side(&self, k: usize) -> CategorySide {
        let c = self.category(k);
        CategorySide {
            number: c.number,
            name: c.name.clone(),
            declared_count: c.declared_count,
            projects: self.category_sizes[k],
        }
    }
}

/// The text a project is compared by: its name, where the notice gives one
/// apart from the text (a table's 项目名称), and its text, joined by “，”
/// as an inline list prints them.
fn compared_text(p: &Project) -> Cow<'_, str> {
    match p.name.as_deref() {
        Some(name) if !name.is_empty() && !p.text.starts_with(name) => {
            let ends_with_mark = name.ends_with(|c: char| !c.is_alphanumeric());
            let joint = if ends_with_mark || p.text.is_empty() {
                ""
            } else {
                "，"
            };
            Cow::Owned(format!("{name}{joint}{}", p.text))
        }
        _ => Cow::Borrowed(&p.text),
    }
}

/// A project of the other side and a score.
type Link = Option<(usize, f64)>;

/// A project of one side with its split-or-merge link and near miss.
type Unmatched = (usize, Link, Link);

struct ProjectMatches {
    /// (score, text similarity, old index, new index), in new order.
    pairs: Vec<(f64, f64, usize, usize)>,
    new_only: Vec<Unmatched>,
    old_only: Vec<Unmatched>,
}

fn match_projects(old: &Year, new: &Year, threshold: f64) -> ProjectMatches {
    let found = similar::candidates(&old.grams, &new.grams);
    let scored: Vec<(f64, f64, Candidate)> = found
        .into_iter()
        .map(|c| {
            let text = similar::dice(c.shared, old.grams[c.old].len(), new.grams[c.new].len());
            (text * evidence(old, new, c.old, c.new), text, c)
        })
        .collect();
    let chosen = similar::assign(
        scored.iter().map(|&(s, _, c)| (s, c.old, c.new)).collect(),
        old.grams.len(),
        new.grams.len(),
        threshold,
    );
    let mut old_match = vec![None; old.grams.len()];
    let mut new_match = vec![None; new.grams.len()];
    for &(_, i, j) in &chosen {
        old_match[i] = Some(j);
        new_match[j] = Some(i);
    }
    let mut pairs: Vec<(f64, f64, usize, usize)> = scored
        .iter()
        .filter(|(_, _, c)| new_match[c.new] == Some(c.old))
        .map(|&(s, t, c)| (s, t, c.old, c.new))
        .collect();
    pairs.sort_unstable_by_key(|&(_, _, i, j)| (j, i));

    // For each unmatched project: the project of the other side that holds
    // most of its bigrams, and the one scoring highest with it.
    let mut new_best: Vec<(Link, Link)> = vec![(None, None); new.grams.len()];
    let mut old_best: Vec<(Link, Link)> = vec![(None, None); old.grams.len()];
    let better = |slot: &mut Link, k: usize, v: f64, floor: f64| {
        if v >= floor && slot.is_none_or(|(_, w)| v > w) {
            *slot = Some((k, v));
        }
    };
    // A text of a few bigrams is inside many others by chance: too short
    // to be a part of anything.
    let part = |shared: usize, grams: &Grams| {
        if grams.len() < PART_MIN_GRAMS {
            0.0
        } else {
            shared as f64 / grams.len() as f64
        }
    };
    for &(score, _, c) in &scored {
        if new_match[c.new].is_none() {
            let slot = &mut new_best[c.new];
            let part = part(c.shared, &new.grams[c.new]);
            better(&mut slot.0, c.old, part, PART_OF);
            better(&mut slot.1, c.old, score, threshold / 2.0);
        }
        if old_match[c.old].is_none() {
            let slot = &mut old_best[c.old];
            let part = part(c.shared, &old.grams[c.old]);
            better(&mut slot.0, c.new, part, PART_OF);
            better(&mut slot.1, c.new, score, threshold / 2.0);
        }
    }
    let unmatched = |matches: &[Option<usize>], best: &[(Link, Link)]| -> Vec<Unmatched> {
        (0..matches.len())
            .filter(|&k| matches[k].is_none())
            .map(|k| (k, best[k].0, best[k].1))
            .collect()
    };
    ProjectMatches {
        pairs,
        new_only: unmatched(&new_match, &new_best),
        old_only: unmatched(&old_match, &old_best),
    }
}

/// The factor by which lead units and category scale a pair's text
/// similarity (see the module doc).
fn evidence(old: &Year, new: &Year, i: usize, j: usize) -> f64 {
    let (a, b) = (old.project(i), new.project(j));
    let units = if a.lead_units.is_empty() || b.lead_units.is_empty() {
        1.0
    } else {
        similar::name_dice(&a.lead_units, &b.lead_units)
    };
    let category = match (old.category_of[i], new.category_of[j]) {
        (Some(x), Some(y)) => {
            let (p, q) = (&old.category_grams[x], &new.category_grams[y]);
            if old.category(x).name == new.category(y).name {
                1.0
            } else {
                p.dice(q)
            }
        }
        _ => 1.0,
    };
    1.0 - UNITS_WEIGHT * (1.0 - units) - CATEGORY_WEIGHT * (1.0 - category)
}

/// Continued categories: (score, old index, new index) in new order.
type CategoryMatches = Vec<(f64, usize, usize, u32)>;

fn match_categories(
    old: &Year,
    new: &Year,
    project_pairs: &[(f64, f64, usize, usize)],
) -> CategoryMatches {
    let mut links: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    for &(_, _, i, j) in project_pairs {
        if let (Some(x), Some(y)) = (old.category_of[i], new.category_of[j]) {
            *links.entry((x, y)).or_default() += 1;
        }
    }
    let mut names: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for c in similar::candidates(&old.category_grams, &new.category_grams) {
        let same = old.category(c.old).name == new.category(c.new).name;
        let d = if same {
            1.0
        } else {
            old.category_grams[c.old].dice(&new.category_grams[c.new])
        };
        names.insert((c.old, c.new), d);
    }
    let mut keys: Vec<(usize, usize)> = names.keys().chain(links.keys()).copied().collect();
    keys.sort_unstable();
    keys.dedup();
    let scored = keys
        .into_iter()
        .map(|(x, y)| {
            let name = names.get(&(x, y)).copied().unwrap_or(0.0);
            let continued = links.get(&(x, y)).copied().unwrap_or(0);
            let sizes = old.category_sizes[x] + new.category_sizes[y];
            let flow = if sizes == 0 {
                0.0
            } else {
                2.0 * f64::from(continued) / f64::from(sizes)
            };
            (0.5 * name + 0.5 * flow, x, y)
        })
        .collect();
    let mut chosen: CategoryMatches = similar::assign(
        scored,
        old.category_sizes.len(),
        new.category_sizes.len(),
        CATEGORY_THRESHOLD,
    )
    .into_iter()
    .map(|(s, x, y)| (s, x, y, links.get(&(x, y)).copied().unwrap_or(0)))
    .collect();
    chosen.sort_unstable_by_key(|&(_, x, y, _)| (y, x));
    chosen
}

fn category_diff(old: &Year, new: &Year, matches: &CategoryMatches) -> CategoryDiff {
    let mut old_seen = vec![false; old.category_sizes.len()];
    let mut new_seen = vec![false; new.category_sizes.len()];
    let continued = matches
        .iter()
        .map(|&(score, x, y, continued)| {
            old_seen[x] = true;
            new_seen[y] = true;
            CategoryPair {
                old: old.category_side(x),
                new: new.category_side(y),
                score: rounded(score),
                renamed: old.category(x).name != new.category(y).name,
                continued_projects: continued,
            }
        })
        .collect();
    CategoryDiff {
        continued,
        added: (0..new_seen.len())
            .filter(|&y| !new_seen[y])
            .map(|y| new.category_side(y))
            .collect(),
        dropped: (0..old_seen.len())
            .filter(|&x| !old_seen[x])
            .map(|x| old.category_side(x))
            .collect(),
    }
}

fn pair(
    old: &Year,
    new: &Year,
    categories: &CategoryMatches,
    score: f64,
    text_similarity: f64,
    i: usize,
    j: usize,
) -> ProjectPair {
    let (a, b) = (old.project(i), new.project(j));
    let category_moved = match (old.category_of[i], new.category_of[j]) {
        (Some(x), Some(y)) => !categories.iter().any(|&(_, cx, cy, _)| cx == x && cy == y),
        _ => false,
    };
    let (targets, targets_unchanged) = targets::pair(&a.targets, &a.text, &b.targets, &b.text);
    let text_diff = words::diff(&old.texts[i], &new.texts[j]);
    let lead_units_added = only_in(&b.lead_units, &a.lead_units);
    let lead_units_removed = only_in(&a.lead_units, &b.lead_units);
    let support_units_added = only_in(&b.support_units, &a.support_units);
    let support_units_removed = only_in(&a.support_units, &b.support_units);
    let changed = category_moved
        || !targets.is_empty()
        || !text_diff.is_empty()
        || !lead_units_added.is_empty()
        || !lead_units_removed.is_empty()
        || !support_units_added.is_empty()
        || !support_units_removed.is_empty();
    ProjectPair {
        old: old.side(i),
        new: new.side(j),
        score: rounded(score),
        text_similarity: rounded(text_similarity),
        changed,
        category_moved,
        lead_units_added,
        lead_units_removed,
        support_units_added,
        support_units_removed,
        targets,
        targets_unchanged,
        text_changed: !text_diff.is_empty(),
        text_diff,
    }
}

/// The names of `a` not in `b`, in `a`'s order, each once.
fn only_in(a: &[String], b: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in a {
        if !b.contains(name) && !out.contains(name) {
            out.push(name.clone());
        }
    }
    out
}
