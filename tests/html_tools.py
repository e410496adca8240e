"""The built pages of a site, and pages converted the way MkDocs converts them. What a page references (`collect`,
`css_urls`) is read by the generator's own site checks (coursekit.testing.html_refs)."""

from __future__ import annotations

from pathlib import Path

import markdown
from material.plugins.search.plugin import Parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_body_html(text: str) -> str:
    """A page's Markdown body as MkDocs converts it, with the generator's Markdown extensions (arithmatex wrappers)."""
    return markdown.markdown(text, extensions=["admonition", "attr_list", "tables", "toc", "pymdownx.superfences",
                                               "pymdownx.arithmatex"], extension_configs={"pymdownx.arithmatex": {"generic": True}})


def search_sections(html: str) -> list[tuple[str, str]]:
    """(title, text) of each section as Material's search plugin reads the page."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [("".join(section.title), "".join(section.text)) for section in parser.data]
