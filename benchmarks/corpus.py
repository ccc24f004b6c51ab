"""A synthetic, seeded news corpus in Arabic, English and French for the throughput benchmark.

Articles are composed from hand-written templates: event sentences (meetings, calls,
accusations, attacks, protests, aid, sanctions...) with varied actors, filler
sentences (background, economy, weather, quotes) and site boilerplate, to 250-600
words each. The same seed gives the same corpus.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from marsad.model import Document

LANGUAGE_SHARES = {"ar": 0.4, "en": 0.35, "fr": 0.25}


@dataclass(frozen=True)
class Templates:
    actors: tuple[str, ...]
    places: tuple[str, ...]
    days: tuple[str, ...]
    events: tuple[str, ...]
    fillers: tuple[str, ...]
    boilerplate: tuple[str, ...]
    titles: tuple[str, ...]


EN = Templates(
    actors=(
        "the French foreign minister",
        "Iraqi Prime Minister Hassan Kareem",
        "the Egyptian army",
        "the United Nations envoy",
        "Turkish President Mehmet Aydin",
        "the Jordanian government",
        "Iranian officials",
        "the Lebanese interior ministry",
        "the European Union",
        "NATO",
        "Syrian rebels",
        "the Algerian defence ministry",
        "Saudi Arabia",
        "Qatar",
        "the United States",
        "police in Tunis",
        "protesters in Khartoum",
        "the Libyan coast guard",
        "Moroccan diplomats",
    ),
    places=("Baghdad", "Cairo", "Paris", "Amman", "Beirut", "Tunis", "Doha", "Geneva", "Algiers", "Rabat"),
    days=("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "yesterday", "last week"),
    events=(
        "{a} met {b} in {p} {d} to discuss border security and the return of refugees.",
        "{a} held a phone call with {b} {d}, according to a statement.",
        "{a} accused {b} of supplying weapons to armed groups near {p}.",
        "{a} condemned the attack on a checkpoint outside {p} {d}.",
        "{a} launched air strikes against positions held by {b} near {p} {d}.",
        "Gunmen attacked a convoy carrying {b} on the road to {p} {d}, killing three guards.",
        "Thousands of people demonstrated in {p} {d} against rising prices.",
        "{a} announced 20 million dollars in humanitarian aid for {b}.",
        "{a} imposed sanctions on {b} over the crackdown in {p}.",
        "{a} signed a defence cooperation agreement with {b} in {p} {d}.",
        "{a} rejected the proposal put forward by {b} for a ceasefire.",
        "{a} urged {b} to release the detained journalists.",
        "{a} threatened to expel the ambassador of {b}.",
        "{a} deployed additional troops to the border with {b}.",
        "{a} arrested dozens of suspects in raids across {p} {d}.",
        "{a} withdrew its forces from the outskirts of {p}.",
        "{a} will visit {p} next month, his office said.",
    ),
    fillers=(
        "The region has seen months of tension after a series of disputed elections.",
        "Analysts say the talks could take weeks before any agreement is reached.",
        "Inflation reached its highest level in a decade, the central bank said in its latest report.",
        "Temperatures are expected to exceed 40 degrees across the south of the country this weekend.",
        "The ministry did not respond to a request for comment.",
        "Officials said the meeting was held behind closed doors and no statement was issued afterwards.",
        "The city has a population of around two million people and is a major trading hub.",
        "Local media reported long queues at petrol stations in several districts.",
        "The football federation postponed the match until further notice.",
        "Diplomats familiar with the file described the atmosphere as constructive but cautious.",
        "The announcement came as parliament prepared to vote on next year's budget.",
        "A spokesman said more details would be released in the coming days.",
        "The price of bread has doubled since the start of the year, according to traders.",
        "Schools in the capital reopened after a two-week closure.",
    ),
    boilerplate=(
        "Subscribe to our newsletter for daily updates.",
        "All rights reserved.",
        "Follow us on social media.",
        "Read more: the latest regional news.",
    ),
    titles=(
        "Talks resume amid tension",
        "Officials trade accusations",
        "Clashes reported near border",
        "Aid pledged as crisis deepens",
        "Leaders meet for regional summit",
    ),
)

FR = Templates(
    actors=(
        "le ministre français des Affaires étrangères",
        "le Premier ministre irakien Hassan Karim",
        "l'armée égyptienne",
        "l'envoyé spécial des Nations unies",
        "le président turc Mehmet Aydin",
        "le gouvernement jordanien",
        "des responsables iraniens",
        "l'Union européenne",
        "l'OTAN",
        "les rebelles syriens",
        "le ministère algérien de la Défense",
        "l'Arabie saoudite",
        "le Qatar",
        "les États-Unis",
        "la police tunisienne",
        "des manifestants à Khartoum",
        "la diplomatie marocaine",
    ),
    places=("Bagdad", "Le Caire", "Paris", "Amman", "Beyrouth", "Tunis", "Doha", "Genève", "Alger", "Rabat"),
    days=("lundi", "mardi", "mercredi", "jeudi dernier", "vendredi", "hier", "la semaine dernière"),
    events=(
        "{a} a rencontré {b} à {p} {d} pour évoquer la sécurité des frontières.",
        "{a} s'est entretenu par téléphone avec {b} {d}, selon un communiqué.",
        "{a} a accusé {b} de livrer des armes à des groupes armés près de {p}.",
        "{a} a condamné l'attaque contre un poste de contrôle à {p} {d}.",
        "{a} a mené des frappes aériennes contre des positions de {b} près de {p} {d}.",
        "Des hommes armés ont attaqué un convoi de {b} sur la route de {p} {d}.",
        "Des milliers de personnes ont manifesté à {p} {d} contre la vie chère.",
        "{a} a annoncé une aide humanitaire de 20 millions d'euros pour {b}.",
        "{a} a imposé des sanctions à {b} après la répression à {p}.",
        "{a} a signé un accord de coopération militaire avec {b} à {p} {d}.",
        "{a} a rejeté la proposition de cessez-le-feu de {b}.",
        "{a} a exhorté {b} à libérer les journalistes détenus.",
        "{a} a menacé d'expulser l'ambassadeur de {b}.",
        "{a} a déployé des renforts à la frontière avec {b}.",
        "{a} a arrêté des dizaines de suspects lors de raids à {p} {d}.",
        "{a} a retiré ses forces des environs de {p}.",
    ),
    fillers=(
        "La région connaît des mois de tensions après une série d'élections contestées.",
        "Selon des analystes, les discussions pourraient durer plusieurs semaines.",
        "L'inflation a atteint son plus haut niveau depuis dix ans, selon la banque centrale.",
        "Les températures devraient dépasser 40 degrés dans le sud du pays ce week-end.",
        "Le ministère n'a pas répondu aux sollicitations de la presse.",
        "La réunion s'est tenue à huis clos et aucun communiqué n'a été publié.",
        "La ville compte environ deux millions d'habitants et constitue un important carrefour commercial.",
        "Les médias locaux ont fait état de longues files d'attente devant les stations-service.",
        "La fédération de football a reporté le match à une date ultérieure.",
        "Des diplomates proches du dossier ont décrit une atmosphère constructive mais prudente.",
        "L'annonce intervient alors que le Parlement s'apprête à voter le budget.",
        "Un porte-parole a indiqué que d'autres détails seraient communiqués dans les prochains jours.",
    ),
    boilerplate=(
        "Abonnez-vous à notre lettre d'information.",
        "Tous droits réservés.",
        "Suivez-nous sur les réseaux sociaux.",
        "Lire aussi : l'actualité régionale.",
    ),
    titles=(
        "Reprise des pourparlers",
        "Échange d'accusations",
        "Affrontements près de la frontière",
        "Une aide annoncée",
        "Sommet régional",
    ),
)

AR = Templates(
    actors=(
        "وزير الخارجية الفرنسي",
        "رئيس الوزراء العراقي حسن كريم",
        "الجيش المصري",
        "المبعوث الأممي",
        "الرئيس التركي محمد أيدن",
        "الحكومة الأردنية",
        "مسؤولون إيرانيون",
        "وزارة الداخلية اللبنانية",
        "الاتحاد الأوروبي",
        "حلف شمال الأطلسي",
        "المعارضة السورية المسلحة",
        "وزارة الدفاع الجزائرية",
        "السعودية",
        "قطر",
        "الولايات المتحدة",
        "الشرطة التونسية",
        "محتجون في الخرطوم",
        "خفر السواحل الليبي",
    ),
    places=("بغداد", "القاهرة", "باريس", "عمان", "بيروت", "تونس", "الدوحة", "جنيف", "الجزائر", "الرباط"),
    days=("يوم الاثنين", "يوم الثلاثاء", "الأربعاء", "يوم الخميس الماضي", "الجمعة", "أمس", "الأسبوع الماضي"),
    events=(
        "التقى {a} {b} في {p} {d} لبحث أمن الحدود وعودة اللاجئين.",
        "أجرى {a} اتصالا هاتفيا مع {b} {d} بحسب بيان رسمي.",
        "اتهم {a} {b} بتزويد جماعات مسلحة بالسلاح قرب {p}.",
        "أدان {a} الهجوم على نقطة تفتيش في {p} {d}.",
        "شن {a} غارات جوية على مواقع {b} قرب {p} {d}.",
        "هاجم مسلحون قافلة تابعة لـ{b} على طريق {p} {d} ما أسفر عن مقتل ثلاثة حراس.",
        "تظاهر آلاف الأشخاص في {p} {d} احتجاجا على ارتفاع الأسعار.",
        "أعلن {a} عن مساعدات إنسانية بقيمة 20 مليون دولار لـ{b}.",
        "فرض {a} عقوبات على {b} بسبب القمع في {p}.",
        "وقع {a} اتفاقية تعاون دفاعي مع {b} في {p} {d}.",
        "رفض {a} مقترح وقف إطلاق النار الذي قدمه {b}.",
        "طالب {a} {b} بالإفراج عن الصحفيين المعتقلين.",
        "هدد {a} بطرد سفير {b}.",
        "نشر {a} تعزيزات عسكرية على الحدود مع {b}.",
        "اعتقل {a} عشرات المشتبه بهم في مداهمات في {p} {d}.",
        "سحب {a} قواته من محيط {p}.",
    ),
    fillers=(
        "وتشهد المنطقة توترا منذ أشهر في أعقاب سلسلة من الانتخابات المتنازع عليها.",
        "ويرى محللون أن المحادثات قد تستغرق أسابيع قبل التوصل إلى اتفاق.",
        "وبلغ التضخم أعلى مستوى له منذ عشر سنوات بحسب البنك المركزي.",
        "ومن المتوقع أن تتجاوز درجات الحرارة أربعين درجة في جنوب البلاد خلال عطلة نهاية الأسبوع.",
        "ولم ترد الوزارة على طلب للتعليق.",
        "وعقد الاجتماع خلف أبواب مغلقة ولم يصدر عنه أي بيان.",
        "ويبلغ عدد سكان المدينة نحو مليوني نسمة وتعد مركزا تجاريا مهما.",
        "وأفادت وسائل إعلام محلية بطوابير طويلة أمام محطات الوقود.",
        "وأرجأ الاتحاد المحلي لكرة القدم المباراة إلى موعد لاحق.",
        "ووصف دبلوماسيون مطلعون الأجواء بأنها بناءة لكنها حذرة.",
        "وقال متحدث إن مزيدا من التفاصيل سيعلن في الأيام المقبلة.",
        "وتضاعف سعر الخبز منذ بداية العام بحسب تجار.",
    ),
    boilerplate=("اشترك في نشرتنا الإخبارية.", "جميع الحقوق محفوظة.", "تابعونا على مواقع التواصل الاجتماعي."),
    titles=(
        "استئناف المحادثات وسط التوتر",
        "تبادل الاتهامات",
        "اشتباكات قرب الحدود",
        "إعلان مساعدات",
        "قمة إقليمية",
    ),
)

TEMPLATES = {"ar": AR, "en": EN, "fr": FR}


def make_article(rng: random.Random, language: str, number: int) -> Document:
    """One article of 250-600 words: about a third event sentences, the rest filler, then boilerplate."""
    t = TEMPLATES[language]
    target_words = rng.randint(240, 560)  # plus boilerplate: 250-600 words in all
    sentences: list[str] = []
    words = 0
    while words < target_words:
        if rng.random() < 0.35:
            a, b = rng.sample(t.actors, 2)
            sentence = rng.choice(t.events).format(a=a, b=b, p=rng.choice(t.places), d=rng.choice(t.days))
            sentence = sentence[0].upper() + sentence[1:]
        else:
            sentence = rng.choice(t.fillers)
        sentences.append(sentence)
        words += len(sentence.split())
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    paragraphs += rng.sample(t.boilerplate, 2)
    published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(366))
    return Document(
        origin=f"bench/{language}_{number:05d}.txt",
        content="\n\n".join(paragraphs),
        content_format="text",
        title=rng.choice(t.titles),
        path=f"bench/{language}_{number:05d}.txt",
        source="bench",
        published=published,
        language=language if rng.random() < 0.5 else "",  # half leave the language to identify
    )


def make_corpus(count: int, seed: int = 7) -> list[Document]:
    """`count` articles in mixed languages; the same seed gives the same corpus."""
    rng = random.Random(seed)
    languages = list(LANGUAGE_SHARES)
    weights = list(LANGUAGE_SHARES.values())
    return [make_article(rng, rng.choices(languages, weights)[0], i) for i in range(count)]
