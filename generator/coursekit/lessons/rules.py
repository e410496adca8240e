"""course.yml's lesson rules applied to published lessons: one line per broken rule, with its level.

Pure: takes the lessons (with what their files hold, found when the catalog read them) and the course's rules; the
MkDocs adapter (coursekit.mkdocs.rules) turns `fail` lines into one build error and `warn` lines into warnings. The
prose rules (terms, Korean particles, plain math) are checked where a page's prose is read
(coursekit.mkdocs.editing), at the level `Rules.rule` gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from coursekit.course.config import EXERCISE_BLOCK
from coursekit.course.rules import Rule, Rules
from coursekit.lessons.catalog import Lesson


@dataclass(frozen=True)
class Breach:
    level: str  # fail or warn
    line: str  # the whole message: file, rule, what is wrong, what the course asks and where it says so


def _breach(lesson: Lesson, rule: Rule, what: str, asks: str) -> Breach:
    return Breach(rule.level, f"{lesson.path}: rules.{rule.name}: {what}; this course asks for {asks} "
                              f"(course.yml {rule.source})")


def check_lesson(lesson: Lesson, rules: Rules, closing_blocks: Mapping[str, Mapping[str, str]]) -> list[Breach]:
    """What a published lesson breaks of the rules that apply to its series."""
    def rule(name: str) -> Rule:
        return rules.rule(name, lesson.series)

    found: list[Breach] = []
    questions, count = rule("questions"), len(lesson.questions)
    if questions.on and not questions.allows(count):
        found.append(_breach(lesson, questions, f"{count} question{'' if count == 1 else 's'}", questions.wanted()))
    if rule("worked_answer").on and not lesson.worked_answer:
        found.append(_breach(lesson, rule("worked_answer"),
                             "the exercise has no worked answer" if lesson.exercise else "no exercise block",
                             f"a worked answer ('??? answer \"…\"' inside '!!! {EXERCISE_BLOCK} \"…\"')"))
    if rule("computed_figure").on and not lesson.figures:
        found.append(_breach(lesson, rule("computed_figure"), "no figure", "at least one ```figure block"))
    minutes = rule("reading_minutes")
    if minutes.on and not minutes.allows(lesson.minutes):
        found.append(_breach(lesson, minutes, f"reads in {lesson.minutes} minute{'' if lesson.minutes == 1 else 's'}",
                             f"{minutes.wanted()} minutes"))
    if rule("closing_blocks").on:
        for block, titles in closing_blocks.items():
            if block not in lesson.blocks:
                found.append(_breach(lesson, rule("closing_blocks"), f"no '{titles.get(lesson.lang, block)}' block",
                                     f"'!!! {block} \"…\"' in every lesson"))
    return found


def check_lessons(lessons: Iterable[Lesson], rules: Rules,
                  closing_blocks: Mapping[str, Mapping[str, str]]) -> list[Breach]:
    return [breach for lesson in lessons if lesson.meta.published
            for breach in check_lesson(lesson, rules, closing_blocks)]
