//! The `edalign` command: a thin layer over the library. Parse arguments, build the
//! configured objects, run, print an error once, exit with a status that means something:
//! 0 done (no finding at or above `--fail-on`), 1 findings at or above `--fail-on`, 2 error.

mod args;
mod batch;
mod output;

use args::{AlignArgs, Cli, ColorArg, Command, DetectArgs, ExtractArgs, SegmentArgs};
use clap::Parser;
use edalign::align::Aligner;
use edalign::detect::Detector;
use edalign::error::{ErrorKind, Position};
use edalign::format::text::TextOptions;
use edalign::format::{Format, Pair, WriteOptions};
use edalign::{Edition, Error, Lang, Result};
use edalign::{Pipeline, Story};
use output::Output;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Align(a) => run_align(a),
        Command::Batch(b) => batch::run(b),
        Command::LearnLexicon(l) => batch::learn(l),
        Command::Detect(d) => run_detect(d),
        Command::Segment(s) => run_segment(s),
        Command::Extract(x) => run_extract(x),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("edalign: {e}");
            ExitCode::from(2)
        }
    }
}

/// A reader that went away (`edalign … | head`) is not an error.
fn is_broken_pipe(e: &Error) -> bool {
    matches!(e.kind(), ErrorKind::Io { err, .. } if err.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Maps an I/O error while writing output to our error type.
pub(crate) fn write_err(name: &str) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::io(name, e)
}

/// Builds the pipeline from the shared align options.
pub(crate) fn pipeline(opts: &args::AlignOptions, keep_order: bool) -> Result<Pipeline> {
    let mut builder = Aligner::builder();
    builder
        .min_score(opts.min_score)
        .max_bead(opts.max_bead)
        .band_width(opts.band_width)
        .consistent(opts.consistent)
        .joint_search(!opts.pairwise_three_way);
    if let Some(path) = &opts.lexicon {
        let text = Edition::from_path(path)?.text;
        let lexicon = edalign::align::Lexicon::from_tsv(&text)
            .map_err(|e| e.with_source(&path.display().to_string()))?;
        builder.lexicon(lexicon);
    }
    let aligner = builder.build()?;
    Pipeline::builder()
        .aligner(aligner)
        .presegmented(opts.presegmented)
        .keep_boilerplate(opts.keep_boilerplate)
        .keep_order(keep_order)
        .build()
}

/// How editions are read, from the shared align options.
pub(crate) fn read_options(opts: &args::AlignOptions) -> Result<edalign::read::ReadOptions> {
    let r = edalign::read::ReadOptions::default();
    match &opts.encoding {
        Some(label) => r.with_encoding(label),
        None => Ok(r),
    }
}

/// The edition files of a story folder: its text, web page and Word files, sorted by name.
fn story_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_file() && edalign::read::is_edition_file(&path) {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(Error::new(ErrorKind::NoEditions {
            path: dir.to_path_buf(),
        }));
    }
    Ok(files)
}

fn story_id(inputs: &[PathBuf]) -> String {
    let dir = if inputs.len() == 1 {
        inputs[0].as_path()
    } else {
        inputs[0].parent().unwrap_or(Path::new(""))
    };
    // `.` or `files/..` name no folder until resolved.
    let resolved = std::fs::canonicalize(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    });
    resolved
        .ok()
        .as_deref()
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
        .filter(|n| !n.is_empty())
        .unwrap_or("story")
        .to_string()
}

/// The story folders inside `dir` (sub-folders holding `*.txt` editions), sorted; empty
/// when `dir` is not a folder of stories.
fn story_folders(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir() && story_files(p).is_ok())
        .collect();
    dirs.sort();
    dirs
}

