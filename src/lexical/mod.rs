//! The lexical layer: what a word or a number *is*, the same for the aligner and the review.
//!
//! Both the aligner (which links sentences that share numbers, dates and names) and the
//! review (which reports linked sentences whose numbers, dates or names differ) read words
//! through this module, so they never disagree about whether two sentences share a date,
//! an amount or a name:
//!
//! - [`numbers`]: amounts with scales (`1,5 млрд`, `140 тис.`, `£125m`), times in 12- and
//!   24-hour clocks (`5:30 p.m.` = `17:30`), dates (`13 березня` = `March 13`), ordinals,
//!   years, units of measurement;
//! - [`names`]: proper names across scripts and case endings (`Єнс`, `Єнса`, `Йенсу` and
//!   `Jens` are one name);
//! - [`calendar`], [`words`], [`places`]: the word lists behind them.
//!
//! The lists are data files under `src/lexical/data/` (one entry a line, documented at the
//! top of each file), compiled into the crate: nothing is read at run time.
//!
//! ```
//! use edalign::lexical::{calendar, numbers::number_values, names::same_name};
//! assert_eq!(calendar::month("березня"), Some(3));
//! assert_eq!(number_values("о 17:30"), number_values("at 5:30 p.m."));
//! assert!(same_name("Єнса", "Jens"));
//! ```

pub mod names;
pub mod numbers;

