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
//!   letter, word or spelling decides (typically one to four words): whatlang's trigram
//!   model restricted to the two.
//! * **Latin text** is English unless it is clearly not: English frequent words against
//!   letters English does not write and whatlang's view over all its languages.
//!
//! The confidence grows with the margin of the evidence and is low for text too short to
//! tell. Whatever the detector needs ships in the crate; nothing is downloaded.

mod latin;
mod tables;

use crate::lang::Lang;
use serde::Serialize;
use std::fmt::Write as _;
use tables::{Cyr, NCYR, Tables};

/// The result of detecting one text's language.
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// Weight of a word holding a letter typical of a language.
const W_MARKER: f64 = 1.0;
/// Weight against a language of a word holding a letter outside its alphabet.
const W_FOREIGN: f64 = 1.5;
/// Weight of a frequent word of a language.
const W_WORD: f64 = 1.0;
/// Head start of Ukrainian and Russian, the languages edalign expects.
const PRIOR_UKRU: f64 = 1.0;
/// How far another Cyrillic language must lead Ukrainian and Russian to be reported.
const OTHER_MARGIN: f64 = 1.0;
/// Below this Ukrainian–Russian margin the statistical model decides.
const UKRU_DECISIVE: f64 = 1.0;

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
        let words = Words::split(text);
        if words.cyr_letters == 0 && words.latin_letters == 0 {
            return Detection::undetermined();
        }
        if words.cyr_letters >= words.latin_letters {
            detect_cyrillic(text, &words)
        } else {
            latin::detect(&words)
        }
    }
}

/// The words of a text, lower-cased, by script.
pub(crate) struct Words {
    /// Words written (mostly) in Cyrillic, Latin look-alikes mapped to Cyrillic.
    pub(crate) cyr: Vec<String>,
    /// Words written in Latin.
    pub(crate) latin: Vec<String>,
    pub(crate) cyr_letters: usize,
    pub(crate) latin_letters: usize,
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{052f}').contains(&c)
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{00c0}'..='\u{024f}').contains(&c) && c.is_alphabetic())
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
        _ => return None,
    })
}

impl Words {
    fn split(text: &str) -> Words {
        let mut w = Words {
            cyr: Vec::new(),
            latin: Vec::new(),
            cyr_letters: 0,
            latin_letters: 0,
        };
        let mut cur = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_alphabetic() {
                cur.extend(c.to_lowercase());
            } else if is_apostrophe(c)
                && !cur.is_empty()
                && chars.peek().is_some_and(|n| n.is_alphabetic())
            {
                cur.push('\'');
            } else if !cur.is_empty() {
                w.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            w.push(cur);
        }
        w
    }

    fn push(&mut self, word: String) {
        let cyr = word.chars().filter(|&c| is_cyrillic(c)).count();
        let lat = word.chars().filter(|&c| is_latin(c)).count();
        if cyr == 0 && lat == 0 {
            return;
        }
        if cyr >= lat {
            self.cyr_letters += cyr + lat;
            let word = if lat > 0 {
                word.chars()
                    .map(|c| homoglyph(c).unwrap_or(c))
                    .collect::<String>()
            } else {
                word
            };
            self.cyr.push(word);
        } else {
            self.latin_letters += cyr + lat;
            self.latin.push(word);
        }
    }
}

/// Spelling that tells Ukrainian from Russian: (weight for uk, weight for ru) of a word.
fn spelling_cues(word: &str) -> (f64, f64) {
    let mut uk: f64 = 0.0;
    let mut ru: f64 = 0.0;
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    // "и" before a vowel: Russian (Ukrainian writes "і" there).
    if chars
        .windows(2)
        .any(|p| p[0] == 'и' && matches!(p[1], 'а' | 'е' | 'о' | 'у' | 'я' | 'ю' | 'и'))
    {
        ru += 0.75;
    }
    // soft sign before a vowel: Russian "статья, семье" (Ukrainian "стаття, сім'ї").
    if chars
        .windows(2)
        .any(|p| p[0] == 'ь' && matches!(p[1], 'е' | 'я' | 'ю' | 'и'))
        && !word.starts_with("нью")
    {
        ru += 1.0;
    }
    // "ьо": Ukrainian (Russian writes "ьё").
    if chars
        .windows(3)
        .any(|p| p[0] == 'ь' && p[1] == 'о' && p[2] != 'н')
        || word.ends_with("ьо")
    {
        uk += 1.0;
    }
    // "-ськ-", "-цьк-", "-зьк-": Ukrainian (Russian "-ск-").
    if word.contains("ськ") || word.contains("цьк") || word.contains("зьк") {
        uk += 1.0;
    }
    if n >= 4 {
        let last2: String = chars[n - 2..].iter().collect();
        let last3: String = chars[n - 3..].iter().collect();
        // Russian endings.
        if matches!(last2.as_str(), "ое" | "ая" | "яя") {
            ru += 0.75;
        }
        if matches!(last3.as_str(), "его" | "ему") {
            ru += 0.75;
        }
        if last3 == "тся" {
            ru += 1.0;
        }
        if matches!(last3.as_str(), "ать" | "ять" | "еть") {
            ru += 0.5;
        }
        // Ukrainian doubled consonant before я/ю/і: "питання, життя, зіллю".
        let c = &chars[n - 3..];
        if c[0] == c[1] && "нтлсчжшдзц".contains(c[0]) && matches!(c[2], 'я' | 'ю' | 'і')
        {
            uk += 1.0;
        }
        // Ukrainian past tense "-ав, -ив, -ув, -яв" (Russian "-ал, -ил").
        if matches!(last2.as_str(), "ав" | "ив" | "ув" | "яв") {
            uk += 0.5;
        }
    }
    (uk, ru)
}

