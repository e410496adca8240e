"""Script tags of the page template (pure helpers).

Material puts its bundle at the end of <body> as a parser-blocking script. On a long lesson (MathML, inline SVG)
that script runs before the first paint of the article and its style recalculations become one long task, which
delays the paint and blocks input on a phone. Deferred, it runs after parsing, still before DOMContentLoaded (when
Material emits `document$`), and in document order with the course's own deferred and module scripts.
"""

from __future__ import annotations

import re

_EXTERNAL_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*\bsrc=[^>]*)>", re.IGNORECASE)
_ALREADY_LATE = re.compile(r"\b(?:defer|async)\b|\btype=[\"']?module\b", re.IGNORECASE)


def defer_scripts(markup: str) -> str:
    """Add `defer` to every external classic script that is neither deferred, async nor a module.

    All of them are deferred, not just Material's, so that a maintainer's extra_javascript still runs after the
    bundle it may rely on (deferred scripts keep their document order)."""

    def defer(match: re.Match[str]) -> str:
        attrs = match.group("attrs")
        if _ALREADY_LATE.search(attrs):
            return match.group(0)
        return f"<script{attrs.rstrip()} defer>"

    return _EXTERNAL_SCRIPT.sub(defer, markup)
