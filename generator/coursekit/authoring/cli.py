"""`python -m coursekit.authoring new-lesson SERIES SLUG` and `... new-series ID`: start a lesson in every
language, or a series, as valid drafts. Mistakes are one line on stderr and exit status 2; nothing is half-written."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coursekit.course.config import load_course
from coursekit.course.errors import CourseConfigError
from coursekit.course.mkdocs_file import plugin_settings, read_mkdocs_file
from coursekit.lessons.catalog import read_catalog

from . import scaffold


class AuthoringError(Exception):
    pass


def _course(root: Path):
    mkdocs = read_mkdocs_file(root / "mkdocs.yml")
    return load_course(root, plugin_settings(mkdocs), (mkdocs.get("theme") or {}).get("language"))


def new_lesson(root: Path, series_id: str, slug: str, title: str | None, tag: str | None) -> list[Path]:
    """`tag`: one tag id, or several separated by commas (default: the course's first tag)."""
    course = _course(root)
    series = scaffold.find_series(course, series_id)
    if series is None:
        raise AuthoringError(f"series {series_id!r} is not in course.yml; use one of "
                             f"{', '.join(s.id for s in course.series)}, or create it with new-series")
    if not scaffold.SLUG.match(slug):
        raise AuthoringError(f"slug {slug!r}: use kebab-case such as bayes-rule (it becomes the lesson id and URL)")
    catalog = read_catalog(root / "docs", course)
    if any(lesson.meta.id == slug for lesson in catalog.lessons):
        raise AuthoringError(f"id {slug!r} is already used by a lesson; choose another slug")
    tags = [t.strip() for t in (tag or "").split(",") if t.strip()] or [next(iter(course.tags))]
    unknown = [t for t in tags if t not in course.tags]
    if unknown:
        raise AuthoringError(f"tag {unknown[0]!r} is not defined under tags: in course.yml; use one of "
                             f"{', '.join(course.tags)}")
    in_series = [lesson.meta.number for lesson in catalog.lessons if lesson.series == series_id]
    number = scaffold.next_number(in_series)
    paths = [root / "docs" / lang / series.folder / scaffold.file_name(number, slug) for lang in course.codes]
    taken = [path for path in paths if path.exists()]
    if taken:
        raise AuthoringError(f"{taken[0].relative_to(root)} exists already; nothing was written")
    for lang, path in zip(course.codes, paths):
        path.parent.mkdir(parents=True, exist_ok=True)
        text = scaffold.draft_lesson(course, lang=lang, lesson_id=slug, number=number,
                                     title=title or slug.replace("-", " ").capitalize(), tags=tags)
        path.write_text(text, encoding="utf-8")
    return paths


def new_series(root: Path, series_id: str, folder: str | None, title: str | None) -> list[Path]:
    course = _course(root)
    folder = folder or series_id
    if not scaffold.SLUG.match(series_id):
        raise AuthoringError(f"series id {series_id!r}: use kebab-case such as foundations")
    clash = scaffold.series_exists(course, series_id, folder)
    if clash:
        raise AuthoringError(f"{clash}; choose another")
    titles = {lang: title or series_id.replace("-", " ").capitalize() for lang in course.codes}
    path = root / "course.yml"
    path.write_text(scaffold.insert_series(path.read_text(encoding="utf-8"),
                                           scaffold.series_entry(series_id, folder, titles)), encoding="utf-8")
    folders = [root / "docs" / lang / folder for lang in course.codes]
    for made in folders:
        made.mkdir(parents=True, exist_ok=True)
    return [path, *folders]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.authoring", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."), help="the course's folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    lesson = commands.add_parser("new-lesson", help="a draft lesson in every language, next free number in its series")
    lesson.add_argument("series", help="series id from course.yml, e.g. foundations")
    lesson.add_argument("slug", help="kebab-case; becomes the lesson id and its file name")
    lesson.add_argument("--title", help="the title in every language (translate it afterwards)")
    lesson.add_argument("--tag", help="tag ids from course.yml, separated by commas (default: the first one)")
    series = commands.add_parser("new-series", help="a series in course.yml and its folder in every language")
    series.add_argument("id", help="kebab-case series id")
    series.add_argument("--folder", help="folder under docs/<lang>/ (default: the id)")
    series.add_argument("--title", help="the title in every language (translate it afterwards)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        if args.command == "new-lesson":
            written = new_lesson(root, args.series, args.slug, args.title, args.tag)
        else:
            written = new_series(root, args.id, args.folder, args.title)
    except (AuthoringError, CourseConfigError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path.relative_to(root)}")
    return 0
