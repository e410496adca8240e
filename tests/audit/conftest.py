"""The audit of the built site as readers get it: one HTTP crawl and one Chromium pass, shared by every check.

Fixtures:
- `site_crawl`: every page reachable from each language's home and 404 page, fetched over HTTP from `site_server`.
- `page_records`: one Chromium visit per crawled page (and the 404 pages), recorded as page_survey.PageRecord.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from coursekit.testing.crawl import Crawl, crawl, is_missing_page_url  # noqa: E402
from page_survey import PageRecord, survey  # noqa: E402
from site_languages import LANGUAGES, language_of  # noqa: E402


@pytest.fixture(scope="session")
def site_crawl(site_server: str) -> Crawl:
    return crawl(site_server, LANGUAGES)


@pytest.fixture(scope="session")
def page_records(browser: object, site_server: str, site_crawl: Crawl) -> dict[str, PageRecord]:
    urls = sorted(site_crawl.pages, key=lambda url: (language_of(site_server, url), url))
    return survey(browser, urls, language_of=lambda url: language_of(site_server, url),
                  expected_status=lambda url: 404 if is_missing_page_url(url) else 200,
                  site_host=urlsplit(site_server).netloc)

