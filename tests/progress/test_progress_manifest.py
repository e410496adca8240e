"""The course manifest for each language build: what it lists, and that it is byte-for-byte deterministic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from build_hooks.progress.config import ProgressConfigError, parse_progress_config
from build_hooks.progress.lessons import LessonSource
from build_hooks.progress.manifest import build_manifest, manifest_json
from build_hooks.progress.strings import check_strings

REPO = Path(__file__).resolve().parents[2]
CONFIG = parse_progress_config(yaml.safe_load((REPO / "course.yml").read_text(encoding="utf-8")))


def lesson(id: str, number: int, title: str, published: bool = True) -> LessonSource:
    return LessonSource(id=id, number=number, title=title, published=published, path=f"lessons/{number:02d}-{id}/")


LESSONS = {
    "en": [lesson("second", 2, "Second"), lesson("first", 1, "First"), lesson("draft", 3, "Draft", published=False)],
    "ko": [lesson("first", 1, "첫째"), lesson("second", 2, "둘째", published=False)],
}


@pytest.mark.parametrize(("lang", "ids"), [("en", ["first", "second"]), ("ko", ["first"])])
def test_manifest_lists_the_lessons_published_in_that_language_in_order(lang: str, ids: list[str]) -> None:
    manifest = build_manifest(CONFIG, LESSONS, lang, {"level": "L"})
    assert [entry["id"] for entry in manifest["lessons"]] == ids
    assert manifest["lang"] == lang


def test_lesson_entries_carry_number_path_titles_in_both_languages_and_exercise() -> None:
    entry = build_manifest(CONFIG, LESSONS, "en", {})["lessons"][0]
    assert entry == {
        "id": "first", "number": 1, "path": "lessons/01-first/",
        "title": {"en": "First", "ko": "첫째"}, "exercise": "first-exercise",
    }


def test_manifest_holds_the_rules_and_this_languages_strings() -> None:
    manifest = json.loads(manifest_json(build_manifest(CONFIG, LESSONS, "ko", {"level": "레벨 {level}"})))
    assert manifest["course"] == "diffusion-course"
    assert manifest["xp"] == {"lesson_completed": 100, "exercise_done": 50}
    assert manifest["levels"][0] == {"level": 0, "xp": 0, "name": {"en": "Spark", "ko": "불씨"}}
    assert len(manifest["achievements"]) == 14
    assert manifest["strings"] == {"level": "레벨 {level}"}


def test_manifest_text_is_deterministic() -> None:
    shuffled = {"ko": LESSONS["ko"][::-1], "en": LESSONS["en"][::-1]}
    assert manifest_json(build_manifest(CONFIG, LESSONS, "en", {})) == manifest_json(build_manifest(CONFIG, shuffled, "en", {}))


def test_repository_strings_exist_in_both_languages() -> None:
    sections = {lang: yaml.safe_load((REPO / "build_hooks" / "i18n" / f"{lang}.yml").read_text(encoding="utf-8"))["progress"]
                for lang in ("en", "ko")}
    strings = check_strings(sections)
    assert set(strings["en"]) == set(strings["ko"])


def test_a_string_missing_in_one_language_is_one_line_naming_file_and_key() -> None:
    with pytest.raises(ProgressConfigError) as caught:
        check_strings({"en": {"level": "Level", "xp": "XP"}, "ko": {"level": "레벨"}})
    assert caught.value.problems == ("build_hooks/i18n/ko.yml: progress.xp: missing; every string must exist in both languages",)
