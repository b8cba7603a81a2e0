//! Page clutter: telling body paragraphs from boilerplate lines.
//!
//! Text scraped from a news site carries lines that are not the story: a language switcher
//! (`UA | EN | RU`), bylines (`Author: …`, `Автор: …`), photo captions (`Фото: Reuters`,
//! `… (Photo: Vitalii Nosach, RBC-Ukraine)`), "Read also" links and share lines. [`clean`]
//! keeps them as [`Boilerplate`] spans and returns the rest as paragraphs: blocks of lines
//! separated by blank lines. Nothing is removed from the text; everything is a span.

use crate::span::Span;
use serde::Serialize;

/// The kind of a boilerplate line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BoilerplateKind {
    /// A line of language names or codes: `ua en ru`, `Українською | English | Русский`.
    LanguageSwitcher,
    /// `Author: …`, `Автор: …`, `By …`.
    Byline,
    /// A photo or video caption.
    Caption,
    /// `Read also: …`, `Читайте також: …`.
    ReadAlso,
    /// Share, subscribe and tag lines.
    Share,
    /// A date, time or counter line: `12.12.2024 10:15 Переглядів: 3 410`, `👁 1 245`.
    Meta,
    /// A currency or market ticker: `USD 41,25 ▲ EUR 43,80 ▼`.
    Ticker,
    /// A copyright or rights line: `© 2024 Новини. Усі права захищено.`
    Copyright,
    /// A navigation line: section names ending in a language switcher.
    Navigation,
    /// The heading of a summary box: `Коротко (AI)`, `AI summary`, `Головне`.
    Summary,
}

impl BoilerplateKind {
    /// The snake-case name used in outputs.
    pub fn name(self) -> &'static str {
        match self {
            BoilerplateKind::LanguageSwitcher => "language_switcher",
            BoilerplateKind::Byline => "byline",
            BoilerplateKind::Caption => "caption",
            BoilerplateKind::ReadAlso => "read_also",
            BoilerplateKind::Share => "share",
            BoilerplateKind::Meta => "meta",
            BoilerplateKind::Ticker => "ticker",
            BoilerplateKind::Copyright => "copyright",
            BoilerplateKind::Navigation => "navigation",
            BoilerplateKind::Summary => "summary",
        }
    }
}

/// A boilerplate line: its span (trimmed) and kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Boilerplate {
    /// The line, without surrounding white space.
    pub span: Span,
    /// What it is.
    pub kind: BoilerplateKind,
}

/// A body paragraph: a block of non-blank, non-boilerplate lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Paragraph {
    /// From the first byte of the first line to the last byte of the last line (trimmed).
    pub span: Span,
    /// The lines of the paragraph, trimmed. A line break is a hard sentence boundary.
    pub lines: Vec<Span>,
}

/// The body of an edition and its page clutter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Layout {
    /// Body paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Boilerplate lines in text order.
    pub boilerplate: Vec<Boilerplate>,
}

/// Options for [`clean`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CleanOptions {
    /// Recognise boilerplate lines (default `true`). When `false` every non-blank line is body.
    pub drop_boilerplate: bool,
    /// Treat every line as its own paragraph (default `false`): for input that is one
    /// sentence or one paragraph a line without blank lines between.
    pub line_paragraphs: bool,
}

impl Default for CleanOptions {
    fn default() -> CleanOptions {
        CleanOptions {
            drop_boilerplate: true,
            line_paragraphs: false,
        }
    }
}

/// Splits `text` into body paragraphs and boilerplate lines.
///
/// ```
/// use edalign::clean::{clean, BoilerplateKind, CleanOptions};
/// let text = "ua en ru\n\nHeadline\n\nAuthor: Jane Doe\nFirst. Second.\n";
/// let layout = clean(text, CleanOptions::default());
/// assert_eq!(layout.boilerplate[0].kind, BoilerplateKind::LanguageSwitcher);
/// assert_eq!(layout.boilerplate[1].kind, BoilerplateKind::Byline);
/// let paras: Vec<&str> = layout.paragraphs.iter().map(|p| p.span.slice(text)).collect();
/// assert_eq!(paras, ["Headline", "First. Second."]);
/// ```
pub fn clean(text: &str, opts: CleanOptions) -> Layout {
    let mut layout = Layout::default();
    let mut current: Vec<Span> = Vec::new();
    let flush = |current: &mut Vec<Span>, layout: &mut Layout| {
        if let (Some(first), Some(last)) = (current.first(), current.last()) {
            layout.paragraphs.push(Paragraph {
                span: Span::new(first.start, last.end),
                lines: std::mem::take(current),
            });
        }
    };
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let line = trim_line(Span::new(start, start + piece.len()), text);
        start += piece.len();
        if line.is_empty() {
            flush(&mut current, &mut layout);
            continue;
        }
        if let Some(kind) = opts
            .drop_boilerplate
            .then(|| classify_line(line.slice(text)))
            .flatten()
        {
            layout.boilerplate.push(Boilerplate { span: line, kind });
            continue;
        }
        current.push(line);
        if opts.line_paragraphs {
            flush(&mut current, &mut layout);
        }
    }
    flush(&mut current, &mut layout);
    layout
}

