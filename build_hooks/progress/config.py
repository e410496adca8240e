"""Validate the `course`, `xp`, `levels` and `achievements` sections of course.yml into typed, immutable rules.

Pure: takes the parsed YAML mapping, returns a ProgressConfig or raises ProgressConfigError with one line per problem.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

LANGS: tuple[str, ...] = ("en", "ko")
XP_ACTIONS: tuple[str, ...] = ("lesson_completed", "exercise_done")
COUNT_METRICS: tuple[str, ...] = (
    "lessons_completed",
    "exercises_done",
    "lessons_with_exercise",
    "lessons_visited",
    "languages_visited",
    "days_learned",
)
ACHIEVEMENT_COUNT = 14
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COURSE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ProgressConfigError(ValueError):
    """All problems found in the progress configuration, one line each."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Level:
    level: int
    xp: int
    name: Mapping[str, str]


@dataclass(frozen=True)
class Achievement:
    id: str
    icon: str
    name: Mapping[str, str]
    description: Mapping[str, str]
    rule: Mapping[str, Any]


@dataclass(frozen=True)
class ProgressConfig:
    course_name: str
    lessons_planned: int
    xp: Mapping[str, int]
    levels: tuple[Level, ...]
    achievements: tuple[Achievement, ...]

    @property
    def max_xp(self) -> int:
        return self.lessons_planned * sum(self.xp.values())


def _is_int(value: object) -> bool:
    # bool is an int subclass in Python; YAML `yes` must not pass as a number.
    return isinstance(value, int) and not isinstance(value, bool)


def _check_translated(value: object, where: str, problems: list[str]) -> dict[str, str]:
    if not isinstance(value, Mapping):
        problems.append(f"{where}: expected a mapping with keys {', '.join(LANGS)}, e.g. {{en: ..., ko: ...}}")
        return {}
    result: dict[str, str] = {}
    for lang in LANGS:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}.{lang}: missing or empty; write the text in that language")
        elif "<" in text or ">" in text:
            problems.append(f"{where}.{lang}: '<' and '>' are not allowed; write plain text")
        else:
            result[lang] = text.strip()
    for extra in sorted(set(map(str, value)) - set(LANGS)):
        problems.append(f"{where}.{extra}: unknown language; use only {', '.join(LANGS)}")
    return result


def _check_course(raw: Mapping[str, Any], src: str, problems: list[str]) -> tuple[str, int]:
    course = raw.get("course")
    if not isinstance(course, Mapping):
        problems.append(f"{src}: course: missing section; add course.name and course.lessons_planned")
        return "", 0
    name = course.get("name")
    if not isinstance(name, str) or not _COURSE_NAME.match(name):
        problems.append(f"{src}: course.name: expected a kebab-case name such as diffusion-course (it prefixes storage keys)")
        name = ""
    planned = course.get("lessons_planned")
    if not _is_int(planned) or planned < 1:
        problems.append(f"{src}: course.lessons_planned: expected an integer >= 1")
        planned = 0
    return name, planned


def _check_xp(raw: Mapping[str, Any], src: str, problems: list[str]) -> dict[str, int]:
    section = raw.get("xp")
    if not isinstance(section, Mapping):
        problems.append(f"{src}: xp: missing section; add {', '.join(f'{a}: <XP>' for a in XP_ACTIONS)}")
        return {}
    xp: dict[str, int] = {}
    for action in XP_ACTIONS:
        value = section.get(action)
        if not _is_int(value) or value < 1:
            problems.append(f"{src}: xp.{action}: expected a whole number of XP >= 1")
        else:
            xp[action] = value
    for extra in sorted(set(map(str, section)) - set(XP_ACTIONS)):
        problems.append(f"{src}: xp.{extra}: unknown action; use only {', '.join(XP_ACTIONS)}")
    return xp


def _check_levels(raw: Mapping[str, Any], src: str, max_xp: int | None, problems: list[str]) -> tuple[Level, ...]:
    section = raw.get("levels")
    if not isinstance(section, list) or len(section) < 2:
        problems.append(f"{src}: levels: expected a list of at least two levels, starting with level 0 at 0 XP")
        return ()
    levels: list[Level] = []
    for index, entry in enumerate(section):
        where = f"{src}: levels[{index}]"
        if not isinstance(entry, Mapping):
            problems.append(f"{where}: expected a mapping {{level: N, xp: N, name: {{en: ..., ko: ...}}}}")
            continue
        if entry.get("level") != index or not _is_int(entry.get("level")):
            problems.append(f"{where}.level: expected {index}; levels are numbered 0, 1, 2, ... in order")
        xp = entry.get("xp")
        if not _is_int(xp) or xp < 0:
            problems.append(f"{where}.xp: expected a whole number of XP >= 0")
            continue
        if index == 0 and xp != 0:
            problems.append(f"{where}.xp: level 0 must start at 0 XP")
        if levels and xp <= levels[-1].xp:
            problems.append(f"{where}.xp: {xp} must be above the previous threshold {levels[-1].xp}")
        for extra in sorted(set(map(str, entry)) - {"level", "xp", "name"}):
            problems.append(f"{where}.{extra}: unknown key; use level, xp and name")
        levels.append(Level(level=index, xp=xp, name=_check_translated(entry.get("name"), f"{where}.name", problems)))
    if max_xp and levels and levels[-1].xp != max_xp:
        problems.append(
            f"{src}: levels[{len(section) - 1}].xp: the top level must equal the course's total XP {max_xp} "
            "(lessons_planned × (lesson_completed + exercise_done)) so finishing the course reaches it"
        )
    return tuple(levels)


