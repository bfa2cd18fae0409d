//! Numerals: Arabic, Chinese and mixed numbers, percentages, ordinal markers
//! and dates, each read exactly (a [`Decimal`] or an integer, never a float).
//!
//! Every entry point parses a *prefix* of its input and reports the value
//! with the number of bytes it took, so callers can scan a line and keep
//! byte positions. Nothing here panics on any input.
//!
//! ## Grammar
//! ```text
//! arabic      = digit+ ("," digit{3})* (("." | "．") digit+)?      digit = 0-9 | ０-９
//! chinese     = a place-value numeral over 零〇○ 一…九 两 十百千 万亿, with 廿/卅/卌
//!               and the formal 壹贰叁…拾佰仟萬億; "一万五" (= 15000) abbreviations
//! decimal     = chinese ("点" cdigit+)?                             三点五, 零点五
//! numeral     = (arabic | decimal) multiplier*                     1.15万, 3千, 2.5亿
//! multiplier  = "千" (not before 米/瓦/克…) | "万" | "亿"
//! percent     = numeral ("%" | "％" | "‰") | "百分之" decimal | "千分之" decimal
//! ordinal     = "第" n | n "、" | "（" n "）" | "(" n ")" | n "." | ① … ㊿ | ⑴ … ⒇ | ⒈ … ⒛
//! date        = year "年" month "月" day ("日" | "号") | yyyy "-" mm "-" dd | yyyy "/" mm "/" dd
//! ```
//! A number with 万 or 亿 may go on with groups of smaller multipliers
//! (1亿5000万, 3万5千), and `，` is a thousands separator like `,` before
//! exactly three digits (１２，６５０).
//!
//! Digit strings such as 二〇二四 are read positionally by [`parse`] (three
//! digits or more, or two with a 〇) and as the year of a [`find_date`]
//! date; elsewhere "三四" is not thirty-four. A bare 百 or 千 is a word, not
//! a number (百姓, 千家万户), except before 余/多 (百余人); a bare 十 is ten.
//!
//! [`parse`] and [`find_numerals`] are the entry points for a text: the
//! first (or every) numeral with its exact value, its [`NumeralKind`]
//! (cardinal, ordinal, percent, fraction, year, date, digits) and byte span,
//! negatives after 负 or a minus sign included.
//!
//! Percentages keep the number as written: 75% is 75 with unit `%`, and
//! 千分之三 is 3 with unit `‰` (not 0.3 %), so the value always matches the
//! text and the unit says how to read it.
//!
//! The grammars use nom 8's `complete` parsers only: the text of a line is
//! all there is, and nom's default streaming mode would report "incomplete"
//! at its end.
//!
//! ## Examples
//! ```
//! use minsheng::numeral::{chinese_integer, numeral, percent};
//! assert_eq!(chinese_integer("三千五百万元"), Some((35_000_000, 15)));
//! let (n, len) = numeral("1.15万人").unwrap();
//! assert_eq!((n.value.to_string(), len), ("11500".to_string(), 7));
//! let (p, _) = percent("百分之七十五点五").unwrap();
//! assert_eq!((p.value.to_string(), p.unit), ("75.5".to_string(), "%"));
//! ```

use std::ops::Range;

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::{anychar, char, satisfy};
use nom::combinator::{map, map_opt, not, opt, peek, recognize, value, verify};
use nom::multi::{fold_many1, many0, many1_count, many_m_n};
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};

use crate::Decimal;

/// Which digits a numeral was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    /// `0-9`, full-width `０-９`.
    Arabic,
    /// 一二三…十百千万亿 and the formal 壹贰叁….
    Chinese,
}

/// A number read from text, multipliers folded in.
///
/// ```
/// use minsheng::numeral::{numeral, Script};
/// let (n, _) = numeral("0.2586万个").unwrap();
/// assert_eq!(n.value.to_string(), "2586");
/// assert_eq!((n.script, n.multiplier), (Script::Arabic, 4));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    /// The exact value, `10^multiplier` folded in.
    pub value: Decimal,
    /// The digits it was written in.
    pub script: Script,
    /// The power of ten of the trailing 千/万/亿 multipliers (0 if none); for
    /// a mixed form such as 1亿5000万, that of its last group.
    pub multiplier: u32,
    /// True when a Chinese numeral uses a place of 百 or above (一百, 两千,
    /// 三万): such numbers are counts, unlike the idiomatic 一户多残.
    pub large_places: bool,
}

/// A percentage or permillage.
///
/// ```
/// use minsheng::numeral::percent;
/// let (p, len) = percent("７５％").unwrap();
/// assert_eq!((p.value.to_string(), p.unit, len), ("75".to_string(), "%", 9));
/// assert_eq!(percent("千分之三").unwrap().0.unit, "‰");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Percent {
    /// The number of hundredths (or thousandths): 75 for 75%.
    pub value: Decimal,
    /// `"%"` for 百分之/%/％, `"‰"` for 千分之/‰.
    pub unit: &'static str,
    /// True for the word forms 百分之…/千分之… (the unit comes first).
    pub prefixed: bool,
}

/// How an ordinal marker is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrdinalStyle {
    /// 第三
    Di,
    /// 一、 or 1、
    Dun,
    /// （二十七） or (1) or ⑴
    Paren,
    /// 1. or ⒈ (also 1． and 1﹒)
    Dot,
    /// ① … ㊿
    Circled,
}

/// An ordinal or list marker.
///
/// ```
/// use minsheng::numeral::{ordinal, OrdinalStyle};
/// let (o, len) = ordinal("（二十七）推进").unwrap();
/// assert_eq!((o.value, o.style, len), (27, OrdinalStyle::Paren, 15));
/// assert_eq!(ordinal("③").unwrap().0.value, 3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ordinal {
    /// The number.
    pub value: u64,
    /// How it was written.
    pub style: OrdinalStyle,
    /// The digits it was written in (circled numbers count as Arabic).
    pub script: Script,
}

/// A calendar date found in text.
///
/// ```
/// use minsheng::numeral::find_date;
/// let d = find_date("瑶海区民生工作领导小组办公室 2024 年 4 月 24 日").unwrap();
/// assert_eq!((d.year, d.month, d.day), (2024, 4, 24));
/// assert_eq!(d.iso(), "2024-04-24");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DateMatch {
    /// Byte range of the whole date in the text given to [`find_date`].
    pub range: Range<usize>,
    /// The year.
    pub year: u16,
    /// The month, 1–12.
    pub month: u8,
    /// The day, 1–31.
    pub day: u8,
}

