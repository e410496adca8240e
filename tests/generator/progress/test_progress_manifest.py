"""The course manifest for each language build: what it lists, how it settles the rules, and that it is
byte-for-byte deterministic."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from coursekit.course.config import parse_course
from coursekit.course.languages import Language
from coursekit.lessons.catalog import Lesson
from coursekit.lessons.frontmatter import LessonMeta
from coursekit.manifest import build_manifest, manifest_json

REPO = Path(__file__).resolve().parents[3]
_problems: list[str] = []
COURSE = parse_course(yaml.safe_load((Path(__file__).parents[1] / "fixtures/sample-course.yml").read_text(encoding="utf-8")),
                      (Language("en"), Language("ko")), _problems)
assert not _problems, _problems


def lesson(lang: str, id: str, number: int, title: str, series: str = "diffusion") -> Lesson:
    meta = LessonMeta(id=id, number=number, title=title, summary="S", tags=("diffusion",), level="beginner",
                      status="published", minutes=None)
    folder = "lessons" if series == "diffusion" else series
    return Lesson(lang=lang, series=series, path=f"docs/{lang}/{folder}/{number:02d}-{id}.md",
                  src_uri=f"{folder}/{number:02d}-{id}.md", meta=meta, minutes=5)


PUBLISHED = {
    "en": [lesson("en", "first", 1, "First"), lesson("en", "second", 2, "Second"),
           lesson("en", "gauss", 1, "Gaussians", series="foundations")],
    "ko": [lesson("ko", "first", 1, "첫째")],
}


def test_manifest_lists_this_languages_lessons_with_series_and_titles_in_every_language() -> None:
    manifest = build_manifest(COURSE, PUBLISHED, "en", {"level": "L"})
    assert [(entry["id"], entry["series"], entry["number"]) for entry in manifest["lessons"]] == [
        ("first", "diffusion", 1), ("second", "diffusion", 2), ("gauss", "foundations", 1)]
    assert manifest["lessons"][0] == {
        "id": "first", "series": "diffusion", "number": 1, "path": "lessons/01-first/",
        "title": {"en": "First", "ko": "첫째"}, "exercise": "first-exercise", "questions": [],
    }
    assert [lesson["id"] for lesson in build_manifest(COURSE, PUBLISHED, "ko", {})["lessons"]] == ["first"]


def test_thresholds_and_rules_are_settled_against_the_published_lessons() -> None:
    manifest = build_manifest(COURSE, PUBLISHED, "en", {})
    assert manifest["levels"][-1]["xp"] == 3 * 150  # three lessons with their exercises
    assert manifest["levels"][0] == {"level": 0, "xp": 0, "name": {"en": "Spark", "ko": "불씨"}}
    rules = {a["id"]: a["rule"] for a in manifest["achievements"]}
    assert rules["graduate"] == {"count": "lessons_completed", "at_least": 3}
    assert rules["foundations"] == {"lessons": ["first", "second"]}  # lesson 3 of the series is not published here
    assert manifest["series"][0] == {"id": "diffusion", "title": {"en": "Diffusion models", "ko": "확산 모델"}}
    assert manifest["languages"] == ["en", "ko"]


def test_manifest_holds_this_languages_strings_and_the_storage_name() -> None:
    manifest = json.loads(manifest_json(build_manifest(COURSE, PUBLISHED, "ko", {"level": "레벨 {level}"})))
    assert manifest["course"] == "diffusion-course"
    assert manifest["strings"] == {"level": "레벨 {level}"}
    assert manifest["lang"] == "ko"


def test_manifest_text_is_deterministic() -> None:
    shuffled = {"ko": PUBLISHED["ko"], "en": PUBLISHED["en"]}
    assert manifest_json(build_manifest(COURSE, PUBLISHED, "en", {})) == manifest_json(build_manifest(COURSE, shuffled, "en", {}))
