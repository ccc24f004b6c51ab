"""Events: PLOVER type, mode, context, direction and modality per sentence.

Contract:

    load_event_coder() -> EventCoder
    EventCoder.__call__(article: Article) -> Article   # fills article.events (date left None)

Per sentence that holds an actor mention: find triggers (lexicon), settle which
trigger governs which ("called on X to release" is one REQUEST, mode yield), drop
what modality rules out (negation, condition, opinion, questions, Q&A blocks), turn
promises into AGREE, assign actor and recipient (direction), then build the Event.

Decisions:
- An event needs an actor. A type that requires a recipient (COOPERATE, AID,
  SANCTION) is kept without one, at lower confidence (RECIPIENT_MISSING_FACTOR).
- "X met Y" gives actor X, recipient Y; "X and Y met" gives both in actor.
- Future CONSULT/SUPPORT/COOPERATE/AID and future RETREAT ("will release") are AGREE
  (intent, CAMEO 03); a negated promise ("will not lift the ban") is REJECT; a future
  conflict act with no threat word is dropped; declared ceasefires are CONCEDE by lexicon.
- A trigger inside an actor mention ("Appeals Court") is ignored; a trigger governed by
  AGREE/REQUEST/REJECT/THREATEN/ACCUSE-allege (or a cooperative act under SUPPORT) is
  folded into its governor and gives it a mode.
- Confidence = trigger weight x direction factor x recipient factor x length factor,
  clipped to [0.05, 0.99] (see `confidence`); uncalibrated.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Sequence

from marsad import plover
from marsad.contexts import event_contexts
from marsad.direction import Roles, Span, assign_roles, clause_breaks, locate, segment
from marsad.lexicon import LANGUAGES, Cue, Lexicon, Match, Trigger, load_lexicon
from marsad.modality import Modality, is_question, modality_of, qa_block_sentences
from marsad.model import Article, Entity, Event, Mention, Sentence, make_event_id
from marsad.normalize import Folded, fold

log = logging.getLogger(__name__)

CODER_VERSION = "marsad.events.lexicon/1"
FUTURE_AS_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE"})
FUTURE_KEPT = frozenset({"THREATEN", "CONCEDE"})
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN"})
GOVERNORS = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN"})
# "stressed the importance of cooperation", "welcomed the aid": verbal support of a cooperative act.
SUPPORT_COMPLEMENTS = frozenset({"COOPERATE", "AID", "SUPPORT", "AGREE", "CONSULT"})
COMPLEMENT_MAX_WORDS = 10
DIRECTION_FACTOR = {"subject": 1.0, "agent": 1.0, "passive": 0.95, "host": 0.95, "vso": 0.9}
INHERITED_FACTOR = 0.75
NO_RECIPIENT_FACTOR = 0.9
RECIPIENT_MISSING_FACTOR = 0.6
FUTURE_FACTOR = 0.9


@dataclasses.dataclass(frozen=True, slots=True)
class Coded:
    """A trigger after governance and modality: the type and modes it will carry."""

    match: Match[Trigger]
    event: str
    modes: tuple[str, ...]
    future: bool


class EventCoder:
    """Codes an article's sentences into PLOVER events with a trigger lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, article: Article) -> Article:
        language = guess_language(article)
        folded = {s.index: fold(s.text, base=s.start) for s in article.sentences}
        cues = {i: self.lexicon.cues.find(f.text, language) for i, f in folded.items()}
        skipped = qa_block_sentences(article, cues)
        by_sentence: dict[int, list[Mention]] = {}
        for mention in article.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        events: list[Event] = []
        for sentence in article.sentences:
            mentions = by_sentence.get(sentence.index)
            if mentions and sentence.index not in skipped:
                events.extend(
                    self.code_sentence(
                        article, sentence, folded[sentence.index], mentions, cues[sentence.index], language
                    )
                )
        return dataclasses.replace(article, events=tuple(events))

    def code_sentence(
        self,
        article: Article,
        sentence: Sentence,
        folded: Folded,
        mentions: Sequence[Mention],
        cues: Sequence[Match[Cue]],
        language: str,
    ) -> list[Event]:
        text = folded.text
        if is_question(text):
            return []
        matches = self.lexicon.triggers.find(text, language)
        if not matches:
            return []
        placed = locate(folded, mentions, language)
        # A trigger word inside an actor's name ("Appeals Court", "car bomb attackers") is not a trigger.
        matches = [m for m in matches if not any(p.start <= m.start and m.head_end <= p.end for p in placed)]
        breaks = clause_breaks(text)
        coded = [item for item in _govern(matches, text, breaks) if item is not None]
        spans = [_span(item.match, language) for item in coded]
        events: dict[tuple[str, tuple[tuple[str, str], ...]], Event] = {}
        inherited: tuple[Mention, ...] = ()
        for index, item in enumerate(coded):
            bounds = segment(text, placed, spans, index, breaks)
            modality = modality_of(item.match, cues, text, bounds[0])
            if modality is Modality.DROPPED:
                continue
            roles = assign_roles(text, placed, spans[index], bounds, language, inherited)
            if not roles.actor:
                continue
            inherited = roles.actor
            resolved = _apply_future(item, modality)
            if resolved is not None:
                event = _build_event(article, sentence, resolved, roles, cues, len(text.split()))
                key = (event.event, tuple((e.code, e.sector) for e in event.actor))
                events[key] = _merge(events[key], event) if key in events else event
        return list(events.values())


