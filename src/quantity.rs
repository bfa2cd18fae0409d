//! Quantities: the exact numeric targets in a line of notice text
//! ("不少于 45 人次", "1.15 万人左右", "从 99.9844%提高到 99.9850%").
//!
//! ## Grammar
//! ```text
//! phrase   = change | before? (range | single)
//! change   = ("从" | "由") words? amount verb? ("到" | "至") words? single
//!                                          words = up to 8 (4 after 到) CJK letters; verb ≤ 4
//! range    = amount sep amount after?                          sep = — – - － ～ ~ 〜 至 到
//! single   = amount (after | noun{1,2} bound)?                 5家门店以上
//! amount   = "百分之" n | "千分之" n | (numeral | 百|千|万 &余) ("余" | "多") multiplier? unit?
//! unit     = "%" | "‰" | "‱" | head ("（次）" | "(次)")? (("/" | "·") segment)*
//! head     = counter | letter "次" | latin | ACRONYM counter      剂次, km, AED台
//! segment  = counter | rate word | latin | one CJK letter          元/村, 微克/立方米
//! before   = (不少于 | 不低于 | 不小于 | 至少 | 最少 | 最低)                    ge
//!          | (超过 | 超 | 高于 | 多于 | 大于)                                 gt
//!          | (不超过 | 不高于 | 不多于 | 不大于 | 最高 | 最多)                le
//!          | (低于 | 少于 | 小于 | 不足)                                      lt
//!          | (约 | 大约 | 近 | 将近 | 接近)                                   approx
//!          | ≥ ≧ ⩾ (ge), ≤ ≦ ⩽ (le), > ＞ 逾 超出 突破 (gt), < ＜ 不到 (lt), 至多 未超过 (le)
//!            then, for words of two or more characters, up to 4 CJK letters
//!            ("至少开展4次", "不超过每生每年10个月") or, except after 最…, a
//!            noun phrase of up to 16 ending in 的, 标准 or 水平 ("不低于当地最低工资
//!            标准的60%", "不低于当地低保标准1.3倍")
//! after    = (（含）)? (及以上 | 或以上 | 以上 (ge) | 及以下 | 以下 | 以内 (le)
//!            | 左右 | 上下 (approx)) (（含）)?;  bound = the ge/le ones
//! ```
//! 余/多 after the number ("6600余人次", "3000多人") give `gt`; a plain number,
//! also after 达到/达/新增/为, is `eq`. A word after the number wins over one
//! before it ("达到 98%以上" is `ge`). The contract's comparators are
//! extended by 最高/最多 (le), 最低/最少 (ge), 大于 (gt), 小于/不足 (lt).
//!
//! Units are an open class read by the grammar: a *counter* is a measure
//! word or unit of a table (人, 人次, 户, 个, 元, 剂, 路, 类, 学时, 平方米,
//! 千瓦, 微克 …), any CJK letter before 次 makes one (剂次, 架次), Latin
//! units (km, kWh, μg/m³) and an acronym before a counter (AED台) are units,
//! and any of these takes rate segments (元/人/年, 元/人·月). Never units:
//! 年 after a year, 月, 日, 号, 届, 级, 时, 点, 分 (dates, grades, numbering,
//! clock times). The unit is reported as printed (人（次） stays 人（次）);
//! [`canonical_unit`] gives one spelling per rate, with the 每X written
//! before the number ("每人每月300元" is `元/人/月`). 千 before 米/瓦/克 is
//! part of the unit, elsewhere 千/万/亿 are multipliers folded into the
//! value, also in mixed forms ("1亿5000万元") and after 余 ("1000余万元").
//!
//! ## How a number becomes a quantity (and when it does not)
//! The line is scanned left to right with spaces removed; at each place the
//! grammar above is tried and the longest phrase taken. A phrase is kept
//! when all of these hold:
//! - it has a unit or an explicit comparator (a bare "2024" or "(1)" is not
//!   a target); a range or change also needs a unit;
//! - it is not a year: a four-digit integer 1000–2999 before 年 ("2024年",
//!   "2024 年度", "2024—2026年");
//! - a number written in Chinese without an explicit comparator (不少于一位),
//!   the 百分之 form, a place of 百 or above (两千人) or a range counts only
//!   in a counting context: 2 or more (一件事, 一是 never), not followed by
//!   another numeral (一区一档, 三个一批) or a slogan (两个维护), a span or
//!   duration not naming a thing (三公里就业圈, 三年行动, 十二年免费教育), not
//!   the frame of a list (十件实事, 十个方面); below ten, also at the end of
//!   its clause ("新建学校两所。") or after a counting verb ("培育四所"),
//!   which keeps names such as 两项补贴 and 两级财政 out;
//! - it does not name a thing: 15分钟生活圈, 3年行动计划, 16路公交, 75周年;
//! - it does not start right after a digit, a decimal point, 第 or a Latin
//!   letter (ordinals 第三, parts of other numbers), nor inside a masked span.
//!
//! Masked spans: text in quotes or title marks (“三公里”, “15分钟阅读圈”,
//! “十四五”, 《…》), in square and lenticular brackets (〔2021〕, 【…】), full dates
//! (2024 年 4 月 24 日, 二〇二五年三月十八日), and ratios (1:1, 1：1 — a
//! ratio is not a quantity and is not reported). Partial dates fall out of the
//! unit table: 月 alone and 日 are not units (个月 and 天 are), so 4月底前,
//! 4月15日前, 每季度末月25日前 yield nothing; neither 级, 届 nor 号 are units
//! (一、二级, 2026届, 〔2024〕1号).
//!
//! Lists: items joined by 、 和 及 与 或 share a comparator written before the
//! first ("不低于 80%、75%、60%" is three `ge`), and a unit or an after-word
//! written on the last ("3、5个", "80%、75%以上").
//!
//! ## Examples
//! ```
//! use minsheng::internals::quantity::find_quantities;
//! let line = "新增城镇就业 1.15 万人左右，培训 6900 人次";
//! let qs = find_quantities(line);
//! assert_eq!(qs[0].to_string(), "approx 11500 人");
//! assert_eq!(&line[qs[0].range.clone()], "1.15 万人左右");
//! assert_eq!(qs[0].text, "1.15万人左右");
//! assert_eq!(qs[1].to_string(), "eq 6900 人次");
//! ```

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::{char, satisfy};
use nom::combinator::{map, opt, value};
use nom::multi::many0;
use nom::{IResult, Parser};

use crate::model::{self, Quantity, Relation};
use crate::numeral::{
    arabic_digit, find_dates, is_chinese_numeral_char, multipliers, number, percent_sign,
    percent_words, Number, Script,
};
use crate::{Decimal, Span};

/// A quantity found in a line of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuantityMatch {
    /// Byte range of the whole phrase in the text given to
    /// [`find_quantities`], from its first character (不 of 不少于, 从 of a
    /// change, else the number) to its last (左右, the unit…).
    pub range: Range<usize>,
    /// The phrase with whitespace removed ("1.15万人左右").
    pub text: String,
    /// What is to be achieved: the exact number (万/亿/千 folded in) and
    /// how it relates to the target, a range, or a change.
    pub amount: model::Amount,
    /// What follows the number as printed, width-folded: 人次, 人（次）,
    /// 元/月/人, %, ‰ ("" when a comparator stands with a bare number, as
    /// in 最高30万).
    pub unit: String,
    /// The unit in one spelling per rate (see [`canonical_unit`]): 元/月/人,
    /// 元/人·月 and 每人每月…元 are all `元/人/月`; 人（次） is `人次`.
    pub canonical_unit: String,
}

