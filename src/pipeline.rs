//! The whole job for one story: editions in, a reviewed alignment out.
//!
//! [`Pipeline::run`] takes the editions of one story, detects each one's language (and each
//! sentence's), separates page clutter from the body, segments the body into sentences,
//! aligns every pair of editions, groups the sentences across all editions and reviews the
//! result. The [`StoryReport`] it returns is what every output format renders. This is the
//! one module that calls every stage.

use crate::align::{Aligner, Side};
use crate::clean::{CleanOptions, Layout, clean};
use crate::detect::Detector;
use crate::edition::Edition;
use crate::error::{Error, ErrorKind, Position, Result};
use crate::lang::Lang;
use crate::model::{
    AnalyzedEdition, Finding, FindingKind, Location, SentenceInfo, Severity, Story, StoryReport,
};
use crate::review::review;
use crate::segment::{Segmenter, Sentence};

/// Builds a [`Pipeline`]. Every setter documents its default.
#[derive(Clone, Debug, Default)]
pub struct PipelineBuilder {
    aligner: Option<Aligner>,
    presegmented: bool,
    keep_boilerplate: bool,
    keep_order: bool,
}

impl PipelineBuilder {
    /// The aligner to use (default: `Aligner::default()`).
    pub fn aligner(&mut self, aligner: Aligner) -> &mut Self {
        self.aligner = Some(aligner);
        self
    }

    /// Input is one sentence a line: no clutter removal, no segmentation, every line
    /// (empty ones included) is a sentence (default `false`).
    pub fn presegmented(&mut self, yes: bool) -> &mut Self {
        self.presegmented = yes;
        self
    }

    /// Keep boilerplate lines in the body instead of setting them aside (default `false`).
    pub fn keep_boilerplate(&mut self, yes: bool) -> &mut Self {
        self.keep_boilerplate = yes;
        self
    }

    /// Keep the editions in the order given instead of sorting them uk, en, ru
    /// (default `false`).
    pub fn keep_order(&mut self, yes: bool) -> &mut Self {
        self.keep_order = yes;
        self
    }

    /// Builds the pipeline.
    pub fn build(&self) -> Result<Pipeline> {
        Ok(Pipeline {
            detector: Detector::new(),
            aligner: self.aligner.clone().unwrap_or_default(),
            presegmented: self.presegmented,
            keep_boilerplate: self.keep_boilerplate,
            keep_order: self.keep_order,
        })
    }
}

/// The configured pipeline. Immutable, `Send + Sync`, reusable across stories.
#[derive(Clone, Debug)]
pub struct Pipeline {
    detector: Detector,
    aligner: Aligner,
    presegmented: bool,
    keep_boilerplate: bool,
    keep_order: bool,
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        PipelineBuilder::default()
            .build()
            .expect("defaults are valid")
    }
}

impl Pipeline {
    /// A builder with the default settings.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The aligner the pipeline uses.
    pub fn aligner(&self) -> &Aligner {
        &self.aligner
    }

    /// The detector the pipeline uses.
    pub fn detector(&self) -> &Detector {
        &self.detector
    }

    /// Detects, cleans and segments one edition.
    pub fn analyze(&self, edition: Edition) -> Result<AnalyzedEdition> {
        let text = &edition.text;
        let layout = if self.presegmented {
            presegmented_layout(text)
        } else {
            clean(
                text,
                CleanOptions {
                    drop_boilerplate: !self.keep_boilerplate,
                    line_paragraphs: false,
                },
            )
        };
        let body_has_text = layout
            .paragraphs
            .iter()
            .any(|p| p.span.slice(text).chars().any(char::is_alphanumeric));
        if !body_has_text {
            return Err(Error::new(ErrorKind::EmptyEdition {
                pos: Position {
                    source: Some(edition.id.clone()),
                    ..Position::default()
                },
            }));
        }
        // The edition's language is read from its body only: clutter such as a language
        // switcher would mix the evidence.
        let body: String = layout
            .paragraphs
            .iter()
            .map(|p| p.span.slice(text))
            .collect::<Vec<_>>()
            .join("\n");
        let detection = self.detector.detect(&body);
        let sentences: Vec<Sentence> = if self.presegmented {
            layout
                .paragraphs
                .iter()
                .flat_map(|p| p.lines.iter())
                .enumerate()
                .map(|(i, &span)| Sentence {
                    index: i,
                    paragraph: 0,
                    span,
                })
                .collect()
        } else {
            Segmenter::new(detection.lang).segment(text, &layout.paragraphs)
        };
        let sentences = sentences
            .into_iter()
            .map(|sentence| SentenceInfo {
                detection: self.detector.detect(sentence.span.slice(text)),
                sentence,
            })
            .collect();
        Ok(AnalyzedEdition {
            edition,
            detection,
            layout,
            sentences,
        })
    }

