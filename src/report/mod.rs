//! The HTML report: one self-contained page that shows which part of a
//! notice became which element.
//!
//! `minsheng parse --format html notice.txt > report.html` writes it; in
//! the library it is [`render`] of a [`Parsed`]. The page has no external
//! assets and makes no requests (its Content-Security-Policy forbids them);
//! its style and script are inline and carry no data, and every piece of
//! the notice's text on it is escaped.
//!
//! ## What it shows
//! - The notice's text, one row per line with its line number, each
//!   element highlighted by kind: the frame's fields (发文字号, 标题, 主送机关,
//!   the preamble and body sections, 附件说明, 署名, 成文日期, notes and
//!   版记), categories, projects (badged with their number), lead and
//!   supporting units, leaders, targets, measures and their quantities,
//!   untasked items, lines set aside (page furniture, web chrome, page
//!   metadata, what a web page's reader skipped) and unplaced text
//!   (`unparsed-text`). Highlights nest: a target inside a project inside
//!   nothing else. An element over several lines is one highlight per line,
//!   all with the same `data-id`.
//! - Each diagnostic beside the line it points at, with its other places
//!   and help.
//! - A table of the projects (number, category, text, lead and supporting
//!   units, targets, measures); clicking a row scrolls to the project's text.
//! - A legend that counts each kind and turns its highlight off and on.
//!
//! ## Which text
//! A text input is shown as decoded: the rows are its physical lines, and
//! every highlight is exactly the bytes the element's span covers. A web
//! page is shown as the plain text its reader made (one row per paragraph,
//! `<br>` piece or table row, cells parted by ` │ `), with the text the
//! reader skipped (navigation, footer) as set-aside rows in between; each
//! row's number is the line of the HTML source where it starts, the line the
//! JSON gives. Spans point into the HTML source, and every character of the
//! reader's text maps back to it, so the highlights are the same elements;
//! only the markup between them is not shown.
//!
//! ```
//! let text = "附件 1\n\n一、促进就业（1 项）\n\n（1）新增城镇就业 1.15 万人左右。（牵头单位：区人社局）\n";
//! let parsed = minsheng::parse_bytes(text.as_bytes(), &minsheng::Options::default());
//! let page = minsheng::report::render(&parsed);
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains(r#"class="m m-lead""#));
//! assert!(page.contains("区人社局"));
//! ```

use std::collections::HashSet;
use std::fmt::Write as _;

#[cfg(test)]
use crate::diagnostic::Code;
#[cfg(test)]
use crate::mapped::MappedText;
#[cfg(test)]
use crate::model::Project;
use crate::model::{Notice, SourceFormat};
#[cfg(test)]
use crate::source::Span;
use crate::Parsed;

mod marks;
mod rows;

use marks::{marks, Kind, Mark};
use rows::Row;

/// The report of a parsed notice: a complete HTML document.
///
/// It needs the [`Parsed`] result, not only its [`Notice`]: the text shown
/// is the decoded source, and the places of the elements the JSON does not
/// position ([`Parsed::places`]). Deterministic: the same input gives the
/// same page.
pub fn render(parsed: &Parsed) -> String {
    let rows = rows::rows(&parsed.notice, &parsed.source);
    let marks = marks(&parsed.notice, &parsed.source, &parsed.places);
    Page::new(parsed, rows, marks).html()
}

/// A run of a row's text under one set of highlights.
struct Segment {
    /// Byte range in the row's text.
    range: std::ops::Range<usize>,
    /// Indices into the marks, outermost first.
    active: Vec<usize>,
}

/// The page being written.
struct Page<'a> {
    parsed: &'a Parsed,
    rows: Vec<Row>,
    marks: Vec<Mark>,
    /// Per row, its segments.
    segments: Vec<Vec<Segment>>,
    /// Per mark, whether any character of the shown text is in it.
    shown: Vec<bool>,
    /// Per row, the diagnostics (indices) it shows beside it.
    notes: Vec<Vec<usize>>,
}

