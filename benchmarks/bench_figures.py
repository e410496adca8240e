"""Benchmark the build-time figures. Prints numbers; asserts nothing (speed is not a test).

1. Every distinct figure of the course (docs/en + docs/ko): compute time, encode time, output bytes.
   "encode" is WebP encoding for image kinds and writing the SVG/HTML for plot kinds.
2. Full English builds of a temporary copy of the project: figure hook disabled, cold cache, warm cache,
   as ratios to the no-figures build.
3. The same for a generated 200-lesson course (temporary folder).

Run: .venv/bin/python benchmarks/bench_figures.py [--skip-200]
Nothing is written inside the repository: builds run in temporary copies with their own generated/.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from coursekit import content  # noqa: E402
from coursekit.figures import pipeline  # noqa: E402
from coursekit.fences import find_blocks  # noqa: E402
from coursekit.figures.registry import kinds  # noqa: E402
from coursekit.figures.spec import SpecError, parse  # noqa: E402
from coursekit.figures.strings import load_strings  # noqa: E402

SUMMARY = re.compile(r"figures: (\d+) computed, (\d+) reused, ([\d.]+) s")
# The sources a build reads: mkdocs.yml, course.yml and the other top-level data files (glossary, translations).
COPY = (*sorted(path.name for path in REPO.glob("*.yml")), "docs")


class EncodeTimer:
    """Wraps encode_webp in every kind module that imported it, to split compute from encode time."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._patched: list[tuple[object, object]] = []

    def __enter__(self) -> "EncodeTimer":
        for kind in kinds().values():
            module = sys.modules[kind.compute.__module__]
            original = getattr(module, "encode_webp", None)
            if original is None:
                continue

            def timed(*args: object, _original: object = original, **kw: object) -> bytes:
                start = time.perf_counter()
                try:
                    return _original(*args, **kw)  # type: ignore[operator]
                finally:
                    self.seconds += time.perf_counter() - start

            self._patched.append((module, original))
            module.encode_webp = timed  # type: ignore[attr-defined]
        return self

    def __exit__(self, *exc: object) -> None:
        for module, original in self._patched:
            module.encode_webp = original  # type: ignore[attr-defined]


def course_figures() -> list[tuple[str, object]]:
    seen: dict[str, tuple[str, object]] = {}
    for lang in ("en", "ko"):
        docs = REPO / "docs" / lang
        for md in sorted(docs.rglob("*.md")):
            for block in find_blocks(md.read_text(encoding="utf-8")):
                try:
                    spec = parse(block.text, (docs, docs.parent))
                except SpecError as error:
                    print(f"  skipped {md.relative_to(REPO)}:{block.line}: {error}")
                    continue
                key = spec.normalized_json()
                seen.setdefault(key, (f"{md.relative_to(REPO)}:{block.line}", spec))
    return list(seen.values())


def bench_figures() -> float:
    print("Per figure (distinct specs of docs/en and docs/ko; one run each, cold):")
    print(f"  {'where':<52} {'kind':<15} {'compute s':>9} {'encode s':>9} {'bytes':>9}")
    strings = load_strings("en")
    total = 0.0
    for where, spec in course_figures():
        with EncodeTimer() as enc:
            start = time.perf_counter()
            result = pipeline.compute(spec, (REPO / "docs" / "en", REPO / "docs"))
            elapsed = time.perf_counter() - start
        encode = enc.seconds
        size = sum(len(b) for b in result.assets.values())
        if not result.assets:  # plot kinds: "encode" is writing the SVG
            start = time.perf_counter()
            prepared = pipeline.Prepared(key="bench", data=result.data, assets={}, computed=True, seconds=0)
            html = pipeline.figure_html(prepared, spec, strings=strings, urls={}, fig_id="bench")
            encode = time.perf_counter() - start
            size = len(html.encode())
            elapsed += encode
        total += elapsed
        print(f"  {where:<52} {spec.kind:<15} {elapsed - encode:9.3f} {encode:9.3f} {size:9d}")
    print(f"  all figures, one after another: {total:.2f} s")
    return total


