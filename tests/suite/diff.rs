//! `minsheng::diff`: which projects continue from one year's plan to the
//! next, which are new or dropped, and what changed. On the real 瑶海区
//! pair every continued project a reader finds by reading both notices is
//! matched and nothing else; on a constructed pair every known answer comes
//! out.

use std::collections::BTreeSet;

use minsheng::diff::{Edit, PlanDiff, ProjectPair, TargetChangeKind, TargetField};
use minsheng::model::Notice;

use crate::support::parse_text as parse;

fn corpus(name: &str) -> Notice {
    let bytes = std::fs::read(format!("corpus/{name}")).unwrap();
    let options = minsheng::Options::default().with_name(name);
    minsheng::parse_bytes(&bytes, &options).notice
}

/// (old number, new number) of every continued project, in new order.
fn continued(d: &PlanDiff) -> Vec<(u32, u32)> {
    d.projects
        .continued
        .iter()
        .map(|p| (p.old.number, p.new.number))
        .collect()
}

fn added(d: &PlanDiff) -> Vec<u32> {
    d.projects.added.iter().map(|a| a.project.number).collect()
}

fn dropped(d: &PlanDiff) -> Vec<u32> {
    d.projects
        .dropped
        .iter()
        .map(|r| r.project.number)
        .collect()
}

fn pair(d: &PlanDiff, old: u32) -> &ProjectPair {
    d.projects
        .continued
        .iter()
        .find(|p| p.old.number == old)
        .unwrap_or_else(|| panic!("old project {old} continues: {:?}", continued(d)))
}

/// Each target change as `old text → new text (delta)`, `+ new`, `- old`.
fn target_changes(p: &ProjectPair) -> Vec<String> {
    p.targets
        .iter()
        .map(|c| {
            let text = |q: &Option<minsheng::model::Quantity>| {
                q.as_ref().map(|q| q.text.clone()).unwrap_or_default()
            };
            match c.kind {
                TargetChangeKind::Changed => match c.delta {
                    Some(d) => format!("{} → {} ({d})", text(&c.old), text(&c.new)),
                    None => format!("{} → {}", text(&c.old), text(&c.new)),
                },
                TargetChangeKind::Added => format!("+ {}", text(&c.new)),
                TargetChangeKind::Removed => format!("- {}", text(&c.old)),
            }
        })
        .collect()
}

/// The continued projects of the 瑶海区 pair, found by reading both notices
/// side by side: 2024 number → 2025 number. The 2025 notice has 18
/// projects and each is one of the 2024 list, renumbered after the 2024
/// projects that were not carried on (4 企业职工退休, 7 残疾人就业, 9 居家养老,
/// 10 大病救治, 13 退役军人, 14 救急难, 16 孤儿保障, 18 学生资助, 22 油烟整治,
/// 23 便民停车, 24 文化惠民, 25 公共文化空间, 28 无物业小区, 29 难安置,
/// 31 菜市, 32 户外劳动者, 33 放心消费, 36 协同育人, 37 全民健身).
const YAOHAI_CONTINUED: [(u32, u32); 18] = [
    (1, 1),   // 促进重点群体稳定就业
    (2, 2),   // 实施放心家政行动
    (3, 3),   // 加强城乡低保人员和特困人员生活保障
    (5, 4),   // 开展困难职工帮扶救助
    (6, 5),   // 实施困难残疾人康复工程
    (8, 6),   // 持续优化无障碍环境
    (11, 7),  // 强化残疾人福利保障
    (12, 8),  // 做好困难群体法律援助工作
    (15, 9),  // 分类资助低收入人口参加基本医保
    (17, 10), // 实施“安心托幼”行动
    (19, 11), // 实施老有所学行动
    (20, 12), // 实施健康口腔行动
    (21, 13), // 实施出生缺陷防治提升行动
    (26, 14), // 推进充换电基础设施建设
    (27, 15), // 稳步推进城市危旧房和城镇老旧小区改造
    (30, 16), // 实施农村电网巩固提升工程
    (34, 17), // 严打电信网络诈骗
    (35, 18), // 开展食品安全“你点我检”
];

