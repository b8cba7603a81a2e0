//! Moses-style parallel text: for each pair of editions, two plain text files with one
//! segment a line, line *n* of one the translation of line *n* of the other. The files of a
//! pair always have the same number of lines.
//!
//! Naming: with `--out PREFIX`, pair `uk-en` is written to `PREFIX.uk-en.uk` and
//! `PREFIX.uk-en.en`, and so on for `uk-ru` and `en-ru` (every pair of the aligned
//! editions, named in the order uk, en, ru). `--pair uk-en` writes only that pair.
//!
//! Each line is one link (bead) of the pair's alignment: a 1-1, 1-2, 2-1 or 2-2 bead gives
//! one line per side, its sentences joined by a space. Sentences without a counterpart are
//! left out, as are links with an empty side after cleaning. White space runs (line breaks,
//! tabs) become one space and control characters are dropped, so a segment is always one
//! line.

use super::Pair;
use crate::model::StoryReport;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The file of one side of a pair: `PREFIX.uk-en.uk` for the Ukrainian side of `uk-en`.
///
/// ```
/// use edalign::format::{moses, Pair};
/// use edalign::Lang;
/// let p = Pair { src: Lang::Uk, tgt: Lang::En };
/// assert_eq!(moses::path("out/day".as_ref(), p, Lang::En), std::path::PathBuf::from("out/day.uk-en.en"));
/// ```
pub fn path(prefix: &Path, pair: Pair, side: crate::Lang) -> PathBuf {
    let mut s = prefix.as_os_str().to_owned();
    s.push(format!(".{pair}.{side}"));
    PathBuf::from(s)
}

/// The pairs of a story as `(pair, index into report.alignment.pairs)`: `uk-en`, `uk-ru`,
/// `en-ru` (those present).
pub fn pairs(report: &StoryReport) -> Vec<(Pair, usize)> {
    report
        .alignment
        .pairs
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let pair = Pair {
                src: report.editions[p.src].lang(),
                tgt: report.editions[p.tgt].lang(),
            };
            (pair, k)
        })
        .collect()
}

/// The lines of pair `k`: `(source segment, target segment)` per link.
pub fn lines(report: &StoryReport, k: usize) -> Vec<(String, String)> {
    let p = &report.alignment.pairs[k];
    let text = |e: usize, r: std::ops::Range<usize>| super::joined(report, e, r);
    p.alignment
        .beads
        .iter()
        .filter(|b| b.is_link())
        .map(|b| (text(p.src, b.src.clone()), text(p.tgt, b.tgt.clone())))
        .filter(|(a, b)| !a.is_empty() && !b.is_empty())
        .collect()
}

/// Writes pair `k` to two writers, source and target, with equal line counts. Returns the
/// number of lines.
pub fn write_pair(
    src: &mut dyn Write,
    tgt: &mut dyn Write,
    report: &StoryReport,
    k: usize,
) -> io::Result<usize> {
    let lines = lines(report, k);
    for (a, b) in &lines {
        writeln!(src, "{a}")?;
        writeln!(tgt, "{b}")?;
    }
    Ok(lines.len())
}
