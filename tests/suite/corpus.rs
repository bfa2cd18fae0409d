//! One reviewed snapshot per notice in `corpus/`, plus the invariants every
//! parse must keep. A new notice is one file added and one snapshot read.

use minsheng::{emit, parse_bytes, review, Options};

fn parse_file(path: &std::path::Path) -> minsheng::Parsed {
    let bytes = std::fs::read(path).expect("corpus file is readable");
    let mut options = Options::default();
    options.name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    parse_bytes(&bytes, &options)
}

/// Every notice in `corpus/` (text and HTML).
fn for_each_notice(check: impl FnMut(&std::path::Path)) {
    insta::glob!("../..", "corpus/*.{txt,html}", check);
}

/// The review form of each notice (`minsheng::review`): one line per
/// element, small enough to read in a review. The GBK copy of the seed has
/// no snapshot of its own: it must read exactly as the UTF-8 one.
#[test]
fn corpus_snapshots() {
    for_each_notice(|path| {
        if path.ends_with("yaohai-2024-gbk.txt") {
            return;
        }
        let parsed = parse_file(path);
        insta::with_settings!({
            omit_expression => true,
            prepend_module_to_snapshot => false,
            snapshot_path => "../snapshots",
        }, {
            insta::assert_snapshot!(review::render(&parsed.notice));
        });
    });
}

/// The GB18030 copy of the seed (CRLF line ends) gives the UTF-8 seed's
/// notice, but for what the source block says about the bytes.
#[test]
fn gbk_copy_reads_as_the_utf8_notice() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut gbk = parse_file(&root.join("yaohai-2024-gbk.txt")).notice;
    let utf8 = parse_file(&root.join("yaohai-2024.txt")).notice;
    assert_eq!(gbk.source.encoding, "GB18030");
    gbk.source = utf8.source.clone();
    assert_eq!(emit::pretty(&gbk), emit::pretty(&utf8));
}

#[test]
fn every_character_is_accounted_for_and_spans_are_in_bounds() {
    for_each_notice(|path| {
        let parsed = parse_file(path);
        assert!(
            parsed.unaccounted().is_empty(),
            "{}: text neither parsed nor reported: {:?}",
            path.display(),
            parsed.unaccounted()
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
