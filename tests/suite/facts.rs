//! What each corpus notice states, checked against its parse: not a
//! snapshot, but the facts a reader of the notice would list.

use minsheng::model::Notice;
use minsheng::Code;

use crate::support::{corpus_notice as parse, project};

fn codes_at(n: &Notice, code: Code) -> Vec<u32> {
    n.diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| d.line)
        .collect()
}

#[test]
fn seed_frame() {
    let n = parse("yaohai-2024.txt");
    let d = &n.document;
    let number = d.doc_number.as_ref().expect("瑶民生办〔2024〕1号");
    assert_eq!(
        (number.agency.as_str(), number.year, number.serial),
        ("瑶民生办", 2024, 1)
    );
    assert_eq!(
        d.title.as_deref(),
        Some("瑶海区民生工作领导小组办公室关于2024年实施50项民生实事的通知")
    );
    assert_eq!(d.addressees, ["各街镇", "龙岗片区", "区有关单位"]);
    let headings: Vec<&str> = d.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "提高政治站位",
            "抓好统筹协调",
            "保障资金投入",
            "坚持监督问效",
            "强化宣传引导"
        ]
    );
    assert!(
        d.sections[1]
            .text
            .starts_with("各项民生实事牵头单位要抓好行业领域内工作统筹"),
        "the page-break split is joined"
    );
    assert_eq!(d.attachment_list.len(), 2);
    assert_eq!(
        d.attachment_list[1].title,
        "瑶海区2024年50项民生实事推进措施"
    );
    assert_eq!(d.issuer.as_deref(), Some("瑶海区民生工作领导小组办公室"));
    assert_eq!(d.date.as_deref(), Some("2024-04-24"));
}

#[test]
fn seed_plan() {
    let n = parse("yaohai-2024.txt");
    let plan = &n.plan;
    assert_eq!(
        (plan.region.as_deref(), plan.year, plan.declared_total),
        (Some("瑶海区"), Some(2024), Some(50))
    );
    let numbers: Vec<u32> = plan.projects.iter().map(|p| p.number).collect();
    assert_eq!(numbers, (1..=37).collect::<Vec<_>>());
    let counts: Vec<Option<u32>> = plan.categories.iter().map(|c| c.declared_count).collect();
    assert_eq!(counts.len(), 12);
    assert_eq!(counts.iter().flatten().sum::<u32>(), 52);
    assert_eq!(plan.untasked.len(), 15);
    assert_eq!(plan.untasked[0], "支持毕业生求职创业补贴");
    assert_eq!(plan.untasked[14], "培育“食安名坊”");
    // Every project has its lead units and its measures.
    for p in &plan.projects {
        assert!(
            !p.lead_units.is_empty(),
            "project {} has a lead unit",
            p.number
        );
        assert!(!p.measures.is_empty(), "project {} has measures", p.number);
        assert!(p.support_units.is_empty());
    }
    assert_eq!(project(&n, 17).lead_units, ["区教体局", "区卫健委"]);
    assert_eq!(
        project(&n, 21).lead_units,
        ["区卫健委"],
        "the clause split over two lines"
    );
    assert_eq!(project(&n, 30).lead_units, ["合肥供电公司瑶海供电服务中心"]);
    assert_eq!(project(&n, 7).text, "推动实现残疾人较高质量就业，为有需求的残疾人开展职业技能培训和创业培训85人（次）。实施“阳光家园计划”托养服务项目，开展就业年龄段智力、精神和重度肢体残疾人托养服务不少于600人。");
    assert_eq!(project(&n, 1).category, Some(1));
    assert_eq!(project(&n, 37).category, Some(11));
    // 附件 2's measures are merged in by number, (七) and （七） alike.
    assert_eq!(project(&n, 7).measures.len(), 4);
    assert_eq!(project(&n, 2).measures.len(), 4);
    assert_eq!(project(&n, 24).measures.len(), 2, "no 推进措施 header");
    assert_eq!(project(&n, 26).measures.len(), 2, "推进举措");
    let m20: Vec<u32> = project(&n, 20).measures.iter().map(|m| m.number).collect();
    assert_eq!(m20, [1, 3]);
}

