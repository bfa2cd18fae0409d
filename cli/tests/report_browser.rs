//! The HTML report in a real browser: every corpus notice's report opened
//! in headless Chromium, with no console error, no request, and as many
//! highlighted elements of each kind as the notice's JSON has; clicking a
//! project's row scrolls to its text; screenshots of each are saved (the
//! top of the page, and where clicking the last project took it).
//!
//! Runs only with `MINSHENG_BROWSER_TESTS=1` (CI without a browser still
//! passes; `.ci/run` installs Debian's `chromium` and sets it). The
//! browser is `MINSHENG_CHROMIUM` or `/usr/bin/chromium`; screenshots go to
//! `MINSHENG_SCREENSHOTS` or `target/report-screenshots/`.
#[path = "browser/cdp.rs"]
mod cdp;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

/// Highlights per kind (distinct `data-id`s), diagnostics beside lines,
/// project rows, elements not in the shown text, resources loaded.
const COUNTS: &str = r#"(() => {
  const kinds = {};
  document.querySelectorAll(".text span.m").forEach((e) => {
    const k = [...e.classList].find((c) => c.startsWith("m-")).slice(2);
    (kinds[k] = kinds[k] || new Set()).add(e.dataset.id);
  });
  const out = {};
  for (const k in kinds) out[k] = kinds[k].size;
  const hidden = [...document.querySelectorAll(".text span.m[id]")]
    .filter((e) => e.getClientRects().length === 0).length;
  return {
    kinds: out,
    notes: document.querySelectorAll(".text .notes .diag").length,
    listed: document.querySelectorAll(".side ul.diags li").length,
    rows: document.querySelectorAll("tr[data-go]").length,
    unshown: document.querySelectorAll(".unshown").length,
    hidden: hidden,
    resources: performance.getEntriesByType("resource").length,
  };
})()"#;

/// Click the project row `{K}` (from the end when negative); where its
/// text is after the scroll.
const CLICK: &str = r#"new Promise((done) => {
  const rows = document.querySelectorAll("tr[data-go]");
  if (rows.length === 0) { done(null); return; }
  window.scrollTo(0, 0);
  const k = {K};
  const row = rows[k < 0 ? Math.max(rows.length + k, 0) : Math.min(k, rows.length - 1)];
  const id = row.getAttribute("data-go");
  row.click();
  setTimeout(() => {
    const r = document.getElementById(id).getBoundingClientRect();
    done({ id: id, top: r.top, bottom: r.bottom, height: innerHeight, scrolled: scrollY,
           flashed: document.getElementById(id).classList.contains("flash"),
           current: row.classList.contains("current") });
  }, 100);
})"#;

