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
//! attachment-note = "附件：" ("1." title)+               ; 附件说明, §7.3.4
//! issuer date     = organ NEWLINE date                   ; 署名, 成文日期, §7.3.5
//! notes           = "（此件公开发布）" | "注：…"           ; 附注, §7.3.6
//! colophon        = "抄送：…" | organ date "印发"          ; 版记, §7.4
//! ```
//! A web page's metadata block (文号, 成文日期; its 发布日期 is not the
//! 成文日期) is read before the frame and fills what the text lacks.

use std::ops::Range;

use crate::context::Context;
use crate::diagnostic::{quote, Code};
use crate::layout::LineKind;
use crate::lex::{self, MarkerStyle};
use crate::model::{AttachmentNote, DocNumber, Document, Section};
use crate::outline;

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
}

/// Find and take the signature among the body blocks.
pub fn read_signature(ctx: &mut Context, body: Range<usize>) -> Signature {
    let lines: Vec<usize> = body
        .filter(|&i| ctx.line(i).is_some_and(|l| l.kind == LineKind::Text) && !ctx.is_used(i))
        .collect();
    let mut signature = Signature::default();
    // The first lines (letterhead, doc number, title) are never the signature.
    let Some(k) = (2.min(lines.len())..lines.len())
        .rev()
        .find(|&k| lex::is_date_line(ctx.text(lines[k])))
    else {
        return signature;
    };
    signature.date = lex::find_date(ctx.text(lines[k])).map(|d| d.iso());
    signature.start = Some(lines[k]);
    ctx.take(lines[k]);
    if k > 0 && is_issuer_line(ctx.text(lines[k - 1])) {
        signature.issuer = Some(ctx.text(lines[k - 1]).to_string());
        signature.start = Some(lines[k - 1]);
        ctx.take(lines[k - 1]);
    }
    signature
}

