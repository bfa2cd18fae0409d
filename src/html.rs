//! The HTML reader: a notice saved from a government web page → [`Block`]s.
//!
//! The page is tokenized by `html5gum` (a WHATWG tokenizer that reports the
//! byte span of every token) and built into a small, forgiving element tree
//! (implied end tags for `p`, `li`, `td`, `tr`…; stray end tags ignored).
//! From that tree:
//!
//! 1. the page's metadata fields outside the article (索引号, 文号, 生成日期…)
//!    become [`LineKind::Metadata`] lines `label：value`;
//! 2. the article heading becomes a [`LineKind::ArticleTitle`] line;
//! 3. the article container (found by where the paragraph text is, helped by
//!    class/id hints) is read in document order: one line per paragraph or
//!    `<br>`-separated piece, one [`Table`] per data table.
//!
//! Every piece of text is a [`MappedText`] over the HTML: text copied as is
//! maps byte for byte, decoded entities and collapsed whitespace map to the
//! original range they replace. The visible text nobody used (navigation,
//! breadcrumbs, footer) is reported in [`HtmlReading::skipped`], and
//! accounted for as diagnostics by [`HtmlReading::skipped_diagnostics`].

use crate::diagnostic::{quote, Code, Diagnostic};
use crate::layout::{Block, Cell, Line, LineKind, Table};
use crate::mapped::MappedText;
use crate::source::Span;
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// What the HTML reader made of a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlReading {
    /// Metadata lines, the article title, then the article's lines and
    /// tables in document order.
    pub blocks: Vec<Block>,
    /// Regions of visible text that no block took (navigation, breadcrumbs,
    /// footer…), one span per run of skipped text, in document order.
    pub skipped: Vec<Span>,
    /// Text no reader of the page sees (`display:none`, `<template>` …):
    /// not the page's text, so neither read nor reported.
    pub hidden: Vec<Span>,
    /// Markup the tokenizer could not read as a tag and so dropped or
    /// took as attributes (a tag cut off by the end of the page, a `<`
    /// before text that no `>` closes): text no block holds, reported.
    pub broken: Vec<Span>,
    /// The page's markup as the tokenizer read it (tags, comments, the
    /// doctype), adjacent pieces merged: the structure around its text.
    pub markup: Vec<Span>,
}

impl HtmlReading {
    /// The visible text the reader skipped, accounted for: one `page-chrome`
    /// (info) diagnostic per stretch of skipped text between two blocks
    /// (the navigation above the article, the footer below it), and an
    /// `unparsed-text` warning for a skipped piece that reads like notice
    /// text (a sentence, a lead-unit clause), so that content outside the
    /// container found for the article is never lost silently.
    ///
    /// ```
    /// let page = "<div class=\"nav\"><a>首页</a> <a>政务公开</a></div><div class=\"article\"><p>附件1</p><p>一、促进就业（1项）</p><p>（1）新增就业100人。（牵头单位：区人社局）</p></div>";
    /// let reading = minsheng::internals::html::read_html(page);
    /// let d = reading.skipped_diagnostics(page);
    /// assert_eq!(d.len(), 1);
    /// assert_eq!(d[0].code, minsheng::Code::PageChrome);
    /// ```
    pub fn skipped_diagnostics(&self, html: &str) -> Vec<Diagnostic> {
        let mut starts: Vec<u32> = self.blocks.iter().map(|b| b.span().start).collect();
        starts.sort_unstable();
        // Group skipped runs with no block between them.
        let mut groups: Vec<Vec<Span>> = Vec::new();
        let mut last_gap = None;
        for &span in &self.skipped {
            let gap = starts.partition_point(|&s| s < span.start);
            match groups.last_mut() {
                Some(g) if last_gap == Some(gap) => g.push(span),
                _ => groups.push(vec![span]),
            }
            last_gap = Some(gap);
        }
        let mut out: Vec<Diagnostic> = self
            .broken
            .iter()
            .filter_map(|&span| {
                let raw = html.get(span.range())?.trim();
                (!raw.is_empty()).then(|| {
                    Diagnostic::new(
                        Code::UnparsedText,
                        span,
                        format!(
                            "expected a tag closed by “>”, found broken markup whose text the page reader could not read: {}",
                            quote(raw)
                        ),
                    )
                })
            })
            .collect();
        for group in groups {
            let mut chrome: Vec<(Span, String)> = Vec::new();
            for span in group {
                let text = visible_text(html, span);
                if text.is_empty() {
                    continue;
                }
                if reads_like_notice_text(&text) {
                    out.push(Diagnostic::new(
                        Code::UnparsedText,
                        span,
                        format!(
                            "expected the notice's text inside the article, found notice text outside it that the reader skipped: {}",
                            quote(&text)
                        ),
                    ));
                } else {
                    chrome.push((span, text));
                }
            }
            let (Some(first), Some(last)) = (chrome.first(), chrome.last()) else {
                continue;
            };
            let texts: Vec<&str> = chrome.iter().map(|(_, t)| t.as_str()).collect();
            out.push(Diagnostic::new(
                Code::PageChrome,
                first.0.cover(last.0),
                format!(
                    "expected notice text, found the web page's navigation, buttons or footer outside the article ({}, set aside): {}",
                    match chrome.len() {
                        1 => "1 piece of text".to_string(),
                        n => format!("{n} pieces of text"),
                    },
                    quote(&texts.join(" "))
                ),
            ));
        }
        out
    }
}

