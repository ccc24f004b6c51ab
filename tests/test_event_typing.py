"""Event typing and direction rules (English and French), on invented sentences with stubbed actors."""

from __future__ import annotations

import dataclasses

import pytest

from marsad.events import load_event_coder
from marsad.model import Entity, Event, Mention
from tests.conftest import make_article
from tests.test_events import ACTORS, codes

# Actors these sentences need beyond the shared stub table.
MORE_ACTORS = {
    "The appeals court": ("", "JUD", "role"),
    "La cour d'appel": ("", "JUD", "role"),
    "A court": ("", "JUD", "role"),
    "A court in Iraq": ("IRQ", "JUD", "role"),
    "A journalist": ("", "MED", "role"),
    "Un journaliste": ("", "MED", "role"),
    "la Syrie": ("SYR", "", "country"),
    "Syrie": ("SYR", "", "country"),
    "Irak": ("IRQ", "", "country"),
    "Le tribunal": ("", "JUD", "role"),
}


def code(text: str, language: str) -> tuple[Event, ...]:
    """Code one sentence with every stub actor found in it (longest first, no overlaps)."""
    article = make_article(text, language)
    table = ACTORS | MORE_ACTORS
    mentions: list[Mention] = []
    for surface in sorted(table, key=len, reverse=True):
        at = text.find(surface)
        while at >= 0:
            end = at + len(surface)
            if all(end <= m.start or at >= m.end for m in mentions):
                sector_code, sector, kind = table[surface]
                mentions.append(Mention(0, at, end, Entity(sector_code, sector, surface), kind))
            at = text.find(surface, end)
    article = dataclasses.replace(article, mentions=tuple(sorted(mentions, key=lambda m: m.start)))
    return load_event_coder()(article).events


def typed(sentence: str, language: str) -> list[str]:
    return [e.event for e in code(sentence, language)]


def only(sentence: str, language: str, event_type: str) -> Event:
    found = [e for e in code(sentence, language) if e.event == event_type]
    assert len(found) == 1, (sentence, [e.event for e in code(sentence, language)])
    return found[0]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "The appeals court rejected the request of the Iraqi president."),
        ("fr", "La cour d'appel a rejeté la demande du président irakien."),
    ],
)
def test_a_set_phrase_does_not_swallow_the_trigger_after_it(language, sentence):
    assert "REJECT" in typed(sentence, language)
    assert "REQUEST" not in typed(sentence, language)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "The Iraqi army were deployed along the border with Turkey."),
        ("fr", "L'armée irakienne a été déployée le long de la frontière."),
    ],
)
def test_a_passive_deployment_with_no_agent_is_by_the_deployed_force(language, sentence):
    event = only(sentence, language, "MOBILIZE")
    assert codes(event.actor) == ["IRQ"]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "A journalist was arrested on Monday in Iraq for his reporting."),
        ("fr", "Un journaliste a été arrêté lundi en Irak pour ses articles."),
    ],
)
def test_an_arrest_with_no_agent_is_by_the_state_where_it_happened(language, sentence):
    event = only(sentence, language, "COERCE")
    assert [(e.code, e.sector) for e in event.actor] == [("IRQ", "GOV")]


def test_an_agentless_attack_is_not_given_to_the_place():
    events = code("Two soldiers were killed in Iraq on Monday.", "en")
    assert not [e for e in events if codes(e.actor) == ["IRQ"]]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "The Iraqi army have begun their offensive against ISIS."),
        ("fr", "L'armée irakienne a entamé son offensive contre l'État islamique."),
    ],
)
def test_a_subject_that_begins_a_nominal_attack_is_its_actor(language, sentence):
    event = only(sentence, language, "ASSAULT")
    assert codes(event.actor) == ["IRQ"]
    assert codes(event.recipient) == ["IMG"]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "The UN sent food to the besieged towns of Syria."),
        ("fr", "L'ONU a envoyé des vivres aux villes assiégées de Syrie."),
    ],
)
def test_a_participle_after_an_article_is_an_adjective_not_an_act(language, sentence):
    assert "COERCE" not in typed(sentence, language)
    assert "AID" in typed(sentence, language)


