//! Saved web pages: the article body, found by rs-trafilatura (a pure-Rust port of
//! trafilatura on html5ever), as plain text a paragraph a block; the page's declared
//! language (`<html lang>`, `og:locale`).

use crate::error::Result;
use crate::lang::Lang;
use encoding_rs::Encoding;

/// The body of a page and what the page declares.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct HtmlText {
    /// The headline and the article body, a paragraph a block (blank lines between).
    pub text: String,
    /// The language the page declares, if uk, en or ru (`<html lang="uk">`,
    /// `<meta property="og:locale" content="ru_RU">`).
    pub declared: Option<Lang>,
}

/// Selectors of the boxes around an article: summaries, related links, share bars,
/// comments, cookie notices, tickers, breadcrumbs, promotions.
const CLUTTER_BOXES: &[&str] = &[
    // Whole class names only: a substring (`share`) is found in the class of the page's
    // wrapper too (`has-share-bar`), and the article would go with it.
    "[class~=summary]",
    "[class~=ai-summary]",
    "[class~=tldr]",
    "[class~=related]",
    "[class~=read-also]",
    "[class~=readalso]",
    "[class~=see-also]",
    "[class~=share]",
    "[class~=social]",
    "[class~=comments]",
    "[id=comments]",
    "[class~=cookie]",
    "[class~=ticker]",
    "[class~=breadcrumbs]",
    "[class~=tags]",
];

/// The article of a page: the headline (its first `<h1>`) and the body's paragraphs, navigation, share bars, related links, comments, scripts
/// and styles left out, entities decoded, white space runs made one space.
///
/// ```
/// use edalign::read::html_text;
/// use edalign::Lang;
/// let page = r#"<!DOCTYPE html><html lang="uk"><head><title>Новини</title></head><body>
///   <nav><a href="/">Головна</a> <a href="/news">Новини</a> UA EN RU</nav>
///   <article><h1>Київ отримав нові автобуси</h1>
///   <p>Місто отримало 28 нових автобусів, повідомили в мерії. Їх випустять на маршрути вже цього тижня.</p>
///   <p>Ще 12 машин надійдуть до кінця року, якщо завод виконає контракт вчасно та без затримок.</p></article>
///   <footer>© 2024 Новини. Усі права захищено.</footer></body></html>"#;
/// let body = html_text(page);
/// assert_eq!(body.declared, Some(Lang::Uk));
/// assert!(body.text.contains("Місто отримало 28 нових автобусів"));
/// assert!(!body.text.contains("Головна") && !body.text.contains("права захищено"));
/// ```
pub fn html_text(page: &str) -> HtmlText {
    let declared = declared_lang(page);
    // Boxes that news sites put around an article and that no extractor knows by their
    // markup alone (a summary box reads like the article itself) go first, by the names
    // sites give them.
    let doc = dom_query::Document::from(page);
    doc.select(&CLUTTER_BOXES.join(", ")).remove();
    let cleaned = doc.html();
    let Ok(result) = rs_trafilatura::extract(&cleaned) else {
        return HtmlText {
            text: String::new(),
            declared,
        };
    };
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut blocks: Vec<String> = result
        .content_text
        .lines()
        .map(one_line)
        .filter(|l| !l.is_empty())
        .collect();
    // The headline is the page's first <h1>. The extractor may leave it out, or run it
    // into the date and view counter that share its box; it stands alone here, and what
    // followed it is a line of its own (the cleaner sets such lines aside).
    let h1 = one_line(&doc.select("h1").first().text());
    if !h1.is_empty() {
        match blocks.iter().position(|b| b.starts_with(&h1)) {
            Some(k) => {
                let rest = blocks[k][h1.len()..].trim().to_string();
                blocks[k] = h1;
                if !rest.is_empty() {
                    blocks.insert(k + 1, rest);
                }
            }
            None => blocks.insert(0, h1),
        }
    }
    HtmlText {
        text: if blocks.is_empty() {
            String::new()
        } else {
            blocks.join("\n\n") + "\n"
        },
        declared,
    }
}

/// Decodes a page: a byte-order mark, else the `charset` its head declares, else as text
/// (UTF-8, or a legacy encoding detected; see [`decode`](super::decode)).
pub(super) fn decode_page(
    name: &str,
    bytes: &[u8],
    forced: Option<&'static Encoding>,
) -> Result<(String, &'static str)> {
    if forced.is_none()
        && Encoding::for_bom(bytes).is_none()
        && let Some(enc) = meta_charset(bytes)
        && enc != encoding_rs::UTF_8
    {
        let (text, _, _) = enc.decode(bytes);
        return Ok((text.into_owned(), enc.name()));
    }
    super::decode(name, bytes, forced)
}

/// The encoding a page's head declares (`<meta charset="windows-1251">`, or the
/// `content="text/html; charset=…"` of an http-equiv meta), in its first 4 KB.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = find(&lower, b"charset=")?;
    let rest = &head[at + b"charset=".len()..];
    let rest = rest
        .strip_prefix(b"\"")
        .or(rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b' ' | b'/'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The language a page declares: `<html lang>`, else `og:locale`.
fn declared_lang(page: &str) -> Option<Lang> {
    let head = &page[..page.len().min(16_384)];
    let lower = head.to_ascii_lowercase();
    let attr_after = |tag_at: usize, attr: &str| -> Option<String> {
        let tag_end = lower[tag_at..].find('>')? + tag_at;
        let tag = &lower[tag_at..tag_end];
        let a = tag.find(&format!("{attr}="))? + attr.len() + 1;
        let v = tag[a..].trim_start_matches(['"', '\'']);
        let end = v.find(['"', '\'', ' ', '>']).unwrap_or(v.len());
        Some(v[..end].to_string())
    };
    let code = |v: &str| {
        let primary = v.split(['-', '_']).next().unwrap_or("");
        Lang::from_code(primary).filter(|l| *l != Lang::Other)
    };
    if let Some(at) = lower.find("<html")
        && let Some(v) = attr_after(at, "lang")
        && let Some(l) = code(&v)
    {
        return Some(l);
    }
    let og = lower
        .find("og:locale\"")
        .or_else(|| lower.find("og:locale'"))?;
    let tag_at = lower[..og].rfind('<')?;
    attr_after(tag_at, "content").and_then(|v| code(&v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_languages() {
        // (page head, declared)
        let cases = [
            (r#"<html lang="uk-UA"><head>"#, Some(Lang::Uk)),
            (r#"<html class="x" lang='ru'>"#, Some(Lang::Ru)),
            (
                r#"<html><head><meta property="og:locale" content="en_GB">"#,
                Some(Lang::En),
            ),
            (r#"<html lang="ua">"#, Some(Lang::Uk)),
            (r#"<html lang="pl">"#, None),
            (r#"<html>"#, None),
        ];
        for (head, want) in cases {
            assert_eq!(declared_lang(head), want, "{head}");
        }
    }

    #[test]
    fn a_declared_charset_decodes_the_page() {
        let (body, _, _) = encoding_rs::WINDOWS_1251.encode("<p>Київ</p>");
        let mut page = br#"<html><head><meta charset="windows-1251"></head><body>"#.to_vec();
        page.extend_from_slice(&body);
        let (text, enc) = decode_page("p.html", &page, None).unwrap();
        assert_eq!(enc, "windows-1251");
        assert!(text.contains("<p>Київ</p>"));
    }
}
