//! Where each element of a parsed notice is in the input.
//!
//! The JSON gives an element's line (and a quantity's column); the model
//! keeps the [`Span`] of projects, quantities and diagnostics. [`Places`]
//! holds the rest, kept beside the [`Notice`](crate::Notice) in
//! [`Parsed`](crate::Parsed) rather than in the model, so the model and its
//! JSON stay exactly the contract: the frame's fields, the categories, each
//! project's text, lead and supporting units, leaders and measures, the
//! untasked items, and the lines the reader set aside (page furniture, web
//! chrome, page metadata). Each place is a list of byte ranges of the
//! decoded input, one per run of the original the element's text was read
//! from (a project over three lines has three; a text joined across a page
//! break skips the page number between).
//!
//! The lists run parallel to the notice: `categories[k]` is where
//! `plan.categories[k]` is, `projects[k]` where `plan.projects[k]` is, and
//! within a project, `lead_units[j]` is `lead_units[j]` of the model. It is
//! what the HTML report ([`crate::report`]) highlights.
//!
//! ```
//! let parsed = minsheng::parse_bytes(
//!     "附件 1\n一、促进就业（1项）\n（1）新增城镇就业1.15万人左右。（牵头单位：区人社局）\n".as_bytes(),
//!     &minsheng::Options::default(),
//! );
//! let unit = parsed.places.projects[0].lead_units[0][0];
//! assert_eq!(parsed.source.slice(unit), "区人社局");
//! let category = parsed.places.categories[0][0];
//! assert!(parsed.source.slice(category).contains("促进就业"));
//! ```

use crate::mapped::MappedText;
pub use crate::source::Span;

/// Where the elements of a notice are in the input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Places {
    /// The frame's fields, in the order they were read.
    pub frame: Vec<FramePlace>,
    /// Parallel to `plan.categories`: each heading.
    pub categories: Vec<Vec<Span>>,
    /// Parallel to `plan.categories`: the headings of its subcategories.
    pub subcategories: Vec<Vec<Span>>,
    /// Parallel to `plan.projects`.
    pub projects: Vec<ProjectPlaces>,
    /// Parallel to `plan.untasked`.
    pub untasked: Vec<Vec<Span>>,
    /// Lines the reader set aside as not notice text, in input order.
    pub set_aside: Vec<SetAside>,
    /// The later copies of an attachment printed more than once: compared
    /// with the first copy (differences are diagnostics), not read again.
    pub copies: Vec<Span>,
    /// Text read as the frame of the elements rather than as one of them:
    /// a table's header row, an attachment's marker and title.
    pub structure: Vec<Span>,
    /// Text that says again what an element already holds: a second list's
    /// project, units and measures where they agree with the list's.
    pub restated: Vec<Span>,
}

/// Where one field of the frame is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FramePlace {
    /// Which field.
    pub field: FrameField,
    /// Its runs in the input.
    pub spans: Vec<Span>,
}

/// A field of the document frame, named as in the JSON's `document`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FrameField {
    /// `doc_number` (发文字号).
    DocNumber,
    /// `title` (标题).
    Title,
    /// `addressees` (主送机关): the whole line.
    Addressees,
    /// `preamble`: all its paragraphs.
    Preamble,
    /// One of `sections` (正文 一、二、…): its heading line and text.
    Section,
    /// One entry of `attachment_list` (附件说明).
    AttachmentNote,
    /// `issuer` (发文机关署名).
    Issuer,
    /// `date` (成文日期).
    Date,
    /// One of `notes` (附注).
    Note,
    /// One of `colophon` (版记).
    Colophon,
}

