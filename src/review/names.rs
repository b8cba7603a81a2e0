//! Proper names in a sentence and whether another edition carries them, across scripts:
//! `Макрон`, `Macron` and `Макрона` are one name; so are `Зеленський`, `Zelensky` and
//! `Зеленского`. Names are compared on a phonetic skeleton of their transliteration
//! (`deunicode`), so inflected forms and the usual romanisation variants meet.

use strsim::jaro_winkler;

/// A name-like word: capitalised, not the first word of its sentence, not a common
/// capitalised word (a month, a title, an institution word).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// The word as written.
    pub text: String,
    /// Byte range in the text it was taken from.
    pub start: usize,
    /// End of that range.
    pub end: usize,
}

/// The words of `text` with their byte ranges (letters, digits, apostrophes, hyphens).
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || matches!(c, '\'' | '’' | 'ʼ' | '-');
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out.into_iter()
        .map(|(s, w)| {
            let t = w.trim_matches(|c: char| !c.is_alphanumeric());
            let off = w.find(t).unwrap_or(0);
            (s + off, t)
        })
        .filter(|(_, w)| !w.is_empty())
        .collect()
}

/// Capitalised words that are not names, or not names an edition must keep: months, days,
/// titles, institution words, and common words that open a clause.
const COMMON: &[&str] = &[
    // English
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "sq",
    "president",
    "prime",
    "minister",
    "ministers",
    "ministry",
    "deputy",
    "secretary",
    "general",
    "head",
    "chief",
    "mayor",
    "governor",
    "chairman",
    "chair",
    "speaker",
    "director",
    "ambassador",
    "council",
    "board",
    "service",
    "services",
    "agency",
    "office",
    "department",
    "committee",
    "union",
    "bank",
    "fund",
    "court",
    "forces",
    "force",
    "guard",
    "police",
    "rescue",
    "emergency",
    "emergencies",
    "state",
    "national",
    "administration",
    "square",
    "street",
    "avenue",
    "region",
    "oblast",
    "city",
    "university",
    "party",
    "centre",
    "center",
    "company",
    "group",
    "organisation",
    "organization",
    "assembly",
    "parliament",
    "government",
    "cabinet",
    "security",
    "defence",
    "defense",
    "intelligence",
    "economy",
    "affairs",
    "foreign",
    "energy",
    "development",
    "communities",
    "territories",
    "railway",
    "railways",
    "airlines",
    "nations",
    "republic",
    "federation",
    "commission",
    "press",
    "army",
    "navy",
    "air",
    "armed",
    "staff",
    "prosecutor",
    "supreme",
    "central",
    "international",
    "european",
    "the",
    "a",
    "an",
    "and",
    "but",
    "in",
    "on",
    "at",
    "of",
    "for",
    "to",
    "by",
    "with",
    "as",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "our",
    "its",
    "after",
    "before",
    "during",
    "since",
    "when",
    "while",
    "if",
    "according",
    "also",
    "however",
    "meanwhile",
    "earlier",
    "later",
    "read",
    "photo",
    "video",
    "news",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "ukrainian",
    "russian",
    "english",
    "american",
    "british",
    "french",
    "german",
    "polish",
    "estonian",
    "chinese",
    "japanese",
    "western",
    "soviet",
    "day",
    "week",
    "year",
    "kcsa",
    "covid",
    "internet",
    "web",
    "online",
    "uah",
    "usd",
    "eur",
    "no",
    "great",
    "greater",
    "black",
    "sea",
    "part",
    "art",
    "article",
    "education",
    "science",
    "health",
    "justice",
    "finance",
    "infrastructure",
    "culture",
    "social",
    "policy",
    "europe",
    // Ukrainian and Russian stems of titles and institutions (matched as prefixes).
];

