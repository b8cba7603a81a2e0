//! Anchors: the tokens of a sentence that can be matched across languages and scripts.
//!
//! Numbers are reduced to their digit runs (`1,5` and `1.5` both give `1` `5`; `24-го` and
//! `24th` give `24`). Words are transliterated to ASCII with `deunicode`, lower-cased and
//! folded (`kh`→`h`, `g`→`h`, `y`/`j`→`i`, double letters once …) so that a name or an
//! international word reads alike in Latin and Cyrillic script: `парламент` / `parliament`,
//! `коаліція` / `coalition`, `України` / `Украины`. Two folded words match when they share
//! a long enough prefix or are close by Jaro–Winkler similarity.

use crate::lang::Lang;
use crate::lexical::{calendar, places, words};

/// Kind of an anchor token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of digits.
    Number,
    /// A capitalised word that does not open the sentence (a likely name).
    Name,
    /// Any other word long enough to be compared.
    Word,
}

/// One anchor token.
#[derive(Clone, Debug)]
pub(crate) struct Token {
    /// Folded form (ASCII, lower case).
    pub form: String,
    /// The kind.
    pub kind: Kind,
}

/// The anchors of one sentence.
#[derive(Clone, Debug, Default)]
pub(crate) struct Anchors {
    /// Tokens in order of appearance (numbers, names, words of 4+ folded letters).
    pub tokens: Vec<Token>,
    /// Whether the sentence asks a question.
    pub question: bool,
    /// Whether the sentence holds a quotation.
    pub quote: bool,
    /// Whether the sentence joins clauses with a semicolon, the mark a translator uses to
    /// make one sentence of two.
    pub semicolon: bool,
    /// Length in characters (not counting white space).
    pub chars: usize,
}

/// Words too common to count as evidence (folded forms, all three languages).
const STOP: &[&str] = &[
    // English
    "that", "this", "with", "from", "have", "been", "were", "will", "would", "which", "their",
    "there", "they", "said", "what", "when", "also", "into", "than", "them", "then", "some",
    "more", "most", "about", "after", "other", "over", "only", "could", "should", "these", "those",
    "because", "while", "where", "being", "such", "very", "just", "like", "does",
    // Ukrainian / Russian (folded)
    "tomu", "takoz", "takze", "iakii", "iakie", "iaka", "kotorii", "kotoraia", "kotorie", "ihnii",
    "mozna", "moze", "mozet", "kohda", "koli", "tilki", "tolko", "takoi", "takii", "tsei", "etot",
    "esli", "iakso", "cherez", "cerez", "pislia", "posle", "mize", "mezdu", "bulo", "bilo",
    "budut", "budet", "bude", "vони", "oni", "vsie", "vsi", "vse", "nasi", "nasa", "tezh", "tez",
    "toze", "ese", "sce", "dlia", "pered", "vzhe", "uze", "vze", "sodo", "scodo",
];

fn is_stop(form: &str) -> bool {
    STOP.contains(&form)
}

/// Folds a transliterated, lower-cased ASCII word so that Latin and Cyrillic spellings of
/// one name come close.
pub(crate) fn fold(ascii: &str) -> String {
    let s = ascii
        .replace("shch", "s")
        .replace("sch", "s")
        .replace("dzh", "j")
        .replace("kh", "h")
        .replace("zh", "z")
        .replace("ch", "c")
        .replace("sh", "s")
        .replace("tion", "sion")
        .replace("ts", "s")
        .replace("ph", "f")
        .replace("th", "t")
        .replace("ck", "k")
        .replace("ie", "e")
        .replace("ye", "e");
    let mut out = String::with_capacity(s.len());
    let mut last = '\0';
    for c in s.chars() {
        let c = match c {
            'y' => 'i',
            'w' => 'v',
            'q' => 'k',
            // г is h in Ukrainian, g in Russian; English g and j are often дж: one class.
            'g' | 'j' => 'h',
            'x' => 'k',
            'z' => 's',
            'c' => 'k',
            '\'' | '`' => continue,
            c => c,
        };
        if c != last {
            out.push(c);
        }
        last = c;
    }
    out
}

