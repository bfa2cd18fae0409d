//! Small grammars that classify a (folded) logical line.
//!
//! ## Grammar
//! ```text
//! marker      = cn-comma | paren-cn | arabic-dot | paren-arabic | circled | cn-shi | di
//! cn-comma    = cn-int "、"                 ; 一、  (not "一、二级": a list of grades)
//! paren-cn    = "（" cn-int "）"            ; （一）
//! arabic-dot  = digits ("." | "、") !digit  ; 1.  1、
//! paren-arabic= "（"? digits "）"            ; （1）  1）
//! circled     = "①" … "⑳"
//! cn-shi      = cn-int "是"                 ; 一是
//! di          = "第" cn-int ("类" | "、" | "，") ; 第一类
//! attachment  = "附件" digits?              ; a line of its own: 附件 1
//! ```
//! Lines are folded first ([`crate::fold`]), so brackets and colons are
//! full width and digits ASCII.
//!
//! ## References
//! GB/T 9704-2012 §7.3.3 (正文 layers 一、 （一） 1. （1））, §7.3.4 (附件说明),
//! §7.3.5 (成文日期), §8 (附件).

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::char as ch;
use nom::combinator::{map, map_opt, opt};
use nom::sequence::{delimited, terminated};
use nom::{IResult, Parser};

/// A numbering style of the official outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MarkerStyle {
    /// 一、
    ChineseComma,
    /// （一）
    ParenChinese,
    /// 1. or 1、
    ArabicDot,
    /// （1） or 1）
    ParenArabic,
    /// ①
    Circled,
    /// 一是
    ChineseShi,
    /// 第一类 / 第一、
    Di,
    /// 第一项 / 第二件
    DiItem,
    /// 项目一： / 项目2、
    Xiangmu,
    /// No number: a heading that declares its count ("教育医疗类（4项）"),
    /// numbered by its place among its like ([`counted_heading`]).
    Counted,
}

/// A heading number at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// Its style.
    pub style: MarkerStyle,
    /// Its value.
    pub number: u32,
    /// Bytes it takes at the start of the line.
    pub len: usize,
}

/// A Chinese integer numeral at the start of the input (一, 十二, 三十七),
/// as a nom parser over [`crate::numeral::chinese_integer`].
pub fn chinese_int(input: &str) -> IResult<&str, u32> {
    match crate::numeral::chinese_integer(input) {
        Some((n, len)) if n <= u32::MAX as u64 => Ok((&input[len..], n as u32)),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        ))),
    }
}

fn digits(input: &str) -> IResult<&str, u32> {
    map_opt(
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        |d: &str| d.parse().ok(),
    )
    .parse(input)
}

fn circled(input: &str) -> IResult<&str, u32> {
    map_opt(
        take_while_m_n(1, 1, |c: char| ('①'..='⑳').contains(&c)),
        |s: &str| s.chars().next().map(|c| c as u32 - '①' as u32 + 1),
    )
    .parse(input)
}

fn marker_parser(input: &str) -> IResult<&str, (MarkerStyle, u32)> {
    alt((
        map(terminated(chinese_int, ch('、')), |n| {
            (MarkerStyle::ChineseComma, n)
        }),
        map(delimited(ch('（'), chinese_int, ch('）')), |n| {
            (MarkerStyle::ParenChinese, n)
        }),
        map(delimited(opt(ch('（')), digits, ch('）')), |n| {
            (MarkerStyle::ParenArabic, n)
        }),
        map(terminated(digits, alt((ch('.'), ch('、')))), |n| {
            (MarkerStyle::ArabicDot, n)
        }),
        map(circled, |n| (MarkerStyle::Circled, n)),
        map(terminated(chinese_int, ch('是')), |n| {
            (MarkerStyle::ChineseShi, n)
        }),
        map(
            delimited(
                ch('第'),
                chinese_int,
                alt((tag("类"), tag("、"), tag("，"))),
            ),
            |n| (MarkerStyle::Di, n),
        ),
        // "项目一：" / "项目2、": a 票决 list's items, a style of their own.
        map(
            delimited(
                tag("项目"),
                alt((chinese_int, digits)),
                // A mark or the line's end: "项目一体化" is no number.
                alt((tag("："), tag("、"), tag("."), nom::combinator::eof)),
            ),
            |n| (MarkerStyle::Xiangmu, n),
        ),
        // "第一项 新建…", "第二件：…": items counted out, a style of their own
        // (under 第一类 categories).
        map(
            delimited(
                ch('第'),
                chinese_int,
                terminated(
                    alt((tag("项"), tag("件"))),
                    opt(alt((tag("："), tag("、")))),
                ),
            ),
            |n| (MarkerStyle::DiItem, n),
        ),
    ))
    .parse(input)
}