impl QuantityMatch {
    /// The contract's [`Quantity`] for this match, given where the phrase
    /// is in the whole input: `span` (bytes), and its 1-based `line` and
    /// `column` (characters). A caller that passed a line starting at byte
    /// `base` of the source gets the span as `base + range.start ..
    /// base + range.end`.
    ///
    /// ```
    /// use minsheng::internals::quantity::find_quantities;
    /// use minsheng::Span;
    /// let q = &find_quantities("不少于 45 人次")[0];
    /// let model = q.to_quantity(Span::new(q.range.start, q.range.end), 3, 1);
    /// assert_eq!(model.text, "不少于45人次");
    /// assert_eq!((model.line, model.value().to_string()), (3, "45".to_string()));
    /// ```
    pub fn to_quantity(&self, span: Span, line: u32, column: u32) -> Quantity {
        Quantity {
            text: self.text.clone(),
            amount: self.amount,
            unit: self.unit.clone(),
            canonical_unit: self.canonical_unit.clone(),
            line,
            column,
            span,
        }
    }
}

impl fmt::Display for QuantityMatch {
    /// A compact form used by the spec tests: `ge 277 元/月/人 =元/人/月`
    /// (the canonical unit after `=` when it differs from the printed one),
    /// `range 18000..21000 元`, `eq 99.985 % from 99.9844`, `le 300000`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.amount.cmp().as_str())?;
        match self.amount.bounds() {
            Some((lo, hi)) => write!(f, " {lo}..{hi}")?,
            None => write!(f, " {}", self.amount.value())?,
        }
        if !self.unit.is_empty() {
            write!(f, " {}", self.unit)?;
        }
        if self.canonical_unit != self.unit {
            write!(f, " ={}", self.canonical_unit)?;
        }
        if let Some(from) = self.amount.from() {
            write!(f, " from {from}")?;
        }
        Ok(())
    }
}

/// Every quantity in one logical line of notice text, left to right.
///
/// The text may contain spaces between CJK and digits and half- or
/// full-width punctuation. Never panics; every returned range lies on
/// character boundaries of `text`.
///
/// ```
/// use minsheng::internals::quantity::find_quantities;
/// let all = |s| find_quantities(s).iter().map(|q| q.to_string()).collect::<Vec<_>>();
/// assert_eq!(all("分别按不低于 80%、75%、60%的比例"), ["ge 80 %", "ge 75 %", "ge 60 %"]);
/// assert_eq!(all("每人 1.8 万—2.1 万元"), ["range 18000..21000 元 =元/人"]);
/// assert_eq!(all("供电可靠性从 99.9844%提高到 99.9850%"), ["eq 99.985 % from 99.9844"]);
/// assert_eq!(all("月人均最低标准从143元提高到148元"), ["eq 148 元 from 143"]);
/// assert!(all("2024 年“三公里”一户多残〔2021〕1号 1:1").is_empty());
/// ```
pub fn find_quantities(text: &str) -> Vec<QuantityMatch> {
    let compact = Compact::new(text);
    let s = compact.text.as_str();
    let masked = masks(s);
    let mut found: Vec<Candidate> = Vec::new();
    let mut pos = 0;
    while let Some(c) = s[pos..].chars().next() {
        if !masked[pos] && could_start(c) {
            if let Ok((rest, mut cand)) = phrase(&s[pos..]) {
                let end = s.len() - rest.len();
                if may_start(s, pos, &cand) && !masked[pos..end].iter().any(|&m| m) {
                    cand.range = pos..end;
                    found.push(cand);
                    pos = end;
                    continue;
                }
            }
            if arabic_digit(c).is_some() || is_chinese_numeral_char(c) {
                // No phrase starts inside this number either (may_start
                // refuses them): skip it whole, which also keeps the scan
                // linear on long digit runs.
                pos = numeral_run_after(s, pos, c);
                continue;
            }
        }
        pos += c.len_utf8();
    }
    distribute_lists(s, &mut found);
    for c in found.iter_mut() {
        c.per = c.rates(s);
    }
    // "每人每月90元和100元": the list shares its rate.
    for i in 1..found.len() {
        let (head, tail) = found.split_at_mut(i);
        let (a, b) = (&head[i - 1], &mut tail[0]);
        if joined(s, a, b) && b.per.is_empty() && a.unit == b.unit {
            b.per.clone_from(&a.per);
        }
    }
    found
        .into_iter()
        .filter(|c| c.is_target(s))
        .map(|c| c.finish(&compact))
        .collect()
}

// ---------------------------------------------------------------------------
// The line without whitespace, mapped back to the input.

struct Compact {
    text: String,
    /// Input byte offset of every byte of `text`.
    orig: Vec<usize>,
}

impl Compact {
    fn new(input: &str) -> Compact {
        let mut text = String::with_capacity(input.len());
        let mut orig = Vec::with_capacity(input.len());
        for (i, c) in input.char_indices() {
            if !c.is_whitespace() {
                text.push(c);
                orig.extend((0..c.len_utf8()).map(|_| i));
            }
        }
        Compact { text, orig }
    }

    /// The input range of a compact range (both on char boundaries).
    fn original(&self, r: &Range<usize>) -> Range<usize> {
        let last = self.text[..r.end].chars().next_back();
        let start = self.orig.get(r.start).copied().unwrap_or(0);
        let end = match last {
            Some(c) => self.orig[r.end - c.len_utf8()] + c.len_utf8(),
            None => start,
        };
        start..end
    }
}

// ---------------------------------------------------------------------------
// Masks: quoted names, titles, bracketed years, dates, ratios.

fn masks(s: &str) -> Vec<bool> {
    let mut masked = vec![false; s.len()];
    let mut mask = |r: Range<usize>| masked[r].iter_mut().for_each(|m| *m = true);
    const PAIRS: [(char, char); 13] = [
        ('“', '”'),
        ('‘', '’'),
        ('"', '"'),
        ('＂', '＂'),
        ('「', '」'),
        ('『', '』'),
        ('《', '》'),
        ('〈', '〉'),
        ('〔', '〕'),
        ('［', '］'),
        ('[', ']'),
        ('﹝', '﹞'),
        ('【', '】'),
    ];
    // An opener masks up to the next matching closer; one that is never
    // closed on the line masks nothing. Closer positions are listed once per
    // kind, when first needed, so the search stays O(n log n) on any input.
    let mut closers: [Option<Vec<usize>>; PAIRS.len()] = Default::default();
    let mut covered = 0;
    for (i, c) in s.char_indices() {
        if i < covered {
            continue;
        }
        let Some(k) = PAIRS.iter().position(|&(open, _)| open == c) else {
            continue;
        };
        let close = PAIRS[k].1;
        let list =
            closers[k].get_or_insert_with(|| s.match_indices(close).map(|(j, _)| j).collect());
        let after = &list[list.partition_point(|&j| j <= i)..];
        if let Some(&j) = after.first() {
            covered = j + close.len_utf8();
            mask(i..covered);
        }
    }
    for d in find_dates(s) {
        mask(d.range);
    }
    for (i, c) in s.char_indices() {
        if c == ':' || c == '：' {
            let before = number_run_before(s, i);
            let after = number_run_after(s, i + c.len_utf8());
            if before < i && after > i + c.len_utf8() {
                mask(before..after);
            }
        }
    }
    masked
}

