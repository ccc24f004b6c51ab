import dataclasses

import pytest

from marsad.geonames import load_gazetteer, name_key
from marsad.model import Entity, Event, Mention
from marsad.places import load_place_resolver
from tests.conftest import make_article


def _locate(text, language, event="ASSAULT", recipient=(), mentions=(), mode=()):
    """Code the last line of `text` as one event and return its location."""
    article = make_article(text, language)
    sentence = article.sentences[-1]
    item = Event(
        id="e1",
        event=event,
        mode=mode,
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


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "ROME, May 2 - The minister spoke by phone with his counterpart about the situation in Yemen.",
            "en",
        ),
        ("تلقى وزير الخارجية اتصالا هاتفيا من نظيره الليبي بحث خلاله الأوضاع في ليبيا", "ar"),
        (
            "ALGER (AFP) - Le ministre s'est entretenu au téléphone sur la situation au Liban.",
            "fr",
        ),
        ("تونس - أجرى الرئيس اتصالا هاتفيا مع نظيره", "ar"),
    ],
)
def test_phone_call_is_not_placed_at_its_topic_nor_its_dateline(text, language):
    assert _locate(text, language, event="CONSULT", mode=("phone",)) is None
    assert _locate(text, language, event="CONSULT") is not None  # the same words, not a call


@pytest.mark.parametrize(
    ("text", "language", "resolved"),
    [
        ("The king called the emir from Amman to discuss the situation in Gaza.", "en", "Amman"),
        (
            "Le président a appelé depuis Tunis son homologue pour évoquer la situation en Libye.",
            "fr",
            "Tunis",
        ),
        ("اتصل الرئيس من القاهرة بنظيره لبحث التطورات في السودان", "ar", "Cairo"),
    ],
)
def test_phone_call_is_placed_where_a_party_was(text, language, resolved):
    location = _locate(text, language, event="CONSULT", mode=("phone",))
    assert location is not None
    assert location.resolved_place == resolved


@pytest.mark.parametrize(
    ("text", "language", "site"),
    [
        (
            "MOSUL, May 3 (Wire) - Coalition troops withdrew from Balad air base on Friday.",
            "en",
            "Balad Air Base",
        ),
        ("الموصل - انسحبت القوات الأجنبية من قاعدة بلد أمس", "ar", "Balad Air Base"),
        ("MOSSOUL (AFP) - Les troupes se sont retirées de Camp Taji vendredi.", "fr", "Camp Taji"),
        ("Troops pulled out of Baghdad and withdrew from Incirlik.", "en", "Incirlik Air Base"),
    ],
)
def test_withdrawal_from_a_site_happens_there(text, language, site):
    location = _locate(text, language, event="RETREAT")
    assert location is not None
    assert location.resolved_place == site


@pytest.mark.parametrize(
    ("text", "language", "site"),
    [
        ("Rockets hit Balad air base north of Baghdad.", "en", "Balad Air Base"),
        ("سقطت صواريخ على قاعدة التاجي شمال بغداد", "ar", "Camp Taji"),
        ("Des roquettes ont visé la base de Harir, au nord d'Erbil.", "fr", "Harir Air Base"),
        ("Militants attacked Hawija, 50 km west of Kirkuk.", "en", "Al Ḩawījah"),
    ],
)
def test_a_name_after_a_direction_only_orients_the_place(text, language, site):
    location = _locate(text, language)
    assert location is not None
    assert location.resolved_place == site


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police raided houses in the Kirkuk area.", "en"),
        ("La police a mené des raids dans la région de Kirkouk.", "fr"),
        ("داهمت الشرطة منازل بمنطقة كركوك", "ar"),
    ],
)
def test_area_of_a_name_is_the_town(text, language):
    location = _locate(text, language)
    assert location is not None
    assert (location.resolved_place, location.resolution) == ("Kirkuk", "city")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gunmen attacked a village of Kirkuk province.", "en"),
        ("Des hommes armés ont attaqué un village de la province de Kirkouk.", "fr"),
        ("هاجم مسلحون قرية تابعة لمحافظة كركوك", "ar"),
    ],
)
def test_province_word_gives_the_province(text, language):
    location = _locate(text, language)
    assert location is not None
    assert (location.province, location.resolution) == ("Kirkuk", "province")


def test_arabic_in_proclitic_on_a_place_noun_is_a_strong_cue():
    """«بمنطقة» is «في منطقة»: enough for a name that is also a word («المزرعة», the farm)."""
    location = _locate("قتل مسلحون مزارعين بمنطقة المزرعة في العراق", "ar")
    assert location is not None
    assert (location.resolved_place, location.country_code) == ("Al-Mazraa", "IRQ")
    assert _locate("قتل مسلحون مزارعين في المزرعة", "ar") is None


@pytest.mark.parametrize(
    ("name", "site", "country"),
    [
        ("Habbaniyah", "Habbaniyah", "IRQ"),
        ("الحبانية", "Habbaniyah", "IRQ"),
        ("base de Habbaniyah", "Habbaniyah Air Base", "IRQ"),
        ("منفذ الشلامجة", "Shalamcheh border crossing", "IRQ"),
        ("Aïn al-Asad", "Ain al-Asad Air Base", "IRQ"),
        ("قاعدة عين الأسد الجوية", "Ain al-Asad Air Base", "IRQ"),
        ("قاعدة حرير الجوية", "Harir Air Base", "IRQ"),
    ],
)
def test_hand_added_sites(name, site, country):
    assert (site, country) in {(p.name, p.country) for p in load_gazetteer().lookup(name)}


def test_village_absent_from_geonames_is_found_in_its_country():
    location = _locate("KIRKUK, Iraq, May 4 (Wire) - Gunmen attacked the village of Al-Mazraa.", "en")
    assert (location.resolved_place, location.country_code, location.geonameid) == ("Al-Mazraa", "IRQ", None)


def test_headline_cue_does_not_reach_the_dateline():
    """The headline's "in Kirkuk village" is no cue for the dateline's KIRKUK under it."""
    text = "Six killed in Kirkuk village\nKIRKUK, Iraq, May 4 - Gunmen attacked the town of Hawija."
    assert _locate(text, "en").resolved_place == "Al Ḩawījah"


def test_dateline_after_a_headline_is_read_as_a_town():
    """«عمّان» folds like «عُمان» (Oman): a dateline names a town, here Amman."""
    text = "الجيش يحبط محاولة تهريب\nعمّان - أعلن الجيش أن قواته اشتبكت مع مهربين"
    location = _locate(text, "ar")
    assert (location.resolved_place, location.country_code) == ("Amman", "JOR")
