//! An exact decimal number for targets: `1.15 万` is exactly 11500.
//!
//! Values are `mantissa × 10^-scale` with an `i128` mantissa, kept normalized
//! (no trailing zeros in the fraction), so equal values are equal structs and
//! print one way. The JSON form is the shortest exact decimal (`11500`,
//! `99.985`, `0.5`), written as a JSON number without passing through `f64`.

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

impl serde::Serialize for Decimal {
    /// A JSON number with exactly these digits (serde_json's
    /// `arbitrary_precision` keeps the text of a `Number`).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let number =
            serde_json::Number::from_str(&self.to_string()).map_err(serde::ser::Error::custom)?;
        number.serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for Decimal {
    /// A JSON number, exactly: one that a `Decimal` cannot hold (beyond
    /// i128, or more than 56 digits after the point) is an error that
    /// says so, never rounded or saturated. Work is linear in the text,
    /// whatever the exponent (`0e-2147483648` is zero at once).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let number = serde_json::Number::deserialize(d)?;
        let text = number.to_string();
        parse_json_number(&text).map_err(|why| {
            serde::de::Error::custom(format!("expected an exact decimal, found {text}: {why}"))
        })
    }
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
    fn json_numbers_round_trip() {
        let v = serde_json::to_string(&d("99.985")).unwrap();
        assert_eq!(v, "99.985");
        let back: Decimal = serde_json::from_str(&v).unwrap();
        assert_eq!(back, d("99.985"));
        let big: Decimal = serde_json::from_str("1e+21").unwrap();
        assert_eq!(big.to_string(), "1e+21");
    }
}