impl<'a> Page<'a> {
    fn new(parsed: &'a Parsed, rows: Vec<Row>, marks: Vec<Mark>) -> Page<'a> {
        let segments = segment(&rows, &marks);
        let mut shown = vec![false; marks.len()];
        for seg in segments.iter().flatten() {
            for &m in &seg.active {
                shown[m] = true;
            }
        }
        let mut notes = vec![Vec::new(); rows.len()];
        for (k, d) in parsed.notice.diagnostics.iter().enumerate() {
            if let Some(r) = rows::row_at(&rows, d.span.start) {
                notes[r].push(k);
            }
        }
        Page {
            parsed,
            rows,
            marks,
            segments,
            shown,
            notes,
        }
    }

    fn notice(&self) -> &Notice {
        &self.parsed.notice
    }

    fn html(&self) -> String {
        let mut out = String::with_capacity(self.parsed.source.text.len() * 4 + 16_384);
        let title = page_title(self.notice());
        out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n",
        );
        out.push_str("<meta name=\"generator\" content=\"minsheng ");
        out.push_str(env!("CARGO_PKG_VERSION"));
        out.push_str("\">\n<title>");
        escape(&mut out, &title);
        out.push_str(" · minsheng report</title>\n<style>\n");
        out.push_str(include_str!("page.css"));
        for kind in Kind::ALL {
            let k = kind.as_str();
            let _ = writeln!(
                out,
                ".hide-{k} .m-{k}{{background:none;box-shadow:none;text-decoration:none;color:inherit;font-weight:inherit}}.hide-{k} .m-{k}::before{{display:none}}"
            );
        }
        out.push_str("</style>\n</head>\n<body>\n");
        self.header(&mut out, &title);
        out.push_str("<main class=\"layout\">\n");
        self.text(&mut out);
        self.side(&mut out);
        out.push_str("</main>\n<script>\n");
        out.push_str(include_str!("page.js"));
        out.push_str("</script>\n</body>\n</html>\n");
        out
    }

    fn count(&self, kind: Kind) -> usize {
        self.marks.iter().filter(|m| m.kind == kind).count()
    }

    fn header(&self, out: &mut String, title: &str) {
        let n = self.notice();
        let s = &n.source;
        out.push_str("<header>\n<h1>");
        escape(out, title);
        out.push_str("</h1>\n<p class=\"meta\">");
        let name = s.name.as_deref().unwrap_or("(stdin)");
        escape(out, name);
        let _ = write!(
            out,
            " · {} · {} · {} bytes · {} lines · sha256 <code>{}</code></p>",
            html_text(s.format.as_str()),
            html_text(s.encoding.as_str()),
            s.bytes,
            s.lines,
            html_text(s.sha256.get(..12).unwrap_or(&s.sha256))
        );
        out.push('\n');
        out.push_str("<dl class=\"facts\">");
        let d = &n.document;
        let plan = &n.plan;
        let mut fact = |label: &str, value: Option<String>| {
            if let Some(v) = value {
                out.push_str("<div><dt>");
                escape(out, label);
                out.push_str("</dt><dd>");
                escape(out, &v);
                out.push_str("</dd></div>");
            }
        };
        fact("发文字号", d.doc_number.as_ref().map(|x| x.text.clone()));
        fact("发文机关", d.issuer.clone());
        fact("成文日期", d.date.clone());
        fact("地区", plan.region.clone());
        fact("年度", plan.year.map(|y| y.to_string()));
        fact("declared", plan.declared_total.map(|t| format!("{t} 项")));
        let targets: usize = plan.projects.iter().map(|p| p.targets.len()).sum();
        let measures: usize = plan.projects.iter().map(|p| p.measures.len()).sum();
        fact(
            "read",
            Some(format!(
                "{} categories · {} projects · {} targets · {} measures",
                plan.categories.len(),
                plan.projects.len(),
                targets,
                measures
            )),
        );
        let sev = |level: &str| {
            n.diagnostics
                .iter()
                .filter(|d| d.severity.as_str() == level)
                .count()
        };
        fact(
            "diagnostics",
            Some(format!(
                "{} errors · {} warnings · {} info",
                sev("error"),
                sev("warning"),
                sev("info")
            )),
        );
        out.push_str("</dl>\n<div class=\"legend\" role=\"group\" aria-label=\"highlights\">");
        for kind in Kind::ALL {
            let count = self.count(kind);
            if count == 0 {
                continue;
            }
            let k = kind.as_str();
            let _ = write!(
                out,
                "<label><input type=\"checkbox\" checked data-kind=\"{k}\"><span class=\"m m-{k} swatch\">{}</span> <span class=\"n\" data-count=\"{k}\">{count}</span></label>",
                html_text(kind.label())
            );
        }
        let hidden = self.shown.iter().filter(|s| !**s).count();
        if hidden > 0 {
            let _ = write!(
                out,
                "<span class=\"unshown-note\">{hidden} not in the shown text (◌)</span>"
            );
        }
        out.push_str("</div>\n</header>\n");
    }

