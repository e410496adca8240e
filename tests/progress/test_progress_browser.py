"""Reader progress in real Chromium, against the built site served under a sub-path (both languages).

Storage failures are produced the way browsers produce them (a throwing localStorage, a full quota, bad stored
text); nothing of the site's own code is replaced.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from course_site import LANGUAGE_ROOTS

pytestmark = [pytest.mark.browser, pytest.mark.both_engines]

READY = "window.courseProgress && document.querySelector('[data-course-stat=\"level\"]')"
BLOCK_STORAGE = """Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});"""
FILL_STORAGE = """(() => {
  const chunk = 'x'.repeat(256 * 1024);
  try { for (let i = 0; ; i++) localStorage.setItem('filler-' + i, chunk); } catch (e) {}
  try { for (let i = 0; ; i++) localStorage.setItem('small-' + i, 'x'.repeat(64)); } catch (e) {}
})();"""


@pytest.fixture(scope="module")
def manifest(built_site: Path) -> dict[str, Any]:
    return json.loads((built_site / "course-manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def key(manifest: dict[str, Any]) -> str:
    return f"{manifest['course']}/progress/v3"


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context()
    yield ctx
    ctx.close()


def lesson_url(base: str, manifest: dict[str, Any], index: int = 0, lang: str = "en") -> str:
    return base + LANGUAGE_ROOTS[lang] + manifest["lessons"][index]["path"]


def open_page(page: Any, url: str) -> Any:
    errors: list[str] = []
    # Only errors thrown by the progress script count here; the stack names the module that threw.
    page.on("pageerror", lambda error: errors.append(error.stack or "") if "/assets/course/progress/" in (error.stack or "") else None)
    page.goto(url)
    page.wait_for_function(READY)
    page.errors = errors  # checked by tests that provoke failures: the script must never throw
    return page


def stat(page: Any, name: str) -> str:
    return page.inner_text(f'[data-course-stat="{name}"]')


def expect_stat(page: Any, name: str, text: str) -> None:
    """Wait until the stat reads `text` (the bar redraws after the click's handler stored the fact)."""
    from playwright.sync_api import expect

    expect(page.locator(f'[data-course-stat="{name}"]')).to_have_text(text)


def stored(page: Any, key: str) -> dict[str, Any]:
    return json.loads(page.evaluate("k => localStorage.getItem(k)", key))


# --- what the reader sees ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "level", "lessons", "next_text"), [
    ("en", "Level 0 · Spark", "0/{total} lessons", "0/{next} XP to next level, {next} to go"),
    ("ko", "레벨 0 · 불씨", "강의 0/{total}", "다음 레벨까지 0/{next} XP, {next} XP 남음"),
])
def test_header_bar_shows_level_xp_lessons_and_achievements(page: Any, site_server: str, manifest: dict[str, Any],
                                                           lang: str, level: str, lessons: str, next_text: str) -> None:
    # Counts across every series; the first threshold follows the published lessons.
    numbers = {"total": len(manifest["lessons"]), "next": manifest["levels"][1]["xp"]}
    lessons, next_text = lessons.format(**numbers), next_text.format(**numbers)
    open_page(page, lesson_url(site_server, manifest, 0, lang))
    expect_stat(page, "level", level)
    expect_stat(page, "xp", "0 XP")
    expect_stat(page, "lessons", lessons)
    assert f"0/{len(manifest['achievements'])}" in stat(page, "achievements")
    bar = page.locator('[role="progressbar"]')
    assert next_text in bar.get_attribute("aria-valuetext")
    assert next_text in page.inner_text(".course-next")


