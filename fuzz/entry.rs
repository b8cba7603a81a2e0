// Entry points shared by the fuzz targets (fuzz/fuzz_targets/*.rs, run with cargo-fuzz) and
// by the replay test (tests/fuzz_replay.rs), which runs every committed input in
// fuzz/regressions/ as an ordinary test on stable Rust.
//
// Each entry takes raw bytes; the first byte, where used, picks the configuration, so the
// fuzzer explores options as well as text.

use edalign::align::{Aligner, Side};
use edalign::detect::Detector;
use edalign::format::text::TextOptions;
use edalign::{Edition, Lang};
use edalign::{Pipeline, Story};

fn lang_of(b: u8) -> Lang {
    [Lang::Uk, Lang::En, Lang::Ru, Lang::Other][(b % 4) as usize]
}

/// Reading an edition: UTF-8 validation and the error's position.
pub fn edition(data: &[u8]) {
    match Edition::from_bytes("fuzz.txt", None, data.to_vec()) {
        Ok(e) => assert_eq!(e.text.as_bytes(), data),
        Err(err) => assert!(
            err.to_string()
                .starts_with("fuzz.txt: invalid UTF-8 at byte")
        ),
    }
}

/// Reading bytes as they arrive: any bytes, under any name the first byte picks (text, a
/// page, a Word file), give an edition or an error that names the file; never a panic.
pub fn read(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let name = ["fuzz.txt", "fuzz.html", "fuzz.docx", "fuzz"][(first % 4) as usize];
    let options = edalign::read::ReadOptions::default();
    match edalign::read::read(name, None, rest.to_vec(), options) {
        Ok(e) => assert!(std::str::from_utf8(e.text.as_bytes()).is_ok()),
        Err(err) => assert!(err.to_string().starts_with(name), "{err}"),
    }
}

/// Language identification never panics and keeps its confidence in range.
pub fn detect(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let d = Detector::new().detect(&text);
    assert!((0.0..=1.0).contains(&d.confidence));
}

/// Segmentation of any text, with any language's rules.
pub fn segment(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let sentences = edalign::segment::segment_text(&text, lang_of(first));
    // Nothing but white space (and the invisible marks the cleaner trims) is left out.
    let blank = |s: &str| {
        s.chars()
            .all(|c| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
    };
    let mut end = 0;
    for s in &sentences {
        assert!(s.span.start >= end && s.span.end > s.span.start);
        assert!(blank(&text[end..s.span.start]));
        end = s.span.end;
    }
    assert!(blank(&text[end..]));
}

/// Pairwise alignment of two line lists, with configuration from the first byte.
pub fn align(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let (a, b) = text.split_once('\u{0}').unwrap_or((&text, ""));
    let aligner = Aligner::builder()
        .max_bead(1 + (first as usize % 3))
        .min_score((first >> 4) as f64 / 16.0)
        .build()
        .expect("valid settings");
    let src = Side::new(lang_of(first >> 2), a.lines().collect());
    let tgt = Side::new(lang_of(first >> 3), b.lines().collect());
    let al = aligner.align(&src, &tgt);
    let (mut ns, mut nt) = (0, 0);
    for bead in &al.beads {
        ns += bead.src.len();
        nt += bead.tgt.len();
    }
    assert_eq!((ns, nt), (src.len(), tgt.len()));
}

/// Three editions (uk, en, ru line lists split at NUL bytes) aligned together, with
/// settings from the first byte: every pair partitions its sentences, and the joint search
/// leaves no contradiction between the pairs.
pub fn align_story(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let mut parts = text.splitn(3, '\u{0}');
    let texts: Vec<&str> = (0..3).map(|_| parts.next().unwrap_or("")).collect();
    let joint = first & 1 == 0;
    let aligner = Aligner::builder()
        .max_bead(1 + ((first >> 1) as usize % 2))
        .allow_2_2(first & 8 == 0)
        .min_score(((first >> 4) % 4) as f64 / 8.0)
        .joint_search(joint)
        .build()
        .expect("valid settings");
    let sides: Vec<Side> = [Lang::Uk, Lang::En, Lang::Ru]
        .into_iter()
        .zip(&texts)
        .map(|(lang, t)| Side::new(lang, t.lines().collect()))
        .collect();
    let story = aligner.align_story(&sides);
    for p in &story.pairs {
        let (mut ns, mut nt) = (0, 0);
        for bead in &p.alignment.beads {
            ns += bead.src.len();
            nt += bead.tgt.len();
        }
        assert_eq!((ns, nt), (sides[p.src].len(), sides[p.tgt].len()));
    }
    if joint {
        assert_eq!(story.contradictions(), Vec::new());
    }
}

/// The whole pipeline on up to three editions split at NUL bytes, rendered in every format.
pub fn story(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let editions: Vec<Edition> = rest
        .split(|&b| b == 0)
        .take(4)
        .enumerate()
        .filter_map(|(i, part)| Edition::from_bytes(format!("e{i}"), None, part.to_vec()).ok())
        .collect();
    let pipeline = Pipeline::builder()
        .presegmented(first & 1 == 1)
        .keep_boilerplate(first & 2 == 2)
        .build()
        .expect("valid settings");
    if let Ok(report) = pipeline.run(Story {
        id: "fuzz".into(),
        editions,
    }) {
        let mut sink = Vec::new();
        edalign::format::text::write(&mut sink, &report, TextOptions::default()).expect("text");
        edalign::format::json::write(&mut sink, &report).expect("json");
        edalign::format::tsv::write(&mut sink, &report).expect("tsv");
        edalign::format::ladder::write(&mut sink, &report, true).expect("ladder");
    }
}
