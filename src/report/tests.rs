use std::collections::{BTreeMap, BTreeSet};

use super::*;

fn parsed(text: &str) -> Parsed {
    crate::parse_bytes(text.as_bytes(), &crate::Options::default())
}

fn report(text: &str) -> String {
    render(&parsed(text))
}

/// The value of attribute `name` in the tag starting at `tag`.
fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let len = tag[at..].find('"')?;
    Some(&tag[at..at + len])
}

/// The highlights of a page: per kind, the distinct `data-id`s.
fn highlights(page: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (at, _) in page.match_indices("<span class=\"m m-") {
        let tag = &page[at..at + page[at..].find('>').unwrap()];
        let kind = tag["<span class=\"m m-".len()..]
            .split(['"', ' '])
            .next()
            .unwrap();
        if tag.contains("swatch") {
            continue;
        }
        let id = attr(tag, "data-id").expect("every highlight has a data-id");
        out.entry(kind.to_string())
            .or_default()
            .insert(id.to_string());
    }
    out
}

fn count(h: &BTreeMap<String, BTreeSet<String>>, kind: &str) -> usize {
    h.get(kind).map_or(0, BTreeSet::len)
}

/// The open highlights' kinds at each highlight opened, as a path
/// ("project/target"); checks that spans close in order.
fn nesting(page: &str) -> Vec<String> {
    let body =
        &page[page.find("<section class=\"text\"").unwrap()..page.find("</section>").unwrap()];
    let mut stack: Vec<String> = Vec::new();
    let mut paths = Vec::new();
    let mut rest = body;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        let end = rest.find('>').unwrap();
        let tag = &rest[..=end];
        if let Some(kind) = tag.strip_prefix("<span class=\"m m-") {
            let kind = kind.split(['"', ' ']).next().unwrap().to_string();
            stack.push(kind);
            paths.push(stack.join("/"));
        } else if tag.starts_with("<span") {
            stack.push(String::new());
        } else if tag == "</span>" {
            stack.pop().expect("a </span> closes an open span");
        } else if tag.starts_with("<div class=\"row") {
            assert!(stack.is_empty(), "highlights open across rows: {stack:?}");
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty());
    paths
}

const NOTICE: &str = "瑶民生办〔2024〕1号\n\n关于2024年实施民生实事的通知\n\n各街镇、区有关单位：\n\n附件 1\n\n一、促进就业（2 项）\n\n（1）新增城镇就业 1.15 万人左右。（牵头单位：区人社局；配合单位：区财政局）\n（2）开展招聘活动，\n组织招聘会不少于 50 场。（牵头单位：区人社局）\n";

