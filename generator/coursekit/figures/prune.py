"""Delete cached figures that no page uses any more.

Every change to a spec, a source image or the library itself makes a new cache key, so old entries pile up in
generated/figures/. This keeps exactly the keys of the figure blocks found in the given docs folders (drafts
included) and deletes the rest. The figure kinds are the course's, as its mkdocs.yml registers them. A block that
does not validate is reported (file:line) and nothing is deleted: its figures could not be told from stale ones.

    python -m coursekit.figures.prune [--docs docs/en --docs docs/ko] [--cache generated/figures] [--dry-run]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coursekit import content
from coursekit.course.errors import CourseConfigError
from coursekit.course.mkdocs_file import content_modules
from coursekit.runs.cache import page_key

from . import cache
from .pipeline import Run, image_roots, key_for, page_specs


def live_keys(docs_dirs: list[Path]) -> tuple[set[str], list[str]]:
    """Cache keys of every figure block under the docs folders (image paths resolve as in the site build), and
    one `file:line: message` line per problem of the blocks that do not validate."""
    keys: set[str] = set()
    problems: list[str] = []
    for docs in docs_dirs:
        roots = image_roots(docs)
        for page in sorted(docs.rglob("*.md")):
            text = page.read_text(encoding="utf-8")
            specs, page_problems = page_specs(text, roots, str(page))
            run_key = page_key(text)  # figures that plot the page's run are keyed by it too
            run = Run(run_key, {}) if run_key else None
            keys.update(key_for(spec, roots, run=run) for _, spec in specs)
            problems.extend(page_problems)
    return keys, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.figures.prune", description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, action="append", default=None,
                        help="a language's docs folder (repeatable; default: every folder under ./docs)")
    parser.add_argument("--cache", type=Path, default=Path("generated/figures"))
    parser.add_argument("--dry-run", action="store_true", help="list what would be deleted, delete nothing")
    args = parser.parse_args(argv)
    docs_dirs = args.docs or sorted(p for p in Path("docs").iterdir() if p.is_dir())
    try:
        content.install(content.load(content_modules(Path.cwd())))
    except (content.ContentError, CourseConfigError) as error:
        print(error, file=sys.stderr)
        return 2
    keys, problems = live_keys(docs_dirs)
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print("nothing deleted: fix the figure blocks above first", file=sys.stderr)
        return 1
    stale = cache.prune(args.cache, keys, dry_run=args.dry_run)
    if args.dry_run:
        print("\n".join(path.name for path in stale))
    figures = sum(1 for path in stale if path.suffix == ".json")
    print(f"{'would delete' if args.dry_run else 'deleted'} {len(stale)} files ({figures} figures); "
          f"{len(keys)} figures in use")
    return 0


if __name__ == "__main__":
    sys.exit(main())
