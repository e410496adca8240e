"""How the word before a Korean particle ends when read aloud: a vowel, ㄹ, or another final consonant.

Korean picks the particle by that sound ("DDIM을" but "DDPM을", "SNR로" but "t = 260으로"). Formulas, numbers,
acronyms and a few English names are read the way Korean engineers read them aloud. One reading is fixed
course-wide where two are common: a subscript 0 is read 제로 ("$x_0$가"). Unknown endings give None: the checker
then says nothing rather than guess.
"""

from __future__ import annotations

import re

from coursekit import content

VOWEL, RIEUL, CONSONANT = "vowel", "rieul", "consonant"

# Digit names as read at the end of a number: 일 and 칠, 팔 end in ㄹ; 영, 삼, 육 in another consonant.
_DIGITS = {"0": CONSONANT, "1": RIEUL, "2": VOWEL, "3": CONSONANT, "4": VOWEL, "5": VOWEL, "6": CONSONANT,
           "7": RIEUL, "8": RIEUL, "9": VOWEL}
# Latin letters as spelled out: 엘, 알 end in ㄹ; 엠, 엔 in another consonant; the rest in a vowel.
_LETTERS = {**{c: VOWEL for c in "abcdefghijkopqstuvwxyz"}, "l": RIEUL, "r": RIEUL, "m": CONSONANT,
            "n": CONSONANT}
_GREEK = {"alpha": VOWEL, "beta": VOWEL, "gamma": VOWEL, "delta": VOWEL, "epsilon": CONSONANT,
          "varepsilon": CONSONANT, "eta": VOWEL, "theta": VOWEL, "lambda": VOWEL, "mu": VOWEL, "nu": VOWEL,
          "pi": VOWEL, "rho": VOWEL, "sigma": VOWEL, "tau": VOWEL, "phi": VOWEL, "psi": VOWEL, "omega": VOWEL,
          "xi": VOWEL, "kappa": VOWEL, "infty": VOWEL, "max": VOWEL, "min": CONSONANT, "ell": RIEUL}
# Words that are not read letter by letter (lower case keys): a few any course meets; a course adds its own
# vocabulary through its content module (coursekit.content: korean_words).
_WORDS = {"et": VOWEL, "al": RIEUL, "%": VOWEL, "kb": VOWEL, "db": RIEUL, "numpy": VOWEL, "python": CONSONANT}


def _word(key: str) -> str | None:
    return _WORDS.get(key) or content.active().korean_words.get(key)


def hangul_final(syllable: str) -> str | None:
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return None
    final = code % 28
    return VOWEL if final == 0 else RIEUL if final == 8 else CONSONANT


def number_final(number: str) -> str | None:
    """12 → 이, 260 → 십, 1000 → 천, 0.01 → 일, 0.20 → 영 (decimals are read digit by digit)."""
    number = number.replace(",", "")
    if not re.fullmatch(r"\d+(\.\d+)?", number):
        return None
    if "." in number:
        return _DIGITS[number[-1]]
    stripped = number.lstrip("0") or "0"
    if stripped == "0":
        return CONSONANT  # 영
    if stripped.endswith("0"):
        return CONSONANT  # 십, 백, 천, 만
    return _DIGITS[stripped[-1]]


def word_final(word: str) -> str | None:
    """An English word, acronym or number as it is read: DDIM → 엠, SNR → 알, numpy → 넘파이, v1 → 일."""
    key = word.lower()
    if _word(key):
        return _word(key)
    if re.fullmatch(r"[\d.,]+", word):
        return number_final(word)
    tail = re.search(r"(\d+(?:\.\d+)?)$", word)
    if tail:  # "v1", "CIFAR-10", "DPM-Solver-2"
        return number_final(tail.group(1))
    part = re.split(r"[-\s]", word)[-1]
    if _word(part.lower()):
        return _word(part.lower())
    if re.fullmatch(r"[A-Z]{2,}", part) or re.fullmatch(r"[A-Za-z]", part):
        return _LETTERS[part[-1].lower()]
    return None