#[test]
fn text_from_the_input_is_escaped_everywhere() {
    let page = report("附件 1\n一、<b>促进</b>就业（1项）\n（1）新增\"就业\"100人 & 'x' <script>alert(1)</script>\u{1}。（牵头单位：区<人社>局）\n");
    assert!(!page.contains("<script>alert"), "raw markup from the input");
    assert!(!page.contains("<b>"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&lt;b&gt;促进&lt;/b&gt;"));
    assert!(page.contains("&quot;就业&quot;100人 &amp; &#39;x&#39;"));
    assert!(page.contains("区&lt;人社&gt;局"));
    // The control character is replaced, never written.
    assert!(!page.contains('\u{1}'));
    assert!(page.contains('\u{FFFD}'));
    // Our one script, and no tag or attribute broken open by the text.
    assert_eq!(page.matches("<script").count(), 1);
    nesting(&page);
}

#[test]
fn escape_replaces_what_html_does_not_allow() {
    let mut out = String::new();
    escape(&mut out, "a\u{0}b\rc\u{7f}d\u{85}e\u{fdd0}f\u{fffe}g\th\ni");
    assert_eq!(
        out,
        "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}e\u{fffd}f\u{fffd}g\th\ni"
    );
}

#[test]
fn targets_and_units_nest_inside_their_project() {
    let page = report(NOTICE);
    let paths = nesting(&page);
    assert!(paths.contains(&"project/target".to_string()), "{paths:?}");
    assert!(paths.contains(&"category".to_string()), "{paths:?}");
    // The clause is not the project's text: the units stand on their own.
    assert!(paths.contains(&"lead".to_string()), "{paths:?}");
    assert!(paths.contains(&"support".to_string()), "{paths:?}");
    assert!(paths.iter().any(|p| p.starts_with("frame")), "{paths:?}");
    // No target, unit or measure holds a project.
    assert!(!paths
        .iter()
        .any(|p| p.contains("target/") || p.contains("lead/")));
}

#[test]
fn counts_match_the_notice() {
    let p = parsed(NOTICE);
    let page = render(&p);
    let h = highlights(&page);
    assert_eq!(count(&h, "project"), 2);
    assert_eq!(count(&h, "category"), 1);
    assert_eq!(count(&h, "target"), 2);
    assert_eq!(count(&h, "lead"), 2);
    assert_eq!(count(&h, "support"), 1);
    // 发文字号, 标题, 主送机关.
    assert_eq!(count(&h, "frame"), 3, "{h:?}");
    assert_eq!(page.matches("<tr data-go=").count(), 2);
    assert_eq!(page.matches("data-count=\"project\">2<").count(), 1);
}

#[test]
fn an_element_over_two_lines_is_one_element_in_two_pieces() {
    let page = report(NOTICE);
    // Project 2 runs over two lines: two pieces, one id.
    assert_eq!(page.matches("data-id=\"p2\"").count(), 2);
    assert_eq!(page.matches("id=\"p2\"").count(), 3); // id= once, data-id= twice
    assert!(page.contains("<a href=\"#p2\""));
}

#[test]
fn diagnostics_stand_beside_their_line() {
    let p = parsed("附件 1\n一、促进就业（3项）\n（1）新增城镇就业100人。（牵头单位：区人社局）\n这一行没有人要。\n");
    let page = render(&p);
    assert!(!p.notice.diagnostics.is_empty());
    assert_eq!(
        page.matches("<div class=\"diag ").count(),
        p.notice.diagnostics.len()
    );
    // The unplaced line is highlighted, and its warning is in its row.
    let row = page
        .lines()
        .find(|l| l.contains("这一行没有人要"))
        .expect("the line is shown");
    assert!(row.contains("m-unplaced"), "{row}");
    assert!(row.contains("unparsed-text"), "{row}");
    assert!(row.contains("flag-warning"), "{row}");
}

#[test]
fn an_empty_input_still_makes_a_page() {
    let p = parsed("");
    let page = render(&p);
    assert!(page.ends_with("</html>\n"));
    assert_eq!(page.matches("<div class=\"diag ").count(), 1);
    nesting(&page);
}

/// Every corpus notice: each element highlighted once, nothing out of the
/// shown text, the places parallel to the notice.
#[test]
fn every_corpus_notice_is_highlighted_in_full() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if !matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "html")
        ) {
            continue;
        }
        seen += 1;
        let bytes = std::fs::read(&path).unwrap();
        let p = crate::parse_bytes(&bytes, &crate::Options::default());
        let n = &p.notice;
        let page = render(&p);
        let h = highlights(&page);
        let name = path.display();
        let sum = |f: &dyn Fn(&Project) -> usize| n.plan.projects.iter().map(f).sum::<usize>();
        assert_eq!(p.places.projects.len(), n.plan.projects.len(), "{name}");
        assert_eq!(count(&h, "project"), n.plan.projects.len(), "{name}");
        assert_eq!(count(&h, "category"), n.plan.categories.len(), "{name}");
        assert_eq!(count(&h, "untasked"), n.plan.untasked.len(), "{name}");
        assert_eq!(count(&h, "target"), sum(&|p| p.targets.len()), "{name}");
        assert_eq!(count(&h, "measure"), sum(&|p| p.measures.len()), "{name}");
        let figures = sum(&|p| p.measures.iter().map(|m| m.quantities.len()).sum());
        assert_eq!(count(&h, "quantity"), figures, "{name}");
        assert_eq!(count(&h, "lead"), sum(&|p| p.lead_units.len()), "{name}");
        assert_eq!(
            count(&h, "support"),
            sum(&|p| p.support_units.len()),
            "{name}"
        );
        assert_eq!(count(&h, "leader"), sum(&|p| p.leaders.len()), "{name}");
        let unparsed = n
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::UnparsedText)
            .count();
        assert_eq!(count(&h, "unplaced"), unparsed, "{name}");
        let d = &n.document;
        let frame = usize::from(d.doc_number.is_some())
            + usize::from(d.title.is_some())
            + usize::from(!d.addressees.is_empty())
            + usize::from(d.preamble.is_some())
            + d.sections.len()
            + d.attachment_list.len()
            + usize::from(d.issuer.is_some())
            + usize::from(d.date.is_some())
            + d.notes.len()
            + d.colophon.len();
        assert_eq!(count(&h, "frame"), frame, "{name}: {:?}", p.places.frame);
        assert_eq!(
            page.matches("<div class=\"diag ").count(),
            n.diagnostics.len(),
            "{name}"
        );
        assert_eq!(page.matches("<tr data-go=").count(), n.plan.projects.len());
        assert!(
            !page.contains(" unshown\""),
            "{name}: an element outside the shown text"
        );
        // Every lead unit's place reads as the unit (as printed, spaces
        // and line breaks aside).
        for (project, place) in n.plan.projects.iter().zip(&p.places.projects) {
            for (unit, spans) in project.lead_units.iter().zip(&place.lead_units) {
                let printed: String = spans
                    .iter()
                    .map(|s| p.source.slice(*s))
                    .collect::<String>()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                let fold = |s: &str| {
                    crate::fold::fold(&MappedText::original(s, 0))
                        .as_str()
                        .to_string()
                };
                assert_eq!(
                    fold(&printed),
                    fold(unit),
                    "{name}: project {}",
                    project.number
                );
            }
        }
        nesting(&page);
    }
    assert!(seen >= 10, "corpus notices found: {seen}");
}

