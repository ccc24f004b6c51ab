"""The packaged demo corpus and its gold are well-formed (no pipeline is run here).

Each check is a function that returns a list of problems, so it is tested twice: on the
real corpus (no problems) and on a deliberately broken row (the problem is reported).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from marsad import plover
from marsad.demo import demo_dir, demo_inputs
from marsad.ingest import iter_documents
from marsad.model import Failure

LANGUAGES = ("ar", "en", "fr")
FIRST_DAY, LAST_DAY = dt.date(2025, 1, 1), dt.date(2026, 11, 20)
RESOLUTIONS = frozenset({"city", "province", "country"})
PRECISIONS = frozenset({"day", "month", "year"})
# Every language must show each of these (CONSULT twice: a visit and a phone call).
REQUIRED_PER_LANGUAGE = ("AGREE", "SUPPORT", "REQUEST", "ACCUSE", "ASSAULT", "COERCE", "RETREAT")
# The feed line with no publication date and no date in its text.
UNDATED_STORY = "wire.jsonl#10"
# Relative and absolute date expressions the gold must exercise, per language.
DATE_PHRASES = {
    "en": ("on Thursday", "yesterday", "last March", "Earlier this month", "On August 26", "July 2025"),
    "fr": ("jeudi dernier", "mardi prochain", "Le 27 août", "en mars dernier", "mai 2025", "hier"),
    "ar": (
        "الجمعة",
        "يوم الخميس الماضي",
        "أمس",
        "الشهر المقبل",
        "آذار",
        "آب",
        "تموز ٢٠٢٥",
        "أيلول",
        "نيسان",
        "شباط",
        "حزيران",
        "أيار",
        "تشرين الأول",
        "٢٧ آب",
    ),
}
_CODE = re.compile(r"^[A-Z]{3}$")
_PREFIX = re.compile(r"^(ar|en|fr)_\d{2}_[a-z0-9_]+\.(txt|html)$")

ROOT = demo_dir()


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def story_texts(root: Path) -> dict[str, str]:
    """Story key -> the raw text the gold evidence must be found in."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted((root / "articles").iterdir())}
    for number, row in enumerate(read_jsonl(root / "feeds" / "wire.jsonl"), start=1):
        texts[f"wire.jsonl#{number}"] = row["text"]
    return texts


def story_languages(root: Path) -> dict[str, str]:
    """Story key -> language, from the file prefix or the feed line's `language`."""
    languages = {name: name[:2] for name in story_texts(root) if not name.startswith("wire.jsonl#")}
    for number, row in enumerate(read_jsonl(root / "feeds" / "wire.jsonl"), start=1):
        languages[f"wire.jsonl#{number}"] = row["language"]
    return languages


def gold_rows() -> list[dict[str, Any]]:
    return read_jsonl(ROOT / "gold.jsonl")


def _iso_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def row_problems(row: dict[str, Any], texts: dict[str, str], languages: dict[str, str]) -> list[str]:
    """What is wrong with one gold event, as readable messages (empty when it is well-formed)."""
    problems = []
    story, event = str(row.get("story")), str(row.get("event"))
    if story not in texts:
        return [f"{story}: no such story"]
    if row.get("language") != languages[story]:
        problems.append(f"{story}: language {row.get('language')} but the story is {languages[story]}")
    if event not in plover.EVENT_TYPES:
        return [*problems, f"{story}: unknown event type {event}"]
    bad_modes = set(row.get("mode") or ()) - plover.valid_modes(event)
    if bad_modes:
        problems.append(f"{story}: modes {sorted(bad_modes)} are not valid for {event}")
    problems += _argument_problems(row, story, event)
    if str(row.get("evidence") or "") not in texts[story] or not row.get("evidence"):
        problems.append(f"{story}: evidence not found verbatim: {row.get('evidence')!r}")
    problems += _date_problems(row, story)
    problems += _place_problems(row.get("place"), story, texts[story])
    if not str(row.get("cluster") or ""):
        problems.append(f"{story}: no cluster id")
    return problems


def _date_problems(row: dict[str, Any], story: str) -> list[str]:
    # An undated story (no publication date, no date in the text) gives events no date.
    if row.get("date") is None and row.get("date_precision") == "":
        return []
    problems = []
    date = _iso_date(row.get("date"))
    if date is None or not FIRST_DAY <= date <= LAST_DAY:
        problems.append(f"{story}: bad date {row.get('date')!r}")
    if row.get("date_precision") not in PRECISIONS:
        problems.append(f"{story}: bad date_precision {row.get('date_precision')!r}")
    return problems