@pytest.mark.parametrize(
    ("language", "sentence", "event_type"),
    [
        ("en", "Iran will reject the UN proposal.", "REJECT"),
        ("fr", "L'Iran va rejeter la proposition de la France.", "REJECT"),
        ("en", "The UN will investigate the killings in Syria.", "ACCUSE"),
        ("fr", "L'ONU va enquêter sur les meurtres en Syrie.", "ACCUSE"),
    ],
)
def test_an_announced_refusal_or_investigation_is_already_the_act(language, sentence, event_type):
    assert event_type in typed(sentence, language)


def test_a_rejection_stays_one_in_a_sentence_with_a_later_date():
    sentence = "The Iraqi president rejected the UN proposal, saying talks would resume next week."
    assert "REJECT" in typed(sentence, "en")


@pytest.mark.parametrize(
    ("language", "sentence", "event_type"),
    [
        ("en", "The Iraqi army has launched cyber warfare against Iran.", "COERCE"),
        ("fr", "La Turquie a lancé une cyberguerre contre l'Iran.", "COERCE"),
        ("en", "The Iraqi president is committed to the reform plan of the UN.", "AGREE"),
        ("fr", "Le président irakien est engagé à soutenir le plan de l'ONU.", "AGREE"),
        ("en", "Turkey joined forces with Iraq against ISIS.", "COOPERATE"),
        ("fr", "La Turquie a uni ses forces avec l'Irak contre l'État islamique.", "COOPERATE"),
        ("en", "Turkey gave Iraq a two-week deadline to close the camps.", "THREATEN"),
        ("fr", "La Turquie a donné à l'Irak un délai de deux semaines.", "THREATEN"),
        ("en", "The Iraqi president held bilateral discussions with the French minister.", "CONSULT"),
        ("fr", "Le président irakien a eu des discussions avec le ministre français.", "CONSULT"),
        ("en", "The UN applauds the Iraqi president for the reform.", "SUPPORT"),
        ("fr", "L'ONU applaudit le président irakien pour la réforme.", "SUPPORT"),
        ("en", "Turkey and Iraq are upgrading their diplomatic ties.", "SUPPORT"),
        ("fr", "La Turquie rehausse ses relations avec l'Irak.", "SUPPORT"),
        ("en", "The Iraqi army received financial support from the US.", "AID"),
        ("fr", "L'armée irakienne a reçu un soutien logistique de la France.", "AID"),
        ("en", "Police opened an investigation of the Iraqi president.", "ACCUSE"),
        ("fr", "La police a ouvert une enquête sur le président irakien.", "ACCUSE"),
        ("en", "A court in Iraq ordered the retrial of the French minister.", "ACCUSE"),
        ("fr", "Le tribunal a ordonné un nouveau procès pour le ministre français.", "ACCUSE"),
        ("en", "A court quashed the ban that Turkey imposed on Iraq.", "REJECT"),
        ("fr", "La Turquie a invalidé la décision de l'Irak.", "REJECT"),
        ("en", "Turkey announced a suspension of air links with Iraq.", "SANCTION"),
        ("fr", "La Turquie a annoncé la suspension des vols vers l'Irak.", "SANCTION"),
    ],
)
def test_typing_rows_for_commitment_ultimatum_aid_and_court_acts(language, sentence, event_type):
    assert event_type in typed(sentence, language), sentence


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Iran still refuses to meet the French minister."),
        ("en", "Iran has long refused direct talks with the UN."),
        ("fr", "L'Iran refuse depuis longtemps la proposition de la France."),
    ],
)
def test_a_lasting_refusal_is_a_refusal(language, sentence):
    assert "REJECT" in typed(sentence, language)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "The US provided humanitarian aid to support Iraq."),
        ("fr", "La France a livré de l'aide humanitaire pour soutenir l'Irak."),
    ],
)
def test_aid_given_to_support_someone_is_one_aid(language, sentence):
    assert typed(sentence, language) == ["AID"]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Police opened an investigation into the killing of the Iraqi president."),
        ("fr", "La police a ouvert une enquête sur l'attaque contre le président irakien."),
    ],
)
def test_an_investigated_act_is_not_reported_as_an_event(language, sentence):
    assert typed(sentence, language) == ["ACCUSE"]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Turkey accepted thousands of Syrian refugees last year."),
        ("fr", "La Turquie a accepté des milliers de réfugiés syriens."),
    ],
)
def test_admitting_refugees_is_aid(language, sentence):
    assert "AID" in typed(sentence, language)


