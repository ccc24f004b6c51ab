"""Confidence calibration: the event coder's raw score mapped to how often such events are right.

The event coder scores each event from its trigger's weight, how the actor was found, the
recipient and the sentence length (`marsad.events.confidence`). That score orders events but
is not a probability. This stage replaces it with the share of events *like it* that were
right on the demo gold, so that among events given 0.9 about nine in ten are right. A
band of raw scores the demo never produced keeps its raw score (capped by the overall
share): with no evidence, no event is promoted.

"Like it" is a cell: the raw score's bin, whether the event has a recipient, and whether
every participant has a country or organisation code. A cell's share is smoothed towards its
bin's share, and the bin's towards the overall share (`SMOOTHING` pseudo-events), so a cell
seen twice does not claim 0 or 1. The table is fitted by `scripts/calibrate.py`, which codes
the demo corpus without this stage, matches the events to the gold and writes
`data/models/calibration.json`; it also reports the reliability out of fold (each story
scored by a table fitted on the other stories).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.model import Article, Event

# Raw-score bin floors, highest first.
BINS = (0.8, 0.6, 0.4, 0.2, 0.0)
SMOOTHING = 4.0
CELL_SEPARATOR = "|"


def cell_of(event: Event) -> tuple[str, str]:
    """(bin, cell) keys of an event scored with its raw confidence."""
    floor = next(f for f in BINS if event.confidence >= f)
    bin_key = f"{floor:.1f}"
    recipient = "recipient" if event.recipient else "no-recipient"
    coded = "coded" if all(e.code for e in (*event.actor, *event.recipient)) else "uncoded"
    return bin_key, CELL_SEPARATOR.join((bin_key, recipient, coded))


@dataclass(frozen=True)
class Calibration:
    """Counts of right and total events per bin and per cell, and the overall share."""

    bins: dict[str, tuple[int, int]]
    cells: dict[str, tuple[int, int]]
    overall: float

    def share(self, event: Event) -> float:
        """The smoothed share of right events in the raw event's cell, in [0.05, 0.99]."""
        bin_key, cell_key = cell_of(event)
        # A band the demo never saw has no evidence: its raw score stands, capped by the overall share.
        prior = self.overall if bin_key in self.bins else min(self.overall, event.confidence)
        bin_share = _smoothed(self.bins.get(bin_key, (0, 0)), prior)
        cell_share = _smoothed(self.cells.get(cell_key, (0, 0)), bin_share)
        return round(min(0.99, max(0.05, cell_share)), 3)

    def __call__(self, article: Article) -> Article:
        """The pipeline stage: every event's raw confidence replaced by its calibrated share."""
        if not article.events:
            return article
        events = tuple(dataclasses.replace(e, confidence=self.share(e)) for e in article.events)
        return dataclasses.replace(article, events=events)

    def to_dict(self) -> dict[str, Any]:
        return {
            "bins": {k: list(v) for k, v in sorted(self.bins.items())},
            "cells": {k: list(v) for k, v in sorted(self.cells.items())},
            "overall": round(self.overall, 4),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Calibration:
        return cls(
            bins={k: (int(v[0]), int(v[1])) for k, v in data["bins"].items()},
            cells={k: (int(v[0]), int(v[1])) for k, v in data["cells"].items()},
            overall=float(data["overall"]),
        )


def _smoothed(counts: tuple[int, int], prior: float) -> float:
    right, total = counts
    return (right + SMOOTHING * prior) / (total + SMOOTHING)


def fit_calibration(scored: Iterable[tuple[Event, bool]]) -> Calibration:
    """Count right and total per bin and cell over (raw event, was it right) pairs."""
    bins: dict[str, list[int]] = {}
    cells: dict[str, list[int]] = {}
    right = total = 0
    for event, correct in scored:
        bin_key, cell_key = cell_of(event)
        for table, key in ((bins, bin_key), (cells, cell_key)):
            counts = table.setdefault(key, [0, 0])
            counts[0] += int(correct)
            counts[1] += 1
        right += int(correct)
        total += 1
    overall = right / total if total else 0.5
    return Calibration(
        bins={k: (v[0], v[1]) for k, v in bins.items()},
        cells={k: (v[0], v[1]) for k, v in cells.items()},
        overall=overall,
    )


def reliability(
    pairs: Sequence[tuple[float, bool]], edges: Sequence[float] = (0.2, 0.4, 0.6, 0.8)
) -> dict[str, Any]:
    """Per confidence band: events, mean confidence, share right; and the expected calibration error."""
    bounds = [0.0, *edges, 1.01]
    rows: dict[str, dict[str, float]] = {}
    gap = 0.0
    for low, high in itertools.pairwise(bounds):
        band = [(c, ok) for c, ok in pairs if low <= c < high]
        if not band:
            continue
        mean = sum(c for c, _ in band) / len(band)
        share = sum(1 for _, ok in band if ok) / len(band)
        rows[f"{low:.1f}-{min(high, 1.0):.1f}"] = {"events": len(band), "confidence": mean, "right": share}
        gap += len(band) * abs(mean - share)
    return {"bands": rows, "ece": gap / len(pairs) if pairs else 0.0}


def calibration_path() -> Path:
    return Path(str(resources.files("marsad") / "data" / "models" / "calibration.json"))


@functools.cache
def load_calibration(path: Path | None = None) -> Calibration:
    """The shipped calibration table (or one at `path`)."""
    data = json.loads((path or calibration_path()).read_text(encoding="utf-8"))
    return Calibration.from_dict(data["table"])