/// The text a browser shows for `span` of the page: tags dropped, a few
/// entities decoded, whitespace collapsed.
fn visible_text(html: &str, span: Span) -> String {
    let raw = html.get(span.range()).unwrap_or("");
    let mut out = String::new();
    let mut in_tag = false;
    for c in raw.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&gt;", ">")
        .replace("&lt;", "<");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A skipped piece that a notice would contain: a sentence of some length
/// or a lead-unit clause.
fn reads_like_notice_text(text: &str) -> bool {
    let folded = crate::fold::fold_str(text);
    (folded.chars().count() >= 40 && folded.contains('。'))
        || ["牵头单位：", "责任单位：", "牵头部门："]
            .iter()
            .any(|l| folded.contains(l))
}

/// True when `text` looks like an HTML page rather than a plain-text notice.
///
/// ```
/// use minsheng::internals::html::looks_like_html;
/// assert!(looks_like_html("<!DOCTYPE html><html><body><p>附件1</p></body></html>"));
/// assert!(!looks_like_html("附件 1\n\n一、促进就业（1 项）\n"));
/// ```
pub fn looks_like_html(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text[..end].to_ascii_lowercase();
    if head.starts_with("<!doctype html") || (head.starts_with("<?xml") && head.contains("<html")) {
        return true;
    }
    if ["<html", "<body", "<head"].iter().any(|t| head.contains(t)) {
        return true;
    }
    const COMMON: [&str; 12] = [
        "<p>", "<p ", "<div", "<span", "<br", "<table", "<td", "<tr", "</p>", "</div>", "<a ",
        "<meta",
    ];
    COMMON
        .iter()
        .map(|t| head.matches(t).count())
        .sum::<usize>()
        >= 3
}

/// Read an HTML page into blocks.
///
/// ```
/// use minsheng::internals::html::read_html;
/// use minsheng::internals::layout::Block;
/// let page = "<div class=\"article\"><p>推进措施：<br>1.&ldquo;家门口&rdquo;就业</p></div>";
/// let reading = read_html(page);
/// let lines: Vec<&str> = reading.blocks.iter().filter_map(|b| match b {
///     Block::Line(l) => Some(l.as_str()),
///     _ => None,
/// }).collect();
/// assert_eq!(lines, ["推进措施：", "1.“家门口”就业"]);
/// ```
pub fn read_html(html: &str) -> HtmlReading {
    let dom = Dom::parse(html);
    let container = find_container(&dom);
    let mut used = Vec::new();
    let mut blocks: Vec<Block> = metadata(&dom, container, &mut used)
        .into_iter()
        .map(|text| {
            Block::Line(Line {
                text,
                kind: LineKind::Metadata,
            })
        })
        .collect();
    let title = find_title(&dom, container);
    let mut title_inside = None;
    match title {
        Some(Title::Element(id)) if dom.is_within(id, container) => title_inside = Some(id),
        Some(Title::Element(id)) => {
            let text = joined_text(&dom, id, &mut used);
            push_title(&mut blocks, text);
        }
        Some(Title::PageTitle(text)) => push_title(&mut blocks, text),
        None => {}
    }
    let mut flow = Flow::new(&dom, &mut used, title_inside);
    flow.walk(container);
    flow.flush();
    blocks.extend(flow.blocks);
    let (skipped, hidden) = skipped(&dom, &used);
    HtmlReading {
        blocks,
        skipped,
        hidden,
        broken: dom.broken,
        markup: dom.markup,
    }
}

fn push_title(blocks: &mut Vec<Block>, text: MappedText) {
    if !text.is_empty() {
        blocks.push(Block::Line(Line {
            text,
            kind: LineKind::ArticleTitle,
        }));
    }
}

// ---------------------------------------------------------------------------
// The element tree.

/// Deeper nesting is flattened: it keeps every walk's recursion bounded.
const MAX_DEPTH: usize = 200;
/// Cap on a table's width (notices use under 10 columns); bounds the grid
/// a hostile `colspan` can make.
const MAX_COLUMNS: usize = 100;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound",
];
/// Elements whose text is never shown (or is form/page chrome).
const HIDDEN: &[&str] = &[
    "head", "script", "style", "title", "noscript", "template", "iframe", "object", "select",
    "textarea", "button", "svg", "math", "noframes", "xml",
];
/// Inline elements: their text joins the surrounding line with no break.
const INLINE: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "big",
    "cite",
    "code",
    "data",
    "del",
    "dfn",
    "em",
    "font",
    "i",
    "ins",
    "kbd",
    "label",
    "mark",
    "nobr",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "time",
    "tt",
    "u",
    "var",
    "img",
    "o:p",
    "st1:chsdate",
];
/// Start tags that close an open `<p>` (the spec's list, in short).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];
/// Elements an implied end tag or a stray end tag does not cross.
const SCOPE: &[&str] = &[
    "td", "th", "table", "caption", "html", "button", "object", "marquee", "applet", "template",
];

#[derive(Debug)]
enum Kind {
    Root,
    Element {
        name: String,
        attrs: Vec<(String, String)>,
    },
    /// Decoded text, not yet whitespace-normalized.
    Text(MappedText),
}

#[derive(Debug)]
struct Node {
    parent: usize,
    children: Vec<usize>,
    kind: Kind,
    span: Span,
}

/// The page as a tree; nodes are in document order (a node's index is
/// larger than its parent's and its earlier siblings').
#[derive(Debug)]
struct Dom {
    nodes: Vec<Node>,
    /// See [`HtmlReading::broken`].
    broken: Vec<Span>,
    /// See [`HtmlReading::markup`].
    markup: Vec<Span>,
}

impl Dom {
    fn parse(html: &str) -> Dom {
        let mut dom = Dom {
            nodes: vec![Node {
                parent: 0,
                children: Vec::new(),
                kind: Kind::Root,
                span: Span::new(0, html.len()),
            }],
            broken: Vec::new(),
            markup: Vec::new(),
        };
        // Where the last token ended: text between two tokens is markup
        // the tokenizer dropped.
        let mut read_to = 0usize;
        let mut stack = vec![0usize];
        let mut emitter = DefaultEmitter::<usize>::new_with_span();
        // script/style/title/textarea content as raw text, not markup.
        emitter.naively_switch_states(true);
        for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
            if let Some(span) = token_span(&token) {
                dom.note_dropped(html, read_to, span.start);
                read_to = read_to.max(span.end);
                if !matches!(token, Token::String(_)) {
                    dom.note_markup(html, span);
                }
            }
            match token {
                Token::StartTag(tag) => {
                    if !is_markup_name(&tag.name)
                        || tag.attributes.keys().any(|k| !is_markup_name(k))
                    {
                        dom.broken.push(Span::new(tag.span.start, tag.span.end));
                    }
                    let name = String::from_utf8_lossy(&tag.name).into_owned();
                    let at = tag.span.start;
                    dom.close_implied(&mut stack, &name, at);
                    let attrs = tag
                        .attributes
                        .iter()
                        .map(|(k, v)| {
                            (
                                String::from_utf8_lossy(k).into_owned(),
                                String::from_utf8_lossy(&v.value).into_owned(),
                            )
                        })
                        .collect();
                    let void = VOID.contains(&name.as_str());
                    let id = dom.push(&stack, Kind::Element { name, attrs }, tag.span);
                    if !void && stack.len() < MAX_DEPTH {
                        stack.push(id);
                    }
                }
                Token::EndTag(tag) => {
                    if !is_markup_name(&tag.name) {
                        dom.broken.push(Span::new(tag.span.start, tag.span.end));
                    }
                    let name = String::from_utf8_lossy(&tag.name).into_owned();
                    if name == "br" {
                        // `</br>` is a line break, as browsers read it.
                        let kind = Kind::Element {
                            name,
                            attrs: Vec::new(),
                        };
                        dom.push(&stack, kind, tag.span);
                    } else {
                        dom.close_tag(&mut stack, &name, tag.span);
                    }
                }
                Token::String(text) => {
                    let (start, end) = (text.span.start, text.span.end);
                    let Some(raw) = html.get(start..end) else {
                        continue;
                    };
                    let value = String::from_utf8_lossy(&text.value);
                    let mapped = decode_text(raw, start, &value);
                    dom.push(&stack, Kind::Text(mapped), text.span);
                }
                _ => {}
            }
        }
        dom.note_dropped(html, read_to, html.len());
        for &id in &stack[1..] {
            dom.nodes[id].span.end = html.len() as u32;
        }
        dom
    }

    /// A tag, comment or doctype at `span`; a comment the end of the page
    /// cut off (no "-->") hides the rest of the page: broken markup.
    fn note_markup(&mut self, html: &str, span: html5gum::Span) {
        let (start, end) = (span.start, span.end);
        let raw = html.get(start..end).unwrap_or("");
        if raw.starts_with("<!--") && !raw.ends_with("-->") && end == html.len() {
            self.broken.push(Span::new(start, end));
            return;
        }
        match self.markup.last_mut() {
            Some(last) if last.end as usize == start => last.end = end as u32,
            _ => self.markup.push(Span::new(start, end)),
        }
    }

    /// `html[from..to]`, between two tokens, holds text the tokenizer
    /// dropped (a tag cut off by the end of the page): broken markup.
    fn note_dropped(&mut self, html: &str, from: usize, to: usize) {
        if from < to && html.get(from..to).is_some_and(|t| !t.trim().is_empty()) {
            self.broken.push(Span::new(from, to));
        }
    }

    fn push(&mut self, stack: &[usize], kind: Kind, span: html5gum::Span) -> usize {
        let parent = stack.last().copied().unwrap_or(0);
        let id = self.nodes.len();
        self.nodes.push(Node {
            parent,
            children: Vec::new(),
            kind,
            span: Span::new(span.start, span.end),
        });
        self.nodes[parent].children.push(id);
        id
    }

    fn name(&self, id: usize) -> &str {
        match &self.nodes[id].kind {
            Kind::Element { name, .. } => name,
            _ => "",
        }
    }

    fn attr(&self, id: usize, key: &str) -> Option<&str> {
        match &self.nodes[id].kind {
            Kind::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// Index in `stack` of the innermost open element named one of `names`,
    /// not looking past the elements named in `stop`.
    fn find_open(&self, stack: &[usize], names: &[&str], stop: &[&str]) -> Option<usize> {
        for (pos, &id) in stack.iter().enumerate().skip(1).rev() {
            let name = self.name(id);
            if names.contains(&name) {
                return Some(pos);
            }
            if stop.contains(&name) {
                return None;
            }
        }
        None
    }

    /// Pop `stack` down to (and including) position `pos`, ending the popped
    /// elements at `end`.
    fn pop_to(&mut self, stack: &mut Vec<usize>, pos: usize, end: usize) {
        for &id in &stack[pos..] {
            self.nodes[id].span.end = end.max(self.nodes[id].span.start as usize) as u32;
        }
        stack.truncate(pos.max(1));
    }

    /// The end tags a start tag implies (`<p>` ends an open `<p>`, `<td>`
    /// an open cell, …).
    fn close_implied(&mut self, stack: &mut Vec<usize>, name: &str, at: usize) {
        let target: Option<(&[&str], &[&str])> = match name {
            "li" => Some((&["li"], &["ul", "ol", "td", "th", "table"])),
            "dd" | "dt" => Some((&["dd", "dt"], &["dl", "td", "th", "table"])),
            "tr" => Some((&["tr"], &["table"])),
            "td" | "th" => Some((&["td", "th"], &["tr", "table"])),
            "tbody" | "thead" | "tfoot" => Some((&["tbody", "thead", "tfoot"], &["table"])),
            "option" => Some((&["option"], &["select"])),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                Some((&["h1", "h2", "h3", "h4", "h5", "h6"], SCOPE))
            }
            _ => None,
        };
        if CLOSES_P.contains(&name) {
            if let Some(pos) = self.find_open(stack, &["p"], SCOPE) {
                self.pop_to(stack, pos, at);
            }
        }
        if let Some((names, stop)) = target {
            if let Some(pos) = self.find_open(stack, names, stop) {
                self.pop_to(stack, pos, at);
            }
        }
        // A row's cells end with the row.
        if name == "tr" {
            if let Some(pos) = self.find_open(stack, &["td", "th"], &["table"]) {
                self.pop_to(stack, pos, at);
            }
        }
    }

    fn close_tag(&mut self, stack: &mut Vec<usize>, name: &str, span: html5gum::Span) {
        let stop: &[&str] = match name {
            "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "caption" => &["table"],
            "table" => &[],
            _ => SCOPE,
        };
        let Some(pos) = self.find_open(stack, &[name], stop) else {
            return; // a stray end tag: ignored
        };
        let matched = stack[pos];
        self.pop_to(stack, pos + 1, span.start);
        self.nodes[matched].span.end = span.end as u32;
        stack.truncate(pos);
    }

    /// True when `id` is `ancestor` or inside it.
    fn is_within(&self, mut id: usize, ancestor: usize) -> bool {
        loop {
            if id == ancestor {
                return true;
            }
            if id == 0 {
                return false;
            }
            id = self.nodes[id].parent;
        }
    }

    fn ancestors(&self, id: usize) -> impl Iterator<Item = usize> + '_ {
        let mut cur = id;
        std::iter::from_fn(move || {
            if cur == 0 {
                return None;
            }
            cur = self.nodes[cur].parent;
            Some(cur)
        })
    }

    /// An element that is not shown (head, script…, `display:none`).
    fn is_hidden_element(&self, id: usize) -> bool {
        if HIDDEN.contains(&self.name(id)) {
            return true;
        }
        self.attr(id, "style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        }) || self.attr(id, "hidden").is_some()
    }

    fn is_hidden(&self, id: usize) -> bool {
        self.is_hidden_element(id) || self.ancestors(id).any(|a| self.is_hidden_element(a))
    }

    fn is_inline(&self, id: usize) -> bool {
        INLINE.contains(&self.name(id))
    }
}

