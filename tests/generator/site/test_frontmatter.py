"""Front matter rules, one row per author mistake, checked on the pure parser."""

from __future__ import annotations

import pytest

from coursekit.lessons.catalog import parse_lesson
from coursekit.lessons.frontmatter import FrontMatterError, split_front_matter
from coursekit.lessons.reading_time import estimate_minutes, reading_units
from course_site import lesson_text

TAGS = frozenset({"diffusion", "sampling"})
PATH = "docs/en/lessons/02-x.md"


def parse(text: str, *, name: str = "02-x.md", lang: str = "en"):
    return parse_lesson(text, lang=lang, series="main", path=PATH, src_uri=f"lessons/{name}", known_tags=TAGS,
                        rates=(200, 430))


def test_a_complete_lesson_parses_with_computed_minutes() -> None:
    lesson, problems = parse(lesson_text(id="x", number=2, title="X"))
    assert problems == []
    assert lesson is not None and lesson.meta.id == "x" and lesson.minutes >= 1 and lesson.url == "lessons/02-x/"


@pytest.mark.parametrize(
    ("extra", "field", "expected"),
    [
        ("minutes: ten\n", "minutes", "whole number of minutes"),
        ("minutes: 0\n", "minutes", "whole number of minutes"),
        ("author: me\n", "author", "unknown field"),
    ],
)
def test_wrong_optional_or_unknown_fields_name_the_field(extra: str, field: str, expected: str) -> None:
    lesson, problems = parse(lesson_text(id="x", number=2, title="X", extra=extra))
    assert lesson is None
    assert len(problems) == 1
    assert problems[0].startswith(f"{PATH}: field '{field}':") and expected in problems[0]


@pytest.mark.parametrize(
    ("replace", "by", "field", "expected"),
    [
        ("id: x\n", "", "id", "missing"),
        ("id: x\n", "id: Not Kebab\n", "id", "kebab-case"),
        ("number: 2\n", "number: two\n", "number", "whole number"),
        ("number: 2\n", "number: true\n", "number", "whole number"),
        ('title: "X"\n', "title: ''\n", "title", "one non-empty line"),
        ("level: beginner\n", "level: expert\n", "level", "beginner | intermediate | advanced"),
        ("status: published\n", "status: live\n", "status", "draft | published"),
        ("tags: [diffusion]\n", "tags: diffusion\n", "tags", "non-empty list"),
        ("tags: [diffusion]\n", "tags: [difusion]\n", "tags", "unknown tag 'difusion'"),
        ("summary: \"Summary of X.\"\n", "summary: [a, b]\n", "summary", "one non-empty line"),
    ],
)
def test_each_wrong_field_gives_one_line_naming_it(replace: str, by: str, field: str, expected: str) -> None:
    text = lesson_text(id="x", number=2, title="X")
    assert replace in text
    lesson, problems = parse(text.replace(replace, by, 1))
    assert lesson is None
    assert [line for line in problems if f"field '{field}'" in line], problems
    assert any(expected in line for line in problems), problems
    assert all("\n" not in line and line.startswith(PATH) for line in problems)


def test_number_must_match_the_file_name_prefix() -> None:
    _, problems = parse(lesson_text(id="x", number=3, title="X"))
    assert problems == [f"{PATH}: field 'number': 3 does not match the file name's prefix 02: "
                        "rename the file or fix the number"]


def test_the_lesson_knows_its_blocks_figures_and_worked_answer() -> None:
    """What course.yml's rules look at (tests/site/test_course_rules.py) is read with the file."""
    lesson, _ = parse(lesson_text(id="x", number=2, title="X"))
    assert lesson.blocks == ("takeaways", "links", "exercise") and lesson.exercise
    assert lesson.figures == 0 and not lesson.worked_answer
    answered = lesson_text(id="x", number=2, title="X").replace(
        "    Write down one number.\n", '    Write down one number.\n\n    ??? answer "Worked answer"\n\n        42.\n')
    figure = "```figure\nkind: schedule\ncurve: alpha_bar\ncaption: C\n```\n\n"
    lesson, _ = parse(answered.replace("## A section", figure + "## A section"))
    assert lesson.figures == 1 and lesson.worked_answer


def test_a_lesson_needs_no_closing_block() -> None:
    """Required blocks are a course's rule (course.yml rules.closing_blocks), checked by the build."""
    lesson, problems = parse(lesson_text(id="x", number=2, title="X", body="Only prose.\n"))
    assert problems == [] and lesson is not None and lesson.blocks == () and not lesson.exercise


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("no front matter here", "no front matter"),
        ("---\nid: [unclosed\n---\nbody", "not valid YAML"),
        ("---\n- a list\n---\nbody", "mapping"),
    ],
)
def test_unreadable_front_matter_is_one_clear_line(text: str, message: str) -> None:
    with pytest.raises(FrontMatterError, match=message):
        split_front_matter(text)
    _, problems = parse(text)
    assert len(problems) == 1 and message in problems[0]


@pytest.mark.parametrize(
    ("body", "units"),
    [
        ("Noise is added step by step.", (6, 0)),
        ("노이즈를 조금씩 더합니다.", (0, 11)),
        ("DDPM 샘플러", (1, 3)),
        ("ノイズを加える", (0, 7)),
        ("```figure\nkind: forward\n```\nTwo words", (2, 0)),
        ("```question\nid: q\nprompt: Not read now\n```\nTwo words", (2, 0)),
        ('!!! exercise "E"\n\n    Do it.\n\n    ??? answer "A"\n\n        Solved later.\n\nBack here.', (6, 0)),
        ('!!! exercise "E"\n\n    Do it.\n\n    ??? answer "A"\n\n        Solved at the very end.\n', (4, 0)),
    ],
)
def test_reading_units_count_latin_words_and_characters_of_scripts_without_spaces(body: str, units: tuple[int, int]) -> None:
    assert reading_units(body) == units


ENGLISH = {"words_per_minute": 200, "characters_per_minute": 430}
KOREAN = {"words_per_minute": 215, "characters_per_minute": 430}


def test_minutes_grow_with_length_and_never_drop_below_one() -> None:
    assert estimate_minutes("word " * 10, **ENGLISH) == 1
    assert estimate_minutes("word " * 2001, **ENGLISH) == 11
    assert estimate_minutes("가" * 4301, **KOREAN) == 11
    assert estimate_minutes("가" * 4300, **KOREAN) == 10  # exactly ten minutes does not round up
    assert estimate_minutes("가" * 4085 + " DDPM" * 100, **KOREAN) == 10  # 4085/430 + 100/215 = 9.965…
