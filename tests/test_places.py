import dataclasses

import pytest

from marsad.geonames import load_gazetteer, name_key
from marsad.model import Entity, Event, Mention
from marsad.places import load_place_resolver
from tests.conftest import make_article


def _locate(text, language, event="ASSAULT", recipient=(), mentions=()):
    """Code the last line of `text` as one event and return its location."""
    article = make_article(text, language)
    sentence = article.sentences[-1]
    item = Event(
        id="e1",
        event=event,
        actor=(),
        recipient=recipient,
        cite=article.citation,
        event_text=sentence.text,
        text_start=sentence.start,
        text_end=sentence.end,
        sentence_index=sentence.index,
    )
    article = dataclasses.replace(article, events=(item,), mentions=mentions)
    return load_place_resolver()(article).events[0].location


@pytest.mark.parametrize(
    ("text", "language", "written", "resolved"),
    [
        ("A car bomb exploded in Mosul on Monday.", "en", "Mosul", "Mosul"),
        ("Une voiture piégée a explosé à Mossoul lundi.", "fr", "Mossoul", "Mosul"),
        ("انفجرت سيارة مفخخة في الموصل", "ar", "الموصل", "Mosul"),
        ("Des combats ont eu lieu près d'Alep.", "fr", "Alep", "Aleppo"),
        ("Gunmen attacked a checkpoint near Irbil.", "en", "Irbil", "Erbil"),
        ("قصفت الطائرات مواقع قرب حلب", "ar", "حلب", "Aleppo"),
        ("Des frappes ont visé Damas.", "fr", "Damas", "Damascus"),
    ],
)
def test_city_names_in_three_scripts(text, language, written, resolved):
    location = _locate(text, language)
    assert location is not None
    assert (location.extracted_place, location.resolved_place) == (written, resolved)
    assert location.resolution == "city"
    assert text[location.start : location.end] == written


@pytest.mark.parametrize("word", ["بغداد", "وبغداد", "لبغداد", "ببغداد", "فبغداد"])
def test_arabic_proclitics_on_baghdad(word):
    location = _locate(f"وصلت تعزيزات عسكرية {word} اليوم", "ar")
    assert location is not None
    assert location.resolved_place == "Baghdad"
    assert location.country_code == "IRQ"
    assert location.feature_code == "PPLC"
    assert location.extracted_place == "بغداد"


def test_lam_before_the_article():
    location = _locate("أرسلت الحكومة تعزيزات للموصل", "ar")
    assert location is not None
    assert location.resolved_place == "Mosul"
    assert location.province == "Nineveh"


def test_ambiguous_name_follows_the_countries_of_the_article():
    lebanon = Mention(0, 0, 7, Entity("LBN", "GOV", "Lebanon"), "country")
    assert _locate("Clashes erupted in Tripoli.", "en").country_code == "LBY"  # most populous
    text = "Lebanon deployed troops.\nClashes erupted in Tripoli."
    assert _locate(text, "en", mentions=(lebanon,)).country_code == "LBN"
    assert _locate("Clashes erupted in Tripoli, Lebanon.", "en").country_code == "LBN"


def test_capital_beats_a_town_of_the_same_name():
    location = _locate("Protesters gathered in Damascus.", "en")
    assert (location.country_code, location.feature_code) == ("SYR", "PPLC")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The French foreign minister visited Iraq on Sunday.", "en"),
        ("La ministre s'est rendue en Irak dimanche.", "fr"),
        ("زار وزير الخارجية الفرنسي العراق", "ar"),
    ],
)
def test_visit_to_a_country_is_placed_at_its_capital(text, language):
    location = _locate(text, language, event="CONSULT")
    assert location is not None
    assert (location.resolved_place, location.resolution) == ("Baghdad", "city")
    assert location.extracted_place in {"Iraq", "Irak", "العراق"}


def test_visit_with_no_place_named_goes_to_the_recipient_capital():
    host = (Entity("IRN", "GOV", "Iranian officials"),)
    location = _locate("The minister began a two-day visit.", "en", event="CONSULT", recipient=host)
    assert location is not None
    assert (location.resolved_place, location.start) == ("Tehran", -1)


