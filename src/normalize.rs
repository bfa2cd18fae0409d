//! The plain-text reader: physical lines → [`Block`]s.
//!
//! Text copied from a page or extracted from a PDF or Word file arrives with
//! paragraphs split by page breaks and hard wraps, page numbers and running
//! headers between pages, and tables flattened to one cell per line. This
//! stage
//!
//! 1. sets aside page furniture: page-number lines (`— 3 —`, `- 3 -`,
//!    `第 3 页`) and running headers (a line repeated at the top of pages,
//!    after a form feed or a page number);
//! 2. rebuilds flattened tables from their header row ([`crate::table`]);
//! 3. joins the remaining physical lines into logical lines: a line continues
//!    the previous one unless the previous ends a sentence or an element, or
//!    the line begins one (a heading number, a 附件 marker, a lead-unit
//!    clause, …). Where blank lines mark paragraphs (pdftotext output) they
//!    end a logical line too; where blank lines are everywhere (text copied
//!    from a PDF viewer, as in the seed) they mean nothing;
//! 4. folds width and spaces ([`crate::fold`]).

use crate::fold::fold;
use crate::layout::{Block, Line, LineKind};
use crate::lex::{self, MarkerStyle};
use crate::mapped::MappedText;
use crate::source::{SourceText, Span};
use crate::table;
use crate::units;
use crate::vocabulary::Vocabulary;

/// One physical line of the input: a slice of the source, not a copy (a
/// copy and its map took 70 bytes more a line, the most of the reader's
/// memory on a text of short lines).
#[derive(Debug, Clone)]
pub struct PhysicalLine<'a> {
    /// 0-based line index.
    pub index: usize,
    /// The line's content without surrounding whitespace.
    raw: &'a str,
    /// Where `raw` starts in the source.
    start: u32,
    /// The line with a user's labels read as the parser's own, where it
    /// has any.
    relabeled: Option<Box<MappedText>>,
    /// True when a form feed starts (or precedes) this line.
    pub page_break: bool,
}

impl PhysicalLine<'_> {
    /// The line's text.
    pub fn as_str(&self) -> &str {
        self.relabeled
            .as_deref()
            .map_or(self.raw, MappedText::as_str)
    }

    /// True when the line has no content.
    pub fn is_blank(&self) -> bool {
        self.as_str().is_empty()
    }

    /// The line's content without surrounding whitespace, mapped (made on
    /// each call where the line has no labels read).
    pub fn text(&self) -> std::borrow::Cow<'_, MappedText> {
        match &self.relabeled {
            Some(text) => std::borrow::Cow::Borrowed(text),
            None => std::borrow::Cow::Owned(MappedText::original(self.raw, self.start as usize)),
        }
    }

    /// Where the line's content is in the input (as `text().span()`).
    pub fn span(&self) -> Span {
        match &self.relabeled {
            Some(text) => text.span(),
            None if self.raw.is_empty() => Span::point(0),
            None => Span::new(self.start as usize, self.start as usize + self.raw.len()),
        }
    }
}

/// Split the source into trimmed physical lines.
pub fn physical_lines(source: &SourceText) -> Vec<PhysicalLine<'_>> {
    physical_lines_with(source, &Vocabulary::default())
}

/// The physical lines, each with a user's labels read as the parser's own.
fn physical_lines_with<'a>(
    source: &'a SourceText,
    vocabulary: &Vocabulary,
) -> Vec<PhysicalLine<'a>> {
    let text = &source.text;
    (0..source.lines.line_count())
        .map(|index| {
            let range = source.lines.line_range(text, index);
            let raw = &text[range.clone()];
            let page_break = raw.contains('\u{c}');
            let trimmed = raw.trim_matches(is_trimmed);
            let start = range.start + (raw.len() - raw.trim_start_matches(is_trimmed).len());
            let relabeled = if vocabulary.has_labels() {
                vocabulary
                    .read_labels(&MappedText::original(trimmed, start))
                    .map(Box::new)
            } else {
                None
            };
            PhysicalLine {
                index,
                raw: trimmed,
                start: start as u32,
                relabeled,
                page_break,
            }
        })
        .collect()
}