    /// Runs the whole job on one story.
    pub fn run(&self, story: Story) -> Result<StoryReport> {
        let found = story.editions.len();
        if found < 2 {
            return Err(Error::new(ErrorKind::TooFewEditions {
                story: story.id,
                found,
            }));
        }
        if found > 3 {
            return Err(Error::new(ErrorKind::TooManyEditions {
                story: story.id,
                found,
                editions: story.editions.iter().map(|e| e.id.clone()).collect(),
            }));
        }
        let mut editions = Vec::with_capacity(found);
        let mut excluded = Vec::new();
        // An empty edition is reported and the others aligned, when two or more are left.
        // (id, declared language, error) of each empty edition.
        let mut empty: Vec<(String, Option<Lang>, Error)> = Vec::new();
        for e in story.editions {
            let (id, declared) = (e.id.clone(), e.declared);
            let a = match self.analyze(e) {
                Ok(a) => a,
                Err(err) if matches!(err.kind(), ErrorKind::EmptyEdition { .. }) => {
                    empty.push((id, declared, err));
                    continue;
                }
                Err(err) => return Err(err),
            };
            if a.lang() == Lang::Other {
                excluded.push(a);
            } else {
                editions.push(a);
            }
        }
        if editions.len() + excluded.len() < 2 && !empty.is_empty() {
            return Err(empty.swap_remove(0).2);
        }
        if !self.keep_order {
            editions.sort_by_key(|e| e.lang().rank());
        }
        for w in 0..editions.len() {
            for v in w + 1..editions.len() {
                if editions[w].lang() == editions[v].lang() {
                    return Err(Error::new(ErrorKind::DuplicateLanguage {
                        story: story.id,
                        lang: editions[w].lang().code().to_string(),
                    }));
                }
            }
        }
        if editions.len() < 2 {
            let names: Vec<String> = excluded
                .iter()
                .map(|e| format!("{} is {}", e.edition.id, e.detection.code))
                .collect();
            return Err(Error::parse(
                Position {
                    source: Some(story.id),
                    ..Position::default()
                },
                format!(
                    "fewer than two editions in uk, en or ru ({})",
                    names.join(", ")
                ),
            ));
        }
        let sides: Vec<Side> = editions.iter().map(AnalyzedEdition::side).collect();
        let alignment = self.aligner.align_story(&sides);
        let mut review = review(&editions, &excluded, &alignment);
        for (id, declared, err) in empty {
            review.findings.insert(
                0,
                Finding {
                    kind: FindingKind::EmptyEdition,
                    severity: Severity::Error,
                    group: None,
                    locations: vec![Location {
                        lang: declared.unwrap_or(Lang::Other),
                        edition: id,
                        sentences: Vec::new(),
                        spans: Vec::new(),
                    }],
                    items: Vec::new(),
                    message: format!("{err}; the other editions were aligned without it"),
                },
            );
        }
        Ok(StoryReport {
            id: story.id,
            editions,
            excluded,
            alignment,
            review,
        })
    }
}

/// One sentence a line: the text is one paragraph whose lines (empty ones included) are
/// the sentences, so that sentence indices are line numbers and no line break counts as a
/// paragraph boundary.
fn presegmented_layout(text: &str) -> Layout {
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let line = piece.trim_end_matches(['\n', '\r']);
        lines.push(crate::Span::new(start, start + line.len()));
        start += piece.len();
    }
    let mut layout = Layout::default();
    if let (Some(first), Some(last)) = (lines.first(), lines.last()) {
        layout.paragraphs.push(crate::clean::Paragraph {
            span: crate::Span::new(first.start, last.end),
            lines,
        });
    }
    layout
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presegmented_lines_are_sentences_of_one_paragraph() {
        let p = Pipeline::builder().presegmented(true).build().unwrap();
        let e = p
            .analyze(Edition::new(
                "a",
                None,
                "Перше речення.\nДруге.\n\nЧетверте.\n",
            ))
            .unwrap();
        let texts: Vec<&str> = (0..e.sentences.len()).map(|i| e.sentence_text(i)).collect();
        assert_eq!(texts, ["Перше речення.", "Друге.", "", "Четверте."]);
        assert!(e.sentences.iter().all(|s| s.sentence.paragraph == 0));
    }

    #[test]
    fn editions_are_ordered_uk_en_ru_whatever_the_input_order() {
        let story = Story {
            id: "s".into(),
            editions: vec![
                Edition::new("x", None, "Это новости о бюджете страны на следующий год."),
                Edition::new(
                    "y",
                    None,
                    "This is news about the country's budget for next year.",
                ),
                Edition::new("z", None, "Це новини про бюджет країни на наступний рік."),
            ],
        };
        let r = Pipeline::default().run(story).unwrap();
        let langs: Vec<Lang> = r.editions.iter().map(AnalyzedEdition::lang).collect();
        assert_eq!(langs, [Lang::Uk, Lang::En, Lang::Ru]);
    }
}
