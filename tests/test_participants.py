"""Cleaning event sides: specific over generic, the story's country, joint references, speakers."""

from __future__ import annotations

import dataclasses

import pytest

from marsad.model import Entity, Mention
from marsad.normalize import fold_text
from marsad.participants import (
    home_country,
    joint_reference,
    opens_statement,
    speaker_before,
    specific_side,
    with_home,
)
from tests.conftest import make_article


def test_coded_entity_wins_and_takes_the_generic_sector():
    side = specific_side([Entity("", "GOV", "government"), Entity("SYR", "", "Syria")])
    assert [(e.code, e.sector) for e in side] == [("SYR", "GOV")]
    side = specific_side([Entity("IRQ", "GOV"), Entity("IRQ", ""), Entity("", "UNK")])
    assert [(e.code, e.sector) for e in side] == [("IRQ", "GOV")]
    assert specific_side([Entity("", "CVL"), Entity("", "CVL")]) == (Entity("", "CVL"),)


def test_domestic_generic_actors_take_the_home_country():
    filled = with_home([Entity("", "COP", "police")], "IRQ")
    assert [(e.code, e.sector) for e in filled] == [("IRQ", "COP")]
    assert with_home([Entity("", "UAF", "gunmen")], "IRQ")[0].code == ""
    assert with_home([Entity("", "COP")], "")[0].code == ""


def test_home_country_prefers_the_dateline():
    text = "BAGHDAD, Oct 1 (Wire) - Police met Syria and Syria."
    article = make_article(text, "en")
    mentions = [
        Mention(0, 0, 7, Entity("IRQ", "GOV", "BAGHDAD"), "capital"),
        Mention(0, 34, 39, Entity("SYR", "", "Syria"), "country"),
        Mention(0, 44, 49, Entity("SYR", "", "Syria"), "country"),
    ]
    assert home_country(dataclasses.replace(article, mentions=tuple(mentions))) == "IRQ"
    assert home_country(dataclasses.replace(article, mentions=tuple(mentions[1:]))) == "SYR"
    assert home_country(article) == ""


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "The two ministers signed a memorandum."),
        ("fr", "Les deux ministres ont signé un accord."),
        ("ar", "ووقع الجانبان مذكرة تفاهم"),
    ],
)
def test_joint_references(language, sentence):
    assert len(joint_reference(fold_text(sentence), language)) == 1
    assert joint_reference(fold_text("The minister signed."), language) == []


@pytest.mark.parametrize(
    ("language", "sentence", "verb"),
    [
        ("en", "We strongly condemn the attack", "condemn"),
        ("fr", "Ma délégation condamne l'attaque", "condamne"),
    ],
)
def test_first_person_speaker(language, sentence, verb):
    text = fold_text(sentence)
    assert speaker_before(text, text.index(verb), language)
    assert not speaker_before(fold_text("They condemn it"), 5, language)


@pytest.mark.parametrize(
    ("language", "sentence", "verb"),
    [
        ("en", "The Council is deeply alarmed", "alarmed"),
        ("fr", "Le Conseil de sécurité condamne", "condamne"),
        ("ar", "إن المجلس يدين", "يدين"),
    ],
)
def test_institutional_speaker(language, sentence, verb):
    text = fold_text(sentence)
    assert speaker_before(text, text.index(fold_text(verb)), language)


def test_statement_opening_allows_only_a_paragraph_number():
    assert opens_statement("7. calls upon", 3)
    assert opens_statement("(b) urges", 4)
    assert opens_statement("welcoming the report", 0)
    assert not opens_statement("the minister urges", 13)
