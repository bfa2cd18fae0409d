//! The diff for people: a table for the terminal ([`text`]) and CSV rows
//! for spreadsheets ([`write_csv`]). The JSON form is the serde form of
//! [`PlanDiff`] (see `docs/json.md`).

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::{Edit, PlanDiff, ProjectSide, TargetChange, TargetChangeKind, TextSegment};

/// Characters of kept text shown on each side of a change in a text diff.
const CONTEXT: usize = 6;
/// Characters of a project's text shown in a one-line summary.
const SUMMARY: usize = 40;

/// The diff as a table for the terminal: the two notices and the counts,
/// categories with their projects old → new, then the continued projects
/// with what changed, the added and the dropped ones.
///
/// ```
/// let old = minsheng::parse("附件 1\n（1）新增托位 1196 个。（牵头单位：区卫健委）\n");
/// let new = minsheng::parse("附件 1\n（1）新增托位 1200 个。（牵头单位：区卫健委）\n");
/// let table = minsheng::diff::text(&minsheng::diff(&old, &new));
/// assert!(table.contains("1196个 → 1200个 (+4)"), "{table}");
/// ```
pub fn text(d: &PlanDiff) -> String {
    let mut out = String::new();
    let year = |y: Option<u32>, fallback: &str| y.map_or(fallback.to_string(), |y| y.to_string());
    let (old_year, new_year) = (year(d.old.year, "old"), year(d.new.year, "new"));
    let place = |s: &super::Side, y: &str| match &s.region {
        Some(r) => format!("{r} {y}"),
        None => y.to_string(),
    };
    let t = &d.totals;
    let _ = writeln!(
        out,
        "{} → {}",
        place(&d.old, &old_year),
        place(&d.new, &new_year)
    );
    let sides = [
        ("old", &d.old, t.projects.old, t.categories.old),
        ("new", &d.new, t.projects.new, t.categories.new),
    ];
    let declared = [t.declared_total.old, t.declared_total.new];
    let untasked = [t.untasked.old, t.untasked.new];
    for (k, (label, s, projects, categories)) in sides.into_iter().enumerate() {
        let declared = declared[k].map_or(String::new(), |n| format!(", {n} declared"));
        let untasked = match untasked[k] {
            0 => String::new(),
            n => format!(", {n} untasked"),
        };
        let _ = writeln!(
            out,
            "  {label}  {}: {} in {}{declared}{untasked}",
            s.name.as_deref().unwrap_or("-"),
            plural(projects, "project", "projects"),
            plural(categories, "category", "categories"),
        );
    }
    let _ = writeln!(
        out,
        "  {} continued ({} changed), {} added, {} dropped; {} target changes; threshold {}",
        t.continued, t.changed, t.added, t.dropped, t.target_changes, d.threshold
    );

    categories(&mut out, d);

    let numbers = |old: Option<&ProjectSide>, new: Option<&ProjectSide>| {
        let n = |p: Option<&ProjectSide>| p.map_or("–".to_string(), |p| p.number.to_string());
        format!("{:>5} → {:<5}", n(old), n(new))
    };
    let _ = writeln!(out, "\nContinued projects ({old_year} → {new_year}, score)");
    if d.projects.continued.is_empty() {
        let _ = writeln!(out, "  none");
    }
    let indent = " ".repeat(24);
    for p in &d.projects.continued {
        let _ = writeln!(
            out,
            "  {}  {}  {}",
            numbers(Some(&p.old), Some(&p.new)),
            p.score_text(),
            summary(&p.new.text)
        );
        if !p.changed {
            continue;
        }
        if !p.targets.is_empty() {
            let phrases: Vec<String> = p.targets.iter().map(target_phrase).collect();
            let _ = writeln!(out, "{indent}targets  {}", phrases.join("; "));
        }
        for (what, added, removed) in [
            ("lead", &p.lead_units_added, &p.lead_units_removed),
            ("support", &p.support_units_added, &p.support_units_removed),
        ] {
            if let Some(units) = unit_changes(added, removed) {
                let _ = writeln!(out, "{indent}{what:<7}  {units}");
            }
        }
        if p.category_moved {
            let name = |s: &ProjectSide| s.category_name.clone().unwrap_or_else(|| "–".into());
            let _ = writeln!(out, "{indent}moved    {} → {}", name(&p.old), name(&p.new));
        }
        if p.text_changed {
            let _ = writeln!(out, "{indent}text     {}", marked(&p.text_diff));
        }
    }
    let _ = writeln!(out, "\nAdded projects");
    if d.projects.added.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for a in &d.projects.added {
        let mut notes = Vec::new();
        if let Some(l) = &a.split_from {
            notes.push(format!("split from {old_year} #{} ({})", l.number, l.score));
        }
        if let Some(l) = a
            .nearest
            .as_ref()
            .filter(|l| Some(l.index) != a.split_from.as_ref().map(|s| s.index))
        {
            notes.push(format!("nearest {old_year} #{} ({})", l.number, l.score));
        }
        let _ = writeln!(
            out,
            "  {}  {}{}",
            numbers(None, Some(&a.project)),
            summary(&a.project.text),
            bracketed(&notes)
        );
    }
    let _ = writeln!(out, "\nDropped projects");
    if d.projects.dropped.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for r in &d.projects.dropped {
        let mut notes = Vec::new();
        if let Some(l) = &r.merged_into {
            notes.push(format!(
                "merged into {new_year} #{} ({})",
                l.number, l.score
            ));
        }
        if let Some(l) = r
            .nearest
            .as_ref()
            .filter(|l| Some(l.index) != r.merged_into.as_ref().map(|s| s.index))
        {
            notes.push(format!("nearest {new_year} #{} ({})", l.number, l.score));
        }
        let _ = writeln!(
            out,
            "  {}  {}{}",
            numbers(Some(&r.project), None),
            summary(&r.project.text),
            bracketed(&notes)
        );
    }
    out
}

