from __future__ import annotations

import pytest

from marsad.segment import split_sentences


def texts(text: str, language: str) -> list[str]:
    sentences = split_sentences(text, language)
    for i, sentence in enumerate(sentences):
        assert sentence.index == i
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
    return [s.text for s in sentences]


def test_english_abbreviations_initials_and_decimals_do_not_split() -> None:
    text = (
        "The U.S. envoy met Dr. Sami Karam and Gen. Ali Nouri in Amman on Monday. "
        "The talks lasted 2.5 hours, said John F. Kelly. Was a deal reached? Not yet!"
    )
    assert texts(text, "en") == [
        "The U.S. envoy met Dr. Sami Karam and Gen. Ali Nouri in Amman on Monday.",
        "The talks lasted 2.5 hours, said John F. Kelly.",
        "Was a deal reached?",
        "Not yet!",
    ]


def test_dotted_acronym_ends_a_sentence_before_a_common_opener() -> None:
    text = "The envoy flew to the U.S. The talks resume on Friday."
    assert texts(text, "en") == ["The envoy flew to the U.S.", "The talks resume on Friday."]


def test_paragraph_numbers_times_and_numbered_references() -> None:
    text = "13. The envoys met twice. Law No. 12 applies. The meeting ended at 1.15 p.m. Talks resume today."
    assert texts(text, "en") == [
        "13. The envoys met twice.",
        "Law No. 12 applies.",
        "The meeting ended at 1.15 p.m.",
        "Talks resume today.",
    ]


def test_a_lower_case_word_after_a_stop_does_not_start_a_sentence() -> None:
    text = "Rifles, mortars, etc. were seized. Police said so."
    assert texts(text, "en") == ["Rifles, mortars, etc. were seized.", "Police said so."]


def test_french_titles_quotes_and_question_marks() -> None:
    text = (
        "M. Barrot a reçu Mme Dupont et le Dr. Karam à Paris. Les pourparlers ont duré 2,5 heures. "
        "Le ministre a déclaré : « Nous sommes prêts. Nous agirons vite. » Puis il est parti. "
        "Un accord ? Pas encore."
    )
    assert texts(text, "fr") == [
        "M. Barrot a reçu Mme Dupont et le Dr. Karam à Paris.",
        "Les pourparlers ont duré 2,5 heures.",
        "Le ministre a déclaré : « Nous sommes prêts. Nous agirons vite. »",
        "Puis il est parti.",
        "Un accord ?",
        "Pas encore.",
    ]


def test_arabic_splits_on_stops_and_question_mark_not_on_comma_or_semicolon() -> None:
    text = (
        "التقى د. سامي كرم وزير الدفاع في عمّان، وبحثا أمن الحدود؛ وقال إن النمو بلغ 2.5 في المئة. "
        "هل تم الاتفاق؟ لم يتم بعد."
    )
    assert texts(text, "ar") == [
        "التقى د. سامي كرم وزير الدفاع في عمّان، وبحثا أمن الحدود؛ وقال إن النمو بلغ 2.5 في المئة.",
        "هل تم الاتفاق؟",
        "لم يتم بعد.",
    ]


def test_arabic_short_quotation_is_kept_whole() -> None:
    text = "قال الوزير: «سنعمل معا. وسننجح». ثم غادر القاعة."
    assert texts(text, "ar") == ["قال الوزير: «سنعمل معا. وسننجح».", "ثم غادر القاعة."]


@pytest.mark.parametrize("language", ["ar", "en", "fr", ""])
def test_every_line_break_ends_a_sentence(language: str) -> None:
    text = "Headline without a stop\nAMMAN, March 3\n\n  First sentence here.  \n---\n"
    assert texts(text, language) == ["Headline without a stop", "AMMAN, March 3", "First sentence here."]


def test_arabic_headline_and_dateline_lines() -> None:
    text = "اتفاق أمني بين البلدين\nالقاهرة - وكالة اختبار\nوقع الجانبان الاتفاق أمس."
    assert texts(text, "ar") == [
        "اتفاق أمني بين البلدين",
        "القاهرة - وكالة اختبار",
        "وقع الجانبان الاتفاق أمس.",
    ]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("", "en") == ()
    assert split_sentences(" \n\n ", "ar") == ()
