//! The review of an aligned story: coverage per edition and findings on its sentences.
//!
//! Coverage says, for every edition against every other, which sentences have no
//! counterpart. Findings point at problems an editor wants to see: a sentence missing from an
//! edition, a number that differs between linked sentences, text left in another language,
//! a file whose declared language is not what it holds, a link too weak to trust.
//! Every finding carries the spans of the sentences it is about, in every edition involved.

use crate::align::{Group, StoryAlignment};
use crate::lang::Lang;
use crate::model::AnalyzedEdition;
use crate::span::Span;

use crate::lexical::names::{NameIndex, names};
use crate::lexical::numbers::extract_numbers;

mod names;
mod numbers;

pub use crate::model::{
    Coverage, Finding, FindingKind, Item, Location, PairCoverage, ParagraphGap, Review, Severity,
};

/// A detected sentence language counts as a finding only when the detector is this sure and
/// the sentence is long enough to tell.
const FOREIGN_MIN_CONFIDENCE: f64 = 0.7;
const FOREIGN_MIN_CHARS: usize = 25;
/// Links scoring below this are reported as weak.
const WEAK_LINK: f64 = 0.5;
/// Characters of a group's sentences in one edition.
fn group_chars(ed: &AnalyzedEdition, members: &[usize]) -> f64 {
    members
        .iter()
        .map(|&i| ed.sentence_text(i).chars().count())
        .sum::<usize>() as f64
}

/// The median length ratio of linked groups, for every ordered pair of editions: how many
/// characters edition `b` writes for one of edition `a`.
struct LengthRatios {
    n: usize,
    median: Vec<f64>,
}

impl LengthRatios {
    fn new(editions: &[AnalyzedEdition], groups: &[crate::align::Group]) -> LengthRatios {
        let n = editions.len();
        let mut median = vec![1.0; n * n];
        for a in 0..n {
            for b in 0..n {
                let mut r: Vec<f64> = groups
                    .iter()
                    .filter(|g| !g.members[a].is_empty() && !g.members[b].is_empty())
                    .map(|g| {
                        (group_chars(&editions[b], &g.members[b]) + 1.0)
                            / (group_chars(&editions[a], &g.members[a]) + 1.0)
                    })
                    .collect();
                if !r.is_empty() {
                    r.sort_by(f64::total_cmp);
                    median[a * n + b] = r[r.len() / 2];
                }
            }
        }
        LengthRatios { n, median }
    }

    fn get(&self, a: usize, b: usize) -> f64 {
        self.median[a * self.n + b]
    }
}

/// How far a length is from the one expected, in log terms.
fn misfit(actual: f64, expected: f64) -> f64 {
    ((actual + 1.0) / (expected + 1.0)).ln().abs()
}

/// Whether group `g`'s sentences (in the editions `present`, lacking in `absent`) are
/// better explained as part of a neighbouring group (the one before or after it in reading
/// order): a split or merge the aligner left as a gap. In that neighbour, every absent
/// edition's sentences must be as long as the present editions' sentences of both groups
/// together (scaled by the pair's usual ratio), and closer to that than to the neighbour's
/// alone. A sentence dropped from or added to one edition leaves the neighbours' lengths
/// as they were, so it fails this test; a sentence merged into its neighbour passes it.
fn merge_explains(
    editions: &[AnalyzedEdition],
    groups: &[crate::align::Group],
    ratios: &LengthRatios,
    g: usize,
    present: &[usize],
    absent: &[usize],
) -> bool {
    let neighbours = [g.checked_sub(1), (g + 1 < groups.len()).then_some(g + 1)];
    neighbours.into_iter().flatten().any(|h| {
        let nb = &groups[h];
        if absent.iter().any(|&a| nb.members[a].is_empty()) {
            return false;
        }
        let pairs: Vec<(usize, usize)> = present
            .iter()
            .flat_map(|&p| absent.iter().map(move |&a| (p, a)))
            .filter(|&(p, _)| !nb.members[p].is_empty())
            .collect();
        !pairs.is_empty()
            && pairs.iter().all(|&(p, a)| {
                let r = ratios.get(p, a);
                let alone = r * group_chars(&editions[p], &nb.members[p]);
                let merged = alone + r * group_chars(&editions[p], &groups[g].members[p]);
                let actual = group_chars(&editions[a], &nb.members[a]);
                misfit(actual, merged) < misfit(actual, alone)
                    && anchors_carried(
                        &editions[p],
                        &groups[g].members[p],
                        &editions[a],
                        &nb.members[a],
                    )
            })
    })
}

