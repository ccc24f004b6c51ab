"""The actor gazetteer: alias tables loaded once into one Aho-Corasick automaton per language.

Tables are TSV (or JSONL) rows with the columns of `COLUMNS`. An alias may list variants
separated by "|". Keys are folded with `marsad.normalize.fold_text`, so matching is
linear in the text and insensitive to case, accents and Arabic diacritics.

Arabic: a key keeps no leading article. An alias written with "ال" needs an article
prefix in the text (ال، وال، بال، لل...); one written without accepts the clitics
و، ف، ب، ل، ك (and the article, which demonyms and role words take freely). A
demonym row gives the masculine singular; feminine and plural forms are generated.
"""

from __future__ import annotations

import csv
import json
import logging
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import ahocorasick

from marsad.normalize import fold_text

log = logging.getLogger(__name__)

COLUMNS = ("alias", "lang", "kind", "code", "sector", "name", "identifier", "office", "flags")
LANGUAGES = ("ar", "en", "fr")
BUILTIN_TABLES = ("groups.tsv", "people.tsv", "countries.tsv", "roles.tsv", "countries_iso.tsv")

_CLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك"})
_ARTICLES = frozenset({"ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "فبال"})
_AR_ARTICLE = "ال"


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One row of an actor table, for one language."""

    alias: str
    lang: str
    kind: str  # country, demonym, capital, role, office, person, group, igo, generic
    code: str
    sector: str = ""
    name: str = ""
    identifier: str = ""
    office: str = ""
    flags: frozenset[str] = frozenset()

    def flag_value(self, prefix: str) -> str:
        """The value of a "prefix:value" flag, or ""."""
        for flag in self.flags:
            if flag.startswith(prefix + ":"):
                return flag.split(":", 1)[1]
        return ""


@dataclass(frozen=True, slots=True)
class Key:
    """A folded key in the automaton and how it may match."""

    entry: GazetteerEntry
    needs_article: bool  # Arabic: the alias had "ال", so the text must carry an article prefix
    exact_case: str  # non-empty: the original text must read exactly this (acronyms: US, IS, UN)


@dataclass(frozen=True, slots=True)
class Hit:
    """A gazetteer match in folded sentence text: [start, end) and its entry."""

    start: int
    end: int
    entry: GazetteerEntry


def read_table(path: Path) -> list[GazetteerEntry]:
    """Read a TSV (with a header row, "#" comment lines) or JSONL table of aliases."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return list(_entries(json.loads(line) for line in text.splitlines() if line.strip()))
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(_entries(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)))


def _entries(rows: Iterable[dict[str, str]]) -> Iterator[GazetteerEntry]:
    for row in rows:
        flags = frozenset(f.strip() for f in (row.get("flags") or "").split(",") if f.strip())
        langs = [lang.strip() for lang in (row.get("lang") or "*").split(",")]
        for lang in LANGUAGES if "*" in langs else langs:
            for alias in (row.get("alias") or "").split("|"):
                if alias.strip():
                    yield GazetteerEntry(
                        alias=alias.strip(),
                        lang=lang,
                        kind=(row.get("kind") or "").strip(),
                        code=(row.get("code") or "").strip(),
                        sector=(row.get("sector") or "").strip(),
                        name=(row.get("name") or "").strip(),
                        identifier=(row.get("identifier") or "").strip(),
                        office=(row.get("office") or "").strip(),
                        flags=flags,
                    )


def builtin_entries() -> list[GazetteerEntry]:
    """The tables shipped in `marsad/data/actors`, in priority order."""
    folder = resources.files("marsad") / "data" / "actors"
    entries: list[GazetteerEntry] = []
    for name in BUILTIN_TABLES:
        with resources.as_file(folder / name) as path:
            entries.extend(read_table(path))
    return entries


def demonym_forms(entry: GazetteerEntry) -> list[GazetteerEntry]:
    """The entry plus its inflected forms; plural forms carry the "plural" flag."""
    if entry.kind != "demonym" or "noinflect" in entry.flags:
        return [entry]
    base = entry.alias
    plural = entry.flags | {"plural"}
    forms: list[tuple[str, frozenset[str]]] = [(base, entry.flags)]
    if entry.lang == "en" and not base.endswith(("sh", "ch", "ese", "s")):
        forms.append((base + "s", plural))
    elif entry.lang == "fr":
        feminine = _french_feminine(base)
        forms += [(feminine, entry.flags), (feminine + "s", plural)]
        if not base.endswith(("s", "x")):
            forms.append((base + "s", plural))
    elif entry.lang == "ar":
        # "ا": the indefinite accusative («جنديا أميركيا», «مدنيا أفغانيا»)
        forms += [(_arabic_agreeing(base, "ة"), entry.flags), (_arabic_agreeing(base, "ا"), entry.flags)]
        forms += [(_arabic_agreeing(base, "ين"), plural), (_arabic_agreeing(base, "ون"), plural)]
        forms.append((_arabic_agreeing(base, "ان"), plural))
        # feminine dual, mostly an adjective («طائرتين جورجيتين»), and plural («سوريات»: women)
        forms += [(_arabic_agreeing(base, s), entry.flags) for s in ("تين", "تان")]
        forms.append((_arabic_agreeing(base, "ات"), plural))
        if " " in base:  # the article on the adjective too: «الكوريين الجنوبيين»
            forms += [(_arabic_definite(alias), flags) for alias, flags in forms if "ا" not in alias[-1:]]
    return [_with(entry, alias, flags) for alias, flags in dict.fromkeys(forms)]


def _arabic_agreeing(base: str, suffix: str) -> str:
    """Every word of a demonym agrees: «كوري جنوبي» -> «كوريين جنوبيين»."""
    return " ".join(word + suffix for word in base.split(" "))


def _arabic_definite(alias: str) -> str:
    """The article on each word after the first (the first one's comes from the text's prefix)."""
    first, *rest = alias.split(" ")
    return " ".join([first] + ["ال" + word for word in rest])


def arabic_noun_forms(entry: GazetteerEntry, written: frozenset[str] = frozenset()) -> list[GazetteerEntry]:
    """Forms of a one-word Arabic role noun that tables rarely list: the indefinite accusative
    alef («جنودا», «إرهابيا», «أشخاصا»), and a sound plural in construct, which drops its nun
    («مقاتلي الشباب», «مسلحو العشيرة»). Definite words take neither, nor does a dual that `written`
    (the table's aliases) lists with its nominative («شخصين»/«شخصان»: «شخصي» is "personal")."""
    alias = entry.alias
    if entry.lang != "ar" or entry.kind not in ("role", "generic") or " " in alias:
        return []
    if alias.startswith(_AR_ARTICLE) or len(alias) < 4:
        return []
    if alias.endswith(("ين", "ون")):
        dual = alias.endswith("ين") and alias[:-2] + "ان" in written
        return [] if dual else [_with(entry, alias[:-1], entry.flags | {"construct"})]
    if alias.endswith(("ان", "ات", "ا", "ة", "ى", "ء", "ه")):
        return []
    return [_with(entry, alias + "ا", entry.flags)]


def _french_feminine(masculine: str) -> str:
    if masculine.endswith("e"):
        return masculine
    if masculine.endswith(("ien", "éen")):
        return masculine + "ne"
    return masculine + "e"


def _with(entry: GazetteerEntry, alias: str, flags: frozenset[str]) -> GazetteerEntry:
    return GazetteerEntry(
        alias,
        entry.lang,
        entry.kind,
        entry.code,
        entry.sector,
        entry.name,
        entry.identifier,
        entry.office,
        flags,
    )


def make_key(entry: GazetteerEntry) -> tuple[str, Key]:
    """The folded automaton key of an entry and its matching constraints."""
    folded = fold_text(entry.alias).strip()
    # Only a plain alef-lam is the article: "ألمانيا" (hamza) is not "ال" + "مانيا".
    needs_article = entry.lang == "ar" and entry.alias.startswith(_AR_ARTICLE) and len(folded) > 4
    if needs_article:
        folded = folded[len(_AR_ARTICLE) :]
    letters = entry.alias.replace(".", "").replace("-", "")
    acronym = letters.isascii() and letters.isupper() and len(letters) <= 4
    # "exact": the original must be spelt so («إمام», the title; «أمام» is "in front of").
    exact = acronym or not entry.flags.isdisjoint({"case", "exact"})
    return folded, Key(entry, needs_article, entry.alias if exact else "")


class Gazetteer:
    """All aliases, one automaton per language; `find` lists valid matches in folded text."""

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        keys: dict[str, dict[str, list[Key]]] = {lang: {} for lang in LANGUAGES}
        entries = list(entries)
        for entry in entries:
            for form in demonym_forms(entry):
                folded, key = make_key(form)
                if folded and form.lang in keys:
                    keys[form.lang].setdefault(folded, []).append(key)
        written = frozenset(e.alias for e in entries if e.lang == "ar")
        for entry in entries:  # generated forms never shadow a written alias
            for form in arabic_noun_forms(entry, written):
                folded, key = make_key(form)
                keys["ar"].setdefault(folded, [key])
        self.automata = {lang: _automaton(table) for lang, table in keys.items()}
        self.size = sum(len(table) for table in keys.values())
        self.names_by_code = _country_names(keys)
        self.shadowed = _shadowed_demonyms(keys)

    def find(self, folded: str, original: str, offsets: tuple[int, ...], lang: str) -> list[Hit]:
        """Valid matches in `folded` (offsets map folded positions into `original`)."""
        automaton = self.automata.get(lang) or self.automata["en"]
        hits: list[Hit] = []
        for last, (length, candidates) in automaton.iter(folded):
            start, end = last + 1 - length, last + 1
            if end < len(folded) and folded[end].isalnum():
                continue
            prefix = _token_prefix(folded, start)
            for key in candidates:
                if _accepts(key, prefix, original[offsets[start] : offsets[end - 1] + 1]):
                    # The article belongs to the mention ("العراق"); a clitic before it does not.
                    article = prefix is not None and prefix.endswith(_AR_ARTICLE)
                    hits.append(Hit(start - 2 if article else start, end, key.entry))
                    break
        return hits


def _shadowed_demonyms(keys: dict[str, dict[str, list[Key]]]) -> dict[GazetteerEntry, GazetteerEntry]:
    """A bare surname that is also a demonym («السوداني»: al-Sudani or "Sudanese"): the surname's
    entry, mapped to the demonym it hides; the recognizer reads the demonym until the person is named."""
    shadowed: dict[GazetteerEntry, GazetteerEntry] = {}
    for table in keys.values():
        for candidates in table.values():
            first = candidates[0].entry
            if first.kind != "person" or "after" not in first.flags:
                continue
            demonym = next((k.entry for k in candidates if k.entry.kind == "demonym"), None)
            if demonym is not None:
                shadowed[first] = demonym
    return shadowed


def _automaton(table: dict[str, list[Key]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for folded, keys in table.items():
        automaton.add_word(folded, (len(folded), tuple(keys)))
    automaton.make_automaton()
    return automaton


def _token_prefix(folded: str, start: int) -> str | None:
    """The letters glued before `start` in the same word; None when they cannot be a prefix."""
    begin = start
    while begin > 0 and folded[begin - 1].isalnum():
        begin -= 1
        if start - begin > 4:
            return None
    return folded[begin:start]


def _accepts(key: Key, prefix: str | None, original: str) -> bool:
    if prefix is None or (key.exact_case and _undotted(original) != key.exact_case):
        return False
    if key.entry.lang != "ar":
        return prefix == ""
    if key.needs_article:
        return prefix in _ARTICLES
    return prefix in _CLITICS or prefix in _ARTICLES


def _undotted(text: str) -> str:
    """The text without combining marks (Arabic harakat), for the exact-spelling check."""
    return "".join(c for c in text if not unicodedata.combining(c))


def _country_names(keys: dict[str, dict[str, list[Key]]]) -> dict[str, str]:
    """Canonical English name per code: the first named entry wins (hand tables come first)."""
    names: dict[str, str] = {}
    for table in keys.values():
        for candidates in table.values():
            for key in candidates:
                if key.entry.name and key.entry.kind in ("country", "demonym", "capital"):
                    names.setdefault(key.entry.code, key.entry.name)
    return names
