"""Achievement icons: SVG files shipped with the theme (Material's .icons sets), found by name such as
material/sprout. Shipping them with the site means every reader sees them, with or without an emoji font."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from markupsafe import Markup

from .config import Achievement, ProgressConfig

_SVG = re.compile(r'<svg\b[^>]*\bviewBox="([^"]+)"[^>]*>(.*)</svg>', re.DOTALL)


def icon_path(name: str, roots: Sequence[Path]) -> Path | None:
    return next((root / f"{name}.svg" for root in roots if (root / f"{name}.svg").is_file()), None)


def check_icons(config: ProgressConfig, roots: Sequence[Path], problems: list[str], *, source: str = "course.yml") -> None:
    for index, achievement in enumerate(config.achievements):
        if icon_path(achievement.icon, roots) is None:
            problems.append(f"{source}: achievements[{index}] ({achievement.id}).icon: no icon named "
                            f"{achievement.icon!r} ships with the theme; pick one from Material's .icons folder, "
                            "e.g. material/sprout")


def icon_sprite(achievements: Sequence[Achievement], roots: Sequence[Path]) -> Markup:
    """A hidden inline SVG with one <symbol id="course-icon-<achievement id>"> per achievement, for <use href>.

    The markup comes from files the theme ships, never from an author's text (course.yml names the icon only).
    """
    symbols = []
    for achievement in achievements:
        path = icon_path(achievement.icon, roots)
        match = _SVG.search(path.read_text(encoding="utf-8")) if path else None
        if match:
            symbols.append(f'<symbol id="course-icon-{achievement.id}" viewBox="{match.group(1)}">'
                           f"{match.group(2)}</symbol>")
    # Not `hidden`: that attribute does not hide an <svg>, which would then take the default 300×150 box.
    return Markup(f'<svg class="course-icon-sprite" aria-hidden="true" focusable="false">{"".join(symbols)}</svg>')
