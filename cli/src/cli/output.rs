//! Writing results: stdout, a file, one file per input, or CSV tables.
//!
//! A closed stdout (`minsheng parse … | head`) is not an error: the reader
//! has what it wanted, so we stop quietly, as ripgrep does.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use minsheng::tables::{Table, TableWriter, Tables};

use super::batch::{Done, Outcome};
use super::{error, Status};

/// Print text on stdout.
pub fn print(text: &str) -> Status {
    deliver(None, |w| w.write_all(text.as_bytes()))
}

/// Run `write` against stdout (`target` none) or a file written through a
/// temporary file, flush, and turn failures into a one-line message and
/// [`Status::Failed`].
pub fn deliver(
    target: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Status {
    let result = match target {
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            write(&mut out).and_then(|()| out.flush())
        }
        Some(path) => AtomicFile::create(path).and_then(|mut file| {
            write(&mut file)?;
            file.commit()
        }),
    };
    finish(target, result)
}

/// The status of a write to `target` (stdout when none), with the message.
pub fn finish(target: Option<&Path>, result: io::Result<()>) -> Status {
    match result {
        Ok(()) => Status::Parsed,
        Err(e) if target.is_none() && e.kind() == io::ErrorKind::BrokenPipe => Status::Parsed,
        Err(e) => {
            let place = target.map_or("stdout".to_string(), |p| format!("`{}`", p.display()));
            error(&format!("cannot write {place}: {e}"));
            Status::Failed
        }
    }
}

/// Temporary files being written, removed if the run is interrupted.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// On Ctrl-C (SIGINT, SIGTERM), remove the temporary files being written
/// and exit with status 130: what an interrupted run leaves is only files
/// written in full. The lock is held to the end, so no rename completes
/// once the handler has started.
pub fn remove_partial_files_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        let pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        for path in pending.iter() {
            let _ = fs::remove_file(path);
        }
        let _ = io::stderr().write_all(b"minsheng: interrupted; files not finished were removed\n");
        std::process::exit(130);
    });
}

/// A file written under a temporary name in the same folder and renamed
/// to its own name once complete: readers of the target never see it
/// half-written, and a failed or interrupted write leaves the old file.
pub struct AtomicFile {
    temp: PathBuf,
    target: PathBuf,
    out: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Create the temporary file next to `target` (which fails early if the
    /// folder does not exist or cannot be written).
    pub fn create(target: &Path) -> io::Result<AtomicFile> {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let name = target
            .file_name()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}-{n}.tmp", std::process::id()));
        let temp = target.with_file_name(temp_name);
        let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        let file = File::options().write(true).create_new(true).open(&temp)?;
        pending.push(temp.clone());
        Ok(AtomicFile {
            temp,
            target: target.to_path_buf(),
            out: Some(BufWriter::new(file)),
        })
    }

