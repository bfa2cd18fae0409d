//! Diagnostics on the terminal, rendered by annotate-snippets (rustc's
//! renderer: source line, underlined span, `severity[code]` title).

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use minsheng::model::DiagnosticRecord;
use minsheng::source::SourceText;
use minsheng::Severity;

/// Diagnostics spanning more lines than this show only their first lines.
const MAX_SNIPPET_LINES: usize = 3;

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
    match snippet(name, source, record) {
        Some(snippet) => title.element(snippet),
        // No source to show (empty input, or a span that does not fit the
        // text): still say where.
        None => title.element(
            Origin::path(name)
                .line(record.line as usize)
                .char_column(record.column as usize),
        ),
    }
}

/// The lines under the diagnostic's span, with the span underlined.
fn snippet<'a>(
    name: &'a str,
    source: &'a SourceText,
    record: &DiagnosticRecord,
) -> Option<Snippet<'a, annotate_snippets::Annotation<'a>>> {
    let text = source.text.as_str();
    let span = record.span.range();
    text.get(span.clone())?;
    let first = source.position(span.start).line as usize - 1;
    let last = (source.position(span.end).line as usize - 1).min(first + MAX_SNIPPET_LINES - 1);
    let start = source.lines.line_start(first);
    let end = source.lines.line_range(text, last).end.max(start);
    let shown = text.get(start..end)?;
    if shown.is_empty() {
        return None;
    }
    let underline = (span.start - start)..(span.end.min(end) - start).max(span.start - start);
    Some(
        Snippet::source(shown)
            .line_start(first + 1)
            .path(name)
            .annotation(AnnotationKind::Primary.span(underline)),
    )
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
