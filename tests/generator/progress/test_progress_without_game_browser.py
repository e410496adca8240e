"""A course that declares no xp, levels or achievements, in real Chromium: its lessons still show what the reader
has done (the lessons count, the share of the course, the "complete" controls), with no XP, level or achievements."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from course_site import build_site, fixture_course_yml, lesson_text, write_fixture_course
from coursekit.testing.server import SiteServer, free_port

pytestmark = pytest.mark.browser

PREFIX = "/plain-course/"


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("plain")
    course = fixture_course_yml()
    course = course[:course.index("xp:")]  # no xp, levels or achievements
    lessons = {lang: {"01-first.md": lesson_text(id="first", number=1, title=f"First {lang}", lang=lang),
                      "02-second.md": lesson_text(id="second", number=2, title=f"Second {lang}", lang=lang,
                                                  body="No exercise here.\n")}
               for lang in ("en", "ko")}
    write_fixture_course(root / "course", lessons, course_yml=course)
    port = free_port()
    result = build_site(root / "course", root / "site", site_url=f"http://127.0.0.1:{port}{PREFIX}")
    assert result.ok, result.output
    with SiteServer(root / "site", port=port, prefix=PREFIX) as server:
        yield server.url


def _shown(page: Any, name: str) -> bool:
    return page.locator(f'[data-course-stat="{name}"]').is_visible()


def test_lessons_done_show_without_xp_levels_or_achievements(page: Any, plain_site: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(plain_site + "lessons/01-first/")
    lessons = page.locator('[data-course-stat="lessons"]')
    lessons.wait_for()
    assert lessons.inner_text() == "0/2 lessons"
    assert not (_shown(page, "level") or _shown(page, "xp") or _shown(page, "achievements"))
    page.click('[data-course-action="complete-lesson"]')
    page.click('[data-course-action="complete-exercise"]')
    page.wait_for_function("document.querySelector('[data-course-stat=\"lessons\"]').textContent === '1/2 lessons'")
    # 10 + 5 of the 25 XP the course's lessons hold (the second lesson has no exercise): the share done, alone.
    assert page.inner_text(".course-next") == "60% complete"
    assert page.get_attribute('[data-course-action="complete-lesson"]', "aria-pressed") == "true"
    page.goto(plain_site + "lessons/02-second/")
    page.locator('[data-course-action="complete-lesson"]').wait_for()
    assert page.locator('[data-course-action="complete-exercise"]').count() == 0  # nothing to mark done
    page.click('[data-course-action="complete-lesson"]')
    page.wait_for_function("document.querySelector('.course-next').textContent === '100% complete'")
    assert errors == []
