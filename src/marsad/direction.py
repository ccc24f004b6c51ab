"""Direction: who did it (actor) and to whom (recipient), from word order around a trigger.

The sentence is cut into clauses (at ; and contrastive conjunctions) and each trigger
reads the mentions between the previous trigger and the next one:

- active: the subject (the mention group just before the trigger) is the actor and
  the first group after it the recipient ("X met Y"; "X and Y met" gives both in
  actor, no recipient: the PLOVER joint rule). Arabic is mostly VSO: when nothing
  precedes the verb in its clause, the first group after it is the actor and the
  next the recipient. A be-passive ("was attacked by") swaps the roles.
- passive (the lexicon marks "received a phone call from", «تلقى اتصالا من»): the
  subject is the recipient, the group after the trigger the actor.
- host ("received", «استقبل», "a reçu"): the subject hosts (recipient), the group
  after is the visitor (actor); "was received by" reads the other way.
- nominal ("airstrike", «هجوم»): the actor is an agent ("by X", «من قبل»), a
  modifier just before ("Turkish airstrike") or, in Arabic, just after
  («غارة إسرائيلية»); the recipient is a target ("on", "against", «على», «ضد»).

A capital or country after a place preposition ("in Baghdad", «إلى بغداد», "à Paris")
is a place, not a participant; it can give the host of a visit.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from marsad.mention_groups import Placed, mentions_of, participant_group, participant_groups
from marsad.model import Mention
from marsad.normalize import Folded, fold_text

__all__ = ["Placed", "Roles", "Span", "assign_roles", "clause_breaks", "locate", "segment"]

# A capital after these is where something happened; a country only after "in"-words
# ("sent troops to Syria" keeps Syria as the recipient, "clashes in Syria" does not).
_CAPITAL_PLACE_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"in", "to", "at", "into", "from"}),
    "fr": frozenset({"a", "en", "au", "aux", "dans", "vers", "depuis"}),
    "ar": frozenset({"في", "الى", "داخل"}),
}
_COUNTRY_PLACE_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"in", "inside", "across", "throughout"}),
    "fr": frozenset({"en", "au", "aux", "dans"}),
    "ar": frozenset({"في", "داخل"}),
}
_AGENT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("by",),
    "fr": ("par", "de la part de"),
    "ar": ("من قبل", "من جانب", "شنها", "نفذها", "من"),
}
_TARGET_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("on", "against", "targeting", "at"),
    "fr": ("contre", "sur", "visant", "ciblant"),
    "ar": ("على", "علي", "ضد", "استهدف", "استهدفت", "بحق"),
}
_BETWEEN_WORDS: dict[str, tuple[str, ...]] = {"en": ("between",), "fr": ("entre",), "ar": ("بين",)}
# The owner of a struck object is the target: "a depot belonging to the SDF", «مستودعا تابعا لقسد».
_OWNER_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("belonging to", "owned by", "run by", "operated by", "controlled by", "held by", "used by"),
    "fr": ("appartenant a", "appartenant au", "appartenant aux", "controle par", "tenu par", "utilise par"),
    "ar": ("تابع ل", "تابعا ل", "تابعه ل", "التابع ل", "التابعه ل", "تابعين ل", "التابعين ل", "مملوك ل"),
}
_PASSIVE_AUX: dict[str, frozenset[str]] = {
    "en": frozenset({"was", "were", "been", "being", "is", "are", "be", "got", "get", "gets"}),
    "fr": frozenset({"ete"}),
    "ar": frozenset(),
}


def _folded_sets(table: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    return {lang: frozenset(fold_text(w) for w in words) for lang, words in table.items()}


def _folded_tuples(table: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {lang: tuple(dict.fromkeys(fold_text(w) for w in words)) for lang, words in table.items()}


# The tables are written as the words are spelt; lookups are on folded text.
_CAPITAL_PLACE_WORDS = _folded_sets(_CAPITAL_PLACE_WORDS)
_COUNTRY_PLACE_WORDS = _folded_sets(_COUNTRY_PLACE_WORDS)
_PASSIVE_AUX = _folded_sets(_PASSIVE_AUX)
_AGENT_WORDS = _folded_tuples(_AGENT_WORDS)
_TARGET_WORDS = _folded_tuples(_TARGET_WORDS)
_BETWEEN_WORDS = _folded_tuples(_BETWEEN_WORDS)
_OWNER_WORDS = _folded_tuples(_OWNER_WORDS)
_VERB_COORDINATORS = frozenset({"and", "et", "و", ", and", "then", "puis", "ثم", "،", ","})
_CLAUSE_BREAK = re.compile(
    r"[;:]|\b(?:but|while|whereas|although|mais|tandis que|alors que|bien que)\b"
    r"|(?<!\w)(?:بينما|لكن|في حين)(?!\w)"
)
NOMINAL_SUBJECT_WORDS = 1
# "X carried out an attack", "X claimed the bombing", "X began its offensive": the subject is the
# nominal's actor.
_NOMINAL_LIGHT_VERBS = re.compile(
    r"\b(?:carried out|launched|conducted|staged|mounted|claimed|a mene|ont mene|a lance|ont lance|"
    r"revendique|began|begun|begins|started|commenced|stepped up|intensified|a entame|ont entame|"
    r"a declenche|ont declenche|a commence|ont commence)\b|(?<!\w)(?:شن|شنت|نفذ|نفذت|تبني|تبنت)(?!\w)"
)
ARABIC_MODIFIER_WORDS = 2
# Folded endings of a relational adjective (nisba): «ي», «يه», «يين», «يون».
_NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يان")
ARABIC_SUBJECT_GAP_WORDS = 3


@dataclass(frozen=True, slots=True)
class Span:
    """A trigger as direction sees it: folded offsets and its direction hint."""

    start: int
    end: int
    direction: str


@dataclass(frozen=True, slots=True)
class Roles:
    actor: tuple[Mention, ...]
    recipient: tuple[Mention, ...]
    how: str  # subject, vso, agent, passive, host, inherited, modifier, none
    place: Mention | None = None


def locate(folded: Folded, mentions: Sequence[Mention], language: str) -> list[Placed]:
    """Map mentions to folded offsets and read the preposition before each."""
    placed = []
    for mention in sorted(mentions, key=lambda m: m.start):
        start = bisect_left(folded.offsets, mention.start)
        end = bisect_left(folded.offsets, mention.end)
        if end <= start:
            continue
        before = _words_before(folded.text, start)
        owner = _ends_with_words(before, _OWNER_WORDS.get(language, ()))
        placed.append(
            Placed(
                mention=mention,
                start=start,
                end=end,
                place=_is_place(mention, _last_word(before), language),
                agent=_ends_with_words(before, _AGENT_WORDS.get(language, ())) and not owner,
                target=owner or _ends_with_words(before, _TARGET_WORDS.get(language, ())),
                between=_ends_with_words(before, _BETWEEN_WORDS.get(language, ())),
            )
        )
    return placed


def _is_place(mention: Mention, word_before: str, language: str) -> bool:
    if mention.kind == "capital":
        return word_before in _CAPITAL_PLACE_WORDS.get(language, ())
    if mention.kind == "country":
        return word_before in _COUNTRY_PLACE_WORDS.get(language, ())
    return False


def _ends_with_words(words: str, options: Sequence[str]) -> bool:
    return any(words == option or words.endswith(" " + option) for option in options)


def _words_before(text: str, start: int) -> str:
    """Up to three words before `start`, with an attached Arabic clitic split off."""
    head = text[max(0, start - 40) : start]
    if head and head[-1].isalpha():  # «ب» or «ل» glued to the name: «ببغداد», «لداعش»
        head = head[:-1] + " " + {"ب": "في", "ل": "ل"}.get(head[-1], head[-1])
    return " ".join(head.split()[-3:])


def _last_word(words: str) -> str:
    parts = words.split()
    return parts[-1] if parts else ""


def clause_breaks(text: str) -> list[int]:
    return [m.start() for m in _CLAUSE_BREAK.finditer(text)]


def segment(
    text: str, placed: Sequence[Placed], spans: Sequence[Span], index: int, breaks: Sequence[int]
) -> tuple[int, int]:
    """Folded [left, right) bounds that trigger `index` reads mentions from."""
    span = spans[index]
    left = max([b for b in breaks if b < span.start] + [0])
    if index > 0:
        split = _subject_split(text, placed, spans[index - 1].end, span)
        left = max(left, spans[index - 1].end if split is None else split)
    right = min([b for b in breaks if b >= span.end] + [len(text)])
    if index + 1 < len(spans):
        split = _subject_split(text, placed, span.end, spans[index + 1])
        right = min(right, spans[index + 1].start if split is None else split)
    return left, right


_AND_BEFORE = re.compile(r"(?:^|\s)(?:and|et|,)\s*$")


def _subject_split(text: str, placed: Sequence[Placed], after: int, verb: Span) -> int | None:
    """Where the next verb's subject starts in 'X attacked Y and Z condemned ...'; None if no split."""
    if verb.direction == "nominal":
        return None
    before_verb = [p for p in placed if after <= p.start and p.end <= verb.start]
    if not before_verb or text[before_verb[-1].end : verb.start].count(" ") > 1:
        return None
    found = _AND_BEFORE.search(text[after : before_verb[-1].start])
    return after + found.start() if found else None


