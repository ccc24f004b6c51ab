"""The actor registry: one record per person or organisation seen in a store.

    records = list_actors(store)      # from the stored events, most active first
    print(format_actors(records))     # an aligned text table (`marsad actors`)

Identity, in order: the Wikidata identifier; else the canonical name (a known person or group,
or for a person the coder does not know, the name as written after the title); else, for an
institution named by its role only ("the Iraqi government", "French troops"), its country and
sector. Names of people the coder does not know are merged when their spellings are variants of
one another: Fuad/Fouad, Kadhimi/Kazimi/Kadhemi, al-/el-/Al- (a spelling key, then rapidfuzz).
An Arabic name is linked to a Latin-script one through `arabic-name-romanizer` when that
optional package is installed (it runs offline); without it the Arabic spelling stays a record
of its own, unless the coder knew the person (then the canonical name links them already).

Counts are per-article reports (`EventQuery(mentions=True)`): one canonical event told by three
articles counts three times, and each article's spelling is kept as an alias.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from marsad.gazetteer import builtin_entries
from marsad.model import Entity, Event
from marsad.normalize import fold_text
from marsad.store import EventQuery, SQLiteStore

log = logging.getLogger(__name__)

FUZZY_THRESHOLD = 90  # rapidfuzz ratio on spelling keys; below it two names stay apart
_PARTICLES = re.compile(r"\b(al|el|ul|ad|ar|as|ash|at|az|an)[- ]")
# Transliteration variants folded onto one spelling: ou/u, dh/z/th, kh/k, q/k, sh/ch, ee/i, e/i.
_VARIANTS: tuple[tuple[str, str], ...] = (
    ("ou", "u"), ("oo", "u"), ("dh", "z"), ("th", "z"), ("kh", "k"), ("q", "k"), ("ch", "sh"),
    ("ee", "i"), ("e", "i"), ("y", "i"), ("w", "u"), ("'", ""), ("-", " "),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Office:
    """A role the actor was seen in, with the first and last dates it was seen."""

    office: str
    first: dt.date | None
    last: dt.date | None


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """One person or organisation across the store."""

    key: str  # "Q2429253", "name:Fuad Hussein" or "IRQ/GOV"
    name: str
    kind: str  # person, organisation, institution
    code: str
    sector: str
    identifier: str
    aliases: tuple[tuple[str, tuple[str, ...]], ...]  # (script, spellings): ("ar", ("فؤاد حسين",))
    offices: tuple[Office, ...]
    events: int
    first_seen: dt.date | None
    last_seen: dt.date | None


@dataclass
class _Draft:
    """A record while it is being gathered."""

    key: str
    name: str
    kind: str
    identifier: str = ""
    codes: Counter[str] = field(default_factory=Counter)
    sectors: Counter[str] = field(default_factory=Counter)
    spellings: dict[str, set[str]] = field(default_factory=dict)
    offices: dict[str, list[dt.date]] = field(default_factory=dict)
    dates: list[dt.date] = field(default_factory=list)
    event_ids: set[str] = field(default_factory=set)

    def add(self, entity: Entity, event: Event) -> None:
        self.codes[entity.code] += 1
        self.sectors[entity.sector] += 1
        if entity.entity_text:
            self.spellings.setdefault(script_of(entity.entity_text), set()).add(entity.entity_text)
        when = event.date or event.cite.published
        if entity.office:
            self.offices.setdefault(entity.office, []).extend([when] if when else [])
        self.dates.extend([when] if when else [])
        self.event_ids.add(event.id)

    def absorb(self, other: _Draft) -> None:
        self.codes.update(other.codes)
        self.sectors.update(other.sectors)
        for script, names in other.spellings.items():
            self.spellings.setdefault(script, set()).update(names)
        for office, dates in other.offices.items():
            self.offices.setdefault(office, []).extend(dates)
        self.dates.extend(other.dates)
        self.event_ids.update(other.event_ids)


def list_actors(store: SQLiteStore) -> list[ActorRecord]:
    """Every actor and recipient of the stored events, merged by identity; most active first."""
    return build_records(store.iter_events(EventQuery(mentions=True)))


def build_records(events: Iterable[Event]) -> list[ActorRecord]:
    """The registry of a sequence of events (what `list_actors` reads from a store)."""
    drafts: dict[str, _Draft] = {}
    for event in events:
        for entity in (*event.actor, *event.recipient):
            if entity.code or entity.sector or entity.name:
                key, name, kind = identity(entity)
                drafts.setdefault(key, _Draft(key, name, kind, entity.identifier)).add(entity, event)
    merged = merge_variants(list(drafts.values()))
    records = [_finish(d) for d in merged]
    return sorted(records, key=lambda r: (-r.events, r.name))


def identity(entity: Entity) -> tuple[str, str, str]:
    """(key, display name, kind) of an entity: Wikidata id, else canonical name, else code/sector."""
    person = bool(entity.office) and bool(entity.name)
    kind = "person" if person else "organisation"
    if entity.identifier:
        return entity.identifier, entity.name or entity.identifier, kind
    if entity.name and entity.name not in _state_names():
        return "name:" + entity.name, entity.name, kind
    label = f"{entity.code or '?'}/{entity.sector or '-'}"
    return label, _institution_name(entity), "institution"


def merge_variants(drafts: list[_Draft]) -> list[_Draft]:
    """Merge records of people whose names are spelling variants of one another."""
    romanize = _romanizer()
    kept: list[_Draft] = []
    spelled: list[tuple[str, _Draft]] = []
    for draft in sorted(drafts, key=lambda d: (d.identifier == "", -len(d.event_ids))):
        key = _spelling_key(draft, romanize)
        twin = _twin(key, draft, spelled) if key else None
        if twin is None:
            kept.append(draft)
            spelled.extend([(key, draft)] if key else [])
        else:
            twin.absorb(draft)
    return kept


def spelling_key(name: str) -> str:
    """A Latin-script name folded so that transliteration variants coincide ("kazimi mustafa")."""
    text = _PARTICLES.sub("", fold_text(name) + " ")
    for old, new in _VARIANTS:
        text = text.replace(old, new)
    text = re.sub(r"(.)\1", r"\1", text)  # Husseini / Huseini
    return " ".join(sorted(text.split()))


def script_of(text: str) -> str:
    """ "ar" for Arabic script, "latin" otherwise."""
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    return "ar" if arabic * 2 > len(text.replace(" ", "")) else "latin"


def format_actors(records: list[ActorRecord]) -> str:
    """An aligned text table: one line per actor, its aliases per script and its offices."""
    header = ("actor", "kind", "code", "sector", "events", "first", "last", "offices", "aliases")
    rows = [header] + [_row(r) for r in records]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1] for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines)


def _row(record: ActorRecord) -> tuple[str, ...]:
    offices = "; ".join(_office_text(o) for o in record.offices)
    aliases = "; ".join(f"{script}: {', '.join(names)}" for script, names in record.aliases)
    first = record.first_seen.isoformat() if record.first_seen else "-"
    last = record.last_seen.isoformat() if record.last_seen else "-"
    code, sector = record.code or "-", record.sector or "-"
    return (record.name, record.kind, code, sector, str(record.events), first, last, offices or "-", aliases)


def _office_text(office: Office) -> str:
    if office.first is None or office.last is None:
        return office.office
    return f"{office.office} ({office.first.isoformat()}..{office.last.isoformat()})"


def _twin(key: str, draft: _Draft, spelled: list[tuple[str, _Draft]]) -> _Draft | None:
    code = _top(draft.codes)
    for other_key, other in spelled:
        compatible = not code or not _top(other.codes) or code == _top(other.codes)
        if compatible and fuzz.ratio(key, other_key) >= FUZZY_THRESHOLD:
            return other
    return None


def _spelling_key(draft: _Draft, romanize: Callable[[str], str] | None) -> str:
    """The spelling key of a person's record; "" for organisations and institutions."""
    if draft.kind != "person" or draft.identifier:
        return ""
    if script_of(draft.name) == "latin":
        return spelling_key(draft.name)
    return spelling_key(romanize(draft.name)) if romanize else ""


