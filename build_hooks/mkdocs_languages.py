"""MkDocs adapter: which language this build is, and the builds of the other languages.

One `mkdocs build` (or `mkdocs serve`) makes the whole site: mkdocs.yml builds the primary language at the site root,
then, at the end of that build, the same configuration is built once more per other language, with its docs folder
docs/<lang>/ and its output under <site_dir>/<lang>/. A language is therefore one entry under
`extra.course.languages`, one UI-strings file and one docs folder; there is no per-language configuration file.
Each language keeps its own search index, 404 page and `<html lang>`. Listed first under `hooks:`.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from build_hooks.course.build import attach, build_of, nest, site_of, start_build
from build_hooks.course.errors import CourseConfigError
from build_hooks.page.anatomy import language_root

log = get_plugin_logger("languages")

# The command of this process (one per process): drafts are shown while serving. Nested builds inherit it.
_command = "build"


def on_startup(*, command: str, dirty: bool) -> None:
    global _command
    _command = command


def build_language(config: MkDocsConfig) -> str:
    """docs/<lang>/ names the language of a build; the primary build's docs_dir comes from mkdocs.yml."""
    return Path(config.docs_dir).name


def language_site_url(site_url: str, lang: str, primary: str) -> str:
    """Each non-primary language lives under <site_url>/<lang>/: its canonical and hreflang URLs must say so."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + language_root(lang, primary)


@event_priority(100)  # before Material's search plugin reads its language from the config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    repo_root = Path(config.config_file_path).resolve().parent
    lang = build_language(config)
    try:
        build = start_build(repo_root, extra_course=config.extra.get("course"), theme_language=config.theme["language"],
                            lang=lang, show_drafts=_command == "serve",
                            icon_roots=[Path(folder) / ".icons" for folder in config.theme.dirs],
                            site=site_of(config))
    except CourseConfigError as error:
        raise PluginError(str(error)) from None
    attach(config, build)
    if build.is_primary:  # said once per site, not once per language
        for warning in build.catalog.warnings:
            log.warning(warning)
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
    return config


def _engine(config: MkDocsConfig) -> str:
    """The package running this build (mkdocs, or a drop-in fork such as properdocs), to build the others alike."""
    return type(config).__module__.split(".")[0]


def on_post_build(*, config: MkDocsConfig) -> None:
    build = build_of(config)
    if not build.is_primary:
        return
    engine = _engine(config)
    load_config = importlib.import_module(f"{engine}.config").load_config
    build_site = importlib.import_module(f"{engine}.commands.build").build
    for code in build.course.codes[1:]:
        other = load_config(config.config_file_path, docs_dir=str(build.docs_root / code),
                            site_dir=str(Path(config.site_dir) / code), site_url=config.site_url or None,
                            strict=config.strict)
        nest(other, build)
        build_site(other)
