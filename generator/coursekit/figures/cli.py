"""Command line: render one figure spec to a file (for authors previewing, and for other site engines).

    python -m coursekit.figures spec.yml -o out.webp --lang en
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from coursekit import content
from coursekit.course.errors import CourseConfigError
from coursekit.course.mkdocs_file import content_modules

from coursekit.fences import find_blocks
from .pipeline import Prepared, compute, figure_html, image_roots
from .spec import SpecError, parse
from ..i18n import shipped_languages
from .strings import load_strings

OUTPUTS = ("webp", "svg", "html")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m coursekit.figures",
        description=(
            "Render one figure spec (the YAML inside a ```figure block, or a Markdown file with exactly one such "
            "block) to a file. The output type follows the -o suffix: .webp writes the image of an image kind "
            "(forward, scrubber, reverse, ...); .svg writes the plot of a plot kind (schedule, spectrum, ...); "
            ".html writes the whole <figure> (caption, alt text) with any image saved beside it."
        ),
        epilog="The kinds are the course's (its content modules in mkdocs.yml, or --content); each course documents "
               "their keys and limits (this one: build_hooks/figures/README.md).",
    )
    parser.add_argument("spec", type=Path, help="YAML file with one figure spec, or a .md file holding one ```figure block")
    parser.add_argument("-o", "--output", type=Path, required=True, help="output file: .webp, .svg or .html")
    parser.add_argument("--lang", choices=shipped_languages(), default="en", help="language of alt text, caption and axis labels (default: en)")
    parser.add_argument("--content", action="append", default=None, metavar="MODULE",
                        help="a content module registering figure kinds (repeatable; default: the coursekit "
                             "plugin's content in ./mkdocs.yml)")
    parser.add_argument("--docs", type=Path, action="append", default=None,
                        help="folder that image paths are relative to (repeatable; default: ./docs and ./docs/<lang>)")
    return parser


def read_spec_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".md", ".markdown"):
        blocks = find_blocks(text)
        if len(blocks) != 1:
            raise SystemExit(f"{path}: expected exactly one ```figure block, found {len(blocks)}")
        return blocks[0].text
    return text


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    suffix = args.output.suffix.lower().lstrip(".")
    if suffix not in OUTPUTS:
        print(f"{args.output}: unknown output type; use .webp, .svg or .html", file=sys.stderr)
        return 2
    roots = tuple(args.docs) if args.docs else image_roots(Path("docs") / args.lang)
    try:
        content.install(content.load(args.content if args.content is not None else content_modules(Path.cwd())))
    except (content.ContentError, CourseConfigError) as error:
        print(error, file=sys.stderr)
        return 2
    try:
        spec = parse(read_spec_text(args.spec), roots)
    except SpecError as error:
        for problem in error.problems:
            where = f"{args.spec}:{problem.line + 1}" if problem.line is not None else str(args.spec)
            print(f"{where}: {problem.message}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    result = compute(spec, roots)
    seconds = time.perf_counter() - start
    strings = load_strings(args.lang)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    if suffix == "webp":
        if "webp" not in result.assets:
            print(f"kind {spec.kind} draws a plot, not an image: use -o <name>.svg or .html", file=sys.stderr)
            return 2
        args.output.write_bytes(result.assets["webp"])
    else:
        urls = {}
        for asset_suffix, blob in result.assets.items():
            asset = args.output.with_suffix(f".{asset_suffix}")
            asset.write_bytes(blob)
            urls[asset_suffix] = asset.name
        prepared = Prepared(key="cli", data=result.data, assets={}, computed=True, seconds=seconds)
        html = figure_html(prepared, spec, strings=strings, urls=urls, fig_id=f"fig-{args.output.stem}")
        if suffix == "svg":
            match = re.search(r"<svg\b.*</svg>", html, flags=re.S)
            if match is None:
                print(f"kind {spec.kind} draws an image, not a plot: use -o <name>.webp or .html", file=sys.stderr)
                return 2
            html = match.group(0)
        args.output.write_text(html + "\n", encoding="utf-8")
    print(f"{args.output}: kind {spec.kind}, computed in {seconds:.2f} s, {args.output.stat().st_size} bytes")
    return 0