/// Words whose token is remembered, per thread, before the memo starts again: news text
/// repeats its words, and a word's token takes a dozen string passes to make.
const WORD_MEMO_SIZE: usize = 200_000;

thread_local! {
    /// A word as written to its token, inside a sentence (`[0]`) and opening one (`[1]`).
    static WORD_TOKENS: std::cell::RefCell<[std::collections::HashMap<String, Option<Token>>; 2]> =
        std::cell::RefCell::new([std::collections::HashMap::new(), std::collections::HashMap::new()]);
}

/// The token of one word (`opening`: the sentence's first word, whose capital says
/// nothing), if it is one: a place's tag, a number or month, or a folded form long enough.
fn word_token(w: &str, opening: bool) -> Option<Token> {
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    let lower = w.to_lowercase();
    if let Some(tag) = place_word(&lower) {
        return Some(Token {
            form: tag,
            kind: Kind::Name,
        });
    }
    let calendar = calendar_word(&lower, capital && !opening);
    if let Some(n) = number_word(&lower).or(calendar) {
        return Some(Token {
            form: n,
            kind: Kind::Number,
        });
    }
    let ascii = deunicode::deunicode(&lower).to_ascii_lowercase();
    let form = fold(&ascii);
    let name = capital && !opening;
    let long_enough = (form.len() >= 4 || (name && form.len() >= 3)) && !is_stop(&form);
    long_enough.then_some(Token {
        form,
        kind: if name { Kind::Name } else { Kind::Word },
    })
}

/// Whether a sentence joins clauses with a semicolon (one not at its end): how an editor
/// makes one sentence of two.
pub(crate) fn joins_clauses(s: &str) -> bool {
    let t = s.trim_end();
    t.find(';').is_some_and(|k| k + 1 < t.len())
}

/// Extracts the anchors of a sentence.
pub(crate) fn anchors(sentence: &str, _lang: Lang) -> Anchors {
    let mut a = Anchors {
        chars: sentence.chars().filter(|c| !c.is_whitespace()).count(),
        ..Anchors::default()
    };
    a.question = sentence.contains('?');
    a.quote = has_quotation(sentence);
    a.semicolon = joins_clauses(sentence);
    let mut first = true;
    let mut word = String::new();
    let mut digits = String::new();
    let flush_word = |w: &mut String, first: &mut bool, toks: &mut Vec<Token>| {
        if w.is_empty() {
            return;
        }
        let opening = *first;
        *first = false;
        let token = WORD_TOKENS.with(|memo| {
            let mut memo = memo.borrow_mut();
            let memo = &mut memo[usize::from(opening)];
            if let Some(t) = memo.get(w.as_str()) {
                return t.clone();
            }
            let t = word_token(w, opening);
            if memo.len() >= WORD_MEMO_SIZE {
                memo.clear();
            }
            memo.insert(w.clone(), t.clone());
            t
        });
        toks.extend(token);
        w.clear();
    };
    let flush_digits = |d: &mut String, first: &mut bool, toks: &mut Vec<Token>| {
        if d.is_empty() {
            return;
        }
        let t = d.trim_start_matches('0');
        let form = if t.is_empty() { "0" } else { t }.to_string();
        toks.push(Token {
            form,
            kind: Kind::Number,
        });
        *first = false;
        d.clear();
    };
    for c in sentence.chars() {
        if c.is_ascii_digit() {
            flush_word(&mut word, &mut first, &mut a.tokens);
            digits.push(c);
        } else if crate::lexical::is_letter(c) || c == '\'' || c == '’' || c == 'ʼ' {
            flush_digits(&mut digits, &mut first, &mut a.tokens);
            if crate::lexical::is_letter(c) || !word.is_empty() {
                word.push(c);
            }
        } else {
            flush_digits(&mut digits, &mut first, &mut a.tokens);
            flush_word(&mut word, &mut first, &mut a.tokens);
        }
    }
    flush_digits(&mut digits, &mut first, &mut a.tokens);
    flush_word(&mut word, &mut first, &mut a.tokens);
    a
}

