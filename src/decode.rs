//! Bytes to text: byte-order marks, UTF-8, UTF-16 and GB18030/GBK, and a
//! clear report of what could not be decoded.
//!
//! ## Detection ([`EncodingChoice::Auto`])
//! 1. A byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE (the mark is
//!    removed from the text).
//! 2. Bytes that are valid UTF-8 are UTF-8.
//! 3. GB18030 (a superset of GBK and GB2312) is taken when it finds fewer runs
//!    of bad bytes than UTF-8 does and the text looks Chinese (so a GBK file
//!    cut off mid-character is still GB18030, with one bad byte at the end).
//! 4. With the `detect` feature, chardetng's guess is taken when it is Big5,
//!    Shift_JIS, EUC-JP or EUC-KR and the bytes decode in it without error
//!    (a Big5 file decodes as GBK into symbols and kana, not Chinese).
//! 5. Else UTF-8, with the bad bytes replaced and reported.
//!
//! Names reported in `source.encoding`: `UTF-8`, `UTF-16LE`, `UTF-16BE`,
//! `GB18030` (detected, or forced with `gb18030`), `GBK` (forced with `gbk`,
//! `gb2312`, `cp936`: decoded by the same GB18030 decoder, which the Encoding
//! Standard also uses for GBK, so four-byte sequences in a "GBK" file still
//! decode), or chardetng's name for another legacy encoding (`Big5`,
//! `Shift_JIS`, `windows-1252`, …).
//!
//! ## Bad bytes
//! Each malformed sequence becomes one U+FFFD (the Encoding Standard's rule,
//! as every browser does). Each run of adjacent bad bytes gives one
//! `invalid-encoding` diagnostic whose message names the bytes and their
//! offset in the *original* bytes, and whose span covers the replacement
//! characters. After the first 100 runs, the runs left on a line give one
//! diagnostic for that line, whose span covers them and whose message says
//! how many it stands for (a line of thousands of bad bytes is not
//! thousands of diagnostics). Line breaks (`\r\n`, lone `\r`) and form feeds are kept as
//! they are, so line numbers match the original file.

use encoding_rs::{DecoderResult, Encoding, BIG5, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Encoding as Reported;
use crate::source::Span;

/// Which encoding to read the bytes as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum EncodingChoice {
    /// Detect: byte-order mark, then UTF-8, then GB18030 (see the module doc).
    #[default]
    Auto,
    /// UTF-8 (a UTF-8 byte-order mark is skipped).
    Utf8,
    /// GB18030, reported as `GB18030`.
    Gb18030,
    /// GBK or GB2312: decoded by the GB18030 decoder, reported as `GBK`.
    Gbk,
    /// UTF-16 little-endian (a matching byte-order mark is skipped).
    Utf16Le,
    /// UTF-16 big-endian (a matching byte-order mark is skipped).
    Utf16Be,
}

impl EncodingChoice {
    /// The name reported in `source.encoding` for a forced choice (`None` for
    /// [`EncodingChoice::Auto`]).
    pub fn name(self) -> Option<&'static str> {
        self.reported().map(Reported::as_str)
    }

    /// What `source.encoding` reports for a forced choice.
    pub fn reported(self) -> Option<Reported> {
        Some(match self {
            EncodingChoice::Auto => return None,
            EncodingChoice::Utf8 => Reported::Utf8,
            EncodingChoice::Gb18030 => Reported::Gb18030,
            EncodingChoice::Gbk => Reported::Gbk,
            EncodingChoice::Utf16Le => Reported::Utf16Le,
            EncodingChoice::Utf16Be => Reported::Utf16Be,
        })
    }

    fn encoding(self) -> Option<&'static Encoding> {
        Some(match self {
            EncodingChoice::Auto => return None,
            EncodingChoice::Utf8 => UTF_8,
            // The WHATWG GBK decoder is the GB18030 decoder; use it for both.
            EncodingChoice::Gb18030 | EncodingChoice::Gbk => GB18030,
            EncodingChoice::Utf16Le => UTF_16LE,
            EncodingChoice::Utf16Be => UTF_16BE,
        })
    }
}

impl std::fmt::Display for EncodingChoice {
    /// The label `--encoding` takes, which [`FromStr`](std::str::FromStr)
    /// reads back: `auto`, `utf-8`, `gb18030`, `gbk`, `utf-16le`, `utf-16be`.
    ///
    /// ```
    /// use minsheng::EncodingChoice;
    /// assert_eq!(EncodingChoice::Utf16Le.to_string(), "utf-16le");
    /// assert_eq!("gbk".parse::<EncodingChoice>().unwrap().to_string(), "gbk");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            EncodingChoice::Auto => "auto",
            EncodingChoice::Utf8 => "utf-8",
            EncodingChoice::Gb18030 => "gb18030",
            EncodingChoice::Gbk => "gbk",
            EncodingChoice::Utf16Le => "utf-16le",
            EncodingChoice::Utf16Be => "utf-16be",
        })
    }
}

