"""Attacks reported by their weapon or victims, with no author named: unidentified attackers (UAF)."""

from __future__ import annotations

import pytest

from marsad.normalize import fold_text
from marsad.unknown_attackers import UNKNOWN_ATTACKER, names_attack_means, tells_it_happened
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
        ("en", "The minister condemned the attack on a police checkpoint near the border."),
        ("fr", "Le ministre a condamné l'attaque contre un poste de police près de la frontière."),
        ("ar", "وأدان الوزير الهجوم على حاجز للشرطة قرب الحدود."),
        ("ar", "وقال الوزير إن الهجوم الأخير على الحاجز لن يمر دون عقاب ووقعت الحكومة اتفاقا جديدا."),
    ],
)
def test_a_reference_to_an_attack_is_not_a_new_one(language, text):
    assert not [e for e in code(text, language) if e.event == "ASSAULT"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The attack took place on Sunday at a police checkpoint near the border."),
        ("fr", "L'attaque a eu lieu dimanche contre un poste de police près de la frontière."),
        ("fr", "L'attentat s'est produit à l'aube devant la caserne."),
        ("ar", "ووقع الهجوم مساء الأحد على حاجز للشرطة قرب الحدود."),
        ("ar", "وأسفر التفجير عن سقوط عشرة جرحى في السوق."),
    ],
)
def test_the_attack_said_to_take_place_is_by_unidentified_attackers(language, text):
    (event,) = code(text, language)
    assert event.event == "ASSAULT"
    assert [(e.code, e.sector) for e in event.actor] == [("", "UAF")]


def test_means_and_accident_words_are_read_on_folded_text():
    assert names_attack_means(fold_text("Des hommes armés ont ouvert le feu"), "fr")
    assert names_attack_means(fold_text("بعبوة ناسفة"), "ar")
    assert not names_attack_means(fold_text("بانفجار اسطوانة غاز"), "ar")
    assert not names_attack_means(fold_text("The meeting ended."), "en")
    assert names_attack_means(fold_text("L'attentat"), "fr") and names_attack_means(fold_text("d'obus"), "fr")
    assert tells_it_happened(fold_text("ووقع"), "ar")
    assert not tells_it_happened(fold_text("وقعت اتفاقا"), "en")
    assert UNKNOWN_ATTACKER.sector == "UAF" and UNKNOWN_ATTACKER.code == ""