/// Where a token is in the page (errors have no text of their own).
fn token_span(token: &Token<usize>) -> Option<html5gum::Span> {
    match token {
        Token::StartTag(t) => Some(t.span),
        Token::EndTag(t) => Some(t.span),
        Token::String(t) | Token::Comment(t) => Some(t.span),
        Token::Doctype(t) => Some(t.span),
        Token::Error(_) => None,
    }
}

/// A tag or attribute name as markup writes them, in ASCII: one with CJK
/// in it is text a broken tag (a `<` that no `>` closes soon) swallowed.
fn is_markup_name(name: &[u8]) -> bool {
    name.is_ascii()
}

// ---------------------------------------------------------------------------
// Text: entities and whitespace.

/// `raw` (the source text at byte `at`) with its character references
/// decoded, each mapped to the reference it replaces. `expected` is the
/// tokenizer's own decoding; should ours ever differ, the tokenizer's wins
/// and the whole text maps to the whole range.
fn decode_text(raw: &str, at: usize, expected: &str) -> MappedText {
    let mut out = MappedText::new();
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = raw[i..].find('&') {
        let amp = i + off;
        let len = reference_len(&raw[amp..]);
        i = amp + 1;
        if len == 0 {
            continue;
        }
        let reference = &raw[amp..amp + len];
        let decoded = decode_reference(reference);
        if decoded == reference {
            continue;
        }
        out.push_original(&raw[copied..amp], at + copied);
        out.push_replacement(&decoded, Span::new(at + amp, at + amp + len));
        i = amp + len;
        copied = i;
    }
    out.push_original(&raw[copied..], at + copied);
    if unify_newlines(out.as_str()) != unify_newlines(expected) {
        let mut whole = MappedText::new();
        whole.push_replacement(expected, Span::new(at, at + raw.len()));
        return whole;
    }
    out
}

/// Length of the character reference candidate at the start of `s`
/// (`&name;`, `&#123;`, `&#x1F;`, the `;` optional), 0 if none.
fn reference_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut n = 1;
    if b.get(1) == Some(&b'#') {
        n = 2;
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        if hex {
            n = 3;
        }
        let digits = b[n..]
            .iter()
            .take(8)
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return 0;
        }
        n += digits;
    } else {
        // The longest entity name is 31 characters.
        let name = b[1..]
            .iter()
            .take(32)
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name == 0 {
            return 0;
        }
        n += name;
    }
    if b.get(n) == Some(&b';') {
        n += 1;
    }
    n
}

/// A single reference decoded the way the tokenizer decodes it in text
/// (full WHATWG entity table, legacy names without `;`, numeric fix-ups).
fn decode_reference(reference: &str) -> String {
    let mut out = String::new();
    for token in Tokenizer::new(reference).flatten() {
        if let Token::String(s) = token {
            out.push_str(&String::from_utf8_lossy(&s));
        }
    }
    out
}

fn unify_newlines(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Whitespace that HTML collapses, plus the no-break space pages use for
/// indentation and spacing.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c' | '\u{a0}')
}