def _place_problems(place: Any, story: str, text: str) -> list[str]:
    if place is None:
        return []
    if not isinstance(place, dict) or set(place) != {"name", "geonameid", "country", "resolution"}:
        return [f"{story}: place must have name, geonameid, country, resolution: {place!r}"]
    problems = []
    if not place["name"] or place["name"] not in text:
        problems.append(f"{story}: place name not found verbatim: {place['name']!r}")
    if not _CODE.match(str(place["country"])):
        problems.append(f"{story}: place country must be 3 capital letters: {place['country']!r}")
    if place["resolution"] not in RESOLUTIONS:
        problems.append(f"{story}: bad place resolution {place['resolution']!r}")
    geonameid = place["geonameid"]
    if geonameid is not None and GAZETTEER.get(str(geonameid)) != place["country"]:
        problems.append(
            f"{story}: geonameid {geonameid!r} is not a {place['country']} place of the gazetteer"
        )
    return problems


def _gazetteer_countries() -> dict[str, str]:
    """Packaged gazetteer id -> ISO3 country, to check the gold's geonameids."""
    lines = (demo_dir().parent / "places" / "places.tsv").read_text(encoding="utf-8").splitlines()
    return {cells[0]: cells[2] for cells in (line.split("\t") for line in lines[1:]) if len(cells) > 2}


GAZETTEER = _gazetteer_countries()


def _argument_problems(row: dict[str, Any], story: str, event: str) -> list[str]:
    problems = []
    for role in ("actor", "recipient"):
        codes, sectors = list(row.get(role) or []), list(row.get(f"{role}_sectors") or [])
        if any(code != "" and not _CODE.match(code) for code in codes):
            problems.append(f"{story}: {role} codes must be 3 capital letters or '': {codes}")
        if len(codes) != len(sectors):
            problems.append(f"{story}: {role}_sectors is not parallel to {role}: {codes} / {sectors}")
        if any(s not in plover.SECTORS for s in sectors):
            problems.append(f"{story}: unknown {role} sector in {sectors}")
    if not row.get("actor"):
        problems.append(f"{story}: {event} without an actor")
    if event in plover.REQUIRES_RECIPIENT and not row.get("recipient"):
        problems.append(f"{story}: {event} requires a recipient")
    return problems


def test_every_gold_event_is_well_formed() -> None:
    texts, languages = story_texts(ROOT), story_languages(ROOT)
    problems = [p for row in gold_rows() for p in row_problems(row, texts, languages)]
    assert problems == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"evidence": "a sentence the article does not hold"}, "evidence not found"),
        ({"event": "FIGHT"}, "unknown event type"),
        ({"event": "CONSULT", "mode": ["release"]}, "not valid for CONSULT"),
        ({"actor": ["Iraq"]}, "3 capital letters"),
        ({"actor_sectors": []}, "not parallel"),
        ({"date": "14/10/2026"}, "bad date"),
        ({"date_precision": "week"}, "bad date_precision"),
        ({"story": "en_99_missing.txt"}, "no such story"),
        ({"language": "de"}, "language de"),
        ({"date": None}, "bad date"),
        ({"place": {"name": "Baghdad"}}, "place must have"),
        (
            {"place": {"name": "Atlantis", "geonameid": None, "country": "IRQ", "resolution": "city"}},
            "not found",
        ),
        (
            {"place": {"name": "Baghdad", "geonameid": 98182, "country": "IRQ", "resolution": "town"}},
            "resolution",
        ),
        (
            {"place": {"name": "Baghdad", "geonameid": 170654, "country": "IRQ", "resolution": "city"}},
            "geonameid",
        ),
        ({"event": "AID", "mode": [], "recipient": [], "recipient_sectors": []}, "requires a recipient"),
    ],
)
def test_row_problems_reports_a_broken_row(change: dict[str, Any], expected: str) -> None:
    texts, languages = story_texts(ROOT), story_languages(ROOT)
    row = {**gold_rows()[0], **change}
    assert any(expected in p for p in row_problems(row, texts, languages))


def test_at_least_twelve_stories_per_language() -> None:
    counts = Counter(story_languages(ROOT).values())
    assert {lang: counts[lang] >= 12 for lang in LANGUAGES} == dict.fromkeys(LANGUAGES, True)


def test_article_file_names_carry_their_language() -> None:
    names = [p.name for p in (ROOT / "articles").iterdir()]
    assert [n for n in names if not _PREFIX.match(n)] == []
    assert sum(n.endswith(".html") for n in names) >= 6


def test_every_story_is_in_gold_or_declared_empty() -> None:
    stories = set(story_texts(ROOT))
    coded = {row["story"] for row in gold_rows()}
    empty = {row["story"] for row in read_jsonl(ROOT / "gold_empty.jsonl")}
    assert coded & empty == set()
    assert empty <= stories
    assert stories - coded - empty == set()
    assert 2 <= len(empty) <= 4


