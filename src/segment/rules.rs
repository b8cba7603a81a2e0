//! The boundary rules: candidate positions in a line and the decision at each of them.
//!
//! Candidates are the UAX #29 sentence bounds of the line plus positions a byte scan finds
//! where UAX #29 never breaks (`лет. 31 мая`, `? — запитав`, list items, emoji, glued
//! `end.Next`). Each candidate is a gap `a..b` of white space (or an empty gap between two
//! characters); the decision looks at the text left of `a` (terminal punctuation, closing
//! quotes, the word before the period) and right of `b` (dashes, opening quotes, the case
//! of the next word). Everything is decided on `&str` slices; a line allocates two small
//! vectors (its UAX #29 bounds and its candidates), a candidate nothing.

use super::abbrev::{Class, Table, en_starter};
use crate::lang::Lang;
use unicode_segmentation::UnicodeSegmentation;

/// A candidate boundary: the left sentence would end at `a`, the right one start at `b`.
#[derive(Clone, Copy, Debug)]
struct Cand {
    a: usize,
    b: usize,
    uax: bool,
    /// Start of the white-space-delimited token that ends at `a` (or contains it).
    tok: usize,
}

/// A list marker: `1.`, `2)`, `3.)`, `a.`, `б)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Marker {
    letter: bool,
    delim: u8,
    value: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Term {
    None,
    Stop,
    Excl,
    Ellipsis,
}

/// What lies left of a candidate.
#[derive(Clone, Copy, Debug)]
struct Left {
    term: Term,
    /// A closing quote or bracket follows the terminal.
    quote: bool,
    /// An emoji or a smiley ends the text.
    emoji: bool,
    /// An ellipsis in brackets: `[...]`.
    bracketed: bool,
    /// Where the terminal cluster starts (or the end of text when there is none).
    cluster: usize,
    /// The token before the terminal.
    tok: (usize, usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RClass {
    Upper,
    Lower,
    Digit,
    Emoji,
    At,
    Hash,
    Close,
    Other,
    End,
}

/// What lies right of a candidate.
#[derive(Clone, Copy, Debug)]
struct Right {
    dash: bool,
    open: bool,
    paren: bool,
    class: RClass,
    /// The first word (letters and digits) after dashes and quotes.
    word: (usize, usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    Empty,
    Url,
    Number,
    Roman,
    Section,
    Initial,
    Initials,
    LowerLetter,
    Abbr(Class, bool),
    MultiDot(bool),
    Word,
}

/// How far back (in bytes) the rules look from a candidate.
const WINDOW: usize = 300;

/// Splits one line into sentence ranges (relative byte offsets, trimmed, non-empty).
pub(crate) fn split_line(lang: Lang, table: &Table, s: &str, out: impl FnMut(usize, usize)) {
    split_line_window(lang, table, s, WINDOW, out)
}

/// [`split_line`] with another look-back window (tests use tiny ones to reach its edges).
pub(crate) fn split_line_window(
    lang: Lang,
    table: &Table,
    s: &str,
    window: usize,
    mut out: impl FnMut(usize, usize),
) {
    let start = s.len() - s.trim_start().len();
    let end = s.trim_end().len();
    if start >= end {
        return;
    }
    let cx = Cx {
        lang,
        table,
        s,
        window: window.max(1),
    };
    let cands = cx.candidates(start, end);
    let mut cur = start;
    let mut list = marker_at(s, content_start(s, cur));
    for c in cands {
        if c.a <= cur || c.b >= end {
            continue;
        }
        let hard = s[c.a..c.b]
            .chars()
            .any(|ch| matches!(ch, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}'));
        if hard || cx.decide(cur, c, &mut list) {
            out(cur, c.a);
            cur = c.b;
        }
    }
    out(cur, end);
}

struct Cx<'a> {
    lang: Lang,
    table: &'a Table,
    s: &'a str,
    window: usize,
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|t| t.chars().next_back())
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '“' | '»' | '›' | ')' | ']' | '}' | '`'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '«' | '„' | '“' | '”' | '‘' | '‹' | '(' | '[' | '{' | '`' | '¿' | '¡'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '-' | '‒' | '―' | '−')
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '⁃'
            | '●'
            | '▪'
            | '◦'
            | '‣'
            | '∙'
            | '■'
            | '►'
            | '▶'
            | '✔'
            | '✅'
            | '☑'
            | '✓'
    )
}

/// A keycap number (`1⃣`, `2️⃣`, `#️⃣`) at `i`: its length in bytes.
fn keycap_at(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    if !b
        .get(i)
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'#' | b'*'))
    {
        return None;
    }
    let rest = &s[i + 1..];
    let sel = if rest.starts_with('\u{fe0f}') { 3 } else { 0 };
    rest[sel..].starts_with('\u{20e3}').then_some(1 + sel + 3)
}

/// Emoji, pictographs, dingbats, and their joiners and modifiers.
fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF
        | 0x2190..=0x21FF | 0xFE0E | 0xFE0F | 0x200D | 0x20E3 | 0x3030 | 0x303D | 0x3297
        | 0x3299 | 0x2122 | 0x2139 | 0x24C2 | 0x2934 | 0x2935 | 0x2800 | 0xE0020..=0xE007F)
}

/// The start of the stretch before `end` that backward scans look at: at most `size`
/// bytes ([`WINDOW`]), so that long lines with many candidates stay linear.
fn window(s: &str, cur: usize, end: usize, size: usize) -> usize {
    let mut w = end.saturating_sub(size).max(cur);
    while !s.is_char_boundary(w) {
        w += 1;
    }
    w
}

