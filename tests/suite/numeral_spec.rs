//! Table-driven spec of the numeral API: `tests/specs/numerals.txt`.

use minsheng::numeral::parse;

#[test]
fn numeral_spec() {
    let spec = include_str!("../specs/numerals.txt");
    let mut input: Option<(usize, &str)> = None;
    let mut cases = 0;
    let mut failures = Vec::new();
    for (n, raw) in spec.lines().enumerate() {
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some(expected) = trimmed.strip_prefix("=>") else {
            assert!(input.is_none(), "line {}: input without \"=>\"", n);
            input = Some((n + 1, raw));
            continue;
        };
        let (line, text) = input
            .take()
            .unwrap_or_else(|| panic!("line {}: \"=>\" without an input line", n + 1));
        cases += 1;
        let expected = expected.trim();
        let got = match parse(text) {
            None => String::new(),
            Some(found) => {
                let mut s = format!("{} {}", found.kind.name(), found.value);
                if let Some(u) = found.unit {
                    s.push_str(&format!(" {u}"));
                }
                if found.more {
                    s.push_str(" more");
                }
                if let Some(d) = &found.date {
                    s.push_str(&format!(" {d}"));
                }
                if expected.contains(" @") {
                    s.push_str(&format!(" @{}", &text[found.span.clone()]));
                }
                s
            }
        };
        if got != expected {
            failures.push(format!(
                "specs/numerals.txt:{line}: {text}\n  expected: {expected}\n  found:    {got}"
            ));
        }
    }
    assert!(input.is_none(), "the last input has no \"=>\" line");
    assert!(cases >= 80, "only {cases} cases");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