impl DateMatch {
    /// ISO 8601 `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

// ---------------------------------------------------------------------------
// Public entry points: prefix parsers returning (value, bytes consumed).

/// Read an Arabic number (ASCII or full-width digits, thousands separators,
/// a decimal point) at the start of `s`.
///
/// ```
/// use minsheng::numeral::arabic;
/// assert_eq!(arabic("12,650个").map(|(d, n)| (d.to_string(), n)), Some(("12650".into(), 6)));
/// assert_eq!(arabic("１２０人").map(|(d, n)| (d.to_string(), n)), Some(("120".into(), 9)));
/// assert_eq!(arabic("99.9850%").unwrap().0.to_string(), "99.985");
/// assert_eq!(arabic("1.实施"), arabic("1"));
/// ```
pub fn arabic(s: &str) -> Option<(Decimal, usize)> {
    run(arabic_number, s)
}

/// Read a Chinese integer numeral at the start of `s`: 十 = 10, 一十, 十五,
/// 二十七, 一百零五, 两千, 三千五百万, 廿一, 壹佰贰拾叁. Returns the value and
/// the bytes consumed; the longest well-formed prefix wins ("十四五" reads 十四).
///
/// ```
/// use minsheng::numeral::chinese_integer;
/// assert_eq!(chinese_integer("一百零五"), Some((105, 12)));
/// assert_eq!(chinese_integer("一万五"), Some((15_000, 9)));
/// assert_eq!(chinese_integer("百姓"), None);
/// ```
pub fn chinese_integer(s: &str) -> Option<(u64, usize)> {
    run(chinese_int, s).map(|(c, n)| (c.value, n))
}

/// Read a Chinese numeral with an optional 点 fraction: 三点五, 零点五.
///
/// ```
/// use minsheng::numeral::chinese_decimal;
/// assert_eq!(chinese_decimal("三点五").unwrap().0.to_string(), "3.5");
/// ```
pub fn chinese_decimal(s: &str) -> Option<(Decimal, usize)> {
    run(chinese_dec, s).map(|((d, _), n)| (d, n))
}

/// Read any number at the start of `s`, Arabic or Chinese, with trailing
/// 千/万/亿 multipliers folded in exactly: 1.15万 = 11500, 3千 = 3000,
/// 2.5亿, 十五万. A 千 before 米/瓦/克… belongs to the unit (千米).
///
/// ```
/// use minsheng::numeral::numeral;
/// assert_eq!(numeral("2.5亿元").unwrap().0.value.to_string(), "250000000");
/// assert_eq!(numeral("3千米"), numeral("3"));
/// ```
pub fn numeral(s: &str) -> Option<(Number, usize)> {
    run(number, s)
}

/// Read a percentage or permillage at the start of `s`: 75%, ７５％,
/// 百分之二十, 千分之三 (unit ‰), 5‰.
pub fn percent(s: &str) -> Option<(Percent, usize)> {
    run(percentage, s)
}

/// Read an ordinal or list marker at the start of `s`: 第三, 一、, （二十七）,
/// (1), 1., ①…㊿, ⑴…⒇, ⒈…⒛.
pub fn ordinal(s: &str) -> Option<(Ordinal, usize)> {
    run(ordinal_marker, s)
}

/// The first full calendar date in `text`: `2024 年 4 月 24 日`,
/// `2024年4月24日`, `二〇二五年三月十八日`, `2024-04-24`, `2024/4/24`.
/// Months and days are checked (1–12, 1–31, and the day against the month).
///
/// ```
/// use minsheng::numeral::find_date;
/// let d = find_date("印发日期：二〇二五年三月十八日").unwrap();
/// assert_eq!(d.iso(), "2025-03-18");
/// assert_eq!(&"印发日期：二〇二五年三月十八日"[d.range], "二〇二五年三月十八日");
/// assert!(find_date("2024年度").is_none());
/// ```
pub fn find_date(text: &str) -> Option<DateMatch> {
    find_dates(text).next()
}

/// Every full calendar date in `text`, left to right, not overlapping.
pub fn find_dates(text: &str) -> impl Iterator<Item = DateMatch> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() {
            let rest = &text[at..];
            let starts_number = rest
                .chars()
                .next()
                .is_some_and(|c| arabic_digit(c).is_some() || positional_digit(c).is_some());
            let after_digit = text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| arabic_digit(c).is_some());
            if starts_number && !after_digit {
                if let Some(((year, month, day), len)) = run(date, rest) {
                    let found = DateMatch {
                        range: at..at + len,
                        year,
                        month,
                        day,
                    };
                    at += len;
                    return Some(found);
                }
            }
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

/// Run a nom parser in complete mode on a prefix; `None` if it fails or
/// takes nothing.
fn run<T>(mut p: impl FnMut(&str) -> IResult<&str, T>, s: &str) -> Option<(T, usize)> {
    match p(s) {
        Ok((rest, v)) if rest.len() < s.len() => Some((v, s.len() - rest.len())),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Characters.

/// The value of an ASCII or full-width digit.
pub(crate) fn arabic_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// The value of a Chinese digit, 0–9 (两 and the formal forms included).
fn chinese_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' | '○' => 0,
        '一' | '壹' | '弌' => 1,
        '二' | '贰' | '貳' | '两' | '兩' => 2,
        '三' | '叁' | '參' | '叄' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// A digit of a positional Chinese digit string (二〇二五); 两 is not one.
fn positional_digit(c: char) -> Option<u8> {
    match c {
        '两' | '兩' => None,
        _ => chinese_digit(c),
    }
}

/// True for any character that can be part of a Chinese numeral.
pub(crate) fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some() || token_of(c).is_some()
}

/// Characters after 千 that make it a unit prefix (千米, 千瓦, 千克) rather
/// than a multiplier.
fn is_kilo_unit(c: char) -> bool {
    matches!(
        c,
        '米' | '瓦' | '克' | '伏' | '帕' | '卡' | '赫' | '焦' | '字'
    )
}

// ---------------------------------------------------------------------------
// Arabic numbers.

fn ascii_digit_char(i: &str) -> IResult<&str, char> {
    map_opt(anychar, |c| arabic_digit(c).map(|d| (b'0' + d) as char)).parse(i)
}

/// Digits appended to `acc` as ASCII.
fn digits_into(i: &str) -> IResult<&str, String> {
    fold_many1(ascii_digit_char, String::new, |mut s, c| {
        s.push(c);
        s
    })
    .parse(i)
}

/// `,650` (or the full-width `，650` of １２，６５０) after a group of at most
/// three digits: a thousands separator.
fn thousands_group(i: &str) -> IResult<&str, String> {
    preceded(
        satisfy(|c| c == ',' || c == '，'),
        terminated(
            verify(digits_into, |d: &String| d.len() == 3),
            not(peek(ascii_digit_char)),
        ),
    )
    .parse(i)
}

fn arabic_number(i: &str) -> IResult<&str, Decimal> {
    let (i, mut int) = digits_into(i)?;
    let (i, groups) = if int.len() <= 3 {
        many0(thousands_group).parse(i)?
    } else {
        (i, Vec::new())
    };
    for g in groups {
        int.push_str(&g);
    }
    let (i, frac) = opt(preceded(
        satisfy(|c| c == '.' || c == '．' || c == '﹒'),
        digits_into,
    ))
    .parse(i)?;
    let text = match frac {
        Some(f) => format!("{int}.{f}"),
        None => int,
    };
    match Decimal::parse_ascii(&text) {
        Some(d) => Ok((i, d)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::TooLarge,
        ))),
    }
}

