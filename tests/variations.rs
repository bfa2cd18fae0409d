//! How real notices differ from the seed (../shared/VARIATIONS.md), each as a
//! small notice and the facts it states. Every test names the variation.

use minsheng::model::{Notice, Project};

fn parse(text: &str) -> Notice {
    let parsed = minsheng::parse_bytes(text.as_bytes(), &minsheng::Options::default());
    assert!(
        parsed.unaccounted_lines.is_empty(),
        "{:?}",
        parsed.unaccounted_lines
    );
    parsed.notice
}

fn project(n: &Notice, number: u32) -> &Project {
    n.plan
        .projects
        .iter()
        .find(|p| p.number == number)
        .unwrap_or_else(|| panic!("project {number} in {:#?}", n.plan))
}

fn codes(n: &Notice) -> Vec<&str> {
    n.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn categories_without_counts_and_projects_restarting_at_one() {
    let n = parse(
        "附件\n\n某某县2025年民生实事项目\n\n一、就业创业\n1、新增城镇就业3000人以上。\n牵头单位：县人社局\n责任单位：各乡镇\n2、发放创业担保贷款不少于5000万元。\n牵头单位：县人社局、县财政局\n二、教育提升\n1、新建改扩建幼儿园3所。\n牵头单位：县教育局\n分管领导：副县长李某\n",
    );
    let names: Vec<&str> = n.plan.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["就业创业", "教育提升"]);
    assert_eq!(n.plan.projects.len(), 3);
    let p = &n.plan.projects[0];
    assert_eq!(p.lead_units, ["县人社局"]);
    assert_eq!(
        p.support_units,
        ["各乡镇"],
        "责任单位 beside 牵头单位 supports"
    );
    let last = &n.plan.projects[2];
    assert_eq!((last.number, last.category), (1, Some(2)));
    assert_eq!(
        last.leaders,
        ["副县长李某"],
        "a 分管领导 is a person, not a unit"
    );
    assert!(last.lead_units == ["县教育局"]);
    assert_eq!(n.plan.region.as_deref(), Some("某某县"));
}

#[test]
fn projects_in_the_body_without_categories_and_a_signature_right_after() {
    let n = parse(
        "市人民政府关于2023年市政府民生实事项目的通知\n各区人民政府，市政府各部门：\n2023年市政府确定实施以下民生实事项目，具体安排如下：\n（一）新建公办幼儿园10所，新增学位3600个。（责任单位：市教育局）\n（二）改造老旧小区120个，惠及居民2.8万户。（责任单位：市住建局；配合单位：各区政府）\n（三）新增停车泊位5000个以上。（责任单位：市交通局）\n市人民政府\n2023年1月20日\n",
    );
    assert_eq!(n.plan.projects.len(), 3);
    assert_eq!(
        project(&n, 3).text,
        "新增停车泊位5000个以上。",
        "the signature is not project text"
    );
    assert_eq!(
        project(&n, 2).lead_units,
        ["市住建局"],
        "责任单位 leads when no 牵头 is named"
    );
    assert_eq!(project(&n, 2).support_units, ["各区政府"]);
    assert_eq!(n.document.issuer.as_deref(), Some("市人民政府"));
    assert_eq!(n.document.date.as_deref(), Some("2023-01-20"));
    assert_eq!(n.document.addressees, ["各区人民政府", "市政府各部门"]);
    let t = &project(&n, 3).targets[0];
    assert_eq!(
        (t.value.to_string(), t.unit.as_str()),
        ("5000".into(), "个")
    );
}

#[test]
fn categories_numbered_di_and_projects_circled() {
    let n = parse(
        "关于做好2024年民生实事工作的通知\n\n各县（市）、区人民政府：\n\n2024年民生实事项目如下：\n\n第一类 就业服务\n①开展职业技能培训2万人次（牵头部门：市人社局）\n②新增城镇就业5.5万人（牵头部门：市人社局）\n第二类 社会保障\n③城乡居民基础养老金最低标准提高到每人每月200元（牵头部门：市人社局）\n\n某市人民政府办公室\n2024年3月1日\n",
    );
    assert_eq!(n.plan.categories.len(), 2);
    assert_eq!(n.plan.categories[1].name, "社会保障");
    assert_eq!(project(&n, 3).category, Some(2));
    assert_eq!(project(&n, 2).targets[0].value.to_string(), "55000");
    assert_eq!(
        n.document.addressees,
        ["各县（市）人民政府", "各区人民政府"],
        "a shared head noun"
    );
}

