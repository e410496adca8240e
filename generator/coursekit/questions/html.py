"""The HTML of a question, written at build time: the reader sees the prompt and choices at first paint (nothing
moves when the script arrives), and the script only adds behaviour and state. Math goes through the page's own
MathML pass (the texts are converted with arithmatex's generic markup, like the lesson body).

Public contract: the element has data-course-question (the question id) and data-course-lesson; every choice is a
focusable control with data-course-choice; the script sets data-course-result and fills the aria-live feedback.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

import markdown
import pymdownx

from coursekit.page.disk_memo import DiskMemo

from .answer import format_answer
from .parse import Question

_EXTENSIONS = ["pymdownx.arithmatex", "pymdownx.inlinehilite"]
_CONFIG = {"pymdownx.arithmatex": {"generic": True}}
_ONE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


_converted = DiskMemo()  # a text (stripped) -> its HTML, kept between builds like the formulas' MathML


def use_disk_cache(folder: Path) -> None:
    """Keep conversions in `folder` between builds, in a file named for the converters' versions and settings."""
    settings = hashlib.sha256(repr((_EXTENSIONS, _CONFIG)).encode()).hexdigest()[:8]
    _converted.use(folder / f"markdown-{markdown.__version__}-pymdownx-{pymdownx.__version__}-{settings}.json")


def save_disk_cache() -> None:
    _converted.save()


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    # One converter, reset between texts: building a Markdown instance costs more than converting a short text.
    return markdown.Markdown(extensions=_EXTENSIONS, extension_configs=_CONFIG)


def _block(text: str) -> str:
    """Markdown to HTML. A build converts about ten texts per question, and the review page shows them all again."""
    key = text.strip()
    if key not in _converted:
        _converted[key] = _converter().reset().convert(key)
    return _converted[key]


def _inline(text: str) -> str:
    """Markdown for a place that takes phrasing content only (a button): one paragraph, unwrapped."""
    rendered = _block(text)
    match = _ONE_PARAGRAPH.match(rendered)
    return match.group(1) if match and "<p>" not in match.group(1) else rendered


def question_html(question: Question, *, lesson_id: str, version: str, number: int,
                  strings: Mapping[str, str], origin: str = "", late: Callable[[str], str] = str) -> str:
    """One question; `number` is its position in the lesson (shown as 'Question 2'); `origin` names its lesson
    where it is asked elsewhere (the review page).

    `late` wraps the parts a search should not find: the explanations, hidden until the reader answers (a search
    result would show the answer), and the controls, whose labels ("Check") are on every question. A lesson page
    gives a placeholder that goes in after the search plugin has read the page (coursekit/page/held.py)."""
    qid = html.escape(question.id)
    kind = "numeric" if question.numeric else ("multiple" if question.multiple else "single")
    head = html.escape((f"{origin} · " if origin else "") + strings["question_label"].format(number=number))
    parts = [
        f'<section class="course-question" data-course-question="{qid}" data-course-lesson="{html.escape(lesson_id)}"'
        f' data-course-version="{version}" data-course-kind="{kind}"'
        + (f' data-course-answer="{question.answer!r}" data-course-tolerance="{question.tolerance!r}"'
           if question.numeric else "")
        + f' aria-labelledby="q-{html.escape(lesson_id)}-{qid}">',
        f'<p class="course-question__head" id="q-{html.escape(lesson_id)}-{qid}">{head}</p>',
        f'<div class="course-question__prompt">{_block(question.prompt)}</div>',
    ]
    if question.numeric:
        answer = format_answer(question.answer or 0.0, question.tolerance or 0.0)
        explain = question.explain.replace("{answer}", answer)
        parts.append(late(
            '<p class="course-question__reply">'
            f'<label for="a-{html.escape(lesson_id)}-{qid}">{html.escape(strings["question_reply"])}</label> '
            f'<input type="text" inputmode="decimal" autocomplete="off" id="a-{html.escape(lesson_id)}-{qid}" '
            'data-course-choice> '
            f'<button type="button" class="md-button" data-course-action="check">'
            f'{html.escape(strings["question_check"])}</button></p>'
            f'<div class="course-explain" data-course-explain hidden{_UNINDEXED}>{_block(explain)}</div>'
            + _EMPTY_SLOTS))
    else:
        if question.multiple:
            parts.append(f'<p class="course-question__hint">{html.escape(strings["question_multiple"])}</p>')
        parts.append('<ol class="course-choices">')
        for index, choice in enumerate(question.choices):
            pressed = ' aria-pressed="false"' if question.multiple else ""
            correct = " data-course-correct" if choice.correct else ""
            parts.append(f'<li><button type="button" class="course-choice" data-course-choice="{index}"{pressed}'
                         f'{correct}>{_inline(choice.text)}</button>'
                         + late(f'<div class="course-explain" data-course-explain="{index}" hidden{_UNINDEXED}>'
                                f'{_block(choice.explain)}</div>') + '</li>')
        parts.append("</ol>")
        check = (f'<p><button type="button" class="md-button" data-course-action="check">'
                 f'{html.escape(strings["question_check"])}</button></p>' if question.multiple else "")
        parts.append(late(check + _EMPTY_SLOTS))
    parts.append("</section>")
    return "".join(parts)


# An explanation is kept out of MaterialX's search too (Pagefind indexes the built page, after the plugin held the
# explanation back from Material's search).
_UNINDEXED = ' data-pagefind-ignore="all"'
# Where the page script writes the feedback and the question's status.
_EMPTY_SLOTS = ('<div class="course-feedback" aria-live="polite"></div>'
                '<p class="course-question__status" data-course-slot="question-status"></p>')
