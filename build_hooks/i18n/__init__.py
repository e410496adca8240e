"""UI strings, one YAML file per language beside this module (en.yml, ko.yml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
LANGUAGES = ("en", "ko")


@cache
def load_strings(lang: str) -> dict[str, Any]:
    """All UI strings of one language, as nested mappings (read once per process)."""
    path = HERE / f"{lang}.yml"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no UI strings for language {lang!r}; add the file (copy en.yml's keys)")
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
