"""The translation record (translations.yml) and each translated page's state against its source."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from coursekit.yaml_loading import load_yaml

from .fingerprint import PATTERN, PREFIX, fingerprint, matches

RECORD_NAME = "translations.yml"
HEADER = (
    "# Which version of its source each translated page was made from: a fingerprint of the source's body, title,\n"
    "# summary and description that ignores whitespace. Written by `python -m coursekit.translations record\n"
    "# <translated file>`, run after updating a translation; `python -m coursekit.translations check` lists\n"
    "# outdated ones. Do not edit by hand.\n"
)

CURRENT, OUTDATED, UNRECORDED = "current", "outdated", "unrecorded"


class RecordError(ValueError):
    """The record file or a command's argument is wrong; str() is one line per problem."""


@dataclass(frozen=True)
class Layout:
    """Where each language's pages live: <docs>/<lang>/ (docs/ unless the plugin's docs_root says otherwise)."""

    repo: Path
    languages: tuple[str, ...]  # primary first
    docs: str = "docs"

    @property
    def primary(self) -> str:
        return self.languages[0]

    def root(self, lang: str) -> Path:
        return self.repo / self.docs / lang

    @property
    def record_path(self) -> Path:
        return self.repo / RECORD_NAME


@dataclass(frozen=True)
class PageState:
    lang: str
    page: str  # path relative to the language root, with forward slashes
    state: str  # current | outdated | unrecorded

    def line(self, layout: Layout) -> str:
        source = f"docs/{layout.primary}/{self.page}"
        if self.state == UNRECORDED:
            return (f"docs/{self.lang}/{self.page}: no record of the {source} version it was translated from; "
                    f"after checking it, run: python -m coursekit.translations record docs/{self.lang}/{self.page}")
        return (f"docs/{self.lang}/{self.page}: outdated, {source} changed since it was translated; update it, then "
                f"run: python -m coursekit.translations record docs/{self.lang}/{self.page}")


def read_record(layout: Layout) -> dict[str, dict[str, str]] | None:
    """lang -> page -> source fingerprint; None when the course keeps no record (no translations.yml)."""
    path = layout.record_path
    if not path.is_file():
        return None
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError:
        raise RecordError(f"{RECORD_NAME}: not valid YAML; delete it and run "
                          f"`python -m coursekit.translations record --all` after checking the translations") from None
    problems = []
    if not isinstance(data, dict):
        raise RecordError(f"{RECORD_NAME}: expected a mapping of language -> page -> fingerprint")
    for lang, pages in data.items():
        if lang not in layout.languages[1:]:
            problems.append(f"{RECORD_NAME}: {lang}: not a translated language of this course "
                            f"({', '.join(layout.languages[1:])}); remove the section")
            continue
        if not isinstance(pages, dict):
            problems.append(f"{RECORD_NAME}: {lang}: expected a mapping of page -> fingerprint")
            continue
        for page, value in pages.items():
            if not isinstance(value, str) or not PATTERN.match(value):
                problems.append(f"{RECORD_NAME}: {lang}.{page}: not a fingerprint written by the record command; "
                                f"run: python -m coursekit.translations record docs/{lang}/{page}")
    if problems:
        raise RecordError("\n".join(problems))
    return {str(lang): {str(k): str(v) for k, v in pages.items()} for lang, pages in data.items()}


def write_record(layout: Layout, record: dict[str, dict[str, str]]) -> None:
    ordered = {lang: dict(sorted(record[lang].items())) for lang in layout.languages[1:] if record.get(lang)}
    text = HEADER + yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, default_flow_style=False)
    layout.record_path.write_text(text, encoding="utf-8")


def translated_pages(layout: Layout, lang: str) -> list[str]:
    """Pages of `lang` that have a source page at the same path in the primary language."""
    root, source_root = layout.root(lang), layout.root(layout.primary)
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*.md")
                  if (source_root / path.relative_to(root)).is_file())


def source_text(layout: Layout, page: str) -> str:
    return (layout.root(layout.primary) / page).read_text(encoding="utf-8")


def source_fingerprint(layout: Layout, page: str) -> str:
    return fingerprint(source_text(layout, page))


def states(layout: Layout, record: dict[str, dict[str, str]] | None = None) -> list[PageState]:
    """Every translated page's state. With no record file at all, freshness is not tracked: none is outdated."""
    if record is None:
        record = read_record(layout)
    result: list[PageState] = []
    for lang in layout.languages[1:]:
        for page in translated_pages(layout, lang):
            if record is None:
                state = CURRENT
            else:
                recorded = record.get(lang, {}).get(page)
                state = (UNRECORDED if recorded is None
                         else CURRENT if matches(recorded, source_text(layout, page)) else OUTDATED)
            result.append(PageState(lang, page, state))
    return result


def locate(layout: Layout, translated: Path) -> tuple[str, str]:
    """(lang, page) of a translated file given on the command line; RecordError says what is wrong with it."""
    path = translated if translated.is_absolute() else Path.cwd() / translated
    path = path.resolve()
    for lang in layout.languages[1:]:
        root = layout.root(lang).resolve()
        if path.is_relative_to(root):
            page = path.relative_to(root).as_posix()
            if not path.is_file():
                raise RecordError(f"{translated}: no such file; give the path of a translated page, "
                                  f"e.g. docs/{lang}/lessons/02-second-lesson.md")
            if not (layout.root(layout.primary) / page).is_file():
                raise RecordError(f"{translated}: no source docs/{layout.primary}/{page}; a translation has the same "
                                  f"path as its source under docs/{layout.primary}/")
            return lang, page
    roots = ", ".join(f"docs/{lang}/" for lang in layout.languages[1:])
    raise RecordError(f"{translated}: not a translated page; give a file under {roots}")


def record_pages(layout: Layout, pages: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Record the current source version for each (lang, page); return what was recorded."""
    record = read_record(layout) or {}
    done = []
    for lang, page in pages:
        record.setdefault(lang, {})[page] = source_fingerprint(layout, page)
        done.append((lang, page))
    write_record(layout, record)
    return done


def upgrade_record(layout: Layout) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Rewrite each record of the older whole-file form whose source is unchanged in the current form; leave the
    others (their source changed since) as they are, so they stay outdated. Returns (upgraded, left)."""
    record = read_record(layout) or {}
    upgraded, left = [], []
    for lang, pages in record.items():
        for page, value in pages.items():
            if value.startswith(PREFIX) or not (layout.root(layout.primary) / page).is_file():
                continue
            if matches(value, source_text(layout, page)):
                pages[page] = source_fingerprint(layout, page)
                upgraded.append((lang, page))
            else:
                left.append((lang, page))
    if upgraded:
        write_record(layout, record)
    return upgraded, left
