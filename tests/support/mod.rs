//! Helpers shared by the integration tests (`tests/suite/`): the
//! invariants every parse must keep, whatever the input, and the ways the
//! tests parse a notice.
#![allow(dead_code)]

use minsheng::model::{Notice, Project};
use minsheng::{emit, Decimal, Parsed};

/// Parse a notice given as text; every character must be accounted for.
pub fn parse_text(text: &str) -> Notice {
    let parsed = minsheng::parse_bytes(text.as_bytes(), &minsheng::Options::default());
    assert!(
        parsed.unaccounted().is_empty(),
        "text read and lost: {}",
        lost(&parsed)
    );
    parsed.notice
}

/// The unaccounted pieces of a parse, one per line of a message.
pub fn lost(parsed: &Parsed) -> String {
    list(&parsed.unaccounted())
}

/// Parse the corpus notice `corpus/{name}`.
pub fn corpus_notice(name: &str) -> Notice {
    let path = format!("{}/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("corpus file");
    minsheng::parse_bytes(&bytes, &minsheng::Options::default()).notice
}

/// The project numbered `number`.
pub fn project(n: &Notice, number: u32) -> &Project {
    n.plan
        .projects
        .iter()
        .find(|p| p.number == number)
        .unwrap_or_else(|| panic!("project {number} in {:#?}", n.plan))
}

/// A decimal written out.
pub fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The corpus notices the damage tests start from.
pub const SEED: &str = include_str!("../../corpus/yaohai-2024.txt");
pub const SEED_GBK: &[u8] = include_bytes!("../../corpus/yaohai-2024-gbk.txt");

/// Check the invariants, every character accounted for, and return the
/// canonical JSON.
pub fn check(parsed: &Parsed) -> String {
    let lost = parsed.unaccounted();
    assert!(
        lost.is_empty(),
        "text neither parsed nor reported: {}",
        list(&lost)
    );
    check_but_accounting(parsed)
}

/// [`check`] with the accounting per line only: no whole line of text is
/// lost. For random mutations, which also damage the words the parser reads
/// as structure ("上推进措施"), where a character may go unaccounted (see
/// the notes of issue 10).
pub fn check_lines(parsed: &Parsed) -> String {
    let text = &parsed.source.text;
    let whole_lines: Vec<_> = parsed
        .unaccounted()
        .into_iter()
        .filter(|u| u.is_whole_line(text))
        .collect();
    assert!(
        whole_lines.is_empty(),
        "lines neither parsed nor reported: {}",
        list(&whole_lines)
    );
    check_but_accounting(parsed)
}

fn list(lost: &[minsheng::Unaccounted]) -> String {
    lost.iter().map(|u| format!("\n  {u}")).collect()
}

fn check_but_accounting(parsed: &Parsed) -> String {
    let notice = &parsed.notice;
    assert_eq!(
        notice.source.lines as usize,
        parsed.source.lines.line_count(),
        "source.lines should count the decoded text's lines"
    );
    for d in &notice.diagnostics {
        assert!(
            (1..=notice.source.lines).contains(&d.line) && d.column >= 1,
            "diagnostic {} at {}:{} is outside 1..={} lines",
            d.code,
            d.line,
            d.column,
            notice.source.lines
        );
        assert!(
            parsed.source.text.get(d.span.range()).is_some(),
            "diagnostic {} span {:?} is not a slice of the {}-byte text",
            d.code,
            d.span,
            parsed.source.text.len()
        );
    }
    let json = emit::canonical(notice);
    let value: serde_json::Value =
        serde_json::from_str(&json).expect("canonical JSON should parse back");
    assert_eq!(value["schema_version"], 1);
    let back: Notice = serde_json::from_str(&json).expect("JSON should deserialize into Notice");
    assert_eq!(
        emit::canonical(&back),
        json,
        "canonical output should survive a round trip through Notice"
    );
    json
}

/// The codes of a parse's diagnostics.
pub fn codes(parsed: &Parsed) -> Vec<&str> {
    parsed
        .notice
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect()
}