def test_marking_a_lesson_complete_by_keyboard_updates_bar_nav_and_toggles_back(page: Any, site_server: str,
                                                                                manifest: dict[str, Any]) -> None:
    open_page(page, lesson_url(site_server, manifest, 1))
    button = page.locator('[data-course-action="complete-lesson"]')
    button.focus()
    page.keyboard.press("Space")
    assert button.get_attribute("aria-pressed") == "true"
    expect_stat(page, "xp", "100 XP")
    expect_stat(page, "lessons", f"1/{len(manifest['lessons'])} lessons")
    assert page.evaluate("document.activeElement.dataset.courseAction") == "complete-lesson"
    assert page.locator("a.md-nav__link.course-done").count() == 1
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "false"
    expect_stat(page, "xp", "0 XP")
    assert page.locator("a.md-nav__link.course-done").count() == 0


def test_exercise_control_sits_in_the_exercise_block_and_counts(page: Any, site_server: str, manifest: dict[str, Any]) -> None:
    open_page(page, lesson_url(site_server, manifest, 0))
    button = page.locator('.admonition [data-course-action="complete-exercise"]')
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert page.evaluate("courseProgress.snapshot()")["xp"] == manifest["xp"]["exercise_done"]


def test_progress_survives_reload_and_is_shared_by_both_languages(page: Any, site_server: str, manifest: dict[str, Any]) -> None:
    open_page(page, lesson_url(site_server, manifest, 0))
    page.click('[data-course-action="complete-lesson"]')
    open_page(page, lesson_url(site_server, manifest, 0, "ko"))
    expect_stat(page, "lessons", f"강의 1/{len(manifest['lessons'])}")
    assert page.get_attribute('[data-course-action="complete-lesson"]', "aria-pressed") == "true"
    snapshot = page.evaluate("courseProgress.snapshot()")
    assert snapshot["lessonsDone"] == [manifest["lessons"][0]["id"]]
    assert "bilingual" in snapshot["achievements"]


def test_unlock_is_announced_in_a_live_region(page: Any, site_server: str, manifest: dict[str, Any]) -> None:
    open_page(page, lesson_url(site_server, manifest, 0))
    page.click('[data-course-action="complete-lesson"]')
    # The page's own live region for announcements (questions have regions of their own, one each).
    live = page.locator('body > [aria-live="polite"]')
    assert "Achievement unlocked: First step" in live.inner_text()


@pytest.mark.parametrize(("motion", "animated"), [("reduce", False), ("no-preference", True)])
def test_animation_only_where_motion_is_welcome(browser: Any, site_server: str, manifest: dict[str, Any],
                                                motion: str, animated: bool) -> None:
    context = browser.new_context(reduced_motion=motion)
    page = open_page(context.new_page(), lesson_url(site_server, manifest, 0))
    page.click('[data-course-action="complete-lesson"]')
    name = page.eval_on_selector(".course-toast", "e => getComputedStyle(e).animationName")
    context.close()
    assert (name != "none") is animated


def test_achievements_page_lists_unlocked_with_date_and_locked_with_how_to(page: Any, site_server: str,
                                                                          manifest: dict[str, Any]) -> None:
    open_page(page, lesson_url(site_server, manifest, 0))
    page.click('[data-course-action="complete-lesson"]')
    open_page(page, site_server + "achievements/")
    slot = page.locator('[data-course-slot="achievements-page"]')
    assert "Unlocked" in slot.locator('[data-achievement="first-step"]').inner_text()
    graduate = next(a for a in manifest["achievements"] if a["id"] == "graduate")
    assert f"How to earn it: {graduate['description']['en']}" in slot.locator('[data-achievement="graduate"]').inner_text()
    assert slot.locator("li").count() == len(manifest["achievements"])
    # Each achievement shows its icon from the page's sprite of theme icons (no emoji font needed).
    icons = page.eval_on_selector_all('[data-achievement] svg.course-icon use', """uses => uses.map((use) => {
        const symbol = document.querySelector(use.getAttribute('href'));
        return symbol && symbol.tagName === 'symbol' && symbol.querySelector('path') ? 'drawn' : 'missing'; })""")
    assert icons == ["drawn"] * len(manifest["achievements"])
    assert page.locator(".course-icon-sprite").bounding_box()["height"] == 0  # the sprite itself takes no room


