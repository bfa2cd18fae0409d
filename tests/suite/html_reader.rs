//! The HTML reader over the 瑶海区 2024 notice as saved from the district site.

use minsheng::internals::html::{looks_like_html, read_html, HtmlReading};
use minsheng::internals::layout::{Block, Cell, LineKind, Table};
use minsheng::internals::mapped::MappedText;

const PAGE: &str = include_str!("../../corpus/yaohai-2024-page.html");

fn reading() -> HtmlReading {
    read_html(PAGE)
}

fn lines(reading: &HtmlReading, kind: LineKind) -> Vec<&str> {
    reading
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Line(l) if l.kind == kind => Some(l.as_str()),
            _ => None,
        })
        .collect()
}

fn tables(reading: &HtmlReading) -> Vec<&Table> {
    reading
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Line(_) => None,
        })
        .collect()
}

fn all_texts(reading: &HtmlReading) -> Vec<&MappedText> {
    let mut out = Vec::new();
    for block in &reading.blocks {
        match block {
            Block::Line(l) => out.push(&l.text),
            Block::Table(t) => out.extend(t.rows.iter().flatten().map(|c| &c.text)),
        }
    }
    out
}

#[test]
fn the_page_is_sniffed_as_html_and_the_notice_text_is_not() {
    assert!(looks_like_html(PAGE));
    let text = include_str!("../../corpus/yaohai-2024.txt");
    assert!(!looks_like_html(text));
}

#[test]
fn metadata_comes_first_then_the_title_then_the_article() {
    let reading = reading();
    let kinds: Vec<LineKind> = reading
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Line(l) => Some(l.kind),
            Block::Table(_) => None,
        })
        .collect();
    let first_text = kinds.iter().position(|k| *k == LineKind::Text).unwrap();
    assert!(kinds[..first_text]
        .iter()
        .all(|k| matches!(k, LineKind::Metadata | LineKind::ArticleTitle)));
    assert!(kinds[first_text..].iter().all(|k| *k == LineKind::Text));

    let meta = lines(&reading, LineKind::Metadata);
    for field in [
        "索引号：11340102MB1C23456X/202404-00031",
        "发布机构：瑶海区发展和改革委员会",
        "名称：瑶海区民生工作领导小组办公室关于2024年实施50项民生实事的通知",
        "文号：瑶民生办〔2024〕1号",
        "生成日期：2024-04-26",
        "发布时间：2024-04-26 16:05",
        "来源：区发改委",
    ] {
        assert!(meta.contains(&field), "{field} not in {meta:?}");
    }
    assert_eq!(
        lines(&reading, LineKind::ArticleTitle),
        ["瑶海区民生工作领导小组办公室关于2024年实施50项民生实事的通知"]
    );
}

#[test]
fn the_article_reads_as_the_notice() {
    let reading = reading();
    let text = lines(&reading, LineKind::Text);
    assert_eq!(text[0], "瑶民生办〔2024〕1号");
    assert_eq!(text[1], "各街镇、龙岗片区，区有关单位：");
    assert!(text[2].starts_with("根据省市统一部署"));
    for (i, head) in [
        "一、提高政治站位。",
        "二、抓好统筹协调。",
        "三、保障资金投入。",
        "四、坚持监督问效。",
        "五、强化宣传引导。",
    ]
    .iter()
    .enumerate()
    {
        assert!(text[3 + i].starts_with(head), "{:?}", text[3 + i]);
    }
    assert!(text[6].contains("注重与“民声呼应”平台衔接"));
    assert_eq!(
        &text[8..14],
        [
            "附件：1.瑶海区2024年50项民生实事",
            "2.瑶海区2024年50项民生实事推进措施",
            "瑶海区民生工作领导小组办公室",
            "2024年4月24日",
            "附件1",
            "瑶海区2024年50项民生实事",
        ]
    );
    let at = text.iter().position(|t| *t == "附件2").unwrap();
    assert_eq!(text[at + 1], "瑶海区2024年50项民生实事推进措施");
    assert_eq!(text[at + 2], "一、促进就业（2项）");
    assert!(text[at + 3].starts_with("（一）促进重点群体稳定就业"));
    // <br>-separated measures are lines of their own.
    let br = text
        .iter()
        .position(|t| t.starts_with("（三）加强城乡低保"))
        .unwrap();
    assert_eq!(text[br + 1], "推进措施：");
    assert!(text[br + 2].starts_with("1.根据合肥市2024年最低生活保障"));
    assert!(text[br + 3].starts_with("2.将最低生活保障"));
    // &nbsp; around numbers reads as a space, as in the text edition.
    assert!(text.iter().any(|t| t.contains("为 286 名有康复需求")));
    assert!(text
        .last()
        .unwrap()
        .starts_with("分别为：支持毕业生求职创业补贴"));
    let measures = text.iter().filter(|t| t.starts_with("推进措施")).count();
    assert!(measures >= 30, "{measures}");
    for n in ["（一）", "（二）", "（十）", "（二十）", "（三十七）"] {
        assert!(text.iter().any(|t| t.starts_with(n)), "{n}");
    }
}

