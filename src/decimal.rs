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
        let scale = self.scale + other.scale;
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
    fn cmp(&self, other: &Decimal) -> Ordering {
        let scale = self.scale.max(other.scale);
        let widen = |d: &Decimal| {
            10i128
                .checked_pow(scale - d.scale)
                .and_then(|f| d.mantissa.checked_mul(f))
        };
        match (widen(self), widen(other)) {
            (Some(a), Some(b)) => a.cmp(&b),
            // Overflow only for huge magnitudes; compare signs then fall back.
            _ => (self.mantissa.signum(), self.scale).cmp(&(other.mantissa.signum(), other.scale)),
        }
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
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let number = serde_json::Number::deserialize(d)?;
        let text = number.to_string();
        parse_json_number(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not an exact decimal: {text}")))
    }
}

/// Parse a JSON number text, exponent included.
fn parse_json_number(text: &str) -> Option<Decimal> {
    let (base, exp) = match text.split_once(['e', 'E']) {
        Some((b, e)) => (b, e.trim_start_matches('+').parse::<i32>().ok()?),
        None => (text, 0),
    };
    let d = Decimal::parse_ascii(base)?;
    if exp >= 0 {
        Some(d.scale_pow10(exp as u32))
    } else {
        let (m, s) = d.parts();
        Some(Decimal::new(m, s + exp.unsigned_abs()))
    }
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
    fn json_numbers_round_trip() {
        let v = serde_json::to_string(&d("99.985")).unwrap();
        assert_eq!(v, "99.985");
        let back: Decimal = serde_json::from_str(&v).unwrap();
        assert_eq!(back, d("99.985"));
        let big: Decimal = serde_json::from_str("1e+21").unwrap();
        assert_eq!(big.to_string(), "1e+21");
    }
}
