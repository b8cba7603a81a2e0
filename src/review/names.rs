//! Names that differ between the linked sentences of a group.
//!
//! A name counts as carried by another edition when it is anywhere in that edition's body:
//! a name in another sentence there is an alignment matter, not a dropped name. With three
//! editions, a name one edition has where the two others share another is a replacement
//! (warning, with the three spellings); so is a surname-like word (no dictionary, no
//! place, not a compound or a misspelling of English words) that neither other edition
//! spells in any way, since a translation transliterates a surname rather than drops it.
//! Otherwise a name in one edition only is info, unless it is a person's full name.

use super::{Context, Finding, FindingKind, Item, Severity, member_texts, warning_if};
use crate::lang::Lang;
use crate::lexical::names::{
    NameIndex, english_made, in_english_dictionary, is_english_word, names, same_name, sounds_like,
};
use crate::span::Span;

/// Names of edition `present[k]` in the group that no other present edition carries
/// anywhere in its body.
fn unmatched(ctx: &Context, indexes: &[NameIndex], k: usize) -> Vec<Item> {
    let e = ctx.present[k];
    let ed = &ctx.editions[e];
    let mut items = Vec::new();
    for (off, t) in member_texts(ed, &ctx.group().members[e]) {
        for n in names(t) {
            let elsewhere = ctx
                .present
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .any(|(_, &o)| indexes[o].contains(&n.text));
            if !elsewhere {
                items.push(Item {
                    lang: ed.lang(),
                    text: n.text.clone(),
                    value: n.text.clone(),
                    span: Span::new(off + n.start, off + n.end),
                });
            }
        }
    }
    items
}

/// The name finding of a group, if an edition has names the others do not carry
/// (`indexes` hold every word of each edition).
pub(super) fn finding(ctx: &Context, indexes: &[NameIndex]) -> Option<Finding> {
    let items: Vec<Item> = (0..ctx.present.len())
        .flat_map(|k| unmatched(ctx, indexes, k))
        .collect();
    if items.is_empty() {
        return None;
    }
    // A person's full name in one edition only is a warning as it stands, and says more
    // than the one word the replacement rules would name.
    let person = dropped_person(ctx, &items);
    if let Some(replaced) = replaced(ctx, indexes, !person) {
        return Some(replaced);
    }
    Some(Finding {
        kind: FindingKind::NameMismatch,
        severity: warning_if(person),
        group: Some(ctx.g),
        locations: ctx.locations(),
        message: format!("name in one edition only ({})", parts(ctx, &items)),
        items,
    })
}

/// A word of a group's sentence and its span in the edition.
struct Word<'a> {
    span: Span,
    text: &'a str,
}

/// The words (two letters or more) of a group's sentences in edition `e`. Hyphenated
/// names split (`Сан-Дієго`), so that each part meets its counterpart.
fn group_words<'a>(ctx: &Context<'a>, e: usize) -> Vec<Word<'a>> {
    let ed = &ctx.editions[e];
    let mut out = Vec::new();
    for (off, t) in member_texts(ed, &ctx.group().members[e]) {
        for w in t.split(|c: char| !c.is_alphanumeric() && !matches!(c, '\'' | '’' | 'ʼ')) {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if w.chars().count() >= 2 {
                let start = off + (w.as_ptr() as usize - t.as_ptr() as usize);
                out.push(Word {
                    span: Span::new(start, start + w.len()),
                    text: w,
                });
            }
        }
    }
    out
}

/// Whether the word is written Like This (one capital, then lower case).
fn title_case(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
        && cs.clone().all(|c| !c.is_uppercase())
        && cs.any(char::is_lowercase)
}

