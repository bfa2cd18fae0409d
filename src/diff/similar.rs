//! Similarity of short texts by their character bigrams, with an inverted
//! index so that only texts sharing rare bigrams are ever compared.
//!
//! A text is folded for comparison: only letters are kept (CJK ideographs,
//! Latin letters), traditional characters are read as simplified ones, Latin
//! letters in lower case; digits, punctuation, spaces and symbols are left
//! out, and the letters on either side of what was left out become
//! neighbours. So "新增托位1196个；" and "新增托位1200个。" fold to the same
//! "新增托位个": a changed number or a changed comma does not make two texts
//! less alike, and the numbers are compared as targets instead.

use crate::traditional::simplified;

/// A text's folded character bigrams, sorted and without repeats (a set).
/// A folded text of one letter has that letter as its only element.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Grams(Vec<u64>);

impl Grams {
    /// The bigram set of `text` (see the module doc for the fold).
    pub fn of(text: &str) -> Grams {
        let mut letters = text.chars().filter(|c| c.is_alphabetic()).map(|c| {
            let c = simplified(c);
            c.to_ascii_lowercase()
        });
        let mut grams = Vec::new();
        let Some(mut previous) = letters.next() else {
            return Grams(grams);
        };
        let mut alone = true;
        for c in letters {
            grams.push(((previous as u64) << 32) | c as u64);
            previous = c;
            alone = false;
        }
        if alone {
            grams.push((previous as u64) << 32);
        }
        grams.sort_unstable();
        grams.dedup();
        Grams(grams)
    }

    /// How many bigrams.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// How many bigrams the two sets share: a merge of two sorted lists.
    pub fn shared(&self, other: &Grams) -> usize {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }

    /// The Dice coefficient 2|A∩B| / (|A| + |B|): 1 for equal sets, 0 when
    /// nothing is shared or either is empty (an empty text is like nothing).
    pub fn dice(&self, other: &Grams) -> f64 {
        dice(self.shared(other), self.len(), other.len())
    }
}

/// The Dice coefficient of two sets of `a` and `b` elements sharing `shared`.
pub(crate) fn dice(shared: usize, a: usize, b: usize) -> f64 {
    if a + b == 0 {
        0.0
    } else {
        2.0 * shared as f64 / (a + b) as f64
    }
}

/// The Dice coefficient of two lists of names compared exactly, each name
/// counted once. Lists of units are short: a scan, no set is built.
pub(crate) fn name_dice(a: &[String], b: &[String]) -> f64 {
    let first = |list: &[String], k: usize| !list[..k].contains(&list[k]);
    let distinct = |list: &[String]| (0..list.len()).filter(|&k| first(list, k)).count();
    let shared = (0..a.len())
        .filter(|&k| first(a, k) && b.contains(&a[k]))
        .count();
    dice(shared, distinct(a), distinct(b))
}

/// A pair of texts, one from each side, that share bigrams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Index into the old texts.
    pub old: usize,
    /// Index into the new texts.
    pub new: usize,
    /// Bigrams shared (all of them, rare or not).
    pub shared: usize,
}

/// A bigram found in more old texts than this is not used to find
/// candidates (it still counts in the similarity of the pairs found): in a
/// list of a thousand projects, 实施 or 建设 would otherwise make every
/// project a candidate of every other. A text whose bigrams are all this
/// common uses its rarest one, looked up in this many texts only.
pub(crate) const MAX_POSTING: usize = 64;

/// At most this many candidates per new text, the ones sharing the most
/// rare bigrams with it: its true partner, if any, is among the first few.
pub(crate) const MAX_CANDIDATES: usize = 16;