/// The heading number at the start of `line`, if any.
///
/// ```
/// use minsheng::internals::lex::{marker, MarkerStyle};
/// assert_eq!(marker("（十一）强化").map(|m| (m.style, m.number)), Some((MarkerStyle::ParenChinese, 11)));
/// assert_eq!(marker("3.依托").map(|m| m.number), Some(3));
/// assert!(marker("一、二级困难残疾人").is_none());
/// assert!(marker("1.8万—2.1万元").is_none());
/// assert_eq!(marker("1.6月底前完成").map(|m| m.number), Some(1));
/// assert_eq!(marker("项目三：").map(|m| (m.style, m.number)), Some((MarkerStyle::Xiangmu, 3)));
/// assert!(marker("项目一体化推进").is_none());
/// assert_eq!(marker("2.2025年民生实事项目清单").map(|m| m.number), Some(2));
/// assert!(marker("2.2025").is_none());
/// assert_eq!(marker("10.80周岁以上老年人高龄津贴").map(|m| m.number), Some(10));
/// ```
pub fn marker(line: &str) -> Option<Marker> {
    let (rest, (style, number)) = marker_parser(line).ok()?;
    let len = line.len() - rest.len();
    // "1.8" is a decimal, not a heading; but "1.6月底前" is item 1 saying
    // "by the end of June" (a decimal never counts months or days).
    if style == MarkerStyle::ArabicDot && rest.starts_with(|c: char| c.is_ascii_digit()) {
        let after = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        let month_or_day = after.starts_with(['月', '日']) && !after.starts_with("月份");
        // "2.2025年民生实事项目清单": a year after the number, no decimal.
        let digits = rest.len() - after.len();
        let year = digits == 4 && after.starts_with('年');
        // "10.80周岁以上老年人…": an age is counted in whole years.
        let age = after.starts_with("周岁") || (digits >= 2 && after.starts_with('岁'));
        if !(line[..len].ends_with('.')
            && (month_or_day || year || age)
            && !after.starts_with("月底前的"))
        {
            return None;
        }
    }
    // "一、二级" / "三、四级": a list of grades.
    if style == MarkerStyle::ChineseComma {
        if let Ok((after, _)) = chinese_int(rest) {
            if after.starts_with(['级', '、', '类', '星']) {
                return None;
            }
        }
    }
    // A bare number with nothing after it is a table's 序号 cell, not a heading.
    if rest.trim().is_empty()
        && matches!(
            style,
            MarkerStyle::ChineseShi | MarkerStyle::Di | MarkerStyle::DiItem
        )
    {
        return None;
    }
    Some(Marker { style, number, len })
}

/// A category heading printed without a number: a short name of Han
/// characters and its declared count, "教育医疗类（4项）". A list's title
/// ("2025年民生实事项目（10项）") is not one.
///
/// ```
/// assert!(minsheng::internals::lex::counted_heading("教育医疗类（4项）"));
/// assert!(!minsheng::internals::lex::counted_heading("某区2025年民生实事项目（10项）"));
/// assert!(!minsheng::internals::lex::counted_heading("新建幼儿园（3个）"));
/// ```
pub fn counted_heading(line: &str) -> bool {
    let (name, count) = split_count(line);
    let n = name.chars().count();
    count.is_some()
        && line.ends_with("项）")
        && (2..=16).contains(&n)
        && name
            .chars()
            .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '、')
        && !["民生", "实事", "项目", "年"]
            .iter()
            .any(|w| name.contains(w))
}

/// `附件 N` alone on its line: the start of an attachment. Returns its
/// number (`None` for an unnumbered 附件).
///
/// ```
/// assert_eq!(minsheng::internals::lex::attachment_marker("附件2"), Some(Some(2)));
/// assert_eq!(minsheng::internals::lex::attachment_marker("附件"), Some(None));
/// assert_eq!(minsheng::internals::lex::attachment_marker("附件：1.瑶海区"), None);
/// ```
pub fn attachment_marker(line: &str) -> Option<Option<u32>> {
    let rest = line.strip_prefix("附件")?;
    let rest = rest.trim();
    if rest.is_empty() {
        return Some(None);
    }
    let n = rest
        .strip_prefix('（')
        .and_then(|r| r.strip_suffix('）'))
        .unwrap_or(rest);
    if let Ok((tail, n)) = digits(n) {
        if tail.is_empty() {
            return Some(Some(n));
        }
    }
    if let Ok((tail, n)) = chinese_int(n) {
        if tail.is_empty() {
            return Some(Some(n));
        }
    }
    None
}

/// `附件：…` — the start of the body's 附件说明 (or a stray caption).
pub fn attachment_note(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches(['-', '—', '•', '·', '*', ' ']);
    rest.strip_prefix("附件：")
}

/// The header of a project's measures: 推进措施： / 推进举措： / 主要措施： …
pub fn measures_header(line: &str) -> bool {
    let core = line.trim_end_matches(['：', ':']);
    // 2..=8 characters, counted no further than the ninth.
    if core.chars().nth(8).is_some() || core.chars().nth(1).is_none() {
        return false;
    }
    ["措施", "举措", "工作措施", "保障措施", "实施步骤"]
        .iter()
        .any(|w| core.ends_with(w))
}

/// The labels of a web page's metadata fields (信息公开 tables), longest
/// first so that "发文字号" is not read as "文号".
pub const METADATA_LABELS: [&str; 24] = [
    "信息来源",
    "发文字号",
    "成文日期",
    "发布日期",
    "发布机构",
    "发文机关",
    "主题分类",
    "组配分类",
    "生成日期",
    "公开方式",
    "体裁分类",
    "公开日期",
    "公开范围",
    "公开时限",
    "索引号",
    "有效性",
    "主题词",
    "关键词",
    "文号",
    "名称",
    "标题",
    "来源",
    "分类",
    "时效",
];

/// Labels that only a metadata block uses: a line led by one of these is
/// metadata wherever it stands (the page's footer too), not only at the top.
const STRONG_METADATA_LABELS: [&str; 14] = [
    "索引号",
    "发文字号",
    "成文日期",
    "发布日期",
    "发布机构",
    "主题分类",
    "组配分类",
    "生成日期",
    "公开方式",
    "体裁分类",
    "公开日期",
    "公开范围",
    "有效性",
    "主题词",
];

