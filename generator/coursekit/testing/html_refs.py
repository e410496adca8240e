"""Reading built HTML: every URL a page references (with whether the browser fetches it unasked) and every id."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Attributes whose URL the browser fetches by itself (as opposed to links a reader may follow).
RESOURCE_ATTRS = {("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src"), ("video", "src"),
                  ("audio", "src"), ("image", "href"), ("use", "href")}
NON_FETCHING_LINK_RELS = {"alternate", "canonical", "prev", "next"}


@dataclass(frozen=True)
class Ref:
    tag: str
    attr: str
    url: str
    rel: str
    fetched: bool  # the browser requests it without a click


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[Ref] = []
        self.ids: set[str] = set()
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html" and self.lang is None:
            self.lang = values.get("lang")
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        rel = " ".join(values.get("rel", "").split())
        for attr in ("href", "src", "srcset", "data-src", "data-frames"):
            if attr not in values or not values[attr]:
                continue
            urls = [part.strip().split(" ")[0] for part in values[attr].split(",")] if attr == "srcset" else [values[attr]]
            for url in urls:
                if tag == "link":
                    fetched = not (set(rel.split()) & NON_FETCHING_LINK_RELS)
                else:
                    fetched = (tag, attr) in RESOURCE_ATTRS or attr in ("srcset", "data-src")
                self.refs.append(Ref(tag, attr, url, rel, fetched))

    handle_startendtag = handle_starttag


def collect(html: str) -> tuple[list[Ref], set[str]]:
    parser = _Collector()
    parser.feed(html)
    return parser.refs, parser.ids


def document_lang(html: str) -> str | None:
    """The `lang` attribute of the page's <html> element, as the server sent it."""
    parser = _Collector()
    parser.feed(html)
    return parser.lang


def css_urls(css: str) -> list[str]:
    return re.findall(r"url\(\s*['\"]?([^'\")]+)", css)
