//! Mutated corpus notices: whatever is done to a notice, parsing does not
//! panic, accounts for every line, and writes deterministic JSON that reads
//! back into the model.
//!
//! 64 cases by default so CI stays fast; `PROPTEST_CASES=10000` for more.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use minsheng::internals::decode::{decode, EncodingChoice};
use minsheng::{emit, parse_bytes, Options};
use proptest::prelude::*;

/// Every text notice under corpus/, decoded.
static CORPUS: LazyLock<Vec<(PathBuf, String)>> = LazyLock::new(|| {
    let mut files = Vec::new();
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
        &mut files,
    );
    files.sort();
    assert!(!files.is_empty(), "corpus/ should hold notices");
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            let text = decode(&bytes, EncodingChoice::Auto).text;
            (path, text)
        })
        .collect()
});

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// One change to a notice's lines.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    /// Insert text at a character position of a line.
    Insert(usize, usize, String),
    /// Full-width punctuation to half-width in one line, or back.
    FlipWidth(usize),
}

/// How the mutated text is finally written out.
#[derive(Debug, Clone)]
enum Ending {
    Utf8,
    /// GB18030 with CRLF line breaks, like the GBK fixture.
    Gbk,
    /// Cut after this share (per mille) of the bytes, even mid-character.
    Truncate(u16),
}

fn junk() -> impl Strategy<Value = String> {
    let one = prop_oneof![
        4 => proptest::char::range('\u{4E00}', '\u{9FFF}'),
        2 => proptest::char::range(' ', '~'),
        1 => proptest::char::range('\0', '\u{1F}'),
        1 => prop::sample::select(vec![
            '（', '）', '：', '，', '、', '。', '；', '〔', '〕', '—', '\u{3000}', '\r', '\u{FEFF}',
            '\u{FFFD}', '①', '⑴', '附', '件', '项', '万', '元', '%', '.', '１',
        ]),
    ];
    proptest::collection::vec(one, 1..12).prop_map(|cs| cs.into_iter().collect())
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let line = any::<usize>();
    prop_oneof![
        1 => line.prop_map(Mutation::DeleteLine),
        1 => line.prop_map(Mutation::DuplicateLine),
        1 => (line, line).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        3 => (line, line, junk()).prop_map(|(l, at, s)| Mutation::Insert(l, at, s)),
        2 => line.prop_map(Mutation::FlipWidth),
    ]
}

fn ending() -> impl Strategy<Value = Ending> {
    prop_oneof![
        3 => Just(Ending::Utf8),
        1 => Just(Ending::Gbk),
        1 => (0u16..1000).prop_map(Ending::Truncate),
    ]
}

fn apply(text: &str, mutations: &[Mutation], ending: &Ending) -> Vec<u8> {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
    for m in mutations {
        if lines.is_empty() {
            break;
        }
        let n = lines.len();
        match m {
            Mutation::DeleteLine(i) => {
                lines.remove(i % n);
            }
            Mutation::DuplicateLine(i) => lines.insert(i % n, lines[i % n].clone()),
            Mutation::SwapLines(a, b) => lines.swap(a % n, b % n),
            Mutation::Insert(i, at, s) => {
                let line = &mut lines[i % n];
                let chars = line.chars().count() + 1;
                let byte = line
                    .char_indices()
                    .nth(at % chars)
                    .map_or(line.len(), |(b, _)| b);
                line.insert_str(byte, s);
            }
            Mutation::FlipWidth(i) => lines[i % n] = flip_width(&lines[i % n]),
        }
    }
    let text = lines.concat();
    match ending {
        Ending::Utf8 => text.into_bytes(),
        Ending::Gbk => {
            let crlf = text.replace("\r\n", "\n").replace('\n', "\r\n");
            encoding_rs::GB18030.encode(&crlf).0.into_owned()
        }
        Ending::Truncate(per_mille) => {
            let mut bytes = text.into_bytes();
            bytes.truncate(bytes.len() * *per_mille as usize / 1000);
            bytes
        }
    }
}

fn flip_width(line: &str) -> String {
    const PAIRS: [(char, char); 5] = [
        ('（', '('),
        ('）', ')'),
        ('：', ':'),
        ('，', ','),
        ('；', ';'),
    ];
    let full = line.chars().any(|c| PAIRS.iter().any(|p| p.0 == c));
    line.chars()
        .map(|c| {
            PAIRS
                .iter()
                .find(|p| if full { p.0 == c } else { p.1 == c })
                .map_or(c, |p| if full { p.1 } else { p.0 })
        })
        .collect()
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn mutated_notices_parse_cleanly(
        which in any::<usize>(),
        mutations in proptest::collection::vec(mutation(), 0..8),
        ending in ending(),
    ) {
        let (_, text) = &CORPUS[which % CORPUS.len()];
        let bytes = apply(text, &mutations, &ending);
        let first = parse_bytes(&bytes, &Options::default());
        let json = crate::support::check_lines(&first);
        let second = parse_bytes(&bytes, &Options::default());
        prop_assert_eq!(emit::canonical(&second.notice), json, "output should be deterministic");
    }
}

#[test]
fn the_corpus_is_there() {
    let names: Vec<_> = CORPUS
        .iter()
        .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.contains(&"yaohai-2024.txt".to_owned()), "{names:?}");
    assert!(
        names.contains(&"yaohai-2024-gbk.txt".to_owned()),
        "{names:?}"
    );
}

#[test]
fn flip_width_goes_both_ways() {
    assert_eq!(flip_width("（1）项目：甲，乙"), "(1)项目:甲,乙");
    assert_eq!(flip_width("(1)项目:甲,乙"), "（1）项目：甲，乙");
}
