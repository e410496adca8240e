"""Links: every internal link, #anchor and asset of every page, both languages and their 404 pages, resolves.

Checked with real HTTP requests against the site served under its sub-path (site_server), not the file tree, so a
root-absolute /assets/... URL or a link that only works at one depth shows up as broken.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from http_crawl import Crawl, is_missing_page_url
from page_survey import PageRecord
from site_languages import LANGUAGES, by_language, language_of

pytestmark = pytest.mark.both_engines


def test_the_crawl_reaches_every_built_page(built_site: Path, site_server: str, site_crawl: Crawl) -> None:
    built = {site_server + path.relative_to(built_site).as_posix().removesuffix("index.html")
             for path in built_site.rglob("*.html") if path.name != "404.html"}
    crawled = {url for url in site_crawl.pages if not is_missing_page_url(url)}
    assert built - crawled == set(), "pages no link leads to (so nothing here checked them)"
    assert {lang for lang in LANGUAGES if site_server + LANGUAGES[lang] + "no/such/page/" in site_crawl.pages} == set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_internal_link_anchor_and_asset_resolves(site_server: str, site_crawl: Crawl, lang: str) -> None:
    broken = [str(item) for item in site_crawl.broken if language_of(site_server, item.page) == lang]
    assert not broken, f"{len(broken)} broken of {site_crawl.checked} URLs checked:\n" + "\n".join(broken[:40])


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_the_browser_fetches_from_the_site_fails(page_records: dict[str, PageRecord], lang: str) -> None:
    failed = [f"{record.url}: {request}" for record in by_language(page_records, lang)
              for request in record.failed_requests]
    assert not failed, "\n".join(failed[:40])
