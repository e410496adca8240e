"""The lesson facts the manifest needs, taken from the lead's lesson catalog (build_hooks.lessons.catalog)."""

from __future__ import annotations

from dataclasses import dataclass

from build_hooks.lessons.catalog import Catalog


@dataclass(frozen=True)
class LessonSource:
    """One language version of a lesson, as far as progress tracking needs it."""

    id: str
    number: int
    title: str
    published: bool
    path: str  # page URL relative to the language root, e.g. lessons/02-diffusion-intuition/


def lessons_by_language(catalog: Catalog) -> dict[str, list[LessonSource]]:
    """Every valid lesson of every language (drafts included; the manifest keeps only published ones)."""
    return {
        lang: [
            LessonSource(id=les.meta.id, number=les.meta.number, title=les.meta.title, published=les.meta.published, path=les.url)
            for les in catalog.in_language(lang, include_drafts=True)
        ]
        for lang in catalog.languages
    }
