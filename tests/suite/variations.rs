//! How real notices differ from the seed (../shared/VARIATIONS.md), each as a
//! small notice and the facts it states. Every test names the variation.

use minsheng::model::Notice;
use minsheng::Code;

use crate::support::{parse_text as parse, project};

fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(fields) => fields.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
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
        (t.value().to_string(), t.unit.as_str()),
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
    assert_eq!(project(&n, 2).targets[0].value().to_string(), "55000");
    assert_eq!(
        n.document.addressees,
        ["各县（市）、区人民政府"],
        "a group sharing its head noun is kept as printed"
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
        project(&n, 2).targets[0].cmp(),
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

#[test]
fn projects_without_numbers_a_title_line_then_paragraphs_then_their_units() {
    let n = parse(
        "附件\n\n某区2025年民生实事项目\n\n一、教育提升（2项）\n\n新建公办幼儿园\n在城区新建公办幼儿园2所，新增公办学位540个，进一步扩大普惠性学前教育资源。\n同步配齐保教人员，秋季学期前投入使用。\n责任单位：区教育局、区住建局\n\n中小学午餐提质\n为全区中小学生提供营养午餐，覆盖学生1.2万人，推行校长陪餐和家长监督制度。\n责任单位：区教育局\n\n二、养老服务（1项）\n\n社区食堂扩面\n在老年人口集中的社区新建社区老年食堂8个，提供助餐服务。\n牵头单位：区民政局\n责任单位：各街道\n",
    );
    assert_eq!(
        n.plan.projects.len(),
        3,
        "each 责任单位 line closes a record"
    );
    let first = project(&n, 1);
    assert_eq!(first.name.as_deref(), Some("新建公办幼儿园"));
    assert_eq!(first.lead_units, ["区教育局", "区住建局"]);
    assert_eq!(first.targets.len(), 2);
    assert_eq!(first.category, Some(1));
    let third = project(&n, 3);
    assert_eq!(third.category, Some(2));
    assert_eq!(third.lead_units, ["区民政局"]);
    assert_eq!(
        third.support_units,
        ["各街道"],
        "beside 牵头单位, 责任单位 support"
    );
    assert!(!codes(&n).contains(&"count-mismatch"));
}

#[test]
fn numbering_that_restarts_in_each_category_is_no_duplicate() {
    let n = parse(
        "附件\n\n一、就业（2项）\n1、新增就业500人。（牵头单位：县人社局）\n2、开展技能培训300人次。（牵头单位：县人社局）\n二、医疗（2项）\n1、建设村卫生室5个。（牵头单位：县卫健委）\n2、免费体检2000人。（牵头单位：县卫健委）\n",
    );
    assert_eq!(n.plan.projects.len(), 4);
    let ids: Vec<(Option<u32>, u32)> = n
        .plan
        .projects
        .iter()
        .map(|p| (p.category, p.number))
        .collect();
    assert_eq!(
        ids,
        [(Some(1), 1), (Some(1), 2), (Some(2), 1), (Some(2), 2)]
    );
    assert!(
        !codes(&n).contains(&"numbering-duplicate"),
        "{:?}",
        codes(&n)
    );
}

#[test]
fn per_project_implementation_plans_merge_by_order_into_the_list() {
    let n = parse(
        "附件1\n\n某县2025年民生实事目标任务\n\n（1）完成老旧小区改造12个，惠及居民3000户。（牵头单位：县住建局）\n（2）新建城市口袋公园4个。（牵头单位：县城管局）\n\n附件2\n\n某县2025年民生实事实施方案\n\n一、老旧小区改造\n（一）目标任务\n完成老旧小区改造12个。\n（二）责任分工\n牵头单位：县住建局\n配合单位：县财政局\n（三）推进措施\n1.3月底前完成设计。\n2.6月底前全部开工。\n（四）完成时限：2025年12月底前。\n二、口袋公园建设\n（一）目标任务\n新建口袋公园4个。\n（二）责任分工\n牵头单位：县城管局\n（三）工作措施\n一是选址公示；二是分批建设；三是验收移交。\n",
    );
    assert_eq!(n.plan.projects.len(), 2);
    let first = project(&n, 1);
    assert_eq!(
        first.measures.len(),
        2,
        "1.3月底前 is item 1, not the decimal 1.3"
    );
    assert_eq!(first.measures[0].text, "3月底前完成设计。");
    assert_eq!(
        project(&n, 2).measures.len(),
        3,
        "一是/二是/三是 under 工作措施"
    );
    assert!(!codes(&n).contains(&"orphan-measures"));
}

#[test]
fn a_word_table_pasted_with_tabs_and_its_header_repeated() {
    let n = parse(
        "附件\n\n序号\t项目名称\t主要内容\t牵头单位\t配合单位\n1\t幼儿园建设\t新建幼儿园3所。\t区教育局\t区住建局\n2\t老年食堂\t新建老年食堂10个。\t区民政局\t\n\t\t同步开展助餐服务1万人次。\t\t各街道\n序号\t项目名称\t主要内容\t牵头单位\t配合单位\n3\t停车泊位\t新增停车泊位800个。\t区城管局\t区交通局\n",
    );
    assert_eq!(
        n.plan.projects.len(),
        3,
        "the repeated header is no project"
    );
    let second = project(&n, 2);
    assert_eq!(
        second.targets.len(),
        2,
        "a row without 序号 continues the project above"
    );
    assert_eq!(second.support_units, ["各街道"]);
    assert_eq!(project(&n, 1).support_units, ["区住建局"]);
    assert_eq!(project(&n, 3).lead_units, ["区城管局"]);
}

#[test]
fn a_table_one_cell_per_line_between_blank_lines() {
    let n = parse(
        "附件\n\n序号\n\n项目名称\n\n建设内容\n\n责任单位\n\n1\n\n农村公路\n\n新改建农村公路50公里。\n\n县交通局\n\n2\n\n饮水安全\n\n\u{a0}\n\n县水利局\n县卫健委\n\n3\n\n充电设施\n\n新建公共充电桩200个。\n\n县发改委\n",
    );
    assert_eq!(n.plan.projects.len(), 3);
    assert_eq!(project(&n, 1).targets[0].value().to_string(), "50");
    assert_eq!(
        project(&n, 2).lead_units,
        ["县水利局", "县卫健委"],
        "one unit per line"
    );
    assert_eq!(project(&n, 3).lead_units, ["县发改委"]);
}

#[test]
fn a_pdf_table_with_residue_lines_and_categories_across_the_table() {
    let n = parse(
        "附件\n\n类别 |\n序号 |\n目标任务 |\n牵头 单位 |\n一、 教育 文化 (2项) |\n1 |\n新建图书馆分馆3个。 |\n市文旅局 |\n||||\n2 |\n改造教室照明200间。 |\n市教育局 |\n||||\n二、 社会 保障 (1项) |\n3 |\n发放高龄津贴不低于100元/月/人。 |\n市民政局 |\n||||\n三、保障措施\n各单位要加强组织领导。\n",
    );
    let names: Vec<(&str, Option<u32>)> = n
        .plan
        .categories
        .iter()
        .map(|c| (c.name.as_str(), c.declared_count))
        .collect();
    assert_eq!(names, [("教育文化", Some(2)), ("社会保障", Some(1))]);
    assert_eq!(n.plan.projects.len(), 3);
    assert_eq!(project(&n, 3).category, Some(2));
    assert_eq!(
        project(&n, 3).targets[0].cmp(),
        minsheng::model::Comparator::Ge
    );
    assert_eq!(
        project(&n, 3).text,
        "发放高龄津贴不低于100元/月/人。",
        "the heading after the table does not join the last row"
    );
}

#[test]
fn a_project_with_only_responsible_units_is_led_by_them() {
    let n = parse(
        "附件\n\n1.新建公园2个。\n牵头单位：区城管局\n责任单位：各街道\n2.新增学位500个。\n责任单位：区教育局\n",
    );
    assert_eq!(project(&n, 1).lead_units, ["区城管局"]);
    assert_eq!(project(&n, 1).support_units, ["各街道"]);
    assert_eq!(
        project(&n, 2).lead_units,
        ["区教育局"],
        "alone, 责任单位 lead"
    );
}

#[test]
fn word_bullets_after_a_project_are_its_measures_and_a_later_section_is_no_category() {
    let n = parse(
        "某区人民政府关于2025年重点民生实事的通知\n各街道办事处，区政府各部门：\n一、总体要求\n坚持以人民为中心，办好群众急难愁盼的实事。\n二、主要任务\n（一）\t新建学校。新建中小学校2所，新增学位1800个。（牵头单位：区教委）\n●加快前期工作，3月底前开工。\n●同步配置教学设备。\n（二）\t改造老旧小区。改造老旧小区15个。（牵头单位：区住建委）\n●坚持一小区一方案。\n三、保障措施\n（一）\t加强组织领导。区政府成立工作专班，统筹推进各项工作。\n（二）\t强化资金保障。区财政局及时足额拨付资金。\n某区人民政府\n2025年2月1日\n",
    );
    assert_eq!(
        n.plan.projects.len(),
        2,
        "三、保障措施's items carry no clause: not projects"
    );
    let first = project(&n, 1);
    assert_eq!(first.measures.len(), 2);
    assert_eq!(first.measures[0].text, "加快前期工作，3月底前开工。");
    assert!(n.plan.categories.iter().all(|c| c.name != "保障措施"));
}

#[test]
fn a_table_one_row_per_line_with_bars_and_a_category_column_printed_once() {
    let n = parse(
        "附件\n\n类别 | 序号 | 项目名称及年度目标任务 | 责任单位 |\n一、 促进 就业 (2项) | 1 | 新增城镇就业4200人。 | 县人社局 |\n | 2 | 培训家政服务人员1200人次。 | 县商务局 |\n二、 社会 保障 (1项) | 3 | 为困难重度残疾人家庭实施无障碍改造150户。 | 县残联、县民政局 |\n",
    );
    let cats: Vec<(u32, &str, Option<u32>)> = n
        .plan
        .categories
        .iter()
        .map(|c| (c.number, c.name.as_str(), c.declared_count))
        .collect();
    assert_eq!(cats, [(1, "促进就业", Some(2)), (2, "社会保障", Some(1))]);
    assert_eq!(
        project(&n, 2).category,
        Some(1),
        "an empty 类别 cell is the merged cell above"
    );
    assert_eq!(project(&n, 3).lead_units, ["县残联", "县民政局"]);
}

// ---------------------------------------------------------------------------
// The frame on every input, and the chrome around copies (issue 9, items 7–8).

#[test]
fn a_metadata_block_above_the_notice_fills_what_the_notice_lacks() {
    // A web copy: the site's name, a breadcrumb, a tab-separated metadata
    // block printed twice, buttons; the notice itself has no 文号 line.
    let n = parse(
        "青禾县人民政府门户网站\n首页 > 信息公开 > 通知公告\n索 引 号：\tQH-2024-0107\t分    类：\t综合政务\n发文字号：\t青政办〔2024〕7号\t成文日期：\t2024-02-06\n发布日期：\t2024-02-19\n索 引 号：\tQH-2024-0107\t分    类：\t综合政务\n发文字号：\t青政办〔2024〕7号\t成文日期：\t2024-02-06\n【打印】\t【关闭】\n青禾县人民政府办公室关于做好2024年惠民实事的通知\n各乡镇人民政府，县直各单位：\n现将今年的惠民实事通知如下：\n（一）新建村级养老服务站12个。（责任单位：县民政局）\n（二）新增公办幼儿园学位600个。（责任单位：县教育局）\n青禾县人民政府办公室\n",
    );
    let doc = &n.document;
    assert_eq!(
        doc.doc_number.as_ref().map(|d| d.text.as_str()),
        Some("青政办〔2024〕7号")
    );
    assert_eq!(
        doc.date.as_deref(),
        Some("2024-02-06"),
        "发布日期 is not the 成文日期"
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("青禾县人民政府办公室关于做好2024年惠民实事的通知")
    );
    assert_eq!(doc.addressees, ["各乡镇人民政府", "县直各单位"]);
    assert_eq!(n.plan.projects.len(), 2);
    assert!(codes(&n).contains(&"page-chrome"), "{:?}", codes(&n));
    assert!(
        !codes(&n).contains(&"unparsed-text"),
        "{:#?}",
        n.diagnostics
    );
}

#[test]
fn the_notices_own_doc_number_and_date_win_over_the_metadata() {
    let n = parse(
        "文号：\t青政办〔2024〕9号\t发布日期：\t2024-03-30\n成文日期：\t2024-03-01\n青禾县人民政府办公室关于做好惠民实事的通知\n青政办〔2024〕8号\n各乡镇：\n（一）新建公厕20座。（责任单位：县城管局）\n青禾县人民政府办公室\n2024年3月2日\n",
    );
    let doc = &n.document;
    assert_eq!(
        doc.doc_number.as_ref().map(|d| d.serial),
        Some(8),
        "the 文号 under the title"
    );
    assert_eq!(doc.date.as_deref(), Some("2024-03-02"));
    assert_eq!(doc.issuer.as_deref(), Some("青禾县人民政府办公室"));
}

#[test]
fn a_mirror_sites_spam_where_the_issuer_stands_gives_no_issuer_but_the_date() {
    let n = parse(
        "关于实施2023年为民办实事项目的通知\n各街道：\n（一）改造背街小巷30条。（责任单位：区城管局）\n（二）新增停车位800个。（责任单位：区交通局）\n更多范文尽在 www.wenku-mirror.com 免费下载\n2023年2月10日\n",
    );
    assert_eq!(n.document.issuer, None);
    assert_eq!(n.document.date.as_deref(), Some("2023-02-10"));
    assert_eq!(n.plan.projects.len(), 2);
    assert!(codes(&n).contains(&"page-chrome"));
}

#[test]
fn a_joint_notice_names_both_organs_as_its_issuer() {
    let n = parse(
        "中共柳溪市委办公室　柳溪市人民政府办公室关于印发2024年民生实事的通知\n各县（区）党委和人民政府，市直各单位：\n（一）新增城镇就业2万人。（牵头单位：市人社局）\n（二）改造农村公路300公里。（牵头单位：市交通局）\n中共柳溪市委办公室　柳溪市人民政府办公室\n2024年1月8日\n",
    );
    assert_eq!(
        n.document.issuer.as_deref(),
        Some("中共柳溪市委办公室柳溪市人民政府办公室")
    );
    assert_eq!(n.document.date.as_deref(), Some("2024-01-08"));
    assert_eq!(
        n.document.addressees,
        ["各县（区）党委和人民政府", "市直各单位"]
    );
}

#[test]
fn the_letterhead_is_not_the_title_and_a_title_over_three_lines_is_joined() {
    // pdftotext paragraphs: blank lines end lines, so the title's three
    // pieces arrive as three lines.
    let n = parse(
        "柳溪市人民政府文件\n\n柳政〔2024〕3号\n\n柳溪市人民政府\n\n关于印发柳溪市2024年\n\n十件民生实事的通知\n\n各县区人民政府，市政府各部门：\n\n现将十件民生实事印发给你们。\n\n一、新增城镇就业2万人。（牵头单位：市人社局）\n\n二、新建口袋公园15个。（牵头单位：市住建局）\n\n柳溪市人民政府\n\n2024年1月20日\n",
    );
    let doc = &n.document;
    assert_eq!(
        doc.doc_number.as_ref().map(|d| d.agency.as_str()),
        Some("柳政")
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("柳溪市人民政府关于印发柳溪市2024年十件民生实事的通知")
    );
    assert_eq!(doc.addressees, ["各县区人民政府", "市政府各部门"]);
    assert_eq!(n.plan.projects.len(), 2);
}

#[test]
fn an_organ_letterhead_above_the_doc_number_is_taken_and_addressees_keep_a_shared_head_noun() {
    let n = parse(
        "柳溪市民生工作领导小组办公室\n\n柳民生办〔2025〕2号\n\n柳溪市民生工作领导小组办公室关于\n2025年民生实事的通知\n\n各县、区人民政府，各乡、镇人民政府，市有关单位：\n（一）新建养老食堂40个。（牵头单位：市民政局）\n柳溪市民生工作领导小组办公室\n2025年2月1日\n",
    );
    let doc = &n.document;
    assert_eq!(doc.doc_number.as_ref().map(|d| d.serial), Some(2));
    assert_eq!(
        doc.title.as_deref(),
        Some("柳溪市民生工作领导小组办公室关于2025年民生实事的通知")
    );
    assert_eq!(
        doc.addressees,
        ["各县、区人民政府", "各乡、镇人民政府", "市有关单位"],
        "a level word alone shares the head noun after it: kept as printed"
    );
    assert!(
        !codes(&n).contains(&"unparsed-text"),
        "{:#?}",
        n.diagnostics
    );
}

#[test]
fn a_garbled_running_header_inside_a_clause_is_page_furniture() {
    // PDF text: the header "柳民生办〔2025〕2号" at each page top, once garbled
    // ("〕" and "号" lost, split over two lines, page number alone after it)
    // inside a lead-unit clause; a "— 3 —" page number inside another.
    let n = parse(
        "柳民生办〔2025〕2号\n关于2025年民生实事的通知\n各区：\n附件\n一、就业（2项）\n1）开展职业技能培训1万人次。（牵头单位：市人力资源\n— 2 —\n柳民生办〔2025〕2号\n和社会保障局）\n2）新增公益性岗位500个。（牵头单位：市人力资源社会\n柳民生办〔\n20252\n3\n保障局）\n二、教育（1项）\n3）新建幼儿园4所。（牵头单位：市教\n— 4 —\n柳民生办〔2025〕2号\n育局）\n",
    );
    assert_eq!(project(&n, 1).lead_units, ["市人力资源和社会保障局"]);
    assert_eq!(project(&n, 2).lead_units, ["市人力资源社会保障局"]);
    assert_eq!(project(&n, 3).lead_units, ["市教育局"]);
    assert_eq!(
        n.document.doc_number.as_ref().map(|d| d.text.as_str()),
        Some("柳民生办〔2025〕2号"),
        "the header printed whole at the top is the notice's own 文号"
    );
}

#[test]
fn forum_chrome_and_reader_comments_are_kept_out_of_the_projects_and_reported() {
    let n = parse(
        "发表于 2024-3-12 09:41\n本帖最后由 小区居民 于 2024-3-12 10:02 编辑\n关于2024年为民办实事项目的通知\n各镇街：\n（一）新建社区食堂8个。（责任单位：区民政局）\n思考：去年的食堂建成了几个？\n（二）改造老旧小区15个。（责任单位：区住建局）\n回复 举报\n相关推荐\n2023年为民办实事完成情况\n2022年为民办实事项目公示 2022-02-01\n",
    );
    assert_eq!(n.plan.projects.len(), 2);
    assert_eq!(project(&n, 1).text, "新建社区食堂8个。");
    assert!(n.plan.projects.iter().all(|p| !p.text.contains("思考")));
    let chrome: Vec<_> = n
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::PageChrome)
        .collect();
    assert_eq!(chrome.len(), 3, "{chrome:#?}");
    assert!(
        chrome[1].message.contains("a reader's comment"),
        "{}",
        chrome[1].message
    );
    assert_eq!(chrome[1].line, 6);
    assert!(
        !codes(&n).contains(&"unparsed-text"),
        "{:#?}",
        n.diagnostics
    );
}

