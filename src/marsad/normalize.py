"""Text folding for matching in three scripts, with a map back to the original offsets.

Gazetteers and trigger lexicons match on folded text: lower case, Latin accents
removed, Arabic diacritics and tatweel dropped, alef/yaa/taa-marbuta/hamza-carrier
forms unified, Eastern Arabic digits made ASCII. Folding works character by
character (a character maps to one character or to none), so every folded
offset maps back to an offset in the original text and evidence spans stay exact.

Written by hand because the folding must keep that offset map; pyarabic and
camel-tools normalise whole strings and lose it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Arabic harakat, tanwin, shadda, sukun, superscript alef, Quranic marks, and tatweel.
_ARABIC_DROP = {chr(c) for c in range(0x0610, 0x061B)} | {chr(c) for c in range(0x064B, 0x0660)}
_ARABIC_DROP |= {"\u0670", "\u0640"} | {chr(c) for c in range(0x06D6, 0x06EE)}

_ARABIC_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    "ک": "ك",
    "ی": "ي",
    "\u060c": ",",  # Arabic comma
    "\u061b": ";",  # Arabic semicolon
    "\u061f": "?",  # Arabic question mark
    "«": '"',
    "»": '"',
}
_ARABIC_MAP |= {chr(0x0660 + d): str(d) for d in range(10)}  # Eastern Arabic digits
_ARABIC_MAP |= {chr(0x06F0 + d): str(d) for d in range(10)}  # Persian digits
_LATIN_MAP = {"’": "'", "‘": "'", "ʼ": "'", "œ": "oe", "æ": "ae", "ß": "ss", "\u00a0": " "}


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """Fold one character to at most one character ("" when it is dropped)."""
    if char in _ARABIC_DROP:
        return ""
    mapped = _ARABIC_MAP.get(char) or _LATIN_MAP.get(char)
    if mapped is not None:
        return mapped[:1] if len(mapped) > 1 else mapped
    lowered = char.lower()
    if len(lowered) != 1:
        return char
    if "\u00c0" <= lowered <= "\u024f":  # Latin with diacritics: é -> e
        base = unicodedata.normalize("NFD", lowered)[0]
        return base
    return lowered


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text and, for each folded character, its offset in the original."""

    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span [start, end) back to the original text."""
        if start >= end:
            origin = self.offsets[start] if start < len(self.offsets) else self._end()
            return origin, origin
        return self.offsets[start], self.offsets[end - 1] + 1

    def _end(self) -> int:
        return self.offsets[-1] + 1 if self.offsets else 0


class _FoldTable(dict[int, str | None]):
    """`str.translate` table that fills itself from `fold_char`: one C-level pass per text."""

    def __missing__(self, code: int) -> str | None:
        folded = fold_char(chr(code)) or None
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str, base: int = 0) -> Folded:
    """Fold `text`; offsets are shifted by `base` (the text's offset in its article)."""
    folded = text.translate(_FOLD_TABLE)
    if len(folded) == len(text):  # nothing dropped: offsets are the positions themselves
        return Folded(folded, tuple(range(base, base + len(text))))
    kept = tuple(base + i for i, char in enumerate(text) if _FOLD_TABLE[ord(char)] is not None)
    return Folded(folded, kept)


def fold_text(text: str) -> str:
    """Fold without the offset map: for building gazetteer and lexicon keys."""
    return text.translate(_FOLD_TABLE)
