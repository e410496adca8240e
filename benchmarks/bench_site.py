"""Benchmark the whole site: what a reader downloads per page type, and how the build time grows with the course.

Prints figures; asserts nothing (speed is not a test).
1. Transfer, in Chromium (Debian's, via Playwright), the site served under a sub-path as GitHub Pages serves it:
   bytes of every response body per page type (home, lesson, achievements, progress) and language, on first load
   (network idle) and after scrolling to the end (lazy images); the test server does not compress, so a gzip
   estimate is printed beside (text types gzipped at level 6, images counted as they are). Then the 10 largest assets.
   Then layout shifts during load (what Lighthouse's CLS counts) per page type, phone and desktop viewport, with
   the elements that moved.
2. Build time of the real site, both languages, warm figure cache: median of 3.
3. Build time of generated courses of 10, 50 and 200 lessons per language (fixture lessons with a little prose).

Run: .venv/bin/python benchmarks/bench_site.py [--site PATH] [--skip-transfer] [--skip-build] [--skip-growth]
Builds go to temporary folders; the real build uses (and fills) the repository's generated/ figure cache.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from course_site import SUB_PATH, build_site, lesson_text, site_or_build, write_fixture_course  # noqa: E402
from site_server import SiteServer, free_port  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
LANG_ROOTS = {"en": "", "ko": "ko/"}
FIXED_PAGES = {"home": "", "achievements": "achievements/", "progress": "progress/"}
TEXT_TYPES = ("text/", "javascript", "json", "xml", "svg")
# Every generated page is a real lesson (front matter, closing blocks), so growth measures the course's own hooks.
MAX_LESSONS = 1000
GROWTH_SIZES = (10, 50, 200)


@dataclass
class Transfer:
    """Response bodies of one page load, by URL."""

    bodies: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # url -> (content type, raw, gzip)

    def add(self, url: str, content_type: str, body: bytes) -> None:
        self.bodies[url] = (content_type, len(body), gzip_estimate(content_type, body))

    @property
    def raw(self) -> int:
        return sum(raw for _, raw, _ in self.bodies.values())

    @property
    def gzipped(self) -> int:
        return sum(packed for _, _, packed in self.bodies.values())


def gzip_estimate(content_type: str, body: bytes) -> int:
    """What a compressing server (GitHub Pages gzips text) would send; images are already compressed."""
    if any(kind in content_type for kind in TEXT_TYPES):
        return len(gzip.compress(body, compresslevel=6, mtime=0))
    return len(body)


def kb(n: int) -> str:
    return f"{n / 1024:8.1f} KB"


def lesson_slugs(site: Path, lang: str) -> list[str]:
    return sorted(p.parent.name for p in (site / LANG_ROOTS[lang] / "lessons").glob("*/index.html"))


def load(browser: object, url: str) -> tuple[Transfer, Transfer]:
    """(first load until network idle, everything after scrolling to the end) in a fresh context (empty cache)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    transfer = Transfer()

    def record(response: object) -> None:
        try:
            body = response.body()  # type: ignore[attr-defined]
        except Exception:  # redirects and aborted requests have no body
            return
        transfer.add(response.url, response.headers.get("content-type", ""), body)  # type: ignore[attr-defined]

    context.on("response", record)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    first = Transfer(dict(transfer.bodies))
    page.evaluate("async () => { for (let y = 0; y < document.body.scrollHeight; y += 600) {"
                  " window.scrollTo(0, y); await new Promise(r => setTimeout(r, 50)); } }")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    full = Transfer(dict(transfer.bodies))
    context.close()
    return first, full


