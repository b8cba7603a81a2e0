//! Latin-script text: English, or another language.
//!
//! edalign expects English here, so English is the answer unless the text is clearly
//! something else: few English frequent words, and either letters English does not write
//! (ł ś ř ä ß é …) or whatlang, over all its languages, naming another language.

use super::{Detection, Words, tables::Tables};
use crate::lang::Lang;

/// ISO 639-1 code of a whatlang language, `other` where it has none.
fn iso639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang as W;
    match lang {
        W::Eng => "en",
        W::Deu => "de",
        W::Fra => "fr",
        W::Spa => "es",
        W::Por => "pt",
        W::Ita => "it",
        W::Nld => "nl",
        W::Pol => "pl",
        W::Ces => "cs",
        W::Slk => "sk",
        W::Slv => "sl",
        W::Hrv => "hr",
        W::Srp => "sr",
        W::Ron => "ro",
        W::Hun => "hu",
        W::Fin => "fi",
        W::Est => "et",
        W::Lav => "lv",
        W::Lit => "lt",
        W::Swe => "sv",
        W::Dan => "da",
        W::Nob => "nb",
        W::Tur => "tr",
        W::Aze => "az",
        W::Uzb => "uz",
        W::Tuk => "tk",
        W::Cat => "ca",
        W::Lat => "la",
        W::Epo => "eo",
        W::Afr => "af",
        W::Ind => "id",
        W::Jav => "jv",
        W::Tgl => "tl",
        W::Vie => "vi",
        W::Cym => "cy",
        W::Zul => "zu",
        W::Sna => "sn",
        W::Aka => "ak",
        _ => "other",
    }
}

/// Whether a lower-case Latin letter is one English does not write.
fn foreign_letter(c: char) -> bool {
    !c.is_ascii() && c.is_alphabetic()
}

pub(super) fn detect(words: &Words) -> Detection {
    let t = Tables::get();
    let n = words.latin.len();
    if n == 0 {
        return Detection::undetermined();
    }
    let en = words
        .latin
        .iter()
        .filter(|w| t.en_words.contains_key(w.as_str()))
        .count();
    let foreign = words
        .latin
        .iter()
        .filter(|w| w.chars().any(foreign_letter))
        .count();
    let en_ratio = en as f64 / n as f64;
    let evidence = format!("{n} latin words; english words {en}; foreign letters in {foreign}");
    // length factor: one word tells little, eight words a lot
    let size = 1.0 - (-(n as f64) / 3.0).exp();
    if foreign == 0 && en_ratio >= 0.25 {
        return Detection::new(Lang::En, "en", 0.6 + 0.4 * size, evidence);
    }
    let text = words.latin.join(" ");
    let info = whatlang::detect(&text);
    let evidence = match &info {
        Some(i) => format!(
            "{evidence}; whatlang {} {:.2}",
            i.lang().code(),
            i.confidence()
        ),
        None => evidence,
    };
    match info {
        Some(i) if i.lang() != whatlang::Lang::Eng => {
            let foreign_ratio = foreign as f64 / n as f64;
            let clearly_other = (foreign_ratio >= 0.1 && en_ratio < 0.25)
                || (n >= 4 && en_ratio < 0.15 && i.confidence() >= 0.5)
                || (foreign_ratio >= 0.5);
            if clearly_other {
                let code = iso639_1(i.lang());
                let conf = (0.5 + 0.5 * i.confidence().max(foreign_ratio)) * (0.5 + 0.5 * size);
                Detection::new(Lang::Other, code, conf, evidence)
            } else {
                Detection::new(Lang::En, "en", 0.3 + 0.3 * size, evidence)
            }
        }
        Some(i) => Detection::new(
            Lang::En,
            "en",
            (0.5 + 0.5 * i.confidence()) * (0.6 + 0.4 * size),
            evidence,
        ),
        None => Detection::new(Lang::En, "en", 0.3 * size, evidence),
    }
}
