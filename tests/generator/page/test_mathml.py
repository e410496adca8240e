"""Formulas: the MathML a page gets, and the search index built while the page holds one stand-in per formula.

Material's search plugin indexes the page before its MathML goes in (coursekit/page/mathml.py says why). Readers
must find formulas exactly as if it had parsed the MathML: here a sample page's formulas are indexed both ways with
the plugin's own parser (tests/site/test_real_lessons.py does the same for every lesson of this course).
"""

from __future__ import annotations

import pytest

from html_tools import page_body_html, search_sections
from coursekit.page.mathml import MathError, expand_math, pending_math, render_math

SAMPLE = r"""
## Signal and noise: $x_t = \sqrt{\bar\alpha_t}\,x_0 + \sqrt{1 - \bar\alpha_t}\,\epsilon$

The ratio $\mathrm{SNR}(t) = \bar\alpha_t / (1 - \bar\alpha_t)$ falls as $t$ grows, and $a < b$ still reads.

$$
\log p(x_0) \ge \mathbb{E}_q\Big[\log \frac{p(x_{0:T})}{q(x_{1:T} \mid x_0)}\Big]
$$

| $t$ | $\bar\alpha_t$ |
|---|---|
| 0 | $1$ |
"""




def test_search_sees_the_same_text_as_in_the_mathml() -> None:
    html = page_body_html(SAMPLE)
    assert 'class="arithmatex"' in html
    stand_ins = pending_math(html)
    assert "<mrow>" not in stand_ins  # the plugin parses one element per formula, not the MathML
    assert search_sections(stand_ins) == search_sections(render_math(html))


def test_the_page_gets_the_same_mathml_either_way() -> None:
    html = page_body_html(SAMPLE)
    assert expand_math(pending_math(html)) == render_math(html)


def test_a_formula_with_quotes_and_markup_characters_survives_the_stand_in() -> None:
    html = '<p><span class="arithmatex">\\(a &lt; b \\text{"q"} &amp; c\\)</span></p>'
    assert expand_math(pending_math(html)) == render_math(html)
    assert 'alttext="a &lt; b \\text{&quot;q&quot;} &amp; c"' in render_math(html)


def test_a_broken_formula_is_named() -> None:
    with pytest.raises(MathError, match=r"cannot convert formula \$x\^\$"):
        pending_math('<span class="arithmatex">\\(x^\\)</span>')


def test_conversions_are_kept_between_builds_and_a_broken_cache_is_ignored(tmp_path: Path) -> None:
    from coursekit.page import mathml

    kept = dict(mathml._converted)
    try:
        mathml._converted.clear()
        mathml.use_disk_cache(tmp_path)
        first = mathml.tex_to_mathml(r"\sqrt{1 - \bar\alpha_t}", display=True)
        mathml.save_disk_cache()
        [stored] = tmp_path.glob("latex2mathml-*.json")
        mathml._converted.clear()
        mathml.use_disk_cache(tmp_path)  # a new build: the formula comes from the file
        assert mathml._converted and mathml.tex_to_mathml(r"\sqrt{1 - \bar\alpha_t}", display=True) == first
        stored.write_text("{not json", encoding="utf-8")
        mathml._converted.clear()
        mathml.use_disk_cache(tmp_path)
        assert not mathml._converted and mathml.tex_to_mathml(r"\sqrt{1 - \bar\alpha_t}", display=True) == first
    finally:
        mathml._converted.clear()
        mathml._converted.update(kept)
