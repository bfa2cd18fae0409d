//! An embedder's own types, beside minsheng: a cell of a spreadsheet it
//! reads, a number or a text.
//!
//! With serde_json's `arbitrary_precision` turned on anywhere in a build
//! (minsheng did, before), serde's untagged enums see every JSON number as
//! a map and `Cell::Number` never matches. The tests here run with
//! minsheng as a plain dependency, the way `cargo add minsheng` gives it.

use serde::Deserialize;

/// A spreadsheet cell as an embedder might type it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    /// A number.
    Number(f64),
    /// Anything else.
    Text(String),
}

/// The project count of a notice, so the crate links minsheng for real.
pub fn projects_in(text: &str) -> usize {
    minsheng::parse(text).plan.projects.len()
}
