//! Every corpus notice and every trial notice against its answer key
//! (`corpus/keys/`, `tests/trial/keys/`, see `corpus/keys/KEY-FORMAT.md`):
//! what a careful human reader finds in the notice, written down
//! independently of the parser.
//!
//! The scoring is a port of the shared `score.py`, count for count, and the
//! bounds are those of `score-corpus`: 100% on the document, the categories,
//! the projects (none missing, none extra), their lead units, measures and
//! targets (recall and precision). Comparison of a project's category, the
//! targets' `cmp` and the untasked items is scored and reported, not required.
//!
//! One `#[test]` per notice, so `cargo test` names each notice that falls
//! short and one notice can be run alone (`cargo test --test suite keys::trial::panyu`);
//! `every_key_has_a_test` keeps each list in step with its keys folder.
//! A failure lists every miss; `-- --nocapture` prints each notice's counts
//! in `score.py`'s summary format.

use minsheng::{emit, parse_bytes, Options};
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

macro_rules! keys {
    ($root:literal, $dir:literal: $($name:ident)*) => {
        $(#[test] fn $name() { check($root, $dir, &stringify!($name).replace('_', "-")); })*
        const NOTICES: &[&str] = &[$(stringify!($name)),*];
        #[test]
        fn every_key_has_a_test() {
            super::every_key_has_a_test($dir, NOTICES);
        }
    };
}

/// The corpus notices (`corpus/keys/`, files relative to the project).
mod corpus {
    use super::check;
    keys! { "", "corpus/keys":
    anhui_2024_pdf
    bishan_2025_attachments
    chongqing_2025_inline
    district_2024_table
    district_2025_inline
    huainan_2024_table
    panyu_2025_web
    yaohai_2024
    yaohai_2024_gbk
    yaohai_2024_page
    yaohai_2024_wrapped
    }
}

/// The trial notices (`tests/trial/keys/`, files relative to `tests/trial`):
/// constructed notices of layouts the corpus does not have, held at 100%
/// once read in full, so that a regression on any of them fails CI too.
mod trial {
    use super::check;
    keys! { "tests/trial", "tests/trial/keys":
        bozhou_2024_wrapped
        cangshan_2025_webcopy
        changan_2022_web
        chaoyang_2020_notes
        chengguan_2020_pdfcells
        chengxiang_2024_funds
        dali_2024_pandoc
        dangtu_2024_gbk
        daoli_2021_halfparen
        dongtai_2024_jinzhan
        dunhua_2023_qiantou
        fancheng_2025_leaders
        fengxiang_2025_markedlead
        fengyang_2024_category
        fenyi_2023_hanzidate
        fotang_2023_wordpress
        fucheng_2025_tabwrap
        fujian_2025_qiantou
        fushan_2025_deadline
        fuyang_2025_page
        ganjingzi_2025_blocks
        gaochun_2024_layout
        gejiu_2024_utf16
        gongshu_2025_twolists
        guangshan_2021_fullwidth
        gucheng_2026_town
        haimen_2025_body
        haishu_2025_unnumbered
        hanting_2022_w3m
        hexi_2018_minxin
        hongqi_2023_inline
        hongshan_2024_headings
        huangpi_2025_annexfirst
        huichuan_2019_mdtable
        huoqiu_2025_subitems
        huzhou_2025_semantics
        jiading_2025_funds
        jiangbei_2024_fuze
        jiangjin_2025_pdftable
        jiangning_2025_measures
        jiangyin_2025_footnotes
        jianyang_2019_zhuze
        jiashan_2025_layout
        jimo_2024_ocr
        jinjiang_2024_trad
        jinniu_2025_wechat
        jinshui_2025_gonggao
        jinwan_2024_threeyear
        jiyang_2019_fengong
        kaifu_2024_wordtab
        kashi_2025_spaced
        kecheng_2025_toupiao
        kunshan_2025_csv
        laishan_2025_wordhtml
        lanshan_2024_fangan
        licheng_2024_shared
        lili_2025_jueyi
        lingbi_2024_gbk
        linwei_2025_rowspan
        liubei_2026_gb18030
        liuyang_2025_shida
        liyang_2025_title
        longgang_2024_circled
        longhua_2024_excelcells
        nanguan_2021_attach1
        nanhai_2025_web
        nankang_2025_attachfirst
        nanling_2024_cells
        ninghai_2024_houxuan
        panlong_2025_jan
        pidu_2025_prose
        pinghu_2025_batch2
        pingshan_2024_columns
        pizhou_2024_catlead
        pukou_2025_catmeasures
        pukou_2025_rawcells
        qingshanhu_2025_ziduan
        qingxiu_2025_jueding
        qinzhou_2023_grid
        qionghai_2025_lingdao
        qixingguan_2024_rowspan
        rugao_2024_mirror
        saihan_2019_runhead
        shexian_2025_forum
        shihe_2025_baogao
        shunde_2025_page
        shunqing_2026_fenzhi
        siming_2025_trad
        taiyuan_2025_subcats
        tangxia_2024_zijin
        tongliang_2025_plan
        tongren_2020_yishi
        tongzhou_2024_pdf
        wanzhou_2025_page
        weibin_2023_wrap30
        wenling_2025_ranges
        wuhou_2024_subitems
        wuhua_2024_table
        wujin_2025_restart
        wuyuan_2025_csv
        wuzhen_2025_dash
        wuzhong_2025_quotas
        xialu_2023_bumen
        xiangcheng_2025_nested
        xiaodian_2021_piaojue
        xiaohe_2025_shiyi
        xiaoshan_2025_twocol
        xinbei_2025_jiyue
        xindu_2024_layoutprose
        xingqing_2020_table
        xinwu_2025_ollist
        xiuzhou_2025_wechat
        xuanzhou_2025_tabs
        yiling_2025_unitfirst
        yingshang_2024_mubiao
        yingze_2024_trsgbk
        yongchuan_2025_inline
        yuci_2026_blankform
        yuelu_2024_yishi
        yueyang_2025_fenjie
        yuhang_2025_targets
        yuhuan_2025_baogao
        zhangdian_2020_diyixiang
        zhanggong_2025_ten
        zhangye_2022_midcell
        zhengding_2024_bracket
        zhoushi_2025_shizhu
        zhuji_2025_joint
    }
}

/// The fields that must be at 100% (`score-corpus`'s `--min` bounds).
const REQUIRED: &[&str] = &[
    "document",
    "categories",
    "projects_found",
    "projects_extra",
    "lead_units",
    "measures",
    "target_recall",
    "target_precision",
];

fn every_key_has_a_test(keys_dir: &str, notices: &[&str]) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(keys_dir);
    let mut keys: Vec<String> = std::fs::read_dir(dir)
        .expect("corpus/keys is readable")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".json")?.replace('-', "_"))
        })
        .collect();
    keys.sort();
    let mut tests: Vec<&str> = notices.to_vec();
    tests.sort();
    assert_eq!(keys, tests, "one keys! entry per {keys_dir}/*.json");
}

