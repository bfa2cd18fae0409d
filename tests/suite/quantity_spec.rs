//! Table-driven spec of the quantity grammar: `tests/specs/quantity.txt`.

use minsheng::internals::quantity::find_quantities;

/// One case: an input line and the expected quantities.
struct Case {
    line: usize,
    input: String,
    expected: Vec<String>,
}

fn cases(spec: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut input: Option<(usize, &str)> = None;
    for (n, raw) in spec.lines().enumerate() {
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(expected) = trimmed.strip_prefix("=>") {
            let (line, text) = input
                .take()
                .unwrap_or_else(|| panic!("line {}: \"=>\" without an input line", n + 1));
            cases.push(Case {
                line,
                input: text.to_string(),
                expected: expected
                    .split(" ; ")
                    .map(str::trim)
                    .filter(|e| !e.is_empty())
                    .map(str::to_string)
                    .collect(),
            });
        } else {
            assert!(input.is_none(), "line {}: input without \"=>\"", n);
            input = Some((n + 1, raw));
        }
    }
    assert!(input.is_none(), "the last input has no \"=>\" line");
    cases
}

/// What was found, in the expected item's form: with `@text` only where the
/// expectation pins the text.
fn render(
    found: &minsheng::internals::quantity::QuantityMatch,
    expected: Option<&String>,
) -> String {
    match expected {
        Some(e) if e.contains(" @") => format!("{found} @{}", found.text),
        _ => found.to_string(),
    }
}

#[test]
fn quantity_spec() {
    let spec = include_str!("../specs/quantity.txt");
    let cases = cases(spec);
    assert!(cases.len() >= 100, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let found = find_quantities(&case.input);
        let got: Vec<String> = found
            .iter()
            .enumerate()
            .map(|(i, q)| render(q, case.expected.get(i)))
            .collect();
        if got != case.expected {
            failures.push(format!(
                "specs/quantity.txt:{}: {}\n  expected: {}\n  found:    {}",
                case.line,
                case.input,
                case.expected.join(" ; "),
                got.join(" ; ")
            ));
        }
        for q in &found {
            assert_eq!(
                q.text,
                case.input[q.range.clone()]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>(),
                "text is the range without whitespace"
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
