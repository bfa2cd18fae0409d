//! Diagnostics on the terminal, rendered by annotate-snippets (rustc's
//! renderer: source line, underlined span, `severity[code]` title).

use std::borrow::Cow;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use minsheng::model::DiagnosticRecord;
use minsheng::source::SourceText;
use minsheng::Severity;

/// Renderer for stderr: coloured on a terminal (unless `NO_COLOR`), plain
/// otherwise, so logs and pipes get the same text without escape codes.
pub fn renderer(colour: bool) -> Renderer {
    if colour {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

/// Whether a diagnostic is shown on the terminal (`--quiet` keeps errors).
pub fn shown(severity: Severity, quiet: bool) -> bool {
    !quiet || severity == Severity::Error
}

/// Render the shown diagnostics of one input, each followed by a blank line.
pub fn diagnostics(
    renderer: &Renderer,
    name: &str,
    source: &SourceText,
    records: &[DiagnosticRecord],
    quiet: bool,
) -> String {
    let mut out = String::new();
    for record in records.iter().filter(|r| shown(r.severity, quiet)) {
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
    match excerpt(source, record) {
        Some(excerpt) => title.element(
            Snippet::source(excerpt.text)
                .line_start(record.line as usize)
                .path(name)
                .annotation(AnnotationKind::Primary.span(excerpt.underline)),
        ),
        // No source to show (empty input, or a span that does not fit the
        // text): still say where.
        None => title.element(
            Origin::path(name)
                .line(record.line as usize)
                .char_column(record.column as usize),
        ),
    }
}

/// The part of a line shown under a diagnostic, and the range to underline.
struct Excerpt<'a> {
    text: Cow<'a, str>,
    underline: Range<usize>,
}

/// Characters shown from the start of a span on: notices from web pages can
/// have a whole document on one line, and a span may cover all of it. (The
/// renderer itself shortens what comes before the span.)
const SHOWN_AFTER_SPAN_START: usize = 100;
const ELLIPSIS: &str = "…";

/// The line the span starts on, up to a limit past the span's start, with
/// the span (clipped to what is shown) to underline.
fn excerpt<'a>(source: &'a SourceText, record: &DiagnosticRecord) -> Option<Excerpt<'a>> {
    let text = source.text.as_str();
    let span = record.span.range();
    text.get(span.clone())?;
    let line = source.position(span.start).line as usize - 1;
    let line_range = source.lines.line_range(text, line);
    let from_span = text.get(span.start..line_range.end.max(span.start))?;
    let to = from_span
        .char_indices()
        .nth(SHOWN_AFTER_SPAN_START)
        .map_or(line_range.end, |(i, _)| span.start + i);
    let shown = &text[line_range.start..to];
    if shown.trim().is_empty() && span.is_empty() {
        return None;
    }
    let underline =
        (span.start - line_range.start)..(span.end.min(to).max(span.start) - line_range.start);
    let text = if to < line_range.end {
        Cow::Owned(format!("{shown}{ELLIPSIS}"))
    } else {
        Cow::Borrowed(shown)
    };
    Some(Excerpt { text, underline })
}

#[cfg(test)]
mod tests {
    use super::*;
    use minsheng::Span;

    fn record(text: &str, at: &str, severity: Severity) -> DiagnosticRecord {
        let start = text.find(at).unwrap();
        let source = SourceText::new(text.to_string(), "UTF-8");
        let p = source.position(start);
        DiagnosticRecord {
            severity,
            code: "unparsed-text".into(),
            message: "not understood".into(),
            line: p.line,
            column: p.column,
            span: Span::new(start, start + at.len()),
        }
    }

    #[test]
    fn shows_file_line_column_code_and_underline() {
        let text = "附件 1\n（1）新增城镇就业 1.15 万人。\n";
        let source = SourceText::new(text.to_string(), "UTF-8");
        let r = record(text, "新增", Severity::Warning);
        let out = diagnostics(&renderer(false), "a.txt", &source, &[r], false);
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
    fn quiet_keeps_only_errors() {
        let text = "附件 1\n";
        let source = SourceText::new(text.to_string(), "UTF-8");
        let warning = record(text, "附件", Severity::Warning);
        let error = record(text, "附件", Severity::Error);
        let out = diagnostics(&renderer(false), "a.txt", &source, &[warning, error], true);
        assert!(!out.contains("warning"), "{out}");
        assert!(out.contains("error[unparsed-text]"), "{out}");
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let text = format!("{}目标{}", "甲".repeat(300), "乙".repeat(300));
        let source = SourceText::new(text.clone(), "UTF-8");
        let r = record(&text, "目标", Severity::Warning);
        let out = diagnostics(&renderer(false), "a.txt", &source, &[r], false);
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
        let out = diagnostics(&renderer(false), "a.txt", &source, &[whole_line], false);
        assert!(out.contains("a.txt:1:1"), "{out}");
        assert!(out.len() < 1000, "a span over a long line is cut: {out}");
    }

    #[test]
    fn spans_outside_the_text_still_name_the_place() {
        let source = SourceText::new(String::new(), "UTF-8");
        let r = DiagnosticRecord {
            severity: Severity::Error,
            code: "empty-input".into(),
            message: "the input is empty".into(),
            line: 1,
            column: 1,
            span: Span::new(5, 9),
        };
        let out = diagnostics(&renderer(false), "e.txt", &source, &[r], false);
        assert!(
            out.contains("error[empty-input]: the input is empty"),
            "{out}"
        );
        assert!(out.contains("e.txt:1:1"), "{out}");
    }
}
