"""Which parts of an article the event coder reads, and what it carries from sentence to sentence.

- The headline is not coded when the article has a body: the lede restates the
  headline's event with full grammar (the headline's "X visits Y, pledges support"
  drops subjects and gives duplicate events with wrong actors). A one-sentence
  article (a dev-set sentence) is coded whole.
- A dateline ("BAGHDAD, Oct 14 (Tigris Wire) - ") is skipped by the caller with
  `marsad.dateline.dateline_end`: its place is not an actor.
- Off-topic sentences (sports: "club", "striker", «مباراة», "championnat": `offtopic`
  cues in `cues.tsv`) give no events; an article where such sentences are common
  (a match report) gives none at all.
- A background clause ("since the city was retaken in 2017", «منذ عام 2014»,
  "malgré ... en 2017") names a past year at least two years before publication: its
  triggers are history, not news.
- A perfect with a "since" anchored in an earlier year ("France has funded projects in Mosul
  since the city was retaken in 2017", "a financé ... depuis 2019", «موّلت ... منذ 2017») sums
  up years of activity: background too, not a dated event (`perfect_since_old_year`).
- `Scope.recent` carries the article's latest events from sentence to sentence, for the
  references that marsad.antecedents resolves ("condemned the attack", "these officials").
- A conflict noun governed by a reference word ("the anniversary of the attack",
  "the investigation into the bombing", "the number of attacks", «ذكرى اغتيال»,
  «التحقيق في جريمة اغتيال», «عدد الهجمات», "le procès de l'attentat") names an
  event as a topic, not as news: `referenced_noun`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping, Sequence

from marsad.lexicon import Cue, Match
from marsad.model import Article, Entity, Event

OFFTOPIC_ARTICLE_SHARE = 0.4
BACKGROUND_YEARS = 2
BACKGROUND_MAX_WORDS = 12
# An attack told in a sentence whose latest year is this many years before the story is history.
HISTORY_YEARS = 5
OLD_YEAR_WINDOW_WORDS = 7  # «مظاهرة مؤيدة أقيمت في شيكاغو في عام 2003»

_BACKGROUND_CUE = re.compile(
    r"\b(?:since|after|despite|following|depuis|apres|malgre|suite a)\b|(?<!\w)[وف]?(?:منذ|رغم|بعد|عقب)(?!\w)"
)
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_CLAUSE_END = re.compile(r"[,;:.،]")
# Words that make the conflict noun after them a topic (folded spelling; Arabic may carry
# the proclitics و ب ل ال, and «جريمة» or a preposition may sit between).
_REFERENCE_HEAD = re.compile(
    r"(?:\b(?:anniversary|commemoration|investigation|inquiry|probe|trial|number|count|victims|"
    r"memory|file|case|anniversaire|commemoration|enquete|proces|nombre|victimes|memoire|dossier)"
    r"(?: (?:of|into|over|in|on|for|de|du|des|sur|la|le|les|l'|the|a|an))*\s*$)"
    r"|(?:(?<!\w)(?:[وبلف]|ال|بال|لل|وال|وب|ول)?(?:ذكري|عدد|تحقيق|التحقيق|تحقيقات|التحقيقات|جريمه|"
    r"ملف|محاكمه|ضحايا|منفذي|احياء|ادانه|عقب|اثر|بعد)"
    r"(?: (?:في|حول|بشان|من|جريمه|الجريمه|عمليه|حادث|حادثه|\w+(?:ه|ي|ين)))?"
    r"(?: (?:في|حول|بشان|من|جريمه|الجريمه|عمليه|حادث|حادثه))?\s*$)"
)
REFERENCE_WINDOW_CHARS = 40
# An auxiliary of the perfect, and the adverbs that may follow it, right before the trigger.
_PERFECT_BEFORE = {
    "en": re.compile(
        r"\b(?:has|have|had)(?: (?:already|also|long|now|repeatedly|consistently|continued to))?\s*$"
    ),
    "fr": re.compile(r"\b(?:a|ont|avait|avaient)(?: (?:deja|aussi|egalement|toujours|regulierement))?\s*$"),
}
_FRENCH_AUXILIARIES = frozenset({"a", "ont", "avait", "avaient"})
# "since ... 2017" within a clause; Arabic «منذ» may carry «و» and sit before «عام».
_SINCE_YEAR = re.compile(
    r"(?:\b(?:since|depuis)\b|(?<!\w)[وف]?منذ(?!\w))[^,;.،]{0,80}?(?<!\d)(19[5-9]\d|20\d\d)(?!\d)"
)


@dataclasses.dataclass(frozen=True, slots=True)
class Scope:
    """What the coder knows about the article while it reads one sentence."""

    language: str
    home: str = ""  # ISO3 of the story's country (marsad.participants.home_country)
    published: dt.date | None = None
    joint: tuple[Entity, ...] = ()  # participants of the latest meeting, for "the two sides"
    recent: tuple[Event, ...] = ()  # the article's latest events, oldest first (marsad.antecedents)


def headline_sentences(article: Article) -> set[int]:
    """Indexes of the headline's sentences, when a body follows them."""
    title = " ".join(article.title.split())
    if not title or not article.sentences:
        return set()
    heading: set[int] = set()
    seen = ""
    for sentence in article.sentences:
        seen = f"{seen} {' '.join(sentence.text.split())}".strip()
        if not title.startswith(seen):
            break
        heading.add(sentence.index)
        if len(seen) >= len(title):
            break
    return heading if len(heading) < len(article.sentences) and seen[: len(title)] == title else set()


