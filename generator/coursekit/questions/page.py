"""Where questions go on pages: each ```question block of a lesson becomes its HTML in place, and the review page
carries every published lesson's questions (hidden; the review script shows the due ones one at a time), so it
needs no request once loaded and works offline.

The review page's bank is held until the search plugin has read the page (coursekit/page/held.py): each question
is already found on its own lesson, the hidden copies would only make the review page match every search, and
reading them cost the build as much as a dozen lessons."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from coursekit.fences import find_blocks

from .html import question_html
from .parse import Question


def replace_blocks(markdown: str, questions: Sequence[Question], versions: Mapping[str, str], *, lesson_id: str,
                   strings: Mapping[str, str], hold: Callable[[str], str] = str,
                   hold_late: Callable[[str], str] = str) -> str:
    """Splice each block's HTML in by line position (the catalog parsed the same blocks, in the same order).

    `hold` turns the HTML into what goes into the Markdown (a placeholder: coursekit/page/held.py), and `hold_late`
    the parts search should not read into what goes into that HTML (question_html's `late`)."""
    lines = markdown.splitlines(keepends=True)
    out: list[str] = []
    done = 0
    for number, (block, question) in enumerate(zip(find_blocks(markdown, info="question"), questions), start=1):
        out.extend(lines[done : block.line - 1])
        html = question_html(question, lesson_id=lesson_id, version=versions[question.id], number=number,
                             strings=strings, late=hold_late)
        out.append(f"\n{hold(html)}\n\n")
        done = block.end_line
    out.extend(lines[done:])
    return "".join(out)


def review_bank(lessons: Sequence[tuple[str, str, Sequence[Question], Mapping[str, str]]],
                strings: Mapping[str, str]) -> str:
    """Every question of the given lessons: (lesson id, its label, its questions, their versions) each."""
    # data-pagefind-ignore: MaterialX's search (Pagefind) indexes the built files, after the plugin held the bank back
    # from Material's; without it every question's words would also find the review page.
    parts = ['<div class="course-review-bank" data-course-bank hidden data-pagefind-ignore="all">']
    for lesson_id, label, questions, versions in lessons:
        for number, question in enumerate(questions, start=1):
            html = question_html(question, lesson_id=lesson_id, version=versions[question.id], number=number,
                                 strings=strings, origin=label)
            parts.append(html)
    parts.append("</div>")
    return "".join(parts)
