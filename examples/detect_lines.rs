//! Detects the language of every line of a file (or of standard input) and prints
//! `code<TAB>confidence` per line, empty lines included, in order — exactly what
//! `edalign detect --per-line FILE` prints.
//!
//! ```text
//! cargo run --release --example detect_lines -- FILE
//! ```

use edalign::detect::Detector;
use std::io::{self, BufRead, BufWriter, Write};

fn main() -> io::Result<()> {
    let input: Box<dyn BufRead> = match std::env::args_os().nth(1) {
        Some(path) => Box::new(io::BufReader::new(std::fs::File::open(path)?)),
        None => Box::new(io::stdin().lock()),
    };
    let detector = Detector::new();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in input.lines() {
        let line = line?;
        let d = detector.detect(&line);
        writeln!(out, "{}\t{:.3}", d.code, d.confidence)?;
    }
    out.flush()
}
