//! The review of an aligned story: coverage per edition and findings on its sentences.
//!
//! Coverage says, for every edition against every other, which sentences have no
//! counterpart. Findings point at problems an editor wants to see: a sentence missing from an
//! edition, a number that differs between linked sentences, text left in another language,
//! a file whose declared language is not what it holds, a link too weak to trust.
//! Every finding carries the spans of the sentences it is about, in every edition involved.

mod numbers;

use crate::align::StoryAlignment;
use crate::lang::Lang;
use crate::span::Span;
use crate::story::AnalyzedEdition;
use serde::Serialize;

pub use numbers::{Number, extract_numbers};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; no action needed.
    Info,
    /// An editor should look.
    Warning,
    /// The story cannot be trusted as it is.
    Error,
}

impl Severity {
    /// `info`, `warning` or `error`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `info`, `warning` or `error`.
    pub fn from_name(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// What a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Sentences present in some editions have no counterpart in this one.
    Missing,
    /// Sentences present in one edition only (added there, or dropped by all others).
    OnlyIn,
    /// Linked sentences carry different numbers.
    NumberMismatch,
    /// A sentence is in another language than its edition.
    Untranslated,
    /// A file's declared language (its name, a label) disagrees with its text.
    DeclaredMismatch,
    /// An edition is in a language edalign does not align; it was set aside.
    OtherLanguage,
    /// Linked sentences whose lengths are far from the pair's norm.
    LengthOutlier,
    /// A link the aligner is not sure of.
    WeakLink,
    /// A passage that stands in another place in this edition.
    Moved,
}

impl FindingKind {
    /// The snake-case name used in outputs.
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Missing => "missing",
            FindingKind::OnlyIn => "only_in",
            FindingKind::NumberMismatch => "number_mismatch",
            FindingKind::Untranslated => "untranslated",
            FindingKind::DeclaredMismatch => "declared_mismatch",
            FindingKind::OtherLanguage => "other_language",
            FindingKind::LengthOutlier => "length_outlier",
            FindingKind::WeakLink => "weak_link",
            FindingKind::Moved => "moved",
        }
    }
}

/// Sentences of one edition that a finding is about.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Location {
    /// The edition's language.
    pub lang: Lang,
    /// The edition's id (its file name).
    pub edition: String,
    /// Sentence indices in that edition (empty for findings about a whole edition).
    pub sentences: Vec<usize>,
    /// The spans of those sentences in the edition's text.
    pub spans: Vec<Span>,
}

/// One thing the review found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// What kind of problem.
    pub kind: FindingKind,
    /// How serious.
    pub severity: Severity,
    /// Index of the group (see [`StoryAlignment::groups`]) the finding is about, if any.
    pub group: Option<usize>,
    /// Where, in every edition involved.
    pub locations: Vec<Location>,
    /// A one-line explanation.
    pub message: String,
}

/// Coverage of one edition against another.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairCoverage {
    /// The other edition's language.
    pub against: Lang,
    /// Sentences of this edition with no counterpart in the other.
    pub unmatched: Vec<usize>,
    /// Characters in those sentences.
    pub unmatched_chars: usize,
    /// Share of this edition's sentences that have a counterpart (0..1).
    pub sentence_share: f64,
    /// Share of this edition's characters that have a counterpart (0..1).
    pub char_share: f64,
}

/// Coverage of one edition.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Coverage {
    /// The edition's language.
    pub lang: Lang,
    /// The edition's id.
    pub edition: String,
    /// Number of body sentences.
    pub sentences: usize,
    /// Number of characters in body sentences.
    pub chars: usize,
    /// Number of boilerplate lines set aside.
    pub boilerplate: usize,
    /// Against each other edition.
    pub against: Vec<PairCoverage>,
}

/// Coverage and findings of a story.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Review {
    /// One entry per aligned edition.
    pub coverage: Vec<Coverage>,
    /// Findings, most severe first, then in reading order.
    pub findings: Vec<Finding>,
}

