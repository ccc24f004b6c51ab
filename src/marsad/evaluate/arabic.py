"""Arabic news sentences: event detection (ASSAULT, PROTEST) and actor spans.

Detection: a sentence is detected when Marsad codes an event of the file's type in
it. Gold `yes` is positive, `easy no` and `difficult no` negative; `ambiguous` is
left out of the scores and its detected share reported apart.

Spans: annotators marked the source and target actor tokens and gave each a code
(`main`: ISO3, IGO... or "None") and a sector (`role`); the consensus tokens are in
`source_gold` / `target_gold`. The gold code and sector are the annotators'
majority (ties go to the first annotator). We read the sentence, find actors, take
the mention that overlaps the gold tokens most, and compare its code and sector.
No overlapping mention counts as wrong (`coverage` reports how often one was found);
a side without consensus tokens or roles is not scored.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
import re
from collections import Counter
from pathlib import Path
from typing import Any

from marsad.errors import EvaluationError
from marsad.evaluate.coding import Coder, code_sentence, read_sentence
from marsad.evaluate.metrics import prf, ratio
from marsad.evaluate.result import EvalResult
from marsad.model import Article, Mention

log = logging.getLogger(__name__)

NEGATIVE_LABELS = frozenset({"easy no", "difficult no"})
_WORD = re.compile(r"\w")
_GIGAWORD_DATE = re.compile(r"_(\d{4})(\d{2})(\d{2})\.")
ROLES = ("source", "target")


def evaluate_detection(path: Path, coder: Coder, event_type: str | None = None) -> EvalResult:
    """Precision, recall and F1 of detecting the file's event type, plus ambiguous items apart."""
    rows = _read_csv(path)
    counts: Counter[str] = Counter()
    predictions: list[dict[str, Any]] = []
    for row in rows:
        kind = (event_type or row.get("event_type") or _type_from_name(path)).upper()
        article = code_sentence(
            coder, row["text"], "ar", origin=f"arabic:{row['id']}", published=gigaword_date(row["id"])
        )
        detected = any(e.event == kind for e in article.events)
        label = row["label"].strip().lower()
        counts[f"{label}|{detected}"] += 1
        predictions.append({"id": row["id"], "event_type": kind, "detected": detected, "gold": label})
    scores = prf(
        tp=counts["yes|True"],
        fp=sum(counts[f"{n}|True"] for n in NEGATIVE_LABELS),
        fn=counts["yes|False"],
    )
    metrics: dict[str, Any] = {"items": len(rows), **scores}
    for label in ("yes", "easy no", "difficult no", "ambiguous"):
        total = counts[f"{label}|True"] + counts[f"{label}|False"]
        metrics[f"detected_share[{label}]"] = ratio(counts[f"{label}|True"], total)
        metrics[f"count[{label}]"] = total
    return EvalResult("arabic-detection", metrics, predictions)


def evaluate_spans(path: Path, coder: Coder) -> EvalResult:
    """Code and sector accuracy of the actors found over the gold source and target tokens."""
    items = _read_json_list(path)
    hits: Counter[str] = Counter()
    predictions: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        published = gigaword_date(str(item.get("source") or ""))
        article = coder.find_actors(
            read_sentence(coder, item["text"], "ar", origin=f"spans:{index}", published=published)
        )
        record: dict[str, Any] = {"index": index}
        for role in ROLES:
            gold = gold_role(item, role)
            mention = best_mention(article, gold_token_spans(article.text, item.get(f"{role}_gold") or ""))
            record[role] = {"code": mention.entity.code, "sector": mention.entity.sector} if mention else None
            if gold is not None:
                _count_side(hits, role, gold, mention)
        predictions.append(record)
    return EvalResult("arabic-spans", _span_metrics(len(items), hits), predictions)


