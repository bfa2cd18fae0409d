//! Flat CSV tables of a batch of notices, for spreadsheets and data teams.
//!
//! Four tables ([`Table`]): one row per project (`projects.csv`), per
//! quantity (`quantities.csv`: targets and measure quantities), per measure
//! (`measures.csv`) and per diagnostic (`diagnostics.csv`). Every row starts
//! with the notice's key ([`KEY_COLUMNS`]: the source as named, the SHA-256
//! of its bytes, its 发文字号 and 成文日期), so the tables join with each other
//! and with the JSON (`source.sha256`), and the same notice read from
//! several formats (text, web page, PDF) can be told apart by `sha256` and
//! matched by `doc_number` and `date`. Rows of one project join on the key
//! and `project` (the project's number; `number` in `projects.csv`).
//!
//! Files are UTF-8 with a byte-order mark, because Excel reads BOM-less CSV
//! as the local code page and garbles Chinese; quoting follows RFC 4180
//! (the `csv` crate). Feature `csv`.
//!
//! ```
//! use minsheng::tables::{Table, TableWriter};
//! let notice = minsheng::parse("附件 1\n（1）新增托位 1196 个。（牵头单位：区教体局）\n");
//! let mut w = TableWriter::new(Table::Quantities, Vec::new(), false).unwrap();
//! w.add("a.txt", &notice).unwrap();
//! let csv = String::from_utf8(w.finish().unwrap()).unwrap();
//! assert!(csv.starts_with("source_file,sha256,doc_number,date,project,measure,text,value,"));
//! assert!(csv.contains(",1,,1196个,1196,个,eq,"));
//! ```

use std::fmt;
use std::io::{self, Write};

use crate::model::{DiagnosticRecord, Measure, Notice, Project, Quantity};

/// The columns every table starts with: which notice a row is from.
pub const KEY_COLUMNS: [&str; 4] = ["source_file", "sha256", "doc_number", "date"];

/// Column names of `projects.csv`.
pub const PROJECT_COLUMNS: [&str; 15] = [
    "source_file",
    "sha256",
    "doc_number",
    "date",
    "region",
    "year",
    "number",
    "category",
    "category_name",
    "text",
    "lead_units",
    "support_units",
    "targets",
    "leaders",
    "line",
];

/// Column names of `quantities.csv`.
pub const QUANTITY_COLUMNS: [&str; 16] = [
    "source_file",
    "sha256",
    "doc_number",
    "date",
    "project",
    "measure",
    "text",
    "value",
    "unit",
    "cmp",
    "min",
    "max",
    "from",
    "line",
    "column",
    "canonical_unit",
];

/// Column names of `measures.csv`.
pub const MEASURE_COLUMNS: [&str; 9] = [
    "source_file",
    "sha256",
    "doc_number",
    "date",
    "project",
    "number",
    "text",
    "quantities",
    "line",
];

/// Column names of `diagnostics.csv`.
pub const DIAGNOSTIC_COLUMNS: [&str; 11] = [
    "source_file",
    "sha256",
    "doc_number",
    "date",
    "severity",
    "code",
    "message",
    "line",
    "column",
    "project",
    "help",
];

/// Joins unit lists inside one cell, as the notices themselves do.
const UNIT_SEPARATOR: &str = "、";
/// Joins target phrases inside one cell.
const TARGET_SEPARATOR: &str = "；";
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One of the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Table {
    /// A row per project.
    Projects,
    /// A row per quantity: the project's targets, then each measure's.
    Quantities,
    /// A row per measure (推进措施).
    Measures,
    /// A row per diagnostic.
    Diagnostics,
}

impl Table {
    /// Every table, in the order of the docs.
    pub const ALL: [Table; 4] = [
        Table::Projects,
        Table::Quantities,
        Table::Measures,
        Table::Diagnostics,
    ];

