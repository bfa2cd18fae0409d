//! A fuzzing loop on stable Rust: mutate seed notices at random and run the
//! fuzz target's checks on each, for a given time. No coverage guidance, so
//! the mutations are notice-aware (lines, CJK, punctuation width, GBK,
//! UTF-16, BOMs, truncation mid-character) rather than blind bit flips.
//!
//! ```text
//! cargo run --release --bin stress -- [--seconds N] [--seed S] [SEED_DIR_OR_FILE...]
//! ```
//! Inputs that panic are written to `artifacts/stress/crash-<hash>` and
//! replay with `cargo run --bin parse_bytes -- artifacts/stress`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// xorshift64*: small, fast, reproducible from `--seed`.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const TOKENS: &[&str] = &[
    "附件",
    "附件 1\n",
    "附件：",
    "一、",
    "（一）",
    "（1）",
    "1.",
    "⑴",
    "①",
    "（牵头单位：",
    "；责任单位：",
    "配合单位：",
    "）",
    "万元",
    "万人",
    "1.15",
    "不低于",
    "以上",
    "余",
    "左右",
    "%",
    "元/月/人",
    "〔2024〕",
    "号",
    "\n",
    "\r\n",
    "\r",
    "\x0C",
    "— 3 —",
    "　",
    "。",
    "，",
    "、",
    "：",
    "项",
    "（12 项）",
    "二〇二四年四月二十四日",
    "\u{FEFF}",
    "\u{FFFD}",
    "\u{200B}",
    "\0",
    "\x7F",
    "\u{85}",
    "⼀",
    "𠀀",
    "é",
    "<p>",
    "&nbsp;",
    "<table>",
];

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], input: &mut Vec<u8>) {
    let len = input.len();
    match rng.below(14) {
        0 => input.truncate(rng.below(len + 1)),
        1 if len > 0 => {
            let at = rng.below(len);
            input[at] ^= 1 << rng.below(8);
        }
        2 => {
            let at = rng.below(len + 1);
            let n = 1 + rng.below(16);
            let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            input.splice(at..at, bytes);
        }
        3..=5 => {
            let at = char_boundary(input, rng.below(len + 1));
            let token = rng.pick(TOKENS).as_bytes().to_vec();
            input.splice(at..at, token);
        }
        6 if len > 0 => {
            let start = rng.below(len);
            let end = (start + 1 + rng.below(256)).min(len);
            input.drain(start..end);
        }
        7 if len > 0 => {
            let start = rng.below(len);
            let end = (start + 1 + rng.below(512)).min(len);
            let copy = input[start..end].to_vec();
            let at = rng.below(input.len() + 1);
            input.splice(at..at, copy);
        }
        8 => {
            let other = rng.pick(seeds);
            if !other.is_empty() {
                let start = rng.below(other.len());
                let end = (start + rng.below(2048)).min(other.len());
                let at = rng.below(len + 1);
                input.splice(at..at, other[start..end].iter().copied());
            }
        }
        9 => lines(rng, input),
        10 => widths(rng, input),
        11 => reencode(rng, input),
        12 => {
            let cjk = char::from_u32(0x4E00 + rng.below(0x5200) as u32).unwrap_or('民');
            let at = char_boundary(input, rng.below(len + 1));
            let mut buf = [0; 4];
            input.splice(at..at, cjk.encode_utf8(&mut buf).bytes());
        }
        _ => {
            let boms: [&[u8]; 3] = [b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"];
            input.splice(0..0, rng.pick(&boms).iter().copied());
        }
    }
}

fn char_boundary(input: &[u8], mut at: usize) -> usize {
    while at < input.len() && (input[at] & 0xC0) == 0x80 {
        at += 1;
    }
    at
}

/// Delete, duplicate or swap whole lines.
fn lines(rng: &mut Rng, input: &mut Vec<u8>) {
    let mut lines: Vec<Vec<u8>> = input
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect();
    if lines.is_empty() {
        return;
    }
    let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
    match rng.below(3) {
        0 => {
            lines.remove(a);
        }
        1 => lines.insert(a, lines[b].clone()),
        _ => lines.swap(a, b),
    }
    *input = lines.concat();
}

/// Full-width punctuation to half-width or back, throughout.
fn widths(rng: &mut Rng, input: &mut Vec<u8>) {
    let Ok(text) = std::str::from_utf8(input) else {
        return;
    };
    let pairs = [
        ("（", "("),
        ("）", ")"),
        ("：", ":"),
        ("，", ","),
        ("；", ";"),
        ("　", " "),
    ];
    let (from, to) = *rng.pick(&pairs);
    let text = if rng.below(2) == 0 {
        text.replace(from, to)
    } else {
        text.replace(to, from)
    };
    *input = text.into_bytes();
}

/// UTF-8 text to GB18030 (with CRLF) or UTF-16 with or without a BOM.
fn reencode(rng: &mut Rng, input: &mut Vec<u8>) {
    let Ok(text) = std::str::from_utf8(input) else {
        return;
    };
    *input = match rng.below(3) {
        0 => encoding_rs::GB18030
            .encode(&text.replace('\n', "\r\n"))
            .0
            .into_owned(),
        1 => {
            let mut out = if rng.below(2) == 0 {
                vec![0xFF, 0xFE]
            } else {
                Vec::new()
            };
            out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            out
        }
        _ => {
            let mut out = vec![0xFE, 0xFF];
            out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
            out
        }
    };
}

fn hash(data: &[u8]) -> u64 {
    // FNV-1a: a stable name for a crash file.
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}

fn main() {
    let mut seconds = 60u64;
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => {
                seconds = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .expect("--seconds N")
            }
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).expect("--seed S"),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    if paths.is_empty() {
        paths = vec![PathBuf::from("../corpus"), PathBuf::from("seeds")];
    }
    let mut files = Vec::new();
    for p in &paths {
        minsheng_fuzz::collect(p, &mut files);
    }
    files.sort();
    let seeds: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
    assert!(!seeds.is_empty(), "no seed files under {paths:?}");
    println!("{} seeds, {seconds} s, seed {seed}", seeds.len());

    // Panics are counted and saved, not printed one by one.
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed | 1);
    let (start, limit) = (Instant::now(), Duration::from_secs(seconds));
    let (mut execs, mut crashes, mut bytes) = (0u64, 0u64, 0u64);
    let mut next_report = Duration::from_secs(30);
    while start.elapsed() < limit {
        let mut input = rng.pick(&seeds).clone();
        for _ in 0..1 + rng.below(8) {
            mutate(&mut rng, &seeds, &mut input);
        }
        execs += 1;
        bytes += input.len() as u64;
        if catch_unwind(AssertUnwindSafe(|| minsheng_fuzz::check(&input))).is_err() {
            crashes += 1;
            let dir = PathBuf::from("artifacts/stress");
            std::fs::create_dir_all(&dir).expect("create artifacts/stress");
            let path = dir.join(format!("crash-{:016x}", hash(&input)));
            std::fs::write(&path, &input).expect("write crash file");
            println!("crash #{crashes}: {}", path.display());
        }
        if start.elapsed() >= next_report {
            println!(
                "{:>6} s: {execs} execs, {crashes} crashes",
                start.elapsed().as_secs()
            );
            next_report += Duration::from_secs(30);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "done: {execs} execs in {secs:.0} s ({:.0}/s, {:.1} MB parsed), {crashes} crashes",
        execs as f64 / secs,
        bytes as f64 / 1e6
    );
    if crashes > 0 {
        std::process::exit(1);
    }
}
