//! Sentence alignment of two or three editions.
//!
//! [`Aligner::align`] pairs the sentences of two editions into [`Bead`]s (1-1, 1-0, 0-1,
//! 1-2, 2-1, 2-2; 1-3 and 3-1 on request), each with a score that reads as the probability
//! that the link is right. [`Aligner::align_story`] aligns two or three editions together
//! and groups their sentences so that the pairwise alignments agree with each other.
//!
//! ## How
//!
//! * **Cost of a bead** (`cost.rs`): a log-likelihood ratio of "these sentences correspond"
//!   against "two unrelated sentences of the story". Lengths: the log ratio against the
//!   pair's ratio, estimated from the story and re-estimated from a first pass. Anchors
//!   (`anchors.rs`): numbers and dates (`1,5` / `1.5`, `24-го` / `24th`, month and weekday
//!   names, number words), names and international words across scripts (transliterated
//!   with `deunicode`, folded, matched by shared stem, Jaro–Winkler or consonant skeleton),
//!   uk–ru cognates, a few country names transliteration cannot bridge, quotations and
//!   questions. Each token weighs by how rare a match is in the story; a token that finds
//!   no match anywhere in the other edition counts against linking its sentence at all.
//! * **Search** (`dp.rs`): banded dynamic programming (time and memory O((n+m)·band)),
//!   forward–backward posteriors as scores. The cost of leaving a sentence alone follows
//!   the share of lone sentences the first pass found, and how little the sentence shares
//!   with its own edition (a sentence from another story shares little).
//! * **Moved passages** (`pair.rs`): strong, unambiguous 1-1 anchors off the heaviest
//!   monotone chain, among sentences the first pass could not place, are taken out of the
//!   DP, grown into blocks, and reported with `moved: true`; a last pass links left-over
//!   sentences with strong evidence.
//! * **Three editions** (`story.rs`): each pair is realigned with the evidence of the third
//!   edition as a pivot (uk–ru carries the English pairs), then with a bonus for links the
//!   two other pairs compose to; links both other pairs contradict are cut, and triangles
//!   the other two pairs agree on are closed.
//! * **Lexicon** (`lexicon.rs`): [`Aligner::learn_lexicon`] learns word correspondences
//!   from the confident links of a whole batch; [`AlignerBuilder::lexicon`] uses them.

mod anchors;
mod cost;
mod dp;
mod editions;
mod joint;
mod lexicon;
mod pair;

use crate::error::{Error, Result};
use crate::lang::Lang;
use cost::PairModel;
pub use lexicon::Lexicon;
use serde::Serialize;
use std::ops::Range;
use std::sync::Arc;

/// One side of an alignment: the sentences of an edition, in order.
#[derive(Clone, Debug)]
pub struct Side<'a> {
    /// The edition's language.
    pub lang: Lang,
    /// Sentence texts in order.
    pub sentences: Vec<&'a str>,
    /// The paragraph index of each sentence (same length as `sentences`), when known.
    pub paragraphs: Option<Vec<usize>>,
}

impl<'a> Side<'a> {
    /// A side with no paragraph information.
    pub fn new(lang: Lang, sentences: Vec<&'a str>) -> Side<'a> {
        Side {
            lang,
            sentences,
            paragraphs: None,
        }
    }

    /// The same side with the paragraph index of every sentence.
    pub fn with_paragraphs(mut self, paragraphs: Vec<usize>) -> Side<'a> {
        debug_assert_eq!(paragraphs.len(), self.sentences.len());
        self.paragraphs = Some(paragraphs);
        self
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// Whether there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }
}

/// A bead: consecutive source sentences linked to consecutive target sentences. One side
/// may be empty (a sentence with no counterpart).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Bead {
    /// Source sentence indices.
    pub src: Range<usize>,
    /// Target sentence indices.
    pub tgt: Range<usize>,
    /// Probability that the link is right (for one-sided beads: that the sentence really
    /// has no counterpart).
    pub score: f64,
    /// Whether the bead breaks the order of the others (a moved passage).
    pub moved: bool,
}

