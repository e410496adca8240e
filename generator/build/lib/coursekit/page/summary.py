"""A one-line summary (front matter, course.yml) may hold inline math as `$…$`. On the page and the home list it is
HTML with MathML (`summary_html`); in `<meta name="description">` and wherever only text fits it is plain text
(`summary_plain`): the formula read off its MathML, with Unicode sub- and superscripts and accents where they exist,
never TeX's backslashes and braces.

Both are pure functions of the text; the MathML comes from the same converter (and cache) as the lesson body.
"""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as ET

from .mathml import tex_to_mathml

# `$…$` with no `$` inside; `\$` is a literal dollar sign.
_MATH = re.compile(r"(?<!\\)\$(?P<tex>[^$]+?)(?<!\\)\$")
_NS = "{http://www.w3.org/1998/Math/MathML}"
_SUB = dict(zip("0123456789+−-=()aehijklmnoprstuvxβγρφχ", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ"))
_SUP = dict(zip("0123456789+−-=()inT", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁱⁿᵀ"))
_ACCENTS = {"~": "\u0303", "^": "\u0302", "¯": "\u0304", "\u02d9": "\u0307", ".": "\u0307", "→": "\u20d7"}
_BREAKS = set("+−-=/,∣|<>×· ")
_SPACED = {"=", "∣", "|", "<", ">", "≈", "≤", "≥", "≠", "∼", "→", "+", "−", "×"}


class SummaryMathError(ValueError):
    """A summary whose `$…$` does not convert; the message quotes the formula."""


def _split(text: str) -> list[tuple[bool, str]]:
    """(is_math, piece) in order; a lone `$` is text."""
    pieces: list[tuple[bool, str]] = []
    at = 0
    for match in _MATH.finditer(text):
        pieces.append((False, text[at:match.start()]))
        pieces.append((True, match.group("tex")))
        at = match.end()
    pieces.append((False, text[at:]))
    return [(math, piece.replace("\\$", "$") if not math else piece) for math, piece in pieces if piece]


def _grouped(text: str) -> str:
    """The text as one operand: in parentheses when it holds an operator or a space."""
    return f"({text})" if any(ch in _BREAKS for ch in text) else text


def _script(text: str, table: dict[str, str], mark: str) -> str:
    text = text.replace(" ", "")
    if text and all(ch in table for ch in text):
        return "".join(table[ch] for ch in text)
    return mark + (text if len(text) == 1 else f"({text})")


def _plain(node: ET.Element) -> str:
    tag = node.tag.removeprefix(_NS)
    parts = [_plain(child) for child in node]
    if tag in ("mi", "mn", "mtext", "ms"):
        word = (node.text or "").strip()
        return f"{word} " if tag == "mi" and len(word) > 1 else word  # log, exp: a space before what follows
    if tag == "mo":
        op = (node.text or "").strip()
        return ", " if op == "," else f" {op} " if op in _SPACED else op
    if tag == "msub" and len(parts) == 2:
        return parts[0] + _script(parts[1].strip(), _SUB, "_")
    if tag == "msup" and len(parts) == 2:
        return parts[0] + _script(parts[1].strip(), _SUP, "^")
    if tag == "msubsup" and len(parts) == 3:
        return parts[0] + _script(parts[1].strip(), _SUB, "_") + _script(parts[2].strip(), _SUP, "^")
    if tag == "mover" and len(parts) == 2 and parts[1].strip() in _ACCENTS:
        return parts[0] + _ACCENTS[parts[1].strip()]
    if tag == "msqrt":
        return "√" + _grouped("".join(parts).strip())
    if tag == "mfrac" and len(parts) == 2:
        return f"{_grouped(parts[0].strip())}/{_grouped(parts[1].strip())}"
    return "".join(parts)


def tex_plain(tex: str) -> str:
    """A formula as plain text: `q(x_{t-1} \\mid x_t, x_0)` -> 'q(xₜ₋₁ ∣ xₜ, x₀)'."""
    try:
        mathml = tex_to_mathml(tex, display=False)
    except ValueError as error:
        raise SummaryMathError(str(error)) from None
    text = _plain(ET.fromstring(mathml))
    text = re.sub(r"\s+", " ", text).replace("( ", "(").replace(" )", ")").strip()
    return unicodedata.normalize("NFC", text)  # α + combining macron -> ᾱ where one character exists


def summary_plain(text: str) -> str:
    """The summary as plain text, for `<meta name="description">` and search."""
    return "".join(tex_plain(piece) if math else piece for math, piece in _split(text))


def summary_html(text: str) -> str:
    """The summary as HTML: its text escaped, its formulas MathML (with the TeX as alttext)."""
    out = []
    for math, piece in _split(text):
        if math:
            try:
                out.append(tex_to_mathml(piece, display=False))
            except ValueError as error:
                raise SummaryMathError(str(error)) from None
        else:
            out.append(html.escape(piece, quote=False))
    return "".join(out)
