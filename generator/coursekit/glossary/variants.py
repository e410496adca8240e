"""Find the wordings glossary.yml says to avoid in a lesson's source, with file line and the preferred term.

Quotations, code, math, link targets and front matter are not the author's own wording of a term, so they are
blanked out before matching. A figure's caption, a question's prompt, choices and explanations, and an admonition's
title are prose and are checked; so are the UI strings (find_variants_in_strings). A variant that lies inside another
term's preferred wording is not flagged ("잡음" inside "신호 대 잡음비"); one wrapped onto the next line is found.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from coursekit.editing.prose import question_lines, strings_lines

from .model import Glossary

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*(\w*)")
_CAPTION = re.compile(r"^(\s*(?:caption|alt):\s*)(.*)$")
# An admonition's title is the author's own wording, though written in quotes: !!! note "제목", ??? answer "풀이"
_ADMONITION = re.compile(r'^(\s*(?:!!!|\?\?\?\+?)\s+[\w-]+\s+)"([^"]*)"(.*)$')
# Inline spans whose words are not the author's: code, math, quotations, link and image targets, HTML tags.
_SPANS = re.compile(
    r"`[^`]*`"
    r"|\$\$.*?\$\$|\$[^$\n]+\$"
    r"|\"[^\"\n]*\"|“[^”\n]*”|‘[^’\n]*’|「[^」\n]*」"
    r"|\]\([^)\s]*\)"
    r"|<[^>\n]+>"
)


@dataclass(frozen=True)
class VariantUse:
    line: int
    column: int
    variant: str
    preferred: str
    term_id: str

    def message(self, path: str) -> str:
        return f"{path}:{self.line}: '{self.variant}' is a wording to avoid; write '{self.preferred}' (glossary: {self.term_id})"


def prose_lines(text: str) -> list[str]:
    """The source's lines with everything that is not the author's prose blanked to spaces (same line numbers)."""
    lines = text.split("\n")
    out: list[str] = []
    fence: str | None = None
    figure = False
    display_math = False
    front_matter = bool(lines) and lines[0].strip() == "---"
    questions = question_lines(lines)
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        blank = " " * len(line)
        if front_matter:
            front_matter = not (number > 1 and stripped == "---")
            out.append(blank)
            continue
        if fence is not None:
            if stripped.startswith(fence) and stripped.strip("`~") == "":
                fence = None
                out.append(blank)
            elif number - 1 in questions:
                out.append(_mask(questions[number - 1] or blank))
            elif figure and (caption := _CAPTION.match(line)):
                text_part = caption.group(2)
                if len(text_part) >= 2 and text_part[0] == text_part[-1] and text_part[0] in "\"'":
                    text_part = " " + text_part[1:-1] + " "  # YAML quotes, not a quotation
                out.append(_mask(" " * len(caption.group(1)) + text_part))
            else:
                out.append(blank)
            continue
        if match := _FENCE.match(line):
            fence, figure = match.group(1), match.group(2) == "figure"
            out.append(blank)
            continue
        if stripped.startswith("$$"):
            if not (len(stripped) > 2 and stripped.endswith("$$")):
                display_math = not display_math
            out.append(blank)
            continue
        if display_math or stripped.startswith(">"):
            out.append(blank)
            continue
        if title := _ADMONITION.match(line):
            out.append(_mask(title.group(1) + " " + title.group(2) + " ") + _mask(title.group(3)))
            continue
        out.append(_mask(line))
    return out


def _mask(line: str) -> str:
    return _SPANS.sub(lambda m: " " * len(m.group(0)), line)


def _pattern(variant: str) -> re.Pattern[str]:
    # Latin-script wordings match whole words, any case; others (Hangul takes particles directly) match anywhere.
    # A space in a wording also matches a line break: a wrapped line renders as one sentence.
    words = r"(?:[ \t]+|[ \t]*\n[ \t]*)".join(re.escape(word) for word in variant.split())
    if re.fullmatch(r"[A-Za-z][A-Za-z \-]*", variant):
        return re.compile(r"(?<![A-Za-z])" + words + r"(?![A-Za-z])", re.IGNORECASE)
    return re.compile(words)


def find_variants(text: str, glossary: Glossary, lang: str) -> list[VariantUse]:
    """Every use of an avoided wording in `text` (a lesson in `lang`), in order."""
    return _find(prose_lines(text), glossary, lang)


def find_variants_in_prose(prose: list[str], glossary: Glossary, lang: str) -> list[VariantUse]:
    """find_variants on a lesson's lines as prose_lines gives them (for callers that need them for other checks)."""
    return _find(prose, glossary, lang)


def find_variants_in_strings(text: str, glossary: Glossary, lang: str) -> list[VariantUse]:
    """Every use of an avoided wording in a UI strings file of `lang` (its values; keys and comments are not read)."""
    return _find([_mask(line) for line in strings_lines(text)], glossary, lang)


def _find(lines: list[str], glossary: Glossary, lang: str) -> list[VariantUse]:
    # One search per wording over the whole masked text, not one per line.
    prose = "\n".join(lines)
    starts = [0] + [match.end() for match in re.finditer("\n", prose)]
    preferred = [t.text[lang].term for t in glossary.terms if lang in t.text]
    found: list[VariantUse] = []
    for term in glossary.terms:
        wording = term.text.get(lang)
        if wording is None:
            continue
        for variant in wording.avoid:
            for hit in _pattern(variant).finditer(prose):
                if _inside_preferred(prose, hit.start(), hit.end(), preferred, variant):
                    continue
                line = bisect_right(starts, hit.start())
                found.append(VariantUse(line, hit.start() - starts[line - 1] + 1, variant, wording.term, term.id))
    return sorted(found, key=lambda use: (use.line, use.column))


def _inside_preferred(line: str, start: int, end: int, preferred: list[str], variant: str) -> bool:
    for wording in preferred:
        if variant not in wording or wording == variant:
            continue
        offset = wording.index(variant)
        begin = start - offset
        if begin >= 0 and line[begin:begin + len(wording)] == wording:
            return True
    return False