impl Bead {
    /// A bead in its place (not moved). `score` is clamped to 0..1.
    ///
    /// ```
    /// use edalign::align::Bead;
    /// let b = Bead::new(0..2, 0..1, 0.9);
    /// assert!(b.is_link() && !b.moved);
    /// ```
    pub fn new(src: Range<usize>, tgt: Range<usize>, score: f64) -> Bead {
        Bead {
            src,
            tgt,
            score: if score.is_finite() {
                score.clamp(0.0, 1.0)
            } else {
                0.0
            },
            moved: false,
        }
    }

    /// Whether both sides are non-empty.
    pub fn is_link(&self) -> bool {
        !self.src.is_empty() && !self.tgt.is_empty()
    }
}

/// The beads of a pairwise alignment, ordered by source and then target position. Every
/// sentence of either side is in exactly one bead.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Alignment {
    /// The beads.
    pub beads: Vec<Bead>,
}

impl Alignment {
    /// An alignment of these beads.
    pub fn new(beads: Vec<Bead>) -> Alignment {
        Alignment { beads }
    }
}

/// The alignment of one pair of editions inside a story.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PairAlignment {
    /// Index of the source edition (in the order given to [`Aligner::align_story`]).
    pub src: usize,
    /// Index of the target edition.
    pub tgt: usize,
    /// The beads.
    pub alignment: Alignment,
}

impl PairAlignment {
    /// The alignment of editions `src` and `tgt` (indices in the story's order).
    pub fn new(src: usize, tgt: usize, alignment: Alignment) -> PairAlignment {
        PairAlignment {
            src,
            tgt,
            alignment,
        }
    }
}

/// Sentences of all editions that correspond to each other.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Group {
    /// For each edition (in the order given), the indices of its sentences in this group,
    /// ascending; empty where the edition has no counterpart.
    pub members: Vec<Vec<usize>>,
    /// The lowest score of the links that hold the group together; for a group of one
    /// sentence, the lowest score of the pairs' one-sided beads that leave it alone (how
    /// sure they are that it has no counterpart).
    pub score: f64,
}

impl Group {
    /// A group of these sentences of each edition (`members[e]` ascending).
    pub fn new(members: Vec<Vec<usize>>, score: f64) -> Group {
        Group { members, score }
    }
}

/// The alignment of a whole story: every pair, and groups across all editions.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct StoryAlignment {
    /// Pairwise alignments in the order (0,1), (0,2), (1,2).
    pub pairs: Vec<PairAlignment>,
    /// Groups in reading order.
    pub groups: Vec<Group>,
}

impl StoryAlignment {
    /// A story's alignment from its pairs and groups, as built by hand or read back (the
    /// workspace's corrected links); [`Aligner::align_story`] makes one from the text.
    pub fn new(pairs: Vec<PairAlignment>, groups: Vec<Group>) -> StoryAlignment {
        StoryAlignment { pairs, groups }
    }

