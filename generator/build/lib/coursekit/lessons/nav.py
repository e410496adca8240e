"""The navigation of one language build, made from the lessons' front matter (never a hand-kept list)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from coursekit.lessons.catalog import Lesson

# Site pages other than lessons, in nav order; each is listed only where its file exists in that language.
SITE_PAGES = ("review.md", "achievements.md", "progress.md")


def nav_title(lesson: Lesson, draft_label: str) -> str:
    title = f"{lesson.meta.number}. {lesson.meta.title}"
    return title if lesson.meta.published else f"{title} ({draft_label})"


def build_nav(lessons: Sequence[Lesson], *, series_titles: Mapping[str, str], docs_dir: Path,
              strings: Mapping[str, Any]) -> list[Any]:
    """MkDocs `nav` config: home, one section per series (in the course's order) with its lessons by number,
    then the site pages. A series with no lesson in this build has no section."""
    nav: list[Any] = [{strings["home"]: "index.md"}]
    for series_id, title in series_titles.items():
        entries = [{nav_title(lesson, strings["draft"]): lesson.src_uri} for lesson in lessons
                   if lesson.series == series_id]
        if entries:
            nav.append({title: entries})
    nav.extend(page for page in SITE_PAGES if (docs_dir / page).is_file())
    return nav
