"""Shared fixtures. Module-specific fixtures live in the test module that uses them."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.model import Article, Document, Sentence


def make_article(text: str, language: str, published: dt.date | None = None) -> Article:
    """An article with one sentence per line, built by hand (no reader involved)."""
    sentences = []
    start = 0
    for i, line in enumerate(text.split("\n")):
        sentences.append(Sentence(index=i, start=start, end=start + len(line), text=line))
        start += len(line) + 1
    doc = Document(origin="<test>", content=text, content_format="text", published=published)
    return Article(
        story_id="test-story",
        document=doc,
        text=text,
        language=language,
        published=published,
        sentences=tuple(sentences),
    )


@pytest.fixture
def article_factory():
    return make_article
