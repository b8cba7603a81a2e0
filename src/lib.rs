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
