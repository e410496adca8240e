"""The glossary page of one language as Markdown: the terms, then the notation table.

Each term links to the lesson that introduces it; the other languages' wordings stand beside it, so a reader (or
the site search) finds a term from either language. The page lives at the language root (glossary.md), so lesson
links are relative to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .model import Glossary


@dataclass(frozen=True)
class LessonLink:
    path: str  # relative to the language root, e.g. lessons/02-diffusion-intuition.md
    number: int
    title: str


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell (a pipe would end the cell)."""
    return text.replace("|", "\\|").replace("\n", " ")


def _lesson(lesson_id: str, lessons: Mapping[str, LessonLink], strings: Mapping[str, Any]) -> str:
    link = lessons.get(lesson_id)
    if link is None:
        return ""
    label = strings["lesson_label"].format(number=link.number, title=link.title)
    return f"[{_cell(label)}]({link.path})"


def _language_name(code: str, strings: Mapping[str, Any], own_names: Mapping[str, str]) -> str:
    """A language's name in the page's language ("영어" on the Korean page); a language the strings do not name
    falls back to its name for itself."""
    if code in strings.get("language_names", {}):
        return strings["language_names"][code]
    return own_names.get(code, code)


def render_page(glossary: Glossary, lang: str, strings: Mapping[str, Any],
                lessons: Mapping[str, LessonLink], language_names: Mapping[str, str]) -> str:
    """Markdown for the glossary page in `lang`; `strings` is the `glossary:` section of that language's UI strings,
    `lessons` maps lesson ids to their page in that language, `language_names` each language's name for itself."""
    others = [other for other in glossary.languages if other != lang]
    lines = [f"# {strings['title']}", "", strings["intro"], "", f"## {strings['terms']}", ""]
    header = [strings["col_term"], *(strings["col_other"].format(language=_language_name(o, strings, language_names))
                                     for o in others),
              strings["col_definition"], strings["col_lesson"]]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for term in sorted(glossary.terms, key=lambda t: t.text[lang].term.casefold()):
        text = term.text[lang]
        definition = text.definition
        if text.also:
            definition += " " + strings["also"].format(words=", ".join(text.also))
        row = [f"**{_cell(text.term)}**", *(_cell(term.text[o].term) for o in others), _cell(definition),
               _lesson(term.lesson, lessons, strings)]
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", f"## {strings['notation']}", "", strings["notation_intro"], "",
              f"| {strings['col_symbol']} | {strings['col_meaning']} | {strings['col_lesson']} |", "|---|---|---|"]
    for symbol in glossary.notation:
        lines.append(f"| ${_cell(symbol.symbol)}$ | {_cell(symbol.meaning[lang])} | "
                     f"{_lesson(symbol.lesson, lessons, strings)} |")
    return "\n".join(lines) + "\n"
