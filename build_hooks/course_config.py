"""course.yml: the course's name and tag vocabulary (the progress rules in it are read by build_hooks.progress)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

FILE_NAME = "course.yml"


class CourseConfigError(ValueError):
    """course.yml is missing or malformed; the message is one line per problem."""


def read_course_config(repo_root: Path) -> dict[str, Any]:
    path = repo_root / FILE_NAME
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CourseConfigError(f"{FILE_NAME}: cannot be read: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise CourseConfigError(f"{FILE_NAME}: not valid YAML: {error}".replace("\n", " ")) from None
    if not isinstance(data, dict):
        raise CourseConfigError(f"{FILE_NAME}: expected a mapping with 'course:' and 'tags:' sections")
    return data


def tag_labels(config: dict[str, Any], languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """tag id -> {lang: label}; raises CourseConfigError naming each tag without a label in some language."""
    tags = config.get("tags")
    if not isinstance(tags, dict) or not tags:
        raise CourseConfigError(f"{FILE_NAME}: field 'tags': expected a mapping of tag ids to {{en: …, ko: …}} labels")
    problems = [
        f"{FILE_NAME}: field 'tags.{tag}': expected a label for each of {', '.join(languages)}"
        for tag, labels in tags.items()
        if not isinstance(labels, dict) or any(not isinstance(labels.get(lang), str) for lang in languages)
    ]
    if problems:
        raise CourseConfigError("\n".join(problems))
    return {str(tag): {lang: labels[lang] for lang in languages} for tag, labels in tags.items()}