/// `edalign align FOLDER_OF_STORIES`: every story in turn, text views one after another or
/// one JSON document a line. A story that fails is reported on standard error and the
/// others go on; the exit status is then 2.
fn run_align_many(
    a: &AlignArgs,
    stories: &[PathBuf],
    read: edalign::read::ReadOptions,
) -> Result<ExitCode> {
    if !matches!(a.format, Format::Text | Format::Json) {
        return Err(Error::config(format!(
            "{} holds story folders: align them with --format text or json, or one story at a time",
            a.inputs[0].display()
        )));
    }
    let pipeline = pipeline(&a.options, false)?;
    let mut out = Output::open(a.out.as_deref())?;
    let name = out.name();
    let color = use_color(a);
    let (mut failed, mut worst) = (0, None);
    for (k, dir) in stories.iter().enumerate() {
        let report = story_files(dir)
            .and_then(|files| {
                files
                    .iter()
                    .map(|f| edalign::read::read_path(f, read))
                    .collect::<Result<Vec<_>>>()
            })
            .and_then(|editions| {
                pipeline.run(Story {
                    id: story_id(std::slice::from_ref(dir)),
                    editions,
                })
            });
        let report = match report {
            Ok(r) => r,
            Err(e) => {
                failed += 1;
                eprintln!("edalign: {e}");
                continue;
            }
        };
        worst = worst.max(report.review.worst());
        let w = out.writer();
        let written = if a.format == Format::Json {
            edalign::format::json::write_line(w, &report)
        } else {
            let sep = if k > 0 {
                writeln!(w).and_then(|_| writeln!(w, "{}", "=".repeat(a.width.max(60))))
            } else {
                Ok(())
            };
            sep.and_then(|_| {
                edalign::format::text::write(
                    w,
                    &report,
                    TextOptions {
                        width: a.width,
                        color,
                    },
                )
            })
        };
        written.map_err(write_err(&name))?;
    }
    out.commit()?;
    Ok(match (failed, a.fail_on, worst) {
        (f, _, _) if f > 0 => ExitCode::from(2),
        (_, Some(limit), Some(w)) if w >= limit => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    })
}

fn run_align(a: AlignArgs) -> Result<ExitCode> {
    // Options that contradict each other are refused before any file is read.
    if a.pair.is_some() && a.format != Format::Moses {
        return Err(Error::config("--pair goes with --format moses"));
    }
    if a.format == Format::Moses && a.out.is_none() {
        return write_moses_needs_prefix();
    }
    let read = read_options(&a.options)?;
    // A path that is not there is named as such, not counted as a missing edition.
    for p in &a.inputs {
        std::fs::metadata(p).map_err(|e| Error::io(p, e))?;
    }
    let folder = a.inputs.len() == 1 && a.inputs[0].is_dir();
    if folder && story_files(&a.inputs[0]).is_err() {
        let stories = story_folders(&a.inputs[0]);
        if !stories.is_empty() {
            return run_align_many(&a, &stories, read);
        }
    }
    let files = if folder {
        story_files(&a.inputs[0])?
    } else {
        a.inputs.clone()
    };
    let id = story_id(&a.inputs);
    if files.len() < 2 {
        return Err(Error::new(ErrorKind::TooFewEditions {
            story: if folder {
                a.inputs[0].display().to_string()
            } else {
                id
            },
            found: files.len(),
        }));
    }
    let mut editions = files
        .iter()
        .map(|f| edalign::read::read_path(f, read))
        .collect::<Result<Vec<_>>>()?;
    if let Some(langs) = &a.lang {
        if langs.len() != editions.len() {
            return Err(Error::config(format!(
                "--lang names {} languages for {} editions",
                langs.len(),
                editions.len()
            )));
        }
        for (e, l) in editions.iter_mut().zip(langs) {
            e.declared = Some(l.parse::<Lang>()?);
        }
    }
    // The two-file ladder contract keeps the given order: the first file is the source.
    let two_file_ladder = a.format == Format::Ladder && !folder && files.len() == 2;
    let pipeline = pipeline(&a.options, two_file_ladder)?;
    let report = pipeline.run(Story { id, editions })?;

    if a.format == Format::Moses {
        write_moses(&report, a.out.as_deref(), a.pair)?;
        return Ok(exit_status(&a, &report));
    }
    let mut out = Output::open(a.out.as_deref())?;
    let name = out.name();
    let options = WriteOptions::default()
        .with_text(TextOptions {
            width: a.width,
            color: use_color(&a),
        })
        .with_ladder_headers(!two_file_ladder);
    let written = edalign::format::write(a.format, &report, out.writer(), &options);
    written.map_err(write_err(&name))?;
    out.commit()?;
    Ok(exit_status(&a, &report))
}

