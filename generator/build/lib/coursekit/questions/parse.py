"""The ```question block: its YAML keys, read and checked like front matter (one line per problem naming the file,
the question and the fix; never a traceback).

```question
id: half-way                      # kebab-case, unique within the lesson, the same in every language
prompt: "Markdown, math as $...$"
choices:                          # either choices ...
  - text: "A choice"
    correct: true                 # optional, default false
    explain: "Why it is right or wrong (shown after answering)"
multiple: true                    # optional: 'select all that apply' (several correct choices allowed)
answer: 260                       # ... or a number, or {compute: <name>, ...} (see computed.py)
tolerance: 0.5                    # required with answer: |reply - answer| <= tolerance counts as correct
explain: "Shown after answering; {answer} is replaced by the answer"
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from coursekit.yaml_loading import load_yaml
from coursekit.fences import find_blocks

from .answer import rounding_problem
from .computed import compute

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CHOICE_KEYS = {"text", "correct", "explain"}
_KEYS = {"id", "prompt", "choices", "multiple", "answer", "tolerance", "explain"}


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool
    explain: str


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    choices: tuple[Choice, ...] = ()
    multiple: bool = False
    answer: float | None = None  # numeric questions only
    tolerance: float | None = None
    explain: str = ""
    line: int = 0  # of the opening fence, for messages

    @property
    def numeric(self) -> bool:
        return self.answer is not None

    @property
    def key(self) -> tuple[Any, ...]:
        """What every language version must agree on: the kind, the choice count, the correct answers."""
        if self.numeric:
            return ("numeric", self.answer, self.tolerance)
        return ("multiple" if self.multiple else "single", len(self.choices),
                tuple(i for i, c in enumerate(self.choices) if c.correct))


def _text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def parse_one(raw: Any, where: str) -> tuple[Question | None, list[str]]:
    """One block's parsed YAML -> (Question, []) or (None, problem lines). `where` is 'path: question <id>'."""
    if not isinstance(raw, dict):
        return None, [f"{where}: expected YAML keys (id, prompt, then choices or answer), see AUTHORING.md"]
    problems = [f"{where}: field '{k}': unknown; a question takes {', '.join(sorted(_KEYS))}"
                for k in sorted(set(map(str, raw)) - _KEYS)]
    if not (isinstance(raw.get("id"), str) and _ID.match(raw["id"])):
        problems.append(f"{where}: field 'id': give the question a kebab-case id, e.g. id: half-way")
    if not _text(raw.get("prompt")):
        problems.append(f"{where}: field 'prompt': write the question as text")
    has_choices, has_answer = "choices" in raw, "answer" in raw
    if has_choices == has_answer:
        problems.append(f"{where}: give either 'choices' (a list) or 'answer' (a number with a tolerance), not "
                        + ("both" if has_choices else "neither"))
        return None, problems
    if has_choices:
        return _choices(raw, where, problems)
    return _numeric(raw, where, problems)


def _choices(raw: dict[str, Any], where: str, problems: list[str]) -> tuple[Question | None, list[str]]:
    items = raw["choices"]
    multiple = raw.get("multiple", False)
    if not isinstance(multiple, bool):
        problems.append(f"{where}: field 'multiple': true or false")
    for key in ("tolerance", "explain"):
        if key in raw:
            problems.append(f"{where}: field '{key}': only numeric questions have it; a choice explains itself "
                            "in its own 'explain'")
    if not isinstance(items, list) or len(items) < 2:
        problems.append(f"{where}: field 'choices': list at least two choices, each with text and explain")
        return None, problems
    choices = []
    for n, item in enumerate(items, start=1):
        at = f"{where}: choice {n}"
        if not isinstance(item, dict):
            problems.append(f"{at}: expected keys text, explain and (for a right one) correct: true")
            continue
        problems += [f"{at}: field '{k}': unknown; a choice takes text, correct, explain"
                     for k in sorted(set(map(str, item)) - _CHOICE_KEYS)]
        if not _text(item.get("text")):
            problems.append(f"{at}: field 'text': write the choice as text")
        if not _text(item.get("explain")):
            problems.append(f"{at}: field 'explain': say why this choice is right or wrong (readers see it after "
                            "answering)")
        if not isinstance(item.get("correct", False), bool):
            problems.append(f"{at}: field 'correct': true or false")
        choices.append(Choice(str(item.get("text", "")), item.get("correct") is True, str(item.get("explain", ""))))
    right = sum(c.correct for c in choices)
    if right == 0:
        problems.append(f"{where}: field 'choices': no choice is marked correct: true; mark the right one")
    elif right > 1 and multiple is not True:
        problems.append(f"{where}: field 'choices': {right} choices are correct in a single-answer question; "
                        "keep one, or add multiple: true")
    if problems:
        return None, problems
    return Question(id=raw["id"], prompt=raw["prompt"], choices=tuple(choices), multiple=multiple), []


def _numeric(raw: dict[str, Any], where: str, problems: list[str]) -> tuple[Question | None, list[str]]:
    answer = raw["answer"]
    if isinstance(answer, dict):
        answer, error = compute(answer)
        if error:
            problems.append(f"{where}: field 'answer': {error}")
    elif not _number(answer):
        problems.append(f"{where}: field 'answer': a number, or {{compute: ...}} to have the build compute it")
        answer = None
    tolerance = raw.get("tolerance")
    if tolerance is None:
        problems.append(f"{where}: field 'tolerance': a numeric answer needs one, e.g. tolerance: 0.5 (how far "
                        "a reply may be from the answer and still count)")
    elif not _number(tolerance) or tolerance < 0:
        problems.append(f"{where}: field 'tolerance': a number ≥ 0")
    if not _text(raw.get("explain")):
        problems.append(f"{where}: field 'explain': explain the answer (readers see it after answering)")
    if "multiple" in raw:
        problems.append(f"{where}: field 'multiple': only for questions with choices")
    if not problems:
        rounded = rounding_problem(raw["explain"], float(answer), float(tolerance))
        if rounded:
            problems.append(f"{where}: field 'explain': {rounded}")
    if problems:
        return None, problems
    return Question(id=raw["id"], prompt=raw["prompt"], answer=float(answer), tolerance=float(tolerance),
                    explain=raw["explain"]), []


def parse_questions(markdown: str, path: str) -> tuple[list[Question], list[str]]:
    """Every ```question block of one lesson file, in order; duplicate ids are a problem."""
    questions: list[Question] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for block in find_blocks(markdown, info="question"):
        try:
            raw = load_yaml(block.text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = block.line + 1 + (mark.line if mark else 0)
            problems.append(f"{path}:{line}: question block: not valid YAML ({getattr(error, 'problem', error)}); "
                            "quote text that contains ': ' or starts with a special character")
            continue
        qid = raw.get("id") if isinstance(raw, dict) else None
        where = f"{path}:{block.line}: question '{qid}'" if qid else f"{path}:{block.line}: question"
        question, found = parse_one(raw, where)
        problems += found
        if question is None:
            continue
        if question.id in seen:
            problems.append(f"{where}: field 'id': already used by the question at line {seen[question.id]}; "
                            "each question of a lesson needs its own id")
            continue
        seen[question.id] = block.line
        questions.append(Question(**{**question.__dict__, "line": block.line}))
    return questions, problems
