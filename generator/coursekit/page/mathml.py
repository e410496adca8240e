"""TeX math to MathML at build time, so formulas need no script, no font download and no reflow.

pymdownx.arithmatex (generic mode) wraps each formula as <span class="arithmatex">\\(…\\)</span> or
<div class="arithmatex">\\[…\\]</div>; `render_math` replaces those wrappers with MathML.

A build does it in two steps, because MathML is most of a lesson's markup and Material's search plugin parses every
page's HTML tag by tag: `pending_math` (when the page's HTML is made) puts in each formula's place the formula's text
between two comments, exactly the text the search index would take from the MathML, and `expand_math` (on
the finished page) puts the MathML in. The index stays the same, at a fraction of the parsing.
Each distinct formula is converted once: lessons repeat many of theirs, and both languages share nearly all. With
`use_disk_cache(folder)`, conversions are also kept between builds, in a JSON file named for the converter's version
(generated/mathml/ beside the figure cache; `save_disk_cache()` writes what is new).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import latex2mathml
import latex2mathml.converter

from .disk_memo import DiskMemo

_WRAPPED = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*\\(?P<open>[(\[])(?P<tex>.*?)\\[)\]]\s*</(?P=tag)>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
# The stand-in: the formula's text (with "<" and "&" escaped) between two comments, the first holding the formula's
# number in this process (see _formulas). Comments rather than an element: the search plugin takes the same text, and
# skips the work it does for every tag (a lesson has hundreds of formulas).
_PENDING = re.compile(r'<!--course-formula-(?P<number>\d+)-->[^<]*<!--/course-formula-->')


class MathError(ValueError):
    """A formula latex2mathml cannot convert; the message quotes the formula."""


_converted = DiskMemo()  # "<0 or 1 for display><TeX>" -> the converter's MathML
# Formulas as found in pages, by arithmatex's bracket and escaped TeX -> (number, stand-in); and each number's MathML.
# Pages repeat formulas and both languages share them, so each is worked out once. The numbers never reach a page.
_stand_ins: dict[tuple[str, str], str] = {}
_formulas: list[str] = []


def use_disk_cache(folder: Path) -> None:
    """Keep conversions in `folder` between builds, in a file named for the converter's version."""
    _converted.use(folder / f"latex2mathml-{latex2mathml.__version__}.json")


def save_disk_cache() -> None:
    """Write the conversions to the cache file when this build added any."""
    _converted.save()


def tex_to_mathml(tex: str, *, display: bool) -> str:
    key = f"{int(display)}{tex}"
    markup = _converted.get(key)
    if markup is None:
        try:
            markup = latex2mathml.converter.convert(tex, display="block" if display else "inline")
        except Exception as error:  # the converter raises many private exception types
            raise MathError(f"cannot convert formula ${tex.strip()}$: {error}") from None
        _converted[key] = markup
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
    """Every arithmatex formula as a stand-in holding its text between two comments (see the module's doc).

    Converts each formula now, so a broken one fails here (MathError), where the page is known."""
    def replace(match: re.Match[str]) -> str:
        key = (match.group("open"), match.group("tex"))
        if key not in _stand_ins:
            display = match.group("open") == "["
            mathml = tex_to_mathml(html.unescape(match.group("tex")), display=display)
            # The characters themselves rather than MathML's numeric entities: the same text, less to parse.
            text = html.escape(html.unescape(_TAG.sub("", mathml)), quote=False)
            _stand_ins[key] = _wrapped(f'<!--course-formula-{len(_formulas)}-->{text}<!--/course-formula-->', display)
            _formulas.append(mathml)
        return _stand_ins[key]

    return _WRAPPED.sub(replace, page_html)


def expand_math(page_html: str) -> str:
    """The stand-ins of `pending_math` replaced by their MathML."""
    return _PENDING.sub(lambda match: _formulas[int(match.group("number"))], page_html)