impl std::str::FromStr for EncodingChoice {
    type Err = String;

    /// Accepts `auto` and the Encoding Standard's labels for the supported
    /// encodings (`utf-8`, `utf8`, `gbk`, `gb2312`, `gb18030`,
    /// `utf-16le`, `utf-16`, `utf-16be`, …), plus `utf16le`, `utf16be` and Windows'
    /// `cp936`.
    ///
    /// ```
    /// use minsheng::EncodingChoice;
    /// assert_eq!("GB2312".parse(), Ok(EncodingChoice::Gbk));
    /// assert_eq!("utf-16be".parse(), Ok(EncodingChoice::Utf16Be));
    /// assert!("latin1".parse::<EncodingChoice>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<EncodingChoice, String> {
        let label = s.trim().to_ascii_lowercase();
        let by_label = match label.as_str() {
            "auto" => return Ok(EncodingChoice::Auto),
            "utf16le" => Some(UTF_16LE),
            "utf16be" => Some(UTF_16BE),
            "utf16" => Some(UTF_16LE),
            // Windows' name for its GBK code page.
            "cp936" | "ms936" | "windows-936" => Some(GBK),
            other => Encoding::for_label(other.as_bytes()),
        };
        match by_label {
            Some(e) if e == UTF_8 => Ok(EncodingChoice::Utf8),
            Some(e) if e == GBK => Ok(EncodingChoice::Gbk),
            Some(e) if e == GB18030 => Ok(EncodingChoice::Gb18030),
            Some(e) if e == UTF_16LE => Ok(EncodingChoice::Utf16Le),
            Some(e) if e == UTF_16BE => Ok(EncodingChoice::Utf16Be),
            _ => Err(format!(
                "unknown or unsupported encoding “{s}”: expected auto, utf-8, gb18030, gbk (gb2312), utf-16le or utf-16be"
            )),
        }
    }
}

/// Decoded text.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, BOM removed, undecodable bytes replaced by U+FFFD.
    pub text: String,
    /// The encoding as the JSON reports it.
    pub encoding: Reported,
    /// Problems found while decoding (spans into `text`).
    pub diagnostics: Vec<Diagnostic>,
}

/// Decode `bytes`.
///
/// ```
/// use minsheng::internals::decode::{decode, EncodingChoice};
/// let d = decode("\u{feff}附件 1".as_bytes(), EncodingChoice::Auto);
/// assert_eq!(d.text, "附件 1");
/// assert_eq!(d.encoding, "UTF-8");
///
/// // 附件 in GBK.
/// let d = decode(b"\xB8\xBD\xBC\xFE 1\r\n", EncodingChoice::Auto);
/// assert_eq!((d.text.as_str(), d.encoding.as_str()), ("附件 1\r\n", "GB18030"));
/// ```
pub fn decode(bytes: &[u8], choice: EncodingChoice) -> Decoded {
    match (choice.encoding(), choice.reported()) {
        (Some(encoding), Some(name)) => {
            // Skip a byte-order mark only when it is this encoding's own.
            let bom = match Encoding::for_bom(bytes) {
                Some((e, len)) if e == encoding => len,
                _ => 0,
            };
            decode_with(bytes, bom, encoding, name)
        }
        _ => detect(bytes),
    }
}

fn detect(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return decode_with(bytes, bom, encoding, reported(encoding));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_owned(),
            encoding: Reported::Utf8,
            diagnostics: Vec::new(),
        };
    }
    // The UTF-8 reading is only counted here (its text, a U+FFFD per bad
    // byte, can be three times the input) and made only if it is taken.
    let utf8_runs = decode_runs(bytes, 0, UTF_8, None).0.count;
    let (gb, gb_runs) = decode_counting(bytes, 0, GB18030, Reported::Gb18030);
    if gb_runs < utf8_runs && looks_chinese(&gb.text) {
        return gb;
    }
    drop(gb);
    #[cfg(feature = "detect")]
    if let Some(decoded) = other_cjk(bytes) {
        return decoded;
    }
    decode_with(bytes, 0, UTF_8, Reported::Utf8)
}

