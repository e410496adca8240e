"""Command line for glossary.yml.

  python -m coursekit.glossary check            # validate glossary.yml, then list avoided wordings in lessons
  python -m coursekit.glossary render ko        # print the glossary page of one language as Markdown
Exit status 1 when glossary.yml has a problem or a lesson uses an avoided wording.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..course.errors import CourseConfigError
from ..course.mkdocs_file import file_languages
from ..i18n import load_strings
from .lessons import lesson_links
from .model import FILE_NAME, GlossaryError, load
from .render import render_page
from .variants import find_variants


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.glossary", description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="the course repository (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate glossary.yml and list avoided wordings in the lessons")
    render = commands.add_parser("render", help="print one language's glossary page as Markdown")
    render.add_argument("lang")
    args = parser.parse_args(argv)
    repo = args.repo.resolve()
    try:
        languages = tuple(lang.code for lang in file_languages(repo / "mkdocs.yml"))
        lessons = {lang: lesson_links(repo / "docs" / lang) for lang in languages}
        glossary = load(repo / FILE_NAME, languages, set(lessons[languages[0]]))
    except (GlossaryError, CourseConfigError) as error:
        print(error, file=sys.stderr)
        return 1
    if args.command == "render":
        if args.lang not in languages:
            print(f"{args.lang}: not a language of this course ({', '.join(languages)})", file=sys.stderr)
            return 1
        sys.stdout.write(render_page(glossary, args.lang, load_strings(args.lang)["glossary"], lessons[args.lang],
                                     {lang: load_strings(lang)["site"]["language_name"] for lang in languages}))
        return 0
    uses = 0
    for lang in languages:
        for path in sorted((repo / "docs" / lang).rglob("*.md")):
            for use in find_variants(path.read_text(encoding="utf-8"), glossary, lang):
                print(use.message(path.relative_to(repo).as_posix()))
                uses += 1
    if not uses:
        print(f"{FILE_NAME}: {len(glossary.terms)} terms, {len(glossary.notation)} symbols; no lesson uses an "
              "avoided wording")
    return 1 if uses else 0


if __name__ == "__main__":
    sys.exit(main())
