//! Three editions together.

use super::{Aligner, PairAlignment, Side, StoryAlignment, groups_from_pairs};

/// Aligns every pair of the sides and groups the sentences.
pub(crate) fn align_story(al: &Aligner, sides: &[Side]) -> StoryAlignment {
    let mut pairs = Vec::new();
    for s in 0..sides.len() {
        for t in s + 1..sides.len() {
            pairs.push(PairAlignment {
                src: s,
                tgt: t,
                alignment: al.align(&sides[s], &sides[t]),
            });
        }
    }
    let groups = groups_from_pairs(sides.iter().map(Side::len).collect(), &pairs);
    StoryAlignment { pairs, groups }
}
