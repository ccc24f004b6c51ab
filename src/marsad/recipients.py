"""Recipients: who an event is done to, from the sentence and from what the article said before.

- Named in the sentence (marsad.direction), cleaned by marsad.participants, with an uncoded
  participant recalled from earlier sentences (marsad.antecedents.remembered).
- Referred to: "condemned the attack", "welcomed the step" take the actor of the act named,
  when the trigger's object slot holds no participant (`referred_recipient`).
- Implied: a visit's host ("arrived in Baghdad": IRQ GOV); a protest, or a civilians' demand,
  with no target goes to the protesters' own government (docs/decisions.md); a curfew with no
  one named binds the home civilians.
A recipient that repeats an actor's (code, sector) is dropped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from marsad.antecedents import ANAPHORA_TAKERS, anaphor_in, referred_actor, remembered
from marsad.direction import Placed, Roles
from marsad.event_scope import Scope
from marsad.model import Entity, Mention
from marsad.participants import NOT_COUNTRIES, specific_side, with_home

# Civilians whose demand with no named addressee goes to their government.
CIVIL_SECTORS = frozenset({"CVL", "LAB", "EDU"})
# Restrictions that bind everyone in a place: with no one named, the home civilians bear them.
RESTRICTION_MODES = frozenset({"curfew"})


def recipient_side(
    event: str,
    modes: Sequence[str],
    roles: Roles,
    actor: tuple[Entity, ...],
    scope: Scope,
    referred: tuple[Entity, ...] = (),
) -> tuple[Entity, ...]:
    """The recipient side: named in the sentence, else referred to, else implied by the event."""
    named = remembered(scope.recent, specific_side(side_entities(roles.recipient)))
    recipient = referred or with_home(named, scope.home)
    if not recipient and roles.place is not None and event == "CONSULT" and "visit" in modes:
        recipient = _host(roles.place, actor)
    if not recipient and _addresses_the_state(event, actor):
        recipient = _protested_government(actor, scope.home)
    if not recipient and event == "COERCE" and RESTRICTION_MODES.intersection(modes) and scope.home:
        # "decreed a curfew in the city": the people living there (PLOVER: home civilians)
        recipient = (Entity(code=scope.home, sector="CVL", entity_text="(civilians)"),)
    return tuple(e for e in recipient if (e.code, e.sector) not in {(a.code, a.sector) for a in actor})


def _addresses_the_state(event: str, actor: Sequence[Entity]) -> bool:
    """A protest, or civilians' demand, that names no target (docs/decisions.md)."""
    return event == "PROTEST" or (event == "REQUEST" and any(e.sector in CIVIL_SECTORS for e in actor))


def _protested_government(actor: Sequence[Entity], home: str) -> tuple[Entity, ...]:
    """A protest with no named target is against the protesters' own government (docs/decisions.md)."""
    if any(e.sector == "GOV" for e in actor):
        return ()  # a government's "protest" is a diplomatic one, and names its target
    country = next((e.code for e in actor if len(e.code) == 3 and e.code not in NOT_COUNTRIES), home)
    return (Entity(code=country, sector="GOV", entity_text="(government)"),) if country else ()


def referred_recipient(
    event: str, roles: Roles, placed: Sequence[Placed], text: str, window: tuple[int, int], scope: Scope
) -> tuple[Entity, ...]:
    """The actor of an earlier act that a noun after the trigger names ("condemned the attack").

    Only when the trigger's object slot holds no participant: a recipient named far off
    ("welcomed the step, and thanked X for its fight against ISIS") is not its object.
    """
    if event not in ANAPHORA_TAKERS:
        return ()
    named = [p.start for p in placed if p.mention in roles.recipient]
    if named and min(named) < window[1]:
        return ()
    anaphor = anaphor_in(text, scope.language, *window)
    return referred_actor(anaphor, scope.recent, side_entities(roles.actor)) if anaphor else ()


def _host(place: Mention, actor: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """The government of the capital or country visited ("arrived in Baghdad": IRQ GOV)."""
    host = dataclasses.replace(place.entity, sector=place.entity.sector or "GOV")
    return () if any(e.code == host.code for e in actor) else (host,)


def side_entities(mentions: Sequence[Mention]) -> tuple[Entity, ...]:
    """Entities de-duplicated by (code, sector), in text order."""
    seen: set[tuple[str, str]] = set()
    out = []
    for mention in mentions:
        key = (mention.entity.code, mention.entity.sector)
        if key not in seen:
            seen.add(key)
            out.append(mention.entity)
    return tuple(out)
