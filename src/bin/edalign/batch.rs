//! `edalign batch`: many stories as JSON Lines, aligned on all cores, results in input order.
//!
//! Input, one story a line:
//! `{"id": "s1", "editions": {"uk": "text", "en": "text", "ru": "text"}}` (the keys are
//! declared languages, checked against the text) or
//! `{"id": "s1", "editions": [{"id": "uk.txt", "lang": "uk", "text": "..."}, ...]}`.
//! Output, one line per story in input order: the JSON document of
//! [`edalign::format::json`], or `{"id": ..., "line": N, "error": "..."}` for a story that
//! failed. A failed story never stops the others; the exit status is 2 when any failed.

use crate::args::{BatchArgs, LearnArgs};
use crate::output::Output;
use edalign::AnalyzedEdition;
use edalign::align::Side;
use edalign::error::Position;
use edalign::format::bitext::{self, Filter, Link};
use edalign::format::{Format, Pair};
use edalign::{Edition, Error, Lang, Result};
use edalign::{Pipeline, Story};
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Deserialize)]
#[serde(untagged)]
enum Editions {
    Map(std::collections::BTreeMap<String, String>),
    List(Vec<EditionRecord>),
}

#[derive(Deserialize)]
struct EditionRecord {
    id: Option<String>,
    lang: Option<String>,
    /// The edition as text, or
    text: Option<String>,
    /// as a saved web page (its article is read, its `lang` is a declared language).
    html: Option<String>,
}

#[derive(Deserialize)]
struct StoryRecord {
    id: Option<serde_json::Value>,
    editions: Editions,
}

/// Stories are read and aligned this many at a time, so memory stays bounded on any input.
const CHUNK: usize = 256;

/// An error of line `n` of the input, naming the input and the line once: an error that
/// already names them (a bad record) as it is, any other (a story that cannot be aligned)
/// with them put first.
fn located(e: &Error, source: &str, n: u64) -> String {
    match e.kind() {
        edalign::ErrorKind::Parse { pos, .. } if pos.source.is_some() => e.to_string(),
        _ => format!("{source}: line {n}: {e}"),
    }
}

fn parse_story(line: &str, source: &str, n: u64) -> Result<Story> {
    let pos = || Position {
        source: Some(source.to_string()),
        line: Some(n),
        byte: None,
    };
    let rec: StoryRecord = serde_json::from_str(line).map_err(|e| {
        // serde names its own place ("at line 1 column 2" of the one-line record); the
        // record's line is ours, the column is kept.
        let what = e.to_string();
        let what = what.split(" at line ").next().unwrap_or(&what).to_string();
        Error::parse(
            pos(),
            format!("bad story record: {what} (column {})", e.column()),
        )
    })?;
    let id = match rec.id {
        Some(serde_json::Value::String(s)) => s,
        Some(v) => v.to_string(),
        None => format!("line {n}"),
    };
    let editions = match rec.editions {
        Editions::Map(m) => m
            .into_iter()
            .map(|(k, text)| Edition::new(format!("{id}:{k}"), Lang::from_code(&k), text))
            .collect(),
        Editions::List(l) => l
            .into_iter()
            .enumerate()
            .map(|(i, e)| {
                let name = format!("{id}:{}", e.id.unwrap_or_else(|| i.to_string()));
                let declared = e.lang.as_deref().and_then(Lang::from_code);
                match (e.text, e.html) {
                    (Some(text), None) => Ok(Edition::new(name, declared, text)),
                    (None, Some(html)) => {
                        let page = edalign::read::html_text(&html);
                        let mut ed = Edition::new(name, declared.or(page.declared), page.text);
                        ed.source.format = edalign::read::SourceFormat::Html;
                        ed.source.declared = page.declared;
                        Ok(ed)
                    }
                    _ => Err(Error::parse(
                        pos(),
                        format!(
                            "bad story record: edition {name} needs one of \"text\" or \"html\""
                        ),
                    )),
                }
            })
            .collect::<Result<Vec<_>>>()?,
    };
    Ok(Story { id, editions })
}

/// One input line as text; bad UTF-8 is an error naming the line and the byte in it.
fn line_text(raw: Vec<u8>, source: &str, n: u64) -> Result<String> {
    String::from_utf8(raw).map_err(|e| {
        Error::parse(
            Position {
                source: Some(source.to_string()),
                line: Some(n),
                byte: Some(e.utf8_error().valid_up_to() as u64),
            },
            "invalid UTF-8 (byte offset within the line)",
        )
    })
}

