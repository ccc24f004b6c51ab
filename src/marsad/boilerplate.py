"""Line-level cleaning of article text: page furniture out, hard-wrapped lines joined.

    clean_text(text) -> str      # the text Marsad codes
    is_boilerplate(line) -> bool

Boilerplate rules live in data/read/boilerplate.tsv (English, French and Arabic):
share bars, "Read more:" links, newsletter and cookie prompts, copyright lines,
photo credits, bare URLs and hashtag lines. A rule only ever removes a whole line,
so a real sentence that merely uses the same words mid-sentence stays.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib.resources import files

from marsad.normalize import fold_char, fold_text

MAX_RULE_LINE = 200  # prefix and contains rules apply to lines at most this long

# Invisible characters (zero-width, bidi controls, BOM) that only get in the way of matching.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_DECORATION = " \t|•·*>:-–—_=~»«\"'"
_SENTENCE_END = tuple('.!?؟…:;»"”)')
_CLAUSE_END = tuple(",،;؛")


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    """The rules of boilerplate.tsv, one folded alternation per kind (one regex call per kind)."""

    line: re.Pattern[str]  # the whole line must match
    prefix: re.Pattern[str]  # the line must start with a match
    contains: re.Pattern[str]  # the line must contain a match

    def match(self, folded_line: str) -> bool:
        if self.line.fullmatch(folded_line):
            return True
        if len(folded_line) > MAX_RULE_LINE:
            return False
        return bool(self.prefix.match(folded_line) or self.contains.search(folded_line))


def clean_text(text: str) -> str:
    """Normalise line breaks and spaces, drop boilerplate lines, join hard-wrapped lines.

    Paragraphs come out separated by one blank line; lines within a paragraph by one newline.
    """
    text = _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    lines = ["" if line and is_boilerplate(line) else line for line in lines]
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if not line:
            if paragraphs[-1]:
                paragraphs.append([])
        elif paragraphs[-1] and _continues(paragraphs[-1][-1], line):
            paragraphs[-1][-1] += " " + line
        else:
            paragraphs[-1].append(line)
    return "\n\n".join("\n".join(p) for p in paragraphs if p)


def is_boilerplate(line: str) -> bool:
    """True when the whole line is page furniture in English, French or Arabic."""
    trimmed = line.strip(_DECORATION)
    if not trimmed:
        return bool(line.strip())  # a rule of dashes, a lone bullet
    if len(trimmed) > MAX_RULE_LINE:  # only whole-line rules (URL and hashtag lines) can match: no folding
        return boilerplate_rules().line.fullmatch(trimmed.lower()) is not None
    folded = _SPACES.sub(" ", fold_text(trimmed)).strip(_DECORATION)
    if not folded:
        return True
    return boilerplate_rules().match(folded)


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped line: the previous one stops mid-sentence and this one goes on."""
    if previous.endswith(_SENTENCE_END):
        return False
    return line[0].islower() or previous.endswith(_CLAUSE_END)


@functools.cache
def boilerplate_rules() -> BoilerplateRules:
    """The rules of data/read/boilerplate.tsv, compiled once."""
    data = files("marsad") / "data" / "read" / "boilerplate.tsv"
    patterns: dict[str, list[str]] = {"line": [], "prefix": [], "contains": []}
    for line in data.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, pattern = line.split("\t", 1)
            patterns[kind].append(f"(?:{_fold_pattern(pattern)})")
    compiled = {kind: re.compile("|".join(found), re.IGNORECASE) for kind, found in patterns.items()}
    return BoilerplateRules(**compiled)


def _fold_pattern(pattern: str) -> str:
    # Fold only the letters outside ASCII: ASCII holds the regex syntax (\S, \d) that lowering would break.
    return "".join(char if char.isascii() else fold_char(char) for char in pattern)