/// chardetng's guess, when it is a CJK multi-byte encoding other than GBK
/// and the bytes are valid in it. Single-byte guesses (windows-1252, …) are
/// not taken: for a Chinese notice, UTF-8 with its bad bytes reported is the
/// better answer, and short inputs are easily mistaken for them.
#[cfg(feature = "detect")]
fn other_cjk(bytes: &[u8]) -> Option<Decoded> {
    use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
    use encoding_rs::{EUC_JP, EUC_KR, SHIFT_JIS};
    // The first MiB is plenty to tell encodings apart and bounds the time.
    let sample = &bytes[..bytes.len().min(1 << 20)];
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    let guess = detector.guess(None, Utf8Detection::Deny);
    if ![BIG5, SHIFT_JIS, EUC_JP, EUC_KR].contains(&guess) {
        return None;
    }
    let decoded = decode_with(bytes, 0, guess, reported(guess));
    decoded.diagnostics.is_empty().then_some(decoded)
}

/// True when most non-ASCII characters are CJK ideographs or CJK and
/// full-width punctuation, as in any Chinese notice.
fn looks_chinese(text: &str) -> bool {
    let (mut other, mut chinese) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii() && *c != '\u{FFFD}') {
        let cjk = matches!(c as u32,
            0x2000..=0x206F     // general punctuation: “” — …
            | 0x2460..=0x24FF   // ① ⑴ ⒈
            | 0x2E80..=0x2FDF   // radicals, Kangxi radicals
            | 0x3000..=0x303F   // CJK symbols and punctuation: 、。〔〕
            | 0x3400..=0x4DBF   // extension A
            | 0x4E00..=0x9FFF   // unified ideographs
            | 0xF900..=0xFAFF   // compatibility ideographs
            | 0xFF00..=0xFFEF); // full-width forms: （）：，
        if cjk {
            chinese += 1;
        } else {
            other += 1;
        }
    }
    chinese > 0 && chinese >= 4 * other
}

/// A run of adjacent bad bytes and the replacement characters it became
/// (32-bit offsets: inputs are under 4 GiB, and a run list of a text that
/// is all bad bytes is long).
#[derive(Clone)]
struct BadRun {
    bytes: std::ops::Range<u32>,
    text: std::ops::Range<u32>,
}

impl BadRun {
    fn bytes(&self) -> std::ops::Range<usize> {
        self.bytes.start as usize..self.bytes.end as usize
    }

    fn text(&self) -> std::ops::Range<usize> {
        self.text.start as usize..self.text.end as usize
    }
}

/// Decode `bytes[start..]` with `encoding`, replacing bad bytes and reporting
/// each run of them.
fn decode_with(bytes: &[u8], start: usize, encoding: &'static Encoding, name: Reported) -> Decoded {
    decode_counting(bytes, start, encoding, name).0
}

/// [`decode_with`], and the number of runs of bad bytes (not of
/// diagnostics: past the first runs they are one a line).
fn decode_counting(
    bytes: &[u8],
    start: usize,
    encoding: &'static Encoding,
    name: Reported,
) -> (Decoded, usize) {
    // The text's exact length, counted first: the decoder's worst case
    // (three bytes out per byte in) is twice what a GBK text takes, and
    // the text is kept for the whole parse.
    let (_, len) = decode_runs(bytes, start, encoding, None);
    let mut text = String::with_capacity(len);
    let (log, _) = decode_runs(bytes, start, encoding, Some(&mut text));
    let diagnostics = bad_run_diagnostics(bytes, &log, name);
    let decoded = Decoded {
        text,
        encoding: name,
        diagnostics,
    };
    (decoded, log.count)
}

