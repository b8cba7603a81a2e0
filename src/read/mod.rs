//! Reading editions as they arrive: plain text in UTF-8 (with or without a byte-order
//! mark), UTF-16 with a byte-order mark, legacy Cyrillic encodings (Windows-1251, KOI8-U …)
//! when the bytes are not UTF-8; Word files (`.docx`); saved web pages (`.html`).
//!
//! [`read`] looks at the bytes, not only the file name: a Word file is a zip archive with
//! `word/document.xml`, a web page starts with markup, a PDF with `%PDF`. The result is the
//! edition's text (for a page or a Word file, its body as plain text, a paragraph a line
//! block) and a [`Source`] that says what was read and how it was decoded. Spans index that
//! text.

mod docx;
mod encoding;
mod html;

pub use encoding::decode;
pub use html::{HtmlText, html_text};

use crate::edition::{Edition, declared_from_name};
pub use crate::edition::{Source, SourceFormat};
use crate::error::{Error, ErrorKind, Result};
use crate::lang::Lang;
use std::path::Path;

/// Options of [`read`].
#[derive(Clone, Copy, Debug, Default)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Decode text with this encoding instead of detecting one (`--encoding`).
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

impl ReadOptions {
    /// Forces an encoding by its WHATWG label (`windows-1251`, `koi8-u`, `utf-16le` …).
    ///
    /// ```
    /// use edalign::read::ReadOptions;
    /// assert!(ReadOptions::default().with_encoding("cp1251").is_ok());
    /// assert!(ReadOptions::default().with_encoding("klingon").is_err());
    /// ```
    pub fn with_encoding(mut self, label: &str) -> Result<Self> {
        let enc = encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
            Error::config(format!(
                "unknown encoding {label:?} (use utf-8, utf-16le, utf-16be, windows-1251, koi8-u …)"
            ))
        })?;
        self.encoding = Some(enc);
        Ok(self)
    }
}

/// What the bytes are, by their first bytes and the file name.
fn sniff(name: &str, bytes: &[u8]) -> std::result::Result<SourceFormat, &'static str> {
    let lower = name.to_ascii_lowercase();
    if bytes.starts_with(b"%PDF") {
        return Err("a PDF file");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return if lower.ends_with(".docx") || docx::is_docx(bytes) {
            Ok(SourceFormat::Docx)
        } else {
            Err("a zip archive that is not a Word (.docx) file")
        };
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err("a Word 97–2003 (.doc) file; save it as .docx");
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err("an RTF file; save it as .docx or text");
    }
    if lower.ends_with(".html") || lower.ends_with(".htm") || looks_like_html(bytes) {
        return Ok(SourceFormat::Html);
    }
    Ok(SourceFormat::Text)
}

/// Whether text starts (after white space and a byte-order mark) like a web page.
fn looks_like_html(bytes: &[u8]) -> bool {
    let start: Vec<u8> = bytes
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b == 0xEF || **b == 0xBB || **b == 0xBF)
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    start.starts_with(b"<!doctype html") || start.starts_with(b"<html")
}

/// Reads one edition from its bytes: a name for messages (the file name), the language
/// the caller declares (else the file name's, else the file's own), and the bytes.
///
/// ```
/// use edalign::read::{read, ReadOptions, SourceFormat};
/// // Windows-1251 bytes of "Київ отримав нові автобуси." are read as Ukrainian text.
/// let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Київ отримав нові автобуси для міста.");
/// let e = read("uk.txt", None, bytes.into_owned(), ReadOptions::default()).unwrap();
/// assert_eq!(e.text, "Київ отримав нові автобуси для міста.");
/// assert_eq!(e.source.encoding, "windows-1251");
/// let err = read("report.txt", None, b"%PDF-1.7 ...".to_vec(), ReadOptions::default()).unwrap_err();
/// assert_eq!(err.to_string(), "report.txt: a PDF file: edalign reads text, .html and .docx");
/// ```
pub fn read(
    name: &str,
    declared: Option<Lang>,
    bytes: Vec<u8>,
    options: ReadOptions,
) -> Result<Edition> {
    let format = sniff(name, &bytes).map_err(|what| {
        Error::new(ErrorKind::Unreadable {
            path: name.to_string(),
            what: format!("{what}: edalign reads text, .html and .docx"),
        })
    })?;
    let declared = declared.or_else(|| declared_from_name(Path::new(name)));
    let (text, source) = match format {
        SourceFormat::Docx => (
            docx::docx_text(name, &bytes)?,
            Source {
                format,
                encoding: "UTF-8",
                declared: None,
            },
        ),
        SourceFormat::Html => {
            let (page, encoding) = html::decode_page(name, &bytes, options.encoding)?;
            let body = html_text(&page);
            (
                body.text,
                Source {
                    format,
                    encoding,
                    declared: body.declared,
                },
            )
        }
        _ => {
            let (text, encoding) = decode(name, &bytes, options.encoding)?;
            (
                text,
                Source {
                    format,
                    encoding,
                    declared: None,
                },
            )
        }
    };
    let mut e = Edition::new(name, declared.or(source.declared), text);
    e.source = source;
    Ok(e)
}

/// Reads an edition from a file (see [`read`]). A path that does not exist says so.
pub fn read_path(path: &Path, options: ReadOptions) -> Result<Edition> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    read(&path.display().to_string(), None, bytes, options)
}

/// Whether a file name is one [`read`] takes in a story folder: text, web pages, Word files.
pub fn is_edition_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|x| x.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "html" | "htm" | "docx")
    )
}
