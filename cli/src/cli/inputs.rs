//! Turning INPUT arguments into the list of inputs to parse.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// One input to parse.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// Standard input (`-`); sorts before every file.
    Stdin,
    /// A file, with the name its output gets under `--out-dir`.
    File {
        /// The path to read.
        path: PathBuf,
        /// Its path relative to the folder it was found in (just its file
        /// name when given directly).
        relative: PathBuf,
    },
}

impl Input {
    /// How messages and `source.name` call it.
    pub fn display_name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File { path, .. } => path.display().to_string(),
        }
    }

    /// The `source.name` of the JSON: the path, or none for stdin.
    pub fn source_name(&self) -> Option<String> {
        match self {
            Input::Stdin => None,
            Input::File { .. } => Some(self.display_name()),
        }
    }

    /// Its output file under `--out-dir`: the relative name with `.json`.
    pub fn output_name(&self) -> PathBuf {
        match self {
            Input::Stdin => PathBuf::from("stdin.json"),
            Input::File { relative, .. } => relative.with_extension("json"),
        }
    }
}

/// The expanded inputs, sorted by path, and the arguments that failed.
#[derive(Debug, Default)]
pub struct Expanded {
    pub inputs: Vec<Input>,
    /// One line each: which argument and what went wrong.
    pub errors: Vec<String>,
}

/// Expand files, folders and `-` into inputs.
///
/// Files given by name are taken whatever their extension; folders are
/// searched recursively for files whose extension is in `extensions`
/// (case-insensitive). The result is sorted by path with duplicates
/// removed, so output order never depends on argument or directory order.
pub fn expand(arguments: &[PathBuf], extensions: &[String]) -> Expanded {
    let mut expanded = Expanded::default();
    for argument in arguments {
        if argument.as_os_str() == "-" {
            expanded.inputs.push(Input::Stdin);
        } else if argument.is_dir() {
            walk(argument, extensions, &mut expanded);
        } else if argument.exists() {
            let relative = PathBuf::from(argument.file_name().unwrap_or(argument.as_os_str()));
            expanded.inputs.push(Input::File {
                path: argument.clone(),
                relative,
            });
        } else {
            expanded.errors.push(format!(
                "cannot read `{}`: no such file or folder",
                argument.display()
            ));
        }
    }
    expanded.inputs.sort();
    expanded.inputs.dedup_by(|a, b| same_source(a, b));
    expanded
}

fn same_source(a: &Input, b: &Input) -> bool {
    match (a, b) {
        (Input::Stdin, Input::Stdin) => true,
        (Input::File { path: p, .. }, Input::File { path: q, .. }) => p == q,
        _ => false,
    }
}

fn walk(folder: &Path, extensions: &[String], expanded: &mut Expanded) {
    for entry in walkdir::WalkDir::new(folder).follow_links(true) {
        match entry {
            Ok(entry) if entry.file_type().is_file() && has_extension(entry.path(), extensions) => {
                let path = entry.path().to_path_buf();
                let relative = path.strip_prefix(folder).unwrap_or(&path).to_path_buf();
                expanded.inputs.push(Input::File { path, relative });
            }
            Ok(_) => {}
            Err(e) => {
                let at = e.path().unwrap_or(folder).display().to_string();
                expanded.errors.push(format!("cannot read `{at}`: {e}"));
            }
        }
    }
}

fn has_extension(path: &Path, extensions: &[String]) -> bool {
    let Some(ext) = path.extension().and_then(OsStr::to_str) else {
        return false;
    };
    extensions
        .iter()
        .any(|want| want.trim_start_matches('.').eq_ignore_ascii_case(ext))
}

/// Inputs whose `--out-dir` files would collide (`a.txt` and `a.html`),
/// one message per clash.
pub fn output_clashes(inputs: &[Input]) -> Vec<String> {
    let mut by_output: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
    for input in inputs {
        by_output
            .entry(input.output_name())
            .or_default()
            .push(input.display_name());
    }
    by_output
        .into_iter()
        .filter(|(_, names)| names.len() > 1)
        .map(|(output, names)| {
            format!(
                "inputs {} would all be written to `{}`",
                names.join(", "),
                output.display()
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_match_without_dot_or_case() {
        let exts = vec!["txt".to_string(), ".HTML".to_string()];
        assert!(has_extension(Path::new("a/b.TXT"), &exts));
        assert!(has_extension(Path::new("b.html"), &exts));
        assert!(!has_extension(Path::new("b.json"), &exts));
        assert!(!has_extension(Path::new("txt"), &exts));
    }

    #[test]
    fn same_stem_different_extension_clashes() {
        let file = |p: &str| Input::File {
            path: PathBuf::from(p),
            relative: PathBuf::from(p),
        };
        assert_eq!(output_clashes(&[file("a.txt"), file("b.txt")]).len(), 0);
        assert_eq!(output_clashes(&[file("a.txt"), file("a.html")]).len(), 1);
    }
}
