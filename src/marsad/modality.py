"""Modality: only facts and commitments become events.

A trigger is dropped when a negation, hypothetical, opinion or habitual cue governs it,
when a set phrase covers it ("declined to comment", "hosts refugees"), when its sentence
is a question, or when the sentence sits in a machine-written Q&A block. A future cue
(or the Arabic future prefix س) makes it a promise, which the coder turns into AGREE
for cooperative types (PLOVER: future CONSULT, SUPPORT, COOPERATE and AID are AGREE).
A non-agent right before a threat or strike ("the drought threatens", «الأزمة التي تهدد»)
is no actor, so no event. A conditional in the complement of a reporting verb ("said Jordan would help",
"a annoncé qu'elle prolongerait", «أكد أن بلاده ستواصل») is a promise, not a hypothesis.
Cues come from `cues.tsv`; each has a window in words before the trigger (0: anywhere
in the sentence; negative: after it; habitual cues count on both sides).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from enum import Enum

from marsad.lexicon import Cue, Match, Trigger, is_word_char, load_lexicon
from marsad.model import Article
from marsad.normalize import fold_text


class Modality(Enum):
    FACT = "fact"
    FUTURE = "future"
    DROPPED = "dropped"
    REFUSED = "refused"  # a negated promise: "will not release", «لن ينسحب»
    UNREPORTED = "unreported"  # a noun naming an act with no sign that it happened: no event, no negation


# A crowd cue («آلاف», «خرجت») also tells that the protest happened (marsad.unnamed_protesters).
OCCURRENCE_KINDS = frozenset({"occurrence", "crowd"})
DROPPING_KINDS = frozenset({"negation", "hypothetical", "opinion", "habitual", "topic", "nonagent"})
# Kinds that drop the trigger outright (negation may instead make a refused promise).
_SILENCING_KINDS = frozenset({"hypothetical", "opinion", "habitual", "topic", "nonagent"})
# Kinds whose cue value lists the event types the cue governs.
_TYPED_KINDS = frozenset({"nonagent", "topic"})
# A refusal that has lasted ("still refuses", «لا يزال يرفض») is still a refusal today.
ENDURING_TYPES = frozenset({"REJECT"})
# A reporting verb's complement starts within this many words of it ("said on Monday that Jordan would").
REPORT_WINDOW_WORDS = 10

# "Q:", "A :", "Question:", "Réponse :", «س:», «ج:» at the start of a sentence (folded text).
_QA_LINE = re.compile(r"^\W{0,3}(q|a|r|question|answer|reponse|س|ج|سوال|جواب)\s?[:：]")
_QA_HEADING_MAX_WORDS = 8
# French conditionnel (prolongerait, se rendraient); modals stay hypothetical (pourrait, devrait),
# and nouns in -trait are not verbs (retrait, portrait) unless -ttrait (permettrait).
_FR_CONDITIONAL_ENDINGS = ("rait", "raient")
_FR_NOT_CONDITIONAL = frozenset(
    {"pourrait", "pourraient", "devrait", "devraient", "faudrait", "aurait", "auraient", "voudrait"}
)
# Arabic future prefix on a present verb (ستواصل، سيعمل، سنقدم); nouns that start the same way.
_AR_FUTURE_PREFIXES = ("سي", "ست", "سن")
_AR_NOT_FUTURE = ("سيا", "سيطر", "سينا", "سيره", "ستار", "سنو", "سنين", "سيول", "ستين", "سيد")
_AR_CONJUNCTIONS = ("و", "ف")
# Words that make the next Arabic verb-looking trigger a masdar: «أدى إلى قتل», «عمليات خطف».
_AR_NOUN_GOVERNORS = frozenset(
    {
        "الي", "في", "عن", "علي", "من", "بعد", "قبل", "اثر", "اثناء", "خلال", "عمليات", "عمليه",
        "اعمال", "حوادث", "حادث", "حادثه", "محاوله", "محاولات", "جريمه", "جرائم", "مثل", "بين",
    }
)  # fmt: skip


def is_question(folded_sentence: str) -> bool:
    """A sentence that ends with a question mark (Arabic ؟ folds to ?)."""
    return folded_sentence.rstrip(" \"'»)").endswith("?")


def qa_block_sentences(article: Article, cues_by_sentence: Mapping[int, Sequence[Match[Cue]]]) -> set[int]:
    """Indexes of sentences inside a Q&A / FAQ block: from its first Q/A line or heading on."""
    for sentence in article.sentences:
        folded = fold_text(sentence.text).strip()
        heading = (
            any(m.entry.kind == "qa" for m in cues_by_sentence.get(sentence.index, ()))
            and len(folded.split()) <= _QA_HEADING_MAX_WORDS
        )
        if heading or _QA_LINE.match(folded):
            return {s.index for s in article.sentences if s.index >= sentence.index}
    return set()


def modality_of(
    trigger: Match[Trigger], cues: Sequence[Match[Cue]], text: str, clause_start: int
) -> Modality:
    """The modality of one trigger given the cues of its sentence (folded offsets)."""
    if any(idiom_covers(cue, trigger) for cue in cues):
        return Modality.DROPPED
    if _unreported_act(trigger, cues, text):
        return Modality.UNREPORTED
    reported = _reported_commitment(trigger, cues, text)
    kinds = {"future"} if trigger.future_clitic or reported else set()
    if not reported and _conditional_trigger(trigger, text):
        kinds.add("hypothetical")  # "le ministre se rendrait à Damas": hearsay, not a fact
    for cue in cues:
        if cue.entry.kind in DROPPING_KINDS | {"future"} and _governs(cue, trigger, text, clause_start):
            if cue.entry.kind in _TYPED_KINDS and not _applies_to(cue.entry, trigger.entry.event):
                continue
            if cue.entry.value == "conditional" and (reported or _dated_future(cues)):
                kinds.add("future")  # "said it would send", "would hold talks next month": a plan
                continue
            kinds.add(cue.entry.kind)
    if trigger.entry.event in ENDURING_TYPES:
        kinds.discard("habitual")  # "still refuses", "has long refused": the refusal stands now
    if kinds & _SILENCING_KINDS:
        return Modality.DROPPED
    if "negation" in kinds:
        return Modality.REFUSED if _refusal(cues, trigger, text, clause_start, kinds) else Modality.DROPPED
    return Modality.FUTURE if "future" in kinds else Modality.FACT


def _dated_future(cues: Sequence[Match[Cue]]) -> bool:
    """A date ahead anywhere in the sentence ("next month", «le mois prochain»): "would" is a plan."""
    return any(c.entry.kind == "future" and c.entry.window == 0 for c in cues)


def _applies_to(cue: Cue, event: str) -> bool:
    """A non-agent cue ("drought", «الأزمة») names the event types it cannot be the agent of;
    a topic cue with a value names the only types it governs (none: every type)."""
    if cue.kind == "topic" and not cue.value:
        return True
    return event in cue.value.split("|")


def idiom_covers(cue: Match[Cue], trigger: Match[Trigger]) -> bool:
    """A set phrase whose head holds the trigger ("declined to say", "hosts ... refugees").

    With value `tail` the trigger is the phrase's last word ("the convoy ... arrived in").
    """
    if cue.entry.kind != "idiom":
        return False
    if cue.entry.value == "tail":
        return cue.head_end <= trigger.start < cue.end
    return cue.start <= trigger.start < cue.head_end


def _unreported_act(trigger: Match[Trigger], cues: Sequence[Match[Cue]], text: str) -> bool:
    """A noun trigger with no sign near it that the act happened: a topic, not news.

    «اغتيال», «مظاهرة», «بقتل» name an act; only an occurrence cue of the same type near
    them reports one: an occurrence verb («وقع», «شن», «خرج»), a casualty count («قتيلا»),
    a target right after it («غارة على»), or a condemnation of it («أدان القصف»: the
    project codes the condemned act too, see marsad.antecedents).
    A cue may serve several types («شهدت»: PROTEST|ASSAULT).
    Only for the languages and types that `cues.tsv` gives occurrence cues.
    """
    entry = trigger.entry
    if (entry.language, entry.event) not in load_lexicon().reported_only:
        return False
    if not _reads_as_noun(trigger, text):
        return False
    return not any(
        cue.entry.kind in OCCURRENCE_KINDS
        and entry.event in cue.entry.value.split("|")
        and cue_near(cue, trigger, text)
        for cue in cues
    )


def cue_near(cue: Match[Cue], trigger: Match[Trigger], text: str) -> bool:
    """Within the cue's window: either side, or only after the trigger when negative («غارة على»)."""
    window = cue.entry.window
    if window < 0:
        return cue.start >= trigger.head_end and text.count(" ", trigger.head_end, cue.start) <= -window
    return window == 0 or _words_between(cue, trigger, text) < window


