"""Reading one sentence: each coded trigger's actor and recipient, and the events they make.

A `SentenceReading` holds what the sentence's triggers share: the subject a coordinated verb
inherits ("X met Y and condemned Z"), the types already negated ("did not meet ... during
the visit" negates the restated visit), the actors of verbal triggers (so that "the governor
condemned the attack" is not an attack by the governor), and the events so far, merged by
type and actor (one meeting per sentence).

Sides come from marsad.direction, then from the article: "the two ministers" are the latest
meeting's participants, a first-person or institutional speaker ("we", "the Council", «وفدي»)
acts with an unknown code, and so does the unnamed author of a verbal act that opens the
sentence ("7. Calls upon ...", «4 - يهيب»), never of a material one («قتل ثلاثة»); "a similar
strike" is by the one who struck before, and "He later visited ..." by the previous
sentence's actor (marsad.antecedents). An attack whose author the sentence names nowhere is
by unidentified attackers (marsad.unknown_attackers), and aid with no named recipient goes to
the people of the place it reached (marsad.destinations).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from marsad.antecedents import (
    continued_recipient,
    pronoun_antecedent,
    pronoun_subject,
    restates,
    similar_act_actor,
)
from marsad.destinations import aid_destination, hosted_refugees, struck_dwellings, with_donors
from marsad.direction import Placed, Roles, Span, assign_roles, segment
from marsad.event_record import build_event, merge_events
from marsad.event_scope import Scope, referenced_noun
from marsad.lexicon import Cue, Match, Trigger
from marsad.modality import Modality, modality_of
from marsad.model import Article, Entity, Event, Mention, Sentence
from marsad.participants import (
    SPEAKER,
    joint_reference,
    opens_statement,
    speaker_before,
    specific_side,
    with_home,
)
from marsad.recipients import referred_recipient, side_entities
from marsad.trigger_governance import CONFLICT_TYPES, STATEMENT_TYPES, Coded, apply_future
from marsad.unknown_attackers import UNKNOWN_ATTACKER, names_attack_means, tells_it_happened
from marsad.unnamed_protesters import UNNAMED_PROTESTERS, crowd_protest

# «اعتقلت قوات الأمن صباح اليوم السبت اثنين من المشتبه»: the object can come well after the verb.
OBJECT_WINDOW_WORDS = 9
# Words either side of "the attack" in which its "took place" verb must stand.
HAPPENED_WORDS = 3


@dataclasses.dataclass
class SentenceReading:
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
    unattributed: tuple[Coded, Roles, Modality] | None = None  # an attack with no author named

    def code(self, index: int, item: Coded) -> None:
        """Code trigger `index` and add its event, merged with one of the same type and actor."""
        span = self.spans[index]
        bounds = segment(self.text, self.placed, self.spans, index, self.breaks)
        modality = modality_of(item.match, self.cues, self.text, bounds[0])
        if modality is Modality.UNREPORTED and item.event in _TOPIC_KEEPS_LATER:
            return  # «مظاهرة» named as a topic: a later «تظاهر» in the sentence may still report one
        if modality in (Modality.DROPPED, Modality.UNREPORTED) or item.event in self.negated:
            # "did not meet ... during the visit": the negation covers the same act restated.
            self.negated.add(item.event)
            return
        roles = self._roles(item, span, bounds)
        if (
            not roles.actor
            and self._better_unattributed(roles)
            and _unknown_attack(item, span, self.text, self.scope)
        ):
            self.unattributed = (item, roles, modality)
        if not roles.actor and item.event == "PROTEST" and crowd_protest(item.match, self.cues, self.text):
            crowd = _joint_mentions(self.sentence, (UNNAMED_PROTESTERS,))  # «خرجت مظاهرات», «تظاهر الآلاف»
            roles = Roles(crowd, roles.recipient, "crowd", roles.place)
        if not roles.actor or _not_an_act(item, roles, span, self.text, self.verbal_actors):
            return
        if not _as_noun(item.match, span, self.text):
            self.verbal_actors.append(roles.actor)
        self.inherited = roles.actor
        self._record(item, span, roles, modality)

    def finish(self) -> list[Event]:
        """The sentence's events; an attack whose author is named nowhere in it is by unknown attackers.

        Left to the end: "the army killed two militants in a clash" names the clash's author
        through the verb, so the clash alone is not an attack by someone unknown.
        """
        if self.unattributed is not None and not any(key[0] == "ASSAULT" for key in self.events):
            item, roles, modality = self.unattributed
            unknown = _joint_mentions(self.sentence, (UNKNOWN_ATTACKER,))
            span = trigger_span(item.match, self.scope.language)
            self._record(item, span, Roles(unknown, roles.recipient, "unknown", roles.place), modality)
        return list(self.events.values())

    def _better_unattributed(self, roles: Roles) -> bool:
        """The first authorless attack trigger, or a later one that names the victims."""
        return self.unattributed is None or (bool(roles.recipient) and not self.unattributed[1].recipient)

    def _record(self, item: Coded, span: Span, roles: Roles, modality: Modality) -> None:
        """Build the event of a trigger whose sides are known, and add it unless it restates one."""
        resolved = apply_future(item, modality)
        if resolved is None:
            return
        resolved = _joint_exercise(resolved, roles, self.text)
        window = self._object_window(span)
        referred = referred_recipient(resolved.event, roles, self.placed, self.text, window, self.scope)
        if not referred and not roles.recipient:
            actor = with_home(specific_side(side_entities(roles.actor)), self.scope.home)
            referred = continued_recipient(resolved.event, actor, self.sentence.index, self.scope.recent)
        if not referred and resolved.event == "AID":  # "for refugees and host communities"
            referred = hosted_refugees(self.text, self.scope.home)
        if not referred and resolved.event == "AID" and not any(m.entity.code for m in roles.recipient):
            referred = aid_destination(self.text, self.scope.language)  # "delivered food to camps in Idlib"
        if not referred and not roles.recipient and resolved.event == "ASSAULT" and not self._retold(roles):
            object_text, rest = self.text[window[0] : window[1]], self.text[window[0] :]
            referred = struck_dwellings(object_text, rest, self.scope.home)  # "attacked a village"
        event = build_event(
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
        pronoun = "" if roles.actor else pronoun_subject(text, span.start)
        antecedent = pronoun_antecedent(pronoun, self.sentence.index, self.scope.recent) if pronoun else ()
        if antecedent:  # "He later visited Baghdad": the one the article spoke of last
            roles = Roles(
                _joint_mentions(self.sentence, antecedent), roles.recipient, "inherited", roles.place
            )
        if item.event == "AID":  # "aid provided by X": X gave it
            roles = with_donors(roles, self.placed, text, language)
        return _agentless_passive(item, roles)

    def _retold(self, roles: Roles) -> bool:
        """ "The attackers opened fire on homes": unknown attackers after a reported attack retell it."""
        unknown = all(m.entity.sector == UNKNOWN_ATTACKER.sector for m in roles.actor)
        return unknown and any(e.event == "ASSAULT" for e in self.scope.recent)

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
        self.events[key] = merge_events(self.events[key], event) if key in self.events else event


# Types whose noun named as a topic does not silence a later report of the act in the sentence
# («احتجاجا على ... وتظاهر الآلاف»); an attack noun («الهجوم») restated later stays one act.
_TOPIC_KEEPS_LATER = frozenset({"PROTEST"})
# Acts only a state performs: "was arrested in Niger" was done by the authorities there.
_STATE_ACTS = frozenset({"COERCE"})
_SEAT_KINDS = frozenset({"country", "capital"})


def _agentless_passive(item: Coded, roles: Roles) -> Roles:
    """A be-passive that names no agent.

    "Troops were deployed to the border" (MOBILIZE): the deployed force is the actor, PLOVER's
    mobilizing side. "He was arrested in Niger" (COERCE): the state of the place arrested him.
    """
    if roles.actor or roles.how != "passive":
        return roles
    if item.match.entry.event == "MOBILIZE" and roles.recipient:
        return Roles(roles.recipient, (), "subject", roles.place)
    place = roles.place
    if item.event in _STATE_ACTS and place is not None and place.kind in _SEAT_KINDS:
        state = dataclasses.replace(place.entity, sector=place.entity.sector or "GOV")
        return Roles((dataclasses.replace(place, entity=state),), roles.recipient, "place", place)
    return roles


_EXERCISE_WORDS = ("war game", "drill", "exercise", "manoeuvre", "maneuver")


def _joint_exercise(item: Coded, roles: Roles, text: str) -> Coded:
    """ "X and Y launched war games": an exercise held together is mutual military cooperation
    (PLOVER COOPERATE); held alone it stays a show of force (MOBILIZE)."""
    if item.event != "MOBILIZE" or not any(
        w in text[item.match.start : item.match.end] for w in _EXERCISE_WORDS
    ):
        return item
    if len({m.entity.code for m in roles.actor} - {""}) < 2:
        return item
    return dataclasses.replace(item, event="COOPERATE", modes=())


def _spoken(item: Coded, text: str, start: int, language: str) -> bool:
    """The speaker acts: "we"/"the Council" before the trigger, or a statement verb opening the sentence.

    A subjectless opening verb ("7. Condemns ...", "Welcoming ...", «7 - يهيب») is the speaker's
    own statement only for verbal acts; «قتل ثلاثة أشخاص» opens a sentence too but names no attacker.
    """
    if speaker_before(text, start, language):
        return True
    return item.event in STATEMENT_TYPES and opens_statement(text, start)


def _unknown_attack(item: Coded, span: Span, text: str, scope: Scope) -> bool:
    """An attack told by its weapon or victims, not a reference to one ("the attack", «الهجوم»)
    that does not say it took place."""
    if item.event != "ASSAULT" or item.future or referenced_noun(text, item.match.start):
        return False
    before = text[: item.match.start].split()[-1:] or [""]
    definite = item.match.definite or before[0] in _DEFINITE or text[: item.match.start].endswith("l'")
    if definite and _as_noun(item.match, span, text) and not _said_to_happen(item, text, scope.language):
        return False  # "the attack": one told before, unless this sentence says it took place
    return names_attack_means(text, scope.language)


def _said_to_happen(item: Coded, text: str, language: str) -> bool:
    """A "took place" word next to the trigger: «ووقع الهجوم», «الهجوم الذي وقع», "the attack occurred"."""
    before = " ".join(text[: item.match.start].split()[-HAPPENED_WORDS:])
    after = " ".join(text[item.match.end :].split()[:HAPPENED_WORDS])
    return tells_it_happened(f"{before} {after}", language)


_STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
_DEFINITE = frozenset({"the", "this", "that", "le", "la", "les", "cette", "ce", "cet"})


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


# Articles before a noun trigger; French contracted ones too ("en marge du rassemblement").
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "le", "la", "l'", "les", "un", "une", "cette", "ce"}
    | {"du", "des", "au", "aux"}
)


def _not_an_act(
    item: Coded, roles: Roles, span: Span, text: str, verbal_actors: list[tuple[Mention, ...]]
) -> bool:
    """A conflict or protest word that names an act rather than reports a new one."""
    if item.event == "PROTEST":
        # "the authorities decreed a curfew after the rally": state bodies do not hold the rally
        # (a named person may: a "leader" can lead the opposition).
        state = all(m.entity.sector in _STATE_SECTORS and m.kind != "person" for m in roles.actor)
        return state and _as_noun(item.match, span, text)
    if item.event not in CONFLICT_TYPES:
        return False
    if referenced_noun(text, item.match.start):
        return True  # "the anniversary of the bombing", «ذكرى اغتيال»: no new attack
    # "the governor condemned the attack": the governor did not attack.
    return _as_noun(item.match, span, text) and roles.actor in verbal_actors


def trigger_span(match: Match[Trigger], language: str) -> Span:
    """Where the trigger sits and how it reads; an Arabic verb with «ال» is a noun («القصف»)."""
    direction = "nominal" if match.definite else match.entry.direction
    return Span(match.start, match.head_end, direction)


def _as_noun(match: Match[Trigger], span: Span, text: str) -> bool:
    """ "the attack", "l'attaque", «الهجوم»: the trigger reads as a noun."""
    before = text[: match.start].split()[-1:] or [""]
    return span.direction == "nominal" or before[0] in _DETERMINERS or text[: match.start].endswith("l'")