use crate::source::is_blank_char as is_trimmed;

/// Read plain text into blocks.
pub fn read_text(source: &SourceText) -> Vec<Block> {
    read_text_with(source, &Vocabulary::default())
}

/// Read plain text into blocks, with a user's vocabulary: its labels read
/// as the parser's own, the lines its filters match set aside as furniture.
pub fn read_text_with(source: &SourceText, vocabulary: &Vocabulary) -> Vec<Block> {
    let lines = physical_lines_with(source, vocabulary);
    let mut furniture = find_furniture(&lines);
    for (line, furniture) in lines.iter().zip(furniture.iter_mut()) {
        *furniture |= vocabulary.filters_out(line.as_str());
    }
    let footnotes = find_footnotes(&lines, &furniture);
    // Each line folded once, for the line grammars below.
    let folded_lines: Vec<String> = lines
        .iter()
        .map(|l| crate::fold::fold_str(l.as_str()))
        .collect();
    let chrome = find_chrome(&folded_lines, &furniture);
    let blank_separates = blank_lines_separate_paragraphs(&lines);
    let metadata = find_metadata(&lines, &folded_lines, &furniture, &chrome);
    // Lines set aside: they neither join nor split the text around them.
    let aside: Vec<bool> = (0..lines.len())
        .map(|i| furniture[i] || footnotes[i] || chrome[i] || metadata[i])
        .collect();
    // Date lines, found once (a line is asked about as the next line too).
    let date_lines: Vec<bool> = lines
        .iter()
        .map(|l| {
            // A date line starts with a digit (cheap filter before the grammar).
            l.as_str()
                .starts_with(|c: char| c.is_numeric() || "〇零一二三四五六七八九两".contains(c))
                && lex::is_date_line(&folded_lines[l.index])
        })
        .collect();
    // Only the line predicates above read the folded copies: free them
    // before the blocks are built (each line is folded again as it is
    // joined, one at a time).
    drop(folded_lines);

    let wrap_width = wrap_width(&lines);
    let mut blocks = Vec::new();
    let mut current: Option<Joined> = None;
    let mut after_blank = false;
    // Inside a page break: the blank lines around a page number are the
    // break's, not a paragraph's end ("（牵" / "" / "— 3 —" / "" / "头单位：…").
    let mut in_page_break = false;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if line.is_blank() {
            after_blank |= !in_page_break;
            i += 1;
            continue;
        }
        if aside[i] {
            let kind = aside_kind(&furniture, &footnotes, &chrome, i);
            if kind == LineKind::Metadata {
                flush(&mut current, &mut blocks);
            }
            if matches!(kind, LineKind::Furniture | LineKind::Footnote) {
                in_page_break = true;
                after_blank = false;
            }
            blocks.push(Block::Line(Line {
                text: fold(&line.text()),
                kind,
            }));
            i += 1;
            continue;
        }
        if let Some((table, next)) = table::read_flattened(source, &lines, i, &aside) {
            flush(&mut current, &mut blocks);
            blocks.push(Block::Table(table));
            // Page furniture between rows is set aside, and accounted for.
            for k in i..next {
                if aside[k] {
                    blocks.push(Block::Line(Line {
                        text: fold(&lines[k].text()),
                        kind: aside_kind(&furniture, &footnotes, &chrome, k),
                    }));
                }
            }
            i = next;
            after_blank = false;
            in_page_break = false;
            continue;
        }
        let folded = fold(&line.text());
        // A line of markup alone ("**" where a bold run was broken, a "\"):
        // nothing of the notice, set aside as it was printed.
        if folded.as_str().trim().is_empty() {
            blocks.push(Block::Line(Line {
                text: line.text().into_owned(),
                kind: LineKind::Furniture,
            }));
            i += 1;
            continue;
        }
        // An organ's name right above a date line is a signature.
        let signs_date = next_text_line(&lines, &aside, i).is_some_and(|n| date_lines[n]);
        // A short line with no punctuation that does not fill the width the
        // text wraps at is not a wrapped line: it ends there (a project's
        // title line above its paragraph).
        // Where blank lines part nothing (a double-spaced copy), the line
        // above is the last one before the blanks.
        let above = if after_blank && !blank_separates {
            (0..i).rev().find(|&k| !lines[k].is_blank())
        } else {
            (!after_blank && i > 0).then(|| i - 1)
        };
        let short_title_above = above
            .is_some_and(|k| !aside[k] && ends_short(lines[k].as_str(), wrap_width))
            && !folded.as_str().starts_with("关于");
        match current.take() {
            Some(prev)
                if !signs_date
                    && !short_title_above
                    && continues(&prev, folded.as_str(), after_blank && blank_separates) =>
            {
                let mut joined = prev;
                joined.push(&folded);
                current = Some(joined);
            }
            prev => {
                if let Some(prev) = prev {
                    blocks.push(Block::Line(Line::text(prev.text)));
                }
                current = Some(Joined::new(folded));
            }
        }
        after_blank = false;
        in_page_break = false;
        i += 1;
    }
    flush(&mut current, &mut blocks);
    blocks
}

