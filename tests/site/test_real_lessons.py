"""This course's lessons against the generator's page machinery: reading times calibrated across languages, and
search reading the same text from each formula's stand-in as from its MathML. (The course's content rules, such as
no math written as plain text, are its course.yml `rules:`, which every build enforces.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coursekit.lessons.frontmatter import split_front_matter
from coursekit.lessons.reading_time import estimate_minutes
from coursekit.page.mathml import expand_math, pending_math, render_math
from course_site import REPO
from html_tools import page_body_html, search_sections

LESSONS = sorted((REPO / "docs").glob("*/lessons/*.md"))


def lesson_html(path: Path) -> str:
    return page_body_html(re.sub(r"\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S))


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_search_sees_the_same_text_as_in_the_mathml(path: Path) -> None:
    html = lesson_html(path)
    assert 'class="arithmatex"' in html
    stand_ins = pending_math(html)
    assert "<mrow>" not in stand_ins  # the plugin parses one element per formula, not the MathML
    assert search_sections(stand_ins) == search_sections(render_math(html))


@pytest.mark.parametrize("path", LESSONS[:3], ids=lambda p: p.stem)
def test_the_page_gets_the_same_mathml_either_way(path: Path) -> None:
    html = lesson_html(path)
    assert expand_math(pending_math(html)) == render_math(html)


def test_each_real_lesson_reads_in_about_the_same_time_in_both_languages() -> None:
    """The Korean rates (mkdocs.yml) are calibrated so that the same substance gets the same estimate."""
    from coursekit.course.mkdocs_file import file_languages

    rates = {lang.code: lang for lang in file_languages(REPO / "mkdocs.yml")}
    pairs = sorted((REPO / "docs" / "en" / "lessons").glob("*.md"))
    assert pairs
    for english in pairs:
        korean = REPO / "docs" / "ko" / "lessons" / english.name
        minutes = {lang: estimate_minutes(split_front_matter(path.read_text(encoding="utf-8"))[1],
                                          words_per_minute=rates[lang].words_per_minute,
                                          characters_per_minute=rates[lang].characters_per_minute)
                   for lang, path in (("en", english), ("ko", korean))}
        assert abs(minutes["en"] - minutes["ko"]) <= 2, (english.name, minutes)
