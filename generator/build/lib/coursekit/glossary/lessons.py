"""The lessons a glossary entry can point to, read from the lesson files' front matter (for the command line;
the build passes its own lesson list)."""

from __future__ import annotations

from pathlib import Path

import yaml

from coursekit.yaml_loading import load_yaml

from .render import LessonLink


def lesson_links(language_root: Path) -> dict[str, LessonLink]:
    """lesson id -> its page, number and title, for every lesson file in a series folder under `language_root`."""
    links: dict[str, LessonLink] = {}
    for path in sorted(language_root.glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---"):
            continue
        meta = load_yaml(text.split("---", 2)[1]) or {}
        if isinstance(meta, dict) and isinstance(meta.get("id"), str):
            links[meta["id"]] = LessonLink(path.relative_to(language_root).as_posix(), int(meta.get("number", 0)),
                                           str(meta.get("title", meta["id"])))
    return links
