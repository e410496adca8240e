"""Accessibility: axe-core finds no critical or serious violation on any page of either language, at phone and
desktop widths, light and dark, once the page's scripts ran; on the pages readers use most, none either with the
phone nav drawer, the language menu or the search dialog open; and on every page, what scrolls sideways can be
reached by keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from coursekit.testing.axe import LOOKS, axe_source, control_violations, look_context as new_look_context, page_violations
from coursekit.testing.crawl import Crawl
from course_site import REPO
from page_survey import PageRecord
from site_languages import LANGUAGES, by_language, language_of

pytestmark = [pytest.mark.browser, pytest.mark.both_engines]

PAGES = {"home": "", "lesson": "lessons/03-forward-process/", "achievements": "achievements/", "progress": "progress/"}
SEARCH_QUERY = {"en": "noise", "ko": "노이즈"}


@pytest.fixture(scope="module", params=list(LOOKS))
def look_context(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[str, Any]]:
    """One browser context per look (width and colour scheme), shared by the pages checked in it."""
    context = new_look_context(browser, request.param)
    yield request.param, context
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_has_a_serious_or_critical_axe_violation(look_context: tuple[str, Any], site_server: str,
                                                         site_crawl: Crawl, lang: str) -> None:
    """Every crawled page of the language (lessons, home, progress pages, the 404 page), as it is once it settled."""
    look, context = look_context
    urls = sorted(url for url in site_crawl.pages if language_of(site_server, url) == lang)
    assert len(urls) >= 4, urls
    found = page_violations(context, urls, axe_source(REPO))
    assert not found, f"{look}:\n" + "\n".join(found)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page_name", PAGES)
def test_no_serious_or_critical_axe_violation_with_a_control_open(look_context: tuple[str, Any], site_server: str, lang: str,
                                              page_name: str) -> None:
    look, context = look_context
    url = site_server + LANGUAGES[lang] + PAGES[page_name]
    found = control_violations(context, url, axe_source(REPO), viewport=LOOKS[look][0], search_query=SEARCH_QUERY[lang])
    assert not found, f"{url} ({look}):\n" + "\n".join(found)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_sideways_scrolling_region_is_reachable_by_keyboard(page_records: dict[str, PageRecord],
                                                                  lang: str) -> None:
    """Every page at phone width (axe's scrollable-region-focusable, measured in the one survey pass): a wide table
    or formula scrolls sideways, and a keyboard user must be able to focus it to scroll it."""
    unreachable = [f"{record.url}: {region}" for record in by_language(page_records, lang)
                   for region in record.measure["unreachableScrollers"]]
    assert not unreachable, "\n".join(unreachable)