/// The metadata label at the start of `s` with its "：": the label and the
/// bytes taken.
///
/// ```
/// assert_eq!(minsheng::internals::lex::metadata_label("发文字号：某〔2024〕1号"), Some(("发文字号", 15)));
/// assert_eq!(minsheng::internals::lex::metadata_label("发文字号"), None);
/// ```
pub fn metadata_label(s: &str) -> Option<(&'static str, usize)> {
    METADATA_LABELS.iter().find_map(|&label| {
        s.strip_prefix(label)
            .and_then(|r| r.strip_prefix('：'))
            .map(|r| (label, s.len() - r.len()))
    })
}

/// The metadata label at the start of a raw (unfolded) line where a tab or
/// spaces, not a colon, part it from its value ("索引号\t1144…"): a web
/// page's metadata table copied cell by cell.
///
/// ```
/// assert_eq!(minsheng::internals::lex::spaced_metadata_label("发文字号\t某〔2024〕1号"), Some("发文字号"));
/// assert_eq!(minsheng::internals::lex::spaced_metadata_label("标题是"), None);
/// ```
pub fn spaced_metadata_label(raw: &str) -> Option<&'static str> {
    let s = raw.trim_start_matches(crate::source::is_blank_char);
    METADATA_LABELS.iter().copied().find(|label| {
        s.strip_prefix(label)
            .and_then(|r| r.chars().next())
            .is_some_and(crate::source::is_blank_char)
    })
}

/// A web page's metadata field copied with the notice: "发文字号：…",
/// "成文日期：…", "发布日期：…", "索引号：…" (a line may hold several,
/// separated by tabs or spaces). `raw` is the line before the fold, which
/// drops the tab of "索引号\t…".
pub fn is_metadata_field(line: &str, raw: &str) -> bool {
    metadata_label(line).is_some() || spaced_metadata_label(raw).is_some()
}

/// A metadata field whose label no notice text uses ("索引号：…",
/// "公开方式：主动公开"), short enough to be a field, not a sentence; or a
/// line of two fields or more ("发文机关：…　成文日期：…"), which no notice
/// sentence is either.
pub fn is_strong_metadata_field(line: &str, raw: &str) -> bool {
    let first = metadata_label(line).map(|(label, _)| label);
    let strong = first
        .or_else(|| spaced_metadata_label(raw))
        .is_some_and(|label| STRONG_METADATA_LABELS.contains(&label));
    let field_count = || {
        METADATA_LABELS
            .iter()
            .filter(|label| {
                line.match_indices(*label)
                    .any(|(i, _)| line[i + label.len()..].starts_with('：'))
            })
            .count()
    };
    (strong || (first.is_some() && field_count() >= 2))
        && line.chars().count() <= 120
        && !line.ends_with('。')
}

/// What a line of web-page, forum or mirror-site chrome is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chrome {
    /// Navigation, breadcrumbs, buttons, the site's name, its footer.
    Page,
    /// A forum post's header or footer (发表于…, 本帖最后由…编辑, 回复, 举报).
    Forum,
    /// A reader's comment copied with the post ("思考：…", "评论：…").
    Comment,
    /// The heading of a list of links to other pages (相关推荐, 相关文章):
    /// the link lines after it are chrome too.
    Links,
    /// A line with a web address or a mirror site's advertisement.
    Spam,
}

