"""Places: where each event happened, geocoded offline from the packaged gazetteer.

Contract (the stage after events):

    load_place_resolver() -> PlaceResolver
    PlaceResolver.__call__(article: Article) -> Article   # sets Event.location

Rules, in order, for each event:
1. Place names in the event's sentence (see `marsad.geonames`). A name after a locative cue
   ("in", "near", "à", "près de", «في», «قرب», the proclitic «ب») beats one without; then a
   city or site beats a province, which beats a country; then the first in the sentence.
   Names that are also common words (common_words.txt), and names that the actors stage marked
   as actors (a capital standing for its government, a country), count only after a cue.
   Cues are read inside the sentence only (a headline's "in Kirkuk village" is no cue for the
   dateline's "KIRKUK" below it). A name oriented by a direction after another place ("Harir
   air base north of Erbil", «البعاج غربي نينوى», "X au nord d'Erbil") only orients it: the
   place is the first name, counted as locative.
   A withdrawal (RETREAT) reads "from", "de", «من» as a locative cue: "withdrew from Ain
   al-Asad air base" happened there.
   "the X area", "la région de X", «منطقة X» are cues that keep X a town when one exists;
   "X province", "la province de X", «محافظة X» make X the province.
2. A CONSULT visit ("visited Iraq", «زار العراق», "s'est rendu en Irak") is placed at the
   host's capital: the visited country's, or the first recipient's when no place is named.
3. A phone-mode CONSULT is placed only where the sentence says a party was: a town after
   "from", "depuis", «من» ("called from Paris"). A topic ("discussed the situation in Syria",
   «بحث التطورات في سوريا», "la situation en Syrie") is not where a call happened, nor is the
   dateline, so such a call gets no location.
4. Otherwise the article's dateline ("BAGHDAD, Oct 14 (Wire) -", «بغداد - ») as a fallback:
   a report is usually filed where its statements were made.
5. Otherwise no location.
A name shared by several places resolves to the one whose country is named in the sentence,
then in the article (actor mentions, dateline), then a capital, then the most populous.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, replace
from importlib import resources

from marsad.geonames import Gazetteer, NameMatch, Place, load_gazetteer, name_key
from marsad.model import Article, Event, Location, Sentence
from marsad.normalize import Folded, fold

log = logging.getLogger(__name__)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Folded words. A cue may be followed by fillers before the name ("in the northern city of").
LOCATIVE_CUES = _word_set(
    "in at near outside inside around across nearby north south east west northeast northwest"
    " southeast southwest a au aux en dans pres vers autour nord sud est ouest"
    " في قرب بالقرب عند داخل خارج حول ضواحي اطراف شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط"
)
PLACE_NOUNS = _word_set(
    "city town village province governorate district region area zone capital base camp"
    " ville village province gouvernorat region secteur localite capitale camp"
    " مدينه بلده قريه محافظه قضاء ناحيه منطقه العاصمه ولايه مخيم قاعده"
)
# "X north of Y": Y only orients X. Words allowed between the two names.
DIRECTION_WORDS = _word_set(
    "north south east west northeast northwest southeast southwest northern southern eastern"
    " western nord sud est ouest شمال جنوب شرق غرب شمالي جنوبي شرقي غربي"
)
_ORIENTING_GAP = DIRECTION_WORDS | _word_set("of the a au de d du l km kilometres miles كم كلم كيلومترات")
# Where a party to a call or a withdrawal was: "from Paris", «من قاعدة».
SOURCE_CUES = _word_set("from depuis من")
RETREAT_CUES = SOURCE_CUES | _word_set("de d du des")
FILLERS = _word_set(
    "the of northern southern eastern western central restive key border disputed embattled"
    " de d du des la le l les ville"
    " من"
)
# Cues strong enough for an Arabic name that is also a noun: «في بيان» is "in a statement".
STRONG_ARABIC_CUES = PLACE_NOUNS | _word_set("قرب بالقرب ضواحي اطراف شمال جنوب شرق غرب شمالي جنوبي شرقي غربي")
# Words that name no place, though some gazetteer entry is spelt so («مدينة» is Medina's).
_NOT_PLACES = PLACE_NOUNS | LOCATIVE_CUES | FILLERS
PROVINCE_WORDS = _word_set("province governorate gouvernorat wilaya محافظه ولايه")
VISIT_WORDS = _word_set(
    "visit visited visiting visits arrived arrives arriving trip toured tour"
    " visite visiter visitant rendu rendue rendus rend rendra arrive arrivee"
    " زار يزور زياره وصل يصل وصول"
)
# Destination cues, which count as locative only in a visit sentence ("trip to Iraq").
VISIT_DESTINATION_CUES = _word_set("to into الى")
_LOCATIVE_PROCLITICS = frozenset({"ب", "وب", "فب", "ل", "ول", "فل"})
_NOUN_PROCLITICS = ("ب", "ل")  # «بمنطقة» "in the area of", «لمحافظة» "of the province"
_ARABIC_CONJUNCTIONS = ("و", "ف")
_CUE_WINDOW = 48  # folded characters looked at before a name
_DATELINE = re.compile(r"^\s*([^\n,(\-–—:]{2,40}?)\s*(?:,|\(|[-–—:])")
_HEADLINE_LENGTH = 200  # a headline line above the dateline is shorter than this
_WORD = re.compile(r"\w+")
_NEXT_WORD = re.compile(r" ([A-Z][a-z]+)")
_SPECIFICITY = {"city": 0, "province": 1, "country": 2}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place name of a sentence, as read in its article."""

    match: NameMatch
    start: int  # offsets in the article text
    end: int
    locative: bool
    province_cue: bool
    cue: str | None  # the cue word before the name, None when none (or only a proclitic)