    fn text(&self, out: &mut String) {
        out.push_str("<section class=\"text\" aria-label=\"notice text\">\n");
        if self.notice().source.format == SourceFormat::Html {
            out.push_str(
                "<p class=\"about\">A web page: shown is the text its reader made (a row per \
                 paragraph or table row, cells parted by │) and, set aside, what it skipped; \
                 line numbers are lines of the HTML source.</p>\n",
            );
        }
        let mut opened: HashSet<usize> = HashSet::new();
        // Marks not shown go where their place would be.
        let mut unshown: Vec<Vec<usize>> = vec![Vec::new(); self.rows.len()];
        for (m, mark) in self.marks.iter().enumerate() {
            if !self.shown[m] {
                let r = rows::row_at(&self.rows, mark.start()).unwrap_or(0);
                if let Some(list) = unshown.get_mut(r) {
                    list.push(m);
                }
            }
        }
        for (r, row) in self.rows.iter().enumerate() {
            let notes = &self.notes[r];
            let worst = notes
                .iter()
                .map(|&k| self.notice().diagnostics[k].severity)
                .max();
            let class = if row.skipped { " skipped" } else { "" };
            let flag = worst.map_or(String::new(), |s| format!(" flag-{}", s.as_str()));
            let _ = write!(
                out,
                "<div class=\"row{class}{flag}\" id=\"r{}\"><a class=\"ln\" href=\"#r{}\">{}</a><div class=\"tx\">",
                r + 1,
                r + 1,
                row.line
            );
            self.row_text(out, r, &mut opened);
            for &m in &unshown[r] {
                self.open(out, m, &mut opened);
                out.push_str("◌</span>");
            }
            out.push_str("</div>");
            if !notes.is_empty() {
                out.push_str("<div class=\"notes\">");
                for &k in notes {
                    self.note(out, k);
                }
                out.push_str("</div>");
            }
            out.push_str("</div>\n");
        }
        out.push_str("</section>\n");
    }

    fn row_text(&self, out: &mut String, r: usize, opened: &mut HashSet<usize>) {
        let row = &self.rows[r];
        let mut stack: Vec<usize> = Vec::new();
        for seg in &self.segments[r] {
            let common = stack
                .iter()
                .zip(&seg.active)
                .take_while(|(a, b)| a == b)
                .count();
            for _ in common..stack.len() {
                out.push_str("</span>");
            }
            stack.truncate(common);
            for &m in &seg.active[common..] {
                self.open(out, m, opened);
                stack.push(m);
            }
            escape(out, &row.text[seg.range.clone()]);
        }
        for _ in 0..stack.len() {
            out.push_str("</span>");
        }
    }

