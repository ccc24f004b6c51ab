"""Modality cues: negation, condition, opinion, future, questions and Q&A blocks."""

from __future__ import annotations

import pytest

from marsad.lexicon import load_lexicon
from marsad.modality import Modality, is_question, modality_of, qa_block_sentences
from marsad.normalize import fold_text
from tests.conftest import make_article


def modality(sentence: str, language: str) -> Modality:
    lexicon = load_lexicon()
    text = fold_text(sentence)
    (trigger,) = lexicon.triggers.find(text, language)
    return modality_of(trigger, lexicon.cues.find(text, language), text, 0)


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("The minister condemned the raid", "en", Modality.FACT),
        ("The minister did not condemn the raid", "en", Modality.DROPPED),
        ("The minister could condemn the raid", "en", Modality.DROPPED),
        ("The minister will host his counterpart", "en", Modality.FUTURE),
        ("The army will not withdraw", "en", Modality.REFUSED),
        ("Le ministre n'a pas condamné le raid", "fr", Modality.DROPPED),
        ("Le ministre pourrait condamner le raid", "fr", Modality.DROPPED),
        ("Le ministre va rencontrer son homologue", "fr", Modality.FUTURE),
        ("لم يدن الوزير القرار", "ar", Modality.DROPPED),
        ("لن ينسحب الجيش", "ar", Modality.REFUSED),
        ("سوف يزور الوزير العاصمة", "ar", Modality.FUTURE),
        ("سيزور الوزير العاصمة", "ar", Modality.FUTURE),
        ("ينبغي أن يدين الوزير القرار", "ar", Modality.DROPPED),
    ],
)
def test_modality_of_a_trigger(sentence, language, expected):
    assert modality(sentence, language) is expected


def test_questions_in_latin_and_arabic_script():
    assert is_question(fold_text("Did the minister visit?"))
    assert is_question(fold_text("هل زار الوزير العاصمة؟"))
    assert not is_question(fold_text("The minister visited."))


def test_qa_block_runs_from_its_first_line_to_the_end():
    article = make_article("Intro.\nBody text.\nQ: What happened?\nA: Nothing.\nMore.", "en")
    assert qa_block_sentences(article, {}) == {2, 3, 4}
    assert qa_block_sentences(make_article("No questions here.\nNone.", "en"), {}) == set()


def modality_of_event(sentence: str, language: str, event: str) -> Modality:
    """The modality of the (first) trigger of `event` in the sentence."""
    lexicon = load_lexicon()
    text = fold_text(sentence)
    trigger = next(m for m in lexicon.triggers.find(text, language) if m.entry.event == event)
    return modality_of(trigger, lexicon.cues.find(text, language), text, 0)


@pytest.mark.parametrize(
    ("sentence", "language", "event"),
    [
        ("The minister said Oman would help rebuild the port of Aden", "en", "AID"),
        ("Officials announced that Kuwait would invest in Basra's refineries", "en", "COOPERATE"),
        ("Le porte-parole a annoncé que l'ONU prolongerait sa mission au Liban", "fr", "COOPERATE"),
        ("Le chef de la diplomatie a indiqué qu'il se rendrait jeudi à Beyrouth", "fr", "CONSULT"),
        ("وأكد السفير أن حكومته ستواصل تدريب وحدات خفر السواحل", "ar", "COOPERATE"),
    ],
)
def test_a_conditional_after_a_reporting_verb_is_a_promise(sentence, language, event):
    assert modality_of_event(sentence, language, event) is Modality.FUTURE


@pytest.mark.parametrize(
    ("sentence", "language", "event"),
    [
        ("Oman would help rebuild the port if the war ended", "en", "AID"),
        ("Le chef de la diplomatie se rendrait jeudi à Beyrouth, selon la presse", "fr", "CONSULT"),
        ("Le porte-parole a annoncé que l'ONU pourrait prolonger sa mission", "fr", "COOPERATE"),
    ],
)
def test_a_conditional_without_a_reporting_verb_stays_hypothetical(sentence, language, event):
    assert modality_of_event(sentence, language, event) is Modality.DROPPED