impl Review {
    /// The most severe finding's severity, if there is any finding.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}

/// A detected sentence language counts as a finding only when the detector is this sure and
/// the sentence is long enough to tell.
const FOREIGN_MIN_CONFIDENCE: f64 = 0.7;
const FOREIGN_MIN_CHARS: usize = 25;
/// Links scoring below this are reported as weak.
const WEAK_LINK: f64 = 0.5;

/// Reviews an aligned story.
pub fn review(
    editions: &[AnalyzedEdition],
    excluded: &[AnalyzedEdition],
    alignment: &StoryAlignment,
) -> Review {
    let mut findings = Vec::new();
    let loc = |e: usize, sentences: Vec<usize>| {
        let ed = &editions[e];
        Location {
            lang: ed.lang(),
            edition: ed.edition.id.clone(),
            spans: sentences
                .iter()
                .map(|&i| ed.sentences[i].sentence.span)
                .collect(),
            sentences,
        }
    };

    for (e, ed) in editions.iter().enumerate() {
        if let Some(declared) = ed.edition.declared.filter(|&d| d != ed.lang()) {
            findings.push(Finding {
                kind: FindingKind::DeclaredMismatch,
                severity: Severity::Warning,
                group: None,
                locations: vec![loc(e, Vec::new())],
                message: format!(
                    "{} is labelled {} but its text is {} ({})",
                    ed.edition.id, declared, ed.detection.code, ed.detection.evidence
                ),
            });
        }
    }
    for ed in excluded {
        findings.push(Finding {
            kind: FindingKind::OtherLanguage,
            severity: Severity::Error,
            group: None,
            locations: vec![Location {
                lang: Lang::Other,
                edition: ed.edition.id.clone(),
                sentences: Vec::new(),
                spans: Vec::new(),
            }],
            message: format!(
                "{} is in {} (not uk, en or ru) and was not aligned",
                ed.edition.id, ed.detection.code
            ),
        });
    }

    let n = editions.len();
    for (g, group) in alignment.groups.iter().enumerate() {
        let present: Vec<usize> = (0..n).filter(|&e| !group.members[e].is_empty()).collect();
        let absent: Vec<usize> = (0..n).filter(|&e| group.members[e].is_empty()).collect();
        let langs = |es: &[usize]| {
            es.iter()
                .map(|&e| editions[e].lang().code())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if present.len() == 1 && n > 1 {
            let e = present[0];
            findings.push(Finding {
                kind: FindingKind::OnlyIn,
                severity: Severity::Warning,
                group: Some(g),
                locations: vec![loc(e, group.members[e].clone())],
                message: format!(
                    "only in {}: no counterpart in {}",
                    editions[e].lang(),
                    langs(&absent)
                ),
            });
        } else if !absent.is_empty() {
            findings.push(Finding {
                kind: FindingKind::Missing,
                severity: Severity::Warning,
                group: Some(g),
                locations: present
                    .iter()
                    .map(|&e| loc(e, group.members[e].clone()))
                    .collect(),
                message: format!(
                    "missing in {}: present in {}",
                    langs(&absent),
                    langs(&present)
                ),
            });
        }
        if present.len() >= 2 {
            if let Some(f) = number_finding(editions, g, group, &present, &loc) {
                findings.push(f);
            }
            if group.score < WEAK_LINK {
                findings.push(Finding {
                    kind: FindingKind::WeakLink,
                    severity: Severity::Info,
                    group: Some(g),
                    locations: present
                        .iter()
                        .map(|&e| loc(e, group.members[e].clone()))
                        .collect(),
                    message: format!("weak link (score {:.2})", group.score),
                });
            }
        }
        for &e in &present {
            for &i in &group.members[e] {
                let s = &editions[e].sentences[i];
                let d = &s.detection;
                let chars = editions[e].sentence_text(i).chars().count();
                if d.lang != editions[e].lang()
                    && d.confidence >= FOREIGN_MIN_CONFIDENCE
                    && chars >= FOREIGN_MIN_CHARS
                {
                    findings.push(Finding {
                        kind: FindingKind::Untranslated,
                        severity: Severity::Warning,
                        group: Some(g),
                        locations: vec![loc(e, vec![i])],
                        message: format!(
                            "sentence in {} inside the {} edition",
                            d.code,
                            editions[e].lang()
                        ),
                    });
                }
            }
        }
    }
    for pair in &alignment.pairs {
        for b in pair
            .alignment
            .beads
            .iter()
            .filter(|b| b.moved && b.is_link())
        {
            findings.push(Finding {
                kind: FindingKind::Moved,
                severity: Severity::Info,
                group: None,
                locations: vec![
                    loc(pair.src, b.src.clone().collect()),
                    loc(pair.tgt, b.tgt.clone().collect()),
                ],
                message: format!(
                    "passage stands in another place in {} than in {}",
                    editions[pair.tgt].lang(),
                    editions[pair.src].lang()
                ),
            });
        }
    }
    findings.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.group.cmp(&b.group)));

