"""Ship the progress ES modules without their explanatory comments: the readable sources stay in overrides/,
readers download only the code (and the progress stylesheet without its comments). The budget: what any one page loads (its scripts and the CSS) stays within 14 KB
gzipped. Views that only one page shows are imported by main.js on demand, and count only for that page."""

from __future__ import annotations

import gzip
import re
from collections.abc import Mapping

SCRIPT_DIR = "assets/course/progress/"
BUDGET_BYTES = 14 * 1024
_ON_DEMAND = re.compile(r"""import\(['"]\./([\w-]+\.js)['"]\)""")


def compact_js(text: str) -> str:
    """Drop whole-line `//` comments, blank lines and indentation; every statement is kept as written.

    Stripping a line is only safe when no string spans lines, so a file with a multi-line template literal
    (an odd number of backticks on some line) is returned unchanged.
    """
    lines = text.splitlines()
    if any(line.count("`") % 2 for line in lines):
        return text
    kept = (line.strip() for line in lines)
    return "\n".join(line for line in kept if line and not line.startswith("//")) + "\n"


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
CSS_FILE = "assets/course/progress.css"


def compact_css(text: str) -> str:
    """The stylesheet without its comments, blank lines and indentation (no rule of ours puts '/*' in a string)."""
    kept = (line.strip() for line in _CSS_COMMENT.sub("", text).splitlines())
    return "\n".join(line for line in kept if line) + "\n"


def gzipped_size(data: bytes) -> int:
    # mtime=0: the figure depends on the content only.
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_loads(shipped_gz: Mapping[str, int], entry_text: str, css_gz: int) -> dict[str, int]:
    """Gzipped bytes a page loads: every page loads the modules main.js imports up front and the CSS; a page with
    an on-demand view loads that module too. `shipped_gz` maps module file names to their shipped gzipped size."""
    on_demand = set(_ON_DEMAND.findall(entry_text))
    every_page = css_gz + sum(size for name, size in shipped_gz.items() if name not in on_demand)
    return {"every page": every_page, **{f"+ {name}": every_page + shipped_gz[name] for name in sorted(on_demand)}}