    /// Open the highlight of mark `m`; its first piece carries its `id`.
    fn open(&self, out: &mut String, m: usize, opened: &mut HashSet<usize>) {
        let mark = &self.marks[m];
        let k = mark.kind.as_str();
        let _ = write!(out, "<span class=\"m m-{k}");
        if !self.shown[m] {
            out.push_str(" unshown");
        }
        out.push('"');
        if opened.insert(m) {
            let _ = write!(out, " id=\"{}\"", mark.id);
            if let Some((name, value)) = &mark.attr {
                let _ = write!(out, " {name}=\"{}\"", html_text(value));
            }
        } else if let Some((name @ ("data-field" | "data-why"), value)) = &mark.attr {
            let _ = write!(out, " {name}=\"{}\"", html_text(value));
        }
        let _ = write!(out, " data-id=\"{}\" title=\"", mark.id);
        escape(out, &mark.tip);
        out.push_str("\">");
    }

    fn note(&self, out: &mut String, k: usize) {
        let d = &self.notice().diagnostics[k];
        let sev = d.severity.as_str();
        let _ = write!(
            out,
            "<div class=\"diag sev-{sev}\" id=\"d{}\" data-code=\"{}\"><span class=\"sev\">{sev}</span> <code>{}</code> <span class=\"pos\">{}:{}</span><div class=\"msg\">",
            k + 1,
            d.code.as_str(),
            d.code.as_str(),
            d.line,
            d.column
        );
        escape(out, &d.message);
        out.push_str("</div>");
        for label in &d.labels {
            let _ = write!(
                out,
                "<div class=\"label\">↳ {}:{} ",
                label.line, label.column
            );
            escape(out, &label.message);
            out.push_str("</div>");
        }
        if let Some(help) = &d.help {
            out.push_str("<div class=\"help\">help: ");
            escape(out, help);
            out.push_str("</div>");
        }
        out.push_str("</div>");
    }

