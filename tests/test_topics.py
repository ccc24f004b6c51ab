"""Sentence topics: quad classes from triggers and topic phrases, united with the model's."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from marsad.topics import MODEL_MARGIN, TOPIC_QUAD, lexicon_quads, read_topic_phrases, sentence_quads


@pytest.mark.parametrize(
    ("sentence", "language", "quads"),
    [
        ("The council calls for dialogue between the parties.", "en", {1}),  # an appeal for talks
        ("Le Conseil appelle au dialogue.", "fr", {1}),
        ("ويدعو المجلس إلى الحوار.", "ar", {1}),
        ("Le Conseil condamne les attaques contre les civils.", "fr", {3, 4}),  # condemned, still violence
        ("يدين المجلس الهجمات على المدنيين.", "ar", {3, 4}),
        ("The United Nations provides technical assistance.", "en", {2}),
        ("The agenda was adopted.", "en", set()),
    ],
)
def test_lexicon_quads_need_no_actor_and_no_modality(sentence: str, language: str, quads: set[int]) -> None:
    assert lexicon_quads(sentence, language) == frozenset(quads)


@pytest.mark.parametrize(
    ("sentence", "language", "quads"),
    [
        # quad-0 rows: a set phrase holding a trigger word names no topic
        ("The mission relies on early warning networks.", "en", set()),
        ("La mission dispose de réseaux d'alerte rapide.", "fr", set()),
        ("تعتمد البعثة على شبكات الإنذار المبكر.", "ar", set()),
        ("Le plan doit s'attaquer aux causes profondes.", "fr", set()),  # to tackle, not to attack
        ("Le terrorisme reste une grave menace pour la région.", "fr", set()),
        ("ناقش المجلس التقرير الصادر عن الأمين العام.", "ar", {1}),  # issued, not confiscated
        ("تحدث ممثل حركة طالبان إلى الصحفيين.", "ar", set()),  # the Taliban, not "demanded"
        ("We discussed the evaluation mission.", "en", {1}),
        ("ناقشنا بعثة التقييم.", "ar", {1}),  # evaluation, not "met"
        # a topic row re-reads the trigger it covers
        ("The council demands an immediate ceasefire.", "en", {3}),
        ("Le Conseil exige un cessez-le-feu immédiat.", "fr", {3}),
        ("يطالب المجلس بوقف إطلاق النار فورا.", "ar", {3}),
        ("The commission opened an investigation.", "en", {2}),
        ("La commission a ouvert une enquête.", "fr", {2}),
        ("فتحت اللجنة التحقيق في الحادث.", "ar", {2}),
    ],
)
def test_topic_rows_override_the_triggers_they_cover(sentence: str, language: str, quads: set[int]) -> None:
    assert lexicon_quads(sentence, language) == frozenset(quads)


@pytest.mark.parametrize(
    ("sentences", "quad"),
    [
        (("We share their concern.", "Nous partageons leur préoccupation.", "نشاطرهم القلق."), 3),
        (("The meeting rose at noon.", "La séance est levée à midi.", "رفعت الجلسة ظهرا."), 1),
        (("Looting was reported.", "Des pillages ont été signalés.", "أفيد بوقوع نهب."), 4),
        (("They coordinate relief.", "Ils assurent la coordination des secours.", "يتولون التنسيق."), 2),
        (("Grave violations persist.", "De graves violations persistent.", "تستمر انتهاكات جسيمة."), 4),
        (("We stress the need to act.", "Nous soulignons la nécessité d'agir.", "نؤكد ضرورة التحرك."), 1),
        (
            (
                "Detention without trial continues.",
                "La détention sans procès continue.",
                "يستمر الاحتجاز دون محاكمة.",
            ),
            4,
        ),
    ],
)
def test_one_concept_fires_alike_in_three_languages(sentences: tuple[str, str, str], quad: int) -> None:
    found = [lexicon_quads(s, lang) for s, lang in zip(sentences, ("en", "fr", "ar"), strict=True)]
    assert found == [frozenset({quad})] * 3


# (en, fr, ar) renderings of one invented sentence, and the quads all three must get.
SAME_IN_THREE_LANGUAGES = [
    # word senses that name no topic
    (
        ("This is not necessarily true.", "Ce n'est pas nécessairement vrai.", "هذا ليس بالضرورة صحيحا."),
        set(),
    ),
    (
        (
            "He works for a non-profit organization.",
            "Il travaille pour une organisation à but non lucratif.",
            "يعمل في منظمة لا تستهدف الربح.",
        ),
        set(),
    ),
    (
        (
            "The elections were free and fair.",
            "Les élections ont été libres et régulières.",
            "كانت الانتخابات حرة ونزيهة.",
        ),
        set(),
    ),
    (
        (
            "The measures apply as provided for in the resolution.",
            "Les mesures s'appliquent comme prévu dans la résolution.",
            "تطبق التدابير على النحو المنصوص عليه في القرار.",
        ),
        set(),
    ),
    (
        (
            "The investigating judge opened the file.",
            "Le juge d'instruction a ouvert le dossier.",
            "فتح قاضي التحقيق الملف.",
        ),
        set(),
    ),
    (
        (
            "Settlements grow in the occupied territories.",
            "Les colonies s'étendent dans les territoires occupés.",
            "تتوسع المستوطنات في الأراضي المحتلة.",
        ),
        set(),
    ),
    (
        (
            "These acts threaten peace in the region.",
            "Ces actes menacent la paix dans la région.",
            "هذه الأعمال تهدد السلام في المنطقة.",
        ),
        set(),
    ),
    # peace processes and appeals (the French forms the trigger lexicon lacks)
    (("The peace process moved forward.", "Le processus de paix a progressé.", "تقدمت عملية السلام."), {1}),
    (
        (
            "The Council urges the parties to show restraint.",
            "Le Conseil engage les parties à la retenue.",
            "يحث المجلس الأطراف على ضبط النفس.",
        ),
        {1},
    ),
    (
        (
            "It was agreed to hold a workshop.",
            "Il est convenu de tenir un atelier.",
            "تم الاتفاق على عقد حلقة عمل.",
        ),
        {1},
    ),
    (
        (
            "The Committee requested clarifications.",
            "Le Comité a demandé des précisions.",
            "طلبت اللجنة توضيحات.",
        ),
        {1},
    ),
    (("He urges States to act.", "Il invite instamment les États à agir.", "يحث الدول على التحرك."), {1}),
    (("Urging States to act,", "Exhortant les États à agir,", "وإذ يحث الدول على التحرك"), {1}),
    (("I thank the President.", "Mes remerciements vont au Président.", "أشكر الرئيس."), {1}),
    # violence in the verb forms and nouns one language lacked
    (("The villages were destroyed.", "Les villages ont été détruits.", "دمرت القرى."), {4}),
    (("Houses were burned.", "Des maisons ont été incendiées.", "أحرقت المنازل."), {4}),
    (("The army shelled the hills.", "L'armée bombardait les collines.", "قصف الجيش التلال."), {4}),
    (
        ("They were imprisoned without trial.", "Ils ont été emprisonnés sans procès.", "سجنوا دون محاكمة."),
        {4},
    ),
    (("Women were raped.", "Des femmes ont été violées.", "اغتصبت نساء."), {4}),
    (("An arrest warrant was issued.", "Un mandat d'arrêt a été délivré.", "صدر أمر بالقبض عليه."), {4}),
    (("The weapons were confiscated.", "Les armes ont été confisquées.", "صودرت الأسلحة."), {4}),
    (("Three children were abducted.", "Trois enfants ont été enlevés.", "اختطف ثلاثة أطفال."), {4}),
    (("Two soldiers were killed.", "Deux soldats ont été tués.", "قتل جنديان."), {4}),
    (("The patrol was attacked.", "La patrouille a été attaquée.", "هوجمت الدورية."), {4}),
    (("The bombing hit the market.", "L'attentat a frappé le marché.", "أصاب التفجير السوق."), {4}),
    (("Rocket fire continued.", "Les tirs de roquettes ont continué.", "استمر إطلاق الصواريخ."), {4}),
    (
        ("The assassination shocked the country.", "L'assassinat a choqué le pays.", "صدم الاغتيال البلاد."),
        {4},
    ),
    (
        (
            "The breach of the truce angered them.",
            "La violation de la trêve les a irrités.",
            "أغضبهم خرق الهدنة.",
        ),
        {4},
    ),
    (("They fired on the crowd.", "Ils ont tiré sur la foule.", "أطلقوا النيران على الحشد."), {4}),
    (("The wounded were evacuated.", "Les blessés ont été évacués.", "تم إجلاء الجرحى."), {4}),
    (("Police arrested them.", "La police les a arrêtés.", "قبضوا على المشتبه بهم."), {4}),
    (("Inmates lack water.", "Les détenus manquent d'eau.", "يفتقر المحتجزين إلى الماء."), {4}),
    (("The seizure of arms rose.", "Les saisies d'armes ont augmenté.", "ازداد ضبط الأسلحة."), {4}),
    (("Warfare harms civilians.", "La guerre nuit aux civils.", "الحرب تضر بالمدنيين."), {4}),
    (("Air raids continued.", "Les raids aériens ont continué.", "استمرت غاراتها الجوية."), {4}),
    # appeals, recognition, concern and help in the forms one language lacked
    (
        (
            "The call for calm was heard.",
            "La demande de calme a été entendue.",
            "لقيت الدعوة إلى الهدوء صدى.",
        ),
        {1},
    ),
    (
        (
            "We recognize the progress made.",
            "Nous reconnaissons les progrès accomplis.",
            "إننا ندرك التقدم المحرز.",
        ),
        {1},
    ),
    (
        (
            "It is heartening that talks resumed.",
            "Il est encourageant que les pourparlers aient repris.",
            "ومما يثلج الصدر أن المحادثات استؤنفت.",
        ),
        {1},
    ),
    (
        (
            "Residents voiced concerns about the dam.",
            "Les habitants ont exprimé des craintes au sujet du barrage.",
            "أعرب السكان عن مخاوف بشأن السد.",
        ),
        {3},
    ),
    (("The condemnation was swift.", "La condamnation a été rapide.", "كانت الإدانة سريعة."), {3}),
    (
        ("The minister accused the rebels.", "Le ministre a accusé les rebelles.", "اتهم الوزير المتمردين."),
        {3},
    ),
    (
        (
            "Officers completed training courses.",
            "Des officiers ont suivi des formations.",
            "أنهى الضباط دورات تدريبية.",
        ),
        {2},
    ),
    (
        (
            "Peacekeepers patrol the border.",
            "Les soldats de la paix patrouillent la frontière.",
            "يقوم حفظة السلام بدوريات على الحدود.",
        ),
        {2},
    ),
    (
        (
            "Donors helped the farmers.",
            "Les donateurs ont aidé les agriculteurs.",
            "ساعد المانحون المزارعين.",
        ),
        {2},
    ),
    # more word senses that name no topic
    (
        (
            "Terrorism in all its manifestations is a threat.",
            "Le terrorisme sous toutes ses manifestations constitue une menace.",
            "الإرهاب بجميع أشكاله ومظاهره خطر.",
        ),
        set(),
    ),
    (
        ("The committee continued its work.", "Le comité a poursuivi ses travaux.", "واصلت اللجنة عملها."),
        set(),
    ),
    (
        (
            "The Council remains seized of the matter.",
            "Le Conseil reste saisi de la question.",
            "يقرر المجلس أن يبقي المسألة قيد نظره.",
        ),
        set(),
    ),
    (
        (
            "The report covers the human dimensions.",
            "Le rapport couvre les aspects humains.",
            "يتناول التقرير الأبعاد الإنسانية.",
        ),
        set(),
    ),
    (
        (
            "The fund holds up to 300 projects.",
            "Le fonds compte jusqu'à 300 projets.",
            "يضم الصندوق ما يصل إلى 300 مشروع.",
        ),
        set(),
    ),
    (
        ("The plan prevents duplication.", "Le plan évite les doubles emplois.", "الخطة تمنع الازدواجية."),
        set(),
    ),
    (
        (
            "The ministry sought to improve schools.",
            "Le ministère s'est efforcé d'améliorer les écoles.",
            "سعت الوزارة إلى تحسين المدارس.",
        ),
        set(),
    ),
    (
        (
            "Funds meet the needs of refugees.",
            "Les fonds répondent aux besoins des réfugiés.",
            "تلبي الأموال احتياجات اللاجئين.",
        ),
        set(),
    ),
    (
        (
            "Troop deployment continued.",
            "Le déploiement des troupes s'est poursuivi.",
            "استمر انتشار القوات.",
        ),
        set(),
    ),
    # concerns as an issue (no topic) and as concern voiced (verbal conflict)
    (
        (
            "We share their security concerns.",
            "Nous partageons leurs préoccupations en matière de sécurité.",
            "نحن نتفهم اعتباراتهم الأمنية.",
        ),
        set(),
    ),
    (
        (
            "He voiced serious concerns about the vote.",
            "Il a exprimé de vives préoccupations au sujet du vote.",
            "أعرب عن قلق بالغ بشأن التصويت.",
        ),
        {3},
    ),
    (
        (
            "These challenges require resources.",
            "Ces défis exigent des ressources.",
            "تتطلب هذه التحديات موارد.",
        ),
        set(),
    ),
    (
        (
            "The difficulties that the country faces are many.",
            "Les difficultés que rencontre le pays sont nombreuses.",
            "الصعوبات التي يواجهها البلد كثيرة.",
        ),
        set(),
    ),
    (
        (
            "Schools reopened in the county of Wadi.",
            "Les écoles ont rouvert dans le comté de Wadi.",
            "أعيد فتح المدارس في مقاطعة الوادي.",
        ),
        set(),
    ),
    (
        (
            "The mission fights sexual exploitation and abuse.",
            "La mission lutte contre l'exploitation et les atteintes sexuelles.",
            "تكافح البعثة الاستغلال والاعتداء الجنسيين.",
        ),
        set(),
    ),
    (("Reform is an urgent necessity.", "La réforme est une nécessité urgente.", "الإصلاح ضرورة ملحة."), {1}),
    (
        (
            "No military necessity justified it.",
            "Aucune nécessité militaire ne le justifiait.",
            "لم تبرره أي ضرورة عسكرية.",
        ),
        set(),
    ),
    (("The accused pleaded guilty.", "Les accusés ont plaidé coupable.", "أقر المتهمون بالذنب."), set()),
    (
        (
            "The crisis, which demands a swift response, worsened.",
            "La crise, qui exige une réponse rapide, s'est aggravée.",
            "تفاقمت الأزمة التي تتطلب استجابة سريعة.",
        ),
        set(),
    ),
    (
        (
            "The fight against impunity continues.",
            "La lutte contre l'impunité se poursuit.",
            "تستمر مكافحة الإفلات من العقاب.",
        ),
        set(),
    ),
    (
        (
            "Control over the borders improved.",
            "Le contrôle des frontières s'est amélioré.",
            "تحسنت السيطرة على الحدود.",
        ),
        set(),
    ),
    (
        ("This threat is serious.", "Cette menace est grave.", "هذا التهديد خطير."),
        set(),
    ),  # the noun: a danger, not a threat made
]


@pytest.mark.parametrize(("sentences", "quads"), SAME_IN_THREE_LANGUAGES)
def test_three_renderings_get_the_same_quads(sentences: tuple[str, str, str], quads: set[int]) -> None:
    found = [lexicon_quads(s, lang) for s, lang in zip(sentences, ("en", "fr", "ar"), strict=True)]
    assert found == [frozenset(quads)] * 3


def test_a_request_is_about_cooperation() -> None:
    assert TOPIC_QUAD["REQUEST"] == 1
    assert TOPIC_QUAD["ASSAULT"] == 4


def test_topic_table_has_every_phrase_in_three_languages() -> None:
    by_language: dict[str, set[int]] = {}
    for phrase in read_topic_phrases():
        by_language.setdefault(phrase.language, set()).add(phrase.quad)
    assert set(by_language) == {"ar", "en", "fr"}
    assert by_language["ar"] == by_language["en"] == by_language["fr"]


def test_topic_table_has_one_row_per_phrase() -> None:
    keys = [(p.language, p.phrase) for p in read_topic_phrases()]
    assert len(keys) == len(set(keys))


class StubModel:
    """Says material conflict for every sentence that mentions 'quietly' (no trigger does)."""

    def quad_classes(self, sentences: Sequence[str], margin: float = 0.0) -> list[frozenset[int]]:
        assert margin == MODEL_MARGIN  # only the model's confident classes count
        return [frozenset({4}) if "quietly" in s else frozenset() for s in sentences]


def test_sentence_quads_unite_the_model_and_the_lexicon() -> None:
    sentences = ["The council quietly calls for dialogue.", "The agenda was quietly adopted.", "Nothing."]
    quads = sentence_quads(sentences, "en", StubModel())  # type: ignore[arg-type]
    assert quads == [frozenset({1, 4}), frozenset({4}), frozenset()]
    assert sentence_quads([], "en", StubModel()) == []  # type: ignore[arg-type]
