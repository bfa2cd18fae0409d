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
use crate::diagnostic::{quote, Code, Diagnostic};
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
    // A notice printed after its attachments (附件1 at the top, the frame
    // after the last one): the frame is the body, from its letterhead on.
    let trailing_frame = markers
        .last()
        .filter(|_| !has_frame(ctx, 0..body_end))
        .and_then(|&(last, _)| frame_start(ctx, last + 1..ctx.blocks.len()));
    let input_end = trailing_frame.unwrap_or(ctx.blocks.len());
    let mut regions = Vec::new();
    for (k, &(marker, number)) in markers.iter().enumerate() {
        let end = markers.get(k + 1).map_or(input_end, |m| m.0);
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
    match trailing_frame {
        Some(start) => (start..ctx.blocks.len(), regions),
        None => (0..body_end, regions),
    }
}

/// The blocks hold a 文号 or a title (关于…的通知): a notice's frame.
fn has_frame(ctx: &Context, blocks: std::ops::Range<usize>) -> bool {
    blocks.filter_map(|i| ctx.line(i)).any(|l| {
        let t = l.as_str();
        crate::document::standalone_doc_number(t).is_some() || lex::is_title(t)
    })
}

/// Where a frame starts among `blocks`: at its 文号 or title, or at the
/// letterhead or organ's name right above it.
fn frame_start(ctx: &Context, blocks: std::ops::Range<usize>) -> Option<usize> {
    let first = blocks.clone().find(|&i| {
        ctx.line(i).is_some_and(|l| {
            let t = l.as_str();
            crate::document::standalone_doc_number(t).is_some()
                || (lex::is_title(t) && t.ends_with("通知"))
        })
    })?;
    let mut start = first;
    // Up over blank lines and page furniture to one organ's name.
    let mut k = first;
    while k > blocks.start {
        k -= 1;
        match ctx.line(k) {
            Some(l) if l.as_str().trim().is_empty() || ctx.is_used(k) => continue,
            Some(l)
                if crate::document::is_letterhead(l.as_str())
                    || crate::document::is_organ_name(l.as_str()) =>
            {
                start = k;
                break;
            }
            _ => break,
        }
    }
    Some(start)
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
    // Every region's keys, computed once (not once per pair compared).
    let region_keys: Vec<Vec<(usize, String)>> = regions.iter().map(|r| keys(ctx, r)).collect();
    let mut distinct: Vec<Distinct> = Vec::new();
    let mut title_keys: Vec<String> = Vec::new();
    for (r, region) in regions.iter().enumerate() {
        ctx.take_as_structure(region.marker);
        let title = region.title.map_or(String::new(), |t| {
            ctx.take_as_structure(t);
            ctx.text(t).to_string()
        });
        let title_key = content_key(&title);
        let same = distinct
            .iter()
            .zip(&title_keys)
            .position(|(d, key)| d.number == region.number && *key == title_key);
        match same {
            Some(d) if similar(&region_keys[distinct[d].copies[0]], &region_keys[r]) => {
                distinct[d].copies.push(r)
            }
            _ => {
                distinct.push(Distinct {
                    number: region.number,
                    title,
                    copies: vec![r],
                });
                title_keys.push(title_key);
            }
        }
    }
    take_stray_captions(ctx, regions);
    for d in &distinct {
        let primary = &regions[d.copies[0]];
        let primary_keys = &region_keys[d.copies[0]];
        for &c in &d.copies[1..] {
            report_copy_differences(ctx, d, primary, primary_keys, &regions[c], &region_keys[c]);
            // A copy's lines are accounted for by the copy itself.
            let copy = &regions[c];
            for i in copy.marker..copy.content.end {
                ctx.take(i);
                ctx.places.copies.push(ctx.blocks[i].span());
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
fn similar(a: &[(usize, String)], b: &[(usize, String)]) -> bool {
    let ka: std::collections::BTreeSet<&str> = a.iter().map(|k| k.1.as_str()).collect();
    let kb: Vec<&str> = b.iter().map(|k| k.1.as_str()).collect();
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
    b: &[(usize, String)],
) {
    let Diff {
        only_a,
        only_b,
        aligned,
    } = diff(a, b);
    let first_copy = ctx.blocks[a.first().map_or(primary.marker, |x| x.0)].span();
    let this_copy = ctx.blocks[copy.marker].span();
    if !aligned {
        ctx.sink.push(
            Diagnostic::new(
                Code::AttachmentCopiesDiffer,
                this_copy,
                format!(
                    "this copy of 附件 {} (“{}”) differs from the first copy in too many places ({} and {} elements) to be aligned line by line; the lines reported are those whose text the other copy lacks, wherever they are",
                    d.number, d.title, a.len(), b.len()
                ),
            )
            .with_label(first_copy, "the first copy"),
        );
    }
    for i in only_b {
        let (block, _) = &b[i];
        let span = ctx.blocks[*block].span();
        let text = ctx.text(*block).to_string();
        ctx.sink.push(
            Diagnostic::new(
                Code::AttachmentCopiesDiffer,
                span,
                format!(
                    "this copy of 附件 {} (“{}”) differs from the first copy: {} is not in that copy",
                    d.number,
                    d.title,
                    quote(&text)
                ),
            )
            .with_label(first_copy, "the first copy"),
        );
    }
    for i in only_a {
        let (block, _) = &a[i];
        let span = ctx.blocks[*block].span();
        let text = ctx.text(*block).to_string();
        ctx.sink.push(
            Diagnostic::new(
                Code::AttachmentCopiesDiffer,
                span,
                format!(
                    "another copy of 附件 {} lacks this line or has it changed: {}",
                    d.number,
                    quote(&text)
                ),
            )
            .with_label(this_copy, "the copy without it"),
        );
    }
}

/// What [`diff`] found.
struct Diff {
    /// Indices of `a` not in the alignment.
    only_a: Vec<usize>,
    /// Indices of `b` not in the alignment.
    only_b: Vec<usize>,
    /// False when the copies were too far apart to align within the work
    /// and memory limits: then the indices are those whose key the other
    /// side lacks (as many times as it lacks it), not an alignment.
    aligned: bool,
}

/// Cells of the LCS table (4 bytes each) built at most: 256 KiB (a
/// larger middle goes to Myers, whose memory is quadratic only in the
/// number of edits).
const TABLE_CELLS: usize = 1 << 16;
/// Work of Myers' diff (steps along diagonals) allowed at most.
const MYERS_WORK: usize = 1 << 26;
/// Edit distance Myers' diff looks for at most (its trace is quadratic in
/// it; see also the bound by the copies' length in [`diff`]).
const MYERS_EDITS: usize = 2048;

/// Indices of `a` and `b` not in their longest common subsequence.
///
/// Copies of an attachment are nearly equal: after their common prefix and
/// suffix, what is left is small, and the LCS table over it gives the
/// alignment (see [`table_diff`]). When the middle is large (copies that
/// differ at both ends), Myers' O((N+M)·D) diff finds a shortest edit
/// script as long as it has at most a few thousand edits; copies further
/// apart than that are not aligned but compared as multisets of lines, and
/// the result says so (`aligned: false`). Time and memory stay linear in
/// the copies' length either way.
fn diff(a: &[(usize, String)], b: &[(usize, String)]) -> Diff {
    let (n, m) = (a.len(), b.len());
    let eq = |i: usize, j: usize| a[i].1 == b[j].1;
    let prefix = (0..n.min(m)).take_while(|&k| eq(k, k)).count();
    let suffix = (0..(n - prefix).min(m - prefix))
        .take_while(|&k| eq(n - 1 - k, m - 1 - k))
        .count();
    let (rows, cols) = (n - suffix - prefix, m - suffix - prefix);
    if (rows + 1).saturating_mul(cols + 1) <= TABLE_CELLS {
        let (only_a, only_b) = table_diff(a, b, prefix, suffix);
        return Diff {
            only_a,
            only_b,
            aligned: true,
        };
    }
    // Keys as numbers, so that comparing is cheap.
    fn numbered<'a>(
        ids: &mut std::collections::HashMap<&'a str, u32>,
        keys: &'a [(usize, String)],
    ) -> Vec<u32> {
        keys.iter()
            .map(|k| {
                let next = ids.len() as u32;
                *ids.entry(k.1.as_str()).or_insert(next)
            })
            .collect()
    }
    let mut ids = std::collections::HashMap::new();
    let ia = numbered(&mut ids, &a[prefix..n - suffix]);
    let ib = numbered(&mut ids, &b[prefix..m - suffix]);
    // Its trace holds about D² numbers: at most 4·√(N+M) edits keep that
    // within a few times the copies' own size.
    let total = rows + cols;
    let max_edits = MYERS_EDITS
        .min(MYERS_WORK / total.max(1))
        .min(((4.0 * (total as f64).sqrt()) as usize).max(64));
    let shift = |v: Vec<usize>| v.into_iter().map(|i| i + prefix).collect();
    if let Some((only_a, only_b)) = myers(&ia, &ib, max_edits) {
        return Diff {
            only_a: shift(only_a),
            only_b: shift(only_b),
            aligned: true,
        };
    }
    let (only_a, only_b) = multiset_diff(&ia, &ib);
    Diff {
        only_a: shift(only_a),
        only_b: shift(only_b),
        aligned: false,
    }
}

/// The alignment a full LCS table walked from the front gives (equal heads
/// are matched; otherwise a line of `a` is dropped unless that loses a
/// match), with the table built only for the middle that is left after the
/// common prefix and suffix are set aside.
/// - The common prefix is matched by the walk itself, and the table below
///   it depends only on what follows.
/// - With a common suffix `S` of length `s`, every LCS length in the middle
///   is the middle's plus `s`, so the walk takes the same steps until one
///   side's middle runs out; from there the other side still holds all of
///   the remaining `S`, and the table's choice is always a greedy match.
fn table_diff(
    a: &[(usize, String)],
    b: &[(usize, String)],
    prefix: usize,
    suffix: usize,
) -> (Vec<usize>, Vec<usize>) {
    let (n, m) = (a.len(), b.len());
    let eq = |i: usize, j: usize| a[i].1 == b[j].1;
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

/// Myers' greedy shortest edit script between `a` and `b` ("An O(ND)
/// Difference Algorithm and Its Variations", 1986), as the indices each
/// side does not share with the other; `None` when it needs more than
/// `max_edits` edits. Time O((N+M)·D), memory O(D²) for the trace.
fn myers(a: &[u32], b: &[u32], max_edits: usize) -> Option<(Vec<usize>, Vec<usize>)> {
    let max_d = max_edits.min(a.len() + b.len()) as isize;
    let (n, m) = (a.len() as isize, b.len() as isize);
    // v[k + off]: the furthest x reached on diagonal k = x - y.
    let off = max_d + 1;
    let mut v = vec![0isize; 2 * off as usize + 1];
    // trace[d]: v over diagonals -d-1..=d+1 before round d.
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let mut found = None;
    'rounds: for d in 0..=max_d {
        trace.push(v[(off - d - 1) as usize..=(off + d + 1) as usize].to_vec());
        for k in (-d..=d).step_by(2) {
            let at = |k: isize| (k + off) as usize;
            let mut x = if k == -d || (k != d && v[at(k - 1)] < v[at(k + 1)]) {
                v[at(k + 1)]
            } else {
                v[at(k - 1)] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[at(k)] = x;
            if x >= n && y >= m {
                found = Some(d);
                break 'rounds;
            }
        }
    }
    let found = found?;
    let (mut only_a, mut only_b) = (Vec::new(), Vec::new());
    let (mut x, mut y) = (n, m);
    for d in (1..=found).rev() {
        let row = &trace[d as usize];
        // row[0] is diagonal -d-1.
        let get = |k: isize| row[(k + d + 1) as usize];
        let k = x - y;
        let prev_k = if k == -d || (k != d && get(k - 1) < get(k + 1)) {
            k + 1
        } else {
            k - 1
        };
        let prev_x = get(prev_k);
        let prev_y = prev_x - prev_k;
        // Back along the snake, then the edit itself.
        if prev_k == k + 1 {
            only_b.push(prev_y as usize);
        } else {
            only_a.push(prev_x as usize);
        }
        x = prev_x;
        y = prev_y;
    }
    only_a.reverse();
    only_b.reverse();
    Some((only_a, only_b))
}

/// The indices of `a` whose key `b` lacks (as many times as it lacks it),
/// and the other way round: the last resort for copies too far apart.
fn multiset_diff(a: &[u32], b: &[u32]) -> (Vec<usize>, Vec<usize>) {
    let mut count: std::collections::HashMap<u32, isize> = std::collections::HashMap::new();
    for &k in b {
        *count.entry(k).or_default() += 1;
    }
    let only_a = (0..a.len())
        .filter(|&i| {
            let c = count.entry(a[i]).or_default();
            *c -= 1;
            *c < 0
        })
        .collect();
    let mut count: std::collections::HashMap<u32, isize> = std::collections::HashMap::new();
    for &k in a {
        *count.entry(k).or_default() += 1;
    }
    let only_b = (0..b.len())
        .filter(|&j| {
            let c = count.entry(b[j]).or_default();
            *c -= 1;
            *c < 0
        })
        .collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(keys: &[u32]) -> Vec<(usize, String)> {
        keys.iter()
            .enumerate()
            .map(|(i, k)| (i, format!("line{k}")))
            .collect()
    }

    /// A small xorshift generator: the same pairs on every run.
    fn random_keys(state: &mut u64, len: usize, alphabet: u64) -> Vec<u32> {
        (0..len)
            .map(|_| {
                *state ^= *state << 13;
                *state ^= *state >> 7;
                *state ^= *state << 17;
                (*state % alphabet) as u32
            })
            .collect()
    }

    /// What is left of `keys` without the indices in `drop`.
    fn without(keys: &[u32], drop: &[usize]) -> Vec<u32> {
        let drop: std::collections::BTreeSet<usize> = drop.iter().copied().collect();
        (0..keys.len())
            .filter(|i| !drop.contains(i))
            .map(|i| keys[i])
            .collect()
    }

    #[test]
    fn myers_finds_an_edit_script_as_short_as_the_lcs_table() {
        let mut state = 0x9e37_79b9_7f4a_7c15;
        for round in 0..2000 {
            let a = random_keys(&mut state, round % 40, 4);
            let b = random_keys(&mut state, (round * 7) % 37, 4);
            let (ta, tb) = table_diff(&lines(&a), &lines(&b), 0, 0);
            let (ma, mb) = myers(&a, &b, usize::MAX).expect("no edit limit");
            assert_eq!(ma.len() + mb.len(), ta.len() + tb.len(), "{a:?} {b:?}");
            // What each side keeps is the same sequence: a common subsequence.
            assert_eq!(without(&a, &ma), without(&b, &mb), "{a:?} {b:?}");
        }
    }

    #[test]
    fn copies_that_differ_at_both_ends_are_aligned_without_a_quadratic_table() {
        // 5,000 elements, the first and last changed: a full table would
        // have 25 million cells.
        let a: Vec<u32> = (0..5000).collect();
        let mut b = a.clone();
        b[0] = 90_000;
        b[4999] = 90_001;
        let d = diff(&lines(&a), &lines(&b));
        assert!(d.aligned);
        assert_eq!((d.only_a, d.only_b), (vec![0, 4999], vec![0, 4999]));
    }

    #[test]
    fn copies_too_far_apart_are_compared_as_multisets_and_say_so() {
        let a: Vec<u32> = (0..6000).collect();
        let b: Vec<u32> = (0..6000).rev().collect();
        let d = diff(&lines(&a), &lines(&b));
        assert!(!d.aligned);
        // The same lines in another order: nothing is missing from either.
        assert!(d.only_a.is_empty() && d.only_b.is_empty());
    }
}
