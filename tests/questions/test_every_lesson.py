"""Every published lesson of every series, in every language, asks 4 to 6 self-check questions and ends its
exercise with a worked answer (AUTHORING.md)."""

from __future__ import annotations

import re

import pytest
import yaml

from course_site import REPO, site_languages

SERIES = yaml.safe_load((REPO / "course.yml").read_text(encoding="utf-8"))["series"]
LESSONS = [path.relative_to(REPO / "docs" / lang).as_posix()
           for lang in site_languages()[:1] for series in SERIES
           for path in sorted((REPO / "docs" / lang / series["folder"]).glob("*.md"))]


@pytest.mark.parametrize("lang", site_languages())
@pytest.mark.parametrize("lesson", LESSONS)
def test_each_lesson_has_four_to_six_questions_and_a_worked_answer(lang: str, lesson: str) -> None:
    text = (REPO / "docs" / lang / lesson).read_text(encoding="utf-8")
    if "\nstatus: published\n" not in text.split("---", 2)[1] + "\n":
        pytest.skip("draft")
    questions = re.findall(r"^```question\n", text, re.MULTILINE)
    assert 4 <= len(questions) <= 6, f"docs/{lang}/{lesson}: {len(questions)} questions"
    exercise = text[text.index("!!! exercise"):]
    assert re.search(r'^    \?\?\? answer "[^"]+"', exercise, re.MULTILINE), f"docs/{lang}/{lesson}: no worked answer"
