"""Unnamed protesters: a protest told by its crowd, with no group named.

«خرجت أمس مظاهرات في عدة مدن», «تظاهر الآلاف في العاصمة», «تجددت المظاهرات»: a PROTEST
trigger whose sentence names no actor, but says that people took part or that the protest
itself broke out. The `crowd` cues of cues.tsv carry that sign (a crowd count such as
«آلاف» or «مئات», a verb whose subject is the protest such as «خرجت» or «اندلعت»). PLOVER
codes what can be known: the actor is the civilians (code "", sector CVL).

A protest acted on by the state («فرقت الشرطة مظاهرة», «قمع الاحتجاجات») has no crowd cue:
the sentence reports the crackdown, and the protest's own report is elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.lexicon import Cue, Match, Trigger
from marsad.modality import cue_near
from marsad.model import Entity

UNNAMED_PROTESTERS = Entity(code="", sector="CVL", entity_text="(unnamed protesters)")
CROWD_KIND = "crowd"


def crowd_protest(trigger: Match[Trigger], cues: Sequence[Match[Cue]], text: str) -> bool:
    """Whether a crowd cue of the trigger's type stands within its window of the trigger."""
    return any(
        cue.entry.kind == CROWD_KIND
        and trigger.entry.event in cue.entry.value.split("|")
        and cue_near(cue, trigger, text)
        for cue in cues
    )


def names_crowd(cues: Sequence[Match[Cue]]) -> bool:
    """Whether the sentence has a crowd cue at all: it may report a protest with no actor mention."""
    return any(cue.entry.kind == CROWD_KIND for cue in cues)
