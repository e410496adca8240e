"""The course's lessons in every language, read from docs/<lang>/lessons/, and the checks across files.

`read_catalog` is the only function here that touches the disk; everything else works on the parsed lessons so
that each rule is testable on its own.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from build_hooks.lessons.frontmatter import FrontMatterError, LessonMeta, parse_meta, split_front_matter
from build_hooks.lessons.reading_time import estimate_minutes

LESSONS_DIR = "lessons"
_FILE_NAME = re.compile(r"^(\d{2,})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
# The three closing blocks every published lesson has (AUTHORING.md): admonition type -> what the reader sees.
REQUIRED_BLOCKS = {"takeaways": "key takeaways", "links": "further reading", "exercise": "exercise"}
_BLOCK = re.compile(r'^!!! (\w+)', re.MULTILINE)


@dataclass(frozen=True)
class Lesson:
    """One language version of one lesson."""

    lang: str
    path: str  # as shown in messages, e.g. docs/en/lessons/02-diffusion-intuition.md
    src_uri: str  # relative to the language's docs_dir, e.g. lessons/02-diffusion-intuition.md
    meta: LessonMeta
    minutes: int

    @property
    def url(self) -> str:
        """Directory URL relative to the language root, as MkDocs writes it."""
        return self.src_uri[: -len(".md")] + "/"


@dataclass
class Catalog:
    """All lessons of all languages, plus the problems found while reading them."""

    languages: tuple[str, ...]
    lessons: list[Lesson] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def in_language(self, lang: str, *, include_drafts: bool) -> list[Lesson]:
        chosen = [lesson for lesson in self.lessons if lesson.lang == lang and (include_drafts or lesson.meta.published)]
        return sorted(chosen, key=lambda lesson: lesson.meta.number)

    def by_src_uri(self, lang: str, src_uri: str) -> Lesson | None:
        return next((l for l in self.lessons if l.lang == lang and l.src_uri == src_uri), None)

    def translations(self, lesson: Lesson) -> dict[str, Lesson]:
        """The versions of this lesson in every language, keyed by language (the lesson's own included)."""
        return {l.lang: l for l in self.lessons if l.src_uri == lesson.src_uri}


def parse_lesson(text: str, *, lang: str, path: str, src_uri: str, known_tags: frozenset[str]) -> tuple[Lesson | None, list[str]]:
    """One file's text -> (Lesson, []) or (None, one problem line per mistake)."""
    try:
        raw, body = split_front_matter(text)
    except FrontMatterError as error:
        return None, [f"{path}: {error}"]
    meta, problems = parse_meta(raw, known_tags=known_tags)
    lines = [f"{path}: field '{name}': {what}" for name, what in problems]
    name_match = _FILE_NAME.match(Path(src_uri).name)
    if not name_match:
        lines.append(f"{path}: file name: expected 'NN-kebab-case-slug.md' with the lesson number first "
                     "(at least two digits)")
    elif meta is not None and int(name_match.group(1)) != meta.number:
        lines.append(f"{path}: field 'number': {meta.number} does not match the file name's prefix "
                     f"{name_match.group(1)}: rename the file or fix the number")
    if meta is not None and meta.published:
        found = set(_BLOCK.findall(body))
        for block, label in REQUIRED_BLOCKS.items():
            if block not in found:
                lines.append(f"{path}: section '{block}': a published lesson needs its {label} block "
                             f"('!!! {block} \"…\"', see AUTHORING.md)")
    if meta is None or lines:
        return None, lines
    minutes = meta.minutes or estimate_minutes(body, lang)
    return Lesson(lang=lang, path=path, src_uri=src_uri, meta=meta, minutes=minutes), []


def check_catalog(catalog: Catalog, *, primary: str) -> None:
    """Add the problems that span files: duplicates, gaps, disagreeing or missing translations."""
    for lang in catalog.languages:
        seen_ids: dict[str, str] = {}
        seen_numbers: dict[int, str] = {}
        for lesson in catalog.in_language(lang, include_drafts=True):
            for field_name, key, seen in (("id", lesson.meta.id, seen_ids), ("number", lesson.meta.number, seen_numbers)):
                if key in seen:
                    catalog.errors.append(f"{lesson.path}: field '{field_name}': {key!r} is already used by "
                                          f"{seen[key]}: each lesson needs its own")
                else:
                    seen[key] = lesson.path
        published = [lesson.meta.number for lesson in catalog.in_language(lang, include_drafts=False)]
        for expected, lesson in zip(range(1, len(published) + 1), catalog.in_language(lang, include_drafts=False)):
            if lesson.meta.number != expected:
                catalog.errors.append(f"{lesson.path}: field 'number': published lessons must be numbered 1..N "
                                      f"without gaps; expected {expected}, got {lesson.meta.number}")
                break

    versions: dict[str, dict[str, Lesson]] = defaultdict(dict)
    for lesson in catalog.lessons:
        versions[lesson.src_uri][lesson.lang] = lesson
    for src_uri, by_lang in sorted(versions.items()):
        reference = by_lang.get(primary) or next(iter(by_lang.values()))
        for lang, lesson in sorted(by_lang.items()):
            for field_name in ("id", "number"):
                if getattr(lesson.meta, field_name) != getattr(reference.meta, field_name):
                    catalog.errors.append(
                        f"{lesson.path}: field '{field_name}': {getattr(lesson.meta, field_name)!r} disagrees with "
                        f"{reference.path} ({getattr(reference.meta, field_name)!r}): language versions must match")
        for lang in catalog.languages:
            if lang not in by_lang:
                message = (f"{reference.path}: translation missing: add docs/{lang}/{LESSONS_DIR}/{Path(src_uri).name}")
                if any(lesson.meta.published for lesson in by_lang.values()):
                    catalog.warnings.append(message)


def read_catalog(docs_root: Path, languages: tuple[str, ...], known_tags: frozenset[str], *, primary: str) -> Catalog:
    """Read docs_root/<lang>/lessons/*.md for every language and run every check."""
    catalog = Catalog(languages=languages)
    for lang in languages:
        folder = docs_root / lang / LESSONS_DIR
        for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            shown = path.relative_to(docs_root.parent).as_posix()
            src_uri = f"{LESSONS_DIR}/{path.name}"
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                catalog.errors.append(f"{shown}: cannot be read as UTF-8 text: {error}")
                continue
            lesson, problems = parse_lesson(text, lang=lang, path=shown, src_uri=src_uri, known_tags=known_tags)
            catalog.errors.extend(problems)
            if lesson is not None:
                catalog.lessons.append(lesson)
    check_catalog(catalog, primary=primary)
    return catalog
