//! Cyrillic text: Ukrainian, Russian, or one of ten other Cyrillic languages.

use super::{Detection, Words};
use crate::lang::Lang;
use std::fmt::Write as _;

use super::tables::{ALL_MASK, Cyr, Mask, NCYR, Tables};

/// Weight of a word holding a letter typical of a language.
const W_MARKER: f64 = 1.0;
/// Weight against a language of a word it cannot be written in.
const W_FOREIGN: f64 = 1.5;
/// Weight of a frequent word of a language.
const W_WORD: f64 = 1.0;
/// Weight of whatlang's choice among uk, ru, be, bg, mk, sr, when it is asked.
const W_WHATLANG: f64 = 1.5;
/// Head start of Ukrainian and Russian, the languages edalign expects.
const PRIOR_UKRU: f64 = 1.0;
/// How far another Cyrillic language must lead Ukrainian and Russian to be reported.
const OTHER_MARGIN: f64 = 1.0;
/// Below this Ukrainian–Russian margin the statistical model decides.
const UKRU_DECISIVE: f64 = 1.0;
/// Weight for Russian of a word that could be Ukrainian or Russian and says nothing more
/// (ln(0.87 / 0.645): share of such words in Russian and in Ukrainian text).
const W_NEUTRAL: f64 = 0.3;
/// Texts of at least this many words are weighed by [`Scores::density`].
const DENSITY_WORDS: u32 = 6;
/// Ukrainian and Russian.
const UKRU: Mask = 0b11;
/// Languages whose alphabets lack letters Ukrainian and Russian use often, and the weight
/// for them of a word their alphabet can write, in texts of [`DENSITY_WORDS`] words or more:
/// -ln(share of Russian words their alphabet can write), about 0.47 for Serbian and
/// Macedonian (no й ь я ю щ ы э ъ ё), 0.25 for Tajik (no ц щ ы ь). (Belarusian, though
/// its alphabet lacks и щ ъ, gets none: Turkic words such as "жыл" fit it too well.)
const W_NARROW: [(Cyr, f64); 3] = [(Cyr::Mk, 0.47), (Cyr::Sr, 0.47), (Cyr::Tg, 0.25)];
/// Most characters of an undecided text the statistical model reads.
const RESIDUE_CHARS: usize = 1000;
/// Chunks (sentences, quotations) of at least this many words vote on a mixed text.
const CHUNK_WORDS: usize = 3;

/// Evidence gathered from some words.
#[derive(Clone, Debug, Default)]
struct Scores {
    /// Letters, alphabets and frequent words, per language.
    lang: [f64; NCYR],
    /// Words that count for the language and not for uk or ru.
    support: [u32; NCYR],
    /// Words that could be Ukrainian or Russian and say nothing more.
    neutral: u32,
    /// All words.
    words: u32,
    /// Words Russian cannot write.
    not_ru: u32,
    /// Words that can be written in the language, for the languages in [`W_NARROW`].
    narrow: [u32; NCYR],
    /// Spelling that tells Ukrainian from Russian.
    cue_uk: f64,
    cue_ru: f64,
}

/// What the evidence says before any statistical model is asked.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Verdict {
    /// Another Cyrillic language, with its lead over uk and ru.
    Other(Cyr, f64),
    /// Ukrainian (positive) or Russian (negative) by this margin.
    UkRu(f64),
}

/// What one word says.
#[derive(Clone, Copy, Debug)]
struct WordInfo {
    /// Languages the word can be written in.
    compat: Mask,
    /// Languages for which it holds a typical letter or spelling.
    marks: Mask,
    /// Languages whose frequent-word list holds it.
    listed: Mask,
    /// Spelling cues for Ukrainian and Russian.
    cue_uk: f64,
    cue_ru: f64,
    /// Letters in the word.
    letters: usize,
}

impl WordInfo {
    /// What a word of which only the letters tell ("125-й", "С.", "ИТ") says.
    fn of_letters(word: &str, t: &Tables) -> WordInfo {
        WordInfo {
            listed: 0,
            cue_uk: 0.0,
            cue_ru: 0.0,
            ..WordInfo::of(word, t, true)
        }
    }

