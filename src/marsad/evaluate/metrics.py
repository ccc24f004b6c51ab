"""Scores shared by the evaluations: precision/recall/F1, per-class tables, confusions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from typing import Any


def ratio(numerator: float, denominator: float) -> float:
    """A rate that is 0.0, not an error, when nothing was counted."""
    return numerator / denominator if denominator else 0.0


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts."""
    precision = ratio(tp, tp + fp)
    recall = ratio(tp, tp + fn)
    return {"precision": precision, "recall": recall, "f1": ratio(2 * precision * recall, precision + recall)}


def single_label_table(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Per gold class: precision, recall, F1 and support, one label per item."""
    table: dict[str, dict[str, Any]] = {}
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        table[label] = {**prf(tp, fp, fn), "support": tp + fn}
    return table


def multi_label_table(
    gold: Sequence[Collection[str]], predicted: Sequence[Collection[str]], labels: Iterable[str]
) -> dict[str, dict[str, Any]]:
    """Per class: precision, recall, F1 and support when an item carries a set of labels."""
    table: dict[str, dict[str, Any]] = {}
    for label in labels:
        pairs = list(zip(gold, predicted, strict=True))
        tp = sum(1 for g, p in pairs if label in g and label in p)
        fp = sum(1 for g, p in pairs if label not in g and label in p)
        fn = sum(1 for g, p in pairs if label in g and label not in p)
        table[label] = {**prf(tp, fp, fn), "support": tp + fn}
    return table


def macro_f1(table: dict[str, dict[str, Any]]) -> float:
    """The unweighted mean F1 over the table's classes."""
    return ratio(sum(float(row["f1"]) for row in table.values()), len(table))


def top_confusions(gold: Sequence[str], predicted: Sequence[str], limit: int = 10) -> dict[str, int]:
    """The most frequent (gold -> predicted) errors, most frequent first."""
    errors = Counter(f"{g} -> {p}" for g, p in zip(gold, predicted, strict=True) if g != p)
    return dict(errors.most_common(limit))
