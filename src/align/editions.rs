//! Three editions together.
//!
//! Each pair is first aligned alone. Then every pair is realigned with the evidence of
//! the third edition as a pivot: for a candidate link between `a` and `b`, the sentences of
//! `c` linked to `a` are compared with `b` (Ukrainian and Russian are close, so the uk–ru
//! alignment carries the two English pairs). Those alignments guide the joint search over
//! all three editions (see [`super::joint`]), whose path gives the final three. Groups are
//! the connected components of the links of all pairs.

use super::cost::PairModel;
use super::{
    Aligner, Alignment, PairAlignment, Side, StoryAlignment, groups_from_pairs, joint, pair,
};
use rayon::prelude::*;

/// Weight of the pivot evidence against the pair's own.
const PIVOT_WEIGHT: f64 = 0.5;
/// Links through the third edition count only when at least this sure.
const PIVOT_MIN_SCORE: f64 = 0.5;
/// Bound on the pivot evidence for one link, either way.
const PIVOT_CAP: f64 = 4.0;

/// For each source sentence, the target sentences it is linked to.
fn links_of(a: &Alignment, n: usize, flip: bool) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); n];
    for b in a
        .beads
        .iter()
        .filter(|b| b.is_link() && b.score >= PIVOT_MIN_SCORE)
    {
        let (s, t) = if flip {
            (b.tgt.clone(), b.src.clone())
        } else {
            (b.src.clone(), b.tgt.clone())
        };
        for i in s {
            out[i].extend(t.clone());
        }
    }
    for v in &mut out {
        v.sort_unstable();
        v.dedup();
    }
    out
}

/// Realigns each pair `(s, t)` of three sides with the third side `c` as pivot: the
/// sentences of `c` linked (in `prev`) to the source sentences are compared with the target
/// sentences; with `agree`, links that the two other alignments compose to (s→c→t) get a
/// bonus and links they contradict a malus.
fn realign(
    al: &Aligner,
    sides: &[Side],
    idx: &[(usize, usize)],
    models: &[PairModel],
    prev: &[Alignment],
    agree: bool,
) -> Vec<Alignment> {
    let find = |x: usize, y: usize| idx.iter().position(|&p| p == (x, y));
    let model = |s: usize, t: usize| oriented(idx, models, s, t);
    let links = |x: usize, y: usize| -> Vec<Vec<usize>> {
        match find(x.min(y), x.max(y)) {
            Some(k) => links_of(&prev[k], sides[x].len(), x > y),
            None => vec![Vec::new(); sides[x].len()],
        }
    };
    idx.par_iter()
        .map(|&(s, t)| {
            let c = 3 - s - t;
            // Two editions in one script (uk, ru) share more with each other than either
            // with the third: the pivot only helps the pairs across scripts.
            let same_script = sides[s].lang.is_cyrillic() == sides[t].lang.is_cyrillic()
                && sides[s].lang.is_cyrillic() != sides[c].lang.is_cyrillic();
            let weight = if same_script { 0.0 } else { PIVOT_WEIGHT };
            let s_to_c = links(s, c);
            let c_to_t = links(c, t);
            let ct = model(c, t);
            let pivot = move |src: &[usize], tgt: &[usize]| -> f64 {
                let mut cs: Vec<usize> = src
                    .iter()
                    .flat_map(|&i| s_to_c[i].iter().copied())
                    .collect();
                if cs.is_empty() {
                    return 0.0;
                }
                cs.sort_unstable();
                cs.dedup();
                let mut e = (weight * ct.token_llr_pub(&cs, tgt)).clamp(-PIVOT_CAP, PIVOT_CAP);
                if agree {
                    // Targets reached from the source through the pivot.
                    let reach: Vec<usize> =
                        cs.iter().flat_map(|&k| c_to_t[k].iter().copied()).collect();
                    if !reach.is_empty() {
                        let hit = tgt.iter().filter(|j| reach.contains(j)).count();
                        e += if hit > 0 {
                            AGREE_BONUS * hit as f64 / tgt.len() as f64
                        } else {
                            -AGREE_BONUS
                        };
                    }
                }
                e
            };
            pair::align_model(al, model(s, t), &sides[s], &sides[t], Some(&pivot))
        })
        .collect()
}

