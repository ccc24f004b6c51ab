"""Actor mentions: does Marsad find each actor and give it the right code and sector?

The set (default: the packaged `data/demo/actors_gold.jsonl`) holds short invented
passages in Arabic, English and French, one a line:

    {"id": "en-01", "language": "en", "published": "2025-03-11", "text": "...",
     "mentions": [{"text": "Iraqi Foreign Minister Fuad Hussein", "code": "IRQ",
                   "sector": "GOV", "kind": "role+name", "tags": ["transliteration"]},
                  {"text": "Baghdad", "kind": "place"}]}

Mentions are listed in text order; each `text` is found in the passage after the end of
the previous one. A mention with `code` is an actor (`code` "" when no country is known);
one of kind `place` has no code: a location, not an actor (PLOVER codes where an act
happens as the event's location, and Marsad reads a capital after a locative word as a
place). We read each passage (with its date: some codes depend on it), find actors, and
for each gold actor take the predicted mention that overlaps it most. Scores per
language, per kind and per tag: `found` (some prediction overlaps), `code`, `sector`
and `accuracy` (code and sector both right), each over all gold actors, a miss counting
wrong. A prediction over a marked place is a false actor (`on_place`); one that overlaps
no gold span at all is `spurious`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.errors import EvaluationError
from marsad.evaluate.coding import Coder, read_sentence
from marsad.evaluate.metrics import ratio, top_confusions
from marsad.evaluate.result import EvalResult
from marsad.model import Mention

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "demo" / "actors_gold.jsonl"
PLACE = "place"
# The cases the set tests; a mention's `kind` is one of these.
KINDS = (
    "role+name",  # a role and a person's name: "Iraqi Foreign Minister Fuad Hussein"
    "counterpart",  # "his Turkish counterpart", «نظيره الأردني», "la partie turque"
    "later-mention",  # a person, group or body named again: a surname, "the group", «التنظيم»
    "role",  # a role with a country and no name: "Turkish officials", "Basra's governor"
    "country",  # a bare country name: the state as a whole
    "capital-agent",  # a capital or seat of government that acts: "Baghdad condemned", "the Kremlin"
    "ministry",
    "military",
    "police",
    "intelligence",
    "parliament",
    "court",
    "party",
    "armed-group",  # the Islamic State, al-Qaeda, the PKK, Hamas, the Houthis, the SDF...
    "paramilitary",  # Hezbollah, the Hashd al-Shaabi, Kataib Hezbollah
    "coalition",
    "igo",  # UN, EU, NATO, Arab League, AU, GCC, OIC, their officials and missions
    "unknown-armed",  # unidentified gunmen: UAF
    "unnamed-source",  # "security sources", "a senior official": no country, UNK
    "civilians",
    "refugees",
    "journalists",
    "criminals",
    "rebels",
    "militia",
    PLACE,  # not an actor
)
TAGS = ("transliteration", "prefix", "diacritics", "coordination")


@dataclass(frozen=True)
class GoldMention:
    """One marked span of a passage; `code` is None for a place."""

    text: str
    start: int
    end: int
    kind: str
    code: str | None = None
    sector: str = ""
    tags: tuple[str, ...] = ()

    @property
    def is_actor(self) -> bool:
        return self.code is not None


@dataclass(frozen=True)
class Passage:
    id: str
    language: str
    text: str
    published: dt.date | None
    mentions: tuple[GoldMention, ...]


def load_actor_gold(path: Path) -> list[Passage]:
    """The passages of an actor-mention gold file; raises EvaluationError when malformed."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read the actor gold ({exc})") from exc
    passages = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            passages.append(_passage(json.loads(line)))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise EvaluationError(f"{path}:{number}: not an actor gold line ({exc!r})") from exc
    return passages


def locate(text: str, spans: list[str]) -> list[tuple[int, int] | None]:
    """Where each span lies in `text`, each searched after the end of the previous one found."""
    found: list[tuple[int, int] | None] = []
    position = 0
    for span in spans:
        start = text.find(span, position)
        if start < 0:
            found.append(None)
            continue
        found.append((start, start + len(span)))
        position = start + len(span)
    return found


def _passage(row: dict[str, Any]) -> Passage:
    text = str(row["text"])
    raw = list(row["mentions"])
    spans = locate(text, [str(m["text"]) for m in raw])
    mentions = []
    for item, span in zip(raw, spans, strict=True):
        if span is None:
            raise ValueError(f"{row['id']}: mention {item['text']!r} not found in text order")
        if item["kind"] not in KINDS:
            raise ValueError(f"{row['id']}: unknown kind {item['kind']!r}")
        code = item.get("code")
        mentions.append(
            GoldMention(
                text=str(item["text"]),
                start=span[0],
                end=span[1],
                kind=str(item["kind"]),
                code=None if code is None else str(code),
                sector=str(item.get("sector") or ""),
                tags=tuple(item.get("tags") or ()),
            )
        )
    published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
    return Passage(str(row["id"]), str(row["language"]), text, published, tuple(mentions))