@dataclass(frozen=True, slots=True)
class Reading:
    """What kind of event a sentence's places are read for."""

    visit: bool  # a CONSULT visit: "visited Iraq", "trip to Iraq"
    phone: bool  # a phone call: placed only where a party was ("from Paris")
    cues: frozenset[str]  # the locative cues of this event

    @classmethod
    def of(cls, event: Event, sentence: str) -> Reading:
        phone = event.event == "CONSULT" and "phone" in event.mode
        visit = event.event == "CONSULT" and not phone and bool(_words(sentence) & VISIT_WORDS)
        cues = LOCATIVE_CUES | PLACE_NOUNS
        if visit:
            cues |= VISIT_DESTINATION_CUES
        if phone:
            cues |= SOURCE_CUES
        if event.event == "RETREAT":
            cues |= RETREAT_CUES
        return cls(visit, phone, cues)


@functools.cache
def load_common_words() -> frozenset[str]:
    """Place names that are also common words (generated list plus hand list): they need a cue."""
    words: set[str] = set()
    for filename in ("common_names.txt", "common_words.txt"):
        path = resources.files("marsad") / "data" / "places" / filename
        lines = path.read_text(encoding="utf-8").splitlines()
        words |= {name_key(line) for line in lines if line.strip() and not line.startswith("#")}
    return frozenset(words)


