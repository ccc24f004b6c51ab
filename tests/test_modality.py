"""Modality cues: negation, condition, opinion, future, questions and Q&A blocks."""

from __future__ import annotations

import pytest

from marsad.lexicon import load_lexicon
from marsad.modality import Modality, is_question, modality_of, qa_block_sentences
from marsad.normalize import fold_text
from tests.conftest import make_article


def modality(sentence: str, language: str) -> Modality:
    lexicon = load_lexicon()
    text = fold_text(sentence)
    (trigger,) = lexicon.triggers.find(text, language)
    return modality_of(trigger, lexicon.cues.find(text, language), text, 0)


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("The minister condemned the raid", "en", Modality.FACT),
        ("The minister did not condemn the raid", "en", Modality.DROPPED),
        ("The minister could condemn the raid", "en", Modality.DROPPED),
        ("The minister will host his counterpart", "en", Modality.FUTURE),
        ("The army will not withdraw", "en", Modality.REFUSED),
        ("Le ministre n'a pas condamné le raid", "fr", Modality.DROPPED),
        ("Le ministre pourrait condamner le raid", "fr", Modality.DROPPED),
        ("Le ministre va rencontrer son homologue", "fr", Modality.FUTURE),
        ("لم يدن الوزير القرار", "ar", Modality.DROPPED),
        ("لن ينسحب الجيش", "ar", Modality.REFUSED),
        ("سوف يزور الوزير العاصمة", "ar", Modality.FUTURE),
        ("سيزور الوزير العاصمة", "ar", Modality.FUTURE),
        ("ينبغي أن يدين الوزير القرار", "ar", Modality.DROPPED),
    ],
)
def test_modality_of_a_trigger(sentence, language, expected):
    assert modality(sentence, language) is expected


def test_questions_in_latin_and_arabic_script():
    assert is_question(fold_text("Did the minister visit?"))
    assert is_question(fold_text("هل زار الوزير العاصمة؟"))
    assert not is_question(fold_text("The minister visited."))


def test_qa_block_runs_from_its_first_line_to_the_end():
    article = make_article("Intro.\nBody text.\nQ: What happened?\nA: Nothing.\nMore.", "en")
    assert qa_block_sentences(article, {}) == {2, 3, 4}
    assert qa_block_sentences(make_article("No questions here.\nNone.", "en"), {}) == set()