#[test]
fn chinese_numbered_projects_with_two_clauses_and_inline_measures() {
    let n = parse(
        "索引号：11340000-2024-00012\n发文字号：皖民生办〔2024〕2号\n成文日期：2024-03-05\n发布日期：2024-03-08\n\n安徽省民生工作领导小组办公室关于印发2024年30项民生实事的通知\n\n各市、县人民政府，省直有关单位：\n\n现将2024年民生实事印发给你们。\n\n一、实施就业促进行动，新增城镇就业65万人以上。（牵头单位：省人社厅；共同责任单位：各市人民政府）\n推进措施：一是加强重点群体就业帮扶；二是开展技能培训50万人次；三是落实稳岗政策。\n二、实施残疾人托养服务，为不少于1.2万名残疾人提供托养服务。〔牵头单位:省残联;配合单位:各县(市)区人民政府〕\n三、实施城乡居民基础养老金提标，每人每月提高20元。\n（牵头单位：省人社厅、省财政厅）\n\n安徽省民生工作领导小组办公室\n2024年3月5日\n",
    );
    let number = n
        .document
        .doc_number
        .as_ref()
        .expect("from the metadata block");
    assert_eq!(number.text, "皖民生办〔2024〕2号");
    assert_eq!(
        n.document.date.as_deref(),
        Some("2024-03-05"),
        "成文日期, not 发布日期"
    );
    assert_eq!(n.plan.projects.len(), 3);
    let p1 = project(&n, 1);
    assert_eq!(p1.lead_units, ["省人社厅"]);
    assert_eq!(p1.support_units, ["各市人民政府"]);
    let measures: Vec<&str> = p1.measures.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(
        measures,
        [
            "加强重点群体就业帮扶；",
            "开展技能培训50万人次；",
            "落实稳岗政策。"
        ]
    );
    assert_eq!(p1.measures[1].quantities[0].unit, "人次");
    let p2 = project(&n, 2);
    assert_eq!(
        p2.lead_units,
        ["省残联"],
        "〔〕 brackets and half-width colons"
    );
    assert_eq!(
        p2.support_units,
        ["各县（市）区人民政府"],
        "a unit with brackets of its own"
    );
    assert_eq!(
        project(&n, 3).lead_units,
        ["省人社厅", "省财政厅"],
        "the clause on the next line"
    );
    assert_eq!(n.plan.declared_total, Some(30));
    assert!(
        codes(&n).contains(&"count-mismatch"),
        "30 announced, 3 listed"
    );
}

#[test]
fn a_table_with_cell_bars_and_split_header_cells() {
    let n = parse(
        "附件\n\n2024年民生实事项目清单\n\n序号 |\n项目名称 |\n主要内容 |\n牵头 单位 |\n责任 单位 |\n1 |\n老旧小区改造 |\n改造老旧小区30个。 |\n区住建局 |\n各街道 |\n2 |\n新建停车泊位 |\n新增停车泊位2000个以上。 |\n区城管局 |\n|\n",
    );
    assert_eq!(n.plan.projects.len(), 2);
    let p1 = project(&n, 1);
    assert_eq!(p1.name.as_deref(), Some("老旧小区改造"));
    assert_eq!(
        (p1.lead_units.as_slice(), p1.support_units.as_slice()),
        (&["区住建局".to_string()][..], &["各街道".to_string()][..])
    );
    assert!(project(&n, 2).support_units.is_empty(), "an empty cell");
    assert_eq!(
        project(&n, 2).targets[0].cmp,
        minsheng::model::Comparator::Ge
    );
}

#[test]
fn a_category_count_broken_onto_the_next_line_and_a_lost_parenthesis() {
    let n = parse(
        "附件1\n\n一、促进就业(\n3 项)\n\n1)新增城镇就业1万人以上。(牵头单位:区人社局)\n2)开展培训500人次。(牵头单位:区人社局)\n3)新增公益岗位100个。(牵头单位:区人社局)\n",
    );
    assert_eq!(n.plan.categories.len(), 1);
    assert_eq!(n.plan.categories[0].declared_count, Some(3));
    assert_eq!(n.plan.projects.len(), 3);
    assert!(!codes(&n).contains(&"count-mismatch"));
}

#[test]
fn page_furniture_between_pages_is_set_aside() {
    let n = parse(
        "附件 1\n\n一、促进就业（1 项）\n\n（1）新增城镇就业 1.15 万人左右，“三公里”充分就业社\n— 2 —\n\u{c}某某区民生办文件\n区数量达到城市社区的 75%。（牵头单位：区人社局）\n— 3 —\n\u{c}某某区民生办文件\n",
    );
    let p = project(&n, 1);
    assert_eq!(
        p.text,
        "新增城镇就业1.15万人左右，“三公里”充分就业社区数量达到城市社区的75%。"
    );
    assert_eq!(p.lead_units, ["区人社局"]);
}

#[test]
fn a_page_number_glued_after_the_clause_is_set_aside_and_said() {
    let n = parse("附件1\n\n（1）新增城镇就业1万人以上。(牵头单位:省残联)3\n（2）新建幼儿园2所。（牵头单位：省教育厅）\n");
    assert_eq!(project(&n, 1).text, "新增城镇就业1万人以上。");
    assert_eq!(project(&n, 1).lead_units, ["省残联"]);
    assert_eq!(codes(&n), ["stray-text"]);
}

#[test]
fn a_plan_printed_after_the_signature_without_an_attachment_label() {
    let n = parse("某某区人民政府办公室关于印发2024年民生实事实施方案的通知\n\n各街道：\n\n现将方案印发给你们。\n\n某某区人民政府办公室\n2024年2月1日\n\n2024年民生实事实施方案\n\n一、就业\n（一）新增就业1000人。（牵头单位：区人社局）\n（二）培训500人次。（牵头单位：区人社局）\n二、教育\n（三）新建幼儿园1所。（牵头单位：区教育局）\n");
    assert_eq!(n.plan.projects.len(), 3);
    assert_eq!(n.plan.categories.len(), 2);
    assert_eq!(project(&n, 3).category, Some(2));
    assert_eq!(n.document.date.as_deref(), Some("2024-02-01"));
    assert_eq!(n.document.preamble.as_deref(), Some("现将方案印发给你们。"));
    assert!(codes(&n).is_empty(), "{:?}", n.diagnostics);
}