fn is_number_char(c: char) -> bool {
    arabic_digit(c).is_some() || matches!(c, '.' | '．' | ',')
}

fn number_run_before(s: &str, i: usize) -> usize {
    s[..i]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_number_char(c))
        .last()
        .map_or(i, |(j, _)| j)
}

/// The end of the numeral run at `i` in the script of its first char `c`.
fn numeral_run_after(s: &str, i: usize, c: char) -> usize {
    if arabic_digit(c).is_some() {
        return number_run_after(s, i);
    }
    i + s[i..]
        .chars()
        .take_while(|&c| is_chinese_numeral_char(c) || c == '点')
        .map(char::len_utf8)
        .sum::<usize>()
}

fn number_run_after(s: &str, i: usize) -> usize {
    i + s[i..]
        .chars()
        .take_while(|&c| is_number_char(c))
        .map(char::len_utf8)
        .sum::<usize>()
}

// ---------------------------------------------------------------------------
// Candidates: what the grammar read, before the target rules.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Single,
    Range,
    Change,
}

#[derive(Debug, Clone)]
struct Candidate {
    /// Compact byte range.
    range: Range<usize>,
    kind: Kind,
    value: Decimal,
    min: Option<Decimal>,
    from: Option<Decimal>,
    unit: Option<String>,
    /// Comparator written before the number (or shared from a list).
    before: Option<Relation>,
    /// 以上/以下/以内/左右 after it.
    after: Option<Relation>,
    /// 余/多 between number and unit.
    more: bool,
    /// The phrase starts with its number (not a comparator or 从).
    starts_with_number: bool,
    /// Some number in it is in Chinese digits.
    chinese: bool,
    /// Written with 百分之, a Chinese place ≥ 百, or a multiplier.
    weighty: bool,
    /// A four-digit integer, as years are.
    year_like: bool,
    /// Denominators written as 每X before the number.
    per: Vec<String>,
}

impl Candidate {
    fn explicit(&self) -> bool {
        self.before.is_some() || self.after.is_some() || self.more
    }

    /// The relation of a single number or a change's new value.
    fn relation(&self) -> Relation {
        self.after.or(self.before).unwrap_or(if self.more {
            Relation::Gt
        } else {
            Relation::Eq
        })
    }

    fn is_target(&self, s: &str) -> bool {
        let unit = self.unit.as_deref().unwrap_or("");
        let compared = self.before.is_some() || self.after.is_some();
        if unit.is_empty() && (self.kind != Kind::Single || !compared) {
            return false;
        }
        if self.year_like && (unit == "年" || unit.is_empty()) {
            return false;
        }
        let after = &s[self.range.end..];
        if self.kind == Kind::Single && !self.explicit() && names_a_thing(unit, after) {
            return false;
        }
        if self.chinese && self.kind == Kind::Single && !self.explicit() && !self.weighty {
            return chinese_count(self, s, unit, after);
        }
        true
    }

    /// The 每X denominators written before its numbers.
    fn rates(&self, s: &str) -> Vec<String> {
        let unit = self.unit.as_deref().unwrap_or("");
        if unit.is_empty() || unit.starts_with(['%', '‰', '‱']) || unit.ends_with("百分点") {
            return Vec::new();
        }
        let mut per: Vec<String> = Vec::new();
        for at in number_starts(s, &self.range) {
            for seg in per_prefixes(s, at) {
                if !per.iter().any(|p| p == seg) {
                    per.push(seg.to_string());
                }
            }
        }
        per
    }

    fn finish(self, compact: &Compact) -> QuantityMatch {
        let amount = match (self.kind, self.min, self.from) {
            (Kind::Range, Some(min), _) => model::Amount::Range {
                min,
                max: self.value,
            },
            (Kind::Change, _, Some(from)) => model::Amount::Change {
                from,
                cmp: self.relation(),
                to: self.value,
            },
            _ => model::Amount::Single {
                cmp: self.relation(),
                value: self.value,
            },
        };
        let range = compact.original(&self.range);
        let unit = self.unit.unwrap_or_default();
        let per: Vec<&str> = self.per.iter().map(String::as_str).collect();
        QuantityMatch {
            range,
            text: compact.text[self.range.clone()].to_string(),
            amount,
            canonical_unit: canonical_unit(&unit, &per),
            unit,
        }
    }
}

/// Where the numbers of a phrase start: after its comparator and the words
/// between (不低于每人每月…), after 由/从 and theirs, after 提高到.
fn number_starts<'a>(s: &'a str, range: &Range<usize>) -> impl Iterator<Item = usize> + 'a {
    let is_num = |c: char| arabic_digit(c).is_some() || is_chinese_numeral_char(c);
    let start = range.start;
    let mut prev_num = false;
    s[range.clone()].char_indices().filter_map(move |(k, c)| {
        let num = is_num(c) || (prev_num && matches!(c, '.' | ','));
        let starts = num && !prev_num;
        prev_num = num;
        starts.then_some(start + k)
    })
}

/// A count that names a thing rather than counting it: "15分钟生活圈",
/// "三公里就业圈", "三年行动计划".
fn names_a_thing(unit: &str, after: &str) -> bool {
    let span_or_time = matches!(
        unit,
        "公里" | "千米" | "米" | "分钟" | "小时" | "天" | "年" | "个月" | "周"
    );
    if span_or_time {
        let letters: String = after
            .chars()
            .take_while(|&c| is_cjk_letter(c))
            .take(6)
            .collect();
        if letters.contains('圈') {
            return true;
        }
        if unit == "年"
            && ["行动", "计划", "规划", "攻坚", "方案"]
                .iter()
                .any(|w| after.starts_with(w))
        {
            return true;
        }
    }
    // 16路公交车: a bus line's name.
    if unit == "路"
        && ["公交", "车", "线", "口"]
            .iter()
            .any(|w| after.starts_with(w))
    {
        return true;
    }
    // 成立75周年: an anniversary.
    unit == "周年"
}

/// Verbs after which a small Chinese numeral counts ("培育四所", "新建两个").
const COUNT_VERBS: &[&str] = &[
    "新建",
    "建成",
    "建设",
    "新增",
    "增加",
    "增设",
    "改造",
    "改扩建",
    "扩建",
    "续建",
    "培育",
    "打造",
    "开展",
    "举办",
    "完成",
    "培训",
    "提供",
    "配备",
    "配置",
    "设立",
    "建立",
    "创建",
    "招聘",
    "组织",
    "开设",
    "新开",
    "开通",
    "达到",
    "达",
    "为",
    "共",
    "计",
    "累计",
    "共计",
    "帮扶",
    "救助",
    "资助",
    "覆盖",
    "惠及",
    "安排",
    "发放",
    "选派",
    "招募",
    "认定",
    "评选",
    "扶持",
    "补助",
    "奖励",
    "新设",
    "购置",
    "更新",
    "安装",
    "修建",
    "修缮",
    "整治",
    "铺设",
    "启动",
    "引进",
    "投放",
    "筹建",
    "推出",
    "招收",
    "招录",
    "接种",
    "解决",
    "开发",
    "储备",
    "选树",
    "遴选",
    "建",
    "设",
    "增",
    "添置",
    "新购",
    "创成",
    "创评",
    "认证",
    "命名",
    "入选",
];

