//! Diagnostics: what the parser flags, with stable codes and spans.
//!
//! The parser never stops at a problem: every stage pushes [`Diagnostic`]s
//! into a [`Diagnostics`] sink and goes on. Codes are stable kebab-case
//! identifiers ([`Code`]); messages are English sentences that quote the
//! notice's text.

use serde::{Deserialize, Serialize};

use crate::source::Span;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational: something a reader may want to know.
    Info,
    /// Something is probably wrong in the notice or was not understood.
    Warning,
    /// The input could not be read as a notice, wholly or in part.
    Error,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    /// `error`, `warning` or `info`, as the JSON and the terminal write them.
    ///
    /// ```
    /// assert_eq!("warning".parse(), Ok(minsheng::Severity::Warning));
    /// assert!("fatal".parse::<minsheng::Severity>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Severity, String> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!(
                "unknown severity “{other}”: expected error, warning or info"
            )),
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $variant:ident = $name:literal, $sev:ident; )*) => {
        /// The stable diagnostic codes. Each variant's doc says when it is
        /// raised; `docs/diagnostics.md` gives an example of each.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The kebab-case identifier used in JSON and on the terminal.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The severity this code is raised with.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }

            /// One-line description (the variant's doc).
            pub fn description(self) -> &'static str {
                match self { $(Code::$variant => concat!($($doc),*).trim_ascii(),)* }
            }
        }
    };
}

codes! {
    /// A non-blank line that no element of the notice took.
    UnparsedText = "unparsed-text", Warning;
    /// A line that looks like a leftover of layout or copying (a caption
    /// repeated before an attachment marker, a list bullet before 附件：).
    StrayText = "stray-text", Info;
    /// Chrome of the web page, forum or mirror site the notice was copied
    /// from (navigation, buttons, 发表于…/回复/举报, reader comments, 相关推荐
    /// link lists, spam): set aside, not read as notice text.
    PageChrome = "page-chrome", Info;
    /// An attachment numbered as a list whose parts are not the projects
    /// (a 工作方案's 指导思想, 工作目标, 保障措施): kept out of the plan,
    /// its text named by this diagnostic's span.
    NotAProjectList = "not-a-project-list", Info;
    /// A footnote at a page bottom (a rule, then "① …" lines): set aside so
    /// the text it interrupts reads on across it; its text is this
    /// diagnostic's.
    Footnote = "footnote", Info;
    /// A project table's total row (合计, 总计, 小计): the sums of the rows
    /// above, not a project; its text is this diagnostic's.
    TableTotal = "table-total", Info;
    /// A declared count (a category's "（12 项）", the notice's "50 项")
    /// differs from what is listed.
    CountMismatch = "count-mismatch", Warning;
    /// Numbers of projects, categories or measures skip a value.
    NumberingGap = "numbering-gap", Warning;
    /// A number is used twice at the same level.
    NumberingDuplicate = "numbering-duplicate", Warning;
    /// Two printed copies of one attachment differ after normalization.
    AttachmentCopiesDiffer = "attachment-copies-differ", Info;
    /// A project's text in one attachment differs from its text in another
    /// beyond punctuation and spacing.
    TextDiffersBetweenAttachments = "text-differs-between-attachments", Warning;
    /// A project names no lead unit.
    MissingLeadUnit = "missing-lead-unit", Warning;
    /// Measures whose project number is not in the project list: the
    /// project is kept, marked `only_in_measures`.
    OrphanMeasures = "orphan-measures", Warning;
    /// Two attachments state different facts about one project (another
    /// lead unit, more supporting units or leaders, more measures): the
    /// project list's lead units are kept, what only the other adds is
    /// added, and both lines are named.
    Conflict = "conflict", Warning;
    /// The 附件说明 names an attachment that the input does not contain.
    MissingAttachment = "missing-attachment", Warning;
    /// No project list was found.
    NoProjects = "no-projects", Warning;
    /// The input is empty or blank.
    EmptyInput = "empty-input", Error;
    /// The input looks like binary data, not text.
    BinaryInput = "binary-input", Error;
    /// Bytes that are not valid in the input's encoding (replaced by U+FFFD).
    InvalidEncoding = "invalid-encoding", Error;
    /// The input is larger than the configured limit and was not parsed.
    InputTooLarge = "input-too-large", Error;
}

impl std::str::FromStr for Code {
    type Err = String;
    /// A code from its kebab-case identifier.
    fn from_str(s: &str) -> Result<Code, String> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| format!("unknown diagnostic code “{s}”"))
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Code {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Code".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        schemars::json_schema!({
            "description": "Stable kebab-case diagnostic code (docs/diagnostics.md).",
            "type": "string",
            "enum": names,
        })
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem or remark, pointing at the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Its code.
    pub code: Code,
    /// Its severity (normally the code's).
    pub severity: Severity,
    /// What was expected and what was found.
    pub message: String,
    /// Where, in the decoded input.
    pub span: Span,
    /// Other places the message speaks of ("the first copy", "the list's
    /// entry"), each with what it is.
    pub labels: Vec<Label>,
    /// What the user can do about it, if anything.
    pub help: Option<String>,
}

/// A secondary place of a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Label {
    /// Where, in the decoded input.
    pub span: Span,
    /// What is there, as the message refers to it.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity.
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            span,
            labels: Vec::new(),
            help: None,
        }
    }

    /// The same with another place the message speaks of.
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// The same with advice for the user.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
}

/// The sink every stage pushes into.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Push one.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Push a diagnostic built from its parts.
    pub fn report(&mut self, code: Code, span: Span, message: impl Into<String>) {
        self.push(Diagnostic::new(code, span, message));
    }

    /// All diagnostics, sorted by position then code, so output is stable.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (a.span.start, a.code, &a.message).cmp(&(b.span.start, b.code, &b.message))
        });
        self.items.dedup();
        self.items
    }

    /// Diagnostics so far.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

/// Shorten quoted notice text for a message, on grapheme boundaries.
pub fn quote(text: &str) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    const MAX: usize = 24;
    let graphemes: Vec<&str> = text.graphemes(true).collect();
    if graphemes.len() <= MAX {
        format!("“{text}”")
    } else {
        format!("“{}…”", graphemes[..MAX].concat())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_with_descriptions() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL {
            let name = code.as_str();
            assert!(seen.insert(name), "duplicate code {name}");
            assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
            assert!(!code.description().is_empty());
        }
    }

    #[test]
    fn quotes_are_shortened_on_grapheme_boundaries() {
        assert_eq!(quote("推进措施"), "“推进措施”");
        let long = "新".repeat(30);
        assert_eq!(quote(&long).chars().count(), 24 + 3);
    }
}