/// A full-width character (CJK ideographs, kana, hangul, full-width forms
/// and punctuation): a line break next to one is not a space.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3040..=0xA4CF | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Collapse whitespace runs to one space (dropping source line breaks
/// next to CJK, which are markup layout, not text) and trim the ends,
/// U+00A0 and U+3000 included.
fn normalize(t: &MappedText) -> MappedText {
    let s = t.as_str();
    let mut out = MappedText::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_space(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if !is_space(d) {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        out.push_mapped(&t.slice(start..i));
        start = end;
        let run = &s[i..end];
        let (Some(prev), Some(next)) = (s[..i].chars().next_back(), s[end..].chars().next()) else {
            continue; // leading or trailing: trimmed
        };
        let segment_break = run.contains(['\n', '\r']) && !run.contains('\u{a0}');
        if segment_break && (is_wide(prev) || is_wide(next)) {
            continue;
        }
        if run == " " {
            out.push_mapped(&t.slice(i..end));
        } else {
            out.push_replacement(" ", t.span_of(i..end));
        }
    }
    out.push_mapped(&t.slice(start..s.len()));
    out.trim()
}

/// Join pieces of one cell or heading. No separator, except a space where
/// both sides are letters, digits or ideographs: there the break is the only
/// thing keeping two lead units ("区教育局" / "区卫健委") or two numbers
/// apart. The space maps to the markup between the pieces.
fn join_pieces(pieces: Vec<MappedText>) -> MappedText {
    let mut out = MappedText::new();
    for piece in pieces.into_iter().filter(|p| !p.is_empty()) {
        let prev = out.as_str().chars().next_back();
        let next = piece.as_str().chars().next();
        if let (Some(p), Some(n)) = (prev, next) {
            if p.is_alphanumeric() && n.is_alphanumeric() {
                let gap = Span::new(out.span().end as usize, piece.span().start as usize);
                out.push_replacement(" ", gap);
            }
        }
        out.push_mapped(&piece);
    }
    out
}

// ---------------------------------------------------------------------------
// Reading a region in document order.

/// Walks a subtree emitting lines (split at blocks and `<br>`) and tables.
struct Flow<'a> {
    dom: &'a Dom,
    /// Text nodes taken so far.
    used: &'a mut Vec<usize>,
    blocks: Vec<Block>,
    line: MappedText,
    kind: LineKind,
    title: Option<usize>,
}

impl<'a> Flow<'a> {
    fn new(dom: &'a Dom, used: &'a mut Vec<usize>, title: Option<usize>) -> Flow<'a> {
        Flow {
            dom,
            used,
            blocks: Vec::new(),
            line: MappedText::new(),
            kind: LineKind::Text,
            title,
        }
    }

    fn walk(&mut self, id: usize) {
        let dom = self.dom;
        if let Kind::Text(t) = &dom.nodes[id].kind {
            self.line.push_mapped(t);
            self.used.push(id);
            return;
        }
        for &child in &dom.nodes[id].children {
            match &dom.nodes[child].kind {
                Kind::Text(t) => {
                    self.line.push_mapped(t);
                    self.used.push(child);
                }
                Kind::Element { name, .. } => self.element(child, name),
                Kind::Root => {}
            }
        }
    }

    fn element(&mut self, id: usize, name: &str) {
        let dom = self.dom;
        if dom.is_hidden_element(id) {
            return;
        }
        match name {
            "br" => self.flush(),
            "table" if is_data_table(dom, id) => {
                self.flush();
                let table = read_table(dom, id, self.used);
                if !table.rows.is_empty() {
                    self.blocks.push(Block::Table(table));
                }
            }
            _ if dom.is_inline(id) => self.walk(id),
            _ => {
                self.flush();
                let outer = self.kind;
                if self.title == Some(id) {
                    self.kind = LineKind::ArticleTitle;
                }
                self.walk(id);
                self.flush();
                self.kind = outer;
            }
        }
    }

    /// End the current line.
    fn flush(&mut self) {
        let text = normalize(&std::mem::take(&mut self.line));
        if !text.is_empty() {
            self.blocks.push(Block::Line(Line {
                text,
                kind: self.kind,
            }));
        }
    }

    /// All text read, tables cell by cell, as pieces to join.
    fn into_pieces(mut self) -> Vec<MappedText> {
        self.flush();
        let mut pieces = Vec::new();
        for block in self.blocks {
            match block {
                Block::Line(line) => pieces.push(line.text),
                Block::Table(table) => pieces.extend(
                    table
                        .rows
                        .into_iter()
                        .flatten()
                        .filter(|c| !c.from_above)
                        .map(|c| c.text),
                ),
            }
        }
        pieces
    }
}

/// The text of an element as one line (cells, headings).
fn joined_text(dom: &Dom, id: usize, used: &mut Vec<usize>) -> MappedText {
    let mut flow = Flow::new(dom, used, None);
    flow.walk(id);
    join_pieces(flow.into_pieces())
}

/// A table cell's text. Paragraphs that are each a unit's name
/// ("<p>区住建局</p><p>区城管局</p>") are joined with "、" so the names stay
/// apart; other paragraphs join as text.
fn joined_cell_text(dom: &Dom, id: usize, used: &mut Vec<usize>) -> MappedText {
    let mut flow = Flow::new(dom, used, None);
    flow.walk(id);
    let pieces: Vec<MappedText> = flow
        .into_pieces()
        .into_iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    let names = pieces.len() >= 2
        && pieces
            .iter()
            .all(|p| crate::table::is_unit_name(p.as_str()));
    if !names {
        return join_pieces(pieces);
    }
    let mut out = MappedText::new();
    for piece in pieces {
        if !out.is_empty() {
            let gap = Span::new(out.span().end as usize, piece.span().start as usize);
            out.push_replacement("、", gap);
        }
        out.push_mapped(&piece);
    }
    out
}

// ---------------------------------------------------------------------------
// Tables.

/// Rows of a table, not those of tables nested in its cells.
fn table_rows(dom: &Dom, id: usize, rows: &mut Vec<usize>) {
    for &child in &dom.nodes[id].children {
        match dom.name(child) {
            "tr" => rows.push(child),
            "table" | "" => {}
            _ => table_rows(dom, child, rows),
        }
    }
}

fn row_cells(dom: &Dom, row: usize) -> impl Iterator<Item = usize> + '_ {
    dom.nodes[row]
        .children
        .iter()
        .copied()
        .filter(|&c| matches!(dom.name(c), "td" | "th"))
}

/// A table holds data when it has two columns somewhere and no cell holds
/// a page's worth of blocks (a nested table, or more than a few paragraphs):
/// such tables are page layout and are read as paragraphs.
fn is_data_table(dom: &Dom, id: usize) -> bool {
    let mut rows = Vec::new();
    table_rows(dom, id, &mut rows);
    let two_columns = rows.iter().any(|&r| {
        row_cells(dom, r)
            .map(|c| span_attr(dom, c, "colspan", MAX_COLUMNS))
            .sum::<usize>()
            >= 2
    });
    two_columns
        && rows
            .iter()
            .flat_map(|&r| row_cells(dom, r))
            .all(|cell| !holds_a_page(dom, cell))
}

fn holds_a_page(dom: &Dom, cell: usize) -> bool {
    let mut blocks = 0;
    // Descendants are the nodes right after `cell`, in document order.
    for id in cell + 1..dom.nodes.len() {
        if !dom.is_within(id, cell) {
            break;
        }
        match dom.name(id) {
            "table" => return true,
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "ul" | "ol" => blocks += 1,
            _ => {}
        }
        if blocks > 4 {
            return true;
        }
    }
    false
}

fn span_attr(dom: &Dom, id: usize, key: &str, max: usize) -> usize {
    dom.attr(id, key)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, max.max(1))
}