impl FrameField {
    /// The field's key in the JSON's `document`.
    pub fn as_str(self) -> &'static str {
        match self {
            FrameField::DocNumber => "doc_number",
            FrameField::Title => "title",
            FrameField::Addressees => "addressees",
            FrameField::Preamble => "preamble",
            FrameField::Section => "sections",
            FrameField::AttachmentNote => "attachment_list",
            FrameField::Issuer => "issuer",
            FrameField::Date => "date",
            FrameField::Note => "notes",
            FrameField::Colophon => "colophon",
        }
    }

    /// True for a field that holds one value (a later reading replaces an
    /// earlier one, as a notice's own 文号 replaces its web page's).
    pub fn is_single(self) -> bool {
        matches!(
            self,
            FrameField::DocNumber
                | FrameField::Title
                | FrameField::Addressees
                | FrameField::Issuer
                | FrameField::Date
        )
    }
}

/// Where one project's parts are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectPlaces {
    /// Its text (without the lead-unit clause).
    pub text: Vec<Span>,
    /// Its short name, where the notice gives one apart from the text (a
    /// table's 项目名称 cell).
    pub name: Vec<Span>,
    /// Parallel to the project's `lead_units`.
    pub lead_units: Vec<Vec<Span>>,
    /// Parallel to its `support_units`.
    pub support_units: Vec<Vec<Span>>,
    /// Parallel to its `leaders`.
    pub leaders: Vec<Vec<Span>>,
    /// Parallel to its `measures`.
    pub measures: Vec<Vec<Span>>,
    /// Parallel to its `fields`: each one's text.
    pub fields: Vec<Vec<Span>>,
    /// Names it gives twice (the second time).
    pub restated: Vec<Span>,
}

/// A line the reader set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// Why.
    pub kind: SetAsideKind,
    /// Its runs in the input.
    pub spans: Vec<Span>,
}

/// Why a line was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SetAsideKind {
    /// Page furniture: a page number or a running header.
    Furniture,
    /// A footnote at a page bottom (`footnote`).
    Footnote,
    /// Chrome of the page, forum or mirror site (`page-chrome`).
    Chrome,
    /// A web page's metadata line (索引号, 发布日期 …).
    Metadata,
}

impl SetAsideKind {
    /// `furniture`, `footnote`, `chrome` or `metadata`.
    pub fn as_str(self) -> &'static str {
        match self {
            SetAsideKind::Furniture => "furniture",
            SetAsideKind::Footnote => "footnote",
            SetAsideKind::Chrome => "chrome",
            SetAsideKind::Metadata => "metadata",
        }
    }
}

impl Places {
    /// Record where a frame field was read; a single-valued field's earlier
    /// place is replaced.
    pub(crate) fn frame_field(&mut self, field: FrameField, spans: Vec<Span>) {
        if field.is_single() {
            // The earlier reading says it again (a web page's title above
            // the notice's own).
            let (earlier, rest): (Vec<FramePlace>, Vec<FramePlace>) =
                std::mem::take(&mut self.frame)
                    .into_iter()
                    .partition(|p| p.field == field);
            self.frame = rest;
            self.restated
                .extend(earlier.into_iter().flat_map(|p| p.spans));
        }
        self.frame.push(FramePlace { field, spans });
    }

    /// Drop the places of single-valued fields the final frame does not
    /// have (a field read and then given up).
    pub(crate) fn keep_frame_fields(&mut self, document: &crate::model::Document) {
        self.frame.retain(|p| match p.field {
            FrameField::DocNumber => document.doc_number.is_some(),
            FrameField::Title => document.title.is_some(),
            FrameField::Addressees => !document.addressees.is_empty(),
            FrameField::Issuer => document.issuer.is_some(),
            FrameField::Date => document.date.is_some(),
            FrameField::Preamble => document.preamble.is_some(),
            _ => true,
        });
    }
}

/// The runs of a text in the input, merged where they touch.
pub(crate) fn runs(text: &MappedText) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for span in text.runs() {
        match out.last_mut() {
            Some(last) if span.start <= last.end && span.start >= last.start => {
                last.end = last.end.max(span.end);
            }
            _ => out.push(span),
        }
    }
    out
}
