//! The cost of a bead: a log-likelihood ratio of "these sentences correspond" against
//! "these are two unrelated sentences of the story", from lengths and anchors.
//!
//! * Length: the log ratio of the character lengths, against the pair's ratio estimated
//!   from the story itself; Gaussian for true links, a wide Gaussian for unrelated ones.
//! * Anchors (numbers, names, international words, uk–ru cognates): for every token of
//!   either side, whether the other side holds a matching token. A match is weighed by how
//!   rare it is in the story (`ln p/q` where `q` is the share of the other side's sentences
//!   that hold a match anywhere), a miss by `ln (1-p)/(1-q)`; so a number found in one
//!   sentence of the other edition is strong evidence, and a name the other sentence lacks
//!   counts against the link.
//! * Punctuation: question marks and quotations should agree; one sentence with a
//!   semicolon against two without one is how a translator joins two sentences.
//!
//! Probabilities `p` of a match in a true link start from priors per kind and language
//! pair, and are re-estimated from the confident links of a first pass.

use super::anchors::{self, Anchors, Kind};
use super::lexicon::{self, Lexicon};
use crate::lang::Lang;
use std::collections::HashMap;

/// Probability that a token of a kind finds a match in a true link.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MatchRates {
    /// Numbers.
    pub number: f64,
    /// Names (capitalised words inside a sentence).
    pub name: f64,
    /// Other long words.
    pub word: f64,
}

impl MatchRates {
    /// Priors for a language pair.
    pub fn prior(a: Lang, b: Lang) -> MatchRates {
        let same_script = a.is_cyrillic() == b.is_cyrillic();
        if a == b {
            MatchRates {
                number: 0.95,
                name: 0.9,
                word: 0.85,
            }
        } else if same_script {
            MatchRates {
                number: 0.9,
                name: 0.85,
                word: 0.6,
            }
        } else {
            MatchRates {
                number: 0.9,
                name: 0.8,
                word: 0.5,
            }
        }
    }

    fn of(&self, k: Kind) -> f64 {
        match k {
            Kind::Number => self.number,
            Kind::Name => self.name,
            Kind::Word => self.word,
        }
    }
}

/// The length model of a pair: `ln(len_b / len_a)` is Gaussian around `ln ratio`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LengthModel {
    /// Expected target/source length ratio.
    pub ratio: f64,
    /// Standard deviation of the log ratio for true links.
    pub sigma: f64,
}

/// Extra variance of the log length ratio, divided by the two sides' length in characters.
/// Extra variance of the log length ratio, divided by the two sides' length in characters.
const SHORT_VARIANCE: f64 = 5.0;
/// Standard deviation of the log length ratio of unrelated sentences.
const SIGMA_RANDOM: f64 = 0.8;

/// Per-side data: what the text fixes, shared between the copies of a model (each pair
/// and round refits its own rates, never the text's anchors), and the token values that
/// follow from the current rates.
#[derive(Clone)]
struct SideData {
    fixed: std::sync::Arc<SideFixed>,
    /// For each token of each sentence, its evidence when matched and when missed against
    /// one, two or three sentences: `[hit1, hit2, hit3, miss1, miss2, miss3]`.
    vals: Vec<Vec<[f64; 6]>>,
}

impl std::ops::Deref for SideData {
    type Target = SideFixed;
    fn deref(&self) -> &SideFixed {
        &self.fixed
    }
}

/// Per-side precomputed anchor data.
struct SideFixed {
    anchors: Vec<Anchors>,
    /// For each sentence, the form id of each token.
    form_ids: Vec<Vec<u32>>,
    /// Background match probability of each token of each sentence against the other side.
    q: Vec<Vec<f64>>,
    /// How much cheaper leaving each sentence alone is, from how much it shares its words
    /// with the rest of its edition.
    skip_bonus: Vec<f64>,
    /// For each token of each sentence, the sentences of the other side holding a match
    /// (ascending).
    hits_in: Vec<Vec<Vec<u32>>>,
}

