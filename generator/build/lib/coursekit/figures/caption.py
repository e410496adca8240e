"""Figure captions: plain text with optional inline math between single dollar signs, as in the lesson text.

The caption sits inside the figure's HTML, where the page's Markdown math pass never looks, so its formulas are
converted here, with the same converter as the page (MathML at build time). `\\$` writes a literal dollar sign.
"""

from __future__ import annotations

import re
from html import escape

from coursekit.page.mathml import MathError, tex_to_mathml

_DOLLAR = re.compile(r"(?<!\\)\$")


def split(caption: str) -> list[tuple[bool, str]]:
    """(is_math, text) parts in order; raise ValueError naming the fix when a $ has no partner."""
    pieces = _DOLLAR.split(caption)
    if len(pieces) % 2 == 0:
        raise ValueError("has an unpaired $: put inline math between two $ signs, or write \\$ for a dollar sign")
    return [(index % 2 == 1, piece.replace("\\$", "$") if index % 2 == 0 else piece)
            for index, piece in enumerate(pieces) if piece]


def to_html(caption: str) -> str:
    """The caption as HTML: text escaped, formulas as inline MathML (MathError names a formula that fails)."""
    return "".join(tex_to_mathml(text, display=False) if is_math else escape(text) for is_math, text in split(caption))


def check(caption: str) -> None:
    """Raise ValueError naming the fix if the caption cannot become HTML."""
    try:
        to_html(caption)
    except MathError as error:
        raise ValueError(str(error)) from None
