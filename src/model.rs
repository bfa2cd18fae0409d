//! The output model: the serde types of the JSON contract (schema version 1).
//!
//! Keys are ASCII snake_case; numbers are exact [`Decimal`]s or integers;
//! nothing here is a float or a hash map, so the output is deterministic.
//! Every element that comes from the text keeps its [`Span`] into the decoded
//! input (not serialized) beside the 1-based `line`/`column` the contract
//! asks for.

use serde::{Deserialize, Serialize};

use crate::decimal::Decimal;
use crate::diagnostic::{Code, Severity};
use crate::source::Span;

/// The version of this contract; bumped on any rename, removal or retyping.
pub const SCHEMA_VERSION: u32 = 1;

/// One parsed notice: the whole contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Notice {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// What was read.
    pub source: SourceInfo,
    /// The official-document frame.
    pub document: Document,
    /// The livelihood-project plan.
    pub plan: Plan,
    /// Distinct attachments, copies merged.
    pub attachments: Vec<Attachment>,
    /// Everything a careful reader would flag, and every line not placed.
    pub diagnostics: Vec<DiagnosticRecord>,
}

/// What was read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SourceInfo {
    /// File name as given (`null` for stdin or a string).
    pub name: Option<String>,
    /// SHA-256 of the input bytes, lowercase hex.
    pub sha256: String,
    /// Size of the input in bytes.
    pub bytes: u64,
    /// Encoding the bytes were decoded from (`UTF-8`, `GB18030`, `UTF-16LE`…).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub encoding: Encoding,
    /// Number of physical lines.
    pub lines: u32,
    /// How the input was read: `text` or `html`.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub format: SourceFormat,
}

/// Defines a fieldless enum whose JSON form is one name per variant: the
/// names are the one table [`as_str`](Comparator::as_str), `FromStr`,
/// `Display`, `Serialize` and `Deserialize` all use.
macro_rules! named_enum {
    ($ty:ident, $what:literal { $($(#[$doc:meta])* $variant:ident = $name:literal,)* }) => {
        impl $ty {
            /// Every variant, in order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),*];

            /// The name the JSON uses.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)*
                }
            }

            /// The variant the JSON calls `name`.
            pub fn from_name(name: &str) -> Option<$ty> {
                $ty::ALL.iter().copied().find(|v| v.as_str() == name)
            }
        }

        impl std::fmt::Display for $ty {
            /// The name the JSON uses.
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                $ty::from_name(&name).ok_or_else(|| {
                    let names: Vec<&str> = $ty::ALL.iter().map(|v| v.as_str()).collect();
                    serde::de::Error::custom(format!(
                        "unknown {} “{name}”: expected {}",
                        $what,
                        names.join(", ")
                    ))
                })
            }
        }

        impl PartialEq<str> for $ty {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $ty {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
    };
}

/// How the input was read (`source.format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum SourceFormat {
    /// As plain text: `text`.
    #[default]
    Text,
    /// As a web page: `html`.
    Html,
}

named_enum!(SourceFormat, "input format" {
    Text = "text",
    Html = "html",
});

/// The encoding the input was decoded from (`source.encoding`), named as
/// the JSON reports it.
///
/// ```
/// use minsheng::model::Encoding;
/// assert_eq!(Encoding::Gb18030.as_str(), "GB18030");
/// assert_eq!(Encoding::from_name("Shift_JIS"), Some(Encoding::ShiftJis));
/// assert_eq!(minsheng::parse("附件 1").source.encoding, "UTF-8");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Encoding {
    /// `UTF-8`.
    #[default]
    Utf8,
    /// `UTF-16LE`.
    Utf16Le,
    /// `UTF-16BE`.
    Utf16Be,
    /// `GB18030`: detected (GBK and GB2312 files are read as it), or forced.
    Gb18030,
    /// `GBK`: forced with `gbk`, `gb2312` or `cp936` (decoded by the
    /// GB18030 decoder).
    Gbk,
    /// `Big5`, as detected.
    Big5,
    /// `Shift_JIS`, as detected.
    ShiftJis,
    /// `EUC-JP`, as detected.
    EucJp,
    /// `EUC-KR`, as detected.
    EucKr,
    /// `unknown`: the input was refused before it was decoded.
    Unknown,
}

