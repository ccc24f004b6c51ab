"""A small hand-written store for the dashboard tests: ar, en and fr, several months and dyads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from marsad.dedup import DedupConfig, Deduplicator
from marsad.model import Article, Citation, Document, Entity, Event, Location, make_event_id
from marsad.plover import event_scale, quad_code
from marsad.store import SQLiteStore, open_store

if TYPE_CHECKING:
    from fastapi.testclient import TestClient


# (story, language, source, date, text, [(evidence, type, actor, recipient)])
# actor/recipient: (code, sector, entity_text, office)
ARTICLES = [
    (
        "story-ar-1",
        "ar",
        "Wakala",
        dt.date(2024, 1, 14),
        "عنوان تمهيدي.\nاستقبل وزير الخارجية الفرنسي نظيره العراقي في باريس لبحث التعاون.\n"
        "وقال مصدر إن الجانبين اتفقا على لقاء آخر.",
        [
            (
                "استقبل وزير الخارجية الفرنسي نظيره العراقي في باريس لبحث التعاون.",
                "CONSULT",
                ("FRA", "GOV", "وزير الخارجية الفرنسي", "Minister of Foreign Affairs"),
                ("IRQ", "GOV", "نظيره العراقي", ""),
            ),
        ],
    ),
    (  # the same meeting as story-ar-1, reported a day later in English: deduplicated into it
        "story-en-0",
        "en",
        "Wire Two",
        dt.date(2024, 1, 15),
        "Diplomacy.\nThe French foreign minister received his Iraqi counterpart in Paris on Sunday.",
        [
            (
                "The French foreign minister received his Iraqi counterpart in Paris on Sunday.",
                "CONSULT",
                ("FRA", "GOV", "The French foreign minister", "Minister of Foreign Affairs"),
                ("IRQ", "GOV", "his Iraqi counterpart", ""),
            ),
        ],
    ),
    (
        "story-en-1",
        "en",
        "Wire One",
        dt.date(2024, 2, 3),
        "Lead paragraph.\nIraq signed a security agreement with France on Saturday.\nMore talks are planned.",
        [
            (
                "Iraq signed a security agreement with France on Saturday.",
                "AGREE",
                ("IRQ", "GOV", "Iraq", ""),
                ("FRA", "GOV", "France", ""),
            ),
        ],
    ),
    (
        "story-fr-1",
        "fr",
        "Dépêche",
        dt.date(2024, 3, 22),
        "Chapeau.\nLa France a accusé l'Iran de soutenir des milices armées.\n"
        "L'Irak a condamné une frappe aérienne turque.",
        [
            (
                "La France a accusé l'Iran de soutenir des milices armées.",
                "ACCUSE",
                ("FRA", "GOV", "La France", ""),
                ("IRN", "GOV", "l'Iran", ""),
            ),
            (
                "L'Irak a condamné une frappe aérienne turque.",
                "REJECT",
                ("IRQ", "GOV", "L'Irak", ""),
                ("TUR", "MIL", "turque", ""),
            ),
        ],
    ),
    (
        "story-ar-2",
        "ar",
        "Wakala",
        dt.date(2024, 3, 5),
        "قصفت القوات التركية مواقع في شمال العراق.",
        [
            (
                "قصفت القوات التركية مواقع في شمال العراق.",
                "ASSAULT",
                ("TUR", "MIL", "القوات التركية", ""),
                ("IRQ", "", "العراق", ""),
            ),
        ],
    ),
    (
        "story-en-2",
        "en",
        "Wire Two",
        dt.date(2024, 3, 9),
        "France warned Iraq it would suspend aid.",
        [
            (
                "France warned Iraq it would suspend aid.",
                "THREATEN",
                ("FRA", "GOV", "France", ""),
                ("IRQ", "GOV", "Iraq", ""),
            ),
        ],
    ),
]

LOCATED = {"story-ar-2": Location("شمال العراق", "Northern Iraq", lat=36.3, lon=43.1, country_code="IRQ")}


def build_event(story: str, language: str, source: str, date: dt.date, text: str, spec: tuple) -> Event:
    evidence, event_type, actor, recipient = spec
    start = text.index(evidence)
    cite = Citation(story_id=story, title=f"{story} title", source=source, language=language, published=date)

    def entity(parts: tuple[str, str, str, str]) -> Entity:
        return Entity(code=parts[0], sector=parts[1], entity_text=parts[2], office=parts[3])

    return Event(
        id=make_event_id(story, start, event_type, actor[0], recipient[0]),
        event=event_type,
        actor=(entity(actor),),
        recipient=(entity(recipient),),
        cite=cite,
        event_text=evidence,
        text_start=start,
        text_end=start + len(evidence),
        sentence_index=text[:start].count("\n"),
        date=date,
        date_precision="day",
        quad_code=quad_code(event_type),
        event_scale=event_scale(event_type),
        confidence=0.8,
        location=LOCATED.get(story),
    )


def fill(store: SQLiteStore) -> None:
    for story, language, source, date, text, specs in ARTICLES:
        events = tuple(build_event(story, language, source, date, text, spec) for spec in specs)
        doc = Document(
            origin=f"{story}.txt", content=text, content_format="text", source=source, published=date
        )
        article = Article(
            story_id=story, document=doc, text=text, title=f"{story} title", language=language, published=date
        )
        store.write_article(article.__class__(**{**_fields(article), "events": events}))


def _fields(article: Article) -> dict[str, object]:
    return {name: getattr(article, name) for name in Article.__dataclass_fields__}


def make_store(path: Path) -> SQLiteStore:
    """The fixture store, deduplicated on the coded fields only (no sentence encoder to load)."""
    opened = open_store(path, dedup=Deduplicator(DedupConfig(use_encoder=False)))
    fill(opened)
    return opened


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    opened = make_store(tmp_path / "web.db")
    yield opened
    opened.close()


@pytest.fixture
def client(store: SQLiteStore) -> TestClient:
    from fastapi.testclient import TestClient

    from marsad.web import create_app

    return TestClient(create_app(store))


@pytest.fixture
def event_ids(store: SQLiteStore) -> dict[str, str]:
    """Canonical event ids by type."""
    rows = store.connection.execute("SELECT id, event FROM events WHERE canonical_id = id")
    return {row[1]: row[0] for row in rows}


@pytest.fixture
def mention_id(store: SQLiteStore) -> str:
    """The English report of the Paris meeting, deduplicated into the Arabic one."""
    row = store.connection.execute("SELECT id FROM events WHERE story_id = 'story-en-0'").fetchone()
    return str(row[0])
