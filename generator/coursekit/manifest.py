"""The per-language course manifest the page script reads: settled progress rules, series, lessons and UI strings.

Pure: inputs are the course configuration, every language's published lessons, this language and its strings.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from coursekit.course.config import CourseConfig
from coursekit.i18n.plural import COUNTED
from coursekit.lessons.catalog import Lesson

from coursekit.questions.version import version_of

from coursekit.progress.resolve import LessonRef, resolve

MANIFEST_NAME = "course-manifest.json"


def exercise_id(lesson_id: str) -> str:
    """Each lesson has one exercise; its id is derived so it stays stable with the lesson id."""
    return f"{lesson_id}-exercise"


def build_manifest(course: CourseConfig, published: Mapping[str, Sequence[Lesson]], lang: str,
                   strings: Mapping[str, str], *, review: str | None = None) -> dict[str, Any]:
    """The manifest for one language: only lessons published in that language count, series by series.
    `review` is the review page's path relative to the language root, when the site has one."""
    mine = list(published.get(lang, ()))
    primary = {lesson.src_uri: lesson for lesson in published.get(course.primary, ())}
    titles = {code: {lesson.meta.id: lesson.meta.title for lesson in lessons} for code, lessons in published.items()}
    rules = resolve(course.progress, [LessonRef(l.meta.id, l.series, l.meta.number, l.exercise) for l in mine],
                    len(course.codes))
    return {
        "course": course.name,
        "lang": lang,
        "languages": list(course.codes),
        "xp": dict(course.progress.xp),
        "levels": [{"level": level.level, "xp": xp, "name": dict(level.name)}
                   for level, xp in zip(course.progress.levels, rules.level_xp)],
        "achievements": [
            {"id": a.id, "name": dict(a.name), "description": dict(a.description), "rule": rules.rules[a.id]}
            for a in course.progress.achievements
        ],
        "series": [{"id": s.id, "title": dict(s.title)} for s in course.series],
        "lessons": [
            {
                "id": lesson.meta.id,
                "series": lesson.series,
                "number": lesson.meta.number,
                "path": lesson.url,
                "title": {code: found[lesson.meta.id] for code, found in sorted(titles.items())
                          if lesson.meta.id in found},
                # A lesson has at most one exercise block; null when it has none (nothing to mark done).
                "exercise": exercise_id(lesson.meta.id) if lesson.exercise else None,
                # Answers are keyed by lesson and question id and count only under the question's current version.
                "questions": [{"id": q.id, "v": version_of(q)}
                              for q in primary.get(lesson.src_uri, lesson).questions],
            }
            for lesson in mine
        ],
        "strings": dict(strings),
        "plural_counts": dict(COUNTED["progress"]),  # which placeholder picks a string's plural form
        "review": review,
        # Only when false, so a gamified course's manifest stays as it was: the page script then shows lessons done
        # and the share of the course done, without XP, levels or achievements.
        **({} if course.progress.gamified else {"gamified": False}),
    }


def manifest_json(manifest: Mapping[str, Any]) -> str:
    """Deterministic, compact JSON text (same input, same bytes)."""
    return json.dumps(manifest, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