#[test]
fn seed_attachments_and_diagnostics() {
    let n = parse("yaohai-2024.txt");
    assert_eq!(n.attachments.len(), 2);
    for a in &n.attachments {
        assert_eq!(a.copies.len(), 2, "附件 {} is printed twice", a.number);
    }
    assert_eq!(n.attachments[0].copies[0].start_line, 32);
    assert_eq!(n.attachments[1].copies[1].start_line, 682);
    assert_eq!(codes_at(&n, Code::NumberingGap), [368]);
    assert_eq!(codes_at(&n, Code::StrayText), [25, 146, 680]);
    assert_eq!(
        codes_at(&n, Code::TextDiffersBetweenAttachments),
        [350, 488]
    );
    assert_eq!(codes_at(&n, Code::UnparsedText), Vec::<u32>::new());
    let total = n
        .diagnostics
        .iter()
        .find(|d| d.code == Code::CountMismatch)
        .expect("the 50 is explained");
    assert!(
        total.message.contains("categories 一–十"),
        "{}",
        total.message
    );
    assert!(total.message.contains("十一"), "{}", total.message);
}

#[test]
fn wrapped_variant_gives_the_seed_plan() {
    let seed = parse("yaohai-2024.txt");
    let wrapped = parse("yaohai-2024-wrapped.txt");
    assert_eq!(seed.plan.projects.len(), wrapped.plan.projects.len());
    for (a, b) in seed.plan.projects.iter().zip(&wrapped.plan.projects) {
        assert_eq!(a.text, b.text, "project {}", a.number);
        assert_eq!(a.lead_units, b.lead_units, "project {}", a.number);
        let ma: Vec<&str> = a.measures.iter().map(|m| m.text.as_str()).collect();
        let mb: Vec<&str> = b.measures.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(ma, mb, "measures of project {}", a.number);
        let ta: Vec<_> = a
            .targets
            .iter()
            .map(|q| (q.value(), &q.unit, q.cmp()))
            .collect();
        let tb: Vec<_> = b
            .targets
            .iter()
            .map(|q| (q.value(), &q.unit, q.cmp()))
            .collect();
        assert_eq!(ta, tb, "targets of project {}", a.number);
    }
    assert_eq!(seed.plan.untasked, wrapped.plan.untasked);
    assert_eq!(
        seed.document.sections.len(),
        wrapped.document.sections.len()
    );
    assert_eq!(codes_at(&wrapped, Code::UnparsedText), Vec::<u32>::new());
}

#[test]
fn inline_notice_lists_projects_in_the_body() {
    let n = parse("district-2025-inline.txt");
    assert_eq!(n.plan.projects.len(), 18);
    assert_eq!(n.plan.categories.len(), 7);
    assert_eq!(n.plan.categories[2].declared_count, Some(6));
    let p2 = project(&n, 2);
    assert_eq!(p2.lead_units, ["区商务局"]);
    assert_eq!(
        p2.support_units,
        ["区人社局", "区市场监管局"],
        "配合单位 support, never lead"
    );
    assert_eq!(project(&n, 3).support_units, ["区财政局"]);
    assert_eq!(project(&n, 7).lead_units, ["区民政局", "区残联"]);
    assert!(n.attachments.is_empty());
    assert_eq!(
        n.document.date.as_deref(),
        Some("2025-03-18"),
        "not the 印发 date"
    );
    assert_eq!(n.document.sections.len(), 3);
    assert!(
        n.diagnostics.iter().all(|d| d.code != Code::UnparsedText),
        "{:?}",
        n.diagnostics
    );
}

