//! Banded dynamic programming over beads, with forward–backward posteriors.
//!
//! The lattice holds, for each source position `i`, the target positions within `band` of
//! the diagonal `i·m/n`; memory and time are O((n+m)·band·shapes). Costs are negative log
//! odds; the Viterbi path gives the beads, and forward–backward gives each bead's posterior
//! probability (its score) and each sentence's probability of having no counterpart.

use std::ops::Range;

/// A bead shape `(source sentences, target sentences)`.
pub(crate) type Shape = (usize, usize);

/// The cells of the band.
pub(crate) struct Lattice {
    n: usize,
    lo: Vec<usize>,
    hi: Vec<usize>,
    off: Vec<usize>,
    cells: usize,
}

impl Lattice {
    /// A band of half-width `band` around the diagonal of an `n`×`m` grid.
    pub fn new(n: usize, m: usize, band: usize) -> Lattice {
        let w = if n == 0 || m == 0 {
            m + 1
        } else {
            band.max(m.div_ceil(n) + 2).max(n.div_ceil(m) + 2)
        };
        let mut lo = Vec::with_capacity(n + 1);
        let mut hi = Vec::with_capacity(n + 1);
        let mut off = Vec::with_capacity(n + 1);
        let mut cells = 0;
        for i in 0..=n {
            let (c0, c1) = match (i * m).checked_div(n) {
                None => (0, m),
                Some(c0) => (c0, (i * m).div_ceil(n)),
            };
            let l = c0.saturating_sub(w);
            let h = (c1 + w).min(m);
            lo.push(l);
            hi.push(h);
            off.push(cells);
            cells += h - l + 1;
        }
        Lattice {
            n,
            lo,
            hi,
            off,
            cells,
        }
    }

    /// The index of cell `(i, j)` if it is in the band.
    #[inline]
    pub fn idx(&self, i: usize, j: usize) -> Option<usize> {
        if i > self.n || j < self.lo[i] || j > self.hi[i] {
            None
        } else {
            Some(self.off[i] + j - self.lo[i])
        }
    }

    fn row(&self, i: usize) -> Range<usize> {
        self.lo[i]..self.hi[i] + 1
    }
}

/// A bead found by the DP, with its posterior.
#[derive(Clone, Debug)]
pub(crate) struct DpBead {
    pub src: Range<usize>,
    pub tgt: Range<usize>,
    pub posterior: f64,
}

/// The result of one DP run.
pub(crate) struct DpResult {
    pub beads: Vec<DpBead>,
    /// Probability that each source sentence has no counterpart.
    pub src_unaligned: Vec<f64>,
    /// Probability that each target sentence has no counterpart.
    pub tgt_unaligned: Vec<f64>,
}

fn logaddexp(a: f64, b: f64) -> f64 {
    if a == f64::NEG_INFINITY {
        return b;
    }
    if b == f64::NEG_INFINITY {
        return a;
    }
    let m = a.max(b);
    m + ((a - m).exp() + (b - m).exp()).ln()
}