/// Two items printed on one line, where a page lost the break between
/// them: "13.改造老旧小区30个。（责任单位：市住建局）14.新增停车泊位2000个。
/// （责任单位：市城管局）". A line that starts with an item's number is cut
/// after a lead-unit clause that the next item's number (the same style,
/// one more) follows. For the blocks of either reader, after the fold.
pub fn split_shared_lines(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        let Block::Line(line) = block else {
            out.push(block);
            continue;
        };
        if line.kind != LineKind::Text {
            out.push(Block::Line(line));
            continue;
        }
        let mut rest = line.text;
        while let Some(cut) =
            next_item_after_clause(rest.as_str()).or_else(|| next_inline_item(rest.as_str()))
        {
            out.push(Block::Line(Line::text(rest.slice(0..cut))));
            rest = rest.slice(cut..rest.len());
        }
        out.push(Block::Line(Line {
            text: rest,
            kind: line.kind,
        }));
    }
    out
}

/// Where the next item starts after a lead-unit clause in `text`, if the
/// line is an item and that one follows it.
fn next_item_after_clause(text: &str) -> Option<usize> {
    let own = lex::marker(text)?;
    units::find_clauses(text).into_iter().find_map(|clause| {
        let end = clause.range.end;
        let next = lex::marker(text.get(end..)?)?;
        (end < text.len()
            && next.style == own.style
            && next.number == own.number + 1
            && end + next.len < text.len())
        .then_some(end)
    })
}

/// Items numbered inside one paragraph, as a report or a 决议 prints them:
/// "（一）就业增收。1.新增城镇就业1.2万人；2.开展职业技能培训1.5万人次。",
/// "…办好12件民生实事：（1）实施就业扩容提质行动…；（2）开展…".
/// An item's line is cut before the next item's number (the same style,
/// one more) after a "；" or "。". A heading of another style is cut after
/// its first sentence where an item's number follows; a sentence that
/// opens a list, after its "：" where items 1 and 2 follow.
fn next_inline_item(text: &str) -> Option<usize> {
    let starts_item = |at: usize| {
        lex::marker(&text[at..]).filter(|m| at + m.len < text.len() && is_item_style(m.style))
    };
    let opener = match lex::marker(text) {
        Some(own) if is_item_style(own.style) => {
            return next_numbered(text, own.len, own).filter(|&at| starts_item(at).is_some());
        }
        Some(heading) => heading.len,
        None => 0,
    };
    // "（十）便民服务。17.新建…", "织密兜牢民生保障网。（4）…": a heading's
    // first sentence, short, then an item.
    let short_sentence = text[opener..]
        .char_indices()
        .take(HEADING_SENTENCE_CHARS)
        .find(|&(_, c)| c == '。')
        .map(|(end, c)| opener + end + c.len_utf8())
        .filter(|&cut| starts_item(cut).is_some());
    short_sentence.or_else(|| {
        // "…今年集中力量办好12件民生实事：（1）…；（2）…", a sentence, not a
        // field's label ("推进措施：1.…；2.…" are one project's).
        let colon = opener + text[opener..].find('：')?;
        if text[opener..colon].chars().count() <= FIELD_LABEL_CHARS {
            return None;
        }
        let colon = colon + '：'.len_utf8();
        let first = starts_item(colon).filter(|m| m.number == 1)?;
        next_numbered(text, colon + first.len, first)?;
        Some(colon)
    })
}

