"""UI strings: one YAML file per language.

The generator ships files for the languages it knows (en.yml and ko.yml beside this module). A course adds a
language, or rewords one, with `i18n/<lang>.yml` at its own root, which is used instead of the shipped file. Every
file must define every key of the shipped English file (`REFERENCE`), so no page ever shows a missing string.
A course's content modules may add strings of their own (a figure kind's captions): each has a folder of <lang>.yml
files that is merged into every language's strings, and checked the same way against its own English file.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from coursekit import content
from coursekit.yaml_loading import load_yaml

from . import plural

HERE = Path(__file__).parent
REFERENCE = HERE / "en.yml"
COURSE_FOLDER = "i18n"

class StringsError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(problems))


def shipped_languages() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in HERE.glob("*.yml")))


def strings_file(lang: str, course_root: Path | None = None) -> Path | None:
    """The course's own file for `lang` when it has one, else the shipped one, else None."""
    candidates = ([course_root / COURSE_FOLDER / f"{lang}.yml"] if course_root else []) + [HERE / f"{lang}.yml"]
    return next((path for path in candidates if path.is_file()), None)


def load_strings(lang: str, course_root: Path | None = None) -> dict[str, Any]:
    """All UI strings of one language, as nested mappings.

    Read again only when the file changes: `mkdocs serve` keeps this module loaded across rebuilds, and an author
    editing a string expects to see it.
    """
    path = strings_file(lang, course_root)
    if path is None:
        raise StringsError([f"{COURSE_FOLDER}/{lang}.yml: no UI strings for language {lang!r}; add the file "
                            "(copy coursekit/i18n/en.yml and translate every string)"])
    merged = _parse(path, path.stat().st_mtime_ns)
    for folder in content.active().strings_dirs:
        extra = folder / f"{lang}.yml"
        if extra.is_file():
            merged = _merge(merged, _parse(extra, extra.stat().st_mtime_ns))
    return merged


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


@lru_cache(maxsize=16)
def _parse(path: Path, mtime_ns: int) -> dict[str, Any]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise StringsError([f"{path.as_posix()}: cannot be read as YAML: {error}".replace("\n", " ")]) from None
    if not isinstance(data, dict):
        raise StringsError([f"{path.as_posix()}: expected a mapping of sections (site, figures, progress)"])
    return data


def key_paths(data: Any, prefix: str = "") -> set[str]:
    """Every dotted key path of a nested mapping, to compare languages. Plural forms are one key: a language
    may have other forms than English, or one plain text."""
    if not isinstance(data, dict) or plural.is_plural(data) or plural.is_counted(prefix):
        return {prefix}
    paths: set[str] = set()
    for key, value in data.items():
        paths |= key_paths(value, f"{prefix}.{key}" if prefix else str(key))
    return paths


def _leaves(data: Any, prefix: str = ""):
    """(dotted path, text) of every string, each plural form on its own ('progress.change_days.one')."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, f"{prefix}.{key}" if prefix else str(key))
    else:
        yield prefix, data


def check_strings_file(path: Path, course_root: Path | None = None) -> None:
    """Raise StringsError naming every key the file lacks or leaves empty (the reference is the shipped English)."""
    shown = path.relative_to(course_root).as_posix() if course_root and path.is_relative_to(course_root) else (
        f"coursekit/i18n/{path.name}" if path.parent == HERE else path.as_posix())
    data = _parse(path, path.stat().st_mtime_ns)
    required = key_paths(_parse(REFERENCE, REFERENCE.stat().st_mtime_ns))
    problems = [f"{shown}: {key}: missing; add it (coursekit/i18n/en.yml has every key)"
                for key in sorted(required - key_paths(data))]
    problems += [f"{shown}: {key}: empty; write the text" for key, value in _leaves(data)
                 if value is None or (isinstance(value, str) and not value.strip())]
    problems += [f"{shown}: {line}" for section, table in data.items() if isinstance(table, dict)
                 for key, value in table.items()
                 if isinstance(value, dict) and (plural.is_plural(value) or plural.is_counted(f"{section}.{key}"))
                 for line in plural.problems(str(section), str(key), value)]
    if problems:
        raise StringsError(problems)


def check_content_strings(lang: str, course_root: Path | None = None) -> None:
    """Every content strings folder has a file for `lang` with every key of its own English file."""
    problems: list[str] = []
    for folder in content.active().strings_dirs:
        reference, path = folder / "en.yml", folder / f"{lang}.yml"
        shown = path.relative_to(course_root).as_posix() if course_root and path.is_relative_to(course_root) else (
            path.as_posix())
        if not path.is_file():
            problems.append(f"{shown}: missing; add the content's UI strings in {lang} (translate {reference.name})")
            continue
        data = _parse(path, path.stat().st_mtime_ns)
        required = key_paths(_parse(reference, reference.stat().st_mtime_ns)) if reference.is_file() else set()
        problems += [f"{shown}: {key}: missing; add it ({reference.name} beside it has every key)"
                     for key in sorted(required - key_paths(data))]
        problems += [f"{shown}: {key}: empty; write the text" for key, value in _leaves(data)
                     if value is None or (isinstance(value, str) and not value.strip())]
    if problems:
        raise StringsError(problems)
