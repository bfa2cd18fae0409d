//! Bytes to text: byte-order marks, UTF-8, and a clear report of what could
//! not be decoded.
//!
//! Undecodable bytes become U+FFFD and an `invalid-encoding` diagnostic with
//! their byte offset; the rest is still parsed.

use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;

/// Which encoding to read the bytes as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EncodingChoice {
    /// Detect: BOM, then UTF-8.
    #[default]
    Auto,
    /// UTF-8 (a BOM is skipped).
    Utf8,
}

impl std::str::FromStr for EncodingChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<EncodingChoice, String> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(EncodingChoice::Auto),
            "utf-8" | "utf8" => Ok(EncodingChoice::Utf8),
            other => Err(format!(
                "unknown encoding “{other}”: expected auto or utf-8"
            )),
        }
    }
}

/// Decoded text.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, BOM removed, undecodable bytes replaced by U+FFFD.
    pub text: String,
    /// The encoding's name as the JSON reports it.
    pub encoding: &'static str,
    /// Problems found while decoding (spans into `text`).
    pub diagnostics: Vec<Diagnostic>,
}

/// Decode `bytes`.
///
/// ```
/// use minsheng::decode::{decode, EncodingChoice};
/// let d = decode("\u{feff}附件 1".as_bytes(), EncodingChoice::Auto);
/// assert_eq!(d.text, "附件 1");
/// assert_eq!(d.encoding, "UTF-8");
/// ```
pub fn decode(bytes: &[u8], _choice: EncodingChoice) -> Decoded {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let bom = bytes.len() - body.len();
    let mut text = String::with_capacity(body.len());
    let mut diagnostics = Vec::new();
    for chunk in body.utf8_chunks() {
        text.push_str(chunk.valid());
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            let at = text.len();
            let byte_offset = bom
                + (chunk.valid().as_ptr() as usize - body.as_ptr() as usize)
                + chunk.valid().len();
            text.push('\u{FFFD}');
            diagnostics.push(Diagnostic::new(
                Code::InvalidEncoding,
                Span::new(at, at + 3),
                format!(
                    "expected UTF-8, found the invalid byte sequence {} at byte offset {byte_offset}; it was replaced by U+FFFD",
                    invalid.iter().map(|b| format!("{b:02X}")).collect::<Vec<_>>().join(" ")
                ),
            ));
        }
    }
    Decoded {
        text,
        encoding: "UTF-8",
        diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_bytes_are_replaced_and_reported_with_their_offset() {
        let d = decode(b"ab\xFFcd", EncodingChoice::Auto);
        assert_eq!(d.text, "ab\u{FFFD}cd");
        assert_eq!(d.diagnostics.len(), 1);
        assert!(d.diagnostics[0].message.contains("byte offset 2"));
    }
}
