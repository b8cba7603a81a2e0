//! Language identification: uk, en, ru or other, for an edition or a sentence.
//!
//! The detector reads the text word by word and weighs evidence by amount, so that a
//! paragraph is given its dominant language even when it quotes another one:
//!
//! * **Letters.** Each Cyrillic language has an alphabet and letters typical of it
//!   (і ї є ґ and the apostrophe for Ukrainian, ы э ъ ё for Russian, ў for Belarusian,
//!   қ ғ ү ұ ә ө for Kazakh, ј љ њ for Serbian and Macedonian, ҳ ҷ ӣ ӯ for Tajik …).
//!   A word holding a typical letter counts for the languages it is typical of; a word
//!   holding a letter outside a language's alphabet counts against that language.
//! * **Words.** Frequent words of twelve Cyrillic languages (`words/*.txt`) and of English.
//! * **Spelling.** Ukrainian and Russian spell the same sounds differently (`-ння`, `-ськ`,
//!   `ьо` against `-ие`, `-ая`, `-тся`, `ье`); these count a little.
//! * **The closed set.** Ukrainian and Russian are the languages edalign expects, so they
//!   win ties; another language must clearly lead to be reported (as [`Lang::Other`] with
//!   its ISO 639-1 code).
//! * **A statistical model** decides the residue, Ukrainian or Russian text in which no
//!   letter, word or spelling decides (typically one to four words): lingua's Ukrainian and
//!   Russian n-gram models, shipped in the lingua crates and read in place.
//! * **Amount.** In a longer text holding Ukrainian letters, words with no letter of
//!   either language count a little for Russian (Ukrainian writes its own letters far more
//!   often), and sentences and quotations vote by their letters when they disagree.
//! * **Latin text** is English unless it is clearly not: English frequent words against
//!   frequent words of nine other Latin-script languages, letters English does not write
//!   and, for text with none of these, whatlang's view over all its languages.
//! * **Other scripts** (Greek, Chinese, Arabic …) are other, with whatlang's code.
//!
//! The confidence grows with the margin of the evidence and is low for text too short to
//! tell. Whatever the detector needs ships in the crate; nothing is downloaded.
//! Accuracy, speed and memory: `docs/accuracy/lid.md` (made by `bench/lid/run`).

mod cyrillic;
mod latin;
mod tables;

use crate::lang::Lang;
use serde::Serialize;

/// The result of detecting one text's language.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Detection {
    /// uk, en, ru or other.
    pub lang: Lang,
    /// The language code reported: `uk`, `en`, `ru`, or for other languages an ISO 639-1
    /// code where known (`be`, `bg`, `kk`, `pl` …), else `other`.
    pub code: &'static str,
    /// How sure the detector is, from 0 to 1. Low for text too short to tell.
    pub confidence: f64,
    /// A short human-readable account of the evidence (`letters і,ї`, `whatlang ukr 0.62`).
    pub evidence: String,
}

impl Detection {
    /// A detection given rather than made (a language the caller knows), with the code of
    /// the language and full confidence.
    pub fn given(lang: Lang, evidence: impl Into<String>) -> Detection {
        Detection::new(lang, lang.code(), 1.0, evidence.into())
    }

    fn new(lang: Lang, code: &'static str, confidence: f64, evidence: String) -> Detection {
        let confidence = if confidence.is_finite() {
            confidence.clamp(0.0, 1.0)
        } else {
            0.0
        };
        Detection {
            lang,
            code,
            confidence,
            evidence,
        }
    }

    /// Detection of a text with no letters at all.
    pub fn undetermined() -> Detection {
        Detection::new(Lang::Other, "other", 0.0, "no letters".to_string())
    }
}

/// A language detector. Immutable, `Send + Sync`, reusable across texts; cheap to create
/// (its tables are built once per process and shared).
#[derive(Clone, Debug, Default)]
pub struct Detector {
    _private: (),
}

impl Detector {
    /// A detector with the default settings.
    pub fn new() -> Detector {
        Detector::default()
    }

