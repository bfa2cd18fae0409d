//! Speed of `minsheng::diff` (issue 14): two made-up plans of 1,000
//! projects each (`tests/support/plans.rs`: skewed vocabulary, 80 %
//! continued and shuffled), and 250 and 4,000 to show how it grows; and the
//! real 瑶海区 pair. Parsing is outside the timing. Figures are in PERF.md.
//!
//! Run: `cargo bench --bench diff -- --noplot`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

#[allow(dead_code)]
#[path = "../tests/support/plans.rs"]
mod plans;

fn made_up(c: &mut Criterion) {
    let mut group = c.benchmark_group("diff");
    for n in [250, 1000, 4000] {
        let years = plans::two_years(n);
        let old = minsheng::parse(&years.old);
        let new = minsheng::parse(&years.new);
        group.bench_with_input(BenchmarkId::new("projects", n), &n, |b, _| {
            b.iter(|| minsheng::diff(black_box(&old), black_box(&new)))
        });
        if n == 1000 {
            group.bench_function("projects/1000+json", |b| {
                b.iter(|| {
                    minsheng::emit::to_canonical(&minsheng::diff(black_box(&old), black_box(&new)))
                        .len()
                })
            });
        }
    }
    let old = minsheng::parse(include_str!("../corpus/district-2024-table.txt"));
    let new = minsheng::parse(include_str!("../corpus/district-2025-inline.txt"));
    group.bench_function("yaohai-2024-2025", |b| {
        b.iter(|| minsheng::diff(black_box(&old), black_box(&new)))
    });
    group.finish();
}

criterion_group!(benches, made_up);
criterion_main!(benches);
