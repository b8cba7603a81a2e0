//! TMX 1.4b: one translation unit per aligned group, with a variant per edition.
//!
//! ```text
//! <?xml version="1.0" encoding="UTF-8"?>
//! <!DOCTYPE tmx SYSTEM "tmx14.dtd">
//! <tmx version="1.4">
//!   <header creationtool="edalign" creationtoolversion="0.1.0" segtype="sentence"
//!           o-tmf="edalign" adminlang="en" srclang="uk" datatype="plaintext"/>
//!   <body>
//!     <tu tuid="france-nato-call:3">
//!       <prop type="x-edalign-story">france-nato-call</prop>
//!       <prop type="x-edalign-group">3</prop>
//!       <prop type="x-edalign-score">0.930</prop>
//!       <tuv xml:lang="uk"><seg>…</seg></tuv>
//!       <tuv xml:lang="en"><seg>…</seg></tuv>
//!       <tuv xml:lang="ru"><seg>…</seg></tuv>
//!     </tu>
//!   </body>
//! </tmx>
//! ```
//!
//! Groups present in fewer than two editions are left out (a unit needs a translation).
//! A unit has a variant for each edition the group has sentences in; the sentences of a
//! group in one edition are joined by a space and put on one line. `srclang` is the first
//! aligned edition's language. Text is escaped, and characters XML 1.0 forbids (C0 controls
//! but tab, line feed and carriage return; U+FFFE, U+FFFF) are stripped; C1 controls too.
//! Units with findings of severity warning or more carry a `<note>` per finding.

use super::{joined, xml_escape};
use crate::model::StoryReport;
use crate::review::Severity;
use std::io::{self, Write};

/// Writes the story as a TMX 1.4b document.
pub fn write(w: &mut dyn Write, report: &StoryReport) -> io::Result<()> {
    let srclang = report
        .editions
        .first()
        .map(|e| e.lang().code())
        .unwrap_or("en");
    write_header(w, srclang)?;
    write_units(w, report)?;
    write_footer(w)
}

/// Writes the XML declaration, the `<tmx>` and `<header>` elements and opens `<body>`.
/// `srclang` is a language code, or `*all*` for a memory of many stories.
pub fn write_header(w: &mut dyn Write, srclang: &str) -> io::Result<()> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(w, r#"<!DOCTYPE tmx SYSTEM "tmx14.dtd">"#)?;
    writeln!(w, r#"<tmx version="1.4">"#)?;
    writeln!(
        w,
        r#"  <header creationtool="edalign" creationtoolversion="{}" segtype="sentence" o-tmf="edalign" adminlang="en" srclang="{}" datatype="plaintext"/>"#,
        env!("CARGO_PKG_VERSION"),
        xml_escape(srclang)
    )?;
    writeln!(w, "  <body>")
}

/// Closes `<body>` and `<tmx>`.
pub fn write_footer(w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "  </body>")?;
    writeln!(w, "</tmx>")
}

/// Writes the translation units of one story (see the module docs), for a memory made of
/// [`write_header`], the units of any number of stories, and [`write_footer`].
pub fn write_units(w: &mut dyn Write, report: &StoryReport) -> io::Result<()> {
    let story = xml_escape(&report.id);
    for (g, group) in report.alignment.groups.iter().enumerate() {
        let variants: Vec<(usize, String)> = group
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| !m.is_empty())
            .map(|(e, m)| (e, joined(report, e, m.iter().copied())))
            .filter(|(_, t)| !t.is_empty())
            .collect();
        if variants.len() < 2 {
            continue;
        }
        writeln!(w, r#"    <tu tuid="{story}:{g}">"#)?;
        for f in report
            .review
            .findings
            .iter()
            .filter(|f| f.group == Some(g) && f.severity >= Severity::Warning)
        {
            writeln!(
                w,
                "      <note>{}: {}</note>",
                f.kind.name(),
                xml_escape(&f.message)
            )?;
        }
        writeln!(w, r#"      <prop type="x-edalign-story">{story}</prop>"#)?;
        writeln!(w, r#"      <prop type="x-edalign-group">{g}</prop>"#)?;
        writeln!(
            w,
            r#"      <prop type="x-edalign-score">{:.3}</prop>"#,
            group.score
        )?;
        for (e, text) in variants {
            writeln!(
                w,
                r#"      <tuv xml:lang="{}"><seg>{}</seg></tuv>"#,
                report.editions[e].lang().code(),
                xml_escape(&text)
            )?;
        }
        writeln!(w, "    </tu>")?;
    }
    Ok(())
}
