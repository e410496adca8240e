"""The ```question block: every author mistake the issue lists is one line naming the file, the question and the
fix; versions change exactly when what a reader answers changes; computed answers follow the schedules."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.questions.answer import format_answer
from build_hooks.questions.compute import compute
from coursekit.questions.parse import parse_questions
from coursekit.questions.version import version_of
from course_site import build_site, lesson_text, two_lesson_course, write_fixture_course

COURSE_CONTENT = ("build_hooks",)  # this course's figure kinds and computed answers

PATH = "docs/en/lessons/01-first.md"
GOOD_CHOICES = """\
id: pick
prompt: Which one?
choices:
  - text: This one
    correct: true
    explain: Because it is.
  - text: That one
    explain: Because it is not.
"""
GOOD_NUMBER = """\
id: count
prompt: How many?
answer: 3
tolerance: 0
explain: There are {answer}.
"""


def block(yaml_text: str) -> str:
    return f"Intro.\n\n```question\n{yaml_text}```\n"


def problems_of(*yaml_texts: str) -> list[str]:
    return parse_questions("".join(block(text) for text in yaml_texts), PATH)[1]


MISTAKES = {
    "duplicate id": ((GOOD_CHOICES, GOOD_CHOICES), "question 'pick': field 'id': already used by the question at line 3"),
    "no correct choice": ((GOOD_CHOICES.replace("    correct: true\n", ""),),
                          "question 'pick': field 'choices': no choice is marked correct: true"),
    "several correct in a single-answer question": (
        (GOOD_CHOICES.replace("explain: Because it is not.", "explain: No.\n    correct: true"),),
        "question 'pick': field 'choices': 2 choices are correct in a single-answer question; keep one, or add "
        "multiple: true"),
    "choice without explanation": ((GOOD_CHOICES.replace("    explain: Because it is not.\n", ""),),
                                   "question 'pick': choice 2: field 'explain': say why this choice is right or wrong"),
    "numeric answer without tolerance": ((GOOD_NUMBER.replace("tolerance: 0\n", ""),),
                                         "question 'count': field 'tolerance': a numeric answer needs one"),
    "unknown computation": ((GOOD_NUMBER.replace("answer: 3", "answer: {compute: magic}"),),
                            "question 'count': field 'answer': 'compute' must be one of"),
    "neither choices nor answer": (("id: bare\nprompt: Why?\n",),
                                   "question 'bare': give either 'choices' (a list) or 'answer'"),
    "rounded answer shown after '='": (
        (GOOD_NUMBER.replace("answer: 3", "answer: {compute: alpha_bar, schedule: linear, t: 400}")
         .replace("tolerance: 0", "tolerance: 0.01").replace("There are {answer}.", "Here $x = {answer}$."),),
        "question 'count': field 'explain': {answer} shows 0.195146 rounded to 0.20; write it after \\approx"),
    "broken YAML": (("id: x\nprompt: [unclosed\n",), "question block: not valid YAML"),
}


@pytest.mark.parametrize("case", sorted(MISTAKES))
def test_each_mistake_is_one_line_naming_file_question_and_fix(case: str) -> None:
    texts, expected = MISTAKES[case]
    problems = problems_of(*texts)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{PATH}:") and expected in problems[0], problems[0]


def test_good_questions_parse() -> None:
    questions, problems = parse_questions(block(GOOD_CHOICES) + block(GOOD_NUMBER), PATH)
    assert problems == []
    assert [q.id for q in questions] == ["pick", "count"]
    assert questions[0].key == ("single", 2, (0,)) and questions[1].key == ("numeric", 3.0, 0.0)


def test_a_fenced_example_of_a_question_block_is_not_a_question() -> None:
    text = "````markdown\n" + block(GOOD_CHOICES) + "````\n"
    assert parse_questions(text, PATH) == ([], [])


def test_version_follows_prompt_choices_and_answer_only() -> None:
    def version(yaml_text: str) -> str:
        questions, problems = parse_questions(block(yaml_text), PATH)
        assert problems == []
        return version_of(questions[0])

    base = version(GOOD_CHOICES)
    assert version(GOOD_CHOICES.replace("Because it is not.", "It is not, see above.")) == base  # explanation only
    assert version(GOOD_CHOICES.replace("Which one?", "Which one is it?")) != base  # prompt
    assert version(GOOD_CHOICES.replace("That one", "The other one")) != base  # a choice
    moved = GOOD_CHOICES.replace("    correct: true\n", "").replace("explain: Because it is not.",
                                                                  "explain: Because it is not.\n    correct: true")
    assert version(moved) != base  # the answer
    assert version(GOOD_NUMBER) != version(GOOD_NUMBER.replace("answer: 3", "answer: 4"))
    assert version(GOOD_NUMBER) == version(GOOD_NUMBER.replace("There are", "We count"))


def test_computed_answers_follow_the_course_schedules() -> None:
    assert compute({"compute": "first_step_below", "schedule": "linear", "curve": "alpha_bar", "below": 0.5}) == (260.0, None)
    value, error = compute({"compute": "percent_steps_log_snr_below", "schedule": "linear", "below": -5})
    assert error is None and value == pytest.approx(29.8)
    assert compute({"compute": "alpha_bar", "schedule": "linear", "t": 2000})[1] == "'t' must be a whole step from 0 to 1000"


@pytest.mark.parametrize(("value", "tolerance", "shown"), [
    (9 / 8, 0.01, "1.125"),  # was "1.12": a false "9/8 = 1.12"
    (0.5 ** 3, 0.005, "0.125"),  # was "0.12"
    (1.3, 0.01, "1.30"), (260.0, 10, "260"), (100 * 227 / 1000, 0.2, "22.7"), (-0.5, 0.01, "-0.50"),
    (0.19514644493343236, 0.01, "0.20"), (2 / 3, 0.001, "0.667"), (-1e-12, 0.01, "0.00"),
])
def test_an_answer_shows_the_tolerance_decimals_or_more_when_that_makes_it_exact(
        value: float, tolerance: float, shown: str) -> None:
    assert format_answer(value, tolerance) == shown


def test_a_rounded_answer_may_follow_approx() -> None:
    text = (GOOD_NUMBER.replace("answer: 3", "answer: {compute: alpha_bar, schedule: linear, t: 400}")
            .replace("tolerance: 0", "tolerance: 0.01").replace("There are {answer}.", "Here $x \\approx {answer}$."))
    assert problems_of(text) == []
    assert problems_of(GOOD_NUMBER.replace("answer: 3", "answer: 1.125").replace("tolerance: 0", "tolerance: 0.01")
                       .replace("There are {answer}.", "$9/8 = {answer}$")) == []


# --- in a real build -----------------------------------------------------------------------------------------

URL = "http://127.0.0.1:9/diffusion-course/"


def with_question(lang: str, yaml_text: str) -> str:
    text = lesson_text(id="first", number=1, title="F", lang=lang)
    return text.replace("!!! takeaways", f"```question\n{yaml_text}```\n\n!!! takeaways")


@pytest.mark.parametrize(("ko_text", "expected"), [
    (GOOD_CHOICES.replace("    correct: true\n", "").replace("explain: Because it is not.",
                                                              "explain: Because it is not.\n    correct: true"),
     "docs/ko/lessons/01-first.md:"),
    (GOOD_CHOICES.replace("id: pick", "id: choose"), "docs/ko/lessons/01-first.md: questions: ids ['choose'] disagree"),
    (GOOD_CHOICES.replace("    explain: Because it is.\n", ""), "docs/ko/lessons/01-first.md:"),
], ids=["correct answers disagree", "ids disagree", "missing explanation"])
def test_a_question_mistake_stops_the_build_with_one_line(tmp_path: Path, ko_text: str, expected: str) -> None:
    lessons = two_lesson_course()
    lessons["en"]["01-first.md"] = with_question("en", GOOD_CHOICES)
    lessons["ko"]["01-first.md"] = with_question("ko", ko_text)
    result = build_site(write_fixture_course(tmp_path, lessons, content=COURSE_CONTENT), tmp_path / "site", site_url=URL)
    assert not result.ok
    lines = [line for line in result.output.splitlines() if expected in line]
    assert len(lines) == 1, result.output
    assert "question 'pick'" in lines[0] or "questions:" in lines[0]
    assert "Traceback" not in result.output


def test_questions_build_into_the_page_and_the_manifest(tmp_path: Path) -> None:
    lessons = two_lesson_course()
    for lang in ("en", "ko"):
        lessons[lang]["01-first.md"] = with_question(lang, GOOD_CHOICES + "\n")
    result = build_site(write_fixture_course(tmp_path, lessons, content=COURSE_CONTENT), tmp_path / "site", site_url=URL)
    assert result.ok, result.output
    page = (tmp_path / "site" / "lessons" / "01-first" / "index.html").read_text(encoding="utf-8")
    assert 'data-course-question="pick"' in page and page.count("data-course-choice=") == 2
    assert "```question" not in page
    manifest = (tmp_path / "site" / "ko" / "course-manifest.json").read_text(encoding="utf-8")
    assert '"questions":[{"id":"pick","v":"' in manifest