# Collects layout-shift entries from the start of the page, with the elements that moved (Chromium only).
RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    const nodes = (entry.sources || []).map((s) => s.node && s.node.nodeType === 1
      ? s.node.tagName.toLowerCase() + (s.node.className ? '.' + String(s.node.className).trim().split(/\\s+/).join('.') : '')
      : '#text');
    window.__shifts.push({ value: entry.value, at: Math.round(entry.startTime), nodes });
  }
}).observe({ type: 'layout-shift', buffered: true });
"""
VIEWPORTS = {"phone": {"width": 412, "height": 823}, "desktop": {"width": 1350, "height": 940}}


def layout_shifts(browser: object, url: str, viewport: dict[str, int]) -> list[dict]:
    context = browser.new_context(viewport=viewport)  # type: ignore[attr-defined]
    page = context.new_page()
    page.add_init_script(RECORD_SHIFTS)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    shifts = page.evaluate("window.__shifts")
    context.close()
    return shifts


def bench_layout_shifts(browser: object, site: Path, base_url: str) -> None:
    print("\n== Layout shifts while loading (sum of shift scores; Lighthouse CLS target 0) ==")
    for lang, root in LANG_ROOTS.items():
        paths = {**FIXED_PAGES, "lesson": f"lessons/{lesson_slugs(site, lang)[1]}/"}
        for kind, path in paths.items():
            for name, viewport in VIEWPORTS.items():
                shifts = layout_shifts(browser, base_url + root + path, viewport)
                moved = sorted({node for shift in shifts for node in shift["nodes"][:2]})
                print(f"{lang} {kind:13} {name:8} {sum(s['value'] for s in shifts):6.3f}"
                      + (f"  at {', '.join(str(s['at']) for s in shifts)} ms: {'; '.join(moved)[:150]}" if shifts else ""))


def bench_transfer(site: Path, base_url: str) -> None:
    from playwright.sync_api import sync_playwright

    print("\n== Transfer per page (fresh browser cache; sum of response bodies) ==")
    print(f"{'page':36} {'requests':>8} {'first load':>11} {'gzip est.':>11} {'scrolled':>11} {'gzip est.':>11}")
    assets: dict[str, tuple[str, int, int]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for lang, root in LANG_ROOTS.items():
            for kind, path in FIXED_PAGES.items():
                first, full = load(browser, base_url + root + path)
                assets.update(full.bodies)
                print_row(f"{lang} {kind}", first, full)
            rows = []
            for slug in lesson_slugs(site, lang):
                first, full = load(browser, f"{base_url}{root}lessons/{slug}/")
                assets.update(full.bodies)
                rows.append((slug, first, full))
            for label, pick in (("median", statistics.median_low), ("largest", max)):
                gz = pick([full.gzipped for _, _, full in rows])
                slug, first, full = next(row for row in rows if row[2].gzipped == gz)
                print_row(f"{lang} lesson {label} ({slug[:14]})", first, full)
        print("\n== 10 largest assets (any page; a file both languages load is listed once) ==")
        for (path, raw), (content_type, packed, langs) in largest_assets(assets, base_url)[:10]:
            print(f"{kb(raw)} raw {kb(packed)} gzip  {path}  [{content_type.split(';')[0]}; {'+'.join(langs)}]")
        bench_layout_shifts(browser, site, base_url)
        browser.close()


def largest_assets(assets: dict[str, tuple[str, int, int]],
                   base_url: str) -> list[tuple[tuple[str, int], tuple[str, int, list[str]]]]:
    """Assets keyed by site path without the ko/ prefix and size, so identical copies under ko/ fold together."""
    merged: dict[tuple[str, int], tuple[str, int, list[str]]] = {}
    for url, (content_type, raw, packed) in assets.items():
        path = url.removeprefix(base_url)
        lang = "ko" if path.startswith("ko/") else "en"
        key = (path.removeprefix("ko/"), raw)
        merged.setdefault(key, (content_type, packed, []))[2].append(lang)
    return sorted(merged.items(), key=lambda item: item[0][1], reverse=True)


def print_row(label: str, first: Transfer, full: Transfer) -> None:
    print(f"{label:36} {len(first.bodies):8d} {kb(first.raw)} {kb(first.gzipped)} {kb(full.raw)} {kb(full.gzipped)}")


def timed_build(root: Path, site: Path) -> float:
    start = time.perf_counter()
    result = build_site(root, site, site_url=f"http://127.0.0.1:8000{SUB_PATH}")
    seconds = time.perf_counter() - start
    if not result.ok:
        raise SystemExit(f"build failed in {root}:\n{result.output}")
    return seconds


def page_count(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def bench_real_build() -> None:
    print("\n== Real site build, both languages, warm figure cache (median of 3) ==")
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        site = Path(tmp) / "site"
        timed_build(REPO, site)  # warms generated/ if a figure is new
        runs = [timed_build(REPO, site) for _ in range(3)]
        seconds, pages = statistics.median(runs), page_count(site)
        print(f"{seconds:6.2f} s  ({pages} pages, {1000 * seconds / pages:.0f} ms per page; "
              f"runs {', '.join(f'{r:.2f}' for r in runs)} s)")


def prose(number: int, lang: str) -> str:
    sentence = {"en": "Each step removes a little noise, and the model learns which little bit to remove. ",
                "ko": "각 단계는 노이즈를 조금 걷어 내고, 모델은 어느 만큼을 걷어 낼지 배웁니다. "}[lang]
    return "\n\n".join(sentence * 6 for _ in range(3)) + f"\n\nPage {number}.\n"


def fixture_lesson(number: int, lang: str) -> str:
    """The tests' fixture lesson (front matter, closing blocks) with a few paragraphs of prose before its section."""
    text = lesson_text(id=f"lesson-{number}", number=number, title=f"Lesson {number} {lang}", lang=lang)
    return text.replace("## A section", prose(number, lang) + "\n## A section", 1)


