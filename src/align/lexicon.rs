//! A word lexicon learned without outside data: the first pass's confident links across a
//! batch of stories show which words of one language keep company with which words of the
//! other (`уряд` / `government`, `сказав` / `said`), beyond what transliteration finds.
//!
//! Words are kept as stems (the first five letters of the folded form, see
//! `anchors::fold`), so that one entry covers the inflections of a word.

use super::anchors::{self, Kind};
use super::{Aligner, Side};
use crate::error::{Error, Result};
use crate::lang::Lang;
use std::collections::{HashMap, HashSet};

/// Letters of a folded word kept as its stem.
const STEM: usize = 5;
/// A pair must co-occur in at least this many confident links …
const MIN_COUNT: usize = 3;
/// … with at least this Dice coefficient.
const MIN_DICE: f64 = 0.3;
/// Links scoring at least this are taught from.
const MIN_SCORE: f64 = 0.8;

/// Word correspondences per language pair, as stems. Learn one with
/// [`Aligner::learn_lexicon`], give it to [`super::AlignerBuilder::lexicon`]; save and load
/// it as TSV (`uk<TAB>stem<TAB>en<TAB>stem` a line).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lexicon {
    pairs: HashSet<(Lang, String, Lang, String)>,
    /// From a stem in one language to its partners in another, both ways.
    index: HashMap<(Lang, String, Lang), Vec<String>>,
}

/// The stem of a folded form.
pub(crate) fn stem(form: &str) -> &str {
    match form.char_indices().nth(STEM) {
        Some((k, _)) => &form[..k],
        None => form,
    }
}

impl Lexicon {
    /// The lexicon that ships with the crate (`align/data/news_lexicon.tsv`): frequent words
    /// of Ukrainian news no transliteration bridges, in all three pairs.
    ///
    /// ```
    /// use edalign::align::Lexicon;
    /// let lex = Lexicon::shipped();
    /// // Three pairs for each of the file's 140-odd rows (fewer where stems coincide).
    /// assert!(lex.len() > 300, "{}", lex.len());
    /// ```
    pub fn shipped() -> Lexicon {
        let mut lex = Lexicon::new();
        for line in include_str!("data/news_lexicon.tsv").lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let w: Vec<&str> = line.split('\t').collect();
            if let [en, uk, ru] = w[..] {
                lex.insert(Lang::Uk, uk, Lang::En, en);
                lex.insert(Lang::Uk, uk, Lang::Ru, ru);
                lex.insert(Lang::En, en, Lang::Ru, ru);
            }
        }
        lex
    }

    /// An empty lexicon.
    pub fn new() -> Lexicon {
        Lexicon::default()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Adds the correspondence of word `a` in language `la` and word `b` in `lb` (any
    /// spelling: the words are folded and stemmed here).
    pub fn insert(&mut self, la: Lang, a: &str, lb: Lang, b: &str) {
        let f = |w: &str| {
            let lower = w.to_lowercase();
            let ascii = deunicode::deunicode(&lower).to_ascii_lowercase();
            stem(&anchors::fold(&ascii)).to_string()
        };
        self.insert_stems(la, f(a), lb, f(b));
    }

    /// Adds every entry of `other`.
    pub fn extend(&mut self, other: &Lexicon) {
        for (la, a, lb, b) in &other.pairs {
            self.insert_stems(*la, a.clone(), *lb, b.clone());
        }
    }

    fn insert_stems(&mut self, la: Lang, a: String, lb: Lang, b: String) {
        let new = if la <= lb {
            self.pairs.insert((la, a.clone(), lb, b.clone()))
        } else {
            self.pairs.insert((lb, b.clone(), la, a.clone()))
        };
        if new {
            self.index
                .entry((la, a.clone(), lb))
                .or_default()
                .push(b.clone());
            self.index.entry((lb, b, la)).or_default().push(a);
        }
    }

    /// The stems in language `lb` that correspond to the stem of folded form `a` of `la`.
    pub(crate) fn partners(&self, la: Lang, a: &str, lb: Lang) -> &[String] {
        self.index
            .get(&(la, stem(a).to_string(), lb))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Whether the stems of folded forms `a` (language `la`) and `b` (`lb`) correspond.
    #[cfg(test)]
    pub(crate) fn contains(&self, la: Lang, a: &str, lb: Lang, b: &str) -> bool {
        let sb = stem(b);
        self.partners(la, a, lb).iter().any(|x| x == sb)
    }

    /// The lexicon as TSV, sorted.
    pub fn to_tsv(&self) -> String {
        let mut lines: Vec<String> = self
            .pairs
            .iter()
            .map(|(la, a, lb, b)| format!("{la}\t{a}\t{lb}\t{b}\n"))
            .collect();
        lines.sort();
        lines.concat()
    }

    /// Reads a lexicon from TSV; empty lines and lines starting with `#` are skipped.
    pub fn from_tsv(text: &str) -> Result<Lexicon> {
        let mut lex = Lexicon::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let bad = || {
                Error::parse(
                    crate::error::Position {
                        source: None,
                        line: Some(n as u64 + 1),
                        byte: None,
                    },
                    "lexicon row is not lang<TAB>stem<TAB>lang<TAB>stem",
                )
            };
            if f.len() != 4 {
                return Err(bad());
            }
            let la: Lang = f[0].parse().map_err(|_| bad())?;
            let lb: Lang = f[2].parse().map_err(|_| bad())?;
            lex.insert_stems(la, f[1].to_string(), lb, f[3].to_string());
        }
        Ok(lex)
    }
}

/// Stems of the words (not names or numbers) of a sentence.
fn word_stems(s: &str, lang: Lang) -> HashSet<String> {
    anchors::anchors(s, lang)
        .tokens
        .into_iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| stem(&t.form).to_string())
        .collect()
}

