"""Modality: only facts and commitments become events.

A trigger is dropped when a negation, hypothetical or opinion cue governs it, when
its sentence is a question, or when the sentence sits in a machine-written Q&A
block. A future cue (or the Arabic future prefix س) makes it a promise, which the
coder turns into AGREE for cooperative types (PLOVER: future CONSULT, SUPPORT,
COOPERATE and AID are AGREE). Cues come from `cues.tsv`; each has a window in
words before the trigger (0: anywhere in the sentence; negative: after it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from enum import Enum

from marsad.lexicon import Cue, Match, Trigger
from marsad.model import Article
from marsad.normalize import fold_text


class Modality(Enum):
    FACT = "fact"
    FUTURE = "future"
    DROPPED = "dropped"
    REFUSED = "refused"  # a negated promise: "will not release", «لن ينسحب»


DROPPING_KINDS = frozenset({"negation", "hypothetical", "opinion"})

# "Q:", "A :", "Question:", "Réponse :", «س:», «ج:» at the start of a sentence (folded text).
_QA_LINE = re.compile(r"^\W{0,3}(q|a|r|question|answer|reponse|س|ج|سوال|جواب)\s?[:：]")
_QA_HEADING_MAX_WORDS = 8


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
    kinds = {"future"} if trigger.future_clitic else set()
    for cue in cues:
        if cue.entry.kind in DROPPING_KINDS | {"future"} and _governs(cue, trigger, text, clause_start):
            kinds.add(cue.entry.kind)
    if "hypothetical" in kinds or "opinion" in kinds:
        return Modality.DROPPED
    if "negation" in kinds:
        return Modality.REFUSED if "future" in kinds or _refusing(cues, trigger) else Modality.DROPPED
    return Modality.FUTURE if "future" in kinds else Modality.FACT


def _refusing(cues: Sequence[Match[Cue]], trigger: Match[Trigger]) -> bool:
    """«لن» is a future negation on its own."""
    return any(c.entry.value == "future" and c.end <= trigger.start for c in cues)


def _governs(cue: Match[Cue], trigger: Match[Trigger], text: str, clause_start: int) -> bool:
    window = cue.entry.window
    if window == 0:
        return True
    if window < 0:  # after the trigger: French "ne ... pas"
        return cue.start >= trigger.head_end and text.count(" ", trigger.head_end, cue.start) <= -window
    if cue.end > trigger.start or cue.start < clause_start:
        return False
    return text.count(" ", cue.end, trigger.start) < window