/// The share of each sentence's tokens (numbers aside) that recur, as the same word or a
/// close form, in another sentence of the same edition, smoothed. A sentence from another
/// story shares little with the edition it was put in.
fn coherence(forms: &[(String, Kind)], ids: &[Vec<u32>], sets: &[Vec<u32>]) -> Vec<f64> {
    let self_map = match_forms(forms, forms);
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); forms.len()];
    for (j, s) in sets.iter().enumerate() {
        for &f in s {
            postings[f as usize].push(j as u32);
        }
    }
    ids.iter()
        .enumerate()
        .map(|(i, toks)| {
            let mut n = 0.0;
            let mut hit = 0.0;
            for &f in toks {
                if forms[f as usize].1 == Kind::Number {
                    continue;
                }
                n += 1.0;
                let elsewhere = self_map[f as usize]
                    .iter()
                    .any(|&g| postings[g as usize].iter().any(|&j| j as usize != i));
                if elsewhere {
                    hit += 1.0;
                }
            }
            (hit + 0.5) / (n + 1.0)
        })
        .collect()
}

/// Everything needed to score beads between two sides of one story.
#[derive(Clone)]
pub(crate) struct PairModel {
    a: SideData,
    b: SideData,
    /// For each form id of side a, the form ids of side b it matches (sorted).
    a_to_b: std::sync::Arc<Vec<Vec<u32>>>,
    /// The reverse.
    b_to_a: std::sync::Arc<Vec<Vec<u32>>>,
    /// Match rates in true links.
    rates: MatchRates,
    /// Share of tokens kept recognisably in true links (matchable or not).
    kept: MatchRates,
    /// Length model.
    pub length: LengthModel,
    /// Whether both sides are in the same language (a text with itself).
    same_lang: bool,
}

fn intern(sents: &[Anchors]) -> (Vec<(String, Kind)>, Vec<Vec<u32>>) {
    let mut ids: HashMap<(String, bool), u32> = HashMap::new();
    let mut forms = Vec::new();
    let mut per = Vec::with_capacity(sents.len());
    for s in sents {
        let mut v = Vec::with_capacity(s.tokens.len());
        for t in &s.tokens {
            let key = (t.form.clone(), t.kind == Kind::Number);
            let id = *ids.entry(key).or_insert_with(|| {
                forms.push((t.form.clone(), t.kind));
                (forms.len() - 1) as u32
            });
            v.push(id);
        }
        per.push(v);
    }
    (forms, per)
}

/// Which forms of `b` each form of `a` matches.
fn match_forms(a: &[(String, Kind)], b: &[(String, Kind)]) -> Vec<Vec<u32>> {
    // Every match needs the first two letters or the first two consonants equal (or
    // identity for numbers): bucket by both.
    let skel_a: Vec<String> = a.iter().map(|(f, _)| anchors::skeleton(f)).collect();
    let skel_b: Vec<String> = b.iter().map(|(f, _)| anchors::skeleton(f)).collect();
    let key = |f: &str| -> (u8, [u8; 2]) {
        let x = f.as_bytes();
        (
            0,
            [
                x.first().copied().unwrap_or(0),
                x.get(1).copied().unwrap_or(0),
            ],
        )
    };
    let skey = |f: &str| -> (u8, [u8; 2]) { (1, key(f).1) };
    let mut buckets: HashMap<(u8, [u8; 2]), Vec<u32>> = HashMap::new();
    for (i, (f, _)) in b.iter().enumerate() {
        buckets.entry(key(f)).or_default().push(i as u32);
        buckets.entry(skey(&skel_b[i])).or_default().push(i as u32);
    }
    let empty = Vec::new();
    a.iter()
        .enumerate()
        .map(|(ia, (f, k))| {
            let mut out = Vec::new();
            let c1 = buckets.get(&key(f)).unwrap_or(&empty);
            let c2 = buckets.get(&skey(&skel_a[ia])).unwrap_or(&empty);
            for &c in c1.iter().chain(c2) {
                let (g, kb) = &b[c as usize];
                let num_a = *k == Kind::Number;
                let num_b = *kb == Kind::Number;
                let ok = if num_a || num_b {
                    num_a == num_b && f == g
                } else {
                    anchors::word_match(f, g) > 0.5
                        || anchors::skeletons_match(
                            &skel_a[ia],
                            &skel_b[c as usize],
                            *k == Kind::Name || *kb == Kind::Name,
                        )
                };
                if ok {
                    out.push(c);
                }
            }
            out.sort_unstable();
            out.dedup();
            out
        })
        .collect()
}

