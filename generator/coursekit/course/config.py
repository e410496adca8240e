"""One typed course configuration: `course.yml` (identity, series, tags, closing blocks, lesson rules, progress
rules) plus the languages listed in mkdocs.yml. `load_course` is the only function here that reads files.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from coursekit.yaml_loading import load_yaml
from coursekit.i18n import StringsError, check_content_strings, check_strings_file, load_strings, strings_file
from coursekit.progress.config import ProgressConfig, parse_progress_config

from .errors import CourseConfigError
from .identity import Identity, parse_identity
from .languages import Language, read_languages
from .rules import Rules, parse_rules
from coursekit.i18n.translated import translated

FILE_NAME = "course.yml"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FOLDER = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
# Admonition types the site itself gives meaning to: the exercise block holds the "exercise done" control.
EXERCISE_BLOCK = "exercise"


@dataclass(frozen=True)
class Series:
    """A series of lessons: its lessons live in docs/<lang>/<folder>/ and are numbered 1..N within it."""

    id: str
    folder: str
    title: Mapping[str, str]
    summary: Mapping[str, str]


@dataclass(frozen=True)
class CourseConfig:
    name: str  # prefix of every key the site keeps in a reader's browser
    title: Mapping[str, str]
    description: Mapping[str, str]
    languages: tuple[Language, ...]
    series: tuple[Series, ...]
    tags: Mapping[str, Mapping[str, str]]
    closing_blocks: Mapping[str, Mapping[str, str]]  # admonition type -> its title in each language, in order
    progress: ProgressConfig
    rules: Rules = Rules()  # what the build checks on each published lesson (none unless course.yml asks)
    identity: Identity = Identity()  # repository and logo

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    @property
    def primary(self) -> str:
        return self.languages[0].code

    def language(self, code: str) -> Language:
        return next(lang for lang in self.languages if lang.code == code)

    def series_by_id(self, series_id: str) -> Series:
        return next(series for series in self.series if series.id == series_id)


def _course(raw: Mapping[str, Any], codes: tuple[str, ...], problems: list[str]) -> tuple[str, dict, dict, Identity]:
    course = raw.get("course")
    if not isinstance(course, Mapping):
        problems.append(f"{FILE_NAME}: course: missing section; add course.name, course.title and course.description")
        return "", {}, {}, Identity()
    name = course.get("name")
    if not isinstance(name, str) or not _ID.match(name):
        problems.append(f"{FILE_NAME}: course.name: expected a kebab-case name such as intro-to-rust "
                        "(it prefixes the keys kept in readers' browsers)")
        name = ""
    for key in sorted(set(map(str, course)) - {"name", "title", "description", "repository", "logo"}):
        problems.append(f"{FILE_NAME}: course.{key}: unknown key; use name, title, description, repository and logo "
                        "(the lesson count is taken from the published lessons)")
    title = translated(course.get("title"), f"{FILE_NAME}: course.title", codes, problems)
    description = translated(course.get("description"), f"{FILE_NAME}: course.description", codes, problems)
    return name, title, description, parse_identity(course, problems, source=FILE_NAME)


def _series(raw: Mapping[str, Any], codes: tuple[str, ...], problems: list[str]) -> tuple[Series, ...]:
    section = raw.get("series")
    if not isinstance(section, list) or not section:
        problems.append(f"{FILE_NAME}: series: expected a list of series, each with id, folder, title and summary")
        return ()
    found: list[Series] = []
    for index, entry in enumerate(section):
        where = f"{FILE_NAME}: series[{index}]"
        if not isinstance(entry, Mapping):
            problems.append(f"{where}: expected a mapping with id, folder, title and summary")
            continue
        ident, folder = entry.get("id"), entry.get("folder")
        if not isinstance(ident, str) or not _ID.match(ident):
            problems.append(f"{where}.id: expected a kebab-case id such as basics")
            ident = ""
        if not isinstance(folder, str) or not _FOLDER.match(folder):
            problems.append(f"{where}.folder: expected a folder name such as lessons (under docs/<language>/)")
            folder = ""
        for key in sorted(set(map(str, entry)) - {"id", "folder", "title", "summary"}):
            problems.append(f"{where}.{key}: unknown key; use id, folder, title and summary")
        where = f"{FILE_NAME}: series[{index}] ({ident or '?'})"
        found.append(Series(ident, folder, translated(entry.get("title"), f"{where}.title", codes, problems),
                            translated(entry.get("summary"), f"{where}.summary", codes, problems)))
    for key in ("id", "folder"):
        values = [getattr(series, key) for series in found if getattr(series, key)]
        for value in sorted({v for v in values if values.count(v) > 1}):
            problems.append(f"{FILE_NAME}: series: {key} {value!r} is used by more than one series; give each its own")
    return tuple(found)


def _tags(raw: Mapping[str, Any], codes: tuple[str, ...], problems: list[str]) -> dict[str, dict[str, str]]:
    tags = raw.get("tags")
    if not isinstance(tags, Mapping) or not tags:
        problems.append(f"{FILE_NAME}: tags: expected a mapping of tag ids to a label in each language")
        return {}
    return {str(tag): translated(labels, f"{FILE_NAME}: tags.{tag}", codes, problems) for tag, labels in tags.items()}


def _closing_blocks(raw: Mapping[str, Any], codes: tuple[str, ...], problems: list[str]) -> dict[str, dict[str, str]]:
    lessons = raw.get("lessons")
    if lessons is None or (isinstance(lessons, Mapping) and lessons.get("closing_blocks") is None):
        return {}  # optional: lessons need no closing blocks (rules.closing_blocks makes them required)
    blocks = lessons.get("closing_blocks") if isinstance(lessons, Mapping) else None
    if not isinstance(blocks, Mapping):
        problems.append(f"{FILE_NAME}: lessons.closing_blocks: expected a mapping of admonition types to their title "
                        "in each language, e.g. takeaways: {en: Key takeaways, …}")
        return {}
    result = {}
    for block, titles in blocks.items():
        if not isinstance(block, str) or not re.match(r"^[a-z]+$", block):
            problems.append(f"{FILE_NAME}: lessons.closing_blocks.{block}: expected a lowercase admonition type")
            continue
        result[block] = translated(titles, f"{FILE_NAME}: lessons.closing_blocks.{block}", codes, problems)
    return result


def parse_course(raw: object, languages: tuple[Language, ...], problems: list[str], *,
                 default_level_names: Mapping[str, Mapping[str, str]] | None = None) -> CourseConfig | None:
    """Check every section of a parsed course.yml; None (with problem lines) when anything is wrong.
    `default_level_names`: each language's names of the default levels ({lang: {first, top}})."""
    if not isinstance(raw, Mapping):
        problems.append(f"{FILE_NAME}: expected a mapping with course, series and tags (and optionally lessons, "
                        "rules, xp, levels and achievements)")
        return None
    codes = tuple(lang.code for lang in languages)
    name, title, description, identity = _course(raw, codes, problems)
    series = _series(raw, codes, problems)
    tags = _tags(raw, codes, problems)
    blocks = _closing_blocks(raw, codes, problems)
    rules = parse_rules(raw, frozenset(s.id for s in series if s.id), problems, source=FILE_NAME)
    if rules.any_on("closing_blocks") and not blocks:
        problems.append(f"{FILE_NAME}: rules.closing_blocks: lessons.closing_blocks names no block to require; "
                        "declare the blocks there, or turn the rule off")
    progress = parse_progress_config(raw, codes, frozenset(s.id for s in series), problems, source=FILE_NAME,
                                     default_names=default_level_names)
    if problems or progress is None:
        return None
    return CourseConfig(name, title, description, languages, series, tags, blocks, progress, rules, identity)


