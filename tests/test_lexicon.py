"""The phrase matcher: word boundaries, stems, gapped tails, Arabic clitics, longest match."""

from __future__ import annotations

from marsad import plover
from marsad.lexicon import Phrase, PhraseIndex, load_lexicon
from marsad.normalize import fold_text


def index(*patterns: tuple[str, str]) -> PhraseIndex[str]:
    return PhraseIndex((lang, Phrase.parse(p), p) for lang, p in patterns)


def found(idx: PhraseIndex[str], text: str, language: str) -> list[str]:
    return [m.entry for m in idx.find(fold_text(text), language)]


def test_whole_words_only_unless_stem():
    idx = index(("en", "attack"), ("en", "condemn*"))
    assert found(idx, "They attacked the convoy", "en") == []
    assert found(idx, "an attack on the convoy", "en") == ["attack"]
    assert found(idx, "Paris condemned it", "en") == ["condemn*"]


def test_gapped_tail_must_follow_within_a_few_words():
    idx = index(("en", "imposed ... sanctions"))
    assert found(idx, "The EU imposed new, tougher sanctions on Iran", "en") == ["imposed ... sanctions"]
    assert found(idx, "It imposed a ban. Months later, new measures and sanctions came", "en") == []


def test_longest_match_wins():
    idx = index(("en", "received"), ("en", "received a phone call from"))
    assert found(idx, "He received a phone call from Paris", "en") == ["received a phone call from"]


def test_arabic_proclitics_and_future_prefix():
    idx = index(("ar", "يزور"), ("ar", "هجوم"))
    matches = idx.find(fold_text("وسيزور الوزير بغداد بعد الهجوم"), "ar")
    assert [m.entry for m in matches] == ["يزور", "هجوم"]
    assert matches[0].future_clitic
    assert not matches[1].future_clitic
    assert matches[1].definite
    assert found(idx, "المهاجمون", "ar") == []


def test_folding_makes_accents_and_hamza_forms_match():
    idx = index(("fr", "a rencontré"), ("ar", "أدان"))
    assert found(idx, "Il A RENCONTRE le ministre", "fr") == ["a rencontré"]
    assert found(idx, "وادان الوزير", "ar") == ["أدان"]


def test_shipped_lexicon_is_valid_and_covers_every_type_in_every_language():
    lexicon = load_lexicon()
    for trigger in lexicon.trigger_rows:
        assert trigger.event in plover.EVENT_TYPES, trigger
        assert not trigger.mode or trigger.mode in plover.valid_modes(trigger.event), trigger
        assert 0.0 < trigger.weight <= 1.0
    for language in ("ar", "en", "fr"):
        types = {t.event for t in lexicon.trigger_rows if t.language == language}
        assert types == set(plover.EVENT_TYPES), language


def test_trigger_form_marks_masdars_and_verbs():
    lexicon = load_lexicon()
    forms = {(t.phrase.head, t.event): t.noun for t in lexicon.trigger_rows if t.language == "ar" and t.form}
    assert forms[(fold_text("مظاهرة"), "PROTEST")] is True
    assert forms[(fold_text("اختطاف"), "ASSAULT")] is True
    assert forms[(fold_text("فجروا"), "ASSAULT")] is False  # a verb on a nominal-direction row


def test_occurrence_cues_name_the_types_whose_nouns_need_them():
    assert load_lexicon().reported_only == frozenset({("ar", "ASSAULT"), ("ar", "PROTEST")})


def test_strike_is_matched_as_a_verb_not_as_the_noun_blow():
    lexicon = load_lexicon()
    heads = [m.entry.phrase.head for m in lexicon.triggers.find(fold_text("تلقى الحزب ضربة سياسية"), "ar")]
    assert fold_text("ضرب") not in heads


def _events_in(sentence: str, language: str) -> list[tuple[str, str]]:
    from marsad.lexicon import load_lexicon
    from marsad.normalize import fold_text

    return [
        (m.entry.event, m.entry.mode) for m in load_lexicon().triggers.find(fold_text(sentence), language)
    ]


def test_arabic_drone_is_not_a_march():
    assert _events_in("أطلقت مسيرة تركية صاروخا على سيارة", "ar") == [("ASSAULT", "drone")]
    assert ("ASSAULT", "drone") in _events_in("استهدف الجيش الموقع بمسيرة", "ar")
    assert _events_in("خرجت مسيرة احتجاجية في المدينة", "ar") == [("PROTEST", "demo")]


def test_withdrawal_and_release_verb_forms():
    assert ("RETREAT", "withdraw") in _events_in("The troops have begun leaving the base", "en")
    assert ("RETREAT", "release") in _events_in("Two engineers were released from captivity", "en")
    assert ("RETREAT", "release") in _events_in("Deux ingénieurs ont été libérés de captivité", "fr")
    assert ("RETREAT", "withdraw") in _events_in("بدأت القوات الانسحاب من القاعدة", "ar")
