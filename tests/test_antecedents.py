"""Event anaphora and same-participant anaphora (marsad.antecedents), in ar, en and fr."""

from __future__ import annotations

import dataclasses

import pytest

from marsad.antecedents import (
    anaphor_in,
    pronoun_antecedent,
    pronoun_subject,
    read_anaphors,
    referred_actor,
    remembered,
    restates,
)
from marsad.events import load_event_coder
from marsad.model import Article, Citation, Entity, Event, Mention
from marsad.normalize import fold_text
from tests.conftest import make_article

# Stub actors for these sentences: surface -> (code, sector, kind).
ACTORS = {
    "ISIS": ("IMG", "REB", "group"),
    "The governor": ("IRQ", "GOV", "role"),
    "Police": ("IRQ", "COP", "role"),
    "US forces": ("USA", "MIL", "role"),
    "The Iraqi government": ("IRQ", "GOV", "role"),
    "L'EI": ("IMG", "REB", "group"),
    "Le préfet": ("SYR", "GOV", "role"),
    "La police": ("SYR", "COP", "role"),
    "Les forces américaines": ("USA", "MIL", "role"),
    "Le gouvernement irakien": ("IRQ", "GOV", "role"),
    "داعش": ("IMG", "REB", "group"),
    "المحافظ": ("IRQ", "GOV", "role"),
    "الشرطة": ("IRQ", "COP", "role"),
    "القوات الأمريكية": ("USA", "MIL", "role"),
    "الحكومة العراقية": ("IRQ", "GOV", "role"),
    "إيران": ("IRN", "", "country"),
    "صيادين عراقيين": ("IRQ", "CVL", "role"),
    "البحرية الإيرانية": ("IRN", "MIL", "role"),
    "الصيادين": ("", "CVL", "role"),
    "The attackers": ("", "UAF", "generic"),
    "Les assaillants": ("", "UAF", "generic"),
    "المهاجمون": ("", "UAF", "generic"),
    "A Turkish drone": ("TUR", "MIL", "role"),
    "the Kurdish fighters": ("SYR", "REB", "group"),
    "Un drone turc": ("TUR", "MIL", "role"),
    "les combattants kurdes": ("SYR", "REB", "group"),
    "طائرة مسيرة تركية": ("TUR", "MIL", "role"),
    "المقاتلين الأكراد": ("SYR", "REB", "group"),
    "Counter-terrorism units": ("IRQ", "MIL", "role"),
    "Les unités antiterroristes": ("IRQ", "MIL", "role"),
    "الوحدات العراقية": ("IRQ", "MIL", "role"),
    "The Jordanian minister": ("JOR", "GOV", "role"),
    "Egypt": ("EGY", "", "country"),
    "Cairo": ("EGY", "GOV", "capital"),
    "La ministre jordanienne": ("JOR", "GOV", "role"),
    "l'Égypte": ("EGY", "", "country"),
    "Caire": ("EGY", "GOV", "capital"),
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
                sentence = next(s for s in built.sentences if s.start <= at <= s.end)
                mentions.append(Mention(sentence.index, at, end, Entity(code, sector, surface), kind))
                taken.append((at, end))
            at = text.find(surface, end)
    return dataclasses.replace(built, mentions=tuple(sorted(mentions, key=lambda m: m.start)))


def events_of(text: str, language: str, event: str) -> list[Event]:
    return [e for e in load_event_coder()(article(text, language)).events if e.event == event]


def event(kind: str, actor: tuple[Entity, ...], recipient: tuple[Entity, ...] = ()) -> Event:
    return Event("id", kind, actor, recipient, Citation("s"), "", 0, 0, 0)


def test_the_anaphor_list_reads_and_covers_the_three_languages() -> None:
    languages = {a.language for a in read_anaphors()}
    assert languages == {"ar", "en", "fr"}


@pytest.mark.parametrize(
    ("language", "text", "refers"),
    [
        ("en", "condemned the attack on saturday", "ASSAULT"),
        ("fr", "a denonce un acte lache", "ASSAULT"),
        ("ar", "ورحبت الحكومة بالخطوه", "*"),
        ("ar", "دعا الى التصدي للهجوم", "ASSAULT"),
        ("en", "welcomed the withdrawal", "RETREAT"),
    ],
)
def test_anaphor_in_finds_the_noun_with_its_clitics(language: str, text: str, refers: str) -> None:
    found = anaphor_in(fold_text(text), language)
    assert found is not None
    assert refers in found.refers


def test_anaphor_in_needs_a_whole_word() -> None:
    assert anaphor_in("the attackable surface", "en") is None
    assert anaphor_in(fold_text("هجومي"), "ar") is None


def test_referred_actor_prefers_a_named_attacker_to_a_later_uncoded_one() -> None:
    isis = Entity("IMG", "REB")
    gunmen = Entity("", "UAF")
    recent = [event("ASSAULT", (isis,)), event("ASSAULT", (gunmen,)), event("CONSULT", (Entity("IRQ"),))]
    anaphor = anaphor_in("the attack", "en")
    assert anaphor is not None
    assert referred_actor(anaphor, recent, (Entity("IRQ", "GOV"),)) == (isis,)
    assert referred_actor(anaphor, recent[1:], (Entity("IRQ", "GOV"),)) == (gunmen,)
    assert referred_actor(anaphor, recent[2:], (Entity("IRQ", "GOV"),)) == ()


def test_referred_actor_skips_the_actors_own_acts() -> None:
    step = anaphor_in("the step", "en")
    assert step is not None
    recent = [event("RETREAT", (Entity("USA", "MIL"),)), event("SUPPORT", (Entity("IRQ", "GOV"),))]
    assert [e.code for e in referred_actor(step, recent, (Entity("IRQ", "GOV"),))] == ["USA"]


def test_remembered_gives_a_group_of_people_the_country_seen_last() -> None:
    recent = [event("RETREAT", (Entity("IRN", "GOV"),), (Entity("IRQ", "CVL"),))]
    out = remembered(recent, (Entity("", "CVL"), Entity("", "GOV")))
    assert [(e.code, e.sector) for e in out] == [("IRQ", "CVL"), ("", "GOV")]


ATTACK_THEN_CONDEMN = [
    ("en", "ISIS attacked a village on Friday.\nThe governor condemned the attack.", "ACCUSE"),
    ("fr", "L'EI a attaqué un village vendredi.\nLe préfet a dénoncé un acte lâche.", "ACCUSE"),
    ("ar", "هاجم داعش قرية يوم الجمعة.\nوأدان المحافظ الهجوم.", "ACCUSE"),
    ("en", "ISIS attacked a village on Friday.\nPolice arrested three suspects on Saturday.", "COERCE"),
    ("fr", "L'EI a attaqué un village vendredi.\nLa police a arrêté trois suspects samedi.", "COERCE"),
    ("ar", "هاجم داعش قرية يوم الجمعة.\nواعتقلت الشرطة اثنين من المشتبه بتورطهم في الهجوم.", "COERCE"),
]


@pytest.mark.parametrize(("language", "text", "kind"), ATTACK_THEN_CONDEMN)
def test_the_attack_referred_to_gives_the_attacker_as_recipient(language: str, text: str, kind: str) -> None:
    (found,) = events_of(text, language, kind)
    assert [e.code for e in found.recipient] == ["IMG"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "US forces withdrew from the base.\nThe Iraqi government welcomed the step."),
        (
            "fr",
            "Les forces américaines se sont retirées de la base.\nLe gouvernement irakien a salué ce geste.",
        ),
        ("ar", "انسحبت القوات الأمريكية من القاعدة.\nورحبت الحكومة العراقية بالخطوة."),
    ],
)
def test_a_welcomed_step_is_the_act_of_the_one_who_took_it(language: str, text: str) -> None:
    (found,) = events_of(text, language, "SUPPORT")
    assert [e.code for e in found.recipient] == ["USA"]


