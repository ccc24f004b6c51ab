"""Writers for events: PLOVER JSONL, POLECAT-style TSV, and CSV with the same columns.

The TSV follows the POLECAT release columns (standards.md section 2.1) where Marsad
has the value; multi-valued cells are joined with "; " as POLECAT does, and a
missing value is an empty cell (not POLECAT's "None", which its own loaders strip).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import TextIO

from marsad.model import Entity, Event
from marsad.plover import QUAD_NAMES

FORMATS = ("jsonl", "tsv", "csv")

POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Event Date Precision",
    "Event Type",
    "Event Mode",
    "Event Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Primary Actor Sector",
    "Actor Title",
    "Actor Name Raw",
    "Wikipedia Actor ID",
    "Recipient Name",
    "Recipient Country",
    "Primary Recipient Sector",
    "Recipient Title",
    "Recipient Name Raw",
    "Wikipedia Recipient ID",
    "Source",
    "Publication Date",
    "Language",
    "Story ID",
    "Headline",
    "Event Text",
    "Confidence",
    "Version",
)


def write_events(events: Iterable[Event], out: TextIO, fmt: str = "jsonl") -> int:
    """Write events to `out` in `fmt`; returns how many were written."""
    writers: dict[str, Callable[[Iterable[Event], TextIO], int]] = {
        "jsonl": _write_jsonl,
        "tsv": lambda ev, o: _write_table(ev, o, "\t"),
        "csv": lambda ev, o: _write_table(ev, o, ","),
    }
    if fmt not in writers:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writers[fmt](events, out)


def _write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_table(events: Iterable[Event], out: TextIO, delimiter: str) -> int:
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(POLECAT_COLUMNS)
    count = 0
    for event in events:
        writer.writerow(polecat_row(event))
        count += 1
    return count


def polecat_row(event: Event) -> list[str]:
    """One event as a POLECAT-style row, in `POLECAT_COLUMNS` order."""
    cite = event.cite
    return [
        event.id,
        event.date.isoformat() if event.date else "",
        event.date_precision,
        event.event,
        "; ".join(event.mode),
        f"{event.event_scale:g}",
        QUAD_NAMES.get(event.quad_code, ""),
        "; ".join(event.context),
        *_entity_cells(event.actor),
        *_entity_cells(event.recipient),
        cite.source,
        cite.published.isoformat() if cite.published else "",
        cite.language,
        cite.story_id,
        _one_line(cite.title),
        _one_line(event.event_text),
        f"{event.confidence:.3f}",
        event.coder,
    ]


def _entity_cells(entities: tuple[Entity, ...]) -> list[str]:
    def join(values: Iterable[str]) -> str:
        return "; ".join(v for v in values if v)

    return [
        join(e.name for e in entities),
        join(e.code for e in entities),
        join(e.sector for e in entities),
        join(e.office for e in entities),
        join(_one_line(e.entity_text) for e in entities),
        join(e.identifier for e in entities),
    ]


def _one_line(text: str) -> str:
    return " ".join(text.split())