/// Whether the numbers and names of sentences `from` of edition `p` (if they have any)
/// are carried by sentences `into` of edition `a`: at least one of them must be, for the
/// first to have been merged into the second.
fn anchors_carried(
    p: &AnalyzedEdition,
    from: &[usize],
    a: &AnalyzedEdition,
    into: &[usize],
) -> bool {
    let texts = |ed: &AnalyzedEdition, m: &[usize]| -> String {
        m.iter()
            .map(|&i| ed.sentence_text(i))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (src, dst) = (texts(p, from), texts(a, into));
    let numbers: Vec<String> = extract_numbers(&src).into_iter().map(|n| n.value).collect();
    let names: Vec<String> = names(&src).into_iter().map(|n| n.text).collect();
    if numbers.is_empty() && names.is_empty() {
        return true;
    }
    let dst_numbers: Vec<String> = extract_numbers(&dst).into_iter().map(|n| n.value).collect();
    let index = NameIndex::new(&dst);
    // A number is specific to its sentence; a name recurs across a story's sentences (the
    // person a story is about is in every other one), so it counts only without numbers.
    if numbers.is_empty() {
        names.iter().any(|n| index.contains(n))
    } else {
        numbers.iter().any(|v| dst_numbers.contains(v))
    }
}

/// The lowest score of the one-sided beads that leave the group's sentences of a present
/// edition without counterpart in an absent one (1.0 when there is none).
fn unmatched_confidence(
    alignment: &StoryAlignment,
    group: &crate::align::Group,
    present: &[usize],
    absent: &[usize],
) -> f64 {
    let mut sure = 1.0f64;
    for p in &alignment.pairs {
        for (mine, other, src_side) in [(p.src, p.tgt, true), (p.tgt, p.src, false)] {
            if !present.contains(&mine) || !absent.contains(&other) {
                continue;
            }
            for b in &p.alignment.beads {
                let (side, opposite) = if src_side {
                    (&b.src, &b.tgt)
                } else {
                    (&b.tgt, &b.src)
                };
                if opposite.is_empty() && side.clone().any(|i| group.members[mine].contains(&i)) {
                    sure = sure.min(b.score);
                }
            }
        }
    }
    sure
}

/// A sentence only one edition has is a warning when the pairs are at least this sure it
/// has no counterpart (the lowest score of its one-sided beads).
const LONE_SURE: f64 = 0.5;

/// Reviews an aligned story.
pub fn review(
    editions: &[AnalyzedEdition],
    excluded: &[AnalyzedEdition],
    alignment: &StoryAlignment,
) -> Review {
    let loc = |e: usize, sentences: Vec<usize>| {
        let ed = &editions[e];
        Location {
            lang: ed.lang(),
            edition: ed.edition.id.clone(),
            spans: sentences
                .iter()
                .map(|&i| ed.sentences[i].sentence.span)
                .collect(),
            sentences,
        }
    };
    let mut findings = edition_findings(editions, excluded, &loc);
    let n = editions.len();
    let indexes: Vec<NameIndex> = editions
        .iter()
        .map(|ed| {
            let body: Vec<&str> = (0..ed.sentences.len())
                .map(|i| ed.sentence_text(i))
                .collect();
            NameIndex::new(&body.join(" "))
        })
        .collect();
    let ratios = LengthRatios::new(editions, &alignment.groups);
    for (g, group) in alignment.groups.iter().enumerate() {
        let present: Vec<usize> = (0..n).filter(|&e| !group.members[e].is_empty()).collect();
        findings.extend(gap_finding(editions, alignment, &ratios, g, &present, &loc));
        if present.len() >= 2 {
            let ctx = Context {
                editions,
                groups: &alignment.groups,
                g,
                present: &present,
                loc: &loc,
            };
            findings.extend(numbers::findings(&ctx));
            findings.extend(names::finding(&ctx, &indexes));
            findings.extend(unbalanced_finding(editions, g, group, &present, &loc));
            if group.score < WEAK_LINK {
                findings.push(Finding {
                    kind: FindingKind::WeakLink,
                    severity: Severity::Info,
                    group: Some(g),
                    locations: group_locations(&loc, &present, group),
                    items: Vec::new(),
                    message: format!("weak link (score {:.2})", group.score),
                });
            }
        }
        findings.extend(untranslated_findings(editions, g, group, &present, &loc));
    }
    findings.extend(moved_findings(editions, alignment, &loc));
    findings.extend(length_findings(editions, alignment, &loc));
    findings.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.group.cmp(&b.group)));

    let coverage = coverage(editions, alignment);
    Review { coverage, findings }
}

