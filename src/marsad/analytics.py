"""Read-only aggregate queries over the store, for the dashboard and its JSON API.

Everything is computed in SQL (grouping, counting, paging) so that a page costs a
few indexed queries however large the store is; Python only reshapes the small
results. Functions take the store's `sqlite3.Connection` (`SQLiteStore.connection`).

Counts are of canonical events (`events.canonical_id = id`, see marsad.dedup): one
real-world event is one point however many articles reported it. As in the store,
what happened (type, dates, actors, place) filters the canonical record, and who
reported it (language, source, evidence text, article) matches a canonical event
when any of its mentions matches. `EventFilter(mentions=True)` counts every
article's report instead, filtering each on its own fields.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import pycountry

from marsad.plover import QUAD_NAMES
from marsad.store import report_conditions, set_conditions, where_sql

# Actor codes that are not countries (standards.md 1.6): never drawn on the map.
NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
COOPERATION_QUADS = (1, 2)
CONFLICT_QUADS = (3, 4)
SERIES_DIMENSIONS = {"quad": "e.quad_code", "type": "e.event", "language": "e.language", "source": "e.source"}
_REPORTER_DIMENSIONS = ("language", "source")
_SERIES_KEYS_SHOWN = 10  # sources beyond the busiest ten are grouped as "(other)"
_ALIAS_SAMPLE = 2000  # aliases and offices are read from an actor's latest events only
_CANONICAL_IDS = "SELECT id FROM events WHERE canonical_id = id"  # covered by events_aggregate
_DYAD_SQL = (
    "e.id IN (SELECT a.event_id FROM event_actors a JOIN event_actors r"
    " ON r.event_id = a.event_id AND r.role = 'recipient' WHERE a.role = 'actor'"
    " AND ((a.code = ? AND r.code = ?) OR (a.code = ? AND r.code = ?)))"
)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The filters every listing, series and graph accepts; None means "any"."""

    event_type: str | None = None
    actor: str | None = None  # "IRQ" or "IRQ:GOV", on either side
    country: str | None = None  # either side (any sector), or where the event took place
    language: str | None = None
    source: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    text: str | None = None  # substring of the evidence sentence
    quad: int | None = None
    dyad: tuple[str, str] | None = None  # both directions
    story_id: str | None = None
    mentions: bool = False  # every article's report instead of deduplicated events


@dataclass(frozen=True, slots=True)
class EventPage:
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class Series:
    """Monthly counts: one list of counts per key, aligned with `months`."""

    by: str
    months: list[str]
    keys: list[dict[str, Any]] = field(default_factory=list)  # {"key", "label", "counts", "total"}


def where_clause(flt: EventFilter) -> tuple[str, list[object]]:
    """SQL conditions over `events e` for a filter, with their parameters."""
    clauses, params = set_conditions(
        {
            "e.event = ?": flt.event_type,
            "e.date >= ?": flt.since.isoformat() if flt.since else None,
            "e.date <= ?": flt.until.isoformat() if flt.until else None,
            "e.quad_code = ?": flt.quad,
        }
    )
    _add_actor_clauses(clauses, params, flt)
    reported = report_conditions(flt.language, flt.source, flt.story_id, flt.text)
    return where_sql(clauses, params, reported, flt.mentions)


def _add_actor_clauses(clauses: list[str], params: list[object], flt: EventFilter) -> None:
    if flt.actor:
        code, _, sector = flt.actor.upper().partition(":")
        sql = "SELECT event_id FROM event_actors WHERE code = ?" + (" AND sector = ?" if sector else "")
        clauses.append(f"e.id IN ({sql})")
        params += [code, sector] if sector else [code]
    if flt.country:
        code = flt.country.upper()
        clauses.append(
            "(e.id IN (SELECT event_id FROM event_actors WHERE code = ?)"
            " OR json_extract(e.record, '$.event_loc.country_code') = ?)"
        )
        params += [code, code]
    if flt.dyad:
        a, b = (code.upper() for code in flt.dyad)
        clauses.append(_DYAD_SQL)
        params += [a, b, b, a]


