//! Attachments: found by their `附件 N` markers, copies merged by content.
//!
//! A notice's attachments follow the body, each opened by a line `附件 N`
//! (GB/T 9704-2012 §8) and its title. Notices extracted from PDFs often print
//! an attachment twice; copies are recognised by number and title and
//! confirmed by content after normalization (width, spaces and punctuation
//! ignored). The first copy is the one the plan is read from; every copy's
//! line range is listed, and lines that differ between copies beyond
//! punctuation are reported.

use crate::context::Context;
use crate::diagnostic::{quote, Code};
use crate::layout::{Block, LineKind};
use crate::lex;
use crate::model::{Attachment, CopyRange};

/// One printed copy of an attachment: a run of blocks.
#[derive(Debug, Clone)]
pub struct Region {
    /// Its number (`附件` alone is 1).
    pub number: u32,
    /// Block of the `附件 N` marker.
    pub marker: usize,
    /// Block of its title line, if any.
    pub title: Option<usize>,
    /// Blocks after the title up to the next marker.
    pub content: std::ops::Range<usize>,
}

/// A distinct attachment with its copies (indices into the regions).
#[derive(Debug, Clone)]
pub struct Distinct {
    /// Its number.
    pub number: u32,
    /// Its title.
    pub title: String,
    /// Regions that are copies of it; the first is the primary.
    pub copies: Vec<usize>,
}

/// Split the blocks into the body and the attachment regions.
pub fn split(ctx: &Context) -> (std::ops::Range<usize>, Vec<Region>) {
    let markers: Vec<(usize, u32)> = (0..ctx.blocks.len())
        .filter_map(|i| {
            let line = ctx.line(i)?;
            lex::attachment_marker(line.as_str()).map(|n| (i, n.unwrap_or(1)))
        })
        .collect();
    let body_end = markers.first().map_or(ctx.blocks.len(), |m| m.0);
    let mut regions = Vec::new();
    for (k, &(marker, number)) in markers.iter().enumerate() {
        let end = markers.get(k + 1).map_or(ctx.blocks.len(), |m| m.0);
        // The title is the block right after the marker (page furniture
        // aside), when that block is a line.
        let title = (marker + 1..end)
            .find(|&i| !ctx.is_used(i))
            .filter(|&i| ctx.line(i).is_some_and(|l| !l.as_str().is_empty()));
        let title = title.filter(|&i| {
            let t = ctx.text(i);
            lex::marker(t).is_none() && crate::units::find_clauses(t).is_empty()
        });
        let content_start = title.map_or(marker + 1, |t| t + 1);
        regions.push(Region {
            number,
            marker,
            title,
            content: content_start..end,
        });
    }
    (0..body_end, regions)
}

/// Comparison key of a line: folded text without spaces and punctuation.
pub fn content_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric() || *c == '%' || *c == '.')
        .collect()
}

/// Group regions into distinct attachments, take their marker and title
/// lines, and report stray captions and differences between copies.
pub fn merge(ctx: &mut Context, regions: &[Region]) -> (Vec<Distinct>, Vec<Attachment>) {
    let mut distinct: Vec<Distinct> = Vec::new();
    for (r, region) in regions.iter().enumerate() {
        ctx.take(region.marker);
        let title = region.title.map_or(String::new(), |t| {
            ctx.take(t);
            ctx.text(t).to_string()
        });
        let same = distinct.iter().position(|d| {
            d.number == region.number && content_key(&d.title) == content_key(&title)
        });
        match same {
            Some(d) if similar(ctx, &regions[distinct[d].copies[0]], region) => {
                distinct[d].copies.push(r)
            }
            _ => distinct.push(Distinct {
                number: region.number,
                title,
                copies: vec![r],
            }),
        }
    }
    take_stray_captions(ctx, regions);
    for d in &distinct {
        let primary = &regions[d.copies[0]];
        let primary_keys = keys(ctx, primary);
        for &c in &d.copies[1..] {
            report_copy_differences(ctx, d, primary, &primary_keys, &regions[c]);
            // A copy's lines are accounted for by the copy itself.
            for i in regions[c].content.clone() {
                ctx.take(i);
            }
        }
    }
    let attachments = distinct
        .iter()
        .map(|d| Attachment {
            number: d.number,
            title: d.title.clone(),
            copies: d
                .copies
                .iter()
                .map(|&c| copy_range(ctx, &regions[c]))
                .collect(),
        })
        .collect();
    (distinct, attachments)
}

