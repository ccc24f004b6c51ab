"""Arabic PROTEST detection: crowds with no group named, topics, calls and background."""

from __future__ import annotations

import pytest

from marsad.pipeline import code_text
from marsad.unnamed_protesters import UNNAMED_PROTESTERS


def protests(text: str, language: str = "ar") -> list[list[tuple[str, str]]]:
    """The actors (code, sector) of each PROTEST event coded in `text`."""
    return [
        [(a.code, a.sector) for a in e.actor]
        for e in code_text(text, language, "2026-10-10")
        if e.event == "PROTEST"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "خرجت أمس مظاهرات في عدة مدن جنوبية تأييدا لقرار اللجنة.",
        "وخرجت الجماهير أمس في مظاهرات حاشدة في المدن.",
        "وتجددت المظاهرات في العاصمة أمس ضد قرار رفع الأسعار.",
        "وتظاهر الآلاف وسط المدينة رافعين لافتات تطالب بالإصلاح.",
        "واندلعت في المدينة الساحلية احتجاجات على انقطاع الكهرباء.",
    ],
)
def test_a_protest_told_by_its_crowd_has_unnamed_civilians_as_actor(text):
    coded = protests(text)
    assert coded and all(actor for actor in coded)
    assert any(actor == [(UNNAMED_PROTESTERS.code, UNNAMED_PROTESTERS.sector)] for actor in coded)


@pytest.mark.parametrize(
    "text",
    [
        "وفرقت الشرطة مظاهرة أمام الوزارة.",  # the state's act on a protest: the crackdown is the news
        "وتناول الكاتب تاريخ المظاهرات في مقاله.",  # a topic
    ],
)
def test_a_protest_acted_on_or_named_as_a_topic_gets_no_unnamed_actor(text):
    assert [(UNNAMED_PROTESTERS.code, UNNAMED_PROTESTERS.sector)] not in protests(text)


def test_a_protest_noun_named_as_a_topic_does_not_silence_a_later_protest_verb():
    text = (
        "وأثارت المظاهرات جدلا واسعا في الأوساط السياسية والإعلامية خلال الأسبوع الماضي كله، "
        "ثم تظاهر طلاب الجامعة."
    )
    assert protests(text)


def test_in_protest_at_is_the_reason_of_another_act_not_a_protest():
    text = "وشارك الوزير في الجلسة ثم انسحب منها احتجاجا على قرار الحكومة."
    assert protests(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "وأعلن الطلاب موقفا قاطعا من القرار.",  # a categorical stand is no boycott
        "وجلس العمال على الأرض قاطعين الطريق أمام الشاحنات.",
        "واعتقلت الشرطة عشرين طالبا خلال مظاهرات خرجت في وسط العاصمة.",  # the protest is the setting
        "وتحدث الوزير إلى الصحافيين أثناء تجمع للمتظاهرين في الساحة.",
        "وتعرض صحافيون كانوا يتظاهرون أمام البرلمان للضرب.",
        "وفرقت قوات الأمن بالقوة مظاهرة نظمها الطلاب أمام الجامعة.",  # the crackdown is the news
        "ومنعت الشرطة مسيرة نظمتها المعارضة في وسط المدينة.",
        "ويحتاج الطلاب إلى إذن مسبق لإقامة أية مظاهرة في العاصمة.",  # any protest, none in particular
    ],
)
def test_settings_crackdowns_any_protest_and_other_senses_are_not_protests(text):
    assert protests(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "وتظاهر مئات الطلاب أمام مبنى الوزارة احتجاجا على رفع الرسوم.",
        "ونظم العمال مسيرة حاشدة أمام البرلمان.",
        "وقاطع الطلاب الدروس احتجاجا على القرار.",
    ],
)
def test_the_protest_itself_is_still_reported(text):
    assert protests(text)


@pytest.mark.parametrize(
    ("dated", "today"),
    [
        (
            "وتظاهر الطلاب أمام البرلمان عام 2019 ضد القانون الجديد.",
            "وتظاهر الطلاب أمام البرلمان أمس ضد القانون الجديد.",
        ),
        (
            "Students protested in front of parliament in 2019 against the new law.",
            "Students protested in front of parliament on Monday against the new law.",
        ),
        (
            "Les étudiants ont manifesté devant le parlement en 2019 contre la loi.",
            "Les étudiants ont manifesté devant le parlement lundi contre la loi.",
        ),
    ],
)
def test_an_act_dated_years_before_the_story_is_history(dated, today):
    language = "ar" if dated[0] == "و" else ("fr" if dated.startswith("Les") else "en")
    assert protests(dated, language) == []
    assert protests(today, language)


@pytest.mark.parametrize(
    "text",
    [
        "وتجمع مئات من العمال أمام مقر الشركة.",
        "واحتج آلاف المتظاهرين في الساحة الرئيسية.",
        "وانخرط الطلاب في مسيرة جابت شوارع المدينة.",
        "ونزل آلاف الأشخاص إلى الشوارع للاحتجاج على الغلاء.",
    ],
)
def test_a_crowd_gathering_or_joining_a_march_is_a_protest(text):
    assert protests(text)
