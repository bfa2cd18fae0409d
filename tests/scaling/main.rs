//! Work grows linearly with the input: counted by a counting allocator,
//! which is exact and the same on every run (per thread, so the tests may
//! run in parallel); time is never asserted. A binary of its own, apart
//! from `tests/suite/`, for its global allocator.

#[path = "../support/counting.rs"]
mod counting;

mod diff;
mod parse;

#[global_allocator]
static ALLOCATOR: counting::Counting = counting::Counting;
