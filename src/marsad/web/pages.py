"""Server-rendered HTML pages of the dashboard (Jinja2 templates, small vanilla JS)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from functools import partial
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from marsad import analytics
from marsad.analytics import EventFilter
from marsad.plover import EVENT_TYPES, QUAD_NAMES
from marsad.web import charts
from marsad.web.api import Cache, Db, cached_actor
from marsad.web.cache import AggregateCache
from marsad.web.params import actor_code, event_filter
from marsad.web.sources import event_with_sources, source_views, with_sources

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
PAGE_SIZE = 50
Filter = Annotated[EventFilter, Depends(event_filter)]


def text_dir(language: str | None) -> Markup:
    """Attributes for an element that shows article, evidence or entity text."""
    if language == "ar":
        return Markup('dir="rtl" lang="ar"')
    return Markup(f'dir="auto" lang="{language}"') if language else Markup('dir="auto"')


templates.env.globals.update(text_dir=text_dir, quad_names=QUAD_NAMES, quad_colours=charts.QUAD_COLOURS)


def _render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def render_error(request: Request, status: int, message: str) -> Response:
    return _render(request, "error.html", status=status, status_code=status, message=message)


@router.get("/", response_class=HTMLResponse)
async def overview(request: Request, db: Db, cache: Cache) -> HTMLResponse:
    series = cache.get(("series", "quad", EventFilter()), lambda: analytics.month_series(db, "quad"))
    series, earlier = charts.trim_stray_months(series)
    chart = charts.stacked_months(
        series, lambda month, quad: charts.events_link(quad=quad, **charts.month_bounds(month))
    )
    counts = {
        by: cache.get(("totals", by), partial(analytics.totals, db, by))
        for by in ("type", "language", "source")
    }
    latest = _listed(db, EventFilter(), limit=10)
    reports = cache.get(("reports",), partial(analytics.report_counts, db))
    return _render(
        request,
        "overview.html",
        chart=chart,
        counts=counts,
        latest=latest,
        series=series,
        reports=reports,
        earlier=earlier,
        earlier_until=_day_before_month(series.months[0]) if earlier else "",
    )


@router.get("/events", response_class=HTMLResponse)
async def events(
    request: Request, db: Db, cache: Cache, flt: Filter, page: Annotated[int, Query(ge=1)] = 1
) -> HTMLResponse:
    result = _listed(db, flt, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    last_page = max(1, -(-result.total // PAGE_SIZE))
    query = {k: v for k, v in request.query_params.items() if k != "page" and v}
    return _render(
        request,
        "events.html",
        result=result,
        page=page,
        last_page=last_page,
        query=query,
        page_link=lambda n: "/events?" + urlencode({**query, "page": n}),
        options=_filter_options(db, cache),
        mentions=flt.mentions,
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
async def event(request: Request, db: Db, event_id: str, mention: str = "") -> Response:
    """A deduplicated event with every article that reported it; a mention's id redirects here."""
    record = event_with_sources(db, event_id)
    if record is None:
        raise HTTPException(404, f"no event {event_id!r}")
    if record["canonical_id"] != event_id:
        target = f"/events/{quote(record['canonical_id'])}?mention={quote(event_id)}#source-{quote(event_id)}"
        return RedirectResponse(target, status_code=303)
    if mention and mention != event_id and any(s["event_id"] == mention for s in record["sources"]):
        record["mention_id"] = mention  # the report the visitor came from, highlighted
    return _render(request, "event.html", event=record, sources=source_views(db, record))


@router.get("/dyad", response_class=HTMLResponse)
async def dyad(request: Request, db: Db, cache: Cache, a: str = "", b: str = "") -> HTMLResponse:
    first = actor_code("a", a) if a.strip() else ""
    second = actor_code("b", b) if b.strip() else ""
    flt = EventFilter()
    key = ("dyad", first, second, flt)
    months = (
        cache.get(key, partial(analytics.dyad_series, db, first, second, flt)) if first and second else []
    )
    chart = charts.dyad_points(months, first, second) if months else None
    return _render(
        request,
        "dyad.html",
        a=first,
        b=second,
        chart=chart,
        months=months,
    )


@router.get("/actors", response_class=HTMLResponse)
async def actors(request: Request, db: Db, cache: Cache) -> HTMLResponse:
    listed = cache.get(("actors", 500, 0), partial(analytics.actor_list, db, limit=500))
    return _render(request, "actors.html", actors=listed)


@router.get("/actors/{code}", response_class=HTMLResponse)
async def actor(request: Request, db: Db, cache: Cache, code: str, sector: str = "") -> HTMLResponse:
    summary = cached_actor(db, cache, actor_code("code", code), sector.strip().upper())
    if summary is None:
        raise HTTPException(404, f"no events for actor {code.upper()}")
    key = f"{summary['code']}:{summary['sector']}" if summary["sector"] else summary["code"]
    latest = _listed(db, EventFilter(actor=key), limit=20)
    return _render(request, "actor.html", actor=summary, latest=latest, actor_key=key)


@router.get("/network", response_class=HTMLResponse)
async def network(request: Request, db: Db, cache: Cache, flt: Filter) -> HTMLResponse:
    query = urlencode({k: v for k, v in request.query_params.items() if v})
    options = _filter_options(db, cache)
    return _render(request, "network.html", query=query, options=options, params=request.query_params)


@router.get("/map", response_class=HTMLResponse)
async def world_map(request: Request, db: Db, cache: Cache, flt: Filter) -> HTMLResponse:
    query = urlencode({k: v for k, v in request.query_params.items() if v})
    options = _filter_options(db, cache)
    return _render(request, "map.html", query=query, options=options, params=request.query_params)


def _filter_options(db: sqlite3.Connection, cache: AggregateCache) -> dict[str, list[str]]:
    return {
        "types": list(EVENT_TYPES),
        "languages": cache.get(("values", "language"), partial(analytics.distinct_values, db, "language")),
        "sources": cache.get(("values", "source"), partial(analytics.distinct_values, db, "source")),
    }


def _day_before_month(month: str) -> str:
    return (dt.date.fromisoformat(f"{month}-01") - dt.timedelta(days=1)).isoformat()


def _listed(db: sqlite3.Connection, flt: EventFilter, limit: int, offset: int = 0) -> analytics.EventPage:
    """A page of events with their sources (corroboration and languages for the table)."""
    result = analytics.event_page(db, flt, limit=limit, offset=offset)
    with_sources(db, result.items)
    return result
