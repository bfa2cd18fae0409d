//! Checks before parsing: is this input a text worth reading at all?
//!
//! [`read`] refuses, with one diagnostic and nothing else parsed:
//! - input larger than the limit (`input-too-large`), before decoding it;
//! - files that are not text (`binary-input`): a known file signature (PNG,
//!   JPEG, PDF, ZIP/Office, …), a NUL byte near the start, a high share of
//!   control characters, or, when the encoding was detected, bytes that none
//!   of the encodings tried could decode;
//! - empty or whitespace-only input (`empty-input`).
//!
//! Anything else is decoded ([`crate::decode`]) and handed to the parser.

use crate::decode::{decode, Decoded, EncodingChoice};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Encoding;
use crate::source::{SourceText, Span};

/// The encoding reported for inputs refused before they were decoded.
pub const UNKNOWN_ENCODING: Encoding = Encoding::Unknown;

/// Why an input was not parsed, and the (possibly empty) source to report.
#[derive(Debug, Clone)]
pub struct Refusal {
    /// The one diagnostic that says why (at line 1, column 1).
    pub diagnostic: Diagnostic,
    /// What to report as the source: the decoded text of a blank input,
    /// else an empty text with encoding [`UNKNOWN_ENCODING`].
    pub source: SourceText,
}

/// Check `bytes` and decode them, or say why they are not a notice.
///
/// ```
/// use minsheng::{internals::input::read, Code, EncodingChoice};
/// let refusal = read(b"\x89PNG\r\n\x1a\n....", EncodingChoice::Auto, 1 << 20).unwrap_err();
/// assert_eq!(refusal.diagnostic.code, Code::BinaryInput);
/// assert!(read("附件 1".as_bytes(), EncodingChoice::Auto, 1 << 20).is_ok());
/// ```
// A refusal is built at most once per input, never in a loop: its size
// (a diagnostic with labels and help) costs nothing worth a box.
#[allow(clippy::result_large_err)]
pub fn read(bytes: &[u8], choice: EncodingChoice, max_bytes: usize) -> Result<Decoded, Refusal> {
    // Spans are 32-bit offsets: beyond 4 GiB they could not be exact.
    let max_bytes = max_bytes.min(u32::MAX as usize);
    if bytes.len() > max_bytes {
        let mut refusal = refuse(Code::InputTooLarge, too_large(bytes.len(), max_bytes));
        refusal.diagnostic = refusal.diagnostic.with_help(
            "raise the limit if the input is a notice (--max-bytes N on the command line, Options::max_bytes in the library)",
        );
        return Err(refusal);
    }
    if let Some(kind) = signature(bytes) {
        return Err(refuse(
            Code::BinaryInput,
            format!("expected a text notice, found {kind}"),
        ));
    }
    let decoded = decode(bytes, choice);
    if let Some(why) = not_text(bytes, &decoded, choice) {
        return Err(refuse(
            Code::BinaryInput,
            format!("expected a text notice, found binary data: {why}"),
        ));
    }
    if crate::source::is_blank(&decoded.text) {
        let found = if bytes.is_empty() {
            "an empty input (0 bytes)".to_owned()
        } else {
            format!("only whitespace ({} bytes)", bytes.len())
        };
        let diagnostic = Diagnostic::new(
            Code::EmptyInput,
            Span::point(0),
            format!("expected a notice, found {found}"),
        );
        let source = SourceText::new(decoded.text, decoded.encoding);
        return Err(Refusal { diagnostic, source });
    }
    Ok(decoded)
}

fn refuse(code: Code, message: String) -> Refusal {
    Refusal {
        diagnostic: Diagnostic::new(code, Span::point(0), message),
        source: SourceText::new(String::new(), UNKNOWN_ENCODING),
    }
}

fn too_large(size: usize, limit: usize) -> String {
    // A reader that stops one byte past the limit (the CLI does, so that a
    // FIFO or /dev/zero is not read to its end) knows only that much.
    let found = if size == limit.saturating_add(1) {
        format!("more than {limit} bytes")
    } else {
        format!("{size} bytes")
    };
    format!(
        "expected at most {limit} bytes (the configured limit, Options::max_bytes), found {found}; the input was not parsed"
    )
}

