//! Diagnostics as rustc shows its own, rendered by annotate-snippets
//! (rustc's renderer): the `severity[code]: message` title, the file, line
//! and column, the source line with the span underlined (wide CJK
//! characters counted as two columns), the other places the message speaks
//! of, and the help. Feature `render`.
//!
//! ```
//! let text = "附件 1\n一、促进就业（2 项）\n（1）新增城镇就业 1.15 万人左右。（牵头单位：区人社局）\n";
//! let parsed = minsheng::parse_bytes(text.as_bytes(), &minsheng::Options::default());
//! let out = minsheng::render::diagnostics(
//!     "notice.txt",
//!     &parsed.source,
//!     &parsed.notice.diagnostics,
//!     minsheng::render::Style::Plain,
//! );
//! assert!(out.starts_with("warning[count-mismatch]"), "{out}");
//! assert!(out.contains("--> notice.txt:2:"), "{out}");
//! ```

use std::borrow::Cow;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::model::DiagnosticRecord;
use crate::source::SourceText;
use crate::Severity;

/// How the rendering looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Style {
    /// Plain text, for logs, files and pipes.
    #[default]
    Plain,
    /// With ANSI colours, for a terminal.
    Colour,
}

impl std::str::FromStr for Style {
    type Err = String;
    fn from_str(s: &str) -> Result<Style, String> {
        match s {
            "plain" => Ok(Style::Plain),
            "colour" | "color" => Ok(Style::Colour),
            other => Err(format!("unknown style “{other}”: expected plain or colour")),
        }
    }
}

fn renderer(style: Style) -> Renderer {
    match style {
        Style::Colour => Renderer::styled(),
        Style::Plain => Renderer::plain(),
    }
}

/// One diagnostic of the input `name` whose decoded text is `source` (the
/// [`crate::Parsed::source`] its record's span points into).
pub fn diagnostic(
    name: &str,
    source: &SourceText,
    record: &DiagnosticRecord,
    style: Style,
) -> String {
    renderer(style).render(&[group(name, source, record)])
}

/// Every diagnostic given, in order, each followed by a blank line.
pub fn diagnostics(
    name: &str,
    source: &SourceText,
    records: &[DiagnosticRecord],
    style: Style,
) -> String {
    let renderer = renderer(style);
    let mut out = String::new();
    for record in records {
        out.push_str(&renderer.render(&[group(name, source, record)]));
        out.push_str("\n\n");
    }
    out
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

fn group<'a>(name: &'a str, source: &'a SourceText, record: &'a DiagnosticRecord) -> Group<'a> {
    let title = level(record.severity)
        .primary_title(record.message.as_str())
        .id(record.code.as_str());
    let origin = || {
        Origin::path(name)
            .line(record.line as usize)
            .char_column(record.column as usize)
    };
    let mut group = match excerpt(source, record.span, record.line) {
        Some(excerpt) if !excerpt.cut_before => title.element(
            Snippet::source(excerpt.text)
                .line_start(excerpt.line)
                .path(name)
                .annotation(AnnotationKind::Primary.span(excerpt.underline)),
        ),
        // The line is shown from near the span only, so the renderer
        // cannot count the column: the place is given after it.
        Some(excerpt) => title
            .element(
                Snippet::source(excerpt.text)
                    .line_start(excerpt.line)
                    .annotation(AnnotationKind::Primary.span(excerpt.underline)),
            )
            .element(origin()),
        // No source to show (empty input, or a span that does not fit the
        // text): still say where.
        None => title.element(origin()),
    };
    // Each other place the message speaks of, as its own excerpt with the
    // label under it.
    for label in &record.labels {
        group = match excerpt(source, label.span, label.line) {
            Some(excerpt) => group.element(
                Snippet::source(excerpt.text)
                    .line_start(excerpt.line)
                    .path(name)
                    .annotation(
                        AnnotationKind::Context
                            .span(excerpt.underline)
                            .label(label.message.as_str()),
                    ),
            ),
            None => group
                .element(Level::NOTE.message(format!("{} at line {}", label.message, label.line))),
        };
    }
    if let Some(help) = &record.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    group
}