/// Opens the JSON Lines input: a file, or standard input for `None` / `-`.
fn open_input(input: Option<&std::path::Path>) -> Result<(String, Box<dyn BufRead>)> {
    Ok(match input {
        Some(p) if p.as_os_str() != "-" => {
            let f = std::fs::File::open(p).map_err(|e| Error::io(p, e))?;
            (p.display().to_string(), Box::new(BufReader::new(f)))
        }
        _ => (
            "<stdin>".to_string(),
            Box::new(BufReader::new(std::io::stdin())),
        ),
    })
}

/// `edalign learn-lexicon`: reads every story, analyses its editions, and writes the
/// lexicon the aligner learns from the batch's confident links. A bad story is reported
/// and skipped; the exit status is then 2, but the lexicon of the others is written.
pub fn learn(l: LearnArgs) -> Result<ExitCode> {
    let pipeline: Pipeline = crate::pipeline(&l.options, false)?;
    let (source, reader) = open_input(l.input.as_deref())?;
    let lines: Vec<(u64, Vec<u8>)> = reader
        .split(b'\n')
        .enumerate()
        .map(|(i, r)| {
            r.map(|l| (i as u64 + 1, l))
                .map_err(|e| Error::io(&source, e))
        })
        .collect::<Result<_>>()?;
    let analysed: Vec<(u64, Result<Vec<AnalyzedEdition>>)> = lines
        .into_par_iter()
        .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
        .map(|(n, raw)| {
            let r = line_text(raw, &source, n)
                .and_then(|t| parse_story(&t, &source, n))
                .and_then(|story| {
                    story
                        .editions
                        .into_iter()
                        .map(|e| pipeline.analyze(e))
                        .filter(|a| !a.as_ref().is_ok_and(|a| a.lang() == Lang::Other))
                        .collect::<Result<Vec<_>>>()
                });
            (n, r)
        })
        .collect();
    let mut failed = 0;
    let mut stories = Vec::new();
    for (n, r) in analysed {
        match r {
            Ok(eds) if eds.len() >= 2 => stories.push(eds),
            Ok(_) => {}
            Err(e) => {
                failed += 1;
                eprintln!("edalign: {}", located(&e, &source, n));
            }
        }
    }
    let sides: Vec<Vec<Side>> = stories
        .iter()
        .map(|eds| eds.iter().map(AnalyzedEdition::side).collect())
        .collect();
    let lexicon = pipeline.aligner().learn_lexicon(&sides);
    eprintln!(
        "edalign: {} stories, {} lexicon entries",
        sides.len(),
        lexicon.len()
    );
    let mut out = Output::open(l.out.as_deref())?;
    let name = out.name();
    out.writer()
        .write_all(lexicon.to_tsv().as_bytes())
        .map_err(crate::write_err(&name))?;
    out.commit()?;
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// What one story becomes in the chosen format, made on a worker thread.
enum Rendered {
    /// One JSON line.
    Json(String),
    /// Translation units.
    Tmx(Vec<u8>),
    /// The links of every pair, with their flags (moses and bitext), and the story's id.
    Links(String, Vec<Link>),
}

/// What a corpus run kept and dropped, for the summary line.
#[derive(Default)]
struct Tally {
    stories: usize,
    sentences: usize,
    kept: usize,
    repeated: usize,
    dropped: BTreeMap<&'static str, usize>,
}

/// Where batch output goes: one writer, or for moses two per pair.
enum Sink {
    One(Output),
    Moses {
        prefix: PathBuf,
        files: BTreeMap<Pair, (Output, Output)>,
    },
}

impl Sink {
    /// The one writer of a format that writes one stream.
    fn one(&mut self) -> &mut Output {
        match self {
            Sink::One(out) => out,
            Sink::Moses { .. } => unreachable!("a one-stream format has one writer"),
        }
    }

    fn moses_pair(&mut self, pair: Pair) -> Result<(&mut Output, &mut Output)> {
        let Sink::Moses { prefix, files } = self else {
            unreachable!("moses sink")
        };
        if let std::collections::btree_map::Entry::Vacant(slot) = files.entry(pair) {
            let path = |lang| edalign::format::moses::path(prefix, pair, lang);
            slot.insert((
                Output::open(Some(&path(pair.src)))?,
                Output::open(Some(&path(pair.tgt)))?,
            ));
        }
        let (x, y) = files.get_mut(&pair).expect("inserted above");
        Ok((x, y))
    }

    /// Moves every file into place (all written completely first).
    fn commit(self) -> Result<()> {
        match self {
            Sink::One(o) => o.commit(),
            Sink::Moses { files, .. } => {
                for (_, (a, b)) in files {
                    a.commit()?;
                    b.commit()?;
                }
                Ok(())
            }
        }
    }
}

pub fn run(b: BatchArgs) -> Result<ExitCode> {
    let pipeline: Pipeline = crate::pipeline(&b.options, false)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(b.jobs.unwrap_or(0))
        .build()
        .map_err(|e| Error::config(format!("cannot start worker threads: {e}")))?;
    let format = b.format;
    if b.pair.is_some() && !matches!(format, Format::Moses | Format::Bitext) {
        return Err(Error::config(
            "batch --pair goes with --format moses or bitext",
        ));
    }
    let mut sink = open_sink(format, b.out.as_deref())?;
    let (source, reader) = open_input(b.input.as_deref())?;
    let filter = Filter::default()
        .with_min_score(b.options.min_score.max(Filter::default().min_score))
        .with_keep_flagged(b.keep_flagged);
    let started = std::time::Instant::now();
    let progress = progress_bar();
    let mut corpus = Corpus {
        format,
        pair: b.pair,
        filter,
        tally: Tally::default(),
        seen: std::collections::HashSet::new(),
    };
    let mut failed = 0usize;
    let mut lines = reader.split(b'\n');
    let mut n: u64 = 0;
    loop {
        let mut chunk: Vec<(u64, std::result::Result<String, Error>)> = Vec::with_capacity(CHUNK);
        for raw in lines.by_ref() {
            n += 1;
            let raw = raw.map_err(|e| Error::io(&source, e))?;
            let text = line_text(raw, &source, n);
            if text.as_ref().is_ok_and(|t| t.trim().is_empty()) {
                continue;
            }
            chunk.push((n, text));
            if chunk.len() == CHUNK {
                break;
            }
        }
        if chunk.is_empty() {
            break;
        }
        let results: Vec<(u64, Result<(Rendered, usize)>)> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|(n, line)| {
                    let r = line
                        .and_then(|l| parse_story(&l, &source, n))
                        .and_then(|story| pipeline.run(story))
                        .and_then(|report| {
                            let sentences = report.editions.iter().map(|e| e.sentences.len()).sum();
                            render(format, &report, &filter).map(|r| (r, sentences))
                        });
                    (n, r)
                })
                .collect()
        });
        progress.inc(results.len() as u64);
        if failed > 0 {
            progress.set_message(format!("({failed} failed)"));
        }
        for (n, r) in results {
            let rendered = match r {
                Ok((v, sentences)) => {
                    corpus.tally.stories += 1;
                    corpus.tally.sentences += sentences;
                    v
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("edalign: {}", located(&e, &source, n));
                    if let Sink::One(out) = &mut sink
                        && format == Format::Json
                    {
                        let name = out.name();
                        let v = serde_json::json!({"line": n, "error": e.to_string()});
                        writeln!(out.writer(), "{v}").map_err(crate::write_err(&name))?;
                    }
                    continue;
                }
            };
            write_rendered(rendered, &mut sink, &mut corpus)?;
        }
    }
    if let Sink::One(out) = &mut sink
        && format == Format::Tmx
    {
        let name = out.name();
        edalign::format::tmx::write_footer(out.writer()).map_err(crate::write_err(&name))?;
    }
    progress.finish_and_clear();
    sink.commit()?;
    eprintln!("{}", corpus.summary(failed, started.elapsed()));
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Where the stories go: two files per pair for moses (under `--out PREFIX`), else one
/// stream (a TMX memory starts with its header).
fn open_sink(format: Format, out: Option<&std::path::Path>) -> Result<Sink> {
    if format == Format::Moses {
        let Some(prefix) = out else {
            return Err(Error::config(
                "batch --format moses writes two files per pair: give --out PREFIX",
            ));
        };
        return Ok(Sink::Moses {
            prefix: prefix.to_path_buf(),
            files: BTreeMap::new(),
        });
    }
    let mut one = Output::open(out)?;
    if format == Format::Tmx {
        let name = one.name();
        edalign::format::tmx::write_header(one.writer(), "*all*")
            .map_err(crate::write_err(&name))?;
    }
    Ok(Sink::One(one))
}

