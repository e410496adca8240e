"""The built pages of a site. What a page references (`collect`, `css_urls`) is read by the generator's own site
checks (coursekit.testing.html_refs)."""

from __future__ import annotations

from pathlib import Path


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
