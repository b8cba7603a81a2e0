//! The data model: what the pipeline makes of a story and every output format renders.
//!
//! The types here depend on no stage's code, only on the plain types the stages produce
//! (spans, detections, sentences, alignments); the stages below never look up to them
//! except the review, which reads [`AnalyzedEdition`]s and writes a [`Review`]. The
//! [`pipeline`](crate::pipeline) fills a [`StoryReport`]; the formats read one.

use crate::align::{Side, StoryAlignment};
use crate::clean::Layout;
use crate::detect::Detection;
use crate::edition::Edition;
use crate::lang::Lang;
use crate::segment::Sentence;
use crate::span::Span;
use serde::Serialize;

/// The editions of one story.
#[derive(Clone, Debug)]
pub struct Story {
    /// A name for the story: its folder, or the `id` of a batch record.
    pub id: String,
    /// Its editions, in any order.
    pub editions: Vec<Edition>,
}

/// One sentence with its own detected language.
#[derive(Clone, Debug, Serialize)]
#[non_exhaustive]
pub struct SentenceInfo {
    /// Position, paragraph and span.
    #[serde(flatten)]
    pub sentence: Sentence,
    /// The sentence's own language.
    pub detection: Detection,
}

/// An edition after detection, cleaning and segmentation.
#[derive(Clone, Debug, Serialize)]
#[non_exhaustive]
pub struct AnalyzedEdition {
    /// The edition as read.
    #[serde(skip)]
    pub edition: Edition,
    /// Its detected language.
    pub detection: Detection,
    /// Body paragraphs and boilerplate.
    pub layout: Layout,
    /// The body's sentences.
    pub sentences: Vec<SentenceInfo>,
}

impl AnalyzedEdition {
    /// The detected language.
    pub fn lang(&self) -> Lang {
        self.detection.lang
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences[i].sentence.span.slice(&self.edition.text)
    }

    /// The edition as one side of an alignment: its language, sentences and paragraphs.
    pub fn side(&self) -> Side<'_> {
        Side::new(
            self.lang(),
            (0..self.sentences.len())
                .map(|i| self.sentence_text(i))
                .collect(),
        )
        .with_paragraphs(
            self.sentences
                .iter()
                .map(|s| s.sentence.paragraph)
                .collect(),
        )
    }
}

/// Everything edalign found out about one story.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct StoryReport {
    /// The story's id.
    pub id: String,
    /// The aligned editions, in the order uk, en, ru (those present).
    pub editions: Vec<AnalyzedEdition>,
    /// Editions that were not aligned because they are in another language.
    pub excluded: Vec<AnalyzedEdition>,
    /// Pairwise alignments and cross-edition groups (indices into `editions`).
    pub alignment: StoryAlignment,
    /// Coverage and findings.
    pub review: Review,
}

impl StoryReport {
    /// A report from its parts, as the pipeline makes one or a caller rebuilds one (after
    /// correcting the alignment, [`review`](crate::review::review) the editions again).
    pub fn new(
        id: impl Into<String>,
        editions: Vec<AnalyzedEdition>,
        excluded: Vec<AnalyzedEdition>,
        alignment: StoryAlignment,
        review: Review,
    ) -> StoryReport {
        StoryReport {
            id: id.into(),
            editions,
            excluded,
            alignment,
            review,
        }
    }
}

// ---------------------------------------------------------------------------------------
// The review's findings and coverage.

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
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
#[non_exhaustive]
pub enum FindingKind {
    /// Sentences present in some editions have no counterpart in this one.
    Missing,
    /// Sentences present in one edition only (added there, or dropped by all others).
    OnlyIn,
    /// Linked sentences carry different numbers (amounts, counts, times).
    NumberMismatch,
    /// Linked sentences carry different dates (day and month).
    DateMismatch,
    /// A proper name in linked sentences of one edition that the others do not carry.
    NameMismatch,
    /// Quotes or brackets open and close in one edition's sentences but not in another's.
    Unbalanced,
    /// A sentence is in another language than its edition.
    Untranslated,
    /// A file's declared language (its name, a label) disagrees with its text.
    DeclaredMismatch,
    /// An edition is in a language edalign does not align; it was set aside.
    OtherLanguage,
    /// An edition holds no text (nothing but white space or page clutter); the others were
    /// aligned without it.
    EmptyEdition,
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
            FindingKind::DateMismatch => "date_mismatch",
            FindingKind::NameMismatch => "name_mismatch",
            FindingKind::Unbalanced => "unbalanced",
            FindingKind::Untranslated => "untranslated",
            FindingKind::DeclaredMismatch => "declared_mismatch",
            FindingKind::OtherLanguage => "other_language",
            FindingKind::EmptyEdition => "empty_edition",
            FindingKind::LengthOutlier => "length_outlier",
            FindingKind::WeakLink => "weak_link",
            FindingKind::Moved => "moved",
        }
    }
}

/// Sentences of one edition that a finding is about.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
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
#[non_exhaustive]
pub struct Finding {
    /// What kind of problem.
    pub kind: FindingKind,
    /// How serious.
    pub severity: Severity,
    /// Index of the group (see [`StoryAlignment::groups`]) the finding is about, if any.
    pub group: Option<usize>,
    /// Where, in every edition involved.
    pub locations: Vec<Location>,
    /// The values that differ (numbers, dates, names; for `untranslated` the sentence, its
    /// value the detected language code), each with its edition and span; empty for other
    /// kinds.
    pub items: Vec<Item>,
    /// A one-line explanation.
    pub message: String,
}

/// One value a finding is about: a number, a date or a name as written in one edition.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Item {
    /// The edition's language.
    pub lang: Lang,
    /// The value as written.
    pub text: String,
    /// The normalised value (`1500000000`, `03-13`, `18:40`; for names the text).
    pub value: String,
    /// Where it is in the edition's text.
    pub span: Span,
}

/// A paragraph of one edition none of whose sentences has a counterpart in another.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ParagraphGap {
    /// Paragraph index in the edition's body.
    pub paragraph: usize,
    /// Its sentences.
    pub sentences: Vec<usize>,
    /// The paragraph's span.
    pub span: Span,
}

/// Coverage of one edition against another.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PairCoverage {
    /// The other edition's language.
    pub against: Lang,
    /// Sentences of this edition with no counterpart in the other.
    pub unmatched: Vec<usize>,
    /// The spans of those sentences.
    pub unmatched_spans: Vec<Span>,
    /// Paragraphs of this edition left out whole by the other (added here or dropped there).
    pub unmatched_paragraphs: Vec<ParagraphGap>,
    /// Sentences of this edition linked to the other out of order (moved passages).
    pub moved: Vec<usize>,
    /// Characters in those sentences.
    pub unmatched_chars: usize,
    /// Share of this edition's sentences that have a counterpart (0..1).
    pub sentence_share: f64,
    /// Share of this edition's characters that have a counterpart (0..1).
    pub char_share: f64,
}

/// Coverage of one edition.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
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
#[non_exhaustive]
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
