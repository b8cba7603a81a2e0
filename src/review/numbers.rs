//! Numbers and dates that differ between the linked sentences of a group.
//!
//! Three editions are evidence that two do not have: a value that two editions share and
//! the third replaces with a value of its own is a change (a warning that names all three
//! spellings); a value that some editions lack with nothing of their own in its place is
//! as often written out in words there (info).

use super::{Context, Finding, FindingKind, Item, Severity, member_texts};
use crate::lexical::numbers::{Number, NumberKind, extract_numbers, number_words, unit_after};
use crate::span::Span;
use std::collections::{BTreeMap, BTreeSet};

/// One edition's numbers in a group: each with its span and unit system (`Some(true)`
/// imperial, `Some(false)` metric), and the small numbers written as words.
struct Found {
    nums: Vec<(Number, Span, Option<bool>)>,
    words: Vec<u32>,
}

fn found(ctx: &Context, e: usize) -> Found {
    let mut f = Found {
        nums: Vec::new(),
        words: Vec::new(),
    };
    for (off, t) in member_texts(&ctx.editions[e], &ctx.group().members[e]) {
        for n in extract_numbers(t) {
            let span = Span::new(off + n.start, off + n.end);
            let unit = unit_after(t, &n);
            f.nums.push((n, span, unit));
        }
        f.words.extend(number_words(t));
    }
    f
}

/// The values of the neighbouring groups (two either side) of edition `e`: a value that
/// sits in a neighbouring sentence there was split or merged differently, not changed.
fn near(ctx: &Context, e: usize) -> BTreeSet<String> {
    let lo = ctx.g.saturating_sub(2);
    let hi = (ctx.g + 2).min(ctx.groups.len() - 1);
    (lo..=hi)
        .flat_map(|h| ctx.groups[h].members[e].iter())
        .flat_map(|&i| extract_numbers(ctx.editions[e].sentence_text(i)))
        .map(|n| n.value)
        .collect()
}

/// Whether two amounts are one year written in full and by its last two digits
/// (`1930` and `30`, as in `the 1930s` / `30-е годы`).
fn same_year(a: &str, b: &str) -> bool {
    let (Ok(x), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>()) else {
        return false;
    };
    let (year, tail) = if x > y { (x, y) } else { (y, x) };
    (1000..=2100).contains(&year) && tail < 100 && year % 100 == tail && a.len() != b.len()
}

/// The values of one kind (dates, or every other number) in each present edition, as
/// counts, with what makes an edition carry a value it does not write in digits.
struct Values<'a> {
    counts: Vec<BTreeMap<&'a str, usize>>,
    words: Vec<&'a [u32]>,
    dates: bool,
}

impl Values<'_> {
    /// Whether edition `k` carries `v`: in digits, in words (`two`), or as a year's last
    /// two digits.
    fn carries(&self, k: usize, v: &str) -> bool {
        self.counts[k].contains_key(v)
            || (!self.dates
                && v.parse::<u32>().is_ok_and(|x| {
                    ((1..=12).contains(&x) && self.words[k].contains(&x))
                        || self.counts[k].keys().any(|w| same_year(v, w))
                }))
    }

    /// How many times edition `k` carries `v` (once for a value carried in words or as a
    /// year's tail).
    fn count(&self, k: usize, v: &str) -> usize {
        match self.counts[k].get(v) {
            Some(&c) => c,
            None => usize::from(self.carries(k, v)),
        }
    }
}

/// Numbers and dates that differ between the linked sentences of a group.
pub(super) fn findings(ctx: &Context) -> Vec<Finding> {
    let mut found: Vec<Found> = ctx.present.iter().map(|&e| found(ctx, e)).collect();
    // Measures converted between unit systems differ by design (`200 miles` / `322 км`):
    // when one edition measures in imperial units and another in metric ones here, the
    // measured numbers of every edition are left out.
    let systems = |want: bool| {
        found
            .iter()
            .any(|f| f.nums.iter().any(|(_, _, u)| *u == Some(want)))
    };
    if systems(true) && systems(false) {
        for f in &mut found {
            f.nums.retain(|(_, _, u)| u.is_none());
        }
    }
    let near: Vec<BTreeSet<String>> = ctx.present.iter().map(|&e| near(ctx, e)).collect();
    [
        (FindingKind::NumberMismatch, false),
        (FindingKind::DateMismatch, true),
    ]
    .into_iter()
    .filter_map(|(kind, dates)| finding(ctx, &found, &near, kind, dates))
    .collect()
}