const YAOHAI_DROPPED: [u32; 19] = [
    4, 7, 9, 10, 13, 14, 16, 18, 22, 23, 24, 25, 28, 29, 31, 32, 33, 36, 37,
];

fn assert_yaohai_pair(d: &PlanDiff) {
    assert_eq!(
        continued(d),
        YAOHAI_CONTINUED,
        "every continued project matched, and nothing else"
    );
    assert_eq!(added(d), Vec::<u32>::new(), "no 2025 project is new");
    assert_eq!(dropped(d), YAOHAI_DROPPED);
    for p in &d.projects.continued {
        assert!(
            p.score.to_string().parse::<f64>().unwrap() >= 0.75,
            "{} → {} is a clear match: {}",
            p.old.number,
            p.new.number,
            p.score
        );
    }
    for r in &d.projects.dropped {
        assert_eq!(
            r.merged_into, None,
            "2024 #{} went into no 2025 project",
            r.project.number
        );
    }
}

#[test]
fn yaohai_2024_task_table_to_2025_inline_list() {
    let old = corpus("district-2024-table.txt");
    let new = corpus("district-2025-inline.txt");
    let d = minsheng::diff(&old, &new);
    assert_yaohai_pair(&d);
    let t = &d.totals;
    assert_eq!(
        (t.declared_total.old, t.declared_total.new),
        (Some(37), Some(18))
    );
    assert_eq!((t.projects.old, t.projects.new), (37, 18));
    assert_eq!((t.continued, t.added, t.dropped), (18, 0, 19));
    assert_eq!(
        (d.old.region.as_deref(), d.old.year),
        (Some("瑶海区"), Some(2024))
    );
    assert_eq!(d.new.year, Some(2025));

    // Targets raised, and one lowered.
    assert_eq!(
        target_changes(pair(&d, 11)),
        [
            "不低于277元/月/人 → 不低于285元/月/人 (8)",
            "不低于185元/月/人 → 不低于190元/月/人 (5)",
            "不低于277元/月/人 → 不低于285元/月/人 (8)",
        ]
    );
    assert_eq!(
        target_changes(pair(&d, 1)),
        ["1.15万人左右 → 1.2万人左右 (500)", "75% → 80% (5)"]
    );
    assert_eq!(
        target_changes(pair(&d, 27)),
        ["746间 → 520间 (-226)", "12个 → 15个 (3)"]
    );
    assert_eq!(
        target_changes(pair(&d, 30)),
        ["从99.9844%提高到99.9850% → 从99.9850%提高到99.9860% (0.001)"]
    );
    assert_eq!(
        target_changes(pair(&d, 17)),
        ["65% → 68% (3)", "1196个 → 1200个 (4)", "20% → 25% (5)"],
        "the 2—3岁 range is unchanged"
    );
    assert_eq!(pair(&d, 17).targets_unchanged, 1);
    // Lead units: 区残联 joins 区民政局 on 残疾人福利保障.
    assert_eq!(pair(&d, 11).lead_units_added, ["区残联"]);
    assert!(pair(&d, 11).lead_units_removed.is_empty());
    assert_eq!(pair(&d, 2).support_units_added, ["区市场监管局"]);
    // The table's 项目名称 and 主要目标任务 read as the inline sentence.
    assert!(!pair(&d, 3).text_changed, "{:?}", pair(&d, 3).text_diff);
    assert!(!pair(&d, 34).text_changed);
    assert!(!pair(&d, 21).text_changed);
    assert!(pair(&d, 21).targets.is_empty());
    // 15 lost two clauses and no target.
    let p = pair(&d, 15);
    assert!(p.targets.is_empty() && p.text_changed);
    let removed: Vec<&str> = p
        .text_diff
        .iter()
        .filter(|s| s.edit == Edit::Removed)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(removed, ["，实现应保尽保", "，实现应救尽救"]);
    assert!(d.projects.continued.iter().all(|p| !p.category_moved));

    // Categories: seven continue (two renumbered), four are dropped.
    let categories: Vec<(u32, u32, &str)> = d
        .categories
        .continued
        .iter()
        .map(|c| (c.old.number, c.new.number, c.new.name.as_str()))
        .collect();
    assert_eq!(
        categories,
        [
            (1, 1, "促进就业"),
            (2, 2, "社会保障"),
            (3, 3, "困难群体救助"),
            (4, 4, "教育惠民"),
            (5, 5, "卫生健康"),
            (9, 6, "城乡建设"),
            (10, 7, "公共安全"),
        ]
    );
    let c = &d.categories.continued[2];
    assert_eq!(
        (c.old.projects, c.new.projects, c.continued_projects),
        (12, 6, 6)
    );
    assert_eq!(
        (c.old.declared_count, c.new.declared_count),
        (Some(12), Some(6))
    );
    let gone: Vec<&str> = d
        .categories
        .dropped
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(gone, ["环境保护", "交通出行", "文体服务", "市级民生实事"]);
    assert!(d.categories.added.is_empty());
}

