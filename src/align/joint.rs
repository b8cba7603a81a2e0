//! Three editions in one search.
//!
//! The pairwise alignments (each realigned with the third edition as a pivot) are three
//! separate answers and can contradict each other: uk 3 with en 4, uk 3 with ru 5, but en 4
//! not with ru 5. Here the three editions are aligned at once by dynamic programming over
//! positions `(i, j, k)` in the three editions. A step is a three-way bead: up to two
//! sentences of each edition, whose cost is the sum of the costs of its three pairwise
//! projections under each pair's own fitted model (a sentence absent from a projection
//! pays that pair's cost of being alone). The three pairwise alignments are then read off
//! one path, so they agree by construction.
//!
//! Correct alignments leave a triangle open in two patterns, and a three-way bead may
//! show them to one pair: when one edition merges two sentences that the other two keep
//! apart (uk 3 with en 4–5 and ru 6–7), the en–ru view may be two 1-1 links rather than
//! one 2-2 bead ([`Fine::Split`]); when one edition of a pair merged in a sentence that the
//! other left out, that pair may see one 1-1 link and a lone sentence ([`Fine::Partial`]).
//! Every other disagreement between the pairs is ruled out.
//!
//! The search is cubic in general; it runs in a corridor of [`CORRIDOR`] sentences either
//! side of the pairwise paths, so time and memory stay linear in the story's length.
//!
//! A moved passage breaks the order the search relies on. Its sentences are found from
//! the pairwise alignments (see [`left_out`]), left out of the search, and get their
//! pairwise links back afterwards, each kept only where the other two pairs agree with it
//! (see [`settle_carried`]).

use super::pair::{Fitted, remark_moved};
use super::{Alignment, Bead, Partners, Side, split_weak};
use std::collections::HashMap;
use std::ops::Range;

/// Half-width of the corridor around the pairwise paths, in sentences.
const CORRIDOR: usize = 3;
/// The search gives up (and the pairwise alignments stand) beyond this many cells per
/// sentence, plus [`MIN_CELLS`].
const MAX_CELLS_PER_SENTENCE: usize = 400;
/// Cells any story may use, however short.
const MIN_CELLS: usize = 200_000;
/// Temperature of the posteriors of links: the three projections share much of their
/// evidence (the same sentence is on two of them), so the sum is over-confident.
const LINK_TEMPERATURE: f64 = 1.5;
/// Temperature of the probability that a sentence is alone in a pair: higher, because
/// what makes a sentence look alone (a paraphrase, a merge the model does not expect) is
/// more often a model error than what makes two sentences look alike.
const ALONE_TEMPERATURE: f64 = 3.0;
/// Cost of a [`Fine::Partial`] view: one edition of a pair merging in a sentence the other
/// lacks is rarer than either taking the bead whole or leaving the sentence alone.
const PARTIAL_VIEW: f64 = 1.0;
/// The pairs of editions, in the order of [`super::StoryAlignment::pairs`].
const PAIRS: [(usize, usize); 3] = [(0, 1), (0, 2), (1, 2)];

/// How a pair sees a three-way bead when it does not take it whole.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Fine {
    /// A 2-2 projection as two 1-1 links on the diagonal: the two editions keep apart
    /// what the third merges.
    Split,
    /// A 1-2 or 2-1 projection as one 1-1 link between the single sentence and the first
    /// (`0`) or second (`1`) of the two, the other alone: the third edition carries a
    /// sentence that only one of the pair merged in.
    Partial(usize),
}

/// A three-way bead: how many sentences of each edition it takes, and at most one pair
/// (index into [`PAIRS`]) that sees it finer than whole.
#[derive(Clone, Copy, Debug)]
struct Shape3 {
    d: [usize; 3],
    fine: Option<(usize, Fine)>,
}

/// The three-way shapes whose pairwise projections are all allowed pairwise shapes. A
/// lone sentence is one bead: two lone sentences of one edition are two steps.
fn shapes3(pair_shapes: &[(usize, usize)]) -> Vec<Shape3> {
    let max = pair_shapes
        .iter()
        .map(|s| s.0.max(s.1))
        .max()
        .unwrap_or(1)
        .min(2);
    let mut out = Vec::new();
    for a in 0..=max {
        for b in 0..=max {
            for c in 0..=max {
                let d = [a, b, c];
                let sides = d.iter().filter(|&&x| x > 0).count();
                if sides == 0 || (sides == 1 && a + b + c > 1) {
                    continue;
                }
                // Pairs that cannot take the bead whole, and the finer views on offer.
                let mut blocked = Vec::new();
                let mut finer = Vec::new();
                for (p, &(x, y)) in PAIRS.iter().enumerate() {
                    let (u, v, t) = (d[x], d[y], d[3 - x - y]);
                    if u == 0 || v == 0 {
                        continue;
                    }
                    if !pair_shapes.contains(&(u, v)) {
                        blocked.push(p);
                    }
                    if t == 0 {
                        continue;
                    }
                    match (u, v) {
                        (2, 2) if t == 1 => finer.push((p, Fine::Split)),
                        (1, 2) | (2, 1) => {
                            finer.extend([(p, Fine::Partial(0)), (p, Fine::Partial(1))])
                        }
                        _ => {}
                    }
                }
                match blocked.as_slice() {
                    [] => {
                        out.push(Shape3 { d, fine: None });
                        out.extend(finer.into_iter().map(|f| Shape3 { d, fine: Some(f) }));
                    }
                    [p] => out.extend(
                        finer
                            .into_iter()
                            .filter(|f| f.0 == *p && f.1 == Fine::Split)
                            .map(|f| Shape3 { d, fine: Some(f) }),
                    ),
                    _ => {}
                }
            }
        }
    }
    out
}