/// The finding of one kind (numbers, or dates) in a group, if any value differs.
fn finding(
    ctx: &Context,
    found: &[Found],
    near: &[BTreeSet<String>],
    kind: FindingKind,
    dates: bool,
) -> Option<Finding> {
    let is_mine = |n: &Number| (n.kind == NumberKind::Date) == dates;
    let values = Values {
        counts: found
            .iter()
            .map(|f| {
                let mut c = BTreeMap::new();
                for (n, _, _) in f.nums.iter().filter(|(n, _, _)| is_mine(n)) {
                    *c.entry(n.value.as_str()).or_insert(0) += 1;
                }
                c
            })
            .collect(),
        words: found.iter().map(|f| f.words.as_slice()).collect(),
        dates,
    };
    let k_all = 0..ctx.present.len();
    let all: BTreeSet<&str> = values
        .counts
        .iter()
        .flat_map(|c| c.keys().copied())
        .collect();
    // Values that edition k writes more often than any other edition, and that those
    // lacking them do not have nearby either: k's own values, in place of others'.
    let own: Vec<BTreeSet<&str>> = k_all
        .clone()
        .map(|k| {
            all.iter()
                .copied()
                .filter(|v| {
                    let others = k_all.clone().filter(|&o| o != k);
                    let most = others
                        .clone()
                        .map(|o| values.count(o, v))
                        .max()
                        .unwrap_or(0);
                    let mut lacking = others.filter(|&o| !values.carries(o, v)).peekable();
                    // Written more often than the others write it (`30 … 30` for `38 … 30`),
                    // or lacking in an edition that does not have it nearby either.
                    values.count(k, v) > most
                        && (lacking.peek().is_none() || lacking.any(|o| !near[o].contains(*v)))
                })
                .collect()
        })
        .collect();
    let mut differing: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &v in &all {
        let has: Vec<usize> = k_all.clone().filter(|&k| values.carries(k, v)).collect();
        // A value an edition lacks here but has in a neighbouring sentence was split or
        // merged differently there, unless that edition has a value of its own here.
        let lacking_nearby = k_all
            .clone()
            .filter(|k| !has.contains(k))
            .all(|k| near[k].contains(v) && own[k].is_empty());
        if has.len() < ctx.present.len() && !lacking_nearby {
            differing.insert(v, has);
        }
    }
    if differing.is_empty() {
        return None;
    }
    // A value in place of another (28 / 20) is a change; a value some editions lack with
    // nothing of their own in its place is as often written out in words there ("сорока
    // восьми", "a mile" / "1,6 км"): worth knowing, not a warning.
    let changed = k_all.clone().any(|k| {
        let lacks = differing.values().any(|has| !has.contains(&k));
        lacks && !own[k].is_empty()
    });
    let items = items(ctx, found, &is_mine, &differing, &own);
    let parts: Vec<String> = ctx
        .present
        .iter()
        .map(|&e| {
            let lang = ctx.editions[e].lang();
            let mut seen: Vec<&str> = Vec::new();
            for it in items.iter().filter(|it| it.lang == lang) {
                if !seen.contains(&it.text.as_str()) {
                    seen.push(&it.text);
                }
            }
            let seen = if seen.is_empty() {
                "—".to_string()
            } else {
                seen.join(", ")
            };
            format!("{lang}: {seen}")
        })
        .collect();
    let group = ctx.group();
    Some(Finding {
        kind,
        severity: if changed {
            Severity::Warning
        } else {
            Severity::Info
        },
        group: Some(ctx.g),
        locations: ctx
            .present
            .iter()
            .map(|&e| (ctx.loc)(e, group.members[e].clone()))
            .collect(),
        items,
        message: format!(
            "{} {} ({})",
            if dates { "dates" } else { "numbers" },
            if changed {
                "differ"
            } else {
                "missing in some editions (written in words there?)"
            },
            parts.join("; ")
        ),
    })
}

/// The items of a number finding: every differing value and every value of an edition's
/// own, as written, in every present edition.
fn items(
    ctx: &Context,
    found: &[Found],
    is_mine: &dyn Fn(&Number) -> bool,
    differing: &BTreeMap<&str, Vec<usize>>,
    own: &[BTreeSet<&str>],
) -> Vec<Item> {
    let mut items = Vec::new();
    for (k, &e) in ctx.present.iter().enumerate() {
        let ed = &ctx.editions[e];
        for (n, span, _) in &found[k].nums {
            let v = n.value.as_str();
            if is_mine(n) && (differing.contains_key(v) || own[k].contains(v)) {
                items.push(Item {
                    lang: ed.lang(),
                    text: span.slice(&ed.edition.text).to_string(),
                    value: n.value.clone(),
                    span: *span,
                });
            }
        }
    }
    items
}