/// Whether a (folded) line is chrome of the page, forum or mirror site the
/// notice was copied from, and which.
///
/// ```
/// use minsheng::internals::lex::{chrome, Chrome};
/// assert_eq!(chrome("首页>政务公开>政策文件"), Some(Chrome::Page));
/// assert_eq!(chrome("首页|政务公开|互动交流"), Some(Chrome::Page));
/// assert_eq!(chrome("无障碍 | 长者模式 | 简体 | 繁体"), Some(Chrome::Page));
/// assert_eq!(chrome("[某某市人民政府]"), Some(Chrome::Page));
/// assert_eq!(chrome("[附件1]"), None);
/// assert_eq!(chrome("【字体：大中小】【打印】【关闭】"), Some(Chrome::Page));
/// assert_eq!(chrome("发表于2024-3-110:20"), Some(Chrome::Forum));
/// assert_eq!(chrome("回复举报"), Some(Chrome::Forum));
/// assert_eq!(chrome("思考：这项目标能完成吗？"), Some(Chrome::Comment));
/// assert_eq!(chrome("相关推荐"), Some(Chrome::Links));
/// assert_eq!(chrome("更多精彩请访问www.example.com"), Some(Chrome::Spam));
/// assert_eq!(chrome("点击上方蓝字关注我们"), Some(Chrome::Page));
/// assert_eq!(chrome("2025-03-19 17:45发表于浙江"), Some(Chrome::Page));
/// assert_eq!(chrome("分享收藏在看12点赞36"), Some(Chrome::Page));
/// assert_eq!(chrome("一、促进就业（3项）"), None);
/// assert_eq!(chrome("主办单位：区教育体育局"), None);
/// assert_eq!(chrome("主办单位：某区人民政府办公室网站标识码：4406050001"), Some(Chrome::Page));
/// assert_eq!(chrome("某市人民政府办公室"), None);
/// assert_eq!(chrome("|"), None);
/// ```
pub fn chrome(line: &str) -> Option<Chrome> {
    let n = line.chars().count();
    if n == 0 {
        return None;
    }
    // A reader's comment: a commenter's label and a colon.
    const COMMENT: [&str; 12] = [
        "思考",
        "评论",
        "点评",
        "网友评论",
        "读者评论",
        "网友",
        "读者",
        "感想",
        "心得",
        "笔记",
        "我的看法",
        "个人理解",
    ];
    if let Some((label, _)) = line.split_once('：') {
        if COMMENT.contains(&label) {
            return Some(Chrome::Comment);
        }
    }
    const FORUM_PREFIX: [&str; 6] = [
        "发表于",
        "本帖最后由",
        "楼主",
        "只看该作者",
        "最后编辑于",
        "本帖由",
    ];
    if FORUM_PREFIX.iter().any(|p| line.starts_with(p)) && n <= 80 {
        return Some(Chrome::Forum);
    }
    const LINKS: [&str; 12] = [
        "往期推荐",
        "往期回顾",
        "相关推荐",
        "相关文章",
        "相关阅读",
        "相关链接",
        "推荐阅读",
        "热门文章",
        "猜你喜欢",
        "延伸阅读",
        "热点推荐",
        "相关附件",
    ];
    if LINKS.iter().any(|p| line.trim_end_matches('：') == *p) {
        return Some(Chrome::Links);
    }
    if n <= 60 && !ends_element(line) && has_web_address(line) {
        return Some(Chrome::Spam);
    }
    const SPAM: [&str; 6] = [
        "免费下载",
        "文档下载",
        "关注公众号",
        "微信公众号",
        "扫码关注",
        "本站",
    ];
    if n <= 60 && SPAM.iter().any(|p| line.contains(p)) {
        return Some(Chrome::Spam);
    }
    if n <= 60 && is_article_chrome(line) {
        return Some(Chrome::Page);
    }
    const PAGE_PREFIX: [&str; 19] = [
        "当前位置",
        "您的位置",
        "您现在的位置",
        "分享到",
        "扫一扫",
        "承办：",
        "协办：",
        "技术支持",
        "网站标识码",
        "版权所有",
        "Copyright",
        "©",
        "网站地图",
        "联系我们",
        "上一篇",
        "下一篇",
        "责任编辑",
        "浏览次数",
        "免责声明",
    ];
    if n <= 100 && PAGE_PREFIX.iter().any(|p| line.starts_with(p)) {
        return Some(Chrome::Page);
    }
    // "主办单位：" leads a project too; in a site's footer it comes with the
    // site's other credits.
    const FOOTER: [&str; 8] = [
        "网站",
        "标识码",
        "ICP",
        "备案",
        "版权",
        "承办",
        "技术支持",
        "联系电话",
    ];
    if n <= 100
        && ["主办：", "主办单位："].iter().any(|p| line.starts_with(p))
        && FOOTER.iter().any(|w| line.contains(w))
    {
        return Some(Chrome::Page);
    }
    if n <= 100 && (line.contains("ICP备") || line.contains("公网安备")) {
        return Some(Chrome::Page);
    }
    // A site's menu: "首页|政务公开|政策文件|互动交流".
    if n <= 100 && is_menu(line) {
        return Some(Chrome::Page);
    }
    if n <= 32 && is_image_label(line) {
        return Some(Chrome::Page);
    }
    // Breadcrumbs: "首页>政务公开>…".
    if n <= 100 && line.matches(['>', '＞', '»', '›']).count() >= 2 {
        return Some(Chrome::Page);
    }
    // The site's name.
    if n <= 30
        && ["门户网站", "政府网站", "人民政府网", "信息公开网"]
            .iter()
            .any(|s| line.ends_with(s))
        && !line.contains(['，', '。', '：'])
    {
        return Some(Chrome::Page);
    }
    // A row of buttons: "【打印】【关闭】", or button words alone.
    if only_bracket_groups(line) {
        return Some(Chrome::Page);
    }
    match buttons(line) {
        Some(true) => Some(Chrome::Forum),
        Some(false) => Some(Chrome::Page),
        None => None,
    }
}

/// The frame a WeChat (公众号) article puts around what it reposts: the
/// call to follow, the post's time and place, its end mark, the credits,
/// the buttons under it.
fn is_article_chrome(line: &str) -> bool {
    const PHRASES: [&str; 7] = [
        "点击上方蓝字",
        "点击蓝字",
        "关注我们",
        "长按二维码",
        "长按识别二维码",
        "阅读原文",
        "点击下方",
    ];
    const ALONE: [&str; 6] = ["—END—", "-END-", "END", "图片", "▼", "▲"];
    let buttons =
        line.contains("点赞") && ["分享", "收藏", "在看"].iter().any(|w| line.contains(w));
    // The post's credits, one to a line or run together.
    let credits = line.chars().count() <= 40
        && ["来源：", "编辑：", "审核：", "责编：", "校对：", "监制："]
            .iter()
            .any(|p| line.starts_with(p));
    // "2025-03-19 17:45 发表于浙江"
    let posted = line.starts_with(|c: char| c.is_ascii_digit()) && line.contains("发表于");
    PHRASES.iter().any(|p| line.contains(p))
        || ALONE.contains(&line)
        || buttons
        || credits
        || posted
}

/// A menu bar: "首页" and at least two more short entries between bars, or
/// a bar of the site's tools ("无障碍 | 长者模式 | 简体 | 繁体").
fn is_menu(line: &str) -> bool {
    const TOOLS: [&str; 12] = [
        "无障碍",
        "长者模式",
        "关怀模式",
        "关怀版",
        "适老化",
        "简体",
        "繁体",
        "登录",
        "注册",
        "English",
        "手机版",
        "移动版",
    ];
    let entries: Vec<&str> = line.split(['|', '｜', '丨']).map(str::trim).collect();
    let tools = entries.iter().filter(|e| TOOLS.contains(e)).count();
    entries.len() >= 3
        && (entries[0] == "首页" || tools >= 2)
        && entries.iter().all(|e| {
            (1..=10).contains(&e.chars().count())
                && !e.contains(['，', '。', '：', '；', '（', '）'])
        })
}

