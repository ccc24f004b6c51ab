"""Actors: countries, governments, officials by role, armed groups, IGOs.

    recognizer = load_actor_recognizer()        # builds the gazetteers once
    article = recognizer(article)               # fills article.mentions

Per sentence: one pass of the language's Aho-Corasick automaton over the folded text
(`marsad.gazetteer`), longest non-overlapping matches, then noun-phrase rules (`marsad.phrases`) join a
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
- A governor or mayor takes the country of the province or city named with the title
  ("Kirkuk's governor", «محافظ كركوك», "le gouverneur de Deraa"), looked up in the places
  gazetteer (`marsad.geonames`, loaded at the first such title); a name found in two countries
  gives no code. "Side" is the government only with a demonym ("the Turkish side").
- A role with no country and no antecedent has code "" (never guessed from the
  sentence); "official"/"sources" then get sector UNK; gunmen get "" + UAF.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from marsad.dateline import dateline_end
from marsad.gazetteer import Gazetteer, GazetteerEntry, Hit, builtin_entries, read_table
from marsad.model import Article, Entity, Mention, Sentence
from marsad.normalize import Folded, fold
from marsad.phrases import Phrase, annotate, compose

log = logging.getLogger(__name__)


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
        phrases = [annotate(Phrase.from_hit(h), folded.text, lang) for h in hits]
        phrases = [p for p in phrases if not _is_affiliation(p, folded.text, lang)]
        phrases = compose(phrases, folded, sentence, lang)
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
    """Where a dateline ends in one of the first sentences; else 0 (a dateline opens a story)."""
    return dateline_end(sentence.text) if sentence.index <= 2 else 0


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