/// Adds to `map` the matches of the lexicon between the words of `a` (language `la`) and
/// of `b` (`lb`).
fn add_lexicon(
    lex: &Lexicon,
    la: Lang,
    a: &[(String, Kind)],
    lb: Lang,
    b: &[(String, Kind)],
    map: &mut [Vec<u32>],
) {
    let mut by_stem: HashMap<&str, Vec<u32>> = HashMap::new();
    for (k, (g, kind)) in b.iter().enumerate() {
        if *kind != Kind::Number {
            by_stem.entry(lexicon::stem(g)).or_default().push(k as u32);
        }
    }
    for (k, (f, kind)) in a.iter().enumerate() {
        if *kind == Kind::Number {
            continue;
        }
        let mut added = false;
        for p in lex.partners(la, f, lb) {
            if let Some(gs) = by_stem.get(p.as_str()) {
                map[k].extend(gs);
                added = true;
            }
        }
        if added {
            map[k].sort_unstable();
            map[k].dedup();
        }
    }
}

fn sorted_set(v: &[u32]) -> Vec<u32> {
    let mut s = v.to_vec();
    s.sort_unstable();
    s.dedup();
    s
}

/// Background probabilities: the share of the other side's sentences holding a match.
type Background = (Vec<Vec<f64>>, Vec<Vec<Vec<u32>>>);

fn background(
    form_ids: &[Vec<u32>],
    matches: &[Vec<u32>],
    other_sets: &[Vec<u32>],
    n_forms_other: usize,
) -> Background {
    let m = other_sets.len().max(1);
    // postings: which sentences of the other side hold each form.
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); n_forms_other];
    for (j, s) in other_sets.iter().enumerate() {
        for &f in s {
            postings[f as usize].push(j as u32);
        }
    }
    let mut cache: HashMap<u32, (f64, Vec<u32>)> = HashMap::new();
    let mut qs = Vec::with_capacity(form_ids.len());
    let mut lists = Vec::with_capacity(form_ids.len());
    for ids in form_ids {
        let mut q = Vec::with_capacity(ids.len());
        let mut l = Vec::with_capacity(ids.len());
        for &f in ids {
            let (qf, sents) = cache.entry(f).or_insert_with(|| {
                let mut sents: Vec<u32> = matches[f as usize]
                    .iter()
                    .flat_map(|&g| postings[g as usize].iter().copied())
                    .collect();
                sents.sort_unstable();
                sents.dedup();
                // Smoothed: as if half a sentence more held it.
                let qf = ((sents.len() as f64 + 0.5) / (m as f64 + 1.0)).clamp(0.001, 0.95);
                (qf, sents)
            });
            q.push(*qf);
            l.push(sents.clone());
        }
        qs.push(q);
        lists.push(l);
    }
    (qs, lists)
}

/// Skip bonus per sentence: the log ratio of the edition's mean coherence to the
/// sentence's (none for editions too short to tell).
fn skip_bonus(c: &[f64]) -> Vec<f64> {
    if c.len() < 4 {
        return vec![0.0; c.len()];
    }
    let mean = c.iter().sum::<f64>() / c.len() as f64;
    c.iter()
        .map(|&x| COHERENCE_WEIGHT * ((mean + 0.1) / (x + 0.1)).ln())
        .collect()
}

/// Weight of a sentence's coherence with its own edition in the cost of leaving it alone.
const COHERENCE_WEIGHT: f64 = 0.7;

