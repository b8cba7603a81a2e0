//! Baseline for the language-ID benchmark: whatlang restricted to uk, en and ru, one line
//! at a time, printing `code<TAB>confidence` like `detect_lines` (`other` when whatlang
//! gives no answer). Used by `bench/lid/run` to compare speed.

use std::io::{self, BufRead, BufWriter, Write};
use whatlang::{Detector, Lang};

fn main() -> io::Result<()> {
    let input: Box<dyn BufRead> = match std::env::args_os().nth(1) {
        Some(path) => Box::new(io::BufReader::new(std::fs::File::open(path)?)),
        None => Box::new(io::stdin().lock()),
    };
    let detector = Detector::with_allowlist(vec![Lang::Ukr, Lang::Eng, Lang::Rus]);
    let mut out = BufWriter::new(io::stdout().lock());
    for line in input.lines() {
        let line = line?;
        let (code, conf) = match detector.detect(&line) {
            Some(info) => (
                match info.lang() {
                    Lang::Ukr => "uk",
                    Lang::Rus => "ru",
                    _ => "en",
                },
                info.confidence(),
            ),
            None => ("other", 0.0),
        };
        writeln!(out, "{code}\t{conf:.3}")?;
    }
    out.flush()
}