#[test]
fn html_navigation_the_reader_skips_is_reported_not_dropped() {
    let page = "<html><body><div class=\"nav\"><a href=\"/\">首页</a><a href=\"/x\">政务公开</a></div><div class=\"article\"><p>附件1</p><p>一、就业（1项）</p><p>（1）新增城镇就业800人。（牵头单位：区人社局）</p></div><div class=\"footer\">主办：某区人民政府办公室</div></body></html>";
    let parsed = minsheng::parse_bytes(page.as_bytes(), &minsheng::Options::default());
    let n = parsed.notice;
    assert_eq!(n.plan.projects.len(), 1);
    let chrome: Vec<_> = n
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::PageChrome)
        .collect();
    assert_eq!(
        chrome.len(),
        2,
        "navigation above, footer below: {chrome:#?}"
    );
    assert!(chrome[0].message.contains("首页"), "{}", chrome[0].message);
    assert!(chrome[1].message.contains("主办"), "{}", chrome[1].message);
}

#[test]
fn an_html_table_cell_with_one_unit_per_paragraph() {
    let n = parse(
        "<html><body><div class=\"article\"><p>附件</p><table><tr><td>序号</td><td>项目名称</td><td>主要内容</td><td>牵头单位</td></tr><tr><td>1</td><td>道路整治</td><td>整治学校周边道路<span>1</span>2条。</td><td><p>区住建局</p><p>区城管局</p></td></tr><tr><td>2</td><td>老年食堂</td><td>新建老年食堂6个。</td><td>区民政局</td></tr></table></div></body></html>",
    );
    assert_eq!(n.plan.projects.len(), 2);
    assert_eq!(project(&n, 1).lead_units, ["区住建局", "区城管局"]);
    assert_eq!(
        project(&n, 1).targets[0].value().to_string(),
        "12",
        "a number split across spans"
    );
}

#[test]
fn a_copy_in_traditional_characters_is_read_and_reported_as_printed() {
    let text = "關於印發某某縣2025年為民辦實事項目的通知\n\n各鄉鎮人民政府，縣直各單位：\n現將2025年為民辦實事項目印發給你們。\n\n附件\n\n一、教育醫療（3項）\n1.新建幼兒園2所，新增學位540個。（牽頭單位：縣教育局）\n推進措施：1.加快建設進度，確保9月開學。\n2.為老年人免費體檢3萬人次。（責任單位：縣衛健局、縣醫保局）\n3.為殘疾人免費適配輔具200件。\n";
    let n = parse(text);
    // Every string of the result is given back as printed, diagnostics too.
    let forms = minsheng::internals::traditional::PrintedForms::learn(text);
    let mut strings = Vec::new();
    collect_strings(&serde_json::to_value(&n).unwrap(), &mut strings);
    assert!(
        strings.iter().any(|s| s.contains("加快建設進度")),
        "measure"
    );
    for s in &strings {
        assert_eq!(forms.restore(s), s.as_str(), "not as printed");
    }
    assert_eq!(n.plan.categories[0].name, "教育醫療", "category as printed");
    assert_eq!(n.plan.categories[0].declared_count, Some(3));
    assert_eq!(
        n.plan.projects.len(),
        3,
        "牽頭單位 and 項 read through the fold"
    );
    assert_eq!(project(&n, 1).lead_units, ["縣教育局"]);
    assert_eq!(
        project(&n, 2).lead_units,
        ["縣衛健局", "縣醫保局"],
        "責任單位 alone leads"
    );
    let units: Vec<&str> = project(&n, 1)
        .targets
        .iter()
        .map(|q| q.unit.as_str())
        .collect();
    assert_eq!(units, ["所", "個"], "units as printed");
    assert_eq!(
        n.document.title.as_deref(),
        Some("關於印發某某縣2025年為民辦實事項目的通知")
    );
}

#[test]
fn a_web_copy_whose_metadata_table_is_copied_cell_by_cell_with_tabs() {
    let n = parse(
        "某某区人民政府网站\n首页 | 政务公开 | 政策文件 | 互动交流\n索引号\t0001/2025-00018\t主题分类\t综合政务\n发文机关\t某某区人民政府办公室\t成文日期\t2025-03-03\n标题\t某某区人民政府办公室关于印发2025年民生实事的通知\n发文字号\t某府办〔2025〕6号\t发布日期\t2025-03-07\n\n某某区人民政府办公室关于印发2025年民生实事的通知\n\n各镇人民政府、街道办事处：\n现将2025年民生实事印发给你们，请认真组织实施。\n1.新增公办学位6000个。（责任单位：区教育局）\n2.新增托位1200个。（责任单位：区卫生健康局）\n某某区人民政府办公室\n2025年3月3日\n发文机关：某某区人民政府办公室　成文日期：2025-03-03\n",
    );
    let d = &n.document;
    assert_eq!(
        d.doc_number.as_ref().map(|x| x.text.as_str()),
        Some("某府办〔2025〕6号"),
        "发文字号 read from its cell"
    );
    assert_eq!(
        d.title.as_deref(),
        Some("某某区人民政府办公室关于印发2025年民生实事的通知"),
        "the 标题 cell's label is not part of the title"
    );
    assert_eq!(d.addressees, ["各镇人民政府", "街道办事处"]);
    assert_eq!(d.date.as_deref(), Some("2025-03-03"));
    assert!(
        !codes(&n).contains(&"unparsed-text"),
        "the menu bar and the metadata lines printed again below are page matter: {:?}",
        n.diagnostics
    );
    assert_eq!(n.plan.projects.len(), 2);
}

#[test]
fn forum_buttons_after_the_date_leave_the_signature_whole() {
    let n = parse(
        "某县人民政府办公室关于印发2025年民生实事项目的通知\n各乡镇人民政府：\n现将项目印发给你们。\n1.新增城镇就业2600人。（责任单位：县人社局）\n2.开展食品安全抽检1800批次。（责任单位：县市场监管局）\n某县人民政府办公室\n2025年2月27日\n\n回复\n\n举报\n",
    );
    assert_eq!(n.document.issuer.as_deref(), Some("某县人民政府办公室"));
    assert_eq!(n.document.date.as_deref(), Some("2025-02-27"));
    assert!(codes(&n).contains(&"page-chrome"));
}

#[test]
fn addressees_sharing_a_place_or_an_organ_stay_one_as_printed() {
    let n = parse(
        "关于印发2025年民生实事项目的通知\n各镇乡党委、人民政府，各街道党工委、办事处，溧阳高新区、天目湖旅游度假区管委会，市各委、办、局：\n现将项目印发给你们。\n1.新增城镇就业2600人。（责任单位：市人社局）\n",
    );
    assert_eq!(
        n.document.addressees,
        [
            "各镇乡党委、人民政府",
            "各街道党工委、办事处",
            "溧阳高新区、天目湖旅游度假区管委会",
            "市各委、办、局"
        ]
    );
}

#[test]
fn an_excerpt_whose_list_starts_past_one_is_still_a_list() {
    let n = parse(
        "附件\n\n某某区2025年民生实事项目（续）\n\n（十二）新建公办幼儿园2所。（牵头单位：区教育局）\n（十三）新增停车泊位800个。（牵头单位：区交通局）\n",
    );
    let numbers: Vec<u32> = n.plan.projects.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [12, 13], "numbered as printed");
    assert_eq!(project(&n, 13).lead_units, ["区交通局"]);
    assert!(!codes(&n).contains(&"no-projects"));
}

#[test]
fn a_second_attachment_that_says_more_or_otherwise_is_merged_and_said() {
    let n = parse(
        "附件1\n\n某区2025年民生实事项目\n\n1.新建幼儿园3所。（牵头单位：区教育局）\n2.新增停车泊位500个。（牵头单位：区交通局）\n\n附件2\n\n某区2025年民生实事项目推进措施\n\n（一）新建幼儿园3所。（牵头单位：区人社局；配合单位：区财政局）\n推进措施：1.加快建设。\n（二）新增停车泊位500个。\n推进措施：1.挖潜增位。\n（三）改造老旧小区5个。（牵头单位：区住建局）\n推进措施：1.加快改造。\n",
    );
    let first = project(&n, 1);
    assert_eq!(
        first.lead_units,
        ["区教育局"],
        "the list's lead unit is kept"
    );
    assert_eq!(
        first.support_units,
        ["区财政局"],
        "a unit only 附件2 names is added"
    );
    let conflicts: Vec<&minsheng::model::DiagnosticRecord> = n
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::Conflict)
        .collect();
    assert!(
        conflicts
            .iter()
            .any(|d| d.message.contains("区人社局") && d.labels.iter().any(|l| l.line == 5)),
        "the other lead unit is said, pointing at the list's line: {conflicts:?}"
    );
    assert!(conflicts.iter().any(|d| d.message.contains("区财政局")));
    let third = project(&n, 3);
    assert!(
        third.only_in_measures,
        "a project only 附件2 has is kept, marked"
    );
    assert_eq!(third.lead_units, ["区住建局"]);
    assert_eq!(third.measures.len(), 1);
    assert!(codes(&n).contains(&"orphan-measures"));
}

#[test]
fn a_bare_clause_after_the_last_sentence_names_the_lead() {
    let n = parse(
        "附件\n\n某区2025年为民办实事项目\n\n一、教育卫生\n1.新建幼儿园6所，新增学位5850个。责任单位：区教育局\n2.新增普惠托位600个。责任单位：区卫健委、区教育局\n",
    );
    assert_eq!(
        n.plan.categories.len(),
        1,
        "一、 is the category, not a project"
    );
    assert_eq!(project(&n, 1).lead_units, ["区教育局"]);
    assert_eq!(project(&n, 1).text, "新建幼儿园6所，新增学位5850个。");
    assert_eq!(project(&n, 2).lead_units, ["区卫健委", "区教育局"]);
}

#[test]
fn category_headings_without_numbers_declare_their_count() {
    let n = parse(
        "附件\n\n具体项目如下：\n\n教育医疗类（2项）\n\n（1）新建学校2所。\n主办单位：区教育体育局\n协办单位：区发展改革委\n\n（2）建成智慧药房10个。\n主办单位：区卫生健康委\n\n社会保障类（1项）\n\n（3）新增城镇就业8500人。\n主办单位：区人社局\n",
    );
    let cats: Vec<(&str, Option<u32>)> = n
        .plan
        .categories
        .iter()
        .map(|c| (c.name.as_str(), c.declared_count))
        .collect();
    assert_eq!(cats, [("教育医疗类", Some(2)), ("社会保障类", Some(1))]);
    assert_eq!(project(&n, 3).category, Some(2));
    assert_eq!(
        project(&n, 1).lead_units,
        ["区教育体育局"],
        "主办单位 leads"
    );
    assert_eq!(project(&n, 1).support_units, ["区发展改革委"]);
    assert!(
        project(&n, 2).targets.iter().all(|q| q.unit != "项"),
        "the heading's count is no target of the project above it"
    );
}