    /// The links of three editions' alignments that the other two pairs contradict.
    ///
    /// For a link `a`–`b` of one pair, the sentences of the third edition linked to `a`
    /// should be those linked to `b`. A difference is allowed only for a sentence with no
    /// counterpart at all in the edition that lacks it: one edition of the pair merged in a
    /// sentence the other left out, the one way correct alignments leave a triangle open.
    /// With [`AlignerBuilder::joint_search`] (the default) the list is empty; with two
    /// editions it always is.
    pub fn contradictions(&self) -> Vec<Contradiction> {
        let Some(editions) = self.groups.first().map(|g| g.members.len()) else {
            return Vec::new();
        };
        if editions != 3 || self.pairs.len() != 3 {
            return Vec::new();
        }
        let lens: Vec<usize> = (0..3)
            .map(|e| self.groups.iter().map(|g| g.members[e].len()).sum())
            .collect();
        let partners = Partners::new(
            &lens,
            self.pairs
                .iter()
                .map(|p| (p.src, p.tgt, p.alignment.beads.as_slice())),
        );
        let mut out = Vec::new();
        for (pair, p) in self.pairs.iter().enumerate() {
            let (x, y) = (p.src, p.tgt);
            let z = 3 - x - y;
            for (bead, b) in p.alignment.beads.iter().enumerate() {
                if !b.is_link() {
                    continue;
                }
                let (ra, rb) = (
                    partners.reach(x, z, b.src.clone()),
                    partners.reach(y, z, b.tgt.clone()),
                );
                // A sentence of z linked to one side only, but linked elsewhere in the
                // edition of the other side.
                let bad = ra
                    .iter()
                    .filter(|c| !rb.contains(c))
                    .find(|&&c| !partners.of(z, y, c).is_empty())
                    .or_else(|| {
                        rb.iter()
                            .filter(|c| !ra.contains(c))
                            .find(|&&c| !partners.of(z, x, c).is_empty())
                    });
                if let Some(&sentence) = bad {
                    out.push(Contradiction {
                        pair,
                        bead,
                        edition: z,
                        sentence,
                    });
                }
            }
        }
        out
    }
}

/// The links of the pairs of a story, per sentence: which sentences of another edition
/// each sentence is linked to.
pub(crate) struct Partners {
    /// `linked[x][z][i]`: sentences of edition `z` linked to sentence `i` of edition `x`.
    linked: Vec<Vec<Vec<Vec<usize>>>>,
}

impl Partners {
    /// From the beads of each pair `(source edition, target edition, beads)`; `lens` are
    /// the editions' sentence counts.
    pub(crate) fn new<'b>(
        lens: &[usize],
        pairs: impl Iterator<Item = (usize, usize, &'b [Bead])>,
    ) -> Partners {
        let mut linked: Vec<Vec<Vec<Vec<usize>>>> = lens
            .iter()
            .map(|&l| vec![vec![Vec::new(); l]; lens.len()])
            .collect();
        for (x, y, beads) in pairs {
            for b in beads.iter().filter(|b| b.is_link()) {
                for i in b.src.clone() {
                    linked[x][y][i].extend(b.tgt.clone());
                }
                for j in b.tgt.clone() {
                    linked[y][x][j].extend(b.src.clone());
                }
            }
        }
        Partners { linked }
    }

    /// Sentences of edition `z` linked to sentence `i` of edition `x`.
    pub(crate) fn of(&self, x: usize, z: usize, i: usize) -> &[usize] {
        &self.linked[x][z][i]
    }

    /// Sentences of edition `z` linked to any of sentences `r` of edition `x`, ascending.
    pub(crate) fn reach(&self, x: usize, z: usize, r: Range<usize>) -> Vec<usize> {
        let mut v: Vec<usize> = r.flat_map(|i| self.of(x, z, i).iter().copied()).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// A link that the other two pairs of a story contradict (see
/// [`StoryAlignment::contradictions`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Contradiction {
    /// Index of the pair in [`StoryAlignment::pairs`].
    pub pair: usize,
    /// Index of the link in that pair's beads.
    pub bead: usize,
    /// The third edition.
    pub edition: usize,
    /// A sentence of the third edition linked to one side of the link and, elsewhere, to
    /// the edition of the other side.
    pub sentence: usize,
}

/// Builds an [`Aligner`]. Every setter documents its default; [`AlignerBuilder::build`]
/// validates.
#[derive(Clone, Debug)]
pub struct AlignerBuilder {
    max_bead: usize,
    min_score: f64,
    band: usize,
    allow_2_2: bool,
    moved: bool,
    skip_cost: f64,
    lexicon: Option<Arc<Lexicon>>,
    shipped_lexicon: bool,
    consistent: bool,
    joint: bool,
}

impl Default for AlignerBuilder {
    fn default() -> Self {
        AlignerBuilder {
            max_bead: 2,
            min_score: 0.0,
            band: 100,
            allow_2_2: true,
            moved: true,
            skip_cost: 2.0,
            lexicon: None,
            shipped_lexicon: true,
            consistent: false,
            joint: true,
        }
    }
}

impl AlignerBuilder {
    /// The largest number of sentences on one side of a bead (default 2, range 1..=3).
    /// With 1 only 1-1, 1-0 and 0-1 beads are made; with 3, 1-3 and 3-1 are added.
    pub fn max_bead(&mut self, n: usize) -> &mut Self {
        self.max_bead = n;
        self
    }

