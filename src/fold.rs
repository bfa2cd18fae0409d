//! Width folding: one form for every character the notices write two ways.
//!
//! The fold is applied to every logical line before any grammar sees it, and
//! its result is the text the JSON reports:
//!
//! - digits, Latin letters and `% . / + -` are folded to **half width**
//!   (`１２０％` → `120%`);
//! - the Chinese punctuation marks `（）：，；！？` are folded to **full
//!   width** (`(七)` → `（七）`, `单位:` → `单位：`), except `,` and `:`
//!   between two digits (`12,650`, `1:1`), which stay as they are;
//! - 〇, O and l next to an Arabic digit are the digits OCR misread
//!   (`2〇24年` → `2024年`, `l20台` → `120台`); 〇 among Chinese numerals
//!   (`二〇二四`) stays;
//! - Kangxi radicals and CJK compatibility ideographs, common in PDF
//!   extraction, become the unified ideographs (`⼀` → `一`);
//! - traditional characters become simplified ones (`牽頭單位` → `牵头单位`;
//!   the JSON gets them back as printed, see [`crate::traditional`]);
//! - spaces (ASCII, U+3000, U+00A0, tabs) next to a CJK character are
//!   dropped (`新增 1.15 万人` → `新增1.15万人`); a run of spaces between
//!   two Latin letters or digits becomes one space;
//! - emoji and pictographs (U+1F000–U+1FAFF, U+2600–U+27BF), which copies
//!   of WeChat articles put before headings (`💼 一、就业增收`), fold away
//!   as spaces do.
//!
//! Every output character maps back to the original through [`MappedText`].

use unicode_normalization::char::decompose_compatible;

use crate::mapped::MappedText;
use crate::source::Span;
use crate::traditional::simplified;

/// Fold a mapped text. See the module doc for the rules.
///
/// ```
/// use minsheng::internals::mapped::MappedText;
/// let t = MappedText::original("(七) 推动培训 85 人(次)。(牵头单位:区残联)", 0);
/// assert_eq!(minsheng::internals::fold::fold(&t).as_str(), "（七）推动培训85人（次）。（牵头单位：区残联）");
/// ```
pub fn fold(text: &MappedText) -> MappedText {
    let s = text.as_str();
    let mut out = MappedText::new();
    // One pass over the characters with one of look-behind and look-ahead;
    // unchanged characters are copied in runs, not one by one.
    let mut prev: Option<char> = None;
    // The last character written, folded (a digit read from 〇 counts).
    let mut prev_out: Option<char> = None;
    let mut at = 0;
    // Start of the pending run of unchanged characters.
    let mut copy_from = 0;
    while let Some(c) = s[at..].chars().next() {
        let end = at + c.len_utf8();
        if is_space(c) {
            out.push_slice(text, copy_from..at);
            // A run of spaces: keep one only between two ASCII word characters.
            let mut j = end;
            let mut last_space = c;
            let mut after = None;
            for d in s[end..].chars() {
                if !is_space(d) {
                    after = Some(d);
                    break;
                }
                last_space = d;
                j += d.len_utf8();
            }
            if let (Some(b), Some(a)) = (prev, after) {
                if keeps_space(folded_char(b)) && keeps_space(folded_char(a)) {
                    out.push_replacement(" ", text.span_of(at..at + 1));
                }
            }
            prev = Some(last_space);
            at = j;
            copy_from = j;
            continue;
        }
        // "**…**": Markdown's bold (a Word file converted by pandoc), no
        // text of the notice.
        if c == '*' && s[end..].starts_with('*') {
            out.push_slice(text, copy_from..at);
            at = end + '*'.len_utf8();
            copy_from = at;
            continue;
        }
        // Markdown's other marks from such a conversion: "# 附件" (a
        // heading) and "\" (a line break at a line's end, an escape
        // before punctuation: "1\." is "1.").
        let markup = match c {
            '#' if at == 0 => markdown_heading(s),
            '\\' if s[end..]
                .chars()
                .next()
                .is_none_or(|n| !n.is_ascii_alphanumeric()) =>
            {
                1
            }
            _ => 0,
        };
        if markup > 0 {
            out.push_slice(text, copy_from..at);
            at += markup;
            copy_from = at;
            continue;
        }
        if let Some(expanded) = enclosed_number(c) {
            out.push_slice(text, copy_from..at);
            out.push_replacement(&expanded, text.span_of(at..end));
            prev_out = expanded.chars().last();
            prev = Some(c);
            at = end;
            copy_from = end;
            continue;
        }
        let next = s[end..].chars().next();
        let folded = digit_lookalike(c, prev_out, &s[end..])
            .or_else(|| marker_lookalike(c, prev_out, &s[end..]))
            .unwrap_or_else(|| fold_char(c, prev, next));
        prev_out = Some(folded);
        if folded != c {
            out.push_slice(text, copy_from..at);
            let mut buf = [0u8; 4];
            let span: Span = text.span_of(at..end);
            out.push_replacement(folded.encode_utf8(&mut buf), span);
            copy_from = end;
        }
        prev = Some(c);
        at = end;
    }
    out.push_slice(text, copy_from..s.len());
    out
}

