"""Answers the build computes: `answer: {compute: <name>, ...}` runs a function the course registers
(coursekit.content), so a number in a question cannot drift from the mathematics the course's figures use."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coursekit import content


def compute(spec: Mapping[str, Any]) -> tuple[float | None, str | None]:
    """(value, None) or (None, what is wrong and how to fix it)."""
    answers = content.active().answers
    name = spec.get("compute")
    if not answers:
        return None, "this course registers no computed answers (plugins.coursekit.content); give the number itself"
    if name not in answers:
        return None, f"'compute' must be one of {', '.join(sorted(answers))}"
    return answers[name](spec)
