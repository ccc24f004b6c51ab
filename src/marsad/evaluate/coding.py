"""What the evaluations need from Marsad: the stages one by one, and the corpus coder.

The evaluations take a `Coder` so that tests can pass a stub whose output they
control, and so that an evaluation can step in between stages (the PLV set adds
its marked actors between the actor and the event stages).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Protocol

from marsad.model import Article, Document, Failure, Sentence

log = logging.getLogger(__name__)


class Coder(Protocol):
    """The stages of the pipeline, callable one at a time."""

    def read(self, doc: Document) -> Article:
        """Read a document into an article with text, language and sentences."""

    def find_actors(self, article: Article) -> Article:
        """Fill `article.mentions`."""

    def find_events(self, article: Article) -> Article:
        """Fill `article.events` from the article's mentions (dates left alone)."""

    def code_corpus(self, paths: Sequence[Path], manifest: Path | None) -> Iterable[Article | Failure]:
        """Run the whole pipeline, dates included, over files and folders."""


class PipelineCoder:
    """The real Marsad stages, loaded on first use (gazetteers and lexicons load once)."""

    def read(self, doc: Document) -> Article:
        from marsad.read import read_document

        return read_document(doc)

    def find_actors(self, article: Article) -> Article:
        return self._actors(article)

    def find_events(self, article: Article) -> Article:
        return self._events(article)

    def code_corpus(self, paths: Sequence[Path], manifest: Path | None) -> Iterable[Article | Failure]:
        from marsad.ingest import load_manifest
        from marsad.pipeline import code_paths

        return code_paths(paths, manifest=load_manifest(manifest) if manifest else None)

    @functools.cached_property
    def _actors(self) -> Callable[[Article], Article]:
        from marsad.actors import load_actor_recognizer

        recognizer: Callable[[Article], Article] = load_actor_recognizer()
        return recognizer

    @functools.cached_property
    def _events(self) -> Callable[[Article], Article]:
        from marsad.events import load_event_coder
        from marsad.sentence_model import verify_events

        event_coder: Callable[[Article], Article] = load_event_coder()
        return lambda article: verify_events(event_coder(article))


def read_sentence(
    coder: Coder, text: str, language: str, origin: str, published: dt.date | None = None
) -> Article:
    """An article made of one dev-set sentence, read as plain text in a known language."""
    doc = Document(origin=origin, content=text, content_format="text", language=language, published=published)
    return coder.read(doc)


def code_sentence(
    coder: Coder, text: str, language: str, origin: str, published: dt.date | None = None
) -> Article:
    """Read, find actors and code events in one dev-set sentence (no dates needed)."""
    article = read_sentence(coder, text, language, origin, published)
    return coder.find_events(coder.find_actors(article))


class GuardedCoder:
    """A coder that survives a stage crashing on one item, and counts the crashes.

    One pipeline bug should not stop a measurement over thousands of items: the
    item goes on with the article as it was before the stage (so it is usually
    scored as a miss), and the evaluation reports `pipeline_errors`.
    """

    def __init__(self, coder: Coder) -> None:
        self.coder = coder
        self.errors: Counter[str] = Counter()

    def read(self, doc: Document) -> Article:
        try:
            return self.coder.read(doc)
        except Exception as exc:  # noqa: BLE001 - counted and reported, see the class docstring
            self._record("read", doc.origin, exc)
            text = doc.content.strip()
            sentence = Sentence(0, 0, len(text), text)
            return Article("", doc, text=text, language=doc.language, sentences=(sentence,))

    def find_actors(self, article: Article) -> Article:
        try:
            return self.coder.find_actors(article)
        except Exception as exc:  # noqa: BLE001
            self._record("actors", article.document.origin, exc)
            return article

    def find_events(self, article: Article) -> Article:
        try:
            return self.coder.find_events(article)
        except Exception as exc:  # noqa: BLE001
            self._record("events", article.document.origin, exc)
            return article

    def code_corpus(self, paths: Sequence[Path], manifest: Path | None) -> Iterable[Article | Failure]:
        return self.coder.code_corpus(paths, manifest)

    def _record(self, stage: str, origin: str, exc: Exception) -> None:
        if not self.errors[stage]:
            log.warning("%s stage crashed on %s: %r (later crashes counted only)", stage, origin, exc)
        self.errors[stage] += 1