class PlaceResolver:
    """Sets `Event.location` on each event of an article."""

    def __init__(self, gazetteer: Gazetteer, common_words: frozenset[str]) -> None:
        self.gazetteer = gazetteer
        self.common_words = common_words

    def __call__(self, article: Article) -> Article:
        if not article.events:
            return article
        folded = fold(article.text)
        matches = self.gazetteer.find(folded.text)
        dateline = self._dateline(article, folded, matches)
        context = _article_countries(article, dateline)
        events = tuple(
            replace(e, location=self._locate(article, folded, matches, e, context, dateline))
            for e in article.events
        )
        return replace(article, events=events)

    def _locate(
        self,
        article: Article,
        folded: Folded,
        matches: list[NameMatch],
        event: Event,
        context: frozenset[str],
        dateline: Location | None,
    ) -> Location | None:
        start, end = _event_span(article, event)
        sentence_start = _bisect(folded.offsets, start)
        reading = Reading.of(event, folded.text[sentence_start : _bisect(folded.offsets, end)])
        candidates = [
            c
            for m in matches
            if start <= folded.span(m.start, m.end)[0] < end
            and (c := self._candidate(article, folded, m, reading, sentence_start)) is not None
        ]
        if dateline is not None:
            candidates = [_read_as_town(c) if c.start == dateline.start else c for c in candidates]
        sentence_countries = {
            p.country for c in candidates for p in c.match.places if p.resolution == "country"
        }
        candidates = drop_orienting_names(candidates, folded.text)
        if reading.phone:
            return self._caller_place(article, candidates, frozenset(sentence_countries | context))
        if not candidates:
            return self._visit_capital(event) if reading.visit else dateline
        best = min(candidates, key=lambda c: (not c.locative, _specificity(c), c.start))
        place = choose_place(best.match.places, best.province_cue, frozenset(sentence_countries), context)
        if reading.visit and place.resolution == "country" and place.country in self.gazetteer.capitals:
            place = self.gazetteer.capitals[place.country]
        return location_of(place, article.text[best.start : best.end], best.start, best.end)

    def _candidate(
        self, article: Article, folded: Folded, match: NameMatch, reading: Reading, sentence_start: int
    ) -> Candidate | None:
        start, end = folded.span(match.start, match.end)
        written = article.text[start:end]
        if match.name in _NOT_PLACES or (_is_latin(written) and written.islower()):
            return None  # Latin names are capitalised: "nice", "hit" are words here
        name_start = match.start - len(match.proclitic)
        before = folded.text[max(sentence_start, name_start - _CUE_WINDOW) : name_start]
        cue = _cue(before, reading.cues, reading.visit)
        locative = match.proclitic in _LOCATIVE_PROCLITICS or cue is not None
        if match.name in self.common_words:
            strong = _cue(before, STRONG_ARABIC_CUES, reading.visit) if _is_arabic(match.name) else cue
            if strong is None:
                return None
        if not locative and (_is_actor_mention(article, start, end) or _names_a_person(article.text, end)):
            return None
        after = folded.text[match.end : match.end + 16]
        province_cue = _cue(before, PROVINCE_WORDS, False) is not None or bool(
            set(_WORD.findall(after)[:1]) & PROVINCE_WORDS
        )
        return Candidate(match, start, end, locative, province_cue, cue)

    @staticmethod
    def _caller_place(
        article: Article, candidates: list[Candidate], countries: frozenset[str]
    ) -> Location | None:
        """A phone call's place: a town where a party was ("from Paris"), else none."""
        for candidate in candidates:
            if candidate.cue in SOURCE_CUES and _specificity(candidate) == _SPECIFICITY["city"]:
                place = choose_place(candidate.match.places, False, countries, countries)
                return location_of(
                    place, article.text[candidate.start : candidate.end], candidate.start, candidate.end
                )
        return None

    def _visit_capital(self, event: Event) -> Location | None:
        """A visit with no place named: the first recipient country's capital."""
        for entity in event.recipient:
            capital = self.gazetteer.capitals.get(entity.code)
            if capital is not None:
                return location_of(capital, entity.entity_text or entity.name or capital.name, -1, -1)
        return None

    def _dateline(self, article: Article, folded: Folded, matches: list[NameMatch]) -> Location | None:
        """The town of the dateline, on the first line or the one after a headline."""
        headline_end = article.text.find("\n", 0, _HEADLINE_LENGTH)
        for line_start in (0, *([headline_end + 1] if headline_end >= 0 else [])):
            found = _DATELINE.match(article.text[line_start : line_start + 60])
            if found is not None:
                location = self._dateline_town(article, folded, matches, found, line_start)
                if location is not None:
                    return location
        return None

    def _dateline_town(
        self, article: Article, folded: Folded, matches: list[NameMatch], found: re.Match[str], offset: int
    ) -> Location | None:
        name_start, name_end = found.start(1) + offset, found.end(1) + offset
        first = next((m for m in matches if folded.span(m.start, m.end)[0] >= name_start), None)
        if first is None:
            return None
        start, end = folded.span(first.start, first.end)
        if start != name_start or end > name_end or len(_WORD.findall(found.group(1))) > 4:
            return None
        towns = tuple(p for p in first.places if p.resolution != "country")
        if not towns:
            return None  # a dateline names a town: «عمّان» is Amman, not Oman
        place = choose_place(towns, False, frozenset(), frozenset())
        return location_of(place, article.text[start:end], start, end)


def choose_place(
    places: tuple[Place, ...], province_cue: bool, sentence: frozenset[str], article: frozenset[str]
) -> Place:
    """The place a name means here: a country over a town of its name, a province when the text
    says "province", then the country named nearest, a capital, the most populous."""
    countries = [p for p in places if p.resolution == "country"]
    if countries:
        return countries[0]
    provinces = [p for p in places if p.resolution == "province"]
    points = [p for p in places if p.resolution == "city"]
    pool = provinces if (province_cue and provinces) or not points else points
    return max(
        pool,
        key=lambda p: (
            2 if p.country in sentence else 1 if p.country in article else 0,
            p.is_capital,
            p.population,
        ),
    )


def location_of(place: Place, written: str, start: int, end: int) -> Location:
    return Location(
        extracted_place=written,
        resolved_place=place.name,
        geonameid=place.geonameid,
        lat=place.lat,
        lon=place.lon,
        province=place.province,
        country_code=place.country,
        feature_code=place.feature,
        resolution=place.resolution,
        start=start,
        end=end,
    )