/// Styles of the numbers that list items (not the headings above them).
fn is_item_style(style: MarkerStyle) -> bool {
    matches!(
        style,
        MarkerStyle::ArabicDot | MarkerStyle::ParenArabic | MarkerStyle::Circled
    )
}

/// Where the item after `own` starts in `text`, after `from`: its number
/// (the same style, one more) right after a "；" or "。".
fn next_numbered(text: &str, from: usize, own: lex::Marker) -> Option<usize> {
    text[from..]
        .char_indices()
        .filter(|&(_, c)| matches!(c, '；' | '。'))
        .map(|(i, c)| from + i + c.len_utf8())
        .find(|&at| {
            lex::marker(&text[at..])
                .is_some_and(|m| m.style == own.style && m.number == own.number + 1)
        })
}

/// The longest first sentence of a heading that items follow on its line
/// ("（十）便民服务。").
const HEADING_SENTENCE_CHARS: usize = 16;

/// The longest label of a field ("推进措施：", "主要建设内容："): a colon
/// this near the line's start ends a label, not a sentence opening a list.
const FIELD_LABEL_CHARS: usize = 10;

/// A page made of one element per printed line (a PDF converted to HTML):
/// a line that leaves a bracket open ("…（牵头单位：区") goes on in the
/// next ("人社局；责任单位：各街道）"), as the text reader joins them.
pub fn join_open_brackets(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        if let (Some(Block::Line(prev)), Block::Line(next)) = (out.last_mut(), &block) {
            let open = |t: &str| {
                t.rfind('（')
                    .is_some_and(|o| t.rfind('）').is_none_or(|c| c < o))
            };
            if prev.kind == LineKind::Text
                && next.kind == LineKind::Text
                && open(prev.text.as_str())
                && lex::marker(next.text.as_str()).is_none()
            {
                prev.text.push_mapped(&next.text);
                continue;
            }
        }
        out.push(block);
    }
    out
}

/// Fold the text of blocks another reader made (the HTML reader).
pub fn fold_blocks(blocks: Vec<Block>, vocabulary: &Vocabulary) -> Vec<Block> {
    let read = |text: &MappedText| match vocabulary.read_labels(text) {
        Some(text) => fold(&text),
        None => fold(text),
    };
    blocks
        .into_iter()
        .map(|b| match b {
            Block::Line(l) => Block::Line(Line {
                kind: if l.kind == LineKind::Text && vocabulary.filters_out(l.as_str()) {
                    LineKind::Furniture
                } else {
                    l.kind
                },
                text: read(&l.text),
            }),
            Block::Table(mut t) => {
                for cell in t.rows.iter_mut().flatten() {
                    cell.text = read(&cell.text);
                }
                Block::Table(t)
            }
        })
        .collect()
}

/// The width the text wraps at: the length (in characters) that a fifth of
/// the non-blank lines reach.
fn wrap_width(lines: &[PhysicalLine]) -> usize {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.as_str().chars().count())
        .collect();
    if widths.is_empty() {
        return 0;
    }
    widths.sort_unstable();
    widths[widths.len() * 4 / 5]
}

/// A line that ends its paragraph by being short: at most 24 characters and
/// under 40% of the wrap width, with no punctuation in it after its heading
/// number, if any ("一、2024年工作回顾").
fn ends_short(line: &str, wrap_width: usize) -> bool {
    let n = line.chars().count();
    let words = &line[lex::marker(line).map_or(0, |m| m.len)..];
    (2..=24).contains(&n)
        && n * 10 < wrap_width * 4
        && !words.contains([
            '，', '。', '；', '：', '、', ',', ';', ':', '（', '(', '）', ')', '“', '”',
        ])
}

