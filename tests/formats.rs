//! Format-level tests: golden files for every output format over a hand-aligned story with
//! hand-given languages (so that they depend on the review and the formats only, not on the
//! detector, segmenter or aligner), the findings
//! planted in that story, and invariants of every format over stories run through the
//! whole pipeline.
//!
//! Regenerate the golden files with `BLESS=1 cargo test --test formats` and review
//! the diff.

use edalign::align::{Alignment, Bead, Group, PairAlignment, StoryAlignment};
use edalign::detect::Detection;
use edalign::format::{html, json, ladder, moses, text, tmx, tsv};
use edalign::review::{FindingKind, Severity, review};
use edalign::{Edition, Lang};
use edalign::{Pipeline, Story, StoryReport};
use std::path::PathBuf;

// ---------------------------------------------------------------------------------------
// A hand-aligned story, one sentence a line (our own words).

const UK: &str = "\
Міська рада Вінниці виділила 312 млн грн на укриття в школах.
Рішення підтримали 41 депутат із 54.
Мер Сергій Моргунов назвав це головним пріоритетом року.
Роботи мають завершити до 1 вересня.
Минулого року місто витратило на укриття 87 млн грн.
Підрядників оберуть через систему Prozorro.
Він сказав: «Бюджет <script>alert(1)</script> & резерви – окремо».
Засідання вела секретарка ради.";

const EN: &str = "\
Vinnytsia city council allocated UAH 312 million for shelters in schools.
The decision was backed by 48 of 54 councillors.
Mayor Serhii Morgunov called it the main priority of the year.
The work is due to be finished by 1 September.
Contractors will be chosen through the Prozorro system.
Deputy mayor Andrii Moroz will oversee the work in every district.
He said: \"The budget <script>alert(1)</script> & the reserves are separate.\"
The session was chaired by council secretary Olena Kravets.";

const RU: &str = "\
Городской совет Винницы выделил 312 млн грн на укрытия в школах.
Решение поддержали 41 депутат из 54.
Мэр Сергей Моргунов назвал это главным приоритетом года.
Работы должны завершить до 1 октября.
В прошлом году город потратил на укрытия 87 млн грн.
Contractors will be chosen through the Prozorro system, officials said.
Он сказал: «Бюджет <script>alert(1)</script> & резервы – отдельно.
Заседание вела секретарь совета.";

fn bead(src: std::ops::Range<usize>, tgt: std::ops::Range<usize>, score: f64) -> Bead {
    Bead::new(src, tgt, score)
}

/// Detection by hand, so that the golden files do not move with the detector.
fn detected(lang: Lang) -> Detection {
    Detection::given(lang, "given by the test")
}

/// The editions, segmented one sentence a line, every sentence in its edition's language
/// but those listed in `foreign` (edition, sentence, language).
fn hand_editions(
    texts: [&str; 3],
    foreign: &[(usize, usize, Lang)],
) -> Vec<edalign::AnalyzedEdition> {
    let pipeline = Pipeline::builder().presegmented(true).build().unwrap();
    let ids = [
        ("uk.txt", Lang::Uk),
        ("en.txt", Lang::En),
        ("ru.txt", Lang::Ru),
    ];
    let mut editions: Vec<_> = ids
        .into_iter()
        .zip(texts)
        .map(|((id, l), t)| pipeline.analyze(Edition::new(id, Some(l), t)).unwrap())
        .collect();
    for (e, ed) in editions.iter_mut().enumerate() {
        let lang = ids[e].1;
        ed.detection = detected(lang);
        for (i, s) in ed.sentences.iter_mut().enumerate() {
            s.detection = detected(
                foreign
                    .iter()
                    .find(|f| f.0 == e && f.1 == i)
                    .map_or(lang, |f| f.2),
            );
        }
    }
    editions
}

