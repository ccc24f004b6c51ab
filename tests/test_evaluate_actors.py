"""The actor-mention set: scoring with a stub coder, and the packaged gold's well-formedness."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from marsad import plover
from marsad.errors import EvaluationError
from marsad.evaluate import run_evaluation
from marsad.evaluate.actors import DEFAULT_PATH, KINDS, PLACE, TAGS, load_actor_gold, locate
from marsad.model import Article, Document, Entity, Mention, Sentence

ISO_TABLE = Path(plover.__file__).parent / "data" / "actors" / "countries_iso.tsv"


@dataclass
class StubActors:
    """Finds the first occurrence of each listed name; remembers the dates it was given."""

    names: dict[str, tuple[Entity, str]]
    dates: list[dt.date | None] = field(default_factory=list)

    def read(self, doc: Document) -> Article:
        self.dates.append(doc.published)
        text = doc.content.strip()
        return Article(
            "s", doc, text=text, language=doc.language, sentences=(Sentence(0, 0, len(text), text),)
        )

    def find_actors(self, article: Article) -> Article:
        mentions = []
        for name, (entity, kind) in self.names.items():
            start = article.text.find(name)
            if start >= 0:
                mentions.append(Mention(0, start, start + len(name), replace(entity, entity_text=name), kind))
        return replace(article, mentions=tuple(sorted(mentions, key=lambda m: m.start)))

    def find_events(self, article: Article) -> Article:
        return article

    def code_corpus(self, paths: object, manifest: object) -> list[Any]:
        return []


def mention(
    text: str, code: str | None, sector: str = "", kind: str = "role", **extra: Any
) -> dict[str, Any]:
    row: dict[str, Any] = {"text": text, "kind": kind, **extra}
    if code is not None:
        row |= {"code": code, "sector": sector}
    return row


PASSAGES = [
    {
        "id": "en-1",
        "language": "en",
        "published": "2025-03-01",
        "text": (
            "Iraqi Foreign Minister Fuad Hussein arrived in Ankara. "
            "Ankara welcomed the visit, security sources said."
        ),
        "mentions": [
            mention(
                "Iraqi Foreign Minister Fuad Hussein", "IRQ", "GOV", "role+name", tags=["transliteration"]
            ),
            mention("Ankara", None, kind=PLACE),
            mention("Ankara", "TUR", "GOV", "capital-agent"),
            mention("security sources", "", "UNK", "unnamed-source"),
        ],
    },
    {
        "id": "fr-1",
        "language": "fr",
        "published": "2025-03-02",
        "text": "L'État islamique a revendiqué l'attaque, selon la police irakienne.",
        "mentions": [
            mention("L'État islamique", "IMG", "REB", "armed-group"),
            mention("la police irakienne", "IRQ", "COP", "police"),
        ],
    },
]
STUB = {
    "Fuad Hussein": (Entity("IRQ", "GOV"), "person"),  # inside the gold span: found and right
    "Ankara": (Entity("TUR", "GOV"), "capital"),  # its first occurrence is the marked place
    "police irakienne": (Entity("IRQ", "MIL"), "role"),  # right code, wrong sector
    "attaque": (Entity("", "UNK"), "generic"),  # overlaps no gold span: spurious
}


def write_gold(path: Path, passages: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in passages), encoding="utf-8")
    return path


def test_scores_found_code_sector_places_and_spurious(tmp_path: Path) -> None:
    path = write_gold(tmp_path / "gold.jsonl", PASSAGES)
    coder = StubActors(STUB)
    result = run_evaluation("actors", path, pipeline=coder, predictions=tmp_path / "out.jsonl")
    metrics = result.metrics
    assert metrics["gold_mentions"] == 5
    assert metrics["found"] == pytest.approx(2 / 5)  # Fuad Hussein, la police irakienne
    assert metrics["code_accuracy"] == pytest.approx(2 / 5)
    assert metrics["sector_accuracy"] == pytest.approx(1 / 5)
    assert metrics["accuracy"] == pytest.approx(1 / 5)
    assert (metrics["places"], metrics["places_coded_as_actor"], metrics["spurious"]) == (1, 1, 1)
    assert metrics["by_language"]["fr"]["accuracy"] == 0.0
    assert metrics["by_language"]["en"] == {
        "gold": 3,
        "found": pytest.approx(1 / 3),
        "code": pytest.approx(1 / 3),
        "sector": pytest.approx(1 / 3),
        "accuracy": pytest.approx(1 / 3),
        "places": 1,
        "on_place": 1,
        "spurious": 0,
    }
    assert metrics["by_kind"]["capital-agent"]["found"] == 0.0
    assert metrics["by_kind"]["police"]["code"] == 1.0
    assert metrics["by_tag"]["transliteration"]["accuracy"] == 1.0
    assert metrics["confusions"]["IRQ/COP -> IRQ/MIL"] == 1
    assert coder.dates == [dt.date(2025, 3, 1), dt.date(2025, 3, 2)]  # read as of each passage's day
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 7  # one per gold mention (places included), then the spurious one
    police = next(x for x in lines if x.get("text") == "la police irakienne")
    assert police["predicted"]["sector"] == "MIL" and police["gold"] == {"code": "IRQ", "sector": "COP"}
    assert not police["correct"] and police["code_ok"]
    assert lines[-1]["spurious"] and lines[-1]["predicted"]["text"] == "attaque"


def test_a_perfect_coder_scores_one_and_an_empty_one_zero(tmp_path: Path) -> None:
    path = write_gold(tmp_path / "gold.jsonl", PASSAGES)
    perfect = {
        "Fuad Hussein": (Entity("IRQ", "GOV"), "person"),
        "Ankara welcomed": (Entity("TUR", "GOV"), "capital"),
        "security sources": (Entity("", "UNK"), "role"),
        "L'État islamique": (Entity("IMG", "REB"), "group"),
        "la police irakienne": (Entity("IRQ", "COP"), "role"),
    }
    best = run_evaluation("actors", path, pipeline=StubActors(perfect)).metrics
    assert (best["accuracy"], best["places_coded_as_actor"], best["spurious"]) == (1.0, 0, 0)
    empty = run_evaluation("actors", path, pipeline=StubActors({})).metrics
    assert (empty["found"], empty["accuracy"]) == (0.0, 0.0)


def test_spans_are_located_in_text_order() -> None:
    assert locate("Ankara said Ankara", ["Ankara", "Ankara"]) == [(0, 6), (12, 18)]
    assert locate("Ankara", ["Ankara", "Ankara"]) == [(0, 6), None]


@pytest.mark.parametrize(
    "bad",
    [
        {"text": "Iraq"},  # no mention list
        {"text": "Iraq", "mentions": [mention("Syria", "SYR")]},  # not in the text
        {"text": "Iraq", "mentions": [mention("Iraq", "IRQ", kind="nation")]},  # unknown kind
    ],
)
def test_a_malformed_line_is_an_evaluation_error(tmp_path: Path, bad: dict[str, Any]) -> None:
    path = write_gold(tmp_path / "gold.jsonl", [{"id": "x", "language": "en", **bad}])
    with pytest.raises(EvaluationError):
        load_actor_gold(path)


# --- the packaged gold --------------------------------------------------------------------


def iso_codes() -> set[str]:
    with ISO_TABLE.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {row["code"] for row in rows if row["code"]}


def test_the_packaged_gold_is_well_formed() -> None:
    passages = load_actor_gold(DEFAULT_PATH)  # raises when a mention is not found in text order
    valid_codes = iso_codes() | plover.INTERNATIONAL_CODES | {""}
    assert len({p.id for p in passages}) == len(passages)
    for passage in passages:
        assert passage.language in ("ar", "en", "fr") and passage.id.startswith(passage.language)
        assert passage.published is not None
        assert 1 <= passage.text.count(".") <= 4, passage.id  # one to four sentences
        for gold in passage.mentions:
            assert passage.text[gold.start : gold.end] == gold.text
            assert set(gold.tags) <= set(TAGS), passage.id
            assert (gold.kind == PLACE) == (gold.code is None), (passage.id, gold.text)
            if gold.code is not None:
                assert gold.code in valid_codes, (passage.id, gold.code)
                assert gold.sector in plover.SECTORS | {""}, (passage.id, gold.sector)


def test_the_packaged_gold_covers_every_kind_in_every_language() -> None:
    passages = load_actor_gold(DEFAULT_PATH)
    for language in ("ar", "en", "fr"):
        mentions = [m for p in passages if p.language == language for m in p.mentions]
        assert sum(1 for m in mentions if m.code is not None) >= 70, language
        kinds = Counter(m.kind for m in mentions)
        missing = {"criminals", "refugees", "country"} if language != "en" else set()
        assert set(KINDS) - set(kinds) <= missing, (language, set(KINDS) - set(kinds))


def test_the_packaged_passages_are_not_the_demo_articles() -> None:
    """No six-word run of a gold passage, outside its actor names and titles, comes from the demo corpus."""
    demo = DEFAULT_PATH.parent
    corpus = " ".join(
        p.read_text(encoding="utf-8") for p in [*demo.glob("articles/*"), *demo.glob("feeds/*")]
    )
    demo_runs = six_word_runs(corpus)
    for passage in load_actor_gold(DEFAULT_PATH):
        text = passage.text
        for gold in reversed(passage.mentions):  # a name or a title is no copied phrase: cut the runs there
            text = text[: gold.start] + " . " + text[gold.end :]
        assert not six_word_runs(text) & demo_runs, passage.id


def six_word_runs(text: str) -> set[str]:
    """Runs of six words within one clause (punctuation ends a run)."""
    runs: set[str] = set()
    for clause in re.split(r"[^\w\s'’-]", text.lower()):
        words = re.findall(r"\w+", clause)
        runs |= {" ".join(words[i : i + 6]) for i in range(len(words) - 5)}
    return runs
