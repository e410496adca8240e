"""One pass of real Chromium over every page: what each page requests, logs, throws, and declares about itself.

Every page is loaded once (full load, phone width), measured, then left by an instant-navigation click to the next
page of the same language, so Material's XHR page swap is exercised on every page too. Everything is recorded per
page; the tests in this folder only read the records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

PHONE = {"width": 390, "height": 844}

# Read in the page after it settled: metadata, language, overflow, Hangul text that may break inside a word, and
# sideways-scrolling regions a keyboard cannot reach.
MEASURE_JS = r"""
() => {
  const hangul = /[\uac00-\ud7a3]/;
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute("content") ?? null;
  const relHas = (link, token) => (link.getAttribute("rel") || "").toLowerCase().split(/\s+/).includes(token);
  const links = [...document.querySelectorAll("link[rel]")];
  const wrapOffenders = [];
  let hangulElements = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    if (!element || seen.has(element) || !hangul.test(walker.currentNode.data)) continue;
    seen.add(element);
    if (!element.getClientRects().length) continue;  // not rendered: nothing to wrap
    hangulElements += 1;
    const style = getComputedStyle(element);
    if (["pre", "nowrap"].includes(style.whiteSpace)) continue;  // never wraps (code blocks scroll instead)
    if (style.wordBreak !== "keep-all" && style.wordBreak !== "auto-phrase") {
      wrapOffenders.push(`${element.tagName.toLowerCase()}.${[...element.classList].join(".")} (${style.wordBreak}): `
                         + walker.currentNode.data.trim().slice(0, 30));
    }
  }
  const width = window.innerWidth;
  const wide = [...document.body.querySelectorAll("*")]
    .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > width + 1; })
    .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
  // Regions that scroll sideways must take keyboard focus (or hold something focusable), or a keyboard user
  // cannot read what is cut off (axe: scrollable-region-focusable).
  const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const unreachableScrollers = [...document.body.querySelectorAll("*")]
    .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
    .filter((el) => el.getClientRects().length && !el.matches(focusable) && !el.querySelector(focusable))
    .slice(0, 10)
    .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}: `
                 + (el.matches(".math-block") ? el.querySelector("math")?.getAttribute("alttext") ?? "" : el.textContent)
                   .replace(/\s+/g, " ").trim().slice(0, 50));
  return {
    unreachableScrollers,
    lang: document.documentElement.getAttribute("lang"),
    title: document.title,
    description: meta("description"),
    canonical: links.find((l) => relHas(l, "canonical"))?.href ?? null,
    hreflang: Object.fromEntries(links.filter((l) => relHas(l, "alternate") && l.hasAttribute("hreflang"))
                                      .map((l) => [l.getAttribute("hreflang"), l.href])),
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: width,
    wideElements: wide,
    hangulElements,
    wrapOffenders: wrapOffenders.slice(0, 10),
  };
}
"""


@dataclass
class PageRecord:
    url: str
    lang: str  # the language the page belongs to (by its URL)
    status: int = 0
    requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)  # own-host responses >= 400 (not the page itself)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    measure: dict[str, Any] = field(default_factory=dict)
    # Arriving at the next page by an instant-navigation click from this one (None: no link to it was found):
    instant_target: str | None = None
    instant_was_instant: bool = False
    instant_lang: str | None = None
    instant_console_errors: list[str] = field(default_factory=list)
    instant_page_errors: list[str] = field(default_factory=list)


def next_in_language(urls: list[str], language_of: Callable[[str], str], url: str) -> str:
    """The following page of the same language (wrapping round), the instant-navigation target."""
    same = [u for u in urls if language_of(u) == language_of(url)]
    return same[(same.index(url) + 1) % len(same)]


def survey(browser: Any, urls: list[str], *, language_of: Callable[[str], str],
           expected_status: Callable[[str], int], site_host: str) -> dict[str, PageRecord]:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    records: dict[str, PageRecord] = {}
    current: dict[str, list[str]] = {}  # where the listeners write right now

    def on_request(request: Any) -> None:
        current.get("requests", []).append(request.url)

    def on_response(response: Any) -> None:
        if (response.status >= 400 and urlsplit(response.url).netloc == site_host
                and response.url != current.get("document", [""])[0]):
            current.get("failed", []).append(f"{response.status} {response.url}")

    def on_console(message: Any) -> None:
        if message.type == "error":
            current.get("console", []).append(f"{message.text} @ {message.location.get('url', '')}")

    def on_page_error(error: Any) -> None:
        current.get("errors", []).append(str(error))

    context.on("request", on_request)
    context.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    try:
        for url in urls:
            record = PageRecord(url=url, lang=language_of(url))
            records[url] = record
            current.update(requests=record.requests, failed=record.failed_requests, console=record.console_errors,
                           errors=record.page_errors, document=[url])
            response = page.goto(url, wait_until="networkidle")
            record.status = response.status if response else 0
            record.console_errors[:] = [m for m in record.console_errors
                                        if not (record.status == expected_status(url) != 200 and url in m)]
            record.measure = page.evaluate(MEASURE_JS)
            if record.status == 200:
                instant_click(page, record, next_in_language([u for u in urls if expected_status(u) == 200],
                                                            language_of, url), current)
    finally:
        context.close()
    return records


def instant_click(page: Any, record: PageRecord, target: str, current: dict[str, list[str]]) -> None:
    """Click (in the page's own script world) a link to `target`; Material's instant navigation swaps the page."""
    current.update(console=record.instant_console_errors, errors=record.instant_page_errors, document=[target])
    page.evaluate("() => { window.__auditSamePage = true; }")
    clicked = page.evaluate(
        """(target) => {
             const link = [...document.querySelectorAll("a[href]")].find((a) => a.href === target);
             if (!link) return false;
             link.click();
             return true;
           }""",
        target,
    )
    if not clicked:
        return
    record.instant_target = target
    page.wait_for_url(target)
    page.wait_for_load_state("networkidle")
    # The swap is done when the head describes the new page (Material replaces the canonical link with the content).
    page.wait_for_function(
        "(t) => { const c = document.querySelector('link[rel=canonical]');"
        " return !!c && new URL(c.href).pathname === new URL(t).pathname; }", arg=target)
    record.instant_was_instant = bool(page.evaluate("() => window.__auditSamePage === true"))
    record.instant_lang = page.evaluate("() => document.documentElement.getAttribute('lang')")