/// An image's label as a text browser prints it ("[潍坊市寒亭区人民政府]",
/// `w3m -dump`'s alt text of a site's logo): one bracketed name of a
/// government or its site, alone on its line.
fn is_image_label(line: &str) -> bool {
    let Some(inner) = line.strip_prefix('[').and_then(|r| r.strip_suffix(']')) else {
        return false;
    };
    (2..=30).contains(&inner.chars().count())
        && inner.chars().all(char::is_alphanumeric)
        && ["政府", "网", "网站", "门户"]
            .iter()
            .any(|s| inner.ends_with(s))
}

/// A menu entry printed as a list item by a text browser ("• 首页",
/// "* 政务公开"; folded, the space goes): the entry, if short and
/// unpunctuated.
///
/// ```
/// use minsheng::internals::lex::menu_item;
/// assert_eq!(menu_item("• 首页"), Some("首页"));
/// assert_eq!(menu_item("* 政务公开"), Some("政务公开"));
/// assert_eq!(menu_item("• 新增城镇就业3000人以上。"), None);
/// assert_eq!(menu_item("•首页"), Some("首页"), "folded: no space by CJK");
/// assert_eq!(menu_item("**要点**"), None);
/// ```
pub fn menu_item(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(['•', '*', '·', '●', '▪'])?;
    let entry = rest.trim_start_matches([' ', '\u{3000}']);
    ((1..=8).contains(&entry.chars().count()) && entry.chars().all(char::is_alphanumeric))
        .then_some(entry)
}

/// The line is made of "【…】" groups only.
fn only_bracket_groups(line: &str) -> bool {
    let mut rest = line;
    let mut groups = 0;
    while !rest.is_empty() {
        let Some(r) = rest.strip_prefix('【') else {
            return false;
        };
        let Some(close) = r.find('】') else {
            return false;
        };
        if r[..close].chars().count() > 12 {
            return false;
        }
        rest = r[close + '】'.len_utf8()..].trim_start_matches(['|', '｜', ' ']);
        groups += 1;
    }
    groups > 0
}

/// The line is a row of button words ("回复举报", "打印本页关闭窗口"): whether
/// a forum's (`Some(true)`) or a page's (`Some(false)`).
fn buttons(line: &str) -> Option<bool> {
    const FORUM: [&str; 14] = [
        "回复",
        "举报",
        "引用",
        "收藏",
        "点赞",
        "支持",
        "反对",
        "使用道具",
        "电梯直达",
        "倒序浏览",
        "阅读模式",
        "沙发",
        "板凳",
        "地板",
    ];
    const PAGE: [&str; 8] = [
        "打印本页",
        "关闭窗口",
        "打印",
        "关闭",
        "分享",
        "返回顶部",
        "返回",
        "评论",
    ];
    let mut rest = line;
    let mut forum = false;
    let mut words = 0;
    while !rest.is_empty() {
        rest = rest.trim_start_matches(['|', '｜', ' ', '·', '/']);
        if rest.is_empty() {
            break;
        }
        if let Some(w) = FORUM.iter().find(|w| rest.starts_with(**w)) {
            forum = true;
            rest = &rest[w.len()..];
        } else if let Some(w) = PAGE.iter().find(|w| rest.starts_with(**w)) {
            rest = &rest[w.len()..];
        } else {
            return None;
        }
        words += 1;
    }
    (words > 0).then_some(forum)
}

/// The line holds a web address (http://, www., a domain name).
fn has_web_address(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    if lower.contains("http://") || lower.contains("https://") || lower.contains("www.") {
        return true;
    }
    [".com", ".cn", ".net", ".org"].iter().any(|tld| {
        lower.match_indices(tld).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + tld.len()..].chars().next();
            before.is_some_and(|c| c.is_ascii_alphanumeric())
                && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        })
    })
}

/// A line of a link list (after "相关推荐"): a short title with no sentence
/// in it, perhaps followed by a date.
pub fn is_link_line(line: &str) -> bool {
    let n = line.chars().count();
    (2..=50).contains(&n)
        && !line.contains(['。', '；', '！', '？'])
        && !line.ends_with('：')
        && marker(line).is_none()
        && attachment_marker(line).is_none()
}

/// A measures header that leads a line with text after it
/// ("推进措施：一是…"): the bytes it takes, colon included.
pub fn measures_lead(line: &str) -> Option<usize> {
    let colon = line.find('：')?;
    let end = colon + '：'.len_utf8();
    (end < line.len() && measures_header(&line[..end])).then_some(end)
}

/// Items enumerated inside one paragraph: "一是…；二是…；三是…",
/// "1.…2.…", "（1）…（2）…". Each must start the text or follow a
/// separator (；。，：), and the numbers run 1, 2, 3 in one style. Returns
/// each item's number and byte range, marker excluded.
///
/// ```
/// let text = "一是加强帮扶；二是开展培训50万人次；三是落实政策。";
/// let items = minsheng::internals::lex::inline_items(text);
/// let parts: Vec<&str> = items.iter().map(|(_, r)| &text[r.clone()]).collect();
/// assert_eq!(parts, ["加强帮扶；", "开展培训50万人次；", "落实政策。"]);
/// ```
pub fn inline_items(text: &str) -> Vec<(u32, std::ops::Range<usize>)> {
    let mut starts: Vec<(u32, usize, usize)> = Vec::new(); // number, marker start, text start
    let mut style = None;
    let mut after_separator = true;
    for (i, c) in text.char_indices() {
        if after_separator {
            if let Some(m) = marker(&text[i..]) {
                let next = starts.len() as u32 + 1;
                if m.number == next && style.is_none_or(|s| s == m.style) {
                    style = Some(m.style);
                    starts.push((m.number, i, i + m.len));
                }
            }
        }
        after_separator = matches!(c, '；' | '。' | '，' | '：');
    }
    if starts.len() < 2 {
        return Vec::new();
    }
    // Text before the first marker is not an item; keep it with the first.
    starts
        .iter()
        .enumerate()
        .map(|(k, &(n, _, body))| {
            let end = starts.get(k + 1).map_or(text.len(), |s| s.1);
            (n, body..end)
        })
        .collect()
}