/// A pairwise bead by its first source and target positions and its shape.
type Key = (usize, usize, usize, usize);

/// One pair's view of a step: its links, and the sentences it leaves alone on either side.
#[derive(Default)]
struct Proj {
    links: [Option<Key>; 2],
    alone: [[Option<usize>; 2]; 2],
}

/// How pair `p` sees the step `sh` from positions `pos`.
fn project(sh: &Shape3, pos: [usize; 3], p: usize) -> Proj {
    let (x, y) = PAIRS[p];
    let (u, v) = (sh.d[x], sh.d[y]);
    let (px, py) = (pos[x], pos[y]);
    let mut out = Proj::default();
    let fine = sh.fine.filter(|f| f.0 == p).map(|f| f.1);
    match (u, v, fine) {
        (0, 0, _) => {}
        (_, 0, _) => (0..u).for_each(|d| out.alone[0][d] = Some(px + d)),
        (0, _, _) => (0..v).for_each(|d| out.alone[1][d] = Some(py + d)),
        (_, _, Some(Fine::Split)) => {
            out.links = [Some((px, py, 1, 1)), Some((px + 1, py + 1, 1, 1))];
        }
        (1, _, Some(Fine::Partial(w))) => {
            out.links[0] = Some((px, py + w, 1, 1));
            out.alone[1][0] = Some(py + 1 - w);
        }
        (_, _, Some(Fine::Partial(w))) => {
            out.links[0] = Some((px + w, py, 1, 1));
            out.alone[0][0] = Some(px + 1 - w);
        }
        _ => out.links[0] = Some((px, py, u, v)),
    }
    out
}

/// The cells of the search: for each position `i` of edition 0, a range of positions of
/// edition 1 and one of edition 2.
struct Band3 {
    n: usize,
    r1: Vec<Range<usize>>,
    r2: Vec<Range<usize>>,
    off: Vec<usize>,
    cells: usize,
}

impl Band3 {
    fn new(r1: Vec<Range<usize>>, r2: Vec<Range<usize>>) -> Band3 {
        let n = r1.len() - 1;
        let mut off = Vec::with_capacity(n + 1);
        let mut cells = 0;
        for i in 0..=n {
            off.push(cells);
            cells += r1[i].len() * r2[i].len();
        }
        Band3 {
            n,
            r1,
            r2,
            off,
            cells,
        }
    }

    #[inline]
    fn idx(&self, i: usize, j: usize, k: usize) -> Option<usize> {
        if i > self.n || !self.r1[i].contains(&j) || !self.r2[i].contains(&k) {
            return None;
        }
        let w = self.r2[i].len();
        Some(self.off[i] + (j - self.r1[i].start) * w + (k - self.r2[i].start))
    }

    /// Every cell as `(i, j, k)`, in an order where each cell follows its predecessors.
    fn cells(&self) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        (0..=self.n).flat_map(move |i| {
            self.r1[i]
                .clone()
                .flat_map(move |j| self.r2[i].clone().map(move |k| (i, j, k)))
        })
    }

    /// The cells of [`Band3::cells`] in the opposite order.
    fn cells_rev(&self) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        (0..=self.n).rev().flat_map(move |i| {
            self.r1[i]
                .clone()
                .rev()
                .flat_map(move |j| self.r2[i].clone().rev().map(move |k| (i, j, k)))
        })
    }
}

/// Link costs of one pair over a banded region: for each source position, a range of
/// target positions, and the shapes 1-1, 1-2, 2-1, 2-2 starting there.
struct LinkCosts {
    rows: Vec<Range<usize>>,
    off: Vec<usize>,
    cost: Vec<f32>,
}

const LINK_SHAPES: [(usize, usize); 4] = [(1, 1), (1, 2), (2, 1), (2, 2)];

impl LinkCosts {
    fn new(rows: Vec<Range<usize>>, cost: impl Fn(usize, usize, usize, usize) -> f64) -> Self {
        let mut off = Vec::with_capacity(rows.len());
        let mut cells = 0;
        for r in &rows {
            off.push(cells);
            cells += r.len();
        }
        let mut c = vec![f32::INFINITY; cells * LINK_SHAPES.len()];
        for (x, r) in rows.iter().enumerate() {
            for y in r.clone() {
                for (s, &(a, b)) in LINK_SHAPES.iter().enumerate() {
                    c[(off[x] + y - r.start) * LINK_SHAPES.len() + s] = cost(x, y, a, b) as f32;
                }
            }
        }
        LinkCosts { rows, off, cost: c }
    }

    #[inline]
    fn get(&self, x: usize, y: usize, a: usize, b: usize) -> f64 {
        let Some(r) = self.rows.get(x) else {
            return f64::INFINITY;
        };
        if !r.contains(&y) {
            return f64::INFINITY;
        }
        let s = (a - 1) * 2 + (b - 1);
        self.cost[(self.off[x] + y - r.start) * LINK_SHAPES.len() + s] as f64
    }
}

