//! A short word-level diff of two project texts.
//!
//! Words are Unicode word boundaries (UAX #29, `unicode-segmentation`):
//! a run of digits with its decimal point (`1.15`), a Latin word, and each
//! CJK character and punctuation mark on its own, so Chinese text is
//! compared character by character and numbers as wholes. The longest
//! common subsequence of the words is kept; what is left is removed or
//! added. Then, so that the diff reads as a reader would mark it up:
//! a kept run of one character between two changes is folded into them
//! (`提高到290` against `达到277` is one change, not three), and each
//! run of changes is written as what was removed, then what was added.

use unicode_segmentation::UnicodeSegmentation;

use super::{Edit, TextSegment};

/// Above this many cells (words of the one text × words of the other,
/// after the common start and end are set aside) the middle is given as
/// one change: an LCS table costs that many steps, and texts that long and
/// that different are better read whole.
const MAX_CELLS: usize = 1 << 20;

/// The segments that turn `old` into `new`: the `same` and `removed` ones
/// spell `old`, the `same` and `added` ones spell `new`. Empty when the
/// texts are equal.
pub(crate) fn diff(old: &str, new: &str) -> Vec<TextSegment> {
    if old == new {
        return Vec::new();
    }
    let a: Vec<&str> = old.split_word_bounds().collect();
    let b: Vec<&str> = new.split_word_bounds().collect();
    let (prefix, suffix) = crate::source::common_ends(&a, &b);
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops: Vec<(Edit, &str)> = a[..prefix].iter().map(|w| (Edit::Same, *w)).collect();
    ops.extend(middle(ma, mb));
    ops.extend(a[a.len() - suffix..].iter().map(|w| (Edit::Same, *w)));
    tidy(ops)
}

/// The edits between two word lists with no common first or last word.
fn middle<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<(Edit, &'a str)> {
    let removed = |a: &[&'a str]| a.iter().map(|w| (Edit::Removed, *w)).collect::<Vec<_>>();
    let added = |b: &[&'a str]| b.iter().map(|w| (Edit::Added, *w)).collect::<Vec<_>>();
    if a.is_empty() || b.is_empty() || a.len().saturating_mul(b.len()) > MAX_CELLS {
        let mut ops = removed(a);
        ops.extend(added(b));
        return ops;
    }
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let width = b.len() + 1;
    let mut lcs = vec![0u32; (a.len() + 1) * width];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i * width + j] = if a[i] == b[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    // A word is kept only where every longest common subsequence keeps it
    // here: a repeated word is matched as late as it can be, next to the
    // text that follows it (不断提升供电保障能力，供电可靠性 → 供电可靠性
    // keeps the second 供电, the one before 可靠性).
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::with_capacity(a.len() + b.len());
    while i < a.len() && j < b.len() {
        let here = lcs[i * width + j];
        if lcs[(i + 1) * width + j] == here {
            ops.push((Edit::Removed, a[i]));
            i += 1;
        } else if lcs[i * width + j + 1] == here {
            ops.push((Edit::Added, b[j]));
            j += 1;
        } else {
            ops.push((Edit::Same, a[i]));
            i += 1;
            j += 1;
        }
    }
    ops.extend(removed(&a[i..]));
    ops.extend(added(&b[j..]));
    ops
}

/// Words into segments: runs of one kind joined, a kept character between
/// two changes folded into them, each run of changes as removed then added.
fn tidy(ops: Vec<(Edit, &str)>) -> Vec<TextSegment> {
    let mut runs: Vec<TextSegment> = Vec::new();
    for (edit, word) in ops {
        match runs.last_mut() {
            Some(last) if last.edit == edit => last.text.push_str(word),
            _ => runs.push(TextSegment {
                edit,
                text: word.to_string(),
            }),
        }
    }
    let last = runs.len().saturating_sub(1);
    let mut out: Vec<TextSegment> = Vec::new();
    let (mut removed, mut added) = (String::new(), String::new());
    for (k, run) in runs.into_iter().enumerate() {
        let folded = run.edit == Edit::Same && k > 0 && k < last && run.text.chars().count() <= 1;
        match run.edit {
            Edit::Same if !folded => {
                flush(&mut out, &mut removed, &mut added);
                out.push(run);
            }
            Edit::Same => {
                removed.push_str(&run.text);
                added.push_str(&run.text);
            }
            Edit::Removed => removed.push_str(&run.text),
            Edit::Added => added.push_str(&run.text),
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out
}

fn flush(out: &mut Vec<TextSegment>, removed: &mut String, added: &mut String) {
    for (edit, text) in [(Edit::Removed, removed), (Edit::Added, added)] {
        if !text.is_empty() {
            out.push(TextSegment {
                edit,
                text: std::mem::take(text),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The diff as `[-removed-]{+added+}` around the kept text.
    fn marked(old: &str, new: &str) -> String {
        let segments = diff(old, new);
        let spelled = |keep: Edit| -> String {
            segments
                .iter()
                .filter(|s| s.edit == Edit::Same || s.edit == keep)
                .map(|s| s.text.as_str())
                .collect()
        };
        assert_eq!(
            spelled(Edit::Removed),
            old,
            "same + removed spell the old text"
        );
        assert_eq!(spelled(Edit::Added), new, "same + added spell the new text");
        segments
            .iter()
            .map(|s| match s.edit {
                Edit::Same => s.text.clone(),
                Edit::Removed => format!("[-{}-]", s.text),
                Edit::Added => format!("{{+{}+}}", s.text),
            })
            .collect()
    }

    #[test]
    fn numbers_change_as_whole_words() {
        assert_eq!(
            marked("新增城镇就业1.15万人左右。", "新增城镇就业1.2万人左右。"),
            "新增城镇就业[-1.15-]{+1.2+}万人左右。"
        );
    }

    #[test]
    fn chinese_is_compared_character_by_character() {
        assert_eq!(
            marked("新建公办幼儿园3所", "新建改扩建公办幼儿园3所"),
            "新建{+改扩建+}公办幼儿园3所"
        );
    }

    #[test]
    fn one_kept_character_between_changes_is_folded_into_them() {
        assert_eq!(
            marked("生活补贴达到277元", "生活补贴提高到290元"),
            "生活补贴[-达到277-]{+提高到290+}元"
        );
    }

    #[test]
    fn a_repeated_word_is_kept_next_to_what_follows_it() {
        assert_eq!(
            marked(
                "实施农村电网巩固提升工程，不断提升供电保障能力，供电可靠性从99.9844%提高",
                "实施农村电网巩固提升工程，供电可靠性从99.9850%提高"
            ),
            "实施农村电网巩固提升工程，[-不断提升供电保障能力，-]供电可靠性从[-99.9844-]{+99.9850+}%提高"
        );
    }

    #[test]
    fn equal_texts_have_no_segments_and_empty_ones_diff_whole() {
        assert!(diff("同一", "同一").is_empty());
        assert_eq!(marked("", "新增"), "{+新增+}");
        assert_eq!(marked("旧的", ""), "[-旧的-]");
    }

    #[test]
    fn very_long_different_texts_are_one_change() {
        let a = "甲".repeat(2000);
        let b = "乙".repeat(2000);
        let segments = diff(&a, &b);
        assert_eq!(segments.len(), 2);
        assert_eq!(segments[0].text, a);
    }
}
