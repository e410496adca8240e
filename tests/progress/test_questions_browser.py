"""Self-check questions and spaced review in real Chromium, against the built site (both languages).

The clock is moved with Playwright's clock (the browser's own Date), never by changing the site's code.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from course_site import LANGUAGE_ROOTS

pytestmark = [pytest.mark.browser, pytest.mark.both_engines]

READY = "window.courseProgress && document.querySelector('[data-course-stat=\"level\"]')"
WIRED = "[...document.querySelectorAll('[data-course-question]')].every((q) => 'courseWired' in q.dataset)"
DAY = 86_400  # Playwright's clock takes seconds from a number
LESSON = "diffusion-intuition"
SINGLE = f'[data-course-lesson="{LESSON}"][data-course-question="one-big-jump"]'
NUMERIC = f'[data-course-lesson="{LESSON}"][data-course-question="equal-weights"]'
MULTIPLE = f'[data-course-lesson="{LESSON}"][data-course-question="coarse-to-fine"]'


@pytest.fixture(scope="module")
def manifest(built_site: Any) -> dict[str, Any]:
    return json.loads((built_site / "course-manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def lesson(manifest: dict[str, Any]) -> dict[str, Any]:
    return next(l for l in manifest["lessons"] if l["id"] == LESSON)


def url(base: str, path: str, lang: str = "en") -> str:
    return base + LANGUAGE_ROOTS[lang] + path


def open_page(page: Any, address: str) -> Any:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(error.stack or ""))
    page.goto(address)
    page.wait_for_function(READY)
    if page.locator("[data-course-question]").count():
        page.wait_for_function(WIRED)
    page.errors = errors
    return page


def answer_single(page: Any, question: str, *, right: bool) -> None:
    """Answer by keyboard: focus the choice and press Enter, as a reader tabbing through would."""
    choice = page.locator(f"{question} [data-course-choice]" + ("[data-course-correct]" if right else ":not([data-course-correct])")).first
    choice.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("([q, r]) => document.querySelector(q).dataset.courseResult === r",
                           arg=[question, "correct" if right else "incorrect"])


def snapshot(page: Any) -> dict[str, Any]:
    return page.evaluate("courseProgress.snapshot()")


def test_keyboard_answer_feedback_and_retry(page: Any, site_server: str, lesson: dict[str, Any]) -> None:
    open_page(page, url(site_server, lesson["path"]))
    q = page.locator(SINGLE)
    assert q.locator("[data-course-choice]").count() == 3
    assert q.locator(".course-feedback").get_attribute("aria-live") == "polite"
    answer_single(page, SINGLE, right=False)
    feedback = q.locator(".course-feedback").inner_text()
    assert "Not quite" in feedback and "No." in feedback  # the verdict and the chosen choice's explanation
    assert f"{LESSON}/one-big-jump" not in snapshot(page)["questionsCorrect"]
    answer_single(page, SINGLE, right=True)  # a wrong answer can be retried
    assert "Correct." in q.locator(".course-feedback").inner_text()
    assert "mean of everything" in q.locator(".course-feedback").inner_text()
    snap = snapshot(page)
    assert snap["questionsCorrect"] == [f"{LESSON}/one-big-jump"]
    assert snap["mastery"][LESSON] == pytest.approx(1 / 5)
    assert snap["xp"] == 0  # answers earn no XP: mastery is kept apart from effort points
    assert page.inner_text(f'[data-course-slot="mastery"][data-course-lesson="{LESSON}"]') == (
        "Self-check: 1 of 5 answered correctly, 0 due for review")
    assert page.errors == []


def test_numeric_and_multiple_choice_questions(page: Any, site_server: str, lesson: dict[str, Any]) -> None:
    open_page(page, url(site_server, lesson["path"]))
    field = page.locator(f"{NUMERIC} input[data-course-choice]")
    field.fill("about 300")
    field.press("Enter")
    assert "Enter a number" in page.inner_text(f"{NUMERIC} .course-feedback")
    assert page.get_attribute(NUMERIC, "data-course-result") is None  # not a number: not an answer
    field.fill("300")
    field.press("Enter")
    assert page.get_attribute(NUMERIC, "data-course-result") == "incorrect"
    field.fill("262")  # the build computed 260 from the schedule; the tolerance is 10
    field.press("Enter")
    assert page.get_attribute(NUMERIC, "data-course-result") == "correct"
    assert page.locator(f'{NUMERIC} .course-feedback math[alttext="t = 260"]').count() == 1
    choices = page.locator(f"{MULTIPLE} [data-course-choice]")
    choices.nth(0).click()
    page.click(f'{MULTIPLE} [data-course-action="check"]')
    assert page.get_attribute(MULTIPLE, "data-course-result") == "incorrect"  # one right answer was missed
    choices.nth(1).click()
    assert choices.nth(1).get_attribute("aria-pressed") == "true"
    page.click(f'{MULTIPLE} [data-course-action="check"]')
    assert page.get_attribute(MULTIPLE, "data-course-result") == "correct"
    assert sorted(snapshot(page)["questionsCorrect"]) == [f"{LESSON}/coarse-to-fine", f"{LESSON}/equal-weights"]


def test_answers_survive_reload_and_the_language_switch(page: Any, site_server: str, lesson: dict[str, Any]) -> None:
    open_page(page, url(site_server, lesson["path"]))
    answer_single(page, SINGLE, right=True)
    open_page(page, url(site_server, lesson["path"]))
    assert page.get_attribute(SINGLE, "data-course-result") == "correct"
    assert "Right last time" in page.inner_text(f'{SINGLE} [data-course-slot="question-status"]')
    open_page(page, url(site_server, lesson["path"], "ko"))
    assert page.get_attribute(SINGLE, "data-course-result") == "correct"
    assert page.inner_text(f'[data-course-slot="mastery"][data-course-lesson="{LESSON}"]') == (
        "스스로 점검: 전체 5문제 중 1문제 정답, 복습할 문제 0개")
    open_page(page, url(site_server, ""))  # the home list shows mastery apart from XP
    assert "1 of 5 answered correctly" in page.inner_text(f'.course-home [data-course-lesson="{LESSON}"]')


def test_two_tabs_share_answers(browser: Any, site_server: str, lesson: dict[str, Any]) -> None:
    context = browser.new_context()
    first = open_page(context.new_page(), url(site_server, lesson["path"]))
    second = open_page(context.new_page(), url(site_server, lesson["path"], "ko"))
    answer_single(first, SINGLE, right=True)
    second.wait_for_function(f"courseProgress.snapshot().questionsCorrect.includes('{LESSON}/one-big-jump')")
    answer_single(second, MULTIPLE.replace("coarse-to-fine", "why-noise-start"), right=True)
    first.wait_for_function("courseProgress.snapshot().questionsCorrect.length === 2")
    context.close()


def test_export_and_import_carry_answers_without_counting_twice(browser: Any, site_server: str,
                                                                 lesson: dict[str, Any]) -> None:
    one = browser.new_context()
    page = open_page(one.new_page(), url(site_server, lesson["path"]))
    answer_single(page, SINGLE, right=False)
    answer_single(page, SINGLE, right=True)
    text = page.evaluate("courseProgress.export()")
    one.close()
    two = browser.new_context()
    other = open_page(two.new_page(), url(site_server, lesson["path"]))
    result = other.evaluate("t => courseProgress.import(t)", text)
    assert result["ok"] and "2 answers" in result["message"]
    again = other.evaluate("t => courseProgress.import(t)", text)  # the same file twice adds nothing
    assert "nothing new" in again["message"]
    assert snapshot(other)["questionsCorrect"] == [f"{LESSON}/one-big-jump"]
    hostile = json.loads(text)
    hostile["answers"][f"{LESSON}/one-big-jump"] = {"not-a-version": {"c": ["soon"]}}
    rejected = other.evaluate("t => courseProgress.import(t)", json.dumps(hostile))
    assert rejected["ok"] is False and "not a progress file" in rejected["message"]
    two.close()


def test_answers_to_an_edited_question_stop_counting(page: Any, site_server: str, lesson: dict[str, Any]) -> None:
    """An answer stored under an older version of a question (its prompt, choices or answer have changed since)
    no longer counts; answers to the unchanged questions do."""
    current = {q["id"]: q["v"] for q in lesson["questions"]}
    open_page(page, url(site_server, "progress/"))
    old = {"schema": 3, "course": "diffusion-course", "answers": {
        f"{LESSON}/one-big-jump": {"0123456789": {"c": [1_000]}},  # a version the site no longer has
        f"{LESSON}/why-shrink": {current["why-shrink"]: {"c": [1_000]}},
    }}
    assert page.evaluate("t => courseProgress.import(t)", json.dumps(old))["ok"]
    open_page(page, url(site_server, lesson["path"]))
    assert snapshot(page)["questionsCorrect"] == [f"{LESSON}/why-shrink"]
    assert page.get_attribute(SINGLE, "data-course-result") is None
    assert page.get_attribute('[data-course-question="why-shrink"]', "data-course-result") == "correct"


def test_review_page_asks_due_questions_when_the_clock_moves_on(browser: Any, site_server: str,
                                                                 lesson: dict[str, Any]) -> None:
    context = browser.new_context()
    page = context.new_page()
    start = 1_800_000_000  # January 2027
    page.clock.install(time=start)
    open_page(page, url(site_server, lesson["path"]))
    answer_single(page, SINGLE, right=True)
    answer_single(page, SINGLE.replace("one-big-jump", "why-shrink"), right=False)
    open_page(page, url(site_server, "review/"))
    assert page.locator('[data-course-stat="due"]').count() == 0  # nothing due: the header says nothing
    assert "Nothing is due" in page.inner_text('[data-course-slot="review-page"]')
    assert page.locator('[data-course-slot="review-page"] [data-course-question]').count() == 0
    # Both answers put their question in box 1 (due after a day); two days on, both are due.
    page.clock.set_system_time(start + 2 * DAY)
    open_page(page, url(site_server, "review/"))
    assert page.inner_text('[data-course-stat="due"]') == "2 due for review"
    assert snapshot(page)["reviewDue"] == [f"{LESSON}/one-big-jump", f"{LESSON}/why-shrink"]
    context.set_offline(True)  # the review works with no network once the page is loaded
    stage = '[data-course-slot="review-page"] .course-review-stage'
    assert page.locator(f"{stage} [data-course-question]").count() == 1  # one at a time
    assert "Due now: 2" in page.inner_text('[data-course-slot="review-page"]')
    answer_single(page, f"{stage} [data-course-question]", right=True)
    page.click('[data-course-action="next"]')
    assert page.get_attribute(f"{stage} [data-course-question]", "data-course-question") == "why-shrink"
    assert page.get_attribute(f"{stage} [data-course-question]", "data-course-result") is None
    answer_single(page, f"{stage} [data-course-question]", right=True)
    assert snapshot(page)["reviewDue"] == []
    assert "Nothing is due" in page.inner_text('[data-course-slot="review-page"]')
    assert page.locator('[data-course-stat="due"]').count() == 0
    context.set_offline(False)
    # one-big-jump went up to box 2 (3 days); why-shrink, wrong before, to box 2 as well. Four days on: due again.
    page.clock.set_system_time(start + 6 * DAY)
    open_page(page, url(site_server, "review/ko/".replace("review/ko/", "ko/review/")))
    assert page.inner_text('[data-course-stat="due"]') == "복습할 문제 2개"
    assert page.errors == []
    context.close()


def test_quiet_mode_hides_the_due_count(browser: Any, site_server: str, lesson: dict[str, Any]) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.clock.install(time=1_800_000_000)
    open_page(page, url(site_server, lesson["path"]))
    answer_single(page, SINGLE, right=True)
    page.clock.set_system_time(1_800_000_000 + 2 * DAY)
    open_page(page, url(site_server, "progress/"))
    assert page.locator('[data-course-stat="due"]').count() == 1
    page.check("#course-quiet")
    assert page.locator('[data-course-stat="due"]').count() == 0
    context.close()


def test_no_layout_shift_while_questions_and_their_state_render(browser: Any, site_server: str,
                                                               lesson: dict[str, Any]) -> None:
    """The questions are drawn by the build and their stored state fills lines held for it: the boxes of a question
    and of the mastery line have the same height before any script runs and once the state is shown, so nothing
    below them moves."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    open_page(page, url(site_server, lesson["path"]))
    answer_single(page, SINGLE, right=True)  # so that the next load restores a stored state
    page = context.new_page()  # a fresh load (same storage) observed from its start
    boxes = [SINGLE, f'[data-course-slot="mastery"][data-course-lesson="{LESSON}"]']
    page.add_init_script("""(boxes) => document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive')
        window.__before = boxes.map((b) => document.querySelector(b).getBoundingClientRect().height);
    })""".replace("(boxes) =>", "((boxes) =>") + f")({json.dumps(boxes)})")
    open_page(page, url(site_server, lesson["path"]))
    page.wait_for_function(f"document.querySelector('{SINGLE}').dataset.courseResult === 'correct'")
    page.wait_for_function(f"document.querySelector('{boxes[1]}').textContent !== ''")
    after = page.evaluate("(boxes) => boxes.map((b) => document.querySelector(b).getBoundingClientRect().height)", boxes)
    before = page.evaluate("window.__before")
    context.close()
    assert before == after and all(before)


def test_question_code_loads_only_where_questions_are(page: Any, site_server: str, manifest: dict[str, Any]) -> None:
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url.rsplit("/", 1)[-1]))
    open_page(page, url(site_server, "achievements/"))  # every lesson asks questions; this page asks none
    assert "questions.js" not in loaded
    open_page(page, url(site_server, "review/"))
    assert "questions.js" in loaded
