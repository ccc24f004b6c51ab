"""Sentence topics: which quad classes a sentence talks about, in ar, en or fr.

Contract:

    sentence_quads(sentences, language, model=None) -> [frozenset of quad codes 1-4, ...]
    lexicon_quads(sentence, language) -> frozenset of quad codes

An analyst asking "is this sentence about material conflict?" wants the topic, not the
coded events: a condemned attack is still about material conflict, a call for dialogue is
about verbal cooperation. So, unlike the event coder, no actor is needed and no modality
filter (negation, future, reported speech) applies. Two sources, united:

- the trigger lexicon (`marsad.lexicon`) and the topic phrases of
  `data/lexicon/topics.tsv` (topic nouns such as "dialogue", "violence"), matched on
  the folded sentence; each trigger counts for its event type's quad class, except
  REQUEST (see `TOPIC_QUAD`). A topic phrase overrides the triggers it overlaps: "demands"
  reads as verbal conflict, and quad-0 rows name no topic at all (UN set phrases such as
  "early warning" or "the resolution issued" that contain a trigger word);
- the sentence model's quad head (`marsad.sentence_model`), which reads the whole
  sentence; only its confident classes count (`MODEL_MARGIN` above each threshold).

Both miss most topics on their own (recall is the weak side; docs/event_model.md), which
is why a class from either source is kept. The model's probabilities near a threshold fall
on different sides in the three translations of one sentence, while a lexicon concept with
rows in all three fires alike; hence the margin (on the UN set, at margin 0 the model adds
0.01 macro-F1 and costs 0.15 cross-language agreement; at 0.4 it adds 0.003 and costs 0.02;
at 0.5 it adds 0.002 in ar and fr, nothing in en, and costs 0.01).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.lexicon import Phrase, PhraseIndex, data_table, load_lexicon
from marsad.normalize import fold_text
from marsad.plover import QUAD
from marsad.sentence_model import SentenceModel, load_sentence_model

TOPIC_FILE = "topics.tsv"
# PLOVER files REQUEST under verbal conflict, but an appeal names what the speaker wants:
# "calls for dialogue", "urges cooperation" are about cooperation (the sentence model's
# bank already reads assistance and meeting requests as cooperation).
TOPIC_QUAD: dict[str, int] = {**QUAD, "REQUEST": 1}
# How far above its own threshold the model's probability must be for its class to count.
MODEL_MARGIN = 0.5
# The quad of topics.tsv rows that name no topic: they only mask the triggers they overlap.
NO_TOPIC = 0


@dataclass(frozen=True, slots=True)
class TopicPhrase:
    """One row of topics.tsv: a phrase that makes a sentence about a quad class (0: about none)."""

    language: str
    phrase: Phrase
    quad: int


def read_topic_phrases(name: str = TOPIC_FILE) -> list[TopicPhrase]:
    phrases = []
    for row in data_table("lexicon", name):
        quad = int(row["quad"])
        if quad != NO_TOPIC and quad not in QUAD.values():
            raise ValueError(f"{name}: quad {quad} for {row['pattern']!r} is not 0-4")
        phrases.append(TopicPhrase(row["language"], Phrase.parse(row["pattern"]), quad))
    return phrases


@functools.cache
def _topic_index() -> PhraseIndex[TopicPhrase]:
    return PhraseIndex((p.language, p.phrase, p) for p in read_topic_phrases())


def lexicon_quads(sentence: str, language: str) -> frozenset[int]:
    """Quad classes of every trigger and topic phrase in the sentence (no actors, no modality).

    Triggers inside a topic phrase's span give way to it, so the table decides what a set
    phrase means in every language alike."""
    folded = fold_text(sentence)
    topics = _topic_index().find(folded, language)
    spans = [(m.start, m.end) for m in topics]
    triggers = [
        m
        for m in load_lexicon().triggers.find(folded, language)
        if m.entry.event in TOPIC_QUAD and not any(m.start < end and start < m.end for start, end in spans)
    ]
    quads = {TOPIC_QUAD[m.entry.event] for m in triggers} | {m.entry.quad for m in topics}
    return frozenset(quads - {NO_TOPIC})


def sentence_quads(
    sentences: Sequence[str], language: str, model: SentenceModel | None = None
) -> list[frozenset[int]]:
    """For each sentence, the quad classes it talks about: the lexicon's and the model's (batched)."""
    if not sentences:
        return []
    model_quads = (model or load_sentence_model()).quad_classes(sentences, MODEL_MARGIN)
    return [lexicon_quads(s, language) | q for s, q in zip(sentences, model_quads, strict=True)]