@pytest.mark.parametrize(
    ("language", "sentence", "expected", "absent"),
    [
        (
            "en",
            "Turkey and Iraq agreed to a ceasefire to end the fighting along their disputed border.",
            "AGREE",
            "THREATEN",
        ),
        (
            "fr",
            "La Turquie et l'Irak ont accepté un cessez-le-feu pour mettre fin aux combats.",
            "AGREE",
            "THREATEN",
        ),
    ],
)
def test_agreeing_to_a_ceasefire_is_an_agreement(language, sentence, expected, absent):
    types = typed(sentence, language)
    assert expected in types and absent not in types and "ACCUSE" not in types


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "The UN is providing food to meet the needs of people in Syria."),
        ("fr", "L'ONU livre de l'aide humanitaire pour satisfaire les besoins de la Syrie."),
    ],
)
def test_meeting_a_need_is_no_meeting(language, sentence):
    assert "CONSULT" not in typed(sentence, language)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Iran said it will not begin talks with the UN until the sailors are freed."),
        ("fr", "L'Iran ne va pas rencontrer le ministre français."),
    ],
)
def test_a_refused_meeting_is_a_rejection(language, sentence):
    assert "REJECT" in typed(sentence, language)


@pytest.mark.parametrize(
    ("language", "sentence", "event_type"),
    [
        ("en", "Turkey and Iraq launched war games near the border.", "COOPERATE"),
        ("en", "Turkey launched war games near the border with Iraq.", "MOBILIZE"),
        ("fr", "La Turquie et l'Irak ont mené des manoeuvres militaires près de la frontière.", "COOPERATE"),
        ("fr", "La Turquie a mené des manoeuvres militaires près de la frontière.", "MOBILIZE"),
    ],
)
def test_war_games_held_together_are_cooperation(language, sentence, event_type):
    assert event_type in typed(sentence, language)


@pytest.mark.parametrize(
    ("language", "sentence", "event_type"),
    [
        ("en", "The Iraqi army forced the French minister out of the country.", "COERCE"),
        ("fr", "L'armée irakienne a contraint le ministre français à quitter le pays.", "COERCE"),
        ("en", "The US is training the Iraqi army near Baghdad.", "AID"),
        ("fr", "La France entraîne les forces de l'armée irakienne.", "AID"),
        ("en", "Turkey allowed humanitarian relief to reach Syria.", "RETREAT"),
        ("fr", "La Turquie a autorisé l'aide humanitaire vers la Syrie.", "RETREAT"),
        ("en", "The UN will provide a grant to Iraq.", "AGREE"),
        ("fr", "L'ONU va fournir un prêt à l'Irak.", "AGREE"),
        ("en", "Iran violated a ban by the UN on missile tests.", "REJECT"),
        ("fr", "L'Iran a violé l'interdiction de l'ONU.", "REJECT"),
        ("en", "The Iraqi president is defending the Iraqi army against criticism.", "SUPPORT"),
        ("fr", "Le président irakien a défendu l'armée irakienne contre les critiques.", "SUPPORT"),
        ("en", "The move followed months of threats by Turkey against Iraq.", "THREATEN"),
        ("fr", "Les menaces proférées par la Turquie contre l'Irak se multiplient.", "THREATEN"),
        ("en", "Iran reneged on the agreement with the UN.", "REJECT"),
        ("fr", "L'Iran a renié l'accord avec l'ONU.", "REJECT"),
    ],
)
def test_rows_for_force_training_access_defiance_defence_and_threats(language, sentence, event_type):
    assert event_type in typed(sentence, language), sentence


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "The UN would hold talks with the Iraqi president next month."),
        ("fr", "L'ONU serait à Bagdad la semaine prochaine pour rencontrer le président irakien."),
    ],
)
def test_a_conditional_with_a_date_ahead_is_a_plan(language, sentence):
    assert "AGREE" in typed(sentence, language)


def test_a_conditional_without_a_date_stays_a_hypothesis():
    assert typed("The UN would hold talks with the Iraqi president.", "en") == []


@pytest.mark.parametrize(
    ("language", "sentence", "absent"),
    [
        ("en", "The Iraqi army struck Iran-backed militias near the border.", "SUPPORT"),
        ("fr", "L'armée irakienne a frappé des milices soutenues par l'Iran.", "SUPPORT"),
    ],
)
def test_a_hyphenated_participle_is_an_adjective(language, sentence, absent):
    types = typed(sentence, language)
    assert "ASSAULT" in types and absent not in types