def _span(match: Match[Trigger], language: str) -> Span:
    """Where the trigger sits and how it reads; an Arabic verb with «ال» is a noun («القصف»)."""
    direction = "nominal" if match.definite else match.entry.direction
    return Span(match.start, match.head_end, direction)


def _govern(matches: Sequence[Match[Trigger]], text: str, breaks: Sequence[int]) -> list[Coded | None]:
    """Fold a complement trigger into its governor ("urged X to withdraw" is one REQUEST)."""
    coded: list[Coded | None] = [
        Coded(m, m.entry.event, (m.entry.mode,) if m.entry.mode else (), False) for m in matches
    ]
    for i in range(len(matches) - 1):
        governor, complement = coded[i], matches[i + 1]
        if governor is None or not _governs(governor, complement, text, breaks):
            continue
        coded[i] = _with_complement(governor, complement.entry)
        coded[i + 1] = None
    return coded


def _governs(governor: Coded, complement: Match[Trigger], text: str, breaks: Sequence[int]) -> bool:
    trigger = governor.match.entry
    supports = trigger.event == "SUPPORT" and complement.entry.event in SUPPORT_COMPLEMENTS
    allegation = trigger.event == "ACCUSE" and trigger.mode == "allege"
    if trigger.event not in GOVERNORS and not supports and not allegation:
        return False
    gap_start, gap_end = governor.match.end, complement.start
    if any(gap_start <= b < gap_end for b in breaks):
        return False
    return text.count(" ", gap_start, gap_end) <= COMPLEMENT_MAX_WORDS


def _with_complement(governor: Coded, complement: Trigger) -> Coded:
    event = governor.event
    if event == "AGREE" and complement.event in CONFLICT_TYPES:
        event = "THREATEN"  # "vowed to strike back" is a threat, not a promise
    if governor.modes or event in ("ACCUSE", "AGREE", "SUPPORT"):
        return dataclasses.replace(governor, event=event)
    mode = _complement_mode(event, complement)
    return dataclasses.replace(governor, event=event, modes=(mode,) if mode else ())


def _complement_mode(event: str, complement: Trigger) -> str:
    if event in ("REQUEST", "REJECT"):
        return {
            "CONSULT": "meet",
            "AID": "assist",
            "COOPERATE": "assist",
            "SUPPORT": "assist",
            "RETREAT": "yield",
            "CONCEDE": "yield",
        }.get(complement.event, "change")
    if event == "THREATEN":
        if complement.event == "SANCTION":
            return "expel" if complement.mode == "expel" else "relations"
        if complement.event == "COERCE":
            return "arrest" if complement.mode == "arrest" else "restrict"
        if complement.event in ("ASSAULT", "MOBILIZE"):
            return "violence"
    return ""


def _apply_future(item: Coded, modality: Modality) -> Coded | None:
    """PLOVER: a promised CONSULT/SUPPORT/COOPERATE/AID (or RETREAT: intent, CAMEO 03) is AGREE.

    A refused promise of cooperation ("will not release", «لن ينسحب») is REJECT.
    """
    if modality is Modality.REFUSED:
        if item.event not in FUTURE_AS_AGREE | {"RETREAT", "CONCEDE"}:
            return None
        mode = _complement_mode("REJECT", item.match.entry) if item.event != "AGREE" else ""
        return Coded(item.match, "REJECT", (mode,) if mode else (), True)
    future = modality is Modality.FUTURE
    if not future or item.event in FUTURE_KEPT:
        return dataclasses.replace(item, future=future)
    if item.event in FUTURE_AS_AGREE | {"RETREAT"}:
        return Coded(item.match, "AGREE", (), True)
    return None  # "will attack" with no threat word, "will condemn": not an event yet


def _build_event(
    article: Article,
    sentence: Sentence,
    item: Coded,
    roles: Roles,
    cues: Sequence[Match[Cue]],
    words: int,
) -> Event:
    actor = _entities(roles.actor)
    recipient = _entities(roles.recipient)
    if not recipient and roles.place is not None and item.event == "CONSULT" and "visit" in item.modes:
        recipient = _host(roles.place, actor)
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


def _host(place: Mention, actor: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """The government of the capital or country visited ("arrived in Baghdad": IRQ GOV)."""
    host = dataclasses.replace(place.entity, sector=place.entity.sector or "GOV")
    return () if any(e.code == host.code for e in actor) else (host,)


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


def _entities(mentions: Sequence[Mention]) -> tuple[Entity, ...]:
    """Entities de-duplicated by (code, sector), in text order."""
    seen: set[tuple[str, str]] = set()
    out = []
    for mention in mentions:
        key = (mention.entity.code, mention.entity.sector)
        if key not in seen:
            seen.add(key)
            out.append(mention.entity)
    return tuple(out)


def _codes(entities: Sequence[Entity]) -> str:
    return ",".join(f"{e.code}:{e.sector}" for e in entities)


def _merge(first: Event, second: Event) -> Event:
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