/// One edition as the search sees it: the sentences it takes part with (original
/// indices, ascending), and the reverse map.
struct Reduced {
    keep: Vec<usize>,
    at: Vec<Option<usize>>,
}

impl Reduced {
    fn new(len: usize, out: &[bool]) -> Reduced {
        let keep: Vec<usize> = (0..len).filter(|&i| !out[i]).collect();
        let mut at = vec![None; len];
        for (r, &i) in keep.iter().enumerate() {
            at[i] = Some(r);
        }
        Reduced { keep, at }
    }

    fn len(&self) -> usize {
        self.keep.len()
    }

    /// The original sentences of the reduced range `r`, if they are consecutive.
    fn original(&self, r: Range<usize>) -> Option<Range<usize>> {
        let s = &self.keep[r.clone()];
        (s[s.len() - 1] - s[0] == s.len() - 1).then(|| s[0]..s[s.len() - 1] + 1)
    }

    /// The original position of reduced position `r` (the end when `r` is past the last).
    fn anchor(&self, r: usize, len: usize) -> usize {
        self.keep.get(r).copied().unwrap_or(len)
    }
}

/// For each reduced position of the source, the reduced target positions that the
/// longest in-order chain of `prev`'s links between sentences in the search passes
/// through there, widened by [`CORRIDOR`].
fn corridor(prev: &Alignment, src: &Reduced, tgt: &Reduced) -> Vec<Range<usize>> {
    let (n, m) = (src.len(), tgt.len());
    // Link corners in reduced positions: (start i, start j, end i, end j).
    let mut links: Vec<(usize, usize, usize, usize)> = Vec::new();
    for b in prev.beads.iter().filter(|b| b.is_link()) {
        let si: Vec<usize> = b.src.clone().filter_map(|x| src.at[x]).collect();
        let tj: Vec<usize> = b.tgt.clone().filter_map(|y| tgt.at[y]).collect();
        if let (Some(&i0), Some(&i1), Some(&j0), Some(&j1)) =
            (si.first(), si.last(), tj.first(), tj.last())
        {
            links.push((i0, j0, i1 + 1, j1 + 1));
        }
    }
    // The beads hold disjoint sentences: sorted by source, a chain is a run of rising
    // target positions.
    links.sort_unstable();
    let starts: Vec<usize> = links.iter().map(|l| l.1).collect();
    let on = longest_rising(&starts, true);
    let chain: Vec<(usize, usize, usize, usize)> = links
        .iter()
        .zip(on)
        .filter_map(|(&l, on)| on.then_some(l))
        .collect();
    let mut lo = vec![usize::MAX; n + 1];
    let mut hi = vec![0usize; n + 1];
    let mut span = |i0: usize, j0: usize, i1: usize, j1: usize| {
        for r in i0..=i1 {
            lo[r] = lo[r].min(j0);
            hi[r] = hi[r].max(j1);
        }
    };
    let mut at = (0, 0);
    for &(i0, j0, i1, j1) in &chain {
        span(at.0, at.1, i0, j0);
        span(i0, j0, i1, j1);
        at = (i1, j1);
    }
    span(at.0, at.1, n, m);
    (0..=n)
        .map(|r| lo[r].saturating_sub(CORRIDOR)..(hi[r] + CORRIDOR).min(m) + 1)
        .collect()
}