def math_final(tex: str) -> str | None:
    """The end of an inline formula as read aloud: $x_0$ → 제로, $s^2$ → 제곱, $t = 260$ → 십, $\\sigma_t$ → 티."""
    tex = re.sub(r"\\[,;!: ]|\\quad|\\right|\\left|\\big|\\Big", " ", tex).strip()
    tex = tex.rstrip()
    while tex.endswith(")") or tex.endswith("]"):  # SNR(t), p(x | c): read by what is inside the brackets
        tex = tex[:-1].rstrip()
    # A trailing group {…} or a command argument: look at its content.
    while tex.endswith("}"):
        i = _opening(tex, "{}")
        inner, before = tex[i + 1:-1].strip(), tex[:i].rstrip()
        if before.endswith("^"):
            return CONSONANT if inner == "2" else None  # 제곱; other powers are read variously
        if before.endswith("_") and inner == "0":
            return VOWEL  # 제로, the course-wide reading of a subscript 0
        if re.search(r"\\(mathrm|text|operatorname)$", before) and inner:
            return word_final(inner.split()[-1])
        tex = inner if inner else before
    if "/" in _top_level(tex):
        return None  # a/b is read both "b분의 a" and "a 나누기 b"
    if re.search(r"\^2$", tex):
        return CONSONANT
    if re.search(r"_0$", tex):
        return VOWEL
    if re.search(r"\^", tex[-3:]):
        return None  # other powers: read variously
    command = re.search(r"\\([A-Za-z]+)$", tex)
    if command:
        return _GREEK.get(command.group(1))
    number = re.search(r"(\d+(?:\.\d+)?)$", tex)
    if number:
        return number_final(number.group(1))
    letter = re.search(r"([A-Za-z])$", tex)
    if letter:
        return _LETTERS[letter.group(1).lower()]
    return None


def _opening(text: str, pair: str) -> int:
    """Where the bracket that closes `text` (pair[1], its last character) is opened; -1 when it never is."""
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        depth += (text[i] == pair[1]) - (text[i] == pair[0])
        if depth == 0:
            return i
    return -1


def _top_level(tex: str) -> str:
    """`tex` with everything inside braces blanked, so only top-level operators remain visible."""
    out, depth = [], 0
    for ch in tex:
        depth -= ch == "}"
        out.append(ch if depth == 0 else " ")
        depth += ch == "{"
    return "".join(out)


def final_before(text: str) -> str | None:
    """How the text just before a particle ends when read aloud, or None when it cannot tell."""
    text = text.rstrip()
    if not text:
        return None
    if text.endswith("$"):
        start = text.rfind("$", 0, len(text) - 1)
        return math_final(text[start + 1:-1]) if start >= 0 else None
    if text.endswith(")"):
        # "디노이저(denoiser)를": the particle goes with the word before the parenthesis.
        i = _opening(text, "()")
        if i <= 0 or text[i - 1].isspace():
            return None
        inside = text[i + 1:-1]
        if re.fullmatch(r"[A-Za-z0-9_\\]{1,3}", inside) and not "\uac00" <= text[i - 1] <= "\ud7a3":
            return final_before(inside)  # "SNR(t)는": a short argument is read last
        return final_before(text[:i])  # "Ho(2021)는", "DDPM(1000 스텝)으로": a gloss; read the word before it
    if "\uac00" <= text[-1] <= "\ud7a3":
        return hangul_final(text[-1])
    if re.search(r"[A-Za-z]_\{?0\}?$", text):  # x_0 written without $…$: the course reads it 엑스 제로
        return VOWEL
    fraction = re.search(r"(\d+)/\d+$", text)
    if fraction:  # 1/2 is read 이분의 일
        return number_final(fraction.group(1))
    word = re.search(r"([A-Za-z0-9][A-Za-z0-9.,%\-]*)$", text)
    if word:
        return word_final(word.group(1).rstrip(".,"))
    return None


# Particle pairs: the form after a consonant, the form after a vowel. After ㄹ, 으로 becomes 로; the rest follow the
# consonant form.
PAIRS: dict[str, str] = {
    "은": "는", "이": "가", "을": "를", "과": "와", "과는": "와는", "과의": "와의", "으로": "로", "으로는": "로는",
    "으로도": "로도", "으로서": "로서", "으로써": "로써", "으로의": "로의", "이나": "나", "이면": "면", "이라": "라",
    "이라면": "라면", "이라는": "라는", "이라고": "라고", "이든": "든", "이므로": "므로", "이지만": "지만", "이란": "란",
    "이어서": "여서", "이었": "였",
}
_RO = {"으로", "으로는", "으로도", "으로서", "으로써", "으로의"}


# Forms of the copula 이다: after a vowel both the full and the contracted form are standard ("2이면" and "2면"), so
# only the contracted form after a consonant is wrong ("260면").
COPULA = {"이면", "이라", "이라면", "이라는", "이라고", "이므로", "이지만", "이란", "이어서", "이었"}


def right_particle(particle: str, final: str) -> str:
    """The form of `particle` that follows a word ending in `final`."""
    if particle in COPULA and final == VOWEL:
        return particle
    for after_consonant, after_vowel in PAIRS.items():
        if particle in (after_consonant, after_vowel):
            if final == VOWEL or (final == RIEUL and after_consonant in _RO):
                return after_vowel
            return after_consonant
    return particle