    let coverage = coverage(editions, alignment);
    Review { coverage, findings }
}

fn number_finding(
    editions: &[AnalyzedEdition],
    g: usize,
    group: &crate::align::Group,
    present: &[usize],
    loc: &dyn Fn(usize, Vec<usize>) -> Location,
) -> Option<Finding> {
    let sets: Vec<Vec<Number>> = present
        .iter()
        .map(|&e| {
            let mut v: Vec<Number> = group.members[e]
                .iter()
                .flat_map(|&i| extract_numbers(editions[e].sentence_text(i)))
                .collect();
            v.sort();
            v.dedup();
            v
        })
        .collect();
    let first = &sets[0];
    if sets.iter().all(|s| s == first) {
        return None;
    }
    let shown: Vec<String> = present
        .iter()
        .zip(&sets)
        .map(|(&e, s)| {
            let vals: Vec<String> = s.iter().map(|n| n.to_string()).collect();
            format!(
                "{}: {}",
                editions[e].lang(),
                if vals.is_empty() {
                    "none".into()
                } else {
                    vals.join(" ")
                }
            )
        })
        .collect();
    Some(Finding {
        kind: FindingKind::NumberMismatch,
        severity: Severity::Warning,
        group: Some(g),
        locations: present
            .iter()
            .map(|&e| loc(e, group.members[e].clone()))
            .collect(),
        message: format!("numbers differ ({})", shown.join("; ")),
    })
}

fn coverage(editions: &[AnalyzedEdition], alignment: &StoryAlignment) -> Vec<Coverage> {
    let chars = |e: usize, i: usize| editions[e].sentence_text(i).chars().count();
    (0..editions.len())
        .map(|e| {
            let ed = &editions[e];
            let total_chars: usize = (0..ed.sentences.len()).map(|i| chars(e, i)).sum();
            let against = (0..editions.len())
                .filter(|&o| o != e)
                .map(|o| {
                    let mut linked = vec![false; ed.sentences.len()];
                    for p in &alignment.pairs {
                        let mine = if p.src == e && p.tgt == o {
                            |b: &crate::align::Bead| (b.src.clone(), b.tgt.is_empty())
                        } else if p.src == o && p.tgt == e {
                            |b: &crate::align::Bead| (b.tgt.clone(), b.src.is_empty())
                        } else {
                            continue;
                        };
                        for b in &p.alignment.beads {
                            let (range, other_empty) = mine(b);
                            if !other_empty {
                                for i in range {
                                    linked[i] = true;
                                }
                            }
                        }
                    }
                    let unmatched: Vec<usize> = (0..linked.len()).filter(|&i| !linked[i]).collect();
                    let unmatched_chars: usize = unmatched.iter().map(|&i| chars(e, i)).sum();
                    let share = |part: usize, whole: usize| {
                        if whole == 0 {
                            1.0
                        } else {
                            1.0 - part as f64 / whole as f64
                        }
                    };
                    PairCoverage {
                        against: editions[o].lang(),
                        sentence_share: share(unmatched.len(), linked.len()),
                        char_share: share(unmatched_chars, total_chars),
                        unmatched,
                        unmatched_chars,
                    }
                })
                .collect();
            Coverage {
                lang: ed.lang(),
                edition: ed.edition.id.clone(),
                sentences: ed.sentences.len(),
                chars: total_chars,
                boilerplate: ed.layout.boilerplate.len(),
                against,
            }
        })
        .collect()
}