/// The part of a line shown under a diagnostic, and the range to underline.
struct Excerpt<'a> {
    text: Cow<'a, str>,
    underline: Range<usize>,
    /// The line's start is left out.
    cut_before: bool,
    /// The 1-based line shown.
    line: usize,
}

/// Characters shown from the start of a span on, and before it: notices
/// from web pages can have a whole document on one line, and a span may
/// cover all of it. What is shown of a line is bounded, so rendering many
/// diagnostics on one long line costs time linear in their number, not
/// in their number times the line's length.
const SHOWN_AFTER_SPAN_START: usize = 100;
const SHOWN_BEFORE_SPAN_START: usize = 100;
const ELLIPSIS: &str = "…";

/// The line `span` starts on (`line`, if that is where it starts), from a
/// limit before the span's start to a limit past it, with the span
/// (clipped to what is shown) to underline.
fn excerpt(source: &SourceText, span: crate::Span, line: u32) -> Option<Excerpt<'_>> {
    let text = source.text.as_str();
    let span = span.range();
    text.get(span.clone())?;
    // The given line, when it is the span's (it is, from the parser);
    // else looked up.
    let (line, line_range) = {
        let given = source
            .lines
            .line_range(text, (line as usize).saturating_sub(1));
        if given.start <= span.start && span.start <= given.end {
            (line as usize, given)
        } else {
            let line = source.position(span.start).line as usize;
            (line, source.lines.line_range(text, line - 1))
        }
    };
    let from_span = text.get(span.start..line_range.end.max(span.start))?;
    let to = from_span
        .char_indices()
        .nth(SHOWN_AFTER_SPAN_START)
        .map_or(line_range.end, |(i, _)| span.start + i);
    let before = text.get(line_range.start..span.start)?;
    let from = before
        .char_indices()
        .rev()
        .nth(SHOWN_BEFORE_SPAN_START - 1)
        .filter(|&(i, _)| i > 0)
        .map_or(line_range.start, |(i, _)| line_range.start + i);
    let cut_before = from > line_range.start;
    let shown = &text[from..to];
    if shown.trim().is_empty() && span.is_empty() {
        return None;
    }
    let lead = if cut_before { ELLIPSIS.len() } else { 0 };
    let underline = (lead + span.start - from)..(lead + span.end.min(to).max(span.start) - from);
    let text = match (cut_before, to < line_range.end) {
        (false, false) => Cow::Borrowed(shown),
        (false, true) => Cow::Owned(format!("{shown}{ELLIPSIS}")),
        (true, false) => Cow::Owned(format!("{ELLIPSIS}{shown}")),
        (true, true) => Cow::Owned(format!("{ELLIPSIS}{shown}{ELLIPSIS}")),
    };
    Some(Excerpt {
        text,
        underline,
        cut_before,
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Code, Span};

    fn record(text: &str, at: &str, severity: Severity) -> DiagnosticRecord {
        let start = text.find(at).unwrap();
        let source = SourceText::new(text.to_string(), crate::model::Encoding::Utf8);
        let p = source.position(start);
        DiagnosticRecord {
            severity,
            code: Code::UnparsedText,
            message: "not understood".into(),
            line: p.line,
            column: p.column,
            project: None,
            labels: Vec::new(),
            help: None,
            span: Span::new(start, start + at.len()),
        }
    }

    #[test]
    fn shows_file_line_column_code_and_underline() {
        let text = "附件 1\n（1）新增城镇就业 1.15 万人。\n";
        let source = SourceText::new(text.to_string(), crate::model::Encoding::Utf8);
        let r = record(text, "新增", Severity::Warning);
        let out = diagnostics("a.txt", &source, &[r], Style::Plain);
        assert!(
            out.starts_with("warning[unparsed-text]: not understood\n"),
            "{out}"
        );
        assert!(out.contains("a.txt:2:4"), "{out}");
        assert!(out.contains("（1）新增城镇就业"), "{out}");
        // Two wide characters are four columns of carets.
        assert!(out.contains("^^^^"), "{out}");
        assert!(!out.contains('\u{1b}'), "plain output has no colour: {out}");
    }

    #[test]
    fn labels_show_their_own_line_and_help_comes_last() {
        let text = "附件 1\n（1）新增托位。\n（1）新增床位。\n";
        let source = SourceText::new(text.to_string(), crate::model::Encoding::Utf8);
        let first = text.find("（1）").unwrap();
        let mut r = record(text, "（1）新增床位", Severity::Warning);
        r.labels.push(crate::model::LabelRecord {
            line: 2,
            column: 1,
            message: "project 1 first".into(),
            span: Span::new(first, first + "（1）新增托位。".len()),
        });
        r.help = Some("renumber it".into());
        let out = diagnostics("a.txt", &source, &[r], Style::Plain);
        assert!(out.contains("a.txt:3:1"), "{out}");
        assert!(out.contains("::: a.txt:2:1"), "{out}");
        assert!(out.contains("- project 1 first"), "{out}");
        assert!(out.trim_end().ends_with("= help: renumber it"), "{out}");
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let text = format!("{}目标{}", "甲".repeat(300), "乙".repeat(300));
        let source = SourceText::new(text.clone(), crate::model::Encoding::Utf8);
        let r = record(&text, "目标", Severity::Warning);
        let out = diagnostics("a.txt", &source, &[r], Style::Plain);
        assert!(
            out.contains("a.txt:1:301"),
            "the column is the real one: {out}"
        );
        assert!(out.contains("目标乙乙"), "{out}");
        assert!(out.len() < 1000, "{out}");
        let whole_line = DiagnosticRecord {
            span: Span::new(0, text.len()),
            column: 1,
            ..record(&text, "甲", Severity::Warning)
        };
        let out = diagnostics("a.txt", &source, &[whole_line], Style::Plain);
        assert!(out.contains("a.txt:1:1"), "{out}");
        assert!(out.len() < 1000, "a span over a long line is cut: {out}");
    }

    #[test]
    fn many_diagnostics_on_one_long_line_show_a_bounded_excerpt_each() {
        let text = "甲".repeat(20_000);
        let source = SourceText::new(text.clone(), crate::model::Encoding::Utf8);
        let records: Vec<DiagnosticRecord> = (0..200)
            .map(|k| {
                let start = k * 100 * '甲'.len_utf8();
                DiagnosticRecord {
                    span: Span::new(start, start + 3),
                    column: (k * 100 + 1) as u32,
                    ..record(&text, "甲", Severity::Warning)
                }
            })
            .collect();
        let out = diagnostics("a.txt", &source, &records, Style::Plain);
        // Each is a few hundred bytes however long the line is.
        assert!(out.len() < 200 * 1500, "{}", out.len());
        assert!(out.contains("a.txt:1:19901"), "the real column is named");
    }

    #[test]
    fn spans_outside_the_text_still_name_the_place() {
        let source = SourceText::new(String::new(), crate::model::Encoding::Utf8);
        let r = DiagnosticRecord {
            severity: Severity::Error,
            code: Code::EmptyInput,
            message: "the input is empty".into(),
            line: 1,
            column: 1,
            project: None,
            labels: Vec::new(),
            help: None,
            span: Span::new(5, 9),
        };
        let out = diagnostics("e.txt", &source, &[r], Style::Plain);
        assert!(
            out.contains("error[empty-input]: the input is empty"),
            "{out}"
        );
        assert!(out.contains("e.txt:1:1"), "{out}");
    }
}
