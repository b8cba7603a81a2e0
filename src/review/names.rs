//! Names that differ between the linked sentences of a group.
//!
//! A name counts as carried by another edition when it is anywhere in that edition's body:
//! a name in another sentence there is an alignment matter, not a dropped name. (A rule
//! for replaced names, "one edition's own name where the two others share one it lacks",
//! was tried and measured: see docs/accuracy/review.md for why it is not here.)

use super::{Context, Finding, FindingKind, Item, member_texts, warning_if};
use crate::lang::Lang;
use crate::lexical::names::{NameIndex, is_english_word, names};
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
    Some(Finding {
        kind: FindingKind::NameMismatch,
        severity: warning_if(dropped_person(ctx, &items)),
        group: Some(ctx.g),
        locations: ctx
            .present
            .iter()
            .map(|&e| (ctx.loc)(e, ctx.group().members[e].clone()))
            .collect(),
        message: format!("name in one edition only ({})", parts(ctx, &items)),
        items,
    })
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