def test_no_anaphor_leaves_the_recipient_empty() -> None:
    (found,) = events_of(
        "ISIS attacked a village on Friday.\nPolice arrested three men on Saturday.", "en", "COERCE"
    )
    assert found.recipient == ()


def test_the_fishermen_seen_before_keep_their_country() -> None:
    text = "أفرجت إيران عن صيادين عراقيين.\nوكانت البحرية الإيرانية قد احتجزت الصيادين في آب."
    (found,) = events_of(text, "ar", "COERCE")
    assert [(e.code, e.sector) for e in found.recipient] == [("IRQ", "CVL")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "US forces withdrew from the base.\n"
            "The Iraqi government welcomed the step, which came after years of the long war against ISIS.",
        ),
        (
            "fr",
            "Les forces américaines se sont retirées de la base.\n"
            "Le gouvernement irakien a salué ce geste, intervenu après des années de guerre contre L'EI.",
        ),
        (
            "ar",
            "انسحبت القوات الأمريكية من القاعدة.\n"
            "ورحبت الحكومة العراقية بالخطوة، التي جاءت بعد سنوات طويلة من الحرب الصعبة والمكلفة ضد داعش.",
        ),
    ],
)
def test_a_participant_named_far_after_the_anaphor_is_not_its_object(language: str, text: str) -> None:
    (found,) = events_of(text, language, "SUPPORT")
    assert [e.code for e in found.recipient] == ["USA"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "ISIS attacked a village on Friday.\nThe attackers opened fire on homes."),
        ("fr", "L'EI a attaqué un village vendredi.\nLes assaillants ont ouvert le feu sur des maisons."),
        ("ar", "هاجم داعش قرية يوم الجمعة.\nوأطلق المهاجمون النار على المنازل."),
    ],
)
def test_an_unnamed_attacker_restating_the_attack_is_not_a_second_attack(language: str, text: str) -> None:
    attacks = events_of(text, language, "ASSAULT")
    assert [[e.code for e in a.actor] for a in attacks] == [["IMG"]]


