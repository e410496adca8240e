"""Reader progress in a real browser: marking a lesson complete shows it done, after a reload and in every language
(one progress record serves the whole site)."""

from __future__ import annotations

from typing import Any

READY = "window.courseProgress && document.querySelector('[data-course-action=\"complete-lesson\"]')"
BUTTON = '[data-course-action="complete-lesson"]'
TIMEOUT_MS = 30_000  # a loaded machine may take a while; each wait ends as soon as the state is there


def _open(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_function(READY, timeout=TIMEOUT_MS)


def _shown_done(page: Any) -> bool:
    """The lesson's own control is pressed, and the navigation marks the lesson done."""
    try:
        page.wait_for_function(
            "(sel) => document.querySelector(sel)?.getAttribute('aria-pressed') === 'true'"
            " && document.querySelector('a.md-nav__link.course-done')", arg=BUTTON, timeout=TIMEOUT_MS)
    except Exception:  # Playwright's TimeoutError: report the state, not a stack
        return False
    return True


def completion_problems(page: Any, lesson_urls: dict[str, str]) -> list[str]:
    """Complete the lesson in the first language of `lesson_urls` (language -> the lesson's URL there), then check
    it shows done there after a reload and in every other language. One line per place it does not."""
    first, url = next(iter(lesson_urls.items()))
    _open(page, url)
    if page.get_attribute(BUTTON, "aria-pressed") == "true":
        return [f"{url}: the lesson shows done before the reader completed it"]
    page.click(BUTTON)
    problems = [] if _shown_done(page) else [f"{url} ({first}): clicking the complete button does not show it done"]
    for lang, other in lesson_urls.items():
        _open(page, other)
        if not _shown_done(page):
            problems.append(f"{other} ({lang}): a lesson completed in {first} does not show done here")
    return problems