    /// Detects the language of `text`.
    ///
    /// ```
    /// use edalign::{detect::Detector, Lang};
    /// let d = Detector::new();
    /// assert_eq!(d.detect("Україна отримала нову допомогу від союзників.").lang, Lang::Uk);
    /// assert_eq!(d.detect("Россия объявила о новых мерах.").lang, Lang::Ru);
    /// assert_eq!(d.detect("France invited the ministers of key allies.").lang, Lang::En);
    /// assert_eq!(d.detect("Қазақстан үкіметі жаңа шешім қабылдады.").code, "kk");
    /// ```
    pub fn detect(&self, text: &str) -> Detection {
        // A text's language shows in a sample as well as in the whole: a long text is read
        // at its start, middle and end (with the evidence counts of the sample).
        let sample;
        let text = if text.len() > SAMPLE_ABOVE {
            sample = sample_of(text);
            sample.as_str()
        } else {
            text
        };
        let words = Words::split(text);
        let (cyr, latin) = (words.cyr_letters as f64, words.latin_weight);
        if words.other_letters as f64 > cyr + latin || cyr + latin == 0.0 {
            return other_script(text);
        }
        if cyr >= latin {
            cyrillic::detect(text, &words)
        } else {
            latin::detect(&words)
        }
    }
}

/// Texts longer than this (bytes) are detected from a sample.
const SAMPLE_ABOVE: usize = 256 * 1024;

/// Three windows of a long text (start, middle, end), each cut at white space.
fn sample_of(text: &str) -> String {
    let window = SAMPLE_ABOVE / 3;
    let at = |pos: usize| {
        let mut p = pos.min(text.len());
        while !text.is_char_boundary(p) {
            p -= 1;
        }
        p
    };
    let mut out = String::with_capacity(SAMPLE_ABOVE + 2);
    for start in [0, text.len() / 2 - window / 2, text.len() - window] {
        let (a, b) = (at(start), at(start + window));
        let piece = &text[a..b];
        // Whole words only: drop the cut ones at both ends.
        let piece = piece
            .split_once(char::is_whitespace)
            .map_or(piece, |(_, r)| r);
        let piece = piece
            .rsplit_once(char::is_whitespace)
            .map_or(piece, |(l, _)| l);
        out.push_str(piece);
        out.push('\n');
    }
    out
}

/// Text with letters of neither Cyrillic nor Latin script (Greek, Chinese, Arabic …):
/// another language, named by whatlang where it can; no letters at all: undetermined.
fn other_script(text: &str) -> Detection {
    if !text.chars().any(char::is_alphabetic) {
        return Detection::undetermined();
    }
    match whatlang::detect(text) {
        Some(info) => Detection::new(
            Lang::Other,
            latin::iso639_1(info.lang()),
            0.5 + 0.5 * info.confidence(),
            format!(
                "other script; whatlang {} {:.2}",
                info.lang().code(),
                info.confidence()
            ),
        ),
        None => Detection::new(Lang::Other, "other", 0.5, "other script".to_string()),
    }
}

/// The words of a text, lower-cased, by script.
pub(crate) struct Words {
    /// All words, lower-cased, back to back.
    buf: String,
    /// Byte ranges in `buf` of the words written (mostly) in Cyrillic.
    cyr: Vec<(u32, u32)>,
    /// For each Cyrillic word, the chunk (sentence or quotation) it stands in.
    pub(crate) cyr_chunk: Vec<u32>,
    /// For each Cyrillic word, whether only its letters tell (a numeral's ending such as
    /// "125-й", an initial, an abbreviation in capitals): it is never looked up as a word.
    pub(crate) cyr_ending: Vec<bool>,
    /// For each Cyrillic word, whether it starts with a capital (a name, perhaps).
    pub(crate) cyr_capital: Vec<bool>,
    /// Byte ranges in `buf` of the words written in Latin.
    latin: Vec<(u32, u32)>,
    pub(crate) cyr_letters: usize,
    pub(crate) latin_letters: usize,
    /// Latin letters, names and brands (capitalised words, words with digits) counting half.
    pub(crate) latin_weight: f64,
    /// Letters of other scripts (Greek, Han, Arabic …).
    pub(crate) other_letters: usize,
    /// Whether the text has lower-case letters (so that words in capitals are abbreviations).
    has_lower: bool,
    /// Number of the current chunk while splitting.
    chunks: u32,
}

