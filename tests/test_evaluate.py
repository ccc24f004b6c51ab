"""Evaluation harness: tiny synthetic dev-set files and a stub coder whose output we control."""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from marsad.errors import EvaluationError
from marsad.evaluate import EvalResult, run_evaluation
from marsad.evaluate.clusters import score_clusters
from marsad.evaluate.gold import Coded, PlaceRef, match_events, same_event, same_place, score_gold, story_key
from marsad.evaluate.plv import choose_event, unmark
from marsad.model import Article, Citation, Document, Entity, Event, Failure, Mention, Sentence
from marsad.plover import QUAD

USA = Entity("USA", "GOV", "Washington")
FRA = Entity("FRA", "GOV", "Paris")
IRQ = Entity("IRQ", "MIL", "Baghdad")
EGY = Entity("EGY", "COP", "القاهرة")
CVL = Entity("", "CVL", "المحتجين")


@dataclass
class StubCoder:
    """Finds the lexicon's actor names and codes one event per trigger word found.

    The event's actor is the first mention of the sentence and its recipient the second.
    """

    actors: dict[str, Entity] = field(default_factory=dict)
    triggers: dict[str, str] = field(default_factory=dict)
    corpus: list[Article | Failure] = field(default_factory=list)

    def read(self, doc: Document) -> Article:
        text = doc.content.strip()
        sentence = Sentence(0, 0, len(text), text)
        return Article("s", doc, text=text, language=doc.language, sentences=(sentence,))

    def find_actors(self, article: Article) -> Article:
        mentions = []
        for name, entity in self.actors.items():
            start = article.text.find(name)
            if start >= 0:
                mentions.append(Mention(0, start, start + len(name), entity, "country"))
        return replace(article, mentions=tuple(sorted(mentions, key=lambda m: m.start)))

    def find_events(self, article: Article) -> Article:
        entities = [m.entity for m in article.mentions]
        events = [
            make_event(kind, entities[:1], entities[1:2])
            for word, kind in self.triggers.items()
            if word in article.text
        ]
        return replace(article, events=tuple(events))

    def code_corpus(self, paths: object, manifest: object) -> list[Article | Failure]:
        return self.corpus


def make_event(
    kind: str,
    actor: list[Entity],
    recipient: list[Entity],
    path: str = "",
    date: dt.date | None = None,
    confidence: float = 0.5,
) -> Event:
    return Event(
        id=f"{kind}-{len(actor)}",
        event=kind,
        actor=tuple(actor),
        recipient=tuple(recipient),
        cite=Citation("s", path=path),
        event_text="",
        text_start=0,
        text_end=0,
        sentence_index=0,
        quad_code=QUAD[kind],
        date=date,
        date_precision="day" if date else "",
        confidence=confidence,
    )


# --- PLV ---------------------------------------------------------------------------------


