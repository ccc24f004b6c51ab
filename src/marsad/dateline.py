"""Datelines: "BAGHDAD, Oct 14 (Tigris Wire) - ", «بغداد - (وكالة الرافدين) - », "BAGDAD (AFP) - ".

A dateline names where and when the story was filed. Its place is not an actor and
its date is the publication's, so the stages that read a sentence start after it.
"""

from __future__ import annotations

import re

# Up to ~80 characters without sentence punctuation, ending in a spaced dash, optionally
# followed by a parenthesised agency and a second dash (the Arabic wire style).
_DATELINE = re.compile(r"^[^.!?\n]{0,80}?\s[-–—]\s(?:\([^()\n]{1,60}\)\s[-–—]\s)?")


def dateline_end(sentence: str) -> int:
    """The offset where the sentence proper starts: 0 when it has no dateline."""
    match = _DATELINE.match(sentence)
    return match.end() if match else 0