/// Index of the next non-blank line after `i` that is not set aside.
fn next_text_line(lines: &[PhysicalLine], aside: &[bool], i: usize) -> Option<usize> {
    (i + 1..lines.len()).find(|&k| !lines[k].is_blank() && !aside[k])
}

fn flush(current: &mut Option<Joined>, blocks: &mut Vec<Block>) {
    if let Some(joined) = current.take() {
        blocks.push(Block::Line(Line::text(joined.text)));
    }
}

/// A logical line being joined, with what [`continues`] asks of it kept up
/// to date as lines are appended, so that asking costs the same however
/// long it has grown (a rescan per physical line made joining quadratic).
struct Joined {
    text: MappedText,
    /// Byte offsets of its last "（" and last "）".
    last_open: Option<usize>,
    last_close: Option<usize>,
    /// Whether it contains "关于".
    guanyu: bool,
}

impl Joined {
    fn new(text: MappedText) -> Joined {
        let s = text.as_str();
        Joined {
            last_open: s.rfind('（'),
            last_close: s.rfind('）'),
            guanyu: s.contains("关于"),
            text,
        }
    }

    fn push(&mut self, piece: &MappedText) {
        let base = self.text.len();
        let p = piece.as_str();
        // "关" ending the line and "于" starting the piece.
        self.guanyu = self.guanyu
            || p.contains("关于")
            || (self.text.as_str().ends_with('关') && p.starts_with('于'));
        if let Some(k) = p.rfind('（') {
            self.last_open = Some(base + k);
        }
        if let Some(k) = p.rfind('）') {
            self.last_close = Some(base + k);
        }
        self.text.push_mapped(piece);
    }
}

/// Does the (folded) line `next` continue the logical line `prev`?
/// The text ends with a unit label and its colon, no name after it.
fn ends_with_unit_label(text: &str) -> bool {
    // A label is three to ten characters and its colon.
    text.char_indices().rev().skip(3).take(8).any(|(at, _)| {
        crate::units::clause_label(&text[at..]).is_some_and(|(_, taken)| at + taken == text.len())
    })
}

fn continues(prev: &Joined, next: &str, paragraph_break: bool) -> bool {
    if paragraph_break {
        return false;
    }
    let text = prev.text.as_str();
    // "…提升40公里。（" / "牵头单位：区交通委）": a bracket left open goes on.
    if text.ends_with(['（', '〔', '【', '［']) {
        return true;
    }
    // "…笼式足球场12个。牵头单位：" at a page end: the label's names follow.
    if text.ends_with('：') && ends_with_unit_label(text) {
        return !lex::begins_element(next);
    }
    if lex::ends_element_at(text, prev.last_open, prev.last_close)
        || lex::is_standalone_with(text, || prev.guanyu)
    {
        return false;
    }
    // A 题注 under a title ("（2025年1月9日…会议通过）", "——2025年1月14日在
    // …会议上") stands alone.
    if crate::document::headnote_date(text).is_some()
        || crate::document::headnote_date(next).is_some()
    {
        return false;
    }
    // "牵头单位：区教育局" / "完成时限：8月底": a field after a unit line.
    if crate::units::clause_label(text).is_some() && lex::is_field_line(next) {
        return false;
    }
    // "5—区医疗保障局" / "6—区城市管理局": rows of a table of who leads what.
    if crate::units::numbered_units(next).is_some() {
        return false;
    }
    // "…实施方案的通知" / "各乡镇人民政府，市直各部门：": a title's last line
    // ends with its kind of document, and the addressees start anew.
    let addressees_next =
        next.ends_with('：') && !next.contains('。') && next.chars().nth(80).is_none();
    if addressees_next
        && ["的通知", "的决定", "的意见", "的函", "的批复"]
            .iter()
            .any(|k| text.ends_with(k))
    {
        return false;
    }
    // A title over two lines: "…办公室" / "关于印发…的通知".
    if next.starts_with("关于") && lex::is_title(next) {
        return lex::marker(text).is_none() && text.chars().nth(30).is_none();
    }
    !lex::begins_element(next) && !lex::is_standalone(next)
}

