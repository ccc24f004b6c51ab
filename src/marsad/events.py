"""Events: PLOVER type, mode, context, direction and modality per sentence.

Contract:

    load_event_coder() -> EventCoder
    EventCoder.__call__(article: Article) -> Article   # fills article.events (date left None)

Per sentence that holds an actor mention (or may do without one), the coder runs:

1. marsad.event_scope: which sentences to read (no headline over a body, no dateline,
   sports or Q&A blocks) and what the article carries from sentence to sentence;
2. marsad.trigger_governance: the lexicon's triggers, each folded into its governor
   ("called on X to release" is one REQUEST, mode yield), promises turned into AGREE;
3. marsad.event_reading: modality (negation, condition, opinion), actor and recipient
   (marsad.direction, marsad.participants, marsad.antecedents, marsad.recipients);
4. marsad.event_record: the Event with its modes, contexts and raw confidence.

Decisions:
- An event needs an actor. A type that requires a recipient (COOPERATE, AID,
  SANCTION) is kept without one, at lower confidence.
- "X met Y" gives actor X, recipient Y; "X and Y met" gives both in actor.
- The calibration stage that follows (marsad.calibration) maps the raw confidence.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from bisect import bisect_left
from collections.abc import Sequence

from marsad.antecedents import mentions_similar, opens_with_pronoun, remember
from marsad.dateline import dateline_end
from marsad.direction import clause_breaks, locate
from marsad.event_reading import SentenceReading, trigger_span
from marsad.event_record import CODER_VERSION
from marsad.event_scope import Scope, headline_sentences, offtopic_sentences
from marsad.lexicon import LANGUAGES, Cue, Lexicon, Match, load_lexicon
from marsad.modality import is_question, qa_block_sentences
from marsad.model import Article, Event, Mention, Sentence
from marsad.normalize import Folded, fold
from marsad.participants import home_country, joint_reference, opens_statement, speaker_before, specific_side
from marsad.trigger_governance import coded_triggers
from marsad.unknown_attackers import names_attack_means
from marsad.unnamed_protesters import names_crowd

__all__ = ["CODER_VERSION", "EventCoder", "guess_language", "load_event_coder"]

log = logging.getLogger(__name__)


class EventCoder:
    """Codes an article's sentences into PLOVER events with a trigger lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, article: Article) -> Article:
        language = guess_language(article)
        folded = {s.index: fold(s.text, base=s.start) for s in article.sentences}
        cues = {i: self.lexicon.cues.find(f.text, language) for i, f in folded.items()}
        skipped = qa_block_sentences(article, cues) | headline_sentences(article) | offtopic_sentences(cues)
        by_sentence: dict[int, list[Mention]] = {}
        for mention in article.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        scope = Scope(language, home_country(article), article.published)
        events: list[Event] = []
        for sentence in article.sentences:
            if sentence.index in skipped:
                continue
            text = folded[sentence.index]
            body_start = sentence.start + dateline_end(sentence.text)
            cut = bisect_left(text.offsets, body_start)
            mentions = [m for m in by_sentence.get(sentence.index, ()) if m.start >= body_start]
            if mentions or _may_lack_mentions(text.text, scope) or names_crowd(cues[sentence.index]):
                coded = self.code_sentence(
                    article, sentence, text, mentions, cues[sentence.index], scope, cut
                )
                events.extend(coded)
                scope = _after(scope, coded)
        return dataclasses.replace(article, events=tuple(events))

    def code_sentence(
        self,
        article: Article,
        sentence: Sentence,
        folded: Folded,
        mentions: Sequence[Mention],
        cues: Sequence[Match[Cue]],
        scope: Scope,
        cut: int = 0,
    ) -> list[Event]:
        text, language = folded.text, scope.language
        if is_question(text):
            return []
        matches = [m for m in self.lexicon.triggers.find(text, language) if m.start >= cut]
        if not matches:
            return []
        placed = locate(folded, mentions, language)
        breaks = clause_breaks(text)
        coded = coded_triggers(matches, placed, text, breaks, scope, cues)
        reading = SentenceReading(
            article,
            sentence,
            text,
            placed,
            [trigger_span(item.match, language) for item in coded],
            breaks,
            cues,
            scope,
        )
        for index, item in enumerate(coded):
            reading.code(index, item)
        return reading.finish()


def _may_lack_mentions(text: str, scope: Scope) -> bool:
    """A sentence whose actor is "the two sides" or a speaker (said or implied) has no actor mention."""
    return (
        bool(scope.joint and joint_reference(text, scope.language))
        or bool(scope.recent and mentions_similar(text))
        or opens_statement(text, text.find(" ") if " " in text else len(text))
        or any(speaker_before(text, end, scope.language) for end in _word_ends(text))
        or names_attack_means(text, scope.language)
        or bool(scope.recent and opens_with_pronoun(text))
    )


def _word_ends(text: str) -> list[int]:
    return [i for i, char in enumerate(text) if char == " "]


def _after(scope: Scope, coded: Sequence[Event]) -> Scope:
    """Remember the sentence's events, and the two sides of its meeting for a later "the two ministers"."""
    scope = dataclasses.replace(scope, recent=remember(scope.recent, coded))
    for event in coded:
        parties = specific_side(event.actor + event.recipient)
        if event.event == "CONSULT" and len({e.code for e in parties if e.code}) >= 2:
            scope = dataclasses.replace(scope, joint=parties)
    return scope


def guess_language(article: Article) -> str:
    """The article's language, or a guess from its script and function words."""
    if article.language in LANGUAGES:
        return article.language
    sample = article.text[:2000]
    if sum("\u0600" <= c <= "\u06ff" for c in sample) > len(sample) // 4:
        return "ar"
    words = sample.lower().split()
    french = sum(w in ("le", "la", "les", "des", "du", "et", "a") for w in words)
    english = sum(w in ("the", "of", "and", "to", "in", "was") for w in words)
    return "fr" if french > english else "en"


@functools.cache
def load_event_coder() -> EventCoder:
    """The event coder with the shipped lexicon, built once per process."""
    return EventCoder(load_lexicon())