def event_page(db: sqlite3.Connection, flt: EventFilter, limit: int = 50, offset: int = 0) -> EventPage:
    """One page of events, latest first, as PLOVER records; with the total count."""
    where, params = where_clause(flt)
    # rowid breaks ties so that the date index alone gives the order (no sort of the whole table).
    rows = db.execute(
        f"SELECT e.record FROM events e {where} ORDER BY e.date DESC, e.rowid DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    items = [json.loads(row[0]) for row in rows]
    total = int(db.execute(f"SELECT count(*) FROM events e {where}", params).fetchone()[0])
    return EventPage(items=items, total=total, limit=limit, offset=offset)


def report_counts(db: sqlite3.Connection) -> dict[str, int]:
    """How many events (deduplicated), reports of them (mentions) and articles the store holds."""
    row = db.execute(
        f"SELECT (SELECT count(*) FROM ({_CANONICAL_IDS})), (SELECT count(*) FROM events),"
        " (SELECT count(*) FROM articles)"
    ).fetchone()
    return {"events": int(row[0]), "mentions": int(row[1]), "articles": int(row[2])}


def event_record(db: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    row = db.execute("SELECT record FROM events WHERE id = ?", (event_id,)).fetchone()
    return json.loads(row[0]) if row else None


def document(db: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    """An article (original and cleaned text, metadata) with the records of its events."""
    row = db.execute(
        "SELECT story_id, origin, path, url, title, source, language, published, content_format,"
        " original, text, ingested_at FROM articles WHERE story_id = ?",
        (story_id,),
    ).fetchone()
    if row is None:
        return None
    out = dict(row)
    records = db.execute(
        "SELECT record, canonical_id FROM events WHERE story_id = ? ORDER BY rowid", (story_id,)
    )
    out["events"] = [{**json.loads(record), "canonical_id": canonical} for record, canonical in records]
    return out


def month_series(db: sqlite3.Connection, by: str, flt: EventFilter = EventFilter()) -> Series:
    """Events per month and per quad class, type, language or source (dated events only)."""
    join, column, count = _dimension(by, flt)
    where, params = where_clause(flt)
    where = f"{where} AND e.date IS NOT NULL" if where else "WHERE e.date IS NOT NULL"
    rows = db.execute(
        f"SELECT substr(e.date, 1, 7) AS month, {column} AS key, {count} FROM events e {join} {where}"
        " GROUP BY month, key ORDER BY month",
        params,
    ).fetchall()
    months = _month_range([row[0] for row in rows])
    index = {month: i for i, month in enumerate(months)}
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(months))
    for month, key, n in rows:
        counts[str(key)][index[month]] += n
    ordered = _ordered_keys(by, counts)
    return Series(by=by, months=months, keys=[_series_key(by, k, counts[k]) for k in ordered])


def _ordered_keys(by: str, counts: dict[str, list[int]]) -> list[str]:
    if by == "quad":
        return sorted(counts, key=int)
    ranked = sorted(counts, key=lambda k: (-sum(counts[k]), k))
    if len(ranked) > _SERIES_KEYS_SHOWN:
        other = [0] * len(next(iter(counts.values())))
        for key in ranked[_SERIES_KEYS_SHOWN - 1 :]:
            other = [x + y for x, y in zip(other, counts.pop(key), strict=True)]
        counts["(other)"] = other
        ranked = [*ranked[: _SERIES_KEYS_SHOWN - 1], "(other)"]
    return ranked


def _series_key(by: str, key: str, counts: list[int]) -> dict[str, Any]:
    label = QUAD_NAMES.get(int(key), "UNCODED") if by == "quad" else (key or "(unknown)")
    return {"key": key, "label": label, "counts": counts, "total": sum(counts)}


def _month_range(months: list[str]) -> list[str]:
    """Every month from the first to the last, so that empty months show as gaps."""
    if not months:
        return []
    year, month = map(int, min(months).split("-"))
    last = max(months)
    out: list[str] = []
    while (current := f"{year:04d}-{month:02d}") <= last:
        out.append(current)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def totals(db: sqlite3.Connection, by: str, flt: EventFilter = EventFilter()) -> list[tuple[str, int]]:
    """Event counts per type, language, source or quad class, largest first (undated included)."""
    where, params = where_clause(flt)
    join, column, count = _dimension(by, flt)
    rows = db.execute(
        f"SELECT {column}, {count} AS n FROM events e {join} {where} GROUP BY 1 ORDER BY n DESC, 1", params
    )
    return [(str(key), int(n)) for key, n in rows]


def _dimension(by: str, flt: EventFilter) -> tuple[str, str, str]:
    """(join, grouped column, count) for a breakdown. An event reported in Arabic and English
    counts once under each language (so that a count equals the total of its linked list)."""
    if by in _REPORTER_DIMENSIONS and not flt.mentions:
        return "JOIN events x ON x.canonical_id = e.id", f"x.{by}", "count(DISTINCT e.id)"
    # The unary + keeps SQLite from grouping along events_type (a table read per row) instead of
    # scanning the covering events_aggregate index: 5x faster at 100,000 events.
    return "", "+" + SERIES_DIMENSIONS[by], "count(*)"


def dyad_series(
    db: sqlite3.Connection, a: str, b: str, flt: EventFilter = EventFilter()
) -> list[dict[str, Any]]:
    """Per month between two actors (both directions): cooperation and conflict counts and mean intensity."""
    where, params = where_clause(replace(flt, dyad=(a, b)))
    coop, conflict = ",".join(map(str, COOPERATION_QUADS)), ",".join(map(str, CONFLICT_QUADS))
    rows = db.execute(
        "SELECT substr(e.date, 1, 7) AS month,"
        f" sum(e.quad_code IN ({coop})), avg(CASE WHEN e.quad_code IN ({coop}) THEN e.event_scale END),"
        f" sum(e.quad_code IN ({conflict})),"
        f" avg(CASE WHEN e.quad_code IN ({conflict}) THEN e.event_scale END)"
        f" FROM events e {where} AND e.date IS NOT NULL GROUP BY month ORDER BY month",
        params,
    )
    return [
        {
            "month": month,
            "cooperation": {"count": int(n_coop or 0), "intensity": _round(mean_coop)},
            "conflict": {"count": int(n_conf or 0), "intensity": _round(mean_conf)},
        }
        for month, n_coop, mean_coop, n_conf, mean_conf in rows
    ]


def actor_list(db: sqlite3.Connection, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
    """Actor codes by number of events (either side)."""
    rows = db.execute(
        "SELECT code, count(DISTINCT event_id) AS n FROM event_actors WHERE code != ''"
        f" AND event_id IN ({_CANONICAL_IDS}) GROUP BY code ORDER BY n DESC, code LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [{"code": code, "name": actor_name(code), "events": int(n)} for code, n in rows]


def actor_summary(db: sqlite3.Connection, code: str, sector: str = "") -> dict[str, Any] | None:
    """What the store knows about an actor: counts, sectors per role, aliases, offices, counterparts."""
    code, sector = code.upper(), sector.upper()
    actor = f"{code}:{sector}" if sector else code
    where, params = where_clause(EventFilter(actor=actor))
    total = int(db.execute(f"SELECT count(*) FROM events e {where}", params).fetchone()[0])
    if total == 0:
        return None
    roles = db.execute(
        "SELECT role, sector, count(*) FROM event_actors WHERE code = ?"
        f" AND event_id IN ({_CANONICAL_IDS}) GROUP BY role, sector ORDER BY count(*) DESC",
        (code,),
    )
    return {
        "code": code,
        "sector": sector,
        "name": actor_name(code),
        "events": total,
        "roles": [{"role": r, "sector": s, "events": int(n)} for r, s, n in roles],
        "aliases": _aliases(db, code, sector),
        "counterparts": _counterparts(db, code, sector),
    }


def _aliases(db: sqlite3.Connection, code: str, sector: str) -> list[dict[str, Any]]:
    """The actor's names as written (every script) and its offices, from its latest reports (every
    article's mention, so that each language's spelling shows)."""
    sector_sql = " AND a.sector = ?" if sector else ""
    rows = db.execute(
        "WITH recent AS (SELECT e.record FROM events e WHERE e.id IN"
        f" (SELECT event_id FROM event_actors a WHERE a.code = ?{sector_sql})"
        " ORDER BY e.date DESC LIMIT ?)"
        " SELECT j.value ->> 'entity_text' AS alias, coalesce(j.value ->> 'office', '') AS office,"
        " count(*) AS n FROM recent,"
        " json_each(recent.record, '$.actor') AS j WHERE j.value ->> 'code' = ? GROUP BY alias, office"
        " UNION ALL"
        " SELECT j.value ->> 'entity_text', coalesce(j.value ->> 'office', ''), count(*) FROM recent,"
        " json_each(recent.record, '$.recipient') AS j WHERE j.value ->> 'code' = ? GROUP BY 1, 2",
        [code, *([sector] if sector else []), _ALIAS_SAMPLE, code, code],
    )
    merged: dict[tuple[str, str], int] = defaultdict(int)
    for alias, office, n in rows:
        if alias or office:
            merged[(alias or "", office)] += int(n)
    ranked = sorted(merged.items(), key=lambda item: (-item[1], item[0]))
    return [{"text": alias, "office": office, "count": n} for (alias, office), n in ranked]


def _counterparts(db: sqlite3.Connection, code: str, sector: str, limit: int = 25) -> list[dict[str, Any]]:
    sector_sql = " AND s.sector = ?" if sector else ""
    rows = db.execute(
        "SELECT o.code, o.role, count(DISTINCT o.event_id) AS n FROM event_actors s"
        " JOIN event_actors o ON o.event_id = s.event_id AND o.role != s.role"
        f" WHERE s.code = ?{sector_sql} AND o.code != '' AND o.code != s.code"
        f" AND s.event_id IN ({_CANONICAL_IDS})"
        " GROUP BY o.code, o.role ORDER BY n DESC, o.code LIMIT ?",
        [code, *([sector] if sector else []), limit],
    )
    return [{"code": c, "name": actor_name(c), "role": role, "events": int(n)} for c, role, n in rows]


def network(db: sqlite3.Connection, flt: EventFilter = EventFilter(), limit: int = 150) -> dict[str, Any]:
    """Actor -> recipient edges weighted by event count (the busiest `limit`), with their nodes."""
    where, params = where_clause(flt)
    rows = db.execute(
        "SELECT a.code, r.code, count(DISTINCT e.id) AS n, avg(e.event_scale) FROM events e"
        " JOIN event_actors a ON a.event_id = e.id AND a.role = 'actor'"
        " JOIN event_actors r ON r.event_id = e.id AND r.role = 'recipient'"
        f" {where} {'AND' if where else 'WHERE'} a.code != '' AND r.code != '' AND a.code != r.code"
        " GROUP BY a.code, r.code ORDER BY n DESC, a.code, r.code LIMIT ?",
        [*params, limit],
    ).fetchall()
    weights: dict[str, int] = defaultdict(int)
    for source, target, n, _ in rows:
        weights[source] += n
        weights[target] += n
    nodes = [{"id": c, "name": actor_name(c), "weight": w} for c, w in sorted(weights.items())]
    edges = [
        {"source": s, "target": t, "weight": int(n), "intensity": _round(scale)} for s, t, n, scale in rows
    ]
    return {"nodes": nodes, "edges": edges}


def country_counts(db: sqlite3.Connection, flt: EventFilter = EventFilter()) -> list[dict[str, Any]]:
    """Events per actor country (either side), with ISO numeric ids to join the world outline."""
    where, params = where_clause(flt)
    scope = f"AND x.event_id IN (SELECT e.id FROM events e {where})" if where else ""
    rows = db.execute(
        "SELECT x.code, count(DISTINCT x.event_id) AS n FROM event_actors x"
        f" WHERE length(x.code) = 3 {scope} GROUP BY x.code ORDER BY n DESC",
        params,
    )
    out = []
    for code, n in rows:
        country = _country(code)
        if code not in NON_STATE_CODES and country is not None:
            out.append({"code": code, "numeric": country.numeric, "name": country.name, "events": int(n)})
    return out


def located_events(
    db: sqlite3.Connection, flt: EventFilter = EventFilter(), limit: int = 2000
) -> list[dict[str, Any]]:
    """The latest events that have coordinates (`event_loc.lat/lon`), as small map points."""
    where, params = where_clause(flt)
    located = "json_extract(e.record, '$.event_loc.lat') IS NOT NULL"
    rows = db.execute(
        "SELECT e.id, e.event, e.quad_code, e.date, json_extract(e.record, '$.event_loc') FROM events e"
        f" {where} {'AND' if where else 'WHERE'} {located} ORDER BY e.date DESC, e.rowid DESC LIMIT ?",
        [*params, limit],
    )
    points = []
    for event_id, event, quad, date, loc in rows:
        place = json.loads(loc)
        points.append(
            {
                "id": event_id,
                "event": event,
                "quad_code": quad,
                "date": date,
                "lat": place["lat"],
                "lon": place["lon"],
                "place": place.get("resolved_place") or place.get("extracted_place") or "",
            }
        )
    return points


def distinct_values(db: sqlite3.Connection, column: str) -> list[str]:
    """The values of a small column (language, source, event) for filter menus."""
    if column not in ("language", "source", "event"):
        raise ValueError(f"not a filter column: {column}")
    return [str(r[0]) for r in db.execute(f"SELECT DISTINCT {column} FROM events ORDER BY 1") if r[0]]


@lru_cache(maxsize=512)
def actor_name(code: str) -> str:
    """A readable name for an actor code ("IRQ" -> "Iraq"); the code itself when unknown."""
    country = _country(code)
    return str(country.name) if country is not None else code


@lru_cache(maxsize=512)
def _country(code: str) -> Any:
    return pycountry.countries.get(alpha_3=code) if len(code) == 3 else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 2)
