//! Golden tests over the stories shipped in `corpora/`: the real binary renders every story
//! in every format and the output must equal `corpora/<story>/expected/align.<format>`.
//! Run with `BLESS=1` to rewrite the expected files after an intended change, and review
//! the diff before committing it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const FORMATS: &[(&str, &str)] = &[
    ("text", "txt"),
    ("json", "json"),
    ("tsv", "tsv"),
    ("ladder", "ladder"),
    ("tmx", "tmx"),
    ("html", "html"),
];

fn stories() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .expect("corpora/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_dir() && p.join("meta.json").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// Runs the binary from the package root with a relative story path, so that the paths
/// printed in the output are the same on every machine.
fn render(story: &Path, format: &str) -> String {
    let rel = story
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .expect("story under the package");
    let o = Command::new(env!("CARGO_BIN_EXE_edalign"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["align", "--color", "never", "--format", format])
        .arg(rel)
        .output()
        .expect("the binary runs");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{} --format {format}: {}",
        rel.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("utf-8 output")
}

/// The first differing line, for a readable failure.
fn first_difference(want: &str, got: &str) -> String {
    for (n, (w, g)) in want.lines().zip(got.lines()).enumerate() {
        if w != g {
            return format!("line {}:\n  expected: {w}\n  got:      {g}", n + 1);
        }
    }
    format!(
        "line counts differ: expected {}, got {}",
        want.lines().count(),
        got.lines().count()
    )
}

#[test]
fn shipped_stories_match_their_expected_output() {
    let stories = stories();
    assert!(
        stories.len() >= 6,
        "corpora/ should hold at least six stories, found {}",
        stories.len()
    );
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for story in &stories {
        for (format, ext) in FORMATS {
            let got = render(story, format);
            let path = story.join("expected").join(format!("align.{ext}"));
            if bless {
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::write(&path, &got).unwrap();
                continue;
            }
            match fs::read_to_string(&path) {
                Ok(want) if want == got => {}
                Ok(want) => failures.push(format!(
                    "{}: {}",
                    path.display(),
                    first_difference(&want, &got)
                )),
                Err(e) => failures.push(format!(
                    "{}: {e} (run with BLESS=1 to create it)",
                    path.display()
                )),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "golden output differs:\n{}",
        failures.join("\n")
    );
}
