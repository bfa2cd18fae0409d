//! Lead-unit clauses: who leads a project, who supports it, who answers for it.
//!
//! ## Grammar
//! ```text
//! clause   = open part (("；" | "，") part)* close   ; （牵头单位：区教体局、区卫健委）
//!          | part (("；") part)*                     ; 责任单位：区民政局；配合单位：区财政局
//! open     = "（" | "〔" | "【" | "［"
//! part     = label "：" unit (sep unit)*
//! label    = word{0,8} ("单位" | "部门" | "领导" | "责任人" | "负责人")
//! sep      = "、" | "，" | "；" (when no label follows)
//! ```
//! A unit may contain brackets of its own ("各县（市）区"): brackets nest.
//!
//! The label decides the role, by its words rather than a fixed list:
//! 领导/责任人/负责人 name a person or post ([`Role::Leader`]);
//! 配合/协同/协办/参与/协助/共同/支持 a supporting unit ([`Role::Support`]);
//! 牵头/主责/主办 the lead ([`Role::Lead`]); 责任/负责/实施/承办
//! ([`Role::Responsible`]) lead, unless the notice also names 牵头 units,
//! in which case the 责任单位 and 实施单位 are the ones that carry the work
//! out and support the lead.
//!
//! The same said in a sentence ("由区教育局牵头，区住建局配合", "（区民政局
//! 负责）", "区人社局：" at the head of an item) is read by [`sentence`].

use std::ops::Range;

mod sentence;

/// What a labelled list of names is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// 牵头单位, 牵头部门, 主责单位 …
    Lead,
    /// 责任单位, 责任部门, 责任主体, 实施单位: the lead, unless a 牵头
    /// label is also used.
    Responsible,
    /// 配合单位, 协同责任单位, 共同责任单位 …
    Support,
    /// 牵头领导, 分管领导, 责任人 …: a person or post, not a unit.
    Leader,
}

/// One labelled list: "牵头单位：区教体局、区卫健委".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitList {
    /// The label as written.
    pub label: String,
    /// Its role.
    pub role: Role,
    /// Byte ranges of each name in the line.
    pub names: Vec<Range<usize>>,
}

/// A whole clause in a line, with its byte range (brackets included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Byte range in the line.
    pub range: Range<usize>,
    /// Its labelled lists.
    pub lists: Vec<UnitList>,
    /// Byte ranges of the other fields inside it ("（牵头单位：区教育局；
    /// 完成时限：2025年9月底前）"): not units, so the project's text keeps them.
    pub fields: Vec<Range<usize>>,
}

/// What a label names: units (a town's 科室 and 站所 too), or people.
const LABEL_ENDS: [&str; 9] = [
    "单位",
    "部门",
    "主体",
    "科室",
    "站所",
    "处室",
    "领导",
    "责任人",
    "负责人",
];

/// Role words that are a label by themselves ("牵头：…", "配合：…").
const BARE_LABELS: [&str; 5] = ["牵头", "配合", "协办", "主责", "协同"];

/// If `s` starts with a unit label followed by "：", its role and the bytes
/// taken (label and colon).
///
/// ```
/// use minsheng::internals::units::{clause_label, Role};
/// assert_eq!(clause_label("牵头单位：区残联").map(|l| l.0), Some(Role::Lead));
/// assert_eq!(clause_label("配合单位：区财政局").map(|l| l.0), Some(Role::Support));
/// assert_eq!(clause_label("区政府分管领导：张三").map(|l| l.0), Some(Role::Leader));
/// assert!(clause_label("单位：区卫健委").is_none());
/// assert_eq!(clause_label("责任科室：社会事务办").map(|l| l.0), Some(Role::Responsible));
/// assert_eq!(clause_label("配合站所：财政所").map(|l| l.0), Some(Role::Support));
/// assert_eq!(clause_label("牵头：市人社局").map(|l| l.0), Some(Role::Lead));
/// ```
pub fn clause_label(s: &str) -> Option<(Role, usize)> {
    // A label has 3 to 10 characters, so its colon is among the first 11:
    // looked for there only, this costs the same on a line of any length
    // (it is asked at every "（" of a line).
    let (chars, (colon, _)) = s
        .char_indices()
        .take(11)
        .enumerate()
        .find(|&(_, (_, c))| c == '：')?;
    let label = &s[..colon];
    if chars == 2 && BARE_LABELS.contains(&label) {
        return Some((role_of(label)?, colon + '：'.len_utf8()));
    }
    if !(3..=10).contains(&chars) || !label.chars().all(is_han) {
        return None;
    }
    if !LABEL_ENDS.iter().any(|e| label.ends_with(e)) {
        return None;
    }
    Some((role_of(label)?, colon + '：'.len_utf8()))
}

