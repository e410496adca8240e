"""The course's languages, read from `extra.course.languages` in mkdocs.yml: the first is the primary language.

Tools outside the MkDocs build (the translation record, the glossary checks) need the list too, so it is read here
from the file rather than from a MkDocs config object.
"""

from __future__ import annotations

from pathlib import Path

import yaml

CONFIG_NAME = "mkdocs.yml"


class LanguagesError(ValueError):
    """mkdocs.yml does not say which languages the course has."""


class _Loader(yaml.SafeLoader):
    """Safe loading that reads MkDocs' tags (!ENV, !relative, python/name) as plain values."""


def _plain(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_Loader.add_multi_constructor("!", _plain)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _plain)


def course_languages(repo_root: Path) -> tuple[str, ...]:
    """('en', 'ko') for this course: the primary language first."""
    return _languages(repo_root / CONFIG_NAME, depth=0)


def _languages(path: Path, depth: int) -> tuple[str, ...]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (a safe loader)
    except (OSError, yaml.YAMLError) as error:
        raise LanguagesError(f"{CONFIG_NAME}: cannot be read: {error}".replace("\n", " ")) from None
    data = data if isinstance(data, dict) else {}
    languages = ((data.get("extra") or {}).get("course") or {}).get("languages")
    if languages is None and isinstance(data.get("INHERIT"), str) and depth < 5:
        return _languages(path.parent / data["INHERIT"], depth + 1)  # a config that inherits the list
    # An entry is a code, or a mapping with `code:` and the build's settings (build_hooks/course/languages.py).
    codes = [entry.get("code") if isinstance(entry, dict) else entry for entry in languages or []]
    if not codes or not all(isinstance(code, str) and code for code in codes):
        raise LanguagesError(f"{CONFIG_NAME}: field 'extra.course.languages': expected a list of language codes, "
                             "the primary language first, e.g. [en, ko]")
    return tuple(codes)