def assign_roles(
    text: str,
    placed: Sequence[Placed],
    span: Span,
    bounds: tuple[int, int],
    language: str,
    inherited: tuple[Mention, ...] = (),
    addressed: bool = False,
) -> Roles:
    """Actor and recipient mentions of one trigger (see the module docstring).

    `addressed`: the trigger is said to someone ("a demandé à Téhéran de"), so a capital right
    after it is the addressee, not a place.
    """
    left_bound, right_bound = bounds
    in_clause = [p for p in placed if p.start >= left_bound and p.end <= right_bound]
    if addressed:
        in_clause = [_addressee(text, p, span) for p in in_clause]
    place = next((p.mention for p in in_clause if p.place), None)
    participants = [p for p in in_clause if not p.place]
    # A prepositional object ("a drone strike on X killed ...") is not the next verb's subject.
    left = [p for p in participants if p.end <= span.start and not (p.target or p.agent)]
    right = [p for p in participants if p.start >= span.end]
    subject = participant_group(text, left, len(left) - 1, step=-1) if left else []
    if subject and inherited and _coordinated_verb(text, subject[-1].end, span.start):
        subject = []
    groups = participant_groups(text, right)
    if span.direction == "nominal":
        roles = _nominal(text, span, subject, right, groups)
    else:
        roles = _verbal(text, span, subject, groups, language, inherited)
    return Roles(roles.actor, roles.recipient, roles.how, place)


