//! What an embedder sees with minsheng as a dependency.

use minsheng_embedder_test::{projects_in, Cell};

const NOTICE: &str =
    "附件 1\n\n一、促进就业（1 项）\n\n（1）新增城镇就业 1.15 万人左右，完成率 99.985%。（牵头单位：区人社局）\n";

#[test]
fn an_untagged_number_or_text_enum_reads_numbers_as_numbers() {
    assert_eq!(projects_in(NOTICE), 1);
    assert_eq!(
        serde_json::from_str::<Cell>("1.5").unwrap(),
        Cell::Number(1.5)
    );
    assert_eq!(
        serde_json::from_str::<Cell>("\"1.5\"").unwrap(),
        Cell::Text("1.5".into())
    );
    let row: Vec<Cell> = serde_json::from_str(r#"[2, "x", 0.25]"#).unwrap();
    assert_eq!(
        row,
        [
            Cell::Number(2.0),
            Cell::Text("x".into()),
            Cell::Number(0.25)
        ]
    );
    // serde_json's own numbers are plain again: an f64, not a string of digits.
    let v: serde_json::Value = serde_json::from_str("1.5").unwrap();
    assert_eq!(v.as_f64(), Some(1.5));
}

#[test]
fn a_quantity_serializes_through_toml_and_serde_json_as_numbers() {
    let notice = minsheng::parse(NOTICE);
    let targets = &notice.plan.projects[0].targets;
    assert_eq!(targets.len(), 2, "{targets:?}");
    let toml = toml::to_string(&targets[0]).unwrap();
    assert!(toml.contains("value = 11500\n"), "{toml}");
    assert!(!toml.contains("serde_json"), "{toml}");
    let toml = toml::to_string(&targets[1]).unwrap();
    assert!(toml.contains("value = 99.985\n"), "{toml}");
    let json = serde_json::to_value(&notice).unwrap();
    assert_eq!(
        json["plan"]["projects"][0]["targets"][0]["value"],
        serde_json::json!(11500)
    );
    assert_eq!(
        json["plan"]["projects"][0]["targets"][1]["value"],
        serde_json::json!(99.985)
    );
}

#[test]
fn our_json_reads_back_exactly() {
    let notice = minsheng::parse(NOTICE);
    let text = minsheng::emit::canonical(&notice);
    assert!(text.contains(r#""value":11500"#), "{text}");
    let back: minsheng::Notice = serde_json::from_str(&text).unwrap();
    assert_eq!(minsheng::emit::canonical(&back), text);
    assert_eq!(
        back.plan.projects[0].targets[1].value().to_string(),
        "99.985"
    );
}
