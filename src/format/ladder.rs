//! Vecalign's ladder form: one bead a line, `[src indices]:[tgt indices]:score`.
//!
//! ```text
//! [0]:[0]:0.912
//! [1, 2]:[1]:0.720
//! [3]:[]:0.850
//! []:[2]:0.850
//! ```
//!
//! Indices are 0-based sentence numbers; `[]` is an empty side; the score is the
//! probability that the bead is right. For a story, three blocks (one per pair, in the
//! order uk-en, uk-ru, en-ru) are each headed by a line `# uk-en`.

use crate::align::{Alignment, Bead};
use crate::model::StoryReport;
use std::io::{self, Write};

fn side(r: &std::ops::Range<usize>) -> String {
    let items: Vec<String> = r.clone().map(|i| i.to_string()).collect();
    format!("[{}]", items.join(", "))
}

/// Formats one bead as a ladder line (without the newline).
///
/// ```
/// use edalign::align::Bead;
/// use edalign::format::ladder::bead_line;
/// let b = Bead::new(1..3, 1..2, 0.72);
/// assert_eq!(bead_line(&b), "[1, 2]:[1]:0.720");
/// ```
pub fn bead_line(b: &Bead) -> String {
    format!("{}:{}:{:.3}", side(&b.src), side(&b.tgt), b.score)
}

/// Writes the beads of one pairwise alignment.
pub fn write_alignment(w: &mut dyn Write, a: &Alignment) -> io::Result<()> {
    for b in &a.beads {
        writeln!(w, "{}", bead_line(b))?;
    }
    Ok(())
}

/// Writes every pair of a story, each block headed `# <src>-<tgt>`. With two editions and
/// `headers == false`, writes the single pair's beads alone (the two-file contract).
pub fn write(w: &mut dyn Write, report: &StoryReport, headers: bool) -> io::Result<()> {
    for p in &report.alignment.pairs {
        if headers {
            writeln!(
                w,
                "# {}",
                super::pair_name(report.editions[p.src].lang(), report.editions[p.tgt].lang())
            )?;
        }
        write_alignment(w, &p.alignment)?;
    }
    Ok(())
}
