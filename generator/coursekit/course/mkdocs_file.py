"""mkdocs.yml read without MkDocs, for the tools and tests that run outside a build and need the site's languages.

MkDocs' own tags (!ENV, !relative, python/name) are read as plain values: none of them bears on the language list,
and resolving python/name would import the theme. INHERIT is followed and merged as MkDocs merges it (mappings
key by key, the inheriting file winning), so a fixture course that inherits this repository's config reads the
same languages as its build does.
"""

from __future__ import annotations

from collections.abc import Mapping
import sys
from pathlib import Path
from typing import Any

import yaml

from .errors import CourseConfigError
from .languages import SOURCE, Language, read_languages

# A chain of INHERITs longer than this is a loop, not a layout anyone writes.
_MAX_INHERIT = 8
# What a build sees as theme.language when mkdocs.yml leaves it out: Material's own default.
_THEME_LANGUAGE = "en"


class _Loader(yaml.SafeLoader):
    """Safe loading that reads MkDocs' tags as the plain values under them."""


def _plain(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_Loader.add_multi_constructor("!", _plain)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _plain)


def read_mkdocs_file(path: Path) -> dict[str, Any]:
    """The settings of one mkdocs.yml with its INHERIT chain merged in; CourseConfigError (one line) if unreadable."""
    return _read(path, depth=0)


def file_languages(path: Path) -> tuple[Language, ...]:
    """The languages a mkdocs.yml lists under the coursekit plugin, checked as the build checks them (primary
    first). Raises CourseConfigError with one line per problem."""
    settings = read_mkdocs_file(path)
    course = plugin_settings(settings)
    theme = settings.get("theme")
    theme_language = theme.get("language", _THEME_LANGUAGE) if isinstance(theme, Mapping) else _THEME_LANGUAGE
    problems: list[str] = []
    languages = read_languages(course, theme_language, problems)
    if problems:
        raise CourseConfigError(problems)
    return languages


def plugin_settings(settings: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The `coursekit:` entry of a mkdocs.yml's `plugins:` list (a bare `- coursekit` has no settings)."""
    for entry in settings.get("plugins") or []:
        if entry == "coursekit":
            return {}
        if isinstance(entry, Mapping) and "coursekit" in entry:
            return entry["coursekit"] or {}
    return None


def content_modules(repo: Path) -> list[str]:
    """The content modules a course's mkdocs.yml names for the plugin (none without a mkdocs.yml); the course's
    folder goes on sys.path, where the plugin finds a module beside mkdocs.yml too."""
    if not (repo / "mkdocs.yml").is_file():
        return []
    if str(repo) not in sys.path:
        sys.path.insert(0, str(repo))
    return list((plugin_settings(read_mkdocs_file(repo / "mkdocs.yml")) or {}).get("content") or [])


def docs_root(repo: Path) -> Path:
    """Where a course's docs/<lang>/ folders are: the plugin's docs_root in its mkdocs.yml, docs/ by default."""
    settings = plugin_settings(read_mkdocs_file(repo / "mkdocs.yml")) or {}
    return repo / str(settings.get("docs_root") or "docs")


def _read(path: Path, depth: int) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (a safe loader)
    except OSError as error:
        raise CourseConfigError([f"{SOURCE}: cannot be read: {path}: {error.strerror}"]) from None
    except yaml.YAMLError as error:
        raise CourseConfigError([f"{SOURCE}: not valid YAML: {error}".replace("\n", " ")]) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CourseConfigError([f"{SOURCE}: expected a mapping of settings such as site_name and theme"])
    parent = data.pop("INHERIT", None)
    if parent is None:
        return data
    if not isinstance(parent, str) or depth >= _MAX_INHERIT:
        raise CourseConfigError([f"{SOURCE}: INHERIT: expected the path of another config file (and no loop of "
                                 f"them), got {parent!r}"])
    return _merged(_read(path.parent / parent, depth + 1), data)


def _merged(parent: dict[str, Any], child: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(parent)
    for key, value in child.items():
        below = merged.get(key)
        merged[key] = _merged(below, value) if isinstance(below, dict) and isinstance(value, Mapping) else value
    return merged
