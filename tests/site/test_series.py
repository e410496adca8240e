"""A site of two series, built from Markdown and configuration only: each lesson counts within its own series,
the header counts across all of them, and the home page and the nav show one section per series."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coursekit.i18n import load_strings
from coursekit.testing.server import SiteServer, free_port
from course_site import build_site, fixture_course_yml, lesson_text, write_fixture_course

PREFIX = "/two-series/"
MAIN = ["first", "second", "third"]
EXTRA = ["gauss", "bayes"]


def two_series_course() -> dict[str, dict[str, str]]:
    lessons: dict[str, dict[str, str]] = {}
    for lang in ("en", "ko"):
        mine = {f"{n:02d}-{id}.md": lesson_text(id=id, number=n, title=f"{id.title()} {lang}", lang=lang)
                for n, id in enumerate(MAIN, start=1)}
        mine |= {f"extra/{n:02d}-{id}.md": lesson_text(id=id, number=n, title=f"{id.title()} {lang}", lang=lang)
                 for n, id in enumerate(EXTRA, start=1)}
        lessons[lang] = mine
    return lessons


@pytest.fixture(scope="module")
def port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, port: int) -> Path:
    root = write_fixture_course(tmp_path_factory.mktemp("series"), two_series_course(),
                                course_yml=fixture_course_yml(series=("lessons", "extra")))
    result = build_site(root, root / "site", site_url=f"http://127.0.0.1:{port}{PREFIX}")
    assert result.ok, result.output
    return root / "site"


def read(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("path", "lang", "number", "total", "series"), [
    ("lessons/01-first", "en", 1, 3, "Lessons en"),
    ("lessons/03-third", "en", 3, 3, "Lessons en"),
    ("extra/01-gauss", "en", 1, 2, "Extra en"),
    ("ko/extra/02-bayes", "ko", 2, 2, "Extra ko"),
])
def test_a_lesson_counts_within_its_own_series(site: Path, path: str, lang: str, number: int, total: int,
                                               series: str) -> None:
    header = re.search(r'<p class="lesson-header__position">(.*?)</p>', read(site, path), re.S).group(1)
    assert series in header
    assert load_strings(lang)["site"]["lesson_of"].format(number=number, total=total) in header


def test_the_pager_stays_within_the_series(site: Path) -> None:
    def pager(path: str) -> str:
        return re.search(r'<nav class="lesson-pager".*?</nav>', read(site, path), re.S).group(0)

    last_of_main = pager("lessons/03-third")
    assert 'rel="prev"' in last_of_main and 'rel="next"' not in last_of_main
    first_of_extra = pager("extra/01-gauss")
    assert 'rel="prev"' not in first_of_extra
    assert re.search(r'href="\.\./02-bayes/" rel="next"', first_of_extra)


def test_home_and_nav_have_one_section_per_series_in_order(site: Path) -> None:
    home = read(site, "")
    sections = re.findall(r'<section class="course-series" aria-labelledby="series-(\w+)">\s*<h2[^>]*>([^<]+)</h2>', home)
    assert sections == [("main", "Lessons en"), ("extra", "Extra en")]
    listed = re.findall(r'class="course-home__title" href="([^"]+)"', home)
    assert listed == [f"lessons/{n:02d}-{id}/" for n, id in enumerate(MAIN, 1)] + [f"extra/{n:02d}-{id}/" for n, id in enumerate(EXTRA, 1)]
    nav_sections = re.findall(r'<label class="md-nav__link" for="__nav_\d+"[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*<',
                              home)
    assert [title for title in nav_sections if title in ("Lessons en", "Extra en")] == ["Lessons en", "Extra en"]


@pytest.fixture(scope="module")
def server(site: Path, port: int) -> Iterator[str]:
    with SiteServer(site, port=port, prefix=PREFIX) as running:
        yield running.url


@pytest.mark.browser
def test_the_header_counts_every_series_and_the_home_page_each_one(browser: Any, server: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "extra/01-gauss/")
    page.wait_for_function("document.querySelector('[data-course-stat=\"lessons\"]')")
    assert page.inner_text('[data-course-stat="lessons"]') == "0/5 lessons"
    page.click('[data-course-action="complete-lesson"]')
    assert page.inner_text('[data-course-stat="lessons"]') == "1/5 lessons"
    assert page.inner_text('[data-course-stat="xp"]') == "100 XP"
    page.goto(server)
    page.wait_for_function("document.querySelector('[data-course-series=\"extra\"]').textContent !== ''")
    counts = page.eval_on_selector_all("[data-course-series]", "els => els.map((e) => [e.dataset.courseSeries, e.textContent])")
    assert counts == [["main", "0 of 3 done"], ["extra", "1 of 2 done"]]
    assert page.inner_text('[data-course-stat="lessons"]') == "1/5 lessons"
    page.goto(server + "ko/")
    page.wait_for_function("document.querySelector('[data-course-series=\"extra\"]').textContent !== ''")
    # Progress is shared across languages; the count speaks Korean there.
    assert page.inner_text('[data-course-series="extra"]') == load_strings("ko")["progress"]["series_done"].format(done=1, total=2)
    context.close()