    fn of(word: &str, t: &Tables, capital: bool) -> WordInfo {
        // the letters, decoded once (on the stack for all but very long words)
        let mut buf = ['\0'; 32];
        let mut n = 0;
        let mut long = Vec::new();
        for c in word.chars() {
            if n < buf.len() {
                buf[n] = c;
            } else {
                if long.is_empty() {
                    long.extend_from_slice(&buf);
                }
                long.push(c);
            }
            n += 1;
        }
        let cs: &[char] = if long.is_empty() { &buf[..n] } else { &long };
        let mut compat = ALL_MASK;
        let mut marks = 0;
        for &c in cs {
            compat &= t.alphabet_of(c);
            marks |= t.markers_of(c);
        }
        let letters = cs.len();
        let tail = Tail::of(cs);
        let (excluded, extra_marks) = spelling_masks(cs, &tail);
        let (cue_uk, mut cue_ru) = spelling_cues(cs, &tail);
        // Russian doubles consonants in loan words ("программа, группа, территория, класс"),
        // Ukrainian does not ("програма, група, територія, клас") but for "-ння, -лля";
        // names keep them in both ("Гаррі", "Келлер"), so only for words in lower case
        if !capital && loan_double(cs) {
            cue_ru += 0.75;
        }
        WordInfo {
            compat: compat & !excluded,
            marks: marks | extra_marks,
            listed: t.cyr_words.get(word).copied().unwrap_or(0),
            cue_uk,
            cue_ru,
            letters,
        }
    }
}

impl Scores {
    fn of(words: &[WordInfo]) -> Scores {
        let mut s = Scores::default();
        s.lang[Cyr::Uk as usize] += PRIOR_UKRU;
        s.lang[Cyr::Ru as usize] += PRIOR_UKRU;
        for w in words {
            for lang in Cyr::ALL {
                let b = lang.bit();
                let i = lang as usize;
                if w.compat & b == 0 {
                    s.lang[i] -= W_FOREIGN;
                    continue;
                }
                if w.marks & b != 0 {
                    s.lang[i] += W_MARKER;
                }
                if w.listed & b != 0 {
                    s.lang[i] += W_WORD;
                }
                // evidence of this language that is not also evidence of uk or ru
                if w.compat & UKRU == 0 || w.marks & (b | UKRU) == b || w.listed & (b | UKRU) == b {
                    s.support[i] += 1;
                }
            }
            if w.compat & UKRU == UKRU && w.listed & UKRU == 0 && w.cue_uk == 0.0 && w.cue_ru == 0.0
            {
                s.neutral += 1;
            }
            s.words += 1;
            if w.compat & Cyr::Ru.bit() == 0 {
                s.not_ru += 1;
            }
            s.cue_uk += w.cue_uk;
            s.cue_ru += w.cue_ru;
            for (lang, _) in W_NARROW {
                if w.compat & lang.bit() != 0 {
                    s.narrow[lang as usize] += 1;
                }
            }
        }
        if s.words >= DENSITY_WORDS {
            // only for a language with evidence of its own: what its alphabet can write
            // supports that evidence, it is none by itself
            for (lang, w) in W_NARROW {
                if s.support[lang as usize] > 0 {
                    s.lang[lang as usize] += w * f64::from(s.narrow[lang as usize]);
                }
            }
        }
        s
    }

    /// The best language other than uk and ru with evidence of its own, and its score.
    fn best_other(&self) -> (Cyr, f64) {
        Cyr::ALL[2..]
            .iter()
            .filter(|&&l| {
                // evidence of its own, or a lead no mixture of uk and ru explains
                self.support[l as usize] > 0
                    || self.lang[l as usize] - self.lang[0].max(self.lang[1])
                        >= 2.0 + 0.4 * f64::from(self.words)
            })
            .map(|&l| (l, self.lang[l as usize]))
            .fold(
                (Cyr::Be, f64::NEG_INFINITY),
                |a, b| if b.1 > a.1 { b } else { a },
            )
    }

