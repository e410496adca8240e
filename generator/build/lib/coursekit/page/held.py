"""Finished HTML that a hook puts into a page's Markdown (figures, self-check questions, the review page's bank) is
held back from the Markdown converter: the Markdown gets a one-element placeholder, and the HTML goes in its place
once the page is converted (`release`, before any other hook or the search plugin reads the page), or once search
has read it (`release_after_search`, for HTML that must not be indexed).

Why: Python-Markdown parses every raw HTML block tag by tag to find where it ends, and a lesson's figures and
questions are most of its tags; with placeholders a page converts about a fifth faster and comes out the same.
"""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r'<div data-course-held="(?P<number>\d+)"></div>')
_LATE_PLACEHOLDER = re.compile(r'<div data-course-held-late="(?P<number>\d+)"></div>')


class HeldHtml:
    """The HTML held for one build's pages, by placeholder number."""

    def __init__(self) -> None:
        self._held: list[str] = []

    def hold(self, html: str, *, after_search: bool = False) -> str:
        """A placeholder for `html`, to be put into Markdown as a block of its own (blank lines around it)."""
        self._held.append(html)
        return f'<div data-course-held{"-late" if after_search else ""}="{len(self._held) - 1}"></div>'

    def release(self, page_html: str) -> str:
        """The converted page with each placeholder replaced by the HTML it holds."""
        return _PLACEHOLDER.sub(self._put_back, page_html)

    def release_after_search(self, page_html: str) -> str:
        """The finished page with each placeholder held `after_search` replaced by its HTML."""
        return _LATE_PLACEHOLDER.sub(self._put_back, page_html)

    def _put_back(self, match: re.Match[str]) -> str:
        return self._held[int(match.group("number"))]
