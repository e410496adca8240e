"""GitHub alerts (`> [!NOTE]` …) as Material admonitions, so Markdown written for GitHub renders as a call-out.

A small converter rather than a Markdown extension (markdown-callouts has one): it runs on the page's Markdown
before the parser, so it can name the line of an alert type it does not know, and a course needs no extra entry in
mkdocs.yml. Fenced code is left alone, so a lesson can show the syntax itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from coursekit.fences import outside_fences

# GitHub's five alert types and the Material admonition each becomes. Material has no "important" or "caution":
# the nearest in colour and meaning are info (blue) and danger (red).
KINDS = {"note": "note", "tip": "tip", "important": "info", "warning": "warning", "caution": "danger"}

_START = re.compile(r"^(?P<indent> {0,3})>[ \t]?\[!(?P<kind>[A-Za-z][\w-]*)\][ \t]*(?P<rest>.*)$")
_QUOTED = re.compile(r"^(?P<indent> {0,3})>[ \t]?(?P<text>.*)$")


@dataclass(frozen=True)
class UnknownAlert:
    line: int  # 1-based, within the Markdown given
    kind: str

    def message(self, path: str, first_line: int = 1) -> str:
        """`first_line`: the file line the scanned text starts on."""
        known = ", ".join(f"[!{name.upper()}]" for name in KINDS)
        return (f"{path}:{self.line + first_line - 1}: unknown GitHub alert [!{self.kind}]; use one of {known}, "
                f"or write a Material admonition (!!! note)")


def convert_alerts(markdown: str, titles: Mapping[str, str]) -> tuple[str, list[UnknownAlert]]:
    """The Markdown with every known alert as an admonition titled from `titles` (alert type -> title in the
    page's language), and the alerts of unknown types, which stay block quotes."""
    if "[!" not in markdown:  # most pages: no pass over the lines
        return markdown, []
    lines = markdown.split("\n")
    out: list[str] = []
    unknown: list[UnknownAlert] = []
    prose = outside_fences(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        if not prose[i]:
            out.append(line)
            i += 1
            continue
        start = _START.match(line)
        if start is None or (i > 0 and _QUOTED.match(lines[i - 1])):  # only at the start of a block quote
            out.append(line)
            i += 1
            continue
        kind = start["kind"].lower()
        if kind not in KINDS:
            unknown.append(UnknownAlert(i + 1, start["kind"]))
            out.append(line)
            i += 1
            continue
        indent = start["indent"]
        # Text after the marker is the title, as in Obsidian's callouts (GitHub allows none there).
        title = (start["rest"] or titles.get(kind, kind.capitalize())).replace('"', "'")
        if out and out[-1].strip():
            out.append("")  # a block quote may interrupt a paragraph; an admonition must stand apart
        out.append(f'{indent}!!! {KINDS[kind]} "{title}"')
        body: list[str] = []
        i += 1
        while i < len(lines) and (quoted := _QUOTED.match(lines[i])):
            body.append(quoted["text"])
            i += 1
        out.append("")  # an admonition's body starts after its title line; a blank line keeps lists intact
        out.extend(f"{indent}    {text}" if text.strip() else "" for text in body)
        if i < len(lines) and lines[i].strip():
            out.append("")  # a lazy continuation line would otherwise join the admonition
    return "\n".join(out), unknown