/// Cyrillic stems of capitalised words that are titles or institutions, not names.
const COMMON_STEMS: &[&str] = &[
    "міністерств",
    "министерств",
    "міністр",
    "министр",
    "рад",
    "верховн",
    "кабінет",
    "кабмін",
    "кабинет",
    "кабмин",
    "служб",
    "агентств",
    "департамент",
    "управлінн",
    "управлени",
    "адміністрац",
    "администрац",
    "комітет",
    "комитет",
    "фонд",
    "банк",
    "суд",
    "союз",
    "уряд",
    "правительств",
    "президент",
    "прем",
    "генеральн",
    "генпрокур",
    "офіс",
    "офис",
    "збройн",
    "вооруженн",
    "сил",
    "націонал",
    "национал",
    "державн",
    "государствен",
    "міськ",
    "городск",
    "обласн",
    "областн",
    "військов",
    "военн",
    "головн",
    "главн",
    "центр",
    "європейськ",
    "европейск",
    "міжнародн",
    "международн",
    "рятувальн",
    "спасательн",
    "прикордонн",
    "пограничн",
    "енерго",
    "энерго",
    "організац",
    "организац",
    "парті",
    "парти",
    "площ",
    "вулиц",
    "улиц",
    "проспект",
    "бульвар",
    "читайте",
    "фото",
    "відео",
    "видео",
    "новини",
    "новости",
    "ппо",
    "пво",
    "велик",
    "больш",
    "чорн",
    "черн",
];

fn is_common(word: &str) -> bool {
    let w = word.to_lowercase();
    if w.is_ascii() {
        COMMON.contains(&w.as_str())
    } else {
        COMMON_STEMS.iter().any(|s| w.starts_with(s))
    }
}

/// Whether the word is written Like This (one capital, then lower case).
fn is_title_case(w: &str) -> bool {
    let mut cs = w.chars();
    let Some(first) = cs.next() else {
        return false;
    };
    let rest: Vec<char> = cs.collect();
    first.is_uppercase()
        && rest.len() >= 2
        && rest.iter().all(|c| !c.is_uppercase())
        && rest.iter().any(|c| c.is_lowercase())
}

/// The name-like words of a sentence (see [`Name`]).
///
/// ```
/// use edalign::review::names;
/// let n: Vec<String> = names("Президент Франції Емманюель Макрон зустрівся з генсеком НАТО.")
///     .into_iter().map(|n| n.text).collect();
/// assert_eq!(n, ["Франції", "Емманюель", "Макрон"]);
/// ```
pub fn names(text: &str) -> Vec<Name> {
    let ws = words(text);
    let mut out = Vec::new();
    // A headline in title case ("Children Quietly Moved to Tent Camp on Texas Border")
    // capitalises words, not names: it tells nothing. Its only lower-case words are short.
    let letters: Vec<&str> = ws
        .iter()
        .map(|(_, w)| *w)
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let long_lower = letters
        .iter()
        .any(|w| w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_lowercase));
    if letters.len() >= 4 && !long_lower {
        return out;
    }
    for (k, &(start, w)) in ws.iter().enumerate() {
        if k == 0 || !is_title_case(w) || is_common(w) || w.chars().count() < 3 {
            continue;
        }
        // A word that opens a quote or follows a colon or a full stop starts a clause.
        let before = text[..start].trim_end();
        let after_abbreviation = before.ends_with('.') && {
            let prev = ws[k - 1].1.to_lowercase();
            prev.chars().count() == 1
                || ["dr", "mr", "mrs", "ms", "prof", "st"].contains(&prev.as_str())
        };
        if (before.ends_with(['«', '"', '“', '„', ':', '.', '!', '?', '(', '–', '—', '\''])
            && !after_abbreviation)
            || before.is_empty()
        {
            continue;
        }
        if w.contains(|c: char| c.is_ascii_digit()) {
            continue;
        }
        out.push(Name {
            text: w.to_string(),
            start,
            end: start + w.len(),
        });
    }
    out
}

