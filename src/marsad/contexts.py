"""PLOVER contexts of an event: from its participants, its type and mode, and sentence cues.

- military: a state military actor or recipient (sector MIL).
- intelligence: a state intelligence actor (SPY).
- diplomatic: a verbal event (quads 1 and 3) or a SANCTION between governments or
  international organisations of different countries.
- cyber / misinformation: implied by the COERCE modes of the same name.
- legal: a court conviction (SANCTION convict) or a judicial actor.
- anything else (terrorism, human_rights, migration, health, ...): `context` cues in
  `cues.tsv` found in the sentence ("ISIS", «داعش», "réfugiés").
"""

from __future__ import annotations

from collections.abc import Iterable

from marsad import plover
from marsad.model import Entity

_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "SPY", ""})
_INTERNATIONAL = frozenset({"IGO", "UNO", "EUR"})
_MODE_CONTEXTS = {"cyber": "cyber", "misinformation": "misinformation", "convict": "legal"}


def event_contexts(
    event: str,
    modes: Iterable[str],
    actor: tuple[Entity, ...],
    recipient: tuple[Entity, ...],
    cue_contexts: Iterable[str],
) -> tuple[str, ...]:
    """The sorted, valid PLOVER contexts for one event."""
    found = set(cue_contexts)
    sectors = {e.sector for e in actor + recipient}
    if "MIL" in sectors:
        found.add("military")
    if "SPY" in sectors:
        found.add("intelligence")
    if "JUD" in sectors:
        found.add("legal")
    found.update(_MODE_CONTEXTS[m] for m in modes if m in _MODE_CONTEXTS)
    if _diplomatic(event, actor, recipient):
        found.add("diplomatic")
    return tuple(sorted(found & plover.CONTEXTS))


def _diplomatic(event: str, actor: tuple[Entity, ...], recipient: tuple[Entity, ...]) -> bool:
    if plover.quad_code(event) not in (1, 3) and event != "SANCTION":
        return False
    parties = actor + recipient
    if not all(_official(e) for e in parties):
        return False
    return len({e.code for e in parties if e.code}) >= 2


def _official(entity: Entity) -> bool:
    return entity.code in _INTERNATIONAL or (entity.sector in _STATE_SECTORS and bool(entity.code))
