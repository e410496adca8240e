"""Math written as plain Unicode outside $…$ ("β 가", "ᾱ_0 = 1") is found, so the author moves it into math: it then
renders as MathML and its particle is checked. Whether a course's pages are checked is its rule (course.yml
rules.plain_math, tests/site/test_course_rules.py)."""

import pytest

from coursekit.editing.prose import plain_math
from coursekit.glossary.variants import prose_lines


def _found(text: str) -> list[tuple[int, str]]:
    return [(math.line, math.text) for math in plain_math(text, prose_lines(text))]


@pytest.mark.parametrize("text, found", [
    ("선형 스케줄(β 가 1e-4에서 0.02까지, T = 1000, ᾱ_0 = 1)을 만듭니다.\n", [(1, "β"), (1, "ᾱ_0")]),
    ("ᾱ_t가 0.5 아래로 내려가는 t를 적습니다.\n", [(1, "ᾱ_t")]),
    ("위 줄은 xₜ이고 아래 줄은 x̂₀입니다.\n", [(1, "xₜ"), (1, "x̂₀")]),
    ("The state x_t and the estimate x̂_0.\n", [(1, "x_t"), (1, "x̂_0")]),
    ("| 강좌 선형, β 1e-4 → 0.02 | t ≈ 260 |\n", [(1, "β")]),  # a table cell
    ("```figure\nkind: steps\ncaption: 같은 노이즈에서 η = 0으로 돌린 DDIM\n```\n", [(3, "η")]),  # captions render $…$
    ("```question\nid: a\nprompt: ᾱ_t가 0.5일 때 t는?\nanswer: 1\ntolerance: 1\nexplain: 네.\n```\n", [(3, "ᾱ_t")]),
])
def test_plain_unicode_math_is_found_with_its_line(text: str, found: list[tuple[int, str]]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize("text", [
    "$\\beta_t$가 $\\bar\\alpha_0 = 1$에서 시작합니다.\n",
    "스텝 $s$와 더 이른 스텝 $q(x_t \\mid\nx_{t-1})$를 씁니다.\n",  # inline math wrapped onto the next line
    "## ᾱₜ 처음 살펴보기\n",  # a heading: a formula there would go into its anchor
    "`guidance_scale`과 `x_t`는 코드입니다.\n",
    "```python\nalpha_bar = 1 - beta_t\n```\n",
    "$$\n\\bar\\alpha_t = \\prod \\alpha_s\n$$\n",
    "Stable Diffusion 3, 8×8 패치, 1/f² 스펙트럼.\n",
])
def test_math_code_headings_and_plain_symbols_are_not_plain_math(text: str) -> None:
    assert _found(text) == []
