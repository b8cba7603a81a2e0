//! Tests of the sentence aligner on small uk / en / ru stories written for the purpose,
//! and property tests of the alignment invariants.

use edalign::Lang;
use edalign::align::{Aligner, Alignment, Side, StoryAlignment};
use proptest::prelude::*;

const UK: &[&str] = &[
    "Парламент схвалив новий бюджет на 2025 рік.",
    "За документ проголосували 256 депутатів.",
    "Прем'єр-міністр Денис Шмигаль назвав бюджет бюджетом оборони.",
    "Видатки на армію зростуть на 1,5 млрд гривень.",
    "Опозиція на чолі з Петром Порошенком критикувала коаліцію за поспіх.",
    "Чи вистачить коштів на відбудову?",
    "Міністр фінансів Сергій Марченко відповів, що так.",
];
const EN: &[&str] = &[
    "Parliament approved a new budget for 2025.",
    "256 deputies voted for the document.",
    "Prime Minister Denys Shmyhal called it a defence budget.",
    "Spending on the army will grow by 1.5 billion hryvnias.",
    "Will there be enough money for reconstruction?",
    "Finance Minister Serhiy Marchenko said yes.",
];
const RU: &[&str] = &[
    "Парламент одобрил новый бюджет на 2025 год.",
    "За документ проголосовали 256 депутатов.",
    "Премьер-министр Денис Шмыгаль назвал бюджет бюджетом обороны.",
    "Расходы на армию вырастут на 1,5 млрд гривен.",
    "Оппозиция во главе с Петром Порошенко критиковала коалицию за спешку.",
    "Хватит ли средств на восстановление?",
    "Министр финансов Сергей Марченко ответил, что да.",
];

/// Every sentence of both sides is in exactly one bead; one-sided beads hold one sentence.
fn check_partition(a: &Alignment, n: usize, m: usize) {
    let mut seen_s = vec![0; n];
    let mut seen_t = vec![0; m];
    for b in &a.beads {
        assert!(b.src.end <= n && b.tgt.end <= m, "bead out of range: {b:?}");
        assert!(!(b.src.is_empty() && b.tgt.is_empty()), "empty bead");
        if !b.is_link() {
            assert_eq!(
                b.src.len() + b.tgt.len(),
                1,
                "one-sided bead of several: {b:?}"
            );
        }
        assert!((0.0..=1.0).contains(&b.score), "score {b:?}");
        for i in b.src.clone() {
            seen_s[i] += 1;
        }
        for j in b.tgt.clone() {
            seen_t[j] += 1;
        }
    }
    assert!(seen_s.iter().chain(&seen_t).all(|&c| c == 1), "{a:?}");
}

/// Links that are not marked moved are monotone in both sides.
fn check_monotone(a: &Alignment) {
    let links: Vec<_> = a.beads.iter().filter(|b| b.is_link() && !b.moved).collect();
    for w in links.windows(2) {
        assert!(w[0].src.end <= w[1].src.start, "{:?} then {:?}", w[0], w[1]);
        assert!(w[0].tgt.end <= w[1].tgt.start, "{:?} then {:?}", w[0], w[1]);
    }
}

fn links(a: &Alignment) -> Vec<(Vec<usize>, Vec<usize>)> {
    a.beads
        .iter()
        .filter(|b| b.is_link())
        .map(|b| (b.src.clone().collect(), b.tgt.clone().collect()))
        .collect()
}

#[test]
fn abridged_english_leaves_the_dropped_sentence_alone() {
    let uk = Side::new(Lang::Uk, UK.to_vec());
    let en = Side::new(Lang::En, EN.to_vec());
    let a = Aligner::default().align(&uk, &en);
    check_partition(&a, UK.len(), EN.len());
    check_monotone(&a);
    // uk 4 (the opposition) has no English counterpart.
    assert!(
        a.beads.iter().any(|b| b.src == (4..5) && b.tgt.is_empty()),
        "{a:?}"
    );
    assert_eq!(
        links(&a),
        vec![
            (vec![0], vec![0]),
            (vec![1], vec![1]),
            (vec![2], vec![2]),
            (vec![3], vec![3]),
            (vec![5], vec![4]),
            (vec![6], vec![5]),
        ]
    );
}

