//! The committed JSON Schema: up to date, accepted by a validator, and
//! satisfied by real output. The docs cover every code and every field.

use std::collections::BTreeSet;
use std::fs;

use minsheng::model::{
    Amount, Attachment, Category, CopyRange, Measure, Notice, Project, Quantity, Relation,
    Subcategory,
};
use minsheng::{Code, Span};
use serde_json::Value;

const SCHEMA_FILE: &str = "schema/notice.schema.json";
const DIFF_SCHEMA_FILE: &str = "schema/diff.schema.json";

fn committed() -> Value {
    serde_json::from_str(&fs::read_to_string(SCHEMA_FILE).unwrap()).unwrap()
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&committed()).expect("the schema is a valid JSON Schema")
}

fn assert_valid(json: &str) {
    let instance: Value = serde_json::from_str(json).unwrap();
    let validator = validator();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "output breaks the schema: {errors:#?}");
}

#[test]
fn committed_schema_is_up_to_date() {
    let generated = minsheng::schema::notice_schema_json();
    let on_disk = fs::read_to_string(SCHEMA_FILE).unwrap_or_default();
    if generated != on_disk && std::env::var_os("MINSHENG_BLESS").is_some() {
        fs::write(SCHEMA_FILE, &generated).unwrap();
        return;
    }
    assert_eq!(
        generated, on_disk,
        "{SCHEMA_FILE} is stale: run `MINSHENG_BLESS=1 cargo test --test suite schema::`"
    );
}

#[test]
fn committed_diff_schema_is_up_to_date() {
    let generated = minsheng::schema::diff_schema_json();
    let on_disk = fs::read_to_string(DIFF_SCHEMA_FILE).unwrap_or_default();
    if generated != on_disk && std::env::var_os("MINSHENG_BLESS").is_some() {
        fs::write(DIFF_SCHEMA_FILE, &generated).unwrap();
        return;
    }
    assert_eq!(
        generated, on_disk,
        "{DIFF_SCHEMA_FILE} is stale: run `MINSHENG_BLESS=1 cargo test --test suite schema::`"
    );
}

fn diff_validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(&fs::read_to_string(DIFF_SCHEMA_FILE).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the diff schema is a valid JSON Schema")
}