/// Findings about whole editions: a declared language the text does not bear out, an
/// edition in another language that was left out.
fn edition_findings(
    editions: &[AnalyzedEdition],
    excluded: &[AnalyzedEdition],
    loc: &dyn Fn(usize, Vec<usize>) -> Location,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (e, ed) in editions.iter().enumerate() {
        if let Some(declared) = ed.edition.declared.filter(|&d| d != ed.lang()) {
            findings.push(Finding {
                kind: FindingKind::DeclaredMismatch,
                severity: Severity::Warning,
                group: None,
                locations: vec![loc(e, Vec::new())],
                items: Vec::new(),
                message: format!(
                    "{} is labelled {} but its text is {} ({})",
                    ed.edition.id, declared, ed.detection.code, ed.detection.evidence
                ),
            });
        }
    }
    for ed in excluded {
        findings.push(Finding {
            kind: FindingKind::OtherLanguage,
            severity: Severity::Error,
            group: None,
            locations: vec![Location {
                lang: Lang::Other,
                edition: ed.edition.id.clone(),
                sentences: Vec::new(),
                spans: Vec::new(),
            }],
            items: Vec::new(),
            message: format!(
                "{} is in {} (not uk, en or ru) and was not aligned",
                ed.edition.id, ed.detection.code
            ),
        });
    }
    findings
}

/// The gap of group `g`, if some editions lack it: `only_in` for one edition's sentences,
/// `missing` for sentences some editions link and others lack.
fn gap_finding(
    editions: &[AnalyzedEdition],
    alignment: &StoryAlignment,
    ratios: &LengthRatios,
    g: usize,
    present: &[usize],
    loc: &dyn Fn(usize, Vec<usize>) -> Location,
) -> Option<Finding> {
    let n = editions.len();
    let group = &alignment.groups[g];
    let absent: Vec<usize> = (0..n).filter(|&e| group.members[e].is_empty()).collect();
    let langs = |es: &[usize]| {
        es.iter()
            .map(|&e| editions[e].lang().code())
            .collect::<Vec<_>>()
            .join(", ")
    };
    // A sentence without a letter or digit ("—" left by a dialogue dash) is no content
    // an edition can miss.
    let content = present.iter().any(|&e| {
        group.members[e].iter().any(|&i| {
            editions[e]
                .sentence_text(i)
                .chars()
                .any(char::is_alphanumeric)
        })
    });
    if absent.is_empty() || !content || n < 2 {
        return None;
    }
    // Whether the gap is better explained as a split or merge that the aligner did not
    // place: the sentences fit, by length, into a neighbouring group. Otherwise the
    // editions that lack them really do, however unsure one pair's posterior was: the
    // editions that hold them agree on it (see `merge_explains`).
    let merge = merge_explains(editions, &alignment.groups, ratios, g, present, &absent);
    // A sentence that one edition alone has is as often a translator's split that fits
    // no neighbour by length (a wordier translation): it takes the pairs' word too,
    // and is a warning only when both are fairly sure it stands alone. A sentence that
    // two editions link and the third lacks is missing whatever the pairs say.
    let sure = unmatched_confidence(alignment, group, present, &absent);
    let lone_unsure = present.len() == 1 && sure < LONE_SURE;
    let severity = warning_if(!merge && !lone_unsure);
    let unsure = if merge {
        "; it fits a neighbouring sentence by length: a split or merge?".to_string()
    } else if lone_unsure {
        format!("; the aligner is unsure ({sure:.2}): a split or merge?")
    } else {
        String::new()
    };
    Some(if present.len() == 1 {
        let e = present[0];
        Finding {
            kind: FindingKind::OnlyIn,
            severity,
            group: Some(g),
            locations: vec![loc(e, group.members[e].clone())],
            items: Vec::new(),
            message: format!(
                "only in {}: no counterpart in {}{}{unsure}",
                editions[e].lang(),
                langs(&absent),
                whole_paragraphs(&editions[e], &group.members[e])
            ),
        }
    } else {
        Finding {
            kind: FindingKind::Missing,
            severity,
            group: Some(g),
            locations: group_locations(loc, present, group),
            items: Vec::new(),
            message: format!(
                "missing in {}: present in {}{}{unsure}",
                langs(&absent),
                langs(present),
                whole_paragraphs(&editions[present[0]], &group.members[present[0]])
            ),
        }
    })
}

