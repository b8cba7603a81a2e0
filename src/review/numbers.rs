//! Numbers and dates that differ between the linked sentences of a group.
//!
//! Three editions are evidence that two do not have: a value that two editions share and
//! the third replaces with a value of its own is a change (a warning that names all three
//! spellings); a value that some editions lack with nothing of their own in its place is
//! as often written out in words there (info).

use super::{Context, Finding, FindingKind, Item, Severity, member_texts};
use crate::lexical::numbers::{
    Number, NumberKind, Quantity, Unit, extract_numbers, number_words, unit_of,
};
use crate::span::Span;
use std::collections::{BTreeMap, BTreeSet};

/// One edition's numbers in a group, and the small numbers written as words.
struct Found {
    nums: Vec<Found1>,
    words: Vec<u32>,
}

/// A number of an edition in a group.
struct Found1 {
    n: Number,
    span: Span,
    unit: Option<Unit>,
    /// What it is compared by: its value, or for a measure converted between unit systems
    /// in this group, the value of the first measure it matches converted.
    key: String,
}

fn found(ctx: &Context, e: usize) -> Found {
    let mut f = Found {
        nums: Vec::new(),
        words: Vec::new(),
    };
    for (off, t) in member_texts(&ctx.editions[e], &ctx.group().members[e]) {
        for n in extract_numbers(t) {
            let span = Span::new(off + n.start, off + n.end);
            let unit = unit_of(t, &n);
            let key = n.value.clone();
            f.nums.push(Found1 { n, span, unit, key });
        }
        f.words.extend(number_words(t));
    }
    f
}

/// How often each value stands in the neighbouring groups (two either side, this one
/// left out) of edition `e`.
fn near(ctx: &Context, e: usize) -> BTreeMap<String, usize> {
    let lo = ctx.g.saturating_sub(2);
    let hi = (ctx.g + 2).min(ctx.groups.len() - 1);
    let mut counts = BTreeMap::new();
    for n in (lo..=hi)
        .filter(|&h| h != ctx.g)
        .flat_map(|h| ctx.groups[h].members[e].iter())
        .flat_map(|&i| extract_numbers(ctx.editions[e].sentence_text(i)))
    {
        *counts.entry(n.value).or_insert(0) += 1;
    }
    counts
}

/// Whether edition `k`'s lack of `v` here is explained by a split or merge placed
/// differently: `k` has `v` in a neighbouring sentence more often than every edition that
/// has it here has it there (`4:1` nearby in every edition explains nothing).
fn moved_nearby(near: &[BTreeMap<String, usize>], has: &[usize], k: usize, v: &str) -> bool {
    let at = |e: usize| near[e].get(v).copied().unwrap_or(0);
    at(k) > has.iter().map(|&h| at(h)).max().unwrap_or(0)
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
    // Measures converted between unit systems (`200 miles` / `322 км`, `80 degrees` /
    // `27 градусів`) are compared converted, with the rounding that a conversion brings.
    let uses = |f: &Found, imperial: bool| {
        f.nums
            .iter()
            .any(|x| x.unit.is_some_and(|u| u.imperial == imperial))
    };
    // Where every edition gives the same systems (none converts, or all give both, as in
    // `30 метрів (100 футів)`), measures are compared as written, like any number.
    let mixed = [true, false].into_iter().any(|imperial| {
        found.iter().any(|f| uses(f, imperial)) && !found.iter().all(|f| uses(f, imperial))
    });
    if mixed {
        key_converted(&mut found);
    }
    let near: Vec<BTreeMap<String, usize>> = ctx.present.iter().map(|&e| near(ctx, e)).collect();
    [
        (FindingKind::NumberMismatch, false),
        (FindingKind::DateMismatch, true),
    ]
    .into_iter()
    .filter_map(|(kind, dates)| finding(ctx, &found, &near, kind, dates))
    .collect()
}