fn aside_kind(furniture: &[bool], footnotes: &[bool], chrome: &[bool], i: usize) -> LineKind {
    if furniture[i] {
        LineKind::Furniture
    } else if footnotes[i] {
        LineKind::Footnote
    } else if chrome[i] {
        LineKind::Chrome
    } else {
        LineKind::Metadata
    }
}

/// A web page's metadata fields ("索引号：…", "发文字号：…", "发布日期：…",
/// several to a line, separated by tabs or spaces). At the top of the input,
/// above the notice and among the page's chrome, any metadata label makes a
/// metadata line; elsewhere only a label no notice uses ("公开方式：…").
fn find_metadata(
    lines: &[PhysicalLine],
    folded: &[String],
    furniture: &[bool],
    chrome: &[bool],
) -> Vec<bool> {
    let mut metadata = vec![false; folded.len()];
    let mut head = true;
    for (i, line) in folded.iter().enumerate() {
        if line.is_empty() || furniture[i] || chrome[i] {
            continue;
        }
        let raw = lines[i].as_str();
        if head && lex::is_metadata_field(line, raw) {
            metadata[i] = true;
            continue;
        }
        head = false;
        metadata[i] = lex::is_strong_metadata_field(line, raw);
    }
    metadata
}

/// Mark the chrome of the web page, forum or mirror site a copy was made
/// from ([`lex::chrome`]); after a link list's heading ("相关推荐"), the link
/// lines that follow it; a menu listed from "• 首页" on ([`lex::menu_item`]).
fn find_chrome(folded: &[String], furniture: &[bool]) -> Vec<bool> {
    let mut chrome = vec![false; folded.len()];
    let mut in_links = false;
    // A site's menu printed as a list by a text browser: from "• 首页" on,
    // the short entries under it.
    let mut in_menu = false;
    for (i, line) in folded.iter().enumerate() {
        if line.is_empty() || furniture[i] {
            continue;
        }
        match lex::menu_item(line) {
            Some(entry) if in_menu || entry == "首页" => {
                in_menu = true;
                chrome[i] = true;
                continue;
            }
            _ => in_menu = false,
        }
        match lex::chrome(line) {
            Some(kind) => {
                chrome[i] = true;
                in_links = kind == lex::Chrome::Links || (in_links && kind == lex::Chrome::Page);
            }
            None if in_links && lex::is_link_line(line) => chrome[i] = true,
            None => in_links = false,
        }
    }
    chrome
}

/// Whether blank lines in this input mark paragraph ends. Text copied from a
/// PDF viewer puts a blank line after nearly every line (the seed); there
/// they also stand where a page break split a sentence, so they mean nothing.
fn blank_lines_separate_paragraphs(lines: &[PhysicalLine]) -> bool {
    let non_blank = lines.iter().filter(|l| !l.is_blank()).count();
    if non_blank == 0 {
        return true;
    }
    let followed_by_blank = lines
        .windows(2)
        .filter(|w| !w[0].is_blank() && w[1].is_blank())
        .count();
    (followed_by_blank as f32) < 0.7 * non_blank as f32
}

/// Most lines one footnote block takes, its rule included.
const FOOTNOTE_REACH: usize = 8;

/// Mark footnotes: a rule ("————", "______") whose next line starts with a
/// footnote mark (①, [1], 注：), and the lines after it up to the page's
/// end (page furniture, a page break or a blank line) within reach.
fn find_footnotes(lines: &[PhysicalLine], furniture: &[bool]) -> Vec<bool> {
    let mut marks = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        if !lex::is_rule_line(lines[i].as_str()) {
            i += 1;
            continue;
        }
        let first = i + 1;
        if lines
            .get(first)
            .is_none_or(|l| lex::footnote_mark_len(l.as_str()) == 0)
        {
            i += 1;
            continue;
        }
        let mut end = first;
        while end < lines.len()
            && end - i < FOOTNOTE_REACH
            && !lines[end].is_blank()
            && !furniture[end]
            && (end == first || !lines[end].page_break)
        {
            end += 1;
        }
        for m in &mut marks[i..end] {
            *m = true;
        }
        i = end;
    }
    marks
}