// ---------------------------------------------------------------------------
// Chinese numerals: a token grammar folded by a place-value state machine.

/// One Chinese numeral token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// 一…九 (两).
    Digit(u8),
    /// 零〇○.
    Zero,
    /// 十百千 as 10, 100, 1000.
    Place(u64),
    /// 廿 卅 卌: a digit and 十 in one.
    Tens(u64),
    /// 万 (10^4) or 亿 (10^8).
    Big(u64),
}

fn token_of(c: char) -> Option<Token> {
    Some(match c {
        '十' | '拾' => Token::Place(10),
        '百' | '佰' => Token::Place(100),
        '千' | '仟' => Token::Place(1000),
        '廿' => Token::Tens(20),
        '卅' => Token::Tens(30),
        '卌' => Token::Tens(40),
        '万' | '萬' => Token::Big(10_000),
        '亿' | '億' => Token::Big(100_000_000),
        _ => match chinese_digit(c)? {
            0 => Token::Zero,
            d => Token::Digit(d),
        },
    })
}

fn token(i: &str) -> IResult<&str, Token> {
    let (rest, t) = map_opt(anychar, token_of).parse(i)?;
    // 千 before 米/瓦… is the unit 千米, not a place.
    if t == Token::Place(1000) && rest.chars().next().is_some_and(is_kilo_unit) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, t))
}

/// The value of a Chinese integer and whether it used a place ≥ 百.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ChineseInt {
    value: u64,
    large_places: bool,
}

/// Place-value state while reading a Chinese integer.
#[derive(Debug, Clone, Copy, Default)]
struct Places {
    /// Everything folded at 亿 and above.
    yi: u64,
    /// The part below 亿 folded at 万.
    wan: u64,
    has_wan: bool,
    /// The current group below 万.
    section: u64,
    /// A digit waiting for its place.
    pending: Option<u8>,
    /// The last place consumed; a trailing bare digit takes a tenth of it
    /// (三千五 = 3500, 一万五 = 15000).
    last_place: u64,
    /// A 零 since the last place: the trailing digit is plain units.
    zero: bool,
    large: bool,
    any: bool,
}

impl Places {
    fn new() -> Places {
        Places {
            last_place: 10,
            ..Places::default()
        }
    }

    /// The state after `t`, or `None` if `t` cannot continue the numeral.
    fn step(self, t: Token) -> Option<Places> {
        let mut s = self;
        match t {
            Token::Digit(d) => {
                if s.pending.is_some() {
                    return None; // 三四 is not a numeral
                }
                s.pending = Some(d);
            }
            Token::Zero => {
                if s.pending.is_some() {
                    return None;
                }
                s.zero = true;
            }
            Token::Place(p) | Token::Tens(p) => {
                let tens = matches!(t, Token::Tens(_));
                if p >= s.last_place && s.section > 0 {
                    return None; // places must descend: 十十, 百千
                }
                let times = match (tens, s.pending) {
                    (true, None) => 1,
                    (true, Some(_)) => return None,
                    (false, Some(d)) => u64::from(d),
                    // A bare 十 is ten; a bare 百/千 is a word (百姓, 千家万户).
                    (false, None) if p == 10 => 1,
                    (false, None) => return None,
                };
                s.section = s.section.checked_add(times.checked_mul(p)?)?;
                s.pending = None;
                s.last_place = if tens { 10 } else { p };
                s.zero = false;
                s.large |= p >= 100;
            }
            Token::Big(b) => {
                let group = s.section.checked_add(u64::from(s.pending.unwrap_or(0)))?;
                if b == 10_000 {
                    if group == 0 || s.has_wan {
                        return None;
                    }
                    s.wan = group.checked_mul(b)?;
                    s.has_wan = true;
                } else {
                    let below = s.wan.checked_add(group)?;
                    if below == 0 && s.yi == 0 {
                        return None;
                    }
                    s.yi = s.yi.checked_add(below)?.checked_mul(b)?;
                    s.wan = 0;
                    s.has_wan = false;
                }
                s.section = 0;
                s.pending = None;
                s.last_place = b;
                s.zero = false;
                s.large = true;
            }
        }
        s.any = true;
        Some(s)
    }

    fn value(self) -> Option<u64> {
        let tail = match self.pending {
            None => 0,
            Some(d) if self.zero => u64::from(d),
            Some(d) => u64::from(d).checked_mul(self.last_place / 10)?,
        };
        self.yi
            .checked_add(self.wan)?
            .checked_add(self.section)?
            .checked_add(tail)
    }
}

/// The longest prefix of Chinese numeral tokens that forms a numeral.
fn chinese_int(i: &str) -> IResult<&str, ChineseInt> {
    let mut state = Places::new();
    let mut best: Option<(&str, ChineseInt)> = None;
    let mut rest = i;
    while let Ok((next, t)) = token(rest) {
        let Some(s) = state.step(t) else { break };
        state = s;
        rest = next;
        if let Some(v) = state.value() {
            best = Some((
                rest,
                ChineseInt {
                    value: v,
                    large_places: state.large,
                },
            ));
        } else {
            break;
        }
    }
    match best {
        Some((rest, v)) if state.any => Ok((rest, v)),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        ))),
    }
}