/// A page-number line: `— 3 —`, `- 3 -`, `-3-`, `第 3 页`, `第3页 共12页`.
pub fn is_page_number(line: &str) -> bool {
    let s: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let dashes = |c: char| matches!(c, '-' | '—' | '–' | '－' | '─' | '·');
    let inner = s.trim_matches(dashes);
    if inner.len() < s.len() && !inner.is_empty() && inner.len() <= 4 {
        return inner
            .chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    }
    if let Some(r) = s.strip_prefix('第') {
        let digits_end = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
        if digits_end > 0 && r[digits_end..].starts_with('页') {
            let tail = &r[digits_end + '页'.len_utf8()..];
            return tail.is_empty() || (tail.starts_with('共') && tail.ends_with('页'));
        }
    }
    false
}

/// A line that is a rule and nothing else: six or more of ─ — _ - ━ ＿.
pub fn is_rule_line(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 6
        && t.chars()
            .all(|c| matches!(c, '─' | '—' | '_' | '-' | '━' | '＿' | '－' | '―'))
}

/// Bytes of a footnote mark at the start of the line: "①", "[1]", "［1］",
/// "注：", "注1：", "*".
///
/// ```
/// use minsheng::internals::lex::footnote_mark_len;
/// assert_eq!(footnote_mark_len("② 改造内容按照…执行"), '②'.len_utf8());
/// assert_eq!(footnote_mark_len("[1]见附表"), 3);
/// assert_eq!(footnote_mark_len("1.新建幼儿园"), 0);
/// ```
pub fn footnote_mark_len(line: &str) -> usize {
    let mut chars = line.chars();
    match chars.next() {
        Some(c @ ('①'..='⑳' | '*' | '＊')) => c.len_utf8(),
        Some(open @ ('[' | '［')) => {
            let rest = &line[open.len_utf8()..];
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let close = rest[digits..].chars().next();
            match close {
                Some(c @ (']' | '］')) if digits > 0 => open.len_utf8() + digits + c.len_utf8(),
                _ => 0,
            }
        }
        Some('注') => {
            let rest = &line['注'.len_utf8()..];
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            match rest[digits..].chars().next() {
                Some(c @ ('：' | ':')) => '注'.len_utf8() + digits + c.len_utf8(),
                _ => 0,
            }
        }
        _ => 0,
    }
}

/// The length of a note's label at the start of a line ("注：", "备注：",
/// "说明："), or 0.
///
/// ```
/// use minsheng::internals::lex::note_len;
/// assert_eq!(note_len("注：省民生实事中2项我县无任务。"), "注：".len());
/// assert_eq!(note_len("注意安全"), 0);
/// ```
pub fn note_len(line: &str) -> usize {
    ["注：", "备注：", "说明："]
        .iter()
        .find(|p| line.starts_with(**p))
        .map_or(0, |p| p.len())
}

/// A 发文字号 at the start of the line: agency, year, serial and its length.
///
/// ```
/// let n = minsheng::internals::lex::doc_number("瑶民生办〔2024〕1号").unwrap();
/// assert_eq!((n.agency, n.year, n.serial), ("瑶民生办", 2024, 1));
/// ```
pub fn doc_number(line: &str) -> Option<DocNumberMatch<'_>> {
    // The 机关代字 is 1–12 characters, so the bracket is among the first 13:
    // looked for there only, a long line costs nothing.
    let open = line
        .char_indices()
        .take(13)
        .find(|&(_, c)| matches!(c, '〔' | '［' | '[' | '【' | '（' | '﹝'))?
        .0;
    let agency = &line[..open];
    if agency.is_empty()
        || agency.chars().count() > 12
        || !agency.chars().all(|c| c.is_alphanumeric())
    {
        return None;
    }
    let rest = &line[open..];
    let open_len = rest.chars().next()?.len_utf8();
    let rest = &rest[open_len..];
    let year_end = rest.find(|c: char| !c.is_ascii_digit())?;
    if year_end != 4 {
        return None;
    }
    let year: u32 = rest[..4].parse().ok()?;
    let rest = &rest[4..];
    let close = rest.chars().next()?;
    if !matches!(close, '〕' | '］' | ']' | '】' | '）' | '﹞') {
        return None;
    }
    let rest = &rest[close.len_utf8()..];
    let serial_end = rest.find(|c: char| !c.is_ascii_digit())?;
    let serial: u32 = rest[..serial_end].parse().ok()?;
    let rest = rest[serial_end..].strip_prefix('号')?;
    Some(DocNumberMatch {
        agency,
        year,
        serial,
        len: line.len() - rest.len(),
    })
}

/// A 发文字号 found by [`doc_number`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocNumberMatch<'a> {
    /// 机关代字.
    pub agency: &'a str,
    /// 年份.
    pub year: u32,
    /// 序号.
    pub serial: u32,
    /// Bytes taken.
    pub len: usize,
}

/// The first full date in `line` (the date grammar of [`crate::numeral`]).
///
/// ```
/// let d = minsheng::internals::lex::find_date("二〇二五年三月十八日").unwrap();
/// assert_eq!(d.iso(), "2025-03-18");
/// ```
pub fn find_date(line: &str) -> Option<crate::numeral::DateMatch> {
    crate::numeral::find_date(line)
}