/// A CJK unified ideograph (the basic block or extension A).
pub(crate) fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

fn role_of(label: &str) -> Option<Role> {
    let has = |words: &[&str]| words.iter().any(|w| label.contains(w));
    if has(&["领导", "责任人", "负责人"]) {
        Some(Role::Leader)
    } else if has(&["配合", "协同", "协办", "参与", "协助", "共同", "支持"]) {
        Some(Role::Support)
    } else if has(&["牵头", "主责", "主办"]) {
        Some(Role::Lead)
    } else if has(&["责任", "负责", "实施", "承办"]) {
        Some(Role::Responsible)
    } else {
        None
    }
}

fn is_open(c: char) -> bool {
    matches!(c, '（' | '〔' | '【' | '［' | '[')
}

fn is_close(c: char) -> bool {
    matches!(c, '）' | '〕' | '】' | '］' | ']')
}

/// Every clause in a (folded) line: bracketed clauses anywhere, a bare
/// clause that starts the line, and a bare clause after the last sentence.
///
/// ```
/// let line = "（18）资助不少于31人次。（牵头单位：区教体局、区残联）";
/// let clauses = minsheng::internals::units::find_clauses(line);
/// let names: Vec<&str> = clauses[0].lists[0].names.iter().map(|r| &line[r.clone()]).collect();
/// assert_eq!(names, ["区教体局", "区残联"]);
/// // A space between two units, folded away, still parts them.
/// let line = "（牵头单位：区教育局区财政局）";
/// let clauses = minsheng::internals::units::find_clauses(line);
/// let names: Vec<&str> = clauses[0].lists[0].names.iter().map(|r| &line[r.clone()]).collect();
/// assert_eq!(names, ["区教育局", "区财政局"]);
/// let line = "新增学位5850个。责任单位：区教育局";
/// let clause = &minsheng::internals::units::find_clauses(line)[0];
/// assert_eq!(&line[clause.range.clone()], "责任单位：区教育局");
/// ```
pub fn find_clauses(line: &str) -> Vec<Clause> {
    let mut clauses = Vec::new();
    if clause_label(line).is_some() {
        let (lists, fields) = lists_in(line, 0, line.len());
        if !lists.is_empty() {
            clauses.push(Clause {
                range: 0..line.len(),
                lists,
                fields,
            });
            return clauses;
        }
    }
    let mut search = 0;
    if let Some(head) = head_clause(line) {
        search = head.range.end;
        clauses.push(head);
    }
    while let Some(rel) = line[search..].find(is_open) {
        let open = search + rel;
        let body = open + line[open..].chars().next().map_or(1, char::len_utf8);
        search = body;
        let (close, (lists, fields)) = if clause_label(&line[body..]).is_some() {
            let close = matching_close(line, body);
            (close, lists_in(line, body, close.unwrap_or(line.len())))
        } else {
            // "（区民政局牵头，各街道办事处配合）": only a short bracket can
            // be one, so the close is looked for near.
            match matching_close_within(line, body, sentence::MAX_CHARS) {
                Some(close) => (
                    Some(close),
                    (
                        sentence::lists(line, body, close).unwrap_or_default(),
                        Vec::new(),
                    ),
                ),
                None => continue,
            }
        };
        if lists.is_empty() {
            continue;
        }
        let after = close.map_or(line.len(), |c| {
            c + line[c..].chars().next().map_or(0, char::len_utf8)
        });
        clauses.push(Clause {
            range: open..after,
            lists,
            fields,
        });
        search = after;
    }
    let from = clauses.last().map_or(0, |c| c.range.end);
    if let Some(clause) = trailing_clause(line, from)
        .or_else(|| dash_clause(line, from))
        .or_else(|| sentence_clause(line, from))
    {
        clauses.push(clause);
    }
    clauses
}