#[test]
fn table_notice_maps_columns_by_header() {
    let n = parse("district-2024-table.txt");
    assert_eq!(n.plan.projects.len(), 37);
    assert_eq!(n.plan.categories.len(), 11);
    assert_eq!(n.plan.categories[2].name, "困难群体救助");
    assert_eq!(n.plan.categories[2].declared_count, Some(12));
    let p17 = project(&n, 17);
    assert_eq!(
        p17.lead_units,
        ["区教体局", "区卫健委"],
        "a cell over two lines"
    );
    assert_eq!(
        p17.support_units,
        ["各街镇"],
        "责任单位 beside 牵头单位 supports"
    );
    assert_eq!(p17.category, Some(4));
    assert_eq!(p17.name.as_deref(), Some("实施“安心托幼”行动"));
    assert_eq!(
        project(&n, 22).support_units,
        ["区城管局", "区市场监管局", "各街镇"]
    );
    assert_eq!(project(&n, 36).category, Some(11));
    assert_eq!(n.document.date.as_deref(), Some("2024-05-08"));
    assert!(
        n.diagnostics.iter().all(|d| d.code != Code::UnparsedText),
        "{:?}",
        n.diagnostics
    );
}

/// The plan of another reading of the seed equals the seed's: projects,
/// texts, units, targets, measures, untasked items.
fn assert_same_plan(seed: &Notice, other: &Notice) {
    assert_eq!(seed.plan.projects.len(), other.plan.projects.len());
    for (a, b) in seed.plan.projects.iter().zip(&other.plan.projects) {
        assert_eq!((a.number, a.category), (b.number, b.category));
        assert_eq!(a.text, b.text, "project {}", a.number);
        assert_eq!(a.lead_units, b.lead_units, "project {}", a.number);
        let ta: Vec<_> = a
            .targets
            .iter()
            .map(|q| (&q.text, q.value(), &q.unit, q.cmp()))
            .collect();
        let tb: Vec<_> = b
            .targets
            .iter()
            .map(|q| (&q.text, q.value(), &q.unit, q.cmp()))
            .collect();
        assert_eq!(ta, tb, "targets of project {}", a.number);
        let ma: Vec<&str> = a.measures.iter().map(|m| m.text.as_str()).collect();
        let mb: Vec<&str> = b.measures.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(ma, mb, "measures of project {}", a.number);
    }
    assert_eq!(seed.plan.untasked, other.plan.untasked);
    assert_eq!(seed.plan.categories.len(), other.plan.categories.len());
    assert_eq!(seed.plan.declared_total, other.plan.declared_total);
}

#[test]
fn gbk_copy_gives_the_seed_plan_at_the_same_lines() {
    let seed = parse("yaohai-2024.txt");
    let gbk = parse("yaohai-2024-gbk.txt");
    assert_eq!(gbk.source.encoding, "GB18030");
    assert_same_plan(&seed, &gbk);
    // Lines and columns too (byte spans differ: the GBK copy has CRLF).
    let positions = |n: &Notice| -> Vec<(u32, Vec<(u32, u32)>)> {
        n.plan
            .projects
            .iter()
            .map(|p| {
                (
                    p.line,
                    p.targets.iter().map(|q| (q.line, q.column)).collect(),
                )
            })
            .collect()
    };
    assert!(
        positions(&seed) == positions(&gbk),
        "project and target positions"
    );
    let diagnostics = |n: &Notice| -> Vec<(Code, u32, u32)> {
        n.diagnostics
            .iter()
            .map(|d| (d.code, d.line, d.column))
            .collect()
    };
    assert!(
        diagnostics(&seed) == diagnostics(&gbk),
        "diagnostic positions"
    );
}