impl PairModel {
    /// Builds the model for two sides.
    pub fn new(
        a_lang: Lang,
        a: &[&str],
        b_lang: Lang,
        b: &[&str],
        lexicon: Option<&Lexicon>,
    ) -> PairModel {
        let aa: Vec<Anchors> = a.iter().map(|s| anchors::anchors(s, a_lang)).collect();
        let ba: Vec<Anchors> = b.iter().map(|s| anchors::anchors(s, b_lang)).collect();
        let (fa, ida) = intern(&aa);
        let (fb, idb) = intern(&ba);
        let mut a_to_b = match_forms(&fa, &fb);
        let mut b_to_a = match_forms(&fb, &fa);
        if let Some(lex) = lexicon.filter(|l| !l.is_empty() && a_lang != b_lang) {
            add_lexicon(lex, a_lang, &fa, b_lang, &fb, &mut a_to_b);
            add_lexicon(lex, b_lang, &fb, a_lang, &fa, &mut b_to_a);
        }
        let sets_a: Vec<Vec<u32>> = ida.iter().map(|v| sorted_set(v)).collect();
        let sets_b: Vec<Vec<u32>> = idb.iter().map(|v| sorted_set(v)).collect();
        let (qa, hits_a) = background(&ida, &a_to_b, &sets_b, fb.len());
        let (qb, hits_b) = background(&idb, &b_to_a, &sets_a, fa.len());
        let ca = coherence(&fa, &ida, &sets_a);
        let cb = coherence(&fb, &idb, &sets_b);
        let la: f64 = aa.iter().map(|x| x.chars as f64).sum::<f64>() + 1.0;
        let lb: f64 = ba.iter().map(|x| x.chars as f64).sum::<f64>() + 1.0;
        let same_lang = a_lang == b_lang;
        let mut model = PairModel {
            a: SideData {
                fixed: std::sync::Arc::new(SideFixed {
                    anchors: aa,
                    form_ids: ida,
                    q: qa,
                    skip_bonus: skip_bonus(&ca),
                    hits_in: hits_a,
                }),
                vals: Vec::new(),
            },
            b: SideData {
                fixed: std::sync::Arc::new(SideFixed {
                    anchors: ba,
                    form_ids: idb,
                    q: qb,
                    skip_bonus: skip_bonus(&cb),
                    hits_in: hits_b,
                }),
                vals: Vec::new(),
            },
            a_to_b: std::sync::Arc::new(a_to_b),
            b_to_a: std::sync::Arc::new(b_to_a),
            rates: MatchRates::prior(a_lang, b_lang),
            kept: MatchRates::kept_prior(a_lang, b_lang),
            length: LengthModel {
                ratio: (lb / la).clamp(0.33, 3.0),
                sigma: if same_lang { 0.1 } else { 0.3 },
            },
            same_lang,
        };
        model.prepare();
        model
    }

    /// The same model with source and target swapped.
    pub fn flipped(&self) -> PairModel {
        let mut m = self.clone();
        std::mem::swap(&mut m.a, &mut m.b);
        std::mem::swap(&mut m.a_to_b, &mut m.b_to_a);
        m.length.ratio = 1.0 / m.length.ratio;
        m
    }

    /// The match rates of tokens that match something in the other edition.
    pub fn rates(&self) -> MatchRates {
        self.rates
    }

    /// The shares of tokens kept recognisably.
    pub fn kept(&self) -> MatchRates {
        self.kept
    }

    /// Sets the match rates and kept rates, and recomputes the token evidence.
    pub fn set_rates(&mut self, rates: MatchRates, kept: MatchRates) {
        self.rates = rates;
        self.kept = kept;
        self.prepare();
    }

