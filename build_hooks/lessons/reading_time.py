"""Reading time of a lesson body, in whole minutes.

English is counted in words at 200 a minute (a common figure for careful reading of technical prose, below the
~240 words a minute measured for general non-fiction). Korean is not delimited into words the way English is,
so it is counted in Hangul syllables (plus two per Latin-script term) at 430 a minute. That rate is calibrated on
this course's ten paired lessons, whose Korean versions carry 2.05 to 2.29 such units per English word (mean 2.15):
it reads the same substance in the same time as the English rate. A test keeps each pair within two minutes.
Code blocks and math count as reading too, at the same rates, since readers do read them.
"""

from __future__ import annotations

import math
import re

RATES = {"en": 200, "ko": 430}
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
_FIGURE_BLOCK = re.compile(r"^```figure\n.*?^```", re.DOTALL | re.MULTILINE)


def reading_units(body: str, lang: str) -> int:
    """Words (English) or Hangul syllables plus Latin words (Korean) in the body, figure specs left out."""
    text = _FIGURE_BLOCK.sub("", body)
    if lang == "ko":
        # Latin-script terms inside Korean text (DDPM, U-Net) cost about as much as two syllables each.
        return len(_HANGUL.findall(text)) + 2 * len(_WORD.findall(text))
    return len(_WORD.findall(text))


def estimate_minutes(body: str, lang: str) -> int:
    """Minutes to read the body at the language's rate, at least 1."""
    rate = RATES.get(lang, RATES["en"])
    return max(1, math.ceil(reading_units(body, lang) / rate))
