//! The official-document frame (GB/T 9704-2012 elements).
//!
//! ## Grammar (each element optional, in this order)
//! ```text
//! frame    = metadata* letterhead? doc-number? title addressees preamble
//!            section* attachment-note? issuer? date notes* colophon*
//! letterhead      = … "文件"                      ; 发文机关标志, §7.2.4
//! doc-number      = agency "〔" year "〕" serial "号"   ; 发文字号, §7.2.5
//! title           = … "关于" … ("通知" | "意见" | …)    ; 标题, §7.3.1
//! addressees      = name ("、" | "，" name)* "："        ; 主送机关, §7.3.2
//! section         = cn-int "、" heading "。"? text        ; 正文 一、, §7.3.3
//! attachment-note = "附件：" (marker title)+             ; 附件说明, §7.3.4
//! issuer date     = organ NEWLINE date                   ; 署名, 成文日期, §7.3.5
//! notes           = "（此件公开发布）" | "注：…"           ; 附注, §7.3.6
//! colophon        = "抄送：…" | organ date "印发"          ; 版记, §7.4
//! ```
//! A web page's metadata block (文号, 成文日期; its 发布日期 is not the
//! 成文日期) is read before the frame and fills what the text lacks.

use std::ops::Range;

use crate::context::Context;
use crate::diagnostic::{quote, Code, Diagnostic};
use crate::layout::{Block, LineKind};
use crate::lex::{self, Chrome, MarkerStyle};
use crate::mapped::MappedText;
use crate::model::{AttachmentNote, DocNumber, Document, Section};
use crate::outline;
use crate::places::{self, FrameField};

/// 发文机关署名 and 成文日期: the last date line of the body and the
/// organ's name right above it. Read before the plan, so that a project
/// list in the body does not run on into the signature.
#[derive(Debug, Clone, Default)]
pub struct Signature {
    /// The first block of the signature (where the body text ends).
    pub start: Option<usize>,
    /// 发文机关署名.
    pub issuer: Option<String>,
    /// 成文日期, ISO 8601.
    pub date: Option<String>,
    /// The block of the issuer's line.
    pub issuer_at: Option<usize>,
    /// The block of the date's line.
    pub date_at: Option<usize>,
}

/// Find and take the signature among the body blocks.
pub fn read_signature(ctx: &mut Context, body: Range<usize>) -> Signature {
    let lines: Vec<usize> = body
        .filter(|&i| ctx.line(i).is_some_and(|l| l.kind == LineKind::Text) && !ctx.is_used(i))
        .collect();
    let mut signature = Signature::default();
    // The first lines (letterhead, doc number, title) are never the signature.
    // A date printed to the month ("2025年1月") is one too, ISO "2025-01".
    let dated = |text: &str| {
        if lex::is_date_line(text) {
            lex::find_date(text).map(|d| d.iso())
        } else {
            crate::numeral::year_month(text).map(|(y, m)| format!("{y:04}-{m:02}"))
        }
    };
    let Some((k, date)) = (2.min(lines.len())..lines.len())
        .rev()
        .find_map(|k| dated(ctx.text(lines[k])).map(|d| (k, d)))
    else {
        return signature;
    };
    signature.date = Some(date);
    signature.date_at = Some(lines[k]);
    signature.start = Some(lines[k]);
    ctx.take(lines[k]);
    // The organ's name stands right above the date: where a mirror site's
    // spam stands there instead, the notice has no issuer. Lines set aside
    // (furniture, chrome) do not separate them: the reader passes them on
    // while it still holds the paragraph they interrupt, so a forum's 回复
    // below the date can come out between the two.
    let adjacent = k > 0
        && (lines[k - 1] + 1..lines[k]).all(|b| {
            matches!(&ctx.blocks[b], Block::Line(l)
                if matches!(l.kind, LineKind::Furniture | LineKind::Footnote | LineKind::Chrome))
        });
    if adjacent && is_issuer_line(ctx.text(lines[k - 1])) {
        signature.issuer = Some(ctx.text(lines[k - 1]).to_string());
        signature.issuer_at = Some(lines[k - 1]);
        signature.start = Some(lines[k - 1]);
        ctx.take(lines[k - 1]);
    }
    signature
}

