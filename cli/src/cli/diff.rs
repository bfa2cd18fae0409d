//! `minsheng diff OLD NEW`: read two notices (any input `parse` reads, or
//! one of its JSON outputs), diff their plans, write JSON, a table or CSV.
//!
//! A JSON input is recognised by its content, not its name: after an
//! optional byte-order mark and white space it is one JSON object. It is
//! then read back into a `Notice` by serde (the model derives
//! `Deserialize`; spans are not in the JSON and are not needed to diff),
//! which is exact and much cheaper than parsing the notice again from a
//! `source` the JSON does not hold anyway (only its name and hash). A JSON
//! document that is not a notice of schema version 1 is refused rather
//! than parsed as notice text.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use minsheng::diff::{DiffOptions, PlanDiff};
use minsheng::{Notice, Options, Severity};

use super::output::{finish, AtomicFile};
use super::{error, note, ReadArgs, Status};

/// Options of `minsheng diff`.
#[derive(Args)]
pub(crate) struct DiffArgs {
    /// The old year's notice: a text or HTML file (any encoding), a JSON
    /// output of `minsheng parse`, or `-` for stdin.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The new year's notice, read the same way.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Output format: canonical JSON, a table for the terminal, or CSV rows
    /// (one per continued, added or dropped project).
    #[arg(long, value_enum, default_value_t = DiffFormat::Json)]
    pub format: DiffFormat,
    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Indent the JSON (same content, keys still sorted).
    #[arg(long)]
    pub pretty: bool,
    /// Match projects scoring at least this (0 to 1).
    #[arg(long, value_name = "SCORE", default_value_t = minsheng::diff::DEFAULT_THRESHOLD, value_parser = threshold)]
    pub threshold: f64,
    #[command(flatten)]
    pub read: ReadArgs,
    /// Exit with 1 when either notice has a warning.
    #[arg(long)]
    pub strict: bool,
    /// Print nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

/// What `diff` writes.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffFormat {
    /// Canonical JSON (RFC 8785), documented in docs/json.md.
    Json,
    /// A human-readable table.
    Text,
    /// CSV, UTF-8 with a byte-order mark.
    Csv,
}

fn threshold(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(t) if (0.0..=1.0).contains(&t) => Ok(t),
        _ => Err(format!("expected a score from 0 to 1, found “{s}”")),
    }
}

/// After the help of `minsheng diff`.
pub(crate) const DIFF_HELP: &str = "\
Projects are matched by content, not number: the Dice similarity of their
texts' character bigrams (numbers and punctuation left out), scaled by lead
units and category; pairs are taken best first, one to one, down to
--threshold. See docs/cli.md and docs/json.md.

