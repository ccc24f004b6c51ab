"""Every article's report of an event (marsad.dedup): the sources shown with events.

A canonical event (`events.canonical_id = id`) stands for one real-world event; each
article that reported it left a mention, with its own evidence sentence and offsets
into that article's cleaned text. Lists carry each event's sources (article title,
source, language, date, evidence) and its corroboration (distinct articles); the
event page adds each article's text, cut around its evidence.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

_BATCH = 500  # ids per IN (...) list

_SOURCE_SQL = (
    "SELECT e.canonical_id, e.id, e.story_id, e.language, e.source, e.event_text, e.date, e.confidence,"
    " json_extract(e.record, '$.text_info.start'), json_extract(e.record, '$.text_info.end'),"
    " a.title, a.url, a.path, a.published, a.origin"
    " FROM events e LEFT JOIN articles a ON a.story_id = e.story_id"
)


def sources_of(db: sqlite3.Connection, canonical_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """The mentions of each canonical event, in ingestion order, with their article's metadata."""
    found: dict[str, list[dict[str, Any]]] = {}
    unique = list(dict.fromkeys(canonical_ids))
    for i in range(0, len(unique), _BATCH):
        batch = unique[i : i + _BATCH]
        marks = ",".join("?" * len(batch))
        rows = db.execute(f"{_SOURCE_SQL} WHERE e.canonical_id IN ({marks}) ORDER BY e.rowid", batch)
        for row in rows:
            found.setdefault(row[0], []).append(_source(row))
    return found


def _source(row: sqlite3.Row | tuple[Any, ...]) -> dict[str, Any]:
    _, event_id, story_id, language, source, text, date, confidence, start, end = row[:10]
    title, url, path, published, origin = row[10:]
    return {
        "event_id": event_id,
        "story_id": story_id,
        "title": title or origin or story_id,
        "source": source,
        "language": language,
        "published": published,
        "date": date,
        "url": url or "",
        "path": path or "",
        "event_text": text,
        "text_start": int(start) if start is not None else -1,
        "text_end": int(end) if end is not None else -1,
        "confidence": round(float(confidence), 3),
        "document": f"/api/documents/{story_id}",
    }


def with_sources(db: sqlite3.Connection, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event records (canonical or mentions) with their canonical event's sources and corroboration."""
    canonical = _canonical_ids(db, [item["id"] for item in items])
    sources = sources_of(db, list(canonical.values()))
    for item in items:
        canonical_id = canonical.get(item["id"], item["id"])
        _describe(item, canonical_id, sources.get(canonical_id, []))
    return items


def _describe(record: dict[str, Any], canonical_id: str, sources: list[dict[str, Any]]) -> None:
    record["canonical_id"] = canonical_id
    record["sources"] = sources
    record["corroboration"] = len({s["story_id"] for s in sources}) or 1
    record["source_languages"] = sorted({s["language"] for s in sources if s["language"]})


def _canonical_ids(db: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i in range(0, len(ids), _BATCH):
        batch = ids[i : i + _BATCH]
        marks = ",".join("?" * len(batch))
        out.update(db.execute(f"SELECT id, canonical_id FROM events WHERE id IN ({marks})", batch))
    return out


def event_with_sources(db: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """The canonical event that `event_id` (canonical or mention) belongs to, with every source.

    `mention_id` names the requested mention when it was not the canonical event itself.
    """
    row = db.execute("SELECT canonical_id FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    canonical_id = str(row[0] or event_id)
    record_row = db.execute("SELECT record FROM events WHERE id = ?", (canonical_id,)).fetchone()
    record: dict[str, Any] = json.loads(record_row[0])
    _describe(record, canonical_id, sources_of(db, [canonical_id]).get(canonical_id, []))
    record["mention_id"] = event_id if event_id != canonical_id else None
    return record


def source_views(db: sqlite3.Connection, record: dict[str, Any]) -> list[dict[str, Any]]:
    """Each source with its article's text cut around its evidence, for the event page."""
    stories = list(dict.fromkeys(s["story_id"] for s in record["sources"]))
    marks = ",".join("?" * len(stories))
    texts = dict(db.execute(f"SELECT story_id, text FROM articles WHERE story_id IN ({marks})", stories))
    views = []
    for source in record["sources"]:
        text = texts.get(source["story_id"])
        before, evidence, after = highlight(
            text or "", source["text_start"], source["text_end"], source["event_text"]
        )
        views.append(
            {
                **source,
                "has_text": text is not None,
                "before": before,
                "evidence": evidence,
                "after": after,
                "requested": source["event_id"] == record.get("mention_id"),
            }
        )
    return views


def highlight(text: str, start: int, end: int, evidence: str) -> tuple[str, str, str]:
    """The text split (before, evidence, after) at the evidence's offsets into it."""
    if not (0 <= start < end <= len(text)) or (evidence and text[start:end].strip() != evidence.strip()):
        found = text.find(evidence) if evidence else -1  # offsets disagree with the text: find it instead
        start, end = (found, found + len(evidence)) if found >= 0 else (-1, -1)
    return (text[:start], text[start:end], text[end:]) if start >= 0 else (text, "", "")