/// Read the frame from the body blocks `body`, taking what it uses.
pub fn read_frame(ctx: &mut Context, body: Range<usize>, signature: Signature) -> Document {
    let mut doc = Document::default();
    let meta_title = read_metadata(ctx, &mut doc);
    report_chrome(ctx);
    report_footnotes(ctx);
    let lines: Vec<usize> = body
        .filter(|&i| ctx.line(i).is_some_and(|l| l.kind == LineKind::Text) && !ctx.is_used(i))
        .collect();
    let start = before_letterhead(ctx, &lines);
    let mut at = start;
    let mut own_number = false;
    // Letterhead (发文机关标志: "…文件", or the organ's name above the 文号)
    // and doc number at the top.
    while at < lines.len() && at < start + 4 {
        let text = ctx.text(lines[at]);
        if let Some(n) = standalone_doc_number(text) {
            place_prefix(ctx, FrameField::DocNumber, lines[at], n.len);
            doc.doc_number = Some(doc_number(text, n));
            own_number = true;
            ctx.take(lines[at]);
        } else if is_letterhead(text) && !own_number {
            ctx.take_as_structure(lines[at]);
        } else if !own_number
            && is_organ_name(text)
            && lines.get(at + 1).is_some_and(|&b| {
                standalone_doc_number(ctx.text(b)).is_some() || is_letterhead(ctx.text(b))
            })
        {
            ctx.take_as_structure(lines[at]); // the organ's name as 发文机关标志
        } else {
            break;
        }
        at += 1;
    }
    // Title: a title-shaped line, or whatever precedes the addressees; over
    // two or three lines where a wrap split it into paragraphs.
    let addressee_at =
        (at..lines.len().min(at + 5)).find(|&k| is_addressee_line(ctx.text(lines[k])));
    // A 文号 printed under the title (web copies) stands before the addressees.
    let number_at = (at..addressee_at.unwrap_or(lines.len().min(at + 4)))
        .find(|&k| standalone_doc_number(ctx.text(lines[k])).is_some());
    let bound = number_at.or(addressee_at);
    let title_end = bound.unwrap_or(lines.len());
    let title_at = (at..lines.len().min(at + 3).min(title_end))
        .find(|&k| lex::is_title(ctx.text(lines[k])))
        .or_else(|| {
            // Whatever stands right above the 文号 or the addressees.
            bound
                .and_then(|b| b.checked_sub(1))
                .filter(|&k| k >= at && k < lines.len())
        })
        .filter(|&k| is_title_piece(ctx.text(lines[k])));
    if let Some(k) = title_at {
        let (first, last) = title_lines(ctx, &lines, at, k, title_end);
        let title: String = lines[first..=last].iter().map(|&b| ctx.text(b)).collect();
        doc.title = Some(title);
        let spans = lines[first..=last]
            .iter()
            .flat_map(|&b| block_runs(ctx, b))
            .collect();
        ctx.places.frame_field(FrameField::Title, spans);
        for &b in &lines[first..=last] {
            ctx.take(b);
        }
        at = last + 1;
        // The 题注 under a 决议's or a report's title: the date it was
        // adopted or given ("（2025年1月9日…会议通过）", "——2025年1月14日在…
        // 会议上"), the document's date where no signature gives one.
        if let Some(date) = lines.get(at).and_then(|&b| headnote_date(ctx.text(b))) {
            doc.date = Some(date);
            let spans = block_runs(ctx, lines[at]);
            ctx.places.frame_field(FrameField::Date, spans);
            ctx.take(lines[at]);
            at += 1;
        }
    }
    if let Some(k) = number_at.filter(|&k| k >= at) {
        let text = ctx.text(lines[k]);
        if let Some(n) = standalone_doc_number(text) {
            place_prefix(ctx, FrameField::DocNumber, lines[k], n.len);
            doc.doc_number = Some(doc_number(text, n));
        }
        ctx.take(lines[k]);
        at = k + 1;
    }
    if let Some(k) = addressee_at.filter(|&k| k >= at) {
        let text = ctx.text(lines[k]);
        doc.addressees = split_addressees(text.trim_end_matches('：'));
        let spans = block_runs(ctx, lines[k]);
        ctx.places.frame_field(FrameField::Addressees, spans);
        ctx.take(lines[k]);
        at = k + 1;
    }
    // The body text ends where the signature starts.
    let mut end = signature
        .start
        .map_or(lines.len(), |s| lines.partition_point(|&b| b < s))
        .max(at);
    if signature.issuer.is_some() {
        doc.issuer = signature.issuer;
        if let Some(b) = signature.issuer_at {
            let spans = block_runs(ctx, b);
            ctx.places.frame_field(FrameField::Issuer, spans);
        }
    }
    if signature.date.is_some() {
        doc.date = signature.date;
        if let Some(b) = signature.date_at {
            let spans = block_runs(ctx, b);
            ctx.places.frame_field(FrameField::Date, spans);
        }
    }
    if doc.title.is_none() {
        if let Some((title, spans)) = meta_title {
            doc.title = Some(title);
            ctx.places.frame_field(FrameField::Title, spans);
        }
    }
    if let Some((k, list)) = read_attachment_note(ctx, &lines[at..end]) {
        doc.attachment_list = list;
        end = at + k;
    }
    read_sections(ctx, &lines[at..end], &mut doc);
    read_notes(ctx, &mut doc);
    doc
}