/// Read a table into a full grid: a `rowspan` cell is copied into the rows
/// below (`from_above`, same text and mapping); a `colspan` cell keeps its
/// text in its first column and leaves the others empty, so no text is
/// duplicated sideways into a column it does not belong to.
fn read_table(dom: &Dom, id: usize, used: &mut Vec<usize>) -> Table {
    let mut rows = Vec::new();
    table_rows(dom, id, &mut rows);
    let mut out: Vec<Vec<Cell>> = Vec::new();
    // Per column: rows still to fill from above, and with what.
    let mut carry: Vec<Option<(usize, MappedText)>> = Vec::new();
    for (r, &row) in rows.iter().enumerate() {
        let rows_left = rows.len() - r;
        let mut cells: Vec<Cell> = Vec::new();
        let mut sources = row_cells(dom, row);
        let mut next = sources.next();
        loop {
            let col = cells.len();
            if let Some(cell) = take_carry(&mut carry, col) {
                cells.push(cell);
                continue;
            }
            let Some(source) = next.filter(|_| col < MAX_COLUMNS) else {
                if carry[col.min(carry.len())..].iter().any(Option::is_some) {
                    cells.push(Cell::default()); // a gap before a carried cell
                    continue;
                }
                break;
            };
            next = sources.next();
            let text = joined_cell_text(dom, source, used);
            let colspan = span_attr(dom, source, "colspan", MAX_COLUMNS - col);
            let rowspan = span_attr(dom, source, "rowspan", rows_left);
            for k in 0..colspan {
                let text = if k == 0 {
                    text.clone()
                } else {
                    MappedText::new()
                };
                if rowspan > 1 {
                    if carry.len() <= col + k {
                        carry.resize(col + k + 1, None);
                    }
                    carry[col + k] = Some((rowspan - 1, text.clone()));
                }
                cells.push(Cell {
                    text,
                    from_above: false,
                });
            }
        }
        out.push(cells);
    }
    let width = out.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut out {
        row.resize(width, Cell::default());
    }
    out.retain(|row| row.iter().any(|c| !c.text.is_empty()));
    Table::new(out, dom.nodes[id].span)
}

fn take_carry(carry: &mut [Option<(usize, MappedText)>], col: usize) -> Option<Cell> {
    let slot = carry.get_mut(col)?;
    let (left, text) = slot.as_mut()?;
    let cell = Cell {
        text: text.clone(),
        from_above: true,
    };
    *left -= 1;
    if *left == 0 {
        *slot = None;
    }
    Some(cell)
}

// ---------------------------------------------------------------------------
// Finding the article.

const POSITIVE_HINTS: &[&str] = &[
    "article", "content", "cont", "zoom", "editor", "detail", "zhengwen", "text", "wzy", "nr",
];
const NEGATIVE_HINTS: &[&str] = &[
    "foot",
    "nav",
    "menu",
    "header",
    "side",
    "copyright",
    "comment",
    "share",
    "pager",
    "crumb",
    "location",
    "link",
    "related",
    "tool",
    "file",
    "download",
    "title",
    "meta",
    "xxgk",
];

fn hint_factor(dom: &Dom, id: usize) -> f64 {
    let mut words = String::new();
    for key in ["class", "id"] {
        if let Some(v) = dom.attr(id, key) {
            words.push_str(&v.to_ascii_lowercase());
            words.push(' ');
        }
    }
    let mut factor = 1.0;
    if POSITIVE_HINTS.iter().any(|h| words.contains(h)) {
        factor *= 1.5;
    }
    if NEGATIVE_HINTS.iter().any(|h| words.contains(h)) {
        factor *= 0.5;
    }
    factor
}

/// Elements whose text is one paragraph of the article.
fn is_paragraph(name: &str) -> bool {
    matches!(
        name,
        "p" | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "pre"
            | "blockquote"
            | "dd"
            | "dt"
            | "table"
    )
}

/// The element holding the article: every paragraph credits its text to
/// its parent (half to the grandparent), a data table counting as one
/// paragraph; sentence text (with ，。；) counts fully, labels and menus
/// less, link text and headings not at all; class and id names like
/// `article`/`content`/`TRS_Editor` weigh in, `footer` or `nav` weigh
/// against. The root when the page has no text.
fn find_container(dom: &Dom) -> usize {
    let mut score = vec![0.0f64; dom.nodes.len()];
    let mut data_table: Vec<Option<bool>> = vec![None; dom.nodes.len()];
    for (id, node) in dom.nodes.iter().enumerate() {
        let Kind::Text(t) = &node.kind else { continue };
        let len = t.as_str().chars().filter(|c| !c.is_whitespace()).count() as f64;
        if len == 0.0 || dom.is_hidden(id) || dom.ancestors(id).any(|a| dom.name(a) == "a") {
            continue;
        }
        let sentence = t.as_str().contains(['，', '。', '；', '、', ',', ';']);
        let len = if sentence { len } else { len * 0.3 };
        let Some(mut block) = dom.ancestors(id).find(|&a| a == 0 || !dom.is_inline(a)) else {
            continue;
        };
        if matches!(dom.name(block), "h1" | "h2" | "h3") {
            continue;
        }
        let table = std::iter::once(block)
            .chain(dom.ancestors(block))
            .find(|&a| dom.name(a) == "table");
        if let Some(table) = table {
            if *data_table[table].get_or_insert_with(|| is_data_table(dom, table)) {
                block = table;
            }
        }
        let target = if is_paragraph(dom.name(block)) {
            dom.nodes[block].parent
        } else {
            block
        };
        score[target] += len;
        score[dom.nodes[target].parent] += len / 2.0;
    }
    let mut best = (0, 0.0);
    for (id, &s) in score.iter().enumerate().skip(1) {
        // The whole page is the answer only when nothing inside it is.
        let whole = if matches!(dom.name(id), "html" | "body") {
            0.5
        } else {
            1.0
        };
        let s = s * hint_factor(dom, id) * whole;
        if s > best.1 {
            best = (id, s);
        }
    }
    widen_to_siblings(dom, &score, best.0)
}

/// The article printed in several sibling blocks of one kind (a PDF
/// converted page by page, `<div class="pf">` …; Word's `WordSection1`,
/// `WordSection2`): the element holding them all, when the others hold
/// text worth a tenth of the best one's. Looked for at the best element
/// and three ancestors up.
fn widen_to_siblings(dom: &Dom, score: &[f64], best: usize) -> usize {
    // Text credited inside each element's subtree.
    let mut inside = score.to_vec();
    for id in (1..dom.nodes.len()).rev() {
        let parent = dom.nodes[id].parent;
        if parent != id {
            inside[parent] += inside[id];
        }
    }
    // Siblings are of one kind when tag and class agree, digits aside.
    let kind = |id: usize| {
        let class: String = dom
            .attr(id, "class")
            .unwrap_or("")
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .collect();
        (dom.name(id).to_string(), class)
    };
    let mut at = best;
    for _ in 0..4 {
        if at == 0 {
            break;
        }
        let parent = dom.nodes[at].parent;
        let own = kind(at);
        let others: f64 = dom.nodes[parent]
            .children
            .iter()
            .filter(|&&c| {
                c != at && matches!(dom.nodes[c].kind, Kind::Element { .. }) && kind(c) == own
            })
            .map(|&c| inside[c])
            .sum();
        if others > 0.0 && others * 10.0 >= inside[at] {
            return parent;
        }
        at = parent;
    }
    best
}

// ---------------------------------------------------------------------------
// The title.

enum Title {
    Element(usize),
    PageTitle(MappedText),
}

