"""The trigger and cue lexicons, and the phrase matcher that finds them in folded text.

Lexicons are TSV files under `marsad/data/lexicon/`, written by hand. Patterns are
folded with `fold_text` on load and matched on folded sentence text by one
Aho-Corasick automaton per language (one pass per sentence, whatever the lexicon size).

Pattern syntax (one column):
- `word` or `two words`: whole words; `stem*`: the last word may continue
  ("condemn*" matches "condemned", "condemns").
- `head ... tail`: `head` then `tail` within the next few words
  ("imposed ... sanctions" matches "imposed new US sanctions").
- Arabic words may carry the proclitics و ف ب ل ال (and combinations); a
  future prefix س (as in «سيزور») is reported on the match so the coder can make
  the event a promise.
"""

from __future__ import annotations

import csv
import functools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Generic, TypeVar

import ahocorasick

from marsad.normalize import fold_text

log = logging.getLogger(__name__)

LANGUAGES = ("ar", "en", "fr")
TAIL_WINDOW_WORDS = 6
# Arabic puts the whole subject between verb and object («تلقى <title and name>، يوم <day>، اتصالا»).
TAIL_WINDOW_WORDS_AR = 12
DIRECTIONS = frozenset({"active", "passive", "host", "nominal"})
FORMS = frozenset({"", "noun", "verb"})

# Arabic clitics that may sit in front of a lexicon word inside the same written word.
_ARABIC_PROCLITICS = frozenset(
    {"و", "ف", "ب", "ل", "ال", "وال", "فال", "بال", "لل", "ول", "فل", "وب", "فب", "س", "وس", "فس", "ولل"}
)

T = TypeVar("T")


def is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


@dataclass(frozen=True, slots=True)
class Phrase:
    """A parsed pattern: folded head, optional folded tail, and whether the head is a stem."""

    head: str
    tail: str = ""
    prefix: bool = False

    @classmethod
    def parse(cls, pattern: str) -> Phrase:
        head, _, tail = (part.strip() for part in fold_text(pattern).partition("..."))
        prefix = head.endswith("*")
        return cls(head=head.rstrip("*").strip(), tail=tail.rstrip("*").strip(), prefix=prefix)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon row: a phrase that signals a PLOVER event."""

    language: str
    phrase: Phrase
    event: str
    mode: str
    direction: str  # active, passive, host or nominal (see marsad.direction)
    weight: float  # trigger strength in [0, 1]: how reliably the phrase means the event
    # "noun" (a masdar: «اختطاف», «مظاهرة»), "verb", or "" (noun when the direction is nominal).
    form: str = ""

    @property
    def noun(self) -> bool:
        return self.form == "noun" or (self.form != "verb" and self.direction == "nominal")


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue row: modality (negation, future, ...), context or mode evidence."""

    language: str
    phrase: Phrase
    kind: str  # negation, hypothetical, opinion, future, qa, context, mode, occurrence, ...
    # context name, EVENT:mode for mode cues, EVENT (or EVENT|EVENT) for occurrence cues; "" otherwise
    value: str
    window: int  # words before the trigger in which the cue counts; 0: the whole sentence


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """A lexicon entry found in folded text; `start`/`end` index the folded text."""

    entry: T
    start: int
    end: int
    head_end: int
    future_clitic: bool = False
    definite: bool = False  # Arabic «ال» glued on: a noun (masdar), read as nominal


class PhraseIndex(Generic[T]):
    """Aho-Corasick automata (one per language) over the heads of phrases."""

    def __init__(self, entries: Iterable[tuple[str, Phrase, T]]) -> None:
        grouped: dict[str, dict[str, list[tuple[Phrase, T]]]] = {}
        for language, phrase, entry in entries:
            grouped.setdefault(language, {}).setdefault(phrase.head, []).append((phrase, entry))
        self._automata: dict[str, ahocorasick.Automaton] = {}
        for language, by_head in grouped.items():
            automaton = ahocorasick.Automaton()
            for head, items in by_head.items():
                # Rows with a tail are more specific: try them first.
                items.sort(key=lambda item: -len(item[0].tail))
                automaton.add_word(head, (head, tuple(items)))
            automaton.make_automaton()
            self._automata[language] = automaton
        self.size = {lang: len(a) for lang, a in self._automata.items()}

    def find(self, text: str, language: str) -> list[Match[T]]:
        """All matches respecting word boundaries, overlaps resolved to the longest."""
        automaton = self._automata.get(language)
        if automaton is None:
            return []
        found: list[Match[T]] = []
        for last, (head, items) in automaton.iter(text):
            start = last - len(head) + 1
            clitic = _left_clitic(text, start, language)
            if clitic is None:
                continue
            match = _first_fitting(text, start, last + 1, items, language)
            if match is not None:
                found.append(
                    Match(
                        match.entry, start, match.end, last + 1, "س" in clitic, clitic.endswith(("ال", "لل"))
                    )
                )
        return _longest_non_overlapping(found)


