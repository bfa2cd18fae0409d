//! Flat CSV tables of a batch of notices, for spreadsheets and data teams.
//!
//! Two tables: one row per project (`projects.csv`) and one row per quantity
//! (`quantities.csv`, targets and measure quantities). Both are UTF-8 with a
//! byte-order mark, because Excel reads BOM-less CSV as the local code page
//! and garbles Chinese; quoting follows RFC 4180 (the `csv` crate).

use std::io::{self, Write};

use crate::model::{Notice, Project, Quantity};

/// Column names of `projects.csv`.
pub const PROJECT_COLUMNS: [&str; 10] = [
    "source_file",
    "region",
    "year",
    "number",
    "category",
    "category_name",
    "text",
    "lead_units",
    "support_units",
    "targets",
];

/// Column names of `quantities.csv`.
pub const QUANTITY_COLUMNS: [&str; 13] = [
    "source_file",
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

/// Joins unit lists inside one cell, as the notices themselves do.
const UNIT_SEPARATOR: &str = "、";
/// Joins target phrases inside one cell.
const TARGET_SEPARATOR: &str = "；";
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The two tables being written.
pub struct Tables<W: Write> {
    projects: csv::Writer<W>,
    quantities: csv::Writer<W>,
}

impl<W: Write> Tables<W> {
    /// Start both tables: byte-order mark and header row.
    pub fn new(mut projects: W, mut quantities: W) -> io::Result<Tables<W>> {
        projects.write_all(BOM)?;
        quantities.write_all(BOM)?;
        let mut tables = Tables {
            projects: csv::Writer::from_writer(projects),
            quantities: csv::Writer::from_writer(quantities),
        };
        tables.projects.write_record(PROJECT_COLUMNS)?;
        tables.quantities.write_record(QUANTITY_COLUMNS)?;
        Ok(tables)
    }

    /// Append the rows of one notice; `source_file` names it in every row.
    pub fn add(&mut self, source_file: &str, notice: &Notice) -> io::Result<()> {
        for project in &notice.plan.projects {
            self.projects
                .write_record(project_row(source_file, notice, project))?;
            for quantity in &project.targets {
                self.quantities
                    .write_record(quantity_row(source_file, project, None, quantity))?;
            }
            for measure in &project.measures {
                for quantity in &measure.quantities {
                    self.quantities.write_record(quantity_row(
                        source_file,
                        project,
                        Some(measure.number),
                        quantity,
                    ))?;
                }
            }
        }
        Ok(())
    }

    /// Flush both tables and hand the writers back.
    pub fn finish(self) -> io::Result<(W, W)> {
        let projects = self.projects.into_inner().map_err(|e| e.into_error())?;
        let quantities = self.quantities.into_inner().map_err(|e| e.into_error())?;
        Ok((projects, quantities))
    }
}

fn project_row(source_file: &str, notice: &Notice, project: &Project) -> Vec<String> {
    let plan = &notice.plan;
    let category_name = project
        .category
        .and_then(|n| plan.categories.iter().find(|c| c.number == n))
        .map(|c| c.name.clone());
    let targets: Vec<&str> = project.targets.iter().map(|q| q.text.as_str()).collect();
    vec![
        source_file.to_string(),
        plan.region.clone().unwrap_or_default(),
        optional(plan.year),
        project.number.to_string(),
        optional(project.category),
        category_name.unwrap_or_default(),
        project.text.clone(),
        project.lead_units.join(UNIT_SEPARATOR),
        project.support_units.join(UNIT_SEPARATOR),
        targets.join(TARGET_SEPARATOR),
    ]
}

fn quantity_row(
    source_file: &str,
    project: &Project,
    measure: Option<u32>,
    quantity: &Quantity,
) -> Vec<String> {
    vec![
        source_file.to_string(),
        project.number.to_string(),
        optional(measure),
        quantity.text.clone(),
        quantity.value.to_string(),
        quantity.unit.clone(),
        crate::quantity::comparator_name(quantity.cmp).to_string(),
        optional(quantity.min),
        optional(quantity.max),
        optional(quantity.from),
        quantity.line.to_string(),
        quantity.column.to_string(),
        quantity.canonical_unit.clone(),
    ]
}

/// Empty cell for a missing value.
fn optional<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, Comparator, Measure, Plan, SourceInfo};
    use crate::Span;

    fn quantity(text: &str, value: &str, cmp: Comparator) -> Quantity {
        Quantity {
            text: text.into(),
            value: value.parse().unwrap(),
            unit: "人".into(),
            canonical_unit: "人".into(),
            cmp,
            min: None,
            max: None,
            from: None,
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
                encoding: "UTF-8".into(),
                lines: 0,
                format: "text".into(),
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
                        quantity("1.15万人左右", "11500", Comparator::Approx),
                        quantity("不少于3000人", "3000", Comparator::Ge),
                    ],
                    measures: vec![Measure {
                        number: 2,
                        text: "开展招聘".into(),
                        quantities: vec![quantity("50场", "50", Comparator::Eq)],
                        line: 9,
                    }],
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

    fn write(notice: &Notice) -> (Vec<u8>, Vec<u8>) {
        let mut tables = Tables::new(Vec::new(), Vec::new()).unwrap();
        tables.add("a/瑶海.txt", notice).unwrap();
        tables.finish().unwrap()
    }

    fn read(bytes: &[u8]) -> Vec<csv::StringRecord> {
        assert!(bytes.starts_with(BOM), "tables start with a BOM");
        let mut reader = csv::Reader::from_reader(&bytes[BOM.len()..]);
        reader.records().map(Result::unwrap).collect()
    }

    #[test]
    fn a_project_row_joins_units_and_targets() {
        let (projects, _) = write(&notice());
        let rows = read(&projects);
        assert_eq!(rows.len(), 1);
        let row: Vec<&str> = rows[0].iter().collect();
        assert_eq!(
            row,
            [
                "a/瑶海.txt",
                "瑶海区",
                "2024",
                "1",
                "1",
                "促进就业",
                "新增城镇就业 1.15 万人左右, \"含\"引号",
                "区人社局、区财政局",
                "各街道",
                "1.15万人左右；不少于3000人",
            ]
        );
    }

    #[test]
    fn quantity_rows_cover_targets_then_measures() {
        let (_, quantities) = write(&notice());
        let rows = read(&quantities);
        let cells: Vec<(&str, &str, &str, &str)> =
            rows.iter().map(|r| (&r[2], &r[3], &r[4], &r[6])).collect();
        assert_eq!(
            cells,
            [
                ("", "1.15万人左右", "11500", "approx"),
                ("", "不少于3000人", "3000", "ge"),
                ("2", "50场", "50", "eq"),
            ]
        );
        assert_eq!((&rows[0][10], &rows[0][11]), ("5", "7"));
    }

    #[test]
    fn empty_batches_still_have_headers() {
        let (projects, quantities) = Tables::new(Vec::new(), Vec::new())
            .unwrap()
            .finish()
            .unwrap();
        let header = csv::Reader::from_reader(&projects[BOM.len()..])
            .headers()
            .unwrap()
            .clone();
        assert_eq!(header.iter().collect::<Vec<_>>(), PROJECT_COLUMNS);
        assert!(quantities.ends_with(b"line,column,canonical_unit\n"));
    }
}
