//! Aligns presegmented files (one sentence a line) and prints ladder beads, as
//! `edalign align --presegmented --format ladder A B [C]` will.
//!
//! ```text
//! cargo run --release --example ladder -- uk.txt en.txt          # one pair
//! cargo run --release --example ladder -- uk.txt en.txt ru.txt   # # uk-en, # uk-ru, # en-ru
//! ladder --lexicon lex.tsv A B [C]                # with a learned lexicon
//! ladder --pairwise-three-way A B C               # three pairs, no joint search
//! ladder --consistent A B C                       # pairs projected from the groups
//! ladder --learn lex.tsv DIR...                   # learn one from a batch of stories
//! ```
//!
//! `--learn` reads every `<story>.<lang>.txt` in the directories (the layout of the shared
//! bench's `make_editions --export`), aligns each story's editions, and writes the lexicon
//! learned from the confident links (see `Aligner::learn_lexicon`).

use edalign::align::{Aligner, Alignment, Lexicon, Side};
use edalign::detect::Detector;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::process::ExitCode;

fn list(r: std::ops::Range<usize>) -> String {
    let v: Vec<String> = r.map(|i| i.to_string()).collect();
    format!("[{}]", v.join(", "))
}

fn ladder(a: &Alignment, out: &mut String) {
    for b in &a.beads {
        let _ = writeln!(
            out,
            "{}:{}:{:.3}",
            list(b.src.clone()),
            list(b.tgt.clone()),
            b.score
        );
    }
}

fn read(p: &str) -> Result<String, ExitCode> {
    std::fs::read_to_string(p).map_err(|e| {
        eprintln!("{p}: {e}");
        ExitCode::from(1)
    })
}

fn learn(out: &str, dirs: &[String]) -> Result<(), ExitCode> {
    // story key -> texts
    let mut stories: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in dirs {
        let entries = std::fs::read_dir(d).map_err(|e| {
            eprintln!("{d}: {e}");
            ExitCode::from(1)
        })?;
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            let parts: Vec<&str> = name.split('.').collect();
            if parts.len() == 3 && parts[2] == "txt" {
                let text = read(&e.path().to_string_lossy())?;
                stories
                    .entry(format!("{d}/{}", parts[0]))
                    .or_default()
                    .push(text);
            }
        }
    }
    let det = Detector::new();
    let batch: Vec<Vec<Side>> = stories
        .values()
        .filter(|t| t.len() >= 2)
        .map(|texts| {
            texts
                .iter()
                .map(|t| Side::new(det.detect(t).lang, t.lines().collect()))
                .collect()
        })
        .collect();
    let lex = Aligner::default().learn_lexicon(&batch);
    eprintln!("{} stories, {} lexicon entries", batch.len(), lex.len());
    std::fs::write(out, lex.to_tsv()).map_err(|e| {
        eprintln!("{out}: {e}");
        ExitCode::from(1)
    })
}

fn run(mut args: Vec<String>) -> Result<(), ExitCode> {
    if args.first().map(String::as_str) == Some("--learn") && args.len() >= 3 {
        return learn(&args[1], &args[2..]);
    }
    let mut builder = Aligner::builder();
    while let Some(flag) = args.first().map(String::as_str) {
        match flag {
            "--pairwise-three-way" => builder.joint_search(false),
            "--consistent" => builder.consistent(true),
            _ => break,
        };
        args.remove(0);
    }
    if args.first().map(String::as_str) == Some("--lexicon") && args.len() >= 2 {
        let lex = Lexicon::from_tsv(&read(&args[1])?).map_err(|e| {
            eprintln!("{}: {e}", args[1]);
            ExitCode::from(1)
        })?;
        builder.lexicon(lex);
        args.drain(..2);
    }
    if !(2..=3).contains(&args.len()) {
        eprintln!(
            "usage: ladder [--pairwise-three-way] [--consistent] [--lexicon FILE] A B [C]   (one sentence a line)"
        );
        eprintln!("       ladder --learn OUT DIR...");
        return Err(ExitCode::from(2));
    }
    let texts = args
        .iter()
        .map(|p| read(p))
        .collect::<Result<Vec<_>, _>>()?;
    let det = Detector::new();
    let mut sides: Vec<Side> = texts
        .iter()
        .map(|t| Side::new(det.detect(t).lang, t.lines().collect()))
        .collect();
    let al = builder.build().map_err(|e| {
        eprintln!("{e}");
        ExitCode::from(2)
    })?;
    let mut out = String::new();
    if sides.len() == 2 {
        ladder(&al.align(&sides[0], &sides[1]), &mut out);
    } else {
        sides.sort_by_key(|s| s.lang.rank().unwrap_or(3));
        let story = al.align_story(&sides);
        for p in &story.pairs {
            let name = |k: usize| sides[k].lang.code();
            let _ = writeln!(out, "# {}-{}", name(p.src), name(p.tgt));
            ladder(&p.alignment, &mut out);
        }
    }
    print!("{out}");
    Ok(())
}

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(c) => c,
    }
}
