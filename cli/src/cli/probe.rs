//! `minsheng quantities` and `minsheng numerals`: probes for people checking a
//! phrasing.

use std::io::{BufRead, Write};

use super::{error, Status};

/// Print one canonical JSON array per line of stdin.
pub fn run() -> Status {
    each_line(|line, k| {
        minsheng::emit::to_canonical(&minsheng::quantities_in_line(line, k as u32 + 1))
    })
}

/// Print, per line of stdin, the first numeral in it as one canonical JSON
/// object (`null` when there is none).
pub fn numerals() -> Status {
    each_line(|line, _| match minsheng::numeral::parse(line) {
        Some(n) => minsheng::emit::to_canonical(&numeral_json(line, &n)),
        None => "null".to_string(),
    })
}

/// The JSON of a numeral: `text`, `value`, `kind`, `start`/`end` (bytes of
/// the line), `column` (its first character, 1-based), and where they apply
/// `unit`, `more`, `numerator`/`denominator`, `date`.
fn numeral_json(line: &str, n: &minsheng::numeral::Numeral) -> serde_json::Value {
    let mut v = serde_json::json!({
        "text": &line[n.span.clone()],
        "value": n.value,
        "kind": n.kind.name(),
        "start": n.span.start,
        "end": n.span.end,
        "column": line[..n.span.start].chars().count() + 1,
    });
    if let Some(u) = n.unit {
        v["unit"] = u.into();
    }
    if n.more {
        v["more"] = true.into();
    }
    if let (Some(top), Some(bottom)) = (n.numerator, n.denominator) {
        v["numerator"] = serde_json::json!(top);
        v["denominator"] = serde_json::json!(bottom);
    }
    if let Some(d) = &n.date {
        v["date"] = d.clone().into();
    }
    v
}

fn each_line(mut render: impl FnMut(&str, usize) -> String) -> Status {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (k, line) in stdin.lock().lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                error(&format!("cannot read standard input: {e}"));
                return Status::Failed;
            }
        };
        if writeln!(out, "{}", render(&line, k)).is_err() {
            return Status::Parsed; // stdout closed: stop quietly
        }
    }
    Status::Parsed
}