/// Mark page-number lines and running headers.
fn find_furniture(lines: &[PhysicalLine]) -> Vec<bool> {
    let mut furniture: Vec<bool> = lines
        .iter()
        .map(|l| lex::is_page_number(l.as_str()))
        .collect();
    // Page tops: the first non-blank line after a form feed or a page number.
    let mut tops: Vec<usize> = Vec::new();
    let mut at_break = false;
    for (i, line) in lines.iter().enumerate() {
        if line.page_break {
            at_break = true;
        }
        if furniture[i] {
            at_break = true;
            continue;
        }
        if line.is_blank() {
            continue;
        }
        if at_break {
            tops.push(i);
            at_break = false;
        }
    }
    // A running header is a page-top text seen at two or more page tops;
    // every page-top occurrence is furniture, as is its first occurrence as
    // the first line of the input (the letterhead) only if it recurs.
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for &i in &tops {
        *counts.entry(lines[i].as_str()).or_default() += 1;
    }
    for &i in &tops {
        if counts[lines[i].as_str()] >= 2 {
            furniture[i] = true;
        }
    }
    // The first page's header is the input's first line, when it carries
    // an issue or a date ("某市人民政府公报 2025年第4期"): a letterhead,
    // which may recur at page tops too, never does, and a 文号 printed
    // there is the notice's own.
    if let Some(first) = lines.iter().position(|l| !l.is_blank()) {
        let text = lines[first].as_str();
        let issue = text.contains(|c: char| c.is_ascii_digit()) && lex::doc_number(text).is_none();
        if counts.get(text).is_some_and(|&n| n >= 2) && issue {
            furniture[first] = true;
        }
    }
    let mut headers: Vec<(&str, usize)> = counts
        .iter()
        .filter(|&(h, &n)| n >= 2 && h.chars().count() >= 4)
        .map(|(h, &n)| (*h, n))
        .collect();
    // Each header is looked for on every line: a notice has one or two,
    // so only the most frequent few are (in their order above), which
    // keeps this linear when every page has a header of its own.
    if headers.len() > MAX_RUNNING_HEADERS {
        let mut by_count: Vec<usize> = (0..headers.len()).collect();
        by_count.sort_by_key(|&k| std::cmp::Reverse(headers[k].1));
        let mut kept = vec![false; headers.len()];
        for &k in &by_count[..MAX_RUNNING_HEADERS] {
            kept[k] = true;
        }
        let mut k = 0;
        headers.retain(|_| {
            k += 1;
            kept[k - 1]
        });
    }
    for (header, _) in headers {
        mark_broken_headers(lines, &mut furniture, header);
    }
    furniture
}

/// Running headers looked for away from the page top, at most.
const MAX_RUNNING_HEADERS: usize = 16;

