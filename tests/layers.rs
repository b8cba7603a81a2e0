//! The library's modules form layers that point down only: every `crate::module` a file
//! names (in a `use` or a path, outside comments) is in its own module or a lower layer.
//! The table below is the architecture; a new module gets its row here.

use std::fs;
use std::path::{Path, PathBuf};

/// Modules from the bottom up; a module may use any module of a lower layer, and none of
/// its own layer but itself.
const LAYERS: &[&[&str]] = &[
    // Plain types every stage shares.
    &["error"],
    &["span", "lang"],
    &["edition"],
    // Bytes as they arrive (encodings, Word files, web pages) into editions.
    &["read"],
    // Word lists and readings of numbers, dates, names (shared by aligner and review).
    &["lexical"],
    // The stages, in pipeline order; each may use the ones before it.
    &["clean"],
    &["detect"],
    &["segment"],
    &["align"],
    // What the stages make of a story; the review reads and writes it.
    &["model"],
    &["review"],
    // The one module that calls every stage.
    &["pipeline"],
    // Renders a report.
    &["format"],
];

/// The crate root's re-exports, by the module that defines them.
const ROOT_NAMES: &[(&str, &str)] = &[
    ("Error", "error"),
    ("ErrorKind", "error"),
    ("Position", "error"),
    ("Result", "error"),
    ("Lang", "lang"),
    ("Span", "span"),
    ("Edition", "edition"),
    ("Aligner", "align"),
    ("AnalyzedEdition", "model"),
    ("Story", "model"),
    ("StoryReport", "model"),
    ("Pipeline", "pipeline"),
    ("PipelineBuilder", "pipeline"),
    ("Format", "format"),
];

fn layer_of(module: &str) -> Option<usize> {
    let module = ROOT_NAMES
        .iter()
        .find(|(name, _)| *name == module)
        .map_or(module, |(_, m)| m);
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).expect("readable src") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The modules a line of code names as `crate::module`.
fn named_modules(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.push(name);
        }
        rest = after;
    }
    // `use crate::{a, b}` names several.
    if let Some(i) = code.find("crate::{") {
        let inner = &code[i + "crate::{".len()..];
        for part in inner.split([',', '}']) {
            let name: String = part
                .trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

#[test]
fn modules_use_only_their_own_and_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut upward = Vec::new();
    let mut unknown = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        // The crate root re-exports; the binary is not part of the library.
        if first == "lib.rs" || first == "bin" {
            continue;
        }
        let module = first.trim_end_matches(".rs").to_string();
        let Some(own) = layer_of(&module) else {
            unknown.push(module);
            continue;
        };
        let text = fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for used in named_modules(line) {
                if used == module {
                    continue;
                }
                match layer_of(&used) {
                    Some(l) if l < own => {}
                    Some(_) => {
                        upward.push(format!("{}:{}: {module} uses {used}", rel.display(), n + 1))
                    }
                    None => unknown.push(used),
                }
            }
        }
    }
    unknown.sort();
    unknown.dedup();
    assert!(
        unknown.is_empty(),
        "modules missing from LAYERS: {unknown:?}"
    );
    assert!(
        upward.is_empty(),
        "uses that point up or sideways:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_layer_check_sees_a_use_and_a_path() {
    assert_eq!(
        named_modules("use crate::review::{Finding, Severity};"),
        ["review"]
    );
    assert_eq!(
        named_modules("    let u = crate::lexical::unit(&w); // crate::format"),
        ["lexical"]
    );
    assert_eq!(
        named_modules("use crate::{align, span::Span};"),
        ["align", "span"]
    );
}
