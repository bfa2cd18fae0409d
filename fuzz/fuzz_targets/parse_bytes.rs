//! `parse_bytes` never panics, its positions stay in bounds and its canonical
//! JSON reads back. Under cargo-fuzz this is a libFuzzer target; built on
//! stable (no `--cfg fuzzing`) it is a program that replays files:
//! `cargo run --bin parse_bytes -- corpus/parse_bytes artifacts/parse_bytes`.
#![cfg_attr(fuzzing, no_main)]
#![forbid(unsafe_code)]

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| minsheng_fuzz::check(data));

#[cfg(not(fuzzing))]
fn main() -> std::process::ExitCode {
    minsheng_fuzz::replay_main(minsheng_fuzz::check)
}
