"""The page's run blocks as one Python file a reader can download and run with numpy alone."""

from __future__ import annotations

from typing import Sequence


def page_script(codes: Sequence[str], *, title: str, url: str) -> str:
    head = f"# {title}\n# The code of {url}, block by block, as the site's build ran it. Run it with: python <this file>\n"
    return head + "".join(f"\n# --- block {i} ---\n{code.rstrip()}\n" for i, code in enumerate(codes, 1))
