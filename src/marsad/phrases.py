"""Noun-phrase rules over gazetteer matches: one mention per noun phrase.

    phrases = [annotate(Phrase.from_hit(hit), folded.text, lang) for hit in hits]
    phrases = compose(phrases, folded, sentence, lang)

A role word joins its country ("Iraqi Foreign Minister", «وزير الخارجية العراقي», "ministre
irakien des Affaires étrangères"), a following name after a title, and coordinated states
share a role. A local official's place ("Kirkuk's governor", «محافظ كركوك», "le gouverneur
de Deraa") gives the country through the places gazetteer (`marsad.geonames`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from importlib import resources

from marsad.gazetteer import Hit
from marsad.geonames import load_gazetteer
from marsad.model import Sentence
from marsad.normalize import Folded, fold_text
from marsad.places import load_common_words

_MODIFIERS = ("country", "demonym", "igo")
_HONORIFICS = frozenset({"Emir", "King", "Officer"})  # titles that stand before a name, after an office
_EN_POSSESSIVE_GAPS = (" ", "'s ")
_EN_OF = re.compile(r"^ of (the )?$")
_FR_OF = re.compile(r"^ (de |du |des |d'|de la |de l')$")
_APPOSITION_GAPS = (" ", ", ")
_AR_DEFINITE = ("ال", "وال", "بال", "لل", "فال", "كال")
_ARMED_SECTORS = ("MIL", "REB", "PRM")
_INDEFINITE = (" a ", " an ", " another ", " un ", " une ", " un autre ", " une autre ")
_NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ben", "ibn", "abu", "abou", "de", "du", "le", "la", "van", "von"}
)


@functools.cache
def name_stopwords() -> frozenset[str]:
    """Words that end a name read after a title (`data/actors/name_stopwords.txt`)."""
    text = (resources.files("marsad") / "data" / "actors" / "name_stopwords.txt").read_text(encoding="utf-8")
    return frozenset(fold_text(w) for w in text.split("\n") if w.strip() and not w.startswith("#"))


@dataclass(frozen=True, slots=True)
class Phrase:
    """A candidate mention in folded sentence coordinates, grown by the noun-phrase rules."""

    start: int
    end: int
    kind: str
    code: str
    sector: str
    name: str = ""
    identifier: str = ""
    office: str = ""
    flags: frozenset[str] = frozenset()
    name_start: int = -1  # where an unknown name absorbed after a title starts

    @classmethod
    def from_hit(cls, hit: Hit) -> Phrase:
        e = hit.entry
        return cls(hit.start, hit.end, e.kind, e.code, e.sector, e.name, e.identifier, e.office, e.flags)


def compose(phrases: list[Phrase], folded: Folded, sentence: Sentence, lang: str) -> list[Phrase]:
    """Join adjacent phrases into noun phrases, then absorb a following name after a title."""
    out: list[Phrase] = []
    for phrase in phrases:
        if out and lang == "ar" and _is_party_name(out[-1], phrase, folded.text):
            out[-1] = _with_country(out[-1], phrase, end=phrase.end)  # «حزب الغد المصري»
            continue
        if out and _is_armed_adjective(out[-1], phrase, folded.text, lang):
            out[-1] = replace(out[-1], end=phrase.end)  # «المهربين المسلحين»: armed smugglers
            continue
        joined = _join(out[-1], phrase, folded.text[out[-1].end : phrase.start], lang) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(phrase)
    out = _insurgent_adjectives(out, folded.text) if lang == "ar" else out
    out = _attach_qualifiers(out, folded.text, lang)
    out = _coordinate(out, folded.text, lang)
    limits = [p.start for p in out[1:]] + [len(folded.text)] if out else []
    bounds = zip([0] + [p.end for p in out], limits, strict=False)  # the gaps around each phrase
    out = [_with_place(p, bound, folded, sentence, lang) for p, bound in zip(out, bounds, strict=False)]
    return [_absorb_name(p, limit, folded, sentence, lang) for p, limit in zip(out, limits, strict=True)]


def _join(left: Phrase, right: Phrase, gap: str, lang: str) -> Phrase | None:
    """One noun phrase from two adjacent ones, or None when they stay apart."""
    if left.kind == "generic" and right.kind == "demonym" and gap == " " and lang != "en":
        return replace(left, end=right.end, code=right.code)  # «مسلحون فلسطينيون»: still unidentified
    if left.kind == "demonym" and right.kind == "generic" and gap == " " and lang == "en":
        return replace(right, start=left.start, code=left.code)
    if left.kind in _MODIFIERS and right.kind == "role" and not right.code and lang == "en":
        ok = gap in _EN_POSSESSIVE_GAPS
        return _with_country(right, left, start=left.start) if ok else None
    if left.kind == "group" and right.kind == "role" and right.sector in _ARMED_SECTORS and gap == " ":
        return replace(left, end=right.end) if lang == "en" else None
    if left.kind != "role":
        return _join_name_title(left, right, gap) or _join_title_name(left, right, gap)
    if "stack" in left.flags and right.kind == "role" and "title" in right.flags and gap in _APPOSITION_GAPS:
        return replace(right, start=left.start)  # «نائب رئيس الوزراء وزير الخارجية»: one person
    if left.code and "title" in left.flags and right.office in _HONORIFICS and not right.code and gap == " ":
        return replace(left, end=right.end)  # «وزير الخارجية السعودي الأمير ...»: the name follows
    if right.kind == "demonym" and gap == " " and lang != "en" and not left.code:
        return _with_country(left, right, end=right.end)
    if right.kind == "office" and gap == " " and "joined" in left.flags:
        return _with_office(left, right)
    if "demonymonly" in left.flags:  # "the Turkish side", not «إلى جانب العراق» ("alongside Iraq")
        return None
    if right.kind in ("country", "igo") and not left.code and _is_of_gap(left, gap, lang):
        return _with_country(left, right, end=right.end)
    if right.kind == "country" and _is_arabic_adjective(left, right, gap, lang):
        return _with_country(left, right, end=right.end)  # «السلطات السورية»: "Syrian", not "Syria"
    return _join_title_name(left, right, gap)


def _is_party_name(party: Phrase, demonym: Phrase, text: str) -> bool:
    """One to three name words between «حزب» and a masculine definite demonym that qualifies it
    («حزب العدالة والتنمية التركي»); a function word or a feminine demonym («حزب الغد في
    العاصمة المصرية») belongs to another noun."""
    if "named" not in party.flags or party.code or demonym.kind != "demonym" or "plural" in demonym.flags:
        return False
    adjective = text[demonym.start : demonym.end]
    if not (adjective.startswith("ال") and adjective.endswith("ي")):
        return False
    gap = text[party.end : demonym.start]
    words = gap.split()
    if not (gap.startswith(" ") and gap.endswith(" ") and 0 < len(words) <= 3):
        return False
    stopwords = name_stopwords()
    return not any(w in stopwords or w.removeprefix("و") in stopwords for w in words)


def _is_armed_adjective(noun: Phrase, adjective: Phrase, text: str, lang: str) -> bool:
    """«مسلحين» after an Arabic noun it agrees with (article and ending) qualifies it; when they
    disagree it is another actor («هاجم المتظاهرين مسلحون»: gunmen attacked the protesters)."""
    if lang != "ar" or adjective.kind != "generic" or adjective.sector != "UAF" or noun.code:
        return False
    if noun.kind not in ("generic", "role") or text[noun.end : adjective.start] != " ":
        return False
    word, head = text[adjective.start : adjective.end], text[noun.start : noun.end]
    if " " in word or not word.removeprefix("ال").startswith("مسلح"):
        return False
    return word.startswith("ال") == head.startswith("ال") and word[-2:] == head[-2:]


# An agreeing adjective that makes armed men insurgents: «جنودا متمردين» (rebel soldiers, for
# MIL and UAF nouns), «مسلحين إسلاميين» (Islamist militants, for gunmen only): PLOVER REB, as
# English "militants". A bare or a demonym-qualified «مسلحون» stays "gunmen" (UAF).
_INSURGENT_STEMS = {"متمرد": ("MIL", "UAF"), "اسلامي": ("UAF",), "جهادي": ("UAF",)}
_ARABIC_WORD = re.compile(r" ([^\W_]+)")


def _insurgent_adjectives(phrases: list[Phrase], text: str) -> list[Phrase]:
    out: list[Phrase] = []
    for phrase in phrases:
        if out and phrase.start < out[-1].end:
            continue  # the adjective's own hit («متمردين») is inside the grown noun
        out.append(_as_insurgents(phrase, text))
    return out


def _as_insurgents(noun: Phrase, text: str) -> Phrase:
    if noun.code or noun.kind not in ("generic", "role") or noun.sector not in ("MIL", "UAF"):
        return noun
    match = _ARABIC_WORD.match(text, noun.end)
    if match is None:
        return noun
    head, word = text[noun.start : noun.end].split(" ")[-1], match.group(1)
    stem = word.removeprefix("ال")
    sectors = next((v for k, v in _INSURGENT_STEMS.items() if stem.startswith(k)), ())
    gunmen = head.removeprefix("ال").startswith("مسلح")
    if noun.sector not in sectors or (noun.sector == "UAF" and not gunmen):
        return noun
    if head.startswith("ال") != word.startswith("ال") or not _same_case(head, word):
        return noun
    return replace(noun, end=match.end(), sector="REB")


def _same_case(head: str, adjective: str) -> bool:
    """Indefinite agreement by ending: «جنودا متمردين», «مسلحين إسلاميين»; «جنود متمردين» may be
    two actors (soldiers [killed] rebels), so a bare broken plural agrees with nothing."""
    if head.startswith("ال"):
        return True
    if head.endswith("ا"):
        return adjective.endswith(("ين", "ا"))
    return head.endswith(("ين", "ون", "ي")) and head[-2:] == adjective[-2:]


def _join_name_title(left: Phrase, right: Phrase, gap: str) -> Phrase | None:
    """An untitled name then its title, in apposition («محمد X عمدة المدينة»): the role's holder."""
    if "untitled" not in left.flags or right.kind != "role" or "title" not in right.flags:
        return None
    if gap not in _APPOSITION_GAPS:
        return None
    return replace(right, start=left.start, kind="person", flags=right.flags | {"joined", "named_before"})


