"""Where an uncoded actor is, or comes from, gives its country: «متظاهرون في بانكوك», «المواطنين من
قرية كفر X جنوب نابلس», "students from Baghdad", «les manifestants à Bagdad»; and a local
official's jurisdiction across its administrative words: «حاكم منطقة بشرق أفغانستان», «عمدة
العاصمة الصومالية».

    phrases = with_origins(phrases, folded.text, lang)     # after `marsad.phrases.compose`

The place is the next phrase (a country, a capital, an Arabic demonym), or a place name after an
administrative word («قرية», "village of") found in the places gazetteer. Armed actors are left
alone: gunmen in Baghdad are still unidentified, foreign troops in Iraq are not Iraq's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from marsad.geonames import load_gazetteer
from marsad.normalize import fold_text
from marsad.phrases import Phrase, place_country

# Actors a place of presence or origin identifies: crowds, civilians, officials, institutions
# (a party is where it meets, not whose it is: «حزب الوسط في العاصمة الليبية»).
_LOCATED_SECTORS = frozenset(
    {"CVL", "REF", "EDU", "LAB", "JRN", "MED", "REL", "AGR", "BUS", "SOC", "OPP", "GOV", "COP", "LEG"}
)
_INSTITUTIONS = frozenset({"Place of worship", "School", "Hospital"})
# An envoy, an ambassador or an embassy is where it is posted, not where it comes from.
_POSTED_OFFICES = frozenset(
    {"Envoy", "Mission", "Ambassador", "Embassy", "Consul", "Consulate", "Counterpart"}
)
_PLACE_KINDS = {
    "ar": ("country", "capital", "demonym"),
    "en": ("country", "capital"),
    "fr": ("country", "capital"),
}


def _folded_words(words: str) -> str:
    return "|".join(fold_text(w) for w in words.split())


_ADMIN_AR = _folded_words(
    "قرية بلدة مدينة مخيم محافظة ولاية ولايات إقليم منطقة حي ضاحية العاصمة مدن قرى بلدات مخيمات مقاطعة"
)
_DIRECTION_AR = _folded_words("شرق غرب شمال جنوب وسط شرقي غربي شمالي جنوبي")
# «في» or «من» after at most two adjectives or a participle of coming («الغاضبون», «القادمين
# من»), then a few words
_NOT_ADJECTIVES_AR = _folded_words("إلى التي الذي الذين اللذين اللتين اللواتي إلا الآن")
_QUALIFIERS_AR = rf"(?:(?:(?!(?:{_NOT_ADJECTIVES_AR}) )ال\S+|(?:قادم|وافد)\S*) ){{0,2}}"
_LOCATIVE = {
    "ar": re.compile(rf"^ {_QUALIFIERS_AR}(?:(?:في|من) ((?:\S+ ){{0,4}})|ب)$"),
    "en": re.compile(
        r"^ (?:in|from|at) (?:the |a |an )?((?:(?:city|town|village|province|capital) of (?:the )?)?)$"
    ),
    "fr": re.compile(
        r"^ (?:a|de|d'|du|des|en|au|dans) ?(?:la |l'|le |une |un )?"
        r"((?:(?:ville|region|province) (?:de |d'))?)$"
    ),
}
# Protesters for or against a government are its citizens: «المتظاهرون المعارضون للحكومة
# التايلاندية», "protesters opposed to the Thai government", «manifestants hostiles au gouvernement».
_STANCE = {
    "ar": re.compile(r"^ (?:ال)?(?:معارض|مناوئ|مناهض|مؤيد|موال)\S* (?:لل|ل)$"),
    "en": re.compile(r"^ (?:opposed|hostile|loyal) to (?:the )?$"),
    "fr": re.compile(r"^ (?:opposes?|hostiles?|fideles?|favorables?) (?:au |a la |a l')$"),
}
# «حاكم منطقة بشرق»: nothing but administrative and direction words between title and place
_JURISDICTION_AR = re.compile(rf"^ (?:(?:ال|ب|لل)?(?:{_ADMIN_AR}|{_DIRECTION_AR}) )+$")
_NAMED_PLACE_AR = re.compile(
    rf"^ ({_QUALIFIERS_AR}(?:في|من) )?(?:ال|ب)?(?:{_ADMIN_AR}) ([^\W\d_]+(?: [^\W\d_]+){{0,2}})"
)
_REGION_AR = re.compile(
    rf"^ {_QUALIFIERS_AR}(?:في|من) (?:(?:{_folded_words('أبناء سكان أهالي')}) )?([^\W\d_]+(?: [^\W\d_]+)?)"
)
_FILLER_STOPS = frozenset(
    _folded_words("على إلى الى عن مع أن إن ان التي الذي الذين خلال بعد قبل قال كل").split("|")
)


def with_origins(phrases: list[Phrase], text: str, lang: str) -> list[Phrase]:
    """Give each uncoded civilian, official or institution the country of its place."""
    if not any(map(_can_be_located, phrases)):
        return phrases  # most sentences: every actor has its country already, or none can take one
    out = _absorb_institutions(phrases, text, lang)
    for index in range(len(out) - 1, -1, -1):  # right to left: «من مساجد الخرطوم» is coded first
        phrase = out[index]
        if _can_be_located(phrase) and (code := _origin_code(phrase, out[index + 1 : index + 3], text, lang)):
            out[index] = replace(phrase, code=code, flags=phrase.flags | {"joined", "located"})
    return out


def _origin_code(phrase: Phrase, after: list[Phrase], text: str, lang: str) -> str:
    following = after[0] if after else None
    if following is None:
        gap = text[phrase.end :]
        return (_named_place(phrase, gap) or _region_code(gap)) if lang == "ar" else ""
    if _coordinated(following, after[1:], text):
        return ""  # «في الهند وباكستان»: several countries, none is the crowd's
    gap = text[phrase.end : following.start]
    if _is_place(following, _PLACE_KINDS.get(lang, _PLACE_KINDS["en"])) and _is_locative(phrase, gap, lang):
        return following.code
    if _is_government(following) and _STANCE.get(lang, _STANCE["en"]).match(gap):
        return following.code
    return (_named_place(phrase, gap) or _region_code(gap)) if lang == "ar" else ""


def _region_code(gap: str) -> str:
    """«لاجئ من التبت», «متظاهر من أبناء دارفور»: a province or region named right after «من»/«في»."""
    match = _REGION_AR.match(gap)
    if match is None:
        return ""
    words = match.group(1).split(" ")
    for count in (2, 1):
        places = load_gazetteer().lookup(" ".join(words[:count])) if len(words) >= count else ()
        countries = {p.country for p in places if p.resolution == "province"}
        if places and len(countries) == 1 and all(p.resolution == "province" for p in places):
            return countries.pop()
    return ""


def _absorb_institutions(phrases: list[Phrase], text: str, lang: str) -> list[Phrase]:
    """People of an institution are one participant with it: «طالبا من المسجد الأحمر», "worshippers
    at the mosque"; the people keep their sector, and take the institution's place."""
    out: list[Phrase] = []
    for phrase in phrases:
        if out and _is_member_of_institution(out[-1], phrase, text, lang):
            out[-1] = replace(out[-1], end=phrase.end, flags=out[-1].flags | (phrase.flags & {"construct"}))
        else:
            out.append(phrase)
    return out


