//! The `minsheng` binary end to end: exit codes, inputs, outputs.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The repository root: the corpus and the schema files are there, and
/// the binary runs from there, as the README's commands do.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

const NOTICE: &str =
    "附件 1\n\n一、促进就业（1 项）\n\n（1）新增城镇就业 1.15 万人左右。（牵头单位：区人社局）\n";

/// A notice with one warning: its category declares 2 projects, lists 1.
const WARNED: &str =
    "附件 1\n\n一、促进就业（2 项）\n\n（1）新增城镇就业 1.15 万人左右。（牵头单位：区人社局）\n";

fn minsheng(args: &[&str]) -> Output {
    minsheng_with_stdin(args, b"")
}

fn minsheng_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_minsheng"))
        .current_dir(ROOT)
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin)
        .expect("stdin is written");
    child.wait_with_output().expect("the binary finishes")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited normally")
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> &str {
    std::str::from_utf8(&output.stderr).expect("stderr is UTF-8")
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A temp folder with notices at the given relative paths, created in an
/// order that is not sorted.
fn batch(files: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, format!("{NOTICE}{name}\n")).unwrap();
    }
    dir
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("valid JSON")
}

#[test]
fn help_names_every_subcommand_and_the_exit_codes() {
    let out = minsheng(&["--help"]);
    assert_eq!(code(&out), 0);
    for word in ["parse", "schema", "codes", "explain", "Exit status"] {
        assert!(stdout(&out).contains(word), "--help mentions {word}");
    }
    let out = minsheng(&["parse", "--help"]);
    for flag in [
        "--out-dir",
        "--jsonl",
        "--format",
        "--encoding",
        "--input",
        "--max-bytes",
        "--vocabulary",
        "--strict",
        "--quiet",
    ] {
        assert!(stdout(&out).contains(flag), "parse --help mentions {flag}");
    }
}

#[test]
fn one_file_gives_one_canonical_document_on_stdout() {
    let dir = batch(&["a.txt"]);
    let file = dir.path().join("a.txt");
    let out = minsheng(&["parse", path_str(&file)]);
    assert_eq!(code(&out), 0, "warnings alone exit 0: {}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("{\"attachments\":"), "{text}");
    assert_eq!(text.lines().count(), 1, "canonical JSON is one line");
    assert!(text.ends_with("}\n"));
    let doc = json(text);
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["source"]["name"], path_str(&file));
}

#[test]
fn pretty_has_the_same_content_indented() {
    let dir = batch(&["a.txt"]);
    let file = dir.path().join("a.txt");
    let canonical = minsheng(&["parse", path_str(&file)]);
    let pretty = minsheng(&["parse", "--pretty", path_str(&file)]);
    assert!(stdout(&pretty).contains("\n  \"attachments\": "));
    assert_eq!(json(stdout(&canonical)), json(stdout(&pretty)));
}

#[test]
fn dash_reads_standard_input_with_no_name() {
    let out = minsheng_with_stdin(&["parse", "-"], NOTICE.as_bytes());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let doc = json(stdout(&out));
    assert_eq!(doc["source"]["name"], Value::Null);
    assert_eq!(doc["source"]["bytes"], NOTICE.len());
}