def _join_title_name(left: Phrase, right: Phrase, gap: str) -> Phrase | None:
    if left.kind == "role" and "title" in left.flags and right.kind == "person" and gap in _APPOSITION_GAPS:
        return replace(
            left,
            end=right.end,
            kind="person",
            code=left.code or right.code,
            name=right.name,
            identifier=right.identifier,
            office=left.office or right.office,
            flags=left.flags | {"joined"},
            name_start=right.start,
        )
    return None


# People inside an organisation take its country, and its sector when they are plain members:
# "officials of an Iraqi militia", "des responsables d'une milice irakienne", «قادة فصيل عراقي
# مسلح», «عناصر من طالبان»; "le chef d'état-major de l'armée irakienne" (IRQ, MIL).
_MEMBER_OFFICES = frozenset({"Official", "Leader", "Member", "Spokesperson", "Rebels"})  # fighters of X are X
_MEMBER_GAP = {
    "en": re.compile(r"^ (of|from) (the |an |a )?$"),
    "fr": re.compile(r"^ (de |du |des |d'|de la |de l')(une |un |la |l')?$"),
    "ar": re.compile(r"^ (من )?$"),
}
# An envoy's or a mission's "for Syria" names its brief, not a participant: "the UN envoy for
# Syria", "la mission de l'OTAN en Irak", «المبعوث الأممي الخاص إلى سوريا».
_ENVOY_OFFICES = frozenset({"Envoy", "Mission"})
_ENVOY_GAP = {
    "en": re.compile(r"^ (for|to|in) (the )?$"),
    "fr": re.compile(r"^ (pour|en|au|aux|a|aupres de|aupres du|dans) (la |le |l'|les )?$"),
    "ar": re.compile(r"^ (الخاص |الخاصه )?(الي |لدي |في |ب|ل)$"),
}


