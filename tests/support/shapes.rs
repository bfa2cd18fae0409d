//! Inputs shaped to find super-linear time or memory (issue 10): each is
//! made at a size `n` (in units of its repeating piece), deterministically,
//! so a run at `n` and at `4n` shows how cost grows. Shared by the scaling
//! bench (`benches/scaling.rs`: time and peak memory) and the scaling test
//! (`tests/scaling/parse.rs`: allocation and output counts, never time).

/// One shape: its name, what it is, and how to make it at size `n`.
pub struct Shape {
    pub name: &'static str,
    pub what: &'static str,
    /// Bytes of the input at size `n`.
    pub make: fn(usize) -> Vec<u8>,
    /// The sizes the bench runs it at (`n` and `4n`); the test uses a
    /// smaller `n`.
    pub bench_n: usize,
    pub test_n: usize,
}

/// A xorshift generator: the same text on every run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn han(&mut self, len: usize) -> String {
        const HAN: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入";
        let chars: Vec<char> = HAN.chars().collect();
        (0..len)
            .map(|_| chars[(self.next() % chars.len() as u64) as usize])
            .collect()
    }
}

/// `n` lines of "任务": every line probed as a table header, every line
/// joined to the one before.
fn renwu(n: usize) -> Vec<u8> {
    "任务\n".repeat(n).into_bytes()
}

/// `n` lines of 30 random ideographs without punctuation: one logical line.
fn unpunctuated(n: usize) -> Vec<u8> {
    let mut r = Random(7);
    (0..n)
        .map(|_| r.han(30) + "\n")
        .collect::<String>()
        .into_bytes()
}

/// `n` "（" on one line: a clause label tried at each.
fn open_brackets(n: usize) -> Vec<u8> {
    "（".repeat(n).into_bytes()
}

/// A Chinese numeral below 1000 (一, 十二, 一百零五).
fn chinese(k: usize) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (h, t, u) = (k / 100, k / 10 % 10, k % 10);
    let mut s = String::new();
    if h > 0 {
        s += D[h];
        s += "百";
    }
    if t > 0 {
        if !(h == 0 && t == 1) {
            s += D[t];
        }
        s += "十";
    } else if h > 0 && u > 0 {
        s += "零";
    }
    if u > 0 {
        s += D[u];
    }
    s
}

/// 附件 1 printed twice with `n` categories of ten projects, the copies
/// differing in their first and last project: the middle left after the
/// common prefix and suffix is the whole attachment (the LCS table over it
/// had `(11n)²` cells).
fn copies_differing_at_both_ends(n: usize) -> Vec<u8> {
    let mut r = Random(11);
    let mut projects: Vec<String> = Vec::new();
    for c in 1..=n {
        projects.push(format!("{}、类别{c}（10项）\n", chinese(c)));
        for j in 1..=10 {
            projects.push(format!(
                "{j}.{}{c}新增{}个。（牵头单位：区{}局）\n",
                r.han(20),
                j * 3,
                r.han(2)
            ));
        }
    }
    let mut text = String::from("2024年民生实事项目\n");
    for copy in 0..2 {
        text.push_str("附件 1\n2024年民生实事项目清单\n");
        for (i, p) in projects.iter().enumerate() {
            if copy == 1 && (i == 1 || i + 1 == projects.len()) {
                text.push_str("1.改动后的项目内容新增1个。（牵头单位：区改动局）\n");
            } else {
                text.push_str(p);
            }
        }
    }
    text.into_bytes()
}

/// The seed notice with its 附件 1 printed `n` times.
fn many_copies(n: usize) -> Vec<u8> {
    let seed = include_str!("../../corpus/yaohai-2024.txt");
    let at = seed.find("附件 1").unwrap_or(0);
    let (body, attachment) = seed.split_at(at);
    let skip = "附件".len();
    let end = attachment[skip..]
        .find("附件")
        .map_or(attachment.len(), |e| e + skip);
    let mut text = body.to_string();
    for _ in 0..n {
        text.push_str(&attachment[..end]);
    }
    text.push_str(&attachment[end..]);
    text.into_bytes()
}

/// GBK text of `n` lines cut mid-character, so it is first tried as
/// UTF-8 with a bad byte at nearly every character.
fn gbk_cut(n: usize) -> Vec<u8> {
    let mut r = Random(13);
    let text: String = (0..n).map(|_| r.han(40) + "。\n").collect();
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    let mut bytes = bytes.into_owned();
    bytes.push(0xC8);
    bytes
}

/// `n` lines of "一、": as many body sections.
fn yi(n: usize) -> Vec<u8> {
    "一、\n".repeat(n).into_bytes()
}

/// One line of `n` pieces "任务" + an invalid byte: `n` diagnostics on it.
fn bad_bytes_on_one_line(n: usize) -> Vec<u8> {
    let mut bytes = Vec::new();
    for _ in 0..n {
        bytes.extend_from_slice("任务".as_bytes());
        bytes.push(0xFF);
    }
    bytes
}

/// `n` pages, each opened by a form feed and a header that two pages share:
/// `n / 2` running headers, each looked for on every line.
fn page_headers(n: usize) -> Vec<u8> {
    (0..n)
        .map(|i| format!("\u{c}页眉标题第{}号文件\n正文内容一行继续写下去\n", i / 2))
        .collect::<String>()
        .into_bytes()
}

/// The seed notice repeated `n` times.
fn seed(n: usize) -> Vec<u8> {
    include_str!("../../corpus/yaohai-2024.txt")
        .repeat(n)
        .into_bytes()
}

/// Every shape.
pub fn all() -> Vec<Shape> {
    vec![
        Shape {
            name: "renwu_lines",
            what: "lines of 任务",
            make: renwu,
            bench_n: 16_000,
            test_n: 1_000,
        },
        Shape {
            name: "unpunctuated",
            what: "unpunctuated lines of 30 ideographs",
            make: unpunctuated,
            bench_n: 2_800,
            test_n: 300,
        },
        Shape {
            name: "open_brackets",
            what: "（ on one line",
            make: open_brackets,
            bench_n: 100_000,
            test_n: 5_000,
        },
        Shape {
            name: "copies_differ_at_both_ends",
            what: "附件 1 twice (categories of 10), first and last project changed",
            make: copies_differing_at_both_ends,
            bench_n: 200,
            test_n: 20,
        },
        Shape {
            name: "many_copies",
            what: "附件 1 of the seed printed n times",
            make: many_copies,
            bench_n: 10,
            test_n: 2,
        },
        Shape {
            name: "gbk_cut",
            what: "GBK lines cut mid-character",
            make: gbk_cut,
            bench_n: 8_000,
            test_n: 500,
        },
        Shape {
            name: "yi_sections",
            what: "lines of 一、",
            make: yi,
            bench_n: 140_000,
            test_n: 3_000,
        },
        Shape {
            name: "bad_bytes_one_line",
            what: "invalid bytes on one line",
            make: bad_bytes_on_one_line,
            bench_n: 5_000,
            test_n: 500,
        },
        Shape {
            name: "page_headers",
            what: "pages with a header shared by two",
            make: page_headers,
            bench_n: 5_000,
            test_n: 300,
        },
        Shape {
            name: "seed_repeated",
            what: "the seed notice repeated",
            make: seed,
            bench_n: 10,
            test_n: 1,
        },
    ]
}
