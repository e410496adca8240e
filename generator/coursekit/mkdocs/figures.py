"""MkDocs adapter for build-time figures (listed under `hooks:` in mkdocs.yml).

Thin by design: finding blocks, validating, computing, caching and writing HTML live in coursekit.figures.
on_files runs before pages are read, so it scans every page's source, computes (or reuses) each figure and
registers the outputs as generated files; on_page_markdown then swaps each block for its HTML.
The cache lives in generated/figures/ at the repository root: never in docs/, so `mkdocs serve` does not loop.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from coursekit import content
from coursekit.build import CourseBuild
from coursekit.fences import Block, find_blocks
from coursekit.figures.pipeline import (Prepared, Run, SpecFailed, asset_tags, asset_uri, browser_assets, figure_html,
                                       page_specs, prepare_many, save_disk_cache, use_disk_cache)
from coursekit.figures.pipeline import image_roots as pipeline_image_roots
from coursekit.figures.spec import Spec
from coursekit.figures.strings import Strings

log = get_plugin_logger("figures")
# An <svg> the figure keeps out of the search index (a plot: its tick labels are no words to find). The search
# plugin would still parse every tag of it, so it goes in once search has read the page.
_EXCLUDED_SVG = re.compile(r"<svg\b[^>]*\sdata-search-exclude\b[^>]*>.*?</svg>", re.S)


@dataclass(frozen=True)
class _Figure:
    block: Block
    spec: Spec
    prepared: Prepared


def image_roots(config: MkDocsConfig) -> tuple[Path, ...]:
    return pipeline_image_roots(Path(config.docs_dir))


def shown_path(config: MkDocsConfig, src_uri: str) -> str:
    """The page's path as an author sees it: docs/en/lessons/02-x.md (relative to the repo root)."""
    root = Path(config.config_file_path).resolve().parent
    full = Path(config.docs_dir).resolve() / src_uri
    try:
        return full.relative_to(root).as_posix()
    except ValueError:
        return full.as_posix()


def on_files(files: Files, *, build: CourseBuild, config: MkDocsConfig) -> Files:
    start = time.perf_counter()
    roots, cache_dir = image_roots(config), build.cache_dir / "figures"
    use_disk_cache(build.cache_dir / "figure-html")
    found: list[tuple[str, Block, Spec]] = []
    problems: list[str] = []
    for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
        specs, page_problems = page_specs(file.content_string, roots, shown_path(config, file.src_uri))
        found.extend((file.src_uri, block, spec) for block, spec in specs)
        problems.extend(page_problems)
    if problems:
        raise PluginError("\n".join(problems))
    runs = [Run(r.key, r.values) if (r := build.runs.get(src_uri)) is not None else None for src_uri, _, _ in found]
    try:
        prepared = prepare_many([spec for _, _, spec in found], roots=roots, cache_dir=cache_dir, runs=runs)
    except SpecFailed as failure:
        src_uri, block, _ = next(item for item in found if item[2] is failure.spec)
        raise PluginError(f"{shown_path(config, src_uri)}:{block.line}: {failure}") from None
    pages: dict[str, list[_Figure]] = {}
    for (src_uri, block, spec), ready in zip(found, prepared):
        pages.setdefault(src_uri, []).append(_Figure(block=block, spec=spec, prepared=ready))
    build.figures = pages
    _register_assets(files, config, pages)
    computed = sum(p.computed for p in prepared)
    log.info(f"{computed} computed, {len(prepared) - computed} reused, {time.perf_counter() - start:.2f} s")
    return files


def _register_assets(files: Files, config: MkDocsConfig, pages: dict[str, list[_Figure]]) -> None:
    for folder in content.active().assets_dirs:  # the kinds' scripts and stylesheets
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            uri = path.relative_to(folder).as_posix()
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(path)))
    for figures in pages.values():
        for figure in figures:
            for suffix, path in figure.prepared.assets.items():
                uri = asset_uri(figure.prepared.key, suffix)
                if files.get_file_from_path(uri) is None:
                    files.append(File.generated(config, uri, abs_src_path=str(path)))


def on_page_markdown(markdown: str, *, build: CourseBuild, page: Page, config: MkDocsConfig, files: Files) -> str:
    figures = build.figures.get(page.file.src_uri)
    if not figures:
        return markdown
    strings = Strings(lang=build.lang, table=build.strings["figures"])
    by_text: dict[str, list[_Figure]] = {}
    for figure in figures:
        by_text.setdefault(figure.block.text, []).append(figure)
    lines = markdown.splitlines(keepends=True)
    out: list[str] = []
    done = 0  # lines[:done] are already in `out`
    tags = asset_tags(browser_assets(f.spec for f in figures), lambda uri: get_relative_url(uri, page.file.url))
    for index, block in enumerate(find_blocks(markdown)):
        queue = by_text.get(block.text)
        if not queue:
            continue  # changed since on_files (by another hook): leave it visible rather than guess
        figure = queue.pop(0)
        urls = {s: get_relative_url(asset_uri(figure.prepared.key, s), page.file.url) for s in figure.prepared.assets}
        fig_id = f"fig-{index + 1}-{figure.prepared.key[:8]}"
        html = figure_html(figure.prepared, figure.spec, strings=strings, urls=urls, fig_id=fig_id)
        # Splice by line position, so an identical block quoted inside another fence is never touched.
        out.extend(lines[done : block.line - 1])
        html = _EXCLUDED_SVG.sub(lambda match: _hold_late(build, match.group(0)), html)
        out.append(f"\n{build.held.hold(tags + html)}\n\n")  # put back after conversion
        tags = ""  # the kinds' stylesheets and scripts go before the first figure only
        done = block.end_line
    out.extend(lines[done:])
    return "".join(out)


def on_post_build(*, build: CourseBuild) -> None:
    save_disk_cache()


def _hold_late(build: CourseBuild, svg: str) -> str:
    # An <svg> nested in another ends the lazy match early: such a drawing stays where it is.
    return build.held.hold(svg, after_search=True) if svg.count("<svg") == 1 else svg
