//! Aligns presegmented files (one sentence a line) and prints ladder beads, as
//! `edalign align --presegmented --format ladder A B [C]` will.
//!
//! ```text
//! cargo run --release --example ladder -- uk.txt en.txt          # one pair
//! cargo run --release --example ladder -- uk.txt en.txt ru.txt   # # uk-en, # uk-ru, # en-ru
//! ```

use edalign::align::{Aligner, Alignment, Side};
use edalign::detect::Detector;
use edalign::lang::Lang;
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

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if !(2..=3).contains(&paths.len()) {
        eprintln!("usage: ladder A B [C]   (one sentence a line)");
        return ExitCode::from(2);
    }
    let mut texts = Vec::new();
    for p in &paths {
        match std::fs::read_to_string(p) {
            Ok(t) => texts.push(t),
            Err(e) => {
                eprintln!("{p}: {e}");
                return ExitCode::from(1);
            }
        }
    }
    let det = Detector::new();
    let mut sides: Vec<Side> = texts
        .iter()
        .map(|t| Side::new(det.detect(t).lang, t.lines().collect()))
        .collect();
    let al = Aligner::default();
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
    let _ = Lang::ALIGNED;
    ExitCode::SUCCESS
}
