"""Front matter of one lesson file: split it from the body and check every field.

Pure functions: they take text and return values or problem lines, so each rule is testable without MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from coursekit.yaml_loading import load_yaml

LEVELS = ("beginner", "intermediate", "advanced")
STATUSES = ("draft", "published")
REQUIRED = ("id", "number", "title", "summary", "tags", "level", "status")
OPTIONAL = ("minutes",)
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n?", re.DOTALL)


@dataclass(frozen=True)
class LessonMeta:
    """The validated front matter of one language version of a lesson."""

    id: str
    number: int
    title: str
    summary: str
    tags: tuple[str, ...]
    level: str
    status: str
    minutes: int | None

    @property
    def published(self) -> bool:
        return self.status == "published"


class FrontMatterError(ValueError):
    """The front matter block itself cannot be read (no block, or not YAML)."""


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return (front matter mapping, body). Raises FrontMatterError with a one-line reason."""
    match = _FENCE.match(text)
    if not match:
        raise FrontMatterError("no front matter: start the file with a '---' line, the fields, and a closing '---'")
    try:
        data = load_yaml(match.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (front matter line {mark.line + 1})" if mark else ""
        raise FrontMatterError(f"front matter is not valid YAML{where}: {getattr(error, 'problem', error)}") from None
    if not isinstance(data, dict):
        raise FrontMatterError("front matter must be a mapping of 'field: value' lines")
    return data, text[match.end():]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _field_problems(meta: dict[str, Any], known_tags: frozenset[str]) -> list[tuple[str, str]]:
    """(field, what is expected) for every field that is wrong; empty when the front matter is right."""
    problems: list[tuple[str, str]] = []
    for field in REQUIRED:
        if field not in meta:
            problems.append((field, "missing: add it (see AUTHORING.md)"))
    for field in sorted(set(meta) - set(REQUIRED) - set(OPTIONAL)):
        problems.append((field, f"unknown field: remove it or use one of {', '.join(REQUIRED + OPTIONAL)}"))

    def check(field: str, ok: bool, expected: str) -> None:
        if field in meta and not ok:
            problems.append((field, f"expected {expected}, got {meta[field]!r}"))

    value = meta.get
    check("id", isinstance(value("id"), str) and bool(ID_PATTERN.match(value("id") or "")),
          "a kebab-case id such as 'first-lesson'")
    check("number", _is_int(value("number")) and value("number") >= 1, "a whole number ≥ 1")
    for text_field in ("title", "summary"):
        raw = value(text_field)
        check(text_field, isinstance(raw, str) and bool(raw.strip()) and "\n" not in raw.strip(),
              "one non-empty line of text")
    check("level", value("level") in LEVELS, " | ".join(LEVELS))
    check("status", value("status") in STATUSES, " | ".join(STATUSES))
    check("minutes", _is_int(value("minutes")) and value("minutes") >= 1, "a whole number of minutes ≥ 1, or no field")
    tags = value("tags")
    if "tags" in meta:
        if not isinstance(tags, list) or not tags or not all(isinstance(tag, str) for tag in tags):
            problems.append(("tags", f"expected a non-empty list of tag ids, got {tags!r}"))
        else:
            for tag in tags:
                if tag not in known_tags:
                    problems.append(("tags", f"unknown tag {tag!r}: use one defined under 'tags:' in course.yml"))
    return problems


def parse_meta(meta: dict[str, Any], *, known_tags: frozenset[str]) -> tuple[LessonMeta | None, list[tuple[str, str]]]:
    """Validate a front matter mapping: (LessonMeta, []) when right, (None, problems) otherwise."""
    problems = _field_problems(meta, known_tags)
    if problems:
        return None, problems
    return LessonMeta(
        id=meta["id"],
        number=meta["number"],
        title=meta["title"].strip(),
        summary=meta["summary"].strip(),
        tags=tuple(meta["tags"]),
        level=meta["level"],
        status=meta["status"],
        minutes=meta.get("minutes"),
    ), []
