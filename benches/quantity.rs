//! Throughput of `find_quantities` over every line of the seed notice.
//!
//! Run: `cargo bench --bench quantity -- --quick`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use minsheng::internals::quantity::find_quantities;

const SEED: &str = include_str!("../corpus/yaohai-2024.txt");

fn seed_lines(c: &mut Criterion) {
    let lines: Vec<&str> = SEED.lines().collect();
    let mut group = c.benchmark_group("find_quantities");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("yaohai-2024 lines", |b| {
        b.iter(|| {
            lines
                .iter()
                .map(|l| find_quantities(std::hint::black_box(l)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, seed_lines);
criterion_main!(benches);