def test_restates_needs_an_unnamed_actor_and_a_recent_act_of_its_type() -> None:
    earlier = dataclasses.replace(event("ASSAULT", (Entity("IMG", "REB"),)), sentence_index=1)
    unnamed = dataclasses.replace(event("ASSAULT", (Entity("", "UAF"),)), sentence_index=2)
    assert restates(unnamed, [earlier])
    assert not restates(dataclasses.replace(unnamed, sentence_index=5), [earlier])
    assert not restates(dataclasses.replace(unnamed, actor=(Entity("TUR", "MIL"),)), [earlier])
    assert not restates(dataclasses.replace(unnamed, recipient=(Entity("IRQ", "MIL"),)), [earlier])


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("officials of an Iraqi militia", "these officials"),
        ("responsables d'une milice irakienne", "ces responsables"),
        ("قادة الفصيل المسلح", "القادة"),
    ],
)
def test_remembered_recalls_the_participant_named_with_the_same_words(earlier: str, later: str) -> None:
    militia = Entity("IRQ", "PRM", earlier)
    recent = [event("SANCTION", (Entity("USA", "GOV"),), (militia,))]
    assert remembered(recent, (Entity("", "UNK", later),)) == (militia,)
    assert remembered(recent, (Entity("", "UNK", "journalists"),)) == (Entity("", "UNK", "journalists"),)