/// The length of a Markdown heading's marks at the start of `s` ("# ",
/// "## " …: one to six "#" and a space), or 0.
fn markdown_heading(s: &str) -> usize {
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    let spaced = s[hashes..].starts_with(|c: char| is_space(c));
    if (1..=6).contains(&hashes) && spaced {
        hashes
    } else {
        0
    }
}

/// The numbers Unicode encloses in one character, written out as the
/// markers they stand for: "⑴" (U+2474–2487) is "（1）", "⒈" (U+2488–249B)
/// is "1." (Word and PDF copies print list numbers so).
fn enclosed_number(c: char) -> Option<String> {
    match c {
        '\u{2474}'..='\u{2487}' => Some(format!("（{}）", c as u32 - 0x2474 + 1)),
        '\u{2488}'..='\u{249B}' => Some(format!("{}.", c as u32 - 0x2488 + 1)),
        _ => None,
    }
}

/// Fold a plain string (no mapping kept), for matching and tests.
pub fn fold_str(s: &str) -> String {
    fold(&MappedText::original(s, 0)).as_str().to_string()
}

fn is_space(c: char) -> bool {
    // U+00A0 and the form feed are whitespace too; one definition of blank.
    crate::source::is_blank_char(c) || is_emoji(c)
}

/// Emoji and pictographs that web and WeChat copies put before headings
/// ("💼 一、就业增收", "📌 附件"): decoration, never the notice's words, so
/// they fold away like spaces and the heading reads as printed.
fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}' // pictographs, emoticons, transport, supplemental symbols
        | '\u{2600}'..='\u{27BF}' // miscellaneous symbols and dingbats (☀ ✅ ✨)
        | '\u{FE0F}' | '\u{200D}' // emoji presentation selector, zero-width joiner
    )
}