def _reads_as_noun(trigger: Match[Trigger], text: str) -> bool:
    """A noun row, or (ar) a verb form read as a masdar: «القتل», «بقتل», «إلى خطف»."""
    entry = trigger.entry
    if entry.noun or trigger.definite:
        return True
    if entry.language != "ar" or entry.form == "verb":
        return False
    word_start = trigger.start
    while word_start > 0 and is_word_char(text[word_start - 1]):
        word_start -= 1
    if any(letter in text[word_start : trigger.start] for letter in "بل"):
        return True  # a bound preposition: «بقتل», «لخطف»
    previous = text[:word_start].split()[-1:]
    return bool(previous) and previous[0] in _AR_NOUN_GOVERNORS


def _refusal(
    cues: Sequence[Match[Cue]], trigger: Match[Trigger], text: str, clause_start: int, kinds: set[str]
) -> bool:
    """A negated promise ("will not withdraw", «لن»), not a denial or an unannounced plan."""
    negations = [c for c in cues if c.entry.kind == "negation" and _governs(c, trigger, text, clause_start)]
    if any(c.entry.value == "denial" for c in negations):
        return False  # "did not announce a date for the expected visit": no event at all
    return "future" in kinds or any(c.entry.value == "future" and c.end <= trigger.start for c in cues)


