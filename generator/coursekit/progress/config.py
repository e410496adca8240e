"""The progress rules of course.yml (`xp`, `levels`, `achievements`), checked into typed, immutable values.

All three are optional. Left out, a course gets DEFAULT_XP, two levels (0 and 100 percent, named by the UI strings'
`default_levels`) and no achievements; a course that declares none of the three is not `gamified`, and its pages
show lessons done and the share of the course done, without XP, levels or achievements (see README).

Pure: takes the parsed YAML and the course's languages and series ids; adds one line per problem. Counts that depend
on how many lessons are published (level thresholds in XP, "every lesson" rules) are settled later, against the
lessons of a build, by coursekit.progress.resolve.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from coursekit.i18n.translated import translated

XP_ACTIONS: tuple[str, ...] = ("lesson_completed", "exercise_done")
DEFAULT_XP: Mapping[str, int] = {"lesson_completed": 10, "exercise_done": 5}
GAME_SECTIONS = ("xp", "levels", "achievements")
COUNT_METRICS: tuple[str, ...] = (
    "lessons_completed",
    "exercises_done",
    "lessons_with_exercise",
    "lessons_visited",
    "languages_visited",
    "days_learned",
)
# Metrics bounded by the number of published lessons: `at_least: all` means every one of them.
LESSON_METRICS = frozenset(COUNT_METRICS) - {"languages_visited", "days_learned"}
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ICON = re.compile(r"^[a-z0-9-]+/[a-z0-9-]+$")


@dataclass(frozen=True)
class Level:
    level: int
    percent: int  # share of the course's total XP at which the level starts; the top level is 100
    name: Mapping[str, str]


@dataclass(frozen=True)
class Achievement:
    id: str
    icon: str  # a Material icon name such as material/sprout (shipped with the theme, so every reader sees it)
    name: Mapping[str, str]
    description: Mapping[str, str]
    rule: Mapping[str, Any]  # {count, at_least: N | "all"} or {series, lessons?: [numbers]}


@dataclass(frozen=True)
class ProgressConfig:
    xp: Mapping[str, int]
    levels: tuple[Level, ...]
    achievements: tuple[Achievement, ...]
    gamified: bool = True  # the course declares xp, levels or achievements: its pages show them


def _is_int(value: object) -> bool:
    # bool is an int subclass in Python; YAML `yes` must not pass as a number.
    return isinstance(value, int) and not isinstance(value, bool)


def _check_xp(raw: Mapping[str, Any], src: str, problems: list[str]) -> dict[str, int]:
    section = raw.get("xp")
    if section is None:
        return dict(DEFAULT_XP)
    if not isinstance(section, Mapping):
        problems.append(f"{src}: xp: expected a mapping with {', '.join(f'{a}: <XP>' for a in XP_ACTIONS)} "
                        "(or leave the section out for the defaults)")
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


def default_levels(names: Mapping[str, Mapping[str, str]]) -> tuple[Level, ...]:
    """Level 0 at the start and level 1 at 100 percent, named from each language's strings ({lang: {first, top}})."""
    return (Level(0, 0, {code: found["first"] for code, found in names.items()}),
            Level(1, 100, {code: found["top"] for code, found in names.items()}))


def _check_levels(raw: Mapping[str, Any], src: str, codes: Sequence[str], problems: list[str],
                  default_names: Mapping[str, Mapping[str, str]]) -> tuple[Level, ...]:
    section = raw.get("levels")
    if section is None:
        return default_levels(default_names)
    if not isinstance(section, list) or len(section) < 2:
        problems.append(f"{src}: levels: expected a list of at least two levels, from level 0 at 0 percent "
                        "to the top level at 100 percent (or leave the section out for the defaults)")
        return ()
    levels: list[Level] = []
    for index, entry in enumerate(section):
        where = f"{src}: levels[{index}]"
        if not isinstance(entry, Mapping):
            problems.append(f"{where}: expected a mapping {{level: N, percent: P, name: {{…}}}}")
            continue
        if entry.get("level") != index or not _is_int(entry.get("level")):
            problems.append(f"{where}.level: expected {index}; levels are numbered 0, 1, 2, ... in order")
        for extra in sorted(set(map(str, entry)) - {"level", "percent", "name"}):
            hint = " (thresholds are a percent of the course's total XP, which follows the published lessons)" \
                if extra == "xp" else ""
            problems.append(f"{where}.{extra}: unknown key; use level, percent and name{hint}")
        percent = entry.get("percent")
        if not _is_int(percent) or not 0 <= percent <= 100:
            problems.append(f"{where}.percent: expected a whole number from 0 to 100 (share of the total XP)")
            continue
        if index == 0 and percent != 0:
            problems.append(f"{where}.percent: level 0 must start at 0")
        if levels and percent <= levels[-1].percent:
            problems.append(f"{where}.percent: {percent} must be above the previous level's {levels[-1].percent}")
        levels.append(Level(index, percent, translated(entry.get("name"), f"{where}.name", codes, problems)))
    if levels and len(levels) == len(section) and levels[-1].percent != 100:
        problems.append(f"{src}: levels[{len(section) - 1}].percent: the top level must be at 100, so that it "
                        "means finishing every lesson and exercise")
    return tuple(levels)


