//! Properties of the numeral and quantity grammars.

use minsheng::internals::quantity::find_quantities;
use minsheng::numeral::{
    arabic, chinese_decimal, chinese_integer, find_date, find_dates, find_numerals, numeral,
    ordinal, parse, percent, NumeralKind,
};
use minsheng::Decimal;

use crate::support::dec;
use proptest::prelude::*;

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// A reference writer of Chinese numerals (standard form, 零 for gaps;
/// `short_ten` writes 10–19 at the head as 十… instead of 一十…).
fn write_chinese(n: u64, short_ten: bool) -> String {
    if n == 0 {
        return "零".into();
    }
    // 4-digit groups, lowest first: units, 万, 亿, 万亿.
    let groups: Vec<u64> = (0..4).map(|k| (n / 10u64.pow(4 * k)) % 10_000).collect();
    let mut out = String::new();
    let mut gap = false; // a zero since the last written digit
    for k in (0..4).rev() {
        let g = groups[k];
        if g == 0 {
            if !out.is_empty() {
                gap = true;
            }
            // 一万亿 needs its 亿 even when the 亿 group is empty.
            if k == 2 && groups[3] != 0 {
                out.push('亿');
            }
            continue;
        }
        if !out.is_empty() && (gap || g < 1000) {
            out.push('零');
        }
        gap = false;
        out.push_str(&write_section(g, short_ten && out.is_empty()));
        out.push_str(match k {
            1 | 3 => "万",
            2 => "亿",
            _ => "",
        });
    }
    out
}

/// A group below 10 000.
fn write_section(g: u64, short_ten: bool) -> String {
    let mut out = String::new();
    let mut zero = false;
    for (place, name) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
        let d = (g / place) % 10;
        if d == 0 {
            if !out.is_empty() {
                zero = true;
            }
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        if !(place == 10 && d == 1 && out.is_empty() && short_ten) {
            out.push(DIGITS[d as usize]);
        }
        out.push_str(name);
    }
    out
}

#[test]
fn the_reference_writer_writes_standard_forms() {
    assert_eq!(write_chinese(105, false), "一百零五");
    assert_eq!(write_chinese(15, true), "十五");
    assert_eq!(write_chinese(15, false), "一十五");
    assert_eq!(write_chinese(35_000_000, false), "三千五百万");
    assert_eq!(write_chinese(100_005, false), "一十万零五");
    assert_eq!(write_chinese(1_000_000_000_000, false), "一万亿");
    assert_eq!(write_chinese(120_000_000, false), "一亿二千万");
}

/// Strings made of the characters the grammars care about, to reach deep
/// paths more often than uniform Unicode does.
fn grammar_soup() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = "0123456789０１２３４５６７８９.,．%％‰:：—-～至到从由提高\
        零〇一二两三四五六七八九十百千万亿廿卅点第、（）()①⑳人次元/月户个年日岁左右以上以下内\
        不少于低超过约近余多米瓦“”《》〔〕 　号级届分之"
        .chars()
        .collect();
    prop::collection::vec(prop::sample::select(alphabet), 0..40)
        .prop_map(|v| v.into_iter().collect())
}

fn check_ranges(s: &str) {
    for q in find_quantities(s) {
        assert!(q.range.start < q.range.end && q.range.end <= s.len());
        assert!(s.is_char_boundary(q.range.start) && s.is_char_boundary(q.range.end));
        assert!(!q.text.is_empty());
        if let Some((lo, hi)) = q.amount.bounds() {
            assert_eq!(q.amount.value(), lo);
            assert!(lo <= hi);
        }
    }
    for d in find_dates(s) {
        assert!(s.is_char_boundary(d.range.start) && s.is_char_boundary(d.range.end));
        assert!(d.range.end <= s.len());
    }
    let _ = find_date(s);
}

/// The formal (大写) spelling of a standard numeral.
fn formal(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '一' => '壹',
            '二' => '贰',
            '三' => '叁',
            '四' => '肆',
            '五' => '伍',
            '六' => '陆',
            '七' => '柒',
            '八' => '捌',
            '九' => '玖',
            '十' => '拾',
            '百' => '佰',
            '千' => '仟',
            other => other,
        })
        .collect()
}

fn positional(n: u64) -> String {
    n.to_string()
        .chars()
        .map(|d| {
            ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'][(d as u8 - b'0') as usize]
        })
        .collect()
}

