//! Diagnostics on stderr: the library's rustc-style renderer
//! (`minsheng::render`), coloured on a terminal, with `--quiet` keeping
//! only errors.

use minsheng::model::DiagnosticRecord;
use minsheng::render::Style;
use minsheng::{Severity, SourceText};

/// Style for stderr: coloured on a terminal (unless `NO_COLOR`), plain
/// otherwise, so logs and pipes get the same text without escape codes.
pub fn renderer(colour: bool) -> Style {
    if colour {
        Style::Colour
    } else {
        Style::Plain
    }
}

/// Whether a diagnostic is shown on the terminal (`--quiet` keeps errors).
pub fn shown(severity: Severity, quiet: bool) -> bool {
    !quiet || severity == Severity::Error
}

/// Render the shown diagnostics of one input, each followed by a blank line.
pub fn diagnostics(
    style: &Style,
    name: &str,
    source: &SourceText,
    records: &[DiagnosticRecord],
    quiet: bool,
) -> String {
    let mut out = String::new();
    for record in records.iter().filter(|r| shown(r.severity, quiet)) {
        out.push_str(&minsheng::render::diagnostic(name, source, record, *style));
        out.push_str("\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use minsheng::{Code, Span};

    fn record(severity: Severity) -> DiagnosticRecord {
        let parsed = minsheng::parse_bytes(
            "附件 1\n一、促进就业（2 项）\n（1）新增城镇就业 1.15 万人左右。（牵头单位：区人社局）\n".as_bytes(),
            &minsheng::Options::default(),
        );
        let mut r = parsed.notice.diagnostics[0].clone();
        r.severity = severity;
        r.code = Code::UnparsedText;
        r.span = Span::new(0, 6);
        r
    }

    #[test]
    fn quiet_keeps_only_errors() {
        let source = SourceText::new("附件 1\n".to_string(), minsheng::model::Encoding::Utf8);
        let (warning, error) = (record(Severity::Warning), record(Severity::Error));
        let out = diagnostics(&renderer(false), "a.txt", &source, &[warning, error], true);
        assert!(!out.contains("warning"), "{out}");
        assert!(out.contains("error[unparsed-text]"), "{out}");
        assert!(!out.contains('\u{1b}'), "plain output has no colour: {out}");
    }
}
