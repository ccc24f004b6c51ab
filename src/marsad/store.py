"""Storage behind one small interface: `EventStore`, with SQLite as the default backend.

`open_store(path)` opens (and migrates) a SQLite file; `open_store(":memory:")` is the
in-memory store that tests use. An article and its events are written in one
transaction keyed by the article's content hash, so ingesting the same article
twice stores it once and a failure half-way leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from marsad.errors import StoreError
from marsad.model import Article, Event, Failure

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

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
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
            for event in article.events:
                self._insert_event(event)
        return True

    def _insert_event(self, event: Event) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?)",
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
            ),
        )
        rows = [(event.id, "actor", e.code, e.sector) for e in event.actor]
        rows += [(event.id, "recipient", e.code, e.sector) for e in event.recipient]
        self._db.executemany("INSERT INTO event_actors VALUES (?,?,?,?)", rows)

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
        row = self._db.execute("SELECT record FROM events WHERE id=?", (event_id,)).fetchone()
        return Event.from_dict(json.loads(row[0])) if row else None

    def events(self, query: EventQuery = EventQuery()) -> list[Event]:
        where, params = _where(query)
        sql = f"SELECT record FROM events e {where} ORDER BY e.date IS NULL, e.date, e.id"
        if query.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [query.limit, query.offset]
        return [Event.from_dict(json.loads(r[0])) for r in self._db.execute(sql, params)]

    def iter_events(self, query: EventQuery = EventQuery()) -> Iterator[Event]:
        where, params = _where(query)
        sql = f"SELECT record FROM events e {where} ORDER BY e.date IS NULL, e.date, e.id"
        for row in self._db.execute(sql, params):
            yield Event.from_dict(json.loads(row[0]))

    def count_events(self, query: EventQuery = EventQuery()) -> int:
        where, params = _where(query)
        return int(self._db.execute(f"SELECT count(*) FROM events e {where}", params).fetchone()[0])

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
        )

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection, for read-only aggregate queries (marsad.analytics)."""
        return self._db

    def _scalar(self, sql: str) -> int:
        return int(self._db.execute(sql).fetchone()[0])

    def close(self) -> None:
        self._db.close()


def open_store(path: str | Path = "marsad.db") -> SQLiteStore:
    """Open (creating and migrating if needed) the store at `path`; ":memory:" for a throwaway one."""
    return SQLiteStore(path)


def _where(query: EventQuery) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    simple = {
        "e.event = ?": query.event_type,
        "e.date >= ?": _iso(query.since),
        "e.date <= ?": _iso(query.until),
        "e.language = ?": query.language,
        "e.source = ?": query.source,
        "e.story_id = ?": query.story_id,
    }
    for clause, value in simple.items():
        if value:
            clauses.append(clause)
            params.append(value)
    if query.actor:
        clauses.append("e.id IN (SELECT event_id FROM event_actors WHERE code = ?)")
        params.append(query.actor.upper())
    if query.text:
        clauses.append("instr(lower(e.event_text), lower(?)) > 0")
        params.append(query.text)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