/// Whether `s` lower-cased equals `lower`, without allocating.
fn eq_lower(s: &str, lower: &str) -> bool {
    s.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// `:)`, `;-)`, `=)`, `:D` at the start of `s`.
fn is_text_smiley(s: &str) -> bool {
    [":)", ";)", ":(", ":D", "=)", ":-)", ";-)", ":-(", ":P"]
        .iter()
        .any(|m| s.starts_with(m))
}

fn is_skin_or_joiner(c: char) -> bool {
    matches!(c as u32, 0x1F3FB..=0x1F3FF | 0x200D | 0xFE0F)
}

fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | ',' | ';' | ':' | '»' | '!' | '?' | '%' | '/'
    )
}

const ENTITY_CLOSERS: &[&str] = &["&#39;", "&quot;", "&raquo;", "&rsquo;", "&rdquo;"];
const ENTITY_OPENERS: &[&str] = &["&#39;", "&quot;", "&laquo;", "&lsquo;", "&ldquo;"];

/// `[12]` (or an omission mark `[…]`, `[...]`) ending at `i`: a footnote mark.
fn footnote_before(s: &str, i: usize) -> Option<usize> {
    for mark in ["[…]", "[...]"] {
        if s[..i].ends_with(mark) {
            return Some(i - mark.len());
        }
    }
    let b = s.as_bytes();
    if i < 3 || b[i - 1] != b']' {
        return None;
    }
    let mut j = i - 1;
    while j > 0 && b[j - 1].is_ascii_digit() {
        j -= 1;
    }
    (j < i - 1 && j > 0 && b[j - 1] == b'[' && i - 1 - j <= 3).then(|| j - 1)
}

/// `[12]` starting at `i`.
fn footnote_at(s: &str, i: usize) -> bool {
    if s[i..].starts_with("[…]") || s[i..].starts_with("[...]") || s[i..].starts_with("(*)") {
        return true;
    }
    let b = &s.as_bytes()[i..];
    if b.first() != Some(&b'[') {
        return false;
    }
    let digits = b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=3).contains(&digits) && b.get(1 + digits) == Some(&b']')
}

