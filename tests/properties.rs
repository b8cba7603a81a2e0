//! Invariants of the whole pipeline on arbitrary input (proptest).

use edalign::clean::{CleanOptions, clean};
use edalign::segment::Segmenter;
use edalign::{Edition, Lang};
use edalign::{Pipeline, Story};
use proptest::prelude::*;

/// Text that looks a little like news: words in three scripts, digits, punctuation,
/// abbreviations, quotes, blank lines and page clutter.
fn newsish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("Київ".to_string()),
        Just("Россия".to_string()),
        Just("Paris".to_string()),
        Just("заявив".to_string()),
        Just("said".to_string()),
        Just("м.".to_string()),
        Just("U.S.".to_string()),
        Just("В.".to_string()),
        Just("28".to_string()),
        Just("1,5".to_string()),
        Just(".".to_string()),
        Just("!".to_string()),
        Just("?!".to_string()),
        Just("…".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("—".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("ua en ru\n".to_string()),
        Just("\r\n".to_string()),
        "\\PC{1,6}",
    ];
    prop::collection::vec(token, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Sentences partition every body line: in order, trimmed, non-empty, and the bytes
    /// between them are white space.
    #[test]
    fn segmentation_partitions_the_body(text in newsish(), lang in prop::sample::select(vec![Lang::Uk, Lang::En, Lang::Ru, Lang::Other])) {
        let layout = clean(&text, CleanOptions::default());
        let sentences = Segmenter::new(lang).segment(&text, &layout.paragraphs);
        for (i, s) in sentences.iter().enumerate() {
            prop_assert_eq!(s.index, i);
            prop_assert!(!s.span.is_empty());
            let t = s.span.slice(&text);
            prop_assert_eq!(t.trim(), t);
        }
        for p in &layout.paragraphs {
            for line in &p.lines {
                let inside: Vec<_> = sentences.iter().filter(|s| line.contains(s.span)).collect();
                let mut pos = line.start;
                for s in &inside {
                    prop_assert!(s.span.start >= pos);
                    prop_assert!(text[pos..s.span.start].trim().is_empty());
                    pos = s.span.end;
                }
                prop_assert!(text[pos..line.end].trim().is_empty());
            }
        }
        // No sentence crosses a line.
        for s in &sentences {
            prop_assert!(layout.paragraphs.iter().flat_map(|p| &p.lines).any(|l| l.contains(s.span)));
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The pipeline never panics, and when it succeeds every sentence of every edition is
    /// in exactly one group and in exactly one bead of each of its pairs.
    #[test]
    fn story_groups_and_beads_cover_each_sentence_once(a in newsish(), b in newsish(), c in newsish()) {
        let story = Story {
            id: "prop".into(),
            editions: vec![Edition::new("a", None, a), Edition::new("b", None, b), Edition::new("c", None, c)],
        };
        if let Ok(report) = Pipeline::default().run(story) {
            for (e, ed) in report.editions.iter().enumerate() {
                let mut seen = vec![0; ed.sentences.len()];
                for g in &report.alignment.groups {
                    for &i in &g.members[e] { seen[i] += 1; }
                }
                prop_assert!(seen.iter().all(|&n| n == 1), "groups: {:?}", seen);
            }
            for p in &report.alignment.pairs {
                let mut src = vec![0; report.editions[p.src].sentences.len()];
                let mut tgt = vec![0; report.editions[p.tgt].sentences.len()];
                for bead in &p.alignment.beads {
                    prop_assert!((0.0..=1.0).contains(&bead.score));
                    for i in bead.src.clone() { src[i] += 1; }
                    for j in bead.tgt.clone() { tgt[j] += 1; }
                }
                prop_assert!(src.iter().chain(&tgt).all(|&n| n == 1));
            }
        }
    }
}