    /// Links scoring below this become one-sided beads (default 0.0, range 0..=1).
    pub fn min_score(&mut self, s: f64) -> &mut Self {
        self.min_score = s;
        self
    }

    /// Half-width of the band of the dynamic programme around the diagonal, in sentences
    /// (default 100, at least 1). Time and memory grow with `(n+m)·band`; documents shorter
    /// than the band are aligned exhaustively.
    pub fn band_width(&mut self, w: usize) -> &mut Self {
        self.band = w;
        self
    }

    /// Whether 2-2 beads are allowed when `max_bead >= 2` (default true).
    pub fn allow_2_2(&mut self, yes: bool) -> &mut Self {
        self.allow_2_2 = yes;
        self
    }

    /// Whether a second pass links left-over sentences out of order and reports them as
    /// `moved` (default true).
    pub fn moved_pass(&mut self, yes: bool) -> &mut Self {
        self.moved = yes;
        self
    }

    /// The cost, in nats, of leaving one sentence without a counterpart (default 2.0, range
    /// 0..=20). Higher values link more eagerly.
    pub fn skip_cost(&mut self, c: f64) -> &mut Self {
        self.skip_cost = c;
        self
    }

    /// Word correspondences to use besides transliteration (default none), e.g. one learned
    /// from a batch with [`Aligner::learn_lexicon`].
    pub fn lexicon(&mut self, lexicon: Lexicon) -> &mut Self {
        self.lexicon = Some(Arc::new(lexicon));
        self
    }

    /// Whether the lexicon that ships with the crate ([`Lexicon::shipped`]: frequent news
    /// words no transliteration bridges) is used, with any lexicon given (default `true`).
    pub fn shipped_lexicon(&mut self, yes: bool) -> &mut Self {
        self.shipped_lexicon = yes;
        self
    }

    /// The lexicon the aligner uses: the one given, with the shipped one unless it is off.
    fn full_lexicon(&self) -> Option<Arc<Lexicon>> {
        static SHIPPED: std::sync::LazyLock<Arc<Lexicon>> =
            std::sync::LazyLock::new(|| Arc::new(Lexicon::shipped()));
        match (&self.lexicon, self.shipped_lexicon) {
            (None, false) => None,
            (None, true) => Some(SHIPPED.clone()),
            (Some(given), false) => Some(given.clone()),
            (Some(given), true) => {
                let mut both = (**given).clone();
                both.extend(&SHIPPED);
                Some(Arc::new(both))
            }
        }
    }

    /// With three editions, make every pair take each three-way group whole (default
    /// false): sentences a pair left alone that the third edition ties to a group are
    /// linked in that pair too, and a pair that sees a group finer (two 1-1 links where the
    /// third edition merged) gets one bead. Every triangle of links then closes: for
    /// three-way parallel data in units of whole groups. On the bench it costs up to half a
    /// point of strict F1 (the default alignments already never contradict each other; see
    /// [`AlignerBuilder::joint_search`]).
    pub fn consistent(&mut self, yes: bool) -> &mut Self {
        self.consistent = yes;
        self
    }

    /// With three editions, search the three alignments together (default true): one
    /// dynamic programme over positions in all three editions, whose steps are three-way
    /// beads costed by all three pairs at once, so that the pairwise alignments read off
    /// its path agree with each other. Without it each pair is aligned on its own (with the
    /// third edition as a pivot) and the three answers may contradict each other. Three-way
    /// beads take at most two sentences of an edition, so with `max_bead(3)` the pairs are
    /// aligned separately too.
    pub fn joint_search(&mut self, yes: bool) -> &mut Self {
        self.joint = yes;
        self
    }

