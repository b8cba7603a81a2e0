//! Output formats. Each module writes a [`StoryReport`](crate::story::StoryReport) (or a
//! bare pairwise alignment) to any `io::Write`.
//!
//! | format | module | for |
//! |---|---|---|
//! | `text` | [`text`] | the terminal: coverage, findings, then the editions side by side |
//! | `json` | [`json`] | machines: one document per story, schema documented field by field |
//! | `tsv` | [`tsv`] | spreadsheets: one aligned group per row |
//! | `ladder` | [`ladder`] | Vecalign's bead form, for scoring with existing tools |

pub mod json;
pub mod ladder;
pub mod text;
pub mod tsv;

use crate::error::{Error, Result};

/// The output formats of `edalign align`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The terminal view.
    Text,
    /// One JSON document per story ([`json`]).
    Json,
    /// Tab-separated groups ([`tsv`]).
    Tsv,
    /// Ladder beads ([`ladder`]).
    Ladder,
}

impl Format {
    /// All formats with their names.
    pub const ALL: [(&'static str, Format); 4] = [
        ("text", Format::Text),
        ("json", Format::Json),
        ("tsv", Format::Tsv),
        ("ladder", Format::Ladder),
    ];

    /// Parses a format name.
    pub fn from_name(name: &str) -> Result<Format> {
        Format::ALL
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|(n, _)| *n).collect();
                Error::config(format!(
                    "unknown format {name:?} (use {})",
                    names.join(", ")
                ))
            })
    }
}

/// The name of a pair of editions, source first: `uk-en`.
pub fn pair_name(src: crate::Lang, tgt: crate::Lang) -> String {
    format!("{src}-{tgt}")
}
