"""The `coursekit` command (`python -m coursekit`): start a course, a series or a lesson, and get the browser the
site checks run in. Mistakes are one line on stderr and exit status 2; nothing is half-written.

    coursekit new-course DIR --languages en,ko --title "Intro to Rust" [--name intro-to-rust]
    coursekit new-series ID [--title …]            (run in the course's folder)
    coursekit new-lesson SERIES SLUG [--title …] [--tag …]
    coursekit ensure-chromium                      (Debian's chromium for the browser checks, when missing)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from coursekit.authoring import cli as authoring
from coursekit.authoring.new_course import NewCourseError, parse_languages, plan_course, write_plan
from coursekit.course.errors import CourseConfigError


def _new_course(args: argparse.Namespace) -> int:
    target = args.dir.resolve()
    plan = plan_course(target, parse_languages(args.languages), args.title, name=args.name)
    write_plan(target, plan)
    print(f"wrote {len(plan.files)} files into {target}")
    for note in plan.notes:
        print(note)
    print(f"next: cd {args.dir} && make serve   (then `make test` before you publish)")
    return 0


def _ensure_chromium(args: argparse.Namespace) -> int:
    from coursekit.testing.chromium import ENSURE_SCRIPT

    return subprocess.run(["bash", str(ENSURE_SCRIPT)]).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="coursekit", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    course = commands.add_parser("new-course", help="a standalone course folder: make serve, make build, make test")
    course.add_argument("dir", type=Path, help="a new (or empty) folder")
    course.add_argument("--languages", required=True, help="two-letter codes, the primary first: en,ko")
    course.add_argument("--title", required=True, help="the course's title (in every language, to translate)")
    course.add_argument("--name", help="kebab-case name keying readers' stored progress (default: from the title)")
    commands.add_parser("ensure-chromium", help="install Debian's chromium (and CJK fonts) when it is missing")
    for name in ("new-lesson", "new-series"):
        commands.add_parser(name, add_help=False, help=f"see `coursekit {name} --help`")
    args, rest = parser.parse_known_args(argv)
    if args.command in ("new-lesson", "new-series"):
        return authoring.main([args.command, *rest])
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    try:
        return _new_course(args) if args.command == "new-course" else _ensure_chromium(args)
    except (NewCourseError, CourseConfigError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
