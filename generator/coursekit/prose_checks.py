"""The prose checks of one page (avoided wordings, Korean particles, math written as plain text), each finding as
the line it prints, remembered between builds.

A page's findings depend only on its text, its path and language, which checks are on, the glossary, the course's
Korean word readings and the checking code. Scanning every page is most of what the course adds to the build time
of a page, so the findings are kept in <cache_dir>/checks/, in a file named for a digest of the glossary, the
readings and the code (any change to those starts a new file), by a digest of the rest: a rebuild scans only the
pages that changed. Pure Python; the MkDocs step (coursekit/mkdocs/editing.py) decides what a finding does.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from coursekit import content
from coursekit.editing import particles
from coursekit.editing.prose import plain_math
from coursekit.glossary.model import Glossary
from coursekit.glossary.variants import find_variants_in_prose, prose_lines
from coursekit.page.disk_memo import DiskMemo

# The checks, by their names in course.yml's `rules`.
TERMS, KOREAN_PARTICLES, PLAIN_MATH = "terms", "korean_particles", "plain_math"
CHECKS = (TERMS, KOREAN_PARTICLES, PLAIN_MATH)
_CODE = [Path(__file__).resolve(), *sorted((Path(__file__).resolve().parent / "editing").glob("*.py")),
         *sorted((Path(__file__).resolve().parent / "glossary").glob("*.py"))]

# A page's digest -> its findings as JSON (check name -> lines), shared by all languages; only the pages of this
# build are written back, as each edit makes a new entry.
_remembered = DiskMemo(only_used=True)


def use_disk_cache(folder: Path, glossary_file: Path | None) -> None:
    """Read the findings earlier builds kept for this glossary, word list and code."""
    _remembered.use(folder / f"findings-{_setting_digest(glossary_file)}.json")


def save_disk_cache() -> None:
    _remembered.save()


def page_findings(source: str, *, path: str, lang: str, glossary: Glossary | None,
                  checks: frozenset[str]) -> dict[str, list[str]]:
    """The findings of each check in `checks` on one page's source (front matter included, for its line numbers)."""
    key = hashlib.sha256(json.dumps([path, lang, sorted(checks), glossary is not None, source],
                                    ensure_ascii=False).encode()).hexdigest()
    if (known := _remembered.get(key)) is not None:
        return json.loads(known)
    found = scan(source, path=path, lang=lang, glossary=glossary, checks=checks)
    _remembered[key] = json.dumps(found, ensure_ascii=False)
    return found


def scan(source: str, *, path: str, lang: str, glossary: Glossary | None,
         checks: frozenset[str]) -> dict[str, list[str]]:
    """page_findings without the memory: every check run on the text."""
    found: dict[str, list[str]] = {}
    prose = prose_lines(source) if PLAIN_MATH in checks or (TERMS in checks and glossary is not None) else []
    if TERMS in checks and glossary is not None:
        found[TERMS] = [use.message(path) for use in find_variants_in_prose(prose, glossary, lang)]
    if KOREAN_PARTICLES in checks and lang in particles.LANGUAGES:
        found[KOREAN_PARTICLES] = [finding.message(path) for finding in particles.scan(source)]
    if PLAIN_MATH in checks:
        found[PLAIN_MATH] = [math.message(path) for math in plain_math(source, prose)]
    return found


def _setting_digest(glossary_file: Path | None) -> str:
    h = hashlib.sha256(_code_digest().encode())
    h.update(json.dumps(sorted(content.active().korean_words.items()), ensure_ascii=False).encode())
    if glossary_file is not None and glossary_file.is_file():
        h.update(glossary_file.read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def _code_digest() -> str:
    h = hashlib.sha256()
    for path in _CODE:
        h.update(path.read_bytes())
    return h.hexdigest()