/// Political slogans that count nothing: 两个维护, 四个意识, 三个务必.
const SLOGANS: &[&str] = &[
    "维护", "确保", "意识", "自信", "全面", "务必", "坚持", "必须", "代表", "倒逼", "优先", "服务",
    "一",
];

/// A Chinese numeral without comparator or large place is a count only in a
/// counting context: 2 or more, not followed by another numeral (一区一档,
/// 三个一批) or a slogan (两个维护), a span or duration not naming a thing
/// (三公里就业圈, 三年行动); below ten, also the end of the clause
/// ("新建学校两所。") or a counting verb before it ("培育四所"), which keeps
/// names such as 两项补贴 and 两级财政 out.
fn chinese_count(c: &Candidate, s: &str, unit: &str, after: &str) -> bool {
    if !c.value.is_integer() || c.value < Decimal::from_int(2) || c.min.is_some() {
        return false;
    }
    let next = after.chars().next();
    if next.is_some_and(is_chinese_numeral_char) {
        return false;
    }
    if unit == "个" && SLOGANS.iter().any(|w| after.starts_with(w)) {
        return false;
    }
    // 十件实事, 十项民生工程, 十个方面: the frame of a list, not a count in it.
    if matches!(unit, "件" | "项" | "个" | "大")
        && [
            "实事",
            "民生实事",
            "民生工程",
            "惠民实事",
            "大事",
            "为民办实事",
            "方面",
            "领域",
            "环节",
        ]
        .iter()
        .any(|w| after.starts_with(w))
    {
        return false;
    }
    let span_or_time = matches!(
        unit,
        "公里" | "千米" | "米" | "里" | "分钟" | "小时" | "刻钟" | "天" | "年" | "周" | "个月"
    );
    // 二次供水, 三次分配: an order or a kind, not a count of times.
    if (span_or_time || unit == "次") && next.is_some_and(is_cjk_letter) {
        return false;
    }
    if c.value >= Decimal::from_int(10) {
        return true;
    }
    let clause_end = !next.is_some_and(|n| is_cjk_letter(n) || n.is_ascii_alphanumeric());
    let before = &s[..c.range.start];
    clause_end || COUNT_VERBS.iter().any(|v| before.ends_with(v))
}

/// Whether a phrase may begin at `pos`: not inside another number, an
/// ordinal (第三) or a Latin word.
fn may_start(s: &str, pos: usize, cand: &Candidate) -> bool {
    if !cand.starts_with_number {
        return true;
    }
    let Some(prev) = s[..pos].chars().next_back() else {
        return true;
    };
    // "新增配置AED200台": a whole count after an acronym of three letters
    // or more, in a measure word; "G318国道", "PM2.5浓度", "PM10年均" are
    // names.
    let after_acronym = {
        let letters = s[..pos].len()
            - s[..pos]
                .trim_end_matches(|c: char| c.is_ascii_uppercase())
                .len();
        letters >= 3
            && cand.value.is_integer()
            && cand.unit.as_deref().is_some_and(|u| COUNTERS.contains(&u))
    };
    let bad = arabic_digit(prev).is_some()
        || (prev.is_ascii_alphanumeric() && !after_acronym)
        || matches!(
            prev,
            '.' | '．' | '﹒' | '第' | '/' | '／' | '—' | '–' | '-' | '－' | '～' | '~'
        )
        || (cand.chinese && is_chinese_numeral_char(prev));
    !bad
}

/// Share comparators and units across list items ("不低于80%、75%、60%").
/// Two list items next to each other: "80%、75%", "90元和100元".
fn joined(s: &str, a: &Candidate, b: &Candidate) -> bool {
    a.kind == Kind::Single
        && b.kind == Kind::Single
        && matches!(
            s.get(a.range.end..b.range.start),
            Some("、" | "和" | "及" | "与" | "或" | "以及")
        )
}