def generated_course(root: Path, lessons: int) -> Path:
    """`lessons` pages per language: real lessons up to MAX_LESSONS, then plain prose pages under more/."""
    real = min(lessons, MAX_LESSONS)
    course = {lang: {f"{n:03d}-lesson-{n}.md": fixture_lesson(n, lang) for n in range(1, real + 1)} for lang in LANG_ROOTS}
    write_fixture_course(root, course)
    for lang in LANG_ROOTS:
        folder = root / "docs" / lang / "more"
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(real + 1, lessons + 1):
            (folder / f"page-{n}.md").write_text(f"# Page {n}\n\n{prose(n, lang)}", encoding="utf-8")
    return root


def bench_growth() -> None:
    print(f"\n== Generated course, both languages (lessons per language; past {MAX_LESSONS}, plain prose pages) ==")
    print(f"{'lessons':>8} {'pages':>6} {'seconds':>8} {'ms/page':>8}")
    for size in GROWTH_SIZES:
        with tempfile.TemporaryDirectory(prefix=f"bench-site-{size}-") as tmp:
            root = generated_course(Path(tmp) / "course", size)
            site = Path(tmp) / "site"
            seconds = timed_build(root, site)
            pages = page_count(site)
            print(f"{size:8d} {pages:6d} {seconds:8.2f} {1000 * seconds / pages:8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (Korean under ko/) instead of building one")
    parser.add_argument("--skip-transfer", action="store_true")
    parser.add_argument("--skip-build", action="store_true", help="skip the real build's timing")
    parser.add_argument("--skip-growth", action="store_true", help="skip the generated courses")
    args = parser.parse_args()
    if not args.skip_transfer:
        port = free_port()
        with tempfile.TemporaryDirectory(prefix="bench-site-serve-") as tmp:
            site = site_or_build(args.site, Path(tmp), port=port)
            with SiteServer(site, port=port, prefix=SUB_PATH) as server:
                bench_transfer(site, server.url)
    if not args.skip_build:
        bench_real_build()
    if not args.skip_growth:
        bench_growth()


if __name__ == "__main__":
    main()