def test_quiet_mode_hides_xp_and_achievements(page: Any, site_server: str) -> None:
    open_page(page, site_server + "progress/")
    page.check("#course-quiet")
    assert page.locator('[data-course-stat="xp"]').is_hidden()
    assert page.locator('[data-course-stat="achievements"]').is_hidden()
    assert page.locator('[data-course-stat="lessons"]').is_visible()
    open_page(page, site_server + "achievements/")
    assert page.locator('[data-course-slot="achievements-page"] li').count() == 0


def test_no_layout_shift_when_the_bar_fills_in(browser: Any, site_server: str, manifest: dict[str, Any]) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    # Record where the content starts before any module script has run, then compare once the bar is filled.
    page.add_init_script("""document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') {
        const h = document.querySelector('.course-bar');
        window.__barBefore = h && h.getBoundingClientRect().height;
      }
    });""")
    open_page(page, lesson_url(site_server, manifest, 0))
    before = page.evaluate("window.__barBefore")
    after = page.evaluate("document.querySelector('.course-bar').getBoundingClientRect().height")
    context.close()
    assert before and before == after


def test_without_javascript_pages_read_normally_and_controls_are_absent(browser: Any, site_server: str,
                                                                       manifest: dict[str, Any]) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(lesson_url(site_server, manifest, 0))
    assert page.locator("[data-course-question]").count() > 0  # the lesson has questions, but no script to answer them
    assert page.locator("[data-course-action]:visible, [data-course-choice]:visible").count() == 0
    assert page.locator(".course-bar").bounding_box()["height"] == 0
    assert len(page.inner_text("article")) > 500
    context.close()


# --- robustness ------------------------------------------------------------------------------------------------

def test_instant_navigation_keeps_widgets_working(page: Any, site_server: str, manifest: dict[str, Any]) -> None:
    open_page(page, lesson_url(site_server, manifest, 0))
    page.evaluate("window.__sameDocument = true")
    target = manifest["lessons"][1]
    page.click(f'a.md-nav__link[href$="{target["path"]}"]')
    page.wait_for_url(site_server + target["path"])
    page.wait_for_function("document.querySelector('[data-course-action=\"complete-lesson\"]')")
    assert page.evaluate("window.__sameDocument") is True  # Material swapped the page without a reload
    page.click('[data-course-action="complete-lesson"]')  # one click, one toggle: no handlers left over
    assert page.evaluate("courseProgress.snapshot()")["lessonsDone"] == [target["id"]]
    expect_stat(page, "lessons", f"1/{len(manifest['lessons'])} lessons")


def test_two_tabs_stay_in_step_and_concurrent_writes_lose_nothing(context: Any, site_server: str,
                                                                 manifest: dict[str, Any], key: str) -> None:
    first = open_page(context.new_page(), lesson_url(site_server, manifest, 0))
    second = open_page(context.new_page(), lesson_url(site_server, manifest, 1))
    first.click('[data-course-action="complete-lesson"]')
    second.wait_for_function("courseProgress.snapshot().lessonsDone.length === 1")
    assert stat(second, "lessons") == f"1/{len(manifest['lessons'])} lessons"
    # Both tabs act before either hears of the other.
    first.evaluate("document.querySelector('[data-course-action=\"complete-exercise\"]').click()")
    second.evaluate("document.querySelector('[data-course-action=\"complete-lesson\"]').click()")
    # Tabs see each other's storage a moment late; the one whose fact a write dropped puts it back, so wait for
    # the stored document to settle with both tabs' facts in it.
    exercise = manifest["lessons"][0]["exercise"]
    first.wait_for_function("""([k, id]) => { const d = JSON.parse(localStorage.getItem(k));
      return Object.values(d.lessons).filter((v) => v.on).length === 2 && (d.exercises[id] || {}).on === true; }""",
                            arg=[key, exercise], timeout=5000)
    data = stored(first, key)
    done = {k for k, v in data["lessons"].items() if v["on"]}
    assert done == {manifest["lessons"][0]["id"], manifest["lessons"][1]["id"]}
    assert data["exercises"][exercise]["on"] is True
    first.wait_for_function("courseProgress.snapshot().lessonsDone.length === 2")