named_enum!(Encoding, "encoding" {
    Utf8 = "UTF-8",
    Utf16Le = "UTF-16LE",
    Utf16Be = "UTF-16BE",
    Gb18030 = "GB18030",
    Gbk = "GBK",
    Big5 = "Big5",
    ShiftJis = "Shift_JIS",
    EucJp = "EUC-JP",
    EucKr = "EUC-KR",
    Unknown = "unknown",
});

/// The official-document frame, after the GB/T 9704 element names.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Document {
    /// 发文字号.
    pub doc_number: Option<DocNumber>,
    /// 标题.
    pub title: Option<String>,
    /// 主送机关, split on 、 and ，.
    pub addressees: Vec<String>,
    /// Body sections 一、二、….
    pub sections: Vec<Section>,
    /// 附件说明 in the body.
    pub attachment_list: Vec<AttachmentNote>,
    /// 发文机关署名.
    pub issuer: Option<String>,
    /// 成文日期, ISO 8601.
    pub date: Option<String>,
    /// The opening of the 正文 before its first numbered section.
    pub preamble: Option<String>,
    /// 附注 and notes: "（此件公开发布）", "注：…".
    pub notes: Vec<String>,
    /// 版记 lines: 抄送, 印发机关和印发日期.
    pub colophon: Vec<String>,
}

/// 发文字号: 机关代字〔年份〕序号号.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DocNumber {
    /// The whole number as written (width-folded).
    pub text: String,
    /// 机关代字, e.g. 瑶民生办.
    pub agency: String,
    /// 年份.
    pub year: u32,
    /// 序号.
    pub serial: u32,
}

/// A first-level body section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Section {
    /// Its number (一、 is 1).
    pub number: u32,
    /// The heading: the text after the number up to the first 。, or the
    /// whole heading line.
    pub heading: String,
    /// The rest of the section's text.
    pub text: String,
    /// 1-based line of the heading.
    pub line: u32,
}

/// One entry of the 附件说明.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AttachmentNote {
    /// Its number (1 when the list has a single unnumbered entry).
    pub number: u32,
    /// The attachment's title.
    pub title: String,
}

/// The livelihood-project list.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Plan {
    /// The region named in the title or list heading, e.g. 瑶海区.
    pub region: Option<String>,
    /// The plan's year.
    pub year: Option<u32>,
    /// The total the notice announces ("50项民生实事").
    pub declared_total: Option<u32>,
    /// Categories in order.
    pub categories: Vec<Category>,
    /// Projects in order.
    pub projects: Vec<Project>,
    /// Items listed as having no local task.
    pub untasked: Vec<String>,
}

/// A category of projects.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Category {
    /// Its number in the list.
    pub number: u32,
    /// Its name without number and count.
    pub name: String,
    /// The count it declares, "（12 项）".
    pub declared_count: Option<u32>,
    /// 1-based line of its heading.
    pub line: u32,
    /// The groups it divides into, where the list has a level between
    /// categories and projects ("一、就业增收（5项）" over "（一）稳岗扩岗
    /// （3项）"). Written only when there are some.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subcategories: Vec<Subcategory>,
}

/// A group of projects within a category.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Subcategory {
    /// Its number within its category.
    pub number: u32,
    /// Its name without number and count.
    pub name: String,
    /// The count it declares, "（3项）".
    pub declared_count: Option<u32>,
    /// 1-based line of its heading.
    pub line: u32,
}

/// One livelihood project.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Project {
    /// Its number as listed.
    pub number: u32,
    /// Number of its category.
    pub category: Option<u32>,
    /// Number of its subcategory within the category, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcategory: Option<u32>,
    /// Its short name, where the notice gives one apart from the text (a
    /// table's 项目名称 column).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub name: Option<String>,
    /// The project's text without its lead-unit clause.
    pub text: String,
    /// 牵头单位 / 责任单位 …
    pub lead_units: Vec<String>,
    /// 配合单位 / 协同责任单位 …: supporting units, never lead units.
    pub support_units: Vec<String>,
    /// Persons or posts named as 牵头领导 / 分管领导 / 责任人.
    pub leaders: Vec<String>,
    /// Quantities in the project's own text.
    pub targets: Vec<Quantity>,
    /// 推进措施, merged in by project number.
    pub measures: Vec<Measure>,
    /// Other facts the notice gives the project under a label of their
    /// own: a table's 完成时限, 资金 or 备注 column, a per-project plan's
    /// （四）完成时限. Written only when there are some.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// 1-based line of the project in the input.
    pub line: u32,
    /// Found only in the measures attachment (附件 2), not in the project
    /// list: kept with what that attachment says (`orphan-measures`).
    /// Written only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub only_in_measures: bool,
    /// Where the project's text is in the input.
    #[serde(skip)]
    pub span: Span,
}

