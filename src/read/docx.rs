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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal Word file holding these paragraphs (each paragraph's runs given apart).
    pub(crate) fn docx(paragraphs: &[&[&str]]) -> Vec<u8> {
        let mut body = String::new();
        for runs in paragraphs {
            body.push_str("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>");
            for r in *runs {
                body.push_str(&format!(
                    "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                    quick_xml::escape::escape(*r)
                ));
            }
            body.push_str("</w:p>");
        }
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
        );
        let mut buf = Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("[Content_Types].xml", opts).unwrap();
        z.write_all(b"<Types/>").unwrap();
        z.start_file("word/document.xml", opts).unwrap();
        z.write_all(xml.as_bytes()).unwrap();
        z.finish().unwrap();
        buf.into_inner()
    }

    #[test]
    fn paragraphs_in_order_runs_joined_entities_decoded() {
        let bytes = docx(&[
            &["Уряд ", "ухвалив бюджет."],
            &["Витрати & резерви «окремо»."],
            &[],
        ]);
        assert!(is_docx(&bytes));
        let text = docx_text("uk.docx", &bytes).unwrap();
        assert_eq!(
            text,
            "Уряд ухвалив бюджет.\n\nВитрати & резерви «окремо».\n"
        );
    }

    #[test]
    fn a_zip_without_a_body_is_named() {
        let mut buf = Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        z.start_file("a.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(b"x").unwrap();
        z.finish().unwrap();
        let err = docx_text("uk.docx", &buf.into_inner()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "uk.docx: not a readable Word file: no word/document.xml"
        );
    }
}
