//! Numbers, times and dates in a sentence, normalised so that editions can be compared:
//! `1,5 млрд`, `1.5 billion` and `1,5 миллиарда` are the same amount, `28 000`, `28,000`,
//! `28 тис.` and `28 thousand` too, `18:40` is a time, `13 березня`, `13 March`,
//! `March 13` and `13 марта` are the same date, and the suffix of an ordinal (`24-го`,
//! `24th`) is dropped.

use serde::Serialize;
use std::fmt;

/// What a [`Number`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberKind {
    /// A count, amount, share or year.
    Amount,
    /// A time of day, `18:40`.
    Time,
    /// A day of a month, `13 March`; the value is `MM-DD`.
    Date,
}

/// A number as written, normalised.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Number {
    /// What it is.
    pub kind: NumberKind,
    /// The normalised value: digits with at most one decimal point and a scale word applied
    /// (`1500000000`), `HH:MM` for times, `MM-DD` for dates.
    pub value: String,
    /// Byte range of the number as written (with its scale word or month) in the text it
    /// was extracted from.
    pub start: usize,
    /// End of that range.
    pub end: usize,
}

impl Number {
    /// A time of day, `HH:MM`, written at `start..end`.
    fn time(h: u32, m: u32, start: usize, end: usize) -> Number {
        Number {
            kind: NumberKind::Time,
            value: format!("{h:02}:{m:02}"),
            start,
            end,
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

/// The values of [`extract_numbers`], for tests and examples.
pub fn number_values(text: &str) -> Vec<String> {
    extract_numbers(text).into_iter().map(|n| n.value).collect()
}

/// Extracts the numbers written with digits in `text`.
///
/// ```
/// use edalign::review::number_values;
/// assert_eq!(number_values("1,5 млрд грн і 28 000 осіб 24-го числа"), ["1500000000", "28000", "24"]);
/// assert_eq!(number_values("1.5 billion and 28,000 people on the 24th"), ["1500000000", "28000", "24"]);
/// assert_eq!(number_values("о 18:40, 13 березня"), ["18:40", "03-13"]);
/// ```
pub fn extract_numbers(text: &str) -> Vec<Number> {
    let b = text.as_bytes();
    let mut out: Vec<Number> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        if i > 0 && b[i - 1].is_ascii_alphabetic() {
            // Part of a code such as COVID19 or A320.
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        let start = i;
        // A time: 18:40, 9.00 is not taken (ambiguous with decimals).
        if let Some((h, m, end)) = time_at(text, i) {
            out.push(Number::time(h, m, start, end));
            i = end;
            continue;
        }
        // A run of digit groups joined by separators: "28 000", "28,000", "1.5", "1,5".
        let mut groups: Vec<(usize, usize)> = Vec::new();
        let mut seps: Vec<u8> = Vec::new();
        loop {
            let gs = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            groups.push((gs, i));
            let sep_len = if text[i..].starts_with('\u{a0}') || text[i..].starts_with('\u{202f}') {
                text[i..].chars().next().map_or(1, char::len_utf8)
            } else {
                1
            };
            if i + sep_len < b.len()
                && matches!(b[i], b',' | b'.' | b' ' | 0xC2 | 0xE2)
                && (sep_len > 1 || b[i] < 0x80)
                && b[i + sep_len].is_ascii_digit()
            {
                let sep = if sep_len > 1 { b' ' } else { b[i] };
                // A space only joins thousand groups of exactly three digits.
                let next_len = b[i + sep_len..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                if sep == b' ' && next_len != 3 {
                    break;
                }
                seps.push(sep);
                i += sep_len;
            } else {
                break;
            }
        }
        let digits = |(s, e): (usize, usize)| &text[s..e];
        let mut value = String::new();
        let last = groups.len() - 1;
        for (k, g) in groups.iter().enumerate() {
            value.push_str(digits(*g));
            if k < last {
                let sep = seps[k];
                let next_len = groups[k + 1].1 - groups[k + 1].0;
                // A comma or point before a group of three digits followed by more groups, or
                // a space, separates thousands; otherwise it is a decimal mark.
                let thousands = sep == b' '
                    || (next_len == 3
                        && (k + 1 < last
                            || seps.iter().filter(|&&s| s == sep).count() > 1
                            || is_thousands_context(digits(groups[0]))));
                if !thousands {
                    value.push('.');
                }
            }
        }
        let mut end = i;
        // The word after the number: a scale, a month, or am/pm. An ordinal suffix
        // ("30th September", "30-го вересня") is passed over.
        let (mut word, mut wend) = next_word(text, i);
        let glued = text[i..].starts_with(char::is_alphabetic);
        let mut glued_word = glued;
        let dash = text[i..].starts_with('-');
        let (suffix, suffix_end) = if dash {
            next_word(text, i + 1)
        } else {
            (word, wend)
        };
        if (glued || dash)
            && ["th", "st", "nd", "rd", "го", "е", "ге", "й", "ого"]
                .contains(&suffix.to_lowercase().as_str())
        {
            let (w2, e2) = next_word(text, suffix_end);
            if month(&w2.to_lowercase()).is_some() {
                (word, wend) = (w2, e2);
                glued_word = false;
            }
        }
        let lower = word.to_lowercase();
        if glued_word
            && lower.chars().count() > 2
            && scale(&lower).is_none()
            && !lower.ends_with('s')
            && !["th", "st", "nd", "rd", "pm", "am"].contains(&lower.as_str())
        {
            // A number glued to a word ("3Dprint", a typo such as "0ведены") is not a value.
            i = wend;
            continue;
        }
        let raw_point = text[start..i].contains('.') && !text[start..i].contains(',');
        if let Some((h, m)) = clock(&value, &lower, &text[i..], prev_word(text, start))
            .filter(|_| raw_point || !value.contains('.'))
            .filter(|_| scale(&lower).is_none())
        {
            let end = if matches!(lower.as_str(), "am" | "pm" | "a" | "p") {
                // "5.30pm", "5 p.m."
                let mut e = wend;
                if text[e..].starts_with(".m.") {
                    e += 3;
                }
                e
            } else {
                i
            };
            out.push(Number::time(h, m, start, end));
            i = end;
            continue;
        }
        let currency = text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '£' | '$' | '€' | '¥'));
        let attached = wend > i && text[i..].chars().next().is_some_and(char::is_alphabetic);
        let short_scale = match lower.as_str() {
            "m" | "mn" if currency && attached => Some(6),
            "k" if currency && attached => Some(3),
            _ => None,
        };
        if let Some(exp) = short_scale.or_else(|| scale(&lower)) {
            value = apply_scale(&value, exp);
            end = wend;
            let abbreviation =
                ["тис", "тыс", "млн", "млрд", "трлн", "mln", "bn"].contains(&lower.as_str());
            if abbreviation && text[end..].starts_with('.') {
                end += 1;
            }
        } else if let (Some(month), Ok(day)) = (month(&lower), value.parse::<u32>()) {
            if (1..=31).contains(&day) {
                out.push(Number {
                    kind: NumberKind::Date,
                    value: format!("{month:02}-{day:02}"),
                    start,
                    end: wend,
                });
                i = wend;
                continue;
            }
        } else if let (Some(month), Ok(day)) = (
            month(&prev_word(text, start).to_lowercase()),
            value.parse::<u32>(),
        ) {
            // "March 13" (English order).
            if (1..=31).contains(&day) && prev_word(text, start).is_ascii() {
                out.push(Number {
                    kind: NumberKind::Date,
                    value: format!("{month:02}-{day:02}"),
                    start,
                    end,
                });
                continue;
            }
        }
        out.push(Number {
            kind: NumberKind::Amount,
            value: normalise(&value),
            start,
            end,
        });
    }
    out
}

/// `HH:MM` at byte `i`: one or two digits, a colon, two digits, not followed by a digit.
fn time_at(text: &str, i: usize) -> Option<(u32, u32, usize)> {
    let b = text.as_bytes();
    let h_len = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&h_len) || b.get(i + h_len) != Some(&b':') {
        return None;
    }
    let m = i + h_len + 1;
    let m_len = b[m.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if m_len != 2 {
        return None;
    }
    let h: u32 = text[i..i + h_len].parse().ok()?;
    let mm: u32 = text[m..m + 2].parse().ok()?;
    (h < 24 && mm < 60).then_some((h, mm, m + 2))
}

/// A time written with a point (`о 17.30`, `в 11.15`) or with am/pm (`5.30pm`, `5 p.m.`):
/// `value` is the number as read, `next` the word after it, `rest` the text after it,
/// `prev` the word before it.
fn clock(value: &str, next: &str, rest: &str, prev: &str) -> Option<(u32, u32)> {
    let (h, m) = match value.split_once('.') {
        Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
        None => (value.parse::<u32>().ok()?, 0),
        _ => return None,
    };
    let meridiem = match next {
        "am" => Some(false),
        "pm" => Some(true),
        "a" if rest.trim_start().starts_with("a.m.") => Some(false),
        "p" if rest.trim_start().starts_with("p.m.") => Some(true),
        _ => None,
    };
    if let Some(pm) = meridiem {
        if !(1..=12).contains(&h) || m >= 60 {
            return None;
        }
        let h = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
        return Some((h, m));
    }
    // "о 17.30", "в 11.15", "at 5.30": a point time after a preposition of time.
    let prev = prev.to_lowercase();
    let before_time = [
        "о", "об", "в", "во", "до", "з", "с", "від", "от", "at", "by", "until", "from",
    ];
    (value.contains('.') && h < 24 && m < 60 && before_time.contains(&prev.as_str()))
        .then_some((h, m))
}

/// The word after byte `i`, skipping spaces: its text and end.
fn next_word(text: &str, i: usize) -> (&str, usize) {
    let rest = &text[i..];
    let skipped = rest.len() - rest.trim_start().len();
    let s = i + skipped;
    let len: usize = text[s..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    (&text[s..s + len], s + len)
}

/// The word before byte `i`, skipping spaces and the point of an abbreviation (`Sept. 30`).
fn prev_word(text: &str, i: usize) -> &str {
    let before = text[..i].trim_end();
    let before = before.strip_suffix('.').unwrap_or(before);
    let len: usize = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    &before[before.len() - len..]
}

/// The power of ten a scale word stands for.
fn scale(w: &str) -> Option<i32> {
    const SCALES: [(&str, i32); 14] = [
        ("тис", 3),
        ("тыс", 3),
        ("thousand", 3),
        ("млн", 6),
        ("мільйон", 6),
        ("миллион", 6),
        ("million", 6),
        ("mln", 6),
        ("млрд", 9),
        ("мільярд", 9),
        ("миллиард", 9),
        ("billion", 9),
        ("bn", 9),
        ("трлн", 12),
    ];
    if w == "trillion" || w == "trillions" {
        return Some(12);
    }
    SCALES
        .iter()
        .find(|(p, _)| w.starts_with(p) && (w.len() - p.len()) <= 10)
        .filter(|(p, _)| !(["bn", "mln"].contains(p) && w != *p))
        .map(|(_, e)| *e)
}

/// The month a word names (genitive forms in uk and ru, English names and abbreviations).
fn month(w: &str) -> Option<u32> {
    const STEMS: [(&[&str], u32); 12] = [
        (&["січн", "январ", "january", "jan"], 1),
        (&["лютого", "лютий", "феврал", "february", "feb"], 2),
        (&["березн", "берез", "март", "march", "mar"], 3),
        (&["квітн", "апрел", "april", "apr"], 4),
        (&["травн", "мая", "май", "may"], 5),
        (&["червн", "июн", "june", "jun"], 6),
        (&["липн", "июл", "july", "jul"], 7),
        (&["серпн", "август", "august", "aug"], 8),
        (&["вересн", "сентябр", "september", "sept", "sep"], 9),
        (&["жовтн", "октябр", "october", "oct"], 10),
        (&["листопад", "ноябр", "november", "nov"], 11),
        (&["грудн", "декабр", "december", "dec"], 12),
    ];
    for (stems, m) in STEMS {
        for s in stems {
            let ascii = s.is_ascii();
            // English names and abbreviations match whole; Cyrillic stems take endings.
            let hit = if ascii {
                w == *s
            } else {
                w.starts_with(s) && w.chars().count() <= s.chars().count() + 3
            };
            if hit {
                return Some(m);
            }
        }
    }
    None
}

/// Multiplies a decimal string by `10^exp` exactly.
fn apply_scale(value: &str, exp: i32) -> String {
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    let mut digits = format!("{int}{frac}");
    let shift = exp - frac.len() as i32;
    if shift >= 0 {
        digits.push_str(&"0".repeat(shift as usize));
        normalise(&digits)
    } else {
        let cut = digits.len() as i32 + shift;
        if cut <= 0 {
            return normalise(&format!("0.{}{}", "0".repeat((-cut) as usize), digits));
        }
        let (a, b) = digits.split_at(cut as usize);
        normalise(&format!("{a}.{b}"))
    }
}

/// Drops leading zeros of the integer part and trailing zeros of the fraction.
fn normalise(v: &str) -> String {
    let (int, frac) = v.split_once('.').unwrap_or((v, ""));
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// "28,000" is 28000, but "1,500" is ambiguous; a leading group of one to three digits
/// followed by exactly three is read as thousands only when the first group is not zero.
fn is_thousands_context(first: &str) -> bool {
    first.len() <= 3 && !first.starts_with('0')
}

/// Units of the imperial and US systems: a story that gives these in one edition usually
/// converts them in the others (`80 degrees` / `27 градусів`, `200 miles` / `322 км`).
const IMPERIAL: &[&str] = &[
    "inch",
    "inches",
    "in",
    "foot",
    "feet",
    "ft",
    "mile",
    "miles",
    "mi",
    "lb",
    "lbs",
    "pound",
    "pounds",
    "ounce",
    "ounces",
    "oz",
    "gallon",
    "gallons",
    "yard",
    "yards",
    "yd",
    "acre",
    "acres",
    "mph",
    "fahrenheit",
    "f",
    "degrees",
    "degree",
    "stone",
    "pints",
    "pint",
    "мил",
    "фут",
    "дюйм",
    "фунт",
    "галон",
    "галлон",
    "акр",
    "фаренгейт",
    "ярд",
    "унці",
    "унци",
];

/// Stems of metric units (and the degree) in uk, ru and en.
const METRIC: &[&str] = &[
    "см",
    "сантиметр",
    "мм",
    "міліметр",
    "миллиметр",
    "км",
    "кілометр",
    "километр",
    "м",
    "метр",
    "кг",
    "кілограм",
    "килограмм",
    "г",
    "грам",
    "грамм",
    "т",
    "тонн",
    "л",
    "літр",
    "литр",
    "га",
    "гектар",
    "градус",
    "c",
    "cm",
    "centimetre",
    "centimeter",
    "mm",
    "km",
    "kilometre",
    "kilometer",
    "kilometres",
    "kilometers",
    "metre",
    "meter",
    "metres",
    "meters",
    "kg",
    "kilogram",
    "kilograms",
    "kilogramme",
    "litre",
    "liter",
    "litres",
    "liters",
    "hectare",
    "hectares",
    "celsius",
    "tonne",
    "tonnes",
];

/// Whether a unit of measurement follows the number at `n` in `text`, and whether it is an
/// imperial one: `Some(true)` for `200 miles`, `Some(false)` for `322 км`, `None` for none.
pub fn unit_after(text: &str, n: &Number) -> Option<bool> {
    // "6-foot-6": the unit stands before the second number.
    let before = text[..n.start].strip_suffix('-').unwrap_or("");
    let prev: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    if ["foot", "feet", "inch", "inches", "pound", "pounds"].contains(&prev.as_str()) {
        return Some(true);
    }
    let rest = text[n.end..].trim_start_matches(['°', ' ', '\u{a0}', '-', '–', '—']);
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    if word.is_empty() {
        // A range written with a dash: "2,5–5 см".
        if rest.len() < text.len() - n.end
            && rest.starts_with(|c: char| c.is_ascii_digit())
            && let Some(next) = extract_numbers(rest).into_iter().next()
        {
            return unit_after(rest, &next);
        }
        return None;
    }
    // A range: "1 to 2 inches", "від 2,54 до 5,08 см": the unit of the range's end.
    if ["to", "and", "or", "до", "і", "и", "або", "или", "й"].contains(&word.as_str()) {
        let after = rest[word.len()..].trim_start();
        if after.starts_with(|c: char| c.is_ascii_digit())
            && let Some(next) = extract_numbers(after).into_iter().next()
        {
            return unit_after(after, &next);
        }
        return None;
    }
    let imperial = IMPERIAL.iter().any(|m| {
        if m.is_ascii() {
            word == *m
        } else {
            word.starts_with(m)
        }
    });
    if imperial {
        return Some(true);
    }
    let metric = METRIC.iter().any(|m| {
        if m.chars().count() <= 2 {
            word == *m
        } else {
            word.starts_with(m)
        }
    });
    metric.then_some(false)
}

/// Small numbers written as words (`two`, `двоє`, `три`), so that `2` on one side and
/// `two` on the other are not a difference. Returns the values found.
pub fn number_words(text: &str) -> Vec<u32> {
    const WORDS: [(&[&str], u32); 10] = [
        (
            &[
                "one",
                "один",
                "одна",
                "одне",
                "одного",
                "одну",
                "одно",
                "одной",
                "одній",
            ],
            1,
        ),
        (
            &[
                "two",
                "both",
                "два",
                "дві",
                "двоє",
                "двох",
                "две",
                "двое",
                "обидва",
                "оба",
                "обе",
            ],
            2,
        ),
        (
            &["three", "три", "троє", "трьох", "трое", "трех", "трёх"],
            3,
        ),
        (
            &["four", "чотири", "четверо", "чотирьох", "четыре", "четырех"],
            4,
        ),
        (
            &[
                "five",
                "п'ять",
                "п’ять",
                "пʼять",
                "пятеро",
                "пять",
                "п'ятеро",
                "п’ятеро",
                "пяти",
                "п'яти",
                "п’яти",
            ],
            5,
        ),
        (&["six", "шість", "шестеро", "шесть", "шести"], 6),
        (&["seven", "сім", "семеро", "семь", "семи"], 7),
        (&["eight", "вісім", "восемь", "восьми", "восьмеро"], 8),
        (&["nine", "дев'ять", "дев’ять", "девять", "девяти"], 9),
        (&["ten", "десять", "десяти", "десятеро"], 10),
    ];
    let mut out = Vec::new();
    for w in text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’' || c == 'ʼ')) {
        let w = w.to_lowercase();
        for (forms, v) in WORDS {
            if forms.contains(&w.as_str()) {
                out.push(v);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($text:expr, [$($n:expr),*]) => {
            let got = number_values($text);
            let want: Vec<&str> = vec![$($n),*];
            assert_eq!(got, want, "text: {}", $text);
        };
    }

    #[test]
    fn numbers() {
        t!("about 28 countries", ["28"]);
        t!("1,5 млрд", ["1500000000"]);
        t!("1.5 billion", ["1500000000"]);
        t!("€1.5 billion", ["1500000000"]);
        t!("1,5 миллиарда", ["1500000000"]);
        t!("28 000 осіб", ["28000"]);
        t!("28\u{a0}000 осіб", ["28000"]);
        t!("28,000 people", ["28000"]);
        t!("140 тис. родин", ["140000"]);
        t!("140 тысяч семей", ["140000"]);
        t!("140,000 families", ["140000"]);
        t!("87 млн грн", ["87000000"]);
        t!("UAH 312 million", ["312000000"]);
        t!("1,234,567", ["1234567"]);
        t!("0,25 %", ["0.25"]);
        t!("26 лютого 2024 року", ["02-26", "2024"]);
        t!("on 27 November", ["11-27"]);
        t!("on November 27, 2024", ["11-27", "2024"]);
        t!("27 ноября", ["11-27"]);
        t!("13 березня", ["03-13"]);
        t!("14 марта", ["03-14"]);
        t!("о 18:40 і о 9:00", ["18:40", "09:00"]);
        t!("в 11.15 і о 17.30", ["11:15", "17:30"]);
        t!("з 3,26 мільйона глядачів", ["3260000"]);
        t!("до 1,05 мільйона", ["1050000"]);
        t!("for £125m, three years ago", ["125000000"]);
        t!("on Sept. 30 and Oct. 1", ["09-30", "10-01"]);
        t!("log 247 of 30th September", ["247", "09-30"]);
        t!("до 30-го вересня", ["09-30"]);
        t!("the 24th", ["24"]);
        t!(
            "at 5.30pm, at 5pm and at 7 p.m.",
            ["17:30", "17:00", "19:00"]
        );
        t!("зріс на 11.15 відсотка", ["11.15"]);
        t!("ст. 111", ["111"]);
        t!("MiG-29 і Су-27", ["29", "27"]);
        t!("COVID19", []);
        t!("no digits", []);
        t!("40 mines", ["40"]);
        t!("клетки должны быть 0ведены", []);
        t!("in the 1930s", ["1930"]);
    }

    #[test]
    fn scale_is_exact() {
        assert_eq!(apply_scale("1.5", 9), "1500000000");
        assert_eq!(apply_scale("0.25", 3), "250");
        assert_eq!(apply_scale("1.2345", 3), "1234.5");
    }

    #[test]
    fn units() {
        let unit = |t: &str| {
            let n = extract_numbers(t);
            unit_after(t, &n[0])
        };
        assert_eq!(unit("200 miles (322 km)"), Some(true));
        assert_eq!(unit("322 км"), Some(false));
        assert_eq!(unit("1 to 2 inches"), Some(true));
        assert_eq!(unit("від 2,54 до 5,08 см"), Some(false));
        assert_eq!(unit("200 миль"), Some(true));
        assert_eq!(unit("80 degrees outside"), Some(true));
        assert_eq!(unit("28 countries"), None);
        let t = "The 6-foot-6 forward";
        let n = extract_numbers(t);
        assert_eq!(
            (unit_after(t, &n[0]), unit_after(t, &n[1])),
            (Some(true), Some(true))
        );
        assert_eq!(unit("до 2,5–5 см осадков"), Some(false));
    }

    #[test]
    fn words() {
        assert_eq!(number_words("Two ministers and три посли"), [2, 3]);
        assert!(number_words("nothing here").is_empty());
    }
}