    /// Validates the settings.
    pub fn build(&self) -> Result<Aligner> {
        if !(1..=3).contains(&self.max_bead) {
            return Err(Error::config(format!(
                "max bead size {} is out of range 1..=3",
                self.max_bead
            )));
        }
        if !(0.0..=1.0).contains(&self.min_score) {
            return Err(Error::config(format!(
                "minimum score {} is out of range 0..=1",
                self.min_score
            )));
        }
        if self.band == 0 {
            return Err(Error::config("band width must be at least 1".to_string()));
        }
        if !(0.0..=20.0).contains(&self.skip_cost) {
            return Err(Error::config(format!(
                "skip cost {} is out of range 0..=20",
                self.skip_cost
            )));
        }
        let mut shapes: Vec<(usize, usize)> = vec![(1, 0), (0, 1), (1, 1)];
        if self.max_bead >= 2 {
            shapes.extend([(1, 2), (2, 1)]);
            if self.allow_2_2 {
                shapes.push((2, 2));
            }
        }
        if self.max_bead >= 3 {
            shapes.extend([(1, 3), (3, 1)]);
        }
        Ok(Aligner {
            shapes,
            min_score: self.min_score,
            band: self.band,
            moved: self.moved,
            skip_cost: self.skip_cost,
            lexicon: self.full_lexicon(),
            consistent: self.consistent,
            joint: self.joint,
        })
    }
}

/// A sentence aligner. Immutable, `Send + Sync`, reusable across stories.
#[derive(Clone, Debug)]
pub struct Aligner {
    shapes: Vec<(usize, usize)>,
    min_score: f64,
    band: usize,
    moved: bool,
    skip_cost: f64,
    lexicon: Option<Arc<Lexicon>>,
    consistent: bool,
    joint: bool,
}

impl Default for Aligner {
    fn default() -> Aligner {
        AlignerBuilder::default()
            .build()
            .expect("defaults are valid")
    }
}

impl Aligner {
    /// A builder with the default settings.
    pub fn builder() -> AlignerBuilder {
        AlignerBuilder::default()
    }

    /// Aligns two sides. Beads are monotone except those marked `moved`.
    pub fn align(&self, src: &Side, tgt: &Side) -> Alignment {
        let model = PairModel::new(
            src.lang,
            &src.sentences,
            tgt.lang,
            &tgt.sentences,
            self.lexicon.as_deref(),
        );
        pair::align_model(self, model, src, tgt, None)
    }