/// Comparison keys of a region: one per element, a line that does not
/// begin an element (a clause or sentence a page break pushed to its own
/// line) joined to the one before, so layout does not count as a change.
fn keys(ctx: &Context, region: &Region) -> Vec<(usize, String)> {
    let mut keys: Vec<(usize, String)> = Vec::new();
    for i in region.content.clone() {
        let (key, begins) = match &ctx.blocks[i] {
            Block::Line(l) if l.kind == LineKind::Text => {
                let t = l.as_str();
                (content_key(t), lex::begins_element(t))
            }
            Block::Table(t) => (
                t.rows
                    .iter()
                    .flatten()
                    .map(|c| content_key(c.text.as_str()))
                    .collect(),
                true,
            ),
            _ => continue,
        };
        if key.is_empty() {
            continue;
        }
        let starts_with_clause =
            crate::units::clause_label(ctx.text(i).trim_start_matches('（')).is_some();
        match keys.last_mut() {
            Some(last) if !begins || starts_with_clause => last.1.push_str(&key),
            _ => keys.push((i, key)),
        }
    }
    keys
}

/// Copies share most of their content.
fn similar(ctx: &Context, a: &Region, b: &Region) -> bool {
    let ka: std::collections::BTreeSet<String> = keys(ctx, a).into_iter().map(|k| k.1).collect();
    let kb: Vec<String> = keys(ctx, b).into_iter().map(|k| k.1).collect();
    if ka.is_empty() || kb.is_empty() {
        return ka.is_empty() && kb.is_empty();
    }
    let shared = kb.iter().filter(|k| ka.contains(*k)).count();
    shared * 2 >= kb.len().min(ka.len())
}

/// Lines of one copy missing from the other, by a longest common
/// subsequence over line keys.
fn report_copy_differences(
    ctx: &mut Context,
    d: &Distinct,
    primary: &Region,
    a: &[(usize, String)],
    copy: &Region,
) {
    let b = keys(ctx, copy);
    let (only_a, only_b) = diff(a, &b);
    for i in only_b {
        let (block, _) = &b[i];
        let span = ctx.blocks[*block].span();
        let text = ctx.text(*block).to_string();
        let first = ctx.line_no(ctx.blocks[a.first().map_or(primary.marker, |x| x.0)].span());
        ctx.sink.report(
            Code::AttachmentCopiesDiffer,
            span,
            format!(
                "this copy of 附件 {} (“{}”) differs from the copy at line {first}: {} is not in that copy",
                d.number, d.title, quote(&text)
            ),
        );
    }
    for i in only_a {
        let (block, _) = &a[i];
        let span = ctx.blocks[*block].span();
        let text = ctx.text(*block).to_string();
        let at = ctx.line_no(ctx.blocks[copy.marker].span());
        ctx.sink.report(
            Code::AttachmentCopiesDiffer,
            span,
            format!(
                "the copy of 附件 {} starting at line {at} lacks this line or has it changed: {}",
                d.number,
                quote(&text)
            ),
        );
    }
}