@pytest.mark.parametrize(
    ("sentence", "language", "event"),
    [
        ("Lebanon has long complained about Israeli overflights", "en", "ACCUSE"),
        ("Its navy has repeatedly clashed with smugglers", "en", "ASSAULT"),
        ("The port city often sees protests in summer", "en", "PROTEST"),
        ("Les miliciens assiègent toujours la ville", "fr", "COERCE"),
        ("Les habitants manifestent souvent devant la préfecture", "fr", "PROTEST"),
        ("ولا تزال الميليشيا تهاجم القرى الحدودية", "ar", "ASSAULT"),
        ("وكثيرا ما تظاهر السكان أمام مبنى البلدية", "ar", "PROTEST"),
    ],
)
def test_habitual_and_lasting_states_are_not_events(sentence, language, event):
    assert modality_of_event(sentence, language, event) is Modality.DROPPED


@pytest.mark.parametrize(
    ("sentence", "language", "event"),
    [
        ("L'aviation a encore frappé une colonne de pick-up", "fr", "ASSAULT"),
        ("Les rebelles ont attaqué encore une fois le poste frontière", "fr", "ASSAULT"),
    ],
)
def test_encore_as_again_keeps_the_event(sentence, language, event):
    assert modality_of_event(sentence, language, event) is Modality.FACT


@pytest.mark.parametrize(
    ("sentence", "language", "event"),
    [
        ("The embassy declined to comment on the expulsion", "en", "REJECT"),
        ("Lebanon hosts about a million displaced Syrian refugees", "en", "CONSULT"),
        ("Le Liban a accueilli des dizaines de milliers de réfugiés", "fr", "CONSULT"),
        ("واستقبل المهرجان مئات الزوار من المحافظات", "ar", "CONSULT"),
        ("ووصلت أمس قافلة تحمل أدوية إلى المخيم", "ar", "CONSULT"),
        ("A convoy of forty trucks arrived in the camp", "en", "CONSULT"),
    ],
)
def test_set_phrases_that_look_like_triggers_are_not_events(sentence, language, event):
    assert modality_of_event(sentence, language, event) is Modality.DROPPED


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("ولم تحدد الحكومتان حتى الآن موعدا لزيارة الرئيس المرتقبة", "ar"),
        ("No date has been set for the president's visit to Tunis", "en"),
    ],
)
def test_an_unannounced_plan_is_no_event_and_no_refusal(sentence, language):
    assert modality_of_event(sentence, language, "CONSULT") is Modality.DROPPED


def test_a_refused_promise_is_still_refused():
    assert modality_of_event("The minister said Iraq would not withdraw its troops", "en", "RETREAT") in (
        Modality.REFUSED,
    )


@pytest.mark.parametrize(
    ("sentence", "language", "event"),
    [
        ("وأحيل الموظف إلى المحكمة بتهمة خطف طفل جاره", "ar", "ASSAULT"),
        ("وناقش البرلمان قضية التعذيب في مراكز الاحتجاز", "ar", "ASSAULT"),
        ("وضرب الوزير مثلا بتجربة الجزائر", "ar", "ASSAULT"),
        ("Le gardien est accusé de torture sur des détenus", "fr", "ASSAULT"),
    ],
)
def test_an_act_named_as_a_topic_or_in_an_idiom_is_not_news(sentence, language, event):
    assert modality_of_event(sentence, language, event) in NOT_KEPT


def test_a_reported_attack_is_still_a_fact():
    assert modality_of_event("وقال مصدر أمني إن مسلحين خطفوا سائقا أمس", "ar", "ASSAULT") is Modality.FACT


NOT_KEPT = (Modality.DROPPED, Modality.UNREPORTED)