def evaluate_actors(path: Path | None, coder: Coder) -> EvalResult:
    """Found, code, sector and code+sector accuracy of the gold actor mentions."""
    passages = load_actor_gold(path or DEFAULT_PATH)
    records: list[dict[str, Any]] = []
    for passage in passages:
        records += _score_passage(passage, coder)
    return EvalResult("actors", _metrics(len(passages), records), records)


def _score_passage(passage: Passage, coder: Coder) -> list[dict[str, Any]]:
    """One record per gold mention, then one per spurious prediction."""
    article = coder.find_actors(
        read_sentence(coder, passage.text, passage.language, f"actors:{passage.id}", passage.published)
    )
    # The reader may reshape the text (spaces, boilerplate): find the gold spans in its text.
    spans = locate(article.text, [m.text for m in passage.mentions])
    records = []
    for gold, span in zip(passage.mentions, spans, strict=True):
        best = _best_overlap(article.mentions, span) if span else None
        records.append(_record(passage, gold, best))
    covered = [s for s in spans if s]
    for mention in article.mentions:
        if not any(_overlap(mention, s) for s in covered):
            records.append(
                {"id": passage.id, "language": passage.language, "spurious": True, **_predicted(mention)}
            )
    return records


def _overlap(mention: Mention, span: tuple[int, int]) -> int:
    return max(0, min(mention.end, span[1]) - max(mention.start, span[0]))


def _best_overlap(mentions: tuple[Mention, ...], span: tuple[int, int]) -> Mention | None:
    candidates = [m for m in mentions if _overlap(m, span) > 0]
    return max(candidates, key=lambda m: _overlap(m, span)) if candidates else None


def _predicted(mention: Mention) -> dict[str, Any]:
    entity = mention.entity
    return {
        "predicted": {
            "text": entity.entity_text,
            "code": entity.code,
            "sector": entity.sector,
            "kind": mention.kind,
        }
    }


def _record(passage: Passage, gold: GoldMention, best: Mention | None) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": passage.id,
        "language": passage.language,
        "text": gold.text,
        "kind": gold.kind,
        "tags": list(gold.tags),
        "gold": {"code": gold.code, "sector": gold.sector} if gold.is_actor else None,
        "predicted": _predicted(best)["predicted"] if best else None,
    }
    if gold.is_actor:
        record["code_ok"] = best is not None and best.entity.code == gold.code
        record["sector_ok"] = best is not None and best.entity.sector == gold.sector
        record["correct"] = record["code_ok"] and record["sector_ok"]
    return record


def _metrics(passages: int, records: list[dict[str, Any]]) -> dict[str, Any]:
    actors = [r for r in records if r.get("gold")]
    places = [r for r in records if "gold" in r and r["gold"] is None]
    spurious = [r for r in records if r.get("spurious")]
    languages = sorted({r["language"] for r in records})
    by_language = {
        lang: _row([r for r in actors if r["language"] == lang])
        | _false_actors(
            [r for r in places if r["language"] == lang], [r for r in spurious if r["language"] == lang]
        )
        for lang in languages
    }
    overall = _row(actors)
    return {
        "passages": passages,
        "gold_mentions": len(actors),
        "found": overall["found"],
        "code_accuracy": overall["code"],
        "sector_accuracy": overall["sector"],
        "accuracy": overall["accuracy"],
        "places": len(places),
        "places_coded_as_actor": sum(1 for r in places if r["predicted"]),
        "spurious": len(spurious),
        "by_language": by_language,
        "by_kind": {kind: _row(rows) for kind in KINDS if (rows := [r for r in actors if r["kind"] == kind])},
        "by_tag": {tag: _row(rows) for tag in TAGS if (rows := [r for r in actors if tag in r["tags"]])},
        "confusions": top_confusions(
            [_label(r["gold"]) for r in actors], [_label(r["predicted"]) for r in actors], limit=15
        ),
    }


def _row(records: list[dict[str, Any]]) -> dict[str, Any]:
    total = len(records)
    return {
        "gold": total,
        "found": ratio(sum(1 for r in records if r["predicted"]), total),
        "code": ratio(sum(r["code_ok"] for r in records), total),
        "sector": ratio(sum(r["sector_ok"] for r in records), total),
        "accuracy": ratio(sum(r["correct"] for r in records), total),
    }


def _false_actors(places: list[dict[str, Any]], spurious: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "places": len(places),
        "on_place": sum(1 for r in places if r["predicted"]),
        "spurious": len(spurious),
    }


def _label(side: dict[str, Any] | None) -> str:
    if side is None:
        return "(none)"
    return f"{side['code'] or '-'}/{side['sector'] or '-'}"


def count_kinds(passages: list[Passage]) -> Counter[str]:
    """Gold mentions per kind, places included (for the docs and the tests)."""
    return Counter(m.kind for p in passages for m in p.mentions)
