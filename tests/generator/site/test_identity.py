"""A course's identity lives in course.yml (`course`: name, title, repository, logo): the built pages take their
repository links, report links and logo from there, and a course without a repository links to none."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coursekit.course.identity import parse_identity
from course_site import build_site, fixture_course_yml, two_lesson_course, write_fixture_course

URL = "http://127.0.0.1:9/fixture-course/"
REPOSITORY = "https://gitlab.com/someone/intro-course"
LOGO = '<path d="M12 3 1 9l11 6 9-4.91V17h2V9M5 13.18v4L12 21l7-3.82v-4L12 17z"/>'  # material/school


def _build(tmp_path: Path, course_yml: str, extra_yml: str = "") -> Path:
    root = write_fixture_course(tmp_path / "course", two_lesson_course(), course_yml=course_yml, extra_yml=extra_yml)
    site = tmp_path / "site"
    result = build_site(root, site, site_url=URL)
    assert result.ok, result.output
    return site


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_repository_and_logo_come_from_course_yml(tmp_path: Path, prefix: str) -> None:
    course = fixture_course_yml(repository=REPOSITORY).replace("course: {", "course: {logo: material/school, ", 1)
    page = (_build(tmp_path, course) / prefix / "lessons/01-first/index.html").read_text(encoding="utf-8")
    assert f'<a href="{REPOSITORY}" title=' in page and 'class="md-source"' in page  # header and drawer
    social = re.search(r'<div class="md-social">.*?</div>', page, re.S).group(0)
    assert f'href="{REPOSITORY}"' in social and "GitLab" not in social  # named in the page's language
    report = re.search(r'class="lesson-report">[^<]*<a href="([^"]+)"', page).group(1)
    assert report.startswith(f"{REPOSITORY}/issues/new?")
    assert LOGO in page[page.index("md-logo"):]


def test_a_course_without_a_repository_links_to_none(tmp_path: Path) -> None:
    site = _build(tmp_path, fixture_course_yml(repository=""))
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "md-source" not in html and "md-social" not in html and "lesson-report" not in html, page
        assert "github.com" not in html and "diffusion-course" not in html, page


def test_mkdocs_yml_settings_win_over_course_yml(tmp_path: Path) -> None:
    mine = "https://github.com/me/my-fork"
    site = _build(tmp_path, fixture_course_yml(repository=REPOSITORY), extra_yml=f"repo_url: {mine}\n")
    page = (site / "lessons/01-first/index.html").read_text(encoding="utf-8")
    assert f'<a href="{mine}" title=' in page and REPOSITORY not in page
    assert 'class="lesson-report"><' not in page and f'{mine}/issues/new?' in page


@pytest.mark.parametrize(("course", "expected"), [
    ({"repository": "github.com/me/course"}, "course.yml: course.repository: expected the repository's web address"),
    ({"repository": ["https://github.com/me/course"]}, "course.yml: course.repository: expected the repository's"),
    ({"logo": "blur"}, "course.yml: course.logo: expected an icon shipped with the theme, such as material/school"),
    ({"logo": "assets/logo.svg "}, "course.yml: course.logo: expected an icon shipped with the theme"),
])
def test_an_identity_mistake_is_one_line_naming_the_key_and_the_fix(course: dict, expected: str) -> None:
    problems: list[str] = []
    parse_identity(course, problems)
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_an_icon_an_image_or_nothing_is_a_logo() -> None:
    problems: list[str] = []
    assert parse_identity({"logo": "material/blur"}, problems).logo_is_icon
    assert not parse_identity({"logo": "assets/logo.png"}, problems).logo_is_icon
    assert parse_identity({"repository": "https://github.com/o/r/"}, problems).repository == "https://github.com/o/r"
    assert parse_identity({}, problems).repository == "" and problems == []