fn hand_report() -> StoryReport {
    let editions = hand_editions([UK, EN, RU], &[(2, 5, Lang::En)]);
    let one = |i: usize| i..i + 1;
    let none = |i: usize| i..i;
    let uk_en = vec![
        bead(one(0), one(0), 0.95),
        bead(one(1), one(1), 0.9),
        bead(one(2), one(2), 0.9),
        bead(one(3), one(3), 0.9),
        bead(one(4), none(4), 0.8),
        bead(one(5), one(4), 0.9),
        bead(none(6), one(5), 0.8),
        bead(one(6), one(6), 0.3),
        bead(one(7), one(7), 0.9),
    ];
    let uk_ru: Vec<Bead> = (0..8).map(|i| bead(one(i), one(i), 0.9)).collect();
    let en_ru = vec![
        bead(one(0), one(0), 0.95),
        bead(one(1), one(1), 0.9),
        bead(one(2), one(2), 0.9),
        bead(one(3), one(3), 0.9),
        bead(none(4), one(4), 0.8),
        bead(one(4), one(5), 0.9),
        bead(one(5), none(6), 0.8),
        bead(one(6), one(6), 0.3),
        bead(one(7), one(7), 0.9),
    ];
    let pairs = vec![
        PairAlignment::new(0, 1, Alignment::new(uk_en)),
        PairAlignment::new(0, 2, Alignment::new(uk_ru)),
        PairAlignment::new(1, 2, Alignment::new(en_ru)),
    ];
    let g = |uk: &[usize], en: &[usize], ru: &[usize], score: f64| {
        Group::new(vec![uk.to_vec(), en.to_vec(), ru.to_vec()], score)
    };
    let groups = vec![
        g(&[0], &[0], &[0], 0.95),
        g(&[1], &[1], &[1], 0.9),
        g(&[2], &[2], &[2], 0.9),
        g(&[3], &[3], &[3], 0.9),
        g(&[4], &[], &[4], 0.8),
        g(&[5], &[4], &[5], 0.9),
        g(&[], &[5], &[], 0.8),
        g(&[6], &[6], &[6], 0.3),
        g(&[7], &[7], &[7], 0.9),
    ];
    let alignment = StoryAlignment::new(pairs, groups);
    let review = review(&editions, &[], &alignment);
    StoryReport::new(
        "vinnytsia-shelters",
        editions,
        Vec::new(),
        alignment,
        review,
    )
}

fn render(f: impl Fn(&mut dyn std::io::Write) -> std::io::Result<()>) -> String {
    let mut buf = Vec::new();
    f(&mut buf).unwrap();
    String::from_utf8(buf).unwrap()
}

fn golden(name: &str, got: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with BLESS=1)", path.display()));
    if want != got {
        let line = want
            .lines()
            .zip(got.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(want.lines().count().min(got.lines().count()));
        panic!(
            "{name} differs from the golden file at line {}:\n want: {:?}\n  got: {:?}\n(BLESS=1 to accept)",
            line + 1,
            want.lines().nth(line),
            got.lines().nth(line)
        );
    }
}

// ---------------------------------------------------------------------------------------
// The review of the hand-aligned story: every planted difference, nothing else at warning.

#[test]
fn planted_differences_are_found_and_nothing_else_warns() {
    let r = hand_report();
    let mut got: Vec<(FindingKind, Option<usize>)> = r
        .review
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .map(|f| (f.kind, f.group))
        .collect();
    got.sort_by_key(|(k, g)| (*g, k.name()));
    let want = vec![
        (FindingKind::NumberMismatch, Some(1)),
        (FindingKind::DateMismatch, Some(3)),
        (FindingKind::Missing, Some(4)),
        (FindingKind::Untranslated, Some(5)),
        (FindingKind::OnlyIn, Some(6)),
        (FindingKind::NameMismatch, Some(8)),
    ];
    assert_eq!(got, want, "{:#?}", r.review.findings);
    // The quote left open in ru is worth knowing, not a warning.
    assert!(
        r.review
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::Unbalanced
                && f.group == Some(7)
                && f.locations.iter().all(|l| l.lang == Lang::Ru))
    );
}

