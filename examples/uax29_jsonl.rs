//! Baseline for the segmentation benchmark: the same JSONL in and out as `edalign segment --jsonl`,
//! but sentences are bare UAX #29 sentence bounds (unicode-segmentation), trimmed, with no
//! paragraph handling and no rules. Only for timing and comparison.
//!
//! ```sh
//! cargo run --release --example uax29_jsonl < in.jsonl > out.jsonl
//! ```

use edalign::Lang;
use edalign::detect::Detector;
use serde_json::{Value, json};
use std::io::{BufRead, BufWriter, Write};
use unicode_segmentation::UnicodeSegmentation;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let detector = Detector::new();
    let stdin = std::io::stdin().lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (n, line) in stdin.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: Value = serde_json::from_str(&line)
            .map_err(|e| format!("line {}: invalid JSON: {e}", n + 1))?;
        let text = rec
            .get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("line {}: no \"text\" string", n + 1))?;
        let lang = rec
            .get("lang")
            .and_then(Value::as_str)
            .and_then(Lang::from_code)
            .unwrap_or_else(|| detector.detect(text).lang);
        let mut strings: Vec<&str> = Vec::new();
        let mut spans: Vec<[usize; 2]> = Vec::new();
        for (off, piece) in text.split_sentence_bound_indices() {
            let trimmed = piece.trim_start();
            let start = off + (piece.len() - trimmed.len());
            let trimmed = trimmed.trim_end();
            if !trimmed.is_empty() {
                strings.push(trimmed);
                spans.push([start, start + trimmed.len()]);
            }
        }
        let id = rec.get("id").cloned().unwrap_or(Value::Null);
        serde_json::to_writer(
            &mut out,
            &json!({"id": id, "lang": lang.code(), "sentences": strings, "spans": spans}),
        )?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