fn doc_number(text: &str, n: lex::DocNumberMatch) -> DocNumber {
    DocNumber {
        text: text[..n.len].to_string(),
        agency: n.agency.to_string(),
        year: n.year,
        serial: n.serial,
    }
}

/// A web page's metadata: 文号, 成文日期 and 发文机关 fill the frame where
/// the notice itself lacks them (the notice's own, read after, win); 名称
/// is returned, the title when the notice has none. The rest (索引号,
/// 发布日期 — the day the page went up, not the 成文日期 —, …) is page
/// metadata, taken without a field. A block printed twice fills once.
fn read_metadata(ctx: &mut Context, doc: &mut Document) -> Option<(String, Vec<places::Span>)> {
    let mut title = None;
    for i in 0..ctx.blocks.len() {
        let Some(line) = ctx.line(i) else { continue };
        match line.kind {
            LineKind::Metadata => {
                let base = line.as_str().as_ptr() as usize;
                for (label, value) in metadata_fields(&line.text) {
                    // `value` is a slice of the line's text.
                    let at = value.as_ptr() as usize - base;
                    let spans = || places::runs(&line.text.slice(at..at + value.len()));
                    match label {
                        "文号" | "发文字号" if doc.doc_number.is_none() => {
                            if let Some(n) = standalone_doc_number(value) {
                                doc.doc_number = Some(doc_number(value, n));
                                ctx.places.frame_field(FrameField::DocNumber, spans());
                            }
                        }
                        "成文日期" if doc.date.is_none() => {
                            doc.date = lex::find_date(value).map(|d| d.iso());
                            if doc.date.is_some() {
                                ctx.places.frame_field(FrameField::Date, spans());
                            }
                        }
                        "发文机关" if doc.issuer.is_none() && is_organ_name(value) => {
                            doc.issuer = Some(value.to_string());
                            ctx.places.frame_field(FrameField::Issuer, spans());
                        }
                        "名称" | "标题" if title.is_none() && lex::is_title(value) => {
                            title = Some((value.to_string(), spans()));
                        }
                        _ => {}
                    }
                }
                ctx.take(i);
            }
            LineKind::ArticleTitle => {
                doc.title = Some(line.as_str().to_string());
                ctx.places
                    .frame_field(FrameField::Title, places::runs(&line.text));
                ctx.take(i);
            }
            _ => {}
        }
    }
    title
}

/// A label at `at` that the original parted from its value by a tab or
/// spaces (the fold dropped them): "索引号\t1144…" is "索引号1144…" here.
fn spaced_label(text: &MappedText, at: usize) -> Option<(&'static str, usize)> {
    let s = text.as_str();
    lex::METADATA_LABELS.iter().find_map(|&label| {
        let end = at + label.len();
        let next = s[at..].strip_prefix(label)?.chars().next()?;
        let gap = text.span_of(end..end + next.len_utf8()).start > text.span_of(at..end).end;
        gap.then_some((label, label.len()))
    })
}

