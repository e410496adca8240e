"""Every lesson of every series in every language, read from docs/<lang>/<series folder>/, and the checks across
files.

`read_catalog` is the only function here that touches the disk; everything else works on the parsed lessons so
that each rule is testable on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from coursekit.course.config import EXERCISE_BLOCK, CourseConfig
from coursekit.fences import find_blocks
from coursekit.lessons.frontmatter import FrontMatterError, LessonMeta, parse_meta, split_front_matter
from coursekit.lessons.reading_time import estimate_minutes
from coursekit.questions.parse import Question, parse_questions
from coursekit.questions.version import version_of

_FILE_NAME = re.compile(r"^(\d{2,})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
_BLOCK = re.compile(r'^!!! (\w+)', re.MULTILINE)
_ANSWER = re.compile(r"^ {4}\?\?\?\+? answer\b", re.MULTILINE)


@dataclass(frozen=True)
class Lesson:
    """One language version of one lesson."""

    lang: str
    series: str  # the id of the series it belongs to (the folder it lives in)
    path: str  # as shown in messages, e.g. docs/en/lessons/02-diffusion-intuition.md
    src_uri: str  # relative to the language's docs_dir, e.g. lessons/02-diffusion-intuition.md
    meta: LessonMeta
    minutes: int
    questions: tuple[Question, ...] = ()  # its ```question blocks, in order
    exercise: bool = True  # it has an exercise block (which holds the reader's "exercise done" control)
    # What course.yml's rules look at (coursekit.lessons.rules), found once when the file is read:
    blocks: tuple[str, ...] = ()  # its top-level admonition types (!!! <type>), in order
    figures: int = 0  # its ```figure blocks
    worked_answer: bool = False  # its exercise block holds a ??? answer block

    @property
    def url(self) -> str:
        """Directory URL relative to the language root, as MkDocs writes it."""
        return self.src_uri[: -len(".md")] + "/"


@dataclass
class Catalog:
    """All lessons of all languages, plus the problems found while reading them."""

    languages: tuple[str, ...]
    series: tuple[str, ...]  # series ids, in the course's order
    lessons: list[Lesson] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # (language, series) with a file that could not be read: its numbering is not checked, so one mistake is
    # reported once, not again as a gap.
    incomplete: set[tuple[str, str]] = field(default_factory=set)
    _versions: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict, repr=False, compare=False)

    def in_language(self, lang: str, *, include_drafts: bool) -> list[Lesson]:
        """The lessons of one language, series by series in the course's order, each series by number."""
        chosen = [lesson for lesson in self.lessons if lesson.lang == lang and (include_drafts or lesson.meta.published)]
        return sorted(chosen, key=lambda lesson: (self.series.index(lesson.series), lesson.meta.number))

    def question_versions(self, lesson: Lesson, primary: str) -> list[tuple[str, str]]:
        """(question id, version) for each question, hashed from the primary language's text (see version.py).
        Worked out once per lesson: its page, its translations' pages and the review page all ask."""
        key = (lesson.src_uri, primary)
        if key not in self._versions:
            source = self.translations(lesson).get(primary, lesson)
            self._versions[key] = [(q.id, version_of(q)) for q in source.questions]
        return list(self._versions[key])

    def translations(self, lesson: Lesson) -> dict[str, Lesson]:
        """The versions of this lesson in every language, keyed by language (the lesson's own included)."""
        return dict(self.by_source.get(lesson.src_uri, {}))

    @cached_property
    def by_source(self) -> dict[str, dict[str, Lesson]]:
        """src_uri -> language -> that version. Made on first use, which comes once every file is read (the checks
        in read_catalog); every page asks, and a scan per page would grow a large course's build quadratically."""
        index: dict[str, dict[str, Lesson]] = {}
        for lesson in self.lessons:
            index.setdefault(lesson.src_uri, {})[lesson.lang] = lesson
        return index


def parse_lesson(text: str, *, lang: str, series: str, path: str, src_uri: str, known_tags: frozenset[str],
                 rates: tuple[int, int]) -> tuple[Lesson | None, list[str]]:
    """One file's text -> (Lesson, []) or (None, one problem line per mistake).

    What a course asks of a lesson's content (closing blocks, questions, figures: course.yml `rules`) is checked
    by the build, page by page (coursekit.lessons.rules)."""
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
    questions, question_problems = parse_questions(body, path)
    lines += question_problems
    if meta is None or lines:
        return None, lines
    minutes = meta.minutes or estimate_minutes(body, words_per_minute=rates[0], characters_per_minute=rates[1])
    blocks = tuple(_BLOCK.findall(body))
    exercise = _exercise(body)
    return Lesson(lang=lang, series=series, path=path, src_uri=src_uri, meta=meta, minutes=minutes,
                  questions=tuple(questions), exercise=EXERCISE_BLOCK in blocks, blocks=blocks,
                  figures=len(find_blocks(body, "figure")),
                  worked_answer=exercise is not None and bool(_ANSWER.search(exercise))), []


