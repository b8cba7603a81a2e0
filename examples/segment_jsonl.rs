//! `edalign segment --jsonl` before the CLI has it: reads JSONL records
//! `{"id", "lang"?, "text"}` on stdin and writes
//! `{"id", "lang", "sentences": [..], "spans": [[start, end], ..]}` on stdout.
//!
//! The language is the record's `lang` (`Lang::from_code`) or, when it is missing or
//! unknown, the detector's. Spans are byte offsets into `text`.
//!
//! ```sh
//! cargo run --release --example segment_jsonl < in.jsonl > out.jsonl
//! ```

use edalign::Lang;
use edalign::detect::Detector;
use edalign::segment::segment_text;
use serde_json::{Value, json};
use std::io::{BufRead, BufWriter, Write};

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
        let sentences = segment_text(text, lang);
        let strings: Vec<&str> = sentences.iter().map(|s| s.span.slice(text)).collect();
        let spans: Vec<[usize; 2]> = sentences
            .iter()
            .map(|s| [s.span.start, s.span.end])
            .collect();
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
