"""The same sources built with ProperDocs (the maintained fork of MkDocs 1.x) give readers the same site.

ProperDocs reads mkdocs.yml as it is (passed with -f; its hook builds the other languages with the same engine), runs the `hooks:` and Material's theme
and search plugin unchanged. The only byte difference found is the `<meta name="generator">` tag naming the engine.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from course_site import LANGUAGE_ROOTS, SUB_PATH, ColdBuild, build_site

SITE_URL = f"http://127.0.0.1:8000{SUB_PATH}"
LANG_ROOTS = LANGUAGE_ROOTS
GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)"')


def build_copy(snapshot: Path, root: Path, engine: str) -> Path:
    """Both languages, strict, with `engine`, from a fresh copy of the sources (so each engine computes figures)."""
    source = Path(shutil.copytree(snapshot, root / "source"))
    result = build_site(source, root / "site", site_url=SITE_URL, engine=engine)
    assert result.ok, result.output
    assert "WARNING" not in result.output, result.output
    return root / "site"


@pytest.fixture(scope="module")
def mkdocs_site(builds: tuple[ColdBuild, ColdBuild]) -> Path:
    """The MkDocs build of the same snapshot: the reproducibility test's first cold build (conftest.py), not the
    session's `built_site`, which reads the live tree."""
    return builds[0].site


@pytest.fixture(scope="module")
def properdocs_site(source_snapshot: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_copy(source_snapshot, tmp_path_factory.mktemp("properdocs"), "properdocs")


def pages(site: Path, lang: str) -> list[str]:
    """Site-relative paths of one language's HTML pages (Korean pages live under ko/)."""
    found = (path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    return sorted(name for name in found if next((code for code, root in LANG_ROOTS.items() if root and
                                                   name.startswith(root)), next(iter(LANG_ROOTS))) == lang)


def every_match(pattern: str) -> Callable[[str], str]:
    compiled = re.compile(pattern, re.S)
    return lambda html: "\n".join(compiled.findall(html))


# What a reader sees on a page, each part cut out of the HTML the same way for both builds.
READER_VIEW: dict[str, Callable[[str], str]] = {
    "language and title": every_match(r'<html lang="[^"]*"|<title>.*?</title>'),
    "lesson header": every_match(r'<header class="lesson-header">.*?</header>'),
    "figures": every_match(r"<figure\b.*?</figure>"),
    "article": every_match(r"<article\b.*?</article>"),
    "navigation": every_match(r'<nav class="md-nav md-nav--primary".*?</nav>'),
    "stylesheets and scripts": every_match(r'<link rel="stylesheet"[^>]*>|<script src="[^"]*"'),
}


def test_the_build_really_ran_under_properdocs(properdocs_site: Path, mkdocs_site: Path) -> None:
    for lang in LANG_ROOTS:
        html = (properdocs_site / LANG_ROOTS[lang] / "index.html").read_text(encoding="utf-8")
        assert "ProperDocs" in GENERATOR.search(html).group(1)
        assert "ProperDocs" not in GENERATOR.search((mkdocs_site / LANG_ROOTS[lang] / "index.html").read_text(
            encoding="utf-8")).group(1)


@pytest.mark.parametrize("lang", LANG_ROOTS)
def test_same_pages_in_each_language(properdocs_site: Path, mkdocs_site: Path, lang: str) -> None:
    assert pages(properdocs_site, lang) == pages(mkdocs_site, lang)
    assert any("/lessons/" in f"/{name}" for name in pages(mkdocs_site, lang))


@pytest.mark.parametrize("part", READER_VIEW)
@pytest.mark.parametrize("lang", LANG_ROOTS)
def test_every_page_shows_the_reader_the_same(properdocs_site: Path, mkdocs_site: Path, lang: str, part: str) -> None:
    cut = READER_VIEW[part]
    differing = [name for name in pages(mkdocs_site, lang)
                 if cut((properdocs_site / name).read_text(encoding="utf-8"))
                 != cut((mkdocs_site / name).read_text(encoding="utf-8"))]
    assert not differing, f"{part} differs between ProperDocs and MkDocs on {differing}"


@pytest.mark.parametrize("lang", LANG_ROOTS)
def test_lessons_have_their_header_and_figures(properdocs_site: Path, lang: str) -> None:
    lessons = [name for name in pages(properdocs_site, lang) if "lessons/" in name]
    with_figures = 0
    for name in lessons:
        html = (properdocs_site / name).read_text(encoding="utf-8")
        assert '<header class="lesson-header">' in html, name  # the course hook ran
        figures = re.findall(r'(?:src|data-src)="((?:\.\./)+assets/figures/[^"]+)"', html)
        for url in figures:  # the figure hook ran and wrote what the page points at
            assert (properdocs_site / name).parent.joinpath(url).resolve().is_file(), (name, url)
        with_figures += bool(figures)
    assert with_figures >= len(lessons) // 2, f"only {with_figures} of {len(lessons)} lessons show a figure"


@pytest.mark.parametrize("lang", LANG_ROOTS)
def test_same_figure_files(properdocs_site: Path, mkdocs_site: Path, lang: str) -> None:
    folder = Path(LANG_ROOTS[lang]) / "assets" / "figures"
    ours = {p.name: p.read_bytes() for p in (properdocs_site / folder).iterdir()}
    assert ours and ours == {p.name: p.read_bytes() for p in (mkdocs_site / folder).iterdir()}


@pytest.mark.parametrize("lang", LANG_ROOTS)
def test_search_index_is_the_same_and_in_the_page_language(properdocs_site: Path, mkdocs_site: Path,
                                                            lang: str) -> None:
    index_path = Path(LANG_ROOTS[lang]) / "search" / "search_index.json"
    index = json.loads((properdocs_site / index_path).read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]  # Material's search plugin, not the engine's own
    assert index == json.loads((mkdocs_site / index_path).read_text(encoding="utf-8"))