/// Aligns three editions at once. `fitted` holds each pair's model (in the order of
/// [`PAIRS`]); `prev` the pairwise alignments, which give the corridor and the moved
/// links. Returns the three pairwise alignments, or `None` when no path fits the
/// corridor or the allowed shapes take three sentences on a side (three-way beads take at
/// most two).
pub(crate) fn align(
    sides: &[Side],
    fitted: &[Fitted],
    prev: &[Alignment],
    pair_shapes: &[(usize, usize)],
    min_score: f64,
) -> Option<Vec<Alignment>> {
    if pair_shapes.iter().any(|&(a, b)| a > 2 || b > 2) {
        return None;
    }
    let lens: Vec<usize> = sides.iter().map(Side::len).collect();
    let out = left_out(&lens, prev);
    let red: Vec<Reduced> = (0..3).map(|x| Reduced::new(lens[x], &out[x])).collect();
    let r1 = corridor(&prev[0], &red[0], &red[1]);
    let r2 = corridor(&prev[1], &red[0], &red[2]);
    let band = Band3::new(r1, r2);
    // Where one edition lacks a long passage the other two share, the corridor there is
    // the product of two long ranges: past a size linear in the story, leave the story to
    // the pairwise alignments rather than grow quadratically.
    let total: usize = red.iter().map(Reduced::len).sum();
    if band.cells > MAX_CELLS_PER_SENTENCE * (total + 1) + MIN_CELLS {
        return None;
    }
    // The en–ru rows: every (j, k) some cell holds.
    let mut r12: Vec<Option<Range<usize>>> = vec![None; red[1].len() + 1];
    for i in 0..=band.n {
        for j in band.r1[i].clone() {
            let k = &band.r2[i];
            r12[j] = Some(match &r12[j] {
                Some(r) => r.start.min(k.start)..r.end.max(k.end),
                None => k.clone(),
            });
        }
    }
    let r12: Vec<Range<usize>> = r12.into_iter().map(|r| r.unwrap_or(0..0)).collect();
    let rows = [band.r1.clone(), band.r2.clone(), r12];
    let links: Vec<LinkCosts> = PAIRS
        .iter()
        .zip(rows)
        .enumerate()
        .map(|(p, (&(x, y), rows))| {
            LinkCosts::new(rows, |i, j, a, b| {
                if i + a > red[x].len() || j + b > red[y].len() {
                    return f64::INFINITY;
                }
                if !pair_shapes.contains(&(a, b)) {
                    return f64::INFINITY;
                }
                match (red[x].original(i..i + a), red[y].original(j..j + b)) {
                    (Some(s), Some(t)) => {
                        let (s, t): (Vec<usize>, Vec<usize>) = (s.collect(), t.collect());
                        fitted[p].bead_cost(&sides[x], &sides[y], &s, &t)
                    }
                    _ => f64::INFINITY,
                }
            })
        })
        .collect();
    // Cost of each sentence alone, per pair and side: alone[p][0] source, alone[p][1] target.
    let alone_cost: Vec<[Vec<f64>; 2]> = PAIRS
        .iter()
        .enumerate()
        .map(|(p, &(x, y))| {
            [
                red[x]
                    .keep
                    .iter()
                    .map(|&i| fitted[p].bead_cost(&sides[x], &sides[y], &[i], &[]))
                    .collect(),
                red[y]
                    .keep
                    .iter()
                    .map(|&j| fitted[p].bead_cost(&sides[x], &sides[y], &[], &[j]))
                    .collect(),
            ]
        })
        .collect();
    let shapes = shapes3(pair_shapes);
    let cost = |sh: &Shape3, pos: [usize; 3]| -> f64 {
        let mut c = match sh.fine {
            Some((_, Fine::Partial(_))) => PARTIAL_VIEW,
            _ => 0.0,
        };
        for p in 0..PAIRS.len() {
            let pr = project(sh, pos, p);
            for &(a, b, u, v) in pr.links.iter().flatten() {
                c += links[p].get(a, b, u, v);
            }
            for (alone, cost) in pr.alone.iter().zip(&alone_cost[p]) {
                c += alone.iter().flatten().map(|&r| cost[r]).sum::<f64>();
            }
        }
        c
    };
    let cells = band.cells;
    let ns = shapes.len();
    // The cost of the step of each shape that ends in each cell, computed once (f32 to
    // halve the memory), and the best path.
    let mut step = vec![f32::INFINITY; cells * ns];
    let mut vit = vec![f64::NEG_INFINITY; cells];
    let mut back = vec![u8::MAX; cells];
    vit[0] = 0.0;
    for (i, j, k) in band.cells() {
        let e = band.idx(i, j, k).expect("in band");
        if e == 0 {
            continue;
        }
        let (mut v, mut bk) = (f64::NEG_INFINITY, u8::MAX);
        for (s, sh) in shapes.iter().enumerate() {
            let [a, b, c] = sh.d;
            if a > i || b > j || c > k {
                continue;
            }
            let Some(pe) = band.idx(i - a, j - b, k - c) else {
                continue;
            };
            if vit[pe] == f64::NEG_INFINITY {
                continue;
            }
            let cc = cost(sh, [i - a, j - b, k - c]) as f32;
            if !cc.is_finite() {
                continue;
            }
            step[e * ns + s] = cc;
            if vit[pe] - cc as f64 > v {
                v = vit[pe] - cc as f64;
                bk = s as u8;
            }
        }
        vit[e] = v;
        back[e] = bk;
    }
    let (n0, n1, n2) = (red[0].len(), red[1].len(), red[2].len());
    let end = band.idx(n0, n1, n2)?;
    if !vit[end].is_finite() {
        return None;
    }
    // The path, first bead first: (start, shape).
    let mut path = Vec::new();
    let (mut i, mut j, mut k) = (n0, n1, n2);
    while (i, j, k) != (0, 0, 0) {
        let e = band.idx(i, j, k).expect("path stays in band");
        let sh = shapes[back[e] as usize];
        let [a, b, c] = sh.d;
        (i, j, k) = (i - a, j - b, k - c);
        path.push(([i, j, k], sh));
    }
    path.reverse();
    // Posteriors of the path's pairwise beads: the mass of every step that projects onto
    // the same bead, and for each sentence, the mass of being alone in the pair. Links
    // and lone sentences each get their own temperature.
    let link_mass = Masses::new(&band, &shapes, &step, LINK_TEMPERATURE, end);
    let alone_mass = Masses::new(&band, &shapes, &step, ALONE_TEMPERATURE, end);
    let mut link_post: Vec<HashMap<Key, f64>> = vec![HashMap::new(); 3];
    for (pos, sh) in &path {
        for (p, lp) in link_post.iter_mut().enumerate() {
            for &key in project(sh, *pos, p).links.iter().flatten() {
                lp.insert(key, 0.0);
            }
        }
    }
    let mut alone_post: Vec<[Vec<f64>; 2]> = PAIRS
        .iter()
        .map(|&(x, y)| [vec![0.0; red[x].len()], vec![0.0; red[y].len()]])
        .collect();
    for (i, j, k) in band.cells() {
        let e = band.idx(i, j, k).expect("in band");
        for (s, sh) in shapes.iter().enumerate() {
            let [a, b, c] = sh.d;
            let Some(nx) = band.idx(i + a, j + b, k + c) else {
                continue;
            };
            let cc = step[nx * ns + s];
            if !cc.is_finite() {
                continue;
            }
            let (pl, pa) = (link_mass.step(e, nx, cc), alone_mass.step(e, nx, cc));
            if pl <= 1e-9 && pa <= 1e-9 {
                // Most steps of the band: their projections need not be worked out.
                continue;
            }
            for p in 0..PAIRS.len() {
                let pj = project(sh, [i, j, k], p);
                for (alone, post) in pj.alone.iter().zip(alone_post[p].iter_mut()) {
                    alone.iter().flatten().for_each(|&r| post[r] += pa);
                }
                for key in pj.links.iter().flatten() {
                    if let Some(v) = link_post[p].get_mut(key) {
                        *v += pl;
                    }
                }
            }
        }
    }
    let mut pairs: Vec<(Vec<Bead>, Vec<bool>)> = Vec::with_capacity(3);
    for (p, &(x, y)) in PAIRS.iter().enumerate() {
        let (sx, sy) = (&red[x], &red[y]);
        let mut beads: Vec<Bead> = Vec::new();
        for (pos, sh) in &path {
            let pj = project(sh, *pos, p);
            let (px, py) = (pos[x], pos[y]);
            for &r in pj.alone[0].iter().flatten() {
                let (i, at) = (sx.keep[r], sy.anchor(py, lens[y]));
                beads.push(Bead {
                    src: i..i + 1,
                    tgt: at..at,
                    score: alone_post[p][0][r].clamp(0.0, 1.0),
                    moved: false,
                });
            }
            for &r in pj.alone[1].iter().flatten() {
                let (j, at) = (sy.keep[r], sx.anchor(px, lens[x]));
                beads.push(Bead {
                    src: at..at,
                    tgt: j..j + 1,
                    score: alone_post[p][1][r].clamp(0.0, 1.0),
                    moved: false,
                });
            }
            for key in pj.links.iter().flatten() {
                let &(a, b, u, v) = key;
                beads.push(Bead {
                    src: sx.original(a..a + u).expect("costed beads are consecutive"),
                    tgt: sy.original(b..b + v).expect("costed beads are consecutive"),
                    score: link_post[p][key].clamp(0.0, 1.0),
                    moved: false,
                });
            }
        }
        let kept;
        (beads, kept) = carry_over(beads, &prev[p], &out[x], &out[y]);
        let carried = (0..beads.len())
            .map(|k| k >= kept && beads[k].is_link())
            .collect();
        pairs.push((beads, carried));
    }
    settle_carried(sides, fitted, &mut pairs);
    let result = pairs
        .into_iter()
        .map(|(mut beads, _)| {
            beads.sort_by_key(|b| (b.src.start, b.tgt.start));
            remark_moved(&mut beads);
            Alignment {
                beads: split_weak(beads, min_score),
            }
        })
        .collect();
    Some(result)
}

