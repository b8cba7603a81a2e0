//! One edition of a story: its text exactly as read, and what was declared about it.

use crate::error::{Error, ErrorKind, Position, Result};
use crate::lang::Lang;
use crate::span::line_of;
use serde::Serialize;
use std::path::Path;

/// One language edition of a story, as read.
///
/// `text` is the original text (valid UTF-8, nothing else changed: no BOM stripping, no
/// line-ending conversion), so that every span the crate makes indexes into it. For a
/// file in another encoding it is the decoded text; for a web page or a Word file, the
/// body as plain text ([`crate::read`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Edition {
    /// A name for the edition: the file name (`uk.txt`), or the key in a JSON record.
    pub id: String,
    /// The language someone claimed for it (a file name, a `--lang` option, a JSON field).
    /// edalign never trusts it: it is checked against the detected language.
    pub declared: Option<Lang>,
    /// The text as read.
    pub text: String,
    /// What the text was read from and how it was decoded.
    pub source: Source,
}

/// What kind of file an edition came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SourceFormat {
    /// Plain text.
    #[default]
    Text,
    /// A web page: its article body was extracted.
    Html,
    /// A Word document: its paragraphs in order.
    Docx,
}

impl SourceFormat {
    /// The name written in reports: `text`, `html`, `docx`.
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Html => "html",
            SourceFormat::Docx => "docx",
        }
    }
}

/// How an edition was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Source {
    /// The kind of file.
    pub format: SourceFormat,
    /// The character encoding the bytes were decoded from (`UTF-8`, `UTF-16LE`,
    /// `windows-1251`, `KOI8-U` …).
    pub encoding: &'static str,
    /// The language the file itself declares (`<html lang>`, `og:locale`), if any: checked
    /// against the text like a file name.
    pub declared: Option<Lang>,
}

impl Default for Source {
    fn default() -> Self {
        Source {
            format: SourceFormat::Text,
            encoding: "UTF-8",
            declared: None,
        }
    }
}

impl Edition {
    /// An edition from text that is already a `String`.
    pub fn new(id: impl Into<String>, declared: Option<Lang>, text: impl Into<String>) -> Edition {
        Edition {
            id: id.into(),
            declared,
            text: text.into(),
            source: Source::default(),
        }
    }

    /// Validates `bytes` as UTF-8. Invalid input gives [`ErrorKind::InvalidUtf8`] naming the
    /// edition, the byte offset of the first bad byte and its line.
    ///
    /// ```
    /// use edalign::Edition;
    /// let err = Edition::from_bytes("uk.txt", None, b"ok\n\xff".to_vec()).unwrap_err();
    /// assert_eq!(err.to_string(), "uk.txt: invalid UTF-8 at byte 3 (line 2)");
    /// ```
    pub fn from_bytes(
        id: impl Into<String>,
        declared: Option<Lang>,
        bytes: Vec<u8>,
    ) -> Result<Edition> {
        let id = id.into();
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Edition::new(id, declared, text)),
            Err(e) => {
                let byte = e.utf8_error().valid_up_to();
                let line = line_of(e.as_bytes(), byte);
                Err(Error::new(ErrorKind::InvalidUtf8 {
                    pos: Position {
                        source: Some(id),
                        line: Some(line),
                        byte: Some(byte as u64),
                    },
                }))
            }
        }
    }

    /// Reads an edition from a UTF-8 text file. The declared language is taken from the
    /// file stem when it is a language code (`uk.txt`, `story.ru.txt`), only so that it can
    /// be checked. For files as they arrive (other encodings, web pages, Word files) use
    /// [`crate::read::read_path`], as the command line does.
    pub fn from_path(path: &Path) -> Result<Edition> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let declared = declared_from_name(path);
        Edition::from_bytes(path.display().to_string(), declared, bytes)
    }
}

/// The language a file name claims: `uk.txt`, `en.txt`, `story.ru.txt`, `ua.txt`.
pub fn declared_from_name(path: &Path) -> Option<Lang> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(".txt").unwrap_or(name);
    let last = stem.rsplit(['.', '_', '-']).next()?;
    Lang::from_code(last).filter(|l| *l != Lang::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_language_comes_from_the_stem() {
        assert_eq!(declared_from_name(Path::new("a/uk.txt")), Some(Lang::Uk));
        assert_eq!(
            declared_from_name(Path::new("story.ru.txt")),
            Some(Lang::Ru)
        );
        assert_eq!(
            declared_from_name(Path::new("story_en.txt")),
            Some(Lang::En)
        );
        assert_eq!(declared_from_name(Path::new("story.txt")), None);
    }

    #[test]
    fn invalid_utf8_names_the_byte() {
        let e = Edition::from_bytes("ru.txt", None, "абв\n\nгд".bytes().chain([0xC0]).collect())
            .unwrap_err();
        assert_eq!(e.to_string(), "ru.txt: invalid UTF-8 at byte 12 (line 3)");
    }
}
