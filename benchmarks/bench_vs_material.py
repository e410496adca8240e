"""Build time of this course against plain Material for MkDocs building the same Markdown, side by side.

Prints figures; asserts nothing (speed is not a test).
For each size (lessons per language; the real lessons cycled, so math and figures are realistic: lesson 11 is a copy
of lesson 1 with its own number and id), both languages are built by
- the course: `mkdocs build` of mkdocs.yml as it is (the coursekit plugin with this course's content, strict; the
  plugin builds every language),
  its caches warm (figures and their HTML, formulas, question HTML, run output, prose findings: what a rebuild
  during `make serve` or a second `make build` finds);
- plain Material: the same docs, Markdown extensions, theme features and search plugin (in each language), with no
  course plugin and no overrides, one build per language (figure blocks then show as code and formulas stay TeX, which is
  what Material does with them).
Runs alternate (course, Material, Material, course, …) so that the load of this shared machine hits both alike; the
medians are compared. The per-page ratio is the ratio of the marginal cost of a page between two sizes
((time at the larger size - time at the smaller) / added pages), which leaves out the fixed start-up of a build.

Goals (issue 16): the real course (10 lessons) within 1.25x of Material; the per-page cost within 1.15x at 100 and
500 lessons per language.

Run: .venv/bin/python benchmarks/bench_vs_material.py [--sizes 10,100,500] [--runs 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
LANGS = {"en": "", "ko": "ko"}  # language -> folder under the site root
GOALS = {"whole": 1.25, "per page": 1.15}


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's !ENV tags as their default value: only the Markdown and theme settings are needed."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1]
                              if isinstance(node, yaml.SequenceNode) else None)


def read_config(name: str) -> dict:
    return yaml.load((REPO / name).read_text(encoding="utf-8"), Loader=_ConfigLoader)


def plain_material_configs(root: Path) -> list[Path]:
    """mkdocs configs for plain Material over root/docs, one per language: the course's Markdown, theme and search."""
    base = read_config("mkdocs.yml")
    theme = {key: base["theme"][key] for key in ("features", "palette", "font", "icon") if key in base["theme"]}
    out = []
    for lang, sub in LANGS.items():
        config = {
            "site_name": base["site_name"],
            "site_url": "http://127.0.0.1:8000/",
            "docs_dir": f"docs/{lang}",
            "site_dir": f"site-material/{sub}".rstrip("/"),
            "theme": {"name": "material", "language": lang, **theme},
            "plugins": [{"search": {"lang": lang}}],
            "markdown_extensions": base["markdown_extensions"],
        }
        path = root / f"material.{lang}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        out.append(path)
    return out


