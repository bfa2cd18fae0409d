//! `minsheng quantities`: a probe for people checking a phrasing.

use std::io::{BufRead, Write};

use super::{error, Status};

/// Print one canonical JSON array per line of stdin.
pub fn run() -> Status {
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
        let found = minsheng::quantities_in_line(&line, k as u32 + 1);
        if writeln!(out, "{}", minsheng::emit::to_canonical(&found)).is_err() {
            return Status::Parsed; // stdout closed: stop quietly
        }
    }
    Status::Parsed
}
