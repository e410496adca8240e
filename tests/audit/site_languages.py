"""The site's languages, where each lives under the site root, and which pages of a survey belong to one."""

from __future__ import annotations

from coursekit.testing import languages
from course_site import LANGUAGE_ROOTS
from page_survey import PageRecord

LANGUAGES = LANGUAGE_ROOTS  # language -> folder under the site root (from mkdocs.yml)


def language_of(base: str, url: str) -> str:
    return languages.language_of(base, url, LANGUAGES)


def by_language(records: dict[str, PageRecord], lang: str) -> list[PageRecord]:
    chosen = [record for record in records.values() if record.lang == lang]
    assert len(chosen) >= 4, f"only {len(chosen)} {lang} pages were visited"
    return chosen