/// The fields of a metadata line: "索引号：…\t分类：…" is two. A label
/// starts a field at the start of the line or where the original had
/// whitespace before it (a tab or spaces the fold dropped), so a value
/// that contains a label's word is not cut.
fn metadata_fields(text: &MappedText) -> Vec<(&'static str, &str)> {
    let s = text.as_str();
    let mut starts: Vec<(usize, &'static str, usize)> = Vec::new();
    let mut prev_end: Option<u32> = None;
    for (i, c) in s.char_indices() {
        let span = text.span_of(i..i + c.len_utf8());
        let boundary = prev_end.is_none_or(|end| span.start > end);
        // A label starts a field only past the label before it ("主题 分类"
        // with a space inside is one label, not 主题… and 分类).
        let past_label = starts.last().is_none_or(|&(at, _, len)| i >= at + len);
        if boundary && past_label {
            if let Some((label, len)) =
                lex::metadata_label(&s[i..]).or_else(|| spaced_label(text, i))
            {
                starts.push((i, label, len));
            }
        }
        prev_end = Some(span.end);
    }
    starts
        .iter()
        .enumerate()
        .map(|(k, &(at, label, len))| {
            let end = starts.get(k + 1).map_or(s.len(), |next| next.0);
            (label, s[at + len..end].trim())
        })
        .collect()
}

/// Each footnote set aside (its rule and lines, consecutive blocks), said
/// once with its text.
fn report_footnotes(ctx: &mut Context) {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for i in 0..ctx.blocks.len() {
        if ctx.line(i).is_some_and(|l| l.kind == LineKind::Footnote) {
            match runs.last_mut() {
                Some(run) if run.1 + 1 == i => run.1 = i,
                _ => runs.push((i, i)),
            }
        }
    }
    for (first, last) in runs {
        let text: Vec<&str> = (first..=last)
            .map(|i| ctx.text(i))
            .filter(|t| !lex::is_rule_line(t))
            .collect();
        let span = ctx.blocks[first].span().cover(ctx.blocks[last].span());
        ctx.sink.report(
            Code::Footnote,
            span,
            format!(
                "expected notice text, found a footnote, set aside so the text around it reads on: {}",
                quote(&text.join(""))
            ),
        );
    }
}

/// Report the chrome of the page, forum or mirror site the notice was
/// copied from: one `page-chrome` diagnostic per run of chrome lines (page
/// furniture between them does not break a run).
fn report_chrome(ctx: &mut Context) {
    let mut runs: Vec<(usize, usize, usize)> = Vec::new(); // first, last, lines
    for i in 0..ctx.blocks.len() {
        let Some(line) = ctx.line(i) else { continue };
        match line.kind {
            LineKind::Chrome => match runs.last_mut() {
                Some(run) if run.1 + 1 == i => {
                    run.1 = i;
                    run.2 += 1;
                }
                _ => runs.push((i, i, 1)),
            },
            // Furniture between chrome lines continues the run.
            LineKind::Furniture => {
                if let Some(run) = runs.last_mut().filter(|r| r.1 + 1 == i) {
                    run.1 = i;
                }
            }
            _ => {}
        }
    }
    for (first, last, count) in runs {
        let mut kinds: Vec<&str> = Vec::new();
        for i in first..=last {
            let Some(line) = ctx.line(i).filter(|l| l.kind == LineKind::Chrome) else {
                continue;
            };
            let what = match lex::chrome(line.as_str()) {
                Some(Chrome::Page) => "the web page's navigation, buttons or footer",
                Some(Chrome::Forum) => "a forum post's header or buttons",
                Some(Chrome::Comment) => "a reader's comment",
                Some(Chrome::Spam) => "a web address or a mirror site's advertisement",
                Some(Chrome::Links) | None => "a list of links to other pages",
            };
            if !kinds.contains(&what) {
                kinds.push(what);
            }
        }
        let span = ctx.blocks[first].span().cover(ctx.blocks[last].span());
        let first_text = ctx.text(first);
        let lines = if count == 1 {
            "1 line".to_string()
        } else {
            format!("{count} lines")
        };
        ctx.sink.report(
            Code::PageChrome,
            span,
            format!(
                "expected notice text, found {} copied with the notice ({lines}, set aside): {}",
                kinds.join(" and "),
                quote(first_text)
            ),
        );
    }
}

/// A 发文字号 alone on its line.
pub(crate) fn standalone_doc_number(text: &str) -> Option<lex::DocNumberMatch<'_>> {
    lex::doc_number(text).filter(|n| text[n.len..].trim().is_empty())
}

/// Text above a letterhead that the 文号 follows ("…办公室文件" /
/// "秀政办发〔2025〕7号"), or above a 文号 the title follows: an article's or
/// a page's words around the notice it
/// reposts (an account's name, "重磅！…", "近日，…一起来看看吧！"). The
/// notice starts at its letterhead; what stands before it is set aside and
/// said, once. Returns how many of `lines` it was.
fn before_letterhead(ctx: &mut Context, lines: &[usize]) -> usize {
    const REACH: usize = 12;
    let text = |k: usize| lines.get(k).map_or("", |&b| ctx.text(b));
    // A letterhead the 文号 follows, or a 文号 the title follows with no
    // letterhead (nor the organ's name as one) above it.
    let starts_notice = |k: usize| {
        (is_letterhead(text(k)) && standalone_doc_number(text(k + 1)).is_some())
            || (standalone_doc_number(text(k)).is_some()
                && !is_letterhead(text(k - 1))
                && !is_organ_name(text(k - 1))
                && (lex::is_title(text(k + 1)) || lex::is_title(text(k + 2))))
    };
    let Some(k) = (1..lines.len().min(REACH)).find(|&k| starts_notice(k)) else {
        return 0;
    };
    let first = ctx.text(lines[0]).to_string();
    // The diagnostic covers every line it sets aside.
    let span = ctx.blocks[lines[0]]
        .span()
        .cover(ctx.blocks[lines[k - 1]].span());
    let letterhead = ctx.blocks[lines[k]].span();
    for &b in &lines[..k] {
        ctx.take(b);
    }
    let count = if k == 1 {
        "1 line".to_string()
    } else {
        format!("{k} lines")
    };
    ctx.sink.push(
        Diagnostic::new(
            Code::PageChrome,
            span,
            format!(
                "expected the notice to begin at its letterhead, found {count} before it (a page's or an article's words around the notice, set aside): {}",
                quote(&first)
            ),
        )
        .with_label(letterhead, "the letterhead"),
    );
    k
}

