"""The actor gazetteer: tables, inflection, Arabic prefixes, case of acronyms, user rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    arabic_noun_forms,
    builtin_entries,
    demonym_forms,
    make_key,
    read_table,
)
from marsad.normalize import fold


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(builtin_entries())


def find(gazetteer: Gazetteer, text: str, lang: str) -> list[tuple[str, str, str]]:
    folded = fold(text)
    hits = gazetteer.find(folded.text, text, folded.offsets, lang)
    out = []
    for hit in hits:
        start, end = folded.span(hit.start, hit.end)
        out.append((text[start:end], hit.entry.kind, hit.entry.code))
    return out


def test_builtin_tables_cover_every_state_in_three_languages(gazetteer: Gazetteer) -> None:
    codes = {e.code for e in builtin_entries() if e.kind == "country"}
    assert {"IRQ", "SYR", "FRA", "USA", "ISL", "NZL"} <= codes
    assert gazetteer.size > 2000


@pytest.mark.parametrize(
    ("alias", "lang", "forms"),
    [
        ("Iraqi", "en", {"Iraqi", "Iraqis"}),
        ("Lebanese", "en", {"Lebanese"}),
        ("irakien", "fr", {"irakien", "irakienne", "irakiens", "irakiennes"}),
        ("libanais", "fr", {"libanais", "libanaise", "libanaises"}),
        (
            "عراقي",
            "ar",
            {"عراقي", "عراقية", "عراقيا", "عراقيين", "عراقيون", "عراقيان", "عراقيتين", "عراقيتان", "عراقيات"},
        ),
    ],
)
def test_demonym_forms(alias: str, lang: str, forms: set[str]) -> None:
    entry = GazetteerEntry(alias, lang, "demonym", "XXX")
    assert {e.alias for e in demonym_forms(entry)} == forms


def test_plural_demonyms_are_flagged() -> None:
    forms = demonym_forms(GazetteerEntry("Iraqi", "en", "demonym", "IRQ"))
    assert [e.alias for e in forms if "plural" in e.flags] == ["Iraqis"]


def test_arabic_article_is_stripped_from_the_key_and_required() -> None:
    key, constraints = make_key(GazetteerEntry("العراق", "ar", "country", "IRQ"))
    assert key == "عراق"
    assert constraints.needs_article
    # A hamza alef is no article.
    key, constraints = make_key(GazetteerEntry("ألمانيا", "ar", "country", "DEU"))
    assert key == "المانيا"
    assert not constraints.needs_article


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("زار العراق", "العراق"),
        ("عاد والعراق", "العراق"),
        ("في بالعراق", "العراق"),
        ("دعم للعراق", "عراق"),
        ("قال لبنان", "لبنان"),
        ("قال ولبنان", "لبنان"),
        ("قال وبغداد", "بغداد"),
    ],
)
def test_arabic_prefixes(gazetteer: Gazetteer, text: str, span: str) -> None:
    assert [hit[0] for hit in find(gazetteer, text, "ar")] == [span]


def test_arabic_word_boundaries(gazetteer: Gazetteer) -> None:
    # "عراق" without its article, and a name inside a longer word, do not match.
    assert find(gazetteer, "عراق اليوم", "ar") == []
    assert find(gazetteer, "مصرف", "ar") == []


def test_latin_word_boundaries_and_acronym_case(gazetteer: Gazetteer) -> None:
    assert find(gazetteer, "Iranians", "en") == [("Iranians", "demonym", "IRN")]
    assert find(gazetteer, "Tell us about Iraqistan", "en") == []
    assert find(gazetteer, "the US said", "en") == [("US", "country", "USA")]
    assert find(gazetteer, "l'EI et l'ONU", "fr") == [("EI", "group", "IMG"), ("ONU", "igo", "UNO")]


def test_user_table_rows_win(tmp_path: Path) -> None:
    table = tmp_path / "extra.tsv"
    table.write_text(
        "alias\tlang\tkind\tcode\tsector\tname\tidentifier\toffice\tflags\n"
        "Daesh|Daech\ten,fr\tgroup\tIMG\tREB\tISIL\t\t\t\n"
        "Irak\tfr\tcountry\tZZZ\t\t\t\t\t\n",
        encoding="utf-8",
    )
    entries = read_table(table)
    assert [(e.alias, e.lang) for e in entries][:2] == [("Daesh", "en"), ("Daech", "en")]
    gazetteer = Gazetteer(entries + builtin_entries())
    assert find(gazetteer, "en Irak", "fr") == [("Irak", "country", "ZZZ")]


def test_jsonl_table(tmp_path: Path) -> None:
    table = tmp_path / "extra.jsonl"
    table.write_text('{"alias": "Zork", "lang": "en", "kind": "group", "code": "IMG"}\n', encoding="utf-8")
    assert read_table(table) == [GazetteerEntry("Zork", "en", "group", "IMG")]


def test_arabic_multiword_demonym_agrees_in_every_word() -> None:
    forms = {e.alias for e in demonym_forms(GazetteerEntry("كوري جنوبي", "ar", "demonym", "KOR"))}
    assert {"كوري جنوبي", "كورية جنوبية", "كوريين جنوبيين", "كوريين الجنوبيين", "كوريون الجنوبيون"} <= forms


@pytest.mark.parametrize(
    ("alias", "kind", "expected"),
    [
        ("جنود", "role", ["جنودا"]),
        ("إرهابي", "generic", ["إرهابيا"]),
        ("مقاتلين", "role", ["مقاتلي"]),  # a sound plural in construct: «مقاتلي الحركة»
        ("مسلحون", "generic", ["مسلحو"]),
        ("الشرطة", "role", []),  # definite
        ("قوات الأمن", "role", []),  # several words
        ("عراقي", "demonym", []),  # demonyms have their own forms
    ],
)
def test_arabic_noun_forms(alias: str, kind: str, expected: list[str]) -> None:
    assert [e.alias for e in arabic_noun_forms(GazetteerEntry(alias, "ar", kind, ""))] == expected


def test_generated_accusative_never_shadows_a_written_alias() -> None:
    written = GazetteerEntry("وزيرا", "ar", "role", "", "GOV", flags=frozenset({"plural"}))
    gazetteer = Gazetteer([GazetteerEntry("وزير", "ar", "role", "", "GOV"), written])
    assert [e.flags for _, _, e in _hits(gazetteer, "قال وزيرا")] == [frozenset({"plural"})]


def test_exact_alias_needs_its_hamza() -> None:
    imam = GazetteerEntry("إمام", "ar", "role", "", "REL", flags=frozenset({"exact"}))
    gazetteer = Gazetteer([imam])
    assert [text for text, _, _ in _hits(gazetteer, "وقف أمام المسجد")] == []
    assert [text for text, _, _ in _hits(gazetteer, "وقف امام المسجد")] == []
    assert [text for text, _, _ in _hits(gazetteer, "قال إمام المسجد")] == ["إمام"]
    assert [text for text, _, _ in _hits(gazetteer, "قال وإِمام المسجد")] == ["إِمام"]


def _hits(gazetteer: Gazetteer, text: str) -> list[tuple[str, str, GazetteerEntry]]:
    folded = fold(text)
    out = []
    for hit in gazetteer.find(folded.text, text, folded.offsets, "ar"):
        start, end = folded.span(hit.start, hit.end)
        out.append((text[start:end], hit.entry.kind, hit.entry))
    return out


def test_a_listed_dual_has_no_construct_form() -> None:
    entry = GazetteerEntry("شخصين", "ar", "role", "", "CVL")
    assert arabic_noun_forms(entry, frozenset({"شخصين", "شخصان"})) == []
    assert [e.alias for e in arabic_noun_forms(entry)] == ["شخصي"]


def test_a_surname_that_is_a_demonym_maps_to_the_demonym() -> None:
    person = GazetteerEntry(
        "الفلاني", "ar", "person", "IRQ", "GOV", "Zaid al-Fulani", flags=frozenset({"after"})
    )
    demonym = GazetteerEntry("فلاني", "ar", "demonym", "XXX", name="Fulania")
    named = GazetteerEntry("زيد", "ar", "person", "IRQ", "GOV", "Zaid")
    gazetteer = Gazetteer([person, named, demonym])
    assert gazetteer.shadowed == {person: demonym}
