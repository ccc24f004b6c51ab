"""What the event coder reads: headline, sports sentences, background clauses (ar, en, fr)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from marsad.event_scope import (
    headline_sentences,
    in_background,
    offtopic_sentences,
    perfect_since_old_year,
    referenced_noun,
)
from marsad.lexicon import load_lexicon
from marsad.normalize import fold_text
from tests.conftest import make_article

PUBLISHED = dt.date(2026, 10, 1)


def test_headline_is_skipped_only_when_a_body_follows():
    article = make_article("Minister visits Paris\nThe minister arrived in Paris on Monday.", "en")
    assert headline_sentences(dataclasses.replace(article, title="Minister visits Paris")) == {0}
    single = make_article("Minister visits Paris", "en")
    assert headline_sentences(dataclasses.replace(single, title="Minister visits Paris")) == set()
    assert headline_sentences(article) == set()  # no title known


@pytest.mark.parametrize(
    ("language", "sports", "news"),
    [
        ("en", "The club signed a new striker for two years.", "The army signed a deal with the ministry."),
        ("fr", "Le club a recruté un footballeur pour la saison.", "Le ministre a signé un accord."),
        ("ar", "فاز النادي في مباراه الامس", "وقع الوزير اتفاقا مع نظيره"),
    ],
)
def test_sports_sentences_are_off_topic(language, sports, news):
    lexicon = load_lexicon()
    cues = {
        0: lexicon.cues.find(fold_text(sports), language),
        1: lexicon.cues.find(fold_text(news), language),
        2: [],
        3: [],
        4: [],
    }
    assert offtopic_sentences(cues) == {0}
    cues[1] = cues[0]
    assert offtopic_sentences(cues) == {0, 1, 2, 3, 4}  # a match report: nothing is coded


@pytest.mark.parametrize(
    ("language", "sentence", "trigger"),
    [
        ("en", "aid has flowed since the city was retaken from the rebels in 2017", "retaken"),
        ("fr", "la ville est calme depuis que l'armee l'a reprise en 2016", "reprise"),
        ("ar", "تنشط الخلايا رغم اعلان النصر عليها عام 2017", "اعلان"),
    ],
)
def test_background_clause_with_an_old_year(language, sentence, trigger):
    text = fold_text(sentence)
    assert in_background(text, text.index(trigger), PUBLISHED)
    assert not in_background(text, 0, PUBLISHED)
    assert not in_background(text, text.index(trigger), None)
    assert not in_background(text.replace("201", "202"), text.index(trigger), PUBLISHED)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("the anniversary of the bombing", "bombing", True),
        ("the number of attacks rose", "attacks", True),
        ("troops launched an attack", "attack", False),
        ("le proces de l'attentat", "attentat", True),
        ("l'armee a lance une attaque", "attaque", False),
        ("لمناسبة الذكرى الثانية لاغتيال الوزير", "اغتيال", True),
        ("عدد الهجمات", "الهجمات", True),
        ("شن الجيش هجوما", "هجوما", False),
    ],
)
def test_referenced_noun(text, word, expected):
    folded = fold_text(text)
    assert referenced_noun(folded, folded.index(fold_text(word))) is expected


@pytest.mark.parametrize(
    ("language", "text", "trigger", "background"),
    [
        (
            "en",
            "France has funded several schools in Mosul since the city was retaken in 2017.",
            "funded",
            True,
        ),
        ("en", "France funded several schools in Mosul in 2017.", "funded", False),
        ("en", "France has funded a new school in Mosul this week.", "funded", False),
        ("fr", "La France a financé plusieurs écoles à Mossoul depuis 2019.", "a financé", True),
        ("fr", "La France a financé une école à Mossoul depuis lundi.", "a financé", False),
        ("ar", "موّلت فرنسا عدة مدارس في الموصل منذ عام 2017.", "موّلت", True),
        ("ar", "منذ عام 2017، موّلت فرنسا مدرسة جديدة في الموصل.", "موّلت", False),
        ("ar", "موّلت فرنسا مدرسة جديدة في الموصل منذ عام 2026.", "موّلت", False),
    ],
)
def test_a_perfect_since_an_earlier_year_is_background(language, text, trigger, background):
    folded = fold_text(text)
    start = folded.index(fold_text(trigger))
    end = start + len(fold_text(trigger))
    assert perfect_since_old_year(folded, start, end, language, PUBLISHED) is background
    assert perfect_since_old_year(folded, start, end, language, None) is False