#[test]
fn number_finding_carries_values_and_spans_in_every_edition() {
    let r = hand_report();
    let f = r
        .review
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::NumberMismatch)
        .unwrap();
    let items: Vec<(Lang, &str)> = f.items.iter().map(|i| (i.lang, i.text.as_str())).collect();
    assert_eq!(
        items,
        [(Lang::Uk, "41"), (Lang::En, "48"), (Lang::Ru, "41")]
    );
    for it in &f.items {
        let e = r.editions.iter().find(|e| e.lang() == it.lang).unwrap();
        assert_eq!(it.span.slice(&e.edition.text), it.text);
    }
    assert_eq!(f.locations.len(), 3);
    assert!(
        f.message.contains("uk: 41") && f.message.contains("en: 48"),
        "{}",
        f.message
    );
    let d = r
        .review
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::DateMismatch)
        .unwrap();
    let dates: Vec<&str> = d.items.iter().map(|i| i.value.as_str()).collect();
    assert_eq!(dates, ["09-01", "09-01", "10-01"]);
}

#[test]
fn a_name_in_one_edition_only_is_reported_with_its_spans() {
    let r = hand_report();
    let f = r
        .review
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::NameMismatch)
        .unwrap();
    let names: Vec<(Lang, &str)> = f.items.iter().map(|i| (i.lang, i.text.as_str())).collect();
    assert_eq!(names, [(Lang::En, "Olena"), (Lang::En, "Kravets")]);
    // Transliterated names (Сергій Моргунов / Serhii Morgunov / Сергей Моргунов) are one.
    assert!(
        r.review
            .findings
            .iter()
            .all(|f| f.kind != FindingKind::NameMismatch || f.group == Some(8))
    );
}

#[test]
fn coverage_counts_shares_spans_and_whole_paragraphs() {
    let r = hand_report();
    let en = r
        .review
        .coverage
        .iter()
        .find(|c| c.lang == Lang::En)
        .unwrap();
    let vs_uk = en.against.iter().find(|a| a.against == Lang::Uk).unwrap();
    assert_eq!(vs_uk.unmatched, [5]);
    let text = &r.editions[1].edition.text;
    assert_eq!(
        vs_uk.unmatched_spans[0].slice(text),
        "Deputy mayor Andrii Moroz will oversee the work in every district."
    );
    // One sentence a line carries no paragraphs (the text is one): no paragraph is
    // dropped whole.
    assert!(vs_uk.unmatched_paragraphs.is_empty());
    assert!((vs_uk.sentence_share - 7.0 / 8.0).abs() < 1e-9);
    let uk = r
        .review
        .coverage
        .iter()
        .find(|c| c.lang == Lang::Uk)
        .unwrap();
    let uk_vs_en = uk.against.iter().find(|a| a.against == Lang::En).unwrap();
    assert_eq!(uk_vs_en.unmatched, [4]);
    assert!(uk_vs_en.char_share < 1.0 && uk_vs_en.char_share > 0.8);
    let uk_vs_ru = uk.against.iter().find(|a| a.against == Lang::Ru).unwrap();
    assert!(uk_vs_ru.unmatched.is_empty());
    assert_eq!(uk_vs_ru.sentence_share, 1.0);
}

// ---------------------------------------------------------------------------------------
// Golden files.

#[test]
fn golden_text() {
    let r = hand_report();
    let opts = text::TextOptions {
        width: 100,
        color: false,
    };
    golden("hand.txt", &render(|w| text::write(w, &r, opts)));
}

#[test]
fn golden_text_colour() {
    let r = hand_report();
    let opts = text::TextOptions {
        width: 100,
        color: true,
    };
    let out = render(|w| text::write(w, &r, opts));
    assert!(out.contains("\x1b["), "colour asked for but no escapes");
    golden("hand.color.txt", &out);
}

#[test]
fn golden_json() {
    let r = hand_report();
    golden("hand.json", &render(|w| json::write(w, &r)));
}

#[test]
fn golden_tsv() {
    let r = hand_report();
    golden("hand.tsv", &render(|w| tsv::write(w, &r)));
}

#[test]
fn golden_ladder() {
    let r = hand_report();
    golden("hand.ladder", &render(|w| ladder::write(w, &r, true)));
}