def copy_project(dest: Path) -> None:
    for name in COPY:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.is_file():
            shutil.copy2(src, dest / name)
    without_figures(dest / "docs", dest / "docs-nofig")
    text = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs/en", "docs_dir: docs-nofig/en").replace(
        "  - coursekit:\n", "  - coursekit:\n      docs_root: docs-nofig\n", 1)
    (dest / "mkdocs.nofig.yml").write_text(text, encoding="utf-8")


def without_figures(docs: Path, dest: Path) -> None:
    """A copy of the docs with every figure block taken out: the baseline a build without figures costs."""
    for path in docs.rglob("*"):
        target = dest / path.relative_to(docs)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix != ".md":
            shutil.copy2(path, target)
            continue
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for block in reversed(find_blocks("".join(lines))):
            del lines[block.line - 1 : block.end_line]
        target.write_text("".join(lines), encoding="utf-8")


def build(project: Path, config: str) -> tuple[float, str]:
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", config, "-d", str(project / "site-out")],
        cwd=project, env=env, capture_output=True, text=True,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build of {config} in {project} failed:\n{result.stderr[-3000:]}")
    summary = SUMMARY.search(result.stderr)
    return seconds, summary.group(0) if summary else "(no figures)"


def bench_builds(project: Path, label: str, repeats: int = 3) -> None:
    """No-figures and warm builds alternate, so background load hits both alike; the minimum is reported
    (the least disturbed run), with the median beside it."""
    print(f"\nFull English build, {label}:")
    build(project, "mkdocs.nofig.yml")  # warm the disk cache and Python's bytecode first
    shutil.rmtree(project / "generated", ignore_errors=True)
    cold, cold_summary = build(project, "mkdocs.yml")
    nofig: list[float] = []
    warm: list[float] = []
    warm_summary = ""
    for _ in range(repeats):
        nofig.append(build(project, "mkdocs.nofig.yml")[0])
        seconds, warm_summary = build(project, "mkdocs.yml")
        warm.append(seconds)
    base = min(nofig)
    print(f"  no figure blocks:     {base:6.2f} s (min of {repeats}; median {statistics.median(nofig):.2f} s)")
    print(f"  cold cache:           {cold:6.2f} s  = {cold / base:5.2f} × no-figures   [{cold_summary}]")
    print(f"  warm cache:           {min(warm):6.2f} s  = {min(warm) / base:5.2f} × no-figures   [{warm_summary}]"
          f" (min of {repeats}; median {statistics.median(warm):.2f} s = {statistics.median(warm) / statistics.median(nofig):.2f} ×)")


def make_big_course(project: Path, pages: int) -> None:
    """Add `pages` lesson-sized pages: copies of the real English lesson bodies, figures included.

    They go to docs/en/bench/NNN-lesson.md without front matter, because the lesson catalog accepts only
    two-digit lesson numbers (at most 99 lessons); for build cost a page is a page.
    """
    templates = sorted((project / "docs" / "en" / "lessons").glob("*.md"))
    bodies = [re.sub(r"\A---\n.*?\n---\n", "", t.read_text(encoding="utf-8"), count=1, flags=re.S) for t in templates]
    folder = project / "docs" / "en" / "bench"
    folder.mkdir(parents=True)
    for n in range(1, pages + 1):
        (folder / f"{n:03d}-lesson.md").write_text(f"# Bench lesson {n}\n\n" + bodies[(n - 1) % len(bodies)], encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-200", action="store_true", help="skip the generated 200-lesson course")
    args = parser.parse_args()
    content.install(content.load(["build_hooks"]))  # this course's kinds, as mkdocs.yml registers them
    print(f"cores: {os.cpu_count()}, kinds: {', '.join(kinds())}\n")
    bench_figures()
    with tempfile.TemporaryDirectory(prefix="bench-figures-") as tmp:
        project = Path(tmp)
        copy_project(project)
        bench_builds(project, "this course")
    if not args.skip_200:
        with tempfile.TemporaryDirectory(prefix="bench-figures-200-") as tmp:
            project = Path(tmp)
            copy_project(project)
            make_big_course(project, 200)
            bench_builds(project, "this course + 200 generated lesson pages (real lesson bodies repeated)", repeats=2)


if __name__ == "__main__":
    main()
