"""Reader progress in a real browser: marking a lesson complete shows it done, after a reload and in every language
(one progress record serves the whole site)."""

from __future__ import annotations

from typing import Any

READY = "window.courseProgress && document.querySelector('[data-course-action=\"complete-lesson\"]')"
BUTTON = '[data-course-action="complete-lesson"]'
DONE = ("(sel) => document.querySelector(sel)?.getAttribute('aria-pressed') === 'true'"
        " && document.querySelector('a.md-nav__link.course-done')")  # the control pressed, the nav marking it
TIMEOUT_MS = 30_000  # a loaded machine may take a while; each wait ends as soon as the state is there


def _waited(page: Any, script: str, timeout_ms: int, arg: object = None) -> bool:
    try:
        page.wait_for_function(script, arg=arg, timeout=timeout_ms)
    except Exception:  # Playwright's TimeoutError: the state never came; say where, not a stack
        return False
    return True


def completion_problems(page: Any, lesson_urls: dict[str, str], *, timeout_ms: int = TIMEOUT_MS) -> list[str]:
    """Complete the lesson in the first language of `lesson_urls` (language -> the lesson's URL there), then check
    it shows done there after a reload and in every other language. One line per place it does not; a state that
    has not come after `timeout_ms` never came."""
    first, url = next(iter(lesson_urls.items()))
    page.goto(url)
    if not _waited(page, READY, timeout_ms):
        return [f"{url} ({first}): no lesson-complete control appeared"]
    if page.get_attribute(BUTTON, "aria-pressed") == "true":
        return [f"{url} ({first}): the lesson shows done before the reader completed it"]
    page.click(BUTTON)
    problems = [] if _waited(page, DONE, timeout_ms, BUTTON) else [
        f"{url} ({first}): clicking the complete button does not show it done"]
    for lang, other in lesson_urls.items():
        page.goto(other)
        if not _waited(page, READY, timeout_ms):
            problems.append(f"{other} ({lang}): no lesson-complete control appeared")
        elif not _waited(page, DONE, timeout_ms, BUTTON):
            problems.append(f"{other} ({lang}): a lesson completed in {first} does not show done here")
    return problems
