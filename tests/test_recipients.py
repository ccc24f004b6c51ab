"""Recipient sides (marsad.recipients): named, referred to, implied; in ar, en and fr."""

from __future__ import annotations

import pytest

from marsad.direction import Roles
from marsad.event_scope import Scope
from marsad.model import Entity, Mention
from marsad.pipeline import code_text
from marsad.recipients import recipient_side


def mention(code: str, sector: str, text: str, kind: str = "role") -> Mention:
    return Mention(0, 0, len(text), Entity(code, sector, text), kind)


@pytest.mark.parametrize(
    ("language", "protesters"),
    [("en", "protesters"), ("fr", "les manifestants"), ("ar", "المتظاهرون")],
)
def test_a_protest_with_no_target_is_against_the_home_government(language: str, protesters: str) -> None:
    actor = (Entity("IRQ", "CVL", protesters),)
    side = recipient_side("PROTEST", ("demo",), Roles((), (), "subject"), actor, Scope(language, home="IRQ"))
    assert [(e.code, e.sector) for e in side] == [("IRQ", "GOV")]


def test_foreign_protesters_protest_their_own_government() -> None:
    actor = (Entity("IRN", "CVL", "Iranians"),)
    side = recipient_side("PROTEST", (), Roles((), (), "subject"), actor, Scope("en", home="IRQ"))
    assert [e.code for e in side] == ["IRN"]


def test_a_government_protest_gets_no_default_target() -> None:
    actor = (Entity("IRQ", "GOV", "ministry"),)
    assert recipient_side("PROTEST", (), Roles((), (), "subject"), actor, Scope("en", home="IRQ")) == ()


def test_a_civilian_demand_with_no_addressee_goes_to_the_government_but_a_ministers_does_not() -> None:
    civilians = (Entity("IRQ", "CVL", "الأهالي"),)
    minister = (Entity("IRQ", "GOV", "le ministre"),)
    roles = Roles((), (), "subject")
    assert [e.sector for e in recipient_side("REQUEST", (), roles, civilians, Scope("ar", home="IRQ"))] == [
        "GOV"
    ]
    assert recipient_side("REQUEST", (), roles, minister, Scope("fr", home="IRQ")) == ()


def test_a_named_recipient_wins_and_the_actors_own_side_is_dropped() -> None:
    actor = (Entity("IRQ", "GOV", "the ministry"),)
    roles = Roles(
        (), (mention("IRQ", "GOV", "the government"), mention("TUR", "GOV", "Ankara", "capital")), "subject"
    )
    side = recipient_side("REQUEST", (), roles, actor, Scope("en", home="IRQ"))
    assert [e.code for e in side] == ["TUR"]


def test_a_visit_with_no_named_host_goes_to_the_place_visited() -> None:
    place = mention("IRQ", "", "بغداد", "capital")
    actor = (Entity("FRA", "GOV", "الوزير الفرنسي"),)
    side = recipient_side("CONSULT", ("visit",), Roles((), (), "subject", place), actor, Scope("ar"))
    assert [(e.code, e.sector) for e in side] == [("IRQ", "GOV")]


def test_a_referred_actor_fills_an_empty_recipient() -> None:
    attacker = (Entity("IMG", "REB", "ISIS"),)
    actor = (Entity("IRQ", "GOV", "governor"),)
    side = recipient_side("ACCUSE", (), Roles((), (), "subject"), actor, Scope("en", home="IRQ"), attacker)
    assert side == attacker


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "BAGHDAD - Iraqi authorities imposed a curfew in the city of Basra."),
        ("fr", "BAGDAD - Les autorités irakiennes ont décrété un couvre-feu à Bassora."),
        ("ar", "بغداد - فرضت السلطات العراقية حظر التجول في مدينة البصرة."),
    ],
)
def test_a_curfew_on_no_one_named_binds_the_home_civilians(language, text):
    (curfew,) = [e for e in code_text(text, language, "2026-10-10") if e.event == "COERCE"]
    assert [e.code for e in curfew.actor] == ["IRQ"]
    assert [(e.code, e.sector) for e in curfew.recipient] == [("IRQ", "CVL")]