/// The article heading: the `<h1>` (or an element whose class/id says
/// title) whose text the page's `<title>` contains, else the first `<h1>`,
/// else the `<title>` without its "_栏目_站点" suffix.
fn find_title(dom: &Dom, container: usize) -> Option<Title> {
    let mut scratch = Vec::new();
    let page_title = (0..dom.nodes.len())
        .find(|&id| dom.name(id) == "title")
        .map(|id| joined_text(dom, id, &mut scratch));
    let mut candidates: Vec<(usize, MappedText)> = Vec::new();
    for id in 1..dom.nodes.len() {
        let name = dom.name(id);
        let titled = ["class", "id"].iter().any(|k| {
            dom.attr(id, k)
                .is_some_and(|v| v.to_ascii_lowercase().contains("title"))
        });
        let heading = name == "h1" || (titled && !dom.is_inline(id) && name != "title");
        if !heading || dom.is_hidden(id) || id == container {
            continue;
        }
        let text = joined_text(dom, id, &mut scratch);
        if !text.is_empty() {
            candidates.push((id, text));
        }
    }
    let in_page_title = |t: &MappedText| {
        page_title
            .as_ref()
            .is_some_and(|p| p.as_str().contains(t.as_str()) && t.len() >= 6)
    };
    if let Some((id, _)) = candidates.iter().find(|(_, t)| in_page_title(t)) {
        return Some(Title::Element(*id));
    }
    if let Some((id, _)) = candidates.iter().find(|(id, _)| dom.name(*id) == "h1") {
        return Some(Title::Element(*id));
    }
    let page_title = page_title?;
    let s = page_title.as_str();
    let end = [" - ", "_", "|", "｜", " — ", "--"]
        .iter()
        .filter_map(|sep| s.find(sep))
        .min()
        .unwrap_or(s.len());
    let title = page_title.slice(0..end).trim();
    (!title.is_empty()).then_some(Title::PageTitle(title))
}

// ---------------------------------------------------------------------------
// Metadata.

/// Labels of the metadata fields government pages show above an article.
const LABELS: &[&str] = &[
    "信息索引号",
    "索引号",
    "发文字号",
    "文件编号",
    "文号",
    "发文机关",
    "发文单位",
    "发布机构",
    "发布单位",
    "所属机构",
    "成文日期",
    "发文日期",
    "印发日期",
    "发布日期",
    "发布时间",
    "公开日期",
    "生成日期",
    "名称",
    "标题",
    "主题分类",
    "组配分类",
    "体裁分类",
    "信息分类",
    "服务对象分类",
    "主题词",
    "关键词",
    "信息来源",
    "来源",
    "公开方式",
    "公开范围",
    "公开形式",
    "有效性",
    "时效性",
    "统一编号",
    "实施日期",
    "废止日期",
];

/// The metadata outside the article, as `label：value` lines.
fn metadata(dom: &Dom, container: usize, used: &mut Vec<usize>) -> Vec<MappedText> {
    let mut out = Vec::new();
    meta_walk(dom, 0, container, used, &mut out);
    out
}

fn meta_walk(
    dom: &Dom,
    id: usize,
    container: usize,
    used: &mut Vec<usize>,
    out: &mut Vec<MappedText>,
) {
    for &child in &dom.nodes[id].children {
        if child == container || !matches!(dom.nodes[child].kind, Kind::Element { .. }) {
            continue;
        }
        if dom.is_hidden_element(child) {
            continue;
        }
        let holds_article = dom.is_within(container, child);
        if dom.name(child) == "table" && !holds_article {
            let mut taken = Vec::new();
            let fields = table_fields(&read_table(dom, child, &mut taken));
            if !fields.is_empty() {
                used.extend(taken);
                out.extend(fields);
                continue;
            }
        } else if !holds_article && !has_block_child(dom, child) {
            let mut fields = Vec::new();
            let mut any_field = false;
            // Split at <br> first, then at wide gaps inside each raw line.
            for raw in raw_lines(dom, child) {
                for piece in split_gaps(&raw) {
                    let piece = normalize(&piece);
                    let found = line_fields(&piece);
                    any_field |= !found.is_empty();
                    if found.is_empty() && piece.as_str().chars().any(char::is_alphanumeric) {
                        // Beside fields ("浏览次数：1286", "【字体：大 中 小】"):
                        // the same page metadata, set aside with them.
                        fields.push(piece);
                    } else {
                        fields.extend(found);
                    }
                }
            }
            if !any_field {
                fields.clear();
            }
            take_texts_under(dom, child, &fields, used);
            out.extend(fields);
            continue;
        }
        meta_walk(dom, child, container, used, out);
    }
}

/// Mark the text nodes under `id` that the fields' text came from.
fn take_texts_under(dom: &Dom, id: usize, fields: &[MappedText], used: &mut Vec<usize>) {
    let spans: Vec<Span> = fields.iter().map(MappedText::span).collect();
    // Descendants are the nodes right after `id`, in document order.
    for text in id + 1..dom.nodes.len() {
        if !dom.is_within(text, id) {
            break;
        }
        let node = &dom.nodes[text];
        let overlaps = spans
            .iter()
            .any(|s| s.start < node.span.end && node.span.start < s.end);
        if matches!(node.kind, Kind::Text(_)) && overlaps {
            used.push(text);
        }
    }
}

fn has_block_child(dom: &Dom, id: usize) -> bool {
    dom.nodes[id].children.iter().any(|&c| {
        matches!(dom.nodes[c].kind, Kind::Element { .. })
            && !dom.is_inline(c)
            && dom.name(c) != "br"
            && !dom.is_hidden_element(c)
    })
}

/// An element's text split at `<br>`, not yet whitespace-normalized (the
/// gaps between fields on one line are runs of spaces).
fn raw_lines(dom: &Dom, id: usize) -> Vec<MappedText> {
    fn walk(dom: &Dom, id: usize, lines: &mut Vec<MappedText>) {
        for &child in &dom.nodes[id].children {
            match &dom.nodes[child].kind {
                Kind::Text(t) => {
                    if let Some(last) = lines.last_mut() {
                        last.push_mapped(t);
                    }
                }
                Kind::Element { name, .. } if name == "br" => lines.push(MappedText::new()),
                Kind::Element { .. } if !dom.is_hidden_element(child) => walk(dom, child, lines),
                _ => {}
            }
        }
    }
    let mut lines = vec![MappedText::new()];
    walk(dom, id, &mut lines);
    lines
}

/// Split at runs of two or more spaces (or any U+3000 run) and at `|`.
fn split_gaps(t: &MappedText) -> Vec<MappedText> {
    let s = t.as_str();
    let gap = |c: char| is_space(c) || c == '\u{3000}';
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut end = i + c.len_utf8();
        let mut count = 1;
        if gap(c) {
            while let Some(&(j, d)) = chars.peek() {
                if !gap(d) {
                    break;
                }
                end = j + d.len_utf8();
                count += 1;
                chars.next();
            }
        }
        let split = c == '|' || c == '｜' || gap(c) && (count >= 2 || c == '\u{3000}');
        if split {
            out.push(t.slice(start..i));
            start = end;
        }
    }
    out.push(t.slice(start..s.len()));
    out
}

/// A label at byte `at` of `s`, followed (after optional spaces) by a colon:
/// the label's length and the colon's range.
fn label_at(s: &str, at: usize) -> Option<(usize, std::ops::Range<usize>)> {
    if s[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let rest = &s[at..];
    let label = LABELS.iter().find(|l| rest.starts_with(*l))?;
    let after = &rest[label.len()..];
    let spaces = after.len() - after.trim_start().len();
    let colon = after[spaces..]
        .chars()
        .next()
        .filter(|c| matches!(c, '：' | ':'))?;
    let from = at + label.len() + spaces;
    Some((label.len(), from..from + colon.len_utf8()))
}

/// The `label：value` fields in one normalized piece of text; none unless
/// the text starts (after punctuation such as 【) with a label.
fn line_fields(t: &MappedText) -> Vec<MappedText> {
    let s = t.as_str();
    let starts: Vec<(usize, usize, std::ops::Range<usize>)> = s
        .char_indices()
        .filter_map(|(i, _)| label_at(s, i).map(|(len, colon)| (i, len, colon)))
        .collect();
    let Some(first) = starts.first() else {
        return Vec::new();
    };
    if s[..first.0].chars().any(char::is_alphanumeric) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, (at, len, colon)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(s.len(), |n| n.0);
        let value = t.slice(colon.end..end).trim();
        out.push(field(
            &t.slice(*at..at + len),
            &t.slice(colon.clone()),
            &value,
        ));
    }
    out
}