    fn verdict(&self) -> Verdict {
        let (uk, ru) = (self.lang[Cyr::Uk as usize], self.lang[Cyr::Ru as usize]);
        let (other, other_score) = self.best_other();
        let lead = other_score - uk.max(ru);
        if lead > OTHER_MARGIN {
            Verdict::Other(other, lead)
        } else {
            Verdict::UkRu((uk + self.cue_uk) - (ru + self.cue_ru) - self.density())
        }
    }

    /// Ukrainian writes a letter Russian lacks (і ї є ґ ') in about a third of its words,
    /// Russian one that Ukrainian lacks (ы э ъ ё) in about an eighth: in a longer text that
    /// holds Ukrainian letters, each word with neither counts a little for Russian. This
    /// weighs a Russian paragraph quoting Ukrainian by amount, not by the density of its
    /// letters; a Ukrainian text with no Ukrainian letter is left alone.
    fn density(&self) -> f64 {
        if self.words >= DENSITY_WORDS && self.not_ru > 0 {
            W_NEUTRAL * f64::from(self.neutral)
        } else {
            0.0
        }
    }
}

/// Languages a word cannot be written in although its letters are in their alphabets, and
/// languages a spelling is typical of. Russian writes "ъ" only before е, ё, ю, я (Bulgarian
/// "във, път, синът") and no "ы" after к, г, х, ж, ш, ч, щ; Bulgarian writes "ь" only
/// before о; Bulgarian's article "-ият"; Mongolian and Kyrgyz double their long vowels
/// ("аа", "ээ", "уу", "өө", "үү", "оо"); Turkic and Mongolian suffixes.
fn spelling_masks(cs: &[char], tail: &Tail) -> (Mask, Mask) {
    let mut excluded = 0;
    let mut marks = 0;
    let mut prev = '\0';
    let mut chars = cs.iter().copied().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        match c {
            'ъ' if !matches!(next, Some('е' | 'ё' | 'ю' | 'я')) => excluded |= Cyr::Ru.bit(),
            'ь' if next != Some('о') => excluded |= Cyr::Bg.bit(),
            // Russian writes "ки, ги, хи, жи, ши, чи, щи", never "кы, жы …" (Kyrgyz "жыл,
            // кызмат", Tatar "-нчы"); Belarusian writes "кі, гі, хі"
            'ы' if matches!(prev, 'к' | 'г' | 'х') => excluded |= Cyr::Ru.bit() | Cyr::Be.bit(),
            'ы' if matches!(prev, 'ж' | 'ш' | 'ч' | 'щ') => excluded |= Cyr::Ru.bit(),
            'а' | 'э' | 'у' | 'ө' | 'ү' if prev == c => marks |= Cyr::Mn.bit() | Cyr::Ky.bit(),
            // "оо" past a word's start (Russian has it in "соо-, коо-, воо-, зоо-")
            'о' if prev == 'о' && i >= 4 => marks |= Cyr::Mn.bit() | Cyr::Ky.bit(),
            _ => {}
        }
        prev = c;
    }
    if tail.len > 4 && tail.ends(['и', 'я', 'т']) {
        marks |= Cyr::Bg.bit();
    }
    // Turkic and Mongolian genitive "-ын" ("жылдын") and converb "-ып" ("жатып, булып");
    // Mongolian genitive "-ийн"
    if tail.len >= 4 && (tail.ends(['ы', 'н']) || tail.ends(['ы', 'п'])) {
        marks |= Cyr::Kk.bit() | Cyr::Ky.bit() | Cyr::Tt.bit() | Cyr::Ba.bit() | Cyr::Mn.bit();
    }
    if tail.len >= 4 && tail.ends(['и', 'й', 'н']) {
        marks |= Cyr::Mn.bit();
    }
    (excluded, marks)
}

/// The last three letters of a word and its length in letters, to test endings cheaply.
struct Tail {
    last: [char; 3],
    len: usize,
}