#[test]
fn a_markdown_table_with_its_rule_line_and_a_column_we_do_not_read() {
    let n = parse(
        "附件\n\n某区2024年民生实事项目\n\n| 序号 | 牵头单位 | 项目名称 | 目标任务 | 资金（万元） |\n|---|---|---|---|---|\n| 1 | 区教育局 | 新增公办学位 | 新建学校4所。 | 3000 |\n| 2 | 区卫生健康局 | 社区健康服务 | 新建社区健康服务中心3家。 | 800 |\n",
    );
    assert_eq!(n.plan.projects.len(), 2);
    assert_eq!(project(&n, 2).lead_units, ["区卫生健康局"]);
    assert_eq!(project(&n, 1).name.as_deref(), Some("新增公办学位"));
    assert!(
        project(&n, 1).targets.iter().all(|q| q.unit != "万元"),
        "the money column is not the project's target"
    );
}

#[test]
fn items_without_a_local_task_under_another_heading_and_a_bracket_left_open() {
    let n = parse(
        "附件\n\n某县2024年民生实事项目\n\n一、就业和社会保障（2项）\n1.新增城镇就业3000人。（牵头单位：县人社局）\n2.改造农村公路40公里。（\n牵头单位：县交通运输局）\n二、我县无具体任务的项目\n分别为：普惠托育服务扩容、“皖美好家”建设。\n",
    );
    assert_eq!(
        n.plan.untasked,
        ["普惠托育服务扩容", "“皖美好家”建设"],
        "无具体任务 names the untasked items too"
    );
    assert_eq!(
        project(&n, 2).lead_units,
        ["县交通运输局"],
        "the clause opened at the end of a line closes on the next"
    );
}

#[test]
fn a_web_page_centres_the_organ_and_the_rest_of_the_title_in_two_paragraphs() {
    let html = "<html><body><div class=\"article\">\
<p align=\"center\"><strong>某区人民政府办公室</strong></p>\
<p align=\"center\"><strong>关于印发某区2025年民生实事的通知</strong></p>\
<p align=\"center\">某府办发〔2025〕7号</p>\
<p>各镇人民政府，区级各部门：</p><p>现将项目印发给你们。</p>\
<p>（一）改造老旧小区20个。（牵头单位：区住建委）</p>\
<p>（二）新增停车泊位800个。（牵头单位：区交通局）</p>\
<p>某区人民政府办公室</p><p>2025年3月1日</p></div></body></html>";
    let n = minsheng::parse_bytes(html.as_bytes(), &minsheng::Options::default()).notice;
    assert_eq!(
        n.document.title.as_deref(),
        Some("某区人民政府办公室关于印发某区2025年民生实事的通知")
    );
    assert_eq!(n.plan.projects.len(), 2);
}

#[test]
fn the_total_announced_in_the_body_not_the_title() {
    let n = parse(
        "某市人民政府办公室关于印发第二批民生实事项目的通知\n各区人民政府：\n第一批民生实事项目（第1—11项）已印发实施。现将第二批民生实事项目2项印发给你们。\n12.新建幼儿园3所。（牵头单位：市教育局）\n13.新增泊位500个。（牵头单位：市交通局）\n",
    );
    assert_eq!(
        n.plan.declared_total,
        Some(2),
        "2项 beside 实事; not 第1—11项, a range of numbers"
    );
    assert!(!codes(&n).contains(&"count-mismatch"));
}

#[test]
fn counts_said_with_gong_or_bare_a_dash_before_the_unit_and_a_marked_lead() {
    let n = parse(
        "附件\n\n某区2023年民生实事项目\n\n（一）促进教育公平（共2项）\n1）新建幼儿园3所，新增学位900个。——区教育局\n2）新增托位600个。——区卫健委、区教育局\n（二）民生保障类 1项\n3）改造老旧小区5个。\n责任单位：区住建局（牵头）、区财政局\n完成时限：2023年12月底\n",
    );
    let cats: Vec<(&str, Option<u32>)> = n
        .plan
        .categories
        .iter()
        .map(|c| (c.name.as_str(), c.declared_count))
        .collect();
    assert_eq!(cats, [("促进教育公平", Some(2)), ("民生保障类", Some(1))]);
    assert_eq!(
        project(&n, 1).lead_units,
        ["区教育局"],
        "——区教育局 answers for it"
    );
    assert_eq!(project(&n, 1).text, "新建幼儿园3所，新增学位900个。");
    let third = project(&n, 3);
    assert_eq!(third.lead_units, ["区住建局"], "（牵头） marks the lead");
    assert_eq!(third.support_units, ["区财政局"]);
    assert!(
        third.text.ends_with("完成时限：2023年12月底"),
        "the timetable is the project's, not a unit's name: {}",
        third.text
    );
}

#[test]
fn a_lead_named_once_for_the_projects_above() {
    let n = parse(
        "附件\n\n某区2024年民生实事项目\n\n（一）教育类（3项）\n（1）新建幼儿园2所。\n（2）新增学位900个。\n（3）配备心理教师60名。\n以上项目牵头单位：区教育和体育局\n（二）卫生类（1项）\n（4）建成社区医院2个。（牵头单位：区卫健局）\n",
    );
    for number in 1..=3 {
        assert_eq!(
            project(&n, number).lead_units,
            ["区教育和体育局"],
            "project {number}"
        );
    }
    assert_eq!(project(&n, 4).lead_units, ["区卫健局"]);
    assert!(!codes(&n).contains(&"missing-lead-unit"));
}

#[test]
fn a_tab_row_whose_text_cell_wraps_onto_the_next_line() {
    let n = parse(
        "附件\n\n某区2025年民生实事项目\n\n序号\t项目名称\t目标任务\t牵头单位\t完成时限\n1\t中小学扩容\t新建改扩建中小学校3所，新增学位\n2700个。\t区教育和体育局\t2025年9月\n2\t托育服务\t新增普惠托位400个。\t区卫健局\t2025年12月\n",
    );
    assert_eq!(n.plan.projects.len(), 2);
    let first = project(&n, 1);
    assert_eq!(first.text, "新建改扩建中小学校3所，新增学位2700个。");
    assert_eq!(first.lead_units, ["区教育和体育局"]);
    assert_eq!(project(&n, 2).lead_units, ["区卫健局"]);
}

#[test]
fn a_page_break_inside_a_clause_between_blank_lines() {
    let n = parse(
        "附件\n\n某区2023年民生实事项目\n\n1.新增城市停车泊位2500个以上。（牵\n\n— 3 —\n\n头单位：区城市管理局、区住建局）\n2.新建改造供热管网12公里。（牵头单位：区住建局）\n",
    );
    assert_eq!(project(&n, 1).lead_units, ["区城市管理局", "区住建局"]);
}

#[test]
fn units_parted_by_spaces_and_a_half_width_colon() {
    let n = parse(
        "附件\n\n某区2025年民生实事项目\n\n1.新建幼儿园2所。（牵头单位：区教育局 区财政局）\n2.新增泊位500个。\n牵头单位:区交通局  区城管局\n3.完成交通安全整治。（牵头单位：市公安局交警支队）\n",
    );
    assert_eq!(project(&n, 1).lead_units, ["区教育局", "区财政局"]);
    assert_eq!(project(&n, 2).lead_units, ["区交通局", "区城管局"]);
    assert_eq!(
        project(&n, 3).lead_units,
        ["市公安局交警支队"],
        "a branch of a unit is one name"
    );
}

#[test]
fn projects_counted_out_as_di_n_xiang_and_a_leader_glued_to_the_lead_label() {
    let n = parse(
        "附件\n\n某区2020年民生实事项目\n\n一、教育惠民（2项）\n第一项　新建中小学9所。\n牵头单位:区教育局 区财政局\n第二项　建设智慧校园20所。\n责任领导：刘洋　牵头单位：区教育局；区公安分局\n二、健康服务（1项）\n第三项　建成社区医院2个。\n牵头单位：区卫生健康局 各镇政府 各街道办事处\n",
    );
    assert_eq!(
        n.plan.categories.len(),
        2,
        "一、 are categories, 第N项 projects"
    );
    assert_eq!(n.plan.projects.len(), 3);
    assert_eq!(project(&n, 1).lead_units, ["区教育局", "区财政局"]);
    let second = project(&n, 2);
    assert_eq!(second.leaders, ["刘洋"]);
    assert_eq!(second.lead_units, ["区教育局", "区公安分局"]);
    assert_eq!(
        project(&n, 3).lead_units,
        ["区卫生健康局", "各镇政府", "各街道办事处"]
    );
}

#[test]
fn a_vote_list_numbered_xiangmu_and_an_item_without_a_local_task() {
    let n = parse(
        "某区人民政府关于实施2021年票决民生实事项目的通知\n各街道办事处：\n现将项目印发给你们。\n某区人民政府\n2021年2月8日\n\n票决产生的2件民生实事项目\n项目一：\n项目名称：公办幼儿园扩容\n建设内容：新建公办幼儿园5所。\n责任单位：区教育局\n责任领导：李晓东\n项目二：\n项目名称：老年助餐\n建设内容：新建老年食堂10个。\n责任单位：区民政局\n项目三：\n项目名称：实施高校毕业生“展翅行动”，由市人社局统筹实施，我区无具体任务。\n",
    );
    assert_eq!(
        n.document.title.as_deref(),
        Some("某区人民政府关于实施2021年票决民生实事项目的通知"),
        "the list starts at 项目一, not at the top"
    );
    assert_eq!(n.plan.projects.len(), 2);
    assert_eq!(project(&n, 1).lead_units, ["区教育局"]);
    assert_eq!(project(&n, 1).leaders, ["李晓东"]);
    assert_eq!(
        n.plan.untasked.len(),
        1,
        "无具体任务: untasked, not a project"
    );
}

#[test]
fn a_pdf_table_one_cell_per_line_without_a_serial_column() {
    let n = parse(
        "附件\n\n某区2020年为民办实事项目计划表\n\n项目名称\n主要建设内容\n牵头单位\n配合单位\n老旧小区改造\n改造老旧小区68个。\n区住建局\n各街道办事处\n\n— 2 —\n\n项目名称\n主要建设内容\n牵头单位\n配合单位\n背街小巷提升\n整治背街小巷35条。\n区城管局\n区住建局\n",
    );
    assert_eq!(
        n.plan.projects.len(),
        2,
        "rows of four lines, the header repeated"
    );
    assert_eq!(project(&n, 2).lead_units, ["区城管局"]);
    assert_eq!(project(&n, 2).support_units, ["区住建局"]);
    assert_eq!(project(&n, 1).name.as_deref(), Some("老旧小区改造"));
}

#[test]
fn lead_units_given_by_number_in_a_table_after_the_list() {
    let n = parse(
        "附件\n\n某区2019年为民办实事事项\n\n1.提高城乡低保标准\n年度目标：城乡低保标准提高到每人每月600元。\n2.背街小巷整治\n年度目标：整治背街小巷30条。\n\n某区2019年为民办实事事项责任分工表\n\n项目序号—牵头单位\n1—区民政局\n2—区城市管理局、区住建局\n",
    );
    assert_eq!(project(&n, 1).lead_units, ["区民政局"]);
    assert_eq!(project(&n, 2).lead_units, ["区城市管理局", "区住建局"]);
    assert!(
        !project(&n, 2).text.contains("分工表"),
        "the table is not the last project's text"
    );
    assert!(!codes(&n).contains(&"missing-lead-unit"));
}

/// A diagnostic that speaks of another place names it as a label, not in
/// its message: a project number given twice points at the first.
#[test]
fn a_repeated_project_number_points_at_the_first() {
    let n = minsheng::parse(
        "附件 1\n（1）新增托位 1196 个。（牵头单位：区教体局）\n（1）新增床位 5 张。（牵头单位：区卫健委）\n",
    );
    let d = n
        .diagnostics
        .iter()
        .find(|d| d.code == Code::NumberingDuplicate)
        .expect("the repeated number is reported");
    assert_eq!((d.line, d.message.contains("line")), (3, false), "{d:?}");
    assert_eq!(d.labels.len(), 1);
    assert_eq!(
        (d.labels[0].line, d.labels[0].message.as_str()),
        (2, "project 1 first")
    );
}

/// Who does the work said in a sentence, with no label anywhere: 由…牵头，
/// …配合 after the task, （…负责） in brackets, 此项工作由…, and 牵头单位为….
#[test]
fn lead_units_said_in_sentences() {
    let n = parse(
        "二、主要任务\n（一）促进就业\n1.城镇新增就业1.1万人。由区人力资源社会保障局牵头，各镇人民政府、街道办事处配合。\n2.开展职业技能培训6000人次以上。（区人力资源社会保障局负责）\n（二）教育医疗\n3.新增学位4050个，由区教育局、区卫生健康局共同负责。\n4.新建村卫生室20个。此项工作由区卫生健康局牵头，有关镇人民政府配合。\n5.新建社区养老服务综合体2个。牵头单位为区民政局，各镇（街道）具体实施。\n",
    );
    assert_eq!(n.plan.projects.len(), 5);
    let p = project(&n, 1);
    assert_eq!(p.lead_units, ["区人力资源社会保障局"]);
    assert_eq!(p.support_units, ["各镇人民政府", "街道办事处"]);
    assert_eq!(
        p.text, "城镇新增就业1.1万人。",
        "the sentence is not the task's text"
    );
    assert_eq!(project(&n, 2).lead_units, ["区人力资源社会保障局"]);
    assert_eq!(project(&n, 3).lead_units, ["区教育局", "区卫生健康局"]);
    assert_eq!(project(&n, 4).support_units, ["有关镇人民政府"]);
    let p = project(&n, 5);
    assert_eq!(
        (p.lead_units.as_slice(), p.support_units.as_slice()),
        (
            &["区民政局".to_string()][..],
            &["各镇（街道）".to_string()][..]
        )
    );
    assert_eq!(n.plan.categories.len(), 2);
}

/// Units at the head of an item, before a colon: "1.区人社局：…".
#[test]
fn lead_units_at_the_head_of_an_item() {
    let n = parse(
        "（一）就业社保\n1.区人社局：城镇新增就业6500人以上。\n2.区人社局、区财政局：发放创业担保贷款5000万元。\n3.区医保局牵头，区税务局配合：城乡居民医保参保率稳定在95%以上。\n",
    );
    assert_eq!(n.plan.projects.len(), 3);
    assert_eq!(project(&n, 1).lead_units, ["区人社局"]);
    assert_eq!(project(&n, 1).text, "城镇新增就业6500人以上。");
    assert_eq!(project(&n, 2).lead_units, ["区人社局", "区财政局"]);
    let p = project(&n, 3);
    assert_eq!(
        (p.lead_units.len(), p.support_units.as_slice()),
        (1, &["区税务局".to_string()][..])
    );
}

/// 责任主体 is a label; 实施单位 beside a 牵头部门 carry the work out and
/// support it (alone, they answer for it).
#[test]
fn implementing_units_and_responsible_bodies() {
    let n = parse(
        "1.改造老旧小区28个。\n牵头部门：区住建局\n实施单位：区城管局、相关街道办事处\n2.新建公厕30座。\n实施单位：区城管局\n3.建设口袋公园6个。\n责任主体：区园林局\n",
    );
    let p = project(&n, 1);
    assert_eq!(p.lead_units, ["区住建局"]);
    assert_eq!(p.support_units, ["区城管局", "相关街道办事处"]);
    assert_eq!(project(&n, 2).lead_units, ["区城管局"]);
    assert_eq!(project(&n, 3).lead_units, ["区园林局"]);
}

