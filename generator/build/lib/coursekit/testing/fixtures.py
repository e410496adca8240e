"""pytest fixtures for a course's own tests: its site built once per session (every language, strict), served over
HTTP under a sub-path as GitHub Pages serves a project site, crawled once, and Debian's Chromium.

A course's tests/conftest.py says `pytest_plugins = ["coursekit.testing.fixtures"]`. The course is the folder pytest
runs in (its rootdir), or the one COURSE_ROOT names.

- `course_root`: Path of the course; `languages`: code -> folder under the site root ('' for the primary).
- `built_site`: Path of the built site; `site_server`: its base URL, ending in '/'.
- `site_crawl`: every page reachable from each language's home and 404 page (coursekit.testing.crawl.Crawl).
- `browser`: Chromium (Playwright); `page`: a fresh context and page per test, so storage starts empty.
- `axe_core`: Path of axe-core's script (the course's node_modules).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coursekit.yaml_loading import load_yaml

from . import chromium
from .axe import axe_source
from .build import build_site
from .crawl import Crawl, crawl
from .languages import language_roots
from .server import SiteServer, free_port


@pytest.fixture(scope="session")
def course_root(pytestconfig: pytest.Config) -> Path:
    return Path(os.environ.get("COURSE_ROOT") or pytestconfig.rootpath).resolve()


@pytest.fixture(scope="session")
def languages(course_root: Path) -> dict[str, str]:
    return language_roots(course_root)


@pytest.fixture(scope="session")
def sub_path(course_root: Path) -> str:
    """/<course name>/, where GitHub Pages serves a project site named like the course."""
    course = load_yaml((course_root / "course.yml").read_text(encoding="utf-8"))["course"]
    return f"/{course['name']}/"


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(course_root: Path, tmp_path_factory: pytest.TempPathFactory, site_port: int, sub_path: str) -> Path:
    site = tmp_path_factory.mktemp("built") / "site"
    # site_url is where site_server serves it, as the publish workflow sets it to the Pages URL.
    result = build_site(course_root, site, site_url=f"http://127.0.0.1:{site_port}{sub_path}")
    if not result.ok:
        pytest.fail(f"the site does not build (make build shows why):\n{result.output}", pytrace=False)
    return site


@pytest.fixture(scope="session")
def site_server(built_site: Path, site_port: int, sub_path: str) -> Iterator[str]:
    with SiteServer(built_site, port=site_port, prefix=sub_path) as server:
        yield server.url


@pytest.fixture(scope="session")
def site_crawl(site_server: str, languages: dict[str, str]) -> Crawl:
    return crawl(site_server, languages)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    missing = chromium.missing_message()
    if missing:
        pytest.fail(missing, pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        started = chromium.launch(playwright)
        yield started
        started.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def axe_core(course_root: Path) -> Path:
    try:
        return axe_source(course_root)
    except FileNotFoundError as error:
        pytest.fail(str(error), pytrace=False)
