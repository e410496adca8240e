"""MkDocs hook: publish course-manifest.json in each language build, ship the progress scripts compacted, and give
the achievements page its icons.

Thin adapter over coursekit.progress; the rules were checked once, when the build state was made.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from coursekit.build import CourseBuild
from coursekit.progress.assets import CSS_FILE, SCRIPT_DIR, compact_css, compact_js
from coursekit.progress.icons import icon_sprite
from coursekit.manifest import MANIFEST_NAME, build_manifest, manifest_json


def on_files(files: Files, *, build: CourseBuild, config: MkDocsConfig) -> Files:
    published = {code: build.catalog.in_language(code, include_drafts=False) for code in build.course.codes}
    review = next((f.url for f in files.documentation_pages() if f.src_uri == "review.md"), None)
    manifest = build_manifest(build.course, published, build.lang, build.strings["progress"], review=review)
    if files.get_file_from_path(MANIFEST_NAME) is None:
        files.append(File.generated(config, MANIFEST_NAME, content=manifest_json(manifest)))
    for script in [f for f in files if f.src_uri.startswith(SCRIPT_DIR) and f.src_uri.endswith(".js") and f.abs_src_path]:
        text = Path(script.abs_src_path).read_text(encoding="utf-8")
        files.remove(script)
        files.append(File.generated(config, script.src_uri, content=compact_js(text)))
    css = files.get_file_from_path(CSS_FILE)
    if css is not None and css.abs_src_path:
        text = Path(css.abs_src_path).read_text(encoding="utf-8")
        files.remove(css)
        files.append(File.generated(config, CSS_FILE, content=compact_css(text)))
    return files


def on_page_context(context: dict[str, Any], *, build: CourseBuild, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """The achievements page draws its icons from an inline sprite of the theme's SVG icons (no request)."""
    if page.meta.get("course_page") == "achievements":
        build = build
        context["course_icons"] = icon_sprite(build.course.progress.achievements, build.icon_roots)
    return context