impl super::ProjectPair {
    /// The score with three decimals, as `0.967` or `1.000`.
    fn score_text(&self) -> String {
        let (mantissa, scale) = self.score.parts();
        let thousandths = mantissa * 10i128.pow(3u32.saturating_sub(scale));
        format!("{}.{:03}", thousandths / 1000, thousandths % 1000)
    }
}

/// The categories: continued, added, dropped, with their projects.
fn categories(out: &mut String, d: &PlanDiff) {
    let c = &d.categories;
    if c.continued.is_empty() && c.added.is_empty() && c.dropped.is_empty() {
        return;
    }
    let label = |s: &super::CategorySide| format!("{} {}", s.number, s.name);
    let mut rows: Vec<(String, String, String)> = Vec::new();
    for p in &c.continued {
        rows.push((
            label(&p.old),
            label(&p.new),
            format!("{} → {}", p.old.projects, p.new.projects),
        ));
    }
    for a in &c.added {
        rows.push(("–".into(), label(a), format!("– → {}", a.projects)));
    }
    for r in &c.dropped {
        rows.push((label(r), "–".into(), format!("{} → –", r.projects)));
    }
    let w0 = rows.iter().map(|r| r.0.width()).max().unwrap_or(0);
    let w1 = rows.iter().map(|r| r.1.width()).max().unwrap_or(0);
    let _ = writeln!(out, "\nCategories (projects old → new)");
    for (a, b, n) in rows {
        let _ = writeln!(out, "  {}  →  {}  {n}", pad(&a, w0), pad(&b, w1));
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `s` padded with spaces to `width` terminal columns (CJK counts two).
fn pad(s: &str, width: usize) -> String {
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(s.width())));
    out
}

fn bracketed(notes: &[String]) -> String {
    if notes.is_empty() {
        String::new()
    } else {
        format!("  ({})", notes.join("; "))
    }
}

