//! Pairwise alignment: two DP passes (the second with the length model and match rates
//! re-estimated from the first's confident links), out-of-order anchors for moved blocks,
//! and a last pass over left-over sentences.

use super::anchors;
use super::cost::{self, PairModel};
use super::{Aligner, Alignment, Bead, Side, dp, split_weak};

/// Extra evidence for a link between source and target sentences (used by the three-way
/// aligner to bring in the third edition).
pub(crate) type Extra<'e> = Option<&'e (dyn Fn(&[usize], &[usize]) -> f64 + Sync)>;

/// Minimum evidence for an out-of-order anchor, and its margin over the runner-up.
const ANCHOR_MIN_LLR: f64 = 3.0;
const ANCHOR_MARGIN: f64 = 1.5;
/// Sentences the first pass linked with at least this posterior do not move.
const MOVED_MAX_POSTERIOR: f64 = 0.7;
/// Minimum evidence for linking two left-over sentences out of order.
const LEFTOVER_MIN_LLR: f64 = 6.0;
/// Evidence for a bead that starts a paragraph on both sides.
const PARA_START: f64 = 0.5;
/// Cost of a bead side that joins sentences of two paragraphs.
const PARA_STRADDLE: f64 = 2.0;
/// Temperature of the posteriors of a pair alone: the naive-Bayes evidence is somewhat
/// over-confident.
const PAIR_TEMPERATURE: f64 = 1.2;
/// Temperature of the posteriors when a third edition adds evidence.
const THREE_WAY_TEMPERATURE: f64 = 2.0;
/// The share of sentences without a counterpart that the default skip cost stands for.
const PRIOR_ALONE: f64 = 0.1;
/// Above this many cells the out-of-order search is skipped (it is quadratic).
const MOVED_MAX_CELLS: usize = 250_000;

/// Aligns two sides with a prepared model.
pub(crate) fn align_model(
    al: &Aligner,
    model: PairModel,
    src: &Side,
    tgt: &Side,
    extra: Extra,
) -> Alignment {
    align_fitted(al, model, src, tgt, extra).0
}

/// Aligns two sides with a prepared model; also gives the model as the last pass used it.
pub(crate) fn align_fitted(
    al: &Aligner,
    mut model: PairModel,
    src: &Side,
    tgt: &Side,
    extra: Extra,
) -> (Alignment, Fitted) {
    let (n, m) = (model.n(), model.m());
    let all_s: Vec<usize> = (0..n).collect();
    let all_t: Vec<usize> = (0..m).collect();
    let prior = model.rates();
    let skip0 = al.skip_cost;
    let first = run_dp(
        al,
        &model,
        src,
        tgt,
        Pass {
            smap: &all_s,
            tmap: &all_t,
            skip: skip0,
            temp: 1.0,
        },
        extra,
    );
    // Re-estimate the length model and match rates from confident 1-1 links.
    let mut acc = [(0.0, 0.0); 3];
    let mut all = [(0.0, 0.0); 3];
    let kept_prior = model.kept();
    let mut logs = Vec::new();
    for b in first.beads.iter() {
        if b.src.len() == 1 && b.tgt.len() == 1 && b.posterior >= 0.8 {
            model.match_counts(b.src.start, b.tgt.start, &mut acc, &mut all);
            let (la, lb) = model.char_lens(b.src.start, b.tgt.start);
            logs.push(((lb + 8.0) / (la + 8.0)).ln());
        }
    }
    model.set_rates(
        cost::reestimate(prior, &acc),
        cost::reestimate(kept_prior, &all),
    );
    if logs.len() >= 3 {
        let k = logs.len() as f64;
        let mean = logs.iter().sum::<f64>() / k;
        let var = logs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / k;
        // Shrink towards the whole-story estimate with 5 pseudo-links.
        let prior_mean = model.length.ratio.ln();
        let w = k / (k + 5.0);
        model.length.ratio = (w * mean + (1.0 - w) * prior_mean).exp();
        let s0 = model.length.sigma;
        model.length.sigma = ((var * k + s0 * s0 * 5.0) / (k + 5.0))
            .sqrt()
            .clamp(0.08, 0.6);
    }
    let moved = if al.moved {
        // Only sentences the first pass could not link with confidence may move.
        let mut sure_s = vec![0.0f64; n];
        let mut sure_t = vec![0.0f64; m];
        for b in first
            .beads
            .iter()
            .filter(|b| !b.src.is_empty() && !b.tgt.is_empty())
        {
            for i in b.src.clone() {
                sure_s[i] = b.posterior;
            }
            for j in b.tgt.clone() {
                sure_t[j] = b.posterior;
            }
        }
        moved_anchors(&model, extra)
            .into_iter()
            .filter(|&(i, j, _)| sure_s[i] < MOVED_MAX_POSTERIOR && sure_t[j] < MOVED_MAX_POSTERIOR)
            .collect()
    } else {
        Vec::new()
    };
    let smap: Vec<usize> = (0..n)
        .filter(|i| !moved.iter().any(|x| x.0 == *i))
        .collect();
    let tmap: Vec<usize> = (0..m)
        .filter(|j| !moved.iter().any(|x| x.1 == *j))
        .collect();
    // The share of sentences without a counterpart, from the first pass (smoothed towards
    // PRIOR_ALONE), moves the skip cost: editions that drift a lot skip more cheaply.
    let alone: f64 = first.src_unaligned.iter().chain(&first.tgt_unaligned).sum();
    let rate = (alone + PRIOR_ALONE * 10.0) / ((n + m) as f64 + 10.0);
    let skip = (skip0 + (PRIOR_ALONE / rate).ln()).clamp(0.5, 2.0 * skip0);
    // Evidence brought in from a third edition is partly the same evidence again: temper
    // the posteriors then.
    let temp = if extra.is_some() {
        THREE_WAY_TEMPERATURE
    } else {
        PAIR_TEMPERATURE
    };
    let second = run_dp(
        al,
        &model,
        src,
        tgt,
        Pass {
            smap: &smap,
            tmap: &tmap,
            skip,
            temp,
        },
        extra,
    );
    let mut beads = to_beads(&second, &smap, &tmap, n, m);
    if !moved.is_empty() {
        beads = insert_links(beads, &moved, skip);
    }
    if al.moved {
        beads = leftover_pass(&model, beads, skip, extra);
    }
    remark_moved(&mut beads);
    (
        Alignment {
            beads: split_weak(beads, al.min_score),
        },
        Fitted { model, skip },
    )
}

