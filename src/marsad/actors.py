"""Actors: countries, governments, officials by role, armed groups, IGOs.

    recognizer = load_actor_recognizer()        # builds the gazetteers once
    article = recognizer(article)               # fills article.mentions

Per sentence: one pass of the language's Aho-Corasick automaton over the folded text
(`marsad.gazetteer`), longest non-overlapping matches, then noun-phrase rules (`marsad.phrases`) join a
role word with its country ("Iraqi Foreign Minister", «وزير الخارجية العراقي»,
"ministre irakien des Affaires étrangères") and with a following name, into one
mention. Then article-level resolution: a bare surname counts once its person was
named, and so does any word of a name seen earlier with its title ("Araghchi", «الأمير فيصل»);
a role with no country takes the country of the latest compatible role.

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
  (de facto government since 2021), AFG + REB in an article published before 15 August 2021.
- Criminals (smugglers, traffickers, gangs): "" + CRM. An envoy or mission keeps its
  organisation and absorbs its brief ("the UN envoy for Syria" is UNO, Syria is no actor); people
  of an organisation take it ("officials of an Iraqi militia": IRQ PRM). See docs/gazetteer.md.
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

import datetime as dt
import itertools
import logging
import re
import time
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from marsad.dateline import dateline_end
from marsad.gazetteer import Gazetteer, GazetteerEntry, Hit, builtin_entries, read_table
from marsad.model import Article, Entity, Mention, Sentence
from marsad.normalize import Folded, fold
from marsad.origins import with_origins
from marsad.phrases import Phrase, annotate, compose
from marsad.untitled_names import untitled_names

log = logging.getLogger(__name__)


@dataclass
class _ArticleMemory:
    """What earlier sentences of the article said: named people, roles with a country."""

    people: set[str] = field(default_factory=set)
    antecedents: list[Phrase] = field(default_factory=list)
    name_words: dict[str, Phrase] = field(default_factory=dict)  # a word of a named person's name
    published: dt.date | None = None
    last_group: Phrase | None = None  # the armed group or organisation named last


class ActorRecognizer:
    """Marks actor mentions in an article; build once with `load_actor_recognizer`."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, article: Article) -> Article:
        memory = _ArticleMemory(published=article.published)
        mentions: list[Mention] = []
        for sentence in article.sentences:
            mentions.extend(self.recognize(sentence, article.language, memory))
        return replace(article, mentions=tuple(mentions))

    def recognize(self, sentence: Sentence, language: str, memory: _ArticleMemory) -> list[Mention]:
        folded = fold(sentence.text, base=sentence.start)
        local = _sentence_offsets(folded, sentence)
        lang = language if language in self.gazetteer.automata else _guess_script(folded.text)
        hits = self.gazetteer.find(folded.text, sentence.text, local, lang)
        if lang != "ar":
            role_ends = {h.end for h in hits if h.entry.kind == "role"}
            hits = [
                h for h in hits if not _inside_longer_name(h, role_ends, folded.text, local, sentence.text)
            ]
        cut = _dateline_cut(sentence)
        hits = [h for h in _longest_matches(hits) if local[h.start] >= cut]
        hits = [self._unshadowed(h, memory) for h in hits] if self.gazetteer.shadowed else hits
        # dated standing first: members of a group take its sector as of the story's day
        phrases = [_as_of(annotate(Phrase.from_hit(h), folded.text, lang), memory.published) for h in hits]
        phrases = [p for p in phrases if not _is_affiliation(p, folded.text, lang)]
        phrases = [p for p in phrases if not _is_participle(p, folded.text, lang)]
        phrases = _recall_names(phrases, folded.text, sentence.text, local, memory.name_words)
        phrases = _refer_to_groups(phrases, memory)
        phrases = untitled_names(phrases, folded.text) if lang == "ar" else phrases
        phrases = with_origins(compose(phrases, folded, sentence, lang), folded.text, lang)
        phrases = _former_offices(phrases, folded.text, lang)
        resolved = [r for p in phrases if (r := _resolve(p, memory)) is not None]
        mentions = [self._mention(p, folded, sentence) for p in resolved]
        people = [
            replace(p, name=m.entity.name)
            for p, m in zip(resolved, mentions, strict=True)
            if m.kind == "person"
        ]
        memory.name_words.update(_name_words(people, folded.text))
        return mentions

    def _unshadowed(self, hit: Hit, memory: _ArticleMemory) -> Hit:
        """«الجيش السوداني» is the Sudanese army until the article has named al-Sudani."""
        demonym = self.gazetteer.shadowed.get(hit.entry)
        if demonym is None or hit.entry.name in memory.people:
            return hit
        return replace(hit, entry=demonym)

    def _mention(self, phrase: Phrase, folded: Folded, sentence: Sentence) -> Mention:
        start, end = folded.span(phrase.start, phrase.end)
        while end < sentence.end and unicodedata.combining(sentence.text[end - sentence.start]):
            end += 1  # the last letter's harakat (tanwin of «إرهابياً») belong to the mention
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


