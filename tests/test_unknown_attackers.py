"""Attacks reported by their weapon or victims, with no author named: unidentified attackers (UAF)."""

from __future__ import annotations

import pytest

from marsad.normalize import fold_text
from marsad.unknown_attackers import UNKNOWN_ATTACKER, names_attack_means
from tests.test_events import code


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "A car bomb killed 12 people in a crowded market on Sunday."),
        ("en", "Three soldiers were killed by a roadside bomb near the border."),
        ("fr", "Trois soldats ont été tués par l'explosion d'un engin piégé."),
        ("fr", "Des tirs de roquettes ont tué deux civils samedi."),
        ("ar", "قتل عشرة أشخاص في انفجار سيارة مفخخة وسط السوق."),
        ("ar", "أصيب خمسة مدنيين بجروح إثر سقوط قذيفة هاون على حي سكني."),
    ],
)
def test_an_attack_with_no_author_named_is_by_unidentified_attackers(language, sentence):
    (event,) = code(sentence, language)
    assert event.event == "ASSAULT"
    assert [(e.code, e.sector) for e in event.actor] == [("", "UAF")]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "A gas explosion killed five people in a restaurant."),
        ("en", "An explosion killed five people in Baghdad."),
        ("fr", "Une explosion de gaz a tué deux personnes dans un immeuble."),
        ("fr", "Un accident de la route a tué quatre personnes."),
        ("ar", "قتل ثلاثة أشخاص في حادث سير على الطريق السريع."),
        ("ar", "قتل شخصان في انفجار اسطوانة غاز داخل مطعم."),
    ],
)
def test_accidents_and_bare_explosions_have_no_attacker(language, sentence):
    assert code(sentence, language) == ()


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "ISIS detonated a car bomb that killed 12 people."),
        ("fr", "L'État islamique a revendiqué l'attentat à la voiture piégée qui a tué douze personnes."),
        ("ar", "قتل الجيش العراقي خمسة عناصر من داعش في اشتباك مسلح."),
    ],
)
def test_a_named_attacker_in_the_sentence_leaves_no_unknown_one(language, sentence):
    events = code(sentence, language)
    assert events
    assert all(e.actor and e.actor[0].code for e in events)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Turkey condemned the attack."),
        ("fr", "Le nombre d'attentats a baissé l'an dernier."),
        ("ar", "تراجع عدد الهجمات بالعبوات الناسفة خلال العام الماضي."),
    ],
)
def test_a_reference_to_an_attack_is_not_a_new_one(language, text):
    assert not [e for e in code(text, language) if e.event == "ASSAULT"]


def test_means_and_accident_words_are_read_on_folded_text():
    assert names_attack_means(fold_text("Des hommes armés ont ouvert le feu"), "fr")
    assert names_attack_means(fold_text("بعبوة ناسفة"), "ar")
    assert not names_attack_means(fold_text("بانفجار اسطوانة غاز"), "ar")
    assert not names_attack_means(fold_text("The meeting ended."), "en")
    assert UNKNOWN_ATTACKER.sector == "UAF" and UNKNOWN_ATTACKER.code == ""
