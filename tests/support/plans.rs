//! Two years of one made-up district's plan, at any size, for the diff's
//! bench (`benches/diff.rs`, time) and scaling test (`tests/scaling/diff.rs`,
//! work counted, never time). Deterministic: the same text on every run.
//!
//! Projects are sentences of words drawn from a vocabulary with a skewed
//! (Zipf-like) frequency, so a few words (the 实施 and 建设 of real lists)
//! are in most projects and most words in few, with targets (`N个`, `N人次`,
//! `N%`) and a lead unit. The next year continues 80 % of the projects,
//! shuffled and renumbered under reordered categories, with new figures,
//! one word in three replaced in a third of them; drops the other 20 % and
//! adds as many new ones. Projects are numbered anew in each category.

/// A xorshift generator.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// An index below `n`, small ones far more often (u³ skew).
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((u * u * u) * n as f64) as usize
    }
}

const UNITS: [&str; 6] = ["个", "人次", "户", "所", "%", "公里"];
const WORDS: usize = 4000;
const CATEGORIES: usize = 20;

struct Project {
    /// The old project it continues (its index in the old list).
    origin: Option<usize>,
    words: Vec<usize>,
    figures: Vec<(u32, &'static str)>,
    lead: usize,
    category: usize,
}

struct Vocabulary(Vec<String>);

impl Vocabulary {
    fn new(random: &mut Random) -> Vocabulary {
        // Two or three characters of the common CJK block each.
        Vocabulary(
            (0..WORDS)
                .map(|_| {
                    let len = 2 + random.below(2);
                    (0..len)
                        .map(|_| char::from_u32(0x4E00 + random.below(3000) as u32).unwrap_or('一'))
                        .collect()
                })
                .collect(),
        )
    }
}

fn project(random: &mut Random, category: usize) -> Project {
    let words = (0..8 + random.below(8))
        .map(|_| random.skewed(WORDS))
        .collect();
    let figures = (0..1 + random.below(3))
        .map(|_| {
            (
                1 + random.below(5000) as u32,
                UNITS[random.below(UNITS.len())],
            )
        })
        .collect();
    Project {
        origin: None,
        words,
        figures,
        lead: random.below(40),
        category,
    }
}

/// Chinese numerals for category numbers 1–99.
fn chinese(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match (n / 10, n % 10) {
        (0, d) => DIGITS[d].to_string(),
        (1, d) => format!("十{}", DIGITS[d]),
        (t, d) => format!("{}十{}", DIGITS[t], DIGITS[d]),
    }
}

/// The notice's text, and the origin of each project in the order written.
fn write(
    year: u32,
    projects: &[Project],
    order: &[usize],
    vocabulary: &Vocabulary,
) -> (String, Vec<Option<usize>>) {
    let mut out = format!("附件 1\n\n某某区{year}年民生实事项目\n\n");
    let mut origins = Vec::with_capacity(projects.len());
    for (k, &category) in order.iter().enumerate() {
        // Numbering restarts in each category (a four-digit （1000） is not
        // read as a project number).
        let mut number = 0;
        let members: Vec<&Project> = projects.iter().filter(|p| p.category == category).collect();
        out.push_str(&format!(
            "{}、类别{}（{} 项）\n\n",
            chinese(k + 1),
            vocabulary.0[category],
            members.len()
        ));
        for p in members {
            origins.push(p.origin);
            number += 1;
            out.push_str(&format!("（{number}）"));
            let per_figure = p.words.len() / p.figures.len();
            for (w, word) in p.words.iter().enumerate() {
                out.push_str(&vocabulary.0[*word]);
                if (w + 1) % per_figure == 0 {
                    if let Some((n, unit)) = p.figures.get(w / per_figure) {
                        out.push_str(&format!("{n}{unit}，"));
                    }
                }
            }
            out.push_str(&format!(
                "。（牵头单位：区{}局）\n",
                vocabulary.0[WORDS - 1 - p.lead]
            ));
        }
        out.push('\n');
    }
    (out, origins)
}

/// Two years of a plan and the true answer.
pub struct TwoYears {
    pub old: String,
    pub new: String,
    /// (old index, new index) in `plan.projects` of every continued project.
    pub continued: Vec<(usize, usize)>,
}

/// The two notices, each of `n` projects.
pub fn two_years(n: usize) -> TwoYears {
    let mut random = Random(0x5EED_D1FF);
    let vocabulary = Vocabulary::new(&mut random);
    let old: Vec<Project> = (0..n)
        .map(|k| project(&mut random, k * CATEGORIES / n.max(1)))
        .collect();
    let mut new: Vec<Project> = Vec::with_capacity(n);
    for (index, p) in old.iter().enumerate() {
        if random.below(10) < 2 {
            continue; // dropped
        }
        let mut words = p.words.clone();
        if random.below(3) == 0 {
            for w in words.iter_mut() {
                if random.below(3) == 0 {
                    *w = random.skewed(WORDS);
                }
            }
        }
        let figures = p
            .figures
            .iter()
            .map(|&(v, unit)| (v + random.below(100) as u32, unit))
            .collect();
        new.push(Project {
            origin: Some(index),
            words,
            figures,
            lead: p.lead,
            category: p.category,
        });
    }
    while new.len() < n {
        let category = random.below(CATEGORIES);
        new.push(project(&mut random, category));
    }
    // Shuffled within the year (Fisher–Yates), categories reordered.
    for k in (1..new.len()).rev() {
        new.swap(k, random.below(k + 1));
    }
    let old_order: Vec<usize> = (0..CATEGORIES).collect();
    let mut new_order = old_order.clone();
    for k in (1..new_order.len()).rev() {
        new_order.swap(k, random.below(k + 1));
    }
    let (old_text, _) = write(2024, &old, &old_order, &vocabulary);
    let (new_text, origins) = write(2025, &new, &new_order, &vocabulary);
    let mut continued: Vec<(usize, usize)> = origins
        .iter()
        .enumerate()
        .filter_map(|(j, origin)| origin.map(|i| (i, j)))
        .collect();
    continued.sort_unstable();
    TwoYears {
        old: old_text,
        new: new_text,
        continued,
    }
}