/// Progress on a terminal only: a pipeline or a log file gets the summary line alone.
fn progress_bar() -> indicatif::ProgressBar {
    if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {pos} stories, {per_sec}, {elapsed} {msg}",
        )
        .expect("a valid template"),
    );
    bar
}

/// The state of a batch run's output beyond the sink: the format, which links a corpus
/// keeps, and what it kept and dropped.
struct Corpus {
    format: Format,
    pair: Option<Pair>,
    filter: Filter,
    tally: Tally,
    /// Hashes of the links kept, to keep each pair of texts once.
    seen: std::collections::HashSet<u64>,
}

impl Corpus {
    /// Writes the links a corpus keeps, counting the others.
    fn write_links(&mut self, sink: &mut Sink, story: &str, links: Vec<Link>) -> Result<()> {
        for link in links {
            if self.pair.is_some_and(|p| p != link.pair) {
                continue;
            }
            if !bitext::keeps(&self.filter, &link) {
                for f in &link.flags {
                    *self.tally.dropped.entry(f.name()).or_default() += 1;
                }
                continue;
            }
            // Each pair of texts once in a corpus (a repeated standfirst, a boilerplate
            // sentence every story carries).
            if !self.filter.keep_flagged && !self.seen.insert(text_hash(&link)) {
                self.tally.repeated += 1;
                continue;
            }
            self.tally.kept += 1;
            if self.format == Format::Bitext {
                let out = sink.one();
                let name = out.name();
                bitext::write_link(out.writer(), story, &link).map_err(crate::write_err(&name))?;
            } else {
                let (x, y) = sink.moses_pair(link.pair)?;
                let (nx, ny) = (x.name(), y.name());
                writeln!(x.writer(), "{}", link.src_text).map_err(crate::write_err(&nx))?;
                writeln!(y.writer(), "{}", link.tgt_text).map_err(crate::write_err(&ny))?;
            }
        }
        Ok(())
    }

