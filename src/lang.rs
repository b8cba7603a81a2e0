//! The languages edalign knows: Ukrainian, English, Russian, and everything else.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A language as edalign sees it. Anything that is not Ukrainian, English or Russian is
/// [`Lang::Other`]; the detector reports a more precise code where it knows one
/// (see [`crate::detect::Detection::code`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Ukrainian.
    Uk,
    /// English.
    En,
    /// Russian.
    Ru,
    /// Any other language (Belarusian, Bulgarian, Kazakh, Polish, …).
    Other,
}

impl Lang {
    /// The three languages edalign aligns, in the canonical order uk, en, ru (pairs are
    /// named in this order: `uk-en`, `uk-ru`, `en-ru`).
    pub const ALIGNED: [Lang; 3] = [Lang::Uk, Lang::En, Lang::Ru];

    /// The lower-case code: `uk`, `en`, `ru` or `other`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Uk => "uk",
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Other => "other",
        }
    }

    /// Parses a code or a common name (`uk`, `ua`, `ukr`, `en`, `eng`, `ru`, `rus`, …),
    /// case-insensitively. Unknown codes give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "uk" | "ua" | "ukr" | "ukrainian" => Some(Lang::Uk),
            "en" | "eng" | "english" => Some(Lang::En),
            "ru" | "rus" | "russian" => Some(Lang::Ru),
            "other" => Some(Lang::Other),
            _ => None,
        }
    }

    /// Position of the language in [`Lang::ALIGNED`], `None` for `Other`.
    pub fn rank(self) -> Option<usize> {
        match self {
            Lang::Uk => Some(0),
            Lang::En => Some(1),
            Lang::Ru => Some(2),
            Lang::Other => None,
        }
    }

    /// Whether the language is written in Cyrillic (uk, ru).
    pub fn is_cyrillic(self) -> bool {
        matches!(self, Lang::Uk | Lang::Ru)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Lang> {
        Lang::from_code(s).ok_or_else(|| {
            crate::Error::config(format!("unknown language {s:?} (use uk, en or ru)"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for l in [Lang::Uk, Lang::En, Lang::Ru, Lang::Other] {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("UA"), Some(Lang::Uk));
        assert_eq!(Lang::from_code("be"), None);
    }
}
