//! The outline of a run of lines: which numbering style is which level.
//!
//! Official documents number their layers 一、 > （一） > 1. > （1）, but a
//! 民生实事 notice reuses the marks freely: the seed's list numbers projects
//! （1）, its measures attachment numbers the same projects （一）, another
//! notice numbers categories （一） and projects 1. So the level of a style is
//! learned from the notice itself: the first style met is level 0, the next
//! new style level 1, and so on.
//!
//! A numbered line is accepted as a heading only if its number fits the
//! sequence of its style: the next number, a small forward jump (reported as
//! a gap), or 1 again under a new parent. Anything else ("一、二级…" at the
//! start of a wrapped line, a stray "3." in prose) stays text.

use crate::lex::{self, Marker, MarkerStyle};

/// A numbered item of the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Index of the item's line in the input slice.
    pub line: usize,
    /// Depth: 0 for the outermost style.
    pub level: usize,
    /// Its marker.
    pub marker: Marker,
    /// Index of the parent item in [`Outline::items`].
    pub parent: Option<usize>,
    /// Indices of the unnumbered lines that follow it, up to the next item.
    pub continuation: Vec<usize>,
    /// The number it should have had, when it skipped some.
    pub expected: Option<u32>,
}

/// The numbered structure of a run of lines.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    /// Styles by level.
    pub levels: Vec<MarkerStyle>,
    /// Items in order.
    pub items: Vec<Item>,
    /// Unnumbered lines before the first item.
    pub preamble: Vec<usize>,
    /// Notes after an item ("注：…" and the lines after it, up to the next
    /// item): about the list, not the item's own text.
    pub notes: Vec<usize>,
    /// Children of each item, in order (filled once the outline is built, so
    /// looking them up is not a scan per item).
    children: Vec<Vec<usize>>,
}

impl Outline {
    /// Items at `level`.
    pub fn at_level(&self, level: usize) -> impl Iterator<Item = (usize, &Item)> {
        self.items
            .iter()
            .enumerate()
            .filter(move |(_, it)| it.level == level)
    }

    /// Indices of the direct children of item `index`.
    pub fn children(&self, index: usize) -> Vec<usize> {
        self.children.get(index).cloned().unwrap_or_default()
    }

    /// The nearest ancestor of item `index` at `level`.
    pub fn ancestor_at(&self, index: usize, level: usize) -> Option<usize> {
        let mut at = self.items[index].parent;
        while let Some(i) = at {
            if self.items[i].level == level {
                return Some(i);
            }
            at = self.items[i].parent;
        }
        None
    }
}

/// Build the outline of `lines` (folded logical lines).
///
/// ```
/// let lines = ["一、促进就业（2项）", "（1）促进就业。", "推进措施：", "1.实施。", "2.开展。", "（2）实施家政。"];
/// let outline = minsheng::internals::outline::build(&lines);
/// let levels: Vec<usize> = outline.items.iter().map(|i| i.level).collect();
/// assert_eq!(levels, [0, 1, 2, 2, 1]);
/// ```
pub fn build<S: AsRef<str>>(lines: &[S]) -> Outline {
    let mut outline = Outline::default();
    let mut state = State::default();
    let mut in_notes = false;
    for (i, line) in lines.iter().enumerate() {
        let line = line.as_ref();
        let accepted = marker_of(line, &outline, &state).and_then(|m| {
            let continued = || is_continued(&lines[i + 1..], m);
            accept(&mut outline, &state, m, continued)
        });
        match accepted {
            Some((level, expected, marker)) => {
                in_notes = false;
                let parent = (0..level)
                    .rev()
                    .find_map(|l| state.open.get(l).copied().flatten().map(|(_, item)| item));
                let index = outline.items.len();
                outline.items.push(Item {
                    line: i,
                    level,
                    marker,
                    parent,
                    continuation: Vec::new(),
                    expected,
                });
                state.open.truncate(level + 1);
                state.open.resize(level + 1, None);
                state.open[level] = Some((marker.number, index));
                state.last_of_level.resize(outline.levels.len(), 0);
                state.last_of_level[level] = marker.number;
            }
            None => match outline.items.last_mut() {
                Some(_) if in_notes || lex::note_len(line) > 0 => {
                    in_notes = true;
                    outline.notes.push(i);
                }
                Some(item) => item.continuation.push(i),
                None => outline.preamble.push(i),
            },
        }
    }
    outline.children = vec![Vec::new(); outline.items.len()];
    for (i, item) in outline.items.iter().enumerate() {
        if let Some(p) = item.parent {
            outline.children[p].push(i);
        }
    }
    outline
}

/// The line's marker; a counted heading without a number ("教育医疗类
/// （4项）") takes the next number of its kind.
fn marker_of(line: &str, outline: &Outline, state: &State) -> Option<Marker> {
    lex::marker(line).or_else(|| {
        lex::counted_heading(line).then(|| {
            let last = outline
                .levels
                .iter()
                .position(|&s| s == MarkerStyle::Counted)
                .and_then(|level| state.last_of_level.get(level).copied())
                .unwrap_or(0);
            Marker {
                style: MarkerStyle::Counted,
                number: last + 1,
                len: 0,
            }
        })
    })
}

