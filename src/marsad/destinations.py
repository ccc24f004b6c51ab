"""Destinations: aid sent to a place names the place's people as its recipient.

Also the two other ways a place tells who an act is for: the donor of aid ("provided by X",
«مقدمة من X», "offerte par X" is the actor, never the recipient: `with_donors`), and an attack
on a village, homes or a market with no victim named, whose people are struck (`struck_dwellings`).

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

from marsad.direction import Placed, Roles
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
# Words that name who gave the aid: "provided by X", «مقدمة من X», "offerte par X",
# «قافلة تابعة للأمم المتحدة». What follows them is the donor (actor), never the recipient.
_DONOR_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("provided by", "donated by", "funded by", "financed by", "offered by", "sent by", "courtesy of"),
    "fr": (
        "offerte par",
        "offert par",
        "offerts par",
        "offertes par",
        "fournie par",
        "fourni par",
        "fournies par",
        "fournis par",
        "financee par",
        "finance par",
        "envoyee par",
        "envoye par",
        "de la part de",
    ),
    "ar": (
        "مقدمة من",
        "المقدمة من",
        "مقدمة من قبل",
        "بتمويل من",
        "ممولة من",
        "مرسلة من",
        "تبرع من",
        "هدية من",
        "تابعة ل",
        "التابعة ل",
        "تابعة الى",
    ),
}
_DONOR_WORDS = {lang: tuple(fold_text(w) for w in words) for lang, words in _DONOR_WORDS.items()}
# Places where people live: an attack on one that names no victim strikes the home civilians
# ("attacked a village", «هاجموا قرية», "ont attaqué le marché").
_DWELLINGS = re.compile(
    r"\b(?:villages?|homes|houses|market|marketplace|neighbou?rhoods?|residential|hamlets?"
    r"|maisons|habitations|marche|quartiers?|hameaux?)\b"
    r"|(?<!\w)[وبلف]?(?:ال)?(?:قريه|قري|منازل|منزل|بيوت|سوق|اسواق|حي|احياء)(?!\w)"
)
# "refugees and host communities": aid shared with the host, whose country receives it.
_HOST_COMMUNITIES = re.compile(
    r"\bhost(?:ing)? (?:communities|community|countries|country)\b"
    r"|\b(?:communities|community|communautes?|populations?|pays)\b(?:\s+\S+?){0,3}?[\s']+(?:host|accueil)\w*"
    r"|(?:المجتمعات|المجتمع|الدول|الدوله)(?: المحليه)?(?: التي)? (?:المضيف|تستضيف|يستضيف)\w*"
)
DONOR_NP_WORDS = 3  # words of the donor's noun phrase before the coded mention


def aid_destination(folded_text: str, language: str) -> tuple[Entity, ...]:
    """The recipient implied by where the aid went, or () when the sentence names no destination."""
    words = _DESTINATION_WORDS.get(language)
    if not words:
        return ()
    for found in _named_places(folded_text):
        if _after_destination_word(folded_text, found, words):
            place = choose_place(found.places, False, frozenset(), frozenset())
            sector = "REF" if _DISPLACED.search(folded_text) else "CVL"
            return (Entity(code=place.country, sector=sector, entity_text=f"(people of {place.name})"),)
    return ()


def _named_places(folded_text: str) -> list[NameMatch]:
    """Gazetteer places named in the text, minus common words ("to", "of": also some village)."""
    common = load_common_words()  # cached
    return [f for f in load_gazetteer().find(folded_text) if f.places and f.name not in common]


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


def with_donors(roles: Roles, placed: list[Placed], text: str, language: str) -> Roles:
    """Aid roles with the donor ("provided by X", «مقدمة من X») moved from recipient to actor.

    The donor replaces an actor only of its own country or none ("Saudi aid ... provided by
    the King Salman Centre": the centre gives it), so a named sender is never overridden.
    """
    donors = tuple(p.mention for p in placed if not p.place and _after_donor_words(text, p, language))
    if not donors:
        return roles
    recipient = tuple(m for m in roles.recipient if m not in donors)
    donor_codes = {m.entity.code for m in donors}
    own_codes = {m.entity.code for m in roles.actor}
    actor = donors if own_codes <= donor_codes else roles.actor
    return Roles(actor, recipient, roles.how, roles.place)


def _after_donor_words(text: str, found: Placed, language: str) -> bool:
    """A donor phrase opens the noun phrase the mention is in ("provided by the Jordanian
    charity", «مقدمة من الهيئة الخيرية الأردنية»); a glued «ل» («تابعة للأمم») counts."""
    clause = re.split(r"[,،;.]", text[: found.start])[-1]
    # «تابعة للامم»: split the glued preposition off the mention's first word
    words = re.sub(r"(?<=\s)لل?$", " ل", clause).split()
    for phrase in _DONOR_WORDS.get(language, ()):
        window = " ".join(words[-(DONOR_NP_WORDS + len(phrase.split())) :])
        if f" {phrase} " in f" {window} ":
            return True
    return False


def struck_dwellings(object_text: str, rest: str, home: str) -> tuple[Entity, ...]:
    """The civilians of the country where a village, homes or a market were attacked.

    `object_text` is where the trigger's object may be, `rest` the sentence after the trigger.
    The country is the story's home; with none, that of the first known place after the trigger
    ("a village near Tikrit"): village names are ambiguous across borders, the dateline is not.
    """
    if not _DWELLINGS.search(object_text):
        return ()
    if home:
        return (Entity(code=home, sector="CVL", entity_text="(residents)"),)
    places = _named_places(rest)
    if not places:
        return ()
    country = choose_place(places[0].places, False, frozenset(), frozenset()).country
    return (Entity(code=country, sector="CVL", entity_text="(residents)"),)


def hosted_refugees(folded_text: str, home: str) -> tuple[Entity, ...]:
    """Aid "for Syrian refugees and host communities" in Jordan: the host country's refugees.

    PLOVER codes the recipient as the country that receives the aid; refugees sharing it with
    the communities hosting them are on the host's soil, so the host is the recipient (JOR REF).
    """
    if not home or not _HOST_COMMUNITIES.search(folded_text):
        return ()
    return (Entity(code=home, sector="REF", entity_text="(refugees and host communities)"),)
