//! A user's vocabulary: the label words and page furniture of a district
//! the parser does not know, given at run time (`--vocabulary FILE`), so a
//! data team can read a new district without a new release.
//!
//! - **Labels** are synonyms. Before any grammar reads a line, a user's
//!   label is read as the parser's own label of the same role: 主抓单位 as
//!   牵头单位, 帮扶单位 as 配合单位. As with width and traditional forms, the
//!   folded text maps back to the text as printed, so spans and the report
//!   still point at 主抓单位. A label is replaced where it is one: before
//!   its colon (项目主抓单位：…), or standing alone as a table's header cell.
//! - **Line filters** are regular expressions (the `regex` crate's syntax),
//!   matched against each line with its surrounding spaces trimmed. A line
//!   that matches is page furniture, set aside like a page number: it
//!   neither joins nor splits the text around it, and the report shows it
//!   as set aside.
//!
//! ```
//! use minsheng::{LabelRole, Vocabulary};
//! let vocabulary = Vocabulary::new()
//!     .with_label("主抓单位", LabelRole::Lead)?
//!     .with_line_filter(r"^来源：.+网$")?;
//! let text = "附件\n\n一、就业\n\n1.新增城镇就业1万人。（主抓单位：区人社局）\n来源：瑶海区人民政府网\n";
//! let options = minsheng::Options::default().with_vocabulary(vocabulary);
//! let notice = minsheng::parse_bytes(text.as_bytes(), &options).notice;
//! assert_eq!(notice.plan.projects[0].lead_units, ["区人社局"]);
//! # Ok::<(), minsheng::VocabularyError>(())
//! ```

use crate::mapped::MappedText;
use crate::units::is_han;

/// What a user's label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LabelRole {
    /// The unit that leads (read as 牵头单位).
    Lead,
    /// Units that support the lead (read as 配合单位).
    Support,
    /// Units that answer for the work: the lead unless the notice also
    /// names 牵头 units (read as 责任单位).
    Responsible,
    /// A person or post, not a unit (read as 责任领导).
    Leader,
}

impl LabelRole {
    /// The parser's own label this role is read as.
    fn canonical(self) -> &'static str {
        match self {
            LabelRole::Lead => "牵头单位",
            LabelRole::Support => "配合单位",
            LabelRole::Responsible => "责任单位",
            LabelRole::Leader => "责任领导",
        }
    }

    /// The grammar's role of the same name.
    #[cfg(test)]
    fn role(self) -> crate::units::Role {
        use crate::units::Role;
        match self {
            LabelRole::Lead => Role::Lead,
            LabelRole::Support => Role::Support,
            LabelRole::Responsible => Role::Responsible,
            LabelRole::Leader => Role::Leader,
        }
    }
}

impl std::fmt::Display for LabelRole {
    /// `lead`, `support`, `responsible` or `leader`, as the file's keys.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            LabelRole::Lead => "lead",
            LabelRole::Support => "support",
            LabelRole::Responsible => "responsible",
            LabelRole::Leader => "leader",
        })
    }
}

/// A user's label words and line filters. Empty by default: the parser's
/// own vocabulary only.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Labels with the role they are read as, longest first (so 项目主抓单位
    /// is tried before 主抓单位).
    labels: Vec<(String, LabelRole)>,
    /// Lines that are page furniture.
    filters: Vec<regex::Regex>,
}

/// Why a vocabulary was refused: the message, and where in the file when it
/// came from one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VocabularyError {
    /// What is wrong, naming the entry.
    pub message: String,
    /// 1-based line and column in the vocabulary file, when known.
    pub position: Option<(u32, u32)>,
}

