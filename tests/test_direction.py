"""Who acts on whom (marsad.direction) through the event coder, on stubbed mentions in ar, en and fr."""

from __future__ import annotations

import dataclasses

import pytest

from marsad.events import load_event_coder
from marsad.model import Article, Entity, Event, Mention
from tests.conftest import make_article

# surface -> (code, sector, kind); the actor recognizer is not involved.
ACTORS = {
    "المتظاهرون": ("", "CVL", "role"),
    "الأهالي": ("", "CVL", "role"),
    "الحكومة": ("", "GOV", "role"),
    "The protesters": ("", "CVL", "role"),
    "the government": ("", "GOV", "role"),
    "Les manifestants": ("", "CVL", "role"),
    "le gouvernement": ("", "GOV", "role"),
    "تركيا": ("TUR", "", "country"),
    "سوريا": ("SYR", "", "country"),
    "Turquie": ("TUR", "", "country"),
    "Syrie": ("SYR", "", "country"),
    "Egypt": ("EGY", "", "country"),
    "Iraq": ("IRQ", "", "country"),
    "مسلحون": ("", "UAF", "generic"),
    "تنظيم داعش": ("IMG", "REB", "group"),
    "Militants": ("", "UAF", "generic"),
    "ISIS": ("IMG", "REB", "group"),
    "Des combattants": ("", "UAF", "generic"),
    "l'EI": ("IMG", "REB", "group"),
    "أهالي": ("", "CVL", "role"),
    "Fouad Hussein": ("IRQ", "GOV", "person"),
    "Téhéran": ("IRN", "GOV", "capital"),
    "Bagdad": ("IRQ", "GOV", "capital"),
    "agriculteurs irakiens": ("IRQ", "CVL", "role"),
    "Hussein": ("IRQ", "GOV", "person"),
    "Tehran": ("IRN", "GOV", "capital"),
    "حسين": ("IRQ", "GOV", "person"),
    "طهران": ("IRN", "GOV", "capital"),
    "مدنيين": ("", "CVL", "role"),
    "جنود": ("", "MIL", "role"),
    "civilians": ("", "CVL", "role"),
    "civils": ("", "CVL", "role"),
    "A Turkish drone": ("TUR", "MIL", "role"),
    "the SDF": ("SYR", "REB", "group"),
    "Un drone turc": ("TUR", "MIL", "role"),
    "FDS": ("SYR", "REB", "group"),
    "طائرة تركية": ("TUR", "MIL", "role"),
    "قسد": ("SYR", "REB", "group"),
}


def article(text: str, language: str) -> Article:
    built = make_article(text, language)
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for surface in sorted(ACTORS, key=len, reverse=True):
        at = text.find(surface)
        while at >= 0:
            end = at + len(surface)
            if all(end <= s or at >= e for s, e in taken):
                code, sector, kind = ACTORS[surface]
                mentions.append(Mention(0, at, end, Entity(code, sector, surface), kind))
                taken.append((at, end))
            at = text.find(surface, end)
    return dataclasses.replace(built, mentions=tuple(sorted(mentions, key=lambda m: m.start)))


def coded(text: str, language: str, kind: str) -> Event:
    (found,) = [e for e in load_event_coder()(article(text, language)).events if e.event == kind]
    return found


def sides(found: Event) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    return [(e.code, e.sector) for e in found.actor], [(e.code, e.sector) for e in found.recipient]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ar", "وطالب المتظاهرون الحكومة بتوفير فرص عمل"),
        ("ar", "وطالب عدد من الأهالي الحكومة بتعزيز الحماية"),
        ("en", "The protesters called on the government to provide jobs."),
        ("fr", "Les manifestants ont appelé le gouvernement à créer des emplois."),
    ],
)
def test_a_subject_and_its_object_of_another_sector_are_two_sides(language: str, text: str) -> None:
    actor, recipient = sides(coded(text, language, "REQUEST"))
    assert [s for _, s in actor] == ["CVL"]
    assert [s for _, s in recipient] == ["GOV"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ar", "وقعت تركيا وسوريا اتفاقية للتعاون العسكري"),
        ("fr", "La Turquie et la Syrie ont signé un accord de coopération militaire."),
        ("en", "Egypt and Iraq signed a memorandum on training."),
    ],
)
def test_coordinated_subjects_act_jointly(language: str, text: str) -> None:
    actor, recipient = sides(coded(text, language, "SUPPORT"))
    assert len(actor) == 2
    assert recipient == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ar", "هاجم مسلحون من تنظيم داعش قرية المزرعة"),
        ("en", "Militants of ISIS attacked the village on Friday."),
        ("fr", "Des combattants de l'EI ont attaqué le village vendredi."),
    ],
)
def test_a_band_of_an_organisation_acts_as_the_organisation(language: str, text: str) -> None:
    actor, _ = sides(coded(text, language, "ASSAULT"))
    assert [c for c, _ in actor] == ["IMG"]