def _attach_qualifiers(phrases: list[Phrase], text: str, lang: str) -> list[Phrase]:
    """Grow a member role over the organisation it belongs to, and an envoy over its brief."""
    out: list[Phrase] = []
    for phrase in phrases:
        grown = _qualified(out[-1], phrase, text[out[-1].end : phrase.start], lang) if out else None
        if grown is not None:
            out[-1] = grown
        else:
            out.append(phrase)
    return out


# Gunmen "from" a civilian community are armed men of it, not two actors: «مسلحين من القبائل»,
# "gunmen from the tribes", "des hommes armés parmi les habitants".
_FROM_GAP = {
    "en": re.compile(r"^ (from|among) (the )?$"),
    "fr": re.compile(r"^ (parmi|issus de|issus des) (les )?$"),
    "ar": re.compile(r"^ من $"),
}


def _qualified(left: Phrase, right: Phrase, gap: str, lang: str) -> Phrase | None:
    if left.kind == "generic" and left.sector == "UAF" and right.kind == "role" and right.sector == "CVL":
        from_gap = _FROM_GAP.get(lang, _FROM_GAP["en"]).match(gap)
        return replace(left, end=right.end, code=left.code or right.code) if from_gap else None
    if left.kind == "generic" and right.kind == "group" and _is_member_of(left, right, gap, lang):
        # "gunmen from the Islamic State group", «مسلحون من تنظيم داعش»: the group acted
        return replace(
            left, end=right.end, kind="group", code=right.code, sector=right.sector, name=right.name
        )
    if left.kind != "role" or "demonymonly" in left.flags:  # «بجانب دورية ألمانية»: "beside"
        return None
    if _is_member_of(left, right, gap, lang):
        # "officials of a militia" are the militia; "the chief of staff of the Iraqi army" keeps MIL
        member = left.office in _MEMBER_OFFICES or not left.sector
        sector = right.sector or left.sector if member else left.sector
        flags = left.flags | {"joined", "qualified"}
        return replace(left, end=right.end, code=right.code, sector=sector, flags=flags)
    envoy = left.office in _ENVOY_OFFICES and (left.code or left.office == "Envoy")
    if envoy and right.kind == "country" and _ENVOY_GAP[lang].match(gap):
        return replace(left, end=right.end, flags=left.flags | {"qualified"})
    return None