#[test]
fn ukrainian_and_russian_align_one_to_one() {
    let uk = Side::new(Lang::Uk, UK.to_vec());
    let ru = Side::new(Lang::Ru, RU.to_vec());
    let a = Aligner::default().align(&uk, &ru);
    for (k, b) in a.beads.iter().enumerate() {
        assert_eq!((b.src.clone(), b.tgt.clone()), (k..k + 1, k..k + 1));
        assert!(b.score > 0.9, "{b:?}");
    }
}

#[test]
fn a_sentence_from_another_story_is_not_linked() {
    let mut en = EN.to_vec();
    en.insert(
        2,
        "The festival drew thousands of visitors to the seaside town last summer.",
    );
    let uk = Side::new(Lang::Uk, UK.to_vec());
    let en = Side::new(Lang::En, en);
    let a = Aligner::default().align(&uk, &en);
    check_partition(&a, UK.len(), EN.len() + 1);
    assert!(
        a.beads.iter().any(|b| b.tgt == (2..3) && b.src.is_empty()),
        "{a:?}"
    );
}

#[test]
fn merged_sentences_make_a_two_to_one_bead() {
    let en = vec![
        EN[0],
        EN[1],
        "Prime Minister Denys Shmyhal called it a defence budget; spending on the army will grow by 1.5 billion hryvnias.",
        EN[4],
        EN[5],
    ];
    let uk = Side::new(Lang::Uk, UK.to_vec());
    let en = Side::new(Lang::En, en);
    let a = Aligner::default().align(&uk, &en);
    assert!(links(&a).contains(&(vec![2, 3], vec![2])), "{a:?}");
}

#[test]
fn paragraphs_keep_merges_inside_them() {
    // The English merges uk 2 and 3. Within one paragraph the merge is found; when uk 2
    // and 3 sit in different paragraphs, joining them costs more, so its score drops.
    let en = vec![
        EN[0],
        EN[1],
        "Prime Minister Denys Shmyhal called it a defence budget; spending on the army will grow by 1.5 billion hryvnias.",
        EN[4],
        EN[5],
    ];
    let uk = Side::new(Lang::Uk, UK.to_vec()).with_paragraphs(vec![0, 0, 1, 1, 2, 2, 2]);
    let en_side = Side::new(Lang::En, en.clone()).with_paragraphs(vec![0, 0, 1, 2, 2]);
    let a = Aligner::default().align(&uk, &en_side);
    check_partition(&a, UK.len(), en.len());
    assert!(links(&a).contains(&(vec![2, 3], vec![2])), "{a:?}");
    let uk = Side::new(Lang::Uk, UK.to_vec()).with_paragraphs(vec![0, 0, 1, 2, 2, 3, 3]);
    let en_side = Side::new(Lang::En, en.clone()).with_paragraphs(vec![0, 0, 1, 2, 2]);
    let b = Aligner::default().align(&uk, &en_side);
    check_partition(&b, UK.len(), en.len());
    let merge = |x: &Alignment| {
        x.beads
            .iter()
            .find(|bd| bd.src == (2..4) && bd.tgt == (2..3))
            .map_or(0.0, |bd| bd.score)
    };
    assert!(merge(&b) < merge(&a), "{} {}", merge(&b), merge(&a));
}

#[test]
fn a_moved_passage_is_found_and_marked() {
    // The English edition moves the two sentences on spending to the end.
    let uk: Vec<&str> = UK.to_vec();
    let en = vec![
        EN[0],
        EN[1],
        EN[2],
        "Will there be enough money for reconstruction?",
        "Finance Minister Serhiy Marchenko said yes.",
        "Opposition deputies criticised the coalition for the haste.",
        "Spending on the army will grow by 1.5 billion hryvnias.",
    ];
    let a = Aligner::default().align(&Side::new(Lang::Uk, uk), &Side::new(Lang::En, en));
    check_partition(&a, UK.len(), 7);
    let moved: Vec<_> = a.beads.iter().filter(|b| b.moved).collect();
    assert!(
        moved.iter().any(|b| b.src == (3..4) && b.tgt == (6..7)),
        "{a:?}"
    );
    check_monotone(&a);
}

