"""Recall of the Korean site's search for the English terms the lessons give in parentheses, and for Korean terms.

For each query it prints how many Korean lessons contain the word (in their source, outside code and math), how
many of those lessons the search dialog lists, and how many documents (pages) it says match, typed into Material's
search in Chromium on the built site served under a sub-path. Material lists the first ten matching documents until
the reader scrolls, so "found" counts among those. Prints figures; asserts nothing.

Run: .venv/bin/python benchmarks/bench_korean_search.py [--site PATH]
Compare two builds (before and after a change to the search settings) by giving each with --site.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

from course_site import SUB_PATH, site_or_build  # noqa: E402
from site_server import SiteServer, free_port  # noqa: E402

from coursekit.glossary.variants import prose_lines  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
QUERIES = ["denoiser", "forward", "memorization", "posterior", "latent", "classifier", "schedule", "score",
           "디노이저", "순방향", "그래디언트", "마르코프", "가이던스", "스코어"]


def lessons_containing(word: str) -> set[str]:
    found = set()
    for path in sorted((REPO / "docs" / "ko" / "lessons").glob("*.md")):
        prose = "\n".join(prose_lines(path.read_text(encoding="utf-8")))
        if re.search(re.escape(word), prose, re.IGNORECASE):
            found.add(path.stem)
    return found


# Answered: the count line no longer shows its prompt, and says no match or lists the first batch (up to ten).
ANSWERED = """(prompt) => {
  const meta = document.querySelector('.md-search-result__meta').textContent;
  if (meta === prompt) return false;
  const count = Number((meta.match(/\\d+/) || ['0'])[0]);
  return count === 0 || document.querySelectorAll('.md-search-result__list > li').length >= Math.min(count, 10);
}"""


def search(page, base: str, query: str) -> tuple[set[str], int]:
    page.goto(base)
    page.wait_for_function("() => typeof window.document$ !== 'undefined'")
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    prompt = page.locator(".md-search-result__meta").text_content()
    box.fill(query)
    box.press("End")
    page.wait_for_function(ANSWERED, arg=prompt, timeout=15000)
    hrefs = [a.get_attribute("href") or "" for a in page.locator(".md-search-result__item > a").all()]
    meta = page.locator(".md-search-result__meta").text_content() or ""
    total = int(m.group(0)) if (m := re.search(r"\d+", meta)) else 0
    return {m.group(1) for href in hrefs if (m := re.search(r"lessons/([^/#]+)/", href))}, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (both languages); default: build this repository")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    port = free_port()
    with tempfile.TemporaryDirectory() as work:
        site = site_or_build(args.site.resolve() if args.site else None, Path(work), port=port)
        with SiteServer(site, port=port, prefix=SUB_PATH) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            search(page, server.url + "ko/", "노이즈")  # the first query also waits for the index to load
            print(f"{'query':<14} {'lessons with it':>15} {'found':>6} {'documents matched':>18}")
            for query in QUERIES:
                expected = lessons_containing(query)
                found, total = search(page, server.url + "ko/", query)
                print(f"{query:<14} {len(expected):>15} {len(found & expected):>6} {total:>18}")
            browser.close()


if __name__ == "__main__":
    main()
