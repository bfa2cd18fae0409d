//! Decoding: every encoding a notice arrives in reads to the same text, with
//! the same lines, and bad bytes are reported where they are.

use crate::support::codes;
use minsheng::internals::decode::{decode, EncodingChoice};
use minsheng::{parse_bytes, Code, Options};

use crate::support::{SEED, SEED_GBK};

fn options(encoding: EncodingChoice) -> Options {
    Options::default().with_encoding(encoding)
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        let pair = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

#[test]
fn gbk_fixture_reads_as_the_utf8_seed() {
    let parsed = parse_bytes(SEED_GBK, &Options::default());
    assert_eq!(parsed.notice.source.encoding, "GB18030");
    assert_eq!(
        parsed.source.text.replace("\r\n", "\n"),
        SEED,
        "should be the seed's text modulo CRLF"
    );
    let seed = parse_bytes(SEED.as_bytes(), &Options::default());
    assert_eq!(parsed.notice.source.lines, seed.notice.source.lines);
    assert_eq!(parsed.notice.source.bytes, SEED_GBK.len() as u64);
    assert!(!codes(&parsed).contains(&"invalid-encoding"));
}

#[test]
fn gbk_and_utf8_give_the_same_lines_and_columns() {
    let gbk = parse_bytes(SEED_GBK, &Options::default());
    let utf8 = parse_bytes(SEED.as_bytes(), &Options::default());
    let places = |p: &minsheng::Parsed| {
        p.notice
            .diagnostics
            .iter()
            .map(|d| (d.line, d.column, d.code))
            .collect::<Vec<_>>()
    };
    assert_eq!(places(&gbk), places(&utf8));
}

#[test]
fn utf16_with_bom_reads_as_the_seed() {
    for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let parsed = parse_bytes(&utf16(SEED, big_endian), &Options::default());
        assert_eq!(parsed.notice.source.encoding, name);
        assert_eq!(parsed.source.text, SEED, "{name} should decode to the seed");
        assert!(!codes(&parsed).contains(&"invalid-encoding"), "{name}");
    }
}

#[test]
fn utf8_bom_is_removed_and_reported_as_utf8() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(SEED.as_bytes());
    let parsed = parse_bytes(&bytes, &Options::default());
    assert_eq!(parsed.notice.source.encoding, "UTF-8");
    assert_eq!(parsed.source.text, SEED);
}

#[test]
fn gbk_encoded_with_encoding_rs_matches_the_fixture() {
    let crlf = SEED.replace('\n', "\r\n");
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&crlf);
    assert!(!unmappable);
    assert_eq!(&bytes[..], SEED_GBK);
}

#[test]
fn a_forced_encoding_wins_over_detection() {
    // The GBK fixture forced as UTF-8: not GB18030, and the bad bytes reported.
    let parsed = parse_bytes(SEED_GBK, &options(EncodingChoice::Utf8));
    assert_eq!(parsed.notice.source.encoding, "UTF-8");
    assert!(codes(&parsed).contains(&"invalid-encoding"));
    assert!(parsed.source.text.contains('\u{FFFD}'));

    // Forced GBK reads it and says so.
    let parsed = parse_bytes(SEED_GBK, &options(EncodingChoice::Gbk));
    assert_eq!(parsed.notice.source.encoding, "GBK");
    assert_eq!(parsed.source.text.replace("\r\n", "\n"), SEED);

    // A UTF-8 seed forced as GB18030 is decoded as GB18030 (into mojibake).
    let parsed = parse_bytes(SEED.as_bytes(), &options(EncodingChoice::Gb18030));
    assert_eq!(parsed.notice.source.encoding, "GB18030");
    assert_ne!(parsed.source.text, SEED);

    // A UTF-16 BOM does not override a forced encoding's own reading.
    let d = decode(&utf16("附件", false), EncodingChoice::Utf16Be);
    assert_eq!(d.encoding, "UTF-16BE");
    assert_ne!(d.text, "附件");
}

#[test]
fn labels_from_the_command_line_parse() {
    for (label, name) in [
        ("gbk", "GBK"),
        ("GB2312", "GBK"),
        ("gb18030", "GB18030"),
        ("utf-8", "UTF-8"),
        ("utf-16le", "UTF-16LE"),
        ("utf-16be", "UTF-16BE"),
    ] {
        let choice: EncodingChoice = label.parse().unwrap();
        assert_eq!(choice.name(), Some(name), "{label}");
    }
    let err = "shift_jis".parse::<EncodingChoice>().unwrap_err();
    assert!(err.contains("“shift_jis”"), "{err}");
}

#[test]
fn invalid_bytes_in_the_middle_give_one_diagnostic_at_their_offset() {
    let line_5 = SEED.match_indices('\n').nth(3).unwrap().0 + 1;
    let mut bytes = SEED.as_bytes()[..line_5].to_vec();
    bytes.extend_from_slice(b"\xFF\xFE");
    bytes.extend_from_slice(&SEED.as_bytes()[line_5..]);

    let parsed = parse_bytes(&bytes, &Options::default());
    assert_eq!(parsed.notice.source.encoding, "UTF-8");
    let bad: Vec<_> = parsed
        .notice
        .diagnostics
        .iter()
        .filter(|d| d.code == minsheng::Code::InvalidEncoding)
        .collect();
    assert_eq!(
        bad.len(),
        1,
        "one run of bad bytes should be one diagnostic"
    );
    assert_eq!(
        bad[0].message,
        format!(
            "expected UTF-8, found the invalid byte sequence FF FE at byte offset {line_5}; it was replaced by U+FFFD"
        )
    );
    assert_eq!((bad[0].line, bad[0].column), (5, 1));
    // The rest of the text is intact.
    let expected = format!("{}\u{FFFD}\u{FFFD}{}", &SEED[..line_5], &SEED[line_5..]);
    assert_eq!(parsed.source.text, expected);
}

