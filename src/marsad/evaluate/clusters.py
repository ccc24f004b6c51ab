"""Deduplication on the demo gold: are the reports of one real event merged, and only those?

The coded articles are written to a fresh in-memory store (`open_store(":memory:")`), as
`ingest` does, so its `Deduplicator` assigns every event (a *mention*) to a canonical
event. Each gold event is matched to a mention as in the gold P/R (same story, type and
actor/recipient code sets, `marsad.evaluate.gold.match_events`). Over every pair of matched
gold events:

- *gold same*: the two share a gold `cluster` id (one real event, told twice);
- *predicted same*: their mentions share a canonical id.

Pairwise precision is the share of predicted-same pairs that are gold-same, recall the share
of gold-same pairs that are predicted-same. Pairs are also split by language (both events in
one language) and "cross" (two languages). *Near misses* are gold pairs of one type and one
dyad (same actor and recipient code sets) in different clusters: a 2025 visit and a 2026 phone
call between the same ministers; `near_miss_kept_apart` is the share of matched ones that the
store did not merge.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from marsad.evaluate.coding import Coder
from marsad.evaluate.gold import (
    Coded,
    code_demo,
    default_demo_dir,
    load_gold,
    match_events,
    predicted_events,
    same_event,
)
from marsad.evaluate.metrics import prf, ratio
from marsad.evaluate.result import EvalResult
from marsad.model import Article

log = logging.getLogger(__name__)

Pair = tuple[int, int]


def evaluate_clusters(path: Path | None, coder: Coder) -> EvalResult:
    """Code and store the demo corpus under `path` (default: the packaged one); score its merges."""
    root = path or default_demo_dir()
    gold, _ = load_gold(root)
    articles, failures = code_demo(root, coder)
    predicted = predicted_events(articles, {g.story: g.language for g in gold})
    strict = match_events(gold, predicted, same_event)
    metrics: dict[str, Any] = score_clusters(gold, predicted, strict, canonical_ids(articles))
    metrics["failures"] = failures
    return EvalResult("clusters", metrics)


def canonical_ids(articles: Sequence[Article]) -> dict[str, str]:
    """Event id -> canonical id, after storing the articles in order in a fresh in-memory store."""
    from marsad.store import open_store

    store = open_store(":memory:")
    try:
        for article in articles:
            store.write_article(article)
        ids = [e.id for a in articles for e in a.events]
        return {i: store.canonical_id(i) or i for i in ids}
    finally:
        store.close()


def score_clusters(
    gold: Sequence[Coded], predicted: Sequence[Coded], strict: dict[int, int], canonical: dict[str, str]
) -> dict[str, Any]:
    """Pairwise cluster P/R/F1 over matched gold events, by language, and the near misses."""
    matched = sorted(strict)

    def merged(pair: Pair) -> bool:
        first, second = (predicted[strict[i]].event_id for i in pair)
        return canonical.get(first, first) == canonical.get(second, second)

    pairs = list(itertools.combinations(matched, 2))
    near = [p for p in itertools.combinations(range(len(gold)), 2) if _near_miss(gold, p)]
    near_matched = [p for p in near if p[0] in strict and p[1] in strict]
    kinds = {p: _pair_kind(gold, p) for p in pairs}
    by_kind = {
        kind: _pair_row([p for p in pairs if kind in ("all", kinds[p])], gold, merged)
        for kind in [*sorted(set(kinds.values()) - {"cross"}), "cross", "all"]
    }
    overall = by_kind["all"]
    return {
        "cluster_precision": overall["precision"],
        "cluster_recall": overall["recall"],
        "cluster_f1": overall["f1"],
        "gold_same_pairs": sum(1 for p in itertools.combinations(gold, 2) if _same_cluster(*p)),
        "gold_same_pairs_matched": overall["gold_pairs"],
        "near_miss_pairs": len(near),
        "near_miss_pairs_matched": len(near_matched),
        "near_miss_kept_apart": ratio(sum(1 for p in near_matched if not merged(p)), len(near_matched)),
        "clusters_by_language": by_kind,
    }


def _pair_row(pairs: list[Pair], gold: Sequence[Coded], merged: Callable[[Pair], bool]) -> dict[str, Any]:
    gold_same = {p for p in pairs if _same_cluster(gold[p[0]], gold[p[1]])}
    predicted_same = {p for p in pairs if merged(p)}
    hits = len(gold_same & predicted_same)
    return {
        "gold_pairs": len(gold_same),
        "merged_pairs": len(predicted_same),
        **prf(hits, len(predicted_same) - hits, len(gold_same) - hits),
    }


def _same_cluster(first: Coded, second: Coded) -> bool:
    return bool(first.cluster) and first.cluster == second.cluster


def _pair_kind(gold: Sequence[Coded], pair: Pair) -> str:
    first, second = gold[pair[0]].language, gold[pair[1]].language
    return first if first == second else "cross"


def _near_miss(gold: Sequence[Coded], pair: Pair) -> bool:
    first, second = gold[pair[0]], gold[pair[1]]
    return (
        not _same_cluster(first, second)
        and first.event == second.event
        and first.actor == second.actor
        and first.recipient == second.recipient
    )