def _finish(draft: _Draft) -> ActorRecord:
    offices = tuple(
        Office(office, min(dates) if dates else None, max(dates) if dates else None)
        for office, dates in sorted(draft.offices.items())
    )
    aliases = tuple((script, tuple(sorted(names))) for script, names in sorted(draft.spellings.items()))
    return ActorRecord(
        key=draft.key,
        name=draft.name,
        kind=draft.kind,
        code=_top(draft.codes),
        sector=_top(draft.sectors),
        identifier=draft.identifier,
        aliases=aliases,
        offices=offices,
        events=len(draft.event_ids),
        first_seen=min(draft.dates) if draft.dates else None,
        last_seen=max(draft.dates) if draft.dates else None,
    )


def _top(counts: Counter[str]) -> str:
    """The most frequent non-empty value ("" when none)."""
    values = [(n, v) for v, n in counts.items() if v]
    return max(values)[1] if values else ""


def _institution_name(entity: Entity) -> str:
    state = entity.name if entity.name in _state_names() else entity.code or "unknown"
    return f"{state} ({entity.sector})" if entity.sector else state


@functools.cache
def _state_names() -> frozenset[str]:
    """Canonical names of states, which name a country, not one organisation."""
    kinds = ("country", "demonym", "capital")
    return frozenset(e.name for e in builtin_entries() if e.kind in kinds and e.name)


@functools.cache
def _romanizer() -> Callable[[str], str] | None:
    """`arabic_name_romanizer.transliterate`, when the optional package is installed."""
    try:
        module = importlib.import_module("arabic_name_romanizer")
    except ImportError:
        log.info("arabic-name-romanizer not installed: Arabic names are not linked to Latin ones")
        return None
    transliterate: Callable[[str], str] = module.transliterate
    return transliterate
