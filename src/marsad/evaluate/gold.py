"""The demo gold: events expected from the packaged demo corpus, matched to what Marsad codes.

`gold.jsonl` has one line per expected event (story key, language, type, actor and
recipient codes, date...), `gold_empty.jsonl` one line per story that must yield no
event. A story key is the article's file name ("en_01_x.txt") or, for a feed line,
"wire.jsonl#N". A predicted event matches a gold event of the same story and type
with the same actor code set and recipient code set (order-free); each gold event
matches at most once.

Also reported:
- a looser type-only match (same story and type), and among those pairs (closest
  arguments preferred) the share whose actor codes (`actor_acc`) and recipient codes
  (`recipient_acc`) agree;
- among matched events, the share with the right date (date and precision), the right
  sectors (actor and recipient sector sets), the right modes, and the right place
  (`same_place`: the gold's geonameid, or its name and country when the gazetteer has
  no id for it), over every gold place and over the city-level ones;
- calibration: per confidence band, the events, their mean confidence and the share
  that matched, and the expected calibration error (`marsad.calibration.reliability`);
- clusters: the coded articles are stored in a fresh in-memory store, and
  `marsad.evaluate.clusters` scores how its deduplication groups the matched events.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.calibration import reliability
from marsad.errors import EvaluationError
from marsad.evaluate.coding import Coder
from marsad.evaluate.metrics import prf, ratio
from marsad.evaluate.result import EvalResult
from marsad.geonames import name_key
from marsad.model import Article, Event, Failure, Location

log = logging.getLogger(__name__)

# "feeds/wire.jsonl:3" (an ingest origin) or "wire.jsonl#3" -> "wire.jsonl#3".
_FEED_LINE = re.compile(r"^(?P<file>.*\.jsonl)[#:](?P<line>\d+)$")


@dataclass(frozen=True)
class PlaceRef:
    """Where an event happened, as the gold codes it or as a predicted `Location` gives it."""

    names: tuple[str, ...]  # the gold's name as written; predicted: as written, then resolved
    geonameid: int | None
    country: str
    resolution: str = ""


@dataclass(frozen=True)
class Coded:
    """A gold or predicted event reduced to what matching compares."""

    story: str
    language: str
    event: str
    actor: frozenset[str]
    recipient: frozenset[str]
    date: str | None = None
    date_precision: str = ""
    actor_sectors: frozenset[str] = frozenset()
    recipient_sectors: frozenset[str] = frozenset()
    mode: frozenset[str] = frozenset()
    place: PlaceRef | None = None
    cluster: str = ""  # gold: the real-world event; predicted: ""
    event_id: str = ""  # predicted: the event's id, to find its canonical event in the store
    confidence: float = 0.0  # predicted: the event's calibrated confidence


Matcher = Callable[[Coded, Coded], bool]


def default_demo_dir() -> Path:
    from marsad.demo import demo_dir

    return demo_dir()


def evaluate_gold(path: Path | None, coder: Coder) -> EvalResult:
    """Code the demo corpus under `path` (default: the packaged one) and score it against its gold."""
    from marsad.evaluate.clusters import canonical_ids, score_clusters

    root = path or default_demo_dir()
    gold, empty = load_gold(root)
    articles, failures = code_demo(root, coder)
    predicted = predicted_events(articles, {g.story: g.language for g in gold})
    result = score_gold(gold, predicted, empty, failures)
    strict = match_events(gold, predicted, same_event)
    result.metrics.update(score_clusters(gold, predicted, strict, canonical_ids(articles)))
    return result


def load_gold(root: Path) -> tuple[list[Coded], set[str]]:
    """The gold events under `root` and the stories declared empty."""
    gold = [_gold_event(row) for row in _read_jsonl(root / "gold.jsonl")]
    empty_file = root / "gold_empty.jsonl"
    empty = {str(r["story"]) for r in _read_jsonl(empty_file)} if empty_file.exists() else set()
    return gold, empty


def code_demo(root: Path, coder: Coder) -> tuple[list[Article], int]:
    """Run the coder over the corpus under `root`: the coded articles and the failure count."""
    inputs = [p for p in (root / "articles", root / "feeds") if p.exists()]
    manifest = next(
        (m for m in (root / "manifest.jsonl", root / "articles" / "manifest.jsonl") if m.exists()), None
    )
    articles: list[Article] = []
    failures = 0
    for item in coder.code_corpus(inputs, manifest):
        if isinstance(item, Failure):
            log.warning("gold: %s could not be coded: %s", item.origin, item.reason)
            failures += 1
        else:
            articles.append(item)
    return articles, failures


def predicted_events(articles: Sequence[Article], languages: dict[str, str]) -> list[Coded]:
    """Every event of the coded articles, reduced for matching (languages: story -> gold language)."""
    return [_predicted_event(e, a, languages) for a in articles for e in a.events]


def score_gold(
    gold: Sequence[Coded], predicted: Sequence[Coded], empty: set[str], failures: int = 0
) -> EvalResult:
    """Match predicted to gold events and compute event P/R/F1 per language and overall."""
    strict = match_events(gold, predicted, same_event)
    loose = match_events(gold, predicted, _same_type)
    by_language = {
        lang: _language_row(gold, predicted, strict, loose, lang)
        for lang in [*sorted({c.language for c in (*gold, *predicted)} - {""}), "all"]
    }
    overall = by_language["all"]
    in_empty = [p for p in predicted if p.story in empty]
    metrics: dict[str, Any] = {
        "gold_events": len(gold),
        "predicted_events": len(predicted),
        "precision": overall["precision"],
        "recall": overall["recall"],
        "f1": overall["f1"],
        "type_only_f1": overall["type_f1"],
        **_attribute_figures(gold, predicted, strict),
        "empty_stories": len(empty),
        "empty_stories_clean": ratio(len(empty - {p.story for p in in_empty}), len(empty)),
        "events_in_empty_stories": len(in_empty),
        "failures": failures,
    }
    matched = set(strict.values())
    calibration = reliability([(p.confidence, i in matched) for i, p in enumerate(predicted)])
    metrics["confidence_ece"] = calibration["ece"]
    metrics["by_language"] = by_language
    metrics["confidence_bands"] = calibration["bands"]
    return EvalResult("gold", metrics, _prediction_records(predicted, matched))


def _attribute_figures(
    gold: Sequence[Coded], predicted: Sequence[Coded], strict: dict[int, int]
) -> dict[str, float | int]:
    """Date, place, sector and mode accuracy over the strictly matched events."""
    dated = sum(1 for g, p in strict.items() if _same_date(gold[g], predicted[p]))
    placed = [g for g in strict if gold[g].place is not None]
    cities = [g for g in placed if _gold_place(gold[g]).resolution == "city"]
    well_placed = {g for g in placed if same_place(_gold_place(gold[g]), predicted[strict[g]].place)}
    sectors = sum(1 for g, p in strict.items() if _same_sectors(gold[g], predicted[p]))
    modes = sum(1 for g, p in strict.items() if gold[g].mode == predicted[p].mode)
    return {
        "date_accuracy": ratio(dated, len(strict)),
        "place_accuracy": ratio(len(well_placed), len(placed)),
        "place_accuracy_city": ratio(len(well_placed & set(cities)), len(cities)),
        "gold_places_matched": len(placed),
        "gold_cities_matched": len(cities),
        "sector_accuracy": ratio(sectors, len(strict)),
        "mode_accuracy": ratio(modes, len(strict)),
    }


def _prediction_records(predicted: Sequence[Coded], matched: set[int]) -> list[dict[str, Any]]:
    return [
        {
            "story": p.story,
            "event": p.event,
            "actor": sorted(p.actor),
            "recipient": sorted(p.recipient),
            "date": p.date,
            "place": p.place.names[0] if p.place else None,
            "confidence": p.confidence,
            "matched": i in matched,
        }
        for i, p in enumerate(predicted)
    ]


def match_events(gold: Sequence[Coded], predicted: Sequence[Coded], same: Matcher) -> dict[int, int]:
    """Gold index -> predicted index, each used at most once; closer arguments are preferred."""
    used: set[int] = set()
    matches: dict[int, int] = {}
    for g_index, g in enumerate(gold):
        candidates = [i for i, p in enumerate(predicted) if i not in used and same(g, p)]
        if candidates:
            best = max(candidates, key=lambda i: _argument_overlap(g, predicted[i]))
            matches[g_index] = best
            used.add(best)
    return matches


def story_key(event: Event, article: Article | None = None) -> str:
    """The gold's story key for an event: its file name, or "wire.jsonl#N" for a feed line."""
    where = event.cite.path
    if not where and article is not None:
        where = article.document.path or article.document.origin
    feed = _FEED_LINE.match(where)
    if feed:
        return f"{Path(feed['file']).name}#{feed['line']}"
    return Path(where).name


