"""TeX math to MathML at build time, so formulas need no script, no font download and no reflow.

pymdownx.arithmatex (generic mode) wraps each formula as <span class="arithmatex">\\(…\\)</span> or
<div class="arithmatex">\\[…\\]</div>; `render_math` replaces those wrappers with MathML.

A build does it in two steps, because MathML is most of a lesson's markup and Material's search plugin parses every
page's HTML tag by tag: `pending_math` (when the page's HTML is made) puts in each formula's place one element
holding the formula's text, exactly the text the search index would take from the MathML, and `expand_math` (on
the finished page) puts the MathML in. The index stays the same, at a fraction of the parsing.
Each distinct formula is converted once per build: lessons repeat many of theirs.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import latex2mathml.converter

_WRAPPED = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*\\(?P<open>[(\[])(?P<tex>.*?)\\[)\]]\s*</(?P=tag)>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
# The stand-in: the TeX (escaped) in an attribute, the formula's text as content. No formula text contains "<".
_PENDING = re.compile(r'<math data-course-tex="(?P<tex>[^"]*)" data-course-display="(?P<display>[01])">[^<]*</math>')


class MathError(ValueError):
    """A formula latex2mathml cannot convert; the message quotes the formula."""


@lru_cache(maxsize=None)
def tex_to_mathml(tex: str, *, display: bool) -> str:
    try:
        markup = latex2mathml.converter.convert(tex, display="block" if display else "inline")
    except Exception as error:  # the converter raises many private exception types
        raise MathError(f"cannot convert formula ${tex.strip()}$: {error}") from None
    # A screen reader or a copy-paste falls back on the source TeX.
    return markup.replace("<math ", f'<math alttext="{html.escape(tex.strip(), quote=True)}" ', 1)


def _wrapped(markup: str, display: bool) -> str:
    return f'<div class="math-block">{markup}</div>' if display else markup


def render_math(page_html: str) -> str:
    """Every arithmatex formula of the HTML as MathML."""
    def replace(match: re.Match[str]) -> str:
        display = match.group("open") == "["
        return _wrapped(tex_to_mathml(html.unescape(match.group("tex")), display=display), display)

    return _WRAPPED.sub(replace, page_html)


def pending_math(page_html: str) -> str:
    """Every arithmatex formula as a one-element stand-in carrying its TeX and its text (see the module's doc).

    Converts each formula now, so a broken one fails here (MathError), where the page is known."""
    def replace(match: re.Match[str]) -> str:
        display = match.group("open") == "["
        tex = html.unescape(match.group("tex"))
        text = _TAG.sub("", tex_to_mathml(tex, display=display))  # entities stay as they are: the parser reads them
        stand_in = (f'<math data-course-tex="{html.escape(tex, quote=True)}" data-course-display="{int(display)}">'
                    f"{text}</math>")
        return _wrapped(stand_in, display)

    return _WRAPPED.sub(replace, page_html)


def expand_math(page_html: str) -> str:
    """The stand-ins of `pending_math` replaced by their MathML."""
    def replace(match: re.Match[str]) -> str:
        return tex_to_mathml(html.unescape(match.group("tex")), display=match.group("display") == "1")

    return _PENDING.sub(replace, page_html)