@pytest.mark.parametrize(
    ("language", "sentence", "event_type"),
    [
        ("en", "The UN issued a report highly critical of Iran.", "ACCUSE"),
        ("fr", "L'ONU s'est montrée très critique envers l'Iran.", "ACCUSE"),
        ("en", "The French minister offered sharp criticism of the Iraqi president.", "ACCUSE"),
        ("en", "The Iraqi president called out Turkey for its silence.", "ACCUSE"),
        ("en", "The Iraqi president launched an extraordinary attack on the UN.", "ACCUSE"),
        ("en", "Iran faces growing criticism from the UN over the arrests.", "ACCUSE"),
        ("fr", "L'Iran fait l'objet de vives critiques de la Turquie.", "ACCUSE"),
        ("en", "Iran repeated its demand that the US lift the embargo.", "REQUEST"),
        ("en", "The UN reiterated its commitment to work with Iraq.", "AGREE"),
        ("fr", "L'ONU a réitéré son engagement à travailler avec l'Irak.", "AGREE"),
        ("en", "The Iraqi army refuted reports of a withdrawal.", "REJECT"),
        ("fr", "L'armée irakienne a réfuté les informations sur un retrait.", "REJECT"),
        ("en", "Turkey dropped all charges against the Iraqi president.", "RETREAT"),
        ("fr", "La Turquie a abandonné les poursuites contre le président irakien.", "RETREAT"),
        ("en", "Kurdish fighters handed over their heavy weapons to the Iraqi army.", "RETREAT"),
        ("en", "Kurdish fighters will hand over their weapons to the Iraqi army.", "AGREE"),
        ("fr", "L'État islamique remettra ses armes à l'armée irakienne.", "AGREE"),
        ("en", "Iran released the Turkish ship after a week.", "RETREAT"),
        ("en", "Two Turkish diplomats were expelled from Iran on Monday.", "SANCTION"),
        ("fr", "Le ministre français a été expulsé de l'Iran.", "SANCTION"),
        ("en", "The Iraqi army began assaults on ISIS positions.", "ASSAULT"),
        ("fr", "L'armée irakienne a lancé des assauts contre l'État islamique.", "ASSAULT"),
    ],
)
def test_rows_for_criticism_demands_commitments_denials_and_handovers(language, sentence, event_type):
    assert event_type in [score(t) for t in typed(sentence, language)], sentence


def score(event_type: str) -> str:
    """CONCEDE is scored with RETREAT (PLOVER's old YIELD)."""
    return "RETREAT" if event_type == "CONCEDE" else event_type


@pytest.mark.parametrize(
    ("language", "sentence", "event_type"),
    [
        ("fr", "Le président irakien a ordonné la libération des étudiants.", "RETREAT"),
        ("fr", "Le président irakien a ordonné la libération d'un journaliste.", "RETREAT"),
        ("fr", "La France imposera des sanctions à l'Iran.", "THREATEN"),
        ("en", "Turkey will impose sanctions on Iran.", "THREATEN"),
    ],
)
def test_an_ordered_release_and_announced_sanctions(language, sentence, event_type):
    types = typed(sentence, language)
    assert event_type in types and "REQUEST" not in types, (sentence, types)


@pytest.mark.parametrize(
    ("language", "sentence", "absent"),
    [
        ("en", "The Iraqi president wants to stifle a free press.", "RETREAT"),
        ("en", "Turkey gave the Iraqi army free rein in the north.", "RETREAT"),
        ("fr", "Le président irakien veut étouffer la presse libre.", "RETREAT"),
        ("en", "The UN Support Mission condemned the attack on Iraq.", "SUPPORT"),
        ("fr", "La mission d'appui de l'ONU a condamné l'attaque.", "SUPPORT"),
        ("en", "Turkey offered Iraq two attack helicopters.", "ASSAULT"),
        ("fr", "La Turquie a offert deux hélicoptères d'attaque à l'Irak.", "ASSAULT"),
        ("en", "The UN agreed to send a strike team of doctors to Iraq.", "ASSAULT"),
        ("en", "Riot police dispersed the students in Baghdad.", "PROTEST"),
        ("fr", "La police anti-émeute a dispersé des étudiants à Bagdad.", "PROTEST"),
    ],
)
def test_set_phrases_hold_no_trigger(language, sentence, absent):
    assert absent not in typed(sentence, language), sentence


