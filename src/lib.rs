//! # minsheng
//!
//! Reads the notices Chinese local governments publish to announce their
//! 民生实事 (livelihood projects) and turns them into typed data and
//! canonical JSON.
//!
//! ```
//! let notice = minsheng::parse("附件 1\n\n一、促进就业（1 项）\n\n（1）新增城镇就业 1.15 万人左右。（牵头单位：区人社局）\n");
//! let project = &notice.plan.projects[0];
//! assert_eq!(project.lead_units, ["区人社局"]);
//! assert_eq!(project.targets[0].value().to_string(), "11500");
//! ```
//!
//! ## Stages
//! Data flows one way; each stage is a module with its own output type:
//!
//! 1. input and decoding: bytes → text ([`SourceText`]),
//!    encoding detected; empty, binary and too-large inputs are refused
//!    with one diagnostic.
//! 2. reading: text → blocks: logical lines with page-break splits
//!    joined, page furniture set aside, punctuation width folded, tables
//!    rebuilt; every piece keeps its way back to the input.
//! 3. structure: blocks → the document frame and the plan.
//! 4. [`emit`]: the [`model::Notice`] → canonical or pretty JSON; [`review`]
//!    a line per element to check by eye; with features, [`tables`] (`csv`),
//!    [`render`] (`render`: rustc-style diagnostics) and [`schema`].
//!
//! Two notices of one place in two years are compared by [`diff()`]: which
//! projects continue (matched by content, not number), which are new or
//! dropped, and what changed in each ([`PlanDiff`]).
//!
//! To check a conversion by eye, [`report::render`] makes one HTML page of
//! the notice's text with every element highlighted, from the [`Parsed`]
//! result and its [`places`].
//!
//! Parsing never fails: what is not understood becomes a [`Diagnostic`].
//!
//! ## Features
//! The default build is the library alone (`detect`: legacy-encoding
//! detection). `render` adds [`render`] (rustc-style diagnostics), `csv`
//! adds [`tables`], `schema` adds [`schema`] and `JsonSchema` on the model.
//! The command-line tool is its own crate (`minsheng-cli`).
//!
//! ## Stability
//! The model's structs and enums are `#[non_exhaustive]`: fields and
//! variants may be added. Read them, and build your own from `Default`;
//! [`Options`] has `with_` methods. The stages under `internals` are for the
//! crate's own tests and change without notice.

#![forbid(unsafe_code)]
#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

// The stages: private; tests, benches and the fuzz targets reach them
// through `internals`.
mod accounting;
mod assemble;
mod attachments;
mod context;
mod decimal;
mod decode;
mod document;
mod fold;
mod html;
mod input;
mod layout;
mod lex;
mod mapped;
mod normalize;
mod outline;
mod plan;
mod quantity;
mod source;
mod table;
mod traditional;
mod units;
mod validate;
mod vocabulary;

// The public surface.
pub mod diagnostic;
pub mod diff;
pub mod emit;
pub mod model;
pub mod numeral;
pub mod places;
#[cfg(feature = "render")]
pub mod render;
pub mod report;
pub mod review;
#[cfg(feature = "schema")]
pub mod schema;
#[cfg(feature = "csv")]
pub mod tables;

pub use decimal::{Decimal, ParseDecimalError};
pub use decode::EncodingChoice;
pub use diagnostic::{Code, Diagnostic, Severity};
pub use diff::{diff, PlanDiff};
pub use model::Notice;
pub use source::{LineIndex, Position, SourceText, Span};
pub use vocabulary::{LabelRole, Vocabulary, VocabularyError};

/// The parser's stages, for the crate's own tests, benches and fuzz
/// targets. Not a stable interface: anything here may change in any
/// release.
#[doc(hidden)]
pub mod internals {
    /// Stage modules re-exported whole.
    macro_rules! stages {
        ($($m:ident),*) => {$(
            #[allow(missing_docs)]
            pub mod $m {
                pub use crate::$m::*;
            }
        )*};
    }
    stages!(
        attachments,
        context,
        decimal,
        decode,
        document,
        fold,
        html,
        input,
        layout,
        lex,
        mapped,
        normalize,
        outline,
        plan,
        quantity,
        source,
        table,
        traditional,
        units
    );
}

