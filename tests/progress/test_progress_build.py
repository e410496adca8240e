"""The progress hook inside real MkDocs builds: one manifest per language root, and clear errors for bad rules."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from course_site import build_site, fixture_course_yml, two_lesson_course, write_fixture_course


def test_each_language_build_gets_its_manifest_at_its_root(tmp_path: Path) -> None:
    root = write_fixture_course(tmp_path, two_lesson_course())
    result = build_site(root, tmp_path / "site", site_url="http://127.0.0.1:8000/c/")
    assert result.ok, result.output
    english = json.loads((tmp_path / "site" / "course-manifest.json").read_text(encoding="utf-8"))
    korean = json.loads((tmp_path / "site" / "ko" / "course-manifest.json").read_text(encoding="utf-8"))
    assert [(lesson["id"], lesson["path"]) for lesson in english["lessons"]] == [
        ("first", "lessons/01-first/"), ("second", "lessons/02-second/")]
    assert english["lessons"][0]["title"] == {"en": "First en", "ko": "First ko"}
    assert english["strings"]["complete_lesson"] == "Mark lesson complete"
    assert korean["strings"]["complete_lesson"] == "강의 완료로 표시"
    assert korean["course"] == english["course"] == "fixture-course"  # one storage key for both languages
    assert english["levels"][-1]["xp"] == 2 * 150  # the top level: both lessons and their exercises


def test_bad_progress_rules_stop_the_build_with_one_line_each(tmp_path: Path) -> None:
    raw = yaml.safe_load(fixture_course_yml())
    raw["levels"][-1]["percent"] = 90
    raw["achievements"][0]["rule"] = {"count": "seconds_on_page", "at_least": 60}
    root = write_fixture_course(tmp_path, two_lesson_course(), course_yml=yaml.safe_dump(raw, allow_unicode=True))
    result = build_site(root, tmp_path / "site", site_url="http://127.0.0.1:8000/c/")
    assert not result.ok
    lines = [line for line in result.output.splitlines() if "course.yml" in line]
    assert any("levels[2].percent: the top level must be at 100" in line for line in lines), result.output
    assert any("achievements[0] (first-step).rule.count: unknown metric 'seconds_on_page'" in line for line in lines)
    assert "Traceback" not in result.output


def test_an_icon_the_theme_does_not_ship_is_one_line(tmp_path: Path) -> None:
    raw = yaml.safe_load(fixture_course_yml())
    raw["achievements"][1]["icon"] = "material/no-such-icon"
    root = write_fixture_course(tmp_path, two_lesson_course(), course_yml=yaml.safe_dump(raw, allow_unicode=True))
    result = build_site(root, tmp_path / "site", site_url="http://127.0.0.1:8000/c/")
    assert not result.ok and "Traceback" not in result.output
    assert ("course.yml: achievements[1] (everything).icon: no icon named 'material/no-such-icon' ships with the theme"
            in result.output), result.output