Exit status:
  0  diffed (the notices' warnings allowed)
  1  diffed, but a notice has error diagnostics (or warnings under --strict)
  2  usage or I/O error: bad flag, missing or unreadable input, a JSON input
     that is not a minsheng notice, unwritable output";

/// Run `minsheng diff`.
pub fn run(args: &DiffArgs) -> Status {
    if is_stdin(&args.old) && is_stdin(&args.new) {
        error("only one of OLD and NEW can be `-` (standard input)");
        return Status::Failed;
    }
    let options = match args.read.options() {
        Ok(options) => options,
        Err(message) => {
            error(&message);
            return Status::Failed;
        }
    };
    if let Some(target) = &args.output {
        for input in [&args.old, &args.new] {
            if same_file(target, input) {
                error(&format!(
                    "refusing to write `{}`: it is one of the inputs",
                    target.display()
                ));
                return Status::Failed;
            }
        }
    }
    // The output is opened first, so an unwritable one fails at once.
    let file = match &args.output {
        Some(target) => match AtomicFile::create(target) {
            Ok(file) => Some(file),
            Err(e) => {
                error(&format!("cannot write `{}`: {e}", target.display()));
                return Status::Failed;
            }
        },
        None => None,
    };
    let old = match read(&args.old, &options) {
        Ok(notice) => notice,
        Err(message) => {
            error(&message);
            return Status::Failed;
        }
    };
    let new = match read(&args.new, &options) {
        Ok(notice) => notice,
        Err(message) => {
            error(&message);
            return Status::Failed;
        }
    };
    let options = DiffOptions {
        threshold: args.threshold,
    };
    let d = minsheng::diff::diff_with(&old, &new, &options);
    let result = match file {
        Some(mut file) => write(&mut file, &d, args).and_then(|()| file.commit()),
        None => {
            let mut out = io::BufWriter::new(io::stdout().lock());
            write(&mut out, &d, args).and_then(|()| out.flush())
        }
    };
    let written = finish(args.output.as_deref(), result);
    let mut status = written;
    for (arg, notice) in [(&args.old, &old), (&args.new, &new)] {
        status = status.max(report(arg, notice, args.strict));
    }
    if !args.quiet {
        note(&summary(args, &d, &old, &new));
    }
    status
}

fn write(out: &mut dyn Write, d: &PlanDiff, args: &DiffArgs) -> io::Result<()> {
    match args.format {
        DiffFormat::Json => {
            minsheng::emit::write(&mut *out, d, args.pretty)?;
            out.write_all(b"\n")
        }
        DiffFormat::Text => out.write_all(minsheng::diff::text(d).as_bytes()),
        DiffFormat::Csv => minsheng::diff::write_csv(out, d),
    }
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

/// The notice an argument names: read back from our JSON, or parsed.
fn read(path: &Path, options: &Options) -> Result<Notice, String> {
    let name = display(path);
    let limit = u64::try_from(options.max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::new();
    let read = if is_stdin(path) {
        io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("cannot read `{name}`: {e}"))?;
    if let Some(json) = from_json(&bytes) {
        return json.map_err(|why| format!("cannot diff `{name}`: {why}"));
    }
    let mut options = options.clone();
    options.name = (!is_stdin(path)).then(|| name.clone());
    Ok(minsheng::parse_bytes(&bytes, &options).notice)
}

/// A notice from one of our JSON outputs; `None` when the bytes are not a
/// JSON object (then they are a notice to parse); an error when they are
/// JSON but not one notice of our schema.
fn from_json(bytes: &[u8]) -> Option<Result<Notice, String>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = body.iter().position(|b| !b.is_ascii_whitespace())?;
    if body[start] != b'{' {
        return None;
    }
    let mut documents = serde_json::Deserializer::from_slice(body).into_iter::<serde_json::Value>();
    let first = match documents.next()? {
        Ok(v) => v,
        // Not JSON after all: a notice that starts with a brace.
        Err(_) => return None,
    };
    if documents.next().is_some() {
        return Some(Err(
            "it holds more than one JSON document (JSON Lines?); diff takes one notice per side"
                .into(),
        ));
    }
    let version = first
        .get("schema_version")
        .and_then(serde_json::Value::as_u64);
    if first.get("plan").is_none() || version.is_none() {
        return Some(Err(
            "it is JSON but not a minsheng notice (no `schema_version` and `plan`)".into(),
        ));
    }
    if version != Some(u64::from(minsheng::model::SCHEMA_VERSION)) {
        return Some(Err(format!(
            "it is a notice of schema version {}, this tool reads version {}",
            version.unwrap_or_default(),
            minsheng::model::SCHEMA_VERSION
        )));
    }
    Some(
        serde_json::from_slice::<Notice>(body)
            .map_err(|e| format!("it is JSON but not a minsheng notice: {e}")),
    )
}

/// Print a notice's error diagnostics, one line each; the status they
/// (and, under `--strict`, its warnings) call for.
fn report(arg: &Path, notice: &Notice, strict: bool) -> Status {
    let name = display(arg);
    let mut status = Status::Parsed;
    for d in &notice.diagnostics {
        match d.severity {
            Severity::Error => {
                error(&format!(
                    "{name}:{}:{}: [{}] {}",
                    d.line, d.column, d.code, d.message
                ));
                status = Status::Findings;
            }
            Severity::Warning if strict => status = status.max(Status::Findings),
            _ => {}
        }
    }
    status
}

fn summary(args: &DiffArgs, d: &PlanDiff, old: &Notice, new: &Notice) -> String {
    let counts = |n: &Notice| {
        let of = |s: Severity| n.diagnostics.iter().filter(|d| d.severity == s).count();
        format!(
            "{} errors, {} warnings",
            of(Severity::Error),
            of(Severity::Warning)
        )
    };
    let t = &d.totals;
    format!(
        "minsheng: {} → {}: {} continued ({} changed), {} added, {} dropped; old: {}; new: {}\n",
        display(&args.old),
        display(&args.new),
        t.continued,
        t.changed,
        t.added,
        t.dropped,
        counts(old),
        counts(new)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_told_from_notice_text_by_content() {
        assert!(from_json("附件 1\n（1）新增托位。".as_bytes()).is_none());
        assert!(from_json(b"{ not json").is_none(), "a brace, then text");
        let notice = minsheng::parse("附件 1\n（1）新增托位 1196 个。\n");
        let json = format!("\u{feff}\n{}\n", minsheng::emit::canonical(&notice));
        let back = from_json(json.as_bytes()).unwrap().unwrap();
        assert_eq!(
            minsheng::emit::canonical(&back),
            minsheng::emit::canonical(&notice)
        );
        let lines = format!("{json}{json}");
        assert!(from_json(lines.as_bytes()).unwrap().is_err(), "JSON Lines");
        assert!(from_json(br#"{"a": 1}"#).unwrap().is_err(), "not a notice");
        let v2 = json.replace("\"schema_version\":1", "\"schema_version\":2");
        let err = from_json(v2.as_bytes()).unwrap().unwrap_err();
        assert!(err.contains("schema version 2"), "{err}");
    }
}
