"""The light/dark switch in the header (overrides/partials/palette.html and partials/javascripts/palette.html), in
Chromium: the system's scheme from the first frame, the switch by keyboard in both languages, the choice kept
across reloads, instant navigation and languages, and unreadable saved data that breaks nothing."""

from __future__ import annotations

from typing import Any

import pytest

import yaml

from coursekit.i18n import load_strings
from course_site import LANGUAGE_ROOTS, REPO

pytestmark = [pytest.mark.browser, pytest.mark.both_engines]

SWITCH = "[data-course-palette]"
KEY = yaml.safe_load((REPO / "course.yml").read_text(encoding="utf-8"))["course"]["name"] + "/palette/v1"  # the course's own storage prefix
# The scheme <body> carries in the first frame: requestAnimationFrame callbacks run just before a frame is drawn.
RECORD_FIRST_FRAME = "requestAnimationFrame(() => { window.__firstScheme = document.body.dataset.mdColorScheme; })"
# Read after two frames: the browser-bar colour is taken in the frame after a change.
STATE = """async () => { await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return {scheme: document.body.dataset.mdColorScheme,
  root: getComputedStyle(document.documentElement).colorScheme,
  background: getComputedStyle(document.body).backgroundColor,
  label: document.querySelector('[data-course-palette]').getAttribute('aria-label'),
  header: getComputedStyle(document.querySelector('.md-header')).backgroundColor,
  browserBar: [...document.querySelectorAll('meta[name="theme-color"]')].map((meta) => meta.content)}; }"""
LIGHT_BACKGROUND = "rgb(255, 255, 255)"


def open_page(browser: Any, url: str, *, system: str) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(color_scheme=system)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(RECORD_FIRST_FRAME)
    page.goto(url, wait_until="load")
    return context, page, errors


@pytest.mark.parametrize("lang_root", LANGUAGE_ROOTS.values())
def test_a_reader_in_dark_mode_sees_the_dark_scheme_from_the_first_frame(browser: Any, site_server: str,
                                                                        lang_root: str) -> None:
    context, page, errors = open_page(browser, site_server + lang_root, system="dark")
    first = page.evaluate("window.__firstScheme")
    state = page.evaluate(STATE)
    context.close()
    assert first == "slate"
    assert state["scheme"] == "slate" and state["root"] == "dark"  # the page's own scrollbar turns dark too
    assert state["background"] != LIGHT_BACKGROUND
    assert state["browserBar"] == [state["header"]]  # a phone's browser bar matches the header
    assert state["label"] == load_strings(lang_root.rstrip("/") or next(iter(LANGUAGE_ROOTS)))["site"]["palette_to"]["default"]
    assert errors == []


@pytest.mark.parametrize("lang", LANGUAGE_ROOTS)
def test_the_switch_works_by_keyboard_names_itself_in_the_page_language_and_is_remembered(
        browser: Any, site_server: str, lang: str) -> None:
    labels = load_strings(lang)["site"]["palette_to"]
    root = site_server + LANGUAGE_ROOTS[lang]
    context, page, errors = open_page(browser, root, system="light")
    assert page.evaluate(STATE)["label"] == labels["slate"]
    page.focus(SWITCH)
    page.keyboard.press("Enter")
    dark = page.evaluate(STATE)
    page.keyboard.press(" ")
    light = page.evaluate(STATE)
    page.keyboard.press("Enter")  # dark again, and keep it
    page.reload(wait_until="load")
    reloaded = (page.evaluate("window.__firstScheme"), page.evaluate(STATE))
    page.wait_for_function("() => typeof window.document$ !== 'undefined'")
    page.click("nav.md-nav--primary a[href*='lessons/01-']")  # Material's instant navigation keeps the header
    page.wait_for_url("**/lessons/01-*/")
    navigated = page.evaluate(STATE)
    context.close()
    assert (dark["scheme"], dark["root"], dark["label"]) == ("slate", "dark", labels["default"])
    assert dark["background"] != LIGHT_BACKGROUND
    assert (light["scheme"], light["root"], light["label"]) == ("default", "light", labels["slate"])
    assert light["background"] == LIGHT_BACKGROUND
    assert reloaded[0] == "slate" and reloaded[1]["label"] == labels["default"]
    assert navigated["scheme"] == "slate" and navigated["label"] == labels["default"]
    assert navigated["browserBar"] == [navigated["header"]] and light["browserBar"] == [light["header"]]
    assert errors == []


def test_an_unreadable_saved_choice_leaves_the_system_scheme_and_is_kept(browser: Any, site_server: str) -> None:
    context, page, errors = open_page(browser, site_server, system="dark")
    page.evaluate("(key) => localStorage.setItem(key, '{not json')", KEY)
    page.reload(wait_until="load")
    state = page.evaluate(STATE)
    stored = page.evaluate("(key) => localStorage.getItem(key)", KEY)
    page.click(SWITCH)  # switching still works, and saves a readable choice over the unreadable one
    after = page.evaluate(STATE)
    context.close()
    assert state["scheme"] == "slate"
    assert stored == "{not json"
    assert after["scheme"] == "default"
    assert errors == []


def test_a_reader_who_never_chose_follows_the_system_when_it_changes(browser: Any, site_server: str) -> None:
    context, page, errors = open_page(browser, site_server, system="light")
    before = page.evaluate(STATE)["scheme"]
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    context.close()
    assert before == "default"
    assert errors == []


def test_the_choice_holds_in_the_other_language(browser: Any, site_server: str) -> None:
    other = list(LANGUAGE_ROOTS)[1]
    context, page, errors = open_page(browser, site_server, system="light")
    page.click(SWITCH)
    page.goto(site_server + LANGUAGE_ROOTS[other] + "lessons/01-what-a-generative-model-learns/", wait_until="load")
    first = page.evaluate("window.__firstScheme")
    state = page.evaluate(STATE)
    context.close()
    assert first == "slate" and state["scheme"] == "slate"
    assert state["label"] == load_strings(other)["site"]["palette_to"]["default"]
    assert errors == []
