"""The example bank (src/marsad/data/examples/*.jsonl) that the event-type model trains on.

A malformed line, a duplicated id, an actor that is not in its text or a type or mode
outside PLOVER would silently corrupt the shipped model, so each of these fails here.
"""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from marsad import plover

LANGUAGES = ("en", "fr", "ar")
MIN_PER_TYPE = 40
CLASSES = (*plover.EVENT_TYPES, "NONE")


def bank_path(language: str) -> Path:
    return Path(str(resources.files("marsad") / "data" / "examples" / f"{language}.jsonl"))


def read_bank(language: str) -> list[tuple[int, dict[str, Any]]]:
    path = bank_path(language)
    assert path.exists(), f"missing example bank {path}"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, json.loads(line)) for n, line in enumerate(lines, 1) if line.strip()]


def line_problems(example: dict[str, Any]) -> list[str]:
    """What is wrong with one example (empty when it is valid)."""
    problems: list[str] = []
    for field in ("id", "text", "actor", "recipient", "event", "mode"):
        if field not in example:
            problems.append(f"no {field!r}")
    if problems:
        return problems
    text, event = example["text"], example["event"]
    if not example["actor"] and event != "NONE":
        problems.append("no actor (only a NONE example may lack one)")
    if example["actor"] and example["actor"] not in text:
        problems.append(f"actor {example['actor']!r} not in text")
    if example["recipient"] and example["recipient"] not in text:
        problems.append(f"recipient {example['recipient']!r} not in text")
    if event not in CLASSES:
        problems.append(f"event {event!r} is not a PLOVER type nor NONE")
    elif not isinstance(example["mode"], list):
        problems.append("mode is not a list")
    elif event == "NONE" and example["mode"]:
        problems.append("a NONE example has modes")
    elif event != "NONE" and not set(example["mode"]) <= plover.valid_modes(event):
        problems.append(f"modes {example['mode']} not valid for {event}")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_line_is_a_valid_example(language: str) -> None:
    bad = [
        f"{language}.jsonl:{n}: {'; '.join(p)}" for n, ex in read_bank(language) if (p := line_problems(ex))
    ]
    assert not bad, "\n".join(bad[:30])


def test_ids_are_unique_across_the_bank() -> None:
    ids = Counter(ex["id"] for lang in LANGUAGES for _, ex in read_bank(lang))
    assert not [i for i, n in ids.items() if n > 1], "duplicated ids"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_class_has_enough_examples(language: str) -> None:
    counts = Counter(ex.get("event") for _, ex in read_bank(language))
    short = {c: counts.get(c, 0) for c in CLASSES if counts.get(c, 0) < MIN_PER_TYPE}
    assert not short, f"{language}: fewer than {MIN_PER_TYPE} examples for {short}"


def test_line_problems_catches_a_bad_example() -> None:
    good = {"id": "x", "text": "Egypt hosted talks.", "actor": "Egypt", "recipient": "", "event": "CONSULT"}
    assert line_problems({**good, "mode": []}) == []
    assert line_problems({**good, "mode": ["drone"]})  # an ASSAULT mode on CONSULT
    assert line_problems({**good, "actor": "Cairo", "mode": []})
    assert line_problems({**good, "actor": "", "mode": []})
    assert line_problems({**good, "actor": "", "event": "NONE", "mode": []}) == []
    assert line_problems({**good, "event": "ATTACK", "mode": []})
