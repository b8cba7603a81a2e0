//! Sentence segmentation for uk, en and ru, with byte spans into the original text.
//!
//! The segmenter works on the paragraphs that [`crate::clean`] found; a line break inside a
//! paragraph is a hard boundary. Within a line it starts from unicode-segmentation's UAX #29
//! sentence bounds (the `_bound_indices` form, which keeps every byte) and repairs them with
//! per-language rules.
//!
//! Partition contract: the sentences of a paragraph are in text order, do not overlap, each
//! is trimmed and non-empty, and the bytes between them are white space only. So the
//! sentences plus white space reproduce the paragraph exactly.

use crate::clean::Paragraph;
use crate::lang::Lang;
use crate::span::Span;
use abbrev::Table;
use serde::Serialize;

mod abbrev;
mod rules;

/// One sentence of an edition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// 0-based position among the edition's sentences.
    pub index: usize,
    /// 0-based index of the paragraph it belongs to.
    pub paragraph: usize,
    /// Its bytes in the edition's text (trimmed).
    pub span: Span,
}

/// Segments a whole text with no page clutter removed: paragraphs are blocks separated by
/// blank lines, a line break is a hard boundary. This is what `edalign segment` runs.
///
/// ```
/// use edalign::{segment::segment_text, Lang};
/// let text = "Перше речення. Друге речення!\n\nНовий абзац.";
/// let s: Vec<&str> = segment_text(text, Lang::Uk).iter().map(|s| s.span.slice(text)).collect();
/// assert_eq!(s, ["Перше речення.", "Друге речення!", "Новий абзац."]);
/// ```
pub fn segment_text(text: &str, lang: Lang) -> Vec<Sentence> {
    let layout = crate::clean::clean(
        text,
        crate::clean::CleanOptions {
            drop_boilerplate: false,
            line_paragraphs: false,
        },
    );
    Segmenter::new(lang).segment(text, &layout.paragraphs)
}

/// A sentence segmenter for one language. Immutable, cheap to clone and reusable; the
/// abbreviation tables are parsed once per process and shared.
#[derive(Clone, Debug)]
pub struct Segmenter {
    lang: Lang,
    table: &'static Table,
}

impl Segmenter {
    /// A segmenter with the rules of `lang` (`Other` uses language-neutral rules).
    pub fn new(lang: Lang) -> Segmenter {
        Segmenter {
            lang,
            table: Table::get(lang),
        }
    }

    /// The language whose rules this segmenter applies.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Segments the given paragraphs of `text` into sentences, numbered in order.
    pub fn segment(&self, text: &str, paragraphs: &[Paragraph]) -> Vec<Sentence> {
        let mut out = Vec::new();
        for (p, para) in paragraphs.iter().enumerate() {
            for line in &para.lines {
                let base = line.start;
                rules::split_line(self.lang, self.table, line.slice(text), |a, b| {
                    out.push(Sentence {
                        index: out.len(),
                        paragraph: p,
                        span: Span::new(base + a, base + b),
                    })
                });
            }
        }
        out
    }

    /// Splits one line (or any span with no hard boundary inside) into trimmed sentence spans.
    /// A line break inside the span is still treated as a hard boundary.
    pub fn split(&self, text: &str, line: Span) -> Vec<Span> {
        let mut out = Vec::new();
        rules::split_line(self.lang, self.table, line.slice(text), |a, b| {
            out.push(Span::new(line.start + a, line.start + b))
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::{CleanOptions, clean};

    fn sents(lang: Lang, text: &str) -> Vec<&str> {
        let layout = clean(
            text,
            CleanOptions {
                drop_boilerplate: false,
                line_paragraphs: false,
            },
        );
        let seg = Segmenter::new(lang);
        seg.segment(text, &layout.paragraphs)
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(
            sents(Lang::Uk, "Заяву зробив В. Зеленський. Він приїхав."),
            ["Заяву зробив В. Зеленський.", "Він приїхав."]
        );
    }

    #[test]
    fn line_breaks_are_hard_boundaries() {
        assert_eq!(
            sents(Lang::En, "Headline without stop\nBody one. Body two."),
            ["Headline without stop", "Body one.", "Body two."]
        );
    }
}
