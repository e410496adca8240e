"""Find a page's run blocks: fenced Python whose info string carries `{run}` (```` ```python {run} ````).

Every other tool reads the first word of the info string as the language, so the block shows as ordinary Python on
GitHub, in an editor's preview or in Zensical; only this build runs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coursekit.fences import find_blocks

_RUN_MARK = re.compile(r"\{\s*run\s*\}")


@dataclass(frozen=True)
class RunBlock:
    line: int  # 1-based line of the opening fence in the page's source
    end_line: int  # 1-based line of the closing fence
    code: str


def run_blocks(markdown: str) -> list[RunBlock]:
    out = []
    for block in find_blocks(markdown, "python"):
        opening = block.source.splitlines()[0]
        if _RUN_MARK.search(opening.split("python", 1)[1]):
            out.append(RunBlock(line=block.line, end_line=block.end_line, code=block.text))
    return out