impl Tail {
    fn of(cs: &[char]) -> Tail {
        let mut last = ['\0'; 3];
        let mut len = 0;
        for &c in cs {
            last = [last[1], last[2], c];
            len += 1;
        }
        Tail { last, len }
    }

    /// Whether the word ends with the letters `end` (at most three).
    #[inline]
    fn ends<const N: usize>(&self, end: [char; N]) -> bool {
        N <= 3 && self.last[3 - N..] == end[..]
    }
}

/// Whether a word doubles a consonant the way Russian loan words do: сс мм пп лл кк фф рр бб
/// not before я, ю, і, є, ї (Ukrainian "-лля, -ссю").
fn loan_double(cs: &[char]) -> bool {
    let mut chars = cs.iter().copied().peekable();
    let mut prev = '\0';
    while let Some(c) = chars.next() {
        if c == prev
            && matches!(c, 'с' | 'м' | 'п' | 'л' | 'к' | 'ф' | 'р' | 'б')
            && !matches!(chars.peek(), Some('я' | 'ю' | 'і' | 'є' | 'ї'))
        {
            return true;
        }
        prev = c;
    }
    false
}

/// Spelling that tells Ukrainian from Russian: (weight for uk, weight for ru) of a word.
fn spelling_cues(cs: &[char], tail: &Tail) -> (f64, f64) {
    let mut uk: f64 = 0.0;
    let mut ru: f64 = 0.0;
    let (mut p2, mut p1) = ('\0', '\0');
    let mut n = 0;
    let (mut i_vowel, mut soft_vowel, mut soft_o, mut vowel_e, mut skyi) =
        (false, false, false, false, false);
    for &c in cs {
        // "е" after a vowel: Russian "знает, её" (Ukrainian writes "є": "знає, її").
        if n > 0 && c == 'е' && matches!(p1, 'а' | 'е' | 'у' | 'ю' | 'я' | 'ы') {
            vowel_e = true;
        }
        // "и" before a vowel: Russian (Ukrainian writes "і" there).
        if p1 == 'и' && matches!(c, 'а' | 'е' | 'о' | 'у' | 'я' | 'ю' | 'и') {
            i_vowel = true;
        }
        // soft sign before a vowel: Russian "статья, семье" (Ukrainian "стаття, сім'ї").
        if p1 == 'ь' && matches!(c, 'е' | 'я' | 'ю' | 'и') {
            soft_vowel = true;
        }
        // "ьо": Ukrainian (Russian writes "ьё"; "-ьон" is a Russian loan-word spelling).
        if p2 == 'ь' && p1 == 'о' && c != 'н' {
            soft_o = true;
        }
        // "-ськ-", "-цьк-", "-зьк-": Ukrainian (Russian "-ск-").
        if c == 'к' && p1 == 'ь' && matches!(p2, 'с' | 'ц' | 'з') {
            skyi = true;
        }
        (p2, p1) = (p1, c);
        n += 1;
    }
    if p2 == 'ь' && p1 == 'о' {
        soft_o = true;
    }
    if i_vowel {
        ru += 0.75;
    }
    if soft_vowel && !cs.starts_with(&['н', 'ь', 'ю']) {
        ru += 1.0;
    }
    if soft_o {
        uk += 0.75;
    }
    if skyi {
        uk += 1.0;
    }
    if vowel_e {
        ru += 0.5;
    }
    // "и" opening a word: Russian "из, или, их, именно" (Ukrainian words hardly start so).
    if n >= 2 && cs[0] == 'и' {
        ru += 1.0;
    }
    if n >= 4 {
        // Russian endings.
        if tail.ends(['о', 'е']) || tail.ends(['а', 'я']) || tail.ends(['я', 'я']) {
            ru += 0.75;
        }
        if tail.ends(['е', 'г', 'о']) || tail.ends(['е', 'м', 'у']) {
            ru += 0.75;
        }
        if tail.ends(['о', 'й']) {
            ru += 0.5;
        }
        // Russian past tense "-ил, -ел, -ял" (Ukrainian "-ив, -ів, -яв").
        if n >= 5 && (tail.ends(['и', 'л']) || tail.ends(['е', 'л']) || tail.ends(['я', 'л']))
        {
            ru += 0.5;
        }
        if tail.ends(['т', 'с', 'я']) {
            ru += 1.0;
        }
        if tail.ends(['а', 'т', 'ь']) || tail.ends(['я', 'т', 'ь']) || tail.ends(['е', 'т', 'ь'])
        {
            ru += 0.5;
        }
        // Ukrainian doubled consonant before я, ю, і: "питання, життя, зіллю".
        let [c2, c1, v] = tail.last;
        if c1 == c2 && "нтлсчжшдзц".contains(c1) && matches!(v, 'я' | 'ю' | 'і') {
            uk += 1.0;
        }
        // Ukrainian past tense "-ав, -ив, -ув, -яв" (Russian "-ал, -ил").
        if [['а', 'в'], ['и', 'в'], ['у', 'в'], ['я', 'в']]
            .iter()
            .any(|&e| tail.ends(e))
        {
            uk += 0.5;
        }
    }
    (uk, ru)
}