/// The first characters of a text, with “…” when cut.
fn summary(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(SUMMARY).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// `+ 区市场监管局、− 各街镇`, or `None` when nothing changed.
fn unit_changes(added: &[String], removed: &[String]) -> Option<String> {
    let mut parts = Vec::new();
    if !added.is_empty() {
        parts.push(format!("+ {}", added.join("、")));
    }
    if !removed.is_empty() {
        parts.push(format!("- {}", removed.join("、")));
    }
    (!parts.is_empty()).then(|| parts.join("  "))
}

/// A target change in one phrase: `不低于277元/月/人 → 不低于290元/月/人
/// (+13)`, `+ 新增…` for a target of the new year only, `- …` for one of the
/// old year only.
pub(crate) fn target_phrase(c: &TargetChange) -> String {
    fn text(q: &Option<crate::model::Quantity>) -> &str {
        q.as_ref().map_or("", |q| q.text.as_str())
    }
    match c.kind {
        TargetChangeKind::Changed => {
            let delta = match c.delta {
                Some(d) if d > crate::Decimal::ZERO => format!(" (+{d})"),
                Some(d) if d < crate::Decimal::ZERO => format!(" ({d})"),
                _ => String::new(),
            };
            format!("{} → {}{delta}", text(&c.old), text(&c.new))
        }
        TargetChangeKind::Added => format!("+ {}", text(&c.new)),
        TargetChangeKind::Removed => format!("- {}", text(&c.old)),
    }
}

/// A text diff marked up on one line, `[-removed-]{+added+}`, long kept
/// runs cut to [`CONTEXT`] characters next to the changes.
pub(crate) fn marked(segments: &[TextSegment]) -> String {
    let last = segments.len().saturating_sub(1);
    let mut out = String::new();
    for (k, s) in segments.iter().enumerate() {
        match s.edit {
            Edit::Removed => {
                let _ = write!(out, "[-{}-]", s.text);
            }
            Edit::Added => {
                let _ = write!(out, "{{+{}+}}", s.text);
            }
            Edit::Same => {
                let chars: Vec<char> = s.text.chars().collect();
                let n = chars.len();
                let head = |m: usize| chars[..m.min(n)].iter().collect::<String>();
                let tail = |m: usize| chars[n - m.min(n)..].iter().collect::<String>();
                let shown = if k == 0 && n > CONTEXT {
                    format!("…{}", tail(CONTEXT))
                } else if k == last && n > CONTEXT {
                    format!("{}…", head(CONTEXT))
                } else if k != 0 && k != last && n > 2 * CONTEXT {
                    format!("{}…{}", head(CONTEXT), tail(CONTEXT))
                } else {
                    s.text.clone()
                };
                out.push_str(&shown);
            }
        }
    }
    out
}

/// Column names of the diff's CSV, one row per project: continued, then
/// added, then dropped.
#[cfg(feature = "csv")]
pub const CSV_COLUMNS: [&str; 21] = [
    "status",
    "old_number",
    "new_number",
    "score",
    "old_category",
    "new_category",
    "category_moved",
    "old_text",
    "new_text",
    "old_lead_units",
    "new_lead_units",
    "lead_units_added",
    "lead_units_removed",
    "support_units_added",
    "support_units_removed",
    "target_changes",
    "text_changed",
    "split_from",
    "merged_into",
    "old_line",
    "new_line",
];

/// Write the diff as CSV: UTF-8 with a byte-order mark (Excel shows
/// Chinese), RFC 4180 quoting, a header row ([`CSV_COLUMNS`]), then one row
/// per continued project (`status` `continued`), added project (`added`)
/// and dropped project (`dropped`). Units are joined with `、`, target
/// changes with `；` (as [`text`] writes them); empty cells for what does
/// not apply.
///
/// ```
/// let old = minsheng::parse("附件 1\n（1）新增托位 1196 个。（牵头单位：区卫健委）\n");
/// let new = minsheng::parse("附件 1\n（1）新增托位 1200 个。（牵头单位：区卫健委）\n");
/// let mut out = Vec::new();
/// minsheng::diff::write_csv(&mut out, &minsheng::diff(&old, &new)).unwrap();
/// let csv = String::from_utf8(out).unwrap();
/// assert!(csv.lines().nth(1).unwrap().starts_with("continued,1,1,1,"));
/// ```
#[cfg(feature = "csv")]
pub fn write_csv<W: std::io::Write>(mut out: W, d: &PlanDiff) -> std::io::Result<()> {
    out.write_all(b"\xEF\xBB\xBF")?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_COLUMNS)?;
    let yes = |b: bool| if b { "true" } else { "false" }.to_string();
    for p in &d.projects.continued {
        let phrases: Vec<String> = p.targets.iter().map(target_phrase).collect();
        let mut row = Row::start("continued");
        row.side("old", &p.old);
        row.side("new", &p.new);
        row.set("score", p.score.to_string());
        row.set("category_moved", yes(p.category_moved));
        row.set("lead_units_added", p.lead_units_added.join("、"));
        row.set("lead_units_removed", p.lead_units_removed.join("、"));
        row.set("support_units_added", p.support_units_added.join("、"));
        row.set("support_units_removed", p.support_units_removed.join("、"));
        row.set("target_changes", phrases.join("；"));
        row.set("text_changed", yes(p.text_changed));
        w.write_record(&row.0)?;
    }
    for a in &d.projects.added {
        let mut row = Row::start("added");
        row.side("new", &a.project);
        if let Some(l) = &a.split_from {
            row.set("split_from", l.number.to_string());
        }
        w.write_record(&row.0)?;
    }
    for r in &d.projects.dropped {
        let mut row = Row::start("dropped");
        row.side("old", &r.project);
        if let Some(l) = &r.merged_into {
            row.set("merged_into", l.number.to_string());
        }
        w.write_record(&row.0)?;
    }
    w.flush()
}

/// One CSV row, its cells set by column name.
#[cfg(feature = "csv")]
struct Row([String; CSV_COLUMNS.len()]);

#[cfg(feature = "csv")]
impl Row {
    fn start(status: &str) -> Row {
        let mut row = Row(Default::default());
        row.set("status", status.to_string());
        row
    }

    fn set(&mut self, column: &str, value: String) {
        if let Some(k) = CSV_COLUMNS.iter().position(|c| *c == column) {
            self.0[k] = value;
        }
    }

    fn side(&mut self, which: &str, p: &ProjectSide) {
        self.set(&format!("{which}_number"), p.number.to_string());
        let category = p.category_name.clone().unwrap_or_default();
        self.set(&format!("{which}_category"), category);
        self.set(&format!("{which}_text"), p.text.clone());
        self.set(&format!("{which}_lead_units"), p.lead_units.join("、"));
        self.set(&format!("{which}_line"), p.line.to_string());
    }
}
