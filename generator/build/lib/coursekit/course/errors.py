"""The one error an author's configuration mistake raises: every problem found, one line each."""

from __future__ import annotations

from collections.abc import Iterable


class CourseConfigError(ValueError):
    """A configuration mistake; `problems` holds one line per mistake (file, field, fix)."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("\n".join(self.problems))