/// Decode `bytes[start..]` with `encoding` into `text` (or only count, when
/// `None`), each malformed sequence becoming U+FFFD; the runs of bad bytes
/// (only counted when the text is not kept) and the text's length.
///
/// One pass through a fixed buffer: `decode_to_string_*` clears the
/// string's whole spare capacity on every call, and it is called again
/// after every malformed sequence, so a file with many bad bytes (a GBK
/// file tried as UTF-8) took time quadratic in its length.
fn decode_runs(
    bytes: &[u8],
    start: usize,
    encoding: &'static Encoding,
    mut text: Option<&mut String>,
) -> (RunLog, usize) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let input = &bytes[start..];
    let mut log = RunLog::default();
    let mut last: Option<BadRun> = None;
    // Room for the whole text of a short input, 64 KiB at most.
    let mut buffer = vec![0u8; (input.len() * 3 + 16).min(64 * 1024)];
    // Length of the text so far (also when it is only counted).
    let mut len = 0;
    let mut read = 0;
    loop {
        let (result, n, written) =
            decoder.decode_to_utf8_without_replacement(&input[read..], &mut buffer, true);
        read += n;
        len += written;
        if let Some(text) = text.as_deref_mut() {
            // The decoder writes whole characters only, so this is never lossy.
            text.push_str(&String::from_utf8_lossy(&buffer[..written]));
        }
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(bad, after) => {
                let end = start + read - after as usize;
                let bad_start = end.saturating_sub(bad as usize).max(start);
                let at = len;
                len += '\u{FFFD}'.len_utf8();
                if let Some(text) = text.as_deref_mut() {
                    text.push('\u{FFFD}');
                }
                let (bad_start, end, at) = (bad_start as u32, end as u32, at as u32);
                match last.as_mut() {
                    // Adjacent to the previous run, with nothing decoded between.
                    Some(run) if run.bytes.end == bad_start && run.text.end == at => {
                        run.bytes.end = end;
                        run.text.end = len as u32;
                    }
                    _ => {
                        log.count += 1;
                        let run = BadRun {
                            bytes: bad_start..end,
                            text: at..len as u32,
                        };
                        if let (Some(done), Some(text)) = (last.replace(run), text.as_deref()) {
                            log.add(done, text);
                        }
                    }
                }
            }
        }
    }
    if let (Some(done), Some(text)) = (last, text.as_deref()) {
        log.add(done, text);
    }
    (log, len)
}

/// Runs of bad bytes reported one by one; after them, one diagnostic per
/// line for the runs left on it.
const BAD_RUNS_REPORTED: usize = 100;

/// The runs of bad bytes as they are found: the first
/// [`BAD_RUNS_REPORTED`] each kept, the rest as one group a line (a line of
/// thousands of bad bytes is not thousands of runs kept, nor of
/// diagnostics).
#[derive(Default)]
struct RunLog {
    /// How many runs in all.
    count: usize,
    first: Vec<BadRun>,
    groups: Vec<RunGroup>,
}

/// The runs after the first ones on one line.
struct RunGroup {
    first: BadRun,
    last: BadRun,
    runs: usize,
    bytes: usize,
}

impl RunLog {
    /// Add `run`; `text` is the text decoded so far (past the run).
    fn add(&mut self, run: BadRun, text: &str) {
        if self.first.len() < BAD_RUNS_REPORTED {
            self.first.push(run);
            return;
        }
        if let Some(group) = self.groups.last_mut() {
            let between = text.get(group.last.text().end..run.text().start);
            if !between.is_some_and(|b| b.contains(['\n', '\r'])) {
                group.runs += 1;
                group.bytes += run.bytes().len();
                group.last = run;
                return;
            }
        }
        self.groups.push(RunGroup {
            first: run.clone(),
            bytes: run.bytes().len(),
            runs: 1,
            last: run,
        });
    }
}

/// The diagnostics of the runs of bad bytes: the first
/// [`BAD_RUNS_REPORTED`] each its own, then one per line for the runs left
/// on that line (its span covers them all, its message says how many).
fn bad_run_diagnostics(bytes: &[u8], log: &RunLog, name: Reported) -> Vec<Diagnostic> {
    let first = log
        .first
        .iter()
        .map(|run| bad_run_diagnostic(bytes, run, name));
    let rest = log.groups.iter().map(|group| match group.runs {
        1 => bad_run_diagnostic(bytes, &group.first, name),
        _ => bad_runs_on_a_line(group, name),
    });
    first.chain(rest).collect()
}

/// One diagnostic for several runs of bad bytes on one line.
fn bad_runs_on_a_line(group: &RunGroup, name: Reported) -> Diagnostic {
    let (first, last) = (&group.first, &group.last);
    Diagnostic::new(
        Code::InvalidEncoding,
        Span::new(first.text().start, last.text().end),
        format!(
            "expected {name}, found {} more runs of invalid bytes on this line ({} bytes from byte offset {} to {}; after the first {BAD_RUNS_REPORTED} runs, one diagnostic a line); each was replaced by U+FFFD",
            group.runs,
            group.bytes,
            first.bytes.start,
            last.bytes.end,
        ),
    )
    .with_help(
        "if the file is in another encoding, name it (--encoding LABEL on the command line, Options::encoding in the library)",
    )
}

