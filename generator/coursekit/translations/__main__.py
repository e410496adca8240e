"""Command line: record translations as current, or check which are outdated.

  python -m coursekit.translations record docs/ko/lessons/02-second-lesson.md [more files…]
  python -m coursekit.translations record --all      # every translated page (after checking them all)
  python -m coursekit.translations check             # one line per outdated translation; exit 1 if any
  python -m coursekit.translations upgrade           # rewrite records made before the fingerprint left out
                                                     # untranslated front matter (tags, status…), where current
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..course.errors import CourseConfigError
from ..course.mkdocs_file import docs_root, file_languages
from .record import CURRENT, Layout, RecordError, locate, record_pages, states, translated_pages, upgrade_record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.translations",
                                     description="Record and check which source version each translation follows.")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="the course repository (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    record = commands.add_parser("record", help="record translated pages as made from their current source")
    record.add_argument("files", nargs="*", type=Path, help="translated files, e.g. docs/ko/lessons/02-x.md")
    record.add_argument("--all", action="store_true", help="record every translated page")
    commands.add_parser("check", help="list outdated translations; exit 1 if there is one")
    commands.add_parser("upgrade", help="rewrite whole-file records of unchanged sources in the current form")
    args = parser.parse_args(argv)
    try:
        repo = args.repo.resolve()
        layout = Layout(repo, tuple(lang.code for lang in file_languages(repo / "mkdocs.yml")),
                        docs_root(repo).relative_to(repo).as_posix())
        if args.command == "record":
            if args.all == bool(args.files):
                parser.error("give translated files, or --all")
            pages = ([(lang, page) for lang in layout.languages[1:] for page in translated_pages(layout, lang)]
                     if args.all else [locate(layout, path) for path in args.files])
            for lang, page in record_pages(layout, pages):
                print(f"recorded docs/{lang}/{page} as translated from the current docs/{layout.primary}/{page}")
            return 0
        if args.command == "upgrade":
            upgraded, left = upgrade_record(layout)
            print(f"upgraded {len(upgraded)} records to the current fingerprint")
            for lang, page in left:
                print(f"docs/{lang}/{page}: kept as recorded, docs/{layout.primary}/{page} changed since it was "
                      f"translated; update it, then run: python -m coursekit.translations record docs/{lang}/{page}")
            return 0
        stale = [state for state in states(layout) if state.state != CURRENT]
        for state in stale:
            print(state.line(layout))
        if not stale:
            print("every translation is current")
        return 1 if stale else 0
    except (RecordError, CourseConfigError) as error:
        print(error, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