/// A WeChat article's copy: the call to follow and the editor's words
/// above the letterhead, emoji before the headings, credits and buttons
/// below. The notice starts at its letterhead; the emoji fold away.
#[test]
fn a_wechat_article_around_the_notice() {
    let n = parse(
        "点击上方蓝字 关注我们\n\n某某发布\n2025-03-19 17:45 发表于浙江\n\n🎉🎉重磅！今年的民生实事来了👇👇\n\n某某区人民政府办公室文件\n\n某政办发〔2025〕7号\n\n某某区人民政府办公室关于印发2025年某某区民生实事项目的通知\n\n各镇人民政府、街道办事处：\n\n现将《2025年某某区民生实事项目》印发给你们，请认真组织实施。\n\n附件：2025年某某区民生实事项目\n\n某某区人民政府办公室\n2025年3月14日\n\n📌 附件\n\n2025年某某区民生实事项目\n\n💼 一、就业增收（1项）\n\n01、稳岗扩就业。新增城镇就业1.1万人以上。\n责任单位：区人力社保局\n\n来源：某某区政府办\n编辑：张三\n\n— END —\n\n往期推荐\n▶某某区召开经济运行分析会\n\n分享 收藏 在看 12 点赞 36\n",
    );
    let d = &n.document;
    assert_eq!(
        d.doc_number.as_ref().map(|x| x.text.as_str()),
        Some("某政办发〔2025〕7号")
    );
    assert_eq!(
        d.title.as_deref(),
        Some("某某区人民政府办公室关于印发2025年某某区民生实事项目的通知")
    );
    assert_eq!(d.addressees, ["各镇人民政府", "街道办事处"]);
    assert_eq!(
        n.plan.categories[0].name, "就业增收",
        "the emoji is not the heading's"
    );
    assert_eq!(project(&n, 1).lead_units, ["区人力社保局"]);
    let before = n
        .diagnostics
        .iter()
        .find(|d| d.message.contains("before it"))
        .expect("the words above the letterhead are said");
    assert_eq!((before.code, before.labels[0].line), (Code::PageChrome, 8));
    assert!(!codes(&n).contains(&"unparsed-text"), "{:?}", n.diagnostics);
}

/// A 成文日期 printed to the month (ISO "2025-01"), the issuer above it;
/// a 附件说明 numbered 一、二、; counts written （2个项目）.
#[test]
fn a_date_to_the_month_and_attachments_numbered_in_chinese() {
    let n = parse(
        "某某区人民政府关于印发2025年十件惠民实事的通知\n\n各街道办事处：\n\n现将十件惠民实事印发给你们。\n\n附件：一、某某区2025年惠民实事项目清单\n二、某某区2025年惠民实事联系人名单\n\n某某区人民政府\n2025年1月\n\n附件一\n\n某某区2025年惠民实事项目清单\n\n一、就业创业（2个项目）\n1.新增城镇就业3000人。（责任单位：区人社局）\n2.开展技能培训500人次。（责任单位：区人社局）\n",
    );
    let d = &n.document;
    assert_eq!(d.date.as_deref(), Some("2025-01"));
    assert_eq!(d.issuer.as_deref(), Some("某某区人民政府"));
    let titles: Vec<&str> = d.attachment_list.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "某某区2025年惠民实事项目清单",
            "某某区2025年惠民实事联系人名单"
        ]
    );
    let c = &n.plan.categories[0];
    assert_eq!((c.name.as_str(), c.declared_count), ("就业创业", Some(2)));
}

/// Projects numbered 1. across the categories, some split into sub-items
/// （1）（2） that restart under each, with the project's units after its
/// last sub-item: the sub-items are the project's task, not projects.
#[test]
fn sub_items_of_a_project_before_its_units() {
    let n = parse(
        "一、就业创业（2个项目）\n1.稳岗扩岗促就业\n（1）城镇新增就业2.3万人。\n（2）开展招聘活动不少于80场。\n责任主体：区人社局\n配合单位：各街道办事处\n2.高校毕业生就业帮扶\n（1）帮扶实现就业1200人。\n（2）新建青年驿站2个。\n责任主体：团区委、区人社局\n二、教育惠民（2个项目）\n3.实施“午餐提质”行动\n改造提升学校食堂12个。\n责任主体：区教育局\n4.基层医疗服务提升\n（1）完成6个社区卫生服务中心提档升级。（责任主体：区卫健局）\n（2）实现认定服务覆盖率100%。（责任主体：区医保局）\n",
    );
    let numbers: Vec<u32> = n.plan.projects.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
    let p = project(&n, 1);
    assert_eq!(p.lead_units, ["区人社局"]);
    assert_eq!(p.support_units, ["各街道办事处"]);
    let targets: Vec<String> = p.targets.iter().map(|q| q.to_string()).collect();
    assert_eq!(
        targets,
        ["= 23000 人", "≥ 80 场"],
        "the sub-items' figures are the project's"
    );
    assert!(p.measures.is_empty());
    assert_eq!(project(&n, 4).lead_units, ["区卫健局", "区医保局"]);
    assert_eq!(project(&n, 3).category, Some(2));
}

/// A project table exported from a spreadsheet: CSV with quoted cells that
/// hold commas, line breaks and doubled quotes; a unit cell one name a line.
#[test]
fn a_csv_export_with_quoted_cells() {
    let n = parse(
        "附件\n\n某市2025年民生实事项目实施计划,,,,,,\n序号,类别,项目名称,建设内容及目标,牵头单位,配合单位,完成时限\n1,\"教育优质均衡\n（2项）\",新建改扩建中小学,\"新建中小学12所,新增学位1.08万个。\",市教育局,\"市住建局\n各区镇\",2025年12月底\n2,,\"实施\"\"护苗\"\"行动\",\"配备心理健康教师不少于150名。\",\"市教育局,市卫健委\",团市委,2025年11月底\n,,,,,,\n3,\"医疗健康\n（1项）\",提升基层医疗,完成8家社区卫生服务中心提档升级。,市卫健委,各区镇,2025年12月底\n",
    );
    let names: Vec<&str> = n.plan.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["教育优质均衡", "医疗健康"]);
    let p = project(&n, 1);
    assert_eq!(p.lead_units, ["市教育局"]);
    assert_eq!(
        p.support_units,
        ["市住建局", "各区镇"],
        "one name a line in the cell"
    );
    assert_eq!(
        p.targets.len(),
        2,
        "the comma inside quotes is the text's: {:?}",
        p.targets
    );
    let p = project(&n, 2);
    assert_eq!(
        p.name.as_deref(),
        Some("实施\"护苗\"行动"),
        "the quote as exported"
    );
    assert_eq!(p.lead_units, ["市教育局", "市卫健委"]);
    assert_eq!(project(&n, 3).category, Some(2));
}

/// The same from Excel as TSV, with the header repeated at a page top:
/// one table, its categories numbered on.
#[test]
fn a_tsv_export_with_quoted_cells_and_the_header_again() {
    let n = parse(
        "附件\n\n某区2024年为民办实事事项责任分工表\n\n序号\t类别\t事项名称\t具体内容\t牵头单位\t配合单位\t完成时限\n1\t\"教育\n（2项）\"\t新建学校\t新建学校3所。\t区教育局\t区财政局\t2024年12月\n2\t\t\"建设\n食堂\"\t\"新建食堂2个，\n新增座位300个。\"\t区教育局\t\"区财政局\n区住建局\"\t2024年12月\n序号\t类别\t事项名称\t具体内容\t牵头单位\t配合单位\t完成时限\n3\t\"城市建设\n（1项）\"\t改造小区\t改造小区28个。\t区住建局\t各街道办事处\t2024年12月\n",
    );
    assert_eq!(n.plan.categories.len(), 2);
    assert_eq!(project(&n, 2).support_units, ["区财政局", "区住建局"]);
    assert_eq!(project(&n, 2).name.as_deref(), Some("建设食堂"));
    assert_eq!(project(&n, 3).category, Some(2));
}

/// Two items on one line where the break between them was lost: cut after
/// the first one's clause, where the next number follows.
#[test]
fn two_projects_on_one_line() {
    let n = parse(
        "附件\n\n某市2025年民生实事项目\n\n13.改造城镇老旧小区30个，惠及居民6500户。（责任单位：市住房和城乡建设局）14.新增城区公共停车泊位2000个。（责任单位：市城市管理和综合执法局）\n15.新建公厕20座。（责任单位：市城市管理和综合执法局）\n",
    );
    let numbers: Vec<u32> = n.plan.projects.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [13, 14, 15]);
    assert_eq!(project(&n, 13).lead_units, ["市住房和城乡建设局"]);
    assert_eq!(project(&n, 14).lead_units, ["市城市管理和综合执法局"]);
    assert_eq!(project(&n, 14).targets.len(), 1);
    assert_eq!(
        project(&n, 14).line,
        5,
        "the second keeps its place in the input"
    );
}

/// The total said only as the plan's shape, in a sentence above the list
/// or in the body: "5大类12项", "共3个方面12项", "十大工程共18个项目"; a
/// count of candidates is not the total.
#[test]
fn totals_said_as_the_plans_shape() {
    let total = |text: &str| parse(text).plan.declared_total;
    let list = "\n附件\n\n一、就业（1项）\n1.新增城镇就业3000人。（牵头单位：区人社局）\n";
    assert_eq!(
        total(&format!("2024年，我区安排民生实事项目5大类12项。{list}")),
        Some(12)
    );
    assert_eq!(
        total(&format!("今年共3个方面12项，具体如下。{list}")),
        Some(12)
    );
    assert_eq!(
        total(&format!(
            "十大工程共18个项目，每个项目明确一个牵头单位。{list}"
        )),
        Some(18)
    );
    assert_eq!(
        total(&format!("经审议，从15件民生实事候选项目中票决产生。{list}")),
        None
    );
}

/// Projects written as short plans: a title, 目标任务, 推进措施 numbered,
/// 完成时限, then 责任单位 after the last measure. The clause and the
/// timetable after the last measure are the project's own.
#[test]
fn a_unit_after_the_last_measure_is_the_projects() {
    let n = parse(
        "（一）新增中小学学位\n目标任务：新建、改扩建中小学4所，新增学位5400个。\n推进措施：\n1.3月底前完成项目招标；\n2.6月底前完成主体建设；\n3.8月底前完成验收。\n完成时限：2024年9月\n责任单位：区教育局\n（二）建设社区养老服务设施\n目标任务：新建社区养老服务中心3个。\n推进措施：\n1.4月底前完成选址；\n2.9月底前建成投用。\n完成时限：2024年10月\n责任单位：区民政局\n",
    );
    assert_eq!(n.plan.projects.len(), 2, "{:#?}", n.plan.projects);
    let p = project(&n, 1);
    assert_eq!(p.lead_units, ["区教育局"]);
    assert_eq!(p.measures.len(), 3);
    assert!(
        !p.measures[2].text.contains("责任单位"),
        "{:?}",
        p.measures[2]
    );
    assert_eq!(p.targets.len(), 2);
    assert_eq!(project(&n, 2).lead_units, ["区民政局"]);
}

/// A browser's copy of a web table: TAB rows whose cells break over lines
/// in several columns, and the merged 类别 cell printed once, on the first
/// row of its group (the rows under it one cell short).
#[test]
fn a_browser_copy_of_a_table_with_merged_category_cells() {
    let n = parse(
        "附件\n某区2025年为民办实事项目\n序号\t项目类别\t项目名称\t建设内容及目标\t责任单位\t配合单位\t完成时间\n1\t教育\n（2项）\t增加优质学位供给\t新建中小学6所，新增学位5400个。\t区教育局\t区住建局\n区财政局\t2025年12月\n2\t守护校园安全\t为60所中小学校配齐专职保安员。\t区教育局\n区市场监管局\t公安分局\t2025年9月\n3\t医疗卫生\n（1项）\t提升基层医疗服务能力\t新建社区卫生服务站6个。\t区卫健局\t各街道（镇）\t2025年12月\n",
    );
    let names: Vec<&str> = n.plan.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["教育", "医疗卫生"]);
    let p = project(&n, 1);
    assert_eq!(p.support_units, ["区住建局", "区财政局"]);
    let p = project(&n, 2);
    assert_eq!(
        (p.category, p.lead_units.as_slice()),
        (
            Some(1),
            &["区教育局".to_string(), "区市场监管局".to_string()][..]
        )
    );
    assert_eq!(p.support_units, ["公安分局"]);
    assert_eq!(project(&n, 3).category, Some(2));
}

/// An HTML 分工表 where one project takes two rows under a merged 序号
/// (rowspan), each row with its own task and lead unit: one project.
#[test]
fn a_project_in_two_rows_under_a_merged_serial() {
    let n = parse(
        "<html><body><p>附件</p><table><tr><td>序号</td><td>项目名称</td><td>目标任务</td><td>牵头单位</td></tr><tr><td rowspan=\"2\">7</td><td rowspan=\"2\">一老一小服务</td><td>新增普惠性托位600个。</td><td>区卫生健康局</td></tr><tr><td>建成长者饭堂15个。</td><td>区民政局</td></tr><tr><td>8</td><td>便民停车</td><td>新增停车泊位2000个。</td><td>区住建局</td></tr></table></body></html>",
    );
    let numbers: Vec<u32> = n.plan.projects.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [7, 8]);
    let p = project(&n, 7);
    assert_eq!(p.lead_units, ["区卫生健康局", "区民政局"]);
    assert_eq!(p.targets.len(), 2);
    assert!(!codes(&n).contains(&"numbering-duplicate"));
}

/// A PDF converted to HTML: one `<div>` per page and per printed line. All
/// pages are the notice, and a line that leaves the clause's bracket open
/// goes on in the next.
#[test]
fn a_pdf_converted_to_html_page_by_page_and_line_by_line() {
    let page = |n: u32, lines: &[&str]| {
        let body: String = lines
            .iter()
            .map(|l| format!("<div class=\"t m0\">{l}</div>"))
            .collect();
        format!("<div id=\"pf{n}\" class=\"pf w0 h0\"><div class=\"pc pc{n}\">{body}</div></div>")
    };
    let html = format!(
        "<html><body><div id=\"page-container\">{}{}</div></body></html>",
        page(1, &["附件", "某区2024年民生实事项目", "一、促进就业（2项）", "1.新增城镇就业3000人，开展技能培训5000人次。（牵头单位：区", "人社局；责任单位：各街道）"]),
        page(2, &["2.帮扶困难人员就业600人，城镇调查失业率控制在5.5%以内，零就业家庭动态清零。（牵头单", "位：区人社局）"]),
    );
    let n = parse(&html);
    assert_eq!(n.plan.projects.len(), 2, "{:#?}", n.plan);
    assert_eq!(project(&n, 1).lead_units, ["区人社局"]);
    assert_eq!(project(&n, 1).support_units, ["各街道"]);
    assert_eq!(project(&n, 2).lead_units, ["区人社局"]);
}

