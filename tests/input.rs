//! Editions as they really arrive: web pages in the shapes of Ukrainian news sites, Word
//! files, UTF-16 and Windows-1251 text. Each is read and aligned as the same story given as
//! plain UTF-8 text is: same sentences, same groups, no page clutter in the body.

use edalign::read::{ReadOptions, SourceFormat, read};
use edalign::{Edition, Lang, Pipeline, Story, StoryReport};
use std::io::Write;
use std::path::Path;

fn corpus(story: &str, lang: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpora")
        .join(story)
        .join(format!("{lang}.txt"));
    std::fs::read_to_string(p).unwrap()
}

/// The body paragraphs of a text edition, as the pipeline sees them (clutter set aside).
fn body(lang: Lang, text: &str) -> Vec<String> {
    let e = Pipeline::default()
        .analyze(Edition::new("t", Some(lang), text))
        .unwrap();
    e.layout
        .paragraphs
        .iter()
        .map(|p| {
            p.span
                .slice(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A subheading: short, no sentence end.
fn is_subheading(p: &str) -> bool {
    p.chars().count() < 60 && !p.ends_with(['.', '!', '?', '»', '"', ':'])
}

/// A news page around the story's paragraphs (the first is the headline), in one of three
/// shapes seen on Ukrainian sites: a semantic article with nav, aside and footer; div soup
/// with a share bar, "read also" and a currency ticker; a page with breadcrumbs, a cookie
/// notice, an AI summary box and comments.
fn page(layout: usize, lang: &str, paragraphs: &[String]) -> String {
    let (headline, rest) = paragraphs.split_first().unwrap();
    let mut body = String::new();
    for p in rest {
        if is_subheading(p) {
            body.push_str(&format!("<h2>{}</h2>\n", esc(p)));
        } else {
            body.push_str(&format!("<p>{}</p>\n", esc(p)));
        }
    }
    let switcher = r#"<ul class="lang"><li><a href="/ua/">UA</a></li><li><a href="/en/">EN</a></li><li><a href="/ru/">RU</a></li></ul>"#;
    match layout {
        0 => format!(
            r#"<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{h} | Новини Дня</title>
<script>window.dataLayer=[];</script><style>body{{font:16px serif}}</style></head><body>
<header><a class="logo" href="/">Новини Дня</a><nav><a href="/">Головна</a> <a href="/politics">Політика</a> <a href="/economy">Економіка</a> <a href="/world">Світ</a>{switcher}</nav></header>
<main><article><h1>{h}</h1><div class="byline">Автор: Олена Коваль · 12 грудня 2024, 10:15 · 👁 1 245</div>
<figure><img src="/i/train.jpg" alt=""><figcaption>Фото: пресслужба</figcaption></figure>
{body}</article>
<aside class="related"><h3>Читайте також</h3><ul><li><a href="/a1">Уряд змінив правила перетину кордону для чоловіків</a></li><li><a href="/a2">У Києві відкрили новий міст через Дніпро</a></li></ul></aside></main>
<footer><p>© 2024 Новини Дня. Усі права захищено.</p><p>Використання матеріалів дозволено лише з посиланням на сайт.</p></footer>
</body></html>"#,
            h = esc(headline)
        ),
        1 => format!(
            r#"<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{h}</title><meta property="og:locale" content="{lang}_UA"></head><body>
<div id="top"><div class="ticker">USD 41,25 ▲ EUR 43,80 ▼ BTC 96 400</div><div class="menu"><a href="/">Головна</a> | <a href="/news">Новини</a> | <a href="/video">Відео</a>{switcher}</div></div>
<div class="content"><div class="news-header"><h1>{h}</h1><span class="date">12.12.2024 10:15</span><span class="views">Переглядів: 3 410</span></div>
<div class="share"><a href="https://facebook.com/share">Facebook</a> <a href="https://t.me/share">Telegram</a> <a href="https://x.com/share">X</a></div>
<div class="news-text">{body}</div>
<div class="read-also"><b>Читайте також:</b> <a href="/n/5">Ціни на квитки зростуть з січня</a></div>
<div class="tags"><a href="/tag/1">транспорт</a> <a href="/tag/2">Європа</a></div></div>
<div class="sidebar"><h3>Популярне</h3><a href="/p/1">Що відомо про нові правила мобілізації</a><a href="/p/2">Синоптики попередили про сильні морози</a></div>
<div class="footer">© Новини Дня, 2024</div></body></html>"#,
            h = esc(headline)
        ),
        _ => format!(
            r#"<!DOCTYPE html><html lang="{lang}"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{h}</title></head><body>
<div class="cookie">Ми використовуємо файли cookie, щоб сайт працював краще. <button>Погоджуюсь</button></div>
<nav class="breadcrumbs"><a href="/">Головна</a> › <a href="/news">Новини</a> › <a href="/news/transport">Транспорт</a></nav>
<div class="page"><article class="post"><header><h1 class="post-title">{h}</h1><p class="meta">12 грудня 2024 · Київ</p></header>
<div class="ai-summary"><strong>Коротко (AI)</strong><ul><li>Головне з новини за 10 секунд.</li></ul></div>
<div class="post-body">{body}</div></article>
<section id="comments"><h3>Коментарі (2)</h3><div class="comment"><b>Іван</b> Нарешті! Давно чекали.</div><div class="comment"><b>Марія</b> А ціни які?</div></section></div>
<footer class="site-footer">© 2024 Новини Дня. Усі права захищено. <a href="/privacy">Політика конфіденційності</a></footer></body></html>"#,
            h = esc(headline)
        ),
    }
}

/// The sentences of each edition and the groups, as text, for comparing two reports.
fn shape(r: &StoryReport) -> (Vec<Vec<String>>, Vec<Vec<Vec<usize>>>) {
    let sentences = r
        .editions
        .iter()
        .map(|e| {
            (0..e.sentences.len())
                .map(|i| {
                    e.sentence_text(i)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect()
        })
        .collect();
    let groups = r
        .alignment
        .groups
        .iter()
        .map(|g| g.members.clone())
        .collect();
    (sentences, groups)
}

fn run(editions: Vec<Edition>) -> StoryReport {
    Pipeline::default()
        .run(Story {
            id: "s".into(),
            editions,
        })
        .unwrap()
}

#[test]
fn html_pages_of_three_layouts_align_as_the_text_does() {
    for story in ["merge-split", "changed-facts", "france-nato-call"] {
        let langs = [(Lang::Uk, "uk"), (Lang::En, "en"), (Lang::Ru, "ru")];
        let texts: Vec<String> = langs.iter().map(|(_, l)| corpus(story, l)).collect();
        let plain = run(langs
            .iter()
            .zip(&texts)
            .map(|((lang, l), t)| Edition::new(format!("{l}.txt"), Some(*lang), t.as_str()))
            .collect());
        for layout in 0..3 {
            let pages: Vec<Edition> = langs
                .iter()
                .zip(&texts)
                .enumerate()
                .map(|(k, ((lang, l), t))| {
                    // Each edition in another layout, as three sites of one newsroom might be.
                    let html = page((layout + k) % 3, l, &body(*lang, t));
                    let e = read(
                        &format!("{l}.html"),
                        None,
                        html.into_bytes(),
                        ReadOptions::default(),
                    )
                    .unwrap();
                    assert_eq!(e.source.format, SourceFormat::Html);
                    assert_eq!(e.declared, Some(*lang), "{story} {l}: the page's lang");
                    e
                })
                .collect();
            let from_html = run(pages);
            let (ps, pg) = shape(&plain);
            let (hs, hg) = shape(&from_html);
            for (e, (a, b)) in ps.iter().zip(&hs).enumerate() {
                assert_eq!(
                    a, b,
                    "{story}, layout {layout}, edition {e}: sentences differ"
                );
            }
            assert_eq!(pg, hg, "{story}, layout {layout}: groups differ");
        }
    }
}

/// A minimal Word file holding these paragraphs.
fn docx(paragraphs: &[String]) -> Vec<u8> {
    let mut body = String::new();
    for p in paragraphs {
        // Runs split mid-paragraph, as Word writes them.
        let (a, b) = p.split_at(
            p.char_indices()
                .nth(p.chars().count() / 2)
                .map_or(0, |(i, _)| i),
        );
        body.push_str(&format!(
            r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            esc(a),
            esc(b)
        ));
    }
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    z.start_file("[Content_Types].xml", opts).unwrap();
    z.write_all(b"<Types/>").unwrap();
    z.start_file("word/document.xml", opts).unwrap();
    z.write_all(xml.as_bytes()).unwrap();
    z.finish().unwrap();
    buf.into_inner()
}

#[test]
fn word_utf16_and_cp1251_editions_align_as_utf8_text_does() {
    let story = "changed-facts";
    let (uk, en, ru) = (
        corpus(story, "uk"),
        corpus(story, "en"),
        corpus(story, "ru"),
    );
    let plain = run(vec![
        Edition::new("uk.txt", Some(Lang::Uk), uk.as_str()),
        Edition::new("en.txt", Some(Lang::En), en.as_str()),
        Edition::new("ru.txt", Some(Lang::Ru), ru.as_str()),
    ]);
    // uk in Windows-1251, en as a Word file of its body, ru in UTF-16LE with a BOM.
    let (cp1251, _, lossy) = encoding_rs::WINDOWS_1251.encode(&uk);
    assert!(!lossy, "the story is in cp1251's repertoire");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(ru.encode_utf16().flat_map(u16::to_le_bytes));
    let options = ReadOptions::default();
    let editions = vec![
        read("uk.txt", None, cp1251.into_owned(), options).unwrap(),
        read("en.docx", None, docx(&body(Lang::En, &en)), options).unwrap(),
        read("ru.txt", None, utf16, options).unwrap(),
    ];
    let sources: Vec<(SourceFormat, &str)> = editions
        .iter()
        .map(|e| (e.source.format, e.source.encoding))
        .collect();
    assert_eq!(
        sources,
        [
            (SourceFormat::Text, "windows-1251"),
            (SourceFormat::Docx, "UTF-8"),
            (SourceFormat::Text, "UTF-16LE")
        ]
    );
    let read_back = run(editions);
    assert_eq!(shape(&plain), shape(&read_back));
}

#[test]
fn files_edalign_does_not_read_are_named() {
    let options = ReadOptions::default();
    // (name, bytes, message)
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "uk.pdf",
            b"%PDF-1.7\n...",
            "uk.pdf: a PDF file: edalign reads text, .html and .docx",
        ),
        (
            "uk.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "uk.doc: a Word 97–2003 (.doc) file; save it as .docx",
        ),
        (
            "uk.zip",
            b"PK\x03\x04\x14\x00",
            "uk.zip: a zip archive that is not a Word (.docx) file",
        ),
        (
            "uk.docx",
            b"PK\x03\x04\x14\x00",
            "uk.docx: not a readable Word file",
        ),
        (
            "uk.txt",
            b"Second \xff",
            "uk.txt: invalid UTF-8 at byte 7 (line 1)",
        ),
    ];
    for &(name, bytes, want) in cases {
        let err = read(name, None, bytes.to_vec(), options)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with(want), "{name}: {err}");
    }
}

#[test]
fn two_stories_run_together_align_as_each_does_alone() {
    // Issue 13: `abridged-english` and `merge-split` concatenated (about 36 sentences a
    // side). Three editions at once must not do worse than each story alone: the sentence
    // the English edition dropped stays missing there, and nothing is moved or weak.
    let langs = [(Lang::Uk, "uk"), (Lang::En, "en"), (Lang::Ru, "ru")];
    let story = |names: &[&str]| {
        run(langs
            .iter()
            .map(|(lang, l)| {
                let text: String = names.iter().map(|n| corpus(n, l)).collect();
                Edition::new(format!("{l}.txt"), Some(*lang), text)
            })
            .collect())
    };
    let warnings = |r: &StoryReport, kind: edalign::review::FindingKind| {
        r.review
            .findings
            .iter()
            .filter(|f| f.kind == kind && f.severity >= edalign::review::Severity::Warning)
            .count()
    };
    let alone = story(&["abridged-english"]);
    let together = story(&["abridged-english", "merge-split"]);
    use edalign::review::FindingKind::{Missing, Moved, WeakLink};
    assert_eq!(warnings(&together, Missing), warnings(&alone, Missing));
    assert!(
        together
            .review
            .findings
            .iter()
            .all(|f| f.kind != Moved && f.kind != WeakLink),
        "{:#?}",
        together.review.findings
    );
    let uk = &together.editions[0];
    let g = together
        .alignment
        .groups
        .iter()
        .find(|g| {
            g.members[0]
                .iter()
                .any(|&i| uk.sentence_text(i).starts_with("Решту профінансують"))
        })
        .expect("the sentence is in a group");
    assert!(g.members[1].is_empty(), "linked to en {:?}", g.members[1]);
}

#[test]
fn a_word_file_gives_its_paragraphs_in_order_runs_joined_entities_decoded() {
    let paragraphs = ["Уряд ухвалив бюджет.", "Витрати & резерви «окремо».", ""].map(String::from);
    let e = read("uk.docx", None, docx(&paragraphs), ReadOptions::default()).unwrap();
    assert_eq!(e.source.format, SourceFormat::Docx);
    assert_eq!(
        e.text,
        "Уряд ухвалив бюджет.\n\nВитрати & резерви «окремо».\n"
    );
}

#[test]
fn a_zip_without_a_word_body_is_named() {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    z.start_file("a.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    z.write_all(b"x").unwrap();
    z.finish().unwrap();
    let err = read("uk.docx", None, buf.into_inner(), ReadOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "uk.docx: not a readable Word file: no word/document.xml"
    );
}
