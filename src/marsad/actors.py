"""Actors: countries, governments, officials by role, armed groups, IGOs.

    recognizer = load_actor_recognizer()        # builds the gazetteers once
    article = recognizer(article)               # fills article.mentions

Per sentence: one pass of the language's Aho-Corasick automaton over the folded text
(`marsad.gazetteer`), longest non-overlapping matches, then noun-phrase rules join a
role word with its country ("Iraqi Foreign Minister", «وزير الخارجية العراقي»,
"ministre irakien des Affaires étrangères") and with a following name, into one
mention. Then article-level resolution: a bare surname counts once its person was
named; a role with no country takes the country of the latest compatible role.

Coding decisions (PLOVER has no rule for these; docs/decisions.md should carry them):
- A bare country or demonym has sector "": the state as a whole; the event coder
  reads it as the state. A capital or seat of government (Baghdad, the Elysee) is
  kind "capital", the state's code, sector GOV; the coder decides agent or place.
- Islamic State and al-Qaeda: IMG + REB. Hezbollah: LBN + PRM (armed, but not in
  opposition to its government). The US-led / international / Global Coalition: IGO + MIL,
  name "Global Coalition against Daesh" (a multinational force, not the leading state).
  NATO: IGO. Kataib Hezbollah and the PMF: IRQ + PRM; a patron named in apposition ("an
  armed faction linked to Iran", "Iran-backed", «الموالية لإيران») is dropped, never recodes
  the group. SDF and the north-east Syria administration: SYR + REB; PKK: TUR + REB;
  Kurdistan Regional Government: IRQ + GOV; Peshmerga: IRQ + MIL. Taliban: AFG + GOV
  (de facto government since 2021; older news would say REB).
- Mentions inside a dateline ("BAGHDAD, Oct 14 (Wire) - ") are not actors (`marsad.dateline`).
- Coordinated states share a role, one mention each: "Iraqi and French foreign ministers",
  "les ministres irakien et français", «وزيرا خارجية العراق وفرنسا» (a dual or plural role
  governs coordinated country names; a demonym after "and" always takes the role).
- A person the coder does not know, named after a title, gets the name as written in `name`.
- A mention that includes a person's name has kind "person", otherwise "role".
- A role with no country and no antecedent has code "" (never guessed from the
  sentence); "official"/"sources" then get sector UNK; gunmen get "" + UAF.
"""

from __future__ import annotations

import functools
import logging
import re
import time
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from marsad.dateline import dateline_end
from marsad.gazetteer import Gazetteer, GazetteerEntry, Hit, builtin_entries, read_table
from marsad.model import Article, Entity, Mention, Sentence
from marsad.normalize import Folded, fold, fold_text

log = logging.getLogger(__name__)

_MODIFIERS = ("country", "demonym", "igo")
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
def _name_stopwords() -> frozenset[str]:
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


@dataclass
class _ArticleMemory:
    """What earlier sentences of the article said: named people, roles with a country."""

    people: set[str] = field(default_factory=set)
    antecedents: list[Phrase] = field(default_factory=list)


