"""The link crawler itself, on a tiny site with known faults: it must report each one (so a green link check means
something) and nothing else."""

from __future__ import annotations

from pathlib import Path

from coursekit.testing.crawl import crawl
from coursekit.testing.server import SiteServer, free_port

PAGES = {
    "index.html": '<a href="other/#here">ok</a> <a href="other/#nowhere">bad anchor</a> <a href="#top">top</a> <a href="#missing">same page, no such id</a>'
                  '<img src="gone.png" alt=""> <link rel="stylesheet" href="style.css"> <a href="lost/">gone page</a>'
                  '<a href="https://example.org/">elsewhere</a>',
    "other/index.html": '<h2 id="here">Here</h2> <a href="../">home</a>',
    "style.css": "body { background: url(missing.webp); }",
    # Served for any missing URL at any depth: a root-absolute path without the sub-path breaks there.
    "404.html": '<link rel="stylesheet" href="/assets/site.css"><a href="/diffusion-course/">home</a>'
                '<span id="end"></span><a href="#end">same page</a>',  # served with status 404, the anchor is fine
    "ko/index.html": '<a href="../">en</a>',
    "ko/404.html": '<a href="/diffusion-course/ko/">home</a>',
}


def test_the_crawler_reports_each_broken_link_anchor_and_asset(tmp_path: Path) -> None:
    for name, text in PAGES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"<!doctype html><html><body>{text}</body></html>" if name.endswith(".html") else text)
    with SiteServer(tmp_path, port=free_port(), prefix="/diffusion-course/") as server:
        found = crawl(server.url, {"en": "", "ko": "ko/"})
    reported = sorted((item.page.removeprefix(server.url), item.reference) for item in found.broken)
    assert reported == sorted([
        ("", "other/#nowhere"), ("", "#missing"), ("", "gone.png"), ("", "lost/"), ("style.css", "missing.webp"),
        ("no/such/page/", "/assets/site.css"),
    ])
    assert {server.url, server.url + "other/", server.url + "ko/"} <= set(found.pages)