#[test]
fn story_of_three_editions_is_consistent() {
    let sides = vec![
        Side::new(Lang::Uk, UK.to_vec()),
        Side::new(Lang::En, EN.to_vec()),
        Side::new(Lang::Ru, RU.to_vec()),
    ];
    let s = Aligner::default().align_story(&sides);
    check_story(&s, &sides);
    check_agreement(&s);
    // uk 4 and ru 4 (the opposition) form a group without English.
    assert!(
        s.groups
            .iter()
            .any(|g| g.members == vec![vec![4], vec![], vec![4]]),
        "{:?}",
        s.groups
    );
}

/// The pairs come in the order (0,1), (0,2), (1,2); every sentence is in one group; the
/// members of a group are exactly what the pairs' links connect.
fn check_story(s: &StoryAlignment, sides: &[Side]) {
    let order: Vec<(usize, usize)> = s.pairs.iter().map(|p| (p.src, p.tgt)).collect();
    let want: Vec<(usize, usize)> = match sides.len() {
        2 => vec![(0, 1)],
        _ => vec![(0, 1), (0, 2), (1, 2)],
    };
    assert_eq!(order, want);
    for p in &s.pairs {
        check_partition(&p.alignment, sides[p.src].len(), sides[p.tgt].len());
        check_monotone(&p.alignment);
    }
    let mut group_of = vec![Vec::new(); sides.len()];
    for (e, side) in sides.iter().enumerate() {
        group_of[e] = vec![usize::MAX; side.len()];
    }
    for (g, grp) in s.groups.iter().enumerate() {
        assert_eq!(grp.members.len(), sides.len());
        for (e, m) in grp.members.iter().enumerate() {
            for &i in m {
                assert_eq!(group_of[e][i], usize::MAX, "sentence in two groups");
                group_of[e][i] = g;
            }
        }
    }
    assert!(group_of.iter().flatten().all(|&g| g != usize::MAX));
    // Groups come in reading order: where an edition's next sentence sits in an earlier
    // group, the editions' orders make a cycle through those two groups (they disagree,
    // as around a moved passage), or pairs aligned apart put sentences that are not
    // neighbours into one group.
    let contiguous = s.groups.iter().all(|g| {
        g.members
            .iter()
            .all(|m| m.windows(2).all(|w| w[1] == w[0] + 1))
    });
    if contiguous {
        let mut next = vec![Vec::new(); s.groups.len()];
        for of in &group_of {
            for w in of.windows(2) {
                if w[0] != w[1] {
                    next[w[0]].push(w[1]);
                }
            }
        }
        let reaches = |from: usize, to: usize| {
            let mut seen = vec![false; next.len()];
            let mut stack = vec![from];
            while let Some(x) = stack.pop() {
                if x == to {
                    return true;
                }
                if !std::mem::replace(&mut seen[x], true) {
                    stack.extend(&next[x]);
                }
            }
            false
        };
        for (e, of) in group_of.iter().enumerate() {
            for w in of.windows(2) {
                let (g, h) = (w[0], w[1]);
                assert!(
                    g <= h || reaches(h, g),
                    "edition {e} out of reading order: {of:?}\n{:?}",
                    s.groups.iter().map(|g| &g.members).collect::<Vec<_>>()
                );
            }
        }
    }
    for p in &s.pairs {
        for b in p.alignment.beads.iter().filter(|b| b.is_link()) {
            let g = group_of[p.src][b.src.start];
            for i in b.src.clone() {
                assert_eq!(group_of[p.src][i], g);
            }
            for j in b.tgt.clone() {
                assert_eq!(group_of[p.tgt][j], g);
            }
        }
    }
}