#[test]
fn attachment_1_is_a_table_with_the_category_on_every_row() {
    let reading = reading();
    let tables = tables(&reading);
    assert_eq!(tables.len(), 1);
    let table = tables[0];
    let cell = |c: &Cell| c.text.as_str().to_string();
    assert_eq!(
        table.rows[0].iter().map(cell).collect::<Vec<_>>(),
        ["类别", "序号", "民生实事内容", "牵头单位"]
    );
    assert!(table.rows.iter().all(|r| r.len() == 4));
    let projects: Vec<&Vec<Cell>> = table
        .rows
        .iter()
        .filter(|r| r[1].text.as_str().parse::<u32>().is_ok())
        .collect();
    assert_eq!(projects.len(), 37);
    for (i, row) in projects.iter().enumerate() {
        assert_eq!(row[1].text.as_str(), (i + 1).to_string());
        assert!(!row[0].text.is_empty(), "row {}", i + 1);
        assert!(!row[3].text.is_empty(), "row {}", i + 1);
    }
    assert_eq!(projects[0][0].text.as_str(), "一、促进就业（2项）");
    assert!(!projects[0][0].from_above);
    assert_eq!(projects[1][0].text.as_str(), "一、促进就业（2项）");
    assert!(projects[1][0].from_above);
    assert_eq!(projects[1][0].text, projects[0][0].text);
    assert!(projects[15][0].from_above);
    assert_eq!(projects[15][0].text.as_str(), "三、困难群体救助（12项）");
    assert!(!projects[21][0].from_above); // 六、环境保护, a one-row category
    assert_eq!(
        projects[0][2].text.as_str(),
        "促进重点群体稳定就业，新增城镇就业1.15万人左右，“三公里”充分就业社区数量达到城市社区的75%。"
    );
    assert_eq!(projects[0][3].text.as_str(), "区人社局");
    assert!(projects[34][2].text.as_str().contains("“你点我检”200批次"));
    let last = table.rows.last().unwrap();
    assert_eq!(last[0].text.as_str(), "十二、瑶海区无任务（15项）");
    assert!(last[1].text.as_str().starts_with("分别为："));
    assert!(last[2].text.is_empty() && last[3].text.is_empty());
    assert_eq!(table.rows.len(), 39);
    let span = &PAGE[table.span.range()];
    assert!(span.starts_with("<table") && span.ends_with("</table>"));
}