fn distribute_lists(s: &str, cands: &mut [Candidate]) {
    let joined = |a: &Candidate, b: &Candidate| joined(s, a, b);
    for i in 1..cands.len() {
        let (head, tail) = cands.split_at_mut(i);
        let (a, b) = (&head[i - 1], &mut tail[0]);
        if joined(a, b) && !b.explicit() && a.before.is_some() {
            b.before = a.before;
        }
    }
    for i in (1..cands.len()).rev() {
        let (head, tail) = cands.split_at_mut(i);
        let (a, b) = (&mut head[i - 1], &tail[0]);
        if joined(a, b) {
            if a.unit.is_none() {
                a.unit.clone_from(&b.unit);
            }
            if !a.explicit() && b.after.is_some() {
                a.after = b.after;
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The phrase grammar.

/// A number and what directly follows it.
#[derive(Debug, Clone)]
struct Amount {
    value: Decimal,
    multiplier: u32,
    more: bool,
    unit: Option<String>,
    chinese: bool,
    weighty: bool,
    year_like: bool,
}

fn phrase(i: &str) -> IResult<&str, Candidate> {
    alt((change, compared, measured)).parse(i)
}

fn failure(i: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify))
}

/// A comparator, then up to four CJK letters ("至少开展4次", "不超过每生每年10个月"),
/// then the measured phrase. Single-character comparators (约, 近, 超) take
/// no gap: "近年来新增3个" is not approximate.
fn compared(i: &str) -> IResult<&str, Candidate> {
    let (rest, (word, cmp)) = comparator_before(i)?;
    // 最低/最高 are also adjectives (最低工资标准的90%): no noun phrase after them.
    let wide = word.chars().count() > 1;
    let noun_phrase = wide && !word.starts_with('最');
    let max_gap = if wide { MAX_NOUN_GAP } else { 0 };
    let mut at = rest;
    for n in 0..=max_gap {
        // A short gap ("至少开展4次"), or a noun phrase ending in 的
        // ("不低于当地最低工资标准的60%") or naming a reference amount
        // ("不低于当地低保标准1.3倍").
        let phrase = &rest[..rest.len() - at.len()];
        let reference =
            phrase.ends_with('的') || phrase.ends_with("标准") || phrase.ends_with("水平");
        if n <= 4 || (noun_phrase && reference) {
            if let Ok((after, mut c)) = measured(at) {
                if c.kind == Kind::Single || c.kind == Kind::Range {
                    c.before = Some(cmp);
                    c.starts_with_number = false;
                    return Ok((after, c));
                }
            }
        }
        match at.chars().next() {
            // "最低标准从143元提高到148元": the number after 从 starts a
            // change, which the comparator does not reach over.
            Some('从' | '由') => break,
            Some(ch) if is_cjk_letter(ch) => at = &at[ch.len_utf8()..],
            _ => break,
        }
    }
    Err(failure(i))
}

/// The longest noun phrase between a comparator and its number when the
/// phrase ends in 的.
const MAX_NOUN_GAP: usize = 16;

/// Comparators written before the number, longer words first where one
/// begins another (不超过 before 超过 before 超).
const BEFORE: &[(&str, Relation)] = &[
    ("不少于", Relation::Ge),
    ("不低于", Relation::Ge),
    ("不小于", Relation::Ge),
    ("至少", Relation::Ge),
    ("最少", Relation::Ge),
    ("最低", Relation::Ge),
    ("不超过", Relation::Le),
    ("不高于", Relation::Le),
    ("不多于", Relation::Le),
    ("不大于", Relation::Le),
    ("最高", Relation::Le),
    ("最多", Relation::Le),
    ("超过", Relation::Gt),
    ("高于", Relation::Gt),
    ("多于", Relation::Gt),
    ("大于", Relation::Gt),
    ("低于", Relation::Lt),
    ("少于", Relation::Lt),
    ("小于", Relation::Lt),
    ("不足", Relation::Lt),
    ("不到", Relation::Lt),
    ("未超过", Relation::Le),
    ("至多", Relation::Le),
    ("超出", Relation::Gt),
    ("突破", Relation::Gt),
    ("大约", Relation::Approx),
    ("将近", Relation::Approx),
    ("接近", Relation::Approx),
    ("约", Relation::Approx),
    ("近", Relation::Approx),
    ("超", Relation::Gt),
    ("逾", Relation::Gt),
    ("≥", Relation::Ge),
    ("≧", Relation::Ge),
    ("⩾", Relation::Ge),
    ("≤", Relation::Le),
    ("≦", Relation::Le),
    ("⩽", Relation::Le),
    (">", Relation::Gt),
    ("＞", Relation::Gt),
    ("<", Relation::Lt),
    ("＜", Relation::Lt),
];

fn comparator_before(i: &str) -> IResult<&str, (&'static str, Relation)> {
    BEFORE
        .iter()
        .find(|(w, _)| i.starts_with(w))
        .map(|&(w, c)| (&i[w.len()..], (w, c)))
        .ok_or_else(|| failure(i))
}

/// The first characters of the [`BEFORE`] words (a unit test keeps the two
/// in step); looking them up per character would dominate the scan.
const BEFORE_FIRST: [char; 27] = [
    '不', '至', '最', '超', '高', '多', '大', '低', '少', '小', '约', '近', '将', '未', '突', '接',
    '逾', '≥', '≧', '⩾', '≤', '≦', '⩽', '>', '＞', '<', '＜',
];

/// A cheap test before trying the grammar: can a phrase begin with `c`?
fn could_start(c: char) -> bool {
    arabic_digit(c).is_some()
        || is_chinese_numeral_char(c)
        || matches!(c, '从' | '由')
        || BEFORE_FIRST.contains(&c)
}

/// A CJK ideograph that is not part of a numeral.
fn is_cjk_letter(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) && !is_chinese_numeral_char(c)
}

/// A range or a single amount, with an after-word. The first amount is read
/// once and then either continued into a range or closed as a single.
fn measured(i: &str) -> IResult<&str, Candidate> {
    let (i, first) = amount(i)?;
    match range_tail(&first, i) {
        Ok(done) => Ok(done),
        Err(_) => single_tail(first, i),
    }
}

fn single(i: &str) -> IResult<&str, Candidate> {
    let (i, a) = amount(i)?;
    single_tail(a, i)
}

fn single_tail(a: Amount, i: &str) -> IResult<&str, Candidate> {
    let (i, after) = if a.unit.is_some() {
        opt(noun_then_bound).parse(i)?
    } else {
        opt(comparator_after).parse(i)?
    };
    Ok((i, candidate(Kind::Single, &a, None, after)))
}

/// The rest of a range after its lower amount: sep, upper amount, after-word.
fn range_tail<'a>(lo: &Amount, i: &'a str) -> IResult<&'a str, Candidate> {
    let (i, _) = range_sep(i)?;
    let (i, hi) = amount(i)?;
    let (i, after) = opt(comparator_after).parse(i)?;
    let lo = bounds(lo.clone(), &hi)
        .filter(|lo| lo.value <= hi.value)
        .ok_or_else(|| failure(i))?;
    Ok((i, candidate(Kind::Range, &hi, Some(lo.value), after)))
}

/// The lower amount of a range or change given the upper: it borrows the
/// upper's multiplier ("1-2万元") and unit; units must agree.
fn bounds(mut lo: Amount, hi: &Amount) -> Option<Amount> {
    if lo.multiplier == 0 && hi.multiplier > 0 {
        lo.value = lo.value.scale_pow10(hi.multiplier);
    }
    match (&lo.unit, &hi.unit) {
        (Some(a), Some(b)) if a != b => return None,
        (None, Some(_)) => lo.unit.clone_from(&hi.unit),
        _ => {}
    }
    Some(lo)
}

fn range_sep(i: &str) -> IResult<&str, char> {
    satisfy(|c| matches!(c, '—' | '–' | '-' | '－' | '～' | '~' | '〜' | '至' | '到')).parse(i)
}

/// 从/由 A (verb) 到/至 B. Without a verb ("从3岁到6岁") it is a range.
fn change(i: &str) -> IResult<&str, Candidate> {
    let (i, _) = satisfy(|c| c == '从' || c == '由').parse(i)?;
    // Words before the number: "由每人每年8640元", "从原来的5个".
    let (i, from) = after_letters(i, 8, amount)?;
    let (i, verb) = verb_to(i)?;
    let (i, mut c) = after_letters(i, 4, |i| alt((compared, single)).parse(i))?;
    if c.kind != Kind::Single {
        return Err(failure(i));
    }
    match (&from.unit, &c.unit) {
        (Some(a), Some(b)) if a != b => return Err(failure(i)),
        (Some(_), None) => c.unit.clone_from(&from.unit),
        _ => {}
    }
    c.starts_with_number = false;
    c.chinese |= from.chinese;
    if verb == 0 {
        if c.explicit() || from.value > c.value {
            return Err(failure(i));
        }
        c.kind = Kind::Range;
        c.min = Some(from.value);
    } else {
        c.kind = Kind::Change;
        c.from = Some(from.value);
    }
    Ok((i, c))
}

/// `p` after at most `max` CJK letters (the fewest that work).
fn after_letters<'a, T>(
    i: &'a str,
    max: usize,
    mut p: impl FnMut(&'a str) -> IResult<&'a str, T>,
) -> IResult<&'a str, T> {
    let mut at = i;
    for _ in 0..=max {
        if let Ok(done) = p(at) {
            return Ok(done);
        }
        match at.chars().next() {
            Some(c) if is_cjk_letter(c) && !matches!(c, '到' | '至' | '从' | '由') => {
                at = &at[c.len_utf8()..]
            }
            _ => break,
        }
    }
    Err(failure(i))
}

/// Up to four CJK letters, then 到 or 至; returns the verb's length in chars.
fn verb_to(i: &str) -> IResult<&str, usize> {
    for (n, (at, c)) in i.char_indices().enumerate() {
        if c == '到' || c == '至' {
            return Ok((&i[at + c.len_utf8()..], n));
        }
        if n == 4 || !is_cjk_letter(c) {
            break;
        }
    }
    Err(failure(i))
}

fn comparator_after(i: &str) -> IResult<&str, Relation> {
    let included = |i| -> IResult<&str, ()> {
        value(
            (),
            opt((
                satisfy(|c| c == '（' || c == '('),
                char('含'),
                satisfy(|c| c == '）' || c == ')'),
            )),
        )
        .parse(i)
    };
    let (i, _) = included(i)?;
    let (i, cmp) = alt((
        value(
            Relation::Ge,
            alt((tag("及以上"), tag("或以上"), tag("以上"))),
        ),
        value(Relation::Le, alt((tag("及以下"), tag("以下"), tag("以内")))),
        value(Relation::Approx, alt((tag("左右"), tag("上下")))),
    ))
    .parse(i)?;
    let (i, _) = included(i)?;
    Ok((i, cmp))
}