def offtopic_sentences(cues_by_sentence: Mapping[int, Sequence[Match[Cue]]]) -> set[int]:
    """Sentences with a sports cue; every sentence when they are a good share of the article."""
    flagged = {i for i, cues in cues_by_sentence.items() if any(c.entry.kind == "offtopic" for c in cues)}
    if len(flagged) >= 2 and len(flagged) >= OFFTOPIC_ARTICLE_SHARE * len(cues_by_sentence):
        return set(cues_by_sentence)
    return flagged


def in_background(text: str, position: int, published: dt.date | None) -> bool:
    """Whether folded `position` sits in a "since/despite ... <old year>" clause."""
    if published is None:
        return False
    for cue in _BACKGROUND_CUE.finditer(text, 0, position + 1):
        clause_end = _CLAUSE_END.search(text, cue.end())
        end = clause_end.start() if clause_end else len(text)
        if position >= end or text.count(" ", cue.end(), position) > BACKGROUND_MAX_WORDS:
            continue
        years = [int(y) for y in _YEAR.findall(text, cue.end(), end)]
        if any(year <= published.year - BACKGROUND_YEARS for year in years):
            return True
    return False


def dated_long_ago(text: str, published: dt.date | None) -> bool:
    """Whether every year the folded sentence names is `HISTORY_YEARS` or more before the story.

    "killed in 1996", «في مذبحة عام 1995»: an old attack recalled, not news; a sentence that also
    names a recent year («منذ 1990 ... عام 2007») may tell a new one."""
    if published is None:
        return False
    years = [int(y) for y in _YEAR.findall(text)]
    return bool(years) and max(years) <= published.year - HISTORY_YEARS


def dated_in_old_year(text: str, end: int, published: dt.date | None) -> bool:
    """Whether a year well before the story's follows the trigger in its clause: history recalled.

    «في مظاهرة أقيمت في شيكاغو عام 2003», "a rally held in Chicago in 2003", «une manifestation
    en 1997»: the act is dated, and its date is years before the story.
    """
    if published is None:
        return False
    clause_end = _CLAUSE_END.search(text, end)
    stop = clause_end.start() if clause_end else len(text)
    words = text[end:stop].split()[:OLD_YEAR_WINDOW_WORDS]
    years = [int(y) for word in words for y in _YEAR.findall(word)]
    return any(year <= published.year - BACKGROUND_YEARS for year in years)


def referenced_noun(text: str, position: int) -> bool:
    """Whether the trigger at folded `position` is the topic of a reference word before it."""
    # Arabic glues «ل»/«ب» to the noun («لاغتيال»): look at the text up to the word start.
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    window = text[max(0, position - REFERENCE_WINDOW_CHARS) : position]
    return _REFERENCE_HEAD.search(window) is not None


def perfect_since_old_year(text: str, start: int, end: int, language: str, published: dt.date | None) -> bool:
    """Whether the trigger at folded [start, end) is a perfect summing up activity since an earlier year.

    Arabic has no perfect: a verb trigger in a sentence with «منذ <earlier year>» reads as one.
    """
    if published is None:
        return False
    earlier = [found for found in _SINCE_YEAR.finditer(text) if int(found[1]) < published.year]
    if language == "ar":  # the «منذ» clause closes the verb's own clause: «موّلت المشاريع منذ 2017»
        return any(
            found.start() >= end and text.count(" ", end, found.start()) <= BACKGROUND_MAX_WORDS
            for found in earlier
        )
    if not earlier:
        return False
    pattern = _PERFECT_BEFORE.get(language)
    auxiliary = language == "fr" and text[start:end].split(" ")[0] in _FRENCH_AUXILIARIES
    return auxiliary or bool(pattern and pattern.search(text[:start]))