/// Normalises the apostrophes of Ukrainian words (`’`, `ʼ`) to `'`, so that one form in a
/// list covers every spelling.
pub(crate) fn fold_apostrophes(w: &str) -> std::borrow::Cow<'_, str> {
    if w.contains(['’', 'ʼ']) {
        std::borrow::Cow::Owned(w.replace(['’', 'ʼ'], "'"))
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// The non-comment lines of a data file, split at tabs.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// The words of a word-list data file (space or line separated, `#` lines are comments).
fn word_set(data: &'static str) -> std::collections::HashSet<&'static str> {
    data.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
}

/// One form of a word list: whole, or a stem that takes up to `extra` more letters.
#[derive(Clone, Copy, Debug)]
struct Form {
    text: &'static str,
    stem: bool,
    /// English forms that are also common words (`may`, `march`).
    ambiguous: bool,
}

impl Form {
    fn parse(raw: &'static str) -> Form {
        let (raw, ambiguous) = match raw.strip_suffix('?') {
            Some(r) => (r, true),
            None => (raw, false),
        };
        match raw.strip_suffix('*') {
            Some(text) => Form {
                text,
                stem: true,
                ambiguous,
            },
            None => Form {
                text: raw,
                stem: false,
                ambiguous,
            },
        }
    }

    fn matches(&self, w: &str, extra: usize) -> bool {
        if self.stem {
            w.starts_with(self.text) && w[self.text.len()..].chars().count() <= extra
        } else {
            w == self.text
        }
    }
}

pub mod calendar {
    //! Month and weekday names in English, Ukrainian and Russian (`data/calendar.tsv`).
    //!
    //! ```
    //! use edalign::lexical::calendar::{month, weekday};
    //! assert_eq!(month("March"), Some(3));
    //! assert_eq!(month("березні"), Some(3));
    //! assert_eq!(month("марта"), Some(3));
    //! assert_eq!(weekday("суботу"), Some(6));
    //! assert_eq!(month("budget"), None);
    //! ```

    use super::{Form, fold_apostrophes, rows};
    use std::sync::LazyLock;

    /// Forms by their first letter, in the file's order: every word of every sentence is
    /// looked up, and most begin with a letter no month or weekday does.
    type Forms = std::collections::HashMap<char, Vec<(Form, u32)>>;

    struct Calendar {
        months: Forms,
        days: Forms,
    }

    static CALENDAR: LazyLock<Calendar> = LazyLock::new(|| {
        let mut c = Calendar {
            months: Forms::new(),
            days: Forms::new(),
        };
        for r in rows(include_str!("data/calendar.tsv")) {
            let n: u32 = r[1].parse().expect("calendar.tsv: a number in column 2");
            let list = if r[0] == "month" {
                &mut c.months
            } else {
                &mut c.days
            };
            for f in r[2].split_whitespace().map(Form::parse) {
                let first = f.text.chars().next().expect("calendar.tsv: no empty form");
                list.entry(first).or_default().push((f, n));
            }
        }
        c
    });

    fn find(forms: &Forms, w: &str) -> Option<(u32, bool)> {
        let first = w.chars().next()?.to_lowercase().next()?;
        let list = forms.get(&first)?;
        let w = w.to_lowercase();
        let w = fold_apostrophes(&w);
        list.iter()
            .find(|(f, _)| f.matches(&w, 3))
            .map(|(f, n)| (*n, f.ambiguous))
    }

    /// The month (1–12) that a word names, in any case form; `None` for other words.
    pub fn month(word: &str) -> Option<u32> {
        find(&CALENDAR.months, word).map(|(n, _)| n)
    }

    /// Like [`month`], but `None` for the English month names that are also common words
    /// (`may`, `march`) unless `capitalised` says the word is capitalised inside a sentence.
    pub fn month_in_running_text(word: &str, capitalised: bool) -> Option<u32> {
        find(&CALENDAR.months, word)
            .filter(|&(_, ambiguous)| !ambiguous || capitalised)
            .map(|(n, _)| n)
    }

    /// The weekday (1 = Monday … 7 = Sunday) that a word names; `None` for other words.
    pub fn weekday(word: &str) -> Option<u32> {
        find(&CALENDAR.days, word).map(|(n, _)| n)
    }
}

pub mod words {
    //! Number words and scale words (`data/numbers.tsv`).
    //!
    //! ```
    //! use edalign::lexical::words::{number_word, scale};
    //! assert_eq!(number_word("двоє"), Some(2));
    //! assert_eq!(number_word("three"), Some(3));
    //! assert_eq!(scale("мільйонів"), Some(6));
    //! assert_eq!(scale("тис"), Some(3));
    //! assert_eq!(scale("bn"), Some(9));
    //! assert_eq!(scale("bnx"), None);
    //! ```

    use super::{Form, fold_apostrophes, rows};
    use std::sync::LazyLock;

    struct Tables {
        words: Vec<(Form, u32)>,
        scales: Vec<(Form, i32)>,
    }

    static TABLES: LazyLock<Tables> = LazyLock::new(|| {
        let mut t = Tables {
            words: Vec::new(),
            scales: Vec::new(),
        };
        for r in rows(include_str!("data/numbers.tsv")) {
            let forms = r[2].split_whitespace().map(Form::parse);
            if r[0] == "word" {
                let n: u32 = r[1].parse().expect("numbers.tsv: a value");
                t.words.extend(forms.map(|f| (f, n)));
            } else {
                let e: i32 = r[1].parse().expect("numbers.tsv: a power of ten");
                t.scales.extend(forms.map(|f| (f, e)));
            }
        }
        t
    });

    /// The value of a small number written as a word (one to twelve; `both`, `обидва` are
    /// two), in lower case; `None` for other words.
    pub fn number_word(lower: &str) -> Option<u32> {
        let w = fold_apostrophes(lower);
        TABLES
            .words
            .iter()
            .find(|(f, _)| f.matches(&w, 0))
            .map(|(_, n)| *n)
    }

    /// The power of ten a scale word stands for (`тис` 3, `мільйонів` 6, `bn` 9), in
    /// lower case; `None` for other words.
    pub fn scale(lower: &str) -> Option<i32> {
        TABLES
            .scales
            .iter()
            .find(|(f, _)| f.matches(lower, 10))
            .map(|(_, e)| *e)
    }
}

pub mod places {
    //! Countries and peoples whose names differ across the languages beyond what
    //! transliteration bridges (`data/places.tsv`).
    //!
    //! ```
    //! use edalign::lexical::places::place;
    //! assert_eq!(place("німеччини"), Some("germany"));
    //! assert_eq!(place("germany"), Some("germany"));
    //! assert_eq!(place("германии"), Some("germany"));
    //! assert_eq!(place("сша"), Some("usa"));
    //! assert_eq!(place("kyiv"), None);
    //! ```

    use super::rows;
    use std::sync::LazyLock;

    /// A stem of a place: its text, whether it matches whole (three letters or fewer), and
    /// the place's tag.
    type Stem = (&'static str, bool, &'static str);

    /// The stems by their first letter, in the file's order: every word of every sentence
    /// is looked up here, so a lookup is one hash and a few comparisons.
    static PLACES: LazyLock<std::collections::HashMap<char, Vec<Stem>>> = LazyLock::new(|| {
        let mut by_first: std::collections::HashMap<char, Vec<Stem>> =
            std::collections::HashMap::new();
        for r in rows(include_str!("data/places.tsv")) {
            for stem in r[1..].iter().flat_map(|c| c.split_whitespace()) {
                if let Some(first) = stem.chars().next() {
                    by_first.entry(first).or_default().push((
                        stem,
                        stem.chars().count() <= 3,
                        r[0],
                    ));
                }
            }
        }
        by_first
    });

    /// The tag of the country, people or union a lower-case word names; `None` for other
    /// words.
    pub fn place(lower: &str) -> Option<&'static str> {
        let first = lower.chars().next()?;
        // Stems are listed place by place in the file's order, so the first that matches is
        // of the first place that has one, as when the file is read top down.
        PLACES.get(&first)?.iter().find_map(|&(stem, whole, tag)| {
            let hit = if whole {
                lower == stem
            } else {
                lower.starts_with(stem)
            };
            hit.then_some(tag)
        })
    }
}

/// The unit of measurement a lower-case word names (`data/units.tsv`), if any. Imperial
/// units in Latin script match whole, in Cyrillic as stems; metric ones of two letters or
/// fewer match whole, longer ones as stems.
pub(crate) fn unit(lower: &str) -> Option<numbers::Unit> {
    use numbers::{Quantity, Unit};
    use std::sync::LazyLock;
    static UNITS: LazyLock<Vec<(Unit, Vec<&'static str>)>> = LazyLock::new(|| {
        rows(include_str!("data/units.tsv"))
            .map(|r| {
                let imperial = r[0] == "imperial";
                let quantity = match r[1] {
                    "length" => Quantity::Length,
                    "mass" => Quantity::Mass,
                    "volume" => Quantity::Volume,
                    "area" => Quantity::Area,
                    "temperature" => Quantity::Temperature,
                    q => panic!("units.tsv: unknown quantity {q}"),
                };
                // Temperatures convert by formula (the size column says which scale).
                let size = r[2].parse().unwrap_or(1.0);
                let unit = Unit {
                    imperial,
                    quantity,
                    size,
                };
                (unit, r[3].split_whitespace().collect())
            })
            .collect()
    });
    UNITS.iter().find_map(|(unit, forms)| {
        let hit = forms.iter().any(|m| {
            let whole = if unit.imperial {
                m.is_ascii()
            } else {
                m.chars().count() <= 2
            };
            if whole {
                lower == *m
            } else {
                lower.starts_with(m)
            }
        });
        hit.then_some(*unit)
    })
}

