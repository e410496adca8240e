"""MkDocs adapter for code that runs during the build (```python {run} blocks; see coursekit/runs).

on_files runs before the figures' on_files: every page's blocks are run (or their results reused from
<cache_dir>/runs/), pages side by side, so figures can plot what a page's code computed. Each page with run blocks
gets a generated `<page url><stem>.py` holding exactly its blocks. on_page_markdown shows each block as ordinary
Python with its printed output below, and the download link above the first block.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from coursekit.build import CourseBuild
from coursekit.runs import cache
from coursekit.runs.blocks import RunBlock, run_blocks
from coursekit.runs.execute import BlockFailed, run_page
from coursekit.runs.html import download_html, output_html
from coursekit.runs.script import page_script
from coursekit.mkdocs.figures import shown_path

log = get_plugin_logger("runs")


@dataclass(frozen=True)
class PageResult:
    blocks: tuple[RunBlock, ...]
    outputs: tuple[str, ...]
    values: dict[str, Any]  # the page's numbers and arrays after its last block, for figures
    key: str  # the last block's cache key: names these values in a figure's cache key
    script_uri: str  # the generated .py, site-relative
    ran: bool  # False when every block came from the cache



def _script_uri(file: File) -> str:
    """<page url>/<stem>.py: beside the page's index.html with directory URLs, beside the page's .html without."""
    stem = PurePosixPath(file.src_uri).stem
    folder = PurePosixPath(file.dest_uri).parent
    return (folder / f"{stem}.py").as_posix()


def _page(blocks: list[RunBlock], *, folder: Path, timeout: float, shown: str, script_uri: str,
          cwd: Path) -> PageResult:
    codes = [b.code for b in blocks]
    keys = cache.block_keys(codes)
    records = [cache.load(folder, key) for key in keys]
    if all(records) and "values" in records[-1]:
        return PageResult(tuple(blocks), tuple(r["output"] for r in records), records[-1]["values"], keys[-1],
                          script_uri, ran=False)
    try:
        run = run_page(codes, timeout=timeout, cwd=cwd)
    except BlockFailed as failure:
        block = blocks[min(failure.index, len(blocks) - 1)]
        where = f" (line {failure.line} of the block)" if failure.line else ""
        raise PluginError(f"{shown}:{block.line}: run block failed: {failure.kind}: {failure.message}{where}") from None
    for i, (key, output) in enumerate(zip(keys, run.outputs)):
        cache.store(folder, key, {"output": output, **({"values": run.values} if i == len(keys) - 1 else {})})
    return PageResult(tuple(blocks), run.outputs, run.values, keys[-1], script_uri, ran=True)


def on_files(files: Files, *, build: CourseBuild, config: MkDocsConfig, timeout: float) -> Files:
    start = time.perf_counter()
    folder = build.cache_dir / "runs"
    cwd = Path(config.config_file_path).resolve().parent
    pages = [(file, blocks) for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri)
             if (blocks := run_blocks(file.content_string))]
    workers = max(1, min(len(pages), os.cpu_count() or 1))

    def one(item: tuple[File, list[RunBlock]]) -> PageResult:
        file, blocks = item
        return _page(blocks, folder=folder, timeout=timeout, shown=shown_path(config, file.src_uri),
                     script_uri=_script_uri(file), cwd=cwd)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(one, pages))  # the first failure, in page order, is raised here
    build.runs = {}
    for (file, _), result in zip(pages, results):
        build.runs[file.src_uri] = result
        title = build.lesson_at(file.src_uri).meta.title if build.lesson_at(file.src_uri) else file.src_uri
        text = page_script([b.code for b in result.blocks], title=title, url=(config.site_url or "/") + file.url)
        files.append(File.generated(config, result.script_uri, content=text))
    if pages:
        ran = sum(r.ran for r in results)
        log.info(f"{ran} pages ran, {len(results) - ran} reused, {time.perf_counter() - start:.2f} s")
    return files


def on_page_markdown(markdown: str, *, build: CourseBuild, page: Page, config: MkDocsConfig, files: Files) -> str:
    result: PageResult | None = build.runs.get(page.file.src_uri)
    if result is None:
        return markdown
    strings = build.strings["site"]
    current = run_blocks(markdown)  # where the blocks are now: an earlier step may have moved lines
    if [b.code for b in current] != [b.code for b in result.blocks]:
        return markdown  # changed by another step since on_files: leave the blocks as written
    lines = markdown.splitlines(keepends=True)
    out: list[str] = []
    done = 0
    for index, block in enumerate(current):
        out.extend(lines[done: block.line - 1])
        if index == 0:
            name = PurePosixPath(result.script_uri).name
            href = get_relative_url(result.script_uri, page.file.url)
            out.append(f"\n{build.held.hold(download_html(href, name=name, text=strings['run_download']))}\n")
        # Out of the search index: a result would show code, which helps no one find a lesson (the prose around it
        # is indexed), and Material lists it as a wide <pre> that scrolls without keyboard access.
        out.append(f"\n```{{ .python data-search-exclude=\"\" }}\n{block.code}```\n\n")
        label = strings["run_output"]
        # The output is out of the index (data-search-exclude): put back once search has read the page.
        output = output_html(result.outputs[index], index=index + 1, label=label)
        out.append(f"{build.held.hold(output, after_search=True)}\n\n")
        done = block.end_line
    out.extend(lines[done:])
    return "".join(out)
