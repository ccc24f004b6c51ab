"""Participants: cleaning an event's actor and recipient sides with what the article knows.

The actor stage finds mentions one by one; an event side often gets several for one
participant («الحكومة السورية» as a bare "government" plus the country "Syria") or a
generic word next to a named one. Here:

- `specific_side`: a side keeps its coded entities; an uncoded one ("government",
  "officials") is dropped when a coded one is there, lending its sector to a coded
  entity that has none (SYR + GOV -> SYR GOV). One code appears once, with its sector.
- `home_country`: the country the story is filed from (its dateline place, else the
  country most mentioned), which an uncoded domestic actor ("police", «المحافظ»,
  "les manifestants") belongs to by default (`with_home`). Armed groups, criminals and
  unknown "officials" are left uncoded: their side is not implied by the place.
- `joint_reference`: "the two ministers", «الجانبان», "les deux parties": the
  participants of the article's latest meeting, who act jointly (PLOVER joint rule).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from marsad.dateline import dateline_end
from marsad.model import Article, Entity

# Sectors whose uncoded members are taken to belong to the story's country.
DOMESTIC_SECTORS = frozenset({"GOV", "MIL", "COP", "CVL", "JUD", "LEG", "EDU", "MED", "LAB", "BUS", "REL"})
_PLACE_KINDS = frozenset({"country", "capital"})
NOT_COUNTRIES = frozenset({"IGO", "UNO", "EUR", "IMG", "NGO", "MNC", "ISM"})

_JOINT = {
    "en": re.compile(
        r"\b(?:the )?(?:two|both) (?:sides|ministers|leaders|presidents|parties|countries|delegations|men|"
        r"officials)\b"
    ),
    "fr": re.compile(
        r"\b(?:les )?deux (?:parties|ministres|dirigeants|presidents|pays|delegations|hommes|"
        r"responsables|cotes)\b"
    ),
    "ar": re.compile(
        r"(?<!\w)[وف]?(?:ال)?(?:جانبان|جانبين|وزيران|وزيرين|طرفان|طرفين|رئيسان|رئيسين|بلدان|بلدين|وفدان|وفدين)(?!\w)"
    ),
}


# First-person speakers of statements and speeches ("We welcome", "Ma délégation condamne").
_SPEAKER = {
    "en": re.compile(
        r"\b(?:we|i|my (?:delegation|country|government)|our (?:delegation|country|government)|"
        r"the (?:security )?council|the committee|the general assembly)"
        r"(?: (?:also|therefore|strongly|fully|once again|again|further|must|should|continue to|continues to|"
        r"would like to|wish to|have|has|had|will|would|are|is|am|do|did|can|deeply|greatly|firmly|"
        r"warmly|remain|remains|particularly|in this regard|,))*\s*$"
    ),
    "fr": re.compile(
        r"(?:\b(?:nous|je|ma delegation|mon pays|mon gouvernement|notre delegation|"
        r"le conseil(?: de securite)?|le comite|l'assemblee generale)|\bj'|\bl'assemblee generale)"
        r"(?: (?:aussi|donc|egalement|tenons a|souhaitons|voulons|devons|avons|ai|sommes|suis|a|est|"
        r"vivement|profondement|fermement|chaleureusement|reste|restons|encore|de nouveau|en outre|,))*\s*$"
    ),
    "ar": re.compile(
        r"(?<!\w)(?:[وف]?(?:ان )?(?:نحن|اننا|انني|انا|وفدي|وفد بلادي|بلدي|حكومتي|حكومه بلادي|"
        r"المجلس|مجلس الامن|اللجنه))"
        r"(?: (?:ايضا|بشده|كذلك|مجددا|مره اخرى|بحراره|,|،))*\s*$"
    ),
}
SPEAKER = Entity(code="", sector="", entity_text="(speaker)")
# Before a subjectless operative verb: nothing but a paragraph number or letter ("7. Calls upon", «7 - يهيب»).
_STATEMENT_OPENING = re.compile(r"^[\W\d_]*(?:\(?(?:[a-z]|[ivx]{1,4})\)|[a-z]\.)?[\W\d_]*(?:و|ف)?$")


def speaker_before(folded_text: str, position: int, language: str) -> bool:
    """Whether a first-person or institutional speaker ("we", "the Council", «وفدي») comes just before."""
    pattern = _SPEAKER.get(language)
    return bool(pattern and pattern.search(folded_text[max(0, position - 60) : position]))


def opens_statement(folded_text: str, position: int) -> bool:
    """Whether only a paragraph number precedes `position`: a resolution's or statement's own verb."""
    return bool(_STATEMENT_OPENING.match(folded_text[:position]))


def specific_side(entities: Sequence[Entity]) -> tuple[Entity, ...]:
    """Coded entities win over uncoded ones, which lend them a missing sector."""
    coded = [e for e in entities if e.code]
    if not coded:
        return _one_per_key(entities)
    spare = next((e.sector for e in entities if not e.code and e.sector not in ("", "UNK")), "")
    sectored = {e.code for e in coded if e.sector}
    out: list[Entity] = []
    for entity in coded:
        if entity.sector or entity.code in sectored:
            out.append(entity)
        elif spare:
            out.append(dataclasses.replace(entity, sector=spare))
        else:
            out.append(entity)
    return _one_per_key([e for e in out if e.sector or e.code not in sectored])


def _one_per_key(entities: Sequence[Entity]) -> tuple[Entity, ...]:
    seen: set[tuple[str, str]] = set()
    out = []
    for entity in entities:
        if (entity.code, entity.sector) not in seen:
            seen.add((entity.code, entity.sector))
            out.append(entity)
    return tuple(out)


def home_country(article: Article) -> str:
    """ISO3 of the country the story is about: dateline places count triple, then every coded mention."""
    named: Counter[str] = Counter()
    starts = {s.index: s.start + dateline_end(s.text) for s in article.sentences}
    for mention in article.mentions:
        code = mention.entity.code
        if len(code) != 3 or code in NOT_COUNTRIES:
            continue
        in_dateline = mention.kind in _PLACE_KINDS and mention.start < starts.get(mention.sentence, 0)
        named[code] += 3 if in_dateline else 1
    return named.most_common(1)[0][0] if named else ""


def with_home(entities: Sequence[Entity], home: str) -> tuple[Entity, ...]:
    """Give uncoded domestic actors the story's country."""
    if not home:
        return tuple(entities)
    filled = [
        dataclasses.replace(e, code=home) if not e.code and e.sector in DOMESTIC_SECTORS else e
        for e in entities
    ]
    return specific_side(filled)


def joint_reference(folded_text: str, language: str) -> list[tuple[int, int]]:
    """Folded spans of "the two ministers"-style references to both participants of a meeting."""
    pattern = _JOINT.get(language)
    return [(m.start(), m.end()) for m in pattern.finditer(folded_text)] if pattern else []