/// A labelled fact of a project: the label as the notice prints it (a
/// table's column header, a heading) and the text under it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Field {
    /// 完成时限, 资金（万元）, 备注 …, blanks removed.
    pub label: String,
    /// What the notice gives under it.
    pub text: String,
}

/// One 推进措施 of a project.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Measure {
    /// Its number.
    pub number: u32,
    /// Its text.
    pub text: String,
    /// Quantities in its text.
    pub quantities: Vec<Quantity>,
    /// 1-based line of the measure.
    pub line: u32,
}

/// How a target's number relates to what is to be achieved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename_all = "lowercase")
)]
#[non_exhaustive]
pub enum Comparator {
    /// A plain number (also after 达到/新增/为).
    #[default]
    Eq,
    /// 不少于, 不低于, 至少, 以上, 及以上.
    Ge,
    /// 超过, 高于, 多于, and 余/多 after a number.
    Gt,
    /// 不超过, 不高于, 以内, 以下.
    Le,
    /// 低于, 少于.
    Lt,
    /// 左右, 约, 大约, 近.
    Approx,
    /// A range "3—6 岁", "1.8 万—2.1 万元".
    Range,
}

named_enum!(Comparator, "comparator" {
    Eq = "eq",
    Ge = "ge",
    Gt = "gt",
    Le = "le",
    Lt = "lt",
    Approx = "approx",
    Range = "range",
});

impl Comparator {
    /// The comparator as a mathematical sign: `=`, `≥`, `>`, `≤`, `<`, `≈`,
    /// and `–` for a range.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Eq => "=",
            Comparator::Ge => "≥",
            Comparator::Gt => ">",
            Comparator::Le => "≤",
            Comparator::Lt => "<",
            Comparator::Approx => "≈",
            Comparator::Range => "–",
        }
    }
}

impl std::str::FromStr for Comparator {
    type Err = String;
    /// The JSON name (`ge`) or the sign (`≥`).
    ///
    /// ```
    /// use minsheng::model::Comparator;
    /// assert_eq!("ge".parse::<Comparator>(), Ok(Comparator::Ge));
    /// assert_eq!("≈".parse::<Comparator>(), Ok(Comparator::Approx));
    /// assert_eq!(Comparator::Range.to_string().parse::<Comparator>(), Ok(Comparator::Range));
    /// ```
    fn from_str(s: &str) -> Result<Comparator, String> {
        Comparator::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s || c.symbol() == s)
            .ok_or_else(|| {
                format!("unknown comparator “{s}”: expected eq, ge, gt, le, lt, approx or range")
            })
    }
}

/// How one number relates to what is to be achieved: a [`Comparator`]
/// other than [`Comparator::Range`], so that a single figure or a change
/// cannot claim to be a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Relation {
    /// A plain number (also after 达到/新增/为).
    #[default]
    Eq,
    /// 不少于, 不低于, 至少, 以上, 及以上.
    Ge,
    /// 超过, 高于, 多于, and 余/多 after a number.
    Gt,
    /// 不超过, 不高于, 以内, 以下.
    Le,
    /// 低于, 少于.
    Lt,
    /// 左右, 约, 大约, 近.
    Approx,
}

impl From<Relation> for Comparator {
    fn from(r: Relation) -> Comparator {
        match r {
            Relation::Eq => Comparator::Eq,
            Relation::Ge => Comparator::Ge,
            Relation::Gt => Comparator::Gt,
            Relation::Le => Comparator::Le,
            Relation::Lt => Comparator::Lt,
            Relation::Approx => Comparator::Approx,
        }
    }
}