/// A phonetic skeleton of a word's romanisation: lower case ASCII letters, common
/// digraphs folded (`kh`→`h`, `ts`→`c`, `shch`→`s` …), `y`/`j`→`i`, `g`→`h`, `c`→`k`, doubled
/// letters collapsed.
pub fn skeleton(word: &str) -> String {
    let t = deunicode::deunicode(word).to_ascii_lowercase();
    let mut s: String = t.chars().filter(char::is_ascii_alphabetic).collect();
    for (a, b) in [
        ("shch", "s"),
        ("sch", "s"),
        ("kh", "h"),
        ("zh", "z"),
        ("ts", "c"),
        ("tz", "c"),
        ("ch", "c"),
        ("sh", "s"),
        ("ck", "k"),
        ("ph", "f"),
        ("th", "t"),
        ("ks", "x"),
    ] {
        s = s.replace(a, b);
    }
    let mapped: String = s
        .chars()
        .map(|c| match c {
            'y' | 'j' => 'i',
            'g' => 'h',
            'c' | 'q' => 'k',
            'w' => 'v',
            'x' => 'k',
            'e' => 'e',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(mapped.len());
    for c in mapped.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether two words could be the same name (in any script and case form).
///
/// ```
/// use edalign::review::same_name;
/// assert!(same_name("Зеленський", "Zelensky"));
/// assert!(same_name("Зеленского", "Zelensky"));
/// assert!(same_name("Макрона", "Macron"));
/// assert!(same_name("Столтенберга", "Stoltenberg"));
/// assert!(!same_name("Макрон", "Scholz"));
/// ```
pub fn same_name(a: &str, b: &str) -> bool {
    let (x, y) = (skeleton(a), skeleton(b));
    if x.is_empty() || y.is_empty() {
        return false;
    }
    let prefix = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
    let shorter = x.len().min(y.len());
    if (prefix >= 3 && prefix + 2 >= shorter) || (shorter >= 3 && jaro_winkler(&x, &y) >= 0.86) {
        return true;
    }
    // Vowels are where romanisations and the two Cyrillic spellings differ most
    // (Чорноморської / Черноморской, Росії / Russia): compare the consonants.
    let (cx, cy) = (consonants(&x), consonants(&y));
    let prefix = cx
        .chars()
        .zip(cy.chars())
        .take_while(|(p, q)| p == q)
        .count();
    let shorter = cx.len().min(cy.len());
    let longer = cx.len().max(cy.len());
    shorter >= 2 && prefix == shorter && longer - shorter <= 2
}

/// A skeleton without its vowels after the first letter.
fn consonants(s: &str) -> String {
    s.chars()
        .enumerate()
        .filter(|&(i, c)| i == 0 || !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
        .map(|(_, c)| c)
        .collect()
}

/// The names of `text` that no word of `other` matches.
pub fn unmatched_names(text: &str, other: &str) -> Vec<Name> {
    let others: Vec<&str> = words(other)
        .into_iter()
        .map(|(_, w)| w)
        .filter(|w| w.chars().count() >= 3)
        .collect();
    names(text)
        .into_iter()
        .filter(|n| !others.iter().any(|o| same_name(&n.text, o)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_names_across_scripts() {
        for (a, b) in [
            ("Зеленський", "Зеленский"),
            ("Зеленський", "Zelensky"),
            ("Макрон", "Macron"),
            ("Гнатюк", "Hnatiuk"),
            ("Харкові", "Kharkiv"),
            ("Таллінні", "Tallinn"),
            ("Столтенберга", "Stoltenberg"),
            ("Савчук", "Savchuk"),
            ("Києва", "Kyiv"),
            ("Чорноморської", "Черноморской"),
            ("Росії", "Russia"),
        ] {
            assert!(
                same_name(a, b),
                "{a} ~ {b}: {} {}",
                skeleton(a),
                skeleton(b)
            );
        }
        for (a, b) in [
            ("Макрон", "Шольц"),
            ("Saar", "Естонії"),
            ("Гнатюк", "Moroz"),
        ] {
            assert!(!same_name(a, b), "{a} !~ {b}");
        }
    }

    #[test]
    fn names_skip_title_case_headlines() {
        assert!(names("Children Quietly Moved to Tent Camp on Texas Border").is_empty());
        assert_eq!(names("Macron meets Scholz in Paris").len(), 2);
    }

    #[test]
    fn names_skip_sentence_starts_and_common_words() {
        let n: Vec<String> = names("The conference was co-chaired by Dr. Helena Saar in March.")
            .into_iter()
            .map(|n| n.text)
            .collect();
        assert_eq!(n, ["Helena", "Saar"]);
    }

    #[test]
    fn unmatched() {
        let u = unmatched_names(
            "Зустріч провів Емманюель Макрон.",
            "The meeting was held by Emmanuel Macron.",
        );
        assert!(u.is_empty(), "{u:?}");
        let u = unmatched_names(
            "Зустріч провів Олаф Шольц.",
            "The meeting was held by Emmanuel Macron.",
        );
        assert_eq!(u.len(), 2);
    }
}
