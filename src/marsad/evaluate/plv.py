"""PLV: the PLOVER type of the event between a marked source and target (English).

Each row's `marked_sentence` wraps the source in `<s>..</s>` and the target in
`<t>..</t>` (a role can be marked twice, or not at all when the row names a
placeholder such as "a recipient"). We read the unmarked sentence, find actors,
and, where the recognizer found no mention over a marked span, add one (code
"SRC" or "TGT", kind "generic") so that the event coder sees the annotated pair;
`injected_share` reports how often that was needed. Then we code events and
choose the one whose actor overlaps the source and recipient the target, else
one that involves either, else any event in the sentence; no event predicts
"NONE", which counts as wrong (`coverage` reports the share with an event).

Scoring follows `plover.LEGACY_TYPES`: gold YIELD is RETREAT, and a predicted
CONCEDE counts as RETREAT, since YIELD covered both.
"""

from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from marsad.errors import EvaluationError
from marsad.evaluate.coding import Coder, read_sentence
from marsad.evaluate.metrics import macro_f1, ratio, single_label_table, top_confusions
from marsad.evaluate.result import EvalResult
from marsad.model import Article, Entity, Event, Mention
from marsad.plover import LEGACY_TYPES, QUAD

log = logging.getLogger(__name__)

Span = tuple[int, int]
NO_EVENT = "NONE"
_TAG = re.compile(r"</?[st]>")
_COLUMNS = ("uid", "marked_sentence", "gold_root")
# How the event was chosen: actor on source and recipient on target, one of the two, a marked
# span in either role, or just any event of the sentence.
_CHOICE = {3: "pair", 2: "one", 1: "either", 0: "any"}


@dataclass(frozen=True)
class MarkedPair:
    """A sentence with the tags removed and the offsets of each marked span."""

    text: str
    source: tuple[Span, ...]
    target: tuple[Span, ...]


def unmark(marked: str) -> MarkedPair:
    """Strip `<s>`/`<t>` tags, keeping where each marked span lies in the plain text."""
    pieces: list[str] = []
    opened: dict[str, int] = {}
    spans: dict[str, list[Span]] = {"s": [], "t": []}
    length = last = 0
    for tag in _TAG.finditer(marked):
        pieces.append(marked[last : tag.start()])
        length += tag.start() - last
        last = tag.end()
        role = tag.group()[-2]
        if tag.group()[1] == "/":
            if role in opened:
                spans[role].append((opened.pop(role), length))
        else:
            opened[role] = length
    pieces.append(marked[last:])
    return MarkedPair("".join(pieces), tuple(spans["s"]), tuple(spans["t"]))


def score_root(event_type: str) -> str:
    """The type as scored against the dev set: legacy names mapped, CONCEDE counted as RETREAT."""
    event_type = LEGACY_TYPES.get(event_type, event_type)
    return "RETREAT" if event_type == "CONCEDE" else event_type


def evaluate_plv(path: Path, coder: Coder) -> EvalResult:
    """Score the PLV set: accuracy, macro-F1, coverage, per-class table, top confusions."""
    rows = _read_rows(path)
    gold: list[str] = []
    predicted: list[str] = []
    predictions: list[dict[str, Any]] = []
    injected = quad_hits = 0
    for row in rows:
        root, how, added = classify(coder, row["uid"], row["marked_sentence"])
        gold.append(score_root(row["gold_root"].strip().upper()))
        predicted.append(root)
        injected += added
        quad_hits += root != NO_EVENT and str(QUAD.get(root, 0)) == row.get("gold_penta", "").strip()
        predictions.append({"uid": row["uid"], "root": root, "gold": gold[-1], "choice": how})
    table = single_label_table(gold, predicted)
    covered = [(g, p) for g, p in zip(gold, predicted, strict=True) if p != NO_EVENT]
    metrics: dict[str, Any] = {
        "items": len(rows),
        "accuracy": ratio(sum(g == p for g, p in zip(gold, predicted, strict=True)), len(rows)),
        "macro_f1": macro_f1(table),
        "coverage": ratio(len(covered), len(rows)),
        "accuracy_when_covered": ratio(sum(g == p for g, p in covered), len(covered)),
        "quad_accuracy": ratio(quad_hits, len(rows)),
        "injected_share": ratio(injected, 2 * len(rows)),
        "per_class": table,
        "top_confusions": top_confusions(gold, predicted),
    }
    return EvalResult("plv", metrics, predictions)