impl TryFrom<Comparator> for Relation {
    type Error = Comparator;
    /// The relation of a comparator; [`Comparator::Range`] is none.
    ///
    /// ```
    /// use minsheng::model::{Comparator, Relation};
    /// assert_eq!(Relation::try_from(Comparator::Ge), Ok(Relation::Ge));
    /// assert!(Relation::try_from(Comparator::Range).is_err());
    /// ```
    fn try_from(c: Comparator) -> Result<Relation, Comparator> {
        Ok(match c {
            Comparator::Eq => Relation::Eq,
            Comparator::Ge => Relation::Ge,
            Comparator::Gt => Relation::Gt,
            Comparator::Le => Relation::Le,
            Comparator::Lt => Relation::Lt,
            Comparator::Approx => Relation::Approx,
            Comparator::Range => return Err(c),
        })
    }
}

impl std::fmt::Display for Relation {
    /// The JSON name, as [`Comparator`]'s.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Comparator::from(*self).fmt(f)
    }
}

/// The figure of a target: one number with its relation, a range, or a
/// change from one number to another. Each form holds just what it has,
/// so a range always has both bounds and nothing else has any.
///
/// In the JSON it is the fields `value`, `cmp`, and `min` and `max` (a
/// range, `cmp` "range", `value` its lower bound) or `from` (a change,
/// `value` the new value).
///
/// ```
/// use minsheng::model::{Amount, Comparator, Relation};
/// let notice = minsheng::parse("附件 1\n（1）为3—6岁儿童补助不少于500元。（牵头单位：区民政局）");
/// let targets = &notice.plan.projects[0].targets;
/// assert!(matches!(targets[0].amount, Amount::Range { .. }));
/// assert_eq!(targets[0].cmp(), Comparator::Range);
/// assert_eq!(targets[0].value().to_string(), "3");
/// assert!(matches!(targets[1].amount, Amount::Single { cmp: Relation::Ge, .. }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Amount {
    /// One number: "不少于 3000 人" (`value` 3000, `cmp` ge).
    Single {
        /// How the number relates to the target.
        cmp: Relation,
        /// The number, 万/亿/千 folded in.
        value: Decimal,
    },
    /// A range "3—6 岁", "1.8 万—2.1 万元": never with a comparator.
    Range {
        /// Lower bound.
        min: Decimal,
        /// Upper bound.
        max: Decimal,
    },
    /// A change "从 A 提高到 B".
    Change {
        /// The starting value A.
        from: Decimal,
        /// How the new value relates to the target ("提高到 B 以上" is ge).
        cmp: Relation,
        /// The new value B.
        to: Decimal,
    },
}

impl Default for Amount {
    fn default() -> Amount {
        Amount::Single {
            cmp: Relation::Eq,
            value: Decimal::default(),
        }
    }
}

impl Amount {
    /// The JSON's `value`: the number, a range's lower bound, a change's
    /// new value.
    pub fn value(&self) -> Decimal {
        match *self {
            Amount::Single { value, .. } => value,
            Amount::Range { min, .. } => min,
            Amount::Change { to, .. } => to,
        }
    }

    /// The JSON's `cmp`.
    pub fn cmp(&self) -> Comparator {
        match *self {
            Amount::Single { cmp, .. } | Amount::Change { cmp, .. } => cmp.into(),
            Amount::Range { .. } => Comparator::Range,
        }
    }

    /// The bounds of a range.
    pub fn bounds(&self) -> Option<(Decimal, Decimal)> {
        match *self {
            Amount::Range { min, max } => Some((min, max)),
            _ => None,
        }
    }

    /// The starting value of a change.
    pub fn from(&self) -> Option<Decimal> {
        match *self {
            Amount::Change { from, .. } => Some(from),
            _ => None,
        }
    }
}

/// A numeric target.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(into = "QuantityJson", try_from = "QuantityJson")]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(with = "QuantityJson")
)]
#[non_exhaustive]
pub struct Quantity {
    /// The phrase as it reads in the (normalized) text.
    pub text: String,
    /// The figure: a number with its comparator, a range, or a change.
    pub amount: Amount,
    /// What follows the number as printed, width-folded: 人次, 人（次）, 个,
    /// 元/月/人, %.
    pub unit: String,
    /// The unit in one spelling per rate, for filtering: （次） as 次, rate
    /// segments (after "/" or "·", or written 每X before the number) in one
    /// order, who or what first, time last: 元/月/人, 元/人·月 and
    /// 每人每月…元 are all `元/人/月`. Equal to `unit` when nothing changes.
    pub canonical_unit: String,
    /// 1-based line of its first character in the input.
    pub line: u32,
    /// 1-based column (in characters) of its first character.
    pub column: u32,
    /// Where it is in the input.
    pub span: Span,
}