/// A replaced name: edition `k` has a name no dictionary knows and no other edition
/// carries, and the other present editions share a name that `k` lacks. Needs three
/// editions: with two, "mine against yours" cannot tell a replacement from a free
/// translation. Reported at warning with the three spellings. Failing that and with
/// `lone_ok`, a surname-like word of `k` that no other edition spells in any way.
fn replaced(ctx: &Context, indexes: &[NameIndex], lone_ok: bool) -> Option<Finding> {
    if ctx.present.len() < 3 {
        return None;
    }
    let words: Vec<Vec<Word>> = ctx.present.iter().map(|&e| group_words(ctx, e)).collect();
    // An edition's own name with nothing like it in the others, when no other edition's
    // name is missing from it: still a replacement or an addition, since a translation
    // transliterates a surname rather than drops it; reported if nothing better is.
    let mut lone: Option<Vec<Item>> = None;
    for k in 0..ctx.present.len() {
        let own = own_names(ctx, indexes, &words, k);
        if own.is_empty() {
            continue;
        }
        let others: Vec<usize> = (0..ctx.present.len()).filter(|&j| j != k).collect();
        // A name of the first other edition that every other one carries and `k` has
        // nothing like. A hyphenated name (`Сан-Дієго`, `Сент-Джонстон`) is carried by its
        // parts and like `k`'s words by its longest part. (Counting, "`k` has it fewer
        // times", was tried: a translation that says "he" for a repeated name is common.)
        let first = ctx.present[others[0]];
        let ed = &ctx.editions[first];
        let shared = member_texts(ed, &ctx.group().members[first])
            .into_iter()
            .flat_map(|(off, t)| names(t).into_iter().map(move |n| (off, n)))
            .find(|(_, n)| {
                let parts: Vec<&str> = n.text.split('-').filter(|p| !p.is_empty()).collect();
                let longest = parts.iter().copied().max_by_key(|p| p.chars().count());
                let Some(longest) = longest else { return false };
                let in_k = words[k]
                    .iter()
                    .any(|w| sounds_like(longest, w.text) || same_name(longest, w.text));
                !in_k
                    && others[1..].iter().all(|&j| {
                        words[j]
                            .iter()
                            .any(|w| parts.iter().any(|p| same_name(p, w.text)))
                    })
            });
        let Some((off, name)) = shared else {
            if lone_ok && lone.is_none() {
                lone = Some(own);
            }
            continue;
        };
        let mut found = own;
        found.push(Item {
            lang: ed.lang(),
            text: name.text.clone(),
            value: name.text.clone(),
            span: Span::new(off + name.start, off + name.end),
        });
        let pieces: Vec<&str> = name.text.split('-').filter(|p| !p.is_empty()).collect();
        for &j in &others[1..] {
            if let Some(w) = words[j]
                .iter()
                .find(|w| pieces.iter().any(|p| same_name(p, w.text)))
            {
                found.push(Item {
                    lang: ctx.editions[ctx.present[j]].lang(),
                    text: w.text.to_string(),
                    value: w.text.to_string(),
                    span: w.span,
                });
            }
        }
        return Some(warning(
            ctx,
            format!("name differs ({})", parts(ctx, &found)),
            found,
        ));
    }
    lone.map(|own| {
        let message = format!(
            "name in one edition only, with no spelling of it in the others ({})",
            parts(ctx, &own)
        );
        warning(ctx, message, own)
    })
}

/// A name warning on the group, about these items.
fn warning(ctx: &Context, message: String, items: Vec<Item>) -> Finding {
    Finding {
        kind: FindingKind::NameMismatch,
        severity: Severity::Warning,
        group: Some(ctx.g),
        locations: ctx.locations(),
        message,
        items,
    }
}

/// The names of edition `present[k]` in the group that could stand for another: in Latin
/// script, five letters or more, in no dictionary, no place, carried by no other edition
/// anywhere and like no word of some other edition's sentences. Any position counts: a
/// word no dictionary knows is a name even where every word is capitalised (an opening
/// word, a title-case headline).
fn own_names(ctx: &Context, indexes: &[NameIndex], words: &[Vec<Word>], k: usize) -> Vec<Item> {
    let lang = ctx.editions[ctx.present[k]].lang();
    let mut out: Vec<Item> = Vec::new();
    for w in &words[k] {
        let bare = strip_possessive(w.text);
        let surname_like = w.text.is_ascii()
            && bare.len() >= 5
            && title_case(w.text)
            && !in_english_dictionary(w.text)
            && !english_made(w.text)
            && crate::lexical::places::place(&bare.to_lowercase()).is_none();
        if !surname_like || out.iter().any(|it| it.text == w.text) {
            continue;
        }
        let others = || (0..ctx.present.len()).filter(|&j| j != k);
        let elsewhere = others().any(|j| indexes[ctx.present[j]].contains(w.text));
        let spelled = others().all(|j| words[j].iter().any(|o| sounds_like(w.text, o.text)));
        if !elsewhere && !spelled {
            out.push(Item {
                lang,
                text: w.text.to_string(),
                value: w.text.to_string(),
                span: w.span,
            });
        }
    }
    out
}

/// A word without an English possessive.
fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// `uk: Name Name; en: Name`, edition by edition.
fn parts(ctx: &Context, items: &[Item]) -> String {
    ctx.present
        .iter()
        .filter_map(|&e| {
            let lang = ctx.editions[e].lang();
            let mine: Vec<&str> = items
                .iter()
                .filter(|it| it.lang == lang)
                .map(|it| it.text.as_str())
                .collect();
            (!mine.is_empty()).then(|| format!("{lang}: {}", mine.join(" ")))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Whether the unmatched names look like a person's name dropped or added: a run of two
/// or more unmatched capitalised words that are not common English words ("Helena
/// Saar"), in one edition only. A single word is as often a translated place or
/// institution; when several editions have names the others lack, they most likely
/// translated a place or institution each in their own way ("White House", "Білий дім").
fn dropped_person(ctx: &Context, items: &[Item]) -> bool {
    let carriers: std::collections::BTreeSet<Lang> = items.iter().map(|it| it.lang).collect();
    carriers.len() == 1
        && items.windows(2).any(|w| {
            w[0].lang == w[1].lang
                && !(is_english_word(&w[0].text) || is_english_word(&w[1].text))
                && {
                    let e = ctx
                        .present
                        .iter()
                        .find(|&&e| ctx.editions[e].lang() == w[0].lang)
                        .expect("an item's edition is present");
                    let text = &ctx.editions[*e].edition.text;
                    w[0].span.end <= w[1].span.start
                        && text[w[0].span.end..w[1].span.start]
                            .chars()
                            .all(char::is_whitespace)
                }
        })
}