/// The pairs of texts worth scoring: for each new text, the old texts that
/// share the most of its rare bigrams (see [`MAX_POSTING`],
/// [`MAX_CANDIDATES`]), with the exact number of bigrams each pair shares.
///
/// Cost: building the index is O(B log B) for B old bigrams; each new text
/// of b bigrams costs O(b log B) lookups plus at most b × `MAX_POSTING`
/// counter steps and `MAX_CANDIDATES` merges. So the whole is near-linear
/// in the size of both lists, however many texts share common words.
/// Candidates come out ordered by new index, then old index.
pub(crate) fn candidates(old: &[Grams], new: &[Grams]) -> Vec<Candidate> {
    let index = Index::new(old);
    let mut counts = vec![0u32; old.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    let mut postings: Vec<&[u32]> = Vec::new();
    for (j, grams) in new.iter().enumerate() {
        postings.clear();
        postings.extend(grams.0.iter().filter_map(|&g| index.get(g)));
        let mut used = false;
        for posting in postings.iter().filter(|p| p.len() <= MAX_POSTING) {
            used = true;
            count(posting, &mut counts, &mut touched);
        }
        if !used {
            // Every bigram is common: the rarest one, in part.
            if let Some(rarest) = postings.iter().min_by_key(|p| p.len()) {
                count(
                    &rarest[..MAX_POSTING.min(rarest.len())],
                    &mut counts,
                    &mut touched,
                );
            }
        }
        // The best few by shared count (ties to the lower index): a
        // selection, not a sort, since a text can touch hundreds.
        let rank = |a: &usize, b: &usize| counts[*b].cmp(&counts[*a]).then(a.cmp(b));
        if touched.len() > MAX_CANDIDATES {
            touched.select_nth_unstable_by(MAX_CANDIDATES - 1, rank);
        }
        let mut kept: Vec<usize> = touched.iter().copied().take(MAX_CANDIDATES).collect();
        for &i in &touched {
            counts[i] = 0;
        }
        touched.clear();
        kept.sort_unstable();
        for i in kept {
            out.push(Candidate {
                old: i,
                new: j,
                shared: old[i].shared(grams),
            });
        }
    }
    out
}

fn count(posting: &[u32], counts: &mut [u32], touched: &mut Vec<usize>) {
    for &i in posting {
        let i = i as usize;
        if counts[i] == 0 {
            touched.push(i);
        }
        counts[i] += 1;
    }
}

/// Which old texts hold each bigram: bigrams sorted, each with the range
/// of its texts in one flat list (no hash map, so nothing depends on a
/// hash order).
struct Index {
    keys: Vec<u64>,
    starts: Vec<usize>,
    texts: Vec<u32>,
}

impl Index {
    fn new(old: &[Grams]) -> Index {
        let mut pairs: Vec<(u64, u32)> = old
            .iter()
            .enumerate()
            .flat_map(|(i, g)| g.0.iter().map(move |&gram| (gram, i as u32)))
            .collect();
        pairs.sort_unstable();
        let mut index = Index {
            keys: Vec::new(),
            starts: Vec::new(),
            texts: Vec::with_capacity(pairs.len()),
        };
        for (gram, i) in pairs {
            if index.keys.last() != Some(&gram) {
                index.keys.push(gram);
                index.starts.push(index.texts.len());
            }
            index.texts.push(i);
        }
        index.starts.push(index.texts.len());
        index
    }

    fn get(&self, gram: u64) -> Option<&[u32]> {
        let k = self.keys.binary_search(&gram).ok()?;
        Some(&self.texts[self.starts[k]..self.starts[k + 1]])
    }
}

/// One-to-one pairs from scored candidates `(score, old, new)`: greedily,
/// best score first (ties by old, then new index), each side used once, and
/// only pairs scoring at least `threshold`.
///
/// Why greedy and not an optimal assignment (Hungarian): the candidates
/// are sparse and a continued project's partner scores far above anything
/// else (on the 瑶海区 2024/2025 pair the lowest true pair scores 0.79, the
/// highest false one 0.19), so the best-first pair is the one a reader
/// would pick, and greedy finds the same pairs as the optimum whenever
/// each continued project and its partner are each other's best, which is
/// the usual case. Where they are not, greedy keeps the clearest pair
/// rather than trading it for two weaker ones to raise a sum, which is
/// what a reader would do too. It costs O(E log E) for E candidates; the
/// Hungarian method is O(n³), a billion steps for 1,000 projects.
pub(crate) fn assign(
    mut scored: Vec<(f64, usize, usize)>,
    old_len: usize,
    new_len: usize,
    threshold: f64,
) -> Vec<(f64, usize, usize)> {
    scored.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut old_taken = vec![false; old_len];
    let mut new_taken = vec![false; new_len];
    let mut pairs = Vec::new();
    for (score, i, j) in scored {
        if score < threshold {
            break;
        }
        if !old_taken[i] && !new_taken[j] {
            old_taken[i] = true;
            new_taken[j] = true;
            pairs.push((score, i, j));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_letters_and_joins_across_numbers_and_punctuation() {
        assert_eq!(
            Grams::of("新增托位1196个；"),
            Grams::of("新增托位 1,200 个。")
        );
        assert_eq!(Grams::of("新增托位1196个").len(), 4, "新增 增托 托位 位个");
        assert_eq!(Grams::of("項目"), Grams::of("项目"), "traditional folds");
        assert_eq!(Grams::of("AED台"), Grams::of("aed台"));
        assert_eq!(Grams::of("路").len(), 1, "one letter is its own gram");
        assert_eq!(Grams::of("123。").len(), 0);
    }

    #[test]
    fn dice_is_one_for_equal_texts_and_zero_for_disjoint_or_empty_ones() {
        let a = Grams::of("严打电信网络诈骗");
        assert_eq!(a.dice(&a), 1.0);
        assert_eq!(a.dice(&Grams::of("新建公共充电桩")), 0.0);
        assert_eq!(Grams::of("").dice(&Grams::of("")), 0.0);
        // 实施 施健 健康 康口 口腔 腔行 行动 vs the same and 动加 加强: 2·7/(7+9)
        let b = Grams::of("实施健康口腔行动加强");
        assert_eq!(Grams::of("实施健康口腔行动").dice(&b), 14.0 / 16.0);
    }

    #[test]
    fn candidates_are_the_texts_sharing_rare_bigrams() {
        let old: Vec<Grams> = ["严打电信网络诈骗", "新建公共充电桩", "新建公办幼儿园"]
            .iter()
            .map(|t| Grams::of(t))
            .collect();
        let new = vec![Grams::of("新建公共充电桩二百个")];
        let found = candidates(&old, &new);
        let olds: Vec<usize> = found.iter().map(|c| c.old).collect();
        assert_eq!(olds, [1, 2], "新建 is shared with the kindergarten too");
        assert_eq!(found[0].shared, 6, "新建 建公 公共 共充 充电 电桩");
        assert_eq!(found[1].shared, 2, "新建 建公");
    }

    #[test]
    fn a_common_bigram_alone_does_not_make_every_text_a_candidate() {
        let old: Vec<Grams> = (0..200)
            .map(|k| Grams::of(&format!("实施{}", char::from_u32(0x4E00 + k).unwrap())))
            .collect();
        let new = vec![Grams::of("实施某某"), Grams::of("实施")];
        let found = candidates(&old, &new);
        // "实施某某": 施某 and 某某 are in no old text and 实施 is in all 200
        // (above the posting limit): only the rarest gram, in part.
        let first: Vec<&Candidate> = found.iter().filter(|c| c.new == 0).collect();
        assert!(first.len() <= MAX_CANDIDATES, "{}", first.len());
        assert!(found.len() <= 2 * MAX_CANDIDATES);
    }

    #[test]
    fn unit_lists_are_compared_as_sets() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let a = names(&["区民政局", "区残联", "区民政局"]);
        assert_eq!(name_dice(&a, &names(&["区残联", "区民政局"])), 1.0);
        assert_eq!(name_dice(&a, &names(&["区民政局"])), 2.0 / 3.0);
        assert_eq!(name_dice(&a, &names(&["区财政局"])), 0.0);
    }

    #[test]
    fn assignment_is_one_to_one_best_first_above_the_threshold() {
        let scored = vec![(0.9, 0, 0), (0.8, 1, 0), (0.7, 1, 1), (0.3, 2, 2)];
        let pairs = assign(scored, 3, 3, 0.5);
        assert_eq!(pairs, [(0.9, 0, 0), (0.7, 1, 1)]);
    }
}
