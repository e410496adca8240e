"""Shared fixtures: the repository's real site, built once per test session, served under a sub-path, and Chromium.

Fixtures for other tests:
- `built_site`: Path of the site built from this repository (both languages, strict), Korean under ko/.
- `site_server`: base URL (ending in '/') serving `built_site` under /<course name>/ (course.yml) on 127.0.0.1.
- `browser`: a Playwright Browser running Debian's Chromium (/usr/bin/chromium).
- `page`: a fresh browser context and page per test (so localStorage starts empty).
- `browser_with_scrollbars`: the same Chromium showing classic scrollbars, as on a reader's desktop (Playwright
  hides them by default, and a scrollbar that comes or goes is a layout shift).
- `launch_chromium(extra_args=..., show_scrollbars=...)`: another Chromium with extra command-line flags.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from course_site import REPO, SUB_PATH, build_site  # noqa: E402
from site_server import SiteServer, free_port  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


# A test that uses any of these needs Chromium or a build of the whole course (each costs tens of seconds); the
# rest is the fast loop, `make test-fast` (pytest -m "not whole_site").
WHOLE_SITE_FIXTURES = {"built_site", "source_snapshot", "_playwright"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if WHOLE_SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.whole_site)


@pytest.fixture(scope="session", autouse=True)
def course_content() -> Iterator[object]:
    """The diffusion course's content (figure kinds, scenes, answers, captions), as mkdocs.yml registers it: the
    library-level tests of figures and questions read it the way the plugin does during a build."""
    from coursekit import content

    registry = content.load(["build_hooks"])
    content.install(registry)
    yield registry
    content.install(content.Registry())


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    site = tmp_path_factory.mktemp("built") / "site"
    # site_url matches where site_server serves it, as the publish workflow sets it to the Pages URL.
    result = build_site(REPO, site, site_url=f"http://127.0.0.1:{site_port}{SUB_PATH}")
    assert result.ok, result.output
    return site


@pytest.fixture(scope="session")
def site_server(built_site: Path, site_port: int) -> Iterator[str]:
    with SiteServer(built_site, port=site_port, prefix=SUB_PATH) as server:
        yield server.url


@pytest.fixture(scope="session")
def _playwright() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test` (it installs Debian's chromium) "
                    "or set CHROMIUM_PATH", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:  # one per session: the sync API allows one per thread
        yield playwright


@pytest.fixture(scope="session")
def launch_chromium(_playwright: object) -> Iterator[Callable[..., object]]:
    """Start Debian's Chromium with the suite's flags plus any given; all are closed at the end of the session."""
    started: list[object] = []

    def launch(*, extra_args: Sequence[str] = (), show_scrollbars: bool = False) -> object:
        chromium = _playwright.chromium.launch(  # type: ignore[attr-defined]
            executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *extra_args], headless=True,
            ignore_default_args=["--hide-scrollbars"] if show_scrollbars else None)
        started.append(chromium)
        return chromium

    yield launch
    for chromium in started:
        chromium.close()  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def browser(launch_chromium: Callable[..., object]) -> object:
    return launch_chromium()


@pytest.fixture(scope="session")
def browser_with_scrollbars(launch_chromium: Callable[..., object]) -> object:
    return launch_chromium(show_scrollbars=True)


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context()  # type: ignore[attr-defined]
    tab = context.new_page()
    yield tab
    context.close()