def test_country_without_a_visit_stays_at_country_level():
    location = _locate("Troops were deployed in Syria.", "en", event="MOBILIZE")
    assert (location.resolved_place, location.resolution, location.feature_code) == (
        "Syria",
        "country",
        "PCLI",
    )


@pytest.mark.parametrize(
    ("text", "language", "province"),
    [
        ("Clashes broke out in Anbar province.", "en", "Anbar"),
        ("اشتباكات في محافظة صلاح الدين", "ar", "Salahuddin"),
        ("Des frappes ont touché la province de Ninive.", "fr", "Nineveh"),
        ("Fighting in Kirkuk province killed three.", "en", "Kirkuk"),
    ],
)
def test_province_level(text, language, province):
    location = _locate(text, language)
    assert location is not None
    assert (location.province, location.resolution, location.feature_code) == (province, "province", "ADM1")


def test_city_beats_country_and_locative_beats_mention():
    location = _locate("Iraq said Turkish jets struck villages near Dohuk.", "en")
    assert location.province == "Dohuk"
    assert location.resolution in {"city", "province"}


@pytest.mark.parametrize(
    ("text", "language", "site"),
    [
        ("Rockets struck Ain al-Asad air base.", "en", "Ain al-Asad Air Base"),
        ("استهدف قصف صاروخي قاعدة عين الأسد", "ar", "Ain al-Asad Air Base"),
        ("Des camions ont franchi le poste-frontière d'Al-Qaïm.", "fr", "Al-Qaim border crossing"),
        ("Clashes at the Rabia border crossing.", "en", "Rabia border crossing"),
        ("A rocket landed near Baghdad airport.", "en", "Baghdad International Airport"),
    ],
)
def test_sites_from_extra(text, language, site):
    location = _locate(text, language)
    assert location is not None
    assert location.resolved_place == site
    assert location.geonameid is None


def test_no_place_gives_none():
    assert _locate("The minister condemned the attack.", "en") is None
    assert _locate("أدان الوزير الهجوم", "ar") is None


def test_common_word_names_need_a_locative_cue():
    assert _locate("The rocket hit the embassy.", "en") is None
    assert _locate("Police said two people died.", "en") is None
    assert _locate("وقال في بيان إن القوات تقدمت", "ar") is None
    hit = _locate("Gunmen killed two people in Hit.", "en")
    assert (hit.resolved_place, hit.province) == ("Hīt", "Anbar")


def test_actor_mention_is_a_place_only_after_a_cue():
    washington = Mention(0, 0, 10, Entity("USA", "GOV", "Washington"), "capital")
    assert _locate("Washington condemned the strike.", "en", mentions=(washington,)) is None
    text = "The talks were held in Washington."
    mention = Mention(0, 23, 33, Entity("USA", "GOV", "Washington"), "capital")
    assert _locate(text, "en", mentions=(mention,)).resolved_place == "Washington"


@pytest.mark.parametrize(
    ("dateline", "language"),
    [
        ("BAGHDAD, Oct 14 (Wire) - The minister said the talks went well.", "en"),
        ("بغداد - قال الوزير إن المحادثات كانت مثمرة", "ar"),
        ("BAGDAD (AFP) - Le ministre a jugé les discussions utiles.", "fr"),
    ],
)
def test_dateline_is_the_fallback(dateline, language):
    location = _locate(dateline, language, event="CONSULT")
    assert location is not None
    assert location.resolved_place == "Baghdad"
    assert location.start == 0


def test_place_in_the_sentence_beats_the_dateline():
    location = _locate("BAGHDAD, Oct 14 (Wire) - A bomb exploded in Basra.", "en")
    assert location.resolved_place.startswith("Basr")


def test_article_without_events_is_returned_unchanged():
    article = make_article("Clashes in Mosul.", "en")
    assert load_place_resolver()(article) is article


def test_packaged_names_are_folded_keys():
    """places.tsv stores folded names: a change of folding needs a rebuild."""
    gazetteer = load_gazetteer()
    for name in ("بغداد", "Mossoul", "Alep", "Bagdad", "Deir ez-Zor", "دير الزور"):
        assert gazetteer.lookup(name), name
        assert name_key(name_key(name)) == name_key(name)