def folded_slice(folded: Folded, start: int, end: int) -> str:
    """The folded text of the original span [start, end)."""
    offsets = folded.offsets
    first = _bisect(offsets, start)
    return folded.text[first : _bisect(offsets, end)]


def _bisect(offsets: tuple[int, ...], value: int) -> int:
    low, high = 0, len(offsets)
    while low < high:
        middle = (low + high) // 2
        if offsets[middle] < value:
            low = middle + 1
        else:
            high = middle
    return low


def _event_span(article: Article, event: Event) -> tuple[int, int]:
    sentence: Sentence | None = next((s for s in article.sentences if s.index == event.sentence_index), None)
    if sentence is not None:
        return sentence.start, sentence.end
    return event.text_start, event.text_end


def _cue(before: str, cues: frozenset[str], visit: bool) -> str | None:
    """The cue that the words before a name end with, skipping fillers ("in the city of")."""
    for word in reversed(_WORD.findall(before)[-5:]):
        bare = _strip_proclitics(word)
        if bare in cues or (visit and bare in VISIT_WORDS):
            return bare
        if bare not in FILLERS:
            return None
    return None


def drop_orienting_names(candidates: list[Candidate], folded: str) -> list[Candidate]:
    """Drop a name that only orients the one before it: "Harir air base north of Erbil",
    «البعاج غربي نينوى». The first name is then where it happened."""
    kept: list[Candidate] = []
    for candidate in candidates:
        previous = kept[-1] if kept else None
        if previous is not None and _specificity(previous) != _SPECIFICITY["country"]:
            gap = _WORD.findall(
                folded[previous.match.end : candidate.match.start - len(candidate.match.proclitic)]
            )
            oriented = all(w in _ORIENTING_GAP or w.isdigit() for w in gap) and bool(
                set(gap) & DIRECTION_WORDS
            )
            if oriented:
                kept[-1] = replace(previous, locative=True)
                continue
        kept.append(candidate)
    return kept


def _names_a_person(text: str, end: int) -> bool:
    """A Latin name followed by a capitalised word: "Vladimir Putin", "Omar Bashir"."""
    following = _NEXT_WORD.match(text, end)
    return following is not None and following.group(1)[0].isupper() and text[end - 1 : end].isalpha()


def _is_latin(text: str) -> bool:
    return text[:1].isascii() or "\u00c0" <= text[:1] <= "\u024f"


def _is_arabic(text: str) -> bool:
    return "\u0600" <= text[:1] <= "\u06ff"


def _strip_conjunction(word: str) -> str:
    """«وفي» -> «في»: an Arabic conjunction glued to a cue."""
    if len(word) > 2 and word.startswith(_ARABIC_CONJUNCTIONS):
        return word[1:]
    return word


def _strip_proclitics(word: str) -> str:
    """«وفي» -> «في», «بمنطقه» -> «منطقه»: a conjunction, or "in"/"of" glued to a place noun."""
    bare = _strip_conjunction(word)
    if bare.startswith(_NOUN_PROCLITICS) and bare[1:] in PLACE_NOUNS:
        return bare[1:]
    return bare


def _words(text: str) -> set[str]:
    return {_strip_conjunction(w) for w in _WORD.findall(text)}


def _read_as_town(candidate: Candidate) -> Candidate:
    """The dateline's name read as a town, as the dateline reads it (Amman, not Oman)."""
    towns = tuple(p for p in candidate.match.places if p.resolution != "country")
    return replace(candidate, match=replace(candidate.match, places=towns)) if towns else candidate


def _specificity(candidate: Candidate) -> int:
    places = candidate.match.places
    if any(p.resolution == "country" for p in places):
        return _SPECIFICITY["country"]
    if candidate.province_cue or all(p.resolution == "province" for p in places):
        return _SPECIFICITY["province"]
    return _SPECIFICITY["city"]


def _is_actor_mention(article: Article, start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in article.mentions)


def _article_countries(article: Article, dateline: Location | None) -> frozenset[str]:
    codes = {m.entity.code for m in article.mentions if len(m.entity.code) == 3}
    if dateline is not None:
        codes.add(dateline.country_code)
    return frozenset(codes)


@functools.cache
def load_place_resolver() -> PlaceResolver:
    """The place stage, built once per process."""
    return PlaceResolver(load_gazetteer(), load_common_words())
