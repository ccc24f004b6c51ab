import datetime as dt

import pytest

from marsad.dates import find_date, resolve_dates
from marsad.model import Citation, Event

PUB = dt.date(2026, 10, 16)  # a Friday


@pytest.mark.parametrize(
    ("sentence", "language", "expected", "precision"),
    [
        ("The minister arrived on Thursday.", "en", dt.date(2026, 10, 15), "day"),
        ("He said yesterday that talks went well.", "en", dt.date(2026, 10, 15), "day"),
        ("On August 26, the ministers met.", "en", dt.date(2026, 8, 26), "day"),
        ("French troops withdrew last March.", "en", dt.date(2026, 3, 1), "month"),
        ("Earlier this month, the army said.", "en", dt.date(2026, 10, 1), "month"),
        ("وصل الوزير يوم الخميس الماضي إلى بغداد", "ar", dt.date(2026, 10, 15), "day"),
        ("التقى الوزيران الجمعة", "ar", dt.date(2026, 10, 16), "day"),
        ("في 27 آب الماضي", "ar", dt.date(2026, 8, 27), "day"),
        ("في ١٥ تشرين الأول ٢٠٢٦", "ar", dt.date(2026, 10, 15), "day"),
        ("قال أمس", "ar", dt.date(2026, 10, 15), "day"),
        ("La ministre est arrivée jeudi dernier à Bagdad.", "fr", dt.date(2026, 10, 15), "day"),
        ("Les ministres se sont vus le 27 août.", "fr", dt.date(2026, 8, 27), "day"),
        ("Les troupes se sont retirées en mars dernier.", "fr", dt.date(2026, 3, 1), "month"),
        ("Il y a deux jours, l'armée a annoncé.", "fr", dt.date(2026, 10, 14), "day"),
    ],
)
def test_find_date_resolves_against_publication(sentence, language, expected, precision):
    found = find_date(sentence, language, PUB)
    assert found is not None
    assert (found.date, found.precision) == (expected, precision)


def test_find_date_ignores_modal_may_and_future_plans():
    assert find_date("The ministers may meet soon.", "en", PUB) is None
    assert find_date("Il se rendra à Paris mardi prochain.", "fr", PUB) is None


def test_relative_date_without_publication_gives_none():
    assert find_date("He arrived on Thursday.", "en", None) is None
    found = find_date("He arrived on August 26, 2025.", "en", None)
    assert found is not None and found.date == dt.date(2025, 8, 26)


def _event(sentence_index: int) -> Event:
    return Event(
        id="e1",
        event="CONSULT",
        actor=(),
        recipient=(),
        cite=Citation(story_id="s"),
        event_text="",
        text_start=0,
        text_end=0,
        sentence_index=sentence_index,
    )


def test_resolve_dates_uses_the_story_date_then_publication_then_nothing(article_factory):
    from dataclasses import replace

    article = article_factory("The minister arrived on Thursday.\nThe talks went on.", "en", PUB)
    article = replace(article, events=(_event(0), _event(1)))
    dated = resolve_dates(article).events
    thursday = (dt.date(2026, 10, 15), "day")
    assert [(e.date, e.date_precision) for e in dated] == [thursday, thursday]
    undated = resolve_dates(replace(article, published=None)).events
    assert [e.date for e in undated] == [None, None]


def test_resolve_dates_without_a_lede_date_uses_publication(article_factory):
    from dataclasses import replace

    article = article_factory(
        "The minister arrived.\nFrench troops left last March.\nTalks went on.", "en", PUB
    )
    article = replace(article, events=(_event(0), _event(1), _event(2)))
    dated = [(e.date, e.date_precision) for e in resolve_dates(article).events]
    assert dated == [(PUB, "day"), (dt.date(2026, 3, 1), "month"), (PUB, "day")]


def test_reactions_to_a_material_act_are_dated_at_publication(article_factory):
    from dataclasses import replace

    text = (
        "Gunmen attacked a village on Thursday.\nThe governor condemned the attack.\nPolice arrested two men."
    )
    article = article_factory(text, "en", PUB)
    attack, condemn, arrest = (
        _event(0),
        replace(_event(1), event="ACCUSE"),
        replace(_event(2), event="COERCE"),
    )
    article = replace(article, events=(replace(attack, event="ASSAULT"), condemn, arrest))
    dates = [e.date for e in resolve_dates(article).events]
    thursday = dt.date(2026, 10, 15)
    assert dates == [thursday, PUB, thursday]
