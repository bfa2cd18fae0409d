//! An exact decimal number for targets: `1.15 万` is exactly 11500.
//!
//! Values are `mantissa × 10^-scale` with an `i128` mantissa, kept normalized
//! (no trailing zeros in the fraction), so equal values are equal structs and
//! print one way. The JSON form is the shortest exact decimal (`11500`,
//! `99.985`, `0.5`), written as a JSON number without passing through `f64`
//! by our writer ([`crate::emit`]). Through any other serde serializer a
//! value is the format's integer or float when that is exact, else its
//! exact text as a string (see [`Decimal`]'s `Serialize`); read back, JSON
//! numbers keep their own digits.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// An exact decimal.
///
/// ```
/// use minsheng::Decimal;
/// let v: Decimal = "1.15".parse().unwrap();
/// assert_eq!(v.scale_pow10(4).to_string(), "11500");
/// assert_eq!("0.2586".parse::<Decimal>().unwrap().scale_pow10(4).to_string(), "2586");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

/// Largest power of ten kept in the fraction; beyond it digits are dropped.
const MAX_SCALE: u32 = 28;

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    /// `mantissa × 10^-scale`, normalized.
    pub fn new(mantissa: i128, scale: u32) -> Decimal {
        Decimal { mantissa, scale }.normalized()
    }

    /// An integer value.
    pub fn from_int(n: i128) -> Decimal {
        Decimal::new(n, 0)
    }

    fn normalized(mut self) -> Decimal {
        if self.mantissa == 0 {
            return Decimal::ZERO;
        }
        // At most 38 rounds: a non-zero i128 has no more trailing zeros.
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        if self.mantissa == 0 {
            self.scale = 0;
        }
        self
    }

    /// The mantissa and scale (`value = mantissa × 10^-scale`).
    pub fn parts(self) -> (i128, u32) {
        (self.mantissa, self.scale)
    }

    /// True when the value has no fractional part.
    pub fn is_integer(self) -> bool {
        self.scale == 0
    }

    /// The value as an integer, if it is one and fits.
    pub fn to_i128(self) -> Option<i128> {
        (self.scale == 0).then_some(self.mantissa)
    }

    /// Multiply by `10^exp` exactly (saturating on overflow, which needs
    /// numbers beyond 10^38 and does not occur in notices).
    pub fn scale_pow10(self, exp: u32) -> Decimal {
        if exp <= self.scale {
            return Decimal::new(self.mantissa, self.scale - exp);
        }
        let up = exp - self.scale;
        let factor = 10i128.checked_pow(up).unwrap_or(i128::MAX);
        Decimal::new(self.mantissa.saturating_mul(factor), 0)
    }

    /// Exact sum (saturating).
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let a = self
            .mantissa
            .checked_mul(10i128.checked_pow(scale - self.scale)?)?;
        let b = other
            .mantissa
            .checked_mul(10i128.checked_pow(scale - other.scale)?)?;
        Some(Decimal::new(a.checked_add(b)?, scale))
    }

    /// Exact product, `None` on overflow.
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let m = self.mantissa.checked_mul(other.mantissa)?;
        let scale = self.scale.checked_add(other.scale)?;
        if scale > MAX_SCALE * 2 {
            return None;
        }
        Some(Decimal::new(m, scale))
    }

    /// Parse ASCII digits with an optional sign and decimal point
    /// (`"12"`, `"-0.5"`, `"99.9850"`). Thousands separators are not
    /// accepted here; the numeral grammar removes them.
    pub fn parse_ascii(s: &str) -> Option<Decimal> {
        let (neg, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, f),
            None => (body, ""),
        };
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let frac = &frac[..frac.len().min(MAX_SCALE as usize)];
        let mut m: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            m = m.checked_mul(10)?.checked_add((b - b'0') as i128)?;
        }
        Some(Decimal::new(if neg { -m } else { m }, frac.len() as u32))
    }
}

impl FromStr for Decimal {
    type Err = ParseDecimalError;
    fn from_str(s: &str) -> Result<Decimal, ParseDecimalError> {
        Decimal::parse_ascii(s).ok_or(ParseDecimalError)
    }
}

/// The text is not a plain decimal number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseDecimalError;

impl fmt::Display for ParseDecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("expected a decimal number such as 12 or 99.985")
    }
}

impl std::error::Error for ParseDecimalError {}

