"""Reading time of a lesson body, in whole minutes, at the rates the course gives each language.

Text is counted in two kinds of units: Latin-script words, and characters of scripts written without spaces
between words (Hangul syllables, kana, CJK ideographs). Each language sets a rate for each (mkdocs.yml,
`extra.course.languages`). The defaults, 200 words and 430 characters a minute, are this course's: 200 words a
minute is a common figure for careful reading of technical prose (below the ~240 measured for general non-fiction);
430 Hangul syllables a minute was calibrated on the ten paired lessons, whose Korean versions carry 2.05 to 2.29
syllables per English word (mean 2.15), so that the same substance reads in the same time. Korean text counts a
Latin word as two syllables' worth (215 words a minute). Code blocks and math count too, since readers read them.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

_NOT_CHARACTERS = re.compile(r"[^\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff]+")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
# Figure specs are not read; self-check questions and collapsed worked answers are exercises, done after the reading.
_FIGURE_BLOCK = re.compile(r"^```(?:figure|question)\n.*?^```", re.DOTALL | re.MULTILINE)
_WORKED_ANSWER = re.compile(r'^(?P<indent> *)\?\?\? answer\b.*?(?=^(?!(?P=indent) {4}|\s*$)|\Z)', re.DOTALL | re.MULTILINE)


def reading_units(body: str) -> tuple[int, int]:
    """(Latin words, space-less-script characters) in the body; figure specs, questions and worked answers left out."""
    text = _WORKED_ANSWER.sub("", _FIGURE_BLOCK.sub("", body) + "\n")
    # Characters counted as what is left once everything else is removed: one pass over long runs, not a match each.
    characters = 0 if text.isascii() else len(_NOT_CHARACTERS.sub("", text))
    return len(_WORD.findall(text)), characters


def estimate_minutes(body: str, *, words_per_minute: int, characters_per_minute: int) -> int:
    """Minutes to read the body at the given rates, at least 1."""
    words, characters = reading_units(body)
    # Exact fractions: a body right at a minute's boundary must not tip over through rounding.
    return max(1, math.ceil(Fraction(words, words_per_minute) + Fraction(characters, characters_per_minute)))
