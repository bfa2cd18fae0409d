//! Scaling of time and memory (issue 10): each shape of
//! `tests/support/shapes.rs` parsed (and written as canonical JSON) at size
//! N and 4N; prints the time ratio (linear ≈ 4×, the aim under 8×) and the
//! peak heap (a counting allocator: exact, per thread) as a multiple of the
//! input. Figures are in PERF.md.
//!
//! Run: `cargo bench --bench scaling` (release), or name shapes:
//! `cargo bench --bench scaling -- gbk_cut yi_sections`.

use std::time::{Duration, Instant};

#[allow(dead_code)]
#[path = "../tests/support/counting.rs"]
mod counting;
#[allow(dead_code)]
#[path = "../tests/support/shapes.rs"]
mod shapes;

#[global_allocator]
static ALLOCATOR: counting::Counting = counting::Counting;

/// Parse and emit, as the CLI does for one file.
fn run(bytes: &[u8]) -> usize {
    let parsed = minsheng::parse_bytes(bytes, &minsheng::Options::default());
    // Streamed, as the CLI writes a file: only its length is kept.
    let mut out = counting::Sink::default();
    let _ = minsheng::emit::write(&mut out, &parsed.notice, false);
    out.bytes
}

/// Best of a few runs (fewer when slow), and the peak heap of one.
fn time(bytes: &[u8]) -> (Duration, usize) {
    let (_, usage) = counting::measure(|| run(bytes));
    let mut best = Duration::MAX;
    let started = Instant::now();
    for _ in 0..5 {
        let t = Instant::now();
        std::hint::black_box(run(bytes));
        best = best.min(t.elapsed());
        if started.elapsed() > Duration::from_secs(3) {
            break;
        }
    }
    (best, usage.peak)
}

fn main() {
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    println!(
        "{:<28} {:>10} {:>10} {:>10} {:>10} {:>6} {:>8} {:>8}",
        "shape", "N bytes", "N time", "4N bytes", "4N time", "ratio", "peak/in", "4N p/in"
    );
    for shape in shapes::all() {
        if !wanted.is_empty() && !wanted.iter().any(|w| shape.name.contains(w.as_str())) {
            continue;
        }
        let small = (shape.make)(shape.bench_n);
        let large = (shape.make)(shape.bench_n * 4);
        let (t1, p1) = time(&small);
        let (t4, p4) = time(&large);
        println!(
            "{:<28} {:>10} {:>8.1}ms {:>10} {:>8.1}ms {:>5.2}× {:>7.1}× {:>7.1}×",
            shape.name,
            small.len(),
            t1.as_secs_f64() * 1e3,
            large.len(),
            t4.as_secs_f64() * 1e3,
            t4.as_secs_f64() / t1.as_secs_f64(),
            p1 as f64 / small.len() as f64,
            p4 as f64 / large.len() as f64,
        );
    }
}