/// A running header that PDF extraction printed away from the page top:
/// garbled ("皖民生办〔" / "20241" for "皖民生办〔2024〕1号", glyphs lost, split
/// over lines) and interleaved inside a sentence, often followed by the page
/// number alone on its line ("2"). A run of up to four short lines whose
/// text, read in order, is the header with some characters lost (starting
/// with its first character, at least 60% of it, and not the whole header:
/// the header itself printed whole elsewhere is the notice's own 文号 or
/// title), and a bare page number right after it, are furniture — when the
/// run is split over two lines or more or has that page number: a single
/// line that only shares the header's words is the notice's text.
fn mark_broken_headers(lines: &[PhysicalLine], furniture: &mut [bool], header: &str) {
    let header: Vec<char> = header.chars().collect();
    let needed = (header.len() * 3).div_ceil(5).max(4);
    let mut i = 0;
    while i < lines.len() {
        let first = lines[i].as_str();
        if furniture[i] || lines[i].is_blank() || !first.starts_with(header[0]) {
            i += 1;
            continue;
        }
        // Extend the run while the joined text stays a subsequence of the header.
        let mut matched = 0; // header chars consumed
        let mut taken = 0; // text chars matched
        let mut run_end = i;
        let mut exact = true;
        for (k, line) in lines.iter().enumerate().skip(i).take(4) {
            if line.is_blank() || furniture[k] {
                break;
            }
            let text: Vec<char> = line
                .as_str()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let Some(after) = subsequence_end(&header, matched, &text) else {
                break;
            };
            if after - matched != text.len() {
                exact = false;
            }
            matched = after;
            taken += text.len();
            run_end = k + 1;
        }
        let whole = exact && matched == header.len() && taken == header.len();
        // The page number printed alone right after it.
        let page_number = lines.get(run_end).is_some_and(|next| {
            let t = next.as_str();
            (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
        });
        // Evidence of a broken header, not a line that merely shares its
        // words (the signature "某办公室" under the header "某办公室文件"):
        // split over lines, or with its page number.
        let broken = run_end - i >= 2 || page_number;
        if run_end == i || taken < needed || whole || !broken {
            i += 1;
            continue;
        }
        for f in &mut furniture[i..run_end] {
            *f = true;
        }
        if page_number {
            furniture[run_end] = true;
        }
        i = run_end;
    }
}

/// Where in `header` (from `from`) the characters of `text` end when read
/// as a subsequence of it, or `None` when they are not one.
fn subsequence_end(header: &[char], from: usize, text: &[char]) -> Option<usize> {
    let mut at = from;
    for &c in text {
        let found = header[at..].iter().position(|&h| h == c)?;
        at += found + 1;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn logical(text: &str) -> Vec<String> {
        let source = SourceText::new(text.to_string(), crate::model::Encoding::Utf8);
        read_text(&source)
            .into_iter()
            .filter_map(|b| match b {
                Block::Line(l) if l.kind == LineKind::Text => Some(l.as_str().to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_short_title_line_above_its_paragraph_is_not_a_wrap() {
        assert_eq!(
            logical("新建公办幼儿园\n新建公办幼儿园2所，新增学位540个，同步配齐保教人员。\n责任单位：区教育局\n"),
            ["新建公办幼儿园", "新建公办幼儿园2所，新增学位540个，同步配齐保教人员。", "责任单位：区教育局"]
        );
    }

    #[test]
    fn page_break_splits_are_joined_across_blank_lines() {
        let lines = logical("二、抓好统筹协调。各项民生实事牵头单位要抓好行业领域\n\n内工作统筹，责任落实到位。\n\n三、保障资金投入。\n");
        assert_eq!(
            lines,
            [
                "二、抓好统筹协调。各项民生实事牵头单位要抓好行业领域内工作统筹，责任落实到位。",
                "三、保障资金投入。"
            ]
        );
    }

    #[test]
    fn a_split_lead_unit_clause_is_joined() {
        let lines = logical("（21）筛查率分别达到 98%以上和 95%以上。（牵头\n\n单位：区卫健委)\n\n六、环境保护（1项）\n");
        assert_eq!(
            lines[0],
            "（21）筛查率分别达到98%以上和95%以上。（牵头单位：区卫健委）"
        );
        assert_eq!(lines[1], "六、环境保护（1项）");
    }

    #[test]
    fn page_numbers_and_running_headers_are_furniture() {
        let text = "文件头\n\n（7）推动实现残疾人较高质量就业，为有需求的残疾人开展培\n- 3 -\n\u{c}文件头\n训 85 人（次）。\n- 4 -\n\u{c}文件头\n（8）持续优化无障碍环境。\n";
        let lines = logical(text);
        assert_eq!(
            lines,
            [
                "文件头",
                "（7）推动实现残疾人较高质量就业，为有需求的残疾人开展培训85人（次）。",
                "（8）持续优化无障碍环境。"
            ]
        );
    }

    #[test]
    fn frame_lines_stay_apart() {
        let lines = logical("瑶民生办〔2024〕1号\n\n瑶海区民生工作领导小组办公室关于 2024年实施50项民生实事的通知\n\n各街镇、龙岗片区，区有关单位：\n\n瑶海区民生工作领导小组办公室\n\n2024 年 4 月 24 日\n");
        assert_eq!(lines.len(), 5, "{lines:?}");
    }
}
