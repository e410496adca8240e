"""MkDocs adapter for the course's pages: nav, drafts, math, and what a page shows around the author's text.

A thin layer: the build state comes from coursekit.build (made by mkdocs_languages.py), and every
decision lives in coursekit.lessons and coursekit.page.views, so another engine can reuse them by replacing
this file. Listed under `hooks:` in mkdocs.yml, after mkdocs_languages.py.
"""

from __future__ import annotations

import json
from dataclasses import asdict
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

from coursekit.build import CourseBuild
from coursekit.i18n.plural import choose
from coursekit.lessons.catalog import Lesson
from coursekit.lessons.headings import title_headings
from coursekit.lessons.nav import build_nav
from coursekit.page import views
from coursekit.page.alerts import KINDS as ALERT_KINDS, convert_alerts
from coursekit.page.anatomy import add_exercise_slot, language_root
from coursekit.page.mathml import MathError, expand_math, pending_math, save_disk_cache, use_disk_cache
from coursekit.page.scripts import defer_scripts
from coursekit.page.summary import SummaryMathError, summary_html, summary_plain
from coursekit.questions import html as question_html
from coursekit.questions.page import replace_blocks, review_bank

log = get_plugin_logger("pages")


def on_config(config: MkDocsConfig, *, build: CourseBuild) -> MkDocsConfig:
    use_disk_cache(build.cache_dir / "mathml")  # beside the figures
    question_html.use_disk_cache(build.cache_dir / "questions")
    titles = {series.id: series.title[build.lang] for series in build.course.series}
    config.nav = build_nav(build.lessons, series_titles=titles, docs_dir=Path(config.docs_dir),
                           strings=build.strings["site"])
    return config


def on_files(files: Files, *, build: CourseBuild, config: MkDocsConfig) -> Files:
    """Production builds leave drafts out entirely: no page, so no nav entry, search entry or sitemap line."""
    if not build.show_drafts:
        for lesson in build.catalog.in_language(build.lang, include_drafts=True):
            file = files.get_file_from_path(lesson.src_uri) if not lesson.meta.published else None
            if file is not None:
                files.remove(file)
    return files


def on_page_markdown(markdown: str, *, build: CourseBuild, page: Page, config: MkDocsConfig, files: Files) -> str:
    lesson = build.lesson_at(page.file.src_uri)
    strings = build.strings["site"]
    markdown = _bring_in(markdown, build=build, page=page, lesson=lesson is not None)
    if lesson is not None:
        try:  # Material's <meta name="description">: the summary's math as plain text
            page.meta["description"] = summary_plain(lesson.meta.summary)
        except SummaryMathError as error:
            raise PluginError(f"docs/{build.lang}/{page.file.src_uri}: field 'summary': {error}") from None
        # Material reads `status` as its own page-status badge (new/deprecated) in the nav; ours lives in the catalog.
        page.meta.pop("status", None)
        if lesson.questions:
            versions = dict(build.catalog.question_versions(lesson, build.course.primary))
            markdown = replace_blocks(markdown, lesson.questions, versions, lesson_id=lesson.meta.id, strings=strings,
                                      hold=build.held.hold, hold_late=lambda html: _hold_late(build, page, html))
    elif page.meta.get("course_page") == "review":
        try:
            bank = pending_math(_review_bank(build))
        except MathError as error:
            raise PluginError(f"docs/{build.lang}/{page.file.src_uri}: math: {error}") from None
        markdown += f"\n\n{build.held.hold(bank, after_search=True)}\n"  # not indexed: found on each lesson
    return markdown


def _hold_late(build: CourseBuild, page: Page, html: str) -> str:
    """A placeholder for HTML that goes in after search has read the page, its formulas ready like the page's."""
    try:
        return build.held.hold(pending_math(html), after_search=True)
    except MathError as error:
        raise PluginError(f"docs/{build.lang}/{page.file.src_uri}: math: {error}") from None


def _bring_in(markdown: str, *, build: CourseBuild, page: Page, lesson: bool) -> str:
    """Markdown written for GitHub: alerts become admonitions; an unknown alert type, or a lesson's own `# Title`,
    is one warning line naming the file and line."""
    titles = {kind: build.strings["site"]["alerts"][kind] for kind in ALERT_KINDS}
    converted, unknown = convert_alerts(markdown, titles)
    found = [*unknown, *(title_headings(markdown) if lesson else [])]
    if found:
        path, first = f"docs/{build.lang}/{page.file.src_uri}", _body_start(page, markdown)
        for finding in sorted(found, key=lambda f: f.line):
            log.warning(finding.message(path, first))
    return converted


def _body_start(page: Page, markdown: str) -> int:
    """The file line the Markdown's first line is on: MkDocs hands over the body without its front matter."""
    try:
        source = page.file.content_string
    except (OSError, TypeError):
        return 1
    return source.count("\n", 0, len(source) - len(markdown)) + 1 if source.endswith(markdown) else 1


