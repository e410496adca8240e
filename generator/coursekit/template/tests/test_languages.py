"""Languages: the home page and every lesson are built in every language, and each page says which it is in."""

from pathlib import Path

import pytest

from coursekit.testing.languages import language_roots
from coursekit.testing.site_checks import missing_pages, wrong_language

LANGUAGES = language_roots(Path(__file__).resolve().parents[1])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_is_built_in_every_language(built_site, lang):
    assert missing_pages(built_site, LANGUAGES, lang) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_declares_its_language(site_server, site_crawl, lang):
    assert wrong_language(site_crawl, site_server, LANGUAGES, lang) == []
