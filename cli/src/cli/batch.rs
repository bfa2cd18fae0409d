//! `minsheng parse`: find the inputs, parse them in parallel, report, write.

use std::borrow::Cow;
use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use minsheng::tables::Table;
use minsheng::{Notice, Options, Severity};
use rayon::prelude::*;

use super::inputs::{self, Input};
use super::{error, note, output, render, OutputFormat, ParseArgs, Status};

/// The result for one input.
pub struct Outcome {
    pub input: Input,
    /// The notice, or the one-line reason it could not be read.
    pub result: Result<Done, String>,
}

/// A parsed input.
pub struct Done {
    pub notice: Notice,
    /// Its diagnostics rendered for the terminal (those `--quiet` keeps).
    pub rendered: String,
    /// The HTML report, when `--format html` asks for it.
    pub report: Option<String>,
    /// Pieces of text read and not accounted for (`--check`).
    pub lost: usize,
}

/// Run `minsheng parse`.
///
/// Outputs are opened before anything is parsed (a bad `-o` or `--out-dir`
/// fails at once, and no output may be one of the inputs); results are
/// parsed in parallel and written as they arrive, in path order, each file
/// through a temporary file renamed into place.
pub fn run(args: &ParseArgs) -> Status {
    let started = Instant::now();
    let options = match args.read.options() {
        Ok(options) => options,
        Err(message) => {
            error(&message);
            return Status::Failed;
        }
    };
    let plan = match destination(args) {
        Ok(d) => d,
        Err(message) => {
            error(&message);
            return Status::Failed;
        }
    };
    let expanded = inputs::expand(&args.inputs, &args.extensions);
    let mut status = Status::Parsed;
    for message in &expanded.errors {
        error(message);
        status = Status::Failed;
    }
    if expanded.inputs.is_empty() {
        if expanded.errors.is_empty() {
            error(&format!(
                "no input files found (searched for extensions: {})",
                args.extensions.join(", ")
            ));
        }
        return Status::Failed;
    }
    if let Plan::Folder(_) = plan {
        let clashes = inputs::output_clashes(&expanded.inputs);
        for clash in &clashes {
            error(clash);
        }
        if !clashes.is_empty() {
            return Status::Failed;
        }
    }
    if let Some(message) = overwrites_input(&plan, &expanded.inputs) {
        error(&message);
        return Status::Failed;
    }
    let opened = match &plan {
        Plan::Single(target) => output::Sink::single(target.clone(), style(args)),
        Plan::Lines(target) => output::Sink::lines(target.clone()),
        Plan::Folder(folder) => output::Sink::folder(folder.clone(), args.pretty),
        Plan::Tables(folder, tables) => output::Sink::tables(folder.clone(), tables),
        Plan::Table(target, table) => output::Sink::table(target.clone(), *table),
    };
    let mut sink = match opened {
        Ok(sink) => sink,
        Err(e) => {
            error(&format!("cannot write {}: {e}", plan.place()));
            return Status::Failed;
        }
    };
    output::remove_partial_files_on_interrupt();

    let mut summary = Summary::default();
    let mut written = Status::Parsed;
    parse_all(expanded.inputs, args, &options, |outcome| {
        match &outcome.result {
            Ok(done) => {
                note(&done.rendered);
                summary.add(&done.notice);
                summary.lost += done.lost;
            }
            Err(message) => {
                error(message);
                summary.unreadable += 1;
            }
        }
        written = written.max(sink.add(&outcome));
    });
    written = written.max(sink.finish());
    note(&summary.line(started.elapsed().as_secs_f64()));
    status.max(summary.status(args.strict)).max(written)
}

/// Where the results are to go.
enum Plan {
    Single(Option<PathBuf>),
    Lines(Option<PathBuf>),
    Folder(PathBuf),
    /// CSV tables, one file each, in a folder.
    Tables(PathBuf, Vec<Table>),
    /// One CSV table, to stdout or a file.
    Table(Option<PathBuf>, Table),
}

impl Plan {
    fn place(&self) -> String {
        match self {
            Plan::Single(None) | Plan::Lines(None) | Plan::Table(None, _) => "stdout".to_string(),
            Plan::Single(Some(p))
            | Plan::Lines(Some(p))
            | Plan::Table(Some(p), _)
            | Plan::Folder(p)
            | Plan::Tables(p, _) => format!("`{}`", p.display()),
        }
    }

