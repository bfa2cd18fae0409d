//! Writing results: stdout, a file, one file per input, or CSV tables.
//!
//! A closed stdout (`minsheng parse … | head`) is not an error: the reader
//! has what it wanted, so we stop quietly, as ripgrep does.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use minsheng::tables::Tables;

use super::batch::Outcome;
use super::{error, Status};

/// Print text on stdout.
pub fn print(text: &str) -> Status {
    deliver(None, |w| w.write_all(text.as_bytes()))
}

/// Run `write` against stdout (`target` none) or a created file, flush, and
/// turn failures into a one-line message and [`Status::Failed`].
pub fn deliver(
    target: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Status {
    let result = match target {
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            write(&mut out).and_then(|()| out.flush())
        }
        Some(path) => File::create(path).and_then(|file| {
            let mut out = BufWriter::new(file);
            write(&mut out).and_then(|()| out.flush())
        }),
    };
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

/// The JSON of one notice, with a final newline.
pub fn json(notice: &minsheng::Notice, pretty: bool) -> String {
    let mut text = if pretty {
        minsheng::emit::pretty(notice)
    } else {
        minsheng::emit::canonical(notice)
    };
    text.push('\n');
    text
}

/// JSON Lines: one canonical document per parsed input, in input order.
pub fn lines(target: Option<&Path>, outcomes: &[Outcome]) -> Status {
    deliver(target, |w| {
        for done in outcomes.iter().filter_map(|o| o.result.as_ref().ok()) {
            w.write_all(json(&done.notice, false).as_bytes())?;
        }
        Ok(())
    })
}

/// One `.json` per parsed input under `folder`, mirroring input names.
pub fn folder(folder: &Path, outcomes: &[Outcome], pretty: bool) -> Status {
    let mut status = Status::Parsed;
    for outcome in outcomes {
        let Ok(done) = &outcome.result else { continue };
        let path = folder.join(outcome.input.output_name());
        if let Some(parent) = path.parent() {
            if let Err(e) = fs::create_dir_all(parent) {
                error(&format!("cannot create `{}`: {e}", parent.display()));
                status = Status::Failed;
                continue;
            }
        }
        let text = json(&done.notice, pretty);
        status = status.max(deliver(Some(&path), |w| w.write_all(text.as_bytes())));
    }
    status
}

/// `projects.csv` and `quantities.csv` under `folder`.
pub fn tables(folder: &Path, outcomes: &[Outcome]) -> Status {
    let projects_path = folder.join("projects.csv");
    let quantities_path = folder.join("quantities.csv");
    let result = (|| {
        fs::create_dir_all(folder)?;
        let projects = BufWriter::new(File::create(&projects_path)?);
        let quantities = BufWriter::new(File::create(&quantities_path)?);
        let mut tables = Tables::new(projects, quantities)?;
        for outcome in outcomes {
            if let Ok(done) = &outcome.result {
                tables.add(&outcome.input.display_name(), &done.notice)?;
            }
        }
        let (mut projects, mut quantities) = tables.finish()?;
        projects.flush()?;
        quantities.flush()
    })();
    match result {
        Ok(()) => Status::Parsed,
        Err(e) => {
            error(&format!(
                "cannot write CSV tables in `{}`: {e}",
                folder.display()
            ));
            Status::Failed
        }
    }
}
