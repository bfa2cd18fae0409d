//! The result of a diff: [`PlanDiff`] and its parts, serialized as the
//! diff's JSON (`docs/json.md`, `schema/diff.schema.json`).

use serde::Serialize;

use crate::decimal::Decimal;
use crate::model::Quantity;

/// What changed between two notices' plans.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlanDiff {
    /// Always 1 (`minsheng::diff::DIFF_VERSION`).
    pub diff_version: u32,
    /// The project score at or above which projects were matched.
    pub threshold: Decimal,
    /// The old year's notice.
    pub old: Side,
    /// The new year's notice.
    pub new: Side,
    /// Counts of both years and of what changed.
    pub totals: Totals,
    /// Categories continued, added and dropped.
    pub categories: CategoryDiff,
    /// Projects continued, added and dropped.
    pub projects: ProjectDiff,
}

/// Which notice one side of the diff is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Side {
    /// `source.name` of the notice (its input path), if any.
    pub name: Option<String>,
    /// `source.sha256` of the notice.
    pub sha256: String,
    /// The plan's region.
    pub region: Option<String>,
    /// The plan's year.
    pub year: Option<u32>,
}

/// A value in the old and in the new year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "OldNew_{T}"))]
pub struct OldNew<T> {
    /// In the old year.
    pub old: T,
    /// In the new year.
    pub new: T,
}

/// Counts of both years and of what changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Totals {
    /// The totals the notices announce (“50项民生实事”).
    pub declared_total: OldNew<Option<u32>>,
    /// Projects listed.
    pub projects: OldNew<u32>,
    /// Categories listed.
    pub categories: OldNew<u32>,
    /// Items listed as having no local task (`plan.untasked`).
    pub untasked: OldNew<u32>,
    /// Projects in both years.
    pub continued: u32,
    /// Continued projects with any change (targets, units, category, text).
    pub changed: u32,
    /// Projects of the new year only.
    pub added: u32,
    /// Projects of the old year only.
    pub dropped: u32,
    /// Targets changed, added or removed, over all continued projects.
    pub target_changes: u32,
}

/// Categories continued, added and dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CategoryDiff {
    /// Categories in both years, in the new year's order.
    pub continued: Vec<CategoryPair>,
    /// Categories of the new year only, in its order.
    pub added: Vec<CategorySide>,
    /// Categories of the old year only, in its order.
    pub dropped: Vec<CategorySide>,
}

/// A category in both years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CategoryPair {
    /// The category in the old year.
    pub old: CategorySide,
    /// The category in the new year.
    pub new: CategorySide,
    /// How alike they are, 0 to 1 (see the module doc).
    pub score: Decimal,
    /// The name changed.
    pub renamed: bool,
    /// Projects of the old category continued in the new one.
    pub continued_projects: u32,
}

/// A category in one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CategorySide {
    /// Its number in the list.
    pub number: u32,
    /// Its name.
    pub name: String,
    /// The count it declares, “（12 项）”.
    pub declared_count: Option<u32>,
    /// Projects listed under it.
    pub projects: u32,
}

/// Projects continued, added and dropped.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectDiff {
    /// Projects in both years, in the new year's order.
    pub continued: Vec<ProjectPair>,
    /// Projects of the new year only, in its order.
    pub added: Vec<AddedProject>,
    /// Projects of the old year only, in its order.
    pub dropped: Vec<DroppedProject>,
}

/// A project in one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectSide {
    /// 0-based position in `plan.projects` (numbers can repeat where
    /// numbering restarts per category).
    pub index: u32,
    /// Its number as listed.
    pub number: u32,
    /// Its category's number.
    pub category: Option<u32>,
    /// Its category's name.
    pub category_name: Option<String>,
    /// The text compared: its `name` (where the notice gives one apart)
    /// and `text` joined by “，”, as an inline list prints them.
    pub text: String,
    /// Its lead units.
    pub lead_units: Vec<String>,
    /// 1-based line in its notice's input.
    pub line: u32,
}

/// A project in both years and what changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectPair {
    /// The project in the old year.
    pub old: ProjectSide,
    /// The project in the new year.
    pub new: ProjectSide,
    /// The match score, 0 to 1: text similarity scaled by the evidence.
    pub score: Decimal,
    /// The Dice similarity of the two folded texts, 0 to 1.
    pub text_similarity: Decimal,
    /// Anything changed: a target, a unit, the category or the text.
    pub changed: bool,
    /// The new category is not the one the old category continues as.
    pub category_moved: bool,
    /// Lead units of the new year only.
    pub lead_units_added: Vec<String>,
    /// Lead units of the old year only.
    pub lead_units_removed: Vec<String>,
    /// Supporting units of the new year only.
    pub support_units_added: Vec<String>,
    /// Supporting units of the old year only.
    pub support_units_removed: Vec<String>,
    /// Targets that changed or are in one year only (paired by unit, then
    /// by order).
    pub targets: Vec<TargetChange>,
    /// Targets paired and unchanged.
    pub targets_unchanged: u32,
    /// The text changed (anything, punctuation included).
    pub text_changed: bool,
    /// A word-level diff of the texts, empty when they are equal.
    pub text_diff: Vec<TextSegment>,
}

/// A project of the new year only.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AddedProject {
    /// The project.
    pub project: ProjectSide,
    /// The old project most of its text comes from, when it is a part split
    /// off one (at least 60 % of its bigrams are in it).
    pub split_from: Option<ProjectLink>,
    /// The old project that scores highest with it, when that is at least
    /// half the threshold: a near miss worth a look.
    pub nearest: Option<ProjectLink>,
}

/// A project of the old year only.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DroppedProject {
    /// The project.
    pub project: ProjectSide,
    /// The new project most of its text went into, when it was merged into
    /// one (at least 60 % of its bigrams are in it).
    pub merged_into: Option<ProjectLink>,
    /// The new project that scores highest with it, when that is at least
    /// half the threshold: a near miss worth a look.
    pub nearest: Option<ProjectLink>,
}

/// A project of the other year that one is related to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectLink {
    /// Its 0-based position in `plan.projects`.
    pub index: u32,
    /// Its number as listed.
    pub number: u32,
    /// The pair's match score (for a split or merge, the share of this
    /// project's bigrams found in the other).
    pub score: Decimal,
}

/// A target that changed, or is in one year only.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TargetChange {
    /// Changed, added or removed.
    pub kind: TargetChangeKind,
    /// The target in the old year (`null` when added).
    pub old: Option<Quantity>,
    /// The target in the new year (`null` when removed).
    pub new: Option<Quantity>,
    /// What changed, for a changed target.
    pub fields: Vec<TargetField>,
    /// `new.value − old.value`, exactly, when the value changed and the
    /// unit did not.
    pub delta: Option<Decimal>,
}

/// How a target changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum TargetChangeKind {
    /// In both years, with a different value, unit or comparator.
    Changed,
    /// In the new year only.
    Added,
    /// In the old year only.
    Removed,
}

/// A field of a target that changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum TargetField {
    /// `value` (or a range's `min`/`max`).
    Value,
    /// `canonical_unit`.
    Unit,
    /// `cmp`.
    Cmp,
}

/// A piece of a text diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TextSegment {
    /// Kept, removed or added.
    pub edit: Edit,
    /// The text.
    pub text: String,
}

/// What a piece of a text diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Edit {
    /// In both texts.
    Same,
    /// In the old text only.
    Removed,
    /// In the new text only.
    Added,
}