/// Links two sentences left alone in one pair when the other two pairs link both of them
/// to one sentence of the third edition (and their own evidence does not speak against
/// it), weakest pair first.
fn close_triangles(
    sides: &[Side],
    idx: &[(usize, usize)],
    models: &[PairModel],
    al: &mut [Alignment],
) {
    let find = |x: usize, y: usize| idx.iter().position(|&p| p == (x, y)).expect("pair");
    for &(s, t) in [(1, 2), (0, 1), (0, 2)].iter() {
        let c = 3 - s - t;
        let sc = find(s.min(c), s.max(c));
        let ct = find(c.min(t), c.max(t));
        // Per sentence of c: its 1-1 partners in s and in t, with scores.
        let partner = |a: &Alignment, c_is_src: bool| -> Vec<Option<(usize, f64)>> {
            let mut v = vec![None; sides[c].len()];
            for b in a
                .beads
                .iter()
                .filter(|b| b.src.len() == 1 && b.tgt.len() == 1)
            {
                let (k, o) = if c_is_src {
                    (b.src.start, b.tgt.start)
                } else {
                    (b.tgt.start, b.src.start)
                };
                v[k] = Some((o, b.score));
            }
            v
        };
        let in_s = partner(&al[sc], c < s);
        let in_t = partner(&al[ct], c < t);
        let model = &models[find(s, t)];
        let mut links = Vec::new();
        for k in 0..sides[c].len() {
            if let (Some((i, p1)), Some((j, p2))) = (in_s[k], in_t[k])
                && model.link_llr(&[i], &[j]) > CLOSE_MIN_LLR
            {
                links.push((i, j, p1 * p2));
            }
        }
        let k = find(s, t);
        let beads = std::mem::take(&mut al[k].beads);
        al[k].beads = pair::link_lone(beads, &links);
    }
}

/// Unlinks 1-1 links that the two other pairs contradict: `s_i`–`t_j` where `s_i` is linked
/// to `c_k` and `t_j` to `c_l`, `k != l`, both by links more confident than `s_i`–`t_j`
/// itself. All three pairs are judged on the alignments as they stand.
fn break_contradictions(sides: &[Side], idx: &[(usize, usize)], al: &mut [Alignment]) {
    let find = |x: usize, y: usize| idx.iter().position(|&p| p == (x, y)).expect("pair");
    // Partners with the score of the link, per side, per pair: partners[x][y][i].
    let partners = |x: usize, y: usize, al: &[Alignment]| -> Vec<Vec<(usize, f64)>> {
        let k = find(x.min(y), x.max(y));
        let mut v = vec![Vec::new(); sides[x].len()];
        for b in al[k].beads.iter().filter(|b| b.is_link()) {
            let (from, to) = if x < y {
                (b.src.clone(), b.tgt.clone())
            } else {
                (b.tgt.clone(), b.src.clone())
            };
            for i in from {
                v[i].extend(to.clone().map(|j| (j, b.score)));
            }
        }
        v
    };
    let mut broken: Vec<(usize, Vec<(usize, usize)>)> = Vec::new();
    for &(s, t) in idx {
        let c = 3 - s - t;
        let s_c = partners(s, c, al);
        let t_c = partners(t, c, al);
        let k = find(s, t);
        let mut cut = Vec::new();
        for b in al[k].beads.iter() {
            if b.src.len() != 1 || b.tgt.len() != 1 {
                continue;
            }
            let (i, j) = (b.src.start, b.tgt.start);
            let (ki, kj) = (&s_c[i], &t_c[j]);
            if ki.is_empty() || kj.is_empty() || ki.iter().any(|x| kj.iter().any(|y| x.0 == y.0)) {
                continue;
            }
            let other = ki
                .iter()
                .chain(kj.iter())
                .map(|x| x.1)
                .fold(f64::INFINITY, f64::min);
            if other > b.score {
                cut.push((i, j));
            }
        }
        broken.push((k, cut));
    }
    for (k, cut) in broken {
        if cut.is_empty() {
            continue;
        }
        let beads = std::mem::take(&mut al[k].beads);
        let mut out = Vec::with_capacity(beads.len() + cut.len());
        for b in beads {
            if b.src.len() == 1 && b.tgt.len() == 1 && cut.contains(&(b.src.start, b.tgt.start)) {
                let alone = 1.0 - b.score;
                out.push(super::Bead {
                    src: b.src.clone(),
                    tgt: b.tgt.start..b.tgt.start,
                    score: alone,
                    moved: false,
                });
                out.push(super::Bead {
                    src: b.src.end..b.src.end,
                    tgt: b.tgt.clone(),
                    score: alone,
                    moved: false,
                });
            } else {
                out.push(b);
            }
        }
        al[k].beads = out;
    }
}

