//! Output formats. Each module writes a [`StoryReport`](crate::model::StoryReport) (or a
//! bare pairwise alignment) to any `io::Write`.
//!
//! | format | module | for |
//! |---|---|---|
//! | `text` | [`text`] | the terminal: coverage, findings, then the editions side by side |
//! | `json` | [`json`] | machines: one document per story, schema documented field by field |
//! | `tsv` | [`tsv`] | spreadsheets: one aligned group per row |
//! | `ladder` | [`ladder`] | Vecalign's bead form, for scoring with existing tools |
//! | `tmx` | [`tmx`] | translation memories: TMX 1.4b, one unit per group |
//! | `moses` | [`moses`] | MT training: line-aligned plain text, two files per pair |
//! | `bitext` | [`bitext`] | corpus building: one link a line with ids, score and flags (TSV) |
//! | `html` | [`html`] | editors: one self-contained page, editions side by side |

pub mod bitext;
pub mod html;
pub mod json;
pub mod ladder;
pub mod moses;
pub mod text;
pub mod tmx;
pub mod tsv;

use crate::error::{Error, Result};

/// The output formats of `edalign align`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// The terminal view.
    Text,
    /// One JSON document per story ([`json`]).
    Json,
    /// Tab-separated groups ([`tsv`]).
    Tsv,
    /// Ladder beads ([`ladder`]).
    Ladder,
    /// TMX 1.4b ([`tmx`]).
    Tmx,
    /// Line-aligned plain text per pair ([`moses`]).
    Moses,
    /// A self-contained HTML page ([`html`]).
    Html,
    /// One link a line with ids, score and flags ([`bitext`]).
    Bitext,
}

impl Format {
    /// All formats with their names.
    pub const ALL: [(&'static str, Format); 8] = [
        ("text", Format::Text),
        ("json", Format::Json),
        ("tsv", Format::Tsv),
        ("ladder", Format::Ladder),
        ("tmx", Format::Tmx),
        ("moses", Format::Moses),
        ("html", Format::Html),
        ("bitext", Format::Bitext),
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

impl std::str::FromStr for Format {
    type Err = Error;
    fn from_str(name: &str) -> Result<Format> {
        Format::from_name(name)
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = Format::ALL
            .iter()
            .find(|(_, x)| x == self)
            .map(|(n, _)| *n)
            .expect("every format is listed");
        f.write_str(name)
    }
}

/// Options of the formats that take any.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct WriteOptions {
    /// The text view's width and colour.
    pub text: text::TextOptions,
    /// Ladder: a `# uk-en` line before each pair's beads (off only for the two-file
    /// ladder contract, which has one pair).
    pub ladder_headers: bool,
    /// Bitext: which links are written.
    pub filter: bitext::Filter,
}

impl WriteOptions {
    /// The text view's width and colour (default 120 columns, no colour).
    pub fn with_text(mut self, text: text::TextOptions) -> Self {
        self.text = text;
        self
    }

    /// Whether the ladder has a `# pair` line before each pair's beads (default `true`).
    pub fn with_ladder_headers(mut self, yes: bool) -> Self {
        self.ladder_headers = yes;
        self
    }

    /// Which links bitext writes (default [`bitext::Filter::default`]).
    pub fn with_filter(mut self, filter: bitext::Filter) -> Self {
        self.filter = filter;
        self
    }
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            text: text::TextOptions {
                width: 120,
                color: false,
            },
            ladder_headers: true,
            filter: bitext::Filter::default(),
        }
    }
}