/// An after-word, or a bound after a short noun: "5家门店以上" (the noun
/// at most two letters, so a bound further on does not reach back).
fn noun_then_bound(i: &str) -> IResult<&str, Relation> {
    if let Ok(r) = comparator_after(i) {
        return Ok(r);
    }
    let mut at = i;
    for _ in 0..2 {
        match at.chars().next() {
            Some(c) if is_cjk_letter(c) => at = &at[c.len_utf8()..],
            _ => break,
        }
        if let Ok((rest, cmp)) = comparator_after(at) {
            if cmp != Relation::Approx {
                return Ok((rest, cmp));
            }
        }
    }
    Err(failure(i))
}

fn candidate(kind: Kind, a: &Amount, min: Option<Decimal>, after: Option<Relation>) -> Candidate {
    Candidate {
        range: 0..0,
        kind,
        value: a.value,
        min,
        from: None,
        unit: a.unit.clone(),
        before: None,
        after,
        more: a.more,
        starts_with_number: true,
        chinese: a.chinese,
        weighty: a.weighty,
        year_like: a.year_like,
        per: Vec::new(),
    }
}

fn amount(i: &str) -> IResult<&str, Amount> {
    alt((
        map(percent_words, |p| Amount {
            value: p.value,
            multiplier: 0,
            more: false,
            unit: Some(p.unit.to_string()),
            chinese: true,
            weighty: true,
            year_like: false,
        }),
        numeric_amount,
    ))
    .parse(i)
}

/// 百余/千余/万余/百多: a bare place with 余 or 多 ("百余人" is more than 100).
fn bare_place(i: &str) -> IResult<&str, Number> {
    let (i, exp) = alt((
        value(2, satisfy(|c| c == '百' || c == '佰')),
        value(3, satisfy(|c| c == '千' || c == '仟')),
        value(4, satisfy(|c| c == '万' || c == '萬')),
    ))
    .parse(i)?;
    if !i.starts_with(['余', '多']) {
        return Err(failure(i));
    }
    Ok((
        i,
        Number {
            value: Decimal::from_int(1).scale_pow10(exp),
            script: Script::Chinese,
            multiplier: 0,
            large_places: true,
        },
    ))
}

fn numeric_amount(i: &str) -> IResult<&str, Amount> {
    let start = i;
    let (i, mut n) = alt((number, bare_place)).parse(i)?;
    let (i, more) = opt(satisfy(|c| c == '余' || c == '多')).parse(i)?;
    // 1000余万元, 3000多万: the multiplier after 余/多.
    let (i, late) = if more.is_some() {
        multipliers(i)?
    } else {
        (i, 0)
    };
    if late > n.multiplier {
        n.value = n.value.scale_pow10(late);
        n.multiplier = late;
        n.large_places = true;
    }
    let (i, unit) = opt(unit).parse(i)?;
    let digits = &start[..start.len() - i.len()];
    let year_like = n.script == Script::Arabic
        && n.multiplier == 0
        && n.value.is_integer()
        && digits
            .chars()
            .take_while(|c| arabic_digit(*c).is_some())
            .count()
            == 4
        && (Decimal::from_int(1000)..=Decimal::from_int(2999)).contains(&n.value);
    Ok((
        i,
        Amount {
            value: n.value,
            multiplier: n.multiplier,
            more: more.is_some(),
            unit,
            chinese: n.script == Script::Chinese,
            weighty: n.large_places,
            year_like,
        },
    ))
}

// ---------------------------------------------------------------------------
// Units.

/// Measure words and units that may follow a number. 月 and 日 are absent on
/// purpose: "4月" and "15日" are dates (durations say 个月, 天); so are
/// 级, 届, 号, 时, 点 and 分 (grades, classes, document numbers, clock
/// times, scores). Besides these, a unit may be any CJK letter before 次
/// (剂次, 架次), a Latin unit (km, kWh, μg/m³), an acronym before a measure
/// word (AED台), and a rate of these (元/人/年).
const COUNTERS: &[&str] = &[
    "人次",
    "人",
    "户次",
    "户",
    "个月",
    "个工作日",
    "个季度",
    "个学期",
    "个小时",
    "个星期",
    "个百分点",
    "百分点",
    "个",
    "所",
    "件",
    "批次",
    "批",
    "间",
    "套",
    "名",
    "家",
    "台",
    "张",
    "床位",
    "床",
    "次",
    "项",
    "周岁",
    "岁",
    "年",
    "天",
    "小时",
    "分钟",
    "课时",
    "学时",
    "学分",
    "种",
    "位",
    "处",
    "座",
    "条",
    "辆",
    "场次",
    "场",
    "册",
    "本",
    "棵",
    "株",
    "亩",
    "公顷",
    "平方公里",
    "平方千米",
    "平方米",
    "平米",
    "立方米",
    "公里",
    "千米",
    "厘米",
    "毫米",
    "米",
    "千瓦时",
    "千瓦",
    "兆瓦时",
    "兆瓦",
    "千伏安",
    "千伏",
    "吨",
    "公斤",
    "千克",
    "克",
    "毫克",
    "微克",
    "升",
    "毫升",
    "份",
    "例",
    "支",
    "只",
    "头",
    "班",
    "期",
    "门",
    "节",
    "篇",
    "部",
    "块",
    "盏",
    "根",
    "栋",
    "幢",
    "层",
    "宗",
    "倍",
    "周年",
    "周",
    "元",
    "美元",
    "港元",
    "欧元",
    "剂",
    "路",
    "类",
    "档",
    "轮",
    "艘",
    "架",
    "列",
    "枚",
    "粒",
    "颗",
    "起",
    "℃",
    "°C",
    "摄氏度",
    "片",
    "瓶",
    "盒",
    "袋",
    "箱",
    "包",
    "把",
    "副",
    "双",
    "对",
    "组",
    "队",
    "团",
    "集",
    "首",
    "幅",
    "面",
    "顶",
    "扇",
    "眼",
    "口",
    "孔",
    "道",
    "村",
    "校",
    "度",
    "方",
    "立方",
    "分贝",
    "人日",
    "工日",
    "处次",
    "床日",
    "辆次",
    "车次",
    "台次",
    "架次",
    "班次",
    "艘次",
];

/// What may stand after "/" in a rate besides a counter (元/月/人, 元/人/年).
const RATE_SEGMENTS: &[&str] = &[
    "月", "日", "季度", "学期", "学年", "生", "院", "人·月", "年", "周", "天", "小时",
];

/// Latin units, matched case-sensitively and not before another letter.
const LATIN: &[&str] = &[
    "km²", "km2", "km", "kWh", "kW", "MWh", "MW", "GW", "kV", "kVA", "kg", "mg", "μg", "ug", "m²",
    "m³", "m2", "m3", "mm", "cm", "m", "t", "L", "mL", "ml", "dB", "Mbps", "Gbps", "GB", "TB", "h",
    // The CJK square units, one character each (Word and PDF copies).
    "㎡", "㎢", "㎥", "㎞", "㎏", "㎜", "㎝", "㏊",
];

