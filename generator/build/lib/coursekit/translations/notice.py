"""The notice an outdated translated page shows, in the page's own language, linking to its source page."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

ATTRIBUTE = 'data-course-translation="outdated"'


def notice_html(strings: Mapping[str, Any], source_url: str, source_lang: str) -> str:
    """`strings` is the `translation:` section of the page language's UI strings; `source_url` is relative to the
    page. The element carries data-course-translation="outdated" for scripts and tests."""
    return (f'<aside class="admonition warning course-translation-notice" {ATTRIBUTE} role="note">'
            f'<p>{escape(strings["outdated"])} '
            f'<a href="{escape(source_url, quote=True)}" hreflang="{escape(source_lang, quote=True)}" '
            f'lang="{escape(source_lang, quote=True)}">{escape(strings["source_link"])}</a></p></aside>')