def _is_member_of(left: Phrase, right: Phrase, gap: str, lang: str) -> bool:
    if left.code or not right.code or right.kind not in _ORGANISATIONS or not _MEMBER_GAP[lang].match(gap):
        return False
    return lang != "ar" or gap != " " or "construct" in left.flags  # «قادة فصيل»: construct state


_ORGANISATIONS = frozenset({"group", "igo", "role"})


def _with_country(role: Phrase, country: Phrase, start: int = -1, end: int = -1) -> Phrase:
    return replace(
        role,
        start=role.start if start < 0 else start,
        end=role.end if end < 0 else end,
        code=country.code,
        flags=role.flags | {"joined"},
    )


def _with_office(role: Phrase, office: Phrase) -> Phrase:
    """ "ministre turc" + "de la Défense": the ministry of defence is military, its minister is not."""
    if not role.office.endswith("Ministry"):
        return replace(role, end=office.end, office=office.office)
    ministry = office.office.replace("Minister", "Ministry")
    return replace(
        role, end=office.end, office=ministry, sector="MIL" if "Defence" in ministry else role.sector
    )


def _is_arabic_adjective(role: Phrase, country: Phrase, gap: str, lang: str) -> bool:
    """A definite role then a definite country name ending in taa marbuta reads as a demonym."""
    if lang != "ar" or role.code or gap != " " or "construct" in role.flags:
        return False
    return country.flags.isdisjoint({"plural"}) and "definite_feminine" in country.flags