@pytest.mark.parametrize(
    ("sentence", "event_type", "absent"),
    [
        ("The Iraqi president called the French minister on Monday about the border.", "CONSULT", "REQUEST"),
        ("The Iraqi president called on Monday for talks with Iran.", "REQUEST", "CONSULT"),
        ("The Iraqi president called Paris on Friday to congratulate him.", "SUPPORT", "CONSULT"),
        ("The Iraqi president called Paris on Friday to convey his support.", "SUPPORT", "CONSULT"),
        ("The US will increase pressure on Iran, Washington said.", "THREATEN", "REQUEST"),
        ("The UN reiterated its commitment to supporting Iraq's sovereignty.", "SUPPORT", "AGREE"),
        ("The Iraqi army wants a free Iraq.", "", "RETREAT"),
    ],
)
def test_calls_on_a_day_their_purpose_pressure_and_support_commitments(sentence, event_type, absent):
    types = typed(sentence, "en")
    assert (not event_type or event_type in types) and absent not in types, (sentence, types)


def test_a_call_to_congratulate_keeps_its_caller_and_callee():
    event = only("The Iraqi president called Paris on Friday to congratulate him.", "en", "SUPPORT")
    assert [e.code for e in event.actor] == ["IRQ"] and [e.code for e in event.recipient] == ["FRA"]


@pytest.mark.parametrize(
    ("sentence", "event_type", "absent"),
    [
        ("Le président irakien a téléphoné à Paris pour féliciter la France.", "SUPPORT", "CONSULT"),
        ("La France va accentuer la pression sur l'Iran.", "THREATEN", "REQUEST"),
        ("L'ONU a réaffirmé son engagement à soutenir l'Irak.", "SUPPORT", "AGREE"),
    ],
)
def test_french_call_purposes_pressure_and_support_commitments(sentence, event_type, absent):
    types = typed(sentence, "fr")
    assert event_type in types and absent not in types, (sentence, types)


@pytest.mark.parametrize(
    ("language", "sentence", "event_type", "absent"),
    [
        ("en", "The UN is calling for an investigation into the killing of students.", "ACCUSE", "REQUEST"),
        ("fr", "L'ONU a appelé à une enquête sur la mort des étudiants.", "ACCUSE", "REQUEST"),
        ("en", "The US eased restrictions on humanitarian aid to Iran.", "RETREAT", "AID"),
        ("fr", "La France a levé les restrictions sur l'aide humanitaire à l'Iran.", "RETREAT", "AID"),
        ("en", "Many students will hold a protest outside Iraqi army headquarters.", "THREATEN", "PROTEST"),
        ("en", "Many students held a protest outside Iraqi army headquarters.", "PROTEST", "THREATEN"),
    ],
)
def test_called_inquiries_eased_restrictions_and_held_protests(language, sentence, event_type, absent):
    types = [score(t) for t in typed(sentence, language)]
    assert event_type in types and absent not in types, (sentence, types)


@pytest.mark.parametrize(
    ("language", "sentence", "event_type"),
    [
        ("en", "The French minister returned on Sunday to Paris.", ""),
        ("en", "The Iraqi president returned yesterday after two days in Paris.", ""),
        ("en", "The US returned the stolen manuscripts to Iraq.", "RETREAT"),
        ("fr", "Le président irakien a rendu dimanche visite à la France.", "CONSULT"),
        ("fr", "La France a rendu les manuscrits à l'Irak.", "RETREAT"),
    ],
)
def test_coming_back_is_not_giving_back(language, sentence, event_type):
    types = typed(sentence, language)
    assert event_type in types if event_type else "RETREAT" not in types, (sentence, types)


@pytest.mark.parametrize(
    ("language", "sentence", "event_type"),
    [
        ("en", "The Iraqi army reversed its decision to close the border with Turkey.", "RETREAT"),
        ("en", "The Iraqi president will not reverse his decision on Turkey.", "REJECT"),
        ("fr", "La Turquie est revenue sur sa décision.", "RETREAT"),
        ("fr", "Le président irakien ne reviendra pas sur sa décision.", "REJECT"),
    ],
)
def test_a_reversed_decision_is_a_concession_and_a_refused_one_a_rejection(language, sentence, event_type):
    assert event_type in [score(t) for t in typed(sentence, language)], sentence
