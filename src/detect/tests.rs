//! Table-driven cases written for edalign (not taken from any benchmark), and a property
//! test.

use super::*;
use proptest::prelude::*;

/// `case!(name, "text" => "code")`: the detector must report `code` for `text`.
macro_rules! case {
    ($name:ident, $text:expr => $code:expr) => {
        #[test]
        fn $name() {
            let d = Detector::new().detect($text);
            assert_eq!(d.code, $code, "{:?}: {}", $text, d.evidence);
            assert!((0.0..=1.0).contains(&d.confidence));
        }
    };
}

/// `not_ukru!(name, "text")`: the detector must report some language other than uk, en, ru.
macro_rules! not_ukru {
    ($name:ident, $text:expr) => {
        #[test]
        fn $name() {
            let d = Detector::new().detect($text);
            assert_eq!(
                d.lang,
                Lang::Other,
                "{:?}: {} {}",
                $text,
                d.code,
                d.evidence
            );
        }
    };
}

// Ukrainian
case!(uk_sentence, "Уряд ухвалив рішення про підвищення мінімальної зарплати з наступного року." => "uk");
case!(uk_no_special_letters, "Вона сказала, що це було дуже важко" => "uk");
case!(uk_apostrophe, "обов'язково м'ясо" => "uk");
case!(uk_modifier_apostrophe, "обовʼязково мʼясо" => "uk");
case!(uk_right_quote_apostrophe, "обов’язково м’ясо" => "uk");
case!(uk_numeral_ending, "72-річний" => "uk");
case!(uk_capitals, "УРЯД УХВАЛИВ НОВИЙ БЮДЖЕТ" => "uk");
case!(uk_short_word, "голосування" => "uk");
case!(uk_soft_o, "цього" => "uk");
case!(uk_skyi, "Президент Зеленський" => "uk");
case!(uk_latin_i_lookalike, "Україна i Польща пiдписали угоду" => "uk");
// Russian
case!(ru_sentence, "Правительство объявило о новых мерах поддержки экономики." => "ru");
case!(ru_no_special_letters, "Он также рассказал, что" => "ru");
case!(ru_who, "Те, кто" => "ru");
case!(ru_reflexive, "Как сообщается" => "ru");
case!(ru_soft_sign_vowel, "статья" => "ru");
case!(ru_numeral_ending_is_not_uk_and, "на 125-й улице" => "ru");
case!(ru_product_title, "Смартфон Samsung Galaxy A52 128GB чёрный" => "ru");
case!(uk_with_url, "Детальніше читайте на https://www.example.com/news/2024/politics/article-name" => "uk");
case!(en_quoting_cyrillic, "The word незалежність means independence in Ukrainian." => "en");
case!(ru_loan_double_consonants, "программа коррупции" => "ru");
case!(uk_single_consonants, "програма корупції" => "uk");
case!(uk_abbreviation_is_not_russian_i, "ІТ-фахівці покладають на це надії" => "uk");
case!(uk_initial_is_not_russian_s, "С. Параджанова згадують у місті" => "uk");
case!(ru_capitals, "ПРАВИТЕЛЬСТВО ОДОБРИЛО НОВЫЙ БЮДЖЕТ" => "ru");
// English
case!(en_sentence, "The minister said on Tuesday that talks would continue next week." => "en");
case!(en_short_names, "American passenger" => "en");
case!(en_with_accent, "José Mourinho said the team had played well." => "en");
// Other Cyrillic
case!(be_sentence, "Беларускі ўрад абвясціў новыя меры падтрымкі эканомікі." => "be");
case!(bg_sentence, "Правителството обяви, че ще въведе нови мерки през следващата година." => "bg");
case!(mk_sentence, "Владата изјави дека ќе ги воведе новите мерки од следната година." => "mk");
case!(sr_sentence, "Влада је саопштила да ће нове мере бити уведене следеће године." => "sr");
case!(kk_sentence, "Қазақстан үкіметі жаңа шешім қабылдады." => "kk");
not_ukru!(
    ky_without_own_letters,
    "Он жыл мурун фермер чочко сатып алган."
);
case!(sr_without_own_letters, "Мушкарац упуцан више пута ваздушном пушком у граду" => "sr");
case!(tg_sentence, "Ҳукумати Тоҷикистон барои соли оянда қарори нав қабул кард." => "tg");
// Other Latin
case!(pl_sentence, "Rząd ogłosił nowe środki wsparcia dla przedsiębiorców." => "pl");
case!(de_sentence, "Die Regierung hat neue Massnahmen fuer die Wirtschaft angekuendigt." => "de");
case!(fr_sentence, "Le gouvernement a annoncé de nouvelles mesures pour l'économie." => "fr");
// Other scripts
case!(el_sentence, "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία." => "el");
not_ukru!(zh_sentence, "政府宣布了新的经济措施。");
not_ukru!(zh_sentence_with_brand, "苹果公司发布了新款iPhone手机。");

// Mixed: the base language wins
case!(
    mixed_ru_quote_in_uk,
    "Міністр заявив, що переговори триватимуть і наступного тижня. «Мы не отступим», — сказав він. Уряд готує нові пропозиції для партнерів." => "uk"
);
case!(
    mixed_uk_quote_in_ru,
    "Министр заявил, что переговоры продолжатся и на следующей неделе. «Ми не відступимо», — сказал он. Правительство готовит новые предложения для партнеров." => "ru"
);
case!(
    mixed_en_quote_in_ru,
    "Министр заявил, что переговоры продолжатся. “We will not give up”, — сказал он." => "ru"
);

