//! The detector's built-in knowledge: the Cyrillic languages it tells apart, their
//! alphabets, the letters typical of each, and their frequent words (the lists in
//! `words/`). Built once per process, on first use, and shared by every [`super::Detector`].

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// The Cyrillic languages scored against each other. Uk and Ru are the two edalign
/// aligns; the others are there so that their text is recognised as "other".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cyr {
    Uk = 0,
    Ru,
    Be,
    Bg,
    Mk,
    Sr,
    Kk,
    Ky,
    Tt,
    Ba,
    Mn,
    Tg,
}

/// Number of [`Cyr`] languages.
pub(crate) const NCYR: usize = 12;

impl Cyr {
    /// All languages, in index order.
    pub(crate) const ALL: [Cyr; NCYR] = [
        Cyr::Uk,
        Cyr::Ru,
        Cyr::Be,
        Cyr::Bg,
        Cyr::Mk,
        Cyr::Sr,
        Cyr::Kk,
        Cyr::Ky,
        Cyr::Tt,
        Cyr::Ba,
        Cyr::Mn,
        Cyr::Tg,
    ];

    /// ISO 639-1 code.
    pub(crate) fn code(self) -> &'static str {
        [
            "uk", "ru", "be", "bg", "mk", "sr", "kk", "ky", "tt", "ba", "mn", "tg",
        ][self as usize]
    }

    /// Bit of this language in a [`Mask`].
    pub(crate) fn bit(self) -> Mask {
        1 << (self as u16)
    }

    /// Lower-case alphabet; `'` stands for the apostrophe inside a word.
    fn alphabet(self) -> &'static str {
        const RU: &str = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
        match self {
            Cyr::Uk => "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'",
            Cyr::Ru => RU,
            Cyr::Be => "абвгдеёжзійклмнопрстуўфхцчшыьэюя'",
            Cyr::Bg => "абвгдежзийклмнопрстуфхцчшщъьюяѝ",
            Cyr::Mk => "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
            Cyr::Sr => "абвгдђежзијклљмнњопрстћуфхцчџш",
            Cyr::Kk => concat!("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "әғқңөұүһі"),
            Cyr::Ky => concat!("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "ңөү"),
            Cyr::Tt => concat!("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "әөүҗңһ"),
            Cyr::Ba => concat!("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "әөүғҙҡңҫһ"),
            Cyr::Mn => concat!("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "өү"),
            Cyr::Tg => "абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя",
        }
    }

    /// Letters typical of the language among the twelve: a word holding one counts for it.
    /// A letter shared by several languages counts for each of them.
    fn markers(self) -> &'static str {
        match self {
            Cyr::Uk => "ґєїі'",
            Cyr::Ru => "ыэъё",
            Cyr::Be => "ўі'ыэё",
            Cyr::Bg => "ъѝ",
            Cyr::Mk => "ѓѕјљњќџ",
            Cyr::Sr => "ђјљњћџ",
            Cyr::Kk => "әғқңөұүһіыэ",
            Cyr::Ky => "ңөүыэ",
            Cyr::Tt => "әөүҗңһыэ",
            Cyr::Ba => "әөүғҙҡңҫһыэ",
            Cyr::Mn => "өүыэё",
            Cyr::Tg => "ғӣқӯҳҷъэё",
        }
    }

    fn words(self) -> &'static str {
        match self {
            Cyr::Uk => include_str!("words/uk.txt"),
            Cyr::Ru => include_str!("words/ru.txt"),
            Cyr::Be => include_str!("words/be.txt"),
            Cyr::Bg => include_str!("words/bg.txt"),
            Cyr::Mk => include_str!("words/mk.txt"),
            Cyr::Sr => include_str!("words/sr.txt"),
            Cyr::Kk => include_str!("words/kk.txt"),
            Cyr::Ky => include_str!("words/ky.txt"),
            Cyr::Tt => include_str!("words/tt.txt"),
            Cyr::Ba => include_str!("words/ba.txt"),
            Cyr::Mn => include_str!("words/mn.txt"),
            Cyr::Tg => include_str!("words/tg.txt"),
        }
    }
}

/// A small fast hasher for the word tables (FxHash: multiply and rotate), so that looking
/// a word up costs little next to reading it.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hash maps and sets keyed by words.
pub(crate) type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<FxHasher>>;
pub(crate) type WordSet = HashSet<&'static str, BuildHasherDefault<FxHasher>>;

/// A set of [`Cyr`] languages, one bit each.
pub(crate) type Mask = u16;

/// All twelve languages.
pub(crate) const ALL_MASK: Mask = (1 << NCYR) - 1;

/// The tables, built once.
pub(crate) struct Tables {
    /// Languages whose alphabet holds the letter, for U+0400..U+052F.
    alphabet: [Mask; CYR_BLOCK],
    /// Languages for which the letter is typical, for U+0400..U+052F.
    markers: [Mask; CYR_BLOCK],
    /// The same two for the apostrophe.
    apostrophe: (Mask, Mask),
    /// Languages whose frequent-word list holds the word.
    pub(crate) cyr_words: WordMap<Mask>,
    /// English frequent words.
    pub(crate) en_words: WordSet,
    /// Frequent words of other Latin-script languages: bit i for `latin_codes[i]`.
    pub(crate) latin_words: WordMap<u32>,
    /// ISO 639-1 codes of the languages in `latin_words`.
    pub(crate) latin_codes: Vec<&'static str>,
}

impl Tables {
    /// The shared tables.
    pub(crate) fn get() -> &'static Tables {
        static TABLES: OnceLock<Tables> = OnceLock::new();
        TABLES.get_or_init(Tables::build)
    }

    fn build() -> Tables {
        let mut alphabet = [0; CYR_BLOCK];
        let mut markers = [0; CYR_BLOCK];
        let mut apostrophe = (0, 0);
        let mut cyr_words: WordMap<Mask> = WordMap::default();
        for lang in Cyr::ALL {
            for c in lang.alphabet().chars() {
                match cyr_index(c) {
                    Some(i) => alphabet[i] |= lang.bit(),
                    None => apostrophe.0 |= lang.bit(),
                }
            }
            for c in lang.markers().chars() {
                match cyr_index(c) {
                    Some(i) => markers[i] |= lang.bit(),
                    None => apostrophe.1 |= lang.bit(),
                }
            }
            for w in words(lang.words()) {
                *cyr_words.entry(w).or_default() |= lang.bit();
            }
        }
        let en_words = words(include_str!("words/en.txt")).collect();
        let mut latin_words: WordMap<u32> = WordMap::default();
        let mut latin_codes = Vec::new();
        for line in include_str!("words/latin.txt").lines() {
            let line = line.split('#').next().unwrap_or("");
            if let Some((code, list)) = line.split_once(':') {
                let bit = 1 << latin_codes.len();
                latin_codes.push(code.trim());
                for w in list.split_whitespace() {
                    *latin_words.entry(w).or_default() |= bit;
                }
            }
        }
        assert!(
            latin_codes.len() <= 32,
            "too many languages in words/latin.txt"
        );
        // letters of the block that no language here writes say nothing
        for m in alphabet.iter_mut().filter(|m| **m == 0) {
            *m = ALL_MASK;
        }
        Tables {
            alphabet,
            markers,
            apostrophe,
            cyr_words,
            en_words,
            latin_words,
            latin_codes,
        }
    }

    /// Languages whose alphabet holds the (lower-case) letter; every language for a
    /// letter none of them knows (a stray symbol says nothing).
    pub(crate) fn alphabet_of(&self, c: char) -> Mask {
        match cyr_index(c) {
            Some(i) => self.alphabet[i],
            None if c == '\'' => self.apostrophe.0,
            None => ALL_MASK,
        }
    }

    /// Languages for which the (lower-case) letter is typical.
    pub(crate) fn markers_of(&self, c: char) -> Mask {
        match cyr_index(c) {
            Some(i) => self.markers[i],
            None if c == '\'' => self.apostrophe.1,
            None => 0,
        }
    }
}