def write_plv(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    """rows: (uid, marked sentence, gold_penta, gold_root)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(
            [
                "uid",
                "sentence_id",
                "sentence",
                "marked_sentence",
                "source",
                "target",
                "gold_penta",
                "gold_root",
            ]
        )
        for uid, marked, penta, root in rows:
            plain = marked.replace("<s>", "").replace("</s>", "").replace("<t>", "").replace("</t>", "")
            writer.writerow([uid, "0", plain, marked, "", "", penta, root])
    return path


PLV_ROWS = [
    ("a", "<s>Washington</s> praised <t>Paris</t> for the deal.", "1", "SUPPORT"),
    ("b", "<s>Paris</s> accused <t>Washington</t> of spying.", "3", "ACCUSE"),
    ("c", "<s>Baghdad</s> pulled back from <t>the border town</t>.", "2", "YIELD"),
]
PLV_TRIGGERS = {"praised": "SUPPORT", "accused": "ACCUSE", "pulled back": "CONCEDE"}


def test_unmark_keeps_offsets_of_each_marked_span() -> None:
    pair = unmark("<s>The envoy</s> met <t>rebels</t> and <t>elders</t>.")
    assert pair.text == "The envoy met rebels and elders."
    assert [pair.text[a:b] for a, b in pair.source] == ["The envoy"]
    assert [pair.text[a:b] for a, b in pair.target] == ["rebels", "elders"]
    assert unmark("<s>Rome</s> protested.").target == ()


def test_plv_perfect_stub_scores_one(tmp_path: Path) -> None:
    path = write_plv(tmp_path / "plv.tsv", PLV_ROWS)
    coder = StubCoder({"Washington": USA, "Paris": FRA, "Baghdad": IRQ}, PLV_TRIGGERS)
    result = run_evaluation("plv", path, pipeline=coder)
    # Gold YIELD is RETREAT, predicted CONCEDE counts as RETREAT: all three right.
    assert result.metrics["accuracy"] == 1.0
    assert result.metrics["macro_f1"] == 1.0
    assert result.metrics["quad_accuracy"] == 1.0  # CONCEDE scored as RETREAT: quad 2, like YIELD
    assert result.metrics["top_confusions"] == {}


def test_plv_wrong_and_missing_events_score_zero(tmp_path: Path) -> None:
    path = write_plv(tmp_path / "plv.tsv", PLV_ROWS)
    coder = StubCoder({"Washington": USA, "Paris": FRA}, {"praised": "THREATEN", "accused": "AGREE"})
    result = run_evaluation("plv", path, pipeline=coder, predictions=tmp_path / "out.jsonl")
    assert result.metrics["accuracy"] == 0.0
    assert result.metrics["coverage"] == pytest.approx(2 / 3)
    assert result.metrics["top_confusions"]["RETREAT -> NONE"] == 1
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [(r["uid"], r["root"]) for r in lines] == [("a", "THREATEN"), ("b", "AGREE"), ("c", "NONE")]


def test_plv_macro_f1_by_hand(tmp_path: Path) -> None:
    rows = [
        ("a", "<s>Washington</s> praised <t>Paris</t>.", "1", "SUPPORT"),
        ("b", "<s>Washington</s> accused <t>Paris</t>.", "1", "SUPPORT"),
        ("c", "<s>Paris</s> accused <t>Washington</t>.", "3", "ACCUSE"),
    ]
    coder = StubCoder({"Washington": USA, "Paris": FRA}, {"praised": "SUPPORT", "accused": "ACCUSE"})
    result = run_evaluation("plv", write_plv(tmp_path / "plv.tsv", rows), pipeline=coder)
    # SUPPORT: P 1, R 1/2, F1 2/3; ACCUSE: P 1/2, R 1, F1 2/3.
    assert result.metrics["accuracy"] == pytest.approx(2 / 3)
    assert result.metrics["macro_f1"] == pytest.approx(2 / 3)
    assert result.metrics["per_class"]["SUPPORT"]["recall"] == pytest.approx(0.5)
    assert result.metrics["quad_accuracy"] == pytest.approx(2 / 3)


def test_plv_injects_marked_spans_the_recognizer_missed(tmp_path: Path) -> None:
    rows = [("a", "<s>The envoy</s> criticised <t>the council</t>.", "3", "ACCUSE")]
    coder = StubCoder({}, {"criticised": "ACCUSE"})
    result = run_evaluation("plv", write_plv(tmp_path / "plv.tsv", rows), pipeline=coder)
    assert result.metrics["injected_share"] == 1.0
    assert result.predictions[0]["choice"] == "pair"


def test_choose_event_prefers_the_marked_pair() -> None:
    text = "Paris met Washington and Baghdad."
    mentions = (
        Mention(0, 0, 5, FRA, "capital"),
        Mention(0, 10, 20, USA, "capital"),
        Mention(0, 25, 32, IRQ, "capital"),
    )
    events = (
        make_event("ASSAULT", [IRQ], [USA], confidence=0.9),
        make_event("CONSULT", [FRA], [USA], confidence=0.1),
    )
    article = Article("s", Document("x", text, "text"), text=text, mentions=mentions, events=events)
    event, how = choose_event(article, ((0, 5),), ((10, 20),))
    assert event is not None and event.event == "CONSULT" and how == "pair"
    event, how = choose_event(article, ((25, 32),), ((0, 5),))
    assert event is not None and event.event == "ASSAULT" and how == "one"


# --- quadclass ---------------------------------------------------------------------------


def write_quadclass(path: Path) -> Path:
    items = [
        {
            "un_id": "1",
            "text": {
                "en": "Delegates welcome the truce.",
                "fr": "Les délégués saluent la trêve.",
                "ar": "يرحب المندوبون بالهدنة.",
            },
            "majority_labels": ["Verbal Cooperation"],
            "majority_relevant": 1,
        },
        {
            "un_id": "2",
            "text": {
                "en": "Shelling hit the camp.",
                "fr": "Des tirs ont frappé le camp.",
                "ar": "قصف المخيم.",
            },
            "majority_labels": ["Material Conflict"],
            "majority_relevant": 1,
        },
        {
            "un_id": "3",
            "text": {"en": "The meeting rose.", "ar": "رفعت الجلسة."},
            "majority_labels": [],
            "majority_relevant": 0,
        },
        {
            "un_id": "4",
            "text": {"en": "Shelling and a welcome."},
            "majority_labels": None,
            "majority_relevant": None,
        },
    ]
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    return path


QUAD_TRIGGERS = {
    "welcome": "SUPPORT",
    "saluent": "SUPPORT",
    "يرحب": "SUPPORT",
    "Shelling": "ASSAULT",
    "قصف": "ASSAULT",
}


def test_quadclass_per_language_and_agreement(tmp_path: Path) -> None:
    path = write_quadclass(tmp_path / "un.jsonl")
    result = run_evaluation(
        "quadclass", path, pipeline=StubCoder({}, QUAD_TRIGGERS), predictions=tmp_path / "p.jsonl"
    )
    by_language = result.metrics["by_language"]
    assert by_language["en"]["macro_f1"] == pytest.approx(0.5)  # two classes right, two never present
    assert by_language["en"]["items"] == 3  # item 4 has no majority: not scored
    # French misses the shelling: Material Conflict R 0 -> F1 0; Verbal Cooperation F1 1.
    assert result.metrics["per_class_fr"]["Material Conflict"]["f1"] == 0.0
    assert by_language["fr"]["exact_match"] == pytest.approx(0.5)
    # Items 1 and 2 have three languages; item 2 disagrees (fr predicts nothing).
    assert result.metrics["cross_language_agreement"] == pytest.approx(0.5)
    first = json.loads((tmp_path / "p.jsonl").read_text().splitlines()[0])
    assert first == {"un_id": "1", "language": "ar", "labels": ["Verbal Cooperation"]}


def test_quadclass_one_language(tmp_path: Path) -> None:
    path = write_quadclass(tmp_path / "un.jsonl")
    result = run_evaluation("quadclass", path, language="en", pipeline=StubCoder({}, {}))
    assert set(result.metrics["by_language"]) == {"en"}
    assert "cross_language_agreement" not in result.metrics
    assert result.metrics["by_language"]["en"]["exact_match"] == pytest.approx(1 / 3)


# --- Arabic ------------------------------------------------------------------------------


def test_arabic_detection_scores_yes_against_the_two_nos(tmp_path: Path) -> None:
    path = tmp_path / "arabic_protest_detection.csv"
    rows = [
        ("1", "yes", "تظاهر الطلاب أمام الوزارة."),
        ("2", "yes", "اعتصم العمال في المصنع."),
        ("3", "easy no", "تظاهر لاعبو الفريق بالإصابة."),
        ("4", "difficult no", "دعا الحزب إلى الهدوء."),
        ("5", "ambiguous", "تظاهرة فنية في المدينة."),
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "event_type", "label", "accept", "reject", "total", "text"])
        writer.writerows([(i, "PROTEST", label, 0, 0, 0, text) for i, label, text in rows])
    coder = StubCoder({}, {"تظاهر": "PROTEST"})
    result = run_evaluation("arabic-detection", path, pipeline=coder, predictions=tmp_path / "p.jsonl")
    assert result.metrics["precision"] == pytest.approx(0.5)  # 1 and 3 detected
    assert result.metrics["recall"] == pytest.approx(0.5)
    assert result.metrics["f1"] == pytest.approx(0.5)
    assert result.metrics["detected_share[ambiguous]"] == 1.0
    first = json.loads((tmp_path / "p.jsonl").read_text().splitlines()[0])
    assert first == {"id": "1", "event_type": "PROTEST", "detected": True, "gold": "yes"}


def test_arabic_spans_code_and_sector_accuracy(tmp_path: Path) -> None:
    role = {"main": "EGY", "role": "COP"}
    items = [
        {
            "text": "فرقت شرطة القاهرة المحتجين في الميدان.",
            "spans": [
                {"source_role": role, "target_role": {"main": "None", "role": "CVL"}},
                {"source_role": role, "target_role": {"main": "None", "role": "CVL"}},
                {"source_role": {}, "target_role": "UNKNOWN"},
            ],
            "source_gold": "شرطة القاهرة",
            "target_gold": "المحتجين",
        },
        {
            "text": "هاجم مسلحون قرية نائية.",
            "spans": [{"source_role": {"main": "None", "role": "UAF"}, "target_role": {}}],
            "source_gold": "مسلحون",
            "target_gold": "",
        },
    ]
    path = tmp_path / "arabic_protest_spans.json"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    coder = StubCoder({"القاهرة": EGY, "المحتجين": CVL})
    result = run_evaluation("arabic-spans", path, pipeline=coder, predictions=tmp_path / "p.jsonl")
    by_role = result.metrics["by_role"]
    assert by_role["source"] == {"scored": 2, "coverage": 0.5, "code_accuracy": 0.5, "sector_accuracy": 0.5}
    assert by_role["target"]["scored"] == 1  # item 2 has no target tokens
    assert by_role["target"]["code_accuracy"] == 1.0
    assert result.metrics["code_accuracy"] == pytest.approx(2 / 3)
    lines = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert lines[0]["source"] == {"code": "EGY", "sector": "COP"}
    assert lines[1] == {"index": 1, "source": None, "target": None}


# --- demo gold ---------------------------------------------------------------------------


def coded(
    story: str, kind: str, actor: str, recipient: str = "", language: str = "en", date: str | None = None
) -> Coded:
    return Coded(
        story,
        language,
        kind,
        frozenset([actor]),
        frozenset([recipient] if recipient else []),
        date,
        "day" if date else "",
    )


def test_score_gold_strict_and_type_only() -> None:
    gold = [
        coded("en_01.txt", "CONSULT", "FRA", "USA", date="2024-03-05"),
        coded("en_01.txt", "ACCUSE", "IRN", "ISR"),
        coded("ar_01.txt", "ASSAULT", "ISR", "PSE", language="ar"),
    ]
    predicted = [
        coded("en_01.txt", "CONSULT", "FRA", "USA", date="2024-03-04"),  # strict match, wrong date
        coded("en_01.txt", "ACCUSE", "IRN", "USA"),  # type-only match
        coded("ar_01.txt", "ASSAULT", "ISR", "PSE", language="ar"),  # strict
        coded("fr_empty.txt", "AGREE", "FRA", language="fr"),  # in an empty story
    ]
    result = score_gold(gold, predicted, empty={"fr_empty.txt", "ar_empty.txt"})
    m = result.metrics
    assert (m["precision"], m["recall"]) == (pytest.approx(0.5), pytest.approx(2 / 3))
    assert m["type_only_f1"] == pytest.approx(prf_f1(3, 4, 3))
    assert m["date_accuracy"] == pytest.approx(0.5)
    assert m["empty_stories_clean"] == pytest.approx(0.5)
    assert m["by_language"]["ar"]["f1"] == 1.0
    assert [p["matched"] for p in result.predictions] == [True, False, True, False]


def prf_f1(hits: int, predicted: int, gold: int) -> float:
    precision, recall = hits / predicted, hits / gold
    return 2 * precision * recall / (precision + recall)


def test_gold_matches_each_gold_event_once() -> None:
    gold = [coded("en_01.txt", "AID", "USA", "UKR")]
    predicted = [coded("en_01.txt", "AID", "USA", "UKR"), coded("en_01.txt", "AID", "USA", "UKR")]
    assert score_gold(gold, predicted, set()).metrics["precision"] == pytest.approx(0.5)


def test_story_key_for_files_and_feed_lines() -> None:
    article = Article("s", Document("feeds/wire.jsonl:3", "x", "text"))
    assert story_key(make_event("AID", [USA], [FRA], path="/x/feeds/wire.jsonl#3"), article) == "wire.jsonl#3"
    assert story_key(make_event("AID", [USA], [FRA]), article) == "wire.jsonl#3"
    assert (
        story_key(make_event("AID", [USA], [FRA], path="/d/articles/fr_02_visite.html"), article)
        == "fr_02_visite.html"
    )


def test_gold_end_to_end_with_a_stub_corpus(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    gold = [
        {
            "story": "en_01_x.txt",
            "language": "en",
            "event": "CONSULT",
            "mode": [],
            "actor": ["FRA"],
            "recipient": ["USA"],
            "actor_sectors": ["GOV"],
            "recipient_sectors": ["GOV"],
            "date": "2024-03-05",
            "date_precision": "day",
        },
        {
            "story": "wire.jsonl#2",
            "language": "fr",
            "event": "ASSAULT",
            "actor": ["IRQ"],
            "actor_sectors": ["REB"],
        },
    ]
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    (tmp_path / "gold_empty.jsonl").write_text(
        json.dumps({"story": "ar_09_sport.txt"}) + "\n", encoding="utf-8"
    )
    doc = Document("articles/en_01_x.txt", "x", "text", path="articles/en_01_x.txt")
    events = (make_event("CONSULT", [FRA], [USA], path=doc.path, date=dt.date(2024, 3, 5)),)
    corpus: list[Article | Failure] = [
        Article("s", doc, language="en", events=events),
        Article(
            "s2",
            Document("feeds/wire.jsonl:2", "y", "text"),
            language="fr",
            events=(replace(make_event("ASSAULT", [IRQ], []), cite=Citation("s2")),),
        ),
        Failure("articles/broken.html", "empty"),
    ]
    result = run_evaluation("gold", tmp_path, pipeline=StubCoder(corpus=corpus))
    assert result.metrics["f1"] == 1.0
    assert result.metrics["date_accuracy"] == 1.0
    # CONSULT's GOV -> GOV is right; the ASSAULT actor is MIL, not the gold REB.
    assert result.metrics["sector_accuracy"] == pytest.approx(0.5)
    assert result.metrics["failures"] == 1
    assert result.metrics["empty_stories_clean"] == 1.0


# --- entry point and table ---------------------------------------------------------------


def test_unknown_set_and_missing_file_are_evaluation_errors(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError):
        run_evaluation("nope", tmp_path, pipeline=StubCoder())
    with pytest.raises(EvaluationError):
        run_evaluation("plv", tmp_path / "absent.tsv", pipeline=StubCoder())
    (tmp_path / "bad.tsv").write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(EvaluationError):
        run_evaluation("plv", tmp_path / "bad.tsv", pipeline=StubCoder())


def test_format_prints_scalars_and_aligned_tables() -> None:
    result = EvalResult(
        "plv",
        {
            "accuracy": 0.5,
            "items": 4,
            "per_class": {"AGREE": {"f1": 1.0, "support": 3}, "ASSAULT": {"f1": 0.25, "support": 12}},
            "top_confusions": {"AGREE -> NONE": 2},
        },
    )
    lines = result.format().splitlines()
    assert "  accuracy  0.500" in lines
    assert "  items     4" in lines
    table = lines[lines.index("per_class:") + 1 : lines.index("per_class:") + 4]
    assert len({len(row) for row in table}) == 1  # right-aligned columns: equal widths
    assert table[2].split() == ["ASSAULT", "0.250", "12"]
    assert "  AGREE -> NONE  2" in lines


class CrashingCoder(StubCoder):
    """Crashes on sentences that mention Baghdad, like a pipeline bug on one item."""

    def find_actors(self, article: Article) -> Article:
        if "Baghdad" in article.text:
            raise ValueError("bug")
        return StubCoder.find_actors(self, article)


def test_a_stage_crash_is_counted_and_the_run_goes_on(tmp_path: Path) -> None:
    path = write_plv(tmp_path / "plv.tsv", PLV_ROWS)
    coder = CrashingCoder({"Washington": USA, "Paris": FRA}, PLV_TRIGGERS)
    result = run_evaluation("plv", path, pipeline=coder)
    assert result.metrics["pipeline_errors"] == {"actors": 1}
    assert result.metrics["items"] == 3
    assert "pipeline_errors" not in run_evaluation("plv", path, pipeline=StubCoder()).metrics


# --- demo gold: places and clusters --------------------------------------------------------


def at(name: str, geonameid: int | None, country: str, resolution: str = "city") -> PlaceRef:
    return PlaceRef((name,), geonameid, country, resolution)


def test_same_place_uses_the_geonameid_then_name_and_country() -> None:
    assert same_place(at("Bagdad", 98182, "IRQ"), at("بغداد", 98182, "IRQ"))
    assert not same_place(at("Baghdad", 98182, "IRQ"), at("Baghdad", 98183, "IRQ"))
    assert not same_place(at("Baghdad", 98182, "IRQ"), None)
    # No id in the gazetteer: the folded names must agree (one holding the other) and the country.
    assert same_place(at("قاعدة حرير الجوية", None, "IRQ"), at("حرير", 96046, "IRQ"))
    assert same_place(at("Al-Mazraa", None, "IRQ"), PlaceRef(("al mazraa", "Al Mazraa"), None, "IRQ"))
    assert not same_place(at("Al-Mazraa", None, "IRQ"), at("Al-Mazraa", None, "SYR"))
    assert not same_place(at("Al-Mazraa", None, "IRQ"), at("Kirkuk", 94787, "IRQ"))


def test_score_gold_place_and_date_accuracy_per_language() -> None:
    gold = [
        replace(
            coded("en_01.txt", "CONSULT", "FRA", "IRQ", date="2026-10-13"), place=at("Baghdad", 98182, "IRQ")
        ),
        replace(
            coded("fr_01.txt", "ASSAULT", "TUR", "SYR", "fr", "2026-09-01"), place=at("Qamichli", 1, "SYR")
        ),
        replace(coded("ar_01.txt", "AID", "UNO", "SYR", "ar"), place=at("إدلب", None, "SYR", "province")),
    ]
    predicted = [
        replace(gold[0], place=at("Baghdad", 98182, "IRQ")),
        replace(gold[1], place=at("Hasakah", 2, "SYR"), date="2026-09-02"),
        replace(gold[2], place=at("ادلب", None, "SYR", "province")),
    ]
    m = score_gold(gold, predicted, set()).metrics
    assert (m["place_accuracy"], m["place_accuracy_city"]) == (pytest.approx(2 / 3), 0.5)
    assert (m["gold_places_matched"], m["gold_cities_matched"]) == (3, 2)
    rows = m["by_language"]
    assert (rows["en"]["date_acc"], rows["fr"]["date_acc"], rows["fr"]["city_acc"]) == (1.0, 0.0, 0.0)
    assert m["date_accuracy"] == pytest.approx(2 / 3)


def clustered(story: str, lang: str, kind: str, actor: str, recipient: str, cluster: str) -> Coded:
    return replace(coded(story, kind, actor, recipient, lang), cluster=cluster, event_id=f"{story}/{kind}")


def test_score_clusters_pairwise_and_near_misses() -> None:
    gold = [
        clustered("en_01.txt", "en", "CONSULT", "EGY", "IRQ", "c1"),  # the 2026 call...
        clustered("fr_01.txt", "fr", "CONSULT", "EGY", "IRQ", "c1"),  # ...told in French
        clustered("ar_01.txt", "ar", "CONSULT", "EGY", "IRQ", "c2"),  # a 2025 visit: a near miss
        clustered("ar_02.txt", "ar", "AID", "UNO", "SYR", "c3"),  # never predicted
    ]
    predicted = gold[:3]
    strict = match_events(gold, predicted, same_event)
    apart = {"en_01.txt/CONSULT": "k1", "fr_01.txt/CONSULT": "k1", "ar_01.txt/CONSULT": "k2"}
    m = score_clusters(gold, predicted, strict, apart)
    assert (m["cluster_precision"], m["cluster_recall"], m["near_miss_kept_apart"]) == (1.0, 1.0, 1.0)
    assert (m["gold_same_pairs"], m["near_miss_pairs"], m["near_miss_pairs_matched"]) == (1, 2, 2)
    assert m["clusters_by_language"]["cross"]["gold_pairs"] == 1
    merged = dict.fromkeys(apart, "k1")
    m = score_clusters(gold, predicted, strict, merged)
    assert (m["cluster_precision"], m["cluster_recall"], m["near_miss_kept_apart"]) == (
        pytest.approx(1 / 3),
        1.0,
        0.0,
    )
    m = score_clusters(gold, predicted, strict, {})
    assert (m["cluster_precision"], m["cluster_recall"], m["near_miss_kept_apart"]) == (0.0, 0.0, 1.0)


def test_clusters_end_to_end_through_a_fresh_store(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    day = dt.date(2026, 11, 10)
    gold = [
        {
            "story": name,
            "language": lang,
            "event": "CONSULT",
            "actor": ["FRA"],
            "recipient": ["USA"],
            "cluster": "c1",
        }
        for name, lang in (("en_01_call.txt", "en"), ("fr_01_appel.txt", "fr"))
    ]
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    corpus: list[Article | Failure] = []
    for number, row in enumerate(gold):
        path = f"articles/{row['story']}"
        event = replace(
            make_event("CONSULT", [FRA], [USA], path=path, date=day),
            id=f"e{number}",
            mode=("phone",),
            cite=Citation(f"story{number}", path=path),
        )
        doc = Document(path, f"text {number}", "text", path=path, language=str(row["language"]))
        corpus.append(
            Article(f"story{number}", doc, text=doc.content, language=doc.language, events=(event,))
        )
    m = run_evaluation("clusters", tmp_path, pipeline=StubCoder(corpus=corpus)).metrics
    assert (m["gold_same_pairs"], m["cluster_recall"], m["cluster_precision"]) == (1, 1.0, 1.0)


def test_gigaword_ids_give_the_story_date():
    import datetime as dt

    from marsad.evaluate.arabic import gigaword_date

    assert gigaword_date("AAW_ARB_20070108.0019-7") == dt.date(2007, 1, 8)
    assert gigaword_date("AAW_ARB_20071399.0001-1") is None  # no such month
    assert gigaword_date("spans:3") is None
