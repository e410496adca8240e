"""The scrubber in real Chromium, on the real site served under a sub-path (fixtures from tests/conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.both_engines]


@pytest.fixture(scope="module")
def scrubber_path(built_site: Path) -> str:
    """Site-relative URL of the first English page that has a scrubber figure."""
    for html in sorted(built_site.rglob("index.html")):
        rel = html.relative_to(built_site)
        if rel.parts[0] != "ko" and "data-scrubber" in html.read_text(encoding="utf-8"):
            return rel.parent.as_posix() + "/"
    pytest.fail("no page of the built site has a scrubber figure (kind: scrubber)")


def test_keyboard_moves_the_frame_and_announces_t(page, site_server: str, scrubber_path: str) -> None:
    page.goto(site_server + scrubber_path)
    fig = page.locator("figure[data-scrubber]").first
    fig.wait_for()
    assert fig.get_attribute("data-scrubber-ready") == "1"
    texts = json.loads(fig.get_attribute("data-texts"))
    slider = fig.locator('input[type="range"]')
    output = fig.locator("output")
    assert slider.is_visible() and not fig.locator(".course-scrubber__sheet").is_visible()
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert slider.get_attribute("aria-valuetext") == texts[2]
    assert output.text_content() == texts[2] and texts[2].startswith("t = ")
    assert fig.get_attribute("data-frame") == "2"
    page.keyboard.press("End")
    assert output.text_content() == texts[-1]
    page.keyboard.press("Home")
    assert output.text_content() == texts[0] == "t = 0, ᾱ_t = 1.00"
    assert output.get_attribute("aria-live") == "polite"


def test_sheet_loads_only_when_the_figure_comes_near(page, site_server: str, scrubber_path: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_viewport_size({"width": 1000, "height": 500})
    page.goto(site_server + scrubber_path)
    fig = page.locator("figure[data-scrubber]").first
    sheet = fig.get_attribute("data-src").rsplit("/", 1)[-1]
    top = fig.evaluate("el => el.getBoundingClientRect().top")
    if top > 500 + 400:  # only meaningful when the figure starts well below the fold
        page.wait_for_timeout(300)
        assert not any(sheet in url for url in requested)
    fig.scroll_into_view_if_needed()
    page.wait_for_function("el => el.classList.contains('is-loaded')", arg=fig.element_handle())
    page.wait_for_timeout(300)
    assert any(sheet in url for url in requested)
    assert "url(" in fig.locator(".course-scrubber__view").evaluate("el => el.style.backgroundImage")


def test_without_javascript_the_static_sheet_shows(browser, site_server: str, scrubber_path: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server + scrubber_path)
        fig = page.locator("figure[data-scrubber]").first
        sheet = fig.locator("img.course-scrubber__sheet")
        sheet.scroll_into_view_if_needed()
        assert sheet.is_visible()
        assert int(sheet.get_attribute("width")) > 0 and sheet.get_attribute("alt")
        assert not fig.locator('input[type="range"]').is_visible()
    finally:
        context.close()


def test_instant_navigation_sets_up_the_scrubber_once(page, site_server: str, scrubber_path: str) -> None:
    page.goto(site_server)
    link = page.locator(f'a[href$="{scrubber_path}"]').first
    if link.count() == 0:
        pytest.skip("the home page does not link the scrubber page directly")
    link.click()
    page.wait_for_url("**/" + scrubber_path)
    fig = page.locator("figure[data-scrubber]").first
    fig.wait_for()
    page.wait_for_function("el => el.dataset.scrubberReady === '1'", arg=fig.element_handle())
    slider = fig.locator('input[type="range"]')
    slider.focus()
    page.keyboard.press("ArrowRight")
    assert fig.get_attribute("data-frame") == "1"  # one listener: one key press moves one frame


def test_scrubber_works_after_instant_navigation_from_a_page_without_one(page, site_server: str,
                                                                          scrubber_path: str) -> None:
    """Only pages with a scrubber load its script: arriving from the home page must still enhance it."""
    page.goto(site_server)
    page.wait_for_function("() => window.document$ !== undefined")
    assert page.locator("script[src$='scrubber.js']").count() == 0
    page.evaluate("() => { window.sameDocument = true; }")
    page.evaluate("url => { const a = document.createElement('a'); a.href = url; a.textContent = 'go';"
                  " document.querySelector('.md-content').append(a); a.click(); }", site_server + scrubber_path)
    fig = page.locator("figure[data-scrubber]").first
    fig.wait_for()
    page.wait_for_function("el => el.dataset.scrubberReady === '1'", arg=fig.element_handle())
    assert page.evaluate("() => window.sameDocument === true")  # an instant navigation, not a full load
    assert fig.locator('input[type="range"]').is_visible()
    assert fig.locator(".course-scrubber__view").evaluate("el => getComputedStyle(el).backgroundRepeat") == "no-repeat"


def test_scrubber_works_after_leaving_its_page_and_coming_back(page, site_server: str, scrubber_path: str) -> None:
    """A full load runs the script before Material's bundle: it must still follow the pages swapped in later."""
    page.goto(site_server + scrubber_path)
    page.wait_for_function("() => document.querySelector('figure[data-scrubber]')?.dataset.scrubberReady === '1'")
    page.evaluate("() => { window.sameDocument = true; }")
    for url in (site_server, site_server + scrubber_path):
        page.evaluate("url => { const a = document.createElement('a'); a.href = url; a.textContent = 'go';"
                      " document.querySelector('.md-content').append(a); a.click(); }", url)
        page.wait_for_url(url)
    page.wait_for_function("() => document.querySelector('figure[data-scrubber]')?.dataset.scrubberReady === '1'")
    assert page.evaluate("() => window.sameDocument === true")  # instant navigations, not full loads
    assert page.locator("figure[data-scrubber] input[type='range']").first.is_visible()