/// The notice copied after an article's words that stand above its 文号
/// (no letterhead): it starts at the 文号 its title follows. Addressees
/// "区政府各部门、单位" keep the kind the head governs.
#[test]
fn words_above_the_doc_number_and_a_kind_that_completes_an_addressee() {
    let n = parse(
        "近日，区政府办公室印发了今年的民生实事项目，一起来看↓↓↓\n\n某府办发〔2025〕4号\n\n某某区人民政府办公室关于印发《某某区2025年民生实事项目》的通知\n\n各街道办事处，区政府各部门、单位：\n\n现将《某某区2025年民生实事项目》印发给你们。\n\n某某区人民政府办公室\n2025年2月1日\n\n附件\n\n1.新增城镇就业3000人。（牵头单位：区人社局）\n2.室温不低于18℃。（牵头单位：区住建局）\n",
    );
    let d = &n.document;
    assert_eq!(
        d.title.as_deref(),
        Some("某某区人民政府办公室关于印发《某某区2025年民生实事项目》的通知")
    );
    assert_eq!(d.addressees, ["各街道办事处", "区政府各部门、单位"]);
    assert_eq!(project(&n, 2).targets[0].to_string(), "≥ 18 ℃");
}

/// A lead unit named on a category heading (or on its own line under it)
/// leads every project of the category that names none.
#[test]
fn a_category_heading_names_the_lead_of_its_projects() {
    let n = parse(
        "附件\n\n一、教育提升工程（2项）（牵头单位：市教育局）\n1.新建中小学3所。\n2.新增学位5400个。（牵头单位：市教育局、市住建局）\n二、健康邳州工程（1项）\n牵头单位：市卫健委\n3.新建村卫生室20个。\n",
    );
    let c = &n.plan.categories[0];
    assert_eq!(
        (c.name.as_str(), c.declared_count),
        ("教育提升工程", Some(2))
    );
    assert_eq!(project(&n, 1).lead_units, ["市教育局"]);
    assert_eq!(
        project(&n, 2).lead_units,
        ["市教育局", "市住建局"],
        "its own units win"
    );
    assert_eq!(project(&n, 3).lead_units, ["市卫健委"]);
}

/// PDF page furniture: a gazette's running header that is also the first
/// line, and a page break right after a unit label; a 附件说明 entry whose
/// title starts with a year.
#[test]
fn a_gazette_header_a_label_at_a_page_end_and_a_year_after_an_entry_number() {
    let n = parse(
        "某市人民政府公报　　　　2025年第4期\n某市人民政府关于印发某市2025年民生实事项目的通知\n各县（市、区）人民政府：\n现将项目印发给你们。\n附件：1.某市2025年民生实事项目清单\n2.2025年民生实事工作推进方案\n某市人民政府\n2025年3月1日\n\u{c}某市人民政府公报　　　　2025年第4期\n附件1\n1.新建笼式足球场12个。牵头单位：\n- 2 -\n\u{c}某市人民政府公报　　　　2025年第4期\n市体育事业发展中心；配合单位：各县（市、区）人民政府\n2.新增学位3000个。牵头单位：市教育局\n",
    );
    assert_eq!(
        n.document.title.as_deref(),
        Some("某市人民政府关于印发某市2025年民生实事项目的通知")
    );
    let titles: Vec<&str> = n
        .document
        .attachment_list
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(
        titles,
        ["某市2025年民生实事项目清单", "2025年民生实事工作推进方案"]
    );
    assert_eq!(project(&n, 1).lead_units, ["市体育事业发展中心"]);
    assert_eq!(project(&n, 1).text, "新建笼式足球场12个。");
}

#[test]
fn subcategories_between_categories_and_projects() {
    // 一、 categories counting all their projects, （一） groups within some
    // of them, and projects numbered on across both; a category with no
    // groups lists its projects straight under its heading.
    let n = parse(
        "附件1\n某某市2025年民生实事项目清单\n一、就业增收（3项）\n（一）稳岗扩岗（2项）\n1.城镇新增就业7.2万人。（牵头单位：市人社局）\n2.募集见习岗位5000个。（牵头单位：团市委）\n（二）技能提升（1项）\n3.开展职业技能培训10万人次。（牵头单位：市人社局）\n二、健康服务（2项）\n4.建设区域医疗中心3个。（牵头单位：市卫健委）\n5.新增急救站点10个。（牵头单位：市卫健委）\n",
    );
    let names: Vec<&str> = n.plan.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["就业增收", "健康服务"], "the counted 一、 level");
    let groups: Vec<(&str, Option<u32>)> = n.plan.categories[0]
        .subcategories
        .iter()
        .map(|s| (s.name.as_str(), s.declared_count))
        .collect();
    assert_eq!(groups, [("稳岗扩岗", Some(2)), ("技能提升", Some(1))]);
    let shape: Vec<(u32, Option<u32>, Option<u32>)> = n
        .plan
        .projects
        .iter()
        .map(|p| (p.number, p.category, p.subcategory))
        .collect();
    assert_eq!(
        shape,
        [
            (1, Some(1), Some(1)),
            (2, Some(1), Some(1)),
            (3, Some(1), Some(2)),
            (4, Some(2), None),
            (5, Some(2), None)
        ]
    );
    assert!(n.plan.categories[1].subcategories.is_empty());
    assert!(!codes(&n).contains(&"count-mismatch"), "{:?}", codes(&n));
}

#[test]
fn a_work_plan_attachment_is_not_a_second_list_of_the_projects() {
    // 附件2 is the notice's 工作推进方案: its 一、指导思想 … are parts of a
    // plan of work, not projects 1–3 again with their measures.
    let n = parse(
        "附件1\n某某市2025年民生实事项目清单\n1.新建幼儿园12所。（牵头单位：市教育局）\n2.改造老旧小区260个。（牵头单位：市住建局）\n3.新增停车泊位1.5万个。（牵头单位：市交通局）\n4.新建城市书房20个。（牵头单位：市文旅局）\n5.治理易涝积水点25处。（牵头单位：市城乡管理局）\n6.新增公共充电桩3000个。（牵头单位：市交通局）\n7.完成适老化改造3000户。（牵头单位：市民政局）\n附件2\n某某市2025年民生实事工作推进方案\n一、指导思想\n坚持以人民为中心的发展思想，办好一批民生实事。\n二、工作目标\n（一）总体目标。全面完成民生实事年度目标任务。\n三、保障措施\n（一）加强组织领导。成立民生实事工作领导小组。\n",
    );
    assert_eq!(n.plan.projects.len(), 7);
    assert!(
        n.plan.projects.iter().all(|p| p.measures.is_empty()),
        "no section became a project's measures"
    );
    assert_eq!(project(&n, 1).text, "新建幼儿园12所。");
    assert!(codes(&n).contains(&"not-a-project-list"), "{:?}", codes(&n));
    assert!(!codes(&n).contains(&"text-differs-between-attachments"));
}

#[test]
fn a_second_list_of_other_projects_numbered_from_one_again() {
    // 附件2 lists the projects carried over from last year, with units of
    // their own: more projects, not 附件1's items 1–2 again.
    let n = parse(
        "附件1\n某某区2025年民生实事\n1．新增公办幼儿园学位1800个。（牵头单位：区教育局）\n2．建设社区托育服务点6个。（牵头单位：区卫生健康局）\n3．改造农村公路100公里。（牵头单位：区交通运输局）\n附件2\n某某区2024年民生实事续建项目清单\n1．九年一贯制学校建设，新增学位3240个。（牵头单位：区教育局）\n2．污水处理厂提标扩容，新增日处理能力4万吨。（牵头单位：区水务局；配合单位：新塘镇）\n",
    );
    let shape: Vec<(u32, &str)> = n
        .plan
        .projects
        .iter()
        .map(|p| (p.number, p.lead_units[0].as_str()))
        .collect();
    assert_eq!(
        shape,
        [
            (1, "区教育局"),
            (2, "区卫生健康局"),
            (3, "区交通运输局"),
            (1, "区教育局"),
            (2, "区水务局")
        ]
    );
    assert!(
        n.plan.projects[1].support_units.is_empty(),
        "no unit of the second list goes to the first's project 2"
    );
    assert!(
        !codes(&n).contains(&"numbering-duplicate"),
        "{:?}",
        codes(&n)
    );
    assert!(!codes(&n).contains(&"text-differs-between-attachments"));
}

#[test]
fn enclosed_numbers_and_a_support_list_sharing_its_each() {
    // ⑴⑵ (one character each) number the projects as （1）（2） would;
    // "各街道、镇配合" is 各街道 and 各镇 in support.
    let n = parse(
        "关于2024年重点民生实事的通知\n各街道办事处、镇人民政府：\n现将有关事项通知如下。\n一、项目安排\n⑴新增学位3600个。由区教委负责，区发展改革委配合。\n⑵新增普惠托位500个。此项工作由区民政局负责，各街道、镇配合。\n⑶新增就业2.5万人。由区人力社保局负责。\n",
    );
    let numbers: Vec<u32> = n.plan.projects.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert_eq!(project(&n, 1).text, "新增学位3600个。");
    assert_eq!(project(&n, 2).lead_units, ["区民政局"]);
    assert_eq!(project(&n, 2).support_units, ["各街道", "镇"]);
}

#[test]
fn a_plan_in_parts_with_units_given_by_number_ranges() {
    // The attachment is a plan: 一、项目内容 holds the projects (no clause on
    // any of them), 二、责任分工 says who leads which by number, and
    // 三、保障措施 is no category of projects.
    let n = parse(
        "附件\n某某市2025年民生实事项目实施计划\n一、项目内容\n1．教育资源扩容。新增学位4800个。\n2．妇女“两癌”筛查4万人。\n3．新建规范化村卫生室20家。\n4．完成老旧小区改造8个。\n二、责任分工\n第1项由市教育局牵头负责；第2、3项由市卫生健康局牵头负责，市妇联配合；第4项由市住房和城乡建设局牵头负责。\n三、保障措施\n（一）强化组织领导。各牵头单位要成立工作专班。\n（二）强化督查考核。市政府督查室每月跟踪项目进度。\n",
    );
    let leads: Vec<(u32, Vec<&str>)> = n
        .plan
        .projects
        .iter()
        .map(|p| (p.number, p.lead_units.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        leads,
        [
            (1, vec!["市教育局"]),
            (2, vec!["市卫生健康局"]),
            (3, vec!["市卫生健康局"]),
            (4, vec!["市住房和城乡建设局"])
        ]
    );
    assert_eq!(project(&n, 2).support_units, ["市妇联"]);
    assert!(n.plan.categories.is_empty(), "{:?}", n.plan.categories);
    assert!(!codes(&n).contains(&"missing-lead-unit"), "{:?}", codes(&n));
}

#[test]
fn a_notice_printed_after_its_attachments() {
    // 附件1 stands at the top; the frame (organ, 文号, title, addressees,
    // signature) follows the last attachment: it is the notice's, not the
    // last project's measures.
    let n = parse(
        "附件1\n某某区2025年十件民生实事\n1．新增城镇就业1.5万人。（牵头单位：区人社局）\n2．新建幼儿园4所。（牵头单位：区教育局）\n附件2\n某某区2025年十件民生实事推进措施\n1．新增城镇就业1.5万人。\n（1）开展招聘活动。\n2．新建幼儿园4所。\n（1）加快项目建设。\n某某区人民政府办公室\n某政办〔2025〕4号\n某某区人民政府办公室关于印发某某区2025年十件民生实事的通知\n各街道办事处，区政府各部门：\n现将《某某区2025年十件民生实事》印发给你们，请认真贯彻执行。\n附件：1．某某区2025年十件民生实事\n2．某某区2025年十件民生实事推进措施\n某某区人民政府办公室\n2025年3月3日\n",
    );
    let doc = &n.document;
    assert_eq!(
        doc.doc_number.as_ref().map(|d| d.text.as_str()),
        Some("某政办〔2025〕4号")
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("某某区人民政府办公室关于印发某某区2025年十件民生实事的通知")
    );
    assert_eq!(doc.date.as_deref(), Some("2025-03-03"));
    assert_eq!(n.plan.projects.len(), 2);
    assert_eq!(project(&n, 2).measures.len(), 1, "the frame is no measure");
}

#[test]
fn a_footnote_at_a_page_bottom_inside_a_project() {
    // The project breaks at the page's end; under a rule, a footnote; the
    // page number; then the project goes on. The footnote is said, not
    // glued into the project.
    let n = parse(
        "附件\n某某市2025年民生实事项目\n1．新建绿道50公里，城市绿化覆盖率\n————————————\n① 改造内容按照《某某省适老化改造清单》执行，共7类30项。\n— 3 —\n稳定在43%以上。（牵头单位：市住房和城乡建设局）\n2．新增停车泊位1500个。（牵头单位：市城管局）\n",
    );
    let p = project(&n, 1);
    assert_eq!(p.text, "新建绿道50公里，城市绿化覆盖率稳定在43%以上。");
    assert_eq!(p.lead_units, ["市住房和城乡建设局"]);
    let footnote = n
        .diagnostics
        .iter()
        .find(|d| d.code == Code::Footnote)
        .expect("a footnote diagnostic");
    assert_eq!(footnote.line, 4, "from the rule");
}

#[test]
fn a_table_header_repeated_inside_a_row_cut_by_the_page() {
    // Cell per line; the page ends after row 1's last cell, and the next
    // page repeats the header before row 2.
    let n = parse(
        "附件\n某某区2025年民生实事项目\n序号\n项目名称\n主要内容\n牵头单位\n1\n提升基层医疗服务能力\n建成社区医院2家。\n区卫生健康委\n第2页 共5页\n序号\n项目名称\n主要内容\n牵头单位\n2\n完善院前急救体系\n新增急救站点3个。\n区卫生健康委\n",
    );
    assert_eq!(n.plan.projects.len(), 2, "{:#?}", n.plan.projects);
    assert_eq!(project(&n, 1).lead_units, ["区卫生健康委"]);
    assert_eq!(project(&n, 2).lead_units, ["区卫生健康委"]);
}

#[test]
fn a_table_laid_out_with_spaces_by_pdftotext_layout() {
    // `pdftotext -layout`: the header centred over its columns, each cell
    // in its column, a cell wrapping on the lines around its row's 序号,
    // rows parted by blank lines, and a row cut by the page.
    let n = parse(
        "附件\n某某县2025年民生实事项目\n  序号    项目名称            主要内容及目标            牵头单位\n一、公共服务（2项）\n                        新建中小学、幼儿园6所，\n1     推进教育扩容      新增学位3240个。            县教育局\n\n2     优化基层医疗      建设村卫生室15家，县域      县卫生健康\n                        就诊率达到90%以上。         局\n二、城乡建设（1项）\n3     改造老旧小区      改造老旧小区20个，惠及      县住建局\n\n— 2 —\n\n                        居民1.2万户。\n",
    );
    let rows: Vec<(u32, Option<u32>, &str, &str)> = n
        .plan
        .projects
        .iter()
        .map(|p| {
            (
                p.number,
                p.category,
                p.text.as_str(),
                p.lead_units[0].as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                1,
                Some(1),
                "新建中小学、幼儿园6所，新增学位3240个。",
                "县教育局"
            ),
            (
                2,
                Some(1),
                "建设村卫生室15家，县域就诊率达到90%以上。",
                "县卫生健康局"
            ),
            (
                3,
                Some(2),
                "改造老旧小区20个，惠及居民1.2万户。",
                "县住建局"
            )
        ]
    );
    assert_eq!(project(&n, 1).name.as_deref(), Some("推进教育扩容"));
}

/// Each project's (number, category, name, text).
fn table_rows(n: &Notice) -> Vec<(u32, Option<u32>, &str, &str)> {
    n.plan
        .projects
        .iter()
        .map(|p| {
            (
                p.number,
                p.category,
                p.name.as_deref().unwrap_or(""),
                p.text.as_str(),
            )
        })
        .collect()
}

#[test]
fn a_centred_serial_takes_the_wrapped_tops_above_it() {
    // `pdftotext -layout` of a table whose cells are centred in their rows:
    // the 序号 on a row's middle line, the line above it holding the
    // wrapped tops of the row's other cells; rows 1 and 2 have no line
    // between them, so the lines between their 序号 are shared, each 序号
    // in the middle of its row.
    let n = parse(
        "附件\n某某县2025年民生实事项目\n  序号  项目名称        主要内容                          牵头单位\n\n        新建改扩建      新建幼儿园3所，新增学位900\n  1     公办幼儿园      个，惠及适龄儿童2000名，          县教育局\n                        普惠率达到90%。\n                        改造农村校舍2万平方米，配\n  2     改造校舍        备教学设备300台（套），新         县教育局\n                        建运动场5片。\n\n  3     学生资助        资助困难学生5000人次。            县教育局\n",
    );
    assert_eq!(
        table_rows(&n),
        [
            (
                1,
                None,
                "新建改扩建公办幼儿园",
                "新建幼儿园3所，新增学位900个，惠及适龄儿童2000名，普惠率达到90%。"
            ),
            (
                2,
                None,
                "改造校舍",
                "改造农村校舍2万平方米，配备教学设备300台（套），新建运动场5片。"
            ),
            (3, None, "学生资助", "资助困难学生5000人次。")
        ]
    );
    assert_eq!(project(&n, 2).lead_units, ["县教育局"]);
}

#[test]
fn centred_rows_with_no_line_between_them_part_where_no_cell_is_broken() {
    // Centred rows one under the other: of the lines between 序号 1 and 2,
    // "普惠率达到90%。" ends row 1's task and "改造农村" starts row 2's
    // name (a cell's lines follow one another: row 1's name ended a line
    // before), though row 2's 序号 then stands on its lower line.
    let n = parse(
        "附件\n某某县2025年民生实事项目\n  序号  项目名称      主要内容                      牵头单位\n        新建改扩建    新建幼儿园3所，新增学位\n  1     公办幼儿园    900个，惠及儿童2000名，       县教育局\n                      普惠率达到90%。\n        改造农村      改造农村校舍2万平方米，\n  2     学校校舍      配备设备300台。               县教育局\n\n  3     学生资助      资助困难学生5000人次。        县教育局\n",
    );
    assert_eq!(
        table_rows(&n),
        [
            (
                1,
                None,
                "新建改扩建公办幼儿园",
                "新建幼儿园3所，新增学位900个，惠及儿童2000名，普惠率达到90%。"
            ),
            (
                2,
                None,
                "改造农村学校校舍",
                "改造农村校舍2万平方米，配备设备300台。"
            ),
            (3, None, "学生资助", "资助困难学生5000人次。")
        ]
    );
}

#[test]
fn a_merged_category_cell_centred_and_wrapped_is_one_category_over_its_rows() {
    // The 类别 cell merged over its group of rows, centred and wrapped:
    // "教育" on a line of its own between rows 1 and 2 (the only line
    // between them), "事业" beside row 2; "卫生" beside row 4, "健康" alone
    // under it. One label each, covering every row of its group, the rows
    // above the label too.
    let n = parse(
        "附件\n某某县2025年民生实事项目\n  序号  类别    项目名称        主要内容                    牵头单位\n\n                新建改扩建      新建幼儿园3所，新增学位900\n  1             公办幼儿园      个。                        县教育局\n        教育\n  2     事业    改造校舍        改造农村校舍2万平方米。     县教育局\n\n  3             学生资助        资助困难学生5000人次。      县教育局\n\n  4             建设村卫生室    建设村卫生室15家，培训      县卫生健康局\n        卫生                    村医300人次。\n        健康\n  5             健康体检        为老年人免费体检3万人。     县卫生健康局\n",
    );
    let names: Vec<&str> = n.plan.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["教育事业", "卫生健康"]);
    let categories: Vec<Option<u32>> = n.plan.projects.iter().map(|p| p.category).collect();
    assert_eq!(categories, [Some(1), Some(1), Some(1), Some(2), Some(2)]);
    assert_eq!(project(&n, 1).name.as_deref(), Some("新建改扩建公办幼儿园"));
    assert_eq!(project(&n, 4).text, "建设村卫生室15家，培训村医300人次。");
}

