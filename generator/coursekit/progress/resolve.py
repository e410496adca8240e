"""Settle the progress rules against the lessons a build publishes: level thresholds in XP, and achievement rules
in the form the page script evaluates ({count, at_least: N} or {lessons: [ids]}).

Pure. The total XP follows the published lessons of every series, so adding a lesson needs no edit to course.yml:
the top level stays "every lesson and exercise done".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .config import LESSON_METRICS, ProgressConfig

# Metrics bounded by the lessons that have an exercise block.
EXERCISE_METRICS = frozenset({"exercises_done", "lessons_with_exercise"})


@dataclass(frozen=True)
class LessonRef:
    """What the rules need to know of a published lesson."""

    id: str
    series: str
    number: int
    exercise: bool = True  # it has an exercise block, worth exercise_done XP


@dataclass(frozen=True)
class Resolved:
    total_xp: int
    level_xp: tuple[int, ...]  # threshold of each level, in XP
    rules: dict[str, dict[str, Any]]  # achievement id -> rule the page script evaluates


def total_xp(config: ProgressConfig, lessons: Sequence[LessonRef]) -> int:
    # A lesson without an exercise block has no exercise to finish, so its XP is the lesson's alone.
    return sum(config.xp["lesson_completed"] + (config.xp["exercise_done"] if lesson.exercise else 0)
               for lesson in lessons)


def resolve(config: ProgressConfig, lessons: Sequence[LessonRef], language_count: int,
            problems: list[str] | None = None, *, source: str = "course.yml") -> Resolved:
    """Thresholds and rules for these lessons; impossible rules add a problem line when `problems` is given."""
    problems = problems if problems is not None else []
    total = total_xp(config, lessons)
    thresholds = tuple((level.percent * total + 50) // 100 for level in config.levels)
    if lessons:
        for index in range(1, len(thresholds)):
            if thresholds[index] <= thresholds[index - 1]:
                problems.append(f"{source}: levels[{index}].percent: with {total} XP in the published lessons, "
                                f"levels {index - 1} and {index} would both start at {thresholds[index]} XP; "
                                "spread the percents further apart")
    rules: dict[str, dict[str, Any]] = {}
    for index, achievement in enumerate(config.achievements):
        where = f"{source}: achievements[{index}] ({achievement.id}).rule"
        rule = achievement.rule
        if "count" in rule:
            metric, at_least = rule["count"], rule["at_least"]
            limit = (sum(lesson.exercise for lesson in lessons) if metric in EXERCISE_METRICS
                     else len(lessons) if metric in LESSON_METRICS
                     else language_count if metric == "languages_visited" else None)
            at_least = limit if at_least == "all" else at_least
            if limit is not None and lessons and at_least > limit:
                what, fix = ("published lessons", "lower it or write 'all'") if metric in LESSON_METRICS \
                    else ("languages", "lower it")
                problems.append(f"{where}.at_least: {at_least} can never be reached: the site has {limit} {what}; {fix}")
            rules[achievement.id] = {"count": metric, "at_least": at_least}
            continue
        in_series = sorted((lesson for lesson in lessons if lesson.series == rule["series"]), key=lambda l: l.number)
        wanted = rule.get("lessons")
        if wanted is not None:
            known = {lesson.number: lesson.id for lesson in in_series}
            missing = [n for n in wanted if n not in known]
            if missing and in_series:
                problems.append(f"{where}.lessons: series {rule['series']!r} has no published lesson "
                                f"{', '.join(map(str, missing))}; use numbers 1 to {len(in_series)}")
            ids = [known[n] for n in wanted if n in known]
        else:
            ids = [lesson.id for lesson in in_series]
        rules[achievement.id] = {"lessons": ids}
    return Resolved(total, thresholds, rules)