    /// The files this plan writes for `inputs`.
    fn outputs(&self, inputs: &[Input]) -> Vec<PathBuf> {
        match self {
            Plan::Single(target) | Plan::Lines(target) | Plan::Table(target, _) => {
                target.iter().cloned().collect()
            }
            Plan::Folder(folder) => inputs
                .iter()
                .map(|i| folder.join(i.output_name()))
                .collect(),
            Plan::Tables(folder, tables) => {
                tables.iter().map(|t| folder.join(t.file_name())).collect()
            }
        }
    }
}

/// A message when an output file would be one of the inputs.
fn overwrites_input(plan: &Plan, inputs: &[Input]) -> Option<String> {
    let sources: std::collections::BTreeSet<PathBuf> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File { path, .. } => std::fs::canonicalize(path).ok(),
            Input::Stdin => None,
        })
        .collect();
    plan.outputs(inputs).into_iter().find_map(|out| {
        let canonical = std::fs::canonicalize(&out).ok()?;
        sources.contains(&canonical).then(|| {
            format!(
                "refusing to write `{}`: it is one of the inputs",
                out.display()
            )
        })
    })
}

/// How a single document is written.
fn style(args: &ParseArgs) -> output::Style {
    match (args.format, args.pretty) {
        (OutputFormat::Review, _) => output::Style::Review,
        (OutputFormat::Html, _) => output::Style::Html,
        (_, true) => output::Style::Pretty,
        (_, false) => output::Style::Canonical,
    }
}

fn destination(args: &ParseArgs) -> Result<Plan, String> {
    let single = args.inputs.len() == 1 && !args.inputs[0].is_dir();
    if args.table.is_some() && args.format != OutputFormat::Csv {
        return Err("--table names a CSV table and needs --format csv".to_string());
    }
    match (args.format, &args.out_dir) {
        (OutputFormat::Review | OutputFormat::Html, None) if single && !args.jsonl => {
            Ok(Plan::Single(args.output.clone()))
        }
        (OutputFormat::Review, _) => {
            Err("--format review shows one input (no --out-dir or --jsonl)".to_string())
        }
        (OutputFormat::Html, _) => {
            Err("--format html shows one input (no --out-dir or --jsonl)".to_string())
        }
        (OutputFormat::Csv, Some(dir)) => Ok(Plan::Tables(
            dir.clone(),
            args.table.map_or_else(|| Table::ALL.to_vec(), |t| vec![t]),
        )),
        (OutputFormat::Csv, None) if args.jsonl => {
            Err("--format csv writes CSV, not JSON Lines (drop --jsonl)".to_string())
        }
        (OutputFormat::Csv, None) => Ok(Plan::Table(
            args.output.clone(),
            args.table.unwrap_or(Table::Projects),
        )),
        (OutputFormat::Json, Some(dir)) => Ok(Plan::Folder(dir.clone())),
        (OutputFormat::Json, None) if args.jsonl => Ok(Plan::Lines(args.output.clone())),
        (OutputFormat::Json, None) if single => Ok(Plan::Single(args.output.clone())),
        (OutputFormat::Json, None) => Err(
            "several inputs (or a folder) need --out-dir DIR or --jsonl to say where the results go"
                .to_string(),
        ),
    }
}

