//! # minsheng
//!
//! Reads the notices Chinese local governments publish to announce their
//! 民生实事 (livelihood projects) and turns them into typed data and
//! canonical JSON.
//!
//! ```no_run
//! let notice = minsheng::parse("附件 1\n\n一、促进就业（1 项）\n\n（1）新增城镇就业 1.15 万人左右。（牵头单位：区人社局）\n");
//! let project = &notice.plan.projects[0];
//! assert_eq!(project.lead_units, ["区人社局"]);
//! assert_eq!(project.targets[0].value.to_string(), "11500");
//! ```
//!
//! ## Stages
//! Data flows one way; each stage is a module with its own output type:
//!
//! 1. [`input`] and [`decode`]: bytes → text ([`source::SourceText`]),
//!    encoding detected; empty, binary and too-large inputs are refused
//!    with one diagnostic.
//! 2. reading: text → [`layout::Block`]s: logical lines with page-break splits
//!    joined, page furniture set aside, punctuation width folded, tables
//!    rebuilt; every piece keeps its way back to the input ([`mapped`]).
//! 3. structure: blocks → the document frame and the plan.
//! 4. [`emit`]: the [`model::Notice`] → canonical or pretty JSON.
//!
//! Parsing never fails: what is not understood becomes a [`Diagnostic`].

#![forbid(unsafe_code)]
#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

pub mod decimal;
pub mod decode;
pub mod diagnostic;
pub mod emit;
pub mod input;
pub mod layout;
pub mod mapped;
pub mod model;
pub mod source;

pub use decimal::Decimal;
pub use diagnostic::{Code, Diagnostic, Severity};
pub use model::Notice;
pub use source::Span;

use decode::EncodingChoice;
use source::SourceText;

/// How to read an input.
#[derive(Debug, Clone)]
pub struct Options {
    /// The input's name for `source.name` (a file path), if any.
    pub name: Option<String>,
    /// The encoding to read it as.
    pub encoding: EncodingChoice,
    /// Which reader to use.
    pub format: InputFormat,
    /// Inputs larger than this many bytes are refused with an
    /// `input-too-large` diagnostic instead of being parsed.
    pub max_bytes: usize,
}

/// The default input size limit: 64 MiB.
pub const DEFAULT_MAX_BYTES: usize = 64 << 20;

impl Default for Options {
    fn default() -> Options {
        Options {
            name: None,
            encoding: EncodingChoice::Auto,
            format: InputFormat::Auto,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Which reader turns the text into blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Decide by content: HTML if it looks like a web page, else text.
    #[default]
    Auto,
    /// Plain text (copied from a page, extracted from PDF or Word).
    Text,
    /// A web page.
    Html,
}

impl std::str::FromStr for InputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<InputFormat, String> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(InputFormat::Auto),
            "text" | "txt" => Ok(InputFormat::Text),
            "html" | "htm" => Ok(InputFormat::Html),
            other => Err(format!(
                "unknown input format “{other}”: expected auto, text or html"
            )),
        }
    }
}

/// A parsed notice with the decoded source its positions point into.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The result.
    pub notice: Notice,
    /// The decoded input.
    pub source: SourceText,
    /// 1-based numbers of non-blank lines that no element took and no
    /// diagnostic reports. The parser's promise is that this is empty;
    /// tests check it.
    pub unaccounted_lines: Vec<u32>,
}

/// Parse a notice given as text.
pub fn parse(text: &str) -> Notice {
    parse_bytes(text.as_bytes(), &Options::default()).notice
}

/// Parse a notice given as bytes.
///
/// ```
/// let parsed = minsheng::parse_bytes("附件 1\n".as_bytes(), &minsheng::Options::default());
/// assert_eq!(parsed.notice.source.encoding, "UTF-8");
/// ```
pub fn parse_bytes(bytes: &[u8], options: &Options) -> Parsed {
    // Too large, binary or blank: one diagnostic, nothing parsed.
    let decoded = match input::read(bytes, options.encoding, options.max_bytes) {
        Ok(decoded) => decoded,
        Err(refusal) => return refused(bytes, options, refusal),
    };
    let source = SourceText::new(decoded.text, decoded.encoding);
    let mut sink = diagnostic::Diagnostics::default();
    for d in decoded.diagnostics {
        sink.push(d);
    }
    let notice = build(bytes, options, &source, sink);
    Parsed {
        notice,
        source,
        unaccounted_lines: Vec::new(),
    }
}

/// The result for an input [`input::read`] refused: an empty document and
/// plan, and the one diagnostic that says why.
fn refused(bytes: &[u8], options: &Options, refusal: input::Refusal) -> Parsed {
    let input::Refusal { diagnostic, source } = refusal;
    let p = source.position(diagnostic.span.start as usize);
    let notice = Notice {
        schema_version: model::SCHEMA_VERSION,
        source: model::SourceInfo {
            name: options.name.clone(),
            sha256: String::new(),
            bytes: bytes.len() as u64,
            encoding: source.encoding.clone(),
            lines: source.lines.line_count() as u32,
            format: "text".into(),
        },
        document: model::Document::default(),
        plan: model::Plan::default(),
        attachments: Vec::new(),
        diagnostics: vec![model::DiagnosticRecord {
            severity: diagnostic.severity,
            code: diagnostic.code.as_str().to_string(),
            message: diagnostic.message,
            line: p.line,
            column: p.column,
            span: diagnostic.span,
        }],
    };
    Parsed {
        notice,
        source,
        unaccounted_lines: Vec::new(),
    }
}

fn build(
    bytes: &[u8],
    options: &Options,
    source: &SourceText,
    mut sink: diagnostic::Diagnostics,
) -> Notice {
    for line in 0..source.lines.line_count() {
        let range = source.lines.line_range(&source.text, line);
        if !source.text[range.clone()].trim().is_empty() {
            sink.report(
                Code::UnparsedText,
                Span::new(range.start, range.end),
                "not yet understood",
            );
        }
    }
    Notice {
        schema_version: model::SCHEMA_VERSION,
        source: model::SourceInfo {
            name: options.name.clone(),
            sha256: String::new(),
            bytes: bytes.len() as u64,
            encoding: source.encoding.clone(),
            lines: source.lines.line_count() as u32,
            format: "text".into(),
        },
        document: model::Document::default(),
        plan: model::Plan::default(),
        attachments: Vec::new(),
        diagnostics: sink
            .into_sorted()
            .into_iter()
            .map(|d| {
                let p = source.position(d.span.start as usize);
                model::DiagnosticRecord {
                    severity: d.severity,
                    code: d.code.as_str().to_string(),
                    message: d.message,
                    line: p.line,
                    column: p.column,
                    span: d.span,
                }
            })
            .collect(),
    }
}