impl Aligner {
    /// Learns a lexicon from a batch of stories (each two or three sides): aligns every
    /// pair of every story, and from the 1-1 links scored 0.8 or more, keeps the word pairs
    /// that co-occur often (at least 3 links, Dice >= 0.3), each word with its best partner
    /// only. A sentence pair the batch holds twice counts once. Two rounds: the second
    /// aligns with what the first learned (and this aligner's own lexicon, if any) and
    /// learns again from its links. Align the batch again with the result
    /// ([`super::AlignerBuilder::lexicon`]).
    pub fn learn_lexicon(&self, stories: &[Vec<Side>]) -> Lexicon {
        let first = self.learn_once(stories);
        let mut both = self.lexicon.as_deref().cloned().unwrap_or_default();
        for (la, a, lb, b) in first.pairs {
            both.insert_stems(la, a, lb, b);
        }
        let mut second = self.clone();
        second.lexicon = Some(std::sync::Arc::new(both));
        second.learn_once(stories)
    }

    fn learn_once(&self, stories: &[Vec<Side>]) -> Lexicon {
        type Key = (Lang, Lang);
        let mut pair_counts: HashMap<Key, HashMap<(String, String), usize>> = HashMap::new();
        let mut a_counts: HashMap<Key, HashMap<String, usize>> = HashMap::new();
        let mut b_counts: HashMap<Key, HashMap<String, usize>> = HashMap::new();
        // A sentence pair counts once however often the batch repeats it.
        let mut seen: HashSet<(&str, &str)> = HashSet::new();
        for sides in stories {
            for s in 0..sides.len() {
                for t in s + 1..sides.len() {
                    let (x, y) = (&sides[s], &sides[t]);
                    let (x, y) = if x.lang <= y.lang { (x, y) } else { (y, x) };
                    let key = (x.lang, y.lang);
                    let al = self.align(x, y);
                    for b in &al.beads {
                        if b.src.len() != 1 || b.tgt.len() != 1 || b.score < MIN_SCORE {
                            continue;
                        }
                        let (u, v) = (x.sentences[b.src.start], y.sentences[b.tgt.start]);
                        if !seen.insert((u, v)) {
                            continue;
                        }
                        let sa = word_stems(x.sentences[b.src.start], x.lang);
                        let sb = word_stems(y.sentences[b.tgt.start], y.lang);
                        let pc = pair_counts.entry(key).or_default();
                        for u in &sa {
                            for v in &sb {
                                *pc.entry((u.clone(), v.clone())).or_default() += 1;
                            }
                        }
                        for u in sa {
                            *a_counts.entry(key).or_default().entry(u).or_default() += 1;
                        }
                        for v in sb {
                            *b_counts.entry(key).or_default().entry(v).or_default() += 1;
                        }
                    }
                }
            }
        }
        let mut lex = Lexicon::new();
        for (key, pc) in pair_counts {
            let (ca, cb) = (&a_counts[&key], &b_counts[&key]);
            let mut cands: Vec<(f64, String, String)> = pc
                .into_iter()
                .filter(|(_, c)| *c >= MIN_COUNT)
                .map(|((u, v), c)| {
                    let dice = 2.0 * c as f64 / (ca[&u] + cb[&v]) as f64;
                    (dice, u, v)
                })
                .filter(|(d, u, v)| *d >= MIN_DICE && u != v)
                .collect();
            cands.sort_by(|x, y| {
                y.0.total_cmp(&x.0)
                    .then_with(|| x.1.cmp(&y.1))
                    .then_with(|| x.2.cmp(&y.2))
            });
            let mut used_a = HashSet::new();
            let mut used_b = HashSet::new();
            for (_, u, v) in cands {
                if used_a.contains(&u) || used_b.contains(&v) {
                    continue;
                }
                used_a.insert(u.clone());
                used_b.insert(v.clone());
                lex.insert_stems(key.0, u, key.1, v);
            }
        }
        lex
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_round_trip_and_lookup() {
        let mut lex = Lexicon::new();
        lex.insert(Lang::En, "government", Lang::Uk, "уряду");
        assert_eq!(lex.len(), 1);
        let back = Lexicon::from_tsv(&lex.to_tsv()).unwrap();
        assert_eq!(back, lex);
        let f = |w: &str| anchors::fold(&deunicode::deunicode(w));
        assert!(lex.contains(Lang::Uk, &f("уряд"), Lang::En, &f("governments")));
        assert!(Lexicon::from_tsv("uk\tx\n").is_err());
    }

    #[test]
    fn learns_words_that_keep_company() {
        // Sentences that share the names and numbers that link them, the word pair
        // "уряд" / "government" in all of them, and a different verb in each.
        let uk_verbs = [
            "виділив",
            "обіцяв",
            "надав",
            "зберіг",
            "знайшов",
            "витратив",
        ];
        let en_verbs = ["allotted", "promised", "granted", "kept", "found", "spent"];
        let uk: Vec<String> = (0..6)
            .map(|k| {
                format!(
                    "Уряд Франції {} {k}0 мільйонів для Марселя {k}.",
                    uk_verbs[k]
                )
            })
            .collect();
        let en: Vec<String> = (0..6)
            .map(|k| {
                let v = en_verbs[k];
                format!("The government of France {v} {k}0 million for Marseille {k}.")
            })
            .collect();
        let story = vec![
            Side::new(Lang::Uk, uk.iter().map(String::as_str).collect()),
            Side::new(Lang::En, en.iter().map(String::as_str).collect()),
        ];
        let lex = Aligner::default().learn_lexicon(&[story]);
        let f = |w: &str| anchors::fold(&deunicode::deunicode(&w.to_lowercase()));
        assert!(
            lex.contains(Lang::Uk, &f("уряд"), Lang::En, &f("government")),
            "{lex:?}"
        );
    }
}