/// `label：value`, the colon full-width whatever the page used.
/// The label's spacing ("文　号", set for alignment) is dropped.
fn field(label: &MappedText, colon: &MappedText, value: &MappedText) -> MappedText {
    let mut out = MappedText::new();
    for (i, c) in label.as_str().char_indices() {
        if !c.is_whitespace() {
            out.push_mapped(&label.slice(i..i + c.len_utf8()));
        }
    }
    if colon.as_str() == "：" {
        out.push_mapped(colon);
    } else {
        let at = colon.span();
        let at = if colon.is_empty() {
            Span::point(label.span().end as usize)
        } else {
            at
        };
        out.push_replacement("：", at);
    }
    out.push_mapped(value);
    out
}

/// Fields of a metadata table: a label cell followed by its value cell, or
/// one cell holding `label：value`.
fn table_fields(table: &Table) -> Vec<MappedText> {
    let mut out = Vec::new();
    let mut others = Vec::new();
    for row in &table.rows {
        let cells: Vec<&MappedText> = row
            .iter()
            .filter(|c| !c.from_above && !c.text.is_empty())
            .map(|c| &c.text)
            .collect();
        let mut i = 0;
        while i < cells.len() {
            let cell = cells[i];
            if let Some(colon) = bare_label(cell.as_str()) {
                let value = cells
                    .get(i + 1)
                    .filter(|v| bare_label(v.as_str()).is_none())
                    .map_or_else(MappedText::new, |v| (*v).clone());
                let label = cell.slice(0..colon.start).trim();
                out.push(field(&label, &cell.slice(colon), &value));
                i += if value.is_empty() { 1 } else { 2 };
            } else {
                let found = line_fields(cell);
                if found.is_empty() && cell.as_str().chars().any(char::is_alphanumeric) {
                    // Beside the fields ("分类" | "民政、扶贫"): the same
                    // metadata, set aside with them.
                    others.push(out.len());
                    out.push(cell.clone());
                } else {
                    out.extend(found);
                }
                i += 1;
            }
        }
    }
    if others.len() == out.len() {
        return Vec::new(); // no field at all: not a metadata table
    }
    out
}

/// For a cell that is only a label ("文号：", "文 号", "文号"): the range of
/// its colon (empty at the end when it has none).
fn bare_label(s: &str) -> Option<std::ops::Range<usize>> {
    let body = s.trim_end_matches(['：', ':']).trim_end();
    let squeezed: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    if !LABELS.contains(&squeezed.as_str()) {
        return None;
    }
    let colon = s[body.len()..]
        .char_indices()
        .find(|(_, c)| matches!(c, '：' | ':'))
        .map(|(i, c)| body.len() + i..body.len() + i + c.len_utf8());
    Some(colon.unwrap_or(s.len()..s.len()))
}

// ---------------------------------------------------------------------------
// What was left out.