/// Gives the measures of a group one key per amount: two measures of different editions
/// are one when written alike, or when of one quantity and within what rounding a
/// conversion brings (8 %, or 1.5 degrees): `5,08 см` / `2 inches` / `5 см`.
fn key_converted(found: &mut [Found]) {
    /// A measure: edition, index, amount in metric, quantity, value as written, and the
    /// step of its last written digit in metric (`7 см`: 1 cm; `7,62 см`: 0.01 cm).
    struct M<'a> {
        k: usize,
        i: usize,
        metric: f64,
        quantity: Quantity,
        value: &'a str,
        step: f64,
    }
    let mut all: Vec<M> = Vec::new();
    for (k, f) in found.iter().enumerate() {
        for (i, x) in f.nums.iter().enumerate() {
            if let (Some(u), Ok(v)) = (x.unit, x.n.value.parse::<f64>()) {
                let decimals = x.n.value.split_once('.').map_or(0, |(_, d)| d.len());
                let step = 10f64.powi(-(decimals as i32));
                all.push(M {
                    k,
                    i,
                    metric: u.to_metric(v),
                    quantity: u.quantity,
                    value: x.n.value.as_str(),
                    step: (u.to_metric(v + step) - u.to_metric(v)).abs(),
                });
            }
        }
    }
    // Rounding to the last digit written (`7,62` to `7`), or by a few per cent.
    let close = |a: &M, b: &M| {
        let d = (a.metric - b.metric).abs();
        a.value == b.value
            || (a.quantity == b.quantity
                && (d < a.step.max(b.step)
                    || if a.quantity == Quantity::Temperature {
                        d <= 1.5
                    } else {
                        d <= 0.08 * a.metric.abs().max(b.metric.abs())
                    }))
    };
    // Union–find over the few measures of a group.
    let mut root: Vec<usize> = (0..all.len()).collect();
    fn find(root: &mut [usize], i: usize) -> usize {
        let mut r = i;
        while root[r] != r {
            r = root[r];
        }
        root[i] = r;
        r
    }
    for a in 0..all.len() {
        for b in a + 1..all.len() {
            if all[a].k != all[b].k && close(&all[a], &all[b]) {
                let (ra, rb) = (find(&mut root, a), find(&mut root, b));
                root[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let keys: Vec<(usize, usize, String)> = (0..all.len())
        .map(|a| {
            let r = find(&mut root, a);
            (all[a].k, all[a].i, all[r].value.to_string())
        })
        .collect();
    for (k, i, key) in keys {
        found[k].nums[i].key = key;
    }
}

/// Values that each edition writes more often than any other edition, and that those
/// lacking them do not have nearby either: an edition's own values, in place of others'.
fn own_values<'a>(
    values: &Values<'a>,
    all: &BTreeSet<&'a str>,
    near: &[BTreeMap<String, usize>],
) -> Vec<BTreeSet<&'a str>> {
    let k_all = 0..values.counts.len();
    k_all
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
                    let has: Vec<usize> = k_all.clone().filter(|&o| values.carries(o, v)).collect();
                    let mut lacking = others.filter(|&o| !values.carries(o, v)).peekable();
                    // Written more often than the others write it (`30 … 30` for `38 … 30`),
                    // or lacking in an edition that has not moved it nearby either.
                    values.count(k, v) > most
                        && (lacking.peek().is_none()
                            || lacking.any(|o| !moved_nearby(near, &has, o, v)))
                })
                .collect()
        })
        .collect()
}

/// The finding of one kind (numbers, or dates) in a group, if any value differs.
fn finding(
    ctx: &Context,
    found: &[Found],
    near: &[BTreeMap<String, usize>],
    kind: FindingKind,
    dates: bool,
) -> Option<Finding> {
    let is_mine = |n: &Number| (n.kind == NumberKind::Date) == dates;
    let values = Values {
        counts: found
            .iter()
            .map(|f| {
                let mut c = BTreeMap::new();
                for x in f.nums.iter().filter(|x| is_mine(&x.n)) {
                    *c.entry(x.key.as_str()).or_insert(0) += 1;
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
    let own = own_values(&values, &all, near);
    let mut differing: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &v in &all {
        let has: Vec<usize> = k_all.clone().filter(|&k| values.carries(k, v)).collect();
        // A value an edition lacks here but has in a neighbouring sentence was split or
        // merged differently there, unless that edition has a value of its own here.
        let lacking_nearby = k_all
            .clone()
            .filter(|k| !has.contains(k))
            .all(|k| moved_nearby(near, &has, k, v) && own[k].is_empty());
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
    Some(Finding {
        kind,
        severity: if changed {
            Severity::Warning
        } else {
            Severity::Info
        },
        group: Some(ctx.g),
        locations: ctx.locations(),
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
        for Found1 { n, span, key, .. } in &found[k].nums {
            let v = key.as_str();
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
