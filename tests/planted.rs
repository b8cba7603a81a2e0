//! The review on the shipped stories: every difference planted in a story (listed in its
//! `meta.json`) is reported, and nothing else of severity warning or above is.
//!
//! Known misses are listed in [`KNOWN_MISSES`] and must stay exactly as listed: a new miss
//! fails the test, and so does a known miss that is fixed (remove it from the list then).

use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Problems the tool still has on the shipped stories, each as the start of its line in the
/// problem list below, with why.
const KNOWN_MISSES: &[&str] = &[];

fn stories() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let mut dirs: Vec<PathBuf> = fs::read_dir(root)
        .expect("corpora/ exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("meta.json").is_file())
        .collect();
    dirs.sort();
    dirs
}

fn report(story: &Path) -> Value {
    let o = Command::new(env!("CARGO_BIN_EXE_edalign"))
        .args(["align", "--format", "json"])
        .arg(story)
        .output()
        .expect("the binary runs");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("JSON")
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A sentence of the report: (language, index).
type Sent = (String, u64);

/// The sentences of `lang` in the report whose text is, or is part of, `text`.
fn find(rep: &Value, lang: &str, text: &str) -> BTreeSet<Sent> {
    let want = norm(text);
    let mut out = BTreeSet::new();
    for e in rep["editions"].as_array().unwrap() {
        if e["lang"] != lang {
            continue;
        }
        for s in e["sentences"].as_array().unwrap() {
            let t = norm(s["text"].as_str().unwrap());
            if !t.is_empty() && (want.contains(&t) || t.contains(&want)) {
                out.insert((lang.to_string(), s["index"].as_u64().unwrap()));
            }
        }
    }
    out
}

fn texts(v: &Value) -> Vec<&str> {
    match v {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The sentences each planted item names, per language.
fn planted_sentences(rep: &Value, item: &Value) -> BTreeSet<Sent> {
    let mut out = BTreeSet::new();
    if let Some(map) = item["text"].as_object() {
        for (lang, v) in map {
            for t in texts(v) {
                let found = find(rep, lang, t);
                assert!(
                    !found.is_empty(),
                    "planted sentence not in the {lang} edition's sentences: {t}"
                );
                out.extend(found);
            }
        }
    }
    out
}

fn finding_sentences(f: &Value) -> BTreeSet<Sent> {
    let mut out = BTreeSet::new();
    for loc in f["locations"].as_array().unwrap() {
        let lang = loc["lang"].as_str().unwrap().to_string();
        for i in loc["sentences"].as_array().unwrap() {
            out.insert((lang.clone(), i.as_u64().unwrap()));
        }
    }
    out
}

/// Which finding kinds report a planted kind.
fn kinds_for(planted: &str) -> &'static [&'static str] {
    match planted {
        "missing" | "added" => &["missing", "only_in"],
        "number" | "date" => &["number_mismatch", "date_mismatch"],
        "name" => &["name_mismatch"],
        "untranslated" => &["untranslated"],
        "moved" => &["moved"],
        "mislabelled" => &["declared_mismatch"],
        _ => &[],
    }
}

fn is_warning(f: &Value) -> bool {
    matches!(f["severity"].as_str(), Some("warning" | "error"))
}

#[test]
fn planted_differences_are_reported_and_nothing_else() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for story in stories() {
        let meta: Value =
            serde_json::from_str(&fs::read_to_string(story.join("meta.json")).unwrap()).unwrap();
        let rep = report(&story);
        let name = story.file_name().unwrap().to_string_lossy().into_owned();
        let findings = rep["findings"].as_array().unwrap();
        let mut explained = vec![false; findings.len()];
        for item in meta["planted"].as_array().unwrap() {
            let kind = item["kind"].as_str().unwrap();
            checked += 1;
            if kind == "merged" || kind == "split" {
                // A merge is right when one group holds all the sentences named.
                let sents = planted_sentences(&rep, item);
                let ok = rep["groups"].as_array().unwrap().iter().any(|g| {
                    sents.iter().all(|(lang, i)| {
                        g["members"][lang.as_str()]
                            .as_array()
                            .is_some_and(|m| m.iter().any(|x| x.as_u64() == Some(*i)))
                    })
                });
                if !ok {
                    problems.push(format!("{name}: merge not grouped: {}", item["text"]));
                }
                continue;
            }
            if kind == "mislabelled" {
                let file = item["file"].as_str().unwrap();
                let hit = findings.iter().position(|f| {
                    f["kind"] == "declared_mismatch"
                        && f["locations"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .any(|l| l["edition"].as_str().unwrap().ends_with(file))
                });
                match hit {
                    Some(k) => explained[k] = true,
                    None => problems.push(format!("{name}: mislabelled {file} not reported")),
                }
                continue;
            }
            let sents = planted_sentences(&rep, item);
            let kinds = kinds_for(kind);
            let mut found = false;
            for (k, f) in findings.iter().enumerate() {
                if kinds.contains(&f["kind"].as_str().unwrap())
                    && !finding_sentences(f).is_disjoint(&sents)
                {
                    found = true;
                    explained[k] = true;
                }
            }
            if !found {
                problems.push(format!(
                    "{name}: planted {kind} not reported: {}",
                    item["text"]
                ));
            }
        }
        for (k, f) in findings.iter().enumerate() {
            if is_warning(f) && !explained[k] {
                problems.push(format!(
                    "{name}: unplanted {} {}: {}",
                    f["severity"], f["kind"], f["message"]
                ));
            }
        }
    }
    assert!(
        checked >= 10,
        "too few planted differences checked: {checked}"
    );
    let unexpected: Vec<&String> = problems
        .iter()
        .filter(|p| !KNOWN_MISSES.iter().any(|k| p.starts_with(k)))
        .collect();
    let fixed: Vec<&&str> = KNOWN_MISSES
        .iter()
        .filter(|k| !problems.iter().any(|p| p.starts_with(**k)))
        .collect();
    assert!(
        unexpected.is_empty() && fixed.is_empty(),
        "{} unexpected problems:\n{}\nknown misses that no longer occur (remove them from KNOWN_MISSES): {fixed:?}",
        unexpected.len(),
        unexpected
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