/// A Chinese numeral with an optional 点 fraction.
fn chinese_dec(i: &str) -> IResult<&str, (Decimal, bool)> {
    let (i, int) = chinese_int(i)?;
    let (i, frac) = opt(preceded(
        char('点'),
        fold_many1(
            map_opt(anychar, positional_digit),
            String::new,
            |mut s, d| {
                s.push((b'0' + d) as char);
                s
            },
        ),
    ))
    .parse(i)?;
    let value = match frac {
        Some(f) => Decimal::parse_ascii(&format!("{}.{f}", int.value)),
        None => Some(Decimal::from_int(i128::from(int.value))),
    };
    match value {
        Some(v) => Ok((i, (v, int.large_places))),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::TooLarge,
        ))),
    }
}

// ---------------------------------------------------------------------------
// Numbers with multipliers, percentages.

/// 千 (not before 米/瓦…), 万, 亿 as powers of ten.
fn multiplier(i: &str) -> IResult<&str, u32> {
    alt((
        value(
            3,
            terminated(
                satisfy(|c| c == '千' || c == '仟'),
                not(peek(satisfy(is_kilo_unit))),
            ),
        ),
        value(4, satisfy(|c| c == '万' || c == '萬')),
        value(8, satisfy(|c| c == '亿' || c == '億')),
    ))
    .parse(i)
}

/// Multipliers in ascending order (千万, 万亿), summed as exponents.
pub(crate) fn multipliers(i: &str) -> IResult<&str, u32> {
    let (mut i, mut total) = (i, 0u32);
    let mut last = 0;
    while let Ok((rest, m)) = multiplier(i) {
        if m <= last {
            break;
        }
        total += m;
        last = m;
        i = rest;
    }
    Ok((i, total))
}

/// A number with its multipliers: (value, script, large places, multiplier).
fn scaled(i: &str) -> IResult<&str, (Decimal, Script, bool, u32)> {
    let (i, (value, script, large)) = alt((
        map(arabic_number, |d| (d, Script::Arabic, false)),
        map(chinese_dec, |(d, large)| (d, Script::Chinese, large)),
    ))
    .parse(i)?;
    let (i, multiplier) = multipliers(i)?;
    Ok((
        i,
        (value.scale_pow10(multiplier), script, large, multiplier),
    ))
}

/// A number, and after a 万 or 亿 further groups with smaller multipliers
/// summed in ("1亿5000万" = 150000000, "3万5千" = 35000, "2亿零500万").
pub(crate) fn number(i: &str) -> IResult<&str, Number> {
    let (mut i, (mut value, script, large, first)) = scaled(i)?;
    let mut low = first;
    while low >= 4 {
        let at = i.strip_prefix('零').unwrap_or(i);
        match scaled(at) {
            Ok((rest, (v, _, _, m))) if m > 0 && m < low => match value.checked_add(v) {
                Some(sum) => {
                    value = sum;
                    low = m;
                    i = rest;
                }
                None => break,
            },
            _ => break,
        }
    }
    Ok((
        i,
        Number {
            value,
            script,
            multiplier: low,
            large_places: large || first > 0,
        },
    ))
}

/// The percent sign after a number, as its canonical unit.
pub(crate) fn percent_sign(i: &str) -> IResult<&str, &'static str> {
    alt((
        value("%", satisfy(|c| c == '%' || c == '％')),
        value("‰", char('‰')),
    ))
    .parse(i)
}

/// 百分之N / 千分之N.
pub(crate) fn percent_words(i: &str) -> IResult<&str, Percent> {
    let (i, unit) = alt((value("%", tag("百分之")), value("‰", tag("千分之")))).parse(i)?;
    let (i, v) = alt((
        arabic_number,
        map(chinese_dec, |(d, _)| d),
        // 百分之百
        value(Decimal::from_int(100), satisfy(|c| c == '百' || c == '佰')),
    ))
    .parse(i)?;
    Ok((
        i,
        Percent {
            value: v,
            unit,
            prefixed: true,
        },
    ))
}

fn percentage(i: &str) -> IResult<&str, Percent> {
    alt((
        percent_words,
        map((number, percent_sign), |(n, unit)| Percent {
            value: n.value,
            unit,
            prefixed: false,
        }),
    ))
    .parse(i)
}

// ---------------------------------------------------------------------------
// Ordinals.

/// An integer in either script.
fn integer(i: &str) -> IResult<&str, (u64, Script)> {
    alt((
        map_opt(
            recognize(many1_count(satisfy(|c| arabic_digit(c).is_some()))),
            |s: &str| {
                s.chars().try_fold(0u64, |acc, c| {
                    acc.checked_mul(10)?
                        .checked_add(u64::from(arabic_digit(c)?))
                })
            },
        )
        .map(|v| (v, Script::Arabic)),
        map(chinese_int, |c| (c.value, Script::Chinese)),
    ))
    .parse(i)
}

/// ①…⑳, ㉑…㉟, ㊱…㊿, ⑴…⒇, ⒈…⒛.
fn enclosed(i: &str) -> IResult<&str, (u64, OrdinalStyle)> {
    map_opt(anychar, |c| {
        let u = c as u32;
        let (n, style) = match u {
            0x2460..=0x2473 => (u - 0x2460 + 1, OrdinalStyle::Circled),
            0x3251..=0x325F => (u - 0x3251 + 21, OrdinalStyle::Circled),
            0x32B1..=0x32BF => (u - 0x32B1 + 36, OrdinalStyle::Circled),
            0x2474..=0x2487 => (u - 0x2474 + 1, OrdinalStyle::Paren),
            0x2488..=0x249B => (u - 0x2488 + 1, OrdinalStyle::Dot),
            _ => return None,
        };
        Some((u64::from(n), style))
    })
    .parse(i)
}

fn with(style: OrdinalStyle) -> impl Fn((u64, Script)) -> Ordinal {
    move |(value, script)| Ordinal {
        value,
        style,
        script,
    }
}

fn ordinal_marker(i: &str) -> IResult<&str, Ordinal> {
    alt((
        map(preceded(char('第'), integer), with(OrdinalStyle::Di)),
        map(
            delimited(
                satisfy(|c| c == '（' || c == '('),
                integer,
                satisfy(|c| c == '）' || c == ')'),
            ),
            with(OrdinalStyle::Paren),
        ),
        map(terminated(integer, char('、')), with(OrdinalStyle::Dun)),
        map(
            terminated(
                integer,
                terminated(
                    satisfy(|c| matches!(c, '.' | '．' | '﹒')),
                    not(peek(satisfy(|c| arabic_digit(c).is_some()))),
                ),
            ),
            with(OrdinalStyle::Dot),
        ),
        map(enclosed, |(value, style)| Ordinal {
            value,
            style,
            script: Script::Arabic,
        }),
    ))
    .parse(i)
}

