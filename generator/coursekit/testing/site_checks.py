"""Checks of a built, served course site that need no browser: every page reached, every link resolving, every page
built in every language and declaring its language. Each returns one line per problem (empty: all is well)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .crawl import Crawl, is_missing_page_url
from .html_refs import document_lang
from .languages import language_of


def read_manifest(site: Path, root: str = "") -> dict[str, Any]:
    """The course manifest the build writes for one language (its lessons, in the site's order)."""
    return json.loads((site / root / "course-manifest.json").read_text(encoding="utf-8"))


def unreached_pages(site: Path, base: str, crawl: Crawl) -> list[str]:
    """Built pages no link leads to: nothing else here checked them."""
    built = {base + path.relative_to(site).as_posix().removesuffix("index.html")
             for path in site.rglob("*.html") if path.name != "404.html"}
    return sorted(built - {url for url in crawl.pages if not is_missing_page_url(url)})


def broken_links(crawl: Crawl, base: str, roots: dict[str, str], lang: str) -> list[str]:
    """Internal links, #anchors and assets of the language's pages (its 404 page included) that do not resolve."""
    found = [str(item) for item in crawl.broken if language_of(base, item.page, roots) == lang]
    if base + roots[lang] + "no/such/page/" not in crawl.pages:
        found.append(f"{base + roots[lang]}no/such/page/: no 404 page of its own language was served")
    return found


def missing_pages(site: Path, roots: dict[str, str], lang: str) -> list[str]:
    """The home page and every lesson of the course, built in this language."""
    manifest = read_manifest(site, roots[lang])
    wanted = ["", *(lesson["path"] for lesson in manifest["lessons"])]
    return [f"{roots[lang]}{path}index.html: not built" for path in wanted
            if not (site / roots[lang] / path / "index.html").is_file()]


def wrong_language(crawl: Crawl, base: str, roots: dict[str, str], lang: str) -> list[str]:
    """Pages of the language whose <html lang> says another (screen readers and search read it)."""
    pages = {url: page for url, page in crawl.pages.items() if language_of(base, url, roots) == lang}
    if not pages:
        return [f"{base + roots[lang]}: no page of this language was reached"]
    return [f"{url}: lang={found!r}" for url, page in sorted(pages.items())
            if (found := document_lang(page.body.decode("utf-8"))) != lang]
