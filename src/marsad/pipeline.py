"""The pipeline: read -> actors -> events -> gate -> calibration -> dates -> places -> merge.

One `Article` goes through pure stages.

Stages are callables `Article -> Article`. Stateful stages (gazetteers, lexicons)
are built once by their loader and reused for every article, in this process or
in a batch worker.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad.actors import load_actor_recognizer
from marsad.calibration import load_calibration
from marsad.dates import resolve_dates
from marsad.dedup import merge_article_events
from marsad.errors import InputError
from marsad.events import load_event_coder
from marsad.ingest import Manifest, iter_documents
from marsad.model import Article, Document, Event, Failure, Summary
from marsad.places import load_place_resolver
from marsad.read import read_document
from marsad.sentence_model import verify_events
from marsad.store import EventStore

log = logging.getLogger(__name__)

Stage = Callable[[Article], Article]


@dataclass(frozen=True)
class Pipeline:
    """Reads a `Document`, then runs each stage over the `Article`."""

    stages: tuple[Stage, ...]

    def code_document(self, doc: Document) -> Article:
        article = read_document(doc)
        for stage in self.stages:
            article = stage(article)
        return article

    def code_documents(self, items: Iterable[Document | Failure]) -> Iterator[Article | Failure]:
        """Code each document; a document that fails becomes a `Failure`, and the run goes on."""
        for item in items:
            if isinstance(item, Failure):
                yield item
                continue
            try:
                yield self.code_document(item)
            except InputError as exc:
                yield Failure(item.origin, exc.reason, stage="read")


@functools.cache
def load_pipeline(gazetteer: Path | None = None) -> Pipeline:
    """The default pipeline, built once per process (per user gazetteer).

    Args:
        gazetteer: an analyst's actor file (TSV or JSONL, docs/gazetteer.md) whose rows win
            over the built-in ones.
    """
    return Pipeline(
        stages=(
            load_actor_recognizer(gazetteer),
            load_event_coder(),
            verify_events,
            load_calibration(),
            resolve_dates,
            load_place_resolver(),
            merge_article_events,
        )
    )


def code_paths(
    paths: Sequence[Path], manifest: Manifest | None = None, pipeline: Pipeline | None = None
) -> Iterator[Article | Failure]:
    """Code files and folders: one `Article` per readable input, one `Failure` per bad one."""
    pipeline = pipeline or load_pipeline()
    return pipeline.code_documents(iter_documents(paths, manifest))


def code_text(
    text: str,
    language: str | None = None,
    published: dt.date | str | None = None,
    *,
    title: str = "",
    source: str = "",
    url: str = "",
) -> list[Event]:
    """Code one article's text and return its PLOVER events.

    Args:
        text: the article text (plain text; use `code_paths` for HTML files).
        language: "ar", "en" or "fr"; identified from the text when None.
        published: the publication date, against which relative dates resolve.
    """
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    doc = Document(
        origin=url or "<text>",
        content=text,
        content_format="text",
        title=title,
        url=url,
        source=source,
        published=published,
        language=language or "",
    )
    return list(load_pipeline().code_document(doc).events)


def ingest_paths(
    store: EventStore,
    paths: Sequence[Path],
    manifest: Manifest | None = None,
    *,
    pipeline: Pipeline | None = None,
    on_item: Callable[[Article | Failure], None] | None = None,
) -> Summary:
    """Code files and folders and store them; an article already stored is skipped.

    Each article is written with its events in one transaction, so a failure
    never leaves half an article, and re-ingesting stores nothing twice.
    """
    stored = duplicates = events = 0
    failures: list[Failure] = []
    for item in code_paths(paths, manifest, pipeline):
        if isinstance(item, Failure):
            failures.append(item)
            store.write_failure(item)
        elif store.write_article(item):
            stored += 1
            events += len(item.events)
        else:
            duplicates += 1
        if on_item is not None:
            on_item(item)
    return Summary(
        articles=stored + duplicates,
        stored_articles=stored,
        duplicate_articles=duplicates,
        events=events,
        failures=tuple(failures),
    )