// ---------------------------------------------------------------------------
// Dates.

fn space(i: &str) -> IResult<&str, ()> {
    value((), many0(satisfy(|c| c.is_whitespace() || c == '\u{3000}'))).parse(i)
}

/// Four digits, Arabic or positional Chinese (二〇二五).
fn year(i: &str) -> IResult<&str, u16> {
    let digit = |f: fn(char) -> Option<u8>| map_opt(anychar, f);
    let fold = |ds: Vec<u8>| ds.iter().fold(0u16, |a, &d| a * 10 + u16::from(d));
    terminated(
        alt((
            map(many_m_n(4, 4, digit(arabic_digit)), fold),
            map(many_m_n(4, 4, digit(positional_digit)), fold),
        )),
        not(peek(satisfy(|c| {
            arabic_digit(c).is_some() || positional_digit(c).is_some()
        }))),
    )
    .parse(i)
}

/// A month or day number, Arabic (one or two digits) or Chinese.
fn small(i: &str) -> IResult<&str, u8> {
    alt((
        map_opt(
            recognize(many_m_n(1, 2, satisfy(|c| arabic_digit(c).is_some()))),
            |s: &str| {
                s.chars()
                    .try_fold(0u8, |a, c| Some(a * 10 + arabic_digit(c)?))
            },
        ),
        map_opt(chinese_int, |c| u8::try_from(c.value).ok()),
    ))
    .parse(i)
}

fn valid_date(year: u16, month: u8, day: u8) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// A year and month with no day, the whole of `text` ("2025年1月",
/// "二〇二五年一月"): a 成文日期 printed to the month.
///
/// ```
/// assert_eq!(minsheng::numeral::year_month("2025年1月"), Some((2025, 1)));
/// assert_eq!(minsheng::numeral::year_month("二〇二五年一月"), Some((2025, 1)));
/// assert_eq!(minsheng::numeral::year_month("2025年1月10日"), None);
/// assert_eq!(minsheng::numeral::year_month("2025年13月"), None);
/// ```
pub fn year_month(text: &str) -> Option<(u16, u8)> {
    let parsed: IResult<&str, (u16, u8)> = (
        terminated(year, (space, char('年'), space)),
        terminated(small, (space, char('月'), space)),
    )
        .parse(text);
    match parsed {
        Ok((rest, (y, m))) if rest.trim().is_empty() && (1..=12).contains(&m) && y >= 1900 => {
            Some((y, m))
        }
        _ => None,
    }
}

fn date(i: &str) -> IResult<&str, (u16, u8, u8)> {
    let worded = (
        terminated(year, (space, char('年'), space)),
        terminated(small, (space, char('月'), space)),
        terminated(small, (space, satisfy(|c| c == '日' || c == '号'))),
    );
    let numeric = |sep: char| {
        (
            terminated(year, char(sep)),
            terminated(small, char(sep)),
            terminated(small, not(peek(satisfy(|c| arabic_digit(c).is_some())))),
        )
    };
    verify(alt((worded, numeric('-'), numeric('/'))), |&(y, m, d)| {
        valid_date(y, m, d)
    })
    .parse(i)
}

// ---------------------------------------------------------------------------
// The numeral API: the first numeral in a text, classified.

/// What a numeral found by [`parse`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumeralKind {
    /// A count or amount: 三十七, 两万, 1.5万, 负三点五, 1亿5000万, 陆拾柒.
    Cardinal,
    /// 第一百零八, 第3, and list markers at the start of the text (一、, （二）, ③).
    Ordinal,
    /// 百分之三十, 30%, 千分之三 / 5‰ (then [`Numeral::unit`] is `‰`), 万分之五 (`‱`).
    Percent,
    /// 三分之一, 2/3 written as 三分之二: see [`Numeral::denominator`].
    Fraction,
    /// A year: four digits read one by one (二〇二四), or any four-digit
    /// number before 年 (2024年).
    Year,
    /// A full calendar date (2024年3月5日, 二〇二五年三月十八日, 2024-03-05):
    /// the value is its year, [`Numeral::date`] the ISO date.
    Date,
    /// Digits read one by one that are not a year (一二三 = 123, 〇五五一).
    Digits,
}

impl NumeralKind {
    /// The name used in JSON: `cardinal`, `ordinal`, `percent`, `fraction`,
    /// `year`, `date`, `digits`.
    pub fn name(self) -> &'static str {
        match self {
            NumeralKind::Cardinal => "cardinal",
            NumeralKind::Ordinal => "ordinal",
            NumeralKind::Percent => "percent",
            NumeralKind::Fraction => "fraction",
            NumeralKind::Year => "year",
            NumeralKind::Date => "date",
            NumeralKind::Digits => "digits",
        }
    }
}

/// A numeral found in text by [`parse`] or [`find_numerals`].
///
/// ```
/// use minsheng::numeral::{parse, NumeralKind};
/// let n = parse("第一百零八条").unwrap();
/// assert_eq!((n.value.to_string(), n.kind, n.span), ("108".into(), NumeralKind::Ordinal, 0..15));
/// assert_eq!(parse("负三点五").unwrap().value.to_string(), "-3.5");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numeral {
    /// The exact value: 万/亿 folded in, negative after 负 or a minus sign; a
    /// percentage as written (30 for 30%); for a date, its year; for a
    /// fraction, the quotient (exact when it terminates, else to 12 places).
    pub value: Decimal,
    /// What it is.
    pub kind: NumeralKind,
    /// Byte range in the text given (from 负/第/百分之 on, to %/余/多).
    pub span: Range<usize>,
    /// The digits of its (first) number.
    pub script: Script,
    /// `%`, `‰` or `‱` for a percentage.
    pub unit: Option<&'static str>,
    /// 余 or 多 after it ("三百余", "50多"): more than the value.
    pub more: bool,
    /// The numerator of a fraction (三分之一: 1).
    pub numerator: Option<Decimal>,
    /// The denominator of a fraction (三分之一: 3).
    pub denominator: Option<Decimal>,
    /// The date of a [`NumeralKind::Date`], ISO 8601.
    pub date: Option<String>,
}

impl Numeral {
    fn new(value: Decimal, kind: NumeralKind, span: Range<usize>, script: Script) -> Numeral {
        Numeral {
            value,
            kind,
            span,
            script,
            unit: None,
            more: false,
            numerator: None,
            denominator: None,
            date: None,
        }
    }
}

