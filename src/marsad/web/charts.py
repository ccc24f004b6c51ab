"""Chart geometry computed on the server and drawn as inline SVG by the templates.

Every mark carries the link to the events behind it, so a click on a bar or a
point reaches the event list (and from there the evidence) with no script at all.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from marsad.analytics import Series

QUAD_COLOURS = {"1": "#5aae61", "2": "#1b7837", "3": "#f1a340", "4": "#b2182b", "0": "#999999"}
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f")
WIDTH, HEIGHT = 860, 280
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 12, 36


@dataclass(frozen=True, slots=True)
class Mark:
    """A bar (w, h) or a point (r) with its tooltip and link."""

    x: float
    y: float
    colour: str
    href: str
    title: str
    w: float = 0.0
    h: float = 0.0
    r: float = 0.0
    data: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    marks: list[Mark]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    legend: list[tuple[str, str]]  # (colour, label)
    zero: float = 0.0  # y of the horizontal axis


def month_bounds(month: str) -> dict[str, str]:
    """The since/until query values that cover one "YYYY-MM" month."""
    year, number = map(int, month.split("-"))
    last = calendar.monthrange(year, number)[1]
    return {"since": f"{month}-01", "until": f"{month}-{last:02d}"}


def events_link(**params: Any) -> str:
    return "/events?" + urlencode({k: v for k, v in params.items() if v not in (None, "")})


def trim_stray_months(series: Series, span: int = 24, share: float = 0.02) -> tuple[Series, int]:
    """The series without its sparse early months when it spans more than `span` months, and the
    number of events left out. A few stray early dates (a historical reference coded as an event)
    would otherwise squeeze the months that hold the data into a sliver of the chart."""
    if len(series.months) <= span:
        return series, 0
    per_month = [sum(k["counts"][i] for k in series.keys) for i in range(len(series.months))]
    limit, cut, seen = share * sum(per_month), 0, 0
    for i, n in enumerate(per_month):
        if seen + n > limit:
            break
        seen, cut = seen + n, i + 1
    if cut == 0:
        return series, 0
    keys = [{**k, "counts": k["counts"][cut:]} for k in series.keys]
    return Series(by=series.by, months=series.months[cut:], keys=keys), seen


def stacked_months(series: Series, link: Callable[[str, str], str]) -> Chart:
    """One bar per month, stacked by key (quad class bottom-up: cooperation first, conflict on top)."""
    months = series.months
    peak = max((sum(k["counts"][i] for k in series.keys) for i in range(len(months))), default=0)
    scale_y = _linear(0, max(peak, 1), HEIGHT - BOTTOM, TOP)
    slot = (WIDTH - LEFT - RIGHT) / max(len(months), 1)
    marks: list[Mark] = []
    for i, month in enumerate(months):
        base = 0
        for position, key in enumerate(series.keys):
            n = key["counts"][i]
            if n:
                top, bottom = scale_y(base + n), scale_y(base)
                title = f"{month} · {key['label']}: {n} events"
                colour = _colour(series.by, key["key"], position)
                x = LEFT + i * slot + slot * 0.1
                href = link(month, key["key"])
                marks.append(
                    Mark(x=x, y=top, w=slot * 0.8, h=bottom - top, colour=colour, href=href, title=title)
                )
                base += n
    legend = [(_colour(series.by, k["key"], i), k["label"]) for i, k in enumerate(series.keys)]
    return Chart(
        WIDTH, HEIGHT, marks, _month_ticks(months, slot), _count_ticks(peak, scale_y), legend, scale_y(0)
    )


def dyad_points(months: list[dict[str, Any]], a: str, b: str) -> Chart:
    """Mean intensity per month: cooperation above the axis, conflict below (scale -10..10)."""
    names = [m["month"] for m in months]
    slot = (WIDTH - LEFT - RIGHT) / max(len(names), 1)
    scale_y = _linear(-10, 10, HEIGHT - BOTTOM, TOP)
    marks: list[Mark] = []
    for i, row in enumerate(months):
        x = LEFT + (i + 0.5) * slot
        for side, quads, colour in (("cooperation", "1,2", "#1b7837"), ("conflict", "3,4", "#b2182b")):
            cell = row[side]
            if cell["count"]:
                intensity = cell["intensity"] or 0.0
                title = f"{row['month']} · {side}: {cell['count']} events, mean intensity {intensity:+.1f}"
                href = events_link(dyad=f"{a}-{b}", **month_bounds(row["month"]))
                data = {"month": row["month"], "side": side, "quads": quads}
                radius = min(4 + cell["count"] ** 0.5 * 2, 14)
                marks.append(Mark(x, scale_y(intensity), colour, href, title, r=radius, data=data))
    y_ticks = [Tick(scale_y(v), f"{v:+d}" if v else "0") for v in range(-10, 11, 5)]
    legend = [("#1b7837", "cooperation (quad 1-2)"), ("#b2182b", "conflict (quad 3-4)")]
    return Chart(WIDTH, HEIGHT, marks, _month_ticks(names, slot), y_ticks, legend, scale_y(0))


def _colour(by: str, key: str, position: int) -> str:
    if by == "quad":
        return QUAD_COLOURS.get(key, "#999999")
    return PALETTE[position % len(PALETTE)]


def _linear(lo: float, hi: float, out_lo: float, out_hi: float) -> Callable[[float], float]:
    def scale(value: float) -> float:
        return out_lo + (value - lo) / (hi - lo) * (out_hi - out_lo)

    return scale


def _month_ticks(months: list[str], slot: float) -> list[Tick]:
    step = max(1, len(months) // 12 + (1 if len(months) % 12 else 0))
    return [Tick(LEFT + (i + 0.5) * slot, m) for i, m in enumerate(months) if i % step == 0]


def _count_ticks(peak: int, scale_y: Callable[[float], float]) -> list[Tick]:
    if peak <= 0:
        return [Tick(scale_y(0), "0")]
    raw = peak / 4
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    step = max(1, round(raw / magnitude) * magnitude)
    return [Tick(scale_y(v), str(v)) for v in range(0, peak + 1, step)]
