"""TeX math to MathML at build time, so formulas need no script, no font download and no reflow.

pymdownx.arithmatex (generic mode) wraps each formula as <span class="arithmatex">\\(…\\)</span> or
<div class="arithmatex">\\[…\\]</div>; `render_math` replaces those wrappers with MathML.
"""

from __future__ import annotations

import html
import re

import latex2mathml.converter

_WRAPPED = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*\\(?P<open>[(\[])(?P<tex>.*?)\\[)\]]\s*</(?P=tag)>', re.DOTALL)


class MathError(ValueError):
    """A formula latex2mathml cannot convert; the message quotes the formula."""


def tex_to_mathml(tex: str, *, display: bool) -> str:
    try:
        markup = latex2mathml.converter.convert(tex, display="block" if display else "inline")
    except Exception as error:  # the converter raises many private exception types
        raise MathError(f"cannot convert formula ${tex.strip()}$: {error}") from None
    # A screen reader or a copy-paste falls back on the source TeX.
    return markup.replace("<math ", f'<math alttext="{html.escape(tex.strip(), quote=True)}" ', 1)


def render_math(page_html: str) -> str:
    def replace(match: re.Match[str]) -> str:
        display = match.group("open") == "["
        tex = html.unescape(match.group("tex"))
        markup = tex_to_mathml(tex, display=display)
        return f'<div class="math-block">{markup}</div>' if display else markup

    return _WRAPPED.sub(replace, page_html)
