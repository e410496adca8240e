"""Author mistakes stop a real build with one line naming the file, the field and the fix: never a traceback.

Each case writes a small fixture course, runs the same MkDocs build `make build` runs, and reads its output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from course_site import build_site, lesson_text, two_lesson_course, write_fixture_course

URL = "http://127.0.0.1:9/diffusion-course/"


def course_with(changes: dict[tuple[str, str], str | None]) -> dict[str, dict[str, str]]:
    """The two-lesson course with some files replaced (text) or removed (None)."""
    lessons = two_lesson_course()
    for (lang, name), text in changes.items():
        if text is None:
            lessons[lang].pop(name)
        else:
            lessons[lang][name] = text
    return lessons


CASES = {
    "missing field": (
        {("en", "02-second.md"): lesson_text(id="second", number=2, title="S").replace("level: beginner\n", "")},
        "docs/en/lessons/02-second.md: field 'level': missing"),
    "unknown field": (
        {("en", "02-second.md"): lesson_text(id="second", number=2, title="S", extra="colour: red\n")},
        "docs/en/lessons/02-second.md: field 'colour': unknown field"),
    "wrong type": (
        {("ko", "02-second.md"): lesson_text(id="second", number=2, title="S", lang="ko", extra="minutes: soon\n")},
        "docs/ko/lessons/02-second.md: field 'minutes': expected a whole number of minutes"),
    "duplicate id": (
        {("en", "02-second.md"): lesson_text(id="first", number=2, title="S"),
         ("ko", "02-second.md"): lesson_text(id="first", number=2, title="S", lang="ko")},
        "docs/en/lessons/02-second.md: field 'id': 'first' is already used by docs/en/lessons/01-first.md"),
    "duplicate number": (
        {("en", "02-second.md"): None, ("ko", "02-second.md"): None,
         ("en", "01-again.md"): lesson_text(id="again", number=1, title="A"),
         ("ko", "01-again.md"): lesson_text(id="again", number=1, title="A", lang="ko")},
        "field 'number': 1 is already used by docs/en/lessons/01-"),
    "gap in numbering": (
        {("en", "02-second.md"): None, ("ko", "02-second.md"): None,
         ("en", "03-third.md"): lesson_text(id="third", number=3, title="T"),
         ("ko", "03-third.md"): lesson_text(id="third", number=3, title="T", lang="ko")},
        "docs/en/lessons/03-third.md: field 'number': published lessons of a series must be numbered 1..N without gaps; "
        "expected 2, got 3"),
    "languages disagree on id": (
        {("ko", "02-second.md"): lesson_text(id="segundo", number=2, title="S", lang="ko")},
        "docs/ko/lessons/02-second.md: field 'id': 'segundo' disagrees with docs/en/lessons/02-second.md"),
    "unknown tag": (
        {("en", "01-first.md"): lesson_text(id="first", number=1, title="F", tags="[diffusion, cooking]")},
        "docs/en/lessons/01-first.md: field 'tags': unknown tag 'cooking': use one defined under 'tags:' in course.yml"),
    "broken front matter": (
        {("en", "01-first.md"): "---\nid: first\nnumber: [1\n---\nText\n"},
        "docs/en/lessons/01-first.md: front matter is not valid YAML"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_mistake_fails_the_build_with_one_clear_line(tmp_path: Path, case: str) -> None:
    changes, expected = CASES[case]
    root = write_fixture_course(tmp_path, course_with(changes))
    result = build_site(root, tmp_path / "site", site_url=URL)
    assert not result.ok
    assert expected in result.output, result.output
    assert "Traceback" not in result.output
    error_lines = [line for line in result.output.splitlines() if expected.split(":")[0] in line]
    assert all(len(line) < 400 for line in error_lines)


def test_missing_translation_warns_in_a_normal_build_and_fails_a_strict_one(tmp_path: Path) -> None:
    root = write_fixture_course(tmp_path, course_with({("ko", "02-second.md"): None}))
    relaxed = build_site(root, tmp_path / "relaxed", site_url=URL, strict=False)
    assert relaxed.ok, relaxed.output
    assert "WARNING" in relaxed.output and "translation missing: add docs/ko/lessons/02-second.md" in relaxed.output
    strict = build_site(root, tmp_path / "strict", site_url=URL, strict=True)
    assert not strict.ok
    assert "translation missing: add docs/ko/lessons/02-second.md" in strict.output


def test_a_missing_draft_translation_is_not_a_problem(tmp_path: Path) -> None:
    draft = lesson_text(id="third", number=3, title="T", status="draft", body="Notes.\n")
    root = write_fixture_course(tmp_path, course_with({("en", "03-third.md"): draft}))
    result = build_site(root, tmp_path / "site", site_url=URL, strict=True)
    assert result.ok, result.output
    assert "translation missing" not in result.output
