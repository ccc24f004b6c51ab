from marsad.normalize import fold, fold_text


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
