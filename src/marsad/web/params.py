"""Query parameters shared by the API and the pages, parsed into `EventFilter`.

Every parameter arrives as text so that an empty form field means "any"; a value
that cannot be used is a 400 with a message that names the parameter.
"""

from __future__ import annotations

import datetime as dt
import re

from fastapi import HTTPException, Query

from marsad.analytics import EventFilter
from marsad.plover import EVENT_TYPES, QUAD_NAMES

_CODE = re.compile(r"^[A-Za-z]{3}(:[A-Za-z]{3})?$")
_YES = frozenset({"true", "1", "yes", "on"})
_NO = frozenset({"false", "0", "no", "off"})


def event_filter(
    type: str | None = Query(None, description="PLOVER event type, e.g. ASSAULT"),
    actor: str | None = Query(None, description="actor code on either side: IRQ, or IRQ:GOV"),
    country: str | None = Query(None, description="country code on either side, or where it happened"),
    language: str | None = Query(None, description="article language: ar, en, fr"),
    source: str | None = Query(None, description="news source"),
    since: str | None = Query(None, description="first date, YYYY-MM-DD"),
    until: str | None = Query(None, description="last date, YYYY-MM-DD"),
    q: str | None = Query(None, description="text in the evidence sentence"),
    quad: str | None = Query(None, description="quad class 1-4"),
    dyad: str | None = Query(None, description="two actor codes, e.g. IRQ-FRA (both directions)"),
    mentions: str | None = Query(None, description="true: every article's report instead of events"),
) -> EventFilter:
    """A FastAPI dependency: the filter described by the request's query string."""
    return EventFilter(
        event_type=_event_type(type),
        actor=_code("actor", actor),
        country=_code("country", country),
        language=_blank(language),
        source=_blank(source),
        since=parse_date("since", since),
        until=parse_date("until", until),
        text=_blank(q),
        quad=_quad(quad),
        dyad=_dyad(dyad),
        mentions=parse_flag("mentions", mentions),
    )


def bad_parameter(name: str, message: str) -> HTTPException:
    return HTTPException(status_code=400, detail=f"{name}: {message}")


def parse_date(name: str, value: str | None) -> dt.date | None:
    value = _blank(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise bad_parameter(name, f"not a date (YYYY-MM-DD): {value!r}") from None


def parse_flag(name: str, value: str | None) -> bool:
    """A yes/no query parameter: true/1/yes/on or false/0/no/off (empty: no)."""
    value = _blank(value)
    if value is None or value.lower() in _NO:
        return False
    if value.lower() in _YES:
        return True
    raise bad_parameter(name, f"expected true or false, not {value!r}")


def actor_code(name: str, value: str) -> str:
    """A three-letter actor code, upper-cased; 400 otherwise."""
    code = _code(name, value)
    if code is None or ":" in code:
        raise bad_parameter(name, f"not an actor code: {value!r}")
    return code


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _event_type(value: str | None) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    if value.upper() not in EVENT_TYPES:
        raise bad_parameter("type", f"unknown event type {value!r} (one of {', '.join(EVENT_TYPES)})")
    return value.upper()


def _code(name: str, value: str | None) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    if not _CODE.match(value):
        raise bad_parameter(name, f"not an actor code (IRQ or IRQ:GOV): {value!r}")
    return value.upper()


def _quad(value: str | None) -> int | None:
    value = _blank(value)
    if value is None:
        return None
    if not value.isdigit() or int(value) not in QUAD_NAMES:
        raise bad_parameter("quad", f"not a quad class (1-4): {value!r}")
    return int(value)


def _dyad(value: str | None) -> tuple[str, str] | None:
    value = _blank(value)
    if value is None:
        return None
    parts = re.split(r"[-,\s]+", value)
    if len(parts) != 2:
        raise bad_parameter("dyad", f"expected two actor codes like IRQ-FRA: {value!r}")
    return actor_code("dyad", parts[0]), actor_code("dyad", parts[1])
