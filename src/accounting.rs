//! The parser's promise, checked per character: every piece of the input's
//! text is kept by an element of the notice, set aside by the reader, named
//! by a diagnostic, or read as the structure that frames the elements.
//!
//! Input: the decoded source, the [`Notice`] and its [`Places`] (the byte
//! ranges each element's text was read from). Output: the ranges of text
//! none of these account for, as [`Span`]s, merged per line. The parser's
//! promise is that there are none; the tests, the fuzz target and
//! `minsheng parse --check` hold it to that.
//!
//! What is structure: between the kept ranges of a line, what is left may
//! only be blanks and punctuation, a numbering marker (一、 （一） 1. ①
//! 第一条), an attachment marker (附件 2), a count (（5项）, 共12件), a unit
//! label (牵头单位：), or a table's header words. Anything else, a word of
//! content, is text the parser read and did not keep.

use crate::model::Notice;
use crate::places::Places;
use crate::source::{SourceText, Span};

/// Ranges of the source that no element, set-aside line or diagnostic
/// accounts for and that are not structure, in input order. For a web page
/// (`html`), markup (tags, comments, scripts, styles, entities) is structure.
pub(crate) fn unaccounted(
    source: &SourceText,
    notice: &Notice,
    places: &Places,
    html: bool,
) -> Vec<Span> {
    let text = source.text.as_str();
    let mut covered = covered(notice, places);
    if html {
        // The title bar's text ("…的通知 - 某市人民政府") is the page's, not
        // the notice's, even where the reader took the notice's title from it.
        if let Some(title) = page_title(text) {
            let at = covered.partition_point(|c| c.start < title.start);
            covered.insert(at, title);
        }
    }
    let mut out = Vec::new();
    let mut at = 0;
    for c in covered.into_iter().chain([Span::point(text.len())]) {
        // On character boundaries whatever the spans say.
        let mut start = at.min(text.len());
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let end = crate::source::floor_char_boundary(text, (c.start as usize).min(text.len()));
        if start < end {
            judge_gap(text, start..end, html, &mut out);
        }
        at = at.max(c.end as usize);
    }
    out
}

/// The characters of a gap outside markup, each with its byte offset; a
/// tag or an entity stands as one blank.
fn words_of(text: &str, gap: std::ops::Range<usize>, html: bool) -> Vec<(usize, char)> {
    let s = &text[gap.clone()];
    let mut chars = Vec::new();
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        if html {
            let rest = &s[i..];
            let skip = if let Some(after) = rest.strip_prefix("<!--") {
                after.find("-->").map_or(rest.len(), |e| e + 7)
            } else if let Some(name) = ["script", "style", "title"]
                .into_iter()
                .find(|n| starts_element(rest, n))
            {
                // Not the page's text: code, and the title in the tab.
                let close = format!("</{name}");
                find_ascii_ci(rest, &close).map_or(rest.len(), |e| e + close.len())
            } else if c == '<'
                && rest[1..].starts_with(|n: char| n.is_ascii_alphabetic() || "/!?".contains(n))
            {
                rest.find('>').map_or(rest.len(), |e| e + 1)
            } else if c == '&' {
                rest.char_indices()
                    .take(12)
                    .find(|&(_, x)| x == ';')
                    .map_or(0, |(e, _)| e + 1)
            } else {
                0
            };
            if skip > 0 {
                chars.push((gap.start + i, ' '));
                i += skip;
                continue;
            }
        }
        chars.push((gap.start + i, c));
        i += c.len_utf8();
    }
    chars
}

/// A character of a word: neither blank nor punctuation.
fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !is_punctuation(c)
}

/// The `<title>` element of a page, tags included.
fn page_title(text: &str) -> Option<Span> {
    let start = find_ascii_ci(text, "<title")?;
    let end = find_ascii_ci(&text[start..], "</title>")? + start + "</title>".len();
    Some(Span::new(start, end))
}

