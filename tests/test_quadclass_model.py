"""The quadclass evaluation scored with the sentence model (`method="model"`) instead of the pipeline."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from marsad.errors import EvaluationError
from marsad.evaluate.quadclass import evaluate_quadclass

ITEMS = [
    {
        "un_id": "a",
        "text": {"en": "We welcome the accord.", "fr": "Nous saluons l'accord.", "ar": "نرحب بالاتفاق."},
        "majority_labels": ["Verbal Cooperation"],
    },
    {
        "un_id": "b",
        "text": {
            "en": "Militias shelled the camp.",
            "fr": "Des milices ont bombardé le camp.",
            "ar": "قصفت ميليشيات المخيم.",
        },
        "majority_labels": ["Material Conflict"],
    },
    {
        "un_id": "c",
        "text": {"en": "The agenda was adopted.", "ar": "أقر جدول الأعمال."},
        "majority_labels": [],
    },
]
KEYWORDS = {"welcome": "Verbal Cooperation", "نرحب": "Verbal Cooperation", "shelled": "Material Conflict"}


class NoPipeline:
    """The model method must not touch the pipeline."""

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"pipeline stage {name} called")


def keyword_labeller(texts: Sequence[str]) -> list[frozenset[str]]:
    return [frozenset(label for word, label in KEYWORDS.items() if word in text) for text in texts]


def write(tmp_path: Path) -> Path:
    path = tmp_path / "un.jsonl"
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in ITEMS), encoding="utf-8")
    return path


def test_model_method_scores_the_labeller_per_language(tmp_path: Path) -> None:
    result = evaluate_quadclass(write(tmp_path), NoPipeline(), method="model", labeller=keyword_labeller)  # type: ignore[arg-type]
    by_language = result.metrics["by_language"]
    assert result.metrics["method"] == "model"
    assert by_language["en"]["exact_match"] == pytest.approx(1.0)
    assert by_language["ar"]["exact_match"] == pytest.approx(2 / 3)  # the shelling is missed
    assert by_language["fr"]["exact_match"] == pytest.approx(0.0)  # no French keyword; c has no French
    # Items a and b exist in all three languages: a is missed in fr, b in ar and fr.
    assert result.metrics["cross_language_agreement"] == pytest.approx(0.0)
    assert {"un_id": "b", "language": "en", "labels": ["Material Conflict"]} in result.predictions


def test_unknown_method_is_an_evaluation_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="unknown method"):
        evaluate_quadclass(write(tmp_path), NoPipeline(), method="oracle")  # type: ignore[arg-type]


def test_topics_method_uses_the_labeller_and_not_the_pipeline(tmp_path: Path) -> None:
    result = evaluate_quadclass(write(tmp_path), NoPipeline(), method="topics", labeller=keyword_labeller)  # type: ignore[arg-type]
    assert result.metrics["method"] == "topics"
    assert result.metrics["by_language"]["en"]["exact_match"] == pytest.approx(1.0)