#[test]
fn a_category_centred_between_two_rows_covers_the_rows_above_it() {
    // Cells at the top of their rows, the merged 类别 cell's label centred
    // on one line: "教育事业" beside row 2 of rows 1-3, "社会保障" alone
    // between rows 5 and 6 of rows 4-7. A label covers the rows its merged
    // cell spans, not only those from where it is printed.
    let n = parse(
        "附件\n某某县2025年民生实事项目\n  序号  类别        项目名称        主要内容                      牵头单位\n\n  1                 新建幼儿园      新建幼儿园3所。               县教育局\n\n  2     教育事业    改造校舍        改造农村校舍2万平方米。       县教育局\n\n  3                 学生资助        资助困难学生5000人次。        县教育局\n\n  4                 就业创业        新增城镇就业2000人。          县人社局\n\n  5                 养老服务        新建养老服务中心2个。         县民政局\n        社会保障\n  6                 困难救助        提高城乡低保标准。            县民政局\n\n  7                 残疾人康复      为300名残疾人提供康复服务。   县残联\n",
    );
    let names: Vec<&str> = n.plan.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["教育事业", "社会保障"]);
    let categories: Vec<Option<u32>> = n.plan.projects.iter().map(|p| p.category).collect();
    assert_eq!(
        categories,
        [
            Some(1),
            Some(1),
            Some(1),
            Some(2),
            Some(2),
            Some(2),
            Some(2)
        ]
    );
}

#[test]
fn a_category_printed_at_the_top_of_its_merged_cell_covers_the_rows_below() {
    // Every label starts on its first row's first line (wrapped under it):
    // it covers the rows down to the next label.
    let n = parse(
        "附件\n某某县2025年民生实事项目\n  序号  类别  项目名称        主要内容                        牵头单位\n  1     教育  新建改扩建      新建幼儿园3所，新增学位900个。  县教育局\n        事业  幼儿园\n  2           改造校舍        改造农村校舍2万平方米，配备教   县教育局\n                              学设备300台（套）。\n  3     卫生  建设村卫生室    建设村卫生室15家。              县卫生健康局\n        健康\n  4           健康体检        为老年人免费体检3万人。         县卫生健康局\n",
    );
    let names: Vec<&str> = n.plan.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["教育事业", "卫生健康"]);
    let categories: Vec<Option<u32>> = n.plan.projects.iter().map(|p| p.category).collect();
    assert_eq!(categories, [Some(1), Some(1), Some(2), Some(2)]);
    assert_eq!(
        project(&n, 2).text,
        "改造农村校舍2万平方米，配备教学设备300台（套）。"
    );
}

#[test]
fn measures_printed_once_per_category() {
    // Each category's 推进措施 follow its last project: they are the
    // category's, so each of its projects has them.
    let n = parse(
        "附件\n某某区2025年民生实事项目及推进措施\n一、教育文体（2项）\n1.新建幼儿园6所。（牵头部门：区教育局）\n2.新建城市书房5家。（牵头部门：区文旅局）\n推进措施：\n（1）3月底前完成立项。\n（2）建立周调度机制。\n二、医疗养老（2项）\n3.新建卫生服务站4个。（牵头部门：区卫健委）\n4.新增养老床位600张。（牵头部门：区民政局）\n推进措施：\n（1）统一设计、统一验收。\n（2）落实运营补贴。\n（3）开展第三方评估。\n",
    );
    let counts: Vec<usize> = n.plan.projects.iter().map(|p| p.measures.len()).collect();
    assert_eq!(counts, [2, 2, 3, 3]);
    assert_eq!(project(&n, 1).measures[0].text, "3月底前完成立项。");
}

#[test]
fn a_towns_labels_and_bare_role_labels() {
    // A 街道's notice names its 科室 and 站所; another writes only 牵头：
    // and 配合： before the units.
    let n = parse(
        "附件\n某某街道2026年民生实事项目\n1.为120户困难家庭送温暖。\n分管领导：李文华　责任科室：社会事务办　配合站所：财政所\n2.新增就业岗位800个。\n牵头：市人社局\n配合：各乡镇人民政府、街道办事处\n",
    );
    let p = project(&n, 1);
    assert_eq!(
        (
            p.lead_units.clone(),
            p.support_units.clone(),
            p.leaders.clone()
        ),
        (
            vec!["社会事务办".to_string()],
            vec!["财政所".to_string()],
            vec!["李文华".to_string()]
        )
    );
    let p = project(&n, 2);
    assert_eq!(p.lead_units, ["市人社局"]);
    assert_eq!(p.support_units, ["各乡镇人民政府", "街道办事处"]);
    assert_eq!(p.text, "新增就业岗位800个。");
}

#[test]
fn markdown_bold_from_a_converted_word_file() {
    // pandoc writes a Word table's bold category rows and title as **…**.
    let n = parse(
        "附件\n**某某区2019年民生实事项目清单**\n| 序号 | 项目名称 | 目标任务 | 牵头单位 |\n|---|---|---|---|\n| **一、教育类（2项）** |  |  |  |\n| 1 | 新建幼儿园 | 新建幼儿园3所。 | 区教育局 |\n| 2 | 改造校舍 | 改造校舍5所。 | 区教育局 |\n",
    );
    assert_eq!(n.plan.categories.len(), 1);
    assert_eq!(n.plan.categories[0].name, "教育类");
    assert_eq!(n.plan.projects.len(), 2);
    assert_eq!(project(&n, 2).lead_units, ["区教育局"]);
}

#[test]
fn a_note_that_the_first_unit_of_each_list_leads() {
    let n = parse(
        "附件\n某某区2020年民生实事项目\n1.新建幼儿园3所。\n责任单位：区教育局、区发改局、区财政局\n2.新增养老床位200张。\n责任单位：区民政局\n注：责任单位中排在首位的为牵头单位，其余为配合单位。\n",
    );
    assert_eq!(project(&n, 1).lead_units, ["区教育局"]);
    assert_eq!(project(&n, 1).support_units, ["区发改局", "区财政局"]);
    assert_eq!(project(&n, 2).lead_units, ["区民政局"]);
}

#[test]
fn a_title_over_three_lines_broken_after_guanyu_yinfa() {
    // Every line followed by a blank one (a double-spaced copy): the title's
    // last line, ending in 的通知, does not run into the addressees.
    let n = parse(
        "某某市人民政府办公室文件\n\n某政办发〔2024〕12号\n\n某某市人民政府办公室关于印发\n\n某某市2024年十件民生实事\n\n实施方案的通知\n\n各乡镇人民政府、街道办事处，市直各部门：\n\n经市人民政府同意，现将方案印发给你们，请认真组织实施。\n\n附件\n\n1.新建幼儿园3所。（牵头单位：市教育局）\n\n2.新增养老床位200张。（牵头单位：市民政局）\n",
    );
    assert_eq!(
        n.document.title.as_deref(),
        Some("某某市人民政府办公室关于印发某某市2024年十件民生实事实施方案的通知")
    );
    assert_eq!(
        n.document.addressees,
        ["各乡镇人民政府", "街道办事处", "市直各部门"]
    );
}

/// A district's own label words, given in a vocabulary (`--vocabulary`):
/// 主抓单位 as a header cell of a web page's table and of a table printed one
/// cell per line, 协作单位 before its colon in an item.
fn town_words() -> minsheng::Options {
    let vocabulary = minsheng::Vocabulary::new()
        .with_label("主抓单位", minsheng::LabelRole::Lead)
        .and_then(|v| v.with_label("协作单位", minsheng::LabelRole::Support))
        .expect("the words are labels");
    minsheng::Options::default().with_vocabulary(vocabulary)
}

#[test]
fn a_districts_own_label_heads_a_table_column() {
    let page = "<html><body><p>附件</p><table><tr><td>序号</td><td>项目名称</td><td>主要内容</td><td>主抓单位</td></tr><tr><td>1</td><td>道路整治</td><td>整治背街小巷12条。</td><td>镇建设办</td></tr><tr><td>2</td><td>老年食堂</td><td>新建老年食堂6个。</td><td>镇社会事务办</td></tr></table></body></html>";
    let cells = "附件\n\n序号\n项目名称\n主要内容\n主抓单位\n1\n道路整治\n整治背街小巷12条。\n镇建设办\n2\n老年食堂\n新建老年食堂6个。\n镇社会事务办\n";
    for notice in [page, cells] {
        let parsed = minsheng::parse_bytes(notice.as_bytes(), &town_words());
        assert!(
            parsed.unaccounted().is_empty(),
            "{}",
            crate::support::lost(&parsed)
        );
        let n = parsed.notice;
        assert_eq!(n.plan.projects.len(), 2, "{:#?}", n.plan);
        assert_eq!(project(&n, 1).lead_units, ["镇建设办"]);
        assert_eq!(project(&n, 2).lead_units, ["镇社会事务办"]);
    }
}

#[test]
fn a_districts_own_label_before_its_colon_names_the_units_it_says() {
    let notice = "附件\n\n一、就业增收\n\n1.新增城镇就业500人。（牵头单位：镇社会事务办；协作单位：镇财政所、各村）\n";
    let without = parse(notice);
    assert_eq!(project(&without, 1).support_units, Vec::<String>::new());
    let n = minsheng::parse_bytes(notice.as_bytes(), &town_words()).notice;
    let p = project(&n, 1);
    assert_eq!(p.lead_units, ["镇社会事务办"]);
    assert_eq!(p.support_units, ["镇财政所", "各村"]);
    assert_eq!(p.text, "新增城镇就业500人。");
    // The span still covers the label as printed.
    assert!(codes(&n).is_empty(), "{:?}", n.diagnostics);
}

#[test]
fn a_deadline_inside_the_lead_clause_is_the_projects_not_a_unit() {
    let n = parse("附件\n\n一、教育\n\n1.新建实验幼儿园，新增学位360个。（牵头单位：区教育和体育局；完成时限：2025年8月底前）\n2.更新直饮水设备120台。（牵头单位：区教育和体育局；配合单位：区财政局；完成时限：2025年9月底前）\n3.新建足球场2处。（牵头单位：区教育和体育局；完成时限：2025年10月底前；配合单位：区住建局）\n");
    assert_eq!(project(&n, 1).lead_units, ["区教育和体育局"]);
    assert!(
        project(&n, 1).text.ends_with("完成时限：2025年8月底前"),
        "{}",
        project(&n, 1).text
    );
    assert_eq!(project(&n, 2).support_units, ["区财政局"]);
    // A unit list may follow the deadline.
    assert_eq!(project(&n, 3).lead_units, ["区教育和体育局"]);
    assert_eq!(project(&n, 3).support_units, ["区住建局"]);
}