/// The links of a story's three pairs that the other two contradict, as (pair, bead)
/// indices, computed independently of the library. For every link `a`–`b` of a pair, the
/// sentences of the third edition linked to `a` must be those linked to `b`, except
/// sentences with no counterpart at all in the edition that lacks them: a sentence one
/// edition of the pair merged in and the other left out (the one way correct alignments
/// leave a triangle open).
fn disagreements(s: &StoryAlignment) -> Vec<(usize, usize)> {
    let pair = |x: usize, y: usize| {
        s.pairs
            .iter()
            .find(|p| (p.src, p.tgt) == (x.min(y), x.max(y)))
            .expect("three pairs")
    };
    // partners(x, z, i): sentences of z linked to sentence i of x.
    let partners = |x: usize, z: usize, i: usize| -> Vec<usize> {
        let p = pair(x, z);
        let mut v = Vec::new();
        for b in p.alignment.beads.iter().filter(|b| b.is_link()) {
            let (from, to) = if p.src == x {
                (&b.src, &b.tgt)
            } else {
                (&b.tgt, &b.src)
            };
            if from.contains(&i) {
                v.extend(to.clone());
            }
        }
        v
    };
    let reach = |x: usize, z: usize, r: std::ops::Range<usize>| -> Vec<usize> {
        let mut v: Vec<usize> = r.flat_map(|i| partners(x, z, i)).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let mut out = Vec::new();
    for (k, p) in s.pairs.iter().enumerate() {
        let (x, y) = (p.src, p.tgt);
        let z = 3 - x - y;
        for (n, b) in p
            .alignment
            .beads
            .iter()
            .enumerate()
            .filter(|(_, b)| b.is_link())
        {
            let (ra, rb) = (reach(x, z, b.src.clone()), reach(y, z, b.tgt.clone()));
            let one_way = ra
                .iter()
                .filter(|c| !rb.contains(c))
                .any(|&c| !partners(z, y, c).is_empty());
            let other_way = rb
                .iter()
                .filter(|c| !ra.contains(c))
                .any(|&c| !partners(z, x, c).is_empty());
            if one_way || other_way {
                out.push((k, n));
            }
        }
    }
    out
}

/// The three pairs never contradict each other, and the library's own check agrees.
fn check_agreement(s: &StoryAlignment) {
    let found = disagreements(s);
    assert!(
        found.is_empty(),
        "links contradicted by the other pairs: {found:?}"
    );
    assert!(s.contradictions().is_empty());
}

/// The library's check of contradictions finds what the independent one finds.
fn check_contradictions_are_found(s: &StoryAlignment) {
    let library: Vec<(usize, usize)> = s
        .contradictions()
        .iter()
        .map(|c| (c.pair, c.bead))
        .collect();
    assert_eq!(library, disagreements(s));
}

/// An edition made from `src`: sentences dropped, neighbours merged (joined with a
/// space), and one sentence moved to another place.
fn edition(
    src: &[&str],
    drop: &[bool],
    merge: &[bool],
    moved: Option<(usize, usize)>,
) -> Vec<String> {
    let mut v: Vec<String> = src
        .iter()
        .zip(drop)
        .filter(|(_, d)| !**d)
        .map(|(s, _)| s.to_string())
        .collect();
    let mut out: Vec<String> = Vec::new();
    for (k, s) in v.drain(..).enumerate() {
        match out.last_mut() {
            Some(last) if merge.get(k).copied().unwrap_or(false) => {
                last.push(' ');
                last.push_str(&s);
            }
            _ => out.push(s),
        }
    }
    if let Some((from, to)) = moved
        && from < out.len()
    {
        let s = out.remove(from);
        out.insert(to.min(out.len()), s);
    }
    out
}

#[test]
fn empty_sides_do_not_panic() {
    let al = Aligner::default();
    let e = Side::new(Lang::En, vec![]);
    let u = Side::new(Lang::Uk, UK.to_vec());
    assert!(al.align(&e, &e).beads.is_empty());
    let a = al.align(&u, &e);
    check_partition(&a, UK.len(), 0);
    let a = al.align(&e, &u);
    check_partition(&a, 0, UK.len());
}

#[test]
fn builder_validates_and_shapes_are_respected() {
    assert!(Aligner::builder().band_width(0).build().is_err());
    assert!(Aligner::builder().skip_cost(-1.0).build().is_err());
    assert!(Aligner::builder().max_bead(4).build().is_err());
    let one = Aligner::builder().max_bead(1).build().unwrap();
    let en = vec![EN[0], &*format!("{} {}", EN[1], EN[2]).leak(), EN[3]];
    let a = one.align(
        &Side::new(Lang::Uk, UK[..4].to_vec()),
        &Side::new(Lang::En, en),
    );
    assert!(a.beads.iter().all(|b| b.src.len() <= 1 && b.tgt.len() <= 1));
    let strict = Aligner::builder().min_score(0.99).build().unwrap();
    let a = strict.align(
        &Side::new(Lang::Uk, UK.to_vec()),
        &Side::new(Lang::En, EN.to_vec()),
    );
    assert!(
        a.beads
            .iter()
            .filter(|b| b.is_link())
            .all(|b| b.score >= 0.99)
    );
}

fn sentence() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z ,.?0-9]{0,60}",
        "[а-яіїєґА-Я ,.«»?0-9]{0,60}",
        Just(String::new()),
        Just("\"Quote\" 12,5 — «цитата»?".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
    ))]

    #[test]
    fn beads_partition_and_are_monotone(
        a in prop::collection::vec(sentence(), 0..14),
        b in prop::collection::vec(sentence(), 0..14),
        band in 1usize..6,
    ) {
        let al = Aligner::builder().band_width(band).build().unwrap();
        let sa = Side::new(Lang::Uk, a.iter().map(String::as_str).collect());
        let sb = Side::new(Lang::En, b.iter().map(String::as_str).collect());
        let r = al.align(&sa, &sb);
        check_partition(&r, a.len(), b.len());
        check_monotone(&r);
    }

    #[test]
    fn a_text_aligns_with_itself_on_the_diagonal(
        a in prop::collection::vec("[A-Za-z]{3,12}( [A-Za-z]{2,10}){2,8}\\.", 1..12),
    ) {
        let s = Side::new(Lang::En, a.iter().map(String::as_str).collect());
        let r = Aligner::default().align(&s, &s);
        for (k, b) in r.beads.iter().enumerate() {
            prop_assert_eq!((b.src.clone(), b.tgt.clone()), (k..k + 1, k..k + 1));
        }
    }

    #[test]
    fn story_groups_agree_with_the_pairs(
        a in prop::collection::vec(sentence(), 0..10),
        b in prop::collection::vec(sentence(), 0..10),
        c in prop::collection::vec(sentence(), 0..10),
    ) {
        let sides = vec![
            Side::new(Lang::Uk, a.iter().map(String::as_str).collect()),
            Side::new(Lang::En, b.iter().map(String::as_str).collect()),
            Side::new(Lang::Ru, c.iter().map(String::as_str).collect()),
        ];
        let s = Aligner::default().align_story(&sides);
        check_story(&s, &sides);
        check_agreement(&s);
        let consistent = Aligner::builder().consistent(true).build().unwrap();
        check_story(&consistent.align_story(&sides), &sides);
    }

    #[test]
    fn edited_editions_never_contradict_each_other(
        edits in prop::collection::vec(
            (
                prop::collection::vec(prop::bool::weighted(0.15), 7),
                prop::collection::vec(prop::bool::weighted(0.15), 7),
                prop::option::weighted(0.3, (0usize..7, 0usize..7)),
            ),
            3,
        ),
    ) {
        let texts: Vec<Vec<String>> = [UK, EN, RU]
            .iter()
            .zip(&edits)
            .map(|(src, (drop, merge, moved))| edition(src, drop, merge, *moved))
            .collect();
        let sides: Vec<Side> = [Lang::Uk, Lang::En, Lang::Ru]
            .into_iter()
            .zip(&texts)
            .map(|(lang, t)| Side::new(lang, t.iter().map(String::as_str).collect()))
            .collect();
        let s = Aligner::default().align_story(&sides);
        check_story(&s, &sides);
        check_agreement(&s);
        // The pairs aligned separately still partition and group (but may disagree).
        let separate = Aligner::builder().joint_search(false).build().unwrap();
        let s = separate.align_story(&sides);
        check_story(&s, &sides);
        check_contradictions_are_found(&s);
    }
}