#[test]
fn every_corpus_report_opens_in_chromium_with_its_counts() {
    if std::env::var("MINSHENG_BROWSER_TESTS").as_deref() != Ok("1") {
        eprintln!("skipped: set MINSHENG_BROWSER_TESTS=1 to open the reports in Chromium");
        return;
    }
    let root = &Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let chromium = std::env::var_os("MINSHENG_CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    let shots = std::env::var_os("MINSHENG_SCREENSHOTS")
        .map_or_else(|| root.join("target/report-screenshots"), PathBuf::from);
    std::fs::create_dir_all(&shots).unwrap();
    let work = tempfile::tempdir().unwrap();
    let mut notices: Vec<PathBuf> = std::fs::read_dir(root.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "html")))
        .collect();
    notices.sort();
    assert!(notices.len() >= 10, "{notices:?}");

    let mut browser = cdp::Browser::start(&chromium, &work.path().join("profile"));
    for domain in ["Page.enable", "Runtime.enable", "Log.enable"] {
        browser.call(domain, json!({}));
    }
    browser.call(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 1600, "height": 1000, "deviceScaleFactor": 1, "mobile": false }),
    );
    // The error watch sees an error: a page that logs one, and one whose
    // policy blocks a request, as the report's would.
    let probe = "data:text/html,<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'\"><img src=\"http://127.0.0.1:9/x.png\"><script>console.error('probe')</script>";
    browser.call("Page.navigate", json!({ "url": probe }));
    browser.wait_for("Page.loadEventFired");
    browser.eval("new Promise((done) => setTimeout(done, 100))");
    let seen = console_errors(&browser.events);
    assert!(
        seen.iter().any(|e| e.contains("probe")) && seen.len() >= 2,
        "the console watch missed the probe page's errors: {seen:?}"
    );
    let mut failures = Vec::new();
    for notice in &notices {
        let name = notice.file_name().unwrap().to_string_lossy().to_string();
        let page = work.path().join(format!("{name}.html"));
        let json = run(&["parse".as_ref(), notice.as_os_str()]);
        let json: Value = serde_json::from_slice(&json).expect("the JSON");
        run(&[
            "parse".as_ref(),
            "--format".as_ref(),
            "html".as_ref(),
            "-o".as_ref(),
            page.as_os_str(),
            notice.as_os_str(),
        ]);
        browser.events.clear();
        let url = format!("file://{}", page.display());
        browser.call("Page.navigate", json!({ "url": url }));
        browser.wait_for("Page.loadEventFired");
        browser.eval("new Promise((done) => setTimeout(done, 50))");
        let got = browser.eval(COUNTS);
        let want = expected(&json);
        let problems = compare(&got, &want);
        let click = browser.eval(&CLICK.replace("{K}", "-1"));
        let mut problems = problems;
        if !click.is_null() {
            let top = click["top"].as_f64().unwrap();
            let bottom = click["bottom"].as_f64().unwrap();
            let height = click["height"].as_f64().unwrap();
            let marked = click["flashed"] == true && click["current"] == true;
            if !(bottom > 0.0 && top < height && marked) {
                problems.push(format!(
                    "clicking a project did not bring its text into view: {click}"
                ));
            }
        }
        // A screenshot where a click takes the page (the seventh project,
        // whose row is in view in the table), then one of the top.
        browser.eval(&CLICK.replace("{K}", "6"));
        browser.eval("new Promise((done) => setTimeout(done, 400))");
        screenshot(&mut browser, &shots.join(format!("{name}.project.png")));
        browser.eval("window.scrollTo(0, 0)");
        let errors = console_errors(&browser.events);
        if !errors.is_empty() {
            problems.push(format!("console errors: {errors:?}"));
        }
        screenshot(&mut browser, &shots.join(format!("{name}.png")));
        eprintln!("{name}: {got}");
        if !problems.is_empty() {
            failures.push(format!("{name}:\n  {}", problems.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Save what the page shows as a PNG.
fn screenshot(browser: &mut cdp::Browser, path: &Path) {
    let shot = browser.call("Page.captureScreenshot", json!({ "format": "png" }));
    let png = cdp::base64(shot["data"].as_str().unwrap());
    assert!(png.starts_with(b"\x89PNG"), "{}: not a PNG", path.display());
    std::fs::write(path, png).unwrap();
}

/// Run the binary, which must succeed or report findings (0 or 1).
fn run(args: &[&std::ffi::OsStr]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_minsheng"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// What the JSON says the page must show.
fn expected(notice: &Value) -> Value {
    let projects = notice["plan"]["projects"].as_array().unwrap();
    let len = |v: &Value| v.as_array().map_or(0, Vec::len);
    let sum = |f: &dyn Fn(&Value) -> usize| projects.iter().map(f).sum::<usize>();
    let d = &notice["document"];
    let present = |v: &Value| usize::from(!v.is_null());
    let frame = present(&d["doc_number"])
        + present(&d["title"])
        + usize::from(len(&d["addressees"]) > 0)
        + present(&d["preamble"])
        + len(&d["sections"])
        + len(&d["attachment_list"])
        + present(&d["issuer"])
        + present(&d["date"])
        + len(&d["notes"])
        + len(&d["colophon"]);
    let diagnostics = notice["diagnostics"].as_array().unwrap();
    let unparsed = diagnostics
        .iter()
        .filter(|d| d["code"] == "unparsed-text")
        .count();
    json!({
        "kinds": {
            "project": projects.len(),
            "category": len(&notice["plan"]["categories"]),
            "untasked": len(&notice["plan"]["untasked"]),
            "target": sum(&|p| len(&p["targets"])),
            "measure": sum(&|p| len(&p["measures"])),
            "quantity": sum(&|p| p["measures"].as_array().unwrap().iter().map(|m| len(&m["quantities"])).sum()),
            "lead": sum(&|p| len(&p["lead_units"])),
            "support": sum(&|p| len(&p["support_units"])),
            "leader": sum(&|p| len(&p["leaders"])),
            "frame": frame,
            "unplaced": unparsed,
        },
        "notes": diagnostics.len(),
        "listed": diagnostics.len(),
        "rows": projects.len(),
        "unshown": 0,
        "hidden": 0,
        "resources": 0,
    })
}

/// Each difference between what the page shows and what it must.
fn compare(got: &Value, want: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for (kind, n) in want["kinds"].as_object().unwrap() {
        let shown = got["kinds"].get(kind).and_then(Value::as_u64).unwrap_or(0);
        if Some(shown) != n.as_u64() {
            problems.push(format!("{kind}: {shown} highlighted, the JSON has {n}"));
        }
    }
    for key in ["notes", "listed", "rows", "unshown", "hidden", "resources"] {
        if got[key] != want[key] {
            problems.push(format!(
                "{key}: {} on the page, expected {}",
                got[key], want[key]
            ));
        }
    }
    problems
}

/// Console errors, uncaught exceptions and error log entries (a blocked
/// request is one: the page's policy forbids them).
fn console_errors(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e["method"].as_str()? {
            "Runtime.exceptionThrown" => Some(e["params"]["exceptionDetails"].to_string()),
            "Runtime.consoleAPICalled"
                if matches!(
                    e["params"]["type"].as_str(),
                    Some("error" | "assert" | "warning")
                ) =>
            {
                Some(e["params"]["args"].to_string())
            }
            "Log.entryAdded"
                if matches!(
                    e["params"]["entry"]["level"].as_str(),
                    Some("error" | "warning")
                ) =>
            {
                Some(e["params"]["entry"].to_string())
            }
            _ => None,
        })
        .collect()
}
