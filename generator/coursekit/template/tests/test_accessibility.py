"""Accessibility: axe-core finds no critical or serious violation on any page of any language, on a phone and a
desktop, light and dark, nor on the home page with the navigation drawer, the language menu or search open."""

from pathlib import Path

import pytest

from coursekit.testing.axe import LOOKS, control_violations, look_context, page_violations
from coursekit.testing.languages import language_of, language_roots
from coursekit.testing.site_checks import read_manifest

LANGUAGES = language_roots(Path(__file__).resolve().parents[1])


@pytest.fixture(scope="module", params=list(LOOKS))
def look(request, browser):
    context = look_context(browser, request.param)
    yield request.param, context
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_has_a_serious_axe_violation(look, site_server, site_crawl, axe_core, lang):
    name, context = look
    urls = sorted(url for url in site_crawl.pages if language_of(site_server, url, LANGUAGES) == lang)
    found = page_violations(context, urls, axe_core)
    assert not found, f"{name}:\n" + "\n".join(found)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_serious_axe_violation_with_a_control_open(look, built_site, site_server, axe_core, lang):
    name, context = look
    title = read_manifest(built_site)["lessons"][0]["title"][lang]
    query = max(title.split(), key=len)  # a word of a lesson's title finds it (the longest is no stop word)
    found = control_violations(context, site_server + LANGUAGES[lang], axe_core, viewport=LOOKS[name][0],
                               search_query=query)
    assert not found, f"{name}:\n" + "\n".join(found)