fn diff_errors(json: &str) -> Vec<String> {
    let instance: Value = serde_json::from_str(json).unwrap();
    diff_validator()
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

use crate::support::{corpus_notice, dec};

#[test]
fn diff_output_satisfies_the_diff_schema() {
    let old = corpus_notice("district-2024-table.txt");
    let new = corpus_notice("district-2025-inline.txt");
    // Both ways, so that added and dropped projects, near misses and
    // target changes of every kind are in the documents checked.
    for (a, b) in [(&old, &new), (&new, &old)] {
        let d = minsheng::diff(a, b);
        let errors = diff_errors(&minsheng::emit::to_canonical(&d));
        assert!(errors.is_empty(), "the diff breaks its schema: {errors:#?}");
    }
    let split = minsheng::diff(
        &minsheng::parse(
            "附件 1\n（1）新建公办幼儿园3所，新增学位900个；改造提升农村学校运动场10个。\n",
        ),
        &minsheng::parse(
            "附件 1\n（1）新建公办幼儿园4所，新增学位1200个。\n（2）改造提升农村学校运动场12个。\n",
        ),
    );
    assert!(split.projects.added[0].split_from.is_some());
    let errors = diff_errors(&minsheng::emit::to_canonical(&split));
    assert!(errors.is_empty(), "{errors:#?}");
    let mut doc: Value = serde_json::from_str(&minsheng::emit::to_canonical(&split)).unwrap();
    doc["projects"]["continued"][0]["score"] = Value::String("1".into());
    assert!(!diff_validator().is_valid(&doc), "a score is a number");
}

#[test]
fn json_doc_covers_every_diff_field() {
    let doc = fs::read_to_string("docs/json.md").unwrap();
    let schema: Value =
        serde_json::from_str(&fs::read_to_string(DIFF_SCHEMA_FILE).unwrap()).unwrap();
    let mut names = BTreeSet::new();
    property_names(&schema, &mut names);
    assert!(names.contains("split_from"));
    for name in names {
        assert!(
            doc.contains(&format!("`{name}`")),
            "docs/json.md lacks `{name}` of the diff"
        );
    }
}

#[test]
fn decimals_are_numbers_in_the_schema() {
    let schema = committed();
    let value = &schema["$defs"]["Quantity"]["properties"]["value"];
    assert_eq!(value["type"], "number", "{value}");
}

fn quantity(text: &str, amount: Amount) -> Quantity {
    // The model's structs may grow (#[non_exhaustive]): built from their
    // defaults, field by field, as an embedder would.
    let mut q = Quantity::default();
    q.text = text.into();
    q.amount = amount;
    q.unit = "人".into();
    q.canonical_unit = "人".into();
    q.line = 5;
    q.column = 4;
    q.span = Span::default();
    q
}

fn single(cmp: Relation, value: &str) -> Amount {
    Amount::Single {
        cmp,
        value: dec(value),
    }
}

/// A notice using every part of the model, built directly while the parser
/// is being written.
fn full_notice() -> Notice {
    let mut notice = minsheng::parse("附件 1\n");
    let range = quantity(
        "3—6岁",
        Amount::Range {
            min: dec("3"),
            max: dec("6"),
        },
    );
    let change = quantity(
        "从2.5%提高到3%",
        Amount::Change {
            from: dec("2.5"),
            cmp: Relation::Ge,
            to: dec("3"),
        },
    );
    notice.plan.region = Some("瑶海区".into());
    notice.plan.year = Some(2024);
    notice.plan.declared_total = Some(50);
    let mut category = Category::default();
    category.number = 1;
    category.name = "促进就业".into();
    category.line = 3;
    let mut subcategory = Subcategory::default();
    subcategory.number = 1;
    subcategory.name = "稳岗扩岗".into();
    subcategory.declared_count = Some(1);
    subcategory.line = 4;
    category.subcategories = vec![subcategory];
    notice.plan.categories.push(category);
    let mut measure = Measure::default();
    measure.number = 1;
    measure.text = "开展招聘。".into();
    measure.quantities = vec![quantity("50场", single(Relation::Gt, "50"))];
    measure.line = 9;
    let mut project = Project::default();
    project.number = 1;
    project.category = Some(1);
    project.subcategory = Some(1);
    project.name = Some("就业".into());
    project.text = "新增城镇就业1.15万人左右。".into();
    project.lead_units = vec!["区人社局".into()];
    project.leaders = vec!["分管副区长".into()];
    project.targets = vec![
        quantity("1.15万人左右", single(Relation::Approx, "11500")),
        range,
        change,
        quantity("99.985%", single(Relation::Eq, "99.985")),
    ];
    project.measures = vec![measure];
    project.line = 5;
    project.only_in_measures = true;
    notice.plan.projects.push(project);
    let mut copy = CopyRange::default();
    copy.start_line = 1;
    copy.end_line = 9;
    let mut attachment = Attachment::default();
    attachment.number = 1;
    attachment.title = "瑶海区2024年50项民生实事".into();
    attachment.copies = vec![copy];
    notice.attachments.push(attachment);
    notice
}

#[test]
fn parser_output_satisfies_the_schema() {
    let corpus = fs::read("corpus/yaohai-2024.txt").unwrap();
    let parsed = minsheng::parse_bytes(&corpus, &minsheng::Options::default());
    assert_valid(&minsheng::emit::canonical(&parsed.notice));
    assert_valid(&minsheng::emit::pretty(&parsed.notice));
}

#[test]
fn every_model_field_satisfies_the_schema() {
    assert_valid(&minsheng::emit::canonical(&full_notice()));
}

#[test]
fn the_schema_rejects_a_retyped_field() {
    let mut doc: Value = serde_json::from_str(&minsheng::emit::canonical(&full_notice())).unwrap();
    doc["plan"]["projects"][0]["targets"][0]["value"] = Value::String("11500".into());
    assert!(!validator().is_valid(&doc), "a decimal must be a number");
    let mut doc: Value = serde_json::from_str(&minsheng::emit::canonical(&full_notice())).unwrap();
    doc["diagnostics"] = serde_json::json!([{"severity": "fatal", "code": "x", "message": "m", "line": 1, "column": 1}]);
    assert!(!validator().is_valid(&doc), "severities are a closed set");
}

#[test]
fn diagnostics_doc_covers_every_code() {
    let doc = fs::read_to_string("docs/diagnostics.md").unwrap();
    for code in Code::ALL {
        let heading = format!("## `{}`", code.as_str());
        assert!(
            doc.contains(&heading),
            "docs/diagnostics.md lacks {heading}"
        );
    }
}

/// Every property name anywhere in the schema.
fn property_names(value: &Value, names: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                names.extend(props.keys().cloned());
            }
            for item in map.values() {
                property_names(item, names);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| property_names(v, names)),
        _ => {}
    }
}

#[test]
fn json_doc_covers_every_field() {
    let doc = fs::read_to_string("docs/json.md").unwrap();
    let mut names = BTreeSet::new();
    property_names(&committed(), &mut names);
    assert!(names.contains("lead_units"));
    for name in names {
        assert!(
            doc.contains(&format!("`{name}`")),
            "docs/json.md lacks `{name}`"
        );
    }
}
