//! Pairing the targets of two years of one project.
//!
//! Targets are paired by unit, then by order, with the label as the
//! stronger evidence. The label is the few letters before the number in
//! the text, back to the clause mark (新增托位 in 新增托位1196个); two labels
//! are the same when their bigrams are alike (Dice ≥ 0.5). In turn:
//!
//! 1. targets of the same canonical unit (`元/人/月`, `个`, `%`) and the same
//!    label are paired;
//! 2. targets of the same label and another unit are paired: a unit change
//!    (新增托位1196个 → 新增托位1200张);
//! 3. the rest of each unit are paired in order, first with first (labels
//!    are often empty or reworded: 20%的幼儿园 → 25%的幼儿园);
//!
//! and what is left is a target of one year only.

use std::collections::BTreeMap;

use super::similar::Grams;
use super::{TargetChange, TargetChangeKind, TargetField};
use crate::decimal::Decimal;
use crate::model::Quantity;

/// Labels this alike (Dice of their bigrams) are the same label.
const SAME_LABEL: f64 = 0.5;
/// Letters of text before a target that make its label.
const LABEL_LETTERS: usize = 8;

/// The changed and one-sided targets of a pair of projects (in the new
/// year's order, then old-only ones in the old year's order), and how many
/// pairs did not change.
pub(crate) fn pair(
    old: &[Quantity],
    old_text: &str,
    new: &[Quantity],
    new_text: &str,
) -> (Vec<TargetChange>, u32) {
    let old_labels = labels(old, old_text);
    let new_labels = labels(new, new_text);
    let mut old_free = vec![true; old.len()];
    let mut new_free = vec![true; new.len()];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut take = |found: Vec<(usize, usize)>, old_free: &mut [bool], new_free: &mut [bool]| {
        for (i, j) in found {
            old_free[i] = false;
            new_free[j] = false;
            pairs.push((i, j));
        }
    };
    // 1. Same unit, same label.
    for (olds, news) in by_unit(old, new, |_| true, |_| true).into_values() {
        let found = by_label(&olds, &old_labels, &news, &new_labels);
        take(found, &mut old_free, &mut new_free);
    }
    // 2. Same label, another unit: a unit change.
    let olds: Vec<usize> = (0..old.len()).filter(|&i| old_free[i]).collect();
    let news: Vec<usize> = (0..new.len()).filter(|&j| new_free[j]).collect();
    let found = by_label(&olds, &old_labels, &news, &new_labels);
    take(found, &mut old_free, &mut new_free);
    // 3. Same unit, by order.
    let groups = by_unit(old, new, |i| old_free[i], |j| new_free[j]);
    for (olds, news) in groups.into_values() {
        take(
            olds.into_iter().zip(news).collect(),
            &mut old_free,
            &mut new_free,
        );
    }
    pairs.sort_unstable_by_key(|&(i, j)| (j, i));

    let mut changes = Vec::new();
    let mut unchanged = 0;
    for (i, j) in pairs {
        match change(&old[i], &new[j]) {
            Some(c) => changes.push(c),
            None => unchanged += 1,
        }
    }
    let one_sided = |q: &Quantity, kind| TargetChange {
        kind,
        old: (kind == TargetChangeKind::Removed).then(|| q.clone()),
        new: (kind == TargetChangeKind::Added).then(|| q.clone()),
        fields: Vec::new(),
        delta: None,
    };
    for (j, q) in new.iter().enumerate() {
        if new_free[j] {
            changes.push(one_sided(q, TargetChangeKind::Added));
        }
    }
    for (i, q) in old.iter().enumerate() {
        if old_free[i] {
            changes.push(one_sided(q, TargetChangeKind::Removed));
        }
    }
    (changes, unchanged)
}

/// The targets of each canonical unit, old and new, among those `keep`
/// allows, in order.
fn by_unit<'q>(
    old: &'q [Quantity],
    new: &'q [Quantity],
    keep_old: impl Fn(usize) -> bool,
    keep_new: impl Fn(usize) -> bool,
) -> BTreeMap<&'q str, (Vec<usize>, Vec<usize>)> {
    let mut groups: BTreeMap<&str, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, q) in old.iter().enumerate().filter(|&(i, _)| keep_old(i)) {
        groups.entry(&q.canonical_unit).or_default().0.push(i);
    }
    for (j, q) in new.iter().enumerate().filter(|&(j, _)| keep_new(j)) {
        groups.entry(&q.canonical_unit).or_default().1.push(j);
    }
    groups
}