/// What a file's first bytes say it is, for formats people mistake for text.
fn signature(bytes: &[u8]) -> Option<&'static str> {
    let kinds: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"II*\0", "a TIFF image"),
        (b"MM\0*", "a TIFF image"),
        (
            b"%PDF-",
            "a PDF file: extract its text first, e.g. with pdftotext",
        ),
        (
            b"PK\x03\x04",
            "a ZIP archive (also a .docx, .xlsx or .odt file): extract its text first",
        ),
        (b"PK\x05\x06", "an empty ZIP archive"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "a legacy Microsoft Office file (.doc, .xls, .wps): extract its text first",
        ),
        (b"{\\rtf", "an RTF document: extract its text first"),
        (b"\x1F\x8B", "a gzip-compressed file: decompress it first"),
        (b"Rar!\x1A\x07", "a RAR archive"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"\x7FELF", "an ELF executable"),
    ];
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    kinds
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// Why the decoded input is not text, if it is not.
fn not_text(bytes: &[u8], decoded: &Decoded, choice: EncodingChoice) -> Option<String> {
    // Like git and diff: a NUL in the first 8000 bytes means binary.
    const HEAD: usize = 8000;
    if let Some(at) = decoded.text.as_bytes()[..decoded.text.len().min(HEAD)]
        .iter()
        .position(|&b| b == 0)
    {
        let hint = utf16_hint(bytes)
            .map(|e| format!("; it looks like {e} text without a byte-order mark: name the encoding (--encoding {})", e.to_ascii_lowercase()))
            .unwrap_or_default();
        return Some(format!(
            "a NUL character at character offset {} of the decoded text{hint}",
            decoded.text[..at].chars().count()
        ));
    }
    let (mut total, mut control, mut replaced) = (0usize, 0usize, 0usize);
    for c in decoded.text.chars().take(HEAD) {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C') {
            control += 1;
        }
        if c == '\u{FFFD}' {
            replaced += 1;
        }
    }
    if control >= 8 && control * 10 > total {
        return Some(format!(
            "{control} of the first {total} characters are control characters"
        ));
    }
    // With a forced encoding the user has said what it is: report the bad
    // bytes one run at a time instead.
    if choice == EncodingChoice::Auto && replaced >= 8 && replaced * 4 > total {
        return Some(format!(
            "{replaced} of the first {total} characters could not be decoded as {} (UTF-8, UTF-16 with a byte-order mark and GB18030 were tried); if it is text, name its encoding",
            decoded.encoding
        ));
    }
    None
}

/// `UTF-16LE` or `UTF-16BE` when every other byte of the start is NUL.
fn utf16_hint(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(4096)];
    if head.len() < 4 {
        return None;
    }
    let nul_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let pairs = head.len() / 2;
    let (even, odd) = (nul_at(0), nul_at(1));
    if odd * 10 >= pairs * 3 && even * 20 < pairs {
        Some("UTF-16LE")
    } else if even * 10 >= pairs * 3 && odd * 20 < pairs {
        Some("UTF-16BE")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_large_names_size_and_limit() {
        let r = read(b"0123456789", EncodingChoice::Auto, 4).unwrap_err();
        assert_eq!(r.diagnostic.code, Code::InputTooLarge);
        assert_eq!(
            r.diagnostic.message,
            "expected at most 4 bytes (the configured limit, Options::max_bytes), found 10 bytes; the input was not parsed"
        );
    }

    #[test]
    fn utf16_without_bom_gets_a_hint() {
        let bytes: Vec<u8> = "附件 1 abc\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let r = read(&bytes, EncodingChoice::Auto, 1 << 20).unwrap_err();
        assert_eq!(r.diagnostic.code, Code::BinaryInput);
        assert!(
            r.diagnostic
                .message
                .contains("UTF-16LE text without a byte-order mark"),
            "{}",
            r.diagnostic.message
        );
    }

    #[test]
    fn pdf_says_how_to_get_text() {
        let r = read(b"%PDF-1.7\n...", EncodingChoice::Auto, 1 << 20).unwrap_err();
        assert_eq!(
            r.diagnostic.message,
            "expected a text notice, found a PDF file: extract its text first, e.g. with pdftotext"
        );
    }

    #[test]
    fn control_characters_mean_binary() {
        let r = read(
            b"\x01\x02\x03\x04\x05\x06\x07\x08abc",
            EncodingChoice::Auto,
            1 << 20,
        )
        .unwrap_err();
        assert_eq!(r.diagnostic.code, Code::BinaryInput);
        assert!(r
            .diagnostic
            .message
            .contains("8 of the first 11 characters are control characters"));
    }

    #[test]
    fn whitespace_only_is_empty() {
        let r = read(" \r\n\u{3000}\n".as_bytes(), EncodingChoice::Auto, 1 << 20).unwrap_err();
        assert_eq!(r.diagnostic.code, Code::EmptyInput);
        assert_eq!(
            r.diagnostic.message,
            "expected a notice, found only whitespace (7 bytes)"
        );
        assert_eq!(r.source.lines.line_count(), 3);
    }
}