#[test]
fn web_page_gives_the_seed_plan() {
    let seed = parse("yaohai-2024.txt");
    let page = parse("yaohai-2024-page.html");
    assert_eq!(page.source.format, "html");
    assert_same_plan(&seed, &page);
    let d = &page.document;
    assert_eq!(
        d.doc_number.as_ref().map(|n| n.text.as_str()),
        Some("瑶民生办〔2024〕1号")
    );
    assert_eq!(
        d.date.as_deref(),
        Some("2024-04-24"),
        "the 成文日期, not the 发布日期 2024-04-26"
    );
    assert_eq!(d.sections.len(), 5);
    assert_eq!(d.issuer.as_deref(), Some("瑶海区民生工作领导小组办公室"));
    assert_eq!(page.attachments.len(), 2);
    assert!(
        page.diagnostics
            .iter()
            .all(|d| d.code != Code::UnparsedText),
        "{:?}",
        page.diagnostics
    );
    // Positions point into the HTML file.
    let p1 = project(&page, 1);
    let line = std::fs::read_to_string(format!(
        "{}/corpus/yaohai-2024-page.html",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    .lines()
    .nth(p1.targets[0].line as usize - 1)
    .unwrap()
    .to_string();
    assert!(line.contains("万人左右"), "{line}");
}

#[test]
fn seed_targets_are_exact() {
    let n = parse("yaohai-2024.txt");
    let t = |number: u32| -> Vec<String> {
        project(&n, number)
            .targets
            .iter()
            .map(|q| {
                let mut s = format!("{:?} {} {}", q.cmp(), q.value(), q.unit);
                if let Some(from) = q.amount.from() {
                    s.push_str(&format!(" from {from}"));
                }
                s
            })
            .collect()
    };
    assert_eq!(t(1), ["Approx 11500 人", "Eq 75 %"]);
    // Units as printed (issue 11); the canonical unit reads 人次.
    assert_eq!(t(7), ["Eq 85 人（次）", "Ge 600 人"]);
    assert_eq!(project(&n, 7).targets[0].canonical_unit, "人次");
    assert_eq!(
        t(11),
        ["Ge 277 元/月/人", "Ge 185 元/月/人", "Ge 277 元/月/人"]
    );
    assert_eq!(t(14), ["Eq 30000 元"]);
    assert_eq!(t(15), ["Ge 99 %", "Ge 80 %", "Ge 75 %", "Ge 60 %"]);
    assert_eq!(t(17), ["Eq 65 %", "Eq 1196 个", "Eq 20 %", "Range 2 岁"]);
    assert_eq!(t(21), ["Ge 98 %", "Ge 95 %"]);
    assert_eq!(t(23), ["Eq 12650 个", "Eq 2586 个"]);
    assert_eq!(t(30), ["Eq 99.985 % from 99.9844"]);
    assert!(t(4).is_empty(), "一件事一次办理 is not a target");
    assert!(
        t(25).iter().all(|q| !q.contains("分钟")),
        "“15分钟阅读圈” is a name"
    );
    // The column of a target is its first character in the original line.
    let q = &project(&n, 1).targets[0];
    assert_eq!(
        (q.line, q.column),
        (38, 22),
        "“1.15 万人左右” after “（1）促进…就业 ”"
    );
}

/// A diagnostic about one project carries its number (`project`), and one
/// about the frame, a category or the totals carries none.
#[test]
fn diagnostics_name_the_project_they_concern() {
    let n = parse("yaohai-2024-gbk.txt");
    let named: Vec<(Code, u32, Option<u32>)> = n
        .diagnostics
        .iter()
        .filter_map(|d| {
            let rest = d.message.split("project ").nth(1)?;
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            Some((d.code, digits.parse().ok()?, d.project))
        })
        .collect();
    assert!(named.len() >= 2, "{named:?}");
    for (code, number, project) in &named {
        assert_eq!(Some(*number), *project, "{code}");
    }
    // 附件 2's measure list numbering gap is in project 20's measures.
    assert!(n
        .diagnostics
        .iter()
        .any(|d| d.code == Code::NumberingGap && d.project == Some(20)));
    for d in &n.diagnostics {
        if d.code == Code::CountMismatch {
            assert_eq!(d.project, None, "{}", d.message);
        }
    }
}