def _sentence_offsets(folded: Folded, sentence: Sentence) -> tuple[int, ...]:
    """Each folded character's offset in the sentence: the positions themselves when folding
    dropped nothing (the common case, without a shift per character)."""
    if len(folded.text) == len(sentence.text):
        return tuple(range(len(sentence.text)))
    return tuple(map(sentence.start.__rsub__, folded.offsets))


def _longest_matches(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping matches (the leftmost among equals), in text order."""
    ordered = sorted(hits, key=lambda h: h.start)
    if all(a.end <= b.start for a, b in itertools.pairwise(ordered)):
        return ordered  # the common case: nothing overlaps
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


def _refer_to_groups(phrases: list[Phrase], memory: _ArticleMemory) -> list[Phrase]:
    """ "the group", «التنظيم», "l'organisation" (flag groupref): the group the article named
    last; dropped when it named none."""
    out: list[Phrase] = []
    for phrase in phrases:
        if phrase.kind == "group":
            memory.last_group = phrase
        elif "groupref" in phrase.flags:
            group = memory.last_group
            if group is None or "indefinite" in phrase.flags:
                continue
            phrase = replace(phrase, kind="group", code=group.code, sector=group.sector, name=group.name)
        out.append(phrase)
    return out


def _as_of(phrase: Phrase, published: dt.date | None) -> Phrase:
    """A group whose standing changed ("before:2021-08-15:REB": the Taliban before they took
    power) takes its old sector in an article published before that day; undated, today's."""
    for flag in phrase.flags:
        if flag.startswith("before:") and published is not None:
            _, day, sector = flag.split(":")
            if published < dt.date.fromisoformat(day):
                return replace(phrase, sector=sector)
    return phrase


# "former prime minister X", «l'ancien ministre», «الوزير السابق»: PLOVER's ELI, not the office.
_FORMER_BEFORE = ("former ", "ex-", "ex ", "ancien ", "ancienne ")
_FORMER_AFTER = (" السابق ", " السابقه ")
_OFFICE_SECTORS = {
    "role": frozenset({"GOV", "LEG", "JUD"}),
    "person": frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"}),
}


def _former_offices(phrases: list[Phrase], text: str, lang: str) -> list[Phrase]:
    """Former holders become ELI; «رئيس الوزراء السابق مصطفى X» is one person, the title's."""
    out: list[Phrase] = []
    for phrase in phrases:
        last = out[-1] if out else None
        if last is not None and last.sector == "ELI" and _named_after_former(last, phrase, text):
            out[-1] = replace(phrase, start=last.start, code=phrase.code or last.code, sector="ELI")
        elif phrase.sector in _OFFICE_SECTORS.get(phrase.kind, ()) and _is_former(phrase, text, lang):
            out.append(replace(phrase, sector="ELI"))
        else:
            out.append(phrase)
    return out


def _is_former(phrase: Phrase, text: str, lang: str) -> bool:
    if lang == "ar":
        return (text[phrase.end :] + " ").startswith(_FORMER_AFTER)
    return text[: phrase.start].endswith(_FORMER_BEFORE)


def _named_after_former(title: Phrase, phrase: Phrase, text: str) -> bool:
    return phrase.kind == "person" and text[title.end : phrase.start] in _FORMER_AFTER


def _resolve_bare_role(phrase: Phrase, memory: _ArticleMemory) -> Phrase | None:
    needs_country = "needcountry" in phrase.flags and "joined" not in phrase.flags
    # "the forces" after "the Jordanian army" are Jordan's; «قوات» (indefinite) are anyone's
    definite = "indefinite" not in phrase.flags and not (needs_country and "construct" in phrase.flags)
    if "coref" in phrase.flags and definite and phrase.kind == "role":
        for earlier in reversed(memory.antecedents):
            if earlier.sector == phrase.sector and _same_office(phrase.office, earlier.office):
                return replace(phrase, code=earlier.code, name=phrase.name or earlier.name)
    if needs_country:
        return None
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


# French role nouns that are also past participles: «ont envoyé des renforts» sends, no envoy acts.
_PARTICIPLE_ROLES = frozenset({"envoye", "envoyes", "envoyee", "envoyees", "delegue", "delegues"})
_AUXILIARY = re.compile(
    r"(?:\b(?:a|ont|avait|avaient|aura|auront|aurait|auraient|avoir|ete|est|sont)|\bl'a|\bm'a)\s+$"
)


def _is_participle(phrase: Phrase, text: str, lang: str) -> bool:
    if lang != "fr" or phrase.kind != "role" or text[phrase.start : phrase.end] not in _PARTICIPLE_ROLES:
        return False
    return bool(_AUXILIARY.search(text, 0, phrase.start))


# Words of a name that never identify its bearer alone.
_NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ben", "ibn", "abu", "abou", "de", "du", "le", "la", "van", "von", "bint"}
    | {"بن", "ابن", "ابو", "ابي", "عبد", "بنت", "ال"}
)
_COMPOUND_HEADS = ("عبد", "ابو", "abu", "abou", "abd")
_NAME_HEADS = frozenset({*_COMPOUND_HEADS, "بن", "ابن"})  # a recalled word takes these with it
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_AR_CLITICS = frozenset({"و", "ف", "ل", "ب", "وب", "ول", "فل"})