/// Units at the head of an item, before a colon: "1.区人社局：城镇新增就业
/// 6500人", "3.区医保局牵头，区税务局配合：…" (after the item's number, if
/// any).
fn head_clause(line: &str) -> Option<Clause> {
    let start = crate::lex::marker(line).map_or(0, |m| m.len);
    let colon = start
        + line[start..]
            .char_indices()
            .take(sentence::MAX_CHARS)
            .find(|&(_, c)| c == '：')?
            .0;
    let after = colon + '：'.len_utf8();
    if after >= line.len() {
        return None;
    }
    let lists = sentence::lists(line, start, colon).or_else(|| {
        let names = split_names(line, start, colon);
        (!names.is_empty()
            && names
                .iter()
                .all(|r| crate::table::is_unit_name(&line[r.clone()])))
        .then(|| {
            vec![UnitList {
                label: String::new(),
                role: Role::Responsible,
                names,
            }]
        })
    })?;
    Some(Clause {
        range: start..after,
        lists,
        fields: Vec::new(),
    })
}

/// The last sentence of the line when it says who does the work: "…就业800
/// 人。由区人社局牵头，各镇人民政府配合。", or its last part from "由" on
/// ("…新增学位4050个，由区教育局负责。"). Looked for after `from`.
fn sentence_clause(line: &str, from: usize) -> Option<Clause> {
    let body_end = from + line[from..].trim_end_matches(['。', '；', ' ']).len();
    if body_end <= from {
        return None;
    }
    // The last sentence starts after the previous 。 or ；, within reach.
    let mut start = from;
    for (k, (i, c)) in line[from..body_end].char_indices().rev().enumerate() {
        if k > sentence::MAX_CHARS {
            return None;
        }
        if matches!(c, '。' | '；') {
            start = from + i + c.len_utf8();
            break;
        }
    }
    let whole = |at: usize| {
        sentence::lists(line, at, line.len()).map(|lists| Clause {
            range: at..line.len(),
            lists,
            fields: Vec::new(),
        })
    };
    whole(start).or_else(|| {
        let by = start + line[start..body_end].rfind("，由")? + '，'.len_utf8();
        whole(by)
    })
}

/// [`matching_close`], when it is within `max_chars` characters.
fn matching_close_within(line: &str, body: usize, max_chars: usize) -> Option<usize> {
    let end = line[body..]
        .char_indices()
        .nth(max_chars)
        .map_or(line.len(), |(i, _)| body + i);
    matching_close(&line[..end], body)
}

/// Units after a dash at the end of the line, with no label: "新增学位900
/// 个。——区教育局". They answer for the project as a 责任单位 would.
fn dash_clause(line: &str, from: usize) -> Option<Clause> {
    let dash = from + line[from..].rfind("——")?;
    let start = dash + "——".len();
    let names = split_names(line, start, line.len());
    let all_units = !names.is_empty()
        && names
            .iter()
            .all(|r| crate::table::is_unit_name(&line[r.clone()]));
    all_units.then(|| Clause {
        range: dash..line.len(),
        lists: vec![UnitList {
            label: "——".to_string(),
            role: Role::Responsible,
            names,
        }],
        fields: Vec::new(),
    })
}

