"""Delete cached figures that no page uses any more.

Every change to a spec, a source image or the library itself makes a new cache key, so old entries pile up in
generated/figures/. This keeps exactly the keys of the figure blocks found in the given docs folders (drafts
included) and deletes the rest. A block that does not validate is reported and keeps nothing.

    python -m build_hooks.figures.prune [--docs docs/en --docs docs/ko] [--cache generated/figures] [--dry-run]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import cache
from .fences import find_blocks
from .pipeline import key_for
from .spec import SpecError, parse


def live_keys(docs_dirs: list[Path]) -> tuple[set[str], list[str]]:
    """Cache keys of every figure block under the docs folders, and one line per block that does not validate.

    Image paths resolve against each language folder, then the folder above it, as in the site build."""
    keys: set[str] = set()
    problems: list[str] = []
    for docs in docs_dirs:
        roots = (docs.resolve(), docs.resolve().parent)
        for page in sorted(docs.rglob("*.md")):
            for block in find_blocks(page.read_text(encoding="utf-8")):
                try:
                    keys.add(key_for(parse(block.text, roots), roots))
                except SpecError as error:
                    problems.append(f"{page}:{block.line}: skipped, {error}")
    return keys, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_hooks.figures.prune", description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, action="append", default=None,
                        help="a language's docs folder (repeatable; default: every folder under ./docs)")
    parser.add_argument("--cache", type=Path, default=Path("generated/figures"))
    parser.add_argument("--dry-run", action="store_true", help="list what would be deleted, delete nothing")
    args = parser.parse_args(argv)
    docs_dirs = args.docs or sorted(p for p in Path("docs").iterdir() if p.is_dir())
    keys, problems = live_keys(docs_dirs)
    for line in problems:
        print(line, file=sys.stderr)
    if args.dry_run:
        names = [p.name for p in args.cache.iterdir() if p.is_file()] if args.cache.is_dir() else []
        stale = cache.stale_files(names, keys)
        print("\n".join(stale))
        print(f"{len(stale)} files would be deleted; {len(keys)} figures in use")
    else:
        deleted = cache.prune(args.cache, keys)
        print(f"deleted {len(deleted)} files ({sum(1 for p in deleted if p.suffix == '.json')} figures); "
              f"{len(keys)} figures in use")
    return 0


if __name__ == "__main__":
    sys.exit(main())