    fn side(&self, out: &mut String) {
        let plan = &self.notice().plan;
        out.push_str("<aside class=\"side\">\n");
        let _ = write!(
            out,
            "<h2>Projects <span class=\"n\">{}</span></h2>\n<table class=\"projects\">\n<thead><tr><th>No.</th><th>Project</th><th>Lead units</th><th>Targets</th><th title=\"measures\">M</th><th>Line</th></tr></thead>\n<tbody>\n",
            plan.projects.len()
        );
        let mut last_category: Option<Option<u32>> = None;
        for (k, p) in plan.projects.iter().enumerate() {
            if last_category != Some(p.category) {
                last_category = Some(p.category);
                if let Some(c) = p.category {
                    if let Some(cat) = plan.categories.iter().find(|x| x.number == c) {
                        out.push_str("<tr class=\"cat\"><th colspan=\"6\">");
                        let count = cat
                            .declared_count
                            .map_or(String::new(), |n| format!("（{n}项）"));
                        escape(out, &format!("{} {}{count}", cat.number, cat.name));
                        out.push_str("</th></tr>\n");
                    }
                }
            }
            let id = format!("p{}", k + 1);
            let _ = write!(
                out,
                "<tr data-go=\"{id}\"><td class=\"num\">{}</td><td class=\"ptext\"><a href=\"#{id}\" title=\"",
                p.number
            );
            escape(out, &p.text);
            out.push_str("\">");
            escape(out, &abridged(p.name.as_deref().unwrap_or(&p.text), 30));
            out.push_str("</a></td><td>");
            escape(out, &p.lead_units.join("、"));
            if !p.support_units.is_empty() {
                out.push_str("<div class=\"support\">+ ");
                escape(out, &p.support_units.join("、"));
                out.push_str("</div>");
            }
            out.push_str("</td><td class=\"targets\">");
            for (j, q) in p.targets.iter().enumerate() {
                if j > 0 {
                    out.push_str("<br>");
                }
                escape(out, &q.to_string());
            }
            let _ = writeln!(
                out,
                "</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                p.measures.len(),
                p.line
            );
        }
        out.push_str("</tbody>\n</table>\n");
        let diags = &self.notice().diagnostics;
        let _ = write!(
            out,
            "<h2>Diagnostics <span class=\"n\">{}</span></h2>\n<ul class=\"diags\">\n",
            diags.len()
        );
        for (k, d) in diags.iter().enumerate() {
            let _ = write!(
                out,
                "<li class=\"sev-{}\"><a href=\"#d{}\">{}:{}</a> <code>{}</code> ",
                d.severity.as_str(),
                k + 1,
                d.line,
                d.column,
                d.code.as_str()
            );
            escape(out, &abridged(&d.message, 60));
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n</aside>\n");
    }
}

/// Split each row into runs under one set of highlights.
fn segment(rows: &[Row], marks: &[Mark]) -> Vec<Vec<Segment>> {
    // Every run of every mark, and the rows each can touch.
    let mut intervals: Vec<(u32, u32, usize)> = marks
        .iter()
        .enumerate()
        .flat_map(|(m, mark)| mark.spans.iter().map(move |s| (s.start, s.end, m)))
        .collect();
    intervals.sort_unstable();
    let mut candidates: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    let order = rows::ByStart::new(rows);
    for (i, &(start, end, _)) in intervals.iter().enumerate() {
        for r in order.touching(rows, start, end) {
            candidates[r].push(i);
        }
    }
    // Outermost first: earlier start, then later end, then kind.
    let rank = |m: usize| {
        let mark = &marks[m];
        (mark.start(), std::cmp::Reverse(mark.end()), mark.kind, m)
    };
    rows.iter()
        .zip(&candidates)
        .map(|(row, cands)| {
            let mut segments: Vec<Segment> = Vec::new();
            for (at, c) in row.text.char_indices() {
                let end = at + c.len_utf8();
                let mut active: Vec<usize> = match row.offset(at) {
                    Some(o) => cands
                        .iter()
                        .map(|&i| intervals[i])
                        .filter(|&(s, e, _)| s <= o && o < e)
                        .map(|(_, _, m)| m)
                        .collect(),
                    None => Vec::new(),
                };
                active.sort_unstable_by_key(|&m| rank(m));
                active.dedup();
                match segments.last_mut() {
                    Some(last) if last.active == active && last.range.end == at => {
                        last.range.end = end;
                    }
                    _ => segments.push(Segment {
                        range: at..end,
                        active,
                    }),
                }
            }
            segments
        })
        .collect()
}

/// The page's heading: the notice's title, or its file name.
fn page_title(notice: &Notice) -> String {
    notice
        .document
        .title
        .clone()
        .or_else(|| notice.source.name.clone())
        .unwrap_or_else(|| "notice".to_string())
}

/// The first `n` characters of a text, with "…" when cut.
fn abridged(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        return text.to_string();
    }
    let mut s: String = text.chars().take(n).collect();
    s.push('…');
    s
}

/// `text` escaped for HTML text and attribute values.
fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape(&mut out, text);
    out
}

/// Append `text` escaped for HTML text and double- or single-quoted
/// attribute values: `& < > " '` as references, and the characters HTML
/// does not allow in a document (C0 controls other than tab and line feed;
/// DEL; C1 controls; noncharacters) as U+FFFD, so the page
/// parses without errors whatever the input holds. A carriage return
/// (a CRLF file's line ends are cut off before) becomes U+FFFD too: it
/// would be read as a line break.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if is_disallowed(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

fn is_disallowed(c: char) -> bool {
    let u = c as u32;
    u < 0x20
        || (0x7f..=0x9f).contains(&u)
        || (0xfdd0..=0xfdef).contains(&u)
        || (u & 0xfffe) == 0xfffe
}

#[cfg(test)]
mod tests;