/// Visible text that no block used, one span per run of unused text.
fn skipped(dom: &Dom, used: &[usize]) -> (Vec<Span>, Vec<Span>) {
    let mut taken = vec![false; dom.nodes.len()];
    for &id in used {
        taken[id] = true;
    }
    let mut out = Vec::new();
    let mut hidden = Vec::new();
    let mut run: Option<Span> = None;
    for (id, node) in dom.nodes.iter().enumerate() {
        let Kind::Text(t) = &node.kind else { continue };
        if t.as_str().trim().is_empty() {
            continue;
        }
        if dom.is_hidden(id) {
            hidden.push(node.span);
            continue;
        }
        if taken[id] {
            out.extend(run.take());
        } else {
            run = Some(run.map_or(node.span, |r| r.cover(node.span)));
        }
    }
    out.extend(run);
    (out, hidden)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    fn lines(reading: &HtmlReading) -> Vec<(LineKind, String)> {
        reading
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Line(l) => Some((l.kind, l.as_str().to_string())),
                Block::Table(_) => None,
            })
            .collect()
    }

    fn texts(reading: &HtmlReading) -> Vec<String> {
        lines(reading).into_iter().map(|(_, t)| t).collect()
    }

    /// Every character maps to itself, or to the entity, whitespace or
    /// markup it stands for.
    fn assert_maps_back(html: &str, t: &MappedText) {
        for (i, c) in t.as_str().char_indices() {
            let span = t.span_of(i..i + c.len_utf8());
            let original = &html[span.range()];
            let mut buf = [0u8; 4];
            let ok = original == c.encode_utf8(&mut buf)
                || original.starts_with('&')
                || c == ' '
                || c == '：' && (original == ":" || original.is_empty());
            assert!(ok, "{c:?} at {i} of {:?} maps to {original:?}", t.as_str());
        }
    }

    #[test]
    fn entities_decode_and_map_to_what_they_replace() {
        let html = "<p>注重与&ldquo;民声呼应&rdquo;平台&#12290;&#x3002;a&lt;b&amp;c</p>";
        let reading = read_html(html);
        let Block::Line(line) = &reading.blocks[0] else {
            panic!("no line")
        };
        assert_eq!(line.as_str(), "注重与“民声呼应”平台。。a<b&c");
        let at = line.as_str().find('“').unwrap();
        assert_eq!(&html[line.text.span_of(at..at + 3).range()], "&ldquo;");
        let at = line.as_str().find("民声").unwrap();
        assert_eq!(&html[line.text.span_of(at..at + 6).range()], "民声");
        assert_maps_back(html, &line.text);
    }

    #[test]
    fn unknown_and_bare_ampersands_stay_as_written() {
        let reading = read_html("<p>A &foo; B & C &amp D</p>");
        assert_eq!(texts(&reading), ["A &foo; B & C & D"]);
    }

    #[test]
    fn br_splits_lines_and_inline_tags_join() {
        let html = "<div class=\"content\"><p>推进措施：<br/>\n1.新增城镇就业<span>1.</span><span>15</span>万人</p>\n<p>&nbsp;</p><p>&nbsp;&nbsp;2024年4月24日&nbsp;&nbsp;</p></div>";
        let reading = read_html(html);
        assert_eq!(
            texts(&reading),
            ["推进措施：", "1.新增城镇就业1.15万人", "2024年4月24日"]
        );
        for b in &reading.blocks {
            if let Block::Line(l) = b {
                assert_maps_back(html, &l.text);
            }
        }
    }

    #[test]
    fn whitespace_collapses_and_source_newlines_between_cjk_vanish() {
        let html = "<p>为&nbsp;286&nbsp;名\n  残疾儿童\n<b>提供</b> 康复 in\n two   words</p>";
        assert_eq!(
            texts(&read_html(html)),
            ["为 286 名残疾儿童提供 康复 in two words"]
        );
    }

    #[test]
    fn unclosed_paragraphs_and_cells_end_where_the_next_begins() {
        let html = "<div id=zoom><p>第一段<p>第二段<table><tr><td>1<td>A<tr><td>2<td>B</table><p>第三段</div>";
        let reading = read_html(html);
        assert_eq!(texts(&reading), ["第一段", "第二段", "第三段"]);
        let Some(Block::Table(table)) = reading.blocks.get(2) else {
            panic!("no table: {:?}", reading.blocks)
        };
        let grid: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(grid, [["1", "A"], ["2", "B"]]);
    }

    #[test]
    fn rowspan_copies_down_and_colspan_leaves_empty_columns() {
        let html = "<table><tr><td rowspan=\"3\">一、就业</td><td>1</td><td>甲</td></tr>\
            <tr><td>2</td><td>乙</td></tr><tr><td colspan=\"2\">合计</td></tr>\
            <tr><td>二、其他</td><td>3</td><td>丙</td></tr></table>";
        let reading = read_html(html);
        let Some(Block::Table(table)) = reading.blocks.first() else {
            panic!("no table")
        };
        let grid: Vec<Vec<(&str, bool)>> = table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| (c.text.as_str(), c.from_above)).collect())
            .collect();
        assert_eq!(
            grid,
            [
                [("一、就业", false), ("1", false), ("甲", false)],
                [("一、就业", true), ("2", false), ("乙", false)],
                [("一、就业", true), ("合计", false), ("", false)],
                [("二、其他", false), ("3", false), ("丙", false)],
            ]
        );
        assert_eq!(table.rows[0][0].text, table.rows[2][0].text);
        assert_eq!(&html[table.span.range()], html);
    }

    #[test]
    fn cell_pieces_join_with_a_space_only_between_words_and_unit_names_with_a_mark() {
        let html = "<table><tr><td><p>区教育局</p><p>区卫健委</p></td><td>新增<br>1196个，<br>托位</td></tr></table>";
        let reading = read_html(html);
        let Some(Block::Table(table)) = reading.blocks.first() else {
            panic!("no table")
        };
        assert_eq!(table.rows[0][0].text.as_str(), "区教育局、区卫健委");
        assert_eq!(table.rows[0][1].text.as_str(), "新增 1196个，托位");
        let gap = table.rows[0][0].text.span_of(12..15);
        assert_eq!(&html[gap.range()], "</p><p>");
    }

    #[test]
    fn metadata_lines_come_first_as_label_value() {
        let html =
            "<html><head><title>关于实施民生实事的通知_通知公告_某区政府</title></head><body>\
            <ul class=\"meta\"><li><span>发文字号:</span><span>某民生办〔2025〕2号</span></li>\
            <li>成文日期：2025-03-01</li></ul>\
            <div class=\"info\">发布日期：2025-03-05&nbsp;&nbsp;&nbsp;&nbsp;浏览次数：12</div>\
            <table><tr><th>索引号</th><td>123/2025-1</td><th>文　号</th><td></td></tr></table>\
            <h1>关于实施民生实事的通知</h1>\
            <div class=\"TRS_Editor\"><p>各街道：</p><p>现将有关事项通知如下。</p></div>\
            <div class=\"footer\"><p>主办单位：某区政府办公室</p></div></body></html>";
        let reading = read_html(html);
        assert_eq!(
            lines(&reading),
            [
                (
                    LineKind::Metadata,
                    "发文字号：某民生办〔2025〕2号".to_string()
                ),
                (LineKind::Metadata, "成文日期：2025-03-01".to_string()),
                (LineKind::Metadata, "发布日期：2025-03-05".to_string()),
                // Beside a field, the hit counter is the same metadata.
                (LineKind::Metadata, "浏览次数：12".to_string()),
                (LineKind::Metadata, "索引号：123/2025-1".to_string()),
                (LineKind::Metadata, "文号：".to_string()),
                (LineKind::ArticleTitle, "关于实施民生实事的通知".to_string()),
                (LineKind::Text, "各街道：".to_string()),
                (LineKind::Text, "现将有关事项通知如下。".to_string()),
            ]
        );
        for b in &reading.blocks {
            if let Block::Line(l) = b {
                assert_maps_back(html, &l.text);
            }
        }
        let skipped: Vec<&str> = reading.skipped.iter().map(|s| &html[s.range()]).collect();
        assert!(
            skipped.iter().any(|s| s.contains("主办单位")),
            "{skipped:?}"
        );
        // Skipped text is tracked per text node: "浏览次数" shares one with
        // the 发布日期 field, so it counts as used.
        assert_eq!(skipped.len(), 1);
    }

    #[test]
    fn page_title_is_the_fallback_heading() {
        let html = "<html><head><title>关于做好民生实事的通知 - 某市人民政府</title></head>\
            <body><div><p>正文第一段。</p></div></body></html>";
        let reading = read_html(html);
        assert_eq!(
            lines(&reading)[0],
            (LineKind::ArticleTitle, "关于做好民生实事的通知".to_string())
        );
    }

    #[test]
    fn article_is_found_by_its_paragraph_text_without_class_names() {
        let html = "<body><div><a href=/>首页</a> <a href=/a>政务公开</a></div>\
            <div><div><p>第一段很长的正文内容。</p><p>第二段很长的正文内容。</p></div></div>\
            <div><p>版权所有</p></div></body>";
        let reading = read_html(html);
        assert_eq!(
            texts(&reading),
            ["第一段很长的正文内容。", "第二段很长的正文内容。"]
        );
        assert_eq!(reading.skipped.len(), 2);
    }

    #[test]
    fn scripts_styles_and_comments_are_not_text() {
        let html = "<div class=article><script>var a = '<p>x</p>';</script><style>p{}</style>\
            <!-- 注释 --><p style=\"display: none\">隐藏</p><p>正文</p></div>";
        let reading = read_html(html);
        assert_eq!(texts(&reading), ["正文"]);
        assert!(reading.skipped.is_empty());
    }

    #[test]
    fn sniffing_tells_pages_from_notices() {
        assert!(looks_like_html("\u{feff}  <!doctype HTML>\n<html>"));
        assert!(looks_like_html(
            "<meta charset=utf-8><div><p>附件</p></div>"
        ));
        assert!(!looks_like_html(
            "附件：1.瑶海区2024年50项民生实事\n2.推进措施"
        ));
        assert!(!looks_like_html("a < b and c > d"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_always_maps_inside_the_input(
            pieces in proptest::collection::vec(proptest::prop_oneof![
                proptest::string::string_regex("[<>/=\"' a-z&;#x0-9]{0,12}").unwrap(),
                proptest::sample::select(vec![
                    "<p>", "</p>", "<br>", "<table>", "<tr>", "<td rowspan=3>", "<td colspan=99999>",
                    "</td>", "</tr>", "</table>", "<div class=article>", "</div>", "<span>", "</span>",
                    "&nbsp;", "&ldquo;", "&#12290;", "&#x110000;", "&#0;", "&", "<!--", "-->",
                    "<script>", "</script>", "<h1>", "文号：", "瑶海区", "\u{3000}", "\r\n", "<th>",
                    "<td rowspan=0>", "<li>", "<title>", "_",
                ]).prop_map(str::to_string),
            ], 0..40)
        ) {
            let html: String = pieces.concat();
            let reading = read_html(&html);
            for block in &reading.blocks {
                let texts: Vec<&MappedText> = match block {
                    Block::Line(l) => vec![&l.text],
                    Block::Table(t) => t.rows.iter().flatten().map(|c| &c.text).collect(),
                };
                for t in texts {
                    let span = t.span();
                    proptest::prop_assert!(html.get(span.range()).is_some());
                }
            }
            for s in &reading.skipped {
                proptest::prop_assert!(html.get(s.range()).is_some());
            }
            let _ = looks_like_html(&html);
        }

        #[test]
        fn never_panics_on_any_text(s in "\\PC{0,200}") {
            let _ = read_html(&s);
            let _ = looks_like_html(&s);
        }
    }

    #[test]
    fn deep_nesting_and_huge_attributes_do_not_overflow() {
        let mut html = "<div>".repeat(20_000);
        html.push_str("<p title=\"");
        html.push_str(&"x".repeat(200_000));
        html.push_str("\">深处</p>");
        let reading = read_html(&html);
        assert_eq!(texts(&reading), ["深处"]);
    }
}
