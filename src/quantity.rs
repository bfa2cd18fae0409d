//! Placeholder until the quantity grammar lands.
use crate::decimal::Decimal;
use crate::model::Comparator;

/// A quantity found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityMatch {
    /// Byte range of the phrase.
    pub range: std::ops::Range<usize>,
    /// The phrase.
    pub text: String,
    /// Value.
    pub value: Decimal,
    /// Unit.
    pub unit: String,
    /// Comparator.
    pub cmp: Comparator,
    /// Range minimum.
    pub min: Option<Decimal>,
    /// Range maximum.
    pub max: Option<Decimal>,
    /// Change start.
    pub from: Option<Decimal>,
}

/// Quantities in a text.
pub fn find_quantities(_text: &str) -> Vec<QuantityMatch> {
    Vec::new()
}
