import pytest

from marsad.normalize import fold, fold_char, fold_text


def test_fold_arabic_drops_diacritics_and_unifies_letters():
    assert fold_text("الولايات المتّحدة") == "الولايات المتحده"
    assert fold_text("إيران") == "ايران"
    assert fold_text("مصطفى") == "مصطفي"


def test_fold_latin_lowercases_and_strips_accents():
    assert fold_text("Irakienne Élysée") == "irakienne elysee"


def test_fold_eastern_arabic_digits():
    assert fold_text("٢٠٢٦") == "2026"


def test_fold_offsets_map_back_to_original():
    text = "أكّد لودريان"
    folded = fold(text, base=10)
    start = folded.text.index("لودريان")
    s, e = folded.span(start, start + len("لودريان"))
    assert text[s - 10 : e - 10] == "لودريان"


@pytest.mark.parametrize(
    "text",
    [
        "Iraqi FM said: « L'ŒUVRE » — straße\u00a0now",
        "Le ministre irakien a déclaré à l'Élysée",
        "قالَ وزيرُ الخارجيّة «العراقي» ١٢٣ ـــ إِمام",
        "",
    ],
)
def test_fold_equals_folding_character_by_character(text: str) -> None:
    kept = [(fold_char(c), 5 + i) for i, c in enumerate(text) if fold_char(c)]
    folded = fold(text, base=5)
    assert folded.text == "".join(c for c, _ in kept) == fold_text(text)
    assert folded.offsets == tuple(i for _, i in kept)
