"""MkDocs adapter for course.yml's lesson rules: every published lesson of every language is checked once per site
(in the primary language's build); a `fail` stops the build with one line per broken rule, a `warn` is a warning
(which `mkdocs build --strict` turns into a failure, like every warning).
"""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from coursekit.build import CourseBuild
from coursekit.course.rules import FAIL, WARN
from coursekit.lessons.rules import Breach, check_lessons

log = get_plugin_logger("rules")


def report(breaches: Iterable[Breach]) -> None:
    """Warn for each `warn`, then stop the build with every `fail` (one line each)."""
    failures = []
    for breach in breaches:
        if breach.level == WARN:
            log.warning(breach.line)
        elif breach.level == FAIL:
            failures.append(breach.line)
    if failures:
        raise PluginError("\n".join(failures))


def on_config(*, build: CourseBuild) -> None:
    if build.is_primary:  # the lessons of every language, once per site
        report(check_lessons(build.catalog.lessons, build.course.rules, build.course.closing_blocks))
