"""The navigation of one language build, made from the lessons' front matter (never a hand-kept list)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from build_hooks.lessons.catalog import Lesson

# Site pages other than lessons, in nav order; each is listed only where its file exists in that language.
SITE_PAGES = ("achievements.md", "progress.md")


def nav_title(lesson: Lesson, draft_label: str) -> str:
    title = f"{lesson.meta.number}. {lesson.meta.title}"
    return title if lesson.meta.published else f"{title} ({draft_label})"


def build_nav(lessons: list[Lesson], *, docs_dir: Path, strings: dict[str, Any]) -> list[Any]:
    """MkDocs `nav` config: home, the lessons in number order, then the progress pages."""
    nav: list[Any] = [{strings["home"]: "index.md"}]
    nav.append({strings["lessons"]: [{nav_title(lesson, strings["draft"]): lesson.src_uri} for lesson in lessons]})
    nav.extend(page for page in SITE_PAGES if (docs_dir / page).is_file())
    return nav