impl std::fmt::Display for VocabularyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.position {
            Some((line, column)) => write!(f, "line {line}, column {column}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for VocabularyError {}

fn refuse(message: String) -> VocabularyError {
    VocabularyError {
        message,
        position: None,
    }
}

/// The longest label accepted, in characters (the grammar reads labels of
/// up to ten).
const MAX_LABEL_CHARS: usize = 10;

impl Vocabulary {
    /// No words of the user's own.
    pub fn new() -> Vocabulary {
        Vocabulary::default()
    }

    /// True when it adds nothing to the parser's own vocabulary.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty() && self.filters.is_empty()
    }

    /// With `label` read as a label of `role`. A label is 2 to 10 Chinese
    /// characters, without its colon (主抓单位, not 主抓单位：).
    ///
    /// ```
    /// use minsheng::{LabelRole, Vocabulary};
    /// assert!(Vocabulary::new().with_label("主抓单位", LabelRole::Lead).is_ok());
    /// let e = Vocabulary::new().with_label("主抓单位：", LabelRole::Lead).unwrap_err();
    /// assert!(e.message.contains("主抓单位："));
    /// ```
    pub fn with_label(
        mut self,
        label: &str,
        role: LabelRole,
    ) -> Result<Vocabulary, VocabularyError> {
        let label = label.trim();
        let chars = label.chars().count();
        if !(2..=MAX_LABEL_CHARS).contains(&chars) || !label.chars().all(is_han) {
            return Err(refuse(format!(
                "the {role} label “{label}” is not a label: a label is 2 to {MAX_LABEL_CHARS} \
                 Chinese characters, written without its colon"
            )));
        }
        if let Some((_, other)) = self.labels.iter().find(|(l, _)| l == label) {
            if *other != role {
                return Err(refuse(format!(
                    "the label “{label}” is given as both {other} and {role}"
                )));
            }
            return Ok(self);
        }
        self.labels.push((label.to_string(), role));
        self.labels
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Ok(self)
    }

    /// With lines that match `pattern` (a regular expression, matched
    /// against the line with its surrounding spaces trimmed) set aside as
    /// page furniture.
    ///
    /// ```
    /// let e = minsheng::Vocabulary::new().with_line_filter("^来源(").unwrap_err();
    /// assert!(e.message.starts_with("the line filter “^来源(” is not a regular expression"));
    /// ```
    pub fn with_line_filter(mut self, pattern: &str) -> Result<Vocabulary, VocabularyError> {
        let regex = regex::RegexBuilder::new(pattern)
            // A filter is a line's worth of pattern; the limit keeps a
            // mistaken one from costing gigabytes.
            .size_limit(1 << 20)
            .build()
            .map_err(|e| {
                refuse(format!(
                    "the line filter “{pattern}” is not a regular expression: {}",
                    first_line(&e.to_string())
                ))
            })?;
        if regex.is_match("") {
            return Err(refuse(format!(
                "the line filter “{pattern}” matches an empty line, so it would set aside \
                 every line: anchor it or give it text to match"
            )));
        }
        self.filters.push(regex);
        Ok(self)
    }

    /// True when the line `text` (trimmed here) is furniture by a filter.
    pub(crate) fn filters_out(&self, text: &str) -> bool {
        let text = text.trim();
        !text.is_empty() && self.filters.iter().any(|f| f.is_match(text))
    }

    /// `text` with each user label where it is one replaced by the parser's
    /// label of its role, mapped back to the label as printed.
    /// Whether it has labels to read.
    pub(crate) fn has_labels(&self) -> bool {
        !self.labels.is_empty()
    }

    pub(crate) fn read_labels(&self, text: &MappedText) -> Option<MappedText> {
        if self.labels.is_empty() {
            return None;
        }
        let s = text.as_str();
        let mut out: Option<MappedText> = None;
        let mut copied = 0;
        let mut at = 0;
        while at < s.len() {
            let found = self.labels.iter().find(|(label, _)| {
                s[at..].starts_with(label.as_str()) && is_label_at(s, at, label.len())
            });
            match found {
                Some((label, role)) => {
                    let rewritten = out.get_or_insert_with(MappedText::new);
                    rewritten.push_slice(text, copied..at);
                    rewritten
                        .push_replacement(role.canonical(), text.span_of(at..at + label.len()));
                    at += label.len();
                    copied = at;
                }
                None => at += s[at..].chars().next().map_or(1, char::len_utf8),
            }
        }
        let mut rewritten = out?;
        rewritten.push_slice(text, copied..s.len());
        Some(rewritten)
    }

    /// Read a vocabulary file:
    ///
    /// ```toml
    /// [labels]
    /// lead = ["主抓单位"]
    /// support = ["帮扶单位", "协作单位"]
    /// responsible = ["落实单位"]
    /// leader = ["包保领导"]
    ///
    /// [filters]
    /// lines = ['^来源：.+网$', '^扫一扫在手机打开当前页$']
    /// ```
    ///
    /// Every key is optional; an unknown key is refused (a misspelt one
    /// would otherwise do nothing), with its line and column.
    ///
    /// ```
    /// let v = minsheng::Vocabulary::from_toml("[labels]\nlead = [\"主抓单位\"]\n").unwrap();
    /// assert!(!v.is_empty());
    /// let e = minsheng::Vocabulary::from_toml("[labels]\nlaed = [\"主抓单位\"]\n").unwrap_err();
    /// assert_eq!(e.position, Some((2, 1)));
    /// ```
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Vocabulary, VocabularyError> {
        file::read(text)
    }
}

/// A label at `at` (of `len` bytes) is one where a colon follows it, or
/// where it stands alone between spaces or cell rules, as a header cell.
fn is_label_at(s: &str, at: usize, len: usize) -> bool {
    let after = s[at + len..].trim_start_matches([' ', '\t', '\u{3000}']);
    if after.starts_with(['：', ':']) {
        return true;
    }
    let parts = |c: char| c.is_whitespace() || matches!(c, '|' | '│' | '┃');
    let before_ok = s[..at].chars().next_back().is_none_or(parts);
    let after_ok = s[at + len..].chars().next().is_none_or(parts);
    before_ok && after_ok
}

fn first_line(s: &str) -> &str {
    // The regex crate's messages draw the pattern over several lines; the
    // last one says what is wrong.
    s.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or(s)
        .trim()
}

#[cfg(feature = "toml")]
mod file {
    //! The vocabulary file's TOML shape.