/// A bare clause after the task's last sentence, running to the end of the
/// line: "新增学位5850个。责任单位：区教育局". Looked for after `from` only
/// (past the bracketed clauses).
fn trailing_clause(line: &str, from: usize) -> Option<Clause> {
    line[from..]
        .char_indices()
        .filter(|&(_, c)| matches!(c, '。' | '；'))
        .map(|(i, c)| from + i + c.len_utf8())
        .filter(|&after| after < line.len())
        .find_map(|after| {
            // A label is at most ten characters and its colon: look no further.
            let head_end = line[after..]
                .char_indices()
                .nth(12)
                .map_or(line.len(), |(i, _)| after + i);
            clause_label(&line[after..head_end])?;
            let (lists, fields) = lists_in(line, after, line.len());
            (!lists.is_empty()).then_some(Clause {
                range: after..line.len(),
                lists,
                fields,
            })
        })
}

/// The byte offset of the bracket closing the group whose body starts at
/// `body`, brackets nesting.
fn matching_close(line: &str, body: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in line[body..].char_indices() {
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            if depth == 0 {
                return Some(body + i);
            }
            depth -= 1;
        }
    }
    None
}

/// Where a label ending at `colon` starts, if the names before it
/// (from `from`) leave at least one character: the shortest label that
/// names a role ("刘洋牵头单位：" → "牵头单位").
fn glued_label(line: &str, from: usize, colon: usize) -> Option<usize> {
    // Labels are three to ten characters: only those starts are tried.
    line[from..colon]
        .char_indices()
        .rev()
        .skip(2)
        .take(8)
        .map(|(i, _)| from + i)
        .find(|&at| at > from && clause_label(&line[at..colon + '：'.len_utf8()]).is_some())
}

/// The labelled lists in `line[start..end]`, and the other fields among
/// them ("完成时限：2025年9月底前"): a list runs to the next "；label：" /
/// "，label：" or the end, whether that label names units or not.
fn lists_in(line: &str, start: usize, end: usize) -> (Vec<UnitList>, Vec<Range<usize>>) {
    let mut lists: Vec<UnitList> = Vec::new();
    let mut fields = Vec::new();
    let mut at = start;
    while at < end {
        let role = clause_label(&line[at..end]);
        // A clause starts with a unit label; another field may follow one.
        let taken = match role {
            Some((_, taken)) => taken,
            None if !lists.is_empty() => match field_label(&line[at..end]) {
                Some(taken) => taken,
                None => break,
            },
            None => break,
        };
        let names_start = at + taken;
        let mut names_end = end;
        let mut next = end;
        for (i, c) in line[names_start..end].char_indices() {
            if matches!(c, '；' | '，' | '。') {
                let after = names_start + i + c.len_utf8();
                let rest = &line[after..end];
                if clause_label(rest).is_some() || field_label(rest).is_some() {
                    names_end = names_start + i;
                    next = after;
                    break;
                }
            }
            // "责任领导：刘洋　牵头单位：…": a label glued on where the fold
            // dropped the space before it; the shortest label that reads.
            if c == '：' && role.is_some() {
                let colon = names_start + i;
                if let Some(label_start) = glued_label(line, names_start, colon) {
                    names_end = label_start;
                    next = label_start;
                    break;
                }
            }
        }
        match role {
            Some((role, taken)) => lists.push(UnitList {
                label: line[at..at + taken].trim_end_matches('：').to_string(),
                role,
                names: split_names(line, names_start, names_end),
            }),
            None => fields.push(at..names_end),
        }
        at = next;
    }
    (lists, fields)
}

/// The bytes of a field's label and colon, for a field that is not a unit
/// list: two to eight Chinese characters and "：" ("完成时限：", "资金来源：").
fn field_label(s: &str) -> Option<usize> {
    let (chars, (colon, _)) = s
        .char_indices()
        .take(9)
        .enumerate()
        .find(|&(_, (_, c))| c == '：')?;
    ((2..=8).contains(&chars) && s[..colon].chars().all(is_han)).then_some(colon + '：'.len_utf8())
}

