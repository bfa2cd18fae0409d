//! Speed of the whole parser and of its stages (see PERF.md for figures).
//!
//! Run: `cargo bench --bench parse` (all), or filter, e.g.
//! `cargo bench --bench parse -- scaling`.
//!
//! - `parse/*`: `parse_bytes` + `emit::canonical` on each corpus file.
//! - `stages/*`: the seed through one stage at a time. The structure stage
//!   (blocks → `Notice`) is private (`assemble`), so it is measured as
//!   `stages/parse_bytes` (every stage up to the `Notice`) minus `decode`,
//!   `source_index` and `read_text`.
//! - `scaling/*`: the seed's text repeated 1×, 10×, 100× (one notice with
//!   many copies of its attachments); one very long line; many copies of one
//!   attachment. Time per byte must stay flat.
//!
//! The ~100 MB batch is `benches/batch.rs`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use minsheng::internals::{decode, normalize};
use minsheng::{emit, Options, SourceText};

const SEED: &str = include_str!("../corpus/yaohai-2024.txt");
const CORPUS: [(&str, &str); 5] = [
    ("yaohai-2024.txt", SEED),
    (
        "yaohai-2024-wrapped.txt",
        include_str!("../corpus/yaohai-2024-wrapped.txt"),
    ),
    (
        "district-2024-table.txt",
        include_str!("../corpus/district-2024-table.txt"),
    ),
    (
        "district-2025-inline.txt",
        include_str!("../corpus/district-2025-inline.txt"),
    ),
    (
        "yaohai-2024-page.html",
        include_str!("../corpus/yaohai-2024-page.html"),
    ),
];

fn parse_and_emit(bytes: &[u8]) -> usize {
    let parsed = minsheng::parse_bytes(bytes, &Options::default());
    emit::canonical(&parsed.notice).len()
}

fn corpus(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for (name, text) in CORPUS {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(name),
            text.as_bytes(),
            |b, t| b.iter(|| parse_and_emit(black_box(t))),
        );
    }
    group.finish();
}

fn stages(c: &mut Criterion) {
    let bytes = SEED.as_bytes();
    let options = Options::default();
    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("decode", |b| {
        b.iter(|| decode::decode(black_box(bytes), options.encoding))
    });
    group.bench_function("source_index", |b| {
        b.iter(|| SourceText::new(black_box(SEED).to_string(), minsheng::model::Encoding::Utf8))
    });
    let source = SourceText::new(SEED.to_string(), minsheng::model::Encoding::Utf8);
    group.bench_function("read_text", |b| {
        b.iter(|| normalize::read_text(black_box(&source)))
    });
    group.bench_function("parse_bytes", |b| {
        b.iter(|| minsheng::parse_bytes(black_box(bytes), &options))
    });
    let notice = minsheng::parse_bytes(bytes, &options).notice;
    group.bench_function("emit_canonical", |b| {
        b.iter(|| emit::canonical(black_box(&notice)))
    });
    group.bench_function("emit_pretty", |b| {
        b.iter(|| emit::pretty(black_box(&notice)))
    });
    group.finish();
}

/// The seed's lines `from..to` (1-based, inclusive).
fn seed_lines(from: usize, to: usize) -> String {
    let mut out = String::new();
    for line in SEED.lines().skip(from - 1).take(to + 1 - from) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A notice whose one project is a single line of about `bytes` bytes.
fn long_line(bytes: usize) -> String {
    let sentence = "促进重点群体稳定就业，新增城镇就业 1.15 万人左右，“三公里”充分就业社区数量达到城市社区的 75%。";
    let mut text =
        String::from("附件 1\n\n瑶海区 2024 年 1 项民生实事\n\n一、促进就业（1 项）\n\n（1）");
    while text.len() < bytes {
        text.push_str(sentence);
    }
    text.push_str("（牵头单位：区人社局）\n");
    text
}

/// The seed's body and then `n` copies of its 附件 1 (the project list).
fn many_copies(n: usize) -> String {
    let body = seed_lines(1, 31);
    let attachment = seed_lines(32, 145);
    let mut text = body;
    for _ in 0..n {
        text.push_str(&attachment);
    }
    text
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    let mut inputs: Vec<(String, String)> = Vec::new();
    for n in [1, 10, 100] {
        inputs.push((format!("seed_x{n}"), SEED.repeat(n)));
    }
    for kb in [100, 1000] {
        inputs.push((format!("long_line_{kb}KB"), long_line(kb * 1000)));
    }
    for n in [10, 100] {
        inputs.push((format!("copies_x{n}"), many_copies(n)));
    }
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(name),
            text.as_bytes(),
            |b, t| b.iter(|| parse_and_emit(black_box(t))),
        );
    }
    group.finish();
}

criterion_group!(benches, corpus, stages, scaling);
criterion_main!(benches);
