//! The one error type of the crate.
//!
//! Every error names the place it comes from where there is one: the file (or story id),
//! the 1-based line and the 0-based byte offset. Messages are lower-case and precise, in
//! the form `uk.txt: invalid UTF-8 at byte 1873 (line 12)`.

use std::fmt;
use std::path::PathBuf;

/// A specialised `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The error of every fallible operation in edalign.
///
/// It is a box around [`ErrorKind`] so that `Result<T>` stays one word wide on the happy path.
#[derive(Debug)]
pub struct Error {
    kind: Box<ErrorKind>,
}

/// Where an error happened: a file or story, and optionally a line and byte in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Position {
    /// The file or story the error is about (a path, or a story id in batch mode).
    pub source: Option<String>,
    /// 1-based line number, where known.
    pub line: Option<u64>,
    /// 0-based byte offset, where known.
    pub byte: Option<u64>,
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing a file failed.
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        err: std::io::Error,
    },
    /// The bytes of an edition are not valid UTF-8.
    InvalidUtf8 {
        /// Where the first invalid byte is.
        pos: Position,
    },
    /// An edition holds no text (nothing but white space or page clutter).
    EmptyEdition {
        /// Which edition.
        pos: Position,
    },
    /// A story needs at least two editions.
    TooFewEditions {
        /// The story (a folder, or a batch id).
        story: String,
        /// How many editions were found.
        found: usize,
    },
    /// A story has more editions than edalign aligns.
    TooManyEditions {
        /// The story.
        story: String,
        /// How many editions were given.
        found: usize,
        /// Their names (file names), so that a stray file can be found.
        editions: Vec<String>,
    },
    /// A folder holds no edition files.
    NoEditions {
        /// The folder.
        path: PathBuf,
    },
    /// Two editions of one story are in the same language.
    DuplicateLanguage {
        /// The story.
        story: String,
        /// The language code both editions were detected as.
        lang: String,
    },
    /// Malformed input record (JSON Lines and the like).
    Parse {
        /// Where.
        pos: Position,
        /// What is wrong, in lower case.
        msg: String,
    },
    /// An edition's file is of a kind edalign does not read (a PDF, a `.doc`), or a Word
    /// file that cannot be opened.
    Unreadable {
        /// The file.
        path: String,
        /// What it is or what is wrong, in lower case.
        what: String,
    },
    /// A configuration value is out of range or inconsistent.
    Config {
        /// What is wrong, in lower case.
        msg: String,
    },
}

impl Error {
    /// Builds an error from its kind.
    pub fn new(kind: ErrorKind) -> Error {
        Error {
            kind: Box::new(kind),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, err: std::io::Error) -> Error {
        Error::new(ErrorKind::Io {
            path: path.into(),
            err,
        })
    }

    /// A configuration error.
    pub fn config(msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Config { msg: msg.into() })
    }

    /// A parse error at `pos`.
    pub fn parse(pos: Position, msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Parse {
            pos,
            msg: msg.into(),
        })
    }

    /// Returns the same error with its source (file name or story id) set, where the error
    /// has a position that does not name one yet.
    pub fn with_source(mut self, source: &str) -> Error {
        match &mut *self.kind {
            ErrorKind::InvalidUtf8 { pos }
            | ErrorKind::EmptyEdition { pos }
            | ErrorKind::Parse { pos, .. }
                if pos.source.is_none() =>
            {
                pos.source = Some(source.to_string());
            }
            _ => {}
        }
        self
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.source.as_deref().unwrap_or("<input>"))
    }
}

/// Formats ` at byte B (line L)` / ` at line L` or nothing, as the position allows.
fn place(pos: &Position) -> String {
    match (pos.byte, pos.line) {
        (Some(b), Some(l)) => format!(" at byte {b} (line {l})"),
        (Some(b), None) => format!(" at byte {b}"),
        (None, Some(l)) => format!(" at line {l}"),
        (None, None) => String::new(),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.kind {
            ErrorKind::Io { path, err } => write!(f, "{}: {}", path.display(), lower(err)),
            ErrorKind::InvalidUtf8 { pos } => write!(f, "{pos}: invalid UTF-8{}", place(pos)),
            ErrorKind::EmptyEdition { pos } => {
                write!(f, "{pos}: empty edition (no text after page clutter)")
            }
            ErrorKind::TooFewEditions { story, found } => write!(
                f,
                "{story}: {found} edition(s) found, at least two are needed"
            ),
            ErrorKind::TooManyEditions {
                story,
                found,
                editions,
            } => write!(
                f,
                "{story}: {found} editions given ({}), at most three (uk, en, ru) are aligned",
                editions.join(", ")
            ),
            ErrorKind::NoEditions { path } => write!(
                f,
                "{}: no edition files (expected *.txt, *.html or *.docx such as uk.txt, en.html, ru.docx)",
                path.display()
            ),
            ErrorKind::DuplicateLanguage { story, lang } => write!(
                f,
                "{story}: two editions are both detected as {lang}; one story needs editions in different languages"
            ),
            ErrorKind::Parse { pos, msg } => write!(f, "{pos}: {msg}{}", place(pos)),
            ErrorKind::Unreadable { path, what } => write!(f, "{path}: {what}"),
            ErrorKind::Config { msg } => write!(f, "invalid configuration: {msg}"),
        }
    }
}

/// std's io messages start with a capital ("No such file or directory"); ours are lower-case.
fn lower(err: &std::io::Error) -> String {
    let s = err.to_string();
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => s,
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.kind {
            ErrorKind::Io { err, .. } => Some(err),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_message_names_file_byte_and_line() {
        let e = Error::new(ErrorKind::InvalidUtf8 {
            pos: Position {
                source: Some("uk.txt".into()),
                line: Some(12),
                byte: Some(1873),
            },
        });
        assert_eq!(
            e.to_string(),
            "uk.txt: invalid UTF-8 at byte 1873 (line 12)"
        );
    }

    #[test]
    fn io_message_is_lower_case() {
        let e = Error::io(
            "x/uk.txt",
            std::io::Error::new(std::io::ErrorKind::NotFound, "No such file"),
        );
        assert_eq!(e.to_string(), "x/uk.txt: no such file");
    }
}
