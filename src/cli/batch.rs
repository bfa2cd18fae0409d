//! `minsheng parse`: find the inputs, parse them in parallel, report, write.

use std::borrow::Cow;
use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
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
}

/// Where the results go.
enum Destination {
    /// One document to stdout or a file.
    Single(Option<PathBuf>),
    /// JSON Lines to stdout or a file.
    Lines(Option<PathBuf>),
    /// One JSON file per input.
    Folder(PathBuf),
    /// CSV tables in a folder.
    Tables(PathBuf),
}

/// Run `parse`; the status is the worst over all inputs.
pub fn run(args: &ParseArgs) -> Status {
    let started = Instant::now();
    let destination = match destination(args) {
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
    if matches!(destination, Destination::Folder(_)) {
        let clashes = inputs::output_clashes(&expanded.inputs);
        for clash in &clashes {
            error(clash);
        }
        if !clashes.is_empty() {
            return Status::Failed;
        }
    }

    let outcomes = parse_all(expanded.inputs, args);
    status = status.max(report(&outcomes, args, started));
    let written = match &destination {
        Destination::Single(target) => match outcomes.first().map(|o| &o.result) {
            Some(Ok(done)) => {
                let text = output::json(&done.notice, args.pretty);
                output::deliver(target.as_deref(), |w| w.write_all(text.as_bytes()))
            }
            _ => Status::Failed,
        },
        Destination::Lines(target) => output::lines(target.as_deref(), &outcomes),
        Destination::Folder(folder) => output::folder(folder, &outcomes, args.pretty),
        Destination::Tables(folder) => output::tables(folder, &outcomes),
    };
    status.max(written)
}

/// Check the combination of output flags before reading anything.
fn destination(args: &ParseArgs) -> Result<Destination, String> {
    let single = args.inputs.len() == 1 && !args.inputs[0].is_dir();
    match (args.format, &args.out_dir) {
        (OutputFormat::Csv, Some(dir)) => Ok(Destination::Tables(dir.clone())),
        (OutputFormat::Csv, None) => {
            Err("--format csv writes two files and needs --out-dir DIR".to_string())
        }
        (OutputFormat::Json, Some(dir)) => Ok(Destination::Folder(dir.clone())),
        (OutputFormat::Json, None) if args.jsonl => Ok(Destination::Lines(args.output.clone())),
        (OutputFormat::Json, None) if single => Ok(Destination::Single(args.output.clone())),
        (OutputFormat::Json, None) => Err(
            "several inputs (or a folder) need --out-dir DIR or --jsonl to say where the results go"
                .to_string(),
        ),
    }
}

/// Parse every input in parallel; the result keeps the (sorted) input order.
fn parse_all(inputs: Vec<Input>, args: &ParseArgs) -> Vec<Outcome> {
    let renderer = render::renderer(colour_on_stderr());
    let progress = progress_bar(inputs.len());
    // Standard input can be read only once, and only from this thread.
    let stdin = inputs.contains(&Input::Stdin).then(read_stdin);
    let outcomes = inputs
        .into_par_iter()
        .map(|input| {
            let bytes = match &input {
                Input::Stdin => match &stdin {
                    Some(Ok(bytes)) => Ok(Cow::Borrowed(bytes.as_slice())),
                    Some(Err(e)) => Err(e.to_string()),
                    None => Ok(Cow::Borrowed(&[][..])),
                },
                Input::File { path, .. } => std::fs::read(path)
                    .map(Cow::Owned)
                    .map_err(|e| e.to_string()),
            };
            let result = bytes
                .map_err(|e| format!("cannot read `{}`: {e}", input.display_name()))
                .map(|bytes| parse_one(&input, &bytes, args, &renderer));
            progress.inc(1);
            Outcome { input, result }
        })
        .collect();
    progress.finish_and_clear();
    outcomes
}

fn parse_one(
    input: &Input,
    bytes: &[u8],
    args: &ParseArgs,
    renderer: &annotate_snippets::Renderer,
) -> Done {
    let options = Options {
        name: input.source_name(),
        encoding: args.encoding,
        format: args.input_format,
        max_bytes: args.max_bytes,
    };
    let parsed = minsheng::parse_bytes(bytes, &options);
    let rendered = render::diagnostics(
        renderer,
        &input.display_name(),
        &parsed.source,
        &parsed.notice.diagnostics,
        args.quiet,
    );
    Done {
        notice: parsed.notice,
        rendered,
    }
}

fn read_stdin() -> Result<Vec<u8>, std::io::Error> {
    let mut bytes = Vec::new();
    std::io::stdin().lock().read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// A bar for batches; indicatif draws nothing when stderr is not a
/// terminal.
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
fn report(outcomes: &[Outcome], args: &ParseArgs, started: Instant) -> Status {
    let mut summary = Summary::default();
    for outcome in outcomes {
        match &outcome.result {
            Ok(done) => {
                note(&done.rendered);
                summary.add(&done.notice);
            }
            Err(message) => {
                error(message);
                summary.unreadable += 1;
            }
        }
    }
    note(&summary.line(started.elapsed().as_secs_f64()));
    summary.status(args.strict)
}

/// Counts over a batch.
#[derive(Default)]
struct Summary {
    files: usize,
    unreadable: usize,
    projects: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
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
        format!(
            "minsheng: {} {}{unreadable}, {} {}, {} {}, {} {}, {} info in {seconds:.2} s\n",
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
        } else if self.errors > 0 || (strict && self.warnings > 0) {
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