/// whatlang's choice among the six Cyrillic languages it knows, with its confidence.
fn whatlang_cyrillic(text: &str) -> Option<(Cyr, f64)> {
    use std::sync::OnceLock;
    use whatlang::Lang as W;
    static WL: OnceLock<whatlang::Detector> = OnceLock::new();
    let wl = WL.get_or_init(|| {
        whatlang::Detector::with_allowlist(vec![W::Ukr, W::Rus, W::Bel, W::Bul, W::Mkd, W::Srp])
    });
    let info = wl.detect(text)?;
    let lang = match info.lang() {
        W::Ukr => Cyr::Uk,
        W::Rus => Cyr::Ru,
        W::Bel => Cyr::Be,
        W::Bul => Cyr::Bg,
        W::Mkd => Cyr::Mk,
        W::Srp => Cyr::Sr,
        _ => return None,
    };
    Some((lang, info.confidence()))
}

pub(super) fn detect(text: &str, words: &Words) -> Detection {
    let t = Tables::get();
    let infos: Vec<WordInfo> = words
        .cyr_words()
        .zip(words.cyr_ending.iter().zip(&words.cyr_capital))
        .map(|(w, (&letters_only, &capital))| {
            if letters_only {
                WordInfo::of_letters(w, t)
            } else {
                WordInfo::of(w, t, capital)
            }
        })
        .collect();
    let mut scores = Scores::of(&infos);
    let mut evidence = String::new();
    let _ = write!(evidence, "{} words", infos.len());
    // whatlang breaks near-ties between uk/ru and be, bg, mk, sr
    let (other, other_score) = scores.best_other();
    let best_ukru = scores.lang[0].max(scores.lang[1]);
    if matches!(other, Cyr::Be | Cyr::Bg | Cyr::Mk | Cyr::Sr)
        && scores.support[other as usize] > 0
        && other_score > best_ukru - 2.0
        && let Some((lang, conf)) = whatlang_cyrillic(text)
    {
        let w = W_WHATLANG * (0.4 + 0.6 * conf);
        // whatlang only weighs uk and ru together against the others: it is not what
        // tells them apart here
        match lang {
            Cyr::Uk | Cyr::Ru => {
                scores.lang[Cyr::Uk as usize] += w;
                scores.lang[Cyr::Ru as usize] += w;
            }
            _ => scores.lang[lang as usize] += w,
        }
        let _ = write!(evidence, "; whatlang {} +{w:.1}", lang.code());
    }
    let _ = write!(
        evidence,
        "; uk {:.1}+{:.1} ru {:.1}+{:.1}",
        scores.lang[0], scores.cue_uk, scores.lang[1], scores.cue_ru,
    );
    if scores.density() > 0.0 {
        let _ = write!(evidence, " density {:.1}", scores.density());
    }
    if other_score.is_finite() {
        let _ = write!(
            evidence,
            "; {} {:.1}",
            other.code(),
            scores.lang[other as usize]
        );
    }
    let mut verdict = scores.verdict();
    if let Verdict::UkRu(_) = verdict
        && let Some((chunk_verdict, share)) = chunk_vote(words, &infos)
        && !same_language(chunk_verdict, verdict)
    {
        let _ = write!(evidence, "; chunks {:.0}%", share * 100.0);
        verdict = chunk_verdict;
    }
    match verdict {
        Verdict::Other(lang, lead) => {
            let conf = 1.0 - 0.5 * (-(lead - OTHER_MARGIN) / 2.0).exp();
            Detection::new(Lang::Other, lang.code(), conf, evidence)
        }
        Verdict::UkRu(diff) if diff.abs() >= UKRU_DECISIVE => {
            let (lang, code) = if diff > 0.0 {
                (Lang::Uk, "uk")
            } else {
                (Lang::Ru, "ru")
            };
            let conf = 1.0 - 0.5 * (-(diff.abs() - UKRU_DECISIVE) / 1.5).exp();
            Detection::new(lang, code, conf, evidence)
        }
        Verdict::UkRu(diff) => residue(&residue_text(words), diff, evidence),
    }
}

