"""Fit the confidence calibration (marsad.calibration) on the demo gold and report its reliability.

    python scripts/calibrate.py              # fit, print reliability in and out of fold, write the table
    python scripts/calibrate.py --no-write   # print only

The demo corpus is coded without the calibration stage, so each event carries the event
coder's raw score; an event is right when it matches a gold event (marsad.evaluate.gold:
same story, type, actor and recipient codes). The table is fitted on all stories and written
to src/marsad/data/models/calibration.json. Out of fold, each story's events are scored by a
table fitted on the other stories: that is the honest reliability figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Sequence

from marsad.calibration import Calibration, calibration_path, fit_calibration, reliability
from marsad.evaluate.gold import (
    code_demo,
    default_demo_dir,
    load_gold,
    match_events,
    predicted_events,
    same_event,
)
from marsad.model import Event
from marsad.pipeline import Pipeline, load_pipeline


class RawCoder:
    """The evaluation coder with the pipeline cut before calibration (raw scores kept)."""

    def code_corpus(self, paths, manifest):  # type: ignore[no-untyped-def]
        from marsad.ingest import iter_documents, load_manifest

        stages = load_pipeline().stages
        cut = next(i for i, stage in enumerate(stages) if isinstance(stage, Calibration))
        pipeline = Pipeline(stages=stages[:cut])
        return pipeline.code_documents(iter_documents(paths, load_manifest(manifest) if manifest else None))


def scored_events() -> list[tuple[str, Event, bool]]:
    """(story, raw event, matched the gold) for every event coded from the demo corpus."""
    root = default_demo_dir()
    gold, _ = load_gold(root)
    articles, _ = code_demo(root, RawCoder())  # type: ignore[arg-type]
    events = [(a, e) for a in articles for e in a.events]
    predicted = predicted_events(articles, {g.story: g.language for g in gold})
    matched = set(match_events(gold, predicted, same_event).values())
    pairs = zip(predicted, events, strict=True)
    return [(p.story, event, i in matched) for i, (p, (_, event)) in enumerate(pairs)]


def out_of_fold(scored: Sequence[tuple[str, Event, bool]]) -> list[tuple[float, bool]]:
    """Each story's events scored by a table fitted on every other story."""
    pairs = []
    for story in sorted({s for s, _, _ in scored}):
        table = fit_calibration((e, ok) for s, e, ok in scored if s != story)
        pairs += [(table.share(e), ok) for s, e, ok in scored if s == story]
    return pairs


def show(title: str, report: dict[str, object]) -> None:
    print(f"{title}: expected calibration error {report['ece']:.3f}")
    print(f"  {'band':8} {'events':>6} {'confidence':>10} {'right':>6}")
    for band, row in report["bands"].items():  # type: ignore[attr-defined]
        print(f"  {band:8} {row['events']:6d} {row['confidence']:10.3f} {row['right']:6.3f}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--no-write", action="store_true", help="print the figures, keep the shipped table")
    args = parser.parse_args(argv)
    scored = scored_events()
    table: Calibration = fit_calibration((e, ok) for _, e, ok in scored)
    print(f"demo events: {len(scored)}, right: {sum(ok for _, _, ok in scored)}")
    show("raw score", reliability([(e.confidence, ok) for _, e, ok in scored]))
    show("calibrated, in sample", reliability([(table.share(e), ok) for _, e, ok in scored]))
    show("calibrated, out of fold (leave one story out)", reliability(out_of_fold(scored)))
    if not args.no_write:
        card = {"fitted": dt.date.today().isoformat(), "events": len(scored), "table": table.to_dict()}
        calibration_path().write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {calibration_path()}")


if __name__ == "__main__":
    main()