// More Ukrainian and Russian
case!(uk_one_word_with_i, "Україна" => "uk");
case!(uk_yi, "їхати" => "uk");
case!(uk_ye, "Європа" => "uk");
case!(uk_ghe, "ґанок" => "uk");
case!(ru_one_word_with_y, "выборы" => "ru");
case!(ru_yo, "ещё" => "ru");
case!(ru_hard_sign, "объявил" => "ru");
case!(uk_function_words, "що як та або але" => "uk");
case!(ru_function_words, "что как или но если" => "ru");
case!(uk_names_in_russian_spelling, "Про виступ Олександра Усика на стадіоні" => "uk");
case!(uk_sentence_with_russian_name, "Депутат Госдуми Олег Морозов заявив, що Україна не має права на власну армію." => "uk");
case!(ru_sentence_with_ukrainian_name, "Министр Дмитро Кулеба заявил, что переговоры продолжатся." => "ru");
case!(uk_english_name_inserted, "Прем'єр-міністр відвідав Лондон (англ. London) минулого тижня." => "uk");
case!(ru_english_name_inserted, "Премьер-министр посетил Лондон (англ. London) на прошлой неделе." => "ru");
case!(
    mixed_en_quote_in_uk,
    "Міністр наголосив, що Україна отримає допомогу. “We stand with Ukraine”, — написав він. Переговори триватимуть наступного тижня." => "uk"
);
case!(
    document_uk,
    "Уряд ухвалив рішення. Міністр фінансів пояснив, що бюджет буде переглянуто. Депутати підтримали зміни. Опозиція критикує кабінет міністрів." => "uk"
);
case!(
    document_ru,
    "Правительство приняло решение. Министр финансов объяснил, что бюджет будет пересмотрен. Депутаты поддержали изменения. Оппозиция критикует кабинет министров." => "ru"
);
// More other Cyrillic
case!(bg_no_hard_sign, "Това е много важно за всички хора, които живеят тук." => "bg");
case!(mk_no_special_letters, "Тоа беше многу тешко за сите луѓе во градот." => "mk");
case!(sr_with_je, "Он је рекао да ће доћи сутра у град." => "sr");
case!(be_with_u_short, "Ён сказаў, што ўрад падтрымлівае гэты праект." => "be");
case!(mn_sentence, "Монгол улсын ерөнхийлөгч өнөөдөр шинэ хууль баталлаа." => "mn");
case!(ba_sentence, "Башҡортостан башлығы яңы ҡарар ҡабул итте." => "ba");
case!(tt_sentence, "Татарстан президенты бүген яңа җитәкчене билгеләде." => "tt");
// More other Latin
case!(es_sentence, "El gobierno anunció nuevas medidas para la economía del país." => "es");
case!(it_sentence, "Il governo ha annunciato nuove misure per l'economia del paese." => "it");
case!(cs_sentence, "Vláda oznámila nová opatření pro podporu ekonomiky." => "cs");
case!(nl_sentence, "De regering heeft nieuwe maatregelen voor de economie aangekondigd." => "nl");
case!(en_title_case_headline, "Trump Nominates Kavanaugh To Supreme Court" => "en");
case!(en_short_fragment, "the EU at" => "en");
case!(en_french_name, "Café de Flore in Paris was crowded." => "en");

#[test]
fn long_undecided_text_is_read_as_cyrillic() {
    // How long this takes is measured by bench/lid/long (the statistical model reads a
    // bounded prefix, so the time stays flat in the length); here only the answer.
    let text = "справа ".repeat(20_000);
    let d = Detector::new().detect(&text);
    assert!(d.lang.is_cyrillic(), "{d:?}");
}

#[test]
fn evidence_says_something() {
    for text in ["Україна", "Россия", "Hello there", "Қазақстан", "пас"] {
        let d = Detector::new().detect(text);
        assert!(!d.evidence.is_empty(), "{text}");
    }
}

#[test]
fn detector_is_reusable_and_deterministic() {
    let d = Detector::new();
    let texts = [
        "Україна",
        "пас",
        "Россия",
        "Hello there",
        "Қазақстан үкіметі",
    ];
    let first: Vec<Detection> = texts.iter().map(|t| d.detect(t)).collect();
    let again: Vec<Detection> = texts.iter().map(|t| d.clone().detect(t)).collect();
    assert_eq!(first, again);
}

#[test]
fn detects_from_several_threads() {
    let d = Detector::new();
    std::thread::scope(|s| {
        for text in ["Уряд ухвалив рішення.", "Правительство приняло решение."]
        {
            let d = &d;
            s.spawn(move || assert_ne!(d.detect(text).lang, Lang::Other));
        }
    });
}

#[test]
fn no_letters_is_undetermined() {
    for text in ["", "   ", "12:30, 2024", "—", "🙂🙂"] {
        let d = Detector::new().detect(text);
        assert_eq!(d, Detection::undetermined(), "{text:?}");
    }
}

#[test]
fn confidence_is_low_for_one_ambiguous_word() {
    let short = Detector::new().detect("пас");
    let long = Detector::new()
        .detect("Уряд ухвалив рішення про підвищення мінімальної зарплати з наступного року.");
    assert!(short.confidence < 0.7, "{short:?}");
    assert!(long.confidence > 0.9, "{long:?}");
}

#[test]
fn detector_is_send_sync_and_clone() {
    fn check<T: Send + Sync + Clone>() {}
    check::<Detector>();
}

proptest! {
    #[test]
    fn never_panics_and_confidence_in_range(text in any::<String>()) {
        let d = Detector::new().detect(&text);
        prop_assert!((0.0..=1.0).contains(&d.confidence));
        prop_assert!(!d.code.is_empty());
    }

    #[test]
    fn never_panics_on_cyrillic_and_latin(text in "[а-яіїєґёыэъўa-zA-Z' ,.-]{0,40}") {
        let d = Detector::new().detect(&text);
        prop_assert!((0.0..=1.0).contains(&d.confidence));
    }
}