def _left_clitic(text: str, start: int, language: str) -> str | None:
    """The proclitic glued to the match ("" at a word start); None when mid-word."""
    if start == 0 or not is_word_char(text[start - 1]):
        return ""
    if language != "ar":
        return None
    word_start = start
    while word_start > 0 and is_word_char(text[word_start - 1]):
        word_start -= 1
    clitic = text[word_start:start]
    return clitic if clitic in _ARABIC_PROCLITICS else None


def _first_fitting(
    text: str, start: int, end: int, items: tuple[tuple[Phrase, T], ...], language: str
) -> Match[T] | None:
    at_word_end = end >= len(text) or not is_word_char(text[end])
    for phrase, entry in items:
        if not (at_word_end or phrase.prefix):
            continue
        if not phrase.tail:
            return Match(entry, start, end, end)
        tail_end = _find_tail(text, end, phrase.tail, language)
        if tail_end is not None:
            return Match(entry, start, tail_end, end)
    return None


def _find_tail(text: str, after: int, tail: str, language: str) -> int | None:
    """End offset of `tail` within the next few words after `after`, else None."""
    window_end = after
    for _ in range((TAIL_WINDOW_WORDS_AR if language == "ar" else TAIL_WINDOW_WORDS) + 1):
        window_end = text.find(" ", window_end + 1)
        if window_end < 0:
            window_end = len(text)
            break
    at = text.find(tail, after, window_end + len(tail))
    while at >= 0:
        if language == "ar" or at == 0 or not is_word_char(text[at - 1]):
            return at + len(tail)
        at = text.find(tail, at + 1, window_end + len(tail))
    return None


def _longest_non_overlapping(matches: list[Match[T]]) -> list[Match[T]]:
    # At equal length a longer literal head is more specific than a gapped pattern
    # ("launched a scathing attack" over "launched ... attack").
    ranked = sorted(matches, key=lambda m: (-(m.end - m.start), -(m.head_end - m.start), m.start))
    kept: list[Match[T]] = []
    for match in ranked:
        if all(match.end <= k.start or match.start >= k.end for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)


def data_table(folder: str, name: str) -> Iterator[dict[str, str]]:
    """Rows of a shipped TSV under data/<folder>/ (header first; "#" lines are comments)."""
    text = resources.files("marsad").joinpath("data", folder, name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        yield {k: (v or "").strip() for k, v in row.items() if k}


def _rows(name: str) -> Iterator[dict[str, str]]:
    return data_table("lexicon", name)


def read_triggers(name: str) -> list[Trigger]:
    triggers = []
    for row in _rows(name):
        if row["direction"] not in DIRECTIONS:
            raise ValueError(f"{name}: unknown direction {row['direction']!r} for {row['pattern']!r}")
        if row.get("form", "") not in FORMS:
            raise ValueError(f"{name}: unknown form {row['form']!r} for {row['pattern']!r}")
        triggers.append(
            Trigger(
                language=row["language"],
                phrase=Phrase.parse(row["pattern"]),
                event=row["event"],
                mode=row["mode"],
                direction=row["direction"],
                weight=float(row["weight"] or 0.8),
                form=row.get("form", ""),
            )
        )
    return triggers


def read_cues(name: str) -> list[Cue]:
    return [
        Cue(
            language=row["language"],
            phrase=Phrase.parse(row["pattern"]),
            kind=row["kind"],
            value=row["value"],
            window=int(row["window"] or 0),
        )
        for row in _rows(name)
    ]


TRIGGER_FILES = tuple(f"triggers_{lang}.tsv" for lang in LANGUAGES)
CUE_FILE = "cues.tsv"


@dataclass(frozen=True)
class Lexicon:
    """Everything the event coder looks up in a sentence."""

    triggers: PhraseIndex[Trigger]
    cues: PhraseIndex[Cue]
    trigger_rows: tuple[Trigger, ...]
    # (language, event) pairs whose noun triggers need an occurrence cue near them (marsad.modality).
    reported_only: frozenset[tuple[str, str]] = frozenset()


@functools.cache
def load_lexicon() -> Lexicon:
    """Read the shipped lexicon files and build the automata (once per process)."""
    triggers = [t for name in TRIGGER_FILES for t in read_triggers(name)]
    cues = read_cues(CUE_FILE)
    log.debug("lexicon: %d triggers, %d cues", len(triggers), len(cues))
    return Lexicon(
        triggers=PhraseIndex((t.language, t.phrase, t) for t in triggers),
        cues=PhraseIndex((c.language, c.phrase, c) for c in cues),
        trigger_rows=tuple(triggers),
        reported_only=frozenset(
            (c.language, event) for c in cues if c.kind == "occurrence" for event in c.value.split("|")
        ),
    )
