"""The site's languages, where each lives under the site root, and which pages of a survey belong to one."""

from __future__ import annotations

from page_survey import PageRecord

LANGUAGES = {"en": "", "ko": "ko/"}  # language -> folder under the site root


def language_of(base: str, url: str) -> str:
    rest = url[len(base):]
    return next((lang for lang, root in LANGUAGES.items() if root and rest.startswith(root)), "en")


def by_language(records: dict[str, PageRecord], lang: str) -> list[PageRecord]:
    chosen = [record for record in records.values() if record.lang == lang]
    assert len(chosen) >= 4, f"only {len(chosen)} {lang} pages were visited"
    return chosen
