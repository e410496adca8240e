"""MkDocs adapter for bilingual editing: the glossary page, avoided-wording warnings and translation freshness.

A thin layer over coursekit.glossary and coursekit.translations (pure Python). Per language build it
- renders glossary.yml as glossary/ under the language root and lists it in the nav (no glossary.yml: no page);
- reports, one line each (file:line, the wording, the preferred term), where a page or the language's UI strings use
  a wording glossary.yml avoids (rule `terms`), where a Korean particle is spaced off, misplaced or of the wrong
  form (`korean_particles`, coursekit.editing.particles), and where a page writes math as plain text outside $…$
  (`plain_math`): each as a warning or a build error, as course.yml's `rules` set it, and not at all by default;
- on a translated page whose source changed since `python -m coursekit.translations record`, shows a notice in
  the page's language linking to the source page, and prints one line per such page (shown by quiet builds, and
  not a warning: a strict build passes).
Listed under `hooks:` in mkdocs.yml after mkdocs_course.py (it extends the nav that hook makes).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from coursekit import content, prose_checks
from coursekit.build import CourseBuild
from coursekit.course.rules import WARN, Rule
from coursekit.editing import particles
from coursekit.glossary.model import Glossary, GlossaryError, load
from coursekit.glossary.render import LessonLink, render_page
from coursekit.glossary.variants import find_variants_in_strings
from coursekit.i18n import strings_file
from coursekit.lessons.rules import Breach
from coursekit.mkdocs.rules import report
from coursekit.page.anatomy import language_root
from coursekit.translations.notice import notice_html
from coursekit.translations.record import CURRENT, Layout, RecordError, states

# Outdated translations are reported outside MkDocs' loggers: `make build` runs with --quiet, which hides MkDocs'
# info lines, and --strict, which fails on its warnings; the site must still publish, and the line must still show.
freshness = logging.getLogger("course.translations")
if not freshness.handlers:  # MkDocs loads hook modules afresh for each language build
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    freshness.addHandler(_handler)
    freshness.setLevel(logging.INFO)
    freshness.propagate = False

GLOSSARY_PAGE = "glossary.md"


class Finding(Protocol):
    """A prose check's finding (an avoided wording, a particle, plain math): it words its own line."""

    def message(self, path: str) -> str: ...


@dataclass
class Editing:
    """What this language build knows about editing, made in on_config."""

    glossary: Glossary | None = None
    stale: set[str] = field(default_factory=set)  # translated pages (src_uri) whose source changed since recorded


def on_config(config: MkDocsConfig, *, build: CourseBuild, glossary_file: Path) -> Editing:
    editing = Editing()
    path = glossary_file
    prose_checks.use_disk_cache(build.cache_dir / "checks", glossary_file)
    if path.is_file():
        lesson_ids = {lesson.meta.id for lesson in build.catalog.lessons}
        try:
            editing.glossary = load(path, build.course.codes, lesson_ids)
        except GlossaryError as error:
            raise PluginError(str(error)) from None
        _add_to_nav(config, build.strings["glossary"]["nav_title"])
        build.generated.add(GLOSSARY_PAGE)
    _check_strings(build, editing.glossary)
    if not build.is_primary:
        layout = Layout(build.repo_root, build.course.codes, build.docs_root.relative_to(build.repo_root).as_posix())
        try:
            page_states = [s for s in states(layout) if s.lang == build.lang and s.state != CURRENT]
        except RecordError as error:
            raise PluginError(str(error)) from None
        for state in page_states:
            freshness.info(state.line(layout))
        editing.stale = {state.page for state in page_states}
    return editing


def _check_strings(build: CourseBuild, glossary: Glossary | None) -> None:
    """The language's UI strings (the generator's or the course's own, and its content's), once per language
    build: avoided wordings and Korean particles."""
    main = strings_file(build.lang, build.repo_root)
    extra = [folder / f"{build.lang}.yml" for folder in content.active().strings_dirs]
    terms, korean = (build.course.rules.rule(name) for name in ("terms", "korean_particles"))
    for path in [p for p in (main, *extra) if p is not None and p.is_file()]:
        text = path.read_text(encoding="utf-8")
        name = _shown(path, build.repo_root)
        report([*_breaches(terms, find_variants_in_strings(text, glossary, build.lang)
                           if glossary and terms.on else [], name),
                *_breaches(korean, particles.scan_strings(text)
                           if build.lang in particles.LANGUAGES and korean.on else [], name)])


def _breaches(rule: Rule, findings: Iterable[Finding], path: str) -> list[Breach]:
    """One line per finding of a prose rule, at the rule's level, naming where course.yml sets it."""
    if not rule.on:
        return []
    return [Breach(rule.level, f"{finding.message(path)} (course.yml {rule.source})") for finding in findings]


def _shown(path: Path, repo_root: Path) -> str:
    """A strings file as an author finds it: relative to the course, or to the folder holding its package."""
    for root in (repo_root, Path(__file__).resolve().parents[2], path.parents[2]):
        if path.is_relative_to(root):
            return path.relative_to(root).as_posix()
    return path.as_posix()


def _add_to_nav(config: MkDocsConfig, title: str) -> None:
    """After the lesson sections, before the site pages (progress, achievements), which are plain file names."""
    nav = list(config.nav or [])
    at = next((i for i, entry in enumerate(nav) if isinstance(entry, str)), len(nav))
    nav.insert(at, {title: GLOSSARY_PAGE})
    config.nav = nav


def on_files(files: Files, *, build: CourseBuild, editing: Editing, config: MkDocsConfig) -> Files:
    if editing.glossary is not None:
        page = render_page(editing.glossary, build.lang, build.strings["glossary"], _lesson_links(build),
                           build.names())
        files.append(File.generated(config, GLOSSARY_PAGE, content=page))
    return files


def _lesson_links(build: CourseBuild) -> dict[str, LessonLink]:
    return {lesson.meta.id: LessonLink(lesson.src_uri, lesson.meta.number, lesson.meta.title)
            for lesson in build.lessons}


def on_page_markdown(markdown: str, *, build: CourseBuild, editing: Editing, page: Page, config: MkDocsConfig,
                     files: Files) -> str:
    if not page.file.abs_src_path:
        return markdown
    lesson = build.lesson_at(page.file.src_uri)
    # A lesson follows its series' rules; other pages (home, glossary, progress) the course-wide ones.
    rules = {name: build.course.rules.rule(name, lesson.series if lesson else None) for name in prose_checks.CHECKS}
    checks = frozenset(name for name, rule in rules.items() if rule.on)
    if not checks:
        return markdown
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")  # the file's own line numbers
    path = f"docs/{build.lang}/{page.file.src_uri}"
    findings = prose_checks.page_findings(source, path=path, lang=build.lang, glossary=editing.glossary,
                                          checks=checks)
    found = [Breach(rules[name].level, f"{line} (course.yml {rules[name].source})")
             for name in prose_checks.CHECKS for line in findings.get(name, [])]
    if lesson is not None and not lesson.meta.published:  # a draft being served: said, but never stops the server
        found = [Breach(WARN, breach.line) for breach in found]
    report(found)
    return markdown


def on_post_build(*, build: CourseBuild) -> None:
    prose_checks.save_disk_cache()


def on_page_content(html: str, *, build: CourseBuild, editing: Editing, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri not in editing.stale:
        return html
    # From this page up to the site root, then down to the same page in the primary language.
    up = "../" * (page.url.count("/") + language_root(build.lang, build.course.primary).count("/"))
    return notice_html(build.strings["translation"], up + page.url, build.course.primary) + html