/// Trims white space and byte-order marks.
fn trim_line(span: Span, text: &str) -> Span {
    let s = span.slice(text);
    let is_ws = |c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}';
    let trimmed_start = s.trim_start_matches(is_ws);
    let start = span.start + (s.len() - trimmed_start.len());
    let trimmed = trimmed_start.trim_end_matches(is_ws);
    Span::new(start, start + trimmed.len())
}

const SWITCHER_WORDS: &[&str] = &[
    "ua",
    "uk",
    "ukr",
    "укр",
    "en",
    "eng",
    "ru",
    "rus",
    "рус",
    "ру",
    "ua/en/ru",
    "українська",
    "українською",
    "укр.",
    "english",
    "англійською",
    "английском",
    "русский",
    "русская",
    "російською",
    "русском",
    "на",
    "in",
    "read",
    "читати",
    "читать",
    "version",
    "версія",
    "версия",
];

const BYLINE_PREFIXES: &[&str] = &[
    "author:",
    "authors:",
    "автор:",
    "автори:",
    "авторы:",
    "авторка:",
    "автор матеріалу:",
    "автор материала:",
    "автор текста:",
    "автор тексту:",
    "written by",
    "edited by",
    "editor:",
    "редактор:",
    "reporter:",
    "кореспондент:",
    "корреспондент:",
    "by ",
];

const CAPTION_PREFIXES: &[&str] = &[
    "photo:",
    "фото:",
    "photo ",
    "фото ",
    "photos:",
    "video:",
    "відео:",
    "видео:",
    "illustrative photo",
    "ілюстративне фото",
    "иллюстративное фото",
    "ілюстрація:",
    "иллюстрация:",
    "illustration:",
    "(photo",
    "(фото",
];

const READ_ALSO_PREFIXES: &[&str] = &[
    "read also",
    "also read",
    "read more:",
    "see also",
    "related:",
    "читайте також",
    "читайте также",
    "читай також",
    "дивіться також",
    "смотрите также",
    "по темі:",
    "по теме:",
    "більше по темі",
    "больше по теме",
];

const SHARE_PREFIXES: &[&str] = &[
    "share:",
    "share on",
    "поділитися",
    "поделиться",
    "subscribe",
    "підписуйтесь",
    "подписывайтесь",
    "follow us",
    "читайте нас",
    "tags:",
    "теги:",
    "теґи:",
    "мітки:",
];

/// Classifies one trimmed line; `None` is body text.
pub fn classify_line(line: &str) -> Option<BoilerplateKind> {
    // Clutter lines are short; a long line is body, and is not lower-cased and split here
    // (a 50 MB line without a break would cost its size several times over).
    if line.len() > MAX_CLUTTER_BYTES {
        return None;
    }
    let lower = line.to_lowercase();
    if is_switcher(&lower) {
        return Some(BoilerplateKind::LanguageSwitcher);
    }
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| lower.starts_with(p));
    if starts(READ_ALSO_PREFIXES) {
        return Some(BoilerplateKind::ReadAlso);
    }
    if starts(SHARE_PREFIXES) {
        return Some(BoilerplateKind::Share);
    }
    let words = line.split_whitespace().count();
    if starts(BYLINE_PREFIXES) && words <= 8 && !lower.starts_with("by ") {
        return Some(BoilerplateKind::Byline);
    }
    // "By Jane Doe": only a short run of capitalised words, no sentence after it.
    if lower.starts_with("by ") && words <= 5 && !line.ends_with('.') {
        let rest = &line[3..];
        if rest
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            return Some(BoilerplateKind::Byline);
        }
    }
    if is_meta(&lower) {
        return Some(BoilerplateKind::Meta);
    }
    if is_ticker(line) {
        return Some(BoilerplateKind::Ticker);
    }
    if words <= 25
        && (starts(&["©", "(c) ", "copyright"])
            || COPYRIGHT_PHRASES.iter().any(|p| lower.contains(p)))
    {
        return Some(BoilerplateKind::Copyright);
    }
    if is_navigation(line) {
        return Some(BoilerplateKind::Navigation);
    }
    if words <= 4 && starts(SUMMARY_PREFIXES) {
        return Some(BoilerplateKind::Summary);
    }
    if starts(CAPTION_PREFIXES) && words <= 14 {
        return Some(BoilerplateKind::Caption);
    }
    // A caption that ends with its credit: "… (Photo: Vitalii Nosach, RBC-Ukraine)".
    if let Some(open) = lower.rfind('(') {
        let tail = &lower[open..];
        if tail.ends_with(')')
            && ["(photo", "(фото", "(video", "(відео", "(видео"]
                .iter()
                .any(|p| tail.starts_with(p))
        {
            return Some(BoilerplateKind::Caption);
        }
    }
    None
}