/// Size of the Cyrillic and Cyrillic Supplement blocks, U+0400..U+052F.
const CYR_BLOCK: usize = 0x130;

/// Index of a letter in the Cyrillic blocks.
fn cyr_index(c: char) -> Option<usize> {
    (c as usize).checked_sub(0x400).filter(|&i| i < CYR_BLOCK)
}

/// The words of a word-list file: white-space separated, `#` comments.
fn words(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_lower_case_and_in_their_alphabet() {
        let t = Tables::get();
        for lang in Cyr::ALL {
            for w in words(lang.words()) {
                assert_eq!(w, w.to_lowercase(), "{w} in {}", lang.code());
                for c in w.chars().filter(|c| c.is_alphabetic() || *c == '\'') {
                    assert!(
                        t.alphabet_of(c) & lang.bit() != 0,
                        "{w} in {} has {c} outside the alphabet",
                        lang.code()
                    );
                }
            }
        }
    }

    #[test]
    fn latin_lists_are_lower_case_and_coded() {
        let t = Tables::get();
        assert!(t.latin_codes.iter().all(|c| c.len() == 2));
        for w in t.latin_words.keys().chain(t.en_words.iter()) {
            assert_eq!(*w, w.to_lowercase());
            assert!(w.chars().all(char::is_alphabetic), "{w}");
        }
    }

    #[test]
    fn markers_belong_to_the_alphabet() {
        for lang in Cyr::ALL {
            for c in lang.markers().chars() {
                assert!(lang.alphabet().contains(c), "{c} of {}", lang.code());
            }
        }
    }
}
