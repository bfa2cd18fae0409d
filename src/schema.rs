//! The JSON Schema of the output (draft 2020-12), derived from [`crate::model`].
//!
//! The schema is generated from the same types that serialize the output,
//! so it cannot drift from it; `schema/notice.schema.json` is a committed
//! copy that a test regenerates and compares. Descriptions come from the
//! model's doc comments.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::decimal::Decimal;
use crate::diff::PlanDiff;
use crate::model::Notice;

/// A [`Decimal`] is written as a plain JSON number, never a string.
impl JsonSchema for Decimal {
    fn schema_name() -> Cow<'static, str> {
        "Decimal".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "number",
            "description": "An exact decimal written as the shortest JSON number (11500, 99.985, 0.5)."
        })
    }
}

/// The schema of one output document, as a JSON value.
///
/// ```
/// let schema = minsheng::schema::notice_schema();
/// assert_eq!(schema["title"], "Notice");
/// ```
pub fn notice_schema() -> serde_json::Value {
    schemars::schema_for!(Notice).to_value()
}

/// The schema as indented JSON with sorted keys and a final newline: the
/// bytes of `schema/notice.schema.json`.
pub fn notice_schema_json() -> String {
    pretty(&notice_schema())
}

/// The schema of the output of `minsheng diff` ([`PlanDiff`]), as a JSON
/// value.
///
/// ```
/// let schema = minsheng::schema::diff_schema();
/// assert_eq!(schema["title"], "PlanDiff");
/// ```
pub fn diff_schema() -> serde_json::Value {
    schemars::schema_for!(PlanDiff).to_value()
}

/// The diff schema as the bytes of `schema/diff.schema.json`.
pub fn diff_schema_json() -> String {
    pretty(&diff_schema())
}

fn pretty(schema: &serde_json::Value) -> String {
    // `serde_json::Map` is a BTreeMap here (no `preserve_order`), so keys
    // come out sorted and the text is stable.
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}