/// Languages a word cannot be written in although its letters are in their alphabet:
/// Russian writes "ъ" only before е, ё, ю, я (Bulgarian "във, път, синът"); Bulgarian writes
/// "ь" only before о.
fn spelling_excludes(word: &str) -> tables::Mask {
    let mut out = 0;
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        if c == 'ъ' && !matches!(next, Some('е' | 'ё' | 'ю' | 'я')) {
            out |= Cyr::Ru.bit();
        }
        if c == 'ь' && next != Some('о') {
            out |= Cyr::Bg.bit();
        }
    }
    out
}

fn detect_cyrillic(text: &str, words: &Words) -> Detection {
    let t = Tables::get();
    let mut score = [0.0f64; NCYR];
    score[Cyr::Uk as usize] += PRIOR_UKRU;
    score[Cyr::Ru as usize] += PRIOR_UKRU;
    let mut support = [0usize; NCYR];
    let (mut cue_uk, mut cue_ru) = (0.0, 0.0);
    for word in &words.cyr {
        let mut compat = tables::ALL_MASK;
        let mut marks = 0;
        for c in word.chars() {
            compat &= t.alphabet_of(c);
            marks |= t.markers_of(c);
        }
        compat &= !spelling_excludes(word);
        let listed = t.cyr_words.get(word.as_str()).copied().unwrap_or(0);
        for lang in Cyr::ALL {
            let b = lang.bit();
            let i = lang as usize;
            if compat & b == 0 {
                score[i] -= W_FOREIGN;
                continue;
            }
            if marks & b != 0 {
                score[i] += W_MARKER;
                support[i] += 1;
            }
            if listed & b != 0 {
                score[i] += W_WORD;
                support[i] += 1;
            }
        }
        let (uk, ru) = spelling_cues(word);
        cue_uk += uk;
        cue_ru += ru;
    }
    let (uk, ru) = (score[Cyr::Uk as usize], score[Cyr::Ru as usize]);
    let best_ukru = uk.max(ru);
    let (other, other_score) = Cyr::ALL[2..].iter().map(|&l| (l, score[l as usize])).fold(
        (Cyr::Be, f64::NEG_INFINITY),
        |a, b| if b.1 > a.1 { b } else { a },
    );
    let mut evidence = String::new();
    let _ = write!(
        evidence,
        "{} words; uk {uk:.1}+{cue_uk:.1} ru {ru:.1}+{cue_ru:.1} {} {other_score:.1}",
        words.cyr.len(),
        other.code()
    );
    if other_score > best_ukru + OTHER_MARGIN && support[other as usize] > 0 {
        let margin = other_score - best_ukru;
        let conf = 1.0 - 0.5 * (-(margin - OTHER_MARGIN) / 2.0).exp();
        return Detection::new(Lang::Other, other.code(), conf, evidence);
    }
    let diff = (uk + cue_uk) - (ru + cue_ru);
    if diff.abs() >= UKRU_DECISIVE {
        let (lang, code) = if diff > 0.0 {
            (Lang::Uk, "uk")
        } else {
            (Lang::Ru, "ru")
        };
        let conf = 1.0 - 0.5 * (-(diff.abs() - UKRU_DECISIVE) / 1.5).exp();
        return Detection::new(lang, code, conf, evidence);
    }
    residue(text, diff, evidence)
}

/// Ukrainian or Russian text that no letter, word or spelling decides: lingua's
/// Ukrainian and Russian n-gram models (shipped in the lingua crates, loaded once).
fn residue(text: &str, diff: f64, mut evidence: String) -> Detection {
    use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
    use std::sync::OnceLock;
    static MODEL: OnceLock<LanguageDetector> = OnceLock::new();
    let model = MODEL.get_or_init(|| {
        LanguageDetectorBuilder::from_languages(&[Language::Ukrainian, Language::Russian]).build()
    });
    let mut p_uk = model.compute_language_confidence(text, Language::Ukrainian);
    // the weak evidence still counts a little
    p_uk = (p_uk + 0.2 * diff).clamp(0.0, 1.0);
    let _ = write!(evidence, "; residue: lingua p(uk) {p_uk:.2}");
    let (lang, code, p) = if p_uk >= 0.5 {
        (Lang::Uk, "uk", p_uk)
    } else {
        (Lang::Ru, "ru", 1.0 - p_uk)
    };
    Detection::new(lang, code, p * 0.8, evidence)
}

#[cfg(test)]
mod tests;