def _is_of_gap(role: Phrase, gap: str, lang: str) -> bool:
    """ "Foreign Minister of Iraq", "ministre ... de l'Irak", «وزير خارجية العراق» (construct state)."""
    if lang == "en":
        return bool(_EN_OF.match(gap))
    if lang == "fr":
        return bool(_FR_OF.match(gap))
    return gap == " " and "construct" in role.flags


def annotate(phrase: Phrase, text: str, lang: str) -> Phrase:
    """Flag what the context says about a role: indefinite ("a minister": no coreference);
    Arabic construct state (no article on the last word: it can govern a country, idafa); an
    Arabic country name that could be a feminine demonym («السورية»: Syria or Syrian)."""
    if phrase.kind == "country" and lang == "ar":
        word = text[phrase.start : phrase.end]
        feminine = word.startswith("ال") and word.endswith("ه") and " " not in word
        return replace(phrase, flags=phrase.flags | {"definite_feminine"}) if feminine else phrase
    if phrase.kind != "role":
        return phrase
    flags = set(phrase.flags)
    if (" " + text[: phrase.start]).endswith(_INDEFINITE):
        flags.add("indefinite")
    begin = phrase.start
    while begin > 0 and text[begin - 1].isalnum():
        begin -= 1
    if lang == "ar" and not text[begin : phrase.end].split(" ")[-1].startswith(_AR_DEFINITE):
        flags.add("construct")
    return phrase if flags == phrase.flags else replace(phrase, flags=frozenset(flags))


def _absorb_name(phrase: Phrase, limit: int, folded: Folded, sentence: Sentence, lang: str) -> Phrase:
    """Extend a title with the unknown name that follows it ("Foreign Minister Jane Doe")."""
    if phrase.kind != "role" or "title" not in phrase.flags or not phrase.flags.isdisjoint(_NAMELESS):
        return phrase  # «محافظ البصرة بفتح تحقيق»: no name after the place
    if lang == "ar":
        end = _arabic_name_end(folded.text, phrase.end, limit) if phrase.code else phrase.end
    else:
        end = _latin_name_end(folded, phrase.end, limit, sentence)
    if end <= phrase.end:
        return phrase
    return replace(phrase, end=end, kind="person", name_start=phrase.end + 1)


_NAMELESS = frozenset({"placed", "qualified"})  # a place or an organisation ends the title's phrase
_TOKEN = re.compile(r" ([^\W_][\w'-]*)")


def _latin_name_end(folded: Folded, position: int, limit: int, sentence: Sentence) -> int:
    end, names = position, 0
    for _ in range(4):
        match = _TOKEN.match(folded.text, end)
        if match is None or match.end() > limit:
            break
        word = match.group(1)
        capital = sentence.text[folded.offsets[match.start(1)] - sentence.start].isupper()
        if word.split("-")[0] in _NAME_PARTICLES and names:
            end = match.end()
            continue
        if not capital or word in name_stopwords():
            break
        end, names = match.end(), names + 1
    return end if names else position


def _arabic_name_end(text: str, position: int, limit: int) -> int:
    """Up to three name-like words; at least two, none a function word or common verb."""
    end, words = position, 0
    for _ in range(3):
        match = _TOKEN.match(text, end)
        if match is None or match.end() > limit:
            break
        word = match.group(1)
        if word in name_stopwords() or (words == 0 and word.startswith(_AR_DEFINITE)):
            break
        end, words = match.end(), words + 1
    return end if words >= 2 else position


_COORDINATION = {
    "en": re.compile(r"^(, | and |, and )(of )?(the )?$"),
    "fr": re.compile(r"^(, | et )(de |du |des |d'|de la |de l')?$"),
    "ar": re.compile(r"^ ?,? و?$"),
}