    /// Precomputes each token's evidence under the current rates.
    fn prepare(&mut self) {
        let (rates, kept) = (self.rates, self.kept);
        for (side, map) in [(&mut self.a, &self.a_to_b), (&mut self.b, &self.b_to_a)] {
            side.vals = side
                .anchors
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    a.tokens
                        .iter()
                        .enumerate()
                        .map(|(t, tok)| {
                            if map[side.form_ids[i][t] as usize].is_empty() {
                                // Nothing in the other edition matches: an orphan name or
                                // number says the sentence may have no counterpart at all.
                                return [ORPHAN_SCALE * orphan_llr(tok.kind, &kept); 6];
                            }
                            let mut v = [0.0; 6];
                            for k in 1..=3 {
                                let q = 1.0 - (1.0 - side.q[i][t]).powi(k as i32);
                                let p = rates.of(tok.kind).max(q);
                                v[k - 1] = HIT_SCALE * (p / q).ln();
                                v[k + 2] = MISS_SCALE
                                    * miss_weight(tok.kind)
                                    * ((1.0 - p) / (1.0 - q)).ln();
                            }
                            v
                        })
                        .collect()
                })
                .collect();
        }
    }

    /// How much cheaper than usual it is to leave source sentence `i` (side a when `src`)
    /// alone: positive for sentences that share less with their own edition than the
    /// edition's mean, negative for those that share more.
    pub fn skip_bonus(&self, src: bool, i: usize) -> f64 {
        let side = if src { &self.a } else { &self.b };
        side.skip_bonus[i]
    }

    /// Number of source sentences.
    pub fn n(&self) -> usize {
        self.a.anchors.len()
    }

    /// Number of target sentences.
    pub fn m(&self) -> usize {
        self.b.anchors.len()
    }

    /// Whether token `t` of sentence `i` on one side has a match among sentences `other`
    /// (ascending) of the other side.
    fn token_matched(from: &SideData, i: usize, t: usize, other: &[usize]) -> bool {
        let list = &from.hits_in[i][t];
        if list.is_empty() || other.is_empty() {
            return false;
        }
        let (lo, hi) = (other[0] as u32, other[other.len() - 1] as u32);
        if (hi - lo) as usize + 1 == other.len() {
            let p = list.partition_point(|&x| x < lo);
            p < list.len() && list[p] <= hi
        } else {
            other
                .iter()
                .any(|&j| list.binary_search(&(j as u32)).is_ok())
        }
    }

    /// Log-likelihood ratio of the tokens of sentences `src` (side a) and `tgt` (side b)
    /// under "link" against "unrelated".
    fn token_llr(&self, src: &[usize], tgt: &[usize]) -> f64 {
        let mut llr = 0.0;
        for (from, rng, other) in [(&self.a, src, tgt), (&self.b, tgt, src)] {
            let k = other.len().clamp(1, 3);
            for &i in rng {
                for (t, v) in from.vals[i].iter().enumerate() {
                    llr += if Self::token_matched(from, i, t, other) {
                        v[k - 1]
                    } else {
                        v[k + 2]
                    };
                }
            }
        }
        llr.max(-TOKEN_FLOOR)
    }

    fn lengths(&self, side: &SideData, r: &[usize]) -> f64 {
        r.iter().map(|&i| side.anchors[i].chars as f64).sum()
    }

    /// Log-likelihood ratio of the lengths.
    fn length_llr(&self, src: &[usize], tgt: &[usize]) -> f64 {
        let la = self.lengths(&self.a, src) + 8.0;
        let lb = self.lengths(&self.b, tgt) + 8.0;
        let d = (lb / (la * self.length.ratio)).ln();
        // Short sentences vary more in their length ratio.
        let extra = SHORT_VARIANCE / (la + lb);
        let s2 = self.length.sigma * self.length.sigma + extra;
        let r2 = SIGMA_RANDOM * SIGMA_RANDOM + extra;
        -d * d / (2.0 * s2) + d * d / (2.0 * r2) + 0.5 * (r2 / s2).ln()
    }

    fn punct_llr(&self, src: &[usize], tgt: &[usize]) -> f64 {
        let qa = src.iter().any(|&i| self.a.anchors[i].question);
        let qb = tgt.iter().any(|&j| self.b.anchors[j].question);
        let ua = src.iter().any(|&i| self.a.anchors[i].quote);
        let ub = tgt.iter().any(|&j| self.b.anchors[j].quote);
        let mut l = 0.0;
        if qa || qb {
            l += if qa == qb { 1.5 } else { -1.5 };
        }
        if ua || ub {
            l += if ua == ub { 0.5 } else { -0.7 };
        }
        let semi = |side: &SideData, r: &[usize]| r.iter().any(|&i| side.anchors[i].semicolon);
        let joined = |one: &[usize], one_side: &SideData, two: &[usize], two_side: &SideData| {
            one.len() == 1 && two.len() == 2 && semi(one_side, one) && !semi(two_side, two)
        };
        if joined(src, &self.a, tgt, &self.b) || joined(tgt, &self.b, src, &self.a) {
            l += SEMICOLON_JOIN;
        }
        l
    }

    /// The anchor and punctuation evidence alone (no lengths) that `src` and `tgt`
    /// correspond; used for pivot evidence through a third edition.
    pub fn token_llr_pub(&self, src: &[usize], tgt: &[usize]) -> f64 {
        self.token_llr(src, tgt) + self.punct_llr(src, tgt)
    }

    /// The evidence (log-likelihood ratio) that source sentences `src` and target sentences
    /// `tgt` correspond.
    pub fn link_llr(&self, src: &[usize], tgt: &[usize]) -> f64 {
        let mut l = self.length_llr(src, tgt) + self.token_llr(src, tgt) + self.punct_llr(src, tgt);
        if self.same_lang && src.len() == 1 && tgt.len() == 1 {
            let (x, y) = (&self.a.anchors[src[0]], &self.b.anchors[tgt[0]]);
            if x.chars == y.chars && self.a.form_ids[src[0]].len() == self.b.form_ids[tgt[0]].len()
            {
                l += 2.0;
            }
        }
        l
    }

    /// Tokens of source sentence `i` that find a match in target sentence `j`, and the
    /// number of tokens of each (for re-estimating match rates).
    /// `acc` counts only tokens that match something in the other edition, `all` counts
    /// every token.
    pub fn match_counts(
        &self,
        i: usize,
        j: usize,
        acc: &mut [(f64, f64); 3],
        all: &mut [(f64, f64); 3],
    ) {
        for (t, tok) in self.a.anchors[i].tokens.iter().enumerate() {
            let k = kind_index(tok.kind);
            all[k].1 += 1.0;
            if self.a_to_b[self.a.form_ids[i][t] as usize].is_empty() {
                continue;
            }
            let hit = Self::token_matched(&self.a, i, t, &[j]);
            all[k].0 += hit as u8 as f64;
            acc[k].1 += 1.0;
            if hit {
                acc[k].0 += 1.0;
            }
        }
        for (t, tok) in self.b.anchors[j].tokens.iter().enumerate() {
            let k = kind_index(tok.kind);
            all[k].1 += 1.0;
            if self.b_to_a[self.b.form_ids[j][t] as usize].is_empty() {
                continue;
            }
            let hit = Self::token_matched(&self.b, j, t, &[i]);
            all[k].0 += hit as u8 as f64;
            acc[k].1 += 1.0;
            if hit {
                acc[k].0 += 1.0;
            }
        }
    }

    /// Character lengths of source sentence `i` and target sentence `j`.
    pub fn char_lens(&self, i: usize, j: usize) -> (f64, f64) {
        (
            self.a.anchors[i].chars as f64,
            self.b.anchors[j].chars as f64,
        )
    }
}

