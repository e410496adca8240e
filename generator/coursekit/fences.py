"""Find ```figure blocks in Markdown source (engine-neutral; the MkDocs adapter and tools use it).

Fences inside other fences (e.g. a ````markdown example showing a figure block) are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`\s]*)[^`]*$")


@dataclass(frozen=True)
class Block:
    line: int  # 1-based line of the opening fence
    end_line: int  # 1-based line of the closing fence
    text: str  # the YAML between the fences
    source: str  # the whole block, fences included (what gets replaced)


def find_blocks(markdown: str, info: str = "figure") -> list[Block]:
    """Fenced blocks whose info string is `info` (```figure by default, ```question for self-checks)."""
    lines = markdown.splitlines(keepends=True)
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        match = _OPEN.match(lines[i].rstrip("\r\n"))
        if not match:
            i += 1
            continue
        fence = match["fence"]
        close = re.compile(rf"^ {{0,3}}{fence[0]}{{{len(fence)},}}\s*$")
        j = i + 1
        while j < len(lines) and not close.match(lines[j].rstrip("\r\n")):
            j += 1
        if match["info"] == info:
            body = "".join(lines[i + 1 : j])
            blocks.append(Block(line=i + 1, end_line=j + 1, text=body, source="".join(lines[i : j + 1])))
        i = j + 1
    return blocks


def outside_fences(lines: list[str]) -> list[bool]:
    """For each line, whether it is prose rather than part of a fenced code block (fence lines included)."""
    flags: list[bool] = []
    fence: str | None = None
    for line in lines:
        opener = _FENCE_LINE.match(line)
        if fence is not None:
            flags.append(False)
            if opener and opener["fence"][0] == fence[0] and len(opener["fence"]) >= len(fence) and not opener["info"]:
                fence = None
        else:
            flags.append(opener is None)
            if opener:
                fence = opener["fence"]
    return flags


_FENCE_LINE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})(?P<info>.*?)\s*$")
