"""The PLOVER ontology: event types, modes, contexts, quad classes and scores.

Pinned to openeventdata/PLOVER @ 5e0c24f (standards.md section 1). Where the manual
contradicts itself we decide here, once (see docs/decisions.md):

- SANCTION is MATERIAL CONFLICT (quad 4): its own section says so, and CAMEO 16
  "reduce relations" sits in quad 4.
- ACCUSE's base score is -3, not the table's "3" (a typo among negative mode scores).
- Recipient requirements follow the per-section "Requires recipient" lines.
- The dev sets' YIELD (the older name) maps to RETREAT for material yields and
  CONCEDE for verbal ones; when it cannot be told apart, RETREAT.
"""

from __future__ import annotations

QUAD_NAMES = {
    1: "VERBAL COOPERATION",
    2: "MATERIAL COOPERATION",
    3: "VERBAL CONFLICT",
    4: "MATERIAL CONFLICT",
}

QUAD: dict[str, int] = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}

EVENT_TYPES: tuple[str, ...] = tuple(QUAD)

BASE_SCORE: dict[str, float] = {
    "AGREE": 2.5,
    "CONSULT": 2.5,
    "SUPPORT": 5.0,
    "CONCEDE": 4.5,
    "COOPERATE": 9.5,
    "AID": 10.0,
    "RETREAT": 6.5,
    "REQUEST": 0.0,
    "ACCUSE": -3.0,
    "REJECT": -2.0,
    "THREATEN": -3.5,
    "PROTEST": -5.0,
    "SANCTION": -6.0,
    "MOBILIZE": -5.5,
    "COERCE": -7.0,
    "ASSAULT": -9.0,
}

_REQUEST_MODES = {"assist": 0.5, "change": -1.0, "yield": -1.0, "meet": 0.0}
_REJECT_MODES = {"assist": -1.5, "change": -2.0, "yield": -2.0, "meet": -2.0}

MODE_SCORE: dict[str, dict[str, float | None]] = {
    "AGREE": {},
    "CONSULT": {"visit": 4.0, "third-party": 1.0, "multilateral": 4.0, "phone": 1.5},
    "SUPPORT": {},
    "CONCEDE": {},
    "COOPERATE": {},
    "AID": {},
    "RETREAT": {
        "withdraw": 8.0,
        "release": 6.5,
        "disarm": 10.0,
        "ceasefire": 7.5,
        "access": 6.5,
        "resign": 4.5,
    },
    "REQUEST": dict(_REQUEST_MODES),
    "ACCUSE": {"disapprove": -2.0, "investigate": -3.5, "allege": -3.5},
    "REJECT": dict(_REJECT_MODES),
    "THREATEN": {
        "restrict": -3.0,
        "arrest": -3.5,
        "relations": -3.5,
        "expel": -3.5,
        "territory": -4.0,
        "violence": -3.5,
    },
    "PROTEST": {
        "demo": -5.0,
        "riot": -7.0,
        "strike": -5.0,
        "hunger": -4.5,
        "boycott": -4.5,
        "obstruct": -4.5,
        "vandalize": None,  # the manual gives no score
    },
    "SANCTION": {"convict": -6.0, "expel": -5.5, "withdraw": -6.0, "discontinue": -6.0},
    "MOBILIZE": {"troops": -6.5, "weapons": -6.5, "police": -5.5, "militia": -6.0},
    "COERCE": {
        "seize": -7.0,
        "restrict": -7.0,
        "censor": -6.5,
        "curfew": -6.5,
        "martial-law": -7.5,
        "arrest": -7.0,
        "deport": -7.0,
        "withhold": -7.0,
        "misinformation": -6.5,
        "cyber": -7.0,
    },
    "ASSAULT": {
        "abduct": -8.5,
        "beat": -7.5,
        "torture": -8.5,
        "sexual": -8.5,
        "targeted": -9.5,
        "destroy": -8.5,
        "primitive": -8.0,
        "firearms": -9.0,
        "explosives": -9.0,
        "suicide-attack": -9.5,
        "aerial": -9.5,
        "drone": -9.5,
        "heavy-weapons": -9.5,
        "crowd-control": -7.5,
        "unconventional": -10.0,
    },
}

CONTEXTS: frozenset[str] = frozenset(
    [
        "military",
        "intelligence",
        "executive",
        "legislative",
        "election",
        "political_institutions",
        "pro_democracy",
        "pro_autocracy",
        "economic",
        "legal",
        "reparations",
        "human_rights",
        "rights_freedoms",
        "repression",
        "human_security",
        "gender",
        "lgbt",
        "religion_ethnicity",
        "inequality",
        "diplomatic",
        "territory",
        "peacekeeping",
        "health",
        "asylum",
        "migration",
        "disasters",
        "natural_resource",
        "environment",
        "technology",
        "terrorism",
        "cbrn",
        "cyber",
        "misinformation",
        "crime",
        "corruption",
        "illegal_drugs",
        "trafficking",
    ]
)

REQUIRES_RECIPIENT: frozenset[str] = frozenset({"COOPERATE", "AID", "SANCTION"})

# Country-like codes that are not ISO 3166 states (standards.md 1.6).
INTERNATIONAL_CODES: frozenset[str] = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS"})

SECTORS: frozenset[str] = frozenset(
    [
        "COP",
        "GOV",
        "JUD",
        "LEG",
        "MIL",
        "PRM",
        "PTY",
        "REB",
        "SPY",
        "UAF",
        "UNK",
        "AGR",
        "BUS",
        "CRM",
        "CVL",
        "EDU",
        "ELI",
        "JRN",
        "LAB",
        "MED",
        "OPP",
        "PRE",
        "REL",
        "SOC",
        "REF",
    ]
)

# The dev sets use the older PLOVER name YIELD.
LEGACY_TYPES = {"YIELD": "RETREAT"}


def quad_code(event: str) -> int:
    """The quad class (1-4) of a PLOVER event type."""
    return QUAD[event]


def event_scale(event: str, modes: tuple[str, ...] = ()) -> float:
    """The PLOVER score: the most intense scored mode, else the type's base score."""
    scores = [s for m in modes if (s := MODE_SCORE[event].get(m)) is not None]
    if not scores:
        return BASE_SCORE[event]
    return min(scores) if BASE_SCORE[event] < 0 else max(scores)


def valid_modes(event: str) -> frozenset[str]:
    return frozenset(MODE_SCORE[event])
