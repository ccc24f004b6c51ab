"""The read-only JSON API under /api (described at /openapi.json).

Handlers are `async` on purpose: the store has one SQLite connection, and running
its (short, indexed) queries on the event loop keeps them one at a time.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from marsad import analytics
from marsad.analytics import EventFilter
from marsad.web.cache import AggregateCache
from marsad.web.params import actor_code, bad_parameter, event_filter
from marsad.web.sources import event_with_sources, with_sources

router = APIRouter(prefix="/api", tags=["api"])

Filter = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=500, description="page size")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]


def connection(request: Request) -> sqlite3.Connection:
    db: sqlite3.Connection = request.app.state.db
    return db


def aggregate_cache(request: Request) -> AggregateCache:
    cache: AggregateCache = request.app.state.cache
    return cache


Db = Annotated[sqlite3.Connection, Depends(connection)]
Cache = Annotated[AggregateCache, Depends(aggregate_cache)]


@router.get("/events")
async def list_events(db: Db, flt: Filter, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Events matching the filters, latest first, as PLOVER records with their sources.

    Deduplicated events by default (one real event, every article that reported it in `sources`);
    `mentions=true` lists each article's report instead.
    """
    page = analytics.event_page(db, flt, limit=limit, offset=offset)
    with_sources(db, page.items)
    return asdict(page)


@router.get("/events/{event_id}")
async def get_event(db: Db, event_id: str) -> dict[str, Any]:
    """One event's PLOVER record with every source; a mention's id gives its canonical event
    (with `mention_id` set to the requested mention)."""
    record = event_with_sources(db, event_id)
    if record is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return record


@router.get("/actors")
async def list_actors(db: Db, cache: Cache, limit: Limit = 200, offset: Offset = 0) -> dict[str, Any]:
    """Actor codes by number of events."""
    items = cache.get(("actors", limit, offset), lambda: analytics.actor_list(db, limit=limit, offset=offset))
    return {"items": items, "limit": limit, "offset": offset}


@router.get("/actors/{code}")
async def get_actor(db: Db, cache: Cache, code: str, sector: str = "") -> dict[str, Any]:
    """An actor: sectors per role, aliases as written, offices and counterparts."""
    summary = cached_actor(db, cache, actor_code("code", code), sector.strip().upper())
    if summary is None:
        raise HTTPException(404, f"no events for actor {code.upper()}{':' + sector if sector else ''}")
    return summary


@router.get("/documents/{story_id}")
async def get_document(db: Db, story_id: str) -> dict[str, Any]:
    """A stored article (original and cleaned text) with its events."""
    doc = analytics.document(db, story_id)
    if doc is None:
        raise HTTPException(404, f"no document {story_id!r}")
    return doc


@router.get("/dyads")
async def get_dyad(db: Db, cache: Cache, flt: Filter, a: str, b: str) -> dict[str, Any]:
    """Monthly cooperation and conflict between two actors (both directions) with mean intensity."""
    first, second = actor_code("a", a), actor_code("b", b)
    months = cache.get(("dyad", first, second, flt), lambda: analytics.dyad_series(db, first, second, flt))
    return {"a": first, "b": second, "months": months}


@router.get("/series")
async def get_series(db: Db, cache: Cache, flt: Filter, by: str = "quad") -> dict[str, Any]:
    """Events per month by quad class, type, language or source; with totals."""
    if by not in analytics.SERIES_DIMENSIONS:
        raise bad_parameter("by", f"one of {', '.join(analytics.SERIES_DIMENSIONS)}, not {by!r}")
    series = cache.get(("series", by, flt), lambda: analytics.month_series(db, by, flt))
    return {"by": by, "months": series.months, "series": series.keys}


@router.get("/network")
async def get_network(db: Db, cache: Cache, flt: Filter, limit: Limit = 150) -> dict[str, Any]:
    """Actors as nodes and actor->recipient event counts as weighted edges."""
    return cache.get(("network", flt, limit), lambda: analytics.network(db, flt, limit=limit))


@router.get("/countries")
async def get_countries(db: Db, cache: Cache, flt: Filter) -> dict[str, Any]:
    """Events per actor country, with ISO numeric ids (the world outline's ids)."""
    return {"items": cache.get(("countries", flt), lambda: analytics.country_counts(db, flt))}


@router.get("/locations")
async def get_locations(
    db: Db, flt: Filter, limit: Annotated[int, Query(ge=1, le=5000)] = 2000
) -> dict[str, Any]:
    """The latest located events (event_loc with lat/lon) as map points."""
    return {"items": analytics.located_events(db, flt, limit=limit)}


def cached_actor(
    db: sqlite3.Connection, cache: AggregateCache, code: str, sector: str
) -> dict[str, Any] | None:
    return cache.get(("actor", code, sector), lambda: analytics.actor_summary(db, code, sector))