/// Forward and backward log-masses of the band at one temperature.
struct Masses {
    fwd: Vec<f64>,
    bwd: Vec<f64>,
    z: f64,
    t: f64,
}

impl Masses {
    fn new(band: &Band3, shapes: &[Shape3], step: &[f32], t: f64, end: usize) -> Masses {
        let ns = shapes.len();
        let mut fwd = vec![f64::NEG_INFINITY; band.cells];
        let mut bwd = vec![f64::NEG_INFINITY; band.cells];
        let mut terms: Vec<f64> = Vec::with_capacity(ns);
        fwd[0] = 0.0;
        for (i, j, k) in band.cells() {
            let e = band.idx(i, j, k).expect("in band");
            if e == 0 {
                continue;
            }
            terms.clear();
            for (s, sh) in shapes.iter().enumerate() {
                let cc = step[e * ns + s];
                if !cc.is_finite() {
                    continue;
                }
                let [a, b, c] = sh.d;
                let pe = band
                    .idx(i - a, j - b, k - c)
                    .expect("a costed step starts in band");
                terms.push(fwd[pe] - cc as f64 / t);
            }
            fwd[e] = log_sum_exp(&terms);
        }
        bwd[end] = 0.0;
        for (i, j, k) in band.cells_rev() {
            let e = band.idx(i, j, k).expect("in band");
            if e == end {
                continue;
            }
            terms.clear();
            for (s, sh) in shapes.iter().enumerate() {
                let [a, b, c] = sh.d;
                let Some(nx) = band.idx(i + a, j + b, k + c) else {
                    continue;
                };
                let cc = step[nx * ns + s];
                if bwd[nx] == f64::NEG_INFINITY || !cc.is_finite() {
                    continue;
                }
                terms.push(bwd[nx] - cc as f64 / t);
            }
            bwd[e] = log_sum_exp(&terms);
        }
        Masses {
            z: fwd[end],
            fwd,
            bwd,
            t,
        }
    }