class ActorRecognizer:
    """Marks actor mentions in an article; build once with `load_actor_recognizer`."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, article: Article) -> Article:
        memory = _ArticleMemory()
        mentions: list[Mention] = []
        for sentence in article.sentences:
            mentions.extend(self.recognize(sentence, article.language, memory))
        return replace(article, mentions=tuple(mentions))

    def recognize(self, sentence: Sentence, language: str, memory: _ArticleMemory) -> list[Mention]:
        folded = fold(sentence.text, base=sentence.start)
        local = tuple(offset - sentence.start for offset in folded.offsets)
        lang = language if language in self.gazetteer.automata else _guess_script(folded.text)
        hits = self.gazetteer.find(folded.text, sentence.text, local, lang)
        if lang != "ar":
            role_ends = {h.end for h in hits if h.entry.kind == "role"}
            hits = [
                h for h in hits if not _inside_longer_name(h, role_ends, folded.text, local, sentence.text)
            ]
        cut = _dateline_cut(sentence)
        hits = [h for h in _longest_matches(hits) if local[h.start] >= cut]
        phrases = [_annotate(Phrase.from_hit(h), folded.text, lang) for h in hits]
        phrases = [p for p in phrases if not _is_affiliation(p, folded.text, lang)]
        phrases = _compose(phrases, folded, sentence, lang)
        resolved = [r for p in phrases if (r := _resolve(p, memory)) is not None]
        return [self._mention(p, folded, sentence) for p in resolved]

    def _mention(self, phrase: Phrase, folded: Folded, sentence: Sentence) -> Mention:
        start, end = folded.span(phrase.start, phrase.end)
        text = sentence.text[start - sentence.start : end - sentence.start]
        name = phrase.name
        if not name and phrase.kind in ("country", "demonym", "capital"):
            name = self.gazetteer.names_by_code.get(phrase.code, "")
        elif not name and phrase.name_start >= 0:  # an unknown person: the name as written
            name_start, _ = folded.span(phrase.name_start, phrase.end)
            name = sentence.text[name_start - sentence.start : end - sentence.start]
        entity = Entity(phrase.code, phrase.sector, text, name, phrase.identifier, phrase.office)
        return Mention(sentence.index, start, end, entity, phrase.kind)


def load_actor_recognizer(extra_gazetteer: Path | None = None) -> ActorRecognizer:
    """Build the gazetteers once; rows of `extra_gazetteer` (TSV or JSONL) win over built-ins."""
    started = time.perf_counter()
    entries: list[GazetteerEntry] = read_table(extra_gazetteer) if extra_gazetteer else []
    gazetteer = Gazetteer(entries + builtin_entries())
    log.debug("actor gazetteer: %d keys in %.3f s", gazetteer.size, time.perf_counter() - started)
    return ActorRecognizer(gazetteer)


def _guess_script(text: str) -> str:
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    return "ar" if arabic * 3 > len(text) else "en"


def _inside_longer_name(
    hit: Hit, role_ends: set[int], folded: str, offsets: tuple[int, ...], text: str
) -> bool:
    """A surname known only by coreference, after a capitalised word that is no title ("Saddam Hussein")."""
    if "after" not in hit.entry.flags or hit.start - 1 in role_ends:
        return False
    before = text[: offsets[hit.start]].rstrip().split(" ")[-1]
    return bool(before) and before[0].isupper() and folded[: hit.start].endswith(" ")


def _longest_matches(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping matches (the leftmost among equals), in text order."""
    taken: list[Hit] = []
    occupied: set[int] = set()
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        span = range(hit.start, hit.end)
        if not occupied.intersection(span):
            taken.append(hit)
            occupied.update(span)
    return sorted(taken, key=lambda h: h.start)


def _compose(phrases: list[Phrase], folded: Folded, sentence: Sentence, lang: str) -> list[Phrase]:
    """Join adjacent phrases into noun phrases, then absorb a following name after a title."""
    out: list[Phrase] = []
    for phrase in phrases:
        joined = _join(out[-1], phrase, folded.text[out[-1].end : phrase.start], lang) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(phrase)
    out = _coordinate(out, folded.text, lang)
    limits = [p.start for p in out[1:]] + [len(folded.text)] if out else []
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
        return _join_title_name(left, right, gap)
    if "stack" in left.flags and right.kind == "role" and "title" in right.flags and gap in _APPOSITION_GAPS:
        return replace(right, start=left.start)  # «نائب رئيس الوزراء وزير الخارجية»: one person
    if right.kind == "demonym" and gap == " " and lang != "en" and not left.code:
        return _with_country(left, right, end=right.end)
    if right.kind == "office" and gap == " " and "joined" in left.flags:
        return _with_office(left, right)
    if right.kind in ("country", "igo") and not left.code and _is_of_gap(left, gap, lang):
        return _with_country(left, right, end=right.end)
    if right.kind == "country" and _is_arabic_adjective(left, right, gap, lang):
        return _with_country(left, right, end=right.end)  # «السلطات السورية»: "Syrian", not "Syria"
    return _join_title_name(left, right, gap)


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
        )
    return None


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


def _annotate(phrase: Phrase, text: str, lang: str) -> Phrase:
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
    return replace(phrase, flags=frozenset(flags))


def _absorb_name(phrase: Phrase, limit: int, folded: Folded, sentence: Sentence, lang: str) -> Phrase:
    """Extend a title with the unknown name that follows it ("Foreign Minister Jane Doe")."""
    if phrase.kind != "role" or "title" not in phrase.flags:
        return phrase
    if lang == "ar":
        end = _arabic_name_end(folded.text, phrase.end, limit) if phrase.code else phrase.end
    else:
        end = _latin_name_end(folded, phrase.end, limit, sentence)
    if end <= phrase.end:
        return phrase
    return replace(phrase, end=end, kind="person", name_start=phrase.end + 1)


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
        if not capital or word in _name_stopwords():
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
        if word in _name_stopwords() or (words == 0 and word.startswith(_AR_DEFINITE)):
            break
        end, words = match.end(), words + 1
    return end if words >= 2 else position


