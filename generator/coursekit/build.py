"""What one language build knows: the course configuration, its lessons, its UI strings and the settled progress
rules. Made once per language build by the plugin's on_config and kept on the plugin object, so no step re-reads
course.yml, the strings or the lessons, and no state lives in module globals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from coursekit.i18n import load_strings
from coursekit.page.held import HeldHtml
from coursekit.lessons.catalog import Catalog, Lesson, read_catalog
from coursekit.progress.icons import check_icons
from coursekit.progress.resolve import LessonRef, Resolved, resolve

from coursekit.course.config import CourseConfig, load_course
from coursekit.course.errors import CourseConfigError



@dataclass(frozen=True)
class Paths:
    """Where a course's files are, from the plugin's settings (relative ones from mkdocs.yml's folder)."""

    root: Path  # mkdocs.yml's folder
    docs: Path  # docs/<lang>/ for each language
    course_file: Path
    cache: Path  # figures, MathML and question HTML kept between builds

    @classmethod
    def under(cls, root: Path, *, docs: str = "docs", course_file: str = "course.yml",
              cache: str = "generated") -> "Paths":
        return cls(root, root / docs, root / course_file, root / cache)


@dataclass
class CourseBuild:
    course: CourseConfig
    lang: str
    repo_root: Path
    show_drafts: bool
    catalog: Catalog
    strings: dict[str, Any] = field(repr=False)  # every section of this language's UI strings
    icon_roots: tuple[Path, ...] = ()  # where the theme's icon sets live (achievement icons)
    figures: dict[str, list[Any]] = field(default_factory=dict)  # page src_uri -> its figures (the figures hook's)
    runs: dict[str, Any] = field(default_factory=dict)  # page src_uri -> its run blocks' results (coursekit.runs)
    # Pages a hook generates in every language, with no file under docs/<lang>/ (the glossary): they have a version
    # in each language for the language menu and hreflang.
    generated: set[str] = field(default_factory=set)
    held: HeldHtml = field(default_factory=HeldHtml)  # finished HTML, kept out of the Markdown converter
    paths: Paths | None = None

    @property
    def docs_root(self) -> Path:
        return self.paths.docs if self.paths else self.repo_root / "docs"

    @property
    def cache_dir(self) -> Path:
        return self.paths.cache if self.paths else self.repo_root / "generated"

    @property
    def is_primary(self) -> bool:
        return self.lang == self.course.primary

    @cached_property
    def lessons(self) -> list[Lesson]:
        """This language's lessons shown in this build (drafts only while serving), series by series."""
        return self.catalog.in_language(self.lang, include_drafts=self.show_drafts)

    @cached_property
    def published(self) -> list[Lesson]:
        return self.catalog.in_language(self.lang, include_drafts=False)

    @cached_property
    def series_links(self) -> dict[str, list[tuple[str, int, str]]]:
        """(url, number, title) of each series' lessons in this build, in order: every lesson page shows its
        neighbours, and listing them again for each page would grow a large course's build quadratically."""
        links: dict[str, list[tuple[str, int, str]]] = {}
        for lesson in self.lessons:
            links.setdefault(lesson.series, []).append((lesson.url, lesson.meta.number, lesson.meta.title))
        return links

    @cached_property
    def published_per_series(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for lesson in self.lessons:
            counts[lesson.series] = counts.get(lesson.series, 0) + lesson.meta.published
        return counts

    def lesson_at(self, src_uri: str) -> Lesson | None:
        return self._lessons_by_src_uri.get(src_uri)

    @cached_property
    def _lessons_by_src_uri(self) -> dict[str, Lesson]:
        return {lesson.src_uri: lesson for lesson in self.lessons}

    @cached_property
    def _names(self) -> dict[str, str]:
        return {code: load_strings(code, self.repo_root)["site"]["language_name"] for code in self.course.codes}

    def names(self) -> dict[str, str]:
        """Each language's name for itself, for the language menu (read once per build: every page asks)."""
        return dict(self._names)

    def progress_rules(self, problems: list[str] | None = None) -> Resolved:
        refs = [LessonRef(l.meta.id, l.series, l.meta.number, l.exercise) for l in self.published]
        return resolve(self.course.progress, refs, len(self.course.codes), problems)


def start_build(repo_root: Path, *, extra_course: object, theme_language: object, lang: str,
                show_drafts: bool, icon_roots: Sequence[Path] = (), site: CourseBuild | None = None,
                paths: Paths | None = None) -> CourseBuild:
    """Read and check everything once; raises CourseConfigError with one line per problem.

    `site` is the primary language's build when this one is nested in it (mkdocs_languages.py): the course and
    its lessons (every language's, already checked) are the same for the whole site, so they are not read again.
    `extra_course` holds the plugin's settings (`languages`).
    """
    paths = paths or Paths.under(repo_root)
    if site is not None and site.repo_root == repo_root:
        course, catalog = site.course, site.catalog
    else:
        course = load_course(repo_root, extra_course, theme_language, paths.docs, paths.course_file)
        catalog = None
    if lang not in course.codes:
        raise CourseConfigError([f"docs/{lang}/: not one of the site's languages ({', '.join(course.codes)}); "
                                 "add it to the coursekit plugin's languages in mkdocs.yml"])
    if catalog is None:
        catalog = read_catalog(paths.docs, course)
    if catalog.errors:
        raise CourseConfigError(catalog.errors)
    build = CourseBuild(course, lang, repo_root, show_drafts, catalog, load_strings(lang, repo_root),
                        tuple(icon_roots), paths=paths)
    problems: list[str] = []
    if build.is_primary:  # rules are checked against the primary language's published lessons, once per site
        build.progress_rules(problems)
        check_icons(course.progress, build.icon_roots, problems)
    if problems:
        raise CourseConfigError(problems)
    return build