fn keeps_space(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// The context-free part of the fold.
fn folded_char(c: char) -> char {
    match c {
        '\u{ff10}'..='\u{ff19}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}' => {
            char::from_u32(c as u32 - 0xfee0).unwrap_or(c)
        }
        '％' => '%',
        '．' | '﹒' => '.',
        '／' => '/',
        '＋' => '+',
        '－' => '-',
        '(' => '（',
        ')' => '）',
        ';' => '；',
        '!' => '！',
        '?' => '？',
        '\u{2f00}'..='\u{2fdf}' | '\u{f900}'..='\u{faff}' => simplified(compatibility_ideograph(c)),
        _ => simplified(c),
    }
}

/// The digit a character stands for in a number that OCR misread: 〇, O
/// for 0 and l for 1 next to an Arabic digit ("2〇24年", "3〇〇户", "2O处",
/// "l20台", "3月l2日"). Latin letters next to other letters are words, and
/// 〇 among Chinese numerals (二〇二四) is that numeral's zero.
fn digit_lookalike(c: char, prev_out: Option<char>, ahead: &str) -> Option<char> {
    let digit = match c {
        '〇' | 'O' => '0',
        'l' => '1',
        _ => return None,
    };
    let lookalike = |d: char| d.is_ascii_digit() || matches!(d, 'l' | 'O' | '〇' | '.');
    let run_end = ahead.find(|d: char| !lookalike(d)).unwrap_or(ahead.len());
    let after_digit = prev_out.is_some_and(|p| p.is_ascii_digit());
    let before_digit = ahead[..run_end].contains(|d: char| d.is_ascii_digit());
    let in_word = c != '〇'
        && (prev_out.is_some_and(|p| p.is_ascii_alphabetic())
            || ahead[run_end..]
                .chars()
                .next()
                .is_some_and(|n| folded_char(n).is_ascii_alphabetic()));
    ((after_digit || before_digit) && !in_word).then_some(digit)
}

/// An item's number misread the same way at the start of a line or after
/// a clause ("l.新增城镇就业", "ll.改造", "lO.为适龄妇女" after "）"): l and
/// O in a run of digits and look-alikes that ends in "." or "、".
fn marker_lookalike(c: char, prev_out: Option<char>, ahead: &str) -> Option<char> {
    let digit = match c {
        'O' => '0',
        'l' => '1',
        _ => return None,
    };
    let at_start = prev_out.is_none_or(|p| p == '）' || p == '0' || p == '1');
    let run_end = ahead
        .find(|d: char| !(d.is_ascii_digit() || d == 'l' || d == 'O'))
        .unwrap_or(ahead.len());
    let closes = ahead[run_end..].starts_with(['.', '、', '．']);
    (at_start && closes && run_end <= 2).then_some(digit)
}

fn fold_char(c: char, prev: Option<char>, next: Option<char>) -> char {
    let between_digits = || {
        prev.is_some_and(|p| folded_char(p).is_ascii_digit())
            && next.is_some_and(|n| folded_char(n).is_ascii_digit())
    };
    match c {
        ',' if !between_digits() => '，',
        ':' if !between_digits() => '：',
        '，' if between_digits() && prev.is_some_and(|p| p.is_ascii_digit()) => ',',
        _ => folded_char(c),
    }
}

fn compatibility_ideograph(c: char) -> char {
    let mut result = c;
    let mut count = 0;
    decompose_compatible(c, |d| {
        count += 1;
        result = d;
    });
    if count == 1 {
        result
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_misread_by_ocr_are_read_as_digits() {
        assert_eq!(fold_str("即政办发〔2〇24〕5号"), "即政办发〔2024〕5号");
        assert_eq!(fold_str("改造3〇〇户，约68〇〇户"), "改造300户，约6800户");
        assert_eq!(
            fold_str("新增l20台，建设2O处，3月l2日"),
            "新增120台，建设20处，3月12日"
        );
        assert_eq!(
            fold_str("二〇二四年三月"),
            "二〇二四年三月",
            "a Chinese numeral's zero"
        );
        assert_eq!(
            fold_str("AED200台、Vol2"),
            "AED200台、Vol2",
            "letters of a word stay"
        );
    }

    #[test]
    fn digits_go_half_width_and_punctuation_full_width() {
        assert_eq!(fold_str("１２０％"), "120%");
        assert_eq!(fold_str("推进措施:"), "推进措施：");
        assert_eq!(fold_str("(牵头单位:区残联)"), "（牵头单位：区残联）");
    }

    #[test]
    fn separators_between_digits_stay() {
        assert_eq!(fold_str("12,650 人"), "12,650人");
        assert_eq!(fold_str("按1:1比例"), "按1:1比例");
        assert_eq!(fold_str("康复保障,为 286 名"), "康复保障，为286名");
    }

    #[test]
    fn spaces_next_to_cjk_go_between_latin_words_stay() {
        assert_eq!(fold_str("瑶海区 2024 年 50 项"), "瑶海区2024年50项");
        assert_eq!(fold_str("骑手 APP  点位"), "骑手APP点位");
        assert_eq!(fold_str("a  b"), "a b");
        assert_eq!(fold_str("　　一、总体要求"), "一、总体要求");
    }

    #[test]
    fn markdown_marks_of_a_converted_word_file_fold_away() {
        assert_eq!(fold_str("# 附件"), "附件");
        assert_eq!(fold_str("## 一、就业增收"), "一、就业增收");
        // A "#" inside the text, or not followed by a space, is text.
        assert_eq!(fold_str("#1 泵站"), "#1泵站");
        assert_eq!(fold_str("第3#楼"), "第3#楼");
        // pandoc's hard line break and its escapes.
        assert_eq!(fold_str("大理市人民政府办公室\\"), "大理市人民政府办公室");
        assert_eq!(
            fold_str("关于印发2024年\\民生实事"),
            "关于印发2024年民生实事"
        );
        assert_eq!(fold_str("1\\.新增学位"), "1.新增学位");
    }

    #[test]
    fn traditional_characters_read_as_simplified() {
        assert_eq!(fold_str("（牽頭單位：市衛健局）"), "（牵头单位：市卫健局）");
    }

    #[test]
    fn kangxi_radicals_become_unified_ideographs() {
        assert_eq!(fold_str("⼀户多残"), "一户多残");
    }

    #[test]
    fn folded_text_maps_back_to_the_original() {
        let original = "(七) 推动";
        let t = fold(&MappedText::original(original, 0));
        let at = t.as_str().find('推').unwrap();
        assert_eq!(&original[t.original_offset(at)..], "推动");
        let close = t.as_str().find('）').unwrap();
        assert_eq!(t.span_of(close..close + 3), Span::new(4, 5));
    }
}