#[test]
fn golden_tmx() {
    let r = hand_report();
    golden("hand.tmx", &render(|w| tmx::write(w, &r)));
}

#[test]
fn golden_moses() {
    let r = hand_report();
    let mut all = String::new();
    for (name, k) in moses::pairs(&r) {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let n = moses::write_pair(&mut a, &mut b, &r, k).unwrap();
        let (a, b) = (String::from_utf8(a).unwrap(), String::from_utf8(b).unwrap());
        assert_eq!(a.lines().count(), n);
        assert_eq!(b.lines().count(), n);
        all.push_str(&format!("== {name} ({n} lines)\n{a}--\n{b}"));
    }
    golden("hand.moses", &all);
}

#[test]
fn golden_html() {
    let r = hand_report();
    golden("hand.html", &render(|w| html::write(w, &r)));
}

// ---------------------------------------------------------------------------------------
// Escaping and structure of the exchange formats.

#[test]
fn html_escapes_article_text_and_forbids_scripts() {
    let out = render(|w| html::write(w, &hand_report()));
    assert!(!out.contains("<script"), "a raw <script> in the page");
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(out.contains(r#"http-equiv="Content-Security-Policy""#));
    assert!(out.contains("default-src 'none'"));
    // Nothing is fetched: no src or href attribute leaves the page.
    assert!(!out.contains("src=\""));
    for href in out.split("href=\"").skip(1) {
        assert!(
            href.starts_with('#'),
            "external link: {}",
            &href[..20.min(href.len())]
        );
    }
    // Rows and findings link to each other.
    let r = hand_report();
    for g in 0..r.alignment.groups.len() {
        assert!(out.contains(&format!(r#"<tr id="g{g}""#)), "row {g}");
    }
    for k in 0..r.review.findings.len() {
        assert!(out.contains(&format!(r#"<li id="f{k}""#)), "finding {k}");
        assert!(
            out.contains(&format!(r##"href="#f{k}""##)),
            "badge of finding {k}"
        );
    }
    assert!(out.contains(r#"<td class="missing" lang="en">"#));
    assert!(out.contains(r#"<td class="added" lang="en">"#));
    assert!(out.contains("<mark>48</mark>"));
    assert!(out.contains("<svg class=\"chart\""));
}

#[test]
fn tmx_strips_what_xml_forbids_and_escapes_the_rest() {
    let pipeline = Pipeline::builder().presegmented(true).build().unwrap();
    let story = Story {
        id: "bad<chars>&\"".into(),
        editions: vec![
            Edition::new(
                "uk.txt",
                Some(Lang::Uk),
                "Рада\u{1} ухвалила бюджет\u{FFFF} на рік & <b>резерв</b>.\nДепутати\u{7} погодили «всі» пункти.",
            ),
            Edition::new(
                "en.txt",
                Some(Lang::En),
                "The council\u{1} adopted the budget\u{FFFE} for the year & <b>reserve</b>.\nCouncillors\u{7} agreed \"all\" points.",
            ),
        ],
    };
    let r = pipeline.run(story).unwrap();
    let out = render(|w| tmx::write(w, &r));
    for c in out.chars() {
        assert!(
            matches!(c, '\n' | '\t') || edalign::format::xml_char_allowed(c),
            "{:?} in TMX",
            c
        );
    }
    assert!(!out.contains("<b>"));
    assert!(out.contains("&lt;b&gt;резерв&lt;/b&gt;"));
    assert!(out.contains(r#"tuid="bad&lt;chars&gt;&amp;&quot;:0""#));
    assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx"));
    assert_eq!(out.matches("<tu ").count(), out.matches("</tu>").count());
    assert!(out.contains(r#"<tuv xml:lang="uk"><seg>"#));
    assert!(out.contains(r#"<tuv xml:lang="en"><seg>"#));
}

// ---------------------------------------------------------------------------------------
// Invariants of every format over stories run through the whole pipeline.

const PROSE_UK: &str = "Франція запросила міністрів закордонних справ союзників до Парижа.\n\n\
Зустріч відбудеться 26 лютого, повідомив Емманюель Макрон. Учасники обговорять постачання \
боєприпасів на 1,5 млрд євро.\n\nУкраїну представлятиме міністр Дмитро Кулеба.";
const PROSE_EN: &str = "France has invited the foreign ministers of its allies to Paris.\n\n\
The meeting will take place on 26 February, Emmanuel Macron said. Participants will discuss \
ammunition deliveries worth €1.5 billion.\n\nUkraine will be represented by Foreign Minister \
Dmytro Kuleba.";
const PROSE_RU: &str = "Франция пригласила министров иностранных дел союзников в Париж.\n\n\
Встреча состоится 26 февраля, сообщил Эммануэль Макрон. Участники обсудят поставки \
боеприпасов на 1,5 млрд евро.\n\nУкраину будет представлять министр Дмитрий Кулеба.";

fn prose_report() -> StoryReport {
    Pipeline::default()
        .run(Story {
            id: "paris-meeting".into(),
            editions: vec![
                Edition::new("uk.txt", Some(Lang::Uk), PROSE_UK),
                Edition::new("en.txt", Some(Lang::En), PROSE_EN),
                Edition::new("ru.txt", Some(Lang::Ru), PROSE_RU),
            ],
        })
        .unwrap()
}

#[test]
fn every_format_renders_a_pipeline_report() {
    for r in [prose_report(), hand_report()] {
        let t = render(|w| {
            text::write(
                w,
                &r,
                text::TextOptions {
                    width: 120,
                    color: false,
                },
            )
        });
        assert!(t.starts_with(&format!("story {}", r.id)));
        let j = json::to_value(&r);
        assert_eq!(j["schema"], json::SCHEMA);
        // Every text carries its span.
        for (e, ed) in j["editions"].as_array().unwrap().iter().zip(&r.editions) {
            for s in e["sentences"].as_array().unwrap() {
                let span = s["span"].as_array().unwrap();
                let (a, b) = (
                    span[0].as_u64().unwrap() as usize,
                    span[1].as_u64().unwrap() as usize,
                );
                assert_eq!(&ed.edition.text[a..b], s["text"].as_str().unwrap());
            }
        }
        let line = render(|w| json::write_line(w, &r));
        assert_eq!(line.lines().count(), 1);
        let tsv_out = render(|w| tsv::write(w, &r));
        assert_eq!(tsv_out.lines().count(), r.alignment.groups.len() + 1);
        assert!(
            tsv_out
                .lines()
                .all(|l| l.split('\t').count() == r.editions.len() + 3)
        );
        let lad = render(|w| ladder::write(w, &r, true));
        let beads: usize = r
            .alignment
            .pairs
            .iter()
            .map(|p| p.alignment.beads.len())
            .sum();
        assert_eq!(lad.lines().count(), beads + r.alignment.pairs.len());
        let tm = render(|w| tmx::write(w, &r));
        assert!(tm.trim_end().ends_with("</tmx>"));
        for (_, k) in moses::pairs(&r) {
            let lines = moses::lines(&r, k);
            assert!(!lines.is_empty());
            assert!(lines.iter().all(|(a, b)| !a.is_empty()
                && !b.is_empty()
                && !a.contains('\n')
                && !b.contains('\n')));
        }
        let page = render(|w| html::write(w, &r));
        assert!(page.trim_end().ends_with("</html>"));
    }
}

#[test]
fn faithful_prose_translation_is_quiet() {
    let r = prose_report();
    let loud: Vec<_> = r
        .review
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .collect();
    assert!(loud.is_empty(), "{loud:#?}");
}

// ---------------------------------------------------------------------------------------
// The command: moses file naming, --pair, refusal of standard output, atomic --out.

fn story_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("edalign-formats-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("story")).unwrap();
    for (l, t) in [("uk", PROSE_UK), ("en", PROSE_EN), ("ru", PROSE_RU)] {
        std::fs::write(dir.join("story").join(format!("{l}.txt")), t).unwrap();
    }
    dir
}

fn edalign(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_edalign"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn moses_writes_two_files_per_pair_with_equal_line_counts() {
    let dir = story_dir("moses");
    let prefix = dir.join("out").join("paris");
    std::fs::create_dir_all(dir.join("out")).unwrap();
    let out = edalign(&[
        "align".as_ref(),
        dir.join("story").as_os_str(),
        "--format".as_ref(),
        "moses".as_ref(),
        "--out".as_ref(),
        prefix.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "paris.en-ru.en",
            "paris.en-ru.ru",
            "paris.uk-en.en",
            "paris.uk-en.uk",
            "paris.uk-ru.ru",
            "paris.uk-ru.uk"
        ]
    );
    for pair in ["uk-en", "uk-ru", "en-ru"] {
        let (a, b) = pair.split_once('-').unwrap();
        let read = |l: &str| {
            std::fs::read_to_string(dir.join("out").join(format!("paris.{pair}.{l}"))).unwrap()
        };
        let (x, y) = (read(a), read(b));
        assert_eq!(x.lines().count(), y.lines().count(), "{pair}");
        assert!(x.lines().count() >= 3, "{pair}: {x}");
    }
    // --pair writes that pair only.
    let only = dir.join("only");
    std::fs::create_dir_all(&only).unwrap();
    let out = edalign(&[
        "align".as_ref(),
        dir.join("story").as_os_str(),
        "--format".as_ref(),
        "moses".as_ref(),
        "--pair".as_ref(),
        "en-ru".as_ref(),
        "--out".as_ref(),
        only.join("p").as_os_str(),
    ]);
    assert!(out.status.success());
    assert_eq!(std::fs::read_dir(&only).unwrap().count(), 2);
    assert!(only.join("p.en-ru.en").exists() && only.join("p.en-ru.ru").exists());
    // A pair the story does not have, and standard output, are refused with exit 2.
    let out = edalign(&[
        "align".as_ref(),
        dir.join("story").as_os_str(),
        "--format".as_ref(),
        "moses".as_ref(),
        "--pair".as_ref(),
        "uk-de".as_ref(),
        "--out".as_ref(),
        only.join("q").as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("uk-en, uk-ru, en-ru"));
    let out = edalign(&[
        "align".as_ref(),
        dir.join("story").as_os_str(),
        "--format".as_ref(),
        "moses".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out PREFIX"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn tmx_and_html_go_to_out_files() {
    let dir = story_dir("files");
    for (format, name, start) in [
        ("tmx", "s.tmx", "<?xml"),
        ("html", "s.html", "<!DOCTYPE html>"),
    ] {
        let path = dir.join(name);
        let out = edalign(&[
            "align".as_ref(),
            dir.join("story").as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
            "--out".as_ref(),
            path.as_os_str(),
        ]);
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.is_empty());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(start), "{format}");
    }
    // Nothing but the two outputs and the story: no temporary file is left behind.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 3);
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------
// Length outliers: a partial translation on a diagonal alignment.

fn diagonal_report(uk: &str, en: &str, ru: &str) -> StoryReport {
    let editions = hand_editions([uk, en, ru], &[]);
    let n = editions[0].sentences.len();
    assert!(editions.iter().all(|e| e.sentences.len() == n));
    let beads = || -> Vec<Bead> { (0..n).map(|i| bead(i..i + 1, i..i + 1, 0.9)).collect() };
    let pairs = [(0, 1), (0, 2), (1, 2)]
        .into_iter()
        .map(|(src, tgt)| PairAlignment::new(src, tgt, Alignment::new(beads())))
        .collect();
    let groups = (0..n).map(|i| Group::new(vec![vec![i]; 3], 0.9)).collect();
    let alignment = StoryAlignment::new(pairs, groups);
    let review = review(&editions, &[], &alignment);
    StoryReport::new("diagonal", editions, Vec::new(), alignment, review)
}

#[test]
fn a_partial_translation_is_a_length_outlier() {
    let uk = "\
Обласна рада затвердила програму ремонту доріг на наступні три роки.
Найбільше коштів спрямують на дороги між районними центрами області.
Підрядників оберуть на відкритих торгах до кінця весни цього року.
Депутати також попросили щомісяця звітувати про хід робіт на сесіях.
Перші ділянки планують відремонтувати вже до початку осені, коли стане сухо, а решту робіт перенесуть на наступний рік разом із ремонтом мостів і переїздів.";
    let en = "\
The regional council approved a road repair programme for the next three years.
Most of the money will go to roads between the district centres of the region.
Contractors will be chosen in open tenders by the end of this spring.
Councillors also asked for monthly progress reports at their sessions.
The first sections come first.";
    let ru = "\
Областной совет утвердил программу ремонта дорог на следующие три года.
Больше всего средств направят на дороги между районными центрами области.
Подрядчиков выберут на открытых торгах до конца весны этого года.
Депутаты также попросили ежемесячно отчитываться о ходе работ на сессиях.
Первые участки планируют отремонтировать уже к началу осени, когда станет сухо, а остальные работы перенесут на следующий год вместе с ремонтом мостов и переездов.";
    let r = diagonal_report(uk, en, ru);
    let outliers: Vec<_> = r
        .review
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::LengthOutlier)
        .collect();
    assert_eq!(outliers.len(), 1, "{:#?}", r.review.findings);
    assert_eq!(outliers[0].group, Some(4));
    assert_eq!(outliers[0].severity, Severity::Warning);
    assert!(
        outliers[0].message.starts_with("en is"),
        "{}",
        outliers[0].message
    );
    // Nothing else is loud on an otherwise faithful translation.
    let loud: Vec<_> = r
        .review
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning && f.kind != FindingKind::LengthOutlier)
        .collect();
    assert!(loud.is_empty(), "{loud:#?}");
}

// ---------------------------------------------------------------------------------------
// Names one edition puts in place of the others'.

/// Warnings on the prose story with the English edition changed by `edit`.
fn name_warnings_with_en(edit: (&str, &str)) -> Vec<String> {
    let en = PROSE_EN.replace(edit.0, edit.1);
    Pipeline::default()
        .run(Story {
            id: "paris-meeting".into(),
            editions: vec![
                Edition::new("uk.txt", Some(Lang::Uk), PROSE_UK),
                Edition::new("en.txt", Some(Lang::En), &en),
                Edition::new("ru.txt", Some(Lang::Ru), PROSE_RU),
            ],
        })
        .unwrap()
        .review
        .findings
        .into_iter()
        .filter(|f| f.kind == FindingKind::NameMismatch && f.severity >= Severity::Warning)
        .map(|f| f.message)
        .collect()
}

#[test]
fn a_surname_put_in_place_of_the_others_is_a_warning_naming_the_spellings() {
    // (edit of the English edition, what the warning must say; "" = no warning)
    let cases = [
        // Faithful: transliterated names, a translated country, a capitalised title.
        (("", ""), ""),
        (("Foreign Minister", "Foreign Minister"), ""),
        // Two editions share Кулеба / Кулеба, the third has another surname.
        (
            ("Kuleba", "Kowalczyk"),
            "name differs (uk: Кулеба; en: Kowalczyk; ru: Кулеба)",
        ),
        // A surname none of the others has any spelling of, in place of a first name.
        (("Emmanuel Macron", "Haraldsen Macron"), "en: Haraldsen"),
        // A compound of English words or a misspelling is not a surname.
        (("Foreign Minister", "Foreign Superpowers"), ""),
        (("ammunition", "Ammunitoin"), ""),
    ];
    for ((from, to), want) in cases {
        let got = name_warnings_with_en((from, to));
        if want.is_empty() {
            assert!(got.is_empty(), "{from} -> {to}: {got:?}");
        } else {
            assert!(
                got.len() == 1 && got[0].contains(want),
                "{from} -> {to}: {got:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Measures converted between unit systems.

/// Number warnings on a two-sentence story whose second sentence gives a measure.
fn measure_warnings(uk: &str, en: &str, ru: &str) -> Vec<String> {
    let story = |t: &str, lead: &str| format!("{lead}\n\n{t}");
    Pipeline::default()
        .run(Story {
            id: "weather".into(),
            editions: vec![
                Edition::new(
                    "uk.txt",
                    Some(Lang::Uk),
                    story(uk, "Синоптики попередили про спеку на Гаваях."),
                ),
                Edition::new(
                    "en.txt",
                    Some(Lang::En),
                    story(en, "Forecasters warned of heat in Hawaii."),
                ),
                Edition::new(
                    "ru.txt",
                    Some(Lang::Ru),
                    story(ru, "Синоптики предупредили о жаре на Гавайях."),
                ),
            ],
        })
        .unwrap()
        .review
        .findings
        .into_iter()
        .filter(|f| f.kind == FindingKind::NumberMismatch && f.severity >= Severity::Warning)
        .map(|f| f.message)
        .collect()
}

#[test]
fn measures_are_compared_converted_with_the_rounding_of_a_conversion() {
    // (uk, en, ru, what the warning must say; "" = no warning)
    let cases = [
        // 80 °F is 26.7 °C; 2 to 4 inches are 5.08 to 10.16 cm, rounded to 5 to 10.
        (
            "Вдень буде 27 градусів.",
            "It will be 80 degrees in the afternoon.",
            "Днём будет 27 градусов.",
            "",
        ),
        (
            "Випаде від 5,08 до 10,16 см опадів.",
            "Rainfall of 2 to 4 inches is expected.",
            "Выпадет от 5 до 10 см осадков.",
            "",
        ),
        // One edition's conversion is another value: two editions agree, it does not.
        (
            "Вдень буде 47 градусів.",
            "It will be 80 degrees in the afternoon.",
            "Днём будет 27 градусов.",
            "uk: 47",
        ),
        (
            "Випаде від 5,08 до 10,16 см опадів.",
            "Rainfall of 2 to 6 inches is expected.",
            "Выпадет от 5 до 10 см осадков.",
            "en: 6",
        ),
        // Every edition gives both systems: compared as written.
        (
            "Літак затонув на глибині 30 метрів (106 футів).",
            "The plane sank in 30 meters (100 feet) of water.",
            "Самолёт затонул на глубине 30 метров (100 футов).",
            "uk: 106",
        ),
        // Pounds sterling are money, not weight: 120 and 220 differ.
        (
            "Уряд виділить 220 млн фунтів стерлінгів.",
            "The government will provide £120 million.",
            "Правительство выделит 120 млн фунтов стерлингов.",
            "uk: 220",
        ),
    ];
    for (uk, en, ru, want) in cases {
        let got = measure_warnings(uk, en, ru);
        if want.is_empty() {
            assert!(got.is_empty(), "{en}: {got:?}");
        } else {
            assert!(got.len() == 1 && got[0].contains(want), "{en}: {got:?}");
        }
    }
}

#[test]
fn a_value_every_edition_has_nearby_does_not_excuse_a_changed_one() {
    // The score 4:1 in the next sentence of every edition is no split or merge that would
    // explain en's 4 in place of 1.
    let ed = |id: &str, lang: Lang, t: &str| Edition::new(id, Some(lang), t);
    let r = Pipeline::default()
        .run(Story {
            id: "score".into(),
            editions: vec![
                ed("uk.txt", Lang::Uk, "«Лівінгстон» 1 - 0 «Рейнджерс»\n\nКоманда шукала першу перемогу після тріумфу 4:1 у лютому."),
                ed("en.txt", Lang::En, "Livingston 4 - 0 Rangers\n\nThe side sought its first win since a 4-1 triumph in February."),
                ed("ru.txt", Lang::Ru, "«Ливингстон» 1 - 0 «Рейнджерс»\n\nКоманда искала первую победу после триумфа 4:1 в феврале."),
            ],
        })
        .unwrap();
    let warned: Vec<&str> = r
        .review
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::NumberMismatch && f.severity >= Severity::Warning)
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(warned.len(), 1, "{:#?}", r.review.findings);
    assert!(warned[0].contains("en: 4"), "{}", warned[0]);
}