    /// Aligns two or three editions (in the order given, normally uk, en, ru) and groups
    /// their sentences.
    pub fn align_story(&self, sides: &[Side]) -> StoryAlignment {
        editions::align_story(self, sides)
    }
}

/// Replaces links scoring below `min` by one-sided beads, one sentence each.
fn split_weak(beads: Vec<Bead>, min: f64) -> Vec<Bead> {
    let mut out = Vec::with_capacity(beads.len());
    for b in beads {
        if b.is_link() && b.score < min {
            for i in b.src.clone() {
                out.push(Bead {
                    src: i..i + 1,
                    tgt: b.tgt.start..b.tgt.start,
                    score: 1.0 - b.score,
                    moved: false,
                });
            }
            for j in b.tgt.clone() {
                out.push(Bead {
                    src: b.src.end..b.src.end,
                    tgt: j..j + 1,
                    score: 1.0 - b.score,
                    moved: false,
                });
            }
        } else {
            out.push(b);
        }
    }
    out
}

/// Connected components of the pairwise links; every sentence ends up in one group.
pub(crate) fn groups_from_pairs(lens: Vec<usize>, pairs: &[PairAlignment]) -> Vec<Group> {
    let offsets: Vec<usize> = lens
        .iter()
        .scan(0, |acc, &l| {
            let o = *acc;
            *acc += l;
            Some(o)
        })
        .collect();
    let total: usize = lens.iter().sum();
    let mut parent: Vec<usize> = (0..total).collect();
    let mut weakest = vec![1.0f64; total];
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        let mut y = x;
        while p[y] != r {
            let next = p[y];
            p[y] = r;
            y = next;
        }
        r
    }
    for pa in pairs {
        for b in pa.alignment.beads.iter().filter(|b| b.is_link()) {
            let nodes: Vec<usize> = b
                .src
                .clone()
                .map(|i| offsets[pa.src] + i)
                .chain(b.tgt.clone().map(|j| offsets[pa.tgt] + j))
                .collect();
            for w in nodes.windows(2) {
                let (x, y) = (find(&mut parent, w[0]), find(&mut parent, w[1]));
                let low = weakest[x].min(weakest[y]).min(b.score);
                parent[x] = y;
                weakest[y] = low;
            }
            let r = find(&mut parent, nodes[0]);
            weakest[r] = weakest[r].min(b.score);
        }
    }
    // A sentence no link holds: how sure each pair is that it is alone.
    let mut alone = vec![1.0f64; total];
    for pa in pairs {
        for b in pa.alignment.beads.iter().filter(|b| !b.is_link()) {
            for i in b.src.clone() {
                let x = offsets[pa.src] + i;
                alone[x] = alone[x].min(b.score);
            }
            for j in b.tgt.clone() {
                let x = offsets[pa.tgt] + j;
                alone[x] = alone[x].min(b.score);
            }
        }
    }
    let mut by_root: std::collections::BTreeMap<usize, Group> = std::collections::BTreeMap::new();
    let mut order: Vec<usize> = Vec::new();
    for (e, &len) in lens.iter().enumerate() {
        for i in 0..len {
            let r = find(&mut parent, offsets[e] + i);
            let g = by_root.entry(r).or_insert_with(|| {
                order.push(r);
                Group {
                    members: vec![Vec::new(); lens.len()],
                    score: weakest[r],
                }
            });
            g.members[e].push(i);
        }
    }
    // Reading order: by the mean relative position of the members.
    let mut groups: Vec<Group> = order
        .into_iter()
        .filter_map(|r| by_root.remove(&r))
        .collect();
    let offs = &offsets;
    for g in &mut groups {
        let mut it = g
            .members
            .iter()
            .enumerate()
            .flat_map(|(e, m)| m.iter().map(move |&i| offs[e] + i));
        if let (Some(x), None) = (it.next(), it.next()) {
            g.score = alone[x];
        }
    }
    reading_order(groups, &lens)
}

