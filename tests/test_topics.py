"""Sentence topics: quad classes from triggers and topic phrases, united with the model's."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from marsad.topics import TOPIC_QUAD, lexicon_quads, read_topic_phrases, sentence_quads


@pytest.mark.parametrize(
    ("sentence", "language", "quads"),
    [
        ("The council calls for dialogue between the parties.", "en", {1}),  # an appeal for talks
        ("Le Conseil appelle au dialogue.", "fr", {1}),
        ("ويدعو المجلس إلى الحوار.", "ar", {1}),
        ("Le Conseil condamne les attaques contre les civils.", "fr", {3, 4}),  # condemned, still violence
        ("يدين المجلس الهجمات على المدنيين.", "ar", {3, 4}),
        ("The United Nations provides technical assistance.", "en", {2}),
        ("The agenda was adopted.", "en", set()),
    ],
)
def test_lexicon_quads_need_no_actor_and_no_modality(sentence: str, language: str, quads: set[int]) -> None:
    assert lexicon_quads(sentence, language) == frozenset(quads)


def test_a_request_is_about_cooperation() -> None:
    assert TOPIC_QUAD["REQUEST"] == 1
    assert TOPIC_QUAD["ASSAULT"] == 4


def test_topic_table_has_every_phrase_in_three_languages() -> None:
    by_language: dict[str, set[int]] = {}
    for phrase in read_topic_phrases():
        by_language.setdefault(phrase.language, set()).add(phrase.quad)
    assert set(by_language) == {"ar", "en", "fr"}
    assert by_language["ar"] == by_language["en"] == by_language["fr"]


class StubModel:
    """Says material conflict for every sentence that mentions 'quietly' (no trigger does)."""

    def quad_classes(self, sentences: Sequence[str]) -> list[frozenset[int]]:
        return [frozenset({4}) if "quietly" in s else frozenset() for s in sentences]


def test_sentence_quads_unite_the_model_and_the_lexicon() -> None:
    sentences = ["The council quietly calls for dialogue.", "The agenda was quietly adopted.", "Nothing."]
    quads = sentence_quads(sentences, "en", StubModel())  # type: ignore[arg-type]
    assert quads == [frozenset({1, 4}), frozenset({4}), frozenset()]
    assert sentence_quads([], "en", StubModel()) == []  # type: ignore[arg-type]
