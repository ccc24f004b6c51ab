from __future__ import annotations

import pytest

from marsad.boilerplate import clean_text, is_boilerplate


@pytest.mark.parametrize(
    "line",
    [
        "Click to see full-size image",
        "Post Comment",
        "Share this article",
        "Share on WhatsApp",
        "Facebook | Twitter | WhatsApp",
        "Read more: Border crossing reopens after two years",
        "Related articles",
        "Subscribe to our newsletter",
        "Follow us on Twitter",
        "© 2024 Test Daily. All rights reserved.",
        "Advertisement",
        "Photo: AFP",
        "(Reuters)",
        "https://example.com/story?utm_source=feed&utm_medium=rss",
        "#Iraq #Jordan",
        "Published: 12 March 2024",
        "Lire aussi : Le port rouvre partiellement",
        "Partager",
        "Cliquez pour agrandir",
        "Abonnez-vous à notre newsletter",
        "Publicité",
        "Tous droits réservés",
        "اقرأ أيضاً: افتتاح معبر حدودي جديد",
        "شارك",
        "شارك المقال",
        "اضغط لتكبير الصورة",
        "تابعونا على تويتر",
        "جميع الحقوق محفوظة © 2024",
        "إعلان",
        "أضف تعليق",
        "-----",
    ],
)
def test_boilerplate_lines_are_recognised(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Officials said the two sides would share intelligence on smuggling networks.",
        "Read the statement carefully, the minister told reporters.",
        "Advertisement revenue fell sharply last year, the company said.",
        "Posted 500 troops to the border, the army said.",
        "Follow-up talks are planned in Amman next week.",
        "Le ministre a partagé ses inquiétudes avec son homologue.",
        "شارك عشرات المسلحين في الهجوم على القاعدة.",
        "اشترك في الهجوم عشرات المسلحين.",
        "نشر 500 جندي على الحدود.",
    ],
)
def test_real_sentences_using_the_same_words_are_kept(line: str) -> None:
    assert not is_boilerplate(line)


def test_clean_text_drops_furniture_and_normalises_lines() -> None:
    raw = "Headline\r\n\r\n\r\nFirst  line.\u200f\nShare this article\nSecond line.\n\n\n"
    assert clean_text(raw) == "Headline\n\nFirst line.\n\nSecond line."


def test_clean_text_joins_hard_wrapped_lines_only_mid_sentence() -> None:
    raw = "The talks, which\nlasted two days, ended.\nAMMAN, March 3\nThe minister said,\nوأضاف أن الاتفاق"
    assert clean_text(raw) == (
        "The talks, which lasted two days, ended.\nAMMAN, March 3\nThe minister said, وأضاف أن الاتفاق"
    )