def _name_words(phrases: list[Phrase], text: str) -> dict[str, Phrase]:
    """The words of each coded person's name in this sentence ("Araghchi", «فيصل», «فرحان»):
    a later sentence naming the person by one of them ("Araghchi a annoncé", «الأمير فيصل») gets
    the person's code and sector. A word after «عبد»/«أبو» counts only with it («عبد الله», never
    «الله»); a word before the last counts only after a title ("Prince Faisal", «الأمير فيصل»)."""
    words: dict[str, Phrase] = {}
    for phrase in phrases:
        if phrase.kind != "person" or not (phrase.code or phrase.sector) or "untitled" in phrase.flags:
            continue  # an untitled name is no title's holder: a later title takes the name whole
        name_start = phrase.name_start if phrase.name_start >= 0 else phrase.start
        parts = _WORD.findall(text[name_start : phrase.end])
        for index, (before, word) in enumerate(zip(["", *parts], parts, strict=False)):
            if len(word) < 3 or word in _NAME_PARTICLES:
                continue
            flags = frozenset() if index == len(parts) - 1 else _FIRST_NAME
            key = before + word if before in _COMPOUND_HEADS else word  # «عبدالعاطي» = «عبد العاطي»
            words[key] = replace(phrase, flags=flags, name_start=-1)
    return words


_FIRST_NAME = frozenset({"firstname"})


def _recall_names(
    phrases: list[Phrase], folded: str, original: str, offsets: tuple[int, ...], known: dict[str, Phrase]
) -> list[Phrase]:
    """Add a person named earlier in the article, now by one word of the name only."""
    tails = {key[len(h) :] for key in known for h in _COMPOUND_HEADS if key.startswith(h)}
    if not any(word in folded for word in (*known, *tails)):  # substring tests in C: most sentences stop
        return phrases
    titles = {p.end for p in phrases if p.kind == "role" and "title" in p.flags}
    recalled: list[Phrase] = []
    for match in _WORD.finditer(folded):
        token = match.group()
        if not (token in known or token[1:] in known or token[2:] in known or token in tails):
            continue  # the common case, without slicing the context
        word_start, word = _known_word(token, match.start(), folded, known)
        end = match.end()
        if not word or any(p.start < end and match.start() < p.end for p in phrases):
            continue
        person = known[word]
        if "firstname" in person.flags and word_start - 1 not in titles:
            continue
        if _after_other_name(word_start, folded, original, offsets, {p.end for p in phrases}):
            continue
        recalled.append(replace(person, start=word_start, end=end, flags=frozenset()))
    return sorted(phrases + recalled, key=lambda p: p.start) if recalled else phrases


def _known_word(token: str, start: int, folded: str, known: dict[str, Phrase]) -> tuple[int, str]:
    """(where the name starts, its key) when the token is a remembered name word, less an Arabic
    clitic («وفرحان»), or with the head word before it («عبد العاطي», «بن نور», "Abu Ali")."""
    head = folded[max(0, start - 6) : start].split(" ")
    if len(head) > 1 and head[-1] == "" and head[-2] in _NAME_HEADS:
        glued = head[-2] + token if head[-2] in _COMPOUND_HEADS else token
        if glued in known:
            return start - len(head[-2]) - 1, glued
    if token in known:
        return start, token
    for size in (1, 2):
        if token[:size] in _AR_CLITICS and token[size:] in known:
            return start + size, token[size:]
    return start, ""


def _after_other_name(
    start: int, folded: str, original: str, offsets: tuple[int, ...], ends: set[int]
) -> bool:
    """Latin script: the word follows a capitalised word that is no title ("Mahmoud Abbas"), or
    starts in lower case: then it is another name, or no name."""
    first = original[offsets[start]]
    if first.upper() == first.lower():
        return False  # Arabic script has no case
    if not first.isupper():
        return True
    before = folded[:start].rstrip()
    if start - 1 in ends or not before or not folded[:start].endswith(" "):
        return False
    previous = before.split(" ")[-1]
    return bool(previous) and original[offsets[start - 1 - len(previous)]].isupper()
