"""Korean particles must attach to what they follow: "$x_0$이", "DDIM을", "0.01부터", never "DDIM 을".

A particle after a formula, a Latin-script term, a Greek letter or a number is written without a space; a space there
renders as a gap and the line reads as if the particle started a new word. A particle at the start of a source line
is the same mistake (the line break renders as a space), and so is a paragraph that opens with one after a display
formula ("$$…$$" then "가 되고"): it renders as a paragraph of its own. Particles may stack ("260과도", "$s$까지의").
Prose is the Markdown text, admonitions, figure captions and the prompts, choices and explanations of ```question
blocks (prose.py), and the UI strings (scan_strings). This module knows nothing about MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .korean_reading import final_before, right_particle
from .prose import question_lines, strings_lines

# The languages whose grammar these rules describe (the rules are about Korean particles).
LANGUAGES: tuple[str, ...] = ("ko",)

# Postpositions and copula endings that attach to the word before them. Longer forms come first so the
# alternation takes them whole; each must be followed by a word boundary, so "이미지" or "가중치" never match.
PARTICLES: tuple[str, ...] = tuple(sorted({
    "은", "는", "이", "가", "을", "를", "의", "에", "에서", "에게", "에는", "에서는", "에도", "으로", "로", "으로는",
    "로는", "으로도", "로도", "와", "과", "와는", "과는", "도", "만", "부터", "까지", "부터는", "까지는", "마다", "처럼",
    "보다", "만큼", "씩", "이나", "나", "이든", "든", "이고", "이며", "이면", "면", "인", "일", "입니다", "이다",
    "이라", "라", "이라면", "라면", "이라는", "라는", "이라고", "라고", "이어서", "여서", "이었", "였", "이므로", "므로",
    "이지만", "지만", "이자", "와의", "과의", "로서", "으로서", "로써", "으로써", "에서의", "으로의", "로의", "이란", "란",
}, key=len, reverse=True))

_ONE = "(?:" + "|".join(PARTICLES) + ")"
# One particle or several stacked ("과도", "까지의", "에서는"); the form check looks at the first.
_PARTICLE = _ONE + "+"
# Greek letters (ᾱ is in Greek Extended), combining accents (x̂) and sub- and superscripts (xₜ, x²): plain-text math.
_MATH_CHARS = "\u0370-\u03ff\u1f00-\u1fff\u0300-\u036f\u2070-\u209f"
# What a particle may follow: the end of inline math, a Latin or Greek letter or a digit, `++` (DPM-Solver++), or a
# closing bracket after one.
_BEFORE = r"(?:\$|\+\+|[A-Za-z0-9%)\]" + _MATH_CHARS + "])"
_AFTER = r"(?=$|[\s.,;:!?)\]·…\"'”’])"
ATTACHED = re.compile(r"(?<=[$A-Za-z0-9%)+" + _MATH_CHARS + r"])(?P<particle>" + _PARTICLE + r")" + _AFTER)
SPACED = re.compile(_BEFORE + r"(?P<gap>[ \t]+)(?P<particle>" + _PARTICLE + r")" + _AFTER)
CAPTION_KEYS = ("caption:", "alt:")
LINE_START = re.compile(r"^(?P<indent>[ \t]*)(?P<particle>" + _PARTICLE + r")" + _AFTER)
# After a display formula "이" opens a sentence as the determiner as often as it is a particle ("이 식은"); only the
# other particles are taken as the sentence going on.
_NOT_AFTER_DISPLAY = {"이"}


@dataclass(frozen=True)
class Finding:
    line: int  # 1-based line in the source file
    column: int  # 1-based column of the particle
    particle: str
    text: str  # the source line
    kind: str  # "spaced" (a space before the particle), "line-start" (it starts a line), "after-display" (it opens
    # the paragraph after a display formula) or "choice" (wrong form)
    right: str = ""  # for "choice": the form that fits the pronunciation

    def message(self, path: str) -> str:
        where = f"{path}:{self.line}:{self.column}"
        if self.kind == "spaced":
            return f"{where}: space before the particle '{self.particle}'; attach it to the word before it"
        if self.kind == "choice":
            return (f"{where}: '{self.particle}' does not fit how the word before it is read; "
                    f"write '{self.right}'")
        if self.kind == "after-display":
            return (f"{where}: the paragraph after the display formula starts with the particle '{self.particle}' "
                    "and renders as a paragraph of its own; end the sentence before the formula (…다음과 같습니다.) "
                    "and start this one with a word")
        return f"{where}: line starts with the particle '{self.particle}'; re-wrap so it stays on the line before"


def _mask_code(line: str) -> str:
    """Replace inline code spans (`...`) by letters of the same length: code is not prose, but a particle after
    a code span attaches to it like to a term ("`numpy`를")."""
    return re.sub(r"`[^`]*`", lambda m: "x" * len(m.group(0)), line)


# A line-opening particle is only taken as one when the line before ends with what particles attach to; otherwise
# "이 과정" (the determiner "this") at the start of a line would be flagged.
_ATTACHES_TO = re.compile(r"[$A-Za-z0-9)\]`*\"'”’]$")


def _scan_line(number: int, raw: str) -> list[Finding]:
    line = _mask_code(raw)
    found = [Finding(number, hit.start("particle") + 1, hit.group("particle"), raw, "spaced")
             for hit in SPACED.finditer(line)]
    for hit in ATTACHED.finditer(line):
        first = re.match(_ONE, hit.group("particle")).group(0)
        final = final_before(line[:hit.start()])
        right = right_particle(first, final) if final else first
        if right != first:
            found.append(Finding(number, hit.start() + 1, first, raw, "choice", right))
    return found


def scan(text: str) -> list[Finding]:
    """Every particle separated from the formula, term or number before it, and every line that starts with one.

    Fenced blocks (``` and ~~~) and display math ($$ on its own lines) are skipped; they hold code, figure specs and
    formulas, not sentences, except a figure's caption and a question's prompt, choices and explanations. Front
    matter is skipped too.
    """
    findings: list[Finding] = []
    lines = text.split("\n")
    fence: str | None = None
    in_display_math = False
    in_front_matter = bool(lines) and lines[0].strip() == "---"
    previous_prose = ""
    after_display = False  # the last non-blank line closed a display formula
    in_figure = False
    questions = question_lines(lines)
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if in_front_matter:
            if number > 1 and stripped == "---":
                in_front_matter = False
            continue
        if fence is not None:
            if stripped.startswith(fence) and stripped.strip("`~") == "":
                fence = None
            elif in_figure and stripped.startswith(CAPTION_KEYS):
                # A figure's caption is prose shown under the figure.
                findings.extend(_scan_line(number, raw))
            elif number - 1 in questions:
                # A question's text: a line of a folded value continues the sentence of the line before.
                text_line = questions[number - 1]
                if text_line is None or not text_line.strip():
                    previous_prose = ""
                    continue
                findings.extend(_scan_line(number, text_line))
                findings.extend(_line_start(number, text_line, raw, previous_prose))
                previous_prose = text_line.strip()
            continue
        match = re.match(r"(`{3,}|~{3,})\s*(\w*)", stripped)
        if match:
            fence = match.group(1)
            in_figure = match.group(2) == "figure"
            previous_prose = ""
            after_display = False
            continue
        if stripped == "$$" or (stripped.startswith("$$") and not stripped.endswith("$$")):
            in_display_math = not in_display_math
            previous_prose = ""
            after_display = not in_display_math
            continue
        if in_display_math or stripped.startswith("$$"):
            previous_prose = ""
            after_display = not in_display_math
            continue
        if not stripped:
            previous_prose = ""
            continue
        findings.extend(_scan_line(number, raw))
        start = LINE_START.match(_mask_code(raw))
        if start and after_display and start.group("particle") not in _NOT_AFTER_DISPLAY:
            findings.append(Finding(number, start.end("indent") + 1, start.group("particle"), raw, "after-display"))
        else:
            findings.extend(_line_start(number, raw, raw, previous_prose))
        after_display = False
        previous_prose = stripped
    return findings


def _line_start(number: int, line: str, raw: str, previous_prose: str) -> list[Finding]:
    """A particle opening a line continues the sentence of the line before (not a list item or a new paragraph)."""
    start = LINE_START.match(_mask_code(line))
    if start and _ATTACHES_TO.search(previous_prose):
        return [Finding(number, start.end("indent") + 1, start.group("particle"), raw, "line-start")]
    return []


def scan_strings(text: str) -> list[Finding]:
    """Every particle spaced off or wrongly chosen in the values of a UI strings file (i18n/ko.yml)."""
    return [finding for number, line in enumerate(strings_lines(text), start=1) if line.strip()
            for finding in _scan_line(number, line)]


# A particle whose form depends on the sound before it cannot follow a placeholder: the template cannot know how
# the value it receives ends ("{image}와" renders "blocks 장면와").
_AFTER_PLACEHOLDER = re.compile(r"\{[^{}]*\}(?P<particle>" + _PARTICLE + r")" + _AFTER)


def placeholder_particles(template: str) -> list[str]:
    """Sound-dependent particles written right after a `{placeholder}` in a UI string template."""
    from .korean_reading import PAIRS  # the pairs are the particles whose form depends on the sound

    dependent = set(PAIRS) | set(PAIRS.values())
    return [hit.group("particle") for hit in _AFTER_PLACEHOLDER.finditer(template)
            if hit.group("particle") in dependent]