/// The date of a 题注, a line under the title that opens with a date in
/// brackets or after a dash: "（2025年1月9日黎里镇第二届人民代表大会第五次
/// 会议通过）", "——2025年1月14日在…会议上".
pub(crate) fn headnote_date(text: &str) -> Option<String> {
    let inner = match text.strip_prefix('（') {
        Some(inner) => inner.strip_suffix('）')?,
        None => {
            let rest = text.trim_start_matches(['—', '-', '─']);
            if rest.len() == text.len() {
                return None;
            }
            rest
        }
    };
    // A date is at most 20 characters (二〇二五年十二月三十一日): only those
    // are searched, so this costs the same on a line of any length.
    let head = inner
        .char_indices()
        .nth(20)
        .map_or(inner, |(i, _)| &inner[..i]);
    let date = lex::find_date(head).filter(|d| d.range.start == 0)?;
    Some(date.iso())
}

/// 发文机关标志 "…人民政府文件" / "…办公室文件".
pub(crate) fn is_letterhead(text: &str) -> bool {
    text.ends_with("文件") && text.chars().count() <= 40 && !text.contains(['，', '。', '：'])
}

/// An organ's name: short, no sentence punctuation, no heading number, and
/// not a title.
pub(crate) fn is_organ_name(text: &str) -> bool {
    let n = text.chars().count();
    (2..=40).contains(&n)
        && !text.contains(['，', '。', '：', '；', '！', '？'])
        && lex::marker(text).is_none()
        && !lex::is_title(text)
        && lex::doc_number(text).is_none()
}

/// A line that can be (part of) a title: no sentence in it.
fn is_title_piece(text: &str) -> bool {
    let n = text.chars().count();
    (2..=60).contains(&n)
        && !text.contains(['。', '；', '！', '？'])
        && !text.ends_with('：')
        && lex::marker(text).is_none()
        && standalone_doc_number(text).is_none()
        && lex::attachment_marker(text).is_none()
}

/// The title's lines around line `k` (indices into `lines`), within
/// `at..end`: where a wrap split it into paragraphs, the piece before
/// ("某市人民政府关于印发") and the piece after ("…项目的通知") join it, three
/// lines at most. A title has its "关于" and ends with its kind (通知, 方案…).
fn title_lines(ctx: &Context, lines: &[usize], at: usize, k: usize, end: usize) -> (usize, usize) {
    let joined =
        |a: usize, b: usize| -> String { lines[a..=b].iter().map(|&l| ctx.text(l)).collect() };
    let (mut first, mut last) = (k, k);
    while last + 1 < end.min(lines.len())
        && last - first < 2
        && !lex::is_title(&joined(first, last))
        && is_title_piece(ctx.text(lines[last + 1]))
        && lex::is_title(&joined(first, last + 1))
    {
        last += 1;
    }
    // Up, where the line above makes a title, or the two above do ("…关于
    // 印发" / "…十件民生实事" / "实施方案的通知").
    let piece = |k: usize| is_title_piece(ctx.text(lines[k]));
    while first > at
        && last - first < 2
        && !joined(first, last).contains("关于")
        && piece(first - 1)
        && (lex::is_title(&joined(first - 1, last))
            || (first - 1 > at
                && last - first < 1
                && piece(first - 2)
                && lex::is_title(&joined(first - 2, last))))
    {
        first -= 1;
    }
    // "某区人民政府办公室" / "关于印发…的通知" (a web page centres the two
    // in two paragraphs): the organ right above a title that starts with
    // 关于 is its head. A letterhead ends in 文件 and stays one.
    if first > at
        && joined(first, last).starts_with("关于")
        && is_organ_name(ctx.text(lines[first - 1]))
        && !is_letterhead(ctx.text(lines[first - 1]))
    {
        first -= 1;
    }
    (first, last)
}

fn is_addressee_line(text: &str) -> bool {
    // A speech's salutation ("各位代表：") addresses people, not organs.
    const SALUTATIONS: [&str; 4] = ["各位代表：", "各位委员：", "同志们：", "各位代表、同志们："];
    text.ends_with('：')
        && !SALUTATIONS.contains(&text)
        && lex::marker(text).is_none()
        && text.chars().count() <= 80
        && !text.contains('。')
        && lex::attachment_note(text).is_none()
        && crate::units::clause_label(text).is_none()
}

