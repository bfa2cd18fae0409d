//! The checks the fuzz targets run, shared by the libFuzzer target, the stable
//! replay program and the stable stress loop.
#![forbid(unsafe_code)]

use minsheng::model::Notice;
use minsheng::{emit, parse_bytes, EncodingChoice, Options, Parsed};

/// Inputs above this are refused by the parser (`input-too-large`); keeping
/// the limit small keeps each execution fast.
pub const MAX_BYTES: usize = 1 << 20;

/// Parse `data` detected and once with a forced encoding (picked by its
/// length), checking every invariant. Panics on a violation.
pub fn check(data: &[u8]) {
    check_with(data, EncodingChoice::Auto);
    let forced = [
        EncodingChoice::Utf8,
        EncodingChoice::Gb18030,
        EncodingChoice::Gbk,
        EncodingChoice::Utf16Le,
        EncodingChoice::Utf16Be,
    ];
    check_with(data, forced[data.len() % forced.len()]);
}

fn check_with(data: &[u8], encoding: EncodingChoice) {
    let options = Options::default()
        .with_encoding(encoding)
        .with_max_bytes(MAX_BYTES);
    let parsed = parse_bytes(data, &options);
    let json = invariants(&parsed);
    let again = emit::canonical(&parse_bytes(data, &options).notice);
    assert_eq!(json, again, "output should be deterministic");
}

/// Check a parse and return its canonical JSON.
pub fn invariants(parsed: &Parsed) -> String {
    let notice = &parsed.notice;
    let text = &parsed.source.text;
    // No whole line of text lost (per character, a mutation that damages a
    // word the parser reads as structure, "上推进措施", may leave that
    // character unaccounted: the tests hold real notices to every character).
    let whole_lines: Vec<_> = parsed
        .unaccounted()
        .into_iter()
        .filter(|u| u.is_whole_line(text))
        .collect();
    assert!(
        whole_lines.is_empty(),
        "lines neither parsed nor reported: {whole_lines:?}"
    );
    assert_eq!(notice.schema_version, 1);
    assert_eq!(
        notice.source.lines as usize,
        parsed.source.lines.line_count()
    );
    for d in &notice.diagnostics {
        assert!(
            text.get(d.span.range()).is_some(),
            "{} span {:?} outside the {}-byte text",
            d.code,
            d.span,
            text.len()
        );
        for label in &d.labels {
            assert!(
                text.get(label.span.range()).is_some()
                    && (1..=notice.source.lines).contains(&label.line),
                "{} label {:?} at line {} outside the text",
                d.code,
                label.span,
                label.line
            );
        }
        assert!(
            (1..=notice.source.lines).contains(&d.line) && d.column >= 1,
            "{} at {}:{} outside {} lines",
            d.code,
            d.line,
            d.column,
            notice.source.lines
        );
    }
    for p in &notice.plan.projects {
        assert!(
            text.get(p.span.range()).is_some(),
            "project span {:?}",
            p.span
        );
        assert!((1..=notice.source.lines).contains(&p.line));
        for q in p
            .targets
            .iter()
            .chain(p.measures.iter().flat_map(|m| &m.quantities))
        {
            assert!(
                text.get(q.span.range()).is_some(),
                "quantity span {:?}",
                q.span
            );
            assert!((1..=notice.source.lines).contains(&q.line));
        }
    }
    let json = emit::canonical(notice);
    let back: Notice = serde_json::from_str(&json).expect("canonical JSON should deserialize");
    assert_eq!(
        emit::canonical(&back),
        json,
        "JSON round trip should be stable"
    );
    json
}

/// Run `check` on every file named on the command line (directories are
/// walked), as libFuzzer would replay them.
pub fn replay_main(check: fn(&[u8])) -> std::process::ExitCode {
    let mut files = Vec::new();
    for arg in std::env::args_os().skip(1) {
        collect(std::path::Path::new(&arg), &mut files);
    }
    files.sort();
    for file in &files {
        match std::fs::read(file) {
            Ok(data) => check(&data),
            Err(e) => {
                eprintln!("cannot read {}: {e}", file.display());
                return std::process::ExitCode::from(2);
            }
        }
    }
    println!("Executed {} testcases successfully!", files.len());
    if files.is_empty() {
        println!("Did you mean to name a file or directory?");
    }
    std::process::ExitCode::SUCCESS
}

/// Files under `path` (or `path` itself).
pub fn collect(path: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    match std::fs::read_dir(path) {
        Ok(entries) => {
            for entry in entries.flatten() {
                collect(&entry.path(), out);
            }
        }
        Err(_) => out.push(path.to_path_buf()),
    }
}
