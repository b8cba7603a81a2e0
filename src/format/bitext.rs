//! Parallel text for corpus builders: every link of every pair, with what the review
//! flagged on it, and a filter that keeps the clean ones.
//!
//! The TSV (`edalign batch --format bitext`, bitextor-style) has one link a line, no header:
//!
//! ```text
//! story <TAB> pair <TAB> src sentences <TAB> tgt sentences <TAB> score <TAB> flags <TAB> src text <TAB> tgt text
//! budget  uk-en  3    3  0.982  -       Витрати зростуть.  Spending will rise.
//! budget  uk-en  4,5  4  0.611  number  …                  …
//! (columns separated by tabs)
//! ```
//!
//! Sentence indices are 0-based, comma-separated for a bead of two; `flags` is `-` or a
//! comma-separated list of [`Flag`] names. Texts are on one line (white space runs made one
//! space, tabs and control characters gone). By default the corpus formats keep only links
//! with no flag; [`Filter::keep_flagged`] keeps them all (their flags written).

use super::{Pair, one_line};
use crate::model::{FindingKind, Severity, StoryReport};
use std::io::{self, Write};
use std::ops::Range;

/// Why a link is not clean parallel text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Flag {
    /// A sentence of the link is in another language than its edition (an untranslated
    /// quote), so the pair is not a translation.
    Untranslated,
    /// A number differs between the linked sentences.
    Number,
    /// A date differs between the linked sentences.
    Date,
    /// The link's score is below the filter's minimum.
    LowScore,
}

impl Flag {
    /// The name written in the TSV and the summary.
    pub fn name(self) -> &'static str {
        match self {
            Flag::Untranslated => "untranslated",
            Flag::Number => "number",
            Flag::Date => "date",
            Flag::LowScore => "low_score",
        }
    }
}

/// Which links a corpus keeps.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Filter {
    /// Links scoring below this are flagged [`Flag::LowScore`].
    pub min_score: f64,
    /// Keep flagged links too (their flags are still written).
    pub keep_flagged: bool,
}

impl Default for Filter {
    /// Links of 0.5 and more with no flag: the score below which the review calls a link
    /// weak.
    fn default() -> Self {
        Filter {
            min_score: 0.5,
            keep_flagged: false,
        }
    }
}

impl Filter {
    /// A filter with this minimum score.
    pub fn with_min_score(mut self, min: f64) -> Self {
        self.min_score = min;
        self
    }

    /// A filter that keeps flagged links (or not).
    pub fn with_keep_flagged(mut self, yes: bool) -> Self {
        self.keep_flagged = yes;
        self
    }
}

/// One link of a pair, with its texts and flags.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Link {
    /// The pair of editions.
    pub pair: Pair,
    /// Source sentence indices.
    pub src: Range<usize>,
    /// Target sentence indices.
    pub tgt: Range<usize>,
    /// The link's score.
    pub score: f64,
    /// What the review flagged on it, and a low score (sorted, no repeats).
    pub flags: Vec<Flag>,
    /// The source sentences on one line.
    pub src_text: String,
    /// The target sentences on one line.
    pub tgt_text: String,
}

/// The links of pair `k` of the report (an index into `report.alignment.pairs`), with
/// their flags against `filter`'s minimum score. Links with an empty side after cleaning
/// are left out.
pub fn links(report: &StoryReport, k: usize, filter: &Filter) -> Vec<Link> {
    let p = &report.alignment.pairs[k];
    let (src_ed, tgt_ed) = (&report.editions[p.src], &report.editions[p.tgt]);
    let pair = Pair {
        src: src_ed.lang(),
        tgt: tgt_ed.lang(),
    };
    let text = |e: usize, r: Range<usize>| super::joined(report, e, r);
    // Findings at warning or above that make a link unfit, by the edition and sentences
    // they name. A value that differs makes the link unfit only between editions whose
    // values differ: with uk and ru agreeing against en, the uk-ru link is clean.
    let flagged = |edition: &str, r: &Range<usize>| -> Vec<Flag> {
        report
            .review
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .filter_map(|f| {
                let flag = match f.kind {
                    FindingKind::Untranslated => Flag::Untranslated,
                    FindingKind::NumberMismatch => Flag::Number,
                    FindingKind::DateMismatch => Flag::Date,
                    _ => return None,
                };
                if flag != Flag::Untranslated && values(f, pair.src) == values(f, pair.tgt) {
                    return None;
                }
                let touches = f
                    .locations
                    .iter()
                    .any(|l| l.edition == edition && l.sentences.iter().any(|i| r.contains(i)));
                touches.then_some(flag)
            })
            .collect()
    };
    p.alignment
        .beads
        .iter()
        .filter(|b| b.is_link())
        .filter_map(|b| {
            let (src_text, tgt_text) = (text(p.src, b.src.clone()), text(p.tgt, b.tgt.clone()));
            if src_text.is_empty() || tgt_text.is_empty() {
                return None;
            }
            let mut flags = flagged(&src_ed.edition.id, &b.src);
            flags.extend(flagged(&tgt_ed.edition.id, &b.tgt));
            if b.score < filter.min_score {
                flags.push(Flag::LowScore);
            }
            flags.sort();
            flags.dedup();
            Some(Link {
                pair,
                src: b.src.clone(),
                tgt: b.tgt.clone(),
                score: b.score,
                flags,
                src_text,
                tgt_text,
            })
        })
        .collect()
}

/// The values a finding names in one language's edition, sorted.
fn values(f: &crate::model::Finding, lang: crate::Lang) -> Vec<&str> {
    let mut v: Vec<&str> = f
        .items
        .iter()
        .filter(|it| it.lang == lang)
        .map(|it| it.value.as_str())
        .collect();
    v.sort_unstable();
    v
}

/// Whether the filter keeps the link.
pub fn keeps(filter: &Filter, link: &Link) -> bool {
    filter.keep_flagged || link.flags.is_empty()
}

/// Writes one link as a TSV line.
///
/// ```
/// use edalign::format::bitext::{self, Filter};
/// use edalign::{Edition, Lang, Pipeline, Story};
/// let report = Pipeline::default()
///     .run(Story {
///         id: "buses".into(),
///         editions: vec![
///             Edition::new("uk.txt", Some(Lang::Uk), "Київ отримав 28 автобусів.\n\nЇх випустять на маршрути в понеділок."),
///             Edition::new("en.txt", Some(Lang::En), "Kyiv received 23 buses.\n\nThey will go on the routes on Monday."),
///         ],
///     })
///     .unwrap();
/// let links = bitext::links(&report, 0, &Filter::default());
/// let mut out = Vec::new();
/// for l in &links {
///     bitext::write_link(&mut out, "buses", l).unwrap();
/// }
/// let out = String::from_utf8(out).unwrap();
/// assert!(out.starts_with("buses\tuk-en\t0\t0\t"));
/// assert!(out.lines().next().unwrap().contains("\tnumber\t"), "{out}");
/// assert!(!links[0].flags.is_empty() && links[1].flags.is_empty());
/// ```
pub fn write_link(w: &mut dyn Write, story: &str, link: &Link) -> io::Result<()> {
    let idx = |r: &Range<usize>| {
        r.clone()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    let flags = if link.flags.is_empty() {
        "-".to_string()
    } else {
        link.flags
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(",")
    };
    writeln!(
        w,
        "{}\t{}\t{}\t{}\t{:.3}\t{}\t{}\t{}",
        one_line(story).replace('\t', " "),
        link.pair,
        idx(&link.src),
        idx(&link.tgt),
        link.score,
        flags,
        link.src_text,
        link.tgt_text
    )
}
