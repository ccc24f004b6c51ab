"""Datelines: "BAGHDAD, Oct 14 (Tigris Wire) - ", «بغداد - (وكالة الرافدين) - », "BAGDAD (AFP) - ".

A dateline names where and when the story was filed. Its place is not an actor and
its date is the publication's, so the stages that read a sentence start after it.
"""

from __future__ import annotations

import re

# Up to ~80 characters without sentence punctuation, ending in a spaced dash, optionally
# followed by a parenthesised agency and a second dash (the Arabic wire style).
_DATELINE = re.compile(r"^[^.!?\n]{0,80}?\s[-–—]\s(?:\([^()\n]{1,60}\)\s[-–—]\s)?")
_DASH = re.compile(r"\s[-–—]\s")


def dateline_end(sentence: str) -> int:
    """The offset where the sentence proper starts: 0 when it has no dateline.

    Only a place in capitals ("BAGHDAD, Oct 14"), or up to three Arabic words («بغداد»), makes
    a dateline: "The minister - who arrived on Monday - said" has none.
    """
    match = _DATELINE.match(sentence)
    if match is None:
        return 0
    place = _DASH.split(sentence[: match.end()])[0].split()
    first = place[0].strip(",") if place else ""
    latin_caps = first.isupper() and len(first) > 1
    arabic = bool(first) and "\u0600" <= first[0] <= "\u06ff" and len(place) <= 3  # not a headline
    return match.end() if latin_caps or arabic else 0