/// Where `needle` (ASCII) is in `s`, ignoring ASCII case.
fn find_ascii_ci(s: &str, needle: &str) -> Option<usize> {
    let (h, n) = (s.as_bytes(), needle.as_bytes());
    (0..=h.len().saturating_sub(n.len())).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// `s` opens an element `name` (ASCII, any case): "<script" and the like.
fn starts_element(s: &str, name: &str) -> bool {
    let b = s.as_bytes();
    b.len() > name.len() + 1
        && b[0] == b'<'
        && b[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
}

/// Judge one gap between kept ranges: structure as a whole (a label split
/// over two lines), or line by line; each line's words that are not
/// structure are pushed as one span, from its first word to its last.
fn judge_gap(text: &str, gap: std::ops::Range<usize>, html: bool, out: &mut Vec<Span>) {
    let chars = words_of(text, gap, html);
    let words = |part: &[(usize, char)]| part.iter().map(|w| w.1).collect::<String>();
    if !chars.iter().any(|w| is_word_char(w.1)) || is_structure_word(&words(&chars)) {
        return;
    }
    for line in chars.split(|w| w.1 == '\n') {
        let first = line.iter().position(|w| is_word_char(w.1));
        let last = line.iter().rposition(|w| is_word_char(w.1));
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        if !is_structure_word(&words(line)) {
            let (start, end) = (line[first].0, line[last].0 + line[last].1.len_utf8());
            out.push(Span::new(start, end));
        }
    }
}

/// Every range some element, set-aside line or diagnostic covers, sorted
/// and merged.
fn covered(notice: &Notice, places: &Places) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for f in &places.frame {
        spans.extend(&f.spans);
    }
    for c in places
        .categories
        .iter()
        .chain(&places.subcategories)
        .chain(&places.untasked)
    {
        spans.extend(c);
    }
    for p in &places.projects {
        spans.extend(p.text.iter().chain(&p.name));
        spans.extend(&p.restated);
        for list in [
            &p.lead_units,
            &p.support_units,
            &p.leaders,
            &p.measures,
            &p.fields,
        ] {
            spans.extend(list.iter().flatten());
        }
    }
    for a in &places.set_aside {
        spans.extend(&a.spans);
    }
    spans.extend(
        places
            .copies
            .iter()
            .chain(&places.structure)
            .chain(&places.restated),
    );
    for d in &notice.diagnostics {
        spans.push(d.span);
    }
    for p in &notice.plan.projects {
        spans.extend(p.targets.iter().map(|q| q.span));
    }
    spans.retain(|s| !s.is_empty());
    spans.sort_unstable_by_key(|s| (s.start, s.end));
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

fn is_punctuation(c: char) -> bool {
    // Invisible characters (controls, the BOM) count as punctuation too.
    c.is_ascii_punctuation()
        || c.is_control()
        || c == '\u{feff}'
        || matches!(c as u32, 0x2000..=0x206f | 0x3000..=0x303f | 0xff00..=0xff0f | 0xff1a..=0xff20 | 0xff3b..=0xff40 | 0xff5b..=0xff65 | 0xfe10..=0xfe1f | 0xfe30..=0xfe4f)
        || c == '·'
        || ('\u{2460}'..='\u{24ff}').contains(&c)
        || ('\u{2500}'..='\u{25ff}').contains(&c)
        || ('\u{3200}'..='\u{32ff}').contains(&c)
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || "一二三四五六七八九十百千零〇两壹贰叁肆伍陆柒捌玖拾".contains(c)
        || ('\u{2160}'..='\u{217f}').contains(&c)
}

/// True if the words of a piece (blanks and punctuation removed) are all
/// structure, taken one by one.
fn is_structure_word(piece: &str) -> bool {
    let piece = crate::fold::fold_str(piece);
    let piece = piece.as_str();
    is_structure_token(piece)
        || piece
            .split(|c: char| c.is_whitespace() || is_punctuation(c))
            .all(|w| w.is_empty() || is_structure_token(w))
}

/// One word of structure: a marker, an attachment marker, a count, a label,
/// a header word, or the words that hold units in a sentence (第2、3项由 …
/// 牵头负责), or a piece of a label a line break cut (牵 / 头单位).
fn is_structure_token(w: &str) -> bool {
    let named = |w: &str| {
        crate::units::clause_label(&format!("{w}：")).is_some()
            || crate::table::column_role(w).is_some()
            || HEADINGS.contains(&w)
            || crate::lex::measures_header(w)
            || LABELS.iter().any(|l| l.starts_with(w) || l.ends_with(w))
    };
    let stripped = strip_function_words(w);
    named(w) || stripped.is_empty() || named(stripped)
}

/// What is left of a word after the numerals and function words at its
/// start and end: "第5—7项由" and "牵头负责" leave nothing.
fn strip_function_words(mut w: &str) -> &str {
    loop {
        let before = w.len();
        w = w.trim_matches(is_numeral);
        // Longest first: 共同 before 共.
        for f in FUNCTION_WORDS {
            w = w.strip_prefix(f).unwrap_or(w);
            w = w.strip_suffix(f).unwrap_or(w);
        }
        if w.len() == before {
            return w;
        }
    }
}

/// Words around numbers and units in the frame of a list: markers' 第 …
/// 条/项, counts (共15项), the words of a sentence clause (此项工作由区民政局
/// 牵头负责, 区教育局共同实施), the words of an enumeration (一是, 分别为 …等).
const FUNCTION_WORDS: [&str; 36] = [
    "此项工作",
    "按职责",
    "分别为",
    "附件",
    "项目",
    "方面",
    "部分",
    "负责",
    "牵头",
    "配合",
    "协助",
    "协同",
    "参与",
    "共同",
    "具体",
    "实施",
    "统筹",
    "分别",
    "其中",
    "分工",
    "单位",
    "以上",
    "第",
    "共",
    "条",
    "项",
    "章",
    "节",
    "件",
    "个",
    "类",
    "是",
    "由",
    "为",
    "和",
    "等",
];

/// Headings of a per-project plan's parts and of a measures list.
const HEADINGS: [&str; 8] = [
    "目标任务",
    "责任分工",
    "推进措施",
    "主要措施",
    "工作措施",
    "具体措施",
    "推进举措",
    "保障措施",
];

/// Labels a line break may cut.
const LABELS: [&str; 8] = [
    "牵头单位",
    "责任单位",
    "配合单位",
    "协办单位",
    "牵头领导",
    "责任领导",
    "牵头部门",
    "责任部门",
];