def _coordinate(phrases: list[Phrase], text: str, lang: str) -> list[Phrase]:
    """Share a role between coordinated states, one mention each: "Iraqi and French foreign
    ministers", "les ministres irakien et français", «وزيرا خارجية العراق وفرنسا»."""
    out = list(phrases)
    pattern = _COORDINATION.get(lang, _COORDINATION["en"])
    for i in range(len(out) - 1):
        left, right = out[i], out[i + 1]
        if not pattern.match(text[left.end : right.start]):
            continue
        if lang == "en" and left.kind == "demonym" and right.kind == "role" and "joined" in right.flags:
            out[i] = _shared_role(right, left)  # the role follows the last modifier
        elif left.kind == "role" and left.code and "joined" in left.flags and _can_share(left, right, lang):
            out[i + 1] = _shared_role(left, right)
    return out


def _can_share(role: Phrase, state: Phrase, lang: str) -> bool:
    # «الجيش السوري وروسيا» is the army and Russia; a dual or plural role governs both states.
    if state.kind == "demonym":
        return lang != "en" or "plural" in role.flags
    return state.kind == "country" and "plural" in role.flags


def _shared_role(role: Phrase, state: Phrase) -> Phrase:
    return replace(role, start=state.start, end=state.end, code=state.code, name="", identifier="")


# A local official's place: "governor of Kirkuk", "le gouverneur de la province de Deraa",
# «محافظ كركوك» (construct state), or before the title: "Kirkuk's governor", "Basra governor".
_PLACE_AFTER = {
    "en": re.compile(r" of (the )?((province|city|governorate) of )?"),
    "fr": re.compile(r" (de |du |d'|de la )((la )?(province|ville) (de |d'))?"),
    "ar": re.compile(r" "),
}
_PLACED = frozenset({"joined", "placed"})
_PLACE_BEFORE = re.compile(r"('s)? $")


def _with_place(
    phrase: Phrase, bounds: tuple[int, int], folded: Folded, sentence: Sentence, lang: str
) -> Phrase:
    """A governor or mayor with no country takes the country of the place named with the title."""
    if phrase.kind != "role" or phrase.code or "place" not in phrase.flags:
        return phrase
    gap = _PLACE_AFTER[lang].match(folded.text, phrase.end)
    capital = gap is not None and (lang == "ar" or _is_capitalised(gap.end(), folded, sentence))
    if gap is not None and capital:
        words = _PLACE_WORDS.match(folded.text, gap.end(), bounds[1])
        names = words.group(0).split(" ") if words else []
        for count in range(len(names), 0, -1):
            name = " ".join(names[:count])
            if code := place_country(name):
                return replace(
                    phrase, end=gap.end() + len(name), code=code, flags=phrase.flags | {"joined", "placed"}
                )
    return _with_place_before(phrase, bounds[0], folded, sentence, lang)


_PLACE_WORDS = re.compile(r"[^\W_][\w'-]*( [^\W_][\w'-]*){0,2}")


def _is_capitalised(position: int, folded: Folded, sentence: Sentence) -> bool:
    return sentence.text[folded.offsets[position] - sentence.start].isupper()


def _with_place_before(phrase: Phrase, begin: int, folded: Folded, sentence: Sentence, lang: str) -> Phrase:
    before = _PLACE_BEFORE.search(folded.text, begin, phrase.start)
    if lang != "en" or before is None:
        return phrase
    words = folded.text[begin : before.start()].split(" ")[-2:]
    for count in range(len(words), 0, -1):
        name = " ".join(words[-count:])
        start = before.start() - len(name)
        if name and _is_capitalised(start, folded, sentence) and place_country(name):
            return replace(
                phrase, start=start, code=place_country(name), flags=phrase.flags | {"joined", "placed"}
            )
    return phrase


@functools.cache
def place_country(name: str) -> str:
    """The country of a province or city name; "" when unknown, a common word, or in several countries."""
    if len(name) < 3 or name in load_common_words():
        return ""
    places = [p for p in load_gazetteer().lookup(name) if p.resolution != "country"]
    countries = {p.country for p in places}
    if len(countries) != 1:
        countries = {p.country for p in places if p.resolution == "province"}
    return countries.pop() if len(countries) == 1 else ""