    /// `projects`, `quantities`, `measures` or `diagnostics`.
    pub fn name(self) -> &'static str {
        match self {
            Table::Projects => "projects",
            Table::Quantities => "quantities",
            Table::Measures => "measures",
            Table::Diagnostics => "diagnostics",
        }
    }

    /// Its file name in a folder of tables: `projects.csv` ….
    pub fn file_name(self) -> String {
        format!("{}.csv", self.name())
    }

    /// Its header row.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Projects => &PROJECT_COLUMNS,
            Table::Quantities => &QUANTITY_COLUMNS,
            Table::Measures => &MEASURE_COLUMNS,
            Table::Diagnostics => &DIAGNOSTIC_COLUMNS,
        }
    }

    /// The rows of one notice, each as many cells as [`Table::columns`];
    /// `source_file` names the notice in the first column (the CLI gives
    /// the path as given; [`Notice::source`]'s name is another choice).
    pub fn rows(self, source_file: &str, notice: &Notice) -> Vec<Vec<String>> {
        let key = key(source_file, notice);
        let with_key = |cells: Vec<String>| -> Vec<String> {
            let mut row = key.clone();
            row.extend(cells);
            row
        };
        let projects = &notice.plan.projects;
        match self {
            Table::Projects => projects
                .iter()
                .map(|p| with_key(project_cells(notice, p)))
                .collect(),
            Table::Quantities => projects
                .iter()
                .flat_map(|p| {
                    let targets = p.targets.iter().map(move |q| (p, None, q));
                    let measures = p.measures.iter().flat_map(move |m| {
                        m.quantities.iter().map(move |q| (p, Some(m.number), q))
                    });
                    targets.chain(measures)
                })
                .map(|(p, m, q)| with_key(quantity_cells(p, m, q)))
                .collect(),
            Table::Measures => projects
                .iter()
                .flat_map(|p| p.measures.iter().map(move |m| (p, m)))
                .map(|(p, m)| with_key(measure_cells(p, m)))
                .collect(),
            Table::Diagnostics => notice
                .diagnostics
                .iter()
                .map(|d| with_key(diagnostic_cells(d)))
                .collect(),
        }
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Table {
    type Err = String;
    /// Its name, `projects` … (`projects.csv` too).
    fn from_str(s: &str) -> Result<Table, String> {
        let name = s.strip_suffix(".csv").unwrap_or(s);
        Table::ALL
            .into_iter()
            .find(|t| t.name() == name)
            .ok_or_else(|| {
                format!(
                    "unknown table “{s}”: expected projects, quantities, measures or diagnostics"
                )
            })
    }
}

/// One table being written: header first, then the rows of each notice
/// added.
pub struct TableWriter<W: Write> {
    table: Table,
    csv: csv::Writer<W>,
}

impl<W: Write> TableWriter<W> {
    /// Start `table` on `out`: the byte-order mark (when `bom`; files for
    /// spreadsheets want it, a pipe to another program does not) and the
    /// header row.
    pub fn new(table: Table, mut out: W, bom: bool) -> io::Result<TableWriter<W>> {
        if bom {
            out.write_all(BOM)?;
        }
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record(table.columns())?;
        Ok(TableWriter { table, csv })
    }

    /// Which table this is.
    pub fn table(&self) -> Table {
        self.table
    }

    /// Append the rows of one notice; `source_file` names it in every row.
    pub fn add(&mut self, source_file: &str, notice: &Notice) -> io::Result<()> {
        for row in self.table.rows(source_file, notice) {
            self.csv.write_record(row)?;
        }
        Ok(())
    }

    /// Flush and hand the writer back.
    pub fn finish(self) -> io::Result<W> {
        self.csv.into_inner().map_err(|e| e.into_error())
    }
}

/// Several tables written side by side over a batch.
pub struct Tables<W: Write> {
    writers: Vec<TableWriter<W>>,
}

impl<W: Write> Tables<W> {
    /// Start each table on its writer, with a byte-order mark.
    pub fn new(outputs: impl IntoIterator<Item = (Table, W)>) -> io::Result<Tables<W>> {
        let writers = outputs
            .into_iter()
            .map(|(table, out)| TableWriter::new(table, out, true))
            .collect::<io::Result<_>>()?;
        Ok(Tables { writers })
    }

    /// Append the rows of one notice to every table.
    pub fn add(&mut self, source_file: &str, notice: &Notice) -> io::Result<()> {
        self.writers
            .iter_mut()
            .try_for_each(|w| w.add(source_file, notice))
    }

    /// Flush every table and hand the writers back, in the order given.
    pub fn finish(self) -> io::Result<Vec<(Table, W)>> {
        self.writers
            .into_iter()
            .map(|w| {
                let table = w.table;
                w.finish().map(|out| (table, out))
            })
            .collect()
    }
}

fn key(source_file: &str, notice: &Notice) -> Vec<String> {
    let document = &notice.document;
    vec![
        source_file.to_string(),
        notice.source.sha256.clone(),
        document
            .doc_number
            .as_ref()
            .map(|n| n.text.clone())
            .unwrap_or_default(),
        document.date.clone().unwrap_or_default(),
    ]
}

fn project_cells(notice: &Notice, project: &Project) -> Vec<String> {
    let plan = &notice.plan;
    let category_name = project
        .category
        .and_then(|n| plan.categories.iter().find(|c| c.number == n))
        .map(|c| c.name.clone());
    let targets: Vec<&str> = project.targets.iter().map(|q| q.text.as_str()).collect();
    vec![
        plan.region.clone().unwrap_or_default(),
        optional(plan.year),
        project.number.to_string(),
        optional(project.category),
        category_name.unwrap_or_default(),
        project.text.clone(),
        project.lead_units.join(UNIT_SEPARATOR),
        project.support_units.join(UNIT_SEPARATOR),
        targets.join(TARGET_SEPARATOR),
        project.leaders.join(UNIT_SEPARATOR),
        project.line.to_string(),
    ]
}

fn quantity_cells(project: &Project, measure: Option<u32>, quantity: &Quantity) -> Vec<String> {
    vec![
        project.number.to_string(),
        optional(measure),
        quantity.text.clone(),
        quantity.value().to_string(),
        quantity.unit.clone(),
        quantity.cmp().as_str().to_string(),
        optional(quantity.amount.bounds().map(|(min, _)| min)),
        optional(quantity.amount.bounds().map(|(_, max)| max)),
        optional(quantity.amount.from()),
        quantity.line.to_string(),
        quantity.column.to_string(),
        quantity.canonical_unit.clone(),
    ]
}

fn measure_cells(project: &Project, measure: &Measure) -> Vec<String> {
    let quantities: Vec<&str> = measure.quantities.iter().map(|q| q.text.as_str()).collect();
    vec![
        project.number.to_string(),
        measure.number.to_string(),
        measure.text.clone(),
        quantities.join(TARGET_SEPARATOR),
        measure.line.to_string(),
    ]
}

fn diagnostic_cells(d: &DiagnosticRecord) -> Vec<String> {
    vec![
        d.severity.as_str().to_string(),
        d.code.as_str().to_string(),
        d.message.clone(),
        d.line.to_string(),
        d.column.to_string(),
        optional(d.project),
        d.help.clone().unwrap_or_default(),
    ]
}

/// Empty cell for a missing value.
fn optional<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Amount, Category, Measure, Plan, Relation, SourceInfo};
    use crate::Span;

    fn quantity(text: &str, value: &str, cmp: Relation) -> Quantity {
        Quantity {
            text: text.into(),
            amount: Amount::Single {
                cmp,
                value: value.parse().unwrap(),
            },
            unit: "人".into(),
            canonical_unit: "人".into(),
            line: 5,
            column: 7,
            span: Span::default(),
        }
    }

    fn notice() -> Notice {
        Notice {
            schema_version: 1,
            source: SourceInfo {
                name: None,
                sha256: String::new(),
                bytes: 0,
                encoding: Default::default(),
                lines: 0,
                format: Default::default(),
            },
            document: Default::default(),
            plan: Plan {
                region: Some("瑶海区".into()),
                year: Some(2024),
                declared_total: None,
                categories: vec![Category {
                    number: 1,
                    name: "促进就业".into(),
                    declared_count: Some(1),
                    line: 3,
                    subcategories: vec![],
                }],
                projects: vec![Project {
                    number: 1,
                    category: Some(1),
                    subcategory: None,
                    name: None,
                    text: "新增城镇就业 1.15 万人左右, \"含\"引号".into(),
                    lead_units: vec!["区人社局".into(), "区财政局".into()],
                    support_units: vec!["各街道".into()],
                    leaders: vec![],
                    targets: vec![
                        quantity("1.15万人左右", "11500", Relation::Approx),
                        quantity("不少于3000人", "3000", Relation::Ge),
                    ],
                    measures: vec![Measure {
                        number: 2,
                        text: "开展招聘".into(),
                        quantities: vec![quantity("50场", "50", Relation::Eq)],
                        line: 9,
                    }],
                    fields: vec![],
                    line: 5,
                    only_in_measures: false,
                    span: Span::default(),
                }],
                untasked: vec![],
            },
            attachments: vec![],
            diagnostics: vec![],
        }
    }

    fn keyed(mut notice: Notice) -> Notice {
        notice.source.sha256 = "ab12".into();
        notice.document.doc_number = Some(crate::model::DocNumber {
            text: "瑶民生办〔2024〕1号".into(),
            agency: "瑶民生办".into(),
            year: 2024,
            serial: 1,
        });
        notice.document.date = Some("2024-04-24".into());
        notice.diagnostics.push(DiagnosticRecord {
            severity: crate::Severity::Warning,
            code: crate::Code::MissingLeadUnit,
            message: "项目（1）缺少牵头单位".into(),
            line: 5,
            column: 1,
            project: Some(1),
            labels: vec![],
            help: Some("add it".into()),
            span: Span::default(),
        });
        notice
    }

    fn write(table: Table, notice: &Notice) -> Vec<csv::StringRecord> {
        let mut tables = Tables::new([(table, Vec::new())]).unwrap();
        tables.add("a/瑶海.txt", notice).unwrap();
        let (written, bytes) = tables.finish().unwrap().pop().unwrap();
        assert_eq!(written, table);
        read(&bytes)
    }

    fn read(bytes: &[u8]) -> Vec<csv::StringRecord> {
        assert!(bytes.starts_with(BOM), "tables start with a BOM");
        let mut reader = csv::Reader::from_reader(&bytes[BOM.len()..]);
        reader.records().map(Result::unwrap).collect()
    }

    #[test]
    fn a_project_row_joins_units_and_targets() {
        let rows = write(Table::Projects, &keyed(notice()));
        assert_eq!(rows.len(), 1);
        let row: Vec<&str> = rows[0].iter().collect();
        assert_eq!(
            row,
            [
                "a/瑶海.txt",
                "ab12",
                "瑶民生办〔2024〕1号",
                "2024-04-24",
                "瑶海区",
                "2024",
                "1",
                "1",
                "促进就业",
                "新增城镇就业 1.15 万人左右, \"含\"引号",
                "区人社局、区财政局",
                "各街道",
                "1.15万人左右；不少于3000人",
                "",
                "5",
            ]
        );
    }

    #[test]
    fn every_row_of_every_table_starts_with_the_notice_key() {
        let keyed_notice = keyed(notice());
        for table in Table::ALL {
            assert_eq!(table.columns()[..4], KEY_COLUMNS, "{table}");
            let rows = write(table, &keyed_notice);
            assert!(!rows.is_empty(), "{table}");
            for row in rows {
                assert_eq!(row.len(), table.columns().len(), "{table}");
                let key: Vec<&str> = row.iter().take(4).collect();
                assert_eq!(
                    key,
                    ["a/瑶海.txt", "ab12", "瑶民生办〔2024〕1号", "2024-04-24"],
                    "{table}"
                );
            }
        }
        // A notice without a 发文字号 or a date leaves those cells empty.
        let rows = write(Table::Projects, &notice());
        assert_eq!((&rows[0][2], &rows[0][3]), ("", ""));
    }

    #[test]
    fn quantity_rows_cover_targets_then_measures() {
        let rows = write(Table::Quantities, &notice());
        let cells: Vec<(&str, &str, &str, &str, &str)> = rows
            .iter()
            .map(|r| (&r[4], &r[5], &r[6], &r[7], &r[9]))
            .collect();
        assert_eq!(
            cells,
            [
                ("1", "", "1.15万人左右", "11500", "approx"),
                ("1", "", "不少于3000人", "3000", "ge"),
                ("1", "2", "50场", "50", "eq"),
            ]
        );
        assert_eq!((&rows[0][13], &rows[0][14]), ("5", "7"));
    }

    #[test]
    fn measure_and_diagnostic_rows_name_their_project() {
        let notice = keyed(notice());
        let rows = write(Table::Measures, &notice);
        let row: Vec<&str> = rows[0].iter().skip(4).collect();
        assert_eq!(row, ["1", "2", "开展招聘", "50场", "9"]);
        let rows = write(Table::Diagnostics, &notice);
        let row: Vec<&str> = rows[0].iter().skip(4).collect();
        assert_eq!(
            row,
            [
                "warning",
                "missing-lead-unit",
                "项目（1）缺少牵头单位",
                "5",
                "1",
                "1",
                "add it"
            ]
        );
    }

    #[test]
    fn tables_are_named_and_parsed_by_name() {
        for table in Table::ALL {
            assert_eq!(table.name().parse::<Table>(), Ok(table));
            assert_eq!(table.file_name().parse::<Table>(), Ok(table));
        }
        assert!("project"
            .parse::<Table>()
            .unwrap_err()
            .contains("expected projects"));
    }

    #[test]
    fn to_a_pipe_there_is_no_byte_order_mark() {
        let mut w = TableWriter::new(Table::Projects, Vec::new(), false).unwrap();
        w.add("x", &notice()).unwrap();
        let bytes = w.finish().unwrap();
        assert!(bytes.starts_with(b"source_file,sha256,"));
    }

    #[test]
    fn empty_batches_still_have_headers() {
        let written = Tables::new(Table::ALL.map(|t| (t, Vec::new())))
            .unwrap()
            .finish()
            .unwrap();
        for (table, bytes) in written {
            let header = csv::Reader::from_reader(&bytes[BOM.len()..])
                .headers()
                .unwrap()
                .clone();
            assert_eq!(header.iter().collect::<Vec<_>>(), table.columns());
        }
    }
}
