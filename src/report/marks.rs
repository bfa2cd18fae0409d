//! The highlights of the report: one [`Mark`] per element of the notice,
//! with the runs of the input it covers.

use std::fmt::Write as _;

use crate::diagnostic::Code;
use crate::model::{Notice, Project};
use crate::places::{FrameField, Places, ProjectPlaces};
use crate::source::{SourceText, Span};

/// A kind of highlight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Kind {
    /// A field of the document frame.
    Frame,
    /// A line set aside by the reader.
    Aside,
    /// Text no element took.
    Unplaced,
    /// A category heading.
    Category,
    /// A project's text.
    Project,
    /// A measure (推进措施).
    Measure,
    /// An item listed as having no local task.
    Untasked,
    /// A lead unit.
    Lead,
    /// A supporting unit.
    Support,
    /// A leader.
    Leader,
    /// A project's target.
    Target,
    /// A quantity in a measure.
    Quantity,
}

impl Kind {
    /// Every kind, outermost first (the order highlights nest in when
    /// they cover the same text).
    pub(super) const ALL: [Kind; 12] = [
        Kind::Frame,
        Kind::Aside,
        Kind::Unplaced,
        Kind::Category,
        Kind::Project,
        Kind::Measure,
        Kind::Untasked,
        Kind::Lead,
        Kind::Support,
        Kind::Leader,
        Kind::Target,
        Kind::Quantity,
    ];

    /// The CSS class suffix and `data-kind` of the legend: `m-project`.
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Kind::Frame => "frame",
            Kind::Aside => "aside",
            Kind::Unplaced => "unplaced",
            Kind::Category => "category",
            Kind::Project => "project",
            Kind::Measure => "measure",
            Kind::Untasked => "untasked",
            Kind::Lead => "lead",
            Kind::Support => "support",
            Kind::Leader => "leader",
            Kind::Target => "target",
            Kind::Quantity => "quantity",
        }
    }

    pub(super) fn label(self) -> &'static str {
        match self {
            Kind::Frame => "Frame 公文要素",
            Kind::Aside => "Set aside 版面",
            Kind::Unplaced => "Unplaced 未识别",
            Kind::Category => "Category 类别",
            Kind::Project => "Project 项目",
            Kind::Measure => "Measure 措施",
            Kind::Untasked => "Untasked 无任务",
            Kind::Lead => "Lead unit 牵头",
            Kind::Support => "Support unit 配合",
            Kind::Leader => "Leader 责任人",
            Kind::Target => "Target 目标",
            Kind::Quantity => "Measure figure 措施数量",
        }
    }
}

/// One element to highlight.
#[derive(Debug, Clone)]
pub(super) struct Mark {
    pub kind: Kind,
    /// `data-id`: unique in the page; the first piece also gets it as `id`.
    pub id: String,
    /// The tooltip.
    pub tip: String,
    /// Extra attribute (`data-field`, `data-why`, `data-n`) and its value.
    pub attr: Option<(&'static str, String)>,
    /// Where it is, in input order, runs parted by spaces only joined.
    pub spans: Vec<Span>,
}

impl Mark {
    fn new(kind: Kind, id: String, tip: String, spans: Vec<Span>, source: &SourceText) -> Mark {
        Mark {
            kind,
            id,
            tip,
            attr: None,
            spans: joined(spans, &source.text),
        }
    }

    fn with(mut self, name: &'static str, value: String) -> Mark {
        self.attr = Some((name, value));
        self
    }

    pub fn start(&self) -> u32 {
        self.spans.first().map_or(0, |s| s.start)
    }