/// Skips white space, bullets, dashes and opening quotes from `i`.
fn content_start(s: &str, mut i: usize) -> usize {
    let limit = i + 64;
    while let Some(c) = char_at(s, i) {
        if i < limit && (c.is_whitespace() || is_bullet(c) || is_dash(c) || is_opener(c)) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// A list marker at `i` followed by white space.
fn marker_at(s: &str, i: usize) -> Option<Marker> {
    let b = s.as_bytes();
    let mut j = i;
    let mut value = 0u32;
    while j < b.len() && b[j].is_ascii_digit() && j - i < 3 {
        value = value * 10 + u32::from(b[j] - b'0');
        j += 1;
    }
    let letter = j == i;
    if letter {
        let c = char_at(s, i)?;
        if !c.is_lowercase() || !c.is_alphabetic() {
            return None;
        }
        value = c as u32;
        j += c.len_utf8();
    } else if j < b.len() && b[j].is_ascii_digit() {
        return None;
    }
    let delim = match (b.get(j), b.get(j + 1)) {
        (Some(b'.'), Some(b')')) => {
            j += 2;
            2
        }
        (Some(b'.'), _) => {
            j += 1;
            0
        }
        (Some(b')'), _) => {
            j += 1;
            1
        }
        _ => return None,
    };
    let next = char_at(s, j)?;
    next.is_whitespace().then_some(Marker {
        letter,
        delim,
        value,
    })
}

const CLOSINGS: &[&str] = &[
    "regards",
    "best regards",
    "kind regards",
    "warm regards",
    "warmest regards",
    "sincerely",
    "yours sincerely",
    "thanks",
    "many thanks",
    "thank you",
    "cheers",
    "best",
    "best wishes",
    "love",
    "yours",
    "cordially",
];
const CLOSINGS_CYR: &[&str] = &[
    "з повагою",
    "с уважением",
    "щиро",
    "искренне",
    "дякую",
    "спасибо",
];
const SALUTATIONS: &[&str] = &[
    "dear",
    "hi",
    "hello",
    "hey",
    "шановний",
    "шановна",
    "шановні",
    "уважаемый",
    "уважаемая",
    "уважаемые",
    "дорогий",
    "дорога",
    "дорогой",
    "дорогая",
    "привіт",
    "привет",
];

fn is_separator_char(c: char) -> bool {
    matches!(c, '*' | '=' | '-' | '#' | '+')
}

/// `*****`, `=======`, `---=`: a run of three or more separator signs.
fn is_separator(tok: &str) -> bool {
    tok.len() >= 3 && tok.chars().all(is_separator_char)
}

/// An e-mail address or an address in angle brackets ending a header line.
fn is_address(tok: &str) -> bool {
    let tok = tok.trim_end_matches(['>', ')', ',']);
    match tok.rfind('@') {
        Some(at) => at > 0 && tok[at..].contains('.') && !tok.ends_with('.'),
        None => false,
    }
}

/// `04/26/2001 07:17 AM`, `04/25/01 12:42:55`: a date with slashes and a time.
fn is_timestamp_at(s: &str, i: usize) -> bool {
    let mut it = s[i..].split_whitespace();
    let (Some(date), Some(time)) = (it.next(), it.next()) else {
        return false;
    };
    is_slash_date(date) && is_clock(time)
}

fn ends_with_timestamp(s: &str) -> bool {
    let mut it = s.split_whitespace().rev();
    let mut last = it.next().unwrap_or("");
    if matches!(last, "AM" | "PM" | "am" | "pm") {
        last = it.next().unwrap_or("");
    }
    is_clock(last) && it.next().is_some_and(is_slash_date)
}

fn is_slash_date(t: &str) -> bool {
    t.split('/').count() == 3
        && t.split('/')
            .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

fn is_clock(t: &str) -> bool {
    (2..=3).contains(&t.split(':').count())
        && t.split(':')
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

fn is_upper_word(w: &str) -> bool {
    let mut n = 0;
    for c in w.chars() {
        if !c.is_uppercase() {
            return false;
        }
        n += 1;
    }
    n >= 2
}

impl Cx<'_> {
    /// Candidate gaps in text order.
    fn candidates(&self, start: usize, end: usize) -> Vec<Cand> {
        let s = self.s;
        let bytes = s.as_bytes();
        let uax: Vec<usize> = s[..end]
            .split_sentence_bound_indices()
            .map(|(o, _)| o)
            .filter(|&o| o > start && o < end)
            .collect();
        let mut cands: Vec<Cand> = Vec::new();
        let mut i = start;
        let mut tok_start = start;
        let mut u = 0;
        while i < end {
            let c = bytes[i];
            // Fast path: only lead bytes C2, E1, E2 and E3 can start non-ASCII white space.
            if c >= 0xC0 && !matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
                i += match c {
                    0xC0..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    _ => 4,
                };
                continue;
            }
            let (ch, len) = if c < 0x80 {
                (c as char, 1)
            } else {
                let ch = char_at(s, i).unwrap_or('\u{fffd}');
                (ch, ch.len_utf8())
            };
            if !ch.is_whitespace() {
                if c == b'.' && self.glued_stop(tok_start, i, end) {
                    cands.push(Cand {
                        a: i + 1,
                        b: i + 1,
                        uax: false,
                        tok: tok_start,
                    });
                }
                i += len;
                continue;
            }
            let a = i;
            let mut j = i + len;
            while let Some(ch) = char_at(s, j) {
                if !ch.is_whitespace() {
                    break;
                }
                j += ch.len_utf8();
            }
            let b = j;
            // UAX #29 bounds inside the token just passed (glued ones) come first.
            while u < uax.len() && uax[u] < b {
                let o = uax[u];
                if o > tok_start && o < a {
                    cands.push(Cand {
                        a: o,
                        b: o,
                        uax: true,
                        tok: tok_start,
                    });
                }
                u += 1;
            }
            let is_uax = u < uax.len() && uax[u] == b;
            if b < end && (is_uax || self.plausible(tok_start, a, b)) {
                cands.push(Cand {
                    a,
                    b,
                    uax: is_uax,
                    tok: tok_start,
                });
            }
            tok_start = b;
            i = b;
        }
        while u < uax.len() {
            let o = uax[u];
            if o > tok_start {
                cands.push(Cand {
                    a: o,
                    b: o,
                    uax: true,
                    tok: tok_start,
                });
            }
            u += 1;
        }
        cands.sort_by_key(|c| (c.a, c.b));
        cands.dedup_by(|x, y| {
            if x.a == y.a && x.b == y.b {
                y.uax |= x.uax;
                true
            } else {
                false
            }
        });
        cands
    }

    /// `quality.You`: a period glued between a lower-case word and a capitalised one.
    fn glued_stop(&self, tok_start: usize, i: usize, end: usize) -> bool {
        let s = self.s;
        let (Some(prev), Some(next)) = (char_before(s, i), char_at(s, i + 1)) else {
            return false;
        };
        if !prev.is_lowercase() || !next.is_uppercase() {
            return false;
        }
        let after = i + 1 + next.len_utf8();
        if !char_at(s, after).is_some_and(char::is_lowercase) {
            return false;
        }
        if i - tok_start > 64 {
            return false;
        }
        let word = &s[tok_start..i];
        if word.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            return false;
        }
        let mut limit = (i + 64).min(end);
        while !s.is_char_boundary(limit) {
            limit -= 1;
        }
        let Some(tok_end) = s[i..limit]
            .find(char::is_whitespace)
            .map(|k| i + k)
            .or((limit == end).then_some(end))
        else {
            return false;
        };
        let tok = &s[tok_start..tok_end];
        let rest = &s[i + 1..tok_end];
        let domain = ["com", "net", "org", "gov", "edu", "info", "ua", "ru", "uk"]
            .iter()
            .any(|d| rest.eq_ignore_ascii_case(d));
        !(tok.contains('@')
            || tok.contains("://")
            || tok.starts_with("www")
            || word.contains('.')
            || domain)
    }

    /// A cheap filter for white-space gaps that UAX #29 did not report.
    fn plausible(&self, tok_start: usize, a: usize, b: usize) -> bool {
        let s = self.s;
        let (Some(lc), Some(rc)) = (char_before(s, a), char_at(s, b)) else {
            return false;
        };
        if !(lc.is_alphanumeric() || matches!(lc, ',' | '-' | ':')) {
            return true;
        }
        if is_bullet(rc)
            || rc.is_ascii_digit()
            || rc == '@'
            || (lc == ':' && is_dash(rc))
            || is_separator_char(rc)
            || (lc == ',' && rc.is_uppercase())
        {
            return true;
        }
        let tok = &s[tok_start..a];
        if tok.contains('@')
            || tok.contains(':')
            || tok.starts_with("www.")
            || tok.ends_with("AM")
            || tok.ends_with("PM")
        {
            return true;
        }
        if rc.is_alphabetic() {
            if matches!(s.as_bytes().get(b + rc.len_utf8()), Some(b'.' | b')')) {
                return true;
            }
            if rc.is_uppercase() && s.as_bytes()[tok_start] == b'#' {
                return true;
            }
        }
        false
    }

    fn decide(&self, cur: usize, c: Cand, list: &mut Option<Marker>) -> bool {
        let s = self.s;
        let Some(rc) = char_at(s, c.b) else {
            return false;
        };
        let start = content_start(s, cur);
        if start >= c.a {
            return false;
        }
        if is_bullet(rc) {
            let only_mention = s[start..c.a].starts_with('@') && !s[start..c.a].contains(' ');
            return c.a < c.b && !s[..c.a].ends_with(':') && !only_mention;
        }
        // `… премии 4⃣ Отменить налоги …`: a keycap number is a list marker, like a bullet;
        // it opens the item that follows it and never ends one.
        if keycap_at(s, c.b).is_some() {
            return c.a < c.b && !s[..c.a].ends_with(':');
        }
        if c.tok < c.a && keycap_at(s, c.tok).is_some_and(|n| c.tok + n == c.a) {
            return false;
        }
        if let Some(m) = marker_at(s, c.b).filter(|_| c.a < c.b) {
            if list.is_some_and(|l| {
                l.letter == m.letter && l.delim == m.delim && m.value == l.value + 1
            }) {
                *list = Some(m);
                return true;
            }
            if m.delim == 1 && s[..c.a].ends_with(';') {
                return true;
            }
        }
        if rc == '.' {
            return self.dots_after_period(cur, c);
        }
        // `Отличный снимок 👍👍 😍😍 Спасибо`: in chat text emoji groups set off by a
        // space are reactions of their own, one sentence each.
        let pictograph = |ch: char| is_emoji(ch) && !is_skin_or_joiner(ch) && ch != '\u{2800}';
        if c.a < c.b
            && pictograph(rc)
            && char_before(s, c.a)
                .is_some_and(|ch| pictograph(ch) || (is_skin_or_joiner(ch) && ch != '\u{200d}'))
        {
            return true;
        }
        if let Some(split) = (c.a < c.b).then(|| self.layout_rules(cur, c)).flatten() {
            return split;
        }
        // A closing quote glued to the terminal (`!&#39;&#39;`, `."`) stays with it.
        if c.a == c.b && (is_closer(rc) || ENTITY_CLOSERS.iter().any(|e| s[c.b..].starts_with(e))) {
            return false;
        }
        if (is_closing_punct(rc) && !is_text_smiley(&s[c.b..])) || footnote_at(s, c.b) {
            return false;
        }
        let left = self.left(cur, c.a);
        let right = self.right(c.b);
        if left.cluster <= start && left.term != Term::None {
            return false;
        }
        match left.term {
            Term::None => self.no_terminal(cur, c, &left, &right),
            Term::Excl => self.excl(cur, c, &left, &right),
            Term::Ellipsis => {
                // `Сибири: ``... Прибыл`: an ellipsis opening a quotation.
                let opening =
                    char_before(s, left.cluster).is_some_and(is_opener) && left.tok.0 == left.tok.1;
                if left.bracketed || opening {
                    return false;
                }
                if right.dash {
                    return right.class != RClass::Lower;
                }
                matches!(right.class, RClass::Upper | RClass::At)
            }
            Term::Stop => self.stop(cur, c, &left, &right),
        }
    }

    /// Mail and web layout flattened into one line: separator rules (`*****`, `=====`),
    /// header time stamps (`Kay Mann 04/26/2001 07:17 AM Will you …`), addresses before
    /// the text, salutations and closings (`Dear Jill,`, `Best regards,`).
    fn layout_rules(&self, cur: usize, c: Cand) -> Option<bool> {
        let s = self.s;
        let next_end = s[c.b..]
            .find(char::is_whitespace)
            .map_or(s.len(), |k| c.b + k);
        let next = &s[c.b..next_end];
        let w = window(s, cur, c.a, self.window);
        let prev_start = s[w..c.a]
            .char_indices()
            .rev()
            .find(|(_, ch)| ch.is_whitespace())
            .map_or(w, |(k, ch)| w + k + ch.len_utf8());
        let prev = &s[prev_start..c.a];
        if is_separator(next) || is_separator(prev) {
            return Some(true);
        }
        let rc = char_at(s, c.b)?;
        if is_timestamp_at(s, c.b) {
            let lc = char_before(s, c.a)?;
            let lower_word = prev.chars().all(char::is_lowercase);
            return Some((lc.is_alphabetic() && !lower_word) || lc == '>');
        }
        if rc.is_alphabetic()
            && !matches!(next, "AM" | "PM" | "am" | "pm")
            && ends_with_timestamp(&s[cur..c.a])
        {
            return Some(true);
        }
        if (rc.is_uppercase() || rc.is_ascii_digit()) && is_address(prev) {
            return Some(true);
        }
        if rc.is_uppercase() && s[..c.a].ends_with(',') {
            let head = &s[cur..c.a - 1];
            let mut words = head.split_whitespace();
            let first = words.next().unwrap_or("");
            let count = 1 + words.take(4).count();
            let closing = head.len() <= 40
                && (CLOSINGS.iter().any(|w| head.eq_ignore_ascii_case(w))
                    || CLOSINGS_CYR.iter().any(|w| eq_lower(head, w)));
            let salutation = count <= 4 && SALUTATIONS.iter().any(|w| eq_lower(first, w));
            return Some(closing || salutation);
        }
        None
    }

    /// `compounds. . . . The`: a period after a word, then an ellipsis that opens the next
    /// sentence. Any other gap before a period is not a boundary.
    fn dots_after_period(&self, cur: usize, c: Cand) -> bool {
        let s = self.s;
        if c.a == c.b || !s[..c.a].ends_with('.') {
            return false;
        }
        let before = char_before(s, c.a - 1);
        if !before.is_some_and(char::is_alphabetic) {
            return false;
        }
        let mut k = c.b;
        let mut dots = 0;
        while let Some(ch) = char_at(s, k) {
            match ch {
                '.' => dots += 1,
                ' ' if char_at(s, k + 1) == Some('.') => {}
                _ => break,
            }
            k += 1;
        }
        let left = self.left(cur, c.a);
        if dots < 3 || !matches!(self.token(cur, left.tok), Tok::Word) {
            return false;
        }
        let rest = s[k..].trim_start();
        rest.len() < s.len() - k && rest.chars().next().is_some_and(char::is_uppercase)
    }

    fn left(&self, cur: usize, a: usize) -> Left {
        let s = self.s;
        // Look back at most a few hundred bytes: long lines stay linear.
        let cur = window(s, cur, a, self.window);
        let mut i = a;
        let mut quote = false;
        let mut emoji = false;
        let mut bracket_close = None;
        while i > cur {
            if let Some(j) = footnote_before(s, i).filter(|&j| j >= cur) {
                // `Dulwich. [17]`: the mark and the space before it belong to the sentence.
                i = j;
                while i > cur && s.as_bytes()[i - 1] == b' ' {
                    i -= 1;
                }
                continue;
            }
            if let Some(e) = ENTITY_CLOSERS.iter().find(|e| s[cur..i].ends_with(*e)) {
                i -= e.len();
                quote = true;
                continue;
            }
            let Some(ch) = char_before(s, i) else { break };
            if ch == ')' {
                let run_end = i;
                let mut k = i;
                while k > cur && s.as_bytes()[k - 1] == b')' {
                    k -= 1;
                }
                let run = run_end - k;
                // Never look before the window (or the sentence).
                let before = if k > cur { char_before(s, k) } else { None };
                if matches!(before, Some(':' | ';' | '=')) {
                    emoji = true;
                    i = k - 1;
                    if s[cur..i].ends_with(':') {
                        i -= 1;
                    }
                    continue;
                }
                if before == Some('-') && k - 1 > cur && s[cur..k - 1].ends_with(':') {
                    emoji = true;
                    i = k - 2;
                    continue;
                }
                let near = &s[window(s, cur, k, self.window)..k];
                let opens = near.bytes().filter(|&b| b == b'(').count();
                let closes = near.bytes().filter(|&b| b == b')').count();
                if opens <= closes
                    && (run >= 2 || before.is_some_and(|b| b.is_alphabetic() || b == ' '))
                {
                    emoji = true;
                    i = k;
                    continue;
                }
                bracket_close = Some(i - 1);
                quote = true;
                i -= 1;
                continue;
            }
            if ch == ']' {
                quote = true;
                bracket_close = Some(i - 1);
                i -= 1;
                continue;
            }
            if is_closer(ch) {
                quote = true;
                i -= ch.len_utf8();
                continue;
            }
            if is_emoji(ch) {
                emoji = true;
                i -= ch.len_utf8();
                continue;
            }
            break;
        }
        let end_term = i;
        let mut dots = 0;
        let mut excl = false;
        let mut ell = false;
        let mut spaced = false;
        while i > cur {
            let Some(ch) = char_before(s, i) else { break };
            match ch {
                '.' => dots += 1,
                '!' | '?' | '‼' | '⁉' | '⁈' | '⁇' | '！' | '？' => excl = true,
                '…' => ell = true,
                ' ' if dots > 0 && i >= cur + 2 && s.as_bytes()[i - 2] == b'.' => spaced = true,
                _ => break,
            }
            i -= ch.len_utf8();
        }
        // `the thing is . . . I`: a free-standing three-dot ellipsis marks an omission
        // inside a sentence; four dots (`. . . .`) end one.
        let omission = spaced
            && dots == 3
            && !excl
            && !ell
            && char_before(s, i).is_some_and(char::is_whitespace);
        let term = if omission {
            Term::None
        } else if excl {
            Term::Excl
        } else if ell || dots >= 2 {
            Term::Ellipsis
        } else if dots == 1 {
            Term::Stop
        } else {
            Term::None
        };
        let cluster = if term == Term::None { end_term } else { i };
        let bracketed = term == Term::Ellipsis
            && bracket_close.is_some()
            && matches!(char_before(s, i), Some('[' | '('));
        // The token before the terminal, without closing quotes.
        let mut te = i;
        while te > cur {
            match char_before(s, te) {
                Some(ch) if is_closer(ch) => te -= ch.len_utf8(),
                _ => break,
            }
        }
        let mut ts = te;
        while ts > cur {
            match char_before(s, ts) {
                Some(ch)
                    if !ch.is_whitespace()
                        && !is_bullet(ch)
                        && !matches!(ch, '(' | '«' | '„' | '“' | '[') =>
                {
                    ts -= ch.len_utf8()
                }
                _ => break,
            }
        }
        if term == Term::None {
            // For a line without a terminal the token is the last word (hashtags).
            let mut ts2 = a;
            while ts2 > cur {
                match char_before(s, ts2) {
                    Some(ch) if !ch.is_whitespace() => ts2 -= ch.len_utf8(),
                    _ => break,
                }
            }
            return Left {
                term,
                quote,
                emoji,
                bracketed,
                cluster,
                tok: (ts2, a),
            };
        }
        Left {
            term,
            quote,
            emoji,
            bracketed,
            cluster,
            tok: (ts, te),
        }
    }

    fn right(&self, b: usize) -> Right {
        let s = self.s;
        let mut k = b;
        let mut dash = false;
        let mut open = false;
        let mut paren = false;
        for _ in 0..32 {
            if let Some(e) = ENTITY_OPENERS.iter().find(|e| s[k..].starts_with(*e)) {
                k += e.len();
                open = true;
                continue;
            }
            let Some(ch) = char_at(s, k) else { break };
            if is_opener(ch) {
                open = true;
                paren |= ch == '(' && k == b;
                k += ch.len_utf8();
                continue;
            }
            if is_dash(ch) {
                let mut len = ch.len_utf8();
                if s[k..].starts_with("--") {
                    len = 2;
                }
                let next = char_at(s, k + len);
                if ch != '-' || len == 2 || next.is_some_and(|n| n.is_whitespace() || is_opener(n))
                {
                    dash = true;
                    k += len;
                    while let Some(w) = char_at(s, k).filter(|w| w.is_whitespace()) {
                        k += w.len_utf8();
                    }
                    continue;
                }
            }
            break;
        }
        let smiley = is_text_smiley(&s[k..]);
        let class = match char_at(s, k) {
            _ if smiley => RClass::Emoji,
            None => RClass::End,
            Some(ch) if ch.is_uppercase() => RClass::Upper,
            Some(ch) if ch.is_lowercase() => RClass::Lower,
            Some(ch) if ch.is_numeric() => RClass::Digit,
            Some(ch) if ch.is_alphabetic() => RClass::Upper,
            Some('@') => RClass::At,
            Some('#') => RClass::Hash,
            Some(ch) if is_emoji(ch) => RClass::Emoji,
            Some(ch) if is_closing_punct(ch) || ch == '.' => RClass::Close,
            Some(_) => RClass::Other,
        };
        let we = s[k..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(s.len(), |n| k + n);
        // `mTOR`, `iPhone`, `eBay`: a name that starts in lower case.
        let class = if class == RClass::Lower && s[k..we].chars().any(char::is_uppercase) {
            RClass::Upper
        } else {
            class
        };
        Right {
            dash,
            open,
            paren,
            class,
            word: (k, we),
        }
    }

    /// The token before `ts` in the same sentence.
    fn prev_token(&self, cur: usize, ts: usize) -> Option<(usize, usize)> {
        let s = self.s;
        let cur = window(s, cur, ts, self.window);
        let before = s[cur..ts].trim_end();
        if before.is_empty() {
            return None;
        }
        let e = cur + before.len();
        let st = before.rfind(char::is_whitespace).map_or(cur, |k| {
            cur + k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
        Some((st, e))
    }

    fn words_before(&self, cur: usize, ts: usize) -> usize {
        // Callers only compare with small numbers; stop counting early.
        self.s[cur..ts].split_whitespace().take(8).count()
    }

    fn token(&self, cur: usize, (ts, te): (usize, usize)) -> Tok {
        let s = self.s;
        let t = &s[ts..te];
        if t.is_empty() {
            return Tok::Empty;
        }
        if t.contains('@') || t.contains("://") || t.starts_with("www.") {
            return Tok::Url;
        }
        let prev = self.prev_token(cur, ts);
        if let Some((ps, pe)) = prev {
            let p = &s[ps..pe];
            let mut pc = p.chars();
            let single_lower = matches!(
                (pc.next(), pc.next(), pc.next()),
                (Some(l), Some('.'), None) if l.is_lowercase()
            );
            if let Some(c) = single_lower.then(|| self.table.lookup(&[p, t])).flatten() {
                return Tok::Abbr(c, false);
            }
        }
        let num_ctx = || {
            prev.is_some_and(|(ps, pe)| {
                let p = s[ps..pe].trim_end_matches([')', ',']);
                p.ends_with(|c: char| c.is_ascii_digit())
                    || (!p.is_empty() && p.chars().all(|c| "IVXLCDM".contains(c)))
            })
        };
        let mut chars = t.chars();
        let first = chars.next().unwrap_or(' ');
        let single = chars.next().is_none();
        if single && first.is_uppercase() {
            return Tok::Initial;
        }
        if let Some(c) = self.table.lookup(&[t]) {
            return Tok::Abbr(c, num_ctx());
        }
        let core = t.trim_start_matches(['$', '€', '£', '₴', '¥', '+', '-', '−', '~', '≈', '#']);
        if core.starts_with(|c: char| c.is_ascii_digit()) {
            let num_end = core
                .find(|c: char| !(c.is_ascii_digit() || ".,:/-–".contains(c)))
                .unwrap_or(core.len());
            if num_end == core.len() {
                return Tok::Number;
            }
            let suffix = &core[num_end..];
            // A unit glued to a number (`1999гг.`, `5м.`), not a case ending (`3-им`).
            let unit = suffix.chars().all(char::is_alphabetic)
                && core[..num_end].ends_with(|c: char| c.is_ascii_digit());
            let class = unit
                .then(|| self.table.lookup(&[suffix]))
                .flatten()
                .filter(|&c| c != Class::Prefix);
            if let Some(c) = class {
                return Tok::Abbr(c, true);
            }
            return Tok::Word;
        }
        if t.starts_with('§') || t.starts_with('№') {
            return Tok::Section;
        }
        if single {
            // One-letter words that can end a sentence (`… не є.`, `… это я.`).
            if matches!((self.lang, first), (Lang::Uk, 'є' | 'я') | (Lang::Ru, 'я')) {
                return Tok::Word;
            }
            if first.is_lowercase() {
                return Tok::LowerLetter;
            }
            return Tok::Word;
        }
        if t.chars().all(|c| "IVXLCDM".contains(c)) && t.len() <= 7 {
            return Tok::Roman;
        }
        if t.contains('.') {
            // `т.е`, `U.S`, `ген.-м`: short alphabetic parts (a hyphen may join them).
            let parts_ok = t.split('.').all(|p| {
                let p = p.trim_start_matches('-');
                !p.is_empty() && p.chars().all(char::is_alphabetic) && p.chars().count() <= 4
            });
            if parts_ok {
                let all_single_upper = t.split('.').all(|p| {
                    let mut c = p.chars();
                    c.next().is_some_and(char::is_uppercase) && c.next().is_none()
                });
                if all_single_upper {
                    return Tok::Initials;
                }
                return Tok::MultiDot(first.is_lowercase());
            }
        }
        Tok::Word
    }

    fn no_terminal(&self, cur: usize, c: Cand, left: &Left, right: &Right) -> bool {
        let s = self.s;
        let (ts, te) = left.tok;
        // `произнёс: -- Вообще-то …`: direct speech set off by a colon and a dash.
        if s[..c.a].ends_with(':') && right.dash && right.class == RClass::Upper && c.a < c.b {
            return true;
        }
        // `… рисовые поля @user по-моему, …`: a reply to someone starts a sentence, unless
        // a short word (a preposition) or a pointing sign leads to the name.
        if right.class == RClass::At && !right.dash && !right.open && c.a < c.b {
            let t = &s[ts..te];
            let short = t.chars().count() <= 3 && t.chars().all(char::is_lowercase);
            let pointing = t.ends_with(['👉', '➡', '→', ':', '-', '—', '–', '_']);
            // Only a name followed by a word starts a reply (`@user по-моему, …`).
            let name_end = s[c.b..]
                .find(char::is_whitespace)
                .map_or(s.len(), |k| c.b + k);
            let name = &s[c.b..name_end];
            let word_follows = name
                .chars()
                .all(|ch| ch.is_alphanumeric() || "@-_.".contains(ch))
                && s[name_end..]
                    .trim_start()
                    .starts_with(|ch: char| ch.is_alphabetic() || is_emoji(ch));
            return !short && !pointing && !t.starts_with('@') && word_follows;
        }
        // `… подпишите на https://example.org/123/ Против …`: a link that closes a line of
        // chat text without a terminal ends the sentence before a capitalised word.
        let t = &s[ts..te];
        if (t.contains("://") || t.starts_with("www."))
            && right.class == RClass::Upper
            && !right.dash
            && !right.open
            && c.a < c.b
        {
            return true;
        }
        if left.emoji {
            if left.cluster <= content_start(s, cur) {
                // A text smiley standing between two sentences (`дивакуватий. :) Дивитись`),
                // or the last of several emoji groups (`Ура 🎉🎉 👍 Завтра`).
                let lo = window(s, 0, cur, self.window);
                let before = lo + s[lo..cur].trim_end().len();
                let group = before < cur && char_before(s, before).is_some_and(is_emoji);
                return (is_text_smiley(&s[cur..c.a]) || group)
                    && !right.dash
                    && !right.open
                    && right.class == RClass::Upper;
            }
            return !right.dash && !right.open && right.class == RClass::Upper;
        }
        // `… #горемать Хорошего вам настроения`: a hashtag run ends a sentence.
        let hashtag = &s[c.tok.max(cur)..c.a];
        if hashtag.starts_with('#')
            && hashtag[1..].starts_with(char::is_alphabetic)
            && right.class == RClass::Upper
            && !right.dash
            && !right.open
        {
            return true;
        }
        // A UAX #29 bound after a terminal these rules do not know (`。`, `।`, `؟`).
        c.uax
            && char_before(s, left.cluster).is_some_and(|ch| {
                !ch.is_ascii() && !ch.is_alphanumeric() && !is_opener(ch) && !is_emoji(ch)
            })
    }

    fn excl(&self, cur: usize, c: Cand, left: &Left, right: &Right) -> bool {
        let s = self.s;
        if right.dash {
            return right.class != RClass::Lower;
        }
        match right.class {
            RClass::Close | RClass::End | RClass::Hash => false,
            // An emoji after a terminal belongs to the sentence it ends.
            RClass::Emoji => self.emoji_then_lower(c, left, right),
            RClass::Lower => {
                // `маски!!!)))) заинтриговала!`: a smiley after `!` that lower case follows.
                if left.quote || left.emoji || c.a == c.b || right.open {
                    return false;
                }
                // `Yahoo! in`: a capitalised name inside a sentence.
                let (ts, te) = left.tok;
                let t = &s[ts..te];
                let single = s[te..].starts_with("! ") || s[te..].starts_with("!\u{a0}");
                !(single
                    && ts > content_start(s, cur)
                    && t.chars().next().is_some_and(char::is_uppercase)
                    && self.lang == Lang::En)
            }
            _ => true,
        }
    }

    fn stop(&self, cur: usize, c: Cand, left: &Left, right: &Right) -> bool {
        let s = self.s;
        let tok = self.token(cur, left.tok);
        let (ts, te) = left.tok;
        let at_start = ts <= content_start(s, cur);
        if right.dash {
            // `(наступного року. — Ред.)`: an editor's note inside brackets.
            let near = &s[window(s, cur, c.a, self.window)..c.a];
            let inside = near.matches('(').count() > near.matches(')').count();
            // After an abbreviation (`2002 г. -- …`) a dash is more often a clause dash.
            let abbr = matches!(tok, Tok::Abbr(..));
            return right.class != RClass::Lower && !inside && !abbr;
        }
        match right.class {
            RClass::End | RClass::Close | RClass::Hash => false,
            RClass::Emoji => self.emoji_then_lower(c, left, right),
            RClass::Lower => {
                if self.lang != Lang::En || left.quote || right.open || c.a == c.b {
                    return false;
                }
                // A word with a vowel (`bite. they`), not an unknown abbreviation (`bln.`).
                let w = &s[ts..te];
                tok == Tok::Word
                    && w.chars().count() >= 2
                    && w.chars().all(char::is_alphabetic)
                    && w.chars().any(|c| "aeiouyAEIOUY".contains(c))
            }
            RClass::Digit => match tok {
                Tok::Word | Tok::Url | Tok::Empty => !right.paren,
                Tok::Number | Tok::Roman => !at_start && !right.paren,
                _ => false,
            },
            RClass::Upper | RClass::At | RClass::Other => {
                // Ukrainian treebank and legal-text convention: a clause number opening
                // a line (`1. Затвердити …`) stands alone.
                if self.lang == Lang::Uk
                    && tok == Tok::Number
                    && ts == content_start(s, 0)
                    && right.class == RClass::Upper
                    && s[ts..te].len() <= 2
                    && !right.dash
                    && !right.open
                {
                    return true;
                }
                if at_start
                    && matches!(
                        tok,
                        Tok::Number
                            | Tok::Roman
                            | Tok::Section
                            | Tok::LowerLetter
                            | Tok::Initial
                            | Tok::Initials
                    )
                {
                    return false;
                }
                let word = &s[right.word.0..right.word.1];
                match tok {
                    Tok::Abbr(Class::Prefix, _) | Tok::Section => false,
                    Tok::Abbr(Class::Year, num) => {
                        num && self.final_rule(cur, left.tok, num, right)
                    }
                    Tok::Abbr(Class::Final, num) => {
                        // `к.п.н. И. П. Карташовым`: a dotted degree or title before initials.
                        let dotted = s[ts..te].contains('.');
                        !(dotted && self.initial_at(right.word.0))
                            && self.final_rule(cur, left.tok, num, right)
                    }
                    Tok::Abbr(Class::Country, _) => {
                        right.class == RClass::Upper && en_starter(word)
                    }
                    Tok::Initial => {
                        if self.lang == Lang::En && &s[ts..te] == "I" {
                            return match self.prev_token(cur, ts) {
                                None => true,
                                Some((ps, pe)) => {
                                    s[ps..pe].chars().next().is_some_and(char::is_lowercase)
                                }
                            };
                        }
                        false
                    }
                    Tok::Initials => {
                        self.lang == Lang::En && right.class == RClass::Upper && en_starter(word)
                    }
                    Tok::LowerLetter => self.lang == Lang::En,
                    Tok::MultiDot(lower) => {
                        if lower && self.initial_at(right.word.0) {
                            return false;
                        }
                        let num = self.prev_token(cur, ts).is_some_and(|(ps, pe)| {
                            s[ps..pe].ends_with(|c: char| c.is_ascii_digit())
                        });
                        self.final_rule(cur, left.tok, num, right)
                    }
                    Tok::Number | Tok::Roman | Tok::Word | Tok::Url | Tok::Empty => true,
                }
            }
        }
    }

    /// An abbreviation that may end a sentence ends it before a capitalised word, unless the
    /// word is an acronym, the sentence would be too short (`У 2022 р.`), or a bracket or
    /// a symbol follows.
    fn final_rule(&self, cur: usize, (ts, te): (usize, usize), num: bool, right: &Right) -> bool {
        if right.class != RClass::Upper || right.paren {
            return false;
        }
        let word = &self.s[right.word.0..right.word.1];
        // An acronym (`дол. США`) or a unit in lower case (`коп. кВт-год`) continues.
        if is_upper_word(word) || word.starts_with(char::is_lowercase) {
            return false;
        }
        let before = self.words_before(cur, ts);
        // `У 2022 р. …`, `24 серпня 1991 р. Верховна Рада …`, `At 5 a.m. …`: a date or a
        // time that opens the sentence is no sentence of its own.
        let opening_date = num && before <= 6 && {
            let head = &self.s[cur..ts];
            head.split_whitespace().all(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                w.is_empty()
                    || w.starts_with(|c: char| c.is_ascii_digit())
                    || self.table.is_date_word(w)
            })
        };
        // `Т.е. …`: a dotted abbreviation cannot be a sentence of its own.
        let opening_dotted = before == 0 && self.s[ts..te].contains('.');
        !(opening_date || opening_dotted)
    }

    /// `повезло. 😁 все бабушки …`: an emoji after a terminal that lower-case text follows
    /// opens the next sentence (otherwise an emoji after a terminal closes the sentence).
    fn emoji_then_lower(&self, c: Cand, left: &Left, right: &Right) -> bool {
        if c.a == c.b {
            return false;
        }
        // A text smiley after a terminal stands alone (`Шедевриально! =) Супер`).
        let rest = &self.s[right.word.0..];
        if is_text_smiley(rest) {
            let after = rest.trim_start_matches([':', ';', '=', '-', ')', '(', 'D', 'P']);
            return after.starts_with(' ') && after.trim_start().starts_with(char::is_uppercase);
        }
        let rest = &self.s[right.word.0..];
        let after = rest.trim_start_matches(|ch: char| is_emoji(ch) || is_skin_or_joiner(ch));
        if after.len() < rest.len()
            && after.starts_with(' ')
            && after.trim_start().starts_with(char::is_lowercase)
        {
            return true;
        }
        // `ловится? 🎣 Судак …`: one emoji set off by spaces after a period or a question
        // mark leads into the next sentence; after `!` (`Поздравляем! 🎉 Желаем …`) and as
        // a run (`красиво. 😍😍😍 Зато`) emoji close the sentence they follow.
        let terminal = &self.s[left.cluster..c.a];
        if terminal.contains(['!', '‼', '⁉']) || !after.starts_with(' ') {
            return false;
        }
        let mut ch = rest.chars();
        // A braille blank (`⠀`) is a spacer of chat text, not an emoji.
        let first = match ch.next() {
            Some('\u{2800}') | None => return false,
            Some(x) => x.len_utf8(),
        };
        let mut n = first;
        let mut joined = false;
        for x in ch {
            if is_skin_or_joiner(x) || (joined && is_emoji(x)) {
                joined = x == '\u{200d}';
                n += x.len_utf8();
            } else {
                break;
            }
        }
        n == rest.len() - after.len() && after.trim_start().starts_with(char::is_uppercase)
    }

    /// An initial (`И.`, `J.`) at `k`.
    fn initial_at(&self, k: usize) -> bool {
        let mut c = self.s[k..].chars();
        c.next().is_some_and(char::is_uppercase) && c.next() == Some('.')
    }
}
