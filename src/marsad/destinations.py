"""Destinations: aid sent to a place names the place's people as its recipient.

"A convoy delivered food to displacement camps in Idlib", «وصلت إلى مدينة حمص قافلة مساعدات
سعودية», "l'aide est arrivée à Alep": an AID event that names no recipient goes to the
country of the place it reached (the offline gazetteer, marsad.geonames), sector REF when
the sentence speaks of camps, refugees or displaced people, else CVL (the civilians there).

Only a place after a destination or location word ("to", "in", "à", "vers", «إلى», «في») counts:
"Saudi aid" names the donor, not the destination. The event coder runs before the place stage,
so this is a light lookup of its own over the sentence, done only for such AID events.
"""

from __future__ import annotations

import re

from marsad.geonames import NameMatch, load_gazetteer
from marsad.model import Entity
from marsad.normalize import fold_text
from marsad.places import choose_place, load_common_words

# Words before a place that make it where the aid went ("to", «إلى مدينة»).
_DESTINATION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"to", "in", "into", "reached", "at"}),
    "fr": frozenset({"a", "au", "aux", "en", "vers", "dans", "atteint"}),
    "ar": frozenset({"الى", "في", "داخل", "نحو"}),
}
# A place word may sit between the preposition and the name: «إلى مدينة حمص», "to the city of".
_PLACE_NOUNS = frozenset(
    {
        "the",
        "city",
        "town",
        "of",
        "province",
        "la",
        "ville",
        "de",
        "region",
        "مدينه",
        "محافظه",
        "بلده",
        "ريف",
        "مخيم",
        "مخيمات",
        "camps",
        "camp",
    }
)
# The tables are written as spelt; lookups are on folded text.
_DESTINATION_WORDS = {
    lang: frozenset(fold_text(w) for w in words) for lang, words in _DESTINATION_WORDS.items()
}
_PLACE_NOUNS = frozenset(fold_text(w) for w in _PLACE_NOUNS)
_DISPLACED = re.compile(
    r"\b(?:camps?|refugees?|displaced|displacement|idps?|refugies?|deplaces?|deplacement)\b"
    r"|(?<!\w)[وبلف]?(?:ال)?(?:مخيم\w*|لاجي\w*|نازح\w*|مهجر\w*)(?!\w)"
)
LOOKBACK_WORDS = 4


def aid_destination(folded_text: str, language: str) -> tuple[Entity, ...]:
    """The recipient implied by where the aid went, or () when the sentence names no destination."""
    words = _DESTINATION_WORDS.get(language)
    if not words:
        return ()
    common = load_common_words()  # cached
    for found in load_gazetteer().find(folded_text):
        if found.name in common or not found.places:
            continue  # "to", "of": words that are also the name of some village
        if _after_destination_word(folded_text, found, words):
            place = choose_place(found.places, False, frozenset(), frozenset())
            sector = "REF" if _DISPLACED.search(folded_text) else "CVL"
            return (Entity(code=place.country, sector=sector, entity_text=f"(people of {place.name})"),)
    return ()


def _after_destination_word(folded_text: str, found: NameMatch, words: frozenset[str]) -> bool:
    """A destination word among the few words before the name, with only place nouns between."""
    before = folded_text[: found.start - len(found.proclitic)].split()[-LOOKBACK_WORDS:]
    if found.proclitic.endswith(("ل", "ب")):
        return True  # «لحمص», «بحمص»: the glued preposition is the destination word
    for word in reversed(before):
        if word in words:
            return True
        if word not in _PLACE_NOUNS:
            return False
    return False
