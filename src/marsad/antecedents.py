"""Antecedents: what a sentence refers back to in the article it belongs to.

Two kinds of reference that give an event its recipient when its own sentence names none:

- Event anaphora: "the governor condemned the attack", «اعتقلت ... المشتبه بتورطهم في
  الهجوم», "a salué ce geste". A noun of `data/antecedents/anaphors.tsv` after the trigger
  names an act the article already reported; the recipient is that act's actor (the
  attacker, the withdrawing force). An attack reported with a named actor wins over a
  later restatement by "the attackers".
- Restatement: "The attackers opened fire ...", «أطلق المهاجمون النار», "Les assaillants ont
  ouvert le feu" after the attack was reported is the same attack told in detail: an
  unnamed actor, no recipient, the same conflict type a sentence or two before; "the two
  men discussed ..." after "X met Y" is the same meeting (`restates`).
- "A similar strike", «غارة مماثلة», "une frappe similaire" with no actor of its own is by
  the actor of the latest act of its type (`similar_act_actor`); "also seized" after an
  arrest by the same side takes the arrest's recipient (`continued_recipient`).
- A subject pronoun opening the sentence ("He later visited Baghdad", "Il a appelé ...",
  "Elles ont ...") is the actor of the article's latest event from an earlier sentence,
  when that actor is one participant (or, for "they"/"ils", one side): `pronoun_antecedent`.
  Impersonal "il" ("il y a", "il faut", "il a été décidé") is no one. Arabic drops the
  pronoun; marsad.direction reads that as the previous verb's subject.
- Same-participant anaphora: an uncoded civilian group on the recipient side («الصيادين»,
  "the fishermen") is the group of that sector the article named last with a country
  ("12 Iraqi fishermen"), before the story's home country is guessed for it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from marsad.lexicon import data_table
from marsad.model import Entity, Event
from marsad.normalize import fold_text

ANY_ACT = "*"
# Event types whose empty recipient an anaphoric noun can fill.
ANAPHORA_TAKERS = frozenset({"ACCUSE", "SUPPORT", "REJECT", "COERCE", "SANCTION", "REQUEST"})
# Sectors of groups whose code is the one the article gave them before ("the fishermen",
# "militants" after "Islamic State fighters").
PEOPLE_SECTORS = frozenset({"CVL", "REF", "EDU", "LAB", "MED", "BUS", "REL", "REB"})
RECENT_EVENTS = 12
SIMILAR_WINDOW_WORDS = 2
_SIMILAR = re.compile(r"(?<!\w)(?:similar|similaire|pareille|مماثل|مماثله|مشابه|مشابهه)(?!\w)")
# Types whose restatement by an unnamed actor ("The attackers opened fire") follows the report.
RESTATED_TYPES = frozenset({"ASSAULT", "COERCE"})
RESTATEMENT_SENTENCES = 2
_ARABIC_PROCLITICS = "(?:[وف]?(?:[بلك])?)"


@dataclass(frozen=True, slots=True)
class Anaphor:
    """A noun that names an earlier act: folded phrase, language and the types it can name."""

    language: str
    phrase: str
    refers: frozenset[str]


def read_anaphors() -> list[Anaphor]:
    """The shipped anaphor list (data/antecedents/anaphors.tsv)."""
    return [
        Anaphor(row["language"], fold_text(row["phrase"]), frozenset(row["refers"].split(",")))
        for row in data_table("antecedents", "anaphors.tsv")
    ]


@functools.cache
def _patterns() -> dict[str, list[tuple[re.Pattern[str], Anaphor]]]:
    table: dict[str, list[tuple[re.Pattern[str], Anaphor]]] = {}
    for anaphor in read_anaphors():
        table.setdefault(anaphor.language, []).append((_pattern(anaphor), anaphor))
    return table


def _pattern(anaphor: Anaphor) -> re.Pattern[str]:
    phrase = re.escape(anaphor.phrase)
    if anaphor.language != "ar":
        return re.compile(rf"(?<![\w']){phrase}(?!\w)")
    # «بالهجوم», «وللهجوم»: a glued preposition, and «ل» + «ال» written «لل».
    forms = [phrase] + ([f"ل{re.escape(anaphor.phrase[1:])}"] if anaphor.phrase.startswith("ال") else [])
    return re.compile(rf"(?<!\w){_ARABIC_PROCLITICS}(?:{'|'.join(forms)})(?!\w)")


def anaphor_in(folded_text: str, language: str, start: int = 0, end: int | None = None) -> Anaphor | None:
    """The first anaphoric noun in folded_text[start:end], if any."""
    found: tuple[int, Anaphor] | None = None
    for pattern, anaphor in _patterns().get(language, ()):
        match = pattern.search(folded_text, start, len(folded_text) if end is None else end)
        if match and (found is None or match.start() < found[0]):
            found = (match.start(), anaphor)
    return found[1] if found else None


def referred_actor(anaphor: Anaphor, recent: Sequence[Event], actor: Sequence[Entity]) -> tuple[Entity, ...]:
    """The actor of the latest act the anaphor can name, by someone other than `actor`.

    Among acts of the named kind, one whose actor has a code wins over a later uncoded one
    ("Islamic State militants attacked ..." then "The attackers opened fire ...").
    """
    own = {e.code for e in actor}
    candidates = [
        e
        for e in reversed(recent)
        if (ANY_ACT in anaphor.refers or e.event in anaphor.refers)
        and e.actor
        and not {a.code for a in e.actor} <= own
    ]
    coded = next((e for e in candidates if any(a.code for a in e.actor)), None)
    chosen = coded or (candidates[0] if candidates else None)
    return chosen.actor if chosen else ()


def remembered(recent: Iterable[Event], entities: Sequence[Entity]) -> tuple[Entity, ...]:
    """Give an uncoded participant the entity the article named before with its words or sector.

    "ces responsables" after "trois responsables d'une milice irakienne" is that militia's
    (IRQ PRM); «الصيادين» after «12 صيادا عراقيا» takes the country of the civilians seen last.
    """
    named: list[Entity] = []
    by_sector: dict[str, str] = {}
    for event in recent:
        for entity in (*event.actor, *event.recipient):
            if entity.code:
                named.append(entity)
                if entity.sector in PEOPLE_SECTORS:
                    by_sector[entity.sector] = entity.code
    return tuple(_recalled(e, named, by_sector) if not e.code else e for e in entities)


def _recalled(entity: Entity, named: Sequence[Entity], by_sector: dict[str, str]) -> Entity:
    words = _content_words(entity.entity_text)
    for earlier in reversed(named):
        if words and words <= _content_words(earlier.entity_text):
            return earlier
    if entity.sector in by_sector:
        return dataclasses.replace(entity, code=by_sector[entity.sector])
    return entity


# Articles and demonstratives: "these officials" is "officials".
_FUNCTION_WORDS = frozenset(
    {"the", "these", "those", "this", "that", "les", "ces", "cette", "des", "une", "of", "de", "du", "d'une"}
)


def _content_words(text: str) -> frozenset[str]:
    words = (word.removeprefix("l'").removeprefix("ال") for word in fold_text(text).split())
    return frozenset(word for word in words if len(word) > 2 and word not in _FUNCTION_WORDS)


def remember(recent: Sequence[Event], coded: Sequence[Event]) -> tuple[Event, ...]:
    """The article's latest events, oldest first, for the sentences that follow."""
    return tuple([*recent, *coded][-RECENT_EVENTS:])