    pub fn end(&self) -> u32 {
        self.spans.last().map_or(0, |s| s.end)
    }
}

/// The runs of an element sorted, and those parted only by whitespace the
/// fold dropped joined (one highlight over "1.15 万人", not three). An
/// empty span becomes the character at its place.
fn joined(mut spans: Vec<Span>, text: &str) -> Vec<Span> {
    spans.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Span> = Vec::new();
    for mut span in spans {
        if span.is_empty() {
            let at = span.start as usize;
            let len = text
                .get(at..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
            span = Span::new(at, at + len);
        }
        if let Some(last) = out.last_mut() {
            let gap = text.get(last.end as usize..span.start as usize);
            if span.start <= last.end
                || gap.is_some_and(|g| g.chars().all(|c| c == ' ' || c == '\u{3000}' || c == '\t'))
            {
                last.end = last.end.max(span.end);
                continue;
            }
        }
        out.push(span);
    }
    out
}

/// Every highlight of the notice, in no particular order.
pub(super) fn marks(notice: &Notice, source: &SourceText, places: &Places) -> Vec<Mark> {
    let mut marks = Vec::new();
    for (k, place) in places.frame.iter().enumerate() {
        let tip = frame_tip(notice, places, k);
        marks.push(
            Mark::new(
                Kind::Frame,
                format!("f{}", k + 1),
                tip,
                place.spans.clone(),
                source,
            )
            .with("data-field", place.field.as_str().to_string()),
        );
    }
    for (k, category) in notice.plan.categories.iter().enumerate() {
        let spans = places.categories.get(k).cloned().unwrap_or_default();
        let count = category
            .declared_count
            .map_or(String::new(), |n| format!("（{n}项）"));
        let tip = format!("category {} {}{count}", category.number, category.name);
        marks.push(Mark::new(
            Kind::Category,
            format!("c{}", k + 1),
            tip,
            spans,
            source,
        ));
    }
    for (k, project) in notice.plan.projects.iter().enumerate() {
        let place = places.projects.get(k).cloned().unwrap_or_default();
        project_marks(&mut marks, k, project, &place, source);
    }
    for (k, item) in notice.plan.untasked.iter().enumerate() {
        let spans = places.untasked.get(k).cloned().unwrap_or_default();
        let tip = format!("untasked: {item}");
        marks.push(Mark::new(
            Kind::Untasked,
            format!("u{}", k + 1),
            tip,
            spans,
            source,
        ));
    }
    for (k, aside) in places.set_aside.iter().enumerate() {
        let why = aside.kind.as_str();
        marks.push(
            Mark::new(
                Kind::Aside,
                format!("a{}", k + 1),
                format!("set aside: {why}"),
                aside.spans.clone(),
                source,
            )
            .with("data-why", why.to_string()),
        );
    }
    for (k, d) in notice.diagnostics.iter().enumerate() {
        if d.code == Code::UnparsedText {
            marks.push(Mark::new(
                Kind::Unplaced,
                format!("x{}", k + 1),
                format!("unplaced: {}", d.message),
                vec![d.span],
                source,
            ));
        }
    }
    marks
}

fn project_marks(
    marks: &mut Vec<Mark>,
    k: usize,
    project: &Project,
    place: &ProjectPlaces,
    source: &SourceText,
) {
    let id = format!("p{}", k + 1);
    let mut tip = format!("project {}", project.number);
    if let Some(c) = project.category {
        let _ = write!(tip, " · category {c}");
    }
    if !project.lead_units.is_empty() {
        let _ = write!(tip, " · lead {}", project.lead_units.join("、"));
    }
    marks.push(
        Mark::new(
            Kind::Project,
            id.clone(),
            tip,
            [&place.name[..], &place.text[..]].concat(),
            source,
        )
        .with("data-n", project.number.to_string()),
    );
    let units = [
        (
            Kind::Lead,
            "l",
            "lead unit",
            &project.lead_units,
            &place.lead_units,
        ),
        (
            Kind::Support,
            "s",
            "supporting unit",
            &project.support_units,
            &place.support_units,
        ),
        (
            Kind::Leader,
            "r",
            "leader",
            &project.leaders,
            &place.leaders,
        ),
    ];
    for (kind, letter, what, names, spans) in units {
        for (j, name) in names.iter().enumerate() {
            let spans = spans.get(j).cloned().unwrap_or_default();
            let tip = format!("{what} of project {}: {name}", project.number);
            marks.push(Mark::new(
                kind,
                format!("{id}-{letter}{}", j + 1),
                tip,
                spans,
                source,
            ));
        }
    }
    for (j, q) in project.targets.iter().enumerate() {
        let tip = format!("target of project {}: {q} ({})", project.number, q.cmp());
        marks.push(Mark::new(
            Kind::Target,
            format!("{id}-t{}", j + 1),
            tip,
            vec![q.span],
            source,
        ));
    }
    for (j, m) in project.measures.iter().enumerate() {
        let spans = place.measures.get(j).cloned().unwrap_or_default();
        let mid = format!("{id}-m{}", j + 1);
        let tip = format!("measure {} of project {}", m.number, project.number);
        marks.push(Mark::new(Kind::Measure, mid.clone(), tip, spans, source));
        for (i, q) in m.quantities.iter().enumerate() {
            let tip = format!("in measure {} of project {}: {q}", m.number, project.number);
            marks.push(Mark::new(
                Kind::Quantity,
                format!("{mid}-q{}", i + 1),
                tip,
                vec![q.span],
                source,
            ));
        }
    }
}

/// The tooltip of the `k`-th frame place: the field and its value.
fn frame_tip(notice: &Notice, places: &Places, k: usize) -> String {
    let d = &notice.document;
    let field = places.frame[k].field;
    // The n-th place of a field that has several.
    let nth = places.frame[..k]
        .iter()
        .filter(|p| p.field == field)
        .count();
    let value = match field {
        FrameField::DocNumber => d.doc_number.as_ref().map(|n| n.text.clone()),
        FrameField::Title => d.title.clone(),
        FrameField::Addressees => Some(d.addressees.join("、")),
        FrameField::Preamble => None,
        FrameField::Section => d
            .sections
            .get(nth)
            .map(|s| format!("{} {}", s.number, s.heading)),
        FrameField::AttachmentNote => d
            .attachment_list
            .get(nth)
            .map(|a| format!("附件{} {}", a.number, a.title)),
        FrameField::Issuer => d.issuer.clone(),
        FrameField::Date => d.date.clone(),
        FrameField::Note | FrameField::Colophon => None,
    };
    match value {
        Some(v) => format!("{}: {v}", field.as_str()),
        None => field.as_str().to_string(),
    }
}
