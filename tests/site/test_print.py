"""A lesson prints as the lesson alone: navigation, header, progress widgets and pager are hidden on paper."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.both_engines]

HIDDEN_IN_PRINT = [".md-header", ".md-sidebar--primary", ".md-footer", ".course-bar", ".course-progress",
                   ".lesson-pager", ".lesson-report"]


@pytest.mark.parametrize("lang_root", ["", "ko/"])
def test_lesson_print_view_hides_chrome_and_keeps_the_lesson(page, site_server: str, lang_root: str) -> None:
    page.goto(site_server + lang_root + "lessons/02-diffusion-intuition/")
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        locator = page.locator(selector).first
        assert locator.count() == 1, selector
        assert not locator.is_visible(), f"{selector} shows in print"
    assert page.locator(".lesson-header h1").is_visible()
    assert page.locator("figure").first.is_visible()
    assert page.locator(".admonition.exercise").is_visible()
    # Blocks far down a lesson are skipped on screen until scrolled near (course.css); on paper, all are drawn.
    rendered = "(node) => node.checkVisibility({contentVisibilityAuto: true})"
    assert page.locator(".md-content__inner > .math-block math").last.evaluate(rendered) is True