def _metric_limit(metric: str, planned: int) -> int | None:
    """Largest count a reader can reach for a metric, so no achievement is impossible."""
    if metric == "languages_visited":
        return len(LANGS)
    if metric == "days_learned":
        return None
    return planned


def _check_rule(rule: object, where: str, planned: int, problems: list[str]) -> dict[str, Any]:
    if isinstance(rule, Mapping) and set(rule) == {"count", "at_least"}:
        if rule["count"] not in COUNT_METRICS:
            problems.append(f"{where}.count: unknown metric {rule['count']!r}; use one of {', '.join(COUNT_METRICS)}")
        limit = _metric_limit(str(rule["count"]), planned)
        at_least = rule["at_least"]
        if not _is_int(at_least) or at_least < 1 or (limit and at_least > limit):
            bound = f" and at most {limit}" if limit else ""
            problems.append(f"{where}.at_least: expected a whole number >= 1{bound} so the achievement can be earned")
        return {"count": rule["count"], "at_least": at_least}
    if isinstance(rule, Mapping) and set(rule) == {"lessons"}:
        numbers = rule["lessons"]
        valid = isinstance(numbers, list) and numbers and all(_is_int(n) and 1 <= n <= planned for n in numbers)
        if not valid or len(set(numbers)) != len(numbers):
            problems.append(f"{where}.lessons: expected a list of distinct lesson numbers between 1 and {planned}")
        return {"lessons": list(numbers) if isinstance(numbers, list) else []}
    problems.append(f"{where}: expected {{count: <metric>, at_least: N}} or {{lessons: [numbers]}}")
    return {}


def _check_achievements(raw: Mapping[str, Any], src: str, planned: int, problems: list[str]) -> tuple[Achievement, ...]:
    section = raw.get("achievements")
    if not isinstance(section, list):
        problems.append(f"{src}: achievements: missing section; add a list of {ACHIEVEMENT_COUNT} achievements")
        return ()
    if len(section) != ACHIEVEMENT_COUNT:
        problems.append(f"{src}: achievements: found {len(section)}, expected exactly {ACHIEVEMENT_COUNT}")
    result: list[Achievement] = []
    seen: set[str] = set()
    for index, entry in enumerate(section):
        where = f"{src}: achievements[{index}]"
        if not isinstance(entry, Mapping):
            problems.append(f"{where}: expected a mapping with id, icon, name, description and rule")
            continue
        ident = entry.get("id")
        if not isinstance(ident, str) or not _ID.match(ident):
            problems.append(f"{where}.id: expected a kebab-case id such as first-step")
            ident = ""
        elif ident in seen:
            problems.append(f"{where}.id: duplicate id {ident!r}; ids must be unique")
        seen.add(ident)
        where = f"{src}: achievements[{index}] ({ident or '?'})"
        icon = entry.get("icon")
        if not isinstance(icon, str) or not 1 <= len(icon) <= 8 or "<" in icon:
            problems.append(f"{where}.icon: expected a short symbol such as an emoji (1 to 8 characters)")
            icon = ""
        for extra in sorted(set(map(str, entry)) - {"id", "icon", "name", "description", "rule"}):
            problems.append(f"{where}.{extra}: unknown key; use id, icon, name, description and rule")
        result.append(
            Achievement(
                id=ident,
                icon=icon,
                name=_check_translated(entry.get("name"), f"{where}.name", problems),
                description=_check_translated(entry.get("description"), f"{where}.description", problems),
                rule=_check_rule(entry.get("rule"), f"{where}.rule", planned, problems),
            )
        )
    return tuple(result)


def parse_progress_config(raw: object, source: str = "course.yml") -> ProgressConfig:
    """Validate the parsed course.yml; raise ProgressConfigError listing every problem, one per line."""
    if not isinstance(raw, Mapping):
        raise ProgressConfigError([f"{source}: expected a YAML mapping at the top level"])
    problems: list[str] = []
    name, planned = _check_course(raw, source, problems)
    xp = _check_xp(raw, source, problems)
    max_xp = planned * sum(xp.values()) if planned and len(xp) == len(XP_ACTIONS) else None
    levels = _check_levels(raw, source, max_xp, problems)
    achievements = _check_achievements(raw, source, planned, problems)
    if problems:
        raise ProgressConfigError(problems)
    return ProgressConfig(name, planned, xp, levels, achievements)