/// Marks as moved exactly the links that cross an in-order link: links already in order
/// keep their place, then the others by score, each in order if it crosses none kept so
/// far.
pub(crate) fn remark_moved(beads: &mut [Bead]) {
    let mut order: Vec<usize> = (0..beads.len()).filter(|&k| beads[k].is_link()).collect();
    order.sort_by(|&x, &y| {
        (beads[x].moved, -beads[x].score)
            .partial_cmp(&(beads[y].moved, -beads[y].score))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut kept: Vec<usize> = Vec::new();
    for k in order {
        let b = &beads[k];
        let crosses = kept.iter().any(|&o| {
            let a = &beads[o];
            let before = a.src.end <= b.src.start && a.tgt.end <= b.tgt.start;
            let after = b.src.end <= a.src.start && b.tgt.end <= a.tgt.start;
            !(before || after)
        });
        if crosses {
            beads[k].moved = true;
        } else {
            beads[k].moved = false;
            kept.push(k);
        }
    }
}

/// Runs the DP over the source sentences `smap` and target sentences `tgt` (ascending
/// original indices); beads come back in that reduced index space.
/// One DP pass: the sentences it aligns (ascending original indices), the cost of leaving
/// a sentence alone, and the temperature of the posteriors.
struct Pass<'p> {
    smap: &'p [usize],
    tmap: &'p [usize],
    skip: f64,
    temp: f64,
}

fn run_dp(
    al: &Aligner,
    model: &PairModel,
    src: &Side,
    tgt: &Side,
    pass: Pass,
    extra: Extra,
) -> dp::DpResult {
    let Pass {
        smap,
        tmap,
        skip,
        temp,
    } = pass;
    dp::run(
        smap.len(),
        tmap.len(),
        al.band,
        &al.shapes,
        temp,
        |i, j, di, dj| {
            let s = &smap[i..i + di];
            let t = &tmap[j..j + dj];
            // Beads must be contiguous in the original text.
            if di > 1 && s[di - 1] - s[0] != di - 1 || dj > 1 && t[dj - 1] - t[0] != dj - 1 {
                return f64::INFINITY;
            }
            bead_cost(model, skip, src, tgt, s, t, extra)
        },
    )
}

/// A pair's model as its last DP pass used it: rates and length model re-estimated from
/// the story, and the cost of leaving a sentence alone.
#[derive(Clone)]
pub(crate) struct Fitted {
    pub model: PairModel,
    pub skip: f64,
}

impl Fitted {
    /// Cost of a bead with this model (see [`bead_cost`]).
    pub fn bead_cost(&self, src: &Side, tgt: &Side, s: &[usize], t: &[usize]) -> f64 {
        bead_cost(&self.model, self.skip, src, tgt, s, t, None)
    }
}

/// Cost (negative log odds) of the bead of source sentences `s` and target sentences `t`
/// (original indices, consecutive; one side may be empty, the other then holds one
/// sentence), `skip` being the cost of leaving a sentence alone.
fn bead_cost(
    model: &PairModel,
    skip: f64,
    src: &Side,
    tgt: &Side,
    s: &[usize],
    t: &[usize],
    extra: Extra,
) -> f64 {
    if s.is_empty() {
        return skip - model.skip_bonus(false, t[0]);
    }
    if t.is_empty() {
        return skip - model.skip_bonus(true, s[0]);
    }
    let (di, dj) = (s.len(), t.len());
    let shape = match (di, dj) {
        (1, 1) => 0.0,
        // One sentence that joins clauses with a semicolon is how an editor
        // merges two: the merge is then much less of a surprise.
        (1, 2) if anchors::joins_clauses(src.sentences[s[0]]) => MERGE_JOINED,
        (2, 1) if anchors::joins_clauses(tgt.sentences[t[0]]) => MERGE_JOINED,
        (1, 2) | (2, 1) => 3.0,
        (2, 2) => 5.0,
        _ => 6.0,
    };
    let mut l = model.link_llr(s, t);
    if let Some(f) = extra {
        l += f(s, t);
    }
    // Paragraph boundaries on both sides at once: a bead is likelier to start there.
    let para = match (&src.paragraphs, &tgt.paragraphs) {
        (Some(pa), Some(pb)) => {
            let (i, j) = (s[0], t[0]);
            let sa = i > 0 && i < pa.len() && pa[i] != pa[i - 1];
            let sb = j > 0 && j < pb.len() && pb[j] != pb[j - 1];
            if sa && sb { PARA_START } else { 0.0 }
        }
        _ => 0.0,
    };
    // A merge of sentences from two paragraphs is unlikely.
    let straddle = |p: &Option<Vec<usize>>, r: &[usize]| -> f64 {
        match p {
            Some(p) if r.len() > 1 && r.iter().any(|&i| p.get(i) != p.get(r[0])) => PARA_STRADDLE,
            _ => 0.0,
        }
    };
    shape - l - para + straddle(&src.paragraphs, s) + straddle(&tgt.paragraphs, t)
}

/// Shape cost of a 1-2 or 2-1 bead whose single sentence joins clauses (see
/// [`anchors::joins_clauses`]), against 3.0 for other merges.
const MERGE_JOINED: f64 = 1.0;

/// Beads with scores from a DP result, mapped back to original indices.
fn to_beads(r: &dp::DpResult, smap: &[usize], tmap: &[usize], n: usize, m: usize) -> Vec<Bead> {
    let mut out = Vec::with_capacity(r.beads.len());
    for b in &r.beads {
        out.push(to_bead(r, b, smap, tmap, n, m));
    }
    out
}

fn to_bead(
    r: &dp::DpResult,
    b: &dp::DpBead,
    smap: &[usize],
    tmap: &[usize],
    n: usize,
    m: usize,
) -> Bead {
    let map = |rng: &std::ops::Range<usize>, map: &[usize], len: usize| {
        if rng.is_empty() {
            let p = map.get(rng.start).copied().unwrap_or(len);
            p..p
        } else {
            map[rng.start]..map[rng.end - 1] + 1
        }
    };
    {
        {
            let score = if b.src.is_empty() {
                r.tgt_unaligned[b.tgt.start]
            } else if b.tgt.is_empty() {
                r.src_unaligned[b.src.start]
            } else {
                b.posterior
            };
            Bead {
                src: map(&b.src, smap, n),
                tgt: map(&b.tgt, tmap, m),
                score,
                moved: false,
            }
        }
    }
}

/// Score of a link found outside the DP, from its evidence against leaving both alone.
fn outside_score(l: f64, skip: f64) -> f64 {
    1.0 / (1.0 + (-(l - 2.0 * skip - 2.0) / 3.0).exp())
}

/// Confident 1-1 links that break the order of the others: the anchors (mutually best,
/// strong, clear of the runner-up) off the heaviest monotone chain of anchors, grown into
/// blocks along their diagonal. Returns `(i, j, evidence)`.
fn moved_anchors(model: &PairModel, extra: Extra) -> Vec<(usize, usize, f64)> {
    let (n, m) = (model.n(), model.m());
    if n < 3 || m < 3 || n * m > MOVED_MAX_CELLS {
        return Vec::new();
    }
    let mut l = vec![0.0f64; n * m];
    for i in 0..n {
        for j in 0..m {
            let mut v = model.link_llr(&[i], &[j]);
            if let Some(f) = extra {
                v += f(&[i], &[j]);
            }
            l[i * m + j] = v;
        }
    }
    let at = |i: usize, j: usize| l[i * m + j];
    let mut anchors = Vec::new();
    for i in 0..n {
        let (mut best, mut second) = (usize::MAX, f64::NEG_INFINITY);
        for j in 0..m {
            if best == usize::MAX || at(i, j) > at(i, best) {
                if best != usize::MAX {
                    second = second.max(at(i, best));
                }
                best = j;
            } else {
                second = second.max(at(i, j));
            }
        }
        let v = at(i, best);
        if v < ANCHOR_MIN_LLR || v - second < ANCHOR_MARGIN {
            continue;
        }
        let col_ok = (0..n).all(|k| k == i || at(k, best) <= v - ANCHOR_MARGIN);
        if col_ok {
            anchors.push((i, best, v));
        }
    }
    if anchors.len() < 2 {
        return Vec::new();
    }
    // Heaviest increasing chain (anchors are sorted by i).
    let k = anchors.len();
    let mut best = vec![0.0; k];
    let mut prev = vec![usize::MAX; k];
    for x in 0..k {
        best[x] = anchors[x].2;
        for y in 0..x {
            if anchors[y].1 < anchors[x].1 && best[y] + anchors[x].2 > best[x] {
                best[x] = best[y] + anchors[x].2;
                prev[x] = y;
            }
        }
    }
    let mut in_chain = vec![false; k];
    let mut x = (0..k)
        .max_by(|&a, &b| best[a].total_cmp(&best[b]))
        .expect("k >= 2");
    loop {
        in_chain[x] = true;
        if prev[x] == usize::MAX {
            break;
        }
        x = prev[x];
    }
    let chain_s: Vec<usize> = (0..k)
        .filter(|&x| in_chain[x])
        .map(|x| anchors[x].0)
        .collect();
    let chain_t: Vec<usize> = (0..k)
        .filter(|&x| in_chain[x])
        .map(|x| anchors[x].1)
        .collect();
    let mut out: Vec<(usize, usize, f64)> = Vec::new();
    let taken = |out: &[(usize, usize, f64)], i: usize, j: usize| {
        chain_s.contains(&i) || chain_t.contains(&j) || out.iter().any(|o| o.0 == i || o.1 == j)
    };
    for x in 0..k {
        if in_chain[x] {
            continue;
        }
        let (i, j, v) = anchors[x];
        if taken(&out, i, j) {
            continue;
        }
        out.push((i, j, v));
        // Grow the block along the diagonal both ways.
        let (mut a, mut b) = (i, j);
        while a + 1 < n && b + 1 < m && !taken(&out, a + 1, b + 1) && at(a + 1, b + 1) > 0.0 {
            a += 1;
            b += 1;
            out.push((a, b, at(a, b)));
        }
        let (mut a, mut b) = (i, j);
        while a > 0 && b > 0 && !taken(&out, a - 1, b - 1) && at(a - 1, b - 1) > 0.0 {
            a -= 1;
            b -= 1;
            out.push((a, b, at(a, b)));
        }
    }
    out.sort_unstable_by_key(|o| o.0);
    out
}

/// Puts out-of-order links among the DP's beads, at their source position, marking those
/// that cross the others as moved.
fn insert_links(beads: Vec<Bead>, links: &[(usize, usize, f64)], skip: f64) -> Vec<Bead> {
    let fixed: Vec<(usize, usize)> = beads
        .iter()
        .filter(|b| b.is_link())
        .map(|b| (b.src.start, b.tgt.start))
        .collect();
    let mut out = Vec::with_capacity(beads.len() + links.len());
    let mut next = links.iter().peekable();
    for b in beads {
        while let Some(&&(i, j, l)) = next.peek() {
            if i > b.src.start || (i == b.src.start && !b.src.is_empty()) {
                break;
            }
            out.push(moved_bead(i, j, l, skip, &fixed));
            next.next();
        }
        out.push(b);
    }
    for &(i, j, l) in next {
        out.push(moved_bead(i, j, l, skip, &fixed));
    }
    out
}

fn moved_bead(i: usize, j: usize, l: f64, skip: f64, fixed: &[(usize, usize)]) -> Bead {
    let crosses = fixed.iter().any(|&(s, t)| (s < i) != (t < j));
    Bead {
        src: i..i + 1,
        tgt: j..j + 1,
        score: outside_score(l, skip),
        moved: crosses,
    }
}

/// Links left-over sentences out of order where the evidence is strong.
fn leftover_pass(model: &PairModel, beads: Vec<Bead>, skip: f64, extra: Extra) -> Vec<Bead> {
    let lone_src: Vec<usize> = beads
        .iter()
        .filter(|b| b.tgt.is_empty())
        .map(|b| b.src.start)
        .collect();
    let lone_tgt: Vec<usize> = beads
        .iter()
        .filter(|b| b.src.is_empty())
        .map(|b| b.tgt.start)
        .collect();
    if lone_src.is_empty()
        || lone_tgt.is_empty()
        || lone_src.len() * lone_tgt.len() > MOVED_MAX_CELLS
    {
        return beads;
    }
    let mut cands = Vec::new();
    for &i in &lone_src {
        for &j in &lone_tgt {
            let mut l = model.link_llr(&[i], &[j]);
            if let Some(f) = extra {
                l += f(&[i], &[j]);
            }
            if l > LEFTOVER_MIN_LLR {
                cands.push((l, i, j));
            }
        }
    }
    if cands.is_empty() {
        return beads;
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut used_s = std::collections::HashSet::new();
    let mut used_t = std::collections::HashSet::new();
    let mut by_src = std::collections::HashMap::new();
    for (l, i, j) in cands {
        if used_s.contains(&i) || used_t.contains(&j) {
            continue;
        }
        used_s.insert(i);
        used_t.insert(j);
        by_src.insert(i, (j, l));
    }
    let links: Vec<(usize, usize, f64)> = by_src
        .into_iter()
        .map(|(i, (j, l))| (i, j, outside_score(l, skip)))
        .collect();
    link_lone(beads, &links)
}

/// Replaces the one-sided beads of source `i` and target `j` by a link with the given
/// score, for each `(i, j, score)` whose two sentences are both alone; the link sits at
/// the source position and is marked moved when it crosses the other links.
pub(crate) fn link_lone(beads: Vec<Bead>, links: &[(usize, usize, f64)]) -> Vec<Bead> {
    let lone_s: std::collections::HashSet<usize> = beads
        .iter()
        .filter(|b| b.tgt.is_empty())
        .map(|b| b.src.start)
        .collect();
    let lone_t: std::collections::HashSet<usize> = beads
        .iter()
        .filter(|b| b.src.is_empty())
        .map(|b| b.tgt.start)
        .collect();
    let mut by_src = std::collections::HashMap::new();
    let mut used_t = std::collections::HashSet::new();
    for &(i, j, score) in links {
        if lone_s.contains(&i)
            && lone_t.contains(&j)
            && !by_src.contains_key(&i)
            && used_t.insert(j)
        {
            by_src.insert(i, (j, score));
        }
    }
    if by_src.is_empty() {
        return beads;
    }
    let fixed: Vec<(usize, usize)> = beads
        .iter()
        .filter(|b| b.is_link() && !b.moved)
        .map(|b| (b.src.start, b.tgt.start))
        .collect();
    let mut out = Vec::with_capacity(beads.len());
    for b in beads {
        if b.src.is_empty() && used_t.contains(&b.tgt.start) {
            continue;
        }
        if b.tgt.is_empty()
            && let Some(&(j, score)) = by_src.get(&b.src.start)
        {
            let i = b.src.start;
            out.push(Bead {
                src: i..i + 1,
                tgt: j..j + 1,
                score,
                moved: fixed.iter().any(|&(s, t)| (s < i) != (t < j)),
            });
            continue;
        }
        out.push(b);
    }
    remark_moved(&mut out);
    out
}