impl Ord for Decimal {
    /// By value, exactly, for any mantissas and scales: by sign, then by
    /// order of magnitude (digits before the point), then digit by digit.
    fn cmp(&self, other: &Decimal) -> Ordering {
        let sign = self.mantissa.signum().cmp(&other.mantissa.signum());
        if sign != Ordering::Equal || self.mantissa == 0 {
            return sign;
        }
        let magnitude = compare_magnitudes(
            (self.mantissa.unsigned_abs(), self.scale),
            (other.mantissa.unsigned_abs(), other.scale),
        );
        if self.mantissa < 0 {
            magnitude.reverse()
        } else {
            magnitude
        }
    }
}

/// Compare `a.0 × 10^-a.1` with `b.0 × 10^-b.1`, both mantissas non-zero.
fn compare_magnitudes(a: (u128, u32), b: (u128, u32)) -> Ordering {
    // The position of the leading digit: digits − scale.
    let order = |(m, scale): (u128, u32)| i64::from(m.ilog10()) - i64::from(scale);
    match order(a).cmp(&order(b)) {
        Ordering::Equal => {}
        unequal => return unequal,
    }
    // Same leading position, so the scales differ by less than 39 and the
    // mantissa with the smaller scale widened has the other's digit count:
    // if that overflows, it is the larger.
    let (wide, narrow, flip) = if a.1 <= b.1 {
        (a, b, false)
    } else {
        (b, a, true)
    };
    let widened = 10u128
        .checked_pow(narrow.1 - wide.1)
        .and_then(|f| wide.0.checked_mul(f));
    let ordering = match widened {
        Some(w) => w.cmp(&narrow.0),
        None => Ordering::Greater,
    };
    if flip {
        ordering.reverse()
    } else {
        ordering
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Decimal {
    /// The shortest exact form, as ECMAScript prints numbers (RFC 8785):
    /// plain digits below 10^21, exponent form from there on, and from
    /// 10^-7 downwards.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mantissa == 0 {
            return f.write_str("0");
        }
        if self.mantissa < 0 {
            f.write_str("-")?;
        }
        let all = self.mantissa.unsigned_abs().to_string();
        // value = 0.digits × 10^n, digits without trailing zeros
        let n = all.len() as i64 - self.scale as i64;
        let digits = all.trim_end_matches('0');
        let k = digits.len() as i64;
        if k <= n && n <= 21 {
            f.write_str(digits)?;
            for _ in 0..(n - k) {
                f.write_str("0")?;
            }
            Ok(())
        } else if 0 < n && n <= 21 {
            write!(f, "{}.{}", &digits[..n as usize], &digits[n as usize..])
        } else if -6 < n && n <= 0 {
            f.write_str("0.")?;
            for _ in 0..(-n) {
                f.write_str("0")?;
            }
            f.write_str(digits)
        } else {
            let e = n - 1;
            let sign = if e < 0 { '-' } else { '+' };
            if k == 1 {
                write!(f, "{digits}e{sign}{}", e.abs())
            } else {
                write!(f, "{}.{}e{sign}{}", &digits[..1], &digits[1..], e.abs())
            }
        }
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// The name of the newtype a [`Decimal`] serializes as. Serializers pass a
/// newtype through to what it holds; our JSON writer ([`crate::emit`])
/// knows the name and writes the exact digits as a JSON number.
pub(crate) const DECIMAL_TOKEN: &str = "$minsheng::Decimal";

/// The name under which serde_json (feature `raw_value`) hands a value's
/// JSON text to a deserializer that asks for it.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// The struct name serde_json gives its numbers when an embedder turns its
/// `arbitrary_precision` feature on (we do not): one field, the digits.
const ARBITRARY_NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// How a [`Decimal`] appears to a serializer: the format's own number
/// where that number is exact, else the exact text.
enum Repr {
    Int(i64),
    Float(f64),
    Text(String),
}

impl Decimal {
    fn repr(self) -> Repr {
        if let Some(n) = self.to_i128().and_then(|n| i64::try_from(n).ok()) {
            return Repr::Int(n);
        }
        let text = self.to_string();
        match text.parse::<f64>() {
            Ok(f) if f.is_finite() && Decimal::from_f64_shortest(f) == Some(self) => Repr::Float(f),
            _ => Repr::Text(text),
        }
    }

    /// The decimal an `f64` prints as (its shortest round-trip digits):
    /// `99.985_f64` is `99.985`. `None` for NaN, infinities and values
    /// beyond what a `Decimal` holds.
    fn from_f64_shortest(f: f64) -> Option<Decimal> {
        if !f.is_finite() {
            return None;
        }
        parse_json_number(&format!("{f:e}")).ok()
    }
}

impl serde::Serialize for Repr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Repr::Int(n) => s.serialize_i64(*n),
            Repr::Float(f) => s.serialize_f64(*f),
            Repr::Text(t) => s.serialize_str(t),
        }
    }
}