def test_a_count_before_min_names_victims_not_agents() -> None:
    events = load_event_coder()(article("ما أسفر عن مقتل أربعة من أهالي القرية", "ar")).events
    assert events == ()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Fouad Hussein a demandé à Téhéran d'augmenter les débits d'eau"
            " dont dépendent les agriculteurs irakiens.",
        ),
        ("en", "Hussein called on Tehran to increase water releases."),
        ("ar", "وطالب حسين طهران بزيادة الإطلاقات المائية"),
    ],
)
def test_the_capital_a_request_is_addressed_to_is_the_recipient(language: str, text: str) -> None:
    _, recipient = sides(coded(text, language, "REQUEST"))
    assert [c for c, _ in recipient] == ["IRN"]


APPOSITION_ACTORS = {
    "Kataib Hezbollah": ("IRQ", "PRM", "group"),
    "armed faction": ("", "PRM", "role"),
    "US forces": ("USA", "MIL", "role"),
    "Le Hezbollah": ("LBN", "PRM", "group"),
    "mouvement armé": ("", "PRM", "role"),
    "Israël": ("ISR", "", "country"),
    "كتائب حزب الله": ("IRQ", "PRM", "group"),
    "فصيل مسلح": ("", "PRM", "role"),
    "القوات الأمريكية": ("USA", "MIL", "role"),
}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Kataib Hezbollah, an armed faction, threatened to target US forces."),
        ("fr", "Le Hezbollah, un mouvement armé, a menacé de frapper Israël."),
        ("ar", "هددت كتائب حزب الله، فصيل مسلح، باستهداف القوات الأمريكية"),
    ],
)
def test_an_uncoded_apposition_does_not_replace_the_named_actor(
    language: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(f"{__name__}.ACTORS", APPOSITION_ACTORS)
    actor, _ = sides(coded(text, language, "THREATEN"))
    assert [c for c, _ in actor] in (["IRQ"], ["LBN"])


BRACKET_ACTORS = {
    "Turkish artillery": ("TUR", "MIL", "role"),
    "Kurdistan Workers' Party": ("TUR", "REB", "group"),
    "PKK": ("TUR", "REB", "group"),
    "militants": ("", "REB", "role"),
}


def test_a_bracketed_acronym_joins_the_name_and_its_members(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(f"{__name__}.ACTORS", BRACKET_ACTORS)
    text = "Turkish artillery shelled hideouts of Kurdistan Workers' Party (PKK) militants."
    _, recipient = sides(coded(text, "en", "ASSAULT"))
    assert recipient == [("TUR", "REB")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ar", "قتل عشرة مدنيين بقصف مدفعي على القرية"),
        ("ar", "أصيب 12 مدنيين بجروح جراء سقوط قذيفة هاون على السوق"),
        ("en", "Ten civilians were killed in shelling on the village."),
        ("fr", "Dix civils ont été tués par des tirs d'obus sur le village."),
    ],
)
def test_counted_victims_are_the_recipient_not_the_attacker(language: str, text: str) -> None:
    actor, recipient = sides(coded(text, language, "ASSAULT"))
    assert actor == [("", "UAF")]
    assert recipient[0][1] == "CVL"


def test_a_count_after_a_protest_verb_keeps_the_protesters_as_actor() -> None:
    actor, _ = sides(coded("تظاهر عشرات المتظاهرون أمام الوزارة", "ar", "PROTEST"))
    assert actor and actor[0][1] == "CVL"


def test_an_arabic_noun_before_an_attack_noun_is_not_its_author() -> None:
    """«لقي ثلاثة جنود مصرعهم بانفجار عبوة»: Arabic modifiers follow the noun they modify."""
    actor, recipient = sides(coded("لقي ثلاثة جنود مصرعهم بانفجار عبوة ناسفة قرب الحدود", "ar", "ASSAULT"))
    assert actor == [("", "UAF")]
    assert recipient == [("", "MIL")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "A Turkish drone struck a fuel depot belonging to the SDF near the border."),
        ("en", "A Turkish drone targeted a fuel depot owned by the SDF on Monday."),
        ("fr", "Un drone turc a frappé un dépôt de carburant appartenant aux FDS."),
        ("fr", "Un drone turc a visé lundi un dépôt de carburant des FDS."),
        ("ar", "استهدفت طائرة تركية مستودعا للوقود تابعا لقسد قرب الحدود."),
    ],
)
def test_the_owner_of_a_struck_object_is_the_recipient(language: str, text: str) -> None:
    actor, recipient = sides(coded(text, language, "ASSAULT"))
    assert actor == [("TUR", "MIL")]
    assert recipient == [("SYR", "REB")]
