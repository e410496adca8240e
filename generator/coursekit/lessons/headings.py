"""A `# Title` heading in a lesson's body: the page header already shows the front matter's title, so a ported
README-style title would show the title twice and add a second top-level heading to the page."""

from __future__ import annotations

import re
from dataclasses import dataclass

from coursekit.fences import outside_fences

_TITLE = re.compile(r"^ {0,3}#(?!#)[ \t]+(?P<text>.*?)[ \t#]*$")
_ANY_TITLE = re.compile(r"^ {0,3}#[ \t]", re.MULTILINE)


@dataclass(frozen=True)
class TitleHeading:
    line: int  # 1-based, within the text given
    text: str

    def message(self, path: str, first_line: int = 1) -> str:
        """`first_line`: the file line the scanned text starts on."""
        return (f"{path}:{self.line + first_line - 1}: '# {self.text}' is a page title in the body, but the "
                f"lesson's header shows its front matter 'title:'; remove the line (move its wording to 'title:'), "
                f"or make it '## …' for a section")


def title_headings(markdown: str) -> list[TitleHeading]:
    """Every level-one ATX heading outside fenced code."""
    if not _ANY_TITLE.search(markdown):  # most lessons: no pass over the lines
        return []
    lines = markdown.split("\n")
    return [TitleHeading(number, match["text"])
            for number, (line, prose) in enumerate(zip(lines, outside_fences(lines)), start=1)
            if prose and (match := _TITLE.match(line))]
