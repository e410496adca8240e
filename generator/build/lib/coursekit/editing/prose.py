"""Which parts of a source a reader reads as prose, line by line, for the checks that read wording (glossary variants,
Korean particles, math written as plain text).

Beside the Markdown text itself, readers read the prompts, choices and explanations of ```question blocks, and the
UI strings. Both are YAML: these functions give their values with the keys blanked, on the same lines and columns as
the source, so a finding names the line the author edits. Pure Python; knows nothing about MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The keys of a ```question block whose values readers read (coursekit/questions/parse.py).
QUESTION_PROSE_KEYS = frozenset({"prompt", "text", "explain"})
_KEY = re.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)?)(?P<key>[A-Za-z_][\w-]*):(?:[ \t]+|$)(?P<value>.*)$")
_BLOCK_SCALAR = re.compile(r"^[>|][+-]?\d*$")


def _unquote(value: str) -> str:
    """A YAML-quoted value with its quotes blanked (they are YAML's, not a quotation)."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return " " + value[1:-1] + " "
    return value


def yaml_prose(lines: list[str], keys: frozenset[str] | None = None) -> list[str | None]:
    """For each line of a YAML mapping, the text of the values under `keys` (every key when None), with the key and
    the YAML syntax blanked to spaces (same length as the line), or None for a line that holds no such text.

    A value runs on while the lines below are indented deeper than its key (a block scalar `>-` or a plain value
    wrapped over several lines). Comment lines hold no text.
    """
    out: list[str | None] = []
    mode, prose, column = "", False, -1  # the value being read: "block" (>-, |), "plain" or ""; text?; key column
    for line in lines:
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if mode == "block" and (not stripped or indent > column):
            out.append(line if prose else None)
            continue
        match = _KEY.match(line)
        if match:
            column = len(match.group("lead"))
            prose = keys is None or match.group("key") in keys
            value = match.group("value").rstrip()
            mode = "block" if _BLOCK_SCALAR.match(value) else "plain" if value and not value.startswith("#") else ""
            if not prose or mode != "plain":
                out.append(None)
                continue
            if value.startswith("{") or value.startswith("["):  # a flow mapping or list: its items are text
                value = re.sub(r"[{}\[\]]|(?<=[{,\s])[A-Za-z_][\w-]*:(?=\s)", lambda m: " " * len(m.group(0)), value)
            start = match.start("value")
            out.append(" " * start + _unquote(value) + " " * (len(line) - start - len(value)))
            continue
        if not stripped or stripped.startswith("#"):
            out.append(None)
            continue
        if mode == "plain" and indent > column:  # a plain value wrapped onto the next line
            out.append(line if prose else None)
            continue
        mode = ""
        out.append(None)
    return out


_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*(\w*)")


def question_lines(lines: list[str]) -> dict[int, str | None]:
    """The lines inside ```question blocks (0-based index -> the prompt, choice and explanation text on it, as
    yaml_prose gives it, or None)."""
    found: dict[int, str | None] = {}
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        fence, question = match.group(1), match.group(2) == "question"
        end = i + 1
        while end < len(lines) and not (lines[end].strip().startswith(fence) and lines[end].strip().strip("`~") == ""):
            end += 1
        if question:
            body = lines[i + 1:end]
            indent = min((len(l) - len(l.lstrip()) for l in body if l.strip()), default=0)
            for offset, text in enumerate(yaml_prose([l[indent:] for l in body], QUESTION_PROSE_KEYS)):
                found[i + 1 + offset] = None if text is None else " " * indent + text
        i = end + 1
    return found


def strings_lines(text: str) -> list[str]:
    """A UI strings file (the generator's i18n/<lang>.yml, or a content module's) as prose: every value on its own line, the rest blanked."""
    return [line if line is not None else "" for line in yaml_prose(text.split("\n"))]


# Characters that only math uses: Greek letters (ᾱ is in Greek Extended), a letter under a combining accent (x̂),
# subscript letters and digits (xₜ, x₀); and a letter with an underscore subscript (x_0, ᾱ_t).
_GREEK = "\u0370-\u03ff\u1f00-\u1fff"
PLAIN_MATH = re.compile(
    rf"[A-Za-z{_GREEK}][\u0300-\u036f]*(?:_\{{?[A-Za-z0-9]|[\u2080-\u209c])[A-Za-z0-9\u2080-\u209c{{}}+-]*"
    rf"|[A-Za-z][\u0300-\u036f]+"
    rf"|[{_GREEK}][\u0300-\u036f]*"
)
# Inline math, also when it wraps onto the next line (but never across a blank line or into display math).
_INLINE_MATH = re.compile(r"(?<![$\\])\$(?!\$)(?:[^$\n]|\n(?![ \t]*\n))+?(?<![\\$])\$(?!\$)")


@dataclass(frozen=True)
class PlainMath:
    line: int
    column: int
    text: str  # the math as written, e.g. "ᾱ_0"

    def message(self, path: str) -> str:
        return (f"{path}:{self.line}: '{self.text}' is math written as plain text; write it as $…$ so it renders "
                "as math and its particle is checked")


def plain_math(text: str, prose: list[str]) -> list[PlainMath]:
    """Math written as plain Unicode in the prose of `text` (`prose`: its lines with non-prose blanked, as
    glossary.variants.prose_lines gives them). Headings are left alone: a heading's formula would end up in its
    anchor and the table of contents. A figure's caption is checked like prose (it renders $…$)."""
    # Inline math that wraps onto the next line is blanked whole (prose_lines blanks a line's own $…$ only).
    masked = _INLINE_MATH.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text).split("\n")
    found = []
    for number, (line, source, raw) in enumerate(zip(prose, masked, text.split("\n")), start=1):
        if raw.lstrip().startswith("#"):
            continue
        for hit in PLAIN_MATH.finditer(line):
            if source[hit.start():hit.end()].strip():
                found.append(PlainMath(number, hit.start() + 1, hit.group(0)))
    return found