    /// Flush and give the file its name.
    pub fn commit(mut self) -> io::Result<()> {
        if let Some(mut out) = self.out.take() {
            out.flush()?;
        }
        let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        fs::rename(&self.temp, &self.target)?;
        pending.retain(|p| p != &self.temp);
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.out {
            Some(out) => out.write(buf),
            None => Err(io::Error::other("already committed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.out {
            Some(out) => out.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(at) = pending.iter().position(|p| p == &self.temp) {
            drop(self.out.take());
            let _ = fs::remove_file(&self.temp);
            pending.remove(at);
        }
    }
}

/// How a single document is written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Canonical JSON.
    Canonical,
    /// Indented JSON.
    Pretty,
    /// The review form (`minsheng::review`).
    Review,
    /// The HTML report (`minsheng::report`).
    Html,
}

/// One notice in `style`, with a final newline.
fn document(out: &mut dyn Write, done: &Done, style: Style) -> io::Result<()> {
    let notice = &done.notice;
    match style {
        Style::Review => out.write_all(minsheng::review::render(notice).as_bytes()),
        Style::Html => out.write_all(done.report.as_deref().unwrap_or_default().as_bytes()),
        Style::Canonical | Style::Pretty => json(out, notice, style == Style::Pretty),
    }
}

/// The JSON of one notice, with a final newline.
pub fn json(out: &mut dyn Write, notice: &minsheng::Notice, pretty: bool) -> io::Result<()> {
    minsheng::emit::write(&mut *out, notice, pretty)?;
    out.write_all(b"\n")
}

/// Where the results go: opened (and checked) before anything is parsed,
/// then fed each result as it arrives, in path order.
pub enum Sink {
    /// One document, to stdout or a file.
    Single {
        target: Option<PathBuf>,
        file: Option<AtomicFile>,
        style: Style,
        written: bool,
    },
    /// JSON Lines, to stdout or a file.
    Lines {
        target: Option<PathBuf>,
        out: Box<dyn Write>,
        file: Option<AtomicFile>,
        failed: bool,
    },
    /// One `.json` per input under a folder.
    Folder { folder: PathBuf, pretty: bool },
    /// CSV tables (`projects.csv` …) under a folder.
    Tables {
        folder: PathBuf,
        tables: Option<Box<Tables<AtomicFile>>>,
    },
    /// One CSV table, to stdout or a file.
    Table {
        target: Option<PathBuf>,
        writer: Option<Box<TableWriter<TableOut>>>,
        /// The status of the write that stopped it, once stopped.
        stopped: Status,
    },
}

/// Where one table goes: stdout (no byte-order mark: it goes to a program)
/// or a file (with one, for spreadsheets).
pub enum TableOut {
    Stdout(BufWriter<io::Stdout>),
    File(AtomicFile),
}

impl Write for TableOut {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            TableOut::Stdout(out) => out.write(buf),
            TableOut::File(file) => file.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            TableOut::Stdout(out) => out.flush(),
            TableOut::File(file) => file.flush(),
        }
    }
}

impl Sink {
    /// One document to `target` (stdout when none).
    pub fn single(target: Option<PathBuf>, style: Style) -> io::Result<Sink> {
        let file = target.as_deref().map(AtomicFile::create).transpose()?;
        Ok(Sink::Single {
            target,
            file,
            style,
            written: false,
        })
    }

    /// JSON Lines to `target` (stdout when none).
    pub fn lines(target: Option<PathBuf>) -> io::Result<Sink> {
        let file = target.as_deref().map(AtomicFile::create).transpose()?;
        Ok(Sink::Lines {
            target,
            out: Box::new(BufWriter::new(io::stdout())),
            file,
            failed: false,
        })
    }

    /// One file per input under `folder`.
    pub fn folder(folder: PathBuf, pretty: bool) -> io::Result<Sink> {
        fs::create_dir_all(&folder)?;
        Ok(Sink::Folder { folder, pretty })
    }

    /// The CSV tables `which` under `folder`.
    pub fn tables(folder: PathBuf, which: &[Table]) -> io::Result<Sink> {
        fs::create_dir_all(&folder)?;
        let files = which
            .iter()
            .map(|&t| AtomicFile::create(&folder.join(t.file_name())).map(|f| (t, f)))
            .collect::<io::Result<Vec<_>>>()?;
        let tables = Box::new(Tables::new(files)?);
        Ok(Sink::Tables {
            folder,
            tables: Some(tables),
        })
    }

    /// One CSV table to `target` (stdout when none).
    pub fn table(target: Option<PathBuf>, table: Table) -> io::Result<Sink> {
        let (out, bom) = match target.as_deref() {
            Some(path) => (TableOut::File(AtomicFile::create(path)?), true),
            None => (TableOut::Stdout(BufWriter::new(io::stdout())), false),
        };
        let writer = match TableWriter::new(table, out, bom) {
            Ok(writer) => Some(Box::new(writer)),
            // A closed stdout before the header: nothing more to write.
            Err(e) if target.is_none() && e.kind() == io::ErrorKind::BrokenPipe => None,
            Err(e) => return Err(e),
        };
        Ok(Sink::Table {
            target,
            writer,
            stopped: Status::Parsed,
        })
    }

