//! Language identification: uk, en, ru or other, for an edition or a sentence.
//!
//! The detector combines letters that only one language writes (і ї є ґ for Ukrainian,
//! ы э ъ ё for Russian, ў for Belarusian, қ ғ ү ұ ә ө for Kazakh …) with whatlang's
//! trigram model. Whatever it needs ships in the crate; nothing is downloaded.

use crate::lang::Lang;
use serde::Serialize;

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
        Detection {
            lang,
            code,
            confidence: confidence.clamp(0.0, 1.0),
            evidence,
        }
    }

    /// Detection of a text with no letters at all.
    pub fn undetermined() -> Detection {
        Detection::new(Lang::Other, "other", 0.0, "no letters".to_string())
    }
}

/// A language detector. Immutable, `Send + Sync`, reusable across texts.
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
    /// ```
    pub fn detect(&self, text: &str) -> Detection {
        let mut latin = 0usize;
        let mut cyrillic = 0usize;
        let mut uk_letters = 0usize;
        let mut ru_letters = 0usize;
        let mut foreign: Option<&'static str> = None;
        for c in text.chars().flat_map(char::to_lowercase) {
            if c.is_ascii_alphabetic() || ('\u{00c0}'..='\u{024f}').contains(&c) {
                latin += 1;
            } else if ('\u{0400}'..='\u{052f}').contains(&c) {
                cyrillic += 1;
                match c {
                    'і' | 'ї' | 'є' | 'ґ' => uk_letters += 1,
                    'ы' | 'э' | 'ъ' | 'ё' => ru_letters += 1,
                    'ў' => foreign = foreign.or(Some("be")),
                    'қ' | 'ғ' | 'ү' | 'ұ' | 'ә' | 'ө' | 'һ' | 'ң' => {
                        foreign = foreign.or(Some("kk"))
                    }
                    'ј' | 'љ' | 'њ' | 'ћ' | 'ђ' | 'џ' => foreign = foreign.or(Some("sr")),
                    'ќ' | 'ѓ' | 'ѕ' => foreign = foreign.or(Some("mk")),
                    'ҳ' | 'ҷ' | 'ӣ' | 'ӯ' => foreign = foreign.or(Some("tg")),
                    _ => {}
                }
            }
        }
        if latin + cyrillic == 0 {
            return Detection::undetermined();
        }
        if cyrillic >= latin {
            if let Some(code) = foreign {
                return Detection::new(Lang::Other, code, 0.9, format!("letters of {code}"));
            }
            if uk_letters > 0 && ru_letters == 0 {
                return Detection::new(Lang::Uk, "uk", 0.95, "letters і/ї/є/ґ".into());
            }
            if ru_letters > 0 && uk_letters == 0 {
                return Detection::new(Lang::Ru, "ru", 0.95, "letters ы/э/ъ/ё".into());
            }
            let opts =
                whatlang::Detector::with_allowlist(vec![whatlang::Lang::Ukr, whatlang::Lang::Rus]);
            return match opts.detect(text) {
                Some(info) if info.lang() == whatlang::Lang::Ukr => Detection::new(
                    Lang::Uk,
                    "uk",
                    info.confidence() * 0.8,
                    "whatlang ukr".into(),
                ),
                Some(info) => Detection::new(
                    Lang::Ru,
                    "ru",
                    info.confidence() * 0.8,
                    "whatlang rus".into(),
                ),
                None => Detection::new(Lang::Other, "other", 0.0, "undecided".into()),
            };
        }
        match whatlang::detect(text) {
            Some(info) if info.lang() == whatlang::Lang::Eng => Detection::new(
                Lang::En,
                "en",
                info.confidence().max(0.5),
                "whatlang eng".into(),
            ),
            Some(info) if info.confidence() > 0.5 => Detection::new(
                Lang::Other,
                "other",
                info.confidence(),
                format!("whatlang {}", info.lang().code()),
            ),
            _ => Detection::new(Lang::En, "en", 0.4, "latin script".into()),
        }
    }
}