#[test]
fn dash_o_writes_the_file_and_nothing_on_stdout() {
    let dir = batch(&["a.txt"]);
    let target = dir.path().join("a.json");
    let out = minsheng(&[
        "parse",
        "-o",
        path_str(&target),
        path_str(&dir.path().join("a.txt")),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert_eq!(
        json(&fs::read_to_string(target).unwrap())["schema_version"],
        1
    );
}

#[test]
fn a_missing_file_exits_2_with_one_line_naming_it() {
    let out = minsheng(&["parse", "no/such/notice.txt"]);
    assert_eq!(code(&out), 2);
    let first = stderr(&out).lines().next().unwrap_or_default();
    assert!(first.starts_with("error: "), "{first}");
    assert!(first.contains("no/such/notice.txt"), "{first}");
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_flags_and_values_exit_2() {
    assert_eq!(code(&minsheng(&["parse", "--no-such-flag", "a.txt"])), 2);
    assert_eq!(
        code(&minsheng(&["parse", "--encoding", "klingon", "a.txt"])),
        2
    );
    assert_eq!(code(&minsheng(&["parse", "--input", "pdf", "a.txt"])), 2);
    assert_eq!(code(&minsheng(&["frobnicate"])), 2);
}

#[test]
fn several_inputs_need_a_destination() {
    let dir = batch(&["a.txt", "b.txt"]);
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    let out = minsheng(&["parse", path_str(&a), path_str(&b)]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--out-dir"), "{}", stderr(&out));
    let out = minsheng(&["parse", "--table", "projects", path_str(&a)]);
    assert_eq!(code(&out), 2, "--table is for CSV");
    assert!(stderr(&out).contains("--format csv"), "{}", stderr(&out));
    let out = minsheng(&[
        "parse",
        "--format",
        "csv",
        "--table",
        "project",
        path_str(&a),
    ]);
    assert_eq!(code(&out), 2, "an unknown table");
    assert!(
        stderr(&out).contains("expected projects"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn error_diagnostics_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.txt");
    let mut bytes = NOTICE.as_bytes().to_vec();
    bytes.splice(0..0, *b"\xfd\n");
    fs::write(&file, bytes).unwrap();
    let out = minsheng(&["parse", path_str(&file)]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("error[invalid-encoding]"),
        "{}",
        stderr(&out)
    );
    // The JSON is still written.
    assert_eq!(json(stdout(&out))["schema_version"], 1);
}

#[test]
fn strict_turns_warnings_into_exit_1() {
    let out = minsheng_with_stdin(&["parse", "--strict", "-"], WARNED.as_bytes());
    assert_eq!(code(&out), 1);
    let clean = minsheng_with_stdin(&["parse", "--strict", "-"], NOTICE.as_bytes());
    assert_eq!(code(&clean), 0, "{}", stderr(&clean));
    let blank = minsheng_with_stdin(&["parse", "-"], b"\n\n");
    assert_eq!(
        code(&blank),
        1,
        "blank input is an error: {}",
        stderr(&blank)
    );
    assert!(
        stderr(&blank).contains("error[empty-input]"),
        "{}",
        stderr(&blank)
    );
}

#[test]
fn diagnostics_are_rendered_plain_off_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, WARNED).unwrap();
    let out = minsheng(&["parse", path_str(&file)]);
    let err = stderr(&out);
    assert!(err.contains("warning[count-mismatch]"), "{err}");
    assert!(err.contains(&format!("{}:3:1", path_str(&file))), "{err}");
    assert!(
        err.contains("一、促进就业（2 项）"),
        "the source line is shown: {err}"
    );
    assert!(!err.contains('\u{1b}'), "no colour off a terminal");
    let summary = err.lines().last().unwrap();
    assert!(
        summary.starts_with("minsheng: 1 file, 1 project, 0 errors, 1 warning,"),
        "{summary}"
    );
}

#[test]
fn quiet_hides_warnings_but_the_json_keeps_them() {
    let out = minsheng_with_stdin(&["parse", "--quiet", "-"], WARNED.as_bytes());
    assert_eq!(code(&out), 0);
    assert!(!stderr(&out).contains("warning["), "{}", stderr(&out));
    let doc = json(stdout(&out));
    assert!(!doc["diagnostics"].as_array().unwrap().is_empty());
}

#[test]
fn jsonl_has_one_line_per_file_sorted_by_path() {
    let dir = batch(&["c.txt", "a/z.htm", "b.html", "a/b.TXT", "skip.json"]);
    let out = minsheng(&["parse", "--jsonl", path_str(dir.path())]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let names: Vec<String> = stdout(&out)
        .lines()
        .map(|line| json(line)["source"]["name"].as_str().unwrap().to_string())
        .collect();
    let root = path_str(dir.path());
    let expected: Vec<String> = ["a/b.TXT", "a/z.htm", "b.html", "c.txt"]
        .iter()
        .map(|n| format!("{root}/{n}"))
        .collect();
    assert_eq!(names, expected);
    assert!(
        stderr(&out).contains("minsheng: 4 files"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn ext_changes_what_folders_yield() {
    let dir = batch(&["a.txt", "b.md"]);
    let out = minsheng(&["parse", "--jsonl", "--ext", "md", path_str(dir.path())]);
    assert_eq!(stdout(&out).lines().count(), 1);
    assert!(stdout(&out).contains("b.md"));
}

#[test]
fn output_is_byte_identical_run_to_run() {
    let dir = batch(&["x.txt", "y.txt", "z/w.txt"]);
    let first = minsheng(&["parse", "--jsonl", path_str(dir.path())]);
    let second = minsheng(&["parse", "--jsonl", path_str(dir.path())]);
    assert_eq!(first.stdout, second.stdout);
    assert_eq!(stdout(&first).lines().count(), 3);
}

#[test]
fn out_dir_mirrors_input_names() {
    let dir = batch(&["a.txt", "sub/b.html"]);
    let out_dir = tempfile::tempdir().unwrap();
    let out = minsheng(&[
        "parse",
        "--out-dir",
        path_str(out_dir.path()),
        path_str(dir.path()),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let single = minsheng(&["parse", path_str(&dir.path().join("a.txt"))]);
    let written = fs::read(out_dir.path().join("a.json")).unwrap();
    assert_eq!(
        written, single.stdout,
        "same bytes as the single-file output"
    );
    assert!(out_dir.path().join("sub/b.json").is_file());
}

#[test]
fn out_dir_refuses_clashing_names() {
    let dir = batch(&["a.txt", "a.html"]);
    let out_dir = tempfile::tempdir().unwrap();
    let out = minsheng(&[
        "parse",
        "--out-dir",
        path_str(out_dir.path()),
        path_str(dir.path()),
    ]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("a.json"), "{}", stderr(&out));
}

#[test]
fn one_bad_file_does_not_stop_the_batch() {
    let dir = batch(&["a.txt", "b.txt"]);
    let out = minsheng(&[
        "parse",
        "--jsonl",
        path_str(&dir.path().join("a.txt")),
        "missing.txt",
        path_str(&dir.path().join("b.txt")),
    ]);
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out).lines().count(), 2);
    assert!(stderr(&out).contains("missing.txt"));
}

#[test]
fn csv_tables_read_back_with_a_bom_and_headers() {
    let dir = batch(&["a.txt", "b.txt"]);
    let out_dir = tempfile::tempdir().unwrap();
    let out = minsheng(&[
        "parse",
        "--format",
        "csv",
        "--out-dir",
        path_str(out_dir.path()),
        path_str(dir.path()),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    for (file, first, last) in [
        ("projects.csv", "source_file", "line"),
        ("quantities.csv", "source_file", "canonical_unit"),
        ("measures.csv", "source_file", "line"),
        ("diagnostics.csv", "source_file", "help"),
    ] {
        let bytes = fs::read(out_dir.path().join(file)).unwrap();
        assert!(
            bytes.starts_with(b"\xEF\xBB\xBF"),
            "{file} starts with a BOM"
        );
        let mut reader = csv::Reader::from_reader(&bytes[3..]);
        let headers = reader.headers().unwrap().clone();
        assert_eq!(headers.get(0), Some(first));
        assert_eq!(headers.iter().next_back(), Some(last));
        for record in reader.records() {
            assert_eq!(record.unwrap().len(), headers.len());
        }
    }
}

#[test]
fn one_csv_table_goes_to_stdout_keyed_by_notice() {
    let dir = tempfile::tempdir().unwrap();
    // One notice with a 发文字号 and a date, one whose project has no lead unit.
    let keyed = format!(
        "某民生办〔2024〕3号\n\n关于印发某区2024年民生实事的通知\n\n各街道：\n\n现将民生实事印发给你们。\n\n\
         附件：某区2024年民生实事\n\n某区民生实事办公室\n2024年4月24日\n\n{NOTICE}"
    );
    fs::write(dir.path().join("a.txt"), keyed).unwrap();
    fs::write(
        dir.path().join("b.txt"),
        "附件 1\n\n一、促进就业（1 项）\n\n（1）新增城镇就业 1.15 万人左右。\n",
    )
    .unwrap();
    let out = minsheng(&["parse", "--format", "csv", path_str(dir.path())]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        out.stdout
            .starts_with(b"source_file,sha256,doc_number,date,region,"),
        "projects by default, and no byte-order mark on stdout"
    );
    let rows = csv_rows(stdout(&out));
    assert_eq!(
        rows.len(),
        3,
        "a header and one project per notice: {rows:?}"
    );
    let sha = |name: &str| {
        let parsed = minsheng(&["parse", path_str(&dir.path().join(name))]);
        json(stdout(&parsed))["source"]["sha256"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(rows[1][0].ends_with("a.txt"), "{:?}", rows[1]);
    assert_eq!(rows[1][1], sha("a.txt"));
    assert_eq!(rows[1][2], "某民生办〔2024〕3号");
    assert_eq!(rows[1][3], "2024-04-24");
    assert_eq!(
        (rows[2][1].as_str(), rows[2][2].as_str()),
        (sha("b.txt").as_str(), "")
    );

    // The diagnostics table names the project a diagnostic concerns.
    let out = minsheng(&[
        "parse",
        "--format",
        "csv",
        "--table",
        "diagnostics",
        path_str(&dir.path().join("b.txt")),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows = csv_rows(stdout(&out));
    let project = rows[0].iter().position(|c| c == "project").unwrap();
    let missing: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[5] == "missing-lead-unit")
        .collect();
    assert_eq!(missing.len(), 1, "{rows:?}");
    assert_eq!(missing[0][project], "1");
    // And the JSON has the same number under `project`.
    let parsed = minsheng(&["parse", path_str(&dir.path().join("b.txt"))]);
    let diagnostics = json(stdout(&parsed))["diagnostics"].clone();
    let d = diagnostics
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "missing-lead-unit")
        .unwrap()
        .clone();
    assert_eq!(d["project"], 1);

    // -o FILE gets a byte-order mark, for spreadsheets.
    let target = dir.path().join("m.csv");
    let out = minsheng(&[
        "parse",
        "--format",
        "csv",
        "--table",
        "measures",
        "-o",
        path_str(&target),
        path_str(&dir.path().join("a.txt")),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(fs::read(&target)
        .unwrap()
        .starts_with(b"\xEF\xBB\xBFsource_file,sha256,"));
}

#[test]
fn codes_and_explain_describe_every_code() {
    let out = minsheng(&["codes"]);
    assert_eq!(code(&out), 0);
    for c in minsheng::Code::ALL {
        assert!(stdout(&out).contains(c.as_str()), "codes lists {c}");
    }
    let out = minsheng(&["explain", "unparsed-text"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains("warning"));
    assert_eq!(code(&minsheng(&["explain", "no-such-code"])), 2);
}

#[test]
fn schema_prints_the_committed_schema() {
    let out = minsheng(&["schema"]);
    assert_eq!(code(&out), 0);
    let committed = fs::read_to_string(format!("{ROOT}/schema/notice.schema.json")).unwrap();
    assert_eq!(stdout(&out), committed);
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let dir = batch(&["a.txt", "b.txt", "c.txt", "d.txt"]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_minsheng"))
        .current_dir(ROOT)
        .args(["parse", "--jsonl", path_str(dir.path())])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!stderr(&out).contains("cannot write"), "{}", stderr(&out));
}

#[test]
fn quantities_probe_prints_one_array_per_line() {
    let out = minsheng_with_stdin(
        &["quantities"],
        "不少于 45 人次\n2024年4月24日\n分别按不低于80%、75%、60%\n".as_bytes(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(json).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0][0]["cmp"], "ge");
    assert_eq!(lines[0][0]["unit"], "人次");
    assert_eq!(lines[0][0]["column"], 1);
    assert_eq!(
        lines[1].as_array().unwrap().len(),
        0,
        "a date is not a quantity"
    );
    let values: Vec<String> = lines[2]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| format!("{} {}", q["cmp"].as_str().unwrap(), q["value"]))
        .collect();
    assert_eq!(values, ["ge 80", "ge 75", "ge 60"]);
}

#[test]
fn numerals_probe_prints_one_object_per_line() {
    let out = minsheng_with_stdin(
        &["numerals"],
        "三十七\n负三点五\n百姓\n第一百零八条\n".as_bytes(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(json).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["value"], 37);
    assert_eq!(lines[0]["kind"], "cardinal");
    assert_eq!(lines[1]["value"].to_string(), "-3.5");
    assert!(lines[2].is_null(), "no numeral in 百姓");
    assert_eq!(lines[3]["kind"], "ordinal");
    assert_eq!(lines[3]["text"], "第一百零八");
    assert_eq!(
        (lines[3]["start"].clone(), lines[3]["end"].clone()),
        (0.into(), 15.into())
    );
}

#[test]
fn a_bad_output_path_fails_before_any_input_is_read() {
    // The input does not exist either: the output is checked first, so the
    // message names the output alone.
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no-such-folder").join("out.json");
    let input = dir.path().join("notice.txt");
    fs::write(&input, NOTICE).unwrap();
    let out = minsheng(&["parse", path_str(&input), "-o", path_str(&target)]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("projects"),
        "nothing was parsed: {}",
        stderr(&out)
    );
}

#[test]
fn an_output_that_is_an_input_is_refused_and_the_input_kept() {
    let dir = batch(&["a.txt"]);
    let input = dir.path().join("a.txt");
    let out = minsheng(&["parse", path_str(&input), "-o", path_str(&input)]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("it is one of the inputs"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read_to_string(&input).unwrap(),
        format!("{NOTICE}a.txt\n")
    );
    // The same through --out-dir, with the inputs' own extension.
    fs::write(dir.path().join("b.json"), "{}").unwrap();
    let folder = path_str(dir.path());
    let out = minsheng(&["parse", "--ext", "json", folder, "--out-dir", folder]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("it is one of the inputs"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(dir.path().join("b.json")).unwrap(), "{}");
}

#[test]
fn a_failed_write_keeps_the_old_file_and_leaves_no_temporary() {
    let dir = batch(&["a.txt"]);
    let target = dir.path().join("out.json");
    fs::write(&target, "old").unwrap();
    // An input that cannot be read: no result, so nothing replaces the file.
    let missing = dir.path().join("missing.txt");
    let out = minsheng(&["parse", path_str(&missing), "-o", path_str(&target)]);
    assert_eq!(code(&out), 2);
    assert_eq!(fs::read_to_string(&target).unwrap(), "old");
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[cfg(unix)]
#[test]
fn an_endless_input_is_read_only_to_the_limit() {
    // /dev/zero never ends: read past --max-bytes, this would not return.
    let out = minsheng(&["parse", "/dev/zero", "--max-bytes", "1000"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("expected at most 1000 bytes")
            && stderr(&out).contains("found more than 1000 bytes"),
        "{}",
        stderr(&out)
    );
    let big = vec![b'a'; 5000];
    let out = minsheng_with_stdin(&["parse", "-", "--max-bytes", "1000"], &big);
    assert!(stderr(&out).contains("input-too-large"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn an_interrupted_batch_leaves_only_complete_files() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    fs::create_dir(&inputs).unwrap();
    let seed = include_str!("../../corpus/yaohai-2024.txt").repeat(4);
    for i in 0..40 {
        fs::write(inputs.join(format!("n{i:02}.txt")), &seed).unwrap();
    }
    let outputs = dir.path().join("out");
    let child = Command::new(env!("CARGO_BIN_EXE_minsheng"))
        .current_dir(ROOT)
        .args([
            "parse",
            "-q",
            path_str(&inputs),
            "--out-dir",
            path_str(&outputs),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    std::thread::sleep(std::time::Duration::from_millis(300));
    // Wherever it is (parsing, writing, or done), SIGINT must not leave a
    // partial file.
    let _ = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let status = child
        .wait_with_output()
        .expect("the binary finishes")
        .status;
    assert!(
        status.code().is_none_or(|c| c == 0 || c == 130),
        "{status:?}"
    );
    for entry in fs::read_dir(&outputs).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(!name.ends_with(".tmp"), "a temporary file was left: {name}");
        let text = fs::read_to_string(&path).unwrap();
        serde_json::from_str::<Value>(&text)
            .unwrap_or_else(|e| panic!("{name} is incomplete: {e}"));
    }
}

#[test]
fn review_format_shows_one_line_per_element() {
    let out = minsheng_with_stdin(&["parse", "-", "--format", "review"], NOTICE.as_bytes());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let review = stdout(&out);
    assert!(review.starts_with("source - · text · UTF-8 · "), "{review}");
    assert!(
        review.contains("category 1 L3 促进就业 [1]\n  (1) L5 新增城镇就业1.15万人左右。 | lead 区人社局 | ≈ 11500 人\n"),
        "{review}"
    );
    assert!(review.contains("attachment 1 "), "{review}");
}

#[test]
fn html_format_writes_the_report_page() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let out = minsheng_with_stdin(
        &["parse", "-", "--format", "html", "-o", path_str(&page)],
        NOTICE.as_bytes(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let html = fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.ends_with("</html>\n"));
    assert!(html.contains("class=\"m m-lead\""), "{html}");
    assert!(html.contains("<tr data-go=\"p1\">"), "{html}");
    // The same page on stdout.
    let out = minsheng_with_stdin(&["parse", "-", "--format", "html"], NOTICE.as_bytes());
    assert_eq!(stdout(&out), html);
}

#[test]
fn html_format_refuses_a_batch() {
    let dir = batch(&["a.txt", "b.txt"]);
    let out = minsheng(&["parse", path_str(dir.path()), "--format", "html"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("--format html shows one input"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn review_format_refuses_a_batch() {
    let dir = batch(&["a.txt", "b.txt"]);
    let out = minsheng(&["parse", path_str(dir.path()), "--format", "review"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("--format review shows one input"),
        "{}",
        stderr(&out)
    );
}

const OLD_YEAR: &str = "corpus/district-2024-table.txt";
const NEW_YEAR: &str = "corpus/district-2025-inline.txt";

#[test]
fn diff_help_explains_inputs_formats_matching_and_exit_codes() {
    let out = minsheng(&["diff", "--help"]);
    assert_eq!(code(&out), 0);
    let help = stdout(&out);
    for word in [
        "OLD",
        "NEW",
        "JSON output",
        "--format",
        "json",
        "text",
        "csv",
        "--output",
        "--threshold",
        "--encoding",
        "--max-bytes",
        "--vocabulary",
        "Dice",
        "Exit status",
    ] {
        assert!(help.contains(word), "diff --help mentions {word}: {help}");
    }
    assert!(stdout(&minsheng(&["--help"])).contains("diff"));
}

#[test]
fn diff_writes_canonical_json_by_default() {
    let out = minsheng(&["diff", OLD_YEAR, NEW_YEAR]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("{\"categories\":"), "keys sorted: {text}");
    assert_eq!(text.lines().count(), 1, "canonical JSON is one line");
    assert!(text.ends_with("}\n"));
    let d = json(text);
    assert_eq!(d["diff_version"], 1);
    assert_eq!(d["old"]["name"], OLD_YEAR);
    assert_eq!(d["totals"]["continued"], 18);
    assert_eq!(d["totals"]["dropped"], 19);
    let summary = stderr(&out).lines().last().unwrap_or_default().to_string();
    assert!(
        summary.contains("18 continued") && summary.contains("19 dropped"),
        "{summary}"
    );
    let pretty = minsheng(&["diff", "--pretty", OLD_YEAR, NEW_YEAR]);
    assert!(stdout(&pretty).contains("\n  \"categories\": "));
    assert_eq!(json(stdout(&pretty)), d, "same content indented");
    let again = minsheng(&["diff", OLD_YEAR, NEW_YEAR]);
    assert_eq!(again.stdout, out.stdout, "byte-identical run to run");
}

#[test]
fn diff_text_is_a_table_for_people() {
    let out = minsheng(&["diff", "--format", "text", OLD_YEAR, NEW_YEAR]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let table = stdout(&out);
    for line in [
        "瑶海区 2024 → 瑶海区 2025",
        "18 continued (18 changed), 0 added, 19 dropped",
        "Continued projects (2024 → 2025, score)",
        "不低于277元/月/人 → 不低于285元/月/人 (+8)",
        "746间 → 520间 (-226)",
        "+ 区残联",
        "Dropped projects",
    ] {
        assert!(table.contains(line), "the table has “{line}”:\n{table}");
    }
    assert!(
        table.contains("…新增城镇就业[-1.15-]{+1.2+}万人左右"),
        "{table}"
    );
}

#[test]
fn diff_csv_has_one_row_per_project_pair_new_or_dropped() {
    let out = minsheng(&["diff", "--format", "csv", OLD_YEAR, NEW_YEAR]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"), "a BOM for Excel");
    let text = stdout(&out).trim_start_matches('\u{feff}');
    let mut reader = csv_rows(text);
    let header = reader.remove(0);
    assert_eq!(header[0], "status");
    assert_eq!(header.len(), minsheng::diff::CSV_COLUMNS.len());
    assert_eq!(reader.len(), 18 + 19, "18 pairs and 19 dropped");
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let seventh = reader
        .iter()
        .find(|r| r[column("new_number")] == "7")
        .unwrap();
    assert_eq!(seventh[column("status")], "continued");
    assert_eq!(seventh[column("old_number")], "11");
    assert_eq!(seventh[column("lead_units_added")], "区残联");
    assert!(seventh[column("target_changes")]
        .starts_with("不低于277元/月/人 → 不低于285元/月/人 (+8)；"));
    assert_eq!(reader.last().unwrap()[column("status")], "dropped");
}

/// Rows of a CSV text, quoted fields read as the csv crate writes them.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    rows
}

#[test]
fn diff_reads_our_json_output_as_the_notice_it_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("2024.json");
    let parsed = minsheng(&["parse", "-o", path_str(&saved), OLD_YEAR]);
    assert_eq!(code(&parsed), 0, "{}", stderr(&parsed));
    let from_json = minsheng(&["diff", path_str(&saved), NEW_YEAR]);
    assert_eq!(code(&from_json), 0, "{}", stderr(&from_json));
    let from_text = minsheng(&["diff", OLD_YEAR, NEW_YEAR]);
    assert_eq!(
        from_json.stdout, from_text.stdout,
        "the same diff, byte for byte"
    );
    // Pretty JSON, and a new year on stdin.
    let pretty = dir.path().join("2024-pretty.json");
    minsheng(&["parse", "--pretty", "-o", path_str(&pretty), OLD_YEAR]);
    let new_text = fs::read(format!("{ROOT}/{}", NEW_YEAR)).unwrap();
    let out = minsheng_with_stdin(&["diff", path_str(&pretty), "-"], &new_text);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(json(stdout(&out))["totals"]["continued"], 18);
    assert_eq!(json(stdout(&out))["new"]["name"], Value::Null);
}

#[test]
fn diff_o_writes_the_file_and_nothing_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("diff.csv");
    let out = minsheng(&[
        "diff",
        "--format",
        "csv",
        "-o",
        path_str(&target),
        OLD_YEAR,
        NEW_YEAR,
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(fs::read(&target).unwrap().starts_with(b"\xEF\xBB\xBF"));
}

#[test]
fn diff_usage_and_io_errors_exit_2() {
    let out = minsheng(&["diff", "no/such/2024.txt", NEW_YEAR]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("no/such/2024.txt"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
    assert_eq!(code(&minsheng(&["diff", OLD_YEAR])), 2, "NEW is required");
    assert_eq!(code(&minsheng(&["diff", "-", "-"])), 2, "one stdin");
    assert_eq!(
        code(&minsheng(&["diff", "--format", "xml", OLD_YEAR, NEW_YEAR])),
        2
    );
    assert_eq!(
        code(&minsheng(&[
            "diff",
            "--threshold",
            "1.5",
            OLD_YEAR,
            NEW_YEAR
        ])),
        2
    );
    let out = minsheng(&["diff", "-o", "no/such/dir/d.json", OLD_YEAR, NEW_YEAR]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));

    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.json");
    fs::write(&other, r#"{"name": "not a notice"}"#).unwrap();
    let out = minsheng(&["diff", path_str(&other), NEW_YEAR]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("not a minsheng notice"),
        "{}",
        stderr(&out)
    );
    let lines = dir.path().join("all.jsonl");
    let batch = minsheng(&[
        "parse",
        "--jsonl",
        "-o",
        path_str(&lines),
        OLD_YEAR,
        NEW_YEAR,
    ]);
    assert_eq!(code(&batch), 0, "{}", stderr(&batch));
    let out = minsheng(&["diff", path_str(&lines), NEW_YEAR]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("JSON Lines"), "{}", stderr(&out));
    // An output that is one of the inputs is refused before it is touched.
    let copy = dir.path().join("2025.txt");
    fs::copy(format!("{ROOT}/{}", NEW_YEAR), &copy).unwrap();
    let out = minsheng(&["diff", "-o", path_str(&copy), OLD_YEAR, path_str(&copy)]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        fs::read(&copy).unwrap(),
        fs::read(format!("{ROOT}/{}", NEW_YEAR)).unwrap()
    );
}

#[test]
fn diff_exits_1_when_a_notice_has_errors_or_warnings_under_strict() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    let mut bytes = NOTICE.as_bytes().to_vec();
    bytes.splice(0..0, *b"\xfd\n");
    fs::write(&bad, bytes).unwrap();
    let out = minsheng_with_stdin(&["diff", path_str(&bad), "-"], NOTICE.as_bytes());
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("[invalid-encoding]"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        json(stdout(&out))["totals"]["continued"],
        1,
        "still written"
    );

    let warned = dir.path().join("warned.txt");
    fs::write(&warned, WARNED).unwrap();
    let args = ["diff", path_str(&warned), "-"];
    assert_eq!(code(&minsheng_with_stdin(&args, NOTICE.as_bytes())), 0);
    let strict = ["diff", "--strict", path_str(&warned), "-"];
    assert_eq!(code(&minsheng_with_stdin(&strict, NOTICE.as_bytes())), 1);
    let quiet = minsheng_with_stdin(&["diff", "-q", path_str(&warned), "-"], NOTICE.as_bytes());
    assert!(stderr(&quiet).is_empty(), "{}", stderr(&quiet));
}

#[test]
fn schema_diff_prints_the_committed_diff_schema() {
    let out = minsheng(&["schema", "diff"]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        stdout(&out),
        fs::read_to_string(format!("{ROOT}/schema/diff.schema.json")).unwrap()
    );
    let notice = minsheng(&["schema"]);
    assert_eq!(
        stdout(&notice),
        fs::read_to_string(format!("{ROOT}/schema/notice.schema.json")).unwrap()
    );
}

/// A town's notice whose lead and support units come under labels of its
/// own, with a line its website adds under every notice.
const TOWN: &str = "附件\n\n一、就业增收\n\n1.新增城镇就业500人。（主抓单位：镇社会事务办；帮扶单位：镇财政所）\n本页面由镇党政办维护\n2.开展技能培训300人次。（主抓单位：镇劳保所）\n";

const TOWN_VOCABULARY: &str =
    "[labels]\nlead = [\"主抓单位\"]\nsupport = [\"帮扶单位\"]\n\n[filters]\nlines = ['^本页面由.+维护$']\n";

#[test]
fn a_vocabulary_file_reads_a_districts_own_labels_and_furniture() {
    let dir = tempfile::tempdir().unwrap();
    let vocabulary = dir.path().join("town.toml");
    fs::write(&vocabulary, TOWN_VOCABULARY).unwrap();
    // Without it, no unit is found: the town's labels are not a grammar's.
    let without = json(stdout(&minsheng_with_stdin(
        &["parse", "-"],
        TOWN.as_bytes(),
    )));
    let found = without["plan"]["projects"].as_array().unwrap();
    assert!(found
        .iter()
        .all(|p| p["lead_units"] == serde_json::json!([])));
    let out = minsheng_with_stdin(
        &["parse", "--vocabulary", path_str(&vocabulary), "-"],
        TOWN.as_bytes(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let notice = json(stdout(&out));
    let projects = &notice["plan"]["projects"];
    assert_eq!(
        projects[0]["lead_units"],
        serde_json::json!(["镇社会事务办"])
    );
    assert_eq!(
        projects[0]["support_units"],
        serde_json::json!(["镇财政所"])
    );
    assert_eq!(projects[1]["lead_units"], serde_json::json!(["镇劳保所"]));
    // The filtered line is furniture: not part of project 1, not reported.
    assert_eq!(projects[0]["text"], "新增城镇就业500人。");
    assert_eq!(notice["diagnostics"], serde_json::json!([]));
}

#[test]
fn a_bad_vocabulary_file_is_refused_with_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let vocabulary = dir.path().join("bad.toml");
    fs::write(
        &vocabulary,
        "[labels]\nlead = [\"主抓单位\"]\n\n[filters]\nlines = ['^来源(']\n",
    )
    .unwrap();
    let town = dir.path().join("town.txt");
    fs::write(&town, TOWN).unwrap();
    let town = path_str(&town);
    // The vocabulary is read before any input (so nothing on stdin, which
    // the tool would not read).
    for command in [
        &["parse", town][..],
        &["diff", town, "corpus/yaohai-2024.txt"][..],
    ] {
        let mut args = command.to_vec();
        args.splice(1..1, ["--vocabulary", path_str(&vocabulary)]);
        let out = minsheng(&args);
        assert_eq!(code(&out), 2);
        assert!(stdout(&out).is_empty());
        assert!(
            stderr(&out).contains("bad.toml`, line 5, column 11: the line filter “^来源(” is not a regular expression"),
            "{}",
            stderr(&out)
        );
    }
    let out = minsheng(&[
        "parse",
        "--vocabulary",
        "no-such.toml",
        "corpus/yaohai-2024.txt",
    ]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("cannot read the vocabulary `no-such.toml`"));
}

/// `--check` holds the parser to its promise: on the corpus notices no text
/// is read and lost, so the run exits as without it.
#[test]
fn check_finds_no_lost_text_in_the_corpus() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus");
    let out = minsheng(&[
        "parse",
        "--check",
        "--jsonl",
        "--quiet",
        root,
        "-o",
        "/dev/null",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!stderr(&out).contains("not accounted"), "{}", stderr(&out));
}

/// A line that is no part of a notice is said (`unparsed-text`), not lost.
#[test]
fn check_counts_a_stray_line_as_said_not_lost() {
    let out = minsheng_with_stdin(&["parse", "--check", "-"], "随便写的一行字\n".as_bytes());
    assert!(stderr(&out).contains("随便写的一行字"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("not accounted"), "{}", stderr(&out));
}
