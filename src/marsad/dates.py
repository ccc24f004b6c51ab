"""Dates: each event's date, from its sentence, resolved against the publication date.

dateparser does the parsing. Two things are ours, because dateparser lacks them
(offline-packages.md, row 7): finding the date expression in a sentence (its
`search_dates` is slow and takes verbs such as "may" or "march" for months), and
rewriting the forms it cannot parse: "jeudi dernier", "mardi prochain",
«يوم الخميس الماضي», Levantine and Iraqi month names (آب, تموز...), "last March".

Rules: an explicit date in the sentence wins; otherwise the date of the story's main
event, from its lede; otherwise the publication date; an
article with no publication date and no date in the text gives no date, never
today's. An event is not dated after its article (a promise is dated when made).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from dateparser.date import DateDataParser

from marsad.dateline import dateline_end
from marsad.model import Article, Event
from marsad.plover import quad_code

_EN_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_EN_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_FR_DAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_FR_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre"
    "|décembre|decembre"
)
_AR_DAYS = "الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت"
# Levantine/Iraqi names -> the Egyptian-style names dateparser knows.
_AR_LEVANTINE = {
    "كانون الثاني": "يناير",
    "شباط": "فبراير",
    "آذار": "مارس",
    "اذار": "مارس",
    "نيسان": "أبريل",
    "أيار": "مايو",
    "ايار": "مايو",
    "حزيران": "يونيو",
    "تموز": "يوليو",
    "آب": "أغسطس",
    "أيلول": "سبتمبر",
    "ايلول": "سبتمبر",
    "تشرين الأول": "أكتوبر",
    "تشرين الاول": "أكتوبر",
    "تشرين الثاني": "نوفمبر",
    "كانون الأول": "ديسمبر",
    "كانون الاول": "ديسمبر",
}
_AR_MONTHS = "|".join(
    name.replace(" ", r"\s+")  # the patterns are VERBOSE: spaces must be explicit
    for name in sorted(
        [
            *_AR_LEVANTINE,
            *("يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يونيه", "يوليو"),
            *("يوليه", "أغسطس", "اغسطس", "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر"),
        ],
        key=len,
        reverse=True,
    )
)
_THIS_MONTH = re.compile(
    r"\b(?:earlier|later)?\s*this\s+month\b|\bce\s+mois(?:-ci)?\b|الشهر\s+الجاري|هذا\s+الشهر", re.IGNORECASE
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_PATTERNS: dict[str, str] = {
    "en": rf"""
        \b(?:(?:last|next|this|on)\s+)?(?:{_EN_DAYS})\b
      | \b\d{{1,2}}\s+(?:{_EN_MONTHS})\b\.?(?:,?\s+\d{{4}})?
      | \b(?:{_EN_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?
      | \b(?:last|next|in|since|early|late|mid|this)[\s-]+(?:{_EN_MONTHS})\b(?:\s+\d{{4}})?
      | \b(?:{_EN_MONTHS})\s+\d{{4}}\b
      | \b(?:yesterday|today|tomorrow)\b
      | \b(?:last|next|this|earlier\s+this|later\s+this)\s+(?:week|month|year)\b
      | \b(?:\d+|a|an|one|two|three|four|five|six|seven|ten)\s+(?:days?|weeks?|months?|years?)\s+ago\b
      | \bin\s+(?:19|20)\d{{2}}\b
    """,
    "fr": rf"""
        \b(?:{_FR_DAYS})\b(?:\s+(?:dernier|passé|prochain))?(?:\s+\d{{1,2}}(?:er)?\s+(?:{_FR_MONTHS}))?
      | \b\d{{1,2}}(?:er)?\s+(?:{_FR_MONTHS})\b(?:\s+\d{{4}})?
      | \b(?:en\s+|début\s+|fin\s+|mi-)?(?:{_FR_MONTHS})\b(?:\s+\d{{4}}|\s+(?:dernier|prochain))?
      | \b(?:hier|avant-hier|aujourd'hui|aujourd’hui|demain)\b
      | \b(?:la\s+semaine|le\s+mois|l'année|l’année)\s+(?:dernière|dernier|prochaine|prochain|passée|passé)\b
      | \bil\s+y\s+a\s+(?:\d+|un|une|deux|trois|quatre|cinq|six|dix)\s+(?:jours?|semaines?|mois|ans?)\b
      | \ben\s+(?:19|20)\d{{2}}\b
      | \bce\s+mois(?:-ci)?\b
    """,
    "ar": rf"""
        (?:يوم\s+)?(?:{_AR_DAYS})(?:\s+(?:الماضي|المقبل|القادم))?
      | [0-9٠-٩]{{1,2}}\s+(?:{_AR_MONTHS})(?:\s+[0-9٠-٩]{{4}})?
      | (?:شهر\s+)?(?:{_AR_MONTHS})(?:\s+[0-9٠-٩]{{4}}|\s+(?:الماضي|المقبل|القادم))?
      | (?:أمس|امس|الأمس|اليوم|غدا|غداً)
      | (?:الأسبوع|الاسبوع|الشهر|العام)\s+(?:الماضي|المقبل|القادم|الجاري)
      | هذا\s+الشهر
      | منذ\s+(?:يومين|يوم|أسبوع|اسبوع|أسبوعين|شهر|شهرين|عام|\d+\s+(?:أيام|ايام|أشهر|اشهر|أعوام|سنوات))
      | عام\s+[0-9٠-٩]{{4}}
    """,
}
# Whole words only: Arabic month names hide inside other words (آب in «الإرهاب»).
_COMPILED = {
    lang: re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE | re.VERBOSE) for lang, p in _PATTERNS.items()
}
_FUTURE = re.compile(r"\b(?:next|prochaine?)\b|المقبل|القادم", re.IGNORECASE)
_DROP_WORDS = re.compile(r"\b(?:on|last|dernier|dernière|passée?|in|en|since)\b|\bيوم\b|الماضي|المقبل|القادم")
_PRECISION = {"day": "day", "week": "month", "month": "month", "year": "year"}
_WEEKDAY_ONLY = re.compile(rf"^(?:{_EN_DAYS}|{_FR_DAYS}|{_AR_DAYS})$", re.IGNORECASE)


LEDE_SENTENCES = 2  # how far into the body the story's own date is looked for
_MATERIAL = frozenset({2, 4})  # quad classes of material cooperation and conflict


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    date: dt.date
    precision: str  # day, month, year
    text: str  # the expression as written ("" when the publication date was used)


def resolve_dates(article: Article) -> Article:
    """Give every event of the article its date and date precision."""
    if not article.events:
        return article
    by_sentence = {s.index: s.text for s in article.sentences}
    story = _story_date(article)
    events = tuple(
        _dated(event, by_sentence.get(event.sentence_index, event.event_text), article, story)
        for event in article.events
    )
    return replace(article, events=events)


@dataclass(frozen=True, slots=True)
class _StoryDate:
    date: ResolvedDate
    material: bool  # the lede reports a material act (attack, arrest, withdrawal...)


def _story_date(article: Article) -> _StoryDate | None:
    """The date of the story's main event: the first day-precise date of its lede.

    Wire copy dates its main event once, in the lede ("arrived in Baghdad on Tuesday"),
    and the paragraphs that follow go on about that event without repeating the date.
    """
    body = [s for s in article.sentences if s.text != article.title][:LEDE_SENTENCES]
    for sentence in body:
        found = find_date(sentence.text, article.language, article.published)
        if found is not None:
            if found.precision != "day":
                return None
            quads = {quad_code(e.event) for e in article.events if e.sentence_index == sentence.index}
            return _StoryDate(found, material=bool(quads & _MATERIAL))
    return None


def _dated(event: Event, sentence: str, article: Article, story: _StoryDate | None) -> Event:
    found = find_date(sentence, article.language, article.published)
    if found is None and story is not None and not _is_reaction(event, story):
        found = story.date
    if found is None:
        if article.published is None:
            return replace(event, date=None, date_precision="")
        return replace(event, date=article.published, date_precision="day")
    return replace(event, date=found.date, date_precision=found.precision)


def _is_reaction(event: Event, story: _StoryDate) -> bool:
    """A statement about a material act reported in the lede (a condemnation of the attack,
    a welcome of the withdrawal) is made as the story is filed, not when the act happened."""
    return story.material and quad_code(event.event) not in _MATERIAL


def find_date(sentence: str, language: str, published: dt.date | None) -> ResolvedDate | None:
    """The first date expression in `sentence`, resolved against `published`."""
    pattern = _COMPILED.get(language)
    if pattern is None:
        return None
    for match in pattern.finditer(sentence, dateline_end(sentence)):
        resolved = parse_expression(match.group(0), language, published)
        if resolved is not None:
            return resolved
    return None


def parse_expression(expression: str, language: str, published: dt.date | None) -> ResolvedDate | None:
    """Parse one date expression; relative ones need `published` and are None without it."""
    if _THIS_MONTH.search(expression):
        if published is None:
            return None
        return ResolvedDate(date=published.replace(day=1), precision="month", text=expression)
    future = bool(_FUTURE.search(expression))
    cleaned = _rewrite(expression, language)
    result = _parse(cleaned, language, published, future)
    if result is None:
        return None
    date, period = result
    if published is not None:
        if date > published:
            return None  # a plan or promise: the event is dated when it was made
        if _WEEKDAY_ONLY.match(cleaned) and (published - date).days == 7:
            date = published  # "on Friday" in Friday's paper is that day
    precision = _PRECISION.get(period, "day")
    return ResolvedDate(date=_truncate(date, precision), precision=precision, text=expression)


def _truncate(date: dt.date, precision: str) -> dt.date:
    """Month and year dates are stored as their first day."""
    if precision == "month":
        return date.replace(day=1)
    if precision == "year":
        return date.replace(month=1, day=1)
    return date


def _rewrite(expression: str, language: str) -> str:
    text = expression.translate(_DIGITS)
    if language == "ar":
        for levantine, standard in _AR_LEVANTINE.items():
            text = re.sub(rf"(?<!\w){levantine}(?!\w)", standard, text)
    text = _DROP_WORDS.sub(" ", text)
    text = re.sub(r"\b(earlier|later)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(next|this|prochaine?)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(early|late|mid|début|fin|mi)[\s-]+", "", text, flags=re.IGNORECASE)
    return " ".join(text.split())


@functools.lru_cache(maxsize=8192)  # wire copy repeats its date phrases; dateparser is the slow part
def _parse(text: str, language: str, published: dt.date | None, future: bool) -> tuple[dt.date, str] | None:
    if not text:
        return None
    base = published or dt.date(1970, 1, 1)
    data = _parser(language, base, "future" if future else "past").get_date_data(text)
    if data.date_obj is None:
        return None
    period = data.period or "day"
    if published is None and not _is_absolute(text, period):
        return None  # relative to nothing: no date rather than a guess
    return data.date_obj.date(), period


def _is_absolute(text: str, period: str) -> bool:
    has_year = re.search(r"\b(?:19|20)\d{2}\b", text) is not None
    return has_year and period in ("day", "month", "year")


@functools.lru_cache(maxsize=64)
def _parser(language: str, base: dt.date, prefer: str) -> DateDataParser:
    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=[language], settings=settings)
