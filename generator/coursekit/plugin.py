"""The `coursekit` MkDocs plugin: one object that turns a folder of lessons into a bilingual course site.

mkdocs.yml says `plugins: [search, coursekit: {...}]`; ProperDocs finds it through the same entry point. Each event
calls the steps of coursekit.mkdocs in a fixed order, and the build's state (the course, its lessons, held HTML,
figures, glossary) lives on this object, so nothing depends on the order of entries in mkdocs.yml beyond listing
`search` first (the course puts formulas and questions back after search has read each page).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from coursekit import content
from coursekit.build import CourseBuild, Paths
from coursekit.mkdocs import editing, figures, identity, languages, pages, progress, rules, runs, shared

THEME_DIR = Path(__file__).resolve().parent / "theme"


class CourseKitConfig(base.Config):
    """The plugin's settings. Paths are relative to mkdocs.yml's folder."""

    # The site's languages, the primary one first: a code (`en`) or a mapping with `code` and optional reading
    # rates and search settings (checked by coursekit.course.languages, one line per mistake).
    languages = c.Type(object, default=None)
    # Modules that register the course's own figure kinds, scenes, computed answers and strings (coursekit.content).
    content = c.ListOfItems(c.Type(str), default=[])
    docs_root = c.Type(str, default="docs")  # holds docs/<lang>/ for every language
    course_file = c.Type(str, default="course.yml")
    glossary_file = c.Type(str, default="glossary.yml")  # optional: no file, no glossary page
    cache_dir = c.Type(str, default="generated")  # figures, MathML and question HTML kept between builds
    # Seconds one ```python {run} block may run before the build fails on it (coursekit.runs).
    run_timeout = c.Type((int, float), default=60)


class CourseKitPlugin(BasePlugin[CourseKitConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.site: CourseBuild | None = None  # the primary language's build, when this one is nested in it
        self.build: CourseBuild | None = None
        self.editing: editing.Editing | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    @event_priority(100)  # the language must be set before Material's search plugin reads it from the config
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).resolve().parent
        paths = Paths.under(root, docs=self.config.docs_root, course_file=self.config.course_file,
                            cache=self.config.cache_dir)
        if str(root) not in sys.path:
            sys.path.insert(0, str(root))  # a course's content module may sit beside its mkdocs.yml, like hooks
        try:
            content.install(content.load(self.config.content))
        except content.ContentError as error:
            raise PluginError(str(error)) from None
        # The generator's templates and scripts sit between the course's own overrides and the theme.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        self.build = build = languages.configure(config, settings=dict(self.config), paths=paths,
                                                 command=self.command, site=self.site)
        rules.on_config(build=build)
        identity.on_config(config, build=build)
        config = pages.on_config(config, build=build)
        self.editing = editing.on_config(config, build=build, glossary_file=root / self.config.glossary_file)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        files = pages.on_files(files, build=self.build, config=config)
        files = shared.on_files(files, build=self.build, config=config)
        files = runs.on_files(files, build=self.build, config=config, timeout=float(self.config.run_timeout))
        files = figures.on_files(files, build=self.build, config=config)
        files = progress.on_files(files, build=self.build, config=config)
        return editing.on_files(files, build=self.build, editing=self.editing, config=config)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        markdown = runs.on_page_markdown(markdown, build=self.build, page=page, config=config, files=files)
        markdown = pages.on_page_markdown(markdown, build=self.build, page=page, config=config, files=files)
        markdown = figures.on_page_markdown(markdown, build=self.build, page=page, config=config, files=files)
        return editing.on_page_markdown(markdown, build=self.build, editing=self.editing, page=page, config=config,
                                        files=files)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        html = pages.on_page_content(html, build=self.build, page=page, config=config, files=files)
        return editing.on_page_content(html, build=self.build, editing=self.editing, page=page, config=config,
                                       files=files)

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                        nav: Any) -> dict[str, Any]:
        context = pages.on_page_context(context, build=self.build, page=page, config=config, nav=nav)
        return progress.on_page_context(context, build=self.build, page=page, config=config, nav=nav)

    def on_template_context(self, context: dict[str, Any], *, template_name: str,
                            config: MkDocsConfig) -> dict[str, Any]:
        return pages.on_template_context(context, build=self.build, template_name=template_name, config=config)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        return pages.on_env(env, build=self.build, config=config, files=files)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return pages.on_post_page(output, build=self.build, page=page, config=config)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        languages.build_other_languages(config, self.build, self._hand_over)
        pages.on_post_build(build=self.build, config=config)  # after the other languages: their conversions too
        editing.on_post_build(build=self.build)  # and their pages' findings
        figures.on_post_build(build=self.build)  # and their figures' HTML

    def _hand_over(self, other: MkDocsConfig) -> None:
        nested = other.plugins.get("coursekit")
        if isinstance(nested, CourseKitPlugin):
            nested.site, nested.command = self.build, self.command

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild on an edit to any language, the course files, the content's strings or the generator's theme."""
        build = self.build
        watched = [build.docs_root, build.paths.course_file, Path(self.config.glossary_file),
                   build.repo_root / "translations.yml", build.repo_root / "i18n", THEME_DIR,
                   *content.active().strings_dirs]
        for path in watched:
            path = path if path.is_absolute() else build.repo_root / path
            if path.exists():
                server.watch(str(path))
        return server