/// How to read an input. Built from [`Options::default`] and the `with_`
/// methods (more fields may come):
///
/// ```
/// let options = minsheng::Options::default()
///     .with_name("notice.html")
///     .with_format(minsheng::InputFormat::Html);
/// assert_eq!(options.name.as_deref(), Some("notice.html"));
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
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
    /// The user's own label words and line filters (none by default).
    pub vocabulary: Vocabulary,
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
            vocabulary: Vocabulary::default(),
        }
    }
}

impl Options {
    /// With `source.name` set to `name`.
    pub fn with_name(mut self, name: impl Into<String>) -> Options {
        self.name = Some(name.into());
        self
    }

    /// Read as this encoding (default: detected).
    pub fn with_encoding(mut self, encoding: EncodingChoice) -> Options {
        self.encoding = encoding;
        self
    }

    /// Read with this reader (default: decided by content).
    pub fn with_format(mut self, format: InputFormat) -> Options {
        self.format = format;
        self
    }

    /// Refuse inputs larger than this many bytes.
    pub fn with_max_bytes(mut self, max_bytes: usize) -> Options {
        self.max_bytes = max_bytes;
        self
    }

    /// Read with a user's vocabulary as well as the parser's own.
    pub fn with_vocabulary(mut self, vocabulary: Vocabulary) -> Options {
        self.vocabulary = vocabulary;
        self
    }
}

/// Which reader turns the text into blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum InputFormat {
    /// Decide by content: HTML if it looks like a web page, else text.
    #[default]
    Auto,
    /// Plain text (copied from a page, extracted from PDF or Word).
    Text,
    /// A web page.
    Html,
}

impl std::fmt::Display for InputFormat {
    /// `auto`, `text` or `html`, as `--input` takes them.
    ///
    /// ```
    /// let f: minsheng::InputFormat = "htm".parse().unwrap();
    /// assert_eq!(f.to_string(), "html");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            InputFormat::Auto => "auto",
            InputFormat::Text => "text",
            InputFormat::Html => "html",
        })
    }
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
#[non_exhaustive]
pub struct Parsed {
    /// The result.
    pub notice: Notice,
    /// The decoded input.
    pub source: SourceText,
    /// Where each element is in the input (what the HTML report shows).
    pub places: places::Places,
}

impl Parsed {
    /// The text of the input that no element keeps, no diagnostic names,
    /// the reader did not set aside, and that is not the structure around
    /// the elements (markers, labels, a table's header): what the parser
    /// read and lost. Its promise is that there is none; the tests and the
    /// fuzz target check it. Computed when asked (it is not needed to
    /// parse).
    ///
    /// ```
    /// let parsed = minsheng::parse_bytes(
    ///     "附件 1\n一、促进就业（1项）\n（1）新增城镇就业1.15万人左右。（牵头单位：区人社局）\n".as_bytes(),
    ///     &minsheng::Options::default(),
    /// );
    /// assert!(parsed.unaccounted().is_empty());
    /// ```
    pub fn unaccounted(&self) -> Vec<Unaccounted> {
        let html = self.notice.source.format == "html";
        accounting::unaccounted(&self.source, &self.notice, &self.places, html)
            .into_iter()
            .map(|span| {
                let p = self.source.position(span.start as usize);
                Unaccounted {
                    span,
                    line: p.line,
                    column: p.column,
                    text: self.source.slice(span).to_string(),
                }
            })
            .collect()
    }
}

/// A piece of the input the parser read and did not account for.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Unaccounted {
    /// Where it is.
    pub span: Span,
    /// Its 1-based line.
    pub line: u32,
    /// Its 1-based column, in characters.
    pub column: u32,
    /// Its text.
    pub text: String,
}

