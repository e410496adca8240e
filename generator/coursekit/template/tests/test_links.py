"""Links: every page is reached from a home page, and every internal link, #anchor and asset of every page (the
404 pages included) resolves over real HTTP under the site's sub-path."""

from pathlib import Path

import pytest

from coursekit.testing.languages import language_roots
from coursekit.testing.site_checks import broken_links, unreached_pages

LANGUAGES = language_roots(Path(__file__).resolve().parents[1])


def test_every_built_page_is_reached_by_a_link(built_site, site_server, site_crawl):
    assert unreached_pages(built_site, site_server, site_crawl) == [], "pages no link leads to"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_link_anchor_and_asset_resolves(site_server, site_crawl, lang):
    broken = broken_links(site_crawl, site_server, LANGUAGES, lang)
    assert not broken, "\n".join(broken)
