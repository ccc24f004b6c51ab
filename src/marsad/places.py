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
2. A CONSULT visit ("visited Iraq", «زار العراق», "s'est rendu en Irak") is placed at the
   host's capital: the visited country's, or the first recipient's when no place is named.
3. Otherwise the article's dateline ("BAGHDAD, Oct 14 (Wire) -", «بغداد - ») as a fallback:
   a report is usually filed where its statements were made.
4. Otherwise no location.
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
    "city town village province governorate district region capital base camp"
    " ville village province gouvernorat region localite capitale camp"
    " مدينه بلده قريه محافظه قضاء ناحيه منطقه العاصمه ولايه مخيم قاعده"
)
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
_ARABIC_CONJUNCTIONS = ("و", "ف")
_CUE_WINDOW = 48  # folded characters looked at before a name
_DATELINE = re.compile(r"^\s*([^\n,(\-–—:]{2,40}?)\s*(?:,|\(|[-–—:])")
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
        sentence = folded_slice(folded, start, end)
        visit = event.event == "CONSULT" and bool(_words(sentence) & VISIT_WORDS)
        candidates = [
            c
            for m in matches
            if start <= folded.span(m.start, m.end)[0] < end
            and (c := self._candidate(article, folded, m, visit)) is not None
        ]
        if not candidates:
            return self._visit_capital(event) if visit else dateline
        best = min(candidates, key=lambda c: (not c.locative, _specificity(c), c.start))
        sentence_countries = {
            p.country for c in candidates for p in c.match.places if p.resolution == "country"
        }
        place = choose_place(best.match.places, best.province_cue, frozenset(sentence_countries), context)
        if visit and place.resolution == "country" and place.country in self.gazetteer.capitals:
            place = self.gazetteer.capitals[place.country]
        return location_of(place, article.text[best.start : best.end], best.start, best.end)

    def _candidate(self, article: Article, folded: Folded, match: NameMatch, visit: bool) -> Candidate | None:
        start, end = folded.span(match.start, match.end)
        written = article.text[start:end]
        if match.name in _NOT_PLACES or (_is_latin(written) and written.islower()):
            return None  # Latin names are capitalised: "nice", "hit" are words here
        before = folded.text[max(0, match.start - len(match.proclitic) - _CUE_WINDOW) : match.start]
        before = before[: len(before) - len(match.proclitic)] if match.proclitic else before
        locative = match.proclitic in _LOCATIVE_PROCLITICS or _has_cue(before, visit)
        if match.name in self.common_words:
            strong = _has_cue(before, visit, STRONG_ARABIC_CUES) if _is_arabic(match.name) else locative
            if not strong:
                return None
        if not locative and (_is_actor_mention(article, start, end) or _names_a_person(article.text, end)):
            return None
        after = folded.text[match.end : match.end + 16]
        province_cue = _has_cue(before, False, PROVINCE_WORDS) or bool(
            set(_WORD.findall(after)[:1]) & PROVINCE_WORDS
        )
        return Candidate(match, start, end, locative, province_cue)

    def _visit_capital(self, event: Event) -> Location | None:
        """A visit with no place named: the first recipient country's capital."""
        for entity in event.recipient:
            capital = self.gazetteer.capitals.get(entity.code)
            if capital is not None:
                return location_of(capital, entity.entity_text or entity.name or capital.name, -1, -1)
        return None

    def _dateline(self, article: Article, folded: Folded, matches: list[NameMatch]) -> Location | None:
        found = _DATELINE.match(article.text[:60])
        if found is None:
            return None
        first = next((m for m in matches if folded.span(m.start, m.end)[0] >= found.start(1)), None)
        if first is None:
            return None
        start, end = folded.span(first.start, first.end)
        if start != found.start(1) or end > found.end(1) or len(_WORD.findall(found.group(1))) > 4:
            return None
        place = choose_place(first.places, False, frozenset(), frozenset())
        if place.resolution == "country":
            return None
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


def _has_cue(before: str, visit: bool, cues: frozenset[str] | None = None) -> bool:
    """Whether the words before a name end with a cue (locative by default), skipping fillers."""
    for word in reversed(_WORD.findall(before)[-5:]):
        bare = _strip_conjunction(word)
        if cues is not None:
            if bare in cues:
                return True
        elif bare in LOCATIVE_CUES or bare in PLACE_NOUNS or (visit and bare in VISIT_DESTINATION_CUES):
            return True
        if visit and bare in VISIT_WORDS:
            return True
        if bare not in FILLERS:
            return False
    return False


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


def _words(text: str) -> set[str]:
    return {_strip_conjunction(w) for w in _WORD.findall(text)}


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
