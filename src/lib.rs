//! # edalign — align the language editions of a news story
//!
//! Newsrooms publish one story in Ukrainian, English and Russian editions, and the editions
//! drift: one is abridged, a paragraph is added, a quote is left untranslated, a number
//! changes. edalign reads the editions of one story, identifies each edition's and each
//! sentence's language, splits them into paragraphs and sentences, pairs the corresponding
//! sentences across all three languages and reviews the result.
//!
//! ## The pipeline
//!
//! ```text
//! bytes ──Edition::from_bytes──▶ Edition { id, declared, text }
//! text  ──clean──▶ body paragraphs + boilerplate spans (switcher, byline, caption, "Read also")
//! text  ──detect──▶ Detection { lang, code, confidence, evidence }   (edition and sentence)
//! text  ──segment──▶ Vec<Sentence { index, paragraph, span }>
//! sides ──align──▶ beads per pair, groups across the editions
//! ```
//!
//! ## A tour: read, align, review, write
//!
//! ```
//! use edalign::format::{self, Format, WriteOptions};
//! use edalign::review::Severity;
//! use edalign::{Edition, Lang, Pipeline, Story};
//!
//! // Read: bytes as they come (a file, a request body); bad UTF-8 is an error that names
//! // the file, the byte and the line. The declared language is checked, never trusted.
//! let uk = Edition::from_bytes("uk.txt", Some(Lang::Uk), "Рада ухвалила бюджет на 2025 рік. Витрати на оборону зростуть до 28%.".into())?;
//! let en = Edition::from_bytes("en.txt", None, "Parliament adopted the 2025 budget. Defence spending will rise to 23%.".into())?;
//! let ru = Edition::new("ru.txt", None, "Рада приняла бюджет на 2025 год. Расходы на оборону вырастут до 28%.");
//!
//! // Align: detection, clutter, segmentation, the three pairs and the groups across them.
//! let report = Pipeline::default().run(Story { id: "budget".into(), editions: vec![uk, en, ru] })?;
//! let group = &report.alignment.groups[1];
//! for (e, ed) in report.editions.iter().enumerate() {
//!     let text: Vec<&str> = group.members[e].iter().map(|&i| ed.sentence_text(i)).collect();
//!     println!("{}: {}", ed.lang(), text.join(" "));
//! }
//!
//! // Review: the number one edition changed is a warning that names all three values.
//! let warning = report.review.findings.iter().find(|f| f.severity >= Severity::Warning).unwrap();
//! assert_eq!(warning.message, "numbers differ (uk: 28; en: 23; ru: 28)");
//!
//! // Write: any format to any `io::Write`.
//! let mut json = Vec::new();
//! format::write(Format::Json, &report, &mut json, &WriteOptions::default())?;
//! assert!(json.starts_with(b"{"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The layers point one way (`tests/layers.rs` checks it): [`span`], [`lang`], [`error`]
//! and [`edition`] at the bottom; the [`lexical`] readings of numbers and names; the stages
//! [`clean`], [`detect`], [`segment`] and [`align`]; the data [`model`]; the [`review`]; the
//! [`pipeline`] that runs them all; the output [`format`](mod@format)s on top.
//!
//! ## The offset contract
//!
//! Every [`Span`] is a half-open range of byte offsets into the edition's original text as
//! read; `&text[span.range()]` is always valid. Normalised forms used for scoring live beside
//! the text and never change spans.

#![deny(missing_docs)]

pub mod align;
pub mod clean;
pub mod detect;
pub mod edition;
pub mod error;
pub mod format;
pub mod lang;
pub mod lexical;
pub mod model;
pub mod pipeline;
pub mod read;
pub mod review;
pub mod segment;
pub mod span;

pub use align::Aligner;
pub use edition::Edition;
pub use error::{Error, ErrorKind, Position, Result};
pub use lang::Lang;
pub use model::{AnalyzedEdition, Story, StoryReport};
pub use pipeline::{Pipeline, PipelineBuilder};
pub use span::Span;

/// The README's examples, compiled and run as doc tests so that they stay true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