/// Read the frame from the body blocks `body`, taking what it uses.
pub fn read_frame(ctx: &mut Context, body: Range<usize>, signature: Signature) -> Document {
    let mut doc = Document::default();
    read_metadata(ctx, &mut doc);
    let lines: Vec<usize> = body
        .filter(|&i| ctx.line(i).is_some_and(|l| l.kind == LineKind::Text) && !ctx.is_used(i))
        .collect();
    let mut at = 0;
    // Letterhead and doc number at the top.
    while at < lines.len() && at < 4 {
        let text = ctx.text(lines[at]);
        if let Some(n) = lex::doc_number(text).filter(|n| text[n.len..].trim().is_empty()) {
            doc.doc_number = Some(doc_number(text, n));
            ctx.take(lines[at]);
        } else if text.ends_with("文件") && doc.doc_number.is_none() {
            ctx.take(lines[at]); // 发文机关标志
        } else {
            break;
        }
        at += 1;
    }
    // Title: a title-shaped line, or whatever precedes the addressees.
    let addressee_at =
        (at..lines.len().min(at + 4)).find(|&k| is_addressee_line(ctx.text(lines[k])));
    let title_at = (at..lines.len().min(at + 3))
        .find(|&k| lex::is_title(ctx.text(lines[k])))
        .or_else(|| addressee_at.filter(|&k| k > at).map(|k| k - 1));
    if let Some(k) = title_at {
        doc.title = Some(ctx.text(lines[k]).to_string());
        ctx.take(lines[k]);
        at = k + 1;
    }
    if let Some(k) = addressee_at.filter(|&k| k >= at) {
        let text = ctx.text(lines[k]);
        doc.addressees = split_addressees(text.trim_end_matches('：'));
        ctx.take(lines[k]);
        at = k + 1;
    }
    // The body text ends where the signature starts.
    let mut end = signature
        .start
        .map_or(lines.len(), |s| lines.partition_point(|&b| b < s))
        .max(at);
    doc.issuer = signature.issuer;
    if signature.date.is_some() {
        doc.date = signature.date;
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

/// A web page's metadata: 文号 and 成文日期 fill the frame; the rest
/// (索引号, 发布日期, …) is page metadata, taken without a field.
fn read_metadata(ctx: &mut Context, doc: &mut Document) {
    for i in 0..ctx.blocks.len() {
        let Some(line) = ctx.line(i) else { continue };
        match line.kind {
            LineKind::Metadata => {
                let text = line.as_str();
                let (label, value) = text.split_once('：').unwrap_or((text, ""));
                if label.contains("文号") || label.contains("字号") {
                    if let Some(n) = lex::doc_number(value) {
                        doc.doc_number = Some(doc_number(value, n));
                    }
                } else if label.contains("成文日期") {
                    doc.date = lex::find_date(value).map(|d| d.iso());
                }
                ctx.take(i);
            }
            LineKind::ArticleTitle => {
                doc.title = Some(line.as_str().to_string());
                ctx.take(i);
            }
            _ => {}
        }
    }
}

fn is_addressee_line(text: &str) -> bool {
    text.ends_with('：')
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
                out.push(current.trim().to_string());
            }
            current.clear();
        } else {
            current.push(c);
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    share_head_nouns(out)
}

/// "各县（市）、区人民政府" names 各县（市）人民政府 and 各区人民政府: a
/// piece that is only an administrative level takes the head noun (and the
/// 各) of the piece after it.
fn share_head_nouns(pieces: Vec<String>) -> Vec<String> {
    let is_level = |p: &str| {
        let core = p.trim_start_matches('各');
        !core.is_empty() && core.chars().all(|c| "省市县区乡镇街（）()".contains(c))
    };
    let mut out = pieces.clone();
    for k in (0..pieces.len().saturating_sub(1)).rev() {
        if !is_level(&pieces[k]) {
            continue;
        }
        let next = &out[k + 1];
        let core = next.trim_start_matches('各');
        let level_len: usize = core
            .chars()
            .take_while(|c| "省市县区乡镇街（）()".contains(*c))
            .map(char::len_utf8)
            .sum();
        let head = &core[level_len..];
        if level_len == 0 || head.is_empty() {
            continue;
        }
        let every = pieces[k].starts_with('各');
        let head = head.to_string();
        out[k] = format!("{}{head}", pieces[k]);
        if every && !out[k + 1].starts_with('各') {
            out[k + 1] = format!("各{}", out[k + 1]);
        }
    }
    out
}

fn is_issuer_line(text: &str) -> bool {
    let n = text.chars().count();
    (2..=40).contains(&n)
        && lex::marker(text).is_none()
        && !text.ends_with(['。', '：', '；', '，'])
        && lex::attachment_note(text).is_none()
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
    let mut list = Vec::new();
    match lex::marker(rest) {
        Some(m) if m.style == MarkerStyle::ArabicDot => {
            list.push(AttachmentNote {
                number: m.number,
                title: rest[m.len..].to_string(),
            });
            for &b in &lines[k + 1..] {
                let t = ctx.text(b);
                match lex::marker(t) {
                    Some(m)
                        if m.style == MarkerStyle::ArabicDot
                            && m.number as usize == list.len() + 1 =>
                    {
                        list.push(AttachmentNote {
                            number: m.number,
                            title: t[m.len..].to_string(),
                        });
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
    if outline.levels.first() != Some(&MarkerStyle::ChineseComma) {
        // No 一、 sections: the whole body is one text.
        preamble = texts.clone();
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
            ctx.take(i);
        } else if is_colophon {
            doc.colophon.push(text.to_string());
            ctx.take(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addressees_split_outside_brackets() {
        assert_eq!(
            split_addressees("各县（市）、区人民政府，市直各单位"),
            ["各县（市）人民政府", "各区人民政府", "市直各单位"]
        );
        assert_eq!(
            split_addressees("各乡、镇人民政府"),
            ["各乡人民政府", "各镇人民政府"]
        );
        assert_eq!(
            split_addressees("县、市、区人民政府"),
            ["县人民政府", "市人民政府", "区人民政府"]
        );
        assert_eq!(
            split_addressees("各街镇、龙岗片区，区有关单位"),
            ["各街镇", "龙岗片区", "区有关单位"]
        );
    }
}