/// Split a list of names on 、 ， , ； and spaces, outside brackets.
fn split_names(line: &str, start: usize, end: usize) -> Vec<Range<usize>> {
    let mut names = Vec::new();
    let mut depth = 0usize;
    let mut name_start = start;
    let push = |from: usize, to: usize, names: &mut Vec<Range<usize>>| {
        let piece = &line[from..to];
        let trimmed_start = from + (piece.len() - piece.trim_start_matches(trim_name).len());
        let trimmed_end = from + piece.trim_end_matches(trim_name).len();
        if trimmed_start < trimmed_end {
            names.push(trimmed_start..trimmed_end);
        }
    };
    for (i, c) in line[start..end].char_indices() {
        let at = start + i;
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && matches!(c, '、' | '，' | ',' | '；' | ' ' | '/') {
            push(name_start, at, &mut names);
            name_start = at + c.len_utf8();
        }
    }
    push(name_start, end, &mut names);
    names
        .into_iter()
        .flat_map(|r| run_together(line, r))
        .collect()
}

/// A name that is two run together where a space between them was folded
/// away ("区教育局 区财政局" reads "区教育局区财政局"): cut after a unit's
/// ending where a unit of the same level (the same level word first) starts.
fn run_together(line: &str, range: Range<usize>) -> Vec<Range<usize>> {
    // Two names of at most twenty characters each, or it is no such pair.
    if range.len() > 2 * 20 * 3 {
        return vec![range];
    }
    let mut out = Vec::new();
    let mut from = range.start;
    let first = |at: usize| line[at..].chars().next();
    for (i, c) in line[range.clone()].char_indices() {
        let cut = range.start + i + c.len_utf8();
        if cut >= range.end || cut - from < 6 {
            continue;
        }
        let left = &line[from..cut];
        let right = &line[cut..range.end];
        // The same level word (区…局区…局, 市…委市…局), not a branch of the
        // unit before ("柳州市公安局柳北分局").
        // Or a group of units ("…局各镇政府各街道办事处").
        let level = first(from).filter(|c| "省市区县镇乡州旗".contains(*c));
        let same_level = level.is_some() && level == first(cut);
        if (same_level || first(cut) == Some('各'))
            && crate::table::is_unit_name(left)
            && crate::table::is_unit_name(right.split(is_open).next().unwrap_or(right))
        {
            out.push(from..cut);
            from = cut;
        }
    }
    out.push(from..range.end);
    out
}

fn trim_name(c: char) -> bool {
    c.is_whitespace() || matches!(c, '。' | '；' | '，' | '、' | '：')
}

/// "1—区民政局": a project's number and its units, a row of a table of who
/// leads which project (项目序号—牵头单位) printed after the list.
///
/// ```
/// assert_eq!(minsheng::internals::units::numbered_units("5—区医疗保障局、区财政局"), Some((5, "区医疗保障局、区财政局")));
/// assert_eq!(minsheng::internals::units::numbered_units("3—5所学校"), None);
/// ```
pub fn numbered_units(line: &str) -> Option<(u32, &str)> {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let number = line[..digits].parse().ok()?;
    let rest = line[digits..].trim_start_matches(['—', '－', '-', '–']);
    let units = rest.trim();
    (rest.len() < line.len() - digits
        && !units.is_empty()
        && units.split(['、', '，']).all(crate::table::is_unit_name))
    .then_some((number, units))
}

/// Units given to projects by number in a sentence of their own:
/// "第1项由市教育局牵头负责", "第2、3项由市卫生健康局牵头负责，市妇联配合",
/// "第5—7项由…": the numbers and the lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// The project numbers it names.
    pub numbers: Vec<u32>,
    /// Its lists (byte ranges into the line).
    pub lists: Vec<UnitList>,
}

/// Most numbers one range may name ("第1—500项" is no list of projects).
const MAX_RANGE: u32 = 200;