impl serde::Serialize for Decimal {
    /// Through any serializer, a `Decimal` is the format's number when that
    /// number is exact: an integer when it fits an `i64` (`11500`), else an
    /// `f64` when the `f64`'s shortest digits are exactly this value (every
    /// decimal of up to 15 significant digits: `99.985`, `0.5`); a value
    /// no `f64` prints exactly (more significant digits than an `f64`
    /// carries) is its exact text as a string (`"0.12345678901234567891"`).
    /// So `serde_json::to_string`, `toml::to_string` and the like print the
    /// digits we computed, and never a float artefact.
    ///
    /// [`crate::emit`], the canonical JSON writer, always writes the exact
    /// digits as a JSON number (it recognises the newtype this goes
    /// through), whatever the value.
    ///
    /// ```
    /// let v: minsheng::Decimal = "99.985".parse().unwrap();
    /// assert_eq!(serde_json::to_string(&v).unwrap(), "99.985");
    /// let n: minsheng::Decimal = "11500".parse().unwrap();
    /// assert_eq!(serde_json::to_string(&n).unwrap(), "11500");
    /// ```
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(DECIMAL_TOKEN, &self.repr())
    }
}

impl<'de> serde::Deserialize<'de> for Decimal {
    /// A number, exactly, or a string holding one (`"99.985"`, `"1e+21"`,
    /// what [`Serialize`](serde::Serialize) writes for a value no `f64`
    /// holds). From JSON text read by serde_json the number's own digits
    /// are read (serde_json's `raw_value`), so every value our JSON holds
    /// comes back exact; from a format that has already turned a number
    /// into an `f64` its shortest digits are read. One that a `Decimal`
    /// cannot hold (beyond i128, or more than 56 digits after the point)
    /// is an error that says so, never rounded or saturated. Work is
    /// linear in the text, whatever the exponent (`0e-2147483648` is zero
    /// at once).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        d.deserialize_newtype_struct(RAW_VALUE_TOKEN, DecimalVisitor)
    }
}

/// Reads a [`Decimal`] from whatever a deserializer offers.
struct DecimalVisitor;

fn exact<E: serde::de::Error>(text: &str) -> Result<Decimal, E> {
    parse_json_number(text)
        .map_err(|why| E::custom(format!("expected an exact decimal, found {text}: {why}")))
}

impl<'de> serde::de::Visitor<'de> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an exact decimal number")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from_int(i128::from(v)))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from_int(i128::from(v)))
    }

    fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<Decimal, E> {
        Ok(Decimal::from_int(v))
    }

    fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<Decimal, E> {
        i128::try_from(v).map(Decimal::from_int).map_err(|_| {
            E::custom(format!(
                "expected an exact decimal, found {v}: beyond the range of a 128-bit mantissa"
            ))
        })
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
        if !v.is_finite() {
            return Err(E::custom(format!("expected an exact decimal, found {v}")));
        }
        exact(&format!("{v:e}"))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Decimal, E> {
        exact(v.trim())
    }

    fn visit_newtype_struct<D: serde::Deserializer<'de>>(self, d: D) -> Result<Decimal, D::Error> {
        d.deserialize_any(DecimalVisitor)
    }

    /// serde_json's raw value (its JSON text under one key), or its
    /// `arbitrary_precision` number (the digits under one key).
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Decimal, A::Error> {
        use serde::de::Error;
        let key: Option<String> = map.next_key()?;
        match key.as_deref() {
            Some(RAW_VALUE_TOKEN) => {
                let raw: String = map.next_value()?;
                let raw = raw.trim();
                if raw.starts_with('"') {
                    let text: String = serde_json::from_str(raw).map_err(A::Error::custom)?;
                    exact(text.trim())
                } else {
                    exact(raw)
                }
            }
            Some(ARBITRARY_NUMBER_TOKEN) => {
                let digits: String = map.next_value()?;
                exact(&digits)
            }
            _ => Err(A::Error::invalid_type(
                serde::de::Unexpected::Map,
                &"an exact decimal number",
            )),
        }
    }
}

/// The digits the canonical writer prints for a value a [`Decimal`]
/// serialized as (see [`Repr`]): its exact text.
pub(crate) fn text_of_repr_f64(f: f64) -> Option<String> {
    Decimal::from_f64_shortest(f).map(|d| d.to_string())
}

/// Digits after the point a deserialized value may have: as many as the
/// product of two values of the crate's own scale limit.
const MAX_JSON_SCALE: i64 = 2 * MAX_SCALE as i64;

