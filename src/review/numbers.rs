//! Numbers in a sentence, normalised so that editions can be compared:
//! `1,5` and `1.5` are the same number, `28 000`, `28,000` and `28000` too, and the
//! suffix of an ordinal (`24-го`, `24th`) is dropped.

use serde::Serialize;
use std::fmt;

/// A number as written, normalised: digits with at most one decimal point.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Number(pub String);

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Extracts the numbers written with digits in `text`.
///
/// ```
/// use edalign::review::extract_numbers;
/// let n: Vec<String> = extract_numbers("1,5 млрд грн і 28 000 осіб 24-го числа")
///     .into_iter().map(|n| n.0).collect();
/// assert_eq!(n, ["1.5", "28000", "24"]);
/// assert_eq!(extract_numbers("1.5 billion and 28,000 people on the 24th")
///     .into_iter().map(|n| n.0).collect::<Vec<_>>(), ["1.5", "28000", "24"]);
/// ```
pub fn extract_numbers(text: &str) -> Vec<Number> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // A run of digit groups joined by separators: "28 000", "28,000", "1.5", "1,5".
        let mut groups: Vec<(usize, usize)> = Vec::new();
        let mut seps: Vec<u8> = Vec::new();
        loop {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            groups.push((start, i));
            let sep_len = if text[i..].starts_with('\u{a0}') || text[i..].starts_with('\u{202f}') {
                text[i..].chars().next().map_or(1, char::len_utf8)
            } else {
                1
            };
            if i + sep_len < b.len()
                && matches!(b[i], b',' | b'.' | b' ' | 0xC2 | 0xE2)
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
        out.push(Number(value));
    }
    out
}

/// "28,000" is 28000, but "1,500" is ambiguous; a leading group of one to three digits
/// followed by exactly three is read as thousands only when the first group is not zero.
fn is_thousands_context(first: &str) -> bool {
    first.len() <= 3 && !first.starts_with('0')
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($text:expr, [$($n:expr),*]) => {
            let got: Vec<String> = extract_numbers($text).into_iter().map(|n| n.0).collect();
            let want: Vec<&str> = vec![$($n),*];
            assert_eq!(got, want, "text: {}", $text);
        };
    }

    #[test]
    fn numbers() {
        t!("about 28 countries", ["28"]);
        t!("1,5 млрд", ["1.5"]);
        t!("1.5 billion", ["1.5"]);
        t!("28 000 осіб", ["28000"]);
        t!("28\u{a0}000 осіб", ["28000"]);
        t!("28,000 people", ["28000"]);
        t!("1,234,567", ["1234567"]);
        t!("0,25 %", ["0.25"]);
        t!("26 лютого 2024 року", ["26", "2024"]);
        t!("ст. 111", ["111"]);
        t!("no digits", []);
    }
}