/// Score notice `name` against `keys_dir/name.json`; the key names its
/// notice's file relative to `root`.
fn check(root: &str, keys_dir: &str, name: &str) {
    let project = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = project.join(root);
    let key_path = project.join(keys_dir).join(format!("{name}.json"));
    let key: Value = serde_json::from_str(&std::fs::read_to_string(&key_path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", key_path.display()));
    let file = key["file"].as_str().expect("the key names its notice");
    let bytes = std::fs::read(root.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let options = Options::default().with_name(file);
    let parsed = parse_bytes(&bytes, &options);
    // Every character of the notice is kept, set aside, structure or said.
    let lost = parsed.unaccounted();
    assert!(lost.is_empty(), "{name}: text read and lost: {lost:?}");
    let out: Value =
        serde_json::from_str(&emit::pretty(&parsed.notice)).expect("the output is JSON");

    let (counts, misses) = score(&out, &key);
    let summary = counts
        .iter()
        .map(|(field, a, b)| format!("{field} {a}/{b}"))
        .collect::<Vec<_>>()
        .join(", ");
    println!("{name}: {summary}");
    let short: Vec<&str> = counts
        .iter()
        .filter(|(field, a, b)| REQUIRED.contains(field) && !full(field, *a, *b))
        .map(|(field, _, _)| *field)
        .collect();
    assert!(
        short.is_empty(),
        "{file} falls short of {keys_dir}/{name}.json on {}:\n  {}",
        short.join(", "),
        misses.join("\n  "),
    );
}

/// `score.py`'s bound `--min FIELD=1`.
fn full(field: &str, a: usize, b: usize) -> bool {
    match field {
        "projects_extra" => a == 0,
        _ if b == 0 => a == 0,
        _ => a >= b,
    }
}

type Counts = Vec<(&'static str, usize, usize)>;

/// The output scored against the key: (field, hits, out of) in `score.py`'s
/// order, and every miss in the notice's terms.
fn score(out: &Value, key: &Value) -> (Counts, Vec<String>) {
    let mut counts = Counts::new();
    let mut misses = Vec::new();

    // The document. The issuer may be printed as several organs (joint
    // notices): they are compared as one string, 、 dropped. The addressees
    // are compared as one string too: where the list is cut is not scored,
    // but a shared head noun written out (各县、区人民政府 as 各县人民政府,
    // 各区人民政府) is a miss.
    let (doc_o, doc_k) = (&out["document"], &key["document"]);
    let doc_number = match &doc_o["doc_number"] {
        number @ Value::Object(_) => &number["text"],
        number => number,
    };
    let issuer = |v: &Value| {
        let organs = match v {
            Value::Null => return None,
            Value::Array(_) => strs(v),
            _ => strs(&Value::Array(vec![v.clone()])),
        };
        Some(organs.concat().replace('、', ""))
    };
    let date = |v: &Value| if truthy(v) { v.clone() } else { Value::Null };
    let checks = [
        (
            "doc_number",
            doc_number,
            norm(doc_number) == norm(&doc_k["doc_number"]),
        ),
        (
            "issuer",
            &doc_o["issuer"],
            issuer(&doc_o["issuer"]) == issuer(&doc_k["issuer"]),
        ),
        (
            "date",
            &doc_o["date"],
            date(&doc_o["date"]) == doc_k["date"],
        ),
        (
            "addressees",
            &doc_o["addressees"],
            strs(&doc_o["addressees"]).concat() == strs(&doc_k["addressees"]).concat(),
        ),
        (
            "title",
            &doc_o["title"],
            norm(&doc_o["title"]) == norm(&doc_k["title"]),
        ),
    ];
    for (field, got, ok) in &checks {
        if !ok {
            misses.push(format!("document {field} {got} != {}", doc_k[field]));
        }
    }
    let ok = checks.iter().filter(|(_, _, ok)| *ok).count();
    counts.push(("document", ok, checks.len()));

    // Categories, by number; a later one of the same number wins.
    let plan = &out["plan"];
    let cats_k = list(&key["categories"]);
    let mut ok = 0;
    for c in cats_k {
        let o = list(&plan["categories"])
            .iter()
            .rev()
            .find(|o| o.is_object() && o["number"] == c["ordinal"]);
        match o {
            Some(o)
                if norm(&o["name"]) == norm(&c["name"])
                    && o["declared_count"] == c["declared_count"] =>
            {
                ok += 1
            }
            Some(o) => misses.push(format!(
                "category {} {} ({}) != {} ({})",
                c["ordinal"], o["name"], o["declared_count"], c["name"], c["declared_count"]
            )),
            None => misses.push(format!("category {} missing", c["ordinal"])),
        }
    }
    counts.push(("categories", ok, cats_k.len()));

    // A project's identity is its printed number; where the key's numbers
    // restart in each category ("1、2、3、" per category), it is
    // (category, number). Of two projects with one identity the first counts
    // and the second is extra.
    let kp = list(&key["projects"]);
    let restart = Bag::of(kp.iter().map(|p| &p["number"])).0.len() < kp.len();
    let ident = |p: &Value| {
        if restart {
            Value::Array(vec![p["category"].clone(), p["number"].clone()])
        } else {
            p["number"].clone()
        }
    };
    let label = |p: &Value| {
        if restart {
            format!("category {} project {}", p["category"], p["number"])
        } else {
            format!("project {}", p["number"])
        }
    };
    let mut projs_o: Vec<(Value, &Value)> = Vec::new();
    let mut extra = 0;
    for p in list(&plan["projects"]) {
        if !p.is_object() {
            misses.push(format!("project {p} is not an object"));
            extra += 1;
        } else if projs_o.iter().any(|(id, _)| *id == ident(p)) {
            misses.push(format!("{} printed twice", label(p)));
            extra += 1;
        } else {
            projs_o.push((ident(p), p));
        }
    }
    for (id, p) in &projs_o {
        if !kp.iter().any(|k| ident(k) == *id) {
            misses.push(format!("{} extra", label(p)));
            extra += 1;
        }
    }

    let (mut found, mut cat, mut lead, mut meas) = (0, 0, 0, 0);
    let (mut t_exp, mut t_hit, mut t_cmp, mut t_out, mut t_fp) = (0, 0, 0, 0, 0);
    for p in kp {
        let project = label(p);
        let Some(o) = projs_o
            .iter()
            .find(|(id, _)| *id == ident(p))
            .map(|(_, o)| *o)
            .filter(|o| truthy(o))
        else {
            misses.push(format!("{project} missing"));
            t_exp += list(&p["targets"]).len();
            continue;
        };
        found += 1;
        if p["category"].is_null() || o["category"] == p["category"] {
            cat += 1;
        } else {
            misses.push(format!(
                "{project} category {} != {}",
                o["category"], p["category"]
            ));
        }
        let mut lead_o = strs(&o["lead_units"]);
        let mut lead_k = strs(&p["lead_units"]);
        lead_o.sort();
        lead_k.sort();
        if lead_o == lead_k {
            lead += 1;
        } else {
            misses.push(format!(
                "{project} lead_units {} != {}",
                o["lead_units"], p["lead_units"]
            ));
        }
        let n_measures = list(&o["measures"]).len();
        if p["measures"].is_null() || p["measures"].as_f64() == Some(n_measures as f64) {
            meas += 1;
        } else {
            misses.push(format!(
                "{project} measures {n_measures} != {}",
                p["measures"]
            ));
        }

        // Targets as a multiset of (value, unit) identities; the key's
        // ignorable quantities are neither required nor penalised.
        let got_list: Vec<&Value> = list(&o["targets"])
            .iter()
            .filter(|q| q.is_object())
            .collect();
        let exp = Bag::of(list(&p["targets"]).iter().map(qkey));
        let ign = Bag::of(list(&p["ignorable"]).iter().map(qkey));
        let got = Bag::of(got_list.iter().copied().map(qkey));
        t_exp += exp.total();
        t_hit += exp.and(&got).total();
        for (k, _) in exp.minus(&got).0 {
            misses.push(format!("{project} target missing {k}"));
        }
        let excess = got.minus(&exp).minus(&ign);
        t_out += got.minus(&ign).total();
        t_fp += excess.total();
        for (k, _) in excess.0 {
            misses.push(format!("{project} target extra {k}"));
        }
        // Each found target's cmp (and `from`, where the key gives one)
        // against the key's targets of that identity, in order.
        let mut wanted: Vec<(QKey, &Value, &Value)> = list(&p["targets"])
            .iter()
            .map(|q| (qkey(q), &q["cmp"], &q["from"]))
            .collect();
        for q in got_list {
            let k = qkey(q);
            let Some(i) = wanted.iter().position(|(w, _, _)| *w == k) else {
                continue;
            };
            let (_, cmp, from) = wanted.remove(i);
            if q["cmp"] == *cmp && (from.is_null() || num(&q["from"]) == num(from)) {
                t_cmp += 1;
            } else {
                misses.push(format!("{project} cmp {k} {} != {cmp}", q["cmp"]));
            }
        }
    }
    counts.push(("projects_found", found, kp.len()));
    counts.push(("projects_extra", extra, 0));
    counts.push(("category_of_project", cat, kp.len()));
    counts.push(("lead_units", lead, kp.len()));
    counts.push(("measures", meas, kp.len()));
    counts.push(("target_recall", t_hit, t_exp));
    counts.push(("target_precision", t_out - t_fp, t_out));
    counts.push(("target_cmp", t_cmp, t_hit));

    let ku = Bag::of(list(&key["untasked"]).iter().map(norm));
    let ou = Bag::of(strs(&plan["untasked"]).into_iter().map(Some));
    for (k, _) in ku.minus(&ou).0 {
        misses.push(format!(
            "untasked missing {}",
            k.as_deref().unwrap_or("null")
        ));
    }
    for (k, _) in ou.minus(&ku).0 {
        misses.push(format!("untasked extra {}", k.as_deref().unwrap_or("null")));
    }
    counts.push(("untasked", ku.and(&ou).total(), ku.total().max(ou.total())));

    // The announced total: scored beyond score.py, reported, not required
    // (some notices announce it only in text no element takes).
    if let Some(total) = key["declared_total"].as_u64() {
        let got = plan["declared_total"].as_u64();
        if got != Some(total) {
            misses.push(format!("declared_total {got:?} != {total}"));
        }
        counts.push(("declared_total", usize::from(got == Some(total)), 1));
    }
    (counts, misses)
}

/// NFKC, then every whitespace character removed (Python's `\s`: Unicode
/// White_Space and the separators U+001C–U+001F). A non-string stands in
/// as its JSON text (the model never gives one where a string is compared).
fn norm(v: &Value) -> Option<String> {
    let text = match v {
        Value::Null => return None,
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let space = |c: &char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(c);
    Some(text.nfkc().filter(|c| !space(c)).collect())
}

/// The strings of a list, normalised; other items are skipped.
fn strs(v: &Value) -> Vec<String> {
    list(v)
        .iter()
        .filter(|x| x.is_string())
        .filter_map(norm)
        .collect()
}

/// A list, or none where the value is absent or not a list.
fn list(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

/// Python's truth value of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// A number rounded to six decimals (as Python's `round(x, 6)`: correctly
/// rounded, ties to even); none where the value is not a number.
fn num(v: &Value) -> Option<f64> {
    let x = match v {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.trim().parse().ok()?,
        Value::Bool(b) => f64::from(u8::from(*b)),
        _ => return None,
    };
    format!("{x:.6}").parse().ok()
}

/// A quantity's identity: value (or range) and unit, with parentheses
/// dropped from the unit.
#[derive(Debug, Clone, PartialEq)]
enum QKey {
    Value(Option<f64>, String),
    Range(Option<f64>, Option<f64>, String),
}

fn qkey(q: &Value) -> QKey {
    let unit = norm(&q["unit"]).unwrap_or_default().replace(['(', ')'], "");
    let has = |field: &str| q.get(field).is_some();
    if q["cmp"] == "range" || (has("min") && has("max") && !q["min"].is_null()) {
        QKey::Range(num(&q["min"]), num(&q["max"]), unit)
    } else {
        QKey::Value(num(&q["value"]), unit)
    }
}

impl std::fmt::Display for QKey {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let n = |x: &Option<f64>| x.map_or("null".to_owned(), |x| x.to_string());
        match self {
            QKey::Value(value, unit) => write!(f, "{}{unit}", n(value)),
            QKey::Range(min, max, unit) => write!(f, "{}–{}{unit}", n(min), n(max)),
        }
    }
}

/// A multiset in first-seen order (Python's `Counter`).
struct Bag<T>(Vec<(T, usize)>);

impl<T: PartialEq + Clone> Bag<T> {
    fn of(items: impl IntoIterator<Item = T>) -> Bag<T> {
        let mut bag = Bag(Vec::new());
        for item in items {
            match bag.0.iter_mut().find(|(k, _)| *k == item) {
                Some((_, n)) => *n += 1,
                None => bag.0.push((item, 1)),
            }
        }
        bag
    }

    fn count(&self, item: &T) -> usize {
        self.0
            .iter()
            .find(|(k, _)| k == item)
            .map_or(0, |(_, n)| *n)
    }

    fn total(&self) -> usize {
        self.0.iter().map(|(_, n)| n).sum()
    }

    /// The smaller count of each item (`a & b`).
    fn and(&self, other: &Bag<T>) -> Bag<T> {
        self.keep(|k, n| n.min(other.count(k)))
    }

    /// What is left of each count after `other`'s (`a - b`).
    fn minus(&self, other: &Bag<T>) -> Bag<T> {
        self.keep(|k, n| n.saturating_sub(other.count(k)))
    }

    fn keep(&self, count: impl Fn(&T, usize) -> usize) -> Bag<T> {
        let counts = self.0.iter().map(|(k, n)| (k.clone(), count(k, *n)));
        Bag(counts.filter(|(_, n)| *n > 0).collect())
    }
}