/// Puts groups in reading order: every edition's sentences in their order, wherever the
/// editions agree on it. Each edition orders the groups that hold its sentences; a group
/// comes when every edition has reached it, the earliest by mean relative position first.
/// Where the editions disagree (a moved passage, crossing links), the groups caught in the
/// disagreement (a cycle of the orders) come together, as the first edition orders them
/// (see `order_inside`), and everything else keeps every edition's order.
fn reading_order(groups: Vec<Group>, lens: &[usize]) -> Vec<Group> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let key = |g: &Group| {
        let mut s = 0.0;
        let mut k = 0.0;
        for (e, m) in g.members.iter().enumerate() {
            for &i in m {
                s += (i as f64 + 0.5) / lens[e].max(1) as f64;
                k += 1.0;
            }
        }
        s / k
    };
    let n = groups.len();
    // Keys as ordered integers (ties by index keep the order stable).
    let keys: Vec<(u64, usize)> = groups
        .iter()
        .enumerate()
        .map(|(g, x)| ((key(x) * 1e12) as u64, g))
        .collect();
    // Edges between consecutive groups of each edition.
    let mut at: Vec<Vec<usize>> = lens.iter().map(|&l| vec![usize::MAX; l]).collect();
    for (g, x) in groups.iter().enumerate() {
        for (e, m) in x.members.iter().enumerate() {
            for &i in m {
                at[e][i] = g;
            }
        }
    }
    let mut next: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut prev: Vec<Vec<usize>> = vec![Vec::new(); n];
    // How much each edge counts where the editions disagree: the first edition's order
    // outweighs all the others together.
    let mut weight: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (e, seq) in at.iter().enumerate() {
        for w in seq.windows(2) {
            if w[0] != w[1] && w[0] != usize::MAX && w[1] != usize::MAX {
                next[w[0]].push(w[1]);
                prev[w[1]].push(w[0]);
                weight[w[0]].push(if e == 0 { lens.len() } else { 1 });
            }
        }
    }
    let comp = components(&next, &prev);
    let comps = comp.iter().max().map_or(0, |&c| c + 1);
    // The condensed orders: which component must wait for which.
    let mut waits = vec![0usize; comps];
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); comps];
    for (g, hs) in next.iter().enumerate() {
        for &h in hs {
            if comp[g] != comp[h] {
                after[comp[g]].push(comp[h]);
                waits[comp[h]] += 1;
            }
        }
    }
    let mut members: Vec<Vec<(u64, usize)>> = vec![Vec::new(); comps];
    for &k in &keys {
        members[comp[k.1]].push(k);
    }
    for m in &mut members {
        m.sort_unstable();
    }
    let mut ready: BinaryHeap<Reverse<((u64, usize), usize)>> = (0..comps)
        .filter(|&c| waits[c] == 0)
        .map(|c| Reverse((members[c][0], c)))
        .collect();
    let mut order = Vec::with_capacity(n);
    while let Some(Reverse((_, c))) = ready.pop() {
        order_inside(&members[c], &next, &weight, &comp, &mut order);
        for &d in &after[c] {
            waits[d] -= 1;
            if waits[d] == 0 {
                ready.push(Reverse((members[d][0], d)));
            }
        }
    }
    debug_assert_eq!(order.len(), n);
    let mut slots: Vec<Option<Group>> = groups.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|g| slots[g].take().expect("each group once"))
        .collect()
}

/// Orders the groups of one cycle of the editions' orders (`members`, by key): as the
/// first edition orders them, then as most others do. Each next group is one whose
/// predecessors here all came; failing one, the group held back least (edges weighed by
/// `weight`: the first edition's outweigh the others'), the earliest by key among those.
/// So a passage stands where the first edition has it, and the columns of editions that
/// moved it show it out of place.
fn order_inside(
    members: &[(u64, usize)],
    next: &[Vec<usize>],
    weight: &[Vec<usize>],
    comp: &[usize],
    order: &mut Vec<usize>,
) {
    if members.len() == 1 {
        order.push(members[0].1);
        return;
    }
    let c = comp[members[0].1];
    let mut waiting: std::collections::HashMap<usize, usize> =
        members.iter().map(|&(_, g)| (g, 0)).collect();
    for &(_, g) in members {
        for (&h, &w) in next[g].iter().zip(&weight[g]) {
            if comp[h] == c {
                *waiting.get_mut(&h).expect("a member") += w;
            }
        }
    }
    // A heap of (still held back by, key, group); entries go stale as counts fall, and a
    // group's newest entry is the one with its current count.
    let mut heap: std::collections::BinaryHeap<std::cmp::Reverse<(usize, u64, usize)>> = members
        .iter()
        .map(|&(k, g)| std::cmp::Reverse((waiting[&g], k, g)))
        .collect();
    let keys: std::collections::HashMap<usize, u64> =
        members.iter().map(|&(k, g)| (g, k)).collect();
    let mut placed: std::collections::HashSet<usize> = std::collections::HashSet::new();
    while let Some(std::cmp::Reverse((w, _, g))) = heap.pop() {
        if placed.contains(&g) || w != waiting[&g] {
            continue;
        }
        placed.insert(g);
        order.push(g);
        for (&h, &by) in next[g].iter().zip(&weight[g]) {
            if placed.contains(&h) {
                continue;
            }
            if let Some(w) = waiting.get_mut(&h) {
                *w = w.saturating_sub(by);
                heap.push(std::cmp::Reverse((*w, keys[&h], h)));
            }
        }
    }
}

