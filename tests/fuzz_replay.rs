//! Replays the committed fuzz inputs (`fuzz/regressions/<target>/*`) and a few seeds through
//! the same entry points the fuzz targets use, as ordinary tests on stable Rust.

#[path = "../fuzz/entry.rs"]
mod entry;

use std::path::Path;

const SEEDS: &[&[u8]] = &[
    b"",
    b"\x00",
    b"\xff\xfe",
    b"\x01ua en ru\n\nHeadline\n\nAuthor: X\nOne. Two.\x00\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2. \xd0\x94\xd0\xb2\xd0\xb0.\x00\xd0\xad\xd1\x82\xd0\xbe.",
    "\u{3}Й. Столтенберг заявив: «Так…» — і пішов.\n\nU.S. Gov. 1,5 млрд.\u{0}Stoltenberg said: \"Yes...\"".as_bytes(),
    b"\x07\r\n\r\n\t \x00 \x00 ",
];

fn replay(target: &str, run: fn(&[u8])) -> usize {
    for seed in SEEDS {
        run(seed);
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut n = SEEDS.len();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries {
            let path = e.expect("entry").path();
            run(&std::fs::read(&path).expect("readable input"));
            n += 1;
        }
    }
    n
}

#[test]
fn edition_inputs() {
    assert!(replay("edition", entry::edition) >= SEEDS.len());
}

#[test]
fn read_inputs() {
    assert!(replay("read", entry::read) >= SEEDS.len());
}

#[test]
fn detect_inputs() {
    assert!(replay("detect", entry::detect) >= SEEDS.len());
}

#[test]
fn segment_inputs() {
    assert!(replay("segment", entry::segment) >= SEEDS.len());
}

#[test]
fn align_inputs() {
    assert!(replay("align", entry::align) >= SEEDS.len());
}

#[test]
fn align_story_inputs() {
    assert!(replay("align_story", entry::align_story) >= SEEDS.len());
}

#[test]
fn story_inputs() {
    assert!(replay("story", entry::story) >= SEEDS.len());
}
