"""How a page loads: scripts never hold up the first paint, nothing on the first screen moves once it is painted,
long lessons skip work far below the fold, and a link to a late section still lands on it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from coursekit.page.scripts import defer_scripts
from html_tools import html_pages

LESSON = "lessons/02-diffusion-intuition/"
MATERIAL_RUNNING = "() => typeof window.document$ !== 'undefined'"
# The first screen is complete: every image drawn inside the viewport has loaded, and so have the fonts. (An image
# not drawn at all, such as a hidden frame of a lazy figure, has an empty box and never loads.)
FIRST_SCREEN_LOADED = """() => document.readyState !== 'loading' && document.fonts.status === 'loaded'
  && [...document.images].every((img) => {
    const box = img.getBoundingClientRect();
    return img.complete || box.height === 0 || box.top >= innerHeight;
  })"""

pytestmark = pytest.mark.both_engines


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<script src="a.js"></script>', '<script src="a.js" defer></script>'),
        ('<script src="a.js" ></script>', '<script src="a.js" defer></script>'),
        ('<script src="a.js" defer></script>', '<script src="a.js" defer></script>'),
        ('<script async src="a.js"></script>', '<script async src="a.js"></script>'),
        ('<script type="module" src="m.js"></script>', '<script type="module" src="m.js"></script>'),
        ("<script>inline()</script>", "<script>inline()</script>"),  # inline: runs where it stands, as written
        ('<script id="__config" type="application/json">{}</script>',
         '<script id="__config" type="application/json">{}</script>'),
        ('<script src="b.js"></script>\n<script src="c.js"></script>',
         '<script src="b.js" defer></script>\n<script src="c.js" defer></script>'),
    ],
)
def test_defer_scripts(markup: str, expected: str) -> None:
    assert defer_scripts(markup) == expected


def test_no_page_has_a_script_that_blocks_parsing(built_site: Path) -> None:
    """Every external script of every page is deferred or a module, and Material's bundle comes before the course's
    scripts that subscribe to it (deferred scripts run in document order). A figure kind's script sits in the page's
    content, before the bundle, so that instant navigation runs it; it waits for DOMContentLoaded itself."""
    pages = html_pages(built_site)
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
        blocking = [tag for tag in tags if not re.search(r"\bdefer\b|\basync\b|type=\"module\"", tag)]
        assert not blocking, f"{path.relative_to(built_site)}: {blocking}"
        content = re.search(r"<article\b.*?</article>", html, re.S)
        in_content = re.findall(r'<script\b[^>]*\bsrc="([^"]+)"', content.group(0)) if content else []
        sources = [src for tag in tags if (src := re.search(r'src="([^"]+)"', tag).group(1)) not in in_content]
        bundle = next(i for i, src in enumerate(sources) if "/javascripts/bundle." in src or src.startswith("assets/javascripts/bundle."))
        assert all(i > bundle for i, src in enumerate(sources) if "/course/" in src), sources


# --- in the browser ---------------------------------------------------------------------------------------------

# Record every layout shift from the first frame on, with the elements that moved; and what the first frame holds
# (requestAnimationFrame callbacks run just before a frame is drawn, and the first one only once rendering may start).
RECORD_LOADING = """window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    window.__shifts.push({value: entry.value, sources: (entry.sources || []).map((s) => s.node
      ? (s.node.nodeType === 1 ? s.node.tagName + "." + s.node.className : "#text") : "?")});
  }
}).observe({type: "layout-shift", buffered: true});
requestAnimationFrame(() => {
  window.__firstFrame = {footer: Boolean(document.querySelector(".md-footer")),
    blocks: document.querySelectorAll(".md-content__inner > *").length};
});"""

# A slow link makes the browser paint while the page is still arriving, before any script has run: the moment
# a shift would show. (Phone: about 1.6 Mbit/s with 150 ms latency, Lighthouse's mobile profile; desktop faster.)
FORMS = {
    "phone": ({"width": 390, "height": 844}, {"latency": 150, "downloadThroughput": 200_000}),
    "desktop": ({"width": 1350, "height": 940}, {"latency": 40, "downloadThroughput": 1_250_000}),
}


def open_recording(browser: Any, url: str, *, viewport: dict[str, int], network: dict[str, int] | None = None,
                   cpu_slowdown: int = 1) -> tuple[Any, Any]:
    """Load the page under RECORD_LOADING, over the given link (CDP) and on a processor slowed as given."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.add_init_script(RECORD_LOADING)
    cdp = context.new_cdp_session(page)
    if network:
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "uploadThroughput": 100_000, **network})
    if cpu_slowdown > 1:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
    # These tests judge what moves on the first screen, not how fast the whole page arrives: they wait for the
    # first screen to be complete, not for `load`, which also waits for every figure far below (on a slowed link
    # and a machine busy with other work that took over 120 s).
    page.goto(url, wait_until="domcontentloaded", timeout=120_000)
    page.wait_for_function(FIRST_SCREEN_LOADED, timeout=120_000)
    return context, page


def open_slowly(browser: Any, url: str, form: str) -> tuple[Any, Any]:
    viewport, network = FORMS[form]
    context, page = open_recording(browser, url, viewport=viewport, network=network)
    page.wait_for_function(MATERIAL_RUNNING)
    page.wait_for_timeout(800)  # the progress bar and lazy blocks have settled
    return context, page


