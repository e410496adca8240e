"""Spec → cached computed result → figure HTML. Shared by the MkDocs adapter and the CLI."""

from __future__ import annotations

import hashlib
import json
import os
import time
from html import escape
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import latex2mathml

from . import cache, images
from coursekit.fences import Block, find_blocks
from coursekit.page.disk_memo import DiskMemo
from .kind import Env, FigureInputError, Present, Result
from .registry import kinds
from .spec import Spec, SpecError, parse
from .strings import Strings
from .version import library_version

ASSET_URL_DIR = "assets/figures"


@dataclass(frozen=True)
class Prepared:
    key: str
    data: Mapping[str, Any]
    assets: dict[str, Path]  # suffix -> file in the cache folder
    computed: bool  # False when reused from the cache
    seconds: float


def image_roots(docs_dir: Path) -> tuple[Path, ...]:
    """Where a language's image paths resolve: its own docs folder, then the shared folder above it."""
    docs = docs_dir.resolve()
    return (docs, docs.parent)


def page_specs(markdown: str, roots: tuple[Path, ...], shown: str) -> tuple[list[tuple[Block, Spec]], list[str]]:
    """Every valid figure block of one page, and a `shown:line: message` line per problem of the invalid ones."""
    specs: list[tuple[Block, Spec]] = []
    problems: list[str] = []
    for block in find_blocks(markdown):
        try:
            specs.append((block, parse(block.text, roots)))
        except SpecError as error:
            first_yaml_line = block.line + 1
            problems.extend(f"{shown}:{block.line if p.line is None else first_yaml_line + p.line}: {p.message}"
                            for p in error.problems)
    return specs, problems


def sources(spec: Spec, roots: tuple[Path, ...]) -> list[bytes]:
    """Bytes of every image the spec reads, in key order (part of the cache key)."""
    out: list[bytes] = []
    for key in kinds()[spec.kind].image_keys:
        value = spec[key]
        for ref in value if isinstance(value, list) else [value]:
            out.append(images.source_bytes(ref, roots))
    return out


class SpecFailed(Exception):
    """A figure whose inputs turned out wrong while computing; carries the spec so the caller can name its block."""

    def __init__(self, spec: Spec, message: str) -> None:
        super().__init__(message)
        self.spec = spec


@dataclass(frozen=True)
class Run:
    """What a page's run blocks computed, for kinds that read it: its cache key and its values by name."""

    key: str
    values: Mapping[str, Any]


def key_for(spec: Spec, roots: tuple[Path, ...], version: str | None = None, run: Run | None = None) -> str:
    extra = [run.key.encode()] if run is not None and kinds()[spec.kind].reads_run else []
    return cache.cache_key(spec.normalized_json(), sources(spec, roots) + extra, version or library_version())


def compute(spec: Spec, roots: tuple[Path, ...], run: Run | None = None) -> Result:
    return kinds()[spec.kind].compute(spec, Env(roots=roots, run=run.values if run is not None else {}))


def prepare(spec: Spec, *, roots: tuple[Path, ...], cache_dir: Path, run: Run | None = None) -> Prepared:
    """Reuse the cached result for this spec, or compute and store it."""
    start = time.perf_counter()
    key = key_for(spec, roots, run=run)
    hit = cache.load(cache_dir, key)
    computed = hit is None
    if hit is None:
        try:
            hit = compute(spec, roots, run)
        except FigureInputError as error:
            raise SpecFailed(spec, str(error)) from None
        cache.store(cache_dir, key, hit)
    assets = {suffix: cache.asset_path(cache_dir, key, suffix) for suffix in sorted(hit.assets)}
    return Prepared(key=key, data=hit.data, assets=assets, computed=computed, seconds=time.perf_counter() - start)


def prepare_many(specs: Sequence[Spec], *, roots: tuple[Path, ...], cache_dir: Path, workers: int | None = None,
                 runs: Sequence[Run | None] | None = None) -> list[Prepared]:
    """prepare() for many specs: each distinct figure once, cache misses computed in parallel threads.

    numpy and Pillow release the GIL in their heavy loops, so threads use both cores without the start-up
    cost (and fork hazards inside a serving MkDocs process) of worker processes.
    """
    runs = list(runs) if runs is not None else [None] * len(specs)
    keys = [key_for(spec, roots, run=run) for spec, run in zip(specs, runs)]
    first: dict[str, tuple[Spec, Run | None]] = {}
    for key, spec, run in zip(keys, specs, runs):
        first.setdefault(key, (spec, run))
    workers = workers or min(len(first), os.cpu_count() or 1) or 1
    order = sorted(first, key=lambda key: -_cost(first[key][0]))  # longest first: the pool finishes together
    with ThreadPoolExecutor(max_workers=workers) as pool:
        done = dict(zip(order, pool.map(lambda key: prepare(first[key][0], roots=roots, cache_dir=cache_dir,
                                                            run=first[key][1]), order)))
    out: list[Prepared] = []
    seen: set[str] = set()
    for key in keys:
        p = done[key]
        # A figure used twice is computed once; the second use counts as reused.
        out.append(p if key not in seen else Prepared(p.key, p.data, p.assets, computed=False, seconds=0.0))
        seen.add(key)
    return out