/// The assignments of a line made of them, split at "；" and "。"; none
/// unless each part is one (a sentence about something else is not read).
///
/// ```
/// let line = "第1项由市教育局牵头负责；第2、3项由市卫生健康局牵头负责，市妇联配合；第5—7项由市住建局负责。";
/// let numbers: Vec<Vec<u32>> = minsheng::internals::units::assignments(line).into_iter().map(|a| a.numbers).collect();
/// assert_eq!(numbers, [vec![1], vec![2, 3], vec![5, 6, 7]]);
/// assert!(minsheng::internals::units::assignments("第1项工作要抓紧。").is_empty());
/// ```
pub fn assignments(line: &str) -> Vec<Assignment> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in line.char_indices().chain([(line.len(), '；')]) {
        if c != '；' && c != '。' {
            continue;
        }
        let part = &line[from..i];
        if !part.trim().is_empty() {
            match assignment(line, from, i) {
                Some(a) => out.push(a),
                None => return Vec::new(),
            }
        }
        from = i + c.len_utf8().min(line.len() - i);
    }
    out
}

/// "第2、3项由…" in `line[start..end]`.
fn assignment(line: &str, start: usize, end: usize) -> Option<Assignment> {
    let part = &line[start..end];
    let lead = part.len() - part.trim_start().len();
    let after_di = part[lead..].strip_prefix('第')?;
    let xiang = after_di.find('项')?;
    let numbers = project_numbers(&after_di[..xiang])?;
    let body = start + lead + '第'.len_utf8() + xiang + '项'.len_utf8();
    let body = body + line[body..end].len() - line[body..end].trim_start_matches(['：', ':']).len();
    let lists = sentence::lists(line, body, end)?;
    Some(Assignment { numbers, lists })
}

/// "1", "2、3", "5—7", "8至10", "一、二": the numbers named.
fn project_numbers(s: &str) -> Option<Vec<u32>> {
    let number = |t: &str| -> Option<u32> {
        let t = t.trim();
        t.parse()
            .ok()
            .or_else(|| match crate::numeral::chinese_integer(t) {
                Some((n, len)) if len == t.len() => u32::try_from(n).ok(),
                _ => None,
            })
    };
    let mut out = Vec::new();
    for piece in s.split(['、', '，', ',']).flat_map(|p| p.split("和")) {
        match piece.split_once(['—', '－', '-', '–', '~', '～', '至', '到']) {
            Some((a, b)) => {
                let first = number(a)?;
                let last = number(b.trim_start_matches(['—', '－']))?;
                if last < first || last - first > MAX_RANGE {
                    return None;
                }
                out.extend(first..=last);
            }
            None => out.push(number(piece)?),
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles_and_names(line: &str) -> Vec<(Role, Vec<&str>)> {
        find_clauses(line)
            .into_iter()
            .flat_map(|c| c.lists)
            .map(|l| {
                (
                    l.role,
                    l.names.iter().map(|r| &line[r.clone()]).collect::<Vec<_>>(),
                )
            })
            .collect()
    }

    #[test]
    fn bracketed_clause_after_the_text() {
        assert_eq!(
            roles_and_names("（1）促进就业。（牵头单位：区人社局）"),
            [(Role::Lead, vec!["区人社局"])]
        );
    }

    #[test]
    fn two_lists_in_one_bracket_and_units_with_brackets() {
        assert_eq!(
            roles_and_names("（牵头单位：市残联、市民政局；共同责任单位：各县（市）区，开发区）"),
            [
                (Role::Lead, vec!["市残联", "市民政局"]),
                (Role::Support, vec!["各县（市）区", "开发区"])
            ]
        );
    }

    #[test]
    fn bare_clauses_on_their_own_line() {
        assert_eq!(
            roles_and_names("责任单位：区民政局；配合单位：区财政局"),
            [
                (Role::Responsible, vec!["区民政局"]),
                (Role::Support, vec!["区财政局"])
            ]
        );
        assert_eq!(
            roles_and_names("分管领导：副区长张三"),
            [(Role::Leader, vec!["副区长张三"])]
        );
    }

    #[test]
    fn a_bracket_without_label_is_not_a_clause() {
        assert!(find_clauses("打造6个全省示范性户外劳动者服务站点（工会驿站）").is_empty());
    }
}