/// Split 主送机关 on 、 and ，, outside brackets.
fn split_addressees(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '（' => depth += 1,
            '）' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && matches!(c, '、' | '，' | ',') {
            if !current.trim().is_empty() {
                out.push((current.trim().to_string(), c));
            }
            current.clear();
        } else {
            current.push(c);
        }
    }
    if !current.trim().is_empty() {
        out.push((current.trim().to_string(), '：'));
    }
    share_head_nouns(out)
}

/// "各县（市）、区人民政府" is one addressee as printed: a piece that is
/// only an administrative level ("各县（市）", "县", "乡") shares the head
/// noun of the piece after it and stays joined to it by its "、".
fn share_head_nouns(pieces: Vec<(String, char)>) -> Vec<String> {
    // 自治县/自治州/自治区 and a 旗 or 盟 are levels too.
    const LEVELS: &str = "省市县区乡镇街旗盟自治（）()";
    let is_level = |p: &str| {
        let core = p.trim_start_matches('各');
        !core.is_empty() && core.chars().all(|c| LEVELS.contains(c))
    };
    // "区人民政府": a level, then the head noun it shares.
    let has_head = |p: &str| {
        let core = p.trim_start_matches('各');
        let level: usize = core
            .chars()
            .take_while(|c| LEVELS.contains(*c))
            .map(char::len_utf8)
            .sum();
        level > 0 && level < core.len()
    };
    let mut out: Vec<String> = Vec::new();
    let mut k = 0;
    while k < pieces.len() {
        // A run of level-only pieces joined by 、, then the piece with the head;
        // or a zone's name sharing the 管委会 of the piece after it.
        let mut j = k;
        while j < pieces.len() && is_level(&pieces[j].0) && pieces[j].1 == '、' {
            j += 1;
        }
        // Zones named one after another, the last with its 管委会.
        let mut z = k;
        if j == k {
            while z < pieces.len() && is_zone(&pieces[z].0) && pieces[z].1 == '、' {
                z += 1;
            }
        }
        let zone_shares = z > k && pieces.get(z).is_some_and(|p| is_zone_committee(&p.0));
        if zone_shares {
            j = z;
        }
        let levels_share = j > k && j < pieces.len() && has_head(&pieces[j].0);
        let mut group = if levels_share || zone_shares {
            let group: Vec<&str> = pieces[k..=j].iter().map(|(p, _)| p.as_str()).collect();
            k = j + 1;
            group.join("、")
        } else {
            k += 1;
            pieces[k - 1].0.clone()
        };
        // Pieces that name no one by themselves complete the group before
        // them: an organ without its place ("各镇乡党委、人民政府") or one
        // character of a list of kinds ("市各委、办、局").
        while k < pieces.len() && pieces[k - 1].1 == '、' && completes(&pieces[k].0) {
            group.push('、');
            group.push_str(&pieces[k].0);
            k += 1;
        }
        out.push(group);
    }
    out
}

/// An addressee piece that names no one by itself: an organ without its
/// place ("人民政府", "办事处") or one character of a list ("办", "局").
fn completes(piece: &str) -> bool {
    // … and kinds the previous piece's head governs ("区政府各部门、单位").
    const ORGANS: [&str; 12] = [
        "人民政府",
        "政府",
        "办事处",
        "管委会",
        "党委",
        "党工委",
        "工委",
        "委员会",
        "人大",
        "单位",
        "部门",
        "机构",
    ];
    piece.chars().count() == 1 || ORGANS.contains(&piece)
}

/// A development zone's name: "溧阳高新区", "灵璧石文化产业园".
fn is_zone(piece: &str) -> bool {
    const ZONES: [&str; 11] = [
        "高新区",
        "开发区",
        "度假区",
        "工业区",
        "园区",
        "产业园",
        "新区",
        "试验区",
        "示范区",
        "合作区",
        "保税区",
    ];
    // Or any named 区 of three characters or more ("科创区"): it is only
    // taken as a zone before a zone's 管委会.
    !piece.starts_with('各')
        && (ZONES.iter().any(|z| piece.ends_with(z))
            || (piece.ends_with('区') && piece.chars().count() >= 3))
}

/// A zone's 管委会, which the zones named before it share
/// ("溧阳高新区、天目湖旅游度假区管委会").
fn is_zone_committee(piece: &str) -> bool {
    piece.strip_suffix("管委会").is_some_and(is_zone)
}