/// Parse a JSON number text (`-12.5e+3`) exactly.
fn parse_json_number(text: &str) -> Result<Decimal, &'static str> {
    const SYNTAX: &str = "not a JSON number";
    let (neg, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (base, exp) = match body.split_once(['e', 'E']) {
        Some((b, e)) => (b, Some(e)),
        None => (body, None),
    };
    let (int, frac) = base.split_once('.').unwrap_or((base, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !all_digits(int) || !all_digits(frac) {
        return Err(SYNTAX);
    }
    let exp_digits = exp.map(|e| e.strip_prefix(['+', '-']).unwrap_or(e));
    if exp_digits.is_some_and(|e| e.is_empty() || !all_digits(e)) {
        return Err(SYNTAX);
    }
    // Significant digits, and the scale they are read at.
    let digits = format!("{int}{frac}");
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Ok(Decimal::ZERO);
    }
    let exp: i64 = match exp {
        None => 0,
        Some(e) => {
            let magnitude = e.trim_start_matches(['+', '-']).trim_start_matches('0');
            // Beyond 18 digits the exponent is out of any range we hold.
            if magnitude.len() > 18 {
                return Err(if e.starts_with('-') {
                    "more than 56 digits after the point"
                } else {
                    "beyond the range of a 128-bit mantissa"
                });
            }
            let m: i64 = magnitude.parse().unwrap_or(0);
            if e.starts_with('-') {
                -m
            } else {
                m
            }
        }
    };
    let mut scale = frac.len() as i64 - exp;
    let mut digits = digits;
    while scale > 0 && digits.ends_with('0') {
        digits = &digits[..digits.len() - 1];
        scale -= 1;
    }
    if scale > MAX_JSON_SCALE {
        return Err("more than 56 digits after the point");
    }
    // A negative scale is zeros to append: at most 39 digits in all.
    let zeros = usize::try_from(-scale.min(0)).unwrap_or(usize::MAX);
    if digits.len().saturating_add(zeros) > 39 {
        return Err("beyond the range of a 128-bit mantissa");
    }
    let mut m: i128 = 0;
    for b in digits.bytes().chain(std::iter::repeat_n(b'0', zeros)) {
        m = m
            .checked_mul(10)
            .and_then(|m| m.checked_add(i128::from(b - b'0')))
            .ok_or("beyond the range of a 128-bit mantissa")?;
    }
    Ok(Decimal::new(if neg { -m } else { m }, scale.max(0) as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn prints_the_shortest_exact_form() {
        assert_eq!(d("11500").to_string(), "11500");
        assert_eq!(d("99.9850").to_string(), "99.985");
        assert_eq!(d("0.50").to_string(), "0.5");
        assert_eq!(d("-0").to_string(), "0");
        assert_eq!(d("0.000001").to_string(), "0.000001");
        assert_eq!(d("0.0000001").to_string(), "1e-7");
        assert_eq!(d("1000000000000000000000").to_string(), "1e+21");
        assert_eq!(
            d("123000000000000000000").to_string(),
            "123000000000000000000"
        );
    }

    #[test]
    fn wan_folds_exactly() {
        assert_eq!(d("1.15").scale_pow10(4), d("11500"));
        assert_eq!(d("1.265").scale_pow10(4), d("12650"));
        assert_eq!(d("0.69").scale_pow10(4), d("6900"));
        assert_eq!(d("2.5").scale_pow10(8).to_string(), "250000000");
    }

    #[test]
    fn compares_across_scales() {
        assert!(d("99.9844") < d("99.985"));
        assert_eq!(d("1.0"), d("1"));
    }

    #[test]
    fn compares_across_any_exponents() {
        // Widening 9.99e34 to the scale of 1e-28 overflows an i128.
        assert!(d("99900000000000000000000000000000000") > d("0.0000000000000000000000000001"));
        assert!(d("-99900000000000000000000000000000000") < d("-0.0000000000000000000000000001"));
        assert!(Decimal::new(i128::MAX, 0) > Decimal::new(i128::MAX, 1));
        assert!(Decimal::new(i128::MIN, 0) < Decimal::new(i128::MIN, 1));
        assert!(Decimal::new(1, 40) < Decimal::new(1, 39));
        assert!(Decimal::new(-5, 0) < Decimal::ZERO);
        let mut values = [d("2"), d("-1.5"), d("0"), Decimal::new(1, 60), d("10")];
        values.sort();
        assert_eq!(
            values.map(|v| v.to_string()),
            ["-1.5", "0", "1e-60", "2", "10"]
        );
    }

    #[test]
    fn json_numbers_beyond_a_decimal_are_refused_not_rounded() {
        let parse = |s: &str| serde_json::from_str::<Decimal>(s).map_err(|e| e.to_string());
        assert_eq!(parse("0e-2147483648").unwrap(), Decimal::ZERO);
        assert_eq!(parse("12.50e1").unwrap(), d("125"));
        assert_eq!(parse("1e38").unwrap().to_string(), "1e+38");
        let too_big = parse("1e40").unwrap_err();
        assert!(
            too_big.contains("beyond the range of a 128-bit mantissa"),
            "{too_big}"
        );
        assert!(parse("1e-57").unwrap_err().contains("more than 56 digits"));
        assert!(parse("1e-2147483648").is_err());
        assert!(parse("1e99999999999999999999999").is_err());
        // Digits are kept, not cut at 28 after the point.
        assert_eq!(
            parse("0.12345678901234567890123456789").unwrap().parts(),
            (12345678901234567890123456789, 29)
        );
    }

    #[test]
    fn through_any_serializer_a_decimal_is_its_exact_digits() {
        // An integer in i64 range is an integer, a fraction an f64 whose
        // shortest digits are the value, more digits than an f64 holds a
        // string of the exact text.
        assert_eq!(
            serde_json::to_value(d("11500")).unwrap(),
            serde_json::json!(11500)
        );
        assert_eq!(
            serde_json::to_value(d("-3")).unwrap(),
            serde_json::json!(-3)
        );
        assert_eq!(
            serde_json::to_value(d("99.985")).unwrap(),
            serde_json::json!(99.985)
        );
        assert_eq!(serde_json::to_string(&d("0.0000001")).unwrap(), "1e-7");
        assert_eq!(
            serde_json::to_string(&d("1000000000000000000000")).unwrap(),
            "1e+21"
        );
        let long = d("0.12345678901234567891");
        assert_eq!(
            serde_json::to_string(&long).unwrap(),
            r#""0.12345678901234567891""#
        );
        let huge = Decimal::new(i128::MAX, 0);
        assert_eq!(serde_json::to_string(&huge).unwrap(), format!("\"{huge}\""));
        // Our writer prints every one of them as the number it is.
        assert_eq!(crate::emit::to_canonical(&long), "0.12345678901234567891");
        assert_eq!(
            crate::emit::to_canonical(&huge),
            "1.70141183460469231731687303715884105727e+38"
        );
        assert_eq!(
            crate::emit::to_canonical(&d("1000000000000000000000")),
            "1e+21"
        );
        assert_eq!(crate::emit::to_canonical(&d("99.9850")), "99.985");
        // And each comes back exact, from its JSON text or its JSON value.
        for v in [
            d("11500"),
            d("99.985"),
            d("1000000000000000000000"),
            d("0.0000001"),
            long,
            huge,
        ] {
            let via_text: Decimal =
                serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
            assert_eq!(via_text, v);
            let via_value: Decimal =
                serde_json::from_value(serde_json::to_value(v).unwrap()).unwrap();
            assert_eq!(via_value, v);
            let canonical: Decimal = serde_json::from_str(&crate::emit::to_canonical(&v)).unwrap();
            assert_eq!(canonical, v);
        }
    }

    #[test]
    fn json_numbers_keep_digits_an_f64_would_lose() {
        // 17 significant digits and more: read from the JSON text itself.
        let text = "12345678901234567.891";
        let v: Decimal = serde_json::from_str(text).unwrap();
        assert_eq!(v.to_string(), text);
        #[derive(serde::Deserialize)]
        struct Q {
            value: Decimal,
        }
        let q: Q = serde_json::from_str(r#"{"value": 0.30000000000000000001}"#).unwrap();
        assert_eq!(q.value.to_string(), "0.30000000000000000001");
        let q: Q = serde_json::from_slice(br#"{"value":"99.9850"}"#).unwrap();
        assert_eq!(q.value, d("99.985"));
        assert!(serde_json::from_str::<Q>(r#"{"value": true}"#).is_err());
        assert!(serde_json::from_str::<Q>(r#"{"value": "12 个"}"#).is_err());
    }

    #[test]
    fn json_numbers_round_trip() {
        let v = serde_json::to_string(&d("99.985")).unwrap();
        assert_eq!(v, "99.985");
        let back: Decimal = serde_json::from_str(&v).unwrap();
        assert_eq!(back, d("99.985"));
        let big: Decimal = serde_json::from_str("1e+21").unwrap();
        assert_eq!(big.to_string(), "1e+21");
    }
}
