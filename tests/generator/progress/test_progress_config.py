"""course.yml's progress rules: the repository's are valid, each author mistake gives one clear line, and the rules
settle against the published lessons (thresholds in XP, 'all', series)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from coursekit.progress.config import parse_progress_config
from coursekit.progress.resolve import LessonRef, resolve

REPO = Path(__file__).resolve().parents[3]
RAW: dict[str, Any] = yaml.safe_load((Path(__file__).parents[1] / "fixtures/sample-course.yml").read_text(encoding="utf-8"))
CODES = ("en", "ko")
SERIES = frozenset(series["id"] for series in RAW["series"])
TEN = [LessonRef(f"lesson-{n}", "diffusion", n) for n in range(1, 11)]


def parse(raw: dict[str, Any]) -> tuple[Any, list[str]]:
    problems: list[str] = []
    return parse_progress_config(raw, CODES, SERIES, problems), problems


def test_repository_rules_are_valid_and_the_top_level_means_everything_done() -> None:
    config, problems = parse(RAW)
    assert problems == []
    settled = resolve(config, TEN, len(CODES))
    assert settled.total_xp == 10 * (100 + 50)
    assert settled.level_xp[0] == 0 and settled.level_xp[-1] == settled.total_xp
    assert list(settled.level_xp) == sorted(set(settled.level_xp))
    assert settled.rules["graduate"] == {"count": "lessons_completed", "at_least": 10}
    assert settled.rules["foundations"] == {"lessons": ["lesson-1", "lesson-2", "lesson-3"]}


def test_the_total_follows_the_published_lessons_of_every_series() -> None:
    config, _ = parse(RAW)
    fourteen = TEN + [LessonRef(f"extra-{n}", "other", n) for n in range(1, 5)]
    settled = resolve(config, fourteen, len(CODES))
    assert settled.total_xp == 14 * 150 and settled.level_xp[-1] == 2100
    assert settled.rules["graduate"]["at_least"] == 14


NAMES = {"en": {"first": "Getting started", "top": "Course complete"}, "ko": {"first": "시작", "top": "강좌 완주"}}


def test_a_course_without_xp_levels_or_achievements_gets_defaults_and_no_game() -> None:
    problems: list[str] = []
    config = parse_progress_config({"course": {}}, CODES, SERIES, problems, default_names=NAMES)
    assert problems == [] and config is not None and not config.gamified
    assert dict(config.xp) == {"lesson_completed": 10, "exercise_done": 5} and config.achievements == ()
    assert [(level.level, level.percent, dict(level.name)) for level in config.levels] == [
        (0, 0, {"en": "Getting started", "ko": "시작"}), (1, 100, {"en": "Course complete", "ko": "강좌 완주"})]
    settled = resolve(config, [TEN[0], LessonRef("no-exercise", "diffusion", 2, exercise=False)], len(CODES))
    assert settled.total_xp == 15 + 10 and settled.level_xp == (0, 25)  # a lesson without exercise: no exercise XP


@pytest.mark.parametrize("section", ["xp", "levels", "achievements"])
def test_declaring_any_one_section_keeps_the_game_with_defaults_for_the_others(section: str) -> None:
    raw = {section: {"xp": RAW["xp"], "levels": RAW["levels"], "achievements": []}[section]}
    config, problems = parse(raw)
    assert problems == [] and config is not None and config.gamified
    assert len(config.levels) == (6 if section == "levels" else 2) and config.achievements == ()


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
    ("xp-not-a-mapping", _set("xp", [100, 50]), "course.yml: xp: expected a mapping with lesson_completed"),
    ("one-level", _set("levels", [{"level": 0, "percent": 0, "name": {"en": "A", "ko": "가"}}]),
     "course.yml: levels: expected a list of at least two levels"),
    ("achievements-not-a-list", _set("achievements", {"id": "x"}), "course.yml: achievements: expected a list"),
    ("xp-not-a-number", _set("xp.lesson_completed", "lots"), "course.yml: xp.lesson_completed: expected a whole number"),
    ("xp-boolean", _set("xp.exercise_done", True), "course.yml: xp.exercise_done: expected a whole number"),
    ("xp-unknown-action", _set("xp.time_on_page", 5), "course.yml: xp.time_on_page: unknown action"),
    ("level-zero-not-at-zero", _set("levels.0.percent", 10), "levels[0].percent: level 0 must start at 0"),
    ("levels-not-increasing", _set("levels.2.percent", 10), "levels[2].percent: 10 must be above the previous level's 13"),
    ("top-level-not-everything", _set("levels.5.percent", 90), "levels[5].percent: the top level must be at 100"),
    ("old-xp-key", _set("levels.1.xp", 200), "levels[1].xp: unknown key; use level, percent and name (thresholds are a percent"),
    ("level-misnumbered", _set("levels.3.level", 7), "levels[3].level: expected 3"),
    ("level-name-missing-korean", _set("levels.1.name", {"en": "One"}), "levels[1].name.ko: missing or empty"),
    ("level-name-unknown-language", _set("levels.1.name", {"en": "One", "ko": "하나", "fr": "Un"}),
     "levels[1].name.fr: not one of the site's languages (en, ko)"),
    ("duplicate-achievement", _set("achievements.1.id", "first-step"), "achievements[1].id: duplicate id 'first-step'"),
    ("bad-achievement-id", _set("achievements.1.id", "Hands On"), "achievements[1].id: expected a kebab-case id"),
    ("unknown-metric", _set("achievements.0.rule", {"count": "minutes_on_page", "at_least": 5}),
     "achievements[0] (first-step).rule.count: unknown metric 'minutes_on_page'"),
    ("all-days", _set("achievements.0.rule", {"count": "days_learned", "at_least": "all"}),
     "rule.at_least: 'all' only counts lessons; give a number for days_learned"),
    ("unknown-series", _set("achievements.3.rule", {"series": "nope"}),
     "achievements[3] (foundations).rule.series: unknown series 'nope'"),
    ("bad-lesson-list", _set("achievements.3.rule", {"series": "diffusion", "lessons": [1, 1]}),
     "achievements[3] (foundations).rule.lessons: expected a list of distinct lesson numbers"),
    ("old-lessons-rule", _set("achievements.3.rule", {"lessons": [1, 2]}),
     "rule: expected {count: <metric>, at_least: N or all} or {series: <id>}"),
    ("markup-in-name", _set("achievements.2.name.en", "<b>Curious</b>"), "achievements[2] (curious).name.en: '<' and '>'"),
    ("emoji-icon", _set("achievements.2.icon", "🔍"), "achievements[2] (curious).icon: expected an icon shipped with the theme"),
]


@pytest.mark.parametrize(("change", "expected"), [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_each_mistake_is_one_line_naming_the_key_and_the_fix(change: Callable[[dict[str, Any]], None], expected: str) -> None:
    raw = copy.deepcopy(RAW)
    change(raw)
    config, problems = parse(raw)
    assert config is None
    assert any(expected in line for line in problems), problems
    assert all("\n" not in line and line.startswith("course.yml") for line in problems)


def _tiny_xp(raw: dict[str, Any]) -> None:
    raw["xp"] = {"lesson_completed": 1, "exercise_done": 1}


SETTLING = [  # (change, how many of the ten lessons are published, the first problem line)
    ("count above the lessons", _set("achievements.5.rule", {"count": "lessons_completed", "at_least": 11}), 10,
     "achievements[5] (halfway).rule.at_least: 11 can never be reached: the site has 10 published lessons; lower it or write 'all'"),
    ("more languages than the site has", _set("achievements.10.rule", {"count": "languages_visited", "at_least": 3}), 10,
     "achievements[10] (bilingual).rule.at_least: 3 can never be reached: the site has 2 languages; lower it"),
    ("a lesson the series does not publish", _set("achievements.3.rule", {"series": "diffusion", "lessons": [1, 12]}), 10,
     "achievements[3] (foundations).rule.lessons: series 'diffusion' has no published lesson 12; use numbers 1 to 10"),
    ("levels squeezed together", _tiny_xp, 1,
     "levels[1].percent: with 2 XP in the published lessons, levels 0 and 1 would both start at 0 XP; spread the percents further apart"),
]


@pytest.mark.parametrize(("change", "count", "expected"), [c[1:] for c in SETTLING], ids=[c[0] for c in SETTLING])
def test_rules_that_the_published_lessons_cannot_meet_are_one_line_each(change: Callable[[dict[str, Any]], None],
                                                                       count: int, expected: str) -> None:
    raw = copy.deepcopy(RAW)
    change(raw)
    config, problems = parse(raw)
    assert problems == []
    resolve(config, TEN[:count], len(CODES), problems)
    assert problems[0] == f"course.yml: {expected}"


def test_several_mistakes_are_all_reported_at_once() -> None:
    raw = copy.deepcopy(RAW)
    raw["xp"]["lesson_completed"] = -1
    raw["achievements"][0]["id"] = "BAD"
    _, problems = parse(raw)
    assert len(problems) >= 2
