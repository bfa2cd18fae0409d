//! The diff's work grows linearly with the plans (issue 14): two plans of
//! 4N projects allocate under 8 times what two of N do (quadratic work, a
//! table per pair of projects, would show near 16), counted by a counting
//! allocator, never timed (`benches/diff.rs` times it; PERF.md has the
//! figures). And on the made-up plans, whose true answer is known, every
//! project matched is a true continuation and nearly all are found.

use crate::counting;

#[path = "../support/plans.rs"]
mod plans;

fn notices(n: usize) -> (minsheng::Notice, minsheng::Notice, Vec<(usize, usize)>) {
    let years = plans::two_years(n);
    let old = minsheng::parse(&years.old);
    let new = minsheng::parse(&years.new);
    assert_eq!((old.plan.projects.len(), new.plan.projects.len()), (n, n));
    (old, new, years.continued)
}

#[test]
fn four_times_the_projects_cost_under_eight_times_as_much() {
    let (old1, new1, _) = notices(250);
    let (old4, new4, _) = notices(1000);
    let (_, small) = counting::measure(|| minsheng::diff(&old1, &new1));
    let (_, large) = counting::measure(|| minsheng::diff(&old4, &new4));
    let ratio = large.total as f64 / small.total.max(1) as f64;
    let peak = large.peak as f64 / small.peak.max(1) as f64;
    println!("allocated ×{ratio:.2}, peak ×{peak:.2}");
    assert!(
        ratio < 8.0 && peak < 8.0,
        "allocated ×{ratio:.2}, peak ×{peak:.2}"
    );
}

/// A notice of `n`'s frame and categories holding only its `k`-th project.
fn alone(n: &minsheng::Notice, k: usize) -> minsheng::Notice {
    let mut one = n.clone();
    one.plan.projects.clear();
    one.plan.projects.push(n.plan.projects[k].clone());
    one
}

#[test]
fn made_up_plans_are_matched_without_a_wrong_or_a_lost_pair() {
    let (old, new, truth) = notices(1000);
    let d = minsheng::diff(&old, &new);
    let found: Vec<(usize, usize)> = d
        .projects
        .continued
        .iter()
        .map(|p| (p.old.index as usize, p.new.index as usize))
        .collect();
    let wrong: Vec<&(usize, usize)> = found
        .iter()
        .filter(|p| truth.binary_search(p).is_err())
        .collect();
    assert!(wrong.is_empty(), "{} wrong pairs: {wrong:?}", wrong.len());
    // Each true pair diffed on its own (no index, no competition) scores
    // at or above the threshold exactly when the whole diff found it: the
    // index of rare bigrams loses nothing. (A third of the continued
    // projects have a third of their words replaced; some of those fall
    // below 0.5 and are rightly added and dropped.)
    let (old_frame, new_frame) = (alone(&old, 0), alone(&new, 0));
    let mut expected = Vec::new();
    for &(i, j) in &truth {
        let mut a = old_frame.clone();
        a.plan.projects[0] = old.plan.projects[i].clone();
        let mut b = new_frame.clone();
        b.plan.projects[0] = new.plan.projects[j].clone();
        if minsheng::diff(&a, &b).totals.continued == 1 {
            expected.push((i, j));
        }
    }
    let mut found = found;
    found.sort_unstable();
    println!(
        "{} of {} continued projects found, {} score at least the threshold",
        found.len(),
        truth.len(),
        expected.len()
    );
    assert_eq!(found, expected);
    assert!(found.len() * 10 > truth.len() * 8, "most are found");
}