/// The longest line that can be clutter (a caption with its credit runs to a few hundred
/// bytes in Cyrillic).
const MAX_CLUTTER_BYTES: usize = 1_000;

/// Phrases of a rights line.
const COPYRIGHT_PHRASES: &[&str] = &[
    "all rights reserved",
    "усі права захищено",
    "всі права захищено",
    "все права защищены",
    "використання матеріалів дозволено",
    "использование материалов разрешено",
    "при цитуванні",
    "при цитировании",
];

/// The headings of summary boxes news sites put above an article.
const SUMMARY_PREFIXES: &[&str] = &[
    "коротко",
    "головне",
    "главное",
    "кратко",
    "ai summary",
    "summary",
    "key points",
    "in short",
    "tl;dr",
];

/// Words of a date, time or counter line, besides numbers and month names.
const META_WORDS: &[&str] = &[
    "переглядів",
    "переглядів:",
    "перегляди",
    "просмотров",
    "просмотров:",
    "просмотры",
    "views",
    "views:",
    "view",
    "коментарів",
    "комментариев",
    "comments",
    "коментарі",
    "comments:",
    "сьогодні",
    "вчора",
    "сегодня",
    "вчера",
    "today",
    "yesterday",
    "оновлено",
    "обновлено",
    "updated",
    "updated:",
    "published",
    "published:",
    "опубліковано",
    "опубликовано",
    "о",
    "в",
    "at",
    "р.",
    "г.",
    "року",
    "года",
    "·",
    "|",
    "•",
    "👁",
    "💬",
    "—",
    "-",
    "–",
    "/",
    ",",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "gmt",
    "utc",
    "eet",
    "kyiv",
    "київ",
    "киев",
];

/// A line of dates, times and counters only, with at least one number: what a page's
/// header box holds under the headline.
fn is_meta(lower: &str) -> bool {
    let tokens: Vec<&str> = lower.split_whitespace().collect();
    if tokens.is_empty() || tokens.len() > 14 {
        return false;
    }
    let numeric = |t: &str| {
        t.chars().any(|c| c.is_ascii_digit())
            && t.chars().all(|c| c.is_ascii_digit() || ".:,/-".contains(c))
    };
    tokens.iter().any(|t| numeric(t))
        && tokens.iter().all(|t| {
            let bare = t.trim_matches(|c: char| ",.:()".contains(c));
            numeric(t)
                || numeric(bare)
                || META_WORDS.contains(t)
                || META_WORDS.contains(&bare)
                || crate::lexical::calendar::month(bare).is_some()
                || crate::lexical::calendar::weekday(bare).is_some()
        })
}

/// Currency and market codes of a ticker.
const TICKER_CODES: &[&str] = &[
    "usd",
    "eur",
    "gbp",
    "pln",
    "uah",
    "rub",
    "chf",
    "cny",
    "btc",
    "eth",
    "brent",
    "wti",
    "gold",
    "$",
    "€",
    "₴",
    "£",
    "долар",
    "євро",
    "доллар",
    "евро",
];

/// A ticker: two or more currency codes, numbers and arrows, nothing else.
fn is_ticker(line: &str) -> bool {
    let tokens: Vec<String> = line
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| ":|".contains(c)).to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    let codes = tokens
        .iter()
        .filter(|t| TICKER_CODES.contains(&t.as_str()))
        .count();
    codes >= 2
        && tokens.iter().all(|t| {
            TICKER_CODES.contains(&t.as_str())
                || t.chars()
                    .all(|c| c.is_ascii_digit() || ".,%+-−▲▼↑↓".contains(c))
        })
}

