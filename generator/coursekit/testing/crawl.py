"""Crawl the served site over real HTTP, as a reader's browser would fetch it, and list what does not resolve.

Starting from each language's home page and a missing URL deep under each language (answered by that language's
404 page, as GitHub Pages does), every page's links, assets, CSS url()s and #anchors are fetched and checked.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from .html_refs import collect, css_urls

# Fragments that need no element: the HTML standard scrolls to the top for them.
TOP_FRAGMENTS = {"", "top"}
NOT_FETCHED_SCHEMES = {"mailto", "data", "javascript", "tel", "blob", "about"}


@dataclass(frozen=True)
class Fetched:
    url: str
    status: int
    content_type: str
    body: bytes


@dataclass(frozen=True)
class Broken:
    page: str  # the URL of the page (or stylesheet) that references it
    reference: str  # as written in the source
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.reference!r} ({self.reason})"


@dataclass
class Crawl:
    """What the crawl saw: every HTML page by URL (with the ids it defines) and everything that did not resolve."""

    pages: dict[str, Fetched] = field(default_factory=dict)
    ids: dict[str, set[str]] = field(default_factory=dict)
    broken: list[Broken] = field(default_factory=list)
    checked: int = 0  # distinct URLs fetched


def fetch(url: str) -> Fetched:
    request = urllib.request.Request(url, headers={"User-Agent": "course-audit"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Fetched(url, response.status, response.headers.get_content_type(), response.read())
    except urllib.error.HTTPError as error:
        return Fetched(url, error.code, error.headers.get_content_type(), error.read())


def is_internal(url: str, base: str) -> bool:
    """Same host as the site (anything on another host is not this crawl's business)."""
    return urlsplit(url).netloc == urlsplit(base).netloc


def start_urls(base: str, languages: dict[str, str]) -> list[str]:
    """Each language's home, and a missing URL two folders deep in each language (its 404 page)."""
    return [base + root for root in languages.values()] + [base + root + "no/such/page/" for root in languages.values()]


def is_missing_page_url(url: str) -> bool:
    return "/no/such/page/" in url


def crawl(base: str, languages: dict[str, str]) -> Crawl:
    result = Crawl()
    fetched: dict[str, Fetched] = {}
    references: list[tuple[str, str, str]] = []  # (page url, reference as written, absolute url with fragment)
    starts = start_urls(base, languages)
    queue = deque(starts)

    def get(url: str) -> Fetched:
        if url not in fetched:
            fetched[url] = fetch(url)
        return fetched[url]

    while queue:
        url = queue.popleft()
        if url in result.pages:
            continue
        page = get(url)
        if page.content_type != "text/html":
            continue
        expected = 404 if is_missing_page_url(url) else 200
        if page.status != expected:
            if url in starts:  # a linked page that is missing is reported with the link, below
                result.broken.append(Broken(url, url, f"HTTP {page.status}"))
            continue
        result.pages[url] = page
        refs, ids = collect(page.body.decode("utf-8"))
        result.ids[url] = ids
        for ref in refs:
            if urlsplit(ref.url).scheme in NOT_FETCHED_SCHEMES:
                continue
            target = urljoin(url, ref.url)
            if not is_internal(target, base):
                continue
            references.append((url, ref.url, target))
            document, _ = urldefrag(target)
            if ref.tag == "a" and not is_missing_page_url(document) and document.startswith(base):
                queue.append(document)

    sheets_checked: set[str] = set()
    for page_url, written, target in references:
        document, fragment = urldefrag(target)
        if written.startswith("#"):  # this very document, whatever status it came with (the 404 page's is 404)
            if unquote(fragment) not in TOP_FRAGMENTS and unquote(fragment) not in result.ids[page_url]:
                result.broken.append(Broken(page_url, written, f"no element with id {unquote(fragment)!r}"))
            continue
        if not document.startswith(base):
            result.broken.append(Broken(page_url, written, "outside the site's path"))
            continue
        answer = get(document)
        if answer.status != 200:
            result.broken.append(Broken(page_url, written, f"HTTP {answer.status}"))
            continue
        if fragment and unquote(fragment) not in TOP_FRAGMENTS and answer.content_type == "text/html":
            ids = result.ids.get(document)
            if ids is None:
                ids = collect(answer.body.decode("utf-8"))[1]
                result.ids[document] = ids
            if unquote(fragment) not in ids:
                result.broken.append(Broken(page_url, written, f"no element with id {unquote(fragment)!r}"))
        if answer.content_type == "text/css" and document not in sheets_checked:
            sheets_checked.add(document)
            for inner in css_urls(answer.body.decode("utf-8")):
                resolved = urljoin(document, inner)
                if urlsplit(inner).scheme in NOT_FETCHED_SCHEMES or not is_internal(resolved, base):
                    continue
                status = get(urldefrag(resolved)[0]).status
                if status != 200:
                    result.broken.append(Broken(document, inner, f"HTTP {status}"))
    result.checked = len(fetched)
    return result