/// The first numeral in `text`, of any kind (see [`NumeralKind`]); `None`
/// if there is none. The longest reading at the leftmost place wins.
///
/// ```
/// use minsheng::numeral::{parse, NumeralKind};
/// let v = |s| parse(s).map(|n| (n.value.to_string(), n.kind.name()));
/// assert_eq!(v("三十七"), Some(("37".into(), "cardinal")));
/// assert_eq!(v("两万"), Some(("20000".into(), "cardinal")));
/// assert_eq!(v("1.5万"), Some(("15000".into(), "cardinal")));
/// assert_eq!(v("二〇二四"), Some(("2024".into(), "year")));
/// assert_eq!(v("廿一"), Some(("21".into(), "cardinal")));
/// assert_eq!(v("陆拾柒"), Some(("67".into(), "cardinal")));
/// assert_eq!(v("百分之七十五点五"), Some(("75.5".into(), "percent")));
/// assert_eq!(v("1亿5000万元"), Some(("150000000".into(), "cardinal")));
/// assert_eq!(v("百姓"), None);
/// ```
pub fn parse(text: &str) -> Option<Numeral> {
    find_numerals(text).next()
}

/// Every numeral in `text`, left to right, not overlapping.
///
/// ```
/// let all: Vec<String> = minsheng::numeral::find_numerals("第3批，共12,650人，占30%")
///     .map(|n| format!("{} {}", n.kind.name(), n.value))
///     .collect();
/// assert_eq!(all, ["ordinal 3", "cardinal 12650", "percent 30"]);
/// ```
pub fn find_numerals(text: &str) -> impl Iterator<Item = Numeral> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() {
            let prev = text[..at].chars().next_back();
            if let Some(n) = numeral_at(text, at, prev) {
                at = n.span.end.max(at + 1);
                while !text.is_char_boundary(at) {
                    at += 1;
                }
                return Some(n);
            }
            at += text[at..].chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '－' | '−' | '负' | '負')
}

/// The numeral starting at byte `at`, if one does.
fn numeral_at(text: &str, at: usize, prev: Option<char>) -> Option<Numeral> {
    let rest = &text[at..];
    let first = rest.chars().next()?;
    let inside_number = prev.is_some_and(|p| {
        arabic_digit(p).is_some()
            || matches!(p, '.' | '．' | ',' | '，') && arabic_digit(first).is_some()
    });
    if inside_number && arabic_digit(first).is_some() {
        return None;
    }
    let span = |len: usize| at..at + len;
    // A full date.
    if arabic_digit(first).is_some() || positional_digit(first).is_some() {
        if let Some(((y, m, d), len)) = run(date, rest) {
            let mut n = Numeral::new(
                Decimal::from_int(i128::from(y)),
                NumeralKind::Date,
                span(len),
                if arabic_digit(first).is_some() {
                    Script::Arabic
                } else {
                    Script::Chinese
                },
            );
            n.date = Some(format!("{y:04}-{m:02}-{d:02}"));
            return Some(n);
        }
    }
    // 第 n: an ordinal.
    if first == '第' {
        let after = &rest['第'.len_utf8()..];
        if let Some((num, len)) = run(number, after) {
            if num.value.is_integer() {
                return Some(Numeral::new(
                    num.value,
                    NumeralKind::Ordinal,
                    span('第'.len_utf8() + len),
                    num.script,
                ));
            }
        }
        return None;
    }
    // List markers open the text: 一、 （二） ③ 1.
    if at == 0 || prev.is_some_and(char::is_whitespace) {
        if let Some((o, len)) = run(ordinal_marker, rest) {
            if o.style != OrdinalStyle::Di {
                return Some(Numeral::new(
                    Decimal::from_int(i128::from(o.value)),
                    NumeralKind::Ordinal,
                    span(len),
                    o.script,
                ));
            }
        }
    } else if let Some((o, len)) = run(enclosed, rest) {
        return Some(Numeral::new(
            Decimal::from_int(i128::from(o.0)),
            NumeralKind::Ordinal,
            span(len),
            Script::Arabic,
        ));
    }
    // 百分之 / 千分之 / 万分之 n.
    if let Some((p, len)) = run(percent_words, rest) {
        let mut n = Numeral::new(p.value, NumeralKind::Percent, span(len), Script::Chinese);
        n.unit = Some(p.unit);
        return Some(n);
    }
    if let Some(after) = rest.strip_prefix("万分之") {
        if let Some((v, len)) = run(plain_number, after) {
            let mut n = Numeral::new(
                v,
                NumeralKind::Percent,
                span("万分之".len() + len),
                Script::Chinese,
            );
            n.unit = Some("‱");
            return Some(n);
        }
    }
    // A sign, then a number.
    let (negative, body_at) = match first {
        c if is_minus(c) => {
            let after = &rest[c.len_utf8()..];
            let starts = after
                .chars()
                .next()
                .is_some_and(|d| arabic_digit(d).is_some() || is_chinese_numeral_char(d));
            // A hyphen after a digit is a range (3-5), not a sign.
            if !starts || (c != '负' && c != '負' && prev.is_some_and(|p| p.is_alphanumeric())) {
                return None;
            }
            (true, c.len_utf8())
        }
        _ => (false, 0),
    };
    let body = &rest[body_at..];
    let lead = body.chars().next()?;
    // Digits read one by one: 二〇二四, 一二三.
    let positional: usize = body
        .chars()
        .take_while(|&c| positional_digit(c).is_some())
        .map(char::len_utf8)
        .sum();
    let (num, len) = match run(number, body) {
        Some(found) => found,
        None if positional == 0 => {
            // 百余 / 千多 / 万余: a bare place with 余/多.
            let place = match lead {
                '百' | '佰' => 2,
                '千' | '仟' => 3,
                '万' | '萬' => 4,
                _ => return None,
            };
            let tail = &body[lead.len_utf8()..];
            if !tail.starts_with(['余', '多']) || negative {
                return None;
            }
            let mut n = Numeral::new(
                Decimal::from_int(1).scale_pow10(place),
                NumeralKind::Cardinal,
                span(lead.len_utf8() + '余'.len_utf8()),
                Script::Chinese,
            );
            n.more = true;
            return Some(n);
        }
        None => (
            Number {
                value: Decimal::ZERO,
                script: Script::Chinese,
                multiplier: 0,
                large_places: false,
            },
            0,
        ),
    };
    let has_zero = body[..positional].contains(['〇', '○', '零']);
    let digit_count = body[..positional].chars().count();
    if positional > len && (digit_count >= 3 || (digit_count == 2 && has_zero)) {
        let digits: String = body[..positional]
            .chars()
            .filter_map(positional_digit)
            .map(|d| (b'0' + d) as char)
            .collect();
        let value = Decimal::parse_ascii(&digits)?;
        let year = digits.len() == 4 && !negative && digits.starts_with(['1', '2']);
        let end = body_at + positional;
        let kind = if year {
            NumeralKind::Year
        } else {
            NumeralKind::Digits
        };
        let v = if negative { negate(value) } else { value };
        return Some(Numeral::new(v, kind, span(end), Script::Chinese));
    }
    if len == 0 {
        return None;
    }
    let mut end = body_at + len;
    let mut value = num.value;
    let mut kind = NumeralKind::Cardinal;
    let mut unit = None;
    let mut more = false;
    let after = &text[at + end..];
    let mut numerator = None;
    let mut denominator = None;
    if let Ok((r, u)) = percent_sign(after) {
        kind = NumeralKind::Percent;
        unit = Some(u);
        end += after.len() - r.len();
    } else if let Some(r) = after.strip_prefix("分之") {
        if let Some((top, l)) = run(plain_number, r) {
            if let Some(q) = divide(top, value) {
                numerator = Some(top);
                denominator = Some(value);
                value = q;
                kind = NumeralKind::Fraction;
                end += "分之".len() + l;
            }
        }
    } else if after.starts_with(['余', '多']) && !negative {
        more = true;
        end += '余'.len_utf8();
        // 五十多万: the multiplier after 余/多.
        if let Ok((r, m)) = multipliers(&text[at + end..]) {
            if m > 0 && num.multiplier < m {
                value = value.scale_pow10(m);
                end = text.len() - r.len() - at;
            }
        }
    } else if !negative
        && num.script == Script::Arabic
        && num.multiplier == 0
        && value.is_integer()
        && len == 4
        && after.starts_with('年')
    {
        kind = NumeralKind::Year;
    }
    let mut n = Numeral::new(
        if negative { negate(value) } else { value },
        kind,
        span(end),
        num.script,
    );
    n.unit = unit;
    n.more = more;
    n.numerator = numerator;
    n.denominator = denominator;
    Some(n)
}