def _reported_commitment(trigger: Match[Trigger], cues: Sequence[Match[Cue]], text: str) -> bool:
    """A future or conditional verb between a reporting verb and the trigger ("said X would help")."""
    for cue in cues:
        if cue.entry.kind != "report" or cue.end > trigger.start:
            continue
        if text.count(" ", cue.end, trigger.start) > REPORT_WINDOW_WORDS:
            continue
        if any(c.entry.value == "conditional" and cue.end <= c.start < trigger.head_end for c in cues):
            return True
        words = text[cue.end : _word_end(text, trigger.head_end)].split()
        if any(_future_verb(word, trigger.entry.language) for word in words):
            return True
    return False


def _conditional_trigger(trigger: Match[Trigger], text: str) -> bool:
    """A French trigger in the conditionnel, outside any reported speech."""
    words = text[trigger.start : _word_end(text, trigger.head_end)].split()
    return trigger.entry.language == "fr" and any(_future_verb(w, "fr") for w in words)


def _word_end(text: str, position: int) -> int:
    """The end of the word `position` falls in ("prolong*" matched in "prolongerait")."""
    while position < len(text) and (text[position].isalnum() or text[position] == "_"):
        position += 1
    return position


def _future_verb(word: str, language: str) -> bool:
    """A conditional (fr) or future-prefixed (ar) verb form; English uses the "would" cue."""
    word = word.strip(".,;:!?\"'«»()")
    if language == "fr":
        word = word.rpartition("'")[2]
        if word in _FR_NOT_CONDITIONAL or (word.endswith("trait") and not word.endswith("ttrait")):
            return False
        return len(word) > 5 and word.endswith(_FR_CONDITIONAL_ENDINGS)
    if language == "ar":
        if word.startswith(_AR_CONJUNCTIONS) and len(word) > 5:
            word = word[1:]
        return word == "سوف" or (
            len(word) >= 5 and word.startswith(_AR_FUTURE_PREFIXES) and not word.startswith(_AR_NOT_FUTURE)
        )
    return False


def _governs(cue: Match[Cue], trigger: Match[Trigger], text: str, clause_start: int) -> bool:
    window = cue.entry.window
    if window == 0:
        return True
    if cue.entry.kind == "habitual" and window > 0:  # "has long complained", "clashed repeatedly"
        return _words_between(cue, trigger, text) < window
    if window < 0:  # after the trigger: French "ne ... pas", "contrôlent encore"
        return cue.start >= trigger.head_end and text.count(" ", trigger.head_end, cue.start) <= -window
    if cue.end > trigger.start or (cue.start < clause_start and cue.entry.value != "denial"):
        return False
    return text.count(" ", cue.end, trigger.start) < window


def _words_between(cue: Match[Cue], trigger: Match[Trigger], text: str) -> int:
    if cue.end <= trigger.start:
        return text.count(" ", cue.end, trigger.start)
    if cue.start >= trigger.head_end:
        return text.count(" ", trigger.head_end, cue.start)
    return 0