/// Where the outline is while it is built.
#[derive(Default)]
struct State {
    /// Per level: the open item's number and index, `None` once a
    /// shallower item closed the level.
    open: Vec<Option<(u32, usize)>>,
    /// Per level: the last number used, open or closed (numbering may run
    /// on across parents, as projects do across categories).
    last_of_level: Vec<u32>,
}

/// How far ahead a numbering that starts past 1 looks for its next number.
const CONTINUATION_REACH: usize = 40;

/// Whether the next item of `m`'s style within reach is numbered `m + 1`:
/// an excerpt whose list starts at "12." goes on with "13.", a stray "3."
/// in prose does not.
fn is_continued<S: AsRef<str>>(after: &[S], m: Marker) -> bool {
    after
        .iter()
        .take(CONTINUATION_REACH)
        .filter_map(|l| lex::marker(l.as_ref()))
        .find(|next| next.style == m.style)
        .is_some_and(|next| next.number == m.number + 1)
}

/// Decide whether marker `m` is a heading; returns its level and, for a
/// forward jump, the number expected instead. `continued` says whether the
/// style's next number follows it (asked only of a new style not at 1).
fn accept(
    outline: &mut Outline,
    state: &State,
    m: Marker,
    continued: impl FnOnce() -> bool,
) -> Option<(usize, Option<u32>, Marker)> {
    let level = match outline.levels.iter().position(|&s| s == m.style) {
        Some(level) => level,
        None => {
            // A new style opens a new, deeper level; it starts at 1, or
            // past 1 where the list is an excerpt ("接上页": 12. 13. …).
            if m.number != 1 && !continued() {
                return None;
            }
            outline.levels.push(m.style);
            return Some((outline.levels.len() - 1, None, m));
        }
    };
    // A style may only be re-entered at most one level below the deepest
    // open one.
    let depth = state
        .open
        .iter()
        .rposition(Option::is_some)
        .map_or(0, |d| d + 1);
    let open = state.open.get(level).copied().flatten().map(|(n, _)| n);
    let last = state.last_of_level.get(level).copied().unwrap_or(0);
    let n = m.number;
    // Deeper than that only where its numbering runs on from before: a
    // category with no subcategories ("三、健康太原" then "12.…", where the
    // others have "（一）" between them) still numbers its projects on.
    if level > depth && !(open.is_none() && last > 0 && n == last + 1) {
        return None;
    }
    let ok = |expected| Some((level, expected, m));
    match open {
        // Same parent: the next number, or a small jump (a gap).
        Some(p) if n == p + 1 => ok(None),
        // The same number again: an item numbered twice (reported later).
        Some(p) if n == p => ok(None),
        Some(p) if n > p + 1 && n <= p + 3 => ok(Some(p + 1)),
        Some(_) => None,
        // New parent: restart at 1, or run on from the previous parent.
        None if n == 1 => ok(None),
        None if n == last + 1 => ok(None),
        None if n > last + 1 && n <= last + 3 => ok(Some(last + 1)),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_restarts_under_each_parent() {
        let lines = [
            "（一）促进就业（2项）",
            "1.促进就业。",
            "2.实施家政。",
            "（二）社会保障（1项）",
            "3.加强低保。",
        ];
        let o = build(&lines);
        let shape: Vec<(usize, u32)> = o.items.iter().map(|i| (i.level, i.marker.number)).collect();
        assert_eq!(shape, [(0, 1), (1, 1), (1, 2), (0, 2), (1, 3)]);
        assert_eq!(o.items[4].parent, Some(3));
    }

    #[test]
    fn a_skipped_number_is_kept_and_noted() {
        let o = build(&["（二十）实施。", "推进措施：", "1.提升。", "3.依托。"]);
        let last = o.items.last().unwrap();
        assert_eq!((last.marker.number, last.expected), (3, Some(2)));
    }

    #[test]
    fn an_excerpt_may_start_its_numbering_past_one() {
        let o = build(&["12.新建幼儿园。", "13.新增泊位。", "（一）推进。"]);
        let numbers: Vec<u32> = o.items.iter().map(|i| i.marker.number).collect();
        assert_eq!(numbers, [12, 13, 1]);
        // A lone "3." in prose is not a list.
        assert!(build(&["3.5万人受益。", "新增泊位。"]).items.is_empty());
    }

    #[test]
    fn numbers_out_of_sequence_stay_text() {
        let o = build(&[
            "一、提高政治站位。",
            "二、抓好统筹协调。",
            "九、强化",
            "三、保障资金投入。",
        ]);
        assert_eq!(o.items.len(), 3);
        assert_eq!(o.items[1].continuation, [2]);
    }
}