def _check_rule(rule: object, where: str, series_ids: frozenset[str], problems: list[str]) -> dict[str, Any]:
    if isinstance(rule, Mapping) and set(rule) == {"count", "at_least"}:
        metric, at_least = rule["count"], rule["at_least"]
        if metric not in COUNT_METRICS:
            problems.append(f"{where}.count: unknown metric {metric!r}; use one of {', '.join(COUNT_METRICS)}")
        elif at_least == "all" and metric not in LESSON_METRICS:
            problems.append(f"{where}.at_least: 'all' only counts lessons; give a number for {metric}")
        elif at_least != "all" and (not _is_int(at_least) or at_least < 1):
            problems.append(f"{where}.at_least: expected a whole number >= 1, or 'all' (every published lesson)")
        return {"count": metric, "at_least": at_least}
    if isinstance(rule, Mapping) and "series" in rule and set(rule) <= {"series", "lessons"}:
        if rule["series"] not in series_ids:
            problems.append(f"{where}.series: unknown series {rule['series']!r}; use one of "
                            f"{', '.join(sorted(series_ids))}")
        numbers = rule.get("lessons")
        if numbers is not None:
            valid = isinstance(numbers, list) and numbers and all(_is_int(n) and n >= 1 for n in numbers)
            if not valid or len(set(numbers)) != len(numbers):
                problems.append(f"{where}.lessons: expected a list of distinct lesson numbers within the series")
                numbers = []
        return {"series": rule["series"], **({"lessons": list(numbers)} if numbers is not None else {})}
    problems.append(f"{where}: expected {{count: <metric>, at_least: N or all}} or {{series: <id>}} "
                    "(every lesson of a series) or {series: <id>, lessons: [numbers]}")
    return {}


def _check_achievements(raw: Mapping[str, Any], src: str, codes: Sequence[str], series_ids: frozenset[str],
                        problems: list[str]) -> tuple[Achievement, ...]:
    section = raw.get("achievements")
    if section is None:
        return ()
    if not isinstance(section, list):
        problems.append(f"{src}: achievements: expected a list of achievements (or [] for none)")
        return ()
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
        if not isinstance(icon, str) or not _ICON.match(icon):
            problems.append(f"{where}.icon: expected an icon shipped with the theme, such as material/sprout "
                            "(browse them in Material's .icons folder)")
            icon = ""
        for extra in sorted(set(map(str, entry)) - {"id", "icon", "name", "description", "rule"}):
            problems.append(f"{where}.{extra}: unknown key; use id, icon, name, description and rule")
        result.append(Achievement(
            id=ident,
            icon=icon,
            name=translated(entry.get("name"), f"{where}.name", codes, problems),
            description=translated(entry.get("description"), f"{where}.description", codes, problems),
            rule=_check_rule(entry.get("rule"), f"{where}.rule", series_ids, problems),
        ))
    return tuple(result)


def parse_progress_config(raw: Mapping[str, Any], codes: Sequence[str], series_ids: frozenset[str],
                          problems: list[str], *, source: str = "course.yml",
                          default_names: Mapping[str, Mapping[str, str]] | None = None) -> ProgressConfig | None:
    """Check the xp, levels and achievements sections; None when any problem was added. `default_names` names
    the default levels in each language ({lang: {first, top}}, the UI strings' default_levels)."""
    before = len(problems)
    # Without the strings (a caller that reads none), the shipped English names.
    names = default_names or {code: {"first": "Getting started", "top": "Course complete"} for code in codes}
    xp = _check_xp(raw, source, problems)
    levels = _check_levels(raw, source, codes, problems, names)
    achievements = _check_achievements(raw, source, codes, series_ids, problems)
    gamified = any(raw.get(section) is not None for section in GAME_SECTIONS)
    return None if len(problems) > before else ProgressConfig(xp, levels, achievements, gamified)
