from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.ingest import iter_documents, load_manifest
from marsad.model import Article, Document
from marsad.read import declared_language, identify_language, read_document, story_id

DATA = Path(__file__).parent / "data" / "ingest"


def read_file(name: str) -> Article:
    docs = [d for d in iter_documents([DATA / name]) if isinstance(d, Document)]
    assert len(docs) == 1
    return read_document(docs[0])


def check_offsets(article: Article) -> None:
    assert article.sentences
    for i, sentence in enumerate(article.sentences):
        assert sentence.index == i
        assert article.text[sentence.start : sentence.end] == sentence.text


def test_english_text_file() -> None:
    article = read_file("en_article.txt")
    check_offsets(article)
    assert article.language == "en"
    assert article.title == "Jordan and Iraq agree to share border intelligence"
    assert article.text.startswith(article.title + "\n\nAMMAN, March 12")
    for furniture in ("Share this article", "Read more", "Advertisement"):
        assert furniture not in article.text
    assert "Dr. Lina Haddad of the ministry said the first exchange would take place within 2.5 weeks." in [
        s.text for s in article.sentences
    ]


def test_french_text_file_drops_french_boilerplate() -> None:
    article = read_file("fr_article.txt")
    check_offsets(article)
    assert article.language == "fr"
    for furniture in ("Lire aussi", "Partager", "Cliquez", "Tous droits"):
        assert furniture not in article.text
    assert article.sentences[2].text.startswith("M. Barrot a signé jeudi")


def test_arabic_text_file() -> None:
    article = read_file("ar_article.txt")
    check_offsets(article)
    assert article.language == "ar"
    for furniture in ("شارك المقال", "اقرأ أيضا", "جميع الحقوق"):
        assert furniture not in article.text
    texts = [s.text for s in article.sentences]
    assert "فهل تنجح الخطة هذه المرة؟" in texts
    assert any(t.startswith("وأوضح د. عمر حسن") and t.endswith("العام الماضي.") for t in texts)


def test_arabic_html_page_keeps_the_article_and_its_metadata() -> None:
    article = read_file("ar_page.html")
    check_offsets(article)
    assert article.language == "ar"
    assert article.title == "وزير الخارجية يزور عمّان لبحث أمن الحدود"
    assert article.text.count(article.title) == 1  # the h1 is not repeated
    assert article.published == dt.date(2024, 3, 12)
    assert article.document.url == "https://example.org/ar/news/1234"
    assert article.document.source == "صحيفة المرصد التجريبية"
    for furniture in (
        "الرئيسية",
        "رياضة",
        "اقرأ أيضا",
        "اضغط لتكبير",
        "الأكثر قراءة",
        "جميع الحقوق",
        "تابعونا",
    ):
        assert furniture not in article.text


def test_english_html_page_drops_share_bar_comments_and_footer() -> None:
    article = read_file("en_page.html")
    check_offsets(article)
    assert article.language == "en"
    assert article.published == dt.date(2024, 6, 25)
    assert article.document.source == "Test Daily"
    assert article.sentences[1].text.startswith("Kenya deployed the first 400 police officers")
    for furniture in ("Share on", "Photo:", "Related articles", "Great news", "All rights reserved", "Sport"):
        assert furniture not in article.text


def test_manifest_metadata_wins_over_the_page() -> None:
    manifest = load_manifest(DATA / "manifest.jsonl")
    docs = [d for d in iter_documents([DATA / "en_page.html"], manifest) if isinstance(d, Document)]
    article = read_document(docs[0])
    assert article.document.source == "Manifest Source"
    assert article.citation.source == "Manifest Source"
    assert article.published == dt.date(2024, 6, 25)  # the manifest is silent on the date


def test_text_of_only_boilerplate_raises() -> None:
    doc = Document(origin="x.txt", content="Share this article\nAdvertisement\n", content_format="text")
    with pytest.raises(InputError, match="no article text found"):
        read_document(doc)


def test_html_without_article_text_raises() -> None:
    doc = Document(
        origin="empty.html", content="<html><body><nav>Home</nav></body></html>", content_format="html"
    )
    with pytest.raises(InputError, match="no article text found in HTML"):
        read_document(doc)


def test_same_article_from_txt_and_jsonl_gets_the_same_story_id() -> None:
    body = "Algeria recalled its ambassador to Mali on Friday, the ministry said."
    from_txt = Document(
        origin="a.txt", path="a.txt", content=f"Algeria recalls envoy\n\n{body}\n", content_format="text"
    )
    from_jsonl = Document(
        origin="feed.jsonl:1",
        path="feed.jsonl#1",
        title="Algeria recalls envoy",
        content=body,
        content_format="text",
    )
    first, second = read_document(from_txt), read_document(from_jsonl)
    assert first.text == second.text
    assert first.story_id == second.story_id
    assert len(first.story_id) == 32
    assert second.sentences[0].text == "Algeria recalls envoy"


def test_story_id_ignores_white_space_but_not_words() -> None:
    assert story_id("Talks  in\nDoha.") == story_id("Talks in Doha.")
    assert story_id("Talks in Doha.") != story_id("Talks in Amman.")


def test_text_file_keeps_its_headline_when_the_manifest_renames_it() -> None:
    doc = Document(
        origin="b.txt",
        path="b.txt",
        title="Manifest title",
        content="File headline\n\nBody.",
        content_format="text",
    )
    article = read_document(doc)
    assert article.title == "Manifest title"
    assert article.text == "File headline\n\nBody."


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The foreign minister met his counterpart in Amman to discuss border security.", "en"),
        ("Le ministre des Affaires étrangères a rencontré son homologue à Amman.", "fr"),
        ("التقى وزير الخارجية نظيره في عمّان لبحث أمن الحدود.", "ar"),
        ("التقى وزير الخارجية نظيره في عمّان (AFP, Reuters).", "ar"),
    ],
)
def test_language_is_identified_without_network(
    monkeypatch: pytest.MonkeyPatch, text: str, language: str
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("language identification tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    assert identify_language(text) == language


def test_declared_language_wins() -> None:
    assert identify_language("The minister met his counterpart.", "fr") == "fr"
    assert [declared_language(v) for v in ("en-GB", "FRA", "Arabic", "es", "")] == ["en", "fr", "ar", "", ""]


def test_spanish_text_is_not_forced_into_three_languages() -> None:
    text = "El ministro de Asuntos Exteriores se reunió con su homólogo para hablar de la frontera."
    assert identify_language(text) == ""