fn is_issuer_line(text: &str) -> bool {
    let n = text.chars().count();
    (2..=40).contains(&n)
        && lex::marker(text).is_none()
        && !text.ends_with(['。', '：', '；', '，'])
        && lex::attachment_note(text).is_none()
        && lex::chrome(text).is_none()
}

/// "附件：1.… / 2.…" or "附件：…"; returns where it starts and its entries.
fn read_attachment_note(
    ctx: &mut Context,
    lines: &[usize],
) -> Option<(usize, Vec<AttachmentNote>)> {
    let k = lines
        .iter()
        .position(|&b| lex::attachment_note(ctx.text(b)).is_some())?;
    let first = lines[k];
    let text = ctx.text(first);
    let bullet = lex::bullet_len(text);
    if bullet > 0 {
        let line = ctx.line(first).expect("a line");
        let span = line.text.span_of(0..bullet);
        ctx.sink.report(
            Code::StrayText,
            span,
            format!(
                "expected “附件：” at the start of the line, found a list bullet before it: {}",
                quote(&text[..bullet])
            ),
        );
    }
    let rest = lex::attachment_note(text)?;
    ctx.take(first);
    let spans = block_runs(ctx, first);
    ctx.places.frame_field(FrameField::AttachmentNote, spans);
    let mut list = Vec::new();
    // Entries numbered in any one style: 1. 2., 一、 二、, （1）（2）.
    match lex::marker(rest) {
        Some(first_marker) => {
            let style = first_marker.style;
            list.push(AttachmentNote {
                number: first_marker.number,
                title: rest[first_marker.len..].to_string(),
            });
            for &b in &lines[k + 1..] {
                let t = ctx.text(b);
                match lex::marker(t) {
                    Some(m) if m.style == style && m.number as usize == list.len() + 1 => {
                        list.push(AttachmentNote {
                            number: m.number,
                            title: t[m.len..].to_string(),
                        });
                        let spans = block_runs(ctx, b);
                        ctx.places.frame_field(FrameField::AttachmentNote, spans);
                        ctx.take(b);
                    }
                    _ => break,
                }
            }
        }
        _ => list.push(AttachmentNote {
            number: 1,
            title: rest.to_string(),
        }),
    }
    Some((k, list))
}

/// Body sections: the outermost numbered items of the remaining lines.
fn read_sections(ctx: &mut Context, lines: &[usize], doc: &mut Document) {
    let free: Vec<usize> = lines.iter().copied().filter(|&b| !ctx.is_used(b)).collect();
    let texts: Vec<&str> = free.iter().map(|&b| ctx.text(b)).collect();
    let outline = outline::build(&texts);
    let mut preamble: Vec<&str> = outline.preamble.iter().map(|&l| texts[l]).collect();
    let mut preamble_blocks: Vec<usize> = outline.preamble.iter().map(|&l| free[l]).collect();
    if outline.levels.first() != Some(&MarkerStyle::ChineseComma) {
        // No 一、 sections: the whole body is one text.
        preamble = texts.clone();
        preamble_blocks = free.clone();
    } else {
        let sections: Vec<usize> = outline.at_level(0).map(|(i, _)| i).collect();
        for (n, &index) in sections.iter().enumerate() {
            let item = &outline.items[index];
            let head_line = texts[item.line];
            let after = &head_line[item.marker.len..];
            let (heading, first_text) = match after.find('。') {
                Some(p) if p + '。'.len_utf8() < after.len() => {
                    (&after[..p], &after[p + '。'.len_utf8()..])
                }
                Some(p) => (&after[..p], ""),
                None => (after, ""),
            };
            let next_item_line = sections
                .get(n + 1)
                .map_or(texts.len(), |&j| outline.items[j].line);
            let mut text = first_text.to_string();
            for t in &texts[item.line + 1..next_item_line] {
                text.push_str(t);
            }
            for &b in &free[item.line..next_item_line] {
                ctx.take(b);
            }
            let spans = free[item.line..next_item_line]
                .iter()
                .flat_map(|&b| block_runs(ctx, b))
                .collect();
            ctx.places.frame_field(FrameField::Section, spans);
            doc.sections.push(Section {
                number: item.marker.number,
                heading: heading.to_string(),
                text,
                line: ctx.line_no(ctx.blocks[free[item.line]].span()),
            });
        }
    }
    for &l in &outline.preamble {
        ctx.take(free[l]);
    }
    if outline.levels.first() != Some(&MarkerStyle::ChineseComma) {
        for &b in &free {
            ctx.take(b);
        }
    }
    let preamble = preamble.concat();
    if !preamble.is_empty() {
        doc.preamble = Some(preamble);
        let spans = preamble_blocks
            .iter()
            .flat_map(|&b| block_runs(ctx, b))
            .collect();
        ctx.places.frame_field(FrameField::Preamble, spans);
    }
}