/// Sentences of group `g` in another language than their edition's.
fn untranslated_findings(
    editions: &[AnalyzedEdition],
    g: usize,
    group: &Group,
    present: &[usize],
    loc: &dyn Fn(usize, Vec<usize>) -> Location,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for &e in present {
        for &i in &group.members[e] {
            let s = &editions[e].sentences[i];
            let d = &s.detection;
            let chars = editions[e].sentence_text(i).chars().count();
            if d.lang != editions[e].lang()
                && d.confidence >= FOREIGN_MIN_CONFIDENCE
                && chars >= FOREIGN_MIN_CHARS
            {
                findings.push(Finding {
                    kind: FindingKind::Untranslated,
                    severity: Severity::Warning,
                    group: Some(g),
                    locations: vec![loc(e, vec![i])],
                    items: vec![Item {
                        lang: editions[e].lang(),
                        text: editions[e].sentence_text(i).to_string(),
                        value: d.code.to_string(),
                        span: s.sentence.span,
                    }],
                    message: format!(
                        "sentence in {} inside the {} edition",
                        d.code,
                        editions[e].lang()
                    ),
                });
            }
        }
    }
    findings
}

/// Links that break the order of the others: a passage moved in one edition.
fn moved_findings(
    editions: &[AnalyzedEdition],
    alignment: &StoryAlignment,
    loc: &dyn Fn(usize, Vec<usize>) -> Location,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for pair in &alignment.pairs {
        for b in pair
            .alignment
            .beads
            .iter()
            .filter(|b| b.moved && b.is_link())
        {
            findings.push(Finding {
                kind: FindingKind::Moved,
                severity: Severity::Info,
                group: None,
                locations: vec![
                    loc(pair.src, b.src.clone().collect()),
                    loc(pair.tgt, b.tgt.clone().collect()),
                ],
                items: Vec::new(),
                message: format!(
                    "passage stands in another place in {} than in {}",
                    editions[pair.tgt].lang(),
                    editions[pair.src].lang()
                ),
            });
        }
    }
    findings
}

/// ` (a whole paragraph)` or ` (2 whole paragraphs)` when `members` are all the sentences of
/// one or more paragraphs of the edition, else nothing.
fn whole_paragraphs(ed: &AnalyzedEdition, members: &[usize]) -> String {
    let mut paragraphs: Vec<usize> = members
        .iter()
        .map(|&i| ed.sentences[i].sentence.paragraph)
        .collect();
    paragraphs.dedup();
    let whole = paragraphs.iter().all(|&p| {
        ed.sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.sentence.paragraph == p)
            .all(|(i, _)| members.contains(&i))
    });
    match (whole, paragraphs.len()) {
        (false, _) | (_, 0) => String::new(),
        (true, 1) => " (a whole paragraph)".to_string(),
        (true, n) => format!(" ({n} whole paragraphs)"),
    }
}

/// What the findings of one group need to know.
struct Context<'a> {
    editions: &'a [AnalyzedEdition],
    groups: &'a [Group],
    /// The group's index.
    g: usize,
    /// The editions that have sentences in the group.
    present: &'a [usize],
    loc: &'a dyn Fn(usize, Vec<usize>) -> Location,
}

impl Context<'_> {
    fn group(&self) -> &Group {
        &self.groups[self.g]
    }

    /// The group's sentences in every edition that has some.
    fn locations(&self) -> Vec<Location> {
        group_locations(self.loc, self.present, self.group())
    }
}

/// The sentences of `group` in each of the `present` editions.
fn group_locations(
    loc: &dyn Fn(usize, Vec<usize>) -> Location,
    present: &[usize],
    group: &Group,
) -> Vec<Location> {
    present
        .iter()
        .map(|&e| loc(e, group.members[e].clone()))
        .collect()
}

/// `Warning` when `yes`, else `Info`.
fn warning_if(yes: bool) -> Severity {
    if yes {
        Severity::Warning
    } else {
        Severity::Info
    }
}

/// The text of a group's sentences in edition `e`, with the start of each sentence.
fn member_texts<'a>(ed: &'a AnalyzedEdition, members: &[usize]) -> Vec<(usize, &'a str)> {
    members
        .iter()
        .map(|&i| (ed.sentences[i].sentence.span.start, ed.sentence_text(i)))
        .collect()
}