/// Parse every input in parallel and hand each outcome to `each` in input
/// order, as soon as it and all before it are done (results that finish
/// early wait, nothing else is kept).
fn parse_all(
    inputs: Vec<Input>,
    args: &ParseArgs,
    options: &Options,
    mut each: impl FnMut(Outcome),
) {
    let renderer = render::renderer(colour_on_stderr());
    let progress = progress_bar(inputs.len());
    // Standard input can be read only once, and only from this thread.
    let stdin = inputs
        .contains(&Input::Stdin)
        .then(|| read_bounded(std::io::stdin().lock(), options.max_bytes));
    let (sender, receiver) = std::sync::mpsc::channel::<(usize, Outcome)>();
    std::thread::scope(|scope| {
        let (renderer, progress, stdin) = (&renderer, &progress, &stdin);
        // The parallel work is started from its own thread, so this one is
        // free to write results while the others parse.
        scope.spawn(move || {
            inputs
                .into_par_iter()
                .enumerate()
                .for_each_with(sender, |sender, (index, input)| {
                    let bytes = match &input {
                        Input::Stdin => match stdin {
                            Some(Ok(bytes)) => Ok(Cow::Borrowed(bytes.as_slice())),
                            Some(Err(e)) => Err(e.to_string()),
                            None => Ok(Cow::Borrowed(&[][..])),
                        },
                        Input::File { path, .. } => std::fs::File::open(path)
                            .and_then(|file| read_bounded(file, options.max_bytes))
                            .map(Cow::Owned)
                            .map_err(|e| e.to_string()),
                    };
                    let result = bytes
                        .map_err(|e| format!("cannot read `{}`: {e}", input.display_name()))
                        .map(|bytes| parse_one(&input, &bytes, args, options, renderer));
                    progress.inc(1);
                    let _ = sender.send((index, Outcome { input, result }));
                });
        });
        let mut waiting = std::collections::BTreeMap::new();
        let mut next = 0;
        for (index, outcome) in receiver {
            waiting.insert(index, outcome);
            while let Some(outcome) = waiting.remove(&next) {
                // Diagnostics are printed between redraws of the bar.
                progress.suspend(|| each(outcome));
                next += 1;
            }
        }
    });
    progress.finish_and_clear();
}

/// Read at most `max_bytes + 1` bytes: one more than the limit is enough
/// for the parser to refuse the input as too large, and a file, FIFO or
/// stdin of any size (`/dev/zero`) is never read further.
fn read_bounded(reader: impl Read, max_bytes: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    reader.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn parse_one(
    input: &Input,
    bytes: &[u8],
    args: &ParseArgs,
    options: &Options,
    renderer: &minsheng::render::Style,
) -> Done {
    let mut options = options.clone();
    options.name = input.source_name();
    let parsed = minsheng::parse_bytes(bytes, &options);
    let rendered = render::diagnostics(
        renderer,
        &input.display_name(),
        &parsed.source,
        &parsed.notice.diagnostics,
        args.quiet,
    );
    let report = (args.format == OutputFormat::Html).then(|| minsheng::report::render(&parsed));
    let mut rendered = rendered;
    let lost = if args.check {
        let lost = parsed.unaccounted();
        for piece in &lost {
            rendered.push_str(&format!(
                "{}:{}:{}: text read and not accounted for (a parser bug): “{}”\n",
                input.display_name(),
                piece.line,
                piece.column,
                piece.text
            ));
        }
        lost.len()
    } else {
        0
    };
    Done {
        notice: parsed.notice,
        rendered,
        report,
        lost,
    }
}

fn progress_bar(len: usize) -> ProgressBar {
    if len < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}") {
        bar.set_style(style);
    }
    bar
}

fn colour_on_stderr() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Print each input's diagnostics (or why it could not be read) and the
/// summary line; return the status the findings call for.
#[derive(Default)]
struct Summary {
    files: usize,
    unreadable: usize,
    projects: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    /// Pieces of text not accounted for (`--check`).
    lost: usize,
}

impl Summary {
    fn add(&mut self, notice: &Notice) {
        self.files += 1;
        self.projects += notice.plan.projects.len();
        for d in &notice.diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    fn line(&self, seconds: f64) -> String {
        let unreadable = if self.unreadable > 0 {
            format!(" ({} unreadable)", self.unreadable)
        } else {
            String::new()
        };
        let lost = if self.lost > 0 {
            format!(", {} unaccounted", self.lost)
        } else {
            String::new()
        };
        format!(
            "minsheng: {} {}{unreadable}, {} {}, {} {}, {} {}, {} info{lost} in {seconds:.2} s\n",
            self.files,
            plural(self.files, "file", "files"),
            self.projects,
            plural(self.projects, "project", "projects"),
            self.errors,
            plural(self.errors, "error", "errors"),
            self.warnings,
            plural(self.warnings, "warning", "warnings"),
            self.infos,
        )
    }

    fn status(&self, strict: bool) -> Status {
        if self.unreadable > 0 {
            Status::Failed
        } else if self.errors > 0 || self.lost > 0 || (strict && self.warnings > 0) {
            Status::Findings
        } else {
            Status::Parsed
        }
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}