def _cost(spec: Spec) -> int:
    """Rough relative compute cost, to start long sampler runs first: sampling steps × pixels."""
    steps = spec.values.get("steps", 1)
    total = sum(steps) if isinstance(steps, list) else int(steps or 1)
    size = int(spec.values.get("size") or 64)
    return total * size * size


def asset_uri(key: str, suffix: str) -> str:
    """Site-relative URI of an asset (the adapter turns it into a page-relative URL)."""
    return f"{ASSET_URL_DIR}/{key}.{suffix}"


# Figure HTML already written, by everything it depends on: a figure shown on several pages (or in several builds
# of `mkdocs serve`) is drawn once. Each entry holds its strings table, so that table's id() stays its own.
_WRITTEN: dict[tuple[Any, ...], tuple[str, Mapping[str, Any]]] = {}
_WRITTEN_MAX = 512
# And between builds: a plot's SVG is drawn from its data on every build otherwise. The key holds the figure's cache
# key (its spec, inputs and the figure code's version), so any change to what the HTML shows makes a new entry.
_kept = DiskMemo(only_used=True)
_table_digests: dict[int, tuple[str, Mapping[str, Any]]] = {}


def use_disk_cache(folder: Path) -> None:
    """Keep figure HTML in `folder` between builds, in a file named for the converter of the captions' formulas."""
    _kept.use(folder / f"html-latex2mathml-{latex2mathml.__version__}.json")


def save_disk_cache() -> None:
    _kept.save()


def figure_html(prepared: Prepared, spec: Spec, *, strings: Strings, urls: Mapping[str, str], fig_id: str) -> str:
    key = (prepared.key, spec.normalized_json(), spec.caption, strings.lang, id(strings.table),
           tuple(sorted(urls.items())), fig_id)
    if key not in _WRITTEN:
        stored = json.dumps([*key[:4], _table_digest(strings.table), *key[5:]], ensure_ascii=False)
        stored_key = hashlib.sha256(stored.encode()).hexdigest()
        html = _kept.get(stored_key)
        if html is None:
            html = kinds()[spec.kind].present(Present(data=prepared.data, spec=spec, strings=strings, urls=urls,
                                                       fig_id=fig_id))
            _kept[stored_key] = html
        if len(_WRITTEN) >= _WRITTEN_MAX:
            _WRITTEN.pop(next(iter(_WRITTEN)))  # the oldest
        _WRITTEN[key] = (html, strings.table)
    return _WRITTEN[key][0]


def _table_digest(table: Mapping[str, Any]) -> str:
    if id(table) not in _table_digests:  # the table is held with its digest, so its id() stays its own
        text = json.dumps(table, ensure_ascii=False, sort_keys=True, default=str)
        _table_digests[id(table)] = (hashlib.sha256(text.encode()).hexdigest(), table)
    return _table_digests[id(table)][0]


def browser_assets(specs: Iterable[Spec]) -> list[str]:
    """Site-relative stylesheets and scripts the page's figure kinds need, each once, in a stable order."""
    found: dict[str, None] = {}
    for spec in specs:
        found.update(dict.fromkeys(kinds()[spec.kind].browser_assets))
    return list(found)


def asset_tags(assets: Iterable[str], url_for: Callable[[str], str]) -> str:
    """<link>/<script> tags for a page's figure assets, written into the page body next to its figures.

    In the body, not the head: Material's instant navigation swaps only the page's content and runs the scripts
    it finds there, so a reader who arrives from a page without such a figure still gets them. The scripts are
    deferred, and a script waits for the stylesheets before it, so a figure is styled before it is enhanced.
    """
    tags = []
    for asset in assets:
        url = escape(url_for(asset))
        if asset.endswith(".css"):
            tags.append(f'<link rel="stylesheet" href="{url}">')
        elif asset.endswith(".js"):
            tags.append(f'<script src="{url}" defer></script>')
        else:
            raise ValueError(f"figure browser asset {asset!r}: use a .css or .js file")
    return "".join(tags)