/// Whether the quotes and brackets of a text open and close (`«Так», – сказав він
/// (двічі).` does, `«Так, – сказав він.` does not; see the tests).
pub(crate) fn balanced(text: &str) -> bool {
    let count = |c: char| text.chars().filter(|&x| x == c).count();
    let low = count('„');
    let (open, close) = if low > 0 {
        (low, count('“') + count('”'))
    } else {
        (count('“'), count('”'))
    };
    count('(') == count(')')
        && count('[') == count(']')
        && count('«') == count('»')
        && open == close
        && count('"') % 2 == 0
}

fn unbalanced_finding(
    editions: &[AnalyzedEdition],
    g: usize,
    group: &crate::align::Group,
    present: &[usize],
    loc: &dyn Fn(usize, Vec<usize>) -> Location,
) -> Option<Finding> {
    let ok: Vec<bool> = present
        .iter()
        .map(|&e| {
            let t: Vec<&str> = group.members[e]
                .iter()
                .map(|&i| editions[e].sentence_text(i))
                .collect();
            balanced(&t.join(" "))
        })
        .collect();
    if ok.iter().all(|&b| b) || ok.iter().all(|&b| !b) {
        return None;
    }
    let bad: Vec<usize> = present
        .iter()
        .zip(&ok)
        .filter(|(_, b)| !**b)
        .map(|(&e, _)| e)
        .collect();
    Some(Finding {
        kind: FindingKind::Unbalanced,
        severity: Severity::Info,
        group: Some(g),
        locations: bad
            .iter()
            .map(|&e| loc(e, group.members[e].clone()))
            .collect(),
        items: Vec::new(),
        message: format!(
            "quotes or brackets do not close in {} (they do in the other editions)",
            bad.iter()
                .map(|&e| editions[e].lang().code())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })
}

/// A link whose length ratio is this many times off the pair's median is reported.
const LENGTH_INFO: f64 = 2.5;
/// … and from this factor on, as a warning (a partial translation).
const LENGTH_WARNING: f64 = 4.0;
/// Shorter links are not judged: their ratios vary too much.
const LENGTH_MIN_CHARS: usize = 40;

/// Groups whose length ratio between two editions is far outside that pair's norm.
fn length_findings(
    editions: &[AnalyzedEdition],
    alignment: &StoryAlignment,
    loc: &dyn Fn(usize, Vec<usize>) -> Location,
) -> Vec<Finding> {
    let chars = |e: usize, m: &[usize]| -> usize {
        m.iter()
            .map(|&i| editions[e].sentence_text(i).chars().count())
            .sum()
    };
    let n = editions.len();
    // (factor, group, a, b) of the worst pair per group.
    let mut worst: Vec<Option<(f64, usize, usize)>> = vec![None; alignment.groups.len()];
    for a in 0..n {
        for b in a + 1..n {
            let ratios: Vec<(usize, f64, usize)> = alignment
                .groups
                .iter()
                .enumerate()
                .filter(|(_, gr)| !gr.members[a].is_empty() && !gr.members[b].is_empty())
                .map(|(g, gr)| {
                    let (la, lb) = (chars(a, &gr.members[a]), chars(b, &gr.members[b]));
                    (g, (lb as f64 + 1.0) / (la as f64 + 1.0), la.max(lb))
                })
                .collect();
            if ratios.len() < 3 {
                continue;
            }
            let mut sorted: Vec<f64> = ratios.iter().map(|r| r.1).collect();
            sorted.sort_by(f64::total_cmp);
            let median = sorted[sorted.len() / 2];
            for (g, r, longest) in ratios {
                if longest < LENGTH_MIN_CHARS {
                    continue;
                }
                let f = (r / median).max(median / r);
                if f >= LENGTH_INFO && worst[g].is_none_or(|w| f > w.0) {
                    worst[g] = Some((f, a, b));
                }
            }
        }
    }
    worst
        .into_iter()
        .enumerate()
        .filter_map(|(g, w)| {
            let (f, a, b) = w?;
            let gr = &alignment.groups[g];
            let (la, lb) = (chars(a, &gr.members[a]), chars(b, &gr.members[b]));
            let short = if la < lb { a } else { b };
            Some(Finding {
                kind: FindingKind::LengthOutlier,
                severity: if f >= LENGTH_WARNING {
                    Severity::Warning
                } else {
                    Severity::Info
                },
                group: Some(g),
                locations: [a, b]
                    .iter()
                    .map(|&e| loc(e, gr.members[e].clone()))
                    .collect(),
                items: Vec::new(),
                message: format!(
                    "{} is {:.1}× shorter than usual against {} ({} vs {} characters): a partial translation?",
                    editions[short].lang(),
                    f,
                    editions[if short == a { b } else { a }].lang(),
                    la.min(lb),
                    la.max(lb)
                ),
            })
        })
        .collect()
}

fn coverage(editions: &[AnalyzedEdition], alignment: &StoryAlignment) -> Vec<Coverage> {
    let chars = |e: usize, i: usize| editions[e].sentence_text(i).chars().count();
    (0..editions.len())
        .map(|e| {
            let ed = &editions[e];
            let total_chars: usize = (0..ed.sentences.len()).map(|i| chars(e, i)).sum();
            let against = (0..editions.len())
                .filter(|&o| o != e)
                .map(|o| {
                    let mut linked = vec![false; ed.sentences.len()];
                    for p in &alignment.pairs {
                        let mine = if p.src == e && p.tgt == o {
                            |b: &crate::align::Bead| (b.src.clone(), b.tgt.is_empty())
                        } else if p.src == o && p.tgt == e {
                            |b: &crate::align::Bead| (b.tgt.clone(), b.src.is_empty())
                        } else {
                            continue;
                        };
                        for b in &p.alignment.beads {
                            let (range, other_empty) = mine(b);
                            if !other_empty {
                                for i in range {
                                    linked[i] = true;
                                }
                            }
                        }
                    }
                    let unmatched: Vec<usize> = (0..linked.len()).filter(|&i| !linked[i]).collect();
                    let moved: Vec<usize> = alignment
                        .pairs
                        .iter()
                        .filter(|p| (p.src, p.tgt) == (e, o) || (p.src, p.tgt) == (o, e))
                        .flat_map(|p| {
                            p.alignment
                                .beads
                                .iter()
                                .filter(|b| b.moved && b.is_link())
                                .flat_map(move |b| {
                                    if p.src == e {
                                        b.src.clone()
                                    } else {
                                        b.tgt.clone()
                                    }
                                })
                        })
                        .collect();
                    let unmatched_paragraphs = paragraph_gaps(ed, &linked);
                    let unmatched_chars: usize = unmatched.iter().map(|&i| chars(e, i)).sum();
                    let share = |part: usize, whole: usize| {
                        if whole == 0 {
                            1.0
                        } else {
                            1.0 - part as f64 / whole as f64
                        }
                    };
                    PairCoverage {
                        against: editions[o].lang(),
                        sentence_share: share(unmatched.len(), linked.len()),
                        char_share: share(unmatched_chars, total_chars),
                        unmatched_spans: unmatched
                            .iter()
                            .map(|&i| ed.sentences[i].sentence.span)
                            .collect(),
                        unmatched,
                        unmatched_paragraphs,
                        moved,
                        unmatched_chars,
                    }
                })
                .collect();
            Coverage {
                lang: ed.lang(),
                edition: ed.edition.id.clone(),
                sentences: ed.sentences.len(),
                chars: total_chars,
                boilerplate: ed.layout.boilerplate.len(),
                against,
            }
        })
        .collect()
}

/// Paragraphs whose sentences are all unlinked.
fn paragraph_gaps(ed: &AnalyzedEdition, linked: &[bool]) -> Vec<ParagraphGap> {
    let mut out: Vec<ParagraphGap> = Vec::new();
    let mut by_para: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (i, s) in ed.sentences.iter().enumerate() {
        by_para.entry(s.sentence.paragraph).or_default().push(i);
    }
    for (p, sentences) in by_para {
        if sentences.iter().all(|&i| !linked[i]) {
            let span = ed
                .layout
                .paragraphs
                .get(p)
                .map(|x| x.span)
                .unwrap_or_else(|| {
                    Span::new(
                        ed.sentences[sentences[0]].sentence.span.start,
                        ed.sentences[*sentences.last().expect("non-empty")]
                            .sentence
                            .span
                            .end,
                    )
                });
            out.push(ParagraphGap {
                paragraph: p,
                sentences,
                span,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::balanced;

    #[test]
    fn quotes_and_brackets_balance() {
        assert!(balanced("«Так», – сказав він (двічі)."));
        assert!(balanced("He said: “Yes” (twice)."));
        assert!(balanced("Він сказав: „Так“."));
        assert!(!balanced("«Так, – сказав він."));
        assert!(!balanced("He said (twice."));
    }
}