impl Quantity {
    /// The JSON's `value`: exact, with 万/亿/千 folded in (a range's lower
    /// bound, a change's new value).
    pub fn value(&self) -> Decimal {
        self.amount.value()
    }

    /// The JSON's `cmp`.
    pub fn cmp(&self) -> Comparator {
        self.amount.cmp()
    }
}

/// A [`Quantity`] as the JSON has it (schema version 1): the [`Amount`]
/// spread over `value`, `cmp`, `min`, `max` and `from`.
#[derive(Clone, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Quantity")
)]
struct QuantityJson {
    /// The phrase as it reads in the (normalized) text.
    text: String,
    /// Exact value with 万/亿/千 folded in (the upper value of a change).
    value: Decimal,
    /// What follows the number as printed, width-folded: 人次, 人（次）, 个,
    /// 元/月/人, %.
    unit: String,
    /// The unit in one spelling per rate, for filtering: （次） as 次, rate
    /// segments (after "/" or "·", or written 每X before the number) in one
    /// order, who or what first, time last: 元/月/人, 元/人·月 and
    /// 每人每月…元 are all `元/人/月`. Equal to `unit` when nothing changes.
    canonical_unit: String,
    /// The comparator.
    cmp: Comparator,
    /// Lower bound, only for a range.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    min: Option<Decimal>,
    /// Upper bound, only for a range.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    max: Option<Decimal>,
    /// Starting value of a change "从 A 提高到 B".
    #[serde(skip_serializing_if = "Option::is_none", default)]
    from: Option<Decimal>,
    /// 1-based line of its first character in the input.
    line: u32,
    /// 1-based column (in characters) of its first character.
    column: u32,
    /// Where it is in the input.
    #[serde(skip)]
    span: Span,
}

impl From<Quantity> for QuantityJson {
    fn from(q: Quantity) -> QuantityJson {
        let (min, max) = q.amount.bounds().unzip();
        QuantityJson {
            value: q.amount.value(),
            cmp: q.amount.cmp(),
            min,
            max,
            from: q.amount.from(),
            text: q.text,
            unit: q.unit,
            canonical_unit: q.canonical_unit,
            line: q.line,
            column: q.column,
            span: q.span,
        }
    }
}

impl TryFrom<QuantityJson> for Quantity {
    type Error = String;
    fn try_from(q: QuantityJson) -> Result<Quantity, String> {
        let amount = match (Relation::try_from(q.cmp), q.min, q.max, q.from) {
            (Err(_), Some(min), Some(max), None) if min == q.value => Amount::Range { min, max },
            (Err(_), ..) => {
                return Err(format!(
                    "quantity “{}”: a range has `min` (equal to `value`) and `max`, and no `from`",
                    q.text
                ))
            }
            (Ok(cmp), None, None, None) => Amount::Single {
                cmp,
                value: q.value,
            },
            (Ok(cmp), None, None, Some(from)) => Amount::Change {
                from,
                cmp,
                to: q.value,
            },
            (Ok(cmp), ..) => {
                return Err(format!(
                    "quantity “{}”: `min` and `max` are only for `cmp` \"range\", not \"{cmp}\"",
                    q.text
                ))
            }
        };
        Ok(Quantity {
            text: q.text,
            amount,
            unit: q.unit,
            canonical_unit: q.canonical_unit,
            line: q.line,
            column: q.column,
            span: q.span,
        })
    }
}

