//! One reviewed snapshot per notice in `corpus/`, plus the invariants every
//! parse must keep. A new notice is one file added and one snapshot read.

use minsheng::{emit, parse_bytes, Options};

fn parse_file(path: &std::path::Path) -> minsheng::Parsed {
    let bytes = std::fs::read(path).expect("corpus file is readable");
    let options = Options {
        name: path.file_name().map(|n| n.to_string_lossy().into_owned()),
        ..Options::default()
    };
    parse_bytes(&bytes, &options)
}

/// Every notice in `corpus/` (text and HTML).
fn for_each_notice(mut check: impl FnMut(&std::path::Path)) {
    insta::glob!("..", "corpus/*.txt", |path| check(path));
    insta::glob!("..", "corpus/*.html", |path| check(path));
}

#[test]
fn corpus_snapshots() {
    for_each_notice(|path| {
        let parsed = parse_file(path);
        insta::with_settings!({
            omit_expression => true,
            prepend_module_to_snapshot => false,
            snapshot_path => "snapshots",
        }, {
            insta::assert_snapshot!(emit::pretty(&parsed.notice));
        });
    });
}

#[test]
fn every_line_is_accounted_for_and_spans_are_in_bounds() {
    for_each_notice(|path| {
        let parsed = parse_file(path);
        assert!(
            parsed.unaccounted_lines.is_empty(),
            "{}: lines neither parsed nor reported: {:?}",
            path.display(),
            parsed.unaccounted_lines
        );
        let lines = parsed.notice.source.lines;
        for d in &parsed.notice.diagnostics {
            assert!((1..=lines).contains(&d.line), "{d:?}");
        }
        for p in &parsed.notice.plan.projects {
            assert!((p.span.end as usize) <= parsed.source.text.len());
            for q in p
                .targets
                .iter()
                .chain(p.measures.iter().flat_map(|m| &m.quantities))
            {
                assert!((1..=lines).contains(&q.line), "{q:?}");
            }
        }
    });
}

#[test]
fn output_is_deterministic_and_canonical() {
    for_each_notice(|path| {
        let a = emit::canonical(&parse_file(path).notice);
        let b = emit::canonical(&parse_file(path).notice);
        assert_eq!(a, b, "{}", path.display());
        // Re-canonicalizing the parsed output changes nothing (RFC 8785).
        let value: serde_json::Value = serde_json::from_str(&a).expect("valid JSON");
        assert_eq!(emit::to_canonical(&value), a);
        let back: minsheng::Notice = serde_json::from_str(&a).expect("output matches the model");
        assert_eq!(emit::canonical(&back), a);
    });
}