fn same_language(a: Verdict, b: Verdict) -> bool {
    match (a, b) {
        (Verdict::Other(x, _), Verdict::Other(y, _)) => x == y,
        (Verdict::UkRu(x), Verdict::UkRu(y)) => (x > 0.0) == (y > 0.0),
        _ => false,
    }
}

/// A text of several sentences or quotations in different languages: each chunk of at
/// least [`CHUNK_WORDS`] words that its own evidence decides (Ukrainian or Russian) votes
/// with its letters; the language with the most letters wins if it has clearly more than
/// the other and at least half the letters of the text. Returns the winner and its share of
/// the letters, or `None` when the chunks agree or the vote is close.
fn chunk_vote(words: &Words, infos: &[WordInfo]) -> Option<(Verdict, f64)> {
    let n_chunks = words.cyr_chunk.last().map_or(0, |&c| c as usize + 1);
    if n_chunks < 2 {
        return None;
    }
    // votes: (verdict, letters)
    let mut votes: Vec<(Verdict, usize)> = Vec::new();
    let mut all_letters = 0;
    let mut start = 0;
    while start < infos.len() {
        let chunk = words.cyr_chunk[start];
        let end = start
            + words.cyr_chunk[start..]
                .iter()
                .take_while(|&&c| c == chunk)
                .count();
        let chunk = &infos[start..end];
        let letters: usize = chunk.iter().map(|w| w.letters).sum();
        all_letters += letters;
        if end - start >= CHUNK_WORDS {
            let v = Scores::of(chunk).verdict();
            // only Ukrainian against Russian is put to the vote
            let decided = match v {
                Verdict::Other(..) => false,
                Verdict::UkRu(d) => d.abs() >= UKRU_DECISIVE,
            };
            if decided {
                match votes.iter_mut().find(|(x, _)| same_language(*x, v)) {
                    Some(slot) => slot.1 += letters,
                    None => votes.push((v, letters)),
                }
            }
        }
        start = end;
    }
    if votes.len() < 2 {
        return None;
    }
    votes.sort_by_key(|v| std::cmp::Reverse(v.1));
    // the winner must have clearly more letters than the runner-up, and half the text
    if votes[0].1 * 10 < votes[1].1 * 13 || votes[0].1 * 2 < all_letters {
        return None;
    }
    let share = votes[0].1 as f64 / all_letters as f64;
    let verdict = match votes[0].0 {
        Verdict::Other(l, _) => Verdict::Other(l, OTHER_MARGIN + 4.0 * share),
        Verdict::UkRu(d) => Verdict::UkRu(d.signum() * (UKRU_DECISIVE + 4.0 * share)),
    };
    Some((verdict, share))
}

