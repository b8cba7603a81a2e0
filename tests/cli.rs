//! The `edalign` command as a user meets it: bad input, the contracts the benchmarks call,
//! atomic output, batch mode.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn edalign(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_edalign"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn edalign_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_edalign"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 errors")
}

/// A fresh scratch folder under the target directory.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

const UK: &str = "Уряд ухвалив новий бюджет на 2025 рік.\n\nВитрати на оборону зростуть на 12 відсотків. Міністр фінансів Сергій Марченко назвав документ реалістичним.\n\nДефіцит бюджету становитиме 18,4% ВВП. Уряд розраховує на 38 млрд доларів зовнішньої допомоги.\n";
const EN: &str = "The government adopted a new budget for 2025.\n\nDefence spending will rise by 12 percent. Finance Minister Serhiy Marchenko called the document realistic.\n\nThe budget deficit will be 18.4% of GDP. The government is counting on $38 billion in foreign aid.\n";
const RU: &str = "Правительство приняло новый бюджет на 2025 год.\n\nРасходы на оборону вырастут на 12 процентов. Министр финансов Сергей Марченко назвал документ реалистичным.\n\nДефицит бюджета составит 18,4% ВВП. Правительство рассчитывает на 38 млрд долларов внешней помощи.\n";
/// The Russian edition without the minister's sentence.
const RU_SHORT: &str = "Правительство приняло новый бюджет на 2025 год.\n\nРасходы на оборону вырастут на 12 процентов.\n\nДефицит бюджета составит 18,4% ВВП. Правительство рассчитывает на 38 млрд долларов внешней помощи.\n";

fn story(name: &str) -> PathBuf {
    let dir = scratch(name);
    fs::write(dir.join("uk.txt"), UK).unwrap();
    fs::write(dir.join("en.txt"), EN).unwrap();
    fs::write(dir.join("ru.txt"), RU).unwrap();
    dir
}

fn assert_error(o: &Output, needle: &str) {
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(o));
    let err = stderr(o);
    assert!(err.contains(needle), "expected {needle:?} in {err:?}");
    assert_eq!(err.lines().count(), 1, "one-line error: {err:?}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn missing_file_is_named() {
    let dir = story("missing_file");
    let gone = dir.join("de.txt");
    let o = edalign(&[
        "align",
        dir.join("uk.txt").to_str().unwrap(),
        gone.to_str().unwrap(),
    ]);
    assert_error(&o, "de.txt: no such file");
}

#[test]
fn invalid_utf8_names_file_and_byte() {
    let dir = story("invalid_utf8");
    let mut bytes = b"First line.\nSecond ".to_vec();
    bytes.push(0xff);
    fs::write(dir.join("en.txt"), bytes).unwrap();
    let o = edalign(&["align", dir.to_str().unwrap()]);
    assert_error(&o, "en.txt: invalid UTF-8 at byte 19 (line 2)");
}

