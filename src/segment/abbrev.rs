//! Per-language abbreviation tables, parsed once from the data files in `data/`.

use crate::lang::Lang;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How an abbreviation behaves before a capitalised word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Never ends a sentence: a title or a word that takes a name or number (`вул.`, `Mr.`).
    Prefix,
    /// May end a sentence (`грн.`, `тощо.`, `etc.`).
    Final,
    /// Ends a sentence only after a number (`2022 р.`); elsewhere it is a prefix (`р. Дніпро`).
    Year,
    /// A dotted initialism such as `U.S.`: ends a sentence only before a sentence starter.
    Country,
}

/// The rules data of one language.
#[derive(Debug)]
pub(crate) struct Table {
    abbrevs: HashMap<&'static str, Class>,
    /// Words of a date phrase that opens a sentence (`у`, `серпні`, `ще`): before a year
    /// mark they show that `У серпні 1991 р.` cannot be a sentence of its own.
    dates: HashSet<&'static str>,
}

const COMMON: &str = include_str!("data/common.txt");
const EN: &str = include_str!("data/en.txt");
const UK: &str = include_str!("data/uk.txt");
const RU: &str = include_str!("data/ru.txt");

/// English words that start sentences; after `U.S.` they mark a boundary.
const EN_STARTERS: &[&str] = &[
    "a", "an", "the", "i", "he", "she", "it", "we", "they", "you", "this", "that", "these",
    "those", "there", "here", "how", "what", "when", "where", "why", "who", "which", "but", "and",
    "so", "yet", "if", "in", "on", "at", "as", "after", "before", "however", "then", "now", "mr",
    "mrs", "ms", "dr", "his", "her", "its", "our", "their", "my", "your", "is", "are", "was",
    "were", "do", "does", "did", "can", "will", "would", "should", "not", "no", "yes", "for",
    "from", "to", "by", "with", "about", "also", "some", "many", "most",
];

impl Table {
    fn parse(files: &[&'static str]) -> Table {
        let mut abbrevs = HashMap::new();
        let mut dates = HashSet::new();
        for file in files {
            let mut class = Some(Class::Prefix);
            for line in file.lines() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                class = match line {
                    "[prefix]" => Some(Class::Prefix),
                    "[final]" => Some(Class::Final),
                    "[year]" => Some(Class::Year),
                    "[country]" => Some(Class::Country),
                    "[date]" => None,
                    _ => {
                        match class {
                            Some(c) => {
                                abbrevs.insert(line, c);
                            }
                            None => {
                                dates.insert(line);
                            }
                        }
                        continue;
                    }
                };
            }
        }
        Table { abbrevs, dates }
    }

    /// The table for `lang` (built on first use, then shared).
    pub(crate) fn get(lang: Lang) -> &'static Table {
        static EN_T: LazyLock<Table> = LazyLock::new(|| Table::parse(&[COMMON, EN]));
        static UK_T: LazyLock<Table> = LazyLock::new(|| Table::parse(&[COMMON, UK]));
        static RU_T: LazyLock<Table> = LazyLock::new(|| Table::parse(&[COMMON, RU]));
        static OTHER_T: LazyLock<Table> = LazyLock::new(|| Table::parse(&[COMMON]));
        match lang {
            Lang::En => &EN_T,
            Lang::Uk => &UK_T,
            Lang::Ru => &RU_T,
            Lang::Other => &OTHER_T,
        }
    }

    /// Looks up a token (without its final period), case-insensitively. `parts` are
    /// concatenated, so `["т.", "д"]` finds `т.д`.
    pub(crate) fn lookup(&self, parts: &[&str]) -> Option<Class> {
        lowered(parts, |key| self.abbrevs.get(key).copied())
    }

    /// Whether `word` (any case) belongs to an opening date phrase.
    pub(crate) fn is_date_word(&self, word: &str) -> bool {
        lowered(&[word], |key| self.dates.contains(key).then_some(())).is_some()
    }
}

/// Calls `f` with `parts` concatenated, lower-cased and without white space, in a stack
/// buffer (`None` when too long).
fn lowered<T>(parts: &[&str], f: impl FnOnce(&str) -> Option<T>) -> Option<T> {
    let mut buf = [0u8; 64];
    let mut len = 0;
    for part in parts {
        for c in part.chars() {
            if c.is_whitespace() {
                continue;
            }
            for l in c.to_lowercase() {
                let n = l.len_utf8();
                if len + n > buf.len() {
                    return None;
                }
                l.encode_utf8(&mut buf[len..]);
                len += n;
            }
        }
    }
    let key = std::str::from_utf8(&buf[..len]).ok()?;
    f(key)
}

/// Whether `word` (any case) starts English sentences.
pub(crate) fn en_starter(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.len() <= 8 && EN_STARTERS.iter().any(|s| s.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_well_formed() {
        for (name, file) in [("common", COMMON), ("en", EN), ("uk", UK), ("ru", RU)] {
            let mut seen = std::collections::HashSet::new();
            let mut section = "";
            for line in file.lines().map(str::trim) {
                if line.starts_with('[') {
                    section = line;
                    continue;
                }
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                // Date words are a separate list; an abbreviation may also be one (`jan`).
                let key = (section == "[date]", line);
                assert!(seen.insert(key), "{name}: {line:?} listed twice");
                assert_eq!(line, line.to_lowercase(), "{name}: {line:?} not lower case");
                assert!(!line.ends_with('.'), "{name}: {line:?} has a final period");
                assert!(!line.contains(' '), "{name}: {line:?} has a space");
            }
        }
    }

    #[test]
    fn lookup_is_case_insensitive_and_joins_parts() {
        let uk = Table::get(Lang::Uk);
        assert_eq!(uk.lookup(&["вул"]), Some(Class::Prefix));
        assert_eq!(uk.lookup(&["Вул"]), Some(Class::Prefix));
        assert_eq!(uk.lookup(&["грн"]), Some(Class::Final));
        assert_eq!(uk.lookup(&["р"]), Some(Class::Year));
        assert_eq!(uk.lookup(&["т.", "д"]), Some(Class::Final));
        assert_eq!(uk.lookup(&["Київ"]), None);
        let en = Table::get(Lang::En);
        assert_eq!(en.lookup(&["U.S"]), Some(Class::Country));
        assert_eq!(en.lookup(&["Mr"]), Some(Class::Prefix));
        assert!(en_starter("The") && en_starter("how") && !en_starter("Government"));
        assert_eq!(Table::get(Lang::Other).lookup(&["вул"]), None);
        assert_eq!(Table::get(Lang::Other).lookup(&["etc"]), Some(Class::Final));
        assert!(uk.is_date_word("Серпні") && uk.is_date_word("у") && !uk.is_date_word("Рада"));
        assert!(uk.lookup(&["серпня"]).is_none());
    }
}
