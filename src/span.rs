//! Half-open byte ranges into an edition's original text.
//!
//! The offset contract: every [`Span`] is a half-open range of byte offsets into the text of
//! an edition exactly as it was read (after UTF-8 validation, before anything else), and
//! `&text[span.range()]` is always valid. Normalised forms used for scoring live beside the
//! text and never change spans.
//!
//! ```
//! use edalign::Span;
//! let text = "Київ. Kyiv.";
//! let span = Span::new(0, 9);
//! assert_eq!(span.slice(text), "Київ.");
//! ```

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an edition's original text. Serialised as
/// `[start, end]`, the one span shape of every output.
///
/// ```
/// use edalign::Span;
/// assert_eq!(serde_json::to_string(&Span::new(3, 9)).unwrap(), "[3,9]");
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(from = "(usize, usize)", into = "(usize, usize)")]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. Panics in debug builds when `start > end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} > end {end}");
        Span { start, end }
    }

    /// The span as a `Range`, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text the span covers. Panics when the span is not on char boundaries of `text`,
    /// which the offset contract rules out for spans made by this crate.
    pub fn slice(self, text: &str) -> &str {
        &text[self.range()]
    }

    /// The span with leading and trailing white space of `text` removed (it may become empty).
    pub fn trim(self, text: &str) -> Span {
        let s = self.slice(text);
        let start = self.start + (s.len() - s.trim_start().len());
        let end = self.end - (s.len() - s.trim_end().len());
        if start >= end {
            Span::new(start, start)
        } else {
            Span::new(start, end)
        }
    }

    /// Whether `other` lies within this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<(usize, usize)> for Span {
    fn from((start, end): (usize, usize)) -> Span {
        // Read back from JSON: a reversed pair is empty rather than a panic.
        Span {
            start,
            end: end.max(start),
        }
    }
}

impl From<Span> for (usize, usize) {
    fn from(s: Span) -> (usize, usize) {
        (s.start, s.end)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// 1-based line number of byte offset `byte` in `text` (for error messages).
pub(crate) fn line_of(text: &[u8], byte: usize) -> u64 {
    1 + text[..byte.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_keeps_inner_text() {
        let t = "  Привіт, світ!\n";
        let s = Span::new(0, t.len()).trim(t);
        assert_eq!(s.slice(t), "Привіт, світ!");
    }

    #[test]
    fn trim_of_blank_is_empty() {
        let t = "   \n ";
        assert!(Span::new(0, t.len()).trim(t).is_empty());
    }

    #[test]
    fn line_numbers_count_from_one() {
        assert_eq!(line_of(b"a\nb\nc", 0), 1);
        assert_eq!(line_of(b"a\nb\nc", 2), 2);
        assert_eq!(line_of(b"a\nb\nc", 4), 3);
    }
}