impl std::fmt::Display for Quantity {
    /// The target as a reader writes it down: `≥ 277 元/月/人`, `≈ 11500 人`,
    /// `3–6 岁` (a range), `660 → 690 元` (a change from 660).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.amount {
            Amount::Range { min, max } => write!(f, "{min}–{max}")?,
            Amount::Change {
                from,
                cmp: Relation::Eq,
                to,
            } => write!(f, "{from} → {to}")?,
            Amount::Change { from, cmp, to } => {
                write!(f, "{from} → {} {to}", Comparator::from(cmp).symbol())?
            }
            Amount::Single { cmp, value } => {
                write!(f, "{} {value}", Comparator::from(cmp).symbol())?
            }
        }
        if !self.unit.is_empty() {
            write!(f, " {}", self.unit)?;
        }
        Ok(())
    }
}

/// A distinct attachment with all its printed copies.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Attachment {
    /// Its number (附件 1 is 1; an unnumbered 附件 is 1).
    pub number: u32,
    /// Its title line.
    pub title: String,
    /// Every copy's line range, in input order.
    pub copies: Vec<CopyRange>,
}

/// The lines one copy of an attachment occupies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CopyRange {
    /// 1-based first line (the 附件 N marker).
    pub start_line: u32,
    /// 1-based last non-blank line.
    pub end_line: u32,
}

/// A diagnostic as it appears in the JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DiagnosticRecord {
    /// error, warning or info.
    pub severity: Severity,
    /// Stable kebab-case code.
    pub code: Code,
    /// What was expected and what was found.
    pub message: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters.
    pub column: u32,
    /// The number of the project it concerns, where it points into one
    /// (the project's text, its lead-unit clause, or one of its measures);
    /// omitted when it concerns no single project (the frame, a category,
    /// the totals, unplaced text between projects).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<u32>,
    /// Other places the message speaks of (omitted when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<LabelRecord>,
    /// What the user can do about it (omitted when nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Where it points in the input.
    #[serde(skip)]
    pub span: Span,
}

/// A secondary place of a diagnostic, as it appears in the JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct LabelRecord {
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters.
    pub column: u32,
    /// What is there, as the message refers to it.
    pub message: String,
    /// Where it points in the input.
    #[serde(skip)]
    pub span: Span,
}

impl Notice {
    /// Apply `f` to every string of the notice that holds the notice's text
    /// or a message quoting it (not the hash, encoding or format names, nor
    /// diagnostic codes). Used to give the text back in the characters the
    /// source prints.
    pub fn for_each_text_mut(&mut self, mut f: impl FnMut(&mut String)) {
        let f = &mut f;
        let d = &mut self.document;
        if let Some(n) = &mut d.doc_number {
            f(&mut n.text);
            f(&mut n.agency);
        }
        d.title.iter_mut().for_each(&mut *f);
        d.addressees.iter_mut().for_each(&mut *f);
        for s in &mut d.sections {
            f(&mut s.heading);
            f(&mut s.text);
        }
        d.attachment_list.iter_mut().for_each(|a| f(&mut a.title));
        d.issuer.iter_mut().for_each(&mut *f);
        d.preamble.iter_mut().for_each(&mut *f);
        d.notes.iter_mut().for_each(&mut *f);
        d.colophon.iter_mut().for_each(&mut *f);
        let p = &mut self.plan;
        p.region.iter_mut().for_each(&mut *f);
        p.categories.iter_mut().for_each(|c| f(&mut c.name));
        p.untasked.iter_mut().for_each(&mut *f);
        for project in &mut p.projects {
            project.name.iter_mut().for_each(&mut *f);
            f(&mut project.text);
            project.lead_units.iter_mut().for_each(&mut *f);
            project.support_units.iter_mut().for_each(&mut *f);
            project.leaders.iter_mut().for_each(&mut *f);
            project
                .targets
                .iter_mut()
                .for_each(|q| q.for_each_text_mut(f));
            for m in &mut project.measures {
                f(&mut m.text);
                m.quantities.iter_mut().for_each(|q| q.for_each_text_mut(f));
            }
        }
        self.attachments.iter_mut().for_each(|a| f(&mut a.title));
        for d in &mut self.diagnostics {
            f(&mut d.message);
            d.labels.iter_mut().for_each(|l| f(&mut l.message));
            if let Some(help) = &mut d.help {
                f(help);
            }
        }
    }
}

impl Quantity {
    fn for_each_text_mut(&mut self, f: &mut impl FnMut(&mut String)) {
        f(&mut self.text);
        f(&mut self.unit);
        f(&mut self.canonical_unit);
    }
}