/// Indices of `a` and `b` not in their longest common subsequence.
///
/// The alignment is the one a full LCS table walked from the front gives
/// (equal heads are matched; otherwise a line of `a` is dropped unless that
/// loses a match), but the table is built only for the middle that is left
/// after the common prefix and suffix are set aside: copies of an attachment
/// are nearly equal, so that is small and the whole is close to linear.
/// - The common prefix is matched by the walk itself, and the table below
///   it depends only on what follows.
/// - With a common suffix `S` of length `s`, every LCS length in the middle
///   is the middle's plus `s`, so the walk takes the same steps until one
///   side's middle runs out; from there the other side still holds all of
///   the remaining `S`, and the table's choice is always a greedy match.
fn diff(a: &[(usize, String)], b: &[(usize, String)]) -> (Vec<usize>, Vec<usize>) {
    let (n, m) = (a.len(), b.len());
    let eq = |i: usize, j: usize| a[i].1 == b[j].1;
    let prefix = (0..n.min(m)).take_while(|&k| eq(k, k)).count();
    let suffix = (0..(n - prefix).min(m - prefix))
        .take_while(|&k| eq(n - 1 - k, m - 1 - k))
        .count();
    // The middle: a[prefix..n2] and b[prefix..m2].
    let (n2, m2) = (n - suffix, m - suffix);
    let (rows, cols) = (n2 - prefix, m2 - prefix);
    let width = cols + 1;
    // lcs[i * width + j]: LCS length of a[prefix + i..n2] and b[prefix + j..m2].
    let mut lcs = vec![0u32; (rows + 1) * width];
    for i in (0..rows).rev() {
        for j in (0..cols).rev() {
            lcs[i * width + j] = if eq(prefix + i, prefix + j) {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (prefix, prefix);
    let (mut only_a, mut only_b) = (Vec::new(), Vec::new());
    while i < n2 && j < m2 {
        if eq(i, j) {
            i += 1;
            j += 1;
        } else if lcs[(i + 1 - prefix) * width + j - prefix]
            >= lcs[(i - prefix) * width + j + 1 - prefix]
        {
            only_a.push(i);
            i += 1;
        } else {
            only_b.push(j);
            j += 1;
        }
    }
    // One middle is used up; the other side ends with the rest of the
    // suffix, which is matched greedily: what does not match is dropped
    // from the side whose middle is left.
    let a_used_up = i >= n2;
    while i < n && j < m {
        if eq(i, j) {
            i += 1;
            j += 1;
        } else if a_used_up {
            only_b.push(j);
            j += 1;
        } else {
            only_a.push(i);
            i += 1;
        }
    }
    only_a.extend(i..n);
    only_b.extend(j..m);
    (only_a, only_b)
}

/// "附件：<title>" printed just before the `附件 N` marker of that title is a
/// caption left over from layout: take it and say so.
fn take_stray_captions(ctx: &mut Context, regions: &[Region]) {
    for region in regions {
        let Some(prev) = (0..region.marker).rev().find(|&i| ctx.line(i).is_some()) else {
            continue;
        };
        let Some(caption) = lex::attachment_note(ctx.text(prev)) else {
            continue;
        };
        let title = region.title.map_or("", |t| ctx.text(t));
        if ctx.is_used(prev) || content_key(caption) != content_key(title) {
            continue;
        }
        ctx.take(prev);
        let span = ctx.blocks[prev].span();
        let text = ctx.text(prev).to_string();
        ctx.sink.report(
            Code::StrayText,
            span,
            format!(
                "expected the 附件 {} marker, found a caption repeating its title first: {}",
                region.number,
                quote(&text)
            ),
        );
    }
}

fn copy_range(ctx: &Context, region: &Region) -> CopyRange {
    let start_line = ctx.line_no(ctx.blocks[region.marker].span());
    let last = region
        .content
        .clone()
        .rev()
        .find(|&i| !matches!(&ctx.blocks[i], crate::layout::Block::Line(l) if l.kind == crate::layout::LineKind::Furniture))
        .or(region.title)
        .unwrap_or(region.marker);
    let span = ctx.blocks[last].span();
    let end = span.end.saturating_sub(1).max(span.start) as usize;
    CopyRange {
        start_line,
        end_line: ctx.source.position(end).line,
    }
}
