"""Mention groups: mentions located in a sentence, and which of them make one participant.

"Turkey and Iran", "Kataib Hezbollah, an armed faction", "militants of the Islamic State",
«وزير الخارجية العراقي فؤاد حسين»: coordinated, appositive or member-of neighbours are one
side of an event (marsad.direction reads sides group by group).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.model import Mention

_COORDINATORS = frozenset({"", ",", "and", "et", "و", ", and", "as well as", "ainsi que", "&"})
# "la Turquie et la Syrie" when the mention leaves out its article: "et la" is "et".
_GAP_DETERMINER = re.compile(r"^(\s*(?:and|et|, and))\s+(?:the|la|le|les|l')\s*$")


@dataclass(frozen=True, slots=True)
class Placed:
    """A mention located in the folded sentence, with what the words before it say."""

    mention: Mention
    start: int
    end: int
    place: bool
    agent: bool
    target: bool
    between: bool


def participant_groups(text: str, placed: list[Placed]) -> list[list[Placed]]:
    out: list[list[Placed]] = []
    i = 0
    while i < len(placed):
        found = participant_group(text, placed, i, step=1)
        out.append(found)
        i += len(found)
    return out


def participant_group(text: str, placed: Sequence[Placed], anchor: int, step: int) -> list[Placed]:
    """The anchor mention plus its coordinated or appositive neighbours, in text order."""
    group = [placed[anchor]]
    i = anchor + step
    while 0 <= i < len(placed):
        a, b = (placed[i], group[-1]) if step < 0 else (group[-1], placed[i])
        if not joined(text, a, b):
            break
        group.append(placed[i])
        i += step
    return sorted(group, key=lambda p: p.start)


def joined(text: str, first: Placed, second: Placed) -> bool:
    # "Kurdistan Workers' Party (PKK) militants": brackets around an acronym join like adjacency.
    gap = _GAP_DETERMINER.sub(r"\1", text[first.end : second.start]).strip().strip("()").strip()
    if gap in _MEMBER_OF:
        return _member_of(first, second)
    if _APPOSITION.match(gap):
        return not second.mention.entity.code  # "Kataib Hezbollah, an armed faction": one participant
    if gap not in _COORDINATORS:
        return False
    if gap:
        return True
    # Bare adjacency joins a role and its holder, not two different countries or sectors:
    # «وطالب المتظاهرون الحكومة» is a VSO subject and its object.
    one, two = first.mention.entity, second.mention.entity
    codes = {one.code, two.code} - {""}
    sectors = {one.sector, two.sector} - {"", "UNK"}
    return len(codes) <= 1 and len(sectors) <= 1


# "militants of the Islamic State", «مسلحون من تنظيم داعش», "des combattants de l'EI".
_MEMBER_OF = frozenset({"of", "from", "de", "du", "des", "de l'", "من"})
_ORGANISATION_KINDS = frozenset({"group", "igo"})
_APPOSITION = re.compile(r"^,\s*(?:an?|the|un|une|le|la|l')$")


def _member_of(first: Placed, second: Placed) -> bool:
    """An uncoded band of people followed by the organisation it belongs to is one participant."""
    return not first.mention.entity.code and second.mention.kind in _ORGANISATION_KINDS


def mentions_of(placed: Sequence[Placed]) -> tuple[Mention, ...]:
    return tuple(p.mention for p in placed)