impl Unaccounted {
    /// True when it is the whole of its line of `text` (the decoded
    /// source), more than one character: a line lost, not a word.
    pub fn is_whole_line(&self, text: &str) -> bool {
        let (start, end) = (self.span.start as usize, self.span.end as usize);
        let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else {
            return false;
        };
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line_end = after.find('\n').map_or(text.len(), |i| end + i);
        text[line_start..line_end].trim() == self.text.trim() && self.text.chars().nth(1).is_some()
    }
}

impl std::fmt::Display for Unaccounted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{} “{}”", self.line, self.column, self.text)
    }
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
    let html = match options.format {
        InputFormat::Html => true,
        InputFormat::Text => false,
        InputFormat::Auto => html::looks_like_html(&source.text),
    };
    let mut hidden = Vec::new();
    let blocks = if html {
        let mut reading = html::read_html(&source.text);
        hidden = std::mem::take(&mut reading.hidden);
        // Markup is structure as the page's own tokenizer read it.
        hidden.append(&mut reading.markup);
        // What the reader skipped is accounted for, never dropped.
        for d in reading.skipped_diagnostics(&source.text) {
            sink.push(d);
        }
        normalize::join_open_brackets(normalize::fold_blocks(reading.blocks, &options.vocabulary))
    } else {
        normalize::read_text_with(&source, &options.vocabulary)
    };
    let blocks = normalize::split_shared_lines(blocks);
    let mut ctx = context::Context::new(&blocks, &source, sink);
    let (document, plan, attachments) = assemble::structure(&mut ctx);
    ctx.report_unused();
    let mut places = std::mem::take(&mut ctx.places);
    places.keep_frame_fields(&document);
    places.set_aside = set_aside(&blocks);
    places.structure.extend(hidden);
    let mut diagnostics: Vec<model::DiagnosticRecord> = ctx
        .sink
        .into_sorted()
        .into_iter()
        .map(|d| record(d, &source))
        .collect();
    concerned_projects(&mut diagnostics, &plan.projects);
    let notice = Notice {
        schema_version: model::SCHEMA_VERSION,
        source: source_info(
            bytes,
            options,
            &source,
            if html {
                model::SourceFormat::Html
            } else {
                model::SourceFormat::Text
            },
        ),
        document,
        plan,
        attachments,
        diagnostics,
    };
    let notice = as_printed(notice, &traditional::PrintedForms::learn(&source.text));
    // A web page's markup lines are not notice text; its text blocks are
    // accounted for block by block (unused blocks are reported above).
    Parsed {
        notice,
        source,
        places,
    }
}

/// The result for an input [`input::read`] refused: an empty document and
/// plan, and the one diagnostic that says why.
fn refused(bytes: &[u8], options: &Options, refusal: input::Refusal) -> Parsed {
    let input::Refusal { diagnostic, source } = refusal;
    let notice = Notice {
        schema_version: model::SCHEMA_VERSION,
        source: source_info(bytes, options, &source, model::SourceFormat::Text),
        document: model::Document::default(),
        plan: model::Plan::default(),
        attachments: Vec::new(),
        diagnostics: vec![record(diagnostic, &source)],
    };
    Parsed {
        notice,
        source,
        places: places::Places::default(),
    }
}

/// The quantities in one line of text, as `minsheng quantities` prints
/// them: the line is folded like a notice's text, and each quantity's
/// column points at the line as given.
///
/// ```
/// let q = minsheng::quantities_in_line("新增城镇就业 1.15 万人左右", 1);
/// assert_eq!((q[0].value().to_string(), q[0].unit.as_str(), q[0].column), ("11500".into(), "人", 8));
/// ```
pub fn quantities_in_line(line: &str, line_no: u32) -> Vec<model::Quantity> {
    let folded = fold::fold(&mapped::MappedText::original(line, 0));
    quantity::find_quantities(folded.as_str())
        .into_iter()
        .map(|q| {
            let span = folded.span_of(q.range.clone());
            let column = line
                .get(..span.start as usize)
                .map_or(1, |before| before.chars().count() as u32 + 1);
            q.to_quantity(span, line_no, column)
        })
        .collect()
}