def _language_row(
    gold: Sequence[Coded],
    predicted: Sequence[Coded],
    strict: dict[int, int],
    loose: dict[int, int],
    lang: str,
) -> dict[str, Any]:
    def keep(c: Coded) -> bool:
        return lang == "all" or c.language == lang

    n_gold = sum(1 for g in gold if keep(g))
    n_pred = sum(1 for p in predicted if keep(p))
    hits = sum(1 for g in strict if keep(gold[g]))
    type_hits = sum(1 for g in loose if keep(gold[g]))
    scores = prf(hits, n_pred - hits, n_gold - hits)
    dated = sum(1 for g, p in strict.items() if keep(gold[g]) and _same_date(gold[g], predicted[p]))
    typed = [(gold[g], predicted[p]) for g, p in loose.items() if keep(gold[g])]
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "matched": hits,
        **scores,
        "type_f1": prf(type_hits, n_pred - type_hits, n_gold - type_hits)["f1"],
        "actor_acc": ratio(sum(1 for g, p in typed if g.actor == p.actor), len(typed)),
        "recipient_acc": ratio(sum(1 for g, p in typed if g.recipient == p.recipient), len(typed)),
        "date_acc": ratio(dated, hits),
        **_place_columns(gold, predicted, strict, keep),
    }