/// The word lists of [`names`], parsed once.
pub(crate) struct NameLists {
    pub not_names_en: std::collections::HashSet<&'static str>,
    pub not_names_cyrillic: Vec<&'static str>,
    pub english_words: std::collections::HashSet<&'static str>,
}

pub(crate) static NAME_LISTS: std::sync::LazyLock<NameLists> =
    std::sync::LazyLock::new(|| NameLists {
        not_names_en: word_set(include_str!("data/not_names_en.txt")),
        not_names_cyrillic: word_set(include_str!("data/not_names_cyrillic.txt"))
            .into_iter()
            .collect(),
        english_words: word_set(include_str!("data/english_words.txt")),
    });

/// English words of general use (`data/english_dictionary.txt`, about 40,000 from SCOWL),
/// parsed on first use: only the name rules need it.
pub(crate) static ENGLISH_DICTIONARY: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| word_set(include_str!("data/english_dictionary.txt")));

/// Whether a character is a letter (`char::is_alphabetic`), answered without the Unicode
/// tables for ASCII and the Cyrillic letters that make up nearly all of the text: every
/// word of every edition is scanned character by character.
///
/// ```
/// use edalign::lexical::is_letter;
/// assert!(is_letter('ї') && is_letter('Ґ') && is_letter('q') && is_letter('é'));
/// assert!(!is_letter('1') && !is_letter('«') && !is_letter('\u{0483}'));
/// ```
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' => false,
        // Cyrillic letters; U+0482..U+0489 are a sign and combining marks.
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{052F}' => true,
        c => c.is_alphabetic(),
    }
}

#[cfg(test)]
mod letter_tests {
    #[test]
    fn is_letter_agrees_with_the_unicode_tables() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            assert_eq!(
                super::is_letter(c),
                c.is_alphabetic(),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }
}
