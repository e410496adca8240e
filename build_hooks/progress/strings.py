"""The `progress:` section of build_hooks/i18n/<lang>.yml: load it and check both languages define the same keys."""

from __future__ import annotations

from collections.abc import Mapping

from .config import LANGS, ProgressConfigError


def check_strings(sections: Mapping[str, object]) -> dict[str, dict[str, str]]:
    """Validate every language's `progress:` mapping; raise ProgressConfigError with one line per problem."""
    problems: list[str] = []
    result: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        section = sections.get(lang)
        where = f"build_hooks/i18n/{lang}.yml: progress"
        if not isinstance(section, Mapping):
            problems.append(f"{where}: missing section; add the progress strings for {lang}")
            continue
        result[lang] = {}
        for key, value in section.items():
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{where}.{key}: expected a non-empty string")
            else:
                result[lang][str(key)] = value
    all_keys = set().union(*(set(s) for s in result.values())) if result else set()
    for lang, strings in result.items():
        for key in sorted(all_keys - set(strings)):
            problems.append(f"build_hooks/i18n/{lang}.yml: progress.{key}: missing; every string must exist in both languages")
    if problems:
        raise ProgressConfigError(problems)
    return result