/// The counters and rate segments by first character, longest first.
static BY_FIRST: LazyLock<HashMap<char, Vec<(&'static str, bool)>>> = LazyLock::new(|| {
    let mut map: HashMap<char, Vec<(&'static str, bool)>> = HashMap::new();
    for (list, counter) in [(COUNTERS, true), (RATE_SEGMENTS, false)] {
        for w in list.iter().copied() {
            if let Some(c) = w.chars().next() {
                map.entry(c).or_default().push((w, counter));
            }
        }
    }
    for v in map.values_mut() {
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    map
});

/// The longest counter (or, with `segments`, rate segment) starting `i`.
fn known(i: &str, segments: bool) -> IResult<&str, &str> {
    let first = i.chars().next().ok_or_else(|| failure(i))?;
    BY_FIRST
        .get(&first)
        .and_then(|ws| {
            ws.iter()
                .find(|(w, counter)| (*counter || segments) && i.starts_with(*w))
        })
        .map(|(w, _)| (&i[w.len()..], &i[..w.len()]))
        .ok_or_else(|| failure(i))
}

/// Not a unit even before 次: the characters of dates, grades and numbering.
fn never_unit(c: char) -> bool {
    matches!(
        c,
        '年' | '月'
            | '日'
            | '号'
            | '届'
            | '级'
            | '第'
            | '每'
            | '时'
            | '点'
            | '分'
            | '秒'
            | '和'
            | '或'
            | '及'
            | '与'
            | '至'
            | '到'
            | '以'
            | '余'
            | '多'
            | '大'
            | '小'
            | '是'
            | '的'
            | '在'
    )
}

/// Any CJK letter before 次: 剂次, 架次, 航次.
fn times_compound(i: &str) -> IResult<&str, &str> {
    let mut cs = i.char_indices();
    match (cs.next(), cs.next()) {
        (Some((_, c)), Some((k, '次'))) if is_cjk_letter(c) && !never_unit(c) => {
            let end = k + '次'.len_utf8();
            Ok((&i[end..], &i[..end]))
        }
        _ => Err(failure(i)),
    }
}

fn latin_unit(i: &str) -> IResult<&str, &str> {
    LATIN
        .iter()
        .filter(|w| i.starts_with(**w))
        .max_by_key(|w| w.len())
        .filter(|w| {
            !i[w.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric())
        })
        .map(|w| (&i[w.len()..], &i[..w.len()]))
        .ok_or_else(|| failure(i))
}

/// An acronym before a measure word: AED台, LED灯 is not (灯 is no unit).
fn acronym_counter(i: &str) -> IResult<&str, &str> {
    let caps = i.bytes().take_while(u8::is_ascii_uppercase).count();
    if !(2..=5).contains(&caps) {
        return Err(failure(i));
    }
    let (rest, _) = known(&i[caps..], false)?;
    Ok((rest, &i[..i.len() - rest.len()]))
}

fn counter(i: &str) -> IResult<&str, &str> {
    alt((times_compound, |i| known(i, false), acronym_counter)).parse(i)
}

/// A segment after "/" or "·": a counter or rate word, a Latin unit, or one
/// CJK letter (元/村).
fn rate_segment(i: &str) -> IResult<&str, &str> {
    if let Ok(r) = known(i, true) {
        return Ok(r);
    }
    if let Ok(r) = latin_unit(i) {
        return Ok(r);
    }
    match i.chars().next() {
        Some(c) if is_cjk_letter(c) && !never_unit(c) => {
            Ok((&i[c.len_utf8()..], &i[..c.len_utf8()]))
        }
        _ => Err(failure(i)),
    }
}

/// The unit as printed, width-folded (`％` → `%`, `／` → `/`, full-width
/// Latin letters to ASCII); 人（次） stays 人（次）.
fn unit(i: &str) -> IResult<&str, String> {
    let (rest, _) = alt((
        map(percent_sign, |_| ()),
        value((), char('‱')),
        map(counted_unit, |_| ()),
    ))
    .parse(i)?;
    let printed = &i[..i.len() - rest.len()];
    // "7—9年级": a grade, not years.
    if printed == "年" && rest.starts_with('级') {
        return Err(failure(i));
    }
    Ok((rest, fold_unit(printed)))
}

/// A CJK square unit's Latin spelling: ㎡ is m², ㏊ is ha.
fn square_unit(c: char) -> Option<&'static str> {
    Some(match c {
        '㎡' => "m²",
        '㎢' => "km²",
        '㎥' => "m³",
        '㎞' => "km",
        '㎏' => "kg",
        '㎜' => "mm",
        '㎝' => "cm",
        '㏊' => "ha",
        _ => return None,
    })
}

fn fold_unit(printed: &str) -> String {
    printed
        .chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff07}' | '\u{ff0a}'..='\u{ff5e}' if c != '，' => {
                char::from_u32(c as u32 - 0xfee0).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

fn rate_sep(i: &str) -> IResult<&str, char> {
    satisfy(|c| matches!(c, '/' | '／' | '·' | '・' | '•' | '‧' | '∙')).parse(i)
}

/// A counter, 人（次）, and rate segments: 元/月/人, 元/人·月, 微克/立方米.
fn counted_unit(i: &str) -> IResult<&str, ()> {
    let (i, _) = alt((counter, latin_unit)).parse(i)?;
    // A second counter in brackets, as printed: 人（次）, 套（间）.
    let (i, _) = opt((
        satisfy(|c| c == '（' || c == '('),
        satisfy(|c| is_cjk_letter(c) && !never_unit(c)),
        satisfy(|c| c == '）' || c == ')'),
    ))
    .parse(i)?;
    let (i, _) = many0((rate_sep, rate_segment)).parse(i)?;
    Ok((i, ()))
}

/// Denominators written as 每X before a number ("每人每月300元"): the
/// segments, nearest clause only.
fn per_prefixes(s: &str, number_at: usize) -> Vec<&str> {
    // The letters right before the number, back to a non-letter or 10 chars.
    let mut from = number_at;
    for (n, (k, c)) in s[..number_at].char_indices().rev().enumerate() {
        if n == 12 || !(is_cjk_letter(c) || c == '千' || c == '万') {
            break;
        }
        from = k;
    }
    let window = &s[from..number_at];
    let Some(first) = window.find('每') else {
        return Vec::new();
    };
    let mut at = &window[first..];
    let mut segs = Vec::new();
    while let Some(rest) = at.strip_prefix('每') {
        match known(rest, true) {
            // 每个新生儿: "each", the noun comes after.
            Ok((_, "个")) => break,
            Ok((after, seg)) => {
                segs.push(seg);
                at = after;
            }
            Err(_) => break,
        }
    }
    // Between the last 每X and the number, at most a short verb
    // (每人补助5000元, 每人每年不低于…).
    if at.chars().count() > 4 {
        return Vec::new();
    }
    segs
}