/// Strongly connected components of a graph given by its edges both ways (Kosaraju's
/// two passes, without recursion: long stories have thousands of groups).
fn components(next: &[Vec<usize>], prev: &[Vec<usize>]) -> Vec<usize> {
    let n = next.len();
    let mut done = vec![false; n];
    let mut finished = Vec::with_capacity(n);
    for start in 0..n {
        if done[start] {
            continue;
        }
        done[start] = true;
        let mut stack = vec![(start, 0usize)];
        while let Some(&mut (v, ref mut i)) = stack.last_mut() {
            if let Some(&w) = next[v].get(*i) {
                *i += 1;
                if !done[w] {
                    done[w] = true;
                    stack.push((w, 0));
                }
            } else {
                finished.push(v);
                stack.pop();
            }
        }
    }
    let mut comp = vec![usize::MAX; n];
    let mut c = 0;
    for &start in finished.iter().rev() {
        if comp[start] != usize::MAX {
            continue;
        }
        comp[start] = c;
        let mut stack = vec![start];
        while let Some(v) = stack.pop() {
            for &w in &prev[v] {
                if comp[w] == usize::MAX {
                    comp[w] = c;
                    stack.push(w);
                }
            }
        }
        c += 1;
    }
    comp
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Groups of one sentence per edition, each given as (uk, en, ru) indices.
    fn groups(of: &[[usize; 3]]) -> Vec<Group> {
        of.iter()
            .map(|m| Group {
                members: m.iter().map(|&i| vec![i]).collect(),
                score: 1.0,
            })
            .collect()
    }

    fn uk_order(gs: &[Group]) -> Vec<usize> {
        gs.iter().map(|g| g.members[0][0]).collect()
    }

    #[test]
    fn rows_follow_the_first_edition_and_a_moved_passage_stands_where_it_has_it() {
        // (groups as (uk, en, ru), the uk sentences row by row)
        let cases: &[(&[[usize; 3]], &[usize])] = &[
            // In order everywhere.
            (&[[1, 1, 1], [0, 0, 0], [2, 2, 2]], &[0, 1, 2]),
            // ru moved uk 2 to the top: rows keep uk's order.
            (&[[0, 0, 1], [1, 1, 2], [2, 2, 0], [3, 3, 3]], &[0, 1, 2, 3]),
            // uk itself moved the passage: its order still leads, against en and ru.
            (&[[1, 0, 0], [2, 1, 1], [0, 2, 2], [3, 3, 3]], &[0, 1, 2, 3]),
        ];
        for &(of, want) in cases {
            let got = reading_order(groups(of), &[of.len(); 3]);
            assert_eq!(uk_order(&got), want, "{of:?}");
        }
        // A sentence one edition alone has follows its neighbours in that edition.
        let mut gs = groups(&[[0, 0, 0], [2, 1, 1]]);
        gs.push(Group {
            members: vec![vec![1], vec![], vec![]],
            score: 0.9,
        });
        let got = reading_order(gs, &[3, 2, 2]);
        assert_eq!(uk_order(&got), [0, 1, 2]);
    }

    #[test]
    fn identical_texts_align_on_the_diagonal() {
        let s = vec![
            "One sentence here.",
            "Another, longer sentence follows it.",
            "Short.",
        ];
        let side = Side::new(Lang::En, s.clone());
        let a = Aligner::default().align(&side, &side);
        let shapes: Vec<_> = a
            .beads
            .iter()
            .map(|b| (b.src.clone(), b.tgt.clone()))
            .collect();
        assert_eq!(shapes, vec![(0..1, 0..1), (1..2, 1..2), (2..3, 2..3)]);
    }

    #[test]
    fn aligner_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Aligner>();
        check::<Lexicon>();
    }

    #[test]
    fn builder_rejects_bad_values() {
        assert!(Aligner::builder().max_bead(0).build().is_err());
        assert!(Aligner::builder().min_score(1.5).build().is_err());
    }
}
