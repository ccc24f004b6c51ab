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
- Raw confidence = trigger weight x direction factor x recipient factor x length factor
  (`confidence`); the calibration stage that follows (marsad.calibration) maps it to the
  share of such events that were right on the demo gold.
- The headline is not coded when a body follows; datelines, sports sentences and
  "since ... <old year>" clauses are skipped (marsad.event_scope). Sides are cleaned with
  marsad.participants: coded mentions win over generic ones, uncoded domestic actors
  take the story's country, "the two ministers" are the latest meeting's participants,
  a first-person or institutional speaker ("we", "the Council", «وفدي») acts with an
  unknown code, and so does the unnamed author of a verbal act that opens the sentence
  ("7. Calls upon ...", «4 - يهيب»), never of a material one («قتل ثلاثة»).
- A negated trigger also negates a later trigger of the same type ("did not meet ...
  during the visit"); one sentence has at most one CONSULT; a nominal conflict trigger
  whose actor is the actor of a verbal trigger in the sentence is dropped ("the governor
  condemned the attack" is not an attack by the governor).
- An empty recipient is filled from context (marsad.antecedents): "condemned the attack",
  "arrested suspects", "welcomed the step" take the actor of the act referred to; an
  uncoded group of people takes the country the article gave it before; a PROTEST with no
  target is against the protesters' own government (docs/decisions.md).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from bisect import bisect_left
from collections.abc import Sequence

from marsad import plover
from marsad.antecedents import (
    continued_recipient,
    mentions_similar,
    remember,
    restates,
    similar_act_actor,
)
from marsad.contexts import event_contexts
from marsad.dateline import dateline_end
from marsad.direction import Placed, Roles, Span, assign_roles, clause_breaks, locate, segment
from marsad.event_scope import (
    Scope,
    headline_sentences,
    in_background,
    offtopic_sentences,
    referenced_noun,
)
from marsad.lexicon import LANGUAGES, Cue, Lexicon, Match, Trigger, load_lexicon
from marsad.modality import Modality, is_question, modality_of, qa_block_sentences
from marsad.model import Article, Entity, Event, Mention, Sentence, make_event_id
from marsad.normalize import Folded, fold
from marsad.participants import (
    SPEAKER,
    home_country,
    joint_reference,
    opens_statement,
    speaker_before,
    specific_side,
    with_home,
)
from marsad.recipients import recipient_side, referred_recipient, side_entities

log = logging.getLogger(__name__)

CODER_VERSION = "marsad.events.lexicon/1"
FUTURE_AS_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE"})
FUTURE_KEPT = frozenset({"THREATEN", "CONCEDE"})
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN"})
# Verbal acts a speaker performs by saying them (PLOVER quads 1 and 3, less CONSULT).
STATEMENT_TYPES = frozenset({"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE"})
GOVERNORS = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN"})
# "stressed the importance of cooperation", "welcomed the aid": verbal support of a cooperative act.
SUPPORT_COMPLEMENTS = frozenset({"COOPERATE", "AID", "SUPPORT", "AGREE", "CONSULT"})
COMPLEMENT_MAX_WORDS = 10
DIRECTION_FACTOR = {"subject": 1.0, "agent": 1.0, "passive": 0.95, "host": 0.95, "vso": 0.9}
INHERITED_FACTOR = 0.75
NO_RECIPIENT_FACTOR = 0.9
RECIPIENT_MISSING_FACTOR = 0.6
FUTURE_FACTOR = 0.9
# «اعتقلت قوات الأمن صباح اليوم السبت اثنين من المشتبه»: the object can come well after the verb.
OBJECT_WINDOW_WORDS = 9


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
            if mentions or _may_lack_mentions(text.text, scope):
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
        coded = _coded_triggers(matches, placed, text, breaks, scope)
        reading = _Reading(
            article,
            sentence,
            text,
            placed,
            [_span(item.match, language) for item in coded],
            breaks,
            cues,
            scope,
        )
        for index, item in enumerate(coded):
            reading.code(index, item)
        return list(reading.events.values())


@dataclasses.dataclass
class _Reading:
    """One sentence being coded: what its triggers share (the subject, negations, events so far)."""

    article: Article
    sentence: Sentence
    text: str
    placed: list[Placed]
    spans: list[Span]
    breaks: list[int]
    cues: Sequence[Match[Cue]]
    scope: Scope
    inherited: tuple[Mention, ...] = ()
    negated: set[str] = dataclasses.field(default_factory=set)
    verbal_actors: list[tuple[Mention, ...]] = dataclasses.field(default_factory=list)
    events: dict[tuple[str, tuple[tuple[str, str], ...]], Event] = dataclasses.field(default_factory=dict)

    def code(self, index: int, item: Coded) -> None:
        """Code trigger `index` and add its event, merged with one of the same type and actor."""
        span = self.spans[index]
        bounds = segment(self.text, self.placed, self.spans, index, self.breaks)
        modality = modality_of(item.match, self.cues, self.text, bounds[0])
        if modality is Modality.DROPPED or item.event in self.negated:
            # "did not meet ... during the visit": the negation covers the same act restated.
            self.negated.add(item.event)
            return
        roles = self._roles(item, span, bounds)
        if not roles.actor or _not_an_act(item, roles, span, self.text, self.verbal_actors):
            return
        if not _as_noun(item.match, span, self.text):
            self.verbal_actors.append(roles.actor)
        self.inherited = roles.actor
        resolved = _apply_future(item, modality)
        if resolved is None:
            return
        window = self._object_window(span)
        referred = referred_recipient(resolved.event, roles, self.placed, self.text, window, self.scope)
        if not referred and not roles.recipient:
            actor = with_home(specific_side(side_entities(roles.actor)), self.scope.home)
            referred = continued_recipient(resolved.event, actor, self.sentence.index, self.scope.recent)
        event = _build_event(
            self.article,
            self.sentence,
            resolved,
            roles,
            self.cues,
            len(self.text.split()),
            self.scope,
            referred,
        )
        if event is not None and not restates(event, self.scope.recent):
            self._add(event)

    def _roles(self, item: Coded, span: Span, bounds: tuple[int, int]) -> Roles:
        text, language = self.text, self.scope.language
        addressed = item.event in STATEMENT_TYPES
        roles = assign_roles(text, self.placed, span, bounds, language, self.inherited, addressed)
        joints = joint_reference(text, language) if self.scope.joint else []
        if _joint_subject(joints, self.placed, span, language):
            roles = Roles(_joint_mentions(self.sentence, self.scope.joint), (), "subject", roles.place)
        if not roles.actor and _spoken(item, text, span.start, language):
            roles = Roles(_joint_mentions(self.sentence, (SPEAKER,)), roles.recipient, "speaker", roles.place)
        similar = (
            ()
            if roles.actor
            else similar_act_actor(text, span.start, span.end, item.event, self.scope.recent)
        )
        if similar:  # "a similar strike": by the one who struck before
            roles = Roles(_joint_mentions(self.sentence, similar), roles.recipient, "inherited", roles.place)
        return roles

    def _object_window(self, span: Span) -> tuple[int, int]:
        """Where the trigger's object may be named: a few words on, within its clause.

        Not cut at the next trigger: in "condemned the attack" the object is itself a trigger.
        """
        clause_end = min([b for b in self.breaks if b >= span.end] + [len(self.text)])
        words = self.text[span.end : clause_end].split(" ")
        return span.end, min(clause_end, span.end + len(" ".join(words[: OBJECT_WINDOW_WORDS + 1])))

    def _add(self, event: Event) -> None:
        key = (event.event, tuple((e.code, e.sector) for e in event.actor))
        # One meeting per sentence: "met X ... to discuss" restates the CONSULT it is part of.
        meeting = (
            next((k for k in self.events if k[0] == "CONSULT"), None) if event.event == "CONSULT" else None
        )
        key = meeting or key
        self.events[key] = _merge(self.events[key], event) if key in self.events else event


def _may_lack_mentions(text: str, scope: Scope) -> bool:
    """A sentence whose actor is "the two sides" or a speaker (said or implied) has no actor mention."""
    return (
        bool(scope.joint and joint_reference(text, scope.language))
        or bool(scope.recent and mentions_similar(text))
        or opens_statement(text, text.find(" ") if " " in text else len(text))
        or any(speaker_before(text, end, scope.language) for end in _word_ends(text))
    )


def _spoken(item: Coded, text: str, start: int, language: str) -> bool:
    """The speaker acts: "we"/"the Council" before the trigger, or a statement verb opening the sentence.

    A subjectless opening verb ("7. Condemns ...", "Welcoming ...", «7 - يهيب») is the speaker's
    own statement only for verbal acts; «قتل ثلاثة أشخاص» opens a sentence too but names no attacker.
    """
    if speaker_before(text, start, language):
        return True
    return item.event in STATEMENT_TYPES and opens_statement(text, start)


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


def _joint_subject(
    joints: Sequence[tuple[int, int]], placed: Sequence[Placed], span: Span, language: str
) -> bool:
    """A "the two sides" reference is the trigger's subject: just before it, or (ar) just after the verb."""
    for start, end in joints:
        if end <= span.start and not any(end <= p.start < span.start for p in placed):
            return True
        if language == "ar" and start >= span.end and not any(span.end <= p.start < start for p in placed):
            return True
    return False


def _joint_mentions(sentence: Sentence, parties: Sequence[Entity]) -> tuple[Mention, ...]:
    return tuple(Mention(sentence.index, sentence.start, sentence.start, e, "joint") for e in parties)


_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "le", "la", "l'", "les", "un", "une", "cette", "ce"}
)