#[test]
fn an_element_outside_the_shown_text_is_marked_not_lost() {
    let mut p = parsed(NOTICE);
    let end = p.source.text.len();
    p.notice.plan.projects[0].targets[0].span = Span::new(end + 10, end + 12);
    let page = render(&p);
    assert_eq!(count(&highlights(&page), "target"), 2);
    assert_eq!(page.matches(" unshown\"").count(), 1);
    assert!(page.contains("1 not in the shown text"));
    nesting(&page);
}

#[test]
fn a_web_page_shows_its_reader_text_and_what_it_skipped() {
    let page = "<html><body><div class=\"nav\"><a href=\"/\">首页</a>&nbsp;<a href=\"/x\">政务&amp;公开</a></div>\n<div class=\"article\">\n<p>附件1</p>\n<p>一、促进就业（1项）</p>\n<p>（1）新增就业100人。（牵头单位：区人社局）</p>\n</div></body></html>\n";
    let p = parsed(page);
    assert_eq!(p.notice.source.format, "html");
    let out = render(&p);
    // No markup of the page shows as text; the skipped navigation does,
    // set aside, as a browser shows it.
    assert!(!out.contains("&lt;a href"), "markup shown as text");
    assert!(out.contains("首页 政务&amp;公开"), "skipped text");
    assert!(out.contains("class=\"row skipped"));
    let h = highlights(&out);
    assert_eq!(count(&h, "project"), 1);
    assert_eq!(count(&h, "lead"), 1);
    // Rows are numbered with the HTML source's lines.
    let row = out
        .lines()
        .find(|l| l.starts_with("<div class=\"row") && l.contains("m-lead"))
        .unwrap();
    assert!(row.contains(">5</a>"), "{row}");
}