/// Characters that end a sentence or open or close a quotation.
fn is_chunk_end(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | ';' | '«' | '»' | '“' | '”' | '„' | '"' | '(' | ')'
    )
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{052f}').contains(&c)
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{00c0}'..='\u{024f}').contains(&c) && c.is_alphabetic())
}

/// Whether `c` is a letter; fast for ASCII and Cyrillic.
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{0400}'..='\u{052f}').contains(&c) {
        !('\u{0482}'..='\u{0489}').contains(&c)
    } else {
        c.is_alphabetic()
    }
}

/// Whether a letter is a capital; fast for ASCII and the Russian alphabet.
fn is_upper(c: char) -> bool {
    match c {
        'A'..='Z' | 'А'..='Я' => true,
        'a'..='z' | 'а'..='я' => false,
        _ => c.is_uppercase(),
    }
}

/// Appends `c` in lower case; fast for ASCII and the Russian alphabet.
fn push_lower(s: &mut String, c: char) {
    match c {
        'A'..='Z' => s.push(c.to_ascii_lowercase()),
        'a'..='z' | 'а'..='я' => s.push(c),
        'А'..='Я' => s.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
        _ => s.extend(c.to_lowercase()),
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}' | '`' | '\u{2018}')
}

/// The Cyrillic letter a Latin look-alike stands for inside a Cyrillic word.
fn homoglyph(c: char) -> Option<char> {
    Some(match c {
        'a' => 'а',
        'c' => 'с',
        'e' => 'е',
        'i' => 'і',
        'o' => 'о',
        'p' => 'р',
        'x' => 'х',
        'y' => 'у',
        'k' => 'к',
        'm' => 'м',
        'h' => 'н',
        't' => 'т',
        'b' => 'в',
        'j' => 'ј',
        _ => return None,
    })
}

/// The shape of the word being read.
#[derive(Clone, Copy, Default)]
struct Shape {
    /// It follows a digit and a hyphen ("125-й", "2-го").
    numeral_ending: bool,
    /// It starts with a capital or its token holds a digit (a name or a brand).
    capital: bool,
    /// All its letters are capitals.
    all_upper: bool,
    /// Letters read so far.
    letters: usize,
}

/// Whether a white-space separated token is a web address, an e-mail address or a
/// user handle: their letters say nothing about the language around them.
fn is_address(token: &str) -> bool {
    let b = token.as_bytes();
    if !b.iter().any(|&c| matches!(c, b'@' | b'/' | b'.')) {
        return false;
    }
    token.contains('@')
        || token.contains("://")
        || token.starts_with("www.")
        || (token.contains('/') && token.contains('.'))
}

impl Words {
    fn split(text: &str) -> Words {
        let mut w = Words {
            buf: String::with_capacity(text.len()),
            cyr: Vec::new(),
            cyr_chunk: Vec::new(),
            cyr_ending: Vec::new(),
            cyr_capital: Vec::new(),
            latin: Vec::new(),
            cyr_letters: 0,
            latin_letters: 0,
            latin_weight: 0.0,
            other_letters: 0,
            has_lower: text.chars().any(|c| is_letter(c) && !is_upper(c)),
            chunks: 0,
        };
        for token in text.split_whitespace() {
            if is_address(token) {
                continue;
            }
            w.split_token(token);
        }
        w
    }

    /// The Cyrillic words, lower-cased, Latin look-alikes mapped to Cyrillic.
    pub(crate) fn cyr_words(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.cyr
            .iter()
            .map(|&(a, b)| &self.buf[a as usize..b as usize])
    }

    /// The Latin words, lower-cased.
    pub(crate) fn latin_words(&self) -> impl ExactSizeIterator<Item = &str> + Clone + '_ {
        self.latin
            .iter()
            .map(|&(a, b)| &self.buf[a as usize..b as usize])
    }

    /// Splits one white-space separated token into words, read into `buf`.
    fn split_token(&mut self, token: &str) {
        // the word being read is buf[start..]
        let mut start = self.buf.len();
        let mut chars = token.chars().peekable();
        // the last two characters before the current one
        let (mut p1, mut p2) = (' ', ' ');
        let mut shape = Shape::default();
        let brand = token.bytes().any(|b| b.is_ascii_digit());
        while let Some(c) = chars.next() {
            let empty = self.buf.len() == start;
            if empty {
                shape = Shape {
                    numeral_ending: p1 == '-' && p2.is_ascii_digit(),
                    capital: is_upper(c) || brand,
                    all_upper: true,
                    letters: 0,
                };
            }
            (p2, p1) = (p1, c);
            if is_chunk_end(c) {
                start = self.flush(start, shape, Some(c));
                if self.cyr_chunk.last() == Some(&self.chunks) {
                    self.chunks += 1;
                }
            } else if is_apostrophe(c) {
                // inside a word ("м'ясо", "обов’язково"); elsewhere a quotation mark
                if !empty && chars.peek().is_some_and(|&n| is_letter(n)) {
                    self.buf.push('\'');
                } else {
                    start = self.flush(start, shape, Some(c));
                }
            } else if is_letter(c) {
                shape.letters += 1;
                shape.all_upper &= is_upper(c);
                push_lower(&mut self.buf, c);
            } else {
                start = self.flush(start, shape, Some(c));
            }
        }
        self.flush(start, shape, None);
    }

    /// Ends the word `buf[start..]`, which `end` (if any) follows; returns where the next
    /// word starts.
    fn flush(&mut self, start: usize, shape: Shape, end: Option<char>) -> usize {
        if self.buf.len() > start {
            // only its letters tell: a numeral's ending ("125-й"), an initial ("С.") or an
            // abbreviation in capitals ("ИТ", "США") in a text that is not all capitals
            let letters_only = (shape.numeral_ending && shape.letters <= 3)
                || (shape.all_upper && shape.letters == 1 && end == Some('.'))
                || (shape.all_upper && (2..=5).contains(&shape.letters) && self.has_lower);
            self.push(start, shape.capital, letters_only);
        }
        self.buf.len()
    }

    /// Files the word `buf[start..]` by script (or drops it). A word whose letters only
    /// tell (a numeral's ending, an initial, an abbreviation) is kept only in Cyrillic, and
    /// never looked up as a word.
    fn push(&mut self, start: usize, capital: bool, letters_only: bool) {
        let (mut cyr, mut lat, mut other) = (0, 0, 0);
        let mut lookalikes = true;
        for c in self.buf[start..].chars() {
            if is_cyrillic(c) {
                cyr += 1;
            } else if is_latin(c) {
                lat += 1;
                lookalikes &= homoglyph(c).is_some();
            } else if c != '\'' {
                other += 1;
            }
        }
        if other >= cyr + lat {
            // letters of another script, perhaps with a Latin brand name run in ("新款iPhone")
            self.other_letters += other + cyr + lat;
            self.buf.truncate(start);
            return;
        }
        // a Cyrillic word with Latin look-alikes typed into it ("рeкao") is Cyrillic
        let lookalikes = cyr > 0 && lat > 0 && lookalikes;
        if cyr >= lat || lookalikes {
            self.cyr_letters += cyr + lat;
            if lat > 0 {
                let mapped: String = self.buf[start..]
                    .chars()
                    .map(|c| homoglyph(c).unwrap_or(c))
                    .collect();
                self.buf.truncate(start);
                self.buf.push_str(&mapped);
            }
            self.cyr.push((start as u32, self.buf.len() as u32));
            self.cyr_chunk.push(self.chunks);
            self.cyr_ending.push(letters_only);
            self.cyr_capital.push(capital);
        } else if !letters_only {
            self.latin_letters += cyr + lat;
            // names and brands ("Samsung Galaxy A52") weigh half in choosing the script
            self.latin_weight += if capital { 0.5 } else { 1.0 } * (cyr + lat) as f64;
            self.latin.push((start as u32, self.buf.len() as u32));
        } else {
            self.buf.truncate(start);
        }
    }
}

#[cfg(test)]
mod tests;
