"""Which language a build is, and the builds of the other languages (called by the plugin).

One `mkdocs build` (or `mkdocs serve`) makes the whole site: mkdocs.yml builds the primary language at the site root,
then, at the end of that build, the same configuration is built once more per other language, with its docs folder
docs/<lang>/ and its output under <site_dir>/<lang>/. A language is therefore one entry under the plugin's
`languages`, one UI-strings file and one docs folder; there is no per-language configuration file.
Each language keeps its own search index, 404 page and `<html lang>`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from coursekit.build import CourseBuild, Paths, start_build
from coursekit.course.errors import CourseConfigError
from coursekit.page.anatomy import language_root

log = get_plugin_logger("languages")


def build_language(config: MkDocsConfig) -> str:
    """docs/<lang>/ names the language of a build; the primary build's docs_dir comes from mkdocs.yml."""
    return Path(config.docs_dir).name


def language_site_url(site_url: str, lang: str, primary: str) -> str:
    """Each non-primary language lives under <site_url>/<lang>/: its canonical and hreflang URLs must say so."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + language_root(lang, primary)


def configure(config: MkDocsConfig, *, settings: dict, paths: Paths, command: str,
              site: CourseBuild | None) -> CourseBuild:
    """Read the course for this language build and set the engine's language-dependent settings from it."""
    lang = build_language(config)
    try:
        build = start_build(paths.root, extra_course=settings, theme_language=config.theme["language"],
                            lang=lang, show_drafts=command == "serve",
                            icon_roots=[Path(folder) / ".icons" for folder in config.theme.dirs],
                            site=site, paths=paths)
    except CourseConfigError as error:
        raise PluginError(str(error)) from None
    if build.is_primary:  # said once per site, not once per language
        for warning in build.catalog.warnings:
            log.warning(warning)
    if len(build.course.codes) > 1 and "alternate" not in config.extra:
        # `true` (not a list) makes Material show its language menu without root-level hreflang links of its own;
        # theme/partials/alternate.html lists the page in each language instead.
        config.extra["alternate"] = True
    language = build.course.language(lang)
    config.theme["language"] = lang
    config.site_name = build.course.title[lang]
    config.site_description = build.course.description[lang]
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:
        search.config.lang = [language.search]
        if language.search_separator:
            search.config.separator = language.search_separator
    for link in config.extra.get("social") or []:
        if isinstance(link, dict) and config.repo_url and link.get("link") == config.repo_url:
            link["name"] = build.strings["site"]["source_link"]
    if config.site_url:
        config.site_url = language_site_url(config.site_url, lang, build.course.primary)
    return build


def _engine(config: MkDocsConfig) -> str:
    """The package running this build (mkdocs, or a drop-in fork such as properdocs), to build the others alike."""
    return type(config).__module__.split(".")[0]


def build_other_languages(config: MkDocsConfig, build: CourseBuild,
                          hand_over: Callable[[MkDocsConfig], None]) -> None:
    """Build each other language with the same configuration; `hand_over` gives each the primary build's state."""
    if not build.is_primary:
        return
    engine = _engine(config)
    load_config = importlib.import_module(f"{engine}.config").load_config
    build_site = importlib.import_module(f"{engine}.commands.build").build
    for code in build.course.codes[1:]:
        other = load_config(config.config_file_path, docs_dir=str(build.docs_root / code),
                            site_dir=str(Path(config.site_dir) / code), site_url=config.site_url or None,
                            strict=config.strict)
        hand_over(other)
        build_site(other)
