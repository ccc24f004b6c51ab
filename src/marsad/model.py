"""The typed records that flow through Marsad.

One `Article` flows through the pure stages (read -> actors -> events -> dates);
each stage returns a new `Article` built with `dataclasses.replace`. Downstream of
the coder, `Event` is the record everywhere: the store writes it, the CLI exports
it, the API returns it. All records are frozen, hold primitives only and
round-trip through `to_dict` / `from_dict`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1
CODER_NAME = "marsad"
# Namespace for deterministic event ids (uuid5): same article + same event -> same id.
EVENT_ID_NAMESPACE = uuid.UUID("6f1d3c1e-5a0b-4c56-9a57-6d61727361ad")


@dataclass(frozen=True, slots=True)
class Document:
    """One input as ingested, before reading: the original is kept verbatim."""

    origin: str  # path or URL or "path:line" for JSONL lines; names the input in errors
    content: str  # the original text or HTML, decoded
    content_format: str  # "text" or "html"
    title: str = ""
    url: str = ""
    path: str = ""
    source: str = ""
    published: dt.date | None = None
    language: str = ""  # as declared by the input; empty when unknown


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article text; offsets index `Article.text`."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A PLOVER entity object (standards.md 1.6)."""

    code: str  # ISO 3166 alpha-3, or IGO/UNO/EUR/NGO/ISM/IMG/MNC; "" when unknown
    sector: str = ""  # primary PLOVER sector (GOV, MIL, COP, REB, ...); "" when unknown
    entity_text: str = ""  # the span as written in the article
    name: str = ""  # canonical English name when known; for an unknown person, the name as written
    identifier: str = ""  # Wikidata QID, when known
    office: str = ""  # role or title ("Minister of Foreign Affairs")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "sector": self.sector,
            "entity_text": self.entity_text,
        }
        if self.name:
            out["name"] = self.name
        if self.identifier:
            out["identifier"] = self.identifier
        if self.office:
            out["office"] = self.office
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            code=str(data.get("code") or ""),
            sector=str(data.get("sector") or ""),
            entity_text=str(data.get("entity_text") or ""),
            name=str(data.get("name") or ""),
            identifier=str(data.get("identifier") or data.get("identifier_id") or ""),
            office=str(data.get("office") or ""),
        )


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor found in the text. Offsets index `Article.text`."""

    sentence: int
    start: int
    end: int
    entity: Entity
    kind: str  # country, demonym, capital, role, person, group, igo, generic

    @property
    def text(self) -> str:
        return self.entity.entity_text


@dataclass(frozen=True, slots=True)
class Citation:
    """Where an event was read (PLOVER cite_info)."""

    story_id: str
    path: str = ""
    url: str = ""
    title: str = ""
    source: str = ""
    language: str = ""
    published: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "story_id": self.story_id,
            "path": self.path,
            "url": self.url,
            "title": self.title,
            "source": self.source,
            "language": self.language,
            "published": self.published.isoformat() if self.published else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Citation:
        return cls(
            story_id=str(data["story_id"]),
            path=str(data.get("path") or ""),
            url=str(data.get("url") or ""),
            title=str(data.get("title") or ""),
            source=str(data.get("source") or ""),
            language=str(data.get("language") or ""),
            published=_parse_date(data.get("published")),
        )


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened (the PLOVER location object, standards.md 1.8)."""

    extracted_place: str  # the place name as written
    resolved_place: str = ""  # canonical name
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    province: str = ""  # admin-1 name
    country_code: str = ""  # ISO 3166 alpha-3
    feature_code: str = ""  # GeoNames feature code (PPLC, PPLA, ADM1, PCLI...)
    resolution: str = ""  # city, province or country
    start: int = -1  # offsets of extracted_place in the article text; -1 when not from the text
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {
            "extracted_place": self.extracted_place,
            "resolved_place": self.resolved_place,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "province": self.province,
            "country_code": self.country_code,
            "feature_code": self.feature_code,
            "resolution": self.resolution,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        def number(key: str) -> float | None:
            value = data.get(key)
            return None if value is None else float(value)

        geonameid = data.get("geonameid")
        return cls(
            extracted_place=str(data.get("extracted_place") or ""),
            resolved_place=str(data.get("resolved_place") or ""),
            geonameid=None if geonameid is None else int(geonameid),
            lat=number("lat"),
            lon=number("lon"),
            province=str(data.get("province") or ""),
            country_code=str(data.get("country_code") or ""),
            feature_code=str(data.get("feature_code") or ""),
            resolution=str(data.get("resolution") or ""),
            start=int(data.get("start", -1)),
            end=int(data.get("end", -1)),
        )


@dataclass(frozen=True, slots=True)
class Source:
    """One article's report of a canonical event (see marsad.dedup): who said it, where, in what words."""

    event_id: str  # the per-article event (mention) id
    story_id: str
    url: str = ""
    path: str = ""
    title: str = ""
    source: str = ""
    language: str = ""
    published: dt.date | None = None
    event_text: str = ""  # the evidence sentence in that article
    text_start: int = 0
    text_end: int = 0

    @classmethod
    def of(cls, event: Event) -> Source:
        """The source that a per-article event record stands for."""
        cite = event.cite
        return cls(
            event_id=event.id,
            story_id=cite.story_id,
            url=cite.url,
            path=cite.path,
            title=cite.title,
            source=cite.source,
            language=cite.language,
            published=cite.published,
            event_text=event.event_text,
            text_start=event.text_start,
            text_end=event.text_end,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "story_id": self.story_id,
            "url": self.url,
            "path": self.path,
            "title": self.title,
            "source": self.source,
            "language": self.language,
            "published": self.published.isoformat() if self.published else None,
            "event_text": self.event_text,
            "start": self.text_start,
            "end": self.text_end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        return cls(
            event_id=str(data["event_id"]),
            story_id=str(data["story_id"]),
            url=str(data.get("url") or ""),
            path=str(data.get("path") or ""),
            title=str(data.get("title") or ""),
            source=str(data.get("source") or ""),
            language=str(data.get("language") or ""),
            published=_parse_date(data.get("published")),
            event_text=str(data.get("event_text") or ""),
            text_start=int(data.get("start", 0)),
            text_end=int(data.get("end", 0)),
        )


@dataclass(frozen=True, slots=True)
class Event:
    """One PLOVER event with its evidence. The contract everywhere downstream."""

    id: str
    event: str  # one of the 16 PLOVER types
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    cite: Citation
    event_text: str
    text_start: int
    text_end: int
    sentence_index: int
    mode: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    date: dt.date | None = None
    date_precision: str = ""  # day, month, year; "" when no date
    quad_code: int = 0
    event_scale: float = 0.0
    confidence: float = 0.0
    location: Location | None = None
    coder: str = CODER_NAME
    # Deduplication (marsad.dedup): the reports merged into this canonical event, empty when
    # only one article reported it (its `cite` is then its only source); `corroboration` counts
    # the distinct articles.
    sources: tuple[Source, ...] = ()
    corroboration: int = 1

    def to_dict(self) -> dict[str, Any]:
        """The PLOVER JSON record (standards.md 1.8 and 9)."""
        return {
            "id": self.id,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision or None,
            "event": self.event,
            "mode": list(self.mode),
            "context": list(self.context),
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "quad_code": self.quad_code,
            "event_scale": self.event_scale,
            "confidence": round(self.confidence, 3),
            "event_text": self.event_text,
            "event_loc": self.location.to_dict() if self.location else None,
            "text_info": {
                "start": self.text_start,
                "end": self.text_end,
                "sentence": self.sentence_index,
            },
            "cite_info": self.cite.to_dict(),
            "coder": self.coder,
            "schema_version": SCHEMA_VERSION,
            "sources": [s.to_dict() for s in self.sources],
            "corroboration": self.corroboration,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        info = data.get("text_info") or {}
        return cls(
            id=str(data["id"]),
            event=str(data["event"]),
            actor=tuple(Entity.from_dict(e) for e in data.get("actor") or ()),
            recipient=tuple(Entity.from_dict(e) for e in data.get("recipient") or ()),
            cite=Citation.from_dict(data["cite_info"]),
            event_text=str(data.get("event_text") or ""),
            text_start=int(info.get("start", 0)),
            text_end=int(info.get("end", 0)),
            sentence_index=int(info.get("sentence", 0)),
            mode=tuple(data.get("mode") or ()),
            context=tuple(data.get("context") or ()),
            date=_parse_date(data.get("date")),
            date_precision=str(data.get("date_precision") or ""),
            quad_code=int(data.get("quad_code") or 0),
            event_scale=float(data.get("event_scale") or 0.0),
            confidence=float(data.get("confidence") or 0.0),
            location=Location.from_dict(data["event_loc"]) if data.get("event_loc") else None,
            coder=str(data.get("coder") or CODER_NAME),
            sources=tuple(Source.from_dict(s) for s in data.get("sources") or ()),
            corroboration=int(data.get("corroboration") or 1),
        )


@dataclass(frozen=True, slots=True)
class Article:
    """A document being read and coded. Offsets everywhere index `text`."""

    story_id: str  # content hash of the original: the idempotency key
    document: Document
    text: str = ""  # the main text after boilerplate removal
    title: str = ""
    language: str = ""  # ISO 639-1: ar, en, fr; "" when undecided
    published: dt.date | None = None
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()

    @property
    def citation(self) -> Citation:
        doc = self.document
        return Citation(
            story_id=self.story_id,
            path=doc.path,
            url=doc.url,
            title=self.title,
            source=doc.source,
            language=self.language,
            published=self.published,
        )

    def mentions_in(self, sentence_index: int) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.sentence == sentence_index)


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read or coded; failures are data, not log lines."""

    origin: str
    reason: str
    stage: str = "ingest"


def make_event_id(story_id: str, sentence_index: int, event: str, actors: str, recipients: str) -> str:
    """Deterministic id: the same article and event give the same id on every run."""
    key = f"{story_id}|{sentence_index}|{event}|{actors}|{recipients}"
    return str(uuid.uuid5(EVENT_ID_NAMESPACE, key))


def _parse_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


@dataclass(frozen=True, slots=True)
class Summary:
    """What a run did, for the CLI to print."""

    articles: int = 0
    stored_articles: int = 0
    duplicate_articles: int = 0
    events: int = 0
    failures: tuple[Failure, ...] = field(default_factory=tuple)