@pytest.mark.browser
@pytest.mark.parametrize("attempt", [1, 2])  # a slow link cuts the page at varying places: look twice
@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("path", ["", LESSON, "ko/", "ko/" + LESSON])
def test_nothing_on_the_first_screen_moves_while_the_page_loads(browser_with_scrollbars: Any, site_server: str,
                                                                path: str, form: str, attempt: int) -> None:
    context, page = open_slowly(browser_with_scrollbars, site_server + path, form)
    shifts = page.evaluate("window.__shifts")
    painted = page.evaluate("performance.getEntriesByName('first-contentful-paint').length")
    context.close()
    assert painted == 1
    assert shifts == [], shifts


@pytest.mark.browser
@pytest.mark.parametrize("slow", ["link", "processor"])
@pytest.mark.parametrize("path", ["", LESSON, "ko/", "ko/" + LESSON])
def test_the_first_frame_holds_the_whole_page(browser: Any, site_server: str, path: str, slow: str) -> None:
    """The reader's first frame is the page, not a header over a half-parsed article (or none) that the rest then
    joins while Material's bundle starts up: the first paint waits for the page's last element (rel=expect)."""
    viewport, network = FORMS["phone"]
    context, page = open_recording(browser, site_server + path, viewport=viewport,
                                   network=network if slow == "link" else None,
                                   cpu_slowdown=4 if slow == "processor" else 1)  # 4: Lighthouse's mobile processor
    first = page.evaluate("window.__firstFrame")
    total = page.evaluate("document.querySelectorAll('.md-content__inner > *').length")
    context.close()
    assert first == {"footer": True, "blocks": total}


@pytest.mark.browser
@pytest.mark.parametrize("lang_root", ["", "ko/"])
def test_blocks_far_below_are_skipped_until_the_reader_gets_near(browser: Any, site_server: str,
                                                                 lang_root: str) -> None:
    """The last display formula of a long lesson is not rendered on load (the browser skips it); scrolled to, it is.
    checkVisibility({contentVisibilityAuto}) asks without forcing the layout that a size query would force."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_server + lang_root + LESSON, wait_until="load")
    last_formula = page.locator(".md-content__inner > .math-block").last
    rendered = "(block) => block.querySelector('math').checkVisibility({contentVisibilityAuto: true})"
    first = page.locator(".md-content__inner > p").first
    assert first.evaluate("(p) => p.checkVisibility({contentVisibilityAuto: true})") is True
    assert last_formula.evaluate(rendered) is False
    last_formula.scroll_into_view_if_needed()
    page.wait_for_function(f"({rendered})", arg=last_formula.element_handle())
    context.close()


def last_section_id(built_site: Path, lang_root: str) -> str:
    """The id of the lesson's last author-written section, many screens down."""
    html = (built_site / lang_root / LESSON / "index.html").read_text(encoding="utf-8")
    ids = [found for found in re.findall(r'<h2 id="([^"]+)"', html) if not found.startswith("course-")]
    assert len(ids) >= 5
    return ids[-1]


@pytest.mark.browser
@pytest.mark.parametrize("lang_root", ["", "ko/"])
def test_a_link_to_a_late_section_lands_on_it(browser: Any, built_site: Path, site_server: str,
                                              lang_root: str) -> None:
    section = last_section_id(built_site, lang_root)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{site_server}{lang_root}{LESSON}#{section}", wait_until="load")
    page.wait_for_function(MATERIAL_RUNNING)
    page.wait_for_timeout(1000)  # blocks around the target have been laid out by now
    top = page.evaluate("(id) => document.getElementById(id).getBoundingClientRect().top", section)
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().height")
    context.close()
    assert header - 5 <= top <= header + 60, f"section heading at {top}px, header {header}px"


@pytest.mark.browser
def test_the_table_of_contents_follows_the_reader_through_skipped_blocks(browser: Any, site_server: str) -> None:
    """Section offsets change as skipped blocks render; the highlighted contents entry must still be the section
    being read."""
    context = browser.new_context(viewport={"width": 1350, "height": 940})
    page = context.new_page()
    page.goto(site_server + LESSON, wait_until="load")
    page.wait_for_function(MATERIAL_RUNNING)
    # Material counts a section as reached a little below the header (about 20 px); a heading between the header
    # and 150 px down is neither clearly read nor clearly not, so the reader scrolls on past such a spot.
    reading = """() => {
      const headings = [...document.querySelectorAll('.md-content__inner > h2[id]')];
      const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
      const tops = headings.map((heading) => heading.getBoundingClientRect().top);
      const unclear = tops.some((top) => top > header && top < 150);
      const above = headings.filter((heading, i) => tops[i] <= header).pop();
      const active = document.querySelector('.md-nav--secondary .md-nav__link--active');
      return [unclear, above ? above.id : null, active ? active.hash.slice(1) : null];
    }"""
    seen = set()
    for fraction in (0.25, 0.5, 0.75):
        page.evaluate("(f) => window.scrollTo(0, document.documentElement.scrollHeight * f)", fraction)
        page.wait_for_timeout(600)
        unclear, section, highlighted = page.evaluate(reading)
        if unclear:
            page.evaluate("() => window.scrollBy(0, 160)")
            page.wait_for_timeout(600)
            unclear, section, highlighted = page.evaluate(reading)
        assert not unclear and section and highlighted == section, (fraction, section, highlighted)
        seen.add(section)
    context.close()
    assert len(seen) == 3
