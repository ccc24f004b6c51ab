import datetime as dt
import sqlite3
from dataclasses import replace

import pytest

from marsad.errors import StoreError
from marsad.model import Article, Citation, Document, Entity, Event, Failure
from marsad.store import EventQuery, open_store


def _event(story: str, n: int, event: str, actor: str, recipient: str, day: int, lang: str = "en") -> Event:
    return Event(
        id=f"{story}-{n}",
        event=event,
        actor=(Entity(actor, "GOV", f"{actor} minister"),),
        recipient=(Entity(recipient, "GOV", recipient),) if recipient else (),
        cite=Citation(story_id=story, language=lang, source="Tigris Wire"),
        event_text=f"sentence {n} of {story}",
        text_start=0,
        text_end=10,
        sentence_index=n,
        date=dt.date(2026, 10, day),
        date_precision="day",
        quad_code=1,
        event_scale=2.5,
        confidence=0.8,
    )


def _article(story: str, *events: Event, lang: str = "en") -> Article:
    doc = Document(
        origin=f"{story}.txt", content=f"original {story}", content_format="text", path=f"{story}.txt"
    )
    return Article(story_id=story, document=doc, text=f"text {story}", language=lang, events=events)


@pytest.fixture
def store():
    s = open_store(":memory:")
    s.write_article(
        _article("a", _event("a", 0, "CONSULT", "IRQ", "FRA", 1), _event("a", 1, "ACCUSE", "FRA", "IMG", 3))
    )
    s.write_article(_article("b", _event("b", 0, "CONSULT", "IRQ", "FRA", 5, "ar"), lang="ar"))
    yield s
    s.close()


def test_write_article_is_idempotent(store):
    assert store.write_article(_article("a", _event("a", 0, "CONSULT", "IRQ", "FRA", 1))) is False
    assert store.count_events() == 3
    assert store.stats().articles == 2


def test_events_round_trip_through_the_store(store):
    event = _event("a", 0, "CONSULT", "IRQ", "FRA", 1)
    assert store.get_event("a-0") == event
    assert store.get_event("missing") is None


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        (EventQuery(event_type="CONSULT"), ["a-0", "b-0"]),
        (EventQuery(actor="img"), ["a-1"]),
        (EventQuery(since=dt.date(2026, 10, 2)), ["a-1", "b-0"]),
        (EventQuery(until=dt.date(2026, 10, 3)), ["a-0", "a-1"]),
        (EventQuery(language="ar"), ["b-0"]),
        (EventQuery(text="SENTENCE 1"), ["a-1"]),
        (EventQuery(limit=1, offset=1), ["a-1"]),
    ],
)
def test_event_query_filters(store, query, ids):
    assert [e.id for e in store.events(query)] == ids
    assert store.count_events(replace(query, limit=None, offset=0)) >= len(ids)


def test_stats_count_types_languages_and_dyads(store):
    stats = store.stats()
    assert stats.event_types == {"CONSULT": 2, "ACCUSE": 1}
    assert stats.languages == {"en": 1, "ar": 1}
    assert stats.dyads[0] == ("IRQ", "FRA", 2)


def test_original_is_kept(store):
    stored = store.get_article("a")
    assert stored is not None and stored.original == "original a" and stored.text == "text a"


def test_failed_write_leaves_nothing_behind(store):
    bad = _event("c", 0, "CONSULT", "IRQ", "FRA", 1)
    broken = replace(bad, cite=replace(bad.cite, story_id="not-an-article"))  # violates the foreign key
    with pytest.raises(sqlite3.IntegrityError):
        store.write_article(_article("c", broken))
    assert not store.has_article("c")
    assert store.count_events() == 3


def test_failures_are_recorded(store):
    store.write_failure(Failure("x.bin", "binary file"))
    assert store.stats().failures == 1


def test_store_persists_and_reopens(tmp_path):
    path = tmp_path / "m.db"
    s = open_store(path)
    s.write_article(_article("a", _event("a", 0, "CONSULT", "IRQ", "FRA", 1)))
    s.close()
    again = open_store(path)
    assert again.count_events() == 1
    again.close()


def test_open_store_on_a_non_database_file_says_so(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"junk\.db"):
        open_store(path)


def test_event_with_location_round_trips(store):
    from marsad.model import Location

    loc = Location("Bagdad", "Baghdad", 98182, 33.34, 44.40, "Baghdad", "IRQ", "PPLC", "city", 5, 11)
    event = replace(_event("z", 0, "CONSULT", "FRA", "IRQ", 2), location=loc)
    store.write_article(_article("z", event))
    assert store.get_event("z-0") == event
