"""UN quad classes: the set of quad classes of the events coded in a sentence, in ar, en, fr.

Each line carries the same Security Council sentence in up to three languages and
the labels given on the English (`majority_labels`; an empty list means no event).
Lines without a majority (`majority_labels` null) are coded but not scored. We
predict the quad classes of every event coded in the sentence (none: empty set)
and report per-class precision/recall/F1 and macro-F1 per language; with all
three languages, also how often the three predicted sets agree.

Three methods: `pipeline` (the quad classes of the events Marsad codes), `model` (the
sentence-level quad head of `marsad.sentence_model`, which needs no actors; batched) and
`topics` (`marsad.topics`: the classes of every trigger and topic phrase in the sentence, with
no actor or modality filter, united with the model's confident classes).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from marsad.errors import EvaluationError
from marsad.evaluate.coding import Coder, code_sentence
from marsad.evaluate.metrics import macro_f1, multi_label_table, prf, ratio
from marsad.evaluate.result import EvalResult
from marsad.plover import QUAD_NAMES

log = logging.getLogger(__name__)

LANGUAGES = ("ar", "en", "fr")
# The file's label names ("Verbal Cooperation"), by quad code.
LABELS = {code: name.title() for code, name in QUAD_NAMES.items()}
METHODS = ("pipeline", "model", "topics")
# Texts of one language -> the label names of each (the sentence model's batched interface).
Labeller = Callable[[Sequence[str]], list[frozenset[str]]]


def evaluate_quadclass(
    path: Path,
    coder: Coder,
    language: str | None = None,
    method: str = "pipeline",
    labeller: Labeller | None = None,
) -> EvalResult:
    """Score one language, or all three when `language` is None, with the pipeline or the model.

    `labeller` replaces the shipped sentence model for `method="model"` (tests pass a stub).
    """
    items = _read_items(path)
    languages = (language,) if language else LANGUAGES
    if any(lang not in LANGUAGES for lang in languages):
        raise EvaluationError(f"quadclass: unknown language {language!r} (ar, en or fr)")
    if method not in METHODS:
        raise EvaluationError(f"quadclass: unknown method {method!r} (one of {', '.join(METHODS)})")
    predicted: dict[str, dict[str, frozenset[str]]] = {lang: {} for lang in languages}
    for lang in languages:
        texted = [(item["un_id"], text) for item in items if (text := (item.get("text") or {}).get(lang))]
        if method in ("model", "topics"):
            label = labeller or (model_labeller() if method == "model" else topic_labeller(lang))
            labels = label([text for _, text in texted])
        else:
            labels = [predict_labels(coder, text, lang, f"un:{uid}:{lang}") for uid, text in texted]
        predicted[lang] = dict(zip((uid for uid, _ in texted), labels, strict=True))
    predictions = [
        {"un_id": item["un_id"], "language": lang, "labels": sorted(predicted[lang][item["un_id"]])}
        for item in items
        for lang in languages
        if item["un_id"] in predicted[lang]
    ]
    by_language = {lang: _language_scores(items, predicted[lang]) for lang in languages}
    metrics: dict[str, Any] = {
        "method": method,
        "items": len(items),
        "scored_items": sum(1 for i in items if _gold(i) is not None),
        "macro_f1": ratio(sum(s["macro_f1"] for s in by_language.values()), len(languages)),
    }
    if len(languages) == len(LANGUAGES):
        metrics["cross_language_agreement"] = cross_language_agreement(predicted)
    metrics["by_language"] = {
        lang: {k: v for k, v in s.items() if k != "per_class"} for lang, s in by_language.items()
    }
    for lang, scores in by_language.items():
        metrics[f"per_class_{lang}"] = scores["per_class"]
    return EvalResult("quadclass", metrics, predictions)


def model_labeller() -> Labeller:
    """The shipped sentence model's quad classes, as the file's label names."""
    from marsad.sentence_model import load_sentence_model

    model = load_sentence_model()

    def label(texts: Sequence[str]) -> list[frozenset[str]]:
        return [frozenset(LABELS[q] for q in quads) for quads in model.quad_classes(texts)]

    return label


def topic_labeller(language: str) -> Labeller:
    """`marsad.topics`: the classes a sentence talks about, as the file's label names."""
    from marsad.topics import sentence_quads

    def label(texts: Sequence[str]) -> list[frozenset[str]]:
        return [frozenset(LABELS[q] for q in quads) for quads in sentence_quads(texts, language)]

    return label


def predict_labels(coder: Coder, text: str, language: str, origin: str) -> frozenset[str]:
    """The label names of the quad classes of the events coded in `text`."""
    article = code_sentence(coder, text, language, origin)
    return frozenset(LABELS[e.quad_code] for e in article.events if e.quad_code in LABELS)


def cross_language_agreement(predicted: dict[str, dict[str, frozenset[str]]]) -> float:
    """Among items predicted in all three languages, the share with identical label sets."""
    shared = set.intersection(*(set(predicted[lang]) for lang in LANGUAGES))
    same = sum(1 for uid in shared if len({predicted[lang][uid] for lang in LANGUAGES}) == 1)
    return ratio(same, len(shared))


def _language_scores(items: list[dict[str, Any]], predicted: dict[str, frozenset[str]]) -> dict[str, Any]:
    """Macro-F1, exact set match, event/no-event F1 and the per-class table for one language."""
    scored = [
        (g, predicted[i["un_id"]]) for i in items if (g := _gold(i)) is not None and i["un_id"] in predicted
    ]
    gold_sets = [g for g, _ in scored]
    predicted_sets = [p for _, p in scored]
    table = multi_label_table(gold_sets, predicted_sets, LABELS.values())
    relevance = prf(
        sum(1 for g, p in scored if g and p),
        sum(1 for g, p in scored if not g and p),
        sum(1 for g, p in scored if g and not p),
    )
    return {
        "items": len(scored),
        "macro_f1": macro_f1(table),
        "exact_match": ratio(sum(1 for g, p in scored if g == p), len(scored)),
        "event_f1": relevance["f1"],
        "per_class": table,
    }


def _gold(item: dict[str, Any]) -> frozenset[str] | None:
    labels = item.get("majority_labels")
    return None if labels is None else frozenset(labels)


def _read_items(path: Path) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    items.append(_parse_item(json.loads(line), path, number))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read the quadclass set ({exc})") from exc
    log.info("quadclass: %d items from %s", len(items), path)
    return items


def _parse_item(item: Any, path: Path, number: int) -> dict[str, Any]:
    if not isinstance(item, dict) or "un_id" not in item or not isinstance(item.get("text"), dict):
        raise EvaluationError(f"{path}:{number}: not a quadclass line (needs un_id and text.ar/en/fr)")
    item["un_id"] = str(item["un_id"])
    return item
