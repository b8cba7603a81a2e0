//! JSON output: one document per story (one line per story in batch mode, JSON Lines).
//!
//! Schema `edalign.story/2`. Every text carries its span: `[start, end]` byte offsets into
//! the edition's text as read, so `text == edition_text[start..end]`. Fields are only ever
//! added within a version; a change that removes or redefines a field bumps it.
//!
//! Version 2 (edalign 0.1, December 2026) writes the spans of `coverage` and `findings` as
//! `[start, end]` like every other span; version 1 wrote them `{"start": s, "end": e}`.
//!
//! Finding kinds and their severities:
//!
//! - `missing`: linked sentences of some editions have no counterpart in this one;
//! - `only_in`: sentences of one edition only; both warning when the aligner is sure (the
//!   one-sided beads score 0.8 or more), else info;
//! - `number_mismatch`, `date_mismatch`: amounts, counts, times or dates that differ once
//!   `1,5 млрд` = `1.5 billion` and `13 березня` = `13 March` are read as equal; warning
//!   when a value stands in place of another, info when some editions have none;
//! - `name_mismatch`: warning for a run of two or more capitalised words in one edition
//!   only (a person's name); info for a single word, often a translated place name;
//! - `untranslated` (warning): a sentence in another language than its edition;
//! - `length_outlier`: info from 2.5×, warning from 4× the pair's usual length ratio (a
//!   partial translation);
//! - `unbalanced` (info): quotes or brackets that close in one edition but not another;
//! - `weak_link` (info), `moved` (info), `declared_mismatch` (warning),
//!   `other_language` (error).
//!
//! ```text
//! {
//!   "schema": "edalign.story/2",        // name and version of this schema
//!   "id": "france-nato-call",           // the story: folder name or batch id
//!   "editions": [                       // aligned editions, in the order uk, en, ru
//!     {
//!       "id": "corpora/x/uk.txt",       // file name or batch key
//!       "lang": "uk",                   // detected language
//!       "declared": "uk" | null,        // what the file name, record or page claimed
//!       "source": {"format": "text" | "html" | "docx",   // what was read (fields added
//!                  "encoding": "UTF-8",                  // in 2, December 2026): the
//!                  "declared": "uk" | null},             // encoding, the page's lang
//!       "detection": {"lang", "code", "confidence", "evidence"},
//!       "boilerplate": [{"kind": "byline", "span": [s, e], "text": "..."}],
//!       "paragraphs": [[s, e], ...],    // body paragraphs
//!       "sentences": [                  // body sentences, index = position in this list
//!         {"index": 0, "paragraph": 0, "span": [s, e], "text": "...",
//!          "lang": "uk", "lang_confidence": 0.97}
//!       ]
//!     }
//!   ],
//!   "excluded": [{"id", "lang": "other", "code": "be", "confidence"}],  // not aligned
//!   "pairs": [                          // every pair of aligned editions
//!     {"pair": "uk-en", "src": 0, "tgt": 1,   // src/tgt: indices into "editions"
//!      "beads": [{"src": [0], "tgt": [0], "score": 0.93, "moved": false}]}
//!   ],
//!   "groups": [                         // sentences that correspond across all editions
//!     {"index": 0, "score": 0.93,       // score: weakest link holding the group
//!      "members": {"uk": [0], "en": [0], "ru": [0]}}   // sentence indices per language
//!   ],
//!   "coverage": [                       // per edition, against each other edition
//!     {"lang": "en", "edition": "...", "sentences": 12, "chars": 1400, "boilerplate": 4,
//!      "against": [{"against": "uk",            // the other edition
//!                   "unmatched": [3],            // sentences with no counterpart there
//!                   "unmatched_spans": [[s, e]],   // their spans
//!                   "unmatched_paragraphs": [    // paragraphs left out whole
//!                     {"paragraph": 2, "sentences": [3, 4], "span": [s, e]}],
//!                   "moved": [7, 8],             // sentences linked out of order
//!                   "unmatched_chars": 80,       // characters in unmatched sentences
//!                   "sentence_share": 0.92,      // share of sentences with a counterpart
//!                   "char_share": 0.94}]}        // share of characters with a counterpart
//!   ],
//!   "findings": [                       // most severe first
//!     {"kind": "missing" | "only_in" | "number_mismatch" | "date_mismatch"
//!              | "name_mismatch" | "unbalanced" | "untranslated"
//!              | "declared_mismatch" | "other_language" | "length_outlier"
//!              | "weak_link" | "moved",
//!      "severity": "info" | "warning" | "error",
//!      "group": 3 | null,               // index into "groups"
//!      "message": "...",
//!      "locations": [{"lang": "uk", "edition": "...", "sentences": [3],
//!                     "spans": [[s, e]]}],
//!      "items": [                       // the differing values (numbers, dates, names;
//!                                       // untranslated: the sentence, value = its language)
//!        {"lang": "en", "text": "20", "value": "20", "span": [s, e]}]}
//!   ]
//! }
//! ```

use crate::align::Bead;
use crate::model::{AnalyzedEdition, StoryReport};
use crate::review::{Coverage, Finding};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// The schema name and version written in every document.
pub const SCHEMA: &str = "edalign.story/2";