def test_gold_covers_the_types_each_language_needs() -> None:
    by_language: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    consult_modes: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for row in gold_rows():
        by_language[row["language"]].add(row["event"])
        if row["event"] == "CONSULT":
            consult_modes[row["language"]].update(row["mode"])
    for lang in LANGUAGES:
        assert set(REQUIRED_PER_LANGUAGE) <= by_language[lang], lang
        assert {"visit", "phone"} <= consult_modes[lang], lang
    assert len(set().union(*by_language.values())) >= 10
    assert 80 <= len(gold_rows()) <= 130


def test_some_clusters_span_languages() -> None:
    languages: dict[str, set[str]] = {}
    for row in gold_rows():
        languages.setdefault(row["cluster"], set()).add(row["language"])
    assert sum(1 for langs in languages.values() if langs == set(LANGUAGES)) >= 1
    assert sum(1 for langs in languages.values() if len(langs) >= 2) >= 2


def test_a_cluster_holds_one_event_type_and_one_date() -> None:
    facts: dict[str, set[tuple[str, str]]] = {}
    for row in gold_rows():
        facts.setdefault(row["cluster"], set()).add((row["event"], row["date"]))
    assert {c: f for c, f in facts.items() if len(f) > 1} == {}


def test_feed_lines_parse_with_their_metadata() -> None:
    undated = []
    for number, row in enumerate(read_jsonl(ROOT / "feeds" / "wire.jsonl"), start=1):
        assert row["language"] in LANGUAGES
        assert row["text"].strip() and row["title"].strip() and row["source"].strip()
        assert re.match(r"^https://example\.(org|com)/", row["url"])
        if "published" not in row:
            undated.append(f"wire.jsonl#{number}")
        else:
            assert _iso_date(row["published"]) is not None
    assert undated == [UNDATED_STORY]


def test_only_the_undated_story_has_events_without_a_date() -> None:
    no_date = {row["story"] for row in gold_rows() if row["date"] is None}
    assert no_date == {UNDATED_STORY}
    assert all(row["date"] is None for row in gold_rows() if row["story"] == UNDATED_STORY)


@pytest.mark.parametrize(("lang", "phrases"), list(DATE_PHRASES.items()))
def test_gold_evidence_covers_every_date_kind(lang: str, phrases: tuple[str, ...]) -> None:
    evidence = " ".join(row["evidence"] for row in gold_rows() if row["language"] == lang)
    assert [p for p in phrases if p not in evidence] == []


def test_near_miss_pairs_of_one_dyad_are_separate_clusters() -> None:
    consults = [r for r in gold_rows() if r["event"] == "CONSULT" and r["actor"] == ["EGY"]]
    assert {(r["mode"][0], r["date"][:4]) for r in consults} == {("phone", "2026"), ("visit", "2025")}
    assert len({r["cluster"] for r in consults}) == 2


def test_manifest_names_every_text_file_and_only_existing_ones() -> None:
    manifest = read_jsonl(ROOT / "manifest.jsonl")
    paths = [row["path"] for row in manifest]
    texts = sorted(p.name for p in (ROOT / "articles").glob("*.txt"))
    assert sorted(paths) == texts
    for row in manifest:
        assert _iso_date(row["published"]) is not None
        assert re.match(r"^https://example\.(org|com)/", row["url"])


def test_html_pages_declare_language_and_date() -> None:
    for page in sorted((ROOT / "articles").glob("*.html")):
        raw = page.read_text(encoding="utf-8")
        lang = page.name[:2]
        assert f'<html lang="{lang}"' in raw, page.name
        assert ('dir="rtl"' in raw) == (lang == "ar"), page.name
        assert 'property="article:published_time"' in raw and 'property="og:site_name"' in raw, page.name
        assert "<article" in raw and "<p>" in raw, page.name


def test_gold_dates_do_not_follow_publication() -> None:
    published = {row["path"]: row["published"] for row in read_jsonl(ROOT / "manifest.jsonl")}
    for number, row in enumerate(read_jsonl(ROOT / "feeds" / "wire.jsonl"), start=1):
        published[f"wire.jsonl#{number}"] = row.get("published", "")
    for page in (ROOT / "articles").glob("*.html"):
        found = re.search(r'article:published_time" content="(\d{4}-\d{2}-\d{2})', page.read_text("utf-8"))
        assert found, page.name
        published[page.name] = found[1]
    late = [row["story"] for row in gold_rows() if row["date"] and row["date"] > published[row["story"]]]
    assert late == []


def test_the_demo_ingests_without_failures() -> None:
    inputs, manifest = demo_inputs()
    items = list(iter_documents(inputs, manifest))
    assert [i for i in items if isinstance(i, Failure)] == []
    assert len(items) == len(story_texts(ROOT))
    # HTML pages carry their date in meta tags, which the reader (not ingest) extracts.
    texts = [doc for doc in items if not isinstance(doc, Failure) and doc.content_format == "text"]
    assert texts and all(doc.source for doc in texts)
    assert [Path(doc.origin).name for doc in texts if doc.published is None] == ["wire.jsonl:10"]