def test_a_tab_puts_back_a_fact_another_tab_saved_over(context: Any, site_server: str, manifest: dict[str, Any],
                                                      key: str) -> None:
    """A tab that saved before it saw our write leaves storage without our fact; we must restore it, or it would
    live only in this tab's memory and vanish with it."""
    first = open_page(context.new_page(), lesson_url(site_server, manifest, 0))
    first.click('[data-course-action="complete-lesson"]')
    lesson = manifest["lessons"][0]["id"]
    second = open_page(context.new_page(), lesson_url(site_server, manifest, 1))
    # What a tab that had not yet seen the first tab's write would save: the same document without that fact.
    second.evaluate("""([k, id]) => { const d = JSON.parse(localStorage.getItem(k)); delete d.lessons[id];
      localStorage.setItem(k, JSON.stringify(d)); }""", [key, lesson])
    second.wait_for_function("([k, id]) => (JSON.parse(localStorage.getItem(k)).lessons[id] || {}).on === true",
                             arg=[key, lesson], timeout=5000)
    first.close()
    assert stored(second, key)["lessons"][lesson]["on"] is True


@pytest.mark.parametrize("init_script", [BLOCK_STORAGE, FILL_STORAGE], ids=["blocked", "full"])
def test_storage_blocked_or_full_keeps_progress_for_the_visit(context: Any, site_server: str, manifest: dict[str, Any],
                                                             init_script: str) -> None:
    context.add_init_script(init_script)
    page = open_page(context.new_page(), lesson_url(site_server, manifest, 0))
    page.click('[data-course-action="complete-lesson"]')
    expect_stat(page, "xp", "100 XP")
    assert "kept for this visit only" in page.inner_text(".course-notice")
    page.click(f'a.md-nav__link[href$="{manifest["lessons"][1]["path"]}"]')  # instant navigation, same visit
    page.wait_for_function("courseProgress.snapshot().lessonsDone.length === 1 && "
                           "document.querySelector('[data-course-action=\"complete-lesson\"]')")
    expect_stat(page, "lessons", f"1/{len(manifest['lessons'])} lessons")
    assert page.errors == []


@pytest.mark.parametrize("raw", ["{not json", '{"schema":2,"lessons":{"a-lesson":{"on":"yes","t":"x"}},"days":7}', "[]"],
                         ids=["invalid-json", "wrong-types", "wrong-shape"])
def test_corrupt_data_is_backed_up_and_reported(page: Any, site_server: str, manifest: dict[str, Any], key: str,
                                               raw: str) -> None:
    open_page(page, site_server)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, raw])
    open_page(page, lesson_url(site_server, manifest, 0))
    notice = page.inner_text(".course-notice")
    assert "could not be read" in notice
    backups = page.evaluate("p => Object.keys(localStorage).filter(k => k.startsWith(p))", key.rsplit("/", 1)[0] + "/backup-")
    assert len(backups) == 1 and backups[0] in notice
    assert page.evaluate("k => localStorage.getItem(k)", backups[0]) == raw
    page.click('[data-course-action="complete-lesson"]')
    expect_stat(page, "xp", "100 XP")
    assert page.errors == []


def test_older_schema_is_migrated_with_nothing_lost(page: Any, site_server: str, manifest: dict[str, Any], key: str) -> None:
    old_key = key.replace("/v3", "/v1")
    first, second = manifest["lessons"][0], manifest["lessons"][1]
    v1 = {"version": 1, "completed": {first["id"]: "2026-01-05T10:00:00Z"}, "exercises": [second["exercise"]], "quiet": False}
    open_page(page, site_server)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [old_key, json.dumps(v1)])
    open_page(page, site_server)
    snapshot = page.evaluate("courseProgress.snapshot()")
    assert snapshot["lessonsDone"] == [first["id"]]
    assert snapshot["exercisesDone"] == [second["exercise"]]
    assert json.loads(page.evaluate("k => localStorage.getItem(k)", old_key)) == v1
    assert stored(page, key)["lessons"][first["id"]]["on"] is True


