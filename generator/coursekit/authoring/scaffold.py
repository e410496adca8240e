"""What the authoring commands write, as pure functions of the course: a draft lesson's text in one language, the
next free number in a series, and a series entry for course.yml. The command line (cli.py) does the writing."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from coursekit.course.config import CourseConfig, Series

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def next_number(existing: Iterable[int]) -> int:
    """One more than the highest number the series uses in any language (drafts included), or 1."""
    return max(existing, default=0) + 1


def file_name(number: int, slug: str) -> str:
    return f"{number:02d}-{slug}.md"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def draft_lesson(course: CourseConfig, *, lang: str, lesson_id: str, number: int, title: str,
                 tags: Iterable[str]) -> str:
    """A valid draft: complete front matter and the closing blocks the course asks for, titled in `lang`."""
    blocks = "\n\n".join(f'!!! {block} {_quoted(titles[lang])}\n\n    TODO' for block, titles in course.closing_blocks.items())
    return (f"---\nid: {lesson_id}\nnumber: {number}\ntitle: {_quoted(title)}\nsummary: {_quoted('TODO: one sentence.')}\n"
            f"tags: [{', '.join(tags)}]\nlevel: beginner\nstatus: draft\n---\n\nTODO: write the lesson.\n\n{blocks}\n")


def series_entry(series_id: str, folder: str, titles: Mapping[str, str]) -> str:
    """The YAML lines of one series under `series:` in course.yml (summaries to be written by the author)."""
    title = ", ".join(f"{lang}: {_quoted(text)}" for lang, text in titles.items())
    summary = ", ".join(f"{lang}: {_quoted('TODO: one sentence.')}" for lang in titles)
    return (f"  - id: {series_id}\n    folder: {folder}\n    title: {{{title}}}\n    summary: {{{summary}}}\n")


def insert_series(course_yml: str, entry: str) -> str:
    """course.yml's text with the entry appended to the `series:` list, comments and layout kept."""
    lines = course_yml.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"^series:\s*(#.*)?$", line)), None)
    if start is None:
        return course_yml.rstrip("\n") + "\n\nseries:\n" + entry
    end = start + 1
    while end < len(lines) and (lines[end].startswith(" ") or not lines[end].strip()):
        end += 1
    # Back over blank lines that separate the list from the next section.
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return "".join(lines[:end]) + entry + "".join(lines[end:])


def series_exists(course: CourseConfig, series_id: str, folder: str) -> str | None:
    for series in course.series:
        if series.id == series_id:
            return f"series id {series_id!r} is taken"
        if series.folder == folder:
            return f"folder {folder!r} is used by series {series.id!r}"
    return None


def find_series(course: CourseConfig, series_id: str) -> Series | None:
    return next((s for s in course.series if s.id == series_id), None)