/// The least evidence of its own a link closing a triangle needs.
const CLOSE_MIN_LLR: f64 = -2.0;

/// The least evidence of its own a bead made from a group needs.
const PROJECT_MIN_LLR: f64 = CLOSE_MIN_LLR;

/// Evidence for a link that the two other alignments of the story compose to.
const AGREE_BONUS: f64 = 2.0;

/// The model of sides `s` → `t` (either order) from the models of the pairs in `idx`.
fn oriented(idx: &[(usize, usize)], models: &[PairModel], s: usize, t: usize) -> PairModel {
    match idx.iter().position(|&p| p == (s, t)) {
        Some(k) => models[k].clone(),
        None => {
            let k = idx
                .iter()
                .position(|&p| p == (t, s))
                .expect("every pair has a model");
            models[k].flipped()
        }
    }
}

/// Aligns every pair of the sides and groups the sentences.
pub(crate) fn align_story(al: &Aligner, sides: &[Side]) -> StoryAlignment {
    let idx: Vec<(usize, usize)> = (0..sides.len())
        .flat_map(|s| (s + 1..sides.len()).map(move |t| (s, t)))
        .collect();
    let models: Vec<PairModel> = idx
        .iter()
        .map(|&(s, t)| {
            PairModel::new(
                sides[s].lang,
                &sides[s].sentences,
                sides[t].lang,
                &sides[t].sentences,
                al.lexicon.as_deref(),
            )
        })
        .collect();
    // The pairs are independent within a round: align them in parallel.
    let (first, fitted): (Vec<Alignment>, Vec<pair::Fitted>) = idx
        .par_iter()
        .zip(models.par_iter())
        .map(|(&(s, t), m)| pair::align_fitted(al, m.clone(), &sides[s], &sides[t], None))
        .unzip();
    let alignments = if sides.len() == 3 {
        let second = realign(al, sides, &idx, &models, &first, false);
        let mut third = realign(al, sides, &idx, &models, &second, true);
        break_contradictions(sides, &idx, &mut third);
        close_triangles(sides, &idx, &models, &mut third);
        let joint = al
            .joint
            .then(|| joint::align(sides, &fitted, &third, &al.shapes, al.min_score))
            .flatten();
        match joint {
            Some(joint) => joint,
            None => third,
        }
    } else {
        first
    };
    let mut pairs: Vec<PairAlignment> = idx
        .iter()
        .zip(alignments)
        .map(|(&(s, t), alignment)| PairAlignment {
            src: s,
            tgt: t,
            alignment,
        })
        .collect();
    let lens: Vec<usize> = sides.iter().map(Side::len).collect();
    let mut groups = groups_from_pairs(lens.clone(), &pairs);
    if sides.len() == 3 && al.consistent {
        pairs = project_groups(&lens, pairs, &groups, &models);
        groups = groups_from_pairs(lens, &pairs);
    }
    StoryAlignment { pairs, groups }
}