#[derive(Serialize)]
struct Doc<'a> {
    schema: &'static str,
    id: &'a str,
    editions: Vec<EditionDoc<'a>>,
    excluded: Vec<ExcludedDoc<'a>>,
    pairs: Vec<PairDoc>,
    groups: Vec<GroupDoc>,
    coverage: &'a [Coverage],
    findings: &'a [Finding],
}

#[derive(Serialize)]
struct EditionDoc<'a> {
    id: &'a str,
    lang: &'static str,
    declared: Option<&'static str>,
    source: SourceDoc,
    detection: &'a crate::detect::Detection,
    boilerplate: Vec<BoilerplateDoc<'a>>,
    paragraphs: Vec<[usize; 2]>,
    sentences: Vec<SentenceDoc<'a>>,
}

#[derive(Serialize)]
struct SourceDoc {
    format: &'static str,
    encoding: &'static str,
    declared: Option<&'static str>,
}

#[derive(Serialize)]
struct BoilerplateDoc<'a> {
    kind: &'static str,
    span: [usize; 2],
    text: &'a str,
}

#[derive(Serialize)]
struct SentenceDoc<'a> {
    index: usize,
    paragraph: usize,
    span: [usize; 2],
    text: &'a str,
    lang: &'static str,
    lang_confidence: f64,
}

#[derive(Serialize)]
struct ExcludedDoc<'a> {
    id: &'a str,
    lang: &'static str,
    code: &'static str,
    confidence: f64,
}

#[derive(Serialize)]
struct PairDoc {
    pair: String,
    src: usize,
    tgt: usize,
    beads: Vec<BeadDoc>,
}

#[derive(Serialize)]
struct BeadDoc {
    src: Vec<usize>,
    tgt: Vec<usize>,
    score: f64,
    moved: bool,
}

#[derive(Serialize)]
struct GroupDoc {
    index: usize,
    score: f64,
    members: BTreeMap<&'static str, Vec<usize>>,
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn edition_doc(e: &AnalyzedEdition) -> EditionDoc<'_> {
    let text = &e.edition.text;
    EditionDoc {
        id: &e.edition.id,
        lang: e.lang().code(),
        declared: e.edition.declared.map(|l| l.code()),
        source: SourceDoc {
            format: e.edition.source.format.name(),
            encoding: e.edition.source.encoding,
            declared: e.edition.source.declared.map(|l| l.code()),
        },
        detection: &e.detection,
        boilerplate: e
            .layout
            .boilerplate
            .iter()
            .map(|b| BoilerplateDoc {
                kind: b.kind.name(),
                span: [b.span.start, b.span.end],
                text: b.span.slice(text),
            })
            .collect(),
        paragraphs: e
            .layout
            .paragraphs
            .iter()
            .map(|p| [p.span.start, p.span.end])
            .collect(),
        sentences: e
            .sentences
            .iter()
            .map(|s| SentenceDoc {
                index: s.sentence.index,
                paragraph: s.sentence.paragraph,
                span: [s.sentence.span.start, s.sentence.span.end],
                text: s.sentence.span.slice(text),
                lang: s.detection.code,
                lang_confidence: round(s.detection.confidence),
            })
            .collect(),
    }
}

fn bead_doc(b: &Bead) -> BeadDoc {
    BeadDoc {
        src: b.src.clone().collect(),
        tgt: b.tgt.clone().collect(),
        score: round(b.score),
        moved: b.moved,
    }
}

/// The report as a `serde_json::Value` (the schema above).
pub fn to_value(report: &StoryReport) -> serde_json::Value {
    let doc = Doc {
        schema: SCHEMA,
        id: &report.id,
        editions: report.editions.iter().map(edition_doc).collect(),
        excluded: report
            .excluded
            .iter()
            .map(|e| ExcludedDoc {
                id: &e.edition.id,
                lang: e.lang().code(),
                code: e.detection.code,
                confidence: round(e.detection.confidence),
            })
            .collect(),
        pairs: report
            .alignment
            .pairs
            .iter()
            .map(|p| PairDoc {
                pair: super::pair_name(
                    report.editions[p.src].lang(),
                    report.editions[p.tgt].lang(),
                ),
                src: p.src,
                tgt: p.tgt,
                beads: p.alignment.beads.iter().map(bead_doc).collect(),
            })
            .collect(),
        groups: report
            .alignment
            .groups
            .iter()
            .enumerate()
            .map(|(index, g)| GroupDoc {
                index,
                score: round(g.score),
                members: g
                    .members
                    .iter()
                    .enumerate()
                    .map(|(e, m)| (report.editions[e].lang().code(), m.clone()))
                    .collect(),
            })
            .collect(),
        coverage: &report.review.coverage,
        findings: &report.review.findings,
    };
    serde_json::to_value(&doc).expect("the report serialises")
}

/// Writes the report as one pretty-printed JSON document.
pub fn write(w: &mut dyn Write, report: &StoryReport) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &to_value(report))?;
    writeln!(w)
}

/// Writes the report as one line (JSON Lines, for batches).
pub fn write_line(w: &mut dyn Write, report: &StoryReport) -> io::Result<()> {
    serde_json::to_writer(&mut *w, &to_value(report))?;
    writeln!(w)
}
