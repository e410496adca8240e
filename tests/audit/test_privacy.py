"""Privacy: loading any page in Chromium asks no host but the site's own for anything (fonts, math, scripts, APIs)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from page_survey import PageRecord
from site_languages import LANGUAGES, by_language

pytestmark = [pytest.mark.browser, pytest.mark.both_engines]
LOCAL_SCHEMES = {"data", "blob", "about"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_requests_only_the_site_s_own_host(page_records: dict[str, PageRecord], site_server: str,
                                                       lang: str) -> None:
    own = urlsplit(site_server).netloc
    records = by_language(page_records, lang)
    assert all(record.requests for record in records), "the request recorder saw nothing"
    foreign = sorted({f"{record.url} -> {url}" for record in records for url in record.requests
                      if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).netloc != own})
    assert not foreign, "\n".join(foreign[:40])
