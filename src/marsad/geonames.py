"""The offline place gazetteer and its matcher: place names found in folded text.

The gazetteer is `data/places/places.tsv` (built from GeoNames by `scripts/build_places.py`,
its alternate names stored already folded) plus the hand-written `extra.tsv` (provinces,
bases, border crossings). Every name is folded
with `fold_text` and put in one Aho-Corasick automaton, so a text is scanned once whatever the
number of names. A hit counts only on word boundaries; Arabic names may carry the proclitics
و ف ب ل ك (and «لل» for a name with the article: «للموصل»).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

import ahocorasick

from marsad.normalize import fold_char

log = logging.getLogger(__name__)

COLUMNS = ("id", "name", "country", "province", "lat", "lon", "feature", "population", "names")
PROVINCE_FEATURES = frozenset({"ADM1", "ADM2", "RGN"})
COUNTRY_FEATURES = frozenset({"PCLI"})
# Clitics that may stand in front of an Arabic name inside the same written word.
ARABIC_PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك"})
# Folded text is matched with hyphens as spaces ("Deir ez-Zor" == "Deir ez Zor"), same length.
_MATCH_TRANSLATION = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " "})


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    key: str  # geonameid, GeoNames admin-1 key ("IQ.15") or "site:<slug>"
    name: str
    country: str  # ISO 3166 alpha-3
    province: str
    lat: float
    lon: float
    feature: str
    population: int

    @property
    def geonameid(self) -> int | None:
        return int(self.key) if self.key.isdigit() else None

    @property
    def resolution(self) -> str:
        if self.feature in COUNTRY_FEATURES:
            return "country"
        return "province" if self.feature in PROVINCE_FEATURES else "city"

    @property
    def is_capital(self) -> bool:
        return self.feature == "PPLC"


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A place name found in folded text; `start`/`end` index the folded text."""

    start: int  # the name itself, after any proclitic
    end: int
    name: str  # the folded name that matched
    places: tuple[Place, ...]
    proclitic: str  # the Arabic proclitic in front of the name, "" when none


class Gazetteer:
    """Places by folded name, with one automaton over all names.

    Rows stay as lists of strings and become `Place` records when first looked up: most of the
    40,000 rows are never needed, and this keeps loading well under a second.
    """

    def __init__(self, rows: list[list[str]], names: dict[str, list[int]]) -> None:
        self._rows = rows
        self._cache: dict[int, Place] = {}
        self._slots: list[tuple[str, tuple[int, ...]]] = []
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for name, indexes in names.items():
            self._add(name, tuple(indexes))
            if name.startswith("ال") and len(name) > 3:  # «للموصل»: lam + the article's lam
                self._add("لل" + name[2:], tuple(indexes))
        self._automaton.make_automaton()
        self.capitals = {row[2]: self.place(i) for i, row in enumerate(rows) if row[6] == "PPLC"}
        self.countries = {row[2]: self.place(i) for i, row in enumerate(rows) if row[6] in COUNTRY_FEATURES}

    def _add(self, name: str, indexes: tuple[int, ...]) -> None:
        self._automaton.add_word(name, len(self._slots))
        self._slots.append((name, indexes))

    def __len__(self) -> int:
        return len(self._rows)

    def place(self, index: int) -> Place:
        found = self._cache.get(index)
        if found is None:
            found = self._cache[index] = _place(self._rows[index])
        return found

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Places called `name` (any script, folded here)."""
        slot = self._automaton.get(name_key(name), None)
        return () if slot is None else tuple(self.place(i) for i in self._slots[slot][1])

    def find(self, folded: str) -> list[NameMatch]:
        """Longest non-overlapping place names in `folded` text, left to right."""
        text = folded.translate(_MATCH_TRANSLATION)
        kept: list[NameMatch] = []
        for hit in sorted(self._hits(text), key=lambda m: (m.start - m.end, m.start)):
            if all(hit.end <= k.start or hit.start >= k.end for k in kept):
                kept.append(hit)
        return sorted(kept, key=lambda m: m.start)

    def _hits(self, text: str) -> Iterator[NameMatch]:
        for last, slot in self._automaton.iter(text):
            name, indexes = self._slots[slot]
            start, end = last - len(name) + 1, last + 1
            if end < len(text) and text[end].isalnum():
                continue
            proclitic = _proclitic_before(text, start, name)
            if proclitic is None:
                continue
            places = tuple(self.place(i) for i in indexes)
            yield NameMatch(start, end, name, places, proclitic)


def _proclitic_before(text: str, start: int, name: str) -> str | None:
    """ "" at a word start, the Arabic proclitic glued in front of an Arabic name, else None."""
    word_start = start
    while word_start > 0 and text[word_start - 1].isalnum():
        word_start -= 1
    prefix = text[word_start:start]
    if not prefix:
        return ""
    if name.startswith("لل"):  # already carries its lam: only و ف may precede
        return prefix if prefix in {"و", "ف"} else None
    return prefix if _is_arabic(name[0]) and prefix in ARABIC_PROCLITICS else None


def _is_arabic(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff"


class _FoldTable(dict[int, str]):
    """`str.translate` table that folds like `fold_text`, filled one character at a time."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def _match_form(folded: str) -> str:
    return " ".join(folded.translate(_MATCH_TRANSLATION).split())


def name_key(name: str) -> str:
    """The automaton key of a gazetteer name: `fold_text` (via a fast table), hyphens as spaces."""
    return _match_form(name.translate(_FOLD_TABLE))


def _read_rows(filename: str) -> Iterator[list[str]]:
    """TSV rows as lists of COLUMNS (plain split: the files hold no quoting)."""
    path = resources.files("marsad") / "data" / "places" / filename
    with path.open(encoding="utf-8") as lines:
        header = None
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if header is None:
                header = fields
                if tuple(header) != COLUMNS:
                    raise ValueError(f"{filename}: columns {header} are not {COLUMNS}")
                continue
            yield fields


def _place(fields: list[str]) -> Place:
    key, name, country, province, lat, lon, feature, population = fields[:8]
    return Place(key, name, country, province, float(lat), float(lon), feature, int(population or 0))


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    rows: list[list[str]] = []
    names: dict[str, list[int]] = {}
    for filename, folded in (("places.tsv", True), ("extra.tsv", False)):
        for fields in _read_rows(filename):
            index = len(rows)
            rows.append(fields[:8])  # names live in the automaton only
            keys = fields[8].split("|") if folded else [name_key(n) for n in fields[8].split("|")]
            for key in {name_key(fields[1]), *keys}:
                if len(key) >= 2:
                    names.setdefault(key, []).append(index)
    log.debug("gazetteer: %d places, %d names", len(rows), len(names))
    return Gazetteer(rows, names)
