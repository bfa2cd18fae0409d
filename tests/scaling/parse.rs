//! Work grows linearly with the input (issue 10): every hostile shape of
//! `tests/support/shapes.rs` parsed at size N and 4N allocates under 8 times as
//! many bytes, holds under 8 times as many at its peak, and writes under 8
//! times as much JSON. Counted by a counting allocator, which is exact and
//! the same on every run; time is never asserted (the bench
//! `benches/scaling.rs` measures it, PERF.md has the figures). A quadratic
//! table or a buffer per pair of lines shows here as a ratio near 16.

use crate::counting;

#[allow(dead_code)]
#[path = "../support/shapes.rs"]
mod shapes;

/// Bytes allocated, peak bytes live, and bytes of JSON written.
fn cost(bytes: &[u8]) -> (usize, usize, usize) {
    let (json, usage) = counting::measure(|| {
        let parsed = minsheng::parse_bytes(bytes, &minsheng::Options::default());
        let mut out = counting::Sink::default();
        minsheng::emit::write(&mut out, &parsed.notice, false).expect("a sink cannot fail");
        out.bytes
    });
    (usage.total, usage.peak, json)
}

#[test]
fn every_shape_at_four_times_the_size_costs_under_eight_times_as_much() {
    let mut report = Vec::new();
    for shape in shapes::all() {
        let small = (shape.make)(shape.test_n);
        let large = (shape.make)(shape.test_n * 4);
        let (total1, peak1, out1) = cost(&small);
        let (total4, peak4, out4) = cost(&large);
        let ratio = |a: usize, b: usize| b as f64 / a.max(1) as f64;
        let (t, p, o) = (
            ratio(total1, total4),
            ratio(peak1, peak4),
            ratio(out1, out4),
        );
        report.push(format!(
            "{}: allocated ×{t:.2}, peak ×{p:.2}, output ×{o:.2}",
            shape.name
        ));
        assert!(
            t < 8.0 && p < 8.0 && o < 8.0,
            "{} ({}) at {} and {} bytes: {}",
            shape.name,
            shape.what,
            small.len(),
            large.len(),
            report.last().map_or("", String::as_str)
        );
    }
    println!("{}", report.join("\n"));
}
