"""What a page shows around the author's text, decided by pure functions (coursekit.page.views): one table of
cases per decision, run in-process in milliseconds."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from coursekit.page import views

NAMES = {"en": "English", "ko": "한국어", "ja": "日本語"}

ALTERNATES = [
    # (here, url, languages that have the page, base) -> [(lang, href, target, current)]
    ("en", "lessons/02-x/", {"en", "ko"}, "",
     [("en", "./", "lessons/02-x/", True), ("ko", "../../ko/lessons/02-x/", "ko/lessons/02-x/", False)]),
    ("ko", "lessons/02-x/", {"en", "ko"}, "",
     [("en", "../../../lessons/02-x/", "lessons/02-x/", False), ("ko", "./", "ko/lessons/02-x/", True)]),
    ("en", "lessons/03-y/", {"en"}, "",  # no Korean version yet: the menu leads to the Korean home page
     [("en", "./", "lessons/03-y/", True), ("ko", "../../ko/", "ko/", False)]),
    ("ko", "", {"en", "ko"}, "", [("en", "../", "", False), ("ko", "./", "ko/", True)]),
    ("ko", "", set(), "/course/",  # the 404 page, served from any depth: absolute paths
     [("en", "/course/", "", False), ("ko", "/course/ko/", "ko/", True)]),
]


@pytest.mark.parametrize(("here", "url", "exists", "base", "expected"), ALTERNATES)
def test_alternates_point_at_this_page_in_every_language(here, url, exists, base, expected) -> None:
    links = views.alternates(here=here, url=url, languages=("en", "ko"), primary="en", names=NAMES,
                             exists_in=lambda lang: lang in exists, base=base)
    assert [(l.lang, l.href, l.target, l.current) for l in links] == expected
    assert [l.name for l in links] == ["English", "한국어"]


def test_three_languages_and_x_default() -> None:
    links = views.alternates(here="ja", url="a/", languages=("en", "ko", "ja"), primary="en", names=NAMES,
                             exists_in=lambda lang: True)
    assert [l.href for l in links] == ["../../a/", "../../ko/a/", "./"]
    assert views.hreflang(links, "https://x.github.io/c/") == [
        {"lang": "en", "href": "https://x.github.io/c/a/"}, {"lang": "ko", "href": "https://x.github.io/c/ko/a/"},
        {"lang": "ja", "href": "https://x.github.io/c/ja/a/"}, {"lang": "x-default", "href": "https://x.github.io/c/a/"}]
    assert views.hreflang(links, "") == []  # without site_url there is no absolute URL to give


SERIES = [("lessons/01-a/", 1, "A"), ("lessons/02-b/", 2, "B"), ("lessons/03-c/", 3, "C")]
PAGER = [
    ("lessons/01-a/", {"next": ("../02-b/", 2, "B")}),
    ("lessons/02-b/", {"previous": ("../01-a/", 1, "A"), "next": ("../03-c/", 3, "C")}),
    ("lessons/03-c/", {"previous": ("../02-b/", 2, "B")}),
    ("other/01-z/", {}),  # not in this series: no links
]


@pytest.mark.parametrize(("here", "expected"), PAGER)
def test_the_pager_links_neighbours_within_the_series(here: str, expected: dict) -> None:
    links = views.pager(SERIES, here)
    assert {key: (link.href, link.number, link.title) for key, link in links.items()} == expected


@pytest.mark.parametrize(("template", "number", "total", "expected"), [
    ("Lesson {number:02d} of {total}", 2, 10, "Lesson 02 of 10"),
    ("Lesson {number:02d} of {total}", 104, 120, "Lesson 104 of 120"),
    ("{number}강 / 전체 {total}강", 3, 4, "3강 / 전체 4강"),
])
def test_position_counts_within_the_series(template: str, number: int, total: int, expected: str) -> None:
    assert views.position(template, number, total) == expected


def test_report_link_names_the_lesson_and_page_and_needs_a_repository() -> None:
    url = views.report_link("https://github.com/o/r/", lesson_id="x", title="X & Y", lang="ko",
                            page_url="https://o.github.io/r/ko/lessons/01-x/", body_template="{id}|{title}|{lang}|{url}")
    parts = urlsplit(url)
    assert parts.path == "/o/r/issues/new"
    query = parse_qs(parts.query)
    assert query["title"] == ["[x] X & Y"]
    assert query["body"] == ["x|X & Y|ko|https://o.github.io/r/ko/lessons/01-x/"]
    assert views.report_link("", lesson_id="x", title="X", lang="en", page_url="u", body_template="{id}") is None


def test_home_lists_each_series_with_its_lessons_in_order_and_skips_empty_ones() -> None:
    rows = [("main", {"url": "lessons/01-a/", "title": "A"}), ("extra", {"url": "extra/01-z/", "title": "Z"}),
            ("main", {"url": "lessons/02-b/", "title": "B"})]
    groups = views.home_series([("main", "Main", "M"), ("empty", "Empty", "E"), ("extra", "Extra", "X")], rows, "")
    assert [(g.id, [r["href"] for r in g.rows]) for g in groups] == [
        ("main", ["lessons/01-a/", "lessons/02-b/"]), ("extra", ["extra/01-z/"])]
