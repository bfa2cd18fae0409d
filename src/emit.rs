//! Output writers: canonical JSON (RFC 8785) and pretty JSON.
//!
//! The model is first turned into a `serde_json::Value`; the canonical writer
//! then prints it by the JCS rules: object keys sorted by UTF-16 code units,
//! no whitespace, strings escaping only `"`, `\` and control characters, and
//! numbers in their shortest form (our exact decimals already print that way,
//! see [`crate::Decimal`]). Pretty output has the same content and key order,
//! indented by two spaces.

use serde::Serialize;
use serde_json::Value;

use crate::model::Notice;

/// Canonical JSON (RFC 8785) of a notice, without a trailing newline.
///
/// ```
/// let notice = minsheng::parse("附件 1\n（1）新增托位 1196 个。（牵头单位：区教体局）");
/// let json = minsheng::emit::canonical(&notice);
/// assert!(json.starts_with(r#"{"attachments":"#));
/// assert!(json.contains(r#""value":1196"#));
/// ```
pub fn canonical(notice: &Notice) -> String {
    to_canonical(notice)
}

/// Pretty JSON of a notice: the canonical content, sorted keys, indented.
pub fn pretty(notice: &Notice) -> String {
    let value = to_value(notice);
    let mut out = String::new();
    write_value(&mut out, &value, Some(0));
    out
}

/// Canonical JSON of any serializable value.
pub fn to_canonical<T: Serialize>(value: &T) -> String {
    let value = to_value(value);
    let mut out = String::new();
    write_value(&mut out, &value, None);
    out
}

fn to_value<T: Serialize>(value: &T) -> Value {
    // Our model has only string keys, exact numbers and no maps with
    // non-string keys, so this cannot fail.
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn write_value(out: &mut String, value: &Value, indent: Option<usize>) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent.map(|d| d + 1));
                write_value(out, item, indent.map(|d| d + 1));
            }
            if !items.is_empty() {
                newline(out, indent);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
            out.push('{');
            for (i, (key, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent.map(|d| d + 1));
                write_string(out, key);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write_value(out, item, indent.map(|d| d + 1));
            }
            if !entries.is_empty() {
                newline(out, indent);
            }
            out.push('}');
        }
    }
}

fn newline(out: &mut String, indent: Option<usize>) {
    if let Some(depth) = indent {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
}

/// A JSON string by the JCS rules.
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_sort_by_utf16_and_strings_escape_by_jcs() {
        let v = json!({"b": 1, "a": "x\"\u{1}\n€", "\u{e000}": 2, "\u{10000}": 3});
        let mut out = String::new();
        write_value(&mut out, &v, None);
        // U+10000 is a surrogate pair (D800 DC00) and sorts before U+E000.
        assert_eq!(
            out,
            "{\"a\":\"x\\\"\\u0001\\n€\",\"b\":1,\"\u{10000}\":3,\"\u{e000}\":2}"
        );
    }

    #[test]
    fn pretty_has_the_same_content() {
        let v = json!({"b": [1, {"d": null, "c": true}], "a": []});
        let mut canon = String::new();
        write_value(&mut canon, &v, None);
        let mut pretty = String::new();
        write_value(&mut pretty, &v, Some(0));
        let reparsed: Value = serde_json::from_str(&pretty).unwrap();
        let mut again = String::new();
        write_value(&mut again, &reparsed, None);
        assert_eq!(canon, again);
        assert!(pretty.contains("\n  \"a\": []"));
    }
}