def classify(coder: Coder, uid: str, marked: str) -> tuple[str, str, int]:
    """The predicted root for one row, how the event was chosen, and how many spans were injected."""
    pair = unmark(marked)
    article = read_sentence(coder, pair.text, "en", origin=f"plv:{uid}")
    source = _relocate(pair.source, pair.text, article.text)
    target = _relocate(pair.target, pair.text, article.text)
    article, added = with_marked_mentions(coder.find_actors(article), source, target)
    article = coder.find_events(article)
    event, how = choose_event(article, source, target)
    return (score_root(event.event) if event else NO_EVENT), how, added


def with_marked_mentions(
    article: Article, source: tuple[Span, ...], target: tuple[Span, ...]
) -> tuple[Article, int]:
    """Add a generic mention over each marked span that no recognized mention overlaps."""
    added: list[Mention] = []
    for code, spans in (("SRC", source), ("TGT", target)):
        for start, end in spans:
            if any(_overlaps(m, (start, end)) for m in article.mentions):
                continue
            entity = Entity(code=code, entity_text=article.text[start:end])
            added.append(Mention(_sentence_at(article, start), start, end, entity, kind="generic"))
    if not added:
        return article, 0
    mentions = tuple(sorted((*article.mentions, *added), key=lambda m: (m.start, m.end)))
    return replace(article, mentions=mentions), len(added)


def choose_event(
    article: Article, source: tuple[Span, ...], target: tuple[Span, ...]
) -> tuple[Event | None, str]:
    """The event that best fits the marked pair, and which rule chose it."""
    if not article.events:
        return None, "none"
    sources = [m.entity for m in article.mentions if any(_overlaps(m, s) for s in source)]
    targets = [m.entity for m in article.mentions if any(_overlaps(m, t) for t in target)]

    def fit(event: Event) -> int:
        actor_ok = _involves(event.actor, sources)
        recipient_ok = _involves(event.recipient, targets)
        if actor_ok and recipient_ok:
            return 3
        if actor_ok or recipient_ok:
            return 2
        return 1 if _involves(event.actor + event.recipient, sources + targets) else 0

    best = max(article.events, key=lambda e: (fit(e), e.confidence))
    return best, _CHOICE[fit(best)]


def _involves(entities: tuple[Entity, ...], marked: list[Entity]) -> bool:
    """True when an event entity is one of the marked mentions' entities."""
    return any(e == m or (e.entity_text and e.entity_text == m.entity_text) for e in entities for m in marked)


def _overlaps(mention: Mention, span: Span) -> bool:
    return mention.start < span[1] and span[0] < mention.end


def _sentence_at(article: Article, offset: int) -> int:
    for sentence in article.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.index
    return article.sentences[-1].index if article.sentences else 0


def _relocate(spans: tuple[Span, ...], original: str, text: str) -> tuple[Span, ...]:
    """Spans of `original` moved into the reader's text (which may trim or re-space it)."""
    if original == text:
        return spans
    moved: list[Span] = []
    for start, end in spans:
        found = [m.start() for m in re.finditer(re.escape(original[start:end]), text)]
        if found:
            nearest = min(found, key=lambda f: abs(f - start))
            moved.append((nearest, nearest + end - start))
    return tuple(moved)


def _read_rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read the PLV set ({exc})") from exc
    if not rows or any(c not in rows[0] for c in _COLUMNS):
        raise EvaluationError(f"{path}: not a PLV file (needs columns {', '.join(_COLUMNS)})")
    log.info("plv: %d rows from %s", len(rows), path)
    return rows