def test_newer_schema_is_left_untouched_and_shown_read_only(page: Any, site_server: str, manifest: dict[str, Any],
                                                           key: str) -> None:
    newer_key = key.replace("/v3", "/v4")
    lesson = manifest["lessons"][0]
    newer = json.dumps({"schema": 4, "lessons": {lesson["id"]: {"on": True, "t": 5}}, "future": {"x": 1}})
    open_page(page, site_server)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [newer_key, newer])
    open_page(page, lesson_url(site_server, manifest, 0))
    assert "read-only" in page.inner_text(".course-notice")
    expect_stat(page, "lessons", f"1/{len(manifest['lessons'])} lessons")
    assert page.locator('[data-course-action="complete-lesson"]').is_disabled()
    assert page.evaluate("courseProgress.import(courseProgress.export()).ok") is False
    assert page.evaluate("k => localStorage.getItem(k)", newer_key) == newer
    assert page.evaluate("k => localStorage.getItem(k)", key) is None


def test_facts_about_missing_lessons_are_kept_but_not_counted(page: Any, site_server: str, manifest: dict[str, Any],
                                                              key: str) -> None:
    doc = {"schema": 3, "lessons": {"a-retired-lesson": {"on": True, "t": 1}}}
    open_page(page, site_server)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(doc)])
    open_page(page, lesson_url(site_server, manifest, 0))
    expect_stat(page, "xp", "0 XP")
    page.click('[data-course-action="complete-lesson"]')
    expect_stat(page, "lessons", f"1/{len(manifest['lessons'])} lessons")
    assert stored(page, key)["lessons"]["a-retired-lesson"]["on"] is True


def test_stored_text_is_never_inserted_as_html(page: Any, site_server: str, key: str) -> None:
    hostile = '<img src=x onerror="window.__owned=1">'
    doc = {"schema": 3, "lessons": {hostile: {"on": True, "t": 1}}, "unlocked": {"first-step": hostile}}
    open_page(page, site_server)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(doc)])
    open_page(page, site_server + "achievements/")
    assert page.locator("article img[src=x]").count() == 0
    assert page.evaluate("window.__owned") is None
    assert page.errors == []


# --- the progress page ---------------------------------------------------------------------------------------

