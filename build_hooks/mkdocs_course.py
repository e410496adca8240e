"""MkDocs adapter for the course: lessons as data, drafts, languages and page anatomy.

A thin layer: every decision lives in build_hooks.lessons, build_hooks.page and build_hooks.i18n, so another engine
can reuse them by replacing this file. Listed under `hooks:` in mkdocs.yml.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from build_hooks.course_config import CourseConfigError, read_course_config, tag_labels
from build_hooks.i18n import load_strings
from build_hooks.lessons.catalog import Catalog, Lesson, read_catalog
from build_hooks.lessons.nav import build_nav
from build_hooks.page.anatomy import add_exercise_slot, language_root, relative_url, report_issue_url
from build_hooks.page.mathml import MathError, render_math
from build_hooks.page.scripts import defer_scripts

log = get_plugin_logger("course")


@dataclass
class _Build:
    """What one build (one language) knows after on_config."""

    command: str = "build"
    lang: str = "en"
    primary: str = "en"
    languages: tuple[str, ...] = ("en",)
    docs_root: Path = Path("docs")
    catalog: Catalog | None = None
    lessons: list[Lesson] = field(default_factory=list)
    tags: dict[str, dict[str, str]] = field(default_factory=dict)
    strings: dict[str, Any] = field(default_factory=dict)
    show_drafts: bool = False


_build = _Build()


def on_startup(*, command: str, dirty: bool) -> None:
    _build.command = command


def _course_settings(config: MkDocsConfig) -> tuple[str, tuple[str, ...]]:
    settings = config.extra.get("course") or {}
    languages = tuple(settings.get("languages") or ("en",))
    return languages[0], languages


def language_site_url(site_url: str, lang: str, primary: str) -> str:
    """The Korean build lives under <site_url>/ko/: its canonical and hreflang URLs must say so."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + language_root(lang, primary)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang = config.theme["language"]
    primary, languages = _course_settings(config)
    docs_root = Path(config.docs_dir).parent  # docs/, holding one folder per language
    try:
        tags = tag_labels(read_course_config(docs_root.parent), languages)
    except CourseConfigError as error:
        raise PluginError(str(error)) from None
    catalog = read_catalog(docs_root, languages, frozenset(tags), primary=primary)
    if catalog.errors:
        raise PluginError("\n".join(catalog.errors))
    if lang == primary:  # said once, by the first build, not once per language
        for warning in catalog.warnings:
            log.warning(warning)
    _build.lang, _build.primary, _build.languages, _build.docs_root = lang, primary, languages, docs_root
    _build.catalog, _build.tags = catalog, tags
    _build.strings = load_strings(lang)["site"]
    _build.show_drafts = _build.command == "serve"
    _build.lessons = catalog.in_language(lang, include_drafts=_build.show_drafts)
    config.nav = build_nav(_build.lessons, docs_dir=Path(config.docs_dir), strings=_build.strings)
    if config.site_url:
        config.site_url = language_site_url(config.site_url, lang, primary)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Production builds leave drafts out entirely: no page, so no nav entry, search entry or sitemap line."""
    assert _build.catalog is not None
    for lesson in _build.catalog.in_language(_build.lang, include_drafts=True):
        if not lesson.meta.published and not _build.show_drafts:
            file = files.get_file_from_path(lesson.src_uri)
            if file is not None:
                files.remove(file)
    return files


def _lesson_of(page: Page) -> Lesson | None:
    return next((lesson for lesson in _build.lessons if lesson.src_uri == page.file.src_uri), None)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lesson = _lesson_of(page)
    if lesson is not None:
        page.meta["description"] = lesson.meta.summary  # Material's <meta name="description">
        # Material reads `status` as its own page-status badge (new/deprecated) in the nav; ours lives in the catalog.
        page.meta.pop("status", None)
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        html = render_math(html)
    except MathError as error:
        raise PluginError(f"{_shown_path(page)}: math: {error}") from None
    return add_exercise_slot(html) if _lesson_of(page) else html


def _shown_path(page: Page) -> str:
    return (_build.docs_root.name + "/" + _build.lang + "/" + page.file.src_uri) if page.file else "?"


def _alternates(src_uri: str | None, url: str, *, base: str) -> list[dict[str, str]]:
    """Links to this page in every language (or to that language's home where the page has no version there).

    `base` is '' for pages that link relatively, or the site's absolute path for the 404 page.
    """
    here = language_root(_build.lang, _build.primary) + url
    links = []
    for lang in _build.languages:
        exists = src_uri is not None and (_build.docs_root / lang / src_uri).is_file()
        target = language_root(lang, _build.primary) + (url if exists else "")
        href = base + target if base else relative_url(here, target)
        links.append({"lang": lang, "name": load_strings(lang)["site"]["language_name"], "href": href,
                      "target": target, "current": lang == _build.lang})
    return links


def _site_root_url(config: MkDocsConfig) -> str:
    """Absolute URL of the primary language's root, from site_url."""
    base = config.site_url or ""
    suffix = language_root(_build.lang, _build.primary)
    return base[: -len(suffix)] if suffix and base.endswith(suffix) else base


def _labels(lesson: Lesson) -> dict[str, Any]:
    """What the header and the home list show of a lesson, in this build's language."""
    return {
        "number": lesson.meta.number,
        "title": lesson.meta.title,
        "summary": lesson.meta.summary,
        "draft": not lesson.meta.published,
        "minutes": _build.strings["minutes"].format(minutes=lesson.minutes),
        "tags": [_build.tags[tag][_build.lang] for tag in lesson.meta.tags],
        "level": _build.strings["levels"][lesson.meta.level],
    }


def _lesson_context(lesson: Lesson, page: Page, config: MkDocsConfig) -> dict[str, Any]:
    strings = _build.strings
    published = [l for l in _build.lessons if l.meta.published]
    position = [l.src_uri for l in _build.lessons].index(lesson.src_uri)
    neighbours = {
        "previous": _build.lessons[position - 1] if position > 0 else None,
        "next": _build.lessons[position + 1] if position + 1 < len(_build.lessons) else None,
    }
    page_url = (config.site_url or "") + page.url
    report = report_issue_url(
        config.repo_url or "",
        title=f"[{lesson.meta.id}] {lesson.meta.title}",
        body=strings["report_body"].format(id=lesson.meta.id, title=lesson.meta.title, lang=_build.lang, url=page_url),
    ) if config.repo_url else None
    return {
        **_labels(lesson),
        "id": lesson.meta.id,
        "position": strings["lesson_of"].format(number=lesson.meta.number, total=len(published)),
        "report_url": report,
        "pager": {
            key: {"href": relative_url(page.url, other.url), "title": f"{other.meta.number}. {other.meta.title}"}
            for key, other in neighbours.items() if other is not None
        },
    }


def _home_rows(page: Page) -> list[dict[str, Any]]:
    return [{**_labels(lesson), "href": relative_url(page.url, lesson.url)} for lesson in _build.lessons]


def _page_course(page: Page | None, config: MkDocsConfig, *, url: str, src_uri: str | None, absolute: bool) -> dict[str, Any]:
    lesson = _lesson_of(page) if page is not None else None
    root_path = urlsplit(_site_root_url(config)).path or "/"
    alternates = _alternates(src_uri, url, base=root_path if absolute else "")
    site_root = _site_root_url(config)
    return {
        "lang": _build.lang,
        "strings": _build.strings,
        "lesson": _lesson_context(lesson, page, config) if lesson and page else None,
        "alternates": alternates,
        "hreflang": [{"lang": alt["lang"], "href": site_root + alt["target"]} for alt in alternates] if site_root else [],
        "x_default": site_root + alternates[0]["target"] if site_root else None,
        "home_rows": _home_rows(page) if page is not None and page.meta.get("course_page") == "home" else [],
    }


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    context["course"] = _page_course(page, config, url=page.url, src_uri=page.file.src_uri, absolute=False)
    return context


def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """Static templates (the 404 page) are served from any depth, so their links are absolute paths."""
    context["course"] = _page_course(None, config, url="", src_uri=None, absolute=True)
    return context


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["course_json"] = lambda value: json.dumps(value, ensure_ascii=False).replace("</", "<\\/")
    env.filters["course_defer"] = lambda markup: Markup(defer_scripts(str(markup)))
    return env
