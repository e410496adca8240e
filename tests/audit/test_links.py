"""Links: every internal link, #anchor and asset of every page, both languages and their 404 pages, resolves.

Checked with real HTTP requests against the site served under its sub-path (site_server), not the file tree, so a
root-absolute /assets/... URL or a link that only works at one depth shows up as broken.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.testing.crawl import Crawl
from coursekit.testing.site_checks import broken_links, unreached_pages
from page_survey import PageRecord
from site_languages import LANGUAGES, by_language

pytestmark = pytest.mark.both_engines


def test_the_crawl_reaches_every_built_page(built_site: Path, site_server: str, site_crawl: Crawl) -> None:
    assert unreached_pages(built_site, site_server, site_crawl) == [], "pages no link leads to (so nothing here checked them)"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_internal_link_anchor_and_asset_resolves(site_server: str, site_crawl: Crawl, lang: str) -> None:
    broken = broken_links(site_crawl, site_server, LANGUAGES, lang)
    assert not broken, f"{len(broken)} broken of {site_crawl.checked} URLs checked:\n" + "\n".join(broken[:40])


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_the_browser_fetches_from_the_site_fails(page_records: dict[str, PageRecord], lang: str) -> None:
    failed = [f"{record.url}: {request}" for record in by_language(page_records, lang)
              for request in record.failed_requests]
    assert not failed, "\n".join(failed[:40])
