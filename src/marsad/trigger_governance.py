"""Trigger governance: which lexicon triggers are events, and the type and modes each carries.

- A trigger word inside an actor mention ("Appeals Court") is not a trigger, nor one in a
  background clause ("since the city was retaken in 2017": marsad.event_scope).
- A complement is folded into the trigger that governs it: "called on X to release" is one
  REQUEST with mode yield; "vowed to strike back" is a THREATEN; "stressed the importance of
  cooperation" is a SUPPORT; an allegation ("accused X of attacking") stays an ACCUSE.
- Future and refusal (marsad.modality): a promised CONSULT/SUPPORT/COOPERATE/AID or RETREAT
  is AGREE (intent, CAMEO 03); a refused one is REJECT; an announced coercive measure (COERCE,
  SANCTION, PROTEST: "will extend the curfew") is THREATEN; a future attack with no threat
  word is not an event yet.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from marsad.direction import Placed
from marsad.event_scope import (
    Scope,
    dated_in_old_year,
    dated_long_ago,
    in_background,
    perfect_since_old_year,
)
from marsad.lexicon import Cue, Match, Trigger
from marsad.modality import Modality, idiom_covers
from marsad.normalize import fold_text

FUTURE_AS_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE"})
# "will reject", "will investigate": the refusal is said and the inquiry decided when announced.
FUTURE_KEPT = frozenset({"THREATEN", "CONCEDE", "REJECT"})
FUTURE_KEPT_MODES = frozenset({"investigate"})
# A coercive measure the actor announces ("will extend the curfew", "would boycott the vote") is a
# threat (CAMEO 13); a future attack stays a forecast unless a threat word says so.
FUTURE_AS_THREAT = frozenset({"COERCE", "SANCTION", "PROTEST"})
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN"})
# Verbal acts a speaker performs by saying them (PLOVER quads 1 and 3, less CONSULT).
STATEMENT_TYPES = frozenset({"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE"})
GOVERNORS = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN"})
# "stressed the importance of cooperation", "welcomed the aid": verbal support of a cooperative act.
SUPPORT_COMPLEMENTS = frozenset({"COOPERATE", "AID", "SUPPORT", "AGREE", "CONSULT"})
COMPLEMENT_MAX_WORDS = 10
INQUIRY_MAX_WORDS = 3
# "ordered the release of", «أمر بالإفراج عن»: an authority's order of an act within its power is
# the act (CAMEO codes the ordered arrest or release, not a demand).
ORDER_WORDS = frozenset(
    fold_text(w) for w in ("ordered", "orders", "a ordonné", "ont ordonné", "أمر", "أمرت")
)
# "ordered the retrial of X": a court's order to try or investigate is the prosecution (ACCUSE).
ORDERED_TYPES = frozenset(
    {"COERCE", "RETREAT", "CONCEDE", "ASSAULT", "SANCTION", "MOBILIZE", "AID", "ACCUSE"}
)
# "called for sanctions against X" names no addressee: a call to punish X is disapproval of X.
PUNISHMENT_GAP_WORDS = 1
PURPOSE_WORDS = (" to", " pour", " afin de")
# "lifted the ban on aid": easing a restriction whose object is itself a trigger.
YIELDING_TYPES = frozenset({"RETREAT", "CONCEDE"})
RESTRICTED_OBJECT_WORDS = frozenset({"on", "on the", "de", "de l'", "sur", "sur l'"})
# What a phone call can be made to do ("called X to congratulate him"): the verbal act is the event.
CALL_PURPOSES = frozenset({"SUPPORT", "ACCUSE", "REQUEST", "CONCEDE", "AGREE", "THREATEN"})
# Troops sent or deployed for peacekeeping are military assistance (CAMEO 074, PLOVER AID).
PEACEKEEPING = "peacekeeping"


@dataclasses.dataclass(frozen=True, slots=True)
class Coded:
    """A trigger after governance and modality: the type and modes it will carry."""

    match: Match[Trigger]
    event: str
    modes: tuple[str, ...]
    future: bool


def coded_triggers(
    matches: list[Match[Trigger]],
    placed: Sequence[Placed],
    text: str,
    breaks: Sequence[int],
    scope: Scope,
    cues: Sequence[Match[Cue]] = (),
) -> list[Coded]:
    """The triggers that can be events, each folded into the trigger that governs it."""
    # A trigger word inside an actor's name ("Appeals Court", "car bomb attackers") is not a trigger.
    matches = [m for m in matches if not any(p.start <= m.start and m.head_end <= p.end for p in placed)]
    matches = [m for m in matches if not _background(m, text, scope)]
    # "the appeals court rejected": a set phrase is no trigger, so it cannot swallow the next one.
    matches = [m for m in matches if not any(idiom_covers(c, m) for c in cues)]
    matches = [m for m in matches if not _attributive_participle(m, text)]
    coded = [item for item in _govern(matches, text, breaks) if item is not None]
    if any(c.entry.kind == "context" and c.entry.value == PEACEKEEPING for c in cues):
        coded = [_as_peacekeeping(item) for item in coded]
    return coded


_ARTICLES_EN = frozenset({"a", "an", "the", "its", "their", "his", "her", "our"})
# Verbs spelt like an adjective: "a free press", "the free world" (no release).
_ADJECTIVE_VERBS_EN = frozenset({"free"})


def _attributive_participle(match: Match[Trigger], text: str) -> bool:
    """ "a besieged town", "their disputed border", "Iran-backed", "a free press": an -ed verb
    (or "free") after a determiner or a hyphen is an adjective."""
    if match.entry.language != "en" or match.entry.direction == "nominal":
        return False
    word = text[match.start : match.head_end]
    if " " in word or not (word.endswith("ed") or word in _ADJECTIVE_VERBS_EN):
        return False
    if match.start > 0 and text[match.start - 1] == "-":
        return True  # "Iran-backed militias", "UN-brokered truce"
    before = text[: match.start].split()[-1:]
    return bool(before) and before[0] in _ARTICLES_EN


def _as_peacekeeping(item: Coded) -> Coded:
    """ "sent troops to the peacekeeping mission", «قوات حفظ السلام»: AID, not a show of force."""
    if item.event != "MOBILIZE":
        return item
    return dataclasses.replace(item, event="AID", modes=())


def _background(match: Match[Trigger], text: str, scope: Scope) -> bool:
    """History, not news: "since ... 2017" clauses, perfects summing up the years since, acts dated
    years before the story, old attacks."""
    if in_background(text, match.start, scope.published) or dated_in_old_year(
        text, match.end, scope.published
    ):
        return True
    if match.entry.event == "ASSAULT" and dated_long_ago(text, scope.published):
        return True
    if match.entry.direction == "nominal" or match.definite:
        return False  # "aid since 2017" names no act of its own
    return perfect_since_old_year(text, match.start, match.end, scope.language, scope.published)


def _govern(matches: Sequence[Match[Trigger]], text: str, breaks: Sequence[int]) -> list[Coded | None]:
    """Fold a complement trigger into its governor ("urged X to withdraw" is one REQUEST)."""
    coded: list[Coded | None] = [
        Coded(m, m.entry.event, (m.entry.mode,) if m.entry.mode else (), False) for m in matches
    ]
    for i in range(len(matches) - 1):
        governor, complement = coded[i], matches[i + 1]
        if governor is None or not _governs(governor, complement, text, breaks):
            continue
        coded[i] = _with_complement(governor, complement, text)
        coded[i + 1] = None
    return coded


def _governs(governor: Coded, complement: Match[Trigger], text: str, breaks: Sequence[int]) -> bool:
    trigger = governor.match.entry
    supports = trigger.event == "SUPPORT" and complement.entry.event in SUPPORT_COMPLEMENTS
    # "accused X of attacking", "an investigation of the killing": the act is alleged, not reported.
    allegation = trigger.event == "ACCUSE" and trigger.mode == "allege"
    inquiry = trigger.event == "ACCUSE" and trigger.mode == "investigate"
    purpose = _purpose(governor, complement, text) or _lifted_restriction(governor, complement, text)
    if trigger.event not in GOVERNORS and not (supports or allegation or inquiry or purpose):
        return False
    if trigger.event == "AGREE" and governor.match.end > governor.match.head_end:
        return False  # "agreed to a ceasefire to end the fighting": the row already names what is agreed
    gap_start, gap_end = governor.match.end, complement.start
    if any(gap_start <= b < gap_end for b in breaks):
        return False
    if inquiry:  # the inquiry's object follows it: "probe into the bombing", not a later verdict
        return "," not in text[gap_start:gap_end] and text.count(" ", gap_start, gap_end) <= INQUIRY_MAX_WORDS
    return text.count(" ", gap_start, gap_end) <= COMPLEMENT_MAX_WORDS


def _purpose(governor: Coded, complement: Match[Trigger], text: str) -> bool:
    """ "provided aid to support refugees", «pour soutenir»: the support is what the aid is for;
    "called X on Monday to congratulate him": the call is the medium, the praise the act."""
    aid = governor.match.entry.event == "AID" and complement.entry.event == "SUPPORT"
    if not (aid or _call_purpose(governor, complement)):
        return False
    return text[: complement.start].rstrip().endswith(PURPOSE_WORDS)


def _call_purpose(governor: Coded, complement: Match[Trigger]) -> bool:
    entry = governor.match.entry
    return entry.event == "CONSULT" and entry.mode == "phone" and complement.entry.event in CALL_PURPOSES


def _with_complement(governor: Coded, match: Match[Trigger], text: str) -> Coded:
    complement, event = match.entry, governor.event
    head = text[governor.match.start : governor.match.head_end]
    if event == "REQUEST" and head in ORDER_WORDS and complement.event in ORDERED_TYPES:
        modes = (complement.mode,) if complement.mode else ()
        return dataclasses.replace(governor, event=complement.event, modes=modes)
    accusation = _accusation(complement) if event == "REQUEST" else None
    if accusation and _within(governor.match, match, text, accusation[1]):
        return dataclasses.replace(governor, event="ACCUSE", modes=(accusation[0],))
    if _call_purpose(governor, match):
        modes = (complement.mode,) if complement.mode else ()
        return dataclasses.replace(governor, event=complement.event, modes=modes)
    if event == "AGREE" and complement.event in CONFLICT_TYPES - {"MOBILIZE"}:
        event = "THREATEN"  # "vowed to strike back" is a threat; "offered to send troops" a promise
    if governor.modes or event in ("ACCUSE", "AGREE", "SUPPORT"):
        return dataclasses.replace(governor, event=event)
    mode = complement_mode(event, complement)
    return dataclasses.replace(governor, event=event, modes=(mode,) if mode else ())


def _accusation(complement: Trigger) -> tuple[str, int] | None:
    """A call for a punishment or an inquiry can be an accusation: its ACCUSE mode and how many
    words may stand between the call and its object."""
    if complement.event == "SANCTION":
        return "disapprove", PUNISHMENT_GAP_WORDS + 1
    if complement.mode == "investigate":
        return "investigate", INQUIRY_MAX_WORDS
    return None


def _within(governor: Match[Trigger], complement: Match[Trigger], text: str, words: int) -> bool:
    """No room for an addressee between the call and its object ("called for a full investigation
    into X", "called for sanctions against X"): an allegation against X, not a request to anyone."""
    return text.count(" ", governor.end, complement.start) <= words


def _lifted_restriction(governor: Coded, complement: Match[Trigger], text: str) -> bool:
    """ "eased restrictions on humanitarian aid", «a levé l'interdiction de l'aide»: the act restricted
    is the object of the easing, not an act of its own."""
    entry = governor.match.entry
    if entry.event not in YIELDING_TYPES or not entry.phrase.tail:
        return False
    return text[governor.match.end : complement.start].strip() in RESTRICTED_OBJECT_WORDS


def complement_mode(event: str, complement: Trigger) -> str:
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
        if complement.event == "PROTEST" and complement.mode in ("boycott", "strike", "obstruct"):
            return "restrict"
    return ""


def apply_future(item: Coded, modality: Modality) -> Coded | None:
    """PLOVER: a promised CONSULT/SUPPORT/COOPERATE/AID (or RETREAT: intent, CAMEO 03) is AGREE.

    A refused promise of cooperation ("will not release", «لن ينسحب») is REJECT; an announced
    coercive measure ("will extend the curfew", «ستفرض عقوبات») is THREATEN.
    """
    if modality is Modality.REFUSED:
        if item.event not in FUTURE_AS_AGREE | {"RETREAT", "CONCEDE"}:
            return None
        mode = complement_mode("REJECT", item.match.entry) if item.event != "AGREE" else ""
        return Coded(item.match, "REJECT", (mode,) if mode else (), True)
    future = modality is Modality.FUTURE
    if not future or item.event in FUTURE_KEPT or FUTURE_KEPT_MODES.intersection(item.modes):
        return dataclasses.replace(item, future=future)
    if item.event in FUTURE_AS_AGREE | {"RETREAT"}:
        return Coded(item.match, "AGREE", (), True)
    if item.event in FUTURE_AS_THREAT:
        mode = complement_mode("THREATEN", item.match.entry)
        return Coded(item.match, "THREATEN", (mode,) if mode else (), True)
    return None  # "will attack" with no threat word, "will condemn": not an event yet
