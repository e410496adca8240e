"""Build the per-language course manifest that the page script reads: progress rules, lessons and UI strings.

Pure: inputs are the validated config, the parsed lessons of every language and this language's strings.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from .config import ProgressConfig
from .lessons import LessonSource

MANIFEST_NAME = "course-manifest.json"


def exercise_id(lesson_id: str) -> str:
    """Each lesson has one exercise; its id is derived so it stays stable with the lesson id."""
    return f"{lesson_id}-exercise"


def _lesson_entry(lesson: LessonSource, versions: Mapping[str, LessonSource]) -> dict[str, Any]:
    return {
        "id": lesson.id,
        "number": lesson.number,
        "path": lesson.path,
        "title": {lang: v.title for lang, v in versions.items()},
        # Every published lesson has exactly one exercise block (the lesson catalog enforces it).
        "exercise": exercise_id(lesson.id),
    }


def build_manifest(
    config: ProgressConfig,
    lessons_by_lang: Mapping[str, Sequence[LessonSource]],
    lang: str,
    strings: Mapping[str, str],
) -> dict[str, Any]:
    """The manifest for one language build: only lessons published in that language are listed."""
    by_id = {lg: {lesson.id: lesson for lesson in lessons} for lg, lessons in lessons_by_lang.items()}
    published = sorted((les for les in lessons_by_lang.get(lang, ()) if les.published), key=lambda les: les.number)
    lessons = [
        _lesson_entry(les, {lg: found[les.id] for lg, found in sorted(by_id.items()) if les.id in found})
        for les in published
    ]
    return {
        "course": config.course_name,
        "lang": lang,
        "lessons_planned": config.lessons_planned,
        "xp": dict(config.xp),
        "levels": [{"level": lv.level, "xp": lv.xp, "name": dict(lv.name)} for lv in config.levels],
        "achievements": [
            {
                "id": a.id,
                "icon": a.icon,
                "name": dict(a.name),
                "description": dict(a.description),
                "rule": dict(a.rule),
            }
            for a in config.achievements
        ],
        "lessons": lessons,
        "strings": dict(strings),
    }


def manifest_json(manifest: Mapping[str, Any]) -> str:
    """Deterministic, compact JSON text (same input, same bytes)."""
    return json.dumps(manifest, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
