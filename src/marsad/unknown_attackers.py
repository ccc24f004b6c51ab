"""Unknown attackers: an attack reported by its weapon or its victims, with no author named.

"A car bomb killed 12 people", «لقي ثلاثة جنود مصرعهم بانفجار عبوة ناسفة», "Trois soldats
ont été tués par l'explosion d'un engin piégé": an ASSAULT trigger whose sentence names no
actor, but names the means of an attack (a bomb, an IED, shelling, gunmen, an ambush: the
`means` words of data/attacks/occurrence.tsv). PLOVER codes what can be known and never
guesses: the actor is an unidentified armed force (code "", sector UAF).

"The attack" is mostly a reference to an attack told before; it is told here too when the
sentence says it happened (the `happened` words: «ووقع الهجوم فجر أمس», "the attack took place").

Not when the sentence speaks of an accident ("gas explosion", «حادث سير», "incendie"), nor
for a bare "explosion" with no means of attack: the harm may not come from an attacker.
"""

from __future__ import annotations

import functools
import re

from marsad.lexicon import data_table
from marsad.model import Entity
from marsad.normalize import fold_text

UNKNOWN_ATTACKER = Entity(code="", sector="UAF", entity_text="(unidentified attackers)")
_ARABIC_PROCLITICS = "(?:[وف]?[بلك]?(?:ال|ل)?)"
# French elision: "l'attaque", "d'obus", "qu'attentat" start a word after the apostrophe.
_ELIDED_ARTICLE = r"(?<=\b[ldj]')|(?<=qu')"


@functools.cache
def _patterns() -> dict[tuple[str, str], re.Pattern[str]]:
    """One pattern per (language, kind) over the words of data/attacks/occurrence.tsv."""
    phrases: dict[tuple[str, str], list[str]] = {}
    for row in data_table("attacks", "occurrence.tsv"):
        phrases.setdefault((row["language"], row["kind"]), []).append(_phrase_pattern(row["phrase"]))
    return {
        (language, kind): _compiled(language, alternatives)
        for (language, kind), alternatives in phrases.items()
    }


def _phrase_pattern(phrase: str) -> str:
    """A folded phrase where "*" stands for the rest of a word."""
    parts = [re.escape(fold_text(part)) for part in phrase.split("*")]
    return r"\w*".join(parts)


def _compiled(language: str, alternatives: list[str]) -> re.Pattern[str]:
    body = "|".join(sorted(alternatives, key=len, reverse=True))
    if language == "ar":
        return re.compile(rf"(?<!\w){_ARABIC_PROCLITICS}(?:{body})(?!\w)")
    return re.compile(rf"(?:(?<![\w'-])|{_ELIDED_ARTICLE})(?:{body})(?!\w)")


def names_attack_means(folded_text: str, language: str) -> bool:
    """Whether the sentence names a weapon or way of attacking, and no accident."""
    means = _patterns().get((language, "means"))
    if means is None or not means.search(folded_text):
        return False
    accident = _patterns().get((language, "accident"))
    return accident is None or not accident.search(folded_text)


def tells_it_happened(folded_text: str, language: str) -> bool:
    """Whether the sentence says an attack took place («وقع», "took place", "a eu lieu")."""
    happened = _patterns().get((language, "happened"))
    return happened is not None and happened.search(folded_text) is not None
