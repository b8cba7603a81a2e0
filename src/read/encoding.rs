//! Character encodings: UTF-8 (with or without a byte-order mark), UTF-16 with one, and
//! the legacy encodings of Ukrainian and Russian sites when the bytes are not UTF-8.

use crate::error::{Error, ErrorKind, Position, Result};
use crate::span::line_of;
use encoding_rs::Encoding;

/// Legacy encodings taken when the bytes are not UTF-8: the Cyrillic ones of Ukrainian and
/// Russian sites and the Western one of English sites. chardetng guesses among all it
/// knows; a guess outside these is not trusted.
const LEGACY: &[&Encoding] = &[
    encoding_rs::WINDOWS_1251,
    encoding_rs::KOI8_U,
    encoding_rs::KOI8_R,
    encoding_rs::IBM866,
    encoding_rs::ISO_8859_5,
    encoding_rs::WINDOWS_1252,
];

/// Non-ASCII bytes a text needs before it is taken for a legacy encoding rather than
/// broken UTF-8: a stray byte in a UTF-8 file is an error, not a one-letter Cyrillic text.
const LEGACY_MIN_BYTES: usize = 8;

/// Decodes the bytes of a text file: `forced` if given, else a byte-order mark (UTF-8,
/// UTF-16LE/BE), else UTF-8 when the bytes are valid UTF-8, else the legacy encoding
/// chardetng finds (Windows-1251, KOI8-U …). Bytes that are broken UTF-8 (valid UTF-8
/// sequences with a bad byte among them, or too few non-ASCII bytes to tell an encoding)
/// give [`ErrorKind::InvalidUtf8`] naming the byte and its line. Returns the text and the
/// encoding's name. A UTF-8 byte-order mark is kept in the text (spans stay byte offsets
/// into the file); a UTF-16 one is not (the text is UTF-8 now).
///
/// ```
/// use edalign::read::decode;
/// let (bytes, _, _) = encoding_rs::KOI8_U.encode("Україна та Естонія підпишуть угоду.");
/// assert_eq!(decode("a.txt", &bytes, None).unwrap(), ("Україна та Естонія підпишуть угоду.".to_string(), "KOI8-U"));
/// let mut utf16 = vec![0xFF, 0xFE];
/// utf16.extend("Київ".encode_utf16().flat_map(u16::to_le_bytes));
/// assert_eq!(decode("b.txt", &utf16, None).unwrap(), ("Київ".to_string(), "UTF-16LE"));
/// assert_eq!(decode("c.txt", b"ok\n\xff", None).unwrap_err().to_string(), "c.txt: invalid UTF-8 at byte 3 (line 2)");
/// ```
pub fn decode(
    name: &str,
    bytes: &[u8],
    forced: Option<&'static Encoding>,
) -> Result<(String, &'static str)> {
    if let Some(enc) = forced {
        let (text, _, _) = enc.decode(bytes);
        return Ok((text.into_owned(), enc.name()));
    }
    if let Some((enc, bom)) = Encoding::for_bom(bytes)
        && enc != encoding_rs::UTF_8
    {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(Error::parse(
                Position {
                    source: Some(name.to_string()),
                    line: None,
                    byte: None,
                },
                format!("invalid {} (an unpaired surrogate)", enc.name()),
            ));
        }
        return Ok((text.into_owned(), enc.name()));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), "UTF-8")),
        Err(e) => {
            if let Some(enc) = legacy(bytes) {
                let (text, _, _) = enc.decode(bytes);
                return Ok((text.into_owned(), enc.name()));
            }
            let byte = e.valid_up_to();
            Err(Error::new(ErrorKind::InvalidUtf8 {
                pos: Position {
                    source: Some(name.to_string()),
                    line: Some(line_of(bytes, byte)),
                    byte: Some(byte as u64),
                },
            }))
        }
    }
}

/// The legacy encoding of bytes that are not UTF-8, if they look like one: few valid UTF-8
/// sequences of two bytes or more among them (a file with many is broken UTF-8), enough
/// non-ASCII bytes to tell, and chardetng's guess one of [`LEGACY`].
fn legacy(bytes: &[u8]) -> Option<&'static Encoding> {
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    if non_ascii < LEGACY_MIN_BYTES || bytes.contains(&0) {
        return None;
    }
    // Legacy Cyrillic text makes a valid UTF-8 pair now and then by chance (cp1251 `Сі` is
    // the bytes of `ѳ`); broken UTF-8 is mostly valid sequences with a bad byte or two.
    let lossy = String::from_utf8_lossy(bytes);
    let bad = lossy
        .chars()
        .filter(|&c| c == char::REPLACEMENT_CHARACTER)
        .count();
    let good = lossy
        .chars()
        .filter(|&c| !c.is_ascii() && c != char::REPLACEMENT_CHARACTER)
        .count();
    if good * 4 >= bad {
        return None;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    LEGACY.contains(&guess).then_some(guess)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_told_apart() {
        let uk =
            "Київ отримав нові автобуси, а Львів - трамваї. Україна та Естонія підпишуть угоду.";
        let ru = "Киев получил новые автобусы, а Львов - трамваи. Украина и Эстония подпишут соглашение.";
        // (text, encoding)
        let cases: &[(&str, &'static Encoding)] = &[
            (uk, encoding_rs::WINDOWS_1251),
            (ru, encoding_rs::WINDOWS_1251),
            (uk, encoding_rs::KOI8_U),
            (ru, encoding_rs::KOI8_U),
        ];
        for &(text, enc) in cases {
            let (bytes, _, _) = enc.encode(text);
            let (got, name) = decode("t.txt", &bytes, None).unwrap();
            assert_eq!(got, text, "{}", enc.name());
            // KOI8-R and KOI8-U spell Russian alike; either name is right for it.
            assert!(
                name == enc.name() || (enc == encoding_rs::KOI8_U && name == "KOI8-R"),
                "{} read as {name}",
                enc.name()
            );
        }
    }

    #[test]
    fn byte_order_marks_decide() {
        let mut be = vec![0xFE, 0xFF];
        be.extend("Київ".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode("t", &be, None).unwrap(), ("Київ".into(), "UTF-16BE"));
        let with_bom = b"\xEF\xBB\xBFKyiv".to_vec();
        assert_eq!(
            decode("t", &with_bom, None).unwrap(),
            ("\u{FEFF}Kyiv".into(), "UTF-8")
        );
    }

    #[test]
    fn broken_utf8_is_an_error_not_a_legacy_text() {
        // Valid Cyrillic UTF-8 with one bad byte.
        let mut bytes = "Київ отримав автобуси".as_bytes().to_vec();
        bytes.push(0xFF);
        assert!(decode("t", &bytes, None).is_err());
        // One stray byte is too little to tell an encoding.
        assert!(decode("t", b"Second \xff", None).is_err());
    }

    #[test]
    fn a_forced_encoding_is_used() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Київ");
        let got = decode("t", &bytes, Some(encoding_rs::WINDOWS_1251)).unwrap();
        assert_eq!(got, ("Київ".into(), "windows-1251"));
    }
}