/// The lines the reader set aside (furniture, footnotes, chrome, page metadata).
fn set_aside(blocks: &[layout::Block]) -> Vec<places::SetAside> {
    blocks
        .iter()
        .filter_map(|b| match b {
            layout::Block::Line(l) => {
                let kind = match l.kind {
                    layout::LineKind::Furniture => places::SetAsideKind::Furniture,
                    layout::LineKind::Footnote => places::SetAsideKind::Footnote,
                    layout::LineKind::Chrome => places::SetAsideKind::Chrome,
                    layout::LineKind::Metadata => places::SetAsideKind::Metadata,
                    _ => return None,
                };
                Some(places::SetAside {
                    kind,
                    spans: places::runs(&l.text),
                })
            }
            layout::Block::Table(_) => None,
        })
        .collect()
}

/// `source` of the JSON: what was read and how.
fn source_info(
    bytes: &[u8],
    options: &Options,
    source: &SourceText,
    format: model::SourceFormat,
) -> model::SourceInfo {
    model::SourceInfo {
        name: options.name.clone(),
        sha256: sha256_hex(bytes),
        bytes: bytes.len() as u64,
        encoding: source.encoding,
        lines: source.lines.line_count() as u32,
        format,
    }
}

/// A diagnostic as the JSON has it, with its line and column.
fn record(d: Diagnostic, source: &SourceText) -> model::DiagnosticRecord {
    let p = source.position(d.span.start as usize);
    let labels = d
        .labels
        .into_iter()
        .map(|label| {
            let p = source.position(label.span.start as usize);
            model::LabelRecord {
                line: p.line,
                column: p.column,
                message: label.message,
                span: label.span,
            }
        })
        .collect();
    model::DiagnosticRecord {
        severity: d.severity,
        code: d.code,
        message: d.message,
        line: p.line,
        column: p.column,
        project: None,
        labels,
        help: d.help,
        span: d.span,
    }
}

/// Set each diagnostic's `project`: the project whose text its span starts
/// in; else the project one of its labels points into (a difference found
/// in another attachment names "project 12 in the list"); else the project
/// one of whose measures is on its line. Projects are sorted by where they
/// start once, so this is O((d + l + p) log p) for d diagnostics with l
/// labels.
fn concerned_projects(diagnostics: &mut [model::DiagnosticRecord], projects: &[model::Project]) {
    let mut starts: Vec<(u32, u32, u32)> = projects
        .iter()
        .filter(|p| !p.span.is_empty())
        .map(|p| (p.span.start, p.span.end, p.number))
        .collect();
    starts.sort_unstable();
    let mut measure_lines = std::collections::BTreeMap::new();
    for p in projects {
        for m in &p.measures {
            measure_lines.entry(m.line).or_insert(p.number);
        }
    }
    let inside = |span: Span| {
        let at = span.start;
        let before = starts.partition_point(|&(start, _, _)| start <= at);
        before
            .checked_sub(1)
            .map(|i| starts[i])
            .filter(|&(_, end, _)| at < end)
            .map(|(_, _, number)| number)
    };
    for d in diagnostics {
        d.project = inside(d.span)
            .or_else(|| d.labels.iter().find_map(|l| inside(l.span)))
            .or_else(|| measure_lines.get(&d.line).copied());
    }
}

/// The notice with its text in the characters the source prints: the fold
/// read traditional characters as simplified ones (see [`traditional`]).
fn as_printed(mut notice: Notice, forms: &traditional::PrintedForms) -> Notice {
    if !forms.is_empty() {
        notice.for_each_text_mut(|s| {
            if let std::borrow::Cow::Owned(printed) = forms.restore(s) {
                *s = printed;
            }
        });
    }
    notice
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