def cycled_course(root: Path, lessons: int) -> Path:
    """The course's sources in root with `lessons` lessons per language: the real ones, then copies renumbered."""
    root.mkdir(parents=True)
    for path in REPO.glob("*.yml"):  # mkdocs.yml, course.yml and the data files the build reads and watches
        shutil.copy2(path, root / path.name)
    # The generator and build_hooks (the course's content module) are installed in the environment, as for `make`.
    # The figure cache is content-addressed and every copy asks for the real lessons' figures: share the repository's.
    (REPO / "generated").mkdir(exist_ok=True)
    (root / "generated").symlink_to(REPO / "generated")
    for lang in LANGS:
        shutil.copytree(REPO / "docs" / lang, root / "docs" / lang, ignore=shutil.ignore_patterns("lessons"))
        real = sorted((REPO / "docs" / lang / "lessons").glob("*.md"))
        folder = root / "docs" / lang / "lessons"
        folder.mkdir()
        for number in range(1, lessons + 1):
            source = real[(number - 1) % len(real)]
            text = source.read_text(encoding="utf-8")
            cycle = (number - 1) // len(real)
            slug = source.name.split("-", 1)[1]
            if cycle:
                text = re.sub(r"^number: \d+$", f"number: {number}", text, count=1, flags=re.M)
                text = re.sub(r"^id: (\S+)$", rf"id: \1-{cycle + 1}", text, count=1, flags=re.M)
            (folder / f"{number:03d}-{slug}").write_text(text, encoding="utf-8")
    return root


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(root: Path, configs: list[Path], *, strict: bool) -> tuple[float, float]:
    """Each config in its own interpreter, in turn, as `make build` runs it: (wall, CPU) seconds."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    start, cpu = time.perf_counter(), cpu_of_children()
    for config in configs:
        command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config)]
        if strict:
            command.append("--strict")
        done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"build failed ({config}):\n{done.stdout}{done.stderr}")
    return time.perf_counter() - start, cpu_of_children() - cpu


def pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


Runs = dict[str, dict[str, list[float]]]  # "course" / "material" -> "wall" / "cpu" -> seconds per run


def measure(size: int, runs: int, workdir: Path) -> tuple[Runs, int]:
    root = cycled_course(workdir / f"course-{size}", size)
    configs = {"course": [root / "mkdocs.yml"], "material": plain_material_configs(root)}
    for name in configs:  # warm-up: fills the figure and formula caches and the disk cache
        build(root, configs[name], strict=name == "course")
    times: Runs = {name: {"wall": [], "cpu": []} for name in configs}
    for run in range(runs):
        for name in list(configs) if run % 2 == 0 else list(configs)[::-1]:
            wall, cpu = build(root, configs[name], strict=name == "course")
            times[name]["wall"].append(wall)
            times[name]["cpu"].append(cpu)
    return times, pages(root / "site")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100,500", help="lessons per language, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="timed builds of each, alternating")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="bench-vs-material-"))
    if args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"== Course vs plain Material, both languages, median of {args.runs} alternating runs "
          f"(cores: {os.cpu_count()}, load {os.getloadavg()[0]:.1f}) ==")
    print("CPU seconds are what the builds themselves used; wall seconds also hold the waits for a busy machine.")
    print(f"{'lessons':>8} {'pages':>6} {'course':>8} {'Material':>9} {'ratio':>6} {'course':>8} {'Material':>9} "
          f"{'ratio':>6}   wall runs (course | Material)")
    print(f"{'':>8} {'':>6} {'CPU s':>8} {'CPU s':>9} {'':>6} {'wall s':>8} {'wall s':>9}")
    results: dict[int, tuple[dict[str, float], dict[str, float], int]] = {}
    try:
        for size in sizes:
            times, count = measure(size, args.runs, workdir)
            ours = {kind: statistics.median(times["course"][kind]) for kind in ("cpu", "wall")}
            theirs = {kind: statistics.median(times["material"][kind]) for kind in ("cpu", "wall")}
            results[size] = (ours, theirs, count)
            print(f"{size:8d} {count:6d} {ours['cpu']:8.2f} {theirs['cpu']:9.2f} {ours['cpu'] / theirs['cpu']:5.2f}x "
                  f"{ours['wall']:8.2f} {theirs['wall']:9.2f} {ours['wall'] / theirs['wall']:5.2f}x   "
                  f"{' '.join(f'{x:.2f}' for x in times['course']['wall'])} | "
                  f"{' '.join(f'{x:.2f}' for x in times['material']['wall'])}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    for kind in ("cpu", "wall"):
        print(f"\n{kind.upper()}:")
        if sizes and sizes[0] in results:
            ours, theirs, _ = results[sizes[0]]
            print(f"  whole course at {sizes[0]} lessons: {ours[kind] / theirs[kind]:.2f}x (goal ≤ {GOALS['whole']}x)")
        for size in sizes[1:]:
            ours, theirs, _ = results[size]
            print(f"  whole course at {size} lessons: {ours[kind] / theirs[kind]:.2f}x")
        for small, large in zip(sizes, sizes[1:]):
            (a0, b0, p0), (a1, b1, p1) = results[small], results[large]
            ours_page, theirs_page = (a1[kind] - a0[kind]) / (p1 - p0), (b1[kind] - b0[kind]) / (p1 - p0)
            print(f"  per page, {small} → {large} lessons: course {1000 * ours_page:.1f} ms, Material "
                  f"{1000 * theirs_page:.1f} ms, {ours_page / theirs_page:.2f}x (goal ≤ {GOALS['per page']}x)")

if __name__ == "__main__":
    main()
