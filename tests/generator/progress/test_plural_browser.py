"""Plural forms read right in the browser: on the home list, a lesson with one self-check question says
"1 question" and one with two says "2 questions" (Korean has one form for both)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from course_site import build_site, lesson_text, two_lesson_course, write_fixture_course
from coursekit.testing.server import SiteServer, free_port

pytestmark = pytest.mark.browser

QUESTION = """\
```question
id: {id}
prompt: Which one?
choices:
  - text: This one
    correct: true
    explain: Because it is.
  - text: That one
    explain: Because it is not.
```

"""
SLOTS = '[data-course-slot="mastery"]'


def with_questions(lang: str, lesson_id: str, number: int, ids: list[str]) -> str:
    text = lesson_text(id=lesson_id, number=number, title=f"{lesson_id} {lang}", lang=lang)
    return text.replace("!!! takeaways", "".join(QUESTION.format(id=i) for i in ids) + "!!! takeaways")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("plural")
    lessons = two_lesson_course()
    for lang in ("en", "ko"):
        lessons[lang]["01-first.md"] = with_questions(lang, "first", 1, ["pick"])
        lessons[lang]["02-second.md"] = with_questions(lang, "second", 2, ["pick", "choose"])
    port = free_port()
    result = build_site(write_fixture_course(root / "course", lessons), root / "site",
                        site_url=f"http://127.0.0.1:{port}/sub-path/")
    assert result.ok, result.output
    with SiteServer(root / "site", port=port, prefix="/sub-path/") as server:
        yield server.url


@pytest.mark.parametrize(("lang_root", "expected"), [
    ("", ["Self-check: 1 question, none answered yet", "Self-check: 2 questions, none answered yet"]),
    ("ko/", ["스스로 점검: 모두 1문제, 아직 푼 문제 없음", "스스로 점검: 모두 2문제, 아직 푼 문제 없음"]),
])
def test_question_counts_on_the_home_list_read_right(page: Any, served: str, lang_root: str, expected: list[str]) -> None:
    page.goto(served + lang_root)
    page.wait_for_function(f"[...document.querySelectorAll('{SLOTS}')].length === 2 && "
                           f"[...document.querySelectorAll('{SLOTS}')].every((s) => s.textContent.trim())")
    assert page.locator(SLOTS).all_text_contents() == expected
