"""course.yml progress rules: the repository's file is valid, and each author mistake gives one clear line."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_hooks.progress.config import ACHIEVEMENT_COUNT, ProgressConfigError, parse_progress_config

REPO = Path(__file__).resolve().parents[2]
RAW: dict[str, Any] = yaml.safe_load((REPO / "course.yml").read_text(encoding="utf-8"))


def test_repository_course_yml_is_valid_and_finite() -> None:
    config = parse_progress_config(RAW)
    assert len(config.achievements) == ACHIEVEMENT_COUNT
    assert config.levels[0].xp == 0 and config.levels[0].name["en"] == "Spark"
    assert config.levels[1].xp == 200
    assert config.levels[-1].xp == config.max_xp  # finishing the course reaches the top level


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(raw: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = raw
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if value is _DELETE:
            del node[int(last) if last.isdigit() else last]
        else:
            node[int(last) if last.isdigit() else last] = value
    return change


_DELETE = object()

MISTAKES = [
    ("xp-missing", _set("xp", _DELETE), "course.yml: xp: missing section"),
    ("xp-not-a-number", _set("xp.lesson_completed", "lots"), "course.yml: xp.lesson_completed: expected a whole number"),
    ("xp-boolean", _set("xp.exercise_done", True), "course.yml: xp.exercise_done: expected a whole number"),
    ("xp-unknown-action", _set("xp.time_on_page", 5), "course.yml: xp.time_on_page: unknown action"),
    ("level-zero-not-at-zero", _set("levels.0.xp", 10), "levels[0].xp: level 0 must start at 0 XP"),
    ("levels-not-increasing", _set("levels.2.xp", 150), "levels[2].xp: 150 must be above the previous threshold 200"),
    ("top-level-unreachable", _set("levels.5.xp", 9999), "the top level must equal the course's total XP 1500"),
    ("level-misnumbered", _set("levels.3.level", 7), "levels[3].level: expected 3"),
    ("level-name-missing-korean", _set("levels.1.name", {"en": "One"}), "levels[1].name.ko: missing or empty"),
    ("too-few-achievements", lambda raw: raw["achievements"].pop(), "achievements: found 13, expected exactly 14"),
    ("duplicate-achievement", _set("achievements.1.id", "first-step"), "achievements[1].id: duplicate id 'first-step'"),
    ("bad-achievement-id", _set("achievements.1.id", "Hands On"), "achievements[1].id: expected a kebab-case id"),
    ("unknown-metric", _set("achievements.0.rule", {"count": "minutes_on_page", "at_least": 5}),
     "achievements[0] (first-step).rule.count: unknown metric 'minutes_on_page'"),
    ("impossible-count", _set("achievements.0.rule", {"count": "lessons_completed", "at_least": 11}),
     "rule.at_least: expected a whole number >= 1 and at most 10"),
    ("lesson-out-of-range", _set("achievements.3.rule", {"lessons": [1, 12]}),
     "achievements[3] (foundations).rule.lessons: expected a list of distinct lesson numbers between 1 and 10"),
    ("rule-shape", _set("achievements.3.rule", "finish everything"), "rule: expected {count: <metric>, at_least: N}"),
    ("markup-in-name", _set("achievements.2.name.en", "<b>Curious</b>"), "achievements[2] (curious).name.en: '<' and '>'"),
    ("icon-too-long", _set("achievements.2.icon", "a very long icon"), "achievements[2] (curious).icon: expected a short symbol"),
    ("course-name", _set("course.name", "Diffusion Course!"), "course.yml: course.name: expected a kebab-case name"),
]


@pytest.mark.parametrize(("change", "expected"), [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_each_mistake_is_one_line_naming_the_key_and_the_fix(change: Callable[[dict[str, Any]], None], expected: str) -> None:
    raw = copy.deepcopy(RAW)
    change(raw)
    with pytest.raises(ProgressConfigError) as caught:
        parse_progress_config(raw)
    problems = caught.value.problems
    assert any(expected in line for line in problems), problems
    assert all("\n" not in line and line.startswith("course.yml") for line in problems)


def test_several_mistakes_are_all_reported_at_once() -> None:
    raw = copy.deepcopy(RAW)
    raw["xp"]["lesson_completed"] = -1
    raw["achievements"][0]["id"] = "BAD"
    with pytest.raises(ProgressConfigError) as caught:
        parse_progress_config(raw)
    assert len(caught.value.problems) >= 2