def test_remembered_gives_unnamed_militants_the_armed_group_seen_last() -> None:
    recent = [event("ASSAULT", (Entity("USA", "MIL"),), (Entity("IMG", "REB", "Islamic State"),))]
    assert [e.code for e in remembered(recent, (Entity("", "REB", "militants"),))] == ["IMG"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "A Turkish drone struck the Kurdish fighters on Tuesday.\n"
            "On Monday, a similar strike hit a camp.",
        ),
        (
            "fr",
            "Un drone turc a frappé les combattants kurdes mardi.\n"
            "Lundi, une frappe similaire a visé un camp.",
        ),
        ("ar", "قصفت طائرة مسيرة تركية المقاتلين الأكراد يوم الثلاثاء.\nوكانت غارة مماثلة قد أصابت مستودعا."),
    ],
)
def test_a_similar_strike_is_by_the_one_who_struck_before(language: str, text: str) -> None:
    attacks = events_of(text, language, "ASSAULT")
    assert [[e.code for e in a.actor] for a in attacks] == [["TUR"], ["TUR"]]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Police arrested five ISIS members.\nCounter-terrorism units also seized a weapons cache."),
        (
            "fr",
            "La police a arrêté cinq membres de L'EI.\nLa police a aussi saisi des armes.",
        ),
        ("ar", "اعتقلت الشرطة خمسة عناصر من داعش.\nوضبطت الوحدات العراقية مخزنا للأسلحة."),
    ],
)
def test_a_seizure_after_an_arrest_by_the_same_side_is_from_the_arrested(language: str, text: str) -> None:
    seizures = [e for e in events_of(text, language, "COERCE") if e.sentence_index == 1]
    assert [[e.code for e in s.recipient] for s in seizures] == [["IMG"]]


FR_MEETING = "La ministre jordanienne a rencontré des responsables de l'Égypte."


@pytest.mark.parametrize(
    ("language", "text", "event"),
    [
        ("en", "The Jordanian minister met officials from Egypt.\nHe later visited Cairo.", "CONSULT"),
        (
            "en",
            "The Jordanian minister met officials from Egypt.\nShe urged Cairo to reopen the crossing.",
            "REQUEST",
        ),
        (
            "fr",
            FR_MEETING + "\nElle s'était déjà rendue au Caire.",
            "CONSULT",
        ),
        (
            "fr",
            FR_MEETING + "\nElle a appelé Le Caire à rouvrir le passage.",
            "REQUEST",
        ),
    ],
)
def test_a_subject_pronoun_is_the_previous_sentences_actor(language: str, text: str, event: str) -> None:
    (found,) = [e for e in events_of(text, language, event) if e.sentence_index == 1]
    assert [(e.code, e.sector) for e in found.actor] == [("JOR", "GOV")]
    assert [e.code for e in found.recipient] == ["EGY"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The Jordanian minister met officials from Egypt.\nIt later visited Cairo."),
        (
            "fr",
            FR_MEETING + "\nIl a été décidé de rouvrir le passage.",
        ),
        (
            "fr",
            FR_MEETING + "\nIl y a eu des combats au Caire.",
        ),
    ],
)
def test_no_pronoun_or_an_impersonal_one_takes_no_antecedent(language: str, text: str) -> None:
    later = [e for e in load_event_coder()(article(text, language)).events if e.sentence_index == 1]
    assert not [e for e in later if any(a.code == "JOR" for a in e.actor)]


def test_pronoun_antecedent_needs_one_participant_for_he_and_she() -> None:
    jordan, egypt = Entity("JOR", "GOV"), Entity("EGY", "GOV")
    joint = dataclasses.replace(event("CONSULT", (jordan, egypt)), sentence_index=0)
    single = dataclasses.replace(event("CONSULT", (jordan,)), sentence_index=0)
    assert pronoun_antecedent("he", 1, [joint]) == ()
    assert pronoun_antecedent("ils", 1, [joint]) == (jordan, egypt)
    assert pronoun_antecedent("she", 1, [single]) == (jordan,)
    assert pronoun_antecedent("she", 5, [single]) == ()
    assert pronoun_subject(fold_text("Il a appelé"), len("il a ")) == "il"
    assert pronoun_subject(fold_text("Il faut appeler"), len("il faut ")) == ""