    use super::{LabelRole, Vocabulary, VocabularyError};
    use serde::Deserialize;

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    struct File {
        #[serde(default)]
        labels: Labels,
        #[serde(default)]
        filters: Filters,
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    struct Labels {
        #[serde(default)]
        lead: Vec<String>,
        #[serde(default)]
        support: Vec<String>,
        #[serde(default)]
        responsible: Vec<String>,
        #[serde(default)]
        leader: Vec<String>,
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    struct Filters {
        #[serde(default)]
        lines: Vec<String>,
    }

    pub(super) fn read(text: &str) -> Result<Vocabulary, VocabularyError> {
        let file: File = toml::from_str(text).map_err(|e| VocabularyError {
            message: e.message().to_string(),
            position: e.span().map(|s| position(text, s.start)),
        })?;
        let Labels {
            lead,
            support,
            responsible,
            leader,
        } = file.labels;
        let mut vocabulary = Vocabulary::new();
        for (words, role) in [
            (lead, LabelRole::Lead),
            (support, LabelRole::Support),
            (responsible, LabelRole::Responsible),
            (leader, LabelRole::Leader),
        ] {
            for word in words {
                vocabulary = vocabulary
                    .with_label(&word, role)
                    .map_err(|e| located(e, text, &word))?;
            }
        }
        for pattern in file.filters.lines {
            vocabulary = vocabulary
                .with_line_filter(&pattern)
                .map_err(|e| located(e, text, &pattern))?;
        }
        Ok(vocabulary)
    }

    /// The error placed at the entry's first appearance in the file.
    fn located(e: VocabularyError, text: &str, entry: &str) -> VocabularyError {
        VocabularyError {
            position: text.find(entry).map(|at| position(text, at)),
            ..e
        }
    }

    /// 1-based line and column (in characters) of byte `at`.
    fn position(text: &str, at: usize) -> (u32, u32) {
        let at = crate::source::floor_char_boundary(text, at);
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        (line as u32, column as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(v: &Vocabulary, s: &str) -> String {
        v.read_labels(&MappedText::original(s, 0))
            .map_or_else(|| s.to_string(), |t| t.as_str().to_string())
    }

    #[test]
    fn a_label_before_its_colon_is_read_as_the_parsers_own() {
        let v = Vocabulary::new()
            .with_label("主抓单位", LabelRole::Lead)
            .unwrap();
        assert_eq!(read(&v, "（主抓单位：区民政局）"), "（牵头单位：区民政局）");
        assert_eq!(
            read(&v, "项目主抓单位 ：区民政局"),
            "项目牵头单位 ：区民政局"
        );
        // The words in a sentence are not a label.
        assert_eq!(read(&v, "各主抓单位要加强协调。"), "各主抓单位要加强协调。");
    }

    #[test]
    fn a_label_alone_is_a_header_cell() {
        let v = Vocabulary::new()
            .with_label("帮扶单位", LabelRole::Support)
            .unwrap();
        assert_eq!(read(&v, "帮扶单位"), "配合单位");
        assert_eq!(
            read(&v, "序号  项目  帮扶单位  时限"),
            "序号  项目  配合单位  时限"
        );
        assert_eq!(read(&v, "| 帮扶单位 |"), "| 配合单位 |");
    }

    #[test]
    fn the_replaced_label_maps_back_to_the_label_as_printed() {
        let v = Vocabulary::new()
            .with_label("牵头方", LabelRole::Lead)
            .unwrap();
        let t = v
            .read_labels(&MappedText::original("x（牵头方：区教育局）", 10))
            .unwrap();
        assert_eq!(t.as_str(), "x（牵头单位：区教育局）");
        let label = t.as_str().find("牵头单位").unwrap();
        let span = t.span_of(label..label + "牵头单位".len());
        assert_eq!((span.start, span.end), (14, 14 + "牵头方".len() as u32));
        let unit = t.as_str().find("区教育局").unwrap();
        assert_eq!(
            t.span_of(unit..unit + 3).start,
            10 + "x（牵头方：".len() as u32
        );
    }

    #[test]
    fn each_role_reads_as_a_label_of_that_role() {
        for role in [
            LabelRole::Lead,
            LabelRole::Support,
            LabelRole::Responsible,
            LabelRole::Leader,
        ] {
            let label = format!("{}：", role.canonical());
            assert_eq!(
                crate::units::clause_label(&label).map(|l| l.0),
                Some(role.role())
            );
        }
    }

    #[test]
    fn a_longer_label_is_tried_first() {
        let v = Vocabulary::new()
            .with_label("主抓", LabelRole::Support)
            .unwrap()
            .with_label("主抓单位", LabelRole::Lead)
            .unwrap();
        assert_eq!(read(&v, "主抓单位：区民政局"), "牵头单位：区民政局");
        assert_eq!(read(&v, "主抓：区民政局"), "配合单位：区民政局");
    }

    #[test]
    fn labels_that_are_not_words_are_refused() {
        for bad in ["主", "主抓单位：", "lead", "一二三四五六七八九十一"] {
            assert!(
                Vocabulary::new().with_label(bad, LabelRole::Lead).is_err(),
                "{bad}"
            );
        }
        let e = Vocabulary::new()
            .with_label("主抓单位", LabelRole::Lead)
            .unwrap()
            .with_label("主抓单位", LabelRole::Support)
            .unwrap_err();
        assert_eq!(
            e.message,
            "the label “主抓单位” is given as both lead and support"
        );
    }

    #[test]
    fn a_filter_sets_aside_whole_lines_it_matches() {
        let v = Vocabulary::new().with_line_filter("^扫一扫").unwrap();
        assert!(v.filters_out("  扫一扫在手机打开当前页 "));
        assert!(!v.filters_out("请扫一扫"));
        assert!(Vocabulary::new().with_line_filter(".*").is_err());
    }

    #[cfg(feature = "toml")]
    #[test]
    fn a_file_with_a_bad_entry_says_where() {
        let e = Vocabulary::from_toml(
            "[labels]\nlead = [\"主抓单位\"]\n\n[filters]\nlines = ['^来源(']\n",
        )
        .unwrap_err();
        assert_eq!(e.position, Some((5, 11)));
        assert!(
            e.message.contains("“^来源(” is not a regular expression"),
            "{}",
            e.message
        );
        let e = Vocabulary::from_toml("[labels]\nlead = \"主抓单位\"\n").unwrap_err();
        assert_eq!(e.position.map(|p| p.0), Some(2));
    }
}
