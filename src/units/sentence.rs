//! Who does the work, said in a sentence instead of under a label.
//!
//! ```text
//! sentence = prefix? "由"? group (("，" | "；") "由"? group)*
//! group    = unit ("、" unit)* verb       ; 区教育局、区卫健局共同负责
//!          | label "为" unit ("、" unit)*  ; 牵头单位为区民政局
//! prefix   = "此项工作" | "该项工作" | "本项工作" | "此项" | "该项"
//! ```
//! A verb with 牵头 makes its units the lead ([`Role::Lead`]); 配合, 协助,
//! 参与, 协同 make them support ([`Role::Support`]); 负责 and 实施 make
//! them answer for the work ([`Role::Responsible`]: the lead, unless
//! another group leads). Every unit must read as an organ's name
//! ([`crate::table::is_unit_name`]), and the first group must lead or
//! answer, so an ordinary sentence ("由区民生办负责统筹协调") is none.

use std::ops::Range;

use super::{role_of, split_names, Role, UnitList, LABEL_ENDS};
use crate::table::is_unit_name;

/// Verbs, longest first within each role so a longer one wins.
const VERBS: &[(&str, Role)] = &[
    ("共同牵头负责", Role::Lead),
    ("牵头负责", Role::Lead),
    ("共同牵头", Role::Lead),
    ("牵头", Role::Lead),
    ("按职责分工负责", Role::Responsible),
    ("按职责负责", Role::Responsible),
    ("分别负责", Role::Responsible),
    ("共同负责", Role::Responsible),
    ("具体负责", Role::Responsible),
    ("负责", Role::Responsible),
    ("组织实施", Role::Responsible),
    ("具体实施", Role::Responsible),
    ("主责", Role::Responsible),
    ("按职责分工配合", Role::Support),
    ("按职责配合", Role::Support),
    ("协同配合", Role::Support),
    ("共同配合", Role::Support),
    ("积极配合", Role::Support),
    ("配合", Role::Support),
    ("协助", Role::Support),
    ("协同", Role::Support),
    ("参与", Role::Support),
];

const PREFIXES: [&str; 5] = ["此项工作", "该项工作", "本项工作", "此项", "该项"];

/// The longest such sentence, in characters: a few units and verbs. Longer
/// text is a task, and is not looked at (this bounds the cost per line).
pub(super) const MAX_CHARS: usize = 160;

/// The lists of `line[start..end]` when the whole of it says who does the
/// work (a final 。 or ； aside).
pub(super) fn lists(line: &str, start: usize, end: usize) -> Option<Vec<UnitList>> {
    let text = &line[start..end];
    if text.chars().nth(MAX_CHARS).is_some() {
        return None;
    }
    let end = start + text.trim_end_matches(['。', '；', ' ']).len();
    let mut at = start;
    if let Some(p) = PREFIXES.iter().find(|p| line[at..end].starts_with(*p)) {
        at += p.len();
    }
    let mut lists = Vec::new();
    for group in groups(line, at, end) {
        let mut group = group;
        if line[group.clone()].starts_with('由') {
            group.start += '由'.len_utf8();
        }
        lists.push(group_list(line, group)?);
    }
    let first = lists.first()?;
    matches!(first.role, Role::Lead | Role::Responsible).then_some(lists)
}

/// `line[start..end]` cut at "，" and "；" outside brackets.
fn groups(line: &str, start: usize, end: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut from = start;
    for (i, c) in line[start..end].char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            '，' | '；' | ',' if depth == 0 => {
                out.push(from..start + i);
                from = start + i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(from..end);
    out
}

/// One group: units and a verb, or a label, 为 and units.
fn group_list(line: &str, group: Range<usize>) -> Option<UnitList> {
    let text = &line[group.clone()];
    if let Some((verb, role)) = VERBS.iter().find(|(v, _)| text.ends_with(v)) {
        let names_end = group.end - verb.len();
        return units(line, group.start, names_end).map(|names| UnitList {
            label: verb.to_string(),
            role: *role,
            names,
        });
    }
    let wei = text.find('为')?;
    let label = &text[..wei];
    if !LABEL_ENDS.iter().any(|e| label.ends_with(e)) || label.chars().count() > 10 {
        return None;
    }
    let role = role_of(label)?;
    units(line, group.start + wei + '为'.len_utf8(), group.end).map(|names| UnitList {
        label: label.to_string(),
        role,
        names,
    })
}

/// The units of `line[start..end]`, if every name there is one.
fn units(line: &str, start: usize, end: usize) -> Option<Vec<Range<usize>>> {
    if start >= end {
        return None;
    }
    let names = split_names(line, start, end);
    // "各街道、镇配合": 各 goes on to the kinds after it (各镇).
    let each = names
        .first()
        .is_some_and(|r| line[r.clone()].starts_with('各'));
    let is_unit = |name: &str| {
        is_unit_name(name)
            || (each && name.chars().count() <= 4 && is_unit_name(&format!("各{name}")))
    };
    (!names.is_empty() && names.iter().all(|r| is_unit(&line[r.clone()]))).then_some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Vec<(Role, Vec<&str>)>> {
        lists(text, 0, text.len()).map(|lists| {
            lists
                .into_iter()
                .map(|l| {
                    let names = l.names.iter().map(|r| &text[r.clone()]).collect();
                    (l.role, names)
                })
                .collect()
        })
    }

    #[test]
    fn a_lead_and_its_support() {
        assert_eq!(
            read("由区人力资源社会保障局牵头，各镇人民政府、街道办事处配合。"),
            Some(vec![
                (Role::Lead, vec!["区人力资源社会保障局"]),
                (Role::Support, vec!["各镇人民政府", "街道办事处"]),
            ])
        );
        assert_eq!(
            read("此项工作由区人社局牵头，区农业农村局、区总工会配合。"),
            Some(vec![
                (Role::Lead, vec!["区人社局"]),
                (Role::Support, vec!["区农业农村局", "区总工会"]),
            ])
        );
    }

    #[test]
    fn units_that_answer_for_the_work() {
        assert_eq!(
            read("区卫生健康局、区委政法委按职责分工负责"),
            Some(vec![(
                Role::Responsible,
                vec!["区卫生健康局", "区委政法委"]
            )])
        );
        assert_eq!(
            read("由区教育局、区卫生健康局共同负责。"),
            Some(vec![(Role::Responsible, vec!["区教育局", "区卫生健康局"])])
        );
    }

    #[test]
    fn a_label_with_wei() {
        assert_eq!(
            read("牵头单位为区民政局，各镇（街道）具体实施。"),
            Some(vec![
                (Role::Lead, vec!["区民政局"]),
                (Role::Responsible, vec!["各镇（街道）"]),
            ])
        );
    }

    #[test]
    fn ordinary_sentences_are_not_read_as_units() {
        assert_eq!(read("由区民生办负责统筹协调。"), None);
        assert_eq!(read("各项目由各牵头单位负责。"), None);
        assert_eq!(read("加强宣传引导"), None);
        assert_eq!(read("区财政局配合"), None, "support alone leads nothing");
        assert_eq!(
            read("此项工作由区民政局负责，各街道、镇配合。"),
            Some(vec![
                (Role::Responsible, vec!["区民政局"]),
                (Role::Support, vec!["各街道", "镇"])
            ]),
            "各 goes on to the kinds after it"
        );
    }
}
