//! `minsheng._minsheng`: the Rust side of the Python package. Each function
//! hands JSON text (the library's canonical JSON) or plain rows to the
//! Python side (`minsheng/__init__.py`), which turns them into dicts and
//! frames. Nothing here panics on any input: the parser never fails, and
//! every argument of the wrong type is a `TypeError`.

#![forbid(unsafe_code)]

use std::path::PathBuf;

use minsheng::tables::Table;
use minsheng::{Notice, Options};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};

/// The bytes of a `str` (UTF-8) or `bytes`/`bytearray` argument; anything
/// else is a `TypeError` that names what was given.
fn input_bytes(function: &str, data: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if data.is_instance_of::<PyString>() {
        Ok(data.extract::<String>()?.into_bytes())
    } else if let Ok(bytes) = data.downcast::<PyBytes>() {
        Ok(bytes.as_bytes().to_vec())
    } else if let Ok(bytes) = data.downcast::<PyByteArray>() {
        Ok(bytes.to_vec())
    } else {
        Err(PyTypeError::new_err(format!(
            "{function}() expects the notice as str or bytes, not {}",
            type_name(data)
        )))
    }
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "an unknown type".to_string())
}

/// The options with a vocabulary file read: a file that cannot be read
/// raises `OSError`, one that is not a vocabulary `ValueError` with its line
/// and column.
fn options(vocabulary: Option<PathBuf>) -> PyResult<Options> {
    let Some(path) = vocabulary else {
        return Ok(Options::default());
    };
    let text = std::fs::read_to_string(&path).map_err(|e| {
        let message = format!("cannot read the vocabulary {}: {e}", path.display());
        PyErr::from(std::io::Error::new(e.kind(), message))
    })?;
    let vocabulary = minsheng::Vocabulary::from_toml(&text)
        .map_err(|e| PyValueError::new_err(format!("vocabulary {}, {e}", path.display())))?;
    Ok(Options::default().with_vocabulary(vocabulary))
}

/// Parse one notice (text or bytes) into its canonical JSON text.
#[pyfunction]
#[pyo3(signature = (data, *, name=None, vocabulary=None))]
fn parse_json(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    name: Option<String>,
    vocabulary: Option<PathBuf>,
) -> PyResult<String> {
    let bytes = input_bytes("parse", data)?;
    let mut options = options(vocabulary)?;
    options.name = name;
    Ok(py.allow_threads(|| {
        minsheng::emit::canonical(&minsheng::parse_bytes(&bytes, &options).notice)
    }))
}

/// Parse files, in parallel on `threads` threads (all cores when `None`),
/// into their canonical JSON texts, in the order given. A file that cannot
/// be read raises `OSError` (`FileNotFoundError` …) naming it.
#[pyfunction]
#[pyo3(signature = (paths, *, threads=None, vocabulary=None))]
fn parse_files_json(
    py: Python<'_>,
    paths: &Bound<'_, PyAny>,
    threads: Option<usize>,
    vocabulary: Option<PathBuf>,
) -> PyResult<Vec<String>> {
    let options = options(vocabulary)?;
    if paths.is_instance_of::<PyString>() || paths.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(
            "parse_files() expects a list of paths, not one path: parse_files([path])",
        ));
    }
    let paths: Vec<PathBuf> = paths.extract().map_err(|_| {
        PyTypeError::new_err(format!(
            "parse_files() expects a list of paths (str or os.PathLike), not {}",
            type_name(paths)
        ))
    })?;
    if threads == Some(0) {
        return Err(PyValueError::new_err(
            "parse_files(): threads must be at least 1",
        ));
    }
    let threads = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, paths.len().max(1));
    let results = py.allow_threads(|| parse_in_parallel(&paths, threads, &options));
    results
        .into_iter()
        .zip(&paths)
        .map(|(result, path)| {
            result.map_err(|e| {
                let message = format!("cannot read {}: {e}", path.display());
                PyErr::from(std::io::Error::new(e.kind(), message))
            })
        })
        .collect()
}

/// Each path's JSON or read error, in order; `threads` workers take files
/// by index from a shared counter.
fn parse_in_parallel(
    paths: &[PathBuf],
    threads: usize,
    options: &Options,
) -> Vec<std::io::Result<String>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<std::io::Result<String>>>> =
        Mutex::new((0..paths.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = paths.get(i) else { break };
                let result = std::fs::read(path).map(|bytes| {
                    let mut options = options.clone();
                    options.name = Some(path.to_string_lossy().into_owned());
                    minsheng::emit::canonical(&minsheng::parse_bytes(&bytes, &options).notice)
                });
                if let Ok(mut results) = results.lock() {
                    results[i] = Some(result);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err(std::io::Error::other("not parsed"))))
        .collect()
}

/// A notice from the JSON of a parse result (as `json.dumps` gives it).
fn notice_from_json(function: &str, json: &str) -> PyResult<Notice> {
    serde_json::from_str(json).map_err(|e| {
        PyValueError::new_err(format!(
            "{function}() expects notices as parse() returns them: {e}"
        ))
    })
}

/// The columns of a table and the rows of the notices given as JSON texts.
#[pyfunction]
fn table_rows(
    table: &str,
    notices: Vec<String>,
) -> PyResult<(Vec<&'static str>, Vec<Vec<String>>)> {
    let table: Table = table.parse().map_err(PyValueError::new_err)?;
    let mut rows = Vec::new();
    for json in &notices {
        let notice = notice_from_json(&format!("{}_frame", table.name()), json)?;
        let source = notice.source.name.clone().unwrap_or_default();
        rows.extend(table.rows(&source, &notice));
    }
    Ok((table.columns().to_vec(), rows))
}

/// The diff of two notices given as JSON texts, as canonical JSON.
#[pyfunction]
#[pyo3(signature = (old, new, *, threshold=None))]
fn diff_json(old: &str, new: &str, threshold: Option<f64>) -> PyResult<String> {
    let old = notice_from_json("diff", old)?;
    let new = notice_from_json("diff", new)?;
    let mut options = minsheng::diff::DiffOptions::default();
    if let Some(t) = threshold {
        if !(0.0..=1.0).contains(&t) {
            return Err(PyValueError::new_err(format!(
                "diff(): threshold must be between 0 and 1, not {t}"
            )));
        }
        options.threshold = t;
    }
    Ok(minsheng::emit::to_canonical(&minsheng::diff::diff_with(
        &old, &new, &options,
    )))
}

/// The Rust half of the `minsheng` package.
#[pymodule]
fn _minsheng(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse_json, m)?)?;
    m.add_function(wrap_pyfunction!(parse_files_json, m)?)?;
    m.add_function(wrap_pyfunction!(table_rows, m)?)?;
    m.add_function(wrap_pyfunction!(diff_json, m)?)?;
    m.add("SCHEMA_VERSION", minsheng::model::SCHEMA_VERSION)?;
    Ok(())
}
