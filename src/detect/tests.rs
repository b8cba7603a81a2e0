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