def gigaword_date(document_id: str) -> dt.date | None:
    """The story date in a Gigaword document id ("AAW_ARB_20070108.0019-7": 2007-01-08), if any.

    Some actors are coded by date (the Taliban are a government from August 2021), so the
    sentence is read as of its story's day."""
    found = _GIGAWORD_DATE.search(document_id)
    if not found:
        return None
    try:
        return dt.date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None


def gold_role(item: dict[str, Any], role: str) -> tuple[str, str] | None:
    """The annotators' majority (code, sector) for one side; None when there is nothing to score."""
    if not str(item.get(f"{role}_gold") or "").strip():
        return None
    votes = [r for span in item.get("spans") or () if isinstance(r := span.get(f"{role}_role"), dict) and r]
    if not votes:
        return None
    code = Counter(_none_empty(v.get("main")) for v in votes).most_common(1)[0][0]
    sector = Counter(_none_empty(v.get("role")) for v in votes).most_common(1)[0][0]
    return code, sector


def gold_token_spans(text: str, tokens: str) -> list[tuple[int, int]]:
    """Where the gold tokens lie in the reader's text (first occurrence of each word token)."""
    spans: list[tuple[int, int]] = []
    for token in tokens.split():
        if not _WORD.search(token):
            continue  # punctuation tokens such as «
        start = text.find(token)
        if start >= 0:
            spans.append((start, start + len(token)))
    return spans


def best_mention(article: Article, spans: list[tuple[int, int]]) -> Mention | None:
    """The mention that overlaps the gold tokens most; None when none overlaps."""

    def overlap(mention: Mention) -> int:
        return sum(max(0, min(mention.end, end) - max(mention.start, start)) for start, end in spans)

    candidates = [m for m in article.mentions if overlap(m) > 0]
    return max(candidates, key=overlap) if candidates else None


def _count_side(hits: Counter[str], role: str, gold: tuple[str, str], mention: Mention | None) -> None:
    hits[f"{role}_scored"] += 1
    if mention is None:
        return
    hits[f"{role}_covered"] += 1
    hits[f"{role}_code"] += mention.entity.code == gold[0]
    hits[f"{role}_sector"] += mention.entity.sector == gold[1]


def _span_metrics(items: int, hits: Counter[str]) -> dict[str, Any]:
    by_role: dict[str, dict[str, Any]] = {}
    for role in (*ROLES, "overall"):
        keys = ROLES if role == "overall" else (role,)
        scored = sum(hits[f"{k}_scored"] for k in keys)
        by_role[role] = {
            "scored": scored,
            "coverage": ratio(sum(hits[f"{k}_covered"] for k in keys), scored),
            "code_accuracy": ratio(sum(hits[f"{k}_code"] for k in keys), scored),
            "sector_accuracy": ratio(sum(hits[f"{k}_sector"] for k in keys), scored),
        }
    overall = by_role["overall"]
    return {
        "items": items,
        "code_accuracy": overall["code_accuracy"],
        "sector_accuracy": overall["sector_accuracy"],
        "coverage": overall["coverage"],
        "by_role": by_role,
    }


def _none_empty(value: Any) -> str:
    text = str(value or "").strip()
    return "" if text in ("None", "UNKNOWN") else text


def _type_from_name(path: Path) -> str:
    for kind in ("assault", "protest"):
        if kind in path.name.lower():
            return kind
    raise EvaluationError(f"{path}: cannot tell the event type (no event_type column, no type in the name)")


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise EvaluationError(f"{path}: cannot read the detection set ({exc})") from exc
    if not rows or any(c not in rows[0] for c in ("id", "label", "text")):
        raise EvaluationError(f"{path}: not a detection file (needs columns id, label, text)")
    return rows


def _read_json_list(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read the spans set ({exc})") from exc
    if not isinstance(data, list) or not all(isinstance(i, dict) and "text" in i for i in data):
        raise EvaluationError(f"{path}: not a spans file (a JSON list of items with text and spans)")
    return data
