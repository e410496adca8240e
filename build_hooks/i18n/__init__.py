"""UI strings, one YAML file per language beside this module (en.yml, ko.yml)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
LANGUAGES = ("en", "ko")


def load_strings(lang: str) -> dict[str, Any]:
    """All UI strings of one language, as nested mappings.

    Read again only when the file changes: `mkdocs serve` keeps this module loaded across rebuilds, and an author
    editing a string expects to see it, while every page of a build asks for the strings several times.
    """
    path = HERE / f"{lang}.yml"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no UI strings for language {lang!r}; add the file (copy en.yml's keys)")
    return _parse(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _parse(path: Path, mtime_ns: int) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of sections")
    return data


def key_paths(data: Any, prefix: str = "") -> set[str]:
    """Every dotted key path of a nested mapping, to compare languages."""
    if not isinstance(data, dict):
        return {prefix}
    paths: set[str] = set()
    for key, value in data.items():
        paths |= key_paths(value, f"{prefix}.{key}" if prefix else str(key))
    return paths