def triggers_kept(sentence: str, language: str, event: str) -> list[str]:
    """The heads of the triggers of `event` that modality keeps (fact or promise)."""
    lexicon = load_lexicon()
    text = fold_text(sentence)
    cues = lexicon.cues.find(text, language)
    return [
        m.entry.phrase.head
        for m in lexicon.triggers.find(text, language)
        if m.entry.event == event and modality_of(m, cues, text, 0) not in NOT_KEPT
    ]


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("وتناولت الدراسة ظاهرة الاختطاف في المدن الكبرى", "ASSAULT"),
        ("ويعرض الفيلم قصة اغتيال زعيم قديم", "ASSAULT"),
        ("وتحدث الكاتب عن التفجير في مقالته الأسبوعية", "ASSAULT"),
        ("وطالب النائب بمحاسبة المسؤولين عن قتل المدنيين", "ASSAULT"),
        ("وتحدث المتظاهرون إلى الصحافيين عن مطالبهم", "PROTEST"),
        ("وناقش المجلس حق المظاهرة في الدستور الجديد", "PROTEST"),
    ],
)
def test_a_noun_trigger_with_no_sign_of_occurrence_is_a_topic(sentence, event):
    assert triggers_kept(sentence, "ar", event) == []


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("وأسفر الهجوم عن سقوط خمسة قتلى في السوق", "ASSAULT"),
        ("ووقع الانفجار قرب مركز للشرطة صباح اليوم", "ASSAULT"),
        ("وتعرض الصحافي للاختطاف أمس على طريق المطار", "ASSAULT"),
        ("ونفذت الطائرات غارة على موقع للمسلحين", "ASSAULT"),
        ("وخرجت مظاهرة حاشدة في وسط العاصمة", "PROTEST"),
        ("ونظم الطلاب مسيرة أمام مبنى الجامعة", "PROTEST"),
    ],
)
def test_a_noun_trigger_reported_as_happening_is_kept(sentence, event):
    assert triggers_kept(sentence, "ar", event) != []


@pytest.mark.parametrize(
    ("sentence", "event", "head"),
    [
        ("وتجمع مئات المحتجين أمام مقر الحكومة", "PROTEST", "تجمع"),
        ("واحتشد آلاف المتظاهرين في الساحة الرئيسية", "PROTEST", "احتشد"),
        ("وتجمهر السكان أمام مبنى البلدية", "PROTEST", "تجمهر"),
        ("وضرب الحارس السجين بعصا غليظة", "ASSAULT", "ضرب"),
    ],
)
def test_verbs_that_report_the_act_fire_alone(sentence, event, head):
    assert head in triggers_kept(sentence, "ar", event)


@pytest.mark.parametrize(
    "sentence",
    [
        "وتلقى الاقتصاد ضربة قوية من ارتفاع الأسعار",
        "وضربت العاصفة الثلجية المناطق الشمالية",
        "واعتصمت الحكومة بالصمت إزاء الاتهامات",
    ],
)
def test_strike_nouns_storms_and_silence_are_not_attacks_or_protests(sentence):
    assert triggers_kept(sentence, "ar", "ASSAULT") == [] and triggers_kept(sentence, "ar", "PROTEST") == []


@pytest.mark.parametrize(
    ("sentence", "language", "event"),
    [
        ("The study looked at the history of the attack on the embassy", "en", "ASSAULT"),
        ("L'article revient sur l'attentat contre l'ambassade", "fr", "ASSAULT"),
    ],
)
def test_english_and_french_nouns_need_no_occurrence_cue(sentence, language, event):
    # Occurrence cues exist only for Arabic: other languages keep their behaviour.
    lexicon = load_lexicon()
    assert all(lang == "ar" for lang, _ in lexicon.reported_only)
    text = fold_text(sentence)
    assert any(m.entry.event == event for m in lexicon.triggers.find(text, language))


