"""MkDocs adapter for bilingual editing: the glossary page, avoided-wording warnings and translation freshness.

A thin layer over build_hooks.glossary and build_hooks.translations (pure Python). Per language build it
- renders glossary.yml as glossary/ under the language root and lists it in the nav (no glossary.yml: no page);
- warns, one line each (file:line, the wording, the preferred term), where a page or the language's UI strings use
  a wording glossary.yml avoids, where a Korean particle is spaced off, misplaced or of the wrong form
  (build_hooks.editing.particles), and where a page writes math as plain text outside $…$;
- on a translated page whose source changed since `python -m build_hooks.translations record`, shows a notice in
  the page's language linking to the source page, and prints one line per such page (shown by quiet builds, and
  not a warning: a strict build passes).
Listed under `hooks:` in mkdocs.yml after mkdocs_course.py (it extends the nav that hook makes).
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from build_hooks.course.build import CourseBuild, build_of
from build_hooks.editing import particles
from build_hooks.editing.prose import plain_math
from build_hooks.glossary.model import FILE_NAME as GLOSSARY_FILE
from build_hooks.glossary.model import Glossary, GlossaryError, load
from build_hooks.glossary.render import LessonLink, render_page
from build_hooks.glossary.variants import find_variants, find_variants_in_strings, prose_lines
from build_hooks.i18n import strings_file
from build_hooks.page.anatomy import language_root
from build_hooks.translations.notice import notice_html
from build_hooks.translations.record import CURRENT, Layout, RecordError, states

log = get_plugin_logger("editing")
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
_ATTRIBUTE = "_course_editing"


@dataclass
class _Editing:
    """What this language build knows about editing, made in on_config."""

    glossary: Glossary | None = None
    stale: set[str] = field(default_factory=set)  # translated pages (src_uri) whose source changed since recorded


def _editing(config: MkDocsConfig) -> _Editing:
    return getattr(config, _ATTRIBUTE)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = build_of(config)
    editing = _Editing()
    path = build.repo_root / GLOSSARY_FILE
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
        layout = Layout(build.repo_root, build.course.codes)
        try:
            page_states = [s for s in states(layout) if s.lang == build.lang and s.state != CURRENT]
        except RecordError as error:
            raise PluginError(str(error)) from None
        for state in page_states:
            freshness.info(state.line(layout))
        editing.stale = {state.page for state in page_states}
    setattr(config, _ATTRIBUTE, editing)
    return config


def _check_strings(build: CourseBuild, glossary: Glossary | None) -> None:
    """The language's UI strings, once per language build: avoided wordings and Korean particles."""
    path = strings_file(build.lang, build.repo_root)
    if path is None:
        return
    text = path.read_text(encoding="utf-8")
    root = build.repo_root if path.is_relative_to(build.repo_root) else Path(__file__).resolve().parents[1]
    name = path.relative_to(root).as_posix()
    for use in find_variants_in_strings(text, glossary, build.lang) if glossary else []:
        log.warning(use.message(name))
    for finding in particles.scan_strings(text) if build.lang in particles.LANGUAGES else []:
        log.warning(finding.message(name))


def _add_to_nav(config: MkDocsConfig, title: str) -> None:
    """After the lesson sections, before the site pages (progress, achievements), which are plain file names."""
    nav = list(config.nav or [])
    at = next((i for i, entry in enumerate(nav) if isinstance(entry, str)), len(nav))
    nav.insert(at, {title: GLOSSARY_PAGE})
    config.nav = nav


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build, editing = build_of(config), _editing(config)
    if editing.glossary is not None:
        page = render_page(editing.glossary, build.lang, build.strings["glossary"], _lesson_links(build),
                           build.names())
        files.append(File.generated(config, GLOSSARY_PAGE, content=page))
    return files


def _lesson_links(build: CourseBuild) -> dict[str, LessonLink]:
    return {lesson.meta.id: LessonLink(lesson.src_uri, lesson.meta.number, lesson.meta.title)
            for lesson in build.lessons}


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build, editing = build_of(config), _editing(config)
    if not page.file.abs_src_path:
        return markdown
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")  # the file's own line numbers
    path = f"docs/{build.lang}/{page.file.src_uri}"
    found = [*(find_variants(source, editing.glossary, build.lang) if editing.glossary is not None else []),
             *(particles.scan(source) if build.lang in particles.LANGUAGES else []),
             *plain_math(source, prose_lines(source))]
    for finding in found:
        log.warning(finding.message(path))
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build, editing = build_of(config), _editing(config)
    if page.file.src_uri not in editing.stale:
        return html
    # From this page up to the site root, then down to the same page in the primary language.
    up = "../" * (page.url.count("/") + language_root(build.lang, build.course.primary).count("/"))
    return notice_html(build.strings["translation"], up + page.url, build.course.primary) + html