BAD_FILES = [
    ("not-json", b"hello, world", "not valid JSON"),
    ("wrong-shape", b'{"schema": 2, "lessons": [1, 2]}', "not a progress file"),
    ("several-mb", b'{"schema": 2, "pad": "' + b"x" * (3 * 1024 * 1024) + b'"}', "too large"),
    ("proto-keys", b'{"schema": 2, "__proto__": {"on": true}}', "not allowed"),
    ("html-in-strings", b'{"schema": 2, "course": "<b>hi</b>"}', "not allowed"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES, ids=[f[0] for f in BAD_FILES])
def test_import_rejects_bad_files_and_leaves_progress_unchanged(page: Any, site_server: str, manifest: dict[str, Any],
                                                               name: str, content: bytes, message: str) -> None:
    open_page(page, lesson_url(site_server, manifest, 0))
    page.click('[data-course-action="complete-lesson"]')
    open_page(page, site_server + "progress/")
    before = page.evaluate("courseProgress.export()")
    page.set_input_files("#course-import", files=[{"name": f"{name}.json", "mimeType": "application/json", "buffer": content}])
    page.wait_for_function("document.querySelector('.course-message').textContent !== ''")
    assert message in page.inner_text(".course-message")
    assert page.evaluate("courseProgress.export()") == before
    assert page.evaluate("({}).on") is None


def test_export_then_import_on_another_device_merges_and_reports(browser: Any, site_server: str,
                                                                 manifest: dict[str, Any]) -> None:
    one = browser.new_context(accept_downloads=True)
    page = open_page(one.new_page(), lesson_url(site_server, manifest, 0))
    page.click('[data-course-action="complete-lesson"]')
    open_page(page, site_server + "progress/")
    with page.expect_download() as download:
        page.click('[data-course-action="export"]')
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text == page.evaluate("courseProgress.export()")
    one.close()
    two = browser.new_context()
    other = open_page(two.new_page(), lesson_url(site_server, manifest, 1))
    other.click('[data-course-action="complete-lesson"]')
    open_page(other, site_server + "progress/")
    other.set_input_files("#course-import", files=[{"name": "p.json", "mimeType": "application/json", "buffer": text.encode()}])
    other.wait_for_function("document.querySelector('.course-message').textContent !== ''")
    assert "Imported: 1 completed lesson, 1 lesson visit." in other.inner_text(".course-message")
    assert stat(other, "lessons") == f"2/{len(manifest['lessons'])} lessons"
    two.close()


def test_share_link_carries_progress_in_the_fragment(browser: Any, site_server: str, manifest: dict[str, Any]) -> None:
    one = browser.new_context()
    page = open_page(one.new_page(), lesson_url(site_server, manifest, 2))
    page.click('[data-course-action="complete-lesson"]')
    open_page(page, site_server + "progress/")
    link = page.input_value("#course-link")
    one.close()
    assert link.startswith(site_server + "progress/#progress=")
    two = browser.new_context()
    requests: list[str] = []
    other = two.new_page()
    other.on("request", lambda request: requests.append(request.url))
    open_page(other, link)
    assert other.evaluate("courseProgress.snapshot().lessonsDone") == []  # nothing is added without consent
    other.click(".course-offer button")
    assert other.evaluate("courseProgress.snapshot().lessonsDone") == [manifest["lessons"][2]["id"]]
    assert "#" not in other.url
    assert not any("progress=" in url for url in requests)
    two.close()


def test_copy_link_puts_the_share_link_on_the_clipboard(browser: Any, site_server: str,
                                                       manifest: dict[str, Any]) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.split("/diffusion")[0])
    page = open_page(context.new_page(), lesson_url(site_server, manifest, 1))
    page.click('[data-course-action="complete-lesson"]')
    open_page(page, site_server + "progress/")
    page.get_by_role("button", name="Copy link").click()
    page.wait_for_function("document.querySelector('.course-message').textContent !== ''")
    assert page.inner_text(".course-message") == "Link copied."
    assert page.evaluate("navigator.clipboard.readText()") == page.input_value("#course-link")
    context.close()


def test_without_clipboard_access_copy_says_how_and_leaves_the_link_selected(launch_chromium: Any,
                                                                             site_server: str) -> None:
    """Over plain http on a host name (a preview on the local network), browsers offer no clipboard API: the reader
    is told how to copy by hand instead of being left wondering."""
    port = urlsplit(site_server).port
    insecure = launch_chromium(extra_args=["--host-resolver-rules=MAP course.test 127.0.0.1"])
    context = insecure.new_context()
    page = open_page(context.new_page(), f"http://course.test:{port}{urlsplit(site_server).path}progress/")
    assert page.evaluate("window.isSecureContext") is False
    page.get_by_role("button", name="Copy link").click()
    page.wait_for_function("document.querySelector('.course-message').textContent !== ''")
    assert "Ctrl+C" in page.inner_text(".course-message")
    selected = page.evaluate("(() => { const l = document.getElementById('course-link');"
                             " return [l.selectionStart, l.selectionEnd, l.value.length]; })()")
    assert selected[0] == 0 and selected[1] == selected[2] > 0
    context.close()


