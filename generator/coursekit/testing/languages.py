"""A course's languages as its site lays them out: the primary at the site root, each other under <code>/."""

from __future__ import annotations

from pathlib import Path

from coursekit.course.mkdocs_file import file_languages


def language_roots(course_root: Path) -> dict[str, str]:
    """Language code -> folder under the site root ('' for the primary), in mkdocs.yml's order."""
    codes = [language.code for language in file_languages(course_root / "mkdocs.yml")]
    return {code: "" if index == 0 else f"{code}/" for index, code in enumerate(codes)}


def language_of(base: str, url: str, roots: dict[str, str]) -> str:
    """The language a URL under the site's base belongs to (the primary's, unless it is under another's folder)."""
    rest = url[len(base):]
    return next((lang for lang, root in roots.items() if root and rest.startswith(root)), next(iter(roots)))
