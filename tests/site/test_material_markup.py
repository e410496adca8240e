"""The changes the course makes to Material's own markup, made on its output (overrides/main.html) rather than on
copied partials: checked on a small fixture course, so that a Material upgrade that changes the markup fails here,
in the fast tests, and not only in the browser audit. Checked on each engine's theme: mkdocs-materialx keeps
Material's markup for both, so the same replacements must find it there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from course_site import build_site, two_lesson_course, write_fixture_course

PAGES = ["index.html", "lessons/01-first/index.html"]

pytestmark = pytest.mark.both_engines


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    root = tmp_path_factory.mktemp("course")
    write_fixture_course(root, two_lesson_course())
    result = build_site(root, root / "site", site_url="http://127.0.0.1:9/diffusion-course/", engine=engine)
    assert result.ok, result.output
    return root / "site"


@pytest.mark.parametrize(("prefix", "label"), [("", "Search"), ("ko/", "검색")])
def test_the_search_dialog_has_a_name_in_the_page_language(site: Path, prefix: str, label: str) -> None:
    for name in PAGES:
        html = (site / prefix / name).read_text(encoding="utf-8")
        dialogs = re.findall(r'<div class="md-search"[^>]*>', html)
        assert dialogs == [f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{label}">'], name


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_repository_links_never_ask_github_for_counts(site: Path, prefix: str) -> None:
    for name in PAGES:
        html = (site / prefix / name).read_text(encoding="utf-8")
        assert html.count('class="md-source"') >= 2, name  # header and phone drawer both keep the link
        assert 'data-md-component="source"' not in html, name