#[test]
fn yaohai_2024_notice_itself_to_2025() {
    // The 2024 notice (附件 1 list, printed twice) continues the same way.
    let d = minsheng::diff(
        &corpus("yaohai-2024.txt"),
        &corpus("district-2025-inline.txt"),
    );
    assert_yaohai_pair(&d);
    assert_eq!(d.totals.declared_total.old, Some(50));
    assert_eq!(d.totals.untasked.old, 15);
}

const OLD: &str = "附件 1

某某区2024年民生实事项目

一、社会保障（3 项）

（1）强化残疾人福利保障，一、二级困难残疾人生活补贴不低于277元/月/人。（牵头单位：区民政局）
（2）开展困难职工帮扶救助，为困难职工提供生活救助、子女助学、医疗救助等不少于45人次。（牵头单位：区总工会）
（3）强化困难退役军人服务保障，帮扶困难退役军人和军属烈属68人。（牵头单位：区退役军人事务局）

二、教育惠民（2 项）

（4）实施老有所学行动，全区老年学校新增学习人数0.69万人左右，老年学校总数达到80个。（牵头单位：区委老干局）
（5）推进学校建设，新建公办幼儿园3所，新增学位900个；改造提升农村学校运动场10个。（牵头单位：区教体局）

三、城乡建设（2 项）

（6）推进充换电基础设施建设，新建公共充电桩190个以上。（牵头单位：区住建局）
（7）稳步推进城市危旧房和城镇老旧小区改造，改造城镇老旧小区12个。（牵头单位：区住建局）
";

/// The next year of [`OLD`]: every project renumbered, the categories
/// reordered; 1 raised (277 → 290 元/月/人), 2 raised, 3 dropped, 4 led by
/// another unit, 5 split into two, 6 reworded and raised, 7 unchanged, one
/// new project (8).
const NEW: &str = "附件 1

某某区2025年民生实事项目

一、教育惠民（3 项）

（1）新建公办幼儿园4所，新增学位1200个。（牵头单位：区教体局）
（2）改造提升农村学校运动场12个。（牵头单位：区教体局）
（3）实施老有所学行动，全区老年学校新增学习人数0.72万人左右，老年学校总数达到85个。（牵头单位：区教体局）

二、社会保障（2 项）

（4）开展困难职工帮扶救助，为困难职工提供生活救助、子女助学、医疗救助等不少于50人次。（牵头单位：区总工会）
（5）强化残疾人福利保障，一、二级困难残疾人生活补贴不低于290元/月/人。（牵头单位：区民政局）

三、城乡建设（3 项）

（6）加快充换电基础设施建设，全区新建公共充电桩200个以上。（牵头单位：区住建局）
（7）稳步推进城市危旧房和城镇老旧小区改造，改造城镇老旧小区12个。（牵头单位：区住建局）
（8）实施全民健身设施补短板工程，新增全民健身场所30个。（牵头单位：区教体局）
";