def _place_columns(
    gold: Sequence[Coded], predicted: Sequence[Coded], strict: dict[int, int], keep: Callable[[Coded], bool]
) -> dict[str, float]:
    placed = [g for g in strict if keep(gold[g]) and gold[g].place is not None]
    cities = [g for g in placed if _gold_place(gold[g]).resolution == "city"]

    def right(indices: list[int]) -> int:
        return sum(1 for g in indices if same_place(_gold_place(gold[g]), predicted[strict[g]].place))

    return {"place_acc": ratio(right(placed), len(placed)), "city_acc": ratio(right(cities), len(cities))}


def same_place(gold: PlaceRef, predicted: PlaceRef | None) -> bool:
    """The gold geonameid; with none (a village or site the gazetteer lacks), the name and country.

    Names agree when one folded name holds the other ("Harir" in "Harir air base").
    """
    if predicted is None:
        return False
    if gold.geonameid is not None:
        return gold.geonameid == predicted.geonameid
    wanted = name_key(gold.names[0]).strip()
    found = [name_key(n).strip() for n in predicted.names if n.strip()]
    return gold.country == predicted.country and any(wanted in n or n in wanted for n in found)


def _gold_place(coded: Coded) -> PlaceRef:
    if coded.place is None:
        raise EvaluationError(f"{coded.story}: {coded.event} has no gold place")
    return coded.place


def same_event(g: Coded, p: Coded) -> bool:
    return _same_type(g, p) and g.actor == p.actor and g.recipient == p.recipient


def _same_type(g: Coded, p: Coded) -> bool:
    return g.story == p.story and g.event == p.event


def _same_date(g: Coded, p: Coded) -> bool:
    return g.date == p.date and (g.date_precision or "") == (p.date_precision or "")


def _same_sectors(g: Coded, p: Coded) -> bool:
    return g.actor_sectors == p.actor_sectors and g.recipient_sectors == p.recipient_sectors


def _argument_overlap(g: Coded, p: Coded) -> int:
    return len(g.actor & p.actor) + len(g.recipient & p.recipient)


def _predicted_event(event: Event, article: Article, languages: dict[str, str]) -> Coded:
    story = story_key(event, article)
    return Coded(
        story=story,
        language=languages.get(story) or article.language,
        event=event.event,
        actor=frozenset(e.code for e in event.actor),
        recipient=frozenset(e.code for e in event.recipient),
        date=event.date.isoformat() if event.date else None,
        date_precision=event.date_precision,
        actor_sectors=frozenset(e.sector for e in event.actor),
        recipient_sectors=frozenset(e.sector for e in event.recipient),
        mode=frozenset(event.mode),
        place=_predicted_place(event.location),
        event_id=event.id,
        confidence=event.confidence,
    )


def _predicted_place(location: Location | None) -> PlaceRef | None:
    if location is None:
        return None
    names = tuple(n for n in (location.extracted_place, location.resolved_place) if n)
    return PlaceRef(names, location.geonameid, location.country_code, location.resolution)


def _gold_place_field(value: Any) -> PlaceRef | None:
    if not value:
        return None
    geonameid = value.get("geonameid")
    return PlaceRef(
        (str(value["name"]),),
        None if geonameid is None else int(geonameid),
        str(value.get("country") or ""),
        str(value.get("resolution") or ""),
    )


def _gold_event(row: dict[str, Any]) -> Coded:
    try:
        return Coded(
            story=str(row["story"]),
            language=str(row.get("language") or ""),
            event=str(row["event"]),
            actor=_strings(row.get("actor")),
            recipient=_strings(row.get("recipient")),
            date=str(row["date"])[:10] if row.get("date") else None,
            date_precision=str(row.get("date_precision") or ""),
            actor_sectors=_strings(row.get("actor_sectors")),
            recipient_sectors=_strings(row.get("recipient_sectors")),
            mode=_strings(row.get("mode")),
            place=_gold_place_field(row.get("place")),
            cluster=str(row.get("cluster") or ""),
        )
    except KeyError as exc:
        raise EvaluationError(f"gold line without {exc}: {row}") from exc


def _strings(values: Any) -> frozenset[str]:
    return frozenset(str(v) for v in values or ())


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read the gold file ({exc})") from exc
