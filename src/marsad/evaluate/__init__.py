"""Evaluation on the dev sets: `marsad evaluate SET PATH`.

One entry point, `run_evaluation`, looks the set up in `SETS` and returns an
`EvalResult` (metrics and a terminal table); with `predictions` it also writes one
JSON line per item, to read the errors. The pipeline is injected (`pipeline`, a
`Coder`) so tests can pass a stub; by default the real stages load on first use.

Sets: plv (English, type of a marked pair), quadclass (UN sentences in ar/en/fr; with
quadclass-model, labelled by the sentence model instead of the coded events; with
quadclass-topics, by `marsad.topics`),
arabic-detection (ASSAULT/PROTEST in Arabic news), arabic-spans (actor codes and
sectors on Arabic spans), actors (actor mentions of the packaged invented passages in
ar/en/fr: found, code and sector, per kind), gold (the packaged demo corpus and its gold events; with
the cluster figures), clusters (deduplication on the demo gold alone).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

from marsad.errors import EvaluationError
from marsad.evaluate.actors import evaluate_actors
from marsad.evaluate.arabic import evaluate_detection, evaluate_spans
from marsad.evaluate.clusters import evaluate_clusters
from marsad.evaluate.coding import Coder, GuardedCoder, PipelineCoder
from marsad.evaluate.gold import evaluate_gold
from marsad.evaluate.plv import evaluate_plv
from marsad.evaluate.quadclass import evaluate_quadclass
from marsad.evaluate.result import EvalResult

__all__ = ["SETS", "Coder", "EvalResult", "PipelineCoder", "run_evaluation"]

log = logging.getLogger(__name__)

Evaluator = Callable[[Path | None, Coder, str | None], EvalResult]


def _needs_path(path: Path | None, set_name: str) -> Path:
    if path is None:
        raise EvaluationError(f"{set_name} needs the path of the dev set file")
    if not path.exists():
        raise EvaluationError(f"{path}: no such dev set file")
    return path


# Each set: (path, coder, option) -> result. The option is the language for quadclass
# and the event type for arabic-detection.
SETS: dict[str, Evaluator] = {
    "plv": lambda path, coder, _: evaluate_plv(_needs_path(path, "plv"), coder),
    "quadclass": lambda path, coder, lang: evaluate_quadclass(_needs_path(path, "quadclass"), coder, lang),
    # The same sentences labelled by the sentence model's quad head instead of the coded events.
    "quadclass-model": lambda path, coder, lang: evaluate_quadclass(
        _needs_path(path, "quadclass-model"), coder, lang, method="model"
    ),
    "quadclass-topics": lambda path, coder, lang: evaluate_quadclass(
        _needs_path(path, "quadclass-topics"), coder, lang, method="topics"
    ),
    "arabic-detection": lambda path, coder, kind: evaluate_detection(
        _needs_path(path, "arabic-detection"), coder, kind
    ),
    "arabic-spans": lambda path, coder, _: evaluate_spans(_needs_path(path, "arabic-spans"), coder),
    "actors": lambda path, coder, _: evaluate_actors(path, coder),
    "gold": lambda path, coder, _: evaluate_gold(path, coder),
    "clusters": lambda path, coder, _: evaluate_clusters(path, coder),
}


def run_evaluation(
    set_name: str,
    path: Path | None,
    *,
    language: str | None = None,
    event_type: str | None = None,
    predictions: Path | None = None,
    pipeline: Coder | None = None,
) -> EvalResult:
    """Score Marsad on one dev set.

    Args:
        set_name: one of `SETS`.
        path: the set's file; for `gold`, the demo folder; for `actors`, the gold file
            (default: the packaged ones).
        language: the quadclass sets only: "ar", "en" or "fr" (all three when None).
        event_type: arabic-detection only: overrides the file's event type.
        predictions: where to write one JSON line per item.
        pipeline: the stages to evaluate (default: Marsad's own).
    """
    evaluator = SETS.get(set_name)
    if evaluator is None:
        raise EvaluationError(f"unknown dev set {set_name!r} (one of {', '.join(SETS)})")
    option = language if set_name.startswith("quadclass") else event_type
    coder = GuardedCoder(pipeline or PipelineCoder())
    result = evaluator(path, coder, option)
    if coder.errors:
        result.metrics["pipeline_errors"] = dict(coder.errors)
    if predictions is not None:
        write_predictions(result, predictions)
    return result


def write_predictions(result: EvalResult, path: Path) -> None:
    """One JSON object per line, UTF-8, Arabic kept readable."""
    with path.open("w", encoding="utf-8") as handle:
        for record in result.predictions:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    log.info("%s: %d predictions written to %s", result.set_name, len(result.predictions), path)