#[test]
fn constructed_pair_every_known_answer() {
    let d = minsheng::diff(&parse(OLD), &parse(NEW));
    assert_eq!(
        continued(&d),
        [(5, 1), (4, 3), (2, 4), (1, 5), (6, 6), (7, 7)],
        "matched by content, not number"
    );
    assert_eq!(added(&d), [2, 8]);
    assert_eq!(dropped(&d), [3]);

    // Raised: 277 → 290 元/月/人, the comparator kept.
    let p = pair(&d, 1);
    assert_eq!(
        target_changes(p),
        ["不低于277元/月/人 → 不低于290元/月/人 (13)"]
    );
    assert_eq!(p.targets[0].fields, [TargetField::Value]);
    assert!(p.lead_units_added.is_empty() && p.lead_units_removed.is_empty());
    assert_eq!(
        target_changes(pair(&d, 2)),
        ["不少于45人次 → 不少于50人次 (5)"]
    );

    // Another lead unit.
    let p = pair(&d, 4);
    assert_eq!(p.lead_units_added, ["区教体局"]);
    assert_eq!(p.lead_units_removed, ["区委老干局"]);
    assert_eq!(
        target_changes(p),
        ["0.69万人左右 → 0.72万人左右 (300)", "80个 → 85个 (5)"]
    );

    // Split: the kindergartens continue as 1, the sports grounds are new as
    // 2, split from 5; 5's sports-ground target is not in 1.
    let p = pair(&d, 5);
    assert_eq!(
        target_changes(p),
        ["3所 → 4所 (1)", "900个 → 1200个 (300)", "- 10个"]
    );
    let part = &d.projects.added[0];
    assert_eq!(part.project.number, 2);
    let from = part.split_from.as_ref().expect("2 is split from 5");
    assert_eq!((from.number, from.score.to_string().as_str()), (5, "1"));
    assert_eq!(d.projects.added[1].split_from, None, "8 is new");
    assert_eq!(
        d.projects.added[1].nearest, None,
        "and like nothing of 2024"
    );

    // Reworded: 推进 → 加快, 全区 added, 190 → 200.
    let p = pair(&d, 6);
    assert!(p.text_changed);
    assert_eq!(target_changes(p), ["190个以上 → 200个以上 (10)"]);
    let marked: String = p
        .text_diff
        .iter()
        .map(|s| match s.edit {
            Edit::Same => s.text.clone(),
            Edit::Removed => format!("[-{}-]", s.text),
            Edit::Added => format!("{{+{}+}}", s.text),
        })
        .collect();
    assert_eq!(
        marked,
        "[-推进-]{+加快+}充换电基础设施建设，{+全区+}新建公共充电桩[-190-]{+200+}个以上。"
    );

    // 7 is the same project, unchanged.
    let p = pair(&d, 7);
    assert!(!p.changed && !p.text_changed && p.targets.is_empty());
    assert_eq!(p.score.to_string(), "1");

    // Categories: all three continue, renumbered; none moved a project.
    let categories: Vec<(u32, u32)> = d
        .categories
        .continued
        .iter()
        .map(|c| (c.old.number, c.new.number))
        .collect();
    assert_eq!(categories, [(2, 1), (1, 2), (3, 3)]);
    assert!(d.projects.continued.iter().all(|p| !p.category_moved));
    let t = &d.totals;
    assert_eq!((t.continued, t.changed, t.added, t.dropped), (6, 5, 2, 1));
    assert_eq!(t.target_changes, 8);
}

#[test]
fn the_other_way_round_a_split_is_a_merge() {
    let d = minsheng::diff(&parse(NEW), &parse(OLD));
    assert_eq!(
        continued(&d),
        [(5, 1), (4, 2), (3, 4), (1, 5), (6, 6), (7, 7)]
    );
    assert_eq!(added(&d), [3]);
    assert_eq!(dropped(&d), [2, 8]);
    let merged = d.projects.dropped[0]
        .merged_into
        .as_ref()
        .expect("2 merged");
    assert_eq!(merged.number, 5);
    assert_eq!(d.projects.dropped[1].merged_into, None);
}