/// Whether the text view is coloured: `--color`, and for `auto` a terminal on stdout.
fn use_color(a: &AlignArgs) -> bool {
    match a.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => a.out.is_none() && std::io::stdout().is_terminal(),
    }
}

/// 1 when a finding is at least as severe as `--fail-on`, else 0.
fn exit_status(a: &AlignArgs, report: &edalign::StoryReport) -> ExitCode {
    let fail = a.fail_on;
    match (fail, report.review.worst()) {
        (Some(limit), Some(worst)) if worst >= limit => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

/// Moses output: two files per pair, `PREFIX.<pair>.<lang>`, each written atomically; all
/// files are complete before the first is moved into place.
fn write_moses_needs_prefix<T>() -> Result<T> {
    Err(Error::config(
        "--format moses writes two files per pair: give --out PREFIX \
         (writes PREFIX.uk-en.uk, PREFIX.uk-en.en, …)",
    ))
}

fn write_moses(
    report: &edalign::StoryReport,
    prefix: Option<&Path>,
    only: Option<Pair>,
) -> Result<()> {
    let Some(prefix) = prefix else {
        return write_moses_needs_prefix();
    };
    let pairs = edalign::format::moses::pairs(report);
    let chosen: Vec<&(Pair, usize)> = match only {
        Some(p) => {
            let found: Vec<_> = pairs.iter().filter(|(n, _)| *n == p).collect();
            if found.is_empty() {
                let names: Vec<String> = pairs.iter().map(|(n, _)| n.to_string()).collect();
                return Err(Error::config(format!(
                    "--pair {p}: this story has the pairs {}",
                    names.join(", ")
                )));
            }
            found
        }
        None => pairs.iter().collect(),
    };
    let mut outputs = Vec::new();
    for &(pair, k) in chosen {
        let path = |lang| edalign::format::moses::path(prefix, pair, lang);
        let mut src = Output::open(Some(&path(pair.src)))?;
        let mut tgt = Output::open(Some(&path(pair.tgt)))?;
        let src_name = src.name();
        edalign::format::moses::write_pair(src.writer(), tgt.writer(), report, k)
            .map_err(write_err(&src_name))?;
        outputs.push(src);
        outputs.push(tgt);
    }
    for o in outputs {
        o.commit()?;
    }
    Ok(())
}

/// `edalign extract`: the body paragraphs of one edition, a blank line between them.
fn run_extract(x: ExtractArgs) -> Result<ExitCode> {
    let mut options = edalign::read::ReadOptions::default();
    if let Some(label) = &x.encoding {
        options = options.with_encoding(label)?;
    }
    let edition = read_edition(x.file.as_deref(), options)?;
    let layout = edalign::clean::clean(
        &edition.text,
        edalign::clean::CleanOptions {
            drop_boilerplate: !x.keep_boilerplate,
            line_paragraphs: false,
        },
    );
    let mut out = Output::open(None)?;
    let name = out.name();
    let body: Vec<&str> = layout
        .paragraphs
        .iter()
        .map(|p| p.span.slice(&edition.text))
        .collect();
    writeln!(out.writer(), "{}", body.join("\n\n")).map_err(write_err(&name))?;
    out.commit()?;
    Ok(ExitCode::SUCCESS)
}

/// Reads a file (or standard input for `None` / `-`) as an edition would be read (text in
/// any encoding edalign knows, a web page's body, a Word file's paragraphs), naming the
/// place of bad bytes.
fn read_text(path: Option<&Path>) -> Result<(String, String)> {
    let e = read_edition(path, edalign::read::ReadOptions::default())?;
    Ok((e.id, e.text))
}

/// Reads one edition from a file, or from standard input for `None` / `-`.
fn read_edition(path: Option<&Path>, options: edalign::read::ReadOptions) -> Result<Edition> {
    match path {
        Some(p) if p != Path::new("-") => edalign::read::read_path(p, options),
        _ => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io("<stdin>", e))?;
            edalign::read::read("<stdin>", None, bytes, options)
        }
    }
}

