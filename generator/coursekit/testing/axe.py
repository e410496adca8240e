"""axe-core in a real page, and the page states a reader opens: the phone nav drawer, the language menu, search.

axe-core is the npm package in the course's package.json (devDependencies), injected from the course's
node_modules (or the file AXE_CORE_PATH names): nothing is downloaded.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BLOCKING_IMPACTS = ("critical", "serious")
# Lesser findings on the pages themselves that were fixed once and must not come back: two navigation landmarks with
# one name, and a table header cell whose only content is a formula (axe reads no text in MathML, so give the cell a
# word too). Not applied to Material's search results, which list each result's tags in an unnamed <nav>.
ALSO_BLOCKING = ("landmark-unique", "empty-table-header")
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
# A phone as Lighthouse emulates one (touch, mobile viewport, dense pixels): target sizes are measured as on a phone.
DEVICE = {"phone": {"is_mobile": True, "has_touch": True, "device_scale_factor": 2}, "desktop": {}}
# What a reader's browser may present: width and colour scheme (the course follows prefers-color-scheme until the
# reader picks one). Every page is scanned in each look.
LOOKS = {"phone": ("phone", "light"), "desktop": ("desktop", "light"), "phone-dark": ("phone", "dark"),
         "desktop-dark": ("desktop", "dark")}


def axe_source(course_root: Path) -> Path:
    """axe-core's script: AXE_CORE_PATH when set, else the course's node_modules."""
    path = Path(os.environ.get("AXE_CORE_PATH") or course_root / "node_modules" / "axe-core" / "axe.min.js")
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: run `npm install` (make test does) to get axe-core")
    return path


def blocking_violations(page: Any, axe: Path, scope: str | None = None, also: tuple[str, ...] = ()) -> list[str]:
    """Run axe (the script at `axe`) on the document, or only the elements matching `scope`, as it is now; one line
    per critical or serious violation (or one of the rules `also` names) and element."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe))
    result = page.evaluate(
        "async (scope) => await axe.run(scope ? {include: [[scope]]} : document, {resultTypes: ['violations']})", scope)
    return [
        f"[{violation['impact']}] {violation['id']} ({violation['help']}): {' '.join(map(str, node['target']))}: "
        + " ".join(node.get("failureSummary", "").splitlines()[1:2]).strip()
        for violation in result["violations"]
        if violation["impact"] in BLOCKING_IMPACTS or violation["id"] in also
        for node in violation["nodes"][:5]
    ]


def settle(page: Any) -> None:
    """Wait until the page's own scripts ran (Material's and the course's), the network is quiet and nothing moves."""
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => typeof window.document$ !== 'undefined'")
    still(page)


def still(page: Any) -> None:
    """No CSS transition or animation running (axe measures colours as they are painted)."""
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")


def open_nothing(page: Any, query: str) -> None:
    still(page)


def open_nav_drawer(page: Any, query: str) -> None:
    """The phone menu button in the header, clicked as a reader taps it; wait until the drawer slid in."""
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_function(
        "() => document.getElementById('__drawer').checked"
        " && document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    still(page)


def close_nav_drawer(page: Any) -> None:
    page.evaluate("() => { const t = document.getElementById('__drawer');"
                  " t.checked = false; t.dispatchEvent(new Event('change')); }")
    still(page)


def open_language_menu(page: Any, query: str) -> None:
    """Keyboard focus on the language button opens the menu (Material shows it on :focus-within and :hover)."""
    button = page.locator(".md-header .md-select button").first
    button.focus()
    button.hover()
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.md-header .md-select__inner')).opacity === '1'")
    still(page)


def close_language_menu(page: Any) -> None:
    page.mouse.move(0, page.viewport_size["height"] - 1)
    page.evaluate("() => document.activeElement?.blur()")
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.md-header .md-select__inner')).opacity === '0'")
    still(page)


def open_search(page: Any, query: str) -> None:
    """Material's `/` shortcut opens the search dialog; a query fills it with results."""
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    still(page)


def close_nothing(page: Any) -> None:
    pass


@dataclass(frozen=True)
class State:
    """A page state a reader opens: how to open and close it, and what to scan while it is open. The closed state
    scans the whole page; an opened control changes only itself, so only it is scanned again."""

    open: Callable[[Any, str], None]
    close: Callable[[Any], None]
    scope: str | None
    phone_only: bool = False


STATES: dict[str, State] = {
    "closed": State(open_nothing, close_nothing, None),
    "language menu": State(open_language_menu, close_language_menu, ".md-header"),
    "nav drawer": State(open_nav_drawer, close_nav_drawer, ".md-sidebar--primary", phone_only=True),
    "search": State(open_search, close_nothing, ".md-search"),  # last: it stays open
}


def states_for(viewport: str) -> list[str]:
    """The nav drawer is a phone control; at desktop width the navigation is always visible."""
    return [name for name, state in STATES.items() if viewport == "phone" or not state.phone_only]


def look_context(browser: Any, look: str) -> Any:
    """A browser context with one look of LOOKS (width, touch and colour scheme); the caller closes it."""
    viewport, scheme = LOOKS[look]
    return browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme, **DEVICE[viewport])


def page_violations(context: Any, urls: list[str], axe: Path) -> list[str]:
    """Every page as it is once it settled, closed controls: one line per blocking finding, naming the page."""
    tab = context.new_page()
    found: list[str] = []
    try:
        for url in urls:
            tab.goto(url)
            settle(tab)
            found += [f"{url}: {line}" for line in blocking_violations(tab, axe, also=ALSO_BLOCKING)]
    finally:
        tab.close()
    return found


def control_violations(context: Any, url: str, axe: Path, *, viewport: str, search_query: str) -> list[str]:
    """One page with each control a reader opens at this width (STATES), scanning only the control."""
    tab = context.new_page()
    found: list[str] = []
    try:
        tab.goto(url)
        settle(tab)
        for name in states_for(viewport):
            if name == "closed":
                continue  # the closed page is page_violations' business
            state = STATES[name]
            state.open(tab, search_query)
            found += [f"{name}: {line}" for line in blocking_violations(tab, axe, state.scope)]
            state.close(tab)
    finally:
        tab.close()
    return found