#[test]
fn a_project_moved_to_another_category_is_reported() {
    let old = parse("附件 1\n一、社会保障（2 项）\n（1）实施困难残疾人康复工程，为856名残疾人提供康复救助。（牵头单位：区残联）\n（2）持续优化无障碍环境，为255户困难重度残疾人家庭实施无障碍改造。（牵头单位：区残联）\n二、卫生健康（1 项）\n（3）实施出生缺陷防治提升行动，新生儿遗传代谢病筛查率达到98%以上。（牵头单位：区卫健委）\n");
    let new = parse("附件 1\n一、社会保障（1 项）\n（1）持续优化无障碍环境，为260户困难重度残疾人家庭实施无障碍改造。（牵头单位：区残联）\n二、卫生健康（2 项）\n（2）实施出生缺陷防治提升行动，新生儿遗传代谢病筛查率达到98%以上。（牵头单位：区卫健委）\n（3）实施困难残疾人康复工程，为880名残疾人提供康复救助。（牵头单位：区残联）\n");
    let d = minsheng::diff(&old, &new);
    assert_eq!(continued(&d), [(2, 1), (3, 2), (1, 3)]);
    let p = pair(&d, 1);
    assert!(p.category_moved && p.changed);
    assert_eq!(p.old.category_name.as_deref(), Some("社会保障"));
    assert_eq!(p.new.category_name.as_deref(), Some("卫生健康"));
    assert!(!pair(&d, 2).category_moved && !pair(&d, 3).category_moved);
    assert!(
        p.score.to_string().parse::<f64>().unwrap() >= 0.9,
        "another category lowers the score a little: {}",
        p.score
    );
    let categories: Vec<(u32, u32)> = d
        .categories
        .continued
        .iter()
        .map(|c| (c.old.number, c.new.number))
        .collect();
    assert_eq!(categories, [(1, 1), (2, 2)]);
}

#[test]
fn a_heavier_rewording_is_a_near_miss_not_a_match() {
    // Half of the words changed: below the threshold (0.462 < 0.5), so the
    // two are dropped and added, each naming the other as its nearest.
    let old = parse(
        "附件 1\n（1）推进充换电基础设施建设，新建公共充电桩190个以上。（牵头单位：区住建局）\n",
    );
    let new = parse(
        "附件 1\n（1）加快充电设施建设，全区新建公共充电桩不少于200个。（牵头单位：区住建局）\n",
    );
    let d = minsheng::diff(&old, &new);
    assert!(d.projects.continued.is_empty());
    let nearest = d.projects.added[0].nearest.as_ref().expect("a near miss");
    assert_eq!(
        (nearest.number, nearest.score.to_string().as_str()),
        (1, "0.462")
    );
    assert_eq!(
        d.projects.dropped[0].nearest.as_ref().map(|l| l.number),
        Some(1)
    );
    // A lower threshold takes it.
    let options = minsheng::diff::DiffOptions { threshold: 0.4 };
    let d = minsheng::diff::diff_with(&old, &new, &options);
    assert_eq!(continued(&d), [(1, 1)]);
    assert_eq!(d.threshold.to_string(), "0.4");
}

#[test]
fn projects_of_the_same_kind_are_not_the_same_project() {
    // A middle-school project dropped and a kindergarten one new, same lead
    // unit, same category, both 新建…所，新增学位…个: not a continuation.
    let old = parse("附件 1\n一、教育惠民（1 项）\n（1）新建改扩建中小学3所，新增学位5400个。（牵头单位：区教体局）\n");
    let new = parse("附件 1\n一、教育惠民（1 项）\n（1）新建公办幼儿园3所，新增学位900个。（牵头单位：区教体局）\n");
    let d = minsheng::diff(&old, &new);
    assert!(d.projects.continued.is_empty(), "{:?}", continued(&d));
    assert_eq!((added(&d), dropped(&d)), (vec![1], vec![1]));
}

#[test]
fn traditional_characters_match_their_simplified_forms() {
    let old = parse("附件 1\n（1）強化殘疾人福利保障，困難殘疾人生活補貼不低於277元/月/人。（牽頭單位：區民政局）\n");
    let new = parse("附件 1\n（1）强化残疾人福利保障，困难残疾人生活补贴不低于290元/月/人。（牵头单位：区民政局）\n");
    let d = minsheng::diff(&old, &new);
    assert_eq!(continued(&d), [(1, 1)]);
    assert_eq!(target_changes(pair(&d, 1)).len(), 1);
}

#[test]
fn a_notice_diffed_with_itself_continues_everything_unchanged() {
    let notice = corpus("yaohai-2024.txt");
    let d = minsheng::diff(&notice, &notice);
    assert_eq!(d.totals.continued, 37);
    assert_eq!(
        (d.totals.changed, d.totals.added, d.totals.dropped),
        (0, 0, 0)
    );
    assert!(d
        .projects
        .continued
        .iter()
        .all(|p| p.old.index == p.new.index));
    assert!(d
        .projects
        .continued
        .iter()
        .all(|p| p.score.to_string() == "1"));
}