    /// Probability of the step from cell `e` to cell `nx` that costs `cost` (0 below
    /// `e^NEGLIGIBLE`, which most steps of the band are).
    fn step(&self, e: usize, nx: usize, cost: f32) -> f64 {
        let log = self.fwd[e] - cost as f64 / self.t + self.bwd[nx] - self.z;
        if log < NEGLIGIBLE {
            return 0.0;
        }
        let p = log.exp();
        if p.is_finite() { p } else { 0.0 }
    }
}

/// `ln(Σ exp(x))` over `terms` (minus infinity for none), with one logarithm.
fn log_sum_exp(terms: &[f64]) -> f64 {
    let m = terms.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if m == f64::NEG_INFINITY {
        return m;
    }
    // Terms below e^NEGLIGIBLE of the largest add nothing a f64 keeps.
    let sum: f64 = terms
        .iter()
        .filter(|&&x| x - m > NEGLIGIBLE)
        .map(|x| (x - m).exp())
        .sum();
    m + sum.ln()
}

/// Natural logarithm of a share too small to matter (about 1e-17).
const NEGLIGIBLE: f64 = -40.0;

/// Which of `keys` form a longest rising subsequence (strictly rising with `strict`,
/// otherwise non-decreasing), in O(n log n).
fn longest_rising(keys: &[usize], strict: bool) -> Vec<bool> {
    // tails[l]: index of the smallest last key of a rising run of length l + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; keys.len()];
    for (k, &key) in keys.iter().enumerate() {
        let len = tails.partition_point(|&t| {
            if strict {
                keys[t] < key
            } else {
                keys[t] <= key
            }
        });
        if len > 0 {
            prev[k] = tails[len - 1];
        }
        if len == tails.len() {
            tails.push(k);
        } else {
            tails[len] = k;
        }
    }
    let mut on = vec![false; keys.len()];
    let mut k = tails.last().copied().unwrap_or(usize::MAX);
    while k != usize::MAX {
        on[k] = true;
        k = prev[k];
    }
    on
}

/// The index in [`PAIRS`] of the pair of editions `x` and `y` (either order).
fn pair_of(x: usize, y: usize) -> usize {
    PAIRS
        .iter()
        .position(|&p| p == (x.min(y), x.max(y)))
        .expect("two editions of three")
}

/// Settles the links brought back from the pairwise alignments with the other two pairs.
/// A link `a`–`b` agrees when the sentences of the third edition linked to `a` are those
/// linked to `b`. When only one of them has partners there and the other's counterpart in
/// that pair is free, the triangle is closed with a link (if its own evidence does not
/// speak against it); otherwise the link brought back is undone. One change at a time,
/// since each changes the partners of others.
fn settle_carried(sides: &[Side], fitted: &[Fitted], pairs: &mut [(Vec<Bead>, Vec<bool>)]) {
    let lens: Vec<usize> = sides.iter().map(Side::len).collect();
    // Each closing is tried once: a closing undone later is not tried again.
    let mut tried: Vec<(usize, Range<usize>, Range<usize>)> = Vec::new();
    loop {
        let partners = Partners::new(
            &lens,
            PAIRS
                .iter()
                .zip(pairs.iter())
                .map(|(&(x, y), (beads, _))| (x, y, beads.as_slice())),
        );
        let mut change = None;
        'find: for (p, &(x, y)) in PAIRS.iter().enumerate() {
            let z = 3 - x - y;
            for (k, b) in pairs[p].0.iter().enumerate() {
                if !pairs[p].1[k] {
                    continue;
                }
                let (ra, rb) = (
                    partners.reach(x, z, b.src.clone()),
                    partners.reach(y, z, b.tgt.clone()),
                );
                if ra == rb {
                    continue;
                }
                // Close: the side without partners in z to the other side's partners.
                let close = match (ra.is_empty(), rb.is_empty()) {
                    (false, true) => Some((y, b.tgt.clone(), ra)),
                    (true, false) => Some((x, b.src.clone(), rb)),
                    _ => None,
                }
                .filter(|(w, own, theirs)| {
                    let consecutive = theirs.len() <= 2 && theirs[theirs.len() - 1] - theirs[0] < 2;
                    consecutive
                        && own.len() <= 2
                        && theirs.iter().all(|&c| partners.of(z, *w, c).is_empty())
                });
                change = Some(match close {
                    Some((w, own, theirs)) => {
                        let theirs = theirs[0]..theirs[theirs.len() - 1] + 1;
                        let q = pair_of(w, z);
                        let (s, t) = if w < z { (own, theirs) } else { (theirs, own) };
                        let (sv, tv): (Vec<usize>, Vec<usize>) =
                            (s.clone().collect(), t.clone().collect());
                        let fresh = !tried.contains(&(q, s.clone(), t.clone()));
                        if fresh && fitted[q].model.link_llr(&sv, &tv) > CLOSE_MIN_LLR {
                            Change::Link(q, s, t, b.score)
                        } else {
                            Change::Undo(p, k)
                        }
                    }
                    None => Change::Undo(p, k),
                });
                break 'find;
            }
        }
        match change {
            None => return,
            Some(Change::Undo(p, k)) => {
                let b = pairs[p].0[k].clone();
                pairs[p].1[k] = false;
                let mut lone = split_weak(vec![b], 2.0).into_iter();
                pairs[p].0[k] = lone.next().expect("a link has a sentence");
                for l in lone {
                    pairs[p].0.push(l);
                    pairs[p].1.push(false);
                }
            }
            Some(Change::Link(q, s, t, score)) => {
                tried.push((q, s.clone(), t.clone()));
                let (beads, carried) = &mut pairs[q];
                let mut k = 0;
                let keep: Vec<bool> = beads
                    .iter()
                    .map(|b| {
                        b.is_link()
                            || !(b.src.clone().any(|i| s.contains(&i))
                                || b.tgt.clone().any(|j| t.contains(&j)))
                    })
                    .collect();
                beads.retain(|_| {
                    k += 1;
                    keep[k - 1]
                });
                let mut k = 0;
                carried.retain(|_| {
                    k += 1;
                    keep[k - 1]
                });
                beads.push(Bead {
                    src: s,
                    tgt: t,
                    score,
                    moved: false,
                });
                carried.push(true);
            }
        }
    }
}

