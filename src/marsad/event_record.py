"""Event records: an Event built from a coded trigger and its sides, its raw confidence, merging.

- Modes: the trigger's own, plus mode cues of the sentence for its type ("by phone").
- Raw confidence = trigger weight x how the actor was found x recipient x sentence length
  (`confidence`); the calibration stage that follows (marsad.calibration) maps it to the
  share of such events that were right on the demo gold.
- Two triggers of one type and actor in a sentence are one event ("met ... and discussed").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from marsad import plover
from marsad.contexts import event_contexts
from marsad.direction import Roles
from marsad.event_scope import Scope
from marsad.lexicon import Cue, Match
from marsad.model import Article, Entity, Event, Sentence, make_event_id
from marsad.participants import specific_side, with_home
from marsad.recipients import recipient_side, side_entities
from marsad.trigger_governance import Coded

CODER_VERSION = "marsad.events.lexicon/1"
DIRECTION_FACTOR = {"subject": 1.0, "agent": 1.0, "passive": 0.95, "host": 0.95, "vso": 0.9}
INHERITED_FACTOR = 0.75
NO_RECIPIENT_FACTOR = 0.9
RECIPIENT_MISSING_FACTOR = 0.6
FUTURE_FACTOR = 0.9


def build_event(
    article: Article,
    sentence: Sentence,
    item: Coded,
    roles: Roles,
    cues: Sequence[Match[Cue]],
    words: int,
    scope: Scope,
    referred: tuple[Entity, ...] = (),
) -> Event | None:
    actor = with_home(specific_side(side_entities(roles.actor)), scope.home)
    recipient = recipient_side(item.event, item.modes, roles, actor, scope, referred)
    modes = _modes(item, cues)
    contexts = event_contexts(
        item.event, modes, actor, recipient, (c.entry.value for c in cues if c.entry.kind == "context")
    )
    return Event(
        id=make_event_id(article.story_id, sentence.index, item.event, _codes(actor), _codes(recipient)),
        event=item.event,
        mode=modes,
        context=contexts,
        actor=actor,
        recipient=recipient,
        cite=article.citation,
        event_text=sentence.text,
        text_start=sentence.start,
        text_end=sentence.end,
        sentence_index=sentence.index,
        quad_code=plover.quad_code(item.event),
        event_scale=plover.event_scale(item.event, modes),
        confidence=confidence(item, roles, bool(recipient), words),
        coder=CODER_VERSION,
    )


def _modes(item: Coded, cues: Sequence[Match[Cue]]) -> tuple[str, ...]:
    modes = list(item.modes)
    for cue in cues:
        if cue.entry.kind == "mode" and not item.future:
            event, _, mode = cue.entry.value.partition(":")
            if event == item.event and mode not in modes:
                modes.append(mode)
    valid = plover.valid_modes(item.event)
    return tuple(m for m in modes if m in valid)


def confidence(item: Coded, roles: Roles, has_recipient: bool, words: int) -> float:
    """Trigger weight x how the actor was found x recipient x sentence length, in [0.05, 0.99].

    Long sentences have more clauses for the word-order rules to get wrong.
    """
    score = item.match.entry.weight
    score *= INHERITED_FACTOR if roles.how == "inherited" else DIRECTION_FACTOR.get(roles.how, 0.85)
    if not has_recipient:
        score *= RECIPIENT_MISSING_FACTOR if item.event in plover.REQUIRES_RECIPIENT else NO_RECIPIENT_FACTOR
    if words > 30:
        score *= max(0.6, 1.0 - (words - 30) / 100)
    if item.future:
        score *= FUTURE_FACTOR
    return round(min(0.99, max(0.05, score)), 3)


def _codes(entities: Sequence[Entity]) -> str:
    return ",".join(f"{e.code}:{e.sector}" for e in entities)


def merge_events(first: Event, second: Event) -> Event:
    """Two triggers of one type and actor in a sentence are one event ("met ... and discussed")."""
    modes = first.mode + tuple(m for m in second.mode if m not in first.mode)
    recipient = first.recipient or second.recipient
    contexts = tuple(sorted(set(first.context) | set(second.context)))
    return dataclasses.replace(
        first,
        id=make_event_id(
            first.cite.story_id, first.sentence_index, first.event, _codes(first.actor), _codes(recipient)
        ),
        mode=modes,
        recipient=recipient,
        context=contexts,
        event_scale=plover.event_scale(first.event, modes),
        confidence=max(first.confidence, second.confidence),
    )