/// The consonants of a folded form.
pub(crate) fn skeleton(form: &str) -> String {
    let mut out = String::with_capacity(form.len());
    for c in form.chars() {
        if !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') && !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether two folded forms have the same consonant skeleton, up to an inflection of at
/// most two consonants at the end (`feinstein` / `fainstain` / `fainstaina`). Needs three
/// consonants for names, four for other words.
#[cfg(test)]
pub(crate) fn skeleton_match(a: &str, b: &str, name: bool) -> bool {
    skeletons_match(&skeleton(a), &skeleton(b), name)
}

/// Whether two consonant skeletons match (see `skeleton_match`).
pub(crate) fn skeletons_match(sa: &str, sb: &str, name: bool) -> bool {
    let (short, long) = if sa.len() <= sb.len() {
        (sa, sb)
    } else {
        (sb, sa)
    };
    let need = if name { 3 } else { 4 };
    short.len() >= need && long.starts_with(short) && long.len() - short.len() <= 1
}

/// Number words (2 to 12) and scale words of a million or more as digit forms, read
/// through the lexical layer (`lexical::words`); `None` for other words. One is left out:
/// `one`, `один` are as often pronouns as numbers.
fn number_word(lower: &str) -> Option<String> {
    if let Some(n) = words::number_word(lower).filter(|&n| n >= 2) {
        return Some(n.to_string());
    }
    let e = words::scale(lower).filter(|&e| e >= 6)?;
    Some(format!("1{}", "0".repeat(e as usize)))
}

/// Whether the sentence quotes several words (a quoted name such as «Лівінгстон» does not
/// count: Ukrainian and Russian put names of teams and firms in quotes).
fn has_quotation(s: &str) -> bool {
    let mut open = false;
    let mut inner_space = false;
    let mut prev_alnum = false;
    for c in s.chars() {
        let quote = matches!(c, '"' | '«' | '»' | '“' | '”' | '„');
        if quote {
            // A straight quote closes when one is open, else opens.
            let closing = matches!(c, '»' | '”') || (c == '"' && open) || (c == '“' && open);
            if open && closing {
                if inner_space {
                    return true;
                }
                open = false;
            } else if !prev_alnum || !open {
                open = true;
                inner_space = false;
            }
        } else if open && c.is_whitespace() {
            inner_space = true;
        }
        prev_alnum = c.is_alphanumeric();
    }
    // An opening quote left open over several words (a quotation running on).
    open && inner_space
}

/// Month and weekday names (dates are anchors like numbers): `#m1`..`#m12`, `#d1`..`#d7`,
/// read through the lexical layer (`lexical::calendar`). English `may` and `march` count
/// only capitalised inside a sentence (`name`).
fn calendar_word(lower: &str, name: bool) -> Option<String> {
    let w = lower.trim_end_matches("'s").trim_end_matches("’s");
    if let Some(m) = calendar::month_in_running_text(w, name) {
        return Some(format!("#m{m}"));
    }
    // "on Mondays"
    let day = calendar::weekday(w).or_else(|| {
        w.strip_suffix('s')
            .filter(|x| x.is_ascii())
            .and_then(calendar::weekday)
    });
    day.map(|d| format!("#d{d}"))
}

/// The tag of a country or people name (`#russia`), read through the lexical layer
/// (`lexical::places`).
fn place_word(lower: &str) -> Option<String> {
    places::place(lower).map(|t| format!("#{t}"))
}

/// Length of the common prefix of two ASCII strings.
fn prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

/// How well two folded word forms match, 0 (not at all) to 1 (identical).
pub(crate) fn word_match(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let (la, lb) = (a.len(), b.len());
    let short = la.min(lb);
    let long = la.max(lb);
    if short < 3 {
        return 0.0;
    }
    let p = prefix(a, b);
    // A shared stem: most of the longer word, or nearly all of the shorter one when the
    // other carries an inflection (`arisabalaha` / `arisabalahoiu`).
    if p >= 4 && (p * 10 >= long * 6 || (p >= 5 && p * 10 >= short * 8)) {
        return 0.9;
    }
    if short >= 5 && p >= 3 {
        let jw = strsim::jaro_winkler(a, b);
        if jw >= 0.9 {
            return 0.8;
        }
    }
    0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(s: &str, l: Lang) -> Vec<String> {
        anchors(s, l).tokens.into_iter().map(|t| t.form).collect()
    }

    /// The number and date tokens of a sentence (digits, `#d` weekdays, `#m` months).
    fn number_forms(s: &str, l: Lang) -> Vec<String> {
        anchors(s, l)
            .tokens
            .into_iter()
            .filter(|t| t.kind == Kind::Number)
            .map(|t| t.form)
            .collect()
    }

    #[test]
    fn numbers_are_digit_runs() {
        assert_eq!(
            number_forms("Станом на 24-го, 1,5 млн", Lang::Uk),
            ["24", "1", "5", "1000000"]
        );
        assert_eq!(
            number_forms("As of the 24th, 1.5 million", Lang::En),
            ["24", "1", "5", "1000000"]
        );
        assert_eq!(
            forms("Zelensky met Macron", Lang::En),
            ["selenski", "makron"]
        );
    }

    #[test]
    fn names_match_across_scripts() {
        let pairs = [
            ("parliament", "парламент"),
            ("coalition", "коаліція"),
            ("Zelensky", "Зеленський"),
            ("Harvard", "Гарвард"),
            ("Kharkiv", "Харків"),
            ("Gerrard", "Джеррард"),
            ("Argentine", "Аргентинський"),
            ("Feinstein", "Файнстайн"),
        ];
        for (en, uk) in pairs {
            let a = fold(&deunicode::deunicode(&en.to_lowercase()));
            let b = fold(&deunicode::deunicode(&uk.to_lowercase()));
            let ok = word_match(&a, &b) > 0.5 || skeleton_match(&a, &b, true);
            assert!(ok, "{en} {a} / {uk} {b}");
        }
        let a = fold(&deunicode::deunicode("україни"));
        let b = fold(&deunicode::deunicode("украины"));
        assert!(word_match(&a, &b) > 0.5, "{a} {b}");
        assert_eq!(word_match("parlament", "ministr"), 0.0);
    }

    #[test]
    fn dates_match_across_languages() {
        assert_eq!(
            number_forms("On Saturday, 24 May", Lang::En),
            ["#d6", "24", "#m5"]
        );
        assert_eq!(
            number_forms("У суботу, 24 травня", Lang::Uk),
            ["#d6", "24", "#m5"]
        );
        assert_eq!(
            number_forms("В субботу, 24 мая", Lang::Ru),
            ["#d6", "24", "#m5"]
        );
        assert!(number_forms("May I ask?", Lang::En).is_empty());
    }

    #[test]
    fn countries_match_across_languages() {
        let f = |s: &str, l: Lang| forms(s, l);
        assert!(f("sanctions against Russia", Lang::En).contains(&"#russia".to_string()));
        assert!(f("санкції проти Росії", Lang::Uk).contains(&"#russia".to_string()));
        assert!(f("санкции против России", Lang::Ru).contains(&"#russia".to_string()));
        assert_eq!(f("Китай і США", Lang::Uk), ["#china", "#usa"]);
    }

    #[test]
    fn quotations_but_not_quoted_names() {
        assert!(has_quotation("«Ми переможемо», сказав він."));
        assert!(has_quotation("He said \"we will win\" today."));
        assert!(!has_quotation("«Лівінгстон» 1 - 0 «Рейнджерс»"));
        assert!(!has_quotation("No quotes here."));
    }
}