#[test]
fn square_units_printed_as_one_character_are_units() {
    let n = parse("附件\n\n1.新增绿地面积3.2万㎡，建设健身步道5㎞。（牵头单位：区住建局）\n");
    let targets = &project(&n, 1).targets;
    assert_eq!(
        targets
            .iter()
            .map(|t| (
                t.value().to_string(),
                t.unit.as_str(),
                t.canonical_unit.as_str()
            ))
            .collect::<Vec<_>>(),
        [
            ("32000".to_string(), "㎡", "m²"),
            ("5".to_string(), "㎞", "km")
        ]
    );
}

#[test]
fn a_word_file_converted_to_markdown_reads_as_printed() {
    // pandoc: "\" ends a line broken by hand, "# " marks a heading.
    let n = parse("**大理市人民政府办公室关于印发大理市2024年\\\n民生实事项目清单的通知**\n\n各乡镇人民政府：\n\n现将清单印发给你们。\n\n附件：大理市2024年民生实事项目清单\n\n大理市人民政府办公室\\\n2024年3月18日\n\n# 附件\n\n**一、教育提质（1项）**\n\n1.  新增学位800个。（牵头单位：市教育体育局）\n");
    assert_eq!(
        n.document.title.as_deref(),
        Some("大理市人民政府办公室关于印发大理市2024年民生实事项目清单的通知")
    );
    assert_eq!(n.document.issuer.as_deref(), Some("大理市人民政府办公室"));
    assert_eq!(n.plan.categories[0].name, "教育提质");
    assert_eq!(project(&n, 1).lead_units, ["市教育体育局"]);
}

#[test]
fn a_tables_total_row_is_reported_not_lost() {
    let page = "<html><body><p>附件</p><table><tr><td>序号</td><td>项目名称</td><td>建设内容</td><td>资金（万元）</td><td>责任单位</td></tr><tr><td>1</td><td>充电设施</td><td>建设充电端口4000个。</td><td>800</td><td>镇应急管理分局</td></tr><tr><td>2</td><td>老年食堂</td><td>新建老年食堂6个。</td><td>300</td><td>镇社会事务办</td></tr><tr><td colspan=\"3\">合计</td><td>1100</td><td></td></tr></table></body></html>";
    let n = parse(page);
    assert_eq!(n.plan.projects.len(), 2);
    let total = n
        .diagnostics
        .iter()
        .find(|d| d.code == Code::TableTotal)
        .expect("the total row is reported");
    assert!(total.message.contains("“合计 1100”"), "{}", total.message);
}

#[test]
fn a_resolution_of_the_peoples_congress_is_dated_by_its_headnote() {
    // A 人大 决议: no 文号, no addressees, no signature; the date it was
    // adopted stands in brackets under the title (a 题注).
    let n = parse("黎里镇第二届人民代表大会第五次会议\n\n关于黎里镇2025年民生实事项目的决议\n\n（2025年1月9日黎里镇第二届人民代表大会第五次会议通过）\n\n　　会议确定以下2个项目为2025年民生实事项目：\n\n　　（一）促进就业。新增城镇就业1200人以上。（承办单位：镇社会保障服务中心）\n\n　　（二）老年助餐。新建老年助餐点5个。（承办单位：镇社会事业局）\n");
    assert_eq!(
        n.document.title.as_deref(),
        Some("黎里镇第二届人民代表大会第五次会议关于黎里镇2025年民生实事项目的决议")
    );
    assert_eq!(n.document.date.as_deref(), Some("2025-01-09"));
    assert_eq!(project(&n, 2).lead_units, ["镇社会事业局"]);
}

#[test]
fn a_timetable_after_a_records_units_ends_that_record() {
    // Records delimited by their field lines: 完成时限 comes last in each,
    // so it is the record's above, never the next one's name.
    let n = parse("附件\n\n小河街道2025年民生实事实施方案\n\n老旧小区综合改造\n目标任务：完成3个老旧小区综合改造，惠及居民2100户。\n责任主体：街道城市建设管理办公室\n责任领导：王晓燕\n完成时限：2025年11月底\n\n幸福食堂提质扩面\n目标任务：新增社区幸福食堂2家。\n责任主体：街道社会事务办公室\n完成时限：2025年9月底\n");
    assert_eq!(n.plan.projects.len(), 2, "{:#?}", n.plan);
    let first = project(&n, 1);
    assert!(
        first.text.ends_with("完成时限：2025年11月底"),
        "{}",
        first.text
    );
    let second = project(&n, 2);
    assert_eq!(second.lead_units, ["街道社会事务办公室"]);
    assert_ne!(second.name.as_deref(), Some("完成时限：2025年11月底"));
    assert!(
        second.text.ends_with("完成时限：2025年9月底"),
        "{}",
        second.text
    );
}

#[test]
fn the_total_is_this_years_count_not_last_years_report() {
    let n = parse("关于2025年民生实事项目的决议\n\n　　会议回顾了2024年工作，票决的十方面20件民生实事全面完成。会议确定以下2个项目为本镇2025年民生实事项目：\n\n　　（一）促进就业。新增城镇就业1200人以上。（承办单位：镇社会保障服务中心）\n\n　　（二）老年助餐。新建老年助餐点5个。（承办单位：镇社会事业局）\n");
    assert_eq!(n.plan.declared_total, Some(2));
    assert!(
        !codes(&n).contains(&"count-mismatch"),
        "{:?}",
        n.diagnostics
    );
}

#[test]
fn a_work_report_announces_its_projects_inside_paragraphs_without_units() {
    // A 政府工作报告 extract: no 文号, a 题注 after a dash, a salutation, and
    // the projects numbered on inside the paragraphs of their categories,
    // after the sentence that announces them; last year's count is a report.
    let n = parse("政府工作报告（节选）\n\n——2025年1月14日在玉环市第十七届人民代表大会第五次会议上\n\n各位代表：\n\n一、2024年工作回顾\n\n　　市人大票决的十方面20件民生实事全面完成。\n\n二、用心用情办好民生实事\n\n　　今年，我们将集中财力办好三方面5件民生实事：\n\n　　（一）就业增收。1.新增城镇就业1.2万人以上；2.开展职业技能培训1.5万人次。\n\n　　（二）养老服务。3.新建居家养老服务中心4家；4.为1000户困难老年人家庭实施适老化改造。\n\n　　（三）便民服务。5.新建便民生活圈2个。\n\n三、加强政府自身建设\n\n　　我们将始终坚持依法行政。\n");
    assert_eq!(n.document.title.as_deref(), Some("政府工作报告（节选）"));
    assert_eq!(n.document.date.as_deref(), Some("2025-01-14"));
    assert!(
        n.document.addressees.is_empty(),
        "{:?}",
        n.document.addressees
    );
    assert_eq!(n.plan.declared_total, Some(5));
    let names: Vec<&str> = n.plan.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["就业增收", "养老服务", "便民服务"]);
    assert_eq!(n.plan.projects.len(), 5, "{:#?}", n.plan.projects);
    assert_eq!(project(&n, 2).text, "开展职业技能培训1.5万人次。");
    assert_eq!(project(&n, 4).category, Some(2));
    assert_eq!(project(&n, 5).targets[0].value().to_string(), "2");
}

#[test]
fn items_numbered_inside_a_paragraph_after_the_sentence_that_opens_them() {
    let n = parse("附件\n\n重点民生实事责任分工\n\n　　（七）用心用情办好民生实事。今年集中力量办好3件民生实事：（1）城镇新增就业6800人以上（责任单位：区人社局）；（2）新增普惠性托位300个（责任单位：区卫健委）。\n\n　　织密兜牢民生保障网。（3）提高城乡居民基础养老金（责任单位：区人社局、区财政局）。\n");
    assert_eq!(n.plan.projects.len(), 3, "{:#?}", n.plan.projects);
    assert_eq!(project(&n, 2).lead_units, ["区卫健委"]);
    assert_eq!(project(&n, 3).lead_units, ["区人社局", "区财政局"]);
}

#[test]
fn the_candidates_voted_on_are_not_the_plan_the_chosen_are() {
    let n = parse("关于2025年区政府民生实事项目票决结果的公告\n\n　　区人民代表大会对3个候选项目进行了票决。\n\n　　一、2025年区政府民生实事候选项目（3个）\n\n　　1.托育点建设：新建嵌入式托育点8个。\n　　2.老旧小区改造：改造老旧小区16个。\n　　3.农贸市场改造：改造农贸市场3家。\n\n　　二、2025年区政府民生实事项目（2个）\n\n　　1.老旧小区改造\n　　完成16个老旧小区改造。\n　　责任单位：区住建局\n\n　　2.托育点建设\n　　新建嵌入式托育点8个。\n　　责任单位：区卫健局\n");
    assert_eq!(n.plan.projects.len(), 2, "{:#?}", n.plan.projects);
    assert_eq!(project(&n, 1).lead_units, ["区住建局"]);
    assert!(
        codes(&n).contains(&"not-a-project-list"),
        "{:?}",
        n.diagnostics
    );
}

#[test]
fn a_note_after_the_list_names_the_items_the_place_has_no_task_in() {
    let n = parse("附件\n\n四、养老服务（2项）\n\n9.新建村级养老服务站30个。（责任单位：县民政局）\n\n10.80周岁以上老年人高龄津贴按每人每月不低于50元标准发放。（责任单位：县民政局）\n\n注：省民生实事中“皖北地区群众喝上引调水工程”“乡村振兴风电项目”2项，我县无任务。\n");
    assert_eq!(n.plan.projects.len(), 2, "{:#?}", n.plan.projects);
    // "10.80周岁": item 10 on 80-year-olds, not a decimal.
    assert!(
        project(&n, 10).text.starts_with("80周岁"),
        "{}",
        project(&n, 10).text
    );
    let untasked: Vec<&str> = n.plan.untasked.iter().map(String::as_str).collect();
    assert_eq!(untasked, ["皖北地区群众喝上引调水工程", "乡村振兴风电项目"]);
}

#[test]
fn a_paragraph_with_units_of_its_own_after_the_last_project_is_not_that_projects() {
    let n = parse("附件\n\n1.城镇新增就业6800人以上（责任单位：区人社局）。\n\n2.新增普惠性托位300个（责任单位：区卫健委）。\n\n同时，持续抓好“十四五”规划收官项目建设，民生支出比重保持在75%以上（责任单位：区发改委、区财政局）。\n");
    assert_eq!(project(&n, 2).lead_units, ["区卫健委"]);
    assert!(
        project(&n, 2).targets.iter().all(|t| t.unit != "%"),
        "{:?}",
        project(&n, 2).targets
    );
    // The paragraph is reported, not lost.
    assert!(
        n.diagnostics
            .iter()
            .any(|d| d.code == Code::UnparsedText && d.message.contains("同时")),
        "{:?}",
        n.diagnostics
    );
}

#[test]
fn a_total_row_of_a_table_saved_as_csv_is_not_the_last_projects_text() {
    let n = parse("附件\n\n序号,类别,项目名称,建设内容,牵头单位\n1,教育,托育点建设,新建托育点8个。,区卫健局\n2,养老,老年食堂,新建老年食堂6个。,区民政局\n,,,合计：2项,\n");
    assert_eq!(n.plan.projects.len(), 2);
    assert!(
        !project(&n, 2).text.contains("合计"),
        "{}",
        project(&n, 2).text
    );
    assert!(codes(&n).contains(&"table-total"), "{:?}", n.diagnostics);
}

#[test]
fn the_region_is_named_inside_book_marks_or_after_the_year() {
    for (title, region) in [
        ("关于印发《顺庆区2026年民生实事实施方案》的通知", "顺庆区"),
        ("关于印发2023年下陆区为民办实事项目的通知", "下陆区"),
        ("关于印发2024年度高淳区为民办实事项目的通知", "高淳区"),
    ] {
        let n = parse(&format!(
            "{title}\n\n附件\n\n1.新增学位800个。（牵头单位：区教育局）\n"
        ));
        assert_eq!(n.plan.region.as_deref(), Some(region), "{title}");
    }
    // 全市 is the notice's own place, unnamed.
    let n = parse(
        "关于做好2025年全市民生实事工作的通知\n\n附件\n\n1.新增学位800个。（牵头单位：市教育局）\n",
    );
    assert_eq!(n.plan.region, None);
}

#[test]
fn a_line_of_markup_alone_is_set_aside_not_lost() {
    // pandoc broke a bold run over two lines: "**一、教育（1项）" / "**".
    let n = parse(
        "附件\n\n**一、教育提质（1项）\n**\n\n1.  新增学位800个。（牵头单位：市教育体育局）\n",
    );
    assert_eq!(n.plan.categories[0].name, "教育提质");
    assert_eq!(project(&n, 1).lead_units, ["市教育体育局"]);
}

#[test]
fn an_attachment_of_candidates_beside_the_chosen_projects_is_not_the_plan() {
    let n = parse("关于印发2024年县人大代表票决民生实事项目实施计划的通知\n\n各乡镇人民政府：\n\n现将候选项目名单和项目实施计划印发给你们。\n\n附件：1.2024年民生实事候选项目名单\n2.2024年民生实事项目实施计划\n\n某县人民政府\n2024年1月20日\n\n附件1\n\n2024年民生实事候选项目名单\n\n1.城区公办幼儿园扩容（县教育局）\n2.老旧小区改造（县住建局）\n3.农贸市场改造（县商务局）\n\n附件2\n\n2024年民生实事项目实施计划\n\n一、城区公办幼儿园扩容\n新增学位540个。\n责任单位：县教育局\n\n二、老旧小区改造\n改造老旧小区12个。\n责任单位：县住建局\n");
    assert_eq!(n.plan.projects.len(), 2, "{:#?}", n.plan.projects);
    assert_eq!(project(&n, 2).lead_units, ["县住建局"]);
    assert!(
        codes(&n).contains(&"not-a-project-list"),
        "{:?}",
        n.diagnostics
    );
}

