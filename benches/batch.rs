//! Single-threaded throughput over a batch of ~100 MB built from the corpus
//! files: every file parsed (`parse_bytes`) and emitted (`emit::canonical`)
//! in turn, the corpus cycled until 100 MB have been read. A plain timer, not
//! criterion: one pass takes seconds; the best and median of a few passes are
//! printed.
//!
//! Run: `cargo bench --bench batch` (`BATCH_MB=…`, `BATCH_RUNS=…` to change).

use std::hint::black_box;
use std::time::Instant;

const CORPUS: [&str; 5] = [
    include_str!("../corpus/yaohai-2024.txt"),
    include_str!("../corpus/yaohai-2024-wrapped.txt"),
    include_str!("../corpus/district-2024-table.txt"),
    include_str!("../corpus/district-2025-inline.txt"),
    include_str!("../corpus/yaohai-2024-page.html"),
];

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    // `cargo bench` passes `--bench`; a filter that does not match skips us.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if !args.is_empty() && !args.iter().any(|a| "batch".contains(a.as_str())) {
        return;
    }
    let target = env("BATCH_MB", 100) * 1_000_000;
    let runs = env("BATCH_RUNS", 3).max(1);
    let mut batch: Vec<&[u8]> = Vec::new();
    let mut total = 0;
    while total < target {
        for text in CORPUS {
            batch.push(text.as_bytes());
            total += text.len();
        }
    }
    let options = minsheng::Options::default();
    let mut seconds = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let mut out = 0usize;
        for input in &batch {
            let parsed = minsheng::parse_bytes(black_box(input), &options);
            out += minsheng::emit::canonical(&parsed.notice).len();
        }
        black_box(out);
        seconds.push(start.elapsed().as_secs_f64());
    }
    seconds.sort_by(f64::total_cmp);
    let mb = total as f64 / 1e6;
    let best = seconds[0];
    let median = seconds[seconds.len() / 2];
    println!(
        "batch: {} files, {mb:.1} MB, {runs} runs: best {best:.2} s ({:.1} MB/s), median {median:.2} s ({:.1} MB/s), one thread",
        batch.len(),
        mb / best,
        mb / median
    );
}