def load_course(repo_root: Path, extra_course: object, theme_language: object, docs: Path | None = None,
                course_file: Path | None = None) -> CourseConfig:
    """Read course.yml and check it with mkdocs.yml's languages, their docs folders and their strings files.

    Raises CourseConfigError listing every problem, one line each.
    """
    problems: list[str] = []
    docs = docs or repo_root / "docs"
    languages = read_languages(extra_course, theme_language, problems)
    for lang in languages:
        if not (docs / lang.code).is_dir():
            problems.append(f"mkdocs.yml: plugins.coursekit.languages: '{lang.code}' has no docs folder; "
                            f"create docs/{lang.code}/ with the pages in that language")
        path = strings_file(lang.code, repo_root)
        if path is None:
            problems.append(f"mkdocs.yml: plugins.coursekit.languages: '{lang.code}' has no UI strings; add "
                            f"i18n/{lang.code}.yml (copy coursekit/i18n/en.yml and translate every string)")
        else:
            try:
                check_strings_file(path, repo_root)
                check_content_strings(lang.code, repo_root)
            except StringsError as error:
                problems.extend(error.problems)
    path = course_file or repo_root / FILE_NAME
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CourseConfigError([*problems, f"{FILE_NAME}: cannot be read: {error.strerror}"]) from None
    except yaml.YAMLError as error:
        raise CourseConfigError([*problems, f"{FILE_NAME}: not valid YAML: {error}".replace("\n", " ")]) from None
    if problems:  # without valid languages the per-language checks below would only repeat them
        raise CourseConfigError(problems)
    names = {lang.code: load_strings(lang.code, repo_root)["default_levels"] for lang in languages}
    course = parse_course(raw, languages, problems, default_level_names=names)
    if course is None:
        raise CourseConfigError(problems)
    for series in course.series:
        if not any((docs / code / series.folder).is_dir() for code in course.codes):
            problems.append(f"{FILE_NAME}: series ({series.id}).folder: no folder docs/<language>/{series.folder}/; "
                            "create it with the series' lessons, or fix the folder name")
    if problems:
        raise CourseConfigError(problems)
    return course