def restates(event: Event, recent: Sequence[Event]) -> bool:
    """Whether the event retells one reported a sentence or two before.

    "The attackers opened fire" after "ISIS attacked": an unnamed actor's conflict act with no
    recipient, after one of its type. "The two men discussed ..." after "X met Y": a joint
    meeting of the same two parties.
    """
    if event.recipient:
        return False
    close = [e for e in recent if 0 < event.sentence_index - e.sentence_index <= RESTATEMENT_SENTENCES]
    if event.event in RESTATED_TYPES and not any(e.code for e in event.actor):
        return any(e.event == event.event for e in close)
    parties = {e.code for e in event.actor}
    if event.event == "CONSULT" and len(parties) >= 2:
        return any(
            e.event == "CONSULT" and {x.code for x in (*e.actor, *e.recipient)} == parties for e in close
        )
    return False


def mentions_similar(folded_text: str) -> bool:
    """Whether the sentence speaks of "a similar" act (which needs no actor mention of its own)."""
    return _SIMILAR.search(folded_text) is not None


def similar_act_actor(
    folded_text: str, start: int, end: int, event: str, recent: Sequence[Event]
) -> tuple[Entity, ...]:
    """The actor of the latest act of type `event` when the trigger is called "similar"."""
    before = " ".join(folded_text[:start].split()[-SIMILAR_WINDOW_WORDS:])
    after = " ".join(folded_text[end:].split()[:SIMILAR_WINDOW_WORDS])
    if not (_SIMILAR.search(before) or _SIMILAR.search(after)):
        return ()
    return next((e.actor for e in reversed(recent) if e.event == event and e.actor), ())


