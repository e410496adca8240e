"""The generator's site checks (coursekit.testing) report what is wrong, so that a course whose tests pass has
nothing wrong of that kind: each check runs on a small built course, then on the same course with one fault."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coursekit.testing.crawl import crawl
from coursekit.testing.languages import language_roots
from coursekit.testing.progress_check import completion_problems
from coursekit.testing.server import SiteServer, free_port
from coursekit.testing.site_checks import missing_pages, read_manifest, wrong_language
from course_site import build_site, lesson_text, write_fixture_course

LANGUAGES = ("en", "ja")
STRINGS = (Path(__file__).resolve().parents[2] / "generator" / "coursekit" / "i18n" / "en.yml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A two-language course (English and Japanese, Japanese UI strings copied from English), built."""
    root = tmp_path_factory.mktemp("checked")
    lessons = {lang: {"01-first.md": lesson_text(id="first", number=1, title=f"First {lang}", lang=lang,
                                                  tags="[probability]")} for lang in LANGUAGES}
    write_fixture_course(root, lessons, languages=LANGUAGES, content=(), strings={"ja": STRINGS})
    site = root / "site"
    result = build_site(root, site, site_url="http://127.0.0.1:9/c/")
    assert result.ok, result.output
    return root, site


@pytest.fixture(scope="module")
def served(course: tuple[Path, Path]) -> Iterator[str]:
    with SiteServer(course[1], port=free_port(), prefix="/c/") as server:
        yield server.url


def test_missing_pages_names_a_lesson_not_built_in_one_language(course: tuple[Path, Path], tmp_path: Path) -> None:
    root, site = course
    roots = language_roots(root)
    assert missing_pages(site, roots, "ja") == []
    lesson = site / "ja" / "lessons" / "01-first" / "index.html"
    kept = lesson.read_bytes()
    lesson.unlink()
    try:
        assert missing_pages(site, roots, "ja") == ["ja/lessons/01-first/index.html: not built"]
    finally:
        lesson.write_bytes(kept)


def test_wrong_language_names_a_page_declaring_another(course: tuple[Path, Path], served: str) -> None:
    root, site = course
    roots = language_roots(root)
    assert wrong_language(crawl(served, roots), served, roots, "ja") == []
    page = site / "ja" / "index.html"
    kept = page.read_text(encoding="utf-8")
    page.write_text(kept.replace('<html lang="ja"', '<html lang="en"', 1), encoding="utf-8")
    try:
        assert wrong_language(crawl(served, roots), served, roots, "ja") == [f"{served}ja/: lang='en'"]
    finally:
        page.write_text(kept, encoding="utf-8")


@pytest.mark.browser
def test_the_progress_check_passes_and_notices_progress_that_is_not_kept(browser: Any, course: tuple[Path, Path],
                                                                        served: str) -> None:
    root, site = course
    lesson = read_manifest(site)["lessons"][0]["path"]
    urls = {lang: served + folder + lesson for lang, folder in language_roots(root).items()}
    context = browser.new_context()
    try:
        assert completion_problems(context.new_page(), urls) == []
    finally:
        context.close()
    # A browser that keeps nothing between pages: the click shows the lesson done, the next page load does not
    # (within 5 s: the page is ready long before, and the check only waits for a state that never comes).
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});")
    try:
        problems = completion_problems(context.new_page(), urls, timeout_ms=5_000)
    finally:
        context.close()
    assert problems == [f"{urls['en']} (en): a lesson completed in en does not show done here",
                        f"{urls['ja']} (ja): a lesson completed in en does not show done here"], problems