impl MatchRates {
    /// Priors of the share of tokens that a translation keeps recognisably (numbers nearly
    /// always, names mostly, words only where they are cognates or international).
    pub fn kept_prior(a: Lang, b: Lang) -> MatchRates {
        let cross = a.is_cyrillic() != b.is_cyrillic();
        MatchRates {
            number: 0.8,
            name: 0.6,
            word: if cross { 0.03 } else { 0.15 },
        }
    }
}

/// Evidence from a token nothing in the other edition matches: `ln(1 - r)` where `r` is the
/// share of tokens of its kind that a translation keeps recognisably.
fn orphan_llr(k: Kind, kept: &MatchRates) -> f64 {
    (1.0 - kept.of(k)).ln()
}

/// Evidence for a 1-2 bead whose single sentence holds a semicolon the two lack. The
/// pairwise search also makes such a merge cheaper as a shape (`pair::MERGE_JOINED`); this
/// is the part of it that every user of the link evidence sees (the pivot through a third
/// edition, the weak-link and outside scores), measured on its own in bench/align/run.
const SEMICOLON_JOIN: f64 = 0.5;

/// A match shows on both sides, a miss on one: matches count less than twice.
const HIT_SCALE: f64 = 0.7;
/// Naive Bayes over-counts correlated misses: damp them.
const MISS_SCALE: f64 = 0.5;
/// Orphan tokens are weaker evidence still.
const ORPHAN_SCALE: f64 = 0.3;
/// The token evidence against a link is bounded.
const TOKEN_FLOOR: f64 = 6.0;

/// How much a missing match counts against a link, per kind: words are matched only by
/// chance spelling (cognates, international words), so their absence says little.
fn miss_weight(k: Kind) -> f64 {
    match k {
        Kind::Number => 1.0,
        Kind::Name => 1.0,
        Kind::Word => 0.5,
    }
}

fn kind_index(k: Kind) -> usize {
    match k {
        Kind::Number => 0,
        Kind::Name => 1,
        Kind::Word => 2,
    }
}

/// Re-estimates match rates from counts `(hits, tokens)` per kind, with the prior as
/// pseudo-counts.
pub(crate) fn reestimate(prior: MatchRates, acc: &[(f64, f64); 3]) -> MatchRates {
    let strength = 10.0;
    let est = |p: f64, (h, n): (f64, f64)| ((h + strength * p) / (n + strength)).clamp(0.02, 0.98);
    MatchRates {
        number: est(prior.number, acc[0]),
        name: est(prior.name, acc[1]),
        word: est(prior.word, acc[2]),
    }
}
