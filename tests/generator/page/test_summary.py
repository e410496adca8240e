"""A summary may hold `$…$`: MathML in the "In one line" box and on the home list, plain text (no TeX) in the meta
description and wherever only text fits."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from coursekit.page.summary import SummaryMathError, summary_html, summary_plain, tex_plain
from course_site import build_site, lesson_text, two_lesson_course, write_fixture_course

POSTERIOR = r"the posterior $q(x_{t-1} \mid x_t, x_0)$ of $\tilde\beta_t$ and $\hat{x}_0$ & <more>"


@pytest.mark.parametrize(("tex", "plain"), [
    (r"q(x_{t-1} \mid x_t, x_0)", "q(xₜ₋₁ ∣ xₜ, x₀)"),
    (r"\tilde\beta_t", "β̃ₜ"),
    (r"\hat{x}_0", "x̂₀"),
    (r"\sqrt{1 - \bar\alpha_t}", "√(1 − ᾱₜ)"),
    (r"1/f^2", "1/f²"),
    (r"10^{-5}", "10⁻⁵"),
    (r"p_\theta(x_{0:T})", "p_θ(x_(0:T))"),  # no subscript letter for θ or ':': marked, still without TeX
    (r"\lambda = \log \mathrm{SNR}", "λ = log SNR"),
])
def test_a_formula_reads_as_plain_text(tex: str, plain: str) -> None:
    assert tex_plain(tex) == plain


def test_the_plain_summary_has_no_tex_and_keeps_the_prose() -> None:
    plain = summary_plain(POSTERIOR)
    assert plain == "the posterior q(xₜ₋₁ ∣ xₜ, x₀) of β̃ₜ and x̂₀ & <more>"
    assert not re.search(r"[\\{}$]", plain)


def test_the_html_summary_has_mathml_and_escaped_prose() -> None:
    markup = summary_html(POSTERIOR)
    assert markup.count("<math ") == 3
    assert "&amp; &lt;more&gt;" in markup
    assert re.sub(r"<math .*?</math>", "", markup) == "the posterior  of  and  &amp; &lt;more&gt;"


def test_a_summary_without_math_is_unchanged_apart_from_escaping() -> None:
    text = "Costs $5 and \\$6 for a < b."
    assert summary_plain("Plain words, no math.") == "Plain words, no math."
    assert summary_html("a < b") == "a &lt; b"
    assert summary_plain(text) == "Costs $5 and $6 for a < b."  # a lone $ is text; \$ is a dollar sign


def test_a_broken_formula_is_named() -> None:
    with pytest.raises(SummaryMathError, match=r"\\frac"):
        summary_html(r"broken $\frac{1}{$ here")


def test_the_built_page_shows_math_in_the_box_and_text_in_the_meta_description(tmp_path: Path) -> None:
    lessons = two_lesson_course()
    for lang in ("en", "ko"):
        text = lessons[lang]["01-first.md"]
        lessons[lang]["01-first.md"] = text.replace(
            'summary: "Summary of First', 'summary: "Closed form for $x_t$ and $q(x_{t-1} \\\\mid x_t, x_0)$ of First')
    result = build_site(write_fixture_course(tmp_path, lessons), tmp_path / "site",
                        site_url="http://127.0.0.1:9/diffusion-course/")
    assert result.ok, result.output
    page = (tmp_path / "site" / "lessons" / "01-first" / "index.html").read_text(encoding="utf-8")
    box = re.search(r'<div class="admonition abstract lesson-summary">(.*?)</div>', page, re.DOTALL)
    assert box and box.group(1).count("<math") == 2 and "x_{t-1}" not in re.sub(r'alttext="[^"]*"', "", box.group(1))
    meta = re.search(r'<meta name="description" content="([^"]*)"', page)
    assert meta and html.unescape(meta.group(1)) == "Closed form for xₜ and q(xₜ₋₁ ∣ xₜ, x₀) of First en."
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<p class="course-home__summary">(Closed form.*?)</p>', home, re.DOTALL)
    assert row and row.group(1).count("<math") == 2
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any("x_{t-1}" in doc.get("text", "") + doc.get("title", "") for doc in index["docs"])