def _resolve(phrase: Phrase, memory: _ArticleMemory) -> Phrase | None:
    """Article-level decisions; None drops the phrase."""
    if phrase.kind == "office" or ("after" in phrase.flags and phrase.name not in memory.people):
        return None
    if phrase.kind == "person" and phrase.name:
        memory.people.add(phrase.name)
    if phrase.kind == "demonym" and "plural" in phrase.flags:
        phrase = replace(phrase, sector="CVL")
    if phrase.kind not in ("role", "person"):
        return phrase
    resolved = phrase if phrase.code else _resolve_bare_role(phrase, memory)
    if resolved is not None and resolved.code:
        memory.antecedents.append(resolved)
    return resolved


def _resolve_bare_role(phrase: Phrase, memory: _ArticleMemory) -> Phrase | None:
    if "needcountry" in phrase.flags and "joined" not in phrase.flags:
        return None
    if "coref" in phrase.flags and "indefinite" not in phrase.flags and phrase.kind == "role":
        for earlier in reversed(memory.antecedents):
            if earlier.sector == phrase.sector and _same_office(phrase.office, earlier.office):
                return replace(phrase, code=earlier.code, name=phrase.name or earlier.name)
    bare = next((f.split(":", 1)[1] for f in phrase.flags if f.startswith("bare:")), "")
    return replace(phrase, sector=bare) if bare else phrase


def _same_office(bare: str, earlier: str) -> bool:
    """ "the minister" can be the foreign minister, not the prime minister (never "the minister")."""
    bare, earlier = bare.lower(), earlier.lower()
    if bare not in earlier:
        return False
    return bare == earlier or not earlier.endswith(("prime " + bare, "vice " + bare, "deputy " + bare))


def _dateline_cut(sentence: Sentence) -> int:
    """Where a dateline ("BAGHDAD, Oct 14 (Wire) - ") ends in one of the first sentences; else 0.

    Only a capitalised first word, or up to three Arabic words, make a place: "The minister - who
    ... - said" is no dateline, nor a headline run into the dateline."""
    if sentence.index > 2:
        return 0
    cut = dateline_end(sentence.text)
    place = re.split(r"\s[-–—]\s", sentence.text[:cut])[0].split()
    first = place[0].strip(",") if place else ""
    latin_caps = first.isupper() and len(first) > 1
    arabic = bool(first) and "\u0600" <= first[0] <= "\u06ff" and len(place) <= 3  # not a headline
    return cut if latin_caps or arabic else 0


_AFFILIATION = {
    "en": re.compile(
        r"(\b(linked|backed|aligned|allied|loyal|close|affiliated|supported|funded|sponsored|armed|financed)"
        r" (to|by|with)( the)? |\bpro-?)$"
    ),
    "fr": re.compile(
        r"(\b(liee?s?|proches?|soutenue?s?|affiliee?s?|fideles?|financee?s?|armee?s?) (a|de|par)"
        r"( l'| la | le | les | |d')?|\bpro-)$"
    ),
    "ar": re.compile(
        r"(الموالي|المواليه|الموالين|المرتبط|المرتبطه|المرتبطين|المحسوب علي|المحسوبه علي"
        r"|(المدعوم|المدعومه|المدعومين|المقرب|المقربه|المقربين) من( قبل)?) ?$"
    ),
}
_AFFILIATION_SUFFIX = re.compile(r"-(backed|aligned|linked|allied|sponsored|funded)\b")


def _is_affiliation(phrase: Phrase, text: str, lang: str) -> bool:
    """A state named only as a patron ("a faction linked to Iran", "Iran-backed", «الموالية لإيران»)
    is no actor of the sentence: it must not recode or displace the group it qualifies."""
    if phrase.kind not in ("country", "demonym", "capital"):
        return False
    before = text[max(0, phrase.start - 40) : phrase.start]
    if lang == "ar" and before[-1:] in ("ل", "ب") and before[-2:-1] == " ":
        before = before[:-1]  # the clitic of «لإيران», «بإيران»
    pattern = _AFFILIATION.get(lang, _AFFILIATION["en"])
    return bool(pattern.search(before) or _AFFILIATION_SUFFIX.match(text, phrase.end))


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