def _review_bank(build: CourseBuild) -> str:
    strings = build.strings["site"]
    return review_bank([(l.meta.id, strings["question_origin"].format(number=l.meta.number, title=l.meta.title),
                         l.questions, dict(build.catalog.question_versions(l, build.course.primary)))
                        for l in build.lessons if l.questions], strings)


def on_page_content(html: str, *, build: CourseBuild, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = build.held.release(html)  # the figures' and questions' HTML, kept out of the Markdown converter
    try:
        html = pending_math(html)  # MathML goes in on_post_page, after the search plugin read the page
    except MathError as error:
        raise PluginError(f"docs/{build.lang}/{page.file.src_uri}: math: {error}") from None
    return add_exercise_slot(html) if build.lesson_at(page.file.src_uri) else html


def on_post_page(output: str, *, build: CourseBuild, page: Page, config: MkDocsConfig) -> str:
    return expand_math(build.held.release_after_search(output))


def on_post_build(*, build: CourseBuild, config: MkDocsConfig) -> None:
    save_disk_cache()
    question_html.save_disk_cache()


def _labels(build: CourseBuild, lesson: Lesson) -> dict[str, Any]:
    """What the header and the home list show of a lesson, in this build's language."""
    strings = build.strings["site"]
    return {
        "number": lesson.meta.number,
        "title": lesson.meta.title,
        "summary": summary_html(lesson.meta.summary),  # its $…$ as MathML
        "url": lesson.url,
        "draft": not lesson.meta.published,
        "minutes": choose(strings["minutes"], lesson.minutes, build.lang).format(minutes=lesson.minutes),
        "tags": [build.course.tags[tag][build.lang] for tag in lesson.meta.tags],
        "level": strings["levels"][lesson.meta.level],
        "id": lesson.meta.id,
        "questions": len(lesson.questions),
    }


def _lesson_context(build: CourseBuild, lesson: Lesson, page: Page, config: MkDocsConfig) -> dict[str, Any]:
    strings = build.strings["site"]
    series = build.course.series_by_id(lesson.series)
    return {
        **_labels(build, lesson),
        "id": lesson.meta.id,
        "series": {"id": series.id, "title": series.title[build.lang]},
        "position": views.position(strings["lesson_of"], lesson.meta.number,
                                   build.published_per_series.get(lesson.series, 0)),
        "report_url": views.report_link(config.repo_url or "", lesson_id=lesson.meta.id, title=lesson.meta.title,
                                        lang=build.lang, page_url=(config.site_url or "") + page.url,
                                        body_template=strings["report_body"]),
        "pager": {key: asdict(link) for key, link in
                  views.pager(build.series_links.get(lesson.series, []), lesson.url).items()},
    }


def _site_root_url(build: CourseBuild, config: MkDocsConfig) -> str:
    """Absolute URL of the primary language's root, from site_url."""
    base = config.site_url or ""
    suffix = language_root(build.lang, build.course.primary)
    return base[: -len(suffix)] if suffix and base.endswith(suffix) else base


def _page_course(build: CourseBuild, page: Page | None, config: MkDocsConfig, *, absolute: bool) -> dict[str, Any]:
    url, src_uri = (page.url, page.file.src_uri) if page is not None else ("", None)
    lesson = build.lesson_at(src_uri) if src_uri else None
    site_root = _site_root_url(build, config)
    links = views.alternates(
        here=build.lang, url=url, languages=build.course.codes, primary=build.course.primary, names=build.names(),
        exists_in=lambda lang: src_uri is not None and (src_uri in build.generated
                                                        or (build.docs_root / lang / src_uri).is_file()),
        base=(urlsplit(site_root).path or "/") if absolute else "")
    home = page is not None and page.meta.get("course_page") == "home"
    series = [(s.id, s.title[build.lang], summary_html(s.summary[build.lang])) for s in build.course.series]
    return {
        "lang": build.lang,
        "strings": build.strings["site"],
        "lesson": _lesson_context(build, lesson, page, config) if lesson and page else None,
        "alternates": [asdict(link) for link in links],
        "hreflang": views.hreflang(links, site_root),
        "home_series": [asdict(group) for group in views.home_series(
            series, [(l.series, _labels(build, l)) for l in build.lessons], url)] if home else [],
    }


def on_page_context(context: dict[str, Any], *, build: CourseBuild, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    context["course"] = _page_course(build, page, config, absolute=False)
    return context


def on_template_context(context: dict[str, Any], *, build: CourseBuild, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """Static templates (the 404 page) are served from any depth, so their links are absolute paths."""
    context["course"] = _page_course(build, None, config, absolute=True)
    return context


def on_env(env: Environment, *, build: CourseBuild, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["course_json"] = lambda value: json.dumps(value, ensure_ascii=False).replace("</", "<\\/")
    env.filters["course_defer"] = lambda markup: Markup(defer_scripts(str(markup)))
    # What the page keeps in the reader's browser (light/dark choice, progress) is keyed by the course's name.
    env.globals["course_storage_prefix"] = build.course.name
    return env
