"""MkDocs hook: validate the progress rules in course.yml and publish course-manifest.json in each language build.

Thin adapter over build_hooks.progress; every author mistake becomes a PluginError with one line per problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from build_hooks.course_config import CourseConfigError, read_course_config, tag_labels
from build_hooks.i18n import load_strings
from build_hooks.lessons.catalog import read_catalog
from build_hooks.progress.assets import SCRIPT_DIR, compact_js
from build_hooks.progress.config import LANGS, ProgressConfig, ProgressConfigError, parse_progress_config
from build_hooks.progress.lessons import lessons_by_language
from build_hooks.progress.manifest import MANIFEST_NAME, build_manifest, manifest_json
from build_hooks.progress.strings import check_strings


def _repo_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _read_i18n_sections() -> dict[str, Any]:
    sections: dict[str, Any] = {}
    for lang in LANGS:
        try:
            sections[lang] = load_strings(lang).get("progress")
        except (OSError, ValueError, yaml.YAMLError) as error:
            raise PluginError(f"build_hooks/i18n/{lang}.yml: cannot be read as YAML: {error}".replace("\n", " ")) from None
    return sections


def _load(config: MkDocsConfig) -> tuple[dict[str, Any], ProgressConfig, dict[str, dict[str, str]]]:
    try:
        raw = read_course_config(_repo_root(config))
        return raw, parse_progress_config(raw), check_strings(_read_i18n_sections())
    except (CourseConfigError, ProgressConfigError) as error:
        raise PluginError(str(error)) from None


# What on_config validated, kept for on_files of the same build (course.yml and the strings are read once).
_loaded: tuple[dict[str, Any], ProgressConfig, dict[str, dict[str, str]]] | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _loaded
    _loaded = _load(config)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    assert _loaded is not None, "on_config runs before on_files"
    raw, progress, strings = _loaded
    lang = config.theme["language"]
    try:
        known_tags = frozenset(tag_labels(raw, LANGS))
    except CourseConfigError as error:
        raise PluginError(str(error)) from None
    # Lesson errors are reported by the lessons hook; here only the valid lessons matter.
    catalog = read_catalog(Path(config.docs_dir).resolve().parent, LANGS, known_tags, primary=LANGS[0])
    manifest = build_manifest(progress, lessons_by_language(catalog), lang, strings[lang])
    if files.get_file_from_path(MANIFEST_NAME) is None:
        files.append(File.generated(config, MANIFEST_NAME, content=manifest_json(manifest)))
    for script in [f for f in files if f.src_uri.startswith(SCRIPT_DIR) and f.src_uri.endswith(".js") and f.abs_src_path]:
        text = Path(script.abs_src_path).read_text(encoding="utf-8")
        files.remove(script)
        files.append(File.generated(config, script.src_uri, content=compact_js(text)))
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Templates that keep something in the browser (the light/dark switch) prefix their keys as the progress
    scripts do, with course.yml's validated course.name."""
    assert _loaded is not None, "on_config runs before on_env"
    env.globals["course_storage_prefix"] = _loaded[1].course_name
    return env
