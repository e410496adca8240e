"""Figure captions: text is escaped, `$…$` becomes inline MathML, and a broken caption is a clear spec problem."""

from __future__ import annotations

import pytest

from coursekit.figures import caption
from coursekit.figures.spec import SpecError, parse_block, validate


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Plain words.", [(False, "Plain words.")]),
        ("Noise $x_t$ at step t.", [(False, "Noise "), (True, "x_t"), (False, " at step t.")]),
        ("$x_0$", [(True, "x_0")]),
        ("Costs \\$5 and $a$.", [(False, "Costs $5 and "), (True, "a"), (False, ".")]),
    ],
)
def test_split(text: str, parts: list[tuple[bool, str]]) -> None:
    assert caption.split(text) == parts


def test_html_escapes_text_and_renders_formulas() -> None:
    html = caption.to_html("A <b> & $\\bar\\alpha_t$ curve")
    assert html.startswith("A &lt;b&gt; &amp; <math ")
    assert 'display="inline"' in html and "<msub>" in html and html.endswith("</math> curve")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Costs $5.", "unpaired $"),
        ("Broken $\\frac{a}{$ formula.", "cannot convert formula"),
    ],
)
def test_bad_captions_are_spec_problems_with_the_line(text: str, message: str) -> None:
    block = f"kind: schedule\ncurve: alpha_bar\ncaption: '{text}'\n"
    with pytest.raises(SpecError) as raised:
        validate(*parse_block(block))
    problem = raised.value.problems[0]
    assert problem.line == 2
    assert "figure key 'caption'" in problem.message and message in problem.message