#[test]
fn no_navigation_or_footer_text_is_read() {
    let reading = reading();
    // Metadata lines are set aside, not read: the hit counter and the font
    // buttons beside the 发布日期 field are among them.
    let metadata = lines(&reading, LineKind::Metadata);
    for text in all_texts(&reading) {
        if metadata.contains(&text.as_str()) {
            continue;
        }
        for noise in [
            "首页",
            "欢迎访问",
            "当前位置",
            "网站地图",
            "主办单位：",
            "上一篇",
            "附件下载",
            "打印本页",
            "浏览次数",
            "jquery",
            "doZoom",
        ] {
            assert!(
                !text.as_str().contains(noise),
                "{noise} in {:?}",
                text.as_str()
            );
        }
    }
    let skipped: String = reading
        .skipped
        .iter()
        .map(|s| &PAGE[s.range()])
        .collect::<Vec<_>>()
        .join("\n");
    for region in [
        "欢迎访问",
        "政务公开",
        "当前位置",
        "附件下载",
        "上一篇",
        "主办单位",
    ] {
        assert!(skipped.contains(region), "{region} not reported skipped");
    }
    assert!(!skipped.contains("一、提高政治站位"));
    assert!(!skipped.contains("var _hmt"));
}

#[test]
fn every_piece_of_text_maps_back_to_the_page() {
    let reading = reading();
    let mut checked = 0;
    for text in all_texts(&reading) {
        let s = text.as_str();
        for (i, c) in s.char_indices() {
            let original = &PAGE[text.span_of(i..i + c.len_utf8()).range()];
            let mut buf = [0u8; 4];
            let same = original == c.encode_utf8(&mut buf);
            let stands_for =
                original.starts_with('&') || c == ' ' || (c == '：' && original == ":");
            assert!(same || stands_for, "{c:?} in {s:?} maps to {original:?}");
            checked += 1;
        }
    }
    assert!(checked > 10_000, "{checked}");
    // Text copied from one place maps back as a whole.
    let Some(Block::Line(doc)) = reading
        .blocks
        .iter()
        .find(|b| matches!(b, Block::Line(l) if l.kind == LineKind::Text))
    else {
        panic!("no text")
    };
    assert_eq!(&PAGE[doc.span().range()], "瑶民生办〔2024〕1号");
    let table = tables(&reading)[0];
    assert_eq!(&PAGE[table.rows[1][3].text.span().range()], "区人社局");
    // A rowspan copy maps to the merged cell.
    assert_eq!(table.rows[2][0].text.span(), table.rows[1][0].text.span());
    // Pieces split by inline tags map to each piece.
    let cell = &table.rows[1][2].text;
    let at = cell.as_str().find("1.15").unwrap();
    assert_eq!(&PAGE[cell.span_of(at..at + 2).range()], "1.");
    assert_eq!(&PAGE[cell.span_of(at + 2..at + 4).range()], "15");
    let quote = cell.as_str().find('“').unwrap();
    assert_eq!(&PAGE[cell.span_of(quote..quote + 3).range()], "&ldquo;");
}

#[test]
fn block_counts() {
    let reading = reading();
    let count = |k| lines(&reading, k).len();
    assert_eq!(count(LineKind::ArticleTitle), 1);
    // Nine fields, and the hit counter and font buttons beside them.
    assert_eq!(count(LineKind::Metadata), 11);
    assert_eq!(tables(&reading).len(), 1);
    // The body, 附件1's heading and 附件2's paragraphs.
    assert!(count(LineKind::Text) > 150, "{}", count(LineKind::Text));
}

#[test]
fn crlf_pages_read_the_same_and_still_map_exactly() {
    let crlf = PAGE.replace('\n', "\r\n");
    let (a, b) = (reading(), read_html(&crlf));
    let texts = |r: &HtmlReading| -> Vec<String> {
        all_texts(r)
            .iter()
            .map(|t| t.as_str().to_string())
            .collect()
    };
    assert_eq!(texts(&a), texts(&b));
    for text in all_texts(&b) {
        for (i, c) in text.as_str().char_indices() {
            let original = &crlf[text.span_of(i..i + c.len_utf8()).range()];
            let mut buf = [0u8; 4];
            assert!(
                original == c.encode_utf8(&mut buf)
                    || original.starts_with('&')
                    || c == ' '
                    || c == '：',
                "{c:?} maps to {original:?}"
            );
        }
    }
}