/// The line is a date and nothing else (a 成文日期 line).
pub fn is_date_line(line: &str) -> bool {
    // A date has at most a few dozen characters besides spaces (four for
    // the year, 年 月 日, two numbers of at most a handful of characters), so
    // a line with more is no date line, and is not searched: this is asked
    // of every logical line as it grows, and a search is linear in it.
    const MAX_DATE_CHARS: usize = 64;
    if line
        .chars()
        .filter(|c| !c.is_whitespace())
        .nth(MAX_DATE_CHARS)
        .is_some()
    {
        return false;
    }
    find_date(line).is_some_and(|d| d.range.start == 0 && line[d.range.end..].trim().is_empty())
}

/// Does this line complete an element, so the next line cannot continue it?
pub fn ends_element(line: &str) -> bool {
    ends_element_at(line, line.rfind('（'), line.rfind('）'))
}

/// [`ends_element`] of a line given where its last "（" and its last "）"
/// are. The line joiner keeps both as it appends, so asking about a
/// growing line costs no rescan of it.
pub(crate) fn ends_element_at(
    line: &str,
    last_open: Option<usize>,
    last_close: Option<usize>,
) -> bool {
    let Some(last) = line.chars().next_back() else {
        return true;
    };
    // An open bracket ("（牵头单位：" at a wrap) continues on the next line.
    // Counted from the last opening bracket: a project marker "35）" with
    // its "（" lost must not balance the clause's open one.
    if open_at_end(last_open, last_close) {
        return false;
    }
    if matches!(last, '。' | '！' | '？' | '；' | '：') {
        return true;
    }
    if last == '）' {
        // "…（12 项）" or "…（牵头单位：区民政局）"
        if let Some(open) = last_open {
            let group = &line[open..];
            return declared_count(group).is_some()
                || crate::units::clause_label(&group['（'.len_utf8()..]).is_some();
        }
    }
    false
}

