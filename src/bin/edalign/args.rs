//! Command-line arguments (clap), parsed into the library's types where it has one
//! (`Format`, `Pair`, `Severity`), so that a bad value is refused before any file is read.

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use edalign::format::{Format, Pair};
use edalign::review::Severity;
use std::path::PathBuf;

/// Align the uk, en and ru editions of news stories and review what each edition dropped,
/// added or changed.
#[derive(Parser, Debug)]
#[command(name = "edalign", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Align the editions of one story: a folder holding them, or two or three files.
    Align(AlignArgs),
    /// Align many stories read as JSON Lines, on all cores; one JSON line out per story.
    Batch(BatchArgs),
    /// Learn a word lexicon from a batch of stories (JSON Lines, as for `batch`), for
    /// `--lexicon`: translations of words that the confident links of the batch agree on.
    LearnLexicon(LearnArgs),
    /// Identify the language of files, or of every line of a file.
    Detect(DetectArgs),
    /// Split text into sentences.
    Segment(SegmentArgs),
    /// Print the body of an edition as edalign reads it: a web page's article, a Word
    /// file's paragraphs, text in any encoding, with page clutter set aside.
    Extract(ExtractArgs),
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// A text file, web page (.html) or Word file (.docx); default: standard input.
    pub file: Option<PathBuf>,
    /// Keep boilerplate lines (bylines, captions, counters …) in the body.
    #[arg(long)]
    pub keep_boilerplate: bool,
    /// Decode with this encoding instead of detecting it.
    #[arg(long)]
    pub encoding: Option<String>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Args, Debug, Clone)]
pub struct AlignOptions {
    /// Input is one sentence a line (no clutter removal, no segmentation).
    #[arg(long)]
    pub presegmented: bool,
    /// Keep boilerplate lines (bylines, captions …) in the body.
    #[arg(long)]
    pub keep_boilerplate: bool,
    /// Links scoring below this become sentences without counterpart (0..1).
    #[arg(long, default_value_t = 0.0)]
    pub min_score: f64,
    /// Largest number of sentences on one side of a bead (1..3).
    #[arg(long, default_value_t = 2)]
    pub max_bead: usize,
    /// Half-width of the alignment band, in sentences (longer documents cost (n+m)·band).
    #[arg(long, default_value_t = 100)]
    pub band_width: usize,
    /// With three editions, make every pair take each three-way group whole, so that every
    /// triangle of links closes (for three-way parallel data in units of whole groups;
    /// costs up to half a point of strict F1).
    #[arg(long)]
    pub consistent: bool,
    /// With three editions, align the three pairs separately (each with the third edition
    /// as a pivot) instead of in one search: faster, but the pairs may contradict each other.
    #[arg(long)]
    pub pairwise_three_way: bool,
    /// A word lexicon learned with `edalign learn-lexicon` (TSV), as extra alignment evidence.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
    /// Decode text and web pages with this encoding (windows-1251, koi8-u, utf-16le …)
    /// instead of detecting it: a byte-order mark, else UTF-8, else a legacy Cyrillic or
    /// Western encoding found from the bytes.
    #[arg(long)]
    pub encoding: Option<String>,
}

#[derive(Args, Debug)]
pub struct AlignArgs {
    /// A story folder (holding uk.txt, en.html, ru.docx: any *.txt, *.html, *.htm, *.docx), two or three files, or
    /// a folder of story folders (such as corpora/: every story in turn, text or json).
    #[arg(required = true, num_args = 1..=3)]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, default_value = "text", value_parser = format_parser())]
    pub format: Format,
    /// Declared languages of the inputs, comma separated in input order (e.g. uk,en,ru);
    /// checked against the text, never trusted. Default: taken from file names.
    #[arg(long, value_delimiter = ',')]
    pub lang: Option<Vec<String>>,
    /// Write the output to this file (atomically: all or nothing) instead of standard output.
    /// For --format moses, a prefix: PREFIX.uk-en.uk, PREFIX.uk-en.en, … (each atomically).
    #[arg(short, long)]
    pub out: Option<PathBuf>,
    /// For --format moses: write only this pair (uk-en, uk-ru or en-ru).
    #[arg(long)]
    pub pair: Option<Pair>,
    /// Exit with status 1 when a finding is at least this severe.
    #[arg(long, value_parser = severity_parser())]
    pub fail_on: Option<Severity>,
    /// Colour the text view.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// Width of the text view in columns.
    #[arg(long, default_value_t = 120)]
    pub width: usize,
    #[command(flatten)]
    pub options: AlignOptions,
}

#[derive(Args, Debug)]
pub struct BatchArgs {
    /// JSON Lines input (default: standard input). Each line:
    /// {"id": "...", "editions": {"uk": "text", "en": "text", "ru": "text"}}.
    pub input: Option<PathBuf>,
    /// Write the results to this file (atomically) instead of standard output.
    #[arg(short, long)]
    pub out: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(short, long)]
    pub jobs: Option<usize>,
    /// Output: `json` (one document a line), `tmx` (one memory of all the stories' units),
    /// `moses` (needs --out PREFIX: PREFIX.uk-en.uk, PREFIX.uk-en.en, … over all stories) or
    /// `bitext` (one link a line: story, pair, sentences, score, flags, texts). moses and
    /// bitext are corpora: they keep links of 0.5 or more (or --min-score) with no flag
    /// (untranslated sentence, number or date that differs), each pair of texts once.
    #[arg(short, long, default_value = "json", value_parser = batch_format_parser())]
    pub format: Format,
    /// For moses and bitext: keep flagged and repeated links too (bitext writes the flags).
    #[arg(long)]
    pub keep_flagged: bool,
    /// For moses and bitext: write only this pair (uk-en, uk-ru or en-ru).
    #[arg(long)]
    pub pair: Option<Pair>,
    #[command(flatten)]
    pub options: AlignOptions,
}

#[derive(Args, Debug)]
pub struct LearnArgs {
    /// JSON Lines input, as for `batch` (default: standard input). Every story is held in
    /// memory: give a sample of a few thousand stories, not the whole archive.
    pub input: Option<PathBuf>,
    /// Write the lexicon to this file (atomically) instead of standard output.
    #[arg(short, long)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub options: AlignOptions,
}

#[derive(Args, Debug)]
pub struct DetectArgs {
    /// Files to identify (with --per-line: exactly one; `-` or none reads standard input).
    pub files: Vec<PathBuf>,
    /// One row per input line: label<TAB>confidence.
    #[arg(long)]
    pub per_line: bool,
    /// JSON Lines output instead of tab-separated rows.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct SegmentArgs {
    /// A text file (default: standard input).
    pub file: Option<PathBuf>,
    /// Read JSON Lines {"id", "lang"?, "text"}; write {"id", "lang", "sentences", "spans"}.
    #[arg(long)]
    pub jsonl: bool,
    /// The language's rules to use (default: detected).
    #[arg(long)]
    pub lang: Option<String>,
}

/// `--format`: the library's format names, listed in `--help`.
/// The formats `batch` writes: one stream of all the stories (json, tmx) or two files per
/// pair (moses).
fn batch_format_parser() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(["json", "tmx", "moses", "bitext"])
        .map(|name| Format::from_name(&name).expect("a listed name"))
}

fn format_parser() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(Format::ALL.map(|(name, _)| name))
        .map(|name| Format::from_name(&name).expect("a listed name"))
}

/// `--fail-on`: `info`, `warning` or `error`.
fn severity_parser() -> impl TypedValueParser<Value = Severity> {
    PossibleValuesParser::new(["info", "warning", "error"])
        .map(|name| Severity::from_name(&name).expect("a listed name"))
}
