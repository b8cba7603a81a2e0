//! Numbers, times and dates in a sentence, normalised so that editions can be compared:
//! `1,5 млрд`, `1.5 billion` and `1,5 миллиарда` are the same amount, `28 000`, `28,000`,
//! `28 тис.` and `28 thousand` too, `18:40` is a time, `13 березня`, `13 March`,
//! `March 13` and `13 марта` are the same date, and the suffix of an ordinal (`24-го`,
//! `24th`) is dropped.

use crate::lexical::calendar::month;
use crate::lexical::words::{number_word, scale};
use serde::Serialize;
use std::fmt;

/// What a [`Number`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
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
#[non_exhaustive]
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
/// use edalign::lexical::numbers::number_values;
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
            // The number of a code (HER2, A320, WW1): its digits are a fact like any other
            // number, and codes are written alike in every edition. A code whose digits
            // run into letters again (`3Dprint`, `H2O2`) is left out: it is a name.
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if !text[i..].starts_with(char::is_alphabetic) {
                out.push(Number {
                    kind: NumberKind::Amount,
                    value: normalise(&text[start..i]),
                    start,
                    end: i,
                });
            }
            continue;
        }
        let start = i;
        // A time: 18:40, 9.00 is not taken (ambiguous with decimals).
        if let Some((h, m, end)) = time_at(text, i) {
            // A 12-hour clock: `5:30 p.m.` is 17:30, `12:15 am` is 00:15.
            let (h, end) = match meridiem_after(text, end) {
                Some((pm, m_end)) if (1..=12).contains(&h) => (twelve_hour(h, pm), m_end),
                _ => (h, end),
            };
            out.push(Number::time(h, m, start, end));
            i = end;
            continue;
        }
        // A run of digit groups joined by separators: "28 000", "28,000", "1.5", "1,5".
        let (value, groups_end) = digit_groups(text, i);
        i = groups_end;
        let (word, wend, glued_word) = word_after(text, i);
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
        let (number, next) = amount_or_date(text, start, i, value, &lower, wend);
        out.push(number);
        i = next;
    }
    out
}

/// The number whose digits run from `start` to `i` (read as `value`), with the word after
/// it (`lower`, ending at `wend`): an amount with its scale (`1,5 млрд`, `£125m`), or a
/// date (`13 березня`, `March 13`). Returns it and where reading goes on.
fn amount_or_date(
    text: &str,
    start: usize,
    i: usize,
    mut value: String,
    lower: &str,
    wend: usize,
) -> (Number, usize) {
    let mut end = i;
    let currency = text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '£' | '$' | '€' | '¥'));
    let attached = wend > i && text[i..].chars().next().is_some_and(char::is_alphabetic);
    let short_scale = match lower {
        "m" | "mn" if currency && attached => Some(6),
        "k" if currency && attached => Some(3),
        _ => None,
    };
    if let Some(exp) = short_scale.or_else(|| scale(lower)) {
        value = apply_scale(&value, exp);
        end = wend;
        let abbreviation = ["тис", "тыс", "млн", "млрд", "трлн", "mln", "bn"].contains(&lower);
        if abbreviation && text[end..].starts_with('.') {
            end += 1;
        }
    } else if let (Some(month), Ok(day)) = (month(lower), value.parse::<u32>()) {
        if (1..=31).contains(&day) {
            let date = Number {
                kind: NumberKind::Date,
                value: format!("{month:02}-{day:02}"),
                start,
                end: wend,
            };
            return (date, wend);
        }
    } else if let (Some(month), Ok(day)) = (
        month(&prev_word(text, start).to_lowercase()),
        value.parse::<u32>(),
    ) {
        // "March 13" (English order).
        if (1..=31).contains(&day) && prev_word(text, start).is_ascii() {
            let date = Number {
                kind: NumberKind::Date,
                value: format!("{month:02}-{day:02}"),
                start,
                end,
            };
            return (date, i);
        }
    }
    let amount = Number {
        kind: NumberKind::Amount,
        value: normalise(&value),
        start,
        end,
    };
    (amount, i)
}

/// The word after a number that ends at byte `i`, its end, and whether it is glued to the
/// number: a scale, a month, or am/pm. An ordinal suffix ("30th September", "30-го
/// вересня") is passed over to the month after it, which is then not glued.
fn word_after(text: &str, i: usize) -> (&str, usize, bool) {
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
    (word, wend, glued_word)
}

/// The digit groups that start at byte `i` ("28 000", "28,000", "1.5", "1,5") read as one
/// value (digits with at most a decimal point; separators of thousands dropped), and the
/// byte after them.
fn digit_groups(text: &str, start: usize) -> (String, usize) {
    let b = text.as_bytes();
    let mut i = start;
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
    (value, i)
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
        return Some((twelve_hour(h, pm), m));
    }
    // "о 17.30", "в 11.15", "at 5.30": a point time after a preposition of time.
    let prev = prev.to_lowercase();
    let before_time = [
        "о", "об", "в", "во", "до", "з", "с", "від", "от", "at", "by", "until", "from",
    ];
    (value.contains('.') && h < 24 && m < 60 && before_time.contains(&prev.as_str()))
        .then_some((h, m))
}

/// The hour of a 12-hour clock on the 24-hour one (`12 am` is 0, `12 pm` is 12).
fn twelve_hour(h: u32, pm: bool) -> u32 {
    match (pm, h) {
        (false, 12) => 0,
        (true, 12) => 12,
        (true, h) => h + 12,
        (false, h) => h,
    }
}