def _coded_triggers(
    matches: list[Match[Trigger]], placed: Sequence[Placed], text: str, breaks: Sequence[int], scope: Scope
) -> list[Coded]:
    """The triggers that can be events, each folded into the trigger that governs it."""
    # A trigger word inside an actor's name ("Appeals Court", "car bomb attackers") is not a trigger.
    matches = [m for m in matches if not any(p.start <= m.start and m.head_end <= p.end for p in placed)]
    matches = [m for m in matches if not in_background(text, m.start, scope.published)]
    return [item for item in _govern(matches, text, breaks) if item is not None]


def _not_an_act(
    item: Coded, roles: Roles, span: Span, text: str, verbal_actors: list[tuple[Mention, ...]]
) -> bool:
    """A conflict word that names an act rather than reports a new one."""
    if item.event not in CONFLICT_TYPES:
        return False
    if referenced_noun(text, item.match.start):
        return True  # "the anniversary of the bombing", «ذكرى اغتيال»: no new attack
    # "the governor condemned the attack": the governor did not attack.
    return _as_noun(item.match, span, text) and roles.actor in verbal_actors


def _span(match: Match[Trigger], language: str) -> Span:
    """Where the trigger sits and how it reads; an Arabic verb with «ال» is a noun («القصف»)."""
    direction = "nominal" if match.definite else match.entry.direction
    return Span(match.start, match.head_end, direction)


def _as_noun(match: Match[Trigger], span: Span, text: str) -> bool:
    """ "the attack", "l'attaque", «الهجوم»: the trigger reads as a noun."""
    before = text[: match.start].split()[-1:] or [""]
    return span.direction == "nominal" or before[0] in _DETERMINERS or text[: match.start].endswith("l'")


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
