"""What a page shows around the author's text, decided by pure functions: language links, hreflang, the lesson
header's position, the pager, the report link and the home page's series. The MkDocs hook only gathers inputs.

URLs here are directory-style and relative to a language root ('' is the root, 'lessons/02-x/' a lesson), as
MkDocs writes them; `language_root` says where each language's root lives under the site root.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from coursekit.page.anatomy import language_root, relative_url, report_issue_url


@dataclass(frozen=True)
class Alternate:
    lang: str
    name: str  # the language's own name for itself
    href: str  # as the page should link it: relative, or an absolute path on pages served from any depth
    target: str  # from the site root, e.g. ko/lessons/02-x/
    current: bool


def alternates(*, here: str, url: str, languages: Sequence[str], primary: str, exists_in: Callable[[str], bool],
               names: Mapping[str, str], base: str = "") -> list[Alternate]:
    """This page in every language, or that language's home where the page has no version there.

    `base` is '' for pages that link relatively, or the site root's absolute path for pages (404) served anywhere.
    """
    from_root = language_root(here, primary) + url
    found = []
    for lang in languages:
        target = language_root(lang, primary) + (url if exists_in(lang) else "")
        href = base + target if base else relative_url(from_root, target)
        found.append(Alternate(lang, names[lang], href, target, lang == here))
    return found


def hreflang(links: Sequence[Alternate], site_root: str) -> list[dict[str, str]]:
    """Absolute URLs of this page per language, then x-default (the primary language's); none without site_url."""
    if not site_root:
        return []
    absolute = [{"lang": link.lang, "href": site_root + link.target} for link in links]
    return absolute + [{"lang": "x-default", "href": absolute[0]["href"]}] if absolute else []


def position(template: str, number: int, total: int) -> str:
    """'Lesson 02 of 10': the lesson's place within its own series."""
    return template.format(number=number, total=total)


@dataclass(frozen=True)
class PagerLink:
    href: str
    number: int
    title: str


def pager(series_urls: Sequence[tuple[str, int, str]], here: str) -> dict[str, PagerLink]:
    """Previous and next lesson within the same series; `series_urls` holds (url, number, title) in order."""
    urls = [url for url, _, _ in series_urls]
    if here not in urls:
        return {}
    index = urls.index(here)
    neighbours = {"previous": index - 1, "next": index + 1}
    return {
        key: PagerLink(relative_url(here, series_urls[i][0]), series_urls[i][1], series_urls[i][2])
        for key, i in neighbours.items() if 0 <= i < len(series_urls)
    }


def report_link(repo_url: str, *, lesson_id: str, title: str, lang: str, page_url: str, body_template: str) -> str | None:
    """A new-issue link with the lesson named, or None when the site has no repository."""
    if not repo_url:
        return None
    body = body_template.format(id=lesson_id, title=title, lang=lang, url=page_url)
    return report_issue_url(repo_url, title=f"[{lesson_id}] {title}", body=body)


@dataclass(frozen=True)
class HomeSeries:
    id: str
    title: str
    summary: str
    rows: list[dict[str, Any]]


def home_series(series: Sequence[tuple[str, str, str]], rows: Sequence[tuple[str, dict[str, Any]]],
                page_url: str) -> list[HomeSeries]:
    """The home page's list: each series (id, title, summary) with its rows, in order; series without rows are left
    out. Each row is (series id, labels with a 'url' relative to the language root)."""
    groups = []
    for series_id, title, summary in series:
        mine = [{**labels, "href": relative_url(page_url, labels["url"])} for sid, labels in rows if sid == series_id]
        if mine:
            groups.append(HomeSeries(series_id, title, summary, mine))
    return groups