/// Runs the DP. Posteriors are computed with the costs divided by `temp` (1 for the plain
/// model; above 1 flattens them where the evidence is known to be counted twice).
/// `cost(i0, j0, di, dj)` is the cost of the bead of shape `(di, dj)` that
/// starts at `(i0, j0)`; skips are the shapes `(1,0)` and `(0,1)`.
pub(crate) fn run(
    n: usize,
    m: usize,
    band: usize,
    shapes: &[Shape],
    temp: f64,
    cost: impl Fn(usize, usize, usize, usize) -> f64,
) -> DpResult {
    let lat = Lattice::new(n, m, band);
    let ns = shapes.len();
    // Cost of the bead of each shape ending at each cell (f32 to halve the memory).
    let mut c = vec![f32::INFINITY; lat.cells * ns];
    for i in 0..=n {
        for j in lat.row(i) {
            let e = lat.idx(i, j).expect("in band");
            for (s, &(di, dj)) in shapes.iter().enumerate() {
                if di > i || dj > j || lat.idx(i - di, j - dj).is_none() {
                    continue;
                }
                c[e * ns + s] = cost(i - di, j - dj, di, dj) as f32;
            }
        }
    }
    let mut fwd = vec![f64::NEG_INFINITY; lat.cells];
    let mut vit = vec![f64::NEG_INFINITY; lat.cells];
    let mut back = vec![u8::MAX; lat.cells];
    fwd[0] = 0.0;
    vit[0] = 0.0;
    for i in 0..=n {
        for j in lat.row(i) {
            let e = lat.idx(i, j).expect("in band");
            if e == 0 {
                continue;
            }
            let mut f = f64::NEG_INFINITY;
            let mut v = f64::NEG_INFINITY;
            let mut b = u8::MAX;
            for (s, &(di, dj)) in shapes.iter().enumerate() {
                let cc = c[e * ns + s];
                if !cc.is_finite() {
                    continue;
                }
                let p = lat.idx(i - di, j - dj).expect("checked");
                let cc = cc as f64;
                f = logaddexp(f, fwd[p] - cc / temp);
                if vit[p] - cc > v {
                    v = vit[p] - cc;
                    b = s as u8;
                }
            }
            fwd[e] = f;
            vit[e] = v;
            back[e] = b;
        }
    }
    let mut bwd = vec![f64::NEG_INFINITY; lat.cells];
    let end = lat.idx(n, m).expect("corner in band");
    bwd[end] = 0.0;
    for i in (0..=n).rev() {
        for j in lat.row(i).rev() {
            let e = lat.idx(i, j).expect("in band");
            if e == end {
                continue;
            }
            let mut bsum = f64::NEG_INFINITY;
            for (s, &(di, dj)) in shapes.iter().enumerate() {
                let Some(nx) = lat.idx(i + di, j + dj) else {
                    continue;
                };
                let cc = c[nx * ns + s];
                if !cc.is_finite() {
                    continue;
                }
                bsum = logaddexp(bsum, bwd[nx] - cc as f64 / temp);
            }
            bwd[e] = bsum;
        }
    }
    let z = fwd[end];
    let skip_src = shapes.iter().position(|&s| s == (1, 0));
    let skip_tgt = shapes.iter().position(|&s| s == (0, 1));
    let mut src_un = vec![0.0; n];
    let mut tgt_un = vec![0.0; m];
    for i in 0..=n {
        for j in lat.row(i) {
            let e = lat.idx(i, j).expect("in band");
            if let Some(s) = skip_src
                && i > 0
                && let Some(p) = lat.idx(i - 1, j)
            {
                let cc = c[e * ns + s] as f64 / temp;
                src_un[i - 1] += (fwd[p] - cc + bwd[e] - z).exp();
            }
            if let Some(s) = skip_tgt
                && j > 0
                && let Some(p) = lat.idx(i, j - 1)
            {
                let cc = c[e * ns + s] as f64 / temp;
                tgt_un[j - 1] += (fwd[p] - cc + bwd[e] - z).exp();
            }
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let e = lat.idx(i, j).expect("path stays in band");
        let s = back[e] as usize;
        let (di, dj) = shapes[s];
        let p = lat.idx(i - di, j - dj).expect("in band");
        let cc = c[e * ns + s] as f64 / temp;
        let post = (fwd[p] - cc + bwd[e] - z).exp().clamp(0.0, 1.0);
        beads.push(DpBead {
            src: i - di..i,
            tgt: j - dj..j,
            posterior: if post.is_finite() { post } else { 0.0 },
        });
        i -= di;
        j -= dj;
    }
    beads.reverse();
    DpResult {
        beads,
        src_unaligned: src_un.into_iter().map(|x| x.clamp(0.0, 1.0)).collect(),
        tgt_unaligned: tgt_un.into_iter().map(|x| x.clamp(0.0, 1.0)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_holds_the_corners() {
        for (n, m, b) in [
            (0, 0, 3),
            (0, 5, 1),
            (5, 0, 1),
            (10, 3, 1),
            (3, 10, 1),
            (50, 50, 2),
        ] {
            let l = Lattice::new(n, m, b);
            assert!(l.idx(0, 0).is_some());
            assert!(l.idx(n, m).is_some());
        }
    }

    #[test]
    fn cheap_diagonal_wins_and_posteriors_sum() {
        let shapes = [(1, 0), (0, 1), (1, 1)];
        let r = run(4, 4, 2, &shapes, 1.0, |i, j, di, dj| {
            if di == 1 && dj == 1 {
                if i == j { 0.0 } else { 5.0 }
            } else {
                3.0
            }
        });
        assert_eq!(r.beads.len(), 4);
        for b in &r.beads {
            assert_eq!(b.src.start, b.tgt.start);
            assert!(b.posterior > 0.5);
        }
        for p in r.src_unaligned.iter().chain(&r.tgt_unaligned) {
            assert!(*p < 0.5);
        }
    }
}