    /// The line a corpus builder reads at the end of a run (standard error).
    fn summary(&self, failed: usize, took: std::time::Duration) -> String {
        let t = &self.tally;
        let mut line = format!(
            "edalign: {} stories ({} sentences), {} failed, {:.1} s",
            t.stories,
            t.sentences,
            failed,
            took.as_secs_f64()
        );
        if matches!(self.format, Format::Moses | Format::Bitext) {
            let dropped: Vec<String> = t.dropped.iter().map(|(k, n)| format!("{k} {n}")).collect();
            let dropped = if dropped.is_empty() {
                "0".to_string()
            } else {
                dropped.join(", ")
            };
            line.push_str(&format!(
                "; links kept {}, repeated {}, flagged {dropped}",
                t.kept, t.repeated
            ));
        }
        line
    }
}

/// Writes one story's rendering to the sink.
fn write_rendered(rendered: Rendered, sink: &mut Sink, corpus: &mut Corpus) -> Result<()> {
    match rendered {
        Rendered::Json(line) => {
            let out = sink.one();
            let name = out.name();
            writeln!(out.writer(), "{line}").map_err(crate::write_err(&name))
        }
        Rendered::Tmx(units) => {
            let out = sink.one();
            let name = out.name();
            out.writer()
                .write_all(&units)
                .map_err(crate::write_err(&name))
        }
        Rendered::Links(story, links) => corpus.write_links(sink, &story, links),
    }
}

/// A hash of a link's pair and texts, to keep each once.
fn text_hash(link: &Link) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (link.pair, &link.src_text, &link.tgt_text).hash(&mut h);
    h.finish()
}

/// Renders one story's report in the batch format.
fn render(format: Format, report: &edalign::StoryReport, filter: &Filter) -> Result<Rendered> {
    use edalign::format::{json, tmx};
    Ok(match format {
        Format::Tmx => {
            let mut buf = Vec::new();
            tmx::write_units(&mut buf, report).map_err(|e| Error::io("<memory>", e))?;
            Rendered::Tmx(buf)
        }
        Format::Moses | Format::Bitext => Rendered::Links(
            report.id.clone(),
            (0..report.alignment.pairs.len())
                .flat_map(|k| bitext::links(report, k, filter))
                .collect(),
        ),
        _ => Rendered::Json(json::to_value(report).to_string()),
    })
}