/// One step of [`settle_carried`].
enum Change {
    /// Undo the link brought back at `(pair, bead)`.
    Undo(usize, usize),
    /// Link source and target sentences of a pair, with a score.
    Link(usize, Range<usize>, Range<usize>, f64),
}

/// The least evidence of its own a link closing a triangle needs.
const CLOSE_MIN_LLR: f64 = -2.0;

/// The sentences the search leaves out: those of a moved passage.
///
/// Which edition moved a passage is a three-way question: a pairwise alignment only says
/// that two passages are out of order, and two pairs may each keep a different one in
/// place. The pair with the fewest moved links is taken as the spine (in the usual case
/// the two editions that did not move anything); each sentence of the third edition is
/// placed on the spine through its links to either spine edition, and the sentences off
/// the longest in-order run are the moved ones. Moved links within the spine itself leave
/// both their sentences out.
fn left_out(lens: &[usize], prev: &[Alignment]) -> Vec<Vec<bool>> {
    let mut out: Vec<Vec<bool>> = lens.iter().map(|&l| vec![false; l]).collect();
    let moved = |p: usize| {
        prev[p]
            .beads
            .iter()
            .filter(|b| b.moved && b.is_link())
            .count()
    };
    if (0..3).all(|p| moved(p) == 0) {
        return out;
    }
    let spine = (0..3).min_by_key(|&p| moved(p)).expect("three pairs");
    let (x, y) = PAIRS[spine];
    let z = 3 - x - y;
    for b in prev[spine].beads.iter().filter(|b| b.moved && b.is_link()) {
        b.src.clone().for_each(|i| out[x][i] = true);
        b.tgt.clone().for_each(|j| out[y][j] = true);
    }
    // Spine coordinate (a position in x) of each sentence of y with an in-order link.
    let mut y_at = vec![None; lens[y]];
    for b in prev[spine].beads.iter().filter(|b| b.is_link() && !b.moved) {
        b.tgt.clone().for_each(|j| y_at[j] = Some(b.src.start));
    }
    // Each sentence of z on the spine: the lowest coordinate its links reach.
    let mut z_at: Vec<Option<usize>> = vec![None; lens[z]];
    for (p, &(a, b)) in PAIRS.iter().enumerate() {
        if p == spine {
            continue;
        }
        for bead in prev[p].beads.iter().filter(|b| b.is_link()) {
            let (zs, other, o) = if a == z {
                (bead.src.clone(), bead.tgt.clone(), b)
            } else {
                (bead.tgt.clone(), bead.src.clone(), a)
            };
            let at = other
                .filter_map(|k| if o == x { Some(k) } else { y_at[k] })
                .min();
            if let Some(at) = at {
                for i in zs {
                    z_at[i] = Some(z_at[i].map_or(at, |v: usize| v.min(at)));
                }
            }
        }
    }
    // Longest non-decreasing run of the placed sentences of z, in z's order.
    let placed: Vec<(usize, usize)> = z_at
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.map(|a| (i, a)))
        .collect();
    let at: Vec<usize> = placed.iter().map(|p| p.1).collect();
    let keep = longest_rising(&at, false);
    for (k, &(i, _)) in placed.iter().enumerate() {
        if !keep[k] {
            out[z][i] = true;
        }
    }
    // A moved link of z that the spine cannot place (its sentence in the other edition
    // has no in-order counterpart on the spine) leaves both its sentences out.
    for (p, &(a, b)) in PAIRS.iter().enumerate() {
        if p == spine {
            continue;
        }
        for bead in prev[p].beads.iter().filter(|b| b.moved && b.is_link()) {
            let (zs, other, o) = if a == z {
                (bead.src.clone(), bead.tgt.clone(), b)
            } else {
                (bead.tgt.clone(), bead.src.clone(), a)
            };
            if zs.clone().any(|i| out[z][i]) {
                continue;
            }
            let placed_z = zs.clone().all(|i| z_at[i].is_some());
            let placed_o = other.clone().all(|k| o == x || y_at[k].is_some());
            if !(placed_z && placed_o) {
                zs.for_each(|i| out[z][i] = true);
                other.for_each(|k| out[o][k] = true);
            }
        }
    }
    out
}

