//! Traditional characters: read through a fold, reported as printed.
//!
//! Notices from Hong Kong, Macao, Taiwan or a mirror site come in
//! traditional characters (牽頭單位, 項, 區). Every grammar of the crate is
//! written in simplified characters, so [`crate::fold`] folds each
//! traditional character to its simplified form ([`simplified`]; the table is
//! OpenCC's, see `tools/gen_traditional.py`).
//!
//! The JSON reports the text as printed. The fold maps many characters to one
//! (後 and 后 both read 后), so the printed form cannot be read back from the
//! folded text alone; [`PrintedForms`] learns it from the notice itself: for
//! each simplified character, the form the notice prints most often. A
//! traditional notice gets its characters back; a simplified notice, where
//! the simplified form is the commoner, keeps its text unchanged.

mod pairs;

use std::borrow::Cow;

use pairs::TABLE;

/// The table, once in memory (see `pairs.rs`).
static PAIRS: [(char, char); TABLE.len()] = TABLE;

/// Whether each BMP code point is a traditional character of the table.
static IS_TRADITIONAL: [u64; 1024] = bitset(false);
/// Whether each BMP code point is the simplified form of one.
static IS_SIMPLIFIED: [u64; 1024] = bitset(true);

const fn bitset(simplified: bool) -> [u64; 1024] {
    let mut bits = [0u64; 1024];
    let mut i = 0;
    while i < TABLE.len() {
        let (traditional, simple) = TABLE[i];
        let c = if simplified { simple } else { traditional } as usize;
        bits[c / 64] |= 1 << (c % 64);
        i += 1;
    }
    bits
}

fn member(bits: &[u64; 1024], c: char) -> bool {
    let c = c as usize;
    c < 65536 && bits[c / 64] & (1 << (c % 64)) != 0
}

/// The simplified form of a traditional character; any other character is
/// returned as it is.
///
/// ```
/// use minsheng::internals::traditional::simplified;
/// assert_eq!(simplified('牽'), '牵');
/// assert_eq!(simplified('單'), '单');
/// assert_eq!(simplified('区'), '区');
/// ```
pub fn simplified(c: char) -> char {
    if !member(&IS_TRADITIONAL, c) {
        return c;
    }
    match PAIRS.binary_search_by_key(&c, |&(traditional, _)| traditional) {
        Ok(i) => PAIRS[i].1,
        Err(_) => c,
    }
}

/// The printed form of each simplified character, learned from one notice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrintedForms {
    /// (simplified, printed) where the two differ, sorted by the first.
    forms: Vec<(char, char)>,
}

impl PrintedForms {
    /// Count how the notice prints each character the fold can produce, and
    /// keep the commonest printed form of each (ties go to the simplified
    /// form, so text is only changed on evidence).
    ///
    /// ```
    /// use minsheng::internals::traditional::PrintedForms;
    /// let forms = PrintedForms::learn("牽頭單位：市衛健局、市醫保局");
    /// assert_eq!(forms.restore("牵头单位：市卫健局"), "牽頭單位：市衛健局");
    /// assert!(PrintedForms::learn("牵头单位：区卫健委").is_empty());
    /// ```
    pub fn learn(text: &str) -> PrintedForms {
        // (simplified, printed) → occurrences; small, so a sorted Vec.
        let mut counts: Vec<((char, char), u32)> = Vec::new();
        let mut count = |key: (char, char)| match counts.binary_search_by_key(&key, |e| e.0) {
            Ok(i) => counts[i].1 += 1,
            Err(i) => counts.insert(i, (key, 1)),
        };
        let mut any_traditional = false;
        for c in text.chars() {
            if member(&IS_TRADITIONAL, c) {
                any_traditional = true;
                count((simplified(c), c));
            } else if member(&IS_SIMPLIFIED, c) {
                count((c, c));
            }
        }
        if !any_traditional {
            return PrintedForms::default();
        }
        let mut forms = Vec::new();
        let mut i = 0;
        while i < counts.len() {
            let base = counts[i].0 .0;
            let group_end = i + counts[i..].iter().take_while(|e| e.0 .0 == base).count();
            let own = counts[i..group_end]
                .iter()
                .find(|e| e.0 .1 == base)
                .map_or(0, |e| e.1);
            let commonest = counts[i..group_end]
                .iter()
                .filter(|e| e.0 .1 != base)
                .max_by_key(|e| e.1);
            if let Some(&((_, printed), n)) = commonest {
                if n > own {
                    forms.push((base, printed));
                }
            }
            i = group_end;
        }
        PrintedForms { forms }
    }

    /// No character to restore: the notice prints simplified text.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// Text of the fold with each character in the notice's printed form.
    pub fn restore<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if self.forms.is_empty() || !text.chars().any(|c| self.printed(c).is_some()) {
            return Cow::Borrowed(text);
        }
        Cow::Owned(text.chars().map(|c| self.printed(c).unwrap_or(c)).collect())
    }

    fn printed(&self, c: char) -> Option<char> {
        self.forms
            .binary_search_by_key(&c, |&(simplified, _)| simplified)
            .ok()
            .map(|i| self.forms[i].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_maps_to_other_characters() {
        assert!(PAIRS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(PAIRS.iter().all(|&(t, s)| t != s));
    }

    #[test]
    fn characters_simplified_text_uses_are_not_folded() {
        // 乾 (乾坤) and 麽 are printed in simplified text in their own right.
        assert_eq!(simplified('乾'), '乾');
        assert_eq!(simplified('後'), '后');
        assert_eq!(simplified('於'), '于');
    }

    #[test]
    fn the_commoner_printed_form_wins() {
        // 后 printed twice as itself, once as 後: the notice's 后 stays.
        let forms = PrintedForms::learn("皇后 后面 後來 項目");
        assert_eq!(forms.restore("后来项目"), "后來項目");
    }
}
