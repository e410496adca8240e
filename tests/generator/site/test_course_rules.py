"""A course's rules (course.yml `rules`) are checked by the build, one line per lesson and rule: `fail` stops the
build, `warn` is a warning that only a strict build fails on. A course that sets no rule asks nothing.

Each case writes the two-lesson fixture course with some rules and one lesson changed, runs the build `make build`
runs and reads its output.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from coursekit.course.rules import parse_rules
from course_site import build_site, fixture_course_yml, lesson_text, two_lesson_course, write_fixture_course

URL = "http://127.0.0.1:9/fixture-course/"
EN, KO = "docs/en/lessons/01-first.md", "docs/ko/lessons/01-first.md"
CLOSING_KO = ('!!! takeaways "핵심 정리"\n\n    - 하나.\n\n!!! links "더 읽을거리"\n\n'
              '    - [DDPM](https://arxiv.org/abs/2006.11239)\n\n!!! exercise "연습 문제"\n\n    숫자 하나를 적으세요.\n')
GLOSSARY = textwrap.dedent("""\
    terms:
      - id: network
        lesson: second
        en: {term: network, definition: "The trained model."}
        ko: {term: 네트워크, avoid: [신경망], definition: "학습된 모델."}
    """)
QUESTION = ("```question\nid: q{n}\nprompt: Which?\nchoices:\n  - text: This.\n    correct: true\n    explain: Yes.\n"
            "  - text: That.\n    explain: No.\n```\n\n")
FIGURE = "```figure\nkind: line\ncaption: A line that rises step by step.\n```\n\n"
ANSWER = '\n    ??? answer "Worked answer"\n\n        Forty-two.\n'


def en_first(change, langs=("en",)):
    """The first lesson in `langs`, changed by `change(text)`."""
    return {(lang, "01-first.md"): change(lesson_text(id="first", number=1, title=f"First {lang}", lang=lang))
            for lang in langs}


def ko_first(body: str):
    return {("ko", "01-first.md"): lesson_text(id="first", number=1, title="First ko", lang="ko",
                                               body=body + "\n\n" + CLOSING_KO)}


def complete(text: str) -> str:
    """A lesson that keeps every rule of the cases below except the one a case breaks."""
    return text.replace("## A section", FIGURE + "".join(QUESTION.format(n=n) for n in range(4)) + "## A section") \
        .replace("    Write down one number.\n", "    Write down one number.\n" + ANSWER)


# name: (rules: course.yml text, changed lessons, level, the line the build prints)
CASES = {
    "too few questions": (
        "rules: {questions: {min: 4, max: 6}}\n", {}, "fail",
        f"{EN}: rules.questions: 0 questions; this course asks for 4 to 6 (course.yml rules.questions)"),
    "too many questions, as a warning": (
        "rules: {questions: {max: 3, level: warn}}\n", en_first(complete, ("en", "ko")), "warn",
        f"{EN}: rules.questions: 4 questions; this course asks for at most 3 (course.yml rules.questions)"),
    "no worked answer": (
        "rules: {worked_answer: fail}\n", {}, "fail",
        f"{EN}: rules.worked_answer: the exercise has no worked answer; this course asks for a worked answer "
        "('??? answer \"…\"' inside '!!! exercise \"…\"') (course.yml rules.worked_answer)"),
    "no computed figure": (
        "rules: {computed_figure: fail}\n", {}, "fail",
        f"{EN}: rules.computed_figure: no figure; this course asks for at least one ```figure block "
        "(course.yml rules.computed_figure)"),
    "too short to read": (
        "rules: {reading_minutes: {min: 10, max: 20, level: warn}}\n", {}, "warn",
        f"{EN}: rules.reading_minutes: reads in 1 minute; this course asks for 10 to 20 minutes "
        "(course.yml rules.reading_minutes)"),
    "a missing closing block": (
        "rules: {closing_blocks: fail}\n", en_first(lambda text: text.replace("!!! exercise", "!!! note")), "fail",
        f"{EN}: rules.closing_blocks: no 'Exercise en' block; this course asks for '!!! exercise \"…\"' in every "
        "lesson (course.yml rules.closing_blocks)"),
    "a series overriding the course": (
        "rules: {questions: {min: 4}, series: {main: {questions: {min: 1, level: warn}}}}\n", {}, "warn",
        f"{EN}: rules.questions: 0 questions; this course asks for at least 1 (course.yml rules.series.main.questions)"),
    "an avoided wording": (
        "rules: {terms: fail}\n", ko_first("신경망이 노이즈를 예측합니다."), "fail",
        f"{KO}:11: '신경망' is a wording to avoid; write '네트워크' (glossary: network) (course.yml rules.terms)"),
    "a spaced Korean particle": (
        "rules: {korean_particles: warn}\n", ko_first("DDIM 을 씁니다."), "warn",
        f"{KO}:11:6: space before the particle '을'; attach it to the word before it (course.yml rules.korean_particles)"),
    "plain math": (
        "rules: {plain_math: fail}\n", en_first(lambda text: text.replace("Some prose", "With β small, some prose")),
        "fail", f"{EN}:15: 'β' is math written as plain text"),
}


def _course(tmp_path: Path, rules: str, changes: dict, **course) -> Path:
    lessons = two_lesson_course()
    for (lang, name), text in changes.items():
        lessons[lang][name] = text
    root = write_fixture_course(tmp_path / "course", lessons, course_yml=fixture_course_yml(rules=rules, **course),
                                content=("toy_content",))
    (root / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    return root


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_build_enforces_each_rule_with_one_line(tmp_path: Path, case: str) -> None:
    rules, changes, level, expected = CASES[case]
    root = _course(tmp_path, rules, changes)
    strict = build_site(root, tmp_path / "strict", site_url=URL)
    assert not strict.ok and "Traceback" not in strict.output
    lines = [line for line in strict.output.splitlines() if expected in line]
    assert len(lines) == 1, strict.output
    if level == "fail":
        assert lines[0].startswith("ERROR"), lines
        return
    assert lines[0].startswith("WARNING"), lines
    relaxed = build_site(root, tmp_path / "relaxed", site_url=URL, strict=False)  # a warning does not stop it
    assert relaxed.ok and expected in relaxed.output, relaxed.output


def test_a_course_without_rules_or_game_builds_lessons_that_break_every_rule(tmp_path: Path) -> None:
    """No questions, figure, worked answer or closing block; one minute long; an avoided wording, a spaced particle
    and plain math: a course that asks none of it builds strictly, and with no xp, levels or achievements its
    lessons still show the reader what is done."""
    bare = fixture_course_yml(repository="")
    bare = bare[:bare.index("lessons:\n")] + bare[bare.index("tags:"):bare.index("xp:")]
    lessons = {"en": {name: lesson_text(id=id, number=n, title=f"{id} en", body="With β small, it is one line.\n")
                      for n, (name, id) in enumerate((("01-first.md", "first"), ("02-second.md", "second")), 1)},
               "ko": {name: lesson_text(id=id, number=n, title=f"{id} ko", lang="ko",
                                        body="신경망이 β 를 씁니다.\n")
                      for n, (name, id) in enumerate((("01-first.md", "first"), ("02-second.md", "second")), 1)}}
    root = write_fixture_course(tmp_path / "course", lessons, course_yml=bare)
    (root / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(root, site, site_url=URL)
    assert result.ok, result.output
    assert "WARNING" not in result.output, result.output
    page = (site / "lessons/01-first/index.html").read_text(encoding="utf-8")
    assert 'data-course-slot="lesson-complete"' in page and 'data-course-slot="bar"' in page
    assert 'data-course-slot="exercise-done"' not in page  # no exercise block, nothing to mark done
    manifest = json.loads((site / "course-manifest.json").read_text(encoding="utf-8"))
    assert manifest["gamified"] is False and manifest["achievements"] == []
    assert [level["xp"] for level in manifest["levels"]] == [0, 20]  # two lessons of 10 XP, no exercise XP
    assert [level["name"]["ko"] for level in manifest["levels"]] == ["시작", "강좌 완주"]
    assert [lesson["exercise"] for lesson in manifest["lessons"]] == [None, None]


@pytest.mark.parametrize(("rules", "expected"), [
    ("rules: [questions]", "course.yml: rules: expected a mapping of rule names to fail, warn or off"),
    ("rules: {questions: 4}", "course.yml: rules.questions: expected {min: N, max: N}"),
    ("rules: {questions: {min: 6, max: 4}}", "course.yml: rules.questions: min 6 is above max 4; swap them"),
    ("rules: {questions: {at_least: 4}}", "course.yml: rules.questions.at_least: unknown key; use min, max and level"),
    ("rules: {questions: {min: -1}}", "course.yml: rules.questions.min: expected a whole number of questions"),
    ("rules: {questions: {}}", "course.yml: rules.questions: give min, max or both"),
    ("rules: {reading_minutes: {max: 20, level: error}}", "course.yml: rules.reading_minutes.level: expected fail, "
     "warn or off"),
    ("rules: {worked_answer: required}", "course.yml: rules.worked_answer: expected fail, warn or off; fail stops "
     "the build, warn prints a warning (which a strict build turns into a failure), off skips the check"),
    ("rules: {spelling: warn}", "course.yml: rules.spelling: unknown rule; use questions, reading_minutes"),
    ("rules: {series: {nope: {terms: warn}}}", "course.yml: rules.series.nope: unknown series; use one of main"),
    ("rules: {series: {main: {series: {}}}}", "course.yml: rules.series.main.series: unknown rule"),
])
def test_a_rules_mistake_is_one_line_naming_the_key_and_the_fix(rules: str, expected: str) -> None:
    import yaml

    problems: list[str] = []
    parse_rules(yaml.safe_load(rules), frozenset({"main"}), problems)
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_a_rules_mistake_stops_the_build_with_one_line(tmp_path: Path) -> None:
    root = _course(tmp_path, "rules: {closing_blocks: fail, terms: loud}\n", {})
    raw = (root / "course.yml").read_text(encoding="utf-8")
    (root / "course.yml").write_text(re.sub(r"lessons:\n(  .*\n|    .*\n)+", "", raw), encoding="utf-8")
    result = build_site(root, tmp_path / "site", site_url=URL)
    assert not result.ok and "Traceback" not in result.output
    assert "course.yml: rules.terms: expected fail, warn or off" in result.output
    assert "course.yml: rules.closing_blocks: lessons.closing_blocks names no block to require" in result.output