/// `am`, `pm`, `a.m.` or `p.m.` (any case) right after byte `i`, past spaces: whether it is
/// pm, and where it ends.
fn meridiem_after(text: &str, i: usize) -> Option<(bool, usize)> {
    let rest = &text[i..];
    let skipped = rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']).len();
    let s = &rest[skipped..];
    let lower: String = s.chars().take(4).collect::<String>().to_ascii_lowercase();
    let (pm, len) = if lower.starts_with("a.m.") {
        (false, 4)
    } else if lower.starts_with("p.m.") {
        (true, 4)
    } else if lower.starts_with("am") {
        (false, 2)
    } else if lower.starts_with("pm") {
        (true, 2)
    } else {
        return None;
    };
    // `am` must end there: not the start of a word (`5:30 amid`).
    if s[len..].starts_with(char::is_alphanumeric) {
        return None;
    }
    Some((pm, i + skipped + len))
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

/// What a unit of measurement measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Quantity {
    /// Metres, miles, inches …
    Length,
    /// Kilograms, pounds …
    Mass,
    /// Litres, gallons …
    Volume,
    /// Hectares, acres …
    Area,
    /// Degrees Celsius or Fahrenheit.
    Temperature,
}

/// A unit of measurement after a number.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct Unit {
    /// An imperial or US unit (miles, pounds, degrees Fahrenheit), not a metric one.
    pub imperial: bool,
    /// What it measures.
    pub quantity: Quantity,
    /// One of it in the metric base unit of its quantity (metre, kilogram, litre, square
    /// metre); unused for temperatures.
    pub size: f64,
}

impl Unit {
    /// An amount in this unit, in the metric base unit of its quantity (degrees Celsius
    /// for a temperature).
    ///
    /// ```
    /// use edalign::lexical::numbers::{extract_numbers, unit_of};
    /// let t = "a sunny 80 degrees";
    /// let n = &extract_numbers(t)[0];
    /// let c = unit_of(t, n).unwrap().to_metric(80.0);
    /// assert!((c - 26.7).abs() < 0.1);
    /// ```
    pub fn to_metric(&self, amount: f64) -> f64 {
        match (self.quantity, self.imperial) {
            (Quantity::Temperature, true) => (amount - 32.0) * 5.0 / 9.0,
            (Quantity::Temperature, false) => amount,
            _ => amount * self.size,
        }
    }
}

/// Whether a unit of measurement follows the number at `n` in `text`, and whether it is an
pub fn unit_after(text: &str, n: &Number) -> Option<bool> {
    unit_of(text, n).map(|u| u.imperial)
}

/// The unit of measurement that follows the number at `n` in `text` (or stands before it,
/// as in `6-foot-6`), if any: `200 miles`, `322 км`, `1 to 2 inches` (a range takes the
/// unit of its end).
pub fn unit_of(text: &str, n: &Number) -> Option<Unit> {
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
        return crate::lexical::unit(&prev);
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
            return unit_of(rest, &next);
        }
        return None;
    }
    // A range: "1 to 2 inches", "від 2,54 до 5,08 см": the unit of the range's end.
    if ["to", "and", "or", "до", "і", "и", "або", "или", "й"].contains(&word.as_str()) {
        let after = rest[word.len()..].trim_start();
        if after.starts_with(|c: char| c.is_ascii_digit())
            && let Some(next) = extract_numbers(after).into_iter().next()
        {
            return unit_of(after, &next);
        }
        return None;
    }
    let mut unit = crate::lexical::unit(&word)?;
    let after = rest[word.len()..]
        .trim_start_matches(['.', ' ', '\u{a0}'])
        .to_lowercase();
    // Pounds sterling are money, not weight (`120 млн фунтів стерлінгів`).
    if (word.starts_with("фунт") || word.starts_with("pound"))
        && (after.starts_with("стерл") || after.starts_with("sterl"))
    {
        return None;
    }
    // `30 degrees Celsius`, `30 degrees C`.
    if unit.quantity == Quantity::Temperature
        && (after.starts_with("celsius") || after == "c" || after.starts_with("c "))
    {
        unit.imperial = false;
    }
    // `2012 г.` is the year 2012 (`год`), not grams.
    let year = n
        .value
        .parse::<u32>()
        .is_ok_and(|y| (1000..=2100).contains(&y));
    if year && (word == "г" || word == "гг") {
        return None;
    }
    Some(unit)
}

/// Small numbers written as words (`two`, `двоє`, `три`), so that `2` on one side and
/// `two` on the other are not a difference. Returns the values found.
pub fn number_words(text: &str) -> Vec<u32> {
    text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’' || c == 'ʼ'))
        .filter_map(|w| number_word(&w.to_lowercase()))
        .collect()
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
        t!("at 5:30 p.m. and 11 a.m.", ["17:30", "11:00"]);
        t!("at 12:15 AM, 12:15 pm", ["00:15", "12:15"]);
        t!("о 17:30", ["17:30"]);
        t!("at 5:30 amid the noise", ["05:30"]);
        t!("25,000 people and 25 тисяч людей", ["25000", "25000"]);
        t!("зріс на 11.15 відсотка", ["11.15"]);
        t!("ст. 111", ["111"]);
        t!("MiG-29 і Су-27", ["29", "27"]);
        t!("COVID19 and HER2", ["19", "2"]);
        t!("H2O and 3Dprint", []);
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