/// One spelling for one rate: width-folded, （次） as 次 (a bracketed
/// counter joins the one before it: 套（间） is 套间), the segments after
/// the unit ("/" or "·" or a 每X before the number) in one order: who or
/// what first (人, 户, 生, 平方米, in the order printed), time last (日, 周,
/// 月, 季度, 学期, 年); 天 is 日, 平米 is 平方米, 星期 is 周.
///
/// ```
/// use minsheng::internals::quantity::canonical_unit;
/// assert_eq!(canonical_unit("元/月/人", &[]), "元/人/月");
/// assert_eq!(canonical_unit("元/人·月", &[]), "元/人/月");
/// assert_eq!(canonical_unit("元", &["人", "月"]), "元/人/月");
/// assert_eq!(canonical_unit("人（次）", &[]), "人次");
/// assert_eq!(canonical_unit("％", &[]), "%");
/// ```
pub fn canonical_unit(unit: &str, per: &[&str]) -> String {
    let folded: String = fold_unit(unit)
        .chars()
        .filter(|c| !matches!(c, '（' | '）' | '(' | ')'))
        .map(|c| match square_unit(c) {
            Some(latin) => latin.to_string(),
            None => c.to_string(),
        })
        .collect();
    let mut parts = folded.split(['/', '·', '・', '•', '‧', '∙']);
    let base = parts.next().unwrap_or("").to_string();
    if base.is_empty() || matches!(base.as_str(), "%" | "‰" | "‱" | "个百分点" | "百分点")
    {
        return base;
    }
    let canon = |seg: &str| -> String {
        match seg {
            "天" => "日".into(),
            "平米" => "平方米".into(),
            "星期" => "周".into(),
            "个月" => "月".into(),
            other => other.to_string(),
        }
    };
    let is_time = |seg: &str| {
        matches!(
            seg,
            "日" | "周" | "月" | "季度" | "学期" | "学年" | "年" | "小时" | "分钟" | "工作日"
        )
    };
    let mut who: Vec<String> = Vec::new();
    let mut when: Vec<String> = Vec::new();
    for seg in parts.map(canon).chain(per.iter().map(|s| canon(s))) {
        if seg.is_empty() || who.contains(&seg) || when.contains(&seg) {
            continue;
        }
        if is_time(&seg) {
            when.push(seg);
        } else {
            who.push(seg);
        }
    }
    let mut out = base;
    for seg in who.iter().chain(when.iter()) {
        out.push('/');
        out.push_str(seg);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(s: &str) -> Vec<String> {
        find_quantities(s).iter().map(|q| q.to_string()).collect()
    }

    #[test]
    fn before_first_lists_the_first_characters_of_the_comparators() {
        let mut firsts: Vec<char> = BEFORE
            .iter()
            .filter_map(|(w, _)| w.chars().next())
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        let mut listed = BEFORE_FIRST.to_vec();
        listed.sort_unstable();
        assert_eq!(firsts, listed);
    }

    #[test]
    fn units_grammar() {
        let u = |s: &str| unit(s).ok().map(|(r, u)| (u, r.len()));
        assert_eq!(u("人次"), Some(("人次".into(), 0)));
        assert_eq!(u("人（次）。"), Some(("人（次）".into(), 3)));
        assert_eq!(u("人(次)"), Some(("人(次)".into(), 0)));
        assert_eq!(u("剂次，"), Some(("剂次".into(), 3)));
        assert_eq!(u("微克/立方米"), Some(("微克/立方米".into(), 0)));
        assert_eq!(u("μg/m³"), Some(("μg/m³".into(), 0)));
        assert_eq!(u("kWh。"), Some(("kWh".into(), 3)));
        assert_eq!(u("AED台"), Some(("AED台".into(), 0)));
        assert_eq!(u("元/村"), Some(("元/村".into(), 0)));
        assert_eq!(u("Gbit"), None);
        assert_eq!(u("号线"), None);
        assert_eq!(u("时30分"), None);
        assert_eq!(u("元/月/人；"), Some(("元/月/人".into(), 3)));
        assert_eq!(u("元／人·月"), Some(("元/人·月".into(), 0)));
        assert_eq!(u("千瓦时"), Some(("千瓦时".into(), 0)));
        assert_eq!(u("％"), Some(("%".into(), 0)));
        assert_eq!(u("月底"), None);
        assert_eq!(u("日前"), None);
        assert_eq!(u("级"), None);
    }

    #[test]
    fn comparators_before_and_after() {
        assert_eq!(all("不少于 45 人次"), ["ge 45 人次"]);
        assert_eq!(all("190 个以上"), ["ge 190 个"]);
        assert_eq!(all("超过3个"), ["gt 3 个"]);
        assert_eq!(all("超25000人"), ["gt 25000 人"]);
        assert_eq!(all("6600余人次"), ["gt 6600 人次"]);
        assert_eq!(all("3000多人"), ["gt 3000 人"]);
        assert_eq!(all("6万余名"), ["gt 60000 名"]);
        assert_eq!(all("5%以内"), ["le 5 %"]);
        assert_eq!(all("不超过12个月"), ["le 12 个月"]);
        assert_eq!(all("低于5%"), ["lt 5 %"]);
        assert_eq!(all("约60台"), ["approx 60 台"]);
        assert_eq!(all("达到 80 个"), ["eq 80 个"]);
        assert_eq!(all("最高30万"), ["le 300000"]);
    }

    #[test]
    fn an_unclosed_quote_masks_nothing() {
        assert_eq!(all("“新增3个，《十件》共5项"), ["eq 3 个", "eq 5 项"]);
        assert_eq!(all("开展“你点我检”200批次"), ["eq 200 批次"]);
        assert_eq!(all("按\"三公里\"标准新增3个"), ["eq 3 个"]);
    }

    #[test]
    fn long_digit_runs_are_skipped_whole() {
        let long = format!("{}人，3个", "9".repeat(100_000));
        assert_eq!(all(&long), ["eq 3 个"]);
        let commas = format!("1{}人", ",000".repeat(30_000));
        assert!(all(&commas).is_empty());
        let chinese = format!("零点{}人", "零".repeat(100_000));
        assert!(all(&chinese).is_empty());
    }

    #[test]
    fn phrase_ranges_start_at_the_comparator() {
        let line = "救助等不少于 45 人次。";
        let q = &find_quantities(line)[0];
        assert_eq!(&line[q.range.clone()], "不少于 45 人次");
        assert_eq!(q.text, "不少于45人次");
    }

    #[test]
    fn ranges_and_changes() {
        assert_eq!(all("3—6 岁"), ["range 3..6 岁"]);
        assert_eq!(all("3至5年"), ["range 3..5 年"]);
        assert_eq!(all("20%-30%"), ["range 20..30 %"]);
        assert_eq!(all("5～10 个"), ["range 5..10 个"]);
        assert_eq!(all("1-2万元"), ["range 10000..20000 元"]);
        assert_eq!(all("由 5 个增至 8 个"), ["eq 8 个 from 5"]);
        assert_eq!(all("从3岁到6岁"), ["range 3..6 岁"]);
        assert_eq!(all("2024—2026年"), Vec::<String>::new());
    }

    #[test]
    fn not_quantities() {
        for s in [
            "2024年",
            "2024 年度",
            "2026届",
            "4月底前",
            "4月15日前",
            "每季度末月25日前",
            "一、二级",
            "“十四五”期间",
            "“15分钟阅读圈”",
            "合残联〔2021〕1号",
            "按1:1比例",
            "1：1",
            "第一恒磨牙",
            "一件事一次办理",
            "一户多残",
            "两整治一提升",
            "五级",
            "十件实事",
            "三公里就业圈",
            "打造15分钟生活圈",
            "实施三年行动计划",
            "两个维护、四个意识",
            "三个一批",
            "一是加强，二是落实",
            "(1)",
            "（二十七）",
        ] {
            assert_eq!(all(s), Vec::<String>::new(), "{s}");
        }
    }
}