fn run_detect(d: DetectArgs) -> Result<ExitCode> {
    let detector = Detector::new();
    let mut out = Output::open(None)?;
    let name = out.name();
    if d.per_line {
        if d.files.len() > 1 {
            return Err(Error::config("--per-line reads one file"));
        }
        let (_, text) = read_text(d.files.first().map(PathBuf::as_path))?;
        let w = out.writer();
        let body = text.strip_suffix('\n').unwrap_or(&text);
        let mut result = Ok(());
        if !text.is_empty() {
            for line in body.split('\n') {
                let line = line.strip_suffix('\r').unwrap_or(line);
                let det = detector.detect(line);
                result = if d.json {
                    serde_json::to_writer(&mut *w, &det)
                        .map_err(std::io::Error::from)
                        .and_then(|_| writeln!(w))
                } else {
                    writeln!(w, "{}\t{:.3}", det.code, det.confidence)
                };
                if result.is_err() {
                    break;
                }
            }
        }
        result.map_err(write_err(&name))?;
        out.commit()?;
        return Ok(ExitCode::SUCCESS);
    }
    let files: Vec<Option<&Path>> = if d.files.is_empty() {
        vec![None]
    } else {
        d.files.iter().map(|f| Some(f.as_path())).collect()
    };
    for f in files {
        let (id, text) = read_text(f)?;
        let det = detector.detect(&text);
        let w = out.writer();
        let r = if d.json {
            let v = serde_json::json!({"file": id, "detection": det});
            writeln!(w, "{v}")
        } else {
            writeln!(
                w,
                "{id}\t{}\t{:.3}\t{}",
                det.code, det.confidence, det.evidence
            )
        };
        r.map_err(write_err(&name))?;
    }
    out.commit()?;
    Ok(ExitCode::SUCCESS)
}

fn run_segment(s: SegmentArgs) -> Result<ExitCode> {
    let detector = Detector::new();
    let forced = s.lang.as_deref().map(str::parse::<Lang>).transpose()?;
    let mut out = Output::open(None)?;
    let name = out.name();
    let (id, text) = read_text(s.file.as_deref())?;
    if !s.jsonl {
        let lang = forced.unwrap_or_else(|| detector.detect(&text).lang);
        let sentences = edalign::segment::segment_text(&text, lang);
        let w = out.writer();
        let mut last_para = None;
        for sent in &sentences {
            if last_para.is_some_and(|p| p != sent.paragraph) {
                writeln!(w).map_err(write_err(&name))?;
            }
            last_para = Some(sent.paragraph);
            writeln!(w, "{}", sent.span.slice(&text).replace(['\n', '\r'], " "))
                .map_err(write_err(&name))?;
        }
        out.commit()?;
        return Ok(ExitCode::SUCCESS);
    }
    #[derive(serde::Deserialize)]
    struct Record {
        id: serde_json::Value,
        lang: Option<String>,
        text: String,
    }
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let pos = Position {
            source: Some(id.clone()),
            line: Some(n as u64 + 1),
            byte: None,
        };
        let rec: Record = serde_json::from_str(line)
            .map_err(|e| Error::parse(pos.clone(), format!("bad JSON record: {e}")))?;
        let lang = match (forced, rec.lang.as_deref().and_then(Lang::from_code)) {
            (Some(l), _) | (None, Some(l)) => l,
            (None, None) => detector.detect(&rec.text).lang,
        };
        let sentences = edalign::segment::segment_text(&rec.text, lang);
        let v = serde_json::json!({
            "id": rec.id,
            "lang": lang.code(),
            "sentences": sentences.iter().map(|s| s.span.slice(&rec.text)).collect::<Vec<_>>(),
            "spans": sentences.iter().map(|s| [s.span.start, s.span.end]).collect::<Vec<_>>(),
            "paragraphs": sentences.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
        });
        let w = out.writer();
        writeln!(w, "{v}").map_err(write_err(&name))?;
    }
    out.commit()?;
    Ok(ExitCode::SUCCESS)
}