/// Makes the three pairwise alignments agree with the groups: where a group's sentences
/// in a pair form one small contiguous bead on both sides, that bead replaces the pair's
/// own beads over those sentences; a group present on one side of the pair only makes its
/// sentences one-sided there.
fn project_groups(
    lens: &[usize],
    pairs: Vec<PairAlignment>,
    groups: &[super::Group],
    models: &[PairModel],
) -> Vec<PairAlignment> {
    let contiguous = |v: &[usize]| v.windows(2).all(|w| w[1] == w[0] + 1);
    pairs
        .into_iter()
        .zip(models)
        .map(|(mut p, model)| {
            let (s, t) = (p.src, p.tgt);
            let mut src_bead = vec![usize::MAX; lens[s]];
            let mut tgt_bead = vec![usize::MAX; lens[t]];
            for (k, b) in p.alignment.beads.iter().enumerate() {
                for i in b.src.clone() {
                    src_bead[i] = k;
                }
                for j in b.tgt.clone() {
                    tgt_bead[j] = k;
                }
            }
            let beads = &p.alignment.beads;
            let mut drop = vec![false; beads.len()];
            let mut added = Vec::new();
            for g in groups {
                let (a, b) = (&g.members[s], &g.members[t]);
                if a.is_empty() || b.is_empty() {
                    continue;
                }
                let lone = a.iter().any(|&i| !beads[src_bead[i]].is_link())
                    || b.iter().any(|&j| !beads[tgt_bead[j]].is_link());
                if !lone || a.len() > 2 || b.len() > 2 || !contiguous(a) || !contiguous(b) {
                    continue;
                }
                // The third edition ties sentences this pair left alone to the others of the
                // group: one bead for the group's sentences in this pair.
                let touched: Vec<usize> = a
                    .iter()
                    .map(|&i| src_bead[i])
                    .chain(b.iter().map(|&j| tgt_bead[j]))
                    .collect();
                let inside = touched.iter().all(|&k| {
                    beads[k].src.clone().all(|i| a.contains(&i))
                        && beads[k].tgt.clone().all(|j| b.contains(&j))
                });
                if !inside || model.link_llr(a, b) <= PROJECT_MIN_LLR {
                    continue;
                }
                let (sa, sb) = (a[0]..a[a.len() - 1] + 1, b[0]..b[b.len() - 1] + 1);
                // Only where the new bead keeps the order of the links that stay.
                let in_order = |x: &super::Bead| {
                    !x.is_link()
                        || x.moved
                        || (x.src.end <= sa.start && x.tgt.end <= sb.start)
                        || (x.src.start >= sa.end && x.tgt.start >= sb.end)
                };
                let keeps_order = beads
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| !drop[*k] && !touched.contains(k))
                    .all(|(_, x)| in_order(x))
                    && added.iter().all(in_order);
                if !keeps_order {
                    continue;
                }
                let score = touched
                    .iter()
                    .map(|&k| beads[k].score)
                    .fold(1.0f64, f64::min);
                for &k in &touched {
                    drop[k] = true;
                }
                added.push(super::Bead {
                    src: sa,
                    tgt: sb,
                    score: score.max(g.score),
                    moved: false,
                });
            }
            if added.is_empty() {
                return p;
            }
            let mut out: Vec<super::Bead> = p
                .alignment
                .beads
                .drain(..)
                .enumerate()
                .filter(|(k, _)| !drop[*k])
                .map(|(_, b)| b)
                .collect();
            out.extend(added);
            out.sort_by_key(|b| (b.src.start.max(b.src.end), b.tgt.start.max(b.tgt.end)));
            p.alignment.beads = out;
            p
        })
        .collect()
}