#[test]
fn a_json_output_read_back_diffs_as_the_notice_itself() {
    let old = corpus("district-2024-table.txt");
    let new = corpus("district-2025-inline.txt");
    let back: Notice = serde_json::from_str(&minsheng::emit::canonical(&old)).unwrap();
    assert_eq!(
        minsheng::emit::to_canonical(&minsheng::diff(&back, &new)),
        minsheng::emit::to_canonical(&minsheng::diff(&old, &new))
    );
}

#[test]
fn empty_and_refused_notices_diff_to_nothing() {
    let empty = minsheng::parse("");
    let some = parse(OLD);
    let d = minsheng::diff(&empty, &some);
    assert_eq!(
        (d.totals.continued, d.totals.added, d.totals.dropped),
        (0, 7, 0)
    );
    let d = minsheng::diff(&empty, &empty);
    assert!(d.projects.continued.is_empty() && d.categories.continued.is_empty());
}

/// Every corpus notice against every other: each project is on exactly one
/// list of its side (continued, or added/dropped), pairs are one to one and
/// above the threshold, and the same inputs give the same bytes.
#[test]
fn every_corpus_pair_keeps_the_invariants() {
    let mut names: Vec<String> = std::fs::read_dir("corpus")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") || n.ends_with(".html"))
        .collect();
    names.sort();
    let notices: Vec<Notice> = names.iter().map(|n| corpus(n)).collect();
    for old in &notices {
        for new in &notices {
            let d = minsheng::diff(old, new);
            let mut old_seen: Vec<u32> = d.projects.continued.iter().map(|p| p.old.index).collect();
            old_seen.extend(d.projects.dropped.iter().map(|r| r.project.index));
            let mut new_seen: Vec<u32> = d.projects.continued.iter().map(|p| p.new.index).collect();
            new_seen.extend(d.projects.added.iter().map(|a| a.project.index));
            old_seen.sort_unstable();
            new_seen.sort_unstable();
            let all = |n: usize| (0..n as u32).collect::<Vec<u32>>();
            assert_eq!(
                old_seen,
                all(old.plan.projects.len()),
                "{:?}",
                old.source.name
            );
            assert_eq!(
                new_seen,
                all(new.plan.projects.len()),
                "{:?}",
                new.source.name
            );
            let threshold = d.threshold;
            assert!(d.projects.continued.iter().all(|p| p.score >= threshold));
            let olds: BTreeSet<u32> = d
                .categories
                .continued
                .iter()
                .map(|c| c.old.number)
                .collect();
            assert_eq!(
                olds.len(),
                d.categories.continued.len(),
                "categories one to one"
            );
            for p in &d.projects.continued {
                let spell = |keep: Edit| -> String {
                    p.text_diff
                        .iter()
                        .filter(|s| s.edit == Edit::Same || s.edit == keep)
                        .map(|s| s.text.as_str())
                        .collect()
                };
                if p.text_changed {
                    assert_eq!(spell(Edit::Removed), p.old.text);
                    assert_eq!(spell(Edit::Added), p.new.text);
                }
            }
            let again = minsheng::diff(old, new);
            assert_eq!(
                minsheng::emit::to_canonical(&d),
                minsheng::emit::to_canonical(&again)
            );
        }
    }
}

#[test]
fn a_very_short_new_project_is_not_a_part_of_an_old_one() {
    // 电信诈骗 is inside the old text, but three bigrams are too few to say
    // it was split off.
    let old =
        parse("附件 1\n（1）严打电信网络诈骗，坚决遏制电信诈骗犯罪。（牵头单位：瑶海公安分局）\n");
    let new = parse("附件 1\n（1）严打电信网络诈骗，坚决遏制电信诈骗犯罪。（牵头单位：瑶海公安分局）\n（2）电信诈骗。（牵头单位：瑶海公安分局）\n");
    let d = minsheng::diff(&old, &new);
    assert_eq!((continued(&d), added(&d)), (vec![(1, 1)], vec![2]));
    assert_eq!(d.projects.added[0].split_from, None);
}