def _verbal(
    text: str,
    span: Span,
    subject: list[Placed],
    groups: list[list[Placed]],
    language: str,
    inherited: tuple[Mention, ...],
) -> Roles:
    # "is suing", "are attacking" are progressive, not passive.
    progressive = text[span.start : span.end].split(" ")[0].endswith("ing")
    aux = _last_word(_words_before(text, span.start))
    passive_aux = not progressive and aux in _PASSIVE_AUX.get(language, ())
    # A bare «من» after an active verb is "of/from" («خمسة ارهابيين من داعش»), not an agent.
    weak = language == "ar" and span.direction == "active" and not passive_aux
    agents = next((g for g in groups if g[0].agent and not (weak and _bare_min(text, g[0]))), [])
    objects = [g for g in groups if not g[0].agent or (weak and _bare_min(text, g[0]))]
    if span.direction == "active" and passive_aux:
        return Roles(mentions_of(agents), mentions_of(subject), "passive")
    if span.direction == "host" and passive_aux:
        return Roles(mentions_of(subject), mentions_of(agents), "passive")
    if subject:
        if span.direction == "active":
            return Roles(mentions_of(subject), mentions_of(_other_party(objects, subject)), "subject")
        first = groups[0] if groups else []
        return Roles(mentions_of(first), mentions_of(subject), span.direction)
    if language == "ar" and groups and span.direction == "active" and _counted_victims(text, span, groups[0]):
        return Roles((), mentions_of(groups[0]), "passive")  # «قتل عشرة أشخاص»: ten people were killed
    if language == "ar" and groups and not _pro_drop(text, span, groups[0], inherited):
        first, rest = groups[0], groups[1:]  # VSO: the first group after the verb is its subject
        second = rest[0] if rest else []
        if span.direction == "active":
            return Roles(mentions_of(first), mentions_of(second), "vso")
        return Roles(mentions_of(second), mentions_of(first), "vso")
    if inherited and span.direction == "active":
        return Roles(inherited, mentions_of(objects[0] if objects else []), "inherited")
    # No subject named ("killed three soldiers", "Calls upon X"): the object is still the recipient.
    return Roles((), mentions_of(objects[0]) if span.direction == "active" and objects else (), "none")


def _addressee(text: str, placed: Placed, span: Span) -> Placed:
    """A capital one preposition after a verb of saying is who it was said to."""
    after_trigger = placed.mention.kind == "capital" and span.end <= placed.start
    if placed.place and after_trigger and len(text[span.end : placed.start].split()) <= 1:
        return replace(placed, place=False)
    return placed


def _other_party(objects: list[list[Placed]], subject: list[Placed]) -> list[Placed]:
    """The first object group that is not the subject's own country ("X said France would train Y")."""
    own = {p.mention.entity.code for p in subject} - {""}
    for group in objects:
        if not {p.mention.entity.code for p in group} <= own:
            return group
    return []


def _bare_min(text: str, first: Placed) -> bool:
    return _words_before(text, first.start).split()[-1:] == ["من"]


