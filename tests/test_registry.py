"""The actor registry: one record per person or organisation, spellings merged."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad import registry
from marsad.model import Article, Citation, Document, Entity, Event
from marsad.registry import build_records, format_actors, list_actors, spelling_key
from marsad.store import open_store


def _event(n: int, actor: Entity, recipient: Entity | None = None, day: int = 1, story: str = "s1") -> Event:
    return Event(
        id=f"{story}-e{n}",
        event="CONSULT",
        actor=(actor,),
        recipient=(recipient,) if recipient else (),
        cite=Citation(story_id=story, language="en"),
        event_text="text",
        text_start=0,
        text_end=4,
        sentence_index=0,
        date=dt.date(2026, 10, day),
    )


FUAD_AR = Entity("IRQ", "GOV", "وزير الخارجية فؤاد حسين", "Fuad Hussein", "", "Foreign Minister")
FUAD_EN = Entity("IRQ", "GOV", "Fouad Hussein", "Fuad Hussein", "", "Foreign Minister")
ISIS_AR = Entity("IMG", "REB", "داعش", "Islamic State", "Q2429253")
ISIS_FR = Entity("IMG", "REB", "l'État islamique", "Islamic State", "Q2429253")
IRAQI_ARMY = Entity("IRQ", "MIL", "Iraqi army")
IRAQI_TROOPS = Entity("IRQ", "MIL", "القوات العراقية")


def test_one_record_per_identity_with_aliases_by_script() -> None:
    records = build_records(
        [_event(1, FUAD_AR, ISIS_AR, day=3), _event(2, FUAD_EN, ISIS_FR, day=9), _event(3, IRAQI_ARMY)]
    )
    by_key = {r.key: r for r in records}
    fuad = by_key["name:Fuad Hussein"]
    assert (fuad.code, fuad.sector, fuad.kind, fuad.events) == ("IRQ", "GOV", "person", 2)
    assert dict(fuad.aliases) == {"ar": ("وزير الخارجية فؤاد حسين",), "latin": ("Fouad Hussein",)}
    assert fuad.offices[0].office == "Foreign Minister"
    assert (fuad.offices[0].first, fuad.offices[0].last) == (dt.date(2026, 10, 3), dt.date(2026, 10, 9))
    isis = by_key["Q2429253"]
    assert dict(isis.aliases) == {"ar": ("داعش",), "latin": ("l'État islamique",)}
    assert by_key["IRQ/MIL"].kind == "institution"


def test_institutions_named_by_role_share_country_and_sector() -> None:
    records = build_records([_event(1, IRAQI_ARMY), _event(2, IRAQI_TROOPS)])
    assert [(r.key, r.events) for r in records] == [("IRQ/MIL", 2)]


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Mustafa al-Kadhimi", "Mustafa Al-Kazimi"),
        ("Fuad Hussein", "Fouad Hussein"),
        ("Ahmed el-Kadhemi", "Ahmed al-Kazimi"),
    ],
)
def test_spelling_key_folds_transliteration_variants(left: str, right: str) -> None:
    assert spelling_key(left) == spelling_key(right)


def test_unknown_latin_spellings_of_one_person_merge_but_other_people_do_not() -> None:
    def person(text: str, code: str = "SYR") -> Entity:
        return Entity(code, "GOV", f"Minister {text}", text, "", "Minister")

    records = build_records(
        [
            _event(1, person("Rami Kadhemi")),
            _event(2, person("Rami al-Kazimi")),
            _event(3, person("Rami Kazimi", code="LBN")),  # another country: another person
            _event(4, person("Samir Haddad")),
        ]
    )
    assert sorted((r.name, r.code, r.events) for r in records) == [
        ("Rami Kadhemi", "SYR", 2),
        ("Rami Kazimi", "LBN", 1),
        ("Samir Haddad", "SYR", 1),
    ]


def test_arabic_name_links_to_latin_only_through_the_romanizer(monkeypatch: pytest.MonkeyPatch) -> None:
    events = [
        _event(1, Entity("JOR", "GOV", "Minister Karim Nasser", "Karim Nasser", "", "Minister")),
        _event(2, Entity("JOR", "GOV", "الوزير كريم ناصر", "كريم ناصر", "", "Minister")),
    ]
    monkeypatch.setattr(registry, "_romanizer", lambda: None)
    assert len(build_records(events)) == 2
    monkeypatch.setattr(registry, "_romanizer", lambda: {"كريم ناصر": "Kareem Nasser"}.get)
    (record,) = build_records(events)
    assert dict(record.aliases).keys() == {"ar", "latin"}


def test_list_actors_reads_a_store_and_the_table_is_aligned() -> None:
    store = open_store(":memory:")
    events = (_event(1, FUAD_EN, ISIS_AR, story="a1"), _event(2, ISIS_FR, IRAQI_ARMY, story="a1"))
    doc = Document(origin="a1", content="x", content_format="text")
    store.write_article(Article(story_id="a1", document=doc, text="x", language="en", events=events))
    records = list_actors(store)
    assert [(r.name, r.events) for r in records][:1] == [("Islamic State", 2)]
    table = format_actors(records).splitlines()
    assert table[0].split()[:3] == ["actor", "kind", "code"]
    assert len({line.index(" person ") if " person " in line else -1 for line in table} - {-1}) == 1
    assert any(
        "Fuad Hussein" in line and "Foreign Minister (2026-10-01..2026-10-01)" in line for line in table
    )
    store.close()
