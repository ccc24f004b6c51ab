"""Aid sent to a place goes to the people of that place's country (marsad.destinations), ar/en/fr."""

from __future__ import annotations

import pytest

from marsad.destinations import aid_destination, hosted_refugees, struck_dwellings
from marsad.normalize import fold_text
from marsad.pipeline import code_text
from tests.test_events import code


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Relief trucks delivered flour to displacement camps in Idlib.", ("SYR", "REF")),
        ("en", "The convoy reached the city of Homs on Friday.", ("SYR", "CVL")),
        ("fr", "Les camions ont livré de la farine aux déplacés à Idleb.", ("SYR", "REF")),
        ("fr", "Le convoi est arrivé à Mossoul samedi.", ("IRQ", "CVL")),
        ("ar", "وصلت إلى مدينة الموصل قافلة مساعدات غذائية.", ("IRQ", "CVL")),
        ("ar", "وصلت شحنة أدوية إلى مخيمات النازحين في إدلب.", ("SYR", "REF")),
    ],
)
def test_a_place_after_a_destination_word_gives_its_country(language, text, expected):
    (found,) = aid_destination(fold_text(text), language)
    assert (found.code, found.sector) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Relief trucks delivered flour on Friday."),
        ("en", "Homs residents said the trucks came late."),
        ("fr", "Le convoi est parti samedi."),
        ("ar", "أرسلت الحكومة قافلة مساعدات غذائية."),
    ],
)
def test_no_destination_word_or_no_place_gives_no_recipient(language, text):
    assert aid_destination(fold_text(text), language) == ()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Turkey sent humanitarian aid to displacement camps in Idlib."),
        ("fr", "La Turquie a envoyé une aide humanitaire à Idleb."),
        ("ar", "أرسلت تركيا مساعدات إنسانية إلى مخيمات النازحين في إدلب."),
    ],
)
def test_aid_with_no_named_recipient_goes_to_the_destination(language, text):
    (aid,) = [e for e in code(text, language) if e.event == "AID"]
    assert [e.code for e in aid.recipient] == ["SYR"]


def test_a_named_recipient_is_kept():
    (aid,) = [e for e in code("Turkey sent humanitarian aid to Iraq via Homs.", "en") if e.event == "AID"]
    assert [e.code for e in aid.recipient] == ["IRQ"]


def _aid(text: str, language: str):
    (aid,) = [e for e in code_text(text, language, "2026-10-10") if e.event == "AID"]
    return aid


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Aid provided by Jordan's charity reached the city of Mosul.",
        ),
        ("fr", "Une aide humanitaire offerte par le gouvernement jordanien est arrivée à Mossoul."),
        ("ar", "وصلت أمس إلى مدينة الموصل قافلة مساعدات غذائية أردنية مقدمة من الهيئة الخيرية الأردنية."),
    ],
)
def test_the_donor_after_provided_by_is_the_actor_and_the_place_the_recipient(language, text):
    aid = _aid(text, language)
    assert [e.code for e in aid.actor] == ["JOR"]
    assert [(e.code, e.sector) for e in aid.recipient] == [("IRQ", "CVL")]


@pytest.mark.parametrize(
    ("language", "text", "home", "expected"),
    [
        ("en", "a village near the border", "IRQ", [("IRQ", "CVL")]),
        ("en", "homes near Tikrit", "", [("IRQ", "CVL")]),
        ("fr", "le marché central de la ville", "SYR", [("SYR", "CVL")]),
        ("ar", "منازل القرية قبل أن يفروا", "IRQ", [("IRQ", "CVL")]),
        ("en", "an army checkpoint near Tikrit", "IRQ", []),
        ("ar", "حاجزا للجيش", "IRQ", []),
    ],
)
def test_an_attack_on_dwellings_strikes_the_home_civilians(language, text, home, expected):
    folded = fold_text(text)
    found = struck_dwellings(folded, folded, home)
    assert [(e.code, e.sector) for e in found] == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "BAGHDAD - Islamic State fighters attacked a village near Tikrit on Sunday."),
        ("fr", "BAGDAD - Des combattants de l'État islamique ont attaqué un village près de Tikrit."),
        ("ar", "بغداد - هاجم مسلحون من تنظيم داعش مساء السبت قرية صغيرة قرب تكريت."),
    ],
)
def test_an_attack_on_a_village_with_no_victim_named_goes_to_its_civilians(language, text):
    (attack,) = [e for e in code_text(text, language, "2026-10-10") if e.event == "ASSAULT"]
    assert [(e.code, e.sector) for e in attack.recipient] == [("IRQ", "CVL")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("aid for Syrian refugees and the communities hosting them", [("JOR", "REF")]),
        ("une aide aux réfugiés syriens et aux communautés d'accueil", [("JOR", "REF")]),
        ("مساعدات للاجئين السوريين والمجتمعات المحلية التي تستضيفهم", [("JOR", "REF")]),
        ("aid for Syrian refugees in the camps", []),
    ],
)
def test_refugees_sharing_aid_with_host_communities_are_the_hosts(text, expected):
    assert [(e.code, e.sector) for e in hosted_refugees(fold_text(text), "JOR")] == expected