/// 附注, table notes and 版记 anywhere in the notice.
fn read_notes(ctx: &mut Context, doc: &mut Document) {
    for i in 0..ctx.blocks.len() {
        if ctx.is_used(i) {
            continue;
        }
        let Some(line) = ctx.line(i) else { continue };
        let text = line.as_str();
        let is_note =
            text.starts_with("（此件") || text.starts_with("注：") || text.starts_with("备注：");
        let is_colophon =
            text.starts_with("抄送") || (text.ends_with("印发") && lex::find_date(text).is_some());
        if is_note {
            doc.notes.push(text.to_string());
            ctx.places
                .frame_field(FrameField::Note, places::runs(&line.text));
            ctx.take(i);
        } else if is_colophon {
            doc.colophon.push(text.to_string());
            ctx.places
                .frame_field(FrameField::Colophon, places::runs(&line.text));
            ctx.take(i);
        }
    }
}

/// The runs of block `b` in the input (a table's span).
fn block_runs(ctx: &Context, b: usize) -> Vec<places::Span> {
    match &ctx.blocks[b] {
        Block::Line(l) => places::runs(&l.text),
        Block::Table(t) => vec![t.span],
    }
}

/// Record a frame field read from the first `len` bytes of line `b`.
fn place_prefix(ctx: &mut Context, field: FrameField, b: usize, len: usize) {
    if let Some(line) = ctx.line(b) {
        let spans = places::runs(&line.text.slice(0..len));
        ctx.places.frame_field(field, spans);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addressees_split_outside_brackets() {
        // A shared head noun keeps its group as printed (CONTRACT.md splits
        // on 、 and ，; the answer keys keep "各县、区人民政府" whole: the
        // level words are not addressees by themselves).
        assert_eq!(
            split_addressees("各县（市）、区人民政府，市直各单位"),
            ["各县（市）、区人民政府", "市直各单位"]
        );
        assert_eq!(split_addressees("各乡、镇人民政府"), ["各乡、镇人民政府"]);
        assert_eq!(
            split_addressees("县、市、区人民政府"),
            ["县、市、区人民政府"]
        );
        assert_eq!(
            split_addressees("各街镇、龙岗片区，区有关单位"),
            ["各街镇", "龙岗片区", "区有关单位"]
        );
        assert_eq!(
            split_addressees("各县、区人民政府，园区管委会，市有关单位"),
            ["各县、区人民政府", "园区管委会", "市有关单位"]
        );
        assert_eq!(
            split_addressees("各市、县、自治县人民政府，省政府直属各单位"),
            ["各市、县、自治县人民政府", "省政府直属各单位"]
        );
        assert_eq!(
            split_addressees("各镇乡党委、人民政府，各街道党工委、办事处"),
            ["各镇乡党委、人民政府", "各街道党工委、办事处"],
            "an organ without its place shares the place before it"
        );
        assert_eq!(
            split_addressees("市各委、办、局，市各直属单位"),
            ["市各委、办、局", "市各直属单位"]
        );
        assert_eq!(
            split_addressees("各街道办事处、溧阳高新区、天目湖旅游度假区管委会"),
            ["各街道办事处", "溧阳高新区、天目湖旅游度假区管委会"]
        );
        assert_eq!(
            split_addressees(
                "开发区、高新区、滨江开发区管委会，县经济开发区、灵璧石文化产业园管委会"
            ),
            [
                "开发区、高新区、滨江开发区管委会",
                "县经济开发区、灵璧石文化产业园管委会"
            ]
        );
        assert_eq!(
            split_addressees("各镇人民政府，高新区、科创区管委会"),
            ["各镇人民政府", "高新区、科创区管委会"]
        );
        assert_eq!(
            split_addressees("各镇人民政府、街道办事处"),
            ["各镇人民政府", "街道办事处"]
        );
    }

    #[test]
    fn metadata_fields_split_where_the_original_had_space() {
        let t = crate::fold::fold(&MappedText::original(
            "索 引 号：\t007502290/2025-00031\t分    类：\t综合政务、通知",
            0,
        ));
        assert_eq!(
            metadata_fields(&t),
            [
                ("索引号", "007502290/2025-00031"),
                ("分类", "综合政务、通知")
            ]
        );
        let t = crate::fold::fold(&MappedText::original(
            "名称：某区关于公布文号：办法的通知",
            0,
        ));
        assert_eq!(
            metadata_fields(&t),
            [("名称", "某区关于公布文号：办法的通知")]
        );
    }
}