/// A navigation line: a few section names, no sentence punctuation, ending in a language
/// switcher (`Головна Новини Політика Економіка UA EN RU`).
fn is_navigation(line: &str) -> bool {
    let tokens: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || "|·•/".contains(c))
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.len() < 4 || tokens.len() > 16 || line.contains(['.', '!', '?', ',']) {
        return false;
    }
    let codes = tokens
        .iter()
        .rev()
        .take_while(|t| SWITCHER_WORDS.contains(&t.to_lowercase().as_str()))
        .count();
    codes >= 2
        && tokens
            .iter()
            .all(|t| t.chars().next().is_some_and(char::is_uppercase))
}

fn is_switcher(lower: &str) -> bool {
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || "|·•/,;–—-[]()".contains(c))
        .filter(|t| !t.is_empty())
        .collect();
    let codes = tokens
        .iter()
        .filter(|t| {
            !matches!(
                **t,
                "на" | "in" | "read" | "читати" | "читать" | "version" | "версія" | "версия"
            )
        })
        .count();
    codes >= 2 && tokens.len() <= 12 && tokens.iter().all(|t| SWITCHER_WORDS.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use BoilerplateKind::*;

    macro_rules! t {
        ($line:expr, $kind:expr) => {
            assert_eq!(classify_line($line), $kind, "line: {}", $line);
        };
    }

    #[test]
    fn clutter_of_real_sites() {
        // (line, kind) — a line of each kind, and body lines that look a little like one.
        let cases = [
            ("12.12.2024 10:15 Переглядів: 3 410", Some(Meta)),
            ("12 грудня 2024, 10:15 · 👁 1 245", Some(Meta)),
            ("Updated: 10:15 GMT, 12 December 2024", Some(Meta)),
            ("Сегодня, 18:40", Some(Meta)),
            ("USD 41,25 ▲ EUR 43,80 ▼ BTC 96 400", Some(Ticker)),
            ("© 2024 Новини Дня. Усі права захищено.", Some(Copyright)),
            (
                "Використання матеріалів дозволено лише з посиланням на сайт.",
                Some(Copyright),
            ),
            (
                "Головна Новини Політика Економіка UA EN RU",
                Some(Navigation),
            ),
            ("Коротко (AI)", Some(Summary)),
            ("Поїзд вирушатиме о 18:40.", None),
            ("У 2024 році ціни зросли на 12%.", None),
            ("Долар подешевшав до 41,25 гривні.", None),
            ("Квитки та вагони", None),
            (
                "Головне, що сказав президент, стосувалося армії і виборів у березні.",
                None,
            ),
        ];
        for (line, want) in cases {
            t!(line, want);
        }
    }

    #[test]
    fn boilerplate_lines() {
        t!("ua en ru", Some(LanguageSwitcher));
        t!("UA | EN | RU", Some(LanguageSwitcher));
        t!("Українською | English | Русский", Some(LanguageSwitcher));
        t!(
            "Читати українською · Read in English · Читать на русском",
            Some(LanguageSwitcher)
        );
        t!("Author: Daria Shekina", Some(Byline));
        t!("Автор матеріалу: Олена Коваленко", Some(Byline));
        t!("By Olena Kovalenko", Some(Byline));
        t!("Фото з відкритих джерел", Some(Caption));
        t!("Illustrative photo. Photo: AP", Some(Caption));
        t!(
            "France calls NATO chief (Photo: Vitalii Nosach, RBC-Ukraine)",
            Some(Caption)
        );
        t!("Читайте також: Макрон зібрав лідерів", Some(ReadAlso));
        t!("Поділитися: Facebook · X · Telegram", Some(Share));
    }

    #[test]
    fn body_lines_stay() {
        t!("France invited the ministers.", None);
        t!(
            "By the end of the week, the allies had agreed on a plan.",
            None
        );
        t!("En route to Paris, the minister spoke to reporters.", None);
        t!("Україна", None);
    }

    #[test]
    fn paragraphs_are_blank_line_blocks() {
        let text = "A one.\nA two.\n\n\nB one.\r\n";
        let l = clean(text, CleanOptions::default());
        assert_eq!(l.paragraphs.len(), 2);
        assert_eq!(l.paragraphs[0].lines.len(), 2);
        assert_eq!(l.paragraphs[1].span.slice(text), "B one.");
    }
}