def _is_member_of_institution(people: Phrase, place: Phrase, text: str, lang: str) -> bool:
    if not _is_institution(place) or _is_institution(people) or not _can_be_located(people):
        return False
    return _is_locative(people, text[people.end : place.start], lang)


def _is_institution(phrase: Phrase) -> bool:
    return phrase.office in _INSTITUTIONS


def _coordinated(place: Phrase, after: list[Phrase], text: str) -> bool:
    other = after[0] if after else None
    if other is None or other.kind not in ("country", "capital", "demonym"):
        return False
    return text[place.end : other.start].strip(" ,،") in ("و", "and", "et", "or", "ou", "او", "أو")


def _is_government(phrase: Phrase) -> bool:
    return phrase.kind == "role" and phrase.sector == "GOV" and bool(phrase.code)


def _is_place(phrase: Phrase, kinds: tuple[str, ...]) -> bool:
    # «من فلسطينيين واسرائيليين»: a plural demonym is a noun, the crowd's make-up, not its place
    return phrase.kind in kinds and bool(phrase.code) and "plural" not in phrase.flags


def _can_be_located(phrase: Phrase) -> bool:
    if phrase.code or phrase.kind not in ("role", "generic", "person") or phrase.office in _POSTED_OFFICES:
        return False
    return phrase.sector in _LOCATED_SECTORS and phrase.flags.isdisjoint({"qualified", "demonymonly"})


def _is_locative(phrase: Phrase, gap: str, lang: str) -> bool:
    """The gap says presence or origin («في», «من», "in", "from", «à»), or, after a construct
    noun or a local official's title, only administrative words («سكان مدينة», «حاكم منطقة بشرق»)."""
    construct = "construct" in phrase.flags or "place" in phrase.flags
    if lang == "ar" and construct and (gap == " " or _JURISDICTION_AR.match(gap)):
        return True
    match = _LOCATIVE.get(lang, _LOCATIVE["en"]).match(gap)
    if match is None:
        return False
    fillers = (match.group(1) or "").split()
    return len(fillers) <= 4 and not any(w.removeprefix("و") in _FILLER_STOPS for w in fillers)


def _named_place(phrase: Phrase, gap: str) -> str:
    """«من قرية كفر قليل جنوب نابلس», «سكان مدينة الموصل»: a place name after an administrative word."""
    match = _NAMED_PLACE_AR.match(gap)
    if match is None or not (match.group(1) or "construct" in phrase.flags or "place" in phrase.flags):
        return ""
    names = match.group(2).split(" ")
    for count in range(len(names), 0, -1):
        if code := place_country(" ".join(names[:count])):
            return code
    return ""