def _pro_drop(text: str, span: Span, first: list[Placed], inherited: tuple[Mention, ...]) -> bool:
    """«وبحث معه ملفات ... داعش»: a verb whose subject is the previous verb's is followed by
    its object, not by a subject; a subject far from the verb is not its subject."""
    return bool(inherited) and text.count(" ", span.end, first[0].start) > ARABIC_SUBJECT_GAP_WORDS


def _nominal(
    text: str, span: Span, subject: list[Placed], right: list[Placed], groups: list[list[Placed]]
) -> Roles:
    between = [p for p in right if p.between]
    if between:  # "clashes between X and Y": a two-sided event, everyone is actor
        return Roles(
            mentions_of(participant_group(text, right, right.index(between[0]), step=1)), (), "between"
        )
    # «مقتل أربعة من أهالي القرية»: a count before «من» makes it partitive: victims, not agents.
    partitive = next((g for g in groups if g[0].agent and _partitive(text, g[0])), [])
    agents = next((g for g in groups if g[0].agent and g is not partitive), [])
    targets = next((g for g in groups if g[0].target), partitive)
    if agents:
        return Roles(mentions_of(agents), mentions_of(targets), "agent")
    first = groups[0] if groups else []
    arabic_after = bool(first) and not text[first[0].start : first[0].start + 1].isascii()
    if (
        arabic_after
        and not first[0].target
        and text.count(" ", span.end, first[0].start) <= ARABIC_MODIFIER_WORDS
    ):
        if _nisba(text, first[0]):
            return Roles(mentions_of(first), mentions_of(targets), "modifier")  # «غارة جوية إسرائيلية»
        # «اغتيال الرئيس», «قصف المدينة»: the genitive after a masdar is its victim, not its agent.
        targets = targets or first
    if subject:
        gap = text[subject[-1].end : span.start]
        # Arabic modifiers follow their noun: «جنود مصرعهم بانفجار» names victims, not bombers.
        arabic = not text[subject[-1].start : subject[-1].start + 1].isascii()
        close = gap.count(" ") <= (0 if arabic else NOMINAL_SUBJECT_WORDS + 1)
        if close or _NOMINAL_LIGHT_VERBS.search(gap):
            return Roles(mentions_of(subject), mentions_of(targets), "modifier")
    return Roles((), mentions_of(targets), "none")


_COUNT_WORDS = frozenset(
    fold_text(w)
    for w in (
        "اثنين",
        "اثنان",
        "ثلاثة",
        "أربعة",
        "خمسة",
        "ستة",
        "سبعة",
        "ثمانية",
        "تسعة",
        "عشرة",
        "عشرات",
        "مئات",
        "آلاف",
        "عدد",
        "بعض",
        "أحد",
        "إحدى",
    )
)


def _partitive(text: str, first: Placed) -> bool:
    """«أربعة من», «عدد من», «12 من»: a count before a bare «من» ("four of")."""
    words = _words_before(text, first.start).split()
    return words[-1:] == ["من"] and len(words) >= 2 and (words[-2] in _COUNT_WORDS or words[-2].isdigit())


def _counted_victims(text: str, span: Span, first: list[Placed]) -> bool:
    """«قتل عشرة أشخاص», «أصيب 12 مدنيا»: a count right after the verb reads it as a passive.

    Unvocalised «قتل» is both "killed" and "were killed"; news puts the attacker first
    without a number («قتلت قوات الجيش اثنين») and the counted victims after the verb.
    """
    verb = text[span.start : span.end].split(" ")[0]
    gap = text[span.end : first[0].start].split()
    counted = len(gap) == 1 and (gap[0] in _COUNT_WORDS or gap[0].isdigit())
    return counted and verb.lstrip("وف") in _VICTIM_VERBS


# Verbs whose counted object reads as a passive subject: killed, wounded, kidnapped, arrested.
_VICTIM_VERBS = frozenset(
    fold_text(w) for w in ("قتل", "قتلت", "أصيب", "أصيبت", "جرح", "خطف", "اختطف", "اعتقل", "أعدم", "استشهد")
)


def _nisba(text: str, first: Placed) -> bool:
    """An Arabic relational adjective («إسرائيلية», «الأمريكي»): the modifier names the agent.

    It names a country or a group: an uncoded noun ending the same way («أهالي», «مدنيين»)
    is the victim in the genitive («مقتل أربعة من أهالي القرية»).
    """
    if not first.mention.entity.code:
        return False
    word = text[first.start : first.end].split(" ")[0]
    return word.endswith(_NISBA_ENDINGS)


def _coordinated_verb(text: str, subject_end: int, trigger_start: int) -> bool:
    """'X met Y and condemned Z': the mention before 'and' is not the subject."""
    return text[subject_end:trigger_start].strip() in _VERB_COORDINATORS