#[test]
fn an_empty_edition_is_reported_and_the_others_aligned() {
    let dir = story("empty_edition");
    fs::write(dir.join("ru.txt"), "\n  \nua en ru\n").unwrap();
    let o = edalign(&["align", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let langs: Vec<&str> = doc["editions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["uk", "en"]);
    let f = &doc["findings"][0];
    assert_eq!(
        (f["kind"].as_str(), f["severity"].as_str()),
        (Some("empty_edition"), Some("error"))
    );
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("ru.txt: empty edition")
    );
    // --fail-on error makes it the exit status.
    let o = edalign(&["align", "--fail-on", "error", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    // With one edition left there is nothing to align: the empty one is the error.
    fs::remove_file(dir.join("en.txt")).unwrap();
    let o = edalign(&["align", dir.to_str().unwrap()]);
    assert_error(&o, "ru.txt: empty edition");
}

#[test]
fn one_edition_is_too_few() {
    let dir = scratch("one_edition");
    fs::write(dir.join("uk.txt"), UK).unwrap();
    let o = edalign(&["align", dir.to_str().unwrap()]);
    assert_error(&o, "1 edition(s) found, at least two are needed");
    let o = edalign(&["align", dir.join("uk.txt").to_str().unwrap()]);
    assert_error(&o, "at least two are needed");
}

#[test]
fn folder_without_editions() {
    let dir = scratch("no_editions");
    fs::write(dir.join("notes.md"), "nothing here").unwrap();
    let o = edalign(&["align", dir.to_str().unwrap()]);
    assert_error(&o, "no edition files");
}

#[test]
fn aligns_a_folder_in_every_format() {
    let dir = story("formats");
    for format in ["text", "json", "tsv", "ladder"] {
        let o = edalign(&["align", "--format", format, dir.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        assert!(!o.stdout.is_empty(), "{format} printed nothing");
    }
    let o = edalign(&["align", "--format", "json", dir.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let langs: Vec<&str> = v["editions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["uk", "en", "ru"]);
    // Every sentence's text is its span of the original file.
    for e in v["editions"].as_array().unwrap() {
        let text = fs::read_to_string(e["id"].as_str().unwrap()).unwrap();
        for s in e["sentences"].as_array().unwrap() {
            let (a, b) = (
                s["span"][0].as_u64().unwrap() as usize,
                s["span"][1].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[a..b], s["text"].as_str().unwrap());
        }
    }
}

#[test]
fn ladder_contract_two_presegmented_files() {
    let dir = scratch("ladder2");
    fs::write(
        dir.join("a"),
        "Перше речення тут.\nДруге, трохи довше речення тут.\nТретє.\n",
    )
    .unwrap();
    fs::write(
        dir.join("b"),
        "First sentence here.\nSecond, a little longer sentence here.\nThird.\n",
    )
    .unwrap();
    let o = edalign(&[
        "align",
        "--presegmented",
        "--format",
        "ladder",
        dir.join("a").to_str().unwrap(),
        dir.join("b").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let mut seen_src = Vec::new();
    for line in out.lines() {
        let parts: Vec<&str> = line.rsplitn(2, ':').collect();
        let score: f64 = parts[0].parse().expect("a score");
        assert!((0.0..=1.0).contains(&score), "{line}");
        let (src, _tgt) = parts[1].split_once("]:").expect("two sides");
        seen_src.extend(
            src.trim_start_matches('[')
                .split(", ")
                .filter(|s| !s.is_empty())
                .map(|s| s.parse::<usize>().unwrap()),
        );
    }
    seen_src.sort();
    assert_eq!(seen_src, [0, 1, 2], "every source line in one bead: {out}");
}

/// The block heads (`# uk-en` …) of a ladder output.
fn ladder_heads(o: &Output) -> Vec<String> {
    stdout(o)
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(String::from)
        .collect()
}

#[test]
fn ladder_contract_three_files_has_three_blocks() {
    let dir = story("ladder3");
    let o = edalign(&[
        "align",
        "--format",
        "ladder",
        dir.join("ru.txt").to_str().unwrap(),
        dir.join("en.txt").to_str().unwrap(),
        dir.join("uk.txt").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(ladder_heads(&o), ["# uk-en", "# uk-ru", "# en-ru"]);
    // The pairs aligned separately keep the same contract.
    let mut args = vec!["align", "--format", "ladder", "--pairwise-three-way"];
    let files: Vec<String> = ["ru", "en", "uk"]
        .iter()
        .map(|l| dir.join(format!("{l}.txt")).to_string_lossy().into_owned())
        .collect();
    args.extend(files.iter().map(String::as_str));
    let separate = edalign(&args);
    assert_eq!(separate.status.code(), Some(0), "{}", stderr(&separate));
    assert_eq!(ladder_heads(&separate), ["# uk-en", "# uk-ru", "# en-ru"]);
}

#[test]
fn declared_language_is_checked_not_trusted() {
    let dir = story("declared");
    let o = edalign(&[
        "align",
        "--format",
        "json",
        "--lang",
        "ru,en",
        dir.join("uk.txt").to_str().unwrap(),
        dir.join("en.txt").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["editions"][0]["lang"], "uk");
    assert_eq!(v["editions"][0]["declared"], "ru");
    let kinds: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"declared_mismatch"), "{kinds:?}");
}

#[test]
fn out_is_atomic_and_keeps_a_good_file_on_error() {
    let dir = story("atomic");
    let out = dir.join("result.json");
    let o = edalign(&[
        "align",
        "--format",
        "json",
        "--out",
        out.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let good = fs::read(&out).unwrap();
    assert!(serde_json::from_slice::<serde_json::Value>(&good).is_ok());
    // Break an edition: the run fails and the good output stays as it was.
    fs::write(dir.join("en.txt"), [0xC3u8]).unwrap();
    let o = edalign(&[
        "align",
        "--format",
        "json",
        "--out",
        out.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(fs::read(&out).unwrap(), good);
    let leftovers: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn fail_on_sets_the_exit_code() {
    let dir = story("fail_on");
    // The Russian edition loses a sentence: a warning (missing).
    fs::write(dir.join("ru.txt"), RU_SHORT).unwrap();
    let o = edalign(&["align", "--fail-on", "warning", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = edalign(&["align", "--fail-on", "error", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn detect_per_line_keeps_every_line() {
    let o = edalign_stdin(
        &["detect", "--per-line"],
        "Привіт, як справи у Києві?\n\nThe weather is fine today.\nЭто русский текст.\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows: Vec<String> = stdout(&o).lines().map(String::from).collect();
    assert_eq!(rows.len(), 4, "{rows:?}");
    let labels: Vec<&str> = rows.iter().map(|r| r.split('\t').next().unwrap()).collect();
    assert_eq!(labels[0], "uk");
    assert_eq!(labels[2], "en");
    assert_eq!(labels[3], "ru");
    for r in &rows {
        let conf: f64 = r.split('\t').nth(1).unwrap().parse().unwrap();
        assert!((0.0..=1.0).contains(&conf));
    }
}

#[test]
fn segment_jsonl_contract() {
    let o = edalign_stdin(
        &["segment", "--jsonl"],
        "{\"id\": \"a\", \"lang\": \"uk\", \"text\": \"Перше речення. Друге речення!\"}\n{\"id\": 7, \"text\": \"One. Two.\"}\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let recs: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs[0]["id"], "a");
    assert_eq!(
        recs[0]["sentences"],
        serde_json::json!(["Перше речення.", "Друге речення!"])
    );
    assert_eq!(recs[1]["id"], 7);
    assert_eq!(recs[1]["lang"], "en");
    assert_eq!(recs[1]["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn segment_jsonl_bad_record_names_the_line() {
    let o = edalign_stdin(
        &["segment", "--jsonl"],
        "{\"id\": \"a\", \"text\": \"One.\"}\n{oops\n",
    );
    assert_error(&o, "<stdin>: bad JSON record");
    assert!(stderr(&o).contains("at line 2"), "{}", stderr(&o));
}

#[test]
fn batch_keeps_going_past_a_bad_story() {
    let good = serde_json::json!({"id": "good", "editions": {"uk": UK, "en": EN, "ru": RU}});
    let one = serde_json::json!({"id": "one", "editions": {"uk": UK}});
    let input = format!("{good}\n{{broken\n{one}\n{good}\n");
    let o = edalign_stdin(&["batch"], &input);
    assert_eq!(o.status.code(), Some(2));
    let recs: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 4);
    assert_eq!(recs[0]["id"], "good");
    assert_eq!(recs[1]["line"], 2);
    assert!(
        recs[1]["error"]
            .as_str()
            .unwrap()
            .contains("bad story record")
    );
    assert!(recs[2]["error"].as_str().unwrap().contains("at least two"));
    assert_eq!(recs[3]["schema"], "edalign.story/2");
    assert!(stderr(&o).contains("line 2"));
}

#[test]
fn learn_lexicon_then_align_with_it() {
    let dir = story("lexicon");
    let good = serde_json::json!({"id": "s", "editions": {"uk": UK, "en": EN, "ru": RU}});
    let input = format!("{good}\n{good}\n");
    let lex = dir.join("lex.tsv");
    let o = edalign_stdin(&["learn-lexicon", "--out", lex.to_str().unwrap()], &input);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = fs::read_to_string(&lex).unwrap();
    for line in text.lines() {
        assert_eq!(line.split('\t').count(), 4, "{line}");
    }
    let o = edalign(&[
        "align",
        "--lexicon",
        lex.to_str().unwrap(),
        "--format",
        "json",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A malformed lexicon is an error naming the file and line.
    fs::write(&lex, "uk\tслово\ten\n").unwrap();
    let o = edalign(&[
        "align",
        "--lexicon",
        lex.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    assert_error(
        &o,
        "lex.tsv: lexicon row is not lang<TAB>stem<TAB>lang<TAB>stem at line 1",
    );
}

#[test]
fn a_folder_of_stories_aligns_each_and_survives_a_bad_one() {
    let root = scratch("many");
    for name in ["a", "b"] {
        let dir = root.join(name);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("uk.txt"), UK).unwrap();
        fs::write(dir.join("en.txt"), EN).unwrap();
    }
    fs::write(root.join("a").join("en.txt"), [0xffu8]).unwrap();
    let o = edalign(&["align", "--format", "json", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let docs: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "b");
    assert!(
        stderr(&o).contains("invalid UTF-8 at byte 0"),
        "{}",
        stderr(&o)
    );
    let o = edalign(&["align", "--format", "tsv", root.to_str().unwrap()]);
    assert_error(&o, "holds story folders");
}

#[test]
fn batch_writes_one_memory_and_moses_files_for_all_stories() {
    let dir = scratch("batch_formats");
    let good = serde_json::json!({"id": "good", "editions": {"uk": UK, "en": EN, "ru": RU}});
    let two = serde_json::json!({"id": "two", "editions": {"uk": UK, "en": EN}});
    let input = format!("{good}\n{{broken\n{two}\n");
    let tmx = dir.join("all.tmx");
    let o = edalign_stdin(
        &["batch", "--format", "tmx", "--out", tmx.to_str().unwrap()],
        &input,
    );
    assert_eq!(o.status.code(), Some(2), "the broken line is reported");
    let memory = fs::read_to_string(&tmx).unwrap();
    assert_eq!(memory.matches("<tmx ").count(), 1);
    assert!(memory.contains("tuid=\"good:0\"") && memory.contains("tuid=\"two:0\""));
    assert!(memory.trim_end().ends_with("</tmx>"));
    let prefix = dir.join("corpus");
    let o = edalign_stdin(
        &[
            "batch",
            "--format",
            "moses",
            "--out",
            prefix.to_str().unwrap(),
        ],
        &input,
    );
    assert_eq!(o.status.code(), Some(2));
    let count = |suffix: &str| {
        fs::read_to_string(format!("{}.{suffix}", prefix.display()))
            .unwrap()
            .lines()
            .count()
    };
    // Only the first story gives uk-ru and en-ru; the second's uk-en lines repeat the
    // first's, and a corpus keeps each pair of texts once.
    assert_eq!(count("uk-en.uk"), count("uk-en.en"));
    assert_eq!(count("uk-ru.uk"), count("uk-ru.ru"));
    assert_eq!(count("uk-en.uk"), count("uk-ru.uk"));
    assert!(stderr(&o).contains("repeated 5"), "{}", stderr(&o));
    let o = edalign_stdin(&["batch", "--format", "moses"], &input);
    assert_error(&o, "give --out PREFIX");
}

#[test]
fn a_story_folder_of_a_page_legacy_text_and_utf16_aligns() {
    let dir = scratch("mixed_inputs");
    let page = format!(
        "<!DOCTYPE html><html lang=\"uk\"><head><meta charset=\"utf-8\"><title>x</title></head><body>\
         <nav><a href=\"/\">Головна</a> <a href=\"/news\">Новини</a></nav><article>{}</article>\
         <footer>© 2024 Новини. Усі права захищено.</footer></body></html>",
        UK.split("\n\n")
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>()
    );
    fs::write(dir.join("uk.html"), page).unwrap();
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(RU);
    fs::write(dir.join("ru.txt"), cp1251).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(EN.encode_utf16().flat_map(u16::to_le_bytes));
    fs::write(dir.join("en.txt"), utf16).unwrap();
    let o = edalign(&["align", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let sources: Vec<(String, String)> = doc["editions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["source"]["format"].as_str().unwrap().to_string(),
                e["source"]["encoding"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        sources,
        [
            ("html".to_string(), "UTF-8".to_string()),
            ("text".to_string(), "UTF-16LE".to_string()),
            ("text".to_string(), "windows-1251".to_string())
        ]
    );
    let body = doc["editions"][0]["sentences"].to_string();
    assert!(
        !body.contains("Головна") && !body.contains("права захищено"),
        "{body}"
    );
}

#[test]
fn a_stray_file_in_a_story_folder_is_named() {
    let dir = story("stray_file");
    fs::write(
        dir.join("notes.txt"),
        "Remember to check the Russian edition.",
    )
    .unwrap();
    let o = edalign(&["align", dir.to_str().unwrap()]);
    assert_error(&o, "4 editions given (");
    assert!(stderr(&o).contains("notes.txt"), "{}", stderr(&o));
}

#[test]
fn a_path_that_is_not_there_says_so() {
    let o = edalign(&["align", "no/such/story"]);
    assert_error(&o, "no/such/story: no such file or directory");
}

#[test]
fn a_batch_record_can_give_an_edition_as_a_web_page() {
    let page = format!(
        "<html lang=\"uk\"><body><nav>Головна Новини</nav><article>{}</article></body></html>",
        UK.split("\n\n")
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>()
    );
    let rec = serde_json::json!({"id": "p", "editions": [
        {"id": "uk.html", "html": page},
        {"id": "en.txt", "lang": "en", "text": EN},
        {"id": "none"}
    ]});
    let o = edalign_stdin(&["batch"], &format!("{rec}\n"));
    // The record with an edition of neither text nor html is refused whole, by name.
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("edition p:none needs one of \"text\" or \"html\""),
        "{}",
        stderr(&o)
    );
    let rec = serde_json::json!({"id": "p", "editions": [
        {"id": "uk.html", "html": rec["editions"][0]["html"]},
        {"id": "en.txt", "lang": "en", "text": EN}
    ]});
    let o = edalign_stdin(&["batch"], &format!("{rec}\n"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    assert_eq!(doc["editions"][0]["source"]["format"], "html");
    assert_eq!(doc["editions"][0]["declared"], "uk");
    assert_eq!(doc["groups"].as_array().unwrap().len(), 5);
}

#[test]
fn a_corpus_keeps_clean_links_once_and_says_what_it_dropped() {
    // en says 13 percent where uk and ru say 12: that link is flagged. The story comes
    // twice: its links are written once.
    let en = EN.replace("12 percent", "13 percent");
    let rec = serde_json::json!({"id": "s", "editions": {"uk": UK, "en": en, "ru": RU}});
    let input = format!("{rec}\n{rec}\n");
    let o = edalign_stdin(&["batch", "--format", "bitext"], &input);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 8 && r[5] == "-"), "{out}");
    assert!(!out.contains("13 percent"), "{out}");
    let summary = stderr(&o);
    assert!(summary.contains("2 stories"), "{summary}");
    // Two stories, each with the uk-en and en-ru links of that sentence flagged; the
    // second story's clean links repeat the first's.
    assert!(
        summary.contains("repeated 13") && summary.contains("number 4"),
        "{summary}"
    );
    // Kept flagged, the link is there with its flag.
    let o = edalign_stdin(
        &[
            "batch",
            "--format",
            "bitext",
            "--keep-flagged",
            "--pair",
            "uk-en",
        ],
        &format!("{rec}\n"),
    );
    let out = stdout(&o);
    assert!(
        out.lines().all(|l| l.split('\t').nth(1) == Some("uk-en")),
        "{out}"
    );
    let flagged: Vec<&str> = out
        .lines()
        .filter(|l| l.split('\t').nth(5) != Some("-"))
        .collect();
    assert_eq!(flagged.len(), 1, "{out}");
    assert!(flagged[0].contains("\tnumber\t") && flagged[0].contains("13 percent"));
}
