//! Word files (`.docx`): a zip archive whose `word/document.xml` holds the body. Each
//! paragraph (`w:p`) becomes one block of text, blocks separated by a blank line, so that
//! the cleaner and the segmenter see the document's paragraphs.

use crate::error::{Error, ErrorKind, Result};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::{Cursor, Read};

/// Whether the zip archive holds a Word body.
pub(super) fn is_docx(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes)).is_ok_and(|z| {
        z.file_names()
            .any(|n| n.is_ok_and(|n| n == "word/document.xml"))
    })
}

/// The paragraphs of a Word file as text: a paragraph a block, runs joined, tabs kept,
/// line breaks inside a paragraph as spaces (a soft break is not a new paragraph).
pub(super) fn docx_text(name: &str, bytes: &[u8]) -> Result<String> {
    let bad = |what: String| {
        Error::new(ErrorKind::Unreadable {
            path: name.to_string(),
            what: format!("not a readable Word file: {what}"),
        })
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .map_err(|_| bad("no word/document.xml".into()))?
        .read_to_string(&mut xml)
        .map_err(|e| bad(e.to_string()))?;
    paragraphs(&xml).map_err(bad)
}

/// The text of `document.xml`, a paragraph a block.
fn paragraphs(xml: &str) -> std::result::Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Err(e) => {
                return Err(format!("bad XML at byte {}: {e}", reader.buffer_position()));
            }
            Ok(Event::Eof) => break,
            Ok(Event::Start(t)) => match t.name().as_ref() {
                "w:t" => in_text = true,
                "w:p" => current.clear(),
                _ => {}
            },
            Ok(Event::Empty(t)) => match t.name().as_ref() {
                "w:tab" => current.push('\t'),
                "w:br" | "w:cr" => current.push(' '),
                "w:p" => blocks.push(String::new()),
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                // Entity references come as events of their own; text holds none.
                current.push_str(&t.xml10_content());
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                // Entity references split text events (`&amp;`): resolve the predefined ones.
                let name = r.xml10_content();
                if let Some(c) = quick_xml::escape::resolve_predefined_entity(&name) {
                    current.push_str(c);
                } else if let Ok(Some(c)) = r.resolve_char_ref() {
                    current.push(c);
                }
            }
            Ok(Event::End(t)) => match t.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" => blocks.push(std::mem::take(&mut current)),
                _ => {}
            },
            Ok(_) => {}
        }
    }
    let blocks: Vec<&str> = blocks
        .iter()
        .map(|b| b.trim())
        .filter(|b| !b.is_empty())
        .collect();
    Ok(blocks.join("\n\n") + "\n")
}