#[test]
fn invalid_bytes_in_a_gbk_file_are_reported_in_gb18030_terms() {
    let cut = SEED_GBK.len() / 2;
    let cut = cut + SEED_GBK[cut..].iter().position(|&b| b == b'\n').unwrap() + 1;
    let mut bytes = SEED_GBK[..cut].to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice(&SEED_GBK[cut..]);
    let parsed = parse_bytes(&bytes, &Options::default());
    assert_eq!(parsed.notice.source.encoding, "GB18030");
    let bad: Vec<_> = parsed
        .notice
        .diagnostics
        .iter()
        .filter(|d| d.code == minsheng::Code::InvalidEncoding)
        .collect();
    assert_eq!(bad.len(), 1);
    assert!(
        bad[0].message.starts_with(&format!(
            "expected GB18030, found the invalid byte FF at byte offset {cut};"
        )),
        "{}",
        bad[0].message
    );
    assert_eq!(bad[0].column, 1);
}

#[test]
fn a_gbk_file_truncated_mid_character() {
    // Find a cut that leaves the lead byte of a double-byte character.
    let cut = (SEED_GBK.len() / 3..SEED_GBK.len())
        .find(|&i| SEED_GBK[i] >= 0x81 && SEED_GBK[i + 1] >= 0x40 && SEED_GBK[i - 1] < 0x80)
        .unwrap()
        + 1;
    let bytes = &SEED_GBK[..cut];
    let parsed = parse_bytes(bytes, &Options::default());
    assert_eq!(parsed.notice.source.encoding, "GB18030");
    let bad: Vec<_> = parsed
        .notice
        .diagnostics
        .iter()
        .filter(|d| d.code == minsheng::Code::InvalidEncoding)
        .collect();
    assert_eq!(bad.len(), 1);
    assert_eq!(
        bad[0].message,
        format!(
            "expected GB18030, found the invalid byte {:02X} at byte offset {} at the end of the input (was the file cut off in the middle of a character?); it was replaced by U+FFFD",
            bytes[cut - 1],
            cut - 1
        )
    );
    let whole = encoding_rs::GB18030
        .decode_without_bom_handling(&bytes[..cut - 1])
        .0;
    assert_eq!(parsed.source.text, format!("{whole}\u{FFFD}"));
}

#[test]
fn short_gbk_lines_are_still_detected() {
    for text in [
        "附件1\r\n",
        "（一）促进就业",
        "瑶海区2024年50项民生实事\r\n",
        "牵头单位：区人社局",
    ] {
        let (bytes, _, _) = encoding_rs::GB18030.encode(text);
        let d = decode(&bytes, EncodingChoice::Auto);
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (text, "GB18030"));
    }
}

#[test]
fn line_breaks_and_form_feeds_survive_every_encoding() {
    let text = "附件 1\r\n（1）促进就业\r瑶海区\n\x0C— 2 —\n";
    let (gbk, _, _) = encoding_rs::GB18030.encode(text);
    for bytes in [
        text.as_bytes().to_vec(),
        gbk.into_owned(),
        utf16(text, false),
        utf16(text, true),
    ] {
        let parsed = parse_bytes(&bytes, &Options::default());
        assert_eq!(
            parsed.source.text, text,
            "{}",
            parsed.notice.source.encoding
        );
        assert_eq!(parsed.notice.source.lines, 5);
    }
}

#[cfg(feature = "detect")]
#[test]
fn big5_is_not_misread_as_gbk() {
    let text = "臺北市政府民生實事項目通知：各區公所應於年底前完成。\n";
    let (bytes, _, unmappable) = encoding_rs::BIG5.encode(text);
    assert!(!unmappable);
    let d = decode(&bytes, EncodingChoice::Auto);
    assert_eq!((d.text.as_str(), d.encoding.as_str()), (text, "Big5"));
}

#[test]
fn invalid_encoding_code_is_an_error() {
    assert_eq!(Code::InvalidEncoding.as_str(), "invalid-encoding");
}

#[test]
fn past_the_first_hundred_runs_of_bad_bytes_each_line_gives_one_diagnostic() {
    // 300 runs on line 1, 50 on line 2, one on line 3.
    let mut bytes = Vec::new();
    for (line, runs) in [(1, 300), (2, 50), (3, 1)] {
        for _ in 0..runs {
            bytes.extend_from_slice("任务".as_bytes());
            bytes.push(0xFF);
        }
        if line < 3 {
            bytes.push(b'\n');
        }
    }
    let decoded = decode(&bytes, EncodingChoice::Utf8);
    let bad = &decoded.diagnostics;
    // The first 100 one by one, then the other 200 of line 1, the 50 of
    // line 2 and the one of line 3.
    assert_eq!(bad.len(), 103);
    assert!(bad.iter().all(|d| d.code == Code::InvalidEncoding));
    let line_1 = decoded.text.find('\n').unwrap();
    assert_eq!(bad[100].span.end as usize, line_1);
    assert!(
        bad[100]
            .message
            .contains("found 200 more runs of invalid bytes on this line"),
        "{}",
        bad[100].message
    );
    assert!(bad[101].message.contains("found 50 more runs"));
    assert!(bad[102].message.contains("found the invalid byte FF"));
    // Every replacement character is inside some diagnostic's span.
    for (at, _) in decoded.text.match_indices('\u{FFFD}') {
        assert!(bad
            .iter()
            .any(|d| (d.span.start as usize) <= at && at < d.span.end as usize));
    }
    let parsed = parse_bytes(&bytes, &Options::default());
    assert!(
        parsed.unaccounted().is_empty(),
        "{:?}",
        parsed.unaccounted()
    );
}
