"""The site in real Chromium, served under a sub-path: search per language, the language menu, the 404 page."""

from __future__ import annotations

import re

import pytest

from coursekit.questions.parse import parse_questions
from course_site import REPO, SUB_PATH

pytestmark = [pytest.mark.browser, pytest.mark.both_engines]


def search(page, base: str, query: str) -> list[str]:
    """Type a query into Material's search dialog; return the result links' URLs."""
    page.goto(base)
    page.wait_for_function("() => typeof window.document$ !== 'undefined'")  # Material's scripts are running
    page.keyboard.press("/")  # Material's shortcut that opens search, as a keyboard user would
    box = page.locator("input.md-search__input")
    # Hangul arrives through an input method: text lands in the box, then key events (here End) follow.
    box.fill(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return [link.get_attribute("href") for link in page.locator(".md-search-result__item > a").all()]


@pytest.mark.parametrize(
    ("lang_root", "query", "expected_slug"),
    [
        ("ko/", "스케줄", "03-forward-process"),
        ("ko/", "가이던스", "08-guidance"),
        ("ko/", "잠재", "09-latent-diffusion"),
        ("", "schedule", "03-forward-process"),
    ],
)
def test_search_in_each_language_finds_that_language_s_lesson(page, site_server: str, lang_root: str, query: str,
                                                              expected_slug: str) -> None:
    hrefs = search(page, site_server + lang_root, query)
    assert any(f"lessons/{expected_slug}/" in (href or "") for href in hrefs), hrefs
    # Each language searches only its own index: Korean results stay under /ko/, English ones outside it.
    for href in hrefs:
        absolute = page.evaluate("(h) => new URL(h, location.href).pathname", href)
        assert ("/ko/" in absolute) == (lang_root == "ko/"), absolute


# Words of one self-check question of lesson 02 per language, rare enough that its lesson ranks among the first results.
QUESTION_WORDS = {"": "forward step multiplies", "ko/": "네트워크는 순수한 노이즈에서도"}


@pytest.mark.parametrize("lang_root", QUESTION_WORDS)
def test_searching_a_question_finds_its_lesson_and_not_the_review_page(page, site_server: str, lang_root: str) -> None:
    """The review page carries every question, hidden until a reader reviews: search must lead to the lesson that
    asks it. Material's lunr indexes pages before the bank goes in; MaterialX's Pagefind reads the finished page and
    skips the bank by its data-pagefind-ignore."""
    lesson, words = "lessons/02-diffusion-intuition", QUESTION_WORDS[lang_root]
    source = (REPO / "docs" / (lang_root or "en/") / f"{lesson}.md").read_text(encoding="utf-8")
    assert any(words in question.prompt for question in parse_questions(source, lesson)[0]), words
    search(page, site_server + lang_root, words)
    # Both engines render results as they come: wait until the count line states them and the first batch (up to
    # ten) is listed, then read them all.
    page.wait_for_function("""() => {
      const count = Number((document.querySelector('.md-search-result__meta')?.textContent.match(/\\d+/) || ['0'])[0]);
      return count > 0 && document.querySelectorAll('.md-search-result__list > li').length >= Math.min(count, 10);
    }""", timeout=15000)
    hrefs = [link.get_attribute("href") for link in page.locator(".md-search-result__item > a").all()]
    # Pagefind (MaterialX) links to .../index.html where lunr (Material) links to the folder: the same page.
    paths = [page.evaluate("(h) => new URL(h, location.href).pathname", href).removesuffix("index.html")
             for href in hrefs]
    assert any(path.endswith(f"{lesson}/") for path in paths), (words, paths)
    assert not any("/review/" in path for path in paths), (words, paths)


def test_language_menu_keeps_the_reader_on_the_same_lesson(page, site_server: str) -> None:
    page.goto(site_server + "lessons/03-forward-process/")
    page.locator(".md-header .md-select button").first.hover()
    page.locator("a.course-language-link[hreflang='ko']").first.click()
    page.wait_for_url("**/ko/lessons/03-forward-process/")
    assert page.locator("html").get_attribute("lang") == "ko"
    page.locator(".md-header .md-select button").first.hover()
    page.locator("a.course-language-link[hreflang='en']").first.click()
    page.wait_for_url(f"**{SUB_PATH}lessons/03-forward-process/")
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize(("missing", "lang", "home_text"), [("no/such/page/", "en", "Go to the course home"),
                                                             ("ko/no/such/page/", "ko", "강좌 홈으로 가기")])
def test_404_page_is_styled_localized_and_links_home(page, site_server: str, missing: str, lang: str,
                                                      home_text: str) -> None:
    failed: list[str] = []
    page.on("requestfinished", lambda request: None)
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 and response.url != site_server + missing else None)
    response = page.goto(site_server + missing)
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    assert failed == []  # stylesheets and scripts load from the deep URL too
    page.get_by_role("link", name=home_text).click()
    page.wait_for_load_state()
    assert page.url == site_server + ("ko/" if lang == "ko" else "")