fn bad_run_diagnostic(bytes: &[u8], run: &BadRun, name: Reported) -> Diagnostic {
    const SHOWN: usize = 8;
    let bad = &bytes[run.bytes()];
    let mut hex: Vec<String> = bad.iter().take(SHOWN).map(|b| format!("{b:02X}")).collect();
    if bad.len() > SHOWN {
        hex.push(format!("… ({} bytes)", bad.len()));
    }
    let what = if bad.len() == 1 {
        "the invalid byte"
    } else {
        "the invalid byte sequence"
    };
    let at_end = if run.bytes().end == bytes.len() {
        " at the end of the input (was the file cut off in the middle of a character?)"
    } else {
        ""
    };
    Diagnostic::new(
        Code::InvalidEncoding,
        Span::new(run.text().start, run.text().end),
        format!(
            "expected {name}, found {what} {} at byte offset {}{at_end}; it was replaced by U+FFFD",
            hex.join(" "),
            run.bytes.start,
        ),
    )
    .with_help(
        "if the file is in another encoding, name it (--encoding LABEL on the command line, Options::encoding in the library)",
    )
}

/// What `source.encoding` reports for a decoder detection chose: one of
/// the byte-order marks', GB18030, or a CJK encoding chardetng guessed.
fn reported(encoding: &'static Encoding) -> Reported {
    #[cfg(feature = "detect")]
    {
        use encoding_rs::{EUC_JP, EUC_KR, SHIFT_JIS};
        if encoding == SHIFT_JIS {
            return Reported::ShiftJis;
        } else if encoding == EUC_JP {
            return Reported::EucJp;
        } else if encoding == EUC_KR {
            return Reported::EucKr;
        }
    }
    if encoding == GB18030 || encoding == GBK {
        Reported::Gb18030
    } else if encoding == BIG5 {
        Reported::Big5
    } else if encoding == UTF_16LE {
        Reported::Utf16Le
    } else if encoding == UTF_16BE {
        Reported::Utf16Be
    } else {
        debug_assert_eq!(encoding, UTF_8, "no name for {}", encoding.name());
        Reported::Utf8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_bytes_are_replaced_and_reported_with_their_offset() {
        let d = decode(b"ab\xFFcd", EncodingChoice::Auto);
        assert_eq!(d.text, "ab\u{FFFD}cd");
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.diagnostics.len(), 1);
        assert_eq!(
            d.diagnostics[0].message,
            "expected UTF-8, found the invalid byte FF at byte offset 2; it was replaced by U+FFFD"
        );
        assert_eq!(d.diagnostics[0].span, Span::new(2, 5));
    }

    #[test]
    fn adjacent_bad_bytes_are_one_run() {
        let d = decode(b"a\xFF\xFE\x80b\xFFc", EncodingChoice::Utf8);
        assert_eq!(d.text, "a\u{FFFD}\u{FFFD}\u{FFFD}b\u{FFFD}c");
        assert_eq!(d.diagnostics.len(), 2);
        assert!(d.diagnostics[0]
            .message
            .contains("FF FE 80 at byte offset 1"));
        assert_eq!(d.diagnostics[0].span, Span::new(1, 10));
        assert!(d.diagnostics[1].message.contains("FF at byte offset 5"));
    }

    #[test]
    fn offsets_count_the_byte_order_mark() {
        let d = decode(b"\xEF\xBB\xBFab\xFF", EncodingChoice::Auto);
        assert_eq!(d.text, "ab\u{FFFD}");
        assert!(d.diagnostics[0]
            .message
            .contains("at byte offset 5 at the end"));
    }

    #[test]
    fn gbk_is_detected_and_line_breaks_survive() {
        let (bytes, _, _) = GBK.encode("（一）促进就业\r\n附件\r\x0C2");
        let d = decode(&bytes, EncodingChoice::Auto);
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, "（一）促进就业\r\n附件\r\x0C2");
        assert!(d.diagnostics.is_empty());
    }

    #[test]
    fn labels_parse() {
        for (label, choice) in [
            ("auto", EncodingChoice::Auto),
            ("UTF-8", EncodingChoice::Utf8),
            ("utf8", EncodingChoice::Utf8),
            ("gbk", EncodingChoice::Gbk),
            ("gb2312", EncodingChoice::Gbk),
            ("cp936", EncodingChoice::Gbk),
            ("gb18030", EncodingChoice::Gb18030),
            ("utf-16le", EncodingChoice::Utf16Le),
            ("utf-16", EncodingChoice::Utf16Le),
            ("utf16be", EncodingChoice::Utf16Be),
            ("UTF-16BE", EncodingChoice::Utf16Be),
        ] {
            assert_eq!(label.parse::<EncodingChoice>(), Ok(choice), "{label}");
        }
        assert_eq!(
            "big5".parse::<EncodingChoice>().unwrap_err(),
            "unknown or unsupported encoding “big5”: expected auto, utf-8, gb18030, gbk (gb2312), utf-16le or utf-16be"
        );
    }
}
