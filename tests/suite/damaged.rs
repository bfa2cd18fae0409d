//! Damaged inputs and non-notices: each gets a clear answer, never a panic,
//! and every line still ends up somewhere.

use crate::support::{check, codes, SEED, SEED_GBK};
use minsheng::{parse_bytes, Options};

fn parse(bytes: &[u8]) -> minsheng::Parsed {
    parse_bytes(bytes, &Options::default())
}

/// A refused input has exactly one diagnostic, at 1:1, and nothing parsed.
fn assert_refused(parsed: &minsheng::Parsed, code: &str, message_part: &str) {
    check(parsed);
    let n = &parsed.notice;
    assert_eq!(codes(parsed), [code], "should be refused with {code} only");
    let d = &n.diagnostics[0];
    assert_eq!((d.line, d.column), (1, 1));
    assert!(
        d.message.contains(message_part),
        "message should contain “{message_part}”: {}",
        d.message
    );
    assert!(n.plan.projects.is_empty() && n.plan.categories.is_empty());
    assert!(n.document.title.is_none() && n.attachments.is_empty());
}

fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

#[test]
fn empty_input() {
    let parsed = parse(b"");
    assert_refused(
        &parsed,
        "empty-input",
        "expected a notice, found an empty input (0 bytes)",
    );
    assert_eq!(parsed.notice.source.bytes, 0);
    assert_eq!(
        parsed.notice.diagnostics[0].severity,
        minsheng::Severity::Error
    );
}

#[test]
fn whitespace_only_input() {
    let parsed = parse(" \t\r\n\u{3000}\n\x0C\n".as_bytes());
    assert_refused(&parsed, "empty-input", "found only whitespace (10 bytes)");
    assert_eq!(parsed.notice.source.encoding, "UTF-8");
    assert_eq!(parsed.notice.source.lines, 4);
}

#[test]
fn a_bom_alone_is_empty() {
    assert_refused(
        &parse(b"\xEF\xBB\xBF"),
        "empty-input",
        "found only whitespace (3 bytes)",
    );
    assert_refused(
        &parse(b"\xFF\xFE"),
        "empty-input",
        "found only whitespace (2 bytes)",
    );
}

#[test]
fn nul_bytes() {
    let mut bytes = b"\0\0\0\0".to_vec();
    bytes.extend_from_slice(SEED.as_bytes());
    let parsed = parse(&bytes);
    assert_refused(
        &parsed,
        "binary-input",
        "expected a text notice, found binary data: a NUL character at character offset 0",
    );
    assert_eq!(parsed.notice.source.encoding, "unknown");
    assert_eq!(parsed.notice.source.bytes, bytes.len() as u64);
}

#[test]
fn png_header() {
    let bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    assert_refused(&parse(bytes), "binary-input", "found a PNG image");
}

#[test]
fn other_file_signatures() {
    for (bytes, what) in [
        (
            &b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n"[..],
            "a PDF file: extract its text first, e.g. with pdftotext",
        ),
        (
            b"PK\x03\x04\x14\0\x06\0",
            "a ZIP archive (also a .docx, .xlsx or .odt file)",
        ),
        (b"\xFF\xD8\xFF\xE0\0\x10JFIF", "a JPEG image"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0",
            "a legacy Microsoft Office file",
        ),
    ] {
        assert_refused(&parse(bytes), "binary-input", what);
    }
}

#[test]
fn random_bytes_are_binary() {
    // A fixed pseudo-random stream (xorshift), no NUL in it.
    let mut x: u32 = 2463534242;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x as u8).max(1)
        })
        .collect();
    assert_refused(
        &parse(&bytes),
        "binary-input",
        "expected a text notice, found binary data",
    );
}

#[test]
fn over_the_size_limit() {
    let options = Options::default().with_max_bytes(1000);
    let parsed = parse_bytes(SEED.as_bytes(), &options);
    assert_refused(
        &parsed,
        "input-too-large",
        &format!("expected at most 1000 bytes (the configured limit, Options::max_bytes), found {} bytes", SEED.len()),
    );
    // At the limit is fine.
    let options = Options::default().with_max_bytes(SEED.len());
    let parsed = parse_bytes(SEED.as_bytes(), &options);
    check(&parsed);
    assert!(!codes(&parsed).contains(&"input-too-large"));
}

