//! Regressions: each case is a minimal input that once went wrong, named
//! after what happened. Fuzzing crashes land here as `fuzz_<target>_<hash>`
//! with the crash file's bytes inline; see fuzz/README.md.

use minsheng::internals::decode::{decode, EncodingChoice};
use minsheng::{parse_bytes, Options};

/// Found while adding chardetng: asked first and without a top-level
/// domain, it called a UTF-8 notice with two bad bytes windows-1252, and
/// the whole notice became mojibake instead of two U+FFFD (seen on the seed
/// notice with FF FE at the start of line 5; this is the same damage, short).
#[test]
fn utf8_with_bad_bytes_is_not_windows_1252() {
    let text = "各街镇、龙岗片区，区有关单位：\n根据省市统一部署，经区政府同意。\n";
    let mut bytes = text.as_bytes().to_vec();
    bytes.splice(9..9, [0xFF, 0xFE]);
    let d = decode(&bytes, EncodingChoice::Auto);
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(d.diagnostics.len(), 1);
    assert_eq!(d.text.matches('\u{FFFD}').count(), 2);
}

/// Found with the same change: the four GBK bytes of 附件 plus "1" were
/// guessed EUC-KR (맒숭1).
#[test]
fn a_short_gbk_marker_is_not_euc_kr() {
    let d = decode(b"\xB8\xBD\xBC\xFE1\r\n", EncodingChoice::Auto);
    assert_eq!(
        (d.text.as_str(), d.encoding.as_str()),
        ("附件1\r\n", "GB18030")
    );
}

/// A GBK file cut after a lead byte: the brief's rule "GB18030 if it decodes
/// cleanly" would fall back to UTF-8 and turn every line into U+FFFD; the
/// detector compares bad-byte runs instead.
#[test]
fn gbk_cut_after_a_lead_byte_stays_gbk() {
    let parsed = parse_bytes(b"\xB8\xBD\xBC\xFE 1\r\n\xC3", &Options::default());
    crate::support::check(&parsed);
    assert_eq!(parsed.notice.source.encoding, "GB18030");
    assert_eq!(parsed.source.text, "附件 1\r\n\u{FFFD}");
}

/// `cp936`, Windows' name for GBK, is not an Encoding Standard label and was
/// refused by `--encoding`.
#[test]
fn cp936_is_gbk() {
    assert_eq!("cp936".parse::<EncodingChoice>(), Ok(EncodingChoice::Gbk));
}

/// fuzz stress crash-56405d1b8850b33c, -43bbbe5b2ca335b7, -5599ef6d4ee2f6cd:
/// an input of invisible characters only (a zero-width space, a BOM twice, a
/// UTF-16 BOM repeated) was blank to the reader but not to the accounting,
/// so its line was neither parsed nor reported. One definition of blank now
/// serves both, and such an input is `empty-input`.
#[test]
fn fuzz_stress_invisible_characters_only() {
    for bytes in [
        &b"\xE2\x80\x8B"[..],
        b"\xEF\xBB\xBF\xEF\xBB\xBF",
        b"\xEF\xBB\xBF\xEF\xBB\xBF\r\n",
        b"\xFF\xFE\xFF\xFE\xFF\xFE\xFF\xFE",
        b"\xFE\xFF\xFE\xFF",
    ] {
        let parsed = parse_bytes(bytes, &Options::default());
        crate::support::check(&parsed);
        assert_eq!(crate::support::codes(&parsed), ["empty-input"], "{bytes:?}");
    }
}

/// fuzz stress crash-b00ffd8b139fe5e5: a page number between the rows of a
/// flattened table was skipped by the table reader and never accounted for.
#[test]
fn fuzz_stress_page_number_inside_a_flattened_table() {
    let text = "附件\n\n序号\n项目名称\n主要目标任务\n牵头单位\n1\n老旧小区改造\n改造老旧小区30个。\n区住建局\n- 3 -\n2\n新建停车泊位\n新增停车泊位2000个。\n区城管局\n- 4 -\n";
    let parsed = parse_bytes(text.as_bytes(), &Options::default());
    crate::support::check(&parsed);
    assert_eq!(parsed.notice.plan.projects.len(), 2);
    assert_eq!(parsed.notice.plan.projects[1].lead_units, ["区城管局"]);
}

/// Found by the stress fuzzer (crash-4ddb0328b17152f0, a web copy's metadata
/// table with a space put inside a label): "主题 分类" matched as 主题分类 and
/// as 分类, the two fields overlapped and slicing the value panicked.
#[test]
fn fuzz_stress_4ddb0328_a_label_with_a_space_inside_is_one_field() {
    let text = "索引号\t0001/2025-00018\t主题 分类\t综合政务\n发文字号\t某府办〔2025〕6号\n\n某区人民政府办公室关于印发2025年民生实事的通知\n各镇人民政府：\n1.新增学位600个。（责任单位：区教育局）\n";
    let parsed = parse_bytes(text.as_bytes(), &Options::default());
    assert_eq!(
        parsed.notice.document.doc_number.map(|n| n.text).as_deref(),
        Some("某府办〔2025〕6号")
    );
}