def _exercise(body: str) -> str | None:
    """The exercise block's text: its opening line and every indented or blank line after it."""
    start = re.search(rf"^!!! {EXERCISE_BLOCK}\b.*$", body, re.MULTILINE)
    if start is None:
        return None
    end = re.search(r"^\S", body[start.end() + 1:], re.MULTILINE)
    return body[start.start(): start.end() + 1 + (end.start() if end else len(body))]


def check_catalog(catalog: Catalog, *, primary: str) -> None:
    """Add the problems that span files: duplicates, gaps, disagreeing or missing translations."""
    for lang in catalog.languages:
        seen_ids: dict[str, str] = {}
        seen_numbers: dict[tuple[str, int], str] = {}
        for lesson in catalog.in_language(lang, include_drafts=True):
            # Ids are unique site-wide (progress is keyed by them); numbers within a series.
            for field_name, key, seen, shown in (("id", lesson.meta.id, seen_ids, lesson.meta.id),
                                                 ("number", (lesson.series, lesson.meta.number), seen_numbers,
                                                  lesson.meta.number)):
                if key in seen:
                    catalog.errors.append(f"{lesson.path}: field '{field_name}': {shown!r} is already used by "
                                          f"{seen[key]}: each lesson needs its own")
                else:
                    seen[key] = lesson.path
        for series in catalog.series:
            if (lang, series) in catalog.incomplete:
                continue
            published = [l for l in catalog.in_language(lang, include_drafts=False) if l.series == series]
            for expected, lesson in enumerate(published, start=1):
                if lesson.meta.number != expected:
                    catalog.errors.append(f"{lesson.path}: field 'number': published lessons of a series must be "
                                          f"numbered 1..N without gaps; expected {expected}, got {lesson.meta.number}")
                    break

    for src_uri, by_lang in sorted(catalog.by_source.items()):
        reference = by_lang.get(primary) or next(iter(by_lang.values()))
        for lang, lesson in sorted(by_lang.items()):
            for field_name in ("id", "number"):
                if getattr(lesson.meta, field_name) != getattr(reference.meta, field_name):
                    catalog.errors.append(
                        f"{lesson.path}: field '{field_name}': {getattr(lesson.meta, field_name)!r} disagrees with "
                        f"{reference.path} ({getattr(reference.meta, field_name)!r}): language versions must match")
            check_question_translations(lesson, reference, catalog.errors)
        for lang in catalog.languages:
            if lang not in by_lang and any(lesson.meta.published for lesson in by_lang.values()):
                catalog.warnings.append(f"{reference.path}: translation missing: add docs/{lang}/{src_uri}")


def check_question_translations(lesson: Lesson, reference: Lesson, errors: list[str]) -> None:
    """Readers' answers are shared across languages, so every version asks the same questions with the same
    answers: same ids in the same order, same choice count, same correct choices or numeric answer."""
    if lesson is reference:
        return
    ids, ref_ids = [q.id for q in lesson.questions], [q.id for q in reference.questions]
    if ids != ref_ids:
        errors.append(f"{lesson.path}: questions: ids {ids} disagree with {reference.path} {ref_ids}: every "
                      "language version needs the same questions in the same order")
        return
    for mine, theirs in zip(lesson.questions, reference.questions):
        if mine.key != theirs.key:
            what = ("numeric answer or tolerance" if mine.numeric or theirs.numeric
                    else "kind, choice count or correct choices")
            errors.append(f"{lesson.path}:{mine.line}: question '{mine.id}': its {what} disagree with "
                          f"{reference.path}:{theirs.line}: language versions must match")


def read_catalog(docs_root: Path, course: CourseConfig) -> Catalog:
    """Read docs_root/<lang>/<series folder>/*.md for every language and series, and run every check."""
    catalog = Catalog(languages=course.codes, series=tuple(series.id for series in course.series))
    known_tags = frozenset(course.tags)
    for language in course.languages:
        rates = (language.words_per_minute, language.characters_per_minute)
        for series in course.series:
            folder = docs_root / language.code / series.folder
            for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
                shown = path.relative_to(docs_root.parent).as_posix()
                try:
                    text = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError) as error:
                    catalog.errors.append(f"{shown}: cannot be read as UTF-8 text: {error}")
                    catalog.incomplete.add((language.code, series.id))
                    continue
                lesson, problems = parse_lesson(
                    text, lang=language.code, series=series.id, path=shown, src_uri=f"{series.folder}/{path.name}",
                    known_tags=known_tags, rates=rates)
                catalog.errors.extend(problems)
                if lesson is not None:
                    catalog.lessons.append(lesson)
                else:
                    catalog.incomplete.add((language.code, series.id))
    check_catalog(catalog, primary=course.primary)
    return catalog