/// Each project's lead and support units.
fn units_of(n: &Notice) -> Vec<(Vec<&str>, Vec<&str>)> {
    n.plan
        .projects
        .iter()
        .map(|p| {
            (
                p.lead_units.iter().map(String::as_str).collect(),
                p.support_units.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

#[test]
fn a_grid_table_with_cells_wrapped_in_their_columns_reads_as_one_row_per_rule() {
    // `pandoc -t plain` prints a grid table: rule lines (`=` under the
    // header), cells wrapped inside their columns ("县住房和城乡建" / "设局",
    // a "、" starting a unit's second line), and a category row whose one
    // cell spans the table.
    let n = parse(
        "附件\n\
\n\
某某县2025年为民办实事项目\n\
\n\
+------+--------------+------------------------+----------------+----------------+\n\
| 序号 | 项目名称     | 建设内容及目标         | 牵头单位       | 配合单位       |\n\
+======+==============+========================+================+================+\n\
| 一、教育文化（2项）                                                            |\n\
+------+--------------+------------------------+----------------+----------------+\n\
| 1    | 新建改扩建中 | 新建改扩建中小学4所、  | 县住房和城乡建 | 县发展和改革局 |\n\
|      | 小学和幼儿园 | 幼儿园3所，新增学位    | 设局           | 、县自然资源局 |\n\
|      |              | 3150个。               |                |                |\n\
+------+--------------+------------------------+----------------+----------------+\n\
| 2    | 建设城市书房 | 新建城市书房5个。      | 县文化和旅游局 | 各镇人民政府   |\n\
+------+--------------+------------------------+----------------+----------------+\n\
| 二、社会保障（1项）                                                            |\n\
+------+--------------+------------------------+----------------+----------------+\n\
| 3    | 建设老年餐桌 | 新建社区老年餐桌12个， | 县民政局       | 各街道办事处   |\n\
|      |              | 提供助餐服务不少于8万  |                |                |\n\
|      |              | 人次。                 |                |                |\n\
+------+--------------+------------------------+----------------+----------------+\n",
    );
    let categories: Vec<(&str, Option<u32>)> = n
        .plan
        .categories
        .iter()
        .map(|c| (c.name.as_str(), c.declared_count))
        .collect();
    assert_eq!(categories, [("教育文化", Some(2)), ("社会保障", Some(1))]);
    assert_eq!(
        table_rows(&n),
        [
            (
                1,
                Some(1),
                "新建改扩建中小学和幼儿园",
                "新建改扩建中小学4所、幼儿园3所，新增学位3150个。"
            ),
            (2, Some(1), "建设城市书房", "新建城市书房5个。"),
            (
                3,
                Some(2),
                "建设老年餐桌",
                "新建社区老年餐桌12个，提供助餐服务不少于8万人次。"
            )
        ]
    );
    assert_eq!(
        units_of(&n)[0],
        (
            vec!["县住房和城乡建设局"],
            vec!["县发展和改革局", "县自然资源局"]
        )
    );
}

#[test]
fn a_box_drawn_table_with_short_cells_centred_in_their_rows() {
    // `w3m -dump` draws an HTML table with box-drawing rules; a short cell
    // stands on the middle line of its row, and a unit's name wraps at its
    // column's edge ("各街道（开发区" / "）", "县住建局、县发" / "改局").
    let n = parse(
        "附件\n\
\n\
某某县2025年为民办实事\n\
\n\
┌────┬──────────┬────────────────────────┬──────────────┬──────────────┐\n\
│序号│项目名称  │主要目标任务            │牵头单位      │责任单位      │\n\
├────┼──────────┼────────────────────────┼──────────────┼──────────────┤\n\
│    │城镇新增就│城镇新增就业3000人以上，│              │各街道（开发区│\n\
│1   │业        │开展职业技能培训2000人次│县人社局      │）            │\n\
│    │          │。                      │              │              │\n\
├────┼──────────┼────────────────────────┼──────────────┼──────────────┤\n\
│2   │农村清洁取│完成农村清洁取暖改造1500│县住建局、县发│各街道        │\n\
│    │暖        │户。                    │改局          │              │\n\
├────┼──────────┼────────────────────────┼──────────────┼──────────────┤\n\
│    │居家养老服│建设农村幸福院8处，为300│              │              │\n\
│3   │务        │户困难老年人家庭实施适老│县民政局      │县财政局      │\n\
│    │          │化改造。                │              │              │\n\
└────┴──────────┴────────────────────────┴──────────────┴──────────────┘\n",
    );
    assert_eq!(
        table_rows(&n),
        [
            (
                1,
                None,
                "城镇新增就业",
                "城镇新增就业3000人以上，开展职业技能培训2000人次。"
            ),
            (2, None, "农村清洁取暖", "完成农村清洁取暖改造1500户。"),
            (
                3,
                None,
                "居家养老服务",
                "建设农村幸福院8处，为300户困难老年人家庭实施适老化改造。"
            )
        ]
    );
    assert_eq!(
        units_of(&n),
        [
            (vec!["县人社局"], vec!["各街道（开发区）"]),
            (vec!["县住建局", "县发改局"], vec!["各街道"]),
            (vec!["县民政局"], vec!["县财政局"])
        ]
    );
}

#[test]
fn box_drawn_rows_with_no_rule_between_them_part_around_their_centred_serials() {
    // No rules between the rows: each row is read around its 序号, the
    // lines above it being its cells' wrapped tops; "。" alone on a line
    // ends the cell above it, never starts the next row's.
    let n = parse(
        "附件\n\
\n\
某某县2025年为民办实事\n\
\n\
┌────┬──────────┬────────────────────────┬──────────────┬──────────────┐\n\
│序号│项目名称  │主要目标任务            │牵头单位      │责任单位      │\n\
├────┼──────────┼────────────────────────┼──────────────┼──────────────┤\n\
│    │城镇新增就│城镇新增就业3000人以上，│              │各街道（开发区│\n\
│1   │业        │开展职业技能培训2000人次│县人社局      │）            │\n\
│    │          │。                      │              │              │\n\
│2   │农村清洁取│完成农村清洁取暖改造1500│县住建局、县发│各街道        │\n\
│    │暖        │户。                    │改局          │              │\n\
│    │居家养老服│建设农村幸福院8处，为300│              │              │\n\
│3   │务        │户困难老年人家庭实施适老│县民政局      │县财政局      │\n\
│    │          │化改造。                │              │              │\n\
└────┴──────────┴────────────────────────┴──────────────┴──────────────┘\n",
    );
    assert_eq!(
        table_rows(&n),
        [
            (
                1,
                None,
                "城镇新增就业",
                "城镇新增就业3000人以上，开展职业技能培训2000人次。"
            ),
            (2, None, "农村清洁取暖", "完成农村清洁取暖改造1500户。"),
            (
                3,
                None,
                "居家养老服务",
                "建设农村幸福院8处，为300户困难老年人家庭实施适老化改造。"
            )
        ]
    );
    assert_eq!(units_of(&n)[1].0, ["县住建局", "县发改局"]);
}

#[test]
fn a_ruled_table_without_rule_lines_starts_a_row_where_the_serial_column_gets_a_value() {
    // The bars alone, no rule lines: a row starts at the line whose 序号
    // column holds a number, and a line with no bar inside is a category
    // across the table.
    let n = parse(
        "附件\n\
\n\
某某县2025年为民办实事项目\n\
\n\
| 序号 | 项目名称     | 建设内容及目标         | 牵头单位       | 配合单位       |\n\
| 一、教育文化（2项）                                                            |\n\
| 1    | 新建改扩建中 | 新建改扩建中小学4所、  | 县住房和城乡建 | 县发展和改革局 |\n\
|      | 小学和幼儿园 | 幼儿园3所，新增学位    | 设局           | 、县自然资源局 |\n\
|      |              | 3150个。               |                |                |\n\
| 2    | 建设城市书房 | 新建城市书房5个。      | 县文化和旅游局 | 各镇人民政府   |\n\
| 二、社会保障（1项）                                                            |\n\
| 3    | 建设老年餐桌 | 新建社区老年餐桌12个， | 县民政局       | 各街道办事处   |\n\
|      |              | 提供助餐服务不少于8万  |                |                |\n\
|      |              | 人次。                 |                |                |\n",
    );
    let names: Vec<&str> = n.plan.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["教育文化", "社会保障"]);
    assert_eq!(
        table_rows(&n),
        [
            (
                1,
                Some(1),
                "新建改扩建中小学和幼儿园",
                "新建改扩建中小学4所、幼儿园3所，新增学位3150个。"
            ),
            (2, Some(1), "建设城市书房", "新建城市书房5个。"),
            (
                3,
                Some(2),
                "建设老年餐桌",
                "新建社区老年餐桌12个，提供助餐服务不少于8万人次。"
            )
        ]
    );
    assert_eq!(units_of(&n)[0].0, ["县住房和城乡建设局"]);
}

#[test]
fn a_merged_cell_drawn_over_several_rows_covers_each_of_them() {
    // The 类别 cell merged over rows 1-3: the rules under rows 1 and 2 are
    // not drawn in its column. Unit names printed one per line, each short
    // of the column's width, are two units.
    let n = parse(
        "附件\n\
\n\
某某县2025年民生实事项目\n\
\n\
┌────┬────────┬──────────┬──────────────┬──────────┐\n\
│序号│类别    │项目名称  │主要目标任务  │牵头单位  │\n\
├────┼────────┼──────────┼──────────────┼──────────┤\n\
│1   │        │新建幼儿园│新建幼儿园3所 │县教育局  │\n\
├────┤        ├──────────┼──────────────┼──────────┤\n\
│2   │教育事业│改造校舍  │改造校舍2万平 │县教育局  │\n\
│    │        │          │方米。        │          │\n\
├────┤        ├──────────┼──────────────┼──────────┤\n\
│3   │        │学生资助  │资助学生500人 │县教育局  │\n\
│    │        │          │次。          │          │\n\
├────┼────────┼──────────┼──────────────┼──────────┤\n\
│4   │卫生健康│建设村卫生│建设村卫生室15│县卫生健康│\n\
│    │        │室        │家。          │局        │\n\
├────┼────────┼──────────┼──────────────┼──────────┤\n\
│5   │社会保障│养老服务  │新建养老中心2 │县民政局  │\n\
│    │        │          │个。          │县财政局  │\n\
└────┴────────┴──────────┴──────────────┴──────────┘\n",
    );
    let names: Vec<&str> = n.plan.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["教育事业", "卫生健康", "社会保障"]);
    let categories: Vec<Option<u32>> = n.plan.projects.iter().map(|p| p.category).collect();
    assert_eq!(categories, [Some(1), Some(1), Some(1), Some(2), Some(3)]);
    assert_eq!(project(&n, 2).text, "改造校舍2万平方米。");
    assert_eq!(project(&n, 4).lead_units, ["县卫生健康局"]);
    assert_eq!(project(&n, 5).lead_units, ["县民政局", "县财政局"]);
}

#[test]
fn a_two_level_header_drawn_with_a_partial_rule_names_the_lower_columns() {
    // 责任单位 over 牵头单位 | 配合单位, parted by a rule under those
    // columns only; Latin words wrapped at a space keep it.
    let n = parse(
        "附件\n\
\n\
某某县2025年民生实事项目\n\
\n\
+------+------------+----------------+-------------------------+\n\
| 序号 | 项目名称   | 主要目标任务   | 责任单位                |\n\
|      |            |                +------------+------------+\n\
|      |            |                | 牵头单位   | 配合单位   |\n\
+======+============+================+============+============+\n\
| 1    | 新建幼儿园 | 新建幼儿园3所  | 县教育局   | 县财政局   |\n\
+------+------------+----------------+------------+------------+\n\
| 2    | Smart City | 建设智慧城市   | 县数据局   | 县财政局   |\n\
|      | Project    | 平台1个。      |            |            |\n\
+------+------------+----------------+------------+------------+\n",
    );
    assert_eq!(
        units_of(&n),
        [
            (vec!["县教育局"], vec!["县财政局"]),
            (vec!["县数据局"], vec!["县财政局"])
        ]
    );
    assert_eq!(project(&n, 2).name.as_deref(), Some("Smart City Project"));
}

#[test]
fn a_grid_table_cut_by_a_page_number_goes_on_after_it() {
    // A row of the grid cut by the page: the page number set aside, the
    // row's last lines the project's.
    let n = parse(
        "附件\n\
\n\
某某县2025年为民办实事项目\n\
\n\
+------+--------------+------------------------+----------------+----------------+\n\
| 序号 | 项目名称     | 建设内容及目标         | 牵头单位       | 配合单位       |\n\
+======+==============+========================+================+================+\n\
| 一、教育文化（2项）                                                            |\n\
+------+--------------+------------------------+----------------+----------------+\n\
| 1    | 新建改扩建中 | 新建改扩建中小学4所、  | 县住房和城乡建 | 县发展和改革局 |\n\
|      | 小学和幼儿园 | 幼儿园3所，新增学位    | 设局           | 、县自然资源局 |\n\
|      |              | 3150个。               |                |                |\n\
+------+--------------+------------------------+----------------+----------------+\n\
| 2    | 建设城市书房 | 新建城市书房5个。      | 县文化和旅游局 | 各镇人民政府   |\n\
+------+--------------+------------------------+----------------+----------------+\n\
| 二、社会保障（1项）                                                            |\n\
+------+--------------+------------------------+----------------+----------------+\n\
| 3    | 建设老年餐桌 | 新建社区老年餐桌12个， | 县民政局       | 各街道办事处   |\n\
\n\
— 3 —\n\
\n\
|      |              | 提供助餐服务不少于8万  |                |                |\n\
|      |              | 人次。                 |                |                |\n\
+------+--------------+------------------------+----------------+----------------+\n",
    );
    assert_eq!(
        project(&n, 3).text,
        "新建社区老年餐桌12个，提供助餐服务不少于8万人次。"
    );
    assert_eq!(n.plan.projects.len(), 3);
}

#[test]
fn a_text_browsers_dump_of_the_sites_header_is_page_chrome() {
    // `w3m -dump` of a government page: the logo's alt text in brackets,
    // the site's tool bar, the menu as a bulleted list; then the metadata
    // fields and the notice.
    let n = parse(
        "[青禾县人民政府]\n无障碍 | 长者模式 | 简体 | 繁体\n\n  • 首页\n  • 信息公开\n  • 互动交流\n\n索 引 号：  QH-2024-0107    主题分类：  综合政务\n标    题：  青禾县人民政府办公室关于做好2024年惠民实事的通知\n发文字号：  青政办〔2024〕7号    发布日期：  2024-02-19\n\n青禾县人民政府办公室关于做好2024年惠民实事的通知\n\n青政办〔2024〕7号\n\n各乡镇人民政府，县直各单位：\n\n现将今年的惠民实事通知如下：\n（一）新建村级养老服务站12个。（责任单位：县民政局）\n（二）新增公办幼儿园学位600个。（责任单位：县教育局）\n\n青禾县人民政府办公室\n2024年2月6日\n",
    );
    let doc = &n.document;
    assert_eq!(
        doc.title.as_deref(),
        Some("青禾县人民政府办公室关于做好2024年惠民实事的通知")
    );
    assert_eq!(doc.addressees, ["各乡镇人民政府", "县直各单位"]);
    assert!(!doc.preamble.as_deref().unwrap_or("").contains("首页"));
    assert!(codes(&n).contains(&"page-chrome"));
}

#[test]
fn per_project_plans_with_section_words_of_their_own_keep_their_headings_as_frame() {
    // 项目安排 / 职责分工 / 进度安排: the headings frame each plan; every
    // character is accounted for (`parse` checks), none is a project's.
    let n = parse(
        "附件\n\n某区2025年民生实事项目实施方案\n\n一、新建幼儿园\n（一）项目安排\n新建公办幼儿园3所，新增学位900个。\n（二）职责分工\n牵头单位：区教育局\n（三）进度安排\n2025年12月底前完成。\n二、新增停车泊位\n（一）项目安排\n新增停车泊位500个。\n（二）职责分工\n牵头单位：区交通局\n（三）进度安排\n2025年10月底前完成。\n",
    );
    assert_eq!(n.plan.projects.len(), 2);
    let p = project(&n, 1);
    assert_eq!(p.lead_units, ["区教育局"]);
    assert!(!p.text.contains("项目安排"), "{}", p.text);
    assert_eq!(p.fields[0].label, "进度安排");
}
