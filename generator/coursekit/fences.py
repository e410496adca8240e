"""Find ```figure blocks in Markdown source (engine-neutral; the MkDocs adapter and tools use it).

Fences inside other fences (e.g. a ````markdown example showing a figure block) are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A fence's opening line: up to three spaces, three or more backticks or tildes, the info string's first word.
_OPEN = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\s]*)[^`\n]*$", re.MULTILINE)


@dataclass(frozen=True)
class Block:
    line: int  # 1-based line of the opening fence
    end_line: int  # 1-based line of the closing fence
    text: str  # the YAML between the fences
    source: str  # the whole block, fences included (what gets replaced)


def find_blocks(markdown: str, info: str = "figure") -> list[Block]:
    """Fenced blocks whose info string is `info` (```figure by default, ```question for self-checks).

    Searches the text for fence lines rather than walking every line: the build calls this several times for every
    page, and most lines open no fence."""
    blocks: list[Block] = []
    start, line = 0, 1  # where to search from, and the line it is on
    while (match := _OPEN.search(markdown, start)) is not None:
        line += markdown.count("\n", start, match.start())
        fence = match["fence"]
        body_start = markdown.find("\n", match.end())
        body_start = len(markdown) if body_start < 0 else body_start + 1
        close = _closing(fence).search(markdown, body_start)
        body_end = close.start() if close else len(markdown)
        end = len(markdown) if close is None else _line_end(markdown, close.end())
        body_lines = markdown.count("\n", body_start, body_end)
        end_line = line + 1 + body_lines
        if close is None and body_end > body_start and not markdown.endswith("\n"):
            end_line += 1  # an unclosed block's last line has no line break after it
        if match["info"] == info:
            blocks.append(Block(line=line, end_line=end_line, text=markdown[body_start:body_end],
                                source=markdown[match.start():end]))
        line, start = end_line + (close is not None), end
        if close is None:
            break
    return blocks


def _line_end(text: str, position: int) -> int:
    """The position just after the line break that ends the line holding `position` (or the text's end)."""
    found = text.find("\n", position)
    return len(text) if found < 0 else found + 1


@lru_cache(maxsize=32)
def _closing(fence: str) -> re.Pattern[str]:
    return re.compile(rf"^ {{0,3}}{fence[0]}{{{len(fence)},}}[ \t\r\f\v]*$", re.MULTILINE)


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
