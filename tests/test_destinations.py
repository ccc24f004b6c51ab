"""Aid sent to a place goes to the people of that place's country (marsad.destinations), ar/en/fr."""

from __future__ import annotations

import pytest

from marsad.destinations import aid_destination
from marsad.normalize import fold_text
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
