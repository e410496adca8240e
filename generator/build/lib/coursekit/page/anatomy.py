"""Parts of a lesson page the site adds around what the author wrote (pure helpers)."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlencode

_EXERCISE_OPEN = re.compile(r'<div class="admonition exercise">')


def add_exercise_slot(page_html: str) -> str:
    """Give the exercise block the slot where the 'Exercise done' control appears (see progress scripts)."""
    match = _EXERCISE_OPEN.search(page_html)
    if not match:
        return page_html
    # The admonition ends at the first </div> that closes it; admonitions nest no <div> of their own here,
    # except when an author puts a figure or a nested block inside, so count depth.
    depth, index = 0, match.start()
    for tag in re.finditer(r"<(/?)div\b[^>]*>", page_html[match.start():]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            index = match.start() + tag.start()
            break
    else:
        return page_html
    return page_html[:index] + '<div class="course-slot" data-course-slot="exercise-done"></div>' + page_html[index:]


def report_issue_url(repo_url: str, *, title: str, body: str, labels: tuple[str, ...] = ("lesson-feedback",)) -> str:
    """A link that opens a new GitHub issue with title and body filled in."""
    query = urlencode({"title": title, "body": body, "labels": ",".join(labels)})
    return f"{repo_url.rstrip('/')}/issues/new?{query}"


def relative_url(from_page_url: str, to_url: str) -> str:
    """Relative link between two directory-style URLs of one site ('' is the site root)."""
    start = posixpath.dirname("/" + from_page_url) if not from_page_url.endswith("/") else "/" + from_page_url
    rel = posixpath.relpath("/" + to_url, start)
    if rel == ".":
        return "./"
    is_directory = to_url == "" or to_url.endswith("/")
    return rel + "/" if is_directory else rel


def language_root(lang: str, primary: str) -> str:
    """Where a language's site lives relative to the primary language's root."""
    return "" if lang == primary else f"{lang}/"
