//! The integration tests: one binary (each test binary links the whole
//! crate, so one is much faster to build than one per file). Run one file's
//! tests with its module name as the filter: `cargo test --test suite
//! keys::trial`, `cargo test --test suite corpus::`.
//!
//! The work-counting tests install their own global allocator and are a
//! binary of their own (`tests/scaling/`).

#[path = "../support/mod.rs"]
mod support;

mod corpus;
mod damaged;
mod decode;
mod diff;
mod facts;
mod html_reader;
mod keys;
mod mutation;
mod numeral_props;
mod numeral_spec;
mod quantity_spec;
mod regression;
#[cfg(feature = "schema")]
mod schema;
mod variations;