#[test]
fn ten_megabytes_on_one_line() {
    let line = "民生实事".repeat((10 << 20) / 12) + "（1）新增城镇就业 1.15 万人左右。";
    assert!(line.len() >= 10 << 20);
    let parsed = parse(line.as_bytes());
    check(&parsed);
    assert_eq!(parsed.notice.source.lines, 1);
}

#[test]
fn truncated_at_many_points() {
    let bytes = SEED.as_bytes();
    let mut cuts: Vec<usize> = (1..40).map(|i| bytes.len() * i / 40).collect();
    // Mid-character: one byte into a three-byte character.
    cuts.extend((1..8).map(|i| {
        let at = bytes.len() * i / 8;
        (at..bytes.len()).find(|&j| bytes[j] >= 0xE0).unwrap() + 1
    }));
    // Mid-attachment and right after an attachment marker.
    for marker in ["附件 1\n", "附件 2\n", "（牵头单位："] {
        let at = SEED.find(marker).unwrap();
        cuts.extend([at + marker.len(), at + marker.len() + 200, at + 2]);
    }
    for cut in cuts {
        let parsed = parse(&bytes[..cut]);
        check(&parsed);
        let mid_char = std::str::from_utf8(&bytes[..cut]).is_err();
        assert_eq!(
            codes(&parsed).contains(&"invalid-encoding"),
            mid_char,
            "a cut at {cut} should report invalid-encoding exactly when it splits a character"
        );
    }
}

#[test]
fn gbk_truncated_at_many_points() {
    for i in 1..20 {
        let cut = SEED_GBK.len() * i / 20;
        for cut in [cut, cut + 1] {
            let parsed = parse(&SEED_GBK[..cut]);
            check(&parsed);
            assert_eq!(parsed.notice.source.encoding, "GB18030", "cut at {cut}");
        }
    }
}

#[test]
fn lines_deleted_swapped_and_duplicated() {
    let original = lines(SEED);
    let n = original.len();
    for step in [17, 101] {
        for start in (0..n).step_by(step) {
            let mut deleted = original.clone();
            deleted.remove(start);
            check(&parse(deleted.concat().as_bytes()));

            let mut swapped = original.clone();
            swapped.swap(start, (start + step) % n);
            check(&parse(swapped.concat().as_bytes()));

            let mut duplicated = original.clone();
            duplicated.insert(start, original[start]);
            check(&parse(duplicated.concat().as_bytes()));
        }
    }
}

#[test]
fn only_the_body() {
    let body = &SEED[..SEED.find("附件 1\n").unwrap()];
    check(&parse(body.as_bytes()));
}

#[test]
fn only_an_attachment() {
    let first = SEED.find("附件 1\n").unwrap();
    let second = SEED.find("附件 2\n").unwrap();
    check(&parse(&SEED.as_bytes()[first..second]));
    check(&parse(&SEED.as_bytes()[second..]));
}

#[test]
fn control_characters_and_odd_line_breaks_inside_a_notice() {
    let text = SEED.replacen('\n', "\r", 50).replacen('。', "。\x07", 3) + "\u{FEFF}\u{200B}\x0C";
    check(&parse(text.as_bytes()));
}

#[test]
fn a_late_nul_is_not_binary() {
    // One stray NUL far into a long notice: parsed, not refused.
    let at = SEED.len() / 2;
    let at = (at..).find(|&i| SEED.is_char_boundary(i)).unwrap();
    let text = format!("{}\0{}", &SEED[..at], &SEED[at..]);
    let parsed = parse(text.as_bytes());
    check(&parsed);
    assert!(!codes(&parsed).contains(&"binary-input"));
}

// Text a reader took and could not place: said where it is, never dropped.
// Each is a damage the fuzz target found in mutated notices, as a small
// notice of its own.

/// The diagnostic whose message holds `part`, and its line.
fn said<'a>(parsed: &'a minsheng::Parsed, part: &str) -> &'a minsheng::model::DiagnosticRecord {
    parsed
        .notice
        .diagnostics
        .iter()
        .find(|d| d.message.contains(part))
        .unwrap_or_else(|| {
            panic!(
                "a diagnostic saying “{part}” in {:#?}",
                parsed.notice.diagnostics
            )
        })
}

