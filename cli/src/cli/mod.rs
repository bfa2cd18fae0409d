//! Command-line arguments and the dispatch to each command.

mod batch;
mod codes;
mod diff;
mod inputs;
mod output;
mod probe;
mod render;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use minsheng::EncodingChoice;
use minsheng::InputFormat;

const EXIT_STATUS_HELP: &str = "\
Exit status:
  0  parsed (warnings allowed)
  1  parsed, but with error diagnostics (or warnings under --strict, or
     text not accounted for under --check)
  2  usage or I/O error: bad flag, missing or unreadable input, unwritable output";

/// Read Chinese local-government 民生实事 notices into canonical JSON.
#[derive(Parser)]
#[command(name = "minsheng", version, about, after_help = EXIT_STATUS_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse notices into JSON, JSON Lines or CSV.
    #[command(after_help = EXIT_STATUS_HELP)]
    Parse(ParseArgs),
    /// Compare two years' notices: projects continued (matched by content,
    /// not number), added and dropped, and what changed in each.
    #[command(after_help = diff::DIFF_HELP)]
    Diff(diff::DiffArgs),
    /// Print the JSON Schema of the output of `parse` (or of `diff`).
    Schema {
        /// Which output: `notice` (of parse) or `diff`.
        #[arg(value_enum, default_value_t = SchemaKind::Notice)]
        which: SchemaKind,
    },
    /// List the diagnostic codes with their severity and meaning.
    Codes,
    /// Read lines from stdin and print, per line, a JSON array of the
    /// quantities found in it (the fields of the JSON contract).
    Quantities,
    /// Read lines from stdin and print, per line, the first numeral in it
    /// as a JSON object (value, kind, text, span), or null.
    Numerals,
    /// Explain one diagnostic code.
    Explain {
        /// A code such as `unparsed-text`.
        code: String,
    },
}

/// Options of `minsheng parse`.
#[derive(Args)]
pub(crate) struct ParseArgs {
    /// Files, folders (searched recursively by extension) or `-` for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Write to FILE instead of stdout (one input, or with --jsonl).
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Write one .json per input into DIR, mirroring input names (with
    /// --format csv: DIR/projects.csv, quantities.csv, measures.csv and
    /// diagnostics.csv, or only the --table named).
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Write JSON Lines: one canonical document per line, sorted by path.
    #[arg(long, conflicts_with = "out_dir")]
    pub jsonl: bool,
    /// Indent the JSON (same content, keys still sorted).
    #[arg(long, conflicts_with = "jsonl")]
    pub pretty: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
    pub format: OutputFormat,
    /// With --format csv: the table to write (projects, quantities,
    /// measures or diagnostics). To stdout or -o FILE one table is written,
    /// `projects` unless named; with --out-dir every table unless named.
    #[arg(long, value_name = "TABLE")]
    pub table: Option<minsheng::tables::Table>,
    #[command(flatten)]
    pub read: ReadArgs,
    /// Extensions searched for in folders, comma-separated.
    #[arg(
        long = "ext",
        value_name = "EXT",
        value_delimiter = ',',
        default_values = ["txt", "htm", "html"]
    )]
    pub extensions: Vec<String>,
    /// Exit with 1 when any warning is reported.
    #[arg(long)]
    pub strict: bool,
    /// Check the parser's promise: report any text it read and neither
    /// kept, set aside nor said in a diagnostic (a parser bug, worth an
    /// issue), and exit with 1 if there is some.
    #[arg(long)]
    pub check: bool,
    /// Show only errors on the terminal (the JSON keeps every diagnostic).
    #[arg(short, long)]
    pub quiet: bool,
}

/// How notices are read: the options `parse` and `diff` share.
#[derive(Args)]
pub(crate) struct ReadArgs {
    /// Encoding of the inputs (`auto` detects).
    #[arg(long, value_name = "LABEL", default_value = "auto")]
    pub encoding: EncodingChoice,
    /// How to read the inputs: auto, text or html.
    #[arg(long = "input", value_name = "FORMAT", default_value = "auto")]
    pub input_format: InputFormat,
    /// Refuse inputs larger than N bytes (reported as `input-too-large`).
    #[arg(long, value_name = "N", default_value_t = minsheng::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// A vocabulary file (TOML): label words such as 主抓单位 read as lead,
    /// support, responsible or leader labels, and regular expressions for
    /// lines to set aside as page furniture (README, "A district's own
    /// words").
    #[arg(long, value_name = "FILE")]
    pub vocabulary: Option<PathBuf>,
}

impl ReadArgs {
    /// The library's options these arguments give, the vocabulary file read
    /// (once, before any input): an error names the file, line and column.
    pub fn options(&self) -> Result<minsheng::Options, String> {
        let mut options = minsheng::Options::default()
            .with_encoding(self.encoding)
            .with_format(self.input_format)
            .with_max_bytes(self.max_bytes);
        if let Some(path) = &self.vocabulary {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read the vocabulary `{}`: {e}", path.display()))?;
            let vocabulary = minsheng::Vocabulary::from_toml(&text)
                .map_err(|e| format!("vocabulary `{}`, {e}", path.display()))?;
            options = options.with_vocabulary(vocabulary);
        }
        Ok(options)
    }
}

/// Which schema `minsheng schema` prints.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SchemaKind {
    /// A parse result (`schema/notice.schema.json`).
    Notice,
    /// A diff (`schema/diff.schema.json`).
    Diff,
}

/// What `parse` writes.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    /// Canonical JSON (RFC 8785).
    Json,
    /// CSV tables keyed by notice: projects, quantities, measures,
    /// diagnostics (one to stdout or -o FILE, all with --out-dir).
    Csv,
    /// The review form: one line per element, to check a conversion by eye.
    Review,
    /// The HTML report: the notice's text with every element highlighted,
    /// diagnostics beside their lines, a table of projects (one page, no
    /// external assets).
    Html,
}

/// The process exit status; a batch takes the worst of its files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Status {
    /// Parsed; warnings allowed.
    Parsed = 0,
    /// Parsed with error diagnostics, or with warnings under `--strict`.
    Findings = 1,
    /// Usage or I/O error.
    Failed = 2,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        ExitCode::from(status as u8)
    }
}

/// Run the command line and return the exit status.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Parse(args) => batch::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Schema { which } => output::print(&match which {
            SchemaKind::Notice => minsheng::schema::notice_schema_json(),
            SchemaKind::Diff => minsheng::schema::diff_schema_json(),
        }),
        Command::Codes => output::print(&codes::table()),
        Command::Quantities => probe::run(),
        Command::Numerals => probe::numerals(),
        Command::Explain { code } => match codes::explain(&code) {
            Some(text) => output::print(&text),
            None => {
                error(&format!(
                    "unknown diagnostic code `{code}`; `minsheng codes` lists them"
                ));
                Status::Failed
            }
        },
    };
    status.into()
}

/// One line on stderr: `error: …`. Failing to write to stderr leaves
/// nothing better to do, so it is ignored.
pub(crate) fn error(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "error: {message}");
}

/// Free text on stderr (rendered diagnostics, the summary).
pub(crate) fn note(text: &str) {
    let _ = write!(std::io::stderr().lock(), "{text}");
}