@pytest.mark.parametrize(("accept", "done_after"), [(False, 1), (True, 0)])
def test_reset_asks_for_confirmation(page: Any, site_server: str, manifest: dict[str, Any], accept: bool,
                                     done_after: int) -> None:
    open_page(page, lesson_url(site_server, manifest, 0))
    page.click('[data-course-action="complete-lesson"]')
    open_page(page, site_server + "progress/")
    page.once("dialog", lambda dialog: dialog.accept() if accept else dialog.dismiss())
    page.click('[data-course-action="reset"]')
    expect_stat(page, "lessons", f"{done_after}/{len(manifest['lessons'])} lessons")


def test_public_api_snapshot_export_import(page: Any, site_server: str, manifest: dict[str, Any]) -> None:
    open_page(page, lesson_url(site_server, manifest, 0))
    first = manifest["lessons"][0]
    text = json.dumps({"schema": 2, "lessons": {first["id"]: {"on": True, "t": 10}}})
    result = page.evaluate("t => courseProgress.import(t)", text)
    assert result["ok"] is True
    snapshot = page.evaluate("courseProgress.snapshot()")
    assert snapshot["lessonsDone"] == [first["id"]]
    assert snapshot["xp"] == manifest["xp"]["lesson_completed"]
    assert snapshot["level"] == 0
    assert snapshot["achievements"] == ["first-step"]
    assert json.loads(page.evaluate("courseProgress.export()"))["lessons"][first["id"]]["on"] is True
    assert page.evaluate("courseProgress.import('nope').ok") is False


def test_short_code_typed_on_another_device_carries_progress(browser: Any, site_server: str,
                                                              manifest: dict[str, Any]) -> None:
    one = browser.new_context()
    page = open_page(one.new_page(), lesson_url(site_server, manifest, 0))
    page.click('[data-course-action="complete-exercise"]')
    open_page(page, site_server + "progress/")
    code = page.inner_text("#course-code-now")
    one.close()
    two = browser.new_context()
    other = open_page(two.new_page(), site_server + "ko/progress/")
    other.fill("#course-code", code)
    other.get_by_role("button", name="코드 적용").click()
    assert "연습 문제 1개" in other.inner_text(".course-message")
    assert other.evaluate("courseProgress.snapshot().exercisesDone") == [manifest["lessons"][0]["exercise"]]
    other.fill("#course-code", "not-a-code")
    other.get_by_role("button", name="코드 적용").click()
    assert "올바른 코드가 아닙니다" in other.inner_text(".course-message")
    two.close()


def test_progress_saved_by_the_one_series_site_keeps_every_fact(page: Any, site_server: str, manifest: dict[str, Any],
                                                                key: str) -> None:
    """tests/generator/js/fixtures/progress-v2-0b67fdf.json was written by the progress code of the site before series existed."""
    saved = Path(__file__).resolve().parents[1] / "generator" / "js" / "fixtures" / "progress-v2-0b67fdf.json"
    document = {k: v for k, v in json.loads(saved.read_text(encoding="utf-8")).items() if k not in ("format", "course")}
    page.goto(site_server + "progress/")
    # It lives under the schema-2 key, which is migrated to schema 3 (answers added) and left in place.
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key.replace("/v3", "/v2"), json.dumps(document)])
    open_page(page, site_server + "progress/")
    snapshot = page.evaluate("courseProgress.snapshot()")
    done = [lesson_id for lesson_id, fact in document["lessons"].items() if fact["on"]]
    assert snapshot["lessonsDone"] == done and snapshot["exercisesDone"] == list(document["exercises"])
    assert snapshot["xp"] == len(done) * manifest["xp"]["lesson_completed"] + 2 * manifest["xp"]["exercise_done"]
    expect_stat(page, "lessons", f"{len(done)}/{len(manifest['lessons'])} lessons")
    kept = stored(page, key)
    for section in ("lessons", "exercises", "visits", "days", "unlocked", "prefs"):
        # every stored fact is still there, unchanged
        assert {k: kept[section].get(k) for k in document[section]} == document[section], section
    assert page.errors == []
