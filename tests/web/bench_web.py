"""Time dashboard pages and API calls on a synthetic store of 100,000 events.

    python -m tests.web.bench_web [--db /tmp/marsad-100k-dedup.db] [--events 100000] [--indexes off]

Builds the store once (reused when the file exists; deduplicated on the coded fields,
without the sentence encoder), then renders each URL a few times in-process with
FastAPI's TestClient and prints the first and the median time per URL.
`--indexes off` drops the store's dashboard indexes (migration 3) to measure without
them; `--indexes on` (the default) puts them back.
Not collected by pytest (no test_ prefix): it takes a few minutes to build the store.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from pathlib import Path

from fastapi.testclient import TestClient

from marsad.dedup import DedupConfig, Deduplicator
from marsad.model import Article, Citation, Document, Entity, Event, Location
from marsad.plover import EVENT_TYPES, event_scale, quad_code
from marsad.store import _MIGRATIONS, SQLiteStore, open_store
from marsad.web import create_app

CODES = ["IRQ", "FRA", "USA", "IRN", "TUR", "SYR", "EGY", "SAU", "ISR", "LBN", "JOR", "DZA", "MAR", "TUN"]
CODES += ["LBY", "QAT", "ARE", "RUS", "CHN", "GBR", "DEU", "YEM", "SDN", "PSE", "UNO", "EUR", "IGO"]
SECTORS = ["GOV", "MIL", "COP", "REB", "", "OPP"]
SOURCES = [f"source-{i}" for i in range(12)]
SENTENCES = {
    "ar": "استقبل الوزير نظيره في العاصمة لبحث التعاون الأمني بين البلدين.",
    "en": "The minister met his counterpart in the capital to discuss security cooperation.",
    "fr": "Le ministre a reçu son homologue dans la capitale pour parler de coopération.",
}
DASHBOARD_INDEXES = (
    "events_aggregate",
    "events_canonical_reports",
    "event_actors_code_event",
    "event_actors_event_role",
    "events_loc_country",
)
URLS = [
    "/",
    "/events",
    "/events?actor=IRQ&page=3",
    "/events?type=ASSAULT&language=ar&since=2024-01-01",
    "/events?q=homologue",
    "/events?country=FRA",
    "/events?mentions=true&language=fr",
    "/dyad?a=IRQ&b=FRA",
    "/actors/IRQ",
    "/api/events?limit=100&offset=5000",
    "/api/events/{corroborated}",
    "/events/{corroborated}",
    "/api/series?by=language",
    "/api/series?by=source",
    "/api/network",
    "/api/countries",
    "/api/locations",
]


def build(store: SQLiteStore, n_events: int, per_article: int = 5) -> None:
    rng = random.Random(7)
    start = dt.date(2023, 1, 1)
    for a in range(n_events // per_article):
        language = rng.choice(list(SENTENCES))
        sentence = SENTENCES[language]
        text = "\n".join([sentence] * per_article)
        date = start + dt.timedelta(days=rng.randrange(3 * 365))
        story = f"synthetic-{a}"
        cite = Citation(story_id=story, source=rng.choice(SOURCES), language=language, published=date)
        events = tuple(_event(rng, cite, sentence, i, date) for i in range(per_article))
        doc = Document(origin=story, content=text, content_format="text", source=cite.source, published=date)
        store.write_article(Article(story, doc, text, story, language, date, events=events))


def _event(rng: random.Random, cite: Citation, sentence: str, i: int, date: dt.date) -> Event:
    kind = rng.choice(EVENT_TYPES)
    actor, recipient = rng.sample(CODES, 2)
    start = i * (len(sentence) + 1)
    located = rng.random() < 0.3
    place = (
        Location("place", "Place", lat=rng.uniform(-40, 60), lon=rng.uniform(-20, 80)) if located else None
    )
    return Event(
        id=f"{cite.story_id}-{i}",
        event=kind,
        actor=(Entity(actor, rng.choice(SECTORS), f"{actor} name"),),
        recipient=(Entity(recipient, rng.choice(SECTORS), f"{recipient} name"),),
        cite=cite,
        event_text=sentence,
        text_start=start,
        text_end=start + len(sentence),
        sentence_index=i,
        date=date,
        date_precision="day",
        quad_code=quad_code(kind),
        event_scale=event_scale(kind),
        confidence=rng.random(),
        location=place,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default="/tmp/marsad-100k-dedup.db")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--indexes", choices=("on", "off"), default="on", help="the dashboard indexes")
    args = parser.parse_args()
    fresh = not Path(args.db).exists()
    store = open_store(args.db, dedup=Deduplicator(DedupConfig(use_encoder=False)))
    if fresh:
        began = time.perf_counter()
        build(store, args.events)
        print(f"built {args.events} events in {time.perf_counter() - began:.1f}s")
    set_indexes(store, args.indexes == "on")
    db = store.connection
    mentions, canonical = db.execute("SELECT count(*), sum(canonical_id = id) FROM events").fetchone()
    print(f"store: {mentions} mentions, {canonical} events, {Path(args.db).stat().st_size / 1e6:.0f} MB")
    corroborated = db.execute(
        "SELECT canonical_id FROM events WHERE canonical_id != id ORDER BY rowid LIMIT 1"
    ).fetchone()[0]
    client = TestClient(create_app(store))
    for url in (u.format(corroborated=corroborated) for u in URLS):
        times = []
        for _ in range(args.repeat):
            began = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - began)
            assert response.status_code == 200, (url, response.text[:200])
        warm = statistics.median(times[1:]) if len(times) > 1 else times[0]
        print(f"{times[0] * 1000:8.1f} ms cold {warm * 1000:8.1f} ms warm  {url}")
    store.close()


def set_indexes(store: SQLiteStore, on: bool) -> None:
    """Drop the dashboard indexes, or create them again (migration 3 is idempotent)."""
    if on:
        store.connection.executescript(_MIGRATIONS[2] + ";ANALYZE;")
    else:
        store.connection.executescript("".join(f"DROP INDEX IF EXISTS {n};" for n in DASHBOARD_INDEXES))
        store.connection.executescript("ANALYZE;")


if __name__ == "__main__":
    main()