@pytest.mark.parametrize(
    ("sentence", "language", "event"),
    [
        # Advice in the conditional is an opinion.
        ("Washington would do well to support the talks", "en", "SUPPORT"),
        ("It would be wise to support the talks", "en", "SUPPORT"),
        ("Washington aurait intérêt à soutenir les négociations", "fr", "SUPPORT"),
        ("Il serait judicieux de soutenir les négociations", "fr", "SUPPORT"),
        ("من مصلحة باريس أن تقدم مساعدات للعراق", "ar", "AID"),
        # Weather, crises and the economy threaten nobody on purpose.
        ("The crisis threatens the harvest", "en", "THREATEN"),
        ("La sécheresse menace les récoltes du sud", "fr", "THREATEN"),
        ("لمواجهة الجفاف الذي يهدد المحاصيل", "ar", "THREATEN"),
        # «ضبط الحدود / النفس» is control or restraint, not a seizure.
        ("وتعهدت الحكومة بالتنسيق مع الجيش لضبط الحدود", "ar", "COERCE"),
        ("ودعا إلى ضبط النفس", "ar", "COERCE"),
        # Exposure and purpose nouns name a risk.
        ("The villages lack lighting, which leaves them exposed to night-time raids", "en", "COERCE"),
        (
            "Ankara says its operations target rebels who use the valleys as a base for attacks",
            "en",
            "ASSAULT",
        ),
        (
            "Ankara dit viser des rebelles qui utilisent les vallées comme base pour des attaques",
            "fr",
            "ASSAULT",
        ),
        ("تقول أنقرة إن عملياتها تستهدف مسلحين", "ar", "ASSAULT"),
        # Tallies over a period are no dated event.
        ("The ministry has signed several contracts with firms this year", "en", "SUPPORT"),
        ("Le ministère a signé plusieurs contrats avec des entreprises cette année", "fr", "SUPPORT"),
        # Clauses describing detainees are no new arrest.
        ("He freed 20 men, those arrested for links to the group", "en", "COERCE"),
        ("Il a libéré 20 prisonniers, des hommes arrêtés pour des liens avec le groupe", "fr", "COERCE"),
        ("وأفرجت السلطات عن عشرين من الذين اعتقلوا العام الماضي", "ar", "COERCE"),
    ],
)
def test_non_events_are_dropped(sentence, language, event):
    assert modality_of_event(sentence, language, event) is Modality.DROPPED


@pytest.mark.parametrize(
    ("sentence", "language", "event"),
    [
        ("The militia threatens the harvest", "en", "THREATEN"),
        ("Le groupe menace les villages du sud", "fr", "THREATEN"),
        ("وضبطت القوات شحنة من المخدرات", "ar", "COERCE"),
        ("The police raided the offices of the party", "en", "COERCE"),
        ("Washington will support the talks", "en", "SUPPORT"),
        ("The ministry signed two contracts with a French firm on Monday", "en", "SUPPORT"),
    ],
)
def test_agents_facts_and_single_acts_stay(sentence, language, event):
    assert modality_of_event(sentence, language, event) is not Modality.DROPPED


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        # A relative clause about a known attack or its victims is background.
        ("وزار الوزير السوق الذي استهدفه التفجير قبل شهرين", "ar"),
        ("وعزى الرئيس أسر الذين قتلوا في الانفجار", "ar"),
        # Intent, plans, calls and warnings: the attack has not happened.
        ("وكشف البيان عن عزم الجماعة خطف رعايا أجانب", "ar"),
        ("واعتقلت الشرطة رجلين يسعون لتنفيذ هجمات في العاصمة", "ar"),
        ("ودعا الزعيم في تسجيل إلى اغتيال الكاتب", "ar"),
        ("وحذرت الفصائل من تفجير الوضع في المخيم", "ar"),
        ("The police foiled an attack on the station", "en"),
        ("La police a déjoué un attentat contre la gare", "fr"),
        # Involvement and suspicion: the attack is a charge, not news.
        ("واتهمته النيابة بالضلوع في الهجوم على السفارة", "ar"),
        ("He denied any involvement in the bombing of the embassy", "en"),
        ("Il a nié toute implication dans l'attentat contre l'ambassade", "fr"),
        # Kinds of act and stored arms.
        ("وقال الخبير إن مثل هذه التفجيرات تزداد في الصيف", "ar"),
        ("وعثرت القوات على كميات من الصواريخ في مخزن قديم", "ar"),
    ],
)
def test_background_intended_and_charged_attacks_are_not_news(sentence, language):
    assert modality_of_event(sentence, language, "ASSAULT") in NOT_KEPT


