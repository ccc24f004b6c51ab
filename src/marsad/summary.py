"""A terminal summary of a store: counts, languages, a bar chart of event types, top dyads."""

from __future__ import annotations

from marsad.model import Summary
from marsad.plover import EVENT_TYPES, QUAD
from marsad.store import StoreStats

_BAR_WIDTH = 40
_QUAD_MARK = {1: "+", 2: "#", 3: "-", 4: "x"}


def format_summary(stats: StoreStats, run: Summary | None = None) -> str:
    """Readable text: what was stored, and what it says."""
    lines = [
        f"Articles: {stats.articles}    "
        f"Events: {stats.events} reports of {stats.canonical_events} distinct events    "
        f"Failed inputs: {stats.failures}"
    ]
    if run is not None and run.duplicate_articles:
        lines.append(f"({run.duplicate_articles} articles were already stored)")
    lines.append("Languages: " + ", ".join(f"{lang or '?'} {n}" for lang, n in stats.languages.items()))
    lines += ["", "Events by type (+ verbal coop, # material coop, - verbal conflict, x material conflict):"]
    lines += _bars(stats.event_types)
    if stats.dyads:
        lines += ["", "Top dyads (actor -> recipient):"]
        lines += [f"  {a} -> {r}: {n}" for a, r, n in stats.dyads]
    return "\n".join(lines)


def _bars(counts: dict[str, int]) -> list[str]:
    if not counts:
        return ["  (none)"]
    peak = max(counts.values())
    ordered = [t for t in EVENT_TYPES if t in counts]
    return [
        f"  {t:<10} {_QUAD_MARK[QUAD[t]] * max(1, round(_BAR_WIDTH * counts[t] / peak))} {counts[t]}"
        for t in ordered
    ]