/// What changed between two paired targets, `None` when nothing did.
fn change(old: &Quantity, new: &Quantity) -> Option<TargetChange> {
    let mut fields = Vec::new();
    if (old.value(), old.amount.bounds()) != (new.value(), new.amount.bounds()) {
        fields.push(TargetField::Value);
    }
    if old.canonical_unit != new.canonical_unit {
        fields.push(TargetField::Unit);
    }
    if old.cmp() != new.cmp() {
        fields.push(TargetField::Cmp);
    }
    if fields.is_empty() {
        return None;
    }
    let delta = (fields.contains(&TargetField::Value) && !fields.contains(&TargetField::Unit))
        .then(|| minus(new.value(), old.value()))
        .flatten();
    Some(TargetChange {
        kind: TargetChangeKind::Changed,
        old: Some(old.clone()),
        new: Some(new.clone()),
        fields,
        delta,
    })
}

/// `a − b`, exactly, if it fits.
fn minus(a: Decimal, b: Decimal) -> Option<Decimal> {
    let (mantissa, scale) = b.parts();
    a.checked_add(Decimal::new(mantissa.checked_neg()?, scale))
}

/// Pairs `(i, j)` of the targets `olds` and `news` whose labels are alike,
/// most alike first, each target once.
fn by_label(
    olds: &[usize],
    old_labels: &[Grams],
    news: &[usize],
    new_labels: &[Grams],
) -> Vec<(usize, usize)> {
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    for (a, &i) in olds.iter().enumerate() {
        for (b, &j) in news.iter().enumerate() {
            let d = old_labels[i].dice(&new_labels[j]);
            if d >= SAME_LABEL {
                scored.push((d, a, b));
            }
        }
    }
    super::similar::assign(scored, olds.len(), news.len(), SAME_LABEL)
        .into_iter()
        .map(|(_, a, b)| (olds[a], news[b]))
        .collect()
}

/// The label of each target: up to [`LABEL_LETTERS`] letters before its
/// phrase in the text, back to the clause mark before it. Targets are
/// found in order; one not found in the text has an empty label.
fn labels(targets: &[Quantity], text: &str) -> Vec<Grams> {
    let mut from = 0;
    targets
        .iter()
        .map(|q| {
            let at = text
                .get(from..)
                .and_then(|rest| rest.find(q.text.as_str()))
                .map(|k| from + k)
                .or_else(|| text.find(q.text.as_str()));
            let Some(at) = at else {
                return Grams::default();
            };
            from = at + q.text.len();
            let before: String = text[..at]
                .chars()
                .rev()
                .take_while(|c| !is_clause_mark(*c))
                .filter(|c| c.is_alphabetic())
                .take(LABEL_LETTERS)
                .collect::<Vec<char>>()
                .into_iter()
                .rev()
                .collect();
            Grams::of(&before)
        })
        .collect()
}

fn is_clause_mark(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '、' | '！' | '？' | ',' | ';' | ':' | '\n'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(text: &str) -> Vec<Quantity> {
        crate::quantities_in_line(text, 1)
    }

    fn summary(old: &str, new: &str) -> (Vec<String>, u32) {
        let (changes, unchanged) = pair(&targets(old), old, &targets(new), new);
        let shown = changes
            .iter()
            .map(|c| {
                let text =
                    |q: &Option<Quantity>| q.as_ref().map_or("–".to_string(), |q| q.text.clone());
                let delta = c.delta.map_or(String::new(), |d| format!(" ({d})"));
                format!("{}→{}{delta}", text(&c.old), text(&c.new))
            })
            .collect();
        (shown, unchanged)
    }

    #[test]
    fn same_units_pair_in_order_and_unchanged_ones_are_counted() {
        let (changes, unchanged) = summary(
            "一、二级补贴不低于277元/月/人；三、四级补贴不低于185元/月/人",
            "一、二级补贴不低于290元/月/人；三、四级补贴不低于185元/月/人",
        );
        assert_eq!(changes, ["不低于277元/月/人→不低于290元/月/人 (13)"]);
        assert_eq!(unchanged, 1);
    }

    #[test]
    fn uneven_counts_pair_by_label_first() {
        let (changes, _) = summary(
            "新增城市停车泊位1.265万个，其中公共停车泊位0.2586万个",
            "新增公共停车泊位3000个",
        );
        assert_eq!(
            changes,
            ["0.2586万个→3000个 (414)", "1.265万个→–"],
            "the public spaces continue, the city total is dropped"
        );
    }

    #[test]
    fn a_unit_change_keeps_its_label_and_the_rest_is_one_sided() {
        let (changes, _) = summary("新增托位1196个", "新增托位1200张，建成驿站6个");
        assert_eq!(changes, ["1196个→1200张", "–→6个"]);
    }

    #[test]
    fn a_comparator_change_is_a_change() {
        let (changes, unchanged) = summary("新建充电桩190个", "新建充电桩190个以上");
        assert_eq!((changes.len(), unchanged), (1, 0));
        let (c, _) = pair(
            &targets("新建充电桩190个"),
            "",
            &targets("新建充电桩190个以上"),
            "",
        );
        assert_eq!(c[0].fields, [TargetField::Cmp]);
    }
}
