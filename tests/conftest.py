"""Shared fixtures: the repository's real site, built once per test session, served under a sub-path, and Chromium.

Fixtures for other tests:
- `engine`: which engine built the site the fixtures below give: "material" (`make build`), or, in a test marked
  `both_engines`, each of course_site.SITE_ENGINES in turn ("materialx": `make build ENGINE=materialx`).
- `built_site`: Path of the site built from this repository (both languages, strict), Korean under ko/.
- `site_server`: base URL (ending in '/') serving `built_site` under /<course name>/ (course.yml) on 127.0.0.1.
- `browser`: a Playwright Browser running Debian's Chromium (/usr/bin/chromium).
- `page`: a fresh browser context and page per test (so localStorage starts empty).
- `browser_with_scrollbars`: the same Chromium showing classic scrollbars, as on a reader's desktop (Playwright
  hides them by default, and a scrollbar that comes or goes is a layout shift).
- `launch_chromium(extra_args=..., show_scrollbars=...)`: another Chromium with extra command-line flags.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from coursekit.testing import chromium  # noqa: E402
from coursekit.testing.server import SiteServer, free_port  # noqa: E402
from course_site import REPO, SITE_ENGINES, SUB_PATH, build_site  # noqa: E402


# A test that uses any of these needs Chromium or a build of the whole course (each costs tens of seconds); the
# rest is the fast loop, `make test-fast` (pytest -m "not whole_site").
WHOLE_SITE_FIXTURES = {"built_site", "source_snapshot", "_playwright"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that uses a build (through `engine`) gets it as a parameter, so one build per engine serves the whole
    session: "material" alone, or each engine for a test marked `both_engines` (a module's pytestmark counts), or the
    one engine a test marked `only_engine(name, reason=...)` names (where the engines differ on purpose)."""
    if "engine" not in metafunc.fixturenames:
        return
    only = metafunc.definition.get_closest_marker("only_engine")
    if only is not None:
        assert only.args[0] in SITE_ENGINES and only.kwargs.get("reason"), "only_engine(name, reason='why')"
        engines: tuple[str, ...] = (only.args[0],)
    elif metafunc.definition.get_closest_marker("both_engines"):
        engines = SITE_ENGINES
    else:
        engines = ("material",)
    metafunc.parametrize("engine", engines, indirect=True, scope="session")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if WHOLE_SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.whole_site)


GENERATOR_TESTS = Path(__file__).parent / "generator"


@pytest.fixture(scope="session")
def _course_registry() -> object:
    from coursekit import content

    return content.load(["build_hooks"])


@pytest.fixture(scope="module", autouse=True)  # before any module-scoped fixture that computes figures
def course_content(request: pytest.FixtureRequest) -> Iterator[None]:
    """The diffusion course's content (figure kinds, scenes, answers, captions), as mkdocs.yml registers it: the
    library-level tests of figures and questions read it the way the plugin does during a build. The generator's
    own tests (tests/generator/) run without it: they must pass with the course deleted."""
    from coursekit import content

    if request.path.is_relative_to(GENERATOR_TESTS):
        content.install(content.Registry())
    else:
        content.install(request.getfixturevalue("_course_registry"))
    yield
    content.install(content.Registry())


@pytest.fixture(scope="session")
def engine(request: pytest.FixtureRequest) -> str:
    return request.param  # set by pytest_generate_tests


@pytest.fixture(scope="session")
def site_port(engine: str) -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int, engine: str) -> Path:
    site = tmp_path_factory.mktemp(f"built-{engine}") / "site"
    # site_url matches where site_server serves it, as the publish workflow sets it to the Pages URL.
    result = build_site(REPO, site, site_url=f"http://127.0.0.1:{site_port}{SUB_PATH}", engine=engine)
    assert result.ok, result.output
    return site


@pytest.fixture(scope="session")
def site_server(built_site: Path, site_port: int) -> Iterator[str]:
    with SiteServer(built_site, port=site_port, prefix=SUB_PATH) as server:
        yield server.url


@pytest.fixture(scope="session")
def _playwright() -> Iterator[object]:
    missing = chromium.missing_message()
    if missing:
        pytest.fail(missing, pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:  # one per session: the sync API allows one per thread
        yield playwright


@pytest.fixture(scope="session")
def launch_chromium(_playwright: object) -> Iterator[Callable[..., object]]:
    """Start Debian's Chromium with the suite's flags plus any given; all are closed at the end of the session."""
    started: list[object] = []

    def launch(*, extra_args: Sequence[str] = (), show_scrollbars: bool = False) -> object:
        browser = chromium.launch(_playwright, extra_args=extra_args, show_scrollbars=show_scrollbars)
        started.append(browser)
        return browser

    yield launch
    for browser in started:
        browser.close()  # type: ignore[attr-defined]


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