/// Writes a report in one of the formats that make one stream (every format but
/// [`Format::Moses`], which makes two files per pair: see [`moses::write_pair`] and
/// [`moses::path`]; asked for here, it is an `InvalidInput` error).
///
/// ```
/// use edalign::format::{self, Format, WriteOptions};
/// use edalign::{Edition, Lang, Pipeline, Story};
/// let report = Pipeline::default()
///     .run(Story {
///         id: "brief".into(),
///         editions: vec![
///             Edition::new("uk.txt", Some(Lang::Uk), "Київ отримав 28 автобусів."),
///             Edition::new("en.txt", Some(Lang::En), "Kyiv received 28 buses."),
///         ],
///     })
///     .unwrap();
/// let mut page = Vec::new();
/// format::write(Format::Html, &report, &mut page, &WriteOptions::default()).unwrap();
/// assert!(String::from_utf8(page).unwrap().starts_with("<!DOCTYPE html>"));
/// ```
pub fn write(
    format: Format,
    report: &crate::model::StoryReport,
    w: &mut dyn std::io::Write,
    options: &WriteOptions,
) -> std::io::Result<()> {
    match format {
        Format::Text => text::write(w, report, options.text),
        Format::Json => json::write(w, report),
        Format::Tsv => tsv::write(w, report),
        Format::Ladder => ladder::write(w, report, options.ladder_headers),
        Format::Tmx => tmx::write(w, report),
        Format::Html => html::write(w, report),
        Format::Bitext => {
            for k in 0..report.alignment.pairs.len() {
                for link in bitext::links(report, k, &options.filter) {
                    if bitext::keeps(&options.filter, &link) {
                        bitext::write_link(w, &report.id, &link)?;
                    }
                }
            }
            Ok(())
        }
        Format::Moses => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "moses writes two files per pair (format::moses::write_pair)",
        )),
    }
}

/// A pair of editions by their languages, source first; written and parsed as `uk-en`.
///
/// ```
/// use edalign::format::Pair;
/// use edalign::Lang;
/// let p: Pair = "uk-en".parse().unwrap();
/// assert_eq!((p.src, p.tgt), (Lang::Uk, Lang::En));
/// assert_eq!(p.to_string(), "uk-en");
/// assert!("uk".parse::<Pair>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pair {
    /// The source edition's language.
    pub src: crate::Lang,
    /// The target edition's language.
    pub tgt: crate::Lang,
}

impl std::fmt::Display for Pair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.src, self.tgt)
    }
}

impl std::str::FromStr for Pair {
    type Err = Error;
    fn from_str(s: &str) -> Result<Pair> {
        let bad = || Error::config(format!("pair {s:?}: the pairs are uk-en, uk-ru, en-ru"));
        let (a, b) = s.split_once('-').ok_or_else(bad)?;
        match (a.parse(), b.parse()) {
            (Ok(src), Ok(tgt)) if src != tgt => Ok(Pair { src, tgt }),
            _ => Err(bad()),
        }
    }
}

/// The name of a pair of editions, source first: `uk-en`.
pub(crate) fn pair_name(src: crate::Lang, tgt: crate::Lang) -> String {
    Pair { src, tgt }.to_string()
}

/// Whether XML 1.0 allows the character (`Char` production): tab, line feed, carriage
/// return, U+0020..U+D7FF, U+E000..U+FFFD and U+10000 up. C1 controls (U+0080..U+009F) and
/// DEL are allowed but discouraged; edalign drops them too.
pub fn xml_char_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
        || (('\u{20}'..='\u{D7FF}').contains(&c) && !('\u{7F}'..='\u{9F}').contains(&c))
        || ('\u{E000}'..='\u{FFFD}').contains(&c)
        || c >= '\u{10000}'
}

/// Escapes text for XML and HTML (content and quoted attribute values alike): `&`, `<`,
/// `>`, `"` and `'` become references, characters XML 1.0 forbids are dropped.
///
/// ```
/// use edalign::format::xml_escape;
/// assert_eq!(xml_escape("<a href=\"x\">&'\u{1}\u{FFFF}"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
/// ```
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if xml_char_allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// The text on one line: every run of white space (line breaks, tabs, no-break spaces)
/// becomes one space, control characters are dropped, the ends are trimmed.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| {
            c.is_whitespace() || c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}')
        })
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The sentences `members` of edition `e` joined on one line.
pub(crate) fn joined(
    report: &crate::model::StoryReport,
    e: usize,
    members: impl IntoIterator<Item = usize>,
) -> String {
    let parts: Vec<&str> = members
        .into_iter()
        .map(|i| report.editions[e].sentence_text(i))
        .collect();
    one_line(&parts.join(" "))
}