@pytest.mark.parametrize(
    ("sentence", "language", "event"),
    [
        # The relative-clause and intent cues govern attacks only.
        ("وأشاد الوزير بالوفد الذي زار المدينة أمس", "ar", "CONSULT"),
        ("وقال إن الدولة التي تسعى للسلام يخطط وزيرها لزيارة المنطقة", "ar", "CONSULT"),
        ("وأشاد المجلس بالدول التي قدمت مساعدات للنازحين", "ar", "AID"),
        # The attack itself, told around its relative clause, stays.
        ("وقتل مسلحون خمسة جنود في كمين نصبوه أمس", "ar", "ASSAULT"),
    ],
)
def test_attack_background_cues_leave_other_acts_alone(sentence, language, event):
    assert modality_of_event(sentence, language, event) is not Modality.DROPPED


@pytest.mark.parametrize(
    "sentence",
    [
        # An auxiliary of doing, a survivor or an announcement reports the masdar's act.
        "وقام مسلحون بخطف مهندس من سيارته",
        "وأعلنت الشرطة أنه تم اغتيال القاضي في منزله",
        "ونجا المحافظ من انفجار استهدف موكبه",
        "وأقدم مجهولون على اغتيال ضابط في المدينة",
        # A date names when it happened (a timeline line).
        "* 3 مارس: اغتيال نائب في البرلمان بسيارة مفخخة",
        # One occurrence cue serves protests and attacks alike (value PROTEST|ASSAULT).
        "وشهدت المدينة أمس اشتباكات بين الجيش والمسلحين",
        "وشهد الأسبوع الماضي اغتيال قاض في العاصمة",
        # A suicide operation carried out, a bomb that went off.
        "ونفذ شاب عملية انتحارية قرب مركز للشرطة",
        "وانفجرت قنبلة أمام مقر البلدية",
    ],
)
def test_attack_nouns_with_an_auxiliary_date_or_survivor_happened(sentence):
    assert triggers_kept(sentence, "ar", "ASSAULT") != []


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("وقال الشهود إن الانتحاري فجر نفسه عند مدخل السوق", "فجر نفسه"),
        ("وفجر المهاجمون قنابلهم في محطة القطار", "فجر"),
        ("واغتصب الجنود فتاة في القرية", "اغتصب"),
        ("وأكدت الفتاة أنه تم اغتصابها في مركز الشرطة", "اغتصاب"),
        ("وقال السكان إن المسلحين يعتدون على المارة", "يعتدون"),
    ],
)
def test_verbs_of_bombing_rape_and_assault_fire_alone(sentence, head):
    assert head in triggers_kept(sentence, "ar", "ASSAULT")


@pytest.mark.parametrize(
    "sentence",
    [
        "ووصف الوزير البطالة بأنها قنبلة موقوتة",
        "ونادرا ما تمكن المسلحون من اختراق الحواجز لتنفيذ هجمات",
    ],
)
def test_time_bombs_and_rare_acts_are_not_attacks(sentence):
    assert triggers_kept(sentence, "ar", "ASSAULT") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "وكشف البيان عن عزم عناصر الجماعة خطف رعايا أجانب",
        "واعتقلت الشرطة ثلاثة شبان أثناء محاولتهم إطلاق صواريخ على البلدة",
        "وعرض الزعيم مكافأة لمن يقتل الكاتب",
        "وكانت الجماعة قد نفذت عمليات انتحارية سابقة في الشمال",
        "وروى الجندي كيف قتل صديقه في غارة جوية في أواخر الثمانينات",
        "وضبطت القوات مخزنا يضم قاذفات صواريخ وذخائر",
    ],
)
def test_intended_generic_previous_and_old_attacks_and_launchers_are_not_news(sentence):
    assert triggers_kept(sentence, "ar", "ASSAULT") == []
