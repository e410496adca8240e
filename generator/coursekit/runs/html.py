"""What a run block printed, as HTML under the code (the element carries data-course-ran: a contract for tests)."""

from __future__ import annotations

from html import escape


def output_html(text: str, *, index: int, label: str) -> str:
    body = f"<pre><code>{escape(text.rstrip(chr(10)))}</code></pre>" if text.strip() else ""
    return (f'<div class="course-ran" data-course-ran="{index}" role="group" aria-label="{escape(label)}" data-search-exclude="">'
            f"{body}</div>")


def download_html(href: str, *, name: str, text: str) -> str:
    # Plain link text: a <code> inside a link falls below 4.5:1 contrast in the dark palette.
    link = f'<a href="{escape(href)}" download="{escape(name)}">{escape(name)}</a>'
    return f"<p class=\"course-ran-download\">{escape(text).replace('{file}', link)}</p>"