fn open_at_end(last_open: Option<usize>, last_close: Option<usize>) -> bool {
    match (last_open, last_close) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

/// True when the last "（" of `line` has no "）" after it.
///
/// ```
/// assert!(minsheng::internals::lex::open_bracket_at_end("35）送戏1.5万场。（牵头单位："));
/// assert!(!minsheng::internals::lex::open_bracket_at_end("（牵头单位：省民政厅）"));
/// ```
pub fn open_bracket_at_end(line: &str) -> bool {
    open_at_end(line.rfind('（'), line.rfind('）'))
}

/// Does this line begin a new element (so it never continues the previous)?
pub fn begins_element(line: &str) -> bool {
    marker(line).is_some()
        || attachment_marker(line).is_some()
        || attachment_note(line).is_some()
        || measures_header(line)
        || crate::units::clause_label(line.trim_start_matches('（')).is_some()
        || ["抄送", "注：", "备注：", "（此件", "此页无正文", "印发"]
            .iter()
            .any(|p| line.starts_with(p))
}

/// A line that opens a labelled field: a short label and its colon
/// ("完成时限：2024年8月底", "资金来源：区财政"). After a unit clause's line
/// it is a field of its own, not more names.
///
/// ```
/// assert!(minsheng::internals::lex::is_field_line("完成时限：2024年8月底"));
/// assert!(!minsheng::internals::lex::is_field_line("区财政局、区住建局"));
/// ```
pub fn is_field_line(line: &str) -> bool {
    line.split_once('：').is_some_and(|(label, _)| {
        (2..=6).contains(&label.chars().count())
            && label
                .chars()
                .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    })
}

/// A line that is an element by itself: it neither continues the previous
/// line nor takes the next.
pub fn is_standalone(line: &str) -> bool {
    is_standalone_with(line, || line.contains("关于"))
}

/// [`is_standalone`] with the answer to `line.contains("关于")` supplied by
/// the caller, who may know it without a scan (the line joiner keeps it as
/// it appends): every other test looks at a bounded head or tail of the
/// line, so this costs the same on a line of any length.
pub(crate) fn is_standalone_with(line: &str, contains_guanyu: impl FnOnce() -> bool) -> bool {
    attachment_marker(line).is_some()
        || is_date_line(line)
        || is_date_line(line.trim_end_matches("印发"))
        || doc_number(line).is_some_and(|n| line[n.len..].trim().is_empty())
        || (line.ends_with('：') && measures_header(line))
        || is_title_with(line, contains_guanyu)
        || line.ends_with("文件")
        // A 附注 in brackets ("（此件公开发布）") is a line of its own.
        || (line.starts_with("（此件") && line.ends_with('）'))
}

/// A document title: "…关于…的通知", "…民生实事项目的通知".
pub fn is_title(line: &str) -> bool {
    is_title_with(line, || line.contains("关于")) || is_report_title(line)
}

/// A government's work report, the whole or an extract: "政府工作报告",
/// "2025年玉环市政府工作报告（节选）". Its title has no 关于.
fn is_report_title(line: &str) -> bool {
    let base = ["（节选）", "（摘要）", "（摘登）", "（摘编）"]
        .iter()
        .find_map(|s| line.strip_suffix(s))
        .unwrap_or(line);
    base.ends_with("政府工作报告") && base.chars().count() <= 30
}

fn is_title_with(line: &str, contains_guanyu: impl FnOnce() -> bool) -> bool {
    // The kinds of GB/T 9704 documents that announce a plan (a 人大's
    // 决议 and a government's 报告 too), and 方案, 办法, 安排.
    const KINDS: [&str; 12] = [
        "通知", "意见", "方案", "决定", "决议", "办法", "通报", "通告", "批复", "公告", "安排",
        "报告",
    ];
    KINDS.iter().any(|k| line.ends_with(k)) && line.chars().nth(7).is_some() && contains_guanyu()
}

/// A declared count "（12 项）" / "（2项）" / "(3件)": the number.
pub fn declared_count(group: &str) -> Option<u32> {
    let inner = group.strip_prefix('（')?.strip_suffix('）')?;
    // "（共3项）": 共 says "in all".
    let inner = inner.trim().trim_start_matches('共').trim();
    // The unit is the last character and the only one of its kind: tested
    // from the end first, so a long bracket that is no count costs nothing.
    // "（2个项目）", "（3件实事）": a counter and then what is counted.
    let is_unit = |c: char| matches!(c, '项' | '件' | '个');
    let counted = ["个项目", "项实事", "件实事", "个事项"]
        .iter()
        .find_map(|w| inner.strip_suffix(w).map(|n| (n, w)));
    let num = match counted {
        Some((num, _)) => num,
        None => {
            let unit = inner.chars().next_back().filter(|&c| is_unit(c))?;
            &inner[..inner.len() - unit.len_utf8()]
        }
    };
    if num.contains(is_unit) {
        return None;
    }
    num.trim().parse().ok().or_else(|| {
        chinese_int(num.trim())
            .ok()
            .filter(|(r, _)| r.is_empty())
            .map(|(_, n)| n)
    })
}

/// Split "促进就业（2项）" into the name and the declared count.
///
/// ```
/// use minsheng::internals::lex::split_count;
/// assert_eq!(split_count("促进教育公平（共3项）"), ("促进教育公平", Some(3)));
/// assert_eq!(split_count("教育类4项"), ("教育类", Some(4)));
/// assert_eq!(split_count("民生保障共3项"), ("民生保障", Some(3)));
/// assert_eq!(split_count("完成改造4项"), ("完成改造4项", None));
/// assert_eq!(split_count("就业创业（2个项目）"), ("就业创业", Some(2)));
/// assert_eq!(split_count("教育（3件实事）"), ("教育", Some(3)));
/// ```
pub fn split_count(text: &str) -> (&str, Option<u32>) {
    if text.ends_with('）') {
        if let Some(open) = text.rfind('（') {
            if let Some(n) = declared_count(&text[open..]) {
                return (text[..open].trim_end(), Some(n));
            }
        }
    }
    // A bare count after the name: "教育类 4项", "民生保障共3项".
    if let Some(body) = text.strip_suffix('项') {
        let digits = body.len()
            - body
                .trim_end_matches(|c: char| {
                    c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
                })
                .len();
        let before = &body[..body.len() - digits];
        let name = before.trim_end_matches('共').trim_end();
        // A category's name ("教育类") or a count said to be the whole
        // ("…共3项"); "完成改造4项" is a task.
        let named = name.len() > 1 && (name.ends_with('类') || name.len() < before.len());
        if digits > 0 && named && !name.contains(['，', '。', '；']) {
            if let Some(n) = declared_count(&format!("（{}项）", &body[body.len() - digits..])) {
                return (name, Some(n));
            }
        }
    }
    (text, None)
}

/// Leading characters that are a list bullet left over from copying.
pub fn bullet_len(line: &str) -> usize {
    let rest = line.trim_start_matches(['-', '•', '·', '*', '●', '■', '□', '▪']);
    if rest.len() < line.len() {
        line.len() - rest.trim_start().len()
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_of_every_style() {
        let cases = [
            ("一、促进就业", MarkerStyle::ChineseComma, 1),
            ("十二、瑶海区无任务", MarkerStyle::ChineseComma, 12),
            ("（三十七）实施", MarkerStyle::ParenChinese, 37),
            ("（37）实施", MarkerStyle::ParenArabic, 37),
            ("1）实施", MarkerStyle::ParenArabic, 1),
            ("12.实施", MarkerStyle::ArabicDot, 12),
            ("2、开展", MarkerStyle::ArabicDot, 2),
            ("③做好", MarkerStyle::Circled, 3),
            ("二是加强", MarkerStyle::ChineseShi, 2),
            ("第三类：就业", MarkerStyle::Di, 3),
        ];
        for (line, style, number) in cases {
            let m = marker(line).unwrap_or_else(|| panic!("{line} should have a marker"));
            assert_eq!((m.style, m.number), (style, number), "{line}");
        }
    }

    #[test]
    fn text_that_only_looks_numbered() {
        for line in [
            "一、二级困难残疾人",
            "三、四级困难",
            "1.8万—2.1万元",
            "2024年",
            "一户多残",
        ] {
            assert!(marker(line).is_none(), "{line} is not a heading");
        }
    }

    #[test]
    fn page_numbers() {
        for line in ["— 1 —", "- 3 -", "-12-", "第 3 页", "第3页共12页"] {
            assert!(is_page_number(line), "{line}");
        }
        for line in ["1", "2024", "— 说明 —", "第三类"] {
            assert!(!is_page_number(line), "{line}");
        }
    }

    #[test]
    fn dates_and_doc_numbers() {
        assert_eq!(find_date("2024年4月24日").unwrap().iso(), "2024-04-24");
        assert_eq!(find_date("2024-04-26").unwrap().iso(), "2024-04-26");
        assert!(is_date_line("二〇二五年三月十八日"));
        assert!(!is_date_line("于4月15日前制定"));
        assert!(doc_number("合残联〔2021〕1号").is_some());
        assert!(doc_number("相政【2024】5号").is_some());
        assert!(doc_number("瑶海区2024年").is_none());
    }

    #[test]
    fn counts() {
        assert_eq!(
            split_count("困难群体救助（12项）"),
            ("困难群体救助", Some(12))
        );
        assert_eq!(split_count("促进就业（2 项）"), ("促进就业", Some(2)));
        assert_eq!(split_count("总体要求"), ("总体要求", None));
    }
}
