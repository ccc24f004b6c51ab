"""Arabic person names with no title and no gazetteer row: «إبراهيم صالحة», «عبد الحنان».

    phrases = untitled_names(phrases, folded.text)     # before `marsad.phrases.compose`

A name starts with a given name of `data/actors/given_names_ar.txt` or with «عبد» and the word
after it, and takes up to two more name words (a definite word only as a closing nisba,
«المسيري»); it needs two words at least. It is a person with no code and sector CVL (PLOVER:
a private person); a title next to it («النائب أنطوان X», «محمد X عمدة المدينة») makes it that
role's holder (`marsad.phrases`).
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from marsad.normalize import fold_text
from marsad.phrases import Phrase, name_stopwords

_WORD = re.compile(r"[^\W\d_]+")
_CLITIC = "و"


@functools.cache
def _given_names() -> frozenset[str]:
    path = resources.files("marsad") / "data" / "actors" / "given_names_ar.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold_text(w.strip()) for w in lines if w.strip() and not w.startswith("#"))


@functools.cache
def _first_words() -> frozenset[str]:
    """Every word `_name_at` can start a name with: a given name, with «و» or not, and «عبد»."""
    names = _given_names()
    return names | {_CLITIC + name for name in names} | {"عبد", _CLITIC + "عبد"}


def untitled_names(phrases: list[Phrase], text: str) -> list[Phrase]:
    """Add a person phrase for each untitled name in the gaps between the gazetteer's phrases."""
    if _first_words().isdisjoint(_WORD.findall(text)):  # one C-level pass: most sentences stop here
        return phrases
    names = _given_names()
    words = list(_WORD.finditer(text))
    taken = [(p.start, p.end) for p in phrases]
    # a name right after a title or its demonym is the title's («نظيره المصري بدر عبد X»)
    titled = [p.end for p in phrases if "title" in p.flags or p.kind in ("demonym", "country", "generic")]
    found: list[Phrase] = []
    index = 0
    while index < len(words):
        span = _name_at(words, index, text, names)
        if (
            span
            and not any(s < span[1] and span[0] < e for s, e in taken)
            and not _after_title(span[0], titled, text)
        ):
            start, end, count = span
            found.append(Phrase(start, end, "person", "", "CVL", flags=_UNTITLED, name_start=start))
            index += count
        else:
            index += 1
    return sorted(phrases + found, key=lambda p: p.start) if found else phrases


_UNTITLED = frozenset({"untitled"})


def _name_at(
    words: list[re.Match[str]], index: int, text: str, names: frozenset[str]
) -> tuple[int, int, int] | tuple[()]:
    """(start, end, word count) of a name starting at `words[index]`, or () when none does."""
    first = words[index]
    token, start = first.group(), first.start()
    if token.startswith(_CLITIC) and token[1:] in names:
        token, start = token[1:], start + 1  # «وإبراهيم»
    head = 2 if token in ("عبد", "وعبد") and index + 1 < len(words) else 1
    if head == 1 and token not in names:
        return ()
    if head == 2 and token == "وعبد":
        start += 1
    parts = [first] if head == 1 else [first, words[index + 1]]
    for match in words[index + head : index + head + 3 - head]:
        if not _follows(parts[-1], match, text) or not _is_name_word(match.group()):
            break
        parts.append(match)
        if match.group().startswith("ال"):
            break  # a nisba closes the name
    return (start, parts[-1].end(), len(parts)) if len(parts) >= 2 else ()


def _after_title(start: int, ends: list[int], text: str) -> bool:
    return any(end <= start and len(text[end:start].split()) <= 1 for end in ends)


def _follows(previous: re.Match[str], match: re.Match[str], text: str) -> bool:
    return text[previous.end() : match.start()] == " "


def _is_name_word(word: str) -> bool:
    """Not a function word, an adverb or noun in the accusative («هاتفيا»), a dual or plural verb
    or noun («يبحثان», «مسلحون»); a definite word only as a nisba («المسيري»)."""
    if word in name_stopwords() or len(word) < 3:
        return word in _given_names()
    if word in _given_names():
        return True
    if word.endswith(("ا", "ان", "ون", "ين")):
        return False
    return not word.startswith("ال") or (word.endswith("ي") and len(word) > 4)