    /// Write one parsed input's result.
    pub fn add(&mut self, outcome: &Outcome) -> Status {
        let Ok(done) = &outcome.result else {
            return Status::Parsed;
        };
        match self {
            Sink::Single {
                target,
                file,
                style,
                written,
            } => {
                *written = true;
                match file.take() {
                    Some(mut file) => {
                        let result = document(&mut file, done, *style).and_then(|()| file.commit());
                        finish(target.as_deref(), result)
                    }
                    None => deliver(None, |w| document(w, done, *style)),
                }
            }
            Sink::Lines {
                target,
                out,
                file,
                failed,
            } => {
                if *failed {
                    return Status::Failed;
                }
                let w: &mut dyn Write = match file {
                    Some(file) => file,
                    None => out,
                };
                let result = json(w, &done.notice, false);
                let status = finish(target.as_deref(), result);
                *failed = status == Status::Failed;
                status
            }
            Sink::Folder { folder, pretty } => {
                let path = folder.join(outcome.input.output_name());
                if let Some(parent) = path.parent() {
                    if let Err(e) = fs::create_dir_all(parent) {
                        error(&format!("cannot create `{}`: {e}", parent.display()));
                        return Status::Failed;
                    }
                }
                deliver(Some(&path), |w| json(w, &done.notice, *pretty))
            }
            Sink::Tables { folder, tables } => {
                let Some(t) = tables else {
                    return Status::Failed;
                };
                match t.add(&outcome.input.display_name(), &done.notice) {
                    Ok(()) => Status::Parsed,
                    Err(e) => {
                        *tables = None;
                        tables_error(folder, &e)
                    }
                }
            }
            Sink::Table {
                target,
                writer,
                stopped,
            } => {
                let Some(w) = writer else {
                    return *stopped;
                };
                match w.add(&outcome.input.display_name(), &done.notice) {
                    Ok(()) => Status::Parsed,
                    Err(e) => {
                        *writer = None;
                        *stopped = finish(target.as_deref(), Err(e));
                        *stopped
                    }
                }
            }
        }
    }

    /// Finish the outputs written over the whole batch.
    pub fn finish(self) -> Status {
        match self {
            // No result was written: the input could not be read.
            Sink::Single { written, .. } => {
                if written {
                    Status::Parsed
                } else {
                    Status::Failed
                }
            }
            Sink::Lines {
                target,
                mut out,
                file,
                failed,
            } => {
                if failed {
                    return Status::Failed;
                }
                let result = match file {
                    Some(file) => file.commit(),
                    None => out.flush(),
                };
                finish(target.as_deref(), result)
            }
            Sink::Folder { .. } => Status::Parsed,
            Sink::Tables { folder, tables } => {
                let Some(tables) = tables else {
                    return Status::Failed;
                };
                let result = tables
                    .finish()
                    .and_then(|files| files.into_iter().try_for_each(|(_, file)| file.commit()));
                match result {
                    Ok(()) => Status::Parsed,
                    Err(e) => tables_error(&folder, &e),
                }
            }
            Sink::Table {
                target,
                writer,
                stopped,
            } => {
                let Some(writer) = writer else {
                    return stopped;
                };
                let result = writer.finish().and_then(|out| match out {
                    TableOut::File(file) => file.commit(),
                    TableOut::Stdout(mut out) => out.flush(),
                });
                finish(target.as_deref(), result)
            }
        }
    }
}

fn tables_error(folder: &Path, e: &io::Error) -> Status {
    error(&format!(
        "cannot write CSV tables in `{}`: {e}",
        folder.display()
    ));
    Status::Failed
}