def continued_recipient(
    event: str, actor: Sequence[Entity], sentence_index: int, recent: Sequence[Event]
) -> tuple[Entity, ...]:
    """A seizure with no named target, by the side that just arrested someone, is from them."""
    if event != "COERCE":
        return ()
    codes = {e.code for e in actor} - {""}
    for earlier in reversed(recent):
        close = 0 < sentence_index - earlier.sentence_index <= RESTATEMENT_SENTENCES
        if close and earlier.event == "COERCE" and codes & {e.code for e in earlier.actor}:
            return earlier.recipient
    return ()


# A sentence-opening subject pronoun, then at most three auxiliaries or adverbs before the trigger.
_PRONOUN_SUBJECT = re.compile(
    r"^(?:(?:and|but|et|mais|puis) )?(?P<pronoun>he|she|they|il|elle|ils|elles)"
    r"(?: (?!(?:y|faut|s'agit|semble|parait|est|etait|reste)\b)[\w'-]+){0,3}\s*$"
)
_PLURAL_PRONOUNS = frozenset({"they", "ils", "elles"})
PRONOUN_SENTENCES = 2


def opens_with_pronoun(folded_text: str) -> bool:
    """Whether the sentence opens with a subject pronoun (and may name no actor of its own)."""
    return _OPENING_PRONOUN.match(folded_text) is not None


_OPENING_PRONOUN = re.compile(r"^(?:(?:and|but|et|mais|puis) )?(?:he|she|they|il|elle|ils|elles) ")


def pronoun_subject(folded_text: str, position: int) -> str:
    """The subject pronoun ("he", "elle", "ils") that opens the sentence before `position`, or ""."""
    found = _PRONOUN_SUBJECT.match(folded_text[:position])
    if found is None or re.search(r"\ba ete\b|\bavait ete\b", folded_text[:position]):
        return ""  # "il a été décidé": an impersonal passive has no subject
    return found["pronoun"]


def pronoun_antecedent(pronoun: str, sentence_index: int, recent: Sequence[Event]) -> tuple[Entity, ...]:
    """The actor a subject pronoun refers to: the latest earlier event's, if it is one participant."""
    for event in reversed(recent):
        if not 0 < sentence_index - event.sentence_index <= PRONOUN_SENTENCES:
            continue
        codes = {e.code for e in event.actor}
        if "" in codes or (len(codes) > 1 and pronoun not in _PLURAL_PRONOUNS):
            return ()
        return event.actor
    return ()