/// An Arabic or Chinese number without multipliers' context: the digits of
/// a fraction's numerator or a 万分之 rate.
fn plain_number(i: &str) -> IResult<&str, Decimal> {
    map(number, |n| n.value).parse(i)
}

fn negate(d: Decimal) -> Decimal {
    let (m, s) = d.parts();
    Decimal::new(-m, s)
}

/// `top / bottom`: exact when the quotient terminates within 28 places,
/// else rounded half up to 12.
fn divide(top: Decimal, bottom: Decimal) -> Option<Decimal> {
    let (tm, ts) = top.parts();
    let (bm, bs) = bottom.parts();
    if bm <= 0 || tm < 0 {
        return None;
    }
    // top/bottom = (tm / bm) × 10^(bs - ts)
    let mut q = tm / bm;
    let mut r = tm % bm;
    let mut scale: i64 = i64::from(ts) - i64::from(bs);
    let mut places = 0;
    while r != 0 && places < 28 {
        q = q.checked_mul(10)?.checked_add((r * 10) / bm)?;
        r = (r * 10) % bm;
        scale += 1;
        places += 1;
    }
    let exact = r == 0;
    let mut value = if scale >= 0 {
        Decimal::new(q, scale as u32)
    } else {
        Decimal::new(q, 0).scale_pow10((-scale) as u32)
    };
    if !exact {
        // Round to 12 places.
        let (m, s) = value.parts();
        if s > 12 {
            let cut = 10i128.pow(s - 12);
            let mut rounded = m / cut;
            if m % cut >= cut / 2 {
                rounded += 1;
            }
            value = Decimal::new(rounded, 12);
        }
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn arabic_forms() {
        assert_eq!(arabic("12"), Some((dec("12"), 2)));
        assert_eq!(arabic("12,650人"), Some((dec("12650"), 6)));
        assert_eq!(arabic("1,2345"), Some((dec("1"), 1)));
        assert_eq!(arabic("1234,567"), Some((dec("1234"), 4)));
        assert_eq!(arabic("１２０"), Some((dec("120"), 9)));
        assert_eq!(arabic("1.15"), Some((dec("1.15"), 4)));
        assert_eq!(arabic("99.9850%"), Some((dec("99.985"), 7)));
        assert_eq!(arabic("1.实施"), Some((dec("1"), 1)));
        assert_eq!(arabic("人"), None);
        assert_eq!(arabic(&"9".repeat(60)), None);
    }

    #[test]
    fn chinese_integers() {
        let cases = [
            ("零", 0),
            ("十", 10),
            ("一十", 10),
            ("十五", 15),
            ("二十七", 27),
            ("一百零五", 105),
            ("一百一十", 110),
            ("两千", 2000),
            ("一万二千", 12000),
            ("三千五百万", 35_000_000),
            ("两亿", 200_000_000),
            ("一亿二千万", 120_000_000),
            ("十万", 100_000),
            ("一万亿", 1_000_000_000_000),
            ("一千零五十", 1050),
            ("一万零五", 10005),
            ("三千五", 3500),
            ("一万五", 15000),
            ("廿", 20),
            ("廿一", 21),
            ("卅五", 35),
            ("壹佰贰拾叁", 123),
            ("貳萬", 20000),
        ];
        for (s, v) in cases {
            assert_eq!(chinese_integer(s), Some((v, s.len())), "{s}");
        }
    }

    #[test]
    fn chinese_integer_takes_the_longest_numeral() {
        assert_eq!(chinese_integer("十四五"), Some((14, 6)));
        assert_eq!(chinese_integer("三四级"), Some((3, 3)));
        assert_eq!(chinese_integer("一、二级"), Some((1, 3)));
        assert_eq!(chinese_integer("十件"), Some((10, 3)));
        assert_eq!(chinese_integer("三千米"), Some((3, 3)));
        assert_eq!(chinese_integer("百姓"), None);
        assert_eq!(chinese_integer("万村"), None);
        assert_eq!(chinese_integer("人"), None);
        assert_eq!(chinese_integer(""), None);
    }

    #[test]
    fn chinese_decimals() {
        assert_eq!(chinese_decimal("三点五"), Some((dec("3.5"), 9)));
        assert_eq!(chinese_decimal("零点零五"), Some((dec("0.05"), 12)));
        assert_eq!(chinese_decimal("三点钟"), Some((dec("3"), 3)));
    }

    #[test]
    fn mixed_numerals_fold_multipliers() {
        let v = |s: &str| numeral(s).map(|(n, len)| (n.value.to_string(), len));
        assert_eq!(v("1.15万"), Some(("11500".into(), 7)));
        assert_eq!(v("3千"), Some(("3000".into(), 4)));
        assert_eq!(v("2.5亿"), Some(("250000000".into(), 6)));
        assert_eq!(v("十五万"), Some(("150000".into(), 9)));
        assert_eq!(v("0.2586万"), Some(("2586".into(), 9)));
        assert_eq!(v("3千万"), Some(("30000000".into(), 7)));
        assert_eq!(v("1.2万亿"), Some(("1200000000000".into(), 9)));
        assert_eq!(v("三点五万"), Some(("35000".into(), 12)));
        assert_eq!(v("3千米"), Some(("3".into(), 1)));
        assert_eq!(v("1.2万千瓦"), Some(("12000".into(), 6)));
        assert_eq!(v("3万万"), Some(("30000".into(), 4)));
    }

    #[test]
    fn percentages() {
        let p = |s: &str| percent(s).map(|(p, len)| (p.value.to_string(), p.unit, len));
        assert_eq!(p("75%"), Some(("75".into(), "%", 3)));
        assert_eq!(p("７５％"), Some(("75".into(), "%", 9)));
        assert_eq!(p("百分之二十"), Some(("20".into(), "%", 15)));
        assert_eq!(p("百分之七十五点五"), Some(("75.5".into(), "%", 24)));
        assert_eq!(p("千分之三"), Some(("3".into(), "‰", 12)));
        assert_eq!(p("5‰"), Some(("5".into(), "‰", 4)));
        assert_eq!(p("75"), None);
    }

    #[test]
    fn ordinals() {
        let o = |s: &str| ordinal(s).map(|(o, len)| (o.value, o.style, len));
        assert_eq!(o("第三"), Some((3, OrdinalStyle::Di, 6)));
        assert_eq!(o("一、"), Some((1, OrdinalStyle::Dun, 6)));
        assert_eq!(o("（二十七）"), Some((27, OrdinalStyle::Paren, 15)));
        assert_eq!(o("(1)"), Some((1, OrdinalStyle::Paren, 3)));
        assert_eq!(o("1.实施"), Some((1, OrdinalStyle::Dot, 2)));
        assert_eq!(o("1.5万"), None);
        assert_eq!(o("①"), Some((1, OrdinalStyle::Circled, 3)));
        assert_eq!(o("⑳"), Some((20, OrdinalStyle::Circled, 3)));
        assert_eq!(o("㉑"), Some((21, OrdinalStyle::Circled, 3)));
        assert_eq!(o("㊿"), Some((50, OrdinalStyle::Circled, 3)));
        assert_eq!(o("⑴"), Some((1, OrdinalStyle::Paren, 3)));
        assert_eq!(o("⒛"), Some((20, OrdinalStyle::Dot, 3)));
        assert_eq!(o("十二"), None);
    }

    #[test]
    fn the_numeral_api() {
        let v = |s: &str| parse(s).map(|n| (n.value.to_string(), n.kind.name(), n.span));
        let cases: &[(&str, &str, &str)] = &[
            ("三十七", "37", "cardinal"),
            ("两万", "20000", "cardinal"),
            ("1.5万", "15000", "cardinal"),
            ("第一百零八", "108", "ordinal"),
            ("负三点五", "-3.5", "cardinal"),
            ("-3.5", "-3.5", "cardinal"),
            ("二〇二四", "2024", "year"),
            ("二〇二四年", "2024", "year"),
            ("2024年", "2024", "year"),
            ("廿", "20", "cardinal"),
            ("卅一", "31", "cardinal"),
            ("陆拾柒", "67", "cardinal"),
            ("1亿5000万", "150000000", "cardinal"),
            ("３万５千", "35000", "cardinal"),
            ("１２，６５０", "12650", "cardinal"),
            ("百分之三十", "30", "percent"),
            ("30%", "30", "percent"),
            ("千分之三", "3", "percent"),
            ("万分之五", "5", "percent"),
            ("三分之一", "0.333333333333", "fraction"),
            ("四分之三", "0.75", "fraction"),
            ("三百余", "300", "cardinal"),
            ("五十多万", "500000", "cardinal"),
            ("百余", "100", "cardinal"),
            ("一二三", "123", "digits"),
            ("零点五", "0.5", "cardinal"),
            ("2024年3月5日", "2024", "date"),
            ("一、", "1", "ordinal"),
            ("（二）", "2", "ordinal"),
            ("③", "3", "ordinal"),
            ("十万八千", "108000", "cardinal"),
        ];
        for &(s, value, kind) in cases {
            let got = v(s);
            assert_eq!(
                got.as_ref().map(|g| (g.0.as_str(), g.1)),
                Some((value, kind)),
                "{s}"
            );
        }
        assert_eq!(v("共有三十七人").map(|g| g.2), Some(6..15));
        assert_eq!(v("百姓"), None);
        assert_eq!(v("千家万户"), None);
        assert_eq!(v(""), None);
        assert_eq!(
            parse("2024年3月5日").unwrap().date.as_deref(),
            Some("2024-03-05")
        );
        let all: Vec<String> = find_numerals("3-5个")
            .map(|n| n.value.to_string())
            .collect();
        assert_eq!(all, ["3", "5"]);
    }

    #[test]
    fn dates() {
        let d = |s: &str| find_date(s).map(|d| (d.iso(), d.range));
        assert_eq!(d("2024 年 4 月 24 日"), Some(("2024-04-24".into(), 0..21)));
        assert_eq!(d("于2024年4月24日印发"), Some(("2024-04-24".into(), 3..19)));
        assert_eq!(
            d("二〇二五年三月十八日"),
            Some(("2025-03-18".into(), 0..30))
        );
        assert_eq!(
            d("二○二四年十二月三十一日"),
            Some(("2024-12-31".into(), 0..36))
        );
        assert_eq!(d("2024-04-24"), Some(("2024-04-24".into(), 0..10)));
        assert_eq!(d("2024/4/24"), Some(("2024-04-24".into(), 0..9)));
        assert_eq!(d("2024年2月30日"), None);
        assert_eq!(d("12024-04-24"), None);
        assert_eq!(d("2024年度"), None);
        assert_eq!(d("4月15日前"), None);
        assert_eq!(d("0551-1234-5678"), None);
    }
}