/// The numbers of the projects read, in order.
fn numbers(parsed: &minsheng::Parsed) -> Vec<u32> {
    parsed
        .notice
        .plan
        .projects
        .iter()
        .map(|p| p.number)
        .collect()
}

#[test]
fn a_heading_in_the_serial_column_of_an_aligned_table_is_said() {
    // A page lost categories 一 and 二: "三、平安健康" does not go on from
    // any category row, and falls into the 序号 column of row 7.
    let text = "  序号  项目内容及目标                                  责任单位\n  7     新建提升“口袋公园”15个、绿道60公里。            区城市管理局\n  三、平安健康\n  8     完成食品安全抽检1.1万批次。                      区市场监管局\n";
    let parsed = parse(text.as_bytes());
    check(&parsed);
    assert_eq!(numbers(&parsed), [7, 8], "the rows keep their serials");
    let d = said(&parsed, "“三、平安健康”");
    assert_eq!((d.code.as_str(), d.line, d.column), ("unparsed-text", 3, 3));
}

#[test]
fn a_running_head_above_the_first_row_is_said_not_read_as_a_serial() {
    let text = "  序号  项目名称        主要目标任务                        牵头单位    责任单位\n某某区人民政府\n  2     提升基层医疗服  新建社区医院2家，完成8家村卫生室标  区卫生健康  区财政局\n        务能力          准化改造。                          委\n  3     开展学生近视防  为全区3.6万名中小学生开展视力筛查。 区教育局    各街道\n        控\n";
    let parsed = parse(text.as_bytes());
    check(&parsed);
    assert_eq!(said(&parsed, "“某某区人民政府”").line, 2);
    assert_eq!(numbers(&parsed), [2, 3]);
}

#[test]
fn cells_past_the_header_of_a_tab_separated_row_are_said() {
    // A quote the export did not close: the row runs on into the next
    // row's cells, past the seven columns the header names.
    let text = "序号\t类别\t事项名称\t具体内容\t牵头单位\t配合单位\t完成时限\n1\t教育\t村卫生室\t新建标准化村卫生室6间。\t区卫健委\t各镇\t2024年11月\t为全区80岁以上老年人发放高龄长寿补贴。\t区民政局\n";
    let parsed = parse(text.as_bytes());
    check(&parsed);
    let d = said(&parsed, "found more");
    assert!(d.message.contains("at most 7 cells"), "{}", d.message);
    assert!(d.message.contains("高龄长寿补贴"), "{}", d.message);
    assert_eq!(parsed.notice.plan.projects[0].lead_units, ["区卫健委"]);
}

#[test]
fn a_page_cut_inside_a_tag_says_the_text_the_tag_swallowed() {
    // The download stopped inside "</head>": the rest of the page is in an
    // unclosed tag, which a browser never shows.
    let page = "<html><head><title>某区民生实事</title></hea政府，区直各单位：\n某区人民政府办公室";
    let parsed = parse(page.as_bytes());
    check(&parsed);
    let d = said(&parsed, "broken markup");
    assert_eq!((d.code.as_str(), d.line), ("unparsed-text", 1));
}

#[test]
fn a_tag_whose_attributes_are_text_is_said() {
    // "<span" lost its ">": the tokenizer reads the sentence after it as
    // attribute names, up to the next ">".
    let page = "<html><body><div class=\"article\"><p>一、教育（1项）</p><p>1.新建幼儿园3所。（牵头单位：区教育局）</p><p><span 新增学位900个，惠及家庭900户></span></p></div></body></html>";
    let parsed = parse(page.as_bytes());
    check(&parsed);
    assert!(said(&parsed, "broken markup")
        .message
        .contains("新增学位900个"));
    assert_eq!(parsed.notice.plan.projects.len(), 1);
}

#[test]
fn a_comment_the_end_of_the_page_cut_off_is_said() {
    let page = "<html><body><p>1.新建幼儿园3所。（牵头单位：区教育局）</p><!-- 附件：某区2024年民生实事项目任务分解方案";
    let parsed = parse(page.as_bytes());
    check(&parsed);
    assert!(said(&parsed, "broken markup").message.contains("<!--"));
}