/// Puts back the beads of `prev` that hold sentences left out of the search (`out_s`,
/// `out_t`): a link whose other sentences the search left alone replaces their one-sided
/// beads; a sentence left out whose link cannot come back is alone. Returns the beads,
/// those brought back last, and the number of the search's own.
fn carry_over(
    mut beads: Vec<Bead>,
    prev: &Alignment,
    out_s: &[bool],
    out_t: &[bool],
) -> (Vec<Bead>, usize) {
    let mut lone_s: HashMap<usize, usize> = HashMap::new();
    let mut lone_t: HashMap<usize, usize> = HashMap::new();
    for (k, b) in beads.iter().enumerate() {
        if b.tgt.is_empty() {
            lone_s.insert(b.src.start, k);
        } else if b.src.is_empty() {
            lone_t.insert(b.tgt.start, k);
        }
    }
    let mut drop = vec![false; beads.len()];
    let mut added = Vec::new();
    for b in &prev.beads {
        let held = b.src.clone().any(|i| out_s[i]) || b.tgt.clone().any(|j| out_t[j]);
        if !held {
            continue;
        }
        if !b.is_link() {
            added.push(b.clone());
            continue;
        }
        let free_s: Vec<usize> = b.src.clone().filter(|&i| !out_s[i]).collect();
        let free_t: Vec<usize> = b.tgt.clone().filter(|&j| !out_t[j]).collect();
        let back = free_s.iter().all(|i| lone_s.contains_key(i))
            && free_t.iter().all(|j| lone_t.contains_key(j));
        if back {
            free_s.iter().for_each(|i| drop[lone_s[i]] = true);
            free_t.iter().for_each(|j| drop[lone_t[j]] = true);
            added.push(b.clone());
        } else {
            let alone = 1.0 - b.score;
            for i in b.src.clone().filter(|&i| out_s[i]) {
                added.push(Bead {
                    src: i..i + 1,
                    tgt: b.tgt.start..b.tgt.start,
                    score: alone,
                    moved: false,
                });
            }
            for j in b.tgt.clone().filter(|&j| out_t[j]) {
                added.push(Bead {
                    src: b.src.start..b.src.start,
                    tgt: j..j + 1,
                    score: alone,
                    moved: false,
                });
            }
        }
    }
    let mut k = 0;
    beads.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
    let kept = beads.len();
    beads.extend(added);
    (beads, kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_cover_the_pairwise_ones_and_the_finer_views() {
        let s = shapes3(&[(1, 0), (0, 1), (1, 1), (1, 2), (2, 1)]);
        let has = |d: [usize; 3], fine: Option<(usize, Fine)>| {
            s.iter().any(|x| x.d == d && x.fine == fine)
        };
        assert!(has([1, 1, 1], None));
        assert!(has([1, 0, 0], None));
        assert!(!has([2, 0, 0], None), "two lone sentences are two steps");
        // uk merges what en and ru keep apart: en–ru is two 1-1 links.
        assert!(has([1, 2, 2], Some((2, Fine::Split))));
        assert!(!has([1, 2, 2], None), "2-2 is not allowed");
        assert!(!has([2, 2, 2], None));
        // ru splits a uk sentence whose second half en lacks.
        assert!(has([1, 1, 2], Some((2, Fine::Partial(0)))));
        // Without a third sentence there is nothing to see finer.
        assert!(!has([1, 2, 0], Some((0, Fine::Partial(0)))));
    }

    #[test]
    fn band_cells_run_both_ways() {
        let band = Band3::new(vec![0..2, 1..3], vec![0..1, 0..2]);
        let forward: Vec<_> = band.cells().collect();
        let mut backward: Vec<_> = band.cells_rev().collect();
        backward.reverse();
        assert_eq!(forward, backward);
        assert_eq!(forward.len(), band.cells);
        // Each cell's index is its place in the forward order.
        for (e, &(i, j, k)) in forward.iter().enumerate() {
            assert_eq!(band.idx(i, j, k), Some(e));
        }
    }

    #[test]
    fn longest_rising_runs() {
        let keys = [0, 7, 8, 9, 1, 4, 5, 6, 14];
        let on = longest_rising(&keys, true);
        let run: Vec<usize> = (0..keys.len())
            .filter(|&k| on[k])
            .map(|k| keys[k])
            .collect();
        assert_eq!(run, vec![0, 1, 4, 5, 6, 14]);
        let flat = longest_rising(&[2, 2, 1, 2], false);
        assert_eq!(flat, vec![true, true, false, true]);
        assert_eq!(
            longest_rising(&[2, 2, 1, 2], true)
                .iter()
                .filter(|&&x| x)
                .count(),
            2
        );
        assert!(longest_rising(&[], true).is_empty());
    }

    #[test]
    fn a_partial_view_links_one_and_leaves_the_other_alone() {
        let sh = Shape3 {
            d: [1, 1, 2],
            fine: Some((2, Fine::Partial(0))),
        };
        let p = project(&sh, [3, 3, 3], 2);
        assert_eq!(p.links, [Some((3, 3, 1, 1)), None]);
        assert_eq!(p.alone, [[None, None], [Some(4), None]]);
        // The other pairs take the bead whole.
        assert_eq!(project(&sh, [3, 3, 3], 1).links, [Some((3, 3, 1, 2)), None]);
    }
}