fn check_numerals(s: &str) {
    let mut last = 0;
    for n in find_numerals(s) {
        assert!(n.span.start >= last && n.span.start < n.span.end && n.span.end <= s.len());
        assert!(s.is_char_boundary(n.span.start) && s.is_char_boundary(n.span.end));
        last = n.span.end;
    }
    assert_eq!(parse(s), find_numerals(s).next());
}

fn check_prefix_parsers(s: &str) {
    let ok = |n: usize| n > 0 && n <= s.len() && s.is_char_boundary(n);
    if let Some((_, n)) = arabic(s) {
        assert!(ok(n));
    }
    if let Some((_, n)) = chinese_integer(s) {
        assert!(ok(n));
    }
    if let Some((_, n)) = chinese_decimal(s) {
        assert!(ok(n));
    }
    if let Some((_, n)) = numeral(s) {
        assert!(ok(n));
    }
    if let Some((_, n)) = percent(s) {
        assert!(ok(n));
    }
    if let Some((_, n)) = ordinal(s) {
        assert!(ok(n));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn chinese_integers_read_back(n in 0u64..10_000_000_000_000_000, short in any::<bool>()) {
        let written = write_chinese(n, short);
        prop_assert_eq!(chinese_integer(&written), Some((n, written.len())), "{}", written);
        // A trailing unit does not change the reading.
        let with_unit = format!("{written}人");
        prop_assert_eq!(chinese_integer(&with_unit), Some((n, written.len())));
    }

    #[test]
    fn small_chinese_integers_read_back(n in 0u64..100_000) {
        let written = write_chinese(n, true);
        prop_assert_eq!(chinese_integer(&written), Some((n, written.len())), "{}", written);
    }

    #[test]
    fn multipliers_fold_exactly(int in 0u64..1_000_000, frac in "[0-9]{0,6}", unit in "(万|亿|千|千万|万亿)") {
        let d = if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") };
        let exp = match unit.as_str() { "千" => 3, "万" => 4, "亿" => 8, "千万" => 7, _ => 12 };
        let text = format!("{d}{unit}");
        let (n, len) = numeral(&text).unwrap();
        prop_assert_eq!(len, text.len());
        prop_assert_eq!(n.value, dec(&d).scale_pow10(exp));
        // And as a quantity with a unit after it.
        let q = find_quantities(&format!("新增{text}人"));
        prop_assert_eq!(q.len(), 1);
        prop_assert_eq!(q[0].amount.value(), dec(&d).scale_pow10(exp));
        prop_assert_eq!(q[0].unit.as_str(), "人");
    }

    #[test]
    fn arabic_with_separators_and_full_width(n in 0u64..1_000_000_000_000, full in any::<bool>()) {
        let plain = n.to_string();
        let mut grouped = String::new();
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && (plain.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        let text: String = if full {
            grouped.chars().map(|c| if c.is_ascii_digit() {
                char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap()
            } else { c }).collect()
        } else { grouped };
        prop_assert_eq!(arabic(&text), Some((Decimal::from_int(n.into()), text.len())));
    }

    #[test]
    fn nothing_panics_on_arbitrary_unicode(s in "\\PC{0,60}") {
        check_ranges(&s);
        check_prefix_parsers(&s);
        check_numerals(&s);
    }

    #[test]
    fn nothing_panics_on_grammar_soup(s in grammar_soup()) {
        check_ranges(&s);
        check_prefix_parsers(&s);
        check_numerals(&s);
    }

    #[test]
    fn parse_reads_cardinals_back(n in 0u64..10_000_000_000_000_000, short in any::<bool>()) {
        let written = write_chinese(n, short);
        let found = parse(&written).unwrap();
        prop_assert_eq!(found.value, Decimal::from_int(n.into()), "{}", written);
        prop_assert_eq!(found.span, 0..written.len());
    }

    #[test]
    fn formal_numerals_read_back(n in 0u64..100_000_000_000) {
        let written = formal(&write_chinese(n, false));
        prop_assert_eq!(parse(&written).unwrap().value, Decimal::from_int(n.into()), "{}", written);
    }

    #[test]
    fn negatives_read_back(n in 1u64..1_000_000_000, frac in "[0-9]{0,4}", arabic_digits in any::<bool>()) {
        let int = if arabic_digits { n.to_string() } else { write_chinese(n, true) };
        let (text, expected) = match (frac.is_empty(), arabic_digits) {
            (true, _) => (format!("负{int}"), format!("-{n}")),
            (false, true) => (format!("-{int}.{frac}"), format!("-{n}.{frac}")),
            (false, false) => {
                let cfrac: String = frac.chars()
                    .map(|d| ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'][(d as u8 - b'0') as usize])
                    .collect::<String>();
                (format!("负{int}点{cfrac}"), format!("-{n}.{frac}"))
            }
        };
        let found = parse(&text).unwrap();
        prop_assert_eq!(found.value, dec(&expected), "{}", text);
        prop_assert_eq!(found.span, 0..text.len());
    }

    #[test]
    fn years_read_digit_by_digit(y in 1000u64..3000, nian in any::<bool>()) {
        let text = format!("{}{}", positional(y), if nian { "年" } else { "" });
        let found = parse(&text).unwrap();
        prop_assert_eq!(found.kind, NumeralKind::Year);
        prop_assert_eq!(found.value, Decimal::from_int(y.into()));
    }

    #[test]
    fn nian_sa_read_as_tens(tens in 2usize..5, unit in 0usize..10) {
        let head = ['廿', '卅', '卌'][tens - 2];
        let text = if unit == 0 { head.to_string() } else { format!("{head}{}", DIGITS[unit]) };
        let found = parse(&text).unwrap();
        prop_assert_eq!(found.value, Decimal::from_int((tens * 10 + unit) as i128), "{}", text);
    }

    #[test]
    fn ordinals_read_back(n in 1u64..100_000, arabic_digits in any::<bool>()) {
        let body = if arabic_digits { n.to_string() } else { write_chinese(n, true) };
        let text = format!("第{body}项");
        let found = parse(&text).unwrap();
        prop_assert_eq!(found.kind, NumeralKind::Ordinal);
        prop_assert_eq!(found.value, Decimal::from_int(n.into()));
        prop_assert_eq!(found.span, 0..text.len() - "项".len());
    }

    #[test]
    fn mixed_yi_wan_forms_sum(a in 1u64..10_000, b in 1u64..10_000, c in 0u64..10, unit in "(元|人|)") {
        let text = if c == 0 { format!("{a}亿{b}万{unit}") } else { format!("{a}亿{b}万{c}千{unit}") };
        let expected = a * 100_000_000 + b * 10_000 + c * 1000;
        prop_assert_eq!(parse(&text).unwrap().value, Decimal::from_int(expected.into()), "{}", text);
        if !unit.is_empty() {
            let q = find_quantities(&format!("投入{text}"));
            prop_assert_eq!(q.len(), 1);
            prop_assert_eq!(q[0].amount.value(), Decimal::from_int(expected.into()));
        }
    }

    #[test]
    fn chinese_counts_are_targets(n in 10u64..100_000, unit in "(所|个|人|户|剂次)") {
        let written = write_chinese(n, true);
        let q = find_quantities(&format!("新建{written}{unit}。"));
        prop_assert_eq!(q.len(), 1, "{}", written);
        prop_assert_eq!(q[0].amount.value(), Decimal::from_int(n.into()));
        prop_assert_eq!(q[0].unit.as_str(), unit.as_str());
    }

    #[test]
    fn full_width_separators_read(n in 1_000u64..1_000_000_000) {
        let plain = n.to_string();
        let mut grouped = String::new();
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && (plain.len() - i) % 3 == 0 {
                grouped.push('，');
            }
            grouped.push(char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap());
        }
        prop_assert_eq!(parse(&grouped).unwrap().value, Decimal::from_int(n.into()), "{}", grouped);
        let q = find_quantities(&format!("服务{grouped}人次"));
        prop_assert_eq!(q[0].amount.value(), Decimal::from_int(n.into()));
    }

    #[test]
    fn ranges_point_into_the_input_after_noise(prefix in grammar_soup(), n in 1u32..100_000) {
        let s = format!("{prefix}，不少于 {n} 人次。");
        check_ranges(&s);
        let qs = find_quantities(&s);
        let last = qs.last().unwrap();
        prop_assert_eq!(&s[last.range.clone()], format!("不少于 {n} 人次"));
        prop_assert_eq!(last.amount.value(), Decimal::from_int(n.into()));
    }
}
