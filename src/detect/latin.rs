//! Latin-script text: English, or another language.
//!
//! edalign expects English here, so English is the answer unless the text is clearly
//! something else: more frequent words of another language (German, French, Spanish,
//! Italian, Portuguese, Dutch, Polish, Czech, Slovak) and letters English does not write
//! (ł ś ř ä ß é …) than English frequent words, or — for a text with neither — whatlang,
//! over all its languages, naming another language.

use super::{Detection, Words, tables::Tables};
use crate::lang::Lang;

/// Head start of English, the language edalign expects in Latin script.
const PRIOR_EN: f64 = 1.0;

/// ISO 639-1 code of a whatlang language, `other` where it has none.
pub(super) fn iso639_1(lang: whatlang::Lang) -> &'static str {
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
        W::Cmn => "zh",
        W::Jpn => "ja",
        W::Kor => "ko",
        W::Ara => "ar",
        W::Heb => "he",
        W::Yid => "yi",
        W::Ell => "el",
        W::Hin => "hi",
        W::Ben => "bn",
        W::Mar => "mr",
        W::Tam => "ta",
        W::Tel => "te",
        W::Kan => "kn",
        W::Mal => "ml",
        W::Guj => "gu",
        W::Pan => "pa",
        W::Ori => "or",
        W::Nep => "ne",
        W::Sin => "si",
        W::Urd => "ur",
        W::Pes => "fa",
        W::Kat => "ka",
        W::Hye => "hy",
        W::Amh => "am",
        W::Tha => "th",
        W::Khm => "km",
        W::Mya => "my",
        _ => "other",
    }
}

/// Whether a lower-case Latin letter is one English does not write.
fn foreign_letter(c: char) -> bool {
    !c.is_ascii() && c.is_alphabetic()
}

pub(super) fn detect(words: &Words) -> Detection {
    let t = Tables::get();
    let n = words.latin_words().len();
    if n == 0 {
        return Detection::undetermined();
    }
    let mut en = 0usize;
    let mut foreign = 0usize;
    let mut other = vec![0usize; t.latin_codes.len()];
    // one-letter words are mostly initials ("U.S.", "J. K. Rowling"): they say nothing
    for w in words.latin_words().filter(|w| w.chars().nth(1).is_some()) {
        if t.en_words.contains(w) {
            // a word English shares with other languages ("in", "was", "die") is English here
            en += 1;
            continue;
        }
        if w.chars().any(foreign_letter) {
            foreign += 1;
        }
        if let Some(&mask) = t.latin_words.get(w) {
            for (i, hits) in other.iter_mut().enumerate() {
                if mask & (1 << i) != 0 {
                    *hits += 1;
                }
            }
        }
    }
    let (best, best_hits) = other
        .iter()
        .enumerate()
        .max_by_key(|&(i, &h)| (h, usize::MAX - i))
        .map(|(i, &h)| (i, h))
        .unwrap_or((0, 0));
    let en_score = en as f64 + PRIOR_EN;
    let other_score = (best_hits + foreign) as f64;
    let mut evidence = format!(
        "{n} latin words; english words {en}; {} words {best_hits}; foreign letters in {foreign}",
        t.latin_codes[best]
    );
    // length factor: one word tells little, eight words a lot
    let size = 1.0 - (-(n as f64) / 3.0).exp();
    if other_score >= en_score + 1.0 && other_score >= 2.0 {
        let code = if best_hits > 0 {
            t.latin_codes[best]
        } else {
            whatlang::detect_lang(&words.latin_words().collect::<Vec<_>>().join(" "))
                .map_or("other", iso639_1)
        };
        let lead = other_score - en_score;
        let conf = (1.0 - 0.5 * (-lead / 2.0).exp()) * (0.6 + 0.4 * size);
        return Detection::new(Lang::Other, code, conf, evidence);
    }
    if en == 0 && best_hits == 0 && n >= 4 {
        // neither English nor any language listed here: ask whatlang
        if let Some(info) = whatlang::detect(&words.latin_words().collect::<Vec<_>>().join(" ")) {
            evidence.push_str(&format!(
                "; whatlang {} {:.2}",
                info.lang().code(),
                info.confidence()
            ));
            // English lists and titles hold no function words either: whatlang must be
            // sure, or the text must hold letters English does not write
            let sure = info.confidence() >= 0.95 && n >= 6;
            if info.lang() != whatlang::Lang::Eng && (foreign > 0 || sure) {
                let conf = (0.5 + 0.4 * info.confidence()) * size;
                return Detection::new(Lang::Other, iso639_1(info.lang()), conf, evidence);
            }
        }
    }
    let lead = en_score - other_score;
    let conf = (1.0 - 0.5 * (-lead / 2.0).exp()) * (0.5 + 0.5 * size);
    Detection::new(Lang::En, "en", conf, evidence)
}