/// The text the statistical model reads: the Cyrillic words, at most [`RESIDUE_CHARS`]
/// characters of them (the model's time grows fast with length, and text that long is
/// rarely undecided).
fn residue_text(words: &Words) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for w in words.cyr_words() {
        let n = w.chars().count();
        if chars + n > RESIDUE_CHARS {
            if chars == 0 {
                out.extend(w.chars().take(RESIDUE_CHARS));
            }
            break;
        }
        if !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        out.push_str(w);
        chars += n;
    }
    out
}

/// Ukrainian or Russian text that no letter, word or spelling decides: lingua's
/// Ukrainian and Russian n-gram models (shipped in the lingua crates, loaded once).
fn residue(text: &str, diff: f64, mut evidence: String) -> Detection {
    use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
    use std::sync::OnceLock;
    static MODEL: OnceLock<LanguageDetector> = OnceLock::new();
    let model = MODEL.get_or_init(|| {
        LanguageDetectorBuilder::from_languages(&[Language::Ukrainian, Language::Russian]).build()
    });
    // lingua sums in hash-map order, so its last digits vary from call to call: rounded,
    // the same text always gets the same answer
    let values = model.compute_language_confidence_values(text);
    let value = |l: Language| values.iter().find(|v| v.0 == l).map_or(0.0, |v| v.1);
    let (uk, ru) = (value(Language::Ukrainian), value(Language::Russian));
    // no opinion (no letter lingua reads): even odds
    let mut p_uk = if uk + ru > 0.0 { uk / (uk + ru) } else { 0.5 };
    p_uk = (p_uk * 1e6).round() / 1e6;
    // the weak evidence still counts a little
    p_uk = (p_uk + 0.2 * diff).clamp(0.0, 1.0);
    let _ = write!(evidence, "; residue: lingua p(uk) {p_uk:.2}");
    let (lang, code, p) = if p_uk >= 0.5 {
        (Lang::Uk, "uk", p_uk)
    } else {
        (Lang::Ru, "ru", 1.0 - p_uk)
    };
    // short text: even a sure model is not sure
    let size = 1.0 - (-(text.chars().filter(|c| c.is_alphabetic()).count() as f64) / 12.0).exp();
    Detection::new(lang, code, p * (0.5 + 0.35 * size), evidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(word: &str) -> Vec<char> {
        word.chars().collect()
    }

    #[test]
    fn long_words_are_read_whole() {
        let t = Tables::get();
        let word = "рентгеноэлектрокардиографического".repeat(2);
        let info = WordInfo::of(&word, t, false);
        assert_eq!(info.letters, word.chars().count());
        assert!(info.compat & Cyr::Uk.bit() == 0, "э is not Ukrainian");
    }

    #[test]
    fn tail_tests_endings() {
        let t = Tail::of(&chars("говорится"));
        assert!(t.ends(['т', 'с', 'я']) && t.ends(['с', 'я']) && t.ends(['я']) && t.ends([]));
        assert!(!t.ends(['т', 'ь', 'с', 'я']) && !t.ends(['т', 'с', 'я', '!']));
        let t = Tail::of(&chars("я"));
        assert!(t.ends(['я']) && !t.ends(['а', 'я']));
    }

    #[test]
    fn spelling_cues_point_the_right_way() {
        for uk in ["питання", "цього", "український", "сказав"] {
            let (u, r) = spelling_cues(&chars(uk), &Tail::of(&chars(uk)));
            assert!(u > r, "{uk}: {u} {r}");
        }
        for ru in ["статья", "говорится", "новое", "именно", "знает", "другой"]
        {
            let (u, r) = spelling_cues(&chars(ru), &Tail::of(&chars(ru)));
            assert!(r > u, "{ru}: {u} {r}");
        }
    }

    #[test]
    fn spelling_excludes_russian_hard_sign_before_consonant() {
        let (excluded, _) = spelling_masks(&chars("път"), &Tail::of(&chars("път")));
        assert!(excluded & Cyr::Ru.bit() != 0);
        let (excluded, _) = spelling_masks(&chars("объявил"), &Tail::of(&chars("объявил")));
        assert!(excluded & Cyr::Ru.bit() == 0);
    }
}
